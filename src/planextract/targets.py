"""Reading a target (målvärde) out of Swedish plan text.

``parse_target("ska öka från 60 % (2022) till minst 70 % fram till och med
2023")`` gives a :class:`~planextract.models.Target` with direction
``increase``, ``>=`` 70 %, target year 2023 and baseline 60 % (2022).
Background prose, page numbers, dates and status words give ``None``.

The words (directions, operators, units, year markers) live in
``rules/targets.yaml``; the regular expressions built from them are
compiled once per process.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from pydantic import field_validator, model_validator

from .models import DIRECTIONS, TARGET_OPS, Target
from .rules import RulesModel, load_rules

# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------


class TargetRules(RulesModel):
    """The shape of ``rules/targets.yaml``."""

    directions: dict[str, list[str]]
    not_directions: list[str]
    hedges: list[str]
    reporting: list[str]
    modals: list[str]
    subordinators: list[str]
    finite_verbs: list[str]
    short_infinitives: list[str]
    operators: dict[str, list[str]]
    postfix_operators: dict[str, list[str]]
    units: dict[str, list[str]]
    implied_units: dict[str, list[str]]
    number_words: dict[str, int]
    horizons: list[str]
    baselines: list[str]
    negated_subjects: list[str]
    not_targets: list[str]
    short_text_words: int

    @field_validator("directions")
    @classmethod
    def _known_directions(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(DIRECTIONS))
        if unknown:
            raise ValueError(f"unknown direction {unknown[0]!r} (allowed: {', '.join(DIRECTIONS)})")
        return value

    @field_validator("operators", "postfix_operators")
    @classmethod
    def _known_operators(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(TARGET_OPS))
        if unknown:
            raise ValueError(f"unknown operator {unknown[0]!r} (allowed: {', '.join(TARGET_OPS)})")
        return value

    @field_validator("short_text_words")
    @classmethod
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be at least 1")
        return value

    @model_validator(mode="after")
    def _no_empty_or_shared_terms(self) -> "TargetRules":
        for group in ("directions", "operators", "postfix_operators", "units"):
            seen: dict[str, str] = {}
            for key, terms in getattr(self, group).items():
                if not terms:
                    raise ValueError(f"{group}.{key}: empty list")
                for term in terms:
                    folded = str(term).strip().lower()
                    if not folded:
                        raise ValueError(f"{group}.{key}: empty term")
                    if folded in seen and seen[folded] != key:
                        raise ValueError(
                            f"{group}.{key}: {term!r} is also listed under {seen[folded]!r}"
                        )
                    seen[folded] = key
        return self


def target_rules(folder: Optional[str] = None) -> TargetRules:
    """The validated ``targets.yaml`` (cached)."""
    return load_rules("targets.yaml", TargetRules, folder)


# --------------------------------------------------------------------------
# Compiled vocabulary
# --------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u2007\u2009\u202f]+")
_DASHES = str.maketrans({"\u2212": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-"})
_SOFT = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_TAGS = re.compile(r"</?[a-zA-Z][^<>]{0,40}>")
_QUOTED = re.compile(r"[\"”“„»«][^\"”“„»«]{2,200}[\"”“„»«]")
_LIGATURES = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl"})

# A number: optional sign, thousands in groups of three after a space, a
# decimal comma or point.  Not glued to a word, a slash or another number.
_NUMBER = re.compile(
    r"(?<![\w.,/\-–])(?P<sign>[-–](?=\d))?"
    r"(?P<int>\d{1,3}(?: \d{3}(?!\d))+|\d+)"
    r"(?:[.,](?P<frac>\d+))?(?![\w])(?![.,]\d)"
)
_YEAR = re.compile(
    r"(?<![\w.,/\-])(?P<year>19[5-9]\d|20\d\d|21\d\d)"
    r"(?:\s?[-–]\s?(?P<end>19[5-9]\d|20\d\d|21\d\d)|-\d\d-\d\d)?(?![\w])(?![.,]\d)"
)
_RANGE_AFTER = re.compile(r"\s?[-–]\s?\d")
_RANGE_BEFORE = re.compile(r"\d\s?[-–]\s?$")
_PAREN = re.compile(r"\([^()]*\)")
_LETTER = re.compile(r"[^\W\d_]")
_FILLER = r"(?:\s+(?:nuvarande|dagens|ca\.?|cirka|ungefär|omkring|drygt|knappt))?"
_PREFIX = re.compile(r"(?:^|\W)(?P<word>från|till|med)" + _FILLER + r"\s*$", re.I)
_DENOMINATOR = re.compile(r"(?:\bper|/)\s*$", re.I)
# Words that qualify a value or a year stand at most this many characters before it.
_LOOK_BACK = 60
_RATE = re.compile(r"\bper \d{1,3}(?: \d{3})* (?:invånare|inv\.?)(?![\w])", re.I)
_YEAR_OWNER = re.compile(r"\s+års\b", re.I)
_NEGATED_OP = {">": "<=", "<": ">=", ">=": "<", "<=": ">"}
_YEAR_AFTER_VALUE = re.compile(r"\s*(?:år|i|under)?\s*", re.I)
_YEAR_NEXT = re.compile(r"\s+(?:19|20)\d\d(?!\d)")
_SENTENCE_END = re.compile(r"(?<=[^\s.]{3}[.!?])\s+(?=[A-ZÅÄÖ])")
_WORD = re.compile(r"[\w%≥≤<>=]+(?:[.,]\d+)?")


_STAR, _END_WORD, _END = ("*",), ("w",), ("",)  # trie markers (never a character)


def _alternation(terms) -> str:
    """One regular expression for many terms, whole words, case folded.

    The terms share their common beginnings (a trie), which makes matching
    several times faster than a flat alternation; longer terms win.  A term
    ending in ``*`` takes up to four more letters.
    """
    trie: dict = {}
    for term in {t.strip().lower() for t in terms if t.strip()}:
        star = term.endswith("*")
        body = " ".join((term[:-1] if star else term).split())
        node = trie
        for char in body:
            node = node.setdefault(char, {})
        node[_STAR if star else (_END_WORD if body[-1:].isalnum() else _END)] = {}
    return _trie_regex(trie, first=True)


def _trie_regex(node: dict, first: bool = False) -> str:
    alternatives = []
    for key in sorted(k for k in node if isinstance(k, str)):
        piece = r"\s+" if key == " " else re.escape(key)
        if first and key.isalnum():
            piece = r"(?<![\w])" + piece
        alternatives.append(piece + _trie_regex(node[key]))
    for marker, pattern in ((_STAR, r"\w{0,4}(?![\w])"), (_END_WORD, r"(?![\w])"), (_END, "")):
        if marker in node:
            alternatives.append(pattern)
    if len(alternatives) == 1:
        return alternatives[0]
    return "(?:" + "|".join(alternatives) + ")"


def _ending(terms) -> re.Pattern:
    """Matches when a text ends with one of ``terms`` (whole words)."""
    return re.compile(r"(?:" + _alternation(terms) + r")\s*$", re.I)


@dataclass(frozen=True)
class _Vocab:
    directions: list[tuple[re.Pattern, str]]
    not_direction: re.Pattern
    operators: re.Pattern
    operator_of: dict[str, str]
    postfix: re.Pattern
    postfix_of: dict[str, str]
    unit: re.Pattern
    unit_of: dict[str, str]
    implied_units: list[tuple[re.Pattern, str]]
    number_word: re.Pattern
    number_words: dict[str, int]
    modal: re.Pattern
    subordinator: re.Pattern
    finite_verb: re.Pattern
    short_infinitives: frozenset
    hedge_before: re.Pattern
    reporting_before: re.Pattern
    horizon_before: re.Pattern
    baseline_before: re.Pattern
    negated_subject: re.Pattern
    not_targets: frozenset
    short_text_words: int


@functools.lru_cache(maxsize=None)
def _vocab(folder: Optional[str] = None) -> _Vocab:
    rules = target_rules(folder)
    operator_of = {t.lower(): op for op, terms in rules.operators.items() for t in terms}
    unit_of = {t.lower(): unit for unit, terms in rules.units.items() for t in terms}
    postfix_of = {t.lower(): op for op, terms in rules.postfix_operators.items() for t in terms}
    return _Vocab(
        directions=[
            (re.compile(_alternation(terms), re.I), direction)
            for direction, terms in rules.directions.items()
        ],
        not_direction=re.compile(_alternation(rules.not_directions) if rules.not_directions else r"(?!)", re.I),
        operators=re.compile(_alternation(operator_of), re.I),
        operator_of=operator_of,
        postfix=re.compile(r"\s+(" + _alternation(postfix_of) + r")", re.I),
        postfix_of={_SPACES.sub(" ", k): v for k, v in postfix_of.items()},
        unit=re.compile(r"\s*(?:" + _alternation(unit_of) + r")", re.I),
        unit_of={_SPACES.sub(" ", k): v for k, v in unit_of.items()},
        implied_units=[
            (re.compile(r"\w*(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w])", re.I), unit)
            for unit, words in rules.implied_units.items()
        ],
        number_word=re.compile(r"\s+(?:" + _alternation(rules.number_words) + r")", re.I),
        number_words={k.lower(): v for k, v in rules.number_words.items()},
        modal=re.compile(_alternation(rules.modals), re.I),
        subordinator=re.compile(_alternation(rules.subordinators), re.I),
        finite_verb=re.compile(_alternation(rules.finite_verbs), re.I),
        short_infinitives=frozenset(w.lower() for w in rules.short_infinitives),
        hedge_before=_ending(rules.hedges),
        reporting_before=_ending(rules.reporting),
        horizon_before=_ending(rules.horizons),
        baseline_before=_ending(rules.baselines),
        negated_subject=re.compile(r"(?<!\w)(?:" + _alternation(rules.negated_subjects) + r")(?!\w)", re.I),
        not_targets=frozenset(t.strip().lower() for t in rules.not_targets),
        short_text_words=rules.short_text_words,
    )


# --------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------


def is_no_target(text: str) -> bool:
    """A whole text that is never a target: a status word, a placeholder,
    "Följs" / "följs upp utan målvärde" in a target cell."""
    words = (text or "").lower().strip(" .:;,!*#_")
    # "Fastställs 2026", "Ny indikator 2025": the placeholder with the year it speaks of
    return words in _vocab().not_targets or re.sub(r"\s+(?:19|20)\d\d$", "", words) in _vocab().not_targets


def clean_text(text: str) -> str:
    """Unicode-normalised, soft hyphens dropped, minus signs and spaces folded."""
    text = unicodedata.normalize("NFC", text or "").translate(_LIGATURES).translate(_DASHES)
    return _SPACES.sub(" ", _SOFT.sub("", _TAGS.sub(" ", text))).strip()


@dataclass
class _Quantity:
    start: int
    end: int  # after the unit, when there is one
    op_start: int  # where its operator starts (its own start when it has none)
    value: float
    unit: Optional[str]
    op: Optional[str]
    op_word: Optional[str]
    prefix: Optional[str]  # från | till | med
    in_parens: bool
    baseline: bool
    postfix: Optional[tuple[int, int]] = None  # where a comparison after the value stands


def _number_value(match: re.Match) -> float:
    digits = match.group("int").replace(" ", "")
    frac = match.group("frac")
    value = float(f"{digits}.{frac}" if frac else digits)
    return -value if match.group("sign") else value


def _unit_at(vocab: _Vocab, text: str, pos: int) -> tuple[Optional[str], int]:
    match = vocab.unit.match(text, pos)
    if not match:
        return None, pos
    key = _SPACES.sub(" ", match.group(0).strip().lower())
    return vocab.unit_of.get(key), match.end()


def _operator_before(vocab: _Vocab, text: str, start: int, ops: list) -> Optional[tuple]:
    """The operator match that ends right before ``start`` (spaces between)."""
    for match in ops:
        if match.end() <= start and not text[match.end():start].strip():
            return match
    return None


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _quantities(vocab: _Vocab, text: str, ops: list, parens: list) -> list[_Quantity]:
    found: list[_Quantity] = []
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        before = text[max(0, start - _LOOK_BACK):start]
        if _RANGE_AFTER.match(text, end) or _RANGE_BEFORE.search(before):
            continue  # an age span or a range ("16-24 år", "skala 1-4")
        if _DENOMINATOR.search(before):
            continue  # "per 10 000 invånare", "antal/1000"
        value = _number_value(match)
        unit, unit_end = _unit_at(vocab, text, end)
        if unit == "år" and _YEAR_NEXT.match(text, unit_end):
            unit, unit_end = None, end  # "högst 12 år 2028": "år" names the year
        op_match = _operator_before(vocab, text, start, ops)
        op_word = op_match.group(0).lower() if op_match else None
        year_like = (
            match.group("frac") is None
            and match.group("sign") is None
            and " " not in match.group("int")
            and 1950 <= value <= 2100
            and unit is None
        )
        if year_like and (op_word is None or op_word in ("under", "inom", "över", "till")):
            continue  # a year, read by _years
        if unit == "år" and op_word is None:
            continue  # an age ("65 år och äldre")
        quantity = _make_quantity(vocab, text, start, unit_end, value, unit, op_match, parens)
        after = vocab.postfix.match(text, unit_end) if op_match is None else None
        if after:  # "0 tkr eller bättre", "80 eller mer"
            quantity.op = vocab.postfix_of[_SPACES.sub(" ", after.group(1).lower())]
            quantity.end, quantity.postfix = after.end(), after.span(1)
        found.append(quantity)
    for op_match in ops:
        if not op_match.group(0)[-1:].isalpha():
            continue  # "<i>" is markup, not "< 1"
        number = vocab.number_word.match(text, op_match.end())
        if not number:
            continue
        word = number.group(0).strip().lower()
        unit, unit_end = _unit_at(vocab, text, number.end())
        found.append(
            _make_quantity(
                vocab, text, number.start() + len(number.group(0)) - len(word),
                unit_end, float(vocab.number_words[word]), unit, op_match, parens,
            )
        )
    found.sort(key=lambda q: q.start)
    return found


def _make_quantity(vocab, text, start, end, value, unit, op_match, parens) -> _Quantity:
    op_start = op_match.start() if op_match else start
    before = text[max(0, op_start - _LOOK_BACK):op_start]
    prefix = _PREFIX.search(before)
    baseline = bool(vocab.baseline_before.search(before)) and not op_match
    return _Quantity(
        start=start,
        end=end,
        op_start=op_start,
        value=value,
        unit=unit,
        op=vocab.operator_of[_SPACES.sub(" ", op_match.group(0).lower())] if op_match else None,
        op_word=op_match.group(0).lower() if op_match else None,
        prefix=prefix.group("word").lower() if prefix else None,
        in_parens=_in_spans(start, parens),
        baseline=baseline,
    )


def _valid_modals(vocab: _Vocab, text: str) -> list[re.Match]:
    """Modal verbs that open the text's own statement (not a purpose clause)."""
    valid = []
    for match in vocab.modal.finditer(text):
        clause = re.split(r"[.;:!?]\s", text[max(0, match.start() - 200):match.start()])[-1]
        words = clause.split()[-8:]
        if not vocab.subordinator.search(" ".join(words)):
            valid.append(match)
    return valid


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())


