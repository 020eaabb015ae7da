"""Read the MEANTIME English corpus (NewsReader, CC BY 4.0) as plain news text.

MEANTIME's 120 Wikinews articles come as CAT XML: one ``<token>`` per word, with
Penn-Treebank quote marks (````` and ``''``) and a sentence number per token. This
module rebuilds the text as a news page prints it, so that extractors see what
they would see in a scrape: typographic quotes, no space before punctuation or
after an opening bracket, the title and dateline on lines of their own and one
paragraph per sentence (MEANTIME records no paragraphs), except that a sentence
that opens inside a quotation stays in the paragraph of the quotation.

It is the one function that benchmarks, tests and annotation tools share: hand
annotations of MEANTIME are stored as character offsets into :func:`read_meantime_file`'s
``text`` and are only valid with it. The texts are never copied into the project.
"""

from __future__ import annotations

import csv

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

#: Tokens printed without a space before them.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve",
                             "'ll", "'d", "'m", "’s", "...", "''", "'"})
#: Tokens printed without a space after them.
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "£", "€", "``", "`", "US$", "C$", "A$"})
#: Penn-Treebank quote tokens and how a page prints them.
PRINTED = {"``": "“", "''": "”", "`": "‘", "'": "’", "--": "–", "-LRB-": "(", "-RRB-": ")"}

TITLE_SENTENCE, DATELINE_SENTENCE = 0, 1


@dataclass
class MeantimeDocument:
    """One MEANTIME article rebuilt as plain text.

    Attributes
    ----------
    doc_id : str
        The file name without ``.xml`` (``"100911_Northrop_Grumman_..."``).
    text : str
        Title, a blank line, dateline, a blank line, then body paragraphs separated by blank lines.
    tokens : dict
        ``t_id`` to ``(start, end)`` character offsets into ``text``.
    sentences : list of tuple
        ``(start, end)`` of each sentence, by MEANTIME sentence number.
    dct : str or None
        The document creation time (TIMEX3 with ``functionInDocument="CREATION_TIME"``).
    dct_span : tuple or None
        Offsets of the DCT's words in ``text`` (the dateline), when it has words.
    timexes : list of dict
        Gold TIMEX3 other than the DCT: ``start``, ``end``, ``text``, ``type``, ``value``, ``sentence``.
    url : str
        The Wikinews address the article was taken from.
    """
    doc_id: str
    text: str
    tokens: dict = field(repr=False)
    sentences: list = field(repr=False)
    dct: str | None = None
    dct_span: tuple | None = None
    timexes: list = field(default_factory=list, repr=False)
    url: str = ""


def _printed(word: str, open_double: bool) -> str:
    if word == '"':
        return "”" if open_double else "“"
    return PRINTED.get(word, word)


def read_meantime_file(path, max_sentences: int | None = None) -> MeantimeDocument:
    """Rebuild one CAT XML file as news text with token offsets and gold TIMEX3.

    Parameters
    ----------
    path : path-like
        A MEANTIME ``.xml`` file.
    max_sentences : int, optional
        Keep only sentences numbered below this (MEANTIME annotates TIMEX3 in the
        title and the first five sentences only: ``max_sentences=6``).
    """
    path = Path(path)
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    position = 0
    tokens: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    sentences: list[list[int]] = []
    previous = None
    current = None
    open_double = False  # inside “...” at this point of the text

    def emit(piece: str) -> None:
        nonlocal position
        pieces.append(piece)
        position += len(piece)

    for token in root.iter("token"):
        sentence = int(token.get("sentence"))
        if max_sentences is not None and sentence >= max_sentences:
            break
        word = token.text or ""
        if sentence != current:
            if current is not None:
                sentences[-1][1] = position
                if current <= DATELINE_SENTENCE or not open_double:
                    emit("\n\n")
                else:
                    emit(" ")
            sentences.extend([[position, position]] * 0)
            while len(sentences) < sentence:  # sentence numbers with no tokens keep their place
                sentences.append([position, position])
            sentences.append([position, position])
            current = sentence
        else:
            closing = word in NO_SPACE_BEFORE or (word == '"' and open_double)
            after_opening = previous in NO_SPACE_AFTER or (previous == '"' and open_double)
            if not closing and not after_opening:
                emit(" ")
        printed = _printed(word, open_double)
        if word in ("``", '"') and printed == "“":
            open_double = True
        elif word in ("''",) or (word == '"' and printed == "”"):
            open_double = False
        tokens[token.get("t_id")] = (position, position + len(printed))
        sentence_of[token.get("t_id")] = sentence
        emit(printed)
        previous = word
    if sentences:
        sentences[-1][1] = position
    text = "".join(pieces)

    timexes, dct, dct_span = [], None, None
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        if markable.tag != "TIMEX3":
            continue
        ids = [a.get("t_id") for a in markable.findall("token_anchor")]
        present = bool(ids) and all(i in tokens for i in ids)
        if markable.get("functionInDocument") == "CREATION_TIME":
            dct = markable.get("value")
            if present:
                dct_span = (tokens[ids[0]][0], tokens[ids[-1]][1])
            continue
        if not present:
            continue
        start, end = tokens[ids[0]][0], tokens[ids[-1]][1]
        timexes.append({"start": start, "end": end, "text": text[start:end], "type": markable.get("type"),
                        "value": markable.get("value"), "sentence": sentence_of[ids[0]]})
    return MeantimeDocument(doc_id=path.stem, text=text, tokens=tokens,
                            sentences=[tuple(s) for s in sentences], dct=dct, dct_span=dct_span,
                            timexes=timexes, url=root.get("url", ""))


def meantime_files(folder) -> list[Path]:
    """The 120 article files of ``meantime_en/`` (or of its ``intra-doc_annotation/``), sorted by path."""
    folder = Path(folder)
    if (folder / "intra-doc_annotation").is_dir():
        folder = folder / "intra-doc_annotation"
    return sorted(folder.glob("*/*.xml"))


def read_meantime(folder, max_sentences: int | None = None) -> list[MeantimeDocument]:
    """Every article of a ``meantime_en/`` folder, rebuilt with :func:`read_meantime_file`."""
    return [read_meantime_file(f, max_sentences) for f in meantime_files(folder)]


def write_meantime_folder(docs, folder) -> Path:
    """Write MEANTIME articles as a user's corpus: one ``.txt`` per article and a ``manifest.csv``.

    For trying the command line and the notebooks on real news outside the project; the folder
    is the caller's and is not part of the project (the texts are CC BY 4.0, see MEANTIME's
    LICENSE.txt, and must keep that attribution when shared).

    Parameters
    ----------
    docs : iterable of MeantimeDocument
    folder : path-like
        Created when missing; existing files of the same names are replaced.

    Returns
    -------
    Path
        The folder. ``manifest.csv`` has ``file, doc_id, outlet, url, published, published_note``
        with ``outlet`` "Wikinews" and ``published`` the document creation time.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for doc in docs:
        name = f"{doc.doc_id}.txt"
        (folder / name).write_text(doc.text + "\n", encoding="utf-8")
        published = (doc.dct or "")[:10]
        rows.append({"file": name, "doc_id": doc.doc_id.split("_", 1)[0], "outlet": "Wikinews", "url": doc.url,
                     "published": published, "published_note": "MEANTIME document creation time"})
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else ["file"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder
