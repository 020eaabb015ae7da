"""Attribution mechanisms added in round 5 of issue 9, each shown on an invented sentence.

The phenomena come from the errors of the Wikinews development half (never the test half); the
sentences here are made up: names, places and events are invented.
"""

from invented_quotes import quotes_of, row_of


def test_a_role_for_a_body_before_a_name_belongs_to_that_name():
    # "Assistant Secretary of the Navy for Acquisition <name>": not another holder of "Secretary"
    q = quotes_of("Secretary of the Fleet Jon Arveson said the lease was sound.\n\n"
                  "Assistant Secretary of the Fleet for Procurement Mara Lindqvist defended the choice, "
                  "saying, “This was never an open tender.”")
    row = row_of(q, "open tender")
    assert (row["speaker"], row["speaker_type"]) == ("Mara Lindqvist", "person")
    assert row_of(q, "lease was sound")["speaker"] == "Jon Arveson"


def test_a_short_body_after_for_stays_a_role():
    q = quotes_of("Minister for Harbours Ilse Varga said the quay would reopen.\n\n"
                  "“We will not wait,” the Minister for Harbours said.")
    assert row_of(q, "quay would reopen")["speaker"] == "Ilse Varga"
    assert row_of(q, "will not wait")["speaker"] == "Ilse Varga"


def test_a_group_speaker_keeps_a_three_word_name_before_its_noun():
    q = quotes_of("Whereas a United Dock Workers negotiator has said, “I do not see the union moving first.”")
    row = row_of(q, "union moving first")
    assert row["speaker"] == "United Dock Workers negotiator"


def test_a_role_with_the_body_it_serves_speaks_not_the_body():
    q = quotes_of("“The plan is dead,” said economy minister Otto Brandl.\n\n"
                  "The premier of the northern state of Lower Varnia remarked that “the firm shows an ugly face.”")
    row = row_of(q, "ugly face")
    assert (row["speaker"], row["speaker_type"]) == ("premier of the northern state of Lower Varnia", "person")


def test_a_role_is_not_resolved_to_the_holder_of_a_different_role_with_the_same_head():
    q = quotes_of("Economy minister Otto Brandl said the yard would close.\n\n"
                  "“We will fight this,” the prime minister said.")
    assert row_of(q, "fight this")["speaker"] != "Otto Brandl"
    assert row_of(q, "yard would close")["speaker"] == "Otto Brandl"


def test_a_person_after_a_role_of_a_body_is_still_the_speaker():
    q = quotes_of("The navy's chief of staff Admiral Rune Halden said the ships were ready.")
    assert row_of(q, "ships were ready")["speaker"] == "Rune Halden"


def test_a_group_opening_the_sentence_speaks_through_a_participle():
    q = quotes_of("A group of state lawmakers released a joint statement saying “We will ask hard questions.”\n\n"
                  "Union leaders issued a statement on Friday, saying the yard “must stay open.”")
    row = row_of(q, "hard questions")
    assert (row["speaker"], row["speaker_method"]) == ("state lawmakers", "group subject of sentence")
    assert row_of(q, "must stay open")["speaker"] == "Union leaders"


def test_an_organisation_named_with_of_before_an_auxiliary_and_its_cue():
    q = quotes_of("The Office of Fair Bidding has called it “a textbook case of favouritism.”")
    row = row_of(q, "textbook case")
    assert (row["speaker"], row["speaker_type"]) == ("Office of Fair Bidding", "organisation")


def test_a_paragraph_that_is_only_a_quotation_takes_the_speaker_opening_the_next_paragraph():
    q = quotes_of("Lena Brandt, the firm's chief executive, said sales rose. The Varro was dropped in 2006.\n\n"
                  "“How can it go away?”\n\n"
                  "Lena Brandt remembered asking, “It is the best-selling car in the country.”")
    row = row_of(q, "How can it")
    assert (row["speaker"], row["speaker_method"]) == ("Lena Brandt", "speaker in next paragraph")


def test_the_next_paragraph_is_not_read_when_the_quotation_shares_its_paragraph():
    q = quotes_of("Lena Brandt, the firm's chief executive, said sales rose.\n\n"
                  "The board met at noon. “How can it go away?”\n\n"
                  "Otto Varga remembered asking, “Who signed it?”")
    assert row_of(q, "How can it")["speaker_method"] != "speaker in next paragraph"


def test_a_second_coordinated_cue_with_that_opens_a_second_reported_clause():
    q = quotes_of("Dana Ortiz predicted that her company would meet its targets, "
                  "and suggested that the next quarter could be better.")
    first, second = row_of(q, "meet its targets"), row_of(q, "next quarter")
    assert first["end"] <= second["start"]
    assert first["text"] == "her company would meet its targets"
    assert (second["speaker"], second["cue"], second["kind"]) == ("Dana Ortiz", "suggested", "indirect")


