"""The store: schema, stable ids, one transaction a document."""

from __future__ import annotations

import sqlite3

import pytest

from planextract import store
from planextract.models import (
    Activity,
    Block,
    DocumentMeta,
    DocumentResult,
    Extraction,
    Goal,
    Indicator,
    IndicatorValue,
    ParsedDocument,
    Section,
    Table,
    Target,
)

SHA = "ab" * 32


def make_result(sha: str = SHA, goals: int = 2) -> DocumentResult:
    parsed = ParsedDocument(
        pages=3,
        sections=[
            Section(0, None, 1, "1", "Mål och indikatorer", 1, (50, 60, 300, 75)),
            Section(1, 0, 2, "1.1", "Nämndens mål", 2, (50, 60, 300, 75)),
        ],
        blocks=[Block("list_item", "Fler elever når målen", 2, (60, 80, 400, 92), 1, "•")],
        tables=[Table(2, 3, (50, 100, 550, 700), ["Mål", "Aktivitet"], [["A", "B"]], 1)],
        meta=DocumentMeta(kommun="Sala", kommun_code="1981", doc_type="verksamhetsplan", period_start=2025, period_end=2028),
    )
    extraction = Extraction(
        goals=[Goal(k, "namnd", f"Mål nummer {k} ska nås", 2, (1, 2, 3, 4), "heading", parent_key=0 if k else None) for k in range(goals)],
        indicators=[
            Indicator(
                0,
                "Andelen nöjda brukare",
                2,
                None,
                "table",
                goal_key=0,
                kolada_kpi="U31804",
                targets=[Target("ska öka till minst 70 %", "increase", ">=", 70.0, "%", 2023, 60.0, 2022)],
                values=[IndicatorValue("2022", 60.0, "60 %")],
            )
        ],
        activities=[Activity(0, "Införa digitala verktyg", 3, None, "table", goal_key=1, responsible="Enhetschef")],
    )
    return DocumentResult("plans/sala.pdf", sha, "ok", parsed=parsed, extraction=extraction)


def counts(db) -> dict:
    return {name: db[name].count for name in store.INSERT_ORDER}


def test_schema_version_and_wal(db, db_path):
    assert store.schema_version(db) == store.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for name in store.INSERT_ORDER + ("canonical_indicators",):
        assert db[name].exists(), name
    assert "items" in db.view_names()


def test_write_document_round_trip(db):
    doc_id = store.write_document(db, make_result())
    assert doc_id == SHA[:16]
    doc = db["documents"].get(doc_id)
    assert (doc["file"], doc["kommun_code"], doc["status"], doc["pages"]) == ("sala.pdf", "1981", "ok", 3)
    assert counts(db) == {
        "documents": 1, "sections": 2, "blocks": 1, "tables": 1, "goals": 2,
        "indicators": 1, "targets": 1, "indicator_values": 1, "activities": 1,
    }
    target = next(db["targets"].rows)
    assert (target["direction"], target["target_op"], target["target_value"], target["goal_id"]) == ("increase", ">=", 70.0, f"{doc_id}:g0")
    kinds = sorted(row["kind"] for row in db.query("SELECT kind FROM items"))
    assert kinds == ["activity", "goal", "goal", "indicator", "target"]


def test_rewrite_does_not_duplicate(db):
    store.write_document(db, make_result())
    before = counts(db)
    store.write_document(db, make_result())
    assert counts(db) == before


def test_failed_write_leaves_previous_state(db, monkeypatch):
    store.write_document(db, make_result(goals=2))
    before = counts(db)
    broken = make_result(goals=5)
    broken.extraction.activities[0].text = None  # fine for SQLite...
    original = store.document_rows

    def rows_with_bad_column(result):
        rows = original(result)
        rows["activities"][0]["no_such_column"] = 1  # ...but this fails mid-write
        return rows

    monkeypatch.setattr(store, "document_rows", rows_with_bad_column)
    with pytest.raises(sqlite3.OperationalError):
        store.write_document(db, broken)
    assert counts(db) == before


def test_failure_row_only(db):
    store.write_failure(db, "x/broken.pdf", "cd" * 32, "failed", "broken.pdf: truncated")
    assert counts(db)["documents"] == 1
    row = db["documents"].get(("cd" * 32)[:16])
    assert (row["status"], row["error"], row["file"]) == ("failed", "broken.pdf: truncated", "broken.pdf")


@pytest.mark.parametrize("query,expected", [("mål", 2), ("mal", 0), ("Mål", 2)])
def test_fts_keeps_swedish_letters(db, query, expected):
    store.write_document(db, make_result())
    found = db["goals"].search(query)
    assert len(list(found)) == expected


def test_circular_goal_links_are_dropped(db):
    result = make_result(goals=2)
    result.extraction.goals[0].parent_key = 1
    result.extraction.goals[1].parent_key = 0
    store.write_document(db, result)
    parents = [row["parent_id"] for row in db.query("SELECT parent_id FROM goals ORDER BY id")]
    assert parents.count(None) >= 1


def test_newer_schema_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer than this planextract"):
        store.open_db(db_path)
