"""Numeric figures: the number grammar, its lexicons and context, comparison across articles."""
