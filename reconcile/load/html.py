"""HTML reader: the article body, its language and its published time, offsets kept."""

from __future__ import annotations

import html
import html.entities
import re
from html.parser import HTMLParser

from reconcile.load.markup import BLOCKS, MAX_DEPTH, SKIPPED, VOID, TextSink
from reconcile.load.text import (
    Decoded,
    Mapped,
    check_decoded,
    decode_bytes,
    identity,
    nfc,
    source_text,
)
from reconcile.model import InputError, SourceText

# Meta tags that carry the publication time, by name or property, best first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.created",
    "dc.date",
    "date",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
    "sailthru.date",
    "og:published_time",
    "article:modified_time",
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._-]{1,40})""", re.I)
_ARTICLE = re.compile(r"<article[\s>/]", re.IGNORECASE)
_NEWLINE = re.compile(r"\n")


class _Extractor(HTMLParser):
    def __init__(self, source: Mapped, article_only: bool) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.sink = TextSink(source)
        self.article_only = article_only
        self.stack: list[tuple[str, bool, bool]] = []  # tag, skipped, in article
        self.open_counts: dict[str, int] = {}
        self.skip = 0
        self.articles = 0
        self.metadata: dict[str, str] = {}
        self.meta_dates: dict[str, str] = {}
        self._lf_starts = [0, *(m.end() for m in _NEWLINE.finditer(source.text))]

    def _at(self) -> int:
        line, column = self.getpos()
        return min(self._lf_starts[line - 1] + column, len(self.source.text))

    @property
    def visible(self) -> bool:
        return not self.skip and (self.articles > 0 or not self.article_only)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._at()
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(values)
        if values.get("lang") and "lang" not in self.metadata and (tag == "html" or self.visible):
            self.metadata["lang"] = values["lang"].strip()
        if tag == "time" and values.get("datetime") and self.visible:
            self.meta_dates.setdefault("time", values["datetime"].strip())
        if tag in BLOCKS and self.visible:
            self.sink.block(at)
        if tag in VOID:
            return
        if len(self.stack) >= MAX_DEPTH:
            raise _TooDeep
        skipped = tag in SKIPPED
        self.stack.append((tag, skipped, tag == "article"))
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        self.skip += skipped
        self.articles += tag == "article"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        at = self._at()
        if self.visible:
            if tag in BLOCKS:
                self.sink.block(at)
            else:
                self.sink.close(at)
        if not self.open_counts.get(tag):
            return  # a stray end tag: HTML parsers ignore it, and so do we
        while self.stack:
            name, skipped, article = self.stack.pop()
            self.open_counts[name] -= 1
            self.skip -= skipped
            self.articles -= article
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.visible:
            start = self._at()
            self.sink.text(start, min(start + len(data), len(self.source.text)))

    def handle_entityref(self, name: str) -> None:
        if self.visible:
            value = html.unescape(f"&{name};") if _known(name) else f"&{name}"
            self.sink.char(value, self._at())

    def handle_charref(self, name: str) -> None:
        if self.visible:
            self.sink.char(_charref(name), self._at())

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content", "").strip()
        if key in DATE_META and content:
            self.meta_dates.setdefault(key, content)
        if key in ("og:locale", "language", "content-language", "dc.language") and content:
            self.meta_dates.setdefault("lang:" + key, content.replace("_", "-"))
        if values.get("http-equiv", "").lower() == "content-language" and content:
            self.meta_dates.setdefault("lang:http-equiv", content)


class _TooDeep(Exception):
    pass


def _known(name: str) -> bool:
    return f"{name};" in html.entities.html5


def _charref(name: str) -> str:
    try:
        code = int(name[1:], 16) if name[:1] in "xX" else int(name)
    except ValueError:
        return "\ufffd"
    # HTML maps NUL, surrogates and out-of-range references to U+FFFD, never to the code point.
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return "\ufffd"
    return html.unescape(f"&#{code};")


def extract(path: str, source: Mapped) -> tuple[Mapped, tuple[tuple[str, str], ...]]:
    """The visible article text of HTML held in `source`, and its lang and date metadata."""
    parser = _Extractor(source, article_only=bool(_ARTICLE.search(source.text)))
    try:
        parser.feed(source.text)
        parser.close()
    except _TooDeep:
        raise InputError(path, f"markup nested deeper than {MAX_DEPTH} levels") from None
    except (AssertionError, ValueError) as error:  # html.parser's own complaints
        raise InputError(path, f"malformed HTML ({error})") from None
    metadata: list[tuple[str, str]] = []
    lang = parser.metadata.get("lang") or next(
        (v for k, v in parser.meta_dates.items() if k.startswith("lang:")), None
    )
    if lang:
        metadata.append(("lang", lang))
    date = next((parser.meta_dates[k] for k in (*DATE_META, "time") if k in parser.meta_dates), "")
    if date:
        metadata.append(("date", date))
    return parser.sink.finish(), tuple(metadata)


def _decode(path: str, data: bytes) -> Decoded:
    """UTF-8 or a BOM first; else the charset a meta tag declares; else a guess."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            name = declared.group(1).decode("ascii").lower()
            try:
                return check_decoded(path, Decoded(data.decode(name), name, False))
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_bytes(path, data)


def read(path: str, data: bytes) -> SourceText:
    """Read an HTML page."""
    decoded = _decode(path, data)
    mapped, metadata = extract(path, identity(decoded.text))
    if not mapped.text.strip():
        raise InputError(path, "no article text in the HTML")
    return source_text(path, decoded.text, nfc(mapped), (("format", "html"), *metadata), decoded)
