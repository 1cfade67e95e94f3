"""Per-document features for the aligner: each sentence's length, paragraph and anchors.

Anchors are kept as bitmasks, a bit per anchor key (see _Bits), so that comparing two bead
sides is an XOR and a bit count:
- strong: numbers (whatever the locale's separators), dates (by day and month), links;
- names: capitalised words that do not start a sentence, clause or quotation, matched across
  spellings ("Zelensky", "Zelenski"); the names of countries, currencies and months as
  CLDR writes them, by ids shared by every language; weekdays; whether the sentence quotes;
- cognates: prefixes of long accent-folded words that both versions use about as often, and,
  for the second search, word pairs of the lexicon learned from the first path's 1-1 beads.
Words are read once per spelling and remembered across documents (_learn_words).
"""

from __future__ import annotations

import bisect
import functools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain, compress, count, islice, product
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from reconcile.locale import cldr_names, fold
from reconcile.model import Document

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
Masks = npt.NDArray[np.uint64]
_T = TypeVar("_T")

# The learned lexicon: a word pair must be seen in this many 1-1 beads, with this Dice
# coefficient; only a sentence's first LEXICON_WORDS long words are paired (bounds the work).
LEXICON_MIN_COUNT = 3
LEXICON_MIN_DICE = 0.5
LEXICON_WORDS = 16
LEXICON_MAX_SHARE = 0.1

NAME_MIN_RATIO = 85.0  # rapidfuzz ratio for two spellings of one name ("Zelensky", "Zelenski")
COGNATE_PREFIX = 5  # letters of an accent-folded word that identify it across languages
COGNATE_MIN_LENGTH = 4
# A cognate must be about as frequent in both versions and not a common word of either.
COGNATE_MAX_COUNT = 12
COGNATE_MIN_BALANCE = 0.5

# Words and numbers. The regex engine reads a text four times slower than numpy reads what
# each character is (_char_kinds): _split_words finds _WORD's matches that way, and
# _number_bounds those of a number not glued to a word or a number before it,
# (?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*.
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# The kinds of character, a bit each, by the regex of each.
_LETTER = 1
_JOINER = 2
_DIGIT = 4
_SEPARATOR = 8
_NO_NUMBER_AFTER = 16  # a digit after it starts no number
_QUOTE = 32  # a quotation mark
_KIND_CLASSES = (
    (_LETTER, re.compile(r"[^\W\d_]")),
    (_JOINER, re.compile(r"[-'’]")),
    (_DIGIT, re.compile(r"\d")),
    (_SEPARATOR, re.compile(r"[.,\u00a0\u202f]")),
    (_NO_NUMBER_AFTER, re.compile(r"[\w.,]")),
    (_QUOTE, re.compile('["“”„«»‹›「」『』]')),
)
_BMP = 0x10000  # code points of the Basic Multilingual Plane: _char_kinds's table
_NO_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f")
_PARTS = re.compile(r"[-'’]")
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w{2,}"  # social media handles
)
_LINK_TRAILER = ".,;:!?)]}'’»"
# A capitalised word after these starts a quotation or a clause, so its capital says nothing.
_CLAUSE_OPENERS = frozenset("“„«‹「『:—–([")
_MAX_CLDR_WORDS = 4

_NO_INTS: Ints = np.zeros(0, dtype=np.int64)


# Features: per sentence, a length, three bitmasks of anchors and a paragraph number.


@dataclass(frozen=True, slots=True)
class _Side:
    """One document's sentences as arrays, so that bead costs are computed by the band."""

    length: Ints
    # [kind, sentence]: strong (numbers, dates, links), names (names, CLDR names, weekdays,
    # quotation marks), cognates
    masks: Masks
    paragraph: Ints

    @property
    def count(self) -> int:
        return len(self.length)


