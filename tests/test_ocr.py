"""OCR of pages without a text layer (Tesseract), and what happens without it."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from rapidfuzz.distance import Levenshtein
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from planextract import ocr
from planextract.layout import read_layout, read_page
from planextract.textnorm import normalize

CORPUS_REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus-real"
SCAN = "tolkformedling-vast-internkontrollrapport-2025-scanned.pdf"

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="tesseract with Swedish data is not installed")


def real_pdf(name: str) -> Path:
    path = CORPUS_REAL / name
    if not path.is_file():
        pytest.skip(f"real PDF not available: {name}")
    return path


def page_text(lines) -> str:
    """The text of a page's lines top to bottom, left to right (order-neutral for comparing)."""
    ordered = sorted(lines, key=lambda line: (round(line.top / 4), line.x0))
    return normalize(" ".join(line.text for line in ordered))


@pytest.fixture
def no_tesseract(monkeypatch):
    monkeypatch.setenv("PLANEXTRACT_TESSERACT", "tesseract-that-is-not-installed")
    ocr._tesseract.cache_clear()
    yield
    ocr._tesseract.cache_clear()


TSV = "\n".join(
    [
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
        "4\t1\t1\t1\t1\t0\t300\t300\t900\t50\t-1\t",
        "5\t1\t1\t1\t1\t1\t300\t300\t180\t46\t96.1\tMålet",
        "5\t1\t1\t1\t1\t2\t500\t312\t60\t34\t95.0\tär",
        "5\t1\t1\t1\t1\t3\t580\t300\t220\t60\t93.2\tuppfyllt",
        "5\t1\t1\t1\t1\t4\t1500\t300\t150\t46\t91.0\t2025",
        "5\t1\t1\t1\t1\t5\t1700\t300\t20\t20\t3.0\t~",
        "5\t1\t2\t1\t1\t1\t300\t500\t200\t46\t90.0\tﬁnns",
    ]
)


def test_tsv_words_become_lines_split_at_wide_gaps():
    lines = ocr.tsv_lines(TSV, 3, 72 / 300)
    assert [line.text for line in lines] == ["Målet är uppfyllt", "2025", "finns"]
    first = lines[0]
    assert first.page == 3
    assert first.bbox == pytest.approx((72.0, 72.0, 192.0, 86.4), abs=0.01)
    # "Målet" 46 px tall with capitals and no descenders: 46 / 0.74 px = 14.9 pt
    assert first.font_size == pytest.approx(46 / 0.74 * 72 / 300, abs=0.2)


def test_available_is_false_without_tesseract(no_tesseract):
    assert ocr.available() is False
    assert "tesseract-ocr-swe" in ocr.missing_message()


def test_auto_mode_without_tesseract_leaves_scanned_pages_empty(no_tesseract):
    pages = read_layout(real_pdf(SCAN), ocr="auto")
    assert len(pages) == 2
    assert all(not page.has_text and page.source == "text" for page in pages)


@needs_tesseract
@pytest.mark.slow
@pytest.mark.real
def test_scanned_pdf_is_recognised():
    pages = read_layout(real_pdf(SCAN), ocr="auto")
    assert [page.source for page in pages] == ["ocr", "ocr"]
    text = " ".join(line.text for line in pages[0].lines)
    for phrase in ("Tolkförmedling Väst", "Internkontrollrapport", "inga brister påvisade"):
        assert phrase in text
    assert "1(1)" in {line.text for line in pages[0].removed}  # page number in the margin
    for page in pages:
        assert page.width == pytest.approx(595.2, abs=1) and page.height == pytest.approx(841.7, abs=1)
        for line in page.lines:
            x0, top, x1, bottom = line.bbox
            assert 0 <= x0 < x1 <= page.width and 0 <= top < bottom <= page.height
            assert 4 <= line.font_size <= 60


@needs_tesseract
@pytest.mark.slow
@pytest.mark.real
def test_ocr_matches_the_text_layer_of_a_real_page():
    """OCR of a rendered text page against its own text layer: character accuracy and sizes."""
    path = real_pdf("simrishamn-kommunstyrelsen-budgetanvisningar-2027-2031.pdf")
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[2]
        reference = read_page(page, 3)
        recognised = ocr.ocr_page(page, 3)
        page.close()
    finally:
        document.close()
    assert recognised.source == "ocr"
    truth, found = page_text(reference.lines), page_text(recognised.lines)
    accuracy = 1 - Levenshtein.distance(truth, found) / len(truth)
    assert accuracy >= 0.95, accuracy
    sizes = sorted(line.font_size for line in recognised.lines)
    assert sizes[len(sizes) // 2] == pytest.approx(12, rel=0.15)


@needs_tesseract
@pytest.mark.slow
def test_always_mode_recognises_a_text_page(tmp_path):
    path = tmp_path / "text.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 16)
    pdf.drawString(72, 700, "Andelen nöjda brukare ska öka till 2026")
    pdf.showPage()
    pdf.save()
    page = read_layout(path, ocr="always")[0]
    assert page.source == "ocr"
    assert [line.text for line in page.lines] == ["Andelen nöjda brukare ska öka till 2026"]
    assert page.lines[0].x0 == pytest.approx(72, abs=3)
    assert read_layout(path, ocr="never")[0].source == "text"


@needs_tesseract
@pytest.mark.slow
def test_scan_with_a_text_stamp_is_recognised(tmp_path):
    """A page-sized image with only a stamp in the text layer is read by OCR in auto mode."""
    from reportlab.lib.utils import ImageReader

    source = tmp_path / "original.pdf"
    pdf = canvas.Canvas(str(source), pagesize=A4)
    pdf.setFont("Helvetica", 16)
    pdf.drawString(72, 700, "Andelen nöjda brukare ska öka")
    pdf.showPage()
    pdf.save()
    document = pdfium.PdfDocument(str(source))
    image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    document.close()
    path = tmp_path / "stämplad.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    pdf.setFont("Helvetica", 8)
    pdf.drawString(40, 820, "Inkom 2025-01-02")
    pdf.showPage()
    pdf.save()
    assert [line.text for line in read_layout(path, ocr="never")[0].lines] == ["Inkom 2025-01-02"]
    page = read_layout(path, ocr="auto")[0]
    assert page.source == "ocr"
    assert "Andelen nöjda brukare ska öka" in [line.text for line in page.lines]
