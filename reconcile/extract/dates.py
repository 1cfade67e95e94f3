"""Date mentions in a document: numeric, ISO and month-name forms, each with every valid reading.

Our own patterns find the spans (month and weekday names come from CLDR through babel);
numeric forms are read here because no library offers every reading of "2/12" at once;
month names are read by dateparser in the document's language (its readings shipped, see
month_readings), cached by name.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

from reconcile import locale as cldr
from reconcile.extract import month_readings
from reconcile.extract.numbers import digit_runs, matches_at, set_scores
from reconcile.model import (
    DateForm,
    DateMention,
    DateOrder,
    LocaleInfo,
    Reading,
    Sentence,
    SourceText,
    WeekdayMention,
)

# Numeric dates ("1º/12" too, the Brazilian first of the month). The patterns start with a
# digit that no word character stands before ("(?<!...)." after the first digit), that is at
# the start of a run of digits: they are tried only there (numbers.matches_at). The separator
# must repeat before a year; a dot or hyphen form needs a year (or, where the locale writes
# "21.11.", a trailing dot) so that decimals and scores stay out. A hyphen before or after
# the date is let through here and checked by _hyphens_join_a_range: it may join a range.
# A slash after a dotted day may stand before it: "5./6.12." (see _range_patterns).
_NUMERIC = re.compile(
    r"(\d(?:(?<![\w/.,:].)|(?<=\d\./.))\d?)º?([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?"
    r"(?P<dot>\.)?(?![\w/%°]|[.,:]\d)"
)
# What a hyphen joins to a numeric date in a range: a day or another numeric date, before
# ("2.-4.12.", "12/2-12/4") or after ("12/8-9"). Anything else there, a code or a score,
# keeps the date out, as the hyphen always did.
_DAY_OR_DATE = r"\d{1,2}(?:[./]\d{1,2}(?:[./]\d{4}|[./]\d{2})?)?"
_RANGE_BEFORE_HYPHEN = re.compile(rf"(?<![\w.,/:-]){_DAY_OR_DATE}[.º]?-$")
_RANGE_AFTER_HYPHEN = re.compile(rf"-{_DAY_OR_DATE}(?![\d%/]|[.,:]\d)")
_ISO = re.compile(r"(\d(?<![\w/.-].)\d{3})-(\d{2})-(\d{2})(?![\w/]|[.-]\d)")
# Fractions such as "2/3 of the vote" or "1/2 cup" are not dates unless something says so.
_OF_AFTER = re.compile(r"\s+(?:of|de|do|da|dos|das|du|des|del|der|di|dei|della)\b", re.IGNORECASE)
_IDIOMS = frozenset({"24/7", "9/11"})  # round the clock; the 2001 attacks
# Words after which a small pair such as "3/4" is a date, not a fraction: "on 3/4", "em 3/4".
_DATE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "on by since until till from em no na dia até desde el del al hasta le du au dès am vom "
        "bis seit ab il dal entro",
    )
)
_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
_OPENING_BRACKET = re.compile(r"[(\[]\s*$")
_CLOSING_BRACKET = re.compile(r"^\s*[)\]]")
# What may stand between a weekday and its date: "Tuesday, Dec. 2", "terça-feira (2/12)",
# "Dienstag, den 2. Dezember", "mardi 2 décembre", "terça-feira, dia 2".
_WEEKDAY_BEFORE_GAP = re.compile(
    r"^[\s,(]*(?:(?:the|o|dia|den|le|el|il|am|on)\s+)?$", re.IGNORECASE
)
_WEEKDAY_AFTER_GAP = re.compile(r"^\s*[,(]\s*$")
# A bare day after a weekday ("el martes 2") only where nothing it could count follows:
# punctuation, or a conjunction or preposition ("el jueves 4 en Santiago", "am Freitag 5 in").
# The words that end a range go too: "from Tuesday 1 to Thursday 3 December".
_FOLLOWING = (
    "y|e|and|et|und|ed|o|ou|or|oder|en|in|im|à|a|em|no|na|at|on|um|am|alle|nel|per|para|con|with"
    "|to|until|through|bis|au|al|até|hasta|jusqu"
)
# What may follow a day named alone: punctuation, the end, or one of _FOLLOWING.
_DAY_ALONE_END = rf"(?=\s*(?:[;)]|,(?!\d))|\s*$|\.(?!\d)|\s+(?:{_FOLLOWING})\b)"
# The day may stand in brackets: "nesta segunda-feira (23)".
_DAY_AFTER_WEEKDAY = re.compile(
    r"^[\s,]*(?:\(\s*)?(?:(?:dia|den|le|el|il|the)\s+)?(\d{1,2})(?:º|°|er|st|nd|rd|th|\.)?"
    + _DAY_ALONE_END,
    re.IGNORECASE,
)
# After "el martes", "le mardi", "am Dienstag" a number is the day whatever word follows
# ("el martes 2 una nueva oferta"), unless it is a figure ("2,5", "2%").
_DAY_AFTER_ARTICLE_WEEKDAY = re.compile(
    r"^[\s,]*(\d{1,2})(?:º|°|er|\.)?(?![\d%]|[.,]\d|\s*(?:%|por|per|pour|pro)\b)", re.IGNORECASE
)
_ARTICLE_BEFORE = re.compile(
    r"(?<!\w)(?:el|o|le|il|am|na|no|do|da|del|al|au|du|vom|lo|dem|den)\s+$", re.IGNORECASE
)
# Words that join the days of one month in a range or a pair ("8 e 9 de dezembro", "Dec. 1
# to 3", "vom 1. bis 3. Dezember", "dal 1° al 3 dicembre"), and the articles that may follow
# them ("entre el 8 y el 9", "bis zum 3.", "do dia 1º ao dia 3"); a hyphen or dash joins them
# in every language. Only tried beside a date found by the patterns above.
_DAY_JOINERS = {
    "en": ("and|&|or|to|through|thru", "the"),
    "pt": ("e|ou|a|ao|até", "o|dia"),
    "es": ("y|e|o|u|a|al|hasta", "el|día"),
    "fr": ("et|ou|au|à|jusqu['’]au", "le"),
    "de": ("und|oder|bis", "zum"),
    "it": ("e|ed|o|a|al|all['’]|fino al", "il"),
}
_ORDINAL_SUFFIX = r"(?:º|°|ª|er|st|nd|rd|th|\.)?"
# A day joined by a word or a spaced dash after a month-first date ("Dec. 8 and 9") only where
# nothing it could count follows: "Dec. 8 and 9 people" is a date and a count.
_PAIR_END = re.compile(rf"\s*(?:[^\w\s%]|\Z)|\s+(?:{_FOLLOWING})(?!\w)", re.IGNORECASE)
# The year after the last day of a month-first range: "December 1-3, 2025".
_YEAR_AFTER = re.compile(r",?\s+(\d{4})(?!\d)")
_DIGIT = re.compile(r"\d")
# A weekday's short form that is the first part of its name is a word of its own too:
# Portuguese "segunda", "terça", "quarta", "quinta", "sexta" (of "segunda-feira"...) are
# ordinals ("a quarta fase", "segunda vez", "quinta edição"). The short form is the weekday
# only before what follows weekdays: punctuation, a figure, or one of these words ("na quarta
# passada", "na terça à noite", "na sexta que vem", "na segunda em Brasília").
_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_]+)")
_AFTER_SHORT_WEEKDAY = frozenset(
    re.findall(
        r"\S+",
        "feira passada passado retrasada que vem à às ao aos o os de da do pela pelo e ou após "
        "antes depois anterior seguinte em no na nos nas para com contra durante até desde cedo "
        "quando como ele ela eles elas já só também não",
    )
)
_NEAR = 40  # characters within which a weekday can stand beside its date
_TWO_DIGIT_YEAR_PIVOT = 70  # "29/11/25" is 2025; "29/11/85" is 1985


@dataclass(frozen=True, slots=True)
class _Names:
    """Compiled month and weekday patterns of one language.

    Where the language writes these names in lower case, the patterns are lower case and read
    the text lowered (`_lower_in_place`) rather than ignoring case: Python's engine skips
    ahead to a possible first letter only in a case-sensitive pattern, several times faster.
    """

    months: dict[str, int]
    weekdays: dict[str, int]
    day_first: re.Pattern[str]
    month_first: re.Pattern[str]
    weekday: re.Pattern[str]
    short_forms: frozenset[str]  # weekdays that are also ordinals (see _AFTER_SHORT_WEEKDAY)
    # A time of day right after a weekday, before its date: " night", " à noite",
    # " por la tarde", "abend" of "Dienstagabend" (see _day_period).
    day_period: re.Pattern[str]
    case_sensitive: bool  # names are capitalised (English, German): the text is read as is
    # A digit, white space and a month name written backwards: searched for in the reversed
    # text before month_first is tried (see _named_dates).
    digit_after_month: re.Pattern[str]
    # A day and the word or dash joining it to the date after it ("8 e " before "9 de
    # dezembro"), searched for at the end of the text before that date; and the joiner and the
    # day after a date ("-3" after "Dec. 1"), matched where the date ends.
    day_before: re.Pattern[str]
    day_after: re.Pattern[str]
    # What stands between two weekdays or two dates of one list ("Saturday and Sunday",
    # "12/5-6", "5./6.12.", "quinta a domingo"): see `_pair_lists`.
    list_joiner: re.Pattern[str]


class _Found(NamedTuple):
    """A date found by one of the patterns, before its sentence and weekday are known."""

    start: int
    end: int
    text: str
    form: DateForm
    readings: tuple[Reading, ...]
    separator: str = ""
    borrows_month: bool = False  # see DateMention.borrows_month


def extract_dates(
    source: SourceText, sentences: Sequence[Sentence], locale: LocaleInfo
) -> tuple[tuple[DateMention, ...], tuple[WeekdayMention, ...]]:
    """Every date mention of the document, and the weekdays that stand alone."""
    text = source.text
    starts = [s.start for s in sentences]
    names = _names(locale.tag)
    searched = text if names.case_sensitive else _lower_in_place(text)
    # Weekdays and dates are built once, with their sentence.
    weekdays = []
    for m in names.weekday.finditer(searched):
        start, end = m.span()
        name = m.group().lower()
        if name in names.short_forms and _reads_as_ordinal(text, start, end):
            continue
        day = names.weekdays[name]
        weekdays.append(
            WeekdayMention(start, end, text[start:end], day, _sentence_of(starts, start))
        )
    dotted_day_month = cldr.writes_dotted_day_month(locale.tag)
    # Where the numeric, ISO and day-first patterns can start (see _NUMERIC).
    runs = digit_runs(text)
    run_starts = [start for start, _end in runs]
    scores = _score_lists(text, runs)
    found: list[_Found] = []
    taken = _Spans()
    for candidate in (
        *_iso_dates(text, run_starts),
        *_named_dates(text, searched, names, locale.language, run_starts),
        *_numeric_dates(text, dotted_day_month, run_starts, scores),
        *_days_after_weekdays(text, weekdays),
    ):
        if not taken.overlaps(candidate.start, candidate.end):
            found.append(candidate)
            taken.add(candidate.start, candidate.end)
    found = _with_range_days(text, names, found, taken)
    # A day named alone ("le 3", "dia 15") once the ranges have their days: the "1" of "du
    # 1er au 3 décembre" is December's.
    for candidate in _days_after_day_words(text, locale.language, runs):
        if not taken.overlaps(candidate.start, candidate.end):
            found.append(candidate)
            taken.add(candidate.start, candidate.end)
    found.sort(key=attrgetter("start"))
    found = _years_across_ranges(text, _range_link(locale.language), found)

    used: set[int] = set()
    beside = _Beside(text, weekdays, names.day_period)
    paired, listed = _pair_lists(text, names.list_joiner, found, beside, used)
    mentions = []
    for i, date in enumerate(found):
        weekday = paired.get(i)
        # A single weekday beside a range or pair may name either day ("Tuesday, Dec. 1-3"):
        # the day whose month is written elsewhere takes none.
        if weekday is None and not date.borrows_month:
            found_at = beside.index(date.start, date.end, used | listed)
            if found_at is None:
                # The last weekday of a list names the day written right after it: "between
                # Sunday and Tuesday 12th", "entre el domingo y el martes 11".
                found_at = beside.last_of_list_just_before(date.start, used, listed)
            if found_at is not None:
                used.add(found_at)
                weekday = weekdays[found_at]
        sentence = _sentence_of(starts, date.start)
        if weekday is not None and weekday.sentence != sentence:
            # A weekday beside a date is reported in the date's sentence.
            weekday = _with_sentence(weekday, sentence)
        mention = DateMention(
            date.start, date.end, date.text, sentence, date.form, date.readings, weekday,
            date.separator, date.borrows_month,
        )  # fmt: skip
        mentions.append(mention)
    bare = tuple(w for i, w in enumerate(weekdays) if i not in used)
    return tuple(mentions), bare


def numeric_readings(first: int, second: int, year: int | None) -> tuple[Reading, ...]:
    """Every valid reading of a numeric day-month pair: month/day first, then day/month."""
    readings = []
    if _valid(second, first, year):
        readings.append(Reading(DateOrder.MDY, first, second, year))
    if first != second and _valid(first, second, year):
        readings.append(Reading(DateOrder.DMY, second, first, year))
    return tuple(readings)


def _valid(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # Without a year, 29 February is possible: it is a leap year's date.
    leap = month == 2 and calendar.isleap(year if year is not None else 2024)
    return day <= _DAYS_IN_MONTH[month] + leap


# Days in each month of a common year: what calendar.monthrange counts, without also
# working out the weekday of the first, which takes longer than the count.
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# What every ISO date holds: starting with a plain character, it is found by a fast search,
# which spares trying _ISO at every run of digits of a text that has none.
_ISO_HINT = re.compile(r"-\d\d-\d")


def _iso_dates(text: str, run_starts: Sequence[int]) -> Iterator[_Found]:
    if _ISO_HINT.search(text) is None:
        return
    for m in matches_at(_ISO, text, run_starts):
        year, month, day = (int(g) for g in m.groups())
        if _valid(day, month, year):
            yield _Found(
                m.start(), m.end(), m.group(), DateForm.ISO,
                (Reading(DateOrder.YMD, month, day, year),), "-",
            )  # fmt: skip


def _score_lists(text: str, runs: Sequence[tuple[int, int]]) -> _Spans:
    """The lists of set scores that are no dates: "venceu por 6/4, 3/6 e 7/5".

    What tells a list of scores from a list of dates: every pair is a set a player can win
    (6 against at most 4, 7 against 5 or 6: numbers.set_scores), so "on 3/6 and 5/7" stays
    dates; and no word that dates follow stands before it, so "em 6/4 e 7/5" stays dates too
    ("by" excepted: "won by 6/4, 3/6"). A bare "6/4 e 7/5" meant as dates is read as scores:
    nothing in the sentence says otherwise.
    """
    scores = _Spans()
    for start, end in set_scores(text, runs):
        previous = _PREVIOUS_WORD.search(text, max(0, start - 16), start)
        word = previous.group(1).lower() if previous else ""
        if word == "by" or word not in _DATE_WORDS:
            scores.add(start, end)
    return scores


def _numeric_dates(
    text: str, dotted_day_month: bool, run_starts: Sequence[int], scores: _Spans
) -> Iterator[_Found]:
    for m in matches_at(_NUMERIC, text, run_starts):
        if scores.overlaps(m.start(), m.end()):
            continue
        first, separator, second, year_text, trailing_dot = m.groups()
        if (
            separator != "/"
            and not year_text
            and not (separator == "." and trailing_dot and dotted_day_month)
        ):
            continue
        if not _hyphens_join_a_range(text, m.start(), m.end()):
            continue
        end = m.end() if separator == "." and trailing_dot and not year_text else m.end(3)
        if year_text:
            end = m.end(4)
        if not year_text and _looks_like_fraction(text, m.start(), end, int(first), int(second)):
            continue
        year = _full_year(year_text) if year_text else None
        readings = numeric_readings(int(first), int(second), year)
        if "º" in m.group():  # an ordinal marks the day: "1º/12" is 1 December only
            readings = tuple(r for r in readings if r.order is DateOrder.DMY)
        if readings:
            yield _Found(
                m.start(), end, text[m.start() : end], DateForm.NUMERIC, readings, separator
            )


def _hyphens_join_a_range(text: str, start: int, end: int) -> bool:
    """False where a hyphen beside the date joins it to something other than a day or date."""
    hyphen_before = start > 0 and text[start - 1] == "-"
    if hyphen_before and not _RANGE_BEFORE_HYPHEN.search(text, max(0, start - 16), start):
        return False
    if text.startswith("-", end) and text[end + 1 : end + 2].isdigit():
        return _RANGE_AFTER_HYPHEN.match(text, end) is not None
    return True


def _looks_like_fraction(text: str, start: int, end: int, first: int, second: int) -> bool:
    """A fraction ("2/3 of"), a small ratio ("1/4") or an idiom ("24/7"), unless bracketed."""
    if _OF_AFTER.match(text, end):
        return True
    in_brackets = _OPENING_BRACKET.search(text, max(0, start - 3), start) is not None or (
        _CLOSING_BRACKET.match(text[end : end + 3])
    )
    if in_brackets:
        return False
    if text[start:end] in _IDIOMS:
        return True
    previous = _PREVIOUS_WORD.search(text, max(0, start - 16), start)
    dated = previous is not None and previous.group(1).lower() in _DATE_WORDS
    return first < second <= 10 and not dated


def _full_year(year_text: str) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        return year + (1900 if year >= _TWO_DIGIT_YEAR_PIVOT else 2000)
    return year


def _named_dates(
    text: str, searched: str, names: _Names, language: str, run_starts: Sequence[int]
) -> Iterator[_Found]:
    """Month-name dates; `searched` is the text as the patterns read it (see `_Names`).

    day_first starts with a day at the start of a run of digits, and is tried only there.
    """
    found: list[tuple[Iterable[re.Match[str]], DateOrder]] = [
        (matches_at(names.day_first, searched, run_starts), DateOrder.DMY)
    ]
    # month_first starts with a month's first letter, which the regex engine stops at in
    # almost every word of a lower-cased text. What it matches, a month name, white space and
    # a digit, is first looked for backwards, by a pattern that starts with a digit: the
    # engine skips ahead to digits, and most texts need no month_first scan at all.
    if names.digit_after_month.search(searched[::-1]):
        found.append((names.month_first.finditer(searched), DateOrder.MDY))
    for matches, order in found:
        for m in matches:
            day, month_name, year_text = m.group("day"), m.group("month"), m.group("year")
            name = month_name.lower()
            # dateparser reads the month name in the document's language; the digits are ours,
            # and so is the year (the timeline decides it).
            month = _month_by_dateparser(name, language, names.months[name])
            day_value, year = int(day), int(year_text) if year_text else None
            if _valid(day_value, month, year):
                yield _Found(
                    m.start(), m.end(), text[m.start() : m.end()], DateForm.NAMED,
                    (Reading(order, month, day_value, year),),
                )  # fmt: skip


# Keyed by the month name alone, so that a batch fills this table of the language's month
# names in its first stories and calls dateparser no more.
@lru_cache(maxsize=4096)
def _month_by_dateparser(name: str, language: str, cldr_month: int) -> int:
    """The month a month name (lower case) stands for, read by dateparser in the document's
    language, never guessed: its readings shipped for the languages we know best
    (month_readings), else read now. Where dateparser cannot read a name CLDR gives, CLDR's
    month stands."""
    shipped = month_readings.shipped().get(language, {})
    month = shipped[name] if name in shipped else month_readings.read_month(name, language)
    return cldr_month if month is None else month


def _days_after_weekdays(text: str, weekdays: Sequence[WeekdayMention]) -> Iterator[_Found]:
    for weekday in weekdays:
        after = text[weekday.end : weekday.end + 24]
        if _DIGIT.search(after) is None:
            continue  # no day to read: both patterns need a digit
        m = _DAY_AFTER_WEEKDAY.match(after)
        if m is None and _ARTICLE_BEFORE.search(text, max(0, weekday.start - 6), weekday.start):
            m = _DAY_AFTER_ARTICLE_WEEKDAY.match(after)
        if not m:
            continue
        start, end = weekday.end + m.start(1), weekday.end + m.end(1)
        day = int(m.group(1))
        if 1 <= day <= 31:
            yield _Found(
                start, end, m.group(1), DateForm.DAY, (Reading(DateOrder.DMY, None, day, None),)
            )


# A day named alone after the word for "day" ("no próximo dia 15", "el día 3,") or as an
# English ordinal ("on the 15th."): it belongs to the month the story last named. Only where
# nothing it could count follows, as after a weekday; and not "por dia 15" (per day). Tried
# only at the runs of one or two digits, against the few characters before each.
_DAY_WORD_BEFORE = {
    "pt": re.compile(r"(?<![^\W\d_])dia\s+$", re.IGNORECASE),
    "es": re.compile(r"(?<![^\W\d_])d[ií]a\s+$", re.IGNORECASE),
    "en": re.compile(r"(?<![^\W\d_])the\s+$", re.IGNORECASE),
    # "une seconde le 3.", "d'ici au 3,", "jusqu'au 3"
    "fr": re.compile(r"(?<![^\W\d_])(?:le|au|du|dès)\s+$", re.IGNORECASE),
}
_DAY_WORD_SUFFIX = {"pt": "(?:º|°)?", "es": "", "en": "(?:st|nd|rd|th)", "fr": "(?:er)?"}
_DAY_WORD_ENDS = {  # a cheap test first
    "pt": ("dia",),
    "es": ("dia", "día"),
    "en": ("the",),
    "fr": ("le", "au", "du", "dès"),
}
_PER_DAY_BEFORE = re.compile(r"(?<!\w)(?:por|ao|cada|al)\s+\S+\s+$", re.IGNORECASE)


@cache
def _day_word_after(language: str) -> re.Pattern[str]:
    """The ordinal mark after the day, then what may follow a day named alone."""
    return re.compile(_DAY_WORD_SUFFIX[language] + _DAY_ALONE_END, re.IGNORECASE | re.MULTILINE)


def _days_after_day_words(
    text: str, language: str, runs: Sequence[tuple[int, int]]
) -> Iterator[_Found]:
    before = _DAY_WORD_BEFORE.get(language)
    if before is None:
        return
    after, ends = _day_word_after(language), _DAY_WORD_ENDS[language]
    for start, end in runs:
        if end - start > 2 or not text[max(0, start - 6) : start].rstrip().lower().endswith(ends):
            continue
        if not before.search(text, max(0, start - 8), start):
            continue
        if after.match(text, end) is None:
            continue
        if _PER_DAY_BEFORE.search(text, max(0, start - 16), start):
            continue
        day = int(text[start:end])
        if 1 <= day <= 31:
            yield _Found(
                start,
                end,
                text[start:end],
                DateForm.DAY,
                (Reading(DateOrder.DMY, None, day, None),),
            )


def _reads_as_ordinal(text: str, start: int, end: int) -> bool:
    """Whether a weekday's short form is the ordinal it also is: a word no weekday takes
    follows ("a quarta fase", "a segunda maior"), or a capitalised one after a capital
    ("a Segunda Guerra Mundial")."""
    following = _NEXT_WORD.match(text, end)
    if following is None:
        return False  # punctuation, a figure or the end of the line: "na terça (2/12)"
    word = following.group(1)
    if word[:1].isupper():
        return text[start].isupper()
    return word not in _AFTER_SHORT_WEEKDAY


def _with_range_days(
    text: str, names: _Names, found: Sequence[_Found], taken: _Spans
) -> list[_Found]:
    """The dates found, and the other days of the range or pair each belongs to, each a date
    of its own with the month (and year) the found date writes: the "8" of "8 e 9 de
    dezembro", the "3" of "Dec. 1-3", the "2" of "2.-4.12.".

    Looked for only beside the dates found, and after every pattern has had its say: a day
    another pattern took, such as the day after a weekday ("el jueves 4 y el 6/12"), stays.
    """
    dates = []
    for date in found:
        dated, days = _range_of(text, names, date)
        dates.append(dated)
        for day in days:
            if not taken.overlaps(day.start, day.end):
                dates.append(day)
                taken.add(day.start, day.end)
    return dates


def _range_of(text: str, names: _Names, date: _Found) -> tuple[_Found, list[_Found]]:
    """The date, with the year its range writes, and the other days of its range or pair.

    A day-first date ("9 de dezembro", "4.12.") is the last of its range, a month-first one
    ("Dec. 1") the first; a numeric date may be either ("16 e 17/12", "12/8-9").
    """
    if date.form is DateForm.NAMED:
        if date.readings[0].order is DateOrder.DMY:
            return date, _days_before(text, names, date)
        return _days_after(text, names, date)
    if date.form is DateForm.NUMERIC:
        dated, after = _days_after(text, names, date)
        return dated, [*_days_before(text, names, date), *after]
    return date, []


def _days_before(text: str, names: _Names, date: _Found) -> list[_Found]:
    """The days joined to the date from before it, nearest last: "8, 9 e" before "10 de
    dezembro". A comma joins a day only where a word or dash joins the next one."""
    days: list[_Found] = []
    start, following = date.start, _joined_number(date, before=True)
    while True:
        m = names.day_before.search(text, max(0, start - 24), start)
        if m is None or (m.group("comma") and not days):
            break
        day = int(m.group("day"))
        readings = _readings_with_day(date, day, before=True)
        if m.group("day_mark") == "º":  # an ordinal marks the day: "1º e 2/12"
            readings = tuple(r for r in readings if r.order is DateOrder.DMY)
        if day >= following or not readings:
            break  # a range runs forward; a figure or another month's day is no such day
        start, following = m.start("day"), day
        days.append(_range_day(text, date, m.start("day"), m.end("day"), readings))
    return days[::-1]


