"""Items of a kind the rules found none of, from the segment classifier.

On documents the rules were not written for, the commonest loss is a whole
kind: a layout of indicators (or activities, or goals) that no rule knows,
so the document yields none of that kind while the others come out right.
Where that happens, and only then, the segments of the document (see
:func:`planextract.textcat.document_segments`) that the classifier labels
with the missing kind, at a score of at least that kind's threshold, become
items.  Their ``source`` is ``model``, so a reader can tell them apart.

The thresholds live beside the model (``models/textcat/fallback.json``),
chosen on tune documents only by ``benchmarks/kind_fallback.py``; without
a model or that file nothing is filled in.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Hashable, Optional

from . import classify as C
from .fuzzy import normalize
from .models import Extraction, ParsedDocument

KINDS = ("goal", "indicator", "activity")
FALLBACK_FILE = "fallback.json"
# a document must show it is a plan: so many items of the other kinds
MIN_OTHER_ITEMS = 3
CLAIMED_SIMILARITY = 80.0  # a segment this like an item the rules made is theirs


@dataclass(frozen=True)
class Place:
    """What was in scope where a segment sits: the goal above and the linking region."""

    goal_key: Optional[int]
    region: Hashable


@functools.lru_cache(maxsize=4)
def _thresholds(path: str) -> Optional[dict[str, float]]:
    file = Path(path)
    if not file.is_file():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    thresholds = data.get("thresholds") or {}
    return {k: float(v) for k, v in thresholds.items() if k in KINDS}


def thresholds(folder: Optional[Path] = None) -> Optional[dict[str, float]]:
    """The score each kind must reach (``models/textcat/fallback.json``), or None."""
    from . import textcat  # spaCy only where a kind is missing

    return _thresholds(str(textcat.model_path(folder).parent / FALLBACK_FILE))


def missing_kinds(out: Extraction) -> list[str]:
    """Kinds of which the rules found none in a document that has items of the others."""
    counts = {"goal": len(out.goals), "indicator": len(out.indicators), "activity": len(out.activities)}
    return [kind for kind, n in counts.items() if n == 0 and sum(counts.values()) >= MIN_OTHER_ITEMS]


def _claimed(out: Extraction) -> list[str]:
    return [normalize(i.text) for i in (*out.goals, *out.indicators, *out.activities)]


def learned_segments(parsed: ParsedDocument, out: Extraction, kinds: list[str], limits: dict[str, float], nlp):
    """(kind, segment) of each segment the model labels with one of ``kinds``
    at its threshold, that no item of the rules already holds; a paragraph
    taken whole keeps its sentences out, and a text repeated is taken once."""
    from . import textcat

    segments = textcat.document_segments(parsed, "")
    scores = textcat.predict([s.text for s in segments], nlp, contexts=[s.context for s in segments])
    claimed = _claimed(out)
    taken_blocks: set[int] = set()
    seen: set[str] = set()
    for segment, score in zip(segments, scores):
        kind, value = textcat.best_label(score)
        if kind not in kinds or value < limits.get(kind, 1.01):
            continue
        if segment.source == "sentence" and segment.ref[1] in taken_blocks:
            continue
        key = normalize(segment.text)
        if not key or key in seen or any(textcat.similarity(key, c) >= CLAIMED_SIMILARITY for c in claimed):
            continue
        seen.add(key)
        if segment.source == "paragraph":
            taken_blocks.add(segment.ref[1])
        yield kind, segment


def _bbox(parsed: ParsedDocument, ref: tuple):
    if ref[0] == "section":
        return next((s.bbox for s in parsed.sections if s.index == ref[1]), None)
    if ref[0] == "block":
        return parsed.blocks[ref[1]].bbox
    return parsed.tables[ref[1]].bbox


def _row_target(parsed: ParsedDocument, ref: tuple) -> tuple[Optional[str], Optional[int], str]:
    """(target text, year, header) from the target column of a cell's row."""
    if ref[0] != "cell":
        return None, None, ""
    table = parsed.tables[ref[1]]
    row = table.rows[ref[2]]
    for col, header in enumerate(table.header):
        column = C.column_role(header or "")
        if column.role == "target" and col != ref[3] and col < len(row) and C.clean_cell(row[col] or ""):
            return C.clean_cell(row[col]), column.year, header
    return None, None, ""


