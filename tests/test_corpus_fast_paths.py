"""The corpus steps' fast paths give the answers of the plain computations they replace.

Invented texts only: the speed-ups (a literal prefilter before the role lexicon, a
find over the joined earlier blocks for pull quotes, Punkt without NLTK's per-call
timer) must never change a role or a sentence.
"""

import re
import sys

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from analysis_helpers.corpus import roles
from analysis_helpers.corpus.sentences import sentence_spans, sentence_tokenizer

INVENTED = [
    "Sign up for our daily newsletter to get the news in your inbox.",
    "SUBSCRIBE to the weekly briefing",
    "Read more »",
    "Photo: Jane Roe / Agence Example",
    "© EXAMPLE PRESS 2031",
    "[3/12] A harbour crane lifts a container.",
    "Terms of Service | Privacy Policy",
    "The council said the plan would cost more than expected, and the mayor agreed.",
    "ſign up for our newſletter",  # long s: re.IGNORECASE matches it to "s", str.lower does not
    "İn your ınbox every mornıng",  # dotted and dotless i
    "Related stories:",
    "Tags: harbour, council, budget",
    "Donations keep this site running. Support independent journalism today.",
    "The KELVIN scale was mentioned: \u212aeep reading",
]


def _lexicon_role_without_prefilter(text, n_words):
    """The lexicon decision with every row's pattern run on the block (no literal prefilter)."""
    addresses_reader = roles._outside_quotation(roles._ADDRESSES_READER, text)
    if n_words > roles.MAX_FURNITURE_WORDS and not roles._outside_quotation(roles._SPEAKS_TO_READER, text):
        return None
    prose = n_words >= roles.PROSE_WORDS and roles.is_prose(text) and not addresses_reader
    for role, find, anchored, note, _ in roles._lexicon_matchers():
        m = find(text)
        if m is None or roles._inside_quotation(text, m.start()):
            continue
        if prose and not anchored and m.start() > 0 and (role != "caption" or not roles._in_last_sentence(text, m.start())):
            continue
        return role, f"lexicon: {note}"
    return None


@pytest.mark.parametrize("text", INVENTED)
def test_lexicon_prefilter_changes_no_role(text):
    n_words = len(roles.words(text))
    assert roles._lexicon_role(text, n_words) == _lexicon_role_without_prefilter(text, n_words)


def test_every_match_holds_one_of_its_rows_literals():
    matched = 0
    for text in INVENTED:
        for _, find, _, _, literals in roles._lexicon_matchers():
            m = find(text)
            if m is not None and literals is not None and not roles._FOLDS_TO_ASCII.search(text):
                matched += 1
                assert any(w in m.group().lower() for w in literals), (text, literals)
    assert matched >= 10


def test_required_literals_of_invented_patterns():
    from re import _parser as parser

    def literals(pattern):
        return roles._required_literals(parser.parse(pattern, re.IGNORECASE).data)

    assert literals(r"\b(share (this|on)|follow us on)\b") == {"share ", "follow us on"}
    assert literals(r"^(ad|menu)\s*$") is None  # "ad" is too common to gate anything
    assert literals(r"\b\w+ed\b") is None
    assert literals(r"^credit\b|©\s*\w") == {"credit", "©"}


def test_folds_to_ascii_lists_every_character_ignorecase_matches_to_an_ascii_letter():
    letter = re.compile("[a-z]", re.IGNORECASE)
    found = [chr(i) for i in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(i))]
    assert all(roles._FOLDS_TO_ASCII.fullmatch(ch) for ch in found) and found


def test_pull_quote_lookup_equals_scanning_every_earlier_block():
    norms = [roles.normalise(t) for t in (
        "The mayor said the harbour plan would cost more than expected and take years",
        "Council members met on Tuesday",
        "the harbour plan would cost more",
        "take years",
        "",
        "members met on",
    )]
    joined = "\n".join(norms)
    starts = [0]
    for t in norms[:-1]:
        starts.append(starts[-1] + len(t) + 1)
    for i, norm in enumerate(norms):
        plain = next((k for k in range(i) if norm in norms[k]), None)
        assert roles._earlier_block_holding(norm, i, joined, starts) == plain


