"""Joining a table that ends at the bottom of a page with the one that
continues it at the top of the next."""

from __future__ import annotations

from typing import Optional

from ..models import Line, PageLayout, Table
from ..textnorm import fold
from .grid import Compiled, Grid, filled_share


def _short(line: Line, comp: Compiled) -> bool:
    return len(line.text.strip()) <= comp.rules.join.footer_chars


def _ends_page(grid: Grid, layout: Optional[PageLayout], comp: Compiled) -> bool:
    if layout is None:
        return False
    if grid.bbox[3] < (1 - comp.rules.join.edge_zone) * layout.height:
        return False
    return not any(l.top >= grid.bbox[3] - 1 and not _short(l, comp) for l in layout.lines)


def _starts_page(grid: Grid, layout: Optional[PageLayout], comp: Compiled) -> bool:
    if layout is None:
        return False
    if grid.bbox[1] > comp.rules.join.edge_zone * layout.height:
        return False
    return not any(l.bottom <= grid.bbox[1] + 1 and not _short(l, comp) for l in layout.lines)


def _column_map(a: Grid, b: Grid, comp: Compiled) -> Optional[list[int]]:
    """For each column of ``b``, the column of ``a`` it continues; ``None`` if they do not line up.

    ``b`` may have fewer columns (empty ones are pruned page by page); the
    page may be shifted (mirrored margins), so the left edges are tried
    aligned too.
    """
    if b.n_cols > a.n_cols:
        return None
    tol = comp.rules.join.col_tolerance
    for shift in (0.0, b.spans[0][0] - a.spans[0][0]):
        mapping, start = [], 0
        for t0, t1 in b.spans:
            t0, t1 = t0 - shift, t1 - shift
            best, best_overlap = None, 0.0
            for i in range(start, a.n_cols):
                s0, s1 = a.spans[i]
                overlap = min(s1, t1) - max(s0, t0)
                if overlap > best_overlap:
                    best, best_overlap = i, overlap
            if best is None or best_overlap < 0.5 * min(t1 - t0, a.spans[best][1] - a.spans[best][0]):
                break
            if a.strategy == b.strategy == "lines" and b.n_cols == a.n_cols:
                s0, s1 = a.spans[best]
                if abs(s0 - t0) > tol or abs(s1 - t1) > tol:
                    break
            mapping.append(best)
            start = best + 1
        else:
            return mapping
    return None


def _spread(row: list[str], mapping: list[int], width: int) -> list[str]:
    out = [""] * width
    for cell, i in zip(row, mapping):
        out[i] = cell
    return out


def _same_header(a: list[str], b: list[str]) -> bool:
    return [fold(x) for x in a] == [fold(x) for x in b]


def join_pages(grids: list[Grid], layouts: dict[int, PageLayout], comp: Compiled) -> list[Table]:
    tables: list[Table] = []
    last: Optional[Grid] = None  # the last page's part of tables[-1]
    for k, grid in enumerate(grids):
        joined = False
        if last is not None and tables and grid.page == last.page + 1:
            last_on_page = not any(g.page == last.page and g.bbox[1] > last.bbox[1] for g in grids)
            first_on_page = not any(g.page == grid.page and g.bbox[1] < grid.bbox[1] for g in grids[:k])
            if (
                last_on_page
                and first_on_page
                and (mapping := _column_map(last, grid, comp)) is not None
                and _ends_page(last, layouts.get(last.page), comp)
                and _starts_page(grid, layouts.get(grid.page), comp)
            ):
                table = tables[-1]
                header = _spread(grid.header, mapping, last.n_cols)
                if grid.n_header and not grid.title and _same_header(header, table.header):
                    body = [_spread(row, mapping, last.n_cols) for row in grid.body]
                    joined = True
                elif not grid.n_header or not any(table.header):
                    body = [_spread(row, mapping, last.n_cols) for row in grid.cells]
                    joined = True
                if joined:
                    grid.spans = [last.spans[i] for i in range(last.n_cols)]
                    table.rows.extend(body)
                    table.row_pages.extend([grid.page] * len(body))
                    table.page_end = grid.page
                    table.page_bboxes[grid.page] = grid.bbox
                    table.quality["continued"] += 1
        if not joined:
            tables.append(
                Table(
                    page_start=grid.page,
                    page_end=grid.page,
                    bbox=grid.bbox,
                    header=grid.header,
                    rows=[list(row) for row in grid.body],
                    quality={"strategy": grid.strategy, "continued": 0},
                    row_pages=[grid.page] * len(grid.body),
                    page_bboxes={grid.page: grid.bbox},
                )
            )
            if grid.title:
                tables[-1].quality["title"] = grid.title
        last = grid
    for table in tables:
        table.quality["filled"] = round(filled_share(table.rows), 3)
        table.quality["rows"] = len(table.rows)
    return tables
