"""Attribution phenomena found by reading real news from outlets the rules were never written on (issue 9).

Each test shows one phenomenon on an invented sentence: names, places and events are made up;
no text is taken from the pages read, the seeds or the MEANTIME gold.
"""

from invented_quotes import quotes_of, row_of


def test_abbreviated_title_with_its_full_stop_belongs_to_the_name():
    # "Sen." and "Mr." keep their full stop; sentence splitting may also cut after them
    q = quotes_of("“The ferry will sail again by spring,” Sen. Rob Talvik told reporters on Monday.\n\n"
                  "Mr. Odran pointed at the harbour master and asked him: “Who signed the order?”")
    assert row_of(q, "sail again")["speaker"] == "Rob Talvik"
    row = row_of(q, "Who signed")
    assert (row["speaker"], row["speaker_type"]) == ("Odran", "person")


def test_party_and_state_tag_between_name_and_cue():
    q = quotes_of("“We have a deal on the main points,” Sen. Rob Talvik, R-Ohio, told reporters.\n\n"
                  "Talvik said the cost was covered.\n\n“This bill is paid for,” he said.")
    assert row_of(q, "deal on the main")["speaker"] == "Rob Talvik"
    assert row_of(q, "paid for")["speaker"] == "Rob Talvik"


def test_middle_initial_after_a_role_with_a_body():
    q = quotes_of("“The suspect was found at the quay,” Chief of Police Marta K. Lindell said in a release.")
    assert row_of(q, "found at the quay")["speaker"] == "Marta K. Lindell"


def test_a_name_after_a_role_phrase_and_a_comma_is_a_person():
    # "The head coach of <team>, <name>, has ...": the name is registered, so "he" and the weak
    # candidates of later paragraphs find the person
    q = quotes_of("The head coach of the Harbour Kites, Lenn Marrow, has called the second goal a gift.\n\n"
                  "In his review of the game, he said, “We grew into the match and kept going.”")
    assert row_of(q, "grew into")["speaker"] == "Lenn Marrow"


def test_a_surname_with_a_role_in_apposition_is_a_person():
    q = quotes_of("Dorsk, the chairman and former chief executive of Velmar Foods, likes the plan.\n\n"
                  "“Investors want a short-term pop,” he said.")
    assert row_of(q, "short-term pop")["speaker"] == "Dorsk"


def test_a_full_name_whose_surname_is_used_alone_later_is_a_person():
    # no role, no cue next to the full name: the later bare surname is the evidence
    q = quotes_of("Ilse Varga has been preaching against quarterly reports for years.\n\n"
                  "Varga sold her chain last year. “Quarterly targets make people short-sighted,” she said.")
    assert row_of(q, "short-sighted")["speaker"] == "Ilse Varga"


def test_a_date_is_never_a_person_by_the_surname_evidence():
    q = quotes_of("Last Friday the index fell. On Friday, traders left early.\n\n"
                  "“Nobody wanted to hold shares,” said one trader.")
    assert row_of(q, "hold shares")["speaker"] != "Last Friday"


def test_an_acronym_role_before_a_name():
    q = quotes_of("Velmar CFO Ines Tarrow said she was pleased with the quarter.\n\n"
                  "“Margins held up,” Tarrow said.")
    assert row_of(q, "Margins held")["speaker"] == "Ines Tarrow"


def test_name_particles_and_a_capitalised_descriptor_before_the_name():
    q = quotes_of("“The suspect has been arrested,” Velby police chief Rob van Tessel told a news conference.\n\n"
                  "Ana de la Morra said she was relieved. “It is over,” she said.")
    assert row_of(q, "has been arrested")["speaker"] == "Rob van Tessel"
    assert row_of(q, "It is over")["speaker"] == "Ana de la Morra"


def test_unregistered_surname_with_a_place_in_apposition_before_the_cue():
    q = quotes_of("“We expect to vote this evening,” Talvik, of Arizona, said.")
    assert row_of(q, "vote this evening")["speaker"] == "Talvik"


def test_the_headline_is_not_the_narrative_before_the_first_quotation():
    q = quotes_of("“Nobody saw the ferry leave,” a dock worker told the inquiry.")
    assert row_of(q, "ferry leave")["speaker"] != "A headline about the ferry line"


