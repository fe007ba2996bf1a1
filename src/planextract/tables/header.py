"""Header rows: bold rows, or rows of column words and years, split off a grid."""

from __future__ import annotations

import re

from ..textnorm import fold, normalize
from .grid import NUMBER, Compiled, Grid

_LABELLED_VALUE = re.compile(r":\s+\S")
# "Utfall 2024: 68 %", "Målvärde 2026: minst 85 %": a cell that names what it holds
_LABELLED_CELL = re.compile(r"^[^\W\d][\w–-]*(?:\s[\w–-]+){0,3}\s*:\s+\S", re.UNICODE)


def _is_header_word(cell: str, comp: Compiled) -> bool:
    text = fold(cell).rstrip(":*")
    if not text or _LABELLED_VALUE.search(text):
        return False  # "Utfall 2024: 68 %": a labelled value, a body cell
    if text in comp.words or comp.year.match(text):
        return True
    first = text.split(" ")[0]
    return first in comp.words or any(text.startswith(word + " ") for word in comp.words if " " in word)


def is_number(cell: str, comp: Compiled) -> bool:
    """A plain figure ("120", "5,2 %", "-3 400"), not a year."""
    return bool(NUMBER.match(cell)) and not comp.year.match(cell.strip())


def numeric_columns(rows: list[list[str]], comp: Compiled) -> set[int]:
    """Columns whose filled body cells are mostly figures."""
    out = set()
    for c in range(len(rows[0]) if rows else 0):
        filled = [row[c] for row in rows if row[c]]
        if filled and sum(1 for cell in filled if is_number(cell, comp)) >= 0.6 * len(filled):
            out.add(c)
    return out


def is_header_row(
    cells: list[str], bold: list[bool], comp: Compiled, *, bold_ok: bool, numeric: frozenset = frozenset()
) -> bool:
    """Bold cells, column words or years, or words over columns of figures."""
    filled = [c for c, cell in enumerate(cells) if cell]
    if not filled or any(is_number(cells[c], comp) for c in filled):
        return False
    if bold_ok and len(filled) >= 2 and all(bold[c] for c in filled):
        return True
    words = sum(1 for c in filled if _is_header_word(cells[c], comp))
    if words >= 1 and words >= comp.rules.header_share * len(filled) and (len(filled) >= 2 or len(cells) == 1):
        return True
    # text over columns that hold figures below it
    return len(filled) >= 2 and sum(1 for c in filled if c in numeric) >= max(1, len(numeric) // 2)


def labelled_columns(rows: list[list[str]]) -> bool:
    """Rows whose cells name what they hold ("Andel … | Utfall 2024: 68 % |
    Målvärde 2026: minst 85 %"): two columns or more of labelled values make
    a table that needs no header row."""
    count = 0
    for c in range(len(rows[0]) if rows else 0):
        filled = [row[c] for row in rows if row[c]]
        if len(filled) >= 2 and sum(1 for cell in filled if _LABELLED_CELL.match(cell)) >= 0.6 * len(filled):
            count += 1
    return count >= 2


def split_header(grid: Grid, comp: Compiled) -> None:
    """Find the title row and header rows at the top of ``grid``; merge the header."""
    rules = comp.rules
    rows, bold = grid.cells, grid.bold
    # bold marks a header only when the body is not bold too
    bold_ok = not all(all(b for b, cell in zip(brow, row) if cell) for brow, row in zip(bold[1:], rows[1:]))
    numeric = frozenset(numeric_columns(rows[1:], comp))

    def header(r: int) -> bool:
        return is_header_row(rows[r], bold[r], comp, bold_ok=bold_ok, numeric=numeric)

    start = 0
    filled0 = [cell for cell in rows[0] if cell]
    if len(filled0) == 1 and grid.n_cols >= 2 and len(rows) > 2 and header(1):
        grid.title = filled0[0]
        start = 1
    count = 0
    while count < rules.max_header_rows and start + count < len(rows) - 1 and header(start + count):
        count += 1
    if count == 0 and start:
        start, grid.title = 0, None
    header_rows = rows[start : start + count]
    # no header row: no header (not a row of empty names)
    grid.header = [normalize(" ".join(row[c] for row in header_rows if row[c])) for c in range(grid.n_cols)] if count else []
    grid.n_header = start + count
    if count:
        _shift_lone_headers(grid)


def _shift_lone_headers(grid: Grid) -> None:
    """Join a header over an empty column with the headless column of figures beside it.

    A header cell drawn across a different grid than the body (merged cells)
    can land one column off; the emptied column is dropped.
    """
    c = 0
    while c < grid.n_cols - 1:
        body = grid.body
        here = any(row[c] for row in body)
        there = any(row[c + 1] for row in body)
        a, b = grid.header[c], grid.header[c + 1]
        if (a and not b and not here and there) or (b and not a and here and not there):
            keep, drop = (c + 1, c) if a else (c, c + 1)
            grid.header[keep] = a or b
            for row in grid.cells[grid.n_header :]:
                row[keep] = row[keep] or row[drop]
            for rows in (grid.cells, grid.bold):
                for row in rows:
                    del row[drop]
            del grid.header[drop]
            del grid.spans[drop]
            continue
        c += 1
