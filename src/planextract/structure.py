"""Lines of the pages -> sections (a heading tree), paragraphs and list items.

:func:`build_structure` reads the :class:`~planextract.models.PageLayout` of
each page in reading order and decides, line by line, what is a heading
(by its number, its size against the body text, bold or capitals), what
opens a list item (a bullet or a list number) and where paragraphs begin
(a larger gap, a change of indent or of type).  Table-of-contents pages and
the text of tables found by :mod:`planextract.tables` are left out, so that
nothing is read twice.  The glyphs, patterns and limits live in
``rules/structure.yaml``; :mod:`planextract.pagelines` prepares the lines
of each page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Optional

from .models import Block, PageLayout, ParsedDocument, Section, Table, union_bbox
from .pagelines import (
    Compiled,
    Row,
    compiled_rules,
    font_name,
    inside,
    join_lines,
    page_rows,
    same_type,
    table_boxes,
)

__all__ = ["build_structure", "compiled_rules", "join_lines"]

_LETTER_MARKER = re.compile(r"[A-H]\.?|\d{1,2}[a-h]")  # a lettered heading ("A Livskvalitet i hela livet", "1a Alla elever …")

_COVER_LINES = 15  # a first page of at most so many lines is a cover
_DISPLAY_BAND = 1.15  # display sizes closer than this ratio share a heading level
_DISPLAY_SIZE = 1.5  # type this many times the body size is display type
_LOOK_BACK = 3  # blocks looked back over (footnotes) for the start of a sentence broken by a page
_FOOTNOTE = re.compile(r"^\d{1,2} \S")  # "2 https://...", "1 KIR står för ..."
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?$")


@dataclass
class _Stats:
    body_size: float
    body_bold: bool
    pitch: float  # normal distance between line tops, in font sizes
    body_font: str = ""  # font of most body text (subset prefix removed)


@dataclass
class _Heading:
    rows: list[Row]
    cue: str
    number: Optional[str]
    text: str
    level: int = 0

    @property
    def style(self) -> tuple:
        first = self.rows[0]
        return (
            round(first.size * 2) / 2,
            bool(first.line.bold),
            self.cue == "caps",
            self.cue == "cue",
            self.cue == "font",
        )


@dataclass
class _Open:
    """A block being built."""

    kind: str
    rows: list[Row] = field(default_factory=list)
    marker: Optional[str] = None
    left: Optional[float] = None  # x0 of the lines after the first
    section: Optional[int] = None


def _stats(rows: list[Row]) -> _Stats:
    """Body size (most characters), whether body text is bold, normal line pitch.
    Rows of a table not ruled as one (set beside another line) do not count:
    a plan of many such cards in small type has its prose in the body size."""
    running = [row for row in rows if not row.in_row]
    if sum(len(row.text) for row in running) * 4 >= sum(len(row.text) for row in rows):
        rows = running  # unless the document is nearly all such rows
    sizes: Counter = Counter()
    bold: Counter = Counter()
    for row in rows:
        size = round(row.size * 2) / 2
        sizes[size] += len(row.text)
        bold[(size, bool(row.line.bold))] += len(row.text)
    if not sizes:
        return _Stats(10.0, False, 1.2)
    body = sizes.most_common(1)[0][0]
    body_bold = bold[(body, True)] > bold[(body, False)]
    fonts: Counter = Counter()
    for row in rows:
        if abs(row.size - body) <= 0.6:
            fonts[font_name(row)] += len(row.text)
    pitches: Counter = Counter()
    for prev, row in zip(rows, rows[1:]):
        if row.page != prev.page or abs(row.size - prev.size) > 0.3 or abs(row.size - body) > 1:
            continue
        dtop = row.line.top - prev.line.top
        if 0.8 * row.size < dtop < 2.5 * row.size and row.line.x0 < prev.line.x1:
            pitches[round(dtop / row.size, 2)] += 1
    pitch = _mode_band(pitches) if pitches else 1.2
    return _Stats(body, body_bold, pitch, fonts.most_common(1)[0][0])


def _mode_band(counts: Counter) -> float:
    """The most common value, counting its neighbours within 0.03 as well."""
    best, best_n = None, -1
    for value in counts:
        n = sum(c for v, c in counts.items() if abs(v - value) <= 0.03)
        if n > best_n or (n == best_n and value < best):
            best, best_n = value, n
    return best


# --------------------------------------------------------------------------
# Headings
# --------------------------------------------------------------------------


def _word_count(text: str) -> int:
    """Words in ``text``; letter-spaced text ("K L I M A T") counts as words of six letters."""
    tokens = text.split()
    singles = sum(1 for t in tokens if len(t) == 1)
    if len(tokens) >= 4 and singles > len(tokens) / 2:
        return max(1, round(sum(len(t) for t in tokens) / 6))
    return len(tokens)


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _section_number(row: Row, rules: Compiled) -> Optional[tuple[str, str]]:
    """(number, rest) when the row opens with a section number."""
    match = rules.number.match(row.text)
    if not match:
        return None
    number = match.group("number")
    parts = [int(p) for p in number.split(".")]
    if parts[0] == 0 or parts[0] > rules.rules.max_first_number:
        return None
    if any(p > rules.rules.max_number_part for p in parts[1:]):
        return None
    rest = row.text[match.end():].strip()
    first = rest.split(" ", 1)[0].lower().rstrip(".,:;") if rest else ""
    if not rest or not rest[0].isupper() or first in rules.units:
        return None
    return number, rest


def _bigger(row: Row, stats: _Stats, rules: Compiled) -> bool:
    return row.size >= stats.body_size * rules.rules.heading.min_size_ratio


def _bold(row: Row, stats: _Stats) -> bool:
    return bool(row.line.bold) and not stats.body_bold and row.size >= stats.body_size - 0.6


def _caps(text: str, rules: Compiled) -> bool:
    letters = _letters(text)
    return len(letters) >= rules.rules.heading.caps_min_letters and letters.isupper()


def _styled(row: Row, stats: _Stats, rules: Optional[Compiled] = None) -> bool:
    """Set apart from body text by size, bold or capitals."""
    rules = rules or compiled_rules()
    return _bigger(row, stats, rules) or _bold(row, stats) or _caps(row.text, rules)


_ITEM_CODE = re.compile(r"^[A-ZÅÄÖ]{1,3}\d{1,2}(?:\.\d{1,2})?\s+(?=[A-ZÅÄÖ])")  # "A1 ", "KF2.1 "
_MAX_WRAP_WORDS = 3  # a sentence's end wrapped onto a line of its own is short


def _wraps_onto(above: Row, row: Row, stats: _Stats) -> bool:
    """``row`` ends the sentence of the line above it: same type, right under
    it, the line above open ("… och"), this one short and closed ("Hemmesta.")."""
    return (
        above.page == row.page
        and same_type(above, row)
        and not above.text.rstrip().endswith((".", ":", "!", "?", ";"))
        and row.text.rstrip().endswith(".")
        and len(row.text.split()) <= _MAX_WRAP_WORDS
        and 0 <= row.line.top - above.line.bottom <= stats.body_size
    )


def _heading_cue(row: Row, stats: _Stats, rules: Compiled) -> Optional[str]:
    """Why this row may be (the first line of) a heading, or None."""
    text = row.text
    hr = rules.rules.heading
    if row.in_row or len(_letters(text)) < 2 or any(p.search(text) for p in rules.not_heading):
        return None
    numbered = _section_number(row, rules)
    if numbered:
        text = numbered[1]
        if not row.merged:
            share = (len(row.text) - len(text)) / len(row.text)
            row.text_x = row.line.x0 + share * (row.line.x1 - row.line.x0)
    display = row.size >= _DISPLAY_SIZE * stats.body_size  # display type may be lower case
    if (text[0].islower() and not display) or text.endswith((",", ";")):
        return None
    words = _word_count(_ITEM_CODE.sub("", text, count=1))  # "C1 Genomföra …": the code is no word of it
    bigger, bold, caps = _bigger(row, stats, rules), _bold(row, stats), _caps(text, rules)
    lettered = bool(row.marker and bigger and _LETTER_MARKER.fullmatch(row.marker))
    if text.endswith(".") and words >= 3 and not (numbered or lettered):
        return None
    if numbered:
        styled = bigger or bold or caps
        if (styled or "." in numbered[0]) and words <= hr.max_words:
            row.number = numbered[0]
            return "number"
    if row.marker and not lettered:
        return None  # "1. Text" in body type is a list item; "A Livskvalitet i hela livet" in heading type is none
    if bigger and words <= hr.max_words:
        return "size"
    if row.size < stats.body_size - 0.6:
        return None
    if bold and words <= hr.max_words_plain:
        return "bold"
    if caps and words <= hr.max_words_plain:
        return "caps"
    if (
        stats.body_bold  # bold tells nothing here: another font may
        and stats.body_font
        and row.line.fontname
        and font_name(row) != stats.body_font
        and not row.line.italic
        and words <= hr.max_words_plain
        and not text.endswith(".")
    ):
        return "font"  # set in another font than the body text (bold not told apart)
    if text.rstrip(":").lower() in rules.cues:
        return "cue"
    return None


def _continues_heading(head: list[Row], row: Row, stats: _Stats, rules: Compiled) -> bool:
    """Whether ``row`` is the next line of a heading wrapped over lines."""
    last, first = head[-1], head[0]
    if row.page != last.page or row.marker or len(head) >= rules.rules.heading.max_lines:
        return False
    if abs(row.size - first.size) > 0.3:
        return False
    if bool(row.line.bold) != bool(first.line.bold):
        # "Stadsrevisionen sammanfattar" (bold) + "granskningen av ..." (regular)
        if not (first.heading == "size" and row.text[:1].islower()):
            return False
    if last.text.endswith((".", ":")) and not last.number:
        return False
    if len(head) == 1 and last.text.rstrip(":").lower() in rules.cues and row.text[:1].isupper():
        return False  # "Så mäter vi" over "Behörighet till yrkesprogram": a heading of its own over the next
    dtop = row.line.top - last.line.top
    if not 0.5 * row.size < dtop <= row.size * (stats.pitch + 0.25):
        return False
    if rules.number.match(row.text) and _section_number(row, rules):
        return False
    tol = rules.rules.layout.indent * row.size
    aligned = abs(row.line.x0 - first.text_x) <= tol or abs(row.line.x0 - first.line.x0) <= tol
    centred = abs((row.line.x0 + row.line.x1) - (first.line.x0 + first.line.x1)) <= 2 * tol
    if not (aligned or centred):
        return False
    if first.heading == "caps":
        return row.heading == "caps"
    if first.heading == "font":
        return font_name(row) == font_name(first)
    if first.heading == "cue":
        return False
    if first.heading == "number" and not _styled(first, stats, rules):
        # a numbered heading in body type: only an unfinished phrase carries on
        return row.text[:1].islower()
    return True


def _finish_heading(rows: list[Row], rules: Compiled) -> Optional[_Heading]:
    """A heading from its rows, or None when it is too long to be one."""
    first = rows[0]
    hr = rules.rules.heading
    texts = [r.text for r in rows]
    number = first.number
    if number:
        texts[0] = rules.number.sub("", texts[0], count=1)
    text = join_lines(texts, rules)
    plain = first.heading in ("bold", "caps", "cue", "font")
    max_words = hr.max_words_plain if plain else hr.max_words
    max_chars = hr.max_chars_plain if plain else hr.max_chars
    if _word_count(_ITEM_CODE.sub("", text, count=1)) > max_words or len(text) > max_chars:
        return None
    if first.heading == "cue" and len(rows) > 1:
        return None
    return _Heading(rows=rows, cue=first.heading, number=number, text=text)


def _assign_levels(
    headings: list[_Heading], cover_page: Optional[int], body_size: float, max_level: int
) -> None:
    """Levels from numbering depth, else from the rank of the heading's style.

    A style used by numbered headings takes their most common depth; other
    styles rank by prominence (size, then bold, then capitals) below the
    nearest more prominent numbered style.  When the numbering starts below
    depth 1 ("1.1" with no "1"), the numbered headings hang under the
    unnumbered ones: their levels count from the rank of their style.
    Styles seen only on the cover page (a first page of few lines) are
    level 1: the document's title.  Display sizes (twice the body size and
    more) within :data:`_DISPLAY_BAND` of each other share a rank:
    designers vary them from page to page.
    """
    depths: dict[tuple, Counter] = defaultdict(Counter)
    pages: dict[tuple, set] = defaultdict(set)
    for h in headings:
        pages[h.style].add(h.rows[0].page)
        if h.number:
            depths[h.style][h.number.count(".") + 1] += 1
    styles = sorted(pages, key=lambda s: (-s[0], s[3], not (s[1] or s[4]), not s[2]))
    shallowest = min((d for c in depths.values() for d in c), default=1)
    offset = 0
    if shallowest > 1:
        ranked = _rank_styles(styles, {}, pages, cover_page, body_size, max_level)
        anchor = max(depths, key=lambda s: depths[s][shallowest])
        offset = max(0, ranked[anchor] - shallowest)
    mapped = {s: c.most_common(1)[0][0] + offset for s, c in depths.items()}
    level_of = _rank_styles(styles, mapped, pages, cover_page, body_size, max_level)
    for h in headings:
        if h.number:
            h.level = min(h.number.count(".") + 1 + offset, max_level)
        else:
            h.level = level_of[h.style]


def _rank_styles(styles, mapped, pages, cover_page, body_size, max_level) -> dict[tuple, int]:
    """Level of each style (``styles`` most prominent first); ``mapped`` ones are fixed."""
    level_of: dict[tuple, int] = {}
    base, extra = 0, 0
    previous: Optional[tuple] = None
    for style in styles:
        if style in mapped:
            base, extra = mapped[style], 0
            level_of[style] = base
        elif pages[style] == {cover_page}:
            level_of[style] = 1
            continue
        elif (
            previous is not None
            and previous not in mapped
            and style[0] >= 2 * body_size
            and previous[0] / style[0] < _DISPLAY_BAND
        ):
            level_of[style] = level_of[previous]
        else:
            extra += 1
            level_of[style] = min(base + extra, max_level)
        previous = style
    return level_of


# --------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------


def _continues_block(block: _Open, row: Row, stats: _Stats, rules: Compiled) -> bool:
    """Whether ``row`` (not a heading, no marker) carries on the open block."""
    last, first = block.rows[-1], block.rows[0]
    lay = rules.rules.layout
    size = max(row.size, 1.0)
    tol = lay.indent * size
    ends_sentence = bool(_SENTENCE_END.search(last.text)) or last.text.endswith(":")
    if not same_type(last, row) and not (row.text[:1].islower() and not ends_sentence):
        return False
    if row.page != last.page or row.line.top < last.line.top - 0.5 * size:
        # the next page or column: only an unfinished sentence carries on
        return not ends_sentence and row.text[:1].islower() and same_type(last, row)
    dtop = row.line.top - last.line.top
    if dtop <= 0.5 * size:
        return False  # another cell of the same row
    if ends_sentence and rules.paragraph_label.match(row.text):
        return False  # "… vid årets slut." / "Indikator: …": a labelled paragraph of its own
    if dtop > size * (stats.pitch + lay.paragraph_gap):
        return False
    if block.kind == "list_item" or first.code:
        if row.line.x0 >= first.text_x - tol and row.line.x0 > first.line.x0 + 0.3 * size:
            return True  # set under the text after the marker or code: a hanging indent
    if block.kind == "list_item":
        return (
            abs(row.line.x0 - first.line.x0) <= tol
            and not ends_sentence
            and row.text[:1].islower()
        )
    left = block.left if block.left is not None else first.line.x0
    if block.left is None:
        if row.line.x0 > first.line.x0 + tol:
            return False  # an indented first line
        if row.line.x0 < first.line.x0 - 3 * tol:
            return False
    elif abs(row.line.x0 - left) > tol:
        return False
    if ends_sentence and len(block.rows) >= 2:
        right = max(r.line.x1 for r in block.rows)
        width = right - left
        if width > 0 and right - last.line.x1 > 0.15 * width:
            return False  # a short last line ended the paragraph
    return True


def _close(block: _Open, rules: Compiled) -> Block:
    first = block.rows[0]
    texts = [first.body] + [r.text for r in block.rows[1:]]
    on_page = [r.line.bbox for r in block.rows if r.page == first.page]
    return Block(
        kind=block.kind,
        text=join_lines(texts, rules),
        page=first.page,
        bbox=union_bbox(on_page),
        section_index=block.section,
        marker=block.marker,
        font_size=first.size,
        bold=bool(first.line.bold),
    )


def _list_depths(blocks: list[Block], starts: list[float], rules: Compiled) -> None:
    """Depth of list items from the indent of their markers within each list."""
    run: list[int] = []

    def settle():
        if not run:
            return
        xs = sorted(starts[i] for i in run)
        levels: list[float] = []
        step = rules.rules.layout.depth_step
        for x in xs:
            size = max(blocks[run[0]].font_size, 1.0)
            if not levels or x - levels[-1] > step * size:
                levels.append(x)
        for i in run:
            x = starts[i]
            blocks[i].depth = max(k for k, lv in enumerate(levels) if lv <= x + 0.01)
        run.clear()

    for i, block in enumerate(blocks):
        if block.kind == "list_item":
            if run and (block.section_index != blocks[run[-1]].section_index
                        or i != run[-1] + 1):
                settle()
            run.append(i)
        else:
            settle()
    settle()


# --------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------


def build_structure(
    pages: list[PageLayout], tables: list[Table], *, rules_folder: Optional[str] = None
) -> ParsedDocument:
    """Sections, blocks and tables of one document, in reading order."""
    rules = compiled_rules(rules_folder)
    parsed = ParsedDocument(
        pages=len(pages),
        tables=list(tables),
        ocr_pages=sum(1 for p in pages if p.source == "ocr"),
        toc_pages=[p.number for p in pages if p.is_toc],
    )
    boxes = table_boxes(tables)
    rows: list[Row] = []
    for page in pages:
        if page.is_toc:
            continue
        lines = [
            line
            for line in page.lines
            if line.text.strip() and not any(inside(line, b) for b in boxes.get(page.number, ()))
        ]
        rows.extend(page_rows(lines, rules))
    if not rows:
        _place_tables(parsed, [])
        return parsed

    stats = _stats(rows)
    for row in rows:
        row.heading = _heading_cue(row, stats, rules)
    for above, row in zip(rows, rows[1:]):
        if row.heading and above.heading is None and _wraps_onto(above, row, stats):
            row.heading = None  # "Åtgärd 6. Anlägga … mellan Gustavsberg och" / "Hemmesta.": the sentence's end

    items = _group_headings(rows, stats, rules)
    headings = [item for item in items if isinstance(item, _Heading)]
    first_page = rows[0].page
    on_first = sum(1 for r in rows if r.page == first_page)
    cover = first_page if on_first <= _COVER_LINES and on_first < len(rows) else None
    _assign_levels(headings, cover, stats.body_size, rules.rules.heading.max_level)

    section: Optional[int] = None
    opened: list[_Open] = []
    open_block: Optional[_Open] = None
    anchors: list[tuple] = []  # (page, top) of each section's heading

    for item in items:
        if isinstance(item, _Heading):
            open_block = None
            parent = None
            for s in reversed(parsed.sections):
                if s.level < item.level:
                    parent = s.index
                    break
            first = item.rows[0]
            section = len(parsed.sections)
            parsed.sections.append(
                Section(
                    index=section,
                    parent_index=parent,
                    level=item.level,
                    number=item.number,
                    heading=item.text,
                    page=first.page,
                    bbox=union_bbox([r.line.bbox for r in item.rows]),
                    font_size=first.size,
                    bold=bool(first.line.bold),
                )
            )
            anchors.append((first.page, first.line.top))
            continue
        row = item
        target = None
        if open_block is not None and not row.marker and not row.code:
            broken = row.page > open_block.rows[-1].page and row.text[:1].islower()
            if broken and _FOOTNOTE.match(open_block.rows[0].text):
                target = _broken_sentence(opened, row, section, stats, rules)
            if target is None and _continues_block(open_block, row, stats, rules):
                target = open_block
            elif target is None and broken:
                target = _broken_sentence(opened, row, section, stats, rules)
        if target is not None:
            target.rows.append(row)
            if target.left is None and len(target.rows) == 2:
                target.left = row.line.x0
            open_block = target
            continue
        open_block = _Open(
            kind="list_item" if row.marker else "paragraph",
            rows=[row],
            marker=row.marker,
            section=section,
        )
        opened.append(open_block)
    parsed.blocks = [_close(block, rules) for block in opened]
    _list_depths(parsed.blocks, [block.rows[0].line.x0 for block in opened], rules)
    _place_tables(parsed, anchors)
    return parsed


def _broken_sentence(opened: list[_Open], row: Row, section, stats: _Stats, rules: Compiled):
    """The block on the previous page whose sentence ``row`` carries on, past footnotes."""
    for block in reversed(opened[-_LOOK_BACK:]):
        if block.section != section or block.rows[-1].page != row.page - 1:
            break
        if not _FOOTNOTE.match(block.rows[0].text) and _continues_block(block, row, stats, rules):
            return block
    return None


def _group_headings(rows: list[Row], stats: _Stats, rules: Compiled) -> list:
    """The rows in order, with the lines of each heading gathered into one :class:`_Heading`."""
    by_page: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        by_page[row.page].append(row)
    items: list = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if not row.heading:
            items.append(row)
            i += 1
            continue
        head = [row]
        while i + 1 < len(rows) and _continues_heading(head, rows[i + 1], stats, rules):
            head.append(rows[i + 1])
            i += 1
        heading = _finish_heading(head, rules)
        if heading is None and len(head) > 1 and _ends_phrase(head[0], head[1]):
            # a heading above text in the same type: the heading alone
            i -= len(head) - 1
            head = head[:1]
            heading = _finish_heading(head, rules)
        start = i - len(head) + 1
        if heading and heading.cue == "cue" and not _stands_alone(rows, start, i, stats):
            heading = None
        if heading and heading.cue in ("caps", "font") and not _stands_alone(rows, start, i, stats, after=False):
            heading = None
        if heading and heading.cue != "number" and _runs_on(head[-1], by_page[row.page], stats, rules):
            heading = None
        if heading and heading.cue == "number" and len(head) == 1 and i + 1 < len(rows) \
                and _hangs_over(row, rows[i + 1], stats, rules):
            heading = None
        if heading:
            items.append(heading)
        else:
            for r in head:
                r.heading, r.number = None, None
            items.extend(head)
        i += 1
    return items


def _runs_on(row: Row, page_rows: list[Row], stats: _Stats, rules: Compiled) -> bool:
    """Whether the line right below ``row`` carries on its sentence (a bold lead-in, not a heading).

    Looked up by position, not reading order, which may be wrong on
    crowded pages.
    """
    if row.size >= _DISPLAY_SIZE * stats.body_size or _SENTENCE_END.search(row.text):
        return False
    line = row.line
    tol = rules.rules.layout.indent * row.size
    limit = line.top + row.size * (stats.pitch + rules.rules.layout.paragraph_gap)
    below = None
    for other in page_rows:
        o = other.line
        if line.top + 0.5 * row.size < o.top <= limit and abs(o.x0 - line.x0) <= tol:
            if below is None or o.top < below.line.top:
                below = other
    return below is not None and below.text[:1].islower() and below.heading is None


HANGING_LINE_SHARE = 0.75  # a line wrapped onto the next reaches most of its width; a heading seldom does


def _hangs_over(row: Row, below: Row, stats: _Stats, rules: Compiled) -> bool:
    """Whether a numbered line in body type opens a paragraph set with a
    hanging indent ("3.1.1.1  Andelen brukare … var 84 procent i" over
    "Socialstyrelsens brukarundersökning …" set under its text): the line
    below follows at the line pitch, set in from the number, and the line
    reaches over most of its width, as the wrapped lines of one paragraph do."""
    if _styled(row, stats, rules) or below.page != row.page or below.heading or below.marker:
        return False
    if row.text.endswith((":", ".")):
        return False
    tol = rules.rules.layout.indent * row.size
    dtop = below.line.top - row.line.top
    return (0.5 * row.size < dtop <= row.size * (stats.pitch + 0.25)
            and below.line.x0 > row.line.x0 + 0.3 * row.size
            and row.line.x1 - below.line.x0 >= HANGING_LINE_SHARE * (below.line.x1 - below.line.x0))


def _ends_phrase(row: Row, following: Row) -> bool:
    """Whether ``row`` looks complete: the next line opens a new sentence."""
    return not row.text.endswith(("-", ",")) and following.text[:1].isupper()


def _stands_alone(rows: list[Row], start: int, end: int, stats: _Stats, after: bool = True) -> bool:
    """Whether rows[start..end] have a wider gap than normal lines before (and after)."""
    first, last = rows[start], rows[end]
    limit = stats.pitch * first.size * 1.15
    before = start == 0 or rows[start - 1].page != first.page or (
        first.line.top - rows[start - 1].line.top > limit
    )
    below = not after or end + 1 >= len(rows) or rows[end + 1].page != last.page or (
        rows[end + 1].line.top - last.line.top > limit
    )
    return before and below


def _place_tables(parsed: ParsedDocument, anchors: list[tuple]) -> None:
    """Each table under the last heading before it in reading order."""
    for table in parsed.tables:
        where = (table.page_start, table.bbox[1])
        index = None
        for k, anchor in enumerate(anchors):
            if anchor <= where:
                index = k
            else:
                break
        table.section_index = index
