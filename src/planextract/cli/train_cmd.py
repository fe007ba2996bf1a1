"""``planextract train``: the segment classifier from annotated documents."""

from __future__ import annotations

import click

from . import cli
from .options import db_option


@cli.command()
@db_option()
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(exists=True, file_okay=False), help="Folder of gold JSON files (repeatable); only their 'tune' documents are used.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Model folder: the trained pipeline is written to OUT/model.")
@click.option("--config", "config", type=click.Path(exists=True, dir_okay=False), help="spaCy training config [default: OUT/config.cfg, else models/textcat/config.cfg].")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (data order, dev share, initial weights).")
@click.option("--threshold", type=click.FloatRange(min=0, max=100, min_open=True), default=80.0, show_default=True, help="Least text similarity (0-100) for a segment to take the label of a gold item.")
def train(db_path, gold_dirs, out_dir, config, seed, threshold):
    """Train the goal / indicator / activity / none classifier of segments.

    Every heading, paragraph, list item and table cell of the documents in
    DB that have gold (split "tune" only; held-out documents are never
    trained on) is labelled with the kind of the gold item it matches, or
    "none", and a small spaCy text classifier (blank Swedish pipeline, CPU,
    nothing downloaded) is trained on them from the spaCy config.  Ingest
    the gold documents' PDFs into DB first.

    \b
    Example:
        planextract ingest corpus/pdf --db train.db
        planextract train --db train.db --gold corpus/gold --out models/textcat
        planextract train --db train.db --gold corpus/gold --gold tests/gold/real --out models/textcat
    """
    from pathlib import Path

    from ..errors import PlanExtractError
    from ..textcat import config_path, load_gold_files, train as run_train, training_data

    if config is None:
        own = config_path(Path(out_dir))
        config = own if own.is_file() else config_path()
    try:
        gold = load_gold_files(gold_dirs, "tune")
        if not gold:
            raise click.ClickException(f"no gold document with split 'tune' in {', '.join(gold_dirs)}")
        data = training_data(db_path, gold, threshold=threshold)
        result = run_train(data, out_dir, config=config, seed=seed)
    except PlanExtractError as exc:
        raise click.ClickException(str(exc))
    counts = ", ".join(f"{n} {label}" for label, n in result.counts.items())
    click.echo(f"Trained on {len(result.files)} documents: {counts} segments")
    if data.unmatched:
        click.echo(f"  {data.unmatched} gold items matched no segment (not trained on)")
    scores = result.dev_scores
    if "cats_macro_f" in scores:
        click.echo(f"Dev share: macro F1 {scores['cats_macro_f']:.3f}, micro F1 {scores.get('cats_micro_f', 0):.3f}")
    click.echo(f"Wrote {result.path} ({result.size_bytes / 1e6:.1f} MB)")
