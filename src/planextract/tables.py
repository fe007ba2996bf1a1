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
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import re
import statistics
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional, Sequence

from .errors import BrokenPDF
from .pdfdoc import load_page, open_pdf
from .models import BBox, Line, PageLayout, Table, union_bbox
from .rules import RulesModel, load_rules
from .textnorm import fold, join_lines, normalize


# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------


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
    min_multi_rows: int
    min_multi_rows_plain: int
    min_cols_plain: int
    plain_multi_share: float
    prose_chars: int
    max_short_tokens: float


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
    min_filled: float
    max_header_rows: int
    header_share: float
    header_words: list[str]
    year_pattern: str
    bold_fonts: list[str]
    join: JoinRules


@dataclass(frozen=True)
class _Compiled:
    rules: TableRules
    words: frozenset
    year: re.Pattern


@functools.lru_cache(maxsize=4)
def _compiled(folder: Optional[str] = None) -> _Compiled:
    rules = load_rules("tables.yaml", TableRules, folder)
    return _Compiled(
        rules=rules,
        words=frozenset(fold(word) for word in rules.header_words),
        year=re.compile(rules.year_pattern, re.IGNORECASE),
    )


# --------------------------------------------------------------------------
# One table as found on one page
# --------------------------------------------------------------------------


@dataclass
class _Grid:
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
    # filled in by _split_header
    title: Optional[str] = None
    n_header: int = 0
    header: list[str] = field(default_factory=list)

    @property
    def n_cols(self) -> int:
        return len(self.spans)

    @property
    def body(self) -> list[list[str]]:
        return self.cells[self.n_header :]


def find_tables(path: str | Path, pages: Sequence[PageLayout], *, rules_folder: Optional[str] = None) -> list[Table]:
    """The tables of the PDF at ``path``, joined across pages, in reading order.

    ``pages`` are the layouts of :func:`planextract.layout.read_layout`; they
    decide which pages are worth opening with pdfplumber and hold the lines
    borderless tables are read from.
    """
    comp = _compiled(rules_folder)
    path = Path(path)
    layouts = {page.number: page for page in pages}
    candidates = screen_pages(path, pages, rules_folder=rules_folder)
    grids: list[_Grid] = _ruled_grids(path, candidates, comp) if candidates else []
    for page in pages:
        if not page.lines:
            continue
        taken = [g.bbox for g in grids if g.page == page.number]
        grids.extend(_text_grids(page, taken, comp))
    for grid in grids:
        _split_header(grid, comp)
    grids.sort(key=lambda g: (g.page, g.bbox[1], g.bbox[0]))
    return _join(grids, layouts, comp)


# --------------------------------------------------------------------------
# Screening with pypdfium2
# --------------------------------------------------------------------------


def screen_pages(
    path: str | Path, pages: Sequence[PageLayout], *, rules_folder: Optional[str] = None
) -> dict[int, list[BBox]]:
    """Page number -> regions whose drawings form a grid with text inside.

    Cheap (pypdfium2 page objects only); a page not in the result is never
    opened with pdfplumber.
    """
    comp = _compiled(rules_folder)
    found: dict[int, list[BBox]] = {}
    with open_pdf(path) as doc:
        count = len(doc)
        for layout in pages:
            if layout.source != "text" or not 1 <= layout.number <= count:
                continue
            page = load_page(doc, layout.number - 1, path)
            try:
                regions = _grid_regions(page, layout, comp.rules.screen)
            finally:
                page.close()
            if regions:
                found[layout.number] = regions
    return found


def _path_objects(page, max_depth: int = 2):
    """Raw handles of a page's path objects, those of form objects to ``max_depth`` included.

    What ``page.get_objects(filter=[FPDF_PAGEOBJ_PATH], max_depth=max_depth)``
    yields, in its order, without a helper object made for every object of
    the page (text objects are most of them).
    """
    import pypdfium2.raw as raw
    from pypdfium2 import PdfiumError

    def walk(parent, count, get, level):
        n = count(parent)
        if n < 0:
            raise PdfiumError("Failed to get number of pageobjects.")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise PdfiumError("Failed to get pageobject.")
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_PATH:
                yield obj
            elif kind == raw.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
                yield from walk(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, level + 1)

    yield from walk(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, 0)


