"""Accuracy of an extraction database against gold annotations.

:func:`evaluate` reads the gold JSON files of a folder (one a document; see
the annotation format), finds each document in the database by its file
name, and matches gold items to extracted items one to one, kind by kind,
by fuzzy text similarity (best pairs first; the page breaks ties).  From the
matches it computes precision, recall and F1 per kind (micro over
documents), macro F1 over goals, indicators and activities, how often an
item's goal link is right, and how often each field of a target is right.

Targets are matched through their owners: a gold target on an item pairs
with a target of the extracted item matched to it.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz

from .errors import PlanExtractError
from .fuzzy import normalize

KINDS = ("goal", "indicator", "activity", "target")
ITEM_KINDS = ("goal", "indicator", "activity")
SPLITS = ("tune", "heldout", "all")
TARGET_FIELDS = (
    "direction",
    "target_op",
    "target_value",
    "unit",
    "target_year",
    "baseline_value",
    "baseline_year",
)
DEFAULT_THRESHOLD = 80.0


class GoldError(PlanExtractError):
    """A gold file is missing, not JSON, or not in the gold format."""


class EvalDatabaseError(PlanExtractError):
    """The database cannot be read as a planextract database."""


# --------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------


@dataclass
class Score:
    """Counts of one kind: matched (tp), extracted only (fp), gold only (fn)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict:
        return {
            "gold": self.tp + self.fn,
            "extracted": self.tp + self.fp,
            "matched": self.tp,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    """How many of ``total`` were ``correct``."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> Optional[float]:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        accuracy = self.accuracy
        return {
            "correct": self.correct,
            "total": self.total,
            "accuracy": None if accuracy is None else round(accuracy, 4),
        }


@dataclass
class Difference:
    """One gold item not found (``miss``), one extracted item not in gold
    (``extra``), a wrong goal link (``link``) or a wrong target field
    (``field``)."""

    file: str
    kind: str
    what: str
    page: Optional[int]
    text: str
    detail: str = ""


@dataclass
class DocumentEval:
    """The scores of one gold document."""

    file: str
    split: str
    document_id: Optional[str]
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    links: Ratio = field(default_factory=Ratio)

    @property
    def found(self) -> bool:
        return self.document_id is not None


@dataclass
class EvalReport:
    """What :func:`evaluate` measured."""

    split: str
    threshold: float
    documents: list[DocumentEval] = field(default_factory=list)
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    links: Ratio = field(default_factory=Ratio)
    fields: dict[str, Ratio] = field(default_factory=lambda: {f: Ratio() for f in TARGET_FIELDS})
    differences: list[Difference] = field(default_factory=list)

    @property
    def macro_f1(self) -> float:
        """Mean F1 of goals, indicators and activities."""
        return sum(self.scores[k].f1 for k in ITEM_KINDS) / len(ITEM_KINDS)

    @property
    def missing_documents(self) -> list[str]:
        return [d.file for d in self.documents if not d.found]

    def to_dict(self) -> dict:
        return {
            "split": self.split,
            "threshold": self.threshold,
            "documents": [
                {
                    "file": d.file,
                    "split": d.split,
                    "document_id": d.document_id,
                    "scores": {k: s.to_dict() for k, s in d.scores.items()},
                    "links": d.links.to_dict(),
                }
                for d in self.documents
            ],
            "missing_documents": self.missing_documents,
            "scores": {k: s.to_dict() for k, s in self.scores.items()},
            "macro_f1": round(self.macro_f1, 4),
            "links": self.links.to_dict(),
            "fields": {f: r.to_dict() for f, r in self.fields.items()},
            "differences": [asdict(d) for d in self.differences],
        }


# --------------------------------------------------------------------------
# Reading gold and the database
# --------------------------------------------------------------------------


@dataclass
class _Item:
    """A gold or extracted item, reduced to what matching needs."""

    id: str
    kind: str
    text: str
    page: Optional[int]
    goal: Optional[str] = None  # the goal it links to (parent for goals)
    targets: list[dict] = field(default_factory=list)
    key: str = ""  # normalised text

    def __post_init__(self) -> None:
        self.key = normalize(self.text or "")


def load_gold(gold_dir: str | Path, split: str = "all") -> list[dict]:
    """The gold files of ``gold_dir`` in ``split`` (tune, heldout or all), by file name."""
    if split not in SPLITS:
        raise GoldError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise GoldError(f"{folder}: gold folder not found")
    golds = []
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}: not valid JSON: {exc}") from None
        _check_gold(path, data)
        if split == "all" or data.get("split", "tune") == split:
            golds.append(data)
    if not golds:
        raise GoldError(f"{folder}: no gold files (*.json) in split {split!r}")
    return golds


def _check_gold(path: Path, data) -> None:
    if not isinstance(data, dict):
        raise GoldError(f"{path}: expected a JSON object with 'file' and 'items'")
    for key in ("file", "items"):
        if key not in data:
            raise GoldError(f"{path}: missing key '{key}'")
    if data.get("split", "tune") not in ("tune", "heldout"):
        raise GoldError(f"{path}: key 'split' must be 'tune' or 'heldout', not {data['split']!r}")
    for n, item in enumerate(data["items"]):
        if not isinstance(item, dict) or item.get("kind") not in ITEM_KINDS:
            raise GoldError(f"{path}: items[{n}]: 'kind' must be one of {', '.join(ITEM_KINDS)}")
        if not item.get("id") or not isinstance(item.get("text"), str):
            raise GoldError(f"{path}: items[{n}]: an item needs an 'id' and a 'text'")


def _gold_items(gold: dict) -> dict[str, list[_Item]]:
    items: dict[str, list[_Item]] = {k: [] for k in ITEM_KINDS}
    for raw in gold["items"]:
        kind = raw["kind"]
        link = raw.get("parent") if kind == "goal" else raw.get("goal")
        target = raw.get("target")
        items[kind].append(
            _Item(
                id=str(raw["id"]),
                kind=kind,
                text=raw["text"],
                page=raw.get("page"),
                goal=link,
                targets=[target] if isinstance(target, dict) else [],
            )
        )
    return items


def open_database(path: str | Path) -> sqlite3.Connection:
    """The database at ``path``, read-only."""
    path = Path(path)
    if not path.is_file():
        raise EvalDatabaseError(f"{path}: database file not found")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise EvalDatabaseError(f"{path}: not an SQLite database ({exc})") from None
    missing = {"documents", "goals", "indicators", "activities", "targets"} - tables
    if missing:
        conn.close()
        raise EvalDatabaseError(
            f"{path}: not a planextract database (no table {', '.join(sorted(missing))}): "
            "create it with planextract ingest"
        )
    return conn


def _document_id(conn: sqlite3.Connection, file: str) -> Optional[str]:
    row = conn.execute(
        "SELECT id FROM documents WHERE file = ? "
        "ORDER BY status = 'ok' DESC, ingested_at DESC LIMIT 1",
        [file],
    ).fetchone()
    return row["id"] if row else None


def _extracted_items(conn: sqlite3.Connection, doc_id: str) -> dict[str, list[_Item]]:
    targets: dict[str, list[dict]] = {}
    for row in conn.execute("SELECT * FROM targets WHERE document_id = ? ORDER BY id", [doc_id]):
        owner = row["indicator_id"] or row["goal_id"]
        targets.setdefault(owner, []).append(dict(row))
    items: dict[str, list[_Item]] = {}
    queries = {
        "goal": "SELECT id, text, page, parent_id AS link FROM goals",
        "indicator": "SELECT id, text, page, goal_id AS link FROM indicators",
        "activity": "SELECT id, text, page, goal_id AS link FROM activities",
    }
    for kind, query in queries.items():
        rows = conn.execute(query + " WHERE document_id = ? ORDER BY page, id", [doc_id])
        items[kind] = []
        for row in rows:
            own = targets.get(row["id"], [])
            if kind == "goal":
                own = [t for t in own if t["indicator_id"] is None]
            items[kind].append(
                _Item(id=row["id"], kind=kind, text=row["text"] or "", page=row["page"],
                      goal=row["link"], targets=own)
            )
    return items


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    """0-100: how alike two normalised texts are (word order may differ)."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def match_items(
    gold: list[_Item], extracted: list[_Item], threshold: float = DEFAULT_THRESHOLD
) -> dict[str, str]:
    """Gold id -> extracted id, one to one, best pairs first.

    Pairs scoring below ``threshold`` never match; among equal scores the
    pair on the same page, then the nearer page, wins.
    """
    pairs = []
    for g in gold:
        for e in extracted:
            score = similarity(g.key, e.key)
            if score >= threshold:
                distance = abs((g.page or 0) - (e.page or 0)) if g.page and e.page else 999
                pairs.append((-score, distance, g.id, e.id))
    pairs.sort()
    matched: dict[str, str] = {}
    used: set[str] = set()
    for _, _, gid, eid in pairs:
        if gid in matched or eid in used:
            continue
        matched[gid] = eid
        used.add(eid)
    return matched


