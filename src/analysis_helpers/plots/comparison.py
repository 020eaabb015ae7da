"""Notebook 05's figures: one comparison of the outlets, and the lineage of shared passages."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import MaxNLocator

#: Panels of the comparison figure: (title, [(profile column, legend label, colour)]).
PANELS = [
    ("Quotes", [("quotes", "with speech", "#1b6ca8"), ("speakers", "distinct speakers", "#9ecae1")]),
    ("Figures", [("figures", "stated", "#7f7f7f"), ("figures_shared", "also in another", "#b3b3b3"),
                 ("figures_disputed", "values disagree", "#d62728")]),
    ("Dates", [("date_problems", "wrong or disputed", "#ff7f0e")]),
    ("Shared passages", [("passages_earlier", "published first", "#2ca02c"),
                         ("passages_later", "published later", "#98df8a"),
                         ("passages_undated", "order unknown", "#c7c7c7")]),
]


def plot_outlet_comparison(profile: pd.DataFrame, top_n: int = 15, title: str = "The outlets compared",
                           dates_label: str = "dates"):
    """Four panels side by side, one row per unit: quotes, figures, dates, shared passages.

    Parameters
    ----------
    profile : DataFrame
        :func:`analysis_helpers.comparison.outlets.outlet_profile` output (index: unit).
    top_n : int
        Units shown (the first ``top_n`` rows of ``profile``); the title says how many are left out.
    dates_label : str
        What the dates panel counts ("conflicts with the reference" or "disagreements between outlets").

    Returns
    -------
    matplotlib.figure.Figure
    """
    shown = profile.head(top_n)
    left_out = len(profile) - len(shown)
    rows = list(shown.index[::-1])
    fig, axes = plt.subplots(1, len(PANELS), figsize=(11, 1.9 + 0.42 * max(len(rows), 1)), sharey=True)
    for ax, (panel, series) in zip(axes, PANELS):
        height = 0.8 / len(series)
        for i, (column, label, colour) in enumerate(series):
            values = shown.loc[rows, column].astype(float) if rows else pd.Series(dtype=float)
            offsets = [y + (len(series) - 1 - 2 * i) * height / 2 for y in range(len(rows))]
            ax.barh(offsets, values, height=height, color=colour, label=label)
            for y, value in zip(offsets, values):
                if value:
                    ax.text(value, y, f" {int(value)}", va="center", fontsize=7)
        largest = float(shown[[c for c, _, _ in series]].to_numpy().max()) if len(shown) else 0.0
        if largest == 0:
            ax.text(0.5, 0.5, "none found", ha="center", va="center", transform=ax.transAxes, color="#555555")
        top = max(largest, 1.0)
        ax.set_xlim(0, top * 1.25)
        ax.set_title(panel if panel != "Dates" else f"Dates: {dates_label}", fontsize=10)
        ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.08 - 0.06 * max(0, 4 - len(rows)) / 4),
                  frameon=False)
        ax.tick_params(axis="x", labelsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes[0].set_yticks(range(len(rows)), [str(r) for r in rows])
    suffix = f" (the {len(shown)} with most articles; {left_out} more left out)" if left_out else ""
    fig.suptitle(title + suffix, fontsize=12, fontweight="bold")
    fig.tight_layout()
    return fig


def _positions(units: list[str], times: pd.Series, links: list[tuple[str, str]]) -> tuple[dict, list[str]]:
    """x: column of the unit's publication day (unknown last); y: one row per unit, in time order.

    Within a column, units linked to later columns come last (mean column of their neighbours), so
    that links stay short; nodes of a shared column are staggered left and right.
    """
    days = {u: (times.get(u).strftime("%Y-%m-%d") if pd.notna(times.get(u, pd.NaT)) else "date unknown")
            for u in units}
    columns = sorted({d for d in days.values() if d != "date unknown"})
    if "date unknown" in days.values():
        columns.append("date unknown")
    column = {u: columns.index(days[u]) for u in units}
    neighbours = {u: [] for u in units}
    for a, b in links:
        neighbours[a].append(column[b])
        neighbours[b].append(column[a])
    pull = {u: sum(n) / len(n) if n else column[u] for u, n in neighbours.items()}
    ordered = sorted(units, key=lambda u: (column[u], pull[u], str(u)))
    per_column = pd.Series([column[u] for u in units]).value_counts()
    positions, seen = {}, {}
    for y, unit in enumerate(ordered):
        x = column[unit]
        k = seen.get(x, 0)
        seen[x] = k + 1
        shift = (0.18 if k % 2 else -0.18) if per_column[x] > 1 else 0.0
        positions[unit] = (x + shift, y)
    return positions, columns


def plot_lineage(edges: pd.DataFrame, times: pd.Series, max_edges: int = 20,
                 title: str = "Who re-published whom: passages shared between outlets"):
    """The lineage graph, drawn with matplotlib: units in columns by publication day, arrows from the
    earlier to the later unit (width: passages shared), dashed lines where the order is unknown.

    Parameters
    ----------
    edges : DataFrame
        :func:`analysis_helpers.comparison.lineage.lineage_edges` output.
    times : Series
        Earliest publication time per unit (NaT: unknown).
    max_edges : int
        The edges with most passages drawn; the title says how many are left out.

    Returns
    -------
    matplotlib.figure.Figure
    """
    between = edges[~edges["within"]].head(max_edges) if len(edges) else edges
    within = edges[edges["within"]] if len(edges) else edges
    units = sorted(set(between["source"]) | set(between["copy"]) | set(within["source"])) if len(edges) else []
    if not units:
        fig, ax = plt.subplots(figsize=(8, 2.5))
        ax.text(0.5, 0.5, "no passage is shared between two articles", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        ax.set_title(title)
        return fig
    positions, columns = _positions(units, times, list(zip(between["source"], between["copy"])))
    n_rows = max(y for _, y in positions.values()) + 1
    fig, ax = plt.subplots(figsize=(min(11, 3.0 + 2.2 * len(columns)), 1.8 + 0.7 * n_rows))
    ax.set_xlim(-0.7, len(columns) - 0.3)
    ax.set_ylim(n_rows - 0.3, -0.7)
    to_display, to_data = ax.transData.transform, ax.transData.inverted().transform
    for edge in between.itertuples(index=False):
        start, end = positions[edge.source], positions[edge.copy]
        bend = 0.3 if abs(start[0] - end[0]) < 0.5 else 0.15
        width = 1.0 + 1.5 * math.log2(edge.n_passages)
        arrow = FancyArrowPatch(start, end, connectionstyle=f"arc3,rad={bend}",
                                arrowstyle="-|>" if edge.oriented else "-", mutation_scale=14,
                                linewidth=width, color="#2ca02c" if edge.oriented else "#7f7f7f",
                                linestyle="-" if edge.oriented else "--", shrinkA=12, shrinkB=12, zorder=1)
        ax.add_patch(arrow)
        # the midpoint of matplotlib's arc3 curve, computed in display space as the patch draws it
        (x0, y0), (x1, y1) = to_display(start), to_display(end)
        mid = ((x0 + x1) / 2 + bend * (y1 - y0) / 2, (y0 + y1) / 2 - bend * (x1 - x0) / 2)
        lx, ly = to_data(mid)
        ax.text(lx, ly, str(edge.n_passages), fontsize=8, ha="center", va="center",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none"}, zorder=3)
    within_counts = within.set_index("source")["n_passages"] if len(within) else pd.Series(dtype=int)
    for unit, (x, y) in positions.items():
        ax.scatter([x], [y], s=220, color="#1b6ca8", zorder=2)
        label = str(unit) + (f"\n({int(within_counts[unit])} within)" if unit in within_counts else "")
        ax.text(x, y + 0.16, label, ha="center", va="top", fontsize=8, zorder=3)
    ax.set_xticks(range(len(columns)), columns, fontsize=8, rotation=30 if len(columns) > 4 else 0)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("published (arrows: earlier → later; dashed: same day or date unknown; numbers: passages)")
    left_out = len(edges[~edges["within"]]) - len(between) if len(edges) else 0
    ax.set_title(title + (f" ({left_out} smaller links left out)" if left_out > 0 else ""))
    return fig
