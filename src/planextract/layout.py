"""PDF pages to normalised text lines, fast.

:func:`read_layout` reads every character of a page with pdfium's text
page (one ctypes call for the text, two per character for box and text
object, font data once per text object), groups the characters into rows,
splits rows at wide gaps (columns, table cells) into :class:`Line` objects,
puts them in reading order (left column before right on two-column prose
pages), removes running headers, footers and page numbers, and marks
table-of-contents pages.  Each page is closed before the next one is read,
so memory does not grow with the page count.  Pages without a text layer
go to :mod:`planextract.ocr` when asked.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

import pypdfium2.raw as pdfium_c

from . import ocr as ocr_module
from .errors import DocumentError
from .models import Line, PageLayout
from .pdfdoc import PDFIUM_LOCK, load_page, open_document
from .rules import RulesModel, load_rules
from .textnorm import normalize

OCR_MODES = ("auto", "always", "never")
REOPEN_EVERY = 50  # pages read before the document is closed and opened again
SCAN_TEXT_LIMIT = 40  # characters below which a page covered by an image is taken for a scan


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
    min_gutter_rows: int = 3  # rows with text on each side of a white strip for it to split lines


SETTINGS = LayoutSettings()


class LayoutRules(RulesModel):
    """``rules/layout.yaml``: TOC headings and page-number patterns."""

    toc_headings: list[str]
    page_number_patterns: list[str]


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[frozenset, tuple]:
    rules = load_rules("layout.yaml", LayoutRules)
    patterns = tuple(re.compile(rf"^\s*(?:{p})\s*$", re.IGNORECASE) for p in rules.page_number_patterns)
    return frozenset(h.casefold() for h in rules.toc_headings), patterns


# --------------------------------------------------------------------------
# pdfium access: private function pointers with cheap argument types
# --------------------------------------------------------------------------


def _pdfium_function(name: str, restype, *argtypes):
    """A fresh ctypes function object for ``name`` (not shared with pypdfium2)."""
    library = getattr(pdfium_c, "_libs", None)
    if library is None:
        from pypdfium2_raw import bindings

        library = bindings._libs
    function = library["pdfium"][name]
    function.restype = restype
    function.argtypes = argtypes or None
    return function


_VP = ctypes.c_void_p
# No argtypes: the caller passes ready c_void_p handles and plain ints, which
# halves the cost of a call (these two run for every character).
_LOOSE_BOX = _pdfium_function("FPDFText_GetLooseCharBox", ctypes.c_int)
_TEXT_OBJECT = _pdfium_function("FPDFText_GetTextObject", _VP)


class _FontInfo:
    """What one text object says of its glyphs: size, name, weight, slant, direction."""

    __slots__ = ("size", "name", "bold", "italic", "horizontal")

    def __init__(self, size: float, name: str, bold: bool, italic: bool, horizontal: bool):
        self.size, self.name, self.bold, self.italic = size, name, bold, italic
        self.horizontal = horizontal


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold|fett", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|kursiv", re.I)


@functools.lru_cache(maxsize=1024)
def _font_name(raw: bytes) -> tuple[str, bool, bool]:
    """A font's name without its subset prefix, and whether the name says bold or italic."""
    name = raw.decode("utf-8", "replace")
    if len(name) > 7 and name[6] == "+" and name[:6].isupper():
        name = name[7:]
    return name, bool(_BOLD_NAME.search(name)), bool(_ITALIC_NAME.search(name))


@functools.lru_cache(maxsize=4096)
def _shared_font(size: float, name: str, bold: bool, italic: bool, horizontal: bool) -> _FontInfo:
    return _FontInfo(size, name, bold, italic, horizontal)


def _font_info(textpage, index: int, transform) -> _FontInfo:
    """The font of character ``index`` (looked up once per text object)."""
    size = pdfium_c.FPDFText_GetFontSize(textpage, index)
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        size *= math.hypot(matrix.c, matrix.d)
        dx, dy = transform.vector(matrix.a, matrix.b)
        horizontal = dx > 0 and abs(dy) <= 0.05 * dx
    else:
        horizontal = True
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int(0)
    length = pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, 128, ctypes.byref(flags))
    name, bold_name, italic_name = _font_name(buffer.value if length else b"")
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    bold = weight >= 600 or bold_name or bool(flags.value & (1 << 18))
    italic = italic_name or bool(flags.value & (1 << 6))
    return _shared_font(round(size, 2), name, bold, italic, horizontal)


