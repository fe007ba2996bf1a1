"""Ingest the malformed corpus and tally what became of each file.

    python benchmarks/malformed.py [--seed 0] [--workers 2] [--timeout 60]

Writes the files with ``corpus/make_malformed.py`` into a temporary
folder, ingests them all in one batch, and prints, per kind of damage, how
many were ingested, recorded as ``no_text`` or recorded as failed, with
each distinct reason; then checks that no failed document left any row
but its ``documents`` row.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHILD_TABLES = ("sections", "blocks", "tables", "goals", "indicators", "targets", "indicator_values", "activities")


def tally(db_path: Path, manifest: dict) -> dict:
    """Outcome per file and the orphan check, as plain data."""
    conn = sqlite3.connect(db_path)
    rows = {r[0]: (r[1], r[2], r[3]) for r in conn.execute("SELECT file, status, error, id FROM documents")}
    partial = 0
    for table in CHILD_TABLES:
        partial += conn.execute(
            f"SELECT count(*) FROM [{table}] WHERE document_id IN (SELECT id FROM documents WHERE status != 'ok')"
        ).fetchone()[0]
    conn.close()
    outcomes = []
    for entry in manifest["files"]:
        status, error, _ = rows.get(entry["file"], ("duplicate", "same bytes as another file", None))
        outcomes.append({"file": entry["file"], "kind": entry["kind"], "expect": entry["expect"], "status": status, "error": error})
    return {"outcomes": outcomes, "partial_rows": partial}


def reason_of(error: str | None) -> str:
    """The reason without the file name and numbers, for grouping."""
    if not error:
        return ""
    reason = error.split(": ", 1)[-1]
    return re.sub(r"\d+", "N", reason)[:90]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "malformed"
        subprocess.run([sys.executable, str(REPO / "corpus" / "make_malformed.py"), str(folder), "--seed", str(args.seed)], check=True, stdout=subprocess.DEVNULL)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        from planextract.ingest import IngestOptions, ingest

        db_path = Path(tmp) / "malformed.db"
        summary = ingest([folder], db_path, IngestOptions(workers=args.workers, timeout=args.timeout, ocr="never"))
        result = tally(db_path, manifest)
    result["seconds"] = summary.seconds
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return
    outcomes = result["outcomes"]
    by_status = collections.Counter(o["status"] for o in outcomes)
    print(f"{len(outcomes)} malformed files in {summary.seconds:.1f} s: " + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items())))
    print(f"rows left by documents that did not ingest: {result['partial_rows']}")
    print(f"\n{'kind':<22} {'files':>5} {'ok':>4} {'no_text':>7} {'failed':>6} {'duplicate':>9}")
    kinds = collections.defaultdict(collections.Counter)
    for o in outcomes:
        kinds[o["kind"]][o["status"]] += 1
    for kind, counts in sorted(kinds.items()):
        print(f"{kind:<22} {sum(counts.values()):>5} {counts['ok']:>4} {counts['no_text']:>7} {counts['failed']:>6} {counts['duplicate']:>9}")
    print("\nreasons:")
    for reason, n in collections.Counter(reason_of(o["error"]) for o in outcomes if o["error"]).most_common():
        print(f"{n:>4}  {reason}")


if __name__ == "__main__":
    main()
