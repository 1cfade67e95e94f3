"""Segment rules: content the alignment finds in one version with no counterpart in the other."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reconcile.model import (
    Bead,
    CheckedStory,
    Document,
    Finding,
    Location,
    NumberKind,
    Sentence,
    Severity,
)
from reconcile.rules.base import Rule

# A sentence carries content when it has at least this many words and is no credit: datelines
# ("LISBOA —"), bylines ("By Ana Silva") and photo credits do not; a headline of this many words
# does, with or without a full stop (a translation without the headline has lost it).
MIN_CONTENT_WORDS = 6
# A shorter sentence that states a figure carries content too ("Free entry: 1.1 million."),
# from this many words: a figure is what a reader loses.
MIN_FIGURE_WORDS = 3
_FIGURES = frozenset(
    {NumberKind.CARDINAL, NumberKind.PERCENT, NumberKind.MONEY, NumberKind.MEASURE}
)
# The linked beads on both sides of a gap must be at least this sure, else the gap may be
# the aligner's doubt rather than the translator's omission.
MIN_NEIGHBOUR_SCORE = 0.6
# Words quoted from the sentence in a message.
EXCERPT_WORDS = 12

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# Credits and bylines end like a sentence now and then ("Photo: Ana Silva/Reuters.").
_CREDIT = re.compile(
    r"^\W*(?:photo|foto|fotografia|picture|image|imagem|imagen|bild|crédit|credit|crédito|"
    r"by|por|par|von|di|reporting by|edited by|editing by|edição|edición|redação|reportagem)\b"
    r"[^.!?]{0,60}[.!?]?\s*$",
    re.IGNORECASE,
)


class SegmentOmitted(Rule):
    """A source sentence has no counterpart in a translation: its content was dropped.

    Reported on the source sentence (the translation has nothing to point at), naming the
    translation, when the sentences around the gap are aligned with confidence and the dropped
    sentence carries content; datelines, bylines, photo credits and short lines are left alone.
    A run of dropped sentences (a paragraph) is one finding.

    Anti-pattern: a translation that skips the paragraph with the casualty figures.
    Best practice: translate every sentence of the source, or mark the cut as an editorial
    decision.
    """

    id = "segment-omitted"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for run in _unpaired(story, source_side=True):
            yield self.finding(
                run.document,
                run.sentences[0].start,
                run.sentences[-1].end,
                f"{run.other.path} has no counterpart of {run.what()}: {run.excerpt()!r}",
                related=run.related,
            )


class SegmentAdded(Rule):
    """A translation has a sentence with no counterpart in the source: content was added.

    Reported on the added sentence when the sentences around it are aligned with confidence and
    it carries content (not a dateline, byline, photo credit or short line). A run of added
    sentences is one finding.

    Anti-pattern: a translated story that gains a paragraph of background or comment that the
    source never had.
    Best practice: keep the translation to what the source says; put additions in a marked
    editor's note.
    """

    id = "segment-added"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for run in _unpaired(story, source_side=False):
            yield self.finding(
                run.document,
                run.sentences[0].start,
                run.sentences[-1].end,
                f"the source {run.other.path} has no counterpart of {run.what()}: "
                f"{run.excerpt()!r}",
                related=run.related,
            )


@dataclass(frozen=True, slots=True)
class _Run:
    """Sentences of one version with no counterpart in the other, as one finding reports them."""

    document: Document  # the version the sentences stand in
    other: Document  # the version they are missing from
    sentences: tuple[Sentence, ...]
    related: tuple[Location, ...]  # the other version's aligned neighbours of the gap

    def what(self) -> str:
        count = len(self.sentences)
        return "this sentence" if count == 1 else f"these {count} sentences"

    def excerpt(self) -> str:
        return _excerpt(self.sentences[0].text)


def _unpaired(story: CheckedStory, *, source_side: bool) -> Iterator[_Run]:
    """Runs of content-bearing sentences left unaligned: in the source (dropped by a
    translation) when `source_side`, else in a translation (added to it)."""
    source = story.versions[0].document
    for alignment, version in zip(story.alignments, story.versions[1:], strict=False):
        here, there = (source, version.document) if source_side else (version.document, source)
        for run, before, after in _gaps(alignment.beads, source_side=source_side):
            sentences = tuple(here.sentences[i] for i in run if _carries_content(here, i))
            if sentences:
                related = _neighbours(there, before, after, target_side=source_side)
                yield _Run(here, there, sentences, related)


def _gaps(
    beads: Sequence[Bead], *, source_side: bool
) -> Iterator[tuple[list[int], Bead | None, Bead | None]]:
    """Runs of sentences left unaligned on one side, with the linked beads around each run,
    when both of those are confident and the run is a pure omission (or addition).

    A run next to a skip on the other side is a pair the aligner could not link (a loose
    translation), not missing content, and is left alone.
    """
    k = 0
    while k < len(beads):
        if not _is_gap(beads[k], source_side):
            k += 1
            continue
        start = k
        while k < len(beads) and not (beads[k].source and beads[k].target):
            k += 1
        block = beads[start:k]
        before = beads[start - 1] if start else None
        after = beads[k] if k < len(beads) else None
        if all(_is_gap(b, source_side) for b in block) and _confident(before, after, beads):
            run = [i for b in block for i in (b.source if source_side else b.target)]
            yield run, before, after


def _is_gap(bead: Bead, source_side: bool) -> bool:
    return (
        bool(bead.source and not bead.target)
        if source_side
        else bool(bead.target and not bead.source)
    )


def _confident(before: Bead | None, after: Bead | None, beads: Sequence[Bead]) -> bool:
    """Whether the linked beads around a gap are sure. The first bead of both versions, and
    the last, are sure by where they stand, whatever their score: a changed figure lowers the
    score of the lead sentence's bead, and must not hide the paragraph dropped after it."""
    neighbours = [b for b in (before, after) if b is not None]
    return bool(neighbours) and all(
        b.score >= MIN_NEIGHBOUR_SCORE or b is beads[0] or b is beads[-1] for b in neighbours
    )


def _carries_content(document: Document, index: int) -> bool:
    sentence: Sentence = document.sentences[index]
    text = sentence.text.strip()
    if "©" in text or _CREDIT.match(text):
        return False
    words = len(_WORD.findall(text))
    if words >= MIN_CONTENT_WORDS:
        return True
    return words >= MIN_FIGURE_WORDS and any(
        number.sentence == index and number.kind in _FIGURES for number in document.numbers
    )


def _neighbours(
    document: Document, before: Bead | None, after: Bead | None, *, target_side: bool
) -> tuple[Location, ...]:
    """Where the missing content would sit in the other version: its aligned neighbours."""
    locations = []
    for bead in (before, after):
        if bead is None:
            continue
        ids = bead.target if target_side else bead.source
        sentence = document.sentences[ids[-1] if bead is before else ids[0]]
        locations.append(document.source.locate(sentence.start, sentence.end))
    return tuple(locations)


def _excerpt(text: str) -> str:
    words = text.split()
    return " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "")
