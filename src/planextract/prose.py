"""Goals and actions stated in running text (rules/prose.yaml).

Some plans state their goals as paragraphs rather than lists ("Inriktning
budget 2026": one political direction a paragraph), name a goal area by a
prefix ("Utvecklingsområde Läsfrämjande"), or state a goal in one sentence
of a paragraph ("Målet är att alla skolor ska ha ...").  A follow-up then
reports, goal by goal, what was done: the sentences that report an action
("Under våren genomförs uppföljningar ...") are its activities.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import Optional

from . import classify as C
from .fuzzy import normalize
from .targets import parse_target
from .rules import RulesModel, load_rules


class ProseRules(RulesModel):
    paragraph_goal_headings: list[str]
    area_prefixes: list[str]
    meta_words: list[str]
    goal_sentences: list[str]
    action_sentences: list[str]
    not_action_sentences: list[str]
    routine_entries: list[str]
    horizon_statements: list[str]
    reference_items: list[str]
    comparatives: dict[str, list[str]]
    nominal_goal_words: list[str]
    measure_starts: list[str]
    not_action_verbs: list[str]
    fragment_starts: list[str]
    planned_action_sentences: list[str]
    continued_action_sentences: list[str]
    followed_measure_sentences: list[str]
    measures_under_goal_sentences: list[str]
    measure_name_leads: list[str]
    not_measure_words: list[str]
    stated_measure_sentences: list[str]
    goal_serving_sentences: list[str]
    quoted_goal_sentences: list[str]
    decided_goal_sentences: list[str]
    action_lead_ins: list[str]
    counted_lead_ins: list[str]
    dated_present_action_sentences: list[str]
    present_action_verbs: list[str]
    past_action_verbs: list[str]
    strong_infinitives: list[str]
    not_planned_verbs: list[str]
    directed_action_sentences: list[str]
    goal_clause_leads: list[str]
    goal_noun_leads: list[str]
    goal_clause_ends: list[str]
    reported_goal_leads: list[str]
    reported_measure_verbs: list[str]
    enumerated_goal_leads: list[str]
    target_words: list[str]
    note_verbs: list[str]


def prose_rules() -> ProseRules:
    return load_rules("prose.yaml", ProseRules)


@functools.lru_cache(maxsize=None)
def _patterns(name: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in getattr(prose_rules(), name))


def heads_goal_paragraphs(heading: str) -> bool:
    """A heading whose paragraphs each state a goal ("Inriktning budget 2026")."""
    words = normalize(C.heading_base(heading)).split()
    if not words:
        return False
    terms = [normalize(t).split() for t in prose_rules().paragraph_goal_headings]
    return any(words[: len(t)] == t for t in terms)


def area_name(heading: str) -> Optional[str]:
    """"Utvecklingsområde Läsfrämjande" (or "Tema 1 – Läsfrämjande") -> "Läsfrämjande";
    None for other headings."""
    base = C.heading_base(heading)
    for prefix in sorted(prose_rules().area_prefixes, key=len, reverse=True):
        m = re.match(
            re.escape(prefix) + r"(?:\s+\d{1,2}[a-z]?\.?)?\s*[:–—-]?\s+(?=[A-ZÅÄÖ])(.+)$", base, re.IGNORECASE
        )
        if m and not re.match(r"\d", m.group(1)):
            return m.group(1).strip()
    return None


def is_meta(text: str) -> bool:
    """A paragraph about the document ("Inriktningen framgår nedan ...")."""
    words = set(normalize(text).split())
    return bool(words & {normalize(w) for w in prose_rules().meta_words})


def states_goal(text: str) -> bool:
    """A paragraph that may be a goal: not about the document, nor about goals
    in its first sentence, nor a question."""
    first = (C.sentences(text) or [text])[0]
    return not (is_meta(first) or C.mentions_goals(first) or C.is_lead_in(text) or C.is_question(text))


def goal_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that state a goal ("Målet är att ...")."""
    return [s for s in C.sentences(text) if is_goal_sentence(s)]


def is_goal_sentence(sentence: str) -> bool:
    """A sentence stating a goal by its grammar; not one that leads in a list
    ("Kommunens mål för cykling är att;") or speaks of the document ("nedan")."""
    if C.is_lead_in(sentence) or is_meta(sentence):
        return False
    return any(p.match(sentence) for p in _patterns("goal_sentences"))


def horizon_year(text: str) -> Optional[int]:
    """The year of a goal stated as the state reached by then ("År 2040 har
    havet … god ekologisk status"), else None."""
    for pattern in _patterns("horizon_statements"):
        m = pattern.match(C.clean_text(text or ""))
        if m:
            return int(m.group("year"))
    return None


def is_routine_entry(text: str) -> bool:
    """An entry of a board's yearly cycle ("Nämnden behandlar delårsrapporten"), no action."""
    return any(p.match(C.clean_text(text or "")) for p in _patterns("routine_entries"))


def is_action_sentence(sentence: str) -> bool:
    """A sentence that reports an action taken or planned: one of the verbs
    of action_sentences ("genomförs", "sker", "fortsätter att arbeta"), or
    the perfect of any verb of doing ("har specificerat", "har utökats")."""
    if any(p.search(sentence) for p in _patterns("not_action_sentences")):
        return False
    if any(p.search(sentence) for p in _patterns("action_sentences")):
        return True
    # the perfect of a verb of doing: "har specificerat", "har förvaltningen genomfört",
    # "har socialtjänsten och skolan infört"
    perfect = re.finditer(r"\b(?:har|hade)\s+(?:[a-zåäö]+\s+){0,3}?([a-zåäö]+ts?)\b", sentence.lower())
    if any(action_verb(m.group(1)) for m in perfect):
        return True
    # the past passive: "Under våren delades hemtjänsten in …", "I september infördes digital nattillsyn"
    past = re.finditer(r"\b([a-zåäö]{4,}(?:ades|des|tes))\b", sentence.lower())
    return any(action_verb(m.group(1)) for m in past)


