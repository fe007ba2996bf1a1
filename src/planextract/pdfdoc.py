"""Opening a PDF with pypdfium2, with failures turned into named errors.

:func:`open_pdf` checks that the file is a PDF at all (empty files, HTML
pages and images saved as ``.pdf`` are common in scraped batches), opens it
with pdfium and maps pdfium's error codes to
:class:`~planextract.errors.NotAPDF`, :class:`~planextract.errors.EncryptedPDF`
and :class:`~planextract.errors.BrokenPDF`.  Each message names the file and
the reason.  The document is always closed when the ``with`` block ends.

pdfium repairs many damaged files by itself (it rebuilds a broken
cross-reference table from the objects it finds); such files open normally.
Only what pdfium cannot read is an error.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import BrokenPDF, EncryptedPDF, NotAPDF

# pdfium is not thread-safe: every use of it in this process goes through
# this lock (worker processes each have their own).
PDFIUM_LOCK = threading.RLock()

# Signatures of formats that turn up named .pdf, and what to call them.
_SIGNATURES = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive (perhaps a Word or Excel file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"%!PS", "a PostScript file"),
)
_HEAD_BYTES = 1024  # the PDF header may come after up to 1 KiB of junk
_TAIL_BYTES = 2048


def _describe_non_pdf(head: bytes) -> str:
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<html" in text[:512]:
        return "an HTML page (a web page saved under a .pdf name)"
    if text.startswith(b"<?xml") or text.startswith(b"<"):
        return "an XML or HTML document"
    if text.startswith((b"{", b"[")):
        return "a JSON document"
    return "no PDF header (%PDF-) in its first 1024 bytes"


def check_signature(path: Path) -> None:
    """Raise :class:`NotAPDF` unless the file starts like a PDF."""
    with open(path, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if not head:
        raise NotAPDF(f"{path.name}: not a PDF: the file is empty (0 bytes)")
    if b"%PDF-" not in head:
        raise NotAPDF(f"{path.name}: not a PDF: {_describe_non_pdf(head)}")


def _looks_truncated(path: Path) -> bool:
    """True when the file lacks the ``%%EOF`` marker near its end."""
    size = path.stat().st_size
    with open(path, "rb") as handle:
        handle.seek(max(0, size - _TAIL_BYTES))
        return b"%%EOF" not in handle.read()


def _diagnose(path: Path) -> str:
    """Why pdfium could not open ``path``: ``password``, ``security``, ``no_pages`` or ``damaged``.

    pdfium's error code is not reliable after a failure (it keeps the code
    of an earlier failure when it sets none), so pdfminer, which pdfplumber
    brings along, gives a second opinion on this rare path.
    """
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        with open(path, "rb") as handle:
            document = PDFDocument(PDFParser(handle), password="")
            for _ in PDFPage.create_pages(document):
                return "damaged"  # pdfminer finds a page pdfium could not read
            tree = resolve1(document.catalog.get("Pages"))
            if isinstance(tree, dict) and not resolve1(tree.get("Kids")):
                return "no_pages"  # an intact, empty page tree
            return "damaged"
    except PDFPasswordIncorrect:
        return "password"
    except PDFEncryptionError:
        return "security"
    except Exception:  # pdfminer cannot read it either
        return "damaged"


def _open_error(path: Path, exc: pdfium.PdfiumError) -> Exception:
    code = getattr(exc, "err_code", None)
    if code == pdfium_c.FPDF_ERR_FILE:
        return BrokenPDF(f"{path.name}: the file could not be opened or read")
    reason = _diagnose(path)
    if reason == "password":
        return EncryptedPDF(f"{path.name}: encrypted PDF: a password is needed to open it")
    if reason == "security":
        return EncryptedPDF(
            f"{path.name}: encrypted PDF with an unsupported security handler: "
            "decrypt it first (for example with qpdf --decrypt)"
        )
    if reason == "no_pages":
        return BrokenPDF(f"{path.name}: damaged PDF: the document has no pages")
    if _looks_truncated(path):
        return BrokenPDF(
            f"{path.name}: damaged PDF: the file is truncated (no end-of-file marker); "
            "download it again"
        )
    return BrokenPDF(
        f"{path.name}: damaged PDF: broken cross-reference table or objects that "
        "cannot be repaired"
    )


def open_document(path: str | Path) -> pdfium.PdfDocument:
    """Open ``path`` with pdfium, or raise a named error saying why not.

    The caller must close the document; prefer :func:`open_pdf`.
    """
    path = Path(path)
    if not path.is_file():
        if path.exists():
            raise NotAPDF(f"{path.name}: not a PDF: it is a folder, not a file")
        raise FileNotFoundError(f"{path}: file not found")
    check_signature(path)
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        raise _open_error(path, exc) from None
    try:
        pages = len(document)
    except Exception:  # a page tree pdfium cannot count
        document.close()
        raise BrokenPDF(f"{path.name}: damaged PDF: its page tree cannot be read") from None
    if pages == 0:
        document.close()
        raise BrokenPDF(f"{path.name}: damaged PDF: the document has no pages")
    return document


@contextmanager
def open_pdf(path: str | Path) -> Iterator[pdfium.PdfDocument]:
    """``with open_pdf(path) as doc:`` a validated pdfium document, always closed."""
    with PDFIUM_LOCK:
        document = open_document(path)
        try:
            yield document
        finally:
            document.close()


def load_page(document: pdfium.PdfDocument, index: int, path: str | Path) -> pdfium.PdfPage:
    """Page ``index`` (0-based) of ``document``, or :class:`BrokenPDF` naming it."""
    try:
        return document[index]
    except pdfium.PdfiumError:
        raise BrokenPDF(
            f"{Path(path).name}: damaged PDF: page {index + 1} cannot be loaded"
        ) from None


def page_count(path: str | Path) -> int:
    """Number of pages of a validated PDF."""
    with open_pdf(path) as document:
        return len(document)
