"""Turn scraped news articles into pandas DataFrames and analyse them.

Every extracted span carries character offsets into its article's ``text``:
``text[start:end]`` is exactly what a row reports.
"""

__version__ = "0.1.0"

from .blocks import attach_block, segment_blocks  # noqa: E402
from .figure_comparison import compare_figures  # noqa: E402
from .figure_evaluation import evaluate_figures, read_gold_figures  # noqa: E402
from .corpus import Corpus, CorpusError, build_corpus, load_corpus, open_corpus, read_articles  # noqa: E402
from .numeric_figures import extract_figures  # noqa: E402
from .plotting import save_figure, use_house_style  # noqa: E402
from .sentences import split_sentences  # noqa: E402

__all__ = [
    "Corpus", "CorpusError", "attach_block", "build_corpus", "compare_figures", "evaluate_figures",
    "extract_figures", "load_corpus", "open_corpus", "read_articles", "read_gold_figures", "save_figure",
    "segment_blocks", "split_sentences", "use_house_style",
]
