"""How fast is find_tables, against a plain pdfplumber text loop over every page?

    python benchmarks/tables_speed.py [FOLDER] [--repeat N]

FOLDER defaults to ../shared/corpus-real beside the repository.  For each
PDF it reads the page layouts (not timed), then times, one after the other
so that both see the same machine load:

* ``find_tables(path, pages)``, and
* ``pdfplumber.open`` / ``page.extract_text()`` / ``page.close()`` over all pages.

It prints the share of pages that were sent to pdfplumber and both times.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _layout_reader(which: str):
    if which == "layout":
        try:
            from planextract.layout import read_layout

            return "layout.read_layout", lambda path: read_layout(path, ocr="never")
        except ImportError:
            pass
    sys.path.insert(0, str(REPO))
    from tests.test_tables import pdfium_layout

    return "tests.test_tables.pdfium_layout", pdfium_layout


def _plumber_loop(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def main(argv=None) -> int:
    from planextract.tables import find_tables, screen_pages

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO.parent / "shared" / "corpus-real")
    parser.add_argument("--repeat", type=int, default=1, help="time each step this many times, keep the best")
    parser.add_argument(
        "--lines", choices=("layout", "tests"), default="layout",
        help="page lines from planextract.layout (default) or the tests' own pypdfium2 reader",
    )
    args = parser.parse_args(argv)
    pdfs = sorted(args.folder.glob("*.pdf"))
    if not pdfs:
        print(f"no PDFs in {args.folder}")
        return 1
    name, read = _layout_reader(args.lines)
    print(f"layout from {name}; best of {args.repeat}")
    print(f"{'file':58} {'pages':>5} {'sent':>4} {'tables':>6} {'find_tables':>11} {'pdfplumber':>10}")
    total = {"pages": 0, "sent": 0, "tables": 0, "ours": 0.0, "plumber": 0.0}
    for path in pdfs:
        try:
            pages = read(path)
        except Exception as exc:  # a document the layout layer rejects
            print(f"{path.name[:58]:58} skipped: {exc}")
            continue
        sent = len(screen_pages(path, pages))
        ours = plumber = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            tables = find_tables(path, pages)
            ours = min(ours, time.perf_counter() - started)
            started = time.perf_counter()
            _plumber_loop(path)
            plumber = min(plumber, time.perf_counter() - started)
        print(f"{path.name[:58]:58} {len(pages):5} {sent:4} {len(tables):6} {ours:10.2f}s {plumber:9.2f}s")
        total["pages"] += len(pages)
        total["sent"] += sent
        total["tables"] += len(tables)
        total["ours"] += ours
        total["plumber"] += plumber
    if not total["pages"] or not total["ours"] or not total["plumber"]:
        print("nothing was timed")
        return 1
    share = total["sent"] / total["pages"]
    print(
        f"{'total':58} {total['pages']:5} {total['sent']:4} {total['tables']:6} "
        f"{total['ours']:10.2f}s {total['plumber']:9.2f}s"
    )
    print(f"pages sent to pdfplumber: {total['sent']}/{total['pages']} ({share:.0%})")
    print(
        f"find_tables: {total['pages'] / total['ours']:.1f} pages/s; "
        f"pdfplumber extract_text loop: {total['pages'] / total['plumber']:.1f} pages/s; "
        f"find_tables takes {total['ours'] / total['plumber']:.0%} of the loop's time"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
