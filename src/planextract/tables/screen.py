"""Screening pages with pypdfium2: which regions' drawings form a grid with text inside.

Cheap (page objects only); a page not in the result is never opened with
pdfplumber.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Optional, Sequence

from ..models import BBox, Line, PageLayout, union_bbox
from ..pdfdoc import load_page, open_pdf
from .grid import ScreenRules, baseline_bands, centre_in, compiled_rules


def screen_pages(
    path: str | Path, pages: Sequence[PageLayout], *, rules_folder: Optional[str] = None
) -> dict[int, list[BBox]]:
    """Page number -> regions whose drawings form a grid with text inside.

    Cheap (pypdfium2 page objects only); a page not in the result is never
    opened with pdfplumber.
    """
    comp = compiled_rules(rules_folder)
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
        inside = [line for line in layout.lines if centre_in(line.bbox, box)]
        if len(inside) < rules.min_lines_inside:
            continue
        walls = [x * rules.bin for x in _distinct(xs)][1:-1]
        if _rows_across(inside, walls) >= rules.min_rows_across or len(_columns_used(inside, walls)) >= rules.min_columns_used:
            regions.append(box)
    return regions


def _columns_used(lines: list[Line], walls: list[float]) -> set[int]:
    """The columns between the inner vertical ``walls`` that hold a line of text wholly."""
    used = set()
    for line in lines:
        left = sum(1 for x in walls if line.x0 >= x - 2)
        right = sum(1 for x in walls if line.x1 > x + 2)
        if left == right:
            used.add(left)
    return used


def _rows_across(lines: list[Line], walls: list[float]) -> int:
    """Rows of text with pieces on both sides of one of the inner vertical ``walls``."""
    count = 0
    for band in baseline_bands(lines):
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
