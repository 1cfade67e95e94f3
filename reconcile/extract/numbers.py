"""Figures in a document: digits read with the document's decimal mark, spelled-out numbers,
scale words, percentages, money, units, ordinals and ranges, each with its value.

"1.500" is fifteen hundred in pt-BR and one and a half in en-US: the mark is decided by the
document's own unambiguous figures ("2,5%", "1.200.000"), else by the locale (CLDR via babel).
Spelled-out numbers are read by text2num; scale words come from our own per-language table,
because their values differ between languages that spell them alike (billón, bilhão, Billion).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from operator import attrgetter
from types import MappingProxyType

from text_to_num import find_numbers

from reconcile import locale as cldr
from reconcile.extract import numberwords as words
from reconcile.extract import times
from reconcile.extract.pieces import spans_within, split_words
from reconcile.model import (
    DateMention,
    LocaleInfo,
    NumberKind,
    NumberMention,
    NumberStyle,
    Sentence,
    SourceText,
)

_SPACES = "\u00a0\u202f"
# A run of digits with the separators a figure may carry; split and checked by _readings.
_NUMERAL = re.compile(r"(?<![\w.,/])(?:[-−](?=\d))?\d(?:[\d.,'’" + _SPACES + r"]*\d)?")
_SPACE_GROUPED = re.compile(r"(?<![\w.,/])\d{1,3}(?: \d{3})+(?![\w.,]\d|\d)")
# Identifiers: phone numbers, law numbers ("Lei 14.133/2021"), ISBNs. Phone numbers: with a
# country code ("+33 1 42 34 56 78"), Brazil's ("(11) 3456-7890", "98765-4321"), North
# America's ("514 287-8726", "(514) 287-8726", "1-514-287-8726") and France's ("01 42 34 56
# 78"); two years ("2025-2026") are a range, not Brazil's "3456-7890".
_IDENTIFIER = re.compile(
    r"\+\d[\d \-]{6,}\d|\(\d{2,3}\)\s?\d{4,5}-?\d{4}"
    r"|(?<![\d-])(?!(?:1[89]|20)\d\d-(?:1[89]|20)\d\d(?![\d-]))\d{4,5}-\d{4}(?![\d-])"
    r"|(?<![\w.,+-])(?:1[ -])?(?:\(\d{3}\) ?|\d{3}[ -])\d{3}-\d{4}(?![\w-]|[.,]\d)"
    r"|(?<![\w.,+-])0[1-9](?:[ .]\d\d){4}(?![\w-]|[ .,]?\d)"
    r"|(?<![\w.,])\d{1,3}(?:\.\d{3})*/\d{2,4}(?![\w/])|\bISBN[\s:-]*[\d-]{10,17}[\dX]?"
)
_FRACTION = re.compile(r"^(\d{1,2})/(\d{1,2})$")
# A list of set scores ("6/4, 3/6 e 7/5", "6-4 3-6 7-6 (7-4)"): a result, neither dates nor
# figures. A set is won at 6 against at most 4, or at 7 against 5 or 6; a tie-break may
# follow in brackets. Two sets at least, joined by a comma, a space or "and".
_SET = r"(?:6[/–-][0-4]|[0-4][/–-]6|7[/–-][56]|[56][/–-]7)(?:\s*\(\d{1,2}(?:[/–-]\d{1,2})?\))?"
_SET_JOIN = r"(?:\s*[,;]\s*|\s+)(?:(?:and|e|y|et|und|ed)\s+)?"
_SET_SCORES = re.compile(rf"(?<![\w/.,:–-]){_SET}(?:{_SET_JOIN}{_SET})+(?![\w/%°–-]|[.,:]\d)")
# Matched at the offset just after a figure (pattern.match(text, end)), hence no "^".
_ORDINAL_SUFFIX = re.compile(r"(?:º|ª|°(?![CF])|st|nd|rd|th|er|re|e|ème|o|a)(?!\w)")
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# A word as _spelled hands it to text2num; split by the captured pattern, a sentence gives
# its words at the odd indices and the white space between them at the even ones. The
# quantifiers are possessive ("++", "*+"): giving back a letter or digit could never let the
# rest match, so the words are the same, and the regex engine keeps no backtracking points.
_WORD = re.compile(r"([^\W\d_]++(?:[-'’][^\W\d_]++)*+\.?|\d++|\S)")
# Every figure, time and identifier starts at a run of digits (or the sign, "+", "(" just
# before one): the document is scanned for runs once, and each pattern is only tried there.
# Written "\d\d*" rather than "\d+" because the regex engine skips ahead fast only when a
# pattern starts with a plain character set.
_DIGIT_RUN = re.compile(r"\d\d*")
_YEAR_LOW, _YEAR_HIGH = 1800, 2100


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Compiled per-language patterns."""

    language: str
    scale: re.Pattern[str]
    money_scale: re.Pattern[str]
    after: re.Pattern[str]  # what a figure is a count of: see _unit_after
    range_link: re.Pattern[str]
    between: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    identifier_before: re.Pattern[str]
    scaled_symbol: re.Pattern[str]  # a unit symbol after a scale word and a link: "de m³"


def extract_numbers(
    source: SourceText,
    sentences: Sequence[Sentence],
    locale: LocaleInfo,
    dates: Sequence[DateMention] = (),
) -> tuple[tuple[NumberMention, ...], NumberStyle | None]:
    """Every figure of the document, and the decimal mark the document was read with."""
    text = source.text
    lexicon = _lexicon(locale.language)
    decimal, group = cldr.number_symbols(locale.tag)
    space_grouped = group.isspace() or group in _SPACES
    date_spans = [(d.start, d.end) for d in dates]
    starts = [s.start for s in sentences]
    runs = digit_runs(text)
    special = _special(text, date_spans, runs, starts, locale.language)
    blocked = sorted(date_spans + [(m.start, m.end) for m in special])
    raw = [
        (start, end)
        for start, end in _numerals(text, runs, space_grouped)
        if not _inside(start, end, blocked)
    ]
    if not raw and not sentences:
        return (), None
    style = _style(text, raw, locale.tag, decimal)
    found = special
    reach = 0  # where the last figure ends: "4 mil 200 millones" takes the "200" in it
    for start, end in sorted(raw):
        if start < reach:
            continue
        mention = _digit_mention(text, start, end, style.decimal, lexicon, starts)
        if mention is not None:
            found.append(mention)
            reach = mention.end
    taken = sorted([(m.start, m.end) for m in found] + date_spans)
    # text2num runs only on sentences with a number or scale word the digits did not take.
    hits = _number_word_starts(text, lexicon.language, taken)
    if hits:
        for sentence in sentences:
            first = bisect_left(hits, sentence.start)
            if first < len(hits) and hits[first] < sentence.end:
                found.extend(_spelled(text, sentence, lexicon, taken, starts))
    found.sort(key=attrgetter("start", "end"))
    return tuple(_ranges(text, found, lexicon)), style if found else None


