"""The segment classifier: data, training, loading without network, the train command."""

from __future__ import annotations

import json
import shutil
import socket

import pytest
from click.testing import CliRunner

from planextract import textcat as T
from planextract.cli import cli
from planextract.models import Block, ParsedDocument, Section, Table

from .conftest import CORPUS_GOLD, REPO

COMMITTED = REPO / "models" / "textcat"


def _tiny_data() -> T.TrainingData:
    """A generated dataset: each label worded its own way, varied by subject."""
    subjects = ["förskolan", "skolan", "äldreomsorgen", "biblioteket", "hemtjänsten", "fritidsgården", "kulturskolan", "gymnasiet"]
    data = T.TrainingData(files=["generated.pdf"])
    for s in subjects:
        for text, label in (
            (f"Alla invånare ska vara nöjda med {s}", "goal"),
            (f"Andel nöjda brukare inom {s}, %", "indicator"),
            (f"Genomföra en kartläggning av lokalerna i {s}", "activity"),
            (f"Budgeten för {s} redovisas i tkr per månad", "none"),
        ):
            data.texts.append(text)
            data.labels.append(label)
    return data


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("textcat")
    # a handful of examples makes a few steps: evaluate often so a trained checkpoint is kept
    result = T.train(_tiny_data(), out, seed=0, overrides={"training.eval_frequency": 5})
    return result


def _block_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# --------------------------------------------------------------------------
# The committed config and model
# --------------------------------------------------------------------------


def test_committed_config_parses_into_a_textcat_pipeline():
    from spacy.util import load_config, load_model_from_config

    config = load_config(T.config_path(COMMITTED))
    assert config["nlp"]["lang"] == "sv"
    assert config["nlp"]["pipeline"] == ["textcat"]
    assert config["components"]["textcat"]["factory"] == "textcat"  # exclusive classes
    assert config["components"]["textcat"]["model"]["linear_model"]["exclusive_classes"] is True
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    assert nlp.pipe_names == ["textcat"]


def test_committed_model_loads_from_models_without_network(monkeypatch):
    if not (T.model_path(COMMITTED) / "meta.json").is_file():
        pytest.skip("no trained model committed in models/textcat/model")
    _block_network(monkeypatch)
    monkeypatch.setenv("PLANEXTRACT_MODELS", str(REPO / "models"))
    T._load.cache_clear()
    nlp = T.load_model()
    assert nlp is not None and nlp.pipe_names == ["textcat"]
    scores = T.predict(["Andelen elever som når kunskapskraven ska öka", "Inledning"], nlp)
    assert [set(s) for s in scores] == [set(T.LABELS)] * 2
    size = sum(p.stat().st_size for p in T.model_path(COMMITTED).rglob("*") if p.is_file())
    assert size < 8_000_000, f"the committed model is {size / 1e6:.1f} MB"


def test_load_model_is_none_without_a_trained_model(tmp_path):
    assert T.load_model(tmp_path / "model") is None


def test_predict_without_a_model_is_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANEXTRACT_MODELS", str(tmp_path))
    assert T.load_model() is None
    assert T.predict(["Ett växande Sala"]) == []


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------


def test_training_on_a_tiny_dataset_gives_a_loadable_model(tiny_model, monkeypatch):
    _block_network(monkeypatch)
    nlp = T.load_model(tiny_model.path)
    assert nlp is not None
    texts = ["Alla invånare ska vara nöjda med simhallen", "Andel nöjda brukare inom simhallen, %", "Ekonomi"]
    scores = T.predict(texts, nlp)
    assert len(scores) == 3
    for s in scores:
        assert set(s) == set(T.LABELS)
        assert sum(s.values()) == pytest.approx(1.0, abs=1e-3)
    assert T.best_label(scores[1])[0] == "indicator"
    written = json.loads((tiny_model.path / "training.json").read_text(encoding="utf-8"))
    assert written["segments"] == {"goal": 8, "indicator": 8, "activity": 8, "none": 8}
    assert tiny_model.size_bytes < 8_000_000
    saved = (tiny_model.path / "config.cfg").read_text(encoding="utf-8")
    assert "train = null" in saved and "dev = null" in saved  # no temporary paths kept


def test_training_needs_labelled_items(tmp_path):
    data = T.TrainingData(texts=["Inledning", "Ekonomi"], labels=["none", "none"], files=["a.pdf"])
    with pytest.raises(T.TextcatError, match="too few labelled items"):
        T.train(data, tmp_path)


def test_training_needs_its_config(tmp_path):
    with pytest.raises(T.TextcatError, match="config.cfg: training config not found"):
        T.train(_tiny_data(), tmp_path, config=tmp_path / "config.cfg")


# --------------------------------------------------------------------------
# Segments and labels
# --------------------------------------------------------------------------


def _parsed() -> ParsedDocument:
    box = (0.0, 0.0, 10.0, 10.0)
    return ParsedDocument(
        pages=1,
        sections=[Section(0, None, 1, None, "Mål 1: Hög sysselsättning", 1, box)],
        blocks=[
            Block("list_item", "Arbetslös-\nheten minskar", 1, box, 0, marker="•"),
            Block("paragraph", "12 345", 1, box, 0),
            Block("paragraph", "Målet är att fler ska läsa, t.ex. barn. T3 Öppna en läsgrupp.", 1, box, 0),
        ],
        tables=[Table(1, 1, box, ["Aktivitet", "Belopp"], [["• Starta en jobb-\npool\n• Ordna mässor", "1 200"]], 0)],
    )


