"""Figure of notebook 03: the money figures, one panel per currency, and where outlets disagree."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

#: Money figures drawn per currency (the largest ones); the others are counted in the panel title.
MAX_PER_CURRENCY = 12
#: Currencies drawn one panel each (those with most figures); the others are named in a note.
MAX_CURRENCIES = 3
#: Disagreements drawn one zoomed panel each (the largest values first).
MAX_DISAGREEMENTS = 3

_SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k"))
_BOUND_WORDS = {">": "over", ">=": "at least", "<": "under", "<=": "at most", "~": "about"}
_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b")


def amount_scale(largest: float) -> tuple[float, str]:
    """``(divisor, suffix)`` that writes amounts up to ``largest`` readably: (1e9, "bn") for billions."""
    for divisor, suffix in _SCALES:
        if abs(largest) >= divisor:
            return divisor, suffix
    return 1.0, ""


def format_amount(value: float, currency: str, scale: tuple[float, str] | None = None) -> str:
    """``"65.9 bn USD"``: the value in the given (or its own) scale, at most three significant digits."""
    divisor, suffix = scale or amount_scale(value)
    number = f"{value / divisor:.3g}"
    return f"{number} {suffix} {currency}".replace("  ", " ").strip()


def _row_label(row, labels: pd.Series) -> str:
    who = labels.get(row.doc_id, str(row.doc_id))
    return f"{who}: {row.text}"


def money_disagreements(groups: pd.DataFrame) -> pd.DataFrame:
    """One row per money group whose values differ: what each article says and the difference.

    Parameters
    ----------
    groups : DataFrame
        :func:`analysis_helpers.figures.comparison.compare_figures` output.

    Returns
    -------
    DataFrame
        ``group_id, currency, low, high, difference`` (in the currency), ``spread`` (difference
        over the larger value, 0 to 1), ``doc_ids`` ("001; 002"), ``texts`` ("$65.9 billion;
        $66.5 billion"), sorted by the largest value, descending.
    """
    columns = ["group_id", "currency", "low", "high", "difference", "spread", "doc_ids", "texts"]
    if groups.empty:
        return pd.DataFrame(columns=columns)
    money = groups[(groups["kind"] == "money") & groups["disagreement"]]
    rows = []
    for group_id, group in money.groupby("group_id", sort=True):
        low, high = float(group["value"].min()), float(group["value"].max())
        rows.append({"group_id": group_id, "currency": group["unit"].iloc[0], "low": low, "high": high,
                     "difference": high - low, "spread": (high - low) / abs(high) if high else 0.0,
                     "doc_ids": "; ".join(group["doc_id"].astype(str)), "texts": "; ".join(group["text"])})
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["high", "group_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def plot_money_figures(money: pd.DataFrame, groups: pd.DataFrame, labels: pd.Series, *, title: str,
                       max_per_currency: int = MAX_PER_CURRENCY, max_currencies: int = MAX_CURRENCIES,
                       max_disagreements: int = MAX_DISAGREEMENTS):
    """Money figures per currency, then each disagreement between articles zoomed in.

    No two currencies share an axis: converting would need an exchange rate of the day, which
    the articles do not give. Each currency panel is a dot plot of the figures stated in it (the
    largest ``max_per_currency``), on a logarithmic axis when they span more than a factor of 100;
    a bound ("over", "about") is written after the value. Each disagreement (a money group of
    :func:`~analysis_helpers.figures.comparison.compare_figures` whose values differ) gets a panel
    of its own, on a linear axis around the values, with the difference drawn as a bracket and
    written out ("0.6 bn USD apart, 0.9 %").

    Parameters
    ----------
    money : DataFrame
        Rows of the ``figures`` table with ``kind == "money"`` (``doc_id, text, unit, value, bound``).
    groups : DataFrame
        ``compare_figures`` output (any kinds; only money disagreements are drawn).
    labels : Series
        A label per ``doc_id`` (outlet or file name), e.g. :func:`~analysis_helpers.plots.labels.article_labels`.
    title : str

    Returns
    -------
    matplotlib.figure.Figure
        Or a small figure saying that there is no money figure, when ``money`` is empty.
    """
    money = money[money["value"].notna()]
    if money.empty:
        fig, ax = plt.subplots(figsize=(8, 1.2))
        ax.axis("off")
        ax.text(0.5, 0.5, "No money figure in this corpus", ha="center", va="center")
        ax.set_title(title)
        return fig
    counts = money["unit"].fillna("?").value_counts()
    currencies = sorted(counts.index, key=lambda c: (-counts[c], c))
    shown, hidden = currencies[:max_currencies], currencies[max_currencies:]
    disagreements = money_disagreements(groups).head(max_disagreements)
    panels = []
    for currency in shown:
        rows = money[money["unit"].fillna("?") == currency]
        rows = rows.sort_values(["value", "doc_id", "start"], ascending=[False, True, True], kind="stable")
        panels.append(("currency", currency, rows.head(max_per_currency), len(rows)))
    for row in disagreements.itertuples(index=False):
        members = groups[groups["group_id"] == row.group_id].sort_values(["value", "doc_id"], kind="stable")
        panels.append(("disagreement", row, members, len(members)))
    heights = [max(len(p[2]), 1) * 0.32 + 0.9 for p in panels]
    fig, axes = plt.subplots(len(panels), 1, figsize=(8.5, sum(heights) + 0.5), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    disagreeing = set(groups.loc[groups["group_id"].isin(disagreements["group_id"]), "figure_id"]) if len(
        disagreements) else set()
    for index, (ax, panel) in enumerate(zip(axes[:, 0], panels)):
        if panel[0] == "currency":
            _currency_panel(ax, panel[1], panel[2], panel[3], labels, _COLOURS[index % len(_COLOURS)],
                            disagreeing)
        else:
            _disagreement_panel(ax, panel[1], panel[2], labels)
    fig.suptitle(title, fontweight="bold", fontsize=12)
    if hidden:
        note = ", ".join(f"{c} ({counts[c]})" for c in hidden)
        fig.supxlabel(f"Not drawn: figures in {note}.", fontsize=8, color="0.35", x=0.01, ha="left")
    fig.tight_layout()  # not layout="constrained": its result varies with Python's hash seed, and so would the SVG
    return fig


def _currency_panel(ax, currency: str, rows: pd.DataFrame, total: int, labels: pd.Series, colour: str,
                    disagreeing: set) -> None:
    values = rows["value"].astype(float)
    scale = amount_scale(values.max())
    positive = values[values > 0]
    logarithmic = len(positive) == len(values) and positive.max() / positive.min() > 100
    y = list(range(len(rows)))
    ax.hlines(y, positive.min() / 2 if logarithmic else 0, values, color="0.85", lw=1)
    ax.scatter(values, y, color=colour, s=36, zorder=3)
    flagged = rows["figure_id"].isin(disagreeing).to_numpy() if "figure_id" in rows else [False] * len(rows)
    if any(flagged):
        ax.scatter(values[flagged], [p for p, f in zip(y, flagged) if f], s=130, facecolors="none",
                   edgecolors="tab:orange", lw=1.6, zorder=4)
    for position, row in zip(y, rows.itertuples(index=False)):
        bound = _BOUND_WORDS.get(row.bound, "")
        text = format_amount(row.value, currency, None if logarithmic else scale)
        ax.annotate(f"{bound} {text}".strip(), (row.value, position), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8)
    ax.set_yticks(y, [_row_label(r, labels) for r in rows.itertuples(index=False)], fontsize=8)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    if logarithmic:
        ax.set_xscale("log")
        ax.set_xlim(positive.min() / 2, positive.max() * 8)
    else:
        ax.set_xlim(0, max(values.max(), 0) * 1.3 or 1)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v / scale[0]:g}"))
    unit = f"{scale[1]} {currency}".strip() if not logarithmic else currency
    ax.set_xlabel(f"{unit}{' (log scale)' if logarithmic else ''}", fontsize=8)
    more = f"; the {len(rows)} largest of {total}" if total > len(rows) else ""
    ringed = "; ringed: part of a disagreement (below)" if any(flagged) else ""
    ax.set_title(f"Stated in {currency}: {total} figure{'s' if total != 1 else ''}{more}{ringed}", fontsize=10,
                 loc="left")


def _disagreement_panel(ax, row, members: pd.DataFrame, labels: pd.Series) -> None:
    scale = amount_scale(row.high)
    y = list(range(len(members)))
    ax.scatter(members["value"], y, color="tab:orange", s=40, zorder=3)
    ax.set_yticks(y, [_row_label(r, labels) for r in members.itertuples(index=False)], fontsize=8)
    for position, member in zip(y, members.itertuples(index=False)):
        ax.annotate(format_amount(member.value, row.currency, scale), (member.value, position), xytext=(0, 7),
                    textcoords="offset points", ha="center", fontsize=8)
    margin = max(row.difference, abs(row.high) * 0.002) * 0.6
    ax.set_xlim(row.low - margin, row.high + margin)
    bottom = len(members) - 0.5
    ax.set_ylim(bottom + 1.1, -0.9)
    bracket_y = bottom + 0.35
    ax.annotate("", xy=(row.low, bracket_y), xytext=(row.high, bracket_y),
                arrowprops={"arrowstyle": "<->", "color": "0.3", "lw": 1})
    gap = format_amount(row.difference, row.currency, scale)
    ax.text((row.low + row.high) / 2, bracket_y + 0.18, f"{gap} apart ({row.spread:.1%} of the larger)",
            ha="center", va="top", fontsize=8.5)
    ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v / scale[0]:g}"))
    ax.set_xlabel(f"{scale[1]} {row.currency}".strip(), fontsize=8)
    ax.set_title(f"Disagreement (group {row.group_id}): the same quantity, {len(members)} values",
                 fontsize=10, loc="left")
    ax.grid(axis="x", color="0.92")
