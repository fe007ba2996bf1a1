"""One file, start to end: PDF -> layout -> structure -> items.

:func:`process_file` never raises for a bad document: it returns a
:class:`~planextract.models.DocumentResult` whose ``status`` and ``error``
say what went wrong, so that one broken PDF never stops a batch.
"""

from __future__ import annotations

import logging
import time
import traceback
from pathlib import Path

from .errors import DocumentError, NoTextLayer
from .models import DocumentResult, ParsedDocument


def parse_pdf(path: str | Path, *, ocr: str = "auto") -> ParsedDocument:
    """Read a PDF into sections, blocks and tables, with its metadata.

    Raises a :class:`~planextract.errors.DocumentError` naming the reason
    when the file cannot be read.
    """
    from .layout import read_layout
    from .metadata import detect_metadata
    from .structure import build_structure
    from .tables import find_tables

    path = Path(path)
    pages = read_layout(path, ocr=ocr)
    if not any(page.has_text for page in pages):
        from . import ocr as ocr_module

        if ocr == "never":
            advice = "OCR is needed: run with --ocr auto"
        elif not ocr_module.available():
            advice = f"OCR is needed but cannot run: {ocr_module.missing_message()}"
        else:
            advice = "OCR found no text either"
        raise NoTextLayer(
            f"{path.name}: no text layer on any of its {len(pages)} pages (a scanned PDF); {advice}"
        )
    tables = find_tables(path, pages)
    parsed = build_structure(pages, tables)
    parsed.meta = detect_metadata(pages, path.name)
    return parsed


def warm_up(*, extract: bool = True) -> None:
    """Import the pipeline and load what it loads lazily (rules, word lists).

    Worker processes call this before they take their first document, so
    that a document's time limit measures the document, not the start-up.
    It also quiets pdfminer, which logs a warning for every damaged object
    it skips: a worker's stderr is the user's terminal, where those lines
    would break up the progress bar, and the document's fate is reported
    in the summary anyway.
    """
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from . import layout, metadata, structure, tables  # noqa: F401

    if extract:
        from . import extract as extract_module  # noqa: F401
        from .lexicon import is_infinitive, kolada_ids
        from .targets import parse_target

        parse_target("Andelen ska öka från 60 % (2022) till minst 70 % till 2025")
        kolada_ids("N31848")
        is_infinitive("hitta")


def process_file(
    path: str | Path,
    *,
    sha256: str,
    ocr: str = "auto",
    extract: bool = True,
) -> DocumentResult:
    """Parse and extract one file; every failure becomes a result, not an exception."""
    started = time.monotonic()
    path = Path(path)
    result = DocumentResult(path=str(path), sha256=sha256, status="ok")
    try:
        result.parsed = parse_pdf(path, ocr=ocr)
        if extract:
            from .extract import extract_items

            result.extraction = extract_items(result.parsed)
    except NoTextLayer as exc:
        result.status, result.error = "no_text", str(exc)
    except DocumentError as exc:
        result.status, result.error = "failed", str(exc)
    except FileNotFoundError:
        result.status = "failed"
        result.error = f"{path.name}: file not found (was it moved or deleted during the batch?)"
    except PermissionError:
        result.status, result.error = "failed", f"{path.name}: permission denied"
    except MemoryError:
        result.status, result.error = "failed", f"{path.name}: out of memory while reading it"
    except RecursionError:
        result.status = "failed"
        result.error = f"{path.name}: damaged PDF (objects nested too deeply)"
    except Exception as exc:  # a parser bug must not stop the batch
        last = traceback.extract_tb(exc.__traceback__)[-1]
        result.status = "failed"
        result.error = (
            f"{path.name}: unexpected error {type(exc).__name__}: {exc} "
            f"(at {Path(last.filename).name}:{last.lineno})"
        )
    if result.status != "ok":
        result.parsed = result.extraction = None
    result.seconds = time.monotonic() - started
    return result
