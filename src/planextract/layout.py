"""PDF pages to normalised text lines, fast.

:func:`read_layout` reads every character of a page with pdfium's text
page (one ctypes call for the text, two per character for box and text
object, font data once per text object), groups the characters into rows,
splits rows at wide gaps (columns, table cells) into :class:`Line` objects,
puts them in reading order (left column before right on two-column prose
pages), removes running headers, footers and page numbers, and marks
table-of-contents pages.  Each page is closed before the next one is read,
so memory does not grow with the page count.  Pages without a text layer
go to :mod:`planextract.ocr` when asked.

The work is shared by :mod:`~planextract.layout_glyphs` (pdfium),
:mod:`~planextract.layout_lines` (rows, cells, columns) and
:mod:`~planextract.layout_furniture` (headers, footers, page numbers,
tables of contents).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from . import ocr as ocr_module
from .errors import BrokenPDF, DocumentError
from .layout_furniture import is_toc_page, mark_toc, remove_running_lines
from .layout_glyphs import Glyph, read_glyphs
from .layout_lines import SETTINGS, LayoutSettings, build_lines, find_gutters, reading_order
from .models import PageLayout
from .pdfdoc import PDFIUM_LOCK, load_page, open_document

__all__ = [
    "OCR_MODES",
    "SETTINGS",
    "Glyph",
    "LayoutSettings",
    "build_lines",
    "find_gutters",
    "is_toc_page",
    "mark_toc",
    "read_glyphs",
    "read_layout",
    "read_page",
    "reading_order",
    "remove_running_lines",
]

OCR_MODES = ("auto", "always", "never")
REOPEN_EVERY = 50  # pages read before the document is closed and opened again
SCAN_TEXT_LIMIT = 40  # characters below which a page covered by an image is taken for a scan


def read_page(page, number: int, settings: LayoutSettings = SETTINGS) -> PageLayout:
    """The lines of one open pdfium page, in reading order (no header removal)."""
    width, height = page.get_size()
    lines = build_lines(read_glyphs(page), number, width, settings)
    return PageLayout(number=number, width=round(width, 2), height=round(height, 2), lines=lines)


def _needs_ocr(page, layout: PageLayout) -> bool:
    """True for a page without text, or with a few words over a page-sized image (a scan with a stamp)."""
    if not layout.has_text:
        return True
    if sum(len(line.text) for line in layout.lines) >= SCAN_TEXT_LIMIT:
        return False
    left, bottom, right, top = page.get_cropbox()
    area = max((right - left) * (top - bottom), 1.0)
    covered = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        x0, y0, x1, y1 = image.get_bounds()
        covered = max(covered, (min(x1, right) - max(x0, left)) * (min(y1, top) - max(y0, bottom)))
    return covered >= 0.5 * area


def read_layout(path: str | Path, *, ocr: str = "auto", settings: LayoutSettings = SETTINGS) -> list[PageLayout]:
    """Every page of a PDF as normalised lines in reading order.

    ``ocr``: ``"auto"`` recognises pages without a text layer when
    Tesseract is available (otherwise they stay empty), ``"always"`` every
    page, ``"never"`` none.  Raises a
    :class:`~planextract.errors.DocumentError` naming the file and the
    reason when the PDF cannot be read.
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr!r}")
    pages: list[PageLayout] = []
    can_ocr = ocr != "never" and ocr_module.available()
    with PDFIUM_LOCK:
        document = open_document(path)
        try:
            for index in range(len(document)):
                if index and index % REOPEN_EVERY == 0:
                    # pdfium keeps what it parsed (fonts, resources) for the life
                    # of a document: reopening keeps memory flat on long PDFs
                    document.close()
                    document = open_document(path)
                page = load_page(document, index, path)
                try:
                    try:
                        layout = read_page(page, index + 1, settings)
                    except pdfium.PdfiumError as exc:
                        raise BrokenPDF(
                            f"{Path(path).name}: damaged PDF: the text of page {index + 1} cannot be read ({exc})"
                        ) from None
                    if can_ocr and (ocr == "always" or _needs_ocr(page, layout)):
                        try:
                            layout = ocr_module.ocr_page(page, index + 1)
                        except DocumentError as exc:
                            raise DocumentError(f"{Path(path).name}: {exc}") from None
                finally:
                    page.close()
                pages.append(layout)
        finally:
            document.close()
    remove_running_lines(pages, settings)
    for page in pages:
        mark_toc(page, len(pages))
    return pages
