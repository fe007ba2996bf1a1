"""Turn a spec's content blocks into reportlab flowables and item annotations.

A spec's ``content`` is a list of blocks, each a mapping with one key that
names its kind:

    cover     [{text, size, bold, space}]      title page, then a page break
    toc       title                            table of contents (filled from the render)
    h         text   (level, num, toc, upper, item)
    p         text   (style: body|small|bold|italic, item, text)
    list      bullet|dash|numbered   (items, each, start)
    table     {header, rows, widths, grid: full|horizontal|none, repeat, numeric, each, font_size, spans}
    columns   [blocks]                         two-column frames (starts a new page)
    other     [blocks]                         the other orientation (starts a new page)
    pagebreak / condbreak mm / spacer mm

Any heading, paragraph, list item or table row may carry an ``item``
annotation (kind goal | indicator | activity plus gold fields).  In tables
a row is a list of cells, optionally ending in a mapping that annotates it;
``"@N"`` in an annotation means the text of cell N, and a table's or list's
``each`` mapping is merged into every annotated row or item.  A table's
``spans`` lists ``[column, first_row, last_row]`` (body rows, 0-based): that
column's cell is merged over those rows, the cells below the first left empty.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, NextPageTemplate, PageBreak, Paragraph, Spacer
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from render import BULLETS, SpecError, TParagraph, TTable, cell_lines, cell_text, markup, plain, \
    table_style, toc_flowables

ITEM_KINDS = ("goal", "indicator", "activity")
BLOCK_KEYS = {  # every key a block may have; anything else is a typo and an error
    "cover": {"cover"}, "toc": {"toc"},
    "h": {"h", "level", "num", "numbered", "toc", "upper", "item"},
    "p": {"p", "style", "item"},
    "list": {"list", "items", "each", "start", "indent"},
    "table": {"table"}, "columns": {"columns"}, "other": {"other"},
    "pagebreak": {"pagebreak"}, "condbreak": {"condbreak"}, "spacer": {"spacer"},
}
TABLE_KEYS = {"header", "rows", "widths", "grid", "repeat", "numeric", "each", "font_size", "spans"}
LIST_ITEM_KEYS = {"text", "item", "depth", "marker"}
SPEC_KEYS = {"name", "split", "description", "meta", "layout", "content"}
META_KEYS = {"kommun", "kommun_code", "organ", "doc_type", "period_start", "period_end", "adopted",
             "diarienummer", "title"}
LAYOUT_KEYS = {"pagesize", "font", "body_size", "heading_sizes", "page_style", "plain_first_page", "toc_depth",
               "number_headings", "header", "header_rule", "footer", "margins", "scan", "justify"}


def check_keys(where: str, given, allowed: set) -> None:
    unknown = set(given) - allowed
    if unknown:
        raise SpecError(f"{where}: unknown keys {sorted(unknown)}")


@dataclass
class StoryState:
    """What the story builder saw, in document order, keyed by tracking id."""

    toc_ids: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # dicts with tid
    list_items: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    paragraphs: list = field(default_factory=list)
    items: list = field(default_factory=list)  # (annotation dict, tid)
    counter: int = 0

    def tid(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


def deep_merge(base: dict, over: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in (over or {}).items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


_REF = re.compile(r"^@(\d+)$")


def resolve_refs(value, cells):
    """Replace ``"@N"`` strings by the text of cell N (recursively)."""
    if isinstance(value, str):
        match = _REF.match(value)
        if match:
            index = int(match.group(1))
            if cells is None or index >= len(cells):
                raise SpecError(f"cell reference {value} outside the row")
            return cell_text(cells[index], keep_bullets=False)
        return value
    if isinstance(value, dict):
        return {k: resolve_refs(v, cells) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve_refs(v, cells) for v in value]
    return value


class Builder:
    """Walks the content blocks of one spec; one instance per render pass."""

    def __init__(self, spec, styles, toc_pages, frame_width):
        self.spec = spec
        self.layout = spec.get("layout", {})
        self.styles = styles
        self.toc_pages = toc_pages
        self.page_width = frame_width
        self.width = frame_width
        self.state = StoryState()
        self.counters = [0, 0, 0, 0]
        self.toc_entries = []

    # -- items ------------------------------------------------------------
    def add_item(self, annotation, tid, default_text, cells=None, each=None):
        if annotation is None and each is None:
            return
        item = deep_merge(each or {}, annotation or {})
        if item.pop("skip", False):
            return
        item = resolve_refs(item, cells)
        if "items" in item:  # several items from one row
            for sub in item["items"]:
                self.add_item(sub, tid, default_text, cells)
            return
        if item.get("kind") not in ITEM_KINDS:
            raise SpecError(f"item without a valid kind near {default_text[:60]!r}")
        item.setdefault("text", default_text)
        item["text"] = plain(item["text"])
        self.state.items.append((item, tid))

    # -- blocks -----------------------------------------------------------
    def build(self):
        check_keys(f"{self.spec.get('name')}", self.spec, SPEC_KEYS)
        check_keys(f"{self.spec.get('name')}: meta", self.spec.get("meta", {}), META_KEYS)
        check_keys(f"{self.spec.get('name')}: layout", self.layout, LAYOUT_KEYS)
        story = []
        blocks = self.spec.get("content", [])
        for index, block in enumerate(blocks):
            flowables = self.block(block)
            following = blocks[index + 1] if index + 1 < len(blocks) else {}
            if "cover" in block and ("columns" in following or "other" in following):
                flowables = flowables[:-1]  # the template switch breaks the page itself
            story.extend(flowables)
        for index, flowable in enumerate(story):
            if getattr(flowable, "_toc_marker", False):
                story[index:index + 1] = toc_flowables(self.toc_entries, self.styles, self.toc_pages,
                                                       self.page_width)
                break
        return story, self.state

    def block(self, block):
        if not isinstance(block, dict) or not block:
            raise SpecError(f"content block must be a mapping: {block!r}")
        kind = next(iter(block))
        if kind not in BLOCK_KEYS:
            raise SpecError(f"unknown content block {kind!r}")
        check_keys(f"{kind} block {str(block[kind])[:40]!r}", block, BLOCK_KEYS[kind])
        handler = getattr(self, f"b_{kind}")
        return handler(block)

    def b_cover(self, block):
        out = []
        for line in block["cover"]:
            style = ParagraphStyle("c", parent=self.styles["cover"], fontSize=line.get("size", 14),
                                   leading=line.get("size", 14) * 1.25)
            if not line.get("bold", True):
                style.fontName = self.styles["fonts"][0]
            out.append(Spacer(1, line.get("space", 6) * mm))
            out.append(Paragraph(markup(line["text"]), style))
        out.append(PageBreak())
        return out

    def b_toc(self, block):
        title = Paragraph(markup(block["toc"]), self.styles["h1"])
        marker = Spacer(1, 1)
        marker._toc_marker = True  # replaced by the entries once all headings are known
        return [title, marker, PageBreak()]

    def b_h(self, block):
        level = int(block.get("level", 1))
        text = block["h"]
        number = block.get("num")
        if number is None and self.layout.get("number_headings") and block.get("numbered", True):
            self.counters[level - 1] += 1
            for i in range(level, len(self.counters)):
                self.counters[i] = 0
            number = ".".join(str(c) for c in self.counters[:level])
        number = str(number) if number not in (None, False, "") else None
        shown = text.upper() if block.get("upper") else text
        body = markup(shown) if number is None else f"{markup(number)}&nbsp;&nbsp;&nbsp;{markup(shown)}"
        para = TParagraph(body, self.styles[f"h{level}"])
        tid = para._tid = self.state.tid("h")
        self.state.headings.append({"tid": tid, "text": plain(shown), "number": number, "level": level})
        if block.get("toc", True) and level <= self.layout.get("toc_depth", 2):
            self.toc_entries.append((tid, number, shown, level))
            self.state.toc_ids.append(tid)
        self.add_item(block.get("item"), tid, shown)
        return [para]

    def b_p(self, block):
        style = self.styles["small" if block.get("style") == "small" else "body"]
        body = markup(block["p"])
        if block.get("style") == "bold":
            body = f"<b>{body}</b>"
        elif block.get("style") == "italic":
            body = f"<i>{body}</i>"
        para = TParagraph(body, style)
        tid = para._tid = self.state.tid("p")
        self.state.paragraphs.append({"tid": tid, "text": plain(block["p"])})
        self.add_item(block.get("item"), tid, block["p"])
        return [para]

    def b_list(self, block):
        kind = block["list"]
        out = []
        number = int(block.get("start", 1))
        for entry in block["items"]:
            if isinstance(entry, str):
                entry = {"text": entry}
            check_keys(f"list item {str(entry.get('text'))[:40]!r}", entry, LIST_ITEM_KEYS)
            depth = int(entry.get("depth", 0))
            if "marker" in entry:
                marker = str(entry["marker"])
            elif kind == "numbered":
                marker = f"{number}."
                number += 1
            else:
                marker = BULLETS[kind] if depth == 0 or kind == "dash" else "\u2013"
            style = self.styles["item2" if depth else "item"]
            if block.get("indent"):
                style = ParagraphStyle("wide", parent=style, leftIndent=float(block["indent"]) * mm)
            para = TParagraph(markup(entry["text"]), style, bulletText=marker)
            tid = para._tid = self.state.tid("l")
            self.state.list_items.append({"tid": tid, "text": plain(entry["text"]), "marker": marker,
                                          "depth": depth})
            each = block.get("each") if entry.get("item", {}) is not None else None
            self.add_item(entry.get("item"), tid, entry["text"], each=each)
            out.append(para)
        out.append(Spacer(1, 4))
        return out

    def b_table(self, block):
        spec = block["table"]
        check_keys("table", spec, TABLE_KEYS)
        header = spec.get("header")
        size = spec.get("font_size")
        cell_style = self.styles["cell"]
        head_style = self.styles["hcell"]
        if size:
            cell_style = ParagraphStyle("cs", parent=cell_style, fontSize=size, leading=size * 1.25)
            head_style = ParagraphStyle("hs", parent=head_style, fontSize=size, leading=size * 1.25)
        numeric = set(spec.get("numeric", []))
        right = ParagraphStyle("r", parent=cell_style, alignment=TA_RIGHT)
        right_head = ParagraphStyle("rh", parent=head_style, alignment=TA_RIGHT)
        tbl_id = self.state.tid("t")
        data, row_ids, body, annotations = [], [], [], []
        if header:
            data.append([Paragraph(markup(h), right_head if i in numeric else head_style)
                         for i, h in enumerate(header)])
            row_ids.append(f"{tbl_id}.h")
        ncols = len(header) if header else None
        for r, row in enumerate(spec["rows"]):
            annotation = None
            if row and isinstance(row[-1], dict):
                annotation, row = row[-1], row[:-1]
            if ncols is None:
                ncols = len(row)
            if len(row) != ncols:
                raise SpecError(f"table row {r + 1} has {len(row)} cells, header has {ncols}: {row!r}")
            data.append([self._cell(c, right if i in numeric else cell_style) for i, c in enumerate(row)])
            rid = f"{tbl_id}.r{r}"
            row_ids.append(rid)
            body.append(row)
            annotations.append((annotation, rid, row))
        widths = spec.get("widths")
        col_widths = [w * self.width for w in widths] if widths else None
        if col_widths:
            self._check_fit([header or []] + body, col_widths, head_style, cell_style)
        header_rows = 1 if header else 0
        repeat = header_rows if spec.get("repeat", True) else 0
        table = TTable(data, colWidths=col_widths, repeatRows=repeat, hAlign="LEFT")
        style = table_style(spec.get("grid", "full"), header_rows, len(data))
        spans = self._spans(spec.get("spans") or [], body, ncols)
        for col, first, last in spans:
            style.add("SPAN", (col, first + header_rows), (col, last + header_rows))
        table.setStyle(style)
        table._row_ids, table._tbl = row_ids, tbl_id
        entry = {
            "tid": tbl_id, "grid": spec.get("grid", "full"), "repeat_header": bool(repeat),
            "header": [plain(h) for h in header] if header else [],
            "rows": [[cell_text(c) for c in row] for row in body],
            "row_ids": row_ids[header_rows:],
        }
        if spans:
            entry["spans"] = spans
        self.state.tables.append(entry)
        each = spec.get("each")
        for annotation, rid, row in annotations:
            if annotation is None and each is None:
                continue
            self.add_item(annotation or {}, rid, cell_text(row[0], keep_bullets=False), cells=row, each=each)
        return [Spacer(1, 2 * mm), table, Spacer(1, 4 * mm)]

    @staticmethod
    def _spans(spans, body, ncols):
        """Validated ``[column, first_row, last_row]`` merges; covered cells must be empty."""
        out = []
        for span in spans:
            if not (isinstance(span, list) and len(span) == 3 and all(isinstance(v, int) for v in span)):
                raise SpecError(f"table span must be [column, first_row, last_row]: {span!r}")
            col, first, last = span
            if not (0 <= col < ncols and 0 <= first < last < len(body)):
                raise SpecError(f"table span {span!r} outside the table")
            for row in body[first + 1:last + 1]:
                if cell_text(row[col]):
                    raise SpecError(f"table span {span!r} covers a non-empty cell: {row[col]!r}")
            out.append([col, first, last])
        return out

    def _check_fit(self, rows, col_widths, head_style, cell_style):
        """Refuse words wider than their column: reportlab would break them mid-word."""
        for r, row in enumerate(rows):
            style = head_style if r == 0 else cell_style
            for c, cell in enumerate(row):
                room = col_widths[c] - 12 - (9 if str(cell).lstrip()[:2] in ("\u2022 ", "- ") else 0)
                for word in re.split(r"[\s\n]+", str(cell)):
                    for piece in re.split(r"\{-\}|(?<=-)", word):
                        if stringWidth(piece, style.fontName, style.fontSize) > room:
                            raise SpecError(f"word {piece!r} does not fit its column ({room:.0f} pt)")

    def _cell(self, cell, style):
        paras = []
        for line in cell_lines(cell):
            line = line.strip()
            if line[:2] in ("\u2022 ", "- ", "\u2013 "):
                bullet_style = ParagraphStyle("cb", parent=style, leftIndent=9, bulletIndent=0)
                paras.append(Paragraph(markup(line[2:]), bullet_style, bulletText=line[0]))
            else:
                paras.append(Paragraph(markup(line), style))
        return paras or ""

    def _switch(self, block, key, template, width):
        out = [NextPageTemplate(template), PageBreak()]
        saved = self.width
        self.width = width
        for sub in block[key]:
            out.extend(self.block(sub))
        self.width = saved
        out += [NextPageTemplate("one"), PageBreak()]
        return out

    def b_columns(self, block):
        return self._switch(block, "columns", "two", (self.page_width - 8 * mm) / 2)

    def b_other(self, block):
        lm, rm = [v * mm for v in self.layout.get("margins", [25, 22, 25, 22])[:2]]
        size = A4 if self.layout.get("pagesize", "A4") == "A4-landscape" else landscape(A4)
        return self._switch(block, "other", "other", size[0] - lm - rm)

    def b_pagebreak(self, block):
        return [PageBreak()]

    def b_condbreak(self, block):
        return [CondPageBreak(float(block["condbreak"]) * mm)]

    def b_spacer(self, block):
        return [Spacer(1, float(block["spacer"]) * mm)]


def build_story(spec, styles, toc_pages, frame_width):
    """Story builder for :func:`render.render`: fresh flowables and state."""
    builder = Builder(spec, styles, toc_pages, frame_width)
    story, state = builder.build()
    return story, state
