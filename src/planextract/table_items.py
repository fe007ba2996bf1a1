"""Items from tables: what each column holds (rules/columns.yaml) says what
each cell of a row is.

A row may hold goals (a goal column may name the parent of the next one; an
empty goal cell continues the goal above it, a merged cell), indicators with
their measure, target and measured values per period, and activities with
their fields (responsible, timeline, follow-up, status).  A table of fields
alone ("Förvaltning | Ansvarig | Tidsplan") right after an action gives
that action its fields.  Tables of statistics without a stated target and
calendars ("Datum | Aktivitet") yield nothing.

:class:`TableReader` works for the document reader of :mod:`planextract.extract`,
which owns the goals, the scope and the keys.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Optional

from rapidfuzz import fuzz

from . import classify as C
from . import prose
from . import table_rows
from .column_targets import column_target
from .item_tails import (action_card_run, action_field_line, activity_tail, field_line, indicator_value_tail, is_period,
                         named_field_run, names_a_unit,
                         trailing_action_fields, trailing_indicator_fields)
from .lexicon import kolada_ids
from .link import Anchor, same_goal, wording_similarity
from .models import Activity, Indicator, IndicatorValue, Table, Target
from .prose_items import PARENT_REFERENCE

_NUMBER = re.compile(r"^[<>≤≥~ca.\s]*([-−]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(%|procent|[a-zåäö/]{1,6})?\s*$", re.I)
# a goal named by its number or letter: "1.1", "Mål 2", "Avfallsplanens mål 1", "A"
_GOAL_NUMBER = re.compile(r"(?:(?:[\w-]+\s+)?mål\s*)?(\d{1,2}(?:\.\d{1,2})*\.?|[A-ZÅÄÖ]\)?)", re.I)
# "Klimatmål 1", "Avfallsplanens mål 2", "nämndmål 1.1": a goal named by its label and number
_LABEL_AND_NUMBER = r"(?P<label>[\w-]*mål)\s+(?P<number>\d{1,2}(?:\.\d{1,2})?)"
_NAMED_GOAL_NUMBER = re.compile(rf"(?:[\w-]+s\s+)?{_LABEL_AND_NUMBER}\.?", re.I)
# a cell naming an indicator by its code before what it says of it: "Indikator 1b: 74 procent …"
_NAMED_INDICATOR = re.compile(r"^(?:indikator|nyckeltal|mått)\s+(?P<code>[\w.]{1,8}?)\s*:", re.I)
_BARE_NUMBERS = re.compile(r"(\d{1,2}(?:\.\d{1,2})?)(?:\s*(?:,|och|&)\s*\d{1,2}(?:\.\d{1,2})?)+")
_GOAL_NUMBERS = re.compile(r"(?:[\w-]+\s+)?mål\s+\d{1,2}(?:\s*,\s*\d{1,2})*\s+(?:och|&)\s+\d{1,2}", re.I)
# "A1, A2", "D1, D2 och tre finansiella mål": goals named by their codes in a summary
_CODE_LIST = re.compile(r"^[A-ZÅÄÖ]{0,4}\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|och|&)\s*[A-ZÅÄÖ]{0,4}\d{1,2}(?:\.\d{1,2})?)+\b")
_SERVES = re.compile(r"^(?:bidrar\s+till|kopplas?\s+till|kopplat\s+till)\b", re.I)
_SECTION_NUMBER = re.compile(r"^\d{1,2}\.\d{1,2}\s")
MAX_WRAPPED_WORDS = 6  # the words of an item wrapped onto a row of its own
MAX_HEADER_WORDS = 8  # a first row of longer cells holds items, no header
MIN_MERGED_HEADER_WORDS = 5  # a first header cell longer than this may hold the first row too


def parse_value(text: str) -> Optional[float]:
    """A measured value: "37,4" -> 37.4, "1 104" -> 1104.0; None when not a number."""
    m = _NUMBER.match(text or "")
    if not m:
        return None
    number = m.group(1).replace(" ", "").replace("\u00a0", "").replace(",", ".").replace("−", "-")
    try:
        return float(number)
    except ValueError:
        return None


# a column headed by a goal's number and short title ("1.1 Kultur och bibliotek", "KTN 2 Nöjda resenärer")
_GOAL_COLUMN = re.compile(r"^(?P<code>(?:[A-ZÅÄÖ]{1,4}\s?)?\d{1,2}(?:\.\d{1,2})?)\.?\s+[A-ZÅÄÖ]")


# "Till nämndmål 1.1:", "Nämndmål 2:" inside a cell: the goal the items after it serve
_CELL_GOAL_LABEL = re.compile(rf"(?:^|(?<=\s))(?:till\s+)?{_LABEL_AND_NUMBER}\s*:\s*", re.I)


# an indicator column's header saying each indicator's target follows it in parentheses
_HEADER_TARGET_NOTE = re.compile(r"\((?:med\s+)?(?:målvärde|målnivå|målsättning)\b[^)]*\)", re.I)
_TRAILING_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]+)\)\s*\.?$")


def parenthesised_target(piece: str, header: str) -> Optional[tuple[str, str]]:
    """(name, target) of an indicator under a header that says its target
    follows in parentheses ("Indikatorer (målvärde 2026)" over "Nöjd-Kund-Index
    bygglov (minst 72)"); None otherwise."""
    if not _HEADER_TARGET_NOTE.search(header or ""):
        return None
    m = _TRAILING_PARENTHESIS.search(piece)
    if m is None or not m.start():
        return None
    return piece[:m.start()].rstrip(), m.group("inner").strip()


def goal_groups(text: str) -> list[tuple[Optional[str], Optional[str], str]]:
    """(label, number, text) of each part of a cell whose items are grouped
    under the goal they serve ("Till nämndmål 1.1: • … • … Till nämndmål 1.2:
    • …"); one part ``(None, None, text)`` for any other cell."""
    text = text or ""
    marks = list(_CELL_GOAL_LABEL.finditer(text))
    if not marks:
        return [(None, None, text)]
    parts = [(None, None, text[:marks[0].start()])] if text[:marks[0].start()].strip() else []
    for mark, after in zip(marks, marks[1:] + [None]):
        parts.append((mark.group("label"), mark.group("number"), text[mark.end():after.start() if after else len(text)]))
    return parts


def _with_tail(piece: str, fields: dict) -> tuple[str, dict]:
    """(text, fields) of an action whose closing parenthesis names who and when
    ("Införa … (Trafikplanering, augusti 2026)") or whose closing line gives
    them ("Införa … Ansvar: Föreningsenheten • Klart: juni 2026"); ``fields``
    given by its row's cells win over the tail."""
    tail = activity_tail(piece)
    if tail is None:
        split = trailing_action_fields(piece)
        tail = (split[0], split[1].fields) if split else None
    if tail is None:
        return piece, fields
    return tail[0], {**fields, **{k: v for k, v in tail[1].items() if not fields.get(k)}}


def _first_row_header(table: Table) -> Table:
    """``table`` with its first row as header where none was found and that row
    is one: "Nämndmål 3.2 … | Utfall 2023 | Utfall 2024 | Målvärde 2026"."""
    if any(C.clean_cell(h) for h in table.header) or len(table.rows) < 2 or len(table.rows[0]) < 3:
        return table
    roles = [C.column_role(cell).role for cell in table.rows[0][1:]]
    if not all(role in ("outcome", "target") for role in roles) or "target" not in roles:
        return table
    return dataclasses.replace(table, header=list(table.rows[0]), rows=[list(r) for r in table.rows[1:]],
                               row_pages=list(table.row_pages[1:]) if table.row_pages else table.row_pages)


def _indicator_tiles(table: Table):
    """(name, fields) of each cell of a table of key-figure tiles: no header of
    roles, every filled cell an indicator's name run on into its labelled
    fields ("Andel … , % Jan–aug 2025: 84 Helår 2024: 79 Målvärde 2025: minst
    90"); None for another table."""
    if any(C.column_role(h).role not in ("ignore",) for h in table.header if (h or "").strip()):
        return None
    cells = [cell for row in [table.header, *table.rows] for cell in row if (cell or "").strip()]
    tiles = [named_field_run(C.clean_cell(cell)) for cell in cells]
    if not tiles or any(tile is None for tile in tiles):
        return None
    return tiles


_KOLADA_ROW = re.compile(r"^kolada(?:-id)?\s*:?\s*(?P<id>[NUV]\d{5})$", re.I)
_ONE_FIELD = re.compile(r"^[^\W\d][\w\s/–-]{0,30}?(?:\s+(?:19|20)\d\d)?\s*:\s*[^:]+$")  # "Utfall 2024: 41 %"


def labelled_rows(table: Table):
    """(name, fields) of each indicator of a table whose rows hold its name,
    then one labelled field a cell ("Andel … | Utfall 2024: 41 % | Utfall
    2025: 47 % | Målvärde 2026: minst 60 %"), the header row among them; a row
    "Kolada: N79000" gives the indicator above it its id.  None for another table."""
    out = []
    for row in [table.header, *table.rows]:
        cells = [C.clean_cell(cell) for cell in row]
        if not any(cells):
            continue
        rest = [cell for cell in cells[1:] if cell]
        kolada = _KOLADA_ROW.match(cells[0])
        if kolada and not rest and out:
            out[-1][1].kolada = out[-1][1].kolada or kolada.group("id").upper()
            continue
        if not rest or ":" in cells[0] or len(cells[0].split()) < 2:
            return None
        if not all(_ONE_FIELD.match(cell) for cell in rest):
            return None  # a cell that is not one labelled field
        fields = field_line(" | ".join(rest))
        if fields is None or fields.body or not (fields.values or fields.target_text):
            return None
        out.append((cells[0], fields))
    return out or None


GOAL_HEADER_WORDS = 6  # a header cell this long is a sentence, no column's label


def goal_statement_grid(table: Table) -> Optional[list[tuple[str, int, int]]]:
    """(goal, page, column) of each cell of a table whose header names no
    column of items (perspectives: "Invånare | Samhälle | Medarbetare |
    Ekonomi"; or goals of their own, see :func:`goal_header`) and whose every
    filled body cell states a goal; None for another table."""
    if goal_header(table) is None and any(
            C.column_role(h).role not in ("ignore", None) for h in table.header if C.clean_cell(h)):
        return None
    found = []
    for r, row in enumerate(table.rows):
        page = table.row_pages[r] if r < len(table.row_pages) else table.page_start
        for col, cell in enumerate(row):
            text = C.clean_cell(cell)
            if not text:
                continue
            if not C.is_goal_statement(text):
                return None
            found.append((text, page, col))
    return found if len(found) >= 2 else None


def goal_header(table: Table) -> Optional[list[str]]:
    """The header cells of a map of goals whose columns are headed by the goals
    their cells serve ("Grästorp är en kommun där alla barn och unga får en god
    start i livet | …" over "1a Alla elever ska …"): every filled header cell
    a sentence; None for another header."""
    header = [C.clean_cell(h) for h in table.header]
    filled = [h for h in header if h]
    if len(filled) < 2 or any(len(h.split()) < GOAL_HEADER_WORDS or h.endswith(":") or prose.names_a_measure(h)
                              for h in filled):
        return None
    return header


def printed_values(pairs) -> list[IndicatorValue]:
    """Outcomes printed beside an indicator, (period, printed value) pairs, as values."""
    return [IndicatorValue(period=period, value=parse_value(printed), text=printed) for period, printed in pairs]


_DATED_VALUE = re.compile(r"^(?P<value>[^()]+?)\s*\((?P<year>(?:19|20)\d\d)\)\s*$")


def goal_row_target(cell: Optional[Target], stated: Optional[Target]) -> Optional[Target]:
    """The target of a goal row: its target cell, moving the way the goal's
    words ask ("… ska minska. | Högst 6": decrease to at most 6); else the
    target the words state."""
    if cell is None:
        return stated
    if cell.direction == "reach" and stated is not None and stated.direction in ("increase", "decrease", "maintain"):
        cell.direction = stated.direction
    return cell


def set_baseline(targets, cell: str, header_year: Optional[int]) -> None:
    """The baseline of targets from an "Utgångsläge" cell ("62 % (2024)",
    "1 412 (2023)"), where a target does not state its own."""
    dated = _DATED_VALUE.match(cell)
    value = parse_value(dated.group("value") if dated else cell)
    if value is None:
        return
    year = int(dated.group("year")) if dated else header_year
    for target in targets:
        if target.baseline_value is None:
            target.baseline_value, target.baseline_year = value, year


class TableReader:
    """Reads the tables of one document for its document reader ``doc``."""

    def __init__(self, doc) -> None:
        self.restated: dict[str, int] = {}  # goal cells of the table read naming goals stated earlier
        self.doc = doc
        self.card: Optional[_Card] = None  # the goal card read last, which a table may continue
        self.matrix: Optional[tuple[list[str], list[Optional[_Card]]]] = None  # goal cards side by side, read last
        self.kind_label: Optional[tuple[list[str], str]] = None  # the header and last kind row of a parted table
        self.headed_goals: set[int] = set()  # goals stated in a table's first header cell, scopes of what follows

    def _goal_tiles(self, table: Table, tiles) -> None:
        """A grid of goal tiles ("Strategiskt mål 1 … Nämndens mål: KTN 1, KTN 3"):
        each a goal, parent of the goals its codes name when they come."""
        doc = self.doc
        state = doc.section_state(table.section_index)
        for text, number, children in tiles:
            goal = doc.add_goal(text, doc.level(*state.texts), table.page_start, table.bbox, "table",
                                parent=doc.scope_goal, target=doc.own_target(text))
            if number:
                doc.numbered.setdefault(number, goal.key)
            for code in children:
                doc.parent_codes.setdefault(code, goal.key)

    def _goal_grid(self, table: Table, statements: list[tuple[str, int]]) -> None:
        """Goals stated one a cell under a heading of goals ("Regionfullmäktiges
        mål" / "Invånare | Samhälle | …" over a row of goals)."""
        doc = self.doc
        state = doc.section_state(table.section_index)
        level = doc.level(*state.texts)
        served: dict[int, int] = {}
        for col, text in enumerate(goal_header(table) or []):
            if text:  # the goal a column's cells serve, stated in its header
                served[col] = doc.add_goal(text, "kf", table.page_start, table.bbox, "table", parent=doc.scope_goal,
                                           target=doc.own_target(text)).key
                level = "namnd"
        for text, page, col in statements:
            run = named_field_run(C.clean_cell(text))  # "… ska uppgå till minst 2 procent. Utfall 2025: 1,1 % …"
            status = None
            if run is not None and run[1].target_text is None and C.is_goal_statement(run[0]):
                text, status = run[0], run[1].status
            goal = doc.add_goal(text, level, page, table.bbox, "table", parent=served.get(col, doc.scope_goal),
                                target=doc.own_target(text))
            goal.status = goal.status or status

    def _goal_columns(self, table: Table) -> Optional[dict[int, Optional[int]]]:
        """Column -> goal of a matrix whose columns after the first are headed by
        known goals' numbers ("Verksamhet | 1.1 Kultur och bibliotek | 1.2 Fysisk
        aktivitet"), its cells actions or blank; None for another table."""
        header = [C.clean_cell(h) for h in table.header]
        if len(header) < 3:
            return None
        served = {}
        for col, cell in enumerate(header[1:], start=1):
            m = _GOAL_COLUMN.match(cell)
            if m is None:
                return None
            served[col] = self.doc.goal_by_code(m.group("code"))  # None: a goal not read, linked as nearest
        if sum(1 for goal in served.values() if goal is not None) < max(2, len(served) // 2 + 1):
            return None
        cells = [C.clean_cell(row[col]) for row in table.rows for col in served if col < len(row)]
        filled = [c for c in cells if c and not C.is_blank_value(c)]
        if not filled or any(not _has_words(c) or C.column_role(c).role != "ignore" and len(c.split()) < 3
                             for c in filled):
            return None
        return served

    def _action_matrix(self, table: Table, served: dict[int, Optional[int]]) -> None:
        """Actions in a matrix of goal columns: each cell's actions serve its
        column's goal and are done by the row's unit (the first cell)."""
        doc = self.doc
        for row, page in zip(table.rows, table.row_pages or [table.page_start] * len(table.rows)):
            unit = C.clean_cell(row[0]) if row else ""
            for col, goal in served.items():
                raw = row[col] if col < len(row) else ""
                if not C.clean_cell(raw) or C.is_blank_value(C.clean_cell(raw)):
                    continue
                for piece in (p for p in C.split_bullets(raw) if _has_words(p)):
                    text, fields = _with_tail(piece, {})
                    if unit:
                        fields.setdefault("responsible", unit)  # the row's unit, unless the action names its own
                    doc.add_activity(text, page, table.bbox, "table", Anchor(goal, doc.nearest_goal(), doc.region),
                                     **fields)

    def _tiles(self, table: Table, tiles) -> None:
        """A grid of key-figure tiles, each cell one indicator with its fields."""
        doc = self.doc
        anchor = Anchor(None, doc.nearest_goal(), doc.region)
        state = doc.section_state(table.section_index)
        for name, fields in tiles:
            if fields.target_text is None and C.is_goal_statement(name) and C.clean_text(name).endswith("."):
                # "Årets resultat ska uppgå till minst 2 procent … Utfall 2025: 1,1 % Målet är inte uppfyllt":
                # a goal stated whole in its tile, with its outcomes and attainment
                goal = doc.add_goal(name, doc.level(*state.texts), table.page_start, table.bbox, "table",
                                    parent=doc.scope_goal, target=doc.own_target(name))
                goal.status = goal.status or fields.status
                continue
            doc.add_fielded_indicator(name, table.page_start, table.bbox, "table", anchor, fields)

    def read(self, table: Table) -> None:
        """Items of one table, row by row, from the roles of its columns."""
        doc = self.doc
        doc.flush_coded()
        doc.planned_last = False
        table = _first_row_header(table)
        table = matrix_upright(table) or table  # "| Målområde 1 | Målområde 2" over rows "Nämndens mål", "Indikatorer"
        if C.is_risk_register(table.header):
            return  # "Risk | Sannolikhet | Konsekvens | Åtgärd": controls, no items
        carried = self.kind_label if self.kind_label and self.kind_label[0] == list(table.header) else None
        parted = kind_row_parts(table, carried[1] if carried else None)
        self.kind_label = None
        if parted is not None:
            parts, last = parted
            for part in parts:  # "Indikatorer" / "Aktiviteter" rows parting one table
                self.read(part)
            self.kind_label = (list(table.header), last)  # carried over a page break
            return
        if self._matrix_cards(table):
            return
        self.matrix = None
        card = card_rows(table) or labelled_cell_rows(table)
        if card is not None:
            self._card(table, card)
            return
        transposed = transposed_rows(table)
        if transposed is not None and doc.title_line is not None:
            self._transposed(table, *transposed)
            return
        self.card = None
        compared = place_rows(table, doc.kommun) if doc.title_line is not None else None
        if compared is not None:
            # a chart's table under its caption: the indicator the caption names, the kommun's row its values
            text, page, bbox = doc.title_line
            doc.title_line = None
            indicator = doc.add_indicator(text, page, bbox, "table", Anchor(None, doc.nearest_goal(), doc.region),
                                          values=compared)
            indicator.kolada_kpi = indicator.kolada_kpi or doc.title_kpi
            doc.title_card(indicator)
            return
        by_deadline = goal_time_matrix(table)
        if by_deadline is not None:
            self._goal_time_matrix(table, by_deadline)
            return
        goals = table_rows.goal_tiles(list(table.header), [list(r) for r in table.rows])
        if goals is not None:
            self._goal_tiles(table, goals)
            return
        served = self._goal_columns(table)
        if served is not None:
            self._action_matrix(table, served)
            return
        under_goals = doc.section_state(table.section_index).kind == "goal"
        statements = goal_statement_grid(table) if under_goals else None
        if statements is not None:
            self._goal_grid(table, statements)
            return
        tiles = _indicator_tiles(table) or labelled_rows(table)
        if tiles is not None:
            self._tiles(table, tiles)
            return
        by_column = indicator_columns(table)
        if by_column is not None:
            self._indicator_columns(table, by_column)
            return
        by_status = status_columns(table)
        if by_status is not None:
            self._status_columns(table, by_status)
            return
        cards = action_cards(table)
        if cards is not None:
            for (title, fields), page in cards:
                served = doc.goal_by_code(fields.goal_code) if fields.goal_code else None
                doc.add_activity(title, page, table.bbox, "table", Anchor(served, doc.nearest_goal(), doc.region),
                                 **fields.fields)
            return
        unit_actions = actions_by_unit(table)
        if unit_actions is not None and doc.section_state(table.section_index).kind not in ("goal", "indicator"):
            anchor = Anchor(None, doc.nearest_goal(), doc.region)
            for text, unit, page in unit_actions:
                doc.add_activity(text, page, table.bbox, "table", anchor, responsible=unit)
            return
        box = table_rows.goal_box(list(table.header), [list(r) for r in table.rows])
        if box is not None:
            self._goal_box(table, box)
            return
        headed = self._header_goal_cell(table, list(table.header), C.column_roles(table.header))
        if headed is not None:  # the goal stated in the header is no header run together with a row
            header, rows, pages = list(table.header), list(table.rows), list(table.row_pages)
        else:
            header, rows, pages = _split_merged_header(list(table.header), list(table.rows), list(table.row_pages),
                                                       table.page_start)
        columns = C.column_roles(header)
        if headed is not None:
            # "Nämndmål 1.1 Företagsklimatet ska förbättras | 2023 | 2024 | Målvärde 2025": the goal heads
            # the column of its indicators
            columns = [C.Column("indicator", c.header) if i == 0 else c for i, c in enumerate(columns)]
        if not has_items(columns) and rows and all(len(C.clean_cell(c).split()) <= MAX_HEADER_WORDS for c in rows[0]) \
                and not any(_FIGURE_END.search(C.clean_cell(c)) or _FIGURE_CELL.fullmatch(C.clean_cell(c))
                            for c in rows[0]):  # "…, antal 212" / "Fysiska åtgärder | 9 330 | 8 000": a row of figures
            first_row = C.column_roles(rows[0])  # a header the table finder took for a row
            if has_items(first_row):
                columns, rows, pages = first_row, rows[1:], pages[1:]
        marks = table_rows.mark_columns(columns, rows)
        columns = [C.Column("ignore", c.header) if i in marks else c for i, c in enumerate(columns)]
        columns = _area_action_columns(columns, rows)
        mixed = table_rows.mixed_rows(columns, rows)
        if mixed is not None:
            self._mixed(table, columns, rows, pages, marks, *mixed)
            return
        by_label = not has_items(columns) and _row_labels(columns)
        if by_label:
            columns = by_label
        if not has_items(columns):
            if is_fields_table(columns) and doc.open_action is not None:
                self._fields(doc.open_action, columns, rows)
                doc.open_action = None
            return
        state = doc.section_state(table.section_index)
        planned = {c.role for c in columns} >= {"activity", "responsible"} or {c.role for c in columns} >= {"activity", "goal"}
        if columns and C.is_calendar_header(columns[0].header):
            if not planned:
                return  # "Datum | Aktivitet": the calendar of a process ("När | Åtgärd | Ansvarig | Mål" is a plan)
            action_col = next(i for i, c in enumerate(columns) if c.role == "activity")
            kept = [i for i, r in enumerate(rows) if not prose.is_routine_entry(r[action_col] if action_col < len(r) else "")]
            rows, pages = [rows[i] for i in kept], [pages[i] for i in kept] if pages else pages  # the board's cycle
        if _statistics_only(columns) and state.kind != "indicator":
            return  # "Nyckeltal | Budget 2025 | Plan 2026": statistics without a stated target
        if not doc.out.goals and _figures_only(columns):
            return  # "Indikator | Härnösand | Riket | År" before any goal: statistics without a stated target
        roles = _RoleIndex(columns)
        header_words = [C.clean_cell(c.header).lower() for c in columns]
        carried: list[Optional[int]] = [None] * len(roles.goal)
        self.restated = _restated_goals(roles, rows, doc.out.goals) if roles.activity else {}
        by_period = _period_action_columns(columns, rows, roles)  # "Delmål | 2026 | 2027": actions by year
        last_indicators: list[Indicator] = []
        last_activities: list[Activity] = []
        deviation: Optional[Anchor] = None  # the anchor of the indicator a deviation cell names, merged down
        grouped = _has_group_rows(rows, roles.activity[:1])
        group_goal: Optional[int] = headed or self._header_goal(columns)  # a group row may name another
        for r, row in enumerate(rows):
            raw = list(row) + [""] * (len(columns) - len(row))
            cells = [C.clean_cell(c) for c in raw]
            if not any(cells) or [c.lower() for c in cells] == header_words:
                continue
            label = doc.label_kind(cells[0]) if not any(cells[1:]) else None
            if label in ("indicator", "activity"):
                doc.lead = (label, cells[0])  # "Så här gör vi" ending the table: the list after it
                continue
            page = pages[r] if r < len(pages) else table.page_start
            bbox = table.bbox
            if grouped and roles.activity and _is_group_row(cells, roles.activity[0]):
                named = self._group_goal(cells[roles.activity[0]])
                if named is not None:
                    group_goal = named  # "Fokusområde 1.1 Gator … är trafiksäkra": the goal of the actions below
                    continue
            row_goal = self._row_goals(roles, columns, raw, cells, carried, state, page, bbox)
            if row_goal is None and roles.indicator and doc.indicator_code_goals:
                # "Kod | Indikator | …" over "I4 | …": the goal whose text named I4 among its indicators
                row_goal = next((doc.indicator_code_goals[C.clean_cell(c)] for c in cells
                                 if C.clean_cell(c) in doc.indicator_code_goals), None)
            marked = table_rows.marked_goal(columns, marks, cells) if row_goal is None else None
            if marked is not None:
                row_goal = doc.goal_by_number(marked)  # "X" under "Mål 3": the action serves goal 3
            lettered = _LETTERED_NUMBER.fullmatch(_row_code(columns, cells, roles.indicator[0]) or "") \
                if row_goal is None and roles.indicator and not roles.goal else None
            if lettered:
                row_goal = doc.goal_by_number(lettered.group(1))  # "Nr | Indikator" over "2b | …": a measure of goal 2
            anchor = Anchor(row_goal if row_goal is not None else group_goal, doc.nearest_goal(), doc.region)
            if by_label and not any(cells[i] for i, c in enumerate(columns) if c.role in ("target", "outcome")):
                continue  # a label alone: a note or a group over the rows, no indicator
            restated = self._restated_indicator(cells[roles.indicator[0]]) \
                if roles.indicator and roles.activity and not roles.target and not roles.outcome else None
            if restated is not None:
                # "Avvikande indikator | Åtgärd | Ansvarig" over "Vattenförluster i ledningsnätet | Läcksöka …":
                # an indicator read before, named again; the row's actions serve its goal
                anchor = self.doc.anchors.get(("indicator", restated.key), anchor)
                doc.out.restated.append(cells[roles.indicator[0]])
            elif roles.indicator:
                found = self._row_indicators(roles, columns, raw, cells, page, bbox, anchor, last_indicators)
                if found:
                    last_indicators = found
                    code = _row_code(columns, cells, roles.indicator[0])
                    if code and len(found) == 1:  # "Mål | Nr | Indikator" over "1 | 1b | …": later named "Indikator 1b"
                        doc.indicator_codes.setdefault(code, found[0])
            if roles.activity and not roles.indicator and doc.indicator_codes:
                named = next((m for i, c in enumerate(cells) if i not in roles.activity and (m := _NAMED_INDICATOR.match(c))), None)
                if named or any(cells[i] for i, c in enumerate(columns) if c.role == "ignore" and i not in roles.activity):
                    known = doc.indicator_codes.get(named.group("code")) if named else None
                    deviation = doc.anchors.get(("indicator", known.key)) if known is not None else None
                if deviation is not None and row_goal is None:
                    # "Avvikelse | Åtgärd" over "Indikator 1b: 74 procent … | Förstärka …": the actions serve
                    # the goal of the indicator that deviates (its cell merged over them)
                    anchor = deviation
            for i in by_period:
                # "a) | • Avgiftsfri spontanidrott … | • Aktivitetsbaserat lov …": each action's timeline its column
                for piece, here in self._cell_items(raw[i], split_actions, anchor) if cells[i] else []:
                    text, own = _with_tail(piece, {"timeline": C.clean_cell(columns[i].header)})
                    doc.add_activity(text, page, bbox, "table", here, **own)
            if roles.activity:
                found = self._row_activities(roles, raw, cells, page, bbox, anchor, last_activities, grouped)
                if found:
                    last_activities = found
                    _set_marked(found, columns, marks, cells)

    def _mixed(self, table: Table, columns, rows, pages, marks, text_col: int, kinds) -> None:
        """A table whose rows are goals and the items serving them, in turn
        (see :mod:`planextract.table_rows`): each item links to the goal row above it."""
        doc = self.doc
        state = doc.section_state(table.section_index)
        goal_rows: list[tuple[str, Optional[str], int]] = []  # (level, code, key) of the goal rows read
        current: Optional[int] = None
        last: dict[str, list] = {"indicator": [], "activity": []}
        # the columns as an item row of each kind reads them: the text column holds that kind
        as_kind = {kind: [C.Column(kind, c.header, c.year, c.period) if i == text_col
                          else C.Column("ignore", c.header) if c.role in ("goal", "indicator", "activity") else c
                          for i, c in enumerate(columns)]
                   for kind in ("indicator", "activity")}
        roles_of = {kind: _RoleIndex(cols) for kind, cols in as_kind.items()}
        roles = _RoleIndex(columns)
        for r, (row, kind) in enumerate(zip(rows, kinds)):
            if kind is None or kind.kind == "none":
                continue
            raw = list(row) + [""] * (len(columns) - len(row))
            cells = [C.clean_cell(c) for c in raw]
            page = pages[r] if r < len(pages) else table.page_start
            if kind.kind == "goal":
                current = self._goal_row(kind, columns, roles, cells, text_col, state, page, table.bbox,
                                         goal_rows)
                continue
            anchor = Anchor(current, doc.nearest_goal(), doc.region)
            if kind.kind == "indicator":
                found = self._row_indicators(roles_of["indicator"], as_kind["indicator"], raw, cells, page,
                                             table.bbox, anchor, last["indicator"])
            else:
                found = self._row_activities(roles_of["activity"], raw, cells, page, table.bbox, anchor,
                                             last["activity"])
                _set_marked(found, columns, marks, cells)
            if found:
                last[kind.kind] = found

    def _goal_row(self, row, columns, roles, cells, text_col, state, page, bbox, goal_rows) -> Optional[int]:
        """The goal of a goal row: its parent the goal row above it of a
        higher level (or whose code its own extends), else the scope's goal."""
        doc = self.doc
        if not row.text:  # "Nämndmål 1.1" alone: the goal of that number, named again
            return doc.goal_by_number(row.code) if row.code else None
        parent = None
        digits = table_rows.code_number(row.code)
        if digits:
            parent = next((g for g in reversed(goal_rows)
                           if table_rows.code_number(g[1]) and digits.startswith(table_rows.code_number(g[1]) + ".")), None)
        if parent is None and row.level:
            parent = next((g for g in reversed(goal_rows) if _RANK[g[0]] < _RANK[row.level]), None)
        if parent is None and not row.level and table_rows.code_scheme(row.code):
            # "Strategiskt mål 1: …" over "FS 1 …", "FS 2 …": the goal row of another scheme above
            parent = next((g for g in reversed(goal_rows)
                           if table_rows.code_scheme(g[1]) != table_rows.code_scheme(row.code)), None)
        if parent is None and not row.level and goal_rows and row.code and goal_rows[-1][1] \
                and _code_depth(goal_rows[-1][1]) < _code_depth(row.code):
            parent = goal_rows[-1]
        served = None
        if parent is None:  # "E1 | Utsläppen … | Klimatmål 1": the goal a "Bidrar till" cell names
            served = next((self._named_goal(cells[i]) for i, column in enumerate(columns)
                           if i != text_col and cells[i] and _SERVES.match(C.clean_cell(column.header))), None)
        level = row.level or (_LOWER.get(parent[0]) if parent else None) or \
            C.level_in(columns[text_col].header) or doc.level(*state.texts) or "namnd"
        target = None
        if roles.target and cells[roles.target[0]] and not C.is_blank_value(cells[roles.target[0]]):
            col = roles.target[0]
            target = column_target(cells[col], columns[col].year, header=columns[col].header) or Target(text=cells[col])
            for i in roles.outcome:
                if C.is_baseline_header(columns[i].header) and cells[i]:
                    set_baseline([target], cells[i], columns[i].year)
        goal = doc.add_goal(row.text, level, page, bbox, "table",
                            parent=parent[2] if parent else (served or doc.scope_goal),
                            target=goal_row_target(target, doc.own_target(row.text)))
        if target is not None and goal.target is target and not roles.indicator and not roles.measure:
            doc.stated_targets.add(goal.key)  # "Klimatmål | Målnivå | -75 %": the goal's own level, kept under its subgoals
        if row.code:
            doc.numbered.setdefault(row.code, goal.key)
            if table_rows.code_number(row.code):
                doc.numbered.setdefault(table_rows.code_number(row.code), goal.key)
        status = None
        for i, cell in enumerate(cells):
            if i != text_col and cell:
                status = C.status_word(cell) or status  # the latest assessment, right of the earlier
        if status and goal.status is None:
            goal.status, goal.status_text = status, next(
                c for c in reversed(cells) if c and C.status_word(c) == status)
        goal_rows.append((level, row.code, goal.key))
        doc.last_goal = goal.key
        return goal.key

    def _named_goal(self, cell: str) -> Optional[int]:
        """The goal a cell names by number or code: "1.1", "ÄN 1.1", "KF 2", "Klimatmål 1"."""
        named = _NAMED_GOAL_NUMBER.fullmatch(cell)
        number = named.group("number") if named else None
        lower = re.fullmatch(r"([a-h])\)", cell)
        if lower:
            return self.doc.lettered_goals.get(lower.group(1))  # "b)": the goal listed "b)" last
        if number is None and (plain := _GOAL_NUMBER.fullmatch(cell)):
            number = plain.group(1).rstrip(".)")
        found = self.doc.goal_by_number(number) if number else None
        return found if found is not None or not (number or table_rows.is_code(cell)) else self.doc.goal_by_code(cell)

    # ---- rows --------------------------------------------------------------

    def _row_goals(self, roles, columns, raw, cells, carried, state, page, bbox) -> Optional[int]:
        """Goals of one row (a goal column may hold the parent of the next);
        an empty goal cell continues the goal above it (a merged cell)."""
        doc = self.doc
        row_goal = None
        parent = doc.scope_goal
        others = any(cells[i] for i in roles.item_cells)
        added = named_after = None  # "Verksamhetsmål | Nämndmål": a goal, then the number of its parent
        first_new_key = doc.next_key  # goals made from this row have keys from here (a restated goal keeps its parent)
        for n, col in enumerate(roles.goal):
            text = cells[col]
            several = _BARE_NUMBERS.fullmatch(text)
            if several:  # "1, 3": the goals the row serves by number, the first its link
                text = several.group(1)
            if re.sub(r"\s+", " ", text) in doc.numbered and not _GOAL_NUMBER.fullmatch(text):
                carried[n] = doc.numbered[re.sub(r"\s+", " ", text)]  # "A 2028": named as a goal matrix names it
                parent = row_goal = carried[n]
                continue
            number = _GOAL_NUMBER.fullmatch(text)
            if number or (text and table_rows.is_code(text)):
                # "1.1", "ÄN 1.1": the goal with that number or code, named by reference
                carried[n] = self._named_goal(text)
                if carried[n] is None:
                    continue
                if added is not None and named_after is None:
                    named_after = carried[n]
            elif _GOAL_NUMBERS.fullmatch(text) or _CODE_LIST.match(text):
                continue  # "Mål 7, 11 och 13": goals named by number (Agenda 2030's), no goal of the plan
            elif _names_goals_only(text):
                continue  # "Nämndmål 1 och 2", "Verksamhetsmål": goals named by label, or a kind of item
            elif text and _SERVES.match(C.clean_cell(columns[col].header)):
                # "Bidrar till | Målområde 3": a goal named, never a new one
                named = same_goal(text, doc.out.goals)
                carried[n] = named.key if named is not None else None
                if carried[n] is None:
                    continue
            elif text in self.restated:
                # "Bilaga 1 | Aktivitet | Nämndmål | Färre placeringar utanför hemmet": a goal stated earlier
                carried[n] = self.restated[text]
            elif text and not C.is_blank_value(text) and not C.is_group_label(text):
                level = C.level_in(columns[col].header) or doc.level(*state.texts)
                for piece in _numbered_goals(str(raw[col])):
                    serves = table_rows.SERVES_TAIL.search(piece)  # "V1 Beslut … ska fattas i tid. Bidrar till SBN 2"
                    served = doc.goal_by_code(serves.group("number")) if serves else None
                    if serves:
                        piece = piece[:serves.start()]
                    coded = table_rows.lettered_code(piece)
                    if coded:  # "N1 Alla barn och elever ska …": the code names it in later tables
                        piece = coded[1]
                    own = C.clean_text(piece)  # without its number
                    printed = C.printed_number(piece)
                    known = doc.goal_by_number(printed) if printed else None
                    if known is not None and len(own.split()) <= MAX_SHORT_NAME_WORDS and not C.is_goal_statement(own):
                        carried[n] = known  # "1 Trygghet | Delvis uppfyllt": goal 1, named again by a short name
                        doc.out.restated.append(C.clean_cell(piece))
                        continue
                    target = goal_row_target(self._goal_column_target(roles, columns, cells),
                                             doc.own_target(own, year=columns[col].year))  # dropped when an indicator has one
                    if target is not None and target.target_value is None and target.target_year is not None \
                            and str(target.target_year) not in own:
                        target.target_year = None  # "Nämndens mål 2025 | Fler ...": a direction, the plan's year
                    goal = doc.add_goal(own, level, page, bbox, "table", parent=served or parent, target=target)
                    printed = (coded[0] if coded else None) or C.printed_number(piece) or _row_code(columns, cells, col)
                    if printed:  # "1. Antalet bränder ..." or "V1 | Handläggningstiden ...": later rows name it
                        doc.numbered.setdefault(printed, goal.key)
                    carried[n] = added = goal.key
                    doc.last_goal = goal.key
            elif not others:
                continue
            if carried[n] is not None:
                parent = row_goal = carried[n]
        if added is not None and named_after is not None and named_after != added:
            goal = doc.goal_by_key(added)
            if goal.key >= first_new_key or goal.parent_key is None:
                goal.parent_key = named_after
            row_goal = added
        if row_goal is not None:
            goal = doc.goal_by_key(row_goal)
            for col in roles.status:
                status = C.status_word(cells[col])
                if status and goal.status is None:
                    goal.status, goal.status_text = status, cells[col]
            for col in roles.comment + roles.analysis:
                found = C.attainment(cells[col])
                if found and goal.status is None:
                    goal.status, goal.status_text = found
        return row_goal

    def _indicator_columns(self, table: Table, columns: IndicatorColumns) -> None:
        """Indicators laid out as columns, their periods and target as rows."""
        doc = self.doc
        unit_header = C.clean_cell(table.header[0])  # "Andel (%)": the unit of every column
        for n, name in enumerate(columns.names):
            target_text, target_year, target_header, values = None, None, "", []
            for column, label, cells in columns.rows:
                cell = cells[n] if n < len(cells) else ""
                if not cell or C.is_blank_value(cell):
                    continue
                if column.role == "target":
                    target_text, target_year, target_header = cell, column.year, f"{label} {unit_header}"
                else:
                    values.append(IndicatorValue(period=column.period or label, value=parse_value(cell), text=cell))
            served = columns.goals[n]
            goal = self._named_goal(served) if served and not C.is_blank_value(served) else None
            indicator = doc.add_indicator(name, table.page_start, table.bbox, "table",
                                          Anchor(goal, doc.nearest_goal(), doc.region), target_text=target_text,
                                          target_year=target_year, target_header=target_header, values=values)
            kolada = kolada_ids(columns.kolada[n])
            indicator.kolada_kpi = indicator.kolada_kpi or (kolada[0] if kolada else None)

    def _goal_box(self, table: Table, box) -> None:
        """A goal boxed with its label and assessment: the scope of what follows
        in its section."""
        doc = self.doc
        state = doc.section_state(table.section_index)
        parent = doc.goal_by_number(box.parent_ref) if box.parent_ref else None
        level = C.level_in(box.label) or doc.level(*state.texts)
        goal = doc.add_goal(box.text, level, table.page_start, table.bbox, "table",
                            parent=parent if parent is not None else doc.scope_goal,
                            target=doc.own_target(box.text))
        if box.code:
            doc.numbered.setdefault(box.code, goal.key)
        status = table_rows.assessed(box.assessment) if box.assessment else None
        if status and goal.status is None:
            goal.status, goal.status_text = status, box.assessment
        doc.govern(table.section_index, goal.key)

    def _header_goal_cell(self, table: Table, header: list[str], columns) -> Optional[int]:
        """The goal a table's first header cell states after its label, over a
        column of indicators with outcome and target columns beside it."""
        if not columns or not any(c.role in ("outcome", "target") for c in columns[1:]):
            return None
        cell = C.clean_cell(header[0])
        coded = C.ITEM_CODE.match(cell)  # "AVN 1 Fler invånare ska gå från försörjningsstöd till arbete …"
        if columns[0].role != "goal" and not table_rows.goal_label(cell) and not coded:
            return None  # the label rules; "… fritids- och kulturaktiviteter." names no action column
        numbered = _NUMBERED_GOAL_CELL.match(cell)  # "Mål 1.1 Fler ska vilja bo … i Västerviks kommun."
        labelled = table_rows.goal_label(cell) or (
            (numbered.group("label"), numbered.group("number"), numbered.group("rest")) if numbered else None) or (
            ("", coded.group(0).strip(), cell[coded.end():]) if coded else None)
        if labelled is None or not labelled[2] or not C.is_goal_statement(labelled[2]):
            return None
        doc = self.doc
        state = doc.section_state(table.section_index)
        if doc.scopes and doc.scopes[-1].goal_key in self.headed_goals:
            doc.scopes.pop()  # the goal of the table before, a sibling
        goal = doc.add_goal(labelled[2], C.level_in(labelled[0]) or doc.level(*state.texts), table.page_start,
                            table.bbox, "table", parent=doc.scope_goal)
        if labelled[1]:
            doc.numbered.setdefault(labelled[1], goal.key)
        if coded and goal.key not in self.headed_goals:
            # "AVN 1 Fler invånare …" over its indicators: the actions set under the table serve it too
            doc.nest_scope(goal.key)
            self.headed_goals.add(goal.key)
        doc.last_goal = goal.key
        return goal.key

    def _header_goal(self, columns) -> Optional[int]:
        """The goal an item column's header names ("Indikator för SN 6", "Aktiviteter för mål 2")."""
        for column in columns:
            if column.role in ("indicator", "activity"):
                m = _HEADER_GOAL.search(C.clean_cell(column.header))
                if m:
                    return self.doc.goal_by_code(m.group(1))
        return None

    def _group_goal(self, cell: str) -> Optional[int]:
        """The goal a group row names, by its words or by its number ("Fokusområde
        1.1 Gator, gång- och cykelvägar …", "Nämndmål 2"); None for another group."""
        m = _GROUP_GOAL.match(cell)
        if not m:
            return None
        named = same_goal(m.group("rest"), self.doc.out.goals) if m.group("rest") else None
        if named is not None:
            return named.key
        return self.doc.goal_by_code(m.group("number"))

    @staticmethod
    def _goal_column_target(roles, columns, cells):
        """A goal's target in a table without indicators ("Finansiellt mål | Målvärde")."""
        if roles.indicator or not roles.target:
            return None
        col = roles.target[0]
        if not cells[col] or C.is_blank_value(cells[col]):
            return None
        return column_target(cells[col], columns[col].year, header=columns[col].header) or Target(text=cells[col])

    def _cell_items(self, raw: str, split, anchor: Anchor) -> list[tuple[str, Anchor]]:
        """(piece, anchor) of each item of a cell, by ``split``; items under a
        goal label in the cell serve that goal, items opening with a goal's
        code and a letter ("A1 a) Antal …", "A1 b) …") the goal of that code."""
        lettered = _lettered_items(C.clean_text(raw, numbering=False))
        if lettered:
            out = []
            for code, piece in lettered:
                served = self.doc.goal_by_code(code)
                out.append((piece, dataclasses.replace(anchor, row_goal=served) if served is not None else anchor))
            return out
        out = []
        for label, number, text in goal_groups(raw):
            served = self.doc.goal_by_number(number, C.level_in(label)) if number else None
            here = dataclasses.replace(anchor, row_goal=served) if served is not None else anchor
            out.extend((piece, here) for piece in split(text) if _has_words(piece))
        return out

    def _row_indicators(self, roles, columns, raw, cells, page, bbox, anchor, last) -> list[Indicator]:
        col = roles.indicator[0]
        measure = " ".join(cells[i] for i in roles.measure if cells[i]) or None
        target_col = roles.target[0] if roles.target else None
        target_text = cells[target_col] if target_col is not None else None
        target_year = columns[target_col].year if target_col is not None else None
        values = [
            IndicatorValue(period=columns[i].value_period, value=parse_value(cells[i]), text=cells[i])
            for i in roles.outcome
            if cells[i] and not C.is_blank_value(cells[i])
        ]
        if re.match(r"[=*†¹²³⁴⁵]", cells[col]):
            return []  # a note under the rows ("– = mäts vid årets slut", "* preliminärt")
        named = self._referred_indicator(cells, col)
        if named is not None:
            # "Ref. | Indikator (kortnamn) | Utfall 2025 | Målvärde 2026" over "4.1.1 a | …": the fields of the
            # indicator listed "a)" under 4.1.1, restated by a short name
            if not named.targets and target_text and not C.is_blank_value(target_text):
                found = column_target(target_text, target_year, header=columns[target_col].header,
                                      indicator=named.text)
                named.targets.append(found or Target(text=target_text))
            known = {v.period for v in named.values}
            named.values.extend(v for v in values if v.period not in known)
            return []
        others = [i for i, c in enumerate(cells) if c and i != col]
        alone = not others
        if alone and last and _wrapped(last[-1].text, cells[col]):
            last[-1].text = f"{last[-1].text} {cells[col]}"  # the indicator's words wrapped onto a row of their own
            return []
        parts = self._cell_items(raw[col], C.split_cell_items, anchor) if cells[col] else []
        pieces = [piece for piece, _ in parts]
        if not pieces:
            if last and (measure or values):  # a row continuing the indicator above
                ind = last[-1]
                if measure:
                    ind.measure = f"{ind.measure} {measure}".strip() if ind.measure else measure
                known = {v.period for v in ind.values}
                ind.values.extend(v for v in values if v.period not in known)
            return []
        found = []
        for piece, anchor in parts:
            # "Antal behöriga sökande per tjänst. Utgångsläge 2,1 (2025). Mål 2028: minst 4.": its fields one a
            # sentence, when no target column gives this piece its target
            own_fields = target_col is None or len(pieces) > 1 or not target_text
            sentenced = trailing_indicator_fields(piece) if own_fields and not values else None
            split = None
            if target_col is None and not values and sentenced is None:
                # "Indikatorer med målvärde 2026 (utfall 2025)" over "Andel ...: minst 75 % (71 %)"
                split = indicator_value_tail(piece, outcome_period=C.outcome_year_in(columns[col].header))
            noted = parenthesised_target(piece, columns[col].header) if target_col is None and split is None \
                and sentenced is None else None
            if sentenced is not None:
                ind = self.doc.add_fielded_indicator(sentenced.body, page, bbox, "table", anchor, sentenced)
            elif split is not None:
                ind = self.doc.add_indicator(
                    split.body, page, bbox, "table", anchor, measure=measure, target_text=split.target_text,
                    target_year=split.target_year or C.target_year_in(columns[col].header),
                    values=printed_values(split.values))
                ind.kolada_kpi = ind.kolada_kpi or split.kolada
            elif noted is not None:
                ind = self.doc.add_indicator(
                    noted[0], page, bbox, "table", anchor, measure=measure, target_text=noted[1],
                    target_year=columns[col].year, values=values, target_header=columns[col].header)
            else:
                ind = self.doc.add_indicator(
                    piece, page, bbox, "table", anchor,
                    measure=measure, target_text=target_text if len(pieces) == 1 else None,
                    target_year=target_year, values=values,
                    target_header=columns[target_col].header if target_col is not None else "",
                )
            found.append(ind)
        for i in roles.outcome:
            if C.is_baseline_header(columns[i].header) and cells[i]:
                set_baseline([t for ind in found for t in ind.targets], cells[i], columns[i].year)
        if len(found) == 1 and found[0].kolada_kpi is None:
            kpis = kolada_ids(" ".join(cells))
            if len(kpis) == 1:
                found[0].kolada_kpi = kpis[0]
        return found

    def _restated_indicator(self, cell: str) -> Optional[Indicator]:
        """The indicator read before that a cell names again, perhaps shortened
        ("Vattenförluster i ledningsnätet" for "Vattenförluster i
        ledningsnätet, % av producerad mängd"), else None."""
        words = C.normalize(cell or "")
        if len(words.split()) < 2:
            return None
        best = max(((fuzz.token_set_ratio(words, C.normalize(i.text)), i) for i in self.doc.out.indicators),
                   key=lambda pair: pair[0], default=(0, None))
        return best[1] if best[0] >= RESTATED_INDICATOR_SIMILARITY else None

    def _referred_indicator(self, cells, col: int) -> Optional[Indicator]:
        """The indicator a row's reference cell names ("4.1.1 a", "4.1.1a)"), if one was read."""
        for i, cell in enumerate(cells):
            ref = _INDICATOR_REF.fullmatch(cell) if i != col else None
            if ref:
                return self.doc.indicator_refs.get(f"{ref.group(1)} {ref.group(2)}")
        return None

    def _row_activities(self, roles, raw, cells, page, bbox, anchor, last, grouped=False) -> list[Activity]:
        col = roles.activity[0]

        def joined(indexes):
            return " ".join(cells[i] for i in indexes if cells[i] and not C.is_blank_value(cells[i])) or None

        fields = dict(
            detail=joined(roles.activity_detail),
            responsible=joined(roles.responsible),
            timeline=joined(roles.timeline),
            follow_up=joined(roles.follow_up),
            status=joined(roles.status) or joined(roles.comment),
        )
        parts = self._cell_items(raw[col], split_actions, anchor) if cells[col] else []
        pieces = [piece for piece, _ in parts]
        if not pieces:
            if last and any(fields.values()):  # a row continuing the activity above
                act = last[-1]
                for name, value in fields.items():
                    if value:
                        old = getattr(act, name)
                        setattr(act, name, f"{old} {value}" if old else value)
            return []
        if grouped and _is_group_row(cells, col):
            return []  # "Bohusbanan, Strömstad - Göteborg" over the actions of that line
        if last and not any(fields.values()) and _is_group_row(cells, col) and _wrapped(last[-1].text, cells[col]):
            last[-1].text = f"{last[-1].text} {cells[col]}"  # "… i Tumba, Alby och" / "Fittja."
            return []
        found = []
        for piece, anchor in parts:
            text, own = _with_tail(piece, fields)
            found.append(self.doc.add_activity(text, page, bbox, "table", anchor, **own))
        return found

    def _goal_time_matrix(self, table: Table, years: dict[int, int]) -> None:
        """Goals by area and deadline ("Fokusområde | Senast 2026 | Senast 2028"
        over "A. Digital infrastruktur | Alla skolor … har publikt wifi. | …"):
        the first cell of a row is the area's goal, each other cell a goal under
        it for its column's year, named later by letter and year ("A 2028")."""
        doc = self.doc
        state = doc.section_state(table.section_index)
        level = doc.level(*state.texts)
        for r, row in enumerate(table.rows):
            page = table.row_pages[r] if table.row_pages else table.page_start
            coded = _AREA_LETTER.match(C.clean_cell(row[0]))
            area_text = C.clean_cell(row[0])[coded.end():] if coded else C.clean_cell(row[0])
            area = doc.add_goal(area_text, level, page, table.bbox, "table", parent=doc.scope_goal)
            if coded:
                doc.numbered.setdefault(coded.group(1), area.key)
            for col, year in years.items():
                cell = C.clean_cell(row[col]) if col < len(row) else ""
                if not cell or C.is_blank_value(cell):
                    continue
                target = doc.own_target(cell, year=year)
                if target is None or (target.target_value is None and not target.direction):
                    target = Target(text=C.clean_cell(table.header[col]), direction="reach", target_year=year)
                target.target_year = target.target_year or year
                goal = doc.add_goal(cell, level, page, table.bbox, "table", parent=area.key, target=target)
                doc.stated_targets.add(goal.key)
                if coded:
                    doc.numbered.setdefault(f"{coded.group(1)} {year}", goal.key)

    def _status_columns(self, table: Table, columns: list[int]) -> None:
        """Actions sorted into columns by where they stand ("Genomfört under
        2025 | Påbörjat, fortsätter 2026"), a bullet each, the header their
        status; a closing "(mål 2)" names the goal served."""
        doc = self.doc
        for r, row in enumerate(table.rows):
            page = table.row_pages[r] if table.row_pages else table.page_start
            for col in columns:
                for piece in split_actions(row[col] if col < len(row) else ""):
                    text, served = piece, None
                    reference = PARENT_REFERENCE.search(piece)
                    if reference and doc.goal_by_number(reference.group("number")) is not None:
                        text, served = piece[:reference.start()].rstrip(), doc.goal_by_number(reference.group("number"))
                    if len(text.split()) >= MIN_ACTION_WORDS:
                        doc.add_activity(text, page, table.bbox, "table", Anchor(served, doc.nearest_goal(), doc.region),
                                         status=C.clean_cell(table.header[col]))

    # ---- indicator cards ------------------------------------------------------

    def _transposed(self, table: Table, periods: list[C.Column], rows: list[tuple[str, list[str]]]) -> None:
        """An indicator card: its name the line over the table, its periods
        the columns ("2023 | 2024 | Tertial 2 2025"), its outcomes and targets
        the rows ("Utfall" / "Målvärde").  The target is the latest period's;
        earlier ones were targets of past years."""
        doc = self.doc
        text, page, bbox = doc.title_line
        doc.title_line = None
        values: list[IndicatorValue] = []
        target_text, target_year = None, None
        for role, cells in rows:
            for column, cell in zip(periods, cells):
                if not cell or C.is_blank_value(cell):
                    continue
                if role == "outcome":
                    values.append(IndicatorValue(period=C.clean_cell(column.header), value=parse_value(cell), text=cell))
            if role == "target":
                target_text = cells[-1] if cells and cells[-1] and not C.is_blank_value(cells[-1]) else None
                target_year = periods[-1].year
        indicator = doc.add_indicator(text, page, bbox, "table", Anchor(None, doc.nearest_goal(), doc.region),
                                      target_text=target_text, target_year=target_year, values=values,
                                      target_header="Målvärde")
        indicator.kolada_kpi = indicator.kolada_kpi or doc.title_kpi
        doc.title_card(indicator)

    # ---- goal cards ----------------------------------------------------------

    def _card(self, table: Table, rows) -> None:
        """A goal card: one field a row ("Nämndmål | ...", "Indikator | ...",
        "Målvärde 2026 | ...", "Aktivitet | ...", "Ansvarig | ...").  A goal
        row opens a card; a table that opens with another field continues
        the card above it (a card broken over a page)."""
        doc = self.doc
        state = doc.section_state(table.section_index)
        card = self.card if self.card is not None and rows[0][0].role != "goal" else _Card()
        for column, value, page in rows:
            role = column.role
            if C.is_blank_value(value) and role != "outcome":
                continue
            anchor = Anchor(card.goal, doc.nearest_goal(), doc.region)
            if role == "goal" and C.labels_a_served_goal(column.header):
                # "Bidrar till KF-mål | <goal>": the goal the card's goal serves; a card
                # without a goal row is the card of the goal stated above it (its heading)
                if card.goal is None:
                    card.goal = doc.nearest_goal()
                doc.add_served_goal(doc.goal_by_key(card.goal), value, doc.level(column.header, *state.texts),
                                    page, table.bbox, "table")
            elif role == "goal":
                # "Det vill vi uppnå | …" then "Delmål till 2029 | 1.1 … 1.2 …": a later goal
                # row of the same card holds the sub-goals of its first goal
                parent = card.top if card.top is not None else doc.scope_goal
                level = C.level_in(column.header) or doc.level(*state.texts)
                added = []
                for piece in _numbered_goals(value):
                    goal = doc.add_goal(C.clean_text(piece), level, page, table.bbox, "table", parent=parent)
                    printed = C.printed_number(piece)
                    if printed:
                        doc.numbered.setdefault(printed, goal.key)
                    added.append(goal)
                top = card.top if card.top is not None else added[0].key
                card = _Card(goal=added[0].key)
                card.top = top
                doc.last_goal = added[0].key
            elif role == "indicator":
                for piece in C.split_bullets(value) or [value]:  # a cell of bulleted indicators
                    card.indicator = self._card_indicator(piece, page, table.bbox, anchor)
                card.activity = None
            elif role in ("target", "goal_or_target") and card.indicator is not None:
                found = column_target(value, column.year, header=column.header, indicator=card.indicator.text)
                card.indicator.targets = [found or Target(text=value)]
            elif role == "outcome" and card.indicator is not None:
                card.indicator.values.append(
                    IndicatorValue(period=column.value_period, value=parse_value(value), text=value))
            elif role == "measure" and card.indicator is not None:
                card.indicator.measure = value
            elif role in ("activity", "activity_detail"):  # "Aktivitet" alone names the action
                pieces = C.split_bullets(value)
                if len(pieces) < 2 or any(action_field_line(p) for p in pieces[1:]):
                    pieces = [value]  # one action, "Införa … Ansvarig: Division primärvård • Klart: mars 2026"
                for piece in pieces:  # or a cell of bulleted actions
                    text, own = _with_tail(piece, {})
                    card.activity = doc.add_activity(text, page, table.bbox, "table", anchor, **own)
            elif C.activity_field(role) and card.activity is not None:
                name = C.activity_field(role)
                if getattr(card.activity, name) is None:
                    setattr(card.activity, name, value)
        self.card = card

    def _matrix_cards(self, table: Table) -> bool:
        """Goal cards side by side: a header naming one goal a column ("| Nämndmål
        1.1 | Nämndmål 1.2") over rows labelled by field ("Mål", "Indikator",
        "Målvärde 2026", "Indikator", …, "Aktiviteter 2026", "Ansvar"), each column
        read as one card.  A table on the next page whose rows go on with fields
        continues the cards column by column; its repeated header, when read as
        the opening of its first row, is taken off that row."""
        width = len(table.header)
        header = [C.clean_cell(h) for h in table.header]
        rows = [[C.clean_cell(c) for c in r] + [""] * width for r in table.rows]
        pages = list(table.row_pages) + [table.page_start] * len(rows)
        continued = self.matrix is not None and len(self.matrix[0]) == width and bool(header[0])
        if continued:
            tops = self.matrix[0]
            first = [header[0]] + [h[len(t):].strip() if t and h.startswith(t) else h
                                   for h, t in zip(header[1:], tops[1:])]
            rows, pages = [first] + rows, [table.page_start] + pages
            header = tops
        if width < 3 or not rows or header[0] or not all(header[1:]):
            return False
        named = all(table_rows.goal_label(h) for h in header[1:])  # "Nämndmål 1.1 | Nämndmål 1.2"
        labels = [r[0] for r in rows]
        roles = [_row_label_role(label) if label else None for label in labels]
        if any(role is None or role.role == "ignore" or len(label.split()) > MAX_CARD_LABEL_WORDS
               for role, label in zip(roles, labels)):
            return False
        kinds = {r.role for r in roles}
        if not continued and ("goal" not in kinds or (len(kinds & _CARD_ITEMS) < 2 and not named)
                              or (len(rows) < 2 and not named)):
            return False  # one row of goals under goal names: cards broken after their goal row
        cards = self.matrix[1] if continued else [None] * (width - 1)
        for c in range(1, width):
            fields = []
            for role, row, page in zip(roles, rows, pages):
                if not row[c]:
                    continue
                if role.role == "goal" and not role.header:
                    role = C.Column("goal", header[c])  # "Mål" under "Nämndmål 1.1": the level its column names
                fields.append((role, row[c], page))
            if not fields:
                continue
            self.card = cards[c - 1] if fields[0][0].role != "goal" else None
            self._card(table, fields)
            cards[c - 1] = self.card
            labelled = table_rows.goal_label(header[c])
            if labelled and labelled[1] and self.card.goal is not None:
                self.doc.numbered.setdefault(labelled[1], self.card.goal)
        self.matrix = (header, cards)
        self.card = None
        return True

    def _card_indicator(self, text: str, page: int, bbox, anchor) -> Indicator:
        """An indicator of a goal card, with the fields its wording carries:
        "Andel … Utgångsläge: 36 % (2024) • Målvärde 2026: minst 45 %",
        "Andel … – målvärde 2026: minst 92 % (utfall 2025: 88,4 %)"."""
        fields = trailing_indicator_fields(text) or indicator_value_tail(text)
        if fields is None:
            return self.doc.add_indicator(text, page, bbox, "table", anchor)
        return self.doc.add_fielded_indicator(fields.body, page, bbox, "table", anchor, fields)

    # ---- fields of an action -------------------------------------------------

    def _fields(self, activity: Activity, columns, rows) -> None:
        """Fill an action's fields from a table of them, one row per unit:
        "Kommunledningsförv: Teknisk chef; Olofströms Hus AB: Fastighetschef"."""
        names = [i for i, c in enumerate(columns) if c.role == "ignore"]
        by_field: dict[str, list[str]] = {}
        for row in rows:
            cells = [C.clean_cell(c) for c in list(row) + [""] * (len(columns) - len(row))]
            unit = cells[names[0]] if names else ""
            if _SECTION_NUMBER.match(unit):
                continue  # the title of the next action, caught in the table
            for i, col in enumerate(columns):
                name = C.activity_field(col.role)
                if name is None or not cells[i] or C.is_blank_value(cells[i]):
                    continue
                value = f"{unit}: {cells[i]}" if unit and name == "responsible" else cells[i]
                values = by_field.setdefault(name, [])
                if value not in values:
                    values.append(value)
        for name, values in by_field.items():
            if getattr(activity, name) is None:
                setattr(activity, name, "; ".join(values))


class _RoleIndex:
    """Column indexes by role."""

    def __init__(self, columns) -> None:
        by_role: dict[str, list[int]] = {}
        for i, col in enumerate(columns):
            by_role.setdefault(col.role, []).append(i)
        for role in C.COLUMN_ROLES:
            setattr(self, role, by_role.get(role, []))
        # "KF:s årsmål 2026 | Nämndens årsmål 2026": the board's own target first
        self.target = sorted(self.target, key=lambda i: C.level_in(columns[i].header) not in ("namnd", "verksamhet"))
        self.item_cells = sorted(
            by_role.get("indicator", []) + by_role.get("activity", []) + by_role.get("activity_detail", [])
        )


_RANK = {"kf": 0, "namnd": 1, "verksamhet": 2}
_LOWER = {"kf": "namnd", "namnd": "verksamhet", "verksamhet": "verksamhet"}


_NUMBERED_GOAL_CELL = re.compile(r"^(?P<label>[\w-]*mål)\s+(?P<number>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<rest>[A-ZÅÄÖ].*)$",
                                 re.I)
_HEADER_GOAL = re.compile(r"\bför\s+(?:\w*mål\s+)?((?:[A-ZÅÄÖ]{1,4}\s?)?\d{1,2}(?:\.\d{1,2})?)\s*$")
# a group row naming a goal: "Fokusområde 1.1 Gator …", "Nämndmål 2", "Mål 3: Trygghet"
_GROUP_GOAL = re.compile(r"^(?:[^\W\d][\w-]*\s+){0,2}(?P<number>\d{1,2}(?:\.\d{1,2})?)\.?\s*[:–—-]?\s*(?P<rest>.*)$")
_INDICATOR_REF = re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,4})\s?([a-h])\)?")  # "4.1.1 a": indicator a) under 4.1.1
_CODE_IN_CELL = re.compile(r"(?:^|(?<=\s))([A-ZÅÄÖ]{1,3})\s?(\d{1,2})\s+(?=[A-ZÅÄÖ])")  # "A2 Kil ska …"
_LETTERED_CODE_IN_CELL = re.compile(r"(?:^|(?<=\s))([A-ZÅÄÖ]{1,3}\s?\d{1,2}(?:\.\d{1,2})?)\s?([a-h])\)\s+")  # "A1 b) "


