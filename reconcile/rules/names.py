"""Name rules: one entity spelled two ways across versions, names dropped in translation."""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.extract.names import name_tokens
from reconcile.model import CheckedStory, Document, Finding, NameMention, Severity
from reconcile.rules.base import Rule
from reconcile.rules.beads import Pair, aligned_pairs

_WORD = re.compile(r"[^\W\d_]+")
_PART = re.compile(r"[-'’]")
# Possessive (++): a word with no hyphen fails at once instead of giving back letter by letter.
_COMPOUND = re.compile(r"[^\W\d_]++(?:[-'’][^\W\d_]++)+")
_JOINERS = ("-", "'", "’")
# Letters two spellings of one name may differ by: one in a short name, two in a long one.
_SHORT_NAME = 5
# A target spelling this common in its language is a word of it ("Lisbon", "Ivan"), so the
# difference may be the language's own form of the name rather than a slip.
_COMMON_SPELLING = 3.0
# rapidfuzz ratio at which a source name counts as present in the translation ("Venezuela"
# in "Venezuelan", "Zelensky" for "Zelenskiy").
_PRESENT = 80.0
# A stem this long shared by two words marks one word with two languages' endings.
_STEM = 5
_DERIVED_SPELLING = 2.0


class NameSpelling(Rule):
    """A name is spelled differently in the translation than in the source.

    Anti-pattern: the source quotes "Fernando Haddad" and the translation "Fernando Hadad"; or
    "Yván Gil" becomes "Yvan Gil" (a dropped accent, reported as info).
    Best practice: copy names letter for letter from the source, diacritics included, unless
    the target language has its own established form (Lisboa/Lisbon, which CLDR knows).
    """

    id = "name-spelling"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for pair in aligned_pairs(story):
            yield from self._pair(pair)

    def _pair(self, pair: Pair) -> Iterator[Finding]:
        source_names = _names_in(pair.source, pair.bead.source)
        target_names = _names_in(pair.target, pair.bead.target)
        if not source_names or not target_names:
            return
        source_words = _folded_words(pair.source_text)
        target_words = _folded_words(pair.target_text)
        source_tokens = [(n, t) for n in source_names for t in name_tokens(n)]
        source_places = cldr.place_names(pair.source.locale.language)
        target_places = cldr.place_names(pair.target.locale.language)
        target_language = pair.target.locale.language
        for name in target_names:
            tokens = name_tokens(name)
            for start, end, word in tokens:
                folded = cldr.fold(word)
                if folded in source_words:
                    yield from self._accents(pair, name, start, end, word, source_tokens)
                    continue
                if folded in target_places:
                    continue
                anchored = any(cldr.fold(w) in source_words for _, _, w in tokens if w != word)
                if not anchored and lexicon.frequency(folded, target_language) >= _COMMON_SPELLING:
                    continue
                match = _closest(folded, name, source_tokens, target_words, source_places)
                if match is None:
                    continue
                s_start, s_end, s_word = match
                if _translated(folded, target_language, cldr.fold(s_word), pair):
                    continue
                # A typing slip does not add diacritics: "Iguaçu" for "Iguazú" is the
                # translator's chosen form of the name, worth a look but not a warning.
                chosen = _marks(word) - _marks(s_word)
                yield self.finding(
                    pair.target,
                    start,
                    end,
                    f"{word!r} is written {s_word!r} in the source ({pair.source.path}): "
                    "one name spelled two ways",
                    severity=Severity.INFO if chosen else None,
                    related=(pair.source.source.locate(s_start, s_end),),
                    suggestion=s_word,
                )

    def _accents(
        self,
        pair: Pair,
        name: NameMention,
        start: int,
        end: int,
        word: str,
        source_tokens: list[tuple[NameMention, tuple[int, int, str]]],
    ) -> Iterator[Finding]:
        """The same letters with other diacritics: "Yvan" for "Yván"."""
        folded = cldr.fold(word)
        for source_name, (s_start, s_end, s_word) in source_tokens:
            if cldr.fold(s_word) != folded or _accented(s_word) == _accented(word):
                continue
            if name.weak and source_name.weak:
                continue
            if lexicon.frequency(folded, pair.target.locale.language) >= _COMMON_SPELLING:
                continue  # the target language's own word: "Union" for "Unión", "Metro"
            yield self.finding(
                pair.target,
                start,
                end,
                f"{word!r} is written {s_word!r} in the source ({pair.source.path}): "
                "the diacritics differ",
                severity=Severity.INFO,
                related=(pair.source.source.locate(s_start, s_end),),
                suggestion=_recase(s_word, word),
            )
            return


class NameMissing(Rule):
    """A name in the source sentence is absent from its translation.

    Anti-pattern: "O ministro Fernando Haddad anunciou o plano" translated as "The minister
    announced the plan", while the rest of the translation names Haddad.
    Best practice: keep every person, place and organisation the source names; a pronoun may
    replace a name the story has already given, which this rule allows.
    """

    id = "name-missing"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for pair in aligned_pairs(story):
            yield from self._pair(pair)

    def _pair(self, pair: Pair) -> Iterator[Finding]:
        target_words = sorted(_folded_words(pair.target_text))
        target_entities = {
            n.entity for n in _names_in(pair.target, pair.bead.target) if n.entity is not None
        }
        reported: set[str] = set()
        for name in _names_in(pair.source, pair.bead.source):
            words = _identifying(name)
            opens = pair.source.sentences[name.sentence].start == name.start
            if name.weak or opens or not words or all(w.isupper() for w in name.text.split()):
                # A capital that proves little (a sentence's first word may be a common noun
                # a translation renders: "Banco de México"); an acronym it may translate.
                continue
            if name.key in reported:
                continue
            if name.entity is not None and name.entity in target_entities:
                continue
            if any(_present(w, target_words) for w in words):
                continue
            if _named_before(pair.source, name, set(words)):
                continue  # a repeated name may become a pronoun
            if not _kept_elsewhere(pair, set(words)):
                continue
            reported.add(name.key)
            start, end = pair.target_span()
            yield self.finding(
                pair.target,
                start,
                end,
                f"{name.text!r}, named in the source ({pair.source.path}), is missing from "
                "this translation of the sentence",
                related=(pair.source.source.locate(name.start, name.end),),
            )


