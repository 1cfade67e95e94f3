"""Date rules: weekdays against their dates, mixed orders, locale conventions, changed days."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from types import MappingProxyType

from reconcile import locale as cldr
from reconcile.model import (
    Assessment,
    CheckedStory,
    DateForm,
    DateMention,
    DateOrder,
    Document,
    Finding,
    Reading,
    ResolvedDate,
    Severity,
    Version,
    WeekdayMention,
)
from reconcile.rules.base import Rule
from reconcile.rules.beads import BySentence
from reconcile.timeline import order_neutral
from reconcile.words import ORDER_WORDS, long_date, weekday_name


class DateWeekdayMismatch(Rule):
    """A weekday written beside a date names another day than the date.

    Anti-pattern: "Monday (11/27)" when 27 November 2025 is a Thursday.
    Best practice: check the weekday against a calendar for the story's year and correct
    whichever of the two is wrong.
    """

    id = "date-weekday-mismatch"
    severity = Severity.ERROR

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for version in story.versions:
            document = version.document
            for resolved in version.timeline.dates:
                mention, weekday = resolved.mention, resolved.mention.weekday
                if weekday is None:
                    continue
                chosen = resolved.assessments[resolved.chosen]
                # Another version's date outweighs the weekday: "segunda-feira (3/11)" makes
                # "Wednesday (11/3)" 3 November, and the Wednesday the slip, though 11 March
                # would fit it.
                told = next((e.note for e in chosen.evidence if e.kind == "aligned"), None)
                if _weekday_fits(resolved) and (told is None or _weekday_fits_reading(chosen)):
                    continue
                value = resolved.value
                if value is None:
                    continue
                readings = " or ".join(
                    f"{long_date(a.value)} is a {weekday_name(a.value.weekday())}"
                    for a in (resolved.assessments if told is None else (chosen,))
                    if a.value is not None
                )
                # With another version's date, the weekday is the slip; alone, either may be.
                advice = "correct the weekday or the date" if told is None else told
                start, end = min(mention.start, weekday.start), max(mention.end, weekday.end)
                fitting = _weekday_like(document, value.weekday(), weekday.text)
                span = document.source.text[start:end]
                if span.count("(") > span.count(")") and document.source.text[end : end + 1] == ")":
                    # "Tuesday (2/12)": the suggestion replaces the whole of it, bracket closed.
                    end += 1
                    span += ")"
                cut = weekday.start - start
                yield self.finding(
                    document,
                    start,
                    end,
                    f"{weekday.text!r} does not fit {mention.text!r}: {readings}, not a "
                    f"{weekday_name(weekday.weekday)}; {advice}",
                    suggestion=span[:cut] + fitting + span[cut + len(weekday.text) :],
                )


class DateOrderMixed(Rule):
    """A document writes most numeric dates in one order and this one in the other.

    Anti-pattern: "Saturday (11/29)" and "Sunday (11/30)" beside "Tuesday (2/12)" meant as 2
    December: a reader of the month/day document takes it as 12 February.
    Best practice: write every numeric date of a document in one order, its locale's; or spell the
    month out.
    """

    id = "date-order-mixed"
    severity = Severity.ERROR

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for version in story.versions:
            timeline = version.timeline
            if timeline.order_from != "document":
                continue
            for resolved in _written_against(version, timeline.order):
                yield self._finding(version, resolved, timeline.order)

    def _finding(self, version: Version, resolved: ResolvedDate, order: DateOrder) -> Finding:
        mention = resolved.mention
        chosen = resolved.assessments[resolved.chosen]
        document_note = next(
            (
                e.note
                for e in resolved.assessments[resolved.reader].evidence
                if e.kind == "document"
            ),
            f"the document writes {ORDER_WORDS[order]}",
        )
        locale = version.document.locale
        if locale.cldr_order is order and cldr.order_is_settled(locale.tag):
            document_note += f", as {locale.tag} writes them"
        written = ORDER_WORDS[chosen.reading.order]
        if mention.ambiguous:
            message = (
                f"{mention.text!r} is written {written}, but {document_note}: a reader takes it as "
                f"{_long(resolved.reader_value)}; {_support(resolved)}"
            )
            severity = Severity.ERROR
        else:
            message = (
                f"{mention.text!r} can only be {written} ({_long(chosen.value)}), but "
                f"{document_note}"
            )
            severity = Severity.WARNING
        return self.finding(
            version.document,
            mention.start,
            mention.end,
            message,
            severity=severity,
            suggestion=rewrite(mention, chosen, order),
        )


class DateLocaleConvention(Rule):
    """A numeric date is written in the order contrary to the document's locale.

    A warning where only one order gives a date ("31/12/2029" cannot be misread); an error
    where both do ("2/4/2025"): a reader of the locale takes it for another day.

    Anti-pattern: "31/12/2029" in en-US copy, or "11/29" in Brazilian copy.
    Best practice: the locale's own order (CLDR), or the month spelled out.
    """

    id = "date-locale-convention"
    severity = Severity.WARNING

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        for version in story.versions:
            locale, timeline = version.document.locale, version.timeline
            if not cldr.order_is_settled(locale.tag):
                continue
            for resolved in _written_against(version, locale.cldr_order):
                chosen = resolved.assessments[resolved.chosen]
                mixed = (
                    timeline.order_from == "document" and chosen.reading.order is not timeline.order
                )
                if mixed:
                    continue  # date-order-mixed reports it, with better evidence
                mention = resolved.mention
                message = (
                    f"{mention.text!r} is written {ORDER_WORDS[chosen.reading.order]} "
                    f"({_long(chosen.value)}), but {locale.tag} writes "
                    f"{ORDER_WORDS[locale.cldr_order]}"
                )
                severity = Severity.WARNING
                if mention.ambiguous:
                    local = next(
                        a for a in resolved.assessments if a.reading.order is locale.cldr_order
                    )
                    message += f": a reader there takes it as {_long(local.value)}"
                    severity = Severity.ERROR
                yield self.finding(
                    version.document,
                    mention.start,
                    mention.end,
                    message,
                    severity=severity,
                    suggestion=rewrite(mention, chosen, locale.cldr_order),
                )


class DateMismatch(Rule):
    """Aligned sentences of two versions name different days.

    Anti-pattern: "3 de diciembre" in the original and "December 4" in the translation; or
    "terça-feira (2/12)" rendered "Tuesday (2/12)" in month/day copy, read as 12 February.
    Best practice: the translation names the same day as the source, in the translation's own order.
    """

    id = "date-mismatch"
    severity = Severity.ERROR

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        source = story.versions[0]
        source_dates, source_weekdays = _dates_by_sentence(source), _weekdays_by_sentence(source)
        # Every comparison needs a date or a weekday in the source sentences: only beads with
        # one are read.
        dated = {r.mention.sentence for r in source.timeline.dates}
        dated.update(w.sentence for w in source.document.weekdays)
        if not dated:
            return
        for alignment, target in zip(story.alignments, story.versions[1:], strict=True):
            target_dates, target_weekdays = (
                _dates_by_sentence(target),
                _weekdays_by_sentence(target),
            )
            for bead in alignment.beads:
                if not bead.target or dated.isdisjoint(bead.source):
                    continue
                ours = source_dates.within(bead.source)
                theirs = target_dates.within(bead.target)
                if ours and theirs:  # else nothing to compare
                    yield from self._compare(source, ours, target, theirs)
                our_weekdays = source_weekdays.within(bead.source)
                their_weekdays = target_weekdays.within(bead.target)
                if our_weekdays and their_weekdays:
                    yield from self._weekdays(source, our_weekdays, target, their_weekdays)

    def _weekdays(
        self,
        source: Version,
        ours: list[WeekdayMention],
        target: Version,
        theirs: list[WeekdayMention],
    ) -> Iterator[Finding]:
        """Weekdays standing alone ("na terça-feira" / "on Wednesday") must name the same day."""
        unmatched_ours = []
        for weekday in ours:
            twin = next((w for w in theirs if w.weekday == weekday.weekday), None)
            if twin is None:
                unmatched_ours.append(weekday)
            else:
                theirs.remove(twin)
        language = cldr.language_name(source.document.locale.language)
        for said, written in zip(unmatched_ours, theirs, strict=False):
            fitting = _weekday_like(target.document, said.weekday, written.text)
            yield self.finding(
                target.document,
                written.start,
                written.end,
                f"the {language} version says {weekday_name(said.weekday)} ({said.text!r}), "
                f"but this version says {weekday_name(written.weekday)} ({written.text!r})",
                related=(source.document.source.locate(said.start, said.end),),
                suggestion=fitting,
            )

    def _compare(
        self,
        source: Version,
        ours: Sequence[ResolvedDate],
        target: Version,
        theirs: Sequence[ResolvedDate],
    ) -> Iterator[Finding]:
        unmatched_theirs = list(theirs)
        unmatched_ours = []
        for resolved in ours:
            twin = next((t for t in unmatched_theirs if _same_day(resolved, t)), None)
            if twin is None:
                unmatched_ours.append(resolved)
            else:
                unmatched_theirs.remove(twin)
        language = cldr.language_name(source.document.locale.language)
        for ours_date, theirs_date in zip(unmatched_ours, unmatched_theirs, strict=False):
            meant, read = ours_date.reader_value, theirs_date.reader_value
            if meant is None or read is None:
                continue
            mention = theirs_date.mention
            said = f"the {language} version says {_long(meant)} ({ours_date.mention.text!r}), "
            # Only a date that reads two ways is a reader's taking; another is another day.
            message = said + (
                f"but a reader of this version takes {mention.text!r} as {_long(read)}"
                if mention.ambiguous
                else f"but this version says {_long(read)} ({mention.text!r})"
            )
            suggestion = None
            intended = next(
                (a for a in theirs_date.assessments if a.value and _same_month_day(a.value, meant)),
                None,
            )
            if intended is not None and mention.ambiguous:
                suggestion = rewrite(mention, intended, target.timeline.order)
            if suggestion is not None:
                order = ORDER_WORDS[target.timeline.order]
                message += f"; written {order} as this version writes dates, it is {suggestion!r}"
            elif intended is None:
                # Another day: the source's date written as this mention writes its own.
                suggestion = _redated(
                    mention, theirs_date.assessments[theirs_date.reader].reading, read, meant
                )
            yield self.finding(
                target.document,
                mention.start,
                mention.end,
                message,
                related=(
                    source.document.source.locate(ours_date.mention.start, ours_date.mention.end),
                ),
                suggestion=suggestion,
            )


class DateAmbiguous(Rule):
    """A numeric date reads two ways and nothing in the story decides which.

    Anti-pattern: "3/4" in an English text with no other numeric date, no weekday and no other
    version: 4 March or 3 April.
    Best practice: spell the month out ("3 April"), or add the weekday.
    """

    id = "date-ambiguous"
    severity = Severity.INFO
    # with_year = false: a date that writes its year (03/04/2025) is left alone, for desks
    # whose house style accepts numeric dates with a year.
    options = MappingProxyType({"with_year": True})

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        with_year = self.option("with_year")
        for version in story.versions:
            for resolved in version.timeline.dates:
                if resolved.decided:
                    continue
                mention = resolved.mention
                if not with_year and all(r.year is not None for r in mention.readings):
                    continue
                readings = " or ".join(
                    _long(a.value) for a in resolved.assessments if a.value is not None
                )
                yield self.finding(
                    version.document,
                    mention.start,
                    mention.end,
                    f"{mention.text!r} can be {readings}; nothing in the story decides which",
                )


def rewrite(mention: DateMention, assessment: Assessment, order: DateOrder) -> str | None:
    """The mention written in `order`, keeping its separator, padding and year."""
    if mention.form is not DateForm.NUMERIC or order is DateOrder.YMD or mention.borrows_month:
        return None  # a day alone ("16" of "16 e 17/12") is written in no order
    reading = assessment.reading
    parts = _numeric_parts(mention)
    day, month = (parts[0], parts[1]) if reading.order is DateOrder.DMY else (parts[1], parts[0])
    first, second = (day, month) if order is DateOrder.DMY else (month, day)
    return _numeric_text(mention, [first, second, *parts[2:]])


def _numeric_parts(mention: DateMention) -> list[str]:
    """A numeric date's numbers as written: "1º/12." -> ["1", "12"]."""
    return mention.text.rstrip(".").replace("º", "").split(mention.separator)


