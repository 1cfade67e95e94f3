"""Rules on the text itself: how a file was decoded, mojibake, and invisible characters."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import ftfy
from ftfy.badness import is_bad

from reconcile.model import CheckedStory, Document, Finding, Severity
from reconcile.rules.base import Rule

# A UTF-8 lead byte read as Windows-1252 or Latin-1 (Â..ô), then a continuation byte read the
# same way: C1 controls, cp1252's punctuation and letters in 0x80-0x9f, or NBSP..¿.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)
_WORD = re.compile(r"\S+")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?"

# Controls that reorder the text shown (embeddings, overrides, isolates): always reported.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Marks with no width that some scripts need (ZWNJ in Persian, ZWJ in emoji and Indic
# scripts, ZWSP in Thai): reported only inside a Latin word or a figure.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\u180e\ufeff\u200e\u200f\u061c")
_SOFT_HYPHEN = "\u00ad"  # a hyphenation hint inside words; inside a figure it hides a break
_INVISIBLE = re.compile("[" + "".join(sorted(_BIDI | _ZERO_WIDTH)) + _SOFT_HYPHEN + "]")
_LATIN_LIMIT = 0x250  # Basic Latin to Latin Extended-B
_MAX_WORD = 64  # characters either side: a "word" in a 10 MB line stays cheap


class TextEncodingGuessed(Rule):
    """A file was not UTF-8 and its encoding had to be guessed.

    Anti-pattern: a story saved as Windows-1252 or ISO-8859-1 with no byte-order mark; the
    guess can be wrong, and then "São Paulo" or "Zürich" reach readers misspelt.
    Best practice: save every version as UTF-8 (with or without BOM); check the guessed
    encoding named in the finding against what the newsroom system exported.
    """

    id = "text-encoding-guessed"
    severity = Severity.INFO

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        seen: set[str] = set()  # an XLIFF file is two versions, but one file to re-save
        for version in story.versions:
            document = version.document
            source = document.source
            if not source.encoding_guessed or source.path in seen:
                continue
            seen.add(source.path)
            first = _WORD.search(source.text)
            start, end = first.span() if first else (0, 0)
            yield self.finding(
                document,
                start,
                end,
                f"not UTF-8: read as {source.encoding} (a guess from the bytes); "
                "if accented letters look wrong, the guess was wrong",
            )


class TextMojibake(Rule):
    """A word shows UTF-8 bytes decoded as Windows-1252 or Latin-1 (mojibake).

    Anti-pattern: "SÃ£o Paulo", "terÃ§a-feira" or "Itâ€™s": text that went through a system
    that read UTF-8 as Latin-1 and wrote it back, which a reader sees as garbage.
    Best practice: repair the text at its source ("São Paulo", "terça-feira", "It’s") and
    keep it UTF-8 from end to end.
    """

    id = "text-mojibake"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for version in story.versions:
            document = version.document
            text = document.source.text
            for word in _words_with(text, _MOJIBAKE):
                start, end = word
                token = text[start:end]
                fixed = ftfy.fix_encoding(token)
                if fixed == token or not is_bad(token):
                    continue
                yield self.finding(
                    document,
                    start,
                    end,
                    f"{token!r} looks like UTF-8 read as Windows-1252 (mojibake); "
                    f"it was probably {fixed!r}",
                    suggestion=fixed,
                )


class TextInvisibleCharacter(Rule):
    """An invisible character sits inside a word or a figure, or reorders the text shown.

    Anti-pattern: "150\u200b000" with a zero-width space, "2\u00ad025" with a soft hyphen,
    "Paulo\u200dSilva" with a zero-width joiner, or a bidi override (U+202E) that makes
    "2/12" display as something else: the reader sees one thing, search, copy and the
    other versions another.
    Best practice: remove the character; write figures and names with visible characters
    only, and leave bidi controls to the publishing system.
    """

    id = "text-invisible-character"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for version in story.versions:
            yield from self._document(version.document)

    def _document(self, document: Document) -> Iterator[Finding]:
        text = document.source.text
        if text.isascii():
            return
        reported: set[int] = set()
        for match in _INVISIBLE.finditer(text):
            index = match.start()
            if not _misleading(text, index):
                continue
            start, end = _word_around(text, index)
            if start in reported:
                continue
            reported.add(start)
            word = text[start:end]
            hidden = sorted({c for c in word if c in _BIDI or c in _ZERO_WIDTH or c == "\xad"})
            names = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL')}" for c in hidden)
            clean = "".join(c for c in word if c not in hidden)
            yield self.finding(
                document,
                start,
                end,
                f"invisible {names} in {clean!r}: a reader does not see it, but it changes "
                "how the text displays, searches and compares",
                suggestion=clean or None,
            )


def _misleading(text: str, index: int) -> bool:
    char = text[index]
    if char in _BIDI:
        return True
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if char == _SOFT_HYPHEN:
        return before.isdigit() and after.isdigit()
    if char == "\ufeff" and index == 0:
        return False
    latin = (
        before.isalnum()
        and after.isalnum()
        and ord(before) < _LATIN_LIMIT
        and ord(after) < _LATIN_LIMIT
    )
    return latin or (before.isdigit() and after.isdigit())


def _word_around(text: str, index: int) -> tuple[int, int]:
    """The whitespace-delimited word holding text[index], without edge punctuation."""
    start = index
    while start > max(0, index - _MAX_WORD) and not text[start - 1].isspace():
        start -= 1
    end = index + 1
    while end < min(len(text), index + _MAX_WORD) and not text[end].isspace():
        end += 1
    while start < index and text[start] in _EDGE_PUNCTUATION:
        start += 1
    while end > index + 1 and text[end - 1] in _EDGE_PUNCTUATION:
        end -= 1
    return start, end


def _words_with(text: str, pattern: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """Spans of the words that contain a match, each once, edge punctuation trimmed."""
    last = -1
    for match in pattern.finditer(text):
        start, end = _word_around(text, match.start())
        if start != last:
            last = start
            yield start, end
