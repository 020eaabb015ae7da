"""Corpus steps on corpora full of copies: the work grows with distinct texts, not with pairs of copies.

Invented texts; operation counts and output sizes, never wall time.
"""

import random

import pandas as pd

from analysis_helpers import open_corpus
from analysis_helpers.comparison.dates import class_date_disagreements, date_disagreements
from analysis_helpers.figures.comparison import compare_figures, context_words
from analysis_helpers.pipeline import _warning_rows
from analysis_helpers.quotes.alignment import align_quotes, quote_pairs
from analysis_helpers.resources import read_table, using
from analysis_helpers.topics.near_duplicates import same_passage_classes, same_passage_pairs

REMARKS = ["the bridge will reopen before the winter storms arrive",
           "we expect the bridge to reopen before winter storms",
           "nobody warned the fishermen about the rising water levels",
           "ticket prices stay frozen until the stadium roof is repaired"]


def quotes_table(n_articles: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for d in range(n_articles):
        for k in range(rng.randint(1, 3)):
            rows.append({"quote_id": f"q{d:04d}_{k}", "doc_id": f"d{d:04d}", "speaker": rng.choice(["Ana Ruiz", "Tom Ode"]),
                         "kind": rng.choice(["direct", "partial", "indirect"]), "text": rng.choice(REMARKS),
                         "start": 10 * k, "end": 10 * k + 5})
    return pd.DataFrame(rows)


def groups_from_all_pairs(quotes: pd.DataFrame) -> dict:
    """Reference: link every listed pair above the thresholds, return {quote_id: (component, best)}."""
    pairs = quote_pairs(quotes)
    links = pairs[(pairs["similarity"] >= 0.45) & (pairs["shared_words"] >= 4)]
    component = {}
    for a, b in zip(links["quote_id_a"], links["quote_id_b"]):
        merged = component.get(a, {a}) | component.get(b, {b})
        for q in merged:
            component[q] = merged
    best = pd.concat([links[["quote_id_a", "similarity"]].set_axis(["q", "s"], axis=1),
                      links[["quote_id_b", "similarity"]].set_axis(["q", "s"], axis=1)]).groupby("q")["s"].max()
    return {q: (min(component[q]), best[q]) for q in component}


def test_quote_groups_equal_linking_every_pair():
    for seed in range(5):
        quotes = quotes_table(12, seed)
        groups = align_quotes(quotes)
        reference = groups_from_all_pairs(quotes)
        assert set(groups["quote_id"]) == set(reference)
        first_of_group = groups.groupby("group_id")["quote_id"].transform(lambda ids: min(ids))
        assert dict(zip(groups["quote_id"], zip(first_of_group, groups["similarity"]))) == reference


def test_quote_alignment_work_does_not_grow_with_copies():
    small, large = align_quotes(quotes_table(40)), align_quotes(quotes_table(400))
    assert large.attrs["pairs_examined"] == small.attrs["pairs_examined"] <= 2 * len(REMARKS) + 16
    assert len(large) == (quotes_table(400)["kind"] != "indirect").sum()  # one row per grouped quote


def test_same_passage_classes_compare_each_text_once():
    paragraph = "Flood water reached the old mill on Tuesday and the mayor ordered an evacuation of the valley."
    other = "Ticket prices for the stadium stay frozen while engineers repair the roof."
    for n in (10, 60):
        texts = {f"d{i:03d}": f"Headline {i}\n\n{paragraph}\n\n{other}\n" for i in range(n)}
        corpus = open_corpus(pd.DataFrame({"doc_id": list(texts), "text": list(texts.values())}))
        blocks, classes = same_passage_classes(corpus, roles=("body",))
        assert classes[["class_a", "class_b"]].apply(tuple, axis=1).tolist() == [(0, 0), (1, 1)]
        pairs = same_passage_pairs(corpus, roles=("body",))
        assert len(pairs) == 2 * n * (n - 1) // 2  # what listing every pair costs


def dated_copies(days: list[str]):
    """One paragraph copied into each article, stating the day ``days[i]`` in article i."""
    n = len(days)
    text = "The council voted on Monday to close the bridge."
    blocks = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(n)], "block_id": 1, "start": 0, "end": len(text),
                           "text": text, "text_class": 0})
    timexes = pd.DataFrame({"doc_id": blocks["doc_id"], "start": 21, "end": 30, "text": "on Monday",
                            "granularity": "day", "first_day": days})
    return blocks, timexes


