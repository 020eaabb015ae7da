"""The figure step stays linear on repeated text: each local context is read once, each run without spaces searched once.

Counts operations (readings, searches), never seconds.
"""

import random

import pytest

from analysis_helpers.figures import extract
from analysis_helpers.figures.extract import READING_REACH, figures_in_text
from analysis_helpers.figures.reading import _patterns, read_figure


@pytest.fixture
def counted_readings(monkeypatch):
    calls = []

    def counting(text, m):
        calls.append(m.start())
        return read_figure(text, m)

    monkeypatch.setattr(extract, "read_figure", counting)
    return calls


@pytest.mark.parametrize("unit", ["12 February 2025 ", "on 9999-12-31. A day later ", "99999999999 days ago. ",
                                  "Sales rose 5% to $3 million. "])
def test_a_repeated_phrase_is_read_a_bounded_number_of_times(counted_readings, unit):
    short = figures_in_text(unit * 300)
    n_short = len(counted_readings)
    counted_readings.clear()
    long = figures_in_text(unit * 3000)
    assert len(counted_readings) <= n_short + 10  # the readings near both ends only, whatever the length
    assert len(long) >= 10 * len(short) - 20  # and still one figure per repetition


def test_remembered_readings_equal_fresh_ones():
    text = "The fund raised 3 or 4 million dollars, up from $2.5bn in 2023. About 40 people, aged 45, came. " * 40
    fresh = []
    covered = 0
    for m in extract._core_matches(text):
        if m.start() < covered or extract._in_web_address(text, m.start()):
            continue
        fig = read_figure(text, m)
        if fig is None or fig["start"] < covered:
            continue
        fresh.append(fig)
        covered = fig["end"]
    extract._share_units_across_or(text, fresh)
    extract._mark_changes(text, fresh)
    assert figures_in_text(text) == fresh


def test_figure_reading_reach(seed_corpus):
    """Changing the text farther than 700 characters (under READING_REACH) from a number core never changes its reading."""
    reach = 700
    assert reach < READING_REACH
    core = _patterns()["core"]
    rng = random.Random(0)
    checked = 0
    for text in seed_corpus.articles["text"]:
        noise = "".join(rng.choice("aB 1.$%-\n") for _ in range(len(text)))
        for m in extract._core_matches(text):
            lo, hi = max(0, m.start() - reach), m.end() + reach
            changed = noise[:lo] + text[lo:hi] + noise[hi:len(text)]
            again = core.match(changed, m.start())
            assert again is not None and again.regs == m.regs
            assert read_figure(changed, again) == read_figure(text, m)
            checked += 1
    assert checked > 50


def test_a_long_run_without_spaces_is_searched_once():
    text = ",".join(str(i) for i in range(5000))  # one 24 KB "word" holding 5,000 numbers
    web = extract._WebAddresses(text)
    assert not any(pos in web for pos in range(0, len(text), 7))
    assert len(web.answers) == 1
    sentence = "see https://example.com/2024/05/report for 30 more"
    web = extract._WebAddresses(sentence)
    assert sentence.index("2024") in web and sentence.index("05/") in web
    assert sentence.index("30 more") not in web and 0 not in web