def _looks_imperative(vocab: _Vocab, text: str) -> bool:
    """A short text opening with a verb in the infinitive ("Hitta lämplig lokal")."""
    words = text.split()
    if len(words) < 2 or text.isupper() or vocab.finite_verb.search(text):
        return False  # a label ("Summa"), a heading in capitals, a statement
    first = words[0].lower().strip(".,:;")
    if first in vocab.short_infinitives:
        return True
    if len(first) < 3 or not first.endswith("a") or not first.isalpha():
        return False
    from .lexicon import is_infinitive  # a word list, no spaCy

    return is_infinitive(first)


def parse_target(
    text: str,
    *,
    known_target: bool = False,
    year: Optional[int] = None,
    rules_folder: Optional[str] = None,
) -> Optional[Target]:
    """The target a text states, or ``None`` when it states none.

    ``direction`` is ``reach`` when the text sets a level or state without
    asking for a movement.  A value read after "med" ("Minska med 1
    %-enhet") is a change, so it has no operator; a value with no
    comparison word ("till 95 %") has operator ``=``.

    ``known_target``: the caller knows the text states a target (a cell of
    a "Mål" column, an indicator's own wording), so a bare number ("14") and
    a bare statement ("Det ska finnas mötesplatser för alla åldrar") are
    targets to reach too.  ``year``: the target year when the text names
    none (the year of the column or the plan it stands in).
    """
    vocab = _vocab(rules_folder)
    clean = clean_text(text)
    if not clean:
        return None
    parts = _SENTENCE_END.split(clean)
    if len(parts) > 1 and len(parts[0].split()) <= 3:
        parts = [parts[0] + " " + parts[1]] + parts[2:]  # a label: "Äldreomsorg. Andelen ..."
    # the first sentence states the target; later ones explain it
    target = _parse(vocab, parts[0], known_target)
    if target is not None:
        target.text = clean
        if target.target_year is None and year is not None:
            target.target_year = year
    return target