def _special(
    text: str,
    dates: Sequence[tuple[int, int]],
    runs: Sequence[tuple[int, int]],
    starts: Sequence[int],
    language: str,
) -> list[NumberMention]:
    """Times and identifiers: figures that are not quantities, kept apart from the rest.

    Each pattern is tried only where a match can start (see times.time_offsets and
    _identifier_offsets), which finds what its finditer would, without the regex engine
    testing every offset of the document.
    """
    found: list[NumberMention] = []
    spans = sorted(dates)
    hours = times.time_offsets(text, runs)
    lexicon = _lexicon(language)
    for pattern, kind, offsets in (
        (times.TIME, NumberKind.TIME, hours),
        (times.CLOCK_FORM, NumberKind.TIME, hours),
        (_IDENTIFIER, NumberKind.IDENTIFIER, _identifier_offsets(text, runs)),
    ):
        for match in matches_at(pattern, text, offsets):
            start, end = match.span()
            if pattern is times.CLOCK_FORM and not _is_clock_time(text, start, end, lexicon):
                continue
            if not _inside(start, end, spans):
                if kind is NumberKind.TIME:
                    found.append(_time(text, start, end, starts))
                else:
                    found.append(_plain(text, start, end, kind, Decimal(0), starts))
                insort(spans, (start, end))
    # Set scores are results, read as no figure (a hyphen's "3-6" would be a range), unless
    # the dates took them ("em 6/4 e 7/5": see dates._is_score_list).
    for start, end in set_scores(text, runs):
        if not _inside(start, end, spans):
            found.append(_plain(text, start, end, NumberKind.IDENTIFIER, Decimal(0), starts))
            insort(spans, (start, end))
    hour_nouns = words.HOUR_NOUNS.get(language, frozenset())
    followers = words.HOUR_FOLLOWERS.get(language, frozenset())
    for start, end in runs:
        if (
            end - start <= 2
            and times.is_bare_hour(text, start, end, hour_nouns, followers)
            and not _inside(start, end, spans)
        ):
            found.append(_time(text, start, end, starts))
            insort(spans, (start, end))
    # Last, as the first end of a range takes its clock word from the second, whatever made
    # that a time: "Zwischen 0.00 und 24.00 Uhr", "von 10 bis 22 Uhr", "de 10 à 18 heures".
    for second in [m for m in found if m.kind is NumberKind.TIME]:
        first = times.first_end(text, second.start)
        if first is not None and not _inside(*first, spans):
            found.append(_time(text, *first, starts))
            insort(spans, first)
    return found


def _time(text: str, start: int, end: int, starts: Sequence[int]) -> NumberMention:
    """A time of day, its value in minutes after midnight; `alternative` holds the other half
    of the day's reading when nothing says which half it is in ("alle 4": 4:00 or 16:00)."""
    minutes, other = times.clock_minutes(text, start, end)
    mention = _plain(text, start, end, NumberKind.TIME, Decimal(minutes), starts)
    return mention if other is None else replace(mention, alternative=Decimal(other))


def _is_clock_time(text: str, start: int, end: int, lexicon: _Lexicon) -> bool:
    """Whether a clock form ("9.40", "20.00") is a time: after a word that times take ("alle",
    "las") or before an hour word ("20.00 horas"), and not before what a quantity is counted
    in ("de las 3.45 toneladas", "7.50 millones" in es-MX)."""
    if not times.after_time_word(text, start) and not times.before_hour_word(text, end):
        return False
    return _unit_after(text, end, lexicon) is None and lexicon.scale.match(text, end) is None


def _identifier_offsets(text: str, runs: Sequence[tuple[int, int]]) -> list[int]:
    """Where an identifier can start: at a run, the "+" or "(" just before one, or "ISBN"."""
    offsets = []
    for start, end in runs:
        if start and text[start - 1] in "+(":
            offsets.append(start - 1)
        # Digits that start an identifier go on with "-" ("98765-4321") or "." or "/"
        # ("14.133/2021"), or a space and a digit or "(" for a phone number ("514 287-8726",
        # "1 (514) 287-8726").
        after = text[end : end + 1]
        if after in ("-", ".", "/") or (after == " " and text[end + 1 : end + 2] in _PHONE_GOES_ON):
            offsets.append(start)
    if "ISBN" in text:
        at = text.find("ISBN")
        while at != -1:
            offsets.append(at)
            at = text.find("ISBN", at + 1)
        offsets.sort()
    return offsets


_PHONE_GOES_ON = frozenset("0123456789(")  # after a space, in "514 287-8726", "1 (514) ..."


@lru_cache(maxsize=1)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the text's runs of digits, where every figure, time and date starts.

    Kept for the last text only: extract_dates reads a document's runs first, and
    extract_numbers then finds them here rather than scanning the document again.
    """
    return tuple(match.span() for match in _DIGIT_RUN.finditer(text))


def matches_at(pattern: re.Pattern[str], text: str, offsets: Iterable[int]) -> list[re.Match[str]]:
    """What pattern.finditer(text) finds, given every offset (ascending) a match can start at."""
    found = []
    end = 0
    for offset in offsets:
        if offset >= end:
            match = pattern.match(text, offset)
            if match is not None:
                found.append(match)
                end = match.end()
    return found


def set_scores(text: str, runs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the lists of set scores (see _SET_SCORES), each written with one mark:
    "6/4, 3-6" is no such list."""
    spans = []
    # Every set starts with one digit and its mark: only such runs can start a list.
    starts = [start for start, end in runs if end - start == 1 and text[end : end + 1] in "/–-"]
    for match in matches_at(_SET_SCORES, text, starts):
        marks = {c for c in match.group() if c in "/–-"}
        if len(marks) == 1:
            spans.append(match.span())
    return spans


