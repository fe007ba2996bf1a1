"""Where the project's data lives: ``rules/`` and ``models/``.

In a source checkout (or an editable install) they are the top-level
folders of the repository; in a wheel they are packaged under
``planextract/_data``.  ``PLANEXTRACT_RULES`` and ``PLANEXTRACT_MODELS``
override either.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _locate(name: str, env: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent.parent / name


def rules_dir() -> Path:
    """The folder of rule and vocabulary files."""
    return _locate("rules", "PLANEXTRACT_RULES")


def models_dir() -> Path:
    """The folder of trained models."""
    return _locate("models", "PLANEXTRACT_MODELS")