def _days_after(text: str, names: _Names, date: _Found) -> tuple[_Found, list[_Found]]:
    """The date and the days joined to it after it: "-3" after "Dec. 1", ", 9 and 10" after
    "Dec. 8". A year after the last day ("December 1-3, 2025") is every day's year."""
    if date.readings[0].year is not None:
        return date, []  # "12/8/2025-9" is no range of ours
    days: list[_Found] = []
    pending: list[_Found] = []  # days joined by a comma, until a word or dash joins one
    end, previous = date.end, _joined_number(date, before=False)
    while True:
        m = names.day_after.match(text, end)
        if m is None:
            break
        day = int(m.group("day"))
        readings = _readings_with_day(date, day, before=False)
        if day <= previous or not readings:
            break
        loose = not m.group("hyphen") and not m.group("comma")
        if loose and _PAIR_END.match(text, m.end()) is None:
            break  # "Dec. 8 and 9 people"
        pending.append(_range_day(text, date, m.start("day"), m.end("day"), readings))
        if not m.group("comma"):
            days += pending
            pending = []
        end, previous = m.end(), day
    year = _YEAR_AFTER.match(text, days[-1].end) if days else None
    if year is None or date.form is not DateForm.NAMED:
        return date, days
    # The year is written once, after the last day; that day's span takes it in, as
    # "November 21, 2025" does, so that no figure is read in it.
    value = int(year.group(1))
    last = days[-1]._replace(end=year.end(), text=text[days[-1].start : year.end()])
    return _with_year(date, value), [_with_year(d, value) for d in (*days[:-1], last)]


