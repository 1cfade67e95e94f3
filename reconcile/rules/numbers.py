"""Number rules: figures changed or dropped in translation, and separators against the locale."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from reconcile import locale as cldr
from reconcile.extract import numberwords as words
from reconcile.extract.numbers import reading_under
from reconcile.extract.times import hour_context, hour_readings
from reconcile.model import (
    Bead,
    CheckedStory,
    Document,
    Finding,
    NumberKind,
    NumberMention,
    NumberStyle,
    Severity,
)
from reconcile.rules.base import Rule, per_story
from reconcile.rules.language import untranslated
from reconcile.rules.times import shown, time_changes

# Kinds the rules compare; times and identifiers are figures, not quantities. Tuples, not
# sets: `in` compares members by identity in C, where a set calls Enum.__hash__ (Python)
# for every figure tested.
COMPARED_KINDS = (
    NumberKind.CARDINAL,
    NumberKind.PERCENT,
    NumberKind.MONEY,
    NumberKind.MEASURE,
    NumberKind.ORDINAL,
    NumberKind.YEAR,
    NumberKind.FRACTION,
)
# A figure dropped from these kinds is usually a rephrasing ("this year", "the first"), not
# lost information: number-missing leaves them out.
_NOT_MISSED = (NumberKind.YEAR, NumberKind.ORDINAL, NumberKind.FRACTION)
# Rounding a translator may do beyond the last written digit: a tenth of the value at most.
_ROUNDING_SHARE = Decimal("0.1")
# Unit conversions are rounded more freely ("100 km" -> "62 miles", "about 60 miles").
_CONVERSION_SHARE = 0.035

_Convert = Callable[[Decimal], Decimal]


@dataclass(frozen=True, slots=True)
class _Side:
    document: Document
    by_sentence: dict[int, list[NumberMention]]
    times: dict[int, list[NumberMention]]  # by sentence

    def numbers(self, sentences: Sequence[int]) -> list[NumberMention]:
        if len(sentences) == 1:  # most beads: the sentence's own list, copied
            return list(self.by_sentence.get(sentences[0], ()))
        return [n for i in sentences for n in self.by_sentence.get(i, ())]

    def minutes(self, sentences: Sequence[int]) -> set[int]:
        """The times of day the sentences state, in minutes after midnight, each reading."""
        found = set()
        for index in sentences:
            for time in self.times.get(index, ()):
                found.add(int(time.value))
                if time.alternative is not None:
                    found.add(int(time.alternative))
        return found


@dataclass(frozen=True, slots=True)
class _Comparison:
    """One bead's figures after matching: pairs that differ, and figures with no counterpart."""

    source: Document
    target: Document
    bead: Bead
    changed: tuple[tuple[NumberMention, NumberMention], ...]
    missing: tuple[NumberMention, ...]


def _side(document: Document, *, source: bool = False) -> _Side:
    """A version's figures by sentence. A source whose own usage settles its decimal mark
    keeps only the reading it was written for (see _settled_usage)."""
    by_sentence: dict[int, list[NumberMention]] = {}
    times: dict[int, list[NumberMention]] = {}
    own_reading = source and _settled_usage(document.number_style)
    for number in document.numbers:
        if number.kind in COMPARED_KINDS:
            if own_reading and number.alternative is not None:
                number = replace(number, alternative=None)
            by_sentence.setdefault(number.sentence, []).append(number)
        elif number.kind is NumberKind.TIME:
            times.setdefault(number.sentence, []).append(number)
    return _Side(document, by_sentence, times)


def _settled_usage(style: NumberStyle | None) -> bool:
    """Whether a document leaves no doubt which mark is its decimal: its unambiguous figures
    all use one ("3,5 %", "1.200.000"), not against a locale that fixes the other, or it has
    none and its locale fixes the mark (es-ES, not bare "es").

    There "4.500 millones" is 4,500 millions, and the other reading (4.5 millions) is no
    excuse for a translation's "4.5 million". A document that writes both marks, or one
    against its locale's ("2.5%" in pt-BR copy, which may still group "1.500"), is unsettled.
    """
    if style is None:
        return False
    counts = dict(style.evidence)
    if counts.get("." if style.decimal == "," else ",", 0):
        return False
    if counts.get(style.decimal, 0):
        return not style.locale_settled or style.decimal == style.locale_decimal
    return style.locale_settled and style.decimal == style.locale_decimal


