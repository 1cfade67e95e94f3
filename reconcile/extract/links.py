"""URLs, e-mail addresses, social media handles and hashtags in a document."""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator, Sequence

from reconcile.model import LinkMention, Sentence, SourceText

_LINK = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”«»]+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<handle>(?<![\w@/])@\w{2,})"
    r"|(?P<hashtag>(?<![\w#&/])#\w*[^\W\d_]\w*)"
)
# Every link holds one of these, and no link holds white space: the pattern (slow in Python's
# engine) need only search the stretch around each marker, up to the space or line break on
# either side (other white space within the stretch ends a link as well).
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


# A link whose target the markup hides: Markdown's [text](target "title") and HTML's
# <a href="target">text</a>. Read in the original file, since the reader removed them. (In a
# JSON file, ninjs, the quotes are escaped: no target is read there.)
_MARKUP_LINK = re.compile(
    r"(?<!!)\[(?P<md_text>[^\[\]]+)\]\(<?(?P<md_url>[^()<>\s]+)>?(?:[ \t]+\"[^\"]*\")?\)"
    r"|<a\s[^<>]*?\bhref\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'<>\\]+))"
    r"[^<>]*>(?P<a_text>.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
_NOT_A_PAGE = ("#", "javascript:")  # a jump within the page, or a script


def markup_links(source: SourceText, sentences: Sequence[Sentence]) -> tuple[LinkMention, ...]:
    """The targets of the document's Markdown and HTML links, each at its link's text.

    A file read as plain text keeps its markup, target and all: extract_links finds the target
    there, and it is not read twice."""
    original = source.original
    if "](" not in original and "href" not in original.casefold():
        return ()
    starts = [s.start for s in sentences]
    links = []
    for match in _MARKUP_LINK.finditer(original):
        url_group = next(g for g in ("md_url", "dq", "sq", "bare") if match[g] is not None)
        text_group = "md_text" if url_group == "md_url" else "a_text"
        target = html.unescape(match[url_group]).strip()
        if not target or target.casefold().startswith(_NOT_A_PAGE):
            continue
        if _kept(source, match.start(url_group)):
            continue
        start = _text_offset(source, match.start(text_group))
        end = _text_offset(source, match.end(text_group))
        if not source.text[start:end].strip():
            continue  # nothing of the link's text was kept (an image, say)
        kind = "url"
        if target.casefold().startswith("mailto:"):
            kind, target = "email", target[len("mailto:") :].split("?")[0]
        sentence = max(0, bisect.bisect_right(starts, start) - 1)
        links.append(
            LinkMention(start, end, target, sentence, kind, link_key(kind, target), markup=True)
        )
    return tuple(links)


def _text_offset(source: SourceText, original_offset: int) -> int:
    """The first offset of the text that comes from `original_offset` or after it."""
    origin = source.origin
    return bisect.bisect_left(range(len(origin)), original_offset, key=origin.__getitem__)


def _kept(source: SourceText, original_offset: int) -> bool:
    """Whether the character at `original_offset` of the file is in the text."""
    at = _text_offset(source, original_offset)
    return at < len(source.text) and source.origin[at] == original_offset


def _matches(text: str) -> Iterator[re.Match[str]]:
    # The markers are found by str.find, faster than testing every line for them. Each search
    # for a space or line break stops at the last stretch or at the line's end, so that the
    # text is read once however many markers it holds.
    end = 0
    line_end = -1
    for marker in _marker_offsets(text):
        if marker < end:
            continue  # in the stretch just searched
        # The last stretch ended at a space or line break (or this is the first one).
        start = max(text.rfind(" ", end, marker), text.rfind("\n", end, marker)) + 1
        if line_end < marker:
            line_end = text.find("\n", marker)
            if line_end < 0:
                line_end = len(text)
        space = text.find(" ", marker, line_end)
        end = space if space >= 0 else line_end
        yield from _LINK.finditer(text, start, end)


def _marker_offsets(text: str) -> list[int]:
    """Where the markers stand in the text, in order."""
    offsets = []
    for marker in _MARKERS:
        at = text.find(marker)
        while at >= 0:
            offsets.append(at)
            at = text.find(marker, at + 1)
    return sorted(offsets)


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
