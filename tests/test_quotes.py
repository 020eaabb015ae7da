"""Quote extraction and attribution on invented sentences in other outlets' styles, plus seed invariants.

The sentences below are made up for the tests (names included); they imitate
the conventions of wire copy (Reuters, AP), the BBC (single quotes, "Mr") and
the Guardian (colon introducers, multi-paragraph quotes).
"""

import pandas as pd
import pytest

from analysis_helpers import open_corpus
from analysis_helpers.pipeline import EXTRACTORS, run_extractor
from analysis_helpers.quotes.alignment import align_quotes, content_words, mark_differences
from analysis_helpers.evaluation.quotes import evaluate_quotes, match_spans
from analysis_helpers.quotes.marks import quote_spans
from analysis_helpers.quotes.extract import QUOTE_COLUMNS, extract_quotes
from analysis_helpers.quotes.speakers import cue_lexicon, verb_forms


def quotes_of(*texts: str) -> pd.DataFrame:
    """The quotes table of invented articles t0, t1, ..."""
    articles = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": list(texts)})
    return extract_quotes(articles)


def only(quotes: pd.DataFrame, kind: str) -> pd.Series:
    rows = quotes[quotes["kind"] == kind]
    assert len(rows) == 1, rows[["kind", "text", "speaker"]]
    return rows.iloc[0]


def marked(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quote_spans(text)]


# ------------------------------------------------------------------ quote marks

def test_curly_straight_and_apostrophes_inside():
    assert marked('He said "it\'s over" and "we\'re done."') == ["it's over", "we're done."]
    assert marked("“We’re ready, and it hasn’t changed,” she said.") == ["We’re ready, and it hasn’t changed,"]


def test_closing_mark_typed_as_opener():
    assert marked("The minister said ”we are ready” and left.") == ["we are ready"]
    assert marked("”Nobody asked us,” the farmer said.") == ["Nobody asked us,"]


def test_possessives_and_stray_apostrophes_never_pair():
    text = "The Allies’ plan met Russia’ claims head on. Officials called it a ‘turning point’ for the talks."
    assert marked(text) == ["turning point"]
    assert marked("The members' demands and the unions' reply were filed.") == []


def test_guillemets_pair_but_read_more_arrow_is_not_a_quote():
    assert marked("Read more »") == []
    assert marked("Le président a déclaré «nous sommes prêts» hier.") == ["nous sommes prêts"]


def test_unclosed_quote_closed_at_paragraph_end_and_flagged():
    spans = quote_spans("“This is the end of the road, the mayor said at the rally.")
    assert len(spans) == 1 and spans[0].unclosed
    q = quotes_of("Mayor Ana Ruiz spoke in Leeds.\n\nRuiz said: “This is the end of the road for the old plan.")
    row = q[q["kind"] == "direct"].iloc[0]
    assert bool(row["unclosed"]) and row["speaker"] == "Ana Ruiz"


def test_unclosed_quote_cut_before_the_next_opening_mark():
    text = "Lee said “It is late. Then he turned away. Later, Lee added: “We go on.”"
    spans = quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == ["It is late. Then he turned away.", "We go on."]
    assert spans[0].unclosed and not spans[1].unclosed


def test_one_broken_mark_does_not_lose_the_rest_of_the_article():
    text = ("Union leader Kim Park said “the offer is an insult.\n\n"
            "“We will strike on Monday,” Park said.\n\n"
            "Park later told reporters that talks could resume.")
    q = quotes_of(text)
    assert len(q[q["kind"] == "direct"]) == 1
    assert only(q, "direct")["text"] == "We will strike on Monday,"
    assert only(q, "indirect")["speaker"] == "Kim Park"


def test_ellipsis_inside_a_quote():
    q = quotes_of("Chancellor Maria Vogel spoke on Friday. “We tried … and we failed,” Vogel said.")
    assert only(q, "direct")["text"] == "We tried … and we failed,"


def test_single_quoted_fragment_bbc_style():
    q = quotes_of("Mr Smith, the party's leader, said the plan was 'deeply flawed' and would be scrapped.")
    row = only(q, "partial")
    assert row["text"] == "deeply flawed"
    assert row["speaker"] == "Smith"


# ------------------------------------------------------------------ speakers

