"""Kolada link threshold: precision and recall of fuzzy KPI matching per scorer and threshold.

    python benchmarks/kolada_threshold.py [--labels tests/data/kolada_labels.csv]

The labelled sample gives indicator texts with the Kolada KPI ids that
measure them (several when variants are equally right; none when no KPI
does).  Each text is matched against the KPI titles of
``rules/kolada_kpis.csv`` the way :mod:`planextract.canonical` matches a
canonical label.  For each scorer and threshold, on the ``tune`` split:

- precision: links made that are right / links made;
- recall: labelled texts linked to a right KPI / labelled texts;
- false links: texts with no KPI that got one anyway.

The scorer and threshold with the best F0.5 on ``tune`` (precision weighs
more than recall: a wrong KPI misleads, a missing one does not) are then
scored once on the ``heldout`` split, which played no part in the choice.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from planextract.canonical import SCORERS, matching_keys, match_kolada  # noqa: E402

THRESHOLDS = list(range(50, 101, 5))


def load_labels(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    for row in rows:
        row["gold"] = set(filter(None, row["kolada_kpi"].split(";")))
    return rows


def predictions(rows: list[dict], scorer: str) -> list[tuple[str, float] | None]:
    keys = matching_keys([row["text"] for row in rows], kolada=True)
    return [match_kolada(key, scorer=scorer, threshold=0) for key in keys]


def measure(rows: list[dict], found: list, threshold: float) -> dict:
    made = right = false_links = 0
    positives = sum(1 for row in rows if row["gold"])
    for row, hit in zip(rows, found):
        if hit is None or hit[1] < threshold:
            continue
        made += 1
        right += hit[0] in row["gold"]
        false_links += not row["gold"]
    precision = right / made if made else 1.0
    recall = right / positives if positives else 0.0
    beta2 = 0.25
    f05 = (1 + beta2) * precision * recall / (beta2 * precision + recall) if precision + recall else 0.0
    return {"made": made, "right": right, "precision": precision, "recall": recall, "f05": f05, "false_links": false_links}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=REPO / "tests" / "data" / "kolada_labels.csv")
    parser.add_argument("--scorers", default="token_sort_ratio,token_set_ratio,WRatio,ratio")
    args = parser.parse_args(argv)

    rows = load_labels(args.labels)
    tune = [row for row in rows if row["split"] == "tune"]
    heldout = [row for row in rows if row["split"] == "heldout"]
    print(f"labels: {len(tune)} tune ({sum(bool(r['gold']) for r in tune)} with a KPI), "
          f"{len(heldout)} heldout ({sum(bool(r['gold']) for r in heldout)} with a KPI)\n")

    best = None
    for scorer in args.scorers.split(","):
        if scorer not in SCORERS:
            parser.error(f"unknown scorer {scorer!r} (one of {', '.join(SCORERS)})")
        found = predictions(tune, scorer)
        print(f"{scorer} (tune)")
        print("  threshold  links  right  precision  recall  F0.5  false-links")
        for threshold in THRESHOLDS:
            m = measure(tune, found, threshold)
            print(f"  {threshold:9d}  {m['made']:5d}  {m['right']:5d}  {m['precision']:9.2f}  {m['recall']:6.2f}  {m['f05']:4.2f}  {m['false_links']:11d}")
            key = (round(m["f05"], 4), m["precision"], threshold)
            if best is None or key > best[0]:
                best = (key, scorer, threshold)
        print()

    _, scorer, threshold = best
    found = predictions(heldout, scorer)
    m = measure(heldout, found, threshold)
    print(f"chosen on tune: {scorer} >= {threshold}")
    print(f"heldout: {m['made']} links, {m['right']} right: precision {m['precision']:.2f}, "
          f"recall {m['recall']:.2f}, false links {m['false_links']} of "
          f"{sum(not r['gold'] for r in heldout)} texts without a KPI")
    wrong = [(row["text"], hit) for row, hit in zip(heldout, found) if hit and hit[1] >= threshold and hit[0] not in row["gold"]]
    for text, hit in wrong:
        print(f"  wrong: {text!r} -> {hit[0]} ({hit[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
