"""Aligned groups of sentences, as the rules that compare a translation with its source see them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.model import Bead, CheckedStory, Document


@dataclass(frozen=True, slots=True)
class Pair:
    """One bead of one alignment, with both documents."""

    source: Document
    target: Document
    bead: Bead

    @property
    def source_text(self) -> str:
        return " ".join(self.source.sentences[i].text for i in self.bead.source)

    @property
    def target_text(self) -> str:
        return " ".join(self.target.sentences[i].text for i in self.bead.target)

    def target_span(self) -> tuple[int, int]:
        sentences = self.target.sentences
        return sentences[self.bead.target[0]].start, sentences[self.bead.target[-1]].end

    def source_span(self) -> tuple[int, int]:
        sentences = self.source.sentences
        return sentences[self.bead.source[0]].start, sentences[self.bead.source[-1]].end


def aligned_pairs(story: CheckedStory) -> Iterator[Pair]:
    """Every bead that has sentences on both sides, for every translation of the story."""
    source = story.versions[0].document
    for alignment, version in zip(story.alignments, story.versions[1:], strict=False):
        for bead in alignment.beads:
            if bead.source and bead.target:
                yield Pair(source, version.document, bead)
