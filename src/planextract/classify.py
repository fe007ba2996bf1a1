"""What a piece of text is: roles of table columns, kinds of headings and
lead-in lines, goal levels, goal attainment, and clean item text.

All vocabularies live in ``rules/`` (columns.yaml, headings.yaml,
goal_levels.yaml, attainment.yaml).  Words are matched fuzzily and may end a
compound, so that inflected forms, OCR damage ("Tiplan") and compounds
("Socialnämndens mål") still match.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from rapidfuzz import fuzz

from .fuzzy import normalize
from .rules import RulesModel, load_rules

# --------------------------------------------------------------------------
# Rules files
# --------------------------------------------------------------------------

COLUMN_ROLES = (
    "goal", "goal_or_target", "indicator", "measure", "target", "outcome",
    "activity", "activity_detail", "responsible", "timeline", "follow_up",
    "status", "comment", "analysis", "ignore",
)


class ColumnRules(RulesModel):
    roles: dict[str, list[str]]
    outcome_year_words: list[str]
    month_words: list[str]
    target_year_words: list[str]
    baseline_headers: list[str]
    responsible_nouns: list[str]
    deadline_words: list[str]
    period_words: list[str]
    activity_statuses: list[str]
    served_goal_labels: list[str]
    comparison_rows: list[str]
    risk_headers: list[str]
    not_compounds: list[str]


class KindTerms(RulesModel):
    exact: list[str]
    contains: list[str]


class HeadingRules(RulesModel):
    order: list[str]
    kinds: dict[str, KindTerms]
    statement_headings: list[str]
    area_statements: list[str]
    action_description_headings: list[str]
    calendar_headers: list[str]
    group_labels: list[str]
    group_label_patterns: list[str]
    goal_labels: list[str]
    means_labels: list[str]
    paragraph_goal_labels: list[str]
    paragraph_measure_labels: list[str]
    question_kinds: dict[str, list[str]]
    head_nouns: dict[str, list[str]]
    head_noun_max_words: int
    service_names: list[str]
    period_tails: list[str]
    caption_labels: list[str]


class GoalLevelRules(RulesModel):
    order: list[str]
    cues: dict[str, list[str]]


class AttainmentRules(RulesModel):
    order: list[str]
    phrases: dict[str, list[str]]
    words: dict[str, list[str]]


HEADING_KINDS = ("goal", "goal_area", "indicator", "activity", "skip", "never")
ATTAINMENT = ("met", "partly", "not_met")


def _check_keys(name: str, found, allowed) -> None:
    from .errors import RulesError

    unknown = sorted(set(found) - set(allowed))
    if unknown:
        raise RulesError(f"{name}: unknown key(s) {', '.join(unknown)}; expected {', '.join(allowed)}")


# The rules are checked once: the readers below ask for them for every heading and cell.
@functools.lru_cache(maxsize=1)
def column_rules() -> ColumnRules:
    rules = load_rules("columns.yaml", ColumnRules)
    _check_keys("columns.yaml: roles", rules.roles, COLUMN_ROLES)
    return rules


@functools.lru_cache(maxsize=1)
def heading_rules() -> HeadingRules:
    rules = load_rules("headings.yaml", HeadingRules)
    _check_keys("headings.yaml: kinds", rules.kinds, HEADING_KINDS)
    _check_keys("headings.yaml: order", rules.order, HEADING_KINDS)
    _check_keys("headings.yaml: head_nouns", rules.head_nouns, HEADING_KINDS)
    return rules


@functools.lru_cache(maxsize=1)
def level_rules() -> GoalLevelRules:
    rules = load_rules("goal_levels.yaml", GoalLevelRules)
    _check_keys("goal_levels.yaml: cues", rules.cues, ("kf", "namnd", "verksamhet"))
    return rules


@functools.lru_cache(maxsize=1)
def attainment_rules() -> AttainmentRules:
    rules = load_rules("attainment.yaml", AttainmentRules)
    _check_keys("attainment.yaml: phrases", rules.phrases, ATTAINMENT)
    _check_keys("attainment.yaml: words", rules.words, ATTAINMENT)
    return rules


# --------------------------------------------------------------------------
# Clean text
# --------------------------------------------------------------------------

_SOFT = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
# a word broken at a line end: "rätts-\nsäkert"; not "barn- och", "e-\ntjänster" stays joined with its hyphen
_HYPHEN_BREAK = re.compile(r"(\w)-\s*\n\s*(?!(?:och|eller|samt|till|som|i)\b)([a-zåäöé])")
_BULLET = re.compile(r"^\s*(?:[•●▪◦■□▫►▶➢➤✓✔·∙\uf0b7\uf0a7\uf076\uf0d8\uf0fc*«]|\(cid:\d+\)|[-–—o](?=\s))\s*")
_CID_BULLET = re.compile(r"\s*\(cid:\d+\)\s*")
_INLINE_CID_BULLET = re.compile(r"(?:^|\s+)\(cid:\d+\)\s+")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2}){0,4}\.?|\(?\d{1,2}\)|[a-zåäö]\)|\(?[a-h]\))\s+(?=\S)")
_SPACES = re.compile(r"\s+")
_FOOTNOTE = re.compile(r"(?:\s*\*+)+\s*$")
_LEAD_FOOTNOTE = re.compile(r"^\s*\*+\s*")


@functools.lru_cache(maxsize=65536)
def clean_text(text: str, *, numbering: bool = True) -> str:
    """Item text as printed: hyphenation undone, bullets/numbering off, spaces folded.

    Cached: the readers clean the same heading or cell text many times over.
    """
    if not text:
        return ""
    text = _SOFT.sub("", text)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = _SPACES.sub(" ", text).strip()
    for _ in range(2):
        text = _BULLET.sub("", text)
        if numbering:
            text = _NUMBERING.sub("", text)
    return text.strip()


def clean_cell(text: str) -> str:
    """A table cell: clean text with footnote markers ("- *", "**") removed."""
    text = clean_text(text or "", numbering=False)
    text = _FOOTNOTE.sub("", text)
    text = _LEAD_FOOTNOTE.sub("", text)
    return text.strip()


def is_blank_value(text: str) -> bool:
    """A cell that holds no value: empty, a dash, "n/a"."""
    return normalize(text) in ("", "-", "–", "—", "x", "saknas", "n a", "na", "ej aktuellt", "uppgift saknas")


# --------------------------------------------------------------------------
# Word matching
# --------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return list(_split_words(text))


@functools.lru_cache(maxsize=65536)
def _split_words(text: str) -> tuple[str, ...]:
    """Normalised words, cached: the vocabulary terms are matched against every heading and cell."""
    return tuple(normalize(text).split())


def _norm(text: str) -> str:
    """Normalised words joined by single spaces ("Individ- och" -> "individ och")."""
    return " ".join(_words(text))


# endings of an inflected Swedish noun or adjective ("indikatorn", "åtgärderna", "målen", "nämndens")
_INFLECTIONS = frozenset(
    "n en et na s ns ens ets er ar or r rna erna arna orna ernas arnas ornas e a t".split()
)


MIN_FUZZY_TERM_LETTERS = 6  # a shorter term is matched exactly or inflected: one letter more makes another word


@functools.lru_cache(maxsize=1 << 18)
def _word_match(word: str, term: str, first: bool) -> bool:
    """A word of a text matches a word of a term (cached: the same pairs recur
    in every heading and cell, and the fuzzy ratio is the costly part)."""
    if word == term:
        return True
    if len(term) >= MIN_FUZZY_TERM_LETTERS and len(word) >= 5 and abs(len(word) - len(term)) <= 2 \
            and fuzz.ratio(word, term) >= 85:
        return True  # OCR damage, "Tiplan" (a letter or two lost or added, not "attr|aktivitet"; not "starkt" for "start")
    if len(term) >= 5 and word.startswith(term) and word[len(term):] in _INFLECTIONS:
        return True  # inflection: indikatorn, åtgärderna (not a compound's modifier: "resultatmått")
    if first and len(term) >= 3 and len(word) >= len(term) + 4 and word.endswith(term):
        # compound: socialnämndens, resultatindikatorer (not "attraktivitet")
        return not any(word.startswith(w) for w in column_rules().not_compounds)
    return False


def _contains_term(words: list[str], term: list[str]) -> bool:
    return _term_position(words, term) is not None


def _equals_term(text_words: list[str], term: str) -> bool:
    return _equals_joined(" ".join(text_words), term)


def _equals_joined(joined: str, term: str) -> bool:
    """Normalised text (words joined by single spaces) that is ``term``, or nearly."""
    if joined == term:
        return True
    return len(term) >= 5 and fuzz.ratio(joined, term) >= 88


# --------------------------------------------------------------------------
# Columns
# --------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2}))?(?!\d)")


@dataclass(frozen=True)
class Column:
    """The role of one table column; ``year`` from the header ("Mål 2025", "2022")."""

    role: str
    header: str
    year: Optional[int] = None
    period: Optional[str] = None

    @property
    def value_period(self) -> str:
        """The period a value of this outcome column is for ("Utfall 2024" -> "2024")."""
        return self.period or (str(self.year) if self.year else self.header)


@functools.lru_cache(maxsize=1)
def _role_terms() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(role, words of a term) of every column term, normalised once."""
    return tuple((role, _split_words(term)) for role, terms in column_rules().roles.items()
                 for term in terms if _split_words(term))


