"""The parser against the corpus's expected structure: headings, tables, list items.

Each corpus PDF is parsed with the real pipeline and compared with
``corpus/expected/<name>.json`` (written by the generator from what it
rendered).  Per-document scores are saved to ``test-artifacts/`` and the
floors below are regression guards over the tuned documents: raise them as
the parser improves.  The held-out documents are scored too but not gated,
so the layout layer is never tuned to pass on them.
"""

from __future__ import annotations

import json

import pytest

from planextract.pipeline import parse_pdf
from planextract.textnorm import fold

from .conftest import REPO

EXPECTED = sorted((REPO / "corpus" / "expected").glob("*.json"))


def norm(text: str) -> str:
    return fold(text).lower().strip(" .:")


def score(expected: dict) -> dict:
    parsed = parse_pdf(REPO / "corpus" / "pdf" / expected["file"], ocr="auto")
    found_headings = {(norm(s.heading), s.page): s for s in parsed.sections}
    headings = [(norm(h["text"]), h["page"], h["level"]) for h in expected["headings"]]
    heading_hits = [h for h in headings if h[:2] in found_headings]
    found_tables = [(t.header, t.rows, t.page_start, t.page_end) for t in parsed.tables]
    # a box of one column is read as text, by design (rules/tables.yaml min_cols); its items are read all the same
    tables = [t for t in expected["tables"] if max([len(t["header"])] + [len(r) for r in t["rows"]]) >= 2]
    list_found = {(norm(b.text), b.page) for b in parsed.blocks if b.kind == "list_item"}
    items = expected["list_items"]
    return {
        "file": expected["file"],
        "pages": (parsed.pages, expected["pages"]),
        "headings": (len(heading_hits), len(headings)),
        "heading_levels": sum(1 for h in heading_hits if found_headings[h[:2]].level == h[2]),
        "tables_exact": (sum(1 for t in tables if (t["header"], t["rows"], t["page_start"], t["page_end"]) in found_tables), len(tables)),
        "table_headers": (sum(1 for t in tables if any(t["header"] == f[0] for f in found_tables)), len(tables)),
        "list_items": (sum(1 for i in items if (norm(i["text"]), i["page"]) in list_found), len(items)),
        "toc_pages": (parsed.toc_pages, expected["toc_pages"]),
    }


@pytest.fixture(scope="module")
def scores(artifacts):
    if not EXPECTED:
        pytest.skip("corpus/expected is empty")
    results = [score(json.loads(path.read_text(encoding="utf-8"))) for path in EXPECTED]
    (artifacts / "corpus-structure.json").write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return results


def share(results, key) -> float:
    hit = sum(r[key][0] for r in results)
    total = sum(r[key][1] for r in results)
    return hit / total if total else 1.0


def _split(result) -> str:
    gold = REPO / "corpus" / "gold" / result["file"].replace(".pdf", ".json")
    return json.loads(gold.read_text(encoding="utf-8")).get("split", "tune") if gold.is_file() else "tune"


@pytest.mark.parametrize(
    "key,floor",
    [("headings", 0.9), ("table_headers", 0.9), ("tables_exact", 0.75), ("list_items", 0.75)],
)
def test_corpus_structure_floors(scores, key, floor):
    tuned = [r for r in scores if _split(r) == "tune"]
    assert tuned
    assert share(tuned, key) >= floor, [(r["file"], r[key]) for r in tuned]


def test_pages_and_toc_pages(scores):
    for result in scores:
        assert result["pages"][0] == result["pages"][1], result["file"]
        assert sorted(result["toc_pages"][0]) == sorted(result["toc_pages"][1]), result["file"]


# Held-out documents whose headings the reader finds too few of: known from
# this check, not examined (a held-out document is not tuned on); strict, so
# that a change that mends one says so.
HEADINGS_BELOW_FLOOR = {"eksjo-socialnamnden-verksamhetsplan-2026", "boden-utbildningsnamnden-delarsrapport-2025",
                        "solvesborg-bun-uppfoljning-2025"}


@pytest.mark.parametrize("path", [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="held out, below the floor, not examined"))
    if p.stem in HEADINGS_BELOW_FLOOR else p
    for p in EXPECTED
], ids=lambda p: p.stem)
def test_every_document_finds_most_of_its_headings(scores, path):
    result = next(r for r in scores if r["file"] == path.stem + ".pdf")
    hit, total = result["headings"]
    assert total == 0 or hit / total >= 0.6, result


def test_a_table_across_a_page_break_is_joined_exactly():
    """Sala's action table breaks over pages with its header repeated."""
    expected = json.loads((REPO / "corpus" / "expected" / "sala-aon-verksamhetsplan-2025.json").read_text(encoding="utf-8"))
    spanning = [t for t in expected["tables"] if t["page_end"] > t["page_start"]]
    assert spanning, "the corpus document should hold a table across pages"
    parsed = parse_pdf(REPO / "corpus" / "pdf" / expected["file"], ocr="never")
    found = {(tuple(t.header), t.page_start, t.page_end): t for t in parsed.tables}
    for table in spanning:
        got = found[(tuple(table["header"]), table["page_start"], table["page_end"])]
        assert got.rows == table["rows"]
        assert got.row_pages == table["row_pages"]
