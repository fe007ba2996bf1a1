"""Opening PDFs: every kind of bad input raises its named error naming the file."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pikepdf
import pytest
from reportlab.pdfgen import canvas

from planextract.errors import BrokenPDF, EncryptedPDF, NotAPDF
from planextract.layout import read_layout
from planextract.pdfdoc import open_pdf, page_count


CORPUS_REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus-real"


def real_pdf(name: str) -> Path:
    path = CORPUS_REAL / name
    if not path.is_file():
        pytest.skip(f"real PDF not available: {name}")
    return path


def small_pdf(pages: int = 3) -> bytes:
    """A small PDF with a classic cross-reference table."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number in range(1, pages + 1):
        page.drawString(72, 700, f"Sida {number}: mål och indikatorer")
        page.showPage()
    page.save()
    return buffer.getvalue()


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_good_pdf_opens_and_closes(tmp_path):
    path = write(tmp_path, "bra.pdf", small_pdf(3))
    with open_pdf(path) as document:
        assert len(document) == 3
    assert page_count(path) == 3


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("tom.pdf", b"", "empty"),
        ("slump.pdf", bytes(range(256)) * 8, "no PDF header"),
        ("sida.pdf", b"<!DOCTYPE html>\n<html><body>Sidan finns inte</body></html>", "HTML"),
        ("bild.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "PNG image"),
        ("foto.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 200, "JPEG image"),
        ("dokument.pdf", b"PK\x03\x04" + b"\x00" * 200, "ZIP"),
    ],
)
def test_not_a_pdf(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    with pytest.raises(NotAPDF, match=re.escape(name)) as caught:
        with open_pdf(path):
            pass
    assert reason in str(caught.value)


def test_truncated_pdf(tmp_path):
    data = small_pdf(5)
    path = write(tmp_path, "avbruten.pdf", data[: len(data) // 2])
    with pytest.raises(BrokenPDF, match=r"avbruten\.pdf: .*truncated"):
        with open_pdf(path):
            pass


def test_truncated_real_pdf(tmp_path):
    source = real_pdf("alingsas-socialnamnden-manadsuppfoljning-2026-05.pdf")
    data = source.read_bytes()
    path = write(tmp_path, "halv.pdf", data[: int(len(data) * 0.6)])
    with pytest.raises(BrokenPDF, match=r"halv\.pdf: .*truncated"):
        read_layout(path, ocr="never")


def test_broken_xref_and_objects(tmp_path):
    data = small_pdf(3)
    xref = data.rfind(b"xref")
    table = re.sub(rb"\d{10} 00000 n", b"0000000001 00000 n", data[xref : data.rfind(b"trailer")])
    body = data[:xref].replace(b" obj", b" xbj").replace(b"endobj", b"endxbj")
    path = write(tmp_path, "trasig.pdf", body + table + data[data.rfind(b"trailer") :])
    with pytest.raises(BrokenPDF, match=r"trasig\.pdf: damaged PDF"):
        with open_pdf(path):
            pass


def test_broken_xref_that_pdfium_can_rebuild_is_read(tmp_path):
    """A wrong startxref offset is repaired by pdfium: the text is still there."""
    data = small_pdf(2)
    start = data.rfind(b"startxref")
    path = write(tmp_path, "lagad.pdf", data[:start] + b"startxref\n999999\n%%EOF\n")
    pages = read_layout(path, ocr="never")
    assert [page.lines[0].text for page in pages] == [
        "Sida 1: mål och indikatorer",
        "Sida 2: mål och indikatorer",
    ]


def test_zero_pages(tmp_path):
    path = tmp_path / "noll.pdf"
    pikepdf.new().save(path)
    with pytest.raises(BrokenPDF, match=r"noll\.pdf: .*has no pages"):
        with open_pdf(path):
            pass


def test_encrypted_with_a_user_password(tmp_path):
    source = write(tmp_path, "klar.pdf", small_pdf(2))
    path = tmp_path / "hemlig.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="hemligt", owner="ägare"))
    with pytest.raises(EncryptedPDF, match=r"hemlig\.pdf: encrypted PDF: a password is needed"):
        with open_pdf(path):
            pass


def test_encrypted_with_an_empty_user_password_opens(tmp_path):
    source = write(tmp_path, "klar.pdf", small_pdf(2))
    path = tmp_path / "skyddad.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="", owner="ägare", allow=pikepdf.Permissions(extract=False)))
    pages = read_layout(path, ocr="never")
    assert pages[1].lines[0].text == "Sida 2: mål och indikatorer"


def test_error_codes_of_earlier_failures_do_not_leak(tmp_path):
    """pdfium keeps the last error code; an empty page tree after a password failure is still BrokenPDF."""
    source = write(tmp_path, "klar.pdf", small_pdf(1))
    locked = tmp_path / "låst.pdf"
    with pikepdf.open(source) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user="x", owner="y"))
    empty = tmp_path / "tom-sidtrad.pdf"
    pikepdf.new().save(empty)
    for path, error in ((locked, EncryptedPDF), (empty, BrokenPDF), (locked, EncryptedPDF)):
        with pytest.raises(error, match=re.escape(path.name)):
            with open_pdf(path):
                pass


def test_a_folder_is_not_a_pdf(tmp_path):
    folder = tmp_path / "mapp.pdf"
    folder.mkdir()
    with pytest.raises(NotAPDF, match=r"mapp\.pdf: not a PDF"):
        with open_pdf(folder):
            pass


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        with open_pdf(tmp_path / "saknas.pdf"):
            pass


def test_real_pdfs_open(corpus_real):
    for path in sorted(corpus_real.glob("*.pdf")):
        with open_pdf(path) as document:
            assert len(document) >= 1, path.name
