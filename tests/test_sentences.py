"""Sentence splitting with NLTK Punkt on installed data."""

import pytest

from analysis_helpers.corpus.build import open_corpus
from analysis_helpers.corpus.sentences import sentence_spans, sentence_tokenizer


def split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize("text", [
    "The U.S. defense secretary spoke in Brussels. He met allies.",
    "The meeting on Feb. 13 ended early. Ministers left.",
    "Ohio State was ranked No. 1 in total defense. The coach left.",
    "Gen. Mark Milley testified on Tuesday. Sen. Jack Reed asked questions.",
    "Talks with the U.K. and the E.U. resumed on Monday. No deal was reached.",
])
def test_news_abbreviations_do_not_end_sentences(text):
    assert len(split(text)) == 2


def test_sentences_glued_without_a_space_are_split():
    assert split("The identity of the chair remains unspecified.The group met again.") == [
        "The identity of the chair remains unspecified.", "The group met again."]


def test_tokenizer_is_nltk_punkt():
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    assert isinstance(sentence_tokenizer(), PunktSentenceTokenizer)


def test_sentence_offsets_index_the_article_text_and_stay_in_their_block():
    corpus = open_corpus()
    texts = dict(zip(corpus.articles["doc_id"], corpus.articles["text"]))
    blocks = corpus.blocks.set_index(["doc_id", "block_id"])
    for row in corpus.sentences.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
        block = blocks.loc[(row.doc_id, row.block_id)]
        assert block.start <= row.start < row.end <= block.end
    for _, doc in corpus.sentences.groupby("doc_id"):
        assert list(doc["sent_id"]) == list(range(len(doc)))


def test_quoted_sentences_keep_their_closing_mark():
    text = "“We must restore the greatness of NATO.” He said it twice."
    assert split(text)[0] == "“We must restore the greatness of NATO.”"