def _same(field_name: str, gold, extracted) -> bool:
    if gold is None or extracted is None:
        return gold is None and extracted is None
    if field_name in ("target_value", "baseline_value"):
        return abs(float(gold) - float(extracted)) < 1e-6
    if field_name in ("target_year", "baseline_year"):
        return int(gold) == int(extracted)
    return str(gold).strip().lower() == str(extracted).strip().lower()


def _evaluate_document(gold: dict, conn: sqlite3.Connection, threshold: float, report: EvalReport) -> DocumentEval:
    file = gold["file"]
    doc_id = _document_id(conn, file)
    result = DocumentEval(file=file, split=gold.get("split", "tune"), document_id=doc_id)
    gold_items = _gold_items(gold)
    extracted = _extracted_items(conn, doc_id) if doc_id else {k: [] for k in ITEM_KINDS}
    diffs = report.differences

    matches: dict[str, dict[str, str]] = {}
    for kind in ITEM_KINDS:
        found = match_items(gold_items[kind], extracted[kind], threshold)
        matches[kind] = found
        used = set(found.values())
        score = result.scores[kind]
        score.tp = len(found)
        score.fn = len(gold_items[kind]) - len(found)
        score.fp = len(extracted[kind]) - len(used)
        for g in gold_items[kind]:
            if g.id not in found:
                diffs.append(Difference(file, kind, "miss", g.page, g.text))
        for e in extracted[kind]:
            if e.id not in used:
                diffs.append(Difference(file, kind, "extra", e.page, e.text))

    # goal links of matched indicators and activities whose gold goal was found
    goal_of = matches["goal"]
    goal_text = {e.id: f"{e.text[:60]!r} (p{e.page})" for e in extracted["goal"]}
    for kind in ("indicator", "activity"):
        by_id = {e.id: e for e in extracted[kind]}
        for g in gold_items[kind]:
            if g.id not in matches[kind] or g.goal is None or g.goal not in goal_of:
                continue
            e = by_id[matches[kind][g.id]]
            result.links.total += 1
            if e.goal == goal_of[g.goal]:
                result.links.correct += 1
            else:
                wrong = goal_text.get(e.goal, "no goal") if e.goal else "no goal"
                diffs.append(Difference(file, kind, "link", g.page, g.text,
                                        f"linked to {wrong}, not {goal_text[goal_of[g.goal]]}"))

    # targets, through their owners
    score = result.scores["target"]
    paired_extracted: set[str] = set()
    for kind in ITEM_KINDS:
        by_id = {e.id: e for e in extracted[kind]}
        for g in gold_items[kind]:
            if not g.targets:
                continue
            gold_target = g.targets[0]
            e = by_id.get(matches[kind].get(g.id, ""))
            candidates = [t for t in (e.targets if e else []) if t["id"] not in paired_extracted]
            if not candidates:
                score.fn += 1
                diffs.append(Difference(file, "target", "miss", g.page, gold_target.get("text") or g.text))
                continue
            key = normalize(gold_target.get("text") or "")
            best = max(candidates, key=lambda t: similarity(key, normalize(t["text"] or "")))
            paired_extracted.add(best["id"])
            score.tp += 1
            for name in TARGET_FIELDS:
                ratio = report.fields[name]
                ratio.total += 1
                if _same(name, gold_target.get(name), best[name]):
                    ratio.correct += 1
                else:
                    diffs.append(Difference(file, "target", "field", g.page, gold_target.get("text") or g.text,
                                            f"{name}: {best[name]!r}, gold {gold_target.get(name)!r}"))
    for kind in ITEM_KINDS:
        for e in extracted[kind]:
            for t in e.targets:
                if t["id"] not in paired_extracted:
                    score.fp += 1
                    diffs.append(Difference(file, "target", "extra", e.page, t["text"] or ""))
    return result


