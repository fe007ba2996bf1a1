"""From a parsed document to its items: goals, indicators (with targets and
values) and activities, linked to the goals they serve.

The document is read in order, heading by heading.  Each heading (or a
lead-in line such as "Vi har lyckats när:") says what the list under it
holds (rules/headings.yaml); each table column says what its cells hold
(rules/columns.yaml).  Goals come from headings that state a goal, from
goal areas ("Målområde"), from lists and table columns under goal headings,
and from the short statement that opens a goal heading's section ("Sala ska
erbjuda attraktiva boenden ...").  Prose yields items only by its grammar in
a governed place (prose_items.py): a goal sentence ("Målet är att ..."), a
short paragraph under a heading of goals, measures or actions, the fields of
a form printed as paragraphs ("Nyckeltal <text>").  A plain financial
follow-up yields none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Hashable, Optional

from . import classify as C
from . import prose
from . import targets
from . import table_rows
from .link import Anchor, goal_named_in, link_items, restates, same_goal, set_parent
from .learned_items import Place, fill_from_classifier
from .column_targets import column_target, goal_target, trailing_target
from .item_tails import (
    action_field_line,
    activity_tail,
    bracketed_fields,
    closing_status,
    INDICATOR_CODE,
    coded_field_item,
    field_line,
    indicator_meta_line,
    indicator_tail,
    named_field_run,
    indicator_value_tail,
    labelled_field,
    labels_a_target,
    trailing_indicator_fields,
    is_period,
    names_a_unit,
)
from .prose_items import PARENT_REFERENCE, ProseItems, label_kind as _label_kind
from .table_items import (  # noqa: F401  (parse_value: part of this module's API)
    TableReader, indicator_columns, is_fields_table, parse_value, printed_values, set_baseline, status_columns)
from .models import (
    Activity,
    Block,
    Extraction,
    Goal,
    Indicator,
    IndicatorValue,
    ParsedDocument,
    Section,
    Target,
)

# The statement opening a goal heading's section is a goal only when short.
MAX_STATEMENT_CHARS = 220
MAX_HEADING_GOAL_WORDS = 30
_YEAR = re.compile(r"\b20\d\d\b")
_LEADING_STATUS = re.compile(r"^([A-ZÅÄÖ][\w ]{1,20}?):\s+(?=[A-ZÅÄÖ])")  # "Ej påbörjad: Ta fram …"
_TRAILING_STATUS = re.compile(r"\s+(?:[–—-]\s+([\w ]{3,20}?)|\(([\w ]{3,20}?)\))\s*\.?$")  # "… – pågår", "… (klar)"
# "Sandviken ska vara … livet. N1 Barn och unga …": a listed goal run on into its coded goals
_GOAL_WITH_CODED_CHILDREN = re.compile(r"^(?P<head>[^.!]+[.!])\s+(?=[A-ZÅÄÖ]{1,3}\s?\d{1,2}\s+[A-ZÅÄÖ])")
_MAX_ASSESSMENT_WORDS = 6  # "Bedömning: Delvis uppfyllt", "Målet är uppfyllt"
# "… – bygg och miljö (V1)", "… (SN 1, 3,8 mnkr)": an action's closing unit, the code of the goal it serves, its cost
_CODE_TAIL = re.compile(
    r"\s+(?:[–—]\s+(?P<unit>[^–—()]{2,60}?)\s+)?\((?P<code>[A-ZÅÄÖ]{1,4}\s?\d{1,2}(?:\.\d{1,2})?)"
    r"(?:,\s*(?P<cost>\d[\d\s,]*\s*(?:mnkr|mkr|tkr|kr|miljoner kronor)))?\)\s*\.?$")
# "… – etappmål T5, varje vår", "… – mål 2": the goal served named after a dash, perhaps then when
_SERVED_GOAL_TAIL = re.compile(
    r"\s+[–—]\s+[\w-]*mål\s+(?P<code>[A-ZÅÄÖ]{0,4}\s?\d{1,2}(?:\.\d{1,2})?)(?:,\s*(?P<timeline>[^,–—()]{3,30}?))?\s*\.?$")
_LETTERED_CODE = re.compile(r"(\d{1,2}[a-h])\s+(?=[A-ZÅÄÖ])")  # "1a", "2b": goals lettered under a number
_CLOSING_NAME = re.compile(r"\s*\[([^\[\]\d]{3,40})\]\s*\.?$")  # "… [Attraktivitet]": a goal's short name
MAX_SHORT_NAME_WORDS = 3  # "Livskvalitet:", "Trygg och säker:": a goal's short name before its words
# "Familjehemsenheten: Minst 20 nya familjehem ska …": a unit's run-in label before a listed goal
_RUN_IN_UNIT = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*(?:\s(?:och\s)?[\wåäö-]+){0,3}:\s+(?=[A-ZÅÄÖ])")
# a calendar entry's date before its words ("Maj:", "Vecka 12:", "Kvartal 2 –")
_CALENDAR_WHEN = re.compile(r"^(?:(?P<word>[^\W\d_]+)|vecka\s*\d{1,2}|v\.?\s?\d{1,2}|kvartal\s*[1-4]|tertial\s*[1-3]"
                            r"|q[1-4])(?:\s+\d{4})?\s*[:–-]\s", re.I)


# a heading naming a board ("Barn- och ungdomsnämnden") or a sum of money ("Nettokostnadsram
# 2026: 96,8 mnkr"): whose section it is, or what it may spend, never a goal
_BOARD_OR_SUM = re.compile(r"^[\w ,–-]{0,60}?(?:nämnden|styrelsen|förvaltningen)$|\d\s*(?:mnkr|tkr|mkr|mdkr)\b", re.I)

# a list item opening with the name of its kind: "Mått: Antal färdigställda bostäder …",
# "Insats: Anta detaljplanen …"
_RUN_IN_KIND = re.compile(r"^([A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){0,2}):\s+(?=\S)")


# the end of a parenthesis wrapped onto a line of its own: "årligen)", "2026)"
_CLOSING_FRAGMENT = re.compile(r"[^()]{1,40}\)\.?")
# who does an action, named after a closing dash: "… med fast gruppledare — Hemtjänsten"
_CLOSING_UNIT = re.compile(r"\s+[–—]\s+(?P<unit>[A-ZÅÄÖ][\wåäö-]*(?:\s[\wåäö-]+){0,3})\.?$")
# a goal's code before a dash in a caption: "RS 1 – Väntetiderna …"
# "mål" itself, or a compound ending in it ("strategiska mål", "nämndmål"), not a focus area
_NAMES_GOALS = re.compile(r"mål\b", re.I)
# where one indicator line ends and the next begins when lines run together: after its bracketed fields
_INDICATOR_LINE_BREAK = re.compile(r"(?<=\))\s+(?=[A-ZÅÄÖ])")
_CAPTION_CODE = re.compile(r"^(?P<code>[A-ZÅÄÖ]{1,4}\s?\d{1,2}(?:\.\d{1,2})?)\s*[–—:-]\s+(?=[A-ZÅÄÖ])")


def _caption_fields(text: str) -> tuple[str, Optional[str]]:
    """A caption's name, and the labelled fields it closes with: "Andel elever
    …, %. Målvärde 2026: minst 88 %." -> ("Andel elever …, %", "Målvärde 2026:
    minst 88 %."); the caption whole and None when no field closes it."""
    parts = re.split(r"(?<=\.)\s+(?=[A-ZÅÄÖ])", text.strip())
    for n in range(1, len(parts)):
        if all(labelled_field(part.rstrip(". ")) is not None for part in parts[n:]):
            return " ".join(parts[:n]).rstrip(". "), " ".join(parts[n:])
    return text, None


def _measured_line(text: str) -> bool:
    """A list line stating a measure with its target and where it stands:
    "Antal kilometer ny cykelväg – minst 2,5 (utfall 2024: 1,2)", "Gästnätter
    under oktober–april: 38 200 (2024) » minst 50 000 (2030)"; an indicator
    even in a list of goals."""
    measured = indicator_value_tail(text)
    if measured is None or not measured.target_text:
        return False
    return measured.baseline is not None or bool(measured.values) and prose.names_a_measure(text)


def _names_an_action(heading: str) -> bool:
    """A heading (its code taken off) naming an action by its verb, numbered or not
    ("1.1 Ta fram en plan för …", "Bygga upp en regional valideringsfunktion …")."""
    return prose.opens_with_action(C.strip_goal_number(heading))


def _calendar_entry(text: str) -> bool:
    """"Maj: lägesrapport …", "Vecka 12: …", "Kvartal 2 – …": an entry of a calendar, no item."""
    m = _CALENDAR_WHEN.match(text)
    return bool(m) and (m.group("word") is None or m.group("word").lower() in C.month_words())


# "Åtgärd 1.", "Aktivitet T2:": an action's label before its words
_ACTION_LABEL = re.compile(r"^(?:åtgärd|aktivitet|insats)\s+(?:nr\s+)?(?:[A-ZÅÄÖ]{1,3}\s?)?\d{1,2}(?:\.\d{1,2})?[.:]?\s+", re.I)
# a short title line, no sentence ("Kommunfullmäktiges mål i miljö- och klimatprogrammet 2022–2030")
_GOAL_TITLE = re.compile(r"^[^.:;!?]{3,90}$")
MAX_TITLED_GOAL_WORDS = 30
MAX_ACTION_HEADING_WORDS = 15
MAX_MEASURE_HEADING_WORDS = 10
_REPORTED_AFTER = re.compile(r"^(?P<action>[^.]+\.)\s+(?P<report>[A-ZÅÄÖ].+)$")
# a report of what was done: the perfect or the past ("har kommit igång", "startade i mars", "infördes")
_REPORT_VERB = re.compile(r"\b(?:har|hade)\s+(?:\w+\s+){0,2}\w+(?:t|ts)\b|\b\w{3,}(?:ade|ades|des|tes)\b|"
                          r"\b(?:började|blev|kom|gick|fick|gjordes|fanns)\b|"
                          r"\b(?:är|var)\s+(?:nu\s+)?(?:genomför|påbörj|avslut|slutför|inför|klar)\w*")
_NAMED_STEP = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+\s+[–—]\s+\S")  # "Prioritering – folkhälsorådet väljer …"
_PARENT_CODE = re.compile(r"\s*\(((?:[A-ZÅÄÖ]{1,4}\s?)?\d{1,2}(?:\.\d{1,2})*)\)(?=\s*[.;]?\s*$)")
MAX_TITLE_WORDS = 25  # a line titling the table under it
_SOURCE_LINE = re.compile(r"^källa\b", re.I)
_META_START = re.compile(r"^(?:detta|här|nedan|i detta|i den här|dokumentet|planen|programmet|syftet)\b", re.I)


def _labelled_action(text: str) -> bool:
    """An action closing with the labelled fields of who does it ("Införa …
    (ansvar: verksamhetschef hemtjänst; status: pågår)", "Införa … – Ansvar:
    rektor; uppföljning: mars 2026"), wherever it stands."""
    tail = activity_tail(text)
    return bool(tail) and "responsible" in tail[1] and re.search(r"(?:\(|\s[–—]\s*)ansvar\w*\s*:", text, re.I) is not None \
        and prose.opens_with_action(tail[0])


# "Lovaktiviteter i alla kommundelar Sommarlovs- och …": a title run into the sentence after it
_TITLE_BREAK = re.compile(r"(?<=[\wåäö)])\s+(?=[A-ZÅÄÖ][a-zåäö])")
_TITLE_END_WORDS = frozenset("i på för och av med till om från vid som att en ett den det de".split())
MAX_RUN_IN_TITLE_WORDS = 8


def _run_in_title(text: str) -> Optional[tuple[str, str]]:
    """(title, rest) of a paragraph whose short title runs into its first
    sentence; the break is the first capital after a word that can end a
    title ("Kvällsöppen fritidsgård i Bodafors Fritidsgården …")."""
    for m in _TITLE_BREAK.finditer(text):
        title = text[:m.start()]
        if len(title.split()) > MAX_RUN_IN_TITLE_WORDS or re.search(r"[.!?:;]", title):
            return None
        if title.split()[-1].lower() not in _TITLE_END_WORDS:
            return title, text[m.end():]
    return None

MIN_FIELD_PAIRS = 2  # an action's fields as label and value paragraphs: who and when at least
MAX_FIELD_LABEL_WORDS = 3


@dataclass
class _FieldPairs:
    """The fields of an action given as label and value paragraphs under its heading."""

    fields: dict[str, str]
    goal_code: Optional[str]
    blocks: list[Block]


def _names_a_field(text: str) -> bool:
    """A bare label of an action's fields ("Ansvarig", "Tidsperiod")."""
    label = text.rstrip(":")
    return 0 < len(label.split()) <= MAX_FIELD_LABEL_WORDS and not re.search(r"[:\d,.]", label) \
        and C.activity_field(C.column_role(label).role) is not None


def _field_pairs(blocks: list[Block]) -> dict[int, _FieldPairs]:
    """Sections whose paragraphs run label, value, label, value ("Ansvarig" /
    "Trafiknämnden", "Genomförs" / "2026–2028", "Etappmål" / "E2"), with at
    least two bare labels naming an action's fields, who or when among them."""
    by_section: dict[int, list[Block]] = {}
    for block in blocks:
        if block.section_index is not None:
            by_section.setdefault(block.section_index, []).append(block)
    found: dict[int, _FieldPairs] = {}
    for index, own in by_section.items():
        paragraphs = [b for b in own if b.kind == "paragraph"]
        fields: dict[str, str] = {}
        code, used, named = None, [], 0
        i = 0
        while i + 1 < len(paragraphs):
            label = C.clean_text(paragraphs[i].text).rstrip(":")
            if len(label.split()) > MAX_FIELD_LABEL_WORDS or label[-1:] in ".!?" or re.search(r"[:\d]", label):
                i += 1
                continue
            role = C.column_role(label).role
            name = C.activity_field(role)
            value = C.clean_text(paragraphs[i + 1].text)
            if role != "ignore" and _names_a_field(value):
                i += 1  # "Bidrar till effektmål" / "–" (a dash the layout drops) / "Ansvarig": no value
                continue
            if name is not None:
                fields.setdefault(name, value)
                named += 1
            elif role in ("goal", "goal_or_target") and len(value.split()) <= 2:
                code = code or value  # "Etappmål" / "E1": the goal it serves, by code
            elif role not in ("analysis", "activity_detail", "comment"):
                i += 1
                continue
            elif role in ("activity_detail",):
                fields.setdefault("detail", value)
            used += [paragraphs[i], paragraphs[i + 1]]
            i += 2
        if named >= MIN_FIELD_PAIRS and {"responsible", "timeline"} & set(fields):
            found[index] = _FieldPairs(fields, code, used)
    return found


