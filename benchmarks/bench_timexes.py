"""Benchmark the timex tagger: seeds against the hand gold, MEANTIME (held out), dateparser, speed.

Usage (from the project root)::

    PYTHONPATH=src python benchmarks/bench_timexes.py [--meantime DIR] [--out benchmarks/results/timexes.md]

MEANTIME (NewsReader, English, CC BY 4.0) is read from
``paths.shared_dir()/data/timeline/meantime_en/`` (or ``--meantime``), never
copied into the project; the section is skipped when it is absent. Only the
title and the first five sentences of each MEANTIME file are annotated, so only
those are scored; the document creation time (functionInDocument="CREATION_TIME")
is the reference date and is excluded from scoring, as in TempEval-3.
dateparser is an optional baseline (``pip install dateparser``), skipped when absent.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from analysis_helpers import open_corpus, paths
from analysis_helpers.corpus.roles import ARTICLE_ROLES
from analysis_helpers.timexes.document_dates import infer_document_date
from analysis_helpers.evaluation.timexes import align_timexes, evaluate_timexes
from analysis_helpers.timexes.extract import extract_timexes, tag_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402

ANNOTATED_SENTENCES = 6  # MEANTIME annotates TIMEX3 in the title (0), dateline (1) and sentences 2-5


def load_meantime(folder: Path) -> list:
    """The annotated part of every MEANTIME article, read by the shared reader, with its dev/test half."""
    return common.load(folder, max_sentences=ANNOTATED_SENTENCES)


def _dct_date(value: str | None) -> date | None:
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value[:10])
    return None


def _drop_dct(rows: list[dict], dct_span) -> list[dict]:
    if not dct_span:
        return rows
    return [r for r in rows if r["end"] <= dct_span[0] or r["start"] >= dct_span[1]]


def reference_date(doc: dict, use_dct: bool = True) -> date | None:
    """The DCT; when missing, malformed or not used, inferred from the text as for a user's article."""
    day = _dct_date(doc.dct) if use_dct else None
    if day is None:
        inferred = infer_document_date(doc.text, None, None, doc.sentences)
        day = _dct_date(inferred["reference_day"])
    return day


def tag_meantime(docs: list[dict], use_dct: bool = True) -> tuple[pd.DataFrame, pd.DataFrame]:
    gold, system = [], []
    for doc in docs:
        for g in doc.timexes:
            gold.append({"doc_id": doc.doc_id, "half": doc.half, **g})
        tags = tag_text(doc.text, reference_date(doc, use_dct), doc.sentences)
        for t in _drop_dct(tags, doc.dct_span):
            system.append({"doc_id": doc.doc_id, "half": doc.half, "start": t["start"], "end": t["end"],
                           "text": t["text"], "type": t["type"], "value": t["value"]})
    columns = ["doc_id", "half", "start", "end", "text", "type", "value"]
    return pd.DataFrame(gold, columns=columns + ["sentence"]), pd.DataFrame(system, columns=columns)


# ---------------------------------------------------------------- dateparser baseline

_FILTER = re.compile(r"^(?:[a-z]{1,3}|\d{1,2}|may|march|now|second|sat|sun|mon|now)$", re.IGNORECASE)


_EDGE_WORDS = r"(?:on|in|at|since|by|until|from|for|of|during|the|a|an|and|or|after|before|just|to)"
_LEAD = re.compile(rf"^(?:(?:{_EDGE_WORDS}|[\d.,]+%?)\s+)+", re.IGNORECASE)
_TRAIL = re.compile(rf"(?:[\s,;:]+(?:{_EDGE_WORDS})?)+$", re.IGNORECASE)
_NOT_A_DATE = re.compile(r"[%$£€]|^\d{1,3}(?:[.,]\d+)?$|^\d{5,}$|^(?:the\s+)?\d{4}$(?<!19\d\d)(?<!20\d\d)")


def clean_hit(text: str, start: int, substring: str) -> tuple[int, str] | None:
    """The cleaning filter: trim prepositions, articles and stray numbers at the edges; drop amounts."""
    lead = _LEAD.match(substring)
    if lead:
        start, substring = start + lead.end(), substring[lead.end():]
    trail = _TRAIL.search(substring)
    if trail and trail.start() > 0:
        substring = substring[:trail.start()]
    core = substring.strip()
    if not core or _FILTER.match(core) or _NOT_A_DATE.search(core):
        return None
    if not re.search(r"\d|[A-Z]|day|week|month|year|ago|now|today|yesterday|tomorrow", core):
        return None
    return start, substring