def _named_before(document: Document, name: NameMention, words: set[str]) -> bool:
    return any(
        set(_identifying(other)) & words
        for other in document.names
        if other.sentence < name.sentence
    )


def _kept_elsewhere(pair: Pair, words: set[str]) -> bool:
    """Whether the translation keeps the name outside this bead, so does not translate it.

    As a whole, or a part of it ("Haddad" for "Fernando Haddad", "President Lula" for
    "Lula"), but not inside a longer name ("Consorzio Venezia Nuova" for "Venezia").
    """
    return any(
        _kept(words, set(_identifying(other)))
        for other in pair.target.names
        if other.sentence not in pair.bead.target
    )


def _names_in(document: Document, sentences: tuple[int, ...]) -> list[NameMention]:
    # Names are in text order, so those of a bead's sentences are found by bisection.
    names = document.names
    first = bisect_left(names, sentences[0], key=_sentence_of)
    last = bisect_right(names, sentences[-1], key=_sentence_of)
    return [n for n in names[first:last] if n.sentence in sentences]


def _sentence_of(name: NameMention) -> int:
    return name.sentence


@functools.lru_cache(maxsize=8192)
def _identifying(name: NameMention) -> tuple[str, ...]:
    return tuple(_fold(w) for _, _, w in name_tokens(name))


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return cldr.fold(word)


# Cached: each rule folds the same bead texts, and a sentence sits in more than one pair.
@functools.lru_cache(maxsize=4096)
def _folded_words(text: str) -> frozenset[str]:
    """Words and hyphenated compounds, both whole and in parts: "SUD-Rail", "sud", "rail"."""
    words = {_fold(w) for w in _WORD.findall(text)}
    if any(joiner in text for joiner in _JOINERS):
        words.update(_fold(w) for w in _COMPOUND.findall(text))
    return frozenset(words)


def _kept(name: set[str], other: set[str]) -> bool:
    if not other:
        return False
    return other <= name or (name <= other and len(other) <= len(name) + 1)


def _present(word: str, words: list[str]) -> bool:
    """`word` or a form of it ("Venezuela" in "Venezuelan") is among `words`."""
    for other in words:
        if other == word:
            return True
        if len(other) >= len(word) - 1 and fuzz.ratio(word, other[: len(word)]) >= _PRESENT:
            return True
    return False


def _translated(word: str, language: str, source_word: str, pair: Pair) -> bool:
    """Whether each differing part is a common word of its own language: a translation.

    "Espaciales"/"Espaciais" or "Marsella-Fos"/"Marseille-Fos" are the two languages' own
    words; a slip such as "Hadad" for "Haddad" is rare in either.
    """
    source_language = pair.source.locale.language
    parts, source_parts = _PART.split(word), _PART.split(source_word)
    if len(parts) != len(source_parts):
        parts, source_parts = [word], [source_word]
    differing = [(a, b) for a, b in zip(parts, source_parts, strict=True) if a != b]

    def own_word(a: str, b: str) -> bool:
        if lexicon.frequency(b, source_language) < _COMMON_SPELLING:
            return False
        # The same stem with the language's own ending ("Balearic"/"Baleares") is a word
        # of that language even where it is rarer.
        derived = _shared_prefix(a, b) >= _STEM
        return lexicon.frequency(a, language) >= (
            _DERIVED_SPELLING if derived else _COMMON_SPELLING
        )

    return bool(differing) and all(own_word(a, b) for a, b in differing)


def _shared_prefix(a: str, b: str) -> int:
    return next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


def _closest(
    folded: str,
    name: NameMention,
    source_tokens: list[tuple[NameMention, tuple[int, int, str]]],
    target_words: frozenset[str],
    source_places: Mapping[str, str],
) -> tuple[int, int, str] | None:
    """The source spelling this target word most likely changed, if one is close enough."""
    best: tuple[float, NameMention, tuple[int, int, str]] | None = None
    for source_name, token in source_tokens:
        if name.weak and source_name.weak:
            continue
        other = cldr.fold(token[2])
        if other == folded or other in target_words:
            continue  # the translation has the source spelling too
        if other in source_places:
            continue
        if folded.startswith(other) or other.startswith(folded):
            continue  # "Venezuela"/"Venezuelan": another word, not another spelling
        limit = 1 if min(len(folded), len(other)) <= _SHORT_NAME else 2
        distance = OSA.distance(folded, other)  # a swap of two letters is one slip
        if distance > limit:
            continue
        score = fuzz.ratio(folded, other)
        if best is None or score > best[0]:
            best = (score, source_name, token)
    return None if best is None else best[2]


def _marks(word: str) -> set[str]:
    """The letters of a word that carry diacritics: {"ç"} for "Iguaçu"."""
    return {c for c in word.casefold() if cldr.fold(c) != c}


def _accented(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def _recase(word: str, like: str) -> str:
    """`word` in the case of `like`: "BRASÍLIA" for "BRASILIA"."""
    if like.isupper():
        return word.upper()
    return word
