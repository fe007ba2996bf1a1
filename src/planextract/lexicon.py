"""Small Swedish lookups that do not need spaCy: Kolada ids, infinitives, lemma table.

The extraction in a worker process needs two things from the language
side: Kolada KPI ids printed in a text and whether a word is a verb's
infinitive.  Both are served from here, so that a worker never imports
spaCy or holds the whole lemma table (about 150 MB as a dict):

- :func:`kolada_ids`: a regular expression;
- :func:`is_infinitive`: ``rules/sv_infinitives.csv``, derived from the
  lemma table by ``scripts/derive_infinitives.py`` (a test checks that it
  still matches the installed table);
- :func:`lemma_table`: spacy-lookups-data's Swedish word -> lemma table,
  kept as its own sorted JSON text with arrays of offsets into it (about
  30 MB, read in a fraction of a second) and searched by bisection.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import zlib
from array import array
from pathlib import Path
from typing import Iterator, Optional

from .errors import RulesError
from .rules import load_table

LEMMA_TABLE = "sv_lemma_lookup.json.gz"
INFINITIVES = "sv_infinitives.csv"
KOLADA_ID = re.compile(r"(?<![A-Za-z0-9])[NU]\d{5}(?!\d)")


def kolada_ids(text: str) -> list[str]:
    """Kolada KPI ids in ``text``, in order, each once."""
    return list(dict.fromkeys(KOLADA_ID.findall(text or "")))


# --------------------------------------------------------------------------
# Infinitives
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def infinitives(folder: Optional[str] = None) -> frozenset:
    """The infinitives of ``rules/sv_infinitives.csv``."""
    return frozenset(row["infinitive"] for row in load_table(INFINITIVES, folder))


def is_infinitive(word: str) -> bool:
    """Whether ``word`` is a verb's infinitive, judged by the forms the lemma table knows.

    An infinitive is a lemma ending in "a", not a stop word, with at least
    three forms of one verb in the table ("hittar", "hittade", "hittat"; not
    a noun's genitive "kvinnas"); see ``scripts/derive_infinitives.py``.
    Words are looked up in lower case.
    """
    return word.lower() in infinitives()


def infinitive_forms(low: str) -> tuple[str, ...]:
    """The forms of a verb whose infinitive is ``low`` that the table is asked for."""
    return (
        low + "r", low + "s", low + "de", low + "t", low + "d",
        low[:-1] + "er", low[:-1] + "de", low[:-1] + "te", low[:-1] + "t",
    )


def derive_infinitives(table: "LemmaTable | dict", stop_words) -> list[str]:
    """The infinitives of the lemma table, sorted (what ``rules/sv_infinitives.csv`` holds)."""
    found = []
    for low in set(table.values()):
        if low != low.lower() or low in stop_words or not low.endswith("a"):
            continue
        if sum(table.get(form) == low for form in infinitive_forms(low)) >= 3:
            found.append(low)
    return sorted(found)


# --------------------------------------------------------------------------
# The lemma table
# --------------------------------------------------------------------------


class LemmaTable:
    """A read-only word -> lemma mapping over the table's own JSON text.

    The file holds one ``"form": "lemma",`` entry a line, sorted by form;
    UTF-8 byte order is code point order, so a form is found by bisection
    over the encoded keys.  Entries whose text holds an escape are decoded
    into a small dict of their own.
    """

    CHUNK = 1 << 20  # bytes parsed at a time (keeps the temporary arrays small)

    def __init__(self, raw: bytes) -> None:
        import numpy as np

        self._raw = raw
        self.extra: dict[str, str] = {}
        offsets = self._ks, self._ke, self._vs, self._ve = array("I"), array("I"), array("I"), array("I")
        lo = 0
        while lo < len(raw):
            hi = raw.find(b"\n", min(lo + self.CHUNK, len(raw)) - 1)
            hi = len(raw) if hi < 0 else hi + 1
            for into, part in zip(offsets, self._parse(np, lo, hi)):
                into.frombytes(part.astype(np.uint32).tobytes())
            lo = hi
        if not self._ks:
            raise ValueError("no entries")
        self._check_sorted()

    def _parse(self, np, lo: int, hi: int) -> tuple:
        """Offsets of key and lemma of each entry in ``raw[lo:hi]`` (whole lines)."""
        raw = self._raw
        data = np.frombuffer(raw, dtype=np.uint8, count=hi - lo, offset=lo)
        newlines = np.flatnonzero(data == 10)
        colons = np.flatnonzero(data == 58)
        colons = colons[(colons >= 1) & (colons + 2 < len(data))]
        sep = colons[(data[colons - 1] == 34) & (data[colons + 1] == 32) & (data[colons + 2] == 34)]
        line = np.searchsorted(newlines, sep)  # entry k lies on line line[k]
        if np.any(np.diff(line) == 0):
            raise ValueError("not one entry a line")
        starts = np.where(line > 0, newlines[np.maximum(line - 1, 0)] + 1, 0)
        ends = newlines[np.minimum(line, len(newlines) - 1)] if len(newlines) else np.full(len(sep), len(data))
        ends = np.where(line < len(newlines), ends, len(data))
        key_start = np.empty_like(starts)
        for k, at in enumerate(starts):  # usually one indentation for all: check it, else find each
            key_start[k] = raw.index(b'"', lo + int(at)) - lo + 1
            if k == 0:
                key_start = starts + (key_start[0] - starts[0])
                if not np.all(data[key_start - 1] == 34):
                    key_start = np.empty_like(starts)
                    continue
                break
        value_end = ends.copy()
        while len(value_end):  # strip the trailing ",", spaces and "}" to the closing quote
            tail = data[value_end - 1]
            strip = (tail == 44) | (tail == 32) | (tail == 13) | (tail == 125)
            if not strip.any():
                break
            value_end = value_end - strip
        if np.any(data[value_end - 1] != 34) or np.any(data[key_start - 1] != 34):
            raise ValueError("an entry is not a quoted key and lemma")
        value_end = value_end - 1
        escaped = np.isin(line, np.searchsorted(newlines, np.flatnonzero(data == 92)))
        for k in np.flatnonzero(escaped):
            self.extra.update(json.loads(b"{" + raw[lo + key_start[k] - 1 : lo + value_end[k] + 1] + b"}"))
        keep = ~escaped
        return tuple(lo + a[keep] for a in (key_start, sep - 1, sep + 3, value_end))

    def _key(self, i: int) -> bytes:
        return self._raw[self._ks[i] : self._ke[i]]

    def _check_sorted(self) -> None:
        step = max(1, len(self._ks) // 2000)
        sample = [self._key(i) for i in range(0, len(self._ks), step)]
        if sample != sorted(sample):
            raise ValueError("entries not sorted by form")

    def _find(self, word: str) -> int:
        key = word.encode("utf-8")
        i = bisect.bisect_left(range(len(self._ks)), key, key=self._key)
        return i if i < len(self._ks) and self._key(i) == key else -1

    def get(self, word: str, default: Optional[str] = None) -> Optional[str]:
        i = self._find(word)
        if i < 0:
            return self.extra.get(word, default)
        return self._raw[self._vs[i] : self._ve[i]].decode("utf-8")

    def __getitem__(self, word: str) -> str:
        lemma = self.get(word)
        if lemma is None:
            raise KeyError(word)
        return lemma

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __len__(self) -> int:
        return len(self._ks) + len(self.extra)

    def keys(self) -> Iterator[str]:
        raw = self._raw
        for a, b in zip(self._ks, self._ke):
            yield raw[a:b].decode("utf-8")
        yield from self.extra

    __iter__ = keys

    def values(self) -> Iterator[str]:
        raw = self._raw
        for a, b in zip(self._vs, self._ve):
            yield raw[a:b].decode("utf-8")
        yield from self.extra.values()

    def items(self) -> Iterator[tuple[str, str]]:
        return zip(self.keys(), self.values())

    def lemmas(self) -> frozenset:
        """Every distinct lemma (the table's base forms)."""
        raw = self._raw
        found = {raw[a:b] for a, b in zip(self._vs, self._ve)}
        return frozenset(b.decode("utf-8") for b in found) | frozenset(self.extra.values())


def lemma_table_path() -> Path:
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - a declared dependency
        raise RulesError("spacy-lookups-data is not installed: pip install spacy-lookups-data") from None
    return Path(spacy_lookups_data.__file__).parent / "data" / LEMMA_TABLE


@functools.lru_cache(maxsize=1)
def lemma_table() -> "LemmaTable | dict":
    """spacy-lookups-data's Swedish word -> lemma table (about 660,000 forms)."""
    path = lemma_table_path()
    try:
        raw = zlib.decompress(path.read_bytes(), 16 + zlib.MAX_WBITS)  # one buffer, no chunks
    except FileNotFoundError:
        raise RulesError(f"{path}: Swedish lemma table not found in spacy-lookups-data") from None
    try:
        return LemmaTable(raw)
    except ValueError:  # laid out otherwise than one sorted entry a line: a plain dict
        return json.loads(raw)
