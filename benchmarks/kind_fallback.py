"""Can the segment classifier recover a kind of item the rules miss in a whole document?

    python benchmarks/kind_fallback.py --db DB [--folds 4] [--json OUT]

On documents the rules have never seen, the commonest loss is not a few
items but a whole kind: a layout of indicators (or activities, or goals)
that no rule knows, so the document yields none of them while the other
kinds come out right.  This benchmark measures a fallback for exactly that
case: where the rules find no item of a kind in a document but do find
items of the others, the classifier's segments of that kind (score at or
above a threshold, among the segments the rules left to no other kind) are
taken as items.

The threshold of each kind is chosen on the ``tune`` documents alone, from
out-of-fold predictions, by simulating the rules' failure: for every tune
document that has items of the kind, the rules' items of that kind are
dropped and the fallback fills in; documents whose gold has none of the
kind while the rules find none either are where the fallback would fire
wrongly, and count against it.  The model trained on all tune documents
then fills in on the ``heldout`` documents, where the fallback fires only
where the rules really found none; their gold is read only in that step.
Scores are per segment (as in ``textcat_gain.py``): precision, recall and
F1 of each kind, rules alone against rules with the fallback.
"""

from __future__ import annotations

import argparse
import json
import pickle
from concurrent.futures import ProcessPoolExecutor
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from planextract import learned_items as L  # noqa: E402
from planextract import textcat as T  # noqa: E402
import textcat_gain as G  # noqa: E402

THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95
GROUP_THRESHOLDS = [round(0.50 + 0.05 * i, 2) for i in range(9)]  # 0.50 .. 0.90
GROUP_SHARES = (0.5, 0.67, 0.75, 1.0)
MIN_GROUP_SIZE = 2


def fallback_labels(doc: G.DocSegments, kind: str, threshold: float, *, drop_rules: bool) -> list[str]:
    """The rules' labels with ``kind`` filled in by the model where the rules
    gave a segment no other kind (with ``drop_rules``, the rules' own labels of
    ``kind`` are dropped first: a simulated failure)."""
    out = []
    for rule, scores in zip(doc.rules, doc.scores):
        label = "none" if drop_rules and rule == kind else rule
        if label == "none" and scores:
            best, score = T.best_label(scores)
            if best == kind and score >= threshold:
                label = kind
        out.append(label)
    return out


def fires(doc: G.DocSegments, kind: str) -> bool:
    """The rules found none of ``kind`` in the document but items of the others
    (as :func:`planextract.learned_items.missing_kinds` decides)."""
    return kind not in doc.rules and sum(r in T.ITEM_LABELS for r in doc.rules) >= L.MIN_OTHER_ITEMS


def simulated(tune_docs, kind: str, threshold: float) -> dict:
    """The fallback's score on tune where the rules' ``kind`` is taken away,
    plus its false fires where the gold has none of ``kind``."""
    pairs = []
    for doc in tune_docs:
        if kind in doc.gold:
            pairs += zip(doc.gold, fallback_labels(doc, kind, threshold, drop_rules=True))
        elif fires(doc, kind):
            pairs += zip(doc.gold, fallback_labels(doc, kind, threshold, drop_rules=False))
    return G.label_score(pairs, kind)


def is_plan(doc: G.DocSegments) -> bool:
    return sum(r in T.ITEM_LABELS for r in doc.rules) >= L.MIN_OTHER_ITEMS


def group_fill(doc: G.DocSegments, members: list[int], threshold: float, share: float) -> list[str]:
    """The labels the fill gives a group's members (``none`` where it gives none)."""
    kind = L.group_kind([doc.scores[i] for i in members], threshold, share) if len(members) >= MIN_GROUP_SIZE else None
    return [kind if kind and T.best_label(doc.scores[i])[0] == kind else "none" for i in members]


def simulated_groups(tune_docs, threshold: float, share: float) -> dict:
    """The group fill's score on tune: each group the rules read is taken away
    from them in turn and filled in (a simulated failure), and each group they
    really left unread is filled in as the extractor would (where the gold has
    items there, a fill is right; where it has none, wrong)."""
    pairs = []
    fired_unread = wrong_unread = 0
    for doc in tune_docs:
        if not is_plan(doc):
            continue
        for members in doc.groups:
            gold = [doc.gold[i] for i in members]
            unread = all(doc.rules[i] == "none" for i in members)
            if not unread and not any(g in T.ITEM_LABELS for g in gold):
                continue
            labels = group_fill(doc, members, threshold, share)
            if unread:
                fired_unread += any(label != "none" for label in labels)
                wrong_unread += sum(1 for g, p in zip(gold, labels) if p != "none" and g != p)
            pairs += zip(gold, labels)
    scores = {kind: G.label_score(pairs, kind) for kind in T.ITEM_LABELS}
    scores["macro_f1"] = round(sum(scores[k]["f1"] for k in T.ITEM_LABELS) / len(T.ITEM_LABELS), 3)
    scores["wrong_in_unread"] = wrong_unread
    scores["groups_filled_unread"] = fired_unread
    return scores