def test_and_inside_a_single_reported_clause_does_not_split_it():
    q = quotes_of("Dana Ortiz said that analysts and investors expected the figures.")
    assert row_of(q, "analysts and investors")["text"] == "analysts and investors expected the figures"


def test_a_company_posting_a_result_is_not_reported_speech():
    q = quotes_of("The ferry company posted a profit on Tuesday.")
    assert (q["kind"] == "indirect").sum() == 0


def test_a_reported_clause_mostly_but_not_only_quoted_is_reported_speech():
    q = quotes_of("Rolf Amsel, the yard's chief, commented the business has “committed our full resources to "
                  "support this vital programme for the navy and its crews”.")
    row = q[q["kind"] == "indirect"]
    assert len(row) == 1 and row.iloc[0]["text"].startswith("the business has")
    assert row.iloc[0]["speaker"] == "Rolf Amsel"
    assert (q["kind"] == "partial").sum() == 1  # the quotation keeps its own row


def test_a_second_cue_coordinated_without_a_comma_stays_in_one_span():
    q = quotes_of("Dana Ortiz acknowledged that the old route is a lost cause and suggested that a new one "
                  "would only cost more.")
    assert row_of(q, "lost cause")["text"].endswith("would only cost more")


def test_the_agent_after_a_quotation_of_a_passive_cue_is_its_speaker():
    q = quotes_of("Union leader Ana Ruiz spoke on Monday.\n\n"
                  "The plan was described as “a betrayal of the workers” by union leader Ana Ruiz.\n\n"
                  "The decision was called “reckless” by opposition lawmakers.")
    row = row_of(q, "betrayal")
    assert (row["kind"], row["speaker"], row["speaker_method"]) == ("partial", "Ana Ruiz", "agent of a passive cue")
    assert row_of(q, "reckless")["speaker"] == "opposition lawmakers"


def test_by_after_a_quotation_without_a_passive_cue_names_no_agent():
    q = quotes_of("The ferry sails past the “old lighthouse” by the harbour wall.")
    assert row_of(q, "old lighthouse")["speaker_method"] != "agent of a passive cue"


def test_a_participle_cue_after_a_comma_ends_the_reported_clause():
    q = quotes_of("Mayor Otto Brandl said that the ferry would sail again, adding that the islands had waited "
                  "long enough.\n\n"
                  "Mayor Otto Brandl posted on a social network that the ferry would sail again, adding: "
                  "“We owe it to the islands.”")
    rows = q[q["kind"] == "indirect"].sort_values("start")
    assert rows["text"].tolist() == ["the ferry would sail again", "the islands had waited long enough",
                                     "the ferry would sail again"]
    assert rows.iloc[1]["cue"] == "adding"
    assert row_of(q, "We owe it")["speaker"] == "Otto Brandl"


def test_an_inverted_trailing_cue_after_a_clause_holding_a_short_quotation_reports_it():
    q = quotes_of("The so-called “grip problem”, however, has not been as big an issue for other ferries, "
                  "said Mike Gass of Ferry Reports.\n\n“The fares will fall,” said Mike Gass of Ferry Reports.")
    row = q[q["kind"] == "indirect"]
    assert len(row) == 1 and row.iloc[0]["text"].startswith("The so-called")
    assert row.iloc[0]["speaker"] == "Mike Gass"
    assert row_of(q, "fares will fall")["kind"] == "direct"


def test_the_antecedent_of_who_before_a_cue_speaks():
    q = quotes_of("The results surprised most analysts, who had forecast that the ferry company would lose money.\n\n"
                  "The board met retired officials, who warned that the quay would flood.\n\n"
                  "Dana Ortiz joined the firm in May. The firm praised Dana Ortiz, who said that the quay would reopen.")
    assert row_of(q, "lose money")["speaker"] == "most analysts"
    assert row_of(q, "would flood")["speaker"] == "retired officials"
    assert row_of(q, "would reopen")["speaker"] == "Dana Ortiz"


def test_a_group_with_a_place_speaks_not_the_place():
    q = quotes_of("Officials at the port in Leeford said that the quay would reopen.")
    row = row_of(q, "quay would reopen")
    assert row["speaker"].startswith("Officials at the port") and row["speaker_type"] == "group"


def test_the_company_said_resolves_to_the_organisation_a_recent_sentence_named():
    q = quotes_of("Velmar Group posted a loss on Tuesday. The company said that fuel costs had doubled.",
                  "Ana Ruiz runs the line. The firm said that fares would rise.")
    assert row_of(q, "fuel costs")["speaker"] == "Velmar Group"
    assert row_of(q, "fares would rise")["speaker"] == "firm"  # a person's name is not an organisation