class _Bits:
    """Anchor keys -> bits. Keys get consecutive ids in order of appearance, so two keys share a
    bit only when they first appear about 64 keys apart: far apart in the text, where a bead
    never compares them."""

    def __init__(self, *, places: bool) -> None:
        self.bits: dict[object, int] = {}
        # If asked (for unique_pairs), per side, the first sentence of each key and the keys
        # found in more than one.
        self.places = places
        self.first: tuple[dict[object, int], dict[object, int]] = ({}, {})
        self.repeated: tuple[set[object], set[object]] = (set(), set())

    def masks(self, side: int, sentences: Iterable[Iterable[object]]) -> list[int]:
        """The mask of each sentence of one side, from its keys (the source side first)."""
        bits, places = self.bits, self.places
        first, repeated = self.first[side], self.repeated[side]
        masks = []
        for sentence, keys in enumerate(sentences):
            mask = 0
            for key in keys:
                bit = bits.get(key)
                if bit is None:
                    bit = bits[key] = 1 << (len(bits) % 64)
                mask |= bit
                if places and first.setdefault(key, sentence) != sentence:
                    repeated.add(key)
            masks.append(mask)
        return masks

    def unique_pairs(self) -> list[tuple[int, int]]:
        """(source, target) sentences of the keys found in exactly one sentence of each."""
        source, target = self.first
        repeated = self.repeated[0] | self.repeated[1]
        return [
            (source[key], target[key])
            for key in source.keys() & target.keys()
            if key not in repeated
        ]


@dataclass(frozen=True, slots=True)
class _Ragged(Generic[_T]):
    """A list per sentence, kept as one list and where each sentence's part ends: thousands of
    small lists alive at once make Python's garbage collector scan them again and again."""

    items: list[_T]
    ends: list[int]

    def __iter__(self) -> Iterator[list[_T]]:
        start = 0
        for end in self.ends:
            yield self.items[start:end]
            start = end


@dataclass(frozen=True, slots=True)
class _Words:
    """One document's words: per sentence, capitalised names and CLDR name ids; per word, its
    cognate prefixes and lexicon token."""

    names: _Ragged[str]
    cldr: _Ragged[object]
    prefixes: _Ragged[str]  # the cognate prefixes of each sentence's words
    word_tokens: list[str]  # the folded word if COGNATE_MIN_LENGTH letters or more, or ""
    first_word: list[int]  # of each sentence, then the number of words

    def first_tokens(self, sentence: int) -> dict[str, None]:
        """The distinct tokens among the first LEXICON_WORDS lexicon tokens of a sentence, in
        order, as the keys of a dict: one that the garbage collector never tracks (it holds
        only strings), with no copy into a tuple."""
        words = self.word_tokens[self.first_word[sentence] : self.first_word[sentence + 1]]
        return dict.fromkeys(islice(filter(None, words), LEXICON_WORDS))


def _features(
    source: Document, target: Document
) -> tuple[_Side, _Side, list[tuple[int, int]], list[_Words], list[_Ragged[str]]]:
    """Both documents as arrays, the sentence pairs that share an anchor found nowhere else,
    the words, and each sentence's cognates."""
    docs = (source, target)
    lines = [_lines(doc) for doc in docs]
    words = [_document_words(doc, doc_lines) for doc, doc_lines in zip(docs, lines, strict=True)]
    name_ids = _name_ids(words[0].names.items, words[1].names.items)
    shared = _cognates(words[0].prefixes, words[1].prefixes)
    cognates = [_kept(doc_words.prefixes, shared.__contains__) for doc_words in words]
    strong, soft, cognate = _Bits(places=True), _Bits(places=False), _Bits(places=True)
    sides = []
    for d, (doc, doc_lines, doc_words) in enumerate(zip(docs, lines, words, strict=True)):
        strong_masks = strong.masks(d, _strong_keys(doc, doc_lines))
        soft_masks = soft.masks(d, _soft_keys(doc, doc_lines, doc_words, name_ids[d]))
        cognate_masks = cognate.masks(d, cognates[d])
        sides.append(
            _Side(
                np.array(list(map(len, doc_lines.texts)), dtype=np.int64),
                np.array([strong_masks, soft_masks, cognate_masks], dtype=np.uint64).reshape(3, -1),
                np.array([s.paragraph for s in doc.sentences], dtype=np.int64),
            )
        )
    anchors = sorted({*strong.unique_pairs(), *cognate.unique_pairs()})
    return sides[0], sides[1], anchors, words, cognates


