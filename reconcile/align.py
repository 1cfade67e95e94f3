"""Sentence alignment of two versions of a story: a band search over beads scored by anchors."""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import chain, compress, count, islice, pairwise, product
from typing import Generic, TypeVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from reconcile import embed
from reconcile.locale import cldr_names
from reconcile.model import Alignment, Bead, Document

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Masks = npt.NDArray[np.uint64]
Counts = npt.NDArray[np.uint8]
Bools = npt.NDArray[np.bool_]
_Item = TypeVar("_Item", bound=np.generic)
_T = TypeVar("_T")

# Bead shapes (source sentences, target sentences). Translators split and merge sentences
# (French splits German sentences at ";"): a side may hold up to MAX_SIDE sentences and a bead
# up to MAX_BEAD in all. 0-1 beads are searched apart (see _banded). On equal cost the earlier
# shape wins, which keeps the result deterministic and prefers the plainest reading.
MAX_SIDE = 5
MAX_BEAD = 6
SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    *sorted(
        (
            (a, b)
            for a in range(1, MAX_SIDE + 1)
            for b in range(1, MAX_SIDE + 1)
            if a + b <= MAX_BEAD and (a, b) != (1, 1)
        ),
        key=lambda s: (s[0] + s[1], s[0] != s[1], s[1], s[0]),
    ),
)
INSERTION = len(SHAPES)  # the move code of a 0-1 bead

# -log prior of a bead's shape: a merge or split pays a merge cost plus SIZE_COST for every
# sentence beyond the third, so that large beads need the length and the anchors to agree.
# News translations keep sentences whole (12 merges in 571 beads of the hunalign dtm set),
# so the first search charges MERGE_COST; other texts split and merge freely (a quarter of
# the Text+Berg beads), so the second search charges what the first one found, estimated
# with MERGE_PRIOR_BEADS beads' worth of the default rate: a short story keeps the default.
MERGE_COST = 4.5
SIZE_COST = 2.4
MERGE_COST_MIN = 2.0
MERGE_OFFSET = 1.0
MERGE_PRIOR_BEADS = 60
MERGE_TOLERANCE = 0.5

# The learned lexicon: a word pair must be seen in this many 1-1 beads, with this Dice
# coefficient; only a sentence's first LEXICON_WORDS long words are paired (bounds the work).
LEXICON_MIN_COUNT = 3
LEXICON_MIN_DICE = 0.5
LEXICON_WORDS = 16
LEXICON_MAX_SHARE = 0.1

# Leaving a sentence unaligned: each pays SKIP_COST plus the anchors it carries.
SKIP_COST = 5.5
# Each further target sentence in a run of them (untranslated captions, a credit block).
RUN_COST = 1.5
# A skipped sentence's anchors are charged at this share: a merge that leaves them unmatched
# must cost more than saying the sentence was dropped.
SKIP_ANCHOR_SHARE = 0.5

# Realign with the ratio of the 1-1 beads when it differs from the first estimate by more
# than this (in log units: 0.05 is about 5 %).
RATIO_TOLERANCE = 0.05
RATIO_PRIOR_CHARS = 300  # characters' worth of a 1:1 ratio added to both sides
# Variance of target characters per source character: Gale and Church measured 6.8 on
# parliamentary proceedings; 9 fits OCR'd and freely translated text better (Text+Berg dev).
LENGTH_VARIANCE = 9.0

# Costs of one anchor present on one side of a bead and absent from the other. Charging for
# what does not match (rather than rewarding what does) keeps long beads from buying anchors.
STRONG_WEIGHT = 1.0  # numbers, dates, links
NAME_WEIGHT = 0.5  # names, CLDR names, weekdays, quotation marks
COGNATE_WEIGHT = 0.35  # words of four letters or more that both versions share
PARAGRAPH_BREAK_WEIGHT = 1.5  # per paragraph break inside one side of a bead

NAME_MIN_RATIO = 85.0  # rapidfuzz ratio for two spellings of one name ("Zelensky", "Zelenski")
COGNATE_PREFIX = 5  # letters of an accent-folded word that identify it across languages
COGNATE_MIN_LENGTH = 4
# A cognate must be about as frequent in both versions and not a common word of either.
COGNATE_MAX_COUNT = 12
COGNATE_MIN_BALANCE = 0.5

# The band: half-width around a centre line through anchors found in both versions.
BAND_MIN = 20
BAND_SHARE = 0.03
BAND_MAX = 100
REFINE_HALF = 12  # half-width of the second search's band, around the first search's path

# Confidence: the bead cost (without the shape's prior) at which a bead is a coin toss, and
# how much each shared anchor moves that point.
CONFIDENCE_MIDPOINT = 4.0
CONFIDENCE_PER_ANCHOR = 0.5
UNSUPPORTED_COST = 4.0
LOW_CONFIDENCE = 0.5

# Cells of the band whose bead costs are computed at once: bounds the memory, and keeps the
# arrays small enough to stay in the processor's cache.
CHUNK_CELLS = 12_000

