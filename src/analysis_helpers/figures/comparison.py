"""Find the same quantity stated by different articles, and flag where they disagree.

Two figures are candidates when they come from different articles, have the
same kind, unit, base and direction of change, close values, and similar wording around them
(content words of the sentence near the figure, with entity aliases such as
"U.S."/"United States" merged, from the alias table ``data/person_aliases.csv``). Candidates
are joined into groups; a group whose values differ is a disagreement.
"""

from __future__ import annotations

import re

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..resources import aliases, cached
from ..schema import ARTICLE_ROLES
from .context import lemma

COMPARISON_COLUMNS = [
    "group_id", "figure_id", "doc_id", "kind", "unit", "base", "value", "bound", "text", "subject",
    "sentence", "n_docs", "similarity", "disagreement", "spread",
]
_WORD = re.compile(r"[A-Za-z][A-Za-z.’'-]*[A-Za-z]|[A-Za-z]")


#: The kinds of rows of the alias table (``person_aliases.csv``) that merge context words.
ENTITY_KINDS = ("place", "seat", "organisation", "term")


@cached
def entity_aliases() -> dict[str, str]:
    """``{alias: canonical}`` of the :data:`ENTITY_KINDS` rows of ``data/person_aliases.csv``.

    Lower case; multi-word aliases allowed ("united states" -> "us", "gross domestic product" -> "gdp").
    Read once per lexicon source (callers must not change the dict).
    """
    return aliases(ENTITY_KINDS)


@cached
def _multiword_aliases() -> tuple[tuple[str, str], ...]:
    """``(alias, canonical)`` of the entity aliases holding a space, longest first (replaced in that order)."""
    table = entity_aliases()
    return tuple((alias, table[alias]) for alias in sorted(table, key=len, reverse=True) if " " in alias)


def context_words(sentence: str, figure_text: str = "", window: int = 10, exclude=()) -> frozenset[str]:
    """Content words around a figure: lemmas within ``window`` words each side, aliases merged.

    Parameters
    ----------
    sentence : str
        The sentence holding the figure.
    figure_text : str
        The figure's own text; the window is centred on it (the whole sentence when absent).
    exclude : iterable of str
        Words to leave out (the unit and base, already compared).
    """
    sentence = sentence if isinstance(sentence, str) else ""
    lowered = sentence.lower()
    for alias, canonical in _multiword_aliases():
        if alias in lowered:
            lowered = lowered.replace(alias, canonical)
    words = _WORD.findall(lowered)
    centre = None
    if figure_text:
        first = _WORD.findall(figure_text.lower())
        if first:
            try:
                centre = words.index(first[-1])
            except ValueError:
                centre = None
    if centre is not None:
        words = words[max(0, centre - window):centre + window + 1]
    skip = {w.lower() for w in exclude if isinstance(w, str)}
    skip |= set(_WORD.findall(figure_text.lower())) if figure_text else set()
    out = set()
    table = entity_aliases()
    for word in words:
        word = word.strip(".'’")
        canonical = table.get(word, None)
        if canonical is None:
            if word in ENGLISH_STOP_WORDS or len(word) < 3:
                continue
            canonical = lemma(word)
        if canonical in skip or word in skip:
            continue
        out.add(canonical)
    return frozenset(out)


