"""Plain-text reader, and the decoding and offset-mapping helpers every reader shares."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from reconcile.model import InputError, SourceText

_BOM = b"\xef\xbb\xbf"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Mapped:
    """A text with, for each character and for its end, an offset in the original file."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries


class Builder:
    """Builds a new Mapped from pieces of an old one, so that offsets compose."""

    def __init__(self, source: Mapped) -> None:
        self._source = source
        self._parts: list[str] = []
        self._origin: list[int] = []
        self._pending: int | None = None

    def copy(self, start: int, end: int) -> None:
        """Keep source.text[start:end]."""
        if start >= end:
            return
        self._add(self._source.text[start:end], self._source.origin[start:end])

    def emit(self, text: str, at: int) -> None:
        """Add text that stands for the source character at `at` (e.g. LF for CRLF)."""
        if not text:
            return
        self._add(text, [self._source.origin[at]] * len(text))

    def close_at(self, at: int) -> None:
        """Mark dropped closing markup at source offset `at`.

        The next kept character then maps to where the markup began, so that a span ending
        just before the markup ("**2/12**") maps to an excerpt without it; a span starting
        there is rare, as closing markup is followed by space or punctuation.
        """
        if self._pending is None:
            self._pending = self._source.origin[at]

    def _add(self, text: str, origin: Sequence[int]) -> None:
        first = len(self._origin)
        self._parts.append(text)
        self._origin.extend(origin)
        if self._pending is not None:
            self._origin[first] = self._pending
            self._pending = None

    def finish(self) -> Mapped:
        end = self._source.origin[len(self._source.text)]
        if self._pending is not None:
            end = self._pending
        return Mapped("".join(self._parts), (*self._origin, end))


def read_bytes(path: str) -> bytes:
    """The file's bytes, or InputError with a short cause."""
    if os.path.isdir(path):
        raise InputError(path, "is a directory")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise InputError(path, f"cannot read ({reason})") from None


def decode(path: str, data: bytes) -> str:
    """UTF-8 text without BOM, or InputError for binary, undecodable or empty content."""
    if b"\x00" in data:
        raise InputError(path, "binary file (NUL bytes)")
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        bad = data[skip + error.start]
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{bad:02x} at offset {skip + error.start})"
        ) from None
    if not text.strip():
        raise InputError(path, "empty file")
    return text


def identity(text: str) -> Mapped:
    return Mapped(text, tuple(range(len(text) + 1)))


def normalise_newlines(source: Mapped) -> Mapped:
    """CRLF and lone CR become LF, each mapped to its CR."""
    text = source.text
    if "\r" not in text:
        return source
    out = Builder(source)
    start = 0
    index = text.find("\r")
    while index != -1:
        out.copy(start, index)
        out.emit("\n", index)
        start = index + 2 if text.startswith("\r\n", index) else index + 1
        index = text.find("\r", start)
    out.copy(start, len(text))
    return out.finish()


@functools.cache
def _composing_starters() -> frozenset[str]:
    """Characters of combining class 0 that NFC may still merge into the one before them.

    Most composition happens onto a starter from combining marks, but a few vowel signs
    (Indic scripts, Myanmar, Balinese) and Hangul vowels and final consonants are starters
    themselves; a normalisation run must not end before them.
    """
    found = {chr(cp) for cp in range(0x1161, 0x1176)} | {chr(cp) for cp in range(0x11A8, 0x11C3)}
    # Canonical pairs all lie below U+20000; beyond are singletons only.
    for cp in range(0x20000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<"):
            parts = decomposition.split()
            if len(parts) == 2:
                second = chr(int(parts[1], 16))
                if unicodedata.combining(second) == 0:
                    found.add(second)
    return frozenset(found)


def nfc(source: Mapped) -> Mapped:
    """Unicode NFC; each output character maps to the start of the run it came from.

    A run is a character that cannot merge with what precedes it, plus every character
    after it that can; runs normalise independently, so offsets between runs stay exact.
    """
    text = source.text
    if unicodedata.is_normalized("NFC", text):
        return source
    joins = _composing_starters()
    out = Builder(source)
    start = 0
    for index in range(1, len(text) + 1):
        if index < len(text):
            char = text[index]
            if unicodedata.combining(char) or char in joins:
                continue
        run = text[start:index]
        normal = unicodedata.normalize("NFC", run)
        if normal == run:
            out.copy(start, index)
        else:
            out.emit(normal, start)
        start = index
    return out.finish()


def line_starts(original: str) -> tuple[int, ...]:
    """Offsets where each line of the original begins; CRLF is one break, lone CR is one."""
    return (0, *(match.end() for match in _LINE_BREAK.finditer(original)))


def source_text(
    path: str, original: str, mapped: Mapped, metadata: tuple[tuple[str, str], ...]
) -> SourceText:
    return SourceText(
        path=path,
        text=mapped.text,
        original=original,
        origin=mapped.origin,
        line_starts=line_starts(original),
        metadata=metadata,
    )


def read(path: str) -> SourceText:
    """Read a plain-text file."""
    original = decode(path, read_bytes(path))
    mapped = nfc(normalise_newlines(identity(original)))
    return source_text(path, original, mapped, (("format", "text"),))
