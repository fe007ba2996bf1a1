"""The layout layer on PDFs made here with reportlab and on the real plans."""

from __future__ import annotations

from pathlib import Path

import pytest
import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from planextract.layout import read_layout
from planextract.textnorm import dehyphenate

CORPUS_REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus-real"
WIDTH, HEIGHT = A4

# Bitstream Vera ships with reportlab: a TrueType font with å ä ö and the
# fi/fl ligature glyphs, so soft hyphens and ligatures reach the PDF as such.
_FONTS = Path(reportlab.__file__).parent / "fonts"
pdfmetrics.registerFont(TTFont("Vera", str(_FONTS / "Vera.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Bold", str(_FONTS / "VeraBd.ttf")))
pdfmetrics.registerFont(TTFont("Vera-Italic", str(_FONTS / "VeraIt.ttf")))


def real_pdf(name: str) -> Path:
    path = CORPUS_REAL / name
    if not path.is_file():
        pytest.skip(f"real PDF not available: {name}")
    return path


def texts(page) -> list[str]:
    return [line.text for line in page.lines]


# --------------------------------------------------------------------------
# PDFs made for the tests
# --------------------------------------------------------------------------


@pytest.fixture
def plan_pdf(tmp_path) -> Path:
    """Four pages: a TOC, then prose with a running header, footer and page numbers."""
    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pages = 4
    for number in range(1, pages + 1):
        pdf.setFont("Vera", 9)
        pdf.drawString(72, HEIGHT - 40, "Verksamhetsplan 2025 – Exempelnämnden")
        pdf.drawRightString(WIDTH - 72, 30, f"Sida {number} av {pages}")
        pdf.drawString(72, 30, "Exempels kommun")
        if number == 1:
            pdf.setFont("Vera-Bold", 20)
            pdf.drawString(72, HEIGHT - 100, "Innehåll")
            pdf.setFont("Vera", 11)
            entries = [("1. Inledning", 2), ("2. Mål och indikatorer", 3), ("2.1 Nämndens mål", 3), ("3. Aktiviteter", 4)]
            for row, (entry, target) in enumerate(entries):
                y = HEIGHT - 140 - row * 18
                pdf.drawString(72, y, entry + " " + "." * 60)
                pdf.drawRightString(WIDTH - 72, y, str(target))
        else:
            pdf.setFont("Vera-Bold", 16)
            pdf.drawString(72, HEIGHT - 100, f"{number - 1}. Rubrik på sidan {number}")
            pdf.setFont("Vera", 11)
            body = [
                "Nämnden ska öka verksam\u00ad",
                "hetens kvalitet och \ufb01nansiering av \ufb02ygplatsen.",
                "Barn-",
                "och ungdomsnämnden följer upp målen 2025-2028.",
            ]
            for row, text in enumerate(body):
                pdf.drawString(72, HEIGHT - 130 - row * 14, text)
            pdf.setFont("Vera-Italic", 11)
            pdf.drawString(72, HEIGHT - 200, "Kursiv kommentar om målet.")
        pdf.showPage()
    pdf.save()
    return path


def test_lines_text_fonts_and_boxes(plan_pdf):
    pages = read_layout(plan_pdf, ocr="never")
    assert [page.number for page in pages] == [1, 2, 3, 4]
    page = pages[1]
    assert page.width == pytest.approx(WIDTH, abs=0.5) and page.height == pytest.approx(HEIGHT, abs=0.5)
    assert texts(page) == [
        "1. Rubrik på sidan 2",
        "Nämnden ska öka verksam-",
        "hetens kvalitet och finansiering av flygplatsen.",
        "Barn-",
        "och ungdomsnämnden följer upp målen 2025-2028.",
        "Kursiv kommentar om målet.",
    ]
    heading, first = page.lines[0], page.lines[1]
    assert heading.bold and heading.font_size == pytest.approx(16, abs=0.1)
    assert not first.bold and not first.italic and first.font_size == pytest.approx(11, abs=0.1)
    assert page.lines[-1].italic and not page.lines[-1].bold
    assert "Vera" in first.fontname
    assert all(line.page == 2 for line in page.lines)
    # top-left origin: the heading is above the body, x0 at the left margin
    assert heading.top < first.top < first.bottom
    assert heading.x0 == pytest.approx(72, abs=1)
    assert heading.top == pytest.approx(100 - 16, abs=6)
    assert dehyphenate(texts(page)[1:5]) == (
        "Nämnden ska öka verksamhetens kvalitet och finansiering av flygplatsen. "
        "Barn- och ungdomsnämnden följer upp målen 2025-2028."
    )


def test_running_header_footer_and_page_numbers_removed(plan_pdf):
    pages = read_layout(plan_pdf, ocr="never")
    for page in pages:
        removed = {line.text for line in page.removed}
        assert removed == {
            "Verksamhetsplan 2025 – Exempelnämnden",
            f"Sida {page.number} av 4",
            "Exempels kommun",
        }, page.number
        assert not removed & set(texts(page))


def test_toc_page_marked(plan_pdf):
    pages = read_layout(plan_pdf, ocr="never")
    assert [page.is_toc for page in pages] == [True, False, False, False]


_WORDS = "nämnden ska öka andelen nöjda brukare inom vård och omsorg under perioden med stöd av".split()
LEFT = [f"Rad {row + 1} " + " ".join(_WORDS[(row + k) % len(_WORDS)] for k in range(3 + row % 3)) for row in range(20)]
RIGHT = [f"Höger {row + 1} " + " ".join(_WORDS[(2 * row + k) % len(_WORDS)] for k in range(4 + row % 2)) for row in range(20)]


def two_column_page(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera-Bold", 16)
    pdf.drawString(72, HEIGHT - 80, "En rubrik över båda spalterna på sidan")
    pdf.setFont("Vera", 10)
    for row in range(20):
        y = HEIGHT - 120 - row * 13
        pdf.drawString(72, y, LEFT[row])
        pdf.drawString(312, y, RIGHT[row])
    pdf.setFont("Vera", 10)
    pdf.drawString(72, HEIGHT - 420, "En avslutande rad som går tvärs över båda spalterna och sidan.")
    pdf.showPage()
    pdf.save()
    return path


def test_two_columns_left_before_right(tmp_path):
    page = read_layout(two_column_page(tmp_path / "spalter.pdf"), ocr="never")[0]
    lines = texts(page)
    assert lines[0] == "En rubrik över båda spalterna på sidan"
    assert lines[1:41] == LEFT + RIGHT
    assert lines[41] == "En avslutande rad som går tvärs över båda spalterna och sidan."


def test_a_short_last_column_is_read_after_the_full_one(tmp_path):
    # the end of a paragraph at the top of the right column, white below it
    path = tmp_path / "kort-spalt.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 10)
    left = [f"Vänster {row + 1} " + "text om trygghet i hemtjänsten" for row in range(12)]
    right = ["Utveckla seniorverksamheten i föreningslivet genom", "riktade föreningsbidrag och ett nytt stöd till",
             "pensionärsföreningarna."]
    for row, text in enumerate(left):
        pdf.drawString(72, HEIGHT - 120 - row * 13, text)
    for row, text in enumerate(right):
        pdf.drawString(312, HEIGHT - 120 - row * 13, text)
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == left + right


def test_a_column_of_headings_and_lists_beside_prose_is_a_column(tmp_path):
    # left: short headings, items with hanging indents and short last lines;
    # right: wrapped prose.  Each side is read whole before the next.
    left = [(72, "Verksamhetsmål"), (76, "F1 Alla förskolor ska ha en plan för"),
            (86, "språk (nämndmål 2)"), (76, "F2 Barngrupperna för barn ska inte"),
            (86, "överstiga 12 barn"), (72, "Utvecklingsinsatser"), (76, "– Utbilda språkombud på varje förskola"),
            (86, "och fritidshem i kommunen (F1)"), (76, "– Se över gruppindelningen inför nästa"),
            (86, "inskolning av barnen (F2)"), (72, "Kulturskolan"), (76, "• Nå fler barn med kurser på skoltid")]
    right = [f"Höger {row + 1} " + " ".join(_WORDS[(2 * row + k) % len(_WORDS)] for k in range(5)) for row in range(12)]
    path = tmp_path / "listspalt.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 10)
    for row, (x, text) in enumerate(left):
        pdf.drawString(x, HEIGHT - 120 - row * 13, text)
    for row, text in enumerate(right):
        pdf.drawString(312, HEIGHT - 120 - row * 13, text)
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == [text for _, text in left] + right


def test_side_box_beside_body_text_is_read_after_it(tmp_path):
    path = tmp_path / "faktaruta.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 11)
    body = [f"Brödtext rad {row + 1} om cykelvägar och trafiksäkerhet" for row in range(10)]
    for row, text in enumerate(body):
        pdf.drawString(72, 700 - row * 13.2, text)
    pdf.setFont("Vera-Italic", 12)
    box = ["Barn som blir skjutsade", "till skolan blir tröttare", "under hela skoldagen", "(Aktiva skoltransporter)."]
    for row, text in enumerate(box):
        pdf.drawString(400, 694 - row * 13.8, text)
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == body + box


def test_table_cells_are_separate_lines_in_row_order(tmp_path):
    path = tmp_path / "tabell.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 10)
    rows = [("Mål", "Indikator", "Målvärde"), ("Ökad trygghet", "Andel trygga", "minst 70 %"), ("Färre olyckor", "Antal olyckor", "högst 12")]
    for row, cells in enumerate(rows):
        for x, cell in zip((72, 230, 420), cells):
            pdf.drawString(x, HEIGHT - 100 - row * 16, cell)
    pdf.showPage()
    pdf.save()
    lines = read_layout(path, ocr="never")[0].lines
    assert [line.text for line in lines] == [cell for cells in rows for cell in cells]
    assert [round(line.x0) for line in lines[:3]] == [72, 230, 420]


def test_stretched_justified_line_stays_whole_but_narrow_cells_split(tmp_path):
    path = tmp_path / "justerad.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    text = pdf.beginText(72, 700)
    text.setFont("Vera", 11)
    text.setWordSpace(8)  # spaces stretched to about one em, as in justified text
    text.textLine("inte finns sökande som har legitimation för tjänsten")
    text.setWordSpace(0)
    pdf.drawText(text)
    pdf.setFont("Vera", 11)
    # two-word cells 13 pt (1.2 em) apart
    pdf.drawString(72, 650, "Ej beslutat")
    pdf.drawString(72 + pdf.stringWidth("Ej beslutat", "Vera", 11) + 13, 650, "Åtgärden föreslogs i planen")
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == [
        "inte finns sökande som har legitimation för tjänsten",
        "Ej beslutat",
        "Åtgärden föreslogs i planen",
    ]


def test_bullet_and_section_number_stay_with_their_text(tmp_path):
    path = tmp_path / "lista.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 11)
    pdf.drawString(72, 700, "\u2022")
    pdf.drawString(90, 700, "Öka andelen nöjda brukare")
    pdf.drawString(72, 680, "3.1.2")
    pdf.drawString(110, 680, "Nämndens mål")
    pdf.drawString(72, 660, "–")  # a dash bullet
    pdf.drawString(90, 660, "Minska sjukfrånvaron")
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == [
        "• Öka andelen nöjda brukare",
        "3.1.2 Nämndens mål",
        "– Minska sjukfrånvaron",
    ]


def test_overprinted_fake_bold_is_read_once(tmp_path):
    path = tmp_path / "fetstil.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera", 14)
    for dx in (0.0, 0.25, 0.5):
        pdf.drawString(72 + dx, 700, "Mål för nämnden")
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == ["Mål för nämnden"]


def test_filled_and_stroked_text_counts_as_bold(tmp_path):
    path = tmp_path / "kontur.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    text = pdf.beginText(72, 700)
    text.setFont("Vera", 14)
    text.setTextRenderMode(2)  # fill, then stroke
    text.textLine("Nämndens mål")
    text.setTextRenderMode(0)
    text.textLine("Brödtext")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    lines = read_layout(path, ocr="never")[0].lines
    assert [(line.text, line.bold) for line in lines] == [("Nämndens mål", True), ("Brödtext", False)]


def test_letter_spaced_heading_is_read_as_words(tmp_path):
    path = tmp_path / "spärrad.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    text = pdf.beginText(72, 700)
    text.setFont("Vera", 18)
    text.setCharSpace(4)
    text.textOut("Varför")
    text.setCharSpace(0)
    text.textOut(" ")
    text.setCharSpace(4)
    text.textOut("klimatet")
    pdf.drawText(text)
    pdf.showPage()
    pdf.save()
    assert texts(read_layout(path, ocr="never")[0]) == ["Varför klimatet"]


def test_page_without_text_is_empty_with_ocr_never(tmp_path):
    path = tmp_path / "bild.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(100, 100, 300, 300, fill=1)
    pdf.showPage()
    pdf.save()
    page = read_layout(path, ocr="never")[0]
    assert not page.has_text and page.source == "text"


def test_bad_ocr_mode(plan_pdf):
    with pytest.raises(ValueError, match="ocr must be one of"):
        read_layout(plan_pdf, ocr="sometimes")


def test_rotated_page_is_read_upright(tmp_path):
    """A page stored landscape with /Rotate 90 and its text drawn turned to read upright."""
    path = tmp_path / "roterad.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setPageRotation(90)  # reportlab stores the page landscape, shown portrait
    pdf.saveState()
    pdf.translate(HEIGHT, 0)
    pdf.rotate(90)
    pdf.setFont("Vera", 12)
    pdf.drawString(72, HEIGHT - 72, "Första raden på roterad sida")
    pdf.drawString(72, HEIGHT - 90, "Andra raden")
    pdf.restoreState()
    pdf.setFont("Vera", 12)
    pdf.drawString(72, 300, "Text som står på tvären")  # shown turned: left out
    pdf.showPage()
    pdf.save()
    page = read_layout(path, ocr="never")[0]
    assert (page.width, page.height) == (pytest.approx(WIDTH, abs=0.5), pytest.approx(HEIGHT, abs=0.5))
    assert texts(page) == ["Första raden på roterad sida", "Andra raden"]
    first = page.lines[0]
    assert first.x0 == pytest.approx(72, abs=1) and first.bottom == pytest.approx(72, abs=4)


# --------------------------------------------------------------------------
# Real plans
# --------------------------------------------------------------------------


@pytest.mark.real
def test_real_toc_headers_and_page_numbers():
    pages = read_layout(real_pdf("alingsas-barn-och-ungdomsnamnden-kompetensforsorjningsplan-2026.pdf"), ocr="never")
    assert len(pages) == 29
    assert [page.number for page in pages if page.is_toc] == [3]
    toc = texts(pages[2])
    assert toc[0] == "Innehåll"
    assert any(line.startswith("3.1.1 Legitimation och behörighet") for line in toc)
    for page in pages[1:]:
        assert all(not line.text.isdigit() or line.top < page.height * 0.85 for line in page.lines)
        assert str(page.number) in {line.text for line in page.removed}
    assert texts(pages[4])[0] == "1. Inledning och syfte"
    assert pages[4].lines[0].bold and pages[4].lines[0].font_size == pytest.approx(28, abs=0.5)


@pytest.mark.real
def test_real_two_column_reading_order():
    pages = read_layout(real_pdf("goteborg-stadsrevisionen-arsredogorelse-2024.pdf"), ocr="never")
    lines = texts(pages[4])
    assert lines[0] == "Granskning av verksamheterna"
    # the full-width intro is not cut at the gutter
    assert "Alla kommunala nämnder och styrelser i Göteborgs Stad ansvarar för att deras" in lines
    left_end = lines.index("nämnder och bolag.")
    right_start = lines.index("ning, granskning av delårsrapporter och gransk-")
    assert lines.index("All granskning utgår ifrån en revisionsplan som") < left_end < right_start
    removed = {line.text for line in pages[4].removed}
    assert "2 Stadsrevisionens årsredogörelse 2024" in removed


@pytest.mark.real
def test_real_two_column_table_keeps_row_order():
    """Labels beside their text cells are a table, not two prose columns."""
    page = read_layout(real_pdf("simrishamn-kultur-och-fritidsnamnden-budgetskrivelse-investeringar-2027-2031.pdf"), ocr="never")[5]
    lines = texts(page)
    assert lines.index("Projektnamn") < lines.index("Valfisken inklusive gamingrum") < lines.index("Investeringsutgift")
    assert "SID 5 (25)" in {line.text for line in page.removed}


@pytest.mark.real
def test_real_tight_and_letter_spaced_headings():
    strategy = read_layout(real_pdf("vastra-gotalandsregionen-regionfullmaktige-regional-utvecklingsstrategi-2021-2030.pdf"), ocr="never")
    assert strategy[2].is_toc
    assert any(line.startswith("Tillsammans ställer vi om") for line in texts(strategy[2]))
    klimat = read_layout(real_pdf("haparanda-kommun-klimatstrategi-2020-2050.pdf"), ocr="never")
    assert texts(klimat[6])[0] == "Varför en klimatstrategi?"


@pytest.mark.real
def test_real_scan_has_no_text_without_ocr():
    pages = read_layout(real_pdf("tolkformedling-vast-internkontrollrapport-2025-scanned.pdf"), ocr="never")
    assert len(pages) == 2 and not any(page.has_text for page in pages)


@pytest.mark.real
def test_every_real_pdf_reads_inside_its_pages():
    if not CORPUS_REAL.is_dir():
        pytest.skip("../shared/corpus-real is not available")
    for path in sorted(CORPUS_REAL.glob("*.pdf")):
        pages = read_layout(path, ocr="never")
        assert [page.number for page in pages] == list(range(1, len(pages) + 1)), path.name
        for page in pages:
            for line in page.lines + page.removed:
                x0, top, x1, bottom = line.bbox
                assert -2 <= x0 <= x1 <= page.width + 2 and -2 <= top <= bottom <= page.height + 2, (path.name, line)
                assert line.text == line.text.strip() and "  " not in line.text
                assert "\u00ad" not in line.text and "\ufb01" not in line.text


def test_long_document_read_across_reopenings(tmp_path, monkeypatch):
    """The document is closed and opened again every few pages; no page is lost or doubled."""
    from planextract import layout

    monkeypatch.setattr(layout, "REOPEN_EVERY", 7)
    path = tmp_path / "lång.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, 31):
        pdf.setFont("Vera", 11)
        pdf.drawString(72, 700, f"Innehåll på sidan {number}")
        pdf.drawString(WIDTH / 2, 30, str(number))
        pdf.showPage()
    pdf.save()
    pages = read_layout(path, ocr="never")
    assert [texts(page) for page in pages] == [[f"Innehåll på sidan {n}"] for n in range(1, 31)]
    assert [[line.text for line in page.removed] for page in pages] == [[str(n)] for n in range(1, 31)]


def test_short_toc_above_content_moves_to_removed(tmp_path):
    path = tmp_path / "kort-innehall.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Vera-Bold", 18)
    pdf.drawString(72, 760, "Innehåll")
    pdf.setFont("Vera", 11)
    for row, (entry, target) in enumerate([("Sammanfattning", 1), ("1. Schema", 2), ("2. Samlokalisering", 2)]):
        pdf.drawString(72, 730 - row * 16, entry + " " + "." * 50 + " " + str(target))
    body = [f"Sammanfattningens rad {row + 1} om verksamhetens ekonomi." for row in range(12)]
    for row, text in enumerate(body):
        pdf.drawString(72, 640 - row * 14, text)
    pdf.showPage()
    pdf.setFont("Vera", 11)
    pdf.drawString(72, 760, "Sida två")
    pdf.showPage()
    pdf.save()
    page = read_layout(path, ocr="never")[0]
    assert not page.is_toc
    assert texts(page) == body
    assert [line.text.split(" ")[0] for line in page.removed] == ["Innehåll", "Sammanfattning", "1.", "2."]
