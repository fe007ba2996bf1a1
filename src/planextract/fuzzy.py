"""Fuzzy matching in one place (RapidFuzz), with the processor always explicit.

Vocabulary terms match text that is inflected, misspelt ("Tiplan") or
damaged by OCR.  ``None`` means no match.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Optional, Sequence

from rapidfuzz import fuzz, process, utils

_SPACE = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Lower case, punctuation to spaces, white space folded; å, ä, ö kept.

    Cached: vocabulary terms and cell texts are normalised again and again.
    """
    text = unicodedata.normalize("NFC", text)
    return utils.default_process(_SPACE.sub(" ", text))


def best_match(
    query: str,
    choices: Sequence[str],
    *,
    score_cutoff: float = 85.0,
    scorer=fuzz.ratio,
) -> Optional[tuple[str, float, int]]:
    """The choice most like ``query`` as (choice, score, index), or ``None``."""
    if not query or not choices:
        return None
    return process.extractOne(
        query, choices, scorer=scorer, processor=normalize, score_cutoff=score_cutoff
    )


def matches_any(query: str, choices: Iterable[str], *, score_cutoff: float = 85.0) -> bool:
    return best_match(query, list(choices), score_cutoff=score_cutoff) is not None
