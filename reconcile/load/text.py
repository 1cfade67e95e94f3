"""Plain-text reader, and the decoding and offset-mapping helpers every reader shares."""

from __future__ import annotations

import functools
import itertools
import os
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from reconcile.load.origin import Origin, OriginBuilder
from reconcile.model import InputError, SourceText

_BOMS = (  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Legacy Western characters that cp1252 puts in 0x80-0x9f: punctuation, the euro sign and a
# few letters; a decoding that yields only these and Latin-1 is read as cp1252.
_CP1252_EXTRA = frozenset("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
# Characters that mean a guessed decoding is wrong: C0 controls other than whitespace, C1
# controls, private use, unassigned code points and the replacement character.
_JUNK_CATEGORIES = frozenset(("Cc", "Co", "Cn", "Cs"))
_JUNK_SHARE = 0.01

DEFAULT_MAX_BYTES = 20_000_000
# Longest paragraph (extracted text between line breaks) a story can have. Wire paragraphs are
# well under 5,000 characters; a 10 MB line is a dump or an attack, and the stages after
# loading are not built for one paragraph of that size.
MAX_PARAGRAPH = 100_000
_LONG_LINE = re.compile(rf"[^\n]{{{MAX_PARAGRAPH + 1}}}")
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Mapped:
    """A text with, for each character and for its end, an offset in the original file."""

    text: str
    origin: Origin  # len(text) + 1 entries


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and how it was decoded."""

    text: str
    encoding: str  # "utf-8", "utf-16-le", "cp1252", ...
    guessed: bool  # True when neither a BOM nor valid UTF-8 said so


class Builder:
    """Builds a new Mapped from pieces of an old one, so that offsets compose."""

    def __init__(self, source: Mapped) -> None:
        self._source = source
        self._parts: list[str] = []
        self._origin = OriginBuilder()
        self._pending: int | None = None

    def copy(self, start: int, end: int) -> None:
        """Keep source.text[start:end]."""
        if start >= end:
            return
        self._parts.append(self._source.text[start:end])
        if self._take_pending():
            start += 1
        for length, base, step in self._source.origin.runs(start, end):
            self._origin.add(length, base, step)

    def emit(self, text: str, at: int) -> None:
        """Add text that stands for the source character at `at` (e.g. LF for CRLF)."""
        if not text:
            return
        self.emit_at_original(text, self._source.origin[at])

    def emit_at_original(self, text: str, original: int) -> None:
        """Add text that stands for an offset of the original file itself."""
        if not text:
            return
        self._parts.append(text)
        skip = self._take_pending()
        self._origin.add(len(text) - skip, original, 0)

    def close_at(self, at: int) -> None:
        """Mark dropped closing markup at source offset `at`.

        The next kept character then maps to where the markup began, so that a span ending
        just before the markup ("**2/12**") maps to an excerpt without it; a span starting
        there is rare, as closing markup is followed by space or punctuation.
        """
        if self._pending is None:
            self._pending = self._source.origin[at]

    def _take_pending(self) -> int:
        """Map the next character to pending closing markup; 1 if there was some."""
        if self._pending is None:
            return 0
        self._origin.add(1, self._pending, 0)
        self._pending = None
        return 1

    def finish(self, end_at: int | None = None) -> Mapped:
        """The text built; its end maps to source offset `end_at` (default: the source's end)."""
        end = self._source.origin[len(self._source.text) if end_at is None else end_at]
        if self._pending is not None:
            end = self._pending
        return Mapped("".join(self._parts), self._origin.finish_with(end))


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, or InputError with a short cause; never more than max_bytes."""
    if os.path.isdir(path):
        raise InputError(path, "is a directory")
    try:
        with open(path, "rb") as handle:
            # Chunks up to one byte past the limit: the size a FIFO or /proc reports can't be
            # trusted, and read(n) would allocate all n bytes up front.
            chunks: list[bytes] = []
            total = 0
            while total <= max_bytes and (chunk := handle.read(min(_CHUNK, max_bytes + 1 - total))):
                chunks.append(chunk)
                total += len(chunk)
            data = b"".join(chunks)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise InputError(path, f"cannot read ({reason})") from None
    if len(data) > max_bytes:
        raise InputError(
            path, f"file larger than the {_size(max_bytes)} limit (raise it with --max-file-size)"
        )
    return data


def _size(count: int) -> str:
    if count >= 1_000_000 and count % 1_000_000 == 0:
        return f"{count // 1_000_000} MB"
    return f"{count} bytes"


def decode(path: str, data: bytes) -> str:
    """The file's text without BOM, or InputError; see decode_bytes."""
    return decode_bytes(path, data).text


def decode_bytes(path: str, data: bytes) -> Decoded:
    """UTF-8 (BOM or not), UTF-16 or UTF-32 with a BOM, else a guessed legacy encoding.

    The BOM is looked at before NUL bytes, since UTF-16 text is full of them. Refused with
    InputError: binary content, bytes no encoding fits, NUL characters, empty text.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                raise InputError(
                    path, f"not valid {name} ({error.reason} at offset {len(bom) + error.start})"
                ) from None
            return check_decoded(path, Decoded(text, codec, False))
    if b"\x00" in data:
        raise InputError(path, "binary file (NUL bytes)")
    try:
        return check_decoded(path, Decoded(data.decode("utf-8"), "utf-8", False))
    except UnicodeDecodeError as error:
        failure = f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
    guess = _guess(data)
    if guess is None:
        raise InputError(path, f"{failure} and no other encoding fits")
    return check_decoded(path, guess)


def _guess(data: bytes) -> Decoded | None:
    """A legacy encoding for bytes that are not UTF-8: cp1252 when it reads as Western text
    (short wire copy fools statistical detectors: "São" comes out as Big5), else what
    charset-normalizer finds; None when the result would be junk."""
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = ""
    if western and all(c < "\x80" or "\xa0" <= c <= "\xff" or c in _CP1252_EXTRA for c in western):
        return Decoded(western, "cp1252", True) if not _junk(western) else None
    best = from_bytes(data).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    text = str(best)
    return None if _junk(text) else Decoded(text, best.encoding.replace("_", "-"), True)


def _junk(text: str) -> bool:
    bad = sum(
        1
        for c in text
        if (c not in "\t\n\r\f\v" and unicodedata.category(c) in _JUNK_CATEGORIES) or c == "\ufffd"
    )
    return bad > len(text) * _JUNK_SHARE


def check_decoded(path: str, decoded: Decoded) -> Decoded:
    text = decoded.text
    if "\x00" in text:
        raise InputError(path, f"NUL character at offset {text.index(chr(0))} (binary content?)")
    if not text.strip():
        raise InputError(path, "empty file")
    return decoded


def identity(text: str) -> Mapped:
    return Mapped(text, Origin.identity(len(text) + 1))


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
    if "\r" in original:
        return (0, *(match.end() for match in _LINE_BREAK.finditer(original)))
    # Only LF breaks: each start is the sum of the lengths of the lines before it, taken in C
    # (the regex's alternation costs a test at every character).
    return (0, *itertools.accumulate([len(line) + 1 for line in original.split("\n")[:-1]]))


def source_text(
    path: str,
    original: str,
    mapped: Mapped,
    metadata: tuple[tuple[str, str], ...],
    decoded: Decoded | None = None,
    units: tuple[tuple[str, int, int], ...] = (),
) -> SourceText:
    long = _LONG_LINE.search(mapped.text) if len(mapped.text) > MAX_PARAGRAPH else None
    if long is not None:
        line = original.count("\n", 0, mapped.origin[long.start()]) + 1
        raise InputError(
            path,
            f"a paragraph longer than {MAX_PARAGRAPH:,} characters (line {line}): "
            "not a story's text",
        )
    return SourceText(
        path=path,
        text=mapped.text,
        original=original,
        origin=mapped.origin,
        line_starts=line_starts(original),
        metadata=metadata,
        encoding=decoded.encoding if decoded else "utf-8",
        encoding_guessed=decoded.guessed if decoded else False,
        units=units,
    )


def read(path: str, data: bytes) -> SourceText:
    """Read a plain-text file."""
    decoded = decode_bytes(path, data)
    mapped = nfc(normalise_newlines(identity(decoded.text)))
    return source_text(path, decoded.text, mapped, (("format", "text"),), decoded)