_MEASURE_WITH_TARGET = re.compile(r"^[a-zåäö].{3,}?,\s+som\s+ska\s+\S.*$", re.S)


def followed_up_with(sentence: str):
    """What follows each "följs upp med" of a sentence: the measures it names."""
    for pattern in _patterns("followed_measure_sentences"):
        m = pattern.search(sentence)
        if m:
            yield sentence[m.end():].strip().rstrip(".")


# indicators named by their codes only: "indikator I1, I2 och I3 (se bilaga)", "I7 och I8"
_ONE_CODE = r"\b[A-ZÅÄÖ]{1,3}\s?\d{1,2}(?:\.\d{1,2})?[a-z]?\b"
_CODES_ONLY = re.compile(rf"(?:(?i:indikator(?:erna|er|n)?|nyckeltal(?:en)?|mått(?:en)?)\s+)?(?P<codes>{_ONE_CODE}"
                         rf"(?:\s*(?:,|och|&)\s*{_ONE_CODE})*)\s*(?:\((?:se\s+)?bilaga[^)]*\))?\.?")


def measure_codes(text: str) -> list[str]:
    """The codes of the indicators a text names by code alone ("indikator I1,
    I2 och I3 (se bilaga)"), listed in an appendix; empty for another text."""
    found = _CODES_ONLY.fullmatch((text or "").strip())
    return re.findall(_ONE_CODE, found.group("codes")) if found else []


def followed_measures(sentence: str) -> list[str]:
    """The measures a sentence says a goal is followed up with, each with its
    "som ska" target ("andelen skyddad natur ..., som ska öka från 8,1 procent
    (2024) till minst 12 procent 2030"); empty for another sentence."""
    for rest in followed_up_with(sentence):
        parts = [p.strip() for p in re.split(r",\s+och\s+(?:med\s+)?(?=[a-zåäö])", rest)]
        if parts and all(_MEASURE_WITH_TARGET.match(p) for p in parts):
            return parts
    return []


# "andelen … (minst 93 %)": a level, not an earlier outcome "(2024: 83 procent)"
_MEASURE_WITH_LEVEL = re.compile(r"^(?P<name>[a-zåäö].{3,}?)\s*\((?P<level>[^():]{2,40})\)$", re.S)
_FOLLOWED_GOAL = re.compile(r"^(?:[\w-]*mål)\s+(?P<number>\d{1,2}(?:\.\d{1,2})?)\s", re.I)


def leveled_measures(sentence: str) -> tuple[Optional[str], list[tuple[str, str]]]:
    """(goal number, [(measure, level)]) of a sentence naming the measures a
    goal is followed up with, each with its level in parentheses ("Mål 1.1
    följs upp med andelen … (minst 93 %), genomsnittligt meritvärde (minst
    250) och andelen … (öka)."); (None, []) for another sentence."""
    for rest in followed_up_with(sentence):
        parts = [p.strip() for p in re.split(r"(?<=\))\s*(?:,\s+och|,|\s+och)\s+(?=[a-zåäö])", rest)]
        found = [_MEASURE_WITH_LEVEL.match(p) for p in parts]
        if not parts or not all(found):
            continue
        levels = [(f.group("name"), f.group("level")) for f in found]
        if not all(parse_target(level, known_target=True) is not None for _, level in levels):
            continue
        numbered = _FOLLOWED_GOAL.match(sentence)
        return (numbered.group("number") if numbered else None), levels
    return None, []


def announces_measures_under_goals(text: str) -> bool:
    """A paragraph saying that the items under each goal are its indicators
    ("Under varje nämndmål anges de indikatorer som visar om målet nås.")."""
    return any(p.search(text) for p in _patterns("measures_under_goal_sentences"))


def announces_measures(sentence: str) -> bool:
    """A sentence saying how a goal is followed up, without naming the measures
    in it ("Målet följs upp med två indikatorer.", "Servicen följs upp genom
    SKR:s servicemätning Insikt."): the target sentences after it are the measures."""
    return any(p.search(sentence) for p in _patterns("followed_measure_sentences")) and not followed_measures(sentence) \
        and not leveled_measures(sentence)[1]


def stated_measure(sentence: str, *, in_figures: bool = False) -> bool:
    """A sentence stating a measure and the level it shall reach ("Sjukfrånvaron
    bland kommunens medarbetare ska inte överstiga 6,0 procent."); with
    ``in_figures``, a level in figures, not only a direction ("… ska öka")."""
    if not sentence[:1].isupper() or not any(p.search(sentence) for p in _patterns("stated_measure_sentences")):
        return False
    target = parse_target(sentence, known_target=True)
    if target is None:
        return False
    return target.target_value is not None or (bool(target.direction) and not in_figures)


