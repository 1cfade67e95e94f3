"""Readers that turn an input file into SourceTexts, chosen by extension and content."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable

from reconcile.load import html, markdown, newsml, ninjs, text, xliff
from reconcile.load.text import DEFAULT_MAX_BYTES, read_bytes
from reconcile.model import SourceText

Reader = Callable[[str, bytes], SourceText]

_BY_EXTENSION: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".ninjs": "ninjs",
    ".xml": "xml",
    ".nitf": "xml",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".txt": "text",
}
_SINGLE: dict[str, Reader] = {
    "text": text.read,
    "markdown": markdown.read,
    "html": html.read,
    "ninjs": ninjs.read,
    "newsml": newsml.read,
}
_ROOT = re.compile(r"<(?![?!])(?:[\w.-]+:)?([\w.-]+)")
_DOCTYPE_HTML = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.IGNORECASE | re.DOTALL
)
_NINJS_KEYS = ("headline", "headlines", "body_text", "body_html", "bodies", "uri", "versioncreated")


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one version of a story; `path` is kept as given, for reports.

    For a file that holds two versions (XLIFF), this is its source side. Raises InputError
    when the file is missing, unreadable, too large, binary, empty, undecodable or malformed.
    """
    return read_versions(path, max_bytes)[0]


def read_versions(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[SourceText, ...]:
    """Every version a file holds: one, or two for XLIFF (source and target, paired by unit)."""
    data = read_bytes(path, max_bytes)
    kind = sniff(path, data)
    if kind == "xliff":
        return xliff.read(path, data)
    return (_SINGLE[kind](path, data),)


def sniff(path: str, data: bytes) -> str:
    """The reader for a file: its extension, checked or refined by how the content begins."""
    extension = os.path.splitext(path)[1].lower()
    by_name = _BY_EXTENSION.get(extension)
    if by_name in ("text", "markdown"):
        return by_name
    head = _head(data)
    stripped = head.lstrip()
    if by_name == "html" or _DOCTYPE_HTML.match(head):
        return "html"
    if stripped.startswith("{") or by_name in ("json", "ninjs"):
        if by_name is None and not any(f'"{key}"' in head for key in _NINJS_KEYS):
            return "text"
        return "ninjs"
    if stripped.startswith("<") or by_name in ("xml", "xliff"):
        root = _root(stripped)
        if root == "xliff" or (by_name == "xliff" and root is None):
            return "xliff"
        if root == "html":
            return "html"
        if root in ("newsItem", "newsMessage") or by_name is not None:
            # The NewsML reader parses safely first, then names what it found instead.
            return "newsml"
    return "text"


def _head(data: bytes) -> str:
    """The first characters of the file, decoded leniently, for sniffing only."""
    start = data[:4096]
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if start.startswith(bom):
            return start[len(bom) :].decode(codec, "ignore")
    return start.decode("utf-8", "ignore")


def _root(head: str) -> str | None:
    """The local name of the first element, past the declaration, comments and doctype."""
    position = 0
    while True:
        if head.startswith("<?", position):
            end = head.find("?>", position)
        elif head.startswith("<!--", position):
            end = head.find("-->", position)
        elif head.startswith("<!", position):
            end = _doctype_end(head, position)
        else:
            break
        if end == -1:
            return None
        position = head.find("<", end + 1)
        if position == -1:
            return None
    match = _ROOT.match(head, position)
    return match.group(1) if match else None


def _doctype_end(head: str, position: int) -> int:
    """The end of a <!DOCTYPE ...> that may hold an internal subset in brackets."""
    bracket = head.find("[", position)
    close = head.find(">", position)
    if bracket != -1 and (close == -1 or bracket < close):
        inner = head.find("]", bracket)
        return head.find(">", inner) if inner != -1 else -1
    return close


__all__ = ["read", "read_versions", "sniff"]
