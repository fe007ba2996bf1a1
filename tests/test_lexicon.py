"""The spaCy-free lookups: Kolada ids, infinitives, the compact lemma table."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zlib

import pytest

from planextract.lexicon import (
    LemmaTable,
    derive_infinitives,
    infinitives,
    is_infinitive,
    kolada_ids,
    lemma_table,
    lemma_table_path,
)


@pytest.fixture(scope="module")
def table_dict() -> dict:
    return json.loads(zlib.decompress(lemma_table_path().read_bytes(), 16 + zlib.MAX_WBITS))


def test_lemma_table_is_compact():
    assert isinstance(lemma_table(), LemmaTable)


def test_lemma_table_matches_the_json(table_dict):
    table = lemma_table()
    assert len(table) == len(table_dict)
    sample = random.Random(7).sample(sorted(table_dict), 20_000)
    sample += [k for k in table_dict if "\\" in json.dumps(k) or "/" in k]
    assert all(table.get(k) == table_dict[k] for k in sample)
    assert table.get("arbetar") == table_dict["arbetar"]
    assert table.get("ingetordsomfinns") is None and "ingetordsomfinns" not in table
    assert table.lemmas() == frozenset(table_dict.values())


def test_lemma_table_reads_escapes_and_odd_layout():
    text = {"a": "b", "b\"c": "d\\e", "x": "ö", "åäö": "åa"}
    for indent in (None, 4):
        raw = json.dumps(text, ensure_ascii=False, sort_keys=True, indent=indent).encode()
        if indent is None:
            with pytest.raises(ValueError):
                LemmaTable(raw)  # one line: the loader falls back to a dict
            continue
        table = LemmaTable(raw)
        assert {k: table.get(k) for k in text} == text
        assert table.get("å") is None


def test_infinitives_match_the_table(table_dict):
    """rules/sv_infinitives.csv is what scripts/derive_infinitives.py makes of the installed table."""
    from spacy.lang.sv.stop_words import STOP_WORDS

    assert sorted(infinitives()) == derive_infinitives(table_dict, STOP_WORDS)


@pytest.mark.parametrize("word, verb", [("hitta", True), ("Genomföra", True), ("kvinna", False), ("alla", False), ("", False)])
def test_is_infinitive(word, verb):
    assert is_infinitive(word) is verb


def test_kolada_ids():
    assert kolada_ids("KPI N31848 och U28523, N31848 igen; XN12345 nej") == ["N31848", "U28523"]


def test_extraction_lookups_do_not_import_spacy():
    code = (
        "import sys; from planextract.pipeline import warm_up; warm_up(); "
        "print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