_BOUNDS = tuple(ctypes.c_float() for _ in range(4))


def _bounds(obj) -> tuple[float, float, float, float]:
    """Left, bottom, right, top of a raw page object (``PdfObject.get_bounds``)."""
    import pypdfium2.raw as raw
    from pypdfium2 import PdfiumError

    if not raw.FPDFPageObj_GetBounds(obj, *_BOUNDS):
        raise PdfiumError("Failed to locate pageobject.")
    return tuple(v.value for v in _BOUNDS)


def _path_edges(obj, height: float, rules: ScreenRules, bounds: tuple) -> list[BBox]:
    """Axis-parallel edges of one path object (a raw handle) as thin boxes (top-left origin)."""
    import pypdfium2.raw as raw

    left, bottom, right, top = bounds
    width, tall = right - left, top - bottom
    y0, y1 = height - top, height - bottom
    if width < rules.min_edge and tall < rules.min_edge:
        return []
    if tall <= rules.thin or width <= rules.thin:  # a rule
        return [(left, y0, right, y1)]
    count = raw.FPDFPath_CountSegments(obj)
    if count <= 5:  # a rectangle (move, 3-4 lines, close)
        return [(left, y0, right, y0), (left, y1, right, y1), (left, y0, left, y1), (right, y0, right, y1)]
    if count > rules.max_segments:
        return []
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        from pypdfium2 import PdfiumError

        raise PdfiumError("Failed to get matrix of pageobject.")
    edges: list[BBox] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    prev = start = None
    for i in range(count):
        seg = raw.FPDFPath_GetPathSegment(obj, i)
        raw.FPDFPathSegment_GetPoint(seg, x, y)
        point = (m.a * x.value + m.c * y.value + m.e, height - (m.b * x.value + m.d * y.value + m.f))
        kind = raw.FPDFPathSegment_GetType(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            prev = start = point
            continue
        if kind == raw.FPDF_SEGMENT_LINETO and prev is not None:
            edges.append(_straight(prev, point, rules))
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                edges.append(_straight(point, start, rules))
        prev = point
    return [e for e in edges if e is not None]


def _straight(a, b, rules: ScreenRules) -> Optional[BBox]:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    if (x1 - x0 <= rules.thin and y1 - y0 >= rules.min_edge) or (
        y1 - y0 <= rules.thin and x1 - x0 >= rules.min_edge
    ):
        return (x0, y0, x1, y1)
    return None


def _grid_regions(page, layout: PageLayout, rules: ScreenRules) -> list[BBox]:
    import pypdfium2.raw as raw

    width, height = page.get_width(), page.get_height()
    edges: list[BBox] = []
    for obj in _path_objects(page, max_depth=2):
        bounds = left, bottom, right, top = _bounds(obj)
        if right - left > 0.95 * width and top - bottom > 0.9 * height:
            continue  # the page's background or frame
        edges.extend(_path_edges(obj, height, rules, bounds))
    regions = []
    for box, members in _clusters(edges, rules.touch):
        if box[2] - box[0] < rules.min_width or box[3] - box[1] < rules.min_height:
            continue
        xs = {round(e[0] / rules.bin) for e in members if e[2] - e[0] <= rules.thin}
        ys = {round(e[1] / rules.bin) for e in members if e[3] - e[1] <= rules.thin}
        if len(_distinct(xs)) < rules.min_x_edges or len(_distinct(ys)) < rules.min_y_edges:
            continue
        inside = [line for line in layout.lines if _centre_in(line.bbox, box)]
        if len(inside) < rules.min_lines_inside:
            continue
        walls = [x * rules.bin for x in _distinct(xs)][1:-1]
        if _rows_across(inside, walls) >= rules.min_rows_across:
            regions.append(box)
    return regions


def _rows_across(lines: list[Line], walls: list[float]) -> int:
    """Rows of text with pieces on both sides of one of the inner vertical ``walls``."""
    count = 0
    for band in _bands(lines):
        if any(
            any(l.x1 <= x + 2 for l in band.lines) and any(l.x0 >= x - 2 for l in band.lines)
            for x in walls
        ):
            count += 1
    return count


def _distinct(bins: set) -> list[int]:
    """Bin numbers with neighbours merged (a position on a bin boundary counts once)."""
    out: list[int] = []
    for b in sorted(bins):
        if not out or b - out[-1] > 1:
            out.append(b)
    return out


def _clusters(boxes: list[BBox], touch: float) -> list[tuple[BBox, list[BBox]]]:
    """Groups of boxes that touch (within ``touch``), with their union."""
    clusters: list[list] = []  # [bbox, members]
    for box in sorted(boxes, key=lambda b: b[1]):
        hits = [c for c in clusters if _near(c[0], box, touch)]
        if not hits:
            clusters.append([box, [box]])
            continue
        first = hits[0]
        first[1].append(box)
        first[0] = union_bbox([first[0], box])
        for other in hits[1:]:
            first[1].extend(other[1])
            first[0] = union_bbox([first[0], other[0]])
            clusters.remove(other)
    return [(c[0], c[1]) for c in clusters]


def _near(a: BBox, b: BBox, pad: float) -> bool:
    return a[0] - pad <= b[2] and b[0] - pad <= a[2] and a[1] - pad <= b[3] and b[1] - pad <= a[3]


def _centre_in(box: BBox, region: BBox, pad: float = 1.0) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region[0] - pad <= cx <= region[2] + pad and region[1] - pad <= cy <= region[3] + pad


# --------------------------------------------------------------------------
# Ruled tables with pdfplumber
# --------------------------------------------------------------------------


def _ruled_grids(path: Path, candidates: dict[int, list[BBox]], comp: _Compiled) -> list[_Grid]:
    import pdfplumber

    rules = comp.rules.pdfplumber
    settings = {
        "vertical_strategy": rules.vertical_strategy,
        "horizontal_strategy": rules.horizontal_strategy,
        "snap_tolerance": rules.snap_tolerance,
        "join_tolerance": rules.join_tolerance,
        "edge_min_length": rules.edge_min_length,
        "intersection_tolerance": rules.intersection_tolerance,
    }
    grids: list[_Grid] = []
    try:
        pdf = pdfplumber.open(path, pages=sorted(candidates))
    except Exception as exc:  # pdfminer raises many kinds for damaged files
        raise BrokenPDF(f"{path.name}: pdfplumber cannot read it to extract tables ({exc})") from None
    with pdf:
        for page in pdf.pages:
            try:
                chars = _LazyChars(page)
                view = _without_shading(page)
                for found in view.find_tables(settings):
                    grid = _grid_from_plumber(page, found, comp, chars)
                    if grid is not None:
                        grids.append(grid)
            finally:
                page.close()
    return grids


class _LazyChars:
    """A pdfplumber page's objects, its characters made into dicts only where a table is.

    pdfplumber turns every object of a page into a dict as it parses it,
    the characters (most of a page) included; the table finder needs only
    the drawings, and a table only the characters inside it.  So the page's
    objects are set here without characters, and :meth:`inside` converts
    those of one table's box with pdfplumber's own ``process_object``: the
    dicts, and their order, are what ``page.chars`` would hold.
    """

    def __init__(self, page) -> None:
        from pdfminer.layout import LTChar

        self.page = page
        objects: dict[str, list] = {}
        self.raw: list = []
        for obj in self._items(page.layout._objs):
            if isinstance(obj, LTChar):
                self.raw.append(obj)
                continue
            item = page.process_object(obj)
            kind = item["object_type"]
            if kind != "anno":
                objects.setdefault(kind, []).append(item)
        page._objects = objects  # what page.objects parses, less "char"
        self._done: dict[int, dict] = {}

    def _items(self, objs):
        """pdfplumber's ``Page.iter_layout_objects``, yielding pdfminer's objects."""
        from pdfminer.layout import LTContainer

        laparams = self.page.pdf.laparams
        for obj in objs:
            if isinstance(obj, LTContainer):
                if laparams is not None:
                    yield obj
                yield from self._items(obj._objs)
            else:
                yield obj

    def inside(self, box: BBox, pad: float = 1.0) -> list[dict]:
        """The characters (pdfplumber dicts, in page order) whose box overlaps ``box`` widened by ``pad``."""
        page = self.page
        mb_x0, mb_top = page.mediabox[:2]
        height = page.height
        x0, top, x1, bottom = box[0] - pad - mb_x0, box[1] - pad - mb_top, box[2] + pad - mb_x0, box[3] + pad - mb_top
        out = []
        for n, ch in enumerate(self.raw):
            # pdfplumber: top = height - y1 + mb_top, bottom = height - y0 + mb_top
            if ch.x1 < x0 or ch.x0 > x1 or height - ch.y0 < top or height - ch.y1 > bottom:
                continue
            item = self._done.get(n)
            if item is None:
                item = self._done[n] = self._char(ch)
            out.append(item)
        return out

    def _char(self, ch) -> dict:
        """``page.process_object(ch)`` for a pdfminer ``LTChar``, without its per-value calls.

        Plain values (numbers, strings, tuples of them) are what pdfplumber's
        ``resolve_all`` returns them as; anything else goes through it, and
        anything unexpected through ``process_object`` itself.
        """
        page = self.page
        if page.pdf.unicode_norm is not None or isinstance(getattr(ch, "fontname", None), bytes):
            return page.process_object(ch)
        from pdfplumber.page import ALL_ATTRS
        from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

        attr = {}
        for k, v in ch.__dict__.items():
            if k in ALL_ATTRS:
                if type(v) in _PLAIN or (type(v) is tuple and all(type(x) in _PLAIN for x in v)):
                    attr[k] = v
                else:
                    attr[k] = resolve_all(v)
        attr["object_type"] = "char"
        attr["page_number"] = page.page_number
        for cs in ("ncs", "scs"):
            if hasattr(ch, cs):
                name = getattr(ch, cs).name
                key = (cs, name) if type(name) is str else None
                decoded = _DECODED.get(key) if key else None
                if decoded is None:
                    decoded = resolve_and_decode(name)
                    if key:
                        _DECODED[key] = decoded
                attr[cs] = decoded
        attr["text"] = ch.get_text()
        gs = ch.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        mb_x0, mb_top = page.mediabox[:2]
        if "y0" in attr:
            attr["top"] = (page.height - attr["y1"]) + mb_top
            attr["bottom"] = (page.height - attr["y0"]) + mb_top
            attr["doctop"] = page.initial_doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr


_PLAIN = frozenset((float, int, str, bool, type(None)))
_DECODED: dict = {}  # (colour space attribute, name) -> decoded name


def _without_shading(page):
    """The page less rectangles that shade text inside a cell of the same colour.

    Word draws the background of each paragraph in a shaded cell as a rect
    of its own; its edges would split the cell into rows and columns.
    """
    rects = [r for r in page.rects if r.get("fill")]
    if len(rects) < 2:
        return page
    rects.sort(key=lambda r: (r["x1"] - r["x0"]) * (r["bottom"] - r["top"]), reverse=True)
    drop = set()
    for i, inner in enumerate(rects):
        colour = inner.get("non_stroking_color")
        for outer in rects[:i]:
            if (
                outer.get("non_stroking_color") == colour
                and outer["x0"] - 0.5 <= inner["x0"] and inner["x1"] <= outer["x1"] + 0.5
                and outer["top"] - 0.5 <= inner["top"] and inner["bottom"] <= outer["bottom"] + 0.5
            ):
                drop.add(_key(inner))
                break
    if not drop:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "rect" or _key(obj) not in drop)


