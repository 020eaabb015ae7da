"""Self-checks for the notebooks' exercises: a student calls ``check_*`` on an answer and reads the verdict.

Each function recomputes what the exercise asks from the corpus's own tables, compares it with the
student's answer and prints one line saying whether it agrees (it returns True or False too). None
of them knows the seeds: they work on whatever corpus the notebook runs on.
"""

from __future__ import annotations

import re

import pandas as pd

from .comparison.lineage import lineage_edges, publication_times, shared_passages
from .corpus.overview import article_counts, role_composition
from .figures.comparison import compare_figures
from .quotes.alignment import align_quotes
from .schema import ARTICLE_ROLES
from .timeline.events import event_threads
from .timexes.tagger import tag_text
from .topics.near_duplicates import same_passage_pairs


def _verdict(ok: bool, good: str, bad: str) -> bool:
    print(("Correct: " + good) if ok else ("Not yet: " + bad))
    return ok


def share_difference_table(corpus) -> pd.DataFrame:
    """Article share of each scrape by characters and by sentences, and their difference.

    Returns
    -------
    DataFrame
        Index ``doc_id``; ``by_characters``, ``by_sentences`` (0 to 1) and ``difference``
        (by_characters minus by_sentences), sorted by doc_id.
    """
    counts = article_counts(corpus)
    by_sentences = (counts["article_sentences"] / counts["sentences"].where(counts["sentences"] > 0)).fillna(0)
    by_characters = role_composition(corpus.blocks)["article_share"]
    table = pd.DataFrame({"by_characters": by_characters, "by_sentences": by_sentences.round(3)})
    table["difference"] = (table["by_characters"] - table["by_sentences"]).round(3)
    return table.sort_index()


def check_share_difference(answer_doc_id, corpus) -> bool:
    """Exercise 00-3: is ``answer_doc_id`` the scrape whose two article shares differ most?"""
    table = share_difference_table(corpus)
    if table.empty:
        return _verdict(False, "", "the corpus has no article")
    gap = table["difference"].abs()
    best = gap[gap == gap.max()].index.tolist()
    return _verdict(str(answer_doc_id) in best, f"{answer_doc_id} has the largest gap ({gap.max():.3f}).",
                    f"the largest gap ({gap.max():.3f}) is in {', '.join(best)}.")


def blocks_matching(pattern: str, blocks: pd.DataFrame) -> pd.DataFrame:
    """The blocks whose text a lexicon pattern finds (case-insensitive, as the role lexicon is applied)."""
    compiled = re.compile(pattern, re.IGNORECASE)
    hit = blocks["text"].map(lambda t: bool(compiled.search(t)) if isinstance(t, str) else False)
    return blocks.loc[hit, ["doc_id", "block_id", "role", "text"]]


def check_pattern_spares_article_text(pattern: str, blocks: pd.DataFrame) -> bool:
    """Exercise 00-1: does a new boilerplate pattern leave every article block (headline, standfirst, body) alone?

    Prints the number of blocks the pattern finds and any article block among them.
    """
    try:
        found = blocks_matching(pattern, blocks)
    except re.error as error:
        return _verdict(False, "", f"the pattern is not a valid regular expression ({error}).")
    article = found[found["role"].isin(ARTICLE_ROLES)]
    print(f"The pattern finds {len(found)} block(s) of this corpus.")
    if len(article):
        print(article.to_string(index=False, max_colwidth=60))
    return _verdict(article.empty, "it finds no headline, standfirst or body block.",
                    f"it would turn {len(article)} article block(s) into boilerplate.")


def check_words_removed(vocabulary, removed) -> bool:
    """Exercise 01-2: are all the ``removed`` words absent from a TF-IDF vocabulary (words or stems)?"""
    vocabulary = set(vocabulary)
    left = sorted(w for w in removed if w in vocabulary)
    return _verdict(not left, f"none of the {len(set(removed))} words is in the vocabulary any more.",
                    f"still in the vocabulary: {', '.join(left)}.")


