"""Sentence alignment of two versions of a story: Gale-Church lengths plus translation anchors."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz, process

from reconcile.model import Alignment, Bead, Document

# Bead shapes (source sentences, target sentences), tried in this order: on equal cost the
# earlier shape wins, which keeps the result deterministic and prefers the plainest reading.
SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))

# -log of each shape's prior probability. 1-1 and 2-2 are Gale and Church's (0.89, 0.011).
# Merges and splits are rarer in news than in their parliamentary proceedings (12 of 571 beads
# in the hunalign dtm news set, so -log 0.01 rather than their -log 0.0445): a dropped sentence
# then becomes a skip instead of being folded into its neighbour's bead. A skip costs enough
# that two of them never beat a loosely translated 1-1 pair (headlines, captions). On the dev
# sets in shared/align-gold this gives strict F1 0.984 (dtm hu-en) and 0.753 (Text+Berg de-fr,
# which has many 1-3 and 3-1 beads that these shapes cannot express).
SHAPE_COST = {(1, 1): 0.12, (2, 1): 4.6, (1, 2): 4.6, (2, 2): 4.5}
SKIP_COST = 4.5

# Realign with the ratio of the 1-1 beads when it differs from the first estimate by more
# than this (in log units: 0.05 is about 5 %).
RATIO_TOLERANCE = 0.05

# Gale and Church's variance of target characters per source character.
LENGTH_VARIANCE = 6.8

# Costs of one anchor present on one side of a bead and absent from the other.
NUMBER_WEIGHT = 1.0
DATE_WEIGHT = 1.0
WEEKDAY_WEIGHT = 0.5
NAME_WEIGHT = 0.5
LINK_WEIGHT = 1.5
QUOTE_WEIGHT = 0.5
PARAGRAPH_BREAK_WEIGHT = 1.5  # per paragraph break inside one side of a 2-1, 1-2 or 2-2 bead

NAME_MIN_RATIO = 85.0  # rapidfuzz ratio for two spellings of one name ("Zelensky", "Zelenski")

# The band: half-width around the diagonal, wide enough for a dropped paragraph or two.
BAND_MIN = 20
BAND_SHARE = 0.1

# Confidence: the bead cost (without the shape's prior) at which a bead is a coin toss, and
# how much each shared anchor moves that point.
CONFIDENCE_MIDPOINT = 4.0
CONFIDENCE_PER_ANCHOR = 0.5

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,\u00a0\u202f]\d+)*")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])@\w{2,}"  # social media handles
)
_LINK_TRAILER = ".,;:!?)]}'’»"
_QUOTES = frozenset('"“”„«»‹›「」『』')
# A capitalised word after these starts a quotation or a clause, so its capital says nothing.
_CLAUSE_OPENERS = frozenset("“„«‹「『:—–([")

Span = tuple[int, int]
DateKey = tuple[int | None, int]  # (month or None, day) of one reading


@dataclass(frozen=True, slots=True)
class _Features:
    """What the bead cost needs of one side of a bead: one sentence, two, or none."""

    length: int
    numbers: frozenset[str]
    dates: tuple[frozenset[DateKey], ...]  # one set of readings per mention
    weekdays: frozenset[int]
    names: frozenset[int]  # ids shared by both documents' spellings of one name
    links: frozenset[str]
    quoted: bool
    first_paragraph: int
    last_paragraph: int
    breaks: int  # paragraph breaks between the sentences of this side


_EMPTY = _Features(0, frozenset(), (), frozenset(), frozenset(), frozenset(), False, -1, -1, 0)


def align(source: Document, target: Document) -> Alignment:
    """Align the sentences of `target` to those of `source`, covering both in order."""
    source_features, target_features = _features(source, target)
    ratio = _length_ratio(source_features, target_features)
    path = _search(source_features, target_features, ratio)
    # Dropped or added sentences bias the ratio of total lengths, most in short stories;
    # the sentences aligned 1-1 give a fairer one. Search again only when it differs.
    matched = _matched_ratio(source_features, target_features, path)
    if matched is not None and abs(math.log(matched / ratio)) > RATIO_TOLERANCE:
        ratio = matched
        path = _search(source_features, target_features, ratio)
    beads = tuple(
        _bead(source_features, target_features, ratio, i, j, di, dj) for i, j, di, dj in path
    )
    return Alignment(source.path, target.path, beads)


def sentence_pairs(alignment: Alignment) -> Iterator[tuple[int, int]]:
    """Every (source, target) sentence index pair that some bead links."""
    for bead in alignment.beads:
        for s in bead.source:
            for t in bead.target:
                yield s, t


# Features, computed once per sentence.


def _features(source: Document, target: Document) -> tuple[list[_Features], list[_Features]]:
    source_names, target_names = _document_names(source), _document_names(target)
    source_ids, target_ids = _name_ids(source_names, target_names)
    return (
        _document_features(source, [frozenset(source_ids[n] for n in ns) for ns in source_names]),
        _document_features(target, [frozenset(target_ids[n] for n in ns) for ns in target_names]),
    )


def _document_names(doc: Document) -> list[list[str]]:
    # "November", "Tuesday" are capitalised in English only: the dates and weekdays the
    # extractors found are compared as dates, not as names.
    spans = _fact_spans(doc, with_weekdays=True)
    return [_names(sentence.text, spans[sentence.index]) for sentence in doc.sentences]


def _document_features(doc: Document, names: list[frozenset[int]]) -> list[_Features]:
    dates: list[list[frozenset[DateKey]]] = [[] for _ in doc.sentences]
    weekdays: list[set[int]] = [set() for _ in doc.sentences]
    for date in doc.dates:
        dates[date.sentence].append(frozenset((r.month, r.day) for r in date.readings))
        if date.weekday is not None:
            weekdays[date.sentence].add(date.weekday.weekday)
    for weekday in doc.weekdays:
        weekdays[weekday.sentence].add(weekday.weekday)
    # Digits inside a date are compared as dates, where the day/month order cannot hurt.
    date_spans = _fact_spans(doc, with_weekdays=False)
    return [
        _Features(
            length=len(sentence.text),
            numbers=_numbers(sentence.text, date_spans[sentence.index]),
            dates=tuple(dates[sentence.index]),
            weekdays=frozenset(weekdays[sentence.index]),
            names=names[sentence.index],
            links=_links(sentence.text),
            quoted=any(char in _QUOTES for char in sentence.text),
            first_paragraph=sentence.paragraph,
            last_paragraph=sentence.paragraph,
            breaks=0,
        )
        for sentence in doc.sentences
    ]


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


def _numbers(text: str, excluded: list[Span]) -> frozenset[str]:
    # "1.500", "1,500" and "1500" are one figure whatever the locale's separators; so are
    # "1,5" and "1.5".
    return frozenset(
        re.sub(r"\D", "", match.group())
        for match in _NUMBER.finditer(text)
        if not _overlaps(match.span(), excluded)
    )


def _names(text: str, excluded: list[Span]) -> list[str]:
    """Capitalised words that are not capitalised for their position, accent-folded."""
    names: list[str] = []
    for n, match in enumerate(_WORD.finditer(text)):
        word = match.group()
        if n == 0 or not word[0].isupper() or len(word) < 2:
            continue
        if _opens_clause(text[: match.start()].rstrip()) or _overlaps(match.span(), excluded):
            continue
        names.append(_fold(word))
    return names


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


def _name_ids(
    source_names: Sequence[list[str]], target_names: Sequence[list[str]]
) -> tuple[dict[str, int], dict[str, int]]:
    """Give each name an id, the same on both sides when the spellings are close enough."""
    source_ids: dict[str, int] = {}
    for names in source_names:
        for name in names:
            source_ids.setdefault(name, len(source_ids))
    choices = list(source_ids)
    target_ids: dict[str, int] = {}
    next_id = len(source_ids)
    for names in target_names:
        for name in names:
            if name in target_ids:
                continue
            best = process.extractOne(name, choices, scorer=fuzz.ratio, score_cutoff=NAME_MIN_RATIO)
            if best is None:
                target_ids[name] = next_id
                next_id += 1
            else:
                target_ids[name] = source_ids[best[0]]
    return source_ids, target_ids


def _links(text: str) -> frozenset[str]:
    links = set()
    for match in _LINK.finditer(text):
        link = match.group().rstrip(_LINK_TRAILER).casefold()
        link = re.sub(r"^(?:https?://)?(?:www\.)?", "", link).rstrip("/")
        links.add(link)
    return frozenset(links)


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _merge(a: _Features, b: _Features) -> _Features:
    return _Features(
        length=a.length + b.length,
        numbers=a.numbers | b.numbers,
        dates=a.dates + b.dates,
        weekdays=a.weekdays | b.weekdays,
        names=a.names | b.names,
        links=a.links | b.links,
        quoted=a.quoted or b.quoted,
        first_paragraph=a.first_paragraph,
        last_paragraph=b.last_paragraph,
        breaks=a.breaks + b.breaks + (a.last_paragraph != b.first_paragraph),
    )


def _length_ratio(source: list[_Features], target: list[_Features]) -> float:
    """Target characters per source character, from the two documents' total lengths."""
    source_length = sum(f.length for f in source)
    target_length = sum(f.length for f in target)
    if not source_length or not target_length:
        return 1.0
    return target_length / source_length


