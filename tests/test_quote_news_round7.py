"""Attribution mechanisms added in round 7 of issue 9, each shown on an invented sentence.

The phenomena come from errors on a third set of real development pages (news excerpts outside MEANTIME,
labelled before any rule changed) and the known generic misses; the sentences here are made up: names,
places and events are invented.
"""

from invented_quotes import quotes_of, row_of


def test_initials_before_a_surname_do_not_end_the_sentence():
    q = quotes_of("Floods hit the north.\n\n"
                  "“The toll may go up,” H.V. Varsen, secretary of the harbour agency, told reporters in Port Elm.\n\n"
                  "The chief minister K.L. Morvath said the region was “reeling” from the rain.")
    assert row_of(q, "toll may go up")["speaker"] == "H.V. Varsen"
    assert row_of(q, "region was")["speaker"] == "K.L. Morvath"


def test_a_bare_cue_word_in_the_descriptor_after_a_quote_is_no_cue():
    q = quotes_of("Floods hit the north.\n\n"
                  "“The toll may go up,” Ana Ruiz said.\n\n"
                  "“We are concentrating on relief,” state revenue minister D. Prasad Tarrow told reporters.")
    assert row_of(q, "concentrating on relief")["speaker"] == "D. Prasad Tarrow"


def test_a_weekday_after_a_name_is_when_not_part_of_the_name():
    q = quotes_of("Harbour captain Alastair Brook Tuesday blamed his side's batting.\n\n"
                  "He said the ball did not come easily to the bat.")
    assert row_of(q, "did not come easily")["speaker"] == "Alastair Brook"


def test_agency_and_police_titles_before_a_name_are_roles():
    q = quotes_of("Regulators met on Friday.\n\n"
                  "Harbour Aviation Administrator Steve Dalton told reporters that the inquiry would take time. "
                  "Dalton added that the fleet was safe.\n\n"
                  "“Everybody will be found,” County Sheriff Larry Leitho said.")
    assert row_of(q, "inquiry would take time")["speaker"] == "Steve Dalton"
    assert row_of(q, "fleet was safe")["speaker"] == "Steve Dalton"
    assert row_of(q, "Everybody will be found")["speaker"] == "Larry Leitho"


def test_the_captain_stands_for_the_skipper_named_before():
    q = quotes_of("Skipper Upul Tharago has said there is no reason to step down.\n\n"
                  "The captain insisted that his side lacked consistency.")
    assert row_of(q, "lacked consistency")["speaker"] == "Upul Tharago"


def test_reaffirmed_and_opined_report_speech():
    q = quotes_of("Bank governor Ana Ruiz reaffirmed that the bank will raise rates in July.\n\n"
                  "“The players did their part,” coach Theo Varga opined.")
    assert row_of(q, "raise rates")["speaker"] == "Ana Ruiz"
    assert row_of(q, "did their part")["speaker"] == "Theo Varga"
