"""Tables: real PDFs drawn with reportlab, and the real documents of ../shared."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from planextract.errors import RulesError
from planextract.models import Line, PageLayout
from planextract.rules import parse_rules
from planextract.tables import TableRules, find_tables, screen_pages
from planextract.textnorm import normalize

from .conftest import real_pdf

RUNNING = 0.06  # share of the page height at top and bottom taken as running header/footer


def pdfium_layout(path: Path) -> list[PageLayout]:
    """Lines of each page read with pypdfium2, split at gaps wider than one em.

    Stands in for the layout layer so that these tests check the tables
    layer on its own; lines in the top and bottom 6 % of a page go to
    ``removed`` as the layout layer does with running headers and footers.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out = []
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            width, height = page.get_width(), page.get_height()
            layout = PageLayout(number=index + 1, width=width, height=height)
            runs: list[list] = []  # [chars, x0, top, x1, bottom, size, bold]
            buffer = ctypes.create_string_buffer(256)
            flags = ctypes.c_int()
            for k in range(textpage.count_chars()):
                char = chr(raw.FPDFText_GetUnicode(textpage.raw, k))
                if char in "\r\n\x00":
                    continue
                if char.isspace():
                    if runs:
                        runs[-1][0].append(" ")
                    continue
                left, bottom, right, top = textpage.get_charbox(k)
                size = raw.FPDFText_GetFontSize(textpage.raw, k) or 10.0
                raw.FPDFText_GetFontInfo(textpage.raw, k, buffer, 256, flags)
                bold = "bold" in buffer.value.decode("latin-1", "replace").lower()
                y0, y1 = height - top, height - bottom
                if runs:
                    run = runs[-1]
                    same_line = abs((y0 + y1) / 2 - (run[2] + run[4]) / 2) < 0.5 * size
                    if same_line and -0.5 * size < left - run[3] < 1.0 * size:
                        run[0].append(char)
                        run[3], run[2], run[4] = max(run[3], right), min(run[2], y0), max(run[4], y1)
                        run[6] = run[6] and bold
                        continue
                runs.append([[char], left, y0, right, y1, size, bold])
            for chars, x0, y0, x1, y1, size, bold in runs:
                text = normalize("".join(chars))
                if not text:
                    continue
                line = Line(text=text, page=index + 1, bbox=(x0, y0, x1, y1), font_size=round(size, 1), bold=bold)
                edge = y1 < RUNNING * height or y0 > (1 - RUNNING) * height
                (layout.removed if edge else layout.lines).append(line)
            textpage.close()
            page.close()
            out.append(layout)
    finally:
        doc.close()
    return out


# --------------------------------------------------------------------------
# Drawing test PDFs
# --------------------------------------------------------------------------

A4_W, A4_H = 595.28, 841.89
LEFT = 72.0


def _draw_table(pdf, top: float, widths, rows, *, ruled: bool, bold_rows: int = 1, leading: float = 12.0) -> float:
    """Draw ``rows`` (cells as strings or lists of lines) from ``top`` down; return the bottom."""
    y = top
    xs = [LEFT]
    for w in widths:
        xs.append(xs[-1] + w)
    for r, row in enumerate(rows):
        cells = [cell if isinstance(cell, list) else [cell] for cell in row]
        height = leading * max(len(c) for c in cells) + 6
        for c, lines in enumerate(cells):
            pdf.setFont("Helvetica-Bold" if r < bold_rows else "Helvetica", 10)
            for k, text in enumerate(lines):
                pdf.drawString(xs[c] + 4, A4_H - (y + 4 + leading * (k + 1) - 3), text)
        if ruled:
            pdf.line(xs[0], A4_H - y, xs[-1], A4_H - y)
            for x in xs:
                pdf.line(x, A4_H - y, x, A4_H - (y + height))
        y += height
    if ruled:
        pdf.line(xs[0], A4_H - y, xs[-1], A4_H - y)
    return y


