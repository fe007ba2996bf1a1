"""Render the test corpus: corpus/specs/*.yaml -> pdf/, expected/ and gold/.

    python corpus/generate.py                 # regenerate everything
    python corpus/generate.py sala-...        # only the named specs
    python corpus/generate.py --out DIR       # write into DIR/{pdf,expected,gold}
    python corpus/generate.py --check         # exit 1 when a committed file is stale

Each spec describes one plan-like document (metadata, layout, content
blocks with item annotations, see story.py).  Pages in the expected
structure and in the gold come from the render itself.  The output is
deterministic: the same spec gives byte-identical files (reportlab's
invariant mode).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import reportlab
import yaml

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from goldschema import validate_gold  # noqa: E402
from render import SpecError, plain, render  # noqa: E402
from story import build_story  # noqa: E402

SPECS = HERE / "specs"
DOC_KEYS = ("kommun", "kommun_code", "organ", "doc_type", "period_start", "period_end", "adopted",
            "diarienummer")
TARGET_KEYS = ("text", "direction", "target_op", "target_value", "unit", "target_year", "baseline_value",
               "baseline_year")
ITEM_KEYS = {
    "goal": ("level", "parent", "status"),
    "indicator": ("goal", "measure", "kolada_kpi"),
    "activity": ("goal", "detail", "responsible", "timeline", "follow_up", "status"),
}
AUTO_PREFIX = {"goal": "g", "indicator": "i", "activity": "a"}
_NUMBER = re.compile(r"^[-\u2212]?\d+(?:[.,]\d+)?$")


def load_spec(path: Path) -> dict:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(spec, dict) or spec.get("name") != path.stem:
        raise SpecError(f"{path.name}: 'name' must equal the file name without .yaml")
    return spec


def parse_value(text) -> float | None:
    """A printed outcome value ("1 104", "37,4", "12 %") as a float, else None."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    s = plain(text).replace("\u00a0", "").replace(" ", "").rstrip("%").replace("\u2212", "-")
    if not _NUMBER.match(s):
        return None
    return float(s.replace(",", "."))


def _target(raw, item_text: str) -> dict | None:
    if raw is None:
        return None
    out = {key: raw.get(key) for key in TARGET_KEYS}
    unknown = set(raw) - set(TARGET_KEYS)
    if unknown:
        raise SpecError(f"unknown target keys {sorted(unknown)} near {item_text[:50]!r}")
    out["text"] = plain(out["text"] if out["text"] else item_text)
    for key in ("target_value", "baseline_value"):
        if out[key] is not None:
            out[key] = float(out[key])
    return out


def gold_items(state, track) -> list[dict]:
    """The annotated items, in document order, with pages from the render."""
    items, counters = [], {k: 0 for k in AUTO_PREFIX}
    for raw, tid in state.items:
        kind = raw["kind"]
        allowed = {"kind", "id", "text", "target", "values"} | set(ITEM_KEYS[kind])
        unknown = set(raw) - allowed
        if unknown:
            raise SpecError(f"unknown {kind} keys {sorted(unknown)} near {raw['text'][:50]!r}")
        counters[kind] += 1
        item = {"id": raw.get("id") or f"{AUTO_PREFIX[kind]}{counters[kind]}", "kind": kind,
                "text": raw["text"], "page": track.pages[tid]}
        for key in ITEM_KEYS[kind]:
            value = raw.get(key)
            item[key] = plain(value) if isinstance(value, str) else value
        if kind == "goal":
            if raw.get("target") is not None:
                item["target"] = _target(raw["target"], raw["text"])
        if kind == "indicator":
            item["target"] = _target(raw.get("target"), raw["text"])
            values = raw.get("values") or {}
            item["values"] = [{"period": str(p), "value": parse_value(v)} for p, v in values.items()]
        items.append(item)
    return items


def expected_structure(spec, pdf_name, track, state) -> dict:
    tables = []
    for table in state.tables:
        pages = track.table_pages[table["tid"]]
        tables.append({"header": table["header"], "rows": table["rows"],
                       "page_start": min(pages), "page_end": max(pages),
                       "row_pages": [track.pages[r] for r in table["row_ids"]],
                       "grid": table["grid"], "repeat_header": table["repeat_header"],
                       **({"spans": table["spans"]} if "spans" in table else {})})
    return {
        "file": pdf_name,
        "generator": {"reportlab": reportlab.Version},
        "pages": track.page_count,
        "layout": {k: spec.get("layout", {}).get(k) for k in ("pagesize", "font", "page_style")},
        "toc_pages": sorted(track.table_pages.get("toc", [])),
        "running": {str(page): texts for page, texts in sorted(track.running.items())},
        "headings": [{"text": h["text"], "number": h["number"], "level": h["level"],
                      "page": track.pages[h["tid"]]} for h in state.headings],
        "tables": tables,
        "list_items": [{"text": li["text"], "marker": li["marker"], "depth": li["depth"],
                        "page": track.pages[li["tid"]]} for li in state.list_items],
    }


