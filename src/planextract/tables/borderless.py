"""Borderless tables, read from a page's lines: runs of rows whose pieces
stay in columns separated by white space."""

from __future__ import annotations

import functools
import re
import statistics
from dataclasses import replace
from typing import Optional

from ..models import BBox, Line, PageLayout, union_bbox
from ..textnorm import join_lines, normalize
from .grid import NUMBER, Band, Compiled, Grid, TextRules, baseline_bands, centre_in, prune_and_check
from .header import is_header_row, labelled_columns, numeric_columns


def _split_band(band: Band, gaps: list[tuple[float, float]]) -> Band:
    """Split a line that runs across one column gap at the space nearest the gap.

    The layout joins two cells into one line when the white space between
    them is narrower than its own split width.  Without character positions
    the split point is estimated from the share of characters before each
    space; only a line crossing exactly one gap is split.
    """
    out: list[Line] = []
    changed = False
    for line in band.lines:
        crossed = [g for g in gaps if line.x0 < g[0] and line.x1 > g[1]]
        text = line.text
        if len(crossed) != 1 or " " not in text:
            out.append(line)
            continue
        g0, g1 = crossed[0]
        per_char = (line.x1 - line.x0) / max(len(text), 1)
        spaces = [k for k, ch in enumerate(text) if ch == " "]
        k = min(spaces, key=lambda k: abs(line.x0 + k * per_char - (g0 + g1) / 2))
        at = line.x0 + k * per_char
        if not g0 - 4 * per_char <= at <= g1 + 4 * per_char:
            out.append(line)
            continue
        left, right = text[:k].strip(), text[k + 1 :].strip()
        out.append(replace(line, text=left, bbox=(line.x0, line.top, min(at, g0), line.bottom)))
        out.append(replace(line, text=right, bbox=(max(at, g1), line.top, line.x1, line.bottom)))
        changed = True
    return Band(out, band.top, band.bottom) if changed else band


def _narrow(gaps: list[tuple[float, float]], band: Band, min_gap: float) -> Optional[list[tuple[float, float]]]:
    """The column gaps left after ``band``; ``None`` when a line crosses one."""
    out = []
    for g0, g1 in gaps:
        pieces = [(g0, g1)]
        for line in band.lines:
            nxt = []
            for p0, p1 in pieces:
                if line.x1 <= p0 or line.x0 >= p1:
                    nxt.append((p0, p1))
                    continue
                if line.x0 > p0:
                    nxt.append((p0, line.x0))
                if line.x1 < p1:
                    nxt.append((line.x1, p1))
            pieces = nxt
        pieces = [p for p in pieces if p[1] - p[0] >= min_gap]
        if not pieces:
            return None
        # a line inside the gap splits it: keep the widest piece per gap
        out.append(max(pieces, key=lambda p: p[1] - p[0]))
    return out


def text_grids(page: PageLayout, taken: list[BBox], comp: Compiled) -> list[Grid]:
    rules = comp.rules.text
    lines = [l for l in page.lines if l.text.strip() and not any(centre_in(l.bbox, box, 2.0) for box in taken)]
    bands = baseline_bands(lines)
    if not bands:
        return []
    heights = [l.bottom - l.top for l in lines if l.bottom > l.top]
    line_h = statistics.median(heights) if heights else 10.0
    grids = []
    i = 0
    while i < len(bands):
        seed = bands[i]
        if not 2 <= len(seed.lines) <= rules.max_cols:
            i += 1
            continue
        gaps = [(a.x1, b.x0) for a, b in zip(seed.lines, seed.lines[1:]) if b.x0 - a.x1 >= rules.min_gap]
        if not gaps:
            i += 1
            continue
        block = [seed]
        j = i + 1
        while j < len(bands):
            band = bands[j]
            if band.top - block[-1].bottom > rules.max_row_gap * line_h or len(band.lines) > rules.max_cols:
                break
            if len(band.lines) == 1 and _LIST_START.match(band.lines[0].text):
                break  # "• Grundskolan", "– Alla elever ...": a list after the table
            if rules.is_note(band.lines[0].text):
                break  # "Källa: SCB. Målvärde 2025: minst 40.": the table's note, under it
            band = _split_band(band, gaps)
            narrowed = _narrow(gaps, band, rules.min_gap)
            if narrowed is None:
                break
            gaps = narrowed
            block.append(band)
            j += 1
        while len(block) > 2 and _set_apart_label(block):
            block.pop()  # "Enhetsmål" under the table: the label of what follows it
            j -= 1
        enough = len(block) >= rules.fewest_rows
        grid = _grid_from_bands(page.number, block, gaps, comp) if enough else None
        if grid is not None:
            grids.append(grid)
            i = j
        else:
            i += 1
    return grids


_LIST_START = re.compile(r"^\s*(?:[•●○◦▪■□►➢✓–—*]|-(?=\s)|\d{1,2}[.)](?=\s))")


def _set_apart_label(block: list[Band]) -> bool:
    """The block's last band is one line set further apart from the row above
    than the rows are from each other: a label or paragraph after the table."""
    last = block[-1]
    if len(last.lines) != 1:
        return False
    gaps = [b.top - a.bottom for a, b in zip(block, block[1:-1])]
    if not gaps:
        return False
    return last.top - block[-2].bottom > 1.5 * max(statistics.median(gaps), 1.0) + 1.0


