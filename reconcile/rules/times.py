"""Times of day in aligned sentences: a time the translation changed ("às 18h30" rendered "at
8:30 p.m."), reported by number-mismatch.

A time is read as minutes after midnight, with both halves of the day where nothing settles
which ("alle 4"): two times agree when a reading of one is a reading of the other. A time is
changed when it agrees with no time of the other version's sentence while that sentence has a
time that agrees with none of ours. Such times are paired only within one time zone: a time with
a zone beside it ("13h GMT", "9 a.m. ET") against one in another zone or with none may be a
conversion, which translators make and add; "alle 15.00 (ora italiana)" against "at 5 p.m.
Italian time" is a change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reconcile import locale as cldr
from reconcile.extract import numberwords as words
from reconcile.extract.times import after_time_word, hour_readings
from reconcile.model import CheckedStory, Document, NumberKind, NumberMention
from reconcile.rules.base import per_story
from reconcile.words import clock_time

_ZONE = re.compile(
    rf"(?<![^\W\d_])(?P<code>{'|'.join(map(re.escape, words.TIME_ZONES))})(?![^\W\d_])"
    rf"|(?P<local>(?i:{'|'.join(map(re.escape, words.TIME_ZONE_LOCAL))}))"
    rf"|{words.TIME_ZONE_NAMED}"
)
# How far after a time its zone is written: "10 a.m. local time", "às 10h (hora de Brasília)";
# no further than the next figure, whose zone it would be ("às 10h (13h GMT)").
_ZONE_REACH = 25
_DIGIT = re.compile(r"\d")
# A zone is told by the first letters of its name: "italiana", "Italian"; "Brasília", "BRT".
_ZONE_LETTERS = 4


@dataclass(frozen=True, slots=True)
class _Time:
    """A time of a document, or an hour a figure after "alle", "à", "um" stands for."""

    mention: NumberMention
    readings: tuple[int, ...]  # minutes after midnight; none for "alle 77"


@dataclass(frozen=True, slots=True)
class TimeChange:
    """A time of the source whose aligned sentence in a translation says another time."""

    source: Document
    target: Document
    ours: _Time
    theirs: _Time


def shown(time: _Time) -> str:
    """A time's readings on the 24-hour clock: "18:30", "4:00 or 16:00", "not an hour"."""
    return " or ".join(map(clock_time, time.readings)) if time.readings else "not an hour"


@per_story
def time_changes(story: CheckedStory) -> tuple[TimeChange, ...]:
    return tuple(_changes(story))


def _changes(story: CheckedStory) -> Iterator[TimeChange]:
    source = story.versions[0].document
    ours_by_sentence = _times(source)
    if not ours_by_sentence:
        return
    for alignment, version in zip(story.alignments, story.versions[1:], strict=False):
        target = version.document
        theirs_by_sentence = _times(target)
        if not theirs_by_sentence:
            continue
        beads = [b for b in alignment.beads if b.source and b.target]
        ours = [_of(ours_by_sentence, b.source) for b in beads]
        theirs = [_of(theirs_by_sentence, b.target) for b in beads]
        for index in range(len(beads)):
            if not ours[index] or not theirs[index]:
                continue  # only sentences with times on both sides
            near = [i for i in (index - 1, index, index + 1) if 0 <= i < len(beads)]
            # A time moved into the neighbouring sentence is not changed.
            left = _unmatched(ours[index], [t for i in near for t in theirs[i]])
            right = _unmatched(theirs[index], [t for i in near for t in ours[i]])
            # A figure after "alle" or "à" that the other side states as a count is one.
            left = [t for t in left if not _counted(t, target, beads[index].target)]
            right = [t for t in right if not _counted(t, source, beads[index].source)]
            if left and right:
                yield from _paired(source, left, target, right)


def _times(document: Document) -> dict[int, list[_Time]]:
    """A document's times by sentence, with figures that stand for an hour ("alle 17 per")."""
    by_sentence: dict[int, list[_Time]] = {}
    text = document.source.text
    for number in document.numbers:
        readings: tuple[int, ...]
        if number.kind is NumberKind.TIME:
            readings = (int(number.value),)
            if number.alternative is not None:
                readings += (int(number.alternative),)
        elif _hour_like(number) and after_time_word(text, number.start):
            hour = int(number.value)
            readings = hour_readings(hour) if hour <= 24 else ()
        else:
            continue
        by_sentence.setdefault(number.sentence, []).append(_Time(number, readings))
    return by_sentence


def _hour_like(number: NumberMention) -> bool:
    """A whole number of one or two digits, with no unit: "alle 17 per 15 settimane"."""
    return (
        number.kind is NumberKind.CARDINAL
        and not number.spelled
        and not number.unit
        and number.upper is None
        and number.numeral.isdigit()
        and len(number.numeral) <= 2
    )


def _of(by_sentence: dict[int, list[_Time]], sentences: Sequence[int]) -> list[_Time]:
    return [t for i in sentences for t in by_sentence.get(i, ())]


def _unmatched(times: list[_Time], others: list[_Time]) -> list[_Time]:
    """The times that agree with none of `others`."""
    return [t for t in times if not any(_agree(t, o) for o in others)]


def _paired(
    source: Document, ours: list[_Time], target: Document, theirs: list[_Time]
) -> Iterator[TimeChange]:
    """Times changed in one aligned sentence, paired in order within one time zone (None:
    no zone written)."""
    theirs_by_zone: dict[str | None, list[_Time]] = {}
    for time in theirs:
        theirs_by_zone.setdefault(_zone(target, time.mention), []).append(time)
    ours_by_zone: dict[str | None, list[_Time]] = {}
    for time in ours:
        ours_by_zone.setdefault(_zone(source, time.mention), []).append(time)
    for zone, times in ours_by_zone.items():
        for mine, other in zip(times, theirs_by_zone.get(zone, ()), strict=False):
            yield TimeChange(source, target, mine, other)


def _agree(a: _Time, b: _Time) -> bool:
    return not set(a.readings).isdisjoint(b.readings)


def _zone(document: Document, time: NumberMention) -> str | None:
    """The time zone written beside a time, by the first letters of its name; None if none."""
    text = document.source.text
    reach = time.end + _ZONE_REACH
    figure = _DIGIT.search(text, time.end, reach)
    found = _ZONE.search(text, time.end, figure.start() if figure is not None else reach)
    if found is None:
        return None
    if found["code"]:
        name = words.TIME_ZONES[found["code"]]
    elif found["local"]:
        name = "local"
    else:
        name = found["zone"] or found["zone_en"] or found["zone_de"]
    return cldr.fold(name)[:_ZONE_LETTERS]


def _counted(time: _Time, other: Document, sentences: Sequence[int]) -> bool:
    """Whether a figure taken for an hour is a count the other version states too."""
    if time.mention.kind is NumberKind.TIME:
        return False
    return any(
        n.value == time.mention.value and n.kind is not NumberKind.TIME
        for n in other.numbers
        if n.sentence in sentences
    )
