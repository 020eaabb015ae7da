"""Turn the bytes of one scraped file into article text, saying what was changed.

The rules are deliberately few and all of them are reported: a byte-order mark
is removed (UTF-8, and UTF-16 or UTF-32 files are decoded by theirs), CRLF and
lone CR line ends become LF, each byte sequence that is not UTF-8 is read as
Windows-1252 on its own (which covers Latin-1's printable range; one stray byte
does not re-decode a UTF-8 article), and an HTML page saved as text is reduced
to its visible text. Anything else (an empty file, a binary file, a file over the
size limit, a text with nothing visible once decoded) is refused with a reason.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: Files larger than this are refused unless the caller raises the limit.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|html|body|head|script|style|meta|li|ul|h[1-6])[\s/>]", re.I)


class UnreadableFile(ValueError):
    """A file that cannot be read as article text; the message says why."""


@dataclass
class DecodedText:
    """Text decoded from a file, with the list of changes made on the way.

    Attributes
    ----------
    text : str
        The article text that every offset of the project indexes.
    encoding : str
        ``utf-8``, ``utf-8-sig``, ``cp1252`` (no valid UTF-8 beyond ASCII), ``utf-16`` or ``utf-32``.
    changes : list of str
        Short codes of what was changed: ``bom-removed``, ``crlf-to-lf``,
        ``cr-to-lf``, ``decoded-cp1252``, ``decoded-utf-16``, ``decoded-utf-32``,
        ``html-to-text``.
    replaced_bytes : int
        Bytes that were not valid in the file's encoding: read as Windows-1252
        characters (UTF-8 files) or replaced by U+FFFD (UTF-16/32 files).
    """

    text: str
    encoding: str
    changes: list[str] = field(default_factory=list)
    replaced_bytes: int = 0

    def describe_changes(self) -> str:
        """The changes as one readable line for the problems report."""
        parts = []
        for change in self.changes:
            if change == "decoded-cp1252":
                parts.append(f"decoded-cp1252 ({self.replaced_bytes} bytes that are not UTF-8 read as "
                             "Windows-1252, the rest as UTF-8)")
            elif change in ("decoded-utf-16", "decoded-utf-32") and self.replaced_bytes:
                parts.append(f"{change} ({self.replaced_bytes} invalid bytes replaced by U+FFFD)")
            else:
                parts.append(change)
        return ", ".join(parts)


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or are mostly control bytes."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head.translate(None, _NOT_CONTROL))  # the control bytes left, counted in C (not byte by byte)
    return controls / len(head) > 0.05


#: Every byte but the control bytes that count against a text (below 32, except tab, newline, form feed, CR).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13)))


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than extracted article text."""
    if _HTML_START.match(text[:2048].encode("utf-8", "ignore")):
        return True
    sample = text[:20000]
    return len(_HTML_TAG.findall(sample)) >= 5


class _VisibleText(HTMLParser):
    """Collect the text a browser would show, one block element per line."""

    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "section", "article", "header", "footer", "figcaption", "blockquote", "title"}
    _HIDDEN = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):  # noqa: D401 - HTMLParser API
        if tag in self._HIDDEN:
            self.hidden_depth += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self._HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden_depth:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: one line per block element, spaces folded."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