@cache
def _range_link(language: str) -> re.Pattern[str]:
    """What joins the two dates of a range or pair: a dash, or a joiner of _DAY_JOINERS."""
    joiners, articles = _DAY_JOINERS.get(language, ("", ""))
    words = rf"|(?:{joiners})\s+(?:(?:{articles})\s+)?" if joiners else ""
    return re.compile(rf"\s*(?:[-–—]\s*{words})", re.IGNORECASE)


def _years_across_ranges(text: str, link: re.Pattern[str], found: list[_Found]) -> list[_Found]:
    """The dates, where a range's first date without a year takes the year written with its
    last: "Feb. 3 to March 7, 2025" is 3 February 2025; "Dec. 3 to Jan. 7, 2025", 2024."""
    dated = list(found)
    # From the end, so that the year passes along a chain of dates.
    for k in range(len(dated) - 2, -1, -1):
        first, last = dated[k], dated[k + 1]
        end = last.readings[0]
        if end.year is None or end.month is None or first.readings[0].year is not None:
            continue
        if first.readings[0].month is None or not link.fullmatch(text, first.end, last.start):
            continue
        readings = tuple(
            Reading(r.order, r.month, r.day, end.year - ((r.month, r.day) > (end.month, end.day)))
            for r in first.readings
            if r.month is not None
        )
        dated[k] = first._replace(readings=readings)
    return dated


