"""Options shared by several commands, as decorators (never copied per command)."""

from __future__ import annotations

import click


def db_option(exists: bool = True):
    """``--db FILE``: the planextract database."""
    return click.option(
        "--db",
        "db_path",
        required=True,
        type=click.Path(dir_okay=False, exists=exists),
        help="The SQLite database file.",
    )


def silent_option(function):
    """``-s/--silent``: no progress bar."""
    return click.option(
        "-s", "--silent", is_flag=True, help="Do not show a progress bar."
    )(function)


def format_option(choices, default):
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )
