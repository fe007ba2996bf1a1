"""Lines of the pages -> sections (a heading tree), paragraphs and list items.

:func:`build_structure` reads the :class:`~planextract.models.PageLayout` of
each page in reading order and decides, line by line, what is a heading
(by its number, its size against the body text, bold or capitals), what
opens a list item (a bullet or a list number) and where paragraphs begin
(a larger gap, a change of indent or of type).  Table-of-contents pages and
the text of tables found by :mod:`planextract.tables` are left out, so that
nothing is read twice.  The glyphs, patterns and limits live in
``rules/structure.yaml``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Annotated, Optional

from pydantic import Field

from .models import Block, Line, PageLayout, ParsedDocument, Section, Table, union_bbox
from .rules import RulesModel, load_rules
from .textnorm import join_lines as _join_pair
from .textnorm import normalize

# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------


class HeadingRules(RulesModel):
    min_size_ratio: float
    max_words: int
    max_chars: int
    max_words_plain: int
    max_chars_plain: int
    max_lines: int
    caps_min_letters: int
    max_level: int


class LayoutRules(RulesModel):
    paragraph_gap: float
    indent: float
    marker_join: float
    depth_step: float


class StructureRules(RulesModel):
    """``rules/structure.yaml``."""

    bullets: list[Annotated[str, Field(min_length=1)]]
    bullets_need_space: list[str]
    numbered_list: list[Annotated[str, Field(min_length=1)]]
    heading_number: str
    max_first_number: int
    max_number_part: int
    unit_words: list[str]
    heading: HeadingRules
    heading_cues: list[str]
    not_heading: list[str]
    hyphen_keep_prefixes: list[str]
    layout: LayoutRules


@dataclass(frozen=True)
class _Compiled:
    """The rules with their patterns compiled once."""

    rules: StructureRules
    marker: re.Pattern  # a list marker at the start of a line
    marker_only: re.Pattern  # a line that is nothing but a marker or a section number
    number: re.Pattern
    not_heading: tuple
    units: frozenset
    cues: frozenset
    keep_prefixes: frozenset


@functools.lru_cache(maxsize=None)
def compiled_rules(folder: Optional[str] = None) -> _Compiled:
    """Load ``structure.yaml`` (from ``folder`` when given) and compile it."""
    rules = load_rules("structure.yaml", StructureRules, folder)
    loose = [re.escape(b) for b in rules.bullets if b not in rules.bullets_need_space]
    spaced = [re.escape(b) for b in rules.bullets if b in rules.bullets_need_space]
    bullet = []
    if loose:
        bullet.append(rf"(?P<bullet>{'|'.join(loose)})\s*(?=\S)")
    if spaced:
        bullet.append(rf"(?P<sbullet>{'|'.join(spaced)})\s+(?=\S)")
    numbered = [p.replace("(?P<marker>", f"(?P<n{i}>") for i, p in enumerate(rules.numbered_list)]
    marker = re.compile("^(?:" + "|".join(bullet + numbered) + ")")
    only_bullets = "|".join(re.escape(b) for b in rules.bullets)
    only_numbers = "|".join(
        re.sub(r"\\s[+*](\(\?=[^)]*\))?$", "", p.replace("(?P<marker>", "(?:"))
        for p in rules.numbered_list
    )
    bare_number = rules.heading_number.replace(r"(?=\s)", "")
    marker_only = re.compile(rf"^(?:{only_bullets}|{only_numbers}|{bare_number})$")
    return _Compiled(
        rules=rules,
        marker=marker,
        marker_only=marker_only,
        number=re.compile("^" + rules.heading_number + r"\s*"),
        not_heading=tuple(re.compile(p) for p in rules.not_heading),
        units=frozenset(u.lower() for u in rules.unit_words),
        cues=frozenset(c.lower() for c in rules.heading_cues),
        keep_prefixes=frozenset(w.lower() for w in rules.hyphen_keep_prefixes),
    )


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------

_COVER_LINES = 15  # a first page of at most so many lines is a cover
_DISPLAY_BAND = 1.15  # display sizes closer than this ratio share a heading level
_DISPLAY_SIZE = 1.5  # type this many times the body size is display type
_SCRIPT_SIZE = 0.75  # a line this much smaller than one it overlaps is a sub/superscript...
_SCRIPT_CHARS = 6  # ...when it is this short
_REJOIN_GAP = 1.0  # pieces of a row closer than this (in font sizes) are one line
_LOOK_BACK = 3  # blocks looked back over (footnotes) for the start of a sentence broken by a page
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?$")
_KEPT_PART = re.compile(r"(?:^|[\s\-/(])([^\s\-/(]+)-$")


def fold(text: str) -> str:
    """A line's text in normal form (see :func:`planextract.textnorm.normalize`)."""
    return normalize(text)


