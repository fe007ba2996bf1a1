"""Loading rule and vocabulary files from ``rules/``, validated strictly.

Every rules file has a pydantic model, declared by the module that uses
it, with ``extra="forbid"``: a misspelt or unknown key is an error that
names the file and the key, never silently ignored.

    class DirectionRules(RulesModel):
        increase: list[str]

    rules = load_rules("directions.yaml", DirectionRules)
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import Type, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import RulesError
from .resources import rules_dir


class RulesModel(BaseModel):
    """Base of every rules-file model: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=RulesModel)


def _describe(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"]) or "(top level)"
    if error["type"] == "extra_forbidden":
        return f"unknown key '{where}'"
    if error["type"] == "missing":
        return f"missing key '{where}'"
    return f"key '{where}': {error['msg']}"


def parse_rules(path: Path, model: Type[M]) -> M:
    """Read and validate one YAML rules file (no caching)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RulesError(f"{path}: rules file not found") from None
    except yaml.YAMLError as exc:
        raise RulesError(f"{path}: not valid YAML: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise RulesError(f"{path}: expected a mapping of keys at the top level")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(_describe(error) for error in exc.errors())
        raise RulesError(f"{path}: {problems}") from None


@functools.lru_cache(maxsize=None)
def load_rules(name: str, model: Type[M], folder: str | None = None) -> M:
    """Load ``rules/<name>`` as ``model`` (cached per process)."""
    base = Path(folder) if folder else rules_dir()
    return parse_rules(base / name, model)


@functools.lru_cache(maxsize=None)
def load_table(name: str, folder: str | None = None) -> tuple[dict, ...]:
    """Load ``rules/<name>``, a CSV reference table with a header row."""
    base = Path(folder) if folder else rules_dir()
    path = base / name
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return tuple(csv.DictReader(row for row in handle if not row.startswith("#")))
    except FileNotFoundError:
        raise RulesError(f"{path}: reference table not found") from None