def _parse(vocab: _Vocab, clean: str, known_target: bool = False) -> Optional[Target]:
    folded = clean.lower().strip(" .:;,!*#_")
    if folded in vocab.not_targets or not folded or folded.endswith("?"):
        return None  # a status word, a placeholder or a question
    if not _LETTER.search(clean) and not re.search(r"[%≥≤<>]", clean):
        bare = _NUMBER.fullmatch(clean)
        if known_target and bare and not _YEAR.fullmatch(clean):
            return Target(text=clean, direction="reach", target_op="=", target_value=_number_value(bare))
        return None  # a bare number, a year, a date or a page number

    parens = [m.span() for m in _PAREN.finditer(clean)]
    parens += [m.span() for m in _QUOTED.finditer(clean)]  # a quoted title says nothing
    ops = [m for m in vocab.operators.finditer(clean)]
    quantities = _quantities(vocab, clean, ops, parens)
    # comparison words hide the direction words inside them ("lägre än"),
    # but "inom" before no value leaves "inom tilldelad budgetram" alone
    governing = {q.op_start for q in quantities if q.op}
    op_spans = [m.span() for m in ops if m.start() in governing or m.group(0).lower().endswith(" än")]
    op_spans += [q.postfix for q in quantities if q.postfix]
    n_words = len(clean.split())
    short = n_words <= vocab.short_text_words
    modals = _valid_modals(vocab, clean)
    modal_at = modals[0].end() if modals else None

    # a baseline in a parenthesis of its own counts when labelled there: "(utgångsläge 68 procent 2024)"
    baseline = next((q for q in quantities if q.baseline and (not q.in_parens or _labelled_in_paren(vocab, clean, q))),
                    None)
    candidates = [q for q in quantities if q is not baseline and not q.in_parens]
    # "Minst 90 procent av besluten ska fattas inom 14 dagar": the share it opens with is the target
    leading = next((q for q in candidates if q.op and q.op_start == 0), None)
    if not short:
        # long text: only what follows its own "ska" counts
        candidates = [q for q in candidates if modal_at is not None and q.start >= modal_at]
    target = (
        leading
        or next((q for q in candidates if q.op and (modal_at is None or q.start >= modal_at)), None)
        or next((q for q in candidates if q.op), None)
        or next((q for q in candidates if q.prefix == "till" and (not baseline or q.start > baseline.start)), None)
        or next((q for q in candidates if q.prefix == "med" and q.unit), None)
        or next(
            (q for q in candidates if q.unit and (n_words <= 4 or modals or q.start == 0)), None
        )
    )

    if baseline is None and target is not None:
        # "ska ligga kvar på minst 92 % (93 % år 2024)": the level now
        baseline = next((q for q in quantities if q.in_parens and _owner([target], q.start - 1, clean)
                         and clean[target.end:q.start].strip() == "("), None)
        if baseline is not None:
            baseline.baseline = True
    if target is not None and target.op in _NEGATED_OP and vocab.negated_subject.search(clean, 0, target.op_start):
        target.op = _NEGATED_OP[target.op]  # "ingen ska vänta mer än 60 dagar": at most 60

    direction = _direction(vocab, clean, op_spans, parens, modals, short, target)
    quoted = [m.span() for m in _QUOTED.finditer(clean)]
    target_year, baseline_year = _years(vocab, clean, quantities, target, baseline, quoted)
    if direction is None and target is None:
        if baseline is not None or quantities:
            return None
        stated = bool(modals) and (known_target or (target_year is not None and short))
        if not stated and not (short and _looks_imperative(vocab, clean)):
            return None  # "ska vara fossilfria senast år 2030" is a target, prose is not
        direction = "reach"

    if direction is None:
        direction = "reach"
        if baseline and target and baseline.value != target.value and not target.op:
            direction = "increase" if target.value > baseline.value else "decrease"

    op = value = unit = None
    if target is not None:
        value, unit = target.value, target.unit or (baseline.unit if baseline else None)
        op = target.op or (None if target.prefix == "med" else "=")
    if target is not None and unit is None:
        rate = _RATE.search(clean)
        unit = _SPACES.sub(" ", rate.group(0).lower()) if rate else None
    if target is not None and unit is None:
        unit = next((u for pattern, u in vocab.implied_units if pattern.search(clean)), None)
    return Target(
        text=clean,
        direction=direction,
        target_op=op,
        target_value=value,
        unit=unit,
        target_year=target_year,
        baseline_value=baseline.value if baseline else None,
        baseline_year=baseline_year,
    )


