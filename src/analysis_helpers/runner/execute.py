"""Execute the pipeline's article steps over chunks of articles, then its corpus steps.

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

import os
import signal
from collections import deque
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

from ..pipeline import CorpusContext, RunOptions, combine_chunks, run_article_steps, run_corpus_steps
from .inputs import chunks_of


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _ignore_sigint() -> None:
    """Worker initialiser: the parent alone handles Ctrl-C (one line, exit 130)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def process_chunk(articles: pd.DataFrame, context: CorpusContext, options: RunOptions) -> dict:
    """Run the article steps on one chunk; the CPU seconds of each step are in ``result["seconds"]``."""
    timer: dict = {}
    result = run_article_steps(articles, context, options, timer=timer)
    result["seconds"] = timer
    return result


def run_chunks(articles: pd.DataFrame, options: RunOptions, *, jobs: int = 1, chunk_size: int = 100,
               engine: str = "local", scheduler: str | None = None, progress=None) -> list[dict]:
    """The results of :func:`process_chunk` for every chunk, in input order."""
    context = CorpusContext.of(articles)
    chunks = list(chunks_of(articles, chunk_size))
    total = len(articles)
    if engine == "dask":
        return _run_dask(chunks, context, options, jobs=jobs, scheduler=scheduler)
    results: list[dict] = []
    done = 0
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            results.append(process_chunk(chunk, context, options))
            done += len(chunk)
            if progress is not None:
                progress(done, total, "articles")
        return results
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    try:
        pending: deque = deque()
        queue = iter(chunks)
        for chunk in queue:
            pending.append((len(chunk), executor.submit(process_chunk, chunk, context, options)))
            if len(pending) >= 2 * jobs:
                size, future = pending.popleft()
                results.append(future.result())
                done += size
                if progress is not None:
                    progress(done, total, "articles")
        while pending:
            size, future = pending.popleft()
            results.append(future.result())
            done += size
            if progress is not None:
                progress(done, total, "articles")
    except BaseException:
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()
    return results


def _run_dask(chunks, context, options, *, jobs: int, scheduler: str | None) -> list[dict]:
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
        return bag.map(process_chunk, context=context, options=options).compute(scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_pipeline(articles: pd.DataFrame, options: RunOptions, **engine_options) -> tuple[dict, dict]:
    """Article steps over every chunk, then the corpus steps; return the results and the CPU seconds per step."""
    chunk_results = run_chunks(articles, options, **engine_options)
    seconds: dict = {}
    for result in chunk_results:
        for name, value in result.pop("seconds", {}).items():
            seconds[name] = seconds.get(name, 0.0) + value
    results = combine_chunks(chunk_results) if chunk_results else combine_chunks(
        [run_article_steps(articles, CorpusContext(), options)])
    results["articles"] = articles.reset_index(drop=True)
    results = run_corpus_steps(results, options, timer=seconds)
    return results, seconds
