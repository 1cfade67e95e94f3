"""Link rules: URLs, e-mail addresses, handles and hashtags must survive translation intact."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reconcile.model import CheckedStory, Document, Finding, LinkMention, Severity
from reconcile.rules.base import Rule
from reconcile.rules.beads import Pair, aligned_pairs


class LinkMismatch(Rule):
    """A URL, e-mail address, @handle or #hashtag differs from the source's, or is missing.

    Anti-pattern: the source links www.gov.br/saude and the translation www.gov.br/saúde, or
    writes @Lula as @lula_oficial, or drops the address readers were told to write to, or
    points a Markdown or HTML link's text at another page (reported at the link's text).
    Best practice: copy links verbatim. A URL may differ only in a path segment, subdomain
    or query value that names the story's languages (/pt/ and /en/, pt.wikipedia.org and
    en.wikipedia.org, ?lang=pt): that is the same page in the reader's language.
    """

    id = "link-mismatch"
    severity = Severity.ERROR

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        # Every finding is about a link of the source: only beads with one are read.
        linked = {link.sentence for link in story.versions[0].document.links}
        if not linked:
            return
        for pair in aligned_pairs(story):
            if not linked.isdisjoint(pair.bead.source):
                yield from self._pair(pair)

    def _pair(self, pair: Pair) -> Iterator[Finding]:
        ours = _links_in(pair.source, pair.bead.source)
        if not ours:
            return  # a link the translation adds is not one it got wrong
        codes = _language_codes(pair.source, pair.target)
        theirs = _links_in(pair.target, pair.bead.target)
        unmatched = list(ours)
        changed = []
        for link in theirs:
            same = next((o for o in unmatched if _same(o, link, codes)), None)
            if same is not None:
                unmatched.remove(same)
            else:
                changed.append(link)
        for link in changed:
            original = next((o for o in unmatched if o.kind == link.kind), None)
            if original is None:
                continue  # a link the translation adds is not one it got wrong
            unmatched.remove(original)
            source_link = f"the source's {original.text!r} ({pair.source.path})"
            yield self.finding(
                pair.target,
                link.start,
                link.end,
                f"this link goes to {link.text!r}, not to {source_link}"
                if link.markup
                else f"{link.text!r} differs from {source_link}",
                related=(pair.source.source.locate(original.start, original.end),),
                # A Markdown link's span is its text: the target is not there to replace.
                suggestion=None if link.markup else original.text,
            )
        for original in unmatched:
            start, end = pair.target_span()
            yield self.finding(
                pair.target,
                start,
                end,
                f"the source's {original.kind} {original.text!r} ({pair.source.path}) is "
                "missing from this translation of the sentence",
                severity=Severity.WARNING,
                related=(pair.source.source.locate(original.start, original.end),),
                suggestion=None if original.markup else original.text,
            )


def _links_in(document: Document, sentences: tuple[int, ...]) -> list[LinkMention]:
    return [link for link in document.links if link.sentence in sentences]


def _same(a: LinkMention, b: LinkMention, codes: frozenset[str]) -> bool:
    if a.kind != b.kind:
        return False
    if a.key == b.key:
        return True
    return a.kind == "url" and _neutral(a.key, codes) == _neutral(b.key, codes)


def _neutral(key: str, codes: frozenset[str]) -> str:
    """The URL with every part that names one of the story's languages blanked."""
    parts = re.split(r"([./?&=#])", key)
    return "".join("{lang}" if part.casefold() in codes else part for part in parts)


def _language_codes(*documents: Document) -> frozenset[str]:
    codes = set()
    for document in documents:
        tag = document.locale.tag.casefold()
        codes.update({document.locale.language, tag, tag.replace("-", "_")})
    return frozenset(codes)
