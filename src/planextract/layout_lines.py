"""Glyphs to lines: rows, words, cells and columns, in reading order.

Glyphs are grouped into rows by their vertical centres, sorted left to
right (overprinted copies dropped), cut into words at gaps and into
separate :class:`~planextract.models.Line` objects at wide gaps (table
cells, columns) and at the gutters of multi-column pages.  Prose columns
and side boxes are read one after the other; a table's columns stay in
row order.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter

from .layout_glyphs import Glyph, emboldened
from .models import Line
from .textnorm import normalize


@dataclass(frozen=True)
class LayoutSettings:
    """Thresholds of the layout layer, in ems (font sizes) or page shares."""

    word_gap: float = 0.16  # a gap wider than this between glyphs is a space
    word_gap_max: float = 0.6  # ...and up to this an ordinary space between words
    split_gap: float = 0.9  # ...wider than this (and 2.5 times the row's spaces) splits the row
    wide_split_gap: float = 2.5  # ...wider than this always splits
    gutter_gap: float = 0.6  # ...or than this where the gap holds a two-column gutter
    marker_gap: float = 4.0  # a bullet or section number joins the text up to this gap
    row_tolerance: float = 0.5  # vertical centres closer than this share of a glyph's height share a row
    margin: float = 0.11  # share of the page height at top and bottom where page numbers live
    running_margin: float = 0.09  # ...and where repeated headers and footers live
    repeat_share: float = 0.3  # a running line repeats on this share of the pages (and on 2+)
    repeat_offset: float = 6.0  # points a running line may move between pages
    min_column_lines: int = 6  # lines each side needs for a page to count as two-column prose
    list_column_long_share: float = 0.5  # share of full lines in a column of lists beside a prose column
    min_gutter_rows: int = 3  # rows with text on each side of a white strip for it to split lines


SETTINGS = LayoutSettings()


# --------------------------------------------------------------------------
# Rows, words and lines
# --------------------------------------------------------------------------


def _rows(glyphs: list[Glyph], settings: LayoutSettings) -> list[list[Glyph]]:
    """Group glyphs into rows by their vertical centres."""
    if not glyphs:
        return []
    glyphs.sort(key=_centre_key)
    tolerance = settings.row_tolerance
    rows: list[list[Glyph]] = []
    current: list[Glyph] = []
    limit = -math.inf
    for glyph in glyphs:
        mid2 = glyph[1] + glyph[3]  # twice the centre
        if mid2 <= limit:
            current.append(glyph)
            continue
        current = [glyph]
        rows.append(current)
        height = glyph[3] - glyph[1]
        limit = mid2 + 2 * tolerance * (height if height > 0 else 1.0)
    if len(rows) > 1:
        _settle(rows)
    return rows


def _settle(rows: list[list[Glyph]]) -> None:
    """Move glyphs that joined a row at its edge to the next row when they sit on it.

    Rows grow in order of the glyphs' centres, so a glyph a little above
    its own line can land in the row of the line before (a side box beside
    the body text, an accented letter with a taller box).
    """
    middles = [(row[len(row) // 2][1] + row[len(row) // 2][3]) for row in rows]  # twice the median centre
    for i in range(len(rows) - 1):
        row, middle, below = rows[i], middles[i], middles[i + 1]
        if (row[-1][1] + row[-1][3]) - middle < 0.6 * (row[-1][3] - row[-1][1]):
            continue  # the row's last (lowest) glyph sits on it: nothing strays
        keep, move = [], []
        for glyph in row:
            mid2 = glyph[1] + glyph[3]
            (move if below - mid2 < mid2 - middle else keep).append(glyph)
        if move and keep:
            rows[i] = keep
            rows[i + 1].extend(move)


def _centre_key(glyph: Glyph) -> float:
    return glyph[1] + glyph[3]


def _x0_key(glyph: Glyph) -> float:
    return glyph[0]


def _words(row: list[Glyph], settings: LayoutSettings) -> tuple[list[list[Glyph]], list[float]]:
    """Sort a row left to right, drop overprinted copies, cut it into words.

    Returns the words and, for each, the gap before it in ems (0 for the
    first).  A copy of a glyph drawn again at about the same place (fake
    bold) is dropped.
    """
    row.sort(key=_x0_key)
    word_gap = settings.word_gap
    words: list[list[Glyph]] = []
    gaps: list[float] = []
    word: list[Glyph] = []
    previous = None
    last_x1 = -math.inf
    for glyph in row:
        x0 = glyph[0]
        if previous is not None:
            width = previous[2] - previous[0]
            if x0 - previous[0] < 0.3 * width and glyph[4] == previous[4] and abs(glyph[1] - previous[1]) < 0.3 * (previous[3] - previous[1]):
                if not previous[5].bold:  # overprinting is how some PDFs fake bold
                    previous = word[-1] = (*previous[:5], emboldened(previous[5]), *previous[6:])
                continue  # an overprinted copy
            size = glyph[5].size
            other = previous[5].size
            em = (size if size < other else other) or (glyph[3] - glyph[1]) or 1.0
            gap = (x0 - last_x1) / em
            if gap > word_gap or (glyph[6] and gap > -0.05 and glyph is not previous):
                words.append(word)
                gaps.append(gap)
                word = []
        else:
            gaps.append(0.0)
        word.append(glyph)
        if glyph[2] > last_x1:
            last_x1 = glyph[2]
        previous = glyph
    if word:
        words.append(word)
    if len(words) >= 5 and sum(1 for w in words if len(w) == 1) >= 0.6 * len(words):
        words, gaps = _unspace(words, gaps)
    return words, gaps


def _unspace(words: list[list[Glyph]], gaps: list[float]) -> tuple[list[list[Glyph]], list[float]]:
    """Rejoin the letters of letter-spaced text ("V a r f ö r  e n") into words.

    The gaps between letters are the row's usual gap; a word gap is
    clearly wider.
    """
    inner = sorted(gaps[1:])
    usual = inner[len(inner) // 2]
    if usual > 0.6:  # wider than letter spacing: single figures in table cells
        return words, gaps
    merged, merged_gaps = [list(words[0])], [gaps[0]]
    for gap, word in zip(gaps[1:], words[1:]):
        if gap <= 1.5 * usual + 0.05:
            merged[-1].extend(word)
        else:
            merged.append(list(word))
            merged_gaps.append(gap)
    return merged, merged_gaps


def _segments(
    words: list[list[Glyph]], gaps: list[float], settings: LayoutSettings, gutters: list[float] = ()
) -> list[list[list[Glyph]]]:
    """Split a row's words into segments at wide gaps and at the page's column gutters."""
    if not words:
        return []
    # the row's ordinary word spacing (wide gaps between cells left out): a
    # split needs a gap well above it, so stretched justified lines hold
    inner = sorted(gap for gap in gaps[1:] if gap < settings.word_gap_max)
    usual = inner[len(inner) // 2] if inner else 0.3
    threshold = max(settings.split_gap, 2.5 * usual)
    every = sorted(gaps[1:])
    if len(every) >= 3 and every[-1] <= 1.5 * every[0] and every[-1] < settings.wide_split_gap:
        threshold = settings.wide_split_gap  # even, stretched spaces: a justified line
    gutter_gap = max(settings.gutter_gap, 1.8 * usual, 1.5 * every[len(every) // 2] if every else 0.0)
    wide = settings.wide_split_gap
    segments: list[list[list[Glyph]]] = [[words[0]]]
    previous = words[0]
    for gap, item in zip(gaps[1:], words[1:]):
        if gap >= gutter_gap and any(previous[-1][2] <= x <= item[0][0] for x in gutters):
            segments.append([item])  # the gap holds the gutter of two columns
        elif gap > threshold or gap > wide:
            current = segments[-1]
            if len(current) == 1 and gap <= settings.marker_gap and _is_marker(current[0]):
                current.append(item)  # "•<tab>text", "3.1.2<tab>Heading": one line
            else:
                segments.append([item])
        else:
            segments[-1].append(item)
        previous = item
    return segments


_MARKER = re.compile(r"^(?:[•■◦○►▶➤✓✔\-–—*o]|\d{1,2}(?:\.\d{1,2}){0,4}\.?|[a-zA-Z]\)|\(?\d{1,2}\)|[ivx]{1,4}\.)$")


def _is_marker(word: list[Glyph]) -> bool:
    """A list bullet or a section number standing alone before a tab."""
    return len(word) <= 12 and bool(_MARKER.match(normalize("".join(g[4] for g in word))))


_X0, _TOP, _X1, _BOTTOM, _FONT = (itemgetter(i) for i in (0, 1, 2, 3, 5))


def _make_line(segment: list[list[Glyph]], page_number: int) -> Line | None:
    text = normalize(" ".join(["".join([g[4] for g in word]) for word in segment]))
    if not text:
        return None
    glyphs = [g for word in segment for g in word]
    fonts = Counter(map(_FONT, glyphs))
    total = len(glyphs)
    bold = italic = 0
    sizes: Counter = Counter()
    for font, n in fonts.items():
        sizes[font.size] += n
        if font.bold:
            bold += n
        if font.italic:
            italic += n
    bbox = (
        round(min(map(_X0, glyphs)), 2),
        round(min(map(_TOP, glyphs)), 2),
        round(max(map(_X1, glyphs)), 2),
        round(max(map(_BOTTOM, glyphs)), 2),
    )
    main = fonts.most_common(1)[0][0]
    size = sizes.most_common(1)[0][0]
    return Line(text, page_number, bbox, size, bold * 2 > total, italic * 2 > total, main.name)


def build_lines(
    glyphs: list[Glyph], page_number: int, width: float, settings: LayoutSettings = SETTINGS
) -> list[Line]:
    """The lines of a page in reading order."""
    worded = [_words(row, settings) for row in _rows(glyphs, settings)]
    gutters = find_gutters([words for words, _ in worded], 0.0, width, settings)
    rows: list[list[Line]] = []
    for words, gaps in worded:
        lines = [_make_line(segment, page_number) for segment in _segments(words, gaps, settings, gutters)]
        lines = [line for line in lines if line is not None]
        if lines:
            rows.append(lines)
    return reading_order(rows, gutters, settings)


# --------------------------------------------------------------------------
# Reading order
# --------------------------------------------------------------------------


def find_gutters(rows: list[list[list[Glyph]]], lo: float, hi: float, settings: LayoutSettings = SETTINGS) -> list[float]:
    """The x of each white strip between columns in ``lo``..``hi`` (two, three or four columns).

    Finds one gutter, then looks for more on each side of it.
    """
    x = find_gutter(rows, lo, hi, settings)
    if x is None:
        return []
    found = [x]
    for side_lo, side_hi in ((lo, x), (x, hi)):
        if side_hi - side_lo < 0.45 * (hi - lo) or side_hi - side_lo < 150:
            continue  # too narrow to hold two more columns
        inside = [[w for w in words if w[0][0] >= side_lo and w[-1][2] <= side_hi] for words in rows]
        found.extend(find_gutters([words for words in inside if words], side_lo, side_hi, settings))
    return sorted(found)


def find_gutter(rows: list[list[list[Glyph]]], lo: float, hi: float, settings: LayoutSettings = SETTINGS) -> float | None:
    """The x of a vertical white strip between two columns in ``lo``..``hi``, or ``None``.

    ``rows`` holds each row's words.  The strip lies in the middle of the
    span (30-70 % of it), few rows have a word across it (titles and intro
    paragraphs spanning both columns may), and enough rows have text on
    each side of it.
    """
    if len(rows) < settings.min_column_lines:
        return None
    step = 2.0
    first, last = int((lo + (hi - lo) * 0.3) / step), int((lo + (hi - lo) * 0.7) / step)
    if last <= first:
        return None
    size = last - first + 1
    changes = [0] * (size + 1)  # +1 where a word starts covering a bin, -1 after it ends
    extents = []
    for words in rows:
        if not words:
            continue
        extents.append((words[0][0][0], words[-1][-1][2]))
        for word in words:
            start, end = int(word[0][0] / step) - first, int(word[-1][2] / step) - first
            if end < 0 or start >= size:
                continue
            changes[start if start > 0 else 0] += 1
            changes[(end if end < size else size - 1) + 1] -= 1
    crossing = list(itertools.accumulate(changes[:size]))
    fewest = min(crossing)
    if fewest * 2 > len(extents):
        return None
    # the widest run of bins with (about) the fewest crossings: a gutter is
    # wider than the word gaps that happen to line up in a few rows
    allowed = fewest + max(1, len(extents) // 20)
    best_run, run_start = (0, 0), None
    for i, count in enumerate(crossing + [allowed + 1]):
        if count <= allowed and run_start is None:
            run_start = i
        elif count > allowed and run_start is not None:
            if i - run_start > best_run[1] - best_run[0]:
                best_run = (run_start, i)
            run_start = None
    # inside the run, the stretch with the fewest crossings
    inside = crossing[best_run[0] : best_run[1]]
    fewest = min(inside)
    lows = [best_run[0] + i for i, count in enumerate(inside) if count == fewest]
    best_run = (lows[0], lows[-1] + 1)
    x = (first + (best_run[0] + best_run[1]) / 2) * step
    # the width of the dip in crossings around x, half-way down from the usual level
    level = sorted(crossing)[len(crossing) // 2]
    half = (fewest + level) / 2
    start, end = best_run
    while start > 0 and crossing[start - 1] <= half:
        start -= 1
    while end < len(crossing) and crossing[end] <= half:
        end += 1
    sizes = sorted(words[0][0][5].size for words in rows if words)
    if (end - start) * step < 0.6 * sizes[len(sizes) // 2]:
        return None  # narrower than a column gutter: word gaps that line up
    left = sum(1 for x0, _ in extents if x0 < x)
    right = sum(1 for _, x1 in extents if x1 > x)
    if fewest * 2 > min(left, right) or min(left, right) - fewest < settings.min_gutter_rows:
        return None
    return x


def _prose_columns(lines: list[Line], gutter: float, settings: LayoutSettings) -> bool:
    """True when the lines on both sides of ``gutter`` read as prose columns.

    Each side needs enough lines, most starting at one x and most running
    most of the side's width: wrapped paragraphs, not table cells.
    """
    if not lines:
        return False
    # also judged on body text only: chart labels and captions are set smaller
    body = Counter(line.font_size for line in lines).most_common(1)[0][0]
    same_size = [line for line in lines if abs(line.font_size - body) <= 0.08 * body]
    return _prose_sides(lines, gutter, settings) or (
        len(same_size) < len(lines) and _prose_sides(same_size, gutter, settings)
    )


def _prose_sides(lines: list[Line], gutter: float, settings: LayoutSettings) -> bool:
    left = [line for line in lines if line.x1 <= gutter]
    right = [line for line in lines if line.x0 >= gutter]
    if not left or not right:
        return False
    # judge the stretch where both sides hold text (a chart under one column is not prose)
    top = max(min(line.top for line in left), min(line.top for line in right))
    bottom = min(max(line.bottom for line in left), max(line.bottom for line in right))
    left = [line for line in left if line.bottom >= top and line.top <= bottom]
    right = [line for line in right if line.bottom >= top and line.top <= bottom]
    spans = [_prose_span(left, settings), _prose_span(right, settings)]
    if spans.count(None) == 1:
        # beside a prose column, a column of headings and lists: its short
        # lines (labels, the last lines of items) are not prose, but its
        # lines still start at a few x
        i = spans.index(None)
        spans[i] = _prose_span((left, right)[i], settings, long_share=settings.list_column_long_share)
    if None in spans:
        return False
    # columns of a page are of about one width; a label column beside a
    # text column is a table
    if not 0.4 <= spans[0] / spans[1] <= 2.5:
        return False
    # in a two-column table each left cell starts level with a right cell;
    # paragraphs of two prose columns start independently
    left_starts = _paragraph_starts(left)
    right_starts = _paragraph_starts(right)
    level = sum(1 for top in left_starts if any(abs(top - other) <= 2.0 for other in right_starts))
    return not (len(left_starts) >= 3 and level >= 0.7 * len(left_starts))


def _prose_span(side: list[Line], settings: LayoutSettings, long_share: float = 0.6) -> float | None:
    """The width of ``side`` when it reads as a prose column, else ``None``.

    Enough lines, most starting at one x and most (``long_share``) running
    most of the width.
    """
    if len(side) < settings.min_column_lines:
        return None
    starts = Counter(round(line.x0 / 4) for line in side)
    aligned = sum(n for _, n in starts.most_common(2))
    span = max(line.x1 for line in side) - min(line.x0 for line in side)
    long_lines = sum(1 for line in side if line.x1 - line.x0 >= 0.6 * span)
    if aligned < 0.6 * len(side) or long_lines < long_share * len(side):
        return None
    return span


def _short_column(lines: list[Line], gutter: float, settings: LayoutSettings) -> bool:
    """True when one side of ``gutter`` is a prose column and the other a short one.

    The last column of a two-column page often holds only the end of a
    paragraph or list: a few wrapped lines at the top, white below, beside
    a full column of about the same width that runs on well below them.
    """
    left = _without_lone_ends(sorted((line for line in lines if line.x1 <= gutter), key=lambda l: l.top))
    right = _without_lone_ends(sorted((line for line in lines if line.x0 >= gutter), key=lambda l: l.top))
    for long_side, short_side in ((left, right), (right, left)):
        if not 2 <= len(short_side) < settings.min_column_lines:
            continue
        long_span = _prose_span(long_side, settings)
        if long_span is None:
            continue
        height = max(line.bottom - line.top for line in short_side)
        short_x0 = min(line.x0 for line in short_side)
        short_span = max(line.x1 for line in short_side) - short_x0
        gaps = [b.top - a.bottom for a, b in zip(short_side, short_side[1:])]
        below = [line for line in long_side if line.top > short_side[-1].bottom]
        if (
            0.75 <= short_span / long_span <= 1.33
            and abs(short_side[0].top - long_side[0].top) <= 1.5 * height
            and all(gap <= height for gap in gaps)
            and all(line.x1 - line.x0 >= 0.8 * short_span for line in short_side[:-1])
            and len(below) >= 3
        ):
            return True
    return False


def _without_lone_ends(side: list[Line]) -> list[Line]:
    """``side`` (sorted top down) without a lone first or last line set apart by white.

    Running headers and page numbers are still on the page when columns are
    judged.
    """
    def apart(a: Line, b: Line) -> bool:
        return b.top - a.bottom > 1.5 * min(a.bottom - a.top, b.bottom - b.top)

    if len(side) >= 2 and apart(side[0], side[1]):
        side = side[1:]
    if len(side) >= 2 and apart(side[-2], side[-1]):
        side = side[:-1]
    return side


def _side_box(lines: list[Line], gutter: float) -> bool:
    """True when one side of ``gutter`` holds a box of text set apart beside body text.

    A pull quote or fact box: a run of at least three lines without
    paragraph gaps, all in one style (size, slant, font) of their own,
    beside at least three lines of text in other styles.
    """
    left = sorted((line for line in lines if line.x1 <= gutter), key=lambda l: l.top)
    right = sorted((line for line in lines if line.x0 >= gutter), key=lambda l: l.top)
    for box_side, body_side in ((right, left), (left, right)):
        runs: list[list[Line]] = []
        for line in box_side:
            if runs and line.top - runs[-1][-1].bottom <= 0.8 * (line.bottom - line.top):
                runs[-1].append(line)
            else:
                runs.append([line])
        for run in runs:
            if len(run) < 3:
                continue
            style = {(round(line.font_size), line.italic, line.fontname) for line in run}
            beside = [line for line in body_side if line.bottom >= run[0].top and line.top <= run[-1].bottom]
            level = any(abs(line.top - run[0].top) <= 2.0 for line in beside)  # a table row
            if len(style) == 1 and len(beside) >= 3 and not level and not style & {
                (round(line.font_size), line.italic, line.fontname) for line in beside
            }:
                return True
    return False


def _paragraph_starts(side: list[Line]) -> list[float]:
    """Tops of the lines that follow a wider than usual vertical gap."""
    tops = sorted({round(line.top, 1) for line in side})
    pitches = sorted(b - a for a, b in zip(tops, tops[1:]) if b - a > 0.5)
    if not pitches:
        return tops[:1]
    pitch = pitches[len(pitches) // 2]
    return tops[:1] + [b for a, b in zip(tops, tops[1:]) if b - a > 1.4 * pitch]


def reading_order(rows: list[list[Line]], gutters: list[float], settings: LayoutSettings = SETTINGS) -> list[Line]:
    """Lines top to bottom, each prose column before the next one to its right.

    Only gutters between prose columns change the order (a table's columns
    stay in row order).  A row with a line across such a gutter (a title, a
    full-width paragraph) ends a block of columns.
    """
    lines = [line for row in rows for line in row]
    bounds = [-math.inf, *gutters, math.inf]
    ordering = [
        x for i, x in enumerate(gutters, start=1)
        if _prose_columns(lines, x, settings)
        or _prose_columns([l for l in lines if bounds[i - 1] <= l.x0 and l.x1 <= bounds[i + 1]], x, settings)
        or _side_box(lines, x)
        or _short_column(lines, x, settings)
    ]
    if not ordering:
        return lines
    ordered: list[Line] = []
    block: list[Line] = []

    def flush():
        block.sort(key=lambda line: bisect.bisect_right(ordering, line.x0))  # stable: top to bottom within
        ordered.extend(block)
        block.clear()

    for row in rows:
        if any(line.x0 < x < line.x1 for line in row for x in ordering):
            flush()
            ordered.extend(row)
        else:
            block.extend(row)
    flush()
    return ordered
