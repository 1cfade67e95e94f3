"""Quotation rules: quotations dropped in translation, and quotations whose content changed."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import (
    CheckedStory,
    Document,
    Finding,
    NameMention,
    NumberMention,
    QuoteMention,
    Severity,
)
from reconcile.rules.base import Rule, per_story
from reconcile.rules.beads import BySentence, Pair, aligned_pairs
from reconcile.rules.language import untranslated
from reconcile.rules.name_forms import present
from reconcile.rules.numbers import COMPARED_KINDS

# A quotation of one word is often a scare quote a translator may drop ("o chamado
# "apagão""); from two words on it is someone's words.
_MIN_WORDS = 2
# Digits with the separators a figure may carry, as the number extractor reads them: the
# Swiss group with an apostrophe too ("12'500").
_LETTERS = re.compile(r"[^\W\d_]+")
_FIGURE = re.compile(r"\d+(?:[.,'’\u00a0\u202f]\d+)*")
# Scale words a figure in digits may keep beside it ("5 mil", "2 million", "3 Mrd."): its
# digits are then the value before the scale.
_SCALES = (Decimal(1000), Decimal(1000000), Decimal(1000000000), Decimal(1000000000000))


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
        starting = _quotes_of(story)
        for pair in aligned_pairs(story):
            quoted = [
                q
                for q in starting[id(pair.source)].within(pair.bead.source)
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
        starting = _quotes_of(story)
        for pair in aligned_pairs(story):
            source_quotes = starting[id(pair.source)].within(pair.bead.source)
            if not source_quotes:
                continue
            target_quotes = starting[id(pair.target)].within(pair.bead.target)
            # Quotations are paired in order only when both sides have as many.
            if len(source_quotes) != len(target_quotes):
                continue
            for ours, theirs in zip(source_quotes, target_quotes, strict=True):
                problem = _difference(pair, ours, theirs, story)
                if problem:
                    yield self.finding(
                        pair.target,
                        theirs.start,
                        theirs.end,
                        problem,
                        related=(pair.source.source.locate(ours.start, ours.end),),
                    )


def _difference(
    pair: Pair, ours: QuoteMention, theirs: QuoteMention, story: CheckedStory
) -> str | None:
    source_figures = _figures(pair.source, ours)
    target_figures = _figures(pair.target, theirs)
    # Figures in a sentence left in the source's language: language-untranslated's finding.
    if _differ(source_figures, target_figures) and (
        (pair.target.path, theirs.sentence) not in untranslated(story)
    ):
        return (
            f"the quoted figures differ: {_changes(target_figures, source_figures)} "
            f"({pair.source.path})"
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
    missing = _names_missing(pair, ours, theirs, _names_of(story))
    if missing:
        return f"the source's quotation names {missing!r}; this one does not ({pair.source.path})"
    return None


def _names_missing(
    pair: Pair, ours: QuoteMention, theirs: QuoteMention, names: dict[int, _NamesByPlace]
) -> str | None:
    """A name inside the source quotation that the translation keeps, but not in the quote."""
    inside = cldr.fold(theirs.text)
    # A place CLDR names is the same entity in every language: "Bolivia" is "Bolivie".
    entities = {
        n.entity for n in names[id(pair.target)].inside(theirs.start, theirs.end) if n.entity
    }
    for name in names[id(pair.source)].inside(ours.start, ours.end):
        if name.weak:
            continue
        if name.entity in entities:
            continue
        if not _has_words(inside, name.key) and _has_words(
            _folded(pair.target.source.text), name.key
        ):
            # The language's own form of the name in the quotation: "Europa" for "Europe".
            words = frozenset(_LETTERS.findall(inside))
            if all(present(word, words) for word in name.key.split()):
                continue
            return name.text
    return None


def _has_words(text: str, words: str) -> bool:
    """Whether `words` stand in `text` as whole words: "europe" is not in "unión europea"."""
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            return True
        at = text.find(words, at + 1)
    return False


@functools.lru_cache(maxsize=16)
def _folded(text: str) -> str:
    return cldr.fold(text)


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure inside a quotation: the digits it may be written with, and as written."""

    forms: frozenset[str]  # one form for digits; for words ("cinco mil"), "5000" and "5"
    text: str
    spelled: bool  # in words ("drei"), which a translator may rephrase ("both countries")


