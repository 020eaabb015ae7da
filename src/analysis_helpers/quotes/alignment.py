"""The same remark across outlets: group quotes that render one utterance in different words.

Two quotes from different articles are linked when they have the same speaker
and share enough content words (lower case, stop words of scikit-learn's
``ENGLISH_STOP_WORDS`` removed, a plural ``s`` dropped): at least
:data:`MIN_SHARED_WORDS` words and a Dice coefficient of at least
:data:`MIN_SIMILARITY`. Linked quotes form groups (connected components). Quotes of
one article are never linked to each other: an article repeating itself is not
another rendering.
"""

from __future__ import annotations

import difflib
import re
from itertools import combinations

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

MIN_SHARED_WORDS = 4
MIN_SIMILARITY = 0.45
PAIR_COLUMNS = ["quote_id_a", "quote_id_b", "doc_id_a", "doc_id_b", "speaker", "shared_words", "similarity"]
GROUP_COLUMNS = ["group_id", "quote_id", "doc_id", "speaker", "kind", "text", "similarity"]
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words of a quote, plural ``s`` dropped, stop words removed."""
    words = _WORD.findall(text.lower())
    return frozenset(
        (w[:-1] if w.endswith("s") and len(w) > 3 else w) for w in words
        if w not in ENGLISH_STOP_WORDS and len(w) > 2
    )


def quote_pairs(quotes: pd.DataFrame, kinds=("direct", "partial")) -> pd.DataFrame:
    """Every cross-article pair of quotes by one speaker, with its similarity.

    Returns
    -------
    DataFrame
        ``quote_id_a``, ``quote_id_b``, ``doc_id_a``, ``doc_id_b``, ``speaker``,
        ``shared_words`` (count) and ``similarity`` (Dice coefficient of the
        content-word sets, 0-1), sorted by similarity (highest first).
    """
    q = quotes[quotes["kind"].isin(kinds) & (quotes["speaker"].fillna("") != "")]
    items = [(r.quote_id, r.doc_id, r.speaker, content_words(r.text)) for r in q.itertuples()]
    rows = []
    for (qa, da, sa, wa), (qb, db, sb, wb) in combinations(items, 2):
        if da == db or sa != sb or not wa or not wb:
            continue
        shared = len(wa & wb)
        rows.append({"quote_id_a": qa, "quote_id_b": qb, "doc_id_a": da, "doc_id_b": db, "speaker": sa,
                     "shared_words": shared, "similarity": round(2 * shared / (len(wa) + len(wb)), 3)})
    pairs = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return pairs.sort_values(["similarity", "quote_id_a", "quote_id_b"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)


def align_quotes(quotes: pd.DataFrame, kinds=("direct", "partial"), min_similarity: float = MIN_SIMILARITY,
                 min_shared_words: int = MIN_SHARED_WORDS) -> pd.DataFrame:
    """Group quotes that render the same remark in different articles.

    Parameters
    ----------
    quotes : DataFrame
        A ``quotes`` table (see :func:`analysis_helpers.quotes.extract_quotes`).
    kinds : tuple of str
        Kinds compared (add ``"indirect"`` to link paraphrases too).
    min_similarity, min_shared_words
        Thresholds for a link (see the module docstring).

    Returns
    -------
    DataFrame
        One row per grouped quote: ``group_id`` (1, 2, ... in order of the
        groups' first quote), ``quote_id``, ``doc_id``, ``speaker``, ``kind``,
        ``text`` and ``similarity`` (the best Dice score linking the quote to
        its group). Quotes that match nothing are left out.
    """
    pairs = quote_pairs(quotes, kinds)
    links = pairs[(pairs["similarity"] >= min_similarity) & (pairs["shared_words"] >= min_shared_words)]
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    best: dict[str, float] = {}
    for a, b, s in zip(links["quote_id_a"], links["quote_id_b"], links["similarity"]):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        best[a] = max(best.get(a, 0.0), s)
        best[b] = max(best.get(b, 0.0), s)
    if not best:
        return pd.DataFrame(columns=GROUP_COLUMNS)
    members = quotes[quotes["quote_id"].isin(best)].copy()
    members["root"] = members["quote_id"].map(find)
    members["similarity"] = members["quote_id"].map(best)
    members = members.sort_values(["doc_id", "start"], kind="stable")
    order = {root: k + 1 for k, root in enumerate(dict.fromkeys(members["root"]))}
    members["group_id"] = members["root"].map(order).astype("int64")
    members = members.sort_values(["group_id", "doc_id", "start"], kind="stable").reset_index(drop=True)
    return members[GROUP_COLUMNS]


def mark_differences(a: str, b: str) -> tuple[str, str]:
    """Word-level differences of two renderings: ``[words]`` only in that text, the rest shared.

    Returns
    -------
    (str, str)
        ``a`` and ``b`` with every run of words absent from the other text in
        square brackets.
    """
    wa, wb = a.split(), b.split()
    key = lambda w: re.sub(r"\W+", "", w.lower().replace("’", "'"))  # noqa: E731
    matcher = difflib.SequenceMatcher(a=[key(w) for w in wa], b=[key(w) for w in wb], autojunk=False)
    out_a, out_b = [], []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out_a.extend(wa[i1:i2])
            out_b.extend(wb[j1:j2])
            continue
        if i2 > i1:
            out_a.append("[" + " ".join(wa[i1:i2]) + "]")
        if j2 > j1:
            out_b.append("[" + " ".join(wb[j1:j2]) + "]")
    return " ".join(out_a), " ".join(out_b)
