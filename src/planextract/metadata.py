"""Document metadata: who wrote a document, what it is and when it applies.

:func:`detect_metadata` reads the cover (the first page with text), the next
pages and the running headers and footers, and falls back on the file name:

- the organisation: one of the 290 kommuner (``rules/kommuner.csv``), one
  of the 21 regions (``rules/regioner.csv``) or a kommunalförbund.  Each
  candidate collects evidence ("Sala kommun", "Göteborgs Stad", a website
  "alingsas.se", "Region Skåne", a förbund word, the file name), weighted by
  where it stands; the best scoring one wins.  A region gets
  ``kommun=None`` and ``kommun_code`` = its two-digit län code (never
  confused with a four-digit kommunkod); a kommunalförbund gets the member
  kommun only when exactly one kommun is named as strongly as the förbund;
- the organ (nämnd, styrelse, fullmäktige, direktion), the document type
  (vocabulary in ``rules/metadata.yaml``), the period, the adoption date,
  the diarienummer and the cover title.

Unknown values are ``None``; nothing is guessed from a single weak hint.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from . import fuzzy
from .models import DocumentMeta, Line, PageLayout
from .rules import RulesModel, load_rules, load_table

# --------------------------------------------------------------------------
# Rules and reference tables
# --------------------------------------------------------------------------


class DocTypeRule(RulesModel):
    type: str
    terms: list[str]
    compound: bool = False


class Weights(RulesModel):
    strong: float
    website: float
    bare: float
    cover: float
    early: float
    running: float
    file_start: float
    file_other: float
    min_score: float
    max_pages: int


class MetadataRules(RulesModel):
    doc_types: list[DocTypeRule]
    doc_type_exclude: list[str]
    doc_type_labels: list[str]
    organ_words: list[str]
    organ_adjectives: list[str]
    organ_names: list[str]
    organ_labels: list[str]
    adoption_words: list[str]
    adoption_labels: list[str]
    not_adoption_labels: list[str]
    diarienummer_labels: list[str]
    validity_labels: list[str]
    year_name_words: list[str]
    kommun_suffixes: list[str]
    ambiguous_kommuner: list[str]
    kommun_aliases: dict[str, list[str]]
    region_aliases: dict[str, list[str]]
    region_words: list[str]
    forbund_words: list[str]
    forbund_name_endings: list[str]
    known_forbund: list[str]
    kommun_organs: list[str]
    weights: Weights


def metadata_rules() -> MetadataRules:
    return load_rules("metadata.yaml", MetadataRules)


@dataclass(frozen=True)
class Kommun:
    code: str
    name: str
    short_name: str
    lan_code: str
    lan_name: str


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    lan_name: str
    lan_short_name: str


@functools.lru_cache(maxsize=None)
def kommuner() -> dict[str, Kommun]:
    """The 290 kommuner by SCB kommunkod (``rules/kommuner.csv``)."""
    return {row["code"]: Kommun(**row) for row in load_table("kommuner.csv")}


@functools.lru_cache(maxsize=None)
def regioner() -> dict[str, Region]:
    """The 21 regions by län code (``rules/regioner.csv``)."""
    return {row["code"]: Region(**row) for row in load_table("regioner.csv")}


def organisation_name(code: Optional[str]) -> Optional[str]:
    """The name of the kommun (four digits) or region (two digits) with ``code``."""
    if not code:
        return None
    if len(code) == 2 and code in regioner():
        return regioner()[code].name
    kommun = kommuner().get(code)
    return kommun.short_name if kommun else None


# --------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\ufffe\u200b\u200c\u200d\ufeff"), None)
_SPACE = re.compile(r"\s+")
_LETTER = "A-Za-zÅÄÖåäöÉéÜü"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DASH = r"[-–—‐‑]"
_MONTHS = {
    name: n
    for n, names in enumerate(
        [("januari", "jan"), ("februari", "feb"), ("mars", "mar"), ("april", "apr"),
         ("maj",), ("juni", "jun"), ("juli", "jul"), ("augusti", "aug"),
         ("september", "sep", "sept"), ("oktober", "okt"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_ISO_DATE = re.compile(rf"\b({_YEAR})\s?{_DASH}\s?(\d{{1,2}})\s?{_DASH}\s?(\d{{1,2}})\b")
_TEXT_DATE = re.compile(
    rf"\b(\d{{1,2}})\s+({'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?\s+({_YEAR})\b",
    re.IGNORECASE,
)
# "Label:" inside a line of cover fields ("Typ av styrdokument: Plan Giltighetstid: ...")
_NEXT_LABEL = re.compile(rf"\s[A-ZÅÄÖ][{_LETTER} /]{{2,30}}:(?:\s|$)")


def clean(text: str) -> str:
    """NFC, invisible characters (soft hyphens) removed, white space folded."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACE.sub(" ", text).strip()