def _coded_run(cell: str) -> list[str]:
    """The coded goals one cell runs together ("A1 Fler bostäder …. A2 Kil
    ska …"): from the cell's start, codes of one scheme numbered in order,
    each kept with its goal; empty for a cell of one goal."""
    starts = []
    for m in _CODE_IN_CELL.finditer(cell):
        letters, number = m.group(1), int(m.group(2))
        if not starts:
            if m.start() != 0:
                return []
            starts.append((m.start(), letters, number))
        elif letters == starts[-1][1] and number == starts[-1][2] + 1:
            starts.append((m.start(), letters, number))
    if len(starts) < 2:
        return []
    bounds = [b for b, _, _ in starts] + [len(cell)]
    return [cell[a:b].strip() for a, b in zip(bounds, bounds[1:]) if cell[a:b].strip()]


def _lettered_items(cell: str) -> list[tuple[str, str]]:
    """(goal code, item) of the items one cell runs together under their
    goals' codes and letters ("A1 a) Antal färdigställda bostäder … A1 b) …
    A2 a) …"); empty unless the cell opens with such a marker and holds two."""
    marks = list(_LETTERED_CODE_IN_CELL.finditer(cell))
    if len(marks) < 2 or marks[0].start() != 0:
        return []
    bounds = [m.start() for m in marks] + [len(cell)]
    return [(m.group(1), cell[m.end():end].strip()) for m, end in zip(marks, bounds[1:])
            if cell[m.end():end].strip()]


