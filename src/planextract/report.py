"""A static HTML report: one page a document with its goal tree, and an index.

Each document page shows the goals as a tree (a goal under its parent),
with the indicators (their targets and measured values) and activities
linked to each goal; goals without an activity, counted as ``check``
counts them, are marked.  Items the document gives no goal for are listed
at the end.  The index lists the documents and shows a chart of the share
of goals followed up in each (matplotlib, written as a PNG beside it).

All text passes through Jinja2 with autoescaping: a plan's text is never
markup.  Templates are in ``report_templates/``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import quote

import sqlite_utils

from .check import DocumentCoverage, check_goals, goal_statuses
from .errors import PlanExtractError

TEMPLATES = Path(__file__).resolve().parent / "report_templates"
CHART = "coverage.png"
MAX_BARS = 60  # documents drawn as bars; more get a histogram


class ReportError(PlanExtractError):
    """The report could not be written; the message names the file and why."""


@dataclass
class IndicatorNode:
    row: dict
    targets: list[dict] = field(default_factory=list)
    values: list[dict] = field(default_factory=list)


@dataclass
class GoalNode:
    """A goal with what hangs on it, and its follow-up as ``check`` counts it."""

    row: dict
    activities_total: int  # linked to it or (when counted) its subgoals
    indicators_total: int
    children: list["GoalNode"] = field(default_factory=list)
    indicators: list[IndicatorNode] = field(default_factory=list)
    activities: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)  # the goal's own targets

    @property
    def followed_up(self) -> bool:
        return self.activities_total > 0


@dataclass
class DocumentReport:
    """Everything one document page shows."""

    document: dict
    coverage: DocumentCoverage
    page_name: str
    pdf_href: Optional[str]
    goals: list[GoalNode] = field(default_factory=list)  # the roots of the tree
    loose_indicators: list[IndicatorNode] = field(default_factory=list)
    loose_activities: list[dict] = field(default_factory=list)

    def all_goals(self):
        """Every goal node, parents before children."""
        stack = list(reversed(self.goals))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    @property
    def n_indicators(self) -> int:
        return len(self.loose_indicators) + sum(len(n.indicators) for n in self.all_goals())

    @property
    def n_activities(self) -> int:
        return len(self.loose_activities) + sum(len(n.activities) for n in self.all_goals())


def _page_names(documents: list[dict]) -> dict[str, str]:
    """A readable, unique HTML file name for each document id."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for doc in documents:
        stem = re.sub(r"[^\w.-]+", "-", Path(doc["file"] or doc["id"]).stem).strip("-.") or doc["id"]
        name = f"{stem}.html"
        if name.casefold() in used or name == "index.html":
            name = f"{stem}-{doc['id']}.html"
        used.add(name.casefold())
        names[doc["id"]] = name
    return names


def _pdf_href(doc: dict, out_dir: Path) -> Optional[str]:
    """A link from the report folder to the document's PDF, when it is where it was ingested."""
    path = Path(doc["path"]) if doc.get("path") else None
    if path is None or not path.is_file():
        return None
    try:
        rel = os.path.relpath(path.resolve(), out_dir.resolve())
    except ValueError:  # another drive
        return path.resolve().as_uri()
    return quote(Path(rel).as_posix())


def document_report(
    db: sqlite_utils.Database, doc: dict, coverage: DocumentCoverage, page_name: str, out_dir: Path,
    *, through_subgoals: bool = True,
) -> DocumentReport:
    """Gather one document's goal tree and items."""
    doc_id = doc["id"]
    statuses = {s.goal_id: s for s in goal_statuses(db, [doc_id], through_subgoals=through_subgoals)[doc_id]}
    goal_rows = {r["id"]: r for r in db.query("SELECT * FROM goals WHERE document_id = ? ORDER BY page, rowid", [doc_id])}
    nodes = {
        gid: GoalNode(row=row, activities_total=statuses[gid].activities, indicators_total=statuses[gid].indicators)
        for gid, row in goal_rows.items()
    }
    targets_by_indicator: dict[str, list[dict]] = {}
    for target in db.query("SELECT * FROM targets WHERE document_id = ? ORDER BY rowid", [doc_id]):
        if target["indicator_id"]:
            targets_by_indicator.setdefault(target["indicator_id"], []).append(target)
        elif target["goal_id"] in nodes:
            nodes[target["goal_id"]].targets.append(target)
    values: dict[str, list[dict]] = {}
    for value in db.query("SELECT * FROM indicator_values WHERE document_id = ? ORDER BY period, rowid", [doc_id]):
        values.setdefault(value["indicator_id"], []).append(value)
    report = DocumentReport(
        document=doc, coverage=coverage, page_name=page_name, pdf_href=_pdf_href(doc, out_dir)
    )
    for row in db.query("SELECT * FROM indicators WHERE document_id = ? ORDER BY page, rowid", [doc_id]):
        node = IndicatorNode(row=row, targets=targets_by_indicator.get(row["id"], []), values=values.get(row["id"], []))
        (nodes[row["goal_id"]].indicators if row["goal_id"] in nodes else report.loose_indicators).append(node)
    for row in db.query("SELECT * FROM activities WHERE document_id = ? ORDER BY page, rowid", [doc_id]):
        (nodes[row["goal_id"]].activities if row["goal_id"] in nodes else report.loose_activities).append(row)
    for gid, node in nodes.items():
        parent = nodes.get(node.row["parent_id"])
        (parent.children if parent is not None else report.goals).append(node)
    return report


