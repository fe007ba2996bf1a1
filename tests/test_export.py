"""``export``: every table and view to CSV, Excel and Parquet, compared with the database."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest
from click.testing import CliRunner

from planextract.check import open_readonly
from planextract.cli import cli
from planextract.export import ORDER, XLSX_MAX_CELL, export_db, exportable

from . import sample_db


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return sample_db.build(tmp_path_factory.mktemp("export"))


def read_back(path, fmt: str) -> pd.DataFrame:
    if fmt == "csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if fmt == "xlsx":
        return pd.read_excel(path, dtype=str, keep_default_na=False)
    return pd.read_parquet(path)


def as_text(value) -> str:
    """A cell as text the way CSV/Excel keep it: None as "", 70.0 as "70.0"."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return ""
    return str(value)


def test_exportable_lists_tables_and_views_without_fts(plans):
    assert exportable(open_readonly(plans)) == list(ORDER)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_export_round_trip(plans, tmp_path, fmt):
    written = export_db(open_readonly(plans), fmt, tmp_path / fmt)
    assert [w.name for w in written] == list(ORDER)
    assert sorted(p.name for p in (tmp_path / fmt).iterdir()) == sorted(f"{n}.{fmt}" for n in ORDER)
    conn = sqlite3.connect(plans)
    for item in written:
        cursor = conn.execute(f"SELECT * FROM [{item.name}]" + (" ORDER BY rowid" if item.name != "items" else ""))
        columns = [c[0] for c in cursor.description]
        expected = cursor.fetchall()
        frame = read_back(item.path, fmt)
        assert list(frame.columns) == columns, item.name
        assert item.rows == len(expected) == len(frame), item.name
        if fmt == "parquet":
            got = [tuple(None if pd.isna(v) else v for v in row) for row in frame.itertuples(index=False)]
            assert got == expected, item.name
        else:
            got = [tuple(row) for row in frame.itertuples(index=False)]
            want = [tuple(as_text(v) for v in row) for row in expected]
            if fmt == "xlsx":  # Excel keeps 70.0 as the number 70
                want = [tuple(v[:-2] if v.endswith(".0") else v for v in row) for row in want]
            assert got == want, item.name


def test_whole_numbers_stay_whole(plans, tmp_path):
    export_db(open_readonly(plans), "csv", tmp_path)
    targets = pd.read_csv(tmp_path / "targets.csv", dtype=str, keep_default_na=False)
    assert set(targets["target_year"]) == {"", "2026", "2024"}  # not 2026.0
    parquet = export_db(open_readonly(plans), "parquet", tmp_path / "pq")
    frame = pd.read_parquet(next(w.path for w in parquet if w.name == "targets"))
    assert str(frame["target_year"].dtype) == "Int64"


def test_swedish_text_survives(plans, tmp_path):
    for fmt in ("csv", "xlsx", "parquet"):
        export_db(open_readonly(plans), fmt, tmp_path / fmt)
        goals = read_back(tmp_path / fmt / f"goals.{fmt}", fmt)
        assert "Äldre ska få stöd att leva ett självständigt liv" in set(goals["text"])


def test_xlsx_cleans_what_excel_refuses(tmp_path):
    from planextract.store import open_db

    db = open_db(tmp_path / "odd.db")
    db["documents"].insert({"id": "d", "file": "d.pdf", "error": "x" * (XLSX_MAX_CELL + 10), "title": "Plan\x0bår 2025"})
    written = {w.name: w for w in export_db(db, "xlsx", tmp_path / "out")}
    docs = written["documents"]
    assert docs.notes == [f"1 cells longer than {XLSX_MAX_CELL:,} characters were cut (Excel's limit)"]
    frame = pd.read_excel(docs.path, dtype=str)
    assert frame.loc[0, "title"] == "Planår 2025"
    assert len(frame.loc[0, "error"]) == XLSX_MAX_CELL


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_export(plans, tmp_path, fmt):
    result = CliRunner().invoke(cli, ["export", "--db", str(plans), "--format", fmt, "--out", str(tmp_path / "x")])
    assert result.exit_code == 0, result.output
    assert f"goals.{fmt}  8 rows" in result.output
    assert f"canonical_indicators.{fmt}  1 row\n" in result.output


def test_cli_export_bad_out(plans, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(cli, ["export", "--db", str(plans), "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert f"Error: {blocker / 'sub'}: cannot create the folder" in result.output