def join_lines(texts: list[str], rules: Optional[_Compiled] = None) -> str:
    """Join the lines of one block, undoing hyphenation at line ends.

    :func:`planextract.textnorm.join_lines` decides ("verksam-" + "heten"
    -> "verksamheten", "barn-" + "och" -> "barn- och", "EU-" + "projekt"
    -> "EU-projekt"); word parts listed in ``hyphen_keep_prefixes`` keep
    their hyphen as well ("it-" + "stöd" -> "it-stöd").
    """
    rules = rules or compiled_rules()
    out = ""
    for raw in texts:
        soft = raw.rstrip().endswith("\u00ad")
        text = normalize(raw) + ("\u00ad" if soft else "")
        if not text:
            continue
        kept = _KEPT_PART.search(out) if out.endswith("-") else None
        if kept and kept.group(1).lower() in rules.keep_prefixes and text[:1].isalpha():
            out += text
        else:
            out = _join_pair(out, text)
    return out.replace("\u00ad", "")


# --------------------------------------------------------------------------
# Rows: lines with what the rules see in them
# --------------------------------------------------------------------------


@dataclass
class _Row:
    line: Line
    text: str
    marker: Optional[str] = None  # list marker
    body: str = ""  # text without the marker
    text_x: float = 0.0  # where the text after the marker starts
    number: Optional[str] = None  # section number
    heading: Optional[str] = None  # heading cue: number | size | bold | caps | font | cue
    merged: bool = False  # built from a marker line and its text
    in_row: bool = False  # beside another line of the same type: a table row

    @property
    def size(self) -> float:
        return self.line.font_size

    @property
    def page(self) -> int:
        return self.line.page


@dataclass
class _Stats:
    body_size: float
    body_bold: bool
    pitch: float  # normal distance between line tops, in font sizes
    body_font: str = ""  # font of most body text (subset prefix removed)


@dataclass
class _Heading:
    rows: list[_Row]
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
    rows: list[_Row] = field(default_factory=list)
    marker: Optional[str] = None
    left: Optional[float] = None  # x0 of the lines after the first
    section: Optional[int] = None


def _inside(line: Line, box, pad: float = 2.0) -> bool:
    cx = (line.bbox[0] + line.bbox[2]) / 2
    cy = (line.bbox[1] + line.bbox[3]) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def _table_boxes(tables: list[Table]) -> dict[int, list]:
    """Page number -> boxes of the tables on it."""
    boxes: dict[int, list] = defaultdict(list)
    for table in tables:
        if table.page_bboxes:
            for page, box in table.page_bboxes.items():
                boxes[page].append(box)
            continue
        for page in range(table.page_start, table.page_end + 1):
            boxes[page].append(table.bbox)
    return boxes


def _row(line: Line, rules: _Compiled) -> _Row:
    text = fold(line.text)
    row = _Row(line=line, text=text, body=text, text_x=line.x0)
    match = rules.marker.match(text)
    if match:
        marker = next(g for g in match.groups() if g is not None)
        row.marker = marker
        row.body = text[match.end():].strip()
        share = match.end() / max(len(text), 1)
        row.text_x = line.x0 + share * (line.x1 - line.x0)
    return row


def _merge_markers(lines: list[Line], rules: _Compiled) -> list[_Row]:
    """Rows of one page; a marker standing alone joins the text to its right."""
    rows = [_row(line, rules) for line in lines]
    used: set[int] = set()
    reach = rules.rules.layout.marker_join
    for i, row in enumerate(rows):
        if i in used or not rules.marker_only.match(row.text):
            continue
        line = row.line
        best, best_dx = None, None
        for j, other in enumerate(rows):
            if j == i or j in used or rules.marker_only.match(other.text):
                continue
            o = other.line
            overlap = min(line.bottom, o.bottom) - max(line.top, o.top)
            dx = o.x0 - line.x1
            if overlap < 0.5 * min(line.bottom - line.top, o.bottom - o.top) or dx < -1:
                continue
            if dx <= reach * max(o.font_size, 1) and (best_dx is None or dx < best_dx):
                best, best_dx = j, dx
        if best is None:
            continue
        text_line = rows[best].line
        joined = Line(
            text=f"{row.text} {rows[best].text}",
            page=line.page,
            bbox=union_bbox([line.bbox, text_line.bbox]),
            font_size=text_line.font_size,
            bold=text_line.bold,
            italic=text_line.italic,
            fontname=text_line.fontname,
        )
        new = _row(joined, rules)
        new.text_x = text_line.x0
        new.merged = True
        rows[i] = new
        used.add(best)
    kept = [row for k, row in enumerate(rows) if k not in used]
    kept = [row for row in kept if not _is_script(row, kept)]
    kept = _rejoin(kept, rules)
    _mark_table_rows(kept)
    return kept