def jaccard(a: frozenset, b: frozenset) -> float:
    """Share of words in common: ``|a & b| / |a | b|`` (0 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


def relative_gap(a: float, b: float) -> float:
    """``|a - b| / max(|a|, |b|)``; 0 when both are 0."""
    top = max(abs(a), abs(b))
    return abs(a - b) / top if top else 0.0


def compare_figures(figures: pd.DataFrame, *, roles=ARTICLE_ROLES, max_gap: float = 0.05,
                    min_similarity: float = 0.12, window: int = 10) -> pd.DataFrame:
    """Group figures that state the same quantity in different articles.

    Parameters
    ----------
    figures : DataFrame
        The ``figures`` table (needs ``sentence``; ``role`` filters when present).
    roles : tuple of str or None
        Block roles compared (default: headline, standfirst, body); None for all.
    max_gap : float
        Largest relative difference between two values of one quantity (0.05 = 5 %).
    min_similarity : float
        Smallest Jaccard overlap of the words around the two figures.
    window : int
        Words each side of a figure that describe it.

    Returns
    -------
    DataFrame
        One row per grouped figure: ``group_id`` (1, 2, ... in order of first
        appearance), ``figure_id, doc_id, kind, unit, base, value, bound, text,
        subject, sentence``, ``n_docs`` (articles in the group), ``similarity``
        (best overlap with another member), ``disagreement`` (True when the
        group's values differ), ``spread`` (relative gap between its largest
        and smallest value). Empty when nothing is stated twice. Figures with the same key, value,
        change and context words are compared once as a class (the groups are those of comparing every
        pair); ``attrs["pairs_examined"]`` counts the classes and class pairs compared.
    """
    table = figures.copy()
    if roles is not None and "role" in table.columns:
        table = table[table["role"].isin(roles)]
    table = table[table["value"].notna()].sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    if table.empty:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    sentences = table["sentence"] if "sentence" in table.columns else table["subject"]
    # figures of one sentence with one text, unit and base share their context words (computed once)
    known: dict = {}
    contexts = [known[args] if args in known else
                known.setdefault(args, context_words(args[0], args[1], window, exclude=(args[2], args[3], *str(args[3]).split())))
                for args in zip(sentences, table["text"], table["unit"].fillna(""), table["base"].fillna(""))]
    keys = list(zip(table["kind"], table["unit"].fillna("").str.lower(), table["base"].fillna("").str.lower()))
    parent = list(range(len(table)))
    best = [0.0] * len(table)

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    values = table["value"].to_numpy(dtype=float)
    docs = table["doc_id"].to_numpy()
    changes = table["change"].fillna("").to_numpy() if "change" in table.columns else [""] * len(table)
    # figures with one key, value, change and context words are one class: copies are compared once
    classes: dict = {}
    for i, key in enumerate(keys):
        classes.setdefault((key, values[i], changes[i], contexts[i]), []).append(i)
    buckets: dict = {}
    examined = len(classes)
    for (key, *_), members in classes.items():
        buckets.setdefault(key, []).append(members)

    def link(group_a: list, group_b: list, sim: float) -> None:
        """Link the figures of two classes (or of one, given twice) that lie in different articles."""
        docs_a, docs_b = {docs[k] for k in group_a}, {docs[k] for k in group_b}
        if len(docs_a) == 1 and docs_a == docs_b:
            return
        for group, other_docs in ((group_a, docs_b), (group_b, docs_a)):
            for k in group:
                if other_docs != {docs[k]}:
                    best[k] = max(best[k], sim)
        for k in group_a + group_b:  # every member is linked, directly or through its class
            parent[find(k)] = find(group_a[0])

    for groups in buckets.values():
        if len({docs[k] for group in groups for k in group}) < 2:
            continue  # one article's figures are never paired with each other (and 10,000 equal values cost 10^8 visits)
        for group in groups:  # copies in different articles
            sim = jaccard(contexts[group[0]], contexts[group[0]])
            if len(group) > 1 and sim >= min_similarity:
                link(group, group, sim)
        # sorted by value, each class only meets the neighbours inside the value window
        groups = sorted(groups, key=lambda g: (values[g[0]], g[0]))
        for a, group_i in enumerate(groups):
            i = group_i[0]
            for group_j in groups[a + 1:]:
                j = group_j[0]
                examined += 1
                if relative_gap(values[i], values[j]) > max_gap:
                    if abs(values[j]) >= abs(values[i]) and values[i] >= 0:
                        break
                    continue
                if changes[i] != changes[j]:
                    continue
                sim = jaccard(contexts[i], contexts[j])
                if sim >= min_similarity:
                    link(group_i, group_j, sim)
    roots = [find(i) for i in range(len(table))]
    table["_root"] = roots
    table["similarity"] = [round(b, 3) for b in best]
    sizes = table.groupby("_root")["doc_id"].nunique()
    table = table[table["_root"].map(sizes) > 1].copy()
    if table.empty:
        empty = pd.DataFrame(columns=COMPARISON_COLUMNS)
        empty.attrs["pairs_examined"] = examined
        return empty
    order = {root: n for n, root in enumerate(dict.fromkeys(table["_root"]), start=1)}
    table["group_id"] = table["_root"].map(order).astype("int64")
    table["n_docs"] = table["_root"].map(sizes).astype("int64")
    stats = table.groupby("group_id")["value"].agg(["min", "max"])
    spread = {g: relative_gap(r["min"], r["max"]) for g, r in stats.iterrows()}
    table["spread"] = table["group_id"].map(spread).round(4)
    table["disagreement"] = table["spread"] > 1e-9
    if "sentence" not in table.columns:
        table["sentence"] = ""
    table = table.sort_values(["group_id", "doc_id", "start"], kind="stable")[COMPARISON_COLUMNS].reset_index(drop=True)
    table.attrs["pairs_examined"] = examined
    return table
