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

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

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

    Lists every pair, so its size grows with the square of the quotes of one speaker (use
    :func:`align_quotes` for groups on large corpora).

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


def _link_classes(quotes: pd.DataFrame, kinds) -> tuple[list, dict]:
    """Quotes by one speaker with one content-word set, collapsed: ``[(speaker, words, members)]``
    (members as ``(quote_id, doc_id)`` in table order) and, per speaker, the class indices."""
    q = quotes[quotes["kind"].isin(kinds) & (quotes["speaker"].fillna("") != "")]
    index: dict[tuple, int] = {}
    classes: list[tuple] = []
    for quote_id, doc_id, speaker, text in zip(q["quote_id"], q["doc_id"], q["speaker"], q["text"]):
        words = content_words(text)
        if not words:
            continue
        key = (speaker, words)
        if key not in index:
            index[key] = len(classes)
            classes.append((speaker, words, []))
        classes[index[key]][2].append((quote_id, doc_id))
    by_speaker: dict = {}
    for k, (speaker, _, _) in enumerate(classes):
        by_speaker.setdefault(speaker, []).append(k)
    return classes, by_speaker


def _class_pairs(classes: list, members: list[int], min_shared_words: int):
    """Pairs ``(i, j, shared)`` of distinct classes of one speaker sharing at least ``min_shared_words``
    content words: a sparse product of the binary class-by-word matrix, so only classes with a word in
    common are ever compared."""
    if len(members) < 2:
        return []
    matrix = CountVectorizer(analyzer=sorted, binary=True, dtype=np.int32).fit_transform(
        [classes[k][1] for k in members])
    shared = sparse.triu(matrix @ matrix.T, k=1).tocoo()
    keep = shared.data >= min_shared_words
    return [(members[i], members[j], int(s)) for i, j, s in zip(shared.row[keep], shared.col[keep], shared.data[keep])]


def align_quotes(quotes: pd.DataFrame, kinds=("direct", "partial"), min_similarity: float = MIN_SIMILARITY,
                 min_shared_words: int = MIN_SHARED_WORDS) -> pd.DataFrame:
    """Group quotes that render the same remark in different articles.

    The links are those of :func:`quote_pairs` filtered by the thresholds, found without listing every
    pair: quotes by one speaker with the same content words are collapsed into one class first (any two
    copies in different articles link with similarity 1), and distinct classes are compared only when
    they share a word (a sparse product), so the work grows with the number of distinct quotes, not
    with the square of their copies. The groups are the same as linking every pair.

    Parameters
    ----------
    quotes : DataFrame
        A ``quotes`` table (see :func:`analysis_helpers.quotes.extract_quotes`).
    kinds : tuple of str
        Kinds compared (add ``"indirect"`` to link paraphrases too).
    min_similarity, min_shared_words
        Thresholds for a link (see the module docstring; ``min_shared_words`` of at least 1).

    Returns
    -------
    DataFrame
        One row per grouped quote: ``group_id`` (1, 2, ... in order of the
        groups' first quote), ``quote_id``, ``doc_id``, ``speaker``, ``kind``,
        ``text`` and ``similarity`` (the best Dice score linking the quote to
        its group). Quotes that match nothing are left out. ``attrs["pairs_examined"]``
        counts the classes and class pairs compared (the work done).
    """
    classes, by_speaker = _link_classes(quotes, kinds)
    min_shared_words = max(1, min_shared_words)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(ids) -> None:
        ids = iter(ids)
        root = find(next(ids))
        for other in ids:
            r = find(other)
            if r != root:
                root, gone = min(root, r), max(root, r)
                parent[gone] = root

    best: dict[str, float] = {}
    examined = len(classes)
    for _, words, members in classes:  # copies in different articles: Dice 1
        if len({doc for _, doc in members}) > 1 and len(words) >= min_shared_words and 1.0 >= min_similarity:
            union(q for q, _ in members)
            best.update((q, 1.0) for q, _ in members)
    for members_of_speaker in by_speaker.values():
        for i, j, shared in _class_pairs(classes, members_of_speaker, min_shared_words):
            examined += 1
            (_, words_a, a), (_, words_b, b) = classes[i], classes[j]
            similarity = round(2 * shared / (len(words_a) + len(words_b)), 3)
            docs_a, docs_b = {doc for _, doc in a}, {doc for _, doc in b}
            if similarity < min_similarity or (len(docs_a) == 1 and docs_a == docs_b):
                continue
            for quote_id, doc in a:  # linked when the other class has a copy in another article
                if docs_b != {doc}:
                    best[quote_id] = max(best.get(quote_id, 0.0), similarity)
            for quote_id, doc in b:
                if docs_a != {doc}:
                    best[quote_id] = max(best.get(quote_id, 0.0), similarity)
            union([q for q, _ in a] + [q for q, _ in b])
    if not best:
        empty = pd.DataFrame(columns=GROUP_COLUMNS)
        empty.attrs["pairs_examined"] = examined
        return empty
    members = quotes[quotes["quote_id"].isin(best)].copy()
    members["root"] = members["quote_id"].map(find)
    members["similarity"] = members["quote_id"].map(best)
    members = members.sort_values(["doc_id", "start"], kind="stable")
    order = {root: k + 1 for k, root in enumerate(dict.fromkeys(members["root"]))}
    members["group_id"] = members["root"].map(order).astype("int64")
    members = members.sort_values(["group_id", "doc_id", "start"], kind="stable").reset_index(drop=True)
    table = members[GROUP_COLUMNS]
    table.attrs["pairs_examined"] = examined
    return table


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
