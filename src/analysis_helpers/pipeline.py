# Above 400 lines: the declared steps and the one runner that guards, chunks and combines them belong together.
"""The tables ``analysis-helpers extract`` writes, as declared steps computed once.

Each :class:`Step` names the results it needs and the tables it produces. Two
kinds of step:

- **article steps** are functions of a chunk of articles whose rows depend on
  each article alone (blocks and roles, sentences, document dates, timexes,
  quotes, figures). They run chunk by chunk, in any number of processes, and an
  article gives the same rows in any chunk of the same corpus. The corpus facts
  they read are the **context steps** (:data:`CONTEXT_STEPS`): one cheap pass over
  every article's text before any article step, computed once and passed in
  :class:`CorpusContext` (the published dates known across the corpus; the short
  lines repeated across articles, evidence of site furniture for block roles).
- **corpus steps** run once on the concatenated per-article tables (speaker
  names across the corpus, the merged timeline, topics).

Every article step runs inside a guard: an exception or a run over the time
budget in one article becomes a ``problems`` row naming the file, the step and
the error, and only that article's rows of that step (and of the steps that
need it) are left out. A corpus step that fails becomes a ``problems`` row and
never takes the finished per-article tables down with it.

The table names and their columns are the project's public contract: never
renamed, only added to.

(Over 400 lines on purpose: the step declarations, the guard that runs them and
the assembly of chunk and corpus results are one contract, read top to bottom;
the engines that run a function over chunks, the inputs and the outputs live in :mod:`analysis_helpers.runner`,
which knows nothing of the steps: :func:`run_pipeline` hands the engine the work of one chunk.)
"""

from __future__ import annotations

from importlib import import_module

import signal
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Callable

import pandas as pd

from .comparison.dates import class_date_disagreements, dated_blocks
from .comparison.tables import (
    article_columns_adder, figure_conflicts_table, quote_groups_table, timeline_conflicts_table, with_corpus_speakers,
    with_quote_context,
)
from .corpus.blocks import segment_blocks
from .corpus.build import PROBLEM_COLUMNS, Corpus, articles_frame, sort_problems
from .corpus.roles import RepeatedLines, repeated_lines
from .corpus.sentences import split_sentences
from .figures.comparison import compare_figures
from .figures.extract import FIGURE_COLUMNS, extract_figures
from .quotes.alignment import align_quotes
from .quotes.extract import apply_corpus_names, extract_quotes
from .resources import using
from .runner.execute import iter_chunks, quiet_collector
from .runner.inputs import chunks_of
from .runner.spill import ChunkParts, SpilledTable, materialise, release_memory
from .schema import ARTICLE_COLUMNS, ARTICLE_ROLES, columns
from .timeline.events import EVENT_COLUMNS, EVENT_INPUT_COLUMNS, merge_event_chunks
from .timeline.reference import find_conflicts
from .timexes.document_dates import DOCUMENT_DATE_COLUMNS, date_source, document_dates
from .timexes.table import TIMEX_COLUMNS, timexes_table
from .timexes.tagger import OUT_OF_CALENDAR
from .topics.checks import topic_choice, topic_model_diagnostics
from .topics.model import UNIT_COLUMNS, TopicOptions, fit_topic_model
from .topics.near_duplicates import same_passage_classes

#: Extra columns of the ``problems`` table for failures of a step (empty for reading problems).
STEP_PROBLEM_COLUMNS = ["step", "error"]
#: Default time budget of one article in one step, in seconds, before its length is counted.
DEFAULT_ARTICLE_TIMEOUT = 3.0
#: Seconds more per 100,000 characters of text: twice the linear-cost target (2 s per 100 KB), so a
#: long article is given the time its length needs and only a runaway is stopped.
SECONDS_PER_100K_CHARACTERS = 4.0
#: Default number of articles per chunk.
DEFAULT_CHUNK_SIZE = 100
#: A chunk step may take ``article_timeout + CHUNK_SECONDS_PER_ARTICLE * (n - 1)`` seconds (plus the
#: allowance for its length) before its articles are re-run one by one, each with its own budget.
CHUNK_SECONDS_PER_ARTICLE = 0.5


