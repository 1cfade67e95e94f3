"""Aligned groups of sentences, as the rules that compare a translation with its source see them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reconcile.model import Bead, CheckedStory, Document
from reconcile.rules.base import per_story


@dataclass(frozen=True, slots=True)
class Pair:
    """One bead of one alignment, with both documents."""

    source: Document
    target: Document
    bead: Bead
    source_text: str  # the bead's source sentences, joined by a space
    target_text: str

    def target_span(self) -> tuple[int, int]:
        sentences = self.target.sentences
        return sentences[self.bead.target[0]].start, sentences[self.bead.target[-1]].end

    def source_span(self) -> tuple[int, int]:
        sentences = self.source.sentences
        return sentences[self.bead.source[0]].start, sentences[self.bead.source[-1]].end


def aligned_pairs(story: CheckedStory) -> Iterator[Pair]:
    """Every bead that has sentences on both sides, for every translation of the story."""
    return iter(_pairs_of(story))


# Every rule walks the pairs: they (and their joined texts) are made once per story.
@per_story
def _pairs_of(story: CheckedStory) -> tuple[Pair, ...]:
    source = story.versions[0].document
    pairs = []
    for alignment, version in zip(story.alignments, story.versions[1:], strict=False):
        target = version.document
        for bead in alignment.beads:
            if bead.source and bead.target:
                pairs.append(
                    Pair(
                        source,
                        target,
                        bead,
                        " ".join(source.sentences[i].text for i in bead.source),
                        " ".join(target.sentences[i].text for i in bead.target),
                    )
                )
    return tuple(pairs)
