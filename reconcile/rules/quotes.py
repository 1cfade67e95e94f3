"""Quotation rules: quotations dropped in translation, and quotations whose content changed."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import CheckedStory, Document, Finding, QuoteMention, Severity
from reconcile.rules.base import Rule
from reconcile.rules.beads import Pair, aligned_pairs

# A quotation of one word is often a scare quote a translator may drop ("o chamado
# "apagão""); from two words on it is someone's words.
_MIN_WORDS = 2
_FIGURE = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+)*")


class QuoteMissing(Rule):
    """A quotation in the source has no quotation in its translation.

    Anti-pattern: «"Não vamos recuar", disse o ministro» translated as "The minister said the
    government would not back down": the reader can no longer tell the minister's words from
    the reporter's.
    Best practice: keep direct speech direct, in the target language's quote marks; reported
    speech is sometimes a deliberate choice, so this is a warning.
    """

    id = "quote-missing"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for pair in aligned_pairs(story):
            quoted = [
                q
                for q in _starting_in(pair.source, pair.bead.source)
                if len(q.text.split()) >= _MIN_WORDS
            ]
            if not quoted:
                continue
            start, end = pair.target_span()
            if any(q.start < end and start < q.end for q in pair.target.quotes):
                continue
            first = quoted[0]
            yield self.finding(
                pair.target,
                start,
                end,
                f"the source ({pair.source.path}) quotes {_short(first.text)!r} here; this "
                "translation has no quotation",
                related=tuple(pair.source.source.locate(q.start, q.end) for q in quoted),
            )


class QuoteMismatch(Rule):
    """A quotation says something else in the translation: a figure, a name or a negation.

    Anti-pattern: "Não vamos aumentar impostos" quoted as "We will raise taxes"; or "30 dias"
    quoted as "13 days".
    Best practice: translate quoted words with the greatest care: keep every figure, name and
    negation of the original.
    """

    id = "quote-mismatch"
    severity = Severity.ERROR

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for pair in aligned_pairs(story):
            source_quotes = _starting_in(pair.source, pair.bead.source)
            target_quotes = _starting_in(pair.target, pair.bead.target)
            # Quotations are paired in order only when both sides have as many.
            if not source_quotes or len(source_quotes) != len(target_quotes):
                continue
            for ours, theirs in zip(source_quotes, target_quotes, strict=True):
                problem = _difference(pair, ours, theirs)
                if problem:
                    yield self.finding(
                        pair.target,
                        theirs.start,
                        theirs.end,
                        problem,
                        related=(pair.source.source.locate(ours.start, ours.end),),
                    )


def _difference(pair: Pair, ours: QuoteMention, theirs: QuoteMention) -> str | None:
    source_figures = _figures(pair.source, ours)
    target_figures = _figures(pair.target, theirs)
    if source_figures != target_figures:
        return (
            f"the quoted figures differ: {', '.join(sorted(target_figures)) or 'none'} here, "
            f"{', '.join(sorted(source_figures)) or 'none'} in the source ({pair.source.path})"
        )
    source_negates = lexicon.negates(ours.text, pair.source.locale.language)
    target_negates = lexicon.negates(theirs.text, pair.target.locale.language)
    if (
        source_negates is not None
        and target_negates is not None
        and source_negates != target_negates
    ):
        # The negation may move out of the quoted words ("não reconhece «nenhuma
        # autoridade»" -> "does not recognize "any authority""): the sentences must differ too.
        whole = lexicon.negates(pair.source_text, pair.source.locale.language) != lexicon.negates(
            pair.target_text, pair.target.locale.language
        )
        if whole:
            said = "negates" if source_negates else "does not negate"
            return (
                f"the quotation {said} in the source ({pair.source.path}) but "
                f"{'does' if target_negates else 'does not'} here: the meaning is reversed"
            )
    missing = _names_missing(pair, ours, theirs)
    if missing:
        return f"the source's quotation names {missing!r}; this one does not ({pair.source.path})"
    return None


def _names_missing(pair: Pair, ours: QuoteMention, theirs: QuoteMention) -> str | None:
    """A name inside the source quotation that the translation keeps, but not in the quote."""
    inside = cldr.fold(theirs.text)
    # A place CLDR names is the same entity in every language: "Bolivia" is "Bolivie".
    entities = {
        n.entity
        for n in pair.target.names
        if n.entity and theirs.start <= n.start and n.end <= theirs.end
    }
    for name in pair.source.names:
        if name.weak or not (ours.start <= name.start and name.end <= ours.end):
            continue
        if name.entity in entities:
            continue
        if name.key not in inside and name.key in _folded(pair.target.source.text):
            return name.text
    return None


@functools.lru_cache(maxsize=16)
def _folded(text: str) -> str:
    return cldr.fold(text)


def _figures(document: Document, quote: QuoteMention) -> set[str]:
    """The figures inside a quotation, digits only; dates are the date rules' business."""
    inner = document.source.text[quote.start : quote.end]
    dates = [(d.start - quote.start, d.end - quote.start) for d in document.dates]
    # "1.500", "1,500" and "1500" are one figure whatever the locale's separators.
    return {
        re.sub(r"\D", "", m.group()).lstrip("0") or "0"
        for m in _FIGURE.finditer(inner)
        if not any(m.start() < end and start < m.end() for start, end in dates)
    }


def _starting_in(document: Document, sentences: tuple[int, ...]) -> list[QuoteMention]:
    return [q for q in document.quotes if q.depth == 0 and q.sentence in sentences]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
