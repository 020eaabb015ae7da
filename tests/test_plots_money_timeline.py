"""The figures of notebooks 03 and 04, their data-driven window, and the exercise self-checks (invented data)."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis_helpers.plots.figures_money import amount_scale, format_amount, money_disagreements, plot_money_figures  # noqa: E402
from analysis_helpers.plots.timeline import plot_timeline  # noqa: E402
from analysis_helpers.teaching import check_group_count, check_low_certainty, check_resolved_value  # noqa: E402
from analysis_helpers.timeline.window import busiest_window  # noqa: E402


def _money():
    return pd.DataFrame({
        "figure_id": ["a-F1", "b-F1", "b-F2", "a-F2"], "doc_id": ["a", "b", "b", "a"], "start": [0, 0, 50, 40],
        "text": ["$65.9 billion", "$66.5 billion", "over $126 billion", "£3 billion"],
        "unit": ["USD", "USD", "USD", "GBP"], "value": [65.9e9, 66.5e9, 126e9, 3e9], "bound": ["=", "=", ">", "="],
        "kind": ["money"] * 4,
    })


def _groups():
    money = _money().iloc[:2]
    return money.assign(group_id=1, disagreement=True, spread=0.009, base="")


def test_amounts_are_written_in_the_scale_of_the_larger_value():
    assert amount_scale(65.9e9) == (1e9, "bn")
    assert format_amount(0.6e9, "USD", amount_scale(66.5e9)) == "0.6 bn USD"
    assert format_amount(19, "CAD") == "19 CAD"


def test_a_disagreement_is_the_difference_in_its_own_currency():
    table = money_disagreements(_groups())
    row = table.iloc[0]
    assert (row["currency"], row["doc_ids"]) == ("USD", "a; b")
    assert row["difference"] == pytest.approx(0.6e9)
    assert money_disagreements(_groups().iloc[0:0]).empty


def test_money_figure_has_one_panel_per_currency_and_one_per_disagreement():
    fig = plot_money_figures(_money(), _groups(), pd.Series({"a": "a Outlet", "b": "b"}), title="t")
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert [t.split(":")[0] for t in titles] == ["Stated in USD", "Stated in GBP", "Disagreement (group 1)"]
    texts = [t.get_text() for t in fig.axes[2].texts]
    assert any("0.6 bn USD apart" in t for t in texts)


def test_money_figure_without_money_says_so():
    fig = plot_money_figures(_money().iloc[0:0], _groups().iloc[0:0], pd.Series(dtype=object), title="t")
    assert "No money figure" in fig.axes[0].texts[0].get_text()


def _events():
    return pd.DataFrame({
        "event_id": ["E01", "E02", "E03", "E04"], "first_day": ["2014-01-01", "2020-03-02", "2020-03-04", "2020-03-04"],
        "last_day": ["2014-12-31", "2020-03-02", "2020-03-04", "2020-03-04"],
        "thread": ["context", "meetings", "calls", "meetings"], "what": ["w1", "w2", "w3", "w4"],
        "doc_ids": ["x", "x; y", "y", "z"], "n_sources": [1, 2, 1, 1],
    })


def test_busiest_window_counts_short_events_only_and_falls_back_on_document_dates():
    start, end = busiest_window(_events())
    assert (start, end) == (pd.Timestamp("2020-03-02"), pd.Timestamp("2020-03-08"))
    dates = pd.DataFrame({"reference_day": ["2021-05-05", "2021-05-01"]})
    assert busiest_window(_events().iloc[:1], dates)[0] == pd.Timestamp("2021-05-01")
    assert busiest_window(_events().iloc[0:0], None) is None


def test_timeline_gives_every_event_and_reference_point_its_own_labelled_row():
    reference = pd.DataFrame({"ref_id": ["R1"], "first_day": ["2020-03-04"], "last_day": ["2020-03-04"],
                              "thread": ["calls"], "what": ["a call"]})
    fig = plot_timeline(_events(), busiest_window(_events()), reference=reference, title="t")
    main, strip = fig.axes[:2]
    labels = [t.get_text() for t in main.get_yticklabels()]
    assert len(labels) == len(set(main.get_yticks())) == 4
    assert any(label.startswith("R1 reference") for label in labels)
    assert [t.get_text()[:3] for t in strip.get_yticklabels()] == ["E01"]


def test_self_checks_recompute_the_answer(capsys):
    events = _events().assign(certainty=["low", "low", "high", "low"], certainty_reason="r")
    assert check_low_certainty(["E01", "E04"], events)
    assert not check_low_certainty(["E01"], events)
    assert "missing ['E04']" in capsys.readouterr().out
    assert check_resolved_value("2025-02-04", "They met on Tuesday.", "Tuesday", pd.Timestamp("2025-02-10").date())
    figures = pd.DataFrame(columns=["doc_id", "start", "value", "kind", "unit", "base", "text", "sentence"])
    assert check_group_count(0, figures, 0.05)