def dateparser_tags(text: str, dct: date | None, clean: bool = True) -> list[dict]:
    """dateparser's search_dates as a tagger; values at the precision dateparser reports."""
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if dct:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # noqa: BLE001 - a baseline must not stop the benchmark
        return []
    parser = DateDataParser(languages=["en"], settings=settings)
    rows, cursor = [], 0
    for substring, moment in found:
        start = text.find(substring, cursor)
        if start < 0:
            continue
        cursor = start + len(substring)
        if clean:
            cleaned = clean_hit(text, start, substring)
            if cleaned is None:
                continue
            start, substring = cleaned
        data = parser.get_date_data(substring)
        moment = data.date_obj or moment
        period = data.period or "day"
        value = {"year": moment.strftime("%Y"), "month": moment.strftime("%Y-%m"),
                 "week": f"{moment.isocalendar()[0]}-W{moment.isocalendar()[1]:02d}"}.get(
            period, moment.strftime("%Y-%m-%d"))
        rows.append({"start": start, "end": start + len(substring), "text": substring, "value": value})
    return rows


def dateparser_meantime(docs: list[dict]) -> pd.DataFrame | None:
    try:
        import dateparser  # noqa: F401
    except ImportError:
        return None
    system = []
    for doc in docs:
        for t in _drop_dct(dateparser_tags(doc.text, reference_date(doc)), doc.dct_span):
            system.append({"doc_id": doc.doc_id, "half": doc.half, **t})
    return pd.DataFrame(system, columns=["doc_id", "half", "start", "end", "text", "value"])


# ---------------------------------------------------------------- seeds

def seed_scores() -> tuple[pd.DataFrame, pd.DataFrame]:
    corpus = open_corpus()
    gold = pd.read_csv(paths.annotations_dir() / "timexes.csv", dtype={"doc_id": str}, keep_default_na=False)
    system = extract_timexes(corpus)
    system = system[system["role"].isin(ARTICLE_ROLES)]
    gold = gold[gold["role"].isin(ARTICLE_ROLES)]
    return evaluate_timexes(gold, system), align_timexes(gold, system)


def speed(n_repeats: int = 20) -> float:
    """Articles per CPU second of the tagger on the seed texts (one process, document dates known).

    CPU time (``time.process_time``), not wall time: the figure does not change with the machine's load.
    """
    corpus = open_corpus()
    texts = corpus.articles["text"].tolist()
    reference = date(2025, 2, 13)
    bounds = {d: list(zip(g["start"], g["end"])) for d, g in corpus.sentences.groupby("doc_id")}
    docs = list(zip(corpus.articles["doc_id"], texts))
    tag_text(texts[0], reference)  # compile the patterns
    t0 = time.process_time()
    for _ in range(n_repeats):
        for doc_id, text in docs:
            tag_text(text, reference, bounds.get(doc_id, ()))
    return n_repeats * len(docs) / (time.process_time() - t0)


def meantime_summary(gold: pd.DataFrame, runs) -> pd.DataFrame:
    """Value F1 and relaxed span F1 of each system on all articles, the dev half and the test half."""
    rows = []
    for name, system in runs:
        for half in ("all", *common.HALVES):
            g = gold if half == "all" else gold[gold["half"] == half]
            s = system if half == "all" else system[system["half"] == half]
            scores = evaluate_timexes(g, s)
            rows.append({"system": name, "half": half, "value F1": float(scores.loc["value", "f1"]),
                         "relaxed span F1": float(scores.loc["relaxed span", "f1"]),
                         "value accuracy": float(scores.loc["value accuracy", "f1"])})
    return pd.DataFrame(rows)


def layout_dates() -> list[str]:
    """Document dates and timex counts on the invented layout sets (no timex gold there: a regression view)."""
    from analysis_helpers.corpus.build import read_articles
    from analysis_helpers.timexes.document_dates import document_dates

    lines = ["## Invented layout sets: document dates found (no timex gold; shows when a change moves them)", "",
             "| set | file | document date | method | timexes |", "|---|---|---|---|---|"]
    for folder in common.layout_folders():
        articles, _ = read_articles(folder)
        corpus = open_corpus(articles)
        dates = document_dates(corpus)
        counts = extract_timexes(corpus).groupby("doc_id").size()
        for row in dates.itertuples(index=False):
            lines.append(f"| {folder.name} | {row.doc_id} | {row.reference_day or '(unknown)'} | {row.method} | "
                         f"{int(counts.get(row.doc_id, 0))} |")
    return lines + [""]


