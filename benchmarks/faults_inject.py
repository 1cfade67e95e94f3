"""The fault injectors of faults.py: every place in a translation where one typed fault fits.

Each injector looks at one target version of an untouched story (its document, timeline and
alignment to the source) and returns every candidate fault in text order; faults.py samples
among them. A fault is an edit of the file's original text (markup and all), so that the
pipeline reads the faulty copy exactly as it would read a user's file.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from babel import Locale

from reconcile.model import (
    Alignment,
    DateForm,
    DateMention,
    DateOrder,
    Document,
    Timeline,
    WeekdayMention,
)


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault injected into one file: where it is in the faulty copy, and what changed."""

    type: str
    story: str
    file: str  # the faulty version's file name
    line: int  # 1-based, in the faulty copy
    column: int
    end_line: int
    end_column: int
    before: str
    after: str
    text: str  # the faulty copy's whole original text
    # Where else a finding may point and still be at the right place: (file name, line),
    # e.g. the source sentence a dropped sentence translated.
    also: tuple[tuple[str, int], ...] = ()
    removed_line: int = 0  # a line the fault deleted (later lines moved up by one), or 0


@dataclass(frozen=True, slots=True)
class Target:
    """What an injector sees: one untouched translation and the source it was aligned to."""

    story: str
    file: str
    source_file: str
    document: Document
    timeline: Timeline
    source: Document
    alignment: Alignment
    donors: tuple[str, ...] = field(default=())  # sentences of other stories, same language


Injector = Callable[[Target], list[Fault]]

# Fault type -> the rule families whose findings count as finding it.
FAMILIES: dict[str, tuple[str, ...]] = {
    "figure-changed": ("number-",),
    "scale-word-changed": ("number-",),
    "decimal-separator-source": ("number-",),
    "date-day-month-swapped": ("date-",),
    "date-moved": ("date-",),
    "date-moved-with-weekday": ("date-",),
    "weekday-changed": ("date-",),
    "sentence-dropped": ("segment-",),
    "sentence-added": ("segment-",),
    "name-letter-changed": ("name-",),
    "name-diacritics-dropped": ("name-",),
    "quote-figure-changed": ("number-", "quote-"),
    "quote-dropped": ("quote-",),
    "sentence-untranslated": ("language-",),
    "link-changed": ("link-",),
}

_FIGURE = re.compile(r"(?<![\w/:.,\-@#])\d+(?:[.,\u00a0\u202f]\d+)*(?![\w/:@]|[.,]\d)")
_TIME_AFTER = re.compile(r"\s?(?:h\b|Uhr|am\b|pm\b|a\.m\.|p\.m\.)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*[^\W\d_]")
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+[^\s<>\"“”«».,;:!?)\]’]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@/])@\w{2,}"
)
_VOWELS = "aeiou"
_CONSONANTS = "bcdfgklmnprstv"
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”»’)]*$")

# Scale words and what a slip turns each into, per language (case as written).
_SCALES: dict[str, dict[str, str]] = {
    "en": {"million": "billion", "billion": "million", "trillion": "billion", "bn": "m"},
    "pt": {
        "milhão": "bilhão",
        "milhões": "bilhões",
        "bilhão": "milhão",
        "bilhões": "milhões",
        "mil": "milhões",
        "trilhões": "bilhões",
    },
    "es": {
        "millón": "billón",
        "millones": "mil millones",
        "mil millones": "millones",
        "billones": "millones",
    },
    "fr": {
        "million": "milliard",
        "millions": "milliards",
        "milliard": "million",
        "milliards": "millions",
    },
    "de": {
        "Million": "Milliarde",
        "Millionen": "Milliarden",
        "Milliarde": "Million",
        "Milliarden": "Millionen",
        "Mio.": "Mrd.",
        "Mrd.": "Mio.",
    },
    "it": {
        "milione": "miliardo",
        "milioni": "miliardi",
        "miliardo": "milione",
        "miliardi": "milioni",
    },
}