def _figures(document: Document, quote: QuoteMention) -> list[_Figure]:
    """The figures inside a quotation, in text order; dates are the date rules' business."""
    inner = document.source.text[quote.start : quote.end]
    found = list(_FIGURE.finditer(inner))
    words = [
        n
        for n in document.numbers
        if n.spelled and quote.start <= n.start and n.end <= quote.end and n.kind in COMPARED_KINDS
    ]
    if not found and not words:
        return []  # most quotations: no need to place the dates
    dates = [(d.start - quote.start, d.end - quote.start) for d in document.dates]
    placed: list[tuple[int, _Figure]] = []
    seen: set[str] = set()
    for m in found:
        # "1.500", "1,500" and "1500" are one figure whatever the locale's separators.
        digits = _digits(m.group())
        if digits in seen:
            continue
        if not any(m.start() < end and start < m.end() for start, end in dates):
            seen.add(digits)
            placed.append((m.start(), _Figure(frozenset((digits,)), m.group(), spelled=False)))
    for number in words:
        start, end = number.start - quote.start, number.end - quote.start
        if not any(start < date_end and date_start < end for date_start, date_end in dates):
            placed.append((start, _Figure(_written_as(number), number.text, spelled=True)))
    placed.sort(key=lambda item: item[0])
    return [figure for _, figure in placed]


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text).lstrip("0") or "0"


def _written_as(number: NumberMention) -> frozenset[str]:
    """The digits a figure in words may be written with: its value, and its value before a
    scale word ("dois milhões" is "2 million", "cinco mil" is "5 mil" or "5,000")."""
    forms = {number.value}
    if number.scale_value > 1:
        forms.add(number.value / number.scale_value)
    for scale in _SCALES:
        if number.value >= scale and number.value % scale == 0:
            forms.add(number.value / scale)
    return frozenset(_digits(format(form.normalize(), "f")) for form in forms)


def _differ(ours: list[_Figure], theirs: list[_Figure]) -> bool:
    """Whether the quotations' figures differ: a figure in digits that the other has in no
    form, or on both sides a figure in words that the other lacks ("drei" and "two"). A
    figure in words alone may be rephrased ("os dois países", "both countries")."""
    our_extra, their_extra = _unmatched(ours, theirs), _unmatched(theirs, ours)
    in_digits = any(not f.spelled for f in our_extra + their_extra)
    in_words = any(f.spelled for f in our_extra) and any(f.spelled for f in their_extra)
    return in_digits or in_words


def _unmatched(figures: list[_Figure], other: list[_Figure]) -> list[_Figure]:
    """The figures that are in no form among the `other` quotation's, in text order."""
    keys = set().union(*(f.forms for f in other))
    return [f for f in figures if f.forms.isdisjoint(keys)]


def _changes(target: list[_Figure], source: list[_Figure]) -> str:
    """The figures that differ, pair by pair in text order, as each version writes them:
    "'three' here, 'sette' in the source"; not those both quotations have."""
    here, there = _unmatched(target, source), _unmatched(source, target)
    # A figure in words may be rephrased ("os dois países", "both countries"): on the side
    # with more, those in words are left out first, so the changed figures pair up.
    while len(here) != len(there):
        longer = here if len(here) > len(there) else there
        spelled = next((f for f in longer if f.spelled), None)
        if spelled is None:
            break
        longer.remove(spelled)
    shown = [
        f"'{ours.text}' here, '{theirs.text}' in the source"
        for ours, theirs in zip(here, there, strict=False)
    ]
    shown += [f"'{f.text}' here, not in the source" for f in here[len(there) :]]
    shown += [f"'{f.text}' in the source, not here" for f in there[len(here) :]]
    return "; ".join(shown)


# Both quotation rules read each bead's outer quotations by the sentence they start in.
@per_story
def _quotes_of(story: CheckedStory) -> dict[int, BySentence[QuoteMention]]:
    """Each document's outer quotations by sentence, by id() of the document."""
    return {
        id(v.document): BySentence(
            (q for q in v.document.quotes if q.depth == 0), lambda q: q.sentence
        )
        for v in story.versions
    }


class _NamesByPlace:
    """A document's names, to read those inside a quotation without a scan of them all."""

    __slots__ = ("_names", "_starts")

    def __init__(self, names: tuple[NameMention, ...]) -> None:
        self._names = names
        starts = [n.start for n in names]
        # Bisection needs the names in text order, as the extractor gives them.
        self._starts = starts if starts == sorted(starts) else None

    def inside(self, start: int, end: int) -> list[NameMention]:
        """The names within [start, end], in text order."""
        names = self._names
        if self._starts is not None:
            names = names[bisect_left(self._starts, start) : bisect_right(self._starts, end)]
        return [n for n in names if start <= n.start and n.end <= end]


@per_story
def _names_of(story: CheckedStory) -> dict[int, _NamesByPlace]:
    """Each document's names by place, by id() of the document."""
    return {id(v.document): _NamesByPlace(v.document.names) for v in story.versions}


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
