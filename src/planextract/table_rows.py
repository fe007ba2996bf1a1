"""Rows of different kinds in one table, and columns of marks.

Goal-management systems print the whole goal tree as one table: a goal row,
then the indicators or activities that serve it, then the next goal.  What a
row is shows in one of three ways:

- a kind column ("Nivå | Mål, indikator och aktivitet": "KF-mål",
  "Nämndmål", "Indikator", "Aktivitet", "Uppdrag");
- a code column ("Nr | Mål och indikatorer": "KF 1", "ÄN 1.1" on goal rows,
  empty on the indicator rows under them);
- the item cell itself: a goal label ("Nämndmål 1.1 …", "Verksamhetsmål: …")
  or, among dash-bulleted items, a numbered row ("1.1 Fler äldre …"), with
  its value cells empty.

Marks in a run of columns ("Kv 1 | Kv 2 | Kv 3 | Kv 4" or "Klar | Pågår |
Ej påbörjad" with an "X" in some) give an action's timeline or status; in a
run of goal columns ("Mål 1 | Mål 2 | Mål 3") they give the goal it serves.

The vocabularies are in ``rules/rows.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from rapidfuzz import fuzz

from . import classify as C
from .fuzzy import normalize
from .rules import RulesModel, load_rules

ROW_KINDS = ("goal", "indicator", "activity", "none")
MIN_KIND_SHARE = 0.8  # of a column's filled cells naming a row kind
MIN_KIND_CELLS = 3
MAX_KIND_WORDS = 4
MIN_MARK_COLUMNS = 2


class RowRules(RulesModel):
    row_kinds: dict[str, list[str]]
    goal_code_pattern: str
    marks: list[str]
    period_mark_headers: list[str]


@functools.lru_cache(maxsize=1)
def row_rules() -> RowRules:
    return check_row_rules(load_rules("rows.yaml", RowRules))


def check_row_rules(rules: RowRules, name: str = "rows.yaml") -> RowRules:
    """What the model alone cannot check: the row kinds are known ones and the
    code pattern compiles."""
    from .errors import RulesError

    unknown = sorted(set(rules.row_kinds) - set(ROW_KINDS))
    if unknown:
        raise RulesError(f"{name}: row_kinds: unknown key(s) {', '.join(unknown)}; "
                         f"expected {', '.join(ROW_KINDS)}")
    try:
        re.compile(rules.goal_code_pattern)
    except re.error as exc:
        raise RulesError(f"{name}: goal_code_pattern: not a regular expression: {exc}") from None
    return rules


@functools.lru_cache(maxsize=1)
def _code() -> re.Pattern:
    return re.compile(row_rules().goal_code_pattern)


@functools.lru_cache(maxsize=1)
def _label_start() -> re.Pattern:
    # the labels that open a goal's paragraph open a goal row too (rules/headings.yaml)
    labels = sorted({re.escape(label) for label in C.heading_rules().paragraph_goal_labels}, key=len, reverse=True)
    # "Nämndmål 1.1 Fler …", "Verksamhetsmål: Alla …", "KF-mål 2 – …"
    return re.compile(
        r"^(?P<label>(?:" + "|".join(labels) + r"))"
        r"(?:\s*(?P<code>\d{1,2}(?:\.\d{1,2}){0,2})\.?(?:\s*[:–—-])?|\s*[:–—-])"
        r"(?:\s+(?=\S)|\s*$)",
        re.IGNORECASE,
    )


_DASH_ITEM = re.compile(r"^\s*[–—\-•●▪]\s+")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+(?=\S)")


@dataclass
class Row:
    """What one row of a mixed table is."""

    kind: str  # goal, indicator, activity or none
    text: str  # the item's text; for a goal, without its label or code
    code: Optional[str] = None  # the goal's code ("1.1", "KF 1")
    level: Optional[str] = None  # the goal level its kind, label or code names


@functools.lru_cache(maxsize=1)
def _kind_terms() -> tuple[tuple[str, str], ...]:
    """(row kind, normalised term) of rules/rows.yaml, in its order."""
    return tuple((kind, normalize(term)) for kind, terms in row_rules().row_kinds.items() for term in terms)


@functools.lru_cache(maxsize=16384)
def kind_of_cell(cell: str) -> Optional[str]:
    """The row kind a short cell names ("Nämndmål" -> goal, "Indikator" -> indicator).

    Cached: every cell of a column is asked, and cells repeat.
    """
    words = normalize(C.clean_cell(cell))
    if not words or len(words.split()) > MAX_KIND_WORDS:
        return None
    best = None
    for kind, t in _kind_terms():
        score = 100.0 if words == t else (fuzz.ratio(words, t) if len(t) >= 6 else 0.0)
        if score >= 88 and (best is None or score > best[0]):
            best = (score, kind)
    return best[1] if best else None


def code_number(code: Optional[str]) -> str:
    """The number of a goal code ("ÄN 1.1" -> "1.1", "KF 2" -> "2"), else ""."""
    m = re.search(r"\d{1,2}(?:\.\d{1,2})*", code or "")
    return m.group(0) if m else ""


@functools.lru_cache(maxsize=1)
def _code_start() -> re.Pattern:
    inner = row_rules().goal_code_pattern.lstrip("^").rstrip("$")
    return re.compile(rf"^(?P<code>{inner})\s+(?=[A-ZÅÄÖ])")


def lettered_code(text: str) -> Optional[tuple[str, str]]:
    """(code, rest) of a text opening with a goal code that has letters ("FS 1
    Fler invånare ska …" -> ("FS 1", "Fler invånare ska …")), else None."""
    m = _code_start().match(text or "")
    if not m or not re.match(r"[A-ZÅÄÖ]", m.group("code")):
        return None
    return m.group("code").rstrip("."), text[m.end():].strip()


def code_scheme(code: Optional[str]) -> str:
    """The letters of a goal code ("FS 1" -> "FS", "1.2" -> "")."""
    m = re.match(r"[A-ZÅÄÖ]+", code or "")
    return m.group(0) if m else ""


def is_code(cell: str) -> bool:
    return bool(_code().match(C.clean_cell(cell)))


def goal_label(text: str) -> Optional[tuple[str, Optional[str], str]]:
    """(label, number, rest) of an item cell opening with a goal label."""
    m = _label_start().match(text)
    if not m:
        return None
    return m.group("label"), m.group("code"), text[m.end():].strip()


@dataclass
class GoalBox:
    """A goal boxed in a row of cells: its label cell ("Nämndmål 1 / KF-mål A"),
    its statement and its assessment ("Prognos helår: Delvis uppfyllt")."""

    text: str
    label: str
    code: Optional[str]
    parent_ref: Optional[str]
    assessment: Optional[str]


_PARENT_LABEL = re.compile(r"^\w*[-]?mål\s+(?P<ref>[A-ZÅÄÖ]|\d{1,2}(?:\.\d{1,2}){0,2})\.?$", re.IGNORECASE)


def goal_box(header: list[str], rows: list[list[str]]) -> Optional[GoalBox]:
    """The goal of a table of one row and no header whose first cell is a goal
    label ("Nämndmål 1", perhaps with the parent's "KF-mål A" under it) and
    another a goal statement; None for another table."""
    if any(C.clean_cell(h) for h in header) or len(rows) != 1:
        return None
    cells = [C.clean_cell(c) for c in rows[0]]
    if len(cells) < 2:
        return None
    labelled = goal_label(cells[0])
    if labelled is None:
        return None
    label, code, rest = labelled
    parent = _PARENT_LABEL.match(rest) if rest else None
    if rest and parent is None:
        return None  # the label opens a goal's own words: no box of fields
    statements = [c for c in cells[1:] if C.is_goal_statement(c)]
    if len(statements) != 1:
        return None
    others = [c for c in cells[1:] if c and c != statements[0]]
    assessment = next((c for c in others if assessed(c)), None)
    return GoalBox(statements[0], label, code, parent.group("ref") if parent else None, assessment)


# "bidrar till kommunfullmäktigemål 1", "Kopplat till KF-mål 3", "bidrar till SBN 2": the goal
# an item serves, by its label (group "label", for its level) and number or code
SERVES_CLAUSE = (r"(?:bidrar|kopplat|kopplad|kopplas|hör)\s+till\s+(?:(?P<label>(?:[\w-]+s\s+)?[\w-]*mål)\s+|[\w-]+s\s+)?"
                 r"(?P<number>(?:[A-ZÅÄÖ]{1,4}\s?)?\d{1,2}(?:\.\d{1,2})?|[A-H])\.?")
# a line of its own under a goal ("Målet bidrar till fullmäktiges mål 2.")
SERVES_LINE = re.compile(rf"^(?:målet\s+)?{SERVES_CLAUSE}$", re.I)
# a goal cell's closing words ("V1 Beslut … ska fattas i tid. Bidrar till SBN 2")
SERVES_TAIL = re.compile(rf"[\s.]+{SERVES_CLAUSE}\s*$", re.I)

# "… Nämndens mål: KTN 1, KTN 3" closing a goal's tile: the goals under it, by code
_CHILD_CODES = re.compile(
    r"\s+(?P<label>[A-ZÅÄÖ][\wåäö\- ]{2,30}?):\s*"
    r"(?P<codes>[A-ZÅÄÖ]{1,4}\s?\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|och)\s*[A-ZÅÄÖ]{1,4}\s?\d{1,2}(?:\.\d{1,2})?)*)\.?$")


def goal_tile(cell: str) -> Optional[tuple[str, Optional[str], list[str]]]:
    """(goal, its number, codes of the goals under it) of a cell holding a
    labelled goal: "Strategiskt mål 1 Västmanland ska ha en hållbar tillväxt
    … Nämndens mål: KTN 1, KTN 3"; None for another cell."""
    labelled = goal_label(C.clean_cell(cell))
    if labelled is None or not labelled[1] or not labelled[2]:
        return None
    _, number, rest = labelled
    children: list[str] = []
    m = _CHILD_CODES.search(rest)
    if m and kind_of_cell(m.group("label")) == "goal":
        children = [re.sub(r"\s+", " ", c.strip()) for c in re.split(r",|\boch\b", m.group("codes"))]
        rest = rest[:m.start()].strip()
    if not C.is_goal_statement(rest):
        return None
    return rest, number, children


def goal_tiles(header: list[str], rows: list[list[str]]) -> Optional[list[tuple[str, Optional[str], list[str]]]]:
    """The goals of a header-less grid whose every filled cell is a goal tile."""
    if any(C.clean_cell(h) for h in header):
        return None
    cells = [c for row in rows for c in row if C.clean_cell(c)]
    tiles = [goal_tile(c) for c in cells]
    if len(tiles) < 2 or any(t is None for t in tiles):
        return None
    return tiles


def assessed(cell: str) -> Optional[str]:
    """The status a cell gives, its label aside ("Prognos helår: Uppfyllt" -> "met")."""
    found = C.attainment(cell)
    if found:
        return found[0]
    return C.status_word(re.sub(r"^[^:]{1,30}:\s*", "", cell))


def mixed_rows(columns, rows) -> Optional[tuple[int, list[Optional[Row]]]]:
    """(text column, what each row is) of a table whose rows are of different
    kinds, or None for a table of one kind of row.  ``columns`` are the
    classified columns, ``rows`` the raw cells."""
    table = [[C.clean_cell(c) for c in list(r) + [""] * (len(columns) - len(r))] for r in rows]
    if not table:
        return None
    by_kind = _kind_column(columns, table)
    if by_kind is not None:
        return by_kind
    by_code = _code_column(columns, table)
    if by_code is not None:
        return by_code
    return _label_rows(columns, rows, table)


def _filled(table, col) -> list[str]:
    return [row[col] for row in table if col < len(row) and row[col]]


def _value_cols(columns, text_col) -> list[int]:
    return [i for i, c in enumerate(columns) if i != text_col and c.role in ("target", "outcome", "status")]


def _text_column(columns, table, skip) -> Optional[int]:
    """The column of the items' text: an item column, else the one of the longest cells."""
    for i, c in enumerate(columns):
        if i not in skip and c.role in ("goal", "indicator", "activity", "activity_detail"):
            return i
    lengths = [(sum(len(x) for x in _filled(table, i)) / max(1, len(_filled(table, i))), i)
               for i, c in enumerate(columns) if i not in skip and c.role in ("ignore", "measure", "analysis", "comment")]
    return max(lengths)[1] if lengths else None


def _kind_column(columns, table):
    for col in range(len(columns)):
        cells = _filled(table, col)
        if len(cells) < MIN_KIND_CELLS:
            continue
        kinds = [kind_of_cell(c) for c in cells]
        named = [k for k in kinds if k]
        if len(named) < MIN_KIND_SHARE * len(cells) or len(set(named)) < 2:
            continue
        text_col = _text_column(columns, table, {col})
        if text_col is None:
            return None
        out: list[Optional[Row]] = []
        for row in table:
            kind = kind_of_cell(row[col]) if row[col] else None
            text = row[text_col]
            if kind is None or not text:
                out.append(None)
                continue
            if kind == "goal":
                code, text = _split_code(text)
                out.append(Row("goal", text, code, C.level_in(row[col])))
            else:
                out.append(Row(kind, text))
        return text_col, out
    return None


def _split_code(text: str) -> tuple[Optional[str], str]:
    """("1.1", "Fler äldre …") of "1.1 Fler äldre …"; a label before it is dropped."""
    labelled = goal_label(text)
    if labelled:
        return labelled[1], labelled[2]
    m = _LEADING_NUMBER.match(text)
    if m:
        return m.group(1), text[m.end():].strip()
    return None, text


def _code_column(columns, table):
    """A number column coding the goal rows, empty on the item rows under them."""
    for col, column in enumerate(columns):
        if column.role != "ignore" or col > 1:
            continue  # a number column stands first or second
        cells = [row[col] for row in table]
        filled = [c for c in cells if c]
        if len(filled) < 2 or not all(is_code(c) for c in filled):
            continue
        text_col = _text_column(columns, table, {col})
        if text_col is None or text_col != col + 1 or columns[text_col].role not in ("indicator", "activity", "goal"):
            return None
        if columns[text_col].role != "goal" and any(c.role == "goal" for c in columns):
            return None  # "Nr | Åtgärd | Delmål": a goal column of its own names each action's goal
        values = _value_cols(columns, text_col)
        coded_empty = all(not any(row[i] for i in values) for row in table if row[col])
        if len(filled) == len(cells) and (
            columns[text_col].role != "goal" or any(c.role in ("indicator", "activity") for c in columns)
        ):
            return None  # every row coded: codes of the items themselves ("A1", "A2"), or goals beside their items
        if columns[text_col].role != "goal" and not coded_empty:
            return None
        item_kind = columns[text_col].role
        out: list[Optional[Row]] = []
        for row in table:
            code, text = row[col], row[text_col]
            if not text:
                out.append(None)
            elif code:
                out.append(Row("goal", _split_code(text)[1], code.rstrip("."), C.level_in(code)))
            else:
                out.append(Row("goal" if item_kind == "goal" else item_kind, text))
        return text_col, out
    return None


def _label_rows(columns, raw_rows, table):
    """Goal rows named in the item column itself, their value cells empty."""
    text_col = next((i for i, c in enumerate(columns) if c.role in ("indicator", "activity")), None)
    if text_col is None:
        return None
    values = [i for i in _value_cols(columns, text_col) if columns[i].role != "status"]  # a goal row may be assessed
    raw = [C.clean_text(str(r[text_col]) if text_col < len(r) else "", numbering=False) for r in raw_rows]
    dashed = sum(1 for r in raw_rows if text_col < len(r) and _DASH_ITEM.match(str(r[text_col]) or ""))
    out: list[Optional[Row]] = []
    goals = 0
    for row, printed in zip(table, raw):
        text = row[text_col]
        empty = not any(row[i] for i in values) and not any(  # a goal row may give its assessment
            row[i] for i, c in enumerate(columns) if i != text_col and c.role not in ("ignore", "status"))
        labelled = goal_label(printed)
        numbered = _LEADING_NUMBER.match(printed)
        coded = lettered_code(printed)
        if text and empty and labelled:
            out.append(Row("goal", labelled[2], labelled[1], C.level_in(labelled[0])))
            goals += 1
        elif text and coded and C.is_goal_statement(coded[1]):
            # "FS 1 Fler invånare ska …"; a value beside it is the goal's own target
            out.append(Row("goal", coded[1], coded[0], C.level_in(coded[0])))
            goals += 1
        elif text and empty and dashed and numbered and not _DASH_ITEM.match(printed):
            out.append(Row("goal", printed[numbered.end():].strip(), numbered.group(1)))
            goals += 1
        else:
            out.append(None)
    if not goals:
        return None
    item_kind = columns[text_col].role
    return text_col, [r if r is not None else (Row(item_kind, row[text_col]) if row[text_col] else None)
                      for r, row in zip(out, table)]


# ---- columns of marks ---------------------------------------------------------


def is_mark(cell: str) -> bool:
    return normalize(cell) in {normalize(m) or m for m in row_rules().marks} or cell.strip() in row_rules().marks


def mark_columns(columns, rows) -> dict[int, str]:
    """Columns holding marks only, by index: "timeline" for a run of period
    columns ("Kv 1 | Kv 2"), "goal" for a run of goal columns ("Mål 1 | Mål 2"),
    "status" for a run of status columns ("Klar | Pågår | Ej påbörjad")."""
    table = [[C.clean_cell(c) for c in list(r) + [""] * (len(columns) - len(r))] for r in rows]
    marked = []
    for i, col in enumerate(columns):
        cells = [row[i] for row in table if i < len(row) and row[i] and row[i] not in ("–", "-", "—")]
        if cells and all(is_mark(c) for c in cells) and len(C.clean_cell(col.header).split()) <= 3:
            marked.append(i)
    runs: list[list[int]] = []
    for i in marked:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: dict[int, str] = {}
    for run in runs:
        if len(run) < MIN_MARK_COLUMNS:
            continue
        if all(_is_period_header(columns[i].header) for i in run):
            kind = "timeline"
        elif all(C.label_reference(C.clean_cell(columns[i].header)) for i in run):
            kind = "goal"
        else:
            kind = "status"
        for i in run:
            out[i] = kind
    return out


def _is_period_header(header: str) -> bool:
    words = normalize(C.clean_cell(header)).split()
    if not words:
        return False
    if all(w.isdigit() for w in words):
        return True  # "2026", "1"
    terms = {normalize(t) for t in row_rules().period_mark_headers}
    return words[0] in terms or re.fullmatch(r"[a-zåäö]{1,2}\d", words[0]) is not None  # "Q1", "T2"


def marked_goal(columns, marks: dict[int, str], cells) -> Optional[str]:
    """The number of the goal a row's marks say it serves: "X" under "Mål 3"
    gives "3".  A mark in brackets ("(X)": it serves that goal too) counts
    only where no plain mark stands."""
    hits = [i for i, kind in sorted(marks.items())
            if kind == "goal" and i < len(cells) and cells[i] and is_mark(cells[i])]
    plain = [i for i in hits if not C.clean_cell(cells[i]).startswith("(")]
    chosen = (plain or hits)[:1]
    return C.label_reference(C.clean_cell(columns[chosen[0]].header)) if chosen else None


def marked_fields(columns, marks: dict[int, str], cells) -> dict[str, Optional[str]]:
    """The timeline ("Kv 1–Kv 4", "Kv 2, Kv 4") and status ("Pågår") the marks of one row give."""
    out: dict[str, Optional[str]] = {}
    for field in ("timeline", "status"):
        run = [i for i, kind in sorted(marks.items()) if kind == field]
        hit = [i for i in run if i < len(cells) and cells[i] and is_mark(cells[i])]
        if not hit:
            continue
        names = [C.clean_cell(columns[i].header) for i in hit]
        if field == "status":
            out[field] = names[-1]
        elif len(hit) == 1:
            out[field] = names[0]
        elif hit == list(range(hit[0], hit[-1] + 1)):
            out[field] = f"{names[0]}–{names[-1]}"
        else:
            out[field] = ", ".join(names)
    return out