# --- editing ---------------------------------------------------------------------------------


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _edit(
    target: Target,
    kind: str,
    edits: Sequence[tuple[int, int, str]],
    *,
    also: tuple[tuple[str, int], ...] = (),
    drop_line: bool = False,
) -> Fault:
    """Apply edits given as (start, end, replacement) offsets into the document's text."""
    source = target.document.source
    original = source.original
    spans = sorted((source.origin[s], source.origin[e], r) for s, e, r in edits)
    before = original[spans[0][0] : spans[-1][1]]
    pieces, cursor = [], 0
    for start, end, replacement in spans:
        pieces.append(original[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(original[cursor:])
    text = "".join(pieces)
    start = spans[0][0]
    end = start + len(before) + sum(len(r) - (e - s) for s, e, r in spans)
    removed = 0
    if drop_line:
        # The edit emptied its line: take the line out, as an editor deleting it would.
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        if line_end >= 0 and not text[line_start:line_end].strip():
            removed = text.count("\n", 0, line_start) + 1
            text = text[:line_start] + text[line_end + 1 :]
            start = end = line_start
    line, column = _position(text, start)
    end_line, end_column = _position(text, end)
    return Fault(
        kind,
        target.story,
        target.file,
        line,
        column,
        end_line,
        end_column,
        before,
        text[start:end],
        text,
        also,
        removed,
    )


def _taken(document: Document) -> list[tuple[int, int]]:
    """Spans whose digits are not plain figures: dates and links."""
    spans = [(d.start, d.end) for d in document.dates]
    spans += [(m.start(), m.end()) for m in _LINK.finditer(document.source.text)]
    return spans


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _figures(document: Document, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Figures between two offsets: not dates, links, years or times of day."""
    text = document.source.text
    taken = _taken(document)
    for match in _FIGURE.finditer(text, lo, hi):
        if _inside(match.start(), match.end(), taken):
            continue
        if _YEAR.fullmatch(match.group()) or _TIME_AFTER.match(text, match.end()):
            continue
        yield match


def _mutated_figure(match: re.Match[str], salt: int) -> tuple[int, str]:
    """One digit of a figure changed; which one and to what depends on `salt` only."""
    digits = [i for i, c in enumerate(match.group()) if c.isdigit()]
    index = digits[salt % len(digits)]
    old = match.group()[index]
    choices = [d for d in "0123456789" if d != old and not (index == 0 and d == "0")]
    new = choices[(salt // 7) % len(choices)]
    return match.start() + index, new


def _salt(*parts: object) -> int:
    """A deterministic number from the fault's place (hash() is salted per process)."""
    total = 0
    for char in "|".join(str(p) for p in parts):
        total = (total * 131 + ord(char)) % 1_000_003
    return total


# --- figures ---------------------------------------------------------------------------------


def figure_changed(target: Target) -> list[Fault]:
    document = target.document
    quoted = [(q.start, q.end) for q in document.quotes]
    faults = []
    for match in _figures(document, 0, len(document.source.text)):
        if _inside(match.start(), match.end(), quoted):
            continue
        at, digit = _mutated_figure(match, _salt(target.file, match.start()))
        faults.append(_edit(target, "figure-changed", [(at, at + 1, digit)]))
    return faults


def quote_figure_changed(target: Target) -> list[Fault]:
    document = target.document
    faults = []
    for quote in document.quotes:
        if quote.depth:
            continue
        for match in _figures(document, quote.start, quote.end):
            at, digit = _mutated_figure(match, _salt(target.file, match.start()))
            faults.append(_edit(target, "quote-figure-changed", [(at, at + 1, digit)]))
    return faults


def scale_word_changed(target: Target) -> list[Fault]:
    table = _SCALES.get(target.document.locale.language, {})
    if not table:
        return []
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    text = target.document.source.text
    faults = []
    for match in pattern.finditer(text):
        if not re.search(r"\d", text[max(0, match.start() - 12) : match.start()]):
            continue  # a scale word with no figure before it ("a million reasons")
        replacement = table[match.group(1)]
        faults.append(
            _edit(target, "scale-word-changed", [(match.start(), match.end(), replacement)])
        )
    return faults


def decimal_separator_source(target: Target) -> list[Fault]:
    mine = _decimal_mark(target.document)
    theirs = _decimal_mark(target.source)
    if mine == theirs:
        return []
    pattern = re.compile(r"(?<![\d.,])\d+(" + re.escape(mine) + r")\d{1,2}(?![\d]|[.,]\d)")
    document = target.document
    text = document.source.text
    taken = _taken(document)
    faults = []
    for match in pattern.finditer(text):
        if _inside(match.start(), match.end(), taken) or _TIME_AFTER.match(text, match.end()):
            continue
        at = match.start(1)
        faults.append(_edit(target, "decimal-separator-source", [(at, at + 1, theirs)]))
    return faults


def _decimal_mark(document: Document) -> str:
    if document.number_style is not None:
        return document.number_style.decimal
    symbol = Locale.parse(document.locale.tag.replace("-", "_")).number_symbols
    return str(symbol.get("latn", symbol).get("decimal", "."))


# --- dates -----------------------------------------------------------------------------------


def date_day_month_swapped(target: Target) -> list[Fault]:
    faults = []
    for mention in target.document.dates:
        if mention.form is not DateForm.NUMERIC or not mention.separator:
            continue
        parts = mention.text.split(mention.separator)
        if len(parts) < 2 or parts[0] == parts[1] or not parts[1]:
            continue
        swapped = mention.separator.join([parts[1], parts[0], *parts[2:]])
        faults.append(
            _edit(target, "date-day-month-swapped", [(mention.start, mention.end, swapped)])
        )
    return faults


def date_moved(target: Target) -> list[Fault]:
    faults = []
    for resolved in target.timeline.dates:
        moved = _moved_day(resolved.mention, target.timeline, resolved.chosen)
        if moved is not None:
            start, end, text, _ = moved
            faults.append(_edit(target, "date-moved", [(start, end, text)]))
    return faults


def date_moved_with_weekday(target: Target) -> list[Fault]:
    faults = []
    language = target.document.locale.language
    for resolved in target.timeline.dates:
        weekday = resolved.mention.weekday
        moved = _moved_day(resolved.mention, target.timeline, resolved.chosen)
        if weekday is None or moved is None:
            continue
        start, end, text, step = moved
        name = _weekday_as_written(weekday, (weekday.weekday + step) % 7, language)
        if name is None:
            continue
        edits = [(start, end, text), (weekday.start, weekday.end, name)]
        faults.append(_edit(target, "date-moved-with-weekday", edits))
    return faults


def weekday_changed(target: Target) -> list[Fault]:
    document = target.document
    language = document.locale.language
    weekdays = [d.weekday for d in document.dates if d.weekday] + list(document.weekdays)
    faults = []
    text = document.source.text
    for weekday in sorted(weekdays, key=lambda w: w.start):
        assert weekday is not None
        if _in_name(text, weekday.start):
            continue  # "Black Friday", "Super Tuesday": a name, not a day
        step = 1 + _salt(target.file, weekday.start) % 5
        name = _weekday_as_written(weekday, (weekday.weekday + step) % 7, language)
        if name is not None:
            edit = [(weekday.start, weekday.end, name)]
            faults.append(_edit(target, "weekday-changed", edit))
    return faults


def _in_name(text: str, start: int) -> bool:
    """Whether a capitalised word that does not start a sentence stands just before."""
    window = text[max(0, start - 60) : start]
    match = re.search(r"([^\W\d_][\w-]*)\s+$", window)
    if match is None or not match.group(1)[:1].isupper():
        return False
    return not re.search(r"(?:^|[.!?:\n\-–—])\s*$", window[: match.start()])


def _moved_day(
    mention: DateMention, timeline: Timeline, chosen: int
) -> tuple[int, int, str, int] | None:
    """The date's day-of-month digits moved by one day: (start, end, new digits, +1 or -1)."""
    reading = mention.readings[chosen]
    day = reading.day
    resolved = next((r for r in timeline.dates if r.mention is mention), None)
    value = resolved.value if resolved else None
    month = value.month if value else reading.month
    year = value.year if value else (reading.year or 2025)
    if month is None:
        month = 1
    last = calendar.monthrange(year, month)[1]
    step = 1 if day < last else -1
    digits = list(re.finditer(r"\d+", mention.text))
    if not digits:
        return None
    if mention.form is DateForm.NUMERIC:
        index = {DateOrder.DMY: 0, DateOrder.MDY: 1, DateOrder.YMD: 2}[reading.order]
    elif mention.form is DateForm.ISO:
        index = 2
    else:
        index = next((i for i, m in enumerate(digits) if int(m.group()) == day), -1)
    if not 0 <= index < len(digits) or int(digits[index].group()) != day:
        return None
    match = digits[index]
    new = str(day + step).zfill(len(match.group()))
    start = mention.start + match.start()
    return start, start + len(match.group()), new, step


def _weekday_as_written(weekday: WeekdayMention, new: int, language: str) -> str | None:
    """Weekday `new` in the form (width, compound head, capital) the text wrote `weekday` in."""
    written = weekday.text.strip()
    plain = written.lower().rstrip(".")
    days = Locale.parse(language).days
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated", "short"):
            names = days[context][width]
            for number, name in names.items():
                name = str(name).lower().rstrip(".")
                if number != weekday.weekday:
                    continue
                if plain == name:
                    replacement = str(names[new]).lower()
                elif plain == name.split("-")[0]:
                    replacement = str(names[new]).lower().split("-")[0]
                else:
                    continue
                if written.endswith(".") and not replacement.endswith("."):
                    replacement += "."
                if written[:1].isupper():
                    replacement = replacement[:1].upper() + replacement[1:]
                return replacement
    return None


# --- sentences -------------------------------------------------------------------------------


def _source_lines(target: Target, sentence: int) -> tuple[tuple[str, int], ...]:
    """The source lines of the sentences the untouched alignment paired with this one."""
    source = target.source
    lines = []
    for bead in target.alignment.beads:
        if sentence in bead.target:
            for index in bead.source:
                line, _ = source.source.position(source.sentences[index].start)
                lines.append((target.source_file, line))
    return tuple(lines)


def sentence_dropped(target: Target) -> list[Fault]:
    document = target.document
    text = document.source.text
    if len(document.sentences) < 2:
        return []
    faults = []
    for sentence in document.sentences:
        end = sentence.end
        while end < len(text) and text[end] in " \t":
            end += 1
        alone = _alone_on_line(text, sentence.start, sentence.end)
        faults.append(
            _edit(
                target,
                "sentence-dropped",
                [(sentence.start, end, "")],
                also=_source_lines(target, sentence.index),
                drop_line=alone,
            )
        )
    return faults


def _alone_on_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip()


def sentence_added(target: Target) -> list[Fault]:
    if not target.donors:
        return []
    faults = []
    for sentence in target.document.sentences:
        if not _ENDS_SENTENCE.search(sentence.text):
            continue  # after a headline, an added sentence would run into it
        donor = target.donors[_salt(target.file, sentence.start) % len(target.donors)]
        at = sentence.end
        faults.append(_edit(target, "sentence-added", [(at, at, " " + donor)]))
    return faults


def sentence_untranslated(target: Target) -> list[Fault]:
    if target.document.locale.language == target.source.locale.language:
        return []
    faults = []
    for bead in target.alignment.beads:
        if len(bead.source) != 1 or len(bead.target) != 1:
            continue
        mine = target.document.sentences[bead.target[0]]
        theirs = target.source.sentences[bead.source[0]]
        if not _ENDS_SENTENCE.search(mine.text):
            continue  # a headline: often names and figures only
        faults.append(_edit(target, "sentence-untranslated", [(mine.start, mine.end, theirs.text)]))
    return faults


# --- names -----------------------------------------------------------------------------------


def _shared_names(target: Target) -> Iterator[re.Match[str]]:
    """Capitalised words written the same way in the source: the story's names.

    Sentence-initial words, words the translation also writes in lower case, month and weekday
    names and words inside links are left out, so that "The" or "Die" shared by two versions
    is no name.
    """
    document = target.document
    text = document.source.text
    source_words = {m.group() for m in _WORD.finditer(target.source.source.text)}
    lower = {m.group() for m in _WORD.finditer(text) if m.group()[:1].islower()}
    starts = {s.start for s in document.sentences}
    calendar_words = {d.text.lower() for d in document.dates} | {
        w.text.lower() for w in document.weekdays
    }
    links = [(m.start(), m.end()) for m in _LINK.finditer(text)]
    for match in _WORD.finditer(text):
        word = match.group()
        if _inside(match.start(), match.end(), links):
            continue  # "@LuisCaputoAR" is a link; changing it is link-changed
        if len(word) < 4 or not word[:1].isupper() or word.isupper():
            continue
        if word not in source_words or word.lower() in lower or match.start() in starts:
            continue
        if any(word.lower() in c for c in calendar_words):
            continue
        yield match


def name_letter_changed(target: Target) -> list[Fault]:
    faults = []
    for match in _shared_names(target):
        word = match.group()
        salt = _salt(target.file, match.start())
        positions = [i for i in range(1, len(word)) if word[i].isalpha() and word[i].islower()]
        if not positions:
            continue
        index = positions[salt % len(positions)]
        old = unicodedata.normalize("NFD", word[index])[0]
        pool = _VOWELS if old in _VOWELS else _CONSONANTS
        choices = [c for c in pool if c != old]
        new = choices[(salt // 11) % len(choices)]
        at = match.start() + index
        faults.append(_edit(target, "name-letter-changed", [(at, at + 1, new)]))
    return faults


def name_diacritics_dropped(target: Target) -> list[Fault]:
    faults = []
    for match in _shared_names(target):
        word = match.group()
        bare = "".join(
            c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
        )
        bare = unicodedata.normalize("NFC", bare)
        if bare != word:
            edit = [(match.start(), match.end(), bare)]
            faults.append(_edit(target, "name-diacritics-dropped", edit))
    return faults


# --- quotes and links ------------------------------------------------------------------------


def quote_dropped(target: Target) -> list[Fault]:
    text = target.document.source.text
    faults = []
    for quote in target.document.quotes:
        if quote.depth:
            continue
        start, end = quote.start, quote.end
        # Take the punctuation and space that joined the quotation to its sentence with it.
        while end < len(text) and text[end] in ",:;" and end - quote.end < 1:
            end += 1
        if end < len(text) and text[end] == " ":
            end += 1
        elif start > 0 and text[start - 1] == " ":
            start -= 1
        faults.append(_edit(target, "quote-dropped", [(start, end, "")]))
    return faults


def link_changed(target: Target) -> list[Fault]:
    faults = []
    for match in _LINK.finditer(target.document.source.text):
        link = match.group()
        head = link.find("://") + 3 if "://" in link else link.find("@") + 1
        positions = [i for i in range(head, len(link)) if link[i].isalpha() and link[i].islower()]
        if not positions:
            continue
        salt = _salt(target.file, match.start())
        index = positions[salt % len(positions)]
        choices = [c for c in "abcdefghijklmnopqrstuvwxyz" if c != link[index]]
        at = match.start() + index
        edit = [(at, at + 1, choices[(salt // 13) % len(choices)])]
        faults.append(_edit(target, "link-changed", edit))
    return faults


INJECTORS: dict[str, Injector] = {
    "figure-changed": figure_changed,
    "scale-word-changed": scale_word_changed,
    "decimal-separator-source": decimal_separator_source,
    "date-day-month-swapped": date_day_month_swapped,
    "date-moved": date_moved,
    "date-moved-with-weekday": date_moved_with_weekday,
    "weekday-changed": weekday_changed,
    "sentence-dropped": sentence_dropped,
    "sentence-added": sentence_added,
    "name-letter-changed": name_letter_changed,
    "name-diacritics-dropped": name_diacritics_dropped,
    "quote-figure-changed": quote_figure_changed,
    "quote-dropped": quote_dropped,
    "sentence-untranslated": sentence_untranslated,
    "link-changed": link_changed,
}
assert set(INJECTORS) == set(FAMILIES)
