"""XLIFF 1.2 and 2.x reader: source and target text per unit, the file's own alignment."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from reconcile.load.markup import TextSink
from reconcile.load.text import Decoded, identity, nfc, source_text
from reconcile.load.xmltree import Node, decode_xml, parse, visible_text
from reconcile.model import InputError, SourceText


def read(path: str, data: bytes) -> tuple[SourceText, SourceText]:
    """Read an XLIFF file as two versions whose `units` pair up one to one, in file order."""
    decoded = decode_xml(path, data)
    original = decoded.text
    root = parse(path, original)
    if root.tag != "xliff":
        raise InputError(path, "not an XLIFF document (the root element is not <xliff>)")
    files = list(root.children("file"))
    version2 = bool(root.attr("srcLang")) or root.attr("version").startswith("2")
    if version2:
        source_lang, target_lang = root.attr("srcLang"), root.attr("trgLang")
    else:
        first = files[0] if files else root
        source_lang, target_lang = first.attr("source-language"), first.attr("target-language")
    sinks = TextSink(identity(original)), TextSink(identity(original))
    units: tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]] = ([], [])
    for unit_id, sources, targets in _units(root, version2):
        for side, nodes in enumerate((sources, targets)):
            sink = sinks[side]
            if nodes:
                sink.block(nodes[0].start)
            begin = len(sink)
            for node in nodes:
                visible_text(node, sink, original)
                sink.close(node.end)
            # The unit's text begins after the paragraph break that the sink writes lazily.
            units[side].append((unit_id, begin, len(sink)))
    if not any(end > start for _, start, end in units[0]):
        raise InputError(path, "no source text in any XLIFF unit")
    return (
        _version(path, original, sinks[0], units[0], source_lang, "source", decoded),
        _version(path, original, sinks[1], units[1], target_lang, "target", decoded),
    )


def _units(root: Node, version2: bool) -> Iterator[tuple[str, list[Node], list[Node]]]:
    if version2:
        for number, unit in enumerate(root.iter("unit"), start=1):
            segments = [s for s in unit.content if isinstance(s, Node) and s.tag in ("segment",)]
            sources = [s for seg in segments if (s := seg.child("source")) is not None]
            targets = [t for seg in segments if (t := seg.child("target")) is not None]
            yield unit.attr("id") or str(number), sources, targets
    else:
        for number, unit in enumerate(root.iter("trans-unit"), start=1):
            if unit.attr("translate") == "no":
                continue
            source, target = unit.child("source"), unit.child("target")
            yield (
                unit.attr("id") or str(number),
                [source] if source is not None else [],
                [target] if target is not None else [],
            )


def _version(
    path: str,
    original: str,
    sink: TextSink,
    units: list[tuple[str, int, int]],
    lang: str,
    role: str,
    decoded: Decoded,
) -> SourceText:
    mapped = sink.finish()
    text = mapped.text
    # A unit's recorded start may sit on the paragraph break written before its first word.
    fixed = []
    for unit_id, start, end in units:
        while start < end and text[start] in "\n ":
            start += 1
        fixed.append((unit_id, start, end))
    normal = nfc(mapped)
    if len(normal.text) != len(text):
        fixed = [(u, _shift(text, s), _shift(text, e)) for u, s, e in fixed]
    metadata: list[tuple[str, str]] = [("format", "xliff"), ("xliff", role)]
    if lang:
        metadata.append(("lang", lang))
    return source_text(path, original, normal, tuple(metadata), decoded, tuple(fixed))


def _shift(before: str, offset: int) -> int:
    """An offset into `before` carried over to its NFC form."""
    return len(unicodedata.normalize("NFC", before[:offset]))