def build(spec: dict) -> tuple[bytes, dict, dict]:
    """Render one spec: (pdf bytes, expected structure, gold)."""
    pdf, track, state = render(spec, build_story)
    scan = spec.get("layout", {}).get("scan")
    if scan:
        from scan import scan_pages

        pdf = scan_pages(pdf, scan["pages"], dpi=scan.get("dpi", 150), skew=scan.get("skew", 0.0),
                         seed=scan.get("seed", 0))
    pdf_name = f"{spec['name']}.pdf"
    meta = spec.get("meta", {})
    document = {key: meta.get(key) for key in DOC_KEYS}
    if document["adopted"] is not None:
        document["adopted"] = str(document["adopted"])
    document["pages"] = track.page_count
    gold = {"file": pdf_name, "split": spec.get("split", "tune"), "document": document,
            "items": gold_items(state, track)}
    problems = validate_gold(gold)
    if problems:
        raise SpecError(f"{spec['name']}: gold does not validate: {problems[:5]}")
    expected = expected_structure(spec, pdf_name, track, state)
    if scan:
        from scan import library_versions

        expected["generator"].update(library_versions())
        expected["scanned_pages"] = sorted(scan["pages"])
    return pdf, expected, gold


def dump_json(data) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def verify(pdf_path: Path, expected: dict, gold: dict) -> list[str]:
    """Check the render with pdfplumber: each heading, item and row is on its page.

    Words are compared as a bag (table cells interleave in a page's text);
    a word broken at a line end counts when both of its parts are there.
    """
    import pdfplumber

    def words_of(text):
        return [w for w in re.split(r"[^\w%]+", text.replace("\u00ad", "").lower()) if w]

    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            pages.append(set(words_of(page.extract_text() or "")))

    scanned = set(expected.get("scanned_pages", []))
    for page in scanned:  # an image-only page must have no text layer at all
        if pages[page - 1]:
            problems.append(f"scanned page {page} has a text layer")

    def on_page(text, page):
        if page in scanned:
            return True
        if page < 1 or page > len(pages):
            return False
        bag = pages[page - 1]
        for word in words_of(text)[:10]:
            if word in bag:
                continue
            if not any(word[:i] in bag and word[i:] in bag for i in range(2, len(word) - 1)):
                return False
        return True

    problems = []
    if len(pages) != expected["pages"]:
        problems.append(f"page count {len(pages)} != {expected['pages']}")
    for h in expected["headings"]:
        if not on_page(h["text"], h["page"]):
            problems.append(f"heading {h['text'][:40]!r} not on page {h['page']}")
    for li in expected["list_items"]:
        if not on_page(li["text"], li["page"]):
            problems.append(f"list item {li['text'][:40]!r} not on page {li['page']}")
    for item in gold["items"]:
        if not on_page(item["text"], item["page"]):
            problems.append(f"{item['id']} {item['text'][:40]!r} not on page {item['page']}")
    for t in expected["tables"]:
        for row, page in zip(t["rows"], t["row_pages"]):
            for cell in row:
                if cell.strip() and not on_page(cell, page):
                    problems.append(f"table cell {cell[:30]!r} not on page {page}")
    return problems


def generate(names=None, out: Path = HERE, check_render: bool = True) -> list[Path]:
    """Render the named specs (all when None) into ``out``; return written paths."""
    paths = sorted(SPECS.glob("*.yaml"))
    if names:
        paths = [p for p in paths if p.stem in set(names)]
    written = []
    for path in paths:
        spec = load_spec(path)
        pdf, expected, gold = build(spec)
        targets = {out / "pdf" / f"{path.stem}.pdf": pdf,
                   out / "expected" / f"{path.stem}.json": dump_json(expected),
                   out / "gold" / f"{path.stem}.json": dump_json(gold)}
        for target, data in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(target)
        if check_render:
            problems = verify(out / "pdf" / f"{path.stem}.pdf", expected, gold)
            if problems:
                raise SpecError(f"{path.stem}: render check failed: {problems[:8]}")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="spec names (default: all)")
    parser.add_argument("--out", type=Path, default=HERE, help="output root (default: corpus/)")
    parser.add_argument("--no-verify", action="store_true", help="skip the pdfplumber check")
    parser.add_argument("--check", action="store_true", help="compare with the committed files")
    args = parser.parse_args(argv)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            stale = []
            for path in generate(args.names, Path(tmp), check_render=False):
                committed = HERE / path.relative_to(tmp)
                if not committed.is_file() or committed.read_bytes() != path.read_bytes():
                    stale.append(str(committed.relative_to(HERE)))
        for name in stale:
            print(f"stale: {name}")
        return 1 if stale else 0
    for path in generate(args.names, args.out, check_render=not args.no_verify):
        print(path.relative_to(args.out) if path.is_relative_to(args.out) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
