"""Items the rules missed, from the segment classifier.

On documents the rules were not written for, the commonest loss is a layout
no rule knows: a whole kind (the document yields no indicators while its
goals and activities come out right), or one group of items: a list or a
table column (the indicators of one goal under a heading no rule knows), or
a set of headings (projects set as headings over their descriptions).  The
classifier (:mod:`planextract.textcat`) fills in both, and nothing else:

- where the rules found none of a kind in a plan, the segments of the
  document (see :func:`planextract.textcat.document_segments`) that the
  model labels with that kind, at a score of at least that kind's
  threshold, become items;
- where a group of segments (a run of list items, a table column, sibling
  headings; see :func:`segment_groups`) holds nothing the rules read, and
  the model gives its members one kind (:func:`group_kind`), the members of
  that kind become items.

Such items have ``source`` = ``model``, so a reader can tell them apart.
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

from rapidfuzz import fuzz, process

from . import classify as C
from .fuzzy import normalize
from .models import Extraction, ParsedDocument

KINDS = ("goal", "indicator", "activity")
FALLBACK_FILE = "fallback.json"
# a document must show it is a plan: so many items of the other kinds
MIN_OTHER_ITEMS = 3
CLAIMED_SIMILARITY = 80.0  # a segment this like an item the rules made is theirs
MIN_HELD_CHARS = 20  # a text the rules read, this long, inside a segment makes it theirs too
# words a learned item needs: on tune documents, out of fold, the model's
# labels of one- and two-word segments ("Götene kommun", "Alla verksamheter")
# were right 19 times and wrong 39
MIN_LEARNED_WORDS = 3


@dataclass(frozen=True)
class Place:
    """What was in scope where a segment sits: the goal above and the linking region."""

    goal_key: Optional[int]
    region: Hashable


@functools.lru_cache(maxsize=4)
def _settings(path: str) -> Optional[dict]:
    file = Path(path)
    if not file.is_file():
        return None
    return json.loads(file.read_text(encoding="utf-8"))


def _settings_file(folder: Optional[Path]) -> str:
    from . import textcat  # spaCy only where the classifier is asked

    return str(textcat.model_path(folder).parent / FALLBACK_FILE)


def thresholds(folder: Optional[Path] = None) -> Optional[dict[str, float]]:
    """The score each kind must reach (``models/textcat/fallback.json``), or None."""
    data = _settings(_settings_file(folder))
    if data is None:
        return None
    return {k: float(v) for k, v in (data.get("thresholds") or {}).items() if k in KINDS}


def group_settings(folder: Optional[Path] = None) -> Optional[dict]:
    """``min_size``, ``threshold`` and ``share`` of a group the rules left
    unread (``groups`` in ``models/textcat/fallback.json``), or None: no
    group is filled in."""
    data = _settings(_settings_file(folder)) or {}
    groups = data.get("groups")
    if not groups:
        return None
    return {"min_size": int(groups["min_size"]), "threshold": float(groups["threshold"]), "share": float(groups["share"])}


def missing_kinds(out: Extraction) -> list[str]:
    """Kinds of which the rules found none in a document that has items of the others."""
    counts = {"goal": len(out.goals), "indicator": len(out.indicators), "activity": len(out.activities)}
    return [kind for kind, n in counts.items() if n == 0 and is_plan(out)]


class _ReadTexts:
    """What the rules read, normalised: the items' texts and the fields they
    took from the page (an action's detail, an indicator's measure, targets,
    status comments), so that a column of details is not read again as items.

    :meth:`holds` is asked for every segment of a group, so it must not
    compare each with each: the fuzzy match runs in rapidfuzz's own loop,
    and a text held in a segment is looked up by its first characters.
    """

    def __init__(self, out: Extraction) -> None:
        texts = [i.text for i in (*out.goals, *out.indicators, *out.activities)]
        texts += [a.detail for a in out.activities] + [a.follow_up for a in out.activities]
        texts += [i.measure for i in out.indicators] + [t.text for i in out.indicators for t in i.targets]
        texts += [g.status_text for g in out.goals] + [g.target.text for g in out.goals if g.target]
        texts += out.restated
        self.texts = sorted({key for key in (normalize(t) for t in texts if t) if key})
        self.joined = "\x00".join(self.texts)
        self.by_start: dict[str, list[str]] = {}
        for text in self.texts:
            if len(text) >= MIN_HELD_CHARS:
                self.by_start.setdefault(text[:MIN_HELD_CHARS], []).append(text)

    def holds(self, key: str) -> bool:
        """``key`` is (nearly) a text the rules read, or holds one whole, or is held in one."""
        if not key or not self.texts:
            return False
        for scorer in (fuzz.ratio, fuzz.token_sort_ratio):  # as textcat.similarity scores
            if process.extractOne(key, self.texts, scorer=scorer, score_cutoff=CLAIMED_SIMILARITY):
                return True
        if len(key) >= MIN_HELD_CHARS and key in self.joined:
            return True
        return any(text in key
                   for i in range(len(key) - MIN_HELD_CHARS + 1)
                   for text in self.by_start.get(key[i:i + MIN_HELD_CHARS], ()))


def segment_groups(parsed: ParsedDocument, segments) -> list[list[int]]:
    """Indices of the segments that stand together as one group: the pieces
    of one table column, the items of one run of list items at one depth (a
    run ends at a paragraph or a new section), or the headings of one level
    under one parent heading.  Items of one layout come in such groups, which
    the rules read or miss as a whole."""
    run, runs = 0, {}
    previous = None
    for n, block in enumerate(parsed.blocks):
        if block.kind != "list_item" or block.section_index != previous:
            run += 1
        previous = block.section_index if block.kind == "list_item" else None
        runs[n] = run
    sections = {section.index: section for section in parsed.sections}
    groups: dict[tuple, list[int]] = {}
    for i, segment in enumerate(segments):
        ref = segment.ref
        if segment.source == "cell":
            groups.setdefault(("cell", ref[1], ref[3]), []).append(i)
        elif segment.source == "list_item":
            groups.setdefault(("list", runs[ref[1]], parsed.blocks[ref[1]].depth), []).append(i)
        elif segment.source == "heading":
            section = sections[ref[1]]
            groups.setdefault(("headings", section.parent_index, section.level), []).append(i)
    return list(groups.values())


def group_kind(scores: list[dict], threshold: float, share: float) -> Optional[str]:
    """The kind a group's members hold as one: the item kind of the highest
    mean score, if that mean reaches ``threshold`` and at least ``share`` of
    the members have it as their most likely label; else None."""
    if not scores:
        return None
    means = {kind: sum(s.get(kind, 0.0) for s in scores) / len(scores) for kind in KINDS}
    kind = max(means, key=means.get)
    if means[kind] < threshold:
        return None
    agreeing = sum(max(s, key=s.get) == kind for s in scores)
    return kind if agreeing >= share * len(scores) else None


def learned_segments(parsed: ParsedDocument, out: Extraction, kinds: list[str], limits: dict[str, float], nlp,
                     groups: Optional[dict] = None):
    """(kind, segment) of each segment that no item of the rules already holds and that

    - the model labels with one of ``kinds`` (the kinds the rules found none
      of) at that kind's threshold in ``limits``, or
    - belongs to a group (:func:`segment_groups`) of at least ``groups["min_size"]``
      segments none of which the rules read, whose members hold one kind
      (:func:`group_kind` at ``groups["threshold"]`` and ``groups["share"]``),
      and is labelled with that kind itself.

    A paragraph taken whole keeps its sentences out, and a text repeated is
    taken once.
    """
    from . import textcat

    segments = textcat.document_segments(parsed, "")
    read = _ReadTexts(out)
    keys = [normalize(segment.text) for segment in segments]

    @functools.lru_cache(maxsize=None)
    def held(i: int) -> bool:  # the rules read this segment
        return read.holds(keys[i])

    unread = [members for members in (segment_groups(parsed, segments) if groups else [])
              if len(members) >= groups["min_size"] and not any(held(i) for i in members)]
    # the model reads every segment where a kind is missing, else only the unread groups
    asked = range(len(segments)) if kinds else sorted({i for members in unread for i in members})
    scores = dict(zip(asked, textcat.predict([segments[i].text for i in asked], nlp,
                                             contexts=[segments[i].context for i in asked])))
    chosen: dict[int, str] = {}
    for i, score in scores.items():
        kind, value = textcat.best_label(score)
        if kind in kinds and value >= limits.get(kind, 1.01):
            chosen[i] = kind
    for members in unread:
        kind = group_kind([scores[i] for i in members], groups["threshold"], groups["share"])
        for i in members if kind else ():
            if textcat.best_label(scores[i])[0] == kind:
                chosen.setdefault(i, kind)
    taken_blocks: set[int] = set()
    seen: set[str] = set()
    for i in sorted(chosen):
        segment, kind, key = segments[i], chosen[i], keys[i]
        if segment.source == "sentence" and segment.ref[1] in taken_blocks:
            continue
        if not key or key in seen or held(i) or len(segment.text.split()) < MIN_LEARNED_WORDS:
            continue
        if segment.source in ("paragraph", "sentence") and segment.text[:1].islower():
            continue  # "genom samarbete mellan invånare, …": a piece of a sentence set apart, no item
        if segment.source == "cell" and _in_field_column(parsed, segment.ref):
            continue  # "Lundavägen – Dalbyvägen" under "Plats": where an action is done, no item
        seen.add(key)
        if segment.source == "paragraph":
            taken_blocks.add(segment.ref[1])
        yield kind, segment


def _in_field_column(parsed: ParsedDocument, ref: tuple) -> bool:
    header = parsed.tables[ref[1]].header
    return ref[3] < len(header) and C.is_field_column(header[ref[3]] or "")


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


def is_plan(out: Extraction) -> bool:
    """The rules found enough items to show the document is a plan (a
    financial follow-up yields none, and gets none from the classifier)."""
    return len(out.goals) + len(out.indicators) + len(out.activities) >= MIN_OTHER_ITEMS


def fill_from_classifier(reader, places: dict[tuple, Place], nlp=None, limits=None, groups=None) -> int:
    """Add the learned items of each missing kind, and of each group the
    rules left unread, to ``reader.out``; how many.

    ``reader`` is the extractor's reader (its ``add_*`` methods, anchors and
    goal regions); ``places`` maps ``("section", i)``, ``("block", n)`` and
    ``("table", t)`` to what was in scope there when the rules read it.
    """
    from . import textcat
    from .link import Anchor

    out, parsed = reader.out, reader.parsed
    if not is_plan(out):
        return 0
    kinds = missing_kinds(out)
    limits = limits if limits is not None else thresholds()
    groups = groups if groups is not None else group_settings()
    if not kinds and not groups:
        return 0
    nlp = nlp if nlp is not None else textcat.load_model()
    if not limits or nlp is None:
        return 0
    added = 0
    for kind, segment in list(learned_segments(parsed, out, kinds, limits, nlp, groups)):
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
