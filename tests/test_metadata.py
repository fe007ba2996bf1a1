"""Document metadata: organisation, organ, type, period, adoption, diarienummer, title."""

from __future__ import annotations

import csv
import re

import pytest

from planextract.errors import RulesError
from planextract.metadata import (
    MetadataRules,
    detect_metadata,
    doc_type_of,
    kommuner,
    normalize_organ,
    parse_date,
    regioner,
    years_in,
)
from planextract.models import Line, PageLayout
from planextract.rules import parse_rules
from planextract.resources import rules_dir

from .conftest import CORPUS_REAL


def page(number: int, lines, removed=()) -> PageLayout:
    """A page of ``(text, font size)`` lines, top to bottom."""
    made = []
    top = 50.0
    for text, size in lines:
        made.append(Line(text, number, (50.0, top, 500.0, top + size), size))
        top += size * 1.3
    footer = [Line(text, number, (50.0, 800.0, 500.0, 810.0), 8.0) for text in removed]
    return PageLayout(number, 595.0, 842.0, made, removed=footer)


def body(*texts: str) -> list[tuple[str, float]]:
    return [(text, 11.0) for text in texts]


# --------------------------------------------------------------------------
# Reference tables
# --------------------------------------------------------------------------


def test_kommun_table_has_the_290_with_codes_and_lan():
    table = kommuner()
    assert len(table) == 290
    assert all(re.fullmatch(r"\d{4}", code) for code in table)
    assert table["0114"].short_name == "Upplands Väsby"  # leading zero kept
    assert table["1981"].short_name == "Sala"
    assert table["1480"].lan_code == "14"
    assert len({k.short_name for k in table.values()}) == 290


def test_region_table_has_the_21():
    table = regioner()
    assert len(table) == 21
    assert table["14"].name == "Västra Götalandsregionen"
    assert table["12"].lan_short_name == "Skåne"


