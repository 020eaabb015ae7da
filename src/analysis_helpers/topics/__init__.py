"""Topics and clusters: TF-IDF features, NMF topics, stability, near-duplicates."""