@dataclass(frozen=True)
class Step:
    """One step of the pipeline.

    Attributes
    ----------
    name : str
        The result it produces (a table name, or an internal result such as
        ``document_dates``).
    func : callable
        Called with one keyword argument per name in ``needs``; returns a
        DataFrame, or a dict of table name to DataFrame.
    needs : tuple of str
        Results it reads: ``articles``, ``texts`` (context steps: every article's text, in
        one pass), ``corpus`` (articles, blocks and sentences bundled), ``context``
        (:class:`CorpusContext`), ``options`` (:class:`RunOptions`), ``chunks`` (corpus steps: the
        per-article tables of ``reads`` chunk by chunk, a :class:`~analysis_helpers.runner.spill.ChunkParts`)
        or the name of an earlier step.
    scope : {"context", "article", "corpus"}
        Once over the whole corpus before anything else (its texts in one pass, or its ``articles``
        rows; the result goes into :class:`CorpusContext`), per chunk of articles, or once on the
        whole corpus' tables.
    columns : dict of str to list of str
        The table(s) it writes with their columns (empty for internal results).
    reads : dict of str to list of str
        The columns it reads of each per-article table it needs: a spilled table is read with these
        columns only (a table not named here is read whole).
    roles : tuple of str
        When given, the only roles of the ``blocks`` rows it reads: a spilled table is read without the others.
    """
    name: str
    func: Callable
    needs: tuple[str, ...]
    scope: str
    columns: dict[str, list[str]] = field(default_factory=dict)
    reads: dict[str, list[str]] = field(default_factory=dict)
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class CorpusContext:
    """What an article step may know about the rest of the corpus: the results of :data:`CONTEXT_STEPS`.

    Attributes
    ----------
    published_days : tuple of date
        The published dates of the corpus' articles, sorted.
    repeated_lines : RepeatedLines
        The short lines found in several different articles (site furniture evidence).
    """
    published_days: tuple[date, ...] = ()
    repeated_lines: RepeatedLines = field(default_factory=RepeatedLines)

    @classmethod
    def of(cls, articles, texts=None) -> "CorpusContext":
        """The context of a whole corpus: every context step, once.

        ``articles`` is the ``articles`` table (its ``text`` column may be left out when ``texts`` is
        given), or a callable returning it once ``texts`` is read: a streamed input fills it while
        it reads. ``texts`` yields every article's text once (default: ``articles["text"]``); the
        steps reading texts run first, on that one pass.
        """
        values = {}
        if texts is None:
            texts = articles["text"]
        for step in CONTEXT_STEPS:
            if step.needs == ("texts",):
                values[step.name] = step.func(texts)
        if iter(texts) is texts:  # a stream: read to its end, which completes the streamed articles table
            deque(texts, maxlen=0)
        table = articles() if callable(articles) else articles
        for step in CONTEXT_STEPS:
            if step.needs == ("articles",):
                values[step.name] = step.func(table)
        return cls(**values)


@dataclass(frozen=True)
class RunOptions:
    """Options of one run that change what the steps do.

    Attributes
    ----------
    article_timeout : float or None
        Seconds one article may spend in one step before its length is counted; each 100,000
        characters add ``SECONDS_PER_100K_CHARACTERS`` (None: no limit).
    topics : TopicOptions
        How topics are modelled (``mode`` off, auto or a fixed k).
    reference : DataFrame or None
        A reference table (``--reference``; see :mod:`analysis_helpers.timeline.reference`) that
        ``timeline_conflicts`` compares the timeline with; None compares the articles with each other.
    """
    article_timeout: float | None = DEFAULT_ARTICLE_TIMEOUT
    topics: TopicOptions = field(default_factory=TopicOptions)
    reference: pd.DataFrame | None = field(default=None, compare=False)


# --- the steps -------------------------------------------------------------------------------------------------


def _published_days(articles):
    days = set()
    for value in articles.get("published", pd.Series(dtype=object)).tolist():
        if isinstance(value, str) and value.strip():
            try:
                days.add(date.fromisoformat(value.strip()))
            except ValueError:
                continue
    return tuple(sorted(days))


def _repeated_lines(texts):
    return repeated_lines(texts)


def _blocks(articles, context):
    return segment_blocks(articles, repeated=context.repeated_lines)


def _sentences(articles, blocks):
    return split_sentences(articles, blocks)


def _document_dates(corpus, context):
    return document_dates(corpus)  # an article's own row and text only: never another article's date


def _timexes(corpus, document_dates):
    return timexes_table(corpus, document_dates)


def _quotes(corpus):
    return with_quote_context(extract_quotes(corpus, corpus_names=False), corpus.sentences, corpus.articles)


def _figures(corpus):
    return extract_figures(corpus)


def _speaker_names(quotes):
    return apply_corpus_names(quotes)


def _events(chunks):
    return merge_event_chunks(chunks)


def _topics(articles, blocks, options):
    """The topic tables, ``topic_choice`` and the model's warnings (internal ``topic_warnings``: check, message)."""
    model = fit_topic_model(Corpus(articles, blocks, pd.DataFrame(), pd.DataFrame()), options.topics)
    tables = model.tables()
    tables["topics"].attrs["method"] = model.method
    tables["topic_choice"] = topic_choice(model)
    tables["topic_warnings"] = topic_model_diagnostics(model)
    return tables


def _quote_groups(quotes):
    return quote_groups_table(align_quotes(with_corpus_speakers(quotes)), quotes)


def _figure_conflicts(figures):
    return figure_conflicts_table(compare_figures(figures), figures)