def coverage_chart(coverages: list[DocumentCoverage], path: Path) -> Path:
    """A chart of how many goals of each document have an activity.

    Up to :data:`MAX_BARS` documents: one stacked bar a document (goals
    with and without an activity).  More bars than that cannot be read, so
    a larger set gets a histogram of the share followed up instead; the
    index table still gives each document's share.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    shown = [c for c in coverages if c.goals]
    many = len(shown) > MAX_BARS
    height = 3.2 if many else 1.2 + 0.35 * max(1, len(shown))
    with plt.rc_context({"text.parse_math": False, "font.size": 9}):
        fig, ax = plt.subplots(figsize=(9, height))
        try:
            if many:
                _share_histogram(ax, shown)
            else:
                _document_bars(ax, shown)
            ax.spines[["top", "right"]].set_visible(False)
            (ax.yaxis if many else ax.xaxis).set_major_locator(MaxNLocator(integer=True))
            fig.savefig(path, dpi=110, bbox_inches="tight")
        finally:
            plt.close(fig)
    return path


def _document_bars(ax, shown: list[DocumentCoverage]) -> None:
    y = list(range(len(shown)))
    followed = [c.followed_up for c in shown]
    gaps = [c.goals - c.followed_up for c in shown]
    ax.barh(y, followed, color="#2e7d32", label="goals with an activity")
    ax.barh(y, gaps, left=followed, color="#e0a100", label="goals without")
    for n, c in enumerate(shown):
        ax.text(c.goals, n, f"  {c.share:.0%}", va="center")
    ax.set_yticks(y, [f"{c.kommun or '?'}: {c.file}" for c in shown])
    ax.invert_yaxis()
    ax.set_xlabel("goals")
    ax.set_title("Follow-up of goals per document")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    ax.set_xlim(0, max(c.goals for c in shown) * 1.15)


def _share_histogram(ax, shown: list[DocumentCoverage]) -> None:
    shares = [100 * c.share for c in shown]
    ax.hist(shares, bins=[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100.001], color="#2e7d32", edgecolor="white")
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the document's goals with an activity (%)")
    ax.set_ylabel("documents")
    ax.set_title(f"Follow-up of goals in {len(shown)} documents")


def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.filters["number"] = lambda v: "" if v is None else (f"{v:g}".replace(".", ",") if isinstance(v, float) else str(v))
    env.filters["percent"] = lambda v: "–" if v is None else f"{v:.0%}"
    return env


def write_report(db: sqlite_utils.Database, out_dir: str | Path, *, through_subgoals: bool = True) -> Path:
    """Write the report to ``out_dir`` (created if missing); returns the path of index.html."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReportError(f"{out}: cannot create the folder ({exc.strerror})") from exc
    result = check_goals(db, through_subgoals=through_subgoals)
    coverage = {c.document_id: c for c in result.documents}
    documents = list(db.query("SELECT * FROM documents ORDER BY kommun, file"))
    names = _page_names(documents)
    env = _environment()
    page = env.get_template("document.html")
    reports = []
    try:
        for doc in documents:
            report = document_report(db, doc, coverage[doc["id"]], names[doc["id"]], out, through_subgoals=through_subgoals)
            (out / report.page_name).write_text(page.render(r=report, through_subgoals=through_subgoals), encoding="utf-8")
            reports.append(report)
        chart = coverage_chart(result.documents, out / CHART) if result.goals else None
        index = out / "index.html"
        index.write_text(
            env.get_template("index.html").render(
                reports=reports, result=result, chart=chart.name if chart else None, through_subgoals=through_subgoals
            ),
            encoding="utf-8",
        )
    except OSError as exc:
        raise ReportError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    return index
