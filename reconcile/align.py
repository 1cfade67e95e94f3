"""Sentence alignment of two versions of a story: a band search over beads scored by anchors."""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from reconcile.locale import cldr_names
from reconcile.model import Alignment, Bead, Document

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]
Masks = npt.NDArray[np.uint64]

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

ROWS_PER_CHUNK = 256  # rows whose bead costs are computed at once; bounds the memory

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_PARTS = re.compile(r"[-'’]")
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w{2,}"  # social media handles
)
_LINK_TRAILER = ".,;:!?)]}'’»"
_QUOTES = frozenset('"“”„«»‹›「」『』')
# A capitalised word after these starts a quotation or a clause, so its capital says nothing.
_CLAUSE_OPENERS = frozenset("“„«‹「『:—–([")
_MAX_CLDR_WORDS = 4

Span = tuple[int, int]


def align(source: Document, target: Document) -> Alignment:
    """Align the sentences of `target` to those of `source`, covering both in order."""
    src, tgt, anchors, words, shared = _features(source, target)
    n, m = src.count, tgt.count
    windows = _windows(src), _windows(tgt)
    centre = _centre(n, m, anchors)
    half = min(BAND_MAX, max(BAND_MIN, math.ceil(BAND_SHARE * max(n, m))))
    ratio = _ratio(int(src.length.sum()), int(tgt.length.sum()))
    path = _search(windows, n, m, ratio, MERGE_COST, centre, half)
    # Dropped or added sentences bias the ratio of total lengths, most in short stories;
    # the sentences aligned 1-1 give a fairer one. Search again only when it or the merge
    # cost differs.
    ones = [(i, j) for i, j, di, dj in path if di == dj == 1]
    matched = ratio
    if ones:
        matched = _ratio(
            sum(int(src.length[i]) for i, _ in ones), sum(int(tgt.length[j]) for _, j in ones)
        )
    merge = _merge_cost(path)
    # Words that the first path's 1-1 beads pair again and again translate each other
    # (hunalign's realign): the second search counts them as cognates.
    lexicon = _lexicon(words[0], words[1], path)
    if lexicon:
        src, tgt = _with_lexicon(src, tgt, words, shared, lexicon)
        windows = _windows(src), _windows(tgt)
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
        path = _search(windows, n, m, ratio, merge, centre, min(half, REFINE_HALF))
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

    def __init__(self) -> None:
        self.ids: dict[object, int] = {}
        # Where each key occurs: sentence indexes in the source, then in the target.
        self.places: dict[object, tuple[list[int], list[int]]] = {}

    def mask(self, keys: Sequence[object], side: int, sentence: int) -> int:
        if not keys:
            return 0
        mask = 0
        ids, places = self.ids, self.places
        for key in keys:
            key_id = ids.get(key)
            if key_id is None:
                key_id = ids[key] = len(ids)
            mask |= 1 << (key_id % 64)
            both = places.get(key)
            if both is None:
                both = places[key] = ([], [])
            where = both[side]
            if not where or where[-1] != sentence:
                where.append(sentence)
        return mask

    def unique_pairs(self) -> list[tuple[int, int]]:
        """(source, target) sentences of the keys found in exactly one sentence of each."""
        return [
            (where[0][0], where[1][0])
            for where in self.places.values()
            if len(where[0]) == 1 and len(where[1]) == 1
        ]


@dataclass(frozen=True, slots=True)
class _Words:
    """One sentence's words: capitalised names, CLDR name ids, cognate prefixes."""

    names: list[str]
    cldr: list[object]
    prefixes: list[str]
    tokens: list[str]  # accent-folded words of COGNATE_MIN_LENGTH letters or more