_OUTLINE_POINT = re.compile(r"(\d{1,2}(?:\.\d{1,2}){2,4})\s+(?=[A-ZÅÄÖ])")  # "4.2.1.2 Grundskolan: …"
_PART_LABEL = re.compile(r"[A-ZÅÄÖ][\wåäö-]+(?:\s[\wåäö-]+)?:\s+(?=[A-ZÅÄÖ])")  # "Grundskolan: ", "Särskilt boende: "
_ASSESSMENT_BRACKET = re.compile(r"\s*\[(?P<inner>[^\[\]]{2,60})\]\s*\.?$")  # "[Prognos helår: uppnått]"
_SOURCE_NOTE = re.compile(r"\bKälla\s*:", re.I)


def _states_measure_heading(heading: str) -> bool:
    """A numbered heading that states a measure and the level it shall reach
    ("Andelen … ska vara 100 % vid utgången av 2026.") or names its source
    ("… ska minska. Källa: nämndens rapportering"): an indicator of the goal above."""
    text = C.clean_text(heading)
    first = (C.sentences(text) or [text])[0]
    return prose.names_a_measure(first) and (
        prose.stated_measure(first, in_figures=True) or bool(_SOURCE_NOTE.search(text)) or bool(kolada_ids(text)))


_CLOSING_INDICATOR_CODE = re.compile(rf"\s*{INDICATOR_CODE}\s*$")  # "… (1.2a)"


def _names_a_measure_heading(heading: str) -> bool:
    """A short heading naming what is measured ("Behörighet till yrkesprogram,
    årskurs 9"), not a goal statement nor an action."""
    text = C.clean_text(heading)
    return (0 < len(text.split()) <= MAX_MEASURE_HEADING_WORDS and not C.is_goal_statement(text)
            and not prose.opens_with_action(text) and C.heading_kind(text) is None)


def extract_items(parsed: ParsedDocument, *, learned: bool = True) -> Extraction:
    """Goals, indicators and activities of one document, linked.

    With ``learned`` (and a trained model in ``models/textcat``), a kind the
    rules find none of in a plan, and a list, table column or set of headings
    they leave unread, are filled in by the segment classifier
    (:mod:`planextract.learned_items`).
    """
    return _Reader(parsed).run(learned=learned)


# --------------------------------------------------------------------------
# Helpers shared with targets and NLP
# --------------------------------------------------------------------------


def parse_target(text: str, *, known_target: bool = False, year: Optional[int] = None) -> Optional[Target]:
    """A target from ``text`` (None when it states none).

    ``known_target``: the text is known to state a target (a "Mål" cell, an
    indicator's own wording); ``year``: the target year when the text names
    none ("Mål 2025" over its column).
    """
    if not text or not text.strip():
        return None
    return targets.parse_target(text, known_target=known_target, year=year)


def _column_target(text: str, year: Optional[int]) -> Optional[Target]:
    """The target of a "Mål 2025" cell: the column's year is the target year
    of a value ("Minst 80"), not of a bare direction ("Öka")."""
    target = parse_target(text, known_target=True, year=year)
    if target is not None and year is not None and target.target_value is None and str(year) not in text:
        target.target_year = None
    return target


def kolada_ids(text: str) -> list[str]:
    """Kolada KPI ids (N31848, U31804) named in ``text``, in order, once each."""
    from .lexicon import kolada_ids as find  # a regular expression, no spaCy

    return find(text or "")


# --------------------------------------------------------------------------
# Reading state
# --------------------------------------------------------------------------


@dataclass
class _Scope:
    """A goal that stands over what follows it until a heading of its rank."""

    rank: float
    goal_key: int


@dataclass
class _SectionState:
    own: Optional[str]  # kind from the heading's own words
    kind: Optional[str]  # what lists under it hold (own or inherited)
    texts: list[str] = field(default_factory=list)  # headings, nearest first (level cues)
    goal_key: Optional[int] = None  # the heading is this goal
    paragraph_goals: bool = False  # each paragraph under the heading states a goal


