"""Batch ingest: a folder of PDFs into one database, resumable and safe to re-run.

Documents are processed in worker processes (:mod:`planextract.pipeline`
does the work of one file) and written by this process alone, one
transaction a document.  A worker that runs past the time limit is killed
and replaced; its document is recorded as failed.  A run that is killed
loses at most the documents in flight: the next run skips what was
committed and does the rest.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from pathlib import Path
from typing import Callable, Iterable, Optional

from .models import DocumentResult

DEFAULT_TIMEOUT = 600.0


@dataclass
class IngestOptions:
    """How to ingest; defaults in one place."""

    force: bool = False
    retry_failed: bool = False
    workers: int = 0  # 0: the machine's cores
    timeout: Optional[float] = DEFAULT_TIMEOUT
    ocr: str = "auto"  # auto | always | never
    extract: bool = True
    executor: str = "local"  # local | dask
    scheduler: Optional[str] = None  # Dask scheduler address; None: a local cluster

    def __post_init__(self) -> None:
        if self.executor not in ("local", "dask"):
            raise ValueError(f"executor must be local or dask, not {self.executor!r}")
        if self.ocr not in ("auto", "always", "never"):
            raise ValueError(f"ocr must be auto, always or never, not {self.ocr!r}")
        if self.workers < 0:
            raise ValueError("workers must be 0 (all cores) or more")
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError("timeout must be positive")

    def resolved_workers(self) -> int:
        return self.workers or (os.cpu_count() or 1)


@dataclass
class Failure:
    file: str
    reason: str


@dataclass
class IngestSummary:
    """What a batch did."""

    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (path, same bytes as)
    no_text: list[Failure] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    pages: int = 0
    seconds: float = 0.0
    items: dict = field(default_factory=lambda: dict.fromkeys(("goals", "indicators", "targets", "activities"), 0))

    @property
    def total(self) -> int:
        return (
            len(self.ingested) + len(self.skipped) + len(self.duplicates)
            + len(self.no_text) + len(self.failed)
        )


@dataclass
class Job:
    path: str
    sha256: str
    size: int = 0  # bytes: larger files go first, so that a batch does not end on one long file


# The function that processes one file in a worker (pipeline.process_file
# unless another, module-level and so picklable, is given).
Processor = Callable[..., DocumentResult]

# A progress callback receives (event, job, result or None): event is
# "start" (once, with the number of jobs as job), "done" or "skip".
Progress = Callable[[str, object, Optional[DocumentResult]], None]


def find_pdfs(paths: Iterable[str | Path]) -> list[Path]:
    """Files named on the command line, and ``*.pdf`` (any case) under folders."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            candidates = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"
            )
        else:
            candidates = [path]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(candidate)
    return found


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _surrogate_sha(path: Path) -> str:
    """An id for a file that cannot be read at all (it has no bytes to hash)."""
    return hashlib.sha256(f"unreadable:{path.resolve()}".encode()).hexdigest()


def plan_jobs(db, pdfs: list[Path], options: IngestOptions):
    """Split files into jobs to run, files to skip, duplicates and files that cannot be read.

    A file with the same bytes as another of the batch is a duplicate: the
    document is stored once, under the first file's name.
    """
    from .store import known_documents

    known = known_documents(db)
    jobs: list[Job] = []
    skipped: list[str] = []
    duplicates: list[tuple[str, str]] = []
    first_with: dict[str, str] = {}
    unreadable: list[DocumentResult] = []
    for pdf in pdfs:
        try:
            sha, size = sha256_of(pdf), pdf.stat().st_size
        except OSError as exc:
            unreadable.append(
                DocumentResult(
                    path=str(pdf),
                    sha256=_surrogate_sha(pdf),
                    status="failed",
                    error=f"{pdf.name}: cannot read the file ({exc.strerror or exc})",
                )
            )
            continue
        if sha in first_with:
            duplicates.append((str(pdf), first_with[sha]))
            continue
        first_with[sha] = str(pdf)
        status = known.get(sha)
        redo = options.force or (options.retry_failed and status == "failed")
        if status is not None and not redo:
            skipped.append(str(pdf))
            continue
        jobs.append(Job(str(pdf), sha, size))
    return jobs, skipped, duplicates, unreadable


