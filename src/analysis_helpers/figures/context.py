"""Read what a number counts and measures from the words around it.

Pure string helpers: the counted noun after a number and its lemma
("10,000 drones" -> drone), the base of a percentage ("of GDP"), and a short
subject phrase.
"""

from __future__ import annotations

import csv
import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..resources import cached, read_text

#: Units of time: a counted noun that is one of these makes a duration.
TIME_UNITS = frozenset("year month week day hour minute second decade century".split())

_WORD_AFTER = re.compile(r"^[\s]+(?P<word>[A-Za-z][A-Za-z'’-]*)")
#: Words that end a counted-noun or subject phrase (scikit-learn's English stop words and a few more).
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "according", "per", "s"}
_NOT_PLURAL_END = ("ss", "us", "is", "ous", "ics")
#: Common verbs that end a noun phrase ("a quarter of the budget goes ...").
_VERBS = frozenset(
    "goes go went say says said think thinks believe believes want wants back backs backed support supports "
    "oppose opposes favour favor favours favors remain remains come comes live lives work works own owns "
    "voted vote votes agree agrees disagree expect expects".split()
)


@cached
def irregular_plurals() -> dict[str, str]:
    """``{plural: lemma}`` from ``data/figure_plurals.csv`` (users can extend it)."""
    return {r["plural"].lower(): r["lemma"] for r in csv.DictReader(read_text("figure_plurals.csv").splitlines())}


def lemma(word: str) -> str:
    """Singular lower-case form of a counted noun (countries -> country, drones -> drone)."""
    w = word.lower()
    irregular = irregular_plurals()
    if w in irregular:
        return irregular[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "sses", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(_NOT_PLURAL_END):
        return w[:-1]
    return w


def _looks_plural(word: str) -> bool:
    w = word.lower()
    if w in irregular_plurals():
        return True
    return len(w) > 2 and w.endswith("s") and not w.endswith(_NOT_PLURAL_END) and w not in STOP_WORDS


def counted_noun(after: str, max_words: int = 4, singular: bool = False) -> tuple[str, str]:
    """The counted noun in the text right after a number: ``(lemma, noun phrase)``.

    Looks at up to ``max_words`` words (stopping at punctuation or a function
    word) for the first plural noun; ``"50 European countries"`` gives
    ``("country", "European countries")``. With ``singular`` the first content
    word is taken ("one cup"). Empty strings when none is found.
    """
    words = []
    rest = after
    for _ in range(max_words):
        m = _WORD_AFTER.match(rest)
        if not m:
            break
        word = m.group("word")
        if word.lower() in STOP_WORDS:
            break
        words.append(word)
        rest = rest[m.end():]
        if singular and len(words) == 1 and re.search(r"(?:al|ar|ic|ive|ous|ful|less|able|ible|ent|ant|est|ary)$", word.lower()):
            nxt = _WORD_AFTER.match(rest)
            follower = nxt.group("word") if nxt else ""
            if (follower.islower() and follower not in STOP_WORDS and follower not in _VERBS
                    and not follower.endswith(("s", "ed"))):
                continue  # "one particular demand": the adjective is not the counted noun
        if singular or _looks_plural(word):
            return lemma(word), " ".join(words)
    return "", ""


def base_phrase(after: str, max_words: int = 2) -> str:
    """What a percentage or fraction is of: the noun phrase after ``of`` ("of its GDP on defense" -> "GDP")."""
    m = re.match(r"^\s+of\s+((?:(?:the|its|their|his|her|our|a|an|all|total)\s+)*)", after, re.IGNORECASE)
    if not m:
        m2 = re.match(r"^\s+(GDP|GNP|GNI)\b", after)
        return m2.group(1) if m2 else ""
    rest = after[m.end():]
    if re.match(r"^(?:gross\s+domestic\s+product|economic\s+output|national\s+income)\b", rest, re.IGNORECASE):
        return "GDP"
    first = re.match(r"^([A-Z]{2,})\b", rest)
    if first:
        return first.group(1)
    words = []
    for m3 in re.finditer(r"[A-Za-z][\w'’.-]*|[^\sA-Za-z]", rest[:80]):
        tok = m3.group(0)
        low = tok.lower()
        if not tok[0].isalpha() or low in STOP_WORDS or low in _VERBS or len(words) >= max_words:
            break
        if words and (low.endswith("ed") or low.endswith("ing")):
            break
        words.append(tok.rstrip("."))
        if _looks_plural(tok) or tok.isupper():
            break
    phrase = " ".join(words)
    return "GDP" if phrase.lower() in ("gross domestic product", "economic output") else phrase


_PREPS = ("to", "in", "for", "on", "of", "worth", "towards", "toward", "into", "from")


def subject_phrase(before: str, after: str) -> str:
    """A short phrase for what a figure measures.

    Up to three content words before the figure in its clause, then the
    prepositional phrase right after it ("allocated sum / to assist Ukraine").
    """
    clause = re.split(r"[,;:()\"“”]\s|[.!?]\s+(?=[A-Z\"“])|\n|—|–", before)[-1]
    pre = [w for w in re.findall(r"[A-Za-z][\w'’.-]*", clause) if w.lower() not in STOP_WORDS][-3:]
    post: list[str] = []
    m = re.match(r"^\s+(" + "|".join(_PREPS) + r")\s+", after, re.IGNORECASE)
    if m:
        rest = after[m.end():]
        for tok in re.finditer(r"[A-Za-z][\w'’.-]*|[^\sA-Za-z]", rest[:80]):
            word = tok.group(0)
            if not word[0].isalpha() or len(post) >= 3:
                break
            if word.lower() in STOP_WORDS:
                if post:
                    break
                continue
            post.append(word.rstrip("."))
        if post:
            post.insert(0, m.group(1).lower())
    return " ".join(pre + post).strip()
