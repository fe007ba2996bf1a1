"""Which goals are not followed up: the question ``planextract check`` answers.

A goal is *followed up* when an activity (or an indicator, or both, as
asked) is linked to it.  By default an item linked to one of the goal's
subgoals counts too: in the steering model a council goal is broken down
into board goals, and the activities that carry out a board goal carry out
the council goal above it.  ``through_subgoals=False`` asks for the strict
reading, an item linked to the goal itself.

The functions here return plain data (dataclasses); formatting is the
command line's business.  The database is opened read-only.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import sqlite_utils

from .errors import PlanExtractError

REQUIREMENTS = ("activity", "indicator", "both")
ITEM_TABLES = ("goals", "indicators", "activities", "documents")


class NotAPlanDatabase(PlanExtractError):
    """The file is missing or is not a planextract database."""


def open_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open a planextract database for reading only; never creates or migrates it."""
    path = Path(path)
    if not path.is_file():
        raise NotAPlanDatabase(f"{path}: no such database file (run `planextract ingest` first)")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as exc:
        raise NotAPlanDatabase(f"{path}: not an SQLite database ({exc})") from exc
    missing = [name for name in ITEM_TABLES if name not in names]
    if missing:
        conn.close()
        raise NotAPlanDatabase(
            f"{path}: not a planextract database (no table {', '.join(missing)}); "
            "create it with `planextract ingest PDFS --db FILE`"
        )
    return sqlite_utils.Database(conn)


@dataclass
class GoalGap:
    """A goal that lacks the follow-up asked for."""

    kommun: Optional[str]
    organisation: Optional[str]  # the kommun, or the region's or förbund's name
    file: str
    document_id: str
    goal_id: str
    text: str
    level: Optional[str]
    page: Optional[int]
    parent_id: Optional[str]
    activities: int  # linked to the goal (and its subgoals, when counted)
    indicators: int
    missing: str  # "activity", "indicator" or "activity+indicator"


@dataclass
class DocumentCoverage:
    """How many of a document's goals are followed up."""

    document_id: str
    file: str
    kommun: Optional[str]
    organisation: Optional[str]
    doc_type: Optional[str]
    status: Optional[str]  # ok, no_text, failed: a document that failed has no goals
    goals: int
    followed_up: int

    @property
    def share(self) -> Optional[float]:
        """Share of goals followed up (``None`` for a document without goals)."""
        return round(self.followed_up / self.goals, 3) if self.goals else None

    def as_dict(self) -> dict:
        return {**asdict(self), "share": self.share}


@dataclass
class GoalStatus:
    """One goal with its counts of linked activities and indicators."""

    goal_id: str
    document_id: str
    parent_id: Optional[str]
    level: Optional[str]
    text: str
    page: Optional[int]
    activities: int
    indicators: int
    own_activities: int
    own_indicators: int

    def missing(self, require: str) -> str:
        """What the goal lacks of ``require`` ("" when nothing)."""
        lacking = []
        if require in ("activity", "both") and not self.activities:
            lacking.append("activity")
        if require in ("indicator", "both") and not self.indicators:
            lacking.append("indicator")
        return "+".join(lacking)


@dataclass
class CheckResult:
    """The goals that fall short and the per-document summary."""

    require: str
    through_subgoals: bool
    gaps: list[GoalGap] = field(default_factory=list)
    documents: list[DocumentCoverage] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.gaps

    @property
    def goals(self) -> int:
        return sum(d.goals for d in self.documents)

    @property
    def followed_up(self) -> int:
        return sum(d.followed_up for d in self.documents)


def _documents(db: sqlite_utils.Database, kommun: Optional[str], document: Optional[str]) -> list[dict]:
    """The documents asked for.

    ``kommun`` matches the kommun or the organisation's name ("Region
    Gävleborg"), case-folded in Python (SQLite's lower() is ASCII only).
    """
    rows = db.query(
        "SELECT id, file, path, kommun, coalesce(kommun, org_name) AS organisation, doc_type, status"
        " FROM documents ORDER BY kommun IS NULL, kommun, organisation, file"
    )
    wanted = kommun.strip().casefold() if kommun else None
    return [
        row
        for row in rows
        if (wanted is None or wanted in ((row["kommun"] or "").casefold(), (row["organisation"] or "").casefold()))
        and (not document or document in (row["file"], row["id"], row["path"]))
    ]


def goal_statuses(
    db: sqlite_utils.Database, document_ids: Iterable[str], *, through_subgoals: bool = True
) -> dict[str, list[GoalStatus]]:
    """Every goal of the given documents with its follow-up counts, by document id.

    Goals keep the document's order (page, then id).  With
    ``through_subgoals`` an activity or indicator of a subgoal (at any depth)
    also counts for each goal above it.
    """
    out: dict[str, list[GoalStatus]] = {}
    for doc_id in document_ids:
        rows = list(
            db.query(
                """
                SELECT g.id, g.parent_id, g.level, g.text, g.page,
                       (SELECT count(*) FROM activities a WHERE a.goal_id = g.id) AS n_act,
                       (SELECT count(*) FROM indicators i WHERE i.goal_id = g.id) AS n_ind
                  FROM goals g WHERE g.document_id = ?
                 ORDER BY g.page, g.rowid
                """,
                [doc_id],
            )
        )
        statuses = {
            r["id"]: GoalStatus(
                goal_id=r["id"], document_id=doc_id, parent_id=r["parent_id"], level=r["level"],
                text=r["text"], page=r["page"], activities=r["n_act"], indicators=r["n_ind"],
                own_activities=r["n_act"], own_indicators=r["n_ind"],
            )
            for r in rows
        }
        if through_subgoals:
            for status in statuses.values():
                seen = {status.goal_id}
                parent = statuses.get(status.parent_id)
                while parent is not None and parent.goal_id not in seen:
                    seen.add(parent.goal_id)
                    parent.activities += status.own_activities
                    parent.indicators += status.own_indicators
                    parent = statuses.get(parent.parent_id)
        out[doc_id] = list(statuses.values())
    return out


def check_goals(
    db: sqlite_utils.Database,
    *,
    kommun: Optional[str] = None,
    document: Optional[str] = None,
    require: str = "activity",
    through_subgoals: bool = True,
) -> CheckResult:
    """Find the goals without the follow-up ``require`` asks for.

    ``kommun`` (case-insensitive) and ``document`` (file name, id or path)
    narrow the documents looked at.  Gaps come ordered by kommun, file and
    page.
    """
    if require not in REQUIREMENTS:
        raise ValueError(f"require must be one of {', '.join(REQUIREMENTS)}, not {require!r}")
    result = CheckResult(require=require, through_subgoals=through_subgoals)
    docs = _documents(db, kommun, document)
    statuses = goal_statuses(db, [d["id"] for d in docs], through_subgoals=through_subgoals)
    for doc in docs:
        goals = statuses[doc["id"]]
        followed = 0
        for goal in goals:
            missing = goal.missing(require)
            if not missing:
                followed += 1
                continue
            result.gaps.append(
                GoalGap(
                    kommun=doc["kommun"], organisation=doc["organisation"], file=doc["file"], document_id=doc["id"],
                    goal_id=goal.goal_id, text=goal.text, level=goal.level, page=goal.page,
                    parent_id=goal.parent_id, activities=goal.activities,
                    indicators=goal.indicators, missing=missing,
                )
            )
        result.documents.append(
            DocumentCoverage(
                document_id=doc["id"], file=doc["file"], kommun=doc["kommun"], organisation=doc["organisation"],
                doc_type=doc["doc_type"], status=doc["status"], goals=len(goals), followed_up=followed,
            )
        )
    return result
