"""A small real planextract database of three kommuner, written through store.py.

Made from hand-built :class:`~planextract.models.DocumentResult` objects so
that the tests of check, serve, export and report know every row:

* Sala: a kf goal whose only activity hangs on its child goal; a goal with
  an indicator, target and values but no activity; a goal with "mål" in it;
  a goal about "mal" (the moth) to tell the two apart in full-text search.
* Östersund: a goal with activity and indicator, a kf goal with nothing.
* Ale: one document with an unlinked activity and an indicator on the
  same measure as Sala's (for comparing one indicator across kommuner),
  and one document that failed to parse (no goals at all).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from planextract.models import (
    Activity,
    DocumentMeta,
    DocumentResult,
    Extraction,
    Goal,
    Indicator,
    IndicatorValue,
    ParsedDocument,
    Target,
)
from planextract.store import document_id, open_db, write_document

SAFETY = "Andel invånare som känner sig trygga i sitt närområde"


def tiny_pdf(path: Path, pages: int, title: str) -> Path:
    """A real PDF with ``pages`` pages, each saying its number."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n in range(1, pages + 1):
        pdf.setFont("Helvetica", 14)
        pdf.drawString(72, 770, f"{title} sida {n}")
        pdf.showPage()
    pdf.save()
    return path


def _result(path: Path, meta: DocumentMeta, pages: int, extraction: Extraction | None, status="ok", error=None):
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    parsed = ParsedDocument(pages=pages, meta=meta) if status == "ok" else None
    return DocumentResult(
        path=str(path), sha256=sha, status=status, error=error, parsed=parsed,
        extraction=extraction if status == "ok" else None, seconds=0.5,
    )


def sala() -> tuple[DocumentMeta, Extraction]:
    meta = DocumentMeta(
        kommun="Sala", kommun_code="1981", org_type="kommun", organ="Social- och arbetsmarknadsnämnden",
        doc_type="verksamhetsplan", period_start=2025, period_end=2028, adopted="2024-11-14",
        diarienummer="2024/109", title="Verksamhetsplan 2025–2028",
    )
    box = (72.0, 100.0, 500.0, 120.0)
    goals = [
        Goal(key=1, level="kf", text="Ett växande Sala", page=3, bbox=box, source="heading"),
        Goal(key=2, level="namnd", text="Fler invånare ska känna sig trygga i sitt närområde", page=3, bbox=box, source="list", parent_key=1),
        Goal(key=3, level="namnd", text="Nämndens mål är en ekonomi i balans", page=4, bbox=box, source="heading",
             target=Target(text="Budget i balans", direction="maintain")),
        Goal(key=4, level="verksamhet", text="Stadsarkivets samlingar ska skyddas mot mal och fukt", page=4, bbox=box, source="list"),
        Goal(key=5, level="verksamhet", text="Äldre ska få stöd att leva ett självständigt liv", page=5, bbox=box, source="table",
             status="partly", status_text="Delvis uppfyllt"),
    ]
    indicators = [
        Indicator(key=1, text=SAFETY, page=3, bbox=box, source="table", goal_key=2, kolada_kpi="U07402",
                  targets=[Target(text="ska öka från 60 % (2022) till minst 70 % 2026", direction="increase", target_op=">=",
                                  target_value=70.0, unit="%", target_year=2026, baseline_value=60.0, baseline_year=2022)],
                  values=[IndicatorValue("2022", 61.0, "61 %"), IndicatorValue("2023", 64.0, "64 %")]),
        Indicator(key=2, text="Andel brukare som är nöjda med sitt äldreboende", page=5, bbox=box, source="table", goal_key=5,
                  targets=[Target(text="minst 85 %", direction="reach", target_op=">=", target_value=85.0, unit="%")]),
    ]
    activities = [
        Activity(key=1, text="Trygghetsvandringar i alla kommundelar", page=3, bbox=box, source="table", goal_key=2,
                 responsible="Enhetschef", timeline="2025"),
        Activity(key=2, text="Inventera och frysa angripna volymer", page=4, bbox=box, source="list", goal_key=4,
                 detail="Mal har hittats i magasin 2"),
    ]
    return meta, Extraction(goals=goals, indicators=indicators, activities=activities)


