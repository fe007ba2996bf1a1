"""Canonical indicators across documents, the Kolada link, and ``planextract compare``."""

from __future__ import annotations

import random

import pytest
from click.testing import CliRunner

from planextract import store
from planextract.canonical import (
    canonical_id,
    compare,
    find_canonical,
    group_keys,
    kolada_kpis,
    match_kolada,
    matching_keys,
    refresh_canonical,
)
from planextract.cli import cli
from planextract.models import (
    DocumentMeta,
    DocumentResult,
    Extraction,
    Indicator,
    IndicatorValue,
    ParsedDocument,
    Target,
)


def document(sha: str, file: str, meta: DocumentMeta, indicators: list[Indicator]) -> DocumentResult:
    parsed = ParsedDocument(pages=10, meta=meta)
    return DocumentResult(f"plans/{file}", sha * 32, "ok", parsed=parsed, extraction=Extraction(indicators=indicators))


def ind(key: int, text: str, *, targets=(), values=(), kolada=None, measure=None) -> Indicator:
    return Indicator(key, text, 3, (50, 100, 500, 112), "table", kolada_kpi=kolada, measure=measure, targets=list(targets), values=list(values))


SALA = document(
    "a1",
    "sala-verksamhetsplan-2025.pdf",
    DocumentMeta(kommun="Sala", kommun_code="1981", org_type="kommun", doc_type="verksamhetsplan", period_start=2025, period_end=2028),
    [
        ind(0, "Sjukfrånvaron ska minska inom alla verksamheter",
            targets=[Target("ska minska", "decrease")],
            values=[IndicatorValue("2022", 8.1, "8,1 %"), IndicatorValue("2023", 7.5, "7,5 %")]),
        ind(1, "Andelen elever i åk 9 som är behöriga till yrkesprogram",
            targets=[Target("minst 85 %", "reach", ">=", 85.0, "%", 2026)]),
        ind(2, "Antal hemlösa per 10 000 invånare ska minska"),
        ind(3, "2023", values=[IndicatorValue("2023", 4.0, "4")]),
    ],
)
GOTENE = document(
    "b2",
    "gotene-socialpolitiskt-program.pdf",
    DocumentMeta(kommun="Götene", kommun_code="1471", org_type="kommun", doc_type="program", period_start=2019, period_end=2024),
    [
        ind(0, "Minska sjukfrånvaron med 1 %-enhet",
            targets=[Target("med 1 %-enhet", "decrease", "=", 1.0, "procentenheter", 2025)],
            values=[IndicatorValue("2023", 9.0, "9,0 %")]),
        ind(1, "Andel behöriga elever till yrkesprogram ska öka",
            targets=[Target("ska öka", "increase")]),
        ind(2, "Andel personer som någon gång under året erhållit ekonomiskt bistånd (N31848)"),
    ],
)
VGR = document(
    "c3",
    "vgr-budget-2026.pdf",
    DocumentMeta(kommun=None, kommun_code="14", org_type="region", doc_type="budget", period_start=2026, period_end=2026),
    [
        ind(0, "Sjukfrånvaron ska sänkas", targets=[Target("högst 6 %", "reach", "<=", 6.0, "%", 2026)]),
        ind(1, "Biståndsmottagare, andel av befolkningen", kolada="N31848"),
    ],
)


@pytest.fixture
def plans_db(db_path):
    database = store.open_db(db_path)
    for result in (SALA, GOTENE, VGR):
        store.write_document(database, result)
    refresh_canonical(database)
    yield database
    database.close()


def canonical_of(db, file: str, key: int) -> str | None:
    doc = store.document_id(next(r for r in (SALA, GOTENE, VGR) if r.path.endswith(file)).sha256)
    return db.execute("SELECT canonical_id FROM indicators WHERE id = ?", [f"{doc}:i{key}"]).fetchone()[0]


def canonical_rows(db) -> list[dict]:
    return list(db.query("SELECT * FROM canonical_indicators ORDER BY id"))


