"""What the segment classifier adds over the rules, on documents it never saw.

    python benchmarks/textcat_gain.py [--db DB] [--folds 5] [--json OUT]

Segments (headings, paragraphs, list items, table-cell bullets; see
:mod:`planextract.textcat`) of the gold documents are labelled goal /
indicator / activity / none by the gold item they match.  Three labellers
are compared, segment by segment, with precision, recall and F1 per label:

(a) rules: the kind of the item :func:`planextract.extract.extract_items`
    made from the segment (matched by text as ``planextract eval`` does),
    else none;
(b) model: the classifier's most likely label;
(c) rules + model: the rules, and where they leave a segment undecided,
    the model's label when its score reaches a threshold.

"Undecided" is where the extractor has no cue and makes no item: a list
item or paragraph under headings whose vocabulary says nothing (no
indicator/activity/goal/skip heading, no lead-in line), a heading that is
neither a known kind nor a goal, a cell of a table with no item column.
Which of those places the model may fill, and its threshold, are chosen on
the ``tune`` documents alone, from out-of-fold predictions (the model of
each fold never saw the documents it labels).  The model trained on all
``tune`` documents then labels the ``heldout`` documents, whose gold is
read only in that last step.

Without --db the gold documents' PDFs (corpus/pdf and
../shared/corpus-real) are ingested into a temporary database first.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from planextract import classify as C  # noqa: E402
from planextract import extract as E  # noqa: E402
from planextract import textcat as T  # noqa: E402

GOLD_DIRS = [REPO / "corpus" / "gold", REPO / "tests" / "gold" / "real"]
PDF_DIRS = [REPO / "corpus" / "pdf", REPO.parent / "shared" / "corpus-real"]
SITES = ("heading", "paragraph", "sentence", "list_item", "cell")
THRESHOLDS = [round(0.40 + 0.05 * i, 2) for i in range(12)]  # 0.40 .. 0.95


# --------------------------------------------------------------------------
# Where the rules leave a segment undecided
# --------------------------------------------------------------------------


class _Probe(E._Reader):
    """The extractor's own walk, noting the headings and blocks where it had no cue."""

    def __init__(self, parsed) -> None:
        super().__init__(parsed)
        self.block_no = {id(b): n for n, b in enumerate(parsed.blocks)}
        self.undecided: set[tuple] = set()

    def _state(self, index):
        lookup = getattr(self, "section_state", None) or getattr(self, "_section_state")
        return lookup(index)

    def _heading(self, section) -> None:
        super()._heading(section)
        state = self.sections.get(section.index)
        if (
            state is not None and state.own is None and state.goal_key is None
            and state.kind not in ("skip", "never") and section.index not in self.action_fields
        ):
            self.undecided.add(("section", section.index))

    def _block(self, block) -> None:
        state = self._state(block.section_index)
        if block.kind == "list_item":
            kind = self.lead[0] if self.lead else state.kind
            if kind in (None, "goal_item"):
                self.undecided.add(("block", self.block_no[id(block)]))
        elif state.kind not in ("skip", "never") and block.section_index not in self.field_for:
            self.undecided.add(("block", self.block_no[id(block)]))
        super()._block(block)


def _has_items(columns) -> bool:
    return any(c.role in ("goal", "indicator", "activity") for c in columns)


def undecided_refs(parsed) -> set[tuple]:
    probe = _Probe(parsed)
    probe.run()
    refs = probe.undecided
    for n, table in enumerate(parsed.tables):
        first = C.column_roles(table.rows[0]) if table.rows else []
        if not _has_items(C.column_roles(table.header)) and not _has_items(first):
            refs.add(("table", n))  # no column the rules read items from
    return refs


def is_undecided(segment: T.Segment, refs: set[tuple]) -> bool:
    if segment.ref[0] == "cell":
        return ("table", segment.ref[1]) in refs
    return segment.ref[:2] in refs  # a sentence is undecided where its paragraph is


def extracted_items(parsed) -> list[tuple[str, str]]:
    out = E.extract_items(parsed, learned=False)  # the rules alone
    return (
        [("goal", g.text) for g in out.goals]
        + [("indicator", i.text) for i in out.indicators]
        + [("activity", a.text) for a in out.activities]
    )


# --------------------------------------------------------------------------
# Segments of a set of documents, with the rules' labels
# --------------------------------------------------------------------------


@dataclass
class DocSegments:
    file: str
    segments: list[T.Segment]
    rules: list[str]
    undecided: list[bool]
    gold: list[str] = field(default_factory=list)
    scores: list[dict] = field(default_factory=list)
    groups: list[list[int]] = field(default_factory=list)  # see planextract.learned_items.segment_groups


def read_documents(db_path: Path, files) -> list[DocSegments]:
    docs = []
    for file, parsed in T.documents_from_db(db_path, files):
        segments = T.document_segments(parsed, file)
        rules = T.label_segments(segments, extracted_items(parsed))
        refs = undecided_refs(parsed)
        undecided = [label == "none" and is_undecided(s, refs) for s, label in zip(segments, rules)]
        docs.append(DocSegments(file, segments, rules, undecided))
    return docs