def _row_goal(parsed: ParsedDocument, ref: tuple, goals) -> Optional[int]:
    """The goal a cell's row states in another cell, if the rules found it; a
    row whose goal cell is blank continues the goal of the rows above it
    (a goal cell merged over its indicator rows)."""
    from .link import same_goal

    if ref[0] != "cell" or not goals:
        return None
    table = parsed.tables[ref[1]]
    for r in range(ref[2], -1, -1):
        row = table.rows[r]
        for col, cell in enumerate(row):
            if col == ref[3]:
                continue
            for piece in C.split_bullets(cell or ""):
                goal = same_goal(C.strip_goal_number(C.clean_text(piece)), goals)
                if goal is not None:
                    return goal.key
        if ref[3] < len(row) and r < ref[2] and not C.clean_cell(row[ref[3]] or ""):
            break  # a row without an item in this column: another block of the table
    return None


def _goal_above(goals, page: int, bbox) -> Optional[int]:
    """The goal stated nearest above a place on the page, or on the pages before."""
    where = _position(page, bbox)
    above = [g for g in goals if _position(g.page, g.bbox) <= where]
    return max(above, key=lambda g: (_position(g.page, g.bbox), g.key)).key if above else None  # ties: the last stated


def fill_missing_kinds(reader, places: dict[tuple, Place], nlp=None, limits=None) -> int:
    """Add the learned items of each missing kind to ``reader.out``; how many.

    ``reader`` is the extractor's reader (its ``add_*`` methods, anchors and
    goal regions); ``places`` maps ``("section", i)``, ``("block", n)`` and
    ``("table", t)`` to what was in scope there when the rules read it.
    """
    from . import textcat
    from .link import Anchor

    out, parsed = reader.out, reader.parsed
    kinds = missing_kinds(out)
    if not kinds:
        return 0
    limits = limits if limits is not None else thresholds()
    nlp = nlp if nlp is not None else textcat.load_model()
    if not limits or nlp is None:
        return 0
    added = 0
    for kind, segment in list(learned_segments(parsed, out, kinds, limits, nlp)):
        ref = segment.ref
        place = places.get(ref[:2]) or Place(None, ("epoch", 0))
        bbox = _bbox(parsed, ref)
        scope = place.goal_key if place.goal_key is not None else _goal_above(out.goals, segment.page, bbox)
        anchor = Anchor(_row_goal(parsed, ref, out.goals) if kind != "goal" else None, scope, place.region)
        if kind == "goal":
            goal = reader.add_goal(segment.text, reader.level(segment.context), segment.page, bbox, "model",
                                   parent=place.goal_key)
            reader.goal_regions[goal.key] = place.region
        elif kind == "indicator":
            target_text, year, header = _row_target(parsed, ref)
            reader.add_indicator(segment.text, segment.page, bbox, "model", anchor,
                                 target_text=target_text, target_year=year, target_header=header)
        else:
            reader.add_activity(segment.text, segment.page, bbox, "model", anchor)
        added += 1
    if "goal" in kinds:
        _anchor_to_learned_goals(reader)
    return added


def _position(page: int, bbox) -> tuple[int, float]:
    return page, (bbox[1] if bbox else 0.0)


def _anchor_to_learned_goals(reader) -> None:
    """Items the rules found under no goal serve the learned goal nearest above them."""
    goals = sorted(((_position(g.page, g.bbox), g) for g in reader.out.goals if g.source == "model"), key=lambda x: x[0])
    for kind, items in (("indicator", reader.out.indicators), ("activity", reader.out.activities)):
        for item in items:
            anchor = reader.anchors.get((kind, item.key))
            if anchor is None or anchor.row_goal is not None or anchor.scope_goal is not None:
                continue
            where = _position(item.page, item.bbox)
            above = [g for at, g in goals if at <= where]
            if above:
                anchor.scope_goal = above[-1].key
