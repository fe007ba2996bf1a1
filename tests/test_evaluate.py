"""Scoring a real database against gold files built by hand."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from planextract.cli import cli
from planextract.evaluate import EvalDatabaseError, GoldError, evaluate, format_report, similarity
from planextract.fuzzy import normalize
from planextract.models import (
    Activity,
    DocumentMeta,
    DocumentResult,
    Extraction,
    Goal,
    Indicator,
    ParsedDocument,
    Target,
)
from planextract.store import open_db, write_document

FILE = "sala-verksamhetsplan-2025.pdf"

GOLD_TARGET = {
    "text": "ska öka från 60 % (2022) till minst 70 % fram till och med 2023",
    "direction": "increase", "target_op": ">=", "target_value": 70, "unit": "%",
    "target_year": 2023, "baseline_value": 60, "baseline_year": 2022,
}


def gold_doc(split: str = "tune", file: str = FILE) -> dict:
    return {
        "file": file,
        "split": split,
        "document": {"kommun": "Sala", "pages": 6},
        "items": [
            {"id": "g1", "kind": "goal", "text": "Ett växande Sala", "page": 3, "level": "kf", "parent": None},
            {"id": "g2", "kind": "goal", "text": "Alla brukare ska erbjudas en meningsfull vardag",
             "page": 3, "level": "namnd", "parent": "g1"},
            {"id": "i1", "kind": "indicator",
             "text": "Andelen brukare som är nöjda med aktiviteterna", "page": 4, "goal": "g2",
             "target": GOLD_TARGET},
            {"id": "i2", "kind": "indicator", "text": "Arbetslösheten minskar", "page": 4, "goal": "g1"},
            {"id": "a1", "kind": "activity", "text": "Hitta lämplig lokal till en familjecentral",
             "page": 5, "goal": "g2"},
            {"id": "a2", "kind": "activity", "text": "Erbjuda olika arbetsmarknadspolitiska insatser",
             "page": 5, "goal": "g1"},
        ],
    }


def extraction(
    *,
    drop: tuple = (),
    extra: bool = False,
    a1_goal: int = 2,
    a1_text: str = "Hitta lämplig lokal till en familjecentral",
    target: Target | None = None,
) -> Extraction:
    """The extraction that matches gold_doc exactly, changed as asked."""
    target = target or Target(
        text=GOLD_TARGET["text"], direction="increase", target_op=">=", target_value=70.0,
        unit="%", target_year=2023, baseline_value=60.0, baseline_year=2022,
    )
    goals = [
        Goal(key=1, level="kf", text="Ett växande Sala", page=3, bbox=None, source="heading"),
        Goal(key=2, level="namnd", text="Alla brukare ska erbjudas en meningsfull vardag", page=3,
             bbox=None, source="table", parent_key=1),
    ]
    indicators = [
        Indicator(key=1, text="Andelen brukare som är nöjda med aktiviteterna", page=4, bbox=None,
                  source="table", goal_key=2, targets=[target]),
        Indicator(key=2, text="Arbetslösheten minskar", page=4, bbox=None, source="list", goal_key=1),
    ]
    activities = [
        Activity(key=1, text=a1_text, page=5, bbox=None, source="table", goal_key=a1_goal),
        Activity(key=2, text="Erbjuda olika arbetsmarknadspolitiska insatser", page=5, bbox=None,
                 source="table", goal_key=1),
    ]
    if extra:
        activities.append(Activity(key=3, text="Summa kostnader för verksamheten", page=6, bbox=None,
                                   source="table", goal_key=None))
    keep = lambda items, kind: [x for x in items if f"{kind}{x.key}" not in drop]  # noqa: E731
    goals = keep(goals, "g")
    for item in indicators + activities:  # a link to a dropped goal is dropped too
        if item.goal_key not in {g.key for g in goals}:
            item.goal_key = None
    return Extraction(goals=goals, indicators=keep(indicators, "i"), activities=keep(activities, "a"))


def build(tmp_path, extraction_: Extraction, golds: list[dict] | None = None, file: str = FILE):
    db_path = tmp_path / "plans.db"
    db = open_db(db_path)
    parsed = ParsedDocument(pages=6, meta=DocumentMeta(kommun="Sala"))
    write_document(db, DocumentResult(path=f"/data/{file}", sha256="ab" * 32, status="ok",
                                      parsed=parsed, extraction=extraction_))
    db.close()
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for gold in golds or [gold_doc()]:
        (gold_dir / (gold["file"][:-4] + ".json")).write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return db_path, gold_dir


def prf(report, kind):
    s = report.scores[kind]
    return (s.tp, s.fp, s.fn, round(s.precision, 4), round(s.recall, 4), round(s.f1, 4))


def test_perfect(tmp_path):
    report = evaluate(*build(tmp_path, extraction()))
    for kind, n in (("goal", 2), ("indicator", 2), ("activity", 2), ("target", 1)):
        assert prf(report, kind) == (n, 0, 0, 1.0, 1.0, 1.0)
    assert report.macro_f1 == 1.0
    assert (report.links.correct, report.links.total) == (4, 4)
    assert all((r.correct, r.total) == (1, 1) for r in report.fields.values())
    assert report.differences == []


def test_one_miss(tmp_path):
    report = evaluate(*build(tmp_path, extraction(drop=("a2",))))
    assert prf(report, "activity") == (1, 0, 1, 1.0, 0.5, 0.6667)
    assert prf(report, "goal") == (2, 0, 0, 1.0, 1.0, 1.0)
    assert round(report.macro_f1, 4) == round((1 + 1 + 2 / 3) / 3, 4)
    [miss] = report.differences
    assert (miss.file, miss.kind, miss.what, miss.page, miss.text) == (
        FILE, "activity", "miss", 5, "Erbjuda olika arbetsmarknadspolitiska insatser")


def test_one_extra(tmp_path):
    report = evaluate(*build(tmp_path, extraction(extra=True)))
    assert prf(report, "activity") == (2, 1, 0, 0.6667, 1.0, 0.8)
    [extra] = report.differences
    assert (extra.kind, extra.what, extra.page) == ("activity", "extra", 6)


def test_wrong_link(tmp_path):
    report = evaluate(*build(tmp_path, extraction(a1_goal=1)))
    assert prf(report, "activity") == (2, 0, 0, 1.0, 1.0, 1.0)
    assert (report.links.correct, report.links.total) == (3, 4)
    [link] = report.differences
    assert (link.kind, link.what, link.text) == ("activity", "link", "Hitta lämplig lokal till en familjecentral")


def test_link_not_counted_when_gold_goal_unmatched(tmp_path):
    report = evaluate(*build(tmp_path, extraction(drop=("g2",))))
    assert prf(report, "goal") == (1, 0, 1, 1.0, 0.5, 0.6667)
    # i1 and a1 link to g2, which was not found: only i2 and a2 are judged
    assert report.links.total == 2


def test_fuzzy_but_same_text(tmp_path):
    """Case, punctuation, a broken hyphenation and a typo still match."""
    text = "Hitta lämplig lokal till en familje- central."
    assert similarity(normalize(text), normalize("Hitta lämplig lokal till en familjecentral")) >= 80
    report = evaluate(*build(tmp_path, extraction(a1_text=text)))
    assert prf(report, "activity") == (2, 0, 0, 1.0, 1.0, 1.0)


def test_different_text_does_not_match(tmp_path):
    report = evaluate(*build(tmp_path, extraction(a1_text="Ta fram en plan för kompetensförsörjning")))
    assert prf(report, "activity") == (1, 1, 1, 0.5, 0.5, 0.5)


def test_target_fields(tmp_path):
    wrong = Target(text=GOLD_TARGET["text"], direction="reach", target_op=">=", target_value=70.0,
                   unit="%", target_year=None, baseline_value=60.0, baseline_year=2022)
    report = evaluate(*build(tmp_path, extraction(target=wrong)))
    assert prf(report, "target") == (1, 0, 0, 1.0, 1.0, 1.0)
    assert report.fields["direction"].correct == 0
    assert report.fields["target_year"].correct == 0
    assert report.fields["target_value"].correct == 1
    assert sorted(d.detail for d in report.differences) == [
        "direction: 'reach', gold 'increase'", "target_year: None, gold 2023"]


def test_target_missed_with_its_indicator(tmp_path):
    report = evaluate(*build(tmp_path, extraction(drop=("i1",))))
    assert prf(report, "target") == (0, 0, 1, 0.0, 0.0, 0.0)
    assert report.fields["direction"].total == 0


def test_document_missing_from_database(tmp_path):
    golds = [gold_doc(), gold_doc(file="other.pdf", split="heldout")]
    db_path, gold_dir = build(tmp_path, extraction(), golds)
    report = evaluate(db_path, gold_dir)
    assert report.missing_documents == ["other.pdf"]
    assert prf(report, "goal") == (2, 0, 2, 1.0, 0.5, 0.6667)
    assert evaluate(db_path, gold_dir, "tune").missing_documents == []
    assert prf(evaluate(db_path, gold_dir, "heldout"), "goal") == (0, 0, 2, 0.0, 0.0, 0.0)


def test_to_dict_is_json(tmp_path):
    data = json.loads(json.dumps(evaluate(*build(tmp_path, extraction(drop=("a2",)))).to_dict()))
    assert data["scores"]["activity"] == {"gold": 2, "extracted": 1, "matched": 1,
                                          "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    assert data["documents"][0]["file"] == FILE
    assert data["differences"][0]["what"] == "miss"


def test_format_report(tmp_path):
    report = evaluate(*build(tmp_path, extraction(extra=True)))
    text = format_report(report, verbose=True)
    assert "activity         2      3      2     0.667   1.000  0.800" in text
    assert "goal links: 4/4 = 1.000" in text
    assert f"  {FILE}  activity  extra p6   Summa kostnader för verksamheten" in text


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid JSON"),
        ("[]", "expected a JSON object with 'file' and 'items'"),
        ('{"file": "x.pdf"}', "missing key 'items'"),
        ('{"file": "x.pdf", "split": "dev", "items": []}', "key 'split' must be 'tune' or 'heldout', not 'dev'"),
        ('{"file": "x.pdf", "items": [{"id": "x", "kind": "goalx", "text": "t"}]}',
         "items[0]: 'kind' must be one of goal, indicator, activity"),
    ],
)
def test_bad_gold_file(tmp_path, content, message):
    db_path, gold_dir = build(tmp_path, extraction())
    bad = gold_dir / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError) as info:
        evaluate(db_path, gold_dir)
    assert str(info.value).startswith(f"{bad}: {message}")


def test_not_a_planextract_database(tmp_path):
    other = tmp_path / "other.db"
    import sqlite3

    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    _, gold_dir = build(tmp_path, extraction())
    with pytest.raises(EvalDatabaseError) as info:
        evaluate(other, gold_dir)
    assert str(info.value) == (
        f"{other}: not a planextract database (no table activities, documents, goals, "
        "indicators, targets): create it with planextract ingest"
    )


def test_cli_table_and_json(tmp_path):
    db_path, gold_dir = build(tmp_path, extraction(drop=("a2",)))
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "--db", str(db_path), "--gold", str(gold_dir), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "macro F1 (goal, indicator, activity): 0.889" in result.output
    assert "activity  miss  p5   Erbjuda olika arbetsmarknadspolitiska insatser" in result.output
    result = runner.invoke(cli, ["eval", "--db", str(db_path), "--gold", str(gold_dir), "--json", "--split", "tune"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["macro_f1"] == 0.8889


def test_cli_error_is_one_line(tmp_path):
    db_path, gold_dir = build(tmp_path, extraction())
    result = CliRunner().invoke(cli, ["eval", "--db", str(db_path), "--gold", str(gold_dir), "--split", "heldout"])
    assert result.exit_code == 1
    assert result.output == f"Error: {gold_dir}: no gold files (*.json) in split 'heldout'\n"
