"""Bad input at scale: the generated malformed corpus in one batch."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planextract.ingest import IngestOptions, ingest

from .conftest import REPO

CHILD_TABLES = ("sections", "blocks", "tables", "goals", "indicators", "targets", "indicator_values", "activities")


@pytest.mark.slow
def test_malformed_batch_records_every_file_and_leaves_nothing_partial(tmp_path):
    folder = tmp_path / "malformed"
    subprocess.run([sys.executable, str(REPO / "corpus" / "make_malformed.py"), str(folder)], check=True, capture_output=True)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] >= 50
    db_path = tmp_path / "malformed.db"
    summary = ingest([folder], db_path, IngestOptions(workers=2, timeout=120, ocr="never"))
    assert summary.total == manifest["count"]

    conn = sqlite3.connect(db_path)
    status = {file: (s, error) for file, s, error in conn.execute("SELECT file, status, error FROM documents")}
    duplicates = {Path(path).name for path, _ in summary.duplicates}
    assert set(status) | duplicates == {entry["file"] for entry in manifest["files"]}
    for entry in manifest["files"]:
        if entry["file"] in duplicates:
            continue
        state, error = status[entry["file"]]
        if entry["expect"] == "unreadable":
            assert state in ("failed", "no_text"), entry
        if state != "ok":
            # a clear reason that names the file and is not a bare traceback
            assert error.startswith(entry["file"] + ": "), error
            assert "unexpected error" not in error, error
    for table in CHILD_TABLES:
        orphans = conn.execute(
            f"SELECT count(*) FROM [{table}] WHERE document_id IN (SELECT id FROM documents WHERE status != 'ok')"
        ).fetchone()[0]
        assert orphans == 0, table
    conn.close()