# --------------------------------------------------------------------------
# Normalised wording and grouping
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Sjukfrånvaron ska minska inom alla verksamheter", "Minska sjukfrånvaron med 1 %-enhet"),
        ("Andelen elever i åk 9 som är behöriga till yrkesprogram", "Andel behöriga elever till yrkesprogram ska öka"),
        ("Andelen ekologiska livsmedel ska öka till minst 40 % 2026", "Andel ekologiska livsmedel"),
    ],
)
def test_different_wordings_of_one_indicator_group_together(a, b):
    keys = matching_keys([a, b])
    leaders = group_keys(keys)
    assert leaders[keys[0]] == leaders[keys[1]]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Andel elever behöriga till yrkesprogram", "Antal elever behöriga till yrkesprogram"),
        ("Sjukfrånvaron ska minska", "Personalomsättningen ska minska"),
        ("Kostnad per elev i grundskolan", "Kostnad per elev i gymnasieskolan"),
    ],
)
def test_different_indicators_stay_apart(a, b):
    keys = matching_keys([a, b])
    leaders = group_keys(keys)
    assert leaders[keys[0]] != leaders[keys[1]]


def test_grouping_does_not_depend_on_row_order():
    texts = [
        "Sjukfrånvaron ska minska", "Minska sjukfrånvaron", "Sjukfrånvaro totalt",
        "Andel behöriga elever till yrkesprogram", "Andelen elever behöriga till yrkesprogram",
        "Antal hemlösa", "Kostnad per elev", "Andel ekologiska livsmedel",
    ]
    keys = matching_keys(texts)
    first = group_keys(keys)
    shuffled = keys[:]
    random.Random(7).shuffle(shuffled)
    assert group_keys(shuffled) == first


def test_numbers_and_years_only_give_an_empty_key():
    assert matching_keys(["2023", "12,5 %", "2024–2026"]) == ["", "", ""]


# --------------------------------------------------------------------------
# refresh_canonical on a real database
# --------------------------------------------------------------------------


def test_refresh_groups_indicators_across_kommuner(plans_db):
    sick = {canonical_of(plans_db, f, k) for f, k in (("sala-verksamhetsplan-2025.pdf", 0), ("gotene-socialpolitiskt-program.pdf", 0), ("vgr-budget-2026.pdf", 0))}
    assert len(sick) == 1 and None not in sick
    row = plans_db["canonical_indicators"].get(sick.pop())
    assert (row["n_documents"], row["n_kommuner"]) == (3, 3)
    school = {canonical_of(plans_db, "sala-verksamhetsplan-2025.pdf", 1), canonical_of(plans_db, "gotene-socialpolitiskt-program.pdf", 1)}
    assert len(school) == 1
    assert canonical_of(plans_db, "sala-verksamhetsplan-2025.pdf", 2) not in sick | school


def test_text_of_numbers_only_gets_no_canonical(plans_db):
    assert canonical_of(plans_db, "sala-verksamhetsplan-2025.pdf", 3) is None


def test_kolada_link_by_printed_id(plans_db):
    cid = canonical_of(plans_db, "gotene-socialpolitiskt-program.pdf", 2)
    row = plans_db["canonical_indicators"].get(cid)
    assert (row["kolada_kpi"], row["kolada_method"], row["kolada_score"]) == ("N31848", "id", 100.0)
    assert row["kolada_title"] == kolada_kpis()["N31848"].title
    vgr = plans_db["canonical_indicators"].get(canonical_of(plans_db, "vgr-budget-2026.pdf", 1))
    assert (vgr["kolada_kpi"], vgr["kolada_method"]) == ("N31848", "id")


def test_kolada_link_by_wording_above_the_threshold(plans_db):
    row = plans_db["canonical_indicators"].get(canonical_of(plans_db, "sala-verksamhetsplan-2025.pdf", 1))
    assert (row["kolada_kpi"], row["kolada_method"]) == ("N15428", "fuzzy")
    assert row["kolada_score"] >= 80
    homeless = plans_db["canonical_indicators"].get(canonical_of(plans_db, "sala-verksamhetsplan-2025.pdf", 2))
    assert homeless["kolada_kpi"] is None and homeless["kolada_method"] is None


