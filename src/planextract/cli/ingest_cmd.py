"""``planextract ingest``."""

from __future__ import annotations

from pathlib import Path

import click

from . import cli
from .options import silent_option


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="The SQLite database file (created if missing).")
@click.option("--force", is_flag=True, help="Re-do documents already in the database.")
@click.option("--retry-failed", is_flag=True, help="Re-do documents that failed before.")
@click.option("--strict", is_flag=True, help="Exit 1 if any document failed.")
@click.option("-w", "--workers", type=click.IntRange(min=0), default=0, show_default=True, help="Worker processes (0: one per core).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=600.0, show_default=True, help="Seconds one document may take before it is stopped and recorded as failed.")
@click.option("--ocr", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True, help="OCR pages without text (auto), every page (always) or none (never).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Run documents in local worker processes or on a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786); without it a local Dask cluster is started.")
@silent_option
def ingest(paths, db_path, force, retry_failed, strict, workers, timeout, ocr, executor, scheduler, silent):
    """Ingest PDFs (files or folders, searched recursively) into DB.

    Each document is identified by the SHA-256 of its bytes; one already in
    the database is skipped unless --force.  A document that cannot be read
    is recorded with its reason and the batch goes on.

    \b
    Example:
        planextract ingest corpus/pdf --db plans.db
        planextract ingest plans/ more.pdf --db plans.db --workers 2 --strict
    """
    from ..ingest import IngestOptions, ingest as run_ingest

    try:
        options = IngestOptions(
            force=force, retry_failed=retry_failed, workers=workers, timeout=timeout,
            ocr=ocr, executor=executor, scheduler=scheduler,
        )
    except ValueError as exc:
        raise click.UsageError(str(exc))
    bar = _ProgressBar(silent)
    summary = run_ingest(paths, db_path, options, progress=bar)
    bar.close()
    click.echo(
        f"Ingested {len(summary.ingested)}, skipped {len(summary.skipped)} "
        f"(already in the database){_duplicates(summary)}, no text {len(summary.no_text)}, "
        f"failed {len(summary.failed)}; {summary.pages} pages in {summary.seconds:.1f} s"
    )
    if summary.ingested:
        click.echo("Found " + ", ".join(f"{n} {kind}" for kind, n in summary.items.items()))
    for path, original in summary.duplicates:
        click.echo(f"  duplicate: {Path(path).name} has the same bytes as {Path(original).name}")
    for failure in summary.no_text:
        click.echo(f"  no text: {failure.reason}")
    for failure in summary.failed:
        click.echo(f"  failed:  {failure.reason}")
    if strict and (summary.failed or summary.no_text):
        raise SystemExit(1)


def _duplicates(summary) -> str:
    n = len(summary.duplicates)
    return f", {n} duplicate{'s' if n != 1 else ''} (same bytes as another file)" if n else ""


class _ProgressBar:
    """A click progress bar fed by the library's progress callback."""

    def __init__(self, silent: bool) -> None:
        self.silent = silent
        self.bar = None
        self.pages = 0

    def __call__(self, event, item, result) -> None:
        if self.silent:
            return
        if event == "start":
            self.bar = click.progressbar(length=item, label="Ingesting", show_pos=True, item_show_func=lambda s: s, file=click.get_text_stream("stderr"))
            self.bar.__enter__()
            return
        if result is not None and result.parsed is not None:
            self.pages += result.parsed.pages
        self.bar.update(1, f"{self.pages} pages  {Path(str(item)).name[:40]}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