def _prose(pdf, top: float, lines, size: int = 11) -> float:
    pdf.setFont("Helvetica", size)
    for k, text in enumerate(lines):
        pdf.drawString(LEFT, A4_H - (top + 14 * (k + 1)), text)
    return top + 14 * len(lines)


def _running(pdf, page: int) -> None:
    pdf.setFont("Helvetica", 9)
    pdf.drawString(LEFT, A4_H - 30, "Verksamhetsplan 2025 Socialnämnden")
    pdf.drawString(A4_W - 100, 25, f"Sida {page}")


def _canvas(path: Path):
    from reportlab.pdfgen import canvas

    return canvas.Canvas(str(path), pagesize=(A4_W, A4_H), invariant=1)


HEADER = ["Indikator", "Målvärde", "Utfall 2023", "Ansvarig"]
BODY = [
    ["Andel nöjda brukare", "70 %", "61 %", "Enhetschef"],
    ["Sjukfrånvaro", "7 %", "8,2 %", "HR-chef"],
    ["Väntetid till särskilt boende", "60 dagar", "75 dagar", "Verksamhetschef"],
]


@pytest.fixture
def ruled_pdf(tmp_path) -> Path:
    path = tmp_path / "ruled.pdf"
    pdf = _canvas(path)
    _running(pdf, 1)
    y = _prose(pdf, 80, ["Tabellen visar nämndens indikatorer och utfall."])
    rows = [HEADER] + [
        BODY[0],
        [["Andel elever med behörighet till", "gymnasiets yrkes-"], "90 %", "84 %", ["Rektor för", "grundskolan"]],
        BODY[2],
    ]
    y = _draw_table(pdf, y + 20, [190, 70, 80, 110], rows, ruled=True)
    _prose(pdf, y + 20, ["Efter tabellen följer vanlig löptext om verksamheten."])
    pdf.showPage()
    pdf.save()
    return path


def test_ruled_table_with_bold_header_and_wrapped_cells(ruled_pdf):
    pages = pdfium_layout(ruled_pdf)
    tables = find_tables(ruled_pdf, pages)
    assert len(tables) == 1
    table = tables[0]
    assert table.header == HEADER
    assert table.rows == [
        BODY[0],
        ["Andel elever med behörighet till gymnasiets yrkes-", "90 %", "84 %", "Rektor för grundskolan"],
        BODY[2],
    ]
    assert table.quality["strategy"] == "lines"
    assert table.quality["continued"] == 0
    assert table.quality["rows"] == 3
    assert table.quality["filled"] == 1.0
    assert table.page_start == table.page_end == 1
    assert table.row_pages == [1, 1, 1]
    assert table.page_bboxes == {1: table.bbox}


def test_only_pages_with_a_grid_are_screened_in(ruled_pdf, tmp_path):
    pages = pdfium_layout(ruled_pdf)
    assert list(screen_pages(ruled_pdf, pages)) == [1]


def test_hyphenation_at_a_cell_line_end_is_undone(tmp_path):
    path = tmp_path / "hyphen.pdf"
    pdf = _canvas(path)
    rows = [
        ["Aktivitet", "Ansvarig", "Tidplan"],
        [["Utveckla uppföljningen av verksam-", "heten inom barn- och", "elevhälsan"], "Förvaltningschef", "2025"],
        ["Införa aktivitetsombud", ["Barn-", "och utbildningschef"], "2026"],
    ]
    _draw_table(pdf, 100, [220, 130, 70], rows, ruled=True)
    pdf.showPage()
    pdf.save()
    [table] = find_tables(path, pdfium_layout(path))
    assert table.header == ["Aktivitet", "Ansvarig", "Tidplan"]
    assert table.rows == [
        ["Utveckla uppföljningen av verksamheten inom barn- och elevhälsan", "Förvaltningschef", "2025"],
        ["Införa aktivitetsombud", "Barn- och utbildningschef", "2026"],
    ]


