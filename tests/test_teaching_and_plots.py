"""Topic-model warnings, the teaching self-checks and the notebook figure functions, on invented data."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis_helpers.plots.composition import plot_scrape_composition  # noqa: E402
from analysis_helpers.plots.labels import article_labels, top_n_with_other  # noqa: E402
from analysis_helpers.plots.topics import plot_paragraph_map, plot_topic_terms  # noqa: E402
from analysis_helpers.teaching import (  # noqa: E402
    check_pattern_spares_article_text, check_same_passage_counts, check_words_removed, same_passage_counts,
)
from analysis_helpers.topics.diagnostics import topic_model_diagnostics  # noqa: E402


class FakeModel:
    def __init__(self, n_paragraphs, n_articles, ks, chosen, sizes):
        self.paragraph_clusters = pd.DataFrame({"doc_id": [f"a{i % n_articles}" for i in range(n_paragraphs)]})
        self.k_selection = pd.DataFrame({"k": ks, "chosen": [k == chosen for k in ks]})
        self.topics = pd.DataFrame({"topic_id": range(len(sizes)), "label": [f"t{i}" for i in range(len(sizes))],
                                    "size": sizes})


def test_diagnostics_flag_small_corpus_edge_k_and_tiny_topics():
    checks = topic_model_diagnostics(FakeModel(6, 1, [2, 3, 4], 4, [4, 1, 1, 0]))
    assert list(checks["check"]) == ["corpus_size", "k_at_edge", "small_topic", "small_topic", "small_topic"]
    assert "largest" in checks["message"].iloc[1]


def test_diagnostics_are_silent_on_a_sound_model():
    assert topic_model_diagnostics(FakeModel(60, 6, list(range(2, 11)), 5, [20, 15, 10, 8, 7])).empty


def test_lower_edge_of_k_is_flagged_too():
    checks = topic_model_diagnostics(FakeModel(60, 6, list(range(2, 11)), 2, [30, 30]))
    assert list(checks["check"]) == ["k_at_edge"] and "smallest" in checks["message"].iloc[0]


def test_article_labels_fall_back_to_file_when_no_outlet():
    articles = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["Daily Planet (print)", ""], "file": ["a.txt", "b_page.txt"]})
    assert article_labels(articles).to_dict() == {"a": "a Daily Planet", "b": "b b_page"}


def test_top_n_with_other_folds_the_rest():
    table = pd.DataFrame({"x": [1, 5, 3, 2]}, index=["p", "q", "r", "s"])
    folded = top_n_with_other(table, table["x"], 2, "other ({n})")
    assert list(folded.index) == ["q", "r", "other (2)"] and folded.loc["other (2)", "x"] == 3


def test_composition_figure_draws_one_bar_per_article_up_to_the_limit():
    composition = pd.DataFrame({"headline": [10] * 40, "body": list(range(100, 140)), "boilerplate": [5] * 40},
                               index=[f"d{i:02d}" for i in range(40)])
    composition["total"] = composition.sum(axis=1)
    articles = pd.DataFrame({"doc_id": composition.index, "outlet": "", "file": ""})
    fig = plot_scrape_composition(composition, articles, title="t", max_articles=10)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    plt.close(fig)
    assert len(labels) == 11 and labels[-1] == "other (30 articles)"


def test_topic_terms_width_is_bounded_and_map_labels_never_overlap():
    terms = pd.DataFrame({"topic_id": [t for t in range(10) for _ in range(3)], "rank": [1, 2, 3] * 10,
                          "word": ["alpha", "beta", "gamma"] * 10, "weight": [0.3, 0.2, 0.1] * 10})
    topics = pd.DataFrame({"topic_id": range(10), "label": ["a / b"] * 10, "size": [5] * 10})
    fig = plot_topic_terms(terms, topics)
    assert fig.get_size_inches()[0] <= 13
    plt.close(fig)
    points = pd.DataFrame({"doc_id": ["d"] * 30, "block_id": range(30), "x": [i % 3 * 0.001 for i in range(29)] + [1.0],
                           "y": [i // 3 * 0.001 for i in range(29)] + [1.0], "topic_id": [i % 2 for i in range(30)]})
    fig = plot_paragraph_map(points, topics)
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if ":" in t.get_text() and "labelled" not in t.get_text()]
    plt.close(fig)
    assert 0 < len(boxes) < 30
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_teaching_checks_say_right_and_wrong(capsys):
    blocks = pd.DataFrame({"doc_id": ["a", "a"], "block_id": [0, 1], "role": ["body", "boilerplate"],
                           "text": ["Ministers met on Monday.", "Print this page"]})
    assert check_pattern_spares_article_text(r"^print this page", blocks)
    assert not check_pattern_spares_article_text(r"ministers", blocks)
    assert not check_pattern_spares_article_text(r"(", blocks)
    assert check_words_removed(["war", "peace"], ["trump"]) and not check_words_removed(["war"], ["war"])
    pairs = pd.DataFrame({"doc_id_a": ["a", "a", "b"], "doc_id_b": ["b", "b", "c"], "similarity": [0.35, 0.6, 0.45]})
    table = same_passage_counts(pairs)
    assert table.loc[("a", "b")].tolist() == [2, 1, 1] and table.loc[("b", "c")].tolist() == [1, 1, 0]
    assert check_same_passage_counts(table, pairs)
    assert not check_same_passage_counts(table.replace(2, 3), pairs)
    assert "Not yet" in capsys.readouterr().out