def ascii_slug(text: str) -> str:
    """``"Alingsås kommun"`` -> ``"alingsas-kommun"`` (file names have no å, ä, ö)."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def parse_date(text: str) -> Optional[str]:
    """The first valid date in ``text`` as ISO ``YYYY-MM-DD``, or ``None``."""
    found = []
    for match in _ISO_DATE.finditer(text):
        found.append((match.start(), int(match[1]), int(match[2]), int(match[3])))
    for match in _TEXT_DATE.finditer(text):
        found.append((match.start(), int(match[3]), _MONTHS[match[2].lower()], int(match[1])))
    for _, year, month, day in sorted(found):
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            continue
    return None


def _words_pattern(words: Iterable[str]) -> str:
    escaped = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return "(?:" + "|".join(escaped) + ")"


def _label_values(lines: list[str], labels: Iterable[str]) -> list[tuple[str, str]]:
    """``(label, value)`` of every ``Label: value`` field, value cut at the next label."""
    pattern = re.compile(
        rf"(?<![{_LETTER}])({_words_pattern(labels)})\s*:\s*(.*)$", re.IGNORECASE
    )
    found = []
    for line in lines:
        for match in pattern.finditer(line):
            value = match[2]
            cut = _NEXT_LABEL.search(" " + value)
            if cut:
                value = (" " + value)[: cut.start()]
            found.append((match[1].lower(), value.strip(" .,;|")))
    return found


# --------------------------------------------------------------------------
# The document's text, by where it stands
# --------------------------------------------------------------------------


@dataclass
class _Text:
    """Lines of one document grouped for metadata: cover, early pages, running lines."""

    cover: list[Line]
    pages: list[tuple[int, list[str]]]  # (page number, cleaned lines)
    running: list[str]
    cover_number: int

    @property
    def first_lines(self) -> list[str]:
        """The cover and the two pages after it, then the running lines."""
        out: list[str] = []
        for number, lines in self.pages:
            if number <= self.cover_number + 2:
                out.extend(lines)
        return out + self.running


def _document_text(pages: list[PageLayout], max_pages: int) -> _Text:
    with_text = [p for p in pages if p.has_text]
    cover_page = with_text[0] if with_text else None
    cover = []
    if cover_page is not None:
        cover = [
            Line(clean(line.text), line.page, line.bbox, line.font_size, line.bold)
            for line in sorted(cover_page.lines, key=lambda l: (round(l.top), l.x0))
            if clean(line.text)
        ]
    grouped = [
        (page.number, [clean(line.text) for line in page.lines if clean(line.text)])
        for page in pages[:max_pages]
    ]
    running: list[str] = []
    for page in pages:
        for line in page.removed:
            text = clean(line.text)
            if text and text not in running:
                running.append(text)
    return _Text(cover, grouped, running, cover_page.number if cover_page else 1)


# --------------------------------------------------------------------------
# Title
# --------------------------------------------------------------------------

_JUNK = re.compile(r"^(?:\d{1,3}(?:\s*\(\d+\))?|[\w.-]+\.(?:se|nu|com|org)|www\..*|sida \d+.*|.)$", re.IGNORECASE)


def _is_junk(text: str) -> bool:
    return bool(_JUNK.match(text)) or parse_date(text) == text or bool(
        _ISO_DATE.fullmatch(text)
    )


def _join_lines(texts: list[str]) -> str:
    """Join title lines, undoing a word broken at a line end ("Kompetens-" "försörjningsplan")."""
    out = ""
    for text in texts:
        if out.endswith("-") and text[:1].islower() and not re.match(r"(och|eller|samt)\b", text):
            out = out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
    return clean(out)


def _title_lines(cover: list[Line]) -> list[str]:
    candidates = [line for line in cover if not _is_junk(line.text)]
    if not candidates:
        return []
    biggest = max(line.font_size for line in candidates)
    if biggest <= 0:
        return [candidates[0].text]
    title: list[Line] = []
    for line in candidates:
        if line.font_size >= 0.8 * biggest:
            if title and line.top - title[-1].bottom > 0.6 * title[-1].font_size:
                break  # a heading below the title, not its next line
            if title and re.match(r"\d+(?:\.\d+)*\.?\s+\S", line.text):
                break  # "1 Nämndens mål": the first numbered heading
            title.append(line)
        elif title:
            break
    return [line.text for line in title]


# --------------------------------------------------------------------------
# Organisation: kommun, region or kommunalförbund
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Matchers:
    names: re.Pattern  # any kommun name (case-insensitive, checked after)
    by_name: dict  # lower-case name -> kommun codes
    suffix: re.Pattern  # a kommun suffix right after a name
    regions: re.Pattern  # region names and aliases
    region_by_name: dict
    lan_names: re.Pattern  # bare län names that are no kommun's name
    lan_by_name: dict
    region_words: re.Pattern
    forbund_words: re.Pattern
    forbund_names: re.Pattern
    known_forbund: re.Pattern
    website: re.Pattern
    slugs: dict  # ascii slug -> kommun codes
    name_words: Optional[frozenset] = None  # first words of the names (see _may_name)


# Characters whose case-insensitive matching goes beyond lower() ("ſ" is "s",
# the Kelvin sign "k"): a line holding one is always given to the regexes.
_FOLD_EXTRA = frozenset(
    {chr(c) for key, values in getattr(getattr(re, "_casefix", None), "_EXTRA_CASES", {}).items() for c in (key, *values)}
    | set("ſ\u212a\u212bıİ")
) - frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WORD = re.compile(rf"[{_LETTER}]+", re.IGNORECASE)


def _name_words(names: Iterable[str]) -> Optional[frozenset]:
    """The first word (run of letters) of each name, lower case; None when a name opens otherwise."""
    words = set()
    for name in names:
        match = _WORD.match(name)
        if match is None or _FOLD_EXTRA.intersection(name):
            return None
        words.add(match[0].lower())
    return frozenset(words)


def _may_name(text: str, words: Optional[frozenset]) -> bool:
    """Whether ``text`` can hold a match of the names pattern (a cheap test that never says no wrongly).

    A name matches where a word of the text starts (not after a letter);
    that word is the name's first word, or its single word with an "s".
    """
    if words is None or _FOLD_EXTRA.intersection(text):
        return True
    for match in _WORD.finditer(text):
        word = match[0].lower()
        if word in words or (word[-1] == "s" and word[:-1] in words):
            return True
    return False


@functools.lru_cache(maxsize=None)
def _matchers() -> _Matchers:
    rules = metadata_rules()
    by_name: dict[str, set] = defaultdict(set)
    slugs: dict[str, set] = defaultdict(set)
    for code, kommun in kommuner().items():
        stem = kommun.name.rsplit(" kommun", 1)[0]
        for name in {kommun.short_name, stem, *rules.kommun_aliases.get(code, [])}:
            by_name[name.lower()].add(code)
        slugs[ascii_slug(kommun.short_name)].add(code)
    region_by_name: dict[str, str] = {}
    lan_by_name: dict[str, str] = {}
    for code, region in regioner().items():
        names = {region.name, f"Region {region.lan_short_name}", *rules.region_aliases.get(code, [])}
        for name in names:
            region_by_name[name.lower()] = code
        if region.lan_short_name.lower() not in by_name:
            lan_by_name[region.lan_short_name.lower()] = code
        lan_by_name[region.lan_name.lower()] = code
    letter = f"[{_LETTER}]"
    return _Matchers(
        names=re.compile(rf"(?<!{letter})({_words_pattern(by_name)})(s|:s)?(?![{_LETTER}-])", re.IGNORECASE),
        by_name=dict(by_name),
        suffix=re.compile(rf"\s+{_words_pattern(rules.kommun_suffixes)}(?!{letter})", re.IGNORECASE),
        regions=re.compile(rf"(?<!{letter})({_words_pattern(region_by_name)})(?:s|:s)?(?!{letter})", re.IGNORECASE),
        region_by_name=region_by_name,
        lan_names=re.compile(rf"(?<!{letter})({_words_pattern(lan_by_name)})s?(?!{letter})"),
        lan_by_name=lan_by_name,
        region_words=re.compile(rf"(?<!{letter}){_words_pattern(rules.region_words)}(?!{letter})", re.IGNORECASE),
        forbund_words=re.compile(rf"(?<!{letter}){_words_pattern(rules.forbund_words)}(?!{letter})", re.IGNORECASE),
        forbund_names=re.compile(
            rf"(?:[A-ZÅÄÖ]{letter}+(?:\s+och\s+[A-ZÅÄÖ]{letter}+)?\s+)?[A-ZÅÄÖ]?{letter}*{_words_pattern(rules.forbund_name_endings)}(?!{letter})"
        ),
        known_forbund=re.compile(rf"(?<!{letter}){_words_pattern(rules.known_forbund)}(?!{letter})", re.IGNORECASE),
        website=re.compile(r"([a-zåäö0-9-]+)\.se\b", re.IGNORECASE),
        slugs=dict(slugs),
        name_words=_name_words(by_name),
    )


class _Evidence:
    """Scores of candidate organisations: ("kommun", code), ("region", code), ("forbund", name)."""

    def __init__(self, cap: int = 3) -> None:
        self.scores: dict[tuple, float] = defaultdict(float)
        self.strong: dict[tuple, float] = defaultdict(float)
        self._counts: dict[tuple, int] = defaultdict(int)
        self.cap = cap

    def add(self, key: tuple, weight: float, where: object, strong: bool) -> None:
        count_key = (key, where, strong)
        self._counts[count_key] += 1
        if self._counts[count_key] > self.cap:
            return  # a name repeated on one page says no more
        self.scores[key] += weight
        if strong:
            self.strong[key] += weight

    def best(self, kind: str) -> tuple[Optional[object], float]:
        found = [(score, key[1]) for key, score in self.scores.items() if key[0] == kind]
        if not found:
            return None, 0.0
        score, value = max(found, key=lambda item: (item[0], str(item[1])))
        return value, score


def _scan_line(text: str, factor: float, where: object, ev: _Evidence) -> None:
    rules = metadata_rules()
    w = rules.weights
    m = _matchers()
    ambiguous = {name.lower() for name in rules.ambiguous_kommuner}
    region_spans = []
    for match in m.regions.finditer(text):
        code = m.region_by_name[match[1].lower()]
        ev.add(("region", code), w.strong * factor, where, True)
        region_spans.append(match.span())
    for match in m.names.finditer(text) if _may_name(text, m.name_words) else ():
        if any(a <= match.start() < b for a, b in region_spans):
            continue  # "Region Gotland", "Region Jönköpings län"
        name = match[1]
        codes = m.by_name[name.lower()]
        strong = bool(m.suffix.match(text, match.end()))
        exact = any(name == kommuner()[c].short_name or name.lower() in _aliases(c) for c in codes)
        if not strong and not (exact and name[0].isupper()) and not (name.isupper() and len(name) > 2):
            continue  # "vara", "mark": a word, not a name
        if not strong and name.lower() in ambiguous:
            continue
        if not strong and text[match.end():match.end() + 4].lower() == " län":
            continue  # "Jönköpings län" is the län, not the kommun
        for code in codes:
            ev.add(("kommun", code), (w.strong if strong else w.bare) * factor, where, strong)
    for match in m.lan_names.finditer(text):
        ev.add(("region", m.lan_by_name[match[1].lower()]), w.bare * factor, where, False)
    for match in m.website.finditer(text) if ".se" in text.lower() or _FOLD_EXTRA.intersection(text) else ():
        for code in m.slugs.get(ascii_slug(match[1]), ()):
            ev.add(("kommun", code), w.website * factor, where, True)
    for _ in m.region_words.finditer(text):
        ev.add(("region", "*"), w.strong * factor, where, True)
    for _ in m.forbund_words.finditer(text):
        ev.add(("forbund", "*"), w.strong * factor, where, True)
    for match in list(m.forbund_names.finditer(text)) + list(m.known_forbund.finditer(text)):
        name = match[0].strip()
        if name.lower() in {e.lower() for e in rules.forbund_words}:
            continue
        # a förbund's name is like a bare kommun name: it may be another body
        ev.add(("forbund", name), w.bare * factor, where, False)


@functools.lru_cache(maxsize=None)
def _aliases(code: str) -> frozenset:
    return frozenset(a.lower() for a in metadata_rules().kommun_aliases.get(code, []))


@functools.lru_cache(maxsize=None)
def _slug_pattern(name_slug: str) -> re.Pattern:
    """A kommun's slug in a file name (compiled once: there are more than re's cache holds)."""
    return re.compile(rf"(?:^|-){re.escape(name_slug)}s?(-kommun|-stad)?(?=-|$)")


@functools.lru_cache(maxsize=None)
def _name_slug_pattern(name: str) -> re.Pattern:
    return re.compile(rf"(?:^|-){re.escape(ascii_slug(name))}(?=-|$)")


def _scan_file_name(file_name: str, ev: _Evidence) -> None:
    rules = metadata_rules()
    w = rules.weights
    slug = ascii_slug(Path(file_name).stem)
    if not slug:
        return
    ambiguous = {ascii_slug(name) for name in rules.ambiguous_kommuner}
    for name_slug, codes in _matchers().slugs.items():
        match = _slug_pattern(name_slug).search(slug)
        if not match:
            continue
        if name_slug in ambiguous and not match[1]:
            continue
        weight = w.file_start if match.start() == 0 else w.file_other
        for code in codes:
            ev.add(("kommun", code), weight, "file", True)
    for code, region in regioner().items():
        names = {region.name, f"Region {region.lan_short_name}", *rules.region_aliases.get(code, [])}
        if any(_name_slug_pattern(n).search(slug) for n in names):
            ev.add(("region", code), w.file_start, "file", True)
    for name in rules.known_forbund:
        if ascii_slug(name) in slug:
            ev.add(("forbund", name), w.file_start, "file", True)
    if re.search(r"(?:^|-)[a-z]*forbund(?:et)?(?=-|$)", slug):
        ev.add(("forbund", "*"), w.file_other, "file", True)


def _organisation(text: _Text, file_name: str, meta: DocumentMeta) -> None:
    w = metadata_rules().weights
    ev = _Evidence()
    for number, lines in text.pages:
        if number == text.cover_number:
            factor = w.cover
        elif text.cover_number < number <= text.cover_number + 2:
            factor = w.early
        else:
            factor = 1.0
        for line in lines:
            _scan_line(line, factor, number, ev)
    for line in text.running:
        _scan_line(line, w.running, "running", ev)
    _scan_file_name(file_name, ev)

    kommun_code, kommun_score = ev.best("kommun")
    if kommun_code is not None and meta.organ and meta.organ.lower() in {
            o.lower() for o in metadata_rules().kommun_organs}:
        # "Vård- och omsorgsnämnden" is a kommun's board: the kommun the text names, not the region
        # it works with, wrote the plan
        kommun_score += w.strong
    region_code, region_score = _best_region(ev)
    forbund_name, forbund_score = _best_forbund(ev)
    best = max(
        [("kommun", kommun_score), ("region", region_score), ("kommunalforbund", forbund_score)],
        key=lambda item: item[1],
    )
    if best[1] < w.min_score:
        return
    meta.org_type = best[0]
    if best[0] == "kommun":
        kommun = kommuner()[kommun_code]
        meta.kommun, meta.kommun_code, meta.org_name = kommun.short_name, kommun.code, kommun.name
    elif best[0] == "region":
        if region_code is not None:
            meta.kommun_code = region_code
            meta.org_name = regioner()[region_code].name
    else:
        meta.org_name = forbund_name
        members = [key[1] for key, score in ev.strong.items() if key[0] == "kommun" and score > 0]
        if len(members) == 1:
            kommun = kommuner()[members[0]]
            meta.kommun, meta.kommun_code = kommun.short_name, kommun.code


def _best_region(ev: _Evidence) -> tuple[Optional[str], float]:
    """The named region with the most evidence; region words count for it."""
    generic = ev.scores.get(("region", "*"), 0.0)
    named = [(score, key[1]) for key, score in ev.scores.items() if key[0] == "region" and key[1] != "*"]
    named_strong = [(ev.strong.get(("region", code), 0.0), score, code) for score, code in named]
    if not named_strong:
        return None, 0.0
    strong, score, code = max(named_strong)
    if strong == 0 and generic == 0:
        return code, 0.0  # only a bare län name: a place, not the author
    return code, score + generic


def _best_forbund(ev: _Evidence) -> tuple[Optional[str], float]:
    generic = ev.scores.get(("forbund", "*"), 0.0)
    named = [(score, key[1]) for key, score in ev.scores.items() if key[0] == "forbund" and key[1] != "*"]
    if not named:
        return None, generic
    score, name = max(named, key=lambda item: (item[0], len(item[1])))
    return name[0].upper() + name[1:], score + generic


# --------------------------------------------------------------------------
# Organ
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _organ_pattern() -> re.Pattern:
    rules = metadata_rules()
    word = f"[{_LETTER}]+"
    organ = _words_pattern(rules.organ_words)
    return re.compile(
        rf"(?<![{_LETTER}-])("
        rf"(?:{word}-,?\s+)*(?:{word}-\s+(?:och|samt)\s+)?{word}{organ}"
        rf"|{word}{organ}|{_words_pattern(rules.organ_adjectives)}\s+{organ}"
        rf"|{organ})(ens|en|ns|n|s|ets|et)?(?![{_LETTER}])",
        re.IGNORECASE,
    )


def normalize_organ(text: str) -> Optional[str]:
    """The first organ named in ``text``, in its definite form, capitalised."""
    for match in _organ_pattern().finditer(text):
        before = text[: match.start()].rstrip().lower()
        if re.search(rf"(?:^|\s)(?:till|åt|inför)(?:\s+[{_LETTER}]+s)?$", before):
            continue  # "Missiv till kommunstyrelsen": the reader, not the author
        name, ending = match[1], (match[2] or "").lower()
        base = name.lower()
        if base in metadata_rules().organ_words:
            continue  # "nämnden" alone names no organ
        name = re.sub(r"^\w+s\s+(?=kommun|region)", "", name, flags=re.IGNORECASE)  # "Göteborgs kommunfullmäktige"
        if base.endswith(("fullmäktige", "presidium")):
            ending = ""
        elif base.endswith(("nämnd", "styrelse", "revision", "direktion", "beredning")):
            ending = "n" if base.endswith("e") else "en"
        elif base.endswith("utskott"):
            ending = "et"
        return clean(name[0].upper() + name[1:] + ending)
    for organ in metadata_rules().organ_names:
        match = re.search(rf"(?<![{_LETTER}]){re.escape(organ)}(?![{_LETTER}])", text, re.IGNORECASE)
        if match:
            return match[0][0].upper() + match[0][1:]
    return None


def _leading_organ(line: str) -> Optional[str]:
    match = _organ_pattern().match(line)
    organ = normalize_organ(match[0]) if match and line[:1].isupper() else None
    if organ and organ.lower() not in metadata_rules().organ_words:
        return organ
    organ = normalize_organ(line)
    return organ if organ and len(organ) >= 0.6 * len(line) else None


def _prefer_board(found: Optional[str], text: _Text, title: list[str]) -> Optional[str]:
    """A plan adopted by fullmäktige belongs to the nämnd or styrelse named on it, if any."""
    if not found or not found.lower().endswith("fullmäktige"):
        return found
    for line in title + [line.text for line in text.cover] + text.running:
        organ = _leading_organ(line)
        if organ and not organ.lower().endswith("fullmäktige"):
            return organ
    return found


def _organ(text: _Text, title: list[str], file_name: str) -> Optional[str]:
    return _prefer_board(_first_organ(text, title, file_name), text, title)


def _first_organ(text: _Text, title: list[str], file_name: str) -> Optional[str]:
    rules = metadata_rules()
    first = text.first_lines
    for label, value in _label_values(first, rules.organ_labels):
        organ = normalize_organ(value)
        if organ:
            return organ
        if label.startswith(("antagen", "antaget", "fastställ")) and value and len(value.split()) <= 3 and value[0].isupper():
            return value
    adoption = re.compile(rf"\b{_words_pattern(rules.adoption_words)}\s+(?:av|i)\s+(.*)", re.IGNORECASE)
    for line in first:
        match = adoption.search(line)
        if match:
            organ = normalize_organ(match[1])
            if organ:
                return organ
    for line in title:
        organ = normalize_organ(line)
        if organ:
            return organ
    # a line that is the organ's name or opens with it ("Socialnämnden •
    # Behandlad ...", "Kommunstyrelsen 2024-05-27"), on the cover or running
    for line in [line.text for line in text.cover] + text.running:
        organ = _leading_organ(line)
        if organ:
            return organ
    slug = ascii_slug(Path(file_name).stem)
    for line in first:
        for match in _organ_pattern().finditer(line):
            organ = normalize_organ(match[0])
            if organ and len(ascii_slug(organ)) > 8 and ascii_slug(organ) in slug:
                return organ
    return None


# --------------------------------------------------------------------------
# Document type, period, adoption, diarienummer
# --------------------------------------------------------------------------


def doc_type_of(text: str, *, fuzzy_ok: bool = True) -> Optional[str]:
    """The document type named first in ``text`` ("Uppföljning inriktning budget" -> uppföljning)."""
    rules = metadata_rules()
    words = re.findall(rf"[{_LETTER}]+(?:-[{_LETTER}]+)*", text.lower())
    exclude = set(rules.doc_type_exclude)
    for position, word in enumerate(words):
        if word in exclude:
            continue
        for rule in rules.doc_types:
            for term in rule.terms:
                parts = term.split()
                if words[position : position + len(parts)] == parts:
                    return rule.type
                if rule.compound and len(parts) == 1 and len(term) >= 4 and word.endswith(term) and word != term:
                    return rule.type
    if fuzzy_ok:
        single = [(term, rule.type) for rule in rules.doc_types for term in rule.terms if " " not in term and len(term) >= 7]
        for word in words:
            if len(word) >= 7 and word not in exclude:
                hit = fuzzy.best_match(word, [t for t, _ in single], score_cutoff=88)
                if hit:
                    return single[hit[2]][1]
    return None


def _doc_type(text: _Text, title: list[str], file_name: str) -> Optional[str]:
    rules = metadata_rules()
    found = doc_type_of(" ".join(title))
    if found:
        return found
    for _, value in _label_values(text.first_lines, rules.doc_type_labels):
        found = doc_type_of(value)
        if found:
            return found
    for line in text.cover:
        found = doc_type_of(line.text, fuzzy_ok=False)
        if found:
            return found
    return _ascii_doc_type(file_name)


def _ascii_doc_type(file_name: str) -> Optional[str]:
    """A type from a file name without å, ä, ö ("manadsuppfoljning")."""
    slug_words = ascii_slug(Path(file_name).stem).split("-")
    for position, word in enumerate(slug_words):
        for rule in metadata_rules().doc_types:
            for term in rule.terms:
                parts = ascii_slug(term).split("-")
                if slug_words[position : position + len(parts)] == parts:
                    return rule.type
                if rule.compound and len(parts) == 1 and len(parts[0]) >= 4 and word.endswith(parts[0]) and word != parts[0] and word not in {ascii_slug(e) for e in metadata_rules().doc_type_exclude}:
                    return rule.type
    return None


def years_in(text: str) -> list[int]:
    """Years in ``text`` that can bound a period: dates and name years ("Vision 2030") left out."""
    rules = metadata_rules()
    text = _ISO_DATE.sub(" ", _TEXT_DATE.sub(" ", text))
    years: list[int] = []
    names = set(rules.year_name_words) | {ascii_slug(w) for w in rules.year_name_words}
    for match in re.finditer(rf"(?<![\d/.]){_YEAR}(?![\d/])", text):
        before = re.search(rf"([{_LETTER}]+)[\s–—-]*$", text[: match.start()].lower())
        if before and before[1] in names:
            continue
        years.append(int(match[0]))
        rest = re.match(rf"\s*(?:ht|vt)?\s*{_DASH}\s*(\d\d)(?!\d)", text[match.end():])
        if rest and int(rest[1]) > int(match[0][2:]):
            years.append(int(match[0][:2] + rest[1]))  # "2025–28"
    return years


def _span(years: list[int]) -> Optional[tuple[int, int]]:
    return (min(years), max(years)) if years else None


def _period(text: _Text, title: list[str], file_name: str, adopted: Optional[str]) -> Optional[tuple[int, int]]:
    rules = metadata_rules()
    title_span = _span(years_in(" ".join(title)))
    valid = [v for _, v in _label_values(text.first_lines, rules.validity_labels)]
    valid_span = _span([y for v in valid for y in years_in(v)])
    if valid_span is None:  # "Giltighetstid: 31 december 2026"
        ends = [parse_date(v) for v in valid]
        ends = [int(e[:4]) for e in ends if e]
        if ends:
            start = int(adopted[:4]) if adopted and int(adopted[:4]) <= max(ends) else max(ends)
            valid_span = (start, max(ends))
    if title_span and title_span[0] < title_span[1]:
        return title_span
    if valid_span and valid_span[0] < valid_span[1]:
        return valid_span
    if title_span or valid_span:
        return title_span or valid_span
    # a cover with a few lines ("KLIMAT STRATEGI" / "HAPARANDA 2020-2050"), or
    # the lines of a cover page set bigger than its body text
    sizes = sorted(line.font_size for line in text.cover)
    body = sizes[len(sizes) // 2] if sizes else 0.0
    cover = [
        line.text
        for line in text.cover
        if not _is_junk(line.text) and (len(text.cover) <= 12 or line.font_size > body)
    ]
    cover_span = _span(years_in(" ".join(cover)))
    if cover_span:
        return cover_span
    return _span(years_in(Path(file_name).stem.replace("_", " ").replace("-", " - ")))


def _adopted(text: _Text) -> Optional[str]:
    rules = metadata_rules()
    first = text.first_lines
    for label, value in _label_values(first, rules.adoption_labels):
        date = parse_date(value)
        if date:
            return date
    for line in [line.text for line in text.cover] + text.running:
        match = _organ_pattern().match(line)  # "Kommunstyrelsen 2024-05-27 • Dnr ..."
        if match and normalize_organ(match[0]):
            date = _ISO_DATE.match(line[match.end():].lstrip(" ,•|–-"))
            if date and parse_date(date[0]):
                return parse_date(date[0])
    words = re.compile(rf"(?<![{_LETTER}]){_words_pattern(rules.adoption_words)}(?![{_LETTER}])", re.IGNORECASE)
    stop = re.compile(_words_pattern(rules.not_adoption_labels), re.IGNORECASE)
    for index, line in enumerate(first):
        for match in words.finditer(line):
            window = line[match.end():]
            if index + 1 < len(first) and len(window) < 60:
                window += " \n " + first[index + 1]
            window = window[:120]
            cut = stop.search(window)
            window = window[: cut.start()] if cut else window
            date = parse_date(window)
            if date and _adoption_gap(window):
                return date
    return None


_BARE_ORGANS = {"nämnde", "nämnd", "styrelse", "fullmäktige", "direktione", "direktion"}
_GAP_WORDS = {"av", "i", "vid", "den", "på", "genom", "datum", "sammanträde", "sammanträdet", "kf", "ks", "och", "senast"}


def _adoption_gap(window: str) -> bool:
    """Only an organ, a § number or "av/i/den" stands between the word and the date.

    "Antagen av kommunfullmäktige 2026-02-17" is an adoption; "tidigare
    beslutad nivå ... den 18 mars 2025" is prose about something else.
    """
    found = [m.start() for m in (_ISO_DATE.search(window), _TEXT_DATE.search(window)) if m]
    gap = window[: min(found)] if found else window
    for token in re.findall(rf"[{_LETTER}]+", gap):
        if token.lower() in _GAP_WORDS or token[0].isupper() or normalize_organ(token) or token.lower().rstrip("n") in _BARE_ORGANS:
            continue
        return False
    return True


def _diarienummer(text: _Text) -> Optional[str]:
    labels = metadata_rules().diarienummer_labels
    label = re.compile(rf"(?<![{_LETTER}])({_words_pattern(labels)})\.?(?![{_LETTER}])\s*:?\s*", re.IGNORECASE)
    value = re.compile(r"(?:[A-ZÅÄÖ]{1,6}[ -]?)?\d[\d./:–-]*\d(?:[ -][A-ZÅÄÖ]{2,6}(?![\wåäö]))?")
    for line in text.first_lines:
        for match in label.finditer(line):
            found = value.match(line, match.end())
            if found:
                return clean(found[0])
    for line in text.running:  # a running header "SAN 2024/61"
        if re.fullmatch(rf"[A-ZÅÄÖ]{{2,6}}[ -]?{_YEAR}[/.-]\d{{1,5}}", line):
            return line
    return None


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def detect_metadata(pages: list[PageLayout], file_name: str) -> DocumentMeta:
    """What a document says of itself, read from its first pages and its file name."""
    rules = metadata_rules()
    text = _document_text(pages, rules.weights.max_pages)
    meta = DocumentMeta()
    title_lines = _title_lines(text.cover)
    meta.title = _join_lines(title_lines) or None
    meta.organ = _organ(text, title_lines, file_name)
    _organisation(text, file_name, meta)
    meta.doc_type = _doc_type(text, title_lines, file_name)
    meta.adopted = _adopted(text)
    period = _period(text, title_lines, file_name, meta.adopted)
    if period:
        meta.period_start, meta.period_end = period
    meta.diarienummer = _diarienummer(text)
    return meta