def _rejoin(rows: list[_Row], rules: _Compiled) -> list[_Row]:
    """Join pieces of one line cut apart by a column split (a heading across both columns).

    Pieces of the same type on the same row closer than
    :data:`_REJOIN_GAP` font sizes are one line; table cells and column
    gutters stand further apart.
    """
    ordered = sorted(range(len(rows)), key=lambda k: rows[k].line.x0)
    gone: set[int] = set()
    for a in ordered:
        if a in gone:
            continue
        for b in ordered:
            if b == a or b in gone:
                continue
            left, right = rows[a], rows[b]
            la, lb = left.line, right.line
            gap = lb.x0 - la.x1
            middle = (lb.top + lb.bottom) / 2
            if (
                0 <= gap <= _REJOIN_GAP * la.font_size
                and la.top <= middle <= la.bottom
                and _same_type(left, right)
                and abs(la.font_size - lb.font_size) <= 0.3
            ):
                joined = Line(
                    text=f"{left.text} {right.text}",
                    page=la.page,
                    bbox=union_bbox([la.bbox, lb.bbox]),
                    font_size=la.font_size,
                    bold=la.bold,
                    italic=la.italic,
                    fontname=la.fontname,
                )
                new = _row(joined, rules)
                new.merged = left.merged
                if left.merged:
                    new.text_x = left.text_x
                rows[a] = new
                gone.add(b)
    return [row for k, row in enumerate(rows) if k not in gone]


def _mark_table_rows(rows: list[_Row]) -> None:
    """Mark lines that share their row with another line of the same type.

    Such lines are cells of a table the table finder missed ("Ansvarig",
    "Tidsplan" side by side): never headings.
    """
    ordered = sorted(rows, key=lambda r: r.line.top)
    for k, row in enumerate(ordered):
        line = row.line
        middle = (line.top + line.bottom) / 2
        for other in ordered[k + 1:]:
            o = other.line
            if o.top > middle:
                break
            if o.bottom >= middle and _same_type(row, other) and (o.x0 > line.x1 or line.x0 > o.x1):
                row.in_row = other.in_row = True


def _is_script(row: _Row, rows: list[_Row]) -> bool:
    """A short sub- or superscript ("2" of CO2, a footnote mark) beside a bigger line."""
    if len(row.text) > _SCRIPT_CHARS:
        return False
    line = row.line
    for other in rows:
        o = other.line
        if other is row or line.font_size > _SCRIPT_SIZE * o.font_size:
            continue
        if o.top - 1 <= (line.top + line.bottom) / 2 <= o.bottom + 1 and o.x0 - 2 <= line.x0 <= o.x1 + 2:
            return True
    return False


def _stats(rows: list[_Row]) -> _Stats:
    """Body size (most characters), whether body text is bold, normal line pitch."""
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
            fonts[_font(row)] += len(row.text)
    pitches: Counter = Counter()
    for prev, row in zip(rows, rows[1:]):
        if row.page != prev.page or abs(row.size - prev.size) > 0.3 or abs(row.size - body) > 1:
            continue
        dtop = row.line.top - prev.line.top
        if 0.8 * row.size < dtop < 2.5 * row.size and row.line.x0 < prev.line.x1:
            pitches[round(dtop / row.size, 2)] += 1
    pitch = _mode_band(pitches) if pitches else 1.2
    return _Stats(body, body_bold, pitch, fonts.most_common(1)[0][0])


def _font(row: _Row) -> str:
    """The font's name without its subset prefix ("ABCDEF+Calibri" -> "Calibri")."""
    name = row.line.fontname
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isupper() else name


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


def _section_number(row: _Row, rules: _Compiled) -> Optional[tuple[str, str]]:
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


def _bigger(row: _Row, stats: _Stats, rules: _Compiled) -> bool:
    return row.size >= stats.body_size * rules.rules.heading.min_size_ratio


def _bold(row: _Row, stats: _Stats) -> bool:
    return bool(row.line.bold) and not stats.body_bold and row.size >= stats.body_size - 0.6


def _caps(text: str, rules: _Compiled) -> bool:
    letters = _letters(text)
    return len(letters) >= rules.rules.heading.caps_min_letters and letters.isupper()


def _styled(row: _Row, stats: _Stats, rules: Optional[_Compiled] = None) -> bool:
    """Set apart from body text by size, bold or capitals."""
    rules = rules or compiled_rules()
    return _bigger(row, stats, rules) or _bold(row, stats) or _caps(row.text, rules)


