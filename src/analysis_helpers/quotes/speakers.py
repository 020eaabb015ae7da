# Above 400 lines: the mention grammar, the registry and the descriptor checks read the same name patterns and lexicons.
"""Who says it: reporting cues, person mentions, a per-article person registry.

The pieces, each driven by a lexicon kept as data that users can extend:

* ``data/quote_cues.csv``: reporting verbs and phrases (said, stressed, pointed
  out, according to ...), and nouns that announce a document's wording.
* ``data/person_titles.csv``: words that make up a role ("Defense Secretary").
* ``data/person_aliases.csv``: spellings of one name, wordings of one role,
  ways of writing one country.
* ``data/speaker_groups.txt``: nouns heading a group speaker ("officials").
* ``data/name_particles.txt``: lower-case words inside names ("van", "de la").
* ``data/name_credentials.txt``: degrees after a name ("Ana Ruiz, M.D., said"), never a name.

A person registry is built per article from role-plus-name mentions ("US Defense
Secretary Pete Hegseth", "Sen. Rob Portman"), names in apposition or before a reporting verb,
names after a role phrase ("The head coach of Acme, Ana Ruiz"), full names whose surname
the article also uses alone ("Ana Ruiz has ... Ruiz said"), and the alias table. Bare surnames, titles ("the US Defense Secretary", "Trump's
defense secretary") and pronouns are resolved through it; a full name whose
surname belongs to a different registered person ("Mark Hegseth" beside "Pete
Hegseth") is kept as written and flagged as a name conflict.

This module is above 400 lines because the mention grammar, the registry and the
descriptor checks read the same name patterns and lexicons.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter

from ..corpus.names import spelling_key
from ..resources import aliases as alias_table
from ..resources import cached, person_titles, read_lines, read_text


_WORD_RUN = re.compile(r"(?<![\w’'-])[A-Za-z]+")


def _word_list(name: str) -> frozenset[str]:
    return frozenset(
        line.strip().lower() for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")
    )


@cached
def irregular_past() -> frozenset[str]:
    """Irregular past-tense verb forms (``data/irregular_past.txt``): finite verbs no "-ed" shows."""
    return _word_list("irregular_past.txt")


def verb_forms(lemma: str, past: str = "") -> set[str]:
    """Inflected forms of a reporting verb or verb phrase (``point out`` -> ``pointed out`` ...)."""
    head, _, rest = lemma.partition(" ")
    rest = f" {rest}" if rest else ""
    if head.endswith("e"):
        forms = {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "sh", "ch", "x", "z")):
        forms = {head + "es", head + "ed", head + "ing"}
    else:
        forms = {head + "s", head + "ed", head + "ing"}
    if past:
        forms = {f for f in forms if not f.endswith(("ed", "ied"))} | {past.split(" ")[0]}
        if head.endswith("t") and past.endswith("tted"):
            forms = {f.replace(head + "ing", head + "ting") for f in forms}
    forms.add(head)
    return {f + rest for f in forms}


@dataclass(frozen=True)
class CueLexicon:
    """Compiled reporting cues (see ``data/quote_cues.csv``)."""

    pattern: re.Pattern
    clause_forms: frozenset
    document_nouns: frozenset
    form_to_lemma: dict
    by_first_word: dict
    statement_nouns: frozenset = frozenset()
    ascii_first_words: frozenset = frozenset()  # the keys of ``by_first_word`` that are ASCII letters, as bytes
    #: a space, a key of ``ascii_first_words`` (group 1), a space: one scan finds them in a letters-only text
    ascii_first_word_pattern: re.Pattern = re.compile(rb"(?!)")

    def finditer(self, text: str):
        """``(start, end)`` of every cue form in ``text``, longest form first at each word, case-blind.

        A word index is much faster than one regex alternation of all forms.
        """
        for start, word in self._opening_words(text):
            for form in self.by_first_word[word]:
                end = start + len(form)
                if text[start:end].lower() == form and (end == len(text) or not (text[end].isalnum()
                                                                                 or text[end] in "’'-")):
                    yield start, end
                    break

    def _opening_words(self, text: str) -> list[tuple[int, str]]:
        """``(start, lower-case word)`` of every word of ``text`` (a run of ASCII letters after no word
        character) that opens a cue form, in text order.

        A long text is not walked word by word in Python: its ASCII letters, lowered, with every other
        character a space (C-level byte operations), are scanned once by
        :attr:`ascii_first_word_pattern` (the cue words as a prefix tree, so each space costs a few
        character tests); each hit is checked to be a whole word with :data:`_WORD_RUN`, so the result
        is the same as the walk.
        """
        words = self.by_first_word
        if len(text) < _INDEXED_FROM or (len(words) != len(self.ascii_first_words)
                                         and len(text.lower()) != len(text)):  # lower() moved offsets
            return [(match.start(), word) for match in _WORD_RUN.finditer(text)
                    if (word := match.group().lower()) in words]
        letters = b" " + text.encode("ascii", "replace").lower().translate(_LETTERS_ONLY) + b" "
        found = []
        whole_word = _WORD_RUN.match
        for hit in self.ascii_first_word_pattern.finditer(letters):
            start, word = hit.start(), hit.group(1)  # the space before the word: the word's offset in text
            run = whole_word(text, start)
            if run is not None and run.end() == start + len(word):
                found.append((start, word.decode("ascii")))
        return found


#: Texts at least this long are searched for cue words by :meth:`CueLexicon._opening_words`'s word set.
_INDEXED_FROM = 400
#: Every byte but a lower-case ASCII letter becomes a space: the words of a lowered text, split in C.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@cached
def cue_lexicon() -> CueLexicon:
    """Read ``quote_cues.csv`` once: every surface form of every cue, longest first."""
    rows = list(csv.DictReader(read_text("quote_cues.csv").splitlines()))
    forms: dict[str, str] = {}
    clause: set[str] = set()
    documents: set[str] = set()
    statements: set[str] = set()
    for row in rows:
        cue, kind = row["cue"].strip().lower(), row["type"].strip()
        if kind == "document":
            documents.add(cue)
            continue
        if kind == "statement":
            statements.add(cue)
            continue
        if kind == "verb":
            surface = verb_forms(cue, row.get("past", "").strip().lower())
        else:
            surface = {cue}
        for form in surface:
            forms.setdefault(form, cue)
            if row["introduces_clause"].strip() == "yes":
                clause.add(form)
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w’'-])(?:{alternatives})(?![\w’'-])", re.IGNORECASE)
    by_first: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_first.setdefault(form.split(" ")[0], []).append(form)
    ascii_words = frozenset(w.encode("ascii") for w in by_first if w.isascii() and w.isalpha() and w.islower())
    word_pattern = re.compile(rb" (" + _prefix_tree_pattern(sorted(ascii_words)) + rb")(?= )") if ascii_words \
        else re.compile(rb"(?!)")
    return CueLexicon(pattern, frozenset(clause), frozenset(documents), forms, by_first, frozenset(statements),
                      ascii_words, word_pattern)


def _prefix_tree_pattern(words: list[bytes]) -> bytes:
    """A regex (bytes) matching exactly ``words``, written as their prefix tree ("sa(?:id|ys?)"), so the
    engine tests a few characters at each position instead of every alternative."""
    tree: dict = {}
    for word in words:
        node = tree
        for byte in word:
            node = node.setdefault(bytes([byte]), {})
        node[b""] = {}

    def pattern(node: dict) -> bytes:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return b""
        body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
        return b"(?:" + body + b")?" if b"" in node else body

    return pattern(tree)


@cached
def _title_table() -> dict[str, str]:
    """Role word -> part ("head" or "modifier") from the one titles table (:func:`resources.person_titles`)."""
    return {row["word"]: row["part"] for row in person_titles() if row["part"]}


@cached
def title_words() -> frozenset[str]:
    """Every role word of ``person_titles.csv`` (lower case): heads and modifiers."""
    return frozenset(_title_table())


@cached
def title_heads() -> frozenset[str]:
    """Role words that can end a role ("secretary", "president"), not modifiers ("defense")."""
    return frozenset(w for w, part in _title_table().items() if part == "head")


@cached
def group_nouns() -> frozenset[str]:
    """Group-speaker nouns from ``speaker_groups.txt``."""
    return _word_list("speaker_groups.txt")


@cached
def not_speaker_words() -> dict[str, str]:
    """``{word: kind}`` of ``data/not_speaker_words.csv``: capitalised sentence openers that never begin an
    organisation's or group's name (kinds ``connective``, ``quantity``, ``calendar``, ``function``)."""
    return {row["word"].strip().lower(): row["kind"].strip() for row in csv.DictReader(read_lines("not_speaker_words.csv"))}


@cached
def trailing_time() -> re.Pattern:
    """A day or date word ending a subject phrase, with its preposition ("on Friday", "earlier Saturday"):
    when the speaker spoke, never who (the ``calendar`` words of ``data/not_speaker_words.csv``)."""
    days = "|".join(sorted(calendar_words()))
    return re.compile(rf"(?:\s+(?:on|earlier|later|late|early|last|this|next))?\s+(?i:{days})\s*$")


def ends_with_time(text: str) -> re.Match | None:
    """:func:`trailing_time` searched in ``text`` only when its last word is a day or date word (the search
    scans every position; most subject phrases end otherwise)."""
    words = text[-20:].split()
    if not words or words[-1].lower() not in calendar_words():
        return None
    return trailing_time().search(text)


@cached
def calendar_words() -> frozenset[str]:
    """The ``calendar`` words of ``data/not_speaker_words.csv`` (days, months, "today")."""
    return frozenset(w for w, kind in not_speaker_words().items() if kind == "calendar")


@cached
def definite_institutions() -> frozenset[str]:
    """Nouns that, as "the company"/"the agency", stand for the organisation named before
    (``data/definite_institutions.txt``)."""
    return _word_list("definite_institutions.txt")


@cached
def organisation_words() -> frozenset[str]:
    """Words of organisation names from ``organisation_words.txt`` ("group", "motors", "inc")."""
    return _word_list("organisation_words.txt")


@cached
def aliases() -> dict[str, dict[str, str]]:
    """``{kind: {alias (lower case): canonical}}`` for the kinds the quotation step reads: name, role, place.

    From the one alias table, ``person_aliases.csv`` (:func:`resources.aliases`).
    """
    return {kind: alias_table((kind,)) for kind in ("name", "role", "place")}


# ---------------------------------------------------------------- mentions

#: Upper- and lower-case letters of names: ASCII and the accented Latin letters ("Orbán", "José", "Łukasz",
#: "Müller"), so that a name is never cut at its first accented letter.
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
LOWER = "a-z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())
_NAME_TOKEN = (r"(?:(?:Jr|Sr)\.|(?:Mc|Mac|O[’']|D[’']|[A-Z][a-z]{1,2}(?=[A-Z][a-z]))?[U][L]+(?:-[U][L]+)*"
               r"|[A-Z]\.(?:[A-Z]\.)*|(?![AI] )[A-Z](?= [A-Z])|[A-Z]{2,5}(?![L]))").replace("U]", UPPER + "]").replace(
    "L]", LOWER + "]")


@cached
def _name_patterns() -> tuple[re.Pattern, re.Pattern]:
    """``(capitalised sequence, token)`` patterns of names, with the abbreviated titles of ``person_titles.csv``.

    An abbreviated title written with its full stop ("Sen.", "Mr.", "Lt.") is a
    token of the name after it ("Sen. Rob Portman", "Mr. Tomar"), not the end of
    a sequence: only the abbreviations listed as titles, so a sentence's last
    word ("... in Ohio. The") never joins the next.
    """
    abbreviated = sorted((w[:-1] for w in title_words() if w.endswith(".") and w[:-1].isalpha()), key=len,
                         reverse=True)
    title = rf"(?:{'|'.join(re.escape(w[:1].upper() + w[1:]) for w in abbreviated)})\.(?= [A-Z])|" \
        if abbreviated else ""
    token = rf"(?:{title}{_NAME_TOKEN[3:-1]})"
    particles = "|".join(sorted(map(re.escape, name_particles()), key=len, reverse=True)) or "(?!)"
    # every name token starts with a capital A-Z: the look-ahead rejects other positions before the slower
    # look-behind runs (same matches, a third of the time); name particles ("van", "de la") join two tokens
    sequence = re.compile(rf"(?=[{UPPER}])(?<![\w.-]){token}(?:(?: | of | of the | (?:(?:{particles}) ){{1,2}}){token})*"
                          rf"(?:[’']s\b)?")
    return sequence, re.compile(rf"{token}|of|the|\b(?:{particles})\b")


@cached
def name_credentials() -> re.Pattern:
    """Credentials after a name and a comma (", M.D.", ", Ph.D."), from ``data/name_credentials.txt``."""
    words = sorted((w.strip() for w in read_text("name_credentials.txt").splitlines()
                    if w.strip() and not w.startswith("#")), key=len, reverse=True)
    return re.compile(rf",\s+(?:{'|'.join(map(re.escape, words))})(?![\w.])" if words else r"(?!)")


@cached
def credential_words() -> frozenset[str]:
    """The credentials of ``data/name_credentials.txt`` as written ("QC", "M.D."), one set per lexicon source."""
    return frozenset(w.strip() for w in read_text("name_credentials.txt").splitlines()
                     if w.strip() and not w.startswith("#"))


@cached
def trailing_credential() -> re.Pattern:
    """A credential right after a name, with or without a comma (" QC", ", M.D."): ``data/name_credentials.txt``."""
    words = sorted(credential_words(), key=len, reverse=True)
    return re.compile(rf",?\s+(?:{'|'.join(map(re.escape, words))})(?![\w.])" if words else r"(?!)")


@cached
def name_particles() -> frozenset[str]:
    """Lower-case words inside names ("van", "de"), from ``data/name_particles.txt``."""
    return _word_list("name_particles.txt")
# "he", "she", "He", "She" as whole words: ``\b(?:he|she|He|She)\b`` written to open with a character class, which
# the engine scans for in C before trying a match (same matches, half the time)
_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])e|(?<=[Ss])he)\b")
# possessive quantifiers (``++``) where the next item can never match what was consumed, and a look-ahead
# that rejects non-word positions first: the same matches without backtracking into every word
_DETERMINER_TITLE = re.compile(
    r"\b(?=[\w-])(?:(?:[Tt]he\s+)?[\w-]++[’']s|[Tt]he|[Aa]n?)\s++(?=((?:[\w.,-]++ ){0,4}[\w.,-]++))"
)
# verbs that follow a person's name far more often than a place's or a thing's
_NAME_SUFFIXES = frozenset({"Jr.", "Sr."})
_AGE_APPOSITION = re.compile(r",\s+\d{1,3},")  # "Jan Novak, 54, said": only people have ages
# a person's apposition: "who ..." or a verb of speaking ("Ana Ruiz, speaking after the meeting, said")
_APPOSITION_THEN_VERB = re.compile(
    r",\s+(?:who|speaking|talking|writing|responding|answering|asked|interviewed|for)\b[^,;:.“”\"\n]{1,90}"
    r"(?:,[^,;:.“”\"\n]{1,90}){0,2},\s+(?:[a-z]+ly\s+)?([a-z]+)\b")
_PERSON_VERB = re.compile(r"\s+(?:spoke|met|arrived|visited|travelled|traveled|joined|who|whose)\b")
_NOT_NAMES = frozenset(
    "the a an this that these those it its in on at he she they we i you but and or if as so when while "
    "after before however meanwhile despite although though because since with for from by during also "
    "us all some every many most both each several other another any".split()
)


# words of dates, never part of a person's name found by the weak surname evidence ("Last Friday")
_CALENDAR_WORDS = frozenset(
    "last next monday tuesday wednesday thursday friday saturday sunday january february march april may june "
    "july august september october november december".split()
)
_NOT_NAMES_OR_DATES = _NOT_NAMES | _CALENDAR_WORDS
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


@dataclass
class Mention:
    """A reference to a speaker in the text.

    ``kind`` is ``name`` (a name, with its role words when written before it),
    ``title`` (a role without a name: "the US Defense Secretary"), ``pronoun``
    or ``group`` ("Citi analysts", "US officials", "Moscow").
    """

    start: int
    end: int
    text: str
    kind: str
    name: str = ""  # the name tokens as written ("Pete Hegseth", "Hegseth")
    role: str = ""  # canonical role key ("defense secretary")
    place: str = ""  # canonical qualifier ("us")
    possessive: bool = False


@dataclass
class Person:
    """A person of one article's registry."""

    canonical: str
    surname: str
    first: str = ""
    roles: set = field(default_factory=set)
    places: set = field(default_factory=set)
    count: int = 0