class _Transform:
    """From PDF user space to the displayed page (top-left origin, rotation applied)."""

    def __init__(self, page):
        self.left, self.bottom, self.right, self.top = page.get_cropbox()
        self.rotation = page.get_rotation() % 360

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space box."""
        rotation = self.rotation
        if rotation == 0:
            return x0 - self.left, self.top - y1, x1 - self.left, self.top - y0
        if rotation == 90:
            return y0 - self.bottom, x0 - self.left, y1 - self.bottom, x1 - self.left
        if rotation == 180:
            return self.right - x1, y0 - self.bottom, self.right - x0, y1 - self.bottom
        return self.top - y1, self.right - x1, self.top - y0, self.right - x0

    def vector(self, dx: float, dy: float) -> tuple[float, float]:
        """A user-space direction on the displayed page (y pointing down)."""
        rotation = self.rotation
        if rotation == 0:
            return dx, -dy
        if rotation == 90:
            return dy, dx
        if rotation == 180:
            return -dx, dy
        return -dy, -dx


# --------------------------------------------------------------------------
# Characters
# --------------------------------------------------------------------------

# A glyph: (x0, top, x1, bottom, char, font, spaced) on the displayed page;
# ``spaced`` tells that a space character came just before it in the text.
Glyph = tuple


def read_glyphs(page) -> list[Glyph]:
    """The visible, horizontal glyphs of a pdfium page, without spaces.

    Words are told apart by the gaps between glyphs (which works for PDFs
    that position words without space characters) and by the spaces of the
    text (which works for tight headings whose word gaps are narrow).
    """
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        if len(text) != count:  # one code unit per char is what pdfium promises
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
        handle = _VP(ctypes.cast(textpage.raw, _VP).value)
        transform = _Transform(page)
        upright = transform.rotation == 0
        left_edge, top_edge = transform.left, transform.top
        fonts: dict = {}
        rect = pdfium_c.FS_RECTF()
        rect_pointer = _VP(ctypes.addressof(rect))
        box, text_object = _LOOSE_BOX, _TEXT_OBJECT
        glyphs = []
        append = glyphs.append
        spaced = False  # a space (printed or put in by pdfium) came before this glyph
        for index in range(count):
            char = text[index]
            if char.isspace():
                spaced = True
                continue
            box(handle, index, rect_pointer)
            x0, x1 = rect.left, rect.right
            if x1 <= x0:
                continue  # an empty glyph
            obj = text_object(handle, index)
            font = fonts.get(obj)
            if font is None:
                font = fonts[obj] = _font_info(textpage.raw, index, transform)
            if not font.horizontal:
                continue  # rotated text (chart labels, margin notes)
            if upright:
                append((x0 - left_edge, top_edge - rect.top, x1 - left_edge, top_edge - rect.bottom, char, font, spaced))
            else:
                append((*transform.box(x0, rect.bottom, x1, rect.top), char, font, spaced))
            spaced = False
        return glyphs
    finally:
        textpage.close()


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


_MARKER = re.compile(r"^(?:[•·▪■◦●○►▶➢➤✓✔\-–—*o\uf0b7\uf0a7]|\d{1,2}(?:\.\d{1,2}){0,4}\.?|[a-zA-Z]\)|\(?\d{1,2}\)|[ivx]{1,4}\.)$")


def _is_marker(word: list[Glyph]) -> bool:
    """A list bullet or a section number standing alone before a tab."""
    return len(word) <= 12 and bool(_MARKER.match("".join(g[4] for g in word)))


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
    spans = []
    for side in (left, right):
        if len(side) < settings.min_column_lines:
            return False
        starts = Counter(round(line.x0 / 4) for line in side)
        aligned = sum(n for _, n in starts.most_common(2))
        span = max(line.x1 for line in side) - min(line.x0 for line in side)
        long_lines = sum(1 for line in side if line.x1 - line.x0 >= 0.6 * span)
        if aligned < 0.6 * len(side) or long_lines < 0.6 * len(side):
            return False
        spans.append(span)
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


# --------------------------------------------------------------------------
# Running headers, footers and page numbers
# --------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def _mask(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def _page_number_value(text: str) -> int | None | bool:
    """The number of a page-number line, ``True`` when it has none, ``None`` when it is not one."""
    _, patterns = _rules()
    for pattern in patterns:
        match = pattern.match(text)
        if match:
            value = match.groupdict().get("n")
            return int(value) if value else True
    return None


def _in_margin(line: Line, page: PageLayout, settings: LayoutSettings) -> str | None:
    if line.bottom <= page.height * settings.margin:
        return "top"
    if line.top >= page.height * (1 - settings.margin):
        return "bottom"
    return None


def _edge_lines(page: PageLayout, settings: LayoutSettings) -> list[tuple[Line, str]]:
    """Margin lines with no body text between them and the page edge."""
    found = []
    for zone in ("top", "bottom"):
        lines = sorted(page.lines, key=lambda l: l.top, reverse=zone == "bottom")
        for line in lines:
            where = _in_margin(line, page, settings)
            if where != zone:
                break
            found.append((line, zone))
    return found


def remove_running_lines(pages: list[PageLayout], settings: LayoutSettings = SETTINGS) -> None:
    """Move running headers, footers and page numbers from ``lines`` to ``removed``.

    A running line sits in the top or bottom margin, with no body text
    between it and the page edge, and its text with digits masked repeats
    at about the same place on several pages; a page-number line ("17 (34)",
    "Sida 3 av 12", "- 3 -", a bare number counting with the pages) goes
    wherever it repeats or not.
    """
    text_pages = [page for page in pages if page.lines]
    candidates = {page.number: _edge_lines(page, settings) for page in text_pages}
    # where each masked text occurs: zone -> mask -> [(page, top)]
    seen: dict = defaultdict(list)
    for number, items in candidates.items():
        for line, zone in items:
            seen[(zone, _mask(line.text))].append((number, line.top, line.x0))
    needed = max(2, math.ceil(settings.repeat_share * len(text_pages)))
    # page numbers printed as bare numbers: most common offset from the PDF page number
    offsets: Counter = Counter()
    for number, items in candidates.items():
        for line, zone in items:
            value = _page_number_value(line.text)
            if isinstance(value, int) and not isinstance(value, bool):
                offsets[value - number] += 1
    usual_offsets = {offset for offset, count in offsets.items() if count >= 2 or len(text_pages) <= 2}
    for page in text_pages:
        remove = []
        edge = {id(line) for line, _ in candidates[page.number]}
        body = [line for line in page.lines if id(line) not in edge]
        body_top = min((line.top for line in body), default=math.inf)
        body_bottom = max((line.bottom for line in body), default=-math.inf)
        for line, zone in candidates[page.number]:
            value = _page_number_value(line.text)
            if value is True or (value is not None and (value - page.number) in usual_offsets):
                remove.append(line)
                continue
            if value is not None and _DIGITS.fullmatch(line.text.strip()) is None:
                remove.append(line)  # "Sida 3", "17 (34)": page numbers by their form
                continue
            # repeated text: a header or footer keeps its distance from the
            # body; a table's header row repeated on each page does not
            height = line.bottom - line.top
            gap = body_top - line.bottom if zone == "top" else line.top - body_bottom
            inside = line.bottom <= page.height * settings.running_margin or line.top >= page.height * (1 - settings.running_margin)
            if gap < height or not inside:
                continue
            places = seen[(zone, _mask(line.text))]
            near = {
                number
                for number, top, x0 in places
                if abs(top - line.top) <= settings.repeat_offset
            }
            if len(near) >= needed and len(near) >= 2:
                remove.append(line)
        if remove:
            ids = {id(line) for line in remove}
            page.removed.extend(remove)
            page.lines = [line for line in page.lines if id(line) not in ids]


# --------------------------------------------------------------------------
# Tables of contents
# --------------------------------------------------------------------------

_LEADER_NUMBER = re.compile(r"(?:\.{2,}|…+|(?:\. ){2,}|_{3,})\s*(\d{1,4})$")
_TRAILING_NUMBER = re.compile(r"\s(\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_WORD = re.compile(r"[^\W\d]{3,}")


def _toc_entries(page: PageLayout) -> list[tuple[int, int]]:
    """``(line index, page number)`` of the entries of a table of contents, in reading order.

    An entry ends in a dot leader and a number, or is a row whose last line
    is a bare number after text; numbers after words without a leader
    ("3.1 Mål 12") count negative, as weak evidence.
    """
    found: dict[int, int] = {}
    for row in _line_rows(page.lines):
        row.sort(key=lambda l: l.x0)
        for i, line in enumerate(row):
            text = line.text.strip()
            if not text[-1:].isdigit():
                continue
            match = _LEADER_NUMBER.search(text)
            if match:
                found[id(line)] = int(match.group(1))
            elif i and i == len(row) - 1 and _BARE_NUMBER.match(text) and re.search(r"[^\W\d]", row[i - 1].text):
                found[id(line)] = int(text)
            elif len(row) == 1:
                trailing = _TRAILING_NUMBER.search(text)
                if trailing and _WORD.search(text, 0, trailing.start()):
                    found[id(line)] = -int(trailing.group(1))
    return [(i, found[id(line)]) for i, line in enumerate(page.lines) if id(line) in found]


def _line_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows by their vertical centres."""
    rows: list[list[Line]] = []
    limit = -math.inf
    for line in sorted(lines, key=lambda l: l.top + l.bottom):
        centre = (line.top + line.bottom) / 2
        if centre <= limit:
            rows[-1].append(line)
        else:
            rows.append([line])
            limit = centre + 0.5 * max(line.bottom - line.top, 1.0)
    return rows