_GOAL_NUMBER_IN_CELL = re.compile(r"(?:^|(?<=\s))(\d{1,2})\.(\d{1,2})\.?\s+(?=[A-ZÅÄÖ])")  # "1.2 Parker, ..."


# a cell closing with a figure that is no year ("Deltagare i arbetsmarknadsinsatser, antal 212"): no header
# "9 330", "4,5", "150", "12 %": a cell of one figure, not a year (a header cell may be "2026")
_FIGURE_CELL = re.compile(r"[-−]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+,\d+|\d{3}|\d+\s?%)")
_FIGURE_END = re.compile(r"(?<![\d\s])\s+(?!(?:19|20)\d\d$)[-−]?(?:\d{2,}[\d\s]*(?:,\d+)?|\d+,\d+|\d+\s*%)\s*%?$")


def _period_action_columns(columns, rows, roles) -> list[int]:
    """The columns of a roadmap whose headers are periods and whose cells hold
    actions in words ("Delmål | 2026 | 2027 | 2028–2030" over "a) | • Avgiftsfri
    spontanidrott … | • Aktivitetsbaserat lov …"): a table with a goal column and
    no column of items of its own; empty for a table of figures by year."""
    if not roles.goal or roles.activity or roles.indicator:
        return []
    periods = [i for i, c in enumerate(columns) if c.role in ("outcome", "timeline") and (c.year or c.role == "timeline")]
    if len(periods) < 2:
        return []
    cells = [C.clean_cell(r[i]) for r in rows for i in periods
             if i < len(r) and C.clean_cell(r[i]) and not C.is_blank_value(C.clean_cell(r[i]))]  # "–": nothing that year
    worded = [c for c in cells if len(c.split()) >= MIN_ACTION_WORDS and parse_value(c) is None
              and not _states_level(c)  # "Minst 2,0 %", "Budget i balans": targets by year
              and C.status_word(c) is None]  # "Delvis uppfyllt": a goal's attainment by year
    return periods if cells and len(worded) >= WORDED_SHARE * len(cells) else []


