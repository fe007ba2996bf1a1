"""Targets read from a target column ("Mål 2025", "Hastighet 2035 enligt
målbild (km/h)"), completed from what stands around the cell.

A cell of a target column often prints the value alone ("Minst 900",
"110–160"): its year is the column's, its unit the one the header gives in
parentheses ("(km/h)", "(%)") or the indicator's wording names ("Antal
besök ...", "Handläggningstid ..., veckor", "Nöjd-Kund-Index bygglov,
index").  A value or a range of values with no word asking for a movement
is a level to reach (rules/targets.yaml holds the unit vocabulary).
"""

from __future__ import annotations

import functools
import re
from typing import Optional

from . import targets
from .models import Target

_RANGE = re.compile(r"^\s*(?:ca\.?\s*)?\d[\d\s\u00a0]*(?:[.,]\d+)?\s*[–—-]\s*\d[\d\s\u00a0]*(?:[.,]\d+)?\s*(\S+)?\s*$", re.I)
_PAREN = re.compile(r"\(([^()]{1,12})\)")
_KPI = re.compile(r"\s*[–—-]?\s*\(?\b[NUV]\d{5}\b\)?")
_TAIL = re.compile(r",\s*([^,]{1,20})$")


@functools.lru_cache(maxsize=1)
def _units() -> tuple[dict[str, str], tuple[tuple[re.Pattern, str], ...]]:
    rules = targets.target_rules()
    unit_of = {term.lower(): unit for unit, terms in rules.units.items() for term in terms}
    implied = tuple(
        (re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I), unit)
        for unit, words in rules.implied_units.items()
    )
    return unit_of, implied


def unit_named(text: str) -> Optional[str]:
    """The unit a short text names ("km/h" -> "km/h", "procent" -> "%", "veckor" -> "veckor")."""
    text = (text or "").strip().strip(".").strip()
    if not text:
        return None
    unit_of, _ = _units()
    found = unit_of.get(text.lower())
    if found:
        return found
    if "/" in text and len(text) <= 8 and " " not in text and not re.search(r"\d", text):
        return text  # a rate printed as a unit: "km/h", "kr/m²"
    return None


def header_unit(header: str) -> Optional[str]:
    """The unit a column header gives in parentheses ("Hastighet 2035 (km/h)")."""
    for m in _PAREN.finditer(header or ""):
        unit = unit_named(m.group(1))
        if unit:
            return unit
    return None


def indicator_unit(text: str) -> Optional[str]:
    """The unit an indicator's wording names: its last comma part ("...,
    veckor", "..., andel (%)"), else its opening measure word ("Antal ...")."""
    text = _KPI.sub("", text or "").strip().rstrip(",.").strip()
    m = _TAIL.search(text)
    if m:
        tail = m.group(1).strip()
        unit = unit_named(tail) or header_unit(tail)
        if unit is None and tail.lower().startswith("andel"):
            unit = "%"
        if unit is None:  # "..., totalindex": a compound ending in a word of implied_units
            last = tail.split()[-1].lower() if tail.split() else ""
            unit = next((u for u, words in targets.target_rules().implied_units.items()
                         if last.endswith(tuple(w.lower() for w in words))), None)
        if unit:
            return unit
    _, implied = _units()
    for pattern, unit in implied:
        if pattern.match(text):
            return unit
    return None


def column_target(text: str, year: Optional[int], *, header: str = "", indicator: str = "") -> Optional[Target]:
    """The target a cell of a target column states, completed from its
    column (year, unit) and its indicator's wording (unit)."""
    if not text or not text.strip():
        return None
    target = targets.parse_target(text, known_target=True, year=year)
    ranged = _RANGE.match(text)
    if target is None and ranged:
        # "110–160": a span of levels to reach by the column's year
        target = Target(text=text.strip(), direction="reach", target_year=year,
                        unit=unit_named(ranged.group(1) or ""))
    if target is None:
        return None
    if year is not None and target.target_value is None and not ranged and target.target_year == year \
            and str(year) not in text:
        target.target_year = None  # "Öka" under "Mål 2025": a direction, not a level of that year ("öka (2030)" keeps its own)
    if target.unit is None and (target.target_value is not None or ranged):
        target.unit = header_unit(header) or indicator_unit(indicator)
    return target


_TRAILING = re.compile(r"\(([^()]*\b(?:19|20)\d\d\b[^()]*)\)\s*\.?\s*$")
_COMPARED = re.compile(
    r"\b([^\W\d_]+)\s+(?:än|jämfört med|i jämförelse med|i förhållande till)\b[^()]*?\b((?:19|20)\d\d)\b", re.I
)


