"""The story's reference date, and the reading of every date weighed on all the evidence.

A numeric date like 2/12 has two readings. Each gets evidence: the locale's CLDR order, the
order of the document's unambiguous dates, a weekday written beside it, its distance from the
reference date, and the reading of the same date in the aligned sentence of another version.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from reconcile.model import (
    Assessment,
    DateForm,
    DateMention,
    DateOrder,
    Document,
    Evidence,
    LocaleInfo,
    Reading,
    ResolvedDate,
    Timeline,
)
from reconcile.words import ORDER_WORDS, long_date, weekday_name

# Weights of each kind of evidence. A weekday or another version outweighs the document's own
# habit, which outweighs the locale's convention, which outweighs closeness in time.
WEEKDAY_WEIGHT = 6.0
RANGE_WEIGHT = 6.0  # against a reading that makes a range run backwards
ALIGNED_WEIGHT = 8.0
DOCUMENT_WEIGHT = 3.0
LOCALE_WEIGHT = 1.5
NEAR_WEIGHT = 1.5  # within a month of the reference date
MIDDLE_WEIGHT = 0.5  # within three months
FAR_WEIGHT = -1.0  # more than six months away
YEARS_BACK, YEARS_AHEAD = 60, 10  # years searched when inferring the reference date
WINDOW = dt.timedelta(days=183)
_EPOCH = dt.date(1970, 1, 1).toordinal()  # day 0 of numpy's datetime64
# What each mention adds to a candidate reference date it fits (infer_reference).
PAIR_SCORE = 2.0
EXPLICIT_SCORE = 1.0
TODAY_SCORE = 1.5
# A date with a year in a wire dateline is the day the story was filed: it outweighs a
# handful of background dates ("the 2024 trial", "an order of 2/12/2025").
DATELINE_SCORE = 4.0
_DATELINE_REACH = 40  # characters from the start of its sentence
# A dateline opens with a place, in capitals ("MADRID,") or not ("Frankfurt,", "Rio de
# Janeiro,"), then a comma, a bracket or a dash.
_DATELINE_PLACE = re.compile(r"\W*[^\W\d_a-z][^\W\d_]+(?:[ -][^\W\d_]{2,}){0,3}\s*(?:,|\(|[-–—])")
_DATELINE_GAP = re.compile(r"\s*(?:[^\W\d_a-z][^\W\d_]+(?: [^\W\d_]+){0,2},\s*)?")
# What joins the two ends of a range ("12/11-12/21", "from 12/11 to 12/21", "du 12/11 au
# 21/11", "vom 12.11. bis 21.11."), and "between 12/11 and 12/21" with what opens it.
_RANGE_TO = re.compile(
    r"\s*(?:[-–—]|to|through|thru|until|till|a|ao|al|até|hasta|au|à|jusqu['’]au|bis|fino al)"
    r"(?:\s+(?:the|o|dia|el|día|le|il))?\s*",
    re.IGNORECASE,
)
_RANGE_AND = re.compile(r"\s*(?:and|e|y|et|und)(?:\s+(?:the|o|dia|el|día|le|il|dem))?\s*", re.I)
_RANGE_BETWEEN = re.compile(
    r"(?:^|\W)(?:between|entre|zwischen|tra|fra)(?:\s+(?:the|o|dia|el|día|le|il|dem))?\s*$",
    re.IGNORECASE,
)
# A reading against its document's order (2/12 as 2 December in US copy) counts this share.
CONTRARY_SHARE = 0.5
# A year written in the text ("em julho de 2023", "the 2019 figures"), not inside a figure.
# One pattern a century: a literal start lets the engine jump from one "19" to the next, where
# an alternation (?:19|20) costs a test at every character. Two matches never overlap (each
# needs a non-digit before it), so the two find what one pattern for both centuries would.
# (The look-behind follows the century's digits, so that the engine skips ahead to them.)
_YEARS = tuple(
    re.compile(century + r"(?<![\d.,/-]..)\d\d(?![\d%]|[.,/-]\d)") for century in ("19", "20")
)


@dataclass(frozen=True, slots=True)
class Reference:
    date: dt.date
    source: str  # "option" | "metadata" | "inferred" | "today"
    note: str


def infer_reference(documents: Sequence[Document], today: dt.date) -> Reference:
    """The story's reference date from its weekday-date pairs and dates with a year.

    Every date a mention could name (a written year, or each year its weekday fits) is a
    candidate centre. A centre scores the mentions fitting within half a year of it: a
    weekday-date pair PAIR_SCORE (a pair fits one year in seven or so: several that fit
    together date the story), a date with a year EXPLICIT_SCORE (often background: "the 2015
    law") or DATELINE_SCORE in a dateline (the day the story was filed), and the centres
    within half a year of today TODAY_SCORE more (a story is mostly checked when it is
    written). A reading against its document's order counts CONTRARY_SHARE of its score.
    The source's score ranks first, so that a translation's slip never moves the story; then
    every version's, then the year the story writes most, then the nearest to today.
    """
    first, last = today.year - YEARS_BACK, today.year + YEARS_AHEAD
    evidence: list[DateMention] = []
    scores: list[float] = []
    from_source: list[bool] = []
    # Each point is a day number (date.toordinal()) a mention may name, the index of the
    # mention, and whether it reads the mention against its document's order.
    days: list[int] = []
    owners: list[int] = []
    contrary: list[bool] = []
    for number, document in enumerate(documents):
        order = _document_order(document)[0]
        for mention in document.dates:
            filed_before = None  # a dateline without a year: filed by today, in some year
            if mention.readings[0].year is not None:
                score = DATELINE_SCORE if _in_dateline(document, mention) else EXPLICIT_SCORE
            elif mention.weekday and _has_month(mention):
                score = PAIR_SCORE
            elif _has_month(mention) and _in_dateline(document, mention):
                score, filed_before = DATELINE_SCORE, today.toordinal() + 1
            else:
                continue
            for reading, named in _reading_days(document, mention, first, last):
                if filed_before is not None:
                    named = [day for day in named if day <= filed_before]
                days += named
                owners += [len(evidence)] * len(named)
                contrary += [mention.ambiguous and reading.order is not order] * len(named)
            evidence.append(mention)
            scores.append(score)
            from_source.append(number == 0)
    if not days:
        return Reference(today, "today", "no weekday-date pair or dated mention; today")
    points = _Points(np.array(days), np.array(owners), np.array(contrary))
    written = _years_written(documents)
    centre = _best_centre(points, np.array(scores), np.array(from_source), written, today)
    # Each mention's point nearest the centre, within half a year of it (the earlier of two
    # as near).
    nearest: dict[int, int] = {}
    inside = np.abs(points.days - centre) <= WINDOW.days
    near = zip(points.days[inside].tolist(), points.owners[inside].tolist(), strict=True)
    for day, index in sorted(near):
        if index not in nearest or abs(day - centre) < abs(nearest[index] - centre):
            nearest[index] = day
    named_days = sorted(nearest.values())
    median = dt.date.fromordinal(named_days[len(named_days) // 2])
    shown = ", ".join(_shown(evidence[i]) for i in sorted(nearest)[:4])
    # The dateline's date is the day the story was filed: when the other dates fit around
    # it, it is the story's date, not the middle of dates it announces months ahead.
    filed = [i for i in sorted(nearest) if scores[i] == DATELINE_SCORE]
    filed.sort(key=lambda i: not from_source[i])  # the source's first
    fit = f"{len(nearest)} dates fit" if len(nearest) > 1 else "1 date fits"
    if filed:
        dateline = dt.date.fromordinal(nearest[filed[0]])
        return Reference(
            dateline,
            "inferred",
            f"the dateline's {_shown(evidence[filed[0]])}; {fit} a story around it: {shown}",
        )
    return Reference(median, "inferred", f"{fit} a story around {median}: {shown}")


@dataclass(frozen=True, slots=True)
class _Points:
    """The days the story's dated mentions may name, one point a day and mention."""

    days: npt.NDArray[np.int64]  # day numbers (date.toordinal())
    owners: npt.NDArray[np.int64]  # the index of the mention naming each day
    contrary: npt.NDArray[np.bool_]  # the day reads its mention against its document's order


def _best_centre(
    points: _Points,
    scores: npt.NDArray[np.float64],
    from_source: npt.NDArray[np.bool_],
    written: Counter[int],
    today: dt.date,
) -> int:
    """The day, among the points, whose half-year window ranks best (see infer_reference).

    A mention counts once in a window: its score if a point of its document's order is
    inside, CONTRARY_SHARE of it if only a contrary one is. Scored for every candidate centre
    at once: a point covers the run of centres within half a year of it, marked by +1 where
    the run starts and -1 where it ends, then summed along the centres.
    """
    centres = np.unique(points.days)
    half, count = WINDOW.days, len(centres)
    starts = np.searchsorted(centres, points.days - half, "left")
    ends = np.searchsorted(centres, points.days + half, "right")
    # One row for each mention's points of its document's order, one for its contrary ones.
    rows = (points.owners * 2 + points.contrary) * (count + 1)
    size = 2 * len(scores) * (count + 1)
    marks = np.bincount(rows + starts, minlength=size) - np.bincount(rows + ends, minlength=size)
    covered = marks.reshape(len(scores), 2, count + 1).cumsum(axis=2)[:, :, :count] > 0
    in_order, contrary_only = covered[:, 0], covered[:, 1] & ~covered[:, 0]
    share = in_order + CONTRARY_SHARE * contrary_only
    today_number = today.toordinal()
    distance = np.abs(centres - today_number)
    current = np.where(distance <= half, TODAY_SCORE, 0.0)
    sourced = (scores * from_source) @ share + current
    total = scores @ share + current
    years = (centres - _EPOCH).astype("datetime64[D]").astype("datetime64[Y]").astype(int) + 1970
    distinct, which = np.unique(years, return_inverse=True)
    times_written = np.array([written.get(int(year), 0) for year in distinct])[which]
    # lexsort sorts by its last key first: the source's score, every version's, the year
    # written most, the nearest to today, the earliest.
    best = np.lexsort((centres, distance, -times_written, -total, -sourced))[0]
    return int(centres[best])


def _document_order(document: Document) -> tuple[DateOrder, str, dict[DateOrder, int]]:
    """The order a document's readers take its dates in, where it comes from ("document":
    its own unambiguous dates; else "locale"), and how many unambiguous dates use each."""
    counts = _order_counts(document.dates)
    majority = _majority(counts, document.locale.cldr_order)
    if majority is not None:
        return majority, "document", counts
    return document.locale.cldr_order, "locale", counts


def _reading_days(
    document: Document, mention: DateMention, first_year: int, last_year: int
) -> Iterator[tuple[Reading, Sequence[int]]]:
    """Each reading of a mention with the day numbers (date.toordinal()) it may name: its
    date if it writes a year, else each date on its weekday in the years given."""
    weekday = mention.weekday.weekday if mention.weekday else None
    # "The 2020 harvest began on Tuesday (19/5)": a year its sentence writes dates the pair,
    # when the pair fits it.
    years = _sentence_years(document, mention) if weekday is not None else set()
    for reading in mention.readings:
        if reading.year is not None:
            # A written year dates the story, whatever the weekday beside it says.
            value = _date(reading.year, reading.month or 0, reading.day)
            yield reading, [value.toordinal()] if value and reading.month is not None else []
            continue
        days: Sequence[int] = _dates_on(
            reading.month or 0, reading.day, weekday, first_year, last_year
        )
        if years:
            days = [d for d in days if _year_of(d) in years] or days
        yield reading, days


def _in_dateline(document: Document, mention: DateMention) -> bool:
    """Whether a date stands in a wire dateline ("MADRID, 24 November 2026 -", "BERLIN, 3.
    Dezember 2025 (dpa)"): near the start of a paragraph that opens with a place in capitals."""
    sentence = document.sentences[mention.sentence]
    if mention.start - sentence.start > _DATELINE_REACH:
        return False
    if (
        mention.sentence
        and document.sentences[mention.sentence - 1].paragraph == sentence.paragraph
    ):
        return False  # not the paragraph's first sentence
    place = _DATELINE_PLACE.match(sentence.text)
    # The date follows the place at once, or after a country ("LE HAVRE, France, Nov. 24").
    between = sentence.text[place.end() : mention.start - sentence.start] if place else ""
    return place is not None and _DATELINE_GAP.fullmatch(between) is not None


def _sentence_years(document: Document, mention: DateMention) -> set[int]:
    """The years written in the mention's sentence."""
    text = document.sentences[mention.sentence].text
    return {int(year) for pattern in _YEARS for year in pattern.findall(text)}


def _year_of(day_number: int) -> int:
    return dt.date.fromordinal(day_number).year


def _years_written(documents: Sequence[Document]) -> Counter[int]:
    """How often each year is written anywhere in the story: it breaks ties between the
    years where the weekday pairs fit (Saturday 29 November is 2025 and 2014 alike)."""
    years: Counter[int] = Counter()
    for document in documents:
        for pattern in _YEARS:
            years.update(map(int, pattern.findall(document.source.text)))
    return years


def resolve(
    document: Document,
    reference: Reference,
    order_is_settled: bool,
    aligned: Mapping[int, Sequence[tuple[dt.date, str]]] | None = None,
    earlier: Timeline | None = None,
) -> Timeline:
    """Weigh every reading of every date in `document`.

    `aligned` maps the index of a mention in document.dates to the dates the aligned
    sentence of another version names, each with a phrase saying where it comes from.
    `order_is_settled` says whether the locale fixes the order (a region is named, or every
    regional variant of the language agrees). `earlier`: this document's timeline without
    `aligned`, with the same reference: a reading weighed around the same centre again keeps
    the evidence it had there, and only the aligned dates are weighed anew.
    """
    if earlier is not None:
        # The same document's dates: the same order as then.
        order, order_from, order_counts = earlier.order, earlier.order_from, earlier.order_counts
    else:
        order, order_from, counts = _document_order(document)
        order_counts = tuple(sorted(counts.items(), key=lambda kv: kv[0].value))
    # Made when a reading is first weighed: a second pass (`earlier`) weighs few or none.
    context: _Context | None = None
    lent_by_index = aligned or {}
    resolved: list[ResolvedDate] = []
    # A day named alone ("el jueves 19") belongs to the month the story last named.
    last_named = earlier_named = reference.date
    for index, mention in enumerate(document.dates):
        alone = mention.form is DateForm.DAY
        centre = last_named if alone else reference.date
        if earlier is not None and centre == (earlier_named if alone else reference.date):
            assessments = earlier.dates[index].assessments
        else:
            if context is None:
                context = _context(document, reference, order, order_from, order_is_settled)
            bound = _range_bound(document, index, resolved, reference.date)
            assessments = _assess(mention, context, centre, bound)
        lent = lent_by_index.get(index)
        if lent:
            assessments = tuple(_with_aligned(a, lent) for a in assessments)
        if earlier is not None and not alone:
            earlier_named = earlier.dates[index].value or earlier_named
        if len(assessments) == 1:
            # Most mentions have a single reading: nothing to choose, nothing undecided.
            chosen = reader = 0
            decided = True
        else:
            reader = next((i for i, r in enumerate(mention.readings) if r.order is order), 0)
            chosen = max(range(len(assessments)), key=lambda i: (assessments[i].score, i == reader))
            decided = _decided(
                assessments, order, order_from, document.locale.cldr_order, order_is_settled
            )
        named = assessments[chosen].value
        if named is not None and not alone:
            last_named = named
        resolved.append(ResolvedDate(mention, assessments, chosen, reader, decided))
    return Timeline(
        reference.date,
        reference.source,
        reference.note,
        order,
        order_from,
        order_counts,
        tuple(resolved),
    )


def order_neutral(mention: DateMention) -> bool:
    """True where the day/month order does not matter: named and ISO forms, or 5/5."""
    if mention.form is not DateForm.NUMERIC:
        return True
    reading = mention.readings[0]
    return not mention.ambiguous and reading.day == reading.month


@dataclass(frozen=True, slots=True)
class _Context:
    """What every reading of one document is weighed against."""

    reference: Reference
    document_order: DateOrder | None  # None when the document's own dates set no order
    examples: str  # a few of the document's unambiguous dates, for messages
    locale: LocaleInfo
    locale_settled: bool
    around: str  # how messages place the reference date


def _context(
    document: Document,
    reference: Reference,
    order: DateOrder,
    order_from: str,
    order_is_settled: bool,
) -> _Context:
    return _Context(
        reference,
        order if order_from == "document" else None,
        _examples(document.dates, order),
        document.locale,
        order_is_settled,
        _around(reference),
    )


def _assess(
    mention: DateMention, context: _Context, centre: dt.date, bound: _Bound | None = None
) -> tuple[Assessment, ...]:
    """Score each reading of a mention on its own version's evidence; a missing year or month
    is taken nearest `centre`. `bound`: the other end of the range the mention is one end of."""
    story_date = context.reference.date
    values = [_value(reading, mention, centre, story_date) for reading in mention.readings]
    fits = 0  # how many readings fit the weekday: only weighed when one is written
    if mention.weekday is not None:
        fits = sum(1 for value in values if value is not None and _agrees(mention, value))
    assessments = tuple(
        _assess_reading(reading, value, fits, mention, context)
        for reading, value in zip(mention.readings, values, strict=True)
    )
    return assessments if bound is None else tuple(bound.weigh(a) for a in assessments)


@dataclass(frozen=True, slots=True)
class _Bound:
    """The other end of a range: a reading of this end that makes the range run backwards
    ("between 12/11 and 11/21" read as 11 December) is against RANGE_WEIGHT."""

    other: dt.date
    starts: bool  # this end starts the range

    def weigh(self, assessment: Assessment) -> Assessment:
        value = assessment.value
        if value is None:
            return assessment
        # Over half a year backwards, the range more likely crosses a year than runs back.
        behind = (value - self.other) if self.starts else (self.other - value)
        if not dt.timedelta(0) < behind <= WINDOW:
            return assessment
        if self.starts:
            note = f"the range ends on {long_date(self.other)}, before {long_date(value)}"
        else:
            note = f"the range starts on {long_date(self.other)}, after {long_date(value)}"
        against = Evidence("range", -RANGE_WEIGHT, note)
        return Assessment(
            assessment.reading,
            value,
            assessment.score + against.weight,
            (*assessment.evidence, against),
        )


def _range_bound(
    document: Document, index: int, resolved: Sequence[ResolvedDate], story_date: dt.date
) -> _Bound | None:
    """The other end of the range an ambiguous numeric date is one end of, when that end
    reads one way only."""
    mention = document.dates[index]
    if not mention.ambiguous:
        return None
    if index > 0 and _joins_range(document, document.dates[index - 1], mention):
        before = resolved[index - 1]
        if not before.mention.ambiguous and before.value is not None:
            return _Bound(before.value, starts=False)
    if index + 1 < len(document.dates) and _joins_range(
        document, mention, document.dates[index + 1]
    ):
        after = document.dates[index + 1]
        if not after.ambiguous:
            value = _value(after.readings[0], after, story_date, story_date)
            if value is not None:
                return _Bound(value, starts=True)
    return None


def _joins_range(document: Document, first: DateMention, last: DateMention) -> bool:
    """Whether two dates of a sentence are the two ends of a range."""
    if first.sentence != last.sentence or first.form is not DateForm.NUMERIC:
        return False
    text = document.source.text
    end = last.weekday.start if last.weekday and last.weekday.start > first.end else last.start
    if _RANGE_TO.fullmatch(text, first.end, end):
        return True
    start = (
        first.weekday.start if first.weekday and first.weekday.start < first.start else first.start
    )
    opening = text[max(0, start - 20) : start]
    return _RANGE_AND.fullmatch(text, first.end, end) is not None and bool(
        _RANGE_BETWEEN.search(opening)
    )


def _assess_reading(
    reading: Reading, value: dt.date | None, fits: int, mention: DateMention, context: _Context
) -> Assessment:
    """Score one reading, whose value is `value`; `fits`: how many readings fit the weekday."""
    reference, document_order, locale = context.reference, context.document_order, context.locale
    evidence: list[Evidence] = []
    if mention.form is DateForm.NUMERIC and not order_neutral(mention):
        if document_order is not None:
            agrees = reading.order is document_order
            evidence.append(
                Evidence(
                    "document",
                    DOCUMENT_WEIGHT if agrees else 0.0,
                    f"the document's other dates are {ORDER_WORDS[document_order]} "
                    f"({context.examples})",
                )
            )
        if (document_order is None or context.locale_settled) and (
            reading.order is locale.cldr_order
        ):
            evidence.append(
                Evidence(
                    "locale",
                    LOCALE_WEIGHT,
                    f"{locale.tag} writes {ORDER_WORDS[reading.order]}",
                )
            )
    if value is None:
        return Assessment(reading, None, -100.0, tuple(evidence))
    if mention.weekday is not None:
        day = weekday_name(mention.weekday.weekday)
        if value.weekday() == mention.weekday.weekday:
            only = "only " if fits == 1 and mention.ambiguous else ""
            evidence.append(
                Evidence("weekday", WEEKDAY_WEIGHT, f"{day} fits {only}{long_date(value)}")
            )
        else:
            evidence.append(
                Evidence(
                    "weekday",
                    -WEEKDAY_WEIGHT,
                    f"{long_date(value)} is a {weekday_name(value.weekday())}, not a {day}",
                )
            )
    evidence.append(_distance(value, reference.date, context.around))
    return Assessment(reading, value, sum([e.weight for e in evidence]), tuple(evidence))


def _with_aligned(assessment: Assessment, aligned: Sequence[tuple[dt.date, str]]) -> Assessment:
    """The assessment with the first aligned date that names the same day, if one does."""
    value = assessment.value
    if value is None:
        return assessment
    for other, where in aligned:
        if other.day == value.day and other.month == value.month:
            said = Evidence("aligned", ALIGNED_WEIGHT, f"{where} says {long_date(other)}")
            # The score is the sum of the weights in order: adding the last one last keeps it
            # the same float as summing them all.
            return Assessment(
                assessment.reading,
                value,
                assessment.score + said.weight,
                (*assessment.evidence, said),
            )
    return assessment


def _around(reference: Reference) -> str:
    if reference.source == "today":
        return f"today is {long_date(reference.date)}"
    return f"the story's dates are around {long_date(reference.date)}"


def _distance(value: dt.date, reference: dt.date, around: str) -> Evidence:
    days = abs((value - reference).days)
    if days <= 31:
        weight = NEAR_WEIGHT
    elif days <= 92:
        weight = MIDDLE_WEIGHT
    elif days > WINDOW.days:
        weight = FAR_WEIGHT
    else:
        weight = 0.0
    return Evidence("reference", weight, f"{around}, {days} day{'' if days == 1 else 's'} away")


def _value(
    reading: Reading, mention: DateMention, reference: dt.date, story_date: dt.date
) -> dt.date | None:
    """The reading as a calendar date, its missing year or month taken nearest the reference.

    A day alone beside a weekday ("la noche del viernes 17") is the date that fits nearest
    either the month the story last named (`reference`) or the story's own date: a deadline
    named in passing ("antes del 30 de junio") does not move a Friday of this week."""
    if reading.year is not None and reading.month is not None:
        return _date(reading.year, reading.month, reading.day)
    weekday = mention.weekday.weekday if mention.weekday is not None else None
    value = _nearest(reading.year, reading.month, reading.day, weekday, reference)
    if reading.month is not None or weekday is None or story_date == reference:
        return value
    near_story = _nearest(reading.year, reading.month, reading.day, weekday, story_date)
    if near_story is None or near_story.weekday() != weekday:
        return value
    if value is None or value.weekday() != weekday:
        return near_story
    return near_story if abs(near_story - story_date) < abs(value - reference) else value


@functools.lru_cache(maxsize=4096)  # every version of a story names the same dates
def _nearest(
    year: int | None, month: int | None, day: int, weekday: int | None, centre: dt.date
) -> dt.date | None:
    """The date nearest `centre` with this day (and month, year where known), on `weekday`
    if one is given and a date near enough falls on it; None when none is near enough."""
    near = _values_near(year, month, day, centre)
    options = ([v for v in near if v.weekday() == weekday] if weekday is not None else []) or near
    return min(options, key=lambda v: (abs(v - centre), v)) if options else None


def _values_near(year: int | None, month: int | None, day: int, centre: dt.date) -> list[dt.date]:
    """Every calendar date with this day (and month, year) within half a year of `centre`."""
    if month is not None:
        years = (year,) if year else (centre.year - 1, centre.year, centre.year + 1)
        months = [(y, month) for y in years]
    else:
        months = [
            (centre.year + (centre.month - 1 + k) // 12, (centre.month - 1 + k) % 12 + 1)
            for k in (-1, 0, 1)  # a day alone ("el martes 2") is this month or next door
        ]
    values = [_date(y, m, day) for y, m in months]
    return [value for value in values if value is not None and abs(value - centre) <= WINDOW]


@functools.lru_cache(maxsize=4096)  # a story's dates recur in every version and every story
def _dates_on(
    month: int, day: int, weekday: int | None, first_year: int, last_year: int
) -> tuple[int, ...]:
    """The day number (date.toordinal()) of each date with this month and day in the years
    given, on `weekday` if one is named."""
    values = (_date(year, month, day) for year in range(first_year, last_year + 1))
    return tuple(
        v.toordinal()
        for v in values
        if v is not None and (weekday is None or v.weekday() == weekday)
    )


def _agrees(mention: DateMention, value: dt.date) -> bool:
    return mention.weekday is None or value.weekday() == mention.weekday.weekday


def _has_month(mention: DateMention) -> bool:
    return all(r.month is not None for r in mention.readings)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _order_counts(mentions: Iterable[DateMention]) -> dict[DateOrder, int]:
    counts: dict[DateOrder, int] = {}
    for mention in mentions:
        if (
            mention.form is DateForm.NUMERIC
            and not mention.ambiguous
            and not order_neutral(mention)
            and not mention.borrows_month  # "16" of "16 e 17/12" is written in no order
        ):
            order = mention.readings[0].order
            counts[order] = counts.get(order, 0) + 1
    return counts


def _majority(counts: Mapping[DateOrder, int], tie_break: DateOrder) -> DateOrder | None:
    """The order most of the document's unambiguous dates use; the locale's on a tie."""
    if not counts:
        return None
    most = max(counts.values())
    leaders = [order for order, count in counts.items() if count == most]
    return tie_break if tie_break in leaders else min(leaders, key=lambda o: o.value)


def _examples(mentions: Iterable[DateMention], order: DateOrder) -> str:
    texts = [
        m.text
        for m in mentions
        if m.form is DateForm.NUMERIC
        and not m.ambiguous
        and not order_neutral(m)
        and not m.borrows_month
        and m.readings[0].order is order
    ]
    return ", ".join(texts[:3]) + (", ..." if len(texts) > 3 else "")


def _decided(
    assessments: Sequence[Assessment],
    order: DateOrder,
    order_from: str,
    locale_order: DateOrder,
    order_is_settled: bool,
) -> bool:
    """Whether the evidence settles the reading.

    A weekday, a range's other end or another version always does. Otherwise the document's
    own order does unless a settled locale says the opposite, and a settled locale does on its
    own; a bare language's default (en is month/day, most English is not) never does.
    """
    if len(assessments) < 2:
        return True
    strong = [
        sum(e.weight for e in a.evidence if e.kind in ("weekday", "aligned", "range"))
        for a in assessments
    ]
    if max(strong) != min(strong):
        return True
    if order_from == "document":
        return not (order_is_settled and order is not locale_order)
    return order_is_settled


def _shown(mention: DateMention) -> str:
    if mention.weekday is None:
        return mention.text
    return f"{mention.weekday.text} {mention.text}"