@functools.lru_cache(maxsize=16384)
def _header_words(raw: str) -> list[str]:
    """The words of a cleaned column header, its years out and its brackets opened."""
    return _words(re.sub(r"\(([^)]*)\)", r" \1 ", _YEAR.sub(" ", raw)))


def column_role(header: str) -> Column:
    """The role of one column from its header alone (before context).

    Cached: a plan repeats its column headers from table to table.
    """
    rules = column_rules()
    raw = clean_cell(header)
    year_match = _YEAR.search(raw)
    year = int(year_match.group(1)) if year_match else None
    period = year_match.group(0).replace(" ", "") if year_match else None
    words = _header_words(raw)
    best: Optional[tuple[tuple[int, int], str]] = None
    for role, term_words in _role_terms():
        if _contains_term(words, term_words):
            # the longest term; a fuzzy match counts two letters less, so
            # "Verksamhetsmål" is no misprinted "Verksamhetsmått"
            exact = all(w in words for w in term_words)
            score = (len("".join(term_words)) - (0 if exact else 2), exact)
            if best is None or score > best[0]:
                best = (score, role)
    role = best[1] if best else None
    if role in ("target", "outcome") and any(
        _contains_term(words, _words(t)) for t in rules.roles.get("indicator", []) + rules.roles.get("measure", [])
    ):
        # "Mått och målnivå 2026", "Resultat vi förväntar oss (mått)": each cell an indicator with its fields
        role = "indicator"
    if role == "goal" and any(_contains_term(words, _words(t)) for t in rules.roles.get("indicator", [])):
        role = "indicator"  # "Nämndens mål och indikatorer": goal rows among the indicators (table_rows)
    if year is not None and role == "goal" and words and all(w in _words(" ".join(rules.target_year_words)) for w in words):
        role = "goal_or_target"  # "Målsättning 2026": the level for that year
    if year is not None:
        if role in ("target", "goal_or_target"):
            year = _year_after(raw, rules.target_year_words) or year
        if role in ("target", "goal_or_target") or (
            role is None and any(w in _words(" ".join(rules.target_year_words)) for w in words)
        ):
            return Column("target", header, year=year)
        if role in (None, "outcome") and (not words or all(_is_year_word(w) for w in words)):
            if any(w in month_words() for w in words):
                period = re.sub(r"\s+", " ", raw).strip().lower()  # "Jan–aug 2025": part of the year
            return Column("outcome", header, year=year, period=period)
    if role == "outcome":
        return Column("outcome", header, year=year, period=period or raw)
    if role is None:
        heads = heading_kind(raw)  # "Så mäter vi", "Så gör vi 2026": what would head a list heads a column
        role = heads if heads in ("indicator", "activity") else None
    return Column(role or "ignore", header, year=year)


FIELD_ROLES = ("responsible",)  # columns of an item's fields, besides those the vocabulary ignores


