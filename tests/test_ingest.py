"""Batch ingest: resumable, one transaction a document, bad input costs nothing else."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from planextract.cli import cli
from planextract.ingest import IngestOptions, find_pdfs, ingest
from planextract.store import open_db

from . import pdfs

OPTIONS = IngestOptions(workers=1, timeout=120, ocr="never")


def rows(db_path, sql, params=()):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def good_pdf(tmp_path) -> Path:
    return pdfs.plan_pdf(tmp_path / "sala-verksamhetsplan.pdf")


def test_find_pdfs_recursive_any_case(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.pdf", "a/b/TWO.PDF", "a/notes.txt", "three.Pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4")
    found = sorted(p.name for p in find_pdfs([tmp_path, tmp_path / "three.Pdf"]))
    assert found == ["TWO.PDF", "one.pdf", "three.Pdf"]


def test_ingest_then_rerun_skips(good_pdf, db_path):
    first = ingest([good_pdf.parent], db_path, OPTIONS)
    assert (len(first.ingested), len(first.failed)) == (1, 0)
    n_sections = rows(db_path, "SELECT count(*) FROM sections")[0][0]
    assert n_sections > 0
    second = ingest([good_pdf.parent], db_path, OPTIONS)
    assert (len(second.ingested), len(second.skipped)) == (0, 1)
    forced = ingest([good_pdf.parent], db_path, IngestOptions(workers=1, ocr="never", force=True))
    assert len(forced.ingested) == 1
    assert rows(db_path, "SELECT count(*) FROM documents") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM sections")[0][0] == n_sections


def bad_inputs(folder: Path, good: Path) -> dict[str, str]:
    """File name -> a phrase its error must contain."""
    folder.mkdir()
    (folder / "zero-bytes.pdf").write_bytes(b"")
    (folder / "not-a-pdf.pdf").write_text("<html><body>Sidan finns inte</body></html>")
    data = good.read_bytes()
    (folder / "truncated.pdf").write_bytes(data[: len(data) // 3])
    pdfs.encrypted_pdf(good, folder / "encrypted.pdf", user_password="hemligt")
    pdfs.zero_page_pdf(folder / "zero-pages.pdf")
    return {
        "zero-bytes.pdf": "empty",
        "not-a-pdf.pdf": "not a PDF",
        "truncated.pdf": "",
        "encrypted.pdf": "password",
        "zero-pages.pdf": "no pages",
    }


def test_bad_input_is_recorded_and_batch_goes_on(tmp_path, good_pdf, db_path):
    bad = tmp_path / "bad"
    expected = bad_inputs(bad, good_pdf)
    pdfs.image_only_pdf(bad / "scanned.pdf")
    summary = ingest([good_pdf, bad], db_path, OPTIONS)
    assert [Path(p).name for p in summary.ingested] == [good_pdf.name]
    assert [Path(f.file).name for f in summary.no_text] == ["scanned.pdf"]
    assert "OCR" in summary.no_text[0].reason
    failed = {Path(f.file).name: f.reason for f in summary.failed}
    # A truncated PDF may still be readable up to where it ends; then it is
    # ingested, not failed.  Every other bad input must fail.
    assert set(failed) | {"truncated.pdf"} == set(expected) | {"truncated.pdf"}
    for name, reason in failed.items():
        assert reason.startswith(name + ":"), reason
        assert expected[name].lower() in reason.lower(), reason
    # nothing of a failed document but its documents row
    ids = [r[0] for r in rows(db_path, "SELECT id FROM documents WHERE status != 'ok'")]
    assert len(ids) == len(failed) + 1
    for table in ("sections", "blocks", "tables", "goals", "indicators", "activities"):
        n = rows(db_path, f"SELECT count(*) FROM {table} WHERE document_id IN ({','.join('?' * len(ids))})", ids)
        assert n == [(0,)], table


def test_encrypted_with_empty_password_is_read(tmp_path, good_pdf, db_path):
    folder = tmp_path / "enc"
    folder.mkdir()
    pdfs.encrypted_pdf(good_pdf, folder / "empty-password.pdf", user_password="")
    summary = ingest([folder], db_path, OPTIONS)
    assert len(summary.ingested) == 1, summary.failed


def test_broken_xref_never_crashes(tmp_path, good_pdf, db_path):
    folder = tmp_path / "xref"
    folder.mkdir()
    pdfs.broken_xref_pdf(good_pdf, folder / "broken-xref.pdf")
    summary = ingest([folder], db_path, OPTIONS)
    # pdfium rebuilds a damaged cross-reference table when it can; either the
    # document is read whole or it fails with its name and a reason.
    assert summary.total == 1
    for failure in summary.failed:
        assert failure.reason.startswith("broken-xref.pdf:")


def test_file_vanishing_mid_batch(tmp_path, good_pdf, db_path):
    other = pdfs.plan_pdf(tmp_path / "gone.pdf", kommun="Flen")

    def remove_on_start(event, item, result):
        if event == "start":
            other.unlink()

    summary = ingest([good_pdf, other], db_path, OPTIONS, progress=remove_on_start)
    assert [Path(p).name for p in summary.ingested] == [good_pdf.name]
    assert len(summary.failed) == 1
    assert summary.failed[0].reason.startswith("gone.pdf:")
    assert "not found" in summary.failed[0].reason


def hanging_processor(path, **kwargs):
    """Stands for a PDF that hangs the parser: never returns for 'hang*.pdf'."""
    from planextract.pipeline import process_file

    if Path(path).name.startswith("hang"):
        time.sleep(3600)
    return process_file(path, **kwargs)


def test_timeout_stops_a_document_and_the_batch_goes_on(tmp_path, good_pdf, db_path):
    hang = pdfs.plan_pdf(tmp_path / "hang.pdf", kommun="Flen")
    summary = ingest([hang, good_pdf], db_path, IngestOptions(workers=1, timeout=10, ocr="never"), processor=hanging_processor)
    assert [Path(p).name for p in summary.ingested] == [good_pdf.name]
    assert [f.reason for f in summary.failed] == ["hang.pdf: timed out after 10 s (--timeout)"]


def test_cli_summary_and_strict(tmp_path, good_pdf, db_path):
    bad = tmp_path / "bad"
    bad_inputs(bad, good_pdf)
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(good_pdf), str(bad), "--db", str(db_path), "-s", "-w", "1", "--ocr", "never"])
    assert result.exit_code == 0, result.output
    assert "Ingested 1," in result.output
    assert "failed:  zero-bytes.pdf:" in result.output
    strict = runner.invoke(cli, ["ingest", str(bad), "--db", str(db_path), "-s", "--strict", "--retry-failed"])
    assert strict.exit_code == 1


def test_reader_can_query_while_ingest_writes(tmp_path, db_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(4):
        pdfs.plan_pdf(folder / f"plan-{n}.pdf", kommun=["Sala", "Flen", "Götene", "Alingsås"][n])
    open_db(db_path).close()
    reader = sqlite3.connect(db_path, timeout=1)
    seen = []

    def read_during(event, item, result):
        if event == "done":
            seen.append(reader.execute("SELECT count(*) FROM documents").fetchone()[0])

    ingest([folder], db_path, OPTIONS, progress=read_during)
    reader.close()
    assert seen == [1, 2, 3, 4]


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun(tmp_path, db_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    kommuner = ["Sala", "Flen", "Götene", "Alingsås", "Lund", "Umeå"]
    n_docs = 30
    for n in range(n_docs):
        pdfs.plan_pdf(folder / f"plan-{n:02d}.pdf", kommun=f"{kommuner[n % 6]} {n}")
    # the reference: a clean run
    clean = tmp_path / "clean.db"
    ingest([folder], clean, OPTIONS)
    reference = rows(clean, "SELECT d.file, count(s.id) FROM documents d LEFT JOIN sections s ON s.document_id = d.id GROUP BY d.file")
    command = [sys.executable, "-m", "planextract", "ingest", str(folder), "--db", str(db_path), "-s", "-w", "1", "--ocr", "never"]
    process = subprocess.Popen(command, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.05)
        try:
            done = rows(db_path, "SELECT count(*) FROM documents")[0][0]
        except sqlite3.Error:
            continue
        if done >= 2:
            break
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = rows(db_path, "SELECT count(*) FROM documents")[0][0]
    assert 2 <= killed_at < n_docs
    rerun = subprocess.run(command, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    after = rows(db_path, "SELECT d.file, count(s.id) FROM documents d LEFT JOIN sections s ON s.document_id = d.id GROUP BY d.file")
    assert after == reference
    assert rows(db_path, "SELECT count(*), count(DISTINCT sha256) FROM documents") == [(n_docs, n_docs)]


def test_duplicate_files_in_a_batch_are_stored_once(tmp_path, good_pdf, db_path):
    copy = tmp_path / "copy" / "same-plan.pdf"
    copy.parent.mkdir()
    copy.write_bytes(good_pdf.read_bytes())
    summary = ingest([good_pdf, copy], db_path, OPTIONS)
    assert [Path(p).name for p in summary.ingested] == [good_pdf.name]
    assert summary.duplicates == [(str(copy), str(good_pdf))]
    assert rows(db_path, "SELECT file FROM documents") == [(good_pdf.name,)]


@pytest.mark.slow
def test_scanned_real_pdf_is_read_with_ocr(db_path):
    import shutil

    from .conftest import real_pdf

    scanned = real_pdf("tolkformedling-vast-internkontrollrapport-2025-scanned.pdf")
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    never = ingest([scanned], db_path, IngestOptions(workers=1, ocr="never"))
    assert [f.reason.split(":")[0] for f in never.no_text] == [scanned.name]
    assert "OCR is needed" in never.no_text[0].reason
    auto = ingest([scanned], db_path, IngestOptions(workers=1, ocr="auto", retry_failed=True, force=True))
    assert [Path(p).name for p in auto.ingested] == [scanned.name]
    (ocr_pages, status), = rows(db_path, "SELECT ocr_pages, status FROM documents")
    assert (ocr_pages, status) == (2, "ok")
    text = " ".join(r[0] for r in rows(db_path, "SELECT text FROM blocks"))
    assert "internkontroll" in text.lower()


@pytest.mark.slow
def test_dask_executor_on_a_local_cluster(tmp_path, good_pdf, db_path):
    pytest.importorskip("dask.distributed")
    folder = tmp_path / "dask"
    folder.mkdir()
    for n, kommun in enumerate(["Sala", "Flen", "Götene"]):
        pdfs.plan_pdf(folder / f"plan-{n}.pdf", kommun=kommun)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n% truncated")
    summary = ingest([folder], db_path, IngestOptions(workers=2, ocr="never", executor="dask"))
    assert sorted(Path(p).name for p in summary.ingested) == ["plan-0.pdf", "plan-1.pdf", "plan-2.pdf"]
    assert [Path(f.file).name for f in summary.failed] == ["broken.pdf"]
    # the same rows as the local executor gives
    local = tmp_path / "local.db"
    ingest([folder], local, OPTIONS)
    query = "SELECT d.file, count(s.id) FROM documents d LEFT JOIN sections s ON s.document_id = d.id GROUP BY d.file"
    assert rows(db_path, query) == rows(local, query)


def test_dask_executor_stops_a_hanging_document(tmp_path, good_pdf, db_path):
    pytest.importorskip("dask.distributed")
    hang = pdfs.plan_pdf(tmp_path / "hang.pdf", kommun="Flen")
    options = IngestOptions(workers=1, timeout=10, ocr="never", executor="dask")
    summary = ingest([hang, good_pdf], db_path, options, processor=hanging_processor)
    assert [Path(p).name for p in summary.ingested] == [good_pdf.name]
    assert [f.reason for f in summary.failed] == ["hang.pdf: timed out after 10 s (--timeout)"]


def test_library_warnings_do_not_reach_the_terminal(tmp_path, good_pdf, db_path):
    """pdfminer warns about each xref entry it cannot read; the user sees the summary, not those lines."""
    data = bytearray(good_pdf.read_bytes())
    xref = data.rindex(b"\nxref\n")
    entries = data.index(b"\n", xref + 7) + 1  # after the "0 N" subsection line
    for n in range(1, 4):  # garble the offsets of objects 1 to 3
        start = entries + 20 * n
        data[start : start + 3] = b"0?0"
    damaged = tmp_path / "in" / "damaged-xref.pdf"
    damaged.parent.mkdir()
    damaged.write_bytes(bytes(data))
    command = [sys.executable, "-m", "planextract", "ingest", str(damaged.parent), "--db", str(db_path), "-s", "-w", "1", "--ocr", "never"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert "Ingested 1," in finished.stdout or "failed 1" in finished.stdout, finished.stdout
    assert "Not adding object" not in finished.stderr
    assert finished.stderr.strip() == ""


def crashing_processor(path, **kwargs):
    """Stands for a PDF library crashing the process (a segfault, the OOM killer)."""
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the time limit on Dask workers needs fork")
def test_time_limited_child_reports_a_crash_and_passes_a_result(good_pdf):
    from planextract.distributed import process_with_time_limit

    kwargs = dict(sha256="0" * 64, ocr="never", extract=True, timeout=60)
    crashed = process_with_time_limit(str(good_pdf), processor=crashing_processor, **kwargs)
    assert (crashed.status, crashed.error) == ("failed", f"{good_pdf.name}: the process reading it died (out of memory, or a crash in a PDF library)")
    read = process_with_time_limit(str(good_pdf), **kwargs)
    assert read.status == "ok" and read.extraction.goals