# number-mismatch and number-missing read the same comparisons.
@per_story
def _comparisons_of(story: CheckedStory) -> tuple[_Comparison, ...]:
    return tuple(_comparisons(story))


def _comparisons(story: CheckedStory) -> Iterator[_Comparison]:
    source = _side(story.versions[0].document, source=True)
    for alignment, version in zip(story.alignments, story.versions[1:], strict=False):
        target = _side(version.document)
        beads = [b for b in alignment.beads if b.source and b.target]
        ours = [source.numbers(b.source) for b in beads]
        theirs = [target.numbers(b.target) for b in beads]
        matched = [_match(o, t) for o, t in zip(ours, theirs, strict=True)]
        lefts, rights = [m[0] for m in matched], [m[1] for m in matched]
        # A figure the translation moved into the neighbouring sentence is not lost; only
        # figures left over on both sides can be each other's counterpart.
        for index in range(len(beads)):
            for number in list(lefts[index]):
                for near in (index - 1, index + 1):
                    if not 0 <= near < len(beads):
                        continue
                    partner = next((t for t in rights[near] if agree(number, t)), None)
                    if partner is not None:
                        lefts[index].remove(number)
                        rights[near].remove(partner)
                        break
        for index, bead in enumerate(beads):
            if lefts[index] and (source.times or target.times):
                lefts[index], rights[index] = _told_as_times(
                    source, lefts[index], target, rights[index], bead
                )
            if not lefts[index]:
                continue  # every figure of the source has its counterpart
            changed = []
            for number in list(lefts[index]):
                partner = next((t for t in rights[index] if _comparable(number, t)), None)
                if partner is not None:
                    lefts[index].remove(number)
                    rights[index].remove(partner)
                    changed.append((number, partner))
            # A figure the translation states nearby, even matched there, was not dropped.
            nearby = [
                t for near in (index - 1, index + 1) if 0 <= near < len(beads) for t in theirs[near]
            ]
            missing = [n for n in lefts[index] if not any(agree(n, t) for t in nearby)]
            if changed or missing:
                yield _Comparison(
                    source.document, target.document, bead, tuple(changed), tuple(missing)
                )


def _told_as_times(
    source: _Side,
    ours: list[NumberMention],
    target: _Side,
    theirs: list[NumberMention],
    bead: Bead,
) -> tuple[list[NumberMention], list[NumberMention]]:
    """The figures left over on each side, less those the other side states as times of day.

    Whether "alle 16" or "de 8 a 20 horas" is a time or a count, only the other version
    settles: "at 4pm", "from 8am to 8pm", where "8 to 20 hours" would be a count.
    """
    their_minutes = target.minutes(bead.target)
    our_minutes = source.minutes(bead.source)
    return (
        [n for n in ours if not _told_as(n, source.document, their_minutes)],
        [n for n in theirs if not _told_as(n, target.document, our_minutes)],
    )


def _told_as(number: NumberMention, document: Document, minutes: set[int]) -> bool:
    """Whether a figure where an hour may stand is one or two hours among `minutes`."""
    if not minutes or number.kind is not NumberKind.CARDINAL or number.unit or number.spelled:
        return False
    ends = (number.value,) if number.upper is None else (number.value, number.upper)
    if not all(end == int(end) and 0 <= end <= 24 for end in ends):
        return False
    if not hour_context(document.source.text, number.start, number.end):
        return False
    return all(not minutes.isdisjoint(hour_readings(int(end))) for end in ends)


def _match(
    ours: list[NumberMention], theirs: list[NumberMention]
) -> tuple[list[NumberMention], list[NumberMention]]:
    """The figures of one bead left over on each side once counterparts are paired."""
    left, right = list(ours), list(theirs)
    if not left or not right:
        return left, right  # nothing to pair
    matched: list[NumberMention] = []
    left = _pair(left, right, matched)
    # A figure the source repeats needs only one counterpart.
    left = [n for n in left if not any(agree(n, t) for t in matched)]
    # "von 2.400 auf 3.150" against "from 2,400 to 3,150": a change from one figure to
    # another is a range in one language and two figures in the other. A range with an end
    # among the other side's figures is taken as its two ends, each paired on its own, so a
    # changed end is still told apart (the ends are two facts: neither repeats the other).
    if left and right:
        split_left, split_right = _range_ends(left, right), _range_ends(right, left)
        if split_left is not left or split_right is not right:
            right = split_right
            left = _pair(split_left, right, matched)
    return left, right


