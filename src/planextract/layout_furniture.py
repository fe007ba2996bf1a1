"""Page furniture: running headers, footers, page numbers and tables of contents.

Applied to a whole document after its pages are read: a running line
repeats in the outer margin of many pages; a page-number line is told by
its form ("17 (34)", "Sida 3 av 12") or by counting with the pages; a
table of contents by its heading and entries ending in page numbers.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict

from .layout_lines import SETTINGS, LayoutSettings
from .models import Line, PageLayout
from .rules import RulesModel, load_rules


class LayoutRules(RulesModel):
    """``rules/layout.yaml``: TOC headings and page-number patterns."""

    toc_headings: list[str]
    page_number_patterns: list[str]


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[frozenset, tuple]:
    rules = load_rules("layout.yaml", LayoutRules)
    patterns = tuple(re.compile(rf"^\s*(?:{p})\s*$", re.IGNORECASE) for p in rules.page_number_patterns)
    return frozenset(h.casefold() for h in rules.toc_headings), patterns


# --------------------------------------------------------------------------
# Running headers, footers and page numbers
# --------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+")


def _mask(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def _page_number_value(text: str) -> int | None | bool:
    """The number of a page-number line, ``True`` when it has none, ``None`` when it is not one."""
    _, patterns = _rules()
    for pattern in patterns:
        match = pattern.match(text)
        if match:
            value = match.groupdict().get("n")
            return int(value) if value else True
    return None


def _in_margin(line: Line, page: PageLayout, settings: LayoutSettings) -> str | None:
    if line.bottom <= page.height * settings.margin:
        return "top"
    if line.top >= page.height * (1 - settings.margin):
        return "bottom"
    return None


def _edge_lines(page: PageLayout, settings: LayoutSettings) -> list[tuple[Line, str]]:
    """Margin lines with no body text between them and the page edge."""
    found = []
    for zone in ("top", "bottom"):
        lines = sorted(page.lines, key=lambda l: l.top, reverse=zone == "bottom")
        for line in lines:
            where = _in_margin(line, page, settings)
            if where != zone:
                break
            found.append((line, zone))
    return found


def remove_running_lines(pages: list[PageLayout], settings: LayoutSettings = SETTINGS) -> None:
    """Move running headers, footers and page numbers from ``lines`` to ``removed``.

    A running line sits in the top or bottom margin, with no body text
    between it and the page edge, and its text with digits masked repeats
    at about the same place on several pages; a page-number line ("17 (34)",
    "Sida 3 av 12", "- 3 -", a bare number counting with the pages) goes
    wherever it repeats or not.
    """
    text_pages = [page for page in pages if page.lines]
    candidates = {page.number: _edge_lines(page, settings) for page in text_pages}
    # where each masked text occurs: zone -> mask -> [(page, top)]
    seen: dict = defaultdict(list)
    for number, items in candidates.items():
        for line, zone in items:
            seen[(zone, _mask(line.text))].append((number, line.top, line.x0))
    needed = max(2, math.ceil(settings.repeat_share * len(text_pages)))
    # page numbers printed as bare numbers: most common offset from the PDF page number
    offsets: Counter = Counter()
    for number, items in candidates.items():
        for line, zone in items:
            value = _page_number_value(line.text)
            if isinstance(value, int) and not isinstance(value, bool):
                offsets[value - number] += 1
    usual_offsets = {offset for offset, count in offsets.items() if count >= 2 or len(text_pages) <= 2}
    for page in text_pages:
        remove = []
        edge = {id(line) for line, _ in candidates[page.number]}
        body = [line for line in page.lines if id(line) not in edge]
        body_top = min((line.top for line in body), default=math.inf)
        body_bottom = max((line.bottom for line in body), default=-math.inf)
        for line, zone in candidates[page.number]:
            value = _page_number_value(line.text)
            if value is True or (value is not None and (value - page.number) in usual_offsets):
                remove.append(line)
                continue
            if value is not None and _DIGITS.fullmatch(line.text.strip()) is None:
                remove.append(line)  # "Sida 3", "17 (34)": page numbers by their form
                continue
            # repeated text: a header or footer keeps its distance from the
            # body; a table's header row repeated on each page does not
            height = line.bottom - line.top
            gap = body_top - line.bottom if zone == "top" else line.top - body_bottom
            inside = line.bottom <= page.height * settings.running_margin or line.top >= page.height * (1 - settings.running_margin)
            if gap < height or not inside:
                continue
            places = seen[(zone, _mask(line.text))]
            near = {
                number
                for number, top, x0 in places
                if abs(top - line.top) <= settings.repeat_offset
            }
            if len(near) >= needed and len(near) >= 2:
                remove.append(line)
        if remove:
            ids = {id(line) for line in remove}
            page.removed.extend(remove)
            page.lines = [line for line in page.lines if id(line) not in ids]


# --------------------------------------------------------------------------
# Tables of contents
# --------------------------------------------------------------------------

_LEADER_NUMBER = re.compile(r"(?:\.{2,}|…+|(?:\. ){2,}|_{3,})\s*(\d{1,4})$")
_TRAILING_NUMBER = re.compile(r"\s(\d{1,4})$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_WORD = re.compile(r"[^\W\d]{3,}")


def _toc_entries(page: PageLayout) -> list[tuple[int, int]]:
    """``(line index, page number)`` of the entries of a table of contents, in reading order.

    An entry ends in a dot leader and a number, or is a row whose last line
    is a bare number after text; numbers after words without a leader
    ("3.1 Mål 12") count negative, as weak evidence.
    """
    found: dict[int, int] = {}
    for row in _line_rows(page.lines):
        row.sort(key=lambda l: l.x0)
        for i, line in enumerate(row):
            text = line.text.strip()
            if not text[-1:].isdigit():
                continue
            match = _LEADER_NUMBER.search(text)
            if match:
                found[id(line)] = int(match.group(1))
            elif i and i == len(row) - 1 and _BARE_NUMBER.match(text) and re.search(r"[^\W\d]", row[i - 1].text):
                found[id(line)] = int(text)
            elif len(row) == 1:
                trailing = _TRAILING_NUMBER.search(text)
                if trailing and _WORD.search(text, 0, trailing.start()):
                    found[id(line)] = -int(trailing.group(1))
    return [(i, found[id(line)]) for i, line in enumerate(page.lines) if id(line) in found]


def _line_rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into rows by their vertical centres."""
    rows: list[list[Line]] = []
    limit = -math.inf
    for line in sorted(lines, key=lambda l: l.top + l.bottom):
        centre = (line.top + line.bottom) / 2
        if centre <= limit:
            rows[-1].append(line)
        else:
            rows.append([line])
            limit = centre + 0.5 * max(line.bottom - line.top, 1.0)
    return rows


