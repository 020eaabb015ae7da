# Above 400 lines: one model (units, k choice, NMF, both clusterings, the tables) whose steps share the fitted matrices of TopicModel.
"""Topics of paragraphs and articles: TF-IDF, NMF topics, k-means and agglomerative clusters.

The unit of the topic model is the paragraph: one block of an article whose
role is in :data:`analysis_helpers.schema.ARTICLE_ROLES` (headline, standfirst, body) by
default. The number of topics is chosen by a measured criterion, the stability
of the NMF topics when 20% of the paragraphs are left out (the k whose topics
come back most alike, measured by the adjusted Rand index), unless the caller
fixes it. Every random step takes ``random_state``, and everything runs on one
thread so that results do not depend on the number of cores.

(Over 400 lines on purpose: choosing k, fitting, clustering and the tables they
make share the thresholds that switch to sampled and mini-batch methods on large
corpora; splitting them would scatter those switches.)
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.decomposition import NMF, TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.neighbors import kneighbors_graph
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from ..schema import ARTICLE_ROLES
from ..corpus.build import open_corpus
from ..resources import accepts_lexicons
from .features import TfidfFeatures, blocks_in_order, build_tfidf
from .rounding import round_like_python

UNIT_COLUMNS = ["doc_id", "block_id", "start", "end", "role", "text"]
TOPIC_COLUMNS = ["topic_id", "label", "top_terms", "weight", "size", "n_articles"]
DOC_TOPIC_COLUMNS = ["doc_id", "block_id", "start", "end", "role", "topic_id", "weight", "rank"]
ARTICLE_TOPIC_COLUMNS = ["doc_id", "topic_id", "weight", "rank"]
PARAGRAPH_CLUSTER_COLUMNS = [
    "doc_id", "block_id", "start", "end", "role", "n_words", "topic_id", "topic_weight",
    "kmeans_cluster", "agglomerative_cluster", "text",
]
ARTICLE_CLUSTER_COLUMNS = ["doc_id", "title", "n_paragraphs", "topic_id", "topic_weight",
                           "kmeans_cluster", "agglomerative_cluster"]
K_SELECTION_COLUMNS = ["k", "stability", "stability_sd", "silhouette", "reconstruction_error", "chosen"]

#: Units above this number are clustered bottom-up along a 10-nearest-neighbour
#: graph (a full distance matrix of 10,000 paragraphs would take 400 MB).
AGGLOMERATIVE_FULL_LIMIT = 2000
#: The number of topics is chosen on a seeded sample of at most this many units.
K_SELECTION_MAX_UNITS = 1500
#: Silhouettes of more articles than this are computed on a seeded sample of them.
SILHOUETTE_SAMPLE = 2000
#: Above this many units (paragraphs, or articles) Ward clustering runs on a seeded sample of
#: :func:`ward_sample_size` units and every other unit joins the cluster whose centre is nearest:
#: Ward's memory grows with the square of the units.
WARD_MAX_UNITS = 5000
#: Above this many units k-means learns from mini-batches (MiniBatchKMeans), and NMF is fitted on a
#: seeded sample of :data:`NMF_SAMPLE_UNITS` units; every unit's topic weights then come from the
#: fitted model's ``transform`` (the cost of the fit stops growing with the corpus).
FULL_BATCH_MAX_UNITS = 20000
#: Units of the seeded sample NMF is fitted on above :data:`FULL_BATCH_MAX_UNITS` units.
NMF_SAMPLE_UNITS = 10000
#: With ``TopicOptions(mode="auto")`` the number of topics is chosen by stability resampling up to
#: this many units (cheap there); above it by the silhouette of a sample unless resampling is asked.
STABILITY_AUTO_MAX_UNITS = 500
NO_TOPIC = -1
_DECIMALS = 4


def paragraph_units(source, roles=ARTICLE_ROLES) -> pd.DataFrame:
    """The paragraphs the topic model reads: blocks whose role is in ``roles``.

    Parameters
    ----------
    source : anything :func:`open_corpus` accepts
    roles : sequence of str
        Block roles kept (default headline, standfirst and body). Pass
        ``analysis_helpers.schema.ROLES`` to keep boilerplate, captions and related links too.

    Returns
    -------
    DataFrame
        ``doc_id, block_id, start, end, role, text`` sorted by doc_id and block_id;
        ``start``/``end`` are character offsets into the article's text.
    """
    corpus = open_corpus(source)
    blocks = corpus.blocks
    if blocks.empty:
        return pd.DataFrame(columns=UNIT_COLUMNS)
    kept = blocks_in_order(blocks, roles)
    return kept if list(kept.columns) == UNIT_COLUMNS else kept[UNIT_COLUMNS]


def _nmf(matrix, k: int, random_state: int, max_iter: int = 400, init: str = "nndsvda"):
    """Fit NMF; return ``(W, H, reconstruction_error)``.

    ``init="nndsvda"`` starts from an SVD of the matrix (falls back to a random
    start when k exceeds the matrix's smaller side). Above :data:`FULL_BATCH_MAX_UNITS` rows,
    NMF is fitted on a seeded sample of :data:`NMF_SAMPLE_UNITS` rows and ``W`` is ``transform``
    of every row (the error is the sample's).
    """
    sample = None
    if matrix.shape[0] > FULL_BATCH_MAX_UNITS:
        rng = np.random.default_rng(random_state)
        sample = np.sort(rng.choice(matrix.shape[0], size=min(NMF_SAMPLE_UNITS, matrix.shape[0]), replace=False))
    fitted = matrix if sample is None else matrix[sample]
    if init != "random" and k > min(fitted.shape):
        init = "random"
    model = NMF(n_components=k, init=init, random_state=random_state, max_iter=max_iter, tol=1e-4)
    with warnings.catch_warnings(), np.errstate(invalid="ignore", divide="ignore"):
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", RuntimeWarning)  # NNDSVD of a matrix with empty rows divides 0 by 0
        weights = model.fit_transform(fitted)
        if sample is not None:
            weights = model.transform(matrix)
    return weights, model.components_, float(model.reconstruction_err_)


def dominant_topic(weights: np.ndarray) -> np.ndarray:
    """Index of the largest weight of each row; :data:`NO_TOPIC` for all-zero rows."""
    if weights.shape[1] == 0:
        return np.full(weights.shape[0], NO_TOPIC)
    best = weights.argmax(axis=1)
    return np.where(weights.max(axis=1) > 0, best, NO_TOPIC)


def candidate_ks(n_units: int, n_terms: int, max_k: int = 10) -> list[int]:
    """The numbers of topics worth trying: 2 to ``max_k``, fewer than the units and terms.

    One or two paragraphs (or a single content word) allow only one topic: ``[1]``.
    """
    upper = min(max_k, n_units - 1, n_terms)
    return list(range(2, upper + 1)) if upper >= 2 else [1] if n_units and n_terms else []


def choose_k(
    features: TfidfFeatures, k_values=None, *, random_state: int = 0, n_resamples: int = 10,
    sample_fraction: float = 0.8, max_units: int = K_SELECTION_MAX_UNITS, nmf_init: str = "nndsvda",
) -> pd.DataFrame:
    """Measure how well each number of topics holds up, and pick the steadiest.

    For each k, NMF is fitted to all units and to ``n_resamples`` seeded
    subsamples of ``sample_fraction`` of them; stability is the mean adjusted
    Rand index between the dominant topics of the subsample fit and of the full
    fit on the same units (1 = identical partitions, 0 = chance). The silhouette
    (cosine) of the full fit's dominant topics is reported beside it. Ties go
    to the smaller k. Corpora larger than ``max_units`` are measured on a
    seeded sample of that many units. With ``n_resamples=0`` no subsample is
    fitted and the k with the best silhouette is chosen.

    Returns
    -------
    DataFrame
        ``k, stability, stability_sd, silhouette, reconstruction_error, chosen``
        (one row per k tried, sorted by k; ``chosen`` is True on one row).
    """
    matrix = features.matrix
    n = matrix.shape[0]
    rng = np.random.default_rng(random_state)
    if n > max_units:
        matrix = matrix[np.sort(rng.choice(n, size=max_units, replace=False))]
        n = max_units
    ks = candidate_ks(n, features.n_terms) if k_values is None else [k for k in k_values if 1 <= k <= min(n, features.n_terms)]
    rows = []
    subsamples = [np.sort(rng.choice(n, size=max(2, int(round(sample_fraction * n))), replace=False))
                  for _ in range(n_resamples)] if n >= 3 else []
    for k in ks:
        weights, _, error = _nmf(matrix, k, random_state, init=nmf_init)
        labels = dominant_topic(weights)
        scores = []
        if k > 1:
            for r, rows_kept in enumerate(subsamples):
                sub_weights, _, _ = _nmf(matrix[rows_kept], k, random_state + r + 1, init=nmf_init)
                scores.append(adjusted_rand_score(labels[rows_kept], dominant_topic(sub_weights)))
        n_labels = len(set(labels))
        silhouette = (silhouette_score(matrix, labels, metric="cosine")
                      if 2 <= n_labels <= n - 1 else np.nan)
        rows.append({
            "k": k,
            "stability": round(float(np.mean(scores)), _DECIMALS) if scores else np.nan,
            "stability_sd": round(float(np.std(scores)), _DECIMALS) if scores else np.nan,
            "silhouette": round(float(silhouette), _DECIMALS),
            "reconstruction_error": round(error, _DECIMALS),
        })
    table = pd.DataFrame(rows, columns=K_SELECTION_COLUMNS[:-1])
    table["chosen"] = False
    if len(table):
        criterion = "stability" if n_resamples > 0 else "silhouette"
        ranked = table.assign(score=table[criterion].fillna(-np.inf)).sort_values(
            ["score", "k"], ascending=[False, True], kind="stable")
        table.loc[ranked.index[0], "chosen"] = True
    return table.astype({"k": "int64", "chosen": "bool"})


def _canonical_labels(labels: np.ndarray) -> np.ndarray:
    """Renumber cluster labels 0, 1, ... in order of first appearance; negatives stay."""
    labels = np.asarray(labels)
    out = np.full(len(labels), NO_TOPIC)
    kept = labels >= 0
    if not kept.any():
        return out
    values, first = np.unique(labels[kept], return_index=True)
    rank = np.empty(len(values), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(values))
    out[kept] = rank[np.searchsorted(values, labels[kept])]
    return out


def cluster_rows(vectors: np.ndarray, k: int, *, random_state: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """k-means and agglomerative (Ward) clusters of L2-normalised rows.

    All-zero rows get :data:`NO_TOPIC`. Above :data:`AGGLOMERATIVE_FULL_LIMIT`
    rows, Ward merges only along a 10-nearest-neighbour graph.

    Returns
    -------
    (kmeans_labels, agglomerative_labels)
        Integer arrays numbered by first appearance.
    """
    n = len(vectors)
    kmeans = np.full(n, NO_TOPIC)
    agglo = np.full(n, NO_TOPIC)
    nonzero = np.flatnonzero(np.abs(vectors).sum(axis=1) > 0) if n else np.array([], dtype=int)
    if len(nonzero) == 0:
        return kmeans, agglo
    points = normalize(vectors[nonzero])
    n_distinct = len(np.unique(points.round(12), axis=0))
    k = max(1, min(k, n_distinct))
    if k == 1:
        kmeans[nonzero] = 0
        agglo[nonzero] = 0
        return kmeans, agglo
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        warnings.simplefilter("ignore", UserWarning)
        if len(points) > FULL_BATCH_MAX_UNITS:
            kmeans[nonzero] = MiniBatchKMeans(n_clusters=k, n_init=3, batch_size=4096,
                                              random_state=random_state).fit_predict(points)
        else:
            kmeans[nonzero] = KMeans(n_clusters=k, n_init=10, random_state=random_state).fit_predict(points)
        agglo[nonzero] = ward_clusters(points, k, random_state=random_state)
    return _canonical_labels(kmeans), _canonical_labels(agglo)


def ward_sample_size() -> int:
    """Rows of the seeded sample Ward runs on above :data:`WARD_MAX_UNITS` rows.

    At most :data:`AGGLOMERATIVE_FULL_LIMIT`, so the sample is clustered by full Ward: along a
    nearest-neighbour graph, the many components of a corpus with repeated paragraphs are joined one
    pair at a time by scikit-learn (about 20 CPU seconds for a 5,000-row sample of 2,000 articles).
    """
    return min(WARD_MAX_UNITS, AGGLOMERATIVE_FULL_LIMIT)


def ward_clusters(points: np.ndarray, k: int, random_state: int = 0) -> np.ndarray:
    """Agglomerative (Ward) clusters of the rows of ``points``; along a 10-nearest-neighbour graph for large inputs.

    Above :data:`WARD_MAX_UNITS` rows, Ward runs on a seeded sample of :func:`ward_sample_size`
    rows and every row joins the sample cluster whose centre (mean) is nearest.
    """
    return ward_partitions(points, [k], random_state)[k]


def ward_partitions(points: np.ndarray, ks, random_state: int = 0) -> dict[int, np.ndarray]:
    """:func:`ward_clusters` of ``points`` for every number of clusters in ``ks``, the Ward tree built once.

    Returns
    -------
    dict of int to ndarray
        For each k, the labels ``ward_clusters(points, k, random_state)`` gives (the same arrays: one
        tree, cut at each k by scikit-learn).
    """
    ks = list(ks)
    if len(points) > WARD_MAX_UNITS:
        rng = np.random.default_rng(random_state)
        sample = np.sort(rng.choice(len(points), size=ward_sample_size(), replace=False))
        sampled = points[sample]
        squares = np.square(points).sum(axis=1)[:, None]
        partitions = {}
        for k, sample_labels in ward_partitions(sampled, ks).items():
            centres = np.vstack([sampled[sample_labels == c].mean(axis=0) for c in range(sample_labels.max() + 1)])
            distances = squares - 2 * points @ centres.T + np.square(centres).sum(axis=1)[None, :]
            partitions[k] = distances.argmin(axis=1)
        return partitions
    connectivity = None
    if len(points) > AGGLOMERATIVE_FULL_LIMIT:
        connectivity = kneighbors_graph(points, n_neighbors=10, include_self=False)
    tree = _OneTree()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "the number of connected components ..."
        return {k: AgglomerativeClustering(n_clusters=k, linkage="ward", connectivity=connectivity,
                                           memory=tree).fit_predict(points) for k in ks}


class _OneTree:
    """The ``memory`` of :class:`~sklearn.cluster.AgglomerativeClustering` (a stand-in for ``joblib.Memory``)
    when one set of points is cut at several numbers of clusters: the tree is built by the first fit and
    handed to the next ones. For fewer than 100 clusters scikit-learn builds the full tree whatever the
    number (its arguments are then the same at every k), and cuts it at k after; a fit on other
    points or arguments builds its own tree.
    """

    def __init__(self):
        self._arguments = None
        self._tree = None

    def cache(self, build):
        def built_once(points, **arguments):
            if (self._arguments is None or self._arguments[1] != arguments
                    or not np.array_equal(self._arguments[0], points)):
                self._arguments, self._tree = (points, arguments), build(points, **arguments)
            return self._tree
        return built_once


@dataclass
class TopicModel:
    """Everything :func:`cluster_topics` measured, as DataFrames plus the fitted matrices.

    Attributes
    ----------
    topics : DataFrame
        ``topic_id, label, top_terms, weight, size, n_articles``: ``label`` is the
        three top words, ``top_terms`` the top words joined by ``", "``, ``weight``
        the topic's share of all topic weight (sums to 1), ``size`` the number of
        paragraphs whose dominant topic it is, ``n_articles`` the articles with
        at least one such paragraph. Sorted by topic_id (0 = heaviest topic).
    doc_topics : DataFrame
        ``doc_id, block_id, start, end, role, topic_id, weight, rank``: the topic
        mixture of each paragraph (weights sum to 1 per paragraph; rank 1 is the
        dominant topic). Paragraphs without content words have no rows.
    article_topics : DataFrame
        ``doc_id, topic_id, weight, rank``: each article's mixture, its paragraphs'
        mixtures weighted by their number of content words.
    paragraph_clusters : DataFrame
        One row per paragraph: offsets, ``n_words`` (content words), dominant
        ``topic_id`` and its ``topic_weight``, ``kmeans_cluster`` and
        ``agglomerative_cluster`` (-1 when the paragraph has no content word), ``text``.
    article_clusters : DataFrame
        ``doc_id, title, n_paragraphs, topic_id, topic_weight, kmeans_cluster,
        agglomerative_cluster``: articles grouped by their topic mixtures.
    k_selection : DataFrame
        See :func:`choose_k` (one row with k fixed by the caller).
    article_k_selection : DataFrame
        ``k, silhouette, chosen``: how the number of article groups was chosen.
    method : str
        What ran, in words: how k was chosen, which NMF and clustering ran.
    """

    topics: pd.DataFrame
    doc_topics: pd.DataFrame
    article_topics: pd.DataFrame
    paragraph_clusters: pd.DataFrame
    article_clusters: pd.DataFrame
    k_selection: pd.DataFrame
    article_k_selection: pd.DataFrame
    features: TfidfFeatures = field(repr=False)
    weights: np.ndarray = field(repr=False)
    components: np.ndarray = field(repr=False)
    method: str = ""

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables ``analysis-helpers extract`` writes, by name."""
        return {
            "topics": self.topics,
            "doc_topics": self.doc_topics,
            "article_topics": self.article_topics,
            "paragraph_clusters": self.paragraph_clusters,
            "article_clusters": self.article_clusters,
        }


def _order_topics(weights: np.ndarray, components: np.ndarray, terms: list[str]):
    """Sort topics by total weight (ties: top term) so topic 0 is the heaviest."""
    totals = weights.sum(axis=0)
    keys = []
    for t in range(components.shape[0]):
        top = terms[int(np.argmax(components[t]))] if len(terms) else ""
        keys.append((-round(float(totals[t]), 9), top, t))
    order = [t for _, _, t in sorted(keys)]
    return weights[:, order], components[order]


def topic_table(weights, components, features: TfidfFeatures, units: pd.DataFrame, n_top_terms: int = 10) -> pd.DataFrame:
    """The topic table (see :class:`TopicModel`) from fitted NMF matrices."""
    dominant = dominant_topic(weights)
    totals = weights.sum(axis=0)
    grand = totals.sum() or 1.0
    rows = []
    for t in range(components.shape[0]):
        order = sorted(range(features.n_terms), key=lambda j: (-round(float(components[t, j]), 9), features.terms[j]))
        top = [features.labels[j] for j in order[:n_top_terms] if components[t, j] > 0]
        members = units.loc[dominant == t, "doc_id"] if len(units) else pd.Series(dtype=object)
        rows.append({
            "topic_id": t,
            "label": " / ".join(top[:3]) if top else "(empty)",
            "top_terms": ", ".join(top),
            "weight": round(float(totals[t] / grand), _DECIMALS),
            "size": int((dominant == t).sum()),
            "n_articles": int(members.nunique()),
        })
    return pd.DataFrame(rows, columns=TOPIC_COLUMNS).astype({"topic_id": "int64", "size": "int64", "n_articles": "int64"})


def _shares(weights: np.ndarray) -> np.ndarray:
    totals = weights.sum(axis=1, keepdims=True)
    return np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)


def _dominant_weight(shares: np.ndarray, dominant: np.ndarray) -> np.ndarray:
    """Each row's share of its dominant topic, rounded to :data:`_DECIMALS`; 0.0 without one."""
    rows = np.arange(len(dominant))
    picked = shares[rows, np.maximum(dominant, 0)] if shares.shape[1] else np.zeros(len(dominant))
    return np.where(dominant >= 0, round_like_python(picked, _DECIMALS), 0.0)


def _long_mixture(keys: pd.DataFrame, shares: np.ndarray, columns: list[str]) -> pd.DataFrame:
    """One row per (unit, topic) with positive weight, ranked within the unit."""
    n, k = shares.shape
    if n == 0 or k == 0:
        return pd.DataFrame(columns=columns).astype({"topic_id": "int64", "rank": "int64"})
    # within each unit: larger weight first, ties by topic id (a stable sort keeps topic order)
    order = np.argsort(-np.round(shares, 9), axis=1, kind="stable")
    row_index = np.repeat(np.arange(n), k)
    flat_topic = order.ravel()
    flat_weight = shares[row_index, flat_topic]
    positive = flat_weight > 0
    rank = np.tile(np.arange(1, k + 1), n)
    table = keys.iloc[row_index[positive]].reset_index(drop=True)
    table["topic_id"] = flat_topic[positive].astype("int64")
    table["weight"] = round_like_python(flat_weight[positive], _DECIMALS)
    table["rank"] = rank[positive].astype("int64")
    return table[columns]


def choose_article_groups(vectors: np.ndarray, max_k: int = 10, random_state: int = 0) -> pd.DataFrame:
    """Silhouette (cosine) of agglomerative groupings of articles for k = 2 .. n-1.

    Returns ``k, silhouette, chosen``; with fewer than three distinct articles
    there is nothing to compare and the single row k = 1 is chosen.
    """
    nonzero = vectors[np.abs(vectors).sum(axis=1) > 0]
    n_distinct = len(np.unique(normalize(nonzero).round(12), axis=0)) if len(nonzero) else 0
    rows = []
    points = normalize(nonzero) if len(nonzero) else nonzero
    partitions = ward_partitions(points, range(2, min(max_k, n_distinct - 1) + 1), random_state=random_state)
    for k, labels in partitions.items():
        sample = SILHOUETTE_SAMPLE if len(nonzero) > SILHOUETTE_SAMPLE else None  # O(n^2) otherwise
        score = (silhouette_score(points, labels, metric="cosine", sample_size=sample, random_state=0)
                 if len(set(labels)) > 1 else np.nan)
        rows.append({"k": k, "silhouette": round(float(score), _DECIMALS)})
    table = pd.DataFrame(rows or [{"k": 1, "silhouette": np.nan}], columns=["k", "silhouette"])
    ranked = table.assign(score=table["silhouette"].fillna(-np.inf)).sort_values(
        ["score", "k"], ascending=[False, True], kind="stable")
    table["chosen"] = False
    table.loc[ranked.index[0], "chosen"] = True
    return table.astype({"k": "int64", "chosen": "bool"})


def _empty_model(features: TfidfFeatures, n_units: int) -> TopicModel:
    return TopicModel(
        topics=pd.DataFrame(columns=TOPIC_COLUMNS), doc_topics=pd.DataFrame(columns=DOC_TOPIC_COLUMNS),
        article_topics=pd.DataFrame(columns=ARTICLE_TOPIC_COLUMNS),
        paragraph_clusters=pd.DataFrame(columns=PARAGRAPH_CLUSTER_COLUMNS),
        article_clusters=pd.DataFrame(columns=ARTICLE_CLUSTER_COLUMNS),
        k_selection=pd.DataFrame(columns=K_SELECTION_COLUMNS),
        article_k_selection=pd.DataFrame(columns=["k", "silhouette", "chosen"]),
        features=features, weights=np.zeros((n_units, 0)), components=np.zeros((0, features.n_terms)),
    )


@accepts_lexicons
def cluster_topics(
    source, *, roles=ARTICLE_ROLES, k: int | None = None, k_values=None, n_top_terms: int = 10,
    max_df: float = 0.5, random_state: int = 0, n_resamples: int = 10, nmf_init: str = "nndsvda", lexicons=None,
) -> TopicModel:
    """Topic model and clusters of the paragraphs and articles of a corpus.

    Parameters
    ----------
    source : anything :func:`open_corpus` accepts
        Default: the seed corpus.
    roles : sequence of str
        Block roles that count as paragraphs (default: article text only).
    k : int, optional
        Number of topics. Default: chosen by :func:`choose_k` among ``k_values``
        (default 2 to 10, fewer for small corpora).
    n_top_terms : int
        Words listed per topic.
    max_df : float
        Words in more than this share of the paragraphs are left out (10
        paragraphs or more).
    random_state : int
        Seed of every random step (NMF start, subsamples, k-means).
    n_resamples : int
        Subsamples per k when choosing k.
    nmf_init : {"nndsvda", "random"}
        How NMF starts: from an SVD of the data (steady) or from random numbers.
    lexicons : folder, dict or :class:`~analysis_helpers.resources.Lexicons`, optional
        Lexicon files (topic stop words) replacing the packaged ones for this call.

    Returns
    -------
    TopicModel
        Sorted, rounded DataFrames; see :class:`TopicModel`. Works on any
        number of articles, including none.
    """
    corpus = open_corpus(source)
    units = paragraph_units(corpus, roles)
    return cluster_units(units, titles=corpus.articles, k=k, k_values=k_values, n_top_terms=n_top_terms,
                         max_df=max_df, random_state=random_state, n_resamples=n_resamples, nmf_init=nmf_init)


def cluster_units(units: pd.DataFrame, *, titles: pd.DataFrame | None = None, k: int | None = None, k_values=None,
                  n_top_terms: int = 10, max_df: float = 0.5, random_state: int = 0, n_resamples: int = 10,
                  nmf_init: str = "nndsvda") -> TopicModel:
    """:func:`cluster_topics` on a ready table of paragraphs (columns of :func:`paragraph_units`).

    ``titles`` is an ``articles`` table (``doc_id, title``) used to name the articles.
    """
    units = units.sort_values(["doc_id", "block_id"], kind="stable").reset_index(drop=True)
    with threadpool_limits(limits=1):
        return _cluster_units(titles, units, k=k, k_values=k_values, n_top_terms=n_top_terms, max_df=max_df,
                              random_state=random_state, n_resamples=n_resamples, nmf_init=nmf_init)


def _cluster_units(articles, units, *, k, k_values, n_top_terms, max_df, random_state, n_resamples,
                   nmf_init) -> TopicModel:
    features = build_tfidf(units["text"], max_df=max_df)
    n = len(units)
    if n == 0 or features.n_terms == 0:
        return _empty_model(features, n)
    k_given = k is not None
    if k is None:
        k_selection = choose_k(features, k_values, random_state=random_state, n_resamples=n_resamples,
                               nmf_init=nmf_init)
        k = int(k_selection.loc[k_selection["chosen"], "k"].iloc[0])
    else:
        k = max(1, min(int(k), n, features.n_terms))
        k_selection = pd.DataFrame([{"k": k, "stability": np.nan, "stability_sd": np.nan, "silhouette": np.nan,
                                     "reconstruction_error": np.nan, "chosen": True}], columns=K_SELECTION_COLUMNS)
    method = _method_text(n, k, k_selection, n_resamples, fixed=k_given)
    weights, components, _ = _nmf(features.matrix, k, random_state, init=nmf_init)
    weights, components = _order_topics(weights, components, features.terms)
    dominant = dominant_topic(weights)
    shares = _shares(weights)

    keys = units[["doc_id", "block_id", "start", "end", "role"]].reset_index(drop=True)
    doc_topics = _long_mixture(keys, shares, DOC_TOPIC_COLUMNS)

    n_words = features.n_words.astype(float)
    kmeans, agglo = cluster_rows(weights, k, random_state=random_state)
    paragraphs = keys.assign(
        n_words=n_words.astype("int64"),
        topic_id=dominant,
        topic_weight=_dominant_weight(shares, dominant),
        kmeans_cluster=kmeans, agglomerative_cluster=agglo,
        text=units["text"].reset_index(drop=True),  # the units' text column, shared: no copy of every paragraph
    )[PARAGRAPH_CLUSTER_COLUMNS]

    doc_ids = sorted(units["doc_id"].unique())
    doc_index = pd.Index(doc_ids).get_indexer(units["doc_id"])
    article_weights = np.zeros((len(doc_ids), shares.shape[1]))
    np.add.at(article_weights, doc_index, shares * n_words[:, None])
    n_paragraphs = np.bincount(doc_index, minlength=len(doc_ids))
    article_shares = _shares(article_weights)
    article_topics = _long_mixture(pd.DataFrame({"doc_id": doc_ids}), article_shares, ARTICLE_TOPIC_COLUMNS)
    article_k = choose_article_groups(article_shares, random_state=random_state)
    n_groups = int(article_k.loc[article_k["chosen"], "k"].iloc[0])
    art_kmeans, art_agglo = cluster_rows(article_shares, n_groups, random_state=random_state)
    article_dominant = dominant_topic(article_shares)
    has_titles = articles is not None and len(articles) and "title" in articles
    titles = articles.set_index("doc_id")["title"] if has_titles else pd.Series(dtype=object)
    article_clusters = pd.DataFrame({
        "doc_id": doc_ids,
        "title": [titles.get(d, "") for d in doc_ids],
        "n_paragraphs": n_paragraphs.astype("int64"),
        "topic_id": article_dominant,
        "topic_weight": _dominant_weight(article_shares, article_dominant),
        "kmeans_cluster": art_kmeans, "agglomerative_cluster": art_agglo,
    }, columns=ARTICLE_CLUSTER_COLUMNS)

    return TopicModel(
        topics=topic_table(weights, components, features, units, n_top_terms),
        doc_topics=doc_topics, article_topics=article_topics, paragraph_clusters=paragraphs,
        article_clusters=article_clusters, k_selection=k_selection, article_k_selection=article_k,
        features=features, weights=weights, components=components, method=method,
    )


def _method_text(n_units: int, k: int, k_selection: pd.DataFrame, n_resamples: int, fixed: bool) -> str:
    """What :func:`cluster_units` ran, in one sentence (see :attr:`TopicModel.method`)."""
    sample = f"a seeded sample of {K_SELECTION_MAX_UNITS} of the {n_units} paragraphs" \
        if n_units > K_SELECTION_MAX_UNITS else f"all {n_units} paragraphs"
    if fixed:
        chosen = f"k={k} fixed"
    elif len(k_selection) == 1:
        chosen = f"k={k}, the only number of topics {sample} allow"
    elif n_resamples > 0:
        chosen = f"k={k} chosen by stability over {n_resamples} resamples of {sample}"
    else:
        chosen = f"k={k} chosen by silhouette on {sample} (no stability resampling)"
    nmf = (f"NMF fitted on a seeded sample of {min(NMF_SAMPLE_UNITS, n_units)} of the {n_units} paragraphs, "
           "every paragraph's "
           "topic weights by transform" if n_units > FULL_BATCH_MAX_UNITS else "NMF")
    kmeans = "MiniBatchKMeans" if n_units > FULL_BATCH_MAX_UNITS else "k-means"
    ward = (f"Ward on a seeded sample of {ward_sample_size()} paragraphs, the others joined to the nearest "
            "cluster centre" if n_units > WARD_MAX_UNITS else "Ward")
    return f"{nmf}, {chosen}; paragraph clusters by {kmeans} and {ward}"


@dataclass(frozen=True)
class TopicOptions:
    """How ``analysis-helpers extract`` models topics.

    Attributes
    ----------
    mode : "auto", "off" or int
        ``auto``: k chosen on a sample (stability resampling up to
        :data:`STABILITY_AUTO_MAX_UNITS` paragraphs, silhouette above);
        an int: that many topics; ``off``: no topic tables.
    stability : bool
        Choose k by stability resampling whatever the corpus size (slow on large corpora).
    random_state : int
    """

    mode: object = "auto"
    stability: bool = False
    random_state: int = 0

    @staticmethod
    def table_columns() -> dict[str, list[str]]:
        """The topic tables and their columns, in the order they are written."""
        return {"topics": TOPIC_COLUMNS, "doc_topics": DOC_TOPIC_COLUMNS, "article_topics": ARTICLE_TOPIC_COLUMNS,
                "paragraph_clusters": PARAGRAPH_CLUSTER_COLUMNS, "article_clusters": ARTICLE_CLUSTER_COLUMNS}


def paragraph_map(model: TopicModel, random_state: int = 0) -> pd.DataFrame:
    """Two-dimensional coordinates of the paragraphs for a map (LSA: truncated SVD of TF-IDF).

    Returns
    -------
    DataFrame
        ``doc_id, block_id, x, y`` in the order of ``model.paragraph_clusters``
        (zeros when there are fewer than three paragraphs or terms).
    """
    matrix = model.features.matrix
    keys = model.paragraph_clusters[["doc_id", "block_id"]].reset_index(drop=True)
    coords = np.zeros((len(keys), 2))
    if len(keys) >= 3 and model.features.n_terms >= 3:
        with threadpool_limits(limits=1):
            coords = TruncatedSVD(n_components=2, random_state=random_state).fit_transform(matrix)
    return keys.assign(x=coords[:, 0].round(_DECIMALS), y=coords[:, 1].round(_DECIMALS))


def topic_term_weights(model: TopicModel, n_top_terms: int = 10) -> pd.DataFrame:
    """The top words of every topic with their NMF weight: ``topic_id, rank, word, term, weight``."""
    rows = []
    features = model.features
    for t in range(model.components.shape[0]):
        row = model.components[t]
        order = sorted(range(features.n_terms), key=lambda j: (-round(float(row[j]), 9), features.terms[j]))
        for rank, j in enumerate([j for j in order[:n_top_terms] if row[j] > 0], start=1):
            rows.append({"topic_id": t, "rank": rank, "word": features.labels[j], "term": features.terms[j],
                         "weight": round(float(row[j]), _DECIMALS)})
    return pd.DataFrame(rows, columns=["topic_id", "rank", "word", "term", "weight"])


def fit_topic_model(source, options: TopicOptions) -> TopicModel:
    """The :class:`TopicModel` ``analysis-helpers extract`` fits: k and its cost following ``options``."""
    corpus = open_corpus(source)
    units = paragraph_units(corpus)
    k = None if options.mode == "auto" else int(options.mode)
    n_resamples = 10 if (options.stability or len(units) <= STABILITY_AUTO_MAX_UNITS) else 0
    return cluster_units(units, titles=corpus.articles, k=k, n_resamples=n_resamples,
                         random_state=options.random_state)


@accepts_lexicons
def extract_topics(source, options: TopicOptions | None = None, *, lexicons=None) -> dict[str, pd.DataFrame]:
    """The ``topics``, ``doc_topics`` and cluster tables for ``analysis-helpers extract``.

    With ``options`` (:class:`TopicOptions`) the number of topics and the cost
    of choosing it follow the corpus size; what ran is in
    ``tables["topics"].attrs["method"]``. Without, as :func:`cluster_topics`.
    ``lexicons`` replaces packaged lexicons (topic stop words) for this call.
    """
    model = cluster_topics(source) if options is None else fit_topic_model(source, options)
    tables = model.tables()
    tables["topics"].attrs["method"] = model.method
    return tables

