"""``planextract eval``: accuracy against gold annotations."""

from __future__ import annotations

import json

import click

from . import cli
from .options import db_option


@cli.command("eval")
@db_option()
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False), help="Folder of gold JSON files, one a document.")
@click.option("--split", type=click.Choice(["tune", "heldout", "all"]), default="all", show_default=True, help="Which gold documents to score.")
@click.option("--threshold", type=click.FloatRange(min=0, max=100, min_open=True), default=80.0, show_default=True, help="Least text similarity (0-100) for a gold and an extracted item to match.")
@click.option("-v", "--verbose", is_flag=True, help="Also scores per document, and every miss, extra, wrong link and wrong target field.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def eval_command(db_path, gold_dir, split, threshold, verbose, as_json):
    """Score the extraction in DB against the gold annotations in a folder.

    Each gold file is matched to the document of the same file name; gold
    and extracted items are paired one to one by fuzzy text similarity.
    Prints precision, recall and F1 per kind (goal, indicator, activity,
    target), macro F1, goal-link accuracy and target-field accuracy.

    \b
    Example:
        planextract eval --db plans.db --gold corpus/gold
        planextract eval --db plans.db --gold corpus/gold --split heldout --verbose
        planextract eval --db plans.db --gold corpus/gold --json > scores.json
    """
    from ..errors import PlanExtractError
    from ..evaluate import evaluate, format_report

    try:
        report = evaluate(db_path, gold_dir, split, threshold=threshold)
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(report, verbose=verbose), nl=False)