def test_refresh_is_idempotent(plans_db):
    before = canonical_rows(plans_db)
    links = list(plans_db.query("SELECT id, canonical_id FROM indicators ORDER BY id"))
    summary = refresh_canonical(plans_db)
    assert canonical_rows(plans_db) == before
    assert list(plans_db.query("SELECT id, canonical_id FROM indicators ORDER BY id")) == links
    assert summary.canonical == len(before)
    assert summary.shared == sum(1 for row in before if row["n_documents"] > 1)


def test_refresh_follows_a_rewritten_document(plans_db):
    store.write_document(plans_db, document("c3", "vgr-budget-2026.pdf", VGR.parsed.meta, [ind(0, "Personalomsättningen ska minska")]))
    refresh_canonical(plans_db)
    sick = plans_db["canonical_indicators"].get(canonical_of(plans_db, "sala-verksamhetsplan-2025.pdf", 0))
    assert sick["n_documents"] == 2
    assert plans_db.execute("SELECT count(*) FROM indicators WHERE canonical_id NOT IN (SELECT id FROM canonical_indicators)").fetchone()[0] == 0


def test_canonical_id_is_stable():
    assert canonical_id("sjukfrånvaro") == canonical_id("sjukfrånvaro") != canonical_id("personalomsättning")


def test_match_kolada_respects_the_threshold():
    key = matching_keys(["Andelen elever i åk 9 som är behöriga till yrkesprogram"], kolada=True)[0]
    assert match_kolada(key)[0] == "N15428"
    assert match_kolada("sjukfrånvaro", threshold=99) is None
    assert match_kolada("") is None


# --------------------------------------------------------------------------
# compare
# --------------------------------------------------------------------------


def test_find_canonical_by_word_and_by_kpi_id(plans_db):
    found = find_canonical(plans_db, "sjukfrånvaro")
    assert found[0]["n_documents"] == 3
    assert find_canonical(plans_db, "N31848")[0]["kolada_kpi"] == "N31848"
    assert find_canonical(plans_db, "vindkraft") == []


def test_compare_lists_targets_and_values_across_kommuner(plans_db):
    targets, values = compare(plans_db, "sjukfrånvaro", limit=1)
    assert sorted(targets["kommun"]) == ["Götene", "Sala", "Västra Götalandsregionen"]
    gotene = targets[targets["kommun"] == "Götene"].iloc[0]
    assert (gotene["direction"], gotene["target"], gotene["target_year"], gotene["period"]) == ("decrease", "= 1 procentenheter", "2025", "2019–2024")
    vgr = targets[targets["kommun"] == "Västra Götalandsregionen"].iloc[0]
    assert vgr["target"] == "<= 6 %"
    assert list(values.columns) == ["indicator", "kommun", "document", "2022", "2023"]
    sala = values[values["kommun"] == "Sala"].iloc[0]
    assert (sala["2022"], sala["2023"]) == (8.1, 7.5)


def test_cli_compare_prints_a_table(plans_db, db_path):
    result = CliRunner().invoke(cli, ["compare", "--db", str(db_path), "sjukfrånvaro"])
    assert result.exit_code == 0, result.output
    assert "Götene" in result.output and "Sala" in result.output
    assert "Values by period:" in result.output


@pytest.mark.parametrize("output_format, marker", [("csv", "indicator,kolada,kommun"), ("json", '"kommun":')])
def test_cli_compare_formats(plans_db, db_path, output_format, marker):
    result = CliRunner().invoke(cli, ["compare", "--db", str(db_path), "yrkesprogram", "--format", output_format])
    assert result.exit_code == 0, result.output
    assert marker in result.output


def test_cli_compare_without_match_exits_1(plans_db, db_path):
    result = CliRunner().invoke(cli, ["compare", "--db", str(db_path), "vindkraft"])
    assert result.exit_code == 1
    assert "No indicator matches 'vindkraft'." in result.output


def test_cli_compare_has_help_with_example():
    result = CliRunner().invoke(cli, ["compare", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "planextract compare --db plans.db" in result.output
