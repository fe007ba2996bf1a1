"""Lines of a page made ready for the structure layer.

The rules of ``rules/structure.yaml``, compiled once; the text of a block
joined with hyphenation undone; and :func:`page_rows`, which turns the
:class:`~planextract.models.Line` objects of one page into :class:`Row`
objects: what the rules see at the start of each line (a list marker, its
text), with a marker standing alone joined to the text to its right,
sub- and superscripts dropped, pieces of a line cut by a column split
joined again, and lines that stand beside another of the same type (cells
of a table the table finder missed) marked.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Annotated, Optional

from pydantic import Field

from .models import Line, Table, union_bbox
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
    item_codes: list[Annotated[str, Field(min_length=1)]]
    heading_number: str
    max_first_number: int
    max_number_part: int
    unit_words: list[str]
    heading: HeadingRules
    heading_cues: list[str]
    not_heading: list[str]
    hyphen_keep_prefixes: list[str]
    paragraph_labels: list[str]
    layout: LayoutRules


@dataclass(frozen=True)
class Compiled:
    """The rules with their patterns compiled once."""

    rules: StructureRules
    marker: re.Pattern  # a list marker at the start of a line
    marker_only: re.Pattern  # a line that is nothing but a marker or a section number
    item_code: Optional[re.Pattern]  # a code that opens a paragraph with a hanging indent
    paragraph_label: re.Pattern  # a run-in label that opens a paragraph ("Indikator: …")
    number: re.Pattern
    not_heading: tuple
    units: frozenset
    cues: frozenset
    keep_prefixes: frozenset
    bullet_set: frozenset


@functools.lru_cache(maxsize=None)
def compiled_rules(folder: Optional[str] = None) -> Compiled:
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
    codes = [p.replace("(?P<code>", f"(?P<c{i}>") for i, p in enumerate(rules.item_codes)]
    return Compiled(
        rules=rules,
        marker=marker,
        marker_only=marker_only,
        item_code=re.compile("^(?:" + "|".join(codes) + ")") if codes else None,
        paragraph_label=re.compile(
            r"^(?:" + "|".join(re.escape(w) for w in rules.paragraph_labels) + r")(?:\s+(?:19|20)\d\d)?\s*:\s", re.I),
        number=re.compile("^" + rules.heading_number + r"\s*"),
        not_heading=tuple(re.compile(p) for p in rules.not_heading),
        units=frozenset(u.lower() for u in rules.unit_words),
        cues=frozenset(c.lower() for c in rules.heading_cues),
        keep_prefixes=frozenset(w.lower() for w in rules.hyphen_keep_prefixes),
        bullet_set=frozenset(rules.bullets) | {normalize(b) for b in rules.bullets},
    )


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------

_SCRIPT_SIZE = 0.75  # a line this much smaller than one it overlaps is a sub/superscript...
_SCRIPT_CHARS = 6  # ...when it is this short
_REJOIN_GAP = 1.0  # pieces of a row closer than this (in font sizes) are one line
_KEPT_PART = re.compile(r"(?:^|[\s\-/(])([^\s\-/(]+)-$")


def fold(text: str) -> str:
    """A line's text in normal form (see :func:`planextract.textnorm.normalize`)."""
    return normalize(text)


def join_lines(texts: list[str], rules: Optional[Compiled] = None) -> str:
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
class Row:
    """A line with what the rules see in it."""

    line: Line
    text: str
    marker: Optional[str] = None  # list marker
    code: Optional[str] = None  # an item code opening the line ("T1"), kept in the text
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


def inside(line: Line, box, pad: float = 2.0) -> bool:
    """Whether the centre of ``line`` lies in ``box`` (with ``pad`` points to spare)."""
    cx = (line.bbox[0] + line.bbox[2]) / 2
    cy = (line.bbox[1] + line.bbox[3]) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def table_boxes(tables: list[Table]) -> dict[int, list]:
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


def _row(line: Line, rules: Compiled) -> Row:
    text = fold(line.text)
    row = Row(line=line, text=text, body=text, text_x=line.x0)
    match = rules.marker.match(text)
    if match:
        row.marker = next(g for g in match.groups() if g is not None)
        row.body = text[match.end():].strip()
    elif rules.item_code is not None:
        match = rules.item_code.match(text)
        if match:
            row.code = next(g for g in match.groups() if g is not None)
    if match:
        share = match.end() / max(len(text), 1)
        row.text_x = line.x0 + share * (line.x1 - line.x0)
    return row


def page_rows(lines: list[Line], rules: Compiled) -> list[Row]:
    """The rows of one page, in the order of its lines.

    A marker standing alone joins the text to its right; sub- and
    superscripts and bullets with no text go; pieces of a line cut by a
    column split are joined; cells of unfound tables are marked.
    """
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
    kept = [row for row in kept if row.text not in rules.bullet_set]  # a bullet with no text
    _mark_table_rows(kept)
    return kept


def _rejoin(rows: list[Row], rules: Compiled) -> list[Row]:
    """Join pieces of one line cut apart by a column split (a heading across both columns).

    Pieces of the same type on the same row closer than
    :data:`_REJOIN_GAP` font sizes are one line; table cells and column
    gutters stand further apart.
    """
    ordered = sorted(range(len(rows)), key=lambda k: rows[k].line.x0)
    # A joined line starts where its left piece does, so the x0 of every row
    # stays as sorted here and the pieces right of a line are a run of
    # ``ordered``: from the first starting at its x1 to the first too far.
    # (Unless a box is inverted: then every pair is tried.)
    lefts = [rows[k].line.x0 for k in ordered]
    sorted_run = all(row.line.x1 >= row.line.x0 for row in rows)
    gone: set[int] = set()
    for a in ordered:
        if a in gone:
            continue
        start = bisect.bisect_left(lefts, rows[a].line.x1) if sorted_run else 0
        for pos in range(start, len(ordered)):
            b = ordered[pos]
            if b == a or b in gone:
                continue
            left, right = rows[a], rows[b]
            la, lb = left.line, right.line
            gap = lb.x0 - la.x1
            if sorted_run and gap > _REJOIN_GAP * la.font_size:
                break  # and so is every piece further right
            middle = (lb.top + lb.bottom) / 2
            if (
                0 <= gap <= _REJOIN_GAP * la.font_size
                and la.top <= middle <= la.bottom
                and same_type(left, right)
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


def _mark_table_rows(rows: list[Row]) -> None:
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
            if o.bottom >= middle and same_type(row, other) and (o.x0 > line.x1 or line.x0 > o.x1):
                row.in_row = other.in_row = True


def _is_script(row: Row, rows: list[Row]) -> bool:
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


def same_type(a: Row, b: Row) -> bool:
    """Same size (within 0.6 pt) and weight."""
    return abs(a.size - b.size) <= 0.6 and bool(a.line.bold) == bool(b.line.bold)


def font_name(row: Row) -> str:
    """The font's name without its subset prefix ("ABCDEF+Calibri" -> "Calibri")."""
    name = row.line.fontname
    return name[7:] if len(name) > 7 and name[6] == "+" and name[:6].isupper() else name