def _numerals(
    text: str, runs: Sequence[tuple[int, int]], space_grouped: bool
) -> list[tuple[int, int]]:
    """The spans of the figures written in digits: a numeral starts at a run or its sign."""
    offsets = []
    for start, _end in runs:
        if start and text[start - 1] in "-−":
            offsets.append(start - 1)  # tried first, as finditer would
        offsets.append(start)
    numerals = [match.span() for match in matches_at(_NUMERAL, text, offsets)]
    if not space_grouped:
        return numerals
    spaced = [
        match.span()
        for match in matches_at(_SPACE_GROUPED, text, [s for s, e in runs if e - s <= 3])
    ]
    return spaced + [
        (start, end) for start, end in numerals if not any(s <= start < e for s, e in spaced)
    ]


def _style(text: str, raw: Sequence[tuple[int, int]], tag: str, locale_decimal: str) -> NumberStyle:
    """The document's decimal mark: its unambiguous figures outvote the locale's default."""
    counts = {",": 0, ".": 0}
    for start, end in raw:
        numeral = text[start:end]
        if "/" in numeral and _FRACTION.match(numeral):  # the cheap test first
            continue
        readings = _readings(numeral)
        if len(readings) == 1 and ("." in numeral or "," in numeral):
            counts[next(iter(readings))] += 1
    fallback = locale_decimal if locale_decimal in counts else "."
    if counts[","] != counts["."]:
        chosen, source = max(counts, key=lambda k: counts[k]), "document"
    else:
        chosen, source = fallback, "locale"
    return NumberStyle(
        chosen,
        source,
        locale_decimal,
        cldr.decimal_is_settled(tag),
        tuple(sorted(counts.items())),
    )


# Cached: the style vote and the mention both read each numeral, under both marks.
@lru_cache(maxsize=1 << 16)
def _readings(numeral: str) -> Mapping[str, Decimal]:
    """The value of a numeral under each decimal mark it is valid with."""
    body = numeral.lstrip("-−")
    sign = -1 if body != numeral else 1
    readings = {}
    for mark in (",", "."):
        value = _read(body, mark)
        if value is not None:
            readings[mark] = value * sign
    return MappingProxyType(readings)


def reading_under(numeral: str, mark: str) -> Decimal | None:
    """The value a reader who writes `mark` for decimals takes a numeral for; None if invalid."""
    return _readings(numeral).get(mark)


@lru_cache(maxsize=1 << 16)
def _read(numeral: str, mark: str) -> Decimal | None:
    integer, found, fraction = numeral.rpartition(mark) if mark in numeral else (numeral, "", "")
    if found and (not fraction.isdigit() or mark in integer):
        return None
    groups = re.split(r"[.,'’ " + _SPACES + r"]", integer)
    separators = set(re.findall(r"[.,'’ " + _SPACES + r"]", integer))
    if len(separators) > 1 or mark in separators:
        return None
    if len(groups) > 1:
        first = groups[0]
        if not 1 <= len(first) <= 3 or (first.startswith("0") and first != "0"):
            return None
        if first == "0" or any(len(g) != 3 for g in groups[1:]):
            return None
    try:
        return Decimal("".join(groups) + ("." + fraction if found else ""))
    except InvalidOperation:
        return None


# NumberMention is built with positional arguments throughout: its constructor takes keyword
# arguments about twice as slowly, and a document builds one per figure.
def _digit_mention(
    text: str, start: int, end: int, decimal: str, lexicon: _Lexicon, starts: Sequence[int]
) -> NumberMention | None:
    numeral = text[start:end]
    if _is_identifier(text, start, end, lexicon):
        return _plain(text, start, end, NumberKind.IDENTIFIER, Decimal(0), starts)
    fraction = _FRACTION.match(numeral) if "/" in numeral else None
    if fraction:
        over = int(fraction.group(2))
        value = Decimal(int(fraction.group(1))) / over if over else Decimal(0)
        return _plain(
            text, start, end, NumberKind.FRACTION, value.quantize(Decimal("0.0001")), starts
        )
    readings = _readings(numeral)
    if not readings:
        return _plain(text, start, end, NumberKind.IDENTIFIER, Decimal(0), starts)
    mark = decimal if decimal in readings else next(iter(readings))
    value = readings[mark]
    ambiguous = len(readings) > 1 and readings[","] != readings["."]
    used_mark = mark if mark in numeral else ""
    whole = "." not in numeral and "," not in numeral and text[end : end + 1] != " "
    ordinal = _ORDINAL_SUFFIX.match(text, end) if whole else None
    if ordinal:
        return NumberMention(
            start, ordinal.end(), text[start : ordinal.end()], _sentence_of(starts, start),
            NumberKind.ORDINAL, value,
            None, "", "", 1, False,  # upper, unit, scale, scale_value, spelled
            numeral, start, end,
        )  # fmt: skip
    currency_before = _currency_before(text, start)
    cursor = end
    scale_word, scale_value = "", 1
    scale = lexicon.scale.match(text, cursor)
    if scale is None and currency_before:
        scale = lexicon.money_scale.match(text, cursor)
    prefixed = (
        _PREFIXED_SYMBOL.match(text, cursor)
        if scale is None and not _PREFIX_LETTERS.isdisjoint(text[cursor : cursor + 2])
        else None
    )
    if prefixed:
        # "300 M$", "1,2 G$", "45 M€": a scale written as a prefix of the currency symbol,
        # which _unit_after then reads.
        scale_word, cursor = prefixed["word"], prefixed.end("word")
        scale_value = _SCALE_PREFIXES[scale_word]
    elif scale:
        scale_word = scale.group("word")
        scale_value = _scale_of(lexicon.language, scale_word)
        cursor = scale.end()
        # "3 mil millones", "2 mil milhões": a thousand of the next scale.
        second = lexicon.scale.match(text, cursor)
        if second and _scale_of(lexicon.language, second.group("word")) > scale_value:
            scale_word = text[scale.start("word") : second.end("word")]
            scale_value *= _scale_of(lexicon.language, second.group("word"))
            cursor = second.end()
        elif scale_value == 1000 and numeral.isdigit():
            # "4 mil 200 millones" (Mexico): 4,200 millions, one figure; the "200" is
            # skipped by extract_numbers, as inside this one.
            more = _THOUSANDS_AND.match(text, cursor)
            second = lexicon.scale.match(text, more.end()) if more else None
            if more and second and _scale_of(lexicon.language, second.group("word")) > 1000:
                value = value * 1000 + int(more.group(1))
                scale_word = second.group("word")
                scale_value = _scale_of(lexicon.language, scale_word)
                cursor = second.end()
    kind, unit = NumberKind.CARDINAL, ""
    if currency_before:
        kind, unit = NumberKind.MONEY, currency_before[1]
    tail = _unit_after(text, cursor, lexicon, value * scale_value, starts)
    if tail is None and scale_word:
        tail = _symbol_after_scale(text, cursor, lexicon)
    if (tail is not None and (kind is NumberKind.CARDINAL or tail[0] is NumberKind.MONEY)) or (
        tail is not None and tail[0] is NumberKind.PERCENT
    ):
        kind, unit, cursor = tail
    mention_start = start - len(currency_before[0]) if currency_before else start
    if (
        kind is NumberKind.CARDINAL
        and not unit  # "1950 points" is a count of points
        and not scale_word
        and not used_mark
        and numeral.isdigit()
        and len(numeral) == 4
        and _YEAR_LOW <= int(numeral) <= _YEAR_HIGH
    ):
        kind = NumberKind.YEAR
    alternative = readings["," if mark == "." else "."] * scale_value if ambiguous else None
    sign = 1
    if unit in _TEMPERATURE_UNITS and start > 1 and text[start - 1] == " ":
        minus = _MINUS_WORD_BEFORE.search(text, max(0, start - _MINUS_BEFORE), start)
        if minus is not None and (minus["before"] or "").lower() not in _NOT_MINUS_AFTER:
            # "minus 3 Grad": the sign is a word
            mention_start, sign = minus.start("sign"), -1
            alternative = None if alternative is None else -alternative
    return NumberMention(
        mention_start, cursor, text[mention_start:cursor], _sentence_of(starts, mention_start),
        kind, sign * value * scale_value,
        None, unit, scale_word, scale_value, False,  # upper, unit, scale, scale_value, spelled
        numeral, start, end, used_mark, ambiguous, alternative,
    )  # fmt: skip