def _direction(vocab, text, op_spans, parens, modals, short, target) -> Optional[str]:
    """The first direction word that speaks for the text itself."""
    hits = []
    for pattern, direction in vocab.directions:
        for match in pattern.finditer(text):
            hits.append((match.start(), match.end(), direction))
    hits.sort()
    for start, end, direction in hits:
        if _in_spans(start, op_spans) or _in_spans(start, parens):
            continue
        if vocab.not_direction.match(text, start):
            continue  # "växa upp": a phrase, no movement
        before = text[max(0, start - _LOOK_BACK):start]
        if vocab.hedge_before.search(before) or vocab.reporting_before.search(before):
            continue
        if target is not None and start > target.end and not short:
            continue
        if target is not None and start > target.end and target.op:
            continue  # "ska vara minst 90 % och öka": the level is the target
        if direction == "reach" and target is None:
            continue  # "Detta ska nås genom ...": no level to reach
        if short:
            return direction
        if any(m.end() <= start and _words_between(text, m.end(), start) <= 3 for m in modals):
            return direction
    return None


def _years(vocab, text, quantities, target, baseline, quoted) -> tuple[Optional[int], Optional[int]]:
    """(target year, baseline year) from the years the text names."""
    horizon: list[int] = []
    free: list[tuple[int, int]] = []
    target_year = baseline_year = None
    taken = [(q.start, q.end) for q in quantities] + quoted
    for match in _YEAR.finditer(text):
        start = match.start()
        if _in_spans(start, taken):
            continue
        year = int(match.group("year"))
        end_year = int(match.group("end")) if match.group("end") else None
        before = text[max(0, start - _LOOK_BACK):start]
        stripped = text[:start].rstrip()
        if baseline is not None and (
            (baseline.in_parens and _same_paren(text, baseline.start, start))  # "(93 % år 2024)"
            or (start > baseline.end and _YEAR_AFTER_VALUE.fullmatch(text, baseline.end, start))  # "från 140 år 2024"
        ):
            baseline_year = baseline_year or year
            continue
        if stripped.endswith("("):
            owner = _owner(quantities, len(stripped) - 1, text)
            if owner is not None and owner is baseline:
                baseline_year = baseline_year or year
                continue
            if owner is not None and owner is target:
                target_year = target_year or (end_year or year)
                continue
        if vocab.baseline_before.search(before) or _YEAR_OWNER.match(text, match.end()):
            baseline_year = baseline_year or year
            continue
        if vocab.horizon_before.search(before):
            horizon.append(end_year or year)
            continue
        free.append((start, end_year or year))
    if target_year is None and horizon:
        target_year = horizon[0]
    if target_year is None and free:
        after = [y for s, y in free if target is not None and s > target.start]
        if after:
            target_year = after[0]
        elif target is None and free[-1][0] >= len(text.rstrip(" .")) - 9:
            target_year = free[-1][1]  # a year closing the text: "Klart 2025"
    return target_year, baseline_year


def _labelled_in_paren(vocab: _Vocab, text: str, q: _Quantity) -> bool:
    """True when the baseline word before ``q`` stands inside ``q``'s parenthesis."""
    opening = text.rfind("(", 0, q.start)
    return opening >= 0 and bool(vocab.baseline_before.search(text[opening + 1:q.start]))


def _same_paren(text: str, a: int, b: int) -> bool:
    """True when positions ``a`` and ``b`` lie inside one parenthesis."""
    return any(m.start() < min(a, b) and max(a, b) < m.end() for m in _PAREN.finditer(text))


def _owner(quantities, paren_at: int, text: str) -> Optional[_Quantity]:
    """The quantity a parenthesis follows directly ("60 % (2022)")."""
    for q in quantities:
        if q.end <= paren_at and not text[q.end:paren_at].strip():
            return q
    return None