# A number not glued to a word or a number before it: (?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*,
# written to start with the digit so that the regex engine can skip to digits.
_NUMBER = re.compile(r"\d(?<![\w.,]\d)\d*(?:[.,\u00a0\u202f]\d+)*")
_NO_SEPARATORS = str.maketrans("", "", ".,\u00a0\u202f")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_WORD_PIECES = re.compile(f"({_WORD.pattern})")  # splits a text into gaps and words
_PARTS = re.compile(r"[-'’]")
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w{2,}"  # social media handles
)
_LINK_TRAILER = ".,;:!?)]}'’»"
_QUOTE_LINE = re.compile('["“”„«»‹›「」『』][^\n]*')  # a quotation mark and the rest of its line
# A capitalised word after these starts a quotation or a clause, so its capital says nothing.
_CLAUSE_OPENERS = frozenset("“„«‹「『:—–([")
_MAX_CLDR_WORDS = 4

Span = tuple[int, int]


def align(
    source: Document, target: Document, *, embeddings: embed.Embedder | None = None
) -> Alignment:
    """Align the sentences of `target` to those of `source`, covering both in order.

    `embeddings`: also weigh what the sentences say, by a sentence encoder (see embed.py)."""
    src, tgt, anchors, words, cognates = _features(source, target)
    n, m = src.count, tgt.count
    windows = _windows(src), _windows(tgt)
    meaning = None if embeddings is None else embeddings.windows(source, target, MAX_SIDE)
    centre = _centre(n, m, anchors)
    half = min(BAND_MAX, max(BAND_MIN, math.ceil(BAND_SHARE * max(n, m))))
    ratio = _ratio(int(src.length.sum()), int(tgt.length.sum()))
    path = _search(windows, n, m, ratio, MERGE_COST, centre, half, meaning)
    # Dropped or added sentences bias the ratio of total lengths, most in short stories;
    # the sentences aligned 1-1 give a fairer one. Search again only when it or the merge
    # cost differs.
    ones = [(i, j) for i, j, di, dj in path if di == dj == 1]
    matched = ratio
    if ones:
        linked = np.array(ones)
        matched = _ratio(int(src.length[linked[:, 0]].sum()), int(tgt.length[linked[:, 1]].sum()))
    merge = _merge_cost(path)
    # Words that the first path's 1-1 beads pair again and again translate each other
    # (hunalign's realign): the second search counts them as cognates.
    lexicon = _lexicon(words[0], words[1], path)
    if lexicon:
        masks = _with_lexicon(words, cognates, lexicon)
        windows = (
            replace(windows[0], cognates=_mask_windows(masks[0])),
            replace(windows[1], cognates=_mask_windows(masks[1])),
        )
    if (
        lexicon
        or abs(math.log(matched / ratio)) > RATIO_TOLERANCE
        or merge < MERGE_COST - MERGE_TOLERANCE
    ):
        # The first path is close: the second search keeps to a narrow band around it.
        ratio = matched
        points = [(0, 0), *((i, j) for i, j, _, _ in path[1:]), (n, m)]
        along = np.interp(np.arange(n + 1), [p[0] for p in points], [p[1] for p in points])
        centre = np.maximum.accumulate(np.rint(along).astype(np.int64))
        path = _search(windows, n, m, ratio, merge, centre, min(half, REFINE_HALF), meaning)
    beads = _beads(windows, ratio, path)
    return Alignment(source.path, target.path, beads)


def sentence_pairs(alignment: Alignment) -> Iterator[tuple[int, int]]:
    """Every (source, target) sentence index pair that some bead links."""
    for bead in alignment.beads:
        for s in bead.source:
            for t in bead.target:
                yield s, t


# Features: per sentence, a length, three bitmasks of anchors and a paragraph number.


@dataclass(frozen=True, slots=True)
class _Side:
    """One document's sentences as arrays, so that bead costs are computed by the band."""

    length: Ints
    strong: Masks  # numbers, dates, links
    names: Masks  # names, CLDR names, weekdays, quotation marks
    cognates: Masks
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


def _ragged(parts: Iterable[Iterable[_T]]) -> _Ragged[_T]:
    """Each sentence's items (`parts`, in order) as a _Ragged."""
    items: list[_T] = []
    ends = []
    for part in parts:
        items += part
        ends.append(len(items))
    return _Ragged(items, ends)


@dataclass(frozen=True, slots=True)
class _Words:
    """One document's words: per sentence, capitalised names and CLDR name ids; per word, its
    cognate prefixes and lexicon token."""

    names: _Ragged[str]
    cldr: _Ragged[object]
    word_prefixes: list[tuple[str, ...]]
    word_tokens: list[str]  # the accent-folded word if COGNATE_MIN_LENGTH letters or more, or ""
    first_word: list[int]  # of each sentence, then the number of words

    def prefixes(self) -> Iterator[Iterator[str]]:
        """Each sentence's cognate prefixes."""
        word_prefixes = self.word_prefixes
        for start, end in pairwise(self.first_word):
            yield chain.from_iterable(word_prefixes[start:end])

    def tokens(self) -> Iterator[list[str]]:
        """Each sentence's lexicon tokens, with "" for the words that are not."""
        word_tokens = self.word_tokens
        for start, end in pairwise(self.first_word):
            yield word_tokens[start:end]

    def first_tokens(self, sentence: int) -> tuple[str, ...]:
        """The distinct tokens among the first LEXICON_WORDS lexicon tokens of a sentence (a
        tuple: unlike a set, the garbage collector stops tracking it)."""
        words = self.word_tokens[self.first_word[sentence] : self.first_word[sentence + 1]]
        return tuple(dict.fromkeys(islice(filter(None, words), LEXICON_WORDS)))