@pytest.mark.parametrize("name", ["kommuner.csv", "regioner.csv"])
def test_reference_tables_name_their_source(name):
    first = (rules_dir() / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# source: ")


def test_rules_file_with_an_unknown_key_is_an_error(tmp_path):
    text = (rules_dir() / "metadata.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "metadata.yaml"
    bad.write_text(text + "\nkommun_sufixes: [kommun]\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"metadata.yaml: unknown key 'kommun_sufixes'"):
        parse_rules(bad, MetadataRules)


# --------------------------------------------------------------------------
# Organisation
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lines, file_name, kommun, code",
    [
        (body("Verksamhetsplan 2025–2028", "Alingsås kommun"), "plan.pdf", "Alingsås", "1489"),
        (body("Sala kommuns verksamhetsplan", "Social- och arbetsmarknadsnämnden"), "x.pdf", "Sala", "1981"),
        (body("Göteborgs Stad", "Stadsrevisionen"), "rapport.pdf", "Göteborg", "1480"),
        ([("KLIMAT STRATEGI", 77.0), ("HAPARANDA 2020-2050", 27.0)], "strategi.pdf", "Haparanda", "2583"),
        (body("Månadsuppföljning maj 2026", "Socialnämnden"), "alingsas-socialnamnden-2026.pdf", "Alingsås", "1489"),
        (body("Verksamhetsplan", "Upplands Väsby kommun"), "vp.pdf", "Upplands Väsby", "0114"),
        (body("Falu kommun", "Mål och budget 2025"), "mb.pdf", "Falun", "2080"),
        (body("Vara kommun", "Budget 2025"), "budget.pdf", "Vara", "1470"),
        (body("Nämndsplan 2025", "Besök oss på www.lund.se"), "np.pdf", "Lund", "1281"),
        (body("Olofströms kommunkoncern", "Handlingsplan"), "hp.pdf", "Olofström", "1060"),
    ],
)
def test_kommun_is_found(lines, file_name, kommun, code):
    meta = detect_metadata([page(1, lines)], file_name)
    assert (meta.kommun, meta.kommun_code, meta.org_type) == (kommun, code, "kommun")


@pytest.mark.parametrize(
    "lines, file_name",
    [
        # kommun names that are words: "Vara", "Mark", "Lund" without "kommun"
        (body("Vara en attraktiv arbetsgivare", "Mark och vatten ska skyddas", "Lund och äng"), "plan.pdf"),
        # a street or a company named after a place is not enough alone
        (body("Verksamhetsplan 2025", "Adress: Storgatan 4", "Servicecenter"), "document.pdf"),
        # nothing at all
        ([], "document.pdf"),
        # a file name word that is a kommun name
        (body("Plan för mark och vatten"), "mark-och-vatten-plan.pdf"),
    ],
)
def test_no_kommun_from_words_streets_or_nothing(lines, file_name):
    meta = detect_metadata([page(1, lines)] if lines else [PageLayout(1, 595, 842)], file_name)
    assert meta.kommun is None and meta.kommun_code is None


def test_the_kommun_named_with_kommun_beats_neighbours_named_bare():
    pages = [
        page(1, body("Cykelplan för Alingsås kommun")),
        page(2, body("Pendling till Göteborg, Borås och Lerum ökar.", "Göteborg och Borås")),
    ]
    assert detect_metadata(pages, "cykelplan.pdf").kommun_code == "1489"


def test_running_footer_names_the_kommun():
    pages = [page(n, body("Prognosen visar ett överskott."), removed=["Ljusdals kommun | Sida 2"]) for n in (1, 2, 3)]
    meta = detect_metadata(pages, "manadsrapport.pdf")
    assert (meta.kommun, meta.kommun_code) == ("Ljusdal", "2161")


def test_region_gets_lan_code_and_no_kommun():
    pages = [
        page(1, [("Regional utvecklingsstrategi för Västra Götaland 2021–2030", 40.0), ("Antagen i regionfullmäktige 17 februari 2026", 20.0)]),
        page(2, body("Göteborg, Borås och Trollhättan växer.", "Helen Eliasson", "Ordförande regionstyrelsen", "Västra Götalandsregionen")),
    ]
    meta = detect_metadata(pages, "rus.pdf")
    assert (meta.org_type, meta.kommun, meta.kommun_code, meta.org_name) == ("region", None, "14", "Västra Götalandsregionen")
    assert meta.organ == "Regionfullmäktige"
    assert meta.adopted == "2026-02-17"


def test_a_kommun_board_working_with_a_region_is_the_kommun():
    footer = ["Örnsköldsviks kommun | Vård- och omsorgsnämnden"]
    pages = [
        page(1, body("Verksamhetsplan 2026", "Örnsköldsviks kommun", "Vård- och omsorgsnämnden"), removed=footer),
        page(2, body("Samverkan med Region Västernorrland om de mest sjuka äldre.",
                     "Region Västernorrland ansvarar för läkarinsatserna."), removed=footer),
        page(3, body("Läget i länet."), removed=footer),
        page(4, body("Avtalet med Region Västernorrland följs upp.", "Region Västernorrland deltar.",
                     "Hemtjänsten i Örnsköldsvik."), removed=footer),
    ]
    meta = detect_metadata(pages, "plan.pdf")
    assert (meta.org_type, meta.kommun, meta.organ) == ("kommun", "Örnsköldsvik", "Vård- och omsorgsnämnden")


def test_region_jonkopings_lan_is_not_the_kommun():
    meta = detect_metadata([page(1, body("Region Jönköpings län", "Budget 2025"))], "b.pdf")
    assert (meta.org_type, meta.kommun_code) == ("region", "06")


def test_kommunalforbund_with_two_members_records_no_kommun():
    lines = body(
        "Budget 2027 och ramar 2028 – 2029",
        "Medlemskommunernas driftbidrag för 2027 uppgår till 90 362 tkr.",
        "Medlemsbidraget uppgår till 69 994 tkr för Alingsås kommun och 20 367 tkr för",
        "Vårgårda kommun. Förbundet lyfter kostnadsökningar utom ram separat.",
    )
    meta = detect_metadata([page(1, lines), page(2, body("Räddningstjänstförbundet"))], "budget.pdf")
    assert (meta.org_type, meta.kommun, meta.kommun_code) == ("kommunalforbund", None, None)
    assert meta.org_name == "Räddningstjänstförbundet"
    assert meta.doc_type == "budget"
    assert (meta.period_start, meta.period_end) == (2027, 2029)


def test_kommunalforbund_with_one_member_records_it():
    lines = body("Samordningsförbundet Ale", "Förbundsstyrelsen", "Verksamhetsplan 2026", "Medlemmar: Ale kommun, Region Västra Götaland och Försäkringskassan")
    meta = detect_metadata([page(1, lines)], "vp.pdf")
    assert meta.org_type == "kommunalforbund"
    assert (meta.kommun, meta.kommun_code) == ("Ale", "1440")


def test_a_kommun_document_naming_a_forbund_stays_a_kommun():
    pages = [page(1, body("Handlingsplan för klimat och energi", "Gäller för: Olofströms kommun och dess bolag"))]
    pages += [page(n, body("Ansvarig: Miljöförbundet Blekinge Väst", "Olofströms kommun")) for n in range(2, 8)]
    meta = detect_metadata(pages, "hp.pdf")
    assert (meta.org_type, meta.kommun_code) == ("kommun", "1060")


def test_known_forbund_from_the_file_name_of_a_scan():
    meta = detect_metadata([PageLayout(1, 595, 842), PageLayout(2, 595, 842)], "tolkformedling-vast-internkontrollrapport-2025.pdf")
    assert (meta.org_type, meta.org_name, meta.doc_type) == ("kommunalforbund", "Tolkförmedling Väst", "internkontroll")
    assert (meta.period_start, meta.period_end) == (2025, 2025)


# --------------------------------------------------------------------------
# Organ, type, dates, numbers
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, organ",
    [
        ("Barn- och ungdomsnämndens budget 2026", "Barn- och ungdomsnämnden"),
        ("Fördjupad månadsuppföljning 2026 tekniska nämnden", "Tekniska nämnden"),
        ("Kultur-, fritids- och idrottsnämnd", "Kultur-, fritids- och idrottsnämnden"),
        ("Social- och arbetsmarknadsnämnden", "Social- och arbetsmarknadsnämnden"),
        ("Till Göteborgs kommunfullmäktige", None),
        ("Missiv till kommunstyrelsen", None),
        ("Göteborgs kommunfullmäktige beslutar", "Kommunfullmäktige"),
        ("Förbundsdirektionen", "Förbundsdirektionen"),
        ("Antagen av: Koncernchefsgruppen", "Koncernchefsgruppen"),
        ("Stadsrevisionens årsredogörelse", "Stadsrevisionen"),
        ("Nämnden ska följa upp målen", None),
        ("Kommunstyrelsens beslut", "Kommunstyrelsen"),
        ("Regionstyrelsen", "Regionstyrelsen"),
    ],
)
def test_normalize_organ(text, organ):
    assert normalize_organ(text) == organ


@pytest.mark.parametrize(
    "text, doc_type",
    [
        ("Verksamhetsplan 2025–2028", "verksamhetsplan"),
        ("Mål och budget 2025 med plan för 2026–2027", "mål och budget"),
        ("Nämndplan för socialnämnden", "nämndsplan"),
        ("Uppföljning inriktning budget", "uppföljning"),
        ("Fördjupad månadsuppföljning 2026", "månadsuppföljning"),
        ("Delårsrapport augusti 2024", "delårsrapport"),
        ("Årsredovisning 2023", "årsredovisning"),
        ("Revisionsrapport: Granskning av styrning", "revisionsrapport"),
        ("Tidplan och anvisningar för budget 2027–2031", "budget"),
        ("Budgetskrivelse för investeringar 2027-2031", "budget"),
        ("Klimatstrategi Haparanda 2020-2050", "strategi"),
        ("KLIMAT STRATEGI", "strategi"),
        ("Handlingsplan för klimat och energi", "handlingsplan"),
        ("Socialpolitiskt program 2019–2024", "program"),
        ("Biblioteksplan 2027–2030", "plan"),
        ("Kompetensförsörjningsplan", "plan"),
        ("Utvärdering av Målbild tåg 2035", "uppföljning"),
        ("Verksamhetspian 2025", "verksamhetsplan"),  # OCR damage
        ("Inledning", None),
    ],
)
def test_doc_type_of(text, doc_type):
    assert doc_type_of(text) == doc_type


@pytest.mark.parametrize(
    "text, iso",
    [
        ("ANTAGEN 2024-11-14 | DIARIENUMMER 2024/109", "2024-11-14"),
        ("Antagen i regionfullmäktige 17 februari 2026", "2026-02-17"),
        ("Datum: 2025–10–08", "2025-10-08"),
        ("den 3 sept. 2024", "2024-09-03"),
        ("Datum för beslut: ÅÅÅ-MM-DD", None),
        ("2026-02-30", None),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "lines, adopted, dnr",
    [
        (["ANTAGEN 2024-11-14 | DIARIENUMMER 2024/109"], "2024-11-14", "2024/109"),
        (["Antagen av kommunfullmäktige 2026-02-17", "Dnr KS 2024/109"], "2026-02-17", "KS 2024/109"),
        (["Fastställd av regionstyrelsen", "17 februari 2026"], "2026-02-17", None),
        (["Antagen av: Koncernchefsgruppen", "Datum: 2023-03-31"], "2023-03-31", None),
        (["Datum för beslut: 2026-06-16", "Diarienummer: 206.156 BUN"], "2026-06-16", "206.156 BUN"),
        (["Diarienr: 2023.456", "Revideras senast: 2026-04-09"], None, "2023.456"),
        (["Datum för beslut: ÅÅÅ-MM-DD", "Diarienummer: XX"], None, None),
        (["I syfte att följa tidigare beslutad nivå för eget", "kapital har kollegiet den 18 mars 2025 föreslagit"], None, None),
        (["Diarienummer: IKN 2025–00217"], None, "IKN 2025–00217"),
        (["Uppföljningen behandlades i nämnden den 22 maj 2024."], "2024-05-22", None),
        (["Kommunstyrelsen 2024-05-27 • Diarienummer KS-2024-0419"], "2024-05-27", "KS-2024-0419"),
        (["Typ av styrdokument: Plan Diarienummer: 2026.008 Giltighetstid: Tillsvidare"], None, "2026.008"),
    ],
)
def test_adopted_and_diarienummer(lines, adopted, dnr):
    meta = detect_metadata([page(1, body(*lines))], "document.pdf")
    assert (meta.adopted, meta.diarienummer) == (adopted, dnr)


@pytest.mark.parametrize(
    "text, years",
    [
        ("Verksamhetsplan 2025–2028", [2025, 2028]),
        ("Budget 2027 och ramar 2028 – 2029", [2027, 2028, 2029]),
        ("Vision 2030", []),
        ("Utvärdering av Målbild tåg 2035", []),
        ("Plan 2025-27", [2025, 2027]),
        ("Rapport 2026-04-30", []),
        ("Dnr 2024/109", []),
    ],
)
def test_years_in(text, years):
    assert years_in(text) == years


@pytest.mark.parametrize(
    "lines, file_name, period",
    [
        ([("Verksamhetsplan 2025–2028", 30.0)], "x.pdf", (2025, 2028)),
        ([("Mål och budget 2025", 30.0)], "x.pdf", (2025, 2025)),
        ([("Handlingsplan 2026", 30.0), ("Giltighetstid: 2026 ht – 2027 vt", 9.0)], "x.pdf", (2026, 2027)),
        ([("Handlingsplan för klimat", 14.0), ("Antagen av: Koncernchefsgruppen", 9.0), ("Datum: 2023-03-31", 9.0), ("Giltighetstid: 31 december 2026", 9.0)], "x.pdf", (2023, 2026)),
        ([("Kompetensförsörjningsplan", 40.0), ("Giltighetstid: Tills vidare", 9.0)], "kompetensforsorjningsplan-2026.pdf", (2026, 2026)),
        ([("Vision 2030", 40.0)], "vision.pdf", (None, None)),
    ],
)
def test_period(lines, file_name, period):
    meta = detect_metadata([page(1, lines)], file_name)
    assert (meta.period_start, meta.period_end) == period


def test_title_is_the_biggest_lines_of_the_cover_joined():
    lines = [("alingsas.se", 16.0), ("Kompetens-", 48.0), ("försörjningsplan", 48.0), ("Barn- och ungdomsnämnden", 28.0), ("Typ av styrdokument: Plan", 9.0), ("Beslutande instans: Barn- och ungdomsnämnden", 9.0)]
    meta = detect_metadata([page(1, lines)], "plan.pdf")
    assert meta.title == "Kompetensförsörjningsplan"
    assert meta.doc_type == "plan"
    assert meta.organ == "Barn- och ungdomsnämnden"


def test_heading_below_the_title_is_not_part_of_it():
    made = [
        Line("Handlingsplan för klimat och energi", 1, (70, 207, 300, 221), 14.0, True),
        Line("Bakgrund", 1, (70, 232.7, 126, 244.7), 12.0, True),
        Line("En av vår tids största utmaningar.", 1, (70, 252, 430, 263), 11.0),
    ]
    meta = detect_metadata([PageLayout(1, 595, 842, made)], "hp.pdf")
    assert meta.title == "Handlingsplan för klimat och energi"


def test_numbered_heading_right_under_the_title_is_not_part_of_it():
    lines = [("Verksamhetsplan 2025–2028 för Socialnämnden i", 18.0), ("Sala kommun", 18.0), ("1 Nämndens mål", 18.0), ("1.1 Alla brukare ska erbjudas en meningsfull vardag", 14.0)]
    meta = detect_metadata([page(1, lines)], "vp.pdf")
    assert meta.title == "Verksamhetsplan 2025–2028 för Socialnämnden i Sala kommun"
    assert (meta.kommun_code, meta.organ, meta.doc_type) == ("1981", "Socialnämnden", "verksamhetsplan")


def test_plan_adopted_by_fullmaktige_belongs_to_the_board_named_on_it():
    lines = [("Biblioteksplan 2027–2030", 50.0), ("Alingsås kommun", 30.0), ("Beslutande instans: Kommunfullmäktige", 9.0), ("Gäller för: kultur- och utbildningsnämnden", 9.0)]
    meta = detect_metadata([page(1, lines)], "biblioteksplan.pdf")
    assert meta.organ == "Kultur- och utbildningsnämnden"
    only_kf = detect_metadata([page(1, lines[:3])], "biblioteksplan.pdf")
    assert only_kf.organ == "Kommunfullmäktige"
    assert (meta.period_start, meta.period_end) == (2027, 2030)


# --------------------------------------------------------------------------
# The real documents
# --------------------------------------------------------------------------


def _sources() -> list[dict]:
    with open(CORPUS_REAL / "SOURCES.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def expected_from_sources(row: dict) -> dict:
    """kommun, kommun_code, org_type, doc_type and period as SOURCES.tsv gives them."""
    by_name = {k.short_name: k for k in kommuner().values()}
    who = row["kommun"]
    expected: dict = {}
    if who in by_name:
        expected.update(org_type="kommun", kommun=who, kommun_code=by_name[who].code)
    elif "(region" in who:
        region = next(r for r in regioner().values() if who.startswith(r.name))
        expected.update(org_type="region", kommun=None, kommun_code=region.code)
    elif "kommunalförbund" in who:
        expected.update(org_type="kommunalforbund", kommun=None, kommun_code=None)
    # the catalogue's document type, read with the same vocabulary
    expected["doc_type"] = doc_type_of(re.split(r"[(/]", row["doctype"])[0])
    years = [int(y) for y in re.findall(r"\d{4}", row["year"].split("(")[0])]
    expected["period"] = (min(years), max(years)) if years else None
    return expected


@pytest.fixture(scope="module")
def real_layouts():
    if not (CORPUS_REAL / "SOURCES.tsv").is_file():
        pytest.skip("../shared/corpus-real is not available")
    layout = pytest.importorskip("planextract.layout")
    return {row["file"]: layout.read_layout(CORPUS_REAL / row["file"], ocr="auto") for row in _sources() if (CORPUS_REAL / row["file"]).is_file()}


def _real_rows():
    if not (CORPUS_REAL / "SOURCES.tsv").is_file():
        return []
    return _sources()


@pytest.mark.parametrize("row", _real_rows(), ids=lambda row: row["file"][:50])
def test_real_document_metadata(row, real_layouts):
    pages = real_layouts[row["file"]]
    meta = detect_metadata(pages, row["file"])
    expected = expected_from_sources(row)
    assert meta.org_type == expected["org_type"]
    assert (meta.kommun, meta.kommun_code) == (expected["kommun"], expected["kommun_code"])
    assert meta.doc_type == expected["doc_type"]
    assert (meta.period_start, meta.period_end) == expected["period"]


def _names_its_kommun(row: dict, pages) -> bool:
    name = row["kommun"]
    if name not in {k.short_name for k in kommuner().values()}:
        return False
    text = "\n".join(line.text for p in pages for line in p.lines + p.removed)
    return bool(re.search(rf"{re.escape(name)}s?\s+(kommun|stad)", text, re.IGNORECASE))


@pytest.mark.parametrize("row", _real_rows(), ids=lambda row: row["file"][:50])
def test_real_document_kommun_from_the_text_alone(row, real_layouts):
    """With a file name that says nothing, a document that names its kommun
    still gets it, and one that does not is never given a wrong one."""
    pages = real_layouts[row["file"]]
    meta = detect_metadata(pages, "document.pdf")
    expected = expected_from_sources(row)
    if _names_its_kommun(row, pages):
        assert (meta.kommun, meta.kommun_code) == (expected["kommun"], expected["kommun_code"])
    else:
        assert meta.kommun in (None, expected["kommun"])


@pytest.mark.parametrize(
    "text",
    ["Sala kommun", "Salas nämnder", "SALA", "Upplands Väsby", "Budget för Göteborgs Stad", "Ale:s plan", "Bo i Vara", "ſala", "Sala\u212a"],
)
def test_name_prefilter_never_hides_a_match(text):
    """The cheap test before the names pattern lets every line through that the pattern matches."""
    from planextract.metadata import _matchers, _may_name

    m = _matchers()
    assert m.name_words is not None
    if m.names.search(text):
        assert _may_name(text, m.name_words)


def test_name_prefilter_skips_lines_without_names():
    from planextract.metadata import _matchers, _may_name

    m = _matchers()
    assert not _may_name("Andelen elever som når målen ska öka", m.name_words)
    assert _may_name("Andelen elever i Sala ska öka", m.name_words)
