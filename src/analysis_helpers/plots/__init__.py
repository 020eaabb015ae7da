"""The house style and saving of figures, and one named function per notebook figure.

``style``: :func:`use_house_style`, :func:`save_figure`. ``composition``: notebook 00's scrape
composition. ``topics``: notebook 01's choice of k, topic words, paragraph map, article mixtures and
similarity histogram. ``labels``: readable article labels and top-N-with-other folding.
"""