def _features(
    source: Document, target: Document
) -> tuple[_Side, _Side, list[tuple[int, int]], list[list[_Words]], frozenset[str]]:
    """Both documents as arrays, and the sentence pairs that share an anchor found nowhere else."""
    docs = (source, target)
    words = [_document_words(doc) for doc in docs]
    name_ids = _name_ids([w.names for w in words[0]], [w.names for w in words[1]])
    shared = _cognates([w.prefixes for w in words[0]], [w.prefixes for w in words[1]])
    strong, soft, cognate = _Bits(), _Bits(), _Bits()
    sides = []
    for d, doc in enumerate(docs):
        date_keys = _date_keys(doc)
        weekdays = _weekday_keys(doc)
        date_spans = _fact_spans(doc, with_weekdays=False)
        strong_masks, soft_masks, cognate_masks = [], [], []
        for k, sentence in enumerate(doc.sentences):
            text = sentence.text
            strong_keys: list[object] = [*_numbers(text, date_spans[k]), *date_keys[k]]
            if "@" in text or "www" in text or "http" in text:
                strong_keys += [("link", x) for x in _links(text)]
            strong_masks.append(strong.mask(strong_keys, d, k))
            sentence_words = words[d][k]
            keys: list[object] = [("name", name_ids[d][n]) for n in sentence_words.names]
            keys += sentence_words.cldr + weekdays[k]
            if not _QUOTES.isdisjoint(text):
                keys.append("quote")
            soft_masks.append(soft.mask(keys, d, k))
            cognate_keys = [w for w in sentence_words.prefixes if w in shared]
            cognate_masks.append(cognate.mask(cognate_keys, d, k))
        sides.append(
            _Side(
                np.array([len(s.text) for s in doc.sentences], dtype=np.int64),
                np.array(strong_masks, dtype=np.uint64),
                np.array(soft_masks, dtype=np.uint64),
                np.array(cognate_masks, dtype=np.uint64),
                np.array([s.paragraph for s in doc.sentences], dtype=np.int64),
            )
        )
    anchors = sorted({*strong.unique_pairs(), *cognate.unique_pairs()})
    return sides[0], sides[1], anchors, words, shared


def _document_words(doc: Document) -> list[_Words]:
    # "November", "Tuesday" are capitalised in English only: the dates and weekdays the
    # extractors found are compared as dates, not as names.
    spans = _fact_spans(doc, with_weekdays=True)
    table, longest = _cldr_table(doc.locale.language)
    out = []
    folds = _FOLDED
    for sentence in doc.sentences:
        text = sentence.text
        raw = _WORD.findall(text)
        folded = [folds.get(word) or _fold(word) for word in raw]
        names = []
        capitalised = [n for n, word in enumerate(raw) if n and word[0].isupper() and word[1:]]
        if capitalised:
            matches = list(_WORD.finditer(text))
            excluded = spans[sentence.index]
            for n in capitalised:
                start, end = matches[n].span()
                if _opens_clause(text[max(0, start - 3) : start].rstrip()):
                    continue
                if not excluded or not _overlaps((start, end), excluded):
                    names.append(folded[n])
        prefixes = [
            part[:COGNATE_PREFIX]
            for word in folded
            if len(word) >= COGNATE_MIN_LENGTH
            for part in ((word,) if word.isalpha() else _PARTS.split(word))
            if len(part) >= COGNATE_MIN_LENGTH
        ]
        tokens = [word for word in folded if len(word) >= COGNATE_MIN_LENGTH and word.isalpha()]
        out.append(_Words(names, _cldr_ids(raw, folded, table, longest), prefixes, tokens))
    return out


def _date_keys(doc: Document) -> list[list[object]]:
    # A date is keyed by its day and month in either order: the versions may write them in
    # different orders ("2/12", "12/2", "2 de dezembro"), and a wrong match costs little.
    keys: list[list[object]] = [[] for _ in doc.sentences]
    for date in doc.dates:
        reading = date.readings[0]
        pair = (reading.day, reading.month or 0)
        keys[date.sentence].append(("date", min(pair), max(pair)))
    return keys


def _weekday_keys(doc: Document) -> list[list[object]]:
    keys: list[list[object]] = [[] for _ in doc.sentences]
    for date in doc.dates:
        if date.weekday is not None:
            keys[date.sentence].append(f"weekday:{date.weekday.weekday}")
    for weekday in doc.weekdays:
        keys[weekday.sentence].append(f"weekday:{weekday.weekday}")
    return keys


def _fact_spans(doc: Document, *, with_weekdays: bool) -> list[list[Span]]:
    """Per sentence, the spans (relative to the sentence) of its dates, and weekdays if asked."""
    spans: list[list[Span]] = [[] for _ in doc.sentences]
    facts: list[tuple[int, int, int]] = [(d.sentence, d.start, d.end) for d in doc.dates]
    if with_weekdays:
        facts += [(d.sentence, d.weekday.start, d.weekday.end) for d in doc.dates if d.weekday]
        facts += [(w.sentence, w.start, w.end) for w in doc.weekdays]
    for sentence, start, end in facts:
        offset = doc.sentences[sentence].start
        spans[sentence].append((start - offset, end - offset))
    return spans


def _numbers(text: str, excluded: list[Span]) -> list[str]:
    # "1.500", "1,500" and "1500" are one figure whatever the locale's separators; so are
    # "1,5" and "1.5".
    return [
        re.sub(r"\D", "", match.group())
        for match in _NUMBER.finditer(text)
        if not excluded or not _overlaps(match.span(), excluded)
    ]