def _pair(
    left: list[NumberMention], right: list[NumberMention], matched: list[NumberMention]
) -> list[NumberMention]:
    """The figures of `left` with no counterpart in `right`; each counterpart found is moved
    from `right` to `matched`."""
    # Most figures have an exact counterpart (agree with exact=True): the same value and
    # upper end, found by list searches in C.
    keys = [(t.value, t.upper) for t in right]
    unmatched = []
    for number in left:
        key = (number.value, number.upper)
        index = keys.index(key) if key in keys else -1
        # (The same figure in another currency or unit is left to agree() below, which tells
        # it apart: "-4 °C" is not "-4F".)
        if (
            index >= 0
            and not _other_currency(number, right[index])
            and number.unit == right[index].unit
        ):
            del keys[index]
            matched.append(right.pop(index))
        else:
            unmatched.append(number)
    for number in list(unmatched):
        partner = next((t for t in right if agree(number, t)), None)
        if partner is not None:
            unmatched.remove(number)
            right.remove(partner)
            matched.append(partner)
    return unmatched


def _range_ends(side: list[NumberMention], other: list[NumberMention]) -> list[NumberMention]:
    """`side`, with each range that has an end among the single figures of `other` split into
    its two ends; `side` itself when there is none."""
    singles = [t for t in other if t.upper is None]
    if not singles or all(n.upper is None for n in side):
        return side
    split: list[NumberMention] = []
    found = False
    for number in side:
        if number.upper is not None:
            ends = _ends(number)
            if any(agree(end, t) for end in ends for t in singles):
                split.extend(ends)
                found = True
                continue
        split.append(number)
    return split if found else side


# The digits of a figure as a range writes its ends: "2,400 to 3,150", "10 a 12 mil".
_NUMERAL = re.compile(r"\d(?:[\d.,'’\u00a0\u202f ]*\d)?")


def _ends(number: NumberMention) -> tuple[NumberMention, NumberMention]:
    """A range's two ends as figures of their own, each with the digits it is written with
    (its rounding goes by them); both stand where the range does."""
    numerals = _NUMERAL.findall(number.text)
    numeral = numerals[-1] if len(numerals) > 1 and number.numeral else ""
    upper = number.upper if number.upper is not None else number.value
    unscaled = upper / number.scale_value
    whole = not numeral or unscaled == unscaled.to_integral()
    mark = "" if whole else max(",.", key=numeral.rfind)  # the last separator in the digits
    low = replace(number, upper=None)
    high = replace(
        number, value=upper, upper=None, numeral=numeral, decimal_mark=mark,
        ambiguous=False, alternative=None,
    )  # fmt: skip
    return low, high


# Currencies a written symbol or word may stand for, by what the extractor records: "$" is
# dollars or pesos, "dollars" may be Canadian, "¥" yen or yuan. Two amounts are in different
# currencies only when these sets do not meet (reais and dollars, euros and pounds).
_DOLLARS = frozenset({"USD", "CAD", "AUD", "HKD", "$"})
_PESOS = frozenset({"ARS", "MXN", "CLP", "COP", "peso", "$"})
_CURRENCIES: dict[str, frozenset[str]] = {
    **{code: _DOLLARS for code in _DOLLARS},
    **{code: _PESOS for code in _PESOS},
    "$": _DOLLARS | _PESOS,
    "JPY": frozenset({"JPY", "CNY"}),
    "CNY": frozenset({"JPY", "CNY"}),
}


def _other_currency(ours: NumberMention, theirs: NumberMention) -> bool:
    """Whether two amounts of money are surely in different currencies ("R$ 5" / "US$ 5")."""
    if ours.kind is not NumberKind.MONEY or theirs.kind is not NumberKind.MONEY:
        return False
    if not ours.unit or not theirs.unit or ours.unit == theirs.unit:
        return False
    mine = _CURRENCIES.get(ours.unit, frozenset({ours.unit}))
    return mine.isdisjoint(_CURRENCIES.get(theirs.unit, frozenset({theirs.unit})))


def _points_against_percent(ours: NumberMention, theirs: NumberMention) -> bool:
    """Whether one figure is in points ("2,1 points", "0.75 percentage point") and the other
    a percentage ("2.1%"): two units, not one figure written two ways. From a rate of 5%, a
    rise of 2 points makes 7%, a rise of 2% makes 5.1%."""
    if ours.unit == theirs.unit:  # the cheap test first: most pairs
        return False
    units = {ours.unit, theirs.unit}
    return "%" in units and ("pp" in units or "points" in units)