def _timeline_conflicts(corpus, events, timexes, options):
    """Against ``options.reference`` when given, else between the articles' own days (see the schema).

    Between articles, copies of one paragraph are compared once (:func:`same_passage_classes`) and at
    most :data:`~analysis_helpers.comparison.dates.MAX_PAIRS_PER_PASSAGE` pairs are written per passage
    (internal ``timeline_conflicts_warnings`` says how many were left out).
    """
    if options.reference is not None:
        return timeline_conflicts_table(conflicts=find_conflicts(corpus, events, options.reference))
    blocks, class_pairs = same_passage_classes(corpus, keep=dated_blocks(timexes))
    disagreements, warnings = class_date_disagreements(blocks, class_pairs, timexes, pd.Series(dtype=object))
    return {"timeline_conflicts": timeline_conflicts_table(disagreements=disagreements),
            "timeline_conflicts_warnings": warnings}


def _own(name: str) -> list[str]:
    """Columns of table ``name`` that its step writes: the schema's, without the article columns joined at the end."""
    names = columns(name)
    joined = list(ARTICLE_COLUMNS)
    return names[:-len(joined)] if names[-len(joined):] == joined else names


#: Per-article steps, in the order they run on each chunk.
#: Corpus facts computed once over every article before the article steps; each result is a field of
#: :class:`CorpusContext` (read by the article steps that need ``context``).
CONTEXT_STEPS: tuple[Step, ...] = (
    Step("published_days", _published_days, ("articles",), "context"),
    Step("repeated_lines", _repeated_lines, ("texts",), "context"),
)

ARTICLE_STEPS: tuple[Step, ...] = (
    Step("blocks", _blocks, ("articles", "context"), "article"),
    Step("sentences", _sentences, ("articles", "blocks"), "article"),
    Step("document_dates", _document_dates, ("corpus", "context"), "article",
         {"document_dates": DOCUMENT_DATE_COLUMNS}),
    Step("timexes", _timexes, ("corpus", "document_dates"), "article", {"timexes": TIMEX_COLUMNS}),
    Step("quotes", _quotes, ("corpus",), "article", {"quotes": _own("quotes")}),
    Step("figures", _figures, ("corpus",), "article", {"figures": FIGURE_COLUMNS}),
)

#: Corpus steps, run once on the concatenated per-article tables, in order.
CORPUS_STEPS: tuple[Step, ...] = (
    Step("quotes", _speaker_names, ("quotes",), "corpus", {"quotes": _own("quotes")}),
    Step("events", _events, ("chunks",), "corpus", {"events": EVENT_COLUMNS}, EVENT_INPUT_COLUMNS),
    Step("topics", _topics, ("articles", "blocks", "options"), "corpus", {
        **TopicOptions.table_columns(), "topic_choice": _own("topic_choice")}, {"blocks": UNIT_COLUMNS},
         ARTICLE_ROLES),
    Step("quote_groups", _quote_groups, ("quotes",), "corpus", {"quote_groups": _own("quote_groups")}),
    Step("figure_conflicts", _figure_conflicts, ("figures",), "corpus",
         {"figure_conflicts": _own("figure_conflicts")}),
    Step("timeline_conflicts", _timeline_conflicts, ("corpus", "events", "timexes", "options"), "corpus",
         {"timeline_conflicts": _own("timeline_conflicts")}, {"blocks": UNIT_COLUMNS}, ARTICLE_ROLES),
)

#: Tables built from the others, written after the extractors' tables, in this order.
DERIVED_TABLES = ("document_dates", "quote_groups", "figure_conflicts", "timeline_conflicts", "topic_choice")
#: Problem-row ``file`` of a warning or failure about the whole corpus.
CORPUS_FILE = "(corpus)"

#: The extractor tables every run writes besides the base tables, in the order they are written.
EXTRACTORS: dict[str, str] = {
    "quotes": "analysis_helpers.quotes.extract:extract_quotes",
    "topics": "analysis_helpers.topics.model:extract_topics",
    "timexes": "analysis_helpers.timexes.extract:extract_timexes",
    "events": "analysis_helpers.timeline.build:build_timeline",
    "figures": "analysis_helpers.figures.extract:extract_figures",
}

_BASE = ("articles", "blocks", "sentences")


# --- the guard -------------------------------------------------------------------------------------------------


class StepTimeout(Exception):
    """A step ran over its time budget."""


class _Budget:
    """Raise :class:`StepTimeout` in the main thread after ``seconds`` (SIGALRM; no-op elsewhere).

    Python runs the handler between two bytecode instructions: one long call into C (a
    regular-expression search, a pandas sort) finishes before the budget can stop it. Linear
    steps and patterns without catastrophic backtracking are the protection; this is the backstop.
    """
    def __init__(self, seconds: float | None):
        usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.seconds = seconds if usable and seconds else None

    def __enter__(self):
        if self.seconds:
            self._previous = signal.signal(signal.SIGALRM, self._expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def _expire(self, signum, frame):
        raise StepTimeout(f"over the time budget of {self.seconds:g} s")

    def __exit__(self, *exc):
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)
        return False