@dataclass(frozen=True, slots=True)
class _Lines:
    """A document's sentences as one text, a sentence a line, so that one call (a regex, or
    numpy over the characters' kinds) reads them all and finds what it would in each sentence:
    nothing we find spans a line break, and to a number's look-behind a line break before a
    sentence is as the start of it."""

    texts: list[str]
    text: str
    starts: Ints  # where each sentence starts in `text`, then len(text) + 1
    kinds: npt.NDArray[np.uint8]  # of each character of `text` (_LETTER, _DIGIT...)

    def sentences(self, positions: npt.ArrayLike) -> Ints:
        """The sentence at each position of `text`."""
        found: Ints = self.starts.searchsorted(positions, side="right") - 1
        return found


def _kept(ragged: _Ragged[_T], keep: Callable[[_T], bool]) -> _Ragged[_T]:
    """The items for which `keep` is true, each sentence's in order."""
    kept = list(map(keep, ragged.items))
    before = np.zeros(len(kept) + 1, dtype=np.int64)  # how many items before each are kept
    np.fromiter(kept, dtype=np.bool_, count=len(kept)).cumsum(out=before[1:])
    return _Ragged(list(compress(ragged.items, kept)), before[ragged.ends].tolist())


def _lines(doc: Document) -> _Lines:
    texts = [sentence.text for sentence in doc.sentences]
    text = "\n".join(texts)
    codes = _code_points(text)
    kinds = _char_kinds().take(codes, mode="clip")
    if len(codes) and codes.max() >= _BMP:  # rare: characters beyond the table
        for at in np.flatnonzero(codes >= _BMP).tolist():
            kinds[at] = _kinds_of(text[at])
    starts = np.cumsum([0, *(len(text) + 1 for text in texts)])
    return _Lines(texts, text, starts, kinds)


