"""The trailing parenthesis of an item, read as the item's fields.

Plans written as running text put an indicator's target and outcomes, or an
action's responsible and deadline, in a parenthesis after the item:
"Andel deltagare som gått vidare till arbete (målvärde 2025: minst 40 %,
utfall 2024: 36 %)", "Starta branschråd ... (Ansvar: Jobbcenter, klart juni
2025)", "Erbjuda fysisk aktivitet på recept (Kultur- och
fritidsförvaltningen, Västra Götalandsregionen)".  Such a parenthesis is
not part of the item's text.  One that holds other words ("(TSI)") or only
a Kolada id ("(N15436)") is, and is left alone.

The labels are the column headers of rules/columns.yaml ("målvärde 2025"
is a target column, "utfall 2024" an outcome column); the names of
responsible units and the deadline words are there too.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Optional

from . import classify as C
from . import targets

# the item, then one parenthesis (which may hold one level of brackets) closing the text
# an indicator's code after its name, "(1.2a)": indicator a of goal 1.2, by which an appendix row names it
INDICATOR_CODE = r"\((\d{1,2}(?:\.\d{1,2}){1,4})\s?([a-h])\)"
_TRAILING = re.compile(r"^(?P<body>.*?\S)\s*\((?P<inner>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*\.?\s*$", re.S)
# "målvärde 2025: minst 40 %", "Ansvar: Jobbcenter"
_LABELLED = re.compile(r"^(?P<label>[^\W\d][\w\s/-]{0,30}?)(?:\s+(?P<year>(?:19|20)\d\d))?\s*:\s*(?P<value>\S.*)$")
# "2025: 41 procent": an outcome labelled by its year alone
_YEAR_LABELLED = re.compile(r"^(?P<year>(?:19|20)\d\d)\s*:\s*(?P<value>\S.*)$")
_KOLADA = re.compile(r"^(?:kolada(?:-id)?\s*:?\s*)?([NUV]\d{5})$", re.I)
_SPLIT = re.compile(r"[;,]\s+")
# "Antal besök på biblioteken: minst 850 000", "Andel resor med kollektivtrafik – minst 30 %"
_VALUE_TAIL = re.compile(r"^(?P<body>.*?[^\s:–—-])(?::\s+|\s+[–—-]\s+)(?P<tail>[^:–—]+)$")
MAX_TAIL_WORDS = 12  # a target after a colon or dash is short
# outcomes closing an indicator line: "[utfall 2024: 8,7]", "(2024: 7,8 %)", "[utfall 2023: 90,1, 2024: 89,4]"
_OUTCOME_TAIL = re.compile(
    r"\s*[\[(](?P<inner>(?:utfall|resultat|värde|nuläge)?\s*(?:19|20)\d\d\s*:[^\[\]()]*)[\])]\s*\.?\s*$", re.I)
_OUTCOME_PART = re.compile(r"((?:19|20)\d\d)\s*:\s*(-?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)")
_DATED_OUTCOME = re.compile(
    r"\s*\((?P<value>[-−]?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)\s+(?:år\s+)?(?P<year>(?:19|20)\d\d)\)\s*\.?\s*$")
_BARE_OUTCOME = re.compile(r"\s*\((?P<value>[-−]?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)\)\s*\.?\s*$")
_KOLADA_LABEL = re.compile(r"\s*\(\s*kolada(?:-id)?\s*:?\s*([NUV]\d{5})\s*\)", re.I)
MAX_NAME_WORDS = 6  # a responsible unit's name is short


@dataclass
class IndicatorTail:
    """What an indicator's trailing parenthesis gives."""

    body: str
    target_text: Optional[str] = None
    target_year: Optional[int] = None
    target_header: str = ""
    values: list[tuple[str, str]] = field(default_factory=list)  # (period, printed value)
    kolada: Optional[str] = None
    baseline: Optional[str] = None  # "79,2 % (2025)" after "Startvärde"
    baseline_year: Optional[int] = None  # the year of its label ("Utgångsläge 2024: 62 %")
    status: Optional[str] = None  # an attainment stated among the fields ("Målet är inte uppfyllt")


def _parts(inner: str) -> list[str]:
    """The comma- or semicolon-separated parts of a parenthesis; decimal
    commas ("9,0 %") have no space after them and stay."""
    return [p.strip() for p in _SPLIT.split(inner) if p.strip()]