def ostersund() -> tuple[DocumentMeta, Extraction]:
    meta = DocumentMeta(
        kommun="Östersund", kommun_code="2380", org_type="kommun", organ="Vård- och omsorgsnämnden",
        doc_type="nämndplan", period_start=2024, period_end=2024, title="Nämndplan 2024",
    )
    box = (60.0, 200.0, 520.0, 230.0)
    goals = [
        Goal(key=1, level="kf", text="Hållbar utveckling i hela Östersund", page=2, bbox=box, source="heading"),
        Goal(key=2, level="namnd", text="Sjukfrånvaron ska minska", page=2, bbox=box, source="table"),
    ]
    indicators = [
        Indicator(key=1, text="Sjukfrånvaro bland medarbetare", page=2, bbox=box, source="table", goal_key=2,
                  measure="Sjukfrånvaro i procent av ordinarie arbetstid", kolada_kpi="N00090",
                  targets=[Target(text="högst 7 % 2024", direction="decrease", target_op="<=", target_value=7.0, unit="%", target_year=2024)],
                  values=[IndicatorValue("2022", 8.1, "8,1"), IndicatorValue("2023", 7.5, "7,5")]),
    ]
    activities = [
        Activity(key=1, text="Hälsofrämjande insatser på arbetsplatsen", page=2, bbox=box, source="table", goal_key=2,
                 status="Pågår"),
    ]
    return meta, Extraction(goals=goals, indicators=indicators, activities=activities)


def ale() -> tuple[DocumentMeta, Extraction]:
    meta = DocumentMeta(kommun="Ale", kommun_code="1440", doc_type="mål och budget", period_start=2024, period_end=2026)
    box = (50.0, 50.0, 400.0, 70.0)
    goals = [Goal(key=1, level="kf", text="Trygg och säker kommun", page=1, bbox=box, source="heading")]
    indicators = [
        Indicator(key=1, text=SAFETY, page=2, bbox=box, source="table", goal_key=1, kolada_kpi="U07402",
                  values=[IndicatorValue("2023", 55.0, "55"), IndicatorValue("2024", 58.0, "58")]),
    ]
    # found by the classifier: Ale's plan lists its actions in a layout no rule reads
    activities = [Activity(key=1, text="Ny belysning i centrum", page=2, bbox=box, source="model")]
    return meta, Extraction(goals=goals, indicators=indicators, activities=activities)


DOCUMENTS = {
    "sala-verksamhetsplan-2025.pdf": (sala, 6),
    "ostersund-namndplan-2024.pdf": (ostersund, 3),
    "ale-mal-och-budget-2024.pdf": (ale, 2),
}
FAILED = "ale-trasig.pdf"


def build(folder: Path) -> Path:
    """Write the PDFs under ``folder/pdf`` and the database ``folder/plans.db``; returns its path."""
    pdf_dir = folder / "pdf"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    db_path = folder / "plans.db"
    db = open_db(db_path)
    for name, (make, pages) in DOCUMENTS.items():
        meta, extraction = make()
        path = tiny_pdf(pdf_dir / name, pages, meta.title or name)
        write_document(db, _result(path, meta, pages, extraction))
    broken = pdf_dir / FAILED
    broken.write_bytes(b"%PDF-1.4\n% truncated\n")
    write_document(db, _result(broken, DocumentMeta(), 0, None, status="failed", error=f"{FAILED}: damaged PDF"))
    # What the indicator-linking step adds: one canonical indicator shared by two kommuner.
    safety_ids = [r["id"] for r in db.query("SELECT id FROM indicators WHERE text = ?", [SAFETY])]
    db["canonical_indicators"].insert(
        {"id": "c1", "label": SAFETY, "kolada_kpi": "U07402", "kolada_title": SAFETY, "kolada_method": "exact",
         "kolada_score": 100.0, "n_documents": 2, "n_kommuner": 2}
    )
    for ind_id in safety_ids:
        db.execute("UPDATE indicators SET canonical_id = 'c1' WHERE id = ?", [ind_id])
    db.conn.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return db_path


def doc_id_of(db_path: Path, file: str) -> str:
    pdf = db_path.parent / "pdf" / file
    return document_id(hashlib.sha256(pdf.read_bytes()).hexdigest())


# --------------------------------------------------------------------------
# A real server on the database
# --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A ``planextract serve`` subprocess on 127.0.0.1."""

    def __init__(self, db_path: Path, log: Path, *extra: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "planextract", "serve", "--db", str(db_path), "--port", str(self.port), *extra],
            stdout=open(log, "wb"), stderr=subprocess.STDOUT, env=env,
        )
        self._wait()

    def _wait(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.base + "/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"server did not answer within 60 s:\n{self.log.read_text()}")

    def get(self, path: str, **params) -> tuple[int, str, bytes]:
        url = self.base + path + ("?" + urllib.parse.urlencode(params) if params else "")
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.status, response.headers.get("content-type", ""), response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers.get("content-type", ""), exc.read()

    def json(self, path: str, **params):
        status, _, body = self.get(path, _shape="array", **params)
        assert status == 200, body[:500]
        return json.loads(body)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