def _toc_block(page: PageLayout, page_count: int) -> tuple[int, int] | None:
    """The slice ``(start, end)`` of ``page.lines`` holding a table of contents, or ``None``.

    A TOC is a heading ("Innehåll") with at least three entries whose page
    numbers mostly ascend, or, without a heading, six or more entries with
    a dot leader or a page number of their own that make up half the page.
    """
    if not page.lines:
        return None
    headings, _ = _rules()
    heading = next(
        (i for i, line in enumerate(page.lines[:8]) if line.text.strip().rstrip(":").casefold() in headings),
        None,
    )
    entries = _toc_entries(page)
    strong = [(i, n) for i, n in entries if n >= 0]
    usable = entries if heading is not None else strong
    plausible = [(i, abs(n)) for i, n in usable if abs(n) <= page_count + 20]
    numbers = [n for _, n in plausible]
    ascending = sum(1 for a, b in zip(numbers, numbers[1:]) if b >= a)
    ordered = not numbers[1:] or ascending >= 0.7 * (len(numbers) - 1)
    if not ordered or not plausible:
        return None
    if heading is not None and len(plausible) >= 3:
        return heading, max(i for i, _ in plausible) + 1
    if len(strong) >= 6 and len(plausible) >= 0.5 * len(_line_rows(page.lines)):
        return min(i for i, _ in plausible), max(i for i, _ in plausible) + 1
    return None


def is_toc_page(page: PageLayout, page_count: int) -> bool:
    """True for a page that is mostly a table of contents."""
    block = _toc_block(page, page_count)
    return block is not None and block[1] - block[0] >= 0.6 * len(page.lines)


def mark_toc(page: PageLayout, page_count: int) -> None:
    """Set ``is_toc`` on a table-of-contents page.

    A short table of contents at the top of a page that goes on with text
    (a summary, a table) is not marked: its lines move to ``removed``, like
    running headers, so the rest of the page stays content.
    """
    block = _toc_block(page, page_count)
    if block is None:
        return
    start, end = block
    if end - start >= 0.6 * len(page.lines):
        page.is_toc = True
        return
    page.removed.extend(page.lines[start:end])
    page.lines = page.lines[:start] + page.lines[end:]