def _key(obj) -> tuple:
    return (round(obj["x0"], 2), round(obj["top"], 2), round(obj["x1"], 2), round(obj["bottom"], 2))


def _is_bold(fontname: str, comp: _Compiled) -> bool:
    name = fontname.lower()
    return any(marker in name for marker in comp.rules.bold_fonts)


def _grid_from_plumber(page, found, comp: _Compiled, chars: "_LazyChars") -> Optional[_Grid]:
    """Cells of one pdfplumber table; each char is put in its cell in one pass."""
    from pdfplumber.utils import extract_text

    rules = comp.rules.pdfplumber
    rows = list(found.rows)
    if not rows:
        return None
    n_cols = len(rows[0].cells)
    # column edges from the cells (a merged cell would widen its column)
    lefts = [min((row.cells[c][0] for row in rows if c < len(row.cells) and row.cells[c]), default=None) for c in range(n_cols)]
    if any(x is None for x in lefts):
        return None
    spans = [(x, nxt) for x, nxt in zip(lefts, lefts[1:] + [found.bbox[2]])]
    tops = [row.bbox[1] for row in rows]
    buckets: list[list[list[dict]]] = [[[] for _ in range(n_cols)] for _ in rows]
    x0, top, x1, bottom = found.bbox
    for ch in chars.inside(found.bbox):
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        r = bisect.bisect_right(tops, cy) - 1
        # a cell merged downwards sits in an earlier row
        while r >= 0:
            c = _cell_at(rows[r].cells, cx, cy)
            if c is not None:
                buckets[r][c].append(ch)
                break
            r -= 1
    cells, bold = [], []
    for row in buckets:
        lines = [
            extract_text(chars, x_tolerance=rules.text_x_tolerance, y_tolerance=rules.text_y_tolerance).split("\n")
            if chars else []
            for chars in row
        ]
        flags = [bool(chars) and all(_is_bold(ch.get("fontname", ""), comp) for ch in chars if ch["text"].strip()) for chars in row]
        for part in _unstack(lines, comp):
            cells.append([_cell_text("\n".join(cell)) for cell in part])
            bold.append(flags)
    grid = _Grid(page=page.page_number, bbox=tuple(found.bbox), cells=cells, bold=bold, spans=spans, strategy="lines")
    return grid if _prune_and_check(grid, comp) else None