def is_field_column(header: str) -> bool:
    """A column whose header names a field of the items beside it, never an
    item itself: "Utförare", "Plats", "Kostnad, tkr"."""
    role = column_role(header).role
    if role in FIELD_ROLES:
        return True
    if role != "ignore":
        return False
    words = _header_words(clean_cell(header))
    return any(kind == "ignore" and _contains_term(words, term) for kind, term in _role_terms())


def strip_caption_label(text: str) -> str:
    """``text`` without the label of a caption ("Diagram 3. Andel elever …"
    -> "Andel elever …"); the text itself when it has none."""
    m = re.match(r"^\s*(?P<word>[^\W\d]+)\s+\d+[a-z]?\s*[.:]\s+(?=\S)", text or "")
    if m and m.group("word").lower() in heading_rules().caption_labels:
        return text[m.end():].strip()
    return text


def heading_year(heading: str) -> Optional[int]:
    """The one year a heading names ("Resultatmått 2026", "Mått och målvärde 2026"),
    else None (none, a span or two years)."""
    years = re.findall(r"(?<![\d–-])((?:19|20)\d\d)(?![\d–-])", heading or "")
    return int(years[0]) if len(years) == 1 else None


def is_baseline_header(header: str) -> bool:
    """An outcome column whose value is the targets' starting point ("Utgångsläge")."""
    words = _words(re.sub(r"\b(?:19|20)\d\d\b", " ", header or ""))
    return any(_contains_term(words, _words(term)) for term in column_rules().baseline_headers)


def target_year_in(header: str) -> Optional[int]:
    """The year after a target word in a header ("Indikatorer med målvärde 2026 (utfall 2025)" -> 2026)."""
    return _year_after(header or "", column_rules().target_year_words)


def outcome_year_in(header: str) -> Optional[str]:
    """The year after an outcome word in a header ("… (utfall 2025)" -> "2025")."""
    year = _year_after(header or "", ["utfall", "resultat", "nuläge"])
    return str(year) if year else None


def _year_after(header: str, words: list[str]) -> Optional[int]:
    """The year that follows a target word ("Utfall 2023 Målvärde 2025" -> 2025)."""
    pattern = r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*\s*((?:19|20)\d{2})"
    m = re.search(pattern, header, re.IGNORECASE)
    return int(m.group(1)) if m else None


@functools.lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    """Months and their short forms ("maj", "aug"), normalised (rules/columns.yaml)."""
    return frozenset(normalize(w) for w in column_rules().month_words)


@functools.lru_cache(maxsize=1)
def _outcome_year_words() -> frozenset[str]:
    return frozenset(normalize(w) for w in column_rules().outcome_year_words)


def _is_year_word(word: str) -> bool:
    return word in _outcome_year_words() or word in month_words() or word.isdigit()


_COUNT_HEADER = re.compile(r"^\s*(?:antal|andel)\b", re.I)


def column_roles(header: list[str]) -> list[Column]:
    """Roles of all columns of a table, resolved against each other.

    "Mål" is the target beside an indicator column and the goal elsewhere;
    "Nyckeltal" is the measure beside an indicator column and the indicator
    elsewhere; "Aktivitet" is the detail beside an "Åtgärd" column and the
    activity elsewhere.
    """
    columns = [column_role(h) for h in header]
    bases = [_words(_YEAR.sub(" ", re.sub(r"[()]", " ", clean_cell(h)))) for h in header]
    if ["från"] in bases and ["till"] in bases:
        # "Nr | Från (2025) | Till (2028)": a shift, its "till" the state to reach (the goal)
        columns = [Column("goal", c.header, c.year) if b == ["till"] else
                   Column("ignore", c.header) if b == ["från"] else c for c, b in zip(columns, bases)]
    columns = [Column("ignore", c.header, c.year) if c.role == "activity" and _COUNT_HEADER.match(c.header) else c
               for c in columns]  # "Antal personer med insats": a count, no action
    roles = [c.role for c in columns]
    has_indicator = "indicator" in roles
    has_activity = "activity" in roles
    measured = [i for i, r in enumerate(roles) if r in ("indicator", "measure")]
    out: list[Column] = []
    seen: set[str] = set()
    for i, col in enumerate(columns):
        role = col.role
        if role == "goal_or_target":
            # "Mål | Indikator | Målvärde": the goal; "Indikator | Nyckeltal | Mål": the target
            after_measure = bool(measured) and i > measured[0]
            role = "target" if (after_measure and "target" not in roles) else "goal"
        elif role == "measure" and not has_indicator:
            role = "indicator" if "indicator" not in seen else "measure"
        elif role == "activity_detail" and not has_activity:
            role = "activity" if "activity" not in seen else "activity_detail"
        elif role in ("indicator", "activity") and role in seen:
            role = "measure" if role == "indicator" else "activity_detail"
        seen.add(role)
        out.append(Column(role, col.header, col.year, col.period))
    return out


# --------------------------------------------------------------------------
# Headings and lead-in lines
# --------------------------------------------------------------------------