def place_rows(table: Table, kommun: Optional[str]) -> Optional[list[IndicatorValue]]:
    """The kommun's values in the table of a chart comparing it with others by
    year ("2021 | 2022 | …" over "Gagnef | 80,2 | …" and "Riket | 84,2 | …"),
    the label and first figure sometimes run together in one cell; None for
    another table."""
    periods = [C.column_role(h) for h in table.header if C.clean_cell(h)]
    if not kommun or len(periods) < 2 or any(c.role != "outcome" or c.year is None for c in periods):
        return None
    others = [C.normalize(w) for w in C.column_rules().comparison_rows]
    own_values = None
    for row in table.rows:
        cells = [C.clean_cell(c) for c in row]
        figure = re.match(r"^(?P<label>\D+?)\s+(?P<value>[−-]?\d[\d \u202f]*(?:,\d+)?\s*%?|[–-])$", cells[0] or "")
        label = figure.group("label") if figure and len(cells) == len(periods) else cells[0]
        values = ([figure.group("value")] + cells[1:]) if figure and len(cells) == len(periods) else cells[1:]
        if len(values) != len(periods):
            return None
        if C.normalize(label) == C.normalize(kommun) or C.normalize(label) == C.normalize(kommun + " kommun"):
            own_values = [IndicatorValue(period=str(c.year), value=parse_value(v), text=v)
                          for c, v in zip(periods, values) if v and not C.is_blank_value(v)]
        elif C.normalize(label) not in others:
            return None
    return own_values


