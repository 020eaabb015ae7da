"""Self-checks for the notebooks' exercises: a student calls ``check_*`` on an answer and reads the verdict.

Each function recomputes what the exercise asks from the corpus's own tables, compares it with the
student's answer and prints one line saying whether it agrees (it returns True or False too). None
of them knows the seeds: they work on whatever corpus the notebook runs on.
"""

from __future__ import annotations

import pandas as pd


def _verdict(ok: bool, good: str, bad: str) -> bool:
    print(("Correct: " + good) if ok else ("Not yet: " + bad))
    return ok


# --- notebook 02: quotes ------------------------------------------------------------------------

def check_speaker_found(quotes: pd.DataFrame, doc_id: str, speaker: str) -> bool:
    """Exercise 02-1: does a quote of ``doc_id`` now have ``speaker`` as its speaker?"""
    found = quotes.loc[quotes["doc_id"].astype(str) == str(doc_id), "speaker"].tolist()
    return _verdict(speaker in found, f"{doc_id} has a quote attributed to {speaker}.",
                    f"the speakers of {doc_id} are {found or 'none'}; is the cue in your copy, "
                    "and did you pass the folder to extract_quotes?")


def check_speaker_split(before: pd.DataFrame, after: pd.DataFrame) -> bool:
    """Exercise 02-2: did removing alias rows split a speaker in two while keeping every quote?

    ``before`` and ``after`` are ``extract_quotes`` outputs of the same texts with the installed
    and with the edited alias table.
    """
    if len(after) != len(before):
        return _verdict(False, "", f"{len(before)} quotes before and {len(after)} after: the edit lost or "
                        "added quotes; remove only the rows that join two spellings.")
    speakers_before = set(before["speaker"]) - {""}
    speakers_after = set(after["speaker"]) - {""}
    new = sorted(speakers_after - speakers_before)
    return _verdict(len(speakers_after) > len(speakers_before),
                    f"every quote is kept and the speaker split: new name(s) {', '.join(new)}.",
                    f"still {len(speakers_after)} speaker(s) ({', '.join(sorted(speakers_after))}).")


def paraphrase_only_groups(quotes: pd.DataFrame) -> list[str]:
    """Quote ids that :func:`align_quotes` groups only when indirect speech is aligned too."""
    from .quotes.alignment import align_quotes

    quoted = set(align_quotes(quotes)["quote_id"])
    with_paraphrases = set(align_quotes(quotes, kinds=("direct", "partial", "indirect"))["quote_id"])
    return sorted(with_paraphrases - quoted)


def check_paraphrase_groups(answer, quotes: pd.DataFrame) -> bool:
    """Exercise 02-3: are ``answer`` exactly the quote ids grouped only once paraphrases are aligned?"""
    expected = paraphrase_only_groups(quotes)
    answer = sorted(set(answer))
    missing, extra = sorted(set(expected) - set(answer)), sorted(set(answer) - set(expected))
    return _verdict(not missing and not extra, f"{len(expected)} quote(s) are grouped only with paraphrases.",
                    f"missing {missing or 'none'}, not expected {extra or 'none'}.")


def check_kind_shares(answer: pd.DataFrame, speech: pd.DataFrame) -> bool:
    """Exercise 02-4: does ``answer`` (outlets x direct/partial/indirect) hold each outlet's shares, rounded to 2?"""
    counts = pd.crosstab(speech["outlet"], speech["kind"]).reindex(
        columns=["direct", "partial", "indirect"], fill_value=0)
    expected = counts.div(counts.sum(axis=1), axis=0).round(2)
    try:
        got = answer.reindex(index=expected.index, columns=expected.columns).astype(float).round(2)
        ok = bool(((got - expected).abs() < 0.006).all().all())
    except (TypeError, ValueError, KeyError):
        ok = False
    return _verdict(ok, "every share matches.",
                    "some shares differ: one row per outlet, kinds as columns, each row summing to 1.")


# --- notebook 05: outlets compared --------------------------------------------------------------

def check_lineage(edges: pd.DataFrame, pairs: pd.DataFrame, units: pd.Series, articles: pd.DataFrame) -> bool:
    """Exercise 05-1: are ``edges`` the lineage the publication times in ``articles`` give?"""
    from .comparison.lineage import lineage_edges, publication_times, shared_passages

    expected = lineage_edges(shared_passages(pairs, units, publication_times(articles)), units)
    columns = ["source", "copy", "n_passages", "oriented"]
    try:
        ok = edges[columns].reset_index(drop=True).equals(expected[columns].reset_index(drop=True))
    except KeyError:
        ok = False
    oriented = int(expected["oriented"].sum()) if len(expected) else 0
    return _verdict(ok, f"{oriented} of {len(expected)} links are now oriented by the publication times.",
                    "your edges differ from lineage_edges(shared_passages(pairs, units, "
                    "publication_times(your_articles)), units).")


def check_link_count(answer: int, corpus, units: pd.Series, threshold: float) -> bool:
    """Exercise 05-2: how many pairs of units share a passage at ``threshold``?"""
    from .comparison.lineage import lineage_edges, publication_times, shared_passages
    from .topics.near_duplicates import same_passage_pairs

    pairs = same_passage_pairs(corpus, threshold=threshold)
    edges = lineage_edges(shared_passages(pairs, units, publication_times(corpus.articles)), units)
    expected = int((~edges["within"]).sum()) if len(edges) else 0
    return _verdict(int(answer) == expected, f"{expected} pair(s) of outlets share a passage at {threshold}.",
                    f"at {threshold} the count is {expected}, not {answer}.")


def check_most_disputed(answer, figure_groups: pd.DataFrame, units: pd.Series) -> bool:
    """Exercise 05-3: is ``answer`` the unit with most figures in groups whose values disagree?"""
    disputed = figure_groups[figure_groups["disagreement"].astype(bool)] if len(figure_groups) else figure_groups
    if disputed.empty:
        return _verdict(answer is None, "no figure group disagrees, so no outlet is involved.",
                        "no figure group disagrees in this corpus: the answer is None.")
    counts = disputed["doc_id"].astype(str).map(units).value_counts()
    best = sorted(counts[counts == counts.max()].index)
    return _verdict(answer in best, f"{answer} has {counts.max()} disputed figure(s).",
                    f"the most disputed figures are in {', '.join(map(str, best))} ({counts.max()}).")
