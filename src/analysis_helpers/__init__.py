"""Turn scraped news articles into pandas DataFrames and analyse them.

Every extracted span carries character offsets into its article's ``text``:
``text[start:end]`` is exactly what a row reports.
"""

__version__ = "0.1.0"

from .blocks import attach_block, segment_blocks  # noqa: E402
from .corpus import Corpus, CorpusError, build_corpus, load_corpus, open_corpus, read_articles  # noqa: E402
from .plotting import save_figure, use_house_style  # noqa: E402
from .sentences import split_sentences  # noqa: E402
from .document_dates import document_dates  # noqa: E402
from .timeline import build_timeline  # noqa: E402
from .timeline_reference import find_conflicts, read_reference  # noqa: E402
from .timex_evaluation import align_timexes, evaluate_timexes  # noqa: E402
from .timexes import extract_timexes, tag_text  # noqa: E402

__all__ = [
    "Corpus", "CorpusError", "attach_block", "build_corpus", "load_corpus", "open_corpus",
    "read_articles", "save_figure", "segment_blocks", "split_sentences", "use_house_style",
    "align_timexes", "build_timeline", "document_dates", "evaluate_timexes", "extract_timexes",
    "find_conflicts", "read_reference", "tag_text",
]