@pytest.mark.parametrize("sentence, speaker, cue", [
    # Reuters: quote first, speaker and verb after
    ("“We will not back down,” Prime Minister Jane Doe told reporters on Tuesday.", "Jane Doe", "told reporters"),
    # AP: inverted order with an apposition
    ('"The talks were productive," said Maria Lopez, a spokeswoman for the ministry.', "Maria Lopez", "said"),
    # speaker and verb before the quote
    ("Senator Tom Reyes warned, “This bill will cost jobs in every state.”", "Tom Reyes", "warned"),
    # apposition between subject and verb
    ("Ahmed Khan, the city's police chief, also stressed: “Nobody was hurt in the blast.”", "Ahmed Khan", "stressed"),
])
def test_speaker_in_either_order(sentence, speaker, cue):
    row = only(quotes_of(sentence), "direct")
    assert (row["speaker"], row["cue"]) == (speaker, cue)
    text = sentence
    assert text[row["speaker_start"]:row["speaker_end"]] == row["speaker_text"]
    assert text[row["cue_start"]:row["cue_end"]] == row["cue"]


def test_relative_clause_between_subject_and_cue():
    text = ("Union leader Kim Park met Mayor Ana Ruiz on Tuesday. "
            "Park, who met Ruiz for an hour, said that the strike would go ahead.")
    assert only(quotes_of(text), "indirect")["speaker"] == "Kim Park"


def test_unregistered_role_is_named_by_the_role_not_guessed():
    row = only(quotes_of("“We are ready,” the spokesman said."), "direct")
    assert (row["speaker"], row["speaker_text"]) == ("spokesman", "the spokesman")


def test_next_quote_of_the_paragraph_keeps_the_speaker():
    q = quotes_of("Mayor Ana Ruiz opened the bridge. “It took ten years,” she said. “But it is done.”")
    assert list(q["speaker"]) == ["Ana Ruiz", "Ana Ruiz"]
    assert q.iloc[1]["speaker_method"] == "same speaker as the previous quote"


def test_pronoun_resolves_to_the_latest_subject_not_the_latest_name():
    text = ("Health Minister Ann Perry visited the hospital on Monday. She praised Prime Minister Raj Patel's plan. "
            "“We need more nurses, not more managers,” she said.")
    assert only(quotes_of(text), "direct")["speaker"] == "Ann Perry"


def test_pronoun_skips_a_subject_of_the_other_gender():
    text = ("Mrs Ann Perry met Mr Raj Patel at the hospital. Patel praised the nurses. "
            "“We need more of them, not fewer,” she said.")
    assert only(quotes_of(text), "direct")["speaker"] == "Ann Perry"


def test_guardian_colon_introducer_and_multi_paragraph_quote():
    text = ("Interior Minister Paul Weber spoke after the vote.\n\n"
            "Weber said: “The result is clear and we accept it.\n\n"
            "“Now the work begins, and it will be hard.”")
    q = quotes_of(text)
    direct = q[q["kind"] == "direct"]
    assert len(direct) == 2
    assert list(direct["speaker"]) == ["Paul Weber", "Paul Weber"]
    assert bool(direct.iloc[0]["continues"]) and not bool(direct.iloc[0]["unclosed"])
    assert direct.iloc[1]["speaker_method"] == "continued quote"


def test_title_resolved_through_the_registry():
    text = ("Foreign Secretary David Lammer met his French counterpart in Paris on Monday. "
            "The British foreign secretary said that the talks had been frank.")
    row = only(quotes_of(text), "indirect")
    assert row["speaker"] == "David Lammer"
    assert row["speaker_text"] == "The British foreign secretary"


def test_possessive_title_resolved_through_the_registry():
    text = ("Defence Minister Lena Berg arrived in Oslo. "
            "The premier’s defence minister said: “Our borders are secure.”")
    assert only(quotes_of(text), "direct")["speaker"] == "Lena Berg"


def test_name_conflict_flagged_not_merged():
    text = ("Finance Minister Carl Jensen presented the budget on Tuesday. Jensen said it was balanced. "
            "Later, Tom Jensen said that taxes would rise next year.")
    q = quotes_of(text)
    assert q.loc[q["text"] == "it was balanced", "speaker"].tolist() == ["Carl Jensen"]
    row = q[q["text"].str.startswith("taxes")].iloc[0]
    assert row["speaker"] == "Tom Jensen"
    assert bool(row["name_conflict"]) and row["conflict_with"] == "Carl Jensen"


