"""Numeric figures: invented sentences in other outlets' styles, the offset invariant on the seeds,
cross-article comparison and the evaluation helpers.

Accuracy against the hand annotations is measured by benchmarks/bench_figures.py, not here.
"""

import math

import pandas as pd
import pytest

from analysis_helpers import compare_figures, extract_figures, open_corpus
from analysis_helpers.evaluation.figures import evaluate_figures, match_figures, read_gold_figures
from analysis_helpers.figures.number_words import cardinal_value, fraction_value, ordinal_value
from analysis_helpers.figures.extract import FIGURE_COLUMNS, counted_noun, figures_in_text, lemma
from analysis_helpers.pipeline import EXTRACTORS, run_extractor


def only(sentence, text=None):
    """The one figure of ``sentence`` (or the one whose text is ``text``)."""
    figs = figures_in_text(sentence)
    if text is not None:
        figs = [f for f in figs if f["text"] == text]
    assert len(figs) == 1, [f["text"] for f in figs]
    return figs[0]


# ------------------------------------------------------------------ number words
@pytest.mark.parametrize("phrase, value", [
    ("five", 5), ("twenty-five", 25), ("three hundred and ten", 310), ("a dozen", 12),
    ("two million", 2e6), ("one thousand two hundred", 1200),
])
def test_cardinal_words(phrase, value):
    assert cardinal_value(phrase) == value


def test_ordinal_and_fraction_words():
    assert ordinal_value("twenty-sixth") == 26
    assert ordinal_value("third") == 3
    assert fraction_value("two", "thirds") == pytest.approx(2 / 3)
    assert fraction_value("a", "quarter") == 0.25
    assert cardinal_value("president") is None


# ------------------------------------------------------------------ money
@pytest.mark.parametrize("sentence, text, value, unit, bound", [
    ("The European Commission unveiled a €1.5bn package for Moldova on Tuesday.", "€1.5bn", 1.5e9, "EUR", "="),
    ("Britain will give Kyiv £3 billion a year for as long as it takes, the defence secretary said.",
     "£3 billion", 3e9, "GBP", "="),
    ("Allies have sent over $126 billion in weapons since 2022, officials said.", "over $126 billion", 126e9,
     "USD", ">"),
    ("Congress approved a billion dollars in emergency funding.", "a billion dollars", 1e9, "USD", "="),
    ("The loan is worth US$40 million (about €37m).", "US$40 million", 40e6, "USD", "="),
    ("Tokyo pledged ¥500 billion to the fund.", "¥500 billion", 500e9, "JPY", "="),
    ("The bill sets aside USD 5 billion for air defence.", "USD 5 billion", 5e9, "USD", "="),
    ("The club paid 80 million euros for the striker.", "80 million euros", 80e6, "EUR", "="),
    ("Damage is estimated at roughly $60m.", "roughly $60m", 60e6, "USD", "~"),
])
def test_money(sentence, text, value, unit, bound):
    fig = only(sentence, text)
    assert fig["kind"] == "money"
    assert fig["value"] == pytest.approx(value)
    assert (fig["unit"], fig["bound"]) == (unit, bound)


def test_bound_sets_open_interval():
    fig = only("At least 40 tanks were destroyed, the ministry said.")
    assert fig["bound"] == ">=" and fig["value_low"] == 40 and math.isnan(fig["value_high"])
    fig = only("Nearly 300 people were evacuated.")
    assert fig["bound"] == "<" and fig["value_high"] == 300 and math.isnan(fig["value_low"])


# ------------------------------------------------------------------ percentages
@pytest.mark.parametrize("sentence, text, value, base, bound", [
    ("Poland spends around 4.1% of GDP on defence.", "around 4.1%", 4.1, "GDP", "~"),
    ("Members must spend 2 percent of GDP on their armed forces.", "2 percent", 2, "GDP", "="),
    ("Spending reached 2.4 per cent of gross domestic product.", "2.4 per cent", 2.4, "GDP", "="),
    ("Turnout was 67.3% on Sunday.", "67.3%", 67.3, "", "="),
    ("Over 60% of Britons oppose the plan, a YouGov poll found.", "Over 60%", 60, "Britons", ">"),
    ("Shares jumped 12pc in early trading.", "12pc", 12, "", "="),
])
def test_percentages_with_base(sentence, text, value, base, bound):
    fig = only(sentence, text)
    assert fig["kind"] == "percent" and fig["unit"] == "percent"
    assert fig["value"] == pytest.approx(value)
    assert (fig["base"], fig["bound"]) == (base, bound)