def attach_gold(docs: list[DocSegments], gold: dict[str, dict]) -> None:
    for doc in docs:
        doc.gold = T.label_segments(doc.segments, T.gold_items(gold[doc.file]))


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def combined(doc: DocSegments, sites, threshold: float) -> list[str]:
    out = []
    for segment, rule, undecided, scores in zip(doc.segments, doc.rules, doc.undecided, doc.scores):
        label = rule
        if undecided and segment.source in sites and scores:
            best, score = T.best_label(scores)
            if best != "none" and score >= threshold:
                label = best
        out.append(label)
    return out


def ceiling(doc: DocSegments, sites) -> list[str]:
    """(c) with a perfect model: the most any classifier could add at ``sites``."""
    return [
        gold if undecided and segment.source in sites else rule
        for segment, rule, undecided, gold in zip(doc.segments, doc.rules, doc.undecided, doc.gold)
    ]


def model_alone(doc: DocSegments) -> list[str]:
    return [T.best_label(s)[0] if s else "none" for s in doc.scores]


def label_score(pairs, label: str) -> dict:
    """P/R/F1 of one label, from (gold, predicted) pairs."""
    tp = sum(1 for g, p in pairs if g == label and p == label)
    fp = sum(1 for g, p in pairs if g != label and p == label)
    fn = sum(1 for g, p in pairs if g == label and p != label)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"gold": tp + fn, "predicted": tp + fp, "tp": tp, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}


def score(pairs) -> dict:
    """P/R/F1 per item label and their macro F1, from (gold, predicted) pairs."""
    pairs = list(pairs)
    out = {label: label_score(pairs, label) for label in T.ITEM_LABELS}
    out["macro_f1"] = round(sum(out[label]["f1"] for label in T.ITEM_LABELS) / len(T.ITEM_LABELS), 3)
    return out


def pairs_of(docs: list[DocSegments], predict) -> list[tuple[str, str]]:
    return [pair for doc in docs for pair in zip(doc.gold, predict(doc))]


def undecided_gold(docs: list[DocSegments]) -> dict:
    """How many segments the rules leave undecided, and how many of them are items."""
    out = {"undecided": 0, "items": 0, "items_by_place": {site: 0 for site in SITES}}
    for doc in docs:
        for segment, gold, undecided in zip(doc.segments, doc.gold, doc.undecided):
            if undecided:
                out["undecided"] += 1
                out["items"] += gold != "none"
                out["items_by_place"][segment.source] += gold != "none"
    return out


# --------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------


def ingest_gold_pdfs(db_path: Path) -> None:
    from planextract.ingest import IngestOptions, ingest

    gold = T.load_gold_files([d for d in GOLD_DIRS if d.is_dir()], "all")
    paths = [d / f for f in gold for d in PDF_DIRS if (d / f).is_file()]
    ingest(paths, db_path, IngestOptions(workers=1, ocr="auto"))


def train_model(docs_gold: dict[str, dict], db_path: Path, out: Path, seed: int):
    data = T.training_data(db_path, docs_gold)
    result = T.train(data, out, seed=seed)
    return T.load_model(result.path), result


def out_of_fold(tune_docs: list[DocSegments], tune_gold: dict, db_path: Path, folds: int, seed: int, work: Path) -> None:
    """Each tune document labelled by a model trained without it."""
    files = sorted(d.file for d in tune_docs)
    for k in range(folds):
        held = {f for i, f in enumerate(files) if i % folds == k}
        nlp, _ = train_model({f: g for f, g in tune_gold.items() if f not in held}, db_path, work / f"fold{k}", seed)
        for doc in tune_docs:
            if doc.file in held:
                doc.scores = T.predict([s.text for s in doc.segments], nlp, contexts=[s.context for s in doc.segments])
        print(f"  fold {k + 1}/{folds}: {len(held)} documents held out", file=sys.stderr)


def choose(tune_docs: list[DocSegments]) -> tuple[tuple, float, float]:
    """The sites and threshold with the best macro F1 of (c) on tune (out of fold)."""
    best = ((), 1.0, score(pairs_of(tune_docs, lambda d: d.rules))["macro_f1"])
    for n in range(1, len(SITES) + 1):
        for sites in itertools.combinations(SITES, n):
            for threshold in THRESHOLDS:
                f1 = score(pairs_of(tune_docs, lambda d: combined(d, sites, threshold)))["macro_f1"]
                if f1 > best[2] + 1e-9:
                    best = (sites, threshold, f1)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database holding the gold documents (default: ingest them into a temporary one)")
    parser.add_argument("--folds", type=int, default=5, help="folds of tune documents for choosing the threshold")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    gold_dirs = [d for d in GOLD_DIRS if d.is_dir()]

    with tempfile.TemporaryDirectory(prefix="textcat-gain-") as tmp:
        work = Path(tmp)
        db_path = args.db
        if db_path is None:
            db_path = work / "gold.db"
            print("Ingesting the gold documents ...", file=sys.stderr)
            ingest_gold_pdfs(db_path)

        # 1. tune only: out-of-fold predictions, then the sites and threshold
        tune_gold = T.load_gold_files(gold_dirs, "tune")
        tune_docs = read_documents(db_path, tune_gold)
        attach_gold(tune_docs, tune_gold)
        print(f"Tune: {len(tune_docs)} documents; out-of-fold models ...", file=sys.stderr)
        out_of_fold(tune_docs, tune_gold, db_path, args.folds, args.seed, work)
        sites, threshold, tune_f1 = choose(tune_docs)
        tune_report = {
            "documents": len(tune_docs),
            "rules": score(pairs_of(tune_docs, lambda d: d.rules)),
            "model_out_of_fold": score(pairs_of(tune_docs, model_alone)),
            "chosen": {"sites": list(sites), "threshold": threshold, "macro_f1": tune_f1},
            "undecided": undecided_gold(tune_docs),
            "c_ceiling_all_places": score(pairs_of(tune_docs, lambda d: ceiling(d, SITES))),
        }
        if not sites:  # nothing helps on tune: still show the best single place, for the record
            scored = [
                ((s,), t, score(pairs_of(tune_docs, lambda d: combined(d, (s,), t)))["macro_f1"])
                for s in SITES for t in THRESHOLDS
            ]
            best_one = max(scored, key=lambda x: x[2])
            sites, threshold = best_one[0], best_one[1]
            tune_report["fallback"] = {"sites": list(sites), "threshold": threshold, "macro_f1": best_one[2]}

        # 2. the model of all tune documents
        nlp, result = train_model(tune_gold, db_path, work / "final", args.seed)

        # 3. held-out: the only place its gold is read
        held_gold = T.load_gold_files(gold_dirs, "heldout")
        held_docs = read_documents(db_path, held_gold)
        attach_gold(held_docs, held_gold)
        for doc in held_docs:
            doc.scores = T.predict([s.text for s in doc.segments], nlp, contexts=[s.context for s in doc.segments])
        held_report = {
            "documents": sorted(d.file for d in held_docs),
            "segments": sum(len(d.segments) for d in held_docs),
            "a_rules": score(pairs_of(held_docs, lambda d: d.rules)),
            "b_model": score(pairs_of(held_docs, model_alone)),
            "c_rules_plus_model": score(pairs_of(held_docs, lambda d: combined(d, sites, threshold))),
            "undecided": undecided_gold(held_docs),
            "c_ceiling_all_places": score(pairs_of(held_docs, lambda d: ceiling(d, SITES))),
        }
    report = {
        "model": {"trained_on": result.files, "segments": result.counts, "size_bytes": result.size_bytes},
        "tune": tune_report,
        "heldout": held_report,
    }
    print_report(report, sites, threshold)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


def print_report(report: dict, sites, threshold) -> None:
    tune, held = report["tune"], report["heldout"]
    print(f"Model: {len(report['model']['trained_on'])} tune documents, segments {report['model']['segments']}, "
          f"{report['model']['size_bytes'] / 1e6:.1f} MB")
    chosen = tune["chosen"]
    print(f"Chosen on tune (out of fold): model fills {', '.join(chosen['sites']) or 'nothing'} at score >= {chosen['threshold']}; "
          f"tune macro F1 rules {tune['rules']['macro_f1']} -> {chosen['macro_f1']} "
          f"(model alone {tune['model_out_of_fold']['macro_f1']}; a perfect model in every undecided place "
          f"{tune['c_ceiling_all_places']['macro_f1']})")
    if "fallback" in tune:
        print(f"  nothing beat the rules on tune; (c) below uses the best single place on tune: {tune['fallback']}")
    print(f"(c) below: model fills {', '.join(sites)} at score >= {threshold}")
    print(f"Held-out: {len(held['documents'])} documents, {held['segments']} segments; "
          f"undecided by the rules {held['undecided']['undecided']}, of which gold items {held['undecided']['items']} "
          f"({', '.join(f'{k} {v}' for k, v in held['undecided']['items_by_place'].items())})")
    print(f"\n{'':22}{'label':10}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}")
    for name, key in (("(a) rules", "a_rules"), ("(b) model", "b_model"), ("(c) rules + model", "c_rules_plus_model")):
        scores = held[key]
        for label in T.ITEM_LABELS:
            s = scores[label]
            print(f"{name:22}{label:10}{s['gold']:>6}{s['predicted']:>6}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}")
            name = ""
        print(f"{'':22}{'macro F1':10}{'':12}{'':14}{scores['macro_f1']:>7.3f}")
    print(f"(c) with a perfect model in every undecided place: macro F1 {held['c_ceiling_all_places']['macro_f1']:.3f}")


if __name__ == "__main__":
    sys.exit(main())
