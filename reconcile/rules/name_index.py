"""A document's names as the name rules read them: each name's words, each sentence's words."""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.extract.names import name_tokens
from reconcile.model import CheckedStory, Document, NameMention, Sentence
from reconcile.rules.base import per_story

# A word, or words joined by hyphens or apostrophes ("SUD-Rail"). Possessive (++): a run of
# letters is never given back letter by letter.
_COMPOUND = re.compile(r"[^\W\d_]++(?:[-'’][^\W\d_]++)*")
_LETTERS = re.compile(r"[^\W\d_]+")

# A word of a name: (start, end) from the name's start, the word, and the word folded.
Token = tuple[int, int, str, str]


@dataclass(frozen=True, slots=True)
class Substitution:
    """A word of a source name that the translation's form of the name replaces."""

    target_name: NameMention
    target_token: Token
    source_name: NameMention
    source_token: Token
    similar: bool  # alike enough to be the word misspelt (names._SIMILAR)


class Spelling:
    """The words of a name's text, as the name rules read them."""

    __slots__ = ("identifying", "plain", "tokens", "word_set")

    def __init__(self, text: str) -> None:
        pieces = text.split(" ")
        if "".join(pieces).isalpha():
            # Letters and single spaces ("Banco do México"), as most names are: its words
            # are the pieces name_tokens keeps, found here as it finds them, so that each
            # piece is folded once for both uses.
            folded = _fold_each(pieces)
            self.plain: frozenset[str] = frozenset(folded)
            tokens = []
            start = 0
            for piece, folded_piece in zip(pieces, folded, strict=True):
                if len(piece) > 1 and piece not in lexicon.PARTICLES:
                    tokens.append((start, start + len(piece), piece, folded_piece))
                start += len(piece) + 1
        else:
            # No folded words for any other name ("Jean-Pierre", "R. Ford").
            self.plain = frozenset()
            tokens = [(s, e, w, cldr.fold(w)) for s, e, w in name_tokens(text)]
        self.tokens: tuple[Token, ...] = tuple(tokens)
        self.identifying = tuple([t[3] for t in tokens])  # the folded words
        self.word_set = frozenset(self.identifying)


# A name of a document with its spelling.
Named = tuple[NameMention, Spelling]


class NameIndex:
    """What the name rules ask of a document for its beads. Every name's spelling is found
    at once (both rules read nearly every name); the rest only when first asked for: most
    beads need little of it."""

    __slots__ = (
        "_bead_words",
        "_by_sentence",
        "_counts",
        "_document",
        "_named",
        "_spelled",
        "_whole_words",
        "_words",
        "substitutions",
    )

    def __init__(self, document: Document) -> None:
        self._document = document
        named = [(name, _spelling_of(name.text)) for name in document.names]
        self._named = named  # in text order
        self._by_sentence: dict[int, list[Named]] = {}
        for item in named:
            self._by_sentence.setdefault(item[0].sentence, []).append(item)
        self._words: dict[int, frozenset[str]] = {}
        self._bead_words: dict[tuple[int, ...], frozenset[str]] = {}
        self._whole_words: dict[int, frozenset[str]] = {}  # by sentence (whole_words_in)
        self._spelled: dict[str, set[str]] | None = None  # each folded word's spellings
        self._counts: Counter[str] | None = None  # how often the names hold each folded word
        # The translation's words in the place of the source's, by bead (names._substitutions).
        self.substitutions: dict[tuple[tuple[int, ...], tuple[int, ...]], list[Substitution]]
        self.substitutions = {}

    def names_in(self, sentences: tuple[int, ...]) -> Sequence[Named]:
        if len(sentences) == 1:  # most beads
            return self._by_sentence.get(sentences[0], ())
        # Sentences ascend and names are in text order, so this keeps the text order.
        return [n for i in sentences for n in self._by_sentence.get(i, ())]

    def name_words_in(self, sentences: tuple[int, ...]) -> frozenset[str]:
        """The folded words of the sentences' names, hyphenated ones also in parts."""
        words: set[str] = set()
        for _, spelling in self.names_in(sentences):
            for word in spelling.identifying:
                words.add(word)
                if not word.isalpha():
                    words.update(_LETTERS.findall(word))
        return frozenset(words)

    def respelled(self, folded: str, word: str) -> bool:
        """Whether a name of the document writes `folded` otherwise than `word`."""
        if self._spelled is None:
            self._spelled = {}
            for _, spelling in self._named:
                for token in spelling.tokens:
                    self._spelled.setdefault(token[3], set()).add(token[2])
        spellings = self._spelled.get(folded)
        return spellings is not None and (len(spellings) > 1 or word not in spellings)

    def writes_throughout(self, folded: str, other: str) -> bool:
        """Whether the document's names hold the word `folded` more than once, and the word
        `other` never."""
        if self._counts is None:
            self._counts = Counter(t[3] for _, spelling in self._named for t in spelling.tokens)
        return self._counts[folded] > 1 and not self._counts[other]

    def words_in(self, sentences: tuple[int, ...]) -> frozenset[str]:
        """The folded words of the sentences (_folded_words)."""
        if len(sentences) == 1:
            return self._sentence_words(sentences[0])
        # A word never spans the space joining two sentences, so a bead's words are the
        # union of its sentences' words.
        words = self._bead_words.get(sentences)
        if words is None:
            words = frozenset().union(*map(self._sentence_words, sentences))
            self._bead_words[sentences] = words
        return words

    def whole_words_in(self, sentences: tuple[int, ...]) -> frozenset[str]:
        """Folded words of the sentences' names that words_in holds for certain (_whole_words),
        with no need to read the sentences."""
        if len(sentences) == 1:
            return self._sentence_whole_words(sentences[0])
        return frozenset().union(*map(self._sentence_whole_words, sentences))

    def _sentence_whole_words(self, sentence: int) -> frozenset[str]:
        words = self._whole_words.get(sentence)
        if words is None:
            whole = self._document.sentences[sentence]
            words = frozenset().union(
                *(_whole_words(n, s, whole) for n, s in self._by_sentence.get(sentence, ()))
            )
            self._whole_words[sentence] = words
        return words

    def _sentence_words(self, sentence: int) -> frozenset[str]:
        words = self._words.get(sentence)
        if words is None:
            words = self._words[sentence] = _folded_words(self._document.sentences[sentence].text)
        return words

    def named_before(self, name: NameMention, words: frozenset[str]) -> bool:
        """Whether a name in an earlier sentence shares one of `words`."""
        return any(
            not words.isdisjoint(spelling.word_set)
            for other, spelling in self._named
            if other.sentence < name.sentence
        )

    def named_anywhere(self, words: frozenset[str]) -> bool:
        """Whether a name of the document shares one of `words`."""
        return any(not words.isdisjoint(spelling.word_set) for _, spelling in self._named)

    def kept_elsewhere(self, bead: tuple[int, ...], words: frozenset[str]) -> bool:
        """Whether the translation keeps the name outside this bead, so does not translate it.

        As a whole, or a part of it ("Haddad" for "Fernando Haddad", "President Lula" for
        "Lula"), but not inside a longer name ("Consorzio Venezia Nuova" for "Venezia").
        """
        # A name kept shares a word with `words` (never empty): most names share none.
        return any(
            not words.isdisjoint(spelling.word_set) and _kept(words, spelling.word_set)
            for other, spelling in self._named
            if other.sentence not in bead
        )