def canonical_role(words: list[str]) -> tuple[str, str]:
    """``(role key, place)`` of a role written as words ("U.S. Defense Secretary" -> "defense secretary", "us")."""
    table = aliases()
    titles = title_words()
    place = ""
    role_words = []
    i = 0
    while i < len(words):
        w = words[i].lower()
        two = f"{w} {words[i + 1].lower()}" if i + 1 < len(words) else ""
        if two in table["place"]:
            place, i = table["place"][two], i + 2
            continue
        if w in table["place"] and w not in titles:
            place = table["place"][w]
        elif w in titles or w == "of":
            if w not in ("former", "new", "acting", "top"):
                role_words.append(w)
        elif w.upper() == words[i] and len(w) <= 5:  # NATO, EU, UN
            place = place or w
        i += 1
    while role_words and role_words[-1] == "of":
        role_words.pop()
    key = " ".join(role_words)
    key = table["role"].get(key, key)
    return key, place


def _is_title(token: str) -> bool:
    return token.lower() in title_words()


@dataclass(frozen=True)
class _MentionLexicons:
    """The lexicons the mention grammar reads, fetched once per text (not once per word)."""

    titles: frozenset
    heads: frozenset
    organisations: frozenset
    cue_forms: dict
    places: dict

    @classmethod
    def current(cls) -> "_MentionLexicons":
        return cls(title_words(), title_heads(), organisation_words(), cue_lexicon().form_to_lemma,
                   aliases()["place"])


