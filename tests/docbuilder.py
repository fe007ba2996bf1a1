"""Build small ParsedDocument objects by hand, in reading order.

    doc = build([
        ("h", 1, "Kommunfullmäktiges utvecklingsmål"),
        ("p", "Sala ska erbjuda attraktiva boenden."),
        ("li", "Arbetslösheten minskar"),
        ("t", ["Aktiviteter", "Kommentar"], [["Planering av resor", "Pågår"]]),
        ("page",),   # the next items are on a new page
    ])

A heading may carry its number (``("h", 3, "Tilläggsisolera", "1.1")``) and a
list item its marker and nesting depth (``("li", "Minskad energianvändning", "1.")``,
``("li", "Ansvar: Kostenheten", "–", 1)``); ``("b", text)`` is a paragraph set in bold.
"""

from __future__ import annotations

from planextract.models import Block, DocumentMeta, ParsedDocument, Section, Table


def build(items, *, organ: str | None = None) -> ParsedDocument:
    sections: list[Section] = []
    blocks: list[Block] = []
    tables: list[Table] = []
    page, top = 1, 50.0
    open_at: dict[int, int] = {}  # level -> index of the open section
    current = None
    for item in items:
        kind = item[0]
        if kind == "page":
            page, top = page + 1, 50.0
            continue
        bbox = (50.0, top, 500.0, top + 12.0)
        if kind == "h":
            _, level, text, *number = item
            parent = None
            for lv in sorted(open_at):
                if lv < level:
                    parent = open_at[lv]
            for lv in [lv for lv in open_at if lv >= level]:
                del open_at[lv]
            index = len(sections)
            sections.append(Section(index, parent, level, number[0] if number else None, text, page, bbox))
            open_at[level] = index
            current = index
            top += 20
        elif kind in ("p", "b", "li"):
            text = item[1]
            marker = (item[2] if len(item) > 2 else "•") if kind == "li" else None
            depth = item[3] if kind == "li" and len(item) > 3 else 0
            blocks.append(
                Block("list_item" if kind == "li" else "paragraph", text, page, bbox, current, marker=marker,
                      depth=depth, bold=kind == "b")
            )
            top += 14
        elif kind == "t":
            _, header, rows = item
            height = 14.0 * (len(rows) + 1)
            tables.append(
                Table(page, page, (50.0, top, 500.0, top + height), list(header),
                      [list(r) for r in rows], section_index=current, row_pages=[page] * len(rows))
            )
            top += height + 6
        else:
            raise ValueError(kind)
    return ParsedDocument(pages=page, sections=sections, blocks=blocks, tables=tables,
                          meta=DocumentMeta(organ=organ))
