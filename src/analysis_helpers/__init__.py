"""Turn scraped news articles into pandas DataFrames and analyse them.

Every extracted span carries character offsets into its article's ``text``:
``text[start:end]`` is exactly what a row reports.

Subpackages, in pipeline order:

- corpus: reading files, decoding, blocks, block roles, sentences (notebook 00)
- quotes: quote marks, speakers, attribution, reported speech, alignment (notebook 02)
- figures: numeric figures, number words, comparison across articles (notebook 03)
- timexes: temporal expressions and document dates; timeline: events of the week (notebook 04)
- topics: TF-IDF, NMF topics, clusters, stability, near-duplicates (notebook 01)
- evaluation: scores against hand annotations and public corpora; plots: the house style

At the top: schema (every table's columns, dtypes and ids), resources (the one
loader of the lexicons), pipeline and runner (the declared steps of ``extract``),
cli, and paths (the only module that knows the clone's folders).
"""

__version__ = "0.1.0"

# reading a corpus: articles, blocks, block roles, sentences
from .corpus.blocks import attach_block, segment_blocks
from .corpus.build import Corpus, CorpusError, build_corpus, load_corpus, open_corpus, read_articles
from .corpus.sentences import split_sentences

# the contract and the lexicons
from .resources import Lexicons
from .schema import SchemaError, check_table, read_table

# quotes and speakers
from .quotes.alignment import align_quotes, mark_differences
from .quotes.extract import extract_quotes

# numeric figures
from .figures.comparison import compare_figures
from .figures.extract import extract_figures

# dates and the timeline
from .timeline.build import build_timeline
from .timeline.reference import find_conflicts, read_reference
from .timexes.document_dates import document_dates
from .timexes.extract import extract_timexes
from .timexes.tagger import tag_text

# topics, clusters and near-duplicates
from .topics.features import build_tfidf, words_of
from .topics.model import TopicModel, cluster_topics, cluster_units, paragraph_map, paragraph_units
from .topics.near_duplicates import (
    article_similarity, near_copy_pairs, paragraph_similarity_pairs, repeated_blocks, same_passage_pairs,
)
from .topics.stability import perturbation_stability, seed_stability

# evaluation against hand annotations and reference tables
from .evaluation.figures import evaluate_figures, read_gold_figures
from .evaluation.quotes import evaluate_quotes, quote_errors, read_gold_quotes
from .evaluation.slips import locate_slips
from .evaluation.timexes import align_timexes, evaluate_timexes
from .evaluation.topics import load_topic_labels, score_against_labels

# figures for notebooks
from .plots.style import save_figure, use_house_style

__all__ = [
    # reading a corpus
    "Corpus", "CorpusError", "attach_block", "build_corpus", "load_corpus", "open_corpus", "read_articles",
    "segment_blocks", "split_sentences",
    # the contract and the lexicons
    "Lexicons", "SchemaError", "check_table", "read_table",
    # quotes
    "align_quotes", "extract_quotes", "mark_differences",
    # numeric figures
    "compare_figures", "extract_figures",
    # dates and the timeline
    "build_timeline", "document_dates", "extract_timexes", "find_conflicts", "read_reference", "tag_text",
    # topics
    "TopicModel", "article_similarity", "build_tfidf", "cluster_topics", "cluster_units", "near_copy_pairs",
    "paragraph_map", "paragraph_similarity_pairs", "paragraph_units", "perturbation_stability", "repeated_blocks",
    "same_passage_pairs", "seed_stability", "words_of",
    # evaluation
    "align_timexes", "evaluate_figures", "evaluate_quotes", "evaluate_timexes", "load_topic_labels",
    "locate_slips", "quote_errors", "read_gold_figures", "read_gold_quotes", "score_against_labels",
    # plots
    "save_figure", "use_house_style",
]