def indicator_tail(text: str) -> Optional[IndicatorTail]:
    """The labelled target and outcomes closing an indicator, or None when
    its trailing parenthesis (if any) is part of its text."""
    m = _TRAILING.match(text or "")
    if not m:
        return None
    tail = IndicatorTail(body=m.group("body").rstrip(" ,;:"))
    labelled = False
    for part in _parts(m.group("inner")):
        kpi = _KOLADA.match(part)
        if kpi:
            tail.kolada = tail.kolada or kpi.group(1).upper()
            continue
        dated = _YEAR_LABELLED.match(part)
        if dated:  # "Minst 2 400 deltagare (2025: 2 180)": last year's outcome
            tail.values.append((dated.group("year"), dated.group("value").strip()))
            labelled = True
            continue
        found = _LABELLED.match(part)
        if not found:
            return None  # other words: the parenthesis belongs to the text
        header = found.group("label") + (f" {found.group('year')}" if found.group("year") else "")
        column = C.column_role(header)
        if column.role == "target" and tail.target_text is None:
            tail.target_text, tail.target_year, tail.target_header = part, column.year, header
        elif column.role == "outcome":
            tail.values.append((column.value_period, found.group("value").strip()))
        else:
            return None
        labelled = True
    return tail if labelled else None


def indicator_value_tail(text: str, outcome_period: Optional[str] = None) -> Optional[IndicatorTail]:
    """The measure, target and outcomes of an indicator line whose target
    follows a colon or a dash: "Antal aktiva låntagare: minst 34 000",
    "Resor per invånare, antal (Kolada N60403) – minst 37 [utfall 2024: 34]".
    Where a header names the period of the outcomes ("Indikatorer med
    målvärde 2026 (utfall 2025)"), ``outcome_period`` reads a bare value in
    the closing parenthesis ("…: minst 75 % (71 %)") as that outcome.
    The target is None when the tail says there is none ("följs upp"); None
    when the text does not end in a target."""
    text = (text or "").strip()
    # "…: 14,8 % (2024), 16,1 % (vt 2025). Målvärde 2025: högst 12 %.": the target in a sentence of its own
    text = re.sub(r"\.\s+(?=mål(?:värde|värdet|nivå)\b)", ", ", text, flags=re.I)
    between = _OUTCOME_BEFORE_TARGET.match(text)
    if between:  # "… (utfall 2025: 14,8 %) – målvärde 2026: högst 10 %": the outcome read after the target
        text = f"{between.group('body')} – {between.group('tail')} ({between.group('outcome')})"
    fields = _fields_tail(text, outcome_period)
    if fields is not None:
        return fields
    bracketed = _OUTCOME_THEN_TARGET.match(text)
    if bracketed and len(bracketed.group("body").split()) >= 2:
        # "Andel femåringar …: 71 % (målvärde minst 80 %)": the outcome, its target in brackets
        values = [(outcome_period, bracketed.group("value").strip())] if outcome_period else []
        return IndicatorTail(body=bracketed.group("body").strip(), target_text=bracketed.group("target").strip(),
                             values=values)
    values: list[tuple[str, str]] = []
    outcome = _OUTCOME_TAIL.search(text)
    bare = _BARE_OUTCOME.search(text) if outcome_period and not _ARROW.search(text) else None
    if outcome:  # "[utfall 2024: 8,7]", "(2024: 7,8 %)"
        values = [(y, v.strip()) for y, v in _OUTCOME_PART.findall(outcome.group("inner"))]
        text = text[:outcome.start()].rstrip()
    elif _DATED_OUTCOME.search(text):  # "(78 år 2025)", "(5,6 % år 2025)"
        dated = _DATED_OUTCOME.search(text)
        values = [(dated.group("year"), dated.group("value").strip())]
        text = text[:dated.start()].rstrip()
    elif bare:  # "(71 %)" under a header "(utfall 2025)"
        values = [(outcome_period, bare.group("value").strip())]
        text = text[:bare.start()].rstrip()
    m = _VALUE_TAIL.match(text)
    if not m:
        return None
    body, tail = m.group("body").strip(), m.group("tail").strip().rstrip(".")
    if len(body.split()) < 2 or re.search(r"\bska(?:ll)?\b", body, re.I) or len(tail.split()) > MAX_TAIL_WORDS:
        return None
    if body.count("(") != body.count(")") or body.count("[") != body.count("]"):
        return None  # the colon stands inside a parenthesis: "(målvärde 2025: minst 40 %)"
    kolada = _KOLADA_LABEL.search(body)
    if kolada:  # "(Kolada N60403)": a reference, not the measure's words
        body = (body[:kolada.start()] + body[kolada.end():]).strip()
    found = IndicatorTail(body=body, values=values, kolada=kolada.group(1).upper() if kolada else None)
    baseline = _BASELINE_TO_TARGET.match(tail)
    if baseline:  # "38 200 (2024) » minst 50 000 (2030)": where it stood, then where it should be
        found.baseline, found.baseline_year = baseline.group("value").strip(), int(baseline.group("year"))
        tail = baseline.group("target").strip()
    if targets.is_no_target(tail):
        return found
    target = targets.parse_target(tail, known_target=True)
    core = re.sub(r"\s*\([^()]*\)\s*$", "", tail)  # "ska minska (nuläge 3,1 år 2025)": the words before the note
    if target is None or (target.target_value is None and len(core.split()) > 3):
        return None
    found.target_text = tail
    return found