def _heading_cue(row: _Row, stats: _Stats, rules: _Compiled) -> Optional[str]:
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
    words = _word_count(text)
    if text.endswith(".") and words >= 3 and not numbered:
        return None
    bigger, bold, caps = _bigger(row, stats, rules), _bold(row, stats), _caps(text, rules)
    if numbered:
        styled = bigger or bold or caps
        if (styled or "." in numbered[0]) and words <= hr.max_words:
            row.number = numbered[0]
            return "number"
    if row.marker:
        return None  # "1. Text" in body type is a list item
    if bigger and words <= hr.max_words:
        return "size"
    if row.size < stats.body_size - 0.6:
        return None
    if bold and words <= hr.max_words_plain:
        return "bold"
    if caps and words <= hr.max_words_plain:
        return "caps"
    if (
        stats.body_font
        and row.line.fontname
        and _font(row) != stats.body_font
        and not row.line.italic
        and words <= hr.max_words_plain
        and not text.endswith(".")
    ):
        return "font"  # set in another font than the body text (bold not told apart)
    if text.rstrip(":").lower() in rules.cues:
        return "cue"
    return None


def _continues_heading(head: list[_Row], row: _Row, stats: _Stats, rules: _Compiled) -> bool:
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
        return _font(row) == _font(first)
    if first.heading == "cue":
        return False
    if first.heading == "number" and not _styled(first, stats, rules):
        # a numbered heading in body type: only an unfinished phrase carries on
        return row.text[:1].islower()
    return True


def _finish_heading(rows: list[_Row], rules: _Compiled) -> Optional[_Heading]:
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
    if _word_count(text) > max_words or len(text) > max_chars:
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


def _same_type(a: _Row, b: _Row) -> bool:
    return abs(a.size - b.size) <= 0.6 and bool(a.line.bold) == bool(b.line.bold)


def _continues_block(block: _Open, row: _Row, stats: _Stats, rules: _Compiled) -> bool:
    """Whether ``row`` (not a heading, no marker) carries on the open block."""
    last, first = block.rows[-1], block.rows[0]
    lay = rules.rules.layout
    size = max(row.size, 1.0)
    tol = lay.indent * size
    ends_sentence = bool(_SENTENCE_END.search(last.text)) or last.text.endswith(":")
    if not _same_type(last, row) and not (row.text[:1].islower() and not ends_sentence):
        return False
    if row.page != last.page or row.line.top < last.line.top - 0.5 * size:
        # the next page or column: only an unfinished sentence carries on
        return not ends_sentence and row.text[:1].islower() and _same_type(last, row)
    dtop = row.line.top - last.line.top
    if dtop <= 0.5 * size:
        return False  # another cell of the same row
    if dtop > size * (stats.pitch + lay.paragraph_gap):
        return False
    if block.kind == "list_item":
        if row.line.x0 >= first.text_x - tol and row.line.x0 > first.line.x0 + 0.3 * size:
            return True
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


def _close(block: _Open, rules: _Compiled) -> Block:
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


def _list_depths(blocks: list[Block], starts: list[float], rules: _Compiled) -> None:
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
    boxes = _table_boxes(tables)
    rows: list[_Row] = []
    for page in pages:
        if page.is_toc:
            continue
        lines = [
            line
            for line in page.lines
            if line.text.strip() and not any(_inside(line, b) for b in boxes.get(page.number, ()))
        ]
        rows.extend(_merge_markers(lines, rules))
    if not rows:
        _place_tables(parsed, [])
        return parsed

    stats = _stats(rows)
    for row in rows:
        row.heading = _heading_cue(row, stats, rules)

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
        if open_block is not None and not row.marker:
            if _continues_block(open_block, row, stats, rules):
                target = open_block
            elif row.page > open_block.rows[-1].page and row.text[:1].islower():
                # a sentence that went on over a footnote and the page break
                for block in reversed(opened[-_LOOK_BACK:]):
                    if block.section != section or block.rows[-1].page != row.page - 1:
                        break
                    if _continues_block(block, row, stats, rules):
                        target = block
                        break
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


def _group_headings(rows: list[_Row], stats: _Stats, rules: _Compiled) -> list:
    """The rows in order, with the lines of each heading gathered into one :class:`_Heading`."""
    by_page: dict[int, list[_Row]] = defaultdict(list)
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
        if heading:
            items.append(heading)
        else:
            for r in head:
                r.heading, r.number = None, None
            items.extend(head)
        i += 1
    return items


def _runs_on(row: _Row, page_rows: list[_Row], stats: _Stats, rules: _Compiled) -> bool:
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


def _ends_phrase(row: _Row, following: _Row) -> bool:
    """Whether ``row`` looks complete: the next line opens a new sentence."""
    return not row.text.endswith(("-", ",")) and following.text[:1].isupper()


def _stands_alone(rows: list[_Row], start: int, end: int, stats: _Stats, after: bool = True) -> bool:
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
