"""Turn scraped news articles into pandas DataFrames and analyse them.

Every extracted span carries character offsets into its article's ``text``:
``text[start:end]`` is exactly what a row reports.
"""

__version__ = "0.1.0"

from .blocks import attach_block, segment_blocks  # noqa: E402
from .corpus import Corpus, CorpusError, build_corpus, load_corpus, open_corpus, read_articles  # noqa: E402
from .plotting import save_figure, use_house_style  # noqa: E402
from .quote_alignment import align_quotes, mark_differences  # noqa: E402
from .quote_evaluation import evaluate_quotes, quote_errors, read_gold_quotes  # noqa: E402
from .quotes import extract_quotes  # noqa: E402
from .sentences import split_sentences  # noqa: E402

__all__ = [
    "Corpus", "CorpusError", "align_quotes", "attach_block", "build_corpus", "evaluate_quotes",
    "extract_quotes", "load_corpus", "mark_differences", "open_corpus", "quote_errors", "read_articles",
    "read_gold_quotes", "save_figure", "segment_blocks", "split_sentences", "use_house_style",
]
