"""Tables of a PDF: ruled ones read by pdfplumber, borderless ones from the lines.

pdfplumber (pdfminer) parses about ten pages a second, too slow to run on
every page of a batch.  So each page is screened first, cheaply:

* ruled tables: the page's vector drawings, read with pypdfium2, must hold
  a grid (a cluster of rules or cell rectangles with three or more distinct
  vertical and horizontal edges and text inside).  Only such pages are
  opened with pdfplumber (``lines`` strategy); boxes around prose and page
  frames have no inner vertical edge and never get that far.
* borderless tables: read straight from the page's :class:`Line` objects
  (already split at wide gaps): runs of rows whose pieces stay in columns
  separated by white space.  No pdfplumber at all.

Every table then gets its header row(s) split off (bold, or cells that are
column words or years, ``rules/tables.yaml``), and a table ending at the
bottom of a page is joined with one starting at the top of the next when
their columns line up (a repeated header is dropped).

One module a step: :mod:`.screen`, :mod:`.ruled`, :mod:`.borderless`,
:mod:`.header`, :mod:`.join`; :mod:`.grid` holds what they share.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

from ..models import PageLayout, Table
from .borderless import text_grids
from .grid import Grid, TableRules, compiled_rules
from .header import split_header
from .join import join_pages
from .ruled import ruled_grids
from .screen import screen_pages

__all__ = ["TableRules", "find_tables", "screen_pages"]


def find_tables(path: str | Path, pages: Sequence[PageLayout], *, rules_folder: Optional[str] = None) -> list[Table]:
    """The tables of the PDF at ``path``, joined across pages, in reading order.

    ``pages`` are the layouts of :func:`planextract.layout.read_layout`; they
    decide which pages are worth opening with pdfplumber and hold the lines
    borderless tables are read from.
    """
    comp = compiled_rules(rules_folder)
    path = Path(path)
    layouts = {page.number: page for page in pages}
    candidates = screen_pages(path, pages, rules_folder=rules_folder)
    grids: list[Grid] = ruled_grids(path, candidates, comp) if candidates else []
    for page in pages:
        if not page.lines:
            continue
        taken = [g.bbox for g in grids if g.page == page.number]
        grids.extend(text_grids(page, taken, comp))
    for grid in grids:
        split_header(grid, comp)
    grids.sort(key=lambda g: (g.page, g.bbox[1], g.bbox[0]))
    return join_pages(grids, layouts, comp)
