"""Turn scraped news articles into pandas DataFrames and analyse them.

Every extracted span carries character offsets into its article's ``text``:
``text[start:end]`` is exactly what a row reports.

Modules, one task each:

- corpus, decoding, blocks, block_roles, sentences: reading and segmenting (notebook 00)
- text_features, topics, near_duplicates, topic_stability, topic_evaluation (notebook 01)
- quotes and its helpers (notebook 02)
- numeric_figures, number_words, figure_comparison, figure_evaluation (notebook 03)
- timexes, document_dates, timeline, timeline_reference, timex_evaluation (notebook 04)
"""

__version__ = "0.1.0"

# foundation (issue 2)
from .blocks import attach_block, segment_blocks  # noqa: E402
from .corpus import Corpus, CorpusError, build_corpus, load_corpus, open_corpus, read_articles  # noqa: E402
from .plotting import save_figure, use_house_style  # noqa: E402
from .quote_alignment import align_quotes, mark_differences  # noqa: E402
from .quote_evaluation import evaluate_quotes, quote_errors, read_gold_quotes  # noqa: E402
from .quotes import extract_quotes  # noqa: E402
from .sentences import split_sentences  # noqa: E402
from .slips import locate_slips  # noqa: E402

# topics (issue 6)
from .near_duplicates import (  # noqa: E402
    article_similarity, near_copy_pairs, paragraph_similarity_pairs, repeated_blocks, same_passage_pairs,
)
from .text_features import build_tfidf, words_of  # noqa: E402
from .topic_evaluation import load_topic_labels, score_against_labels  # noqa: E402
from .topic_stability import perturbation_stability, seed_stability  # noqa: E402
from .topics import TopicModel, cluster_topics, cluster_units, paragraph_map, paragraph_units  # noqa: E402

# quotes (issue 3)
from .quote_alignment import align_quotes, mark_differences  # noqa: E402
from .quote_evaluation import evaluate_quotes, quote_errors, read_gold_quotes  # noqa: E402
from .quotes import extract_quotes  # noqa: E402

# numeric figures (issue 4)
from .figure_comparison import compare_figures  # noqa: E402
from .figure_evaluation import evaluate_figures, read_gold_figures  # noqa: E402
from .numeric_figures import extract_figures  # noqa: E402

# dates and timeline (issue 5)
from .document_dates import document_dates  # noqa: E402
from .timeline import build_timeline  # noqa: E402
from .timeline_reference import find_conflicts, read_reference  # noqa: E402
from .timex_evaluation import align_timexes, evaluate_timexes  # noqa: E402
from .timexes import extract_timexes, tag_text  # noqa: E402

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