def _matched_ratio(
    source: list[_Features], target: list[_Features], path: list[tuple[int, int, int, int]]
) -> float | None:
    """Target characters per source character over the 1-1 beads of `path`, if any."""
    source_length = sum(source[i].length for i, _, di, dj in path if di == dj == 1)
    target_length = sum(target[j].length for _, j, di, dj in path if di == dj == 1)
    if not source_length or not target_length:
        return None
    return target_length / source_length


# The search.


def _search(
    source: list[_Features], target: list[_Features], ratio: float
) -> list[tuple[int, int, int, int]]:
    """The cheapest path of beads, as (source start, target start, source size, target size)."""
    n, m = len(source), len(target)
    source_sides = _sides(source)
    target_sides = _sides(target)
    band = _band(n, m)
    costs: list[list[float]] = []
    moves: list[list[int]] = []
    for i in range(n + 1):
        lo, hi = band[i]
        row_costs = [math.inf] * (hi - lo + 1)
        row_moves = [-1] * (hi - lo + 1)
        costs.append(row_costs)
        moves.append(row_moves)
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row_costs[0] = 0.0
                continue
            best, best_move = math.inf, -1
            for move, (di, dj) in enumerate(SHAPES):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                plo, phi = band[pi]
                if not plo <= pj <= phi:
                    continue
                previous = costs[pi][pj - plo]
                if previous == math.inf:
                    continue
                total = previous + _bead_cost(
                    source_sides[di][pi], target_sides[dj][pj], di, dj, ratio
                )
                if total < best:
                    best, best_move = total, move
            row_costs[j - lo] = best
            row_moves[j - lo] = best_move
    path: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        di, dj = SHAPES[moves[i][j - band[i][0]]]
        i, j = i - di, j - dj
        path.append((i, j, di, dj))
    path.reverse()
    return path