def _toc_block(page: PageLayout, page_count: int) -> tuple[int, int] | None:
    """The slice ``(start, end)`` of ``page.lines`` holding a table of contents, or ``None``.

    A TOC is a heading ("Innehåll") with at least three entries whose page
    numbers mostly ascend, or, without a heading, six or more entries with
    a dot leader or a page number of their own that make up half the page.
    """
    if not page.lines:
        return None
    headings, _ = _rules()
    heading = next(
        (i for i, line in enumerate(page.lines[:8]) if line.text.strip().rstrip(":").casefold() in headings),
        None,
    )
    entries = _toc_entries(page)
    strong = [(i, n) for i, n in entries if n >= 0]
    usable = entries if heading is not None else strong
    plausible = [(i, abs(n)) for i, n in usable if abs(n) <= page_count + 20]
    numbers = [n for _, n in plausible]
    ascending = sum(1 for a, b in zip(numbers, numbers[1:]) if b >= a)
    ordered = not numbers[1:] or ascending >= 0.7 * (len(numbers) - 1)
    if not ordered or not plausible:
        return None
    if heading is not None and len(plausible) >= 3:
        return heading, max(i for i, _ in plausible) + 1
    if len(strong) >= 6 and len(plausible) >= 0.5 * len(_line_rows(page.lines)):
        return min(i for i, _ in plausible), max(i for i, _ in plausible) + 1
    return None