_ARROW = re.compile(r"\s(?:»|→|->|=>|⇒|⟶)\s")  # from where a measure stands to its target
_BASELINE_TO_TARGET = re.compile(
    r"^(?P<value>[-−]?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)\s*\((?P<year>(?:19|20)\d\d)\)" + _ARROW.pattern + r"\s*(?P<target>\S.*)$")
_OUTCOME_BEFORE_TARGET = re.compile(
    r"^(?P<body>.*?\S)\s*\((?P<outcome>(?:utfall|resultat|nuläge)\s+[^():]*(?:19|20)\d\d\s*:[^()]+)\)"
    r"\s*[–—-]\s+(?P<tail>mål(?:värde|värdet|nivå)?\b[^()]*)$", re.I)
_OUTCOME_THEN_TARGET = re.compile(
    r"^(?P<body>.*?[^\s:]):\s+(?P<value>-?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)\s*"
    r"\((?P<target>mål(?:värde|värdet|nivå)?\s*(?:(?:19|20)\d\d\s*)?:?\s*[^()]+)\)\s*\.?$", re.I)
_FIELDS_TAIL = re.compile(
    r"^(?P<body>.*?[^\s:–—-])(?::\s+|\s+[–—-]\s+)(?P<tail>.*?\bmål(?:värde|värdet|nivå)?\b.*)$", re.I)
_FIELDS_TAIL_SKA = re.compile(r"^(?P<body>.*?[^\s:–—-]):\s+(?P<tail>\d[^:]*\(\s*(?:19|20)\d\d\s*:[^()]*\),\s+.*\bska\b.*)$", re.I)
_FIGURE_THEN_FIELDS = re.compile(r"^(?P<figure>[^()]*?)\s*\((?P<inner>[^()]*;[^()]*\bmål[^()]*)\)\s*\.?$", re.I)
_TARGET_PART = re.compile(r"^mål(?:värde|värdet|nivå)?(?:\s+(?:för\s+)?(?P<year>(?:19|20)\d\d))?\s*:?\s*(?P<target>\S.*)$", re.I)
_PERIOD_PART = re.compile(r"^(?:(?:utfall|resultat|nuläge)\s+)?(?P<period>[^:]*?(?:19|20)\d\d)\s*:\s*(?P<value>\S.*)$", re.I)
# "14,8 % (2024)", "16,1 % (vt 2025)": an outcome with its period after it
_VALUE_THEN_PERIOD = re.compile(r"^(?P<value>[-−]?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)\s*\((?P<period>[^():]*(?:19|20)\d\d)\)$")
_VALUE_PART = re.compile(r"^(?P<value>[-−]?\d[\d\s\u00a0]*(?:,\d+)?\s*%?)(?:\s*\((?P<year>(?:19|20)\d\d)\s*:\s*(?P<before>[^()]+)\))?$")


def labels_a_target(text: str) -> bool:
    """An item line whose tail labels its target among its outcomes ("… –
    utfall 2024: 66 %, målvärde 2025: minst 72 %"): an indicator wherever it stands."""
    found = _fields_tail(text, "0")
    return found is not None and found.target_text is not None and bool(_TARGET_PART.match(found.target_text))


def _fields_tail(text: str, outcome_period: Optional[str]) -> Optional[IndicatorTail]:
    """An indicator line closing with its outcomes and target as labelled
    parts: "Andel ... – utfall 2024: 66 %, jan–aug 2025: 70 %, målvärde 2025:
    minst 72 %"; "Antal unga ...: 26 (2023: 19), målvärde minst 20" (the first
    outcome is for ``outcome_period``).  None for another line."""
    m = _FIELDS_TAIL.match(text) or _FIELDS_TAIL_SKA.match(text)
    if not m:
        return None
    body = m.group("body").strip()
    if len(body.split()) < 2 or re.search(r"\bska(?:ll)?\b", body, re.I):
        return None
    found = IndicatorTail(body=body)
    tail = m.group("tail")
    grouped = _FIGURE_THEN_FIELDS.match(tail)
    if grouped:  # "4,8 (helår 2025: 5,6; mål 2026: högst 5)": the figure, then its fields in brackets
        figure = grouped.group("figure").strip()
        kept = [figure] if outcome_period and re.search(r"\d", figure) else []  # undated or "mäts helår": no value
        tail = ", ".join([*kept, *(p.strip() for p in grouped.group("inner").split(";"))])
    closing = _OUTCOME_TAIL.search(tail)
    if closing and ", " not in tail[:closing.start()] and _TARGET_PART.match(tail[:closing.start()].strip()):
        # "målvärde 2026: minst 92 % (utfall 2025: 88,4 %)": the outcome closing the target
        found.values = [(y, v.strip()) for y, v in _OUTCOME_PART.findall(closing.group("inner"))]
        tail = tail[:closing.start()].rstrip()
    for part in (p.strip().rstrip(".") for p in tail.split(", ")):
        target = _TARGET_PART.match(part)
        period = _PERIOD_PART.match(part)
        value = _VALUE_PART.match(part)
        dated = _VALUE_THEN_PERIOD.match(part)
        if dated and not target:
            found.values.append((dated.group("period").strip(), dated.group("value").strip()))
        elif target and found.target_text is None:
            found.target_text = part
            found.target_year = int(target.group("year")) if target.group("year") else None
        elif value and outcome_period:
            found.values.append((outcome_period, value.group("value").strip()))
            if value.group("year"):
                found.values.append((value.group("year"), value.group("before").strip()))
        elif period:
            found.values.append((period.group("period").strip(), period.group("value").strip()))
        elif found.target_text is None and re.search(r"\bska(?:ll)?\b", part, re.I) and len(part.split()) <= 6:
            found.target_text = part  # "antalet ska minska"
        else:
            return None  # other words: not a line of fields
    return found if found.target_text else None


