"""Attribution mechanisms added in round 8 of issue 9, each shown on an invented sentence.

The phenomena come from errors on a fourth set of real development pages (34 news excerpts outside
MEANTIME and the earlier sets, labelled before the extractor was run on them); the sentences here are
made up: names, places and events are invented.
"""

from invented_quotes import quotes_of, row_of


def test_a_quote_paragraph_after_a_straight_quoted_attributed_one_keeps_its_speaker():
    # the closing straight mark after the cue's quotation is not a new quotation in that paragraph
    q = quotes_of("Tom Arden was bitterly disappointed.\n\n"
                  "\"That second half was nothing like the way I like my teams to play,\" he added.\n\n"
                  "\"We defended very well last Tuesday night, but we did not defend well at all.\"")
    assert row_of(q, "We defended very well")["speaker"] == "Tom Arden"


def test_post_nominal_letters_without_a_comma_are_not_part_of_the_name():
    q = quotes_of("Judge Gerald Hollin QC told the court that what he had done \"strikes at the very roots "
                  "of justice\".")
    assert row_of(q[q["kind"] == "partial"], "strikes at the very roots")["speaker"] == "Gerald Hollin"


def test_a_name_then_for_the_prosecution_then_a_cue_is_a_person():
    q = quotes_of("The trial opened in Elmford.\n\n"
                  "Opening the case, Joanna Korvell QC, for the prosecution, said the defendant had "
                  "\"spotted a chance to make money\". She explained that the case involved a robbery.")
    assert row_of(q[q["kind"] == "partial"], "spotted a chance")["speaker"] == "Joanna Korvell"
    assert row_of(q, "the case involved a robbery")["speaker"] == "Joanna Korvell"


def test_the_irish_head_of_government_is_a_role_that_stands_for_its_holder():
    q = quotes_of("Taoiseach Enda Marrow was criticised over an interview.\n\n"
                  "The Taoiseach said the government had not ruled out a deal.\n\n"
                  "\"It is a bit like football,\" the Taoiseach said.")
    assert row_of(q, "had not ruled out a deal")["speaker"] == "Enda Marrow"
    assert row_of(q, "bit like football")["speaker"] == "Enda Marrow"


def test_a_participle_after_a_quote_has_no_subject_after_it():
    # "... ” adding he would ...": the words after the participle are its clause, not a group speaker
    q = quotes_of("The union leader warned of “the biggest resistance mounted by the entire movement” "
                  "adding he would campaign for a general strike.")
    assert row_of(q[q["kind"] == "partial"], "biggest resistance")["speaker"] != "he would campaign"


def test_a_bare_rank_in_the_lede_stands_for_the_person_named_later_with_that_rank():
    q = quotes_of("A detective jailed six years ago spoke of his relief.\n\n"
                  "Detective Constable Daniel Porrit's sentence was overturned today. Speaking after the hearing, "
                  "he said: \"I just want to thank everybody.\"")
    assert row_of(q, "thank everybody")["speaker"] == "Daniel Porrit"


def test_a_capitalised_role_going_on_in_lower_case_before_a_name_is_that_persons_role():
    q = quotes_of("The drug maker reported a loss.\n\n"
                  "Chief executive Carl Vennhaber, criticised because he runs the group from abroad, said "
                  "\"we are pleased with our quarter\".\n\n"
                  "The outlook looked \"exciting\", he said.")
    assert row_of(q, "pleased with our quarter")["speaker"] == "Carl Vennhaber"
    assert row_of(q, "exciting")["speaker"] == "Carl Vennhaber"


def test_a_conjunction_after_a_closing_mark_opens_another_clause_with_its_own_speaker():
    q = quotes_of("Tania Tapes said Maxwell was rude. She asked if he was “quite all right” and Tom Maxwell "
                  "asked if he could continue speaking.")
    assert row_of(q[q["kind"] == "partial"], "quite all right")["speaker"] == "Tania Tapes"


def test_a_headline_quotation_then_a_dash_and_a_surname_is_that_persons():
    q = quotes_of("'Second half display was very poor' - Tarrant\n\n"
                  "INSTITUTE manager John Tarrant was bitterly disappointed by his side's display.\n\n"
                  "\"The first 20 minutes of the second half lost us the game,\" declared Tarrant.", head="")
    assert row_of(q, "Second half display")["speaker"] == "John Tarrant"


def test_a_quote_paragraph_after_a_statement_holding_a_partial_quote_keeps_its_speaker():
    q = quotes_of("Councillor Tom Maxwell spoke at length.\n\n"
                  "He said he was “offended” ward members were not offered more than one role.\n\n"
                  "“This feels like crumbs from the table.”")
    assert row_of(q, "crumbs from the table")["speaker"] == "Tom Maxwell"
