"""The project's own test corpus: generator, committed files, gold, malformed files."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
sys.path.insert(0, str(CORPUS))

generate = pytest.importorskip("generate")  # needs reportlab (the "corpus" extra)
from goldschema import validate_gold  # noqa: E402

SPECS = sorted((CORPUS / "specs").glob("*.yaml"))
NAMES = [p.stem for p in SPECS]

TINY_SPEC = {
    "name": "tiny",
    "split": "tune",
    "meta": {"kommun": "Sala", "kommun_code": "1981", "organ": "Kommunstyrelsen", "doc_type": "verksamhetsplan",
             "period_start": 2025, "period_end": 2025, "adopted": "2025-01-30", "diarienummer": "KS 2025/1",
             "title": "Liten plan"},
    "layout": {"page_style": "sida_av", "number_headings": True, "plain_first_page": True,
               "header": {"left": "Sala kommun"}, "footer": {"right": "{pageno}"}},
    "content": [
        {"cover": [{"text": "Liten plan", "size": 20}]},
        {"toc": "Innehåll"},
        {"h": "Mål", "level": 1},
        {"list": "bullet", "each": {"kind": "goal", "level": "namnd", "parent": None},
         "items": [{"text": "Sjuk{-}frånvaron ska minska.", "item": {"id": "g1"}}]},
        {"table": {"header": ["Indikator", "Mål", "2024"], "widths": [0.6, 0.2, 0.2],
                   "each": {"kind": "indicator", "goal": "g1", "text": "@0", "target": {"text": "@1"},
                            "values": {"2024": "@2"}},
                   "rows": [["Sjukfrånvaro, %", "Högst 6 %", "7,1",
                             {"target": {"direction": "reach", "target_op": "<=", "target_value": 6,
                                         "unit": "%"}}]] * 1}},
        {"columns": [{"p": "Två spalter. " * 80}]},
    ],
}


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_specs_exist():
    assert len(SPECS) >= 8


@pytest.mark.parametrize("spec", [TINY_SPEC])
def test_generator_is_deterministic(spec, tmp_path):
    pdf1, expected1, gold1 = generate.build(copy.deepcopy(spec))
    pdf2, expected2, gold2 = generate.build(copy.deepcopy(spec))
    assert pdf1 == pdf2
    assert expected1 == expected2 and gold1 == gold2
    (tmp_path / "tiny.pdf").write_bytes(pdf1)
    assert generate.verify(tmp_path / "tiny.pdf", expected1, gold1) == []
    assert gold1["document"]["pages"] == expected1["pages"] >= 3
    assert [i["text"] for i in gold1["items"]] == ["Sjukfrånvaron ska minska.", "Sjukfrånvaro, %"]
    assert gold1["items"][1]["values"] == [{"period": "2024", "value": 7.1}]
    assert expected1["toc_pages"] == [2]
    assert expected1["running"]["2"] == ["Sala kommun", f"Sida 2 av {expected1['pages']}"]


def _spec_with(change):
    spec = copy.deepcopy(TINY_SPEC)
    change(spec)
    return spec


@pytest.mark.parametrize("spec, message", [
    (_spec_with(lambda s: s["content"][2].update(levle=2)), "unknown keys ['levle']"),
    (_spec_with(lambda s: s["layout"].update(pagesise="A5")), "layout: unknown keys ['pagesise']"),
    (_spec_with(lambda s: s["content"].append({"figure": "x.png"})), "unknown content block 'figure'"),
    (_spec_with(lambda s: s["content"][4]["table"].update(widths=[0.1, 0.1, 0.8])), "does not fit its column"),
    (_spec_with(lambda s: s["content"][3]["items"][0]["item"].update(colour="red")), "unknown goal keys"),
    (_spec_with(lambda s: s["content"][4]["table"]["rows"][0][-1].update(goal="g7")), "not a goal"),
    (_spec_with(lambda s: s["content"][4]["table"]["rows"][0].insert(0, "extra")), "has 4 cells, header has 3"),
])
def test_bad_spec_is_an_error_naming_the_problem(spec, message):
    with pytest.raises(generate.SpecError, match=re.escape(message)):
        generate.build(spec)


@pytest.mark.parametrize("name", NAMES)
def test_every_spec_has_its_files(name):
    for folder, ext in (("pdf", "pdf"), ("expected", "json"), ("gold", "json")):
        assert (CORPUS / folder / f"{name}.{ext}").is_file(), f"{folder}/{name}.{ext} missing: run corpus/generate.py"


@pytest.mark.parametrize("folder", ["pdf", "expected", "gold"])
def test_no_orphan_files(folder):
    stems = {p.stem for p in (CORPUS / folder).iterdir() if p.is_file()}
    assert stems == set(NAMES)


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out=out, check_render=False)
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_committed_files_are_up_to_date(name, regenerated):
    fresh_expected = _load(regenerated / "expected" / f"{name}.json")
    committed_expected = _load(CORPUS / "expected" / f"{name}.json")
    assert _load(regenerated / "gold" / f"{name}.json") == _load(CORPUS / "gold" / f"{name}.json"), \
        "gold is stale: run python corpus/generate.py"
    same_libraries = fresh_expected.pop("generator") == committed_expected.pop("generator")
    assert fresh_expected == committed_expected, "expected structure is stale: run python corpus/generate.py"
    if same_libraries:  # other reportlab/pdfium versions may write other (equally valid) bytes
        fresh = (regenerated / "pdf" / f"{name}.pdf").read_bytes()
        assert fresh == (CORPUS / "pdf" / f"{name}.pdf").read_bytes(), "PDF is stale: run python corpus/generate.py"


@pytest.mark.parametrize("name", [  # generate.py checks every document; re-check a varied few here
    "kinnekulle-raddningsforbund-verksamhetsplan-2025",  # landscape, split table
    "vaxjo-klimat-handlingsplan-2025",  # two columns
    "ostersund-bun-namndsplan-2025",  # nested lists, borderless tables
])
def test_expected_pages_match_the_pdf(name):
    """Headings, list items, items and table cells are on the pages the files say."""
    expected = _load(CORPUS / "expected" / f"{name}.json")
    gold = _load(CORPUS / "gold" / f"{name}.json")
    assert generate.verify(CORPUS / "pdf" / f"{name}.pdf", expected, gold) == []


@pytest.mark.parametrize("name", NAMES)
def test_gold_validates(name):
    gold = _load(CORPUS / "gold" / f"{name}.json")
    assert validate_gold(gold) == []
    assert gold["file"] == f"{name}.pdf"
    assert gold["document"]["pages"] == _load(CORPUS / "expected" / f"{name}.json")["pages"]


def test_heldout_is_about_a_third_and_listed():
    splits = {name: _load(CORPUS / "gold" / f"{name}.json")["split"] for name in NAMES}
    heldout = sorted(n for n, s in splits.items() if s == "heldout")
    assert len(NAMES) / 4 <= len(heldout) <= len(NAMES) / 2
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for name in heldout:
        assert name in readme


def test_readme_table_lists_every_document_with_its_split_and_pages():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    rows = {name: (split, int(pages))
            for name, split, pages in re.findall(r"^\| `([^`]+)` \| \**(\w+)\** \| (\d+) \|", readme, re.M)}
    assert set(rows) == set(NAMES)
    for name, (split, pages) in rows.items():
        gold = _load(CORPUS / "gold" / f"{name}.json")
        assert (split, pages) == (gold["split"], gold["document"]["pages"]), name


def test_corpus_covers_every_kind_and_a_document_without_goals():
    golds = [_load(CORPUS / "gold" / f"{name}.json") for name in NAMES]
    kinds = {item["kind"] for gold in golds for item in gold["items"]}
    levels = {item["level"] for gold in golds for item in gold["items"] if item["kind"] == "goal"}
    statuses = {item["status"] for gold in golds for item in gold["items"] if item["kind"] == "goal"}
    assert kinds == {"goal", "indicator", "activity"}
    assert levels == {"kf", "namnd", "verksamhet"}
    assert {"met", "partly", "not_met"} <= statuses
    assert any(not gold["items"] for gold in golds)
    assert any(gold["document"]["kommun"] is None for gold in golds)  # the kommunalförbund


def test_scanned_page_has_no_text_layer():
    pdfplumber = pytest.importorskip("pdfplumber")
    name = "sala-san-aktivitetsuppfoljning-2024"
    expected = _load(CORPUS / "expected" / f"{name}.json")
    assert expected["scanned_pages"] == [3]
    gold = _load(CORPUS / "gold" / f"{name}.json")
    assert any(item["page"] == 3 for item in gold["items"])
    with pdfplumber.open(CORPUS / "pdf" / f"{name}.pdf") as pdf:
        assert not pdf.pages[2].chars and pdf.pages[2].images
        assert pdf.pages[0].chars


def _valid_gold():
    return {
        "file": "x.pdf", "split": "tune",
        "document": {"kommun": "Sala", "kommun_code": "1981", "organ": "SN", "doc_type": "verksamhetsplan",
                     "period_start": 2025, "period_end": 2028, "adopted": "2024-11-14",
                     "diarienummer": "2024/109", "pages": 3},
        "items": [
            {"id": "g1", "kind": "goal", "text": "Ett växande Sala", "page": 1, "level": "kf", "parent": None,
             "status": None},
            {"id": "i1", "kind": "indicator", "text": "Arbetslösheten minskar", "page": 2, "goal": "g1",
             "measure": None, "kolada_kpi": "N31848", "values": [{"period": "2023", "value": 617.0}],
             "target": {"text": "Minska", "direction": "decrease", "target_op": None, "target_value": None,
                        "unit": None, "target_year": None, "baseline_value": None, "baseline_year": None}},
            {"id": "a1", "kind": "activity", "text": "Aktivitetsplikt", "page": 3, "goal": "g1", "detail": None,
             "responsible": "Socialchef", "timeline": "2025", "follow_up": None, "status": None},
        ],
    }


def _breaks(change):
    gold = _valid_gold()
    change(gold)
    return gold


@pytest.mark.parametrize("gold, problem", [
    (_breaks(lambda g: g["items"][2].update(id="g1")), "duplicate ids"),
    (_breaks(lambda g: g["items"][1].update(goal="g9")), "not a goal"),
    (_breaks(lambda g: g["items"][2].update(goal="i1")), "not a goal"),
    (_breaks(lambda g: g["items"][1]["target"].update(direction="up")), "direction"),
    (_breaks(lambda g: g["items"][0].update(level="kommun")), "level"),
    (_breaks(lambda g: g["items"][0].update(status="done")), "status"),
    (_breaks(lambda g: g["items"][1].update(kolada_kpi="31848")), "kolada_kpi"),
    (_breaks(lambda g: g["items"][0].update(parent="g1")), "cycle"),
    (_breaks(lambda g: g["items"][0].update(page=4)), "beyond"),
    (_breaks(lambda g: g["items"][0].update(colour="red")), "colour"),
    (_breaks(lambda g: g.update(split="train")), "split"),
    (_breaks(lambda g: g["items"][1]["target"].update(target_op=">=")), "target_op without"),
])
def test_gold_validation_finds_errors(gold, problem):
    assert validate_gold(_valid_gold()) == []
    problems = validate_gold(gold)
    assert any(problem in p for p in problems), problems


@pytest.fixture(scope="module")
def malformed(tmp_path_factory):
    if not (CORPUS / "pdf" / "ostersund-bun-namndsplan-2025.pdf").is_file():
        pytest.skip("corpus PDFs not generated")
    pytest.importorskip("pikepdf")
    import make_malformed

    out = tmp_path_factory.mktemp("malformed")
    make_malformed.generate(out, seed=3)
    return out


def test_make_malformed_writes_files_and_manifest(malformed):
    manifest = _load(malformed / "manifest.json")
    files = sorted(p.name for p in malformed.iterdir() if p.name != "manifest.json")
    assert len(files) >= 50
    assert sorted(e["file"] for e in manifest["files"]) == files
    kinds = {e["kind"] for e in manifest["files"]}
    assert {"truncated", "random", "mutated", "empty", "wrong_type", "encrypted", "broken_xref", "nested",
            "huge_page", "zero_pages"} <= kinds
    assert all(e["detail"] and e["expect"] in ("readable", "unreadable", "either") for e in manifest["files"])
    assert (malformed / "empty.pdf").stat().st_size == 0
    assert (malformed / "png-named-pdf.pdf").read_bytes().startswith(b"\x89PNG")


def test_make_malformed_is_deterministic_for_a_seed(malformed, tmp_path):
    import make_malformed

    make_malformed.generate(tmp_path, seed=3)

    def digest(folder):
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}

    assert digest(tmp_path) == digest(malformed)


def test_malformed_valid_controls_open(malformed):
    """Files marked readable really are readable PDFs (so the manifest can be trusted)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    manifest = _load(malformed / "manifest.json")
    for entry in manifest["files"]:
        if entry["expect"] == "readable":
            with pdfplumber.open(malformed / entry["file"]) as pdf:
                assert len(pdf.pages) >= 0