_FIELD_SEPARATOR = re.compile(r"\s+(?:[|│¦•·∙]|\(cid:\d+\))\s+")

# bars, bullets, or a sentence's end before the next label ("Status: Pågår. Ansvarig: rektorer")
_ACTION_FIELD_SEPARATOR = re.compile(r"\s+(?:[|│¦•·∙▪]|\(cid:\d+\))\s+|(?<=\.)\s+(?=[A-ZÅÄÖ][\w ]{1,20}:\s)")
# "Kopplat till FS 4", "Bidrar till mål 2": the goal an action's field line names
_SERVED_GOAL = re.compile(r"^(?:kopplat?|kopplad|bidrar|hör|knuten)\s+till\s+(?:\w*mål\s+)?(?P<code>\S.*)$", re.I)


@dataclass
class ActionFields:
    """What a line of an action's fields gives: its fields and the goal it names."""

    fields: dict[str, str]
    goal_code: Optional[str] = None


_LABEL_START = re.compile(r"\s(?=[A-ZÅÄÖ][\wåäö ]{1,20}(?:\s(?:19|20)\d\d)?:\s)")


def trailing_action_fields(text: str) -> Optional[tuple[str, ActionFields]]:
    """(the action, its fields) of a cell closing with a line of its fields:
    "Införa en fast vårdkontakt … Ansvarig: Division primärvård • Klart: mars 2026"."""
    for m in _LABEL_START.finditer(text or ""):
        fields = action_field_line(text[m.end():])
        if fields is not None:
            return text[:m.start()].rstrip(" .,;"), fields
    return None


# the label opening an action card: "Åtgärd 3", "Aktivitet 2.1", "Insats B"
_CARD_LABEL = re.compile(r"^(?:åtgärd|aktivitet|insats)\s+(?:nr\.?\s*)?(?:\d[\d.]*[a-z]?|[A-ZÅÄÖ]\d*)\s+", re.I)


# a field's label inside a card: a capitalised word, up to two more in lower case ("Ansvarig:", "Klart senast:")
_CARD_FIELD_START = re.compile(r"\s(?=[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){0,2}:\s)")


def action_card_run(text: str) -> Optional[tuple[str, ActionFields]]:
    """(title, fields) of an action card set as one run of lines, its label,
    its title, then its labelled fields: "Åtgärd 3 Byta resterande personbilar
    mot elbilar Mål: M2 Ansvarig: Fordonssamordnare Genomförande: 2026–2028
    Kostnad: ryms i driftbudget Status: Ny åtgärd"; None for another text."""
    label = _CARD_LABEL.match(text or "")
    if label is None:
        return None
    body = text[label.end():]
    starts = [m.end() for m in _CARD_FIELD_START.finditer(body)]
    if not starts:
        return None
    title = body[:starts[0]].strip().rstrip(" .,;")
    parts = [body[a:b].strip() for a, b in zip(starts, starts[1:] + [len(body)])]
    fields = action_field_line(" | ".join(parts))
    if fields is None or len(title.split()) < 2:
        return None
    return title, fields


def trailing_indicator_fields(text: str) -> Optional[IndicatorTail]:
    """The indicator of a cell closing with a line of its fields ("Andel listade
    invånare … Utgångsläge: 36 % (2024) • Målvärde 2026: minst 45 %"), or with
    one sentence a field ("Antal färdigställda bostäder. Utgångsläge 142
    (2024). Målnivå 2026: minst 200."), its name as ``body``."""
    for m in _LABEL_START.finditer(text or ""):
        fields = field_line(text[m.end():])
        if fields is not None:
            fields.body = text[:m.start()].rstrip(" .,;")
            return fields
    said = C.sentences(text or "")
    if said and _CLOSING_STATUS.search(said[-1]):
        said[-1] = _CLOSING_STATUS.sub("", said[-1])  # "… (2024: 207) [delvis uppnått].": its own assessment
    if len(said) >= 2:
        # "Målvärde 2026: minst 45 (2024: 31)": the year's outcome in parentheses after the target
        lines = [_OUTCOME_AFTER.sub(r" | Utfall \g<year>: \g<value>", sentence.rstrip(".")) for sentence in said[1:]]
        fields = field_line(" | ".join(lines))
        if fields is not None:
            fields.body = said[0].rstrip(" .,;")
            return fields
    return None