def _unstack(row: list[list[str]], comp: _Compiled) -> list[list[list[str]]]:
    """One drawn row that holds several rows of figures (no rules between them).

    When every filled cell has the same number n >= 2 of lines and some
    column holds a figure on each line, the row is n rows; wrapped text
    never gives figures on every line.
    """
    counts = {len(cell) for cell in row if cell}
    if len(counts) != 1:
        return [row]
    n = counts.pop()
    if n < 2 or not any(cell and all(_is_number(line.strip(), comp) for line in cell) for cell in row):
        return [row]
    return [[[cell[k]] if cell else [] for cell in row] for k in range(n)]


def _cell_at(cells, x: float, y: float) -> Optional[int]:
    for c, box in enumerate(cells):
        if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
            return c
    return None


def _cell_text(text: Optional[str]) -> str:
    """A cell's lines joined into one string, hyphenation undone."""
    if not text:
        return ""
    out = ""
    for line in text.split("\n"):
        out = join_lines(out, normalize(line))
    return normalize(out)


def _prune_and_check(grid: _Grid, comp: _Compiled) -> bool:
    """Drop empty rows and columns; say whether what is left is a table."""
    keep_cols = [c for c in range(grid.n_cols) if any(row[c] for row in grid.cells if c < len(row))]
    keep_rows = [r for r, row in enumerate(grid.cells) if any(row)]
    grid.cells = [[grid.cells[r][c] for c in keep_cols] for r in keep_rows]
    grid.bold = [[grid.bold[r][c] for c in keep_cols] for r in keep_rows]
    grid.spans = [grid.spans[c] for c in keep_cols]
    rules = comp.rules
    if grid.n_cols < rules.min_cols or len(grid.cells) < rules.min_rows:
        return False
    multi = sum(1 for row in grid.cells if sum(1 for cell in row if cell) >= 2)
    if multi < 2:
        return False
    return _filled(grid.cells) >= rules.min_filled