def test_a_spokesman_for_a_person_is_the_speaker_not_the_person():
    # an unnamed role serving someone is named as written, without its article (annotation guidelines)
    q = quotes_of("“We will appeal the ruling,” a spokesman for Mr. Ivo Ruzek said on Monday.\n\n"
                  "“The fine is unjust,” said a spokeswoman for Lena Marsh.\n\n"
                  "A lawyer for the family said the ruling would be appealed.")
    row = row_of(q, "appeal the ruling")
    assert (row["speaker"], row["speaker_type"]) == ("spokesman for Mr. Ivo Ruzek", "person")
    assert row_of(q, "fine is unjust")["speaker"] == "spokeswoman for Lena Marsh"
    assert row_of(q, "would be appealed")["speaker"] == "lawyer for the family"


def test_a_statements_wording_speaks_for_its_author():
    q = quotes_of("After the complaints, Velmar Foods issued a statement.\n\n"
                  "It read, “We are sorry for the words we chose.”\n\n"
                  "The statement from the Harbour Board read: “The quay stays closed.”\n\n"
                  "Ines Tarrow’s letter said: “I will not resign.”")
    assert row_of(q, "sorry for the words")["speaker"] == "Velmar Foods"
    assert row_of(q, "quay stays closed")["speaker"] == "Harbour Board"
    assert row_of(q, "will not resign")["speaker"] == "Ines Tarrow"


def test_reported_speech_with_an_inverted_cue_after_the_clause():
    q = quotes_of("The delays have not been a big issue for other ports, said Ana Ruiz of the Port Authority.")
    row = row_of(q, "delays have not")
    assert (row["kind"], row["speaker"]) == ("indirect", "Ana Ruiz")
    assert row["text"] == "The delays have not been a big issue for other ports"


def test_group_speaker_with_where_it_works():
    q = quotes_of("Officials at several ferry terminals in the region said that passengers should wait.")
    row = row_of(q, "passengers should wait")
    assert (row["kind"], row["speaker"], row["speaker_type"]) == (
        "indirect", "Officials at several ferry terminals", "group")


def test_according_to_figures_released_by_a_source():
    q = quotes_of("Ferry traffic rose 5 percent in March, according to figures released on Monday by the "
                  "Harbour Board, a research group.")
    row = row_of(q, "Ferry traffic rose")
    assert (row["kind"], row["speaker"]) == ("indirect", "Harbour Board")


def test_reporting_verbs_as_data_share_and_worry():
    q = quotes_of("“They pushed us hard in the second half,” Pena shared at the press conference.\n\n"
                  "“Twice a year would invite games with the numbers,” Conley worries.")
    assert row_of(q, "pushed us hard")["speaker"] == "Pena"
    assert row_of(q, "invite games")["speaker"] == "Conley"


def test_a_role_with_a_lower_case_modifier_and_a_partial_quote_after_adding_that():
    q = quotes_of("“This was not a random act,” the local police chief said, adding that “an incident of this "
                  "type can happen anywhere.”")
    assert row_of(q, "random act")["speaker"] == "local police chief"
    assert row_of(q, "can happen anywhere")["speaker"] == "local police chief"


def test_a_quotation_opening_its_paragraph_after_a_long_sentence_about_a_person():
    # no cue in the quotation's paragraph: the person the previous paragraph was about speaks, however
    # long that paragraph's sentence is
    q = quotes_of("The head coach of the Harbour Kites, Lenn Marrow, has called the late goal a gift.\n\n"
                  "Speaking at a press conference after the match in the old harbour stadium, Marrow expressed "
                  "his disappointment with the defence.\n\n"
                  "“You cannot concede that kind of goal in the last minute of a game.”")
    assert row_of(q, "cannot concede")["speaker"] == "Lenn Marrow"


def test_camel_case_names_and_the_article_is_never_an_organisation():
    q = quotes_of("DeVarga also said it was “among the first ferry lines to go electric.”\n\n"
                  "The letter was signed by ten mayors.\n\n“We thank the harbour workers,” they wrote.")
    in_marks = q[q["kind"] != "indirect"]  # "said it was “...”" is also a reported clause with its own row
    assert row_of(in_marks, "go electric")["speaker"] == "DeVarga"
    assert row_of(q, "thank the harbour")["speaker"] != "The"


def test_a_thing_after_the_is_not_a_surname():
    q = quotes_of("The Velmar Taurus was the best-selling ferry model.\n\n"
                  "The Taurus sold well for a decade. “We will build it again,” the chief engineer said.")
    assert row_of(q, "build it again")["speaker"] != "Velmar Taurus"


