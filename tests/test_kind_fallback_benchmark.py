"""The simulation that chooses the classifier's thresholds (benchmarks/kind_fallback.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
kind_fallback = pytest.importorskip("kind_fallback")
textcat_gain = pytest.importorskip("textcat_gain")


def _scores(label: str, score: float) -> dict:
    rest = (1.0 - score) / 3
    return {name: (score if name == label else rest) for name in ("goal", "indicator", "activity", "none")}


def _doc(rules, gold, scores):
    segments = [None] * len(rules)
    return textcat_gain.DocSegments("x.pdf", segments, list(rules), [False] * len(rules), list(gold), list(scores))


DOC = _doc(
    rules=["goal", "indicator", "none", "none", "activity", "activity"],
    gold=["goal", "indicator", "indicator", "none", "activity", "activity"],
    scores=[_scores("goal", 0.9), _scores("indicator", 0.8), _scores("indicator", 0.6),
            _scores("indicator", 0.7), _scores("indicator", 0.9), _scores("activity", 0.9)],
)


def test_the_model_fills_only_segments_the_rules_left_to_no_kind():
    assert kind_fallback.fallback_labels(DOC, "indicator", 0.65, drop_rules=False) == [
        "goal", "indicator", "none", "indicator", "activity", "activity"]


def test_a_simulated_loss_drops_the_rules_items_of_the_kind_first():
    assert kind_fallback.fallback_labels(DOC, "indicator", 0.55, drop_rules=True) == [
        "goal", "indicator", "indicator", "indicator", "activity", "activity"]
    score = kind_fallback.simulated([DOC], "indicator", 0.55)
    assert (score["tp"], score["predicted"], score["gold"]) == (2, 3, 2)


def test_it_fires_only_where_a_kind_is_missing_among_enough_items():
    assert not kind_fallback.fires(DOC, "indicator")
    lost = _doc(["goal", "none", "activity", "activity"], ["goal", "indicator", "activity", "none"],
                [_scores("goal", 0.9)] * 4)
    assert kind_fallback.fires(lost, "indicator")
    assert not kind_fallback.fires(_doc(["goal", "none"], ["goal", "none"], [{}] * 2), "indicator")