def _features(
    source: Document, target: Document
) -> tuple[_Side, _Side, list[tuple[int, int]], list[_Words], list[_Ragged[str]]]:
    """Both documents as arrays, the sentence pairs that share an anchor found nowhere else,
    the words, and each sentence's cognates."""
    docs = (source, target)
    lines = [_lines(doc) for doc in docs]
    words = [_document_words(doc, doc_lines) for doc, doc_lines in zip(docs, lines, strict=True)]
    name_ids = _name_ids(words[0].names.items, words[1].names.items)
    is_shared = _cognates(words[0], words[1]).__contains__
    cognates = [_ragged(filter(is_shared, p) for p in doc_words.prefixes()) for doc_words in words]
    strong, soft, cognate = _Bits(places=True), _Bits(places=False), _Bits(places=True)
    sides = []
    for d, (doc, doc_lines, doc_words) in enumerate(zip(docs, lines, words, strict=True)):
        strong_masks = strong.masks(d, _strong_keys(doc, doc_lines))
        soft_masks = soft.masks(d, _soft_keys(doc, doc_lines, doc_words, name_ids[d]))
        cognate_masks = cognate.masks(d, cognates[d])
        sides.append(
            _Side(
                np.array(list(map(len, doc_lines.texts)), dtype=np.int64),
                np.array(strong_masks, dtype=np.uint64),
                np.array(soft_masks, dtype=np.uint64),
                np.array(cognate_masks, dtype=np.uint64),
                np.array([s.paragraph for s in doc.sentences], dtype=np.int64),
            )
        )
    anchors = sorted({*strong.unique_pairs(), *cognate.unique_pairs()})
    return sides[0], sides[1], anchors, words, cognates


@dataclass(frozen=True, slots=True)
class _Lines:
    """A document's sentences as one text, a sentence a line, so that a regex reads them all in
    one call and finds what it would in each sentence: none of ours matches across a line
    break, and to _NUMBER's look-behind a line break before a sentence is as the start of it."""

    texts: list[str]
    text: str
    starts: Ints  # where each sentence starts in `text`, then len(text) + 1

    def sentences(self, positions: npt.ArrayLike) -> Ints:
        """The sentence at each position of `text`."""
        found: Ints = np.searchsorted(self.starts, positions, side="right") - 1
        return found


def _lines(doc: Document) -> _Lines:
    texts = [sentence.text for sentence in doc.sentences]
    return _Lines(texts, "\n".join(texts), np.cumsum([0, *(len(text) + 1 for text in texts)]))


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
    quoting = set(lines.sentences([m.start() for m in _QUOTE_LINE.finditer(lines.text)]).tolist())
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


# What the features need of each word, by its spelling: filled once per spelling and kept
# across documents (up to _WORD_CACHE_SIZE spellings), so that a sentence is read with a few
# map() calls instead of a Python loop over its words.
_WORD_CACHE_SIZE = 200_000
_FOLDED_WORD: dict[str, str] = {}
_PREFIXES: dict[str, tuple[str, ...]] = {}  # cognate prefixes of the word's parts
_TOKEN: dict[str, str] = {}  # the folded word if it is a lexicon token, else ""
_CAPITALISED: dict[str, bool] = {}  # starts with a capital and has more letters


def _learn_words(words: list[str]) -> None:
    """Fill the caches above for the spellings not seen yet."""
    new = set(words).difference(_FOLDED_WORD)
    if not new:
        return
    if len(_FOLDED_WORD) + len(new) > _WORD_CACHE_SIZE:
        for cache in (_FOLDED_WORD, _PREFIXES, _TOKEN, _CAPITALISED):
            cache.clear()
        new = set(words)
    for word in new:
        folded = _fold(word)
        long = len(folded) >= COGNATE_MIN_LENGTH
        alpha = folded.isalpha()
        parts = (folded,) if alpha else _PARTS.split(folded)
        _FOLDED_WORD[word] = folded
        _PREFIXES[word] = (
            tuple(part[:COGNATE_PREFIX] for part in parts if len(part) >= COGNATE_MIN_LENGTH)
            if long
            else ()
        )
        _TOKEN[word] = folded if long and alpha else ""
        _CAPITALISED[word] = word[0].isupper() and len(word) > 1