# "3.1 ", "Kapitel 2 ", and the letter of a lettered heading ("C Ett starkt näringsliv")
_HEAD_NUMBER = re.compile(r"^\s*(?:(?:kapitel\s+)?\d{1,2}(?:\.\d{1,2}){0,4}\.?\s+|[A-H]\.?\s+(?=[A-ZÅÄÖ]))")
_NUMBERED_GOAL = re.compile(
    r"^\s*(?:(?:strategiskt\s+|övergripande\s+|nämndens\s+)?mål|delmål|målområde|inriktningsmål|nämndmål|nämndsmål|verksamhetsmål)"
    r"\s*\d{1,2}(?:\.\d{1,2})?\s*[:.–-]\s*\S",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s+[–—-]\s+|:\s+")
_QUESTION_START = re.compile(r"^(?:hur|vilka|vilket|vilken|vad|varför|med vilka|på vilket|i vilken|finns|har|kan)\b", re.I)
_SKA = re.compile(r"\bska(?:ll)?\s+(?:\w+\s+){0,3}?\w+", re.IGNORECASE)


def heading_base(text: str) -> str:
    """A heading without its numbering, trailing colon, trailing years and
    the period it covers ("under tertialet", headings.yaml ``period_tails``)."""
    text = clean_text(text, numbering=False)
    text = _HEAD_NUMBER.sub("", text)
    text = re.sub(r"[:;.,]+\s*$", "", text)
    text = _period_tail().sub("", text)  # "Det här vill vi nå till 2030": "Det här vill vi nå"
    text = re.sub(r"\s*\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)?\d{2})?)?\s*$", "", text)
    text = _period_tail().sub("", text)  # "Insatser under tertialet": "Insatser"
    bracket = _CLOSING_BRACKET.search(text)
    if bracket and bracket.start() > 0 and status_word(bracket.group("inner")):
        text = text[:bracket.start()]  # "Vårdskadorna ska minska [Prognos helår: ej uppnått]": its assessment
    return text.strip()


_CLOSING_BRACKET = re.compile(r"\s*\[(?P<inner>[^\[\]]{2,60})\]\s*$")


@functools.lru_cache(maxsize=1)
def _period_tail() -> re.Pattern:
    tails = "|".join(heading_rules().period_tails)
    return re.compile(rf"\s+(?:{tails})\s*$", re.I) if tails else re.compile(r"(?!)")


# "… som bidrar till nämndmål 3:", "… för mål 1.2": the goal a heading's or lead-in's list serves
GOAL_REFERENCE_TAIL = re.compile(
    r"\s+(?:som\s+)?(?:bidrar\s+till|kopplade?\s+till|för(?:\s+att\s+nå)?|inom|[–—])\s+\w*mål\w*\s+"
    r"(?:[A-ZÅÄÖ]{1,4}\s?)?\d{1,2}(?:\.\d{1,2})?\s*[:.]?\s*$",
    re.I)


@functools.lru_cache(maxsize=1)
def _kind_terms() -> tuple[tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]], ...]:
    """(kind, exact terms, words of the contained terms) in the order of
    headings.yaml, normalised once."""
    rules = heading_rules()
    return tuple(
        (kind,
         tuple(normalize(term) for term in rules.kinds[kind].exact),
         tuple(_split_words(term) for term in rules.kinds[kind].contains if _split_words(term)))
        for kind in rules.order
    )


SENTENCE_HEADING_WORDS = 8  # a numbered "heading" this long ending with a full stop is a sentence


@functools.lru_cache(maxsize=16384)
def heading_kind(text: str) -> Optional[str]:
    """The kind of a heading or lead-in line (see headings.yaml), or ``None``;
    "Aktiviteter för nämndmål 4" is a heading of activities (of that goal).

    Cached: the same headings and lead-ins recur, in a plan and across plans.
    """
    if text and GOAL_REFERENCE_TAIL.search(text):
        return heading_kind(GOAL_REFERENCE_TAIL.sub("", text))
    if not text or numbered_goal(text) or labelled_goal(text):
        return None
    if is_question(text):
        return _question_kind(text)
    rules = heading_rules()
    base = heading_base(text)
    words = _words(base)
    if not words:
        return None
    head_words = _words(_SEPARATOR.split(base, maxsplit=1)[0])
    joined, head_joined = " ".join(words), " ".join(head_words)
    terms = _kind_terms()
    for kind, exact, _ in terms:  # a heading that is a term names its kind ("Mål och åtgärder": goals)
        for term_n in exact:
            if _equals_joined(joined, term_n) or _equals_joined(head_joined, term_n):
                return kind
    # "4.1 Måtten och åtgärderna följs upp i delårsrapporten …": a sentence names no kind of item by a
    # word it holds (though "… ges i uppdrag …" still marks what is no item)
    sentence = len(words) >= SENTENCE_HEADING_WORDS and text.rstrip().endswith(".")
    for kind, _, contains in terms:
        if sentence and kind not in ("skip", "never"):
            continue
        for term_words in contains:
            if _contains_term(words, term_words):
                return kind
    if "som" in words[1:]:  # "Insatser som inte ingår i logikmodellen": the noun the clause qualifies
        kind = head_noun_kind(words[:words.index("som")], rules)
        if kind is not None:
            return kind
    return head_noun_kind(words, rules)


def head_noun_kind(words: list[str], rules: HeadingRules) -> Optional[str]:
    """The kind named by a short heading's last word, its head noun in Swedish
    ("Genomförda och pågående aktiviteter", "Nämndens indikatorer"), or the
    head of that word when it is a compound ("Utvecklingsinsatser"), when no
    term matched the heading as a whole."""
    if not words or len(words) > rules.head_noun_max_words or "ska" in words:
        return None
    for kind in rules.order:
        if any(_word_match(words[-1], normalize(noun), False) or _compound_of(words[-1], normalize(noun))
               for noun in rules.head_nouns.get(kind, ())):
            return kind
    return None


@functools.lru_cache(maxsize=4096)
def _compound_of(word: str, head: str) -> bool:
    """``word`` is a compound with ``head`` as its last part and a word of the
    lexicon before it ("utvecklings|insatser"; not "attr|aktivitet")."""
    from .lexicon import lemma_table

    return len(word) > len(head) + 2 and word.endswith(head) and word[:-len(head)] in lemma_table()


def _question_kind(text: str) -> Optional[str]:
    """A question heading: what the answer under it holds when it asks for
    items ("Hur ska vi nå målen? / Vilka aktiviteter ...?" -> the vocabulary
    of its words), else "skip" (a question to reflect on: "Finns avvikelser?")."""
    rules = heading_rules()
    words = _words(heading_base(text))
    for kind in ("activity", "indicator"):
        if any(_contains_term(words, _words(t)) for t in rules.kinds[kind].exact + rules.kinds[kind].contains):
            return kind
    for kind, patterns in rules.question_kinds.items():
        if any(re.match(p, clean_text(text), re.I) for p in patterns):
            return kind  # "Hur ska vi nå dit?", "Vad gör vi?": the actions; "Hur mäter vi?": the measures
    return "skip"


def is_statement_heading(text: str) -> bool:
    """A heading naming one goal whose first sentence follows ("Kommunfullmäktiges utvecklingsmål")."""
    words = _words(heading_base(text))
    return any(_equals_term(words, _norm(term)) for term in heading_rules().statement_headings)


