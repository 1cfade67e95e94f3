"""Language rules: sentences of a translation left in the source's language."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from rapidfuzz import fuzz

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import CheckedStory, Document, Finding, Sentence, Severity
from reconcile.rules.base import Rule, per_story
from reconcile.rules.beads import Pair, aligned_pairs

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The two characters whose lower case is not one character of their own kind: capital sigma
# lower-cases by the letters around it, and dotted capital I to two characters.
_LOWER_APART, _LOWER_LONGER = "\u03a3", "\u0130"
# Fewer words than this (once names and quotations are set aside) cannot be told apart:
# a caption, a dateline, a title.
_MIN_WORDS = 5
# Function words of the source's language (and not the target's) a suspect must have.
_MIN_SOURCE_WORDS = 2
# Spans of text by sentence index.
_Spans = dict[int, list[tuple[int, int]]]
# rapidfuzz ratio to the aligned source sentence at which a sentence is a copy of it.
_COPY_RATIO = 90.0
# langdetect's probability for the source's language, between the two, that confirms.
_CONFIDENT = 0.9
# How much more common (Zipf scale) a word must be in one of the two languages to count as
# a word of that language: "kritisieren" is German, "projekt" too, "a" is both.
_LEAN = 1.0


class LanguageUntranslated(Rule):
    """A sentence of a translation is still in the source's language.

    Anti-pattern: an English version with one paragraph left in Portuguese, "O governo não
    respondeu aos pedidos de comentário.", between translated ones.
    Best practice: translate every sentence; a quotation kept in the original language is
    fine when the words around it are translated, and is not reported, nor are names,
    titles and short captions.
    """

    id = "language-untranslated"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        source_language = cldr.language_name(story.versions[0].document.locale.language)
        for pair, index in _untranslated_of(story):
            target = pair.target
            sentence = target.sentences[index]
            start, end = pair.source_span()
            yield self.finding(
                target,
                sentence.start,
                sentence.end,
                f"this sentence is in {source_language}, the source's language, not "
                f"{cldr.language_name(target.locale.language)}: left untranslated",
                related=(pair.source.source.locate(start, end),),
            )


def untranslated(story: CheckedStory) -> frozenset[tuple[str, int]]:
    """The sentences language-untranslated reports, as (path, sentence index): the other
    rules leave them to it rather than read them with the conventions of the wrong language."""
    return frozenset((pair.target.path, index) for pair, index in _untranslated_of(story))


@per_story
def _untranslated_of(story: CheckedStory) -> tuple[tuple[Pair, int], ...]:
    """Each translation sentence left in the source's language, once, with its bead."""
    source_language = story.versions[0].document.locale.language
    found: list[tuple[Pair, int]] = []
    seen: set[tuple[str, int]] = set()
    # Per version, computed once: the spans quotations included, and names and links only.
    kept_spans: dict[str, tuple[_Spans, _Spans]] = {}
    for pair in aligned_pairs(story):
        target = pair.target
        target_language = target.locale.language
        if target_language == source_language:
            continue
        theirs = lexicon.distinctive_function_words(source_language, target_language)
        ours = lexicon.distinctive_function_words(target_language, source_language)
        path = target.path
        if path not in kept_spans:
            kept_spans[path] = (_kept_spans(target, quotes=True), _kept_spans(target, quotes=False))
        spans, names_only = kept_spans[path]
        for index in pair.bead.target:
            if (path, index) in seen:
                continue
            seen.add((path, index))
            sentence = target.sentences[index]
            text = _own_text(spans, sentence)
            if _reads_untranslated(pair, sentence, text, theirs, ours):
                found.append((pair, index))
            elif index in spans and spans[index] != names_only.get(index):
                # A quotation kept in the original language is fine only in a translated
                # sentence: with the words around it untranslated too, all of it is read.
                around = _leaning(_word_bag(text), source_language, target_language)
                whole = _own_text(names_only, sentence)
                if around[0] > around[1] and _reads_untranslated(
                    pair, sentence, whole, theirs, ours
                ):
                    found.append((pair, index))
    return tuple(found)


def _reads_untranslated(
    pair: Pair, sentence: Sentence, text: str, theirs: frozenset[str], ours: frozenset[str]
) -> bool:
    """Whether `text`, the sentence without what stays as it is, is in the source's language.

    `theirs` are function words of the source's language only, `ours` of the target's only.
    """
    words = _word_bag(text)
    if len(words) < _MIN_WORDS:
        return _short_copy(pair, sentence, text, words, theirs)
    if not _suspect(words, sentence.text, pair.source_text, theirs, ours):
        return False
    source_language = pair.source.locale.language
    probabilities = cldr.language_probabilities(
        " ".join(_lower_words(text)), (source_language, pair.target.locale.language)
    )
    return probabilities.get(source_language, 0.0) >= _CONFIDENT