def test_borderless_table(tmp_path):
    path = tmp_path / "borderless.pdf"
    pdf = _canvas(path)
    y = _prose(pdf, 80, ["1.1 Tilläggsisolera, byta fönster osv."])
    rows = [
        ["Förvaltning/Bolag", "Ansvarig", "Tidplan"],
        ["Kommunledningsförv.", "Teknisk chef", "31 maj 2026"],
        ["Kultur- och fritidsförv.", "Genom KLF", ""],
        ["Miljöförbundet", "", ""],
        ["Olofströms Hus AB", "Fastighetschef", "31 maj 2026"],
        ["Socialförvaltningen", "Genom KLF", "30 juni 2026"],
    ]
    y = _draw_table(pdf, y + 16, [160, 120, 100], rows, ruled=False, leading=11)
    _prose(pdf, y + 30, ["1.2 Informera och inspirera (väckning, dusch osv.)", "Ta fram informationsmaterial till hyresgäster."])
    pdf.showPage()
    pdf.save()
    tables = find_tables(path, pdfium_layout(path))
    assert len(tables) == 1
    table = tables[0]
    assert table.quality["strategy"] == "text"
    assert table.header == rows[0]
    assert table.rows == rows[1:]
    assert table.quality["filled"] == 0.8  # 12 of 15 body cells


def test_borderless_table_ends_before_a_label_and_a_list_set_under_it(tmp_path):
    path = tmp_path / "borderless-list.pdf"
    pdf = _canvas(path)
    y = _prose(pdf, 80, ["Indikatorer"])
    rows = [
        ["Indikator", "Utfall 2023", "Målvärde 2025"],
        ["Behöriga till yrkesprogram, andel (%)", "82,1", "Minst 86 %"],
        ["Genomsnittligt meritvärde", "219", "Öka"],
    ]
    y = _draw_table(pdf, y + 10, [250, 90, 100], rows, ruled=False, leading=11)
    pdf.setFont("Helvetica-Bold", 10)
    pdf.drawString(LEFT, A4_H - (y + 22), "Enhetsmål")
    pdf.setFont("Helvetica", 10)
    pdf.drawString(LEFT, A4_H - (y + 38), "•  Grundskolan")
    pdf.drawString(LEFT + 14, A4_H - (y + 52), "–  Alla elever i årskurs 7–9 ska ha en individuell studieplan i")
    pdf.drawString(LEFT + 330, A4_H - (y + 52), "matematik.")
    pdf.showPage()
    pdf.save()
    tables = find_tables(path, pdfium_layout(path))
    assert [(t.header, t.rows) for t in tables] == [(rows[0], rows[1:])]  # two rows under a known header are enough


def test_borderless_table_of_bulleted_cells_under_a_header(tmp_path):
    """Two columns of long bulleted lines under a header ("Genomfört januari–augusti |
    Planerat september–december"): a table of actions by status, not a page set in columns."""
    path = tmp_path / "borderless-bullets.pdf"
    pdf = _canvas(path)
    y = _prose(pdf, 80, ["Prognos helår: Målet uppnås delvis."])
    rows = [
        ["Genomfört januari–augusti", "Planerat september–december"],
        [["• Stegvis arbetsträning i arbetsmarknadsenhetens egna", "verksamheter"],
         ["• Språkpraktik i kombination med sfi för deltagare med", "utländsk bakgrund"]],
        [["• Gemensamma planeringsmöten med socialtjänsten för", "alla nya hushåll med försörjningsstöd"],
         ["• Företagsdag med lokala arbetsgivare i oktober"]],
    ]
    _draw_table(pdf, y + 16, [265, 265], rows, ruled=False, leading=11)
    pdf.showPage()
    pdf.save()
    tables = find_tables(path, pdfium_layout(path))
    assert [(t.header, t.rows) for t in tables] == [(rows[0], [
        ["• Stegvis arbetsträning i arbetsmarknadsenhetens egna verksamheter",
         "• Språkpraktik i kombination med sfi för deltagare med utländsk bakgrund"],
        ["• Gemensamma planeringsmöten med socialtjänsten för alla nya hushåll med försörjningsstöd",
         "• Företagsdag med lokala arbetsgivare i oktober"]])]


