"""The ``planextract`` command line: a thin layer over the library.

Each command parses its options, calls one library function and turns
domain errors into :class:`click.ClickException` here, at the edge.
Commands live one module a concern; library imports happen inside the
command so that ``planextract --help`` stays fast.
"""

from __future__ import annotations

import click

from .. import __version__

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="planextract")
def cli() -> None:
    """Extract goals, indicators, targets and activities from Swedish
    municipal plan PDFs into one SQLite database, and answer questions
    about them.

    \b
    Example:
        planextract ingest corpus/pdf --db plans.db
        planextract check --db plans.db
        planextract serve --db plans.db
    """


def _register() -> None:
    from . import commands  # noqa: F401  (each module adds its commands)


_register()