def test_class_disagreements_equal_pairwise_ones_below_the_cap():
    blocks, timexes = dated_copies(["2025-02-10", "2025-02-17", "2025-02-10", "2025-02-03"])
    classes = pd.DataFrame({"class_a": [0], "class_b": [0], "similarity": [1.0]})
    found, warnings = class_date_disagreements(blocks, classes, timexes, pd.Series(dtype=object))
    i, j = zip(*[(i, j) for i in range(4) for j in range(i + 1, 4)])
    a, b = blocks.iloc[list(i)].reset_index(drop=True), blocks.iloc[list(j)].reset_index(drop=True)
    pairs = pd.DataFrame({"doc_id_a": a["doc_id"], "doc_id_b": b["doc_id"], "start_a": a["start"], "end_a": a["end"],
                          "start_b": b["start"], "end_b": b["end"], "similarity": 1.0, "same_article": False,
                          "text_a": a["text"], "text_b": b["text"]})
    expected = date_disagreements(pairs, timexes, pd.Series(dtype=object))
    assert len(expected) == 5 and not warnings
    pd.testing.assert_frame_equal(found, expected)


def test_class_disagreements_are_capped_with_a_warning():
    n = 400
    blocks, timexes = dated_copies(["2025-02-10" if i % 2 else "2025-02-17" for i in range(n)])
    classes = pd.DataFrame({"class_a": [0], "class_b": [0], "similarity": [1.0]})
    found, warnings = class_date_disagreements(blocks, classes, timexes, pd.Series(dtype=object),
                                               max_pairs_per_passage=50)
    assert len(found) == 50
    assert len(warnings) == 1 and f"{(n // 2) ** 2 - 50} pairs left out" in warnings[0]
    assert (found["days_a"] != found["days_b"]).all() and (found["doc_id_a"] < found["doc_id_b"]).all()


def figures_table(n_articles: int) -> pd.DataFrame:
    sentence = "The storm killed 12 people in the valley on Monday"
    return pd.DataFrame({"figure_id": [f"f{i:04d}" for i in range(n_articles)], "doc_id": [f"d{i:04d}" for i in range(n_articles)],
                         "kind": "count", "unit": "people", "base": "", "value": [12.0 if i % 3 else 13.0 for i in range(n_articles)],
                         "bound": "", "text": "12", "subject": "", "sentence": sentence, "role": "body",
                         "start": 17, "end": 19, "change": ""})


def test_figure_comparison_work_does_not_grow_with_copies():
    small, large = compare_figures(figures_table(30)), compare_figures(figures_table(600))
    # two classes (12 and 13 stated in identical sentences) and the one pair of them (7.7 % apart: no link)
    assert small.attrs["pairs_examined"] == large.attrs["pairs_examined"] == 3
    assert len(large) == 600 and large.groupby("group_id")["n_docs"].first().tolist() == [200, 400]
    assert set(large["similarity"]) == {1.0}


def test_figure_context_aliases_are_read_once_per_lexicon_source(tmp_path):
    # the alias table is cached per lexicon source: a folder of the user's own aliases is honoured
    sentence = "The Grand Duchy spent 2 billion euros on defence"
    assert "grand" in context_words(sentence, "2 billion") and "lux" not in context_words(sentence, "2 billion")
    table = read_table("person_aliases.csv")
    extra = pd.DataFrame([{"kind": "place", "alias": "grand duchy", "canonical": "lux", "note": "test"}])
    pd.concat([table, extra], ignore_index=True).to_csv(tmp_path / "person_aliases.csv", index=False)
    with using(tmp_path):
        mine = context_words(sentence, "2 billion")
    assert "lux" in mine and "grand" not in mine and "duchy" not in mine
    assert "lux" not in context_words(sentence, "2 billion")  # the packaged table again outside the block


def test_figure_comparison_of_one_long_sentence_reads_its_words_once():
    # 3,000 figures stated in one long sentence of 10 articles: equal contexts are computed once per
    # sentence, text, unit and base, and the groups are those of computing each one
    sentence = " ".join(f"said {i % 7}" for i in range(300))
    rows = [{"figure_id": f"f{d}{i:03d}", "doc_id": f"d{d}", "kind": "count", "unit": "", "base": "",
             "value": float(i % 7), "bound": "", "text": str(i % 7), "subject": "", "sentence": sentence,
             "role": "body", "start": 5 + 7 * i, "end": 6 + 7 * i, "change": ""} for d in range(10) for i in range(300)]
    found = compare_figures(pd.DataFrame(rows))
    assert len(found) == 3000 and found["group_id"].nunique() == 7 and set(found["n_docs"]) == {10}
    assert not found["disagreement"].any()


def test_a_capped_timeline_comparison_becomes_a_problems_warning():
    rows = _warning_rows({"timeline_conflicts_warnings": ["1 passage(s) ... 7 pairs left out"]})
    assert [(r["severity"], r["step"]) for r in rows] == [("warning", "timeline_conflicts")]
    assert "7 pairs left out" in rows[0]["problem"]
