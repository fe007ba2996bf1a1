"""Pages per second of ``read_layout`` against a plain pdfplumber loop.

    python benchmarks/layout_speed.py [FOLDER_OR_PDF ...] [--repeat N] [--long-pdf PAGES]

For every PDF (default: ``../shared/corpus-real`` beside the repository)
it times ``planextract.layout.read_layout(path, ocr="never")`` and a plain
pdfplumber loop (open, ``extract_text`` on each page, close) and prints
pages per second of each, in wall-clock and CPU time (the CPU figure is
steadier on a busy machine).  ``--long-pdf N`` also builds an N-page PDF
by joining the PDFs (in a temporary folder), reads it in a fresh process
and reports that process's peak resident memory, to show that memory does
not grow with the page count.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus-real"


def pdf_files(arguments: list[str]) -> list[Path]:
    files: list[Path] = []
    for argument in arguments or [str(DEFAULT)]:
        path = Path(argument)
        files.extend(sorted(path.glob("*.pdf")) if path.is_dir() else [path])
    return files


def time_layout(files: list[Path]) -> tuple[int, float, float]:
    from planextract.errors import DocumentError
    from planextract.layout import read_layout

    pages = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        try:
            pages += len(read_layout(path, ocr="never"))
        except DocumentError:
            continue
    return pages, time.perf_counter() - wall, time.process_time() - cpu


def time_pdfplumber(files: list[Path]) -> tuple[int, float, float]:
    import pdfplumber

    pages = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        try:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()
                    pages += 1
        except Exception:  # a file pdfplumber cannot read is left out of its count
            continue
    return pages, time.perf_counter() - wall, time.process_time() - cpu


def long_pdf(files: list[Path], pages: int, folder: Path) -> Path:
    """Join ``files`` (over and over) into one PDF of ``pages`` pages."""
    import pypdfium2 as pdfium

    joined = pdfium.PdfDocument.new()
    count = 0
    while count < pages:
        before = count
        for path in files:
            source = pdfium.PdfDocument(str(path))
            try:
                take = min(len(source), pages - count)
                joined.import_pages(source, list(range(take)))
                count += take
            finally:
                source.close()
            if count >= pages:
                break
        if count == before:
            raise SystemExit("no pages to join")
    target = folder / f"joined-{pages}.pdf"
    joined.save(str(target))
    joined.close()
    return target


_MEMORY_PROBE = """
import json, resource, sys, time
from planextract.layout import read_layout
started = time.process_time()
pages = read_layout(sys.argv[1], ocr="never")
print(json.dumps({"pages": len(pages), "cpu": time.process_time() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def memory_run(path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="PDF files or folders (default: ../shared/corpus-real)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each reader; the best is kept")
    parser.add_argument("--long-pdf", type=int, default=0, metavar="PAGES", help="also measure peak memory on a PAGES-page PDF")
    args = parser.parse_args()
    files = pdf_files(args.paths)
    if not files:
        raise SystemExit("no PDFs found")
    print(f"{len(files)} PDFs")
    results = {}
    for name, reader in (("read_layout", time_layout), ("pdfplumber", time_pdfplumber)):
        runs = [reader(files) for _ in range(max(1, args.repeat))]
        pages, wall, cpu = min(runs, key=lambda run: run[2])
        results[name] = (pages, wall, cpu)
        print(f"{name:12s} {pages:5d} pages  {wall:7.2f} s wall  {pages / wall:7.1f} pages/s wall  {pages / cpu:7.1f} pages/s CPU")
    layout_cpu = results["read_layout"][2] / max(results["read_layout"][0], 1)
    plumber_cpu = results["pdfplumber"][2] / max(results["pdfplumber"][0], 1)
    print(f"read_layout takes {100 * layout_cpu / plumber_cpu:.1f} % of pdfplumber's CPU time a page "
          f"({plumber_cpu / layout_cpu:.1f}x faster)")
    if args.long_pdf:
        with tempfile.TemporaryDirectory(prefix="layout-speed-") as folder:
            path = long_pdf(files, args.long_pdf, Path(folder))
            small = long_pdf(files, max(1, args.long_pdf // 10), Path(folder))
            for target in (small, path):
                run = memory_run(target)
                print(f"long PDF {run['pages']:5d} pages: peak RSS {run['peak_mb']:.0f} MB, "
                      f"{run['pages'] / run['cpu']:.0f} pages/s CPU")


if __name__ == "__main__":
    main()
