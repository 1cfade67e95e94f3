"""URLs, e-mail addresses, social media handles and hashtags in a document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from reconcile.model import LinkMention, Sentence

_LINK = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”«»]+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<handle>(?<![\w@/])@\w{2,})"
    r"|(?P<hashtag>(?<![\w#&/])#\w*[^\W\d_]\w*)"
)
# Every link holds one of these, and no link crosses whitespace: a line without any of them
# holds no link, and the pattern (slow in Python's engine) need not look at it.
_MARKERS = ("@", "#", "www.", "://")
# Sentence punctuation that follows a link is not part of it.
_TRAILER = ".,;:!?)]}'’»”"


def extract_links(text: str, sentences: Sequence[Sentence]) -> tuple[LinkMention, ...]:
    """Every link of a document, in text order."""
    starts = [s.start for s in sentences]
    links = []
    for match in _matches(text):
        kind = match.lastgroup or "url"
        value = match.group()
        if kind == "url":
            value = _strip_trailer(value)
        start, end = match.start(), match.start() + len(value)
        sentence = max(0, bisect.bisect_right(starts, start) - 1)
        links.append(LinkMention(start, end, value, sentence, kind, link_key(kind, value)))
    return tuple(links)


def _matches(text: str) -> Iterator[re.Match[str]]:
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        if any(marker in line for marker in _MARKERS):
            yield from _LINK.finditer(text, line_start, line_end)
        line_start = line_end + 1


def link_key(kind: str, value: str) -> str:
    """The form two versions must agree on: hosts, addresses and handles ignore case."""
    if kind == "url":
        match = re.match(r"(?:(https?)://)?([^/?#]*)(.*)", value)
        assert match is not None  # the pattern matches any string
        _, host, rest = match.groups()
        host = host.casefold().removeprefix("www.")
        return host + (rest.rstrip("/") if rest != "/" else "")
    return value.casefold()


def _strip_trailer(url: str) -> str:
    # A closing bracket belongs to the URL when it closes one opened inside it (Wikipedia).
    while url and url[-1] in _TRAILER:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url
