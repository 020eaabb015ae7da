"""Notebook 02's figures: who is quoted by which outlet, and in which kind of speech."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

#: Colours of the three kinds of speech, from the speaker's own words to the reporter's.
KIND_COLOURS = {"direct": "#1b6ca8", "partial": "#6fa8dc", "indirect": "#cccccc"}


def _palette(n: int) -> list:
    cmap = plt.get_cmap("tab10" if n <= 10 else "tab20")
    return [cmap(i % cmap.N) for i in range(n)]


def plot_speakers_by_outlet(table: pd.DataFrame, title: str = "Who is quoted, by outlet"):
    """Stacked horizontal bars: quotes per speaker (rows of ``table``), one colour per outlet (columns).

    Parameters
    ----------
    table : DataFrame
        Counts, speakers as index (most quoted first), outlets as columns, as returned by
        :func:`analysis_helpers.comparison.outlets.speakers_by_outlet`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_rows = max(len(table), 1)
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.38 * n_rows))
    if table.empty:
        ax.text(0.5, 0.5, "no quotes with speech in the article text", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    table.iloc[::-1].plot.barh(stacked=True, ax=ax, width=0.7, color=_palette(table.shape[1]))
    totals = table.sum(axis=1).iloc[::-1]
    for y, total in enumerate(totals):
        ax.text(total, y, f" {int(total)}", va="center", fontsize=8)
    ax.set_xlim(0, totals.max() * 1.12)
    ax.set_xlabel("quotes in the article text (direct, partial and indirect)")
    ax.set_ylabel("")
    ax.set_title(title)
    ax.legend(title="outlet", fontsize=8, title_fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def plot_kinds_by_outlet(kinds: pd.DataFrame, title: str = "Direct, partial and indirect speech per outlet"):
    """Stacked shares of each kind of speech per outlet, with the counts written in and beside each bar.

    Parameters
    ----------
    kinds : DataFrame
        Counts, outlets as index, columns ``direct``, ``partial``, ``indirect``
        (:func:`analysis_helpers.comparison.outlets.kinds_by_outlet`).

    Returns
    -------
    matplotlib.figure.Figure
    """
    n_rows = max(len(kinds), 1)
    fig, ax = plt.subplots(figsize=(8, 1.2 + 0.45 * n_rows))
    totals = kinds.sum(axis=1)
    if kinds.empty or totals.sum() == 0:
        ax.text(0.5, 0.5, "no quotes with speech in the article text", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    shares = kinds.div(totals.where(totals > 0), axis=0).fillna(0)
    rows = list(kinds.index[::-1])
    left = pd.Series(0.0, index=rows)
    for kind in kinds.columns:
        widths = shares.loc[rows, kind]
        ax.barh(range(len(rows)), widths, left=left, height=0.65, color=KIND_COLOURS.get(kind), label=kind)
        for y, (width, start) in enumerate(zip(widths, left)):
            count = int(kinds.loc[rows[y], kind])
            if count and width >= 0.06:
                colour = "white" if kind == "direct" else "black"
                ax.text(start + width / 2, y, str(count), ha="center", va="center", fontsize=8, color=colour)
        left = left + widths
    for y, row in enumerate(rows):
        ax.text(1.01, y, f"n = {int(totals[row])}", va="center", fontsize=8)
    ax.set_yticks(range(len(rows)), [str(r) for r in rows])
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of the outlet's quotes in the article text (numbers in the bars: quotes)")
    ax.set_title(title)
    ax.legend(title="kind", fontsize=8, title_fontsize=9, loc="upper left", bbox_to_anchor=(1.1, 1.0))
    return fig
