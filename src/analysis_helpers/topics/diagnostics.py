"""Print the warnings about a fitted topic model that a reader should see before trusting its topics.

The checks themselves (k at the edge of its range, a topic of too few paragraphs, a corpus too
small) live in :mod:`analysis_helpers.topics.checks`; this module prints them, in a notebook or
from the command line on a folder of articles::

    python -m analysis_helpers.topics.diagnostics path/to/articles
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .checks import (  # noqa: F401 - the checks' home is topics.checks; imported here for callers
    DIAGNOSTIC_COLUMNS, MIN_ARTICLES, MIN_PARAGRAPHS, MIN_TOPIC_PARAGRAPHS, topic_choice, topic_model_diagnostics,
    topic_model_warnings,
)
from .model import cluster_topics


def print_topic_model_warnings(model) -> None:
    """Print each warning on its own line, or one line saying there is none."""
    messages = topic_model_warnings(model)
    if not messages:
        print("Topic model checks: no warning (k inside its range, every topic has at least "
              f"{MIN_TOPIC_PARAGRAPHS} paragraphs, corpus not tiny).")
    for message in messages:
        print(f"WARNING: {message}")


def main(argv=None) -> int:
    """``python -m analysis_helpers.topics.diagnostics DIR``: fit the topic model of DIR and print its warnings.

    Exit status 0 when there is no warning, 3 when there is at least one, 2 on a bad folder.
    """
    parser = argparse.ArgumentParser(prog="python -m analysis_helpers.topics.diagnostics",
                                     description="Fit the topic model of a folder of articles and print "
                                                 "what makes its topics doubtful.")
    parser.add_argument("corpus_dir", type=Path, help="folder of .txt articles")
    args = parser.parse_args(argv)
    if not args.corpus_dir.is_dir():
        print(f"{args.corpus_dir} is not a folder", file=sys.stderr)
        return 2
    model = cluster_topics(args.corpus_dir)
    print_topic_model_warnings(model)
    return 3 if topic_model_warnings(model) else 0


if __name__ == "__main__":
    raise SystemExit(main())