def test_document_segments_clean_split_and_leave_out_numbers():
    segments = T.document_segments(_parsed(), "x.pdf")
    assert [(s.source, s.text, s.ref) for s in segments] == [
        ("heading", "Hög sysselsättning", ("section", 0)),
        ("list_item", "Arbetslösheten minskar", ("block", 0)),
        ("paragraph", "Målet är att fler ska läsa, t.ex. barn. T3 Öppna en läsgrupp.", ("block", 2)),
        ("sentence", "Målet är att fler ska läsa, t.ex. barn.", ("block", 2, 0)),
        ("sentence", "Öppna en läsgrupp.", ("block", 2, 1)),
        ("cell", "Starta en jobbpool", ("cell", 0, 0, 0, 0)),
        ("cell", "Ordna mässor", ("cell", 0, 0, 0, 1)),
    ]


def test_segments_carry_the_heading_and_column_above_them():
    segments = T.document_segments(_parsed(), "x.pdf")
    heading = "Mål 1: Hög sysselsättning"
    assert [s.context for s in segments] == ["", heading, heading, heading, heading, f"Aktivitet {heading}", f"Aktivitet {heading}"]
    assert T.model_text("Starta en jobb-\npool", "Aktivitet Mål 1") == "Starta en jobbpool ctx_aktivitet ctx_mål ctx_1"
    assert T.model_text("Ordna mässor") == "Ordna mässor"


def test_predict_needs_one_context_a_text(tiny_model):
    nlp = T.load_model(tiny_model.path)
    with pytest.raises(ValueError, match="2 texts but 1 contexts"):
        T.predict(["Ett mål", "Ett annat"], nlp, contexts=["Mål"])
    with_context = T.predict(["Ordna mässor"], nlp, contexts=["Aktiviteter"])
    assert set(with_context[0]) == set(T.LABELS)


def test_label_segments_by_the_gold_item_they_match():
    segments = T.document_segments(_parsed(), "x.pdf")
    items = [("goal", "Hög sysselsättning"), ("indicator", "Arbetslösheten minskar."), ("activity", "Starta en jobbpool"), ("activity", "Öppna en läsgrupp")]
    assert T.label_segments(segments, items) == ["goal", "indicator", "none", "none", "activity", "activity", "none"]


def test_gold_files_of_a_split(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"file": "a.pdf", "split": "tune", "items": []}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"file": "b.pdf", "split": "heldout", "items": []}), encoding="utf-8")
    assert list(T.load_gold_files([tmp_path], "tune")) == ["a.pdf"]
    assert sorted(T.load_gold_files([tmp_path], "all")) == ["a.pdf", "b.pdf"]
    (tmp_path / "c.json").write_text("{", encoding="utf-8")
    with pytest.raises(T.TextcatError, match=r"c\.json: not a readable gold JSON file"):
        T.load_gold_files([tmp_path], "tune")


# --------------------------------------------------------------------------
# The command
# --------------------------------------------------------------------------


def test_train_help():
    result = CliRunner().invoke(cli, ["train", "-h"])
    assert result.exit_code == 0, result.output
    assert "--gold" in result.output and "Example:" in result.output


@pytest.mark.parametrize("names", [("ystad-mal-och-budget-2025", "vaxjo-klimat-handlingsplan-2025")])
def test_train_command_on_ingested_corpus_documents(corpus_pdf, tmp_path, names, monkeypatch):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for name in names:
        gold = json.loads((CORPUS_GOLD / f"{name}.json").read_text(encoding="utf-8"))
        gold["split"] = "tune"
        (gold_dir / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    pdfs = tmp_path / "pdf"
    pdfs.mkdir()
    for name in names:
        shutil.copy(corpus_pdf / f"{name}.pdf", pdfs)
    db = tmp_path / "plans.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(pdfs), "--db", str(db), "-w", "1", "-s", "--ocr", "never"])
    assert result.exit_code == 0, result.output
    docs = dict(T.documents_from_db(db))
    assert sorted(docs) == sorted(f"{n}.pdf" for n in names)
    assert all(p.sections and p.blocks for p in docs.values())

    out = tmp_path / "textcat"
    config = tmp_path / "config.cfg"  # the committed config, shorter
    config.write_text(T.config_path(COMMITTED).read_text(encoding="utf-8").replace("max_epochs = 25", "max_epochs = 4"), encoding="utf-8")
    result = runner.invoke(cli, ["train", "--db", str(db), "--gold", str(gold_dir), "--out", str(out), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Trained on 2 documents: ")
    _block_network(monkeypatch)
    nlp = T.load_model(out / "model")
    assert [set(s) for s in T.predict(["Antal färdigställda bostäder per år"], nlp)] == [set(T.LABELS)]


def test_train_command_names_a_database_without_the_gold_documents(tmp_path):
    from planextract.store import open_db

    db = tmp_path / "empty.db"
    open_db(db).close()
    result = CliRunner().invoke(cli, ["train", "--db", str(db), "--gold", str(CORPUS_GOLD), "--out", str(tmp_path / "m")])
    assert result.exit_code == 1
    assert f"Error: {db}: none of the" in result.output
    assert "gold documents is in the database (ingest their PDFs first)" in result.output
