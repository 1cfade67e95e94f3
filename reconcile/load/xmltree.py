"""Safe XML parsing (defusedxml) into a small tree that knows where each text piece starts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser

from reconcile.load.markup import BLOCKS, MAX_DEPTH, SKIPPED, VOID, TextSink, align_piece
from reconcile.load.text import Decoded, check_decoded, decode_bytes
from reconcile.model import InputError

XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


@dataclass(slots=True)
class Node:
    """An element: local name, attributes (namespaced names as "{ns}name"), children.

    `content` holds child Nodes and text pieces (decoded text, offset in the original where
    the piece starts) in document order.
    """

    tag: str  # local name, no namespace
    namespace: str
    attrs: dict[str, str]
    start: int  # offset in the original of "<"
    end: int = -1  # offset of the end tag's "<" (or just after an empty element)
    content: list[Node | tuple[str, int]] = field(default_factory=list)

    def children(self, tag: str | None = None) -> Iterator[Node]:
        for item in self.content:
            if isinstance(item, Node) and (tag is None or item.tag == tag):
                yield item

    def child(self, tag: str) -> Node | None:
        return next(self.children(tag), None)

    def find(self, *path: str) -> Node | None:
        node: Node | None = self
        for tag in path:
            node = node.child(tag) if node else None
        return node

    def iter(self, tag: str) -> Iterator[Node]:
        """Descendants named `tag`, in document order (iterative: depth is bounded anyway)."""
        stack = [iter(self.content)]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
            elif isinstance(item, Node):
                if item.tag == tag:
                    yield item
                stack.append(iter(item.content))

    def plain(self) -> str:
        """All text below this element, as decoded."""
        parts: list[str] = []
        stack = [iter(self.content)]
        while stack:
            item = next(stack[-1], None)
            if item is None:
                stack.pop()
            elif isinstance(item, Node):
                stack.append(iter(item.content))
            else:
                parts.append(item[0])
        return "".join(parts)

    def attr(self, name: str) -> str:
        return self.attrs.get(name, "").strip()

    def lang(self) -> str:
        return self.attr(XML_NS + "lang")


class _Builder:
    """The parser's target: builds Nodes, converting expat's byte offsets to characters."""

    def __init__(self, path: str, original: str, data: bytes) -> None:
        self.path = path
        self.original = original
        self.raw = data
        self.ascii = original.isascii()
        self.parser: DefusedXMLParser | None = None
        self.stack: list[Node] = []
        self.root: Node | None = None
        self._byte = 0
        self._char = 0

    def _offset(self) -> int:
        assert self.parser is not None
        index = int(self.parser.parser.CurrentByteIndex)
        if self.ascii:
            return index
        # Events come in file order, so converting from the last one keeps this linear.
        if index >= self._byte:
            self._char += len(self.raw[self._byte : index].decode("utf-8", "replace"))
        else:
            self._char = len(self.raw[:index].decode("utf-8", "replace"))
        self._byte = index
        return self._char

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise InputError(self.path, f"markup nested deeper than {MAX_DEPTH} levels")
        namespace, _, local = tag.rpartition("}")
        node = Node(local, namespace.lstrip("{"), dict(attrs), self._offset())
        if self.stack:
            self.stack[-1].content.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def end(self, tag: str) -> None:
        node = self.stack.pop()
        node.end = self._offset()

    def data(self, text: str) -> None:
        if self.stack:
            self.stack[-1].content.append((text, self._offset()))

    def close(self) -> Node | None:
        return self.root


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names, if any."""
    match = _DECLARED.match(data[:200])
    return match.group(1).decode("ascii") if match else None


def parse(path: str, original: str) -> Node:
    """Parse XML text; entity declarations, external references and deep nesting are refused.

    defusedxml refuses an entity declaration as it is read, so a billion-laughs payload is
    never expanded and an external entity (XXE) never fetched or read.
    """
    data = original.encode("utf-8")
    target = _Builder(path, original, data)
    # The encoding given here overrides the declaration: the text is already decoded.
    parser = DefusedXMLParser(
        target=target, encoding="utf-8", forbid_dtd=False, forbid_entities=True
    )
    target.parser = parser
    # Unbuffered, so that each piece of text is reported at its own offset.
    parser.parser.buffer_text = False
    try:
        parser.feed(data)
        root: Node | None = parser.close()
    except EntitiesForbidden as error:
        raise InputError(
            path, f"XML entity declaration {error.name!r} refused (entity expansion or XXE)"
        ) from None
    except DTDForbidden:
        raise InputError(path, "XML document type declaration refused") from None
    except DefusedXmlException as error:
        raise InputError(path, f"XML external reference refused ({type(error).__name__})") from None
    except ParseError as error:
        raise InputError(path, f"not well-formed XML ({error})") from None
    except RecursionError:
        raise InputError(path, "markup nested too deeply") from None
    if root is None:
        raise InputError(path, "no XML element")
    return root


def visible_text(node: Node, sink: TextSink, original: str, *, preserve: bool = False) -> None:
    """Feed the visible text of an (X)HTML-like element to the sink, blocks as paragraphs.

    Placeholders for inline codes (XLIFF ph, bpt, ept, it, sub) carry markup, not text.
    """
    stack: list[tuple[Node, Iterator[Node | tuple[str, int]]]] = [(node, iter(node.content))]
    while stack:
        current, items = stack[-1]
        item = next(items, None)
        if item is None:
            stack.pop()
            if len(stack) and current.tag in BLOCKS:
                sink.block(current.end)
            elif len(stack):
                sink.close(current.end)
            continue
        if isinstance(item, Node):
            if item.tag in SKIPPED or item.tag in _CODES:
                continue
            if item.tag in BLOCKS:
                sink.block(item.start)
            if item.tag not in VOID:
                stack.append((item, iter(item.content)))
            continue
        text, at = item
        if preserve:
            _preserved(text, original, at, sink)
        else:
            align_piece(text, original, at, sink)


_CODES = frozenset(("ph", "bpt", "ept", "it", "sub"))


def _preserved(text: str, original: str, at: int, sink: TextSink) -> None:
    """Plain text whose line breaks matter (NewsML inlineData): lines kept, blanks as paragraphs."""
    if original.startswith(text, at):
        sink.text(at, at + len(text), preserve=True)
    elif text == "\n":  # a CRLF or CR that the parser reported as LF
        sink.raw("\n", at)
    else:
        align_piece(text, original, at, sink)


def decode_xml(path: str, data: bytes) -> Decoded:
    """Decode an XML file: BOM or UTF-8 first, then the encoding its declaration names."""
    declared = declared_encoding(data)
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                return check_decoded(path, Decoded(data.decode(declared), declared.lower(), False))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(path, data)