@functools.lru_cache(maxsize=None)
def _words_pattern(name: str) -> re.Pattern:
    """A pattern finding any of the words of a rules/prose.yaml list."""
    words = sorted(getattr(prose_rules(), name), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def is_note(text: str) -> bool:
    """A line about a measure rather than the measure ("Resultat saknas på grund av …")."""
    return bool(_words_pattern("note_verbs").search(text or ""))


def states_target(sentence: str) -> bool:
    """A sentence that states the level or movement a measure named before it
    shall reach ("Målvärdet för 2026 är 35 procent.", "Andelen ska öka till
    minst 30 procent 2026.", "För helåret bör antalet öka jämfört med 2025.")."""
    if not _words_pattern("target_words").search(sentence):
        return False
    target = parse_target(sentence, known_target=True)
    return target is not None and (target.target_value is not None or bool(target.direction))


@dataclasses.dataclass(frozen=True)
class ReportedMeasure:
    """A measure a follow-up reports in a sentence ("Antalet barn … i
    heldygnsvård var 14 den 31 augusti …") with the target a later sentence
    of the paragraph states for it ("Enligt verksamhetsplanen ska antalet
    vara högst 15 vid årets slut."); ``sentences``: the indexes of both."""

    name: str
    target: str
    sentences: tuple[int, ...]


MAX_MEASURE_NAME_WORDS = 25


def reported_measures(sentences: list[str]) -> list[ReportedMeasure]:
    """The measures a paragraph reports, each with the target stated for it
    (rules/prose.yaml ``reported_measure_verbs``); a measure reported with no
    target is analysis, not an indicator."""
    verbs = _reported_verb()
    found = []
    for n, sentence in enumerate(sentences):
        m = verbs.search(sentence)
        if m is None or not names_a_measure(sentence[:m.start()]):
            named = _followed_measure(sentence)
            if named is not None:
                # "Vi följer målet genom andelen elever …, enligt …. … Andelen ska vara minst 60 procent år 2030."
                later = next((k for k in range(n + 1, len(sentences)) if states_target(sentences[k])), None)
                if later is not None:
                    found.append(ReportedMeasure(named, sentences[later].rstrip("."), (n, later)))
            continue
        name = sentence[:m.start()].strip(" ,")
        if len(name.split()) > MAX_MEASURE_NAME_WORDS:
            continue
        if name.split()[-1].lower() in _RELATIVE or len(name.split()) < 2 and not own_name_ok(name):
            continue  # "Antalet invånare som är …"; "Andelen" alone names the measure of the sentence before
        own = _OWN_DIRECTION.search(sentence[m.end():])
        if own:
            # "Andelen … var 83 procent (78 procent 2024) och ska fortsätta att öka.": its target after it
            found.append(ReportedMeasure(name, own.group("target").rstrip(". "), (n,)))
            continue
        aside = _TARGET_ASIDE.search(sentence[m.end():])
        if aside and not re.search(r"\bmot\s+$", sentence[m.end():][:aside.start()]):  # "…, mot målvärdet …": read whole
            # "… var 34 procent efter augusti (29 procent 2024); målvärdet är minst 40 procent."
            found.append(ReportedMeasure(name, aside.group("level"), (n,)))
            continue
        if _words_pattern("target_words").search(sentence[m.end():]):
            continue  # a sentence stating its own level is read whole elsewhere
        for later in range(n + 1, len(sentences)):
            if verbs.search(sentences[later]) and names_a_measure(sentences[later]):
                break  # the next measure reported: no target for this one
            aside = _TARGET_ASIDE.search(sentences[later])
            if states_target(sentences[later]) or aside:
                # "… men målvärdet för helåret, minst 90 procent, bedöms inte nås.": the level named in passing
                target = aside.group("level") if aside and not states_target(sentences[later]) else sentences[later]
                found.append(ReportedMeasure(name, target.rstrip("."), (n, later)))
                break
    return found


def own_name_ok(name: str) -> bool:
    """A one-word measure that names what it measures ("Sjukfrånvaron"), not a
    bare "Andelen" or "Antalet" that points back to the sentence before."""
    return normalize(name) not in {"andelen", "antalet", "andel", "antal", "den", "det", "nivån", "värdet"}


# a reported measure's own movement after its figures: "… var 83 procent (78 procent 2024) och ska fortsätta att öka"
_OWN_DIRECTION = re.compile(r"\boch\s+(?P<target>ska\s+(?:fortsätta\s+(?:att\s+)?)?(?:öka|minska|halveras|fördubblas)\b.*)$",
                            re.I)
# a target named in passing: "målvärdet för helåret, minst 90 procent, …", "; målvärdet är minst 40 procent",
# "nämndens målvärde om högst 8,0 procent"
_TARGET_ASIDE = re.compile(r"\bmålvärde(?:t)?(?:\s+för\s+\w+)?(?:,|\s+är|\s+om|\s+på)?\s+(?P<level>(?:minst|högst|lägst|max|maximalt|under|över)\s+"
                           r"\d[\d\s]*(?:,\d+)?\s*(?:procent|%)?)", re.I)


_MEASURE_END = re.compile(r",\s+(?:som|enligt|i dag|vilket|där|mätt)\b|\s+\((?:[^()]*\d[^()]*)\)")


def _followed_measure(sentence: str) -> Optional[str]:
    """The one measure a sentence says a goal is followed by, with no target of
    its own ("Vi följer målet genom antalet polisrapporterade dödade …, som …")."""
    if followed_measures(sentence):
        return None  # "… följs upp med andelen …, som ska öka …": the target in the same sentence
    for rest in followed_up_with(sentence):
        cut = _MEASURE_END.search(rest)
        name = (rest[:cut.start()] if cut else rest).strip(" ,.")
        if names_a_measure(name) and " och " not in name and len(name.split()) <= MAX_MEASURE_NAME_WORDS:
            return name
    return None


@dataclasses.dataclass(frozen=True)
class NamedMeasure:
    """A measure a sentence names after the words that lead it ("För mål 1a
    följer vi andelen elever …, som var 79 procent 2025 och som ska vara minst
    85 procent 2030."): ``name`` the noun phrase, ``figures`` what the
    sentence says of it after the name, ``goal`` the code of the goal the
    sentence names ("1a"), if any."""

    name: str
    figures: str
    goal: Optional[str]


# what ends a measure's name: a clause of its figures, a code, a reported figure
_NAME_END = re.compile(
    r",\s+(?:som|där|enligt|att jämföra|i dag|mätt|vilket|vilken|med ett|från|mot)\b"
    r"|,\s+[-−]?\d"
    r"|\s+\((?![A-Z]\d{5}\))[^()]*\)"
    r"|\s*\[[^\]]*\]"
    r"|(?<!\ssom)\s+(?:var|är|uppgick|ökade|minskade|sjönk|steg|blev|låg|har|ska|skulle)\s+(?:[\w,]+\s+){0,3}?[-−]?\d"
    r"|(?<!\ssom)\s+(?:ska|skall|bör)\s+(?:öka|minska|vara|uppgå|bibehållas|halveras)\b"
    r"|\.$"
)
_STATED_GOAL_CODE = re.compile(r"\b\w*mål(?:et)?\s+(?P<code>\d{1,2}(?:\.\d{1,2})*[a-z]?|[a-zA-Z]\d?)\b", re.I)
_CODE_OPENED = re.compile(r"^[^,.()\[\]]{8,}\s[(\[][\w.]{1,6}[)\]]")  # "insamlat hushållsavfall … [A1]"
_CODE_CLOSED = re.compile(r"[(\[][\w.]{1,6}[)\]]$")
_PREPOSITIONS = frozenset("i för bland per vid av inom mot på från med under hos".split())


def _names_measure(words: str) -> bool:
    """Words that open with a measure: "andelen …", "den totala sjukfrånvaron
    …", "invånarnas betygsindex …", "personalomsättningen bland …"; not with
    a word of ``not_measure_words`` ("den ekonomiska uppföljningen", "indikatorerna i tabellen")."""
    if names_a_measure(words):
        return True
    tokens = [t.strip(",.;:") for t in words.split()]
    n = 1 if tokens and tokens[0] in ("den", "det", "de") else 0
    first = n
    while n < len(tokens) - 1 and tokens[n].islower() and (
            tokens[n].endswith(("a", "e")) or (len(tokens[n]) >= 5 and tokens[n].endswith("s"))):
        n += 1  # adjectives ("totala", "köpta") and genitives ("invånarnas")
    if n >= len(tokens) or not tokens[n].isalpha() or not tokens[n].islower() or (first and n == first):
        return False  # "de uppdrag som …": an article needs an adjective
    head = tokens[n]
    if any(stem in head for stem in _not_measure_stems()):
        return False
    if n > 0:
        return len(head) >= 4
    # a definite noun and a preposition ("kostnaden för", not "behörighet i")
    definite = head.endswith(("en", "et", "n")) and not head.endswith("het")
    return definite and n + 1 < len(tokens) and tokens[n + 1] in _PREPOSITIONS


@functools.lru_cache(maxsize=1)
def _not_measure_stems() -> tuple[str, ...]:
    return tuple(w.lower() for w in prose_rules().not_measure_words)


def _regroup(parts: list[str], joiner: str) -> list[str]:
    """Parts that open with a measure (or follow a code) start a new measure;
    the others carry on the one before ("andelen lärare med lärarlegitimation
    och behörighet …" is one name)."""
    out = [parts[0]]
    for part in parts[1:]:
        if _names_measure(part) or _CODE_CLOSED.search(out[-1]):
            out.append(part)
        else:
            out[-1] = f"{out[-1]}{joiner}{part}"
    return out


def _measure_parts(rest: str) -> list[str]:
    """The measures a lead names, parted by "och" and, in a list of three or
    more ("A (1a), B (1b) och C (1c)"), by commas."""
    # not "kultur- och fritidsutbudet"
    named = _regroup(re.split(r",?(?<!-)\s+och\s+(?:med\s+|genom\s+)?(?=\S)", rest), " och ")
    if len(named) < 2:
        return named
    listed = [p for part in named[:-1] for p in re.split(r",\s+(?=\S)", part) if p] + [named[-1]]
    return _regroup(listed, ", ")


def named_measures(sentence: str) -> list[NamedMeasure]:
    """The measures a sentence names as followed (rules/prose.yaml
    ``measure_name_leads``); empty for another sentence."""
    for pattern in _patterns("measure_name_leads"):
        m = pattern.search(sentence)
        if m is None:
            continue
        rest = sentence[m.end():].strip()
        if not rest[:1].islower() or not (_names_measure(rest) or _CODE_OPENED.match(rest)):
            continue
        code = _STATED_GOAL_CODE.search(sentence[:m.end()])
        found = []
        for part in _measure_parts(rest):
            cut = _NAME_END.search(part)
            measure = (part[:cut.start()] if cut else part).strip(" ,.;:")
            words = measure.split()
            if not 2 <= len(words) <= MAX_MEASURE_NAME_WORDS or words[0] in _RELATIVE or words[0][0].isdigit():
                return []
            found.append(NamedMeasure(measure, part[len(measure):].strip(" ,.;"),
                                      code.group("code") if code else None))
        return found
    return []


@functools.lru_cache(maxsize=1)
def _reported_verb() -> re.Pattern:
    verbs = "|".join(prose_rules().reported_measure_verbs)
    return re.compile(rf"\s+(?:{verbs})\s+(?:i\s+genomsnitt\s+|totalt\s+|cirka\s+)?(?=[-−–]?\d)", re.I)


def quoted_goal(text: str) -> Optional[str]:
    """The goal a sentence quotes after the word for it ("… inriktningsmål
    ”Norrtälje kommun är en attraktiv plats …” omfattar …"), else None."""
    for pattern in _patterns("quoted_goal_sentences") + _patterns("decided_goal_sentences"):
        m = pattern.search(text or "")
        if m and m.group("goal")[:1].isupper() and len(m.group("goal").split()) >= 3:
            return m.group("goal").strip().rstrip(".,")
    return None


def decided_goal(text: str) -> Optional[str]:
    """The goal a body's quoted decision states ("… har beslutat att
    ”Surahammars kommun ska vara klimatneutral senast 2035”"), else None."""
    for pattern in _patterns("decided_goal_sentences"):
        m = pattern.search(text or "")
        if m and m.group("goal")[:1].isupper():
            return m.group("goal").strip().rstrip(".,")
    return None


_QUOTED = re.compile(r"[”\"«“](?P<goal>[^”\"»“]{12,200})[”\"»“]")
_GOALS_ANNOUNCED = re.compile(r"\b\w*mål(?:en)?\s*:\s*[”\"«“]", re.I)


def quoted_goals(text: str) -> list[str]:
    """The goals a sentence quotes after announcing them ("… beslutat om tre
    övergripande mål: ”Borgholms kommun ska vara …”, ”…” och ”…”."): two or
    more, each a goal statement; empty otherwise."""
    if not _GOALS_ANNOUNCED.search(text or ""):
        return []
    quoted = [m.group("goal").strip().rstrip(".,") for m in _QUOTED.finditer(text)]
    if len(quoted) < 2 or not all(q[:1].isupper() and C.is_goal_statement(q) for q in quoted):
        return []
    return quoted


_NEXT_THAT = re.compile(r",\s+att\s+|,?\s+(?:och|samt)\s+att\s+")


def enumerated_goals(sentence: str) -> tuple[str, list[str]]:
    """(lead, goals) of a sentence naming goals as "att" clauses after
    announcing them ("… beslutat om tre övergripande mål som berör nämnden:
    att Staffanstorp ska vara …, att kommunen ska växa … och att …"): two or
    more clauses, each saying what "ska" be; ("", []) for another sentence."""
    for pattern in _patterns("enumerated_goal_leads"):
        m = pattern.search(sentence or "")
        if m is None:
            continue
        clauses = [c.strip().rstrip(".").strip() for c in _NEXT_THAT.split(sentence[m.end():])]
        if len(clauses) >= 2 and all(_SKA.search(c) and len(c.split()) >= MIN_CLAUSE_WORDS for c in clauses):
            return sentence[:m.end()], clauses
    lettered = _LETTERED_LEAD.search(sentence or "")
    if lettered is not None:
        # "Till målet hör två delmål: (a) antalet företag … ska öka och (b) fler unga ska …"
        clauses = [c.strip().rstrip(".").strip() for c in _NEXT_LETTER.split(sentence[lettered.end():])]
        if len(clauses) >= 2 and all(_SKA.search(c) and len(c.split()) >= MIN_CLAUSE_WORDS for c in clauses):
            return sentence[:lettered.end()], clauses
    return "", []


_LETTERED_LEAD = re.compile(r"\b\w*mål(?:en)?\b[^:.;]{0,40}:\s*\(?a\)\s+", re.I)
_NEXT_LETTER = re.compile(r"(?:,|\s+och|\s+samt)?\s+\(?[b-h]\)\s+")
_ASKED_GOAL = re.compile(r"^(?:fråga\s*:\s*)?(?:nådde|når|uppnådde|uppnår|uppfyllde|klarade)\s+(?:[\w-]+\s+){1,3}?"
                         r"(?:\w*målet|\w*målsättningen)\s+att\s+(?P<goal>[^?]+)\?(?=\s|$)", re.I)  # "… Svar: Nej." may follow


def asked_goal(sentence: str) -> Optional[str]:
    """The goal a question asks about ("Fråga: Nådde kommunen målet att årets
    resultat ska uppgå till minst 2 procent …?"), else None."""
    m = _ASKED_GOAL.match((sentence or "").strip())
    if m is None or not _SKA.search(m.group("goal")):
        return None
    return m.group("goal").strip()


def served_goal_number(sentence: str) -> Optional[str]:
    """The number of the goal a sentence says the work serves ("… bidrar
    främst till nämndmål 2." -> "2"), else None."""
    for pattern in _patterns("goal_serving_sentences"):
        m = pattern.search(sentence)
        if m:
            return m.group("number")
    return None


def is_planned_action(sentence: str, *, after_action: bool = False) -> bool:
    """A sentence that plans one concrete action of the period ("Under 2026
    ska förvaltningen installera teknik för meröppet ...", "Kommunen ska
    under 2026 ta fram ..."): a dated "ska", its doer, then the infinitive of
    a verb of doing that is not one of continuing or working on
    ("fortsätta", "arbeta").  ``after_action``: the sentence follows one, and
    "X ska också <verb>" adds another."""
    not_planned, short = _planned_verbs()
    patterns = _patterns("planned_action_sentences") + (
        _patterns("continued_action_sentences") if after_action else ())
    for pattern in _patterns("dated_present_action_sentences"):
        m = pattern.match(sentence)
        if m:
            verb = m.group("verb").lower()
            # the active voice: "Under 2025 införs en gemensam registrering, och målet följs …" is a note
            doing = verb in prose_rules().present_action_verbs or (not verb.endswith("s") and action_verb(verb))
            if doing and doing not in not_planned:
                return True
    for pattern in patterns:
        m = pattern.match(sentence)
        if not m:
            continue
        words = re.findall(r"[\w-]+", m.group("rest").lower())
        for word in words[:4]:  # the doer, if it follows "ska", is at most three words
            if word in not_planned:
                return False
            if _infinitive(word) or word in short or (word.endswith("s") and _infinitive(word[:-1])):
                return True  # "installera", "ta", "upphandlas", "digitalisera"
    return False


def is_directed_action(sentence: str) -> bool:
    """A sentence directing a named body to one action ("Tekniska nämnden ska
    byta ut belysningen …", "Kommunstyrelsen ska senast juni 2027 teckna …")."""
    from .item_tails import names_a_unit

    not_planned, short = _planned_verbs()
    for pattern in _patterns("directed_action_sentences"):
        m = pattern.match(sentence)
        if not m or not names_a_unit(m.group("who")):
            continue
        word = (re.findall(r"[\w-]+", m.group("rest").lower()) or [""])[0]
        return word not in not_planned and (_infinitive(word) or word in short)
    return False


MIN_ERA_VERB = 7  # "kamera", "opera": shorter words in "-era" are nouns


def _infinitive(word: str) -> bool:
    """An infinitive: one the lemma table knows, a strong verb of
    `strong_infinitives`, a short one ("ta", "ge"), or a verb borrowed with "-era" ("digitalisera",
    "implementera"), regular and many, of which the table misses a good part."""
    from .lexicon import is_infinitive

    return is_infinitive(word) or word in prose_rules().strong_infinitives or word in _planned_verbs()[1] or (
        len(word) >= MIN_ERA_VERB and word.endswith("era")) or _strong_compound(word)


MIN_COMPOUND_PREFIX = 3  # "kart|lägga", "schema|lägga", "upprätt|hålla": a word before the verb, not "av|"


@functools.lru_cache(maxsize=4096)
def _strong_compound(word: str) -> bool:
    """A strong verb compounded with a word before it ("kartlägga",
    "schemalägga", "upprätthålla"), whose forms the lemma table lacks."""
    return any(len(verb) >= 5 and word.endswith(verb) and len(word) - len(verb) >= MIN_COMPOUND_PREFIX
               for verb in prose_rules().strong_infinitives)


@functools.lru_cache(maxsize=1)
def _planned_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs that plan no action, infinitives too short to recognise by their forms)."""
    from .targets import target_rules

    return frozenset(prose_rules().not_planned_verbs), frozenset(target_rules().short_infinitives)


@functools.lru_cache(maxsize=4096)
def action_verb(word: str) -> Optional[str]:
    """The infinitive of a finite, passive or perfect form of a verb of doing
    ("planeras" -> "planera", "genomförts" -> "genomföra", "fortsätter" ->
    "fortsätta"); None for other words and verbs of being, judging or changing."""
    from .lexicon import is_infinitive

    if len(word) < 5 or is_infinitive(word):
        return None
    stems = []
    if word.endswith("ts"):
        stems += [word[:-2], word[:-2] + "a"]
    if word.endswith("s"):
        stems += [word[:-1], word[:-1] + "a"]
    if word.endswith("er"):
        stems += [word[:-2] + "a", word[:-1] + "a"]
    if word.endswith("ar") or word.endswith("at"):
        stems += [word[:-1]]
    if word.endswith("r"):
        stems += [word[:-1] + "a", word + "a"]  # "deltar" -> "delta", "genomför" -> "genomföra"
    if word.endswith("t"):
        stems += [word[:-1] + "a"]
    if word.endswith("it") or word.endswith("its"):
        stems += [word[:word.rindex("it")] + "a"]  # a strong verb's supine: "erbjudits" -> "erbjuda"
    if word.endswith("des") or word.endswith("tes"):
        stems += [word[:-3], word[:-3] + "a"]  # the past passive: "delades" -> "dela", "infördes" -> "införa"
    if word.endswith("de") or word.endswith("te"):
        stems += [word[:-2], word[:-2] + "a"]  # the past: "startade" -> "starta", "anställde" -> "anställa"
    not_action = _not_action_verbs()
    for stem in stems:
        if len(stem) >= 5 and (is_infinitive(stem) or stem in prose_rules().strong_infinitives):
            return None if stem in not_action else stem
    return None


@functools.lru_cache(maxsize=1)
def _not_action_verbs() -> frozenset:
    return frozenset(w.lower() for w in prose_rules().not_action_verbs)


def is_reference(text: str) -> bool:
    """A list item citing a document by source and year: background, not a goal."""
    return any(p.match(text) for p in _patterns("reference_items"))


def numbered_areas(text: str) -> list[str]:
    """The areas a paragraph names by number: "Fokusområde 1 – Hållbarhet i
    näringsliv Fokusområde 9 – Klimatanpassning" -> ["Hållbarhet i näringsliv",
    "Klimatanpassning"]; empty unless the paragraph opens with one."""
    prefixes = "|".join(re.escape(p) for p in sorted(prose_rules().area_prefixes, key=len, reverse=True))
    mark = re.compile(r"(?:" + prefixes + r")\s+\d{1,2}\s*[:–—-]\s*", re.IGNORECASE)
    text = C.clean_text(text, numbering=False)
    if not mark.match(text):
        return []
    parts = [part.strip(" .;,") for part in mark.split(text) if part.strip(" .;,")]
    return parts if all(len(p.split()) <= 10 and "." not in p for p in parts) else []


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def roman_items(text: str) -> list[str]:
    """The items of a list numbered in Roman numerals that was read as one
    paragraph ("I Vilhelmina ska vara … II Invånarna ska ha … III …"), each a
    sentence; empty unless the paragraph opens with "I" and counts on."""
    parts = re.split(r"(?:^|(?<=[.!]))\s*\b(I|II|III|IV|V|VI|VII|VIII)\.?\s+(?=[A-ZÅÄÖ])", text.strip())
    # parts: ["", "I", item, "II", item, ...]
    if len(parts) < 5 or parts[0].strip() or parts[1::2] != list(_ROMAN[:len(parts) // 2]):
        return []
    items = [p.strip() for p in parts[2::2]]
    return items if all(i.endswith((".", "!")) and len(i.split()) >= 3 for i in items) else []


def counted_items(text: str, after: int = 0) -> list[str]:
    """The items of a list numbered "1", "2", … without periods that the layout
    read as one paragraph ("1 År 2027 upplever företagarna … 2 År 2027 finns
    …"), each a sentence, numbered on from ``after`` (a paragraph may go on
    with the items of the one before: "4 År 2027 har …"); two at least when
    the list starts here, else one; empty for another text."""
    parts = re.split(r"(?:^|(?<=[.!]))\s*\b(\d{1,2})\s+(?=[A-ZÅÄÖ])", text.strip())
    numbers, items = parts[1::2], [p.strip() for p in parts[2::2]]
    if parts[0].strip() or len(items) < (2 if after == 0 else 1):
        return []
    if numbers != [str(after + 1 + i) for i in range(len(numbers))]:
        return []
    return items if all(i.endswith((".", "!")) and len(i.split()) >= 3 for i in items) else []


def is_nominal_goal(text: str) -> bool:
    """A goal worded as the state it asks for: "Ökad andel ...", "Fler i arbete", "Minskad klimatpåverkan"."""
    words = C.clean_text(text).split()
    return len(words) >= 2 and words[0].lower() in {w.lower() for w in prose_rules().nominal_goal_words}


def opens_with_action(text: str) -> bool:
    """An action worded by its verb first ("Utveckla samverkan med skolan", "Implementera ...")."""
    words = C.clean_text(text).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    return _infinitive(words[0].lower().strip(",.:"))


def opens_with_done_action(text: str) -> bool:
    """An action reported done, its verb first in the past tense ("Genomförde
    trygghetsvandringar …", "Startade familjecentralen …", "Tog fram en plan …"):
    what a follow-up lists under a goal as done, never a goal itself."""
    words = C.clean_text(text).split()
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    first = words[0].lower().strip(",.:")
    if first in prose_rules().past_action_verbs:
        return True
    return first.endswith(("de", "te")) and action_verb(first) is not None


def names_a_measure(text: str) -> bool:
    """An indicator worded by what it measures: "Andel elever som ...", "Antal
    besök ...", "Nöjd-Kund-Index ...", "Mäts genom ..."."""
    low = normalize(C.clean_text(text))
    return any(re.match(p, low) for p in _patterns("measure_starts"))


def is_fragment(text: str, *, words_only: bool = False) -> bool:
    """A list item that continues a sentence rather than naming an item: it
    opens in lower case with a verb in the present tense ("pekar ut
    riktningen ...") or, unless ``words_only``, a preposition, conjunction
    or finite verb of fragment_starts ("i dialog och samverkan")."""
    words = C.clean_text(text).split()
    if not words or not words[0].islower():
        return False
    if _present_tense(words[0]):
        return True
    return not words_only and words[0] in {w.lower() for w in prose_rules().fragment_starts}


def _present_tense(word: str) -> bool:
    """A verb's present tense ("pekar", "handlar", "innebär"), by its infinitive in the lexicon."""
    from .lexicon import is_infinitive

    if len(word) < 4 or not word.endswith("r") or is_infinitive(word):
        return False
    return any(is_infinitive(stem) for stem in (word[:-1], word[:-2] + "a", word + "a") if len(stem) >= 3)


_LEAD_ROLES = {"goal": "goal", "goal_or_target": "goal", "indicator": "indicator", "measure": "indicator",
               "activity": "activity", "activity_detail": "activity"}


def lead_kind(text: str) -> Optional[str]:
    """The kind of the list a lead-in sentence opens: by the heading vocabulary
    ("Vi har lyckats när:"), else by the noun it ends with ("Nämnden har
    beslutat om följande mål:", "... genom följande insatser:")."""
    last = (C.sentences(text) or [text])[-1]
    kind = C.heading_kind(last)
    if kind is not None:
        return kind
    if any(p.match(last.strip()) for p in _patterns("action_lead_ins")):
        return "activity"  # "Under 2026 ska förvaltningen:"
    for pattern in _patterns("counted_lead_ins"):
        counted = pattern.match(last.strip())
        kind = (C.head_noun_kind([normalize(counted.group("noun"))], C.heading_rules())
                or C.heading_kind(counted.group("noun"))) if counted else None
        if kind in ("goal", "indicator", "activity"):
            return kind  # "Två insatser gäller planen som helhet och bidrar till …:": what it counts
    following = re.search(r"\bföljande\s+(\w+)", last, re.I)
    if following and _LEAD_ROLES.get(C.column_role(following.group(1)).role):
        # "… beslutat om följande mål som nämnden bidrar till:": the noun after "följande"
        return _LEAD_ROLES[C.column_role(following.group(1)).role]
    # "… följande arbeten, som inte är kopplade till ett enskilt mål:": the noun listed, which the clause qualifies
    head = re.split(r",?\s+som\s+", last, maxsplit=1)[0] if following else last
    words = normalize(re.sub(r"[:;…]+\s*$", "", head)).split()
    if words and C.is_calendar_header(words[-1]):
        return "skip"  # "… enligt kommunens gemensamma kalender:": dates of reports, no items
    if len(words) < 2 or "område" in words[-1]:
        return None  # areas ("Nedan redogörs för fokusområdena:") frame work, they are no goals
    by_last = _LEAD_ROLES.get(C.column_role(words[-1]).role)
    if by_last is not None or not re.match(r"(?:19|20)\d\d$", words[-1]):
        return by_last
    # "Indikatorer och utfall vårterminen 2025:": a header's words, the period last
    return _LEAD_ROLES.get(C.column_role(re.sub(r"[:;…]+\s*$", "", last)).role)


@dataclasses.dataclass(frozen=True)
class GoalClause:
    """A goal stated as a clause of a sentence: its wording, the number or
    code that closes it ("(mål 1)", "(SBN 3)"), the attainment a bracket
    states ("[Uppfyllt]") and the goal it breaks down, named by a clause of
    its own earlier in the sentence ("Under fullmäktiges inriktningsmål att
    X har nämnden beslutat att Y (mål 1).": Y, parent X)."""

    text: str
    code: Optional[str] = None
    status: Optional[str] = None
    parent: Optional[str] = None
    lead: str = ""


_CLAUSE_CODE = re.compile(
    r"\s*\((?:(?:[\w-]*mål|målnummer|mål\s+nr)\s+)?(?P<code>(?:[A-ZÅÄÖ]{1,5}\s?)?\d{1,2}(?:\.\d{1,2}){0,2}|[A-H])\)\s*[.!]?$")
_BRACKET = re.compile(r"^\s*\[(?P<lead>[^\]]{2,40})\]\s*|\s*\[(?P<tail>[^\]]{2,40})\]\s*[.!]?$")
_SKA = re.compile(r"\b(?:ska|skall|ska\s+inte)\b", re.I)
MIN_CLAUSE_WORDS = 4


def _attainment_bracket(sentence: str) -> tuple[str, Optional[str]]:
    """The sentence without an opening or closing bracket that states the
    goal's attainment ("[Uppfylls delvis] Nämndens mål …"), and that attainment."""
    status = None
    for _ in range(2):
        m = _BRACKET.search(sentence)
        word = m and (m.group("lead") or m.group("tail"))
        found = C.status_word(word) if word else None
        if found is None:
            break
        status = found
        sentence = (sentence[:m.start()] + " " + sentence[m.end():]).strip()
    return sentence, status


_RELATIVE = {"som", "där", "vilket", "vilka", "vars", "när", "om", "att", "och", "det"}  # "när det gäller"
_IS_THAT = re.compile(r"\b(?:är|innebär)\s+att\s+$", re.I)


def _clause_end(clause: str) -> str:
    """The goal's words of a clause named after its goal noun, up to the finite
    verb that ends it ("X ska känna sig trygga konkretiseras i …" -> "X ska
    känna sig trygga"); the whole clause when no such verb follows its "ska"."""
    ends = {normalize(w) for w in prose_rules().goal_clause_ends}
    words = clause.split()
    seen_ska = False
    for n, word in enumerate(words):
        w = normalize(word)
        if w in ("ska", "skall"):
            seen_ska = True
        elif seen_ska and w in ends and n >= MIN_CLAUSE_WORDS and normalize(words[n - 1]) not in _RELATIVE:
            return " ".join(words[:n]).rstrip(",;")
    return clause


@functools.lru_cache(maxsize=4096)  # asked of each sentence by more than one reader
def goal_clause(sentence: str) -> Optional[GoalClause]:
    """The goal a sentence states as a clause (rules/prose.yaml,
    ``goal_clause_leads``, ``goal_noun_leads``), else None."""
    body, status = _attainment_bracket(sentence.strip())
    coded = _CLAUSE_CODE.search(body)
    code = coded.group("code") if coded else None
    if coded:
        body = body[:coded.start()]
    body = body.strip().rstrip(".!").strip()
    if not _SKA.search(body) or C.is_question(body) or is_meta(body) or C.is_lead_in(body):
        return None  # "Avsikten med nedan angivna verksamhetsmål är att …": about the document
    marked = code is not None or status is not None  # "(mål 1)", "[Delvis uppfyllt]": the clause is a goal
    lead = None
    for pattern in _patterns("goal_noun_leads"):
        lead = pattern.match(body)
        if lead:
            break
    parent = None
    if marked:
        # the last lead before the goal's "ska" opens it; an earlier goal clause is its parent
        leads = [m for p in _patterns("goal_clause_leads") for m in p.finditer(body)
                 if _SKA.search(body[m.end():])]
        last = max(leads, key=lambda m: m.end(), default=None)
        if last is not None and (lead is None or last.end() > lead.end()):
            named = re.search(r"\w*mål\s+att\s+(?P<clause>.+)$", body[:last.start()], re.I)
            if named and _SKA.search(named.group("clause")):
                # "… inriktningsmål att X utvecklas har nämnden": X, up to the verb that ends it
                parent = _clause_end(named.group("clause")).strip(" ,")
            lead = last
    if lead is None:
        if not marked or not body[:1].isupper():
            return None
        # "Handläggningen av detaljplaner ska vara förutsägbar (SBN 1).", "Fler elever ska lämna
        # grundskolan med behörighet … [delvis uppfyllt].": a sentence closed by its code or its assessment
        text, lead_text = body, ""
    else:
        rest, lead_text = body[lead.end():], body[:lead.end()]
        text = _clause_end(rest)
        if not marked and text == rest and _IS_THAT.search(lead_text) \
                and not any(p.match(lead_text) for p in _patterns("reported_goal_leads")):
            return None  # "Vårt mål är att alla barn ska …": the sentence states the goal whole
    text = text.strip().rstrip(",;")
    if len(text.split()) < MIN_CLAUSE_WORDS or not _SKA.search(text):
        return None
    return GoalClause(text=text, code=code, status=status, parent=parent, lead=lead_text)