def _sides(features: list[_Features]) -> tuple[list[_Features], list[_Features], list[_Features]]:
    """Bead sides by size: sides[k][i] covers sentences i .. i+k-1."""
    empty = [_EMPTY] * (len(features) + 1)
    pairs = [_merge(a, b) for a, b in pairwise(features)]
    return empty, features, pairs


def _band(n: int, m: int) -> list[tuple[int, int]]:
    """For each source row, the target columns the search visits."""
    width = max(BAND_MIN, math.ceil(BAND_SHARE * max(n, m))) + abs(n - m)
    band = []
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        band.append((max(0, centre - width), min(m, centre + width)))
    return band


def _bead(
    source: list[_Features],
    target: list[_Features],
    ratio: float,
    i: int,
    j: int,
    di: int,
    dj: int,
) -> Bead:
    source_side, target_side = _sides_at(source, i, di), _sides_at(target, j, dj)
    cost = _bead_cost(source_side, target_side, di, dj, ratio)
    if di and dj:
        # How well the sentences fit, not how common the shape is: a clean 2-1 bead is as
        # sure as a clean 1-1 bead. A skip keeps its whole cost: nothing supports it.
        cost -= _shape_cost(di, dj)
    support = _shared_anchors(source_side, target_side)
    score = 1.0 / (1.0 + math.exp(cost - CONFIDENCE_MIDPOINT - CONFIDENCE_PER_ANCHOR * support))
    return Bead(tuple(range(i, i + di)), tuple(range(j, j + dj)), score)


