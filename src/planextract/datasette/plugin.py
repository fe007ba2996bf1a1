"""Datasette plugin: serve the ingested PDFs and link every item to its page.

Two hooks:

* a route ``/pdf/<document id>/<file>`` (or ``/pdf/<document id>``, or
  ``/pdf/<file>`` when the name is unique) that sends the document's PDF.
  Only PDFs recorded in the ``documents`` table are served, found at the
  path they were ingested from or by name in one of the configured
  ``pdf_dirs``; a file found by name is served only when its SHA-256 is the
  one recorded, so a moved folder never serves the wrong plan.
* ``render_cell``: a ``pdf`` column holding ``/pdf/...#page=N`` becomes a
  link, and so does the ``page`` column of item tables (goals, indicators,
  activities, sections, blocks, the items view) and ``page_start`` of
  tables; a browser's PDF viewer opens the file at ``#page=N``.

Settings come from the metadata's ``plugins: planextract:`` block:
``database`` (the served database's name) and ``pdf_dirs``.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Optional
from urllib.parse import quote, unquote

from datasette import hookimpl
from datasette.utils.asgi import Response, asgi_send_file
from markupsafe import Markup, escape

PLUGIN = "planextract"
PAGE_COLUMNS = {
    "goals": "page",
    "indicators": "page",
    "activities": "page",
    "sections": "page",
    "blocks": "page",
    "items": "page",
    "tables": "page_start",
}
DOC_ID = re.compile(r"^[0-9a-f]{16}$")

_sha_cache: dict[tuple, str] = {}


def _config(datasette) -> dict:
    return datasette.plugin_config(PLUGIN) or {}


def _sha256(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _sha_cache:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
        _sha_cache[key] = digest.hexdigest()
    return _sha_cache[key]


def locate_pdf(row: dict, pdf_dirs: list[str], db_dir: Optional[Path] = None) -> Optional[Path]:
    """Where the PDF of a ``documents`` row is now, or ``None``.

    Tries the ingested path (a relative one against the database's folder),
    then ``<dir>/<file>`` for each of ``pdf_dirs``; a candidate counts only
    when its SHA-256 is the recorded one.
    """
    candidates = []
    if row.get("path"):
        path = Path(row["path"])
        candidates.append(path if path.is_absolute() or db_dir is None else db_dir / path)
    candidates += [Path(d) / row["file"] for d in pdf_dirs]
    for candidate in candidates:
        try:
            if candidate.is_file() and _sha256(candidate) == row["sha256"]:
                return candidate
        except OSError:
            continue
    return None


async def _documents(datasette, where: str, params: list) -> list[dict]:
    db = datasette.get_database(_config(datasette).get("database"))
    result = await db.execute(f"SELECT id, file, path, sha256 FROM documents WHERE {where}", params)
    return [dict(row) for row in result.rows]


async def pdf_view(datasette, request, send):
    """Send the PDF of one document (404 when unknown or not found on disk)."""
    first = unquote(request.url_vars["first"])
    rest = request.url_vars.get("rest")
    if DOC_ID.match(first):
        rows = await _documents(datasette, "id = ?", [first])
    else:
        rows = await _documents(datasette, "file = ?", [first])
        if len(rows) > 1:
            ids = ", ".join(f"/pdf/{r['id']}/{quote(r['file'])}" for r in rows)
            await Response.text(f"{first}: {len(rows)} documents have this name; use one of {ids}", status=409).asgi_send(send)
            return
    if not rows or (rest and unquote(rest) != rows[0]["file"]):
        await Response.text(f"no document {request.path}", status=404).asgi_send(send)
        return
    row = rows[0]
    db = datasette.get_database(_config(datasette).get("database"))
    db_dir = Path(db.path).parent if db.path else None
    path = locate_pdf(row, _config(datasette).get("pdf_dirs") or [], db_dir)
    if path is None:
        await Response.text(
            f"{row['file']}: the PDF is not at {row['path']} any more and not in the PDF folders given; "
            "serve with --pdf-dir FOLDER",
            status=404,
        ).asgi_send(send)
        return
    await asgi_send_file(send, path, content_type="application/pdf", headers={"cache-control": "max-age=3600"})


@hookimpl
def register_routes():
    return [(r"^/pdf/(?P<first>[^/]+)(?:/(?P<rest>[^/]+))?$", pdf_view)]


def _pdf_link(datasette, url: str, label: str) -> Markup:
    path, _, fragment = url.partition("#")
    href = datasette.urls.path(quote(path, safe="/")) + (f"#{fragment}" if fragment else "")
    return Markup(f'<a href="{escape(href)}" title="Open the PDF at this page">{escape(label)}</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != _config(datasette).get("database") or value is None:
        return None
    if column == "pdf" and isinstance(value, str) and value.startswith("/pdf/"):
        page = value.rpartition("#page=")[2]
        return _pdf_link(datasette, value, f"PDF p. {page}" if page.isdigit() else "PDF")
    if table and PAGE_COLUMNS.get(table) == column and isinstance(value, int):
        try:
            doc_id = row["document_id"]
        except (KeyError, IndexError):
            return None
        if isinstance(doc_id, dict):  # a foreign key Datasette has expanded to {value, label}
            doc_id = doc_id.get("value")
        if isinstance(doc_id, str) and DOC_ID.match(doc_id):
            return _pdf_link(datasette, f"/pdf/{doc_id}#page={value}", str(value))
    return None