def _joined_number(date: _Found, *, before: bool) -> int:
    """The number of the date that a day before it (or after it) stands beside: its day, or
    for a numeric date the first (or second) number as written."""
    reading = date.readings[0]
    if date.form is not DateForm.NUMERIC:
        return reading.day
    first, second = _as_written(reading)
    return first if before else second


def _readings_with_day(date: _Found, day: int, *, before: bool) -> tuple[Reading, ...]:
    """The readings of `day` taken with the month and year of `date`. A numeric day takes the
    place of the number beside it ("2" for the "4" of "4.12."), read in the orders the date
    is read in, so that both dates of a range read alike."""
    reading = date.readings[0]
    if date.form is not DateForm.NUMERIC:
        month = reading.month
        if month is None or not _valid(day, month, reading.year):
            return ()
        return (Reading(reading.order, month, day, reading.year),)
    first, second = _as_written(reading)
    pair = (day, second) if before else (first, day)
    orders = {r.order for r in date.readings}
    return tuple(r for r in numeric_readings(*pair, reading.year) if r.order in orders)


def _as_written(reading: Reading) -> tuple[int, int]:
    """A numeric reading's two numbers in the order the text writes them."""
    assert reading.month is not None  # numeric readings always have a month
    if reading.order is DateOrder.MDY:
        return reading.month, reading.day
    return reading.day, reading.month