class _Reader(ProseItems):
    """One pass over a document (see the module docstring)."""

    def __init__(self, parsed: ParsedDocument) -> None:
        self.parsed = parsed
        self.out = Extraction()
        self.anchors: dict[tuple[str, int], Anchor] = {}
        self.goal_regions: dict[int, Hashable] = {}
        self.sections: dict[int, _SectionState] = {}
        self.scopes: list[_Scope] = []
        self.epoch = 0
        self.next_key = 1
        self.pending_area = False
        self.last_goal: Optional[int] = None
        self.lead: Optional[tuple[str, str]] = None  # (kind, text) of the lead-in governing the next list
        self.first_block = False  # the next block opens its section
        self.current_section: Optional[int] = None  # the section being read
        self.section_goals: dict[Optional[int], list[int]] = {}  # section -> goals first stated in it
        # (level, state) of an unnumbered heading announcing goals whose numbered run follows at its level
        self.goal_run: Optional[tuple[int, _SectionState]] = None
        # (level, parent) of a heading over actions whose own headings follow at its level
        self.action_run: Optional[tuple[int, Optional[int]]] = None
        self.measure_run: Optional[tuple[int, Optional[int]]] = None  # as action_run, for measures
        self.measure_headings: dict[int, Indicator] = {}  # section -> the measure its heading names
        self.filled_sections = {b.section_index for b in parsed.blocks} | {t.section_index for t in parsed.tables}
        self.planned_last = False  # the block just read closed with a planned action
        self.planned_before = False
        self.areas: dict[int, bool] = {}  # heading goal -> is a goal area (not a statement)
        self.numbered: dict[str, int] = {}  # section number of a goal heading -> goal
        self.label_goal: Optional[tuple[int, Optional[int]]] = None
        self.goal_lists: list[list[int]] = []  # goals listed together, in order ("1", "2" refer to them)
        self.indicator_codes: dict[str, Indicator] = {}  # "1b" -> the indicator a table's number column coded
        self.indicator_code_goals: dict[str, int] = {}  # "I1" -> the goal a sentence says it follows up
        self.counted_run: Optional[tuple] = None  # (section, last number) of a numbered list read as paragraphs
        self.lettered_goals: dict[str, int] = {}  # the latest goals listed "a)", "b)", by letter
        self.indicator_refs: dict[str, Indicator] = {}  # "4.1.1 a": the indicator listed "a)" under "4.1.1"
        self.in_goal_list = False
        # the level of the section where a paragraph said the bulleted items under each goal are its
        # indicators ("Under varje nämndmål anges de indikatorer …"); None outside such a section
        self.measures_under_goals: Optional[int] = None
        self.goal_paragraph = False  # the paragraph read last stated a goal (the list below may be its measures)
        self.coded: list[tuple[Block, Anchor]] = []  # paragraphs of coded actions ("T1 Bygga ut ...") or goals
        self.coded_kind = "activity"  # what the coded paragraphs hold: "activity" or "goal"
        self.coded_level: Optional[str] = None  # the level of coded goals
        self.list_action: Optional[tuple[int, Activity]] = None  # (depth, action) of the last listed action
        self.unit_label: Optional[tuple[int, str]] = None  # (depth, unit) of a list item naming who does the items under it
        # list items with deeper items under them
        self.list_heads = {id(b) for b, n in zip(parsed.blocks, parsed.blocks[1:])
                           if b.kind == n.kind == "list_item" and n.depth > b.depth}
        self.children: dict[int, list[Section]] = {}
        self.section_at: dict[Optional[int], Section] = {}  # index -> section, looked up for every block
        for section in parsed.sections:
            self.section_at.setdefault(section.index, section)
        self.action_fields: dict[int, Activity] = {}  # section of an action heading -> its activity
        self.field_for: dict[int, tuple[Activity, str]] = {}  # subsection -> (activity, field it fills)
        self.open_action: Optional[Activity] = None  # the action a table of fields may follow
        self.area_goal: Optional[int] = None  # an action area whose goal statement may follow
        self.stated_targets: set[int] = set()  # goals whose stated target stands ("till år 2030")
        self.followups: set[Optional[int]] = set()  # sections following up goals stated earlier
        self.last_end: Optional[int] = None  # the latest goal labelled "Mål" (an end, not a means)
        self.opening_target: Optional[Goal] = None  # a labelled goal whose first sentence may give its target
        self.measured_goal: Optional[int] = None  # the goal a "Så här mäter vi" list measures
        self.bare_label: Optional[tuple[str, str]] = None  # "Kommunfullmäktiges mål 1": the next paragraph is that goal
        self.horizon_label: Optional[str] = None  # "Långsiktigt mål till 2040": the next paragraph is that goal
        self.labelled_goal: Optional[int] = None  # the goal just read under its label: a "Bidrar till" line may follow
        self.served_label: Optional[tuple[str, int]] = None  # "Bidrar till" alone under that goal: the next line names its parent
        self.coded_alone_last = False  # the last coded paragraph was a code alone ("E1"), its item next
        self.coded_closed = False  # the coded run's last item is complete
        self.coded_scope = False  # the coded goal read governs what follows
        self.last_action_block: Optional[Activity] = None  # an action stated in the paragraph just read
        self.goal_title: Optional[tuple[str, str]] = None  # (level, title) of a line announcing goals, one a paragraph
        self.previous_paragraph: Optional[tuple[Block, str]] = None  # the block just read, when a paragraph
        self.list_indicator: Optional[tuple[int, Indicator]] = None  # (depth, indicator) of the last listed one
        self.goal_stack: list[tuple[int, int]] = []  # (depth, goal) of the goals open in a nested goal list
        self.card_meta: Optional[tuple] = None  # (name, page, bbox, goal code, Kolada id) of an indicator card
        self.pending_baseline: Optional[tuple[Indicator, str, Optional[int]]] = None  # a baseline before its target
        self.title_line: Optional[tuple[str, int, Optional[tuple]]] = None  # last short line: a card's title
        self.title_kpi: Optional[str] = None  # "Källa: Kolada, N15436" under that line
        self.title_note: Optional[str] = None  # "Målvärde 2026: minst 88 %." closing that line
        self.last_card: Optional[Indicator] = None  # the indicator of the card table just read, for its note
        self.form_labels: Optional[set[str]] = None  # field names opening paragraphs (prose_items)
        self.tables = TableReader(self)
        # sections holding a table of an action's fields ("Förvaltning | Ansvarig | Tidsplan")
        self.field_tables = {
            t.section_index for t in parsed.tables
            if is_fields_table(C.column_roles(t.header)) and indicator_columns(t) is None  # not "Period | Andel …"
            and status_columns(t) is None  # not "Genomfört under 2025 | Påbörjat": actions sorted by status
        } | {  # "Kopplat till FS 4 • Ansvar: … • Tidplan: 2026" under the action's heading and description
            b.section_index for b in parsed.blocks
            if b.kind == "paragraph" and action_field_line(C.clean_text(b.text)) is not None
        }
        # sections of an action heading whose fields follow as label and value paragraphs
        # ("Ansvarig" / "Samhällsbyggnadsnämnden", "Genomförs" / "2026")
        self.field_pairs: dict[int, _FieldPairs] = _field_pairs(parsed.blocks)
        self.pair_blocks: set[int] = set()  # their blocks, once the heading was read as the action
        # sections opening with their goal in a sentence ("Vårt mål är att ..."): their heading is a title
        self.titled_goals: set[Optional[int]] = set()
        seen: set[Optional[int]] = set()
        for block in parsed.blocks:
            if block.section_index not in seen:
                seen.add(block.section_index)
                opened = C.goal_label(block.text) if block.kind == "paragraph" else None
                if block.kind == "paragraph" and (
                        prose.goal_sentences(block.text) or C.bare_goal_label(block.text) or prose.quoted_goal(block.text)
                        or (opened and (opened[1] or "")[:1].isdigit() and C.is_goal_statement(opened[2]))):
                    # ... or after its label ("Kommunfullmäktiges mål 2 I Kungsbacka ska …")
                    self.titled_goals.add(block.section_index)
        first_block_at = {}
        for block in parsed.blocks:
            first_block_at.setdefault(block.section_index, (block.page, block.bbox[1]))
        for table in parsed.tables:  # ... or in a goal box ("Nämndmål 1 | Alla barn … | Prognos helår: …")
            opens = (table.page_start, table.bbox[1]) <= first_block_at.get(table.section_index, (10**6, 0))
            if opens and table_rows.goal_box(list(table.header), [list(r) for r in table.rows]) is not None:
                self.titled_goals.add(table.section_index)
        # sections whose heading names an indicator, the line under it its particulars or values
        # ("Nämndmål: N1 | Källa: … | Mätperiod: helår"): the heading is no goal
        self.card_sections: set[Optional[int]] = {
            b.section_index for b in parsed.blocks
            if b.kind == "paragraph" and indicator_meta_line(C.clean_text(b.text)) is not None
        }
        # goals set as bold paragraphs, each over its assessment line ("Bedömning: Uppfyllt"):
        # headings in all but the type a heading may take
        self.assessed_goals: set[int] = {
            id(before) for before, after in zip(parsed.blocks, parsed.blocks[1:])
            if before.kind == after.kind == "paragraph" and before.bold and not after.bold
            and before.section_index == after.section_index
            and len(after.text.split()) <= _MAX_ASSESSMENT_WORDS and C.attainment(after.text)
            and C.is_goal_statement(C.clean_text(before.text)) and not C.attainment(before.text)
        }
        self.assessed_keys: set[int] = set()  # goals read from those paragraphs
        self.parent_codes: dict[str, int] = {}  # "KTN 1" -> the goal a tile names as its parent
        self.assessed_areas = {b.section_index for b in parsed.blocks if id(b) in self.assessed_goals}
        # sections headed by a goal whose assessment line opens them ("Bedömning: Delvis uppfyllt")
        self.assessed_sections: set[Optional[int]] = set()
        opening = {}
        for block in parsed.blocks:
            opening.setdefault(block.section_index, block)
        for section in parsed.sections:
            block = opening.get(section.index)
            if (block is not None and block.kind == "paragraph" and len(block.text.split()) <= _MAX_ASSESSMENT_WORDS
                    and C.attainment(block.text) and C.is_goal_statement(C.clean_text(section.heading or ""))):
                self.assessed_sections.add(section.index)
        # headings over labelled goals that name their parent by number ("Nämndmål 1: … (inriktningsmål
        # 2)"): themes of the plan, not goal areas, however they are titled ("Utvecklingsområde: …")
        by_index = {section.index: section for section in parsed.sections}
        parented = {b.section_index for b in parsed.blocks if b.kind == "paragraph" and C.goal_label(b.text)
                    and PARENT_REFERENCE.search(C.clean_text(b.text))} | {
            section.index for section in parsed.sections
            if C.goal_label(section.heading or "") and PARENT_REFERENCE.search(C.clean_text(section.heading or ""))}
        self.parented_areas: set[Optional[int]] = set()
        for index in parented:
            section = by_index.get(index)
            while section is not None and section.parent_index is not None:
                self.parented_areas.add(section.parent_index)
                section = by_index.get(section.parent_index)
        # list items followed by a short label leading in their measures ("Så här mäter vi"): goals
        self.lead_owners: dict[int, str] = {}  # list item -> the kind of the label right after it
        for before, after in zip(parsed.blocks, parsed.blocks[1:]):
            if (before.kind == "list_item" and after.kind == "paragraph"
                    and after.section_index == before.section_index
                    and _label_kind(after.text) in ("indicator", "activity")):
                self.lead_owners[id(before)] = _label_kind(after.text)
        # sections holding paragraphs that state a board's goal after its label ("Nämndmål 2.1 ..."):
        # their heading is the goal area those goals serve
        self.label_ranks: dict[str, float] = {}  # label -> the scope rank of the goals it opens
        self.labelled_sections: set[Optional[int]] = set()
        organ_level = C.level_in((parsed.meta.organ if parsed.meta else None) or "")
        for block in parsed.blocks:
            labelled = C.goal_label(block.text) if block.kind == "paragraph" else None
            if labelled and block.section_index not in self.card_sections and (C.level_in(labelled[0]) or organ_level or "namnd") != "kf":
                self.labelled_sections.add(block.section_index)
        # "1" -> level of the sections numbered "1.1", "1.2": list item "1." titles their area
        self.area_numbers: dict[str, int] = {}
        self.area_starts: dict[str, int] = {}  # "1" -> index of the first section numbered "1.x"
        for section in parsed.sections:
            head, _, rest = (section.number or "").partition(".")
            if head.isdigit() and rest.strip("."):
                self.area_numbers.setdefault(head, section.level)
                self.area_starts.setdefault(head, section.index)
        for section in parsed.sections:
            if section.parent_index is not None:
                self.children.setdefault(section.parent_index, []).append(section)
        meta = parsed.meta
        # the one year the document covers, if one (a year's plan or report)
        self.document_year = meta.period_start if meta and meta.period_start and meta.period_start == meta.period_end else None
        organ = parsed.meta.organ if parsed.meta else None
        self.default_level = C.level_in(organ or "") or ("namnd" if organ else None)
        self.kommun = meta.kommun if meta else None  # its row in a chart's table beside "Riket", "Länet"

    # ---- the walk ------------------------------------------------------

    def run(self, *, learned: bool = True) -> Extraction:
        """Read the document in order, then link; with ``learned``, what the
        rules missed is filled in by the segment classifier."""
        places: dict[tuple, Place] = {}
        block_numbers = {id(b): n for n, b in enumerate(self.parsed.blocks)}
        table_numbers = {id(t): n for n, t in enumerate(self.parsed.tables)}
        for event, obj in self._stream():
            if event == "heading":
                places[("section", obj.index)] = self._place()
                self._heading(obj)
                self.goal_paragraph = False
            elif event == "block":
                places[("block", block_numbers[id(obj)])] = self._place()
                goals_before = len(self.out.goals)
                self._block(obj)
                if obj.kind != "list_item":  # a paragraph stated a goal, or began a coded one: the list below is under it
                    self.goal_paragraph = len(self.out.goals) > goals_before or bool(
                        self.coded and self.coded_kind == "goal")
            else:
                self.goal_paragraph = False
                places[("table", table_numbers[id(obj)])] = self._place()
                self.tables.read(obj)
        self.flush_coded()
        if learned:
            fill_from_classifier(self, places)
        link_items(self.out, self.anchors, self.goal_regions)
        parents = {g.parent_key for g in self.out.goals}
        measured = {i.goal_key for i in self.out.indicators if i.targets}
        for goal in self.out.goals:
            if goal.key in self.stated_targets:
                continue
            bare = goal.target is not None and goal.target.target_value is None and goal.target.target_year is None
            if goal.source in ("heading", "prose") or goal.key in parents or (goal.key in measured and bare):
                # a direction of work, followed through its sub-goals or its indicators' targets
                goal.target = None
        self._date_targets()
        return self.out

    def _date_targets(self) -> None:
        """A level to reach that names no year ("minst 80 procent") is for the
        year the document covers, when it covers one ("Nämndsplan 2026"); a
        movement alone ("Öka") keeps none."""
        meta = self.parsed.meta
        if meta is None or meta.period_start is None or meta.period_start != meta.period_end:
            return
        found = [t for i in self.out.indicators for t in i.targets] + [g.target for g in self.out.goals if g.target]
        for target in found:
            if target.target_value is not None and target.target_year is None:
                target.target_year = meta.period_start

    def _place(self) -> Place:
        """The goal in scope here (else the last goal stated) and the region."""
        goal = self.scope_goal if self.scope_goal is not None else (self.out.goals[-1].key if self.out.goals else None)
        return Place(goal, self.region)

    def _stream(self):
        """Headings, blocks and tables in reading order."""
        content: dict[Optional[int], list] = {}
        for block in self.parsed.blocks:
            content.setdefault(block.section_index, []).append(("block", block))
        for table in self.parsed.tables:
            items = content.setdefault(table.section_index, [])
            where = (table.page_start, table.bbox[1] if table.bbox else 0.0)
            at = len(items)
            for i, (kind, obj) in enumerate(items):
                if kind == "block" and (obj.page, obj.bbox[1] if obj.bbox else 0.0) > where:
                    at = i
                    break
            items.insert(at, ("table", table))
        known = {s.index for s in self.parsed.sections}
        yield from content.get(None, [])
        for index in sorted(k for k in content if k is not None):
            if index not in known:
                yield from content[index]  # content of a section the document does not list
        for section in sorted(self.parsed.sections, key=lambda s: s.index):
            yield "heading", section
            yield from content.get(section.index, [])

    # ---- scope of goals ------------------------------------------------

    @property
    def scope_goal(self) -> Optional[int]:
        return self.scopes[-1].goal_key if self.scopes else None

    @property
    def region(self) -> Hashable:
        goal = self.scope_goal
        if goal is not None:
            return ("goal", self._root_scope())
        return ("epoch", self.epoch)

    def _root_scope(self) -> int:
        """The outermost goal of the scope (a goal area): one region for all its parts."""
        return self.scopes[0].goal_key

    def _pop_scopes(self, rank: float) -> None:
        before = [s.goal_key for s in self.scopes]
        while self.scopes and self.scopes[-1].rank >= rank:
            self.scopes.pop()
        if [s.goal_key for s in self.scopes] != before and not self.scopes:
            self.epoch += 1
            self.last_goal = None

    def _push_scope(self, rank: float, goal_key: int) -> None:
        if not self.scopes:
            self.epoch += 1
        self.scopes.append(_Scope(rank, goal_key))

    def nest_scope(self, goal_key: int) -> None:
        """Open ``goal_key``'s scope just inside the innermost one: what follows serves it."""
        self._push_scope((self.scopes[-1].rank if self.scopes else 0.0) + 0.5, goal_key)

    # ---- goals -----------------------------------------------------------

    def add_goal(self, text, level, page, bbox, source, parent=None, target=None) -> Goal:
        """A new goal, or the earlier goal ``text`` restates; an assessment in
        brackets closing it ("… ska minska [Prognos helår: delvis uppnått]")
        is its status, not its text."""
        text = C.clean_text(text)
        named = self.numbered.get(text.rstrip("."))
        if named is not None and source == "table":
            return self.goal_by_key(named)  # "Livskvalitet | Uppfyllt": a goal named by its short name or code
        assessed = _ASSESSMENT_BRACKET.search(text)
        status = C.status_word(assessed.group("inner")) if assessed else None
        if status is not None and assessed.start() > 0:
            text = text[:assessed.start()].rstrip()
        # "Strategiskt mål 1: En nära … vård" restates "En nära … vård" without its label
        earlier = same_goal(text, self.out.goals) or same_goal(C.strip_goal_number(text), self.out.goals)
        if earlier is not None:
            if earlier.parent_key is None and parent is not None:
                set_parent(self.out.goals, earlier, parent)
            if earlier.target is None and target is not None:
                earlier.target = target
            return earlier
        number = C.goal_number(text)
        if number is not None:
            text = C.strip_goal_number(text)  # "Nämndmål 3. Sjukfrånvaron ..." -> "Sjukfrånvaron ..."
        else:
            lettered = _LETTERED_CODE.match(text)
            if lettered:  # "1a Alla elever ska …", a heading under goal 1: "(mål 1a)" names it
                number, text = lettered.group(1), text[lettered.end():]
        goal = Goal(
            key=self._key(), level=level, text=text, page=page, bbox=bbox,
            source=source, parent_key=parent, target=target,
        )
        if number is not None:
            self.numbered.setdefault(number, goal.key)
        if status is not None:
            goal.status, goal.status_text = status, assessed.group("inner")
        self.out.goals.append(goal)
        self.goal_regions[goal.key] = self.region
        self.section_goals.setdefault(self.current_section, []).append(goal.key)
        return goal

    def add_served_goal(self, goal: Optional[Goal], text, level, page, bbox, source) -> Goal:
        """The goal ``text`` names as the one ``goal`` serves ("Bidrar till KF-mål: ..."):
        its parent, unless it has one already."""
        served = self.add_goal(text, level, page, bbox, source)
        if goal is not None and goal.parent_key is None and served.key != goal.key:
            set_parent(self.out.goals, goal, served.key)
        return served

    def sole_stated_kf_goal(self) -> Optional[Goal]:
        """The one KF goal the document has stated so far in a sentence (not as
        a heading), at the top of its tree; None when there are none or several."""
        stated = [g for g in self.out.goals if g.level == "kf" and g.source != "heading"]
        return stated[0] if len(stated) == 1 and stated[0].parent_key is None else None

    def goal_by_key(self, key: Optional[int]) -> Optional[Goal]:
        for goal in self.out.goals:
            if goal.key == key:
                return goal
        return None

    def _key(self) -> int:
        key = self.next_key
        self.next_key += 1
        return key

    def level(self, *texts) -> Optional[str]:
        return C.goal_level([t for t in texts if t]) or self.default_level

    def own_target(self, text: str, *, year: Optional[int] = None) -> Optional[Target]:
        """A goal's own target: a value, or a movement it asks for ("Minska sjukfrånvaron med 1 %").

        Dropped after linking when one of the goal's indicators has a target.
        """
        return goal_target(text, year=year)

    # ---- headings --------------------------------------------------------

    def _heading(self, section: Section) -> None:
        heading = section.heading or ""
        self.current_section = section.index
        self._note_title(C.clean_text(heading), section.page, section.bbox)
        own = C.heading_kind(heading)
        if own is None and heading.rstrip().endswith(":"):
            own = prose.lead_kind(heading)  # "5.1.2.1 Målet följs upp med följande indikatorer:", a lead-in
        if self.measures_under_goals is not None and section.level <= self.measures_under_goals:
            self.measures_under_goals = None
        parent = self.sections.get(section.parent_index) if section.parent_index is not None else None
        run = self.goal_run
        if run is not None and (section.level < run[0] or (section.level == run[0] and not section.number)):
            run = self.goal_run = None  # the run of numbered headings the announcing heading led in has ended
        if parent is None and run is not None and section.level == run[0]:
            parent = run[1]  # "Kommunfullmäktiges mål och nämndens bidrag", then "1 …", "2 …" at its level
        inherited = parent.kind if parent else None
        texts = [heading] + (parent.texts if parent else [])
        state = _SectionState(own=own, kind=None, texts=texts)
        self.sections[section.index] = state
        if own == "goal" and not section.number and C.mentions_goals(heading):
            self.goal_run = (section.level, state)  # numbered headings at its level may follow
        rank = float(section.level)
        area = self.pending_area or (own is None and not C.names_services(heading) and (
            self._heads_a_statement(section)
            or (self._heads_labelled_goals(section) and not C.mentions_goals(heading))
            or self._heads_coded_goals(section)))
        self.pending_area = own == "goal_area"
        self.lead = None  # the lead-in line governing the next list
        self.label_goal = None  # (depth, goal) of a "Delmål 1.1" label over the actions below it
        self.first_block = True
        self.planned_last = False
        self.list_indicator = None
        self.in_goal_list = False
        self.flush_coded()
        self.open_action = None
        self.area_goal = None
        self.opening_target = None
        self.measured_goal = None
        self.bare_label = None
        self.horizon_label = None
        if own not in ("skip", "never") and C.bare_goal_label(heading):
            # "Nämndsmål 1" as a heading: the goal is the paragraph under it
            self.bare_label = C.bare_goal_label(heading)
            state.kind = "goal_item"
            return

        measures = self.measure_run
        if measures is not None and (section.level < measures[0] or own is not None
                                     or section.parent_index != measures[1]):
            measures = self.measure_run = None
        if own == "indicator" and section.index not in self.filled_sections:
            # "Så mäter vi" over nothing of its own, then a measure a heading at its level
            self.measure_run = (section.level, section.parent_index)
        elif measures is not None and section.level == measures[0] and _names_a_measure_heading(heading):
            # "Så mäter vi" / "Behörighet till yrkesprogram, årskurs 9" / the level it shall reach
            self.measure_headings[section.index] = self.add_indicator(
                C.clean_text(heading), section.page, section.bbox, "heading",
                Anchor(None, self.nearest_goal(), self.region))
            state.kind = "goal_item"
            return
        run = self.action_run
        if run is not None and (section.level < run[0] or own is not None or section.parent_index != run[1]):
            run = self.action_run = None
        if own == "activity" and section.index not in self.filled_sections:
            # "Aktiviteter 2026" over nothing of its own, then an action a heading at its level
            self.action_run = (section.level, section.parent_index)
        elif run is not None and section.level == run[0] and prose.opens_with_action(heading) \
                and len(heading.split()) <= MAX_ACTION_HEADING_WORDS:
            # "Aktiviteter 2026" / "Genomföra en kulturvecka i kommunens mindre orter" / its description
            self.add_activity(C.clean_text(heading), section.page, section.bbox, "heading",
                              Anchor(None, self.nearest_goal(), self.region))
            state.kind = "goal_item"
            return
        field = self.action_fields.get(section.parent_index)
        if field is not None:
            # "Uppföljning" under an action heading: its text is the action's follow-up
            name = C.activity_field(C.column_role(heading).role)
            if name is not None:
                self.field_for[section.index] = (field, name)
            state.kind = "goal_item"
            return
        closed = closing_status(heading) if own is None else None
        if closed is not None:
            # "Ny företagslots i kommunhuset. [Genomförd]": an action reported with where it stands
            self.add_activity(C.clean_text(closed[0]), section.page, section.bbox, "heading",
                              Anchor(None, self.nearest_goal(), self.region), status=closed[1])
            state.kind = "goal_item"
            return
        outlined = self._outline_parent_goal(section)
        if own is None and outlined is not None and not section.bold and prose.names_a_measure(heading) \
                and prose.stated_measure(C.clean_text(heading), in_figures=True):
            # "3.1.1.1 Antalet påbörjade bostäder ska uppgå till minst 40 under 2025" in body type under
            # the goal heading "3.1.1 …": a point of the goal's outline stating a measure and its level
            self.add_indicator(C.clean_text(heading), section.page, section.bbox, "heading",
                               Anchor(outlined, self.nearest_goal(), self.region))
            state.kind = "goal_item"
            return
        if own is None and outlined is not None and not section.bold \
                and prose.is_directed_action(C.clean_text(heading)):
            # "5.1.2.2 Samhällsbyggnadsnämnden ska under 2027 ta fram …" under the goal "5.1.2 …"
            self.add_activity(C.clean_text(heading), section.page, section.bbox, "heading",
                              Anchor(outlined, self.nearest_goal(), self.region))
            state.kind = "goal_item"
            return
        children = self.children.get(section.index, [])
        if own is None and children and C.is_action_description(children[0].heading):
            activity = self.add_activity(
                C.clean_text(heading), section.page, section.bbox, "heading",
                Anchor(None, self.nearest_goal(), self.region),
            )
            self.action_fields[section.index] = activity
            state.kind = "goal_item"
            return
        pairs = self.field_pairs.get(section.index)
        uncoded = C.ITEM_CODE.sub("", C.clean_text(heading), count=1)  # "A1 Bygga upp …": the action's code
        if own is None and pairs is not None and _names_an_action(uncoded):
            # "1.1 Ta fram en plan för …" over "Beskrivning" / …, "Ansvarig" / …, "Genomförs" / …
            if self.scopes and rank <= self.scopes[-1].rank:
                self._pop_scopes(rank)
            served = self.goal_by_code(pairs.goal_code) if pairs.goal_code else None
            self.pair_blocks |= {id(b) for b in pairs.blocks}
            self.add_activity(uncoded, section.page, section.bbox, "heading",
                              Anchor(served, self.nearest_goal(), self.region), **pairs.fields)
            state.kind = "goal_item"
            return
        if own is None and section.index in self.field_tables and not C.is_group_label(heading):
            # "1.1 Tilläggsisolera" over its description and a table of who does it when
            if self.scopes and rank <= self.scopes[-1].rank:
                self._pop_scopes(rank)
            self.open_action = self.add_activity(
                C.clean_text(heading), section.page, section.bbox, "heading",
                Anchor(None, self.nearest_goal(), self.region),
            )
            state.kind = "activity"
            return

        restated = self._restated(heading, own)
        if restated is not None:
            # "Resultatanalys – Ett växande Sala": a goal named again; what follows serves it
            self._pop_scopes(rank)
            self._push_scope(rank, restated.key)
            focus = self._statement_child(restated)
            if focus is not None:
                self._push_scope(rank + 0.5, focus.key)
            state.goal_key = restated.key
            state.kind = own if own in ("indicator", "activity") else "goal_item"
            self.last_goal = (focus or restated).key
            return

        state.paragraph_goals = own not in ("skip", "never") and prose.heads_goal_paragraphs(heading)
        name = prose.area_name(heading) if own in (None, "goal", "goal_area") \
            and section.index not in self.parented_areas and not self._groups_actions(section) else None
        if name is not None:
            # "Utvecklingsområde Läsfrämjande": the goal area "Läsfrämjande"
            self._pop_scopes(rank)
            goal = self.add_goal(name, "kf", section.page, section.bbox, "heading", parent=self.scope_goal)
            self._push_scope(rank, goal.key)
            self.areas[goal.key] = True
            state.goal_key, state.kind = goal.key, "goal_item"
            self.last_goal = goal.key
            return

        reference = C.goal_reference(heading) if own in ("activity", "indicator") else None
        named = self.goal_by_code(reference) if reference else None
        if named is not None:
            # "Aktiviteter – nämndmål 3", "Insatser för att nå nämndmål SN 1": the actions of that goal
            self._pop_scopes(rank)
            self._push_scope(rank, named)
            state.kind = own
            return
        followed = self._followed_up(heading) if own in (None, "never", "activity") else None
        if followed is not None:
            # "Bilaga 1 – uppföljning av infrastrukturåtgärder": follows up "infrastrukturen byggs ut"
            self._pop_scopes(rank)
            self._push_scope(rank, followed.key)
            state.goal_key, state.kind = followed.key, ("activity" if own == "activity" else "goal_item")
            return
        labelled = C.labelled_goal(heading) if own is None else None
        opened = table_rows.goal_label(C.clean_text(heading)) if own == "goal" and labelled is None else None
        if opened is not None and opened[2] and C.is_goal_statement(opened[2]):
            labelled = (opened[0], opened[2])  # "Nämndmål: Alla elever ska känna sig trygga …" as a heading
        if labelled is not None:
            # "Mål – tågresandet ska tredubblas"; "Medel – infrastrukturen byggs ut" under it
            goal = self._labelled_goal(labelled, section.page, section.bbox, "heading", rank, state)
            if opened is not None and opened[1]:
                self.numbered.setdefault(opened[1], goal.key)  # "Nämndmål 2.1: …": later tables name it "2.1"
            return

        titled = table_rows.goal_label(C.clean_text(heading)) if own is None else None
        named = self.goal_by_code(titled[1]) if titled and titled[1] and titled[2] else None
        if named is not None and not C.is_goal_statement(titled[2]):
            # "Nämndmål 1 – Kunskap och behörighet" after a table of the goals: goal 1 under a title of its own
            self._pop_scopes(rank)
            self._push_scope(rank, named)
            state.goal_key, state.kind = named, "goal_item"
            self.last_goal = named
            return

        if own is None and inherited == "goal_item" and section.number \
                and sum(1 for scope in self.scopes if scope.rank < rank) >= 2 \
                and _states_measure_heading(heading):
            # "3.1.2.2 Antalet beslut … som inte verkställts inom tre månader ska minska. Källa: …" under
            # the board's goal "3.1.2 …" under its area "3.1": a numbered clause stating a measure and its
            # level, not a third level of goals
            self.add_indicator(C.clean_text(heading), section.page, section.bbox, "heading",
                               Anchor(None, self.nearest_goal(), self.region), target_text=C.clean_text(heading))
            state.kind = "goal_item"
            return
        is_goal = own is None and not C.is_question(heading) and not C.is_group_label(heading) \
            and section.index not in self.card_sections and not _BOARD_OR_SUM.search(C.clean_text(heading)) and (
            area
            or C.numbered_goal(heading)
            or (inherited == "goal" and 2 <= len(C.clean_text(heading).split()) <= MAX_HEADING_GOAL_WORDS
                and not C.mentions_goals(heading) and section.index not in self.titled_goals
                and not C.names_services(heading))
            # the goal the board's labelled goals under it serve ("Stockholm är en kulturstad …" /
            # "Nämndmål: Stadsbiblioteket är en öppen …")
            or (inherited in ("goal", "goal_item") and section.index in self.labelled_sections
                and 2 <= len(C.clean_text(heading).split()) <= MAX_HEADING_GOAL_WORDS and not C.mentions_goals(heading))
            or (inherited not in ("skip", "never", "indicator", "activity") and C.is_goal_statement(heading)
                and (C.numbered_goal(heading) or not C.mentions_goals(heading)))
            or self._numbered_under_area(section, parent)
        )
        if is_goal:
            statement = C.is_goal_statement(heading)
            if statement and self._area_at(rank) is not None:
                rank += 0.25  # "1.1 Ystad ska vara en trygg kommun" after the area "Trygghet och livskvalitet"
            self._pop_scopes(rank)
            level = "kf" if area else (C.level_in(heading) or self.level(*texts[1:]))
            # "Nämndmål 5: Andelen … ska öka. (inriktningsmål 3)": the goal it serves
            text, parent = self.served_by_reference(C.strip_goal_number(C.clean_text(heading)))
            coded = table_rows.lettered_code(text) if statement else None
            if coded is not None and C.is_goal_statement(coded[1]):
                text = coded[1]  # "HSN 3 Vårdskadorna ska minska": the code names it, it is no part of it
            goal = self.add_goal(
                text, level, section.page, section.bbox, "heading",
                parent=parent, target=self.own_target(text),
            )
            self._push_scope(rank, goal.key)
            self.areas[goal.key] = not statement
            if section.number:
                self.numbered[section.number] = goal.key
            if coded is not None:
                self.numbered.setdefault(coded[0], goal.key)
            state.goal_key = goal.key
            state.kind = "goal_item"
            self.last_goal = goal.key
            return

        if own in ("skip", "never", "goal_area"):
            self._pop_scopes(rank)
        elif own == "goal" and self.scopes:
            top = self.goal_by_key(self.scope_goal)
            cue = C.level_in(heading)
            if top is not None and cue and cue != top.level and rank <= self.scopes[-1].rank:
                self._pop_scopes(rank)  # "Nämndens egna utvecklingsmål" after the KF goal areas
        elif own is None and self.scopes and rank < self.scopes[-1].rank:
            self._pop_scopes(rank)
        if own in ("skip", "never"):
            state.kind = own
        elif own is not None and own != "goal_area":
            state.kind = own
        elif inherited == "goal_item":
            state.kind = None
        else:
            state.kind = inherited
        if own in ("indicator", "activity") and self.scope_goal is None:
            sibling_goal = self._sibling_goal(section)
            if sibling_goal is not None:
                # "Verksamhetsmål 2026" (one goal), then "Så följer vi upp" / "Så arbetar vi": they serve it
                self._pop_scopes(rank)
                self._push_scope(rank, sibling_goal)

    def _announced_measure(self, block: Block, text: str) -> bool:
        """A bulleted item stating a measure or a target, right under a goal, where
        the plan said the items under each goal are its indicators: "NM1 Fler
        invånare ska …" / "– Antalet besök på biblioteken ska öka från 142 000
        (2024) till minst 150 000."; a numbered item is a goal of the list."""
        if self.measures_under_goals is None or self.last_goal is None:
            return False
        if re.fullmatch(r"\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-hA-H])[.)]?", block.marker or "") \
                or C.ITEM_CODE.match(C.clean_text(block.text, numbering=False)):
            return False
        nested = self.in_goal_list and bool(self.goal_stack) and self.goal_stack[-1][0] < block.depth
        if not (nested or (self.goal_paragraph and not self.in_goal_list)):
            return False
        if prose.names_a_measure(text):
            return True
        stated = targets.parse_target(text)
        return stated is not None and (stated.target_value is not None or stated.direction in ("increase", "decrease"))

    def _run_in_kind(self, block: Block, text: str, state: _SectionState) -> Optional[tuple[str, str]]:
        """(kind, text) of a list item opening with the name of its kind ("– Mått:
        Antal …", "– Insats: Ta fram …"), else None; under a goal's bullet it
        serves that goal."""
        run_in = _RUN_IN_KIND.match(text) if state.kind not in ("skip", "never") else None
        if run_in is None or C.heading_kind(run_in.group(1)) == "skip":
            return None
        named = {"indicator": "indicator", "measure": "indicator",
                 "activity": "activity", "activity_detail": "activity"}.get(C.column_role(run_in.group(1)).role)
        if named is None:
            return None
        if self.in_goal_list and self.goal_stack and self.goal_stack[-1][0] < block.depth:
            self.measured_goal = self.goal_stack[-1][1]
            self.label_goal = (block.depth - 1, self.goal_stack[-1][1])
        return named, text[run_in.end():]

    def _numbered_under_area(self, section: Section, parent: Optional[_SectionState]) -> bool:
        """"1.1 Barn och elever i Österåker når goda kunskapsresultat" under the
        goal area "1 Livskvalitet genom hela livet": a goal numbered under its
        area's number, worded as a clause (three words or more)."""
        above = self._section_for(section.parent_index)
        if parent is None or above is None or parent.goal_key is None or not self.areas.get(parent.goal_key):
            return False
        if not (section.number and above.number and section.number.startswith(above.number + ".")):
            return False
        text = C.clean_text(section.heading)
        return 3 <= len(text.split()) <= MAX_HEADING_GOAL_WORDS and not C.mentions_goals(text) \
            and not C.names_services(text) and not C.is_question(text) and not C.is_group_label(text)

    def _restated(self, heading: str, own: Optional[str]) -> Optional[Goal]:
        """An earlier goal this heading names again (whole, or after a dash)."""
        base = C.strip_goal_number(C.heading_base(heading))
        parts = [base] if own is None else []
        pieces = re.split(r"\s+[–—-]\s+", base, maxsplit=1)
        if len(pieces) == 2:
            parts.append(pieces[1])
        for part in parts:
            found = same_goal(part, self.out.goals)
            if found is not None:
                return found
        return None

    def _statement_child(self, goal: Goal) -> Optional[Goal]:
        """The one stated goal under a goal area (its utvecklingsmål), if any."""
        children = [g for g in self.out.goals if g.parent_key == goal.key and g.source == "prose"]
        return children[0] if len(children) == 1 else None

    def _heads_a_statement(self, section: Section) -> bool:
        """A heading whose subheading states its goal ("Ett hållbart Heby" / "Kommunfullmäktiges utvecklingsmål")."""
        children = self.children.get(section.index, [])
        if re.search(r"\d", section.heading or "") or len((section.heading or "").split()) > 8:
            return False  # a document title ("Uppföljning av aktiviteter januari–april 2024"), not a goal area
        if children and C.heading_kind(children[0].heading) == "goal" and C.is_statement_heading(
                children[0].heading):
            return True
        # "Ett levande Gällivare i hela kommunen" over goals each with its assessment line,
        # the first as a heading ("Fler ska vilja bo …") or a bold paragraph
        heading = section.heading or ""
        if C.is_goal_statement(heading) or C.mentions_goals(heading) or section.index in self.titled_goals:
            return False  # ... not where the section opens with a goal of its own ("Kommunfullmäktiges mål 2 …")
        return section.index in self.assessed_areas or bool(
            children and children[0].index in self.assessed_sections)

    def _sibling_goal(self, section: Section) -> Optional[int]:
        """The one goal stated in the nearest earlier section of goals under the
        same heading, if one."""
        for sibling in reversed(self.children.get(section.parent_index, [])):
            if sibling.index >= section.index:
                continue
            if C.heading_kind(sibling.heading or "") == "goal":
                goals = self.section_goals.get(sibling.index, [])
                return goals[0] if len(goals) == 1 else None
        return None

    def _heads_labelled_goals(self, section: Section) -> bool:
        """A short heading over paragraphs stating a board's goals after their
        label ("1 Ett inkluderande Norrköping" / "Nämndmål 1.1 ..."): the KF goal area."""
        heading = C.strip_goal_number(section.heading or "")
        if self.sole_stated_kf_goal() is not None:
            return False  # the one KF goal stated before: every labelled goal serves it, the heading a theme
        return (section.index in self.labelled_sections and len(heading.split()) <= 8
                and not C.is_question(heading) and not C.is_goal_statement(heading))

    def _groups_actions(self, section: Section) -> bool:
        """A heading whose subheadings are all actions ("Insatsområde A – Validering"
        over "A1 Bygga upp …", "A2 Starta …"): a group of actions, no goal area."""
        children = self.children.get(section.index, [])
        return bool(children) and all(
            _names_an_action(C.ITEM_CODE.sub("", C.clean_text(c.heading or ""), count=1)) for c in children)

    def _heads_coded_goals(self, section: Section) -> bool:
        """A numbered short heading over goal headings coded with its number
        ("1 Barn och unga når sin fulla potential" / "BUN 1.1 Förskolan ska ..."):
        the KF goal area."""
        number = (section.number or "").rstrip(".")
        if not number.isdigit():
            return False
        heading = C.strip_goal_number(section.heading or "")
        if len(heading.split()) > 8 or C.is_question(heading) or C.is_goal_statement(heading):
            return False
        coded = re.compile(rf"^(?:\S+\s+)?{number}\.\d{{1,2}}\s")
        return any(coded.match(child.heading or "") and C.is_goal_statement(child.heading)
                   for child in self.children.get(section.index, []))

    def goal_by_number(self, number: str, level: Optional[str] = None) -> Optional[int]:
        """The goal a table names by number: a numbered goal heading, else the
        n-th goal of the latest list of goals long enough.  ``level``: only a
        goal of that level ("kommunfullmäktigemål 1" is not "Nämndsmål 1")."""
        def fits(key: int) -> bool:
            return level is None or self.goal_by_key(key).level == level

        if number in self.numbered and fits(self.numbered[number]):
            return self.numbered[number]
        letter = re.fullmatch(r"[A-H]", number)  # "KF-mål | A": the first goal of a list lettered "A.", "B."
        if number.isdigit() or letter:
            n = ord(number) - ord("A") + 1 if letter else int(number)
            for goals in reversed(self.goal_lists):
                if 1 <= n <= len(goals) and fits(goals[n - 1]):
                    return goals[n - 1]
        return None

    def _statement_follows(self, index: Optional[int]) -> bool:
        """The goal area's statement has its own heading (as a subheading or right after)."""
        section = self._section_for(index)
        if section is None:
            return False
        following = self._section_for(section.index + 1)
        return self._heads_a_statement(section) or bool(
            following and C.heading_kind(following.heading) == "goal" and C.is_statement_heading(following.heading)
        )

    def _area_at(self, rank: float) -> Optional[int]:
        """The goal area (a goal heading that is not a statement) open at ``rank``."""
        for scope in self.scopes:
            if scope.rank == rank and self.areas.get(scope.goal_key):
                return scope.goal_key
        return None

    # ---- blocks ----------------------------------------------------------

    def section_state(self, index: Optional[int]) -> _SectionState:
        return self.sections.get(index) or _SectionState(own=None, kind=None)

    def _block(self, block: Block) -> None:
        state = self.section_state(block.section_index)
        self.pending_area = False  # "Fokusområden" with a text of its own: the next heading is no area
        if block.kind != "list_item":
            self.in_goal_list = False
            self.label_goal = None
        first = self.first_block
        self.first_block = False
        self.planned_before, self.planned_last = self.planned_last, False  # a planned action closed the block before
        text = C.clean_text(block.text)
        if not text or id(block) in self.pair_blocks:
            return  # a label or value of an action's fields, read with its heading
        before, self.previous_paragraph = self.previous_paragraph, None
        if id(block) in self.assessed_goals and state.kind not in ("skip", "never"):
            self._assessed_goal(block, text, state)
            return
        if block.kind != "list_item":
            if self._field_line(block, text, state, first):
                return
            if self._timed_action(block, before, text, state):
                return
            if before is not None and self._action_with_status(before, text, state):
                return
            if before is not None and self._titled_action(before, text, state):
                return
            self._note_title(text, block.page, block.bbox)
            self._paragraph(block, text, state, first)
            self.previous_paragraph = (block, text)
            return
        self.title_line = None
        if self.coded and (self.coded_closed or self.coded_kind == "goal"):
            # "V5 Gång- och cykelvägnätet ska …" stated whole, "NM1 Fler invånare ska …" over bulleted
            # items: its goal before its measures
            self.flush_coded()
        if text[:1] in "=*†":
            return  # "= uppgiften publiceras i december": the legend of a table's marks
        if self._closes_last_action(text):
            return
        label, colon, rest = text.partition(":")
        if colon and len(label.split()) <= 2 and C.status_word(label) is not None and C.mentions_goals(rest):
            return  # "Grön: målet bedöms nås vid årets slut.": the legend of a colour scale
        kind = self.lead[0] if self.lead else state.kind
        timed = None
        if colon and len(label.split()) <= 3 and is_period(label) and prose.opens_with_action(rest.strip()):
            kind, text, timed = "activity", rest.strip(), label.strip()  # "Vt 2026: Ta fram en plan …"
        named = self._run_in_kind(block, text, state)
        if named is not None:
            kind, text = named
        titled = self.goal_title if not self.lead and state.kind not in ("skip", "never") else None
        if titled is not None and C.is_goal_statement(_RUN_IN_UNIT.sub("", text, count=1)):
            kind = "goal"  # "Avdelningarnas verksamhetsmål 2026" over a list of goals
        if kind not in ("indicator", "skip") and labels_a_target(text):
            kind = "indicator"  # "Andel ... – utfall 2024: 66 %, målvärde 2025: minst 72 %"
        elif kind in (None, "goal", "goal_item") and _measured_line(text):
            kind = "indicator"
        elif kind in (None, "goal", "goal_item") and self._announced_measure(block, text):
            kind = "indicator"  # "– Antalet besök på biblioteken ska öka …" under its goal, as the plan said
        elif kind in (None, "goal_item") and _labelled_action(text):
            kind = "activity"  # "Införa digital signering … (ansvar: verksamhetschef; status: pågår)" under a goal
        elif kind in (None, "goal", "goal_item") and prose.opens_with_done_action(text):
            kind = "activity"  # "Genomförde trygghetsvandringar …" under a goal of a follow-up: an action done
        if kind == "goal_item" and self.scope_goal is not None and prose.names_a_measure(text) \
                and not C.is_goal_statement(text) and not prose.is_note(text):
            kind = "indicator"  # "a) Andel elever i årskurs 5 som känner sig trygga i skolan" under its goal
        after = self.lead_owners.get(id(block))
        # the goal whose measures follow ("2. Fler vuxna …" / "Så här mäter vi"), even after the measures
        # of the goal before; before a label of actions, only a goal the list is about (not a measure)
        owner = after == "indicator" and (state.kind == "goal" or self.lead is not None) or (
            after == "activity" and (state.kind == "goal" or self.lead is not None)
            and (self.lead is None or self.lead[0] == "goal"))
        if owner:
            kind, self.lead = "goal", None  # the goal the next "Så här mäter vi" measures
        cited = PARENT_REFERENCE.search(text) if kind in (None, "goal", "goal_item") else None
        cited_goal = self.goal_by_number(cited.group("number"), C.level_in(cited.group("label"))) if cited else None
        if cited_goal is not None and C.is_goal_statement(text[:cited.start()]):
            # "Fler bostäder ska byggas i hela kommunen (inriktningsmål 3)": a goal under the goal it names
            kind, text = "goal", text[:cited.start()].rstrip()
        else:
            cited_goal = None
        if kind in (None, "goal", "goal_item") and C.is_goal_statement(text):
            rank = self._area_rank(block, text, max_words=MAX_HEADING_GOAL_WORDS)
            if rank is not None:
                # "1. Motala ska vara en attraktiv kommun …" over the headings "1.1 …", "1.2 …": their goal
                self._pop_scopes(rank)
                goal = self.add_goal(text, "kf", block.page, block.bbox, "list", parent=self.scope_goal,
                                     target=self.own_target(text))
                self._push_scope(rank, goal.key)
                self.last_goal = goal.key
                return
        if kind == "goal":
            if C.is_group_label(text) or C.is_question(text) or prose.is_reference(text) or prose.is_fragment(text, words_only=True):
                return
            if _calendar_entry(text):
                return  # "Maj: lägesrapport till folkhälsorådet.": a date in the follow-up calendar
            if text[:1].islower() and not (C.is_goal_statement(text) or prose.is_nominal_goal(text)):
                return  # "... särskilt fokus på:" / "matsvinnet i kommunens egna kök": what a goal is about
            lead_text = self.lead[1] if self.lead else (titled[1] if titled else None)
            if titled is not None:
                # "Familjehemsenheten: Minst 20 nya familjehem ska …": the unit's label is no part of the goal
                text = _RUN_IN_UNIT.sub("", text, count=1)
            own_cue = C.level_in(state.texts[0]) if state.texts and state.own == "goal" else None
            level = own_cue or self.level(lead_text, *state.texts)
            tree = _GOAL_WITH_CODED_CHILDREN.match(text)
            if tree:
                # "Sandviken ska vara en trygg kommun … N1 Barn och unga … N2 …": a goal over its coded goals
                parent = self.add_goal(tree.group("head"), "kf", block.page, block.bbox, "list",
                                       parent=self.scope_goal, target=self.own_target(tree.group("head")))
                rest = text[tree.end():]
                for offset, item in C.coded_items(rest):
                    code = C.ITEM_CODE.match(rest[offset:])
                    child = self.add_goal(item, "namnd", block.page, block.bbox, "list", parent=parent.key,
                                          target=self.own_target(item))
                    if code:
                        self.numbered.setdefault(code.group(1), child.key)
                self.last_goal = parent.key
                return
            coded = table_rows.lettered_code(text)  # "SBN 1 Det ska finnas planlagd mark …"
            if coded:
                text = coded[1]
            short = _RUN_IN_UNIT.match(text) if not coded and titled is None else None
            if short and len(short.group(0).split()) <= MAX_SHORT_NAME_WORDS and C.is_goal_statement(text[short.end():]):
                # "Livskvalitet: Lekebergs invånare ska …": the goal's short name, by which tables name it
                text = text[short.end():]
                coded = (short.group(0).rstrip(": "), text)
            quoted = prose.quoted_goal(text)
            assessed = C.attainment(text) if quoted else None
            if quoted is not None and assessed is not None:
                # "Nämndmålet ”Fler elever ska ha en hög närvaro i skolan” bedöms inte uppfyllas under året."
                text = quoted
            if not self.in_goal_list:
                self.goal_stack = []
            while self.goal_stack and self.goal_stack[-1][0] >= block.depth:
                self.goal_stack.pop()
            outer = self.goal_by_key(self.goal_stack[-1][1]) if self.goal_stack else None
            if outer is not None and coded and outer.level == self.default_level == "namnd" \
                    and outer.level == level and not own_cue:
                outer.level = "kf"  # the goals the board's coded goals nest under are the council's
            parent = cited_goal if cited_goal is not None else outer.key if outer is not None else self.scope_goal
            goal = self.add_goal(text, level, block.page, block.bbox, "list", parent=parent,
                                 target=self.own_target(text))
            if assessed is not None and goal.status is None:
                goal.status, goal.status_text = assessed
            if coded:
                self.numbered.setdefault(coded[0], goal.key)
            self.goal_stack.append((block.depth, goal.key))
            self.last_goal = goal.key
            self.measured_goal = goal.key if owner else None
            if not self.in_goal_list:
                self.goal_lists.append([])
            self.goal_lists[-1].append(goal.key)
            self.in_goal_list = True
            letter = re.fullmatch(r"([A-H])\.?", block.marker or "")
            if letter:  # "A. Karlskronaborna har …": tables name it "A"
                self.numbered.setdefault(letter.group(1), goal.key)
            lower = re.fullmatch(r"([a-h])[.)]", block.marker or "")
            if lower:  # "a) Fler barn …" under this area: a table below names it "a)" (the letters start anew)
                if lower.group(1) == "a":
                    self.lettered_goals = {}
                self.lettered_goals[lower.group(1)] = goal.key
            return
        elif kind == "indicator":
            if C.is_group_label(text):
                return
            coded = coded_field_item(text)
            if coded is not None:
                # "Installerad effekt i solceller, MW [E1]: utgångsläge 9,8 (2024) | målnivå minst 25"
                fields, code = coded
                self.add_fielded_indicator(fields.body, block.page, block.bbox, "list",
                                           Anchor(self.goal_by_code(code), self.nearest_goal(), self.region), fields)
                return
            above = self.list_indicator
            field = labelled_field(text) if above is not None and block.depth > above[0] else None
            if field is not None:
                # "– Utgångsläge: 38 600 (2024)" / "– Målvärde 2026: minst 42 000" under the indicator: its fields
                self._indicator_field(above[1], *field)
                return
            measured = self.measured_goal
            if measured is None and self.in_goal_list and self.goal_stack and self.goal_stack[-1][0] < block.depth:
                measured = self.goal_stack[-1][1]  # "– Gästnätter …: 38 200 (2024) » minst 50 000" under its goal's bullet
            elif measured is None and self.measures_under_goals is not None and self.goal_paragraph \
                    and not self.in_goal_list:
                measured = self.last_goal  # "NM1 Fler invånare ska …" / "– Antalet besök … ska öka …"
            anchor = Anchor(measured, self.nearest_goal(), self.region)
            section = self._section_for(block.section_index)
            year = (C.heading_year(section.heading) if section else None) or self.document_year  # "Resultatmått 2026"
            fielded = trailing_indicator_fields(text)
            if fielded is not None and fielded.body:
                # "Antal färdigställda bostäder. Utgångsläge 142 (2024). Målnivå 2026: minst 200."
                indicator = self.add_fielded_indicator(fielded.body, block.page, block.bbox, "list", anchor, fielded)
                self.list_indicator = (block.depth, indicator)
                return
            # "Antal aktiva låntagare: minst 34 000"; "Antal ...: 26 (2023: 19), målvärde minst 20"
            split = indicator_value_tail(text, outcome_period=str(year) if year else None)
            if split is not None:
                split.target_year = split.target_year or year
                indicator = self.add_fielded_indicator(split.body, block.page, block.bbox, "list", anchor, split)
            else:
                indicator = self.add_indicator(text, block.page, block.bbox, "list", anchor)
            self.list_indicator = (block.depth, indicator)
            lettered = re.fullmatch(r"([a-h])\)", block.marker or "")
            if lettered and section is not None and section.number:
                # "4.1.1" / "a) Andel elever …": an appendix names it "4.1.1 a"
                self.indicator_refs[f"{section.number} {lettered.group(1)}"] = indicator
        elif kind == "activity":
            label = C.label_reference(text)
            if label:
                # "Delmål 1.1" over the actions of that goal: a label, not an action
                self.label_goal = (block.depth, self.goal_by_number(label))
                return
            if self.label_goal and block.depth <= self.label_goal[0]:
                self.label_goal = None
            rank = self._area_rank(block, text)
            if rank is not None:
                # "1. Minskad energianvändning" over the actions "1.1", "1.2": their area
                self._pop_scopes(rank)
                goal = self.add_goal(text.rstrip("."), "kf", block.page, block.bbox, "list", parent=self.scope_goal)
                self._push_scope(rank, goal.key)
                self.area_goal = self.last_goal = goal.key
                return
            if id(block) in self.list_heads and names_a_unit(text):
                self.unit_label = (block.depth, text)  # "Grundskolenämnden" over its actions: who does them
                return
            if self.unit_label and block.depth <= self.unit_label[0]:
                self.unit_label = None
            printed_status = None
            leading = _LEADING_STATUS.match(text)
            if leading and C.activity_status(leading.group(1)) and prose.opens_with_action(text[leading.end():]):
                # "Pågår: Införa gemensamma ordningsregler …": the status first, then the action
                text, printed_status = text[leading.end():].strip(), leading.group(1)
            trailing = _TRAILING_STATUS.search(text)
            said = (trailing.group(1) or trailing.group(2)) if trailing else None
            if said and C.activity_status(said):
                # "Dela in hemtjänsten i mindre arbetslag – pågår", "… (pågår)"
                text, printed_status = text[:trailing.start()].rstrip(), said
            if C.heading_kind(text) == "skip":
                return  # "Kommunledningskontoret ges i uppdrag att …": an assignment, no action of the plan
            reported = _REPORTED_AFTER.match(text) if prose.opens_with_action(text) else None
            if reported and _REPORT_VERB.search(reported.group("report")) and "status" not in (printed_status or ""):
                # "Införa en gemensam modell för högläsning. Arbetet har kommit igång i 21 av 27 förskolor.":
                # the action, then how it stands
                text, printed_status = reported.group("action"), printed_status or reported.group("report")
            if _NAMED_STEP.match(text) and not prose.opens_with_action(text):
                return  # "Kartläggning – förvaltningarna tar fram …": a step of the process explained, no action
            reference = PARENT_REFERENCE.search(text)
            if reference and self.goal_by_number(reference.group("number")) is not None:
                # "Utöka lovskolan ... (mål 1.1)": the goal it serves, named by number
                self.label_goal = (-1, self.goal_by_number(reference.group("number")))
                text = text[:reference.start()].rstrip()
            coded_tail = _CODE_TAIL.search(text)
            tail_unit = None
            if coded_tail and self.goal_by_code(coded_tail.group("code")) is not None:
                # "Införa digital inlämning … – bygg och miljö (V1)": who does it, and the goal served
                self.label_goal = (-1, self.goal_by_code(coded_tail.group("code")))
                tail_unit = coded_tail.group("unit")
                text = text[:coded_tail.start()].rstrip()
            served_tail = _SERVED_GOAL_TAIL.search(text) if not coded_tail else None
            timed_tail, served_here = None, False
            if served_tail and self.goal_by_code(served_tail.group("code")) is not None:
                # "Genomföra cykelträning … – etappmål T5, varje vår": the goal served, and when
                self.label_goal = (-1, self.goal_by_code(served_tail.group("code")))
                timed_tail, served_here = served_tail.group("timeline"), True
                text = text[:served_tail.start()].rstrip()
            run_in_unit = _RUN_IN_UNIT.match(text)
            if run_in_unit and names_a_unit(run_in_unit.group(0).rstrip(": ")) and not tail_unit:
                # "Barn- och utbildningsnämnden: Införa systematisk screening …": who does it, then what
                tail_unit, text = run_in_unit.group(0).rstrip(": "), text[run_in_unit.end():]
            body, fields = C.inline_fields(text)
            if tail_unit and "responsible" not in fields:
                fields["responsible"] = tail_unit.strip()
            above = self.list_action
            if not body and fields and above is not None and block.depth > above[0]:
                # "– Ansvar: Sjukhusförvaltningarna" / "– Klart: Juni 2026" under an action: its fields
                for name, value in fields.items():
                    if getattr(above[1], name) is None:
                        setattr(above[1], name, value)
                return
            if not prose.is_fragment(text):  # "i dialog och samverkan": the rest of a sentence, no action
                # fields read above: "... Ansvar: rektorer. Tid: ht 2025."
                tail = activity_tail(body or text)  # "... (Ansvar: Jobbcenter, klart juni 2025)"
                if tail is not None:
                    body, more = tail
                    fields = {**more, **fields}
                labelled = self.label_goal[1] if self.label_goal else None
                short = _CLOSING_NAME.search(body or text)
                if short and short.group(1) in self.numbered:
                    # "… har införts. [Attraktivitet]": the goal served, by the short name it was given
                    body, labelled = (body or text)[:short.start()].rstrip(), self.numbered[short.group(1)]
                bracketed = bracketed_fields(body or text) if tail is None else None
                if bracketed is not None:  # "… [B1 • Miljö- och byggnämnden • 2026–2028]"
                    body, more, code = bracketed
                    fields = {**more, **fields}
                    labelled = (self.goal_by_code(code) if code else None) or labelled
                if self.unit_label and "responsible" not in fields:
                    fields["responsible"] = self.unit_label[1]
                if printed_status and "status" not in fields:
                    fields["status"] = printed_status
                if (timed or timed_tail) and "timeline" not in fields:
                    fields["timeline"] = timed or timed_tail
                action = self.add_activity(body or text, block.page, block.bbox, "list",
                                           Anchor(labelled, self.nearest_goal(), self.region), **fields)
                self.list_action = (block.depth, action)
                if reference or served_here:
                    self.label_goal = None

    def _outline_parent_goal(self, section: Section) -> Optional[int]:
        """The goal numbered as the parent of a section's number ("3.1.1" for
        "3.1.1.2"), unless a sibling point is itself a goal ("3.3.1" and
        "3.3.2" goals, so "3.3.3" is one too)."""
        if not section.number or "." not in section.number:
            return None
        above = section.number.rsplit(".", 1)[0]
        siblings = re.compile(re.escape(above) + r"\.\d+")
        if any(siblings.fullmatch(number) for number in self.numbered):
            return None
        if above in self.numbered:
            return self.numbered[above]
        parent = self._section_for(section.parent_index)
        state = self.sections.get(parent.index) if parent is not None and parent.number == above else None
        return state.goal_key if state is not None else None  # "5.1.2 Mål: Salem ska växa …"

    def _outline_point(self, block: Block, state: _SectionState) -> Optional[tuple[Section, str, str]]:
        """(section, number, text) of a paragraph opening with a point of a
        decimal outline ("4.2.1.2 …") under a goal heading with a number of
        its own; None for another paragraph."""
        section = self._section_for(block.section_index)
        if state.kind != "goal_item" or section is None or not section.number or self.scope_goal is None:
            return None
        point = _OUTLINE_POINT.match(block.text)
        if point is None:
            return None
        return section, point.group(1), C.clean_text(block.text[point.end():])

    def _outline_goal(self, block: Block, state: _SectionState) -> bool:
        """"4.2.1.2 Grundskolan: Rastverksamheten ska vara organiserad …" under
        the goal heading "4.2.1 …": a point one level down a decimal outline,
        stated as one goal (after a label naming its part of the organisation),
        is a goal under the heading's, as it would be set as a heading; the
        points after it serve it."""
        found = self._outline_point(block, state)
        if found is None:
            return False
        section, number, body = found
        above = number.rsplit(".", 1)[0]
        # one level below the heading's number, or its sibling ("4.2.1.2" after the heading "4.2.1.1")
        if above not in (section.number, section.number.rsplit(".", 1)[0]):
            return False
        label = _PART_LABEL.match(body)
        stated = body[label.end():] if label else body
        if len(C.sentences(stated)) != 1 or not C.is_goal_statement(stated) or prose.names_a_measure(stated):
            return False
        rank = float(section.level) + (0.5 if above == section.number else 0.0)
        self._pop_scopes(rank)
        goal = self.add_goal(stated, self.level(*state.texts), block.page, block.bbox, "list",
                             parent=self.scope_goal, target=self.own_target(stated))
        self.numbered.setdefault(number, goal.key)
        self._push_scope(rank, goal.key)
        self.last_goal = goal.key
        return True

    def _outline_measure(self, block: Block, state: _SectionState) -> bool:
        """"3.1.1.1 Andelen brukare … var 84 procent i … 2025. Målvärdet för
        2026 är att andelen ska vara minst 88 procent." under the goal heading
        "3.1.1 …": a point of a decimal outline reporting a measure is one
        indicator of that goal, its target the sentence after that states one;
        a point naming its measures after a lead ("Som mått används andelen …")
        gives them by name."""
        found = self._outline_point(block, state)
        if found is None or found[1].rsplit(".", 1)[0] != found[0].number:
            return False
        body = found[2]
        sentences = C.sentences(body)
        named = prose.named_measures(sentences[0]) if sentences else []
        if named:
            # "4.2.1.1 Som mått används andelen legitimerade förskollärare …. … Andelen ska 2026 uppgå till …"
            self._named_measures(named, sentences, 0, set(), block)
            return True
        if len(sentences) < 2 or not prose.names_a_measure(sentences[0]) or C.is_goal_statement(sentences[0]):
            return False
        stated = next((s for s in sentences[1:] if prose.states_target(s)), None)
        self.add_indicator(body, block.page, block.bbox, "list", Anchor(None, self.nearest_goal(), self.region),
                           target_text=stated)
        return True

    def _paragraph(self, block: Block, text: str, state: _SectionState, first: bool) -> None:
        if prose.announces_measures_under_goals(text):
            section = self._section_for(block.section_index)
            self.measures_under_goals = section.level if section else 0
        measure = self.measure_headings.get(block.section_index)
        if measure is not None:
            if not measure.targets:  # the first sentence under it that sets a level or a direction
                stated = next((s for s in C.sentences(text) if prose.stated_measure(s)), None)
                if stated is not None:
                    measure.targets.append(targets.parse_target(stated, known_target=True))
            return
        if block.section_index in self.field_for:
            activity, name = self.field_for[block.section_index]
            if getattr(activity, name) is None:
                setattr(activity, name, text)
            return
        if self._horizon_goal(block, text, state):
            return
        if self._outline_goal(block, state) or self._outline_measure(block, state):
            return
        if self._caption_goal(block, text, state):
            return
        year = prose.horizon_year(text) if block.bold and self.scope_goal is not None else None
        if year is not None and state.kind not in ("skip", "never", "indicator", "activity") \
                and len(C.sentences(text)) == 1:
            # "1 Ett friskt hav" / "År 2040 har havet … god ekologisk status …" in bold: its long-term goal
            goal = self.add_goal(text, self.level(*state.texts), block.page, block.bbox, "prose",
                                 parent=self.scope_goal, target=Target(text=text, direction="reach", target_year=year))
            self.stated_targets.add(goal.key)  # the state by that year is its own level, kept under its subgoals
            self.govern(block.section_index, goal.key, 0.25)
            return
        code_alone = bool(table_rows.is_code(text) and table_rows.code_scheme(text))
        coded_start = bool(C.ITEM_CODE.match(C.clean_text(block.text, numbering=False)))
        if self.coded and self.coded_closed and not (code_alone or coded_start):
            self.flush_coded()  # "E3" / its goal, then "Etappmål E1–E3 bidrar till …": the run has ended
        elif self.coded and not (code_alone or coded_start) and \
                activity_tail(C.clean_text(self.coded[-1][0].text)) is not None:
            self.flush_coded()  # "Å2 Erbjuda … (ansvar: …; klart: …)." closed by its fields: what follows is no part of it
        # "KTN 1 Resandet … ska öka …." in bold over its description: a goal heading in all but type
        whole = coded_start and block.bold and state.kind == "goal"
        # "UN 1 Barnen … ska …" under a heading of goals, or under any heading as a coded list item would be
        goal_coded = (state.kind in ("goal_item", None) or whole) and coded_start and C.is_goal_statement(text)
        if (state.kind in ("activity", "goal") or goal_coded or (self.coded and state.kind == "goal_item")) and (
                self.coded or coded_start or code_alone):
            # "T1 Bygga ut ..." actions, "V1 Minst 90 procent ... (ÄN 1.2)" goals: coded items in running
            # text; or a code alone, its item in the next paragraph ("RF 1" / "Hela Gotland ska vara …")
            self.coded_closed = (bool(self.coded) and self.coded_alone_last and not code_alone) or (
                goal_coded and (state.kind == "goal_item" or whole))  # a coded goal stated whole in its paragraph
            self.coded_scope = goal_coded  # ... which governs what follows, as a goal heading would
            self.coded_alone_last = code_alone
            self.coded_kind = state.kind
            self.coded_level = self.level(*state.texts)
            self.coded.append((block, Anchor(None, self.nearest_goal(), self.region)))
            return
        fields = action_field_line(text)
        if fields is not None and self.last_action_block is not None:
            # "Etappmål: E1 | Ansvar: Fastighetsavdelningen | Tidsplan: 2026–2029" under "Åtgärd 1. Installera …"
            self._apply_action_fields(self.last_action_block, fields)
            self.last_action_block = None
            return
        self.last_action_block = None
        labelled_action = _ACTION_LABEL.match(text)
        if labelled_action and text[labelled_action.end():][:1].isupper() and state.kind not in ("skip", "never"):
            # "Åtgärd 1. Installera solceller på alla lämpliga tak …": an action under its label
            self.last_action_block = self.add_activity(
                text[labelled_action.end():].strip(), block.page, block.bbox, "prose",
                Anchor(None, self.nearest_goal(), self.region))
            return
        titled = self.goal_title
        self.goal_title = None
        if titled is not None and C.is_goal_statement(text) and len(C.sentences(text)) == 1 \
                and len(text.split()) <= MAX_TITLED_GOAL_WORDS and not self.opens_with_form_label(text):
            # "Kommunfullmäktiges mål i miljöprogrammet" / "Värmdö ska vara en klimatneutral kommun senast 2040."
            # (not a form repeating its labels: "Verksamhetsmål med … Kommunen ska …")
            goal = self.add_goal(text, titled[0], block.page, block.bbox, "prose", parent=self.scope_goal,
                                 target=self.own_target(text))
            self.last_goal = goal.key
            self.goal_title = titled
            return

        bare, self.bare_label = self.bare_label, None
        labelled_goal, self.labelled_goal = self.labelled_goal, None
        known = self.goal_by_number(bare[1]) if bare is not None else None
        if known is not None and not (C.is_goal_statement(text) and len(C.sentences(text)) == 1):
            # "Nämndmål 1.1" / a comment on goal 1.1, read before ("… Målet bedöms därför uppnås delvis."):
            # no new goal; what follows serves it
            self.govern(block.section_index, known)
        elif bare is not None and len(text) <= MAX_STATEMENT_CHARS and not C.is_lead_in(text):
            self._bare_labelled_goal(block, text, state, *bare)
            self.labelled_goal = self.last_goal
            return
        served_label, self.served_label = self.served_label, None
        if served_label is not None:  # "Bidrar till" / "Kommunfullmäktiges mål 1": one line set as two
            labelled_goal = served_label[1]
        parent_ref = table_rows.SERVES_LINE.match(f"{served_label[0]} {text}" if served_label else text)
        if labelled_goal is not None and not parent_ref and C.labels_a_served_goal(text) and len(text.split()) <= 3:
            self.served_label = (text.rstrip(":"), labelled_goal)
            return
        if parent_ref and labelled_goal is None:
            labelled_goal = self.last_goal  # "Målet bidrar till fullmäktiges mål 2." under the goal it follows
        if parent_ref and labelled_goal is not None:
            # "Bidrar till kommunfullmäktigemål 1" under the goal: its parent
            parent = self.goal_by_number(parent_ref.group("number"), C.level_in(parent_ref.group("label") or ""))
            if parent is not None and parent != labelled_goal:
                set_parent(self.out.goals, self.goal_by_key(labelled_goal), parent)
            return
        if C.bare_goal_label(text) and state.kind not in ("skip", "never"):
            self.bare_label = C.bare_goal_label(text)
            return
        if _GOAL_TITLE.match(text) and C.mentions_goals(text) and not C.goal_label(text) \
                and _label_kind(text) not in ("indicator", "activity") and state.kind not in ("skip", "never"):
            self.goal_title = (C.level_in(text) or self.level(*state.texts), text)  # the goals follow, one a paragraph
            return
        if fields is not None and self.open_action is not None:
            self._apply_action_fields(self.open_action, fields)
            self.open_action = None
            return
        if self.open_action is not None:
            action = self.open_action  # its description, until its table of fields
            action.detail = f"{action.detail} {text}" if action.detail else text
            return
        if self.area_goal is not None:
            area, self.area_goal = self.area_goal, None
            if len(text) <= MAX_STATEMENT_CHARS and _YEAR.search(text):
                # "Blekinge bidrar till Sveriges mål om 50 procent effektivare energianvändning till år 2030"
                self._area_statements(block, text, area)
                return
        if state.kind in ("activity", None) and self.scope_goal is None and C.names_a_goal(text):
            # "Åtgärderna inom området bidrar till målet om fossilfria verksamheter"
            named = goal_named_in(text, self.out.goals)
            if named is not None:
                section = self._section_for(block.section_index)
                self._push_scope((section.level if section else 0) + 0.5, named.key)
                return
        if (
            state.goal_key is not None
            and self.areas.get(state.goal_key)
            and self._statement_child(self.goal_by_key(state.goal_key)) is None
            and not self._statement_follows(block.section_index)
            and block.section_index not in self.labelled_sections  # its goals carry labels
        ):
            area = self.goal_by_key(state.goal_key)
            sentence = C.area_statement(text, area.text) if area.level == "kf" else None
            if sentence:
                goal = self.add_goal(sentence, "kf", block.page, block.bbox, "prose", parent=area.key)
                section = self._section_for(block.section_index)
                self._push_scope((section.level if section else 0) + 0.5, goal.key)
                self.last_goal = goal.key
                if not C.is_lead_in(text):
                    return
        label = _label_kind(text)
        if label == "goal_area":
            self.pending_area = True  # "MÅLOMRÅDE 1" over the area's heading
            return
        if label in ("indicator", "activity", "goal") and state.kind not in ("skip", "never"):
            self.lead = (label, text)  # "Så här mäter vi" over the list of measures
            return
        if self.lead and self.lead[0] == "indicator" and self._indicator_lines(block, text, state):
            return
        if self._prose(block, text, state):
            return
        if C.is_lead_in(text):
            # the sentence that leads in ("Måluppföljningen visar att:"), in a section that may hold items
            kind = prose.lead_kind(text)
            # under "Vision och styrning" too, "Kommunfullmäktige har beslutat om tre strategiska mål:" leads goals
            allowed = state.kind not in ("skip", "never") or (
                state.kind == "never" and kind == "goal" and _NAMES_GOALS.search(C.sentences(text)[-1]) is not None)
            self.lead = (kind, text) if kind and allowed else None
            reference = C.goal_reference(text) if kind == "activity" else None
            if reference and self.goal_by_code(reference) is not None:
                self.label_goal = (-1, self.goal_by_code(reference))  # the list serves that goal
            return
        if C.is_group_label(text):
            return
        if self.lead and self.led_item(block, text, state):
            return  # a list of one printed without its bullet
        self.lead = None
        found = C.attainment(text)
        if found and self.last_goal is not None:
            goal = self.goal_by_key(self.last_goal)
            if goal is not None and goal.status is None:
                goal.status, goal.status_text = found
        if (
            first
            and state.own == "goal"
            and state.texts
            and C.is_statement_heading(state.texts[0])
            and not C.mentions_goals(text)
            and len(text) <= MAX_STATEMENT_CHARS
            and len(re.findall(r"[.!?](?:\s|$)", text)) <= 2
            and not C.is_question(text)
            and not _META_START.match(text)
        ):
            # "Kommunfullmäktiges utvecklingsmål" followed by its one sentence
            level = self.level(*state.texts)
            goal = self.add_goal(
                text, level, block.page, block.bbox, "prose",
                parent=self.scope_goal, target=self.own_target(text),
            )
            self.govern(block.section_index, goal.key)
        else:
            self.short_item(block, text, state)

    def _indicator_lines(self, block: Block, text: str, state: _SectionState) -> bool:
        """Indicators under an "Indikatorer" label set as plain lines, each its
        name and fields ("Andel bygglovsbeslut inom lagstadgad tid, %: 91 (helår
        2025: 88; mål 2026: minst 95)"), run together into one paragraph; True
        when the paragraph was such lines (the label then leads the next one too)."""
        if state.kind in ("skip", "never"):
            return False
        lines = _INDICATOR_LINE_BREAK.split(text)
        found = [indicator_value_tail(line) for line in lines]
        if not all(f is not None and f.target_text for f in found):
            return False
        anchor = Anchor(self.measured_goal, self.nearest_goal(), self.region)
        for fields in found:
            self.add_fielded_indicator(fields.body, block.page, block.bbox, "prose", anchor, fields)
        return True

    def _assessed_goal(self, block: Block, text: str, state: _SectionState) -> None:
        """A goal set as a bold paragraph over its assessment line: read as a goal
        heading would be, a sibling of the goal the section's heading states."""
        section = self._section_for(block.section_index)
        prior = next((scope for scope in self.scopes if scope.goal_key in self.assessed_keys), None)
        if prior is not None:
            rank = prior.rank  # the goal after the last one's actions: a sibling
        else:
            rank = section.level if section else 0
            if state.goal_key is None or self.areas.get(state.goal_key) \
                    or block.section_index not in self.assessed_sections:
                # below an area, a goal not assessed itself ("I Järfälla ska …") or another heading
                rank += 0.5
        self._pop_scopes(rank)
        goal = self.add_goal(text, self.level(*state.texts), block.page, block.bbox, "prose",
                             parent=self.scope_goal, target=self.own_target(text))
        self._push_scope(rank, goal.key)
        self.assessed_keys.add(goal.key)
        self.last_goal = goal.key
        if state.kind in ("activity", "indicator"):
            state.kind = "goal_item"  # the "Aktiviteter" heading above was the previous goal's

    def _field_line(self, block: Block, text: str, state: _SectionState, first: bool) -> bool:
        """An indicator named by the short line or heading above a line of its
        fields ("Utfall 2023: 9 850 | Utfall 2024: 10 420 | Målnivå 2028:
        minst 12 000"); True when the line was one."""
        if state.kind in ("skip", "never"):
            return False
        section = self._section_for(block.section_index)
        meta, self.card_meta = self.card_meta, None
        run = named_field_run(text) if meta is None else None
        if run is not None:
            # "Budgetavvikelse helår, mnkr Prognos augusti 2025: -6,8 Helår 2024: -2,4 Målvärde 2025: 0"
            name, page, bbox, goal_code, kolada = run[0], block.page, block.bbox, None, None
        elif meta is not None:
            name, page, bbox, goal_code, kolada = meta
        elif self.title_line is not None:
            name, page, bbox = self.title_line
            goal_code = kolada = None
        elif first and section is not None and section.heading:
            name, page, bbox = C.clean_text(section.heading), section.page, section.bbox
            goal_code = kolada = None
        else:
            return False
        about = indicator_meta_line(text) if run is None else None
        if about is not None and meta is None:
            # "Nämndmål: N2 | Källa: egen mätning | Mätperiod: …" between the name and its values
            self.card_meta = (name, page, bbox, *about)
            self.title_line = None
            return True
        fields = run[1] if run is not None else field_line(text)
        if fields is None:
            return False
        self.title_line = None
        if self.out.indicators and self.out.indicators[-1].text == C.clean_text(name) \
                and not self.out.indicators[-1].targets:
            self.out.indicators.pop()  # the name, read as an indicator of its own before its fields came
        served = self.goal_by_code(goal_code) if goal_code else None
        self.add_fielded_indicator(name, page, bbox, "prose", Anchor(served, self.nearest_goal(), self.region),
                                   fields, kolada)
        return True

    def _note_title(self, text: str, page: int, bbox) -> None:
        """Remember a short line that may title the table after it (an
        indicator card: "Andel elever ..., %" over "| 2023 | 2024 |" / "Utfall" /
        "Målvärde"); a source line under it gives its Kolada id."""
        card, self.last_card = self.last_card, None
        if _SOURCE_LINE.match(text):
            kpis = kolada_ids(text)
            self.title_kpi = kpis[0] if kpis else self.title_kpi
            if card is not None and self.out.indicators and self.out.indicators[-1] is card:
                self._card_note(card, text, kpis)
            return
        text = C.strip_caption_label(text)  # "Diagram 3. Andel …": the caption's label is numbering
        text, self.title_note = _caption_fields(text)
        short = len(text.split()) <= MAX_TITLE_WORDS and not text.rstrip().endswith((".", ":", "?", "!"))
        self.title_line = (text, page, bbox) if short else None
        self.title_kpi = None

    def title_card(self, indicator: Indicator) -> None:
        """The indicator the title line named has been read from the table under
        it: the fields its caption closed with are its own."""
        self.last_card = indicator
        if self.title_note:
            self._card_note(indicator, self.title_note, [])
            self.title_note = None

    def _card_note(self, card: Indicator, text: str, kpis: list[str]) -> None:
        """The note under an indicator's card, its source and sometimes its
        target ("Källa: SCB via Kolada (N01951). Målvärde 2025: minst 10 230.")."""
        card.kolada_kpi = card.kolada_kpi or (kpis[0] if len(kpis) == 1 else None)
        for sentence in re.split(r"(?<=[.;])\s+(?=[A-ZÅÄÖ])", text):  # "Källa: SCB. Målvärde 2025: …"
            found = labelled_field(sentence.rstrip(". "))
            if found is not None and found[0] == "target" and all(t.text == card.text for t in card.targets):
                card.targets = []  # a level read from its name ("… möter under 14 dagar") gives way
                self._indicator_field(card, "target", found[1], found[2])

    def _closes_last_action(self, text: str) -> bool:
        """A line that closes the parenthesis the action before it left open, set
        apart as an item of its own ("… (N1 • miljö- och byggförvaltningen •
        löpande" / "årligen)"): its fields are read with it.  True when it was."""
        last = self.out.activities[-1] if self.out.activities else None
        if last is None or not _CLOSING_FRAGMENT.fullmatch(text) or last.text.count("(") <= last.text.count(")"):
            return False
        joined = (f"{last.text} {text}", f"{last.text} • {text}")  # the "•" may have been read as its marker
        found = next((f for j in joined for f in (bracketed_fields(j), activity_tail(j)) if f is not None), None)
        if found is None:
            return False
        last.text = found[0]
        for name, value in found[1].items():
            if getattr(last, name) is None:
                setattr(last, name, value)
        served = self.goal_by_code(found[2]) if len(found) > 2 and found[2] else None
        if served is not None:
            self.anchors[("activity", last.key)] = Anchor(served, None, self.region)
        return True

    def _timed_action(self, block: Block, before: Optional[tuple[Block, str]], text: str, state: _SectionState) -> bool:
        """An action after the time it is done, set as a list's marker would be,
        on a line of its own or run in ("Kv 1" / "Dela in hemtjänsten i fyra
        grupper — Hemtjänsten", "Hela året Rekrytera fler familjehem —
        Familjehemsgruppen"); a closing dash names who does it.  True when
        ``text`` was that action."""
        if state.kind in ("skip", "never", "goal", "indicator"):
            return False
        if before is not None and is_period(before[1]) and prose.opens_with_action(text):
            when, block = before[1], before[0]
        else:
            words = text.split()
            n = next((n for n in (1, 2, 3) if len(words) > n + 2 and re.search(r"[^\W\d]", words[0])
                      and is_period(" ".join(words[:n])) and prose.opens_with_action(" ".join(words[n:]))), None)
            if n is None:
                return False
            when, text = " ".join(words[:n]), " ".join(words[n:])
        if any(a.text == text for a in self.out.activities):
            return False
        fields = {"timeline": when}
        unit = _CLOSING_UNIT.search(text)
        if unit:
            text, fields["responsible"] = text[:unit.start()].rstrip(), unit.group("unit")
        self.add_activity(text, block.page, block.bbox, "prose", Anchor(None, self.nearest_goal(), self.region), **fields)
        return True

    def _action_with_status(self, before: tuple[Block, str], text: str, state: _SectionState) -> bool:
        """An action on a line of its own, then its status on the next ("Inrätta en
        företagslots …" / "Genomförd"): a two-column list the table finder did not
        see as a table; True when ``text`` was that status."""
        block, action = before
        if state.kind in ("skip", "never") or not C.activity_status(text) or not prose.opens_with_action(action):
            return False
        if action.endswith((":", "?")) or any(a.text == action for a in self.out.activities):
            return False
        self.add_activity(action, block.page, block.bbox, "prose", Anchor(None, self.nearest_goal(), self.region),
                          status=text)
        return True

    def _titled_action(self, before: tuple[Block, str], text: str, state: _SectionState) -> bool:
        """An action whose short title runs into its description, then a line of
        who and when, under a heading of actions ("Lovaktiviteter i alla
        kommundelar Sommarlovs- och höstlovsaktiviteterna planeras …" / "Ansvar:
        Fritidsenheten • Klart: augusti 2026"); True when ``text`` was that line."""
        block, paragraph = before
        if state.kind != "activity" or any(a.text == paragraph or paragraph.startswith(a.text) for a in self.out.activities):
            return False
        fields = action_field_line(text)
        titled = _run_in_title(paragraph)
        if fields is None or not ({"responsible", "timeline"} & set(fields.fields)) or titled is None:
            return False
        title, rest = titled
        if len(title.split()) < 2 or prose.is_goal_sentence(title):
            return False
        served = self.goal_by_code(fields.goal_code) if fields.goal_code else None
        self.add_activity(title, block.page, block.bbox, "prose", Anchor(served, self.nearest_goal(), self.region),
                          detail=rest.strip(), **fields.fields)
        return True

    def _indicator_field(self, indicator: Indicator, kind: str, column, value: str) -> None:
        """One labelled field read under an indicator: its target, baseline or an outcome."""
        if C.is_blank_value(value):
            return
        if kind == "target" and not indicator.targets and not targets.is_no_target(value):
            found = column_target(value, column.year, header=column.header, indicator=indicator.text)
            indicator.targets.append(found or Target(text=value))
        elif kind == "baseline":
            set_baseline(indicator.targets, value, column.year)
            self.pending_baseline = (indicator, value, column.year) if not indicator.targets else None
        elif kind == "outcome":
            indicator.values.append(IndicatorValue(period=column.value_period, value=parse_value(value), text=value))
        pending = self.pending_baseline
        if kind == "target" and pending is not None and pending[0] is indicator:
            set_baseline(indicator.targets, pending[1], pending[2])  # the baseline printed before the target
            self.pending_baseline = None

    def _apply_action_fields(self, action: Activity, fields) -> None:
        """The fields of a line under an action (who, when, the goal it serves by code)."""
        for name, value in fields.fields.items():
            if getattr(action, name) is None:
                setattr(action, name, value)
        named = self.goal_by_code(fields.goal_code) if fields.goal_code else None
        if named is not None:  # "Kopplat till FS 4": the goal it serves, whatever stands near it
            self.anchors[("activity", action.key)] = Anchor(named, None, self.region)

    def govern(self, section_index: Optional[int], goal_key: int, depth: float = 0.5) -> None:
        """A goal stated in a section (a goal box, a caption, a bold line) governs
        what follows in it, until a goal stated at the same ``depth`` below the
        section's heading replaces it."""
        section = self._section_for(section_index)
        rank = (section.level if section else 0) + depth
        self._pop_scopes(rank)
        self._push_scope(rank, goal_key)
        self.last_goal = goal_key

    def _bare_labelled_goal(self, block: Block, text: str, state: _SectionState, label: str, number: str) -> None:
        """The goal printed under its label ("Kommunfullmäktiges mål 1" / "Äldre
        örebroare har en trygg ... vardag"): the scope of what follows, up to
        the next such goal."""
        level = C.level_in(label) or self.level(*state.texts)
        section = self._section_for(block.section_index)
        rank = (section.level if section else 0) + 0.5
        self._pop_scopes(rank)
        goal = self.add_goal(text, level, block.page, block.bbox, "prose", parent=self.scope_goal,
                             target=self.own_target(text))
        if goal.target is not None and goal.target.target_value is not None:
            self.stated_targets.add(goal.key)  # "… ska minska till högst 15 gram per portion år 2026"
        self.numbered.setdefault(number, goal.key)
        self._push_scope(rank, goal.key)
        self.last_goal = goal.key

    def _caption_goal(self, block: Block, text: str, state: _SectionState) -> bool:
        """A goal stated in the caption of the table of its indicators ("Tabell 2.
        RS 1 – Väntetiderna i den planerade vården ska kortas …"): it governs
        that table and what follows; True when ``text`` was one."""
        uncaptioned = C.strip_caption_label(text)
        if uncaptioned == text or state.kind in ("skip", "never"):
            return False
        coded = _CAPTION_CODE.match(uncaptioned)
        goal_text = uncaptioned[coded.end():] if coded else uncaptioned
        if not C.is_goal_statement(goal_text) or len(C.sentences(goal_text)) != 1:
            return False
        code = re.sub(r"\s+", " ", coded.group("code")) if coded else None
        parent = (self.parent_codes.get(code) if code else None) or self.scope_goal
        goal = self.add_goal(goal_text, self.level(*state.texts), block.page, block.bbox, "prose", parent=parent,
                             target=self.own_target(goal_text))
        if code:
            self.numbered.setdefault(code, goal.key)
        self.govern(block.section_index, goal.key, 0.25)
        return True

    def flush_coded(self) -> None:
        """Activities from the coded paragraphs gathered so far, with their inline
        fields ("Ansvarig: Vöfab. Tidplan: 2026."), or goals ("V1 Minst 90 procent ...")."""
        self.coded_closed = self.coded_alone_last = False
        if not self.coded:
            return
        text, starts = "", []
        for block, anchor in self.coded:
            starts.append((len(text), block, anchor))
            text += C.clean_text(block.text, numbering=False) + " "
        self.coded = []
        for offset, item in C.coded_items(text, [start for start, _, _ in starts]):
            block, anchor = next((b, a) for start, b, a in reversed(starts) if start <= offset)
            if self.coded_kind == "goal" or (C.is_goal_statement(item) and not prose.opens_with_action(item)):
                # "UN 2 Andelen elever … ska öka" among the actions: the goal they serve next
                self._coded_goal(item, offset, text, block, anchor)
                continue
            body, fields = C.inline_fields(item)
            tail = activity_tail(body) if not fields else None
            if tail is not None:  # "Å1 Införa … (ansvar: koncernavdelning …; klart: kvartal 2 2026)."
                body, fields = tail
            if body:
                self.open_action = self.add_activity(body, block.page, block.bbox, "list", anchor, **fields)

    def _coded_goal(self, item: str, offset: int, text: str, block: Block, anchor: Anchor) -> None:
        """A coded goal ("V1 Minst 90 procent ... (ÄN 1.2)"): its code names it, a
        code in its closing parenthesis names the goal it serves."""
        code = C.ITEM_CODE.match(text[offset:])
        if len(re.findall(r"[^\W\d_]{2,}", C.ITEM_CODE.sub("", item, count=1))) < 2:
            return  # "SN 5" alone: a code whose words stand elsewhere (a table's columns set apart)
        named = self.goal_by_code(code.group(1)) if code else None
        if named is not None and restates(self.goal_by_key(named).text, item):
            return  # "FS 1 Fler invånare … | Årsredovisning" in a table of follow-ups: a goal named again
        parent_ref = _PARENT_CODE.search(item)
        parent = (self.parent_codes.get(re.sub(r"\s+", " ", code.group(1).strip().rstrip(".")))
                  if code else None) or anchor.scope_goal
        if parent_ref:
            item = item[:parent_ref.start()] + item[parent_ref.end():]
            parent = self.goal_by_code(parent_ref.group(1)) or parent
        item = C.clean_text(item)
        goal = self.add_goal(item, self.coded_level or "verksamhet", block.page, block.bbox, "prose",
                             parent=parent, target=self.own_target(item))
        if goal.target is not None and (goal.target.target_value is not None or goal.target.target_year):
            self.stated_targets.add(goal.key)  # "Minst 90 procent ...": the goal's own level
        if code:
            self.numbered.setdefault(code.group(1), goal.key)
        self.last_goal = goal.key
        if self.coded_scope:
            self.govern(block.section_index, goal.key, 0.25)

    def goal_by_code(self, code: str) -> Optional[int]:
        """The goal a code names ("ÄN 1.2", "1.2"): by the whole code, else its number."""
        code = re.sub(r"\s+", " ", code.strip().rstrip("."))
        if code in self.numbered:
            return self.numbered[code]
        printed = next((g for g in self.out.goals if g.text.startswith(code + " ")), None)
        if printed is not None:
            return printed.key  # "KO1 Mängden hushållsavfall ...": the code printed in the goal's text
        number = table_rows.code_number(code)
        return self.goal_by_number(number) if number else None

    def _section_for(self, index: Optional[int]) -> Optional[Section]:
        return self.section_at.get(index)

    def nearest_goal(self) -> Optional[int]:
        return self.scope_goal

    # ---- items -----------------------------------------------------------

    def add_indicator(
        self, text, page, bbox, source, anchor, *, measure=None, target_text=None, target_year=None, values=(),
        target_header="",
    ) -> Indicator:
        """A new indicator; its target from ``target_text`` (a "Mål" cell, its
        column's header ``target_header``) or its own wording."""
        tail = indicator_tail(text) if not target_text and not values else None
        if tail is not None:
            # "Andel ... (målvärde 2025: minst 40 %, utfall 2024: 36 %)": the parenthesis is its fields
            text, target_text, target_year, target_header = (
                tail.body, tail.target_text, tail.target_year, tail.target_header)
            values = printed_values(tail.values)
        kpis = kolada_ids(" ".join([text, measure or ""])) or ([tail.kolada] if tail and tail.kolada else [])
        found_targets: list[Target] = []
        if target_text and not C.is_blank_value(target_text) and not targets.is_no_target(target_text):
            found = column_target(target_text, target_year, header=target_header,
                                  indicator=" ".join([text, measure or ""]))
            found_targets.append(found or Target(text=target_text))
        else:
            stated = trailing_target(text) or _column_target(text, target_year)
            if stated is not None and (stated.direction or stated.target_value is not None):
                found_targets.append(stated)
        coded = _CLOSING_INDICATOR_CODE.search(text)
        if coded:  # "Andel elever … (1.2a)": its code, by which an appendix row gives its figures
            text = text[:coded.start()]
        indicator = Indicator(
            key=self._key(), text=text, page=page, bbox=bbox, source=source,
            measure=measure or None, kolada_kpi=kpis[0] if kpis else None,
            targets=found_targets, values=list(values),
        )
        self.out.indicators.append(indicator)
        self.anchors[("indicator", indicator.key)] = anchor
        if coded:
            self.indicator_refs.setdefault(f"{coded.group(1)} {coded.group(2)}", indicator)
        return indicator

    def add_fielded_indicator(self, text, page, bbox, source, anchor, fields, kolada=None) -> Indicator:
        """An indicator with the fields read beside its name (an ``IndicatorTail``):
        target, outcomes, baseline and Kolada id."""
        indicator = self.add_indicator(
            text, page, bbox, source, anchor, target_text=fields.target_text, target_year=fields.target_year,
            target_header=fields.target_header, values=printed_values(fields.values))
        indicator.kolada_kpi = indicator.kolada_kpi or fields.kolada or kolada
        if fields.baseline:
            set_baseline(indicator.targets, fields.baseline, fields.baseline_year)
        return indicator

    def add_activity(self, text, page, bbox, source, anchor, **fields) -> Activity:
        activity = Activity(key=self._key(), text=text, page=page, bbox=bbox, source=source, **fields)
        self.out.activities.append(activity)
        self.anchors[("activity", activity.key)] = anchor
        return activity