def compared_target(text: str) -> Optional[Target]:
    """A movement measured against a year ("större än 2022", "ska öka i
    jämförelse med 2022", "ökning jämfört med 2022 års siffror"): the
    direction its comparative asks for, from the year as baseline."""
    m = _COMPARED.search(text or "")
    if not m:
        return None
    word = m.group(1).lower()
    for direction, stems in comparatives().items():
        if any(word.startswith(stem) for stem in stems):
            return Target(text=text.strip(), direction=direction, baseline_year=int(m.group(2)))
    return None


def trailing_target(indicator: str) -> Optional[Target]:
    """The target an indicator states in parentheses at its end
    ("Statistik frisknärvaro (större än 2022)")."""
    m = _TRAILING.search(indicator or "")
    return compared_target(m.group(1)) if m else None


@functools.lru_cache(maxsize=1)
def comparatives() -> dict[str, tuple[str, ...]]:
    from .prose import prose_rules

    return {d: tuple(w.lower() for w in words) for d, words in prose_rules().comparatives.items()}


_QUANTITY = re.compile(r"(?<![\d,.])(\d+(?:[.,]\d+)?)\s*(%|procent\b)", re.I)
_PREDICATE = re.compile(r"^(.*?)(?:\b(?:är|innebär)\s+(?=(?:att|en|ett|det)\b)|\s[–—-]\s+(?=att\b))", re.I)


def stated_level(sentence: str) -> Optional[Target]:
    """The target of a goal sentence ("Det finansiella målet 2027 är ett
    positivt resultat på 1 procent av omsättningen"): read from what the goal
    is said to be, its year from the subject; one share named without a
    comparison word is the level to reach."""
    m = _PREDICATE.match(sentence or "")
    if not m:
        return None
    years = re.findall(r"\b((?:19|20)\d\d)\b", m.group(1))
    year = int(years[-1]) if years else None
    predicate = sentence[m.end():].strip().rstrip(".").strip()
    target = targets.parse_target(predicate, known_target=True, year=year)
    if target is None:
        target = dated_target(predicate, year=year)
    return target


_YEAR_AFTER = re.compile(r"\b(?:till|senast|år|fram till|till och med|innan|före)\s+(?:år\s+)?((?:19|20)\d\d)\b", re.I)
_BASE_YEAR = re.compile(r"\b(?:jämfört med|från|i förhållande till)\s+(?:år\s+)?((?:19|20)\d\d)\b", re.I)


def dated_target(text: str, *, year: Optional[int] = None) -> Optional[Target]:
    """A level or state a statement sets for a year ("Blekinges elproduktion
    är 100 procent förnybar år 2040", "50 procent effektivare
    energianvändning till år 2030 jämfört med 2005", "att vara en
    fossiloberoende region år 2030"); None without a year or with more than
    one share."""
    text = (text or "").strip().rstrip(".").strip()
    base = _BASE_YEAR.search(text)
    by = [m for m in _YEAR_AFTER.finditer(text) if not base or m.start(1) != base.start(1)]
    target_year = int(by[-1].group(1)) if by else year
    if target_year is None:
        return None
    shares = _QUANTITY.findall(text)
    if len(shares) > 1:
        return None
    target = Target(text=text, direction="reach", target_year=target_year,
                    baseline_year=int(base.group(1)) if base else None)
    if shares:
        target.target_value, target.unit, target.target_op = float(shares[0][0].replace(",", ".")), "%", "="
        after = text[_QUANTITY.search(text).end():].split()
        word = after[0].lower() if after else ""
        for direction, stems in comparatives().items():
            if any(word.startswith(stem) for stem in stems):
                target.direction, target.target_op = direction, None
        if target.direction == "reach" and len(word) > 5 and word.endswith("are"):
            target.direction, target.target_op = "increase", None  # "50 procent effektivare"
    return target


_MEANS = re.compile(r"\s+(?:genom att|för att|så att)\s+", re.I)  # a means or purpose clause after the goal


def goal_target(text: str, *, year: Optional[int] = None) -> Optional[Target]:
    """A goal's own target: a value, or a movement it asks for ("Minska
    sjukfrånvaron med 1 %"), read in the main clause when a means or purpose
    clause follows ("Öka cyklingens attraktivitet genom att ..."); None for a
    task ("Utveckla handledarskapet")."""
    if not text or not text.strip():
        return None
    target = targets.parse_target(text, year=year)
    head = _MEANS.split(text, maxsplit=1)[0]
    if target is None and head != text:
        target = targets.parse_target(head, year=year)
        if target is not None:
            target.text = text
    if target is None or target.direction is None and target.target_value is None:
        return None
    if target.direction == "reach" and target.target_value is None and target.target_year is None:
        return None
    return target
