"""IPTC NewsML-G2 reader: a newsItem's headline and body, its language and its dates."""

from __future__ import annotations

from reconcile.load.markup import TextSink
from reconcile.load.text import identity, nfc, normalise_newlines, source_text
from reconcile.load.xmltree import Node, decode_xml, parse, visible_text
from reconcile.model import InputError, SourceText

# itemMeta and contentMeta dates, best first: the first publication is what "on Saturday" in
# the story is relative to; a later version only corrects it.
_DATES = (
    ("itemMeta", "firstCreated"),
    ("contentMeta", "contentCreated"),
    ("itemMeta", "versionCreated"),
)


def read(path: str, data: bytes) -> SourceText:
    """Read a NewsML-G2 document (a newsItem, or the first one in a newsMessage)."""
    decoded = decode_xml(path, data)
    original = decoded.text
    root = parse(path, original)
    item = root if root.tag == "newsItem" else next(root.iter("newsItem"), None)
    if item is None:
        raise InputError(
            path,
            f"unsupported XML document (root element <{root.tag}>): "
            "expected a NewsML-G2 <newsItem> or <xliff>",
        )
    sink = TextSink(identity(original))
    content = item.find("contentSet")
    inline_xml = content.child("inlineXML") if content else None
    inline_data = content.child("inlineData") if content else None
    headline = item.find("contentMeta", "headline")
    if inline_xml and next(inline_xml.iter("h1"), None):
        headline = None  # the body has its own
    body = inline_xml or inline_data
    # In file order, so that offsets never run backwards (a span maps to one stretch of file).
    for node in sorted((n for n in (headline, body) if n is not None), key=lambda n: n.start):
        sink.block(node.start)
        visible_text(node, sink, original, preserve=node is inline_data)
        sink.close(node.end)
    mapped = sink.finish()
    if not mapped.text.strip():
        raise InputError(path, "no text in the newsItem's contentSet")
    metadata: list[tuple[str, str]] = [("format", "newsml")]
    lang = _lang(item, body)
    if lang:
        metadata.append(("lang", lang))
    date = next(
        (found.plain().strip() for where in _DATES if (found := item.find(*where)) is not None),
        "",
    )
    if date:
        metadata.append(("date", date))
    return source_text(path, original, nfc(normalise_newlines(mapped)), tuple(metadata), decoded)


def _lang(item: Node, body: Node | None) -> str:
    language = item.find("contentMeta", "language")
    for candidate in (
        body.lang() if body is not None else "",
        body.attr("lang") if body is not None else "",
        language.attr("tag") if language is not None else "",
        item.lang(),
    ):
        if candidate:
            return candidate
    return ""
