"""Links between items: which goal each indicator, target and activity serves.

In the order of the annotation guide: the goal in the same table row; else
the goal whose wording the item carries out (fuzzy similarity with the goals
near it: "Minska sjukfrånvaron med 1 % enhet" serves "Minska sjukfrånvaron
med 1 % - enhet", not the last goal of the list); else the nearest goal above
it in the document's structure (the heading it sits under, the goal area it
follows); else none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable, Iterable, Optional

from rapidfuzz import fuzz

from .fuzzy import normalize
from .models import Extraction, Goal
from .rules import RulesModel, load_rules


class LinkRules(RulesModel):
    min_share: float
    stem_letters: int
    stop_words: list[str]


def link_rules() -> LinkRules:
    return load_rules("linking.yaml", LinkRules)

# kept for callers that pass a cutoff; the share of content words decides
WORDING_CUTOFF = 0.0
# Two goal texts are the same goal (a restatement) at this similarity or above.
SAME_GOAL_CUTOFF = 88.0


@dataclass
class Anchor:
    """Where an item sits, for linking it.

    ``row_goal``: the goal in the same table row; ``scope_goal``: the
    nearest goal above in the structure; ``region``: items and goals of one
    region (a goal area, or a stretch of the document without one) may serve
    each other by wording.
    """

    row_goal: Optional[int] = None
    scope_goal: Optional[int] = None
    region: Optional[Hashable] = None


def content_words(text: str) -> list[str]:
    """Words of ``text`` that carry its content (four letters or more, not common plan words)."""
    stop = set(link_rules().stop_words)
    return [w for w in normalize(text).split() if len(w) >= 4 and w not in stop and not w.isdigit()]


def _same_word(a: str, b: str, stem: int) -> bool:
    if a[:stem] == b[:stem] and len(a) >= stem and len(b) >= stem:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 6 and short[: max(6, len(short) - 2)] in long_  # compound: kontinuitet / personalkontinuiteten


def wording_overlap(item: str, goal: str) -> float:
    """Share of the item's content words that recur in the goal (0-1)."""
    words = content_words(item)
    if not words:
        return 0.0
    goal_words = content_words(goal)
    stem = link_rules().stem_letters
    shared = sum(1 for w in words if any(_same_word(w, g, stem) for g in goal_words))
    return shared / len(words)


def wording_similarity(item: str, goal: str) -> float:
    """How far ``item`` repeats the words of ``goal`` (0-100): shared content
    words first, token-set similarity to break ties; 0 below the share the
    rules ask for."""
    # the item's words the goal repeats, or the goal's words the item repeats (a long
    # indicator "Andelen elever i årskurs 9 som uppger en god psykisk hälsa ..." carries
    # the few words of its goal "Fler barn och unga ska uppleva en god psykisk hälsa")
    share = max(wording_overlap(item, goal), wording_overlap(goal, item))
    if share < link_rules().min_share:
        return 0.0
    return 50.0 * share + 0.5 * fuzz.token_set_ratio(item, goal, processor=normalize)


def goal_by_wording(text: str, goals: Iterable[Goal], cutoff: float = WORDING_CUTOFF) -> Optional[Goal]:
    """The goal whose wording ``text`` carries out best (None when no goal shares its words)."""
    best: Optional[tuple[float, Goal]] = None
    for goal in goals:
        score = wording_similarity(text, goal.text)
        if score > 0 and (best is None or score > best[0]):
            best = (score, goal)
    return best[1] if best else None


def goal_named_in(text: str, goals: Iterable[Goal], min_share: float = 0.3) -> Optional[Goal]:
    """The goal whose content words a sentence repeats most ("bidrar till målet
    om fossilfria verksamheter" -> "Kommunkoncernens verksamheter ska vara fossilfria")."""
    stem = link_rules().stem_letters
    words = content_words(text)
    best: Optional[tuple[float, Goal]] = None
    for goal in goals:
        goal_words = content_words(goal.text)
        if not goal_words:
            continue
        share = sum(1 for g in goal_words if any(_same_word(g, w, stem) for w in words)) / len(goal_words)
        if share >= min_share and (best is None or share > best[0]):
            best = (share, goal)
    return best[1] if best else None


def restates(goal_text: str, text: str) -> bool:
    """``text`` opens with the goal's words, perhaps with more after them
    ("Fler invånare ska ha goda levnadsvanor Årsredovisning")."""
    goal, query = normalize(goal_text), normalize(text)
    return bool(goal) and fuzz.ratio(goal, query[:len(goal)]) >= SAME_GOAL_CUTOFF


def same_goal(text: str, goals: Iterable[Goal], cutoff: float = SAME_GOAL_CUTOFF) -> Optional[Goal]:
    """An earlier goal that ``text`` restates (follow-ups repeat their goals)."""
    query = normalize(text)
    if not query:
        return None
    best: Optional[tuple[float, Goal]] = None
    for goal in goals:
        score = fuzz.ratio(query, normalize(goal.text))
        if score >= cutoff and (best is None or score > best[0]):
            best = (score, goal)
    return best[1] if best else None


def link_items(
    extraction: Extraction,
    anchors: dict[tuple[str, int], Anchor],
    goal_regions: dict[int, Hashable],
) -> None:
    """Set ``goal_key`` of every indicator and activity from its anchor.

    ``anchors`` maps ("indicator" | "activity", key) to the item's
    :class:`Anchor`; ``goal_regions`` maps a goal's key to its region.
    """
    goals_by_region: dict[Hashable, list[Goal]] = {}
    for goal in extraction.goals:
        region = goal_regions.get(goal.key)
        if region is not None:
            goals_by_region.setdefault(region, []).append(goal)
    for kind, items in (("indicator", extraction.indicators), ("activity", extraction.activities)):
        for item in items:
            anchor = anchors.get((kind, item.key))
            if anchor is None:
                continue
            # only goals stated before the item: an action table follows its Målbild list
            nearby = [g for g in goals_by_region.get(anchor.region, []) if g.key < item.key]
            item.goal_key = choose_goal(item.text, anchor, nearby)


def choose_goal(text: str, anchor: Anchor, nearby: list[Goal]) -> Optional[int]:
    """The goal key for one item: same row, else wording, else nearest above."""
    if anchor.row_goal is not None:
        return anchor.row_goal
    by_wording = goal_by_wording(text, nearby)
    if by_wording is not None:
        return by_wording.key
    return anchor.scope_goal


def set_parent(goals: list[Goal], child: Goal, parent_key: Optional[int]) -> bool:
    """Give ``child`` the parent ``parent_key`` unless that closes a cycle."""
    if parent_key is None or parent_key == child.key:
        return False
    parents = {g.key: g.parent_key for g in goals}
    node, seen = parent_key, set()
    while node is not None and node not in seen:
        if node == child.key:
            return False
        seen.add(node)
        node = parents.get(node)
    child.parent_key = parent_key
    return True