def _range_day(
    text: str, date: _Found, start: int, end: int, readings: tuple[Reading, ...]
) -> _Found:
    return _Found(
        start, end, text[start:end], date.form, readings, date.separator, borrows_month=True
    )


def _with_year(date: _Found, year: int) -> _Found:
    return date._replace(
        readings=tuple(Reading(r.order, r.month, r.day, year) for r in date.readings)
    )


class _Beside:
    """The weekdays of a text, and which of them stands beside a span of it."""

    def __init__(
        self, text: str, weekdays: Sequence[WeekdayMention], day_period: re.Pattern[str]
    ) -> None:
        self.text, self.weekdays, self.day_period = text, weekdays, day_period
        self._starts = [w.start for w in weekdays]

    def index(self, start: int, end: int, taken: set[int]) -> int | None:
        """The index of the first weekday beside the span that is not in `taken`."""
        text = self.text
        # Only weekdays starting near the span can be beside it; `_starts` are in text order.
        first = bisect_left(self._starts, start - _NEAR)
        last = bisect_right(self._starts, end + _NEAR)
        for i in range(first, last):
            if i in taken:
                continue
            weekday = self.weekdays[i]
            gap_start = _after_day_period(text, weekday.end, start, self.day_period)
            before = weekday.end <= start and _WEEKDAY_BEFORE_GAP.match(text[gap_start:start])
            after = end <= weekday.start and _WEEKDAY_AFTER_GAP.match(text[end : weekday.start])
            if before or after:
                return i
        return None

    def last_of_list_just_before(self, start: int, used: set[int], listed: set[int]) -> int | None:
        """The index of a weekday of a list (`listed`), the last of it, that ends right before
        `start` with only a space (or an article) between."""
        i = bisect_left(self._starts, start) - 1
        if i < 0 or i in used or i not in listed or i + 1 in listed:
            return None
        weekday = self.weekdays[i]
        return i if _TIGHT_GAP.fullmatch(self.text, weekday.end, start) else None