def test_percentage_points_and_changes():
    fig = only("Unemployment fell 0.3 percentage points in March.")
    assert (fig["unit"], fig["change"], fig["value"]) == ("percentage point", "down", 0.3)
    fig = only("Consumer prices rose by 0.5% last month, the ONS said.")
    assert (fig["text"], fig["change"], fig["value"]) == ("0.5%", "up", 0.5)
    fig = only("The index closed at -2.5% for the week.")
    assert fig["value"] == -2.5 and fig["text"] == "-2.5%"
    fig = only("Overnight the temperature dropped to minus 15 degrees.")
    assert fig["value"] == -15 and fig["kind"] == "measure"


@pytest.mark.parametrize("sentence, text, low, high", [
    ("Economists expect growth of 3 to 5 percent next year.", "3 to 5 percent", 3, 5),
    ("Prices climbed 3–5% across the bloc.", "3–5%", 3, 5),
    ("Between 20 and 30 people were injured, police said.", "Between 20 and 30", 20, 30),
])
def test_ranges(sentence, text, low, high):
    fig = only(sentence)
    assert fig["text"] == text
    assert (fig["value_low"], fig["value_high"], fig["value"]) == (low, high, (low + high) / 2)


# ------------------------------------------------------------------ fractions, counts, ordinals
@pytest.mark.parametrize("sentence, text, value, bound", [
    ("Over two-thirds of allies now meet the target.", "Over two-thirds", 2 / 3, ">"),
    ("A notable third of members still fall short.", "third", 1 / 3, "="),
    ("Three-quarters of respondents backed the plan.", "Three-quarters", 0.75, "="),
    ("Nearly half of voters remain undecided, the AP-NORC poll shows.", "Nearly half", 0.5, "<"),
    ("Four in five Americans support the measure.", "Four in five", 0.8, "="),
])
def test_fractions(sentence, text, value, bound):
    fig = only(sentence, text)
    assert fig["kind"] == "fraction"
    assert fig["value"] == pytest.approx(value) and fig["bound"] == bound


@pytest.mark.parametrize("sentence, text, value, unit", [
    ("Moscow claims five regions of Ukraine as its own.", "five", 5, "region"),
    ("Kyiv hopes to build over 10,000 drones by spring.", "over 10,000", 10_000, "drone"),
    ("The coalition, comprising approximately 50 countries, met in Ramstein.", "approximately 50", 50, "country"),
    ("Some 1,200 soldiers took part in the exercise.", "Some 1,200", 1200, "soldier"),
    ("A dozen countries signed the declaration.", "A dozen", 12, "country"),
    ("Twenty-five people were rescued from the rubble.", "Twenty-five", 25, "person"),
    ("Tesla delivered 1.8m cars last year.", "1.8m", 1.8e6, "car"),
    ("The 27-nation bloc agreed on sanctions.", "27-nation", 27, "nation"),
])
def test_counts_carry_the_counted_noun(sentence, text, value, unit):
    fig = only(sentence, text)
    assert fig["kind"] == "count"
    assert fig["value"] == pytest.approx(value) and fig["unit"] == unit


@pytest.mark.parametrize("sentence, text, kind, value, unit", [
    ("Ministers gathered for the 26th meeting of the contact group.", "26th", "ordinal", 26, "meeting"),
    ("It was the twenty-fifth anniversary of the treaty.", "twenty-fifth", "ordinal", 25, "anniversary"),
    ("She was elected for a third term in 2019.", "third", "ordinal", 3, "term"),
    ("The Buckeyes finished ranked No. 1 in total defense.", "No. 1", "rank", 1, ""),
    ("The team ranked 10th overall.", "10th", "rank", 10, ""),
    ("He was jailed for 25 years.", "25 years", "duration", 25, "year"),
    ("Leaders agreed a 30-day ceasefire.", "30-day", "duration", 30, "day"),
    ("Kyiv expects the drones within a year.", "within a year", "duration", 1, "year"),
    ("The convoy travelled 40 km before dawn.", "40 km", "measure", 40, "kilometre"),
])
def test_ordinals_ranks_durations_measures(sentence, text, kind, value, unit):
    fig = only(sentence, text)
    assert (fig["kind"], fig["value"], fig["unit"]) == (kind, value, unit)


