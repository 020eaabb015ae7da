"""Run one function over chunks of articles, on one of three engines, and gather the results in input order.

This is the engine only: it knows nothing of the steps. :func:`analysis_helpers.pipeline.run_pipeline` hands it
the work of one chunk (the article steps) and runs the corpus steps on what comes back.

Engines:

- ``local`` with ``jobs=1``: every chunk in this process;
- ``local`` with ``jobs>1``: chunks in a :class:`concurrent.futures.ProcessPoolExecutor`, at most two
  chunks per worker in flight (memory is bounded by the chunks in flight plus the finished tables);
- ``dask``: chunks as the partitions of a :mod:`dask.bag` on a ``dask.distributed`` cluster (a
  ``LocalCluster`` by default, an existing one with a scheduler address).

The chunks are the same slices whatever the engine and the number of workers, results are gathered in
input order, and every article step is per article: the tables are byte-identical across engines.
"""

from __future__ import annotations

import gc
import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from typing import Callable, Sequence

#: Garbage-collector thresholds during a run (Python's default: 700, 10, 10). The steps make millions of
#: short-lived objects that reference counting frees; with the default, the collector scanned the young
#: objects about 30 times a chunk (some 4 % of the article steps' CPU time).
RUN_GC_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def quiet_collector():
    """Run the body with the objects alive now frozen (modules, lexicons, the caller's data: never scanned
    again by the collector, as :func:`gc.freeze` does) and :data:`RUN_GC_THRESHOLDS`; restore both after.

    A full collection between corpus steps then costs what the run's own objects cost, not the whole
    heap's (0.15 CPU s each in a process holding some 180,000 objects, six times a run).
    """
    previous = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(*RUN_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
        gc.unfreeze()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _ignore_sigint() -> None:
    """Worker initialiser: the parent alone handles Ctrl-C (one line, exit 130); the collector as in a run
    (:data:`RUN_GC_THRESHOLDS`, the objects inherited from the parent frozen)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()
    gc.set_threshold(*RUN_GC_THRESHOLDS)


def run_chunks(work: Callable, chunks: Sequence, **engine_options) -> list:
    """``work(chunk)`` for every chunk, in input order (see :func:`iter_chunks`)."""
    return list(iter_chunks(work, chunks, **engine_options))


@contextmanager
def local_pool(jobs: int):
    """The worker processes of one run on this machine: a :class:`ProcessPoolExecutor` of ``jobs`` workers
    (None for one job), shut down when the run ends (terminated when it fails or is interrupted).

    One pool serves the whole run: the article steps of every chunk (:func:`iter_chunks`), then the corpus
    step that runs beside the others (:func:`analysis_helpers.pipeline.run_pipeline`) and the tables written
    side by side (:func:`analysis_helpers.runner.outputs.commit_tables`). Its workers start once, at the
    first chunk, and keep their loaded lexicons.
    """
    if jobs <= 1:
        yield None
        return
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    try:
        yield executor
    except BaseException:
        processes = list((getattr(executor, "_processes", None) or {}).values())
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(10)
        # A worker stopped while sending a result leaves half a message in the result pipe, and the
        # pool's manager thread (which the interpreter joins at exit) would wait for the rest for ever:
        # with the workers gone, closing this process's write end ends that wait as a broken pool.
        writer = getattr(getattr(executor, "_result_queue", None), "_writer", None)
        if writer is not None and not any(process.is_alive() for process in processes):
            writer.close()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()


def iter_chunks(work: Callable, chunks: Sequence, *, jobs: int = 1, engine: str = "local",
                scheduler: str | None = None, progress=None, pool: ProcessPoolExecutor | None = None):
    """Yield ``work(chunk)`` for every chunk, in input order, each as soon as it and those before it are done.

    Parameters
    ----------
    work : callable
        A picklable function of one chunk (a module-level function or a :func:`functools.partial` of one).
    chunks : sequence of DataFrame
        The chunks, in input order; ``progress(done, total, "articles")`` counts their rows.
    jobs, engine, scheduler
        See the module docstring.
    pool : ProcessPoolExecutor, optional
        The run's workers (:func:`local_pool`) for ``jobs > 1`` on the local engine; left running.
        Without it, a pool of ``jobs`` workers is started here and shut down after the last chunk.
    """
    total = sum(len(chunk) for chunk in chunks)
    if engine == "dask":
        yield from _run_dask(work, chunks, jobs=jobs, scheduler=scheduler)
        return
    done = 0
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield work(chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total, "articles")
        return
    with (nullcontext(pool) if pool is not None else local_pool(jobs)) as executor:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((len(chunk), executor.submit(work, chunk)))
            if len(pending) >= 2 * jobs:
                size, future = pending.popleft()
                yield future.result()
                done += size
                if progress is not None:
                    progress(done, total, "articles")
        while pending:
            size, future = pending.popleft()
            yield future.result()
            done += size
            if progress is not None:
                progress(done, total, "articles")


def _run_dask(work, chunks, *, jobs: int, scheduler: str | None):
    """Yield ``work(chunk)`` of each partition of a :mod:`dask.bag`, in input order, each released once yielded."""
    try:
        import dask.bag as db
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("--engine dask needs the dask extra: pip install 'analysis-helpers[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        bag = db.from_sequence(chunks, npartitions=max(1, len(chunks)))
        futures = client.compute(bag.map(work).to_delayed())
        for future in futures:
            yield from future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
