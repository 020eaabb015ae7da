"""Compare the articles' timeline with a reference table written from public reporting.

Two kinds of conflict are flagged, each with the article's sentence and the
reference row's source address:

- date: an article's event matches a reference event (the row's pattern finds
  it in the reporting sentences and they share an actor) but no matching
  reference row overlaps the article's date;
- role: a sentence names who filled a role (who chaired a meeting, from
  ``data/role_verbs.csv``) and the holder in the reference is not among them.
"""

from __future__ import annotations

import re

import pandas as pd

from ..corpus.build import open_corpus
from ..corpus.names import surname_key
from ..resources import cached, read_table
from ..schema import ARTICLE_ROLES

CONFLICT_COLUMNS = ["doc_id", "start", "end", "kind", "claim", "article_says", "reference_says",
                    "ref_id", "source", "event_id"]
_PRONOUN_START = re.compile(r"^\W*(?:He|She|They|It|This|These|His|Her|Their|Its)\b")


def read_reference(path) -> pd.DataFrame:
    """The reference table at ``path`` (a CSV), with empty strings for blanks.

    There is no default: the table belongs to a corpus and its weeks. The seeds'
    table is :func:`analysis_helpers.paths.seed_reference_file`.

    Returns
    -------
    DataFrame, every column as text: ref_id, first_day and last_day (ISO dates),
    granularity, thread, actors (``; ``-separated), what, location, pattern (a
    regular expression finding the event), role and role_holder, source (the
    public address), note.
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False)


#: The columns :func:`find_conflicts` reads from a reference table.
REFERENCE_COLUMNS = ("ref_id", "pattern", "thread", "actors", "first_day", "last_day", "source", "role",
                     "role_holder")


def load_reference(path) -> pd.DataFrame:
    """:func:`read_reference`, checked: ValueError naming the file and what is wrong (unreadable, columns missing)."""
    try:
        reference = read_reference(path)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ValueError(f"{path}: cannot be read as a CSV reference table ({exc})") from exc
    missing = [c for c in REFERENCE_COLUMNS if c not in reference.columns]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)} of a reference table "
                         f"(needs {', '.join(REFERENCE_COLUMNS)})")
    return reference


@cached
def role_verbs() -> dict[str, str]:
    """Role name -> regular expression of the verbs that state who filled it."""
    table = read_table("role_verbs.csv")
    return dict(zip(table["role"], table["pattern"]))


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _surnames(names) -> set[str]:
    return {surname_key(n) for n in names if n}


def _reporting_text(corpus, offsets: str) -> dict[str, list[tuple[int, int, str]]]:
    """Per document: the reporting sentences of an event plus follow-on 'He ...' sentences."""
    sentences = corpus.sentences
    out: dict[str, list[tuple[int, int, str]]] = {}
    for item in _split(offsets):
        doc, span = item.split(":")
        start, end = (int(x) for x in span.split("-"))
        doc_sents = sentences[sentences["doc_id"] == doc].reset_index(drop=True)
        hit = doc_sents.index[doc_sents["start"] == start]
        texts = [doc_sents.loc[hit[0], "text"]] if len(hit) else []
        if len(hit):
            i = int(hit[0])
            for j in range(i + 1, len(doc_sents)):
                row = doc_sents.loc[j]
                if row["block_id"] != doc_sents.loc[i, "block_id"] or not _PRONOUN_START.match(row["text"]):
                    break
                texts.append(row["text"])
        out.setdefault(doc, []).append((start, end, " ".join(texts)))
    return out


def date_conflicts(corpus, events: pd.DataFrame, reference: pd.DataFrame) -> list[dict]:
    rows = []
    dated_ref = reference[reference["pattern"].ne("") & reference["thread"].ne("context")]
    for event in events[events["thread"].ne("context")].itertuples(index=False):
        event_surnames = _surnames(_split(event.actors))
        for doc, items in _reporting_text(corpus, event.sentence_offsets).items():
            for start, end, text in items:
                matches = []
                for ref in dated_ref.itertuples(index=False):
                    hits = len(re.findall(ref.pattern, text))
                    if hits and event_surnames & _surnames(_split(ref.actors)):
                        matches.append((hits, ref))
                if not matches:
                    continue
                if any(ref.first_day <= event.last_day and event.first_day <= ref.last_day for _, ref in matches):
                    continue
                hits, ref = max(matches, key=lambda m: (m[0], m[1].ref_id))
                rows.append({"doc_id": doc, "start": start, "end": end, "kind": "date", "claim": text,
                             "article_says": event.first_day if event.first_day == event.last_day
                             else f"{event.first_day} to {event.last_day}",
                             "reference_says": ref.first_day if ref.first_day == ref.last_day
                             else f"{ref.first_day} to {ref.last_day}",
                             "ref_id": ref.ref_id, "source": ref.source, "event_id": event.event_id})
    return rows


def role_conflicts(corpus, reference: pd.DataFrame) -> list[dict]:
    rows = []
    verbs = role_verbs()
    sentences = corpus.sentences[corpus.sentences["role"].isin(ARTICLE_ROLES)]
    for ref in reference[reference["role"].ne("")].itertuples(index=False):
        verb = verbs.get(ref.role)
        if not verb:
            continue
        holders = [h.lower() for h in _split(ref.role_holder)]
        for s in sentences.itertuples(index=False):
            if not re.search(ref.pattern, s.text):
                continue
            for m in re.finditer(verb, s.text):
                after = s.text[m.end():]
                passive = re.match(r"\s+by\s+([^,.;]+)", after)
                if passive:
                    who = passive.group(1)
                else:
                    clause = re.split(r"[,;:.](?=\s)", s.text[:m.start()])[-1]
                    who = clause
                who_words = re.findall(r"[A-Z][\w.]+", who)
                if not who_words or re.search(r"\b(?:not|never|no longer)\s*$", s.text[:m.start()]):
                    continue
                if any(re.search(rf"\b{re.escape(h)}\b", who.lower()) for h in holders):
                    continue
                rows.append({"doc_id": s.doc_id, "start": int(s.start), "end": int(s.end), "kind": "role",
                             "claim": s.text, "article_says": f"{ref.role}: {who.strip()}",
                             "reference_says": f"{ref.role}: {_split(ref.role_holder)[0]}",
                             "ref_id": ref.ref_id, "source": ref.source, "event_id": ""})
                break
    return rows


def find_conflicts(corpus, events: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Claims of the articles that conflict with the reference table.

    Parameters
    ----------
    corpus : anything :func:`open_corpus` accepts
    events : DataFrame
        :func:`~analysis_helpers.timeline.build.build_timeline` output for ``corpus``.
    reference : DataFrame
        A reference table (:func:`read_reference` reads one).

    Returns
    -------
    DataFrame with doc_id, start, end (the sentence's offsets), kind (date or
    role), claim (the sentence, with follow-on sentences for dates),
    article_says, reference_says, ref_id, source, event_id; sorted by doc_id and start.
    """
    corpus = open_corpus(corpus)
    rows = date_conflicts(corpus, events, reference) + role_conflicts(corpus, reference)
    table = pd.DataFrame(rows, columns=CONFLICT_COLUMNS)
    return table.sort_values(["doc_id", "start", "kind"], kind="stable").reset_index(drop=True)