# Between a weekday and the day it names, written right after it with no comma or bracket.
_TIGHT_GAP = re.compile(r"\s+(?:(?:the|o|dia|den|le|el|il)\s+)?", re.IGNORECASE)


def _pair_lists(
    text: str, joiner: re.Pattern[str], found: Sequence[_Found], beside: _Beside, used: set[int]
) -> tuple[dict[int, WeekdayMention], set[int]]:
    """The weekdays of a list given to the dates of the list beside it, in order: "Saturday
    and Sunday (12/5-6)" is Saturday 5 and Sunday 6 December. Keyed by the index of the date
    in `found`; with the weekdays that belong to a list of two or more.

    The weekday nearest a list of dates is the last of its own list, and names the last date,
    not the first; where the two lists differ in length ("Friday and Saturday (Dec. 4-6)") no
    one can say which weekday is which date's, and none is given: no weekday then rather
    than a wrong one, nor to a single date beside a list of weekdays ("Monday and Tuesday,
    Dec. 2").
    """
    weekday_lists = _lists(text, joiner, beside.weekdays)
    listed = {i for run in weekday_lists if len(run) > 1 for i in run}
    list_of = {i: run for run in weekday_lists for i in run}
    paired: dict[int, WeekdayMention] = {}
    for run in _lists(text, joiner, found):
        if len(run) < 2:
            continue
        i = beside.index(found[run[0]].start, found[run[-1]].end, used)
        if i is None or i not in listed or len(list_of[i]) != len(run):
            continue
        for date, weekday in zip(run, list_of[i], strict=True):
            paired[date] = beside.weekdays[weekday]
            used.add(weekday)
    return paired, listed