def _numeric_text(mention: DateMention, parts: list[str]) -> str:
    """Numbers joined as the mention joins its own, with its trailing dot ("21.11.")."""
    trailing = "." if mention.text.endswith(".") and len(parts) == 2 else ""
    return mention.separator.join(parts) + trailing


def _redated(mention: DateMention, reading: Reading, read: dt.date, meant: dt.date) -> str | None:
    """The mention rewritten to name `meant` where a reader takes it as `read`, keeping its
    form ("Dec. 4" -> "Dec. 3", "12/4" -> "12/3"); None where that needs words of its own (a
    month name or a year to change)."""
    text = mention.text
    if mention.form is DateForm.NUMERIC and not mention.borrows_month:
        parts = _numeric_parts(mention)
        day_at, month_at = (0, 1) if reading.order is DateOrder.DMY else (1, 0)
        values = {day_at: meant.day, month_at: meant.month}
        if len(parts) > 2:
            if meant.year != read.year and len(parts[2]) != 4:
                return None
            values[2] = meant.year
        written = [
            f"{values[k]:0{len(part)}d}" if k in values else part for k, part in enumerate(parts)
        ]
        return _numeric_text(mention, written)
    if (meant.month, meant.year) != (read.month, read.year):
        return None
    day = re.compile(rf"(?<!\d){read.day}(?!\d)")
    if len(day.findall(text)) != 1:
        return None
    return day.sub(str(meant.day), text)