def test_borderless_table_ends_before_its_source_note(tmp_path):
    path = tmp_path / "borderless-note.pdf"
    pdf = _canvas(path)
    y = _prose(pdf, 80, ["Diagram 6. Antal färdigställda bostäder under året"])
    rows = [
        ["", "2021", "2022", "2023", "2024", "2025"],
        ["Gagnef", "28", "41", "37", "46", "34"],
        ["Riket", "31", "35", "33", "30", "29"],
    ]
    y = _draw_table(pdf, y + 10, [150, 60, 60, 60, 60, 60], rows, ruled=False, leading=13)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(LEFT, A4_H - (y + 4), "Källa: SCB, bostadsbyggande. Målvärde 2025: minst 40.")
    pdf.drawString(LEFT, A4_H - (y + 17), "Genomfört 2025")
    pdf.showPage()
    pdf.save()
    tables = find_tables(path, pdfium_layout(path))
    [table] = tables
    assert table.rows[-1][0].startswith("Riket")  # the note and the label after it are no rows
    assert not any("Källa" in cell or "Genomfört" in cell for row in table.rows for cell in row)


def test_symbol_font_glyphs_are_read_as_what_they_draw(tmp_path):
    from planextract.layout import read_layout

    path = tmp_path / "symbol.pdf"
    pdf = _canvas(path)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(LEFT, 700, "Deltagartillfällen per invånare")
    pdf.setFont("Symbol", 10)
    pdf.drawString(LEFT + 160, 700, "\u2265")  # reportlab writes code 0xB3 in the Symbol font
    pdf.setFont("Helvetica", 10)
    pdf.drawString(LEFT + 168, 700, " 22")
    pdf.showPage()
    pdf.save()
    assert " ".join(line.text for line in read_layout(path, ocr="never")[0].lines) == "Deltagartillfällen per invånare ≥ 22"


def test_borderless_table_without_bold_header_found_by_header_words(tmp_path):
    path = tmp_path / "words.pdf"
    pdf = _canvas(path)
    rows = [
        ["Nyckeltal", "2022", "2023", "Mål 2024"],
        ["Andel nöjda brukare", "61", "64", "70"],
        ["Sjukfrånvaro, procent", "8,2", "7,9", "7,0"],
        ["Antal brukare", "410", "432", "450"],
    ]
    _draw_table(pdf, 100, [180, 60, 60, 80], rows, ruled=False, bold_rows=0)
    pdf.showPage()
    pdf.save()
    [table] = find_tables(path, pdfium_layout(path))
    assert table.header == rows[0]
    assert table.rows == rows[1:]


def _two_page_table(path: Path, *, repeat_header: bool) -> tuple[list, list]:
    pdf = _canvas(path)
    header = ["Åtgärd", "Ansvarig", "Status"]
    first = [[f"Åtgärd nummer {k} i planen", "Enhetschef", "Pågår"] for k in range(1, 4)]
    second = [[f"Åtgärd nummer {k} i planen", "Verksamhetschef", "Klar"] for k in range(4, 7)]
    _running(pdf, 1)
    y = _prose(pdf, 60, ["Löptext före tabellen. " * 3] * 36)
    _draw_table(pdf, y + 14, [220, 120, 80], [header] + first, ruled=True)
    pdf.showPage()
    _running(pdf, 2)
    rows = ([header] if repeat_header else []) + second
    y = _draw_table(pdf, 70, [220, 120, 80], rows, ruled=True, bold_rows=1 if repeat_header else 0)
    _prose(pdf, y + 20, ["Löptext efter tabellen på sidan två."])
    pdf.showPage()
    pdf.save()
    return header, first + second


