"""The Swedish pipeline: spaCy blank "sv" with planextract's own components.

No model is downloaded: lemmas come from spacy-lookups-data's Swedish
lookup table (read from the package's data files by
:mod:`planextract.lexicon`, which also serves :func:`kolada_ids` and
:func:`is_infinitive` without spaCy), corrected by
``rules/lemmas.yaml``; words the table misses are split into a known tail
("resultatindikatorer" -> "resultat" + "indikator") or lose a clearly
inflectional ending.

Components, registered the spaCy way:

- ``planextract_normalizer``: sets ``token.lemma_``;
- ``sentencizer`` (spaCy's own);
- ``planextract_targets``: targets stated in each sentence, in
  ``doc.spans["targets"]`` with the :class:`~planextract.models.Target` as
  ``span._.target``;
- ``planextract_kolada``: Kolada KPI ids (N31848, U31804) in
  ``doc.spans["kolada"]``.

Plain functions for other modules: :func:`normalize_for_matching`,
:func:`kolada_ids`, :func:`sentences`, :func:`lemmatize`.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Iterable, Optional

import spacy
from pydantic import model_validator
from spacy.language import Language
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from .lexicon import KOLADA_ID, LEMMA_TABLE, is_infinitive, kolada_ids, lemma_table  # noqa: F401
from .rules import RulesModel, load_rules
from .targets import clean_text, parse_target

if not Span.has_extension("target"):
    Span.set_extension("target", default=None)


# --------------------------------------------------------------------------
# Lemma rules and the lookup table
# --------------------------------------------------------------------------


class LemmaRules(RulesModel):
    """The shape of ``rules/lemmas.yaml``."""

    overrides: dict[str, str]
    suffixes: dict[str, str]
    compound_min_tail: int
    min_stem: int
    keep_words: list[str]
    extra_stop_words: list[str]

    @model_validator(mode="after")
    def _check(self) -> "LemmaRules":
        for word in self.overrides:
            if word != word.lower() or not word.strip():
                raise ValueError(f"overrides.{word}: words must be lower case")
        for word in self.keep_words:
            if word not in STOP_WORDS:
                raise ValueError(f"keep_words: {word!r} is not one of spaCy's Swedish stop words")
        if self.compound_min_tail < 2 or self.min_stem < 1:
            raise ValueError("compound_min_tail must be at least 2 and min_stem at least 1")
        return self


def lemma_rules(folder: Optional[str] = None) -> LemmaRules:
    return load_rules("lemmas.yaml", LemmaRules, folder)


@functools.lru_cache(maxsize=1)
def _base_forms() -> frozenset:
    table = lemma_table()
    return table.lemmas() if hasattr(table, "lemmas") else frozenset(table.values())


class Lemmatizer:
    """Word -> lemma: corrections, then the table, then compounds, then suffixes."""

    def __init__(self, rules: LemmaRules) -> None:
        self.rules = rules
        self.suffixes = sorted(rules.suffixes.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.stop_words = (set(STOP_WORDS) - set(rules.keep_words)) | set(rules.extra_stop_words)
        self._cache: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        low = word.lower()
        lemma = self._cache.get(low)
        if lemma is None:
            lemma = self._lemma(low)
            if len(self._cache) < 500_000:
                self._cache[low] = lemma
        return lemma

    def _known(self, low: str) -> Optional[str]:
        override = self.rules.overrides.get(low)
        if override is not None:
            return override
        lemma = lemma_table().get(low)
        if lemma is not None:
            if low.endswith("ar") and lemma == low + "e":
                return low[:-1]  # "arbetar" -> "arbeta", not the noun "arbetare"
            if (lemma == low + "a" or low == lemma + "a") and low in _base_forms():
                return low  # "plan" stays a noun (not "plana"), "minska" a verb (not "minsk")
            return lemma
        if low in _base_forms():
            return low
        return None

    def _lemma(self, low: str) -> str:
        if not low.isalpha():
            return low
        known = self._known(low)
        if known is not None:
            return known
        min_tail = self.rules.compound_min_tail
        for split in range(2, len(low) - min_tail + 1):
            tail = self._known(low[split:])
            if tail is not None:
                return low[:split] + tail
        for suffix, replacement in self.suffixes:
            if low.endswith(suffix) and len(low) - len(suffix) >= self.rules.min_stem:
                return low[: -len(suffix)] + replacement
        return low


@functools.lru_cache(maxsize=None)
def get_lemmatizer(folder: Optional[str] = None) -> Lemmatizer:
    return Lemmatizer(lemma_rules(folder))


def lemmatize(word: str) -> str:
    """The lemma of one word, lower case."""
    return get_lemmatizer()(word)


# --------------------------------------------------------------------------
# Components
# --------------------------------------------------------------------------


class Normalizer:
    """Sets ``token.lemma_`` to the lower-case lemma of every token."""

    def __init__(self, nlp: Language, name: str, *, rules_folder: Optional[str] = None) -> None:
        self.name = name
        self.rules_folder = rules_folder
        self.lemmatizer = get_lemmatizer(rules_folder)

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        for token in doc:
            token.lemma_ = lemmatizer(token.text)
        return doc

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "lemmas.json").write_text(
            json.dumps(self.lemmatizer.rules.model_dump(), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )

    def from_disk(self, path, *, exclude=()) -> "Normalizer":
        data = json.loads((Path(path) / "lemmas.json").read_text(encoding="utf-8"))
        self.lemmatizer = Lemmatizer(LemmaRules.model_validate(data))
        return self


@Language.factory("planextract_normalizer", default_config={"rules_folder": None})
def make_normalizer(nlp: Language, name: str, rules_folder: Optional[str]) -> Normalizer:
    return Normalizer(nlp, name, rules_folder=rules_folder)


class TargetFinder:
    """Puts each sentence that states a target in ``doc.spans["targets"]``."""

    def __init__(
        self, nlp: Language, name: str, *, rules_folder: Optional[str] = None, key: str = "targets"
    ) -> None:
        self.name = name
        self.rules_folder = rules_folder
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        parts = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        spans = []
        for sent in parts:
            target = parse_target(sent.text, rules_folder=self.rules_folder)
            if target is None:
                continue
            span = Span(doc, sent.start, sent.end, label=target.direction)
            span._.target = target
            spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.factory(
    "planextract_targets", default_config={"rules_folder": None, "key": "targets"}
)
def make_target_finder(
    nlp: Language, name: str, rules_folder: Optional[str], key: str
) -> TargetFinder:
    return TargetFinder(nlp, name, rules_folder=rules_folder, key=key)


class KoladaFinder:
    """Puts Kolada KPI ids (a letter N or U and five digits) in ``doc.spans["kolada"]``."""

    def __init__(self, nlp: Language, name: str, *, key: str = "kolada") -> None:
        self.name = name
        self.key = key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match in KOLADA_ID.finditer(doc.text):
            span = doc.char_span(*match.span(), label="KOLADA", alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.key] = spans
        return doc


@Language.factory("planextract_kolada", default_config={"key": "kolada"})
def make_kolada_finder(nlp: Language, name: str, key: str) -> KoladaFinder:
    return KoladaFinder(nlp, name, key=key)


# --------------------------------------------------------------------------
# The pipeline and plain functions
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def get_nlp(rules_folder: Optional[str] = None) -> Language:
    """The planextract pipeline (built once per process, no downloads)."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("planextract_normalizer", config={"rules_folder": rules_folder})
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("planextract_targets", config={"rules_folder": rules_folder})
    nlp.add_pipe("planextract_kolada")
    return nlp


