"""Figure of notebook 04: the timeline of events, one labelled row per event or reference point."""

from __future__ import annotations

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from .labels import shorten

#: Rows drawn per panel (events with most sources first); the others are counted in the title.
MAX_ROWS = 24
#: Longest description of an event in its row label, in characters.
WHAT_CHARS = 48
#: Longest list of reporting articles in a row label, in characters.
WHO_CHARS = 22
#: One colour per thread of ``data/event_threads.csv``; other threads are grey.
THREAD_COLOURS = {"meetings": "tab:blue", "calls": "tab:green", "statements": "tab:purple", "travel": "tab:brown",
                  "context": "tab:orange"}


def _rows(events: pd.DataFrame, reference: pd.DataFrame | None, keep, max_rows: int,
          window: tuple[pd.Timestamp, pd.Timestamp]) -> tuple[pd.DataFrame, int]:
    """Events (and reference rows) that ``keep(first, last)`` accepts: the ``max_rows`` with most sources
    (ties: nearest to the window, then earliest), drawn in date order; and how many were accepted."""
    parts = []
    if len(events):
        table = events.assign(source="articles", row_id=events["event_id"],
                              who=events["doc_ids"].str.replace("; ", ", ", regex=False),
                              weight=events["n_sources"].astype(int))
        parts.append(table)
    if reference is not None and len(reference):
        table = reference.assign(source="reference", row_id=reference["ref_id"], who="reference", weight=0)
        parts.append(table)
    if not parts:
        return pd.DataFrame(), 0
    rows = pd.concat(parts, ignore_index=True)
    rows = rows[rows["first_day"].astype(str).str.len() > 0]
    rows = rows.assign(first=pd.to_datetime(rows["first_day"]), last=pd.to_datetime(rows["last_day"]))
    rows = rows[[bool(keep(f, l)) for f, l in zip(rows["first"], rows["last"])]]
    total = len(rows)
    distance = [max((window[0] - l).days, (f - window[1]).days, 0) for f, l in zip(rows["first"], rows["last"])]
    rows = rows.assign(distance=distance)
    ranked = rows.sort_values(["weight", "distance", "first", "row_id"], ascending=[False, True, True, True],
                              kind="stable")
    shown = ranked.head(max_rows).sort_values(["first", "source", "row_id"], kind="stable")
    return shown.reset_index(drop=True), total


def _row_label(row) -> str:
    what = shorten(str(row.what).strip(" ”“\"'"), WHAT_CHARS)
    if row.source == "reference":
        return f"{row.row_id} reference: {what}"
    return f"{row.row_id} ({shorten(row.who, WHO_CHARS)}): {what}"


def _draw_rows(ax, rows: pd.DataFrame) -> None:
    for y, row in enumerate(rows.itertuples(index=False)):
        colour = THREAD_COLOURS.get(row.thread, "0.5")
        middle = row.first + (row.last - row.first) / 2
        if row.last > row.first:
            ax.plot([row.first, row.last], [y, y], color=colour if row.source == "articles" else "0.55", lw=2.2,
                    solid_capstyle="butt", alpha=0.6)
        if row.source == "articles":
            ax.scatter([middle], [y], s=45 + 45 * row.weight, color=colour, zorder=3, alpha=0.9)
        else:
            ax.scatter([middle], [y], s=60, facecolors="white", edgecolors="0.35", zorder=3)
    ax.set_yticks(range(len(rows)), [_row_label(r) for r in rows.itertuples(index=False)], fontsize=7.5)
    for tick, row in zip(ax.get_yticklabels(), rows.itertuples(index=False)):
        tick.set_color("0.4" if row.source == "reference" else "black")
    ax.set_ylim(len(rows) - 0.5, -0.7)
    ax.grid(axis="x", color="0.92")


def _legend(ax, rows: pd.DataFrame) -> None:
    threads = [t for t in THREAD_COLOURS if t in set(rows.loc[rows["source"] == "articles", "thread"])]
    handles = [Line2D([], [], marker="o", ls="", color=THREAD_COLOURS[t], label=t) for t in threads]
    if not set(rows.loc[rows["source"] == "articles", "thread"]) <= set(THREAD_COLOURS):
        handles.append(Line2D([], [], marker="o", ls="", color="0.5", label="no thread"))
    if (rows["source"] == "reference").any():
        handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="white", color="0.35", label="reference"))
    if handles:
        ax.legend(handles=handles, fontsize=7.5, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  title="dot size: n sources", title_fontsize=7.5)


