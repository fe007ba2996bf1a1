"""Goals and actions the document reader finds beyond headings, lists and
tables: goals stated after a label ("Mål – ..."), areas of an action plan
with their dated statements, goals one a paragraph, "Målet är att ..."
sentences and the action sentences of a follow-up (rules in prose.yaml).

:class:`ProseItems` is part of the reader of :mod:`planextract.extract`: it
uses the reader's goals, scopes and keys.
"""

from __future__ import annotations

import re
from typing import Optional

from . import classify as C
from . import prose
from . import targets
from .column_targets import dated_target, stated_level
from .item_tails import INDICATOR_CODE, field_line
from .link import Anchor, goal_by_wording, same_goal
from .models import Goal, Target


MAX_LABELLED_WORDS = 30  # a goal stated after its label in a paragraph is short
MAX_SHORT_WORDS = 30  # a goal or action stated alone in a paragraph is short
# a goal's main clause: a short subject, then "ska" ("Vi ska ...", "Alla elever ska ...")
_SUBJECT_SKA = re.compile(r"^(?:[\w-]+\s+){1,5}ska(?:ll)?\s", re.I)
# openings of explanations, not of a goal's subject ("Arbetet ska ske ...", "Det ska ...", "För att ...",
# "I arbetet ska ..."; but "I Burlövs kommun ska det vara tryggt ..." places a goal in the kommun)
_NOT_SUBJECT = re.compile(
    r"^(?:det|detta|dessa|den|de|här|där|för|genom|i(?!\s+(?-i:[A-ZÅÄÖ]))|inom|under|arbetet|insatserna|planen)\b", re.I)
_YEAR = re.compile(r"\b20\d\d\b")
_GOAL_CODE = re.compile(r"^([A-ZÅÄÖ]|\d{1,2}(?:\.\d{1,2})?)[.:)]\s")


def _parse_target(text: str, *, known_target: bool = False, year: Optional[int] = None) -> Optional[Target]:
    return targets.parse_target(text, known_target=known_target, year=year) if text and text.strip() else None


# "<name> Utfall 2024: 86 %. Utfall 2025: 83 %. Målvärde 2026: minst 85 %.": a name, then its fields
_FIELDS_AFTER_NAME = re.compile(
    r"^(?P<name>[^:]+?)\s+(?P<fields>(?:utfall|målvärde|målnivå|utgångsläge|nuläge|startvärde)\b[^:]*:.*)$", re.I)
_NEXT_LABEL = re.compile(r"(?<=\.)\s+(?=(?:indikator|mått|nyckeltal)\s*:)", re.I)
_CODE_REFERENCE = re.compile(r"^[A-ZÅÄÖ]{1,4}\s?\d{1,2}(?:\.\d{1,2})?(?:\s*[–—-]\s*[A-ZÅÄÖ]{0,4}\s?\d{1,2}|\s*,)")


MAX_LABEL_WORDS = 8  # "Så vet vi att vi är på rätt väg"


# "… (inriktningsmål 2)" closing a labelled goal: the goal it serves
# "(inriktningsmål 3)", "(mål 1.1)", "(bidrar till övergripande mål B)" closing an item
PARENT_REFERENCE = re.compile(r"\s*\((?:bidrar\s+till\s+(?:[\wåäö]+\s+)?)?(?P<label>[\w-]*mål)\s+"
                              r"(?P<number>\d{1,2}(?:\.\d{1,2})?|[A-H])\)\s*\.?\s*$", re.I)


# "(mål 2025: minst 160 000)", "(målvärde högst 5,3)" closing a sentence that reports an outcome
_REPORTED_TARGET = re.compile(r"\((?:mål|målvärde|målnivå)(?:\s+(?P<year>(?:19|20)\d\d))?\s*:?\s+"
                              r"(?P<target>[^()]{1,40})\)\s*\.?\s*$", re.I)


def label_kind(text: str) -> Optional[str]:
    """The kind a short paragraph names as a label over what follows
    ("Så här mäter vi", "MÅLOMRÅDE 1"), else None."""
    text = C.clean_text(text, numbering=False)
    words = len(text.split()) if text else 0
    if not text or words > MAX_LABEL_WORDS or text.endswith((".", "?")) or (text.endswith(":") and words > 5):
        return None
    return C.heading_kind(re.sub(r"\s+\d{1,2}\s*$", "", text))



