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