def _lists(
    text: str, joiner: re.Pattern[str], spans: Sequence[_Found | WeekdayMention]
) -> list[list[int]]:
    """The spans, in text order, as runs of indices: each run a list that `joiner` joins."""
    runs: list[list[int]] = []
    for i, span in enumerate(spans):
        if runs and joiner.fullmatch(text, spans[i - 1].end, span.start):
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _after_day_period(text: str, start: int, end: int, day_period: re.Pattern[str]) -> int:
    """Where a time of day after a weekday ends ("Tuesday night (2/12)"), else `start`: the
    weekday is the night's, and the date beside the night is the weekday's."""
    period = day_period.match(text, start, end)
    return start if period is None else period.end()


class _Spans:
    """Disjoint spans of text already taken by a date, to keep the first reading of a place."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # The spans are disjoint, so only the last one starting before `end` can overlap.
        i = bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _with_sentence(weekday: WeekdayMention, sentence: int) -> WeekdayMention:
    return WeekdayMention(weekday.start, weekday.end, weekday.text, weekday.weekday, sentence)


def _sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


@cache
def _names(tag: str) -> _Names:
    """The patterns of a locale: month names are the region's and its language's
    (`cldr.month_names`), weekday names the language's."""
    language = tag.split("-")[0]
    months = dict(cldr.month_names(tag))
    # A weekday abbreviation without its dot is too often a word ("Sun", Italian "mar").
    weekdays = {
        name: day
        for name, day in cldr.weekday_names(language).items()
        if len(name) > 3 or name.endswith(".")
    }
    # "quarta" of "quarta-feira": the short forms that are also ordinals.
    short_forms = frozenset(
        name for name in weekdays if any(other.startswith(f"{name}-") for other in weekdays)
    )
    capitalised = cldr.names_capitalised(language)
    day_before, day_after = _range_patterns(language)
    list_joiner = _list_joiner(language)
    year = r"(?:,?\s+(?:de\s+|del\s+)?(?P<year>\d{4})(?!\d))?"
    # "(?<![\w.,])" written after the first digit, so that the pattern starts with a digit.
    day_first = re.compile(
        r"(?P<day>\d(?<![\w.,].)\d?)(?:º|°|er|st|nd|rd|th)?\.?\s*(?:de\s+|of\s+)?"
        rf"(?P<month>{_alternation(months, capitalised)})(?!\w){year}"
    )
    month = _alternation(months, capitalised, word_start=True)
    month_first = re.compile(
        rf"(?P<month>{month})(?!\w)\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,:]\d|\d)"
        rf"{year}"
    )
    periods = cldr.day_period_names(language)
    # German writes a weekday and its time of day as one word ("Dienstagabend"): the weekday
    # ends where a time of day starts.
    compounds = "|".join(sorted((p for p in periods if p.isalpha()), key=len, reverse=True))
    ending = rf"(?:(?!\w)|(?=(?:{compounds})(?!\w)))" if compounds else r"(?!\w)"
    weekday = re.compile(
        rf"(?:{_alternation(weekdays, capitalised, word_start=True, ending=ending)}){ending}"
    )
    backwards = "|".join(re.escape(form[::-1]) for form in _forms(months, capitalised))
    digit_after_month = re.compile(rf"\d\s+(?:{backwards})")
    return _Names(
        months, weekdays, day_first, month_first, weekday, short_forms, _day_period(periods),
        capitalised, digit_after_month, day_before, day_after, list_joiner,
    )  # fmt: skip


