"""Times of day among a document's figures: where a time can stand ("10:30", "14h", "alle 16",
"à 16 heures") and its minutes after midnight. extract/numbers.py builds the mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reconcile.extract import numberwords as words

# Times: "10:30", "10h30", "14h", "9 h 30" (French), "9.30 Uhr", "9.40am", "10 a.m.".
_CLOCK = r"(?:\s?(?:a\.m\.|p\.m\.|am|pm|Uhr|h)(?![^\W_]))"
TIME = re.compile(
    r"(?<![\w.,:])(?:[01]?\d|2[0-4])(?:"
    rf":[0-5]\d(?::[0-5]\d)?{_CLOCK}?|h[0-5]\d(?!\d)|h(?![^\W_])|\.[0-5]\d{_CLOCK}"
    rf"|\s?h\s[0-5]\d(?![.,]?\d)|{_CLOCK})"
)
# "9.40" is a time after a word such as "alle", "às", "at"; the clock form comes first
# because scanning for the words at every position is slower than for digits.
CLOCK_FORM = re.compile(r"(?<![\w.,:])(?:[01]?\d|2[0-3])[.:h][0-5]\d(?![\d.,]\d|\s?%|\w)")
_TIME_WORD_BEFORE = re.compile(
    r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in words.TIME_WORDS) + r")\s$", re.IGNORECASE
)
# An hour alone, "a las 16", "à 16 heures", "9 de la mañana": see numberwords.HOUR_ARTICLES.
_HOUR_BEFORE = re.compile(
    rf"(?:^|[^\w'’])(?:(?P<article>{'|'.join(map(re.escape, words.HOUR_ARTICLES))})"
    rf"|{'|'.join(map(re.escape, words.HOUR_PREPOSITIONS))})\s$",
    re.IGNORECASE,
)
_HOUR_WORD = rf"\s+(?:{'|'.join(map(re.escape, words.HOUR_WORDS))})(?!\w)"
_HOUR_WORD_AFTER = re.compile(_HOUR_WORD, re.IGNORECASE)
# The last word of each of those, for a cheap test before the pattern (that the word before
# a figure ends with one: "(às" too, as the pattern takes any mark before the words).
_HOUR_LAST = tuple(
    sorted(
        {phrase.split()[-1].lower() for phrase in (*words.HOUR_ARTICLES, *words.HOUR_PREPOSITIONS)}
    )
)
_DAY_PART_AFTER = re.compile(
    rf"(?:{_HOUR_WORD})?\s+(?:{'|'.join(map(re.escape, words.DAY_PARTS))})(?!\w)", re.IGNORECASE
)
# Where a clause ends, or a bracket opens ("a las 20 (hora argentina)"): no noun follows.
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?()»”\"](?!\d)|\n|$)")


# The hour and minutes of a time as TIME, CLOCK_FORM and is_bare_hour find it: "18h30",
# "6:30 p.m.", "14.30 Uhr", "9 h 30", "16".
_HOUR_MINUTES = re.compile(r"(\d{1,2})(?:(?::|\.|\s?h\s?)([0-5]\d))?")
_MERIDIEM = re.compile(r"(?<![^\W\d_])([ap])\.?m(?!\w)", re.IGNORECASE)
_DAY_HALVES = {part.lower(): half for part, half in words.DAY_HALVES.items()}
_DAY_HALF_AFTER = re.compile(
    rf"(?:{_HOUR_WORD})?,?\s+(?P<half>{'|'.join(map(re.escape, words.DAY_HALVES))})(?!\w)",
    re.IGNORECASE,
)
_DAY, _HALF_DAY = 24 * 60, 12 * 60


def clock_minutes(text: str, start: int, end: int) -> tuple[int, int | None]:
    """The minutes after midnight of the time at start:end, and those of the other half of
    the day when nothing settles which half: "18h30" 1110; "4 pm", "4 Uhr nachmittags" 960;
    "alle 4" 240 or 960. An hour past 12, hour 0 or a leading zero ("08:00") settles it."""
    match = _HOUR_MINUTES.match(text, start, end)
    if match is None:
        return 0, None
    hour, minutes = int(match[1]), int(match[2] or 0)
    half = _half_of_day(text, match.end(), end)
    if half == "night":  # "10 de la noche" is 22:00, "2 da madrugada" 2:00
        half = "pm" if 6 <= hour < 12 else "am"
    if half is not None and hour <= 12:
        hour = hour % 12 + (12 if half == "pm" else 0)  # "12 a.m." is midnight
    value = (hour * 60 + minutes) % _DAY  # "24.00 Uhr" is midnight
    settled = half is not None or hour == 0 or hour > 12 or match[1].startswith("0")
    return value, None if settled else (value + _HALF_DAY) % _DAY


def hour_readings(hour: int) -> tuple[int, ...]:
    """The minutes after midnight an hour said alone may mean ("alle 4": 4:00 or 16:00), as
    clock_minutes reads it: hour 0 and an hour past 12 settle the half of the day."""
    value = hour * 60 % _DAY
    return (value,) if hour == 0 or hour > 12 else (value, (value + _HALF_DAY) % _DAY)


def _half_of_day(text: str, after_hour: int, end: int) -> str | None:
    """Which half of the day ("am", "pm", "night"): "p.m." in the time, or a day part after it."""
    meridiem = _MERIDIEM.search(text, after_hour, end)
    if meridiem is not None:
        return "am" if meridiem[1] in "aA" else "pm"
    part = _DAY_HALF_AFTER.match(text, end)
    return _DAY_HALVES[part["half"].lower()] if part is not None else None


def after_time_word(text: str, start: int) -> bool:
    """Whether a figure at `start` follows a word that times take ("alle", "às", "um")."""
    return _TIME_WORD_BEFORE.search(text, max(0, start - 16), start) is not None


def hour_context(text: str, start: int, end: int) -> bool:
    """Whether a figure at start:end stands where an hour may: after a word that times take
    ("alle 16", "las 8") or before an hour word ("de 8 a 20 horas")."""
    return after_time_word(text, start) or before_hour_word(text, end)


def before_hour_word(text: str, end: int) -> bool:
    return text[end : end + 1].isspace() and _HOUR_WORD_AFTER.match(text, end) is not None


def is_bare_hour(
    text: str, start: int, end: int, hour_nouns: frozenset[str], followers: frozenset[str]
) -> bool:
    """Whether the one or two digits at start:end are an hour said without minutes or clock
    word, as numberwords.HOUR_ARTICLES, HOUR_NOUNS and HOUR_FOLLOWERS (`followers`, of the
    document's language) explain."""
    if int(text[start:end]) > 24 or (start and text[start - 1] in ".,"):
        return False
    # Cheap tests first: a day part starts with a letter or a space after the hour, and
    # the word before an hour ends with a space.
    if text[end : end + 1].isspace() and _DAY_PART_AFTER.match(text, end):
        return True
    if not text[start - 1 : start].isspace():
        return False
    last = text[max(0, start - 12) : start].split()
    if not last:
        return False
    word = last[-1].lower()
    if word in hour_nouns:
        return True  # "alle ore 10"
    if not word.endswith(_HOUR_LAST):
        return False
    before = _HOUR_BEFORE.search(text, max(0, start - 16), start)
    if before is None:
        return False
    if _HOUR_WORD_AFTER.match(text, end):
        return True
    if before.group("article") is None:
        return False
    if _CLAUSE_END.match(text, end) is not None:
        return True
    follower = _FOLLOWER.match(text, end) if followers else None
    if follower is None:
        return False
    word = follower["word"].lower()
    return word in followers and (follower["figure"] is None or word not in _JOINS_FIGURES)


# The word after an hour, and a figure right after that word ("alle 9 e 30").
_FOLLOWER = re.compile(r"\s+(?P<word>[^\W\d_]+['’]?)(?P<figure>\s*\d)?")
# Words that may join the hour to a figure after it as two ends, two choices or a part of a
# whole ("alle 9 e 30", "dalle 9 alle 12 unità", "alle 9 o 10", "alle 3 dei 10"): there the
# figure after them decides, not the word.
_JOINS_FIGURES = frozenset(
    {
        *(link for link in words.TIME_RANGE_LINKS if " " not in link),
        *(link for links in words.RANGE_WORDS.values() for link in links),
        *words.FIGURE_JOINERS,
    }
)


# An hour, perhaps with its minutes, and what joins it to the time after it as a range.
_FIRST_END = re.compile(
    r"(?<![\w.,:])(?P<hour>(?:[01]?\d|2[0-4])(?:[.:h][0-5]\d)?)"
    rf"(?:\s?[-–—]\s?|\s+(?:{'|'.join(map(re.escape, words.TIME_RANGE_LINKS))})\s+)$",
    re.IGNORECASE,
)
_FIRST_END_REACH = 5 + max(map(len, words.TIME_RANGE_LINKS)) + 4  # "24.00", link, spaces


def first_end(text: str, second: int) -> tuple[int, int] | None:
    """The span of the hour that opens a range of times whose second end starts at `second`."""
    if second < 2 or not (text[second - 1].isspace() or text[second - 1] in "-–—"):
        return None
    match = _FIRST_END.search(text, max(0, second - _FIRST_END_REACH), second)
    return match.span("hour") if match is not None else None


# What follows the hour of a time, as TIME and CLOCK_FORM spell it: ":", "h" or "." ("10:30",
# "14h", "9.30"), or a clock word, perhaps after a space ("9am", "10 a.m.", "9 Uhr").
_AFTER_HOUR = frozenset(":h.apU")
_CLOCK_INITIALS = frozenset("apUh")


def time_offsets(text: str, runs: Sequence[tuple[int, int]]) -> list[int]:
    """Where a time can start: a run of one or two digits, followed as _AFTER_HOUR says."""
    offsets = []
    for start, end in runs:
        if end - start <= 2:
            follow = text[end : end + 2]
            if follow[:1] in _AFTER_HOUR or (
                follow[:1].isspace() and follow[1:] in _CLOCK_INITIALS
            ):
                offsets.append(start)
    return offsets