def _md(table: pd.DataFrame) -> str:
    table = table.reset_index()
    header = "| " + " | ".join(map(str, table.columns)) + " |"
    rule = "|" + "---|" * len(table.columns)
    lines = ["| " + " | ".join("" if pd.isna(v) else str(v) for v in row) + " |" for row in table.itertuples(index=False)]
    return "\n".join([header, rule, *lines])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", help="folder meantime_en/ (default: shared_dir()/data/timeline/meantime_en)")
    parser.add_argument("--out", default=str(paths.project_root() / "benchmarks" / "results" / "timexes.md"))
    parser.add_argument("--errors", action="store_true", help="print MEANTIME disagreements (dev half only)")
    parser.add_argument("--save-baseline", action="store_true",
                        help="keep this run's MEANTIME summary as the baseline (results/baseline_timexes.csv)")
    args = parser.parse_args(argv)

    lines = ["# Timex tagger benchmark", "",
             "Command: `PYTHONPATH=src python benchmarks/bench_timexes.py"
             + (" --meantime DIR" if args.meantime else "") + "`", ""]
    seeds, seed_alignment = seed_scores()
    lines += ["## Seeds against the hand gold (`data/annotations/timexes.csv`, headline/standfirst/body)", "",
              _md(seeds), ""]
    wrong = seed_alignment[(seed_alignment["outcome"] != "exact")
                           | (seed_alignment["gold_value"] != seed_alignment["system_value"])]
    lines += ["Disagreements on the seeds:", "", _md(wrong[["doc_id", "gold_text", "gold_value", "system_text",
                                                           "system_value", "outcome"]].set_index("doc_id"))
              if len(wrong) else "none", ""]

    folder = common.meantime_folder(args.meantime)
    if folder is None:
        lines += ["## MEANTIME", "", "skipped: `meantime_en/` not found beside the project", ""]
    else:
        docs = load_meantime(folder)
        gold, system = tag_meantime(docs)
        _, inferred = tag_meantime(docs, use_dct=False)
        base = dateparser_meantime(docs)
        runs = [("ours, DCT given", system), ("ours, DCT withheld", inferred)]
        if base is not None:
            import dateparser

            runs.append((f"dateparser {dateparser.__version__}, DCT given", base))
        summary = meantime_summary(gold, runs)
        if args.save_baseline:
            common.save_baseline("timexes", summary)
        lines += [f"## MEANTIME English ({len(docs)} Wikinews articles, title + first five sentences, "
                  f"{len(gold)} TIMEX3 without the DCT; dev {int((gold['half'] == 'dev').sum())}, "
                  f"test {int((gold['half'] == 'test').sum())})", "",
                  "Read with `evaluation.meantime.read_meantime_file(max_sentences=6)`; only the annotated "
                  "sentences are scored and the DCT (the dateline) is excluded, as in TempEval-3. Rules are "
                  "developed on `dev` only (`data/annotations/meantime/split.csv`). `(before)` columns: the "
                  "baseline measured before the rules of issue 14 changed (`results/baseline_timexes.csv`).", "",
                  common.md_table(common.with_baseline("timexes", summary, ["system", "half"])), "",
                  "All articles, this tagger with the DCT:", "", _md(evaluate_timexes(gold, system)), "",
                  "DCT withheld: the document date is inferred from the text "
                  "(`document_dates.infer_document_date`, here from the dateline):", "",
                  _md(evaluate_timexes(gold, inferred)), ""]
        if base is None:
            lines += ["dateparser: skipped (not installed; `pip install -e .[evaluation]`)", ""]
        else:
            lines += ["dateparser `search_dates` with a cleaning filter "
                      "(trims prepositions, articles and stray numbers at the edges; drops amounts, percentages, "
                      "bare numbers, one- to three-letter hits and bare 'may'/'march'/'now'), relative base = DCT; "
                      "values at the precision dateparser reports (it has no durations or sets):", "",
                      _md(evaluate_timexes(gold, base)), ""]
        lines += ["Published reference points on TempEval-3 news: HeidelTime value F1 0.78.", ""]
        if args.errors:
            aligned = align_timexes(gold[gold["half"] == "dev"], system[system["half"] == "dev"])
            bad = aligned[(aligned["outcome"] != "exact") | (aligned["gold_value"] != aligned["system_value"])]
            print(bad.to_string(), file=sys.stderr)
    lines += layout_dates()
    rate = speed()
    lines += ["## Speed", "", f"Tagger on the five seed texts, one process: {rate:,.0f} articles per CPU second "
              "(target: at least 500).", ""]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