#: Something a reader can see: not white space (no-break spaces included), not a format character.
_VISIBLE = re.compile(r"[^\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


_replaced = threading.local()  # bytes replaced by the error handler during the current decode


def _cp1252_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: the invalid bytes as Windows-1252 characters (U+FFFD where it has none)."""
    _replaced.count = getattr(_replaced, "count", 0) + (error.end - error.start)
    return error.object[error.start:error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error("analysis-helpers-cp1252", _cp1252_bytes)


def decode_utf8_with_fallback(data: bytes) -> tuple[str, int]:
    """UTF-8 text in which each invalid byte sequence is read as Windows-1252, in one pass.

    Returns
    -------
    (text, replaced_bytes)
        ``replaced_bytes`` counts the bytes that were not UTF-8.
    """
    _replaced.count = 0
    text = data.decode("utf-8", errors="analysis-helpers-cp1252")
    return text, _replaced.count


def has_visible_text(text: str) -> bool:
    """True when ``text`` holds a character other than white space and invisible format marks."""
    return _VISIBLE.search(text) is not None


def normalise_line_ends(text: str, changes: list[str]) -> str:
    """``text`` with CRLF and lone CR line ends made LF, each kind found named in ``changes`` (appended).

    A CR left in a cell is a line break to every CSV reader, though the CSV writer leaves it unquoted.
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        changes.append("crlf-to-lf")
    if "\r" in text:
        text = text.replace("\r", "\n")
        changes.append("cr-to-lf")
    return text


#: Characters that end a line to ``str.splitlines``: an identifier (file name, doc_id) never keeps one.
_LINE_BREAKS = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
#: Fields of the ``articles`` table that identify an article: line breaks in them are escaped, not kept.
IDENTIFIER_FIELDS = ("doc_id", "file")


def escape_line_breaks(value: str) -> str:
    """``value`` with every line-breaking character written as ``\\xNN`` (``\\uNNNN`` above U+00FF)."""
    return _LINE_BREAKS.sub(lambda found: f"\\x{ord(found.group()):02x}" if ord(found.group()) < 0x100
                            else f"\\u{ord(found.group()):04x}", value)


def clean_field(column: str, value: str) -> tuple[str, str]:
    """A metadata field (manifest cell, table-input column other than ``text``) as it is kept, and what changed.

    Identifiers (:data:`IDENTIFIER_FIELDS`) get their line breaks escaped (as file names are shown); the
    other fields get the line-end normalisation of texts (CRLF and lone CR become LF: a CR left in a cell
    splits its row when the CSV is read back). The change is "" when there is none.
    """
    if column in IDENTIFIER_FIELDS:
        escaped = escape_line_breaks(value)
        return escaped, ("" if escaped == value else "line breaks written as \\xNN escapes")
    changes: list[str] = []
    value = normalise_line_ends(value, changes)
    return value, ", ".join(changes)


def decode_article_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode one file's bytes into article text.

    Parameters
    ----------
    data : bytes
        The file's content, unchanged.
    max_bytes : int
        Larger files are refused (a scrape of many megabytes is rarely one article).

    Returns
    -------
    DecodedText

    Raises
    ------
    UnreadableFile
        For an empty, whitespace-only, binary or oversized file, or one with no
        visible character once decoded (only no-break spaces, only a byte-order mark).
    """
    if len(data) > max_bytes:
        raise UnreadableFile(
            f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "for one article (pass a larger max_bytes to read it anyway)"
        )
    if not data.strip():
        raise UnreadableFile("file is empty" if not data else "file holds only white space")
    changes: list[str] = []
    replaced = 0
    wide = next(((bom, codec, name) for bom, codec, name in _BOMS if data.startswith(bom)), None)
    if wide is not None:
        bom, codec, encoding = wide
        body = data[len(bom):]
        text = body.decode(codec, errors="replace")
        replaced = text.count("\ufffd") - body.decode(codec, errors="ignore").count("\ufffd")
        if looks_binary(text[:8192].encode("utf-8", errors="replace")):
            raise UnreadableFile(f"file starts with a {encoding} byte-order mark but is binary, not text")
        changes += ["bom-removed", f"decoded-{encoding}"]
    else:
        if looks_binary(data):
            raise UnreadableFile("file is binary (NUL or control bytes), not text")
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
            changes.append("bom-removed")
            encoding = "utf-8-sig"
        else:
            encoding = "utf-8"
        text, replaced = decode_utf8_with_fallback(data)
        if replaced:
            # a file with no valid UTF-8 beyond ASCII is a Windows-1252 file; else UTF-8 with stray bytes
            if text == data.decode("cp1252", errors="replace"):
                encoding = "cp1252"
            changes.append("decoded-cp1252")
    text = normalise_line_ends(text, changes)
    if looks_like_html(text):
        text = html_to_text(text)
        changes.append("html-to-text")
        if not text.strip():
            raise UnreadableFile("file is an HTML page with no visible text")
    if not has_visible_text(text):
        raise UnreadableFile("file holds no visible text once decoded (only white space, no-break spaces, "
                             "byte-order marks or other invisible characters)")
    return DecodedText(text=text, encoding=encoding, changes=changes, replaced_bytes=replaced)
