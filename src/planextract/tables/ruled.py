"""Ruled tables: the screened regions read with pdfplumber's ``lines`` strategy."""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Optional

from ..errors import BrokenPDF
from ..models import BBox
from ..textnorm import is_symbol_font, join_lines, normalize, symbol_font_chars
from .grid import Compiled, Grid, prune_and_check
from .header import is_number


def ruled_grids(path: Path, candidates: dict[int, list[BBox]], comp: Compiled) -> list[Grid]:
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
    grids: list[Grid] = []
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
        text = ch.get_text()
        if is_symbol_font(ch.fontname):
            text = symbol_font_chars().get(text, text)  # "‡" drawn by Symbol is "≥"
        attr["text"] = text
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


def _is_bold(fontname: str, comp: Compiled) -> bool:
    name = fontname.lower()
    return any(marker in name for marker in comp.rules.bold_fonts)


def _grid_from_plumber(page, found, comp: Compiled, chars: "_LazyChars") -> Optional[Grid]:
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
        parts = _unstack(lines, comp)
        if len(parts) == 1 and _figures_column(lines[1:], comp):
            parts = _aligned(row, comp) or parts
        for part in parts:
            cells.append([_cell_text("\n".join(cell)) for cell in part])
            bold.append(flags)
    grid = Grid(page=page.page_number, bbox=tuple(found.bbox), cells=cells, bold=bold, spans=spans, strategy="lines")
    return grid if prune_and_check(grid, comp, ruled=True) else None


def _unstack(row: list[list[str]], comp: Compiled) -> list[list[list[str]]]:
    """One drawn row that holds several rows of figures (no rules between them).

    When every filled cell has the same number n >= 2 of lines and some
    column holds a figure on each line, the row is n rows; wrapped text
    never gives figures on every line.
    """
    counts = {len(cell) for cell in row if cell}
    if len(counts) != 1:
        return [row]
    n = counts.pop()
    if n < 2 or not any(cell and all(is_number(line.strip(), comp) for line in cell) for cell in row):
        return [row]
    return [[[cell[k]] if cell else [] for cell in row] for k in range(n)]


def _figures_column(cells: list[list[str]], comp: Compiled) -> bool:
    """Some cell holds two lines or more, each a figure, none running on
    ("2.1, / 3.2" is one list of codes)."""
    return any(len(lines) >= 2 and all(is_number(text.strip(), comp) and not text.strip().endswith((",", ";", "och"))
                                       for text in lines)
               for lines in cells)


def _line_tops(chars: list[dict], comp: Compiled) -> list[tuple[float, str]]:
    """(top, text) of each line of a cell's chars."""
    from pdfplumber.utils import extract_text

    rules = comp.rules.pdfplumber
    lines: list[list[dict]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(ch["top"] - lines[-1][0]["top"]) <= rules.text_y_tolerance:
            lines[-1].append(ch)
        else:
            lines.append([ch])
    out = []
    for line in lines:
        text = extract_text(line, x_tolerance=rules.text_x_tolerance, y_tolerance=rules.text_y_tolerance).strip()
        if text:
            out.append((min(ch["top"] for ch in line), text))
    return out


def _aligned(row: list[list[dict]], comp: Compiled) -> Optional[list[list[list[str]]]]:
    """One drawn row holding several rows side by side, told by a column of
    figures: each figure's line opens a row, and the lines of the other cells
    (but the first) go to the row whose opening line they are level with or
    below, so a wrapped name stays whole ("Andel invånare som är nöjda med /
    kulturutbudet, %" beside "Öka" and "62").  The first cell spans the rows
    (a goal over its indicators).  None when no column of figures parts the row."""
    if len(row) < 3:
        return None
    cells = [_line_tops(chars, comp) if chars else [] for chars in row]
    figures = next((lines for lines in cells[1:] if _figures_column([[text for _, text in lines]], comp)), None)
    if figures is None:
        return None
    starts = [top for top, _ in figures]
    slack = comp.rules.pdfplumber.text_y_tolerance
    out: list[list[list[str]]] = [[[] for _ in row] for _ in starts]
    out[0][0] = [text for _, text in cells[0]]
    for c, lines in enumerate(cells[1:], start=1):
        for top, text in lines:
            k = max((i for i, start in enumerate(starts) if start <= top + slack), default=None)
            if k is None:
                return None  # a line above the first figure: not rows side by side
            out[k][c].append(text)
    if any(sum(1 for cell in part[1:] if cell) < 2 for part in out):
        return None
    return out


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
