"""A small text classifier for what the rules leave undecided.

A spaCy ``textcat`` component (exclusive classes goal / indicator /
activity / none) on a blank Swedish pipeline, trained on the project's own
annotated documents: every heading, paragraph, list item and table cell of
an ingested document is a *segment*, labelled by the gold item it matches
(fuzzy, as ``planextract eval`` matches items) or ``none``.

- :func:`load_model` / :func:`predict`: the trained model from
  ``models/textcat/model`` (no download; ``None`` when absent).
- :func:`document_segments`, :func:`label_segments`,
  :func:`documents_from_db`: the training data.
- :func:`train`: spaCy's training loop driven by the committed
  ``models/textcat/config.cfg``.

This module sits beside :mod:`~planextract.classify`: it imports nothing
above it, so that the extractor may ask it about a segment.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import random
import re
import shutil
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from rapidfuzz import fuzz

from . import classify as C
from .errors import PlanExtractError
from .fuzzy import normalize
from .models import Block, DocumentMeta, ParsedDocument, Section, Table
from .nlp import sentences
from .resources import models_dir

LABELS = ("goal", "indicator", "activity", "none")
ITEM_LABELS = LABELS[:3]
MODEL_FOLDER = "textcat"
DEFAULT_MATCH = 80.0  # least similarity (0-100) of a segment and a gold item, as in eval
MAX_SEGMENT_CHARS = 600  # longer prose is never one item
MAX_CONTEXT_WORDS = 8  # of the heading above (and a cell's column header)
_LETTERS = re.compile(r"[^\W\d_]{2,}")


class TextcatError(PlanExtractError):
    """The classifier cannot be trained or loaded (missing config, no data)."""


# --------------------------------------------------------------------------
# The trained model
# --------------------------------------------------------------------------


def model_path(folder: Optional[Path] = None) -> Path:
    """Where the trained pipeline lives: ``models/textcat/model``."""
    return Path(folder or models_dir() / MODEL_FOLDER) / "model"


def config_path(folder: Optional[Path] = None) -> Path:
    """The committed training config: ``models/textcat/config.cfg``."""
    return Path(folder or models_dir() / MODEL_FOLDER) / "config.cfg"


@functools.lru_cache(maxsize=4)
def _load(path: str):
    import spacy

    return spacy.load(path)


def load_model(path: Optional[str | Path] = None):
    """The trained pipeline (cached), or ``None`` when none has been trained.

    ``path`` is a folder written by :func:`train` (``models/textcat/model``
    by default); nothing is downloaded.
    """
    path = Path(path) if path else model_path()
    if not (path / "meta.json").is_file():
        return None
    return _load(str(path.resolve()))


def predict(
    texts: Iterable[str], nlp=None, *, contexts: Optional[Iterable[str]] = None, batch_size: int = 256
) -> list[dict[str, float]]:
    """Label scores (summing to 1) for each text, batched; ``[]`` without a model.

    ``contexts`` (one a text) are the headings above each text (and a
    cell's column header), as :attr:`Segment.context`.
    """
    nlp = nlp if nlp is not None else load_model()
    texts = list(texts)
    contexts = list(contexts) if contexts is not None else [""] * len(texts)
    if len(contexts) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(contexts)} contexts")
    if nlp is None or not texts:
        return []
    inputs = [model_text(t, c) for t, c in zip(texts, contexts)]
    return [dict(doc.cats) for doc in nlp.pipe(inputs, batch_size=batch_size)]


def best_label(scores: dict[str, float]) -> tuple[str, float]:
    """The most likely label and its score."""
    label = max(scores, key=scores.get)
    return label, scores[label]


def model_text(text: str, context: str = "") -> str:
    """What the model reads: the clean segment text (cut to a bounded length)
    and the first words of its context, each marked ``ctx_`` so that a word
    in a heading counts apart from the same word in the text."""
    words = normalize(context or "").split()[:MAX_CONTEXT_WORDS]
    text = C.clean_text(text or "")[:MAX_SEGMENT_CHARS]
    return " ".join([text] + ["ctx_" + w for w in words])


# --------------------------------------------------------------------------
# Segments
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """One piece of a document that could be an item.

    ``source`` is ``heading``, ``paragraph``, ``sentence`` (of a paragraph
    of several), ``list_item`` or ``cell``; ``ref`` locates it in the
    :class:`ParsedDocument` (``("section", i)``, ``("block", n)``,
    ``("block", n, sentence)``, ``("cell", table, row, column, piece)``).
    """

    file: str
    source: str
    text: str
    page: int
    ref: tuple
    context: str = ""  # the heading above it (and a cell's column header)


def document_segments(parsed: ParsedDocument, file: str) -> list[Segment]:
    """Headings, blocks, the sentences of paragraphs and table cells (one per
    bullet) of a document.

    Pieces with fewer than two words of letters (numbers, dashes, single
    labels) and prose longer than :data:`MAX_SEGMENT_CHARS` are left out:
    they are never items and would only drown the classes.
    """
    out: list[Segment] = []
    headings = {s.index: C.clean_text(s.heading or "") for s in parsed.sections}

    def add(source: str, text: str, page: int, ref: tuple, context: str = "") -> None:
        if len(_LETTERS.findall(text)) >= 2 and len(text) <= MAX_SEGMENT_CHARS:
            out.append(Segment(file, source, text, page, ref, context))

    for section in parsed.sections:
        text = C.strip_goal_number(C.clean_text(section.heading or ""))
        add("heading", text, section.page, ("section", section.index), headings.get(section.parent_index, ""))
    for n, block in enumerate(parsed.blocks):
        text, context = C.clean_text(block.text), headings.get(block.section_index, "")
        if block.kind == "list_item":
            add("list_item", text, block.page, ("block", n), context)
            continue
        add("paragraph", text, block.page, ("block", n), context)
        parts = sentences(text)
        if len(parts) > 1:  # goals and actions stated in running prose, one sentence each
            for i, sentence in enumerate(parts):
                sentence = C.ITEM_CODE.sub("", sentence)  # "T1 Bygga ut ..."
                add("sentence", sentence, block.page, ("block", n, i), context)
    for t, table in enumerate(parsed.tables):
        if C.is_risk_register(table.header):
            continue  # controls of internal control: no item, and none to learn from
        above = headings.get(table.section_index, "")
        for r, row in enumerate(table.rows):
            page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
            for c, cell in enumerate(row):
                header = C.clean_cell(table.header[c]) if c < len(table.header) else ""
                for p, piece in enumerate(C.split_bullets(cell or "")):
                    add("cell", piece, page, ("cell", t, r, c, p), f"{header} {above}".strip())
    return out


def similarity(a: str, b: str) -> float:
    """Text similarity (0-100) of two normalised texts, as ``planextract eval`` scores it."""
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def label_segments(
    segments: list[Segment], items: Iterable[tuple[str, str]], *, threshold: float = DEFAULT_MATCH
) -> list[str]:
    """The label of each segment: the kind of the item (``(kind, text)``) it
    matches best at ``threshold`` or above, else ``none``."""
    keyed = [(kind, normalize(text or "")) for kind, text in items]
    keyed = [(kind, key) for kind, key in keyed if key and kind in ITEM_LABELS]
    labels = []
    for segment in segments:
        key = normalize(segment.text)
        best, label = threshold, "none"
        for kind, item_key in keyed:
            if abs(len(item_key) - len(key)) > max(len(item_key), len(key)) * 0.5:
                continue  # cannot reach the threshold; skip the scoring
            score = similarity(key, item_key)
            if score >= best:
                best, label = score, kind
        labels.append(label)
    return labels


def gold_items(gold: dict) -> list[tuple[str, str]]:
    """(kind, text) of a gold file's goals, indicators and activities."""
    return [(item.get("kind"), item.get("text") or "") for item in gold.get("items", [])]


def load_gold_files(folders: Iterable[str | Path], split: str = "tune") -> dict[str, dict]:
    """Gold documents of ``split`` ("tune", "heldout" or "all") by PDF file name."""
    found: dict[str, dict] = {}
    for folder in folders:
        paths = sorted(Path(folder).glob("*.json"))
        for path in paths:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise TextcatError(f"{path}: not a readable gold JSON file ({exc})") from None
            if not isinstance(data, dict) or "items" not in data or "split" not in data:
                raise TextcatError(f"{path}: not in the gold format (needs 'split' and 'items')")
            if split == "all" or data["split"] == split:
                found[data.get("file") or path.stem + ".pdf"] = data
    return found


# --------------------------------------------------------------------------
# Documents from a database
# --------------------------------------------------------------------------


def _bbox(text: Optional[str]):
    values = json.loads(text) if text else None
    return tuple(values) if values else (0.0, 0.0, 0.0, 0.0)


def _index(section_id: Optional[str]) -> Optional[int]:
    return None if not section_id else int(section_id.rsplit(":s", 1)[1])


def documents_from_db(db_path: str | Path, files: Optional[Iterable[str]] = None) -> Iterator[tuple[str, ParsedDocument]]:
    """(file name, parsed document) of each ingested document, rebuilt from
    its ``sections``, ``blocks`` and ``tables`` rows (only ``files`` when given)."""
    path = Path(db_path)
    if not path.is_file():
        raise TextcatError(f"{path}: no such database")
    wanted = set(files) if files is not None else None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        docs = conn.execute("SELECT * FROM documents WHERE status = 'ok' ORDER BY file").fetchall()
        for doc in docs:
            if wanted is not None and doc["file"] not in wanted:
                continue
            yield doc["file"], _parsed_from_rows(conn, doc)
    except sqlite3.DatabaseError as exc:
        raise TextcatError(f"{path}: not a planextract database ({exc})") from None
    finally:
        conn.close()


def _parsed_from_rows(conn: sqlite3.Connection, doc) -> ParsedDocument:
    doc_id = doc["id"]
    fields = DocumentMeta.__dataclass_fields__
    meta = DocumentMeta(**{k: doc[k] for k in doc.keys() if k in fields})
    parsed = ParsedDocument(pages=doc["pages"] or 0, meta=meta)
    rows = conn.execute("SELECT * FROM sections WHERE document_id = ?", [doc_id]).fetchall()
    for row in sorted(rows, key=lambda r: _index(r["id"])):
        parsed.sections.append(Section(
            index=_index(row["id"]), parent_index=_index(row["parent_id"]), level=row["level"],
            number=row["number"], heading=row["heading"] or "", page=row["page"], bbox=_bbox(row["bbox"]),
        ))
    rows = conn.execute("SELECT * FROM blocks WHERE document_id = ?", [doc_id]).fetchall()
    for row in sorted(rows, key=lambda r: int(r["id"].rsplit(":b", 1)[1])):
        parsed.blocks.append(Block(
            kind=row["kind"], text=row["text"] or "", page=row["page"], bbox=_bbox(row["bbox"]),
            section_index=_index(row["section_id"]), marker=row["marker"], depth=row["depth"] or 0,
        ))
    rows = conn.execute("SELECT * FROM tables WHERE document_id = ?", [doc_id]).fetchall()
    for row in sorted(rows, key=lambda r: int(r["id"].rsplit(":t", 1)[1])):
        parsed.tables.append(Table(
            page_start=row["page_start"], page_end=row["page_end"], bbox=_bbox(row["bbox"]),
            header=json.loads(row["header"] or "[]"), rows=json.loads(row["rows"] or "[]"),
            section_index=_index(row["section_id"]), quality=json.loads(row["quality"] or "{}"),
        ))
    return parsed


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------


@dataclass
class TrainingData:
    """Labelled segments: ``texts[i]`` is ``labels[i]``; ``files`` the documents used."""

    texts: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    unmatched: int = 0  # gold items that no segment matched

    def counts(self) -> dict[str, int]:
        counts = Counter(self.labels)
        return {label: counts.get(label, 0) for label in LABELS}


def training_data(db_path: str | Path, gold: dict[str, dict], *, threshold: float = DEFAULT_MATCH) -> TrainingData:
    """Labelled segments of the documents in ``db_path`` that have gold.

    Raises :class:`TextcatError` when no gold document is in the database.
    """
    data = TrainingData()
    seen: set[str] = set()
    for file, parsed in documents_from_db(db_path, gold):
        segments = document_segments(parsed, file)
        items = gold_items(gold[file])
        labels = label_segments(segments, items, threshold=threshold)
        data.files.append(file)
        for segment, label in zip(segments, labels):
            text = model_text(segment.text, segment.context)
            key = (label, normalize(text))
            if str(key) in seen:
                continue  # a running header, a restated goal: once is enough
            seen.add(str(key))
            data.texts.append(text)
            data.labels.append(label)
        matched = {normalize(s.text) for s, label in zip(segments, labels) if label != "none"}
        data.unmatched += sum(
            1 for kind, text in items if kind in ITEM_LABELS
            and not any(similarity(normalize(text), m) >= threshold for m in matched)
        )
    if not data.files:
        raise TextcatError(f"{db_path}: none of the {len(gold)} gold documents is in the database (ingest their PDFs first)")
    return data


@dataclass
class TrainResult:
    """What :func:`train` wrote and how the model scored on its own dev share."""

    path: Path
    counts: dict[str, int]
    files: list[str]
    dev_scores: dict[str, float]
    size_bytes: int


def _dev(text: str, seed: int, share: float) -> bool:
    digest = hashlib.sha1(f"{seed}:{text}".encode("utf-8")).digest()
    return digest[0] / 256 < share


def _docbin(nlp, texts: list[str], labels: list[str], path: Path) -> None:
    from spacy.tokens import DocBin

    docs = DocBin()
    for text, label in zip(texts, labels):
        doc = nlp.make_doc(text)
        doc.cats = {name: float(name == label) for name in LABELS}
        docs.add(doc)
    docs.to_disk(path)


def train(
    data: TrainingData,
    out_dir: str | Path,
    *,
    config: Optional[str | Path] = None,
    seed: int = 0,
    dev_share: float = 0.2,
    none_ratio: Optional[float] = None,
    overrides: Optional[dict] = None,
) -> TrainResult:
    """Train the classifier on ``data`` and write it to ``out_dir/model``.

    The pipeline comes from ``config`` (``models/textcat/config.cfg``);
    ``dev_share`` of the segments (chosen by a hash of their text) picks the
    best checkpoint.  With ``none_ratio``, ``none`` segments are cut to that
    many times the items (a fixed random choice); by default all are kept,
    which scored better on the tune documents than cutting them to 4 times.
    ``overrides`` are spaCy config overrides (``{"training.max_epochs": 5}``).
    """
    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import fix_random_seed, load_config

    config = Path(config) if config else config_path()
    if not config.is_file():
        raise TextcatError(f"{config}: training config not found")
    if len(set(data.labels) - {"none"}) < 2:
        raise TextcatError(f"too few labelled items to train on: {data.counts()}")
    rng = random.Random(seed)
    keep = [i for i, label in enumerate(data.labels) if label != "none"]
    nones = [i for i, label in enumerate(data.labels) if label == "none"]
    rng.shuffle(nones)
    keep += nones if none_ratio is None else nones[: int(len(keep) * none_ratio)]
    keep.sort()
    texts = [data.texts[i] for i in keep]
    labels = [data.labels[i] for i in keep]
    dev = [_dev(t, seed, dev_share) for t in texts]
    out = Path(out_dir) / "model"
    blank = spacy.blank("sv")
    with tempfile.TemporaryDirectory(prefix="planextract-textcat-") as tmp:
        tmp = Path(tmp)
        _docbin(blank, [t for t, d in zip(texts, dev) if not d], [l for l, d in zip(labels, dev) if not d], tmp / "train.spacy")
        _docbin(blank, [t for t, d in zip(texts, dev) if d], [l for l, d in zip(labels, dev) if d], tmp / "dev.spacy")
        cfg = load_config(config, overrides={
            "paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"), "system.seed": seed,
            **(overrides or {}),
        }, interpolate=False)
        fix_random_seed(seed)
        nlp = init_nlp(cfg)
        log = io.StringIO()
        (tmp / "output").mkdir()
        train_loop(nlp, tmp / "output", stdout=log, stderr=log)
        best = spacy.load(tmp / "output" / "model-best")
        saved = best.config
        saved["paths"]["train"] = saved["paths"]["dev"] = None  # temporary files, gone after training
        best.config = saved
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        best.to_disk(out)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    scores = {k: v for k, v in (meta.get("performance") or {}).items() if isinstance(v, (int, float))}
    (out / "training.json").write_text(json.dumps({
        "documents": sorted(data.files), "segments": data.counts(), "used": dict(Counter(labels)),
        "dev_segments": sum(dev), "unmatched_gold_items": data.unmatched, "seed": seed,
        "dev_scores": scores,
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    _load.cache_clear()
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return TrainResult(out, data.counts(), sorted(data.files), scores, size)