# ------------------------------------------------------------------ not figures
@pytest.mark.parametrize("sentence", [
    "Russia annexed Crimea in 2014 and invaded in February 2022.",
    "Kyiv wants a return to pre-2014 borders.",
    "The target may not be met until the 2030s.",
    "The talks open on 13 February 2025 and end on February 14.",
    "The meeting starts at 10:30 GMT, or 3 p.m. local time.",
    "Troops would not be covered by Article 5 of the treaty.",
    "The F-16 jets, the Su-57 and the G7 leaders; COVID-19 cases fell.",
    "A U.S. official said one of the drones was shot down.",
    "It is one way or another a concession.",
    "For the cost of a cup of coffee a month you can support us.",
    "Boeing 737 jets and Windows 11 laptops; Resolution 2231 expired.",
    "The vote passed 52-48; the match ended 3-2.",
    "For the first time, the meeting was chaired by Britain.",
    "The 2024-25 budget was approved.",
    "",
    "\x00\ufeff  ¤¤ -- ... 9/11 24/7 #",
])
def test_not_figures(sentence):
    assert figures_in_text(sentence) == []


def test_lemma_and_counted_noun():
    assert [lemma(w) for w in ("countries", "drones", "people", "taxes", "troops")] == [
        "country", "drone", "person", "tax", "troop"]
    assert counted_noun(" new drones were shipped")[0] == "drone"
    assert counted_noun(" were killed")[0] == ""


# ------------------------------------------------------------------ the table and the seeds
@pytest.fixture(scope="module")
def seed_figures(seed_corpus):
    return extract_figures(seed_corpus)


def test_offsets_index_the_article_text(seed_corpus, seed_figures):
    assert not seed_figures.empty
    for row in seed_figures.itertuples():
        assert seed_corpus.text_of(row.doc_id)[row.start:row.end] == row.text


def test_table_columns_order_and_determinism(seed_corpus, seed_figures):
    assert list(seed_figures.columns) == FIGURE_COLUMNS
    assert seed_figures["figure_id"].is_unique
    assert set(seed_figures["kind"]) <= {"money", "percent", "count", "fraction", "ordinal", "rank",
                                         "duration", "measure"}
    assert list(zip(seed_figures["doc_id"], seed_figures["start"])) == sorted(
        zip(seed_figures["doc_id"], seed_figures["start"]))
    pd.testing.assert_frame_equal(seed_figures, extract_figures(seed_corpus))


def test_accepts_articles_dataframe_and_bad_text():
    articles = pd.DataFrame({"doc_id": ["r1", "r2", "r3"],
                             "text": ["Britain pledged £2bn in loans.\n\nShares rose 3%.", "", "\x00\x01\ufffd"]})
    table = extract_figures(articles)
    assert list(table["text"]) == ["£2bn", "3%"]
    assert list(table["sent_id"]) == [0, 1] or table["sent_id"].ge(0).all()
    assert set(table["role"]) <= {"headline", "standfirst", "body", "caption", "stray", "related", "boilerplate",
                                  "tags", "duplicate", "byline"}
    assert extract_figures(pd.DataFrame({"doc_id": ["e"], "text": [""]})).empty


def test_registered_for_the_command_line(seed_corpus):
    assert EXTRACTORS["figures"] == "analysis_helpers.figures.extract:extract_figures"
    tables = run_extractor("figures", seed_corpus)
    assert list(tables) == ["figures"]


# ------------------------------------------------------------------ comparison across articles
def _corpus(texts):
    return open_corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))


