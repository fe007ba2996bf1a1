"""``planextract check``, ``serve``, ``export`` and ``report``: using the database."""

from __future__ import annotations

import csv
import io
import json

import click

from . import cli
from .options import db_option, format_option
from ..errors import PlanExtractError


@cli.command()
@db_option()
@click.option("--kommun", help="Only this kommun's documents, or this organisation's (\"Region Gävleborg\"); case-insensitive.")
@click.option("--document", help="Only this document (its file name or id).")
@click.option("--require", type=click.Choice(["activity", "indicator", "both"]), default="activity", show_default=True, help="What a goal needs to count as followed up.")
@click.option("--direct", is_flag=True, help="Count only items linked to the goal itself, not to its subgoals.")
@format_option(["table", "csv", "json"], "table")
def check(db_path, kommun, document, require, direct, output_format):
    """List the goals that have no activity (or indicator, or both) linked.

    A goal counts as followed up when an activity is linked to it, or to one
    of its subgoals at any depth: a council goal broken down into board goals
    is carried out by the activities of those board goals.  With --direct
    only items linked to the goal itself count, which is the literal reading
    of "a goal with no activity linked to it".  --require indicator asks for
    an indicator instead, --require both for both.

    Prints each goal that falls short (kommun or organisation, file, page, level, goal) and
    a summary per document (goals, goals followed up, share).  Exits 1 when
    any goal falls short and 0 when none does.

    \b
    Example:
        planextract check --db plans.db
        planextract check --db plans.db --kommun Sala --require both
        planextract check --db plans.db --format csv > gaps.csv
    """
    from ..check import check_goals, open_readonly

    try:
        db = open_readonly(db_path)
        result = check_goals(db, kommun=kommun, document=document, require=require, through_subgoals=not direct)
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))
    if not result.documents:
        where = " and ".join(f"{k} {v!r}" for k, v in (("kommun", kommun), ("document", document)) if v)
        raise click.ClickException(f"{db_path}: no document matches {where or 'at all'}")
    click.echo({"table": _check_table, "csv": _check_csv, "json": _check_json}[output_format](result), nl=False)
    if not result.ok:
        raise SystemExit(1)


_GAP_COLUMNS = ("kommun", "organisation", "file", "page", "level", "text", "missing", "activities", "indicators", "goal_id", "document_id")


def _check_csv(result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kommun", "organisation", "file", "page", "level", "goal", "missing", "activities", "indicators", "goal_id", "document_id"])
    for gap in result.gaps:
        writer.writerow(["" if getattr(gap, c) is None else getattr(gap, c) for c in _GAP_COLUMNS])
    return out.getvalue()


def _check_json(result) -> str:
    from dataclasses import asdict

    data = {
        "require": result.require,
        "through_subgoals": result.through_subgoals,
        "goals": result.goals,
        "followed_up": result.followed_up,
        "gaps": [asdict(gap) for gap in result.gaps],
        "documents": [doc.as_dict() for doc in result.documents],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _columns(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(v)) for v in col) for col in zip(header, *rows)]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(line, widths)).rstrip() for line in [header, *rows]]
    return "\n".join(lines) + "\n"


def _check_table(result) -> str:
    need = {"activity": "an activity", "indicator": "an indicator", "both": "an activity and an indicator"}[result.require]
    how = "linked to it or its subgoals" if result.through_subgoals else "linked to it"
    parts = []
    if result.gaps:
        parts.append(f"Goals without {need} {how}: {len(result.gaps)} of {result.goals}\n\n")
        rows = [[g.organisation or "", g.file, g.page or "", g.level or "", g.text] for g in result.gaps]
        parts.append(_columns(rows, ["ORGANISATION", "FILE", "PAGE", "LEVEL", "GOAL"]))
    else:
        parts.append(f"Every goal has {need} {how} ({result.goals} goals).\n")
    rows = [
        [d.organisation or "", d.file, d.goals, d.followed_up, "" if d.share is None else f"{d.share:.0%}", "" if d.status == "ok" else d.status or ""]
        for d in result.documents
    ]
    parts.append("\nPer document\n\n")
    parts.append(_columns(rows, ["ORGANISATION", "FILE", "GOALS", "FOLLOWED UP", "SHARE", "STATUS"]))
    return "".join(parts)


@cli.command()
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 exposes it to the network).")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True, help="Port to listen on (0: any free port).")
@click.option("--pdf-dir", "pdf_dirs", multiple=True, type=click.Path(exists=True, file_okay=False), help="Folder holding the ingested PDFs, when they moved since ingest (repeatable).")
def serve(db_path, host, port, pdf_dirs):
    """Browse and search DB in Datasette, read-only, with links to the PDFs.

    Tables, facets and saved queries are described in the committed
    Datasette metadata.  Full-text search on goals, indicators and
    activities keeps å, ä and ö apart from a, a and o.  Every item links to
    its PDF at its page (/pdf/<document id>/<file>#page=N); the PDFs are
    found where they were ingested, or by name under --pdf-dir.

    \b
    Example:
        planextract serve --db plans.db
        planextract serve --db plans.db --port 8080 --pdf-dir /data/plans
    """
    from ..serve import serve as run_serve

    try:
        run_serve(db_path, host=host, port=port, pdf_dirs=list(pdf_dirs))
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))


@cli.command()
@db_option()
@format_option(["csv", "xlsx", "parquet"], "csv")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write to (created if missing).")
def export(db_path, output_format, out_dir):
    """Write every table and view of DB to OUT, one file each.

    \b
    Example:
        planextract export --db plans.db --format csv --out export/
        planextract export --db plans.db --format xlsx --out export/
    """
    from ..check import open_readonly
    from ..export import export_db

    try:
        written = export_db(open_readonly(db_path), output_format, out_dir)
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))
    for item in written:
        click.echo(f"{item.path}  {item.rows} row{'' if item.rows == 1 else 's'}")
        for note in item.notes:
            click.echo(f"  note: {note}")


@cli.command()
@db_option()
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write the HTML pages to (created if missing).")
@click.option("--direct", is_flag=True, help="Count only activities linked to a goal itself, not to its subgoals (as in check).")
def report(db_path, out_dir, direct):
    """Write a static HTML report of DB: one page a document and an index.

    Each page shows the document's goal tree with the indicators, targets
    and activities under each goal, and marks the goals without an
    activity (as `check` counts them).  The index lists the documents with
    a chart of the share of goals followed up in each.

    \b
    Example:
        planextract report --db plans.db --out report/
    """
    from ..check import open_readonly
    from ..report import write_report

    try:
        index = write_report(open_readonly(db_path), out_dir, through_subgoals=not direct)
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))
    click.echo(f"Wrote {index}")