def _grid_from_bands(number: int, block: list[Band], gaps, comp: Compiled) -> Optional[Grid]:
    rules = comp.rules.text
    n = len(gaps) + 1
    cuts = [(g0 + g1) / 2 for g0, g1 in gaps]

    def column(line: Line) -> int:
        centre = (line.x0 + line.x1) / 2
        return sum(1 for cut in cuts if centre > cut)

    rows: list[list[list[Line]]] = []
    for band in block:
        placed = [[] for _ in range(n)]
        for line in band.lines:
            placed[column(line)].append(line)
        first = placed[0][0].text.strip() if placed[0] else ""
        starts_row = bool(placed[0]) and not (rows and rows[-1][0] and first[:1].islower())
        if rows and not starts_row:
            for c in range(n):
                rows[-1][c].extend(placed[c])
        else:
            rows.append(placed)
    cells = [[_join_cell(cell) for cell in row] for row in rows]
    bold = [[bool(cell) and all(l.bold for l in cell) for cell in row] for row in rows]
    spans = []
    for c in range(n):
        members = [l for row in rows for l in row[c]]
        spans.append((min(l.x0 for l in members), max(l.x1 for l in members)) if members else (0.0, 0.0))
    bbox = union_bbox(l.bbox for band in block for l in band.lines)
    grid = Grid(page=number, bbox=bbox, cells=cells, bold=bold, spans=spans, strategy="text")
    if not prune_and_check(grid, comp) or len(grid.cells) < rules.fewest_rows:
        return None
    multi = sum(1 for row in grid.cells if sum(1 for cell in row if cell) >= 2)
    headed = is_header_row(grid.cells[0], grid.bold[0], comp, bold_ok=not all(any(b) for b in grid.bold)) or (
        labelled_columns(grid.cells))  # cells that name what they hold need no header
    if len(grid.cells) < (rules.min_rows_headed if headed else rules.min_rows):
        return None
    if headed:
        if multi < rules.min_multi_rows:
            return None
    elif (
        grid.n_cols < rules.min_cols_plain
        or multi < rules.min_multi_rows_plain
        or multi < rules.plain_multi_share * len(grid.cells)
        or numeric_columns(grid.cells, comp) >= {0}
    ):
        return None  # without a header: no labels in the first column, or too few columns
    if (_looks_like_prose(grid, rules) and not (headed and _bulleted_cells(grid))) or _looks_like_labels(grid) \
            or _looks_like_list(grid) or _garbled(grid, rules):
        return None
    return grid


def _bulleted_cells(grid: Grid) -> bool:
    """Every filled body cell opens with a bullet ("Genomfört | Planerat" over
    "• Stegvis arbetsträning …" | "• Språkpraktik …"): long lines side by
    side that are cells of bullets under a header, not a page set in columns."""
    body = [cell for row in grid.cells[1:] for cell in row if cell and cell.strip("–- ")]
    return bool(body) and all(_LIST_START.match(cell) for cell in body)


def _join_cell(lines: list[Line]) -> str:
    return _joined(tuple(line.text for line in sorted(lines, key=lambda l: (l.top, l.x0))))


@functools.lru_cache(maxsize=8192)
def _joined(texts: tuple[str, ...]) -> str:
    """The lines of a cell joined (cached: a page's bands are tried as rows of many blocks)."""
    out = ""
    for text in texts:
        out = join_lines(out, normalize(text))
    return normalize(out)


def _looks_like_prose(grid: Grid, rules: TextRules) -> bool:
    """Two or more columns of long lines: a page set in columns, not a table."""
    long_cols = 0
    for c in range(grid.n_cols):
        lengths = [len(row[c]) for row in grid.cells if row[c]]
        if lengths and statistics.median(lengths) > rules.prose_chars:
            long_cols += 1
    return long_cols >= 2


_LEADER = re.compile(r"\.{4,}|(?:\. ){4,}|…{2,}")
_MARKER = re.compile(r"^(?:[•●○◦▪■□–—\-*>]|\(?\d{1,2}[.)]|[a-zA-Z][.)])$")


def _looks_like_list(grid: Grid) -> bool:
    """A bulleted list (bullets alone in the first column) or a table of contents."""
    first = [row[0] for row in grid.cells if row[0]]
    if first and all(_MARKER.match(cell) for cell in first):
        return True
    leaders = sum(1 for row in grid.cells if any(_LEADER.search(cell) for cell in row))
    return leaders >= max(1, len(grid.cells) // 2)


def _looks_like_labels(grid: Grid) -> bool:
    """Only figures, no words: the axis labels or data labels of a chart."""
    return all(NUMBER.match(cell) for row in grid.cells for cell in row if cell)


def _garbled(grid: Grid, rules: TextRules) -> bool:
    """Mostly one-letter pieces: rotated or spaced-out text, not cells."""
    tokens = [t for row in grid.cells for cell in row for t in cell.split()]
    short = sum(1 for t in tokens if len(t) == 1 and t.isalpha())
    return not tokens or short > rules.max_short_tokens * len(tokens)