_TEMPERATURE_UNITS = frozenset(
    symbol for symbol, unit in words.UNITS.items() if unit.dimension == "temperature"
)
# A minus word just before a temperature ("minus 3 Grad"), and the word before it.
_MINUS_WORD_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?P<before>[^\W\d_]+) )?"
    rf"(?<![^\W\d_])(?P<sign>{'|'.join(words.MINUS_WORDS)}) $",
    re.IGNORECASE,
)
_NOT_MINUS_AFTER = frozenset(words.MINUS_NOT_AFTER)  # "pelo menos 3 graus": at least 3
_MINUS_BEFORE = max(map(len, words.MINUS_WORDS + words.MINUS_NOT_AFTER)) * 2 + 3

# Scales written as a prefix of a currency symbol after the figure (French, above all in
# Quebec): "300 M$" is 300 million dollars, "1,2 G$" 1.2 billion, "2 Md$" 2 billion.
_SCALE_PREFIXES = MappingProxyType(
    {"k": words.K, "M": words.M, "G": words.G, "Md": words.G, "Mds": words.G, "Mrd": words.G}
)
_PREFIX_LETTERS = frozenset(word[0] for word in _SCALE_PREFIXES)  # a cheap test first
_PREFIXED_SYMBOL = re.compile(
    rf"\s?(?P<word>{'|'.join(sorted(_SCALE_PREFIXES, key=len, reverse=True))})"
    r"(?=\s?[$€£¥](?!\w))"
)

# The hundreds after "mil" in "4 mil 200 millones", before the scale word.
_THOUSANDS_AND = re.compile(r"\s(\d{1,3})(?![\d.,]\d)")


def _plain(
    text: str, start: int, end: int, kind: NumberKind, value: Decimal, starts: Sequence[int]
) -> NumberMention:
    return NumberMention(
        start, end, text[start:end], _sentence_of(starts, start), kind, value,
        None, "", "", 1, False,  # upper, unit, scale, scale_value, spelled
        text[start:end], start, end,
    )  # fmt: skip


def _is_identifier(text: str, start: int, end: int, lexicon: _Lexicon) -> bool:
    # Digits joined to letters ("G20", "COVID-19", "A320") name a thing; they count nothing.
    if start > 0 and (text[start - 1].isalpha() or (text[start - 1] == "-" and start > 1
                      and text[start - 2].isalpha())):  # fmt: skip
        return True
    if end < len(text) and text[end].isalpha() and not _ORDINAL_SUFFIX.match(text, end):
        unit_or_scale = (
            lexicon.scale.match(text, end)
            or lexicon.money_scale.match(text, end)
            or _PREFIXED_SYMBOL.match(text, end)  # "1,2G$"
        )
        if not unit_or_scale and _unit_after(text, end, lexicon) is None:
            return True
    if _WORD_ENDS.isdisjoint(text[max(0, start - 3) : start]):
        return False
    return bool(lexicon.identifier_before.search(text, max(0, start - _WORD_BEFORE), start))


def _currency_before(text: str, start: int) -> tuple[str, str] | None:
    """The currency symbol or code written just before a figure, with what it names."""
    if _SYMBOL_ENDS.isdisjoint(text[max(0, start - 3) : start]):
        return None
    match = _CURRENCY_BEFORE.search(text, max(0, start - _SYMBOL_BEFORE), start)
    if match is None:
        return None
    return match.group(), words.CURRENCY_SYMBOLS[match.group("symbol")]


# Longest first, so that "R$" and "US$" win over "$"; a code must not end a longer word.
_CURRENCY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<symbol>"
    + "|".join(re.escape(s) for s in sorted(words.CURRENCY_SYMBOLS, key=lambda s: (-len(s), s)))
    + r")\s?$"
)
# A currency symbol or a word such as "nº" before a figure: the patterns end in "\s?$", and "$"
# also matches before a final newline, so the symbol's or word's last character is one of the
# three before the figure. Only then are they searched, and only as far back as they can
# start: the longest symbol or word, those three, and for the word the space or "(" before.
_SYMBOL_ENDS = frozenset(s[-1] for s in words.CURRENCY_SYMBOLS)
_WORD_ENDS = frozenset(  # matched ignoring case
    c for w in words.IDENTIFIER_WORDS for c in (w[-1].lower(), w[-1].upper())
)
_SYMBOL_BEFORE = max(map(len, words.CURRENCY_SYMBOLS)) + 2
_WORD_BEFORE = max(map(len, words.IDENTIFIER_WORDS)) + 3