def test_compare_flags_a_disagreement_between_outlets():
    figures = extract_figures(_corpus([
        "Washington has given Ukraine $65.9 billion in military aid since the invasion, the Pentagon said.",
        "The United States has provided $66.5 billion in military aid to Ukraine, officials say.",
        "The EU budget for farming is €66 billion this year.",
    ]))
    groups = compare_figures(figures)
    assert list(groups["doc_id"]) == ["d0", "d1"]
    assert groups["disagreement"].all() and groups["n_docs"].eq(2).all()


def test_compare_keeps_different_quantities_apart():
    figures = extract_figures(_corpus([
        "Russia has annexed five regions of Ukraine, though it does not fully control them.",
        "Putin wants Kyiv to recognise Russia's claims to four regions in the east and south.",
        "Germany's deficit reached €51 billion, the finance ministry said.",
        "The EU pledged €50 billion to Ukraine's reconstruction fund.",
    ]))
    assert compare_figures(figures).empty


def test_compare_groups_agreeing_figures_without_flag():
    figures = extract_figures(_corpus([
        "Allies must spend at least 2% of GDP on defence, NATO's guideline says.",
        "Members should spend 2 percent of GDP on defence under NATO's guideline.",
    ]))
    groups = compare_figures(figures)
    assert len(groups) == 2 and not groups["disagreement"].any()


# ------------------------------------------------------------------ evaluation helpers
def test_evaluation_counts_hits_and_misses():
    gold = pd.DataFrame({"doc_id": ["a", "a"], "start": [0, 20], "end": [5, 24], "text": ["$5bn", "five"],
                         "kind": ["money", "count"], "value": [5e9, 5.0], "unit": ["USD", "region"]})
    perfect = evaluate_figures(gold, gold).set_index("measure")
    assert perfect.loc["span (exact)", "f1"] == 1.0 and perfect.loc["unit", "accuracy"] == 1.0
    predicted = gold.iloc[[0]].assign(value=4e9, end=4)
    scores = evaluate_figures(predicted, gold).set_index("measure")
    assert scores.loc["span (overlap)", "recall"] == 0.5
    assert scores.loc["span (exact)", "precision"] == 0.0
    assert scores.loc["value", "precision"] == 0.0
    outcomes = match_figures(predicted, gold)["outcome"].tolist()
    assert sorted(outcomes) == ["match", "missed"]


def test_gold_annotations_are_well_formed(seed_corpus):
    gold = read_gold_figures()
    assert {"doc_id", "start", "end", "text", "kind", "value", "unit", "base", "bound"} <= set(gold.columns)
    for row in gold.itertuples():
        assert seed_corpus.text_of(row.doc_id)[row.start:row.end] == row.text


# ------------------------------------------------------------------ vague magnitudes, "one", rates, units
@pytest.mark.parametrize("sentence, text, low, high, unit, kind", [
    # up to the next order of magnitude (MEANTIME figure guidelines); "dozens" from two dozen to 99
    ("Thousands of protesters filled the square, police said.", "Thousands", 1e3, 9999, "protester", "count"),
    ("Tens of thousands of homes lost power after the storm.", "Tens of thousands", 1e4, 99999, "home", "count"),
    ("The scheme cost taxpayers tens of millions of pounds.", "tens of millions of pounds", 1e7, 1e8 - 1, "GBP", "money"),
    ("Dozens of migrants were rescued off the coast.", "Dozens", 24, 99, "migrant", "count"),
])
def test_vague_magnitudes_are_ranges(sentence, text, low, high, unit, kind):
    fig = only(sentence, text)
    assert (fig["kind"], fig["unit"], fig["bound"]) == (kind, unit, "~")
    assert (fig["value_low"], fig["value_high"]) == (low, high)


def test_one_counts_a_noun_but_not_in_idioms():
    assert only("One man was arrested at the scene.")["unit"] == "man"
    assert only("Only one proposal asks the board to act.")["unit"] == "proposal"
    assert figures_in_text("No one was hurt, and at one point the crowd cheered.") == []
    assert figures_in_text("On the one hand, it was one of the best films.") == []


def test_rates_keep_their_denominator():
    fig = only("Brent crude traded at US $61.20 per barrel.")
    assert (fig["value"], fig["unit"], fig["per"]) == (61.2, "USD", "barrel")
    assert only("They pay $2,000 a month in rent.")["per"] == "month"