def agree(
    ours: NumberMention, theirs: NumberMention, *, exact: bool = False, alternatives: bool = True
) -> bool:
    """Whether two figures state the same quantity (rounded, or converted between units)."""
    if (ours.upper is None) != (theirs.upper is None):
        return False
    if _other_currency(ours, theirs) or _points_against_percent(ours, theirs):
        return False
    if exact:  # both ends, or the value and no upper end on either side
        return ours.value == theirs.value and ours.upper == theirs.upper
    conversions = _conversions(ours, theirs)
    if ours.upper is not None and theirs.upper is not None:
        # Each end is rounded as its own digits allow: "10 a 12 mil" is not "10,000 to 13,000".
        ends = [
            (_own(mine, mine.value), _own(other, other.value))
            for mine, other in zip(_ends(ours), _ends(theirs), strict=True)
        ]
        return any(all(_close(a, b, convert) for a, b in ends) for convert in conversions)
    # "1,500" in a document that otherwise writes decimal commas may still mean 1500: the
    # figure is right, its separator is number-locale-format's concern.
    our_values = _values(ours) if alternatives else (_own(ours, ours.value),)
    their_values = _values(theirs) if alternatives else (_own(theirs, theirs.value),)
    return any(
        _close(a, b, convert) for a in our_values for b in their_values for convert in conversions
    )


class _Reading(NamedTuple):
    """A value a figure may mean, and the decimal mark its digits are read with for it."""

    value: Decimal
    figure: NumberMention
    mark: str


def _own(number: NumberMention, value: Decimal) -> _Reading:
    return _Reading(value, number, number.decimal_mark)


def _values(number: NumberMention) -> tuple[_Reading, ...]:
    """The values a figure may mean: the other reading of an ambiguous one, then its own."""
    own = _own(number, number.value)
    if number.alternative is None:
        return (own,)
    # An ambiguous numeral has one kind of separator: the other reading takes it for the
    # decimal mark where this one took it for grouping, or the other way round. Each reading
    # is as precise as its digits: "61.842" as a decimal is exact to the thousandth.
    mark = "" if number.decimal_mark else ("," if "," in number.numeral else ".")
    return (_Reading(number.alternative, number, mark), own)


def _same(value: Decimal) -> Decimal:
    return value


def _conversions(ours: NumberMention, theirs: NumberMention) -> list[_Convert]:
    """Ways to read our figure in their unit: as it is, or converted when both name units of
    one dimension, and only so when they differ ("-4 °C" is not "-4 °F"); none when they are
    of two dimensions ("13.4 million m³" is not "13.4 million m")."""
    a, b = words.UNITS.get(ours.unit), words.UNITS.get(theirs.unit)
    if a is None or b is None or a.symbol == b.symbol:
        return [_same]
    if a.dimension != b.dimension:
        return []
    found: list[_Convert] = []
    candidates = [(a, b)]
    # A bare degree is Celsius or Fahrenheit: the other side says which.
    celsius, fahrenheit = words.UNITS["°C"], words.UNITS["°F"]
    if a.symbol == "°":
        candidates = [(celsius, b), (fahrenheit, b)]
    elif b.symbol == "°":
        candidates = [(a, celsius), (a, fahrenheit)]
    for source, target in candidates:
        if source.symbol == target.symbol:
            found.append(_same)
        else:
            found.append(_Converter(source.factor, source.offset, target.factor, target.offset))
    return found


@dataclass(frozen=True, slots=True)
class _Converter:
    factor: float
    offset: float
    to_factor: float
    to_offset: float

    def __call__(self, value: Decimal) -> Decimal:
        base = float(value) * self.factor + self.offset
        return Decimal(repr((base - self.to_offset) / self.to_factor))