def _document_words(doc: Document, lines: _Lines) -> _Words:
    # "November", "Tuesday" are capitalised in English only: the dates and weekdays the
    # extractors found are compared as dates, not as names.
    spans = _fact_spans(doc, with_weekdays=True)
    table, longest = _cldr_table(doc.locale.language)
    texts, line_starts = lines.texts, lines.starts
    # All sentences split into [gap, word, gap, word, ..., gap]: the words are those _WORD finds
    # in each sentence in turn, and the lengths of the pieces say where each starts.
    pieces = _WORD_PIECES.split(lines.text)
    raw = pieces[1::2]
    _learn_words(raw)
    folded = list(map(_FOLDED_WORD.__getitem__, raw))
    offsets = np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
    word_starts, word_ends = offsets[:-1:2], offsets[1::2]
    first_word = np.searchsorted(word_starts, line_starts)  # of each sentence, then the count

    # Capitalised words, but not a sentence's first: its capital says nothing.
    capitalised = np.fromiter(map(_CAPITALISED.__getitem__, raw), dtype=np.bool_, count=len(raw))
    capitalised[first_word[first_word < len(raw)]] = False
    candidates = np.flatnonzero(capitalised)
    sentence_of = lines.sentences(word_starts[candidates])
    relative = line_starts[sentence_of]
    names: list[str] = []
    name_sentences: list[int] = []
    for n, k, start, end in zip(
        candidates.tolist(),
        sentence_of.tolist(),
        (word_starts[candidates] - relative).tolist(),
        (word_ends[candidates] - relative).tolist(),
        strict=True,
    ):
        text = texts[k]
        if _opens_clause(text[max(0, start - 3) : start].rstrip()):
            continue
        excluded = spans.get(doc.sentences[k].index)
        if not excluded or not _overlaps((start, end), excluded):
            names.append(folded[n])
            name_sentences.append(k)

    # A CLDR name lies within a sentence: it ends by the first word of the next.
    starts = np.fromiter(compress(count(), map(longest.__contains__, folded)), dtype=np.int64)
    limits = first_word[np.searchsorted(first_word, starts, side="right")]
    cldr, cldr_at = _cldr_ids(
        raw, folded, zip(starts.tolist(), limits.tolist(), strict=True), table, longest
    )
    cldr_sentences = np.searchsorted(first_word, cldr_at, side="right") - 1
    return _Words(
        _Ragged(names, _ends(name_sentences, len(texts))),
        _Ragged(cldr, _ends(cldr_sentences, len(texts))),
        list(map(_PREFIXES.__getitem__, raw)),
        list(map(_TOKEN.__getitem__, raw)),
        first_word.tolist(),
    )


def _ends(item_sentences: npt.ArrayLike, sentences: int) -> list[int]:
    """Where each sentence's items end in a list of them, given each item's sentence."""
    ends: list[int] = np.searchsorted(item_sentences, np.arange(sentences), side="right").tolist()
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


def _fact_spans(doc: Document, *, with_weekdays: bool) -> dict[int, list[Span]]:
    """Sentence -> the spans (relative to the sentence) of its dates, and weekdays if asked."""
    spans: dict[int, list[Span]] = {}
    facts: list[tuple[int, int, int]] = [(d.sentence, d.start, d.end) for d in doc.dates]
    if with_weekdays:
        facts += [(d.sentence, d.weekday.start, d.weekday.end) for d in doc.dates if d.weekday]
        facts += [(w.sentence, w.start, w.end) for w in doc.weekdays]
    for sentence, start, end in facts:
        offset = doc.sentences[sentence].start
        spans.setdefault(sentence, []).append((start - offset, end - offset))
    return spans


def _numbers(doc: Document, lines: _Lines) -> dict[int, list[object]]:
    """Sentence -> its numbers outside its dates, for the sentences that have any."""
    # "1.500", "1,500" and "1500" are one figure whatever the locale's separators; so are
    # "1,5" and "1.5". A number holds digits and separators only: dropping the separators
    # leaves the digits.
    spans = _fact_spans(doc, with_weekdays=False)
    starts = lines.starts.tolist()
    numbers: dict[int, list[object]] = {}
    for match in _NUMBER.finditer(lines.text):
        k = bisect.bisect_right(starts, match.start()) - 1
        excluded = spans.get(k)
        if excluded:
            offset = starts[k]
            if _overlaps((match.start() - offset, match.end() - offset), excluded):
                continue
        numbers.setdefault(k, []).append(match.group().translate(_NO_SEPARATORS))
    return numbers


def _opens_clause(before: str) -> bool:
    """Whether a word after `before` is capitalised because a quotation or clause starts."""
    if not before:
        return False
    if before[-1] == '"':
        # A straight quote opens when nothing is glued to its left: `said "Yes`, not `yes" He`.
        return len(before) == 1 or before[-2].isspace()
    return before[-1] in _CLAUSE_OPENERS


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _cognates(source: _Words, target: _Words) -> frozenset[str]:
    """Word prefixes both versions use about equally often, and not as common words."""
    # How many sentences of each version use each prefix.
    counts = [Counter(chain.from_iterable(map(set, doc.prefixes()))) for doc in (source, target)]
    return frozenset(
        w
        for w in counts[0].keys() & counts[1].keys()
        if max(a := counts[0][w], b := counts[1][w]) <= COGNATE_MAX_COUNT
        and min(a, b) >= COGNATE_MIN_BALANCE * max(a, b)
    )


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
        words = tuple(_fold(w) for w in _WORD.findall(name))
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