_NOT_NAMES_OR_OF = _NOT_NAMES | {"of"}


def find_mentions(text: str) -> list[Mention]:
    """Candidate speaker mentions of one text: capitalised names (with roles), titles, pronouns.

    Names are kept only when they are plausibly people: a role before them, a
    first-name-plus-surname shape, or an alias-table entry. The registry decides
    later which bare capitalised words are surnames of registered people.
    """
    lexicons = _MentionLexicons.current()
    mentions: list[Mention] = []
    runs: dict[str, tuple] = {}  # an article repeats its names: each distinct run is looked up once
    for match in _name_patterns()[0].finditer(text):
        base = match.start()
        seq = match.group()
        found = runs.get(seq)
        if found is None:
            found = runs[seq] = _sequence_mentions(seq)
        for m in found:
            mentions.append(Mention(base + m.start, base + m.end, m.text, m.kind, m.name, m.role, m.place,
                                    m.possessive))
    mentions = _titles_for_a_body(mentions, text)
    credentials = name_credentials()
    mentions = [m for m in mentions if m.kind != "name" or not _is_credential(credentials, text, m)]
    _add_pronouns_and_titles(mentions, text, lexicons)
    return _without_nested(mentions, text)


def _is_credential(credentials: re.Pattern, text: str, m: Mention) -> bool:
    """True when the name mention ``m`` is a credential after a comma ("Ana Ruiz, M.D., said")."""
    found = credentials.match(text, m.start - 2) if m.start >= 2 else None
    return found is not None and found.end() >= m.end