_AREA_LETTER = re.compile(r"^([A-H])[.)]?\s+(?=[A-ZÅÄÖ])")


def goal_time_matrix(table: Table) -> Optional[dict[int, int]]:
    """Column -> year of a table of goals by area and deadline: a goal column
    first, then columns headed by a deadline ("Senast 2026", "Till 2030",
    "2028") whose cells state goals in words; None for another table."""
    columns = C.column_roles(table.header)
    if len(columns) < 3 or columns[0].role != "goal" or not table.rows:
        return None
    deadline = set(C.column_rules().deadline_words) | {"till", "år"}
    years = {}
    for i, column in enumerate(columns[1:], start=1):
        words = re.sub(r"(?:19|20)\d\d", " ", C.clean_cell(column.header)).lower().split()
        if column.year is None or any(w not in deadline for w in words):
            return None
        years[i] = column.year
    cells = [C.clean_cell(r[i]) for r in table.rows for i in years if i < len(r)]
    stated = [c for c in cells if c and not C.is_blank_value(c)]
    if not stated or any(len(c.split()) < 4 or parse_value(c) is not None for c in stated):
        return None
    return years


def status_columns(table: Table) -> Optional[list[int]]:
    """The columns of a table whose every header names where actions stand,
    a period after it or not ("Genomfört under 2025 | Påbörjat, fortsätter
    2026"), their cells worded; None for another table."""
    headers = [C.clean_cell(h) for h in table.header]
    if len(headers) < 2 or not all(headers) or not table.rows:
        return None
    for header in headers:
        first = re.split(r"[,;:]|\s[–-]\s", header)[0]  # "Genomfört januari–augusti": the months are its period
        words = re.sub(r"\b(?:under|till|från|och|(?:19|20)\d\d|året|perioden)\b", " ", first.lower()).split()
        words = [w for w in words if not all(is_period(part) for part in re.split(r"[–-]", w) if part)]
        if not words or not all(C.activity_status(w) or C.activity_status(w[:-1] + "d") for w in words):
            return None
    cells = [C.clean_cell(c) for row in table.rows for c in row if C.clean_cell(c).strip("–- ")]
    if not cells or any(parse_value(c) is not None or len(c.split()) < MIN_ACTION_WORDS for c in cells):
        return None
    return list(range(len(headers)))