def same_passage_counts(pairs: pd.DataFrame, thresholds=(0.3, 0.4, 0.5)) -> pd.DataFrame:
    """Pairs of paragraphs at or above each threshold, per pair of articles.

    Returns
    -------
    DataFrame
        Index ``(doc_id_a, doc_id_b)``; one column per threshold (number of paragraph pairs),
        only article pairs with at least one pair at the lowest threshold, sorted.
    """
    columns = {}
    for threshold in thresholds:
        kept = pairs[pairs["similarity"] >= threshold]
        columns[threshold] = kept.groupby(["doc_id_a", "doc_id_b"]).size()
    table = pd.DataFrame(columns).fillna(0).astype("int64")
    return table.sort_index()


def check_same_passage_counts(answer: pd.DataFrame, pairs: pd.DataFrame) -> bool:
    """Exercise 01-3: does ``answer`` (article pairs x thresholds) count the paragraph pairs correctly?"""
    expected = same_passage_counts(pairs, tuple(answer.columns))
    try:
        ok = answer.sort_index().astype("int64").equals(expected)
    except (TypeError, ValueError):
        ok = False
    return _verdict(ok, "every count matches.", "some counts differ; compare with same_passage_counts(pairs).")


# notebook 03: numeric figures


def figures_per_article(figures: pd.DataFrame, corpus) -> pd.DataFrame:
    """Figures in each article's own text (headline, standfirst, body) and per 1,000 characters of it.

    Returns
    -------
    DataFrame
        Index ``doc_id`` (every article of the corpus); ``figures`` (count), ``characters`` (of
        article blocks), ``per_1000`` (figures per 1,000 characters, 0 for an article without
        article text), sorted by ``per_1000`` descending, then doc_id.
    """
    blocks = corpus.blocks[corpus.blocks["role"].isin(ARTICLE_ROLES)]
    characters = (blocks["end"] - blocks["start"]).groupby(blocks["doc_id"]).sum()
    counts = figures[figures["role"].isin(ARTICLE_ROLES)].groupby("doc_id").size()
    table = pd.DataFrame(index=pd.Index(corpus.articles["doc_id"], name="doc_id"))
    table["figures"] = counts.reindex(table.index).fillna(0).astype(int)
    table["characters"] = characters.reindex(table.index).fillna(0).astype(int)
    table["per_1000"] = (1000 * table["figures"] / table["characters"].where(table["characters"] > 0)).fillna(0).round(2)
    return table.sort_values(["per_1000", "figures"], ascending=False, kind="stable")


def check_densest_article(answer_doc_id, figures: pd.DataFrame, corpus) -> bool:
    """Exercise 03-1: is ``answer_doc_id`` the article with most figures per 1,000 characters of article text?"""
    table = figures_per_article(figures, corpus)
    if table.empty or table["per_1000"].max() == 0:
        return _verdict(False, "", "no article of this corpus states a figure in its own text.")
    top = table["per_1000"].max()
    best = table.index[table["per_1000"] == top].tolist()
    return _verdict(str(answer_doc_id) in best, f"{answer_doc_id} states {top} figures per 1,000 characters.",
                    f"the densest article is {', '.join(best)} ({top} per 1,000 characters).")


def check_group_count(answer: int, figures: pd.DataFrame, max_gap: float) -> bool:
    """Exercise 03-2: does ``compare_figures(figures, max_gap=max_gap)`` find ``answer`` groups?"""
    groups = compare_figures(figures, max_gap=max_gap)
    n = int(groups["group_id"].nunique()) if len(groups) else 0
    return _verdict(int(answer) == n, f"{n} group(s) with max_gap={max_gap}.",
                    f"compare_figures finds {n} group(s) with max_gap={max_gap}, not {answer}.")


def check_money_reading(text: str, expected_unit: str, figures_found: list[dict]) -> bool:
    """Exercise 03-3: did the extractor read ``text`` as money in ``expected_unit``?

    Parameters
    ----------
    text : str
        The sentence given to the extractor.
    expected_unit : str
        The ISO 4217 code the new lexicon row gives (e.g. "SEK").
    figures_found : list of dict
        What the extractor returned for ``text``.
    """
    money = [f for f in figures_found if f.get("kind") == "money"]
    units = sorted({f.get("unit") for f in money})
    return _verdict(expected_unit in units, f"read as money in {expected_unit}: {[f['text'] for f in money]}.",
                    f"no money figure in {expected_unit} (money units found: {units or 'none'}); "
                    "is the new row in the lexicon folder you passed?")