def _opens_clause(before: str) -> bool:
    """Whether a word after `before` is capitalised because a quotation or clause starts."""
    if not before:
        return False
    if before[-1] == '"':
        # A straight quote opens when nothing is glued to its left: `said "Yes`, not `yes" He`.
        return len(before) == 1 or before[-2].isspace()
    return before[-1] in _CLAUSE_OPENERS


_FOLDED: dict[str, str] = {}


def _fold(word: str) -> str:
    folded = _FOLDED.get(word)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", word)
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        if len(_FOLDED) < 200_000:
            _FOLDED[word] = folded
    return folded


def _cognates(source: list[list[str]], target: list[list[str]]) -> frozenset[str]:
    """Word prefixes both versions use about equally often, and not as common words."""
    counts = [Counter(w for words in doc for w in set(words)) for doc in (source, target)]
    return frozenset(
        w
        for w, a in counts[0].items()
        if (b := counts[1].get(w, 0))
        and max(a, b) <= COGNATE_MAX_COUNT
        and min(a, b) >= COGNATE_MIN_BALANCE * max(a, b)
    )


def _name_ids(
    source_names: Sequence[list[str]], target_names: Sequence[list[str]]
) -> tuple[dict[str, int], dict[str, int]]:
    """Give each name an id, the same on both sides when the spellings are close enough."""
    source_ids: dict[str, int] = {}
    for names in source_names:
        for name in names:
            source_ids.setdefault(name, len(source_ids))
    # Spellings of one name start alike; comparing within an initial keeps this linear.
    by_initial: dict[str, list[str]] = {}
    for name in source_ids:
        by_initial.setdefault(name[:1], []).append(name)
    target_ids: dict[str, int] = {}
    next_id = len(source_ids)
    for names in target_names:
        for name in names:
            if name in target_ids:
                continue
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
    table: dict[str, tuple[str, bool]],
    longest: dict[str, int],
) -> list[object]:
    """The CLDR names in a sentence's words, as ids shared by every language."""
    found: list[object] = []
    after = 0  # words before this are inside a name already found
    for k, word in enumerate(folded):
        if k < after or word not in longest:
            continue
        size = min(longest[word], len(folded) - k)
        while size:
            hit = table.get(word if size == 1 else " ".join(folded[k : k + size]))
            # A name CLDR capitalises must be capitalised here: English "may" is a verb.
            if hit is not None and (not hit[1] or raw[k][:1].isupper()):
                found.append(hit[0])
                after = k + size
                break
            size -= 1
    return found


def _links(text: str) -> list[str]:
    links = []
    for match in _LINK.finditer(text):
        link = match.group().rstrip(_LINK_TRAILER).casefold()
        links.append(re.sub(r"^(?:https?://)?(?:www\.)?", "", link).rstrip("/"))
    return links


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _lexicon(
    source: list[_Words], target: list[_Words], path: list[tuple[int, int, int, int]]
) -> dict[str, str]:
    """Target word -> the source word it translates, learned from the path's 1-1 beads: pairs
    seen together in LEXICON_MIN_COUNT beads or more, and seldom apart (Dice coefficient)."""
    ones = [(i, j) for i, j, di, dj in path if di == dj == 1]
    source_counts = Counter(w for i, _ in ones for w in set(source[i].tokens[:LEXICON_WORDS]))
    target_counts = Counter(w for _, j in ones for w in set(target[j].tokens[:LEXICON_WORDS]))
    # A pair is seen no more often than its rarer word: words below the minimum cannot count.
    # Words in more than LEXICON_MAX_SHARE of the beads are function words: they say nothing
    # about which sentences match (so a short story learns nothing).
    most = LEXICON_MAX_SHARE * len(ones)
    s_known = {w for w, c in source_counts.items() if LEXICON_MIN_COUNT <= c <= most}
    t_known = {w for w, c in target_counts.items() if LEXICON_MIN_COUNT <= c <= most}
    pairs: Counter[tuple[str, str]] = Counter()
    for i, j in ones:
        s_words = {w for w in source[i].tokens[:LEXICON_WORDS] if w in s_known}
        t_words = {w for w in target[j].tokens[:LEXICON_WORDS] if w in t_known}
        pairs.update((a, b) for a in s_words for b in t_words)
    best: dict[str, tuple[float, str]] = {}
    for (a, b), count in pairs.items():
        if count < LEXICON_MIN_COUNT:
            continue
        dice = 2 * count / (source_counts[a] + target_counts[b])
        if dice >= LEXICON_MIN_DICE and (dice, a) > best.get(b, (0.0, "")):
            best[b] = (dice, a)
    return {b: a for b, (_, a) in sorted(best.items())}