def _time_budget(article_timeout: float | None, articles: pd.DataFrame) -> float | None:
    """Seconds the articles of ``articles`` may take together in one step (None: no limit):
    ``article_timeout``, plus ``CHUNK_SECONDS_PER_ARTICLE`` per further article, plus
    ``SECONDS_PER_100K_CHARACTERS`` per 100,000 characters of their texts."""
    if not article_timeout:
        return None
    if "text" in articles:
        characters = int(articles["text"].str.len().sum())
    else:
        characters = int(articles["n_chars"].sum()) if "n_chars" in articles else 0
    return (article_timeout + CHUNK_SECONDS_PER_ARTICLE * max(len(articles) - 1, 0)
            + SECONDS_PER_100K_CHARACTERS * characters / 100_000)


def _problem_row(file: str, step: str, exc: BaseException, left_out: str) -> dict:
    message = str(exc).splitlines()[0][:300] if str(exc) else ""
    error = type(exc).__name__
    return {"file": file, "severity": "error",
            "problem": f"step {step} failed ({error}: {message}); {left_out}", "step": step, "error": error}


def _subset(table: pd.DataFrame, doc_ids) -> pd.DataFrame:
    if "doc_id" not in table or table.empty:
        return table
    return table[table["doc_id"].isin(doc_ids)].reset_index(drop=True)


def _call(step: Step, results: dict, context: CorpusContext, options: RunOptions):
    kwargs = {}
    for need in step.needs:
        if need == "corpus":
            kwargs[need] = Corpus(results["articles"], results["blocks"], results["sentences"],
                                  pd.DataFrame(columns=PROBLEM_COLUMNS))
        elif need == "context":
            kwargs[need] = context
        elif need == "chunks":
            kwargs[need] = ChunkParts({name: results[name] for name in step.reads}, step.reads)
        elif need == "options":
            kwargs[need] = options
        else:
            kwargs[need] = results[need]
    return step.func(**kwargs)


def _dependants(steps) -> dict[str, set[str]]:
    """For each step, the later steps that need it directly or through another step."""
    return {step.name: {later.name for later in steps if step.name in _needs_closure(later, steps)}
            for step in steps}


def run_article_steps(articles: pd.DataFrame, context: CorpusContext | None = None,
                      options: RunOptions | None = None, steps=ARTICLE_STEPS, timer=None) -> dict:
    """Run every article step on one chunk of articles, each inside the guard.

    Parameters
    ----------
    articles : DataFrame
        A chunk of the ``articles`` table.
    context : CorpusContext, optional
        The whole corpus' published dates (default: this chunk's).
    options : RunOptions, optional
    timer : dict, optional
        Filled with the CPU seconds of this process spent in each step (summed).

    Returns
    -------
    dict
        ``articles`` and one DataFrame per step, plus ``problems``: a list of
        problem rows for the articles whose step failed.
    """
    context = context if context is not None else CorpusContext.of(articles)
    options = options or RunOptions()
    articles = articles.reset_index(drop=True)
    files = dict(zip(articles["doc_id"], articles["file"] if "file" in articles else articles["doc_id"]))
    results: dict = {"articles": articles}
    problems: list[dict] = []
    failed: dict[str, set] = {}  # doc_ids left out of each step
    dependants = _dependants(steps)
    for step in steps:
        started = time.process_time()
        excluded = set().union(*(failed.get(n, set()) for n in _needs_closure(step, steps)))
        inputs = ({k: (_subset(v, [d for d in articles["doc_id"] if d not in excluded])
                       if isinstance(v, pd.DataFrame) else v) for k, v in results.items()}
                  if excluded else results)
        n = len(inputs["articles"])
        budget = _time_budget(options.article_timeout, inputs["articles"])
        try:
            with _Budget(budget), using(None):  # the lexicon source resolved once per step, not per lookup
                results[step.name] = _call(step, inputs, context, options)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a problem row
            if n <= 1:
                parts, bad = [], {d: exc for d in inputs["articles"]["doc_id"]}
            else:
                parts, bad = _one_by_one(step, inputs, context, options)
            for doc_id, error in bad.items():
                left = sorted({step.name, *dependants[step.name]} & _written(steps))
                problems.append(_problem_row(files.get(doc_id, doc_id), step.name, error,
                                             "its rows of " + (", ".join(left) or step.name) + " are left out"))
            failed[step.name] = set(bad)
            results[step.name] = _concat(parts, step) if parts else _empty(step)
        if timer is not None:
            timer[step.name] = timer.get(step.name, 0.0) + time.process_time() - started
    problems += _out_of_calendar_rows(results.get("timexes"), files)
    results["problems"] = problems
    return results