def _range_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns of a day joined to a date before it and after it (see `_Names`)."""
    words, articles = _DAY_JOINERS.get(language, ("(?!)", "(?!)"))
    joiner = (
        rf"(?:(?P<hyphen>[-–])|\s*[-–]\s*|(?P<comma>,)\s*"
        rf"|\s+(?:{words})(?:\s+(?:{articles})){{0,2}}\s*)"
    )
    # "(?<![\w.,/:-])" written after the day's first digit, so that the search skips to digits.
    # A slash joins a day only after its dot ("5./6.12."): "5/6.12." is no form we know.
    day_before = re.compile(
        rf"(?P<day>\d(?<![\w.,/:-].)\d?)(?P<day_mark>{_ORDINAL_SUFFIX})(?:{joiner}|(?<=\.)/)$",
        re.IGNORECASE,
    )
    day_after = re.compile(
        rf"{joiner}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\w%°/]|[.,:]\d)", re.IGNORECASE
    )
    return day_before, day_after


def _list_joiner(language: str) -> re.Pattern[str]:
    """What joins two weekdays or two dates of a list: a mark (comma, slash, hyphen, dash)
    or a joining word or both, after the first one's ordinal ending ("1º a 3", "5./6.12.")."""
    words, articles = _DAY_JOINERS.get(language, ("(?!)", "(?!)"))
    word = rf"(?:{words})[^\S\n]+(?:(?:{articles})[^\S\n]+){{0,2}}"
    return re.compile(
        rf"{_ORDINAL_SUFFIX}[^\S\n]*(?:[,/&–-][^\S\n]*(?:{word})?|{word})", re.IGNORECASE
    )


def _day_period(periods: Iterable[str]) -> re.Pattern[str]:
    """A time of day, after a space and up to two short words ("pela manhã", "por la tarde",
    "dans la nuit"), or joined to the weekday ("abend" of "Dienstagabend")."""
    names = "|".join(re.escape(p) for p in sorted(periods, key=len, reverse=True))
    if not names:
        return re.compile(r"(?!)")  # no time of day: never matches
    return re.compile(
        rf"(?:,?[^\S\n]+(?:[^\W\d_]{{1,5}}[^\S\n]+){{0,2}})?(?:{names})(?!\w)", re.IGNORECASE
    )


def _alternation(
    names: dict[str, int], capitalised: bool, *, word_start: bool = False, ending: str = r"(?!\w)"
) -> str:
    r"""The names as one alternation, each starting a word if `word_start` and followed by
    `ending` unless it ends with a dot.

    "(?<!\w)" is written after each name's first letter ("(?<!\w.)"), so that every
    alternative starts with a letter and the engine can skip to the possible first letters.
    """
    # Grouped by first letter, so that the engine tries only the names that start with the
    # letter it stands at; each group keeps the names' order, longest first, so that
    # "terça-feira" wins over "terça" and "Sept." over "Sep".
    by_first: dict[str, list[str]] = {}
    for form in _forms(names, capitalised):
        end = ending if not form.endswith(".") else ""
        by_first.setdefault(form[:1], []).append(re.escape(form[1:]) + end)
    guard = r"(?<!\w.)" if word_start else ""
    return "|".join(
        f"{re.escape(first)}{guard}(?:{'|'.join(rests)})" for first, rests in by_first.items()
    )


def _forms(names: dict[str, int], capitalised: bool) -> list[str]:
    """The names as the text writes them, longest first."""
    forms = sorted(names, key=lambda n: (-len(n), n))
    if capitalised:
        forms = [f[:1].upper() + f[1:] for f in forms]
    return forms


def _lower_in_place(text: str) -> str:
    """The text in lower case with every offset kept: a letter whose lower case is longer
    ("İ" becomes two characters) stays as it is."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
