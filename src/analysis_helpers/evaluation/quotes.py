"""Score a ``quotes`` table against hand annotations: span P/R/F1 and speaker accuracy, by kind."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..paths import annotations_dir, shared_dir
from ..resources import aliases, person_titles
from .meantime import meantime_files, read_meantime_file
from .scoring import precision_recall_f1

#: Kind groups reported by :func:`evaluate_quotes`, in order.
KIND_GROUPS = {
    "direct": ("direct",),
    "partial": ("partial",),
    "direct+partial": ("direct", "partial"),
    "indirect": ("indirect",),
    "label": ("label",),
    "all": ("direct", "partial", "indirect", "label"),
}
MIN_COVERAGE = 0.5


#: Legal-form words after an organisation's name: "Apple Inc." and "Apple" are one canonical speaker.
_LEGAL_FORM = re.compile(r"(?:,?\s+(?:inc|incorporated|llc|ltd|limited|corp|corporation|co|plc)\.?)+$")


#: Honorifics that are never part of a canonical name ("Mr Varga" = "Varga").
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.",
                         "sir", "dame"})
_POSSESSIVE = re.compile(r"(?<=\w)'s?$")


@lru_cache(maxsize=None)
def _title_words() -> frozenset:
    """Single-word titles and their modifiers of ``person_titles.csv`` ("president", "defense")."""
    return frozenset(row["word"] for row in person_titles() if row["part"] and " " not in row["word"])


def normalise_speaker(name) -> str:
    """Speaker names compared case-blind, with white space collapsed (missing -> "").

    The same conventions apply to gold and prediction alike, each one a rule of the
    annotation guidelines (``data/annotations/quotes.md`` and ``meantime/README.md``):

    * curly and straight apostrophes are one character, a possessive ending is
      not part of the name ("Varga's" = "Varga");
    * a leading "the" is dropped (speakers are named without their article:
      "The New York Times" = "New York Times") and so are legal-form words after an
      organisation ("Apple Inc." = "Apple");
    * the speaker is the name, not the descriptor: honorifics ("Mr", "Dr") and the
      titles of ``person_titles.csv`` in front of a full name are dropped
      ("President Theo Varga" = "Theo Varga"); a title before a single word is kept
      ("General Motors" stays);
    * spellings of one person are one speaker: accents are folded ("Orbán" =
      "Orban") and the ``name`` rows of ``person_aliases.csv`` map to their canonical
      ("Zelenskyy" = "Volodymyr Zelensky").

    A surname is not its full name ("Varga" != "Theo Varga"): the guidelines ask
    for the full name as the article first gives it.
    """
    if not isinstance(name, str):
        return ""
    name = " ".join(name.replace("’", "'").split()).casefold()
    name = re.sub(r"^the\s+", "", name)
    name = _LEGAL_FORM.sub("", name) or name
    words = [_POSSESSIVE.sub("", word) for word in name.split()]
    titles = _title_words()
    while len(words) > 1 and words[0] in _HONORIFICS:
        words.pop(0)
    while len(words) > 2 and words[0] in titles:
        words.pop(0)
    name = " ".join(words)
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    canonical = _name_aliases().get(name)
    return " ".join(canonical.casefold().split()) if canonical else name


@lru_cache(maxsize=None)
def _name_aliases() -> dict:
    """``{accent-folded alias: canonical}`` of the ``name`` rows of ``person_aliases.csv``."""
    return {"".join(c for c in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(c)): canonical
            for alias, canonical in aliases(("name",)).items()}


def match_spans(predicted: pd.DataFrame, gold: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """One-to-one matches of predicted to gold spans of the same document.

    A predicted span matches a gold span when it covers at least ``min_coverage``
    of the gold span's characters; each span is used once, best coverage first.

    Returns
    -------
    DataFrame
        ``gold_index``, ``pred_index`` (index labels of the inputs) and
        ``coverage`` (share of the gold span covered, 0-1).
    """
    candidates = []
    for doc_id, g_doc in gold.groupby("doc_id", sort=True):
        p_doc = predicted[predicted["doc_id"] == doc_id]
        for gi, gs, ge in zip(g_doc.index, g_doc["start"], g_doc["end"]):
            length = max(1, ge - gs)
            for pi, ps, pe in zip(p_doc.index, p_doc["start"], p_doc["end"]):
                overlap = min(ge, pe) - max(gs, ps)
                if overlap > 0 and overlap / length >= min_coverage:
                    # prefer the pair that covers more of the gold span, then the tighter prediction
                    candidates.append((overlap / length, -abs((pe - ps) - length), gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], str(c[2]), str(c[3])))
    used_g, used_p, rows = set(), set(), []
    for coverage, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        rows.append({"gold_index": gi, "pred_index": pi, "coverage": round(coverage, 3)})
    return pd.DataFrame(rows, columns=["gold_index", "pred_index", "coverage"])


def evaluate_quotes(predicted: pd.DataFrame, gold: pd.DataFrame, *, roles=None,
                    min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """Precision, recall and F1 of quote spans and speaker accuracy, per kind group.

    Parameters
    ----------
    predicted : DataFrame
        A ``quotes`` table (``doc_id, start, end, kind, speaker``, and ``role``
        when ``roles`` is given).
    gold : DataFrame
        Hand annotations with the same columns (``data/annotations/quotes.csv``).
    roles : iterable of str, optional
        Keep only spans in blocks of these roles (both sides).
    min_coverage : float
        See :func:`match_spans`.

    Returns
    -------
    DataFrame
        One row per group of :data:`KIND_GROUPS`: ``group``, ``n_gold``,
        ``n_pred``, ``matched``, ``precision``, ``recall``, ``f1`` (0-1, 3
        decimals), ``speaker_correct`` and ``speaker_accuracy`` (share of matched
        pairs whose canonical speakers agree, empty agreeing with empty).
    """
    if roles is not None:
        roles = set(roles)
        predicted = predicted[predicted["role"].isin(roles)]
        gold = gold[gold["role"].isin(roles)]
    rows = []
    for group, kinds in KIND_GROUPS.items():
        p = predicted[predicted["kind"].isin(kinds)]
        g = gold[gold["kind"].isin(kinds)]
        pairs = match_spans(p, g, min_coverage)
        matched = len(pairs)
        precision, recall, f1 = precision_recall_f1(matched, len(p), len(g))
        correct = sum(
            normalise_speaker(g.at[gi, "speaker"]) == normalise_speaker(p.at[pi, "speaker"])
            for gi, pi in zip(pairs["gold_index"], pairs["pred_index"])
        )
        rows.append({
            "group": group, "n_gold": len(g), "n_pred": len(p), "matched": matched,
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "speaker_correct": int(correct),
            "speaker_accuracy": round(correct / matched, 3) if matched else 0.0,
        })
    return pd.DataFrame(rows)


def quote_errors(predicted: pd.DataFrame, gold: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """Every disagreement, for reading: missed gold spans, spurious predictions, wrong kind or speaker.

    Matching ignores kind here so that a kind confusion shows as such.

    Returns
    -------
    DataFrame
        ``doc_id``, ``error`` (``missed``, ``spurious``, ``kind``, ``speaker``),
        ``text`` (gold text, else predicted), ``gold_kind``, ``pred_kind``,
        ``gold_speaker``, ``pred_speaker``; sorted by doc_id and offset.
    """
    pairs = match_spans(predicted, gold, min_coverage)
    rows = []
    matched_g, matched_p = set(pairs["gold_index"]), set(pairs["pred_index"])
    for gi, pi in zip(pairs["gold_index"], pairs["pred_index"]):
        g, p = gold.loc[gi], predicted.loc[pi]
        base = {"doc_id": g["doc_id"], "start": g["start"], "text": g["text"], "gold_kind": g["kind"],
                "pred_kind": p["kind"], "gold_speaker": g["speaker"] if isinstance(g["speaker"], str) else "",
                "pred_speaker": p["speaker"]}
        if g["kind"] != p["kind"]:
            rows.append({**base, "error": "kind"})
        if normalise_speaker(g["speaker"]) != normalise_speaker(p["speaker"]):
            rows.append({**base, "error": "speaker"})
    for gi in gold.index.difference(list(matched_g)):
        g = gold.loc[gi]
        rows.append({"doc_id": g["doc_id"], "start": g["start"], "text": g["text"], "gold_kind": g["kind"],
                     "pred_kind": "", "gold_speaker": g["speaker"] if isinstance(g["speaker"], str) else "",
                     "pred_speaker": "", "error": "missed"})
    for pi in predicted.index.difference(list(matched_p)):
        p = predicted.loc[pi]
        rows.append({"doc_id": p["doc_id"], "start": p["start"], "text": p["text"], "gold_kind": "",
                     "pred_kind": p["kind"], "gold_speaker": "", "pred_speaker": p["speaker"],
                     "error": "spurious"})
    columns = ["doc_id", "error", "text", "gold_kind", "pred_kind", "gold_speaker", "pred_speaker"]
    if not rows:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(rows).sort_values(["doc_id", "start", "error"], kind="stable").reset_index(drop=True)
    return out[columns]


def read_gold_quotes(path=None) -> pd.DataFrame:
    """The hand annotations ``data/annotations/quotes.csv`` (speaker as "" when empty)."""
    path = path or annotations_dir() / "quotes.csv"
    gold = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    return gold.astype({"start": "int64", "end": "int64"})


# ---------------------------------------------------------------- MEANTIME (real published news)

#: Kinds of quotes in quotation marks (speaker accuracy is reported on these).
IN_MARKS = ("direct", "partial")
#: Columns of the MEANTIME quote annotations (``data/annotations/meantime/README.md``).
MEANTIME_GOLD_COLUMNS = [
    "doc_id", "start", "end", "text", "kind", "unclosed", "cue_start", "cue_end", "cue", "mention_start",
    "mention_end", "speaker_mention", "speaker", "speaker_type", "note",
]


def meantime_folder():
    """``meantime_en/`` under ``paths.shared_dir()``, or None when ``../shared`` is absent."""
    shared = shared_dir()
    folder = shared / "data" / "timeline" / "meantime_en" if shared else None
    return folder if folder is not None and folder.is_dir() else None


def meantime_split(annotations=None) -> pd.DataFrame:
    """``data/annotations/meantime/split.csv``: ``doc_id, corpus, half`` (``dev`` or ``test``)."""
    folder = annotations or annotations_dir() / "meantime"
    return pd.read_csv(folder / "split.csv", dtype=str, keep_default_na=False)


def meantime_articles(folder=None, half: str | None = None, annotations=None) -> pd.DataFrame:
    """MEANTIME articles as an ``articles`` DataFrame (``doc_id``, ``text``), ready for ``open_corpus``.

    Texts are rebuilt by :func:`~analysis_helpers.evaluation.meantime.read_meantime_file`,
    the function the annotations' offsets refer to.

    Parameters
    ----------
    folder : path-like, optional
        ``meantime_en/`` (default :func:`meantime_folder`).
    half : {"dev", "test"}, optional
        Only the articles of this half of ``split.csv`` (default: all 120).
    annotations : path-like, optional
        The folder holding ``split.csv`` (default ``data/annotations/meantime``).

    Raises
    ------
    FileNotFoundError
        When no MEANTIME folder is given or found.
    """
    folder = folder or meantime_folder()
    if folder is None:
        raise FileNotFoundError("MEANTIME not found: ../shared/data/timeline/meantime_en/ is absent")
    keep = None
    if half is not None:
        split = meantime_split(annotations)
        keep = set(split.loc[split["half"] == half, "doc_id"])
    records = []
    for path in meantime_files(folder):
        if keep is not None and path.stem not in keep:
            continue
        document = read_meantime_file(path)
        records.append({"doc_id": document.doc_id, "text": document.text})
    return pd.DataFrame(records, columns=["doc_id", "text"])


def read_meantime_gold_quotes(folders=None) -> pd.DataFrame:
    """Hand-annotated quotes of the completely annotated MEANTIME articles.

    Reads ``quotes.csv`` and ``quotes_articles.csv`` of each folder; when a
    folder has no merged ``quotes.csv``, its annotators' part files
    (``quotes_<part>.csv`` with ``quotes_articles_<part>.csv``) instead. Only
    rows of articles listed as complete are kept.

    Parameters
    ----------
    folders : list of path-like, optional
        Default ``[data/annotations/meantime]``.

    Returns
    -------
    DataFrame
        :data:`MEANTIME_GOLD_COLUMNS` (offsets as int64, -1 when absent; text
        columns "" when empty); ``attrs["complete"]`` is the sorted list of
        completely annotated ``doc_id``.
    """
    folders = [Path(f) for f in (folders or [annotations_dir() / "meantime"])]
    frames, complete = [], set()
    for folder in folders:
        pairs = []
        if (folder / "quotes.csv").is_file():
            pairs.append((folder / "quotes.csv", folder / "quotes_articles.csv"))
        else:
            for part in sorted(folder.glob("quotes_articles_*.csv")):
                rows = folder / ("quotes_" + part.name[len("quotes_articles_"):])
                pairs.append((rows, part))
        for rows, listed in pairs:
            if not rows.is_file() or not listed.is_file():
                continue
            done = set(pd.read_csv(listed, dtype=str, keep_default_na=False)["doc_id"])
            table = pd.read_csv(rows, dtype=str, keep_default_na=False)
            frames.append(table[table["doc_id"].isin(done)])
            complete |= done
    gold = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=MEANTIME_GOLD_COLUMNS)
    for column in MEANTIME_GOLD_COLUMNS:
        if column not in gold:
            gold[column] = ""
    for column in ("start", "end", "cue_start", "cue_end", "mention_start", "mention_end"):
        gold[column] = pd.to_numeric(gold[column].replace("", "-1")).astype("int64")
    gold = gold[MEANTIME_GOLD_COLUMNS].drop_duplicates(["doc_id", "start", "end", "kind"])
    gold = gold.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    gold.attrs["complete"] = sorted(complete)
    return gold


#: Causes of a wrong speaker on a quote in marks, in the order :func:`speaker_error_causes` tests them.
ERROR_CAUSES = ("no speaker", "speaker where none", "group vs person", "wrong person")
_PERSONAL = frozenset({"person"})


def speaker_error_causes(predicted: pd.DataFrame, gold: pd.DataFrame,
                         min_coverage: float = MIN_COVERAGE) -> pd.DataFrame:
    """Every matched quote in marks whose speaker is wrong, with the cause.

    Causes: ``no speaker`` (the gold names one, the prediction none),
    ``speaker where none`` (the reverse), ``group vs person`` (one side a
    person, the other a group, organisation or document), ``wrong person``
    (both name someone, not the same).

    Parameters
    ----------
    predicted : DataFrame
        A ``quotes`` table (``speaker_type`` used when present).
    gold : DataFrame
        With ``speaker`` and ``speaker_type`` (the MEANTIME annotations).

    Returns
    -------
    DataFrame
        ``doc_id``, ``start``, ``cause``, ``text``, ``gold_speaker``,
        ``gold_type``, ``pred_speaker``, ``pred_type``, ``speaker_method``,
        ``speaker_confidence`` (NaN when absent), sorted by doc_id and start.
    """
    p = predicted[predicted["kind"].isin(IN_MARKS)]
    g = gold[gold["kind"].isin(IN_MARKS)]
    pairs = match_spans(p, g, min_coverage)
    rows = []
    for gi, pi in zip(pairs["gold_index"], pairs["pred_index"]):
        gs, ps = g.at[gi, "speaker"], p.at[pi, "speaker"]
        if normalise_speaker(gs) == normalise_speaker(ps):
            continue
        g_type = g.at[gi, "speaker_type"] if "speaker_type" in g else ""
        p_type = p.at[pi, "speaker_type"] if "speaker_type" in p else ""
        if not normalise_speaker(ps):
            cause = "no speaker"
        elif not normalise_speaker(gs):
            cause = "speaker where none"
        elif (g_type in _PERSONAL) != (p_type in _PERSONAL) and g_type and p_type:
            cause = "group vs person"
        else:
            cause = "wrong person"
        rows.append({
            "doc_id": g.at[gi, "doc_id"], "start": int(g.at[gi, "start"]), "cause": cause,
            "text": g.at[gi, "text"], "gold_speaker": gs, "gold_type": g_type, "pred_speaker": ps,
            "pred_type": p_type, "speaker_method": p.at[pi, "speaker_method"],
            "speaker_confidence": p.at[pi, "speaker_confidence"] if "speaker_confidence" in p else float("nan"),
        })
    columns = ["doc_id", "start", "cause", "text", "gold_speaker", "gold_type", "pred_speaker", "pred_type",
               "speaker_method", "speaker_confidence"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)


def error_cause_table(errors: pd.DataFrame, n_matched: int) -> pd.DataFrame:
    """Counts of :func:`speaker_error_causes` by cause: ``cause``, ``n``, ``share_of_matched`` (0-1)."""
    counts = errors["cause"].value_counts() if len(errors) else pd.Series(dtype="int64")
    return pd.DataFrame({
        "cause": list(ERROR_CAUSES),
        "n": [int(counts.get(c, 0)) for c in ERROR_CAUSES],
        "share_of_matched": [round(counts.get(c, 0) / n_matched, 3) if n_matched else 0.0 for c in ERROR_CAUSES],
    })
