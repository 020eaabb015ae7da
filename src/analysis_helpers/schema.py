# Above 400 lines: one declaration per column of the 18 tables; the contract stays in one file on purpose.
"""The table contract of ``analysis-helpers extract``: every table, its columns, dtypes and ids.

One home for what a researcher needs to read any CSV the tool writes: each
table's columns in order, their dtype and meaning (with units), how rows are
identified and ordered, and the block role names. A test checks every table
``extract`` writes against this module, and ``docs/tables.md`` is generated
from it::

    python -m analysis_helpers.schema --markdown docs/tables.md

Conventions shared by every table
---------------------------------
- Offsets (``start``, ``end`` and ``*_start``, ``*_end``) are character
  positions in the article's ``text`` (Python ``str`` indices, end exclusive):
  ``text[start:end]`` is exactly what the row reports.
- Missing values: a missing integer reference (no block, no sentence, no cue,
  no cluster) is ``-1``, never empty, so integer columns stay integers; a
  missing string is the empty string ``""``; a missing number (an open range
  end) is ``NaN``, an empty cell in the CSV. Booleans are never missing.
- ``doc_id`` is text (``"001"`` keeps its zeros): read CSVs back with
  ``dtype={"doc_id": str}`` or with :func:`read_table`.

This module imports nothing from the package, so every module can read it.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

#: Every role a block can have, in the order the documentation lists them.
ROLES = (
    "headline", "standfirst", "byline", "body", "caption", "related",
    "boilerplate", "tags", "duplicate", "stray",
)
#: Roles whose text is the article itself (what analyses count by default).
ARTICLE_ROLES = ("headline", "standfirst", "body")

ROLE_MEANINGS = {
    "headline": "the article's title",
    "standfirst": "the summary paragraph under the headline",
    "byline": "author, date or place stamp",
    "body": "a paragraph of the article's own text",
    "caption": "a photo or video caption or credit",
    "related": "a link to another article (\"Read more: ...\")",
    "boilerplate": "site furniture: subscription, donation, cookie, share prompts",
    "tags": "a list of topic tags",
    "duplicate": "a repeat of an earlier block of the same article",
    "stray": "anything else that is not the article (menus, fragments)",
}

#: Dtypes a column can have, as pandas names them.
DTYPES = ("str", "int64", "float64", "bool")

#: Missing value of each dtype (see the module docstring).
MISSING = {"str": '""', "int64": "-1", "float64": "NaN", "bool": "never missing"}


@dataclass(frozen=True)
class Column:
    """One column: its name, dtype (one of :data:`DTYPES`), meaning and, for ids, a pattern."""

    name: str
    dtype: str
    meaning: str
    pattern: str = ""  # regular expression every value matches (written as str); "" = no check
    nullable: bool = False  # may hold the dtype's missing value (see MISSING)


@dataclass(frozen=True)
class Table:
    """One table ``extract`` writes as ``NAME.csv``."""

    name: str
    description: str
    key: tuple[str, ...]
    order: tuple[str, ...]
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: c.dtype for c in self.columns}


def _c(name, dtype, meaning, pattern="", nullable=False) -> Column:
    return Column(name, dtype, meaning, pattern, nullable)


_DOC = _c("doc_id", "str", "the article's id (file name stem, or the manifest's doc_id)", r"[^\n]+")
_START = _c("start", "int64", "first character of the span in the article's text (offset)", r"\d+")
_END = _c("end", "int64", "character after the span (offset, exclusive)", r"\d+")
_BLOCK = _c("block_id", "int64", "block holding the span's start (blocks.block_id); -1 when none",
            r"-1|\d+", nullable=True)
_SENT = _c("sent_id", "int64", "sentence holding the span's start (sentences.sent_id); -1 when none",
           r"-1|\d+", nullable=True)
_ROLE = _c("role", "str", "role of that block (see the role names); empty when none", "|" + "|".join(ROLES),
           nullable=True)
_TOPIC = _c("topic_id", "int64", "topic (topics.topic_id)", r"\d+")
_DATE = r"|\d{4}-\d{2}-\d{2}"
#: ``outlet`` and ``published`` of the row's article (articles.outlet, articles.published), appended to every
#: table with a ``doc_id`` (see :data:`ARTICLE_COLUMNS`).
_OUTLET = _c("outlet", "str", "the article's publisher (articles.outlet, from the manifest); empty without one",
             nullable=True)
_PUBLISHED = _c("published", "str", "the article's publication date (articles.published, from the manifest), "
                "ISO YYYY-MM-DD; empty without one", _DATE, nullable=True)
_BY_ARTICLE = (_OUTLET, _PUBLISHED)
_FIGURE_KINDS = r"money|percent|count|fraction|ordinal|rank|duration|measure|ratio"
_BOUNDS = r"=|~|>|<|>=|<="


def _group(member: str) -> Column:
    """``group_id`` of a table of groups of ``member``s across articles."""
    return _c("group_id", "int64", f"the group, from 1, in order of the groups' first {member} (doc_id, start)",
              r"\d+")
#: The columns of the articles table joined (by doc_id) onto the end of every other table with a doc_id.
ARTICLE_COLUMNS = ("outlet", "published")

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("articles", "One row per article read.", ("doc_id",), ("doc_id",), (
        _DOC,
        _c("file", "str", "file name inside the input folder"),
        _c("title", "str", "first non-blank line of the text (a scrape's headline in most layouts)"),
        _c("outlet", "str", "publisher, from the manifest", nullable=True),
        _c("url", "str", "page address, from the manifest", nullable=True),
        _c("published", "str", "publication date from the manifest, ISO YYYY-MM-DD",
           r"|\d{4}-\d{2}-\d{2}", nullable=True),
        _c("text", "str", "the decoded article text that every offset indexes"),
        _c("n_chars", "int64", "length of text in characters", r"\d+"),
        _c("n_words", "int64", "word tokens in text", r"\d+"),
        _c("published_note", "str", "how the date is known or why it is missing", nullable=True),
        _c("encoding", "str", "encoding the file was decoded from (utf-8, cp1252...)"),
        _c("changes", "str", "what decoding changed, ';'-separated", nullable=True),
    )),
    Table("blocks", "One row per non-blank line of an article, with its role.", ("doc_id", "block_id"),
          ("doc_id", "block_id"), (
        _DOC,
        _c("block_id", "int64", "position of the block in its article, from 0", r"\d+"),
        _START, _END,
        _c("text", "str", "the block, equal to text[start:end] of the article"),
        _c("role", "str", "what the block is (see the role names)", "|".join(ROLES)),
        _c("role_rule", "str", "the rule that gave the role"),
        *_BY_ARTICLE,
    )),
    Table("sentences", "One row per sentence (NLTK Punkt) of every block; a run of more than 2,000 characters "
          "with no sentence end is cut at the last space before the limit (corpus.sentences.MAX_SENTENCE_CHARS).",
          ("doc_id", "sent_id"), ("doc_id", "sent_id"), (
        _DOC,
        _c("block_id", "int64", "block holding the sentence (a sentence never crosses blocks)", r"\d+"),
        _c("sent_id", "int64", "position of the sentence in its article, from 0", r"\d+"),
        _START, _END,
        _c("text", "str", "the sentence, equal to text[start:end] of the article"),
        _c("role", "str", "role of its block", "|".join(ROLES)),
        *_BY_ARTICLE,
    )),
    Table("problems", "Files not read (severity error), read with a change (warning), articles a step "
          "failed on (error, with step and error), or warnings about the whole corpus (file '(corpus)', step "
          "topics: k at the edge of its range, a topic of fewer than three paragraphs, too few paragraphs or "
          "articles for a topic model). Sorted by every column, so the rows come in one order whatever the "
          "chunk size, the number of workers or the engine: a file's reading and step problems together, "
          "'(corpus)' rows first.",
          ("file", "severity", "problem"), ("file", "severity", "problem", "step", "error"), (
        _c("file", "str", "file name inside the input folder (or the folder itself)"),
        _c("severity", "str", "error (not read, or a step failed) or warning (read; see problem)",
           r"error|warning"),
        _c("problem", "str", "what happened, in words"),
        _c("step", "str", "the pipeline step that failed on the file's article; empty for reading problems",
           nullable=True),
        _c("error", "str", "the exception's class name when a step failed; empty otherwise", nullable=True),
    )),
    Table("quotes", "Quotations and reported speech, with cue and speaker.", ("quote_id",), ("doc_id", "start"), (
        _DOC,
        _c("quote_id", "str", "DOC-qNNN: doc_id, '-q', number in reading order from 001", r"[^\n]+-q\d{3,}"),
        _START, _END,
        _c("text", "str", "the quoted words, marks excluded (text[start:end])"),
        _c("kind", "str", "direct (a quoted sentence), partial (a quoted fragment), indirect (reported "
           "speech without marks), label (a term in marks, no speaker)", r"direct|partial|indirect|label"),
        _c("unclosed", "bool", "the closing mark is missing"),
        _c("continues", "bool", "left open because the next paragraph reopens it"),
        _c("open_mark", "str", "the opening quotation mark", nullable=True),
        _c("close_mark", "str", "the closing quotation mark", nullable=True),
        _BLOCK, _ROLE,
        _c("in_article", "bool", "role is headline, standfirst or body"),
        _c("cue", "str", "the reporting verb or phrase (said, told reporters)", nullable=True),
        _c("cue_start", "int64", "offset of the cue; -1 when none", r"-1|\d+", nullable=True),
        _c("cue_end", "int64", "end offset of the cue; -1 when none", r"-1|\d+", nullable=True),
        _c("speaker_text", "str", "the speaker's mention as written", nullable=True),
        _c("speaker_start", "int64", "offset of the mention; -1 when none", r"-1|\d+", nullable=True),
        _c("speaker_end", "int64", "end offset of the mention; -1 when none", r"-1|\d+", nullable=True),
        _c("speaker", "str", "canonical name of the speaker; empty when no rule fired", nullable=True),
        _c("speaker_method", "str", "the attribution rule that gave the speaker", nullable=True),
        _c("name_conflict", "bool", "the written name clashes with a person of the same surname"),
        _c("conflict_with", "str", "that person", nullable=True),
        _c("n_words", "int64", "words in text", r"\d+"),
        _c("speaker_type", "str", "person, group or organisation; empty without a speaker",
           r"|person|group|organisation", nullable=True),
        _c("speaker_confidence", "float64", "0-1: the score of the chosen speaker among the candidates "
           "(logistic); 0 without a speaker; low values are the ones to check by hand"),
        _c("corpus_speaker", "str", "the speaker with one name per person across the corpus (bare surnames "
           "and spellings merged); the only column that depends on the other articles", nullable=True),
        _c("context", "str", "the sentence(s) holding the quote, whole (text[context_start:context_end]); empty when "
           "the article has no sentence", nullable=True),
        _c("context_start", "int64", "offset of the first of those sentences (or of the quote, if earlier); -1 "
           "when none", r"-1|\d+", nullable=True),
        _c("context_end", "int64", "end offset of the last of them (or of the quote, if later); -1 when none",
           r"-1|\d+", nullable=True),
        *_BY_ARTICLE,
    )),
    Table("figures", "Numbers the articles state, normalised.", ("figure_id",), ("doc_id", "start"), (
        _DOC,
        _c("figure_id", "str", "DOC-FNNN: doc_id, '-F', number in reading order from 001", r"[^\n]+-F\d{3,}"),
        _START, _END,
        _c("text", "str", "the expression as written (text[start:end])"),
        _c("kind", "str", "money, percent, count, fraction, ordinal, rank, duration, measure or ratio "
           "('twice', 'five-fold')", _FIGURE_KINDS),
        _c("value", "float64", "the number, scale applied (percent in percentage points, fractions as "
           "proportions, ranges at their midpoint)"),
        _c("value_low", "float64", "lower end of a range or bound; NaN when open", nullable=True),
        _c("value_high", "float64", "upper end of a range or bound; NaN when open", nullable=True),
        _c("bound", "str", "=, ~, >, <, >= or <=", _BOUNDS),
        _c("unit", "str", "ISO 4217 code for money, percent, a time or measure unit, or the counted noun",
           nullable=True),
        _c("base", "str", "what a percentage or fraction is of", nullable=True),
        _c("subject", "str", "short phrase saying what is counted", nullable=True),
        _c("change", "str", "up or down when a verb of change precedes; from and to for the two ends of "
           "'from $1.63 to $13.03'", r"|up|down|from|to", nullable=True),
        _c("per", "str", "denominator of a rate ('a year' gives year)", nullable=True),
        _SENT, _BLOCK, _ROLE,
        _c("rule", "str", "the rule that read it"),
        _c("sentence", "str", "text of sentence sent_id", nullable=True),
        *_BY_ARTICLE,
    )),
    Table("timexes", "Temporal expressions (TIMEX3) with a calendar interval.", ("doc_id", "timex_id"),
          ("doc_id", "start", "end"), (
        _DOC,
        _c("timex_id", "int64", "number of the expression in its article, from 1", r"[1-9]\d*"),
        _START, _END,
        _c("text", "str", "the expression (text[start:end]); a signal word is not part of it"),
        _c("type", "str", "TIMEX3 type", r"DATE|TIME|DURATION|SET"),
        _c("value", "str", "TIMEX3 value (2025-02-12, 2025-W07, P3D, PRESENT_REF, XXXX-XX-XX...)"),
        _c("mod", "str", "TIMEX3 mod (BEFORE, AFTER, START, MID, END, APPROX, MORE_THAN...)", nullable=True),
        _c("granularity", "str", "day, week, month, quarter, season, year, decade, century, time, ref, "
           "duration, set or unknown"),
        _c("first_day", "str", "first day of the interval covered, ISO date; empty for durations, sets and "
           "unresolved values", r"|\d{4}-\d{2}-\d{2}", nullable=True),
        _c("last_day", "str", "last day of that interval (inclusive), ISO date", r"|\d{4}-\d{2}-\d{2}",
           nullable=True),
        _c("anchor", "str", "what a relative value was computed from (absolute, document date, previous date, "
           "event: NAME...)", nullable=True),
        _c("signal", "str", "the preposition before it (since, within...)", nullable=True),
        _c("tense", "str", "tense of the clause, for weekday and month names", r"|past|present|future",
           nullable=True),
        _c("rule", "str", "the rule that found it"),
        _c("document_date", "str", "the article's date used as reference, ISO date", r"|\d{4}-\d{2}-\d{2}",
           nullable=True),
        _BLOCK, _ROLE, _SENT,
        _c("reason", "str", "why a relative value stays underspecified (the document has no date of its "
           "own); empty when resolved", nullable=True),
        *_BY_ARTICLE,
    )),
    Table("events", "Events of the timeline, merged across articles.", ("event_id",),
          ("first_day", "last_day", "event_id"), (
        _c("event_id", "str", "ENN: 'E' and a number from 01, by date", r"E\d{2,}"),
        _c("first_day", "str", "first day the event may have happened, ISO date", r"\d{4}-\d{2}-\d{2}"),
        _c("last_day", "str", "last such day (inclusive), ISO date", r"\d{4}-\d{2}-\d{2}"),
        _c("granularity", "str", "granularity of the dating timex (day, week, month, year...)"),
        _c("thread", "str", "lane of the timeline (calls, travel, meetings, statements, context, other)"),
        _c("actors", "str", "people taking part, '; '-separated", nullable=True),
        _c("what", "str", "a short clause from the first report"),
        _c("location", "str", "where, when stated", nullable=True),
        _c("doc_ids", "str", "articles reporting it, '; '-separated"),
        _c("sentence_offsets", "str", "DOC:START-END of every reporting sentence, '; '-separated"),
        _c("n_sources", "int64", "distinct articles reporting it", r"\d+"),
        _c("n_mentions", "int64", "reporting sentences", r"\d+"),
        _c("certainty", "str", "high, medium or low", r"high|medium|low"),
        _c("certainty_reason", "str", "why that certainty"),
        _c("reported_on", "str", "dates of the reporting articles, '; '-separated"),
        _c("tense", "str", "tense of the reporting clause", nullable=True),
        _c("timex_texts", "str", "the temporal expressions that date it, '; '-separated"),
    )),
    Table("topics", "NMF topics of the paragraphs.", ("topic_id",), ("topic_id",), (
        _c("topic_id", "int64", "topic number, from 0 (0 = heaviest topic)", r"\d+"),
        _c("label", "str", "the three top words"),
        _c("top_terms", "str", "top words, ', '-separated"),
        _c("weight", "float64", "the topic's share of all topic weight (sums to 1)"),
        _c("size", "int64", "paragraphs whose dominant topic it is", r"\d+"),
        _c("n_articles", "int64", "articles with at least one such paragraph", r"\d+"),
    )),
    Table("doc_topics", "Topic mixture of each paragraph (paragraphs without content words have no rows).",
          ("doc_id", "block_id", "topic_id"), ("doc_id", "block_id", "rank"), (
        _DOC,
        _c("block_id", "int64", "the paragraph (blocks.block_id)", r"\d+"),
        _START, _END,
        _c("role", "str", "role of the paragraph's block", "|".join(ROLES)),
        _TOPIC,
        _c("weight", "float64", "share of the topic in the paragraph (sums to 1 per paragraph)"),
        _c("rank", "int64", "1 = the dominant topic", r"[1-9]\d*"),
        *_BY_ARTICLE,
    )),
    Table("article_topics", "Topic mixture of each article, paragraphs weighted by content words.",
          ("doc_id", "topic_id"), ("doc_id", "rank"), (
        _DOC, _TOPIC,
        _c("weight", "float64", "share of the topic in the article (sums to 1 per article)"),
        _c("rank", "int64", "1 = the dominant topic", r"[1-9]\d*"),
        *_BY_ARTICLE,
    )),
    Table("paragraph_clusters", "Paragraphs with their dominant topic and cluster.", ("doc_id", "block_id"),
          ("doc_id", "block_id"), (
        _DOC,
        _c("block_id", "int64", "the paragraph (blocks.block_id)", r"\d+"),
        _START, _END,
        _c("role", "str", "role of the paragraph's block", "|".join(ROLES)),
        _c("n_words", "int64", "content words", r"\d+"),
        _c("topic_id", "int64", "dominant topic; -1 when the paragraph has no content word", r"-1|\d+",
           nullable=True),
        _c("topic_weight", "float64", "its weight in the paragraph", nullable=True),
        _c("kmeans_cluster", "int64", "k-means cluster; -1 when no content word", r"-1|\d+", nullable=True),
        _c("agglomerative_cluster", "int64", "Ward cluster; -1 when no content word", r"-1|\d+",
           nullable=True),
        _c("text", "str", "the paragraph"),
        *_BY_ARTICLE,
    )),
    Table("article_clusters", "Articles grouped by their topic mixtures.", ("doc_id",), ("doc_id",), (
        _DOC,
        _c("title", "str", "the article's title"),
        _c("n_paragraphs", "int64", "paragraphs with content words", r"\d+"),
        _c("topic_id", "int64", "dominant topic", r"-1|\d+", nullable=True),
        _c("topic_weight", "float64", "its weight in the article", nullable=True),
        _c("kmeans_cluster", "int64", "k-means cluster", r"-1|\d+", nullable=True),
        _c("agglomerative_cluster", "int64", "Ward cluster", r"-1|\d+", nullable=True),
        *_BY_ARTICLE,
    )),
    Table("document_dates", "The date of each article that its relative dates are resolved against, and how it "
          "is known.", ("doc_id",), ("doc_id",), (
        _DOC,
        _c("published", "str", "publication date from the manifest, ISO; empty without one", _DATE, nullable=True),
        _c("reference_day", "str", "the day 'yesterday' and 'on Wednesday' count from, ISO; empty when unknown",
           _DATE, nullable=True),
        _c("first_day", "str", "first day the article's date may be, ISO; empty when unknown", _DATE,
           nullable=True),
        _c("last_day", "str", "last such day (inclusive), ISO; equals first_day when certain", _DATE,
           nullable=True),
        _c("method", "str", "how the date was found, in words (the reason; names the date read)"),
        _c("source", "str", "where the date comes from: manifest, url (the page address), byline (a date "
           "stamp), text (a dateline or the latest past date in the text) or unknown",
           r"manifest|url|byline|text|unknown"),
        _OUTLET,
    )),
    Table("quote_groups", "The same remark quoted by different articles: quotes of one speaker (corpus-wide "
          "name) from different articles sharing enough content words, grouped; quotes matching no other are "
          "left out.", ("group_id", "quote_id"), ("group_id", "doc_id", "start"), (
        _group("quote"), _DOC,
        _c("quote_id", "str", "the quote (quotes.quote_id)", r"[^\n]+-q\d{3,}"),
        _START, _END,
        _c("speaker", "str", "the speaker's corpus-wide name (quotes.corpus_speaker)"),
        _c("kind", "str", "direct or partial (quotes.kind)", r"direct|partial|indirect"),
        _c("text", "str", "the quoted words (text[start:end])"),
        _c("similarity", "float64", "0-1: best Dice overlap of content words with another quote of the group"),
        *_BY_ARTICLE,
    )),
    Table("figure_conflicts", "The same quantity stated with different values by different articles: figures "
          "of the same kind, unit and base, close values and similar words around them, grouped; only groups "
          "whose values differ.", ("group_id", "figure_id"), ("group_id", "doc_id", "start"), (
        _group("figure"), _DOC,
        _c("figure_id", "str", "the figure (figures.figure_id)", r"[^\n]+-F\d{3,}"),
        _START, _END,
        _c("text", "str", "the expression as written (text[start:end])"),
        _c("kind", "str", "figures.kind", _FIGURE_KINDS), _c("value", "float64", "figures.value"),
        _c("bound", "str", "figures.bound", _BOUNDS), *(_c(name, "str", f"figures.{name}", nullable=True)
                                                       for name in ("unit", "base", "subject", "sentence")),
        _c("n_docs", "int64", "articles in the group", r"\d+"),
        _c("similarity", "float64", "0-1: best Jaccard overlap of the words around the figure with another member"),
        _c("spread", "float64", "relative gap between the group's largest and smallest value, 0-1"),
        *_BY_ARTICLE,
    )),
    Table("timeline_conflicts", "Dates (and roles) the articles get wrong: with --reference, claims that "
          "contradict the reference table (kind date or role); without, passages retold by two articles that "
          "state days not overlapping (kind between_articles, one row per pair; at most "
          "comparison.dates.MAX_PAIRS_PER_PASSAGE pairs per passage, a problems warning says how many more "
          "there were).",
          ("doc_id", "start", "kind", "ref_id", "other_doc_id", "other_start"), ("doc_id", "start", "kind"), (
        _DOC, _START, _END,
        _c("kind", "str", "date or role (against the reference), between_articles (against another article)",
           r"date|role|between_articles"),
        _c("claim", "str", "the article's sentence(s) or paragraph making the claim (text[start:end] for "
           "between_articles and role; date claims add follow-on 'He ...' sentences)"),
        _c("article_says", "str", "the date (or role holder) the article states; days '; '-separated"),
        _c("reference_says", "str", "what the reference row says, or for between_articles the days the other "
           "article states"),
        _c("ref_id", "str", "the reference row; empty for between_articles", nullable=True),
        _c("source", "str", "the reference row's public source; empty for between_articles", nullable=True),
        _c("event_id", "str", "the event of the timeline (events.event_id) for date conflicts; empty otherwise",
           r"|E\d{2,}", nullable=True),
        _c("other_doc_id", "str", "for between_articles: the other article; empty otherwise", nullable=True),
        _c("other_start", "int64", "offset of the other article's paragraph; -1 when none", r"-1|\d+",
           nullable=True),
        _c("other_end", "int64", "end offset of that paragraph; -1 when none", r"-1|\d+", nullable=True),
        _c("other_claim", "str", "that paragraph", nullable=True),
        *_BY_ARTICLE,
    )),
    Table("topic_choice", "How the number of topics was chosen: one row per k tried (one row when k was fixed).",
          ("k",), ("k",), (
        _c("k", "int64", "number of topics tried", r"[1-9]\d*"),
        _c("stability", "float64", "mean adjusted Rand index of the topics over resamples (1 = identical); NaN "
           "when not resampled", nullable=True),
        _c("stability_sd", "float64", "its standard deviation; NaN when not resampled", nullable=True),
        _c("silhouette", "float64", "cosine silhouette of the paragraphs' dominant topics; NaN when undefined",
           nullable=True),
        _c("reconstruction_error", "float64", "NMF reconstruction error (Frobenius); NaN when k was fixed",
           nullable=True),
        _c("chosen", "bool", "the k the topic tables use (one row)"),
        _c("method", "str", "what ran: how k was chosen (stability, silhouette or fixed), on how many paragraphs, "
           "which NMF and clustering"),
    )),
)}


class SchemaError(ValueError):
    """A table does not follow its schema; the message names the table and every problem."""


def columns(name: str) -> list[str]:
    """Column names of table ``name``, in order."""
    return TABLES[name].column_names


def _is_dtype(series: pd.Series, dtype: str) -> bool:
    if dtype == "str":
        if pd.api.types.is_string_dtype(series.dtype):
            return series.map(lambda v: isinstance(v, str)).all()
        return False
    return str(series.dtype) == dtype


def table_problems(name: str, table: pd.DataFrame) -> list[str]:
    """Every way ``table`` departs from the schema of ``name`` (empty list when it follows it).

    Checks columns and their order, dtypes, the missing-value convention
    (no NaN/None in str, int or bool columns; -1 or "" only where allowed) and
    id patterns.
    """
    spec = TABLES[name]
    found = list(table.columns)
    if found != spec.column_names:
        return [f"{name}: columns {found} differ from the schema's {spec.column_names}"]
    problems = []
    for col in spec.columns:
        series = table[col.name]
        if col.dtype != "float64" and series.isna().any():
            problems.append(f"{name}.{col.name}: {int(series.isna().sum())} missing values (use {MISSING[col.dtype]})")
            continue
        if not _is_dtype(series, col.dtype):
            problems.append(f"{name}.{col.name}: dtype {series.dtype}, schema says {col.dtype}")
            continue
        if not col.nullable and col.dtype == "str" and bool((series == "").any()):
            problems.append(f"{name}.{col.name}: {int((series == '').sum())} empty values in a column never empty")
        if col.pattern and len(series):
            text = series.astype(str) if col.dtype != "str" else series
            bad = ~text.str.fullmatch(col.pattern)
            if bad.any():
                problems.append(f"{name}.{col.name}: {int(bad.sum())} values do not match {col.pattern!r}, "
                                f"e.g. {text[bad].iloc[0]!r}")
    return problems


def check_table(name: str, table: pd.DataFrame) -> pd.DataFrame:
    """Return ``table`` unchanged when it follows the schema of ``name``; raise :class:`SchemaError` otherwise."""
    problems = table_problems(name, table)
    if problems:
        raise SchemaError("; ".join(problems))
    return table


def read_table(path, name: str | None = None) -> pd.DataFrame:
    """Read a CSV written by ``extract`` back with the schema's dtypes (``doc_id`` "001" stays text).

    Parameters
    ----------
    path : str or Path
        ``OUT/NAME.csv``.
    name : str, optional
        The table's name; default the file's stem.
    """
    path = Path(path)
    spec = TABLES[name or path.stem]
    text_columns = {c.name: str for c in spec.columns if c.dtype == "str"}
    table = pd.read_csv(path, dtype=text_columns, keep_default_na=False, na_values={
        c.name: [""] for c in spec.columns if c.dtype == "float64"})
    return table.astype({c.name: c.dtype for c in spec.columns if c.dtype != "str"})


def markdown() -> str:
    """The data dictionary of every table, as Markdown (what ``docs/tables.md`` holds)."""
    lines = [
        "# The tables of `analysis-helpers extract`",
        "",
        "Generated from `src/analysis_helpers/schema.py` by "
        "`python -m analysis_helpers.schema --markdown docs/tables.md`; do not edit by hand.",
        "",
        "Every table is written as `OUT/NAME.csv` (UTF-8, `\\n` line ends, no index column).",
        "",
        "## Conventions",
        "",
        "- Offsets (`start`, `end`, `*_start`, `*_end`) are character positions in the article's `text`, end "
        "exclusive: `text[start:end]` is exactly what the row reports.",
        "- Missing values: an integer reference that does not exist (no block, no sentence, no cue, no "
        "cluster) is `-1`; a missing string is empty; a missing number is `NaN` (an empty cell). "
        "Booleans are never missing.",
        "- `doc_id` is text: `001` keeps its zeros. Read a table back with "
        "`analysis_helpers.schema.read_table(path)` or `pd.read_csv(path, dtype={\"doc_id\": str}, "
        "keep_default_na=False)`.",
        "",
        "## Block roles",
        "",
        "| role | article text | meaning |",
        "|---|---|---|",
    ]
    for role in ROLES:
        lines.append(f"| `{role}` | {'yes' if role in ARTICLE_ROLES else ''} | {ROLE_MEANINGS[role]} |")
    for spec in TABLES.values():
        lines += ["", f"## {spec.name}", "", spec.description, "",
                  f"One row per `{', '.join(spec.key)}`; sorted by `{', '.join(spec.order)}`.", "",
                  "| column | dtype | missing | meaning |", "|---|---|---|---|"]
        for col in spec.columns:
            missing = MISSING[col.dtype] if col.nullable else "never"
            meaning = col.meaning.replace("|", "\\|")
            lines.append(f"| `{col.name}` | {col.dtype} | {missing} | {meaning} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    """``python -m analysis_helpers.schema --markdown PATH``: write the data dictionary."""
    parser = argparse.ArgumentParser(prog="python -m analysis_helpers.schema", description=main.__doc__)
    parser.add_argument("--markdown", type=Path, help="write the Markdown data dictionary to this file")
    args = parser.parse_args(argv)
    if args.markdown is None:
        sys.stdout.write(markdown())
        return 0
    tmp = args.markdown.with_name(args.markdown.name + ".tmp")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(markdown(), encoding="utf-8", newline="\n")
    tmp.replace(args.markdown)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
