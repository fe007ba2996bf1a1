"""Running documents on a Dask cluster, for folders larger than one machine takes.

The same per-document function as the local pool
(:func:`planextract.pipeline.process_file`) runs on the Dask workers; the
results come back to this process, the single writer, which commits one
transaction a document.  Workers must see the PDFs at the same paths (a
shared file system).  Without a scheduler address a local cluster is
started (processes, one per core).

A Dask task runs in a thread of a worker process, and a thread stuck in a
parser cannot be stopped; so each document runs in a child forked from the
worker (:func:`process_with_time_limit`), which is killed when the
document's time limit (``--timeout``) runs out.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from pathlib import Path
from typing import Iterable, Optional

from .models import DocumentResult

_warmed_up = False


def process_with_time_limit(path: str, *, sha256: str, ocr: str, extract: bool,
                            timeout: Optional[float], processor=None) -> DocumentResult:
    """Process one document in a forked child, stopped after ``timeout`` seconds.

    The worker loads the pipeline once (:func:`planextract.pipeline.warm_up`);
    the children share it.  A child that runs out of time is killed and the
    document recorded as failed; so is one that dies.  Without ``fork``
    (Windows) or a time limit the document runs in the task's thread.
    """
    global _warmed_up
    from .pipeline import warm_up

    if processor is None:
        from .pipeline import process_file as processor
    if not _warmed_up:
        try:
            warm_up(extract=extract)
        except Exception:  # a broken install shows itself on the document
            pass
        _warmed_up = True
    if timeout is None or not hasattr(os, "fork"):
        return processor(path, sha256=sha256, ocr=ocr, extract=extract)

    def failed(reason: str) -> DocumentResult:
        return DocumentResult(path=path, sha256=sha256, status="failed", error=f"{Path(path).name}: {reason}")

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: send the pickled result, exit without Dask's clean-up
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                out.write(pickle.dumps(processor(path, sha256=sha256, ocr=ocr, extract=extract)))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(pid, signal.SIGKILL)
                return failed(f"timed out after {timeout:g} s (--timeout)")
            if select.select([read_end], [], [], remaining)[0]:
                chunk = os.read(read_end, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        _, exit_status = os.waitpid(pid, 0)
    if exit_status != 0 or not chunks:  # a partial result is no result
        return failed("the process reading it died (out of memory, or a crash in a PDF library)")
    return pickle.loads(b"".join(chunks))


def run_jobs_dask(jobs, options, scheduler: Optional[str] = None, processor=None) -> Iterable[DocumentResult]:
    """Submit every job to Dask and yield results as they complete."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "the Dask executor needs dask[distributed]: pip install 'planextract[dask]'"
        ) from exc
    if not jobs:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=options.resolved_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        submitted = []
        jobs_by_key = {}
        for job in jobs:
            future = client.submit(
                process_with_time_limit,
                job.path,
                sha256=job.sha256,
                ocr=options.ocr,
                extract=options.extract,
                timeout=options.timeout,
                processor=processor,
                pure=False,
                key=f"planextract-{job.sha256[:16]}-{Path(job.path).name}",
            )
            submitted.append(future)
            jobs_by_key[future.key] = job
        for future in as_completed(submitted):
            job = jobs_by_key[future.key]
            try:
                yield future.result()
            except Exception as exc:  # a worker lost or a task that raised
                yield DocumentResult(
                    path=job.path,
                    sha256=job.sha256,
                    status="failed",
                    error=f"{Path(job.path).name}: the Dask task failed: {type(exc).__name__}: {exc}",
                )
            finally:
                future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

