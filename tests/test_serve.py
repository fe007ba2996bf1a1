"""``serve``: a real Datasette server on a real database, queried over HTTP."""

from __future__ import annotations

import json
import shutil
import sqlite3
import urllib.parse
from pathlib import Path

import pytest

from planextract.check import check_goals, open_readonly
from planextract.datasette.plugin import locate_pdf
from planextract.serve import build_datasette_args, build_datasette_metadata, fold_wal, load_metadata
from planextract.store import FTS_TABLES, open_db

from . import sample_db
from .sample_db import Server


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return sample_db.build(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def server(plans):
    srv = Server(plans, plans.parent / "serve.log")
    yield srv
    srv.stop()


# --------------------------------------------------------------------------
# Metadata: as data, and describing the whole schema
# --------------------------------------------------------------------------


def test_metadata_describes_every_table_and_column(plans):
    """Fails when the schema gains a table or column the metadata does not describe."""
    tables = load_metadata()["databases"]["plans"]["tables"]
    conn = sqlite3.connect(plans)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        if not any(r[0].startswith(f"{fts}_fts") for fts in FTS_TABLES) and not r[0].startswith("sqlite_")
    ]
    assert set(names) == set(tables)
    for name in names:
        assert tables[name].get("description"), name
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{name}])")]
        described = tables[name].get("columns") or {}
        assert set(columns) == set(described), name
        assert all(isinstance(text, str) and text.strip() for text in described.values()), name
        for facet in tables[name].get("facets", []):
            assert facet in columns, (name, facet)


def test_metadata_named_after_database(plans, tmp_path):
    other = tmp_path / "kommunplaner.db"
    metadata = build_datasette_metadata(other, [tmp_path])
    assert set(metadata["databases"]) == {"kommunplaner"}
    assert metadata["plugins"]["planextract"] == {"database": "kommunplaner", "pdf_dirs": [str(tmp_path.resolve())]}
    assert "queries" in metadata["databases"]["kommunplaner"]
    assert load_metadata()["databases"].keys() == {"plans"}  # the committed file is untouched


def test_args_are_immutable(plans, tmp_path):
    args = build_datasette_args(plans, tmp_path / "m.json", port=9999)
    assert args[:2] == ["-i", str(plans.resolve())]
    assert args.count(str(plans.resolve())) == 1  # never also opened mutable
    assert args[args.index("--host") + 1] == "127.0.0.1"
    assert args[args.index("--port") + 1] == "9999"


# --------------------------------------------------------------------------
# The running server
# --------------------------------------------------------------------------


def test_server_is_read_only_with_metadata(server):
    databases = server.json("/-/databases.json")
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("plans", False)]
    metadata = json.loads(server.get("/-/metadata.json")[2])
    assert metadata["title"] == "Goals, indicators and activities in municipal plans"
    status, _, html = server.get("/plans/goals")
    page = html.decode()
    assert status == 200
    assert "Goals (mål) at every level" in page
    assert "Who set the goal: kf (kommunfullmäktige)" in page  # a column description


def test_goals_without_activity_equals_check(server, plans):
    rows = server.json("/plans/goals_without_activity.json")
    expected = check_goals(open_readonly(plans)).gaps
    assert [(r["file"], r["page"], r["goal"]) for r in rows] == [(g.file, g.page, g.text) for g in expected]
    sala = server.json("/plans/goals_without_activity.json", kommun="Sala")
    assert [r["goal"] for r in sala] == ["Nämndens mål är en ekonomi i balans", "Äldre ska få stöd att leva ett självständigt liv"]


@pytest.mark.parametrize(
    "q, expected",
    [
        ("mål", [("goal", "Nämndens mål är en ekonomi i balans")]),
        ("mal", [("goal", "Stadsarkivets samlingar ska skyddas mot mal och fukt"),
                 ("activity", "Inventera och frysa angripna volymer")]),  # "Mal" in its detail
        ("trygga närområde", [("goal", "Fler invånare ska känna sig trygga i sitt närområde"),
                              ("indicator", sample_db.SAFETY), ("indicator", sample_db.SAFETY)]),
        ("trygg", [("goal", "Fler invånare ska känna sig trygga i sitt närområde"),
                   ("goal", "Trygg och säker kommun"),
                   ("activity", "Trygghetsvandringar i alla kommundelar"),
                   ("indicator", sample_db.SAFETY), ("indicator", sample_db.SAFETY)]),  # words match at their start
        ("Sjukfrånvaro", [("indicator", "Sjukfrånvaro bland medarbetare"), ("goal", "Sjukfrånvaron ska minska")]),
        ('"ekonomi', [("goal", "Nämndens mål är en ekonomi i balans")]),  # a stray quote is no error
        ("", []),
    ],
)
def test_search_items_keeps_a_ring_apart(server, q, expected):
    rows = server.json("/plans/search_items.json", q=q)
    assert sorted((r["kind"], r["text"]) for r in rows) == sorted(expected)