def area_statement(paragraph: str, area_title: str) -> Optional[str]:
    """The sentence of a goal area's introduction that states its goal, if any."""
    names = [w for w in re.findall(r"[^\W\d_]{3,}", area_title)]
    names = [w for w in names if w[:1].isupper() and not w.isupper()] or [w for w in names if w.isupper()]
    area = "(?:" + "|".join(re.escape(w) for w in names[-2:]) + ")" if names else None
    patterns = []
    for pattern in heading_rules().area_statements:
        if "{area}" in pattern:
            if area is None:
                continue
            pattern = pattern.replace("{area}", area)
        patterns.append(re.compile(pattern, re.IGNORECASE))
    for sentence in _SENTENCE_SPLIT.split(clean_text(paragraph, numbering=False)):
        if any(p.match(sentence) for p in patterns):
            return sentence.strip()
    return None


def is_action_description(text: str) -> bool:
    """"Beskrivning av åtgärd": the heading above it is one action."""
    words = _words(heading_base(text))
    return any(_equals_term(words, _norm(t)) for t in heading_rules().action_description_headings)


def is_risk_register(header) -> bool:
    """A table's header opening with its risks ("Risk | Sannolikhet | … | Åtgärd"):
    a register of internal control, whose measures are no plan's actions."""
    first = next((clean_cell(h) for h in header if clean_cell(h)), "")
    return len(header) >= 2 and _norm(first) in _risk_headers()


@functools.lru_cache(maxsize=1)
def _risk_headers() -> frozenset[str]:
    return frozenset(_norm(h) for h in column_rules().risk_headers)


def is_calendar_header(text: str) -> bool:
    return _norm(clean_cell(text)) in {_norm(t) for t in heading_rules().calendar_headers}


def mentions_goals(text: str) -> bool:
    """Text that speaks of goals ("arbetet med socialnämndens mål") rather than stating one."""
    return any(_word_match(w, t, True) for w in _words(text) for t in ("mål", "målen", "målet", "målsättning"))


def numbered_goal(text: str) -> bool:
    """"Mål 1: Hög sysselsättning ..." names a goal, not a list of goals."""
    return bool(_NUMBERED_GOAL.match(_HEAD_NUMBER.sub("", text or "")))


_LABEL_DASH = re.compile(r"^\s*([^\W\d_]+)(?:\s+[–—-]|\s*[–—:])\s+(\S.*)$")
_LEAD_LABEL = re.compile(r"^[^:.]{1,40}:\s+(?=\S)")


def labelled_goal(text: str) -> Optional[tuple[str, str]]:
    """(label, goal) for a goal stated after its label: "Mål – tågresandet ska
    tredubblas" -> ("mål", "tågresandet ska tredubblas"); "Samhällsmål –
    framtida tillstånd: ökad tillgång ..." -> ("samhällsmål", "ökad tillgång ...")."""
    m = _LABEL_DASH.match(clean_text(text or "", numbering=False))
    if not m or normalize(m.group(1)) not in {normalize(w) for w in heading_rules().goal_labels}:
        return None
    goal = _LEAD_LABEL.sub("", m.group(2).strip(), count=1)
    return normalize(m.group(1)), goal.strip()


@functools.lru_cache(maxsize=1)
def _paragraph_goal_label() -> re.Pattern:
    labels = sorted(heading_rules().paragraph_goal_labels, key=len, reverse=True)
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(
        rf"^(?P<label>{alternatives})"
        r"(?:\s+(?P<number>\d{1,2}(?:\.\d{1,2})?[a-z]?|[A-Z])(?=[\s:.–—-]))?"
        r"\s*(?P<sep>[:.–—-])?\s+(?P<rest>[A-ZÅÄÖ0-9].*)$",
        re.IGNORECASE,
    )


def goal_label(text: str) -> Optional[tuple[str, Optional[str], str]]:
    """(label, number, goal) of a paragraph opening with a goal's label and its
    number or a colon: "Nämndmål 2.1 Fler invånare i arbete." -> ("nämndmål",
    "2.1", "Fler invånare i arbete."); "Långsiktigt mål: Alla ..." ->
    ("långsiktigt mål", None, "Alla ..."); a label in capitals needs no colon
    ("KOMMUNFULLMÄKTIGES MÅL Fler elever …"); None for "Målet är att ..."."""
    m = _paragraph_goal_label().match(clean_text(text or "", numbering=False))
    # the label needs a number, a colon or dash, or capitals of its own ("KOMMUNFULLMÄKTIGES MÅL Fler …")
    if not m or not (m.group("number") or m.group("sep") or m.group("label").isupper()):
        return None
    rest = m.group("rest").strip()
    if not rest[:1].isupper() or not re.search(r"[a-zåäö]", rest):
        return None  # "Mål 2025: 80 %" is a target, "Mål 1: 2 st" no goal, "KF II" a label alone
    return re.sub(r"\s+", " ", m.group("label").lower()), m.group("number"), rest