def _unit_after(
    text: str,
    at: int,
    lexicon: _Lexicon,
    value: Decimal = Decimal(0),
    starts: Sequence[int] = (),
) -> tuple[NumberKind, str, int] | None:
    """Percentage points, a percent sign or word, a currency or a unit just after a figure
    (of `value`; `starts`, the document's sentences' starts, find its sentence)."""
    found = lexicon.after.match(text, at)
    if found is None:
        if text[at : at + 1] in _GLUED_LETTERS:  # the cheap test first: most figures
            return _glued_temperature(text, at, lexicon.language)
        return None
    # The outer group that matched: the alternatives are tried in the order of _lexicon's.
    if found.lastgroup == "points":
        if found.group().strip().lower() in words.PLAIN_POINT_WORDS and (
            value >= _MOST_POINTS
            or not starts
            or _percentage_context(lexicon.language).search(
                text, *_sentence_span(starts, at, len(text))
            )
            is None
        ):
            # An index or a score: "148,250 points", "19 points" in a table.
            return NumberKind.CARDINAL, "points", found.end()
        return NumberKind.PERCENT, "pp", found.end()
    if found.lastgroup == "percent":
        return NumberKind.PERCENT, "%", found.end()
    if found.lastgroup == "money":
        word = found["cur"] or found["cur2"]
        code = words.CURRENCY_SYMBOLS.get(word) or words.CURRENCY_WORDS[lexicon.language].get(
            word.lower(), word
        )
        return NumberKind.MONEY, code, found.end()
    written = found["unit"] or found["unit2"]
    symbol = words.UNIT_SYMBOLS.get(written) or words.UNIT_WORDS[lexicon.language].get(
        written.lower(), written
    )
    return NumberKind.MEASURE, symbol, found.end()


# "minus 4C", "-3C", "93F": British house style glues the letter of a temperature's scale to
# the figure, with no degree sign; the letter ends the word.
_GLUED_UNITS = MappingProxyType({"C": "°C", "F": "°F"})
_GLUED_LETTERS = frozenset(_GLUED_UNITS)
_GLUED_LETTER = re.compile(r"[CF](?![^\W_])")


def _glued_temperature(text: str, at: int, language: str) -> tuple[NumberKind, str, int] | None:
    """A temperature whose unit is a letter glued to the figure ("minus 4C"), in a document
    that speaks of temperatures: elsewhere "12C" is a seat or a class, as before."""
    letter = text[at : at + 1]
    if (
        letter not in _GLUED_LETTERS
        or not text[at - 1 : at].isdigit()
        or _GLUED_LETTER.match(text, at) is None
        or not _speaks_of_temperature(text, language)
    ):
        return None
    return NumberKind.MEASURE, _GLUED_UNITS[letter], at + 1


@lru_cache(maxsize=4)
def _speaks_of_temperature(text: str, language: str) -> bool:
    """Whether a document speaks of temperatures: a weather word of its language, a degree
    sign, or a figure with "C" or "F" glued on that has a sign ("-3C", "minus 4C") or its
    conversion beside it ("34C (93F)"). Read once per document, at its first such figure."""
    return _temperature_context(language).search(text) is not None


@cache
def _temperature_context(language: str) -> re.Pattern[str]:
    weather = _alternation(words.TEMPERATURE_WORDS.get(language, words.TEMPERATURE_WORDS["en"]))
    glued = r"\d+(?:[.,]\d+)?[CF](?![^\W_])"
    return re.compile(
        rf"(?<![^\W\d_])(?i:{weather})(?![^\W\d_])"
        r"|°\s?[CF](?![^\W_])|ºC|ºF"
        rf"|(?<![\w.,])[-−+]{glued}"
        rf"|(?<![^\W\d_])(?i:{'|'.join(words.MINUS_WORDS)}) {glued}"
        r"|\d[CF] ?\(\d+(?:[.,]\d+)?[CF]\)"
    )


def _symbol_after_scale(
    text: str, at: int, lexicon: _Lexicon
) -> tuple[NumberKind, str, int] | None:
    """A unit symbol after a scale word and a link ("13,4 milhões de m³")."""
    found = lexicon.scaled_symbol.match(text, at)
    if found is None:
        return None
    written = found["unit"]
    symbol = words.UNIT_SYMBOLS.get(written) or words.UNIT_SYMBOLS.get(written.lower(), written)
    return NumberKind.MEASURE, symbol, found.end()


# A change of a hundred percentage points or more hardly happens; an index moves by that much.
_MOST_POINTS = Decimal(100)


@cache
def _percentage_context(language: str) -> re.Pattern[str]:
    """What makes plain "points" percentage points in a sentence of the language: see
    numberwords.PERCENTAGE_CONTEXT."""
    context = words.PERCENTAGE_CONTEXT.get(language, words.PERCENTAGE_CONTEXT["en"])
    return re.compile(
        rf"%|(?<![^\W\d_])(?:{'|'.join(map(re.escape, context))})(?![^\W\d_])",
        re.IGNORECASE,
    )


def _sentence_span(starts: Sequence[int], offset: int, end: int) -> tuple[int, int]:
    """The start and end of the sentence at `offset`, given every sentence's start."""
    index = bisect_right(starts, offset)
    return (starts[index - 1] if index else 0), (starts[index] if index < len(starts) else end)


def _scale_of(language: str, word: str) -> int:
    table = words.SCALES[language]
    scale = table.get(word) or table.get(word.lower())
    return scale.value if scale else 1


class _Token:
    """A word as text2num reads it; words our own reading already took are not number parts.

    Shared between the occurrences of a word (see _token_reading): where each stands is
    kept apart, in _Words.

    text2num calls text() and not_a_number_part() on every token of a sentence: they are the
    bound built-in methods of the word and of the flag (word.__str__ returns the word itself,
    blocked.__bool__ the flag), which answer without running Python code: text2num reads a
    sentence about a tenth faster.
    """

    __slots__ = ("blocked", "not_a_number_part", "text", "word")

    text: Callable[[], str]
    not_a_number_part: Callable[[], bool]

    def __init__(self, word: str, blocked: bool) -> None:
        self.word, self.blocked = word, blocked
        self.text, self.not_a_number_part = word.__str__, blocked.__bool__

    def nt_separated(self, previous: _Token) -> bool:
        return False


@dataclass(frozen=True, slots=True)
class _Words:
    """A sentence's words for text2num, and the offsets of each in the document."""

    tokens: list[_Token]
    starts: list[int]
    ends: list[int]


