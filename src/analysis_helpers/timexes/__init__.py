"""Temporal expressions: the tagger, its rules and lexicon, values and document dates."""
