"""Write data/annotations/timexes.csv from hand-chosen strings: (doc, unique context, expression, labels).

The expressions were chosen by reading the seed texts (see data/annotations/timexes.md); this script
only turns each (context, expression) pair into offsets and checks ``text[start:end]``.
Usage: PYTHONPATH=src python benchmarks/make_timexes_gold.py
"""

from __future__ import annotations

from analysis_helpers import open_corpus, paths
from analysis_helpers.corpus.blocks import attach_block

import pandas as pd

RUSSIAN_INVASION = "event: Russia's full-scale invasion of Ukraine"
GOLD = [
    # doc, context (unique in the text), expression inside it, type, value, mod, anchor, note
    ("000", "sitting at the table now,", "now", "DATE", "PRESENT_REF", "", "document date", "quoted speech"),
    ("000", "in Brussels on Thursday", "Thursday", "DATE", "2025-02-13", "", "document date",
     "no verb; the press conference of the publication day"),
    ("001", "On February 10, 2025,", "February 10, 2025", "DATE", "2025-02-10", "", "absolute",
     "the article's error: Trump spoke on 12-13 Feb"),
    ("001", "In a recent development", "recent", "DATE", "PAST_REF", "", "document date", ""),
    ("001", "return to pre-2014 borders", "pre-2014", "DATE", "2014", "BEFORE", "absolute", ""),
    ("001", "his recent demands", "recent", "DATE", "PAST_REF", "", "document date", ""),
    ("001", "Last year, Putin stated", "Last year", "DATE", "2024", "", "document date", ""),
    ("001", "areas not currently under", "currently", "DATE", "PRESENT_REF", "", "document date", ""),
    ("001", "On Wednesday, Defense Secretary", "Wednesday", "DATE", "2025-02-12", "", "document date",
     "past tense: ruled out"),
    ("001", "Ukraine since the Russian invasion, with", "the Russian invasion", "DATE", "2022-02-24", "",
     RUSSIAN_INVASION, "after the signal since"),
    ("001", "over a period of three years", "three years", "DURATION", "P3Y", "", "absolute", ""),
    ("001", "The discussion on Thursday will", "Thursday", "DATE", "2025-02-13", "", "document date",
     "future tense: the next Thursday from the publication day"),
    ("001", "budgets since the Russian invasion", "the Russian invasion", "DATE", "2022-02-24", "",
     RUSSIAN_INVASION, ""),
    ("001", "currently spending around", "currently", "DATE", "PRESENT_REF", "", "document date", ""),
    ("001", "their current financial", "current", "DATE", "PRESENT_REF", "", "document date", ""),
    ("001", "providing annual defense", "annual", "SET", "P1Y", "", "absolute", ""),
    ("001", "since Russia’s full-scale invasion", "Russia’s full-scale invasion", "DATE", "2022-02-24", "",
     RUSSIAN_INVASION, ""),
    ("001", "drones within a year", "a year", "DURATION", "P1Y", "EQUAL_OR_LESS", "absolute",
     "signal within outside the span"),
    ("001", "destroyed by months of Russian", "months", "DURATION", "PXM", "", "absolute", ""),
    ("002", "on the phone on Wednesday and", "Wednesday", "DATE", "XXXX-WXX-3", "", "document date",
     "past tense (had spoken); undated document: no calendar day"),
    ("002", "to the pre-2014 configuration", "pre-2014", "DATE", "2014", "BEFORE", "absolute", ""),
    ("002", "invasion in February 2022", "February 2022", "DATE", "2022-02", "", "absolute", "a month, not a day"),
    ("003", "in Brussels on Wednesday, calling", "Wednesday", "DATE", "XXXX-WXX-3", "", "document date",
     "undated document: no calendar day"),
    ("003", "Ukraine to its pre-2014 borders", "pre-2014", "DATE", "2014", "BEFORE", "absolute",
     "added on review: missed in the first reading"),
    ("004", "After the NATO meeting on 13 February 2025", "13 February 2025", "DATE", "2025-02-13", "",
     "absolute", ""),
    ("004", "to the table right now is", "right now", "DATE", "PRESENT_REF", "", "document date", "quoted speech"),
    ("004", "to be in 2014, is", "2014", "DATE", "2014", "", "absolute", "quoted speech"),
    ("004", "in the long term", "the long term", "DATE", "FUTURE_REF", "", "document date", "quoted speech"),
]


def main() -> None:
    corpus = open_corpus()
    rows = []
    for doc, context, target, kind, value, mod, anchor, note in GOLD:
        text = corpus.text_of(doc)
        assert text.count(context) == 1, (doc, context, text.count(context))
        start = text.index(context) + context.index(target)
        end = start + len(target)
        assert text[start:end] == target
        rows.append({"doc_id": doc, "start": start, "end": end, "text": target, "type": kind, "value": value,
                     "mod": mod, "anchor": anchor, "note": note})
    gold = attach_block(pd.DataFrame(rows), corpus.blocks, offset_column="start")
    gold = gold.sort_values(["doc_id", "start"]).reset_index(drop=True)
    gold = gold[["doc_id", "start", "end", "text", "type", "value", "mod", "anchor", "block_id", "role", "note"]]
    gold.to_csv(paths.annotations_dir() / "timexes.csv", index=False, lineterminator="\n")
    print(f"{len(gold)} expressions written")


if __name__ == "__main__":
    main()