def test_the_statement_said_after_the_quotation_and_it_after_an_introductory_phrase():
    q = quotes_of("The Harbour Opposition in a statement today says the board ignored the workers.\n\n"
                  "“The board forgets its own promises to the workers,” the statement said.\n\n"
                  "In reaction to this, the Ferry Board says the claim is false.\n\n"
                  "“The claim has no basis in the minutes of the meeting,” it said.")
    assert row_of(q, "forgets its own")["speaker"] == "Harbour Opposition"
    assert row_of(q, "no basis")["speaker"] == "Ferry Board"


def test_initials_without_full_stops_and_an_adverb_before_a_role():
    q = quotes_of("“The minister will speak at two,” Harbour Affairs Minister P K Varsen said in the House.\n\n"
                  "Earlier, the Speaker informed the House that a letter had arrived from Mayor Ines Tarrow.")
    assert row_of(q, "speak at two")["speaker"] == "P K Varsen"
    assert row_of(q, "letter had arrived")["speaker"] != "Earlier"


def test_speaker_comparison_applies_one_convention_to_gold_and_prediction():
    from analysis_helpers.evaluation.quotes import normalise_speaker

    assert normalise_speaker("The Harbour Times") == normalise_speaker("Harbour Times")
    assert normalise_speaker("Velmar Inc.") == normalise_speaker("Velmar") == normalise_speaker("Velmar, Ltd")
    assert normalise_speaker("Velmar’s board") == normalise_speaker("Velmar's board")
    assert normalise_speaker("Theo Varga") != normalise_speaker("Varga")  # names are not shortened
    assert normalise_speaker(None) == ""


def test_speaker_comparison_ignores_what_the_guidelines_leave_out_of_a_name():
    from analysis_helpers.evaluation.quotes import normalise_speaker

    assert normalise_speaker("Mr Varga") == normalise_speaker("Varga")  # honorifics are not the name
    assert normalise_speaker("Dr. Ana Ruiz") == normalise_speaker("Ana Ruiz")
    assert normalise_speaker("Theo Varga’s") == normalise_speaker("Theo Varga")  # possessive ending
    assert normalise_speaker("President Theo Varga") == normalise_speaker("Theo Varga")  # descriptor
    assert normalise_speaker("General Motors") != normalise_speaker("Motors")  # a title before one word stays
    assert normalise_speaker("Ilona Szabó") == normalise_speaker("Ilona Szabo")  # accents are a spelling
    assert normalise_speaker("Zelenskyy") == normalise_speaker("Volodymyr Zelensky")  # person_aliases.csv
    assert normalise_speaker("Mr Varga") != normalise_speaker("Theo Varga")  # still not shortened


STORY = "The ferry line between the two harbours has run for forty years without a break in service.\n\n"


def test_a_surname_with_an_age_and_a_relative_clause_before_the_cue():
    q = quotes_of(STORY + "Ruzek, 54, who has run the line since 2001, said: “We will not sell the ferry.”\n\n"
                  "“Nobody asked the crews,” Marsh, who has sailed on it for years, told the Harbour Times.")
    assert row_of(q, "not sell the ferry")["speaker"] == "Ruzek"
    assert row_of(q, "Nobody asked")["speaker"] == "Marsh"


def test_the_agent_of_praised_by_speaks():
    q = quotes_of(STORY + "Ana Ruzek, the head of Velmar, opened the new terminal on Monday.\n\n"
                  "The terminal was praised by Ruzek as “the biggest step since the first ferry.”")
    assert row_of(q, "biggest step")["speaker"] == "Ana Ruzek"


def test_a_name_with_a_speaking_apposition_before_the_cue_is_a_person():
    q = quotes_of(STORY + "Ana Ruzek, speaking after a meeting with Ivo Marsh, said: “The crews will strike.”")
    assert row_of(q, "crews will strike")["speaker"] == "Ana Ruzek"


def test_a_lower_case_role_before_a_name_is_the_persons_role():
    q = quotes_of(STORY + "After the loss, the away side's head coach Lenn Marrow said the hosts deserved it.\n\n"
                  "The head coach said that his side wasted its chances.\n\n"
                  "“We hit the target just once,” he added.")
    assert row_of(q, "hit the target")["speaker"] == "Lenn Marrow"


def test_a_quantifier_never_opens_a_name():
    q = quotes_of(STORY + "Velmar also said it was “among the first lines to go electric. All Velmar ferries "
                  "now run on batteries.”\n\nVelmar said the change cost little.")
    in_marks = q[q["kind"] != "indirect"]  # "said it was “...”" is also a reported clause with its own row
    assert row_of(in_marks, "first lines")["speaker"] == "Velmar"