def _close(ours: _Reading, theirs: _Reading, convert: _Convert) -> bool:
    a, b = convert(ours.value), theirs.value
    if a == b:
        return True
    # Rounding allows at most a tenth of a value (_rounding), a conversion a little more:
    # a gap wider than both is settled without working out the steps.
    gap = abs(a - b)
    if gap > max(abs(a), abs(b)) * _ROUNDING_SHARE and (
        convert is _same or gap > max(abs(b) * Decimal(repr(_CONVERSION_SHARE)), Decimal("0.5"))
    ):
        return False
    ours_step, theirs_step = _rounding(ours, a), _rounding(theirs, b)
    tolerance = max(ours_step, theirs_step)
    if convert is not _same:
        tolerance = max(tolerance, abs(b) * Decimal(repr(_CONVERSION_SHARE)), Decimal("0.5"))
        return abs(a - b) <= tolerance
    # Rounding brings a figure strictly within half a step, and a half rounds up: 554 and 555
    # may be written 550 and 560, but 555 is never written 550.
    if abs(a - b) < tolerance:
        return True
    coarser = a if ours_step >= theirs_step else b
    return abs(a - b) == tolerance and coarser == max(a, b)


def _rounding(reading: _Reading, value: Decimal) -> Decimal:
    """Half the step of the last digit the figure writes, within a tenth of its value."""
    number, mark = reading.figure, reading.mark
    if mark:
        decimals = len(number.numeral.rpartition(mark)[2])
        step = Decimal(10) ** -decimals * number.scale_value
    else:
        digits = number.numeral.replace(".", "").replace(",", "") or str(
            int(value / number.scale_value) if number.scale_value else value
        )
        trailing = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        step = Decimal(10) ** trailing * number.scale_value
    return min(step / 2, abs(value) * _ROUNDING_SHARE)


def _comparable(ours: NumberMention, theirs: NumberMention) -> bool:
    """Whether two figures left over in one bead are one fact stated twice."""
    if (ours.upper is None) != (theirs.upper is None):
        return False
    if _points_against_percent(ours, theirs):
        return True  # "2,1 points" rendered "2.1%"
    kinds = {ours.kind, theirs.kind}
    if len(kinds) == 1:
        if ours.kind is NumberKind.MEASURE:
            a, b = words.UNITS.get(ours.unit), words.UNITS.get(theirs.unit)
            return a is not None and b is not None and a.dimension == b.dimension
        return True
    # A currency stated on one side only ("5 bilhões" / "$5 billion").
    return kinds == {NumberKind.CARDINAL, NumberKind.MONEY}


def _plain(value: Decimal) -> str:
    return cldr.format_number(value.normalize() if value == value.to_integral() else value, "en")


def _show(number: NumberMention) -> str:
    value = _plain(number.value)
    if number.upper is not None:
        value += f"–{_plain(number.upper)}"
    if number.kind is NumberKind.PERCENT:
        return value + (" percentage points" if number.unit == "pp" else "%")
    if number.unit == "points":
        return f"{value} points"
    if number.kind is NumberKind.MONEY and number.unit:
        if number.unit == "$":
            return f"${value}"
        return f"{number.unit} {value}" if number.unit.isupper() else f"{value} {number.unit}s"
    if number.kind is NumberKind.MEASURE and number.unit:
        return f"{value} {number.unit}"
    return value


def _units_note(ours: NumberMention, theirs: NumberMention) -> str:
    """Why points and percent differ, said of the point word the text uses."""
    points = ours if ours.unit != "%" else theirs
    if points.unit == "pp":
        return (
            ": percentage points and percent are different units (from 5%, 2 points more is"
            " 7%, 2% more is 5.1%)"
        )
    return ": points and percent are different units"


# A character's name where it separates figures: "a comma", "a space".
_SEPARATOR_NAMES = {",": "a comma", ".": "a point", "'": "an apostrophe", "’": "an apostrophe"}
_SPACE = re.compile(r"\s")


def quoted(text: str) -> str:
    """Text quoted as repr quotes it, any space in it shown as a plain space: a no-break
    space ("62\u00a0500" in pt-PT) would otherwise show as an escape, "'62\\xa0500'"."""
    return repr(_SPACE.sub(" ", text))


def _writes(tag: str, written: str) -> str:
    """How a locale writes figures, as far as `written` (a figure in its way) shows it: "writes
    decimals with a comma and groups thousands with a space"."""
    decimal, group = cldr.number_symbols(tag)
    how = f"writes decimals with {_separator(decimal)}"
    if group in written:
        how += f" and groups thousands with {_separator(group)}"
    return how


def _separator(mark: str) -> str:
    return "a space" if mark.isspace() else _SEPARATOR_NAMES.get(mark, repr(mark))