def _out_of_calendar_rows(timexes, files: dict) -> list[dict]:
    """One warning row per article whose date arithmetic left the calendar ("99999999999 days ago",
    "on 9999-12-31 ... a day later"): those expressions stay in ``timexes`` unresolved, and say so here."""
    if timexes is None or not len(timexes) or "anchor" not in timexes:
        return []
    counts = timexes.loc[timexes["anchor"] == OUT_OF_CALENDAR, "doc_id"].value_counts(sort=False)
    return [{"file": files.get(doc_id, doc_id), "severity": "warning", "step": "timexes", "error": "",
             "problem": f"{n} date expression(s) fall outside years 1 to 9999 once counted; left unresolved "
                        f"(anchor '{OUT_OF_CALENDAR}')"}
            for doc_id, n in sorted(counts.items())]


def _written(steps) -> set[str]:
    return {name for s in steps for name in (s.columns or {})} | {"blocks", "sentences"}


def _needs_closure(step: Step, steps) -> set[str]:
    names = {s.name for s in steps}
    out: set[str] = set()
    todo = [n for n in step.needs if n in names] + (["blocks", "sentences"] if "corpus" in step.needs else [])
    by_name = {s.name: s for s in steps}
    while todo:
        need = todo.pop()
        if need in out or need not in by_name:
            continue
        out.add(need)
        todo.extend(by_name[need].needs)
        if "corpus" in by_name[need].needs:
            todo.extend(["blocks", "sentences"])
    return out


def _one_by_one(step: Step, inputs: dict, context, options) -> tuple[list, dict]:
    """Re-run ``step`` on each article of a chunk alone; return its tables and the failures by doc_id."""
    parts, bad = [], {}
    for doc_id in inputs["articles"]["doc_id"].tolist():
        alone = {k: (_subset(v, [doc_id]) if isinstance(v, pd.DataFrame) else v) for k, v in inputs.items()}
        try:
            with _Budget(_time_budget(options.article_timeout, alone["articles"])):
                parts.append(_call(step, alone, context, options))
        except Exception as exc:  # noqa: BLE001
            bad[doc_id] = exc
    return parts, bad


def _empty(step: Step) -> pd.DataFrame:
    if step.name == "blocks":
        return segment_blocks(pd.DataFrame(columns=["doc_id", "text"]))
    if step.name == "sentences":
        return split_sentences(pd.DataFrame(columns=["doc_id", "text"]), segment_blocks(
            pd.DataFrame(columns=["doc_id", "text"])))
    if step.name == "document_dates":
        return pd.DataFrame(columns=DOCUMENT_DATE_COLUMNS)
    (columns,) = step.columns.values()
    return pd.DataFrame(columns=columns)


def _concat(parts: list, step: Step | None = None) -> pd.DataFrame:
    frames = [p for p in parts if p is not None and len(p.columns)]
    if not frames:
        return _empty(step) if step is not None else pd.DataFrame()
    non_empty = [f for f in frames if len(f)]
    if not non_empty:
        return frames[0].iloc[0:0].reset_index(drop=True)
    if len(non_empty) == 1:
        return non_empty[0].reset_index(drop=True)
    return pd.concat(non_empty, ignore_index=True)


def combine_chunks(chunk_results: list[dict], steps=ARTICLE_STEPS) -> dict:
    """Concatenate the per-chunk results of :func:`run_article_steps` (chunks in input order)."""
    combined: dict = {"problems": [row for r in chunk_results for row in r["problems"]]}
    by_name = {s.name: s for s in steps}
    for name in ("articles", *by_name):
        combined[name] = _concat([r[name] for r in chunk_results], by_name.get(name))
    return combined


def run_corpus_steps(results: dict, options: RunOptions | None = None, steps=CORPUS_STEPS,
                     timer=None) -> dict:
    """Run the corpus steps on the combined per-article results, each inside the guard.

    A step that fails leaves its tables out (a ``problems`` row says so); the
    speaker-name step that fails leaves the per-article quotes as they are.
    """
    options = options or RunOptions()
    problems = results["problems"]
    for step in steps:
        if step.name == "topics" and options.topics.mode == "off":
            continue
        started = time.process_time()
        try:
            with using(None):
                out = _call(step, results, CorpusContext(), options)
            results.update(out if isinstance(out, dict) else {step.name: out})
        except Exception as exc:  # noqa: BLE001 - MemoryError is an Exception too
            kept = step.name in results and step.scope == "corpus" and step.name == "quotes"
            left = "per-article quotes kept without corpus-wide names" if kept else \
                "tables " + ", ".join(step.columns) + " not written"
            problems.append(_problem_row(CORPUS_FILE, step.name, exc, left))
            if not kept:
                for name in step.columns:
                    results.pop(name, None)
                    results.setdefault("_failed_tables", set()).add(name)
        if timer is not None:
            timer[step.name] = timer.get(step.name, 0.0) + time.process_time() - started
    return results


def _warning_rows(results: dict) -> list[dict]:
    """Problem rows (severity warning, file ``(corpus)``) for the topic model's warnings and the caps
    the timeline comparison hit."""
    rows = []
    warnings = results.get("topic_warnings")
    if warnings is not None:
        rows += [{"file": CORPUS_FILE, "severity": "warning", "problem": f"topic model ({check}): {message}",
                  "step": "topics", "error": ""} for check, message in zip(warnings["check"], warnings["message"])]
    rows += [{"file": CORPUS_FILE, "severity": "warning", "problem": f"timeline conflicts: {message}",
              "step": "timeline_conflicts", "error": ""} for message in results.get("timeline_conflicts_warnings", [])]
    return rows