_CLOSING_STATUS = re.compile(r"\s*\[[^\[\]]{2,40}\]\s*\.?$")
_OUTCOME_AFTER = re.compile(r"\s*\((?P<year>(?:19|20)\d\d)\s*:\s*(?P<value>[^()|]+)\)\s*$")


def action_field_line(text: str) -> Optional[ActionFields]:
    """A line of an action's fields under its heading and description, parted
    by bullets or bars: "Kopplat till FS 4 • Ansvar: Medicinsk verksamhet •
    Tidplan: 2026".  Each part a labelled field of rules/columns.yaml (who,
    when, follow-up, status) or the goal served; it must name who or when.
    None for another line."""
    parts = _ACTION_FIELD_SEPARATOR.split((text or "").strip())
    if len(parts) < 2:
        return None
    from .table_rows import is_code

    found = ActionFields(fields={})
    for part in parts:
        served = _SERVED_GOAL.match(part)
        if served and found.goal_code is None and len(served.group("code").split()) <= 3:
            found.goal_code = served.group("code").strip().rstrip(".")
            continue
        labelled = _LABELLED.match(part)
        if labelled is None:
            return None
        value = labelled.group("value").strip().rstrip(".")
        role = C.column_role(labelled.group("label")).role
        if role in ("goal", "goal_or_target") and is_code(value.split(",")[0]) and found.goal_code is None:
            found.goal_code = value.split(",")[0].strip()  # "Etappmål: E1"
            continue
        name = C.activity_field(role)
        if name is None and role == "activity_detail" and is_period(value):
            name = "timeline"  # "Genomförande: 2026–2028": when it is carried out
        if name is not None:
            found.fields.setdefault(name, value)
        # another labelled part ("Kostnad: 900 tkr") is no field of the action
    if not ({"responsible", "timeline"} & found.fields.keys()):
        return None
    return found


def _labelled_figure(part: str) -> Optional[tuple[str, str]]:
    """(label, value) of a field without a colon: "utgångsläge 9,8 (2024)",
    "målnivå minst 25" (the shortest opening words that name a column)."""
    words = part.split()
    for n in range(1, min(4, len(words))):
        label, value = " ".join(words[:n]), " ".join(words[n:])
        if not re.search(r"\d", value):
            continue
        if C.is_baseline_header(label) or C.column_role(label).role in ("target", "outcome"):
            return label, value
    return None


_CODED_FIELDS = re.compile(r"^(?P<body>.*?\S)\s*\[(?P<code>[^\[\]]{1,12})\]\s*:\s*(?P<fields>\S.*)$")


def coded_field_item(text: str) -> Optional[tuple[IndicatorTail, str]]:
    """(fields, goal code) of an indicator line naming its goal's code in
    square brackets before its fields: "Installerad effekt i solceller, MW
    [E1]: utgångsläge 9,8 (2024) | målnivå minst 25"; None for another line."""
    from .table_rows import is_code

    m = _CODED_FIELDS.match(text or "")
    if not m or not is_code(m.group("code")):
        return None
    fields = field_line(m.group("fields"))
    if fields is None:
        return None
    fields.body = m.group("body").strip()
    return fields, m.group("code").strip()


def indicator_meta_line(text: str) -> Optional[tuple[Optional[str], Optional[str]]]:
    """(goal code, Kolada id) of a line of an indicator's particulars, every part
    labelled and one naming its goal by code: "Nämndmål: N2 | Källa: Kolada
    N31807 | Mätperiod: helår"; None for another line."""
    from .table_rows import is_code

    parts = _FIELD_SEPARATOR.split((text or "").strip())
    if len(parts) < 2:
        return None
    code = None
    for part in parts:
        label, sep, value = part.partition(":")
        if not sep or not value.strip() or len(label.split()) > 3:
            return None
        role = C.column_role(label).role
        if role in ("goal", "goal_or_target") and is_code(value.strip()):
            code = value.strip()
        elif role in ("target", "outcome") or C.is_baseline_header(label):
            return None  # values: a line of fields, not of particulars
    if code is None:
        return None
    kpis = re.findall(r"\b([NUV]\d{5})\b", text)
    return code, kpis[0] if len(kpis) == 1 else None


# a field's label in a run of them: capitalised words without figures, up to a
# year and a colon ("Jan–aug 2025:", "Helår 2024:", "Målvärde 2025:"), or a
# year alone ("2024: 79,8 % • 2023: 77,1 %")
_RUN_LABEL = r"(?:[A-ZÅÄÖ][^\s:\d,%()]*(?:\s[^\s:\d,%()]+){0,3}(?:\s\d{4}(?:/\d{2})?)?|(?:19|20)\d\d):"
_RUN_FIELD = re.compile(rf"(?:^|\s)(?={_RUN_LABEL}\s)")
# what a tile prints between its name and its first label: the latest figure,
# unlabelled ("… i åk 9 som är behöriga till yrkesprogram, % 82,4 %")
_KOLADA_MENTION = re.compile(r"\s*\bKolada(?:-id)?:?\s+[NUV]\d{5}\b")
_RUN_FIGURE = re.compile(r"\s+(?P<value>[−-]?\d{1,3}(?:[ \u202f]\d{3})*(?:,\d+)?(?:\s?%)?)$")