def _a_reader(tag: str) -> str:
    """A reader of the locale, with the article: "an en-US reader", "a pt-BR reader"; the
    article goes by the tag's first letter ("an es", "an it", "a de", "a fr", "a nl")."""
    return f"{'an' if tag[:1].lower() in 'aeiou' else 'a'} {tag} reader"


def _power(value: int) -> str:
    return f"10^{len(str(value)) - 1}"


def false_friend(ours: NumberMention, source: Document, theirs: NumberMention,
                 target: Document) -> tuple[str, str | None]:  # fmt: skip
    """A note naming the scale word that explains a gap of a power of 1000, and a fix.

    Either the translation's scale word is a false friend worth another power ("un billón"
    rendered "a billion"), or it is the source's own scale and the figure before it lost a
    thousand ("4 mil 500 millones", 4,500 millions, rendered "4.5 million" for "4.5 billion").
    """
    if not ours.scale or ours.scale_value < 10**3 or theirs.value == 0:
        return "", None
    ratio = ours.value / theirs.value
    if ratio not in (Decimal(10) ** 3, Decimal(10) ** 6, Decimal(10) ** -3, Decimal(10) ** -6):
        return "", None
    language, tag = target.locale.language, target.locale.tag
    table = _scales_of(language, tag)
    target_language = _language_name(language, tag)
    if theirs.scale and theirs.scale_value == ours.scale_value:
        if ratio < 1:
            return "", None
        right = _scale_in_style(language, table, int(ratio * theirs.scale_value), theirs.scale)
        if right is None:
            return "", None
        written = theirs.text[: theirs.text.find(theirs.scale)].strip()
        unscaled = _plain(ours.value / ours.scale_value)
        note = f": {unscaled} {ours.scale} is {written} {right} in {target_language}"
        return note, _with_scale(theirs, right, language)
    mine = cldr.fold(ours.scale)
    implied = int(ours.scale_value / ratio)
    if theirs.scale and theirs.scale_value != implied:
        return "", None  # the figure and the scale word both differ: no single word explains it
    cognates = [
        word
        for word, scale in words.SCALES.get(language, {}).items()
        if scale.value == implied and cldr.fold(word)[:3] == mine[:3] and not scale.money_only
    ]
    written = theirs.scale if theirs.scale else (cognates[0] if cognates else "")
    if not written:
        return "", None
    source_language = cldr.language_name(source.locale.language)
    right = _scale_in_style(language, table, ours.scale_value, written)
    ours_named = _named(source.locale.language, ours.scale)
    note = (
        f": {source_language} {ours_named} is {_power(ours.scale_value)}, but "
        f"{target_language} {_named(language, written)} is {_power(implied)}"
    )
    if right:
        note += f"; {quoted(ours.scale)} is {_named(language, right)} in {target_language}"
    suggestion = _with_scale(theirs, right, language) if right and theirs.scale else None
    return note, suggestion


@cache
def _scales_of(language: str, tag: str) -> Mapping[str, words.Scale]:
    """The scale words a locale writes: Portuguese has two sets (see numberwords), Brazil's
    for pt-BR and bare "pt" (CLDR's "pt" is Brazil's), the long scale's for the others."""
    table = words.SCALES.get(language, {})
    if language != "pt":
        return table
    if tag in ("pt", "pt-BR"):
        return {w: s for w, s in table.items() if w not in words.EUROPEAN_ONLY_SCALES}
    scales = {w: s for w, s in table.items() if w not in words.BRAZILIAN_ONLY_SCALES}
    scales[words.EUROPEAN_BILLION] = words.Scale(10**9)
    return scales


def _language_name(language: str, tag: str) -> str:
    """A language's English name, with the variety where its scale words differ (see
    _scales_of): "European Portuguese", "Portuguese (pt-AO)"."""
    name = cldr.language_name(language)
    if language != "pt" or tag in ("pt", "pt-BR"):
        return name
    return f"European {name}" if tag == "pt-PT" else f"{name} ({tag})"


def _named(language: str, word: str) -> str:
    """A scale word quoted, an abbreviation with the word it stands for: "'m' (million)"."""
    if word.lower() not in words.ABBREVIATED_SCALES.get(language, ()):
        return quoted(word)
    full = _full_word(language, word)
    return f"{quoted(word)} ({full})" if full else quoted(word)


