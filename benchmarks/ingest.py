"""Ingest benchmark: full ingest against a plain pdfplumber text loop, same files, same run.

    python benchmarks/ingest.py [FOLDER ...] [--repeat 3] [--workers 1,2] [--big-pages 500]

Each configuration runs in a fresh subprocess (so imports and caches are
counted alike) and is repeated; the figures are medians.  Peak memory is
the largest resident set of any single process of the run (sampled every
20 ms with psutil).  OCR is off (``--ocr never``): the baseline does not
OCR either.  Default folders: ``corpus/pdf`` and, when present,
``../shared/corpus-real`` beside the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]

BASELINE = """
import sys, json, pdfplumber
pages = 0
for path in json.loads(sys.argv[1]):
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
                pages += 1
    except Exception:
        pass
print(pages)
"""

INGEST = """
import sys, json
from planextract.ingest import IngestOptions, ingest
paths, db, workers = json.loads(sys.argv[1]), sys.argv[2], int(sys.argv[3])
summary = ingest(paths, db, IngestOptions(workers=workers, ocr="never", timeout=3600))
print(summary.pages)
"""


def measure(code: str, *args: str) -> tuple[float, int, float, float]:
    """Run ``code`` in a fresh interpreter: (wall seconds, printed pages, peak RSS MB, child peak MB).

    The child peak is the largest resident set of any process the run
    started (the workers, the fork server), the run's own process left out.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True
    )
    peak = child_peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, child_peak
        try:
            root = psutil.Process(process.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            try:
                for proc in [root, *root.children(recursive=True)]:
                    try:
                        rss = proc.memory_info().rss
                    except psutil.Error:
                        continue
                    peak = max(peak, rss)
                    if proc.pid != root.pid:
                        child_peak = max(child_peak, rss)
            except psutil.Error:
                pass
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"benchmark run failed (exit {process.returncode})")
    return elapsed, int(out.strip().splitlines()[-1]), peak / 2**20, child_peak / 2**20


def make_big_pdf(sources: list[Path], pages: int, out: Path) -> Path:
    """A PDF of ``pages`` pages, made by repeating the pages of ``sources``."""
    import pypdfium2 as pdfium

    big = pdfium.PdfDocument.new()
    for source in sources:
        src = pdfium.PdfDocument(str(source))
        try:
            if len(src) == 0:
                continue
            while len(big) < pages:
                take = min(len(src), pages - len(big))
                big.import_pages(src, list(range(take)))
        finally:
            src.close()
        if len(big) >= pages:
            break
    big.save(str(out))
    big.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--big-pages", type=int, default=500, help="pages of the memory test PDF (0: skip)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    folders = args.folders or [REPO / "corpus" / "pdf"]
    shared = REPO.parent / "shared" / "corpus-real"
    if not args.folders and shared.is_dir():
        folders.append(shared)
    from planextract.ingest import find_pdfs

    files = [str(p) for p in find_pdfs(folders)]
    if not files:
        raise SystemExit("no PDFs found")
    payload = json.dumps(files)
    results: dict[str, dict] = {}

    def run(name: str, code: str, *extra: str, fresh_db: bool = False) -> None:
        times, pages, peaks, child_peaks = [], 0, [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as tmp:
                run_args = [payload]
                if fresh_db:
                    run_args.append(str(Path(tmp) / "bench.db"))
                seconds, pages, peak, child_peak = measure(code, *run_args, *extra)
            times.append(seconds)
            peaks.append(peak)
            child_peaks.append(child_peak)
        results[name] = {
            "seconds": statistics.median(times),
            "pages": pages,
            "peak_rss_mb": max(peaks),
            "worker_rss_mb": max(child_peaks) if fresh_db else None,
            "runs": len(times),
        }

    run("pdfplumber text loop (baseline)", BASELINE)
    for workers in [int(w) for w in args.workers.split(",")]:
        run(f"planextract ingest, {workers} worker{'s' if workers > 1 else ''}", INGEST, str(workers), fresh_db=True)

    if args.big_pages:
        with tempfile.TemporaryDirectory() as tmp:
            big = make_big_pdf([Path(f) for f in files], args.big_pages, Path(tmp) / "big.pdf")
            seconds, pages, peak, child_peak = measure(INGEST, json.dumps([str(big)]), str(Path(tmp) / "big.db"), "1")
        results[f"memory: one {args.big_pages}-page PDF, 1 worker"] = {
            "seconds": seconds, "pages": pages, "peak_rss_mb": peak, "worker_rss_mb": child_peak, "runs": 1,
        }

    baseline = results["pdfplumber text loop (baseline)"]
    for name, figures in results.items():
        figures["pages_per_s"] = figures["pages"] / figures["seconds"] if figures["seconds"] else 0.0
        # same files, same run: speed ratio = baseline time / this time
        figures["speed_vs_baseline"] = (
            None if name.startswith("memory") else baseline["seconds"] / figures["seconds"]
        )

    if args.json:
        print(json.dumps({"documents": len(files), "results": results}, indent=2))
        return
    print(f"{len(files)} documents, {baseline['pages']} pages, {os.cpu_count()} cores; medians of {args.repeat} runs")
    print("peak MB: the largest process of the run; worker MB: the largest the run started (workers, fork server)")
    print(f"{'run':<44} {'pages':>6} {'wall s':>8} {'pages/s':>8} {'x baseline':>10} {'peak MB':>8} {'worker MB':>9}")
    for name, f in results.items():
        ratio = "" if f["speed_vs_baseline"] is None else f"{f['speed_vs_baseline']:.2f}"
        worker = "" if f.get("worker_rss_mb") is None else f"{f['worker_rss_mb']:.0f}"
        print(f"{name:<44} {f['pages']:>6} {f['seconds']:>8.2f} {f['pages_per_s']:>8.1f} {ratio:>10} {f['peak_rss_mb']:>8.0f} {worker:>9}")


if __name__ == "__main__":
    main()