def _spelled(
    text: str,
    sentence: Sentence,
    lexicon: _Lexicon,
    taken: Sequence[tuple[int, int]],
    starts: Sequence[int],
) -> list[NumberMention]:
    """Numbers written in words, with a scale word or a unit after them."""
    language = lexicon.language
    if language not in words.SPELLED_LANGUAGES:
        return []
    taken = spans_within(taken, sentence.start, sentence.end)
    words_in_order, word_starts, ends = split_words(_WORD, sentence.text, sentence.start)
    if not words_in_order:
        return []
    readings = _token_readings(language)
    readings.make_room()
    tokens = list(map(readings.__getitem__, words_in_order))
    for index in _overlapped(word_starts, ends, taken):
        if not tokens[index].blocked:
            tokens[index] = _Token(tokens[index].word, True)
    # The words that name a million or more: all of the sentence's words are read by now.
    big_scales = (
        []
        if readings.big_scales.isdisjoint(words_in_order)
        else [i for i, word in enumerate(words_in_order) if word in readings.big_scales]
    )
    found = _Words(tokens, word_starts, ends)
    mentions: list[NumberMention] = []
    used: set[int] = set()
    for occurrence in find_numbers(tokens, language, 0.0):
        first, last = occurrence.start, occurrence.end - 1
        if any(tokens[i].blocked for i in range(first, last + 1)):
            continue
        if mentions and found.starts[first] < mentions[-1].end:
            continue  # a word the previous figure took as its unit ("cinco por cento")
        number = float(occurrence.value)
        value = Decimal(int(number)) if number.is_integer() else Decimal(str(number))
        mention = _spelled_mention(
            text, found, first, last, value, bool(occurrence.is_ordinal), lexicon, sentence, starts
        )
        if mention is not None:
            mentions.append(mention)
            used.update(range(first, last + 1))
    # "a billion", "un millón", "eine Milliarde": a scale word after a word for one.
    ones = words.ONE_WORDS.get(language, frozenset())
    # "zweieinhalb Millionen": a number and a half in one word, which text2num does not read.
    halves = words.HALF_WORDS.get(language, {})
    for index in big_scales:
        if not index or index in used or _inside(found.starts[index], found.ends[index], taken):
            continue
        before = tokens[index - 1].word.lower()
        if before in ones or before in halves:
            value = Decimal(halves.get(before, "1"))
            mention = _spelled_mention(
                text, found, index - 1, index - 1, value, False, lexicon, sentence, starts
            )
            if mention is not None and found.starts[index - 1] not in {m.start for m in mentions}:
                mentions.append(mention)
    return mentions


def _overlapped(
    starts: Sequence[int], ends: Sequence[int], spans: Sequence[tuple[int, int]]
) -> Iterator[int]:
    """The indices of the words (starts[i], ends[i]) for which _inside(start, end, spans) holds.

    _inside tests a word against the last span starting before the word ends: those words
    are, for each span, the run of words whose ends fall between its start and the next
    span's, and of them the ones starting before the span ends. Both ascend, so each run is
    found by bisection, a few steps per span rather than per word.
    """
    for index, (start, end) in enumerate(spans):
        first = bisect_right(ends, start)
        after_last = (
            bisect_right(ends, spans[index + 1][0]) if index + 1 < len(spans) else len(ends)
        )
        yield from range(first, min(after_last, bisect_left(starts, end)))


class _TokenReadings(dict[str, _Token]):
    """Per language: the token of every word read so far, and the words among them that name
    a million or more (see _token_reading).

    A dict rather than an lru_cache so that _spelled looks a sentence's words up with
    map(readings.__getitem__, words), which takes no Python step for a word already read.
    """

    LIMIT = 1 << 16  # words kept, before the dict starts over

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language
        self.big_scales: set[str] = set()

    def __missing__(self, word: str) -> _Token:
        token, big_scale = _token_reading(self.language, word)
        self[word] = token
        if big_scale:
            self.big_scales.add(word)
        return token

    def make_room(self) -> None:
        """Start over if full: called between sentences, so that a sentence's words stay."""
        if len(self) >= self.LIMIT:
            self.clear()
            self.big_scales.clear()


@cache
def _token_readings(language: str) -> _TokenReadings:
    return _TokenReadings(language)


def _token_reading(language: str, word: str) -> tuple[_Token, bool]:
    """How _spelled hands a word to text2num, as far as the word alone decides it.

    The token (a trailing period dropped unless the word is a scale: "mio."; no number part
    if a digit, a scale of a million or more, which _spelled_mention reads itself, a
    homograph or a vague plural), and whether the word names a million or more ("billion",
    "billion-peso"), for "a billion". Kept by _TokenReadings: most words recur.
    """
    scales = words.SCALES[language]
    lowered = word.lower()
    scale = scales.get(lowered) or scales.get(lowered.rstrip(".")) or scales.get(_head(word))
    blocked = (
        word[:1].isdigit()
        or (scale is not None and scale.value >= 10**6)
        or lowered in words.HOMOGRAPHS.get(language, ())
        or lowered in words.VAGUE.get(language, ())
    )
    token = _Token(word.rstrip(".") if not scale else word, blocked)
    head_scale = _scale_head(language, token.word)[1]
    return token, head_scale is not None and head_scale.value >= 10**6


class _ChunkMemo:
    """Per language: the whitespace-separated chunks of text already read for number words.

    Split on whitespace and compared as sets, a document's chunks are sorted out by C code:
    only the chunks never seen before are read word by word, and only those holding a number
    word are looked for in the text.
    """

    LIMIT = 1 << 16  # chunks kept of either kind, before that kind starts over

    def __init__(self) -> None:
        self.plain: set[str] = set()
        self.numbered: dict[str, tuple[tuple[int, int], ...]] = {}

    def read(self, chunk: str, language: str) -> tuple[tuple[int, int], ...]:
        """The number words of a chunk not seen before, as spans within it, leaving out the
        homographs _spelled hands text2num blocked (see _blocked_homograph)."""
        found = tuple(
            match.span()
            for match in _LETTERS.finditer(chunk)
            if _number_word(language, match.group().lower())
            and not _blocked_homograph(chunk, *match.span(), language)
        )
        if found:
            if len(self.numbered) >= self.LIMIT:
                self.numbered.clear()
            self.numbered[chunk] = found
        else:
            if len(self.plain) >= self.LIMIT:
                self.plain.clear()
            self.plain.add(chunk)
        return found


@cache
def _chunk_memo(language: str) -> _ChunkMemo:
    return _ChunkMemo()


