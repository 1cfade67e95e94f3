"""Aligned groups of sentences, as the rules that compare a translation with its source see them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from reconcile.model import Bead, CheckedStory, Document
from reconcile.rules.base import per_story

_T = TypeVar("_T")


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
                        _joined(source, bead.source),
                        _joined(target, bead.target),
                    )
                )
    return tuple(pairs)


def _joined(document: Document, sentences: tuple[int, ...]) -> str:
    if len(sentences) == 1:  # most beads: the sentence's own text
        return document.sentences[sentences[0]].text
    return " ".join(document.sentences[i].text for i in sentences)


class BySentence(Generic[_T]):
    """A document's mentions of one kind grouped by sentence, so that a bead reads its own
    without a scan of them all."""

    __slots__ = ("_groups", "_items", "_ordered", "_sentence_of")

    def __init__(self, items: Iterable[_T], sentence_of: Callable[[_T], int]) -> None:
        self._items = tuple(items)
        self._sentence_of = sentence_of
        self._groups: dict[int, list[_T]] = {}
        for item in self._items:
            self._groups.setdefault(sentence_of(item), []).append(item)
        sentences = list(map(sentence_of, self._items))
        self._ordered = sentences == sorted(sentences)

    def within(self, sentences: tuple[int, ...]) -> list[_T]:
        """The mentions in `sentences` (ascending), in the order the document gives them."""
        if len(sentences) == 1:
            return list(self._groups.get(sentences[0], ()))
        if self._ordered:  # then sentence by sentence is the document's order
            return [item for i in sentences for item in self._groups.get(i, ())]
        sentence_of = self._sentence_of
        return [item for item in self._items if sentence_of(item) in sentences]