def extractor_labels(doc: G.DocSegments, chosen: dict, groups: dict) -> list[str]:
    """The labels as the extractor gives them: the rules', each missing kind
    filled in, then each group the rules left unread."""
    labels = list(doc.rules)
    for kind in T.ITEM_LABELS:
        if fires(doc, kind):
            labels = [new if old == "none" else old
                      for old, new in zip(labels, fallback_labels(doc, kind, chosen[kind], drop_rules=False))]
    if is_plan(doc):
        for members in doc.groups:
            if all(doc.rules[i] == "none" for i in members):
                for i, label in zip(members, group_fill(doc, members, groups["threshold"], groups["share"])):
                    if labels[i] == "none":
                        labels[i] = label
    return labels


def attach_groups(docs, db_path: Path) -> None:
    """Each document's segment groups (:func:`planextract.learned_items.segment_groups`).

    Scores kept from another run (``--scores``) hold only where the document
    still reads into the same segments; elsewhere it gets no groups, and says so.
    """
    by_file = {doc.file: doc for doc in docs}
    for file, parsed in T.documents_from_db(db_path, list(by_file)):
        doc = by_file[file]
        fresh = T.document_segments(parsed, file)
        if [(s.ref, s.text) for s in fresh] != [(s.ref, s.text) for s in doc.segments]:
            print(f"{file}: read otherwise than when scored; no groups", file=sys.stderr)
            doc.groups = []
            continue
        doc.groups = L.segment_groups(parsed, doc.segments)


def _train_fold(args) -> str:
    gold, db_path, out, seed = args
    G.train_model(gold, db_path, out, seed)
    return str(T.model_path(out).parent)