def named_field_run(text: str) -> Optional[tuple[str, IndicatorTail]]:
    """(name, fields) of an indicator printed with its labelled fields in one
    run, as in a tile of key figures: "Andel utredningar som avslutas inom
    fyra månader, % Jan–aug 2025: 84 Helår 2024: 79 Målvärde 2025: minst
    90"; "Elever … , % 82,4 % Mål 2025: minst 85 % 2024: 79,8 % • 2023:
    77,1 %" (the figure before the first label is the outcome of the
    target's year; "Inget målvärde" there says there is no target).  None
    for another text."""
    text = (text or "").strip()
    starts: list[int] = []
    for m in _RUN_FIELD.finditer(text):
        start = m.end() if text[m.start()].isspace() else m.start()
        if re.match(r"(?:19|20)\d\d:", text[start:]) and re.search(r"[^\W\d]\s*$", text[:start]):
            continue  # the year of a label in words ("Mål 2025:", "utfall 2024:"), no label of its own
        if not starts or ":" in text[starts[-1]:start]:
            starts.append(start)
    if len(starts) < 2 or starts[0] == 0:
        return None
    name = text[:starts[0]].strip()
    no_target = None
    for n in (2, 3):  # "… invånare 14,2 Inget målvärde"
        words = name.split()
        if len(words) > n and targets.is_no_target(" ".join(words[-n:])):
            name, no_target = " ".join(words[:-n]), True
            break
    figure = _RUN_FIGURE.search(name)
    if figure and len(name[:figure.start()].split()) >= 2:
        name = name[:figure.start()].strip()
    if len(name.split()) < 2 or ":" in name:
        return None
    parts, status = [], None
    for a, b in zip(starts, starts[1:] + [len(text)]):
        part = _KOLADA_MENTION.sub("", _FIELD_SEPARATOR.sub(" | ", text[a:b].strip())).rstrip(" |•·")
        label = re.match(r"^(.*?)\s+((?:19|20)\d\d:.*)$", part)
        said = label and len(label.group(1).split()) >= 2
        if said and targets.is_no_target(label.group(1)):  # "Inget målvärde 2024: 12,8": no target, then a year
            part, no_target = label.group(2), True
        elif said and (stated := C.attainment(label.group(1))):  # "… Målet är inte uppfyllt 2024: 1,8 %"
            status, part = stated[0], label.group(2)
        elif not re.search(r"\d", part) and (stated := C.attainment(part)):
            status = stated[0]
            continue
        parts.append(part)
    fields = field_line(" | ".join(parts))
    if fields is None or (fields.target_text is None and not fields.values and not no_target):
        return None
    kpis = re.findall(r"\b([NUV]\d{5})\b", text)
    fields.kolada = kpis[0] if len(kpis) == 1 else None
    fields.status = status
    if figure and len(text[:starts[0]].split()) > len(name.split()) and fields.target_year:
        fields.values.append((str(fields.target_year), figure.group("value")))
    return name, fields


def labelled_field(text: str) -> Optional[tuple[str, "C.Column", str]]:
    """(kind, column, value) of a line holding one labelled field of an
    indicator: "Utgångsläge: 38 600 (2024)" (baseline), "Målvärde 2026: minst
    42 000" (target), "Utfall 2024: 61 %" (outcome); None for another line."""
    label, sep, value = (text or "").partition(":")
    value = value.strip().rstrip(".")
    if not sep or not value or len(label.split()) > 4:
        return None
    column = C.column_role(label)
    if C.is_baseline_header(label):
        return "baseline", column, value
    if column.role in ("target", "outcome"):
        return column.role, column, value
    return None