@pytest.mark.parametrize("repeat_header", [True, False])
def test_table_continued_on_next_page_is_joined(tmp_path, repeat_header):
    path = tmp_path / f"continued-{repeat_header}.pdf"
    header, rows = _two_page_table(path, repeat_header=repeat_header)
    tables = find_tables(path, pdfium_layout(path))
    assert len(tables) == 1
    table = tables[0]
    assert table.header == header
    assert table.rows == rows
    assert (table.page_start, table.page_end) == (1, 2)
    assert table.row_pages == [1, 1, 1, 2, 2, 2]
    assert table.quality["continued"] == 1
    assert sorted(table.page_bboxes) == [1, 2]


def test_new_table_with_other_header_on_next_page_is_not_joined(tmp_path):
    path = tmp_path / "two-tables.pdf"
    pdf = _canvas(path)
    y = _prose(pdf, 60, ["Löptext före tabellen. " * 3] * 36)
    _draw_table(pdf, y + 14, [220, 120, 80], [["Åtgärd", "Ansvarig", "Status"], ["Ny rutin", "Enhetschef", "Pågår"]], ruled=True)
    pdf.showPage()
    _draw_table(pdf, 70, [220, 120, 80], [["Indikator", "Målvärde", "Utfall"], ["Nöjdhet", "70 %", "61 %"]], ruled=True)
    pdf.showPage()
    pdf.save()
    tables = find_tables(path, pdfium_layout(path))
    assert [t.header for t in tables] == [["Åtgärd", "Ansvarig", "Status"], ["Indikator", "Målvärde", "Utfall"]]
    assert [t.quality["continued"] for t in tables] == [0, 0]


def test_page_without_tables_gives_none(tmp_path):
    """Prose, a bulleted list, a box around prose with a heading bar, a chart's labels."""
    path = tmp_path / "prose.pdf"
    pdf = _canvas(path)
    _running(pdf, 1)
    y = _prose(pdf, 70, [
        "Nämnden ska under året arbeta för att fler brukare ska erbjudas en meningsfull",
        "vardag. Arbetet följs upp i delårsrapporten och i verksamhetsberättelsen.",
    ])
    pdf.setFont("Helvetica", 11)
    for k, item in enumerate(["Öka andelen nöjda brukare", "Minska sjukfrånvaron", "Korta väntetiderna"]):
        pdf.drawString(LEFT, A4_H - (y + 20 + 14 * k), "•")
        pdf.drawString(LEFT + 14, A4_H - (y + 20 + 14 * k), item)
    y += 80
    # a box with a filled heading bar around prose
    pdf.setFillColorRGB(0.1, 0.4, 0.3)
    pdf.rect(LEFT, A4_H - (y + 20), 450, 20, stroke=0, fill=1)
    pdf.setFillColorRGB(0, 0, 0)
    pdf.rect(LEFT, A4_H - (y + 90), 450, 70, stroke=1, fill=0)
    _prose(pdf, y + 22, ["Förskola", "60 procent legitimerade förskollärare för hela förvaltningen.", "I varje barngrupp ska det finnas en förskollärare."])
    y += 120
    # a line chart with its axis labels
    pdf.rect(LEFT + 30, A4_H - (y + 150), 400, 150, stroke=1, fill=0)
    for k, label in enumerate(["25", "20", "15", "10", "5", "0"]):
        pdf.drawString(LEFT + 5, A4_H - (y + 5 + 29 * k), label)
        pdf.line(LEFT + 30, A4_H - (y + 29 * k), LEFT + 430, A4_H - (y + 29 * k))
    for k, label in enumerate(["2020", "2021", "2022", "2023", "2024"]):
        pdf.drawString(LEFT + 50 + 80 * k, A4_H - (y + 165), label)
    pdf.lines([(LEFT + 60, A4_H - (y + 20), LEFT + 140, A4_H - (y + 100)), (LEFT + 140, A4_H - (y + 100), LEFT + 220, A4_H - (y + 60))])
    pdf.showPage()
    pdf.save()
    assert find_tables(path, pdfium_layout(path)) == []