@pytest.mark.parametrize("sentence, text, unit", [
    ("The phone ships with 512GB of storage.", "512GB", "gigabyte"),
    ("Its engine makes 500bhp.", "500bhp", "horsepower"),
    ("Temperatures fell by 1 to 2 degrees Celsius.", "1 to 2 degrees Celsius", "degree Celsius"),
    ("Warming must stay below 1.5C, scientists say.", "below 1.5C", "degree Celsius"),
])
def test_measure_units(sentence, text, unit):
    fig = only(sentence, text)
    assert (fig["kind"], fig["unit"]) == ("measure", unit)


@pytest.mark.parametrize("sentence", [
    "Kick-off was at 17:30 and the lap took 1:24.5.",
    "The temple was built around A.D. 1000 and abandoned by 1300 AD.",
])
def test_clock_times_and_era_years_are_not_figures(sentence):
    assert figures_in_text(sentence) == []


def test_counted_time_nouns_are_durations_and_points_are_counted():
    fig = only("He spent the 40 previous years in the navy.")
    assert (fig["kind"], fig["unit"]) == ("duration", "year")
    fig = only("The Dow shed 320 points on Friday.")
    assert (fig["unit"], fig["change"]) == ("point", "down")


def test_offsets_survive_characters_that_change_length_when_lowered():
    sentence = "İstanbul said İİ five hundred troops and 3% of GDP."
    figs = figures_in_text(sentence)
    assert [f["text"] for f in figs] == ["five hundred", "3%"]
    for f in figs:
        assert sentence[f["start"]:f["end"]] == f["text"]


@pytest.mark.parametrize("sentence, text, kind, value, unit", [
    ("Shares in the grocer rose 5p to 120p.", "120p", "money", 1.2, "GBP"),
    ("Gasoline fell 19 cents a gallon.", "19 cents", "money", 0.19, "USD"),
    ("The victim, aged 45, died in hospital.", "45", "duration", 45, "year"),
    ("Jane Smith, 38, told the BBC she was leaving.", "38", "duration", 38, "year"),
])
def test_minor_currency_units_and_ages(sentence, text, kind, value, unit):
    fig = only(sentence, text)
    assert (fig["kind"], fig["unit"]) == (kind, unit)
    assert fig["value"] == pytest.approx(value)


def test_index_names_and_downing_street_are_not_figures():
    assert figures_in_text("The S&P 500 and the FTSE 100 closed higher.") == []
    assert figures_in_text("A spokesperson for No 10 declined to comment.") == []


def test_random_text_never_crashes_and_keeps_offsets():
    import random
    rng = random.Random(7)
    alphabet = list("0123456789 ,.-–%$€£#/:;()abcdefghijklmnopqrstuvwxyzABCDEFGHIJ\n\t'\"İß½²") + [
        " million ", " billion ", " percent ", " of ", " a ", " one ", " third ", " No. ", " over ", "-year-old "]
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        for fig in figures_in_text(text):
            assert text[fig["start"]:fig["end"]] == fig["text"]


def test_fast_block_attachment_matches_attach_block(seed_corpus, seed_figures):
    from analysis_helpers import attach_block
    expected = attach_block(seed_figures.drop(columns=["block_id", "role"]), seed_corpus.blocks)
    pd.testing.assert_series_equal(seed_figures["block_id"], expected["block_id"])
    pd.testing.assert_series_equal(seed_figures["role"], expected["role"])


def test_a_bare_number_shares_the_unit_of_its_pair():
    first, _ = figures_in_text("Dinner costs eight or nine euros a head.")
    assert (first["kind"], first["unit"], first["value"]) == ("money", "EUR", 8)
    first, _ = figures_in_text("The fund raised 3 or 4 million dollars.")
    assert (first["unit"], first["value"]) == ("USD", 3e6)
    _, four = figures_in_text("Russia has annexed five regions, and claims four.")
    assert four["kind"] == "count"


def test_currency_words_after_the_number():
    assert only("Deposits above 7.5 million Danish crowns pay a fee.")["unit"] == "DKK"
    assert only("Seoul set aside 5 billion won for the plan.")["unit"] == "KRW"