def is_toc_page(page: PageLayout, page_count: int) -> bool:
    """True for a page that is mostly a table of contents."""
    block = _toc_block(page, page_count)
    return block is not None and block[1] - block[0] >= 0.6 * len(page.lines)


def mark_toc(page: PageLayout, page_count: int) -> None:
    """Set ``is_toc`` on a table-of-contents page.

    A short table of contents at the top of a page that goes on with text
    (a summary, a table) is not marked: its lines move to ``removed``, like
    running headers, so the rest of the page stays content.
    """
    block = _toc_block(page, page_count)
    if block is None:
        return
    start, end = block
    if end - start >= 0.6 * len(page.lines):
        page.is_toc = True
        return
    page.removed.extend(page.lines[start:end])
    page.lines = page.lines[:start] + page.lines[end:]


# --------------------------------------------------------------------------
# The whole document
# --------------------------------------------------------------------------


def read_page(page, number: int, settings: LayoutSettings = SETTINGS) -> PageLayout:
    """The lines of one open pdfium page, in reading order (no header removal)."""
    width, height = page.get_size()
    lines = build_lines(read_glyphs(page), number, width, settings)
    return PageLayout(number=number, width=round(width, 2), height=round(height, 2), lines=lines)


def _needs_ocr(page, layout: PageLayout) -> bool:
    """True for a page without text, or with a few words over a page-sized image (a scan with a stamp)."""
    if not layout.has_text:
        return True
    if sum(len(line.text) for line in layout.lines) >= SCAN_TEXT_LIMIT:
        return False
    left, bottom, right, top = page.get_cropbox()
    area = max((right - left) * (top - bottom), 1.0)
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        x0, y0, x1, y1 = image.get_bounds()
        covered = max(covered, (min(x1, right) - max(x0, left)) * (min(y1, top) - max(y0, bottom)))
    return covered >= 0.5 * area


def read_layout(path: str | Path, *, ocr: str = "auto", settings: LayoutSettings = SETTINGS) -> list[PageLayout]:
    """Every page of a PDF as normalised lines in reading order.

    ``ocr``: ``"auto"`` recognises pages without a text layer when
    Tesseract is available (otherwise they stay empty), ``"always"`` every
    page, ``"never"`` none.  Raises a
    :class:`~planextract.errors.DocumentError` naming the file and the
    reason when the PDF cannot be read.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    pages: list[PageLayout] = []
    can_ocr = ocr != "never" and ocr_module.available()
    with PDFIUM_LOCK:
        document = open_document(path)
        try:
            for index in range(len(document)):
                if index and index % REOPEN_EVERY == 0:
                    # pdfium keeps what it parsed (fonts, resources) for the life
                    # of a document: reopening keeps memory flat on long PDFs
                    document.close()
                    document = open_document(path)
                page = load_page(document, index, path)
                try:
                    layout = read_page(page, index + 1, settings)
                    if can_ocr and (ocr == "always" or _needs_ocr(page, layout)):
                        try:
                            layout = ocr_module.ocr_page(page, index + 1)
                        except DocumentError as exc:
                            raise DocumentError(f"{Path(path).name}: {exc}") from None
                finally:
                    page.close()
                pages.append(layout)
        finally:
            document.close()
    remove_running_lines(pages, settings)
    for page in pages:
        mark_toc(page, len(pages))
    return pages