def field_line(text: str) -> Optional[IndicatorTail]:
    """A line of labelled fields under an indicator's name, parted by bars:
    "Utfall 2023: 9 850 | Utfall 2024: 10 420 | Målnivå 2028: minst 12 000 |
    Källa: kommunens cykelräknare".  Each label is a column header of
    rules/columns.yaml; the line must give an outcome or a target and
    nothing that names an item.  ``body`` is empty: the name is the line
    above.  None for another line."""
    parts = _FIELD_SEPARATOR.split((text or "").strip())
    if len(parts) < 2:
        return None
    found = IndicatorTail(body="")
    given = False
    for part in parts:
        label, sep, value = part.partition(":")
        figure = _labelled_figure(part) if not sep else None
        if figure:
            label, value = figure
        value = value.strip().rstrip(".")
        if not (sep or figure) and found.target_text is None and len(part.split()) <= 3:
            direction = targets.parse_target(part, known_target=True)
            if direction is not None and direction.direction:
                found.target_text = part.strip().rstrip(".")  # "… | ska öka": the target, unlabelled
                continue
        if not (sep or figure) or not value or len(label.split()) > 4:
            return None
        column = C.column_role(label)
        if column.role in ("goal", "indicator", "activity", "activity_detail", "responsible"):
            return None
        if C.is_baseline_header(label):
            given = True
            if not C.is_blank_value(value):
                found.baseline, found.baseline_year = value, column.year
        elif column.role == "target":
            given = True
            if not C.is_blank_value(value) and not targets.is_no_target(value):
                found.target_text, found.target_year, found.target_header = value, column.year, label.strip()
        elif column.role == "outcome":
            given = True
            if not C.is_blank_value(value):
                found.values.append((column.value_period, value))
    if not given:
        return None
    kpis = re.findall(r"\b([NUV]\d{5})\b", text)
    found.kolada = kpis[0] if len(kpis) == 1 else None
    return found


@functools.lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], re.Pattern]:
    rules = C.column_rules()
    nouns = tuple(sorted({n.lower() for n in rules.responsible_nouns}, key=len, reverse=True))
    words = sorted(rules.deadline_words, key=len, reverse=True)
    deadline = re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\b\s*:?\s*(?P<when>\S.*)$", re.I)
    return nouns, deadline


@functools.lru_cache(maxsize=1)
def _period_words() -> frozenset[str]:
    return frozenset(w.lower() for w in C.column_rules().period_words)


def is_period(part: str) -> bool:
    """"2025–2028", "hösten 2025", "kvartal 2 2026", "löpande": a bare timeline."""
    words = re.findall(r"[^\W\d_]+", part.lower())
    if any(w not in _period_words() for w in words):
        return False
    years = re.findall(r"\d+", part)
    if not years:
        return bool(words) and len(words) <= 3
    if re.fullmatch(r"(?:kvartal|kv|tertial)\.?\s*[1-4]", part.strip().lower()):
        return True  # "kvartal 4": a quarter of the plan year
    return any(re.fullmatch(r"(?:19|20)\d\d", y) for y in years) and all(len(y) in (1, 2, 4) for y in years)


def names_a_unit(part: str) -> bool:
    """"Socialförvaltningen", "AB Skövdebostäder", "samtliga nämnder": who does it."""
    nouns, _ = _vocabulary()
    words = re.findall(r"[\wåäöÅÄÖ]+", part)
    if not words or len(words) > MAX_NAME_WORDS or re.search(r"\d", part):
        return False
    return any(w.lower().endswith(nouns) for w in words)


_BRACKETED = re.compile(r"^(?P<body>.*?\S)\s*\[(?P<inner>[^\[\]]+)\]\s*\.?\s*$", re.S)
_BRACKET_SPLIT = re.compile(r"\s*(?:[•·|;]|\(cid:\d+\))\s*")
# the same fields in parentheses, parted by semicolons: "… (delmål 3b; Fastighetsavdelningen; 2026)"
_PARENTHESISED_FIELDS = re.compile(r"^(?P<body>.*?\S)\s*\((?P<inner>[^()]*(?:;|\s[•·]\s)[^()]*)\)\s*\.?\s*$", re.S)
_GOAL_NAMED = re.compile(r"^[\wåäö-]*mål\s+(?P<code>\S+)$", re.I)


def bracketed_fields(text: str) -> Optional[tuple[str, dict, Optional[str]]]:
    """(text, fields, goal code) of an action closing with its fields in square
    brackets: "Planlägga minst 60 nya villatomter … [B1 • Miljö- och
    byggnämnden • 2026–2028]" (the goal served, who, when); None for another."""
    from .table_rows import is_code

    m = _BRACKETED.match(text or "") or _PARENTHESISED_FIELDS.match(text or "")
    if not m:
        return None
    fields: dict[str, str] = {}
    code = None
    for part in (p for p in _BRACKET_SPLIT.split(m.group("inner")) if p):
        named = _GOAL_NAMED.match(part)
        if named and is_code(named.group("code")) and code is None and not fields:
            code = named.group("code")  # "delmål 3b": the goal served, by its label and code
            continue
        labelled = _LABELLED.match(part)
        name = C.activity_field(C.column_role(labelled.group("label")).role) if labelled else None
        if name is not None:
            fields.setdefault(name, labelled.group("value").strip())
        elif is_code(part) and code is None and not fields:
            code = part.strip()
        elif is_period(part):
            fields.setdefault("timeline", part)
        elif names_a_unit(part):
            fields.setdefault("responsible", part)
        elif code is not None and "responsible" not in fields and len(part.split()) <= MAX_NAME_WORDS \
                and not re.search(r"\d", part):
            fields["responsible"] = part  # "(N4 • vuxenutbildningen • 2026–2028)": after the goal's code, who
        else:
            return None  # other words: the brackets belong to the text
    if not fields and code is None:
        return None
    return m.group("body").rstrip(" ,;:"), fields, code