# "Minister for": a capitalised role, "for", then the body it serves and the holder's name
_FOR_GAP = re.compile(r"\s+for\s+(?:the\s+)?$")


def _titles_for_a_body(mentions: list[Mention], text: str) -> list[Mention]:
    """Join a capitalised role, "for", its body and the holder's name into one name mention.

    "Assistant Secretary of the Navy for Acquisition Paul Verhoeven": the run after "for"
    holds the body's words and, as its last two words (three with a middle initial), the
    holder's name; a run of fewer than three words is the body alone ("Minister for Health").
    Without this the role stands alone and is read as another holder of a similar role.
    """
    out: list[Mention] = []
    for m in mentions:
        previous = out[-1] if out else None
        if (previous is not None and previous.kind == "title" and m.kind == "name" and not m.role
                and _FOR_GAP.match(text, previous.end, m.start) and not m.possessive):
            words = m.name.split()
            size = 3 if len(words) >= 4 and re.fullmatch(r"[A-Z]\.", words[-2]) else 2
            particles = name_particles()
            while size < len(words) - 1 and words[-size].lower() in particles:
                size += 1  # "Envoy for Syria Staffan de Mistura": a particle joins the first name to the surname
            if len(words) >= 3 and all(w[:1].isupper() or w.lower() in particles for w in words[-size:]):
                body = text[previous.start:m.start].split() + words[:-size]
                role, place = canonical_role(body)
                out[-1] = Mention(previous.start, m.end, text[previous.start:m.end], "name",
                                  " ".join(words[-size:]), role or previous.role, place or previous.place, False)
                continue
        out.append(m)
    return out


#: Distinct capitalised runs remembered per lexicon source (names, sentence openers recur in every article).
SEQUENCE_MEMO_SIZE = 100_000


@cached(maxsize=SEQUENCE_MEMO_SIZE)
def _sequence_mentions(seq: str) -> tuple:
    """The mentions one capitalised run makes, with offsets into ``seq`` (the run as matched).

    A run's mentions depend only on its own words and the lexicons, so each distinct run is
    analysed once per lexicon source (at most :data:`SEQUENCE_MEMO_SIZE` runs are kept).
    """
    lexicons = _MentionLexicons.current()
    possessive = seq.endswith(("’s", "'s"))  # the pattern's optional possessive ending
    core = seq[:-2] if possessive else seq
    all_tokens = [(m.start(), m.group()) for m in _name_patterns()[1].finditer(core)]
    mentions: list[Mention] = []
    credentials = credential_words()
    for tokens, possessive_run in _split_at_cues(all_tokens, possessive, lexicons.cue_forms):
        # post-nominal letters written without a comma ("Joanna Korner QC said") describe, they do not name
        while len(tokens) > 1 and tokens[-1][1] in credentials and not possessive_run:
            tokens = tokens[:-1]
        if tokens:
            _add_sequence_mention(mentions, core, 0, core, tokens, possessive_run, lexicons)
    return tuple(mentions)


def _split_at_cues(tokens, possessive, forms=None):
    """Cut a run of capitalised words at headline verbs ("Blumenthal Calls Trump's ...")."""
    if forms is None:
        forms = cue_lexicon().form_to_lemma
    runs, current = [], []
    previous = ""
    for tok in tokens:
        united = tok[1] == "States" and previous == "United"  # "the United States", not a verb
        previous = tok[1]
        if tok[1].lower() in forms and tok[1][0].isupper() and tok[1] not in ("The", "State") and not united:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        runs.append(current)
    return [(run, possessive and k == len(runs) - 1) for k, run in enumerate(runs)]


def _add_sequence_mention(mentions, text, seq_start, core, tokens, possessive, lexicons=None):
    """Append the mention one run of capitalised words makes: a name with its role words, or a role alone."""
    lexicons = lexicons or _MentionLexicons.current()
    titles, title_heads_, organisations = lexicons.titles, lexicons.heads, lexicons.organisations
    lowered = [tok.lower() for _, tok in tokens]
    last_title = -1
    for k, low in enumerate(lowered):
        if low in titles:
            last_title = k
    if last_title >= 0 and lowered[last_title] not in title_heads_:
        last_title = -1  # "Increased Defense Spending": a modifier alone makes no role
    heads = [k for k in range(len(tokens) - 1) if lowered[k] in title_heads_ and tokens[k + 1][1] == "of"]
    if heads and (last_title < 0 or last_title > heads[0]):
        last_title = heads[0]  # "Secretary of Defense Pete Hegseth": the role ends before "of"
    role_tokens = [t for _, t in tokens[: last_title + 1]]
    name_tokens = tokens[last_title + 1:]
    words = [t.lower().rstrip(".") for _, t in name_tokens]
    if "of" in words:
        # "President of the United States", "Prime Minister of Canada": the body a role belongs to
        # ("Secretary of the Air Force James Roche": a first name and surname may follow the body)
        body = [w for w in words[words.index("of") + 1:] if w not in ("of", "the")]
        if last_title < 0:
            name_tokens = name_tokens[:words.index("of")]
        elif len(body) >= 3 and not set(words[-2:]) & organisations:
            # a middle initial stays in the name: "Chief of Police Barry M. Weber"
            size = 3 if len(body) >= 4 and re.fullmatch(r"[A-Z]\.", name_tokens[-2][1]) else 2
            role_tokens += [t for _, t in name_tokens[:-size]]
            name_tokens = name_tokens[-size:]
        else:
            role_tokens += [t for _, t in name_tokens]
            name_tokens = []
        words = [t.lower().rstrip(".") for _, t in name_tokens]
    organisation = [k for k, w in enumerate(words[:len(name_tokens)]) if w in organisations]
    if len(tokens) < 2:
        organisation = []  # a bare "Press" or "Post" may be a surname
    if organisation:
        # "Fort Pitt Capital Group Charlie Smith": a person may follow the organisation's name
        name_tokens = name_tokens[organisation[-1] + 1:]
        if not name_tokens:
            return
        if not role_tokens:
            tokens = name_tokens
    while name_tokens and name_tokens[0][1].lower() in _NOT_NAMES_OR_OF:
        name_tokens = name_tokens[1:]
    while len(name_tokens) > 1 and name_tokens[-1][1].lower() in _WEEKDAYS:
        # "captain Ana Ruiz Tuesday blamed": the day says when, it is no part of the name
        name_tokens, tokens = name_tokens[:-1], tokens[:-1]
    if not tokens:
        return
    if not name_tokens and not role_tokens:
        return  # no name and no role: no mention (canonical_role of nothing is ("", ""))
    start = seq_start + tokens[0][0]
    end = seq_start + tokens[-1][0] + len(tokens[-1][1])
    role, place = canonical_role(role_tokens) if role_tokens else ("", "")
    if not name_tokens:
        if role:
            mentions.append(Mention(start, end, text[start:end], "title", role=role, place=place,
                                    possessive=possessive))
        return
    if not role_tokens:
        start = seq_start + name_tokens[0][0]
    name = " ".join(t for _, t in name_tokens)
    mentions.append(Mention(start, end, text[start:end], "name", name=name, role=role, place=place,
                            possessive=possessive))