def _filled(rows: list[list[str]]) -> float:
    total = sum(len(row) for row in rows)
    return sum(1 for row in rows for cell in row if cell) / total if total else 0.0


# --------------------------------------------------------------------------
# Borderless tables from the lines of a page
# --------------------------------------------------------------------------


@dataclass
class _Band:
    """Lines that share a baseline, left to right."""

    lines: list[Line]
    top: float
    bottom: float

    def add(self, line: Line) -> None:
        self.lines.append(line)
        self.top, self.bottom = min(self.top, line.top), max(self.bottom, line.bottom)


def _bands(lines: list[Line]) -> list[_Band]:
    bands: list[_Band] = []
    for line in sorted(lines, key=lambda l: (l.top, l.x0)):
        if bands:
            last = bands[-1]
            height = min(line.bottom - line.top, last.bottom - last.top) or 1.0
            centre, last_centre = (line.top + line.bottom) / 2, (last.top + last.bottom) / 2
            previous = last.lines[-1]
            if abs(centre - last_centre) < 0.5 * height and not (previous.x0 < line.x1 and line.x0 < previous.x1):
                last.add(line)
                continue
        bands.append(_Band([line], line.top, line.bottom))
    for band in bands:
        band.lines.sort(key=lambda l: l.x0)
    return bands