def _with_lexicon(
    src: _Side,
    tgt: _Side,
    words: list[list[_Words]],
    shared: frozenset[str],
    lexicon: dict[str, str],
) -> tuple[_Side, _Side]:
    """Both sides with cognate masks that also hold the learned word pairs."""
    known = frozenset(lexicon.values())
    bits = _Bits()
    masks = []
    for d, doc_words in enumerate(words):
        side_masks = []
        for k, sentence in enumerate(doc_words):
            keys: list[object] = [w for w in sentence.prefixes if w in shared]
            if d == 0:
                keys += [("lex", w) for w in sentence.tokens if w in known]
            else:
                keys += [("lex", lexicon[w]) for w in sentence.tokens if w in lexicon]
            side_masks.append(bits.mask(keys, d, k))
        masks.append(np.array(side_masks, dtype=np.uint64))
    return replace(src, cognates=masks[0]), replace(tgt, cognates=masks[1])


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
    masks = [np.zeros((MAX_SIDE + 1, size), dtype=np.uint64) for _ in range(3)]
    cumulative = np.concatenate(([0], np.cumsum(side.length)))
    paragraph = np.concatenate((side.paragraph, side.paragraph[-1:] if n else [0]))
    for k in range(1, MAX_SIDE + 1):
        last = n - k + 1
        if last <= 0:
            break
        length[k, :last] = cumulative[k : k + last] - cumulative[:last]
        breaks[k, :last] = paragraph[k - 1 : k - 1 + last] - paragraph[:last]
        for window, values in zip(masks, (side.strong, side.names, side.cognates), strict=True):
            window[k, :last] = window[k - 1, :last] | values[k - 1 : k - 1 + last]
    return _Windows(length, masks[0], masks[1], masks[2], breaks)


def _anchor_cost(strong: Masks, names: Masks, cognates: Masks) -> Floats:
    """The cost of the anchors in masks of what one side has and the other lacks."""
    cost: Floats = STRONG_WEIGHT * np.bitwise_count(strong)
    cost += NAME_WEIGHT * np.bitwise_count(names)
    cost += COGNATE_WEIGHT * np.bitwise_count(cognates)
    return cost


def _length_cost(source: Floats, target: Floats, ratio: float) -> Floats:
    """Gale and Church: -log P(a length difference this large | the sentences match)."""
    mean = np.maximum((source + target / ratio) / 2, 1.0)
    x = np.abs(target - source * ratio) / np.sqrt(mean * LENGTH_VARIANCE)
    # -log erfc(x / sqrt 2), read off a table with linear interpolation (the exact function
    # costs ten times more); past its end, the asymptote x^2/2 + log(x sqrt(pi/2)) is within 0.01.
    position = np.minimum(x * _TAIL_STEPS / _TAIL_END, _TAIL_STEPS)
    index = position.astype(np.int64)
    cost: Floats = _TAIL_COST[index] + (position - index) * _TAIL_SLOPE[index]
    far = x > _TAIL_END
    if far.any():
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


def _costs(
    src: _Windows,
    tgt: _Windows,
    ratio: float,
    merge: float,
    rows: Ints,
    lo: Ints,
    width: int,
    m: int,
) -> Floats:
    """Bead costs for rows `rows` of the band: [shape, row, column]; inf where impossible."""
    out = np.empty((len(SHAPES), len(rows), width))
    j = lo[rows][:, None] + np.arange(width)[None, :]
    for s, (di, dj) in enumerate(SHAPES):
        p = rows - di
        pj = j - dj
        valid = (p >= 0)[:, None] & (pj >= 0) & (j <= m)
        pc = np.clip(p, 0, None)
        pjc = np.clip(pj, 0, m)
        s_len = src.length[di, pc][:, None].astype(np.float64)
        t_len = tgt.length[dj, pjc].astype(np.float64)
        anchors = _anchor_cost(
            src.strong[di, pc][:, None] ^ tgt.strong[dj, pjc],
            src.names[di, pc][:, None] ^ tgt.names[dj, pjc],
            src.cognates[di, pc][:, None] ^ tgt.cognates[dj, pjc],
        )
        if di and dj:
            cost = anchors + _length_cost(s_len, t_len, ratio)
        else:
            cost = SKIP_ANCHOR_SHARE * anchors
        cost += _shape_cost(di, dj, merge)
        cost += PARAGRAPH_BREAK_WEIGHT * (src.breaks[di, pc][:, None] + tgt.breaks[dj, pjc])
        out[s] = np.where(valid, cost, np.inf)
    return out


