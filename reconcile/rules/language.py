"""Language rules: sentences of a translation left in the source's language."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from rapidfuzz import fuzz

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import CheckedStory, Document, Finding, Sentence, Severity
from reconcile.rules.base import Rule
from reconcile.rules.beads import aligned_pairs

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Fewer words than this (once names and quotations are set aside) cannot be told apart:
# a caption, a dateline, a title.
_MIN_WORDS = 5
# Function words of the source's language (and not the target's) a suspect must have.
_MIN_SOURCE_WORDS = 2
# rapidfuzz ratio to the aligned source sentence at which a sentence is a copy of it.
_COPY_RATIO = 90.0
# langdetect's probability for the source's language, between the two, that confirms.
_CONFIDENT = 0.9


class LanguageUntranslated(Rule):
    """A sentence of a translation is still in the source's language.

    Anti-pattern: an English version with one paragraph left in Portuguese, "O governo não
    respondeu aos pedidos de comentário.", between translated ones.
    Best practice: translate every sentence; a quotation kept in the original language is
    fine, and is not reported, nor are names, titles and short captions.
    """

    id = "language-untranslated"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        source_language = story.versions[0].document.locale.language
        seen: set[tuple[str, int]] = set()
        kept_spans: dict[str, dict[int, list[tuple[int, int]]]] = {}  # per version, computed once
        for pair in aligned_pairs(story):
            target = pair.target
            target_language = target.locale.language
            if target_language == source_language:
                continue
            theirs = lexicon.distinctive_function_words(source_language, target_language)
            ours = lexicon.distinctive_function_words(target_language, source_language)
            source_text = pair.source_text
            for index in pair.bead.target:
                if (target.path, index) in seen:
                    continue
                seen.add((target.path, index))
                sentence = target.sentences[index]
                if target.path not in kept_spans:
                    kept_spans[target.path] = _kept_spans(target)
                words = _own_words(kept_spans[target.path], sentence)
                if len(words) < _MIN_WORDS:
                    continue
                if not _suspect(words, sentence.text, source_text, theirs, ours):
                    continue
                probabilities = cldr.language_probabilities(
                    " ".join(words), (source_language, target_language)
                )
                if probabilities.get(source_language, 0.0) < _CONFIDENT:
                    continue
                start, end = pair.source_span()
                yield self.finding(
                    target,
                    sentence.start,
                    sentence.end,
                    f"this sentence is in {cldr.language_name(source_language)}, the source's "
                    f"language, not {cldr.language_name(target_language)}: left untranslated",
                    related=(pair.source.source.locate(start, end),),
                )


def _kept_spans(document: Document) -> dict[int, list[tuple[int, int]]]:
    """The spans of a document's quotations, names and links, which stay as they are, by
    sentence index, each cut to its sentence (a quotation may run over several)."""
    spans = [(q.start, q.end) for q in document.quotes]
    spans += [(n.start, n.end) for n in document.names]
    spans += [(k.start, k.end) for k in document.links]
    sentences = document.sentences
    starts = [s.start for s in sentences]
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for start, end in spans:
        for index in range(max(bisect_right(starts, start) - 1, 0), bisect_left(starts, end)):
            sentence = sentences[index]
            clipped = max(start, sentence.start), min(end, sentence.end)
            if clipped[0] < clipped[1]:
                by_sentence.setdefault(index, []).append(clipped)
    return by_sentence


def _own_words(spans: dict[int, list[tuple[int, int]]], sentence: Sentence) -> list[str]:
    """The sentence's words without the `spans` (quotations, names, links) inside it."""
    inside = sorted(spans.get(sentence.index, ()))
    if not inside:
        return [w.lower() for w in _WORD.findall(sentence.text)]
    # The text around the spans, each span a space (spans may nest: a name in a quotation).
    kept = []
    cursor = sentence.start
    for start, end in inside:
        if start > cursor:
            kept.append(sentence.text[cursor - sentence.start : start - sentence.start])
        kept.append(" ")
        cursor = max(cursor, end)
    kept.append(sentence.text[cursor - sentence.start :])
    return [w.lower() for w in _WORD.findall("".join(kept))]


def _suspect(
    words: list[str], text: str, source_text: str, theirs: frozenset[str], ours: frozenset[str]
) -> bool:
    """The cheap test: the source's function words, or a copy of the aligned source sentence.

    `theirs` are function words of the source's language only, `ours` of the target's only.
    """
    if fuzz.ratio(cldr.fold(text), cldr.fold(source_text)) >= _COPY_RATIO:
        return True
    source_hits = sum(w in theirs for w in words)
    target_hits = sum(w in ours for w in words)
    return source_hits >= _MIN_SOURCE_WORDS and source_hits > target_hits
