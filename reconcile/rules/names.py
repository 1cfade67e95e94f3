"""Name rules: one entity spelled two ways across versions, names dropped in translation."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from collections.abc import Set as AbstractSet

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.extract.names import name_tokens
from reconcile.model import CheckedStory, Document, Finding, NameMention, Severity
from reconcile.rules.base import Rule, per_story
from reconcile.rules.beads import Pair, aligned_pairs

_PART = re.compile(r"[-'’]")
# A word, or words joined by hyphens or apostrophes ("SUD-Rail"). Possessive (++): a run of
# letters is never given back letter by letter.
_COMPOUND = re.compile(r"[^\W\d_]++(?:[-'’][^\W\d_]++)*")
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


class _NameRule(Rule):
    """A name rule: it reads each bead with both documents' name indexes."""

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        indexes = _indexes_of(story)
        for pair in aligned_pairs(story):
            yield from self._pair(pair, indexes[id(pair.source)], indexes[id(pair.target)])

    def _pair(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        raise NotImplementedError


class NameSpelling(_NameRule):
    """A name is spelled differently in the translation than in the source.

    Anti-pattern: the source quotes "Fernando Haddad" and the translation "Fernando Hadad"; or
    "Yván Gil" becomes "Yvan Gil" (a dropped accent, reported as info).
    Best practice: copy names letter for letter from the source, diacritics included, unless
    the target language has its own established form (Lisboa/Lisbon, which CLDR knows).
    """

    id = "name-spelling"
    severity = Severity.WARNING

    def _pair(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        source_names = source.names_in(pair.bead.source)
        target_names = target.names_in(pair.bead.target)
        if not source_names or not target_names:
            return
        source_words = source.words_in(pair.bead.source)
        target_words = target.words_in(pair.bead.target)
        source_tokens = [(n, t) for n in source_names for t in source.tokens(n)]
        source_places = cldr.place_names(pair.source.locale.language)
        target_places = cldr.place_names(pair.target.locale.language)
        target_language = pair.target.locale.language
        for name in target_names:
            tokens = target.tokens(name)
            for start, end, word, folded in tokens:
                if folded in source_words:
                    yield from self._accents(pair, name, start, end, word, source_tokens)
                    continue
                if folded in target_places:
                    continue
                anchored = any(f in source_words for _, _, w, f in tokens if w != word)
                if not anchored and lexicon.frequency(folded, target_language) >= _COMMON_SPELLING:
                    continue
                match = _closest(folded, name, source_tokens, target_words, source_places)
                if match is None:
                    continue
                s_start, s_end, s_word, s_folded = match
                if _translated(folded, target_language, s_folded, pair):
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
        source_tokens: list[tuple[NameMention, _Token]],
    ) -> Iterator[Finding]:
        """The same letters with other diacritics: "Yvan" for "Yván"."""
        folded = _fold(word)
        for source_name, (s_start, s_end, s_word, s_folded) in source_tokens:
            if s_folded != folded or _accented(s_word) == _accented(word):
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


class NameMissing(_NameRule):
    """A name in the source sentence is absent from its translation.

    Anti-pattern: "O ministro Fernando Haddad anunciou o plano" translated as "The minister
    announced the plan", while the rest of the translation names Haddad.
    Best practice: keep every person, place and organisation the source names; a pronoun may
    replace a name the story has already given, which this rule allows.
    """

    id = "name-missing"
    severity = Severity.WARNING

    def _pair(self, pair: Pair, source: _NameIndex, target: _NameIndex) -> Iterator[Finding]:
        target_words: frozenset[str] | None = None  # found when first needed
        target_entities = {
            n.entity for n in target.names_in(pair.bead.target) if n.entity is not None
        }
        reported: set[str] = set()
        for name in source.names_in(pair.bead.source):
            words = source.identifying(name)
            opens = pair.source.sentences[name.sentence].start == name.start
            if name.weak or opens or not words or all(w.isupper() for w in name.text.split()):
                # A capital that proves little (a sentence's first word may be a common noun
                # a translation renders: "Banco de México"); an acronym it may translate.
                continue
            if name.key in reported:
                continue
            if name.entity is not None and name.entity in target_entities:
                continue
            if target_words is None:
                target_words = target.words_in(pair.bead.target)
            if any(_present(w, target_words) for w in words):
                continue
            if source.named_before(name, set(words)):
                continue  # a repeated name may become a pronoun
            if not target.kept_elsewhere(pair.bead.target, set(words)):
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


# A word of a name: (start, end) in the document text, the word, and the word folded.
_Token = tuple[int, int, str, str]


class _NameIndex:
    """What the name rules ask of a document for its beads, worked out once per document
    and only when first asked for: most beads need little of it."""

    __slots__ = ("_by_sentence", "_document", "_tokens", "_words")

    def __init__(self, document: Document) -> None:
        self._document = document
        self._by_sentence: dict[int, list[NameMention]] = {}
        for name in document.names:
            self._by_sentence.setdefault(name.sentence, []).append(name)
        # Keyed by id(): the document holds its names, so no id is reused while it lives.
        self._tokens: dict[int, tuple[tuple[_Token, ...], tuple[str, ...]]] = {}
        self._words: dict[int, frozenset[str]] = {}

    def names_in(self, sentences: tuple[int, ...]) -> list[NameMention]:
        # Sentences ascend and names are in text order, so this keeps the text order.
        return [n for i in sentences for n in self._by_sentence.get(i, ())]

    def tokens(self, name: NameMention) -> tuple[_Token, ...]:
        return self._tokens_of(name)[0]

    def identifying(self, name: NameMention) -> tuple[str, ...]:
        """The folded words that identify a name."""
        return self._tokens_of(name)[1]

    def _tokens_of(self, name: NameMention) -> tuple[tuple[_Token, ...], tuple[str, ...]]:
        found = self._tokens.get(id(name))
        if found is None:
            tokens = tuple((s, e, w, _fold(w)) for s, e, w in name_tokens(name))
            found = self._tokens[id(name)] = (tokens, tuple(t[3] for t in tokens))
        return found

    def words_in(self, sentences: tuple[int, ...]) -> frozenset[str]:
        # A word never spans the space joining two sentences, so a bead's words are the
        # union of its sentences' words.
        if len(sentences) == 1:
            return self._sentence_words(sentences[0])
        return frozenset().union(*(self._sentence_words(i) for i in sentences))

    def _sentence_words(self, sentence: int) -> frozenset[str]:
        words = self._words.get(sentence)
        if words is None:
            words = self._words[sentence] = _folded_words(self._document.sentences[sentence].text)
        return words

    def named_before(self, name: NameMention, words: set[str]) -> bool:
        """Whether a name in an earlier sentence shares one of `words`."""
        # Called for few names, so only the earlier names are tokenized, up to the first hit.
        return any(
            not words.isdisjoint(self.identifying(other))
            for other in self._document.names
            if other.sentence < name.sentence
        )

    def kept_elsewhere(self, bead: tuple[int, ...], words: set[str]) -> bool:
        """Whether the translation keeps the name outside this bead, so does not translate it.

        As a whole, or a part of it ("Haddad" for "Fernando Haddad", "President Lula" for
        "Lula"), but not inside a longer name ("Consorzio Venezia Nuova" for "Venezia").
        """
        return any(
            _kept(words, set(self.identifying(other)))
            for other in self._document.names
            if other.sentence not in bead
        )


# Both name rules walk every bead of a story: its documents are indexed once.
@per_story
def _indexes_of(story: CheckedStory) -> dict[int, _NameIndex]:
    """Each document's index, by id() of the document."""
    return {id(v.document): _NameIndex(v.document) for v in story.versions}


@functools.lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return cldr.fold(word)


def _folded_words(text: str) -> frozenset[str]:
    """Words and hyphenated compounds, both whole and in parts: "SUD-Rail", "sud", "rail"."""
    found = _COMPOUND.findall(text)
    words = set(found)
    for word in found:
        if "-" in word or "'" in word or "’" in word:
            words.update(_PART.split(word))
    # Each distinct word is folded once.
    return frozenset(map(cldr.fold, words))


def _kept(name: AbstractSet[str], other: AbstractSet[str]) -> bool:
    if not other:
        return False
    return other <= name or (name <= other and len(other) <= len(name) + 1)


def _present(word: str, words: frozenset[str]) -> bool:
    """`word` or a form of it ("Venezuela" in "Venezuelan") is among `words`."""
    if word in words:
        return True
    # Words that share a beginning ("venezuelan", "venezuelans") are compared once.
    size = len(word)
    beginnings = {other[:size] for other in words if len(other) >= size - 1}
    return any(fuzz.ratio(word, other) >= _PRESENT for other in beginnings)


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
    source_tokens: list[tuple[NameMention, _Token]],
    target_words: frozenset[str],
    source_places: Mapping[str, str],
) -> _Token | None:
    """The source spelling this target word most likely changed, if one is close enough."""
    best: tuple[float, NameMention, _Token] | None = None
    for source_name, token in source_tokens:
        if name.weak and source_name.weak:
            continue
        other = token[3]
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