def _label_split(text: str) -> Optional[tuple[str, str]]:
    """(label, rest) of a paragraph whose opening words run up to its first
    capitalised word ("Nyckeltal Statistik frisknärvaro ...")."""
    words = text.split()
    for n in range(1, min(10, len(words))):
        if words[n][:1].isupper():
            return " ".join(words[:n]), " ".join(words[n:])
    return None


def inline_labels(blocks) -> set[str]:
    """Labels that open two paragraphs or more of a document: the field names
    of a form printed without borders ("Verksamhetsmål ... <goal>", "Nyckeltal
    <measure>"); each names what the rest of its paragraph is."""
    seen: dict[str, int] = {}
    for block in blocks:
        if block.kind == "paragraph":
            split = _label_split(C.clean_text(block.text, numbering=False))
            if split:
                seen[split[0]] = seen.get(split[0], 0) + 1
    return {label for label, n in seen.items() if n >= 2 and C.heading_kind(label) in ("goal", "indicator", "activity")}


_MEASURE_CODE = re.compile(rf"^{INDICATOR_CODE}")  # "(1.1a)" after a measure's name
_SUBGOAL_LEAD = re.compile(r"\b(?:delmål|till målet hör)\b", re.I)
LEVEL_LEAD_WORDS = 6  # the words before a goal clause that may name its level


def _stated_goal_target(text: str) -> Optional[Target]:
    """A goal's own level to reach ("… ska halveras till 2026"); a bare direction is none."""
    target = stated_level(text) or _parse_target(text, known_target=True)
    if target is not None and target.target_year is None and target.target_value is None:
        return None  # "en mer sammanhållen verksamhet": a direction, no level to reach
    return target


