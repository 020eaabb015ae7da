"""Topics at scale: what runs above the size thresholds, and that the fast paths give the same tables."""

import numpy as np
import pandas as pd

import analysis_helpers.topics.model as model
from analysis_helpers.corpus.build import Corpus
from analysis_helpers.topics.model import TopicOptions, cluster_units, extract_topics, ward_clusters

TOPIC_WORDS = {
    "harbour": "ship port cargo dock crane vessel harbour sailor tide anchor",
    "budget": "budget tax spending deficit treasury revenue bond minister fiscal debt",
    "weather": "rain storm flood wind snow forecast thunder drought heat cloud",
}


def _units(n_per_topic: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for topic, words in TOPIC_WORDS.items():
        vocab = words.split()
        for i in range(n_per_topic):
            text = " ".join(rng.choice(vocab, size=12)) + "."
            rows.append({"doc_id": f"{topic}{i // 3:04d}", "block_id": i % 3, "start": 0, "end": len(text),
                         "role": "body", "text": text})
    return pd.DataFrame(rows)


def _naive_long_mixture(keys, shares, columns):
    rows = []
    for i, key in enumerate(keys.to_dict("records")):
        order = sorted((t for t in range(shares.shape[1]) if shares[i, t] > 0),
                       key=lambda t: (-round(float(shares[i, t]), 9), t))
        for rank, t in enumerate(order, start=1):
            rows.append({**key, "topic_id": t, "weight": round(float(shares[i, t]), 4), "rank": rank})
    return pd.DataFrame(rows, columns=columns).astype({"topic_id": "int64", "rank": "int64"})


def test_vectorised_mixture_table_equals_the_row_by_row_one():
    rng = np.random.default_rng(1)
    shares = rng.random((50, 4)) * (rng.random((50, 4)) > 0.4)
    shares[3] = [0.25, 0.25, 0.25, 0.25]  # ties keep topic order
    keys = pd.DataFrame({"doc_id": [f"d{i}" for i in range(50)]})
    columns = ["doc_id", "topic_id", "weight", "rank"]
    fast = model._long_mixture(keys, shares, columns)
    assert fast.to_csv(index=False) == _naive_long_mixture(keys, shares, columns).to_csv(index=False)


def test_ward_runs_on_a_sample_above_the_threshold_and_labels_every_row(monkeypatch):
    monkeypatch.setattr(model, "WARD_MAX_UNITS", 60)
    rng = np.random.default_rng(0)
    centres = np.array([[5.0, 0.0], [0.0, 5.0], [-5.0, -5.0]])
    points = np.vstack([c + rng.normal(scale=0.3, size=(100, 2)) for c in centres])
    labels = ward_clusters(points, 3)
    assert labels.shape == (300,)
    # well separated groups come back whole, whatever the numbering
    for group in range(3):
        assert len(set(labels[group * 100:(group + 1) * 100])) == 1
    assert len(set(labels)) == 3


def test_sampled_nmf_and_minibatch_paths_above_the_threshold_find_the_topics_and_say_so(monkeypatch):
    monkeypatch.setattr(model, "FULL_BATCH_MAX_UNITS", 100)
    monkeypatch.setattr(model, "NMF_SAMPLE_UNITS", 90)
    monkeypatch.setattr(model, "WARD_MAX_UNITS", 120)
    units = _units(80)
    result = cluster_units(units, k=3, n_resamples=0)
    assert "NMF fitted on a seeded sample of 90 of the 240 paragraphs" in result.method
    assert "by transform" in result.method and "MiniBatchKMeans" in result.method
    # every paragraph, sampled or not, has its weights from the fitted model
    assert result.weights.shape == (240, 3) and (result.weights.sum(axis=1) > 0).all()
    again = cluster_units(units, k=3, n_resamples=0)
    assert result.paragraph_clusters.equals(again.paragraph_clusters)  # the sample is seeded
    assert "Ward on a seeded sample of 120" in result.method
    labels = result.paragraph_clusters["topic_id"].to_numpy()
    for start in (0, 80, 160):
        block = labels[start:start + 80]
        assert (block == np.bincount(block).argmax()).mean() > 0.9
    assert len(set(result.paragraph_clusters["kmeans_cluster"])) == 3


def test_auto_topics_skip_stability_resampling_on_large_corpora(monkeypatch):
    monkeypatch.setattr(model, "STABILITY_AUTO_MAX_UNITS", 50)
    units = _units(30)
    calls = []
    original = model.choose_k

    def spy(features, k_values=None, **kwargs):
        calls.append(kwargs["n_resamples"])
        return original(features, k_values, **kwargs)

    monkeypatch.setattr(model, "choose_k", spy)
    articles = pd.DataFrame({"doc_id": sorted(units["doc_id"].unique()), "title": "", "text": ""})
    corpus = Corpus(articles, units, pd.DataFrame(), pd.DataFrame())
    tables = extract_topics(corpus, options=TopicOptions())
    assert calls == [0] and "silhouette" in tables["topics"].attrs["method"]
    tables = extract_topics(corpus, options=TopicOptions(stability=True))
    assert calls == [0, 10] and "stability over 10 resamples" in tables["topics"].attrs["method"]
    tables = extract_topics(corpus, options=TopicOptions(mode=3))
    assert calls == [0, 10] and "k=3 fixed" in tables["topics"].attrs["method"] and len(tables["topics"]) == 3


def test_choose_k_without_resampling_picks_the_best_silhouette():
    units = _units(30)
    features = model.build_tfidf(units["text"].tolist())
    table = model.choose_k(features, [2, 3, 4], n_resamples=0)
    assert table["stability"].isna().all()
    assert int(table.loc[table["chosen"], "k"].iloc[0]) == int(table.loc[table["silhouette"].idxmax(), "k"])


def test_tfidf_counted_on_distinct_texts_equals_scikit_learn_on_every_text():
    """build_tfidf counts each distinct text once and repeats its row: the matrix must be bit for bit the
    TfidfVectorizer of every text (vocabulary order, document frequencies with copies, max_df/min_df pruning)."""
    import random

    import numpy as np
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analysis_helpers.topics.features import _given, build_tfidf, document_frequency_limit, stem, words_of

    def every_text(texts, min_df=1, max_df=0.5):
        stems = [[stem(w) for w in words_of(t if isinstance(t, str) else "")] for t in texts]
        if not any(stems):
            return sparse.csr_matrix((len(texts), 0)), []
        vectorizer = TfidfVectorizer(analyzer=_given, min_df=min(min_df, len(texts)), sublinear_tf=True,
                                     max_df=document_frequency_limit(len(texts), max_df), dtype=np.float64)
        try:
            matrix = vectorizer.fit_transform(stems)
        except ValueError:
            vectorizer.set_params(min_df=1, max_df=1.0)
            matrix = vectorizer.fit_transform(stems)
        return matrix.tocsr(), list(vectorizer.get_feature_names_out())

    rng = random.Random(7)
    words = "harbour bridge council storm minister budget rebuild forecast coast vote mayor repairs talks".split()
    for trial in range(25):
        pool = [" ".join(rng.choice(words) for _ in range(rng.randint(0, 10))) for _ in range(rng.randint(1, 20))]
        texts = [rng.choice(pool) for _ in range(rng.randint(1, 60))]
        texts[0] = None if trial % 3 == 0 else texts[0]
        for options in ({}, {"max_df": 1.0}, {"min_df": 3}, {"max_df": 0.1, "min_df": 4}):
            expected, terms = every_text(texts, **options)
            for given in (texts, pd.Series(texts, dtype="str" if trial % 2 else object)):
                features = build_tfidf(given, **options)
                assert features.terms == terms and features.matrix.shape == expected.shape
                for part in ("indptr", "indices", "data"):
                    assert np.array_equal(getattr(features.matrix, part), getattr(expected, part)), (trial, options)


def test_round_like_python_gives_the_doubles_of_round_on_random_values_and_near_ties():
    """The vectorised rounding of the topic tables must write the digits Python's round writes: on random
    shares, on values at and one or two ulps beside every kind of half (where numpy.round differs), on
    values of every magnitude, and on the special values."""
    from analysis_helpers.topics.rounding import round_like_python

    rng = np.random.default_rng(11)
    halves = (rng.integers(0, 10_000, 100_000) + 0.5) / 1e4
    near = [halves]
    for _ in range(2):
        near += [np.nextafter(near[-2 if len(near) > 1 else 0], 0), np.nextafter(near[-1], 1)]
    values = np.concatenate([
        rng.random(300_000), *near, rng.normal(scale=1e6, size=20_000), 10.0 ** rng.uniform(-12, 18, 20_000),
        -rng.random(20_000), [0.0, -0.0, 1e300, -1e300, 2.0 ** 52 / 1e4, np.inf, -np.inf, 5e-5, 1.5e-4, 2.5e-4],
    ])
    for decimals in (0, 2, 4, 9):
        expected = np.array([round(v, decimals) for v in values.tolist()])
        got = round_like_python(values, decimals)
        assert np.array_equal(got.view(np.int64), expected.view(np.int64)), decimals  # sign of zero too
        if decimals == 4:
            assert (np.round(values, decimals) != expected).sum() > 1000  # the case the function exists for
    nan = round_like_python(np.array([np.nan]), 4)
    assert np.isnan(nan).all()


def test_ward_tree_built_once_gives_the_labels_of_one_fit_per_k(monkeypatch):
    """ward_partitions cuts one tree at every k: the labels must be those of a separate scikit-learn fit
    per k, on the full, nearest-neighbour-graph and sampled paths."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.neighbors import kneighbors_graph

    monkeypatch.setattr(model, "AGGLOMERATIVE_FULL_LIMIT", 80)
    monkeypatch.setattr(model, "WARD_MAX_UNITS", 150)
    rng = np.random.default_rng(3)
    points = np.abs(rng.normal(size=(400, 5)))
    points[10:20] = points[0]  # repeated rows, as repeated paragraphs give
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    ks = range(2, 9)

    def one_fit(rows, k):
        graph = kneighbors_graph(rows, n_neighbors=10, include_self=False) if len(rows) > 80 else None
        return AgglomerativeClustering(n_clusters=k, linkage="ward", connectivity=graph).fit_predict(rows)

    for rows in (points[:60], points[:120]):
        partitions = model.ward_partitions(rows, ks)
        for k in ks:
            assert np.array_equal(partitions[k], one_fit(rows, k)), (len(rows), k)
    partitions = model.ward_partitions(points, ks, random_state=5)
    sample = np.sort(np.random.default_rng(5).choice(400, size=model.ward_sample_size(), replace=False))
    for k in ks:
        sample_labels = one_fit(points[sample], k)
        centres = np.vstack([points[sample][sample_labels == c].mean(axis=0) for c in range(k)])
        nearest = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)
        assert np.array_equal(partitions[k], nearest), k
        assert np.array_equal(model.ward_clusters(points, k, random_state=5), partitions[k])