def action_cards(table: Table) -> Optional[list[tuple[tuple[str, object], int]]]:
    """((title, fields), page) of each card of a header-less grid of action
    cards, every filled cell one card ("Åtgärd 3 Byta … Mål: M2 Ansvarig: …
    Genomförande: 2026–2028 Status: Ny åtgärd"); None for another table."""
    if any(C.clean_cell(h) for h in table.header):
        return None
    found = []
    for i, row in enumerate(table.rows):
        page = table.row_pages[i] if table.row_pages else table.page_start
        for cell in row:
            if not C.clean_cell(cell):
                continue
            card = action_card_run(C.clean_cell(cell))
            if card is None:
                return None
            found.append((card, page))
    return found or None


def actions_by_unit(table: Table) -> Optional[list[tuple[str, str, int]]]:
    """(action, responsible unit, page) of a header-less two-column table
    naming who in its first column, merged over that unit's rows, and what
    was or will be done in its second ("Kommunstyrelsen | Belysningen längs
    gångstråket … har byggts ut."); None for another table."""
    if any(C.clean_cell(h) for h in table.header) or not table.rows or any(len(r) != 2 for r in table.rows):
        return None
    units = [C.clean_cell(r[0]) for r in table.rows]
    actions = [C.clean_cell(r[1]) for r in table.rows]
    if not units[0] or not all(names_a_unit(u) for u in units if u) or not all(actions):
        return None
    if not all(len(a.split()) >= MIN_UNIT_ACTION_WORDS and parse_value(a) is None for a in actions):
        return None
    found, unit = [], None
    for i, (cell, action) in enumerate(zip(units, actions)):
        unit = cell or unit
        found.append((action, unit, table.row_pages[i] if table.row_pages else table.page_start))
    return found


RESTATED_INDICATOR_SIMILARITY = 90  # token-set similarity of a cell naming an indicator read before
MIN_UNIT_ACTION_WORDS = 4  # "… har byggts ut.": an action in words, not a figure or a name


def _area_action_columns(columns, rows) -> list:
    """``columns`` with an area's column that lists actions read as actions:
    "Utvecklingsområde 2024/25" over "Kartlägga otrygga platser …", "Införa
    …" (every cell a sentence opening with its verb) where no other column
    holds them; an area stated as a state to reach stays a goal."""
    if any(c.role == "activity" for c in columns):
        return columns
    prefixes = [p.lower() for p in prose.prose_rules().area_prefixes]
    out = list(columns)
    for i, column in enumerate(columns):
        header = C.clean_cell(column.header).lower()
        if column.role != "goal" or not any(header.startswith(p) for p in prefixes):
            continue
        cells = [C.clean_cell(r[i]) for r in rows if i < len(r) and C.clean_cell(r[i])]
        if cells and all(prose.opens_with_action(c) and c.endswith(".") for c in cells):
            out[i] = C.Column("activity", column.header, column.year)
    return out


def _states_level(cell: str) -> bool:
    """A cell stating a level to reach or a movement ("Minst 2,0 %", "Budget i balans", "Öka"); not
    an action ("Inventera alla enskilda avlopp …")."""
    if prose.opens_with_action(cell):
        return False
    found = column_target(cell, None)
    return found is not None and (found.target_value is not None or bool(found.direction))


