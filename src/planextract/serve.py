"""Serve a planextract database with Datasette: read-only, described, searchable.

The configuration is data: ``datasette/metadata.yml`` holds the titles,
the descriptions of every table and column, facets, sort orders and the
saved queries.  This module only fills in what depends on the run (the
database's name, where the PDFs are) and starts Datasette with the
database opened immutable (``-i``), so nothing can write to it.

:func:`build_datasette_metadata` and :func:`build_datasette_args` return
what is passed to Datasette; :func:`serve` runs it, with the plugin of
:mod:`planextract.datasette.plugin` registered (PDF route and links).
"""

from __future__ import annotations

import copy
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Iterable, Optional

import yaml

from .check import NotAPlanDatabase, open_readonly
from .errors import PlanExtractError

METADATA_FILE = Path(__file__).resolve().parent / "datasette" / "metadata.yml"
TEMPLATE_DATABASE = "plans"  # the database key used in metadata.yml
PLUGIN_NAME = "planextract"
SETTINGS = {
    "sql_time_limit_ms": 5000,
    "default_page_size": 50,
    "facet_time_limit_ms": 500,
    "max_returned_rows": 5000,
}


class DatabaseBusy(PlanExtractError):
    """The database has changes not yet folded into its main file (a writer is at work)."""


def database_name(db_path: str | Path) -> str:
    """The name Datasette gives a database file: its stem."""
    return Path(db_path).stem


def load_metadata() -> dict:
    """The committed Datasette metadata, as written."""
    with open(METADATA_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def build_datasette_metadata(db_path: str | Path, pdf_dirs: Iterable[str | Path] = ()) -> dict:
    """The metadata for serving ``db_path``: the committed file, keyed by the database's name.

    ``pdf_dirs`` are extra folders where the plugin looks for a PDF by name
    when it is no longer where it was ingested.
    """
    metadata = copy.deepcopy(load_metadata())
    databases = metadata.get("databases") or {}
    name = database_name(db_path)
    if TEMPLATE_DATABASE in databases and name != TEMPLATE_DATABASE:
        databases[name] = databases.pop(TEMPLATE_DATABASE)
    metadata["databases"] = databases
    metadata.setdefault("plugins", {})[PLUGIN_NAME] = {
        "database": name,
        "pdf_dirs": [str(Path(d).resolve()) for d in pdf_dirs],
    }
    return metadata


def build_datasette_args(
    db_path: str | Path,
    metadata_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
) -> list[str]:
    """Arguments of ``datasette serve`` for the database, immutable (``-i``)."""
    args = ["-i", str(Path(db_path).resolve()), "--metadata", str(metadata_path), "--host", host, "--port", str(port)]
    for key, value in SETTINGS.items():
        args += ["--setting", key, str(value)]
    return args


def fold_wal(db_path: str | Path) -> None:
    """Fold a pending write-ahead log into the database file.

    Datasette opens the file immutable and reads the main file only; rows
    still in ``-wal`` would be invisible.  A checkpoint changes no data.
    Raises :class:`DatabaseBusy` when a writer keeps the log from folding.
    """
    wal = Path(f"{db_path}-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return
    conn = sqlite3.connect(str(db_path))
    try:
        busy, log, done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError as exc:
        raise DatabaseBusy(f"{db_path}: cannot fold its write-ahead log ({exc})") from exc
    finally:
        conn.close()
    if busy or (log > 0 and done < log):
        raise DatabaseBusy(
            f"{db_path}: another process is writing to it (is an ingest running?); "
            "serve it when that has finished"
        )


def register_plugin() -> None:
    """Register the PDF plugin with Datasette's plugin manager (once)."""
    from datasette.plugins import pm

    from .datasette import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="planextract.datasette.plugin")


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    pdf_dirs: Optional[list[str]] = None,
) -> None:
    """Run Datasette on the database until interrupted."""
    from datasette.cli import serve as datasette_serve

    open_readonly(db_path).close()  # a clear error for a missing or foreign file
    fold_wal(db_path)
    dirs = list(pdf_dirs or [])
    metadata = build_datasette_metadata(db_path, dirs)
    register_plugin()
    with tempfile.TemporaryDirectory(prefix="planextract-serve-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8")
        args = build_datasette_args(db_path, metadata_path, host=host, port=port)
        datasette_serve.main(args=args, prog_name="datasette", standalone_mode=False)


__all__ = [
    "DatabaseBusy",
    "NotAPlanDatabase",
    "build_datasette_args",
    "build_datasette_metadata",
    "database_name",
    "fold_wal",
    "load_metadata",
    "serve",
]
