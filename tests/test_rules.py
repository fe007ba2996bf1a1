"""Strict loading of rules files: a bad key is an error naming the file and the key."""

from __future__ import annotations

import shutil

import pytest

from planextract.errors import RulesError
from planextract.nlp import LemmaRules
from planextract.resources import rules_dir
from planextract.rules import RulesModel, parse_rules
from planextract.targets import TargetRules

OWNED = {"targets.yaml": TargetRules, "lemmas.yaml": LemmaRules}


@pytest.mark.parametrize("name, model", sorted(OWNED.items()))
def test_shipped_rules_load(name, model):
    assert isinstance(parse_rules(rules_dir() / name, model), model)


def corrupt(tmp_path, name: str, old: str, new: str):
    path = tmp_path / name
    shutil.copy(rules_dir() / name, path)
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "name, old, new, message",
    [
        ("targets.yaml", "hedges:", "hedgez:", "missing key 'hedges'; unknown key 'hedgez'"),
        ("targets.yaml", "  increase: [", "  grow: [",
         "key 'directions': Value error, unknown direction 'grow' (allowed: increase, decrease, maintain, reach)"),
        ("targets.yaml", '  ">": [', '  "!=": [',
         "key 'operators': Value error, unknown operator '!=' (allowed: >=, >, <=, <, =)"),
        ("targets.yaml", "short_text_words: 12", "short_text_words: 0",
         "key 'short_text_words': Value error, must be at least 1"),
        ("targets.yaml", "short_text_words: 12", "short_text_words: many",
         "key 'short_text_words': Input should be a valid integer, unable to parse string as an integer"),
        ("targets.yaml", "  kr: [kr,", "  kr: [procent, kr,",
         "key '(top level)': Value error, units.kr: 'procent' is also listed under '%'"),
        ("targets.yaml", "number_words: {en: 1,", "number_words: {en: one,",
         "key 'number_words.en': Input should be a valid integer, unable to parse string as an integer"),
        ("lemmas.yaml", "overrides:", "override:", "missing key 'overrides'; unknown key 'override'"),
        ("lemmas.yaml", "min_stem: 3", "min_stem: 3\nmax_stem: 9", "unknown key 'max_stem'"),
        ("lemmas.yaml", "  ska: ska\n", "  SKA: ska\n",
         "key '(top level)': Value error, overrides.SKA: words must be lower case"),
        ("lemmas.yaml", "keep_words: [fler,", "keep_words: [barn, fler,",
         "key '(top level)': Value error, keep_words: 'barn' is not one of spaCy's Swedish stop words"),
        ("lemmas.yaml", "compound_min_tail: 5", "compound_min_tail: 1",
         "key '(top level)': Value error, compound_min_tail must be at least 2 and min_stem at least 1"),
    ],
)
def test_bad_key_names_file_and_key(tmp_path, name, old, new, message):
    path = corrupt(tmp_path, name, old, new)
    with pytest.raises(RulesError) as info:
        parse_rules(path, OWNED[name])
    assert str(info.value) == f"{path}: {message}"


class Small(RulesModel):
    words: list[str]
    limit: int = 3


@pytest.mark.parametrize(
    "text, message",
    [
        ("limit: 2\n", "missing key 'words'"),
        ("words: [a]\nwordz: [b]\n", "unknown key 'wordz'"),
        ("words: a\n", "key 'words': Input should be a valid list"),
        ("- a\n- b\n", "expected a mapping of keys at the top level"),
        ("", "missing key 'words'"),
    ],
)
def test_rules_loader_messages(tmp_path, text, message):
    path = tmp_path / "small.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as info:
        parse_rules(path, Small)
    assert str(info.value) == f"{path}: {message}"


def test_not_yaml(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text("words: [a\n", encoding="utf-8")
    with pytest.raises(RulesError) as info:
        parse_rules(path, Small)
    assert str(info.value).startswith(f"{path}: not valid YAML: ")


def test_missing_file(tmp_path):
    with pytest.raises(RulesError) as info:
        parse_rules(tmp_path / "nothing.yaml", Small)
    assert str(info.value) == f"{tmp_path / 'nothing.yaml'}: rules file not found"