def _full_word(language: str, abbreviation: str) -> str | None:
    """The word a scale's abbreviation stands for, singular: "bn" -> "billion"."""
    table = words.SCALES.get(language, {})
    scale = table.get(abbreviation.lower())
    if scale is None:
        return None
    short = words.ABBREVIATED_SCALES.get(language, ())
    found = next((w for w, s in table.items() if s.value == scale.value and w not in short), None)
    # German nouns are capitalised; the table holds words lower-cased, as it reads them.
    return found.capitalize() if found and language == "de" else found


def _scale_in_style(
    language: str, table: Mapping[str, words.Scale], value: int, like: str
) -> str | None:
    """The word for a scale in the style of `like`: an abbreviation for an abbreviation
    ("m" -> "bn"), else a word in the form of `like` (see _scale_word)."""
    if like.lower() in words.ABBREVIATED_SCALES.get(language, ()):
        short = words.SCALE_ABBREVIATIONS.get(language, {}).get(value)
        if short is not None and short.lower() in table:
            return short
        full = _full_word(language, like)
        if full is not None:
            like = full
    return _scale_word(table, value, like)


def _scale_word(table: Mapping[str, words.Scale], value: int, like: str) -> str | None:
    """A language's word for a scale, in the form of `like` (its place among the words of its
    own scale: "millions" -> "billions", "Millionen" -> "Milliarden"); None if it has none."""
    found = [word for word, scale in table.items() if scale.value == value and not scale.money_only]
    if not found:
        return None
    key = like.lower()
    own = table.get(key)
    siblings = (
        [w for w, s in table.items() if s.value == own.value and not s.money_only] if own else []
    )
    word = found[min(siblings.index(key), len(found) - 1) if key in siblings else 0]
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _with_scale(theirs: NumberMention, word: str, language: str) -> str:
    """The translation's figure with its scale word replaced; a word put where an
    abbreviation was glued to the digits ("€1.46m") takes a space before it."""
    cut = theirs.text.find(theirs.scale)
    glued = cut > 0 and theirs.text[cut - 1].isdigit()
    if glued and word.lower() not in words.ABBREVIATED_SCALES.get(language, ()):
        word = " " + word
    return theirs.text[:cut] + word + theirs.text[cut + len(theirs.scale) :]


def _intended(story: CheckedStory) -> dict[tuple[str, int], Decimal]:
    """Ambiguous figures of translations whose other reading is the one the source states."""
    source = _side(story.versions[0].document)
    intended: dict[tuple[str, int], Decimal] = {}
    for alignment, version in zip(story.alignments, story.versions[1:], strict=False):
        if all(n.alternative is None for n in version.document.numbers):
            continue  # no figure that reads two ways
        target = _side(version.document)
        for bead in alignment.beads:
            ours: list[NumberMention] | None = None  # read when first needed
            for theirs in target.numbers(bead.target):
                if theirs.alternative is None:
                    continue
                if ours is None:
                    ours = source.numbers(bead.source)
                if any(agree(n, theirs, alternatives=False) for n in ours):
                    continue
                other = replace(theirs, value=theirs.alternative, alternative=None)
                if any(agree(n, other, alternatives=False) for n in ours):
                    intended[(version.document.path, theirs.start)] = theirs.alternative
    return intended