_NON_SPACE_RUN = re.compile(r"(\S+)")


def _add_pronouns_and_titles(mentions, text, lexicons=None):
    """Append pronoun mentions (he, she) and role mentions after a determiner ("the US Defense Secretary")."""
    lexicons = lexicons or _MentionLexicons.current()
    titles, title_heads_, places = lexicons.titles, lexicons.heads, lexicons.places
    for match in _PRONOUN.finditer(text):
        mentions.append(Mention(match.start(), match.end(), match.group(), "pronoun"))
    for match in _DETERMINER_TITLE.finditer(text):
        words = match.group(1).split()
        best = None
        for k, word in enumerate(words):
            w = word.lower().rstrip(",.;:")
            if not (w.lower() in titles or w in places or word.isupper()):
                # "the local police chief": a lower-case modifier or two before the role's head
                # the two words ahead are read only for a lower-case word (most determiners precede none)
                if k < 2 and word.isalpha() and word.islower() and w not in _NOT_DESCRIPTOR_WORDS and (
                        (k + 1 < len(words) and words[k + 1].lower().rstrip(",.;:") in title_heads_)
                        or (k + 2 < len(words) and words[k + 2].lower().rstrip(",.;:") in title_heads_)):
                    continue
                break
            if w in title_heads_:
                best = k
            if word[-1] in ",.;:":
                break
        if best is None:
            continue  # most determiners precede no role: the word offsets are found only for a role
        offsets = [m.start(1) for m in _NON_SPACE_RUN.finditer(match.group(1))]
        end = match.start(1) + offsets[best] + len(words[best].rstrip(",.;:"))
        if re.match(r",?\s[A-Z][a-z]", text[end:end + 3]) and not re.match(r",", text[end:end + 1]):
            continue  # "the President Trump": a titled name, found above
        role, place = canonical_role([w.rstrip(",.;:") for w in words[:best + 1]])
        if role:
            mentions.append(Mention(match.start(), end, text[match.start():end], "title", role=role, place=place))


def _without_nested(mentions, text):
    """Sort mentions; drop one nested in a longer one, folding a role into the name after it."""
    # by start, the longer first: two stable sorts by C-level keys (no Python key function per mention)
    mentions.sort(key=attrgetter("end"), reverse=True)
    mentions.sort(key=attrgetter("start"))
    # drop mentions inside a longer one (a title inside "the US Defense Secretary Pete Hegseth")
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            if m.kind == "title" and kept[-1].kind == "name" and m.start <= kept[-1].start:
                kept[-1] = Mention(m.start, kept[-1].end, text[m.start:kept[-1].end], "name", kept[-1].name,
                                   kept[-1].role or m.role, kept[-1].place or m.place, kept[-1].possessive)
            continue
        kept.append(m)
    return kept


#: Lower-case words that never modify a role ("the only chief", "the first president" are fine; these open
#: a clause or a phrase instead).
_NOT_DESCRIPTOR_WORDS = frozenset("of to in on at by for with from and or but that who which said says".split())


# ---------------------------------------------------------------- registry

_CLAUSE_BREAK = re.compile(r"[.;:!?“”\"()]")


#: Words that never stand in a speaker's descriptor: they open a clause or a complement instead.
_NOT_DESCRIPTOR = frozenset(
    "that which who whom it he she they we i you to in on by into would will was were is are has have had be "
    "been not no when if after before because while as than this these those there their his her its our "
    "yesterday today tonight".split()
)


_BRACKETED_ACRONYM = re.compile(r"\([A-Z]{2,8}\)")


def descriptor_gap(gap: str) -> bool:
    """True when ``gap`` can describe a speaker ("the firm's chief executive,", "Acme Inc. analyst").

    At most eight words, no clause punctuation (abbreviations' full stops
    allowed) and none of the words that open a clause or a complement
    ("that", "it", "in", "to", auxiliaries, possessive pronouns).
    """
    gap = _BRACKETED_ACRONYM.sub("", gap)  # "disaster agency (BNPB) chief": the acronym is the body's
    words = re.findall(r"[\w.&-]+(?:[’']s)?", gap)
    if len(words) > 8 or _CLAUSE_BREAK.search(re.sub(r"\b([A-Z][a-z]{0,3})\.", r"\1", gap)):
        return False
    return not any(w.lower() in _NOT_DESCRIPTOR for w in words)


_ROLE_APPOSITION_CLOSED = re.compile(r",\s+(?:a|an|the)\s+[^,.;:“”\"]{1,80},")
_ROLE_APPOSITION_WORDS = re.compile(r",\s+(?:a|an|the)\s+((?:[\w’'-]+\s+){0,3}[\w-]+)")
_ROLE_OR_GROUP_WORDS = re.compile(r"(?:,\s+(?:(?:a|an|the)\s+)?|\s+(?:a|an|the)\s+)((?:[\w’'-]+\s+){0,6}[\w-]+)")