class ProseItems:
    """Reader methods for goals and actions in running text (a mixin of the reader)."""

    def opens_with_form_label(self, text: str) -> bool:
        """A paragraph opening with a field name its form repeats ("Verksamhetsmål med
        inriktning på … Kommunen ska …")."""
        if self.form_labels is None:
            self.form_labels = inline_labels(self.parsed.blocks)
        split = _label_split(text) if self.form_labels else None
        return split is not None and split[0] in self.form_labels

    def _inline_label(self, block, text: str, state, rank: float) -> bool:
        """A paragraph opening with a form's field name: its rest is an item of that kind."""
        if self.form_labels is None:
            self.form_labels = inline_labels(self.parsed.blocks)
        split = _label_split(text) if self.form_labels else None
        if split is None or split[0] not in self.form_labels or len(split[1].split()) < 3:
            return False
        label, rest = split
        if _CODE_REFERENCE.match(rest):
            return False  # "Etappmålen T1–T3 bidrar till …": goals named by code, no new one
        kind = C.heading_kind(label)
        current = self.goal_by_key(self.last_goal)
        if kind == "goal" and C.names_a_goal(label) and current is not None:
            # "Bidrar till kommunfullmäktiges mål: <goal>": the goal above serves it; what
            # follows still serves the goal above, so the scope stays
            self.add_served_goal(current, rest, self.level(label, *state.texts), block.page, block.bbox, "prose")
            return True
        if kind == "goal":
            target = self.own_target(rest)
            goal = self.add_goal(rest, self.level(label, *state.texts), block.page, block.bbox, "prose",
                                 parent=self.scope_goal, target=target)
            self._number_by_code(goal)
            if target is not None and (target.target_value is not None or target.target_year is not None):
                self.stated_targets.add(goal.key)
            self._pop_scopes(rank + 0.25)
            self._push_scope(rank + 0.25, goal.key)
            self.last_goal = goal.key
        elif kind == "indicator":
            if self._measures_by_code(prose.measure_codes(rest)):
                return True  # "Följs upp med: indikator I1, I2 och I3 (se bilaga)"
            self.add_indicator(rest, block.page, block.bbox, "prose", Anchor(None, self.nearest_goal(), self.region))
        else:
            self.add_activity(rest, block.page, block.bbox, "prose", Anchor(None, self.nearest_goal(), self.region))
        return True

    def served_by_reference(self, text: str) -> tuple[str, Optional[int]]:
        """(text, parent) of a goal closing with the number of the goal it serves
        ("Fler elever ska … (inriktningsmål 2)"): the reference is no text; without
        one, the goal in scope is the parent."""
        reference = PARENT_REFERENCE.search(text)
        if reference is None:
            return text, self.scope_goal
        served = self.goal_by_number(reference.group("number"), C.level_in(reference.group("label")))
        return text[:reference.start()].rstrip(), served or self.scope_goal

    def _number_by_code(self, goal: Goal) -> None:
        """"A. Mängden ..." (after the label "Mål"): tables and lists name the goal "A"."""
        code = _GOAL_CODE.match(goal.text)
        if code:
            self.numbered.setdefault(code.group(1), goal.key)

    def _horizon_goal(self, block, text: str, state) -> bool:
        """"Långsiktigt mål till 2040" alone, then the goal's paragraph: the
        label is read with the paragraph under it, as "Långsiktigt mål: …"."""
        label = C.horizon_goal_label(text)
        if label is not None and state.own not in ("skip", "never") and state.kind not in ("skip", "never"):
            self.horizon_label = label
            return True
        pending, self.horizon_label = self.horizon_label, None
        if pending is None:
            return False
        section = self._section_for(block.section_index)
        rank = (section.level if section else 0) + 0.5
        return self._label_goal(block, f"{pending}: {text}", state, rank)

    def _label_goal(self, block, text: str, state, rank: float) -> bool:
        """A paragraph stating a goal after its label and number ("Nämndmål 2.1
        Fler invånare i arbete eller studier.", "Långsiktigt mål: ..."): the
        goal stands over what follows until the next goal of that label or a
        heading of its rank."""
        labelled = C.goal_label(text)
        if labelled is None:
            return False
        label, number, rest = labelled
        sentences = C.sentences(rest)
        goal_text = sentences[0] if len(sentences) > 1 and len(rest.split()) > MAX_LABELLED_WORDS else rest
        if len(goal_text.split()) > MAX_LABELLED_WORDS or C.is_question(goal_text):
            return False
        rank = self.label_ranks.setdefault(label, rank)  # the next "Nämndmål 1.2" replaces "Nämndmål 1.1"
        self._pop_scopes(rank)
        goal_text, parent = self.served_by_reference(goal_text)
        target = self.own_target(goal_text)
        level = C.level_in(label) or self.level(*state.texts)
        goal = self.add_goal(goal_text, level, block.page, block.bbox, "prose", parent=self._sole_parent(parent, level),
                             target=target)
        if target is not None and (target.target_value is not None or target.target_year is not None):
            self.stated_targets.add(goal.key)
        if number:
            self.numbered.setdefault(number, goal.key)
        self._push_scope(rank, goal.key)
        self.last_goal = goal.key
        return True

    def _sole_parent(self, parent: Optional[int], level: Optional[str]) -> Optional[int]:
        """The parent of a labelled goal below KF level that names none and
        stands under no goal: the one KF goal stated before it, if there is one
        ("Huvudmannens mål: …" after "… utgår från kommunfullmäktiges mål: …")."""
        if parent is not None or self.scopes or level == "kf":
            return parent
        sole = self.sole_stated_kf_goal()
        return sole.key if sole is not None else None

    def _label_measures(self, block, text: str) -> bool:
        """A paragraph of indicators after a label ("Resultatmått: Andelen ...
        ska öka till minst 75 procent 2026."): one indicator a sentence."""
        rest = C.measure_label(text)
        if rest is None:
            return False
        cards = [C.measure_label(part) or part for part in _NEXT_LABEL.split(text)]
        if len(cards) > 1:
            # one box run together: "Indikator: … Målvärde 2026: minst 72. Indikator: …"
            return all([self._label_measures(block, f"Indikator: {card}") for card in cards])
        anchor = Anchor(None, self.nearest_goal(), self.region)
        card = _FIELDS_AFTER_NAME.match(rest)
        fields = field_line(re.sub(r"(?<=\.)\s+(?=[A-ZÅÄÖ])", " | ", card.group("fields"))) if card else None
        if fields is not None:
            # "Indikator: Andel överklagade beslut som står sig Utfall 2024: 86 %. Målvärde 2026: minst 85 %."
            self.add_fielded_indicator(card.group("name").strip(), block.page, block.bbox, "prose", anchor, fields)
            return True
        for sentence in C.sentences(rest):
            self.add_indicator(sentence, block.page, block.bbox, "prose", anchor)
        return True

    def _labelled_goal(self, labelled, page, bbox, source, rank, state) -> Goal:
        """A goal stated after its label; a means ("Medel") serves the end labelled before it."""
        label, text = labelled
        means = C.is_means_label(label)
        if means and self.last_end is not None:
            while self.scopes and self.scopes[-1].goal_key != self.last_end:
                self.scopes.pop()
            rank = max(rank, (self.scopes[-1].rank + 0.25) if self.scopes else rank)
        self._pop_scopes(rank)
        text, parent = self.served_by_reference(text)
        level = self.level(*state.texts)
        goal = self.add_goal(text, level, page, bbox, source, parent=self._sole_parent(parent, level))
        self._number_by_code(goal)
        self._push_scope(rank, goal.key)
        if not means:
            self.last_end = goal.key
        self.last_goal = state.goal_key = goal.key
        state.kind = "goal_item"
        self.opening_target = goal
        return goal

    def _followed_up(self, heading: str) -> Optional[Goal]:
        """The goal a heading "Uppföljning av ..." follows up by its wording, if any."""
        m = re.search(r"\buppföljning av (.+)$", C.heading_base(heading), re.IGNORECASE)
        return goal_by_wording(m.group(1), self.out.goals) if m else None


    def _area_statements(self, block, text: str, area: int) -> None:
        """The goals an action area states under its title: one a sentence when
        each names its year, else the paragraph; their targets stand."""
        parts = C.sentences(text)
        if len(parts) < 2 or not all(_YEAR.search(p) for p in parts):
            parts = [text]
        for part in parts:
            dated = next((t for t in C.sentences(part) if _YEAR.search(t)), part)
            goal = self.add_goal(part, "kf", block.page, block.bbox, "prose", parent=area,
                                 target=_parse_target(dated, known_target=True) or dated_target(dated))
            self.goal_regions[goal.key] = ("statement", goal.key)  # the area's actions serve the area
            self.stated_targets.add(goal.key)

    def short_item(self, block, text: str, state) -> bool:
        """A short paragraph under a heading of goals, measures or actions that
        states one item by its grammar (a list whose bullets the layout lost):
        "Vi ska ...", "Ökad andel ...", "Andel elever som ...", "Utveckla ..."."""
        if state.own not in ("goal", "indicator", "activity") or state.kind != state.own:
            return False
        anchor = Anchor(None, self.nearest_goal(), self.region)
        sentences = C.sentences(text)
        actions = [s for s in sentences if prose.is_action_sentence(s) and not C.mentions_goals(s)
                   and not prose.is_meta(s)] if state.own == "activity" else []
        if len(sentences) > 1 and len(actions) * 2 > len(sentences):
            # "Bostad först har utökats med sex lägenheter. Ett team har startat ...": one action a
            # sentence; "Samverkan ... har fortsatt" reports no action of its own
            for sentence in actions:
                self.add_activity(sentence, block.page, block.bbox, "prose", anchor)
            return True
        if (len(text.split()) > MAX_SHORT_WORDS or len(sentences) > 1 or C.is_question(text)
                or C.is_lead_in(text) or prose.is_meta(text) or C.mentions_goals(text)):
            return False
        stated = C.is_goal_statement(text) and bool(_SUBJECT_SKA.match(text)) and not _NOT_SUBJECT.match(text)
        if state.own == "goal" and (stated or prose.is_nominal_goal(text)):
            goal = self.add_goal(text, self.level(*state.texts), block.page, block.bbox, "prose",
                                 parent=self.scope_goal, target=self.own_target(text))
            self.last_goal = goal.key
            return True
        if state.own == "indicator" and prose.names_a_measure(text):
            self.add_indicator(text, block.page, block.bbox, "prose", anchor)
            return True
        if state.own == "activity" and prose.opens_with_action(text):
            self.add_activity(text, block.page, block.bbox, "prose", anchor)
            return True
        return False

    def led_item(self, block, text: str, state) -> bool:
        """The one short paragraph right after a lead-in sentence announcing a
        goal ("Som övergripande finansiellt mål gäller:" / "Ekonomin sätter
        gränsen för verksamhetens omfattning."): the goal, printed without a bullet."""
        kind, lead_text = self.lead
        if kind != "goal" or not lead_text.rstrip().endswith(":") or state.kind in ("skip", "never"):
            return False
        if (len(text.split()) > MAX_SHORT_WORDS or len(C.sentences(text)) > 1 or C.is_question(text)
                or C.is_lead_in(text) or prose.is_meta(text) or C.mentions_goals(text)):
            return False
        goal = self.add_goal(text, self.level(lead_text, *state.texts), block.page, block.bbox, "list",
                             parent=self.scope_goal, target=self.own_target(text))
        self.last_goal = goal.key
        self.lead = None  # one paragraph: longer runs of text after a lead-in are explanations
        return True

    @staticmethod
    def label_kind(text: str) -> Optional[str]:
        return label_kind(text)

    def _area_rank(self, block, text: str, max_words: int = 8) -> Optional[float]:
        """The scope rank of an action area titled by a numbered list item, else None."""
        number = (block.marker or "").strip().rstrip(".)")
        if number not in self.area_numbers or len(text.split()) > max_words:
            return None
        if block.section_index is not None and self.area_starts[number] <= block.section_index:
            return None  # sections "3.1", "3.2" came before: item "3." titles none of them
        return self.area_numbers[number] - 0.5


    def _clause_goal(self, clause: prose.GoalClause, sentence: str, block, parent: Optional[int], state,
                     in_followup: bool):
        """The goal a sentence states as a clause, under the goal its own
        earlier clause names ("Under fullmäktiges inriktningsmål att X har
        nämnden beslutat att Y (mål 1)."), known by its number or code."""
        if clause.parent:
            parent = self.add_goal(clause.parent, C.goal_level([clause.lead]) or self.level(*state.texts),
                                   block.page, block.bbox, "prose", parent=parent).key
        # the words right before the clause say whose goal it is ("har nämnden beslutat att")
        named_level = C.goal_level([" ".join(clause.lead.split()[-LEVEL_LEAD_WORDS:])]) if clause.lead else None
        level = named_level or ("verksamhet" if in_followup else self.level(*state.texts))
        goal = self.add_goal(clause.text, level, block.page, block.bbox, "prose", parent=parent,
                             target=_stated_goal_target(clause.text))
        if clause.code:
            self.numbered.setdefault(clause.code, goal.key)
        if clause.status and goal.status is None:
            goal.status, goal.status_text = clause.status, sentence
        return goal

    def _named_measures(self, measures: list, sentences: list[str], number: int, consumed: set[int], block) -> None:
        """Indicators for the measures a sentence names (:func:`planextract.prose.named_measures`),
        each with the target its figures state or, for one without, the next
        sentence of the paragraph that states one ("Andelen ska 2026 uppgå till minst 47 procent.")."""
        later = None
        if sum(not prose.states_target(m.figures) for m in measures) == 1:
            later = next((k for k in range(number + 1, len(sentences))
                          if k not in consumed and not prose.named_measures(sentences[k])
                          and prose.states_target(sentences[k])), None)
        for measure in measures:
            target = measure.figures if prose.states_target(measure.figures) else None
            if target is None and later is not None:
                target = sentences[later].rstrip(".")
                consumed.add(later)
            served = self.goal_by_number(measure.goal) if measure.goal else None
            if served is None and measure.goal:
                served = self.goal_by_number(measure.goal.upper())
            code = _MEASURE_CODE.match(measure.figures)  # "… (1.1a)": an appendix row "1.1a | …" gives its figures
            self.add_indicator(f"{measure.name} {code.group(0)}" if code else measure.name, block.page, block.bbox,
                               "prose", Anchor(served, self.nearest_goal(), self.region), target_text=target)

    def _measures_by_code(self, codes: list[str]) -> bool:
        """The goal in scope is followed up by the indicators of these codes, listed
        in an appendix whose rows then serve it; False when there are none to note."""
        goal = self.nearest_goal()
        if not codes or goal is None:
            return False
        for code in codes:
            self.indicator_code_goals.setdefault(code, goal)
        return True

    def _decided_goal(self, block, text: str, state) -> bool:
        """A goal quoted from a body's decision in a paragraph that holds no items otherwise."""
        for sentence in C.sentences(text):
            decided = prose.decided_goal(sentence)
            if decided is not None:
                goal = self.add_goal(decided, self.level(sentence, *state.texts), block.page, block.bbox, "prose",
                                     parent=self.scope_goal, target=self.own_target(decided))
                self.last_goal = goal.key
        return False  # the rest of the paragraph is background

    def _prose(self, block, text: str, state) -> bool:
        """Goals and actions stated in running text (see :mod:`planextract.prose`);
        True when the paragraph is used up."""
        section = self._section_for(block.section_index)
        rank = (section.level if section else 0) + 0.5
        if state.own == "never" and state.kind == "never":
            # "Ekonomi" / "Strategiskt mål 6: ...": a goal named by its label stands anywhere,
            # and so does one a body's decision quotes ("Inledning" / "… beslutat att ”… ska …”")
            return self._label_goal(block, text, state, rank) or self._decided_goal(block, text, state)
        if state.own in ("skip", "never") or state.kind in ("skip", "never"):
            return False
        if self._label_measures(block, text):
            return True
        if self._inline_label(block, text, state, rank):
            return True
        if self._label_goal(block, text, state, rank):
            return True
        if state.paragraph_goals:
            if prose.states_goal(text):  # "Inriktning budget 2026" / one direction a paragraph
                goal = self.add_goal(text, self.level(*state.texts), block.page, block.bbox, "prose",
                                     parent=self.scope_goal)
                self.last_goal = goal.key
            return True
        restated = same_goal(C.strip_goal_number(text), self.out.goals)
        if restated is not None:
            # the goal named again ("Nämndmål 1. Äldre med hemtjänst ..."): what follows serves it;
            # a goal stated in prose opens its follow-up in prose
            self._pop_scopes(rank)
            self._push_scope(rank, restated.key)
            if restated.source == "prose":
                self.followups.update({section.index, section.parent_index} if section else set())
            return True
        in_followup = section is not None and (
            section.index in self.followups or section.parent_index in self.followups
        )
        goal_list = state.kind in ("goal", "goal_item") or state.own == "goal"
        counted, self.counted_run = self.counted_run, None
        after = counted[1] if counted is not None and counted[0] == block.section_index else 0
        roman = prose.roman_items(text) if goal_list else []
        listed = roman or (prose.counted_items(C.clean_text(block.text, numbering=False), after) if goal_list else [])
        if listed:
            # "I Vilhelmina ska vara … II Invånarna ska ha …", "1 År 2027 upplever … 2 År 2027 finns …":
            # a numbered list run together
            for n, item in enumerate(listed, start=after + 1):
                goal = self.add_goal(item, self.level(*state.texts), block.page, block.bbox, "list",
                                     parent=self.scope_goal)
                if not roman:
                    self.numbered.setdefault(str(n), goal.key)  # "Mål | 1, 3": later rows name it by number
            self.counted_run = (block.section_index, after + len(listed))
            return True
        areas = prose.numbered_areas(text)
        if areas:
            # "Fokusområde 1 – Hållbarhet i näringsliv och arbetsmarknad Fokusområde 9 – Klimatanpassning"
            for name in areas:
                self.add_goal(name, "kf", block.page, block.bbox, "prose", parent=self.scope_goal)
            return True
        opening, self.opening_target = self.opening_target, None
        labelled = C.labelled_goal(text)
        if labelled is not None and len(text.split()) <= MAX_LABELLED_WORDS:
            # "Samhällsmål – framtida tillstånd: ökad tillgång till arbete ..."
            self._labelled_goal(labelled, block.page, block.bbox, "prose", rank, state)
            return True
        first = (C.sentences(text) or [""])[0]
        if opening is not None and opening.target is None and re.match(r"målet\b", first, re.I):
            # "Målet enligt Målbild tåg 2035 är att tågtrafiken ska tredubblas från 10,5 miljoner ..."
            opening.target = _parse_target(first, known_target=True)
            self.stated_targets.add(opening.key)
            return False
        used = False
        planned = self.planned_before  # the sentence before (here or closing the paragraph before) planned an action
        measuring = False  # a sentence said how the goal is followed up: target sentences after it are measures
        sentences = C.sentences(text)
        reports = {found.sentences[0]: found for found in prose.reported_measures(sentences)}
        consumed: set[int] = set()
        for number, sentence in enumerate(sentences):
            found = reports.get(number)
            if found is not None and self.scope_goal is not None:
                # "Antalet barn och unga i heldygnsvård var 14 den 31 augusti, …. Enligt verksamhetsplanen ska
                # antalet vara högst 15 vid årets slut.": the measure reported, the target stated for it later
                self.add_indicator(found.name, block.page, block.bbox, "prose",
                                   Anchor(None, self.nearest_goal(), self.region), target_text=found.target)
                consumed.update(found.sentences)
                used = True
                continue
            if number in consumed and not prose.goal_clause(sentence):
                continue
            # the body of a goal stated in this section ("Mål 2.1 Fler bostäder ska byggas." / "Antalet …")
            named = (self.scope_goal in self.section_goals.get(block.section_index, ())
                     and state.kind in (None, "goal", "goal_item") and prose.names_a_measure(sentence))
            reported = _REPORTED_TARGET.search(sentence) if self.scope_goal is not None else None
            if reported and prose.names_a_measure(sentence) and state.kind not in ("skip", "never") \
                    and _parse_target(reported.group("target"), known_target=True) is not None:
                # "Antalet besök … uppgick till 168 400 (mål 2025: minst 160 000).": a measure, its
                # outcome and, in parentheses, its target
                year = int(reported.group("year")) if reported.group("year") else None
                self.add_indicator(sentence.rstrip("."), block.page, block.bbox, "prose",
                                   Anchor(None, self.nearest_goal(), self.region),
                                   target_text=reported.group("target"), target_year=year)
                used = True
                continue
            if (measuring and prose.stated_measure(sentence)) or (
                    named and prose.stated_measure(sentence, in_figures=True)):
                # "Målet följs upp med två indikatorer. Sjukfrånvaron … ska inte överstiga 6,0 procent.";
                # under a goal, "Antalet färdigställda bostäder ska vara minst 150 under 2026." alone
                self.add_indicator(sentence, block.page, block.bbox, "prose",
                                   Anchor(None, self.nearest_goal(), self.region), target_text=sentence)
                used = True
                continue
            coded = [c for rest in prose.followed_up_with(sentence) for c in prose.measure_codes(rest)]
            if self._measures_by_code(coded):
                used = True  # "Följs upp med indikator I1, I2 och I3 (se bilaga)."
                continue
            goal_number, leveled = prose.leveled_measures(sentence)
            if leveled:
                # "Mål 1.1 följs upp med andelen … (minst 93 %) och genomsnittligt meritvärde (minst 250)."
                served = self.goal_by_number(goal_number) if goal_number else None
                for name, level in leveled:
                    self.add_indicator(name, block.page, block.bbox, "prose",
                                       Anchor(served, self.nearest_goal(), self.region), target_text=level)
                used = True
                continue
            measures = prose.followed_measures(sentence) if self.scope_goal is not None else []
            if measures:
                # "Etappmålet följs upp med andelen ..., som ska öka från 8,1 procent (2024) till ..."
                for measure in measures:
                    self.add_indicator(measure, block.page, block.bbox, "prose",
                                       Anchor(None, self.nearest_goal(), self.region))
                used = True
                continue
            named_measures = prose.named_measures(sentence) if self.out.goals else []
            if named_measures:
                # "För mål 1a följer vi andelen …, som var 79 procent 2025 och som ska vara minst 85 procent
                # 2030.", "Som mått används personalomsättningen …. … ska minska till högst 9 procent 2026."
                self._named_measures(named_measures, sentences, number, consumed, block)
                used = True
                continue
            if self.scope_goal is not None and prose.announces_measures(sentence):
                measuring = True  # ... to the end of the paragraph ("Utfallet 2025 var 84 procent." between)
                continue
            asked = prose.asked_goal(sentence)
            if asked is not None:
                # "Fråga: Nådde kommunen målet att investeringarna ska finansieras … till minst 70 procent?"
                goal = self.add_goal(asked, self.level(sentence, *state.texts), block.page, block.bbox, "prose",
                                     parent=self.scope_goal, target=_stated_goal_target(asked))
                self.stated_targets.add(goal.key)
                self.last_goal = goal.key
                used = True
                continue
            lead, named = prose.enumerated_goals(sentence)
            if named:
                # "… tre övergripande mål som berör nämnden: att Staffanstorp ska vara …, att … och att …"
                level = C.goal_level([lead]) or self.level(sentence, *state.texts)
                # lettered delmål hang under the goal stated just before ("Till målet hör två delmål: (a) …")
                under = self.last_goal if _SUBGOAL_LEAD.search(lead) and self.last_goal is not None else self.scope_goal
                added = [self.add_goal(clause, level, block.page, block.bbox, "prose", parent=under).key
                         for clause in named]
                self.goal_lists.append(added)
                used = True
                continue
            several = prose.quoted_goals(sentence)
            if several:
                # "… beslutat om tre övergripande mål: ”…”, ”…” och ”…”.": later named by their place
                added = [self.add_goal(q, self.level(sentence, *state.texts), block.page, block.bbox, "prose",
                                       parent=self.scope_goal).key for q in several]
                self.goal_lists.append(added)
                used = True
                continue
            quoted = prose.quoted_goal(sentence)
            if quoted is not None:
                # "Kommunfullmäktiges inriktningsmål ”Norrtälje kommun är en attraktiv plats …” omfattar …"
                goal = self.add_goal(quoted, self.level(sentence, *state.texts), block.page, block.bbox, "prose",
                                     parent=self.scope_goal, target=self.own_target(quoted))
                clause = prose.goal_clause(sentence)
                if clause is not None and quoted not in clause.text:
                    # "… inriktningsmål ”…” följs av nämnden genom målet att sjukfrånvaron ska minska [Ej uppfyllt]."
                    goal = self._clause_goal(clause, sentence, block, goal.key, state, in_followup)
                self._pop_scopes(rank + 0.25)
                self._push_scope(rank + 0.25, goal.key)
                self.last_goal = goal.key
                used = True
                continue
            served = prose.served_goal_number(sentence)
            if served is not None and self.goal_by_number(served) is not None:
                # "Träffpunkterna … bidrar främst till nämndmål 2.": the section's actions serve goal 2
                self._pop_scopes(rank + 0.25)
                self._push_scope(rank + 0.25, self.goal_by_number(served))
            clause = prose.goal_clause(sentence)
            if clause is not None or prose.is_goal_sentence(sentence):
                # "Målet är att alla skolor ska ha tydliga rutiner ...": the clause is the goal;
                # "… har nämnden beslutat att alla elever ska lämna grundskolan … (mål 1).": named by its number
                if clause is not None:
                    goal = self._clause_goal(clause, sentence, block, self.scope_goal, state, in_followup)
                else:
                    level = "verksamhet" if in_followup else self.level(*state.texts)
                    goal = self.add_goal(sentence, level, block.page, block.bbox, "prose", parent=self.scope_goal,
                                         target=_stated_goal_target(sentence))
                self.stated_targets.add(goal.key)
                self._pop_scopes(rank + 0.25)
                self._push_scope(rank + 0.25, goal.key)
                self.last_goal = goal.key
                used = True
            elif (in_followup and prose.is_action_sentence(sentence)) or (
                self.scope_goal is not None and prose.is_planned_action(sentence, after_action=planned)
            ):
                # "Under våren genomförs ..." in a follow-up; "Under 2026 ska förvaltningen installera ..."
                self.add_activity(sentence, block.page, block.bbox, "prose",
                                  Anchor(None, self.nearest_goal(), self.region))
                used = planned = True
                continue
            planned = False
        self.planned_last = planned
        return used or in_followup

