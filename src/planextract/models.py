"""Plain domain objects that flow through the pipeline.

PDF -> layout (:class:`PageLayout` of :class:`Line`) -> structure
(:class:`Section`, :class:`Block`, :class:`Table`) -> classified items
(:class:`Goal`, :class:`Indicator`, :class:`Target`, :class:`Activity`)
-> store.

Every object that comes from a page carries ``page`` (1-based) and ``bbox``
as ``(x0, top, x1, bottom)`` in PDF points, origin at the top-left corner of
the page (pdfplumber's convention).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Tuple

BBox = Tuple[float, float, float, float]


def union_bbox(boxes) -> Optional[BBox]:
    """The smallest box holding all ``boxes`` (``None`` when there are none)."""
    boxes = [b for b in boxes if b is not None]
    if not boxes:
        return None
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


# --------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------


@dataclass
class Line:
    """One line of text on a page, already normalised (ligatures, soft hyphens)."""

    text: str
    page: int
    bbox: BBox
    font_size: float
    bold: bool = False
    italic: bool = False
    fontname: str = ""

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


@dataclass
class PageLayout:
    """The text lines of one page after running headers/footers are removed.

    ``source`` is ``"text"`` for the PDF's text layer and ``"ocr"`` when the
    lines were recognised from an image of the page.  ``is_toc`` marks a
    table-of-contents page, whose lines are not document content.
    """

    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    source: str = "text"
    is_toc: bool = False
    removed: list[Line] = field(default_factory=list)  # running headers/footers

    @property
    def has_text(self) -> bool:
        return any(line.text.strip() for line in self.lines)


# --------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------


@dataclass
class Table:
    """A table, joined across pages when it continues on the next one.

    ``header`` holds the column names (empty strings where a column has
    none); ``rows`` the body rows, each as long as ``header``.  ``quality``
    is a small report on how the table was found (``strategy``: ``lines`` or
    ``text``; ``continued``: number of page joins; ``filled``: share of
    non-empty cells).
    """

    page_start: int
    page_end: int
    bbox: BBox
    header: list[str]
    rows: list[list[str]]
    section_index: Optional[int] = None
    quality: dict = field(default_factory=dict)
    # per-row page numbers (a joined table spans pages); same length as rows
    row_pages: list[int] = field(default_factory=list)
    # the table's box on each page it covers (page number -> bbox); ``bbox``
    # is the box on ``page_start``
    page_bboxes: dict[int, BBox] = field(default_factory=dict)

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    @property
    def n_cols(self) -> int:
        return len(self.header) or max((len(row) for row in self.rows), default=0)  # a table without a header

    def __repr__(self) -> str:  # short, like camelot's
        return (
            f"<Table p{self.page_start}-{self.page_end} "
            f"{self.n_rows}x{self.n_cols} header={self.header[:4]!r}>"
        )


@dataclass
class Section:
    """A heading and what stands under it until the next heading of its level or above.

    ``index`` is the position in :attr:`ParsedDocument.sections`;
    ``parent_index`` points at the enclosing section (``None`` at the top).
    """

    index: int
    parent_index: Optional[int]
    level: int
    number: Optional[str]
    heading: str
    page: int
    bbox: BBox
    font_size: float = 0.0
    bold: bool = False


@dataclass
class Block:
    """A paragraph or a list item, under the section with ``section_index``.

    ``kind`` is ``"paragraph"`` or ``"list_item"``.  ``marker`` is the bullet
    or number that opened a list item (removed from ``text``); ``depth`` the
    nesting of a list item (0 for the outermost).
    """

    kind: str
    text: str
    page: int
    bbox: BBox
    section_index: Optional[int] = None
    marker: Optional[str] = None
    depth: int = 0
    font_size: float = 0.0
    bold: bool = False


@dataclass
class DocumentMeta:
    """What a document says of itself (or its file name says of it)."""

    kommun: Optional[str] = None
    kommun_code: Optional[str] = None
    org_type: Optional[str] = None  # kommun | region | kommunalforbund
    organ: Optional[str] = None
    doc_type: Optional[str] = None
    period_start: Optional[int] = None
    period_end: Optional[int] = None
    adopted: Optional[str] = None  # ISO date
    diarienummer: Optional[str] = None
    title: Optional[str] = None
    # the organisation as named in the reference tables ("Alingsås kommun",
    # "Västra Götalandsregionen") or, for a kommunalförbund, in the text
    org_name: Optional[str] = None


@dataclass
class ParsedDocument:
    """Everything the structure layer found in one PDF, in reading order."""

    pages: int
    sections: list[Section] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    ocr_pages: int = 0
    toc_pages: list[int] = field(default_factory=list)


# --------------------------------------------------------------------------
# Classified items
# --------------------------------------------------------------------------

# Where an item came from.
SOURCES = ("table", "list", "heading", "prose")
GOAL_LEVELS = ("kf", "namnd", "verksamhet")
DIRECTIONS = ("increase", "decrease", "maintain", "reach")
TARGET_OPS = (">=", ">", "<=", "<", "=")


@dataclass
class Target:
    """A target value or direction for an indicator (or a goal without one)."""

    text: str
    direction: Optional[str] = None
    target_op: Optional[str] = None
    target_value: Optional[float] = None
    unit: Optional[str] = None
    target_year: Optional[int] = None
    baseline_value: Optional[float] = None
    baseline_year: Optional[int] = None


@dataclass
class IndicatorValue:
    """A measured value of an indicator for one period (an outcome column)."""

    period: str
    value: Optional[float]
    text: str


@dataclass
class Goal:
    """A goal (mål).  ``key`` is unique within the document."""

    key: int
    level: Optional[str]
    text: str
    page: int
    bbox: Optional[BBox]
    source: str
    parent_key: Optional[int] = None
    status: Optional[str] = None  # met | partly | not_met (follow-ups)
    status_text: Optional[str] = None
    target: Optional[Target] = None  # a target stated on the goal itself


@dataclass
class Indicator:
    """An indicator (indikator, nyckeltal) with its targets and values."""

    key: int
    text: str
    page: int
    bbox: Optional[BBox]
    source: str
    goal_key: Optional[int] = None
    measure: Optional[str] = None
    kolada_kpi: Optional[str] = None
    targets: list[Target] = field(default_factory=list)
    values: list[IndicatorValue] = field(default_factory=list)


@dataclass
class Activity:
    """An activity (aktivitet, åtgärd, insats)."""

    key: int
    text: str
    page: int
    bbox: Optional[BBox]
    source: str
    goal_key: Optional[int] = None
    detail: Optional[str] = None
    responsible: Optional[str] = None
    timeline: Optional[str] = None
    follow_up: Optional[str] = None
    status: Optional[str] = None


@dataclass
class Extraction:
    """The items of one document, linked by ``key``."""

    goals: list[Goal] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    # texts the rules read as items named again ("1 Trygghet" for goal 1): no items of their own
    restated: list[str] = field(default_factory=list)


@dataclass
class DocumentResult:
    """What processing one file yields: handed from a worker to the writer.

    ``status`` is ``ok``, ``no_text`` (no text layer and no OCR) or
    ``failed``; ``error`` says why for the latter two.
    """

    path: str
    sha256: str
    status: str
    error: Optional[str] = None
    parsed: Optional[ParsedDocument] = None
    extraction: Optional[Extraction] = None
    seconds: float = 0.0
