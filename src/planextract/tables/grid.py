"""What the table finders share: the rules of ``rules/tables.yaml``, the
grid a finder returns, and bands of lines that share a baseline."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from ..models import BBox, Line
from ..rules import RulesModel, load_rules
from ..textnorm import fold


class ScreenRules(RulesModel):
    thin: float
    min_edge: float
    touch: float
    bin: float
    min_x_edges: int
    min_y_edges: int
    min_width: float
    min_height: float
    min_lines_inside: int
    min_rows_across: int
    min_columns_used: int
    max_segments: int


class PlumberRules(RulesModel):
    vertical_strategy: str
    horizontal_strategy: str
    snap_tolerance: float
    join_tolerance: float
    edge_min_length: float
    intersection_tolerance: float
    text_x_tolerance: float
    text_y_tolerance: float


class TextRules(RulesModel):
    min_gap: float
    max_cols: int
    max_row_gap: float
    min_rows: int
    min_rows_headed: int
    min_multi_rows: int
    min_multi_rows_plain: int
    min_cols_plain: int
    plain_multi_share: float
    prose_chars: int
    max_short_tokens: float
    note_labels: list[str]

    def is_note(self, text: str) -> bool:
        """A table's note under it: "Källa: SCB", "Anm. Uppgift saknas för 2023"."""
        head = re.match(r"\s*([^\W\d]+)\s*[:.]", text or "")
        return bool(head) and head.group(1).lower() in self.note_labels

    @property
    def fewest_rows(self) -> int:
        """The fewest rows any borderless table may have (a headed one may have fewer)."""
        return min(self.min_rows, self.min_rows_headed)


class JoinRules(RulesModel):
    col_tolerance: float
    edge_zone: float
    footer_chars: int


class TableRules(RulesModel):
    """``rules/tables.yaml``."""

    screen: ScreenRules
    pdfplumber: PlumberRules
    text: TextRules
    min_cols: int
    min_rows: int
    min_rows_ruled: int
    min_filled: float
    max_header_rows: int
    header_share: float
    header_words: list[str]
    year_pattern: str
    bold_fonts: list[str]
    join: JoinRules


@dataclass(frozen=True)
class Compiled:
    rules: TableRules
    words: frozenset
    year: re.Pattern


@functools.lru_cache(maxsize=4)
def compiled_rules(folder: Optional[str] = None) -> Compiled:
    rules = load_rules("tables.yaml", TableRules, folder)
    return Compiled(
        rules=rules,
        words=frozenset(fold(word) for word in rules.header_words),
        year=re.compile(rules.year_pattern, re.IGNORECASE),
    )


# --------------------------------------------------------------------------
# One table as found on one page
# --------------------------------------------------------------------------


@dataclass
class Grid:
    """A table on one page before its header is split off.

    ``spans`` holds each column's (x0, x1) on the page, for lining up a
    continuation on the next page.
    """

    page: int
    bbox: BBox
    cells: list[list[str]]
    bold: list[list[bool]]
    spans: list[tuple[float, float]]
    strategy: str
    # filled in by split_header
    title: Optional[str] = None
    n_header: int = 0
    header: list[str] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return len(self.spans)

    @property
    def body(self) -> list[list[str]]:
        return self.cells[self.n_header :]


def prune_and_check(grid: Grid, comp: Compiled, ruled: bool = False) -> bool:
    """Drop empty rows and columns; say whether what is left is a table.  A
    ruled grid may be one row ("Nämndmål 1 | Alla barn … | Prognos helår: …",
    a goal in a box of cells); a borderless one needs more."""
    keep_cols = [c for c in range(grid.n_cols) if any(row[c] for row in grid.cells if c < len(row))]
    keep_rows = [r for r, row in enumerate(grid.cells) if any(row)]
    grid.cells = [[grid.cells[r][c] for c in keep_cols] for r in keep_rows]
    grid.bold = [[grid.bold[r][c] for c in keep_cols] for r in keep_rows]
    grid.spans = [grid.spans[c] for c in keep_cols]
    rules = comp.rules
    fewest = rules.min_rows_ruled if ruled else rules.min_rows
    if grid.n_cols < rules.min_cols or len(grid.cells) < fewest:
        return False
    multi = sum(1 for row in grid.cells if sum(1 for cell in row if cell) >= 2)
    if multi < min(2, len(grid.cells)) and not (ruled and _staircase(grid.cells, rules.screen.min_columns_used)):
        return False
    return filled_share(grid.cells) >= rules.min_filled


def _staircase(rows: list[list[str]], fewest_columns: int) -> bool:
    """At least ``fewest_columns`` rows below the first, filling cells of at least
    that many columns: a goal tree whose column gives each row's level."""
    body = rows[1:]
    columns = {c for row in body for c, cell in enumerate(row) if cell}
    return len(body) >= fewest_columns and len(columns) >= fewest_columns


def filled_share(rows: list[list[str]]) -> float:
    total = sum(len(row) for row in rows)
    return sum(1 for row in rows for cell in row if cell) / total if total else 0.0


@dataclass
class Band:
    """Lines that share a baseline, left to right."""

    lines: list[Line]
    top: float
    bottom: float

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.top, self.bottom = min(self.top, line.top), max(self.bottom, line.bottom)


def baseline_bands(lines: list[Line]) -> list[Band]:
    """Lines grouped by shared baseline (overlapping vertical centres), each band left to right."""
    bands: list[Band] = []
    for line in sorted(lines, key=lambda l: (l.top, l.x0)):
        if bands:
            last = bands[-1]
            height = min(line.bottom - line.top, last.bottom - last.top) or 1.0
            centre, last_centre = (line.top + line.bottom) / 2, (last.top + last.bottom) / 2
            previous = last.lines[-1]
            if abs(centre - last_centre) < 0.5 * height and not (previous.x0 < line.x1 and line.x0 < previous.x1):
                last.add(line)
                continue
        bands.append(Band([line], line.top, line.bottom))
    for band in bands:
        band.lines.sort(key=lambda l: l.x0)
    return bands


def centre_in(box: BBox, region: BBox, pad: float = 1.0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] - pad <= cx <= region[2] + pad and region[1] - pad <= cy <= region[3] + pad


NUMBER = re.compile(r"^[-–+]?[\d\s.,:%]+$")