def _blocked_homograph(chunk: str, start: int, end: int, language: str) -> bool:
    """Whether the word at chunk[start:end] is a homograph ("segunda": Monday, or second)
    that _spelled reads as that very word, which _token_reading blocks whatever surrounds it.

    Such a word alone starts no figure, so a sentence whose only number words they are is
    not read by text2num: "segundo o IBGE" is common in Portuguese. _WORD reads the same
    word unless an apostrophe joins it to its neighbour ("d'segunda") or it carries a
    period ("segunda."), which _token_reading does not block: those are kept.
    """
    if chunk[start:end].lower() not in words.HOMOGRAPHS.get(language, ()):
        return False
    return chunk[start - 1 : start] not in _JOINERS and chunk[end : end + 1] not in _JOINERS


_JOINERS = frozenset({"'", "’", "."})  # what makes _WORD's word longer than _LETTERS's


def _number_word_starts(text: str, language: str, taken: Sequence[tuple[int, int]]) -> list[int]:
    """Where the document's number and scale words start, leaving out those in `taken` and
    the blocked homographs (see _blocked_homograph).

    The same words as _LETTERS.finditer(text) filtered by _number_word: a word never spans
    whitespace, so it is found within a chunk and placed by where the chunk stands.
    """
    memo = _chunk_memo(language)
    starts: list[int] = []
    for chunk in set(text.split()) - memo.plain:
        spans = memo.numbered.get(chunk) or memo.read(chunk, language)
        at = text.find(chunk) if spans else -1
        while at != -1:
            after = at + len(chunk)
            if (at == 0 or text[at - 1].isspace()) and (
                after == len(text) or text[after].isspace()
            ):
                for start, end in spans:
                    if not _inside(at + start, at + end, taken):
                        starts.append(at + start)
            # The next whole chunk starts after whitespace, beyond this occurrence.
            at = text.find(chunk, after)
    starts.sort()
    return starts


@lru_cache(maxsize=1 << 16)
def _number_word(language: str, word: str) -> bool:
    """Whether a word is a scale word, or one text2num reads alone as a number other than one.

    "one", "um", "un" alone are articles far more often than counts; see _spelled_mention.
    """
    if _head(word) in words.SCALES.get(language, {}):
        return True
    found = find_numbers([_Token(word, False)], language, 0.0)
    return any(float(o.value) != 1 for o in found)


def _head(word: str) -> str:
    """A word before its first hyphen, lower-cased: "billion-peso" -> "billion"."""
    return word.lower().split("-")[0]


def _scale_head(language: str, word: str) -> tuple[str, words.Scale | None]:
    """The scale a word names and the lower-cased part that names it: "billion-peso" ->
    "billion"; "Milliarden." ends a sentence -> "milliarden", where "Mrd." keeps its dot."""
    head = _head(word)
    table = words.SCALES[language]
    scale = table.get(head)
    if scale is None and head.endswith("."):
        head = head[:-1]
        scale = table.get(head)
    return head, scale


def _count_scale(language: str, word: str) -> tuple[str, int] | None:
    """The part of a word that names a scale of a million or more, and its value, if the word
    scales a count ("milhões", not the money-only "bi")."""
    head, scale = _scale_head(language, word)
    if scale is None or scale.value < 10**6 or scale.money_only:
        return None
    return head, scale.value


def _spelled_mention(
    text: str,
    found: _Words,
    first: int,
    last: int,
    value: Decimal,
    ordinal: bool,
    lexicon: _Lexicon,
    sentence: Sentence,
    starts: Sequence[int],
) -> NumberMention | None:
    start, end = found.starts[first], found.ends[last]
    scale_word, scale_value = "", 1
    if last + 1 < len(found.tokens) and not ordinal:
        following = found.tokens[last + 1].word
        half_after, half_before = _half_patterns(lexicon.language)
        if counted := _count_scale(lexicon.language, following):
            head, scale_value = counted
            scale_word, end = following[: len(head)], found.starts[last + 1] + len(head)
            if half_after is not None and (match := half_after.match(text, end)):
                value, end = value + Decimal("0.5"), match.end()  # "um milhão e meio"
        elif (
            half_before is not None
            and (match := half_before.match(text, end))
            and (counted := _count_scale(lexicon.language, match[1]))
        ):
            head, scale_value = counted  # "two and a half million"
            scale_word, end = match[1][: len(head)], match.start(1) + len(head)
            value += Decimal("0.5")
    if value == 1 and not scale_word:
        return None  # "one", "un", "a": an article far more often than a count
    kind, unit = (NumberKind.ORDINAL if ordinal else NumberKind.CARDINAL), ""
    tail = None if ordinal else _unit_after(text, end, lexicon, value * scale_value, starts)
    if tail is None and scale_word:
        tail = _symbol_after_scale(text, end, lexicon)
    if tail is not None:
        kind, unit, end = tail
    return NumberMention(
        start, end, text[start:end], sentence.index, kind, value * scale_value,
        None, unit, scale_word, scale_value, True,  # upper, unit, scale, scale_value, spelled
    )  # fmt: skip


@cache
def _half_patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The language's "and a half" after a scale word, and before one (see numberwords)."""
    after, before = words.HALF_AFTER_SCALE.get(language), words.HALF_BEFORE_SCALE.get(language)
    return (
        re.compile(after, re.IGNORECASE) if after else None,
        re.compile(before, re.IGNORECASE) if before else None,
    )


def _ranges(text: str, mentions: Sequence[NumberMention], lexicon: _Lexicon) -> list[NumberMention]:
    """Join "10 a 12 mil" into one range; its first end takes the second's scale and unit."""
    out: list[NumberMention] = []
    index = 0
    while index < len(mentions):
        low = mentions[index]
        high = mentions[index + 1] if index + 1 < len(mentions) else None
        joined = _range(text, low, high, lexicon) if high is not None else None
        if joined is not None:
            out.append(joined)
            index += 2
        else:
            out.append(low)
            index += 1
    return out


_LONGEST_LINK = max(
    len(word)
    for language in words.RANGE_WORDS
    for word in words.RANGE_WORDS[language]
    + tuple(joiner for _opener, joiner in words.BETWEEN_WORDS[language])
)
_RANGEABLE = frozenset(
    {NumberKind.CARDINAL, NumberKind.PERCENT, NumberKind.MONEY, NumberKind.MEASURE,
     NumberKind.YEAR}
)  # fmt: skip


