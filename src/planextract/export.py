"""Export every table and view of a planextract database: CSV, Excel or Parquet.

One file a table or view (``goals.csv``, ``items.xlsx``, ...).  Column
types follow the schema (a whole-number column with gaps stays whole, not
float).  Full-text index tables are left out: they only repeat text.
CSV and Parquet are written in chunks, so a large ``blocks`` table never
has to fit in memory at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pandas as pd
import sqlite_utils

from .errors import PlanExtractError
from .store import INSERT_ORDER

FORMATS = ("csv", "xlsx", "parquet")
# Tables first in the order a reader meets them (a document's, then the
# tables built across documents), then the views.
ORDER = (*INSERT_ORDER, "canonical_indicators", "items", "goal_overview")
CHUNK_ROWS = 50_000
XLSX_MAX_ROWS = 1_048_575  # a sheet's rows, less the header
XLSX_MAX_CELL = 32_767  # characters Excel keeps in one cell


class ExportError(PlanExtractError):
    """An export could not be written; the message names the file and why."""


@dataclass
class Exported:
    """One file written."""

    name: str
    path: Path
    rows: int
    notes: list[str] = field(default_factory=list)


def exportable(db: sqlite_utils.Database) -> list[str]:
    """The tables and views to export, in :data:`ORDER` then by name."""
    rows = list(db.query("SELECT name, type, sql FROM sqlite_master WHERE type IN ('table', 'view')"))
    virtual = [r["name"] for r in rows if (r["sql"] or "").upper().startswith("CREATE VIRTUAL TABLE")]
    names = [
        r["name"]
        for r in rows
        if not r["name"].startswith("sqlite_")
        and r["name"] not in virtual
        and not any(r["name"].startswith(v + "_") for v in virtual)
    ]
    known = [n for n in ORDER if n in names]
    return known + sorted(n for n in names if n not in ORDER)


def _dtypes(db: sqlite_utils.Database, name: str) -> dict[str, str]:
    """pandas dtypes from the declared column types (nullable, so gaps stay gaps)."""
    out = {}
    for row in db.execute(f"PRAGMA table_info([{name}])").fetchall():
        declared = (row[2] or "").upper()
        if "INT" in declared:
            out[row[1]] = "Int64"
        elif any(word in declared for word in ("REAL", "FLOA", "DOUB")):
            out[row[1]] = "Float64"
        elif "TEXT" in declared or "CHAR" in declared:
            out[row[1]] = "string"
    return out


def read_chunks(db: sqlite_utils.Database, name: str, chunk_rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
    """The rows of a table or view as typed data frames of at most ``chunk_rows`` rows."""
    dtypes = _dtypes(db, name)
    columns = [row[1] for row in db.execute(f"PRAGMA table_info([{name}])").fetchall()]
    order = " ORDER BY rowid" if name in db.table_names() else ""  # views keep their own order
    cursor = db.execute(f"SELECT * FROM [{name}]{order}")
    first = True
    while True:
        rows = cursor.fetchmany(chunk_rows)
        if not rows and not first:
            return
        frame = pd.DataFrame.from_records(rows, columns=columns)
        for column, dtype in dtypes.items():
            frame[column] = frame[column].astype(dtype)
        yield frame
        first = False
        if len(rows) < chunk_rows:
            return


def _write_csv(db, name: str, path: Path) -> Exported:
    rows = 0
    for n, frame in enumerate(read_chunks(db, name)):
        frame.to_csv(path, mode="w" if n == 0 else "a", header=n == 0, index=False, encoding="utf-8")
        rows += len(frame)
    return Exported(name, path, rows)


def _write_parquet(db, name: str, path: Path) -> Exported:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows, writer = 0, None
    try:
        for frame in read_chunks(db, name):
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema)
            writer.write_table(table.cast(writer.schema))
            rows += len(frame)
    finally:
        if writer is not None:
            writer.close()
    return Exported(name, path, rows)


def _excel_safe(frame: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Remove characters Excel refuses and cut over-long cells; returns the count cut."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cut = 0
    for column in frame.columns:
        if frame[column].dtype == "string" or frame[column].dtype == object:
            series = frame[column].astype("string").str.replace(ILLEGAL_CHARACTERS_RE, "", regex=True)
            too_long = series.str.len() > XLSX_MAX_CELL
            cut += int(too_long.fillna(False).sum())
            frame[column] = series.where(~too_long.fillna(False), series.str.slice(0, XLSX_MAX_CELL))
    return frame, cut


def _write_xlsx(db, name: str, path: Path) -> Exported:
    frame = pd.concat(list(read_chunks(db, name)), ignore_index=True)
    frame, cut = _excel_safe(frame)
    notes = []
    if cut:
        notes.append(f"{cut} cells longer than {XLSX_MAX_CELL:,} characters were cut (Excel's limit)")
    sheets = max(1, -(-len(frame) // XLSX_MAX_ROWS))
    if sheets > 1:
        notes.append(f"{len(frame):,} rows split over {sheets} sheets (Excel's limit is {XLSX_MAX_ROWS:,} a sheet)")
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for n in range(sheets):
            part = frame.iloc[n * XLSX_MAX_ROWS : (n + 1) * XLSX_MAX_ROWS]
            sheet = name[:31] if sheets == 1 else f"{name[:27]}_{n + 1}"
            part.to_excel(writer, sheet_name=sheet, index=False)
    return Exported(name, path, len(frame), notes)


WRITERS = {"csv": _write_csv, "xlsx": _write_xlsx, "parquet": _write_parquet}


def export_db(db: sqlite_utils.Database, fmt: str, out_dir: str | Path) -> list[Exported]:
    """Write each table and view of ``db`` to ``out_dir/<name>.<fmt>``; returns what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{out}: cannot create the folder ({exc.strerror})") from exc
    written = []
    for name in exportable(db):
        path = out / f"{name}.{fmt}"
        try:
            written.append(WRITERS[fmt](db, name, path))
        except OSError as exc:
            raise ExportError(f"{path}: cannot write it ({exc.strerror or exc})") from exc
    return written
