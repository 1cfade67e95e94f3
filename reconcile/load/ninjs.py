"""IPTC ninjs (1.x and 2.x) reader: headline and body, language and dates, from JSON."""

from __future__ import annotations

import json
import re
from typing import Any

from reconcile.load import html
from reconcile.load.markup import join
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

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"', re.DOTALL)
_SCALAR = re.compile(r"[^,\]\}\s]+")
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|.)", re.DOTALL)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_MAX_PATH = 3  # ("bodies", 0, "value") is as deep as ninjs text goes

Path = tuple[str | int, ...]


def read(path: str, data: bytes) -> SourceText:
    """Read a ninjs document: `headline` or `headlines`, then `body_text`, `body_html` or
    `bodies` (2.x), with `language` and `firstcreated`/`versioncreated` as metadata."""
    decoded = decode_bytes(path, data)
    original = decoded.text
    try:
        document = json.loads(original)
    except RecursionError:
        raise InputError(path, "JSON nested too deeply") from None
    except ValueError as error:
        raise InputError(path, f"malformed JSON ({error})") from None
    if not isinstance(document, dict):
        raise InputError(path, "not a ninjs document (the JSON is not an object)")
    spans = string_spans(original)
    pieces: list[Mapped] = []
    headline = _headline_path(document)
    if headline is not None:
        pieces.append(_plain(path, original, spans[headline]))
    body, is_html = _body_path(document)
    if body is not None:
        text = _plain(path, original, spans[body])
        if is_html:
            text, _ = html.extract(path, text)
        pieces.append(text)
    # In file order, so that offsets never run backwards (a span maps to one stretch of file).
    mapped = join(sorted(pieces, key=lambda piece: piece.origin[0]))
    if not mapped.text.strip():
        raise InputError(path, "no headline or body text in the ninjs document")
    metadata: list[tuple[str, str]] = [("format", "ninjs")]
    language = document.get("language")
    if isinstance(language, str) and language.strip():
        metadata.append(("lang", language.strip()))
    for key in ("firstcreated", "versioncreated", "contentcreated"):
        value = document.get(key)
        if isinstance(value, str) and value.strip():
            metadata.append(("date", value.strip()))
            break
    return source_text(path, original, nfc(mapped), tuple(metadata), decoded)


def _headline_path(document: dict[str, Any]) -> Path | None:
    if isinstance(document.get("headline"), str):
        return ("headline",)
    headlines = document.get("headlines")
    if isinstance(headlines, list):
        best = _by_role(headlines, ("main", "", None))
        if best is not None:
            return ("headlines", best, "value")
    return None


def _body_path(document: dict[str, Any]) -> tuple[Path | None, bool]:
    if isinstance(document.get("body_text"), str) and document["body_text"].strip():
        return ("body_text",), False
    if isinstance(document.get("body_html"), str) and document["body_html"].strip():
        return ("body_html",), True
    bodies = document.get("bodies")
    if isinstance(bodies, list):
        best = _by_role(bodies, ("main", "", None))
        if best is not None:
            kind = str(bodies[best].get("contenttype", "text/plain")).lower()
            return ("bodies", best, "value"), "html" in kind
    return None, False


def _by_role(items: list[Any], roles: tuple[str | None, ...]) -> int | None:
    """The index of the first object with a string `value` whose role is preferred."""
    candidates = [
        (i, item.get("role"))
        for i, item in enumerate(items)
        if isinstance(item, dict) and isinstance(item.get("value"), str)
    ]
    for role in roles:
        for index, found in candidates:
            if found == role:
                return index
    return candidates[0][0] if candidates else None


def string_spans(text: str) -> dict[Path, tuple[int, int]]:
    """Where each string value of a valid JSON text lies, by its path (up to _MAX_PATH deep).

    (start, end) is the string's content between its quotes, escapes still raw. The scan
    keeps its own stack, so nesting depth costs no recursion.
    """
    spans: dict[Path, tuple[int, int]] = {}
    stack: list[list[Any]] = []  # [key or index, expecting a key]
    position = 0
    length = len(text)
    while position < length:
        position = _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]
        if position >= length:
            break
        char = text[position]
        if char in "{[":
            stack.append([0 if char == "[" else None, char == "{"])
            position += 1
        elif char in "}]":
            stack.pop()
            position += 1
        elif char == ",":
            frame = stack[-1]
            if frame[1] is False and isinstance(frame[0], int):
                frame[0] += 1
            else:
                frame[1] = True
            position += 1
        elif char == ":":
            stack[-1][1] = False
            position += 1
        elif char == '"':
            match = _STRING.match(text, position)
            if match is None:
                break
            if stack and stack[-1][1] is True:
                stack[-1][0] = json.loads(match.group())
            elif len(stack) <= _MAX_PATH:
                spans[tuple(frame[0] for frame in stack)] = (match.start(1), match.end(1))
            position = match.end()
        else:
            match = _SCALAR.match(text, position)
            position = match.end() if match else position + 1
    return spans


def _plain(path: str, original: str, span: tuple[int, int]) -> Mapped:
    """A JSON string's decoded value, each character mapped to its place in the file."""
    start, end = span
    out = Builder(identity(original))
    cursor = start
    for match in _ESCAPE.finditer(original, start, end):
        if match.start() < cursor:  # the low half of a surrogate pair, already written
            continue
        out.copy(cursor, match.start())
        code = match.group(1)
        cursor = match.end()
        if code[0] != "u":
            out.emit(_SIMPLE.get(code, code), match.start())
            continue
        value = int(code[1:], 16)
        if 0xD800 <= value <= 0xDBFF:
            low = _ESCAPE.match(original, cursor, end)
            low_value = int(low.group(1)[1:], 16) if low and low.group(1)[0] == "u" else 0
            if 0xDC00 <= low_value <= 0xDFFF:
                combined = 0x10000 + ((value - 0xD800) << 10) + (low_value - 0xDC00)
                out.emit(chr(combined), match.start())
                cursor = low.end()  # type: ignore[union-attr]
                continue
        if 0xD800 <= value <= 0xDFFF:
            raise InputError(path, f"lone surrogate \\{code} in a JSON string")
        if value == 0:
            raise InputError(path, "NUL character (\\u0000) in a JSON string")
        out.emit(chr(value), match.start())
    out.copy(cursor, end)
    return normalise_newlines(out.finish(end_at=end))
