"""Attribution as candidates and a decision (issue 9), one invented sentence per phenomenon.

Names, places and events below are made up for the tests; none is taken from the
issue, the seeds or the MEANTIME gold.
"""

import pandas as pd
import pytest

from analysis_helpers.quotes.decision import default_weights, read_weights
from analysis_helpers.quotes.extract import QUOTE_COLUMNS, extract_quotes
from analysis_helpers.quotes.speakers import corpus_canonical_names, spelling_key

HEAD = "A headline about the harbour\n\n"


def quotes_of(*texts: str, **kwargs) -> pd.DataFrame:
    articles = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": [HEAD + t for t in texts]})
    return extract_quotes(articles, **kwargs)


def row_of(quotes: pd.DataFrame, words: str) -> pd.Series:
    rows = quotes[quotes["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, quotes[["kind", "text", "speaker"]]
    return rows.iloc[0]


# ------------------------------------------------------------------ candidates

def test_descriptor_and_title_in_front_of_the_name():
    q = quotes_of("“The pitch was too wet to play on,” goalkeeper Tomas Brennholt said after the match.")
    row = row_of(q, "too wet")
    assert (row["speaker"], row["speaker_type"]) == ("Tomas Brennholt", "person")
    assert row["speaker_method"].startswith("after quote")


def test_inverted_cue_with_organisation_and_role_before_the_name():
    q = quotes_of("“Our orders doubled in a single quarter,” said Velmar Group sales director Ines Caldeira.")
    assert row_of(q, "orders doubled")["speaker"] == "Ines Caldeira"


def test_role_with_a_body_then_the_name_in_apposition():
    q = quotes_of("“We will reopen the east dock next week,” said the chief engineer of the port authority, "
                  "Daniel Okonjo.")
    assert row_of(q, "east dock")["speaker"] == "Daniel Okonjo"


def test_name_then_role_in_apposition_after_an_inverted_cue():
    q = quotes_of("“Nobody expected the ice to hold,” said Halvard Rune, the expedition's guide.")
    assert row_of(q, "ice to hold")["speaker"] == "Halvard Rune"


def test_a_name_inside_the_quotation_is_never_its_speaker():
    q = quotes_of("Mayor Petra Lindqvist spoke at the quay on Monday.\n\n"
                  "“Councillor Aron Vesk has misled the harbour workers,” she said.")
    row = row_of(q, "misled")
    assert row["speaker"] == "Petra Lindqvist"
    assert row["speaker_start"] > row["end"]  # the mention after the quotation, not inside it


def test_pronoun_after_a_quote_resolves_to_the_narrative_subject():
    q = quotes_of("Minister Karin Solberg met the fishermen's leader, Jonas Aalto, on Tuesday.\n\n"
                  "“I told Mr Aalto that the quotas stay,” she said.")
    assert row_of(q, "quotas stay")["speaker"] == "Karin Solberg"


def test_quote_continued_in_the_next_paragraph_keeps_its_speaker():
    q = quotes_of("“The tunnel will be finished by spring,” said site manager Rafael Quintero.\n\n"
                  "“After that, the trains can run every ten minutes.”")
    row = row_of(q, "every ten minutes")
    assert row["speaker"] == "Rafael Quintero"
    assert row["speaker_method"] == "previous paragraph's speaker"
    assert row["speaker_confidence"] < row_of(q, "tunnel will")["speaker_confidence"]


def test_cue_in_the_next_sentence_after_a_quotation():
    q = quotes_of("“We could not have asked for a calmer sea.”\n\nsaid harbour pilot Wenke Marstrand.")
    assert row_of(q, "calmer sea")["speaker"] == "Wenke Marstrand"


def test_group_speaker_is_the_whole_noun_phrase_without_a_conjunction():
    q = quotes_of("The ferry sank in calm weather, although investigators said the hull had been repaired.")
    row = q[q["kind"] == "indirect"].iloc[0]
    assert row["speaker"] == "investigators"
    assert row["speaker_type"] == "group"


def test_group_after_an_inverted_cue_keeps_its_words():
    q = quotes_of("“We have seen nothing like it in years,” said a Lisbon fish wholesaler.")
    row = row_of(q, "nothing like it")
    assert row["speaker"] == "Lisbon fish wholesaler"


def test_colon_after_a_sentence_subject():
    q = quotes_of("Port economist Sanna Virtanen spoke about the figures: “Exports have never been this weak.”")
    assert row_of(q, "never been this weak")["speaker"] == "Sanna Virtanen"


# ------------------------------------------------------------------ indirect speech

@pytest.mark.parametrize("sentence, clause, speaker", [
    ("Harbour master Olav Brekke said the channel had silted up over the winter.",
     "the channel had silted up over the winter", "Olav Brekke"),
    ("The terminal will close for two weeks in May, dock managers said.",
     "The terminal will close for two weeks in May", "dock managers"),
    ("According to the coastguard, three trawlers were towed back to port.",
     "three trawlers were towed back to port", "coastguard"),
    ("Councillor Mette Haugland told the local radio station the budget would not cover the repairs.",
     "the budget would not cover the repairs", "Mette Haugland"),
    ("The shipping firm Nordlys announced on Friday it would cut forty jobs at the yard.",
     "it would cut forty jobs at the yard", "Nordlys"),
    ("Union leader Pekka Rautio warned that the strike could spread to other ports.",
     "the strike could spread to other ports", "Pekka Rautio"),
])
def test_indirect_speech_patterns(sentence, clause, speaker):
    q = quotes_of(sentence)
    rows = q[q["kind"] == "indirect"]
    assert rows["text"].tolist() == [clause]
    assert rows["speaker"].str.lower().tolist() == [speaker.lower()]


def test_reporting_verb_with_a_noun_object_is_not_reported_speech():
    q = quotes_of("The shipping firm Nordlys reported a sharp fall in cargo volumes on Friday.")
    assert (q["kind"] == "indirect").sum() == 0


def test_partial_quote_governed_by_a_reporting_verb_is_the_subjects():
    q = quotes_of("Fisheries inspector Lars Holmen said the new nets were “a costly mistake” for the fleet.")
    row = q[q["text"] == "a costly mistake"].iloc[0]  # the reported clause around it is a row of its own
    assert (row["kind"], row["speaker"]) == ("partial", "Lars Holmen")


# ------------------------------------------------------------------ names, state and confidence

def test_spelling_variants_share_a_key_and_merge_across_the_corpus():
    assert spelling_key("Kowalskii") == spelling_key("Kowalski") == spelling_key("KOWALSKI")
    assert spelling_key("Mr. Kowalski") == spelling_key("Kowalski")
    mapping = corpus_canonical_names(["Marta Kowalski", "Marta Kowalski", "Kowalskii"])
    assert mapping["Kowalskii"] == "Marta Kowalski"


def test_speaker_is_per_article_and_corpus_speaker_merges_surnames():
    first = "Trade minister Marta Kowalski said the port tariffs would fall next year."
    second = "“We will not wait for Brussels,” Kowalski said at the quay."
    together = quotes_of(first, second)
    alone = quotes_of(second)
    row = together[together["doc_id"] == "t1"].iloc[0]
    assert row["speaker"] == alone.iloc[0]["speaker"] == "Kowalski"
    assert row["corpus_speaker"] == "Marta Kowalski"


def test_result_of_an_article_is_the_same_alone_or_in_a_mixed_folder(tmp_path):
    texts = {
        "ferry.txt": "The ferry ran aground\n\nThe transport ministry said the ferry had been inspected in March.",
        "quay.txt": "The quay reopens\n\n“It is safe again,” the company said on Monday.\n\nThe firm added that "
                    "repairs had cost less than planned.",
        "fish.txt": "Fish prices rise\n\n“Prices will rise again,” said a Bergen fish trader.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus_rows = extract_quotes(str(tmp_path)).drop(columns=["corpus_speaker"])
    for name, text in texts.items():
        single = tmp_path / ("alone_" + name.split(".")[0])
        single.mkdir()
        (single / name).write_text(text, encoding="utf-8")
        alone = extract_quotes(str(single)).drop(columns=["corpus_speaker"])
        mine = corpus_rows[corpus_rows["doc_id"] == alone["doc_id"].iloc[0]].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, alone)
    # the ministry of one article is never the speaker of another
    quay = corpus_rows[corpus_rows["doc_id"] == "quay"]
    assert not quay["speaker"].str.contains("ministry").any()


def test_every_row_has_a_method_and_a_confidence_between_0_and_1():
    q = quotes_of("“The bridge is safe,” engineer Aino Koski said.\n\nShe added that traffic could resume.")
    assert list(q.columns) == QUOTE_COLUMNS
    assert q["speaker_confidence"].between(0, 1).all()
    attributed = q[q["speaker"] != ""]
    assert (attributed["speaker_confidence"] > 0.5).all() and (attributed["speaker_method"] != "").all()


def test_weights_are_injectable_and_change_the_decision(tmp_path):
    text = "“The tunnel is ready,” said site manager Rafael Quintero.\n\n“Trains can run from May.”"
    assert row_of(quotes_of(text), "Trains can run")["speaker"] == "Rafael Quintero"
    weights = dict(default_weights()) | {"method:previous paragraph's speaker": -20.0,
                                         "method:subject of the previous sentence": -20.0}
    q = quotes_of(text, weights=weights)
    assert row_of(q, "Trains can run")["speaker"] == ""
    path = tmp_path / "weights.csv"
    path.write_text("feature,weight\nbias,-30\n", encoding="utf-8")
    assert (quotes_of(text, weights=path)["speaker"] == "").all()
    assert read_weights(path) == {"bias": -30.0}
    bad = tmp_path / "bad.csv"
    bad.write_text("name,value\nbias,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv"):
        read_weights(bad)


def test_quote_without_cue_goes_to_the_narrative_subject():
    # no verb of speech: the sentence's subject, or the previous sentence's person subject
    text = ("Judge Maria Okafor turned to the jury on Monday - “The contract was never binding on the city.”\n\n"
            "Tomas Berg, the union leader, was defiant after the vote. “We will take this to the highest court in the land.”")
    q = quotes_of(text)
    first = row_of(q, "The contract was never")
    assert first["speaker"] == "Maria Okafor" and first["speaker_method"] == "subject of the quote's sentence"
    second = row_of(q, "We will take this")
    assert second["speaker"] == "Tomas Berg" and second["speaker_method"] == "subject of the previous sentence"
    assert 0.5 < second["speaker_confidence"] < first["speaker_confidence"]


def test_short_term_in_marks_gets_no_narrative_subject():
    q = quotes_of("Senator Ana Ruiz opposed the “green deal” in parliament.")
    assert row_of(q, "green deal")["speaker"] == ""


def test_long_apposition_keeps_the_person_before_it():
    text = ("Lena Marsh, president and CEO of Northwind Cargo Systems said, “This has been a good year for us.”\n\n"
            "Omar Haddad an equity strategist for Keller Brothers, commented: “The market is realising it now.”")
    q = quotes_of(text)
    assert row_of(q, "This has been")["speaker"] == "Lena Marsh"
    assert row_of(q, "The market is")["speaker"] == "Omar Haddad"


def test_it_and_they_go_to_the_organisation_or_group_before():
    text = ("Northwind Cargo defended the decision on Monday.\n\n"
            "“It was the only responsible choice we had,” it said.\n\n"
            "Prosecutors were blunt. “The evidence against him is overwhelming and we will prove it.”")
    q = quotes_of(text)
    it = row_of(q, "It was the only")
    assert (it["speaker"], it["speaker_method"]) == ("Northwind Cargo", "after quote (it/they: organisation antecedent)")
    assert row_of(q, "The evidence against")["speaker"] == "Prosecutors"


def test_description_after_quote_goes_to_the_narrative_person():
    text = ("Ana Ruiz, the team's captain, scored twice on Sunday.\n\n"
            "“It was a special night for me and for the whole team,” the 23-year-old said.")
    row = row_of(quotes_of(text), "It was a special")
    assert (row["speaker"], row["speaker_method"]) == ("Ana Ruiz", "after quote (description of the narrative subject)")


def test_age_apposition_and_inverted_surname_with_apposition():
    q = quotes_of("Jan Novak, 54, said: “The tunnel will open in May.”\n\n"
                  "“It is time to act,” said Kowal, the bloc's envoy, on Friday.")
    assert row_of(q, "The tunnel")["speaker"] == "Jan Novak"
    assert row_of(q, "It is time")["speaker"] == "Kowal"


def test_person_before_a_long_apposition_beats_the_group_phrase_before_the_cue():
    text = "Lena Marsh, Northwind's Europe CEO and former Keller executive commented: “We are ready for this.”"
    assert row_of(quotes_of(text), "We are ready")["speaker"] == "Lena Marsh"