@pytest.mark.parametrize("q, text", [("mål", "Nämndens mål är en ekonomi i balans"), ("mal", "Stadsarkivets samlingar ska skyddas mot mal och fukt")])
def test_table_search_keeps_a_ring_apart(server, q, text):
    rows = server.json("/plans/goals.json", _search=q)
    assert [r["text"] for r in rows] == [text]


@pytest.mark.parametrize("indicator", ["U07402", "u07402", "c1", "trygga i sitt"])
def test_compare_indicator(server, indicator):
    rows = server.json("/plans/compare_indicator.json", indicator=indicator)
    assert [(r["kommun"], r["period"], r["value"]) for r in rows] == [
        ("Ale", "2023", 55.0), ("Ale", "2024", 58.0), ("Sala", "2022", 61.0), ("Sala", "2023", 64.0),
    ]
    assert rows[2]["targets"] == "ska öka från 60 % (2022) till minst 70 % 2026"


def test_compare_indicator_empty_lists_nothing(server):
    assert server.json("/plans/compare_indicator.json", indicator="") == []


def test_document_overview_matches_check(server, plans):
    rows = {r["file"]: r for r in server.json("/plans/document_overview.json")}
    for doc in check_goals(open_readonly(plans)).documents:
        row = rows[doc.file]
        assert (row["goals"], row["goals_with_activity"]) == (doc.goals, doc.followed_up)
    sala = rows["sala-verksamhetsplan-2025.pdf"]
    assert sala["percent_followed_up"] == 60.0
    assert sala["period"] == "2025–2028"
    assert (sala["indicators"], sala["targets"], sala["activities"]) == (2, 3, 2)
    assert rows["ale-mal-och-budget-2024.pdf"]["activities_without_goal"] == 1
    assert rows[sample_db.FAILED]["status"] == "failed"


def test_pdf_link_serves_the_pdf(server, plans):
    row = server.json("/plans/goals_without_activity.json", kommun="Sala")[0]
    assert row["pdf"].endswith("/sala-verksamhetsplan-2025.pdf#page=4")
    path = row["pdf"].split("#")[0]
    status, content_type, body = server.get(urllib.parse.quote(path))
    assert status == 200 and content_type == "application/pdf"
    assert body == (plans.parent / "pdf" / "sala-verksamhetsplan-2025.pdf").read_bytes()
    assert body.startswith(b"%PDF")
    # by id alone, and by a unique file name
    assert server.get(path.rsplit("/", 1)[0])[2] == body
    assert server.get("/pdf/sala-verksamhetsplan-2025.pdf")[2] == body


@pytest.mark.parametrize("path", ["/pdf/0000000000000000", "/pdf/nothing.pdf", "/pdf/../plans.db"])
def test_pdf_route_serves_only_documents(server, path):
    assert server.get(path)[0] == 404


def test_pages_render_as_pdf_links(server, plans):
    doc_id = sample_db.doc_id_of(plans, "sala-verksamhetsplan-2025.pdf")
    page = server.get("/plans/goals", _sort="page")[2].decode()
    assert f'<a href="/pdf/{doc_id}#page=3" title="Open the PDF at this page">3</a>' in page
    query = server.get("/plans/goals_without_activity", kommun="Sala")[2].decode()
    assert f'<a href="/pdf/{doc_id}/sala-verksamhetsplan-2025.pdf#page=4" title="Open the PDF at this page">PDF p. 4</a>' in query


# --------------------------------------------------------------------------
# Library pieces without a server
# --------------------------------------------------------------------------


def test_locate_pdf_after_move(plans, tmp_path):
    query = "SELECT file, path, sha256 FROM documents WHERE file = 'ostersund-namndplan-2024.pdf'"
    row = next(open_readonly(plans).query(query))
    assert locate_pdf(row, []) == Path(row["path"])
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(row["path"], moved / row["file"])
    gone = {**row, "path": str(tmp_path / "gone" / row["file"])}
    assert locate_pdf(gone, []) is None
    assert locate_pdf(gone, [str(moved)]) == moved / row["file"]
    (moved / row["file"]).write_bytes(b"%PDF-1.4 another plan")
    assert locate_pdf(gone, [str(moved)]) is None  # same name, different file


def test_fold_wal(tmp_path):
    db = open_db(tmp_path / "wal.db")
    db["documents"].insert({"id": "x", "file": "x.pdf"})
    assert (tmp_path / "wal.db-wal").stat().st_size > 0
    fold_wal(tmp_path / "wal.db")
    assert (tmp_path / "wal.db-wal").stat().st_size == 0
    immutable = sqlite3.connect(f"{(tmp_path / 'wal.db').as_uri()}?immutable=1", uri=True)
    assert immutable.execute("SELECT file FROM documents").fetchall() == [("x.pdf",)]
    db.close()


def test_items_to_review_lists_what_the_classifier_found(server):
    rows = server.json("/plans/items_to_review.json")
    assert [(r["kind"], r["kommun"], r["text"]) for r in rows] == [("activity", "Ale", "Ny belysning i centrum")]
    assert rows[0]["pdf"].endswith("#page=2")
    assert server.json("/plans/items_to_review.json", kommun="Sala") == []
