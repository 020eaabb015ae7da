"""Write data/annotations/topics.csv from hand-chosen labels of the seeds' body paragraphs.

Each label below was chosen by reading the paragraph (see topics.md). A
paragraph is found by the words it opens with; its span runs to the end of
its line. Offsets are computed here and checked: text[start:end] == text.
"""
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from analysis_helpers.corpus import read_articles  # noqa: E402

# (doc_id, opening words, topic, secondary topic or "", note)
LABELS = [
    ("000", "In a firm rejection of the notion", "negotiating_strength", "", ""),
    ("000", "Hegseth emphasized that Putin is open", "negotiating_strength", "", ""),
    ("000", "During the press conference at the NATO summit", "off_topic", "", "sentence fragment, no topic of its own"),
    ("000", "Hegseth also stressed the need to restore", "european_spending", "", ""),
    ("000", "However, Hegseth was clear in his stance", "european_spending", "", "Europe's larger role in its own defence"),
    ("000", "This statement from Hegseth comes at a time", "off_topic", "", "generic commentary with no fact"),
    ("001", "Defense Secretary Pete Hegseth emphasized the importance", "european_spending", "negotiating_strength", "last sentence on negotiating from strength"),
    ("001", "Defense Secretary Pete Hegseth asserted that the U.S. would not", "european_spending", "peace_terms", ""),
    ("001", "On February 10, 2025, President Trump made", "peace_terms", "aid", "Ukraine in NATO unlikely, realities on the ground; aid burden"),
    ("001", "The new Defense Secretary, Pete Hegseth, echoed", "european_spending", "", ""),
    ("001", "In a recent development, former US President", "peace_terms", "", "no US troops, pre-2014 borders, talks with Putin"),
    ("001", "Washington’s allies are on edge", "peace_terms", "", "pre-war borders unrealistic"),
    ("001", "Last year, Putin stated that a deal", "peace_terms", "", "territorial claims, security guarantees, NATO membership"),
    ("001", "On Wednesday, Defense Secretary Pete Hegseth ruled out", "peace_terms", "", ""),
    ("001", "The United States has provided substantial financial", "aid", "european_spending", "first half aid sums, second half the 2% target"),
    ("001", "NATO leaders are expected to agree on new spending", "european_spending", "", ""),
    ("001", "NATO Secretary General Mark Rutte chaired", "aid", "", "UK aid package; war news at the end"),
    ("002", "U.S. Defense Secretary Pete Hegseth emphasized that any peace", "peace_terms", "", ""),
    ("002", "Hegseth's remarks came shortly before", "peace_terms", "aid", "long block: talks, borders, troops, then aid share and spending"),
    ("003", "Defense Secretary Pete Hegseth delivered a stark message", "peace_terms", "", "end of the war through negotiation"),
    ("003", "He underscored President Trump's commitment", "peace_terms", "european_spending", "long block: borders, NATO membership, troops, energy prices, then spending"),
    ("004", "United States Defense Secretary Pete Hegseth responded", "negotiating_strength", "", ""),
    ("004", "Hegseth framed Trump’s strategy as one of strength", "negotiating_strength", "", ""),
    ("004", "After the NATO meeting on 13 February 2025", "negotiating_strength", "", ""),
    ("004", "Hegseth says that Putin is ready for talks", "negotiating_strength", "", ""),
    ("004", "The US Defense Secretary was also asked why any peacekeeping", "peace_terms", "", "Article 5 and peacekeepers"),
    ("004", "”I think realism is an important part", "negotiating_strength", "peace_terms", "borders named only to deny a concession"),
    ("004", "Hegseth continued, noting that", "negotiating_strength", "peace_terms", "realities on the ground"),
    ("004", "Trump’s defense secretary said that ”It’s just a cheap", "negotiating_strength", "", ""),
    ("004", "He suggests that a promise of an US involvement", "peace_terms", "aid", "investment as a security guarantee"),
    ("004", "”So I just reject, on its face", "negotiating_strength", "", ""),
    ("004", "Asked if he could guarantee that no deal is forced", "negotiating_strength", "peace_terms", "who leads the talks"),
    ("004", "Regarding Europe, Hegseth said that the US", "european_spending", "", ""),
]


def main():
    articles, _ = read_articles(ROOT / "data" / "seeds")
    texts = dict(zip(articles["doc_id"], articles["text"]))
    rows = []
    for doc_id, opening, topic, secondary, note in LABELS:
        text = texts[doc_id]
        start = text.find(opening)
        assert start >= 0 and text.find(opening, start + 1) < 0, (doc_id, opening)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        while end > start and text[end - 1].isspace():
            end -= 1
        rows.append({"doc_id": doc_id, "start": start, "end": end, "text": text[start:end],
                     "topic": topic, "secondary_topic": secondary, "note": note})
    rows.sort(key=lambda r: (r["doc_id"], r["start"]))
    for r in rows:
        assert texts[r["doc_id"]][r["start"]:r["end"]] == r["text"]
    out = ROOT / "data" / "annotations" / "topics.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
