"""Tests of the topic pipeline: tokens, TF-IDF, topics, clusters, near-duplicates, stability, labels.

Unit tests use short invented reports in the style of wire services and
broadcasters (not the seed outlets), so the rules are shown to be general.
The seeds are used for the offset invariant, the article-level requirement
of issue 6 and the hand labels' integrity.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from analysis_helpers import open_corpus
from analysis_helpers.corpus.roles import ARTICLE_ROLES, ROLES
from analysis_helpers.topics.near_duplicates import (
    article_similarity, near_copy_pairs, paragraph_similarity_pairs, repeated_blocks, same_passage_pairs,
)
from analysis_helpers.pipeline import EXTRACTORS
from analysis_helpers.topics.features import build_tfidf, display_words, news_stopwords, stems_of, words_of
from analysis_helpers.evaluation.topics import (
    groups_apart, groups_together, label_crosstab, load_topic_labels, score_against_labels,
)
from analysis_helpers.topics.stability import perturbation_stability, seed_stability, summarise_stability
from analysis_helpers.topics.model import (
    candidate_ks, choose_k, cluster_rows, cluster_topics, dominant_topic, paragraph_map, paragraph_units,
    topic_term_weights,
)

# --- invented reports: two stories, two outlets each, plus one on a third story -------------

RATES_REUTERS = """Central bank holds interest rates as inflation cools
The central bank kept its benchmark interest rate unchanged on Tuesday, saying inflation had cooled but remained above its target.
Governor Ana Ruiz told reporters that borrowing costs would stay high until price growth slowed further, and that a cut was not yet on the table.
Markets had priced in a rate cut by the summer, and bond yields rose after the decision as traders pushed back their bets on lower borrowing costs.
"""
RATES_BBC = """Interest rates unchanged as bank waits for inflation to fall
Interest rates have been held at their current level, the central bank said, as policymakers wait for clearer signs that inflation is falling.
The governor said borrowing costs would stay high and a rate cut was not yet on the table, disappointing homeowners with variable mortgages.
Economists said the bank was unlikely to cut interest rates before the summer, because wage growth and price growth remain strong.
"""
FLOOD_AP = """Floods force thousands from homes after river bursts its banks
Heavy rain caused the river to burst its banks overnight, flooding villages and forcing thousands of residents to leave their homes.
Rescue teams used boats to reach families stranded on rooftops, and emergency shelters opened in schools across the region.
Forecasters warned that more rain was expected, and officials said the flood defences had been overwhelmed in several places.
"""
FLOOD_GUARDIAN = """Rescuers reach stranded families as floodwater rises
Rescue crews in boats reached families stranded by floodwater after the river burst its banks, as heavy rain continued to fall.
Thousands of residents have left their homes, and schools have been turned into emergency shelters for those forced out by the flood.
Officials admitted that flood defences were overwhelmed and warned that more heavy rain was forecast.
"""
MATCH_REPORT = """Late goal sends champions top of the league
A stoppage-time goal from the striker gave the champions a narrow win and sent them top of the league table.
The visitors had defended well for most of the match, but the goalkeeper could not stop a deflected shot in the final minute.
The manager praised his players for their patience and said the title race would go to the last weekend of the season.
"""


def articles(**texts) -> pd.DataFrame:
    """An ``articles`` table from ``doc_id=text`` pairs."""
    rows = [{"doc_id": d, "title": t.strip().split("\n")[0] if t.strip() else "", "text": t} for d, t in texts.items()]
    return pd.DataFrame(rows, columns=["doc_id", "title", "text"])


@pytest.fixture(scope="module")
def news():
    return open_corpus(articles(r1=RATES_REUTERS, r2=RATES_BBC, f1=FLOOD_AP, f2=FLOOD_GUARDIAN, m1=MATCH_REPORT))


@pytest.fixture(scope="module")
def news_model(news):
    return cluster_topics(news)


@pytest.fixture(scope="module")
def seeds(seed_corpus):
    return seed_corpus


@pytest.fixture(scope="module")
def seed_model(seeds):
    return cluster_topics(seeds)


# --- text features ----------------------------------------------------------------------------

def test_words_drop_stopwords_reporting_verbs_and_numbers_but_keep_years():
    words = words_of("The minister said on Tuesday that 3.5% growth in 2024 wasn't enough, Reuters reported.")
    assert "said" not in words and "tuesday" not in words and "the" not in words
    assert "2024" in words and "3" not in words and "5" not in words
    assert "minister" in words and "growth" in words and "reuters" in words


def test_possessives_contractions_and_glued_quotes():
    assert words_of("The governor’s plan") == ["governor", "plan"]
    assert words_of("'No exceptions'Defense officials") == ["exceptions", "defense", "officials"]
    assert "didn't" not in news_stopwords() or "didn't" not in words_of("they didn't")


def test_stems_merge_inflections_and_display_the_common_word():
    assert stems_of("flood floods flooding") == [stems_of("flood")[0]] * 3
    shown = display_words(["floods floods flooding"])
    assert shown[stems_of("floods")[0]] == "floods"


@pytest.mark.parametrize("texts", [[], [""], ["", "   "], ["!!! ??? ..."], [None, "—"]])
def test_tfidf_of_texts_without_words_is_empty_not_an_error(texts):
    features = build_tfidf(texts)
    assert features.matrix.shape == (len(texts), 0)
    assert features.terms == []


def test_tfidf_rows_are_unit_length_and_terms_sorted():
    features = build_tfidf([RATES_REUTERS, FLOOD_AP, ""])
    norms = np.sqrt(features.matrix.multiply(features.matrix).sum(axis=1)).A1
    assert np.allclose(norms[:2], 1.0) and norms[2] == 0
    assert features.terms == sorted(features.terms)
    assert len(features.labels) == features.n_terms


# --- topic model on invented news --------------------------------------------------------------

def test_articles_on_the_same_story_share_a_group_and_stories_are_apart(news_model):
    clusters = news_model.article_clusters
    for column in ("agglomerative_cluster", "kmeans_cluster"):
        assert groups_together(clusters, ["r1", "r2"], column)
        assert groups_together(clusters, ["f1", "f2"], column)
        assert groups_apart(clusters, ["r1", "r2"], ["f1", "f2"], column)


def test_topics_name_the_stories(news_model):
    terms = " ".join(news_model.topics["top_terms"])
    assert "rate" in terms or "interest" in terms
    assert "flood" in terms or "river" in terms


def test_topic_table_columns_and_sums(news_model):
    topics = news_model.topics
    assert list(topics.columns[:5]) == ["topic_id", "label", "top_terms", "weight", "size"]
    assert topics["topic_id"].tolist() == list(range(len(topics)))
    assert abs(topics["weight"].sum() - 1) < 1e-3
    assert topics["size"].sum() == (news_model.paragraph_clusters["topic_id"] >= 0).sum()
    assert topics["weight"].is_monotonic_decreasing


def test_doc_topic_mixtures_sum_to_one_and_rank_from_one(news_model):
    mix = news_model.doc_topics
    sums = mix.groupby(["doc_id", "block_id"])["weight"].sum()
    assert np.allclose(sums, 1, atol=1e-3)
    first = mix[mix["rank"] == 1].set_index(["doc_id", "block_id"])["topic_id"]
    dominant = news_model.paragraph_clusters.set_index(["doc_id", "block_id"])["topic_id"]
    assert first.sort_index().tolist() == dominant.loc[first.sort_index().index].tolist()


def test_k_is_chosen_by_the_measured_criterion(news_model):
    table = news_model.k_selection
    assert table["chosen"].sum() == 1
    chosen = table.loc[table["chosen"]].iloc[0]
    assert chosen["stability"] == table["stability"].max()
    assert chosen["k"] == table.loc[table["stability"] == table["stability"].max(), "k"].min()
    assert len(news_model.topics) == chosen["k"]


def test_same_input_gives_identical_tables_whatever_the_thread_count(news):
    first = cluster_topics(news).tables()
    with threadpool_limits(limits=2):
        second = cluster_topics(news).tables()
    for name in first:
        pd.testing.assert_frame_equal(first[name], second[name])


def test_fixed_k_is_capped_by_the_data(news):
    model = cluster_topics(news, k=500)
    assert len(model.topics) <= len(model.paragraph_clusters)


# --- tiny and odd corpora ----------------------------------------------------------------------

@pytest.mark.parametrize("texts", [
    {},
    {"a": ""},
    {"a": "Short headline only"},
    {"a": RATES_REUTERS},
    {"a": RATES_REUTERS, "b": FLOOD_AP},
    {"a": RATES_REUTERS, "b": FLOOD_AP, "c": MATCH_REPORT},
    {"a": "\u200b\ufeff ✓✓ ###\n\n$$$", "b": "Ünïcödé wörds ñ, 東京 報道\nمرحبا بالعالم"},
])
def test_any_corpus_size_gives_the_tables_without_crashing(texts):
    model = cluster_topics(open_corpus(articles(**texts)))
    tables = model.tables()
    assert set(tables) >= {"topics", "doc_topics"}
    assert len(model.article_clusters) <= len(texts)
    assert (model.paragraph_clusters["topic_id"] < max(1, len(model.topics))).all()


def test_candidate_ks_stay_below_units_and_terms():
    assert candidate_ks(0, 10) == []
    assert candidate_ks(2, 10) == [1]
    assert candidate_ks(3, 10) == [2]
    assert candidate_ks(40, 3) == [2, 3]
    assert candidate_ks(1000, 1000) == list(range(2, 11))


def test_dominant_topic_of_an_empty_row_is_minus_one():
    assert dominant_topic(np.array([[0.0, 0.0], [0.1, 0.3]])).tolist() == [-1, 1]


def test_cluster_rows_leaves_zero_rows_out_and_numbers_by_first_appearance():
    vectors = np.array([[0, 0], [5, 0.1], [0.1, 4], [4, 0.2], [0, 0]], dtype=float)
    kmeans, agglo = cluster_rows(vectors, 2)
    assert kmeans.tolist() == [-1, 0, 1, 0, -1]
    assert agglo.tolist() == [-1, 0, 1, 0, -1]


def test_choose_k_on_a_fixed_list(news):
    features = build_tfidf(paragraph_units(news)["text"].tolist())
    table = choose_k(features, [2, 3], n_resamples=3)
    assert table["k"].tolist() == [2, 3]
    assert table["stability"].between(-1, 1).all()


# --- seeds: offsets, roles, requirement ----------------------------------------------------------

def test_offsets_index_the_article_text_on_the_seeds(seeds, seed_model):
    for table in (seed_model.paragraph_clusters, seed_model.doc_topics):
        for row in table.itertuples():
            text = seeds.text_of(row.doc_id)[row.start:row.end]
            assert text.strip() == text and text
    for row in seed_model.paragraph_clusters.itertuples():
        assert seeds.text_of(row.doc_id)[row.start:row.end] == row.text


def test_by_default_only_article_text_is_modelled(seed_model):
    assert set(seed_model.paragraph_clusters["role"]) <= set(ARTICLE_ROLES)


def test_press_conference_and_contact_group_reports_fall_into_different_groups(seed_model):
    clusters = seed_model.article_clusters
    for column in ("agglomerative_cluster", "kmeans_cluster"):
        assert groups_apart(clusters, ["000", "004"], ["002", "003"], column)


def test_paragraph_map_has_one_point_per_paragraph(seed_model):
    points = paragraph_map(seed_model)
    assert len(points) == len(seed_model.paragraph_clusters)
    assert points[["x", "y"]].abs().sum().sum() > 0


def test_topic_term_weights_are_sorted_within_topics(seed_model):
    table = topic_term_weights(seed_model, 5)
    for _, group in table.groupby("topic_id"):
        assert group["weight"].is_monotonic_decreasing
        assert group["rank"].tolist() == list(range(1, len(group) + 1))


def test_registered_extractor_writes_topics_and_doc_topics(seed_extractor_tables):
    assert "topics" in EXTRACTORS
    tables = seed_extractor_tables["topics"]  # run_extractor("topics", seed corpus), shared (conftest.py)
    assert {"topics", "doc_topics"} <= set(tables)
    assert len(tables["topics"]) and len(tables["doc_topics"])


# --- near-duplicates ----------------------------------------------------------------------------

SCRAPE_WITH_REPEATS = """Storm closes airports across the north
Storm closes airports across the north
Flights were cancelled at three airports on Friday as winds of up to 90 mph hit the coast.
Photo: AFP
Airport operators said passengers should check with their airline before travelling.
Photo: AFP
Read more »
"""
OTHER_OUTLET = """Airports shut as storm hits coast
Winds of up to 90 mph hit the coast on Friday and flights were cancelled at three airports.
The storm also brought down power lines, leaving homes without electricity.
Read more »
"""


@pytest.fixture(scope="module")
def storm():
    return open_corpus(articles(s1=SCRAPE_WITH_REPEATS, s2=OTHER_OUTLET))


def test_repeated_blocks_finds_repeats_within_and_across_scrapes(storm):
    table = repeated_blocks(storm)
    within = table[table["scope"] == "within article"]
    assert set(within["text"]) >= {"Storm closes airports across the north", "Photo: AFP"}
    across = table[table["scope"] == "across articles"]
    assert set(across["text"]) == {"Read more »"}
    for row in table.itertuples():
        assert storm.text_of(row.doc_id)[row.start:row.end] == row.text


def test_same_passage_across_outlets_is_found_and_unrelated_ones_are_not(storm):
    pairs = same_passage_pairs(storm)
    assert len(pairs) >= 1
    top = pairs.iloc[0]
    assert "90 mph" in top["text_a"] and "90 mph" in top["text_b"]
    assert not pairs["same_article"].any()
    assert not pairs["text_b"].str.contains("power lines").any()


def test_pair_offsets_and_scopes(storm):
    pairs = paragraph_similarity_pairs(storm, roles=ROLES, scope="all")
    assert pairs["similarity"].is_monotonic_decreasing
    for row in pairs.itertuples():
        assert storm.text_of(row.doc_id_a)[row.start_a:row.end_a] == row.text_a
        assert storm.text_of(row.doc_id_b)[row.start_b:row.end_b] == row.text_b
    with pytest.raises(ValueError):
        paragraph_similarity_pairs(storm, scope="sideways")


def test_near_copies_catch_small_edits():
    corpus = open_corpus(articles(a="Ministers agree on a new climate deal\nMinisters agree on new climate deal!\n"
                                       "The agreement was signed after talks that went on through the night."))
    pairs = near_copy_pairs(corpus)
    assert len(pairs) == 1 and pairs.iloc[0]["similarity"] >= 0.9


def test_article_similarity_is_one_row_per_pair(news):
    table = article_similarity(news)
    assert len(table) == 10
    best = table.sort_values("similarity", ascending=False).iloc[0]
    assert {best["doc_id_a"], best["doc_id_b"]} in ({"r1", "r2"}, {"f1", "f2"})


@pytest.mark.parametrize("texts", [{}, {"a": ""}, {"a": "One line"}])
def test_near_duplicate_functions_accept_tiny_corpora(texts):
    corpus = open_corpus(articles(**texts))
    for func in (repeated_blocks, same_passage_pairs, near_copy_pairs, article_similarity):
        assert isinstance(func(corpus), pd.DataFrame)


# --- stability and evaluation --------------------------------------------------------------------

def test_seed_stability_compares_every_pair_of_seeds(news):
    table = seed_stability(news, k=3, seeds=(0, 1, 2), nmf_inits=("nndsvda",))
    assert len(table) == 3 * 3
    assert table["ari"].between(-1, 1).all()
    summary = summarise_stability(table)
    assert set(summary["method"]) == {"NMF dominant topic", "k-means", "agglomerative"}


def test_perturbation_stability_runs_every_change(news):
    table = perturbation_stability(news, k=3, n_runs=2, drop_fraction=0.2)
    perturbations = table["perturbation"].unique()
    assert sum(p.startswith("drop") for p in perturbations) == 2
    assert sum(p.startswith("leave out article") for p in perturbations) == 5
    assert table["ari"].dropna().between(-1, 1).all()


def test_scores_are_one_for_a_renumbered_perfect_clustering():
    clusters = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "start": [0, 10, 0, 10], "end": [5, 15, 5, 15],
                             "topic_id": [7, 7, 3, 3], "kmeans_cluster": [0, 1, 0, 1], "agglomerative_cluster": [1, 1, 0, 0]})
    labels = pd.DataFrame({"doc_id": ["a", "a", "b", "b"], "start": [0, 10, 0, 10], "end": [5, 15, 5, 15],
                           "text": "", "topic": ["x", "x", "y", "y"], "secondary_topic": "", "note": ""})
    scores = score_against_labels(clusters, labels).set_index("column")
    assert scores.loc["topic_id", "ari"] == 1 and scores.loc["agglomerative_cluster", "nmi"] == 1
    assert scores.loc["kmeans_cluster", "ari"] < 0.1
    assert label_crosstab(clusters, labels).loc["x", 7] == 2


def test_group_checks():
    clusters = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "agglomerative_cluster": [0, 0, 1, 1]})
    assert groups_apart(clusters, ["a", "b"], ["c", "d"]) and groups_together(clusters, ["c", "d"])
    assert not groups_apart(clusters, ["a", "c"], ["d"]) and not groups_together(clusters, ["a", "c"])
    assert not groups_apart(clusters, ["a"], ["zzz"])


def test_hand_labels_have_valid_offsets_and_known_topics(seeds):
    labels = load_topic_labels()
    assert len(labels) >= 30
    assert set(labels["topic"]) <= {"negotiating_strength", "european_spending", "peace_terms", "aid", "off_topic"}
    assert set(labels["secondary_topic"]) - {""} <= set(labels["topic"])
    for row in labels.itertuples():
        assert seeds.text_of(row.doc_id)[row.start:row.end] == row.text
    body = seeds.blocks[seeds.blocks["role"] == "body"]
    assert set(zip(labels["doc_id"], labels["start"])) == set(zip(body["doc_id"], body["start"]))
