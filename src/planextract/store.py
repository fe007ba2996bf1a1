"""The SQLite database: schema, migrations and writing one document at a time.

One transaction a document: :func:`write_document` replaces everything a
document had with what its :class:`~planextract.models.DocumentResult`
holds, or leaves the database as it was.  Ids are stable strings derived
from the document's SHA-256, so re-running never duplicates rows.
"""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path
from typing import Callable, Iterable, Optional

import sqlite_utils

from .models import BBox, DocumentResult

# Tables that hold rows of one document, children before parents.
DOCUMENT_TABLES = (
    "indicator_values",
    "targets",
    "activities",
    "indicators",
    "goals",
    "tables",
    "blocks",
    "sections",
)

FTS_TABLES = {
    "goals": ["text"],
    "indicators": ["text", "measure"],
    "activities": ["text", "detail"],
}
FTS_TOKENIZE = "unicode61 remove_diacritics 0"


def document_id(sha256: str) -> str:
    """The stable id of a document: the first 16 hex digits of its SHA-256."""
    return sha256[:16]


def _bbox(bbox: Optional[BBox]) -> Optional[str]:
    if bbox is None:
        return None
    return json.dumps([round(float(v), 1) for v in bbox])


# --------------------------------------------------------------------------
# Schema and migrations
# --------------------------------------------------------------------------