@pytest.mark.parametrize("sentence", [
    "Read it at https://example.com/2025/02/13/story-12345 or mail desk@example.org.",
    "Veterans of the Second World War and the Fifth Republic's founders met.",
])
def test_web_addresses_and_ordinal_names_are_not_figures(sentence):
    assert figures_in_text(sentence) == []


def test_hyphenated_money_and_hyphen_idioms():
    fig = only("It is part of Britain's 3-billion-pound annual pledge.")
    assert (fig["kind"], fig["value"], fig["unit"]) == ("money", 3e9, "GBP")
    assert figures_in_text("It's a two-way street, he said.") == []
    fig = only("A 7.8-magnitude earthquake struck.")
    assert (fig["value"], fig["unit"]) == (7.8, "magnitude")
    assert figures_in_text("3-D printing and the 737-MAX jet.") == []


@pytest.mark.parametrize("sentence, text, low, high", [
    ("Tens of thousands marched in Tbilisi, and police said hundreds were arrested.", "Tens of thousands", 1e4, 99999),
    ("Several hundred people gathered outside parliament.", "Several hundred", 200, 900),
])
def test_magnitudes_without_of_and_several(sentence, text, low, high):
    fig = only(sentence, text)
    assert (fig["value_low"], fig["value_high"], fig["bound"]) == (low, high, "~")


# ------------------------------------------------------------------ issue 14: figures on unseen news
@pytest.mark.parametrize("sentence, expected", [
    # a change from one value to another is two figures, not a range
    ("The toll rose from €2.40 to €3.15 last spring.", [("€2.40", 2.4, "from"), ("€3.15", 3.15, "to")]),
    ("Approval climbed from zero to 40% within two years.", [("zero", 0.0, "from"), ("40%", 40.0, "to")]),
    ("Wheat fell $1.20 to $6.05 a bushel.", [("$1.20", 1.2, "down"), ("$6.05", 6.05, "to")]),
    # a range stays a range, also of scaled amounts
    ("Between 40 and 60 houses flooded.", [("Between 40 and 60", 50.0, "")]),
    ("The fund needs between £4 million and £6 million.", [("between £4 million and £6 million", 5e6, "")]),
])
def test_changes_and_ranges(sentence, expected):
    got = [(f["text"], f["value"], f["change"]) for f in figures_in_text(sentence)]
    for item in expected:
        assert item in got


@pytest.mark.parametrize("sentence, text, value, kind", [
    ("The lender sold its stake for $12.3 billion.", "$12.3 billion", 12300000000.0, "money"),
    ("Farm output grew seven-fold in a decade.", "seven-fold", 7.0, "ratio"),
    ("Exports tripled after the deal.", "tripled", 3.0, "ratio"),
    ("Less than half of the wells were tested.", "Less than half", 0.5, "fraction"),
    ("She led the firm for a quarter-century.", "a quarter-century", 25.0, "duration"),
    ("He bought a half-dozen boats.", "a half-dozen", 6.0, "count"),
    ("The lease runs 3-1/2 years.", "3-1/2 years", 3.5, "duration"),
    ("Shares gained 4,75% in Milan.", "4,75%", 4.75, "percent"),
    ("Dozens of villages were cut off.", "Dozens", 61.5, "count"),
    ("Roughly a third of the crop was lost.", "Roughly a third", 1 / 3, "fraction"),
    ("The ferry left a week ago.", "a week", 1.0, "duration"),
])
def test_worded_and_exact_values(sentence, text, value, kind):
    fig = only(sentence, text)
    assert (fig["kind"], fig["value"]) == (kind, value)


@pytest.mark.parametrize("sentence", [
    "The new Galaxy 9 and the latest iOS 12.1 update shipped.",  # a phone and a version
    "The airline retired the last 767 freighter.",  # an aircraft model
    "Her serial number was 0042.",  # an identifier with a leading zero
    "The old Fiat Cinquecento and the Ford Model T sold well; the Famous Five met.",  # names
])
def test_version_and_model_numbers_are_names(sentence):
    assert figures_in_text(sentence) == []


def test_punctuation_dash_is_not_a_minus():
    fig = only("Of the claims - 31 - were rejected.", "31")
    assert fig["value"] == 31.0
    assert only("Night temperatures fell to -8 in the valley.", "-8")["value"] == -8.0
