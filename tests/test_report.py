"""``report``: the HTML pages hold the database's goal trees, gaps marked, text escaped."""

from __future__ import annotations

import hashlib
import sqlite3
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner

from planextract.check import check_goals, open_readonly
from planextract.cli import cli
from planextract.models import Activity, DocumentMeta, DocumentResult, Extraction, Goal, ParsedDocument
from planextract.report import write_report
from planextract.store import open_db, write_document

from . import sample_db


class GoalTree(HTMLParser):
    """Each goal <li> of a page: its parent goal, CSS classes and its own text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list = []  # open <li>: goal id or None
        self.parent: dict = {}
        self.classes: dict = {}
        self.text: dict = {}
        self.links: list = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append(attrs.get("href"))
        if tag != "li":
            return
        if "goal" in (attrs.get("class") or "").split():
            goals = [g for g in self.stack if g]
            self.parent[attrs["id"]] = goals[-1] if goals else None
            self.classes[attrs["id"]] = set(attrs["class"].split())
            self.text[attrs["id"]] = ""
            self.stack.append(attrs["id"])
        else:
            self.stack.append(None)

    def handle_endtag(self, tag):
        if tag == "li":
            self.stack.pop()

    def handle_data(self, data):
        goals = [g for g in self.stack if g]
        if goals:
            self.text[goals[-1]] += data


def parse(path) -> GoalTree:
    tree = GoalTree()
    tree.feed(path.read_text(encoding="utf-8"))
    return tree


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    plans = sample_db.build(folder)
    index = write_report(open_readonly(plans), folder / "report")
    return plans, index


def test_files(built):
    plans, index = built
    out = index.parent
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.html", "coverage.png", "ale-mal-och-budget-2024.html", "ale-trasig.html",
         "ostersund-namndplan-2024.html", "sala-verksamhetsplan-2025.html"]
    )
    assert (out / "coverage.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    html = index.read_text(encoding="utf-8")
    assert '<img class="chart" src="coverage.png"' in html
    assert "4 documents, 8 goals, of which 4" in html
    assert set(parse(index).links) >= {"sala-verksamhetsplan-2025.html", "ale-trasig.html"}


@pytest.mark.parametrize("file", ["sala-verksamhetsplan-2025.pdf", "ostersund-namndplan-2024.pdf", "ale-mal-och-budget-2024.pdf"])
def test_tree_equals_database(built, file):
    plans, index = built
    page = parse(index.parent / file.replace(".pdf", ".html"))
    conn = sqlite3.connect(plans)
    doc_id = sample_db.doc_id_of(plans, file)
    goals = dict(conn.execute("SELECT id, parent_id FROM goals WHERE document_id = ?", [doc_id]).fetchall())
    assert page.parent == goals
    gaps = {g.goal_id for g in check_goals(open_readonly(plans), document=file).gaps}
    assert {gid for gid, classes in page.classes.items() if "gap" in classes} == gaps
    for table in ("indicators", "activities"):
        for goal_id, text in conn.execute(f"SELECT goal_id, text FROM {table} WHERE document_id = ? AND goal_id IS NOT NULL", [doc_id]):
            assert text in page.text[goal_id], (table, text)
    for goal_id, text in conn.execute("SELECT goal_id, text FROM targets WHERE document_id = ?", [doc_id]):
        assert f"Target: {text}" in page.text[goal_id]


def test_page_details(built):
    plans, index = built
    html = (index.parent / "sala-verksamhetsplan-2025.html").read_text(encoding="utf-8")
    assert "5 goals, 3 with an activity linked to them or to a subgoal (60%)" in html
    assert "Values: 2022: 61; 2023: 64" in html
    assert "increase &gt;= 70 % by 2026" in html
    assert 'href="../pdf/sala-verksamhetsplan-2025.pdf#page=4"' in html  # relative link to the PDF at its page
    ale = (index.parent / "ale-mal-och-budget-2024.html").read_text(encoding="utf-8")
    assert "Not linked to a goal" in ale and "Ny belysning i centrum" in ale
    # the classifier found it: the reader is told to check it
    assert "Ny belysning i centrum <span class=\"tag learned\"" in ale
    sala = (index.parent / "sala-verksamhetsplan-2025.html").read_text(encoding="utf-8")
    assert "tag learned" not in sala
    broken = (index.parent / "ale-trasig.html").read_text(encoding="utf-8")
    assert "This document could not be read (failed): ale-trasig.pdf: damaged PDF" in broken


def test_direct_counts_like_check(built, tmp_path):
    plans, _ = built
    index = write_report(open_readonly(plans), tmp_path, through_subgoals=False)
    page = parse(tmp_path / "sala-verksamhetsplan-2025.html")
    gaps = {g.goal_id for g in check_goals(open_readonly(plans), document="sala-verksamhetsplan-2025.pdf", through_subgoals=False).gaps}
    assert {gid for gid, c in page.classes.items() if "gap" in c} == gaps
    assert "or to a subgoal" not in index.read_text(encoding="utf-8")


def test_text_is_escaped(tmp_path):
    pdf = sample_db.tiny_pdf(tmp_path / "x.pdf", 1, "x")
    db = open_db(tmp_path / "evil.db")
    evil = '<script>alert("mål")</script> & <b>fet</b>'
    extraction = Extraction(
        goals=[Goal(key=1, level="kf", text=evil, page=1, bbox=None, source="heading")],
        activities=[Activity(key=1, text="<img src=x onerror=alert(1)>", page=1, bbox=None, source="list", goal_key=1)],
    )
    write_document(db, DocumentResult(path=str(pdf), sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(), status="ok",
                                      parsed=ParsedDocument(pages=1, meta=DocumentMeta(kommun="<i>Ort</i>", title="$x$ & <y>")),
                                      extraction=extraction))
    index = write_report(db, tmp_path / "out")
    html = (tmp_path / "out" / "x.html").read_text(encoding="utf-8") + index.read_text(encoding="utf-8")
    assert "<script>" not in html and "<img src=x" not in html and "<i>Ort</i>" not in html and "<y>" not in html
    assert "&lt;script&gt;alert(&#34;mål&#34;)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_cli_report(built, tmp_path):
    plans, _ = built
    result = CliRunner().invoke(cli, ["report", "--db", str(plans), "--out", str(tmp_path / "r")])
    assert result.exit_code == 0, result.output
    assert result.output == f"Wrote {tmp_path / 'r' / 'index.html'}\n"


def test_many_documents_get_a_histogram(built, tmp_path, monkeypatch):
    """Past MAX_BARS documents one bar each is unreadable: the chart becomes a histogram."""
    import matplotlib.image

    from planextract import report

    plans, _ = built
    bars = matplotlib.image.imread(built[1].parent / "coverage.png")
    monkeypatch.setattr(report, "MAX_BARS", 2)
    index = write_report(open_readonly(plans), tmp_path)
    histogram = matplotlib.image.imread(index.parent / "coverage.png")
    assert histogram.shape != bars.shape  # a fixed-height chart, not one bar a document
    assert histogram.shape[0] < 400
