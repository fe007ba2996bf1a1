"""The Swedish pipeline: lemmas, sentences, targets and Kolada ids, without downloads."""

from __future__ import annotations

import pytest
import spacy

from planextract.nlp import (
    get_nlp,
    is_infinitive,
    kolada_ids,
    lemmatize,
    normalize_for_matching,
    normalize_many,
    sentences,
)


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


def test_pipeline_is_blank_swedish_with_own_components(nlp):
    assert nlp.lang == "sv"
    assert nlp.pipe_names == [
        "planextract_normalizer",
        "sentencizer",
        "planextract_targets",
        "planextract_kolada",
    ]
    assert get_nlp() is nlp  # built once


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("ska", "ska"),  # the table says "skola"
        ("minska", "minska"),  # the table says "minsk"
        ("Andelen", "andel"),  # capitalised words are looked up in lower case
        ("Sjukfrånvaron", "sjukfrånvaro"),
        ("mål", "mål"),  # the table says "måla"
        ("målen", "mål"),
        ("plan", "plan"),
        ("fler", "fler"),
        ("arbetar", "arbeta"),  # the table says "arbetare"
        ("ökar", "öka"),
        ("brukarna", "brukare"),
        ("resultatindikatorer", "resultatindikator"),  # a compound the table lacks
        ("verksamhetsplanen", "verksamhetsplan"),
        ("frisknärvaron", "frisknärvaro"),
    ],
)
def test_lemmatize(word, lemma):
    assert lemmatize(word) == lemma


def test_normaliser_sets_token_lemmas(nlp):
    doc = nlp("Andelen brukare ska öka")
    assert [t.lemma_ for t in doc] == ["andel", "brukare", "ska", "öka"]


@pytest.mark.parametrize(
    "a, b",
    [
        ("Minska sjukfrånvaron med 1 % enhet", "Minska sjukfrånvaron med 1 % - enhet"),
        ("Arbetar efter upprättad plan för Aktivitetsplikten", "arbeta upprättad planen, aktivitetsplikt"),
        ("Öka andelen nöjda brukare 2024", "Ökar andelen nöjda brukarna (2025)"),
    ],
)
def test_normalize_for_matching_makes_wordings_alike(a, b):
    assert normalize_for_matching(a) == normalize_for_matching(b)


def test_normalize_for_matching_drops_stop_words_numbers_and_years():
    assert normalize_for_matching("Det ska vara minst 70 % av brukarna (2023).") == "minst brukare"
    assert normalize_for_matching("") == ""


def test_normalize_many_matches_single():
    texts = ["Minskad sjukfrånvaro", "Öka andelen", "Hitta lämplig lokal"]
    assert normalize_many(texts) == [normalize_for_matching(t) for t in texts]


@pytest.mark.parametrize(
    "text, ids",
    [
        ("Antal biståndstagare (N31848) delat med kommuninvånare (N01951)", ["N31848", "N01951"]),
        ("KOLADA mått (U31804), igen U31804", ["U31804"]),
        ("AN31848, N318480, X31848, n31848", []),
        ("ÄO SÄBO U23565, ÄO Hemvård U21554", ["U23565", "U21554"]),
    ],
)
def test_kolada_ids(text, ids):
    assert kolada_ids(text) == ids


def test_kolada_spans(nlp):
    doc = nlp("Nationell brukarenkät (U28523) och KOLADA mått (N31805).")
    assert [(s.text, s.label_) for s in doc.spans["kolada"]] == [("U28523", "KOLADA"), ("N31805", "KOLADA")]


def test_target_spans(nlp):
    doc = nlp(
        "Sala är en kommun i Västmanland. Personalomsättningen ska minska från 13 % till "
        "högst 11 % fram till och med 2023. Resultatet redovisas årligen."
    )
    spans = doc.spans["targets"]
    assert len(spans) == 1
    span = spans[0]
    assert span.text.startswith("Personalomsättningen")
    assert span.label_ == "decrease"
    assert (span._.target.target_op, span._.target.target_value, span._.target.target_year) == ("<=", 11.0, 2023)


def test_pipe_batches(nlp):
    docs = list(nlp.pipe(["Öka", "Sala är en kommun.", "Minska med 1 %-enhet"]))
    assert [len(d.spans["targets"]) for d in docs] == [1, 0, 1]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Detta gäller t.ex. LSS och p.g.a. lagen. Nästa mening börjar här!", 2),
        ("Ska öka fram t.o.m. 2023. Sedan ses målet över.", 2),
        ("En enda mening utan punkt", 1),
        ("", 0),
    ],
)
def test_sentences(text, expected):
    assert len(sentences(text)) == expected


@pytest.mark.parametrize("word, verb", [("hitta", True), ("genomföra", True), ("kvinna", False), ("alla", False)])
def test_is_infinitive(word, verb):
    assert is_infinitive(word) is verb


def test_normaliser_saves_and_loads(nlp, tmp_path):
    """The normaliser's corrections travel with a saved pipeline."""
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert [t.lemma_ for t in loaded("ska minska")] == ["ska", "minska"]
    assert loaded.get_pipe("planextract_normalizer").lemmatizer.rules == nlp.get_pipe(
        "planextract_normalizer"
    ).lemmatizer.rules


def test_components_take_their_settings_from_config():
    """The factories are registered with spaCy: any blank Swedish pipeline can add them."""
    nlp = spacy.blank("sv")
    nlp.add_pipe("planextract_kolada", config={"key": "kpi"})
    nlp.add_pipe("planextract_targets", config={"key": "mal"})
    doc = nlp("Andelen (U23470) ska öka till minst 72 %")
    assert [s.text for s in doc.spans["kpi"]] == ["U23470"]
    assert doc.spans["mal"][0]._.target.target_value == 72.0


def test_normalize_for_matching_undoes_soft_hyphens_and_ligatures():
    assert normalize_for_matching("Upp\u00adföljning av e\ufb00ektiv verksamhet") == normalize_for_matching(
        "uppföljning av effektiv verksamhet"
    )