def _is_name(part: str) -> bool:
    """A short capitalised name without figures ("Trafikplanering", "Kundcenter och IT")."""
    words = part.split()
    return bool(words) and len(words) <= MAX_NAME_WORDS and part[:1].isupper() and not re.search(r"\d", part)


_DASH_TAIL = re.compile(r"^(?P<body>.*?\S)\s+[–—]\s+(?P<inner>[^–—()]+)$", re.S)
# "… – Ansvar: rektorer F–9; uppföljning: juni 2026": labelled fields after a dash, a dash among them
_LABELLED_DASH_TAIL = re.compile(r"^(?P<body>.*?\S)\s+[–—]\s+(?P<inner>(?P<label>[^\W\d][\w ]{0,20}?)\s*:\s[^()]+)$", re.S)
_YEAR_WORD = re.compile(r"\b(?:19|20)\d\d\b")
MAX_WHEN_WORDS = 6  # "beslutsunderlag senast december 2026", "första omgången hösten 2026"
_STATUS_BRACKET = re.compile(r"\s*\[(?P<status>[^\[\]]{2,40})\]\s*\.?$")


def closing_status(text: str) -> Optional[tuple[str, str]]:
    """(text, status) of an action closed by where it stands in brackets
    ("Ny företagslots i kommunhuset. [Genomförd]"), else None."""
    status = _STATUS_BRACKET.search(text or "")
    if status is None or not C.activity_status(status.group("status")):
        return None
    return text[:status.start()], status.group("status").strip()


def activity_tail(text: str) -> Optional[tuple[str, dict]]:
    """(text, fields) of an action whose trailing parenthesis names who does
    it and by when, perhaps followed by its status in brackets ("(ansvar:
    biståndsenheten, klart september 2026) [Pågår]"), or None when the
    parenthesis is part of its text."""
    closed = closing_status(text)
    if closed is not None:
        found = activity_tail(closed[0])
        if found is None:
            return None
        return found[0], {**found[1], "status": found[1].get("status") or closed[1]}
    m = _TRAILING.match(text or "")
    if not m:
        dashed = _LABELLED_DASH_TAIL.match(text or "")
        if dashed is None or not C.activity_field(C.column_role(dashed.group("label")).role):
            dashed = _DASH_TAIL.match(text or "")
        inner = dashed.group("inner").strip().rstrip(".") if dashed else ""
        labelled = _LABELLED.match(inner)
        if not (inner[:1].isupper() or (labelled and C.activity_field(C.column_role(labelled.group("label")).role))):
            return None  # "Bygga om torget – ett lyft för centrum": the dash goes on with the text
        # "… med Högskolan Dalarna – ansvar: förskolechefer", "… i mindre team – Vård- och
        # omsorgsnämnden, 2026": the same fields after a dash
        return activity_tail(f"{dashed.group('body')} ({inner})")
    _, deadline = _vocabulary()
    fields: dict[str, str] = {}
    names: list[str] = []
    parts = list(_parts(m.group("inner")))
    # "(Trafikplanering, augusti 2026)": a name of any kind before when, is who
    dated = len(parts) >= 2 and is_period(parts[-1]) and all(_is_name(p) for p in parts[:-1])
    if len(parts) == 2 and names_a_unit(parts[0]) and not (_LABELLED.match(parts[0]) or _LABELLED.match(parts[1])) \
            and _YEAR_WORD.search(parts[1]) and len(parts[1].split()) <= MAX_WHEN_WORDS:
        # "(HR-avdelningen, beslutsunderlag senast december 2026)": a unit, then when in words of its own
        return m.group("body").rstrip(" ,;:"), {"responsible": parts[0], "timeline": parts[1].rstrip(".")}
    for part in parts:
        found = _LABELLED.match(part)
        name = C.activity_field(C.column_role(found.group("label")).role) if found else None
        if name is not None:
            fields.setdefault(name, found.group("value").strip().rstrip("."))
            continue
        when = deadline.match(part)
        if when:
            fields.setdefault("timeline", when.group("when").strip().rstrip("."))
            continue
        if names and is_period(part):  # "(Socialförvaltningen, 2025–2028)"
            fields.setdefault("timeline", part.rstrip("."))
            continue
        if (fields or names) and C.activity_status(part):  # "(ansvar: samhällsbyggnad; genomförd)"
            fields.setdefault("status", part.rstrip("."))
            continue
        if not (names_a_unit(part) or (dated and part is not parts[-1])):
            return None  # other words: the parenthesis belongs to the text
        names.append(part)
    if names:
        # "Ansvar: Socialförvaltningen, Barn- och utbildningsförvaltningen": the names go on
        fields["responsible"] = ", ".join(([fields["responsible"]] if "responsible" in fields else []) + names)
    if not fields:
        return None
    return m.group("body").rstrip(" ,;:"), fields
