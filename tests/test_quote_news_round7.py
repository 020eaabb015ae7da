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


def test_a_person_named_with_is_the_role_holds_that_role():
    q = quotes_of("Fires burn in the hills.\n\n"
                  "Ken Pimlar is the director of the fire service. He says the two fires are the top priorities.\n\n"
                  "“Firefighters are always going to protect lives first,” he says.")
    assert row_of(q, "top priorities")["speaker"] == "Ken Pimlar"
    assert row_of(q, "protect lives first")["speaker"] == "Ken Pimlar"


def test_an_outlet_credit_after_the_cue_does_not_take_the_speaker():
    q = quotes_of("Rescuers recovered more bodies on Tuesday, provincial officials said, Harbour Wire reports.")
    assert row_of(q, "Rescuers recovered")["speaker"] == "provincial officials"


def test_the_body_before_a_role_and_a_name_is_no_person():
    q = quotes_of("The fire spread overnight.\n\n"
                  "The disaster could have been avoided had residents listened, said Cal Fire spokeswoman Lynne Tolmar.\n\n"
                  "“We lost homes,” said Harbour Fire captain Ana Ruiz.")
    assert row_of(q, "could have been avoided")["speaker"] == "Lynne Tolmar"
    assert row_of(q, "We lost homes")["speaker"] == "Ana Ruiz"


def test_a_paragraph_left_open_takes_the_cue_of_its_continuation():
    q = quotes_of("The home side lost the series.\n\n"
                  "“It is definitely batting, no doubt about that. Their bowlers were better.\n\n"
                  "“No excuses there. It is disappointing,” Vijay Kolar said.")
    assert row_of(q, "definitely batting")["speaker"] == "Vijay Kolar"


def test_a_quote_after_a_reported_statement_keeps_its_speaker():
    q = quotes_of("Storms ended the match.\n\n"
                  "Harbour captain Alastair Brook blamed his side's batting.\n\n"
                  "He said the ball did not come easily to the bat. “Someone needed to play really well.”")
    assert row_of(q, "Someone needed")["speaker"] == "Alastair Brook"


def test_a_particle_joins_the_name_after_a_role_for_a_place():
    q = quotes_of("UN Special Envoy for Norland Staffan de Mistra said talks would resume.\n\n"
                  "“We will meet again,” de Mistra said.")
    assert row_of(q, "talks would resume")["speaker"] == "Staffan de Mistra"
    assert row_of(q, "meet again")["speaker"] == "Staffan de Mistra"


def test_where_a_body_is_based_and_an_outlet_description_are_not_its_name():
    q = quotes_of("London-based Harbour Capital said it would buy the port.\n\n"
                  "Shares fell. At their height, the losses cut values by $1 trillion, Harbour Wire news agency reported.")
    assert row_of(q, "buy the port")["speaker"] == "Harbour Capital"
    assert row_of(q, "losses cut values")["speaker"] == "Harbour Wire"


def test_a_credential_after_the_name_is_part_of_the_description():
    q = quotes_of("“Patients should not panic,” Ana Ruiz, M.D., chief of medicine at Harbour Hospital, told reporters.\n\n"
                  "Theo Varga, Ph.D., a chemist at the university, said the water was safe.")
    assert row_of(q, "should not panic")["speaker"] == "Ana Ruiz"
    assert row_of(q, "water was safe")["speaker"] == "Theo Varga"


def test_a_role_in_apposition_later_stands_for_the_person():
    q = quotes_of("The debate went on.\n\n"
                  "Phil Honeywell, the MP for Warrandyte, said the Government had broken with tradition.\n\n"
                  "“It is a disgrace,” the MP for Warrandyte said.")
    assert row_of(q, "It is a disgrace")["speaker"] == "Phil Honeywell"


def test_the_agency_stands_for_a_body_named_after_the():
    q = quotes_of("The Coast Guard searched the bay on Friday.\n\nThe agency said two divers were still missing.")
    assert row_of(q, "two divers")["speaker"] == "Coast Guard"


def test_a_day_between_the_subject_and_its_cue_says_when():
    q = quotes_of("Harbour Air President and CEO Kelly Ortvan on Thursday said a team stands ready to support the inquiry.")
    assert row_of(q, "team stands ready")["speaker"] == "Kelly Ortvan"


def test_a_body_named_with_of_keeps_its_whole_name():
    q = quotes_of("The strike went on.\n\nLeaders with the Harbour Dock Workers of Norland said in a statement that "
                  "“the workers remain on strike.”")
    assert row_of(q, "remain on strike")["speaker"] == "Harbour Dock Workers of Norland"


def test_a_long_descriptor_apposition_and_a_bracketed_acronym_keep_the_person():
    q = quotes_of("Floods hit the coast.\n\n"
                  "“To date, 57 victims have been found,” Ilham Wahar, West Norland disaster mitigation agency official, "
                  "told reporters.\n\n"
                  "“Heavy equipment has moved in,” national disaster mitigation agency (BNPB) chief Suharyano told "
                  "reporters Tuesday.\n\n"
                  "“Oppression of workers remains all too common,” the lawyers concluded.")
    assert row_of(q, "57 victims")["speaker"] == "Ilham Wahar"
    assert row_of(q, "Heavy equipment")["speaker"] == "Suharyano"
    assert row_of(q, "Oppression of workers")["speaker"] == "lawyers"


def test_a_quantity_with_of_opens_a_reported_clause():
    q = quotes_of("County Sheriff Larry Leitho said 17 of the dead had yet to be identified.")
    assert row_of(q, "17 of the dead")["speaker"] == "Larry Leitho"
