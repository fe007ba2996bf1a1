"""Render one corpus spec to PDF bytes with reportlab, recording where things landed.

Every heading, list item, prose paragraph and table row that the spec
describes is drawn by a flowable carrying a tracking id; the document
template's ``afterFlowable`` hook records the page it was drawn on, so the
expected structure and the gold pages come from the real render, not from
guesses.  Rendering is repeated until the running footer's page total and
the table of contents are stable, then the last pass is kept.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

SOFT_HYPHEN = "\u00ad"
SOFT_MARK = "{-}"  # how a spec writes a soft hyphen
BULLETS = {"bullet": "\u2022", "dash": "\u2013"}
FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"),
}


class SpecError(ValueError):
    """A corpus spec is malformed (names the spec and the problem)."""


def to_pdf_text(text: str) -> str:
    """Spec text to printed text: soft-hyphen marks become U+00AD."""
    return str(text).replace(SOFT_MARK, SOFT_HYPHEN)


def plain(text: str) -> str:
    """Spec text as a reader sees it: no soft hyphens, white space folded."""
    return " ".join(str(text).replace(SOFT_MARK, "").replace(SOFT_HYPHEN, "").split())


def markup(text: str) -> str:
    """Spec text to reportlab paragraph markup (escaped, soft hyphens kept)."""
    return escape(to_pdf_text(text))


def cell_lines(cell) -> list[str]:
    """A table cell as its printed lines (paragraphs); ``\\n`` separates them."""
    return [line for line in str(cell if cell is not None else "").split("\n") if line.strip()]


def cell_text(cell, keep_bullets: bool = True) -> str:
    """A cell's text folded to one line (what a table extractor should give)."""
    parts = []
    for line in cell_lines(cell):
        line = line.strip()
        if not keep_bullets and line[:1] in "\u2022\u2013-" and line[1:2] == " ":
            line = line[2:]
        parts.append(plain(line))
    return " ".join(p for p in parts if p)


# --------------------------------------------------------------------------
# Tracked flowables
# --------------------------------------------------------------------------


class TParagraph(Paragraph):
    """A paragraph whose tracking id stays with its first part when it splits."""

    def split(self, availWidth, availHeight):
        parts = Paragraph.split(self, availWidth, availHeight)
        tid = getattr(self, "_tid", None)
        for i, part in enumerate(parts):
            part._tid = tid if i == 0 else None
        return parts


class TTable(Table):
    """A table that knows which spec rows each of its split parts holds."""

    def split(self, availWidth, availHeight):
        parts = Table.split(self, availWidth, availHeight)
        ids = getattr(self, "_row_ids", None)
        if ids is None or not parts:
            return parts
        if len(parts) != 2:
            raise SpecError(f"table {self._tbl}: unexpected split into {len(parts)} parts")
        first, rest = parts
        n = len(first._cellvalues)
        repeat = self.repeatRows
        head = list(range(repeat)) if isinstance(repeat, int) else list(repeat)
        first._row_ids = ids[:n]
        rest._row_ids = [ids[i] for i in head] + ids[n:]
        if len(rest._row_ids) != len(rest._cellvalues):
            raise SpecError(f"table {self._tbl}: row tracking lost in a split")
        first._tbl = rest._tbl = self._tbl
        return parts


@dataclass
class Track:
    """What one render pass recorded."""

    pages: dict = field(default_factory=dict)  # tracking id -> first page
    table_pages: dict = field(default_factory=dict)  # table id -> sorted pages
    running: dict = field(default_factory=dict)  # page -> running header/footer strings
    page_count: int = 0


class CorpusDoc(BaseDocTemplate):
    """Document template that records the page of every tracked flowable."""

    def beforeDocument(self):
        self.track = Track()

    def afterFlowable(self, flowable):
        page = self.page
        tid = getattr(flowable, "_tid", None)
        if tid is not None:
            self.track.pages.setdefault(tid, page)
        rows = getattr(flowable, "_row_ids", None)
        if rows is not None:
            for rid in rows:
                self.track.pages.setdefault(rid, page)
            pages = self.track.table_pages.setdefault(flowable._tbl, [])
            if page not in pages:
                pages.append(page)

    def afterPage(self):
        self.track.page_count = self.page


