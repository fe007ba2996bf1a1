"""The command line: every command documented, the README in step with it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from planextract import __version__
from planextract.cli import cli

from .conftest import REPO

COMMANDS = sorted(cli.commands)


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"planextract, version {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(cli, [command, "-h"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output, f"{command} --help lacks an Example block"


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_every_command(command):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"planextract {command}\b", readme), f"README does not show 'planextract {command}'"


def test_readme_first_screen_has_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_screen = "\n".join(readme.splitlines()[:40])
    assert "make demo" in first_screen
    assert "make test" in first_screen
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