def _split_band(band: _Band, gaps: list[tuple[float, float]]) -> _Band:
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
    return _Band(out, band.top, band.bottom) if changed else band


def _narrow(gaps: list[tuple[float, float]], band: _Band, min_gap: float) -> Optional[list[tuple[float, float]]]:
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


def _text_grids(page: PageLayout, taken: list[BBox], comp: _Compiled) -> list[_Grid]:
    rules = comp.rules.text
    lines = [l for l in page.lines if l.text.strip() and not any(_centre_in(l.bbox, box, 2.0) for box in taken)]
    bands = _bands(lines)
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
            band = _split_band(band, gaps)
            narrowed = _narrow(gaps, band, rules.min_gap)
            if narrowed is None:
                break
            gaps = narrowed
            block.append(band)
            j += 1
        grid = _grid_from_bands(page.number, block, gaps, comp) if len(block) >= rules.min_rows else None
        if grid is not None:
            grids.append(grid)
            i = j
        else:
            i += 1
    return grids


def _grid_from_bands(number: int, block: list[_Band], gaps, comp: _Compiled) -> Optional[_Grid]:
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
    grid = _Grid(page=number, bbox=bbox, cells=cells, bold=bold, spans=spans, strategy="text")
    if not _prune_and_check(grid, comp) or len(grid.cells) < rules.min_rows:
        return None
    multi = sum(1 for row in grid.cells if sum(1 for cell in row if cell) >= 2)
    headed = _is_header_row(grid.cells[0], grid.bold[0], comp, bold_ok=not all(any(b) for b in grid.bold))
    if headed:
        if multi < rules.min_multi_rows:
            return None
    elif (
        grid.n_cols < rules.min_cols_plain
        or multi < rules.min_multi_rows_plain
        or multi < rules.plain_multi_share * len(grid.cells)
        or _numeric_columns(grid.cells, comp) >= {0}
    ):
        return None  # without a header: no labels in the first column, or too few columns
    if _looks_like_prose(grid, rules) or _looks_like_labels(grid) or _looks_like_list(grid) or _garbled(grid, rules):
        return None
    return grid


def _join_cell(lines: list[Line]) -> str:
    return _joined(tuple(line.text for line in sorted(lines, key=lambda l: (l.top, l.x0))))


@functools.lru_cache(maxsize=8192)
def _joined(texts: tuple[str, ...]) -> str:
    """The lines of a cell joined (cached: a page's bands are tried as rows of many blocks)."""
    out = ""
    for text in texts:
        out = join_lines(out, normalize(text))
    return normalize(out)


def _looks_like_prose(grid: _Grid, rules: TextRules) -> bool:
    """Two or more columns of long lines: a page set in columns, not a table."""
    long_cols = 0
    for c in range(grid.n_cols):
        lengths = [len(row[c]) for row in grid.cells if row[c]]
        if lengths and statistics.median(lengths) > rules.prose_chars:
            long_cols += 1
    return long_cols >= 2


_LEADER = re.compile(r"\.{4,}|(?:\. ){4,}|…{2,}")
_MARKER = re.compile(r"^(?:[•●○◦▪■□–—\-*>]|\(?\d{1,2}[.)]|[a-zA-Z][.)])$")


def _looks_like_list(grid: _Grid) -> bool:
    """A bulleted list (bullets alone in the first column) or a table of contents."""
    first = [row[0] for row in grid.cells if row[0]]
    if first and all(_MARKER.match(cell) for cell in first):
        return True
    leaders = sum(1 for row in grid.cells if any(_LEADER.search(cell) for cell in row))
    return leaders >= max(1, len(grid.cells) // 2)


_NUMBER = re.compile(r"^[-–+]?[\d\s.,:%]+$")


def _looks_like_labels(grid: _Grid) -> bool:
    """Only figures, no words: the axis labels or data labels of a chart."""
    return all(_NUMBER.match(cell) for row in grid.cells for cell in row if cell)


def _garbled(grid: _Grid, rules: TextRules) -> bool:
    """Mostly one-letter pieces: rotated or spaced-out text, not cells."""
    tokens = [t for row in grid.cells for cell in row for t in cell.split()]
    short = sum(1 for t in tokens if len(t) == 1 and t.isalpha())
    return not tokens or short > rules.max_short_tokens * len(tokens)


# --------------------------------------------------------------------------
# Header rows
# --------------------------------------------------------------------------


def _is_header_word(cell: str, comp: _Compiled) -> bool:
    text = fold(cell).rstrip(":*")
    if not text:
        return False
    if text in comp.words or comp.year.match(text):
        return True
    first = text.split(" ")[0]
    return first in comp.words or any(text.startswith(word + " ") for word in comp.words if " " in word)


def _is_number(cell: str, comp: _Compiled) -> bool:
    """A plain figure ("120", "5,2 %", "-3 400"), not a year."""
    return bool(_NUMBER.match(cell)) and not comp.year.match(cell.strip())


def _numeric_columns(rows: list[list[str]], comp: _Compiled) -> set[int]:
    """Columns whose filled body cells are mostly figures."""
    out = set()
    for c in range(len(rows[0]) if rows else 0):
        filled = [row[c] for row in rows if row[c]]
        if filled and sum(1 for cell in filled if _is_number(cell, comp)) >= 0.6 * len(filled):
            out.add(c)
    return out


def _is_header_row(
    cells: list[str], bold: list[bool], comp: _Compiled, *, bold_ok: bool, numeric: frozenset = frozenset()
) -> bool:
    """Bold cells, column words or years, or words over columns of figures."""
    filled = [c for c, cell in enumerate(cells) if cell]
    if not filled or any(_is_number(cells[c], comp) for c in filled):
        return False
    if bold_ok and len(filled) >= 2 and all(bold[c] for c in filled):
        return True
    words = sum(1 for c in filled if _is_header_word(cells[c], comp))
    if words >= 1 and words >= comp.rules.header_share * len(filled) and (len(filled) >= 2 or len(cells) == 1):
        return True
    # text over columns that hold figures below it
    return len(filled) >= 2 and sum(1 for c in filled if c in numeric) >= max(1, len(numeric) // 2)


def _split_header(grid: _Grid, comp: _Compiled) -> None:
    """Find the title row and header rows at the top of ``grid``; merge the header."""
    rules = comp.rules
    rows, bold = grid.cells, grid.bold
    # bold marks a header only when the body is not bold too
    bold_ok = not all(all(b for b, cell in zip(brow, row) if cell) for brow, row in zip(bold[1:], rows[1:]))
    numeric = frozenset(_numeric_columns(rows[1:], comp))

    def header(r: int) -> bool:
        return _is_header_row(rows[r], bold[r], comp, bold_ok=bold_ok, numeric=numeric)

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
    grid.header = [normalize(" ".join(row[c] for row in header_rows if row[c])) for c in range(grid.n_cols)]
    grid.n_header = start + count
    if count:
        _shift_lone_headers(grid)


def _shift_lone_headers(grid: _Grid) -> None:
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


# --------------------------------------------------------------------------
# Joining across pages
# --------------------------------------------------------------------------


def _short(line: Line, comp: _Compiled) -> bool:
    return len(line.text.strip()) <= comp.rules.join.footer_chars


def _ends_page(grid: _Grid, layout: Optional[PageLayout], comp: _Compiled) -> bool:
    if layout is None:
        return False
    if grid.bbox[3] < (1 - comp.rules.join.edge_zone) * layout.height:
        return False
    return not any(l.top >= grid.bbox[3] - 1 and not _short(l, comp) for l in layout.lines)


def _starts_page(grid: _Grid, layout: Optional[PageLayout], comp: _Compiled) -> bool:
    if layout is None:
        return False
    if grid.bbox[1] > comp.rules.join.edge_zone * layout.height:
        return False
    return not any(l.bottom <= grid.bbox[1] + 1 and not _short(l, comp) for l in layout.lines)


def _column_map(a: _Grid, b: _Grid, comp: _Compiled) -> Optional[list[int]]:
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


def _join(grids: list[_Grid], layouts: dict[int, PageLayout], comp: _Compiled) -> list[Table]:
    tables: list[Table] = []
    last: Optional[_Grid] = None  # the last page's part of tables[-1]
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
        table.quality["filled"] = round(_filled(table.rows), 3)
        table.quality["rows"] = len(table.rows)
    return tables