# --------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------


def make_styles(layout: dict) -> dict:
    regular, bold, italic, bold_italic = FONTS[layout.get("font", "Helvetica")]
    size = float(layout.get("body_size", 10))
    lead = size * 1.3
    base = dict(fontName=regular, fontSize=size, leading=lead, embeddedHyphenation=1, uriWasteReduce=0.3)
    styles = {
        "body": ParagraphStyle("body", spaceAfter=size * 0.6, alignment=TA_JUSTIFY if layout.get("justify") else 0,
                               **base),
        "small": ParagraphStyle("small", **{**base, "fontSize": size - 2, "leading": (size - 2) * 1.3},
                                spaceAfter=3),
        "item": ParagraphStyle("item", leftIndent=16, bulletIndent=5, spaceAfter=2, **base),
        "item2": ParagraphStyle("item2", leftIndent=32, bulletIndent=21, spaceAfter=2, **base),
        "cell": ParagraphStyle("cell", **{**base, "fontSize": size - 1.5, "leading": (size - 1.5) * 1.25}),
        "hcell": ParagraphStyle("hcell", **{**base, "fontName": bold, "fontSize": size - 1.5,
                                            "leading": (size - 1.5) * 1.25}),
        "toc": ParagraphStyle("toc", **base),
        "cover": ParagraphStyle("cover", alignment=TA_CENTER, **{**base, "fontName": bold}),
        "running": (regular, size - 2),
    }
    heading_sizes = layout.get("heading_sizes", [16, 13, 11])
    heading_fonts = [bold, bold, bold_italic]
    for level, hsize in enumerate(heading_sizes, start=1):
        styles[f"h{level}"] = ParagraphStyle(
            f"h{level}", fontName=heading_fonts[level - 1], fontSize=hsize, leading=hsize * 1.25,
            spaceBefore=hsize * 0.9, spaceAfter=hsize * 0.45, keepWithNext=1,
        )
    styles["fonts"] = (regular, bold, italic, bold_italic)
    return styles


# --------------------------------------------------------------------------
# Page templates and running texts
# --------------------------------------------------------------------------

PAGE_STYLES = {
    "paren": lambda n, total: f"{n} ({total})",
    "sida_av": lambda n, total: f"Sida {n} av {total}",
    "plain": lambda n, total: f"{n}",
    "dash": lambda n, total: f"\u2013 {n} \u2013",
}


def _running(fmt: str, meta: dict, page: int, total: int, style: str) -> str:
    values = {k: ("" if v is None else str(v)) for k, v in meta.items()}
    values["pageno"] = PAGE_STYLES[style](page, total)
    return fmt.format(**values)


def make_on_page(layout: dict, meta: dict, styles: dict, total_ref: list):
    header = layout.get("header", {})
    footer = layout.get("footer", {"right": "{pageno}"})
    style = layout.get("page_style", "paren")
    skip_first = layout.get("plain_first_page", False)
    font, size = styles["running"]

    def on_page(canvas, doc):
        page = doc.page
        if skip_first and page == 1:
            return
        width, height = canvas._pagesize
        left, right = doc.leftMargin, width - doc.rightMargin
        texts = []
        canvas.saveState()
        canvas.setFont(font, size)
        for where, y in (("header", height - 12 * mm), ("footer", 10 * mm)):
            spec = header if where == "header" else footer
            for pos in ("left", "center", "right"):
                if pos not in spec:
                    continue
                text = _running(spec[pos], meta, page, total_ref[0], style)
                if pos == "left":
                    canvas.drawString(left, y, text)
                elif pos == "center":
                    canvas.drawCentredString(width / 2, y, text)
                else:
                    canvas.drawRightString(right, y, text)
                texts.append(text)
            if where == "header" and spec and layout.get("header_rule", True):
                canvas.setLineWidth(0.4)
                canvas.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
        canvas.restoreState()
        doc.track.running[page] = texts

    return on_page