WORDED_SHARE = 0.6  # most cells of a roadmap hold actions in words (a few may name a level in passing)
MIN_ACTION_WORDS = 2  # "Aktivitetsbaserat lov": words, not a figure
RESTATED_WORDING = 60  # wording similarity (link.wording_similarity) of a short name to the goal it names
MAX_SHORT_NAME_WORDS = 8


def _restated_goals(roles, rows, goals) -> dict[str, int]:
    """Goal cells of an action table that name, in a few words of their own,
    goals stated earlier ("Färre placeringar utanför hemmet" for "färre barn
    och unga ska behöva placeras utanför hemmet"): cell -> goal key, when
    every distinct cell of the column names a different earlier goal; else
    empty (the column states goals of its own)."""
    if not goals or len(roles.goal) != 1:
        return {}
    col = roles.goal[0]
    names = {C.clean_cell(r[col]) for r in rows if col < len(r) and C.clean_cell(r[col])}
    names = {n for n in names if not C.is_blank_value(n) and not table_rows.is_code(n)
             and not _GOAL_NUMBER.fullmatch(n)}
    if len(names) < 2 or any(len(n.split()) > MAX_SHORT_NAME_WORDS or C.is_goal_statement(n) for n in names):
        return {}
    found = {}
    for name in names:
        scored = sorted(((wording_similarity(name, g.text), g.key) for g in goals), reverse=True)
        if not scored or scored[0][0] < RESTATED_WORDING:
            return {}
        found[name] = scored[0][1]
    return found if len(set(found.values())) == len(found) else {}


_LETTERED_NUMBER = re.compile(r"(\d{1,2})[a-h]")  # "1a", "2b": the measures of goals 1 and 2, lettered


def _row_code(columns, cells, col: int) -> Optional[str]:
    """The code a number column left of a goal column gives its goal ("Nr | Verksamhetsmål": "V1")."""
    for i in range(col - 1, -1, -1):
        if columns[i].role != "ignore":
            continue
        if cells[i] and table_rows.is_code(cells[i]):
            return re.sub(r"\s+", " ", cells[i].strip().rstrip("."))
    return None


MIN_ACTION_SENTENCE_WORDS = 5


def split_actions(cell: str) -> list[str]:
    """The actions of one cell: its bullets, else its sentences where each
    says what is done ("Vi inför en e-tjänst … under våren. Vi erbjuder
    förhandsmöten … Handläggningstiderna publiceras varje månad …"); one
    action otherwise."""
    bulleted = C.split_bullets(cell)
    if len(bulleted) != 1:
        return bulleted
    said = C.sentences(bulleted[0])
    if len(said) < 2 or not all(len(s.split()) >= MIN_ACTION_SENTENCE_WORDS and s.endswith(".") for s in said):
        return bulleted
    return said


def _numbered_goals(cell: str) -> list[str]:
    """The goals of one cell: "1.1 Fler invånare ... 1.2 Nämndens mötesplatser
    ..." holds two, each with its number.  The numbers must run in order
    (1.1, 1.2, 1.3), so that a number inside a goal's words splits nothing."""
    bulleted = C.split_bullets(cell)
    if len(bulleted) > 1:
        return bulleted  # "• N1 Alla barn … • N2 Barn och elever …"
    cell = C.clean_text(cell, numbering=False)
    coded = _coded_run(cell)
    if coded:
        return coded  # "A1 Fler bostäder ska byggas …. A2 Kil ska ha …": two goals, each with its code
    starts = []
    for m in _GOAL_NUMBER_IN_CELL.finditer(cell):
        major, minor = int(m.group(1)), int(m.group(2))
        if not starts and m.start() != 0:
            return [cell]
        if not starts or (major, minor) == (starts[-1][1], starts[-1][2] + 1):
            starts.append((m.start(), major, minor))
    if len(starts) < 2:
        return [cell]
    bounds = [b for b, _, _ in starts] + [len(cell)]
    return [cell[a:b].strip() for a, b in zip(bounds, bounds[1:]) if cell[a:b].strip()]


def _split_merged_header(header, rows, pages, page):
    """A header the table finder ran together with the first row ("Åtgärd Öppna
    fritidsbanker … | Bidrar till Målområde 3 | Klart 2026"): each cell opens
    with a known column term, and the first cell runs on far past it."""
    cells = [C.clean_cell(h) for h in header]
    if not cells or len(cells[0].split()) <= MIN_MERGED_HEADER_WORDS:
        return header, rows, pages
    split_header, first_row = [], []
    for cell in cells:
        words = cell.split()
        for n in (1, 2, 3):  # the shortest term: "Åtgärd" of "Åtgärd Bilda ...", "Bidrar till" of "Bidrar till NV1"
            if len(words) > n and C.column_role(" ".join(words[:n])).role != "ignore":
                split_header.append(" ".join(words[:n]))
                first_row.append(" ".join(words[n:]))
                break
        else:
            return header, rows, pages
    return split_header, [first_row] + rows, [page] + pages


def _has_words(cell: str) -> bool:
    """An item's cell has words; "6" in "Indikatorer | Åtaganden" columns counts them."""
    return re.search(r"[^\W\d_]{2,}", cell) is not None


def _code_depth(code: str) -> int:
    return table_rows.code_number(code).count(".") + 1 if table_rows.code_number(code) else 0


def _set_marked(activities, columns, marks, cells) -> None:
    """An action's timeline and status from the marks of its row."""
    if not marks:
        return
    for name, value in table_rows.marked_fields(columns, marks, cells).items():
        for activity in activities:
            if value and getattr(activity, name) is None:
                setattr(activity, name, value)


def _wrapped(above: str, text: str) -> bool:
    """``text`` (a row with nothing else) ends the item ``above``: a few words
    after an item that ends no sentence ("Antal cykelpassager vid mätpunkten"
    / "Drottningtorget, per dygn"; "..., enligt resvaneundersökning," / "%")."""
    return not above.rstrip().endswith((".", "!", "?")) and len(text.split()) <= MAX_WRAPPED_WORDS


def _statistics_only(columns) -> bool:
    """A table of key figures: "Nyckeltal" as its only item column, no goal, no target."""
    roles = {c.role for c in columns}
    if roles & {"goal", "target", "activity"}:
        return False
    return all(C.column_role(c.header).role == "measure" for c in columns if c.role == "indicator")


_LABELLED_NUMBERS = re.compile(r"^[\w-]*mål\s+\d{1,2}(?:\.\d{1,2})?(?:\s*(?:,|och|–|-)\s*\d{1,2}(?:\.\d{1,2})?)*$", re.I)


def _names_goals_only(text: str) -> bool:
    """A goal cell that names goals rather than states one: "Nämndmål 3",
    "Nämndmål 1 och 2" (by label and number), "Verksamhetsmål", "Nämndmål och
    indikatorer" (a kind of item, in a table of the steering levels)."""
    cell = C.clean_cell(text)
    if _LABELLED_NUMBERS.match(cell):
        return True
    words = cell.split()
    return len(words) <= 4 and not C.is_goal_statement(cell) and C.heading_kind(cell) in ("goal", "indicator", "activity") \
        and C.column_role(cell).role in ("goal", "indicator", "measure", "activity", "activity_detail")


def _figures_only(columns) -> bool:
    """A table of figures: items named in one column, no goal, target or
    activity column beside them."""
    return not {c.role for c in columns} & {"goal", "target", "activity"}


def _is_group_row(cells: list[str], col: int) -> bool:
    """A row naming only a group of the rows below it (every other cell empty)."""
    return all(not cell for i, cell in enumerate(cells) if i != col)


def _has_group_rows(rows, item_cols) -> bool:
    """Rows naming groups between item rows: a few rows with the item cell
    alone in a table whose other rows fill more cells."""
    if not item_cols or len(rows) < 4:
        return False
    col = item_cols[0]
    cells = [[C.clean_cell(c) for c in row] for row in rows if col < len(row) and C.clean_cell(row[col])]
    alone = sum(1 for row in cells if _is_group_row(row, col))
    return 0 < alone < len(cells) - alone


def _row_labels(columns) -> list:
    """Columns of a table of targets whose rows are named by a label column
    ("Bana | Hastighet 2013 | Hastighet 2035 enligt målbild | Nuläge"): the
    first unnamed column holds the indicators, unnamed columns of a year their
    measured values.  Empty when the table has no target column."""
    if not any(c.role == "target" for c in columns):
        return []
    out, label = [], False
    for col in columns:
        if col.role == "ignore" and col.year is None and not label:
            col, label = C.Column("indicator", col.header), True
        elif col.role == "ignore" and col.year is not None:
            col = C.Column("outcome", col.header, year=col.year, period=str(col.year))
        out.append(col)
    return out if label else []


class _Card:
    """The goal card being read: its goal, last indicator and last activity."""

    def __init__(self, goal: Optional[int] = None) -> None:
        self.goal = goal
        self.top: Optional[int] = None  # the card's first goal, parent of the goals of later goal rows
        self.indicator: Optional[Indicator] = None
        self.activity: Optional[Activity] = None


MAX_CARD_LABEL_WORDS = 5
CARD_LABEL_SHARE = 0.6  # the share of a card's rows that open with a field's label
MIN_CARD_LABELS = 3
MAX_CARD_ITEM_LABEL_WORDS = 3  # "Nämndmål", "Bidrar till KF-mål", "Indikator", "Så gör vi 2026" (years not counted)
_CARD_ITEMS = {"goal", "indicator", "activity", "activity_detail"}


def card_rows(table: Table) -> Optional[list[tuple]]:
    """(label column, value, page) of each row of a goal card (a two-column
    table whose left cells are field labels: "Nämndmål", "Indikator",
    "Målvärde 2026", "Aktivitet", "Ansvarig"), or None for another table."""
    header = [C.clean_cell(c) for c in table.header]
    rows = ([list(table.header)] if any(header) else []) + [list(r) for r in table.rows]
    pages = ([table.page_start] if any(header) else []) + list(table.row_pages)
    if len(rows) < 3 or max(len(r) for r in rows) != 2:
        return None
    if any(header) and all(re.search(r"[^\W\d_]", h) for h in header) and all(
            C.column_role(h).role != "ignore" for h in header):
        return None  # "Indikator | Mål 2026": a header over rows of items, no card
    out, known = [], 0
    for r, row in enumerate(rows):
        label, value = (C.clean_cell(c) for c in (row + [""])[:2])
        if not label and not value:
            continue
        column = C.column_role(label) if label and len(label.split()) <= MAX_CARD_LABEL_WORDS else None
        if column is not None and column.role == "ignore" and not C.is_question(label) \
                and C.heading_kind(label) == "goal":
            column = C.Column("goal", label)  # "Det vill vi uppnå | …": what heads a goal heads the card's goal
        if column is not None and column.role in _CARD_ITEMS and (C.is_question(label) or (
                sum(1 for w in label.split() if re.search(r"[^\W\d_]", w)) > MAX_CARD_ITEM_LABEL_WORDS
                and C.heading_kind(label) != column.role)):  # "Det vill vi uppnå" heads goals as a heading would
            column = None  # "Vilket fokusområde stödjer projektet?": a form's question, no goal card
        if column is not None and column.role != "ignore":
            known += 1
        if column is not None and value:
            out.append((column, value, pages[r] if r < len(pages) else table.page_start))
    roles = {c.role for c, _, _ in out if c.role != "ignore"}
    items = roles & _CARD_ITEMS
    paired = "goal" in items and len(items) >= 2 and 2 * known >= len(out)
    if not out or len(roles) < 2 or (
            known < max(MIN_CARD_LABELS, CARD_LABEL_SHARE * len(out)) and not paired):
        return None  # two labels do when they name a goal and its measures ("Delmål | …", "Så följer vi upp | …")
    if not roles & _CARD_ITEMS:
        return None
    return out


# a bullet inside a cell: what stands before the first one is the cell's label
_CELL_BULLET = re.compile(r"\s*(?:\(cid:\d+\)|[•●▪■►➢–])\s+")


def labelled_cell_rows(table: Table) -> Optional[list[tuple]]:
    """The rows ``card_rows`` gives, of a header-less grid whose cells (at least
    half of them, a goal's and another item's among them) open with their own label ("Nämndens mål ÄLN 1.1 Fler äldre …" | "Så mäter vi •
    Andel …" / "Det här gör vi 2026 • Införa …" | "Risker och beroenden …"),
    read cell by cell, row by row; None for another table."""
    if any(C.clean_cell(h) for h in table.header):
        return None
    cells = [(C.clean_cell(cell), table.row_pages[r] if r < len(table.row_pages) else table.page_start)
             for r, row in enumerate(table.rows) for cell in row if C.clean_cell(cell)]
    out = []
    for cell, page in cells:
        found = _cell_label(cell)
        if found is not None:
            out.append((*found, page))
    items = {column.role for column, _, _ in out} & _CARD_ITEMS
    if 2 * len(out) < len(cells) or "goal" not in items or len(items) < 2:
        return None
    return out


