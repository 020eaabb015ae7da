"""Quotes and reported speech: quote marks, speakers, attribution, alignment across outlets."""