def _whole_words(name: NameMention, spelling: Spelling, sentence: Sentence) -> frozenset[str]:
    """Folded words of the name that the words of its sentence hold for certain, with no
    need to read them: those of a name of plain words (Spelling.plain) that stands whole in
    its sentence, no letter or digit against either end, so that each of its words is a
    whole run of letters there, which _folded_words keeps."""
    plain = spelling.plain
    if not plain:
        return plain
    text = sentence.text
    start = name.start - sentence.start
    end = start + len(name.text)
    if start < 0 or not text.startswith(name.text, start):
        return frozenset()
    if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
        return frozenset()
    return plain


# Both name rules walk every bead of a story: its documents are indexed once.
@per_story
def indexes_of(story: CheckedStory) -> dict[int, NameIndex]:
    """Each document's index, by id() of the document."""
    return {id(v.document): NameIndex(v.document) for v in story.versions}


# By text: a name's words depend on its text alone, and stories repeat their names (a
# translation copies most of the source's; a batch names the same people and places).
_spelling_of = functools.lru_cache(maxsize=65536)(Spelling)


@functools.lru_cache(maxsize=65536)
def _folded_words(text: str) -> frozenset[str]:
    """Words and hyphenated compounds, both whole and in parts: "SUD-Rail", "sud", "rail"."""
    # No word spans a space, and most words stand alone between spaces: str.split and
    # str.isalpha find those in C, and the regexes read only the other pieces.
    pieces = text.split()
    words = set(filter(str.isalpha, pieces))
    rest = " ".join(itertools.filterfalse(str.isalpha, pieces))
    words.update(_COMPOUND.findall(rest))
    if "-" in rest or "'" in rest or "’" in rest:
        words.update(_LETTERS.findall(rest))  # the parts of compounds: their runs of letters
    # Each distinct word is folded once.
    return frozenset(_fold_each(list(words)))


def _fold_each(words: list[str]) -> list[str]:
    """Each word (no word holds a space) folded by locale.fold. Where all are ASCII, fold is
    lower(): one str.lower of them all costs less than a call of fold for each."""
    joined = " ".join(words)
    if joined.isascii():
        return joined.lower().split(" ") if words else []
    return list(map(cldr.fold, words))


def _kept(name: AbstractSet[str], other: AbstractSet[str]) -> bool:
    if not other:
        return False
    return other <= name or (name <= other and len(other) <= len(name) + 1)
