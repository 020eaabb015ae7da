"""Attribution phenomena found by reading real news from outlets the rules were never written on (issue 9).

Each test shows one phenomenon on an invented sentence: names, places and events are made up;
no text is taken from the pages read, the seeds or the MEANTIME gold.
"""

import pandas as pd

from analysis_helpers.quotes.extract import extract_quotes

HEAD = "A headline about the ferry line\n\n"


def quotes_of(*texts: str) -> pd.DataFrame:
    articles = pd.DataFrame({"doc_id": [f"t{i}" for i in range(len(texts))], "text": [HEAD + t for t in texts]})
    return extract_quotes(articles)


def row_of(quotes: pd.DataFrame, words: str) -> pd.Series:
    rows = quotes[quotes["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, quotes[["kind", "text", "speaker"]]
    return rows.iloc[0]


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
