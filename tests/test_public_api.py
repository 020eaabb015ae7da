"""Every name importable from ``analysis_helpers`` before the package was regrouped stays importable."""

import importlib

import analysis_helpers

#: The public names of version 0.1.0 (issue 10: nothing may disappear).
NAMES_BEFORE_REGROUPING = [
    "Corpus", "CorpusError", "TopicModel", "align_quotes", "align_timexes", "article_similarity", "attach_block",
    "build_corpus", "build_tfidf", "build_timeline", "cluster_topics", "cluster_units", "compare_figures",
    "document_dates", "evaluate_figures", "evaluate_quotes", "evaluate_timexes", "extract_figures",
    "extract_quotes", "extract_timexes", "find_conflicts", "load_corpus", "load_topic_labels", "locate_slips",
    "mark_differences", "near_copy_pairs", "open_corpus", "paragraph_map", "paragraph_similarity_pairs",
    "paragraph_units", "perturbation_stability", "quote_errors", "read_articles", "read_gold_figures",
    "read_gold_quotes", "read_reference", "repeated_blocks", "same_passage_pairs", "save_figure",
    "score_against_labels", "seed_stability", "segment_blocks", "split_sentences", "tag_text",
    "use_house_style", "words_of",
]

#: Names notebooks import from submodules (they may only move with the notebooks' import lines).
NOTEBOOK_IMPORTS = {
    "analysis_helpers.corpus.roles": ["ARTICLE_ROLES", "ROLES"],
    "analysis_helpers.timexes.extract": ["anchor_events", "extract_timexes", "tag_text"],
    "analysis_helpers.timexes.document_dates": ["document_dates"],
    "analysis_helpers.timeline.reference": ["find_conflicts", "read_reference"],
}


def test_every_public_name_of_before_is_still_importable():
    missing = [name for name in NAMES_BEFORE_REGROUPING if not hasattr(analysis_helpers, name)]
    assert missing == []
    assert set(NAMES_BEFORE_REGROUPING) <= set(analysis_helpers.__all__)


def test_all_lists_each_name_once_and_every_listed_name_exists():
    assert len(analysis_helpers.__all__) == len(set(analysis_helpers.__all__))
    assert [n for n in analysis_helpers.__all__ if not hasattr(analysis_helpers, n)] == []


def test_no_name_is_imported_twice_in_the_package_init():
    import ast
    from pathlib import Path

    tree = ast.parse(Path(analysis_helpers.__file__).read_text(encoding="utf-8"))
    names = [a.asname or a.name for node in tree.body if isinstance(node, ast.ImportFrom) for a in node.names]
    assert len(names) == len(set(names))


def test_names_notebooks_import_from_submodules():
    for module, names in NOTEBOOK_IMPORTS.items():
        loaded = importlib.import_module(module)
        assert [n for n in names if not hasattr(loaded, n)] == [], module