def test_alias_table_merges_spellings_without_a_conflict():
    text = ("President Volodymyr Zelenskyy spoke in Kyiv. Zelensky said that the front line was holding.")
    row = only(quotes_of(text), "indirect")
    assert row["speaker"] == "Volodymyr Zelensky" and not bool(row["name_conflict"])


def test_document_wording_is_not_attributed():
    text = ("The envoy Omar Haddad cited the treaty. Haddad said the accord was clear, since Article 2 of the "
            "Charter (“All members shall refrain from the threat or use of force”) binds every state.")
    q = quotes_of(text)
    row = q[q["text"].str.startswith("All members")].iloc[0]
    assert row["speaker"] == "" and row["speaker_method"].startswith("document")


def test_no_rule_no_speaker():
    q = quotes_of("The banner over the gate read “closed for business” all week.")
    row = q.iloc[0]
    assert row["speaker"] == "" and row["kind"] == "label"


def test_scare_quoted_label_even_beside_a_cue():
    text = "Analyst Jo Marsh said that the so-called ‘peace dividend’ had vanished."
    q = quotes_of(text)
    assert only(q, "label")["text"] == "peace dividend"
    assert only(q, "indirect")["speaker"] == "Jo Marsh"


# ------------------------------------------------------------------ reported speech

@pytest.mark.parametrize("sentence, clause_start, speaker", [
    ("Mayor Ana Ruiz told reporters that the bridge would reopen in May.", "the bridge", "Ana Ruiz"),
    ("The economy, Governor Ben Ortiz said, is recovering faster than expected.", "The economy", "Ben Ortiz"),
    ("The vote will be held in May, officials said.", "The vote", "officials"),
    ("According to police, the suspect fled on foot towards the station.", "the suspect", "police"),
    ("Judge Maria Olsen denied the defence had been misled about the evidence.", "the defence", "Maria Olsen"),
    ("Energy analysts warn that prices could double by the winter.", "prices", "Energy analysts"),
])
def test_indirect_speech_rules(sentence, clause_start, speaker):
    row = only(quotes_of(sentence), "indirect")
    assert row["text"].startswith(clause_start)
    assert row["speaker"] == speaker
    assert not row["text"].endswith(".")


def test_guardian_told_colon_with_pronoun():
    text = "Film director Ana Costa spoke at the festival. She told the Guardian: “It was terrifying, and I loved it.”"
    row = only(quotes_of(text), "direct")
    assert row["speaker"].endswith("Ana Costa") and row["cue"] == "told"


def test_unregistered_name_after_the_quote_is_the_speaker():
    text = "Hart was on duty that night. “He told me ‘never again’, and I believed him,” Hart said."
    row = only(quotes_of(text), "direct")
    assert row["speaker"] == "Hart" and row["text"].startswith("He told me ‘never again’")


def test_full_name_before_a_bare_surname_speaker_is_the_canonical_speaker():
    # the surname used alone ("Hart said") makes the earlier full name a person: the guidelines name a
    # person by the full name the article first gives
    text = "Jo Hart was on duty that night. “He told me ‘never again’, and I believed him,” Hart said."
    assert only(quotes_of(text), "direct")["speaker"] == "Jo Hart"


def test_trailing_cue_with_a_time_and_a_long_apposition():
    row = only(quotes_of("The strikes will continue until pay is restored, union officials warned on Sunday."),
               "indirect")
    assert (row["text"], row["speaker"]) == ("The strikes will continue until pay is restored", "union officials")
    row = only(quotes_of("Mr Rao, 54, who has lived in the village for decades, told the BBC his house had "
                         "flooded twice."), "indirect")
    assert (row["text"], row["speaker"]) == ("his house had flooded twice", "Rao")


@pytest.mark.parametrize("text, speaker", [
    ("“We are reviewing the findings,” the company said in a statement.", "company"),
    # an unnamed role is named as written with the body it serves (guidelines: as written, no article)
    ("A spokesperson for the ministry said that no decision had been taken.", "spokesperson for the ministry"),
    ("The head of the agency, Lars Moen, said: “We were not consulted.”", "Lars Moen"),
    ("Ukraine’s military said that it had shot down 40 drones overnight.", "Ukraine’s military"),
])
def test_institutions_and_spokespeople_reuters_style(text, speaker):
    q = quotes_of(text)
    assert len(q) == 1 and q.iloc[0]["speaker"] == speaker


