"""``check``: goals without follow-up, against SQL written independently."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from planextract.check import NotAPlanDatabase, check_goals, open_readonly
from planextract.cli import cli
from planextract.models import Activity, DocumentMeta, DocumentResult, Extraction, Goal, ParsedDocument
from planextract.store import open_db, write_document

from . import sample_db


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return sample_db.build(tmp_path_factory.mktemp("check"))


# The reference answer: goals whose subtree (the goal and all its subgoals,
# or the goal alone when `direct`) has no activity / indicator linked.
REFERENCE_SQL = """
WITH RECURSIVE tree(ancestor, goal) AS (
  SELECT id, id FROM goals
  UNION ALL
  SELECT tree.ancestor, g.id FROM goals g JOIN tree ON g.parent_id = tree.goal WHERE :direct = 0
),
acts AS (SELECT DISTINCT ancestor FROM tree JOIN activities a ON a.goal_id = tree.goal),
inds AS (SELECT DISTINCT ancestor FROM tree JOIN indicators i ON i.goal_id = tree.goal)
SELECT g.id FROM goals g
 WHERE (:need_act AND g.id NOT IN (SELECT ancestor FROM acts))
    OR (:need_ind AND g.id NOT IN (SELECT ancestor FROM inds))
"""


def reference(plans, require: str, direct: bool) -> set[str]:
    conn = sqlite3.connect(plans)
    params = {
        "direct": int(direct),
        "need_act": int(require in ("activity", "both")),
        "need_ind": int(require in ("indicator", "both")),
    }
    ids = {row[0] for row in conn.execute(REFERENCE_SQL, params)}
    conn.close()
    return ids


@pytest.mark.parametrize("require", ["activity", "indicator", "both"])
@pytest.mark.parametrize("direct", [False, True])
def test_gaps_equal_sql(plans, require, direct):
    result = check_goals(open_readonly(plans), require=require, through_subgoals=not direct)
    listed = [gap.goal_id for gap in result.gaps]
    assert len(listed) == len(set(listed))
    assert set(listed) == reference(plans, require, direct)
    assert listed  # the sample has gaps of every kind
    assert result.goals == 8
    assert result.followed_up == result.goals - len(listed)


def test_parent_followed_through_child(plans):
    """"Ett växande Sala" has no activity of its own; its child goal has one."""
    through = {g.text for g in check_goals(open_readonly(plans)).gaps}
    direct = {g.text for g in check_goals(open_readonly(plans), through_subgoals=False).gaps}
    assert "Ett växande Sala" not in through
    assert "Ett växande Sala" in direct
    assert direct - through == {"Ett växande Sala"}


def test_summary_per_document(plans):
    result = check_goals(open_readonly(plans))
    by_file = {d.file: d for d in result.documents}
    assert (by_file["sala-verksamhetsplan-2025.pdf"].goals, by_file["sala-verksamhetsplan-2025.pdf"].followed_up) == (5, 3)
    assert by_file["sala-verksamhetsplan-2025.pdf"].share == 0.6
    assert by_file["ostersund-namndplan-2024.pdf"].share == 0.5
    assert by_file["ale-mal-och-budget-2024.pdf"].share == 0.0
    assert by_file[sample_db.FAILED].goals == 0 and by_file[sample_db.FAILED].share is None
    assert by_file[sample_db.FAILED].status == "failed"


@pytest.mark.parametrize("kommun", ["Östersund", "östersund", "ÖSTERSUND"])
def test_kommun_filter_folds_case(plans, kommun):
    result = check_goals(open_readonly(plans), kommun=kommun)
    assert {d.kommun for d in result.documents} == {"Östersund"}
    assert [g.text for g in result.gaps] == ["Hållbar utveckling i hela Östersund"]


def test_document_filter_by_file_or_id(plans):
    db = open_readonly(plans)
    by_file = check_goals(db, document="sala-verksamhetsplan-2025.pdf")
    doc_id = sample_db.doc_id_of(plans, "sala-verksamhetsplan-2025.pdf")
    by_id = check_goals(db, document=doc_id)
    assert by_file.gaps == by_id.gaps
    assert {g.file for g in by_file.gaps} == {"sala-verksamhetsplan-2025.pdf"}
    assert [g.page for g in by_file.gaps] == [4, 5]


@pytest.mark.parametrize("require", ["activities"])
def test_bad_require(plans, require):
    with pytest.raises(ValueError, match="require must be one of activity, indicator, both"):
        check_goals(open_readonly(plans), require=require)


def test_open_readonly_refuses_foreign_file(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotAPlanDatabase, match="not a planextract database"):
        open_readonly(other)
    with pytest.raises(NotAPlanDatabase, match="no such database file"):
        open_readonly(tmp_path / "missing.db")


def test_open_readonly_does_not_write(plans):
    db = open_readonly(plans)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM goals")


# --------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(cli, ["check", *args])


def test_cli_table_lists_gaps_and_exits_1(plans):
    result = run("--db", str(plans))
    assert result.exit_code == 1, result.output
    assert "Goals without an activity linked to it or its subgoals: 4 of 8" in result.output
    assert "Nämndens mål är en ekonomi i balans" in result.output
    assert "sala-verksamhetsplan-2025.pdf  5      3            60%" in result.output
    assert "failed" in result.output


def test_cli_csv_equals_library(plans):
    result = run("--db", str(plans), "--format", "csv", "--require", "both")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.output)))
    expected = check_goals(open_readonly(plans), require="both").gaps
    assert [r["goal_id"] for r in rows] == [g.goal_id for g in expected]
    assert set(rows[0]) == {"kommun", "organisation", "file", "page", "level", "goal", "missing", "activities", "indicators", "goal_id", "document_id"}
    assert {r["goal_id"] for r in rows} == reference(plans, "both", False)


def test_cli_json(plans):
    result = run("--db", str(plans), "--format", "json", "--kommun", "sala", "--direct")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["through_subgoals"] is False
    assert [g["text"] for g in data["gaps"]] == [
        "Ett växande Sala",
        "Nämndens mål är en ekonomi i balans",
        "Äldre ska få stöd att leva ett självständigt liv",
    ]
    assert data["documents"][0]["share"] == 0.4


def test_cli_exit_0_when_every_goal_followed(tmp_path):
    pdf = tmp_path / "fullt.pdf"
    sample_db.tiny_pdf(pdf, 1, "Fullt")
    db = open_db(tmp_path / "full.db")
    extraction = Extraction(
        goals=[Goal(key=1, level="kf", text="Alla mål nås", page=1, bbox=None, source="heading"),
               Goal(key=2, level="namnd", text="Delmål", page=1, bbox=None, source="list", parent_key=1)],
        activities=[Activity(key=1, text="Gör det", page=1, bbox=None, source="list", goal_key=2)],
    )
    write_document(db, DocumentResult(path=str(pdf), sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(), status="ok",
                                      parsed=ParsedDocument(pages=1, meta=DocumentMeta(kommun="Vara")), extraction=extraction))
    db.close()
    result = run("--db", str(tmp_path / "full.db"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Every goal has an activity linked to it or its subgoals (2 goals).")
    assert run("--db", str(tmp_path / "full.db"), "--direct").exit_code == 1


def test_cli_unknown_kommun(plans):
    result = run("--db", str(plans), "--kommun", "Atlantis")
    assert result.exit_code == 1
    assert f"Error: {plans}: no document matches kommun 'Atlantis'" in result.output


def test_cli_foreign_database(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    result = run("--db", str(other))
    assert result.exit_code == 1
    assert "not a planextract database (no table goals, indicators, activities, documents)" in result.output


def test_cli_help_explains_subgoals():
    result = run("--help")
    assert result.exit_code == 0
    assert "subgoals" in result.output and "--direct" in result.output and "Example:" in result.output


def test_region_listed_and_filtered_by_its_name(tmp_path):
    """A region has no kommun: its gaps carry the organisation's name, and --kommun finds it by that name."""
    pdf = tmp_path / "region.pdf"
    sample_db.tiny_pdf(pdf, 1, "Region")
    db = open_db(tmp_path / "region.db")
    extraction = Extraction(goals=[Goal(key=1, level="namnd", text="Fler unga ska fullfölja gymnasiet", page=2, bbox=None, source="list")])
    meta = DocumentMeta(org_type="region", org_name="Region Gävleborg")
    write_document(db, DocumentResult(path=str(pdf), sha256=hashlib.sha256(pdf.read_bytes()).hexdigest(), status="ok",
                                      parsed=ParsedDocument(pages=1, meta=meta), extraction=extraction))
    db.close()
    result = check_goals(open_readonly(tmp_path / "region.db"), kommun="region gävleborg")
    assert [(g.kommun, g.organisation, g.text) for g in result.gaps] == [(None, "Region Gävleborg", "Fler unga ska fullfölja gymnasiet")]
    table = run("--db", str(tmp_path / "region.db")).output
    assert "ORGANISATION" in table and "Region Gävleborg  region.pdf  2" in table