# The search.


def _search(
    windows: tuple[_Windows, _Windows],
    n: int,
    m: int,
    ratio: float,
    merge: float,
    centre: Ints,
    half: int,
) -> list[tuple[int, int, int, int]]:
    """The cheapest path of beads, as (source start, target start, source size, target size)."""
    while True:
        path = _banded(windows[0], windows[1], ratio, merge, n, m, centre, half)
        if path is not None:
            return path
        half *= 2  # the centre line strayed too far for the band to reach the end


def _banded(
    src: _Windows,
    tgt: _Windows,
    ratio: float,
    merge: float,
    n: int,
    m: int,
    centre: Ints,
    half: int,
) -> list[tuple[int, int, int, int]] | None:
    # Row i holds columns lo[i] .. lo[i] + width - 1 (target sentences consumed), lo rising.
    width = 2 * half + 1
    lo = centre - half
    shape_di = np.array([di for di, _ in SHAPES], dtype=np.int64)
    shape_dj = np.array([dj for _, dj in SHAPES], dtype=np.int64)
    rows_all = np.arange(n + 1, dtype=np.int64)
    previous = np.clip(rows_all[:, None] - shape_di[None, :], 0, None)
    shift = lo[:, None] - lo[previous] - shape_dj[None, :]  # column offset into the earlier row
    # Only the last MAX_SIDE + 1 rows of costs are kept, each padded with inf on both sides so
    # that every shifted read lands in the buffer.
    slots = MAX_SIDE + 1
    pad_left = MAX_SIDE
    stride = pad_left + width + int(shift.max(initial=0)) + 1
    buffer = np.full(slots * stride, np.inf)
    slot = (rows_all[:, None] - shape_di[None, :]) % slots
    offsets = slot * stride + pad_left + shift
    columns = np.arange(width, dtype=np.int64)
    # One move code per cell, in one int8 array: memory linear in the length.
    moves = np.zeros((n + 1, width), dtype=np.int8)
    skip = RUN_COST + SKIP_ANCHOR_SHARE * _anchor_cost(tgt.strong[1], tgt.names[1], tgt.cognates[1])
    skip[m] = 0.0
    # Cost of skipping target sentences 0 .. j-1, padded for columns off either end.
    running = np.concatenate((np.zeros(1), np.cumsum(skip[:m])))
    running_padded = np.concatenate((np.zeros(width), running, np.full(width, running[-1])))
    costs = np.empty(0)
    chunk_start = 0
    for i in range(n + 1):
        if i % ROWS_PER_CHUNK == 0:
            chunk_start = i
            rows = rows_all[i : i + ROWS_PER_CHUNK]
            costs = _costs(src, tgt, ratio, merge, rows, lo, width, m)
        j = lo[i] + columns
        if i == 0:
            values = np.full(width, np.inf)
            best = np.zeros(width, dtype=np.int64)
            if 0 <= -lo[0] < width:
                values[-lo[0]] = 0.0
        else:
            candidates = buffer[offsets[i][:, None] + columns[None, :]]
            candidates += costs[:, i - chunk_start, :]
            best = candidates.argmin(axis=0)
            values = candidates[best, columns]
        # 0-1 beads chain along the row: D[j] = min(V[j], D[j-1] + skip[j-1]), in closed form.
        # A run of them pays SKIP_COST once and RUN_COST for each further sentence:
        # D[j] = min(V[j], min over k < j of V[k] + SKIP_COST + run cost of k .. j-1).
        run = running_padded[j + width]
        row = np.minimum.accumulate(values - run)
        row[1:] = row[:-1]
        row[0] = np.inf
        row += run + (SKIP_COST - RUN_COST)
        np.minimum(row, values, out=row)
        row[: max(0, -lo[i])] = np.inf
        row[max(0, m + 1 - lo[i]) :] = np.inf
        inserted = row < values - 1e-9
        moves[i] = np.where(inserted, INSERTION, best)
        start = (i % slots) * stride + pad_left
        buffer[start : start + width] = row
    end = m - lo[n]
    if not 0 <= end < width or not np.isfinite(buffer[(n % slots) * stride + pad_left + end]):
        return None
    path: list[tuple[int, int, int, int]] = []
    i, jj = n, m
    while i or jj:
        move = int(moves[i, jj - lo[i]])
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