@functools.lru_cache(maxsize=1)
def _tokenizer_nlp() -> Language:
    nlp = spacy.blank("sv")
    nlp.add_pipe("sentencizer")
    return nlp


def _matching_words(doc: Doc, lemmatizer: Lemmatizer) -> str:
    words = []
    for token in doc:
        if token.is_punct or token.is_space or token.like_num:
            continue
        text = token.text.strip("-–/.,:;()[]\"'”“’")
        if len(text) < 2 or not any(ch.isalpha() for ch in text) or any(ch.isdigit() for ch in text):
            continue
        lemma = lemmatizer(text)
        if lemma in lemmatizer.stop_words or text.lower() in lemmatizer.stop_words:
            continue
        words.append(lemma)
    return " ".join(words)


def normalize_for_matching(text: str) -> str:
    """Lemmas in lower case, without stop words, punctuation, numbers and years.

    Two wordings of one item come out alike: "Minska sjukfrånvaron med 1 %
    enhet" and "Minska sjukfrånvaron med 1 % - enhet" both give "minska
    sjukfrånvaro enhet".
    """
    doc = _tokenizer_nlp().make_doc(clean_text(text))
    return _matching_words(doc, get_lemmatizer())


def normalize_many(texts: Iterable[str], *, batch_size: int = 256) -> list[str]:
    """:func:`normalize_for_matching` of many texts (tokenised in batches)."""
    nlp = _tokenizer_nlp()
    lemmatizer = get_lemmatizer()
    cleaned = (clean_text(t) for t in texts)
    return [
        _matching_words(doc, lemmatizer)
        for doc in nlp.pipe(cleaned, batch_size=batch_size, disable=["sentencizer"])
    ]


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` (abbreviations such as "t.ex." do not end one)."""
    doc = _tokenizer_nlp()(clean_text(text))
    return [s.text.strip() for s in doc.sents if s.text.strip()]