def _before_role_apposition(after: str, heads_only: bool = False) -> bool:
    """True when ``after`` opens a role in apposition (", president and CEO of ...", ", a senior analyst",
    ", the firm's North America CEO", " an equity strategist"); with ``heads_only``, a role word of
    ``person_titles.csv`` after a comma and an article (", the chairman and former ...")."""
    if heads_only:
        # closed by a comma: "Ruiz, the chairman of Acme, thinks" (not "Earlier, the Speaker informed")
        if not _ROLE_APPOSITION_CLOSED.match(after):
            return False
        found = _ROLE_APPOSITION_WORDS.match(after)
        heads = title_heads()
        return bool(found) and any(w.lower() in heads for w in found.group(1).split())
    found = _ROLE_OR_GROUP_WORDS.match(after)
    if not found:
        return False
    heads, groups = title_heads(), group_nouns()
    return any(w.lower() in heads or w.lower() in groups for w in found.group(1).split())


# a role phrase ending in a comma right before a name: "The head coach of the Black Stars, "
_ROLE_PHRASE_BEFORE = re.compile(r"(?:^|[ \n(])(?:[Tt]he|[Aa]n?|[\w-]+[’']s) +([^,.;:“”\"()\n]{1,70}),\s*$")


def _after_role_phrase(text: str, start: int) -> bool:
    """True when a role phrase and a comma stand right before ``start`` ("The head coach of Acme, Ana Ruiz")."""
    if not text[max(0, start - 90):start].rstrip().endswith(","):
        return False  # the pattern ends in a comma and white space: most names follow none
    found = _ROLE_PHRASE_BEFORE.search(text, max(0, start - 90), start)
    role = re.split(r"\s(?:of|at|for|in|with)\s", found.group(1))[0] if found else ""
    heads = title_heads()
    return any(w.lower() in heads for w in role.split())


def _surname_alone(text: str, surname: str, exclude: int) -> bool:
    """True when ``surname`` stands alone elsewhere in ``text`` (no capitalised word on either side)
    before a lower-case word or a comma: "Ruiz said", "Ruiz, who ...", "Ruiz has"."""
    name = re.escape(surname)
    # the surname first, its look-behinds after it: the engine then scans for the literal instead of
    # testing three look-behinds at every character (same matches, about 30 times faster)
    for found in re.finditer(rf"{name}(?<![\w’'-]{name})(?<!\b[A-Z][\w.’'-] {name})(?<!\b[A-Z][\w.’'-]{{2}} {name})"
                             rf"(?=\s+[a-z]|,\s+[a-z])", text):
        if found.start() < exclude or found.start() > exclude + 60:
            before = text[max(0, found.start() - 30):found.start()]
            if not re.search(r"(?:[A-Z][\w’'-]*|\b(?:the|a|an|its|their|our|this|that))\s+$", before):
                return True  # "the Taurus sold well" is a thing, not a person
    return False


def _after_inverted_cue(text: str, start: int) -> bool:
    """True when a lower-case inverted cue and descriptor words precede ``start`` ("said analyst Ana Ruiz")."""
    window = text[max(0, start - 90):start]
    last = None
    for cue_start, cue_end in cue_lexicon().finditer(window):
        last = (cue_start, cue_end)
    if last is None or not window[last[0]].islower() or window[last[0]:last[1]].endswith("ing"):
        return False
    return descriptor_gap(window[last[1]:])


# "Trump's Defense Secretary": a possessive right before a mention (searched in a 4-character window)
_POSSESSOR_BEFORE = re.compile(r"[’']s\s+$")
# a lower-case role and a capitalised name right after a capitalised run: the run names the role's body
_ROLE_THEN_NAME = re.compile(r"\s+([a-z-]+)\s+[A-Z]")
# "Ana Ruiz is the director of ...", "Ana Ruiz, 54, was a senior analyst at ...": the role's head word
_COPULA_ROLE = re.compile(r"(?:,\s+\d{1,3},)?\s+(?:is|was|has been|had been)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?"
                          r"([a-z-]+)(?=\s+(?:of|at|for|in)\b|[,.;])")


def _name_words(name: str, particles, cue_forms, known_names) -> tuple | None:
    """``(tokens without particles, a token is a non-name or date word, first token lower-cased, the name is
    in the alias table)`` of a name, or None when its words show it is no person: an acronym (an
    organisation) or a cue word."""
    tokens = [t for t in name.split() if t not in particles]  # "Ana de la Vega": two words
    if any(t.isupper() and len(t) > 1 and "." not in t for t in tokens):
        return None  # acronyms are organisations, not people
    if any(t.lower() in cue_forms for t in tokens):
        return None  # a headline verb ("Hegseth Makes ...") is not part of a name
    return (tokens, bool({t.lower() for t in tokens} & _NOT_NAMES_OR_DATES), tokens[0].lower() if tokens else "",
            name.lower() in known_names)


@cached
def _name_words_memo() -> dict:
    """``{name: _name_words(name)}`` kept per lexicon source (the answer reads only the name and lexicons)."""
    return {}


_UNSEEN = object()
# "Ana Ruiz, a farmer": an article after a comma
_ARTICLE_APPOSITION = re.compile(r",\s+(?:a|an|the)\s")


def _lower_word_before(text: str, lo: int, pos: int) -> str | None:
    r"""The lower-case word (and comma) right before ``pos``: ``re.search(r"\b([a-z]+),?\s+$",
    text[lo:pos]).group(1)``, read from the end of the window by C-level strips (the regex tried every
    position of the window).

    None when ``text[lo:pos]`` does not end in white space after such a word, or when the word's run of
    ``a-z`` letters is preceded (inside the window) by another word character.
    """
    window = text[lo:pos]
    body = window.rstrip()  # the same white space as str.isspace
    if len(body) == len(window):
        return None
    if body[-1:] == ",":
        body = body[:-1]
    head = body.rstrip(_ASCII_LOWER)
    if len(head) == len(body) or (head and (head[-1].isalnum() or head[-1] == "_")):
        return None
    return body[len(head):]


_ASCII_LOWER = "abcdefghijklmnopqrstuvwxyz"


