"""Turn the bytes of one scraped file into article text, saying what was changed.

The rules are deliberately few and all of them are reported: a UTF-8 byte-order
mark is removed, CRLF and lone CR line ends become LF, bytes that are not UTF-8
are read as Windows-1252 (which covers Latin-1's printable range), and an HTML
page saved as text is reduced to its visible text. Anything else (an empty
file, a binary file, a file over the size limit) is refused with a reason.
"""

from __future__ import annotations

import re
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
        ``utf-8``, ``utf-8-sig`` or ``cp1252``.
    changes : list of str
        Short codes of what was changed: ``bom-removed``, ``crlf-to-lf``,
        ``cr-to-lf``, ``decoded-cp1252``, ``html-to-text``.
    """

    text: str
    encoding: str
    changes: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    """True when the first 8 KiB hold NUL bytes or are mostly control bytes."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head) > 0.05


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
        For an empty, whitespace-only, binary or oversized file.
    """
    if len(data) > max_bytes:
        raise UnreadableFile(
            f"file is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "for one article (pass a larger max_bytes to read it anyway)"
        )
    if not data.strip():
        raise UnreadableFile("file is empty" if not data else "file holds only white space")
    if looks_binary(data):
        raise UnreadableFile("file is binary (NUL or control bytes), not text")
    changes: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        changes.append("bom-removed")
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        changes.append("decoded-cp1252")
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
        changes.append("crlf-to-lf")
    if "\r" in text:
        text = text.replace("\r", "\n")
        changes.append("cr-to-lf")
    if looks_like_html(text):
        text = html_to_text(text)
        changes.append("html-to-text")
        if not text.strip():
            raise UnreadableFile("file is an HTML page with no visible text")
    return DecodedText(text=text, encoding=encoding, changes=changes)