# notebook 04: timeline


def check_resolved_value(answer: str, sentence: str, expression: str, document_day) -> bool:
    """Exercise 04-2: is ``answer`` the TIMEX3 value ``tag_text`` gives ``expression`` in ``sentence``?"""
    values = [t["value"] for t in tag_text(sentence, document_day) if t["text"] == expression]
    if not values:
        return _verdict(False, "", f"{expression!r} is not tagged in this sentence.")
    return _verdict(str(answer) == values[0], f"{expression!r} is {values[0]} with document day {document_day}.",
                    f"with document day {document_day}, {expression!r} is {values[0]}, not {answer}.")


def low_certainty_events(events: pd.DataFrame) -> pd.DataFrame:
    """Events reported by one article only and marked ``low`` certainty, with the reason."""
    keep = (events["n_sources"] == 1) & (events["certainty"] == "low")
    return events.loc[keep, ["event_id", "doc_ids", "what", "certainty_reason"]]


def check_low_certainty(answer_event_ids, events: pd.DataFrame) -> bool:
    """Exercise 04-3: are ``answer_event_ids`` exactly the single-source events of low certainty?"""
    expected = set(low_certainty_events(events)["event_id"])
    given = set(answer_event_ids)
    missing, extra = sorted(expected - given), sorted(given - expected)
    return _verdict(not missing and not extra, f"{len(expected)} event(s): {', '.join(sorted(expected)) or 'none'}.",
                    f"missing {missing or 'none'}, not expected {extra or 'none'}.")


def thread_sentences(corpus, timexes: pd.DataFrame, thread: str) -> pd.DataFrame:
    """Article sentences (headline, standfirst, body) that a thread's pattern finds, and their timexes.

    Returns
    -------
    DataFrame
        ``doc_id, sent_id, text, n_timexes`` (temporal expressions in the sentence, any kind).
    """
    pattern = event_threads().set_index("thread").loc[thread, "pattern"]
    sentences = corpus.sentences[corpus.sentences["role"].isin(ARTICLE_ROLES)]
    found = sentences[sentences["text"].str.contains(pattern, regex=True)]
    counts = timexes.groupby(["doc_id", "sent_id"]).size()
    n = [int(counts.get((d, s), 0)) for d, s in zip(found["doc_id"], found["sent_id"])]
    return found[["doc_id", "sent_id", "text"]].assign(n_timexes=n)


def check_thread_sentences(answer: pd.DataFrame, corpus, timexes: pd.DataFrame, thread: str = "travel") -> bool:
    """Exercise 04-4: does ``answer`` hold exactly the article sentences the thread's pattern finds?

    ``answer`` needs ``doc_id`` and ``sent_id`` columns.
    """
    expected = thread_sentences(corpus, timexes, thread)
    want = set(zip(expected["doc_id"], expected["sent_id"]))
    got = set(zip(answer["doc_id"], answer["sent_id"]))
    dated = int((expected["n_timexes"] > 0).sum())
    return _verdict(want == got, f"{len(want)} sentence(s) mention {thread}; {dated} of them hold a temporal expression.",
                    f"the {thread} pattern finds {len(want)} article sentence(s); your table has {len(got)}, "
                    f"{len(got & want)} of them right.")


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


def check_lost_speakers(answer, before: pd.DataFrame, after: pd.DataFrame) -> bool:
    """Exercise 02-5: are ``answer`` the quote ids whose speaker changed or was lost between two runs?"""
    joined = before[["quote_id", "speaker"]].merge(after[["quote_id", "speaker"]], on="quote_id", how="left",
                                                   suffixes=("", "_after"))
    changed = joined[(joined["speaker"] != "") & (joined["speaker_after"].fillna("") != joined["speaker"])]
    expected = sorted(changed["quote_id"])
    return _verdict(sorted(set(answer)) == expected, f"{len(expected)} quote(s) lose or change their speaker.",
                    f"expected {expected or 'none'}.")