def _cell_label(cell: str) -> Optional[tuple[C.Column, str]]:
    """(the field, the rest) of a cell opening with a field's label: the words
    before its first bullet, else its shortest opening words that name one."""
    bullet = _CELL_BULLET.search(cell)
    if bullet is not None and bullet.start() > 0:
        label = cell[:bullet.start()]
        if len(C._YEAR.sub("", label).split()) <= MAX_CARD_LABEL_WORDS:
            column = C.column_role(label)
            return (column, cell[bullet.start():].strip()) if column.role != "ignore" else None
    words = cell.split()
    for n in range(1, min(MAX_CARD_LABEL_WORDS, len(words) - 1) + 1):
        column = C.column_role(" ".join(words[:n]))
        if column.role == "goal":
            return column, C.ITEM_CODE.sub("", " ".join(words[n:]), count=1)  # "ÄLN 1.1 Fler äldre …": the code
    return None


_ITEM_ROLES = ("goal", "goal_or_target", "indicator", "measure", "activity", "activity_detail")


def _row_label_role(label: str) -> C.Column:
    """The field a row label names in a table laid on its side: "Mål" alone names
    the goals ("Mål 2026" stays a target), with no header of its own (the
    column's names their level)."""
    column = C.column_role(label)
    if column.role == "goal_or_target" and not C._YEAR.search(label):
        return C.Column("goal", "")
    return column
_MEASURES_LABEL = "Indikatorer"  # the name given to rows of figures whose kind row is lost


def kind_row_parts(table: Table, carried: Optional[str] = None) -> Optional[tuple[list[Table], str]]:
    """The parts of a table whose rows of one kind follow a row naming it
    ("Uppföljning | 2024 | Mål 2025 | Läge" over "Indikatorer", indicator rows,
    "Aktiviteter", activity rows): each part a table of its own, headed by
    that name, and the name of the last kind; None for another table.
    ``carried``: the kind named last in the table before, under the same
    header (rows going on after a page break)."""
    header = [C.clean_cell(h) for h in table.header]
    if len(header) < 2 or (header[0] and C.column_role(header[0]).role in _ITEM_ROLES):
        return None
    rows = [[C.clean_cell(c) for c in r] for r in table.rows]
    pages = list(table.row_pages) + [table.page_start] * len(rows)
    starts = []
    for i, row in enumerate(rows):
        label = row[0] if row else ""
        if label and not any(row[1:]) and len(label.split()) <= 2 and \
                C.column_role(label).role in ("indicator", "measure", "activity", "activity_detail"):
            starts.append(i)
    if starts and starts[0] != 0:
        # rows before the first kind row, its name left on the page before: rows
        # of figures are measures, others go on with the kind named last
        leading = rows[:starts[0]]
        if all(any(re.search(r"\d", c) for c in row[1:]) for row in leading):
            carried = _MEASURES_LABEL
        if carried:
            rows, pages = [[carried] + [""] * (len(header) - 1)] + rows, [table.page_start] + pages
            starts = [0] + [i + 1 for i in starts]
    if not starts or starts[0] != 0 or len(starts) < 2:
        return None
    parts = []
    for a, b in zip(starts, starts[1:] + [len(rows)]):
        if b - a < 2:
            continue
        parts.append(dataclasses.replace(
            table, header=[rows[a][0]] + list(table.header[1:]), rows=[list(r) for r in rows[a + 1:b]],
            row_pages=pages[a + 1:b], page_start=pages[a + 1]))
    return (parts, rows[starts[-1]][0]) if parts else None


MAX_TRANSPOSED_ROWS = 4


MAX_MATRIX_LABEL_WORDS = 5  # "Indikatorer (målvärde 2026)"


def matrix_upright(table: Table) -> Optional[Table]:
    """A goal matrix laid on its side, turned upright; None for another table.

    Its first column names what each row holds ("Målområde",
    "Kommunfullmäktiges mål", "Nämndens mål", "Indikatorer (målvärde 2026)",
    "Aktiviteter 2026": two rows of items at least, goals among them) under
    an empty corner cell or no header at all, each once, and each further
    column (two at least) is one goal area.  Turned upright, those names are
    the header and each area is a row.
    """
    header = [C.clean_cell(h) for h in table.header]
    rows = [list(r) for r in table.rows]
    # "Målkarta | RS 2.1 | RS 2.2": a title in the corner over the codes of the goals, one a column
    coded = len(header) >= 3 and all(table_rows.is_code(h) for h in header[1:])
    if len(rows) < 2 or (any(header) and header[0] and not coded):
        return None
    labels = [C.clean_cell(r[0] if r else "") for r in rows]
    if any(not label or label[-1:] in ".!?" or (
            len(label.split()) > MAX_MATRIX_LABEL_WORDS and C.column_role(label).role == "ignore") for label in labels):
        return None  # a longer label only where it names a field ("Så vet vi att vi lyckas")
    if len(set(labels)) < len(labels) or max(len(r) for r in rows) < 3:
        return None  # a card of one goal ("Nämndmål | …", "Styrtal | …", "Styrtal | …"), not areas side by side
    kinds = []
    for r, label in enumerate(labels):
        role = _row_label_role(label).role
        if role == "target" and _states_goals(rows[r][1:]):
            role, labels[r] = "goal", "Mål"  # "Mål 2029 | Alla barn och unga … har möjlighet att skapa …": the goal, dated
        kinds.append("activity" if role and role.startswith("activity") else role)
    items = [kind for kind in kinds if kind in ("goal", "indicator", "activity")]
    known = [kind for kind in kinds if kind not in (None, "ignore")]  # items and their fields
    if "goal" not in items or len(items) < 2 or len(known) * 2 < len(kinds):
        return None
    width = max(len(r) for r in rows)
    upright = [[r[c] if c < len(r) else "" for r in rows] for c in range(1, width)]
    if coded:
        goal_row = kinds.index("goal")
        for column, row in enumerate(upright, start=1):
            if column < len(header) and C.clean_cell(row[goal_row]):
                row[goal_row] = f"{header[column]} {row[goal_row]}"  # "RS 2.1 Utsläppen … ska minska."
    if len(upright) < 1 or not any(any(C.clean_cell(cell) for cell in row) for row in upright):
        return None
    return dataclasses.replace(table, header=labels, rows=upright, row_pages=[table.page_start] * len(upright))


MIN_MATRIX_GOAL_WORDS = 5


def _states_goals(cells) -> bool:
    """Whether a matrix row's cells state goals (each a sentence of a few
    words, "–" where an area has none) rather than give target values."""
    texts = [C.clean_cell(c) for c in cells]
    texts = [t for t in texts if t.strip("–- ")]
    return bool(texts) and all(
        len(re.findall(r"[^\W\d_]{2,}", t)) >= MIN_MATRIX_GOAL_WORDS and t[-1:] in ".!" for t in texts)


def transposed_rows(table: Table) -> Optional[tuple[list, list[tuple[str, list[str]]]]]:
    """(period columns, (role, cells) rows) of a table laid on its side: its
    header the periods ("2023 | 2024 | Tertial 2 2025", with an empty corner
    cell or none), each row named by a label ("Utfall", "Målvärde") that may
    run into its first value ("Utfall 88"); None for another table."""
    header = [C.clean_cell(h) for h in table.header]
    corner = bool(header) and not header[0]
    periods = header[1:] if corner else header
    if not periods or not all(C._YEAR.search(h) for h in periods):
        return None
    rows = [[C.clean_cell(c) for c in r] for r in table.rows]
    if not rows or len(rows) > MAX_TRANSPOSED_ROWS:
        return None
    out = []
    for row in rows:
        first = row[0] if row else ""
        label, rest = _row_label(first)
        if label is None:
            return None
        cells = row[1:] if corner else [rest] + row[1:]
        out.append((label, (cells + [""] * len(periods))[:len(periods)]))
    if not any(role == "target" for role, _ in out):
        return None
    return [C.Column("outcome", h, year=int(C._YEAR.findall(h)[-1][0])) for h in periods], out


MIN_COLUMN_NAME_WORDS = 3  # an indicator named in a header cell is a phrase, not a period or a label
PERIOD_CORNERS = ("", "period", "år", "mätår", "mätperiod")  # the corner over a column of periods


@dataclasses.dataclass
class IndicatorColumns:
    """A table whose columns are indicators: their names, the rows of periods
    and targets, and per column the goal it serves and its Kolada id where a
    row names them ("Avser mål | 1 | 1 | 2", "Kolada-id | N15428 | – | –")."""

    names: list[str]
    rows: list[tuple[C.Column, str, list[str]]]
    goals: list[str]
    kolada: list[str]


def _indicator_name(name: str, min_words: int) -> bool:
    """Whether a header cell names an indicator, not a period, a label or a field."""
    words = len(name.split())
    role = C.column_role(name).role
    if words < min_words or role in ("outcome", "target", "goal"):
        return False
    if C._YEAR.search(name) and words < MIN_COLUMN_NAME_WORDS + 1:
        return False  # "Utfall 2023", "Mål 2026": a period; "Ny cykelväg sedan 2023, km" names a measure
    # a long name is judged by its words, not by one that looks like a header's
    # ("Väntetid till särskilt boende, dagar" is no timeline)
    return role in ("ignore", "indicator", "measure") or words >= MIN_COLUMN_NAME_WORDS + 1


def _reference_row(label: str, cells: list[str]) -> Optional[str]:
    """"goal" for a row naming the goal each column serves ("Avser mål",
    "Mål" with no year), "kolada" for a row of Kolada ids ("Kolada-id |
    N15428 | –"); else None."""
    if C._YEAR.search(label):
        return None
    if kolada_ids(" ".join(cells)):
        return "kolada"
    role = C.column_role(label).role
    return "goal" if role in ("goal", "goal_or_target") else None


def indicator_columns(table: Table) -> Optional[IndicatorColumns]:
    """The indicators of a table whose columns are indicators and whose rows
    are periods and a target: "Andel (%) | Elever i åk 5 som känner sig
    trygga | …" over "Vt 2023 | 89 | …" and "Målvärde 2025 | Minst 90 | …";
    None for another table."""
    header = [C.clean_cell(h) for h in table.header]
    if len(header) < 3 or not table.rows:
        return None
    names = header[1:]
    # under an empty or "Period" corner a name of two words will do ("Budgetavvikelse, mnkr")
    min_words = MIN_COLUMN_NAME_WORDS - 1 if header[0].lower() in PERIOD_CORNERS else MIN_COLUMN_NAME_WORDS
    if not all(_indicator_name(name, min_words) for name in names):
        return None
    rows, references = [], {}
    for raw in table.rows:
        cells = [C.clean_cell(c) for c in raw] + [""] * len(header)
        reference = _reference_row(cells[0], cells[1:])
        if reference is not None and reference not in references:
            references[reference] = cells[1:len(header)]
            continue
        column = C.column_role(cells[0])
        if not C._YEAR.search(cells[0]) or column.role not in ("target", "outcome", "ignore"):
            return None  # a row label that is no period and no target: another kind of table
        rows.append((column, cells[0], cells[1:len(header)]))
    if not any(c.role == "target" for c, _, _ in rows) or all(c.role == "target" for c, _, _ in rows):
        return None
    blank = [""] * len(names)
    return IndicatorColumns(names, rows, references.get("goal", blank), references.get("kolada", blank))


def _row_label(cell: str) -> tuple[Optional[str], str]:
    """("target", "Minst 88") of "Målvärde Minst 88": the role its opening word names."""
    words = cell.split()
    for n in (1, 2):
        if len(words) >= n:
            role = C.column_role(" ".join(words[:n])).role
            if role in ("outcome", "target", "goal_or_target") and not C._YEAR.search(" ".join(words[:n])):
                return ("target" if role != "outcome" else "outcome"), " ".join(words[n:])
    return None, ""


def has_items(columns) -> bool:
    return any(c.role in ("goal", "indicator", "activity") for c in columns)


def is_fields_table(columns) -> bool:
    """A table of an action's fields only ("Förvaltning/Bolag | Ansvarig | Tidsplan"),
    not a calendar ("När | Vad | Vem")."""
    if columns and C.is_calendar_header(columns[0].header):
        return False
    roles = {c.role for c in columns}
    return bool(roles & {"responsible", "timeline"}) and roles <= set(C.ACTIVITY_FIELD_ROLES) | {"ignore"}
