"""Write data/annotations/figures.csv from hand-chosen (context, span) pairs: offsets computed and checked.

The figures were chosen by reading the five seed texts (guidelines: data/annotations/figures.md); this
script only turns each chosen string into offsets, so the gold never comes from the extractor.

    PYTHONPATH=src python benchmarks/figures_gold_offsets.py
"""

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from analysis_helpers import open_corpus  # noqa: E402

OPEN = ""  # the open side of a bound
# doc, context (unique in the text), span inside it, kind, value, low, high, bound, unit, base, note
GOLD = [
    ("001", "annexed five regions", "five", "count", 5, 5, 5, "=", "region", "", ""),
    ("001", "claims to four regions", "four", "count", 4, 4, 4, "=", "region", "", ""),
    ("001", "sum of $65.9 billion to", "$65.9 billion", "money", 65.9e9, 65.9e9, 65.9e9, "=", "USD", "",
     "US aid to Ukraine; 002 says $66.5 billion"),
    ("001", "period of three years", "three years", "duration", 3, 3, 3, "=", "year", "", ""),
    ("001", "with over two-thirds reaching", "over two-thirds", "fraction", 2 / 3, 2 / 3, OPEN, ">", "", "",
     "two-thirds of European allies"),
    ("001", "the 2% GDP target", "2%", "percent", 2, 2, 2, "=", "percent", "GDP", "NATO spending target"),
    ("001", "a notable third of members", "third", "fraction", 1 / 3, 1 / 3, 1 / 3, "=", "", "members",
     "'a' separated from the fraction word by an adjective"),
    ("001", "around 3.3% of GDP", "around 3.3%", "percent", 3.3, 3.3, 3.3, "~", "percent", "GDP",
     "US defence spending"),
    ("001", "by 11.4% as", "11.4%", "percent", 11.4, 11.4, 11.4, "=", "percent", "", "a change: increase by"),
    ("001", "the 26th Ukraine", "26th", "ordinal", 26, 26, 26, "=", "summit", "", ""),
    ("001", "worth £3 billion to", "£3 billion", "money", 3e9, 3e9, 3e9, "=", "GBP", "", "annual UK support"),
    ("001", "supplied over £1 billion in", "over £1 billion", "money", 1e9, 1e9, OPEN, ">", "GBP", "", ""),
    ("001", "deliver over 10,000 drones", "over 10,000", "count", 1e4, 1e4, OPEN, ">", "drone", "", ""),
    ("001", "drones within a year", "within a year", "duration", 1, OPEN, 1, "<=", "year", "", ""),
    ("002", "comprising approximately 50 countries", "approximately 50", "count", 50, 50, 50, "~", "country",
     "", ""),
    ("002", "with over $126 billion in", "over $126 billion", "money", 126e9, 126e9, OPEN, ">", "USD", "",
     "whole contact group's aid"),
    ("002", "contributing $66.5 billion and", "$66.5 billion", "money", 66.5e9, 66.5e9, 66.5e9, "=", "USD", "",
     "US aid to Ukraine; 001 says $65.9 billion"),
    ("002", "ranked No. 1 in", "No. 1", "rank", 1, 1, 1, "=", "", "", "in a related-article teaser"),
    ("002", "towards a 3% of GDP", "3%", "percent", 3, 3, 3, "=", "percent", "GDP", "in a related-article teaser"),
    ("002", "exceeding the 3% threshold", "3%", "percent", 3, 3, 3, "=", "percent", "",
     "in a related-article teaser; base implied, not stated"),
    ("003", "marked the 26th meeting", "26th", "ordinal", 26, 26, 26, "=", "meeting", "", ""),
    ("003", "the 2 percent of GDP", "2 percent", "percent", 2, 2, 2, "=", "percent", "GDP", ""),
    ("003", "war's third anniversary", "third", "ordinal", 3, 3, 3, "=", "anniversary", "",
     "in a related-article teaser"),
    ("004", "of one cup of coffee", "one cup", "measure", 1, 1, 1, "=", "cup", "", "in boilerplate (donation appeal)"),
]


def main() -> None:
    corpus = open_corpus(ROOT / "data" / "seeds")
    rows = []
    for doc, ctx, span, kind, value, low, high, bound, unit, base, note in GOLD:
        text = corpus.text_of(doc)
        assert text.count(ctx) == 1, (doc, ctx, text.count(ctx))
        start = text.index(ctx) + ctx.index(span)
        end = start + len(span)
        assert text[start:end] == span
        rows.append(dict(doc_id=doc, start=start, end=end, text=span, kind=kind, value=value,
                         value_low=low, value_high=high, bound=bound, unit=unit, base=base, note=note))
    rows.sort(key=lambda r: (r["doc_id"], r["start"]))
    out = ROOT / "data" / "annotations" / "figures.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} figures -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