def test_participle_cue_takes_the_sentence_subject():
    text = "Coach Dan Moore defended the line-up, arguing that the younger players had earned a chance."
    row = only(quotes_of(text), "indirect")
    assert row["speaker"] == "Dan Moore" and row["cue"] == "arguing"


def test_noun_object_is_not_reported_speech():
    q = quotes_of("Minister Eva Lind stressed the need for calm and highlighted the cost of the floods.")
    assert q.empty
    q = quotes_of("The bank reported profits that rose by a fifth, and Chair Ida Holm noted costs that fell.")
    assert q.empty


def test_listener_and_time_before_that():
    row = only(quotes_of("Governor Ben Ortiz told reporters on Tuesday that the state would sue."), "indirect")
    assert (row["text"], row["speaker"]) == ("the state would sue", "Ben Ortiz")


def test_reported_clause_made_of_a_quote_is_left_to_the_quote():
    q = quotes_of("Senator Tom Reyes said that “the bill will cost jobs in every single state.”")
    assert list(q["kind"]) == ["partial"] or list(q["kind"]) == ["direct"]


# ------------------------------------------------------------------ table contract and robustness

def test_columns_and_empty_or_odd_input():
    empty = quotes_of("")
    assert list(empty.columns) == QUOTE_COLUMNS and empty.empty
    odd = quotes_of("\x00“”‘’'\"«»\n\n”", "said said, according to:", "„Ja“, sagte er.")
    assert list(odd.columns) == QUOTE_COLUMNS


def test_verb_forms_and_cue_lexicon():
    assert {"says", "said", "saying"} <= verb_forms("say", "said")
    assert {"points out", "pointed out", "pointing out"} <= verb_forms("point out")
    assert {"denies", "denied", "denying"} <= verb_forms("deny")
    assert cue_lexicon().pattern.search("he reiterated it")


@pytest.fixture(scope="module")
def seed_quotes(seed_corpus):
    return seed_corpus, extract_quotes(seed_corpus)


def test_offsets_index_the_article_text(seed_quotes):
    corpus, quotes = seed_quotes
    assert len(quotes) > 0
    for row in quotes.itertuples():
        text = corpus.text_of(row.doc_id)
        assert text[row.start:row.end] == row.text
        if row.speaker_start >= 0:
            assert text[row.speaker_start:row.speaker_end] == row.speaker_text
        if row.cue_start >= 0:
            assert text[row.cue_start:row.cue_end] == row.cue


def test_seed_rows_sorted_unique_and_deterministic(seed_quotes):
    corpus, quotes = seed_quotes
    again = extract_quotes(corpus)
    pd.testing.assert_frame_equal(quotes, again)
    assert quotes["quote_id"].is_unique
    assert list(quotes.sort_values(["doc_id", "start", "end", "kind"], kind="stable").index) == list(quotes.index)
    assert set(quotes["kind"]) <= {"direct", "partial", "indirect", "label"}


def test_registered_in_the_cli_pipeline():
    assert EXTRACTORS["quotes"] == "analysis_helpers.quotes.extract:extract_quotes"
    corpus = open_corpus(pd.DataFrame({"doc_id": ["a"], "text": ["“Yes,” Ms Ng said."]}))
    assert list(run_extractor("quotes", corpus)) == ["quotes"]


# ------------------------------------------------------------------ alignment and evaluation

def test_align_groups_one_remark_across_outlets_only():
    a = ("Minister Ivo Dane spoke in Rome. “The deal protects every worker and every pension in this country,” "
         "Dane said. “We will not sell the port,” he added.")
    b = ("Minister Ivo Dane defended the agreement. Dane said the deal “protects each worker and each pension "
         "in the country.” “Taxes stay where they are,” Dane said.")
    q = quotes_of(a, b)
    groups = align_quotes(q)
    assert groups["group_id"].nunique() == 1 and len(groups) == 2
    assert set(groups["doc_id"]) == {"t0", "t1"}
    assert all(groups["text"].str.contains("pension"))


def test_align_never_links_quotes_of_one_article():
    a = "Ms Vale said: “The river is rising fast tonight.” Later Vale said: “The river is rising fast tonight.”"
    assert align_quotes(quotes_of(a)).empty


def test_mark_differences_and_content_words():
    left, right = mark_differences("we reject that theory", "I just reject that at its face")
    assert left == "[we] reject that [theory]" and right == "[I just] reject that [at its face]"
    assert content_words("The Allies’ plans") == frozenset({"allies’", "plan"}) or "plan" in content_words("plans")