def _range(
    text: str, low: NumberMention, high: NumberMention, lexicon: _Lexicon
) -> NumberMention | None:
    # The cheapest tests first: most neighbours are in different sentences.
    if low.sentence != high.sentence:
        return None
    if low.kind not in _RANGEABLE or high.kind not in _RANGEABLE or low.upper or high.upper:
        return None
    gap = text[low.end : high.start]
    between = gap.strip()
    if len(between) > _LONGEST_LINK:
        return None  # the ends of a range are joined by a dash or one short word
    if not between or between in "-–—":
        linked = between in ("-", "–", "—") and "\n" not in gap
    else:
        # "10 a 12 mil" is one range whose first end borrows the second's scale; but where
        # the first end carries its own unit, "del 10% al 17%" or "1,8 % à 115,52 euros" is
        # a change from one figure to another, written alike in every language. Two
        # amounts of one kind with their scale words, "€30 million to €40 million", are
        # the range another language writes "30 bis 40 Millionen Euro".
        linked = (
            (low.kind is NumberKind.CARDINAL and not low.unit) or _scaled_alike(low, high)
        ) and lexicon.range_link.fullmatch(gap) is not None
        if not linked:
            before = text[max(0, low.start - 20) : low.start]
            linked = any(
                joiner.fullmatch(gap) and opener.search(before)
                for opener, joiner in lexicon.between
            )
    if not linked:
        return None
    value = low.value
    scale_word, scale_value = low.scale, low.scale_value
    if not low.scale and high.scale:
        value, scale_word, scale_value = value * high.scale_value, high.scale, high.scale_value
    if value >= high.value:
        return None  # "2-1" is a score, "1-0" a result: not a range
    kind = low.kind if low.kind is not NumberKind.CARDINAL else high.kind
    unit = low.unit or high.unit
    return replace(
        low,
        end=high.end,
        text=text[low.start : high.end],
        kind=kind,
        value=value,
        upper=high.value,
        unit=unit,
        scale=scale_word,
        scale_value=scale_value,
        spelled=low.spelled and high.spelled,
    )


def _scaled_alike(low: NumberMention, high: NumberMention) -> bool:
    """Whether both ends of a range carry a scale word and are of one kind and unit."""
    return bool(low.scale and high.scale) and (low.kind, low.unit) == (high.kind, high.unit)


@cache
def _lexicon(language: str) -> _Lexicon:
    lang = language if language in words.SCALES else "en"
    scales = words.SCALES[lang]
    plain = [w for w, s in scales.items() if not s.money_only]
    money = [w for w, s in scales.items() if s.money_only]
    scale = re.compile(rf"\s?(?P<word>{_alternation(plain)})(?!\w)", re.IGNORECASE)
    money_scale = (
        re.compile(rf"\s?(?P<word>{_alternation(money, ignore_case=False)})(?!\w)")
        if money
        else _NEVER
    )
    # Not basis points ("6 pontos-base", "puntos básicos", "points de base", "punti base"): a
    # hundredth of a percentage point, which the comparison would take for percentage points.
    points = (
        rf"\s+(?:{_alternation(words.POINT_WORDS[lang])})(?![\w-])"
        r"(?!\s+(?:de\s+)?(?:base|básicos|basicos|basis)(?!\w))"
    )
    percent = rf"\s?%|\s+(?:{_alternation(words.PERCENT_WORDS[lang])})(?!\w)"
    symbols = [s for s in words.CURRENCY_SYMBOLS if not s[:1].isalpha() or s.isupper()]
    links = _alternation(words.CURRENCY_LINKS)
    currency = (
        rf"\s?(?P<cur>{_alternation(symbols)})(?!\w)"
        rf"|\s+(?:(?:{links})\s*)?(?P<cur2>{_alternation(words.CURRENCY_WORDS[lang])})(?!\w)"
    )
    units = _alternation(words.UNIT_SYMBOLS)
    measure = (
        rf"\s?(?P<unit>{units})(?![\w/²])"
        rf"|\s+(?:(?:{links})\s*)?(?P<unit2>{_alternation(words.UNIT_WORDS[lang])})(?!\w)"
    )
    # One pattern, its alternatives in the order they are tried: one regex call per figure.
    after = re.compile(
        rf"(?P<points>{points})|(?P<percent>{percent})|(?P<money>{currency})|(?P<measure>{measure})",
        re.IGNORECASE,
    )
    range_link = re.compile(rf"\s+(?:{_alternation(words.RANGE_WORDS[lang])})\s+", re.IGNORECASE)
    between = tuple(
        (
            re.compile(rf"\b{re.escape(opener)}\s+(?:\S+\s+)?$", re.IGNORECASE),
            re.compile(rf"\s+{re.escape(joiner)}\s+", re.IGNORECASE),
        )
        for opener, joiner in words.BETWEEN_WORDS[lang]
    )
    # After a scale word a symbol may follow a link as a unit word does: "13,4 milhões de m³".
    # Only there: "3 of FT's rivals" is no measure in feet.
    scaled_symbol = re.compile(rf"\s+(?:{links})\s*(?P<unit>{units})(?![\w/²])", re.IGNORECASE)
    identifier_before = re.compile(
        rf"(?:^|\s|\()(?:{_alternation(words.IDENTIFIER_WORDS)})\s?$", re.IGNORECASE
    )
    return _Lexicon(
        lang,
        scale,
        money_scale,
        after,
        range_link,
        between,
        identifier_before,
        scaled_symbol,
    )


_NEVER = re.compile(r"(?!)")


def _alternation(items: Iterable[str], *, ignore_case: bool = True) -> str:
    """The items as one regex alternation, longest first, so that "millions" wins over "million".

    Grouped by first letter, written once before its group ("m(?:illions|illion|ln)"): the
    regex engine then tests each letter once rather than each item's. Items in different
    groups cannot match at the same place, so every place tries the items that can match
    there in the same order as a plain alternation would, and the pattern matches alike.
    """
    ordered = sorted(set(items), key=lambda s: (-len(s), s))
    groups: dict[str, list[str]] = {}
    for item in ordered:
        groups.setdefault(item[:1].lower() if ignore_case else item[:1], []).append(item[1:])
    # Ignoring case, a few letters match one of another group ("ſ" matches "s"): if an item
    # starts with a letter that is neither ASCII nor caseless, the items are left ungrouped.
    if ignore_case and not all(
        first.isascii() or first.lower() == first.upper() for first in groups
    ):
        return "|".join(map(re.escape, ordered))
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(map(re.escape, rests))})"
        for first, rests in groups.items()
    )


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of `spans`, which are disjoint and sorted.

    A bisection, so that a long paragraph with thousands of figures stays linear.
    """
    i = bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > start


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)