@pytest.mark.parametrize("text", [
    "Mr. Smith met Gen. Jones in Washington on Monday. They spoke for an hour.",
    "He said: \u201cWe will win.\u201d The crowd cheered... Then it rained!",
    "Prices rose 3.5 per cent. U.S. officials said so. (They did.) \u2018Fine,\u2019 she said.",
    "No stop here",
    "A. B. C. Dee arrived at 5 p.m. and left at 6 a.m. Next day he returned.",
])
def test_untimed_punkt_splits_like_nltks_own_tokenizer(text):
    stock = PunktSentenceTokenizer(sentence_tokenizer()._params)
    assert list(sentence_tokenizer().span_tokenize(text)) == list(stock.span_tokenize(text))


def test_remembered_break_contexts_split_like_nltks_own_tokenizer():
    """The same context asked again (a repeated abbreviation, a repeated text) gets Punkt's answer."""
    stock = PunktSentenceTokenizer(sentence_tokenizer()._params)
    texts = ["Mr. " * 50, "Mr. Smith. Mr. Smith. Mr. Jones said so. Mr. Smith.", "U.S. U.S. officials. U.S. U.S."] * 2
    for text in texts:
        assert list(sentence_tokenizer().span_tokenize(text)) == list(stock.span_tokenize(text)), text


def test_sentence_count_equals_counting_with_the_token_pattern():
    """sentence_count walks back over the token before each stop: the count a search of ([\\w.]+)$ gives."""
    import random

    from analysis_helpers.resources import abbreviations

    def by_pattern(text):
        count = 1
        for match in roles._SENTENCE_END.finditer(text):
            before = re.search(r"([\w.]+)$", text[:match.start()])  # $ also before a final newline
            token = before.group(1).lower().rstrip(".") if before else ""
            if text[match.start()] == "." and (token in abbreviations() or len(token) == 1):
                continue
            count += 1
        return count

    rng = random.Random(3)
    pieces = ["Mr", "U.S", "Gen", "a", "said", "_", "é", "٣", ".", ". ", "! ", "? ", "… ", "\" ", "” ", " A", " The",
              " (B", "\n", "  ", "7"]
    texts = INVENTED + ["Mr. " * 40, "A\n. The end", "U.S. Officials met. They left."]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 15))) for _ in range(5000)]
    for text in texts:
        assert roles.sentence_count(text) == by_pattern(text), text


def test_glued_sentence_end_still_split():
    text = "The plan failed.The group left. Officials met."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["The plan failed.", "The group left.", "Officials met."]


def test_word_count_equals_the_word_pattern_on_the_whole_text():
    """count_words reads only tokens that are not plain letters and digits: the count is the pattern's."""
    import random

    from analysis_helpers.corpus.build import count_words

    whole = re.compile(r"\w+(?:[’'.-]\w+)*")
    rng = random.Random(0)
    alphabet = "ab_7.-'’ \n\u00a0\u2003é,;İ²()“”!?…—*/"  # joiners, underscore, odd spaces, a superscript digit
    texts = INVENTED + ["", "   ", "U.S. state-owned co-op's 3.5% rise", "a..b _x_ it’s -7"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(5000)]
    for text in texts:
        assert count_words(text) == len(whole.findall(text)), text


def test_block_spans_equal_the_non_blank_runs_between_newlines():
    """block_spans splits on newlines in C: the spans of every run of other characters, trimmed, as re finds them."""
    import random

    from analysis_helpers.corpus.lines import block_spans

    def by_pattern(text):
        spans = []
        for match in re.finditer(r"[^\n]+", text):
            line = match.group()
            if line.strip():
                start = match.start() + len(line) - len(line.lstrip())
                spans.append((start, start + len(line.strip())))
        return spans

    rng = random.Random(0)
    alphabet = "ab \n\t\r\u00a0\u2028\x0b\x0c\x85"  # line and paragraph separators that are not "\n" too
    texts = INVENTED + ["", "\n\n", "  Title  \n\n\tBody\r\n"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))) for _ in range(5000)]
    for text in texts:
        assert block_spans(text) == by_pattern(text), repr(text)
