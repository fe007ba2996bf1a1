"""``planextract compare``: one indicator across kommuner, documents and years."""

from __future__ import annotations

import click

from . import cli
from .options import db_option, format_option
from ..errors import PlanExtractError


@cli.command()
@db_option()
@click.argument("query")
@click.option("-n", "--limit", type=click.IntRange(min=1), default=5, show_default=True, help="How many canonical indicators to show at most.")
@click.option("--min-score", type=click.FloatRange(0, 100), default=70.0, show_default=True, help="How alike (0-100) a canonical indicator's wording must be to QUERY.")
@format_option(["table", "csv", "json"], "table")
def compare(db_path, query, limit, min_score, output_format):
    """Compare the indicators matching QUERY across kommuner and years.

    Finds the canonical indicators (the same indicator as worded in
    different plans) whose wording holds QUERY, or whose indicator texts
    full-text search finds, or whose Kolada KPI id is QUERY.  Prints each
    document's indicator with its target (direction, operator, value, unit,
    year), then the measured values with one column per period.  Exits 1
    when nothing matches.

    \b
    Example:
        planextract compare --db plans.db sjukfrånvaro
        planextract compare --db plans.db "behöriga till gymnasiet" --limit 3
        planextract compare --db plans.db N00090 --format csv > sjukfranvaro.csv
    """
    from ..canonical import compare as run_compare
    from ..store import open_db

    try:
        db = open_db(db_path, wal=False)
        try:
            targets, values = run_compare(db, query, limit=limit, min_score=min_score)
        finally:
            db.close()
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))
    if targets.empty:
        click.echo(f"No indicator matches {query!r}.", err=True)
        raise SystemExit(1)
    if output_format == "csv":
        click.echo(targets.to_csv(index=False), nl=False)
        return
    if output_format == "json":
        click.echo(targets.to_json(orient="records", force_ascii=False, indent=2))
        return
    click.echo(targets.drop(columns=["page"]).to_string(index=False, max_colwidth=60))
    if not values.empty:
        click.echo("\nValues by period:")
        click.echo(values.to_string(index=False, max_colwidth=50, na_rep=""))
