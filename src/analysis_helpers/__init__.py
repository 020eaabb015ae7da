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
"""

__version__ = "0.1.0"

# foundation (issue 2)
from .corpus.blocks import attach_block, segment_blocks  # noqa: E402
from .corpus.build import Corpus, CorpusError, build_corpus, load_corpus, open_corpus, read_articles  # noqa: E402
from .plots.style import save_figure, use_house_style  # noqa: E402
from .quotes.alignment import align_quotes, mark_differences  # noqa: E402
from .evaluation.quotes import evaluate_quotes, quote_errors, read_gold_quotes  # noqa: E402
from .quotes.extract import extract_quotes  # noqa: E402
from .corpus.sentences import split_sentences  # noqa: E402
from .evaluation.slips import locate_slips  # noqa: E402

# topics (issue 6)
from .topics.near_duplicates import (  # noqa: E402
    article_similarity, near_copy_pairs, paragraph_similarity_pairs, repeated_blocks, same_passage_pairs,
)
from .topics.features import build_tfidf, words_of  # noqa: E402
from .evaluation.topics import load_topic_labels, score_against_labels  # noqa: E402
from .topics.stability import perturbation_stability, seed_stability  # noqa: E402
from .topics.model import TopicModel, cluster_topics, cluster_units, paragraph_map, paragraph_units  # noqa: E402

# quotes (issue 3)
from .quotes.alignment import align_quotes, mark_differences  # noqa: E402
from .evaluation.quotes import evaluate_quotes, quote_errors, read_gold_quotes  # noqa: E402
from .quotes.extract import extract_quotes  # noqa: E402

# numeric figures (issue 4)
from .figures.comparison import compare_figures  # noqa: E402
from .evaluation.figures import evaluate_figures, read_gold_figures  # noqa: E402
from .figures.extract import extract_figures  # noqa: E402

# dates and timeline (issue 5)
from .timexes.document_dates import document_dates  # noqa: E402
from .timeline.build import build_timeline  # noqa: E402
from .timeline.reference import find_conflicts, read_reference  # noqa: E402
from .evaluation.timexes import align_timexes, evaluate_timexes  # noqa: E402
from .timexes.extract import extract_timexes, tag_text  # noqa: E402

__all__ = [
    # foundation
    "Corpus", "CorpusError", "attach_block", "build_corpus", "load_corpus", "locate_slips", "open_corpus",
    "read_articles", "save_figure", "segment_blocks", "split_sentences", "use_house_style",
    # topics
    "TopicModel", "article_similarity", "build_tfidf", "cluster_topics", "cluster_units", "load_topic_labels",
    "near_copy_pairs", "paragraph_map", "paragraph_similarity_pairs", "paragraph_units", "perturbation_stability",
    "repeated_blocks", "same_passage_pairs", "score_against_labels", "seed_stability", "words_of",
    # quotes
    "align_quotes", "evaluate_quotes", "extract_quotes", "mark_differences", "quote_errors", "read_gold_quotes",
    # numeric figures
    "compare_figures", "evaluate_figures", "extract_figures", "read_gold_figures",
    # dates and timeline
    "align_timexes", "build_timeline", "document_dates", "evaluate_timexes", "extract_timexes",
    "find_conflicts", "read_reference", "tag_text",
]