class NumberMismatch(Rule):
    """Aligned sentences of two versions state different figures, or an amount in another currency.

    Anti-pattern: Spanish "un billón de pesos" (10^12) rendered "a billion pesos" (10^9); "210
    casas" rendered "120 homes"; "R$ 45 bilhões" rendered "US$45 billion"; "às 18h30" rendered
    "at 8:30 p.m.".
    Best practice: carry every figure over with its value and currency; translate scale words by
    value (Spanish "billón" is an English "trillion", "mil millones" a "billion"); convert a
    time to the 12-hour clock by its half of the day, and mark a time zone the translation adds.
    """

    id = "number-mismatch"
    severity = Severity.ERROR

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        # A sentence left in the source's language is language-untranslated's finding; its
        # figures, read with the translation's conventions, would only add noise.
        left_alone = untranslated(story)
        for comparison in _comparisons_of(story):
            source, target = comparison.source, comparison.target
            language = cldr.language_name(source.locale.language)
            for ours, theirs in comparison.changed:
                if (target.path, theirs.sentence) in left_alone:
                    continue
                note, suggestion = false_friend(ours, source, theirs, target)
                # Only where the figure is the same: else the figure changed, not just its unit.
                if ours.value == theirs.value and _points_against_percent(ours, theirs):
                    note = _units_note(ours, theirs)
                reader = ""
                if theirs.ambiguous:
                    reader = f" as {_a_reader(target.locale.tag)} takes it"
                yield self.finding(
                    target,
                    theirs.start,
                    theirs.end,
                    f"the {language} version says {quoted(ours.text)} ({_show(ours)}), but this "
                    f"version says {quoted(theirs.text)} ({_show(theirs)}{reader}){note}",
                    related=(source.source.locate(ours.start, ours.end),),
                    suggestion=suggestion,
                )
        yield from self._times(story, left_alone)

    def _times(
        self, story: CheckedStory, left_alone: frozenset[tuple[str, int]]
    ) -> Iterator[Finding]:
        """Times of day the translation changed (see rules/times.py)."""
        for change in time_changes(story):
            source, target = change.source, change.target
            ours, theirs = change.ours.mention, change.theirs.mention
            if (target.path, theirs.sentence) in left_alone:
                continue
            language = cldr.language_name(source.locale.language)
            yield self.finding(
                target,
                theirs.start,
                theirs.end,
                f"the {language} version says {quoted(ours.text)} ({shown(change.ours)}), but this "
                f"version says {quoted(theirs.text)} ({shown(change.theirs)})",
                related=(source.source.locate(ours.start, ours.end),),
            )


class NumberMissing(Rule):
    """A figure in a source sentence has no counterpart in the aligned translation.

    Anti-pattern: "Foram 1.500 feridos e 32 mortos" rendered "1,500 were injured and several
    died": the 32 is gone.
    Best practice: keep every figure of the source sentence (in digits or in words); where a
    sentence is split, keep the figure in one of its parts.
    """

    id = "number-missing"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        left_alone = untranslated(story)  # see NumberMismatch
        for comparison in _comparisons_of(story):
            source, target = comparison.source, comparison.target
            if any((target.path, index) in left_alone for index in comparison.bead.target):
                continue  # the figure may be in the sentence left untranslated
            language = cldr.language_name(source.locale.language)
            first = target.sentences[comparison.bead.target[0]]
            for ours in comparison.missing:
                # Small counts in words are often rephrased ("dois" -> "both", "a pair").
                if ours.kind in _NOT_MISSED or (ours.spelled and not ours.scale):
                    continue
                yield self.finding(
                    target,
                    first.start,
                    first.end,
                    f"the {language} version states {quoted(ours.text)} ({_show(ours)}) in the "
                    f"aligned sentence, and this one has no figure for it",
                    related=(source.source.locate(ours.start, ours.end),),
                )


class NumberLocaleFormat(Rule):
    """A figure's separators are contrary to its document's locale.

    Anti-pattern: "inflation rose 2,5%" in en-US copy, where a reader expects "2.5%"; "1.500
    people" in English copy meant as fifteen hundred.
    Best practice: write decimals and thousands the way the locale does (CLDR): "2.5" and
    "1,500" in en-US, "2,5" and "1.500" in pt-BR.
    """

    id = "number-locale-format"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        intended: dict[tuple[str, int], Decimal] | None = None  # found when first needed
        left_alone = untranslated(story)  # see NumberMismatch
        for version in story.versions:
            document = version.document
            style = document.number_style
            if style is None or not style.locale_settled:
                continue
            for number in document.numbers:
                if number.kind not in COMPARED_KINDS or number.spelled or not number.numeral:
                    continue
                if "." not in number.numeral and "," not in number.numeral:
                    continue
                if (document.path, number.sentence) in left_alone:
                    continue
                if intended is None:
                    intended = _intended(story)
                value = intended.get((document.path, number.start), number.value)
                unscaled = value / number.scale_value
                read = reading_under(number.numeral, style.locale_decimal)
                if read == unscaled:
                    continue
                tag = document.locale.tag
                written = cldr.format_number(unscaled, tag)
                means = _plain(unscaled)
                if read is None:
                    how = f"{tag} does not write figures this way"
                else:
                    how = f"{_a_reader(tag)} takes it as {_plain(read)}"
                yield self.finding(
                    document,
                    number.numeral_start,
                    number.numeral_end,
                    f"{quoted(number.numeral)} means {means} here, but {how}: {tag} "
                    f"{_writes(tag, written)} ({quoted(written)})",
                    suggestion=written,
                )
