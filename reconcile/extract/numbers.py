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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from text_to_num import find_numbers

from reconcile import locale as cldr
from reconcile.extract import numberwords as words
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
# Times: "10:30", "10h30", "14h", "9.30 Uhr", "9.40am", "10 a.m.".
_CLOCK = r"(?:\s?(?:a\.m\.|p\.m\.|am|pm|Uhr|h)(?![^\W_]))"
_TIME = re.compile(
    r"(?<![\w.,:])(?:[01]?\d|2[0-4])(?:"
    rf":[0-5]\d(?::[0-5]\d)?{_CLOCK}?|h[0-5]\d(?!\d)|h(?![^\W_])|\.[0-5]\d{_CLOCK}|{_CLOCK})"
)
# "9.40" is a time after a word such as "alle", "às", "at"; the clock form comes first
# because scanning for the words at every position is slower than for digits.
_CLOCK_FORM = re.compile(r"(?<![\w.,:])(?:[01]?\d|2[0-3])[.:h][0-5]\d(?![\d.,]\d|\s?%|\w)")
_TIME_WORD_BEFORE = re.compile(
    r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in words.TIME_WORDS) + r")\s$", re.IGNORECASE
)
# Identifiers: phone numbers, law numbers ("Lei 14.133/2021"), ISBNs.
_IDENTIFIER = re.compile(
    r"\+\d[\d \-]{6,}\d|\(\d{2,3}\)\s?\d{4,5}-?\d{4}|(?<![\d-])\d{4,5}-\d{4}(?![\d-])"
    r"|(?<![\w.,])\d{1,3}(?:\.\d{3})*/\d{2,4}(?![\w/])|\bISBN[\s:-]*[\d-]{10,17}[\dX]?"
)
_FRACTION = re.compile(r"^(\d{1,2})/(\d{1,2})$")
_ORDINAL_SUFFIX = re.compile(r"^(?:º|ª|°(?![CF])|st|nd|rd|th|er|re|e|ème|o|a)(?!\w)")
_LETTERS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?|\d+|\S")
_YEAR_LOW, _YEAR_HIGH = 1800, 2100


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Compiled per-language patterns."""

    language: str
    scale: re.Pattern[str]
    money_scale: re.Pattern[str]
    percent: re.Pattern[str]
    points: re.Pattern[str]
    currency_after: _Groups
    unit_after: _Groups
    range_link: re.Pattern[str]
    between: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    identifier_before: re.Pattern[str]


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
    special = _special(text, date_spans)
    blocked = sorted(date_spans + [(m.start, m.end) for m in special])
    raw = [
        (m.start(), m.end())
        for m in _numerals(text, space_grouped)
        if not _inside(m.start(), m.end(), blocked)
    ]
    if not raw and not sentences:
        return (), None
    style = _style(text, raw, locale.tag, decimal)
    starts = [s.start for s in sentences]
    found: list[NumberMention] = [
        replace(m, sentence=_sentence_of(starts, m.start)) for m in special
    ]
    for start, end in raw:
        mention = _digit_mention(text, start, end, style.decimal, lexicon)
        if mention is not None:
            found.append(replace(mention, sentence=_sentence_of(starts, mention.start)))
    taken = sorted([(m.start, m.end) for m in found] + date_spans)
    # text2num runs only on sentences with a number or scale word the digits did not take:
    # one pass over the words, each looked up once per language.
    hits = [
        m.start()
        for m in _LETTERS.finditer(text)
        if _number_word(lexicon.language, m.group().lower())
        and not _inside(m.start(), m.end(), taken)
    ]
    for sentence in sentences:
        first = bisect_left(hits, sentence.start)
        if first < len(hits) and hits[first] < sentence.end:
            found.extend(_spelled(text, sentence, lexicon, taken))
    found.sort(key=lambda m: (m.start, m.end))
    return tuple(_ranges(text, found, lexicon)), style if found else None


def _special(text: str, dates: Sequence[tuple[int, int]]) -> list[NumberMention]:
    """Times and identifiers: figures that are not quantities, kept apart from the rest."""
    found: list[NumberMention] = []
    spans = sorted(dates)
    for pattern, kind in (
        (_TIME, NumberKind.TIME),
        (_CLOCK_FORM, NumberKind.TIME),
        (_IDENTIFIER, NumberKind.IDENTIFIER),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if pattern is _CLOCK_FORM and not _TIME_WORD_BEFORE.search(
                text, max(0, start - 16), start
            ):
                continue
            if not _inside(start, end, spans):
                found.append(_plain(text, start, end, kind, Decimal(0)))
                insort(spans, (start, end))
    return found


def _numerals(text: str, space_grouped: bool) -> Iterable[re.Match[str]]:
    if not space_grouped:
        yield from _NUMERAL.finditer(text)
        return
    spaced = list(_SPACE_GROUPED.finditer(text))
    yield from spaced
    for match in _NUMERAL.finditer(text):
        if not any(s.start() <= match.start() < s.end() for s in spaced):
            yield match


def _style(text: str, raw: Sequence[tuple[int, int]], tag: str, locale_decimal: str) -> NumberStyle:
    """The document's decimal mark: its unambiguous figures outvote the locale's default."""
    counts = {",": 0, ".": 0}
    for start, end in raw:
        numeral = text[start:end]
        if _FRACTION.match(numeral):
            continue
        readings = _readings(numeral)
        if len(readings) == 1 and any(c in numeral for c in ".,"):
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


def _readings(numeral: str) -> dict[str, Decimal]:
    """The value of a numeral under each decimal mark it is valid with."""
    body = numeral.lstrip("-−")
    sign = -1 if body != numeral else 1
    readings = {}
    for mark in (",", "."):
        value = _read(body, mark)
        if value is not None:
            readings[mark] = value * sign
    return readings


def reading_under(numeral: str, mark: str) -> Decimal | None:
    """The value a reader who writes `mark` for decimals takes a numeral for; None if invalid."""
    return _readings(numeral).get(mark)


# Cached: the style vote and the mention both read each numeral, under both marks.
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


def _digit_mention(
    text: str, start: int, end: int, decimal: str, lexicon: _Lexicon
) -> NumberMention | None:
    numeral = text[start:end]
    before = text[max(0, start - 24) : start]
    if _is_identifier(text, start, end, before, lexicon):
        return _plain(text, start, end, NumberKind.IDENTIFIER, Decimal(0))
    fraction = _FRACTION.match(numeral)
    if fraction:
        over = int(fraction.group(2))
        value = Decimal(int(fraction.group(1))) / over if over else Decimal(0)
        return _plain(text, start, end, NumberKind.FRACTION, value.quantize(Decimal("0.0001")))
    readings = _readings(numeral)
    if not readings:
        return _plain(text, start, end, NumberKind.IDENTIFIER, Decimal(0))
    mark = decimal if decimal in readings else next(iter(readings))
    value = readings[mark]
    ambiguous = len(readings) > 1 and readings[","] != readings["."]
    used_mark = mark if _has_fraction(numeral, mark) else ""
    after = text[end : end + 40]
    ordinal = _ORDINAL_SUFFIX.match(after)
    if ordinal and "." not in numeral and "," not in numeral and after[:1] != " ":
        return NumberMention(
            start, end + ordinal.end(), text[start : end + ordinal.end()], 0,
            NumberKind.ORDINAL, value, numeral=numeral, numeral_start=start, numeral_end=end,
        )  # fmt: skip
    currency_before = _currency_before(before)
    cursor = end
    scale_word, scale_value = "", 1
    scale = lexicon.scale.match(text, cursor)
    if scale is None and currency_before:
        scale = lexicon.money_scale.match(text, cursor)
    if scale:
        scale_word = scale.group("word")
        scale_value = _scale_of(lexicon.language, scale_word)
        cursor = scale.end()
        # "3 mil millones", "2 mil milhões": a thousand of the next scale.
        second = lexicon.scale.match(text, cursor)
        if second and _scale_of(lexicon.language, second.group("word")) > scale_value:
            scale_word = text[scale.start("word") : second.end("word")]
            scale_value *= _scale_of(lexicon.language, second.group("word"))
            cursor = second.end()
    kind, unit = NumberKind.CARDINAL, ""
    if currency_before:
        kind, unit = NumberKind.MONEY, currency_before[1]
    tail = _unit_after(text, cursor, lexicon)
    if (tail is not None and (kind is NumberKind.CARDINAL or tail[0] is NumberKind.MONEY)) or (
        tail is not None and tail[0] is NumberKind.PERCENT
    ):
        kind, unit, cursor = tail
    mention_start = start - len(currency_before[0]) if currency_before else start
    if (
        kind is NumberKind.CARDINAL
        and not scale_word
        and not used_mark
        and numeral.isdigit()
        and len(numeral) == 4
        and _YEAR_LOW <= int(numeral) <= _YEAR_HIGH
    ):
        kind = NumberKind.YEAR
    return NumberMention(
        mention_start,
        cursor,
        text[mention_start:cursor],
        0,
        kind,
        value * scale_value,
        unit=unit,
        scale=scale_word,
        scale_value=scale_value,
        numeral=numeral,
        numeral_start=start,
        numeral_end=end,
        decimal_mark=used_mark,
        ambiguous=ambiguous,
        alternative=readings["," if mark == "." else "."] * scale_value if ambiguous else None,
    )


def _has_fraction(numeral: str, mark: str) -> bool:
    return mark in numeral


def _plain(text: str, start: int, end: int, kind: NumberKind, value: Decimal) -> NumberMention:
    return NumberMention(
        start, end, text[start:end], 0, kind, value,
        numeral=text[start:end], numeral_start=start, numeral_end=end,
    )  # fmt: skip


def _is_identifier(text: str, start: int, end: int, before: str, lexicon: _Lexicon) -> bool:
    # Digits joined to letters ("G20", "COVID-19", "A320") name a thing; they count nothing.
    if start > 0 and (text[start - 1].isalpha() or (text[start - 1] == "-" and start > 1
                      and text[start - 2].isalpha())):  # fmt: skip
        return True
    if end < len(text) and text[end].isalpha() and not _ORDINAL_SUFFIX.match(text[end:]):
        unit_or_scale = lexicon.scale.match(text, end) or lexicon.money_scale.match(text, end)
        if not unit_or_scale and _unit_after(text, end, lexicon) is None:
            return True
    return bool(lexicon.identifier_before.search(before))


def _currency_before(before: str) -> tuple[str, str] | None:
    """The currency symbol or code written just before a figure, with what it names."""
    match = _CURRENCY_BEFORE.search(before)
    if match is None:
        return None
    return match.group(), words.CURRENCY_SYMBOLS[match.group("symbol")]


# Longest first, so that "R$" and "US$" win over "$"; a code must not end a longer word.
_CURRENCY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<symbol>"
    + "|".join(re.escape(s) for s in sorted(words.CURRENCY_SYMBOLS, key=lambda s: (-len(s), s)))
    + r")\s?$"
)


def _unit_after(text: str, at: int, lexicon: _Lexicon) -> tuple[NumberKind, str, int] | None:
    points = lexicon.points.match(text, at)
    if points:
        return NumberKind.PERCENT, "pp", points.end()
    percent = lexicon.percent.match(text, at)
    if percent:
        return NumberKind.PERCENT, "%", percent.end()
    currency = lexicon.currency_after.match(text, at)
    if currency:
        word = currency.group("cur")
        code = words.CURRENCY_SYMBOLS.get(word) or words.CURRENCY_WORDS[lexicon.language].get(
            word.lower(), word
        )
        return NumberKind.MONEY, code, currency.end()
    unit = lexicon.unit_after.match(text, at)
    if unit:
        written = unit.group("unit")
        symbol = words.UNIT_SYMBOLS.get(written) or words.UNIT_WORDS[lexicon.language].get(
            written.lower(), written
        )
        return NumberKind.MEASURE, symbol, unit.end()
    return None


def _scale_of(language: str, word: str) -> int:
    table = words.SCALES[language]
    scale = table.get(word) or table.get(word.lower())
    return scale.value if scale else 1


class _Token:
    """A word for text2num; words our own reading already took are not number parts."""

    __slots__ = ("blocked", "end", "start", "word")

    def __init__(self, word: str, start: int, end: int, blocked: bool) -> None:
        self.word, self.start, self.end, self.blocked = word, start, end, blocked

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self.blocked


def _spelled(
    text: str, sentence: Sentence, lexicon: _Lexicon, taken: Sequence[tuple[int, int]]
) -> list[NumberMention]:
    """Numbers written in words, with a scale word or a unit after them."""
    language = lexicon.language
    if language not in words.SPELLED_LANGUAGES:
        return []
    scales = words.SCALES[language]
    nearby = taken[
        max(bisect_left(taken, (sentence.start,)) - 1, 0) : bisect_left(taken, (sentence.end,))
    ]
    taken = [(s, e) for s, e in nearby if s < sentence.end and sentence.start < e]
    tokens = []
    for match in _WORD.finditer(sentence.text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        word = match.group()
        lowered = word.lower()
        scale = scales.get(lowered) or scales.get(lowered.rstrip(".")) or scales.get(_head(word))
        blocked = (
            (bool(taken) and _inside(start, end, taken))
            or word[:1].isdigit()
            or (scale is not None and scale.value >= 10**6)
            or lowered in words.HOMOGRAPHS.get(language, ())
            or lowered in words.VAGUE.get(language, ())
        )
        tokens.append(_Token(word.rstrip(".") if not scale else word, start, end, blocked))
    if not tokens:
        return []
    mentions: list[NumberMention] = []
    used: set[int] = set()
    for occurrence in find_numbers(tokens, language, 0.0):
        first, last = occurrence.start, occurrence.end - 1
        if any(tokens[i].blocked for i in range(first, last + 1)):
            continue
        if mentions and tokens[first].start < mentions[-1].end:
            continue  # a word the previous figure took as its unit ("cinco por cento")
        number = float(occurrence.value)
        value = Decimal(int(number)) if number.is_integer() else Decimal(str(number))
        mention = _spelled_mention(
            text, tokens, first, last, value, bool(occurrence.is_ordinal), lexicon
        )
        if mention is not None:
            mentions.append(replace(mention, sentence=sentence.index))
            used.update(range(first, last + 1))
    # "a billion", "un millón", "eine Milliarde": a scale word after a word for one.
    for index, token in enumerate(tokens):
        scale = scales.get(_head(token.word))
        if (
            scale is None
            or scale.value < 10**6
            or index in used
            or _inside(token.start, token.end, taken)
        ):
            continue
        if index and tokens[index - 1].word.lower() in words.ONE_WORDS.get(language, ()):
            one = tokens[index - 1]
            mention = _spelled_mention(
                text, tokens, index - 1, index - 1, Decimal(1), False, lexicon
            )
            if mention is not None and one.start not in {m.start for m in mentions}:
                mentions.append(replace(mention, sentence=sentence.index))
    return mentions


@lru_cache(maxsize=1 << 16)
def _number_word(language: str, word: str) -> bool:
    """Whether a word is a scale word, or one text2num reads alone as a number other than one.

    "one", "um", "un" alone are articles far more often than counts; see _spelled_mention.
    """
    if _head(word) in words.SCALES.get(language, {}):
        return True
    found = find_numbers([_Token(word, 0, len(word), False)], language, 0.0)
    return any(float(o.value) != 1 for o in found)


def _head(word: str) -> str:
    """A word before its first hyphen, lower-cased: "billion-peso" -> "billion"."""
    return word.lower().split("-")[0]


def _spelled_mention(
    text: str,
    tokens: Sequence[_Token],
    first: int,
    last: int,
    value: Decimal,
    ordinal: bool,
    lexicon: _Lexicon,
) -> NumberMention | None:
    start, end = tokens[first].start, tokens[last].end
    scale_word, scale_value = "", 1
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    if following is not None and not ordinal:
        head = _head(following.word)
        scale = words.SCALES[lexicon.language].get(head)
        if scale is not None and scale.value >= 10**6 and not scale.money_only:
            scale_word, scale_value = following.word[: len(head)], scale.value
            end = following.start + len(head)
    if value == 1 and not scale_word:
        return None  # "one", "un", "a": an article far more often than a count
    kind, unit = (NumberKind.ORDINAL if ordinal else NumberKind.CARDINAL), ""
    tail = None if ordinal else _unit_after(text, end, lexicon)
    if tail is not None:
        kind, unit, end = tail
    return NumberMention(
        start,
        end,
        text[start:end],
        0,
        kind,
        value * scale_value,
        unit=unit,
        scale=scale_word,
        scale_value=scale_value,
        spelled=True,
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


_RANGEABLE = frozenset(
    {NumberKind.CARDINAL, NumberKind.PERCENT, NumberKind.MONEY, NumberKind.MEASURE,
     NumberKind.YEAR}
)  # fmt: skip


def _range(
    text: str, low: NumberMention, high: NumberMention, lexicon: _Lexicon
) -> NumberMention | None:
    if low.kind not in _RANGEABLE or high.kind not in _RANGEABLE or low.upper or high.upper:
        return None
    if low.sentence != high.sentence:
        return None
    gap = text[low.end : high.start]
    if not gap.strip() or gap.strip() in "-–—":
        linked = gap.strip() in ("-", "–", "—") and "\n" not in gap
    else:
        # "10 a 12 mil" is one range whose first end borrows the second's scale; but where
        # the first end carries its own unit, "del 10% al 17%" or "1,8 % à 115,52 euros" is
        # a change from one figure to another, written alike in every language.
        linked = bool(lexicon.range_link.fullmatch(gap)) and (
            low.kind is NumberKind.CARDINAL and not low.unit
        )
        if not linked:
            before = text[max(0, low.start - 20) : low.start]
            linked = any(
                opener.search(before) and joiner.fullmatch(gap)
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


@cache
def _lexicon(language: str) -> _Lexicon:
    lang = language if language in words.SCALES else "en"
    scales = words.SCALES[lang]

    def alternation(items: Iterable[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))

    plain = [w for w, s in scales.items() if not s.money_only]
    money = [w for w, s in scales.items() if s.money_only]
    scale = re.compile(rf"\s?(?P<word>{alternation(plain)})(?!\w)", re.IGNORECASE)
    money_scale = re.compile(rf"\s?(?P<word>{alternation(money)})(?!\w)") if money else _NEVER
    percent = re.compile(
        rf"(?:\s?%|\s+(?:{alternation(words.PERCENT_WORDS[lang])})(?!\w))", re.IGNORECASE
    )
    points = re.compile(rf"\s+(?:{alternation(words.POINT_WORDS[lang])})(?!\w)", re.IGNORECASE)
    symbols = [s for s in words.CURRENCY_SYMBOLS if not s[:1].isalpha() or s.isupper()]
    links = alternation(words.CURRENCY_LINKS)
    currency_after = re.compile(
        rf"(?:\s?(?P<cur>{alternation(symbols)})(?!\w)"
        rf"|\s+(?:(?:{links})\s*)?(?P<cur2>{alternation(words.CURRENCY_WORDS[lang])})(?!\w))",
        re.IGNORECASE,
    )
    unit_after = re.compile(
        rf"\s?(?P<unit>{alternation(words.UNIT_SYMBOLS)})(?![\w/²])"
        rf"|\s+(?:(?:{links})\s*)?(?P<unit2>{alternation(words.UNIT_WORDS[lang])})(?!\w)",
        re.IGNORECASE,
    )
    range_link = re.compile(rf"\s+(?:{alternation(words.RANGE_WORDS[lang])})\s+", re.IGNORECASE)
    between = tuple(
        (
            re.compile(rf"\b{re.escape(opener)}\s+(?:\S+\s+)?$", re.IGNORECASE),
            re.compile(rf"\s+{re.escape(joiner)}\s+", re.IGNORECASE),
        )
        for opener, joiner in words.BETWEEN_WORDS[lang]
    )
    identifier_before = re.compile(
        rf"(?:^|\s|\()(?:{alternation(words.IDENTIFIER_WORDS)})\s?$", re.IGNORECASE
    )
    return _Lexicon(
        lang,
        scale,
        money_scale,
        percent,
        points,
        _Groups(currency_after, "cur", "cur2"),
        _Groups(unit_after, "unit", "unit2"),
        range_link,
        between,
        identifier_before,
    )


class _Groups:
    """A pattern with two alternative named groups, matched as if they were one."""

    def __init__(self, pattern: re.Pattern[str], first: str, second: str) -> None:
        self.pattern, self.first, self.second = pattern, first, second

    def match(self, text: str, pos: int) -> _Match | None:
        found = self.pattern.match(text, pos)
        if found is None:
            return None
        return _Match(found.group(self.first) or found.group(self.second), found.end())


@dataclass(frozen=True, slots=True)
class _Match:
    word: str
    stop: int

    def group(self, _name: str) -> str:
        return self.word

    def end(self) -> int:
        return self.stop


_NEVER = re.compile(r"(?!)")


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps one of `spans`, which are disjoint and sorted.

    A bisection, so that a long paragraph with thousands of figures stays linear.
    """
    i = bisect_left(spans, (end,))
    return i > 0 and spans[i - 1][1] > start


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)
