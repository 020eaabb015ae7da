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
from pathlib import Path
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

from ..pipeline import (ARTICLE_STEPS, CORPUS_STEPS, CorpusContext, RunOptions, combine_chunks,
                        run_article_steps, run_corpus_steps)
from .inputs import chunks_of
from .spill import SpilledTable, materialise


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


def run_chunks(articles: pd.DataFrame, options: RunOptions, **engine_options) -> list[dict]:
    """The results of :func:`process_chunk` for every chunk, in input order (see :func:`iter_chunks`)."""
    return list(iter_chunks(articles, options, **engine_options))


def iter_chunks(articles: pd.DataFrame, options: RunOptions, *, jobs: int = 1, chunk_size: int = 100,
                engine: str = "local", scheduler: str | None = None, progress=None):
    """Yield the result of :func:`process_chunk` for each chunk, in input order, as soon as it is ready."""
    context = CorpusContext.of(articles)
    chunks = list(chunks_of(articles, chunk_size))
    total = len(articles)
    if engine == "dask":
        yield from _run_dask(chunks, context, options, jobs=jobs, scheduler=scheduler)
        return
    done = 0
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield process_chunk(chunk, context, options)
            done += len(chunk)
            if progress is not None:
                progress(done, total, "articles")
        return
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((len(chunk), executor.submit(process_chunk, chunk, context, options)))
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
    except BaseException:
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()


def _run_dask(chunks, context, options, *, jobs: int, scheduler: str | None):
    """Yield each chunk's result from a Dask cluster, in input order (the partitions of a :mod:`dask.bag`)."""
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
        partitions = bag.map_partitions(_process_partition, context=context, options=options).to_delayed()
        futures = client.compute(partitions)
        for future in futures:  # in input order; each released once yielded
            for result in future.result():
                yield result
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _process_partition(chunks, context, options) -> list[dict]:
    return [process_chunk(chunk, context, options) for chunk in chunks]


def run_pipeline(articles: pd.DataFrame, options: RunOptions, *, spill=None,
                 **engine_options) -> tuple[dict, dict]:
    """Article steps over every chunk, then the corpus steps; return the results and the CPU seconds per step.

    With ``spill`` (a folder), each chunk's tables are written there as soon as the chunk is done and
    the per-article tables of the results are :class:`~analysis_helpers.runner.spill.SpilledTable`;
    the corpus steps read only what they need from them, one step at a time. Memory then holds one
    chunk (per worker) and one corpus step's inputs, not every table of the corpus.
    """
    seconds: dict = {}
    if spill is None:
        chunk_results = []
        for result in iter_chunks(articles, options, **engine_options):
            _add_seconds(seconds, result.pop("seconds", {}))
            chunk_results.append(result)
        results = combine_chunks(chunk_results) if chunk_results else combine_chunks(
            [run_article_steps(articles, CorpusContext(), options)])
        results["articles"] = articles.reset_index(drop=True)
        return run_corpus_steps(results, options, timer=seconds), seconds
    spilled = {step.name: SpilledTable(Path(spill) / step.name) for step in ARTICLE_STEPS}
    problems: list = []
    for result in iter_chunks(articles, options, **engine_options) if len(articles) else [
            run_article_steps(articles, CorpusContext(), options)]:
        _add_seconds(seconds, result.pop("seconds", {}))
        problems += result["problems"]
        for name, table in spilled.items():
            table.append(result[name])
    results = {"articles": articles.reset_index(drop=True), "problems": problems, **spilled}
    return _corpus_steps_on_spilled(results, options, seconds), seconds


def _add_seconds(total: dict, seconds: dict) -> None:
    for name, value in seconds.items():
        total[name] = total.get(name, 0.0) + value


#: The columns the speaker-name step reads from the quotes table.
_SPEAKER_COLUMNS = ["speaker", "speaker_type"]


def _corpus_steps_on_spilled(results: dict, options: RunOptions, seconds: dict) -> dict:
    """Run each corpus step on its inputs read from the spilled tables, then let them go."""
    for step in CORPUS_STEPS:
        view = {"problems": results["problems"], "articles": results["articles"]}
        if step.name == "quotes":  # corpus-wide speaker names: two columns of the quotes table
            view["quotes"] = slim = results["quotes"].frame(_SPEAKER_COLUMNS)
        else:
            needs = {"blocks", "sentences"} if "corpus" in step.needs else set()
            for need in needs | (set(step.needs) & set(results)):
                view[need] = materialise(results[need])
        out = run_corpus_steps(view, options, steps=(step,), timer=seconds)
        if step.name == "quotes":
            if out["quotes"] is not slim and "corpus_speaker" in out["quotes"]:
                results["quotes"] = results["quotes"].with_column("corpus_speaker", out["quotes"]["corpus_speaker"])
        else:
            results.update({name: out[name] for name in step.columns if name in out})
        if "_failed_tables" in out:
            results.setdefault("_failed_tables", set()).update(out["_failed_tables"])
        del view, out
    return results