def test_match_needs_half_of_the_gold_span_and_is_one_to_one():
    gold = pd.DataFrame({"doc_id": ["d", "d"], "start": [0, 100], "end": [10, 110], "kind": ["direct"] * 2,
                         "speaker": ["A", "B"], "text": ["x", "y"]})
    pred = pd.DataFrame({"doc_id": ["d", "d", "d"], "start": [0, 2, 104], "end": [10, 9, 110],
                         "kind": ["direct"] * 3, "speaker": ["A", "A", "C"], "text": ["x", "x", "y"]})
    pairs = match_spans(pred, gold)
    assert len(pairs) == 2
    scores = evaluate_quotes(pred, gold).set_index("group").loc["direct"]
    assert scores["recall"] == 1.0 and scores["precision"] == pytest.approx(0.667, abs=1e-3)
    assert scores["speaker_accuracy"] == 0.5


AP_STYLE = """Flooding forces thousands from homes in northern Italy

ROME (AP) — Floodwaters forced more than 10,000 people from their homes in northern Italy on Tuesday, officials said, as rivers burst their banks after three days of heavy rain.

“We have never seen anything like this,” said Marco Bellini, the mayor of Faenza, who spent the night helping residents onto rescue boats. “The water came up in minutes.”

Civil Protection chief Fabrizio Curcio told reporters that the situation remained critical in at least 20 towns. He warned that more rain was expected on Thursday.

Premier Giorgia Meloni cut short a trip to Japan. In a video posted on social media, she said the government would declare a state of emergency and promised “every euro that is needed.”

The region’s president, Stefano Bonaccini, called it “an apocalypse”. Environmental groups said the floods showed the cost of building on flood plains.

Read more »"""


def test_a_whole_wire_story():
    q = quotes_of(AP_STYLE)
    speakers = dict(zip(q["text"], q["speaker"]))
    assert speakers["We have never seen anything like this,"] == "Marco Bellini"
    assert speakers["The water came up in minutes."] == "Marco Bellini"
    assert speakers["more rain was expected on Thursday"] == "Fabrizio Curcio"
    assert speakers["every euro that is needed."] == "Giorgia Meloni"
    assert speakers["an apocalypse"] == "Stefano Bonaccini"
    assert speakers["the floods showed the cost of building on flood plains"] == "Environmental groups"
    dateline = q[q["speaker"] == "officials"].iloc[0]["text"]
    assert dateline.startswith("Floodwaters forced")  # the dateline is not part of what officials said
    assert set(q["kind"]) == {"direct", "partial", "indirect"}


GUARDIAN_STYLE = """Ministers accused of ‘abandoning’ coastal towns as erosion accelerates

Residents of a Norfolk village say the sea has taken 30 metres of cliff in a decade

The report, by the Environment Agency, warned that 200 homes could be lost by 2040. Its chief executive, Philip Duffy, said: “We cannot hold the line everywhere.

“We have to be honest with people about where defences will be built and where they will not.”

Local MP Duncan Baker said the government had “turned its back” on the town. “People here feel forgotten,” he told the Guardian.

A Department for Environment spokesperson said: “We are investing £5.6bn in flood defences.”

Mrs Jean Ollett, 82, whose bungalow is 15 metres from the edge, said she would not leave. “This is my home,” she said. “Where would I go?”
"""


def test_a_whole_guardian_story():
    q = quotes_of(GUARDIAN_STYLE)
    speakers = dict(zip(q["text"], q["speaker"]))
    assert q.loc[q["text"] == "abandoning", "kind"].tolist() == ["label"]  # passive: ministers are not speaking
    first, second = q[q["speaker"] == "Philip Duffy"].itertuples(index=False)
    assert first.continues and second.speaker_method == "continued quote"
    assert speakers["turned its back"] == "Duncan Baker"
    assert speakers["People here feel forgotten,"] == "Duncan Baker"
    assert speakers["We are investing £5.6bn in flood defences."].endswith("spokesperson")
    assert speakers["she would not leave"] == "Jean Ollett"
    assert speakers["Where would I go?"] == "Jean Ollett"


def test_passive_cue_names_the_agent():
    row = only(quotes_of("The plan was described by Mayor Ann Cole as “a betrayal of the coast”."), "partial")
    assert row["speaker"] == "Ann Cole"