def _sides_at(features: list[_Features], start: int, size: int) -> _Features:
    side = _EMPTY
    for k in range(start, start + size):
        side = features[k] if side is _EMPTY else _merge(side, features[k])
    return side


# The bead cost: one function per signal, each in the same units (-log probability, roughly).


def _bead_cost(s: _Features, t: _Features, di: int, dj: int, ratio: float) -> float:
    return (
        _shape_cost(di, dj)
        + _length_cost(s.length, t.length, ratio)
        + _anchor_cost(s, t)
        + _paragraph_cost(s, t)
    )


def _anchor_cost(s: _Features, t: _Features) -> float:
    """The cost of the anchors on one side of a bead that the other side lacks."""
    return (
        _number_cost(s, t)
        + _date_cost(s, t)
        + _weekday_cost(s, t)
        + _name_cost(s, t)
        + _link_cost(s, t)
        + _quote_cost(s, t)
    )


def _number_cost(s: _Features, t: _Features) -> float:
    return NUMBER_WEIGHT * len(s.numbers ^ t.numbers)


def _date_cost(s: _Features, t: _Features) -> float:
    return DATE_WEIGHT * _unmatched_dates(s.dates, t.dates)


def _weekday_cost(s: _Features, t: _Features) -> float:
    return WEEKDAY_WEIGHT * len(s.weekdays ^ t.weekdays)


def _name_cost(s: _Features, t: _Features) -> float:
    return NAME_WEIGHT * len(s.names ^ t.names)


def _link_cost(s: _Features, t: _Features) -> float:
    return LINK_WEIGHT * len(s.links ^ t.links)


def _quote_cost(s: _Features, t: _Features) -> float:
    return QUOTE_WEIGHT * (s.quoted != t.quoted)


def _paragraph_cost(s: _Features, t: _Features) -> float:
    # Translators merge and split sentences within a paragraph, seldom across one.
    return PARAGRAPH_BREAK_WEIGHT * (s.breaks + t.breaks)


def _shape_cost(di: int, dj: int) -> float:
    return SHAPE_COST.get((di, dj), SKIP_COST)


def _length_cost(source_length: int, target_length: int, ratio: float) -> float:
    """Gale and Church: -log P(a length difference this large | the sentences match)."""
    if not source_length or not target_length:
        return 0.0  # a skipped sentence pays SKIP_COST instead
    mean = (source_length + target_length / ratio) / 2
    delta = abs(target_length - source_length * ratio) / math.sqrt(mean * LENGTH_VARIANCE)
    tail = math.erfc(delta / math.sqrt(2))  # two-sided P(|Z| >= delta)
    if tail > 1e-300:
        return -math.log(tail)
    # erfc underflows far out; its asymptote keeps the cost growing with the difference.
    x = delta / math.sqrt(2)
    return x * x + math.log(x * math.sqrt(math.pi))


def _unmatched_dates(a: tuple[frozenset[DateKey], ...], b: tuple[frozenset[DateKey], ...]) -> int:
    if not a and not b:
        return 0
    return sum(not any(_same_date(x, y) for y in b) for x in a) + sum(
        not any(_same_date(y, x) for x in a) for y in b
    )


def _same_date(a: frozenset[DateKey], b: frozenset[DateKey]) -> bool:
    # Two mentions agree if any readings agree: the versions may write day and month in
    # different orders, and a bare day of the month agrees with any month.
    return any(
        day_a == day_b and (month_a == month_b or month_a is None or month_b is None)
        for month_a, day_a in a
        for month_b, day_b in b
    )


def _shared_anchors(s: _Features, t: _Features) -> int:
    dates = sum(any(_same_date(x, y) for y in t.dates) for x in s.dates)
    return (
        len(s.numbers & t.numbers)
        + dates
        + len(s.weekdays & t.weekdays)
        + len(s.names & t.names)
        + len(s.links & t.links)
    )
