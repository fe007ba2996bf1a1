"""Running documents on a Dask cluster, for folders larger than one machine takes.

The same per-document function as the local pool
(:func:`planextract.pipeline.process_file`) runs on the Dask workers; the
results come back to this process, the single writer, which commits one
transaction a document.  Workers must see the PDFs at the same paths (a
shared file system).  Without a scheduler address a local cluster is
started (processes, one per core).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from .models import DocumentResult


def run_jobs_dask(jobs, options, scheduler: Optional[str] = None, processor=None) -> Iterable[DocumentResult]:
    """Submit every job to Dask and yield results as they complete."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(
            "the Dask executor needs dask[distributed]: pip install 'planextract[dask]'"
        ) from exc
    if processor is None:
        from .pipeline import process_file as processor

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
                processor,
                job.path,
                sha256=job.sha256,
                ocr=options.ocr,
                extract=options.extract,
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

