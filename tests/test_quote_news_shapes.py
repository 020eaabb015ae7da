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