def _kept_spans(document: Document, quotes: bool) -> _Spans:
    """The spans of a document's names and written-out links, and of its quotations if
    `quotes`, which stay as they are (a Markdown link's text is translated), by sentence
    index, each cut to its sentence (a quotation may run over several)."""
    spans = [(q.start, q.end) for q in document.quotes] if quotes else []
    spans += [(n.start, n.end) for n in document.names]
    spans += [(k.start, k.end) for k in document.links if not k.markup]
    sentences = document.sentences
    starts = [s.start for s in sentences]
    by_sentence: _Spans = {}
    for start, end in spans:
        for index in range(max(bisect_right(starts, start) - 1, 0), bisect_left(starts, end)):
            sentence = sentences[index]
            clipped = max(start, sentence.start), min(end, sentence.end)
            if clipped[0] < clipped[1]:
                by_sentence.setdefault(index, []).append(clipped)
    return by_sentence


def _own_text(spans: _Spans, sentence: Sentence) -> str:
    """The sentence's text without the `spans` (quotations, names, links) inside it."""
    inside = sorted(spans.get(sentence.index, ()))
    if not inside:
        return sentence.text
    # The text around the spans, each span a space (spans may nest: a name in a quotation).
    kept = []
    cursor = sentence.start
    for start, end in inside:
        if start > cursor:
            kept.append(sentence.text[cursor - sentence.start : start - sentence.start])
        kept.append(" ")
        cursor = max(cursor, end)
    kept.append(sentence.text[cursor - sentence.start :])
    return "".join(kept)


def _lower_words(text: str) -> list[str]:
    """The words of `text`, lower-cased."""
    if _LOWER_APART in text or _LOWER_LONGER in text:
        return [w.lower() for w in _WORD.findall(text)]
    # Any other character lower-cases to one character that is a letter, an apostrophe, a
    # space or none of these as it was, so the words of the lower-cased text are the
    # lower-cased words: one str.lower for the text costs less than one per word.
    return _WORD.findall(text.lower())


def _word_bag(text: str) -> list[str]:
    """The words of `text`, lower-cased, in no particular order: what counting them needs."""
    if _LOWER_APART in text or _LOWER_LONGER in text:
        return _lower_words(text)
    # No word spans a space, and a piece between spaces that is all letters is one word:
    # str.split and str.isalpha find most words in C, and the regex reads the other pieces.
    pieces = text.lower().split()
    words = list(filter(str.isalpha, pieces))
    words += _WORD.findall(" ".join(itertools.filterfalse(str.isalpha, pieces)))
    return words


def _suspect(
    words: list[str], text: str, source_text: str, theirs: frozenset[str], ours: frozenset[str]
) -> bool:
    """The cheap test: the source's function words, or a copy of the aligned source sentence.

    `theirs` are function words of the source's language only, `ours` of the target's only.
    """
    # With the cutoff, rapidfuzz stops early on a pair that cannot reach it (and gives 0).
    copy = fuzz.ratio(cldr.fold(text), cldr.fold(source_text), score_cutoff=_COPY_RATIO)
    if copy >= _COPY_RATIO:
        return True
    if theirs.isdisjoint(words):
        return False  # most translated sentences: none of the source's function words
    source_hits = sum(map(theirs.__contains__, words))
    target_hits = sum(map(ours.__contains__, words))
    return source_hits >= _MIN_SOURCE_WORDS and source_hits > target_hits


def _leaning(words: list[str], source: str, target: str) -> tuple[int, int]:
    """How many of the lower-cased `words` are clearly of the source's language, and how many
    clearly of the target's, by how common each is in either."""
    source_words = target_words = 0
    for word in words:
        lean = lexicon.frequency(word, source) - lexicon.frequency(word, target)
        if lean >= _LEAN:
            source_words += 1
        elif lean <= -_LEAN:
            target_words += 1
    return source_words, target_words


def _short_copy(
    pair: Pair, sentence: Sentence, text: str, words: list[str], theirs: frozenset[str]
) -> bool:
    """Whether a sentence too short for langdetect ("Umweltverbände kritisieren das
    Projekt.") is its aligned source sentence left as it was.

    A short sentence the same in both languages is most often a name, a figure, a dateline
    or a caption ("BERLIN (dpa)", "Foto: Reuters"), or a motto kept on purpose ("Liberté,
    égalité, fraternité."): a sentence of body text has a function word of the source's
    language ("das") and an ordinary word of it in lower case ("kritisieren").
    """
    # The function word may have been read as a name at the sentence's start ("O governo").
    if theirs.isdisjoint(_word_bag(sentence.text)):
        return False
    source, target = pair.source.locale.language, pair.target.locale.language
    source_words, target_words = _leaning(words, source, target)
    if source_words <= target_words:
        return False
    if not any(
        word.islower() and word not in lexicon.PARTICLES and _leaning([word], source, target)[0]
        for word in _WORD.findall(text)
    ):
        return False
    folded = cldr.fold(sentence.text)
    return any(
        fuzz.ratio(folded, cldr.fold(pair.source.sentences[i].text), score_cutoff=_COPY_RATIO)
        >= _COPY_RATIO
        for i in pair.bead.source
    )