def _weekday_like(document: Document, weekday: int, like: str) -> str:
    """A weekday's name in the document's language, capitalised as `like` is."""
    name = cldr.weekday_in(document.locale.language, weekday)
    return name[:1].upper() + name[1:] if like[:1].isupper() else name


def _written_against(version: Version, order: DateOrder) -> Iterator[ResolvedDate]:
    """Numeric dates whose meant reading is in the order other than `order`.

    A day that borrows its month is left out: the date that writes the month is reported.
    """
    for resolved in version.timeline.dates:
        mention = resolved.mention
        if mention.form is not DateForm.NUMERIC or order_neutral(mention) or mention.borrows_month:
            continue
        if resolved.assessments[resolved.chosen].reading.order is not order:
            yield resolved


def _support(resolved: ResolvedDate) -> str:
    """Why the chosen reading wins, in the words of its evidence."""
    chosen = resolved.assessments[resolved.chosen]
    reader = resolved.assessments[resolved.reader]
    reader_weights = {e.kind: e.weight for e in reader.evidence}
    notes = []
    for kind in ("weekday", "reference", "aligned"):
        notes += [
            e.note
            for e in chosen.evidence
            if e.kind == kind and e.weight > reader_weights.get(kind, 0)
        ]
        if kind == "weekday":
            against = [e.note for e in reader.evidence if e.kind == kind and e.weight < 0]
            if notes and against:
                notes[-1] += f" ({against[0]})"
            else:
                notes += against
    # A range the reader's reading runs backwards ("between 12/11 and 11/21").
    notes = [e.note for e in reader.evidence if e.kind == "range" and e.weight < 0] + notes
    reason = "; ".join(notes) if notes else "the evidence supports it"
    chosen_weights = {e.kind: e.weight for e in chosen.evidence}
    if (
        reader_weights.get("weekday", 0) < 0
        and reader_weights.get("reference", 0) > chosen_weights.get("reference", 0)
        and "aligned" not in chosen_weights
    ):
        # Only the weekday speaks for the chosen reading, and the story's dates against it:
        # the weekday may be the slip ("Wednesday (11/3)" for Monday 3 November).
        reason += (
            f"; unless the weekday is wrong: {_long(reader.value)} is nearer the story's dates"
        )
    return f"it means {_long(chosen.value)}: {reason}"