def test_rules_file_is_strict(tmp_path):
    from planextract.resources import rules_dir

    text = (rules_dir() / "tables.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "tables.yaml"
    bad.write_text(text.replace("min_cols:", "min_colums:"), encoding="utf-8")
    with pytest.raises(RulesError, match=r"tables\.yaml: .*unknown key 'min_colums'"):
        parse_rules(bad, TableRules)


# --------------------------------------------------------------------------
# Real documents
# --------------------------------------------------------------------------


def _tables(name: str):
    path = real_pdf(name)
    return find_tables(path, pdfium_layout(path))


def test_real_competence_plan_tables():
    tables = _tables("alingsas-barn-och-ungdomsnamnden-kompetensforsorjningsplan-2026.pdf")
    by_page = {t.page_start: t for t in reversed(tables)}
    # a titled table continued from page 8 on page 9 without a repeated header
    [joined] = [t for t in tables if (t.page_start, t.page_end) == (8, 9)]
    assert joined.quality["title"] == "Anställda förskollärare inom förskola (månadsavlönade), utan legitimation"
    assert joined.header == [
        "Data april 2026 (Alingsås kommun)", "Total andel av förskollärarna", "Totalt antal",
        "Anställda obehörig enligt skollagen", "Övriga visstidsanställda", "Anställda tillsvidare",
    ]
    assert [row[0] for row in joined.rows] == [
        "Team Norra", "Team Nordväst", "Team Nordost", "Team Sydväst", "Team Sydost", "Team Södra", "Totalt alla team",
    ]
    assert joined.row_pages == [8, 8, 9, 9, 9, 9, 9]
    assert by_page[22].header == ["Personalkategori", "2027", "2028", "2029"]
    assert by_page[22].rows[0] == ["Förskollärare", "151", "147", "145"]
    assert by_page[17].header == ["Antal år som rektor (per maj 2026)", "Antal rektorer"]


def test_real_cycling_plan_table_across_pages():
    tables = _tables("alingsas-tekniska-namnden-cykelplan-2026-forslag.pdf")
    [table] = [t for t in tables if t.page_start == 24]
    assert table.header == ["Nummer", "Urvalskriterier", "Innebär", "Bedömt värde", "Vikt"]
    assert table.page_end == 25 and table.quality["continued"] == 1
    assert [row[0] for row in table.rows] == [str(k) for k in range(1, 10)]
    assert table.rows[1][:2] == ["2", "Boende"]


def test_real_borderless_action_tables():
    tables = _tables("olofstrom-kommunkoncernen-handlingsplan-klimat-och-energi-2023.pdf")
    assert len(tables) >= 20
    assert all(t.header == ["Förvaltning/Bolag", "Ansvarig", "Tidsplan"] for t in tables)
    first = tables[0]
    assert first.page_start == 2
    assert first.rows[0] == ["Kommunledningsförv", "Teknisk chef", "31 maj 2026"]


def test_real_follow_up_with_boxed_prose_has_no_tables():
    assert _tables("alingsas-barn-och-ungdomsnamnden-uppfoljning-inriktning-budget-2026-04.pdf") == []


@pytest.mark.parametrize("pages", [None, [5, 6]])
def test_lazy_chars_are_pdfplumber_chars(ruled_pdf, pages):
    """The characters made into dicts inside a table are pdfplumber's own, in its order."""
    import pdfplumber

    from planextract.tables.ruled import _LazyChars

    path = ruled_pdf if pages is None else real_pdf("simrishamn-kultur-och-fritidsnamnden-budgetskrivelse-investeringar-2027-2031.pdf")
    with pdfplumber.open(path, pages=pages) as stock, pdfplumber.open(path, pages=pages) as lazy_pdf:
        for page, lazy_page in zip(stock.pages, lazy_pdf.pages):
            lazy = _LazyChars(lazy_page)
            assert "char" not in lazy_page.objects
            assert {k: v for k, v in page.objects.items() if k != "char"} == lazy_page.objects
            assert lazy.inside(page.bbox) == page.chars
            x0, top, x1, bottom = page.bbox
            half = (x0, top, (x0 + x1) / 2, (top + bottom) / 2)
            inside = lazy.inside(half, pad=0)
            assert inside == [c for c in page.chars if c in inside]
            centred = [c for c in page.chars if half[0] <= (c["x0"] + c["x1"]) / 2 <= half[2] and half[1] <= (c["top"] + c["bottom"]) / 2 <= half[3]]
            assert all(c in inside for c in centred)


def test_rows_of_labelled_values_are_a_table_without_a_header(corpus_pdf):
    """"Andel … | Utfall 2024: 68 % | Utfall 2025: 72 % | Målvärde 2026: minst 85 %"
    under each goal: no header row (a cell opening with "Utfall" holds a
    value, it names no column), and each row stays a row."""
    from planextract.pipeline import parse_pdf
    from planextract.tables.header import labelled_columns

    parsed = parse_pdf(corpus_pdf / "varnamo-socialnamnden-verksamhetsplan-2026.pdf")
    table = next(t for t in parsed.tables if t.rows and t.rows[0][0].startswith("Andel barn och unga 0–20 år"))
    assert table.header == []
    assert [row[0] for row in table.rows[:3]] == [
        "Andel barn och unga 0–20 år som påbörjat öppenvårdsinsats inom 14 dagar från beslut",
        "Barn och unga placerade utanför kommunen, antal i genomsnitt per månad",
        "Barnavårdsutredningar avslutade inom 120 dagar, andel"]
    assert table.rows[1][1:] == ["Utfall 2024: 21", "Utfall 2025: 19", "Målvärde 2026: högst 15"]
    assert labelled_columns([["Andel nöjda", "Utfall 2024: 41 %", "Målvärde 2026: minst 60 %"],
                             ["Antal besök", "Utfall 2024: 74", "Målvärde 2026: öka"]])
    assert not labelled_columns([["Indikator", "Utfall 2024", "Målvärde 2026"], ["Andel nöjda", "41 %", "60 %"]])


def test_rows_side_by_side_in_one_drawn_row_are_parted_by_their_figures():
    """One ruled row holding a goal and, line by line, three indicators with
    their targets and outcomes: the outcome figures part it into three rows,
    a wrapped indicator name stays whole, and the goal spans them."""
    path = Path(__file__).resolve().parents[1] / "corpus" / "pdf" / "partille-kfn-verksamhetsplan-2026.pdf"
    [table] = [t for t in find_tables(path, pdfium_layout(path)) if t.page_start == 1 and t.header[0] == "Nämndmål"]
    assert table.rows[:3] == [
        ["KFN 1 Fler invånare ska ta del av bibliotekens och Kulturums utbud.",
         "Fysiska besök på biblioteken per invånare", "Minst 4,5", "4,1"],
        ["", "Besök på Kulturum, antal", "Minst 95 000", "88 400"],
        ["", "Andel invånare som är nöjda med kulturutbudet, %", "Öka", "62"],
    ]


def test_ruled_goal_tree_whose_rows_fill_one_cell_each_is_a_table(tmp_path):
    """A "målträd" whose column gives each row's level: only the header row has
    text on both sides of a rule, yet the grid is a table."""
    path = tmp_path / "staircase.pdf"
    pdf = _canvas(path)
    rows = [
        ["Kommunfullmäktiges mål", "Nämndmål", "Indikator", "Aktivitet"],
        ["Umeå ska vara jämställd", "", "", ""],
        ["", "Fler flickor ska delta", "", ""],
        ["", "", "Andel flickor av deltagarna", ""],
        ["", "", "", "Införa jämställdhetskrav"],
    ]
    _draw_table(pdf, 100, [140, 120, 140, 120], rows, ruled=True)
    pdf.showPage()
    pdf.save()
    pages = pdfium_layout(path)
    assert list(screen_pages(path, pages)) == [1]
    [table] = find_tables(path, pages)
    assert table.header == rows[0]
    assert table.rows == rows[1:]