def evaluate(
    db: str | Path,
    gold_dir: str | Path,
    split: str = "all",
    *,
    threshold: float = DEFAULT_THRESHOLD,
) -> EvalReport:
    """Score the database ``db`` against the gold files in ``gold_dir``.

    A gold document missing from the database counts all its items as
    missed.  Raises :class:`GoldError` or :class:`EvalDatabaseError` naming
    the file and the reason.
    """
    if not 0 < threshold <= 100:
        raise GoldError(f"threshold must be in (0, 100], not {threshold}")
    golds = load_gold(gold_dir, split)
    report = EvalReport(split=split, threshold=threshold)
    conn = open_database(db)
    try:
        for gold in golds:
            doc = _evaluate_document(gold, conn, threshold, report)
            report.documents.append(doc)
            for kind in KINDS:
                report.scores[kind].add(doc.scores[kind])
            report.links.correct += doc.links.correct
            report.links.total += doc.links.total
    finally:
        conn.close()
    return report


# --------------------------------------------------------------------------
# Text output
# --------------------------------------------------------------------------


def _score_line(name: str, score: Score) -> str:
    return (
        f"{name:<12} {score.tp + score.fn:>5} {score.tp + score.fp:>6} {score.tp:>6} "
        f"{score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f}"
    )


def format_report(report: EvalReport, *, verbose: bool = False) -> str:
    """The report as a plain-text table (per document and differences with ``verbose``)."""
    header = f"{'kind':<12} {'gold':>5} {'found':>6} {'match':>6} {'precision':>9} {'recall':>7} {'F1':>6}"
    lines = [f"Split {report.split}: {len(report.documents)} gold documents, "
             f"match threshold {report.threshold:g}", "", header]
    lines += [_score_line(kind, report.scores[kind]) for kind in KINDS]
    lines.append("")
    lines.append(f"macro F1 (goal, indicator, activity): {report.macro_f1:.3f}")
    lines.append(_ratio_line("goal links", report.links))
    lines.append("target fields (on matched targets):")
    for name, ratio in report.fields.items():
        lines.append("  " + _ratio_line(name, ratio))
    if report.missing_documents:
        lines.append("")
        lines.append("not in the database (all their items count as missed):")
        lines += [f"  {file}" for file in report.missing_documents]
    if verbose:
        for doc in report.documents:
            lines += ["", f"{doc.file} ({doc.split}{'' if doc.found else ', not in the database'})", header]
            lines += [_score_line(kind, doc.scores[kind]) for kind in KINDS]
            lines.append(_ratio_line("goal links", doc.links))
        if report.differences:
            lines += ["", "differences (file, kind, what, page, text):"]
            for d in report.differences:
                detail = f"  [{d.detail}]" if d.detail else ""
                lines.append(f"  {d.file}  {d.kind:<9} {d.what:<5} p{d.page or '?':<3} {d.text[:100]}{detail}")
    return "\n".join(lines) + "\n"


def _ratio_line(name: str, ratio: Ratio) -> str:
    if not ratio.total:
        return f"{name}: no cases"
    return f"{name}: {ratio.correct}/{ratio.total} = {ratio.accuracy:.3f}"
