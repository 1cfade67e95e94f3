"""Markdown reader: front matter to metadata, markup removed, offsets kept."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reconcile.load.text import (
    Builder,
    Mapped,
    decode_bytes,
    identity,
    nfc,
    normalise_newlines,
    source_text,
)
from reconcile.model import InputError, SourceText

# Front matter keys that other stages look up under one name.
_KEY_ALIASES = {
    "language": "lang",
    "locale": "lang",
    "published": "date",
}

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.MULTILINE)
_FRONT_PAIR = re.compile(r"([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_FENCE = re.compile(r"[ ]{0,3}(?:`{3,}|~{3,})")
_RULE = re.compile(r"[ ]{0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*")
_REFERENCE = re.compile(r"[ ]{0,3}\[[^\]]+\]:[ \t]*\S+.*")
_QUOTE = re.compile(r"[ ]{0,3}>[ ]?")
_BULLET = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_HEADING = re.compile(r"[ ]{0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")

_INLINE = re.compile(
    r"""
      (?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?P=ticks))
    | (?P<image>!\[[^\]]*\]\([^)]*\))
    | (?P<link>\[(?P<link_text>[^\[\]]*)\]
        (?:\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:[ \t]+"[^"]*")?\) | \[[^\[\]]*\]))
    | (?P<autolink><(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]+|[^<>\s@]+@[^<>\s]+)>)
    | (?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
    | (?P<escape>\\[!-/:-@\[-`{-~])
    | (?P<emphasis>\*+|_+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Cut:
    """Markup to remove: [start, end) of the text being stripped."""

    start: int
    end: int
    closing: bool  # markup after its content ("**" in "**a**", "](url)")


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # before the LF
    cuts: tuple[_Cut, ...]
    heading: bool
    blank: bool  # nothing but whitespace is left once the markup is cut


def read(path: str, data: bytes) -> SourceText:
    """Read a Markdown file."""
    decoded = decode_bytes(path, data)
    original = decoded.text
    metadata, body = _front_matter(normalise_newlines(identity(original)))
    mapped = nfc(_strip(_drop_comments(body)))
    if not mapped.text.strip():
        raise InputError(path, "no text outside the markup")
    return source_text(path, original, mapped, (("format", "markdown"), *metadata), decoded)


def _front_matter(source: Mapped) -> tuple[tuple[tuple[str, str], ...], Mapped]:
    """The front matter's `key: value` pairs, and the text with the front matter cut."""
    text = source.text
    opening = _FRONT_OPEN.match(text)
    closing = _FRONT_CLOSE.search(text, opening.end()) if opening else None
    if opening is None or closing is None:
        return (), source
    pairs: list[tuple[str, str]] = []
    for line in text[opening.end() : closing.start()].split("\n"):
        match = _FRONT_PAIR.fullmatch(line)
        value = match.group(2).strip("\"'") if match else ""
        if match and value:
            key = match.group(1).lower()
            pairs.append((_KEY_ALIASES.get(key, key), value))
    out = Builder(source)
    out.copy(closing.end(), len(text))
    return tuple(pairs), out.finish()


def _drop_comments(source: Mapped) -> Mapped:
    if "<!--" not in source.text:
        return source
    out = Builder(source)
    start = 0
    for match in _COMMENT.finditer(source.text):
        out.copy(start, match.start())
        start = match.end()
    out.copy(start, len(source.text))
    return out.finish()


def _strip(source: Mapped) -> Mapped:
    """Cut block and inline markup; an ATX heading gets blank lines around it."""
    lines = _lines(source.text)
    out = Builder(source)
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else None
        after = lines[index + 1] if index + 1 < len(lines) else None
        if line.heading and before is not None and not before.blank:
            out.emit("\n", line.start - 1)
        cursor = line.start
        for cut in line.cuts:
            out.copy(cursor, cut.start)
            if cut.closing:
                out.close_at(cut.start)
            cursor = cut.end
        out.copy(cursor, line.end + (after is not None))
        if line.heading and after is not None and not after.blank and not after.heading:
            out.emit("\n", line.end)
    return out.finish()


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    fenced = False
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        cuts: tuple[_Cut, ...]
        heading = False
        if _FENCE.match(raw):
            fenced = not fenced
            cuts = (_Cut(start, end, False),)
        elif fenced:
            cuts = ()
        elif _RULE.fullmatch(raw) or _REFERENCE.fullmatch(raw):
            cuts = (_Cut(start, end, False),)
        else:
            heading, cuts = _line_cuts(text, start, end)
        kept = _kept(text, start, end, cuts)
        lines.append(_Line(start, end, cuts, heading, not kept.strip()))
        start = end + 1
    return lines


def _kept(text: str, start: int, end: int, cuts: tuple[_Cut, ...]) -> str:
    parts = []
    cursor = start
    for cut in cuts:
        parts.append(text[cursor : cut.start])
        cursor = cut.end
    parts.append(text[cursor:end])
    return "".join(parts)


def _line_cuts(text: str, start: int, end: int) -> tuple[bool, tuple[_Cut, ...]]:
    """Cuts for one line: its block prefixes (quote, bullet, heading), then inline markup."""
    cuts: list[_Cut] = []
    cursor = start
    while match := _QUOTE.match(text, cursor, end):
        cuts.append(_Cut(cursor, match.end(), False))
        cursor = match.end()
    heading = _HEADING.match(text, cursor, end)
    prefix = heading or _BULLET.match(text, cursor, end)
    if prefix:
        cuts.append(_Cut(cursor, prefix.end(), False))
        cursor = prefix.end()
    stop = end
    if heading and (closing := _HEADING_CLOSE.search(text, cursor, end)):
        stop = closing.start()
    cuts.extend(_inline_cuts(text, cursor, stop, start, end))
    if stop < end:
        cuts.append(_Cut(stop, end, True))
    return heading is not None, tuple(cuts)


def _inline_cuts(text: str, start: int, end: int, line_start: int, line_end: int) -> list[_Cut]:
    cuts: list[_Cut] = []
    runs: list[tuple[int, int, bool, bool]] = []  # emphasis runs: start, end, opens, closes
    for match in _INLINE.finditer(text, start, end):
        if match.group("code"):
            cuts.append(_Cut(match.start(), match.start("code_text"), False))
            cuts.append(_Cut(match.end("code_text"), match.end(), True))
        elif match.group("image"):
            cuts.append(_Cut(match.start(), match.end(), False))
        elif match.group("link"):
            cuts.append(_Cut(match.start(), match.start("link_text"), False))
            cuts.extend(
                _inline_cuts(
                    text, match.start("link_text"), match.end("link_text"), line_start, line_end
                )
            )
            cuts.append(_Cut(match.end("link_text"), match.end(), True))
        elif match.group("autolink"):
            cuts.append(_Cut(match.start(), match.start() + 1, False))
            cuts.append(_Cut(match.end() - 1, match.end(), True))
        elif match.group("tag"):
            cuts.append(_Cut(match.start(), match.end(), match.group().startswith("</")))
        elif match.group("escape"):
            cuts.append(_Cut(match.start(), match.start() + 1, False))
        elif match.group("emphasis"):
            before = text[match.start() - 1] if match.start() > line_start else " "
            after = text[match.end()] if match.end() < line_end else " "
            runs.append((match.start(), match.end(), *_flanking(match.group()[0], before, after)))
    cuts.extend(_paired(text, runs))
    cuts.sort(key=lambda cut: cut.start)
    return cuts


def _flanking(char: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether an emphasis run can open and can close (CommonMark's flanking rules).

    A run between two letters or digits is kept as text: "5*3" or "snake_case" are not
    emphasis in wire copy, and a lost "*" would change a figure.
    """
    if before.isalnum() and after.isalnum():
        return False, False
    left = not after.isspace() and (
        not _punctuation(after) or before.isspace() or _punctuation(before)
    )
    right = not before.isspace() and (
        not _punctuation(before) or after.isspace() or _punctuation(after)
    )
    if char == "_":
        return left and (not right or _punctuation(before)), right and (
            not left or _punctuation(after)
        )
    return left, right


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _paired(text: str, runs: list[tuple[int, int, bool, bool]]) -> list[_Cut]:
    """Cuts for emphasis runs that have a partner; a lone "*" stays as text."""
    cuts: list[_Cut] = []
    openers: list[tuple[int, int]] = []
    for start, end, opens, closes in runs:
        partner = None
        if closes:
            partner = next(
                (i for i in range(len(openers) - 1, -1, -1) if text[openers[i][0]] == text[start]),
                None,
            )
        if partner is not None:
            cuts.append(_Cut(*openers[partner], False))
            cuts.append(_Cut(start, end, True))
            del openers[partner:]
        elif opens:
            openers.append((start, end))
    return cuts