@functools.lru_cache(maxsize=1)
def _bare_goal_label() -> re.Pattern:
    labels = sorted(heading_rules().paragraph_goal_labels, key=len, reverse=True)
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(rf"^(?P<label>{alternatives})\s+(?P<number>\d{{1,2}}(?:\.\d{{1,2}})?)\s*:?$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _horizon_goal_label() -> re.Pattern:
    labels = sorted(heading_rules().paragraph_goal_labels, key=len, reverse=True)
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    # no colon: "Verksamhetsmål 2026:" leads in a list, as a heading would
    return re.compile(rf"^(?P<label>{alternatives})\s+(?:till|för|år|inför)?\s*(?:19|20)\d\d$", re.IGNORECASE)


def horizon_goal_label(text: str) -> Optional[str]:
    """The label of a line that names a goal by its horizon alone ("Långsiktigt
    mål till 2040", "Etappmål 2030"), whose goal is the paragraph under it; else None."""
    m = _horizon_goal_label().match(clean_text(text or "", numbering=False))
    label = re.sub(r"\s+", " ", m.group("label").lower()) if m else None
    return label if label and label != "mål" else None  # "Mål 2026" heads a target as often as a goal


def bare_goal_label(text: str) -> Optional[tuple[str, str]]:
    """(label, number) of a line that is a goal's label alone ("Kommunfullmäktiges
    mål 1"), whose goal is the text printed under it; else None."""
    m = _bare_goal_label().match(clean_text(text or "", numbering=False))
    return (re.sub(r"\s+", " ", m.group("label").lower()), m.group("number")) if m else None


@functools.lru_cache(maxsize=1)
def _paragraph_measure_label() -> re.Pattern:
    labels = sorted(heading_rules().paragraph_measure_labels, key=len, reverse=True)
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(
        rf"^(?:{alternatives})(?:\s+(?:19|20)\d\d)?\s*:\s+(?P<rest>[A-ZÅÄÖ].*)$", re.IGNORECASE | re.S
    )


def measure_label(text: str) -> Optional[str]:
    """What follows a measure's label opening a paragraph ("Resultatmått:
    Andelen ... ska öka till minst 75 procent 2026."), else None."""
    m = _paragraph_measure_label().match(clean_text(text or "", numbering=False))
    return m.group("rest").strip() if m else None


def is_means_label(label: str) -> bool:
    return normalize(label) in {normalize(w) for w in heading_rules().means_labels}


def strip_goal_number(text: str) -> str:
    """"Mål 1: Hög sysselsättning" -> "Hög sysselsättning" (the goal's own words)."""
    text = _HEAD_NUMBER.sub("", text)
    m = _GOAL_NUMBER_PREFIX.match(text)
    return text[m.end():].strip() if m else text


_GOAL_NUMBER_PREFIX = re.compile(
    r"^\s*(?:[\wåäöÅÄÖ]+\s+){0,1}(?:mål|delmål|målområde|inriktningsmål|nämndmål|nämndsmål|verksamhetsmål)"
    r"\s*(\d{1,2}(?:\.\d{1,2})?)\s*[:.–-]\s*",
    re.IGNORECASE,
)


def goal_number(text: str) -> Optional[str]:
    """The number a goal is given in its text ("Nämndmål 3. Sjukfrånvaron ..." -> "3")."""
    m = _GOAL_NUMBER_PREFIX.match(_HEAD_NUMBER.sub("", text or ""))
    return m.group(1) if m else None


def goal_reference(text: str) -> Optional[str]:
    """The number of a goal a heading refers to ("Aktiviteter – nämndmål 3" -> "3")."""
    # "Aktiviteter – nämndmål 3"; "Åtgärder för nämndmål 6, arbetsmiljö och kompetens:"
    m = re.search(r"\b\w*mål\s+((?:[A-ZÅÄÖ]{1,4}\s?)?\d{1,2}(?:\.\d{1,2})?)(?:\s*(?:,|\s[–—-])\s+[^\d:]{1,60})?\s*:?\s*$",
                  heading_base(text), re.IGNORECASE)
    return m.group(1) if m else None


_LABEL_REFERENCE = re.compile(r"\w*mål\s+(\d{1,2}(?:\.\d{1,2})?)\s*:?", re.IGNORECASE)


def label_reference(text: str) -> Optional[str]:
    """The number of the goal a list item names and nothing else ("Delmål 1.1" -> "1.1"):
    a label over the items nested under it."""
    m = _LABEL_REFERENCE.fullmatch(clean_text(text or ""))
    return m.group(1) if m else None


def printed_number(text: str) -> Optional[str]:
    """The number printed before an item, which :func:`clean_text` removes
    ("1. Antalet bränder ..." -> "1", "2.3 Fler ..." -> "2.3"; "a)" -> None)."""
    m = _NUMBERING.match(text or "")
    number = m.group(0).strip().strip("().") if m else ""
    return number if number[:1].isdigit() else None


def is_question(text: str) -> bool:
    text = clean_text(text)
    return text.endswith("?") or bool(_QUESTION_START.match(text))


def is_group_label(text: str) -> bool:
    """A label that groups items ("Alla verksamheter", "Äldreomsorg")."""
    base = _norm(heading_base(text))
    if not base:
        return False
    rules = heading_rules()
    if base in {_norm(label) for label in rules.group_labels}:
        return True
    return any(re.match(p, base) for p in rules.group_label_patterns)


def is_goal_statement(text: str) -> bool:
    """A heading worded as a goal: "... ska erbjudas en meningsfull vardag"."""
    text = clean_text(text)
    if not text or is_question(text) or text.endswith(":"):
        return False
    if numbered_goal(text):
        return True
    n_words = len(text.split())
    return 4 <= n_words <= 35 and bool(_SKA.search(text)) and not text.lower().startswith(
        ("detta ska", "det ska", "här ska", "de ska", "dessa ska", "den ska")  # a pronoun: about something stated elsewhere
    )


def is_lead_in(text: str) -> bool:
    """A line that introduces the list after it ("Vi har lyckats när:")."""
    text = (text or "").strip()
    return text.endswith((":", ";", "…")) or bool(re.search(r"\b(?:när|om|att)\s*$", text, re.I))


# --------------------------------------------------------------------------
# Cells holding several items
# --------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!]\s*$")
# a sentence ends at "." or "!" before a capital; a footnote number may follow a word's period ("certifierade.1 Certifiering")
_SENTENCE_SPLIT = re.compile(r"(?<=[a-zåäö0-9%)\]”\"»’][.!])\s+(?=[A-ZÅÄÖ])|(?<=[a-zåäö0-9%)\]][.!][”\"»’])\s+(?=[A-ZÅÄÖ])|(?<=[a-zåäö%)][.!])\d{1,2}\s+(?=[A-ZÅÄÖ])")


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph."""
    return [part.strip() for part in _SENTENCE_SPLIT.split(clean_text(text, numbering=False)) if part.strip()]


def split_cell_items(text: str) -> list[str]:
    """Items of one table cell: bullets or lines that each end a sentence.

    Group labels ("Äldreomsorg") between them are dropped.  A cell of one
    sentence (or one that never ends a sentence) is one item.
    """
    if not text or not text.strip():
        return []
    text = _SOFT.sub("", text)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    text = _INLINE_CID_BULLET.sub("\n• ", text)  # "… (71 %) (cid:127) Andel …": bullets run together
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) == 1:
        lines = [part for part in _SENTENCE_SPLIT.split(lines[0]) if part.strip()]
    items: list[str] = []
    current: list[str] = []
    for line in lines:
        bulleted = bool(_BULLET.match(line))
        if is_group_label(line) and not bulleted:
            if current:
                items.append(" ".join(current))
                current = []
            continue
        label = _leading_group_label(line)
        if label:
            if current:
                items.append(" ".join(current))
                current = []
            line = line[len(label):].strip()
        if bulleted and current:
            items.append(" ".join(current))
            current = []
        current.append(line)
        if _SENTENCE_END.search(line):
            items.append(" ".join(current))
            current = []
    if current:
        items.append(" ".join(current))
    out = [clean_cell(item) for item in items]
    out = [item for item in out if item and not is_blank_value(item)]
    if len(out) > 1 and any(len(item.split()) < 4 for item in out):
        # short pieces are parts of one item ("Ekonomiskt utfall. Kontinuerlig sjukstatistik.")
        return [" ".join(out)]
    if len(out) == 1:
        return _split_at_value_tails(out[0])
    return out


# ": minst 95", ": högst 4", ": minska (2024: 41)", ": 100" closing one measure
# before the next begins with a capital
_VALUE_TAIL_END = re.compile(
    r":\s*(?:(?:minst|högst|max|maximalt|under|över|lägst)\s+)?"
    r"(?:\d[\d\s]*(?:,\d+)?(?:\s*(?:%|procent|dagar|veckor|kr))?|öka|minska|bibehålla|oförändrat)"
    r"(?:\s*\([^)]*\))?\s+(?=[A-ZÅÄÖ])")


def _split_at_value_tails(text: str) -> list[str]:
    """Measures run together in one cell, each closing with its value after a
    colon ("Andel beslut inom lagstadgad tid, %: minst 95 Median
    handläggningstid, veckor: högst 4"): one item each, two or more."""
    ends = [m.end() for m in _VALUE_TAIL_END.finditer(text)]
    if not ends:
        return [text]
    pieces = [text[a:b].strip() for a, b in zip([0] + ends, ends + [len(text)])]
    if not all(":" in piece and len(piece.split()) >= 4 for piece in pieces):
        return [text]
    return pieces


def _leading_group_label(line: str) -> Optional[str]:
    """The group label that opens ``line`` ("Äldreomsorg Andelen ...") if any."""
    words = line.split()
    for n in range(min(5, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        rest = words[n]
        if rest[:1].isupper() and is_group_label(head):
            return head
    return None


# --------------------------------------------------------------------------
# Goal levels
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _level_cues() -> tuple[tuple[int, str, tuple[str, ...]], ...]:
    """(rank, level, words of a cue) of goal_levels.yaml, normalised once."""
    rules = level_rules()
    return tuple((rank, level, _split_words(cue)) for rank, level in enumerate(rules.order)
                 for cue in rules.cues.get(level, []) if _split_words(cue))


@functools.lru_cache(maxsize=16384)
def level_in(text: str) -> Optional[str]:
    """The goal level a text names by its cue words, or ``None``.

    Cached: the same headings are asked for their level item after item.
    """
    if not text:
        return None
    words = _words(text)
    found: list[tuple[int, int, str]] = []  # (where the cue stands, rank of its level, level)
    for rank, level, cue_words in _level_cues():
        at = _term_position(words, cue_words)
        if at is not None:
            found.append((at, rank, level))
    # the cue that comes first ("Kommunfullmäktigemål som berör nämnden" is the council's);
    # at one place, the levels in the order of `order`
    return min(found)[2] if found else None


def _term_position(words: list[str], term_words: list[str]) -> Optional[int]:
    """Where ``term_words`` first stand in ``words`` (the first word may end a compound), else None.

    The first word is tried alone before the rest: most places fail there.
    """
    n = len(term_words)
    if not n:
        return 0
    first = term_words[0]
    for start in range(len(words) - n + 1):
        if _word_match(words[start], first, True) and all(
            _word_match(words[start + i], term_words[i], False) for i in range(1, n)
        ):
            return start
    return None


def names_services(heading: str) -> bool:
    """A heading that only names parts of the organisation ("Grundskola och
    fritidshem", "Hemtjänst och hemsjukvård"): a place in the plan, no goal."""
    words = [w for w in _words(strip_goal_number(heading or "")) if w not in ("och", "samt")]
    if not words:
        return False
    names = [_words(name) for name in heading_rules().service_names]
    at = 0
    while at < len(words):
        step = next((len(n) for n in sorted(names, key=len, reverse=True)
                     if words[at:at + len(n)] and _contains_term(words[at:at + len(n)], n)
                     and len(words[at:at + len(n)]) == len(n)), 0)
        if not step:
            return False
        at += step
    return True


def goal_level(texts) -> Optional[str]:
    """The level named by the first of ``texts`` (nearest first) that names one."""
    for text in texts:
        level = level_in(text)
        if level:
            return level
    return None


# --------------------------------------------------------------------------
# Goal attainment
# --------------------------------------------------------------------------


def _compiled_phrases():
    rules = attainment_rules()
    return [
        (status, re.compile(pattern, re.IGNORECASE))
        for status in rules.order
        for pattern in rules.phrases.get(status, [])
    ]


def attainment(text: str) -> Optional[tuple[str, str]]:
    """(status, the sentence that says so) for a follow-up phrase in ``text``."""
    if not text:
        return None
    text = clean_text(text, numbering=False)
    for status, pattern in _compiled_phrases():
        m = pattern.search(text)
        if m:
            return status, _sentence_around(text, m.start(), m.end())
    return None


def activity_status(text: str) -> bool:
    """A word or phrase that states where an action stands ("Pågår", "Ej
    påbörjad", "Genomförd"), from rules/columns.yaml."""
    value = normalize(clean_cell(text or "")).rstrip(".")
    return bool(value) and value in {normalize(s) for s in column_rules().activity_statuses}


def status_word(cell: str) -> Optional[str]:
    """The attainment a status cell states ("Uppfyllt", "Delvis", "Röd")."""
    value = normalize(clean_cell(cell))
    if not value:
        return None
    rules = attainment_rules()
    for status in rules.order:
        for word in rules.words.get(status, []):
            w = normalize(word) or word
            if value == w or (cell.strip().startswith(word) and not normalize(word)):
                return status
    found = attainment(cell)
    return found[0] if found else None


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start))
    right = text.find(". ", end)
    sentence = text[left + 2 if left >= 0 else 0: right + 1 if right >= 0 else len(text)]
    return sentence.strip()


def split_bullets(text: str) -> list[str]:
    """Items of a cell that lists them with bullets; one item otherwise."""
    if not text or not text.strip():
        return []
    text = _SOFT.sub("", text)
    text = _HYPHEN_BREAK.sub(r"\1\2", text)
    # unmapped bullet glyphs, often inline; one after text (its first glyph
    # already cleaned away) opens the second of the cell's items
    inline = bool(_CID_BULLET.search(text.strip()[1:]))
    text = _CID_BULLET.sub("\n• ", text)
    lines = [line for line in text.splitlines() if line.strip()]
    if inline and lines and not _BULLET.match(lines[0]):
        lines[0] = "• " + lines[0]
    if sum(1 for line in lines if _BULLET.match(line)) < 2:
        item = clean_cell(text)
        return [item] if item and not is_blank_value(item) else []
    items: list[list[str]] = []
    for line in lines:
        if _BULLET.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    out = [clean_cell("\n".join(item)) for item in items]
    return [item for item in out if item and not is_blank_value(item)]


# --------------------------------------------------------------------------
# Coded actions in running text ("T1 Bygga ut ... Ansvarig: X. Tidplan: 2025.")
# --------------------------------------------------------------------------

# "T1", "E2", "A1.3", or a bare "3.3" (two numbers: "2. Optimera" is a list)
_CODE = r"(?:[A-ZÅÄÖ]{1,3}\s?\d{1,2}(?:\.\d{1,2})?|\d{1,2}\.\d{1,2})"
ITEM_CODE = re.compile(r"^(" + _CODE + r")\s+(?=[A-ZÅÄÖ”\"«])")
_CODE_SPLIT = re.compile(r"(?:^|(?<=[.!]\s))(" + _CODE + r")\s+(?=[A-ZÅÄÖ”\"«])")
_FIELD = re.compile(r"(?:^|(?<=[.!;]\s)|(?<=\s[–—]\s))([A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+)?(?:\s?\([^)]*\))?):\s+")
# "Ansvar: rektor; uppföljning: mars 2026": a field after a semicolon, its label in lower case
_LOWER_FIELD = re.compile(r"(?<=;\s)([a-zåäö]+(?:\s[a-zåäö]+)?):\s+")
# "…, klart december 2025" closing a field: the deadline after who does it
_DEADLINE_PART = re.compile(r",\s+(?:klart|klar|senast|färdigt)\s+(?P<when>[^,]+)$", re.I)
ACTIVITY_FIELD_ROLES = ("responsible", "timeline", "follow_up", "status", "comment")


def activity_field(role: str) -> Optional[str]:
    """The activity field a column role fills ("Kommentar" fills ``status``), or None."""
    if role not in ACTIVITY_FIELD_ROLES:
        return None
    return "status" if role == "comment" else role


def coded_items(text: str, line_starts: Iterable[int] = ()) -> list[tuple[int, str]]:
    """(offset, text) of each item opened by a code ("T1", "E2", "A1.3") in
    ``text``: after a sentence's end, or at one of ``line_starts`` (where a
    paragraph of its own began)."""
    marks = {m.start(): m.end() for m in _CODE_SPLIT.finditer(text)}
    first = ITEM_CODE.match(text)
    scheme = re.match(r"[A-ZÅÄÖ]+", first.group(1)) if first else None
    if scheme:
        # "KF 1 Kalix ska vara … KF 2 Invånarna ska …": a list of one scheme's codes run together
        # into one paragraph, each code opening an item even without a sentence's end before it
        for m in re.finditer(rf"(?<=\s)({scheme.group(0)}\s?\d{{1,2}}(?:\.\d{{1,2}})?)\s+(?=[A-ZÅÄÖ])", text):
            marks.setdefault(m.start(), m.end())
    for start in line_starts:
        m = ITEM_CODE.match(text[start:])
        if m and start not in marks:
            marks[start] = start + m.end()
    bounds = sorted(marks.items())
    return [(start, text[end:(bounds[n + 1][0] if n + 1 < len(bounds) else len(text))].strip())
            for n, (start, end) in enumerate(bounds)]


def inline_fields(text: str) -> tuple[str, dict]:
    """An item's own words and its labelled fields ("Ansvarig: Vöfab." -> responsible)."""
    fields: dict[str, str] = {}
    lower = [m for m in _LOWER_FIELD.finditer(text)  # not inside a closing parenthesis, which activity_tail reads
             if text.count("(", 0, m.start()) == text.count(")", 0, m.start())]
    found = sorted([*_FIELD.finditer(text), *lower], key=lambda m: m.start())
    marks = [m for m in found if activity_field(column_role(m.group(1)).role)]
    if not marks:
        return clean_text(text), fields
    body = text[: marks[0].start()]
    for n, m in enumerate(marks):
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        value = text[m.end():end].strip().rstrip(".;").strip()
        name = activity_field(column_role(m.group(1)).role)
        deadline = _DEADLINE_PART.search(value) if name == "responsible" else None
        if deadline:  # "Ansvarig: enheten för miljöskydd, klart december 2025"
            fields.setdefault("timeline", deadline.group("when").strip())
            value = value[:deadline.start()].strip()
        if value and name not in fields:
            fields[name] = value
    return clean_text(body).rstrip(" –—-,;"), fields


_NAMES_GOAL = re.compile(
    r"\b(?:bidrar\s+till|syftar\s+till|når|nå|uppfylla|stödjer)\s+(?:\w+\s+)?(?:\w+-)?mål(?:et|en)?\b", re.I)


def names_a_goal(text: str) -> bool:
    """Prose that says which goal what follows serves ("bidrar till målet om ...")."""
    return bool(_NAMES_GOAL.search(text or ""))


def labels_a_served_goal(label: str) -> bool:
    """A card label whose value is the goal the card's goal serves ("Bidrar
    till KF-mål", "Bidrar till"; ``served_goal_labels`` in columns.yaml)."""
    words = _words(clean_cell(label or "").rstrip(":"))
    return names_a_goal(label) or any(words == _words(term) for term in column_rules().served_goal_labels)