def _day_axis(ax, start: pd.Timestamp, end: pd.Timestamp) -> None:
    days = (end - start).days
    ax.set_xlim(start - pd.Timedelta(hours=12), end + pd.Timedelta(hours=12))
    if days <= 14:
        ticks = pd.date_range(start, end)
        ax.set_xticks(ticks, [f"{d:%a} {d.day}\n{d:%b}" if i == 0 or d.day == 1 else f"{d:%a} {d.day}"
                              for i, d in enumerate(ticks)], fontsize=8)
    else:
        locator = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def plot_timeline(events: pd.DataFrame, window: tuple, *, reference: pd.DataFrame | None = None, title: str,
                  max_rows: int = MAX_ROWS):
    """The events of a window, and below them the events and dates outside it that the articles mention.

    Every event (and every reference point) gets a row of its own, labelled on the left with its
    id, the articles that report it and what it is, so that no label is drawn over another
    whatever the number of events on one day. A filled dot is an event of the articles (colour:
    its thread, size: number of sources); an open dot is a row of the reference table; a bar
    spans an event that covers several days.

    Parameters
    ----------
    events : DataFrame
        :func:`~analysis_helpers.timeline.build.build_timeline` output (``event_id, first_day,
        last_day, thread, what, doc_ids, n_sources``).
    window : (start, end)
        First and last day of the main panel (anything ``pd.Timestamp`` reads).
    reference : DataFrame, optional
        A reference table (``ref_id, first_day, last_day, thread, what``); its rows are drawn as
        open dots in the panel they fall in.
    title : str
    max_rows : int
        Rows per panel; with more events, those with most sources are drawn and the title says
        how many are left out.

    Returns
    -------
    matplotlib.figure.Figure
    """
    start, end = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    last_moment = end + pd.Timedelta(days=1)
    # inside: events that begin and end within the window; a year-long "2014" goes below, with the
    # background dates the articles lean on
    inside, n_inside = _rows(events, reference, lambda f, l: f >= start and l < last_moment, max_rows, (start, end))
    outside, n_outside = _rows(events, reference, lambda f, l: f < start or l >= last_moment, max_rows, (start, end))
    heights = [max(len(inside), 1) * 0.3 + 1.2] + ([len(outside) * 0.3 + 1.0] if len(outside) else [])
    fig, axes = plt.subplots(len(heights), 1, figsize=(10, sum(heights) + 0.4), squeeze=False,
                             gridspec_kw={"height_ratios": heights})
    ax = axes[0, 0]
    if len(inside):
        _draw_rows(ax, inside)
        _legend(ax, pd.concat([inside, outside], ignore_index=True))
    else:
        ax.set_yticks([])
        ax.text(0.5, 0.5, "No dated event in this window", transform=ax.transAxes, ha="center", va="center")
    _day_axis(ax, start, end)
    more = f" (the {len(inside)} with most sources of {n_inside})" if n_inside > len(inside) else ""
    ax.set_title(f"{title}{more}", loc="left", fontsize=11)
    if len(outside):
        strip = axes[1, 0]
        _draw_rows(strip, outside)
        low, high = outside["first"].min(), outside["last"].max()
        pad = max((high - low) * 0.04, pd.Timedelta(days=20))
        strip.set_xlim(min(low, start) - pad, max(high, end) + pad)
        strip.axvspan(start, last_moment, color="tab:blue", alpha=0.15, lw=0)
        locator = mdates.AutoDateLocator(maxticks=8)
        strip.xaxis.set_major_locator(locator)
        strip.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        more = f" (the {len(outside)} with most sources of {n_outside})" if n_outside > len(outside) else ""
        strip.set_title(f"Outside the window (shaded){more}", loc="left", fontsize=10)
    fig.tight_layout()  # not layout="constrained": its result can vary with Python's hash seed (SVG ids)
    return fig