def out_of_fold(tune_docs, tune_gold, db_path: Path, folds: int, seed: int, work: Path, jobs: int) -> None:
    """Each tune document labelled by a model trained without it (``jobs`` folds trained at once)."""
    files = sorted(d.file for d in tune_docs)
    held = [{f for i, f in enumerate(files) if i % folds == k} for k in range(folds)]
    tasks = [({f: g for f, g in tune_gold.items() if f not in held[k]}, db_path, work / f"fold{k}", seed)
             for k in range(folds)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        outs = list(pool.map(_train_fold, tasks))
    for k, out in enumerate(outs):
        nlp = T.load_model(T.model_path(Path(out)))
        for doc in tune_docs:
            if doc.file in held[k]:
                doc.scores = T.predict([s.text for s in doc.segments], nlp, contexts=[s.context for s in doc.segments])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database holding the gold documents (default: ingest them)")
    parser.add_argument("--folds", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2, help="folds trained at once")
    parser.add_argument("--model", type=Path, help="a model already trained on all tune documents (a folder holding model/)")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--scores", type=Path, metavar="FILE",
                        help="tune documents with out-of-fold scores kept by --keep-scores (no folds are trained)")
    parser.add_argument("--keep-scores", type=Path, metavar="FILE",
                        help="pickle the tune documents' segments with their out-of-fold scores (for further study)")
    parser.add_argument("--tune-only", action="store_true", help="choose the thresholds and stop: no held-out gold is read")
    parser.add_argument("--write", type=Path, metavar="FOLDER",
                        help="write the chosen thresholds to FOLDER/fallback.json (models/textcat), read by the extractor")
    args = parser.parse_args(argv)
    gold_dirs = [d for d in G.GOLD_DIRS if d.is_dir()]
    with tempfile.TemporaryDirectory(prefix="kind-fallback-") as tmp:
        work = Path(tmp)
        db_path = args.db
        if db_path is None:
            db_path = work / "gold.db"
            G.ingest_gold_pdfs(db_path)
        tune_gold = T.load_gold_files(gold_dirs, "tune")
        if args.scores:
            tune_docs = pickle.loads(args.scores.read_bytes())
        else:
            tune_docs = G.read_documents(db_path, tune_gold)
            G.attach_gold(tune_docs, tune_gold)
            print(f"Tune: {len(tune_docs)} documents; out-of-fold models ...", file=sys.stderr)
            out_of_fold(tune_docs, tune_gold, db_path, args.folds, args.seed, work, args.jobs)
        if args.keep_scores:
            args.keep_scores.write_bytes(pickle.dumps(tune_docs))
        attach_groups(tune_docs, db_path)
        chosen, curves = {}, {}
        for kind in T.ITEM_LABELS:
            curves[kind] = {t: simulated(tune_docs, kind, t) for t in THRESHOLDS}
            best = max(THRESHOLDS, key=lambda t: (curves[kind][t]["f1"], t))
            chosen[kind] = best
        group_curve = {(t, sh): simulated_groups(tune_docs, t, sh) for t in GROUP_THRESHOLDS for sh in GROUP_SHARES}
        best_group = max(group_curve, key=lambda key: (group_curve[key]["macro_f1"], key))
        groups = {"min_size": MIN_GROUP_SIZE, "threshold": best_group[0], "share": best_group[1]}
        if args.tune_only:
            report_tune(curves, chosen, group_curve, groups, len(tune_docs))
            if args.write:
                write_thresholds(args.write, chosen, curves, len(tune_docs), args.folds, groups, group_curve)
            return 0
        if args.model:
            nlp = T.load_model(T.model_path(args.model))
            trained_on = json.loads((T.model_path(args.model) / "training.json").read_text())["documents"]
        else:
            nlp, result = G.train_model(tune_gold, db_path, work / "final", args.seed)
            trained_on = result.files
        held_gold = T.load_gold_files(gold_dirs, "heldout")
        held_docs = G.read_documents(db_path, held_gold)
        G.attach_gold(held_docs, held_gold)
        for doc in held_docs:
            doc.scores = T.predict([s.text for s in doc.segments], nlp, contexts=[s.context for s in doc.segments])
        held = {}
        for kind in T.ITEM_LABELS:
            fired = [d.file for d in held_docs if fires(d, kind)]
            rules = G.label_score([p for d in held_docs for p in zip(d.gold, d.rules)], kind)
            filled = G.label_score([p for d in held_docs for p in zip(
                d.gold, fallback_labels(d, kind, chosen[kind], drop_rules=False) if fires(d, kind) else d.rules)], kind)
            with_groups = G.label_score([p for d in held_docs for p in zip(d.gold, extractor_labels(d, chosen, groups))], kind)
            held[kind] = {"fired_in": fired, "rules": rules, "rules_plus_fallback": filled,
                          "rules_plus_fallback_and_groups": with_groups}
    report = {"tune_curves": curves, "chosen": chosen, "groups": groups,
              "group_curve": {f"{t} {sh}": v for (t, sh), v in group_curve.items()},
              "heldout": held, "model_documents": len(trained_on)}
    print(f"Model of {len(trained_on)} tune documents.")
    report_tune(curves, chosen, group_curve, groups, len(tune_docs))
    print("Held out (segments):")
    for kind in T.ITEM_LABELS:
        h = held[kind]
        a, b = h["rules"], h["rules_plus_fallback"]
        print(f"  {kind:10} fired in {len(h['fired_in'])} documents; rules P {a['precision']:.3f} R {a['recall']:.3f} "
              f"F1 {a['f1']:.3f} -> with fallback P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}")
        c = h["rules_plus_fallback_and_groups"]
        print(f"  {'':10} and with unread groups filled P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.write:
        write_thresholds(args.write, chosen, curves, len(tune_docs), args.folds, groups, group_curve)
    return 0


def report_tune(curves: dict, chosen: dict, group_curve: dict, groups: dict, documents: int) -> None:
    print(f"Thresholds chosen on {documents} tune documents (simulated failures, out of fold):")
    for kind in T.ITEM_LABELS:
        c = curves[kind][chosen[kind]]
        print(f"  {kind:10} >= {chosen[kind]:.2f}: tune P {c['precision']:.3f} R {c['recall']:.3f} F1 {c['f1']:.3f}")
    g = group_curve[(groups["threshold"], groups["share"])]
    print(f"  unread groups: mean score >= {groups['threshold']:.2f}, share >= {groups['share']}: macro F1 {g['macro_f1']:.3f} "
          f"(" + ", ".join(f"{k} P {g[k]['precision']:.3f} R {g[k]['recall']:.3f}" for k in T.ITEM_LABELS) + "); "
          f"in groups the rules really left unread: {g['groups_filled_unread']} filled, {g['wrong_in_unread']} segments wrong")


def write_thresholds(folder: Path, chosen: dict, curves: dict, documents: int, folds: int,
                     groups: dict, group_curve: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / L.FALLBACK_FILE).write_text(json.dumps({
        "thresholds": chosen,
        "groups": groups,
        "group_scores": group_curve[(groups["threshold"], groups["share"])],
        "chosen_by": "benchmarks/kind_fallback.py (simulated failures on tune documents, out of fold)",
        "tune_documents": documents, "folds": folds,
        "tune_scores": {kind: curves[kind][chosen[kind]] for kind in chosen},
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
