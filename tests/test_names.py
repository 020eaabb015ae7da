"""One normalisation of surnames for every module that matches people."""

from analysis_helpers.corpus.names import surname_key


def test_one_surname_key_matches_spelling_variants_and_only_them():
    assert surname_key("Volodymyr Zelenskyy") == surname_key("President Zelensky") == "zelensky"
    assert surname_key("Kennedy") == "kennedy" != surname_key("Kenned")
    assert surname_key("") == ""