@pytest.mark.parametrize("text, quoted, speaker", [
    ("Starmer: 'We will not raise taxes on working people'", "We will not raise taxes on working people", "Starmer"),
    ("'We will not back down,' said Mr Jones, the union's general secretary.", "We will not back down,", "Jones"),
    ("Mr Jones told BBC Radio 4's Today programme: 'It is a matter of fairness.'", "It is a matter of fairness.",
     "Jones"),
])
def test_bbc_single_quote_conventions(text, quoted, speaker):
    row = quotes_of(text).set_index("text").loc[quoted]
    assert row["kind"] == "direct" and row["speaker"] == speaker


def test_random_mark_soup_never_crashes_and_keeps_offsets():
    import random

    rng = random.Random(7)
    alphabet = list("abc XYZ.,;:!?\n") + list("\"“”„«»‘’'") + ["said ", "Mr Lee ", "he ", "that ", "…"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120))) for _ in range(150)]
    q = quotes_of(*texts)
    for row in q.itertuples():
        text = texts[int(row.doc_id[1:])]
        assert 0 <= row.start < row.end <= len(text) and text[row.start:row.end] == row.text


REUTERS_STYLE = """Germany's Scholz rejects calls to send long-range missiles to Ukraine

BERLIN, Feb 12 (Reuters) - German Chancellor Olaf Scholz on Wednesday rejected renewed calls to supply Taurus cruise missiles to Ukraine, saying the risk of escalation was too high.

"I will not do it," Scholz told reporters in Berlin, adding that Germany remained Ukraine's biggest backer in Europe.

Opposition leader Friedrich Merz, whose conservatives lead in polls, accused the chancellor of "hiding behind excuses". Merz said his party would push for a vote in parliament.

According to a government spokesperson, the cabinet will discuss the issue next week.

The Kremlin said on Tuesday that any delivery of such weapons would mark a "dangerous escalation", state news agency TASS reported.

"We are watching closely," a NATO official told Reuters on condition of anonymity.

(Reporting by Anna Schmidt; Editing by John Stonestreet)"""


def test_a_whole_reuters_story():
    q = quotes_of(REUTERS_STYLE)
    speakers = dict(zip(q["text"], q["speaker"]))
    assert speakers["the risk of escalation was too high"] == "Olaf Scholz"
    assert speakers["I will not do it,"] == "Olaf Scholz"
    assert speakers["hiding behind excuses"] == "Friedrich Merz"
    assert speakers["the cabinet will discuss the issue next week"] == "government spokesperson"
    assert speakers["dangerous escalation"] == "Kremlin"
    assert speakers["We are watching closely,"] == "NATO official"
    assert not q["text"].str.contains("Stonestreet").any()


def test_clause_without_that_with_present_or_irregular_verb():
    cases = {
        "Mara Voss, the port's chief executive, said the company expects to cut 300 jobs in Hamburg.":
            ("the company expects to cut 300 jobs in Hamburg", "Mara Voss"),
        "Dock workers said nearly 14,000 employees at four sites had stopped work on Monday.":
            ("nearly 14,000 employees at four sites had stopped work on Monday", "Dock workers"),
        "For the second quarter, Keller Freight says it made profits of $12 million.":
            ("it made profits of $12 million", "Keller Freight"),
    }
    for sentence, (clause, speaker) in cases.items():
        row = only(quotes_of(sentence), "indirect")
        assert (row["text"], row["speaker"]) == (clause, speaker), sentence


def test_noun_plural_after_cue_is_not_a_verb():
    assert quotes_of("The carrier, Europe's biggest, has announced 900 job cuts over the next two years.").empty


def test_trailing_cue_with_a_bare_weekday_and_organisation_with_irregular_verb():
    row = only(quotes_of("The carrier will pay $57 million for the plant, a Romanian official said Friday."), "indirect")
    assert row["text"] == "The carrier will pay $57 million for the plant"
    row = only(quotes_of("Keller Freight made a statement this week, saying they will be forced to cut routes."),
               "indirect")
    assert (row["text"], row["speaker"]) == ("they will be forced to cut routes", "Keller Freight")


def test_clause_without_that_with_a_bare_singular_subject():
    row = only(quotes_of("Analysts said growth slowed sharply in March."), "indirect")
    assert (row["text"], row["speaker"]) == ("growth slowed sharply in March", "Analysts")
    assert quotes_of("Minister Eva Lind said goodbye to her staff on Friday.").empty