def page_templates(layout: dict, on_page) -> tuple[list, tuple]:
    size = A4
    if layout.get("pagesize", "A4") == "A4-landscape":
        size = landscape(A4)
    lm, rm, tm, bm = [v * mm for v in layout.get("margins", [25, 22, 25, 22])]

    def frames(pagesize, columns):
        w, h = pagesize
        gap = 8 * mm
        width = (w - lm - rm - gap * (columns - 1)) / columns
        return [Frame(lm + i * (width + gap), bm, width, h - tm - bm, id=f"c{i}",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
                for i in range(columns)]

    other = landscape(A4) if size == A4 else A4
    templates = [
        PageTemplate("one", frames(size, 1), onPage=on_page, pagesize=size),
        PageTemplate("two", frames(size, 2), onPage=on_page, pagesize=size),
        PageTemplate("other", frames(other, 1), onPage=on_page, pagesize=other),
    ]
    return templates, (size, (lm, rm, tm, bm))


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


def render(spec: dict, story_builder) -> tuple[bytes, Track, object]:
    """Render ``spec`` until stable; return (pdf bytes, track, builder state).

    ``story_builder(spec, styles, toc_pages, frame_width)`` returns
    ``(flowables, state)``; it is called afresh for every pass because
    reportlab consumes flowables.
    """
    layout = spec.get("layout", {})
    meta = dict(spec.get("meta", {}))
    styles = make_styles(layout)
    total_ref = [0]
    toc_pages: dict = {}
    previous = None
    for _ in range(6):
        buf = io.BytesIO()
        on_page = make_on_page(layout, meta, styles, total_ref)
        templates, (size, (lm, rm, tm, bm)) = page_templates(layout, on_page)
        doc = CorpusDoc(
            buf, pagesize=size, leftMargin=lm, rightMargin=rm, topMargin=tm, bottomMargin=bm,
            title=meta.get("title", ""), author=meta.get("organ") or "", subject=meta.get("doc_type") or "",
            creator="planextract corpus generator", invariant=1, pageTemplates=templates,
        )
        frame_width = size[0] - lm - rm
        story, state = story_builder(spec, styles, toc_pages, frame_width)
        doc.build(story)
        track = doc.track
        toc_pages = {tid: track.pages.get(tid) for tid in state.toc_ids}
        key = (track.page_count, sorted(toc_pages.items()))
        if key == previous and total_ref[0] == track.page_count:
            return buf.getvalue(), track, state
        previous = key
        total_ref[0] = track.page_count
    raise SpecError(f"{spec.get('name')}: layout did not settle after 6 passes")


def toc_flowables(entries, styles, toc_pages, width) -> list:
    """A table of contents: number, title with dot leaders, page number."""
    regular = styles["fonts"][0]
    size = styles["toc"].fontSize
    rows = []
    num_w = 14 * mm
    page_w = 12 * mm
    text_w = width - num_w - page_w
    for tid, number, text, level in entries:
        page = toc_pages.get(tid) or 0
        title = plain(text)
        indent = "&nbsp;" * 4 * (level - 1)
        room = text_w - stringWidth(title, regular, size) - 8 - 4 * (level - 1) * stringWidth(" ", regular, size)
        dots = "." * int(room / stringWidth(".", regular, size)) if room > 30 else ""
        rows.append([Paragraph(escape(number or ""), styles["toc"]),
                     Paragraph(indent + escape(title) + (" " + dots if dots else ""), styles["toc"]),
                     Paragraph(str(page), ParagraphStyle("tocp", parent=styles["toc"], alignment=TA_RIGHT))])
    table = TTable(rows, colWidths=[num_w, text_w, page_w])
    table._row_ids, table._tbl = [f"toc.r{i}" for i in range(len(rows))], "toc"
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 2)]))
    return [table]


def table_style(grid: str, header_rows: int, n_rows: int) -> TableStyle:
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
    if grid == "full":
        commands += [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
        if header_rows:
            commands += [("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#dde4ec"))]
    elif grid == "horizontal":
        if header_rows:
            commands += [("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, colors.black),
                         ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black)]
        commands += [("LINEBELOW", (0, header_rows), (-1, -1), 0.3, colors.HexColor("#888888"))]
    elif grid != "none":
        raise SpecError(f"unknown grid style {grid!r}")
    return TableStyle(commands)