def _overlaps(span: Span, spans: Sequence[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _lexicon(
    source: _Words, target: _Words, path: list[tuple[int, int, int, int]]
) -> dict[str, str]:
    """Target word -> the source word it translates, learned from the path's 1-1 beads: pairs
    seen together in LEXICON_MIN_COUNT beads or more, and seldom apart (Dice coefficient)."""
    ones = [(i, j) for i, j, di, dj in path if di == dj == 1]
    source_tokens = [source.first_tokens(i) for i, _ in ones]
    target_tokens = [target.first_tokens(j) for _, j in ones]
    source_counts = Counter(chain.from_iterable(source_tokens))
    target_counts = Counter(chain.from_iterable(target_tokens))
    # A pair is seen no more often than its rarer word: words below the minimum cannot count.
    # Words in more than LEXICON_MAX_SHARE of the beads are function words: they say nothing
    # about which sentences match (so a short story learns nothing).
    most = LEXICON_MAX_SHARE * len(ones)
    s_known = {w for w, c in source_counts.items() if LEXICON_MIN_COUNT <= c <= most}
    t_known = {w for w, c in target_counts.items() if LEXICON_MIN_COUNT <= c <= most}
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
        in_lexicon = key_of.__contains__
        keys = (
            [*shared, *map(key_of.__getitem__, filter(in_lexicon, tokens))]
            for shared, tokens in zip(doc_cognates, doc_words.tokens(), strict=True)
        )
        masks.append(np.array(bits.masks(len(masks), keys), dtype=np.uint64))
    return masks[0], masks[1]


def _merge_cost(path: list[tuple[int, int, int, int]]) -> float:
    """The merge cost that the share of merges and splits among the linked beads implies."""
    linked = [(di, dj) for _, _, di, dj in path if di and dj]
    merges = sum(1 for shape in linked if shape != (1, 1))
    prior = math.exp(MERGE_OFFSET - MERGE_COST) * MERGE_PRIOR_BEADS
    rate = (merges + prior) / (len(linked) + MERGE_PRIOR_BEADS)
    return min(MERGE_COST, max(MERGE_COST_MIN, MERGE_OFFSET - math.log(rate)))


def _ratio(source_length: int, target_length: int) -> float:
    """Target characters per source character, drawn towards 1 in short texts: in a story of
    two sentences, one dropped, the ratio of the totals would make the merge fit exactly."""
    if not source_length or not target_length:
        return 1.0
    return (target_length + RATIO_PRIOR_CHARS) / (source_length + RATIO_PRIOR_CHARS)


# Bead sides: for k sentences starting at i, the summed length, the OR of the masks and the
# paragraph breaks inside. Row k of each array; column i; columns past the end are unused.


@dataclass(frozen=True, slots=True)
class _Windows:
    length: Ints
    strong: Masks
    names: Masks
    cognates: Masks
    breaks: Ints


def _windows(side: _Side) -> _Windows:
    n = side.count
    size = n + 1
    length = np.zeros((MAX_SIDE + 1, size), dtype=np.int64)
    breaks = np.zeros((MAX_SIDE + 1, size), dtype=np.int64)
    cumulative = np.concatenate(([0], np.cumsum(side.length)))
    paragraph = np.concatenate((side.paragraph, side.paragraph[-1:] if n else [0]))
    for k in range(1, MAX_SIDE + 1):
        last = n - k + 1
        if last <= 0:
            break
        length[k, :last] = cumulative[k : k + last] - cumulative[:last]
        breaks[k, :last] = paragraph[k - 1 : k - 1 + last] - paragraph[:last]
    return _Windows(
        length,
        _mask_windows(side.strong),
        _mask_windows(side.names),
        _mask_windows(side.cognates),
        breaks,
    )


def _mask_windows(values: Masks) -> Masks:
    """The OR of the masks of k sentences starting at i: row k, column i."""
    n = len(values)
    window = np.zeros((MAX_SIDE + 1, n + 1), dtype=np.uint64)
    for k in range(1, min(MAX_SIDE, n) + 1):
        last = n - k + 1
        window[k, :last] = window[k - 1, :last] | values[k - 1 : k - 1 + last]
    return window


def _anchor_cost(strong: Masks, names: Masks, cognates: Masks) -> Floats:
    """The cost of the anchors in masks of what one side has and the other lacks."""
    return _weighted_anchors(
        np.bitwise_count(strong), np.bitwise_count(names), np.bitwise_count(cognates)
    )


def _weighted_anchors(strong: Counts, names: Counts, cognates: Counts) -> Floats:
    """The cost of the anchors that one side has and the other lacks, given how many."""
    cost = np.multiply(strong, STRONG_WEIGHT, dtype=np.float64)
    cost += NAME_WEIGHT * names
    cost += COGNATE_WEIGHT * cognates
    return cost


def _length_cost(source: Floats, target: Floats, ratio: float) -> Floats:
    """Gale and Church: -log P(a length difference this large | the sentences match)."""
    return _scaled_length_cost(source, target, source * ratio, target / ratio)


def _scaled_length_cost(
    source: Floats, target: Floats, source_scaled: Floats, target_scaled: Floats
) -> Floats:
    """_length_cost given source * ratio and target / ratio: the search computes them once per
    window rather than once per cell. Arrays are combined in place, with the same arithmetic."""
    mean = source + target_scaled
    mean /= 2
    np.maximum(mean, 1.0, out=mean)
    mean *= LENGTH_VARIANCE
    x = target - source_scaled
    np.abs(x, out=x)
    x /= np.sqrt(mean, out=mean)
    # -log erfc(x / sqrt 2), read off a table with linear interpolation (the exact function
    # costs ten times more); past its end, the asymptote x^2/2 + log(x sqrt(pi/2)) is within 0.01.
    position = x * _TAIL_STEPS
    position /= _TAIL_END
    np.minimum(position, _TAIL_STEPS, out=position)
    index = position.astype(np.int64)
    position -= index  # the fraction of the step
    cost: Floats = _TAIL_SLOPE.take(index)
    cost *= position
    cost += _TAIL_COST.take(index)
    if x.max(initial=0.0) > _TAIL_END:
        far = x > _TAIL_END
        cost[far] = x[far] ** 2 / 2 + np.log(x[far] * math.sqrt(math.pi / 2))
    return cost


def _tail_table() -> tuple[Floats, Floats]:
    xs = np.linspace(0.0, _TAIL_END, _TAIL_STEPS + 1)
    costs = np.array([-math.log(math.erfc(x / math.sqrt(2))) for x in xs])
    return costs, np.append(np.diff(costs), 0.0)


_TAIL_END = 12.0
_TAIL_STEPS = 1200
_TAIL_COST, _TAIL_SLOPE = _tail_table()


def _shape_cost(di: int, dj: int, merge: float) -> float:
    if di == dj == 1:
        return 0.0
    if not di or not dj:
        return SKIP_COST
    return merge + SIZE_COST * max(0, di + dj - 3)


_SHAPE_DI = np.array([di for di, _ in SHAPES], dtype=np.int64)
_SHAPE_DJ = np.array([dj for _, dj in SHAPES], dtype=np.int64)
_DELETION = SHAPES.index((1, 0))  # the one shape that links nothing


@dataclass(frozen=True, slots=True)
class _Flat:
    """One side's windows as flat arrays for take(): window k at sentence i is at
    k * stride + pad + i. `pad` columns on either side let the search read windows a little
    off either end without clipping the positions (see _costs for why those reads do not
    count)."""

    stride: int
    pad: int
    length: Floats
    scaled: Floats  # the length times the ratio (source) or divided by it (target)
    masks: Masks  # strong, names, cognates: one row each, so that one take() reads all three
    breaks: Floats | None  # PARAGRAPH_BREAK_WEIGHT per paragraph break; None if there are none


def _flat(windows: _Windows, scaled: Floats, pad: int) -> _Flat:
    def padded(values: npt.NDArray[_Item]) -> npt.NDArray[_Item]:
        rows, size = values.shape
        out = np.zeros((rows, pad + size + pad), dtype=values.dtype)
        out[:, pad : pad + size] = values
        return out.ravel()

    breaks = (PARAGRAPH_BREAK_WEIGHT * windows.breaks).astype(np.float64, copy=False)
    return _Flat(
        pad + windows.length.shape[1] + pad,
        pad,
        padded(windows.length.astype(np.float64)),
        padded(scaled),
        np.stack([padded(m) for m in (windows.strong, windows.names, windows.cognates)]),
        padded(breaks) if breaks.any() else None,
    )


def _costs(
    src: _Flat,
    tgt: _Flat,
    shape_costs: Floats,
    s_at: Ints,
    t_at: Ints,
    outside: Bools,
    meaning: tuple[embed.FlatVectors, embed.FlatVectors] | None = None,
) -> Floats:
    """Bead costs, [row, shape, column], of the beads whose source windows are at `s_at`
    [row, shape] and target windows at `t_at` [row, shape, column] in the flat arrays; inf in
    the columns past either end of the target (`outside`, [row, column]). A bead that would
    start before the first sentence of either side gets a cost from padding: the search reads
    inf for the cell it would come from, so that cost never counts."""
    # [kind, row, shape, column]
    counts = np.bitwise_count(
        src.masks.take(s_at, axis=1)[..., None] ^ tgt.masks.take(t_at, axis=1)
    )
    cost = _weighted_anchors(counts[0], counts[1], counts[2])
    deleted = SKIP_ANCHOR_SHARE * cost[:, _DELETION]
    cost += _scaled_length_cost(
        src.length.take(s_at)[:, :, None],
        tgt.length.take(t_at),
        src.scaled.take(s_at)[:, :, None],
        tgt.scaled.take(t_at),
    )
    cost[:, _DELETION] = deleted
    cost += shape_costs[:, None]
    if src.breaks is not None or tgt.breaks is not None:
        # Whole multiples of PARAGRAPH_BREAK_WEIGHT: their sum is exact, as if the breaks were
        # summed first.
        cost += (src.breaks.take(s_at)[:, :, None] if src.breaks is not None else 0.0) + (
            tgt.breaks.take(t_at) if tgt.breaks is not None else 0.0
        )
    if meaning is not None:
        cost += embed.bead_costs(meaning[0], meaning[1], s_at, t_at)
    if outside.any():
        cost += np.where(outside, np.inf, 0.0)[:, None, :]
    return cost


# The search.


def _search(
    windows: tuple[_Windows, _Windows],
    n: int,
    m: int,
    ratio: float,
    merge: float,
    centre: Ints,
    half: int,
    meaning: tuple[embed.WindowVectors, embed.WindowVectors] | None = None,
) -> list[tuple[int, int, int, int]]:
    """The cheapest path of beads, as (source start, target start, source size, target size)."""
    # The length cost's ratio terms, once per window.
    scaled = (
        (windows[0].length * ratio).astype(np.float64, copy=False),
        (windows[1].length / ratio).astype(np.float64, copy=False),
    )
    while True:
        path = _banded(windows, scaled, merge, n, m, centre, half, meaning)
        if path is not None:
            return path
        half *= 2  # the centre line strayed too far for the band to reach the end


def _banded(
    windows: tuple[_Windows, _Windows],
    scaled: tuple[Floats, Floats],
    merge: float,
    n: int,
    m: int,
    centre: Ints,
    half: int,
    meaning: tuple[embed.WindowVectors, embed.WindowVectors] | None = None,
) -> list[tuple[int, int, int, int]] | None:
    # Row i holds columns lo[i] .. lo[i] + width - 1 (target sentences consumed), lo rising.
    width = 2 * half + 1
    lo = centre - half
    rows_all = np.arange(n + 1, dtype=np.int64)
    previous = np.clip(rows_all[:, None] - _SHAPE_DI[None, :], 0, None)
    shift = lo[:, None] - lo[previous] - _SHAPE_DJ[None, :]  # column offset into the earlier row
    # Only the last MAX_SIDE + 1 rows of costs are kept, each padded with inf on both sides so
    # that every shifted read lands in the buffer. A row before the first is never written: it
    # reads inf.
    slots = MAX_SIDE + 1
    pad_left = MAX_SIDE
    stride = pad_left + width + int(shift.max(initial=0)) + 1
    buffer = np.full(slots * stride, np.inf)
    slot = (rows_all[:, None] - _SHAPE_DI[None, :]) % slots
    offsets = slot * stride + pad_left + shift
    columns = np.arange(width, dtype=np.int64)
    # One move code per cell, in one int8 array: memory linear in the length.
    moves = np.zeros((n + 1, width), dtype=np.int8)
    tgt_windows = windows[1]
    skip = RUN_COST + SKIP_ANCHOR_SHARE * _anchor_cost(
        tgt_windows.strong[1], tgt_windows.names[1], tgt_windows.cognates[1]
    )
    skip[m] = 0.0
    # Cost of skipping target sentences 0 .. j-1, padded for columns off either end.
    running = np.concatenate((np.zeros(1), np.cumsum(skip[:m])))
    running_padded = np.concatenate((np.zeros(width), running, np.full(width, running[-1])))
    shape_costs = np.array([_shape_cost(di, dj, merge) for di, dj in SHAPES])
    # Columns run from -half to m + half: padding both sides by that and a bead's size keeps
    # every window read in its array.
    src = _flat(windows[0], scaled[0], MAX_SIDE)
    tgt = _flat(tgt_windows, scaled[1], half + MAX_SIDE)
    # The embeddings' bead sides, in the same flat layout.
    flat_meaning = None if meaning is None else (meaning[0].flat(src.pad), meaning[1].flat(tgt.pad))
    src_base = _SHAPE_DI * (src.stride - 1) + src.pad  # + row: the shape's source window
    tgt_base = (_SHAPE_DJ * (tgt.stride - 1) + tgt.pad)[:, None] + columns  # + lo[row]
    chunk = max(1, CHUNK_CELLS // (len(SHAPES) * width))
    scratch = np.empty(width)
    scratch_head = scratch[:-1]
    slot_rows = [
        buffer[k * stride + pad_left : k * stride + pad_left + width] for k in range(slots)
    ]
    for chunk_start in range(0, n + 1, chunk):
        rows = rows_all[chunk_start : chunk_start + chunk]
        # What does not depend on the rows before is computed for the whole chunk, so that the
        # loop over its rows makes few numpy calls.
        j = lo[rows][:, None] + columns
        outside = (j < 0) | (j > m)
        costs = _costs(
            src,
            tgt,
            shape_costs,
            rows[:, None] + src_base,
            lo[rows][:, None, None] + tgt_base,
            outside,
            flat_meaning,
        )
        reads = offsets[rows][:, :, None] + columns  # buffer positions of each shape's cells
        run = running_padded[j + width]
        # 0-1 beads chain along the row: D[j] = min(V[j], D[j-1] + skip[j-1]), in closed form.
        # A run of them pays SKIP_COST once and RUN_COST for each further sentence:
        # D[j] = min(V[j], min over k < j of V[k] + SKIP_COST + run cost of k .. j-1).
        # Columns off either end get inf here, where V is inf too.
        chained = run + (SKIP_COST - RUN_COST)
        chained[outside] = np.inf
        values = np.empty((len(rows), width))  # V: the cheapest bead into each cell
        found = np.empty((len(rows), width))  # D
        found[:, 0] = np.inf  # no 0-1 bead leads into a row's first column
        for i, candidates, value, row, row_tail, read, run_row, chained_tail in zip(
            range(chunk_start, chunk_start + len(rows)),
            costs,
            values,
            found,
            found[:, 1:],
            reads,
            run,
            chained[:, 1:],
            strict=True,
        ):
            if i:
                candidates += buffer.take(read)
                np.minimum.reduce(candidates, axis=0, out=value)
            else:
                candidates.fill(np.inf)  # its move codes are 0, as for a column with no bead
                value.fill(np.inf)
                if 0 <= -lo[0] < width:
                    value[-lo[0]] = 0.0
            np.subtract(value, run_row, out=scratch)
            np.minimum.accumulate(scratch, out=scratch)
            np.add(scratch_head, chained_tail, out=row_tail)
            np.minimum(row, value, out=row)
            slot_rows[i % slots][:] = row
        # `costs` now holds each cell's candidates: the first cheapest shape is its move.
        moves[rows] = np.where(found < values - 1e-9, INSERTION, costs.argmin(axis=1))
        if buffer.min() == np.inf:
            # No path reaches the last MAX_SIDE + 1 rows, so none can reach the end: the band is
            # too narrow (a long run of added sentences), and the caller widens it.
            return None
    end = m - lo[n]
    if not 0 <= end < width or not np.isfinite(buffer[(n % slots) * stride + pad_left + end]):
        return None
    path: list[tuple[int, int, int, int]] = []
    codes, starts = moves.tobytes(), (lo - rows_all * width).tolist()  # plain ints: faster
    i, jj = n, m
    while i or jj:
        move = codes[jj - starts[i]]
        di, dj = (0, 1) if move == INSERTION else SHAPES[move]
        i, jj = i - di, jj - dj
        path.append((i, jj, di, dj))
    path.reverse()
    return path


def _centre(n: int, m: int, pairs: list[tuple[int, int]]) -> Ints:
    """For each row, the column the band is centred on: a line through the longest rising
    chain of anchors found once in each version, else the diagonal."""
    chain = _increasing(pairs)
    xs = [0.0] + [i + 0.5 for i, _ in chain] + [float(n)]
    ys = [0.0] + [j + 0.5 for _, j in chain] + [float(m)]
    centre = np.interp(np.arange(n + 1, dtype=np.float64), xs, ys)
    rounded: Ints = np.maximum.accumulate(np.rint(centre).astype(np.int64))
    rounded[-1] = m
    return rounded


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs rising in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []  # smallest second coordinate ending a chain of each length
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    last_i = -1
    for index, (i, j) in enumerate(pairs):
        if i == last_i:
            continue  # one anchor per row keeps the chain strictly rising
        last_i = i
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        parent[index] = tail_index[k - 1] if k else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


# Beads and their confidence.


def _beads(
    windows: tuple[_Windows, _Windows], ratio: float, path: list[tuple[int, int, int, int]]
) -> tuple[Bead, ...]:
    """The path as beads, each scored by how well its two sides fit."""
    src, tgt = windows
    steps = np.array(path, dtype=np.int64).reshape(-1, 4)
    i, j, di, dj = steps[:, 0], steps[:, 1], steps[:, 2], steps[:, 3]
    s_masks = [x[di, i] for x in (src.strong, src.names, src.cognates)]
    t_masks = [x[dj, j] for x in (tgt.strong, tgt.names, tgt.cognates)]
    cost = _anchor_cost(*(a ^ b for a, b in zip(s_masks, t_masks, strict=True)))
    linked = (di > 0) & (dj > 0)
    fit = _length_cost(
        src.length[di, i].astype(np.float64), tgt.length[dj, j].astype(np.float64), ratio
    )
    fit += PARAGRAPH_BREAK_WEIGHT * (src.breaks[di, i] + tgt.breaks[dj, j])
    # How well the sentences fit, not how common the shape is: a clean 2-1 bead is as sure
    # as a clean 1-1 bead. Nothing supports a skip but the cost of every alternative.
    cost += np.where(linked, fit, SKIP_COST)
    support = sum(
        np.bitwise_count(a & b).astype(np.float64) for a, b in zip(s_masks, t_masks, strict=True)
    )
    support = np.where(linked, support, 0.0)
    # Lengths alone fit many wrong pairs: a linked bead that shares no anchor is a guess.
    cost += np.where(linked & (support == 0), UNSUPPORTED_COST, 0.0)
    scores = 1.0 / (1.0 + np.exp(cost - CONFIDENCE_MIDPOINT - CONFIDENCE_PER_ANCHOR * support))
    return tuple(
        Bead(tuple(range(a, a + b)), tuple(range(c, c + d)), float(score))
        for (a, c, b, d), score in zip(path, scores.tolist(), strict=True)
    )