def output_tables(results: dict, reading_problems: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The tables to write, in order: base tables, problems, each extractor's, then :data:`DERIVED_TABLES`.

    Every table with a ``doc_id`` but ``articles`` gets ``outlet`` and ``published`` of its
    article appended (:func:`~analysis_helpers.comparison.tables.with_article_columns`).
    """
    problems = reading_problems.copy()
    for column in STEP_PROBLEM_COLUMNS:
        if column not in problems:
            problems[column] = ""
    step_problems = pd.DataFrame(results["problems"] + _warning_rows(results),
                                 columns=PROBLEM_COLUMNS + STEP_PROBLEM_COLUMNS)
    problems = _concat([problems, step_problems]) if len(step_problems) else problems
    tables = {name: results[name] for name in _BASE}
    tables["articles"] = results.get("written_articles", results["articles"])
    tables["problems"] = sort_problems(problems)
    for name in EXTRACTORS:
        if name == "topics":
            for topic_table in TopicOptions.table_columns():
                if topic_table in results:
                    tables[topic_table] = results[topic_table]
        elif name in results:
            tables[name] = results[name]
    for name in DERIVED_TABLES:
        if name == "document_dates" and name in results:
            tables[name] = _per_part(_with_date_source, results[name])
        elif name in results:
            tables[name] = results[name]
    add_article_columns = article_columns_adder(results["articles"])  # lookups built once, not once per part
    return {name: table if name == "articles" else _per_part(add_article_columns, table)
            for name, table in tables.items()}


def _with_date_source(dates: pd.DataFrame) -> pd.DataFrame:
    return dates.assign(source=[date_source(method) for method in dates["method"]])


def _per_part(func, table):
    """``func(table)``; for a :class:`SpilledTable`, ``func`` of each part when it is read (a row-wise ``func``)."""
    return table.transformed(func) if isinstance(table, SpilledTable) else func(table)


def process_chunk(articles, context: CorpusContext, options: RunOptions) -> dict:
    """Run the article steps on one chunk; the CPU seconds of each step are in ``result["seconds"]``.

    ``articles`` is a chunk of the ``articles`` table, or an
    :class:`~analysis_helpers.runner.inputs.ArticleChunk` naming where they are: the worker reads them.
    """
    if not isinstance(articles, pd.DataFrame):
        articles = articles.read()
    timer: dict = {}
    result = run_article_steps(articles, context, options, timer=timer)
    result["seconds"] = timer
    return result


def run_pipeline(source, options: RunOptions, *, chunk_size: int = DEFAULT_CHUNK_SIZE,
                 spill=None, pool=None, **engine_options) -> tuple[dict, dict]:
    """Article steps over every chunk, then the corpus steps; return the results and the CPU seconds per step.

    The garbage collector runs as :func:`~analysis_helpers.runner.execute.quiet_collector` says meanwhile.

    ``source`` is the ``articles`` table, or an :class:`~analysis_helpers.runner.inputs.InputSource`
    (:func:`~analysis_helpers.runner.inputs.open_input`): read once as a stream for the context
    steps, its texts dropped as they are read, then each chunk read again by the worker that runs it
    (with ``spill`` and workers on this machine, from the texts the stream wrote into ``spill``:
    the input is read and decoded once).
    ``engine_options`` (``jobs``, ``engine``, ``scheduler``, ``progress``) go to
    :func:`analysis_helpers.runner.execute.iter_chunks`. With ``spill`` (a folder), each chunk's tables
    (its ``articles`` rows, texts included, too) are written there as soon as the chunk is done, the
    per-article tables of the results are :class:`~analysis_helpers.runner.spill.SpilledTable`,
    ``results["articles"]`` is the ``articles`` table without ``text`` (what the corpus steps read) and
    ``results["written_articles"]`` the whole one; the corpus steps read only what they need, one
    step at a time: memory holds a chunk per worker and one corpus step's inputs, not every table or
    text of the corpus.
    """
    with quiet_collector():
        return _run_pipeline(source, options, chunk_size, spill, pool, engine_options)


def _run_pipeline(source, options, chunk_size, spill, pool, engine_options):
    if isinstance(source, pd.DataFrame):
        articles = source.reset_index(drop=True)
        context = CorpusContext.of(articles)
        chunks = list(chunks_of(articles, chunk_size))
    else:
        if spill is not None and not engine_options.get("scheduler"):  # workers on this machine: read the input once
            Path(spill).mkdir(parents=True, exist_ok=True)
            source.keep_texts(Path(spill) / "texts.bin")
        context = CorpusContext.of(lambda: source.articles, source.texts())
        articles = source.articles
        chunks = source.chunks(chunk_size)
    chunk_results = iter_chunks(partial(process_chunk, context=context, options=options), chunks, pool=pool,
                                **engine_options)
    if not chunks:
        empty = articles if "text" in articles else articles_frame([], "input", check=False)
        chunk_results = [run_article_steps(empty, CorpusContext(), options)]
    seconds: dict = {}
    if spill is None:
        kept = []
        for result in chunk_results:
            _add_seconds(seconds, result.pop("seconds", {}))
            kept.append(result)
        results = combine_chunks(kept)
        if "text" in articles:
            results["articles"] = articles
        return run_corpus_steps(results, options, timer=seconds), seconds
    spilled = {name: SpilledTable(Path(spill) / name) for name in ("articles", *(s.name for s in ARTICLE_STEPS))}
    problems: list = []
    for result in chunk_results:
        _add_seconds(seconds, result.pop("seconds", {}))
        problems += result["problems"]
        for name, table in spilled.items():
            table.append(result[name])
        del result
    written = spilled.pop("articles")
    results = {"articles": articles.drop(columns=["text"], errors="ignore"), "written_articles": written,
               "problems": problems, **spilled}
    return _corpus_steps_on_spilled(results, options, seconds, Path(spill), pool), seconds


def _add_seconds(total: dict, seconds: dict) -> None:
    for name, value in seconds.items():
        total[name] = total.get(name, 0.0) + value


#: The columns the speaker-name step reads from the quotes table.
_SPEAKER_COLUMNS = ["speaker", "speaker_type"]


#: Corpus-step tables kept in memory after their step (read by the command line: ``topics.attrs["method"]``).
_KEPT_IN_MEMORY = {"topics"}


def _with_roles(blocks: pd.DataFrame, roles) -> pd.DataFrame:
    return blocks[blocks["role"].isin(list(roles))]


def _tables_read(step: Step) -> set[str]:
    """The results a corpus step reads: its needs, the base tables ``corpus`` bundles, the tables of ``chunks``."""
    needs = set(step.needs)
    if "corpus" in needs:
        needs |= {"blocks", "sentences"}
    if "chunks" in needs:
        needs |= set(step.reads)
    return needs


def _unread(step: Step, options: RunOptions) -> set[str]:
    """Tables a corpus step is given empty: the timeline comparison reads sentences only against a reference."""
    return {"sentences"} if step.name == "timeline_conflicts" and options.reference is None else set()


#: The corpus step a run with workers (:func:`~analysis_helpers.runner.execute.local_pool`) hands to one of
#: them while this process runs the others: it needs no other corpus step's result, and it is the longest.
SIDE_STEP = "topics"


def _corpus_steps_on_spilled(results: dict, options: RunOptions, seconds: dict, spill: Path, pool=None) -> dict:
    """Run each corpus step on its inputs read from the spilled tables, then let them go.

    The tables a step writes are spilled as soon as it is done (one part each), so the later steps
    and the writing do not hold them. With ``pool`` (the run's worker processes), :data:`SIDE_STEP`
    runs in a worker beside the other steps (its tables spilled by the worker); the tables and the
    problem rows are those of the steps run one after the other.
    """
    side = None
    side_step = next(s for s in CORPUS_STEPS if s.name == SIDE_STEP)
    if pool is not None and options.topics.mode != "off":
        side = pool.submit(_spilled_step, side_step, _step_inputs(side_step, results, options), options, spill)
    problems_by_step = {}
    for step in CORPUS_STEPS:
        if side is not None and step.name == SIDE_STEP:
            continue
        out, problems_by_step[step.name] = _spilled_step(step, _step_inputs(step, results, options), options, spill,
                                                          seconds)
        _merge_step_results(results, step, out)
        release_memory()
    if side is not None:
        try:
            out, problems, step_seconds = side.result()
        except Exception:  # noqa: BLE001 - a lost worker: the step runs here instead
            out, problems, step_seconds = _spilled_step(side_step, _step_inputs(side_step, results, options),
                                                        options, spill)
        _add_seconds(seconds, step_seconds)
        problems_by_step[SIDE_STEP] = problems
        _merge_step_results(results, side_step, out)
    results["problems"] += [row for step in CORPUS_STEPS for row in problems_by_step.get(step.name, [])]
    return results


def _step_inputs(step: Step, results: dict, options: RunOptions) -> dict:
    """What corpus step ``step`` reads of ``results``, still spilled: each as a SpilledTable (read with the
    step's columns and roles by :func:`_spilled_step`) or a DataFrame."""
    inputs = {"articles": results["articles"]}
    needs = {"quotes"} if step.name == "quotes" else _tables_read(step) & set(results)
    for need in needs - {"problems"}:
        table = results[need]
        if need == "blocks" and step.roles and isinstance(table, SpilledTable):
            table = table.transformed(partial(_with_roles, roles=step.roles))
        inputs[need] = table
    return inputs


def _spilled_step(step: Step, inputs: dict, options: RunOptions, spill: Path, seconds: dict | None = None):
    """Run one corpus step on ``inputs`` (:func:`_step_inputs`), reading only what it needs; spill the tables
    it writes (but :data:`_KEPT_IN_MEMORY`).

    Returns ``(out, problems)`` with ``seconds`` given (its CPU seconds added there), else
    ``(out, problems, seconds)``: ``out`` holds the step's results (``_failed_tables`` among them when it
    failed), ``problems`` its problem rows. Module-level: a worker process runs it too.
    """
    own_seconds = {} if seconds is None else seconds
    view = {"problems": [], "articles": inputs["articles"]}
    if step.name == "quotes":  # corpus-wide speaker names: two columns of the quotes table
        view["quotes"] = slim = materialise(inputs["quotes"], _SPEAKER_COLUMNS)
    else:
        unread = _unread(step, options)
        for need, table in inputs.items():
            if need == "articles":
                continue
            if "chunks" in step.needs and need in step.reads:
                view[need] = table  # read chunk by chunk by the step
            elif need in unread and isinstance(table, SpilledTable):
                view[need] = table.empty()
            else:
                view[need] = materialise(table, step.reads.get(need))
    given = set(view)
    out = run_corpus_steps(view, options, steps=(step,), timer=own_seconds)
    problems = out["problems"]
    if step.name == "quotes":
        speakers = out["quotes"]["corpus_speaker"] if out["quotes"] is not slim and "corpus_speaker" in out["quotes"] \
            else None
        kept = {"corpus_speaker": speakers} if speakers is not None else {}
    else:  # the step's tables and internal results (topic_warnings), not the inputs it was given
        kept = {name: value for name, value in out.items()
                if name in step.columns or (name not in given and name != "_failed_tables")}
        for name in step.columns:
            if isinstance(kept.get(name), pd.DataFrame) and name not in _KEPT_IN_MEMORY:
                table, kept[name] = kept[name], SpilledTable(spill / f"corpus-{name}")
                kept[name].append(table)
                del table
    if "_failed_tables" in out:
        kept["_failed_tables"] = out["_failed_tables"]
    del view, out
    return (kept, problems) if seconds is not None else (kept, problems, own_seconds)


def _merge_step_results(results: dict, step: Step, out: dict) -> None:
    """Put what :func:`_spilled_step` returned for ``step`` into the run's ``results``."""
    if step.name == "quotes":
        if "corpus_speaker" in out:
            results["quotes"] = results["quotes"].with_column("corpus_speaker", out["corpus_speaker"])
    else:
        results.update({name: value for name, value in out.items() if name != "_failed_tables"})
    if "_failed_tables" in out:
        results.setdefault("_failed_tables", set()).update(out["_failed_tables"])
        for name in out["_failed_tables"]:
            results.pop(name, None)


def extract_corpus(corpus: Corpus, options: RunOptions | None = None, chunk_size: int = DEFAULT_CHUNK_SIZE,
                   timer=None) -> dict[str, pd.DataFrame]:
    """Every table of a corpus, in one process: article steps chunk by chunk, then the corpus steps.

    The garbage collector runs as in :func:`run_pipeline` (:func:`~analysis_helpers.runner.execute.quiet_collector`),
    so a call from a notebook costs what the command costs.
    """
    options = options or RunOptions()
    articles = corpus.articles
    context = CorpusContext.of(articles)
    with quiet_collector():
        chunks = [run_article_steps(articles.iloc[i:i + chunk_size], context, options, timer=timer)
                  for i in range(0, len(articles), chunk_size)] or [run_article_steps(articles, context, options)]
        results = run_corpus_steps(combine_chunks(chunks), options, timer=timer)
        return output_tables(results, corpus.problems)


# --- the former registry, kept for callers ---------------------------------------------------------------------


def base_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """The tables every run writes: articles, blocks, sentences and problems."""
    return {
        "articles": corpus.articles,
        "blocks": corpus.blocks,
        "sentences": corpus.sentences,
        "problems": corpus.problems,
    }


def run_extractor(name: str, corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Run the extractor registered as ``name`` on a whole corpus and return its table(s) by name."""
    module_name, func_name = EXTRACTORS[name].split(":")
    result = getattr(import_module(module_name), func_name)(corpus)
    return result if isinstance(result, dict) else {name: result}


def extract_all(corpus: Corpus, progress=None, options: RunOptions | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a corpus (see :func:`extract_corpus`); ``progress(done, total, label)`` once at the end."""
    tables = extract_corpus(corpus, options)
    if progress is not None:
        progress(1, 1, "tables")
    return tables


def write_tables(tables: dict[str, pd.DataFrame], out_dir) -> list:
    """Write each table as ``OUT/NAME.csv`` (UTF-8, ``\\n`` line ends, no index), in place.

    The command line writes through :mod:`analysis_helpers.runner.outputs` instead,
    which is atomic.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in tables.items():
        path = out / f"{name}.csv"
        table.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