class Registry:
    """The people of one article, from strong evidence, with surname and role indexes.

    Parameters
    ----------
    text : str
        The article text.
    mentions : list of Mention
        From :func:`find_mentions`.
    """

    def __init__(self, text: str, mentions: list[Mention]):
        self.people: dict[str, Person] = {}
        self.by_surname: dict[str, list[str]] = {}
        cue = cue_lexicon().pattern
        cue_forms, known_names, heads = cue_lexicon().form_to_lemma, aliases()["name"], title_heads()
        self._name_aliases = known_names  # read by every resolve_name: fetched once per article
        weak: list[Mention] = []
        particles, groups = name_particles(), group_nouns()  # fetched once per article, not per mention
        credentials = trailing_credential()
        self._particles = particles  # read by every _add
        # what a name's words alone decide, once per distinct name and lexicon source (names recur across articles)
        names = _name_words_memo()
        if len(names) > SEQUENCE_MEMO_SIZE:
            names.clear()
        for m in mentions:
            if m.kind != "name":
                continue
            words = names.get(m.name, _UNSEEN)
            if words is _UNSEEN:
                words = names[m.name] = _name_words(m.name, particles, cue_forms, known_names)
            if words is None:
                continue  # an acronym (an organisation) or a headline verb ("Hegseth Makes ...")
            tokens, not_a_name_word, first_lower, known = words
            if _POSSESSOR_BEFORE.search(text, max(0, m.start - 4), m.start):
                continue  # "Trump's Defense Secretary Pick": a possessor's role, not a name
            after = text[m.end:m.end + 40]
            credential = credentials.match(text, m.end)  # with or without a comma: "Ana Ruiz QC, for ..."
            if credential:
                after = text[credential.end():credential.end() + 40]  # "Ana Ruiz, M.D., chief of ...": skip it
            body = _ROLE_THEN_NAME.match(after)
            if body and body.group(1) in heads and not known and not m.role:
                continue  # "said Cal Fire spokeswoman Ana Ruiz": the body the role serves, not a person
            comma = after[:1] == ","  # the appositions below all open with a comma
            lower_role = _lower_word_before(text, max(0, m.start - 30), m.start)
            lower_role = lower_role if lower_role in heads else None  # only a role word counts below
            strong = (
                (m.role and 1 <= len(tokens) <= 3)
                or (lower_role and 2 <= len(tokens) <= 3)
                or known
                or (2 <= len(tokens) <= 3 and ((comma and _ARTICLE_APPOSITION.match(after))
                                               or _PERSON_VERB.match(after)
                                               or (cue.match(after.lstrip(" ,")) and after.lstrip(" ,")[:1].islower())))
            )
            if not strong and 2 <= len(tokens) <= 4 and first_lower not in _NOT_NAMES:
                # "said analyst Ana Ruiz", "Ana Ruiz, president of Acme, said"
                strong = _after_inverted_cue(text, m.start) or _before_role_apposition(
                    text[credential.end():credential.end() + 80] if credential else text[m.end:m.end + 80]) \
                    or (comma and bool(_AGE_APPOSITION.match(after))) or _after_role_phrase(text, m.start)
            if not strong and comma and 1 <= len(tokens) <= 3 and not not_a_name_word:
                # "Ana Ruiz, speaking after a meeting with the crews, said": a name, an apposition, a cue
                verb = _APPOSITION_THEN_VERB.match(text, credential.end() if credential else m.end,
                                                   min(len(text), m.end + 300))
                strong = bool(verb) and verb.group(1) in cue_forms
            if not strong and comma and len(tokens) == 1 and first_lower not in _NOT_NAMES:
                # "Ruiz, the chairman and former chief executive of Acme, thinks": a role in apposition
                strong = _before_role_apposition(text[m.end:m.end + 100], heads_only=True) \
                    or bool(_AGE_APPOSITION.match(after))  # "Ruiz, 54, said": only people have ages
            copula_role = None
            if not strong and 2 <= len(tokens) <= 3 and not not_a_name_word:
                # "Ana Ruiz is the director of the fire service": a person holds the role named after the copula
                found = _COPULA_ROLE.match(after)
                if found and found.group(1).lower() in heads:
                    strong, copula_role = True, found.group(1).lower()
            if strong:
                self._add(m)
                if copula_role:
                    person = self.people.get(self._canonical_of(m))
                    if person is not None:
                        person.roles.add(canonical_role([copula_role])[0])
                apposed = _ROLE_APPOSITION_WORDS.match(after)
                if apposed:
                    # "Ana Ruiz, the MP for Warrandyte, said": "the MP for Warrandyte" later stands for her
                    words = re.split(r"\s+(?:of|for|at|in|with|from)\s+", apposed.group(1) + " ")[0].split()
                    role = canonical_role(words)[0] if any(w.lower() in heads for w in words) else ""
                    person = self.people.get(self._canonical_of(m)) if role else None
                    if person is not None:
                        person.roles.add(role)
                if lower_role and not m.role:
                    # "the away side's head coach Ana Ruiz": "the head coach" later stands for her
                    person = self.people.get(self._canonical_of(m))
                    if person is not None:
                        person.roles.add(canonical_role([lower_role])[0])
            elif 2 <= len(tokens) <= 3 and not not_a_name_word and first_lower not in groups:
                weak.append(m)
        # a full name whose surname the article later uses alone, as a subject or before a cue, is a person
        # ("Ana Ruiz has criticised ... ¶ Ruiz said"): organisations are not referred to by their last word
        places = aliases()["place"]
        for m in weak:
            surname = m.name.split()[-1]
            if m.name.split()[0].endswith("ing") or surname.lower() in places:
                continue  # "Regarding Europe", "Visiting Kyiv": a phrase and a place, not a name
            if surname not in self.by_surname and _surname_alone(text, surname, m.start):
                self._add(m)
        # weak full names whose surname is registered: "Mark Hegseth, a prominent figure"
        for m in mentions:
            if m.kind != "name":
                continue
            names = m.name.split()
            first = names[0].lower() if m.name else ""
            initial = len(names) == 3 and re.fullmatch(rf"[{UPPER}]\.", names[1])  # "Richard M. Harkless"
            if ((len(names) == 2 or initial) and names[-1] in self.by_surname
                    and first not in groups and first not in _NOT_NAMES):
                if not any(t.lower() in cue_forms for t in names):
                    self._add(m)
        self._merge_bare_surnames()
        self._resolved_names: dict[str, tuple[str, str]] = {}  # name -> resolve_name, once the registry is complete

    def _merge_bare_surnames(self) -> None:
        """Fold a person known only by surname into the full name registered with it."""
        for name in list(self.people):
            person = self.people[name]
            if person.first:
                continue
            full = [n for n in self.by_surname.get(person.surname, []) if n != name and self.people[n].first]
            if not full:
                continue
            target = self.people[max(full, key=lambda n: self.people[n].count)]
            target.count += person.count
            target.roles |= person.roles
            target.places |= person.places
            del self.people[name]
            for names in self.by_surname.values():
                if name in names:
                    names.remove(name)
                    if target.canonical not in names:
                        names.append(target.canonical)

    def _canonical_of(self, m: Mention) -> str:
        """The registry key ``m`` was added under (see :meth:`_add`)."""
        canonical = self._name_aliases.get(m.name.lower(), m.name)
        tokens = canonical.split()
        if len(tokens) == 1 and canonical in self.by_surname and canonical not in self.people:
            return max(self.by_surname[canonical], key=lambda n: self.people[n].count)
        return canonical

    def _add(self, m: Mention) -> None:
        canonical = self._name_aliases.get(m.name.lower(), m.name)
        tokens = canonical.split()
        if len(tokens) > 1 and tokens[-1] in _NAME_SUFFIXES:
            tokens = tokens[:-1]  # "William Clay Ford Jr.": the surname is Ford, the suffix stays in the name
        surname, first = tokens[-1], " ".join(tokens[:-1])
        if first and all(w.lower() in self._particles for w in tokens[:-1]):
            first = ""  # "Van Rompuy" after "Herman Van Rompuy": a particle is no first name
        # a bare surname joins the person already registered with that surname
        if not first and surname in self.by_surname:
            canonical = max(self.by_surname[surname], key=lambda n: self.people[n].count)
        person = self.people.get(canonical)
        if person is None:
            person = self.people[canonical] = Person(canonical, surname, first)
            self.by_surname.setdefault(surname, []).append(canonical)
            # the written surname resolves too ("Zelenskyy" for "Volodymyr Zelensky")
            written = m.name.split()[-1]
            if written != surname:
                self.by_surname.setdefault(written, []).append(canonical)
        if first and not person.first:
            person.first = first
        person.count += 1
        if m.role:
            person.roles.add(m.role)
        if m.place:
            person.places.add(m.place)

    def main_name(self, surname: str) -> str | None:
        """The registered full name a bare surname stands for: the most mentioned one."""
        names = self.by_surname.get(surname)
        if not names:
            return None
        full = [n for n in names if len(n.split()) > 1] or names
        return max(full, key=lambda n: (self.people[n].count, -names.index(n)))

    def resolve_name(self, mention: Mention) -> tuple[str, str]:
        """``(canonical, conflicting registered name or "")`` of a name mention ("" when not a person).

        It reads only the mention's name and the finished registry: each distinct name is resolved once.
        """
        try:
            return self._resolved_names[mention.name]
        except KeyError:
            value = self._resolved_names[mention.name] = self._resolve_name(mention.name)
            return value

    def _resolve_name(self, name: str) -> tuple[str, str]:
        known = self._name_aliases
        if name.lower() in known:
            return known[name.lower()], ""
        tokens = name.split()
        # headline capitals ("Hegseth Makes First"): find the registered surname among the tokens
        for k in range(len(tokens) - 1, -1, -1):
            if tokens[k] not in self.by_surname:
                continue
            main = self.main_name(tokens[k])
            # the written first name and surname, when they form a registered name of their own
            for written in (" ".join(tokens[max(0, k - 2):k + 1]), " ".join(tokens[max(0, k - 1):k + 1])):
                written = known.get(written.lower(), written)
                if written in self.people and written != main and len(written.split()) > 1:
                    return written, main  # "Mark Hegseth" beside "Pete Hegseth": kept, flagged
            return main, ""
        canonical = known.get(name.lower(), name)
        return (canonical, "") if canonical in self.people else ("", "")

    def resolve_title(self, mention: Mention, before: list[tuple[int, str]]) -> str:
        """The person holding ``mention``'s role: the latest such person mentioned before it.

        ``before`` lists ``(offset, canonical)`` of resolved name mentions. Falls
        back to a more specific role with the same head ("the minister" -> the "economy
        minister", never the "prime minister"), then to the first holder mentioned after it. Empty when nobody in the registry holds the role.
        """
        def holders(match) -> list[str]:
            out = []
            for person in self.people.values():
                if any(match(r) for r in person.roles):
                    if mention.place and person.places and mention.place not in person.places:
                        continue
                    out.append(person.canonical)
            return out

        candidates = holders(lambda r: r == mention.role)
        if not candidates:
            # a less specific role ("the minister" for the "economy minister"), never a different one
            # ("the prime minister" is not the "economy minister")
            words = set(mention.role.split())
            head = mention.role.split()[-1]
            candidates = holders(lambda r: r.split()[-1] == head and words <= set(r.split()))
        if not candidates:
            # a rank of several role words ("A detective ..." for "Detective Constable Ana Ruiz")
            candidates = holders(lambda r: words <= set(r.split()))
        if not candidates:
            return ""
        for _, name in reversed(before):
            if name in candidates:
                return name
        if len(candidates) == 1:
            return candidates[0]
        return ""


def corpus_canonical_names(names: list[str]) -> dict[str, str]:
    """Map a bare surname to the one full name that ends with it across a corpus.

    ``names`` are the canonical speakers of every article. "Trump" becomes
    "Donald Trump" when "Donald Trump" is the most frequent full name ending in
    "Trump"; names that are not single words are returned unchanged.
    """
    counts = Counter(n for n in names if n)
    full_by_surname: dict[str, Counter] = {}
    by_key: dict[str, Counter] = {}
    for name, n in counts.items():
        parts = name.split()
        by_key.setdefault(spelling_key(name), Counter())[name] += n
        if len(parts) > 1:
            full_by_surname.setdefault(spelling_key(parts[-1]), Counter())[name] += n
    def most_common(counter: Counter) -> str:
        return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    mapping = {}
    for name in counts:
        key = spelling_key(name)
        if len(name.split()) == 1 and key in full_by_surname:
            mapping[name] = most_common(full_by_surname[key])
        elif len(by_key[key]) > 1:
            mapping[name] = most_common(by_key[key])
    for name, target in list(mapping.items()):
        mapping[name] = mapping.get(target, target)
    return mapping
