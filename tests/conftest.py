"""Shared fixtures: paths to the corpus and the real PDFs, fresh databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLANEXTRACT_SHARED", REPO.parent / "shared"))
CORPUS_REAL = SHARED / "corpus-real"
CORPUS_PDF = REPO / "corpus" / "pdf"
CORPUS_GOLD = REPO / "corpus" / "gold"
ARTIFACTS = REPO / "test-artifacts"


def real_pdf(name: str) -> Path:
    """A real PDF from ../shared/corpus-real, or skip the test when it is absent."""
    path = CORPUS_REAL / name
    if not path.is_file():
        pytest.skip(f"real PDF not available: {name}")
    return path


@pytest.fixture
def corpus_real() -> Path:
    if not CORPUS_REAL.is_dir() or not any(CORPUS_REAL.glob("*.pdf")):
        pytest.skip("../shared/corpus-real is not available")
    return CORPUS_REAL


@pytest.fixture
def corpus_pdf() -> Path:
    if not any(CORPUS_PDF.glob("*.pdf")):
        pytest.skip("corpus/pdf holds no PDFs: run python corpus/generate.py")
    return CORPUS_PDF


@pytest.fixture
def db_path(tmp_path) -> Path:
    """Path of a fresh (not yet created) database file."""
    return tmp_path / "plans.db"


@pytest.fixture
def db(db_path):
    from planextract.store import open_db

    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
