"""Scoring extractors against hand annotations, and reading public benchmark corpora."""
