"""Attribution mechanisms added in round 6 of issue 9, each shown on an invented sentence.

The phenomena come from errors on new real development pages (news excerpts outside MEANTIME) and the
Wikinews development half (never the test half); the sentences here are made up: names, places and
events are invented.
"""

from invented_quotes import quotes_of, row_of


def test_a_name_with_accented_letters_is_not_cut_at_the_first_accent():
    q = quotes_of("Harbour minister Zoltán Érdi said the quay would reopen.\n\n"
                  "“We have to save the season,” he said.\n\n"
                  "José Luis Peñalver, the port director, said that the cranes were ready.")
    assert row_of(q, "quay would reopen")["speaker"] == "Zoltán Érdi"
    assert row_of(q, "save the season")["speaker"] == "Zoltán Érdi"
    assert row_of(q, "cranes were ready")["speaker"] == "José Luis Peñalver"


def test_a_conjunction_opening_the_sentence_is_not_part_of_the_group():
    q = quotes_of("But dock analysts said the strike may not be able to stop the sale.")
    assert row_of(q, "stop the sale")["speaker"] == "dock analysts"


def test_a_number_or_participle_opening_a_sentence_is_no_organisation():
    q = quotes_of("Velmar Group posted a loss.\n\n"
                  "Adjusted for fuel, earnings came in at 12 cents a share.\n\n"
                  "Nine ferries were idle, and the company said that more would be idle soon.")
    assert row_of(q, "idle soon")["speaker"] == "Velmar Group"


def test_a_day_after_the_subject_is_when_not_who():
    q = quotes_of("The harbour police on Friday said that a diver was missing.\n\n"
                  "The Coast Guard earlier Saturday announced that a second diver was in hospital.")
    assert row_of(q, "diver was missing")["speaker"] == "harbour police"
    assert row_of(q, "second diver")["speaker"] == "Coast Guard"


def test_a_contracted_pronoun_opens_a_reported_clause():
    q = quotes_of("Eleven sailors fell ill, and port health officials said it's likely that more will.")
    row = row_of(q, "likely that more")
    assert (row["kind"], row["speaker"]) == ("indirect", "port health officials")


def test_a_surname_with_a_particle_or_a_name_with_a_middle_initial_is_one_person():
    q = quotes_of("Hendrik Van Loon, the harbour master, claimed the season was a success.\n\n"
                  "Van Loon said the quays “need more cranes”.\n\n"
                  "A judge sentenced Peter J. Osterman to ten years.\n\n"
                  "Osterman, who defended himself, acknowledged the sentence was a “fair verdict.”")
    partial = q[q["kind"] == "partial"]
    assert row_of(partial, "need more cranes")["speaker"] == "Hendrik Van Loon"
    assert row_of(partial, "fair verdict")["speaker"] == "Peter J. Osterman"


def test_a_cue_word_after_an_article_is_a_noun_not_the_cue():
    # "state" is a reporting verb, but not in "the state health department"
    q = quotes_of("“This is very serious,” Ilse Varga, director of the state harbour board, said on Monday.")
    assert row_of(q, "very serious")["speaker"] == "Ilse Varga"


def test_a_trailing_told_after_a_name_in_apposition_gives_the_name_not_the_listener():
    q = quotes_of("If the pier holds, it will be a major relief for the town, Ilse Varga, director of the "
                  "harbour board, told the audience at the launch.")
    row = row_of(q, "major relief")
    assert (row["kind"], row["speaker"]) == ("indirect", "Ilse Varga")


def test_one_capitalised_word_opening_a_sentence_is_an_organisation_only_before_a_verb():
    # "About one in 200 ...": "About" is no organisation; "the company" is the one named before
    q = quotes_of("Velmar Group posted a loss on Friday.\n\n"
                  "About one in 200 passengers have complained, according to the company.")
    assert row_of(q, "passengers have complained")["speaker"] == "Velmar Group"


def test_according_to_him_is_the_person_the_narrative_is_about():
    q = quotes_of("Harbour minister Ilse Varga spoke to the press on Monday.\n\n"
                  "According to her, the quays should reopen within a week.")
    assert row_of(q, "quays should reopen")["speaker"] == "Ilse Varga"


def test_a_reported_clause_may_open_with_a_quantifier_or_hold_a_parenthetical():
    q = quotes_of("Judge Ana Ruiz said Berg had shown no remorse.\n\n"
                  "The judge said many of Berg’s victims were vulnerable to deception.\n\n"
                  "She said her office, in consultation with the harbour board, issued a rare order.")
    assert row_of(q, "many of Berg")["speaker"] == "Ana Ruiz"
    assert row_of(q, "issued a rare order")["speaker"] == "Ana Ruiz"


def test_the_agency_and_the_hospital_stand_for_the_organisation_named_before():
    q = quotes_of("Marinex said a diver was missing. Marinex’s statement gave no names, but the "
                  "agency said on Friday that a search was under way.\n\n"
                  "“We treated two divers,” the hospital said in a news release.")
    assert row_of(q, "search was under way")["speaker"] == "Marinex"
    assert row_of(q, "treated two divers")["speaker"] == "hospital"


def test_a_group_noun_after_a_preposition_is_where_not_who():
    q = quotes_of("A nurse at the harbour hospital said the ward was full.")
    assert row_of(q, "ward was full")["speaker"] != "harbour hospital"


def test_a_group_after_with_in_an_absolute_construction_still_speaks():
    q = quotes_of("Ministers meet next week, with harbour officials warning the towns of the ‘hard winter ahead’.")
    assert row_of(q, "hard winter ahead")["speaker"] == "harbour officials"
