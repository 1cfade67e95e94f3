"""Visible text of markup (HTML, XHTML, XML), a paragraph per block, with offsets kept."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reconcile.load.origin import OriginBuilder
from reconcile.load.text import Builder, Mapped

MAX_DEPTH = 1000  # deeper markup is refused: no article needs it, and walkers stay bounded

# Elements whose end (and start) ends a paragraph.
BLOCKS = frozenset(
    (
        *("address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details"),
        *("div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2"),
        *("h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre"),
        *("section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr"),
        "ul",
    )
)
# Elements whose content a reader never sees as the article.
SKIPPED = frozenset(
    (
        *("aside", "button", "canvas", "footer", "form", "head", "iframe", "nav", "noscript"),
        *("object", "script", "select", "style", "svg", "template", "textarea"),
    )
)
VOID = frozenset(
    (
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"),
        *("source", "track", "wbr"),
    )
)

_SPACE = re.compile(r"[ \t\n\r\f]+")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});")


class TextSink:
    """Collects text from a source Mapped: whitespace collapsed, a blank line between blocks.

    A paragraph break or space is written only before the next visible text, so markup
    never leaves empty paragraphs; closing markup is marked so spans end before it.
    """

    def __init__(self, source: Mapped) -> None:
        self._source = source
        self._out = Builder(source)
        self._length = 0
        self._break = False
        self._space: int | None = None  # source offset of collapsed whitespace to write as " "

    def __len__(self) -> int:
        return self._length

    def block(self, at: int) -> None:
        """A block boundary at source offset `at`."""
        self._break = True
        self._space = None
        if self._length:
            # Only text already written can end at this markup; before any text, marking it
            # would map the first kept character to the tag ("<p>BRASILIA").
            self.close(at)

    def close(self, at: int) -> None:
        """Closing markup at source offset `at`: a span before it ends there."""
        if at < len(self._source.text):
            self._out.close_at(at)

    def text(self, start: int, end: int, *, preserve: bool = False) -> None:
        """Source text [start, end); whitespace runs become one space unless `preserve`."""
        if preserve:
            self._lead(start)
            self._out.copy(start, end)
            self._length += end - start
            return
        cursor = start
        for match in _SPACE.finditer(self._source.text, start, end):
            self._word(cursor, match.start())
            if self._space is None and not self._break:
                self._space = match.start()
            cursor = match.end()
        self._word(cursor, end)

    def char(self, value: str, at: int) -> None:
        """Text that stands for source offset `at` (a decoded entity or character reference)."""
        if not value:
            return
        if value.isspace():
            if self._space is None and not self._break:
                self._space = at
            return
        self._lead(at)
        self._out.emit(value, at)
        self._length += len(value)

    def raw(self, value: str, at: int) -> None:
        """Text for source offset `at`, written as it is (a line break in preformatted text)."""
        self._lead(at)
        self._out.emit(value, at)
        self._length += len(value)

    def _word(self, start: int, end: int) -> None:
        if start < end:
            self._lead(start)
            self._out.copy(start, end)
            self._length += end - start

    def _lead(self, at: int) -> None:
        """Write the pending paragraph break or space before text at `at`."""
        if self._length and self._break:
            self._out.emit("\n\n", at)
            self._length += 2
        elif self._length and self._space is not None:
            self._out.emit(" ", self._space)
            self._length += 1
        self._break = False
        self._space = None

    def finish(self) -> Mapped:
        return self._out.finish()


def join(pieces: Sequence[Mapped], separator: str = "\n\n") -> Mapped:
    """Texts one after another; a separator maps to the end of the piece before it."""
    parts: list[str] = []
    origin = OriginBuilder()
    kept = [piece for piece in pieces if piece.text]
    for index, piece in enumerate(kept):
        if index:
            parts.append(separator)
            origin.add(len(separator), kept[index - 1].origin[len(kept[index - 1].text)], 0)
        parts.append(piece.text)
        for run in piece.origin.runs(0, len(piece.text)):
            origin.add(*run)
    end = kept[-1].origin[len(kept[-1].text)] if kept else 0
    return Mapped("".join(parts), origin.finish_with(end))


def align_piece(data: str, original: str, at: int, sink: TextSink) -> int:
    """Feed a parser's decoded text `data`, which begins at `at` in `original`, to the sink.

    Runs that match the original are copied; a character reference, entity or CRLF that the
    parser decoded maps to where it begins. Returns the offset just after the piece.
    """
    i, j = 0, at
    while i < len(data):
        reference = _REFERENCE.match(original, j) if original.startswith("&", j) else None
        if reference and not data.startswith(reference.group(), i):
            sink.char(data[i], j)
            j = reference.end()
            i += 1
        elif original.startswith(data[i], j):
            k = i + 1
            while k < len(data) and j + k - i < len(original) and data[k] == original[j + k - i]:
                if data[k] == "&":
                    break
                k += 1
            sink.text(j, j + k - i)
            j += k - i
            i = k
        elif data[i] == "\n" and original.startswith("\r", j):
            sink.char("\n", j)
            j += 2 if original.startswith("\r\n", j) else 1
            i += 1
        else:  # not expected from a conforming parser; keep the text, mapped where it stands
            sink.char(data[i], min(j, len(original) - 1))
            i += 1
    return j