def _migration_1(db: sqlite_utils.Database) -> None:
    """The first schema: documents, their structure and their items."""
    db["documents"].create(
        {
            "id": str,
            "file": str,
            "path": str,
            "sha256": str,
            "pages": int,
            "title": str,
            "kommun": str,
            "kommun_code": str,
            "org_type": str,
            "organ": str,
            "doc_type": str,
            "period_start": int,
            "period_end": int,
            "adopted": str,
            "diarienummer": str,
            "status": str,
            "error": str,
            "ocr_pages": int,
            "seconds": float,
            "ingested_at": str,
        },
        pk="id",
    )
    db["sections"].create(
        {
            "id": str,
            "document_id": str,
            "parent_id": str,
            "level": int,
            "number": str,
            "heading": str,
            "page": int,
            "bbox": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["blocks"].create(
        {
            "id": str,
            "document_id": str,
            "section_id": str,
            "kind": str,
            "marker": str,
            "depth": int,
            "text": str,
            "page": int,
            "bbox": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("section_id", "sections", "id"),
        ],
    )
    db["tables"].create(
        {
            "id": str,
            "document_id": str,
            "section_id": str,
            "page_start": int,
            "page_end": int,
            "bbox": str,
            "header": str,
            "rows": str,
            "n_rows": int,
            "n_cols": int,
            "quality": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("section_id", "sections", "id"),
        ],
    )
    db["goals"].create(
        {
            "id": str,
            "document_id": str,
            "parent_id": str,
            "level": str,
            "text": str,
            "page": int,
            "bbox": str,
            "source": str,
            "status": str,
            "status_text": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    db["canonical_indicators"].create(
        {
            "id": str,
            "label": str,
            "kolada_kpi": str,
            "kolada_title": str,
            "kolada_method": str,
            "kolada_score": float,
            "n_documents": int,
            "n_kommuner": int,
        },
        pk="id",
    )
    db["indicators"].create(
        {
            "id": str,
            "document_id": str,
            "goal_id": str,
            "text": str,
            "measure": str,
            "kolada_kpi": str,
            "canonical_id": str,
            "page": int,
            "bbox": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("goal_id", "goals", "id"),
        ],
    )
    db["targets"].create(
        {
            "id": str,
            "document_id": str,
            "indicator_id": str,
            "goal_id": str,
            "text": str,
            "direction": str,
            "target_op": str,
            "target_value": float,
            "unit": str,
            "target_year": int,
            "baseline_value": float,
            "baseline_year": int,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("indicator_id", "indicators", "id"),
            ("goal_id", "goals", "id"),
        ],
    )
    db["indicator_values"].create(
        {
            "id": str,
            "document_id": str,
            "indicator_id": str,
            "period": str,
            "value": float,
            "text": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("indicator_id", "indicators", "id"),
        ],
    )
    db["activities"].create(
        {
            "id": str,
            "document_id": str,
            "goal_id": str,
            "text": str,
            "detail": str,
            "responsible": str,
            "timeline": str,
            "follow_up": str,
            "status": str,
            "page": int,
            "bbox": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", "documents", "id"),
            ("goal_id", "goals", "id"),
        ],
    )
    for table, columns in (
        ("sections", ["document_id"]),
        ("blocks", ["document_id"]),
        ("tables", ["document_id"]),
        ("goals", ["document_id"]),
        ("goals", ["parent_id"]),
        ("indicators", ["document_id"]),
        ("indicators", ["goal_id"]),
        ("indicators", ["canonical_id"]),
        ("targets", ["indicator_id"]),
        ("targets", ["document_id"]),
        ("indicator_values", ["indicator_id"]),
        ("indicator_values", ["document_id"]),
        ("activities", ["document_id"]),
        ("activities", ["goal_id"]),
        ("documents", ["sha256"]),
        ("documents", ["kommun"]),
    ):
        db[table].create_index(columns, if_not_exists=True)
    for table, columns in FTS_TABLES.items():
        db[table].enable_fts(
            columns, create_triggers=True, tokenize=FTS_TOKENIZE, replace=True
        )
    db.execute(
        """
        CREATE VIEW items AS
        SELECT g.document_id, d.file, 'goal' AS kind, g.id, g.text, g.page,
               g.parent_id AS goal_id, pg.text AS goal_text
          FROM goals g JOIN documents d ON d.id = g.document_id
          LEFT JOIN goals pg ON pg.id = g.parent_id
        UNION ALL
        SELECT i.document_id, d.file, 'indicator', i.id, i.text, i.page,
               i.goal_id, g.text
          FROM indicators i JOIN documents d ON d.id = i.document_id
          LEFT JOIN goals g ON g.id = i.goal_id
        UNION ALL
        SELECT t.document_id, d.file, 'target', t.id, t.text,
               COALESCE(i.page, tg.page), t.goal_id, g.text
          FROM targets t JOIN documents d ON d.id = t.document_id
          LEFT JOIN indicators i ON i.id = t.indicator_id
          LEFT JOIN goals tg ON tg.id = t.goal_id
          LEFT JOIN goals g ON g.id = t.goal_id
        UNION ALL
        SELECT a.document_id, d.file, 'activity', a.id, a.text, a.page,
               a.goal_id, g.text
          FROM activities a JOIN documents d ON d.id = a.document_id
          LEFT JOIN goals g ON g.id = a.goal_id
        """
    )


def _migration_2(db: sqlite_utils.Database) -> None:
    """The organisation's own name; goals with their document's facets."""
    db["documents"].add_column("org_name", str)
    db.execute(
        """
        CREATE VIEW goal_overview AS
        SELECT g.id, g.text, g.level, g.status, g.page, g.document_id, d.file,
               d.kommun, d.doc_type, d.period_start, d.period_end,
               (SELECT count(*) FROM activities a WHERE a.goal_id = g.id) AS activities,
               (SELECT count(*) FROM indicators i WHERE i.goal_id = g.id) AS indicators
          FROM goals g JOIN documents d ON d.id = g.document_id
        """
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_migration_1, _migration_2]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the schema up to :data:`SCHEMA_VERSION`; returns the version."""
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"database schema version {version} is newer than this planextract "
            f"({SCHEMA_VERSION}): upgrade planextract"
        )
    for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.atomic():
            migration(db)
            db.execute(f"PRAGMA user_version = {number}")
    return SCHEMA_VERSION


def open_db(path: str | Path, *, wal: bool = True) -> sqlite_utils.Database:
    """Open (or create) a planextract database, migrated and in WAL mode."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA busy_timeout = 30000")
    if wal:
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    migrate(db)
    return db


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def known_documents(db: sqlite_utils.Database) -> dict[str, str]:
    """sha256 -> status of every document already in the database."""
    return {
        row["sha256"]: row["status"]
        for row in db.query("SELECT sha256, status FROM documents")
    }


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def delete_document_rows(db: sqlite_utils.Database, doc_id: str) -> None:
    """Delete everything a document has, its ``documents`` row included."""
    for table in DOCUMENT_TABLES:
        db.execute(f"DELETE FROM [{table}] WHERE document_id = ?", [doc_id])
    db.execute("DELETE FROM documents WHERE id = ?", [doc_id])


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    """Turn one processed document into rows, table by table."""
    doc_id = document_id(result.sha256)
    path = Path(result.path)
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_TABLES}
    parsed = result.parsed
    meta = parsed.meta if parsed else None
    rows["documents"] = [
        {
            "id": doc_id,
            "file": path.name,
            "path": str(path),
            "sha256": result.sha256,
            "pages": parsed.pages if parsed else None,
            "title": meta.title if meta else None,
            "kommun": meta.kommun if meta else None,
            "kommun_code": meta.kommun_code if meta else None,
            "org_name": meta.org_name if meta else None,
            "org_type": meta.org_type if meta else None,
            "organ": meta.organ if meta else None,
            "doc_type": meta.doc_type if meta else None,
            "period_start": meta.period_start if meta else None,
            "period_end": meta.period_end if meta else None,
            "adopted": meta.adopted if meta else None,
            "diarienummer": meta.diarienummer if meta else None,
            "status": result.status,
            "error": result.error,
            "ocr_pages": parsed.ocr_pages if parsed else 0,
            "seconds": round(result.seconds, 3),
            "ingested_at": _now(),
        }
    ]
    if parsed is None:
        return rows

    def section_id(index: Optional[int]) -> Optional[str]:
        return None if index is None else f"{doc_id}:s{index}"

    for section in parsed.sections:
        rows["sections"].append(
            {
                "id": section_id(section.index),
                "document_id": doc_id,
                "parent_id": section_id(section.parent_index),
                "level": section.level,
                "number": section.number,
                "heading": section.heading,
                "page": section.page,
                "bbox": _bbox(section.bbox),
            }
        )
    for n, block in enumerate(parsed.blocks):
        rows["blocks"].append(
            {
                "id": f"{doc_id}:b{n}",
                "document_id": doc_id,
                "section_id": section_id(block.section_index),
                "kind": block.kind,
                "marker": block.marker,
                "depth": block.depth,
                "text": block.text,
                "page": block.page,
                "bbox": _bbox(block.bbox),
            }
        )
    for n, table in enumerate(parsed.tables):
        rows["tables"].append(
            {
                "id": f"{doc_id}:t{n}",
                "document_id": doc_id,
                "section_id": section_id(table.section_index),
                "page_start": table.page_start,
                "page_end": table.page_end,
                "bbox": _bbox(table.bbox),
                "header": json.dumps(table.header, ensure_ascii=False),
                "rows": json.dumps(table.rows, ensure_ascii=False),
                "n_rows": table.n_rows,
                "n_cols": table.n_cols,
                "quality": json.dumps(table.quality, ensure_ascii=False),
            }
        )

    extraction = result.extraction
    if extraction is None:
        return rows

    def goal_id(key: Optional[int]) -> Optional[str]:
        return None if key is None else f"{doc_id}:g{key}"

    def target_row(tid: str, target, indicator_id, goal_key) -> dict:
        return {
            "id": tid,
            "document_id": doc_id,
            "indicator_id": indicator_id,
            "goal_id": goal_id(goal_key),
            "text": target.text,
            "direction": target.direction,
            "target_op": target.target_op,
            "target_value": target.target_value,
            "unit": target.unit,
            "target_year": target.target_year,
            "baseline_value": target.baseline_value,
            "baseline_year": target.baseline_year,
        }

    for goal in extraction.goals:
        rows["goals"].append(
            {
                "id": goal_id(goal.key),
                "document_id": doc_id,
                "parent_id": goal_id(goal.parent_key),
                "level": goal.level,
                "text": goal.text,
                "page": goal.page,
                "bbox": _bbox(goal.bbox),
                "source": goal.source,
                "status": goal.status,
                "status_text": goal.status_text,
            }
        )
        if goal.target is not None:
            rows["targets"].append(
                target_row(f"{doc_id}:g{goal.key}t", goal.target, None, goal.key)
            )
    for indicator in extraction.indicators:
        ind_id = f"{doc_id}:i{indicator.key}"
        rows["indicators"].append(
            {
                "id": ind_id,
                "document_id": doc_id,
                "goal_id": goal_id(indicator.goal_key),
                "text": indicator.text,
                "measure": indicator.measure,
                "kolada_kpi": indicator.kolada_kpi,
                "canonical_id": None,
                "page": indicator.page,
                "bbox": _bbox(indicator.bbox),
                "source": indicator.source,
            }
        )
        for n, target in enumerate(indicator.targets):
            rows["targets"].append(
                target_row(f"{ind_id}t{n}", target, ind_id, indicator.goal_key)
            )
        for n, value in enumerate(indicator.values):
            rows["indicator_values"].append(
                {
                    "id": f"{ind_id}v{n}",
                    "document_id": doc_id,
                    "indicator_id": ind_id,
                    "period": value.period,
                    "value": value.value,
                    "text": value.text,
                }
            )
    for activity in extraction.activities:
        rows["activities"].append(
            {
                "id": f"{doc_id}:a{activity.key}",
                "document_id": doc_id,
                "goal_id": goal_id(activity.goal_key),
                "text": activity.text,
                "detail": activity.detail,
                "responsible": activity.responsible,
                "timeline": activity.timeline,
                "follow_up": activity.follow_up,
                "status": activity.status,
                "page": activity.page,
                "bbox": _bbox(activity.bbox),
                "source": activity.source,
            }
        )
    return rows


# Insert order: parents before children (foreign keys are on).
INSERT_ORDER = (
    "documents",
    "sections",
    "blocks",
    "tables",
    "goals",
    "indicators",
    "targets",
    "indicator_values",
    "activities",
)


def write_document(db: sqlite_utils.Database, result: DocumentResult) -> str:
    """Replace a document's rows with ``result`` in one transaction; returns its id.

    Goals are inserted parents first; a failure anywhere rolls back the
    whole document, leaving what the database held before.
    """
    rows = document_rows(result)
    doc_id = rows["documents"][0]["id"]
    rows["goals"] = _parents_first(rows["goals"])
    with db.atomic():
        delete_document_rows(db, doc_id)
        for table in INSERT_ORDER:
            if rows.get(table):
                db[table].insert_all(rows[table], batch_size=500)
    return doc_id


def write_failure(
    db: sqlite_utils.Database, path: str, sha256: str, status: str, error: str
) -> str:
    """Record a document that could not be processed: its row and nothing else."""
    return write_document(
        db, DocumentResult(path=path, sha256=sha256, status=status, error=error)
    )


def _parents_first(goals: list[dict]) -> list[dict]:
    by_id = {g["id"]: g for g in goals}
    done: set = set()
    ordered: list[dict] = []

    def visit(goal: dict, seen: tuple = ()) -> None:
        if goal["id"] in done:
            return
        parent = by_id.get(goal["parent_id"])
        if parent is not None and parent["id"] not in seen + (goal["id"],):
            visit(parent, seen + (goal["id"],))
        elif goal["parent_id"] is not None:
            goal["parent_id"] = None  # a dangling or circular link is dropped
        done.add(goal["id"])
        ordered.append(goal)

    for goal in goals:
        visit(goal)
    return ordered


def iter_documents(db: sqlite_utils.Database) -> Iterable[dict]:
    return db.query("SELECT * FROM documents ORDER BY file")