def largest_first(jobs: list[Job]) -> list[Job]:
    """Jobs by file size, largest first (ties in their order).

    A rough longest-job-first order: with several workers, the batch does
    not end waiting on one long document started last.
    """
    return sorted(jobs, key=lambda job: -job.size)


# --------------------------------------------------------------------------
# Workers
# --------------------------------------------------------------------------


def _worker_main(conn, options: IngestOptions, processor: Optional[Processor]) -> None:
    """A worker process: warm up, say so, then receive jobs and send back results."""
    from .pipeline import warm_up

    if processor is None:
        from .pipeline import process_file as processor
    try:
        warm_up(extract=options.extract)
    except Exception:  # a broken install shows itself on the first document
        pass
    conn.send(READY)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        result = processor(job.path, sha256=job.sha256, ocr=options.ocr, extract=options.extract)
        conn.send(result)


READY = "ready"
STARTUP_TIMEOUT = 300.0  # seconds a new worker may take to import and warm up


class _Worker:
    def __init__(self, context, options: IngestOptions, processor: Optional[Processor]) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, options, processor), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.job: Optional[Job] = None
        self.started = time.monotonic()

    def submit(self, job: Job) -> None:
        """Give the worker a job; it is sent once the worker is ready."""
        self.job = job
        if self.ready:
            self._send()

    def _send(self) -> None:
        self.started = time.monotonic()
        self.conn.send(self.job)

    def mark_ready(self) -> None:
        self.ready = True
        if self.job is not None:
            self._send()

    def limit(self, timeout: Optional[float]) -> Optional[float]:
        """Seconds the worker may run on from its start or its job's start."""
        return STARTUP_TIMEOUT if not self.ready else timeout

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def run_jobs(
    jobs: list[Job], options: IngestOptions, processor: Optional[Processor] = None
) -> Iterable[DocumentResult]:
    """Process jobs in worker processes; yield each result as it is ready.

    A worker that exceeds ``options.timeout`` on a document, or dies, is
    replaced; that document yields a ``failed`` result naming the reason.
    """
    if not jobs:
        return
    context = _context()
    n_workers = min(options.resolved_workers(), len(jobs))
    pending = list(reversed(jobs))
    workers = [_Worker(context, options, processor) for _ in range(n_workers)]
    try:
        for worker in workers:
            if pending:
                worker.submit(pending.pop())
        while any(w.job is not None for w in workers):
            busy = [w for w in workers if w.job is not None]
            now = time.monotonic()
            limits = [
                w.started + w.limit(options.timeout) - now
                for w in busy
                if w.limit(options.timeout) is not None
            ]
            timeout = max(0.0, min(limits)) if limits else None
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout)
            now = time.monotonic()
            for index, worker in enumerate(workers):
                if worker.job is None:
                    continue
                job = worker.job
                result: Optional[DocumentResult] = None
                replace = False
                limit = worker.limit(options.timeout)
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv()
                    except (EOFError, OSError):
                        message = None
                    if message == READY:
                        worker.mark_ready()
                        continue
                    result = message
                    if result is None:
                        replace = True
                        result = _failed(job, "the worker process died while reading it")
                elif worker.process.sentinel in ready:
                    replace = True
                    code = worker.process.exitcode
                    result = _failed(job, f"the worker process died while reading it (exit code {code})")
                elif limit is not None and now - worker.started >= limit:
                    replace = True
                    if worker.ready:
                        result = _failed(job, f"timed out after {limit:g} s (--timeout)")
                    else:
                        result = _failed(job, f"the worker process did not start within {limit:g} s")
                if result is None:
                    continue
                worker.job = None
                if replace:
                    worker.kill()
                    worker = workers[index] = _Worker(context, options, processor)
                if pending:
                    worker.submit(pending.pop())
                yield result
    finally:
        for worker in workers:
            if worker.job is not None:
                worker.kill()
            else:
                worker.stop()


# Imported once by the fork server, so that each worker forked from it
# starts with the pipeline's modules loaded (and they are shared, copy on
# write); "__main__" is multiprocessing's own default.
PRELOAD = ["__main__", "planextract.pipeline", "planextract.layout", "planextract.tables",
           "planextract.structure", "planextract.metadata", "planextract.extract"]