def _code_points(text: str) -> npt.NDArray[np.uint32]:
    """Each character's code point, lone surrogates too ("surrogatepass"). Quick (a copy),
    so not kept: 4 bytes a character."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _kinds_of(char: str) -> int:
    """The kinds of one character (beyond _char_kinds's table)."""
    return sum(kind for kind, char_class in _KIND_CLASSES if char_class.match(char))


@functools.cache
def _char_kinds() -> npt.NDArray[np.uint8]:
    """The kinds of each character of the Basic Multilingual Plane, by the regexes themselves."""
    chars = np.arange(_BMP, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    kinds = np.zeros(_BMP, dtype=np.uint8)
    for kind, char_class in _KIND_CLASSES:
        for match in re.finditer(f"{char_class.pattern}+", chars):
            kinds[match.start() : match.end()] |= kind
    return kinds


def _joined(kinds: npt.NDArray[np.uint8], part: int, joiner: int) -> tuple[Bools, Ints]:
    """Whether each character lies in a run of characters of kind `part`, where a single
    `joiner` between two joins them; and where the runs start and end, [start, end, ...]."""
    parts = (kinds & part).astype(np.bool_)
    # inside[1:-1] lies between two False: a run's first and last characters are parts.
    inside = np.zeros(len(kinds) + 2, dtype=np.bool_)
    inside[1:-1] = parts
    inside[2:-2] |= (kinds[1:-1] & joiner).astype(np.bool_) & parts[:-2] & parts[2:]
    bounds: Ints = np.flatnonzero(inside[1:] != inside[:-1])
    return inside[1:-1], bounds


def _strong_keys(doc: Document, lines: _Lines) -> Iterator[list[object]]:
    """Per sentence: its numbers, dates and links."""
    numbers = _numbers(doc, lines)
    dates = _date_keys(doc)
    links = "@" in lines.text or "www" in lines.text or "http" in lines.text
    for k, text in enumerate(lines.texts):
        keys = numbers.get(k, [])
        if k in dates:
            keys += dates[k]
        if links and ("@" in text or "www" in text or "http" in text):
            keys += [("link", x) for x in _links(text)]
        yield keys


def _soft_keys(
    doc: Document, lines: _Lines, words: _Words, name_ids: dict[str, int]
) -> Iterator[list[object]]:
    """Per sentence: its names, CLDR names, weekdays, and whether it quotes."""
    weekdays = _weekday_keys(doc)
    quoting = set(lines.sentences(np.flatnonzero(lines.kinds & _QUOTE)).tolist())
    name_id = name_ids.__getitem__
    for k, (names, cldr) in enumerate(zip(words.names, words.cldr, strict=True)):
        # A name is keyed by its id: an int, never equal to the other keys (strings).
        keys: list[object] = list(map(name_id, names))
        keys += cldr
        if k in weekdays:
            keys += weekdays[k]
        if k in quoting:
            keys.append("quote")
        yield keys


# What the features need of each word, by its language and spelling: filled once per spelling
# and kept across documents (up to _WORD_CACHE_SIZE spellings in all), so that a document's
# words are read with one map() call instead of a Python loop over them.
_WORD_CACHE_SIZE = 200_000


# A word's information: its folded spelling; the cognate prefixes of its parts; the folded
# word if it is a lexicon token, else ""; and, in one int for one numpy conversion, flags:
# whether it is capitalised (starts with a capital and has more letters), whether a CLDR name
# of its language starts with it, and four times its number of prefixes. A plain tuple, which
# the garbage collector stops tracking (a NamedTuple it would scan at every full collection).
_WordInfo = tuple[str, tuple[str, ...], str, int]
_CAPITALISED, _STARTS_CLDR_NAME, _PREFIX_COUNT_SHIFT = 1, 2, 2
_WORD_INFO: dict[str, dict[str, _WordInfo]] = {}  # language -> spelling -> information
# A list of _WordInfo -> one of its fields, by map(), faster than a loop.
_FOLDED, _PREFIXES, _TOKEN, _FLAGS = (operator.itemgetter(k) for k in range(4))


def _word_info(words: list[str], language: str) -> list[_WordInfo]:
    """Each word's _WordInfo."""
    try:
        return list(map(_WORD_INFO[language].__getitem__, words))
    except KeyError:
        _learn_words(words, language)
        return list(map(_WORD_INFO[language].__getitem__, words))


def _learn_words(words: list[str], language: str) -> None:
    """Fill _WORD_INFO for the spellings not seen yet in this language."""
    known = _WORD_INFO.setdefault(language, {})
    new = set(words).difference(known)
    if not new:
        return
    if sum(map(len, _WORD_INFO.values())) + len(new) > _WORD_CACHE_SIZE:
        _WORD_INFO.clear()
        known = _WORD_INFO[language] = {}
        new = set(words)
    starts_cldr_name = _cldr_table(language)[1]
    for word in new:
        folded = fold(word)
        long = len(folded) >= COGNATE_MIN_LENGTH
        alpha = folded.isalpha()
        parts = (folded,) if alpha else _PARTS.split(folded)
        prefixes = (
            tuple(part[:COGNATE_PREFIX] for part in parts if len(part) >= COGNATE_MIN_LENGTH)
            if long
            else ()
        )
        flags = len(prefixes) << _PREFIX_COUNT_SHIFT
        if word[0].isupper() and len(word) > 1:
            flags |= _CAPITALISED
        if folded in starts_cldr_name:
            flags |= _STARTS_CLDR_NAME
        known[word] = (folded, prefixes, folded if long and alpha else "", flags)


def _split_words(lines: _Lines) -> tuple[list[str], Ints, Bools]:
    """The words _WORD finds in `lines.text`; where they start and end, [start, end, start,
    ..., len(text)]; and whether each follows a single space."""
    # A word: letters, and joiners with a letter on either side.
    in_word, bounds = _joined(lines.kinds, _LETTER, _JOINER)
    codes = _code_points(lines.text)
    starts = bounds[::2]
    gap = starts - np.append(0, bounds[1:-1:2])
    spaced = (gap == 1) & (codes.take(starts - 1) == ord(" "))
    # No letter or joiner is whitespace to str.split (none in all of Unicode): the words are
    # what is left once every other character is a space (decoded in place, not copied).
    words = str(np.where(in_word, codes, ord(" ")).data, "utf-32-le", "surrogatepass").split()
    return words, np.append(bounds, len(codes)), spaced


def _document_words(doc: Document, lines: _Lines) -> _Words:
    # The words of all sentences: those _WORD finds in each sentence in turn.
    raw, offsets, spaced = _split_words(lines)
    info = _word_info(raw, doc.locale.language)
    folded = list(map(_FOLDED, info))
    flags = np.fromiter(map(_FLAGS, info), dtype=np.int64, count=len(info))
    word_starts = offsets[:-1:2]
    first_word = word_starts.searchsorted(lines.starts)  # of each sentence, then the count
    sentences = len(lines.texts)
    capitalised = flags & _CAPITALISED
    names, name_sentences = _names(doc, lines, spaced, offsets, first_word, capitalised, folded)

    # A CLDR name lies within a sentence: it ends by the first word of the next.
    table, longest = _cldr_table(doc.locale.language)
    starts = np.flatnonzero(flags & _STARTS_CLDR_NAME)
    limits = first_word[first_word.searchsorted(starts, side="right")]
    cldr, cldr_at = _cldr_ids(
        raw, folded, zip(starts.tolist(), limits.tolist(), strict=True), table, longest
    )
    cldr_sentences = first_word.searchsorted(cldr_at, side="right") - 1

    # Each sentence's prefixes, in one list: where each word's end, then each sentence's.
    prefix_ends = np.zeros(len(info) + 1, dtype=np.int64)
    (flags >> _PREFIX_COUNT_SHIFT).cumsum(out=prefix_ends[1:])
    return _Words(
        _Ragged(names, _ends(name_sentences, sentences)),
        _Ragged(cldr, _ends(cldr_sentences, sentences)),
        _Ragged(
            list(chain.from_iterable(map(_PREFIXES, info))), prefix_ends[first_word[1:]].tolist()
        ),
        list(map(_TOKEN, info)),
        first_word.tolist(),
    )


def _names(
    doc: Document,
    lines: _Lines,
    spaced: Bools,
    offsets: Ints,
    first_word: Ints,
    capitalised: Ints,
    folded: list[str],
) -> tuple[list[str], Ints]:
    """The capitalised words that are names (folded), and the sentence of each."""
    # Capitalised words, but not a sentence's first: its capital says nothing.
    candidates = capitalised.astype(np.bool_)
    candidates[first_word[first_word < len(candidates)]] = False
    # "November", "Tuesday" are capitalised in English only: the dates and weekdays the
    # extractors found are compared as dates, not as names.
    candidates &= ~_covered(offsets, _fact_bounds(doc, lines, with_weekdays=True))
    where = np.flatnonzero(candidates)
    sentence_of = lines.sentences(offsets[:-1:2][where])
    # A capital after a quotation mark or a clause opener says nothing. Most names follow a
    # single space after a word of their sentence, where none opens (see _opens_clause): only
    # the others need a closer look.
    texts, line_starts = lines.texts, lines.starts.tolist()
    closer = ~spaced[where]
    for n, k in zip(where[closer].tolist(), sentence_of[closer].tolist(), strict=True):
        start = int(offsets[2 * n]) - line_starts[k]
        if _opens_clause(texts[k][max(0, start - 3) : start].rstrip()):
            candidates[n] = False
    is_name = candidates[where]
    names = list(compress(map(folded.__getitem__, where.tolist()), is_name.tolist()))
    return names, sentence_of[is_name]


def _covered(offsets: Ints, facts: tuple[Ints, Ints]) -> Bools:
    """Whether each piece [offsets[2i], offsets[2i + 1]) overlaps one of the spans `facts`
    (starts, ends); `offsets`: where each piece of a text split into gaps and pieces ends."""
    starts, ends = offsets[:-1:2], offsets[1::2]
    if not len(facts[0]):
        return np.zeros(len(starts), dtype=np.bool_)
    # The pieces a span overlaps: from the first that ends after it starts, to the last that
    # starts before it ends (the pieces are in order and apart). Count +1 where such a run
    # starts, -1 after it: the pieces with a positive running sum are covered.
    first = ends.searchsorted(facts[0], side="right")
    after = np.maximum(starts.searchsorted(facts[1], side="left"), first)
    size = len(starts) + 1
    runs = np.bincount(first, minlength=size) - np.bincount(after, minlength=size)
    covered: Bools = runs[:-1].cumsum() > 0
    return covered


def _fact_bounds(doc: Document, lines: _Lines, *, with_weekdays: bool) -> tuple[Ints, Ints]:
    """Where the dates, and the weekdays if asked, start and end in `lines.text`, each cut to
    its sentence: so that it covers what it would within its sentence, and nothing else."""
    facts: list[tuple[int, int, int]] = [(d.sentence, d.start, d.end) for d in doc.dates]
    if with_weekdays:
        facts += [(d.sentence, d.weekday.start, d.weekday.end) for d in doc.dates if d.weekday]
        facts += [(w.sentence, w.start, w.end) for w in doc.weekdays]
    if not facts:
        return _NO_INTS, _NO_INTS
    sentence, start, end = np.array(facts, dtype=np.int64).T
    line_start = lines.starts[sentence]
    offset = line_start - np.array([doc.sentences[k].start for k in sentence.tolist()])
    line_end = lines.starts[sentence + 1] - 1  # the line break
    return np.maximum(start + offset, line_start), np.minimum(end + offset, line_end)


def _ends(item_sentences: Ints, sentences: int) -> list[int]:
    """Where each sentence's items end in a list of them, given each item's sentence."""
    ends: list[int] = item_sentences.searchsorted(np.arange(sentences), side="right").tolist()
    return ends


def _date_keys(doc: Document) -> dict[int, list[object]]:
    """Sentence -> its dates' keys, for the sentences that have dates."""
    # A date is keyed by its day and month in either order: the versions may write them in
    # different orders ("2/12", "12/2", "2 de dezembro"), and a wrong match costs little.
    keys: dict[int, list[object]] = {}
    for date in doc.dates:
        reading = date.readings[0]
        pair = (reading.day, reading.month or 0)
        keys.setdefault(date.sentence, []).append(("date", min(pair), max(pair)))
    return keys


def _weekday_keys(doc: Document) -> dict[int, list[object]]:
    """Sentence -> its weekdays' keys, for the sentences that name weekdays."""
    keys: dict[int, list[object]] = {}
    for date in doc.dates:
        if date.weekday is not None:
            keys.setdefault(date.sentence, []).append(f"weekday:{date.weekday.weekday}")
    for weekday in doc.weekdays:
        keys.setdefault(weekday.sentence, []).append(f"weekday:{weekday.weekday}")
    return keys


def _numbers(doc: Document, lines: _Lines) -> dict[int, list[object]]:
    """Sentence -> its numbers outside its dates, for the sentences that have any."""
    # "1.500", "1,500" and "1500" are one figure whatever the locale's separators; so are
    # "1,5" and "1.5". A number holds digits and separators only: dropping the separators
    # leaves the digits.
    bounds = _number_bounds(lines.kinds)
    if not len(bounds):
        return {}
    text = lines.text
    pieces = map(slice, bounds[::2].tolist(), bounds[1::2].tolist())
    figures = "\n".join(map(text.__getitem__, pieces)).translate(_NO_SEPARATORS).split("\n")
    offsets = np.append(bounds, len(text))  # as for the words
    kept = ~_covered(offsets, _fact_bounds(doc, lines, with_weekdays=False))
    numbers: dict[int, list[object]] = {}
    for k, figure in zip(
        lines.sentences(offsets[:-1:2][kept]).tolist(),
        compress(figures, kept.tolist()),
        strict=True,
    ):
        numbers.setdefault(k, []).append(figure)
    return numbers


def _number_bounds(kinds: npt.NDArray[np.uint8]) -> Ints:
    """Where the numbers start and end in a text of these kinds of character: [start, end,
    start, end, ...]."""
    # Digits, and separators with a digit on either side, make runs. A number is the end of a
    # run from its first digit that no letter, digit, "_", "." or "," precedes (the regex
    # engine tries each digit in turn and, from the first it takes, reads to the run's end).
    runs = _joined(kinds, _DIGIT, _SEPARATOR)[1]
    may_start = (kinds & _DIGIT).astype(np.bool_)
    may_start[1:] &= (kinds[:-1] & _NO_NUMBER_AFTER) == 0
    starts = np.flatnonzero(may_start)
    # Each run's first such digit, if it has one (len(kinds) if none is left).
    first = np.append(starts, len(kinds))[starts.searchsorted(runs[::2])]
    ends = runs[1::2]
    found = first < ends
    bounds: Ints = np.stack((first[found], ends[found]), axis=1).ravel()
    return bounds


def _opens_clause(before: str) -> bool:
    """Whether a word after `before` is capitalised because a quotation or clause starts."""
    if not before:
        return False
    if before[-1] == '"':
        # A straight quote opens when nothing is glued to its left: `said "Yes`, not `yes" He`.
        return len(before) == 1 or before[-2].isspace()
    return before[-1] in _CLAUSE_OPENERS


def _cognates(source: _Ragged[str], target: _Ragged[str]) -> frozenset[str]:
    """Word prefixes both versions use about equally often, and not as common words, given
    each sentence's prefixes."""
    # How many sentences of each version use each prefix.
    counts = [Counter(chain.from_iterable(map(set, prefixes))) for prefixes in (source, target)]
    both = list(counts[0].keys() & counts[1].keys())
    a, b = (np.fromiter(map(c.__getitem__, both), dtype=np.int64, count=len(both)) for c in counts)
    most = np.maximum(a, b)
    kept = (most <= COGNATE_MAX_COUNT) & (np.minimum(a, b) >= COGNATE_MIN_BALANCE * most)
    return frozenset(compress(both, kept.tolist()))


def _name_ids(
    source_names: list[str], target_names: list[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """Give each name an id, the same on both sides when the spellings are close enough."""
    source_ids = {name: k for k, name in enumerate(dict.fromkeys(source_names))}
    # Spellings of one name start alike; comparing within an initial keeps this linear.
    by_initial: dict[str, list[str]] = {}
    for name in source_ids:
        by_initial.setdefault(name[:1], []).append(name)
    target_ids: dict[str, int] = {}
    next_id = len(source_ids)
    for name in dict.fromkeys(target_names):
        if name in source_ids:
            target_ids[name] = source_ids[name]
            continue
        choices = by_initial.get(name[:1], [])
        best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=NAME_MIN_RATIO)
        if best is None:
            target_ids[name] = next_id
            next_id += 1
        else:
            target_ids[name] = source_ids[best[0]]
    return source_ids, target_ids


@functools.cache
def _cldr_table(language: str) -> tuple[dict[str, tuple[str, bool]], dict[str, int]]:
    """Folded CLDR names -> (id, capitalised), and the most words a name has per first word."""
    table: dict[str, tuple[str, bool]] = {}
    longest: dict[str, int] = {}
    for name, key in cldr_names(language).items():
        words = tuple(fold(w) for w in _WORD.findall(name))
        if not words or len(words) > _MAX_CLDR_WORDS:
            continue
        table.setdefault(" ".join(words), (key, name[:1].isupper()))
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return table, longest


def _cldr_ids(
    raw: list[str],
    folded: list[str],
    starts: Iterable[tuple[int, int]],
    table: dict[str, tuple[str, bool]],
    longest: dict[str, int],
) -> tuple[list[object], list[int]]:
    """The CLDR names in the words, as ids shared by every language, and the position of each.
    `starts`: (position, end of its sentence) of the words that begin a name in `longest`,
    ascending."""
    found: list[object] = []
    found_at: list[int] = []
    after = 0  # words before this are inside a name already found
    for k, limit in starts:
        if k < after:
            continue
        word = folded[k]
        size = min(longest[word], limit - k)
        while size:
            hit = table.get(word if size == 1 else " ".join(folded[k : k + size]))
            # A name CLDR capitalises must be capitalised here: English "may" is a verb.
            if hit is not None and (not hit[1] or raw[k][:1].isupper()):
                found.append(hit[0])
                found_at.append(k)
                after = k + size
                break
            size -= 1
    return found, found_at


def _links(text: str) -> list[str]:
    links = []
    for match in _LINK.finditer(text):
        link = match.group().rstrip(_LINK_TRAILER).casefold()
        links.append(re.sub(r"^(?:https?://)?(?:www\.)?", "", link).rstrip("/"))
    return links


def _lexicon(
    source: _Words, target: _Words, path: list[tuple[int, int, int, int]]
) -> dict[str, str]:
    """Target word -> the source word it translates, learned from the path's 1-1 beads: pairs
    seen together in LEXICON_MIN_COUNT beads or more, and seldom apart (Dice coefficient)."""
    ones = [(i, j) for i, j, di, dj in path if di == dj == 1]
    # A pair is seen no more often than its rarer word: words below the minimum cannot count.
    # Words in more than LEXICON_MAX_SHARE of the beads are function words: they say nothing
    # about which sentences match (so a short story learns nothing).
    counted = range(LEXICON_MIN_COUNT, math.floor(LEXICON_MAX_SHARE * len(ones)) + 1)
    if not counted:
        return {}
    source_tokens = [source.first_tokens(i) for i, _ in ones]
    target_tokens = [target.first_tokens(j) for _, j in ones]
    source_counts = Counter(chain.from_iterable(source_tokens))
    target_counts = Counter(chain.from_iterable(target_tokens))
    s_known = {word for word, seen in source_counts.items() if seen in counted}
    t_known = {word for word, seen in target_counts.items() if seen in counted}
    if not s_known or not t_known:
        return {}
    pairs: Counter[tuple[str, str]] = Counter()
    for s_tokens, t_tokens in zip(source_tokens, target_tokens, strict=True):
        s_words = s_known.intersection(s_tokens)
        if s_words:
            t_words = t_known.intersection(t_tokens)
            if t_words:
                pairs.update(product(s_words, t_words))
    best: dict[str, tuple[float, str]] = {}
    for (a, b), together in pairs.items():
        if together < LEXICON_MIN_COUNT:
            continue
        dice = 2 * together / (source_counts[a] + target_counts[b])
        if dice >= LEXICON_MIN_DICE and (dice, a) > best.get(b, (0.0, "")):
            best[b] = (dice, a)
    return {b: a for b, (_, a) in sorted(best.items())}


def _with_lexicon(
    words: list[_Words], cognates: list[_Ragged[str]], lexicon: dict[str, str]
) -> tuple[Masks, Masks]:
    """Both sides' cognate masks, holding the learned word pairs too."""
    # Each side's words -> the key of the pair they belong to.
    lexicon_keys = (
        {a: ("lex", a) for a in lexicon.values()},
        {b: ("lex", a) for b, a in lexicon.items()},
    )
    bits = _Bits(places=False)
    masks: list[Masks] = []
    for doc_words, doc_cognates, key_of in zip(words, cognates, lexicon_keys, strict=True):
        # A sentence's keys: its cognates, then the pairs of its words in the lexicon, which
        # few sentences have.
        tokens, first_word = doc_words.word_tokens, doc_words.first_word
        pairs: dict[int, list[object]] = {}
        for at in compress(count(), map(key_of.__contains__, tokens)):
            sentence = bisect.bisect_right(first_word, at) - 1
            pairs.setdefault(sentence, []).append(key_of[tokens[at]])
        keys = (
            [*shared, *pairs[k]] if k in pairs else shared for k, shared in enumerate(doc_cognates)
        )
        masks.append(np.array(bits.masks(len(masks), keys), dtype=np.uint64))
    return masks[0], masks[1]