def _weekday_fits(resolved: ResolvedDate) -> bool:
    return any(_weekday_fits_reading(a) for a in resolved.assessments)


def _weekday_fits_reading(assessment: Assessment) -> bool:
    return any(e.kind == "weekday" and e.weight > 0 for e in assessment.evidence)


def _dates_by_sentence(version: Version) -> BySentence[ResolvedDate]:
    return BySentence(version.timeline.dates, lambda r: r.mention.sentence)


def _weekdays_by_sentence(version: Version) -> BySentence[WeekdayMention]:
    return BySentence(version.document.weekdays, lambda w: w.sentence)


def _same_day(ours: ResolvedDate, theirs: ResolvedDate) -> bool:
    meant, read = ours.reader_value, theirs.reader_value
    if meant is None or read is None:
        return True  # nothing to compare
    if ours.mention.form is DateForm.DAY or theirs.mention.form is DateForm.DAY:
        return meant.day == read.day
    years = ours.mention.readings[0].year, theirs.mention.readings[0].year
    if None not in years and years[0] != years[1]:
        return False
    return _same_month_day(meant, read)


def _same_month_day(a: dt.date, b: dt.date) -> bool:
    return (a.month, a.day) == (b.month, b.day)


def _long(value: dt.date | None) -> str:
    return long_date(value) if value else "no valid date"