def _context():
    if os.name == "nt":
        return mp.get_context("spawn")
    context = mp.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)  # used when the fork server starts (first run)
    return context


def _start_fork_server() -> None:
    """Start the fork server now (it preloads :data:`PRELOAD`), not at the first worker."""
    if os.name == "nt":
        return
    _context()
    from multiprocessing import forkserver

    try:
        forkserver.ensure_running()
    except Exception:  # the first worker tries again and reports what is wrong
        pass


def _failed(job: Job, reason: str) -> DocumentResult:
    return DocumentResult(
        path=job.path,
        sha256=job.sha256,
        status="failed",
        error=f"{Path(job.path).name}: {reason}",
    )


# --------------------------------------------------------------------------
# The batch
# --------------------------------------------------------------------------


def ingest(
    paths: Iterable[str | Path],
    db_path: str | Path,
    options: Optional[IngestOptions] = None,
    progress: Optional[Progress] = None,
    processor: Optional[Processor] = None,
) -> IngestSummary:
    """Ingest PDFs (files or folders) into the database at ``db_path``.

    ``progress`` is called with ("start", number of files), ("skip", path)
    and ("done", path, result); ``processor`` replaces
    :func:`planextract.pipeline.process_file` (it must be picklable).
    """
    options = options or IngestOptions()
    if options.executor == "local":
        _start_fork_server()  # it imports the pipeline while this process opens the database
    from .store import open_db, write_document

    started = time.monotonic()
    summary = IngestSummary()
    db = open_db(db_path)
    try:
        pdfs = find_pdfs(paths)
        jobs, skipped, duplicates, unreadable = plan_jobs(db, pdfs, options)
        jobs = largest_first(jobs)
        preparing = _prepare_after_batch() if jobs and options.extract else None
        summary.skipped = skipped
        summary.duplicates = duplicates
        if progress:
            progress("start", len(pdfs), None)
            for path in skipped + [path for path, _ in duplicates]:
                progress("skip", path, None)
        if options.executor == "dask":
            from .distributed import run_jobs_dask

            running = run_jobs_dask(jobs, options, options.scheduler, processor)
        else:
            running = run_jobs(jobs, options, processor)
        for result in _chain(unreadable, running):
            write_document(db, result)
            _tally(summary, result)
            if progress:
                progress("done", result.path, result)
        if preparing is not None:
            preparing.join()
        _after_batch(db, summary)
    finally:
        db.close()
    summary.seconds = time.monotonic() - started
    return summary


def _chain(first, second):
    yield from first
    yield from second


def _tally(summary: IngestSummary, result: DocumentResult) -> None:
    if result.status == "ok":
        summary.ingested.append(result.path)
        summary.pages += result.parsed.pages if result.parsed else 0
        extraction = result.extraction
        if extraction is not None:
            summary.items["goals"] += len(extraction.goals)
            summary.items["indicators"] += len(extraction.indicators)
            summary.items["targets"] += sum(len(i.targets) for i in extraction.indicators)
            summary.items["targets"] += sum(1 for g in extraction.goals if g.target is not None)
            summary.items["activities"] += len(extraction.activities)
    elif result.status == "no_text":
        summary.no_text.append(Failure(result.path, result.error or "no text layer"))
    else:
        summary.failed.append(Failure(result.path, result.error or "unknown error"))


def _prepare_after_batch() -> threading.Thread:
    """Load what the corpus-wide step needs (spaCy, lemmas, Kolada titles) while the workers run.

    This process mostly waits for results meanwhile; done at the end, the
    loading would add its seconds to every batch.
    """

    def prepare() -> None:
        try:
            from .canonical import warm_up

            warm_up()
        except Exception:  # the step itself reports what is wrong
            pass

    thread = threading.Thread(target=prepare, name="planextract-prepare", daemon=True)
    thread.start()
    return thread


def _after_batch(db, summary: IngestSummary) -> None:
    """Corpus-wide steps that depend on all documents (canonical indicators)."""
    if not summary.ingested:
        return
    try:
        from .canonical import refresh_canonical
    except ImportError:  # pragma: no cover - the module is optional during development
        return
    refresh_canonical(db)
