"""Character offsets for hand annotations of MEANTIME quotes, from (string, occurrence).

The annotator chooses exact strings; this script finds them in the text rebuilt by
:func:`analysis_helpers.evaluation.meantime.read_meantime_file` and writes offsets, or checks
offsets already written. No article text is stored here.

Build mode reads a spec CSV with columns ``doc_id, text, occurrence, kind, unclosed, cue,
cue_occurrence, speaker_mention, mention_occurrence, speaker, speaker_type, note``:

- ``occurrence`` is the 1-based occurrence of ``text`` in the article; empty means it must be unique.
- ``cue_occurrence`` empty: the occurrence of ``cue`` nearest to the quote span.
- ``mention_occurrence`` empty: the occurrence of ``speaker_mention`` nearest to the cue (or to the
  quote when there is no cue).

Usage::

    PYTHONPATH=src python benchmarks/annotation_offsets_meantime.py build SPEC.csv OUT.csv [--show]
    PYTHONPATH=src python benchmarks/annotation_offsets_meantime.py verify OUT.csv [ARTICLES.csv]
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from analysis_helpers.evaluation.meantime import meantime_files, read_meantime_file

MEANTIME = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timeline" / "meantime_en"
COLUMNS = ["doc_id", "start", "end", "text", "kind", "unclosed", "cue_start", "cue_end", "cue",
           "mention_start", "mention_end", "speaker_mention", "speaker", "speaker_type", "note"]
KINDS = {"direct", "partial", "indirect", "label"}
SPEAKER_TYPES = {"", "person", "group", "organisation", "document"}


def texts(folder=MEANTIME) -> dict[str, str]:
    return {f.stem: read_meantime_file(f).text for f in meantime_files(folder)}


def occurrences(text: str, s: str) -> list[int]:
    """Start offsets of ``s`` in ``text``, not inside a longer word ("he" is not found in "the")."""
    pattern = (r"(?<!\w)" if s[:1].isalnum() else "") + re.escape(s) + (r"(?!\w)" if s[-1:].isalnum() else "")
    return [m.start() for m in re.finditer(f"(?={pattern})", text)]


def locate(text: str, s: str, occurrence: str = "", near: tuple[int, int] | None = None) -> tuple[int, int]:
    """Offsets of ``s``: its ``occurrence``-th match (1-based), else the only match, else the match nearest
    to ``near`` (in the same paragraph when there is one)."""
    found = occurrences(text, s)
    if not found:
        raise ValueError(f"not found: {s!r}")
    if occurrence:
        n = int(occurrence)
        if n > len(found):
            raise ValueError(f"only {len(found)} occurrence(s) of {s!r}")
        start = found[n - 1]
    elif len(found) == 1:
        start = found[0]
    elif near is None:
        raise ValueError(f"{len(found)} occurrences of {s!r}: give one")
    else:
        def distance(i):  # same paragraph first, then the nearest
            j = i + len(s)
            other_paragraph = "\n\n" in text[min(i, near[0]):max(j, near[1])]
            return other_paragraph, max(near[0] - j, i - near[1], 0)
        start = min(found, key=distance)
    return start, start + len(s)


def build(spec_path, out_path, show=False):
    docs = texts()
    rows, errors = [], 0
    for n, spec in enumerate(csv.DictReader(open(spec_path, encoding="utf-8", newline="")), 2):
        try:
            row = build_row(docs[spec["doc_id"]], spec, show)
        except ValueError as error:
            errors += 1
            print(f"ERROR spec line {n} ({spec['doc_id'][:30]}): {error}")
            continue
        rows.append(row)
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    problems = verify(out_path, docs=docs)
    print(f"{len(rows)} rows written, {errors} spec error(s), {problems} problem(s)")


def build_row(doc, spec, show=False):
    """One output row from one spec row (raises ValueError when a string cannot be placed)."""
    start, end = locate(doc, spec["text"], spec["occurrence"])
    row = dict.fromkeys(COLUMNS, "")
    row.update(doc_id=spec["doc_id"], start=start, end=end, text=spec["text"], kind=spec["kind"],
               unclosed="True" if spec.get("unclosed", "").strip().lower() in ("true", "1", "y") else "False",
               speaker=spec["speaker"], speaker_type=spec["speaker_type"], note=spec.get("note", ""))
    anchor = (start, end)
    if spec["cue"]:
        cs, ce = locate(doc, spec["cue"], spec["cue_occurrence"], (start, end))
        row.update(cue_start=cs, cue_end=ce, cue=spec["cue"])
        anchor = (cs, ce)
    if spec["speaker_mention"]:
        ms, me = locate(doc, spec["speaker_mention"], spec["mention_occurrence"], anchor)
        row.update(mention_start=ms, mention_end=me, speaker_mention=spec["speaker_mention"])
    if show:
        print(f"{spec['doc_id'][:30]} [{row['kind']}] Q={doc[start:end][:60]!r}")
        if row["cue"]:
            print(f"    cue ...{doc[max(0, row['cue_start'] - 30):row['cue_end'] + 10]!r}")
        if row["speaker_mention"]:
            print(f"    who ...{doc[max(0, row['mention_start'] - 20):row['mention_end'] + 20]!r} -> {row['speaker']}")
    return row


def verify(path, articles=None, docs=None) -> int:
    docs = docs if docs is not None else texts()
    problems = 0

    def bad(msg):
        nonlocal problems
        problems += 1
        print("PROBLEM:", msg)

    rows = list(csv.DictReader(open(path, encoding="utf-8", newline="")))
    for n, row in enumerate(rows, 2):
        doc = docs.get(row["doc_id"])
        if doc is None:
            bad(f"line {n}: unknown doc_id {row['doc_id']}")
            continue
        for s, e, t in (("start", "end", "text"), ("cue_start", "cue_end", "cue"),
                        ("mention_start", "mention_end", "speaker_mention")):
            if row[s] == "" and row[e] == "" and row[t] == "":
                continue
            if doc[int(row[s]):int(row[e])] != row[t]:
                bad(f"line {n}: {t} {row[t]!r} != text[{row[s]}:{row[e]}] {doc[int(row[s]):int(row[e])]!r}")
        if row["kind"] not in KINDS:
            bad(f"line {n}: kind {row['kind']!r}")
        if row["unclosed"] not in ("True", "False"):
            bad(f"line {n}: unclosed {row['unclosed']!r}")
        if row["speaker_type"] not in SPEAKER_TYPES:
            bad(f"line {n}: speaker_type {row['speaker_type']!r}")
        if row["kind"] == "label" and (row["cue"] or row["speaker"]):
            bad(f"line {n}: a label has a cue or speaker")
        if bool(row["speaker"]) != bool(row["speaker_type"]):
            bad(f"line {n}: speaker and speaker_type must be both present or both absent")
    if articles:
        listed = {r["doc_id"] for r in csv.DictReader(open(articles, encoding="utf-8", newline=""))}
        for row in rows:
            if row["doc_id"] not in listed:
                bad(f"{row['doc_id']} has rows but is not listed in {articles}")
        for d in listed - set(docs):
            bad(f"unknown article {d}")
    return problems


if __name__ == "__main__":
    mode, *args = sys.argv[1:]
    if mode == "build":
        build(args[0], args[1], show="--show" in args)
    elif mode == "verify":
        count = verify(args[0], args[1] if len(args) > 1 else None)
        print(f"{count} problem(s)")
        sys.exit(1 if count else 0)
    else:
        sys.exit(__doc__)
