"""OCR of pages without a text layer, with the ``tesseract`` command.

A page is rendered by pdfium at 300 dpi in grey (written as a PGM file, so
no imaging library is needed), Tesseract reads it with Swedish data
(``-l swe``) and writes TSV: one row per word with its box and its block,
paragraph and line.  Words become :class:`~planextract.models.Line` objects
like the text layer's: one per printed line, split at wide gaps, boxes in
PDF points with a top-left origin, the font size estimated from the height
of the line.

:func:`available` tells whether Tesseract with Swedish data can be run.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import shutil
import subprocess
import tempfile
from collections import defaultdict
from pathlib import Path

from .errors import DocumentError
from .models import Line, PageLayout
from .textnorm import normalize

DPI = 300
LANGUAGE = "swe"
TIMEOUT = 300  # seconds for one page
# The height of a word's box as a share of the font size, by the letters it
# holds: with ascenders (capitals, digits, b d f h k l t, å ä ö) and
# descenders (g j p q y), with only one of them, or with x-height letters
# only.  Measured on rendered text pages of real plans.
_DESCENDERS = set("gjpqyQ,;()[]{}|")
_ASCENDERS = set("bdfhklitåäöÅÄÖ!?/()[]{}|%&#@")
HEIGHT_PER_EM = {(True, True): 0.93, (True, False): 0.74, (False, True): 0.72, (False, False): 0.52}
SPLIT_GAP = 1.8  # a gap wider than this many line heights splits a line (columns, cells)
MIN_CONFIDENCE = 10.0  # words Tesseract is less sure of are noise (specks, rules)


@functools.lru_cache(maxsize=1)
def _tesseract() -> str | None:
    """The path of a tesseract with Swedish data, or ``None``."""
    command = shutil.which(os.environ.get("PLANEXTRACT_TESSERACT", "tesseract"))
    if not command:
        return None
    try:
        listed = subprocess.run(
            [command, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    languages = {word.strip() for word in (listed.stdout + listed.stderr).splitlines()}
    return command if LANGUAGE in languages else None


def available() -> bool:
    """True when the ``tesseract`` command with Swedish data (``swe``) can be run."""
    return _tesseract() is not None


def missing_message() -> str:
    """What to do when OCR is needed and Tesseract is missing."""
    return (
        "OCR needs Tesseract with Swedish data: install tesseract-ocr and "
        "tesseract-ocr-swe (apt) or set PLANEXTRACT_TESSERACT to the tesseract command"
    )


def render_page(page, path: Path, dpi: int = DPI) -> tuple[int, int]:
    """Render an open pdfium page to a greyscale PGM file; return its pixel size."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)
    try:
        width, height, stride = bitmap.width, bitmap.height, bitmap.stride
        buffer = memoryview(bitmap.buffer).cast("B")
        with open(path, "wb") as handle:
            handle.write(b"P5\n%d %d\n255\n" % (width, height))
            if stride == width:
                handle.write(buffer[: width * height])
            else:
                for row in range(height):
                    handle.write(buffer[row * stride : row * stride + width])
    finally:
        bitmap.close()
    return width, height


def run_tesseract(image: Path, *, language: str = LANGUAGE, timeout: float = TIMEOUT) -> str:
    """Tesseract's TSV for an image file."""
    command = _tesseract()
    if command is None:
        raise DocumentError(missing_message())
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core per worker process
    done = subprocess.run(
        [command, str(image), "stdout", "-l", language, "--dpi", str(DPI), "--psm", "3", "tsv"],
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DocumentError(f"tesseract failed: {error[-1] if error else done.returncode}")
    return done.stdout.decode("utf-8", "replace")


def tsv_lines(tsv: str, number: int, scale: float) -> list[Line]:
    """Lines from Tesseract TSV; ``scale`` turns pixels into points."""
    words: dict[tuple, list[tuple]] = defaultdict(list)
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        try:
            confidence = float(row["conf"])
        except (KeyError, ValueError):
            continue
        if not text or confidence < MIN_CONFIDENCE:
            continue
        key = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
        left, top = int(row["left"]), int(row["top"])
        width, height = int(row["width"]), int(row["height"])
        words[key].append((left, top, left + width, top + height, text))
    lines: list[Line] = []
    for key in sorted(words):
        row = sorted(words[key])
        heights = sorted(w[3] - w[1] for w in row)
        line_height = heights[len(heights) // 2] or 1
        ems = sorted((w[3] - w[1]) / _height_per_em(w[4]) for w in row)
        size = round(ems[len(ems) // 2] * scale, 1)
        segments = [[row[0]]]
        for word in row[1:]:
            if word[0] - segments[-1][-1][2] > SPLIT_GAP * line_height:
                segments.append([word])
            else:
                segments[-1].append(word)
        for segment in segments:
            text = normalize(" ".join(w[4] for w in segment))
            if not text:
                continue
            bbox = (
                round(min(w[0] for w in segment) * scale, 2),
                round(min(w[1] for w in segment) * scale, 2),
                round(max(w[2] for w in segment) * scale, 2),
                round(max(w[3] for w in segment) * scale, 2),
            )
            lines.append(Line(text, number, bbox, size))
    return lines


def _height_per_em(word: str) -> float:
    """How tall the box of ``word`` is, in ems, from the shapes of its letters."""
    ascends = any(c.isupper() or c.isdigit() or c in _ASCENDERS for c in word)
    descends = any(c in _DESCENDERS for c in word)
    return HEIGHT_PER_EM[(ascends, descends)]


def ocr_page(page, number: int, *, dpi: int = DPI, language: str = LANGUAGE) -> PageLayout:
    """Recognise the text of an open pdfium page; ``source`` is ``"ocr"``."""
    width, height = page.get_size()
    with tempfile.TemporaryDirectory(prefix="planextract-ocr-") as folder:
        image = Path(folder) / f"page-{number}.pgm"
        render_page(page, image, dpi)
        try:
            tsv = run_tesseract(image, language=language)
        except subprocess.TimeoutExpired:
            raise DocumentError(f"OCR of page {number} took longer than {TIMEOUT} s") from None
        except DocumentError as exc:
            raise DocumentError(f"OCR of page {number} failed: {exc}") from None
    lines = tsv_lines(tsv, number, 72 / dpi)
    return PageLayout(
        number=number, width=round(width, 2), height=round(height, 2), lines=lines, source="ocr"
    )
