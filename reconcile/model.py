"""The data model shared by every stage: texts, sentences, facts, beads, findings, reports."""

from __future__ import annotations

import datetime as dt
import enum
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class DateOrder(enum.Enum):
    """The order of day and month in a numeric date."""

    MDY = "MDY"
    DMY = "DMY"
    YMD = "YMD"


class InputError(Exception):
    """A file the user gave cannot be used; the message names the file and the cause."""

    def __init__(self, path: str, cause: str) -> None:
        super().__init__(f"{path}: {cause}")
        self.path = path
        self.cause = cause


# What a bug guard lets through: the user stopping the run. Everything else raised while
# checking a story is an internal error, including a native library's panic, which pyo3 raises
# as a BaseException so that `except Exception` misses it (sentencex did, on "M\u00a0.").
STOPS = (KeyboardInterrupt, SystemExit, GeneratorExit)


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int  # 1-based, in the original file
    column: int  # 1-based, in code points of the original line
    end_line: int
    end_column: int  # exclusive: the column just after the last character
    excerpt: str
    line_text: str = ""  # the whole original line the span starts on, for showing it in context


@dataclass(frozen=True, slots=True)
class SourceText:
    """A file's text as the pipeline reads it, with a map back to the original file.

    `text` is NFC, has LF line ends, no BOM and no markup. `origin[i]` is the offset in
    `original` (the decoded file, BOM removed) of `text[i]`; it has len(text) + 1 entries so
    that an end offset maps too.
    """

    path: str
    text: str
    original: str
    origin: Sequence[int]  # a run-length map (load.origin.Origin) or a tuple
    line_starts: tuple[int, ...]  # offsets in `original` where each line begins
    metadata: tuple[tuple[str, str], ...] = ()  # e.g. (("lang", "pt-BR"), ("date", "2025-12-01"))
    encoding: str = "utf-8"  # how the file was decoded
    encoding_guessed: bool = False  # True when no BOM and no valid UTF-8 said so
    # Translation units (XLIFF): (unit id, start, end) offsets into `text`, in file order.
    units: tuple[tuple[str, int, int], ...] = ()

    def meta(self, key: str) -> str | None:
        return next((value for name, value in self.metadata if name == key), None)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of an offset into `text`."""
        original_offset = self.origin[offset]
        line = bisect_right(self.line_starts, original_offset)
        return line, original_offset - self.line_starts[line - 1] + 1

    def locate(self, start: int, end: int) -> Location:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        excerpt = self.original[self.origin[start] : self.origin[end]]
        line_start = self.line_starts[line - 1]
        line_end = self.original.find("\n", line_start)
        line_text = self.original[line_start : line_end if line_end >= 0 else len(self.original)]
        return Location(
            self.path, line, column, end_line, end_column, excerpt, line_text.rstrip("\r")
        )


@dataclass(frozen=True, slots=True)
class LocaleInfo:
    language: str  # "pt"
    tag: str  # "pt-BR", or "en" when no region is known
    source: str  # "option" | "metadata" | "file-name" | "detected"
    cldr_order: DateOrder  # day/month order of CLDR's `Md` skeleton for this locale


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int  # 0-based within the document
    paragraph: int  # 0-based within the document
    start: int  # offsets into SourceText.text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class WeekdayMention:
    start: int
    end: int
    text: str
    weekday: int  # 0 = Monday, as datetime.date.weekday()
    sentence: int


class DateForm(enum.Enum):
    NUMERIC = "numeric"  # 2/12, 29/11/2025, 21.11.2025, 21.11.
    ISO = "iso"  # 2025-11-21
    NAMED = "named"  # 21 de novembro, November 21, Nov. 21, 21. November
    DAY = "day"  # "el martes 2": a day of the month named beside its weekday


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a date mention."""

    order: DateOrder
    month: int | None  # None for DateForm.DAY
    day: int
    year: int | None  # only when the text writes the year


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into SourceText.text
    end: int
    text: str
    sentence: int
    form: DateForm
    readings: tuple[Reading, ...]  # every valid reading; exactly one for unambiguous forms
    weekday: WeekdayMention | None = None  # a weekday written beside the date
    separator: str = ""  # "/", ".", "-" for numeric forms
    # A day of a range or pair whose month (and year) the date beside it writes: the "8" of
    # "8 e 9 de dezembro", the "2" of "2.-4.12."; its text is the day alone.
    borrows_month: bool = False

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason to prefer (weight > 0) or reject (weight < 0) a reading."""

    kind: str  # "locale" | "document" | "weekday" | "range" | "reference" | "aligned"
    weight: float
    note: str  # a phrase for messages: "Tuesday fits only 2 December 2025"


@dataclass(frozen=True, slots=True)
class Assessment:
    reading: Reading
    value: dt.date | None  # the reading with its year resolved; None if no year makes it valid
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    mention: DateMention
    assessments: tuple[Assessment, ...]  # one per reading, in mention.readings order
    chosen: int  # index of the reading the evidence supports
    reader: int  # index of the reading a reader of this document takes (its own convention)
    decided: bool  # False when no evidence separates the readings

    @property
    def value(self) -> dt.date | None:
        return self.assessments[self.chosen].value

    @property
    def reader_value(self) -> dt.date | None:
        return self.assessments[self.reader].value


@dataclass(frozen=True, slots=True)
class Timeline:
    """A document's dates resolved against each other and the story's reference date."""

    reference_date: dt.date
    reference_from: str  # "option" | "metadata" | "inferred" | "today"
    reference_note: str  # where it came from, for the report
    order: DateOrder  # the order this document writes numeric dates in (its own, else CLDR's)
    order_from: str  # "document" | "locale"
    order_counts: tuple[tuple[DateOrder, int], ...]  # unambiguous numeric dates per order
    dates: tuple[ResolvedDate, ...]


@dataclass(frozen=True, slots=True)
class Document:
    source: SourceText
    locale: LocaleInfo
    sentences: tuple[Sentence, ...]
    dates: tuple[DateMention, ...]
    weekdays: tuple[WeekdayMention, ...]  # weekdays that stand alone, with no date beside them
    names: tuple[NameMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    links: tuple[LinkMention, ...] = ()
    numbers: tuple[NumberMention, ...] = ()
    number_style: NumberStyle | None = None  # how the document writes decimals; None: no numbers

    @property
    def path(self) -> str:
        return self.source.path


@dataclass(frozen=True, slots=True)
class Bead:
    source: tuple[int, ...]  # sentence indexes, ascending
    target: tuple[int, ...]
    score: float  # 0 (no support) .. 1 (certain)


@dataclass(frozen=True, slots=True)
class Alignment:
    source_path: str
    target_path: str
    beads: tuple[Bead, ...]


@dataclass(frozen=True, slots=True)
class Version:
    document: Document
    timeline: Timeline
    role: str  # "source" | "target"


@dataclass(frozen=True, slots=True)
class CheckedStory:
    """What the rules see: every version resolved, and each target aligned to the source."""

    id: str
    versions: tuple[Version, ...]  # versions[0] is the source
    alignments: tuple[Alignment, ...]  # alignments[i] pairs versions[0] with versions[i + 1]


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Location, ...] = ()
    suggestion: str | None = None

    def sort_key(self) -> tuple[object, ...]:
        """Place first, then every other field: two findings at one place with one message
        (a figure missing twice, each against another source figure) keep one order."""
        loc = self.location
        spans = [(r.path, r.line, r.column, r.end_line, r.end_column) for r in self.related]
        return (
            loc.path,
            loc.line,
            loc.column,
            self.rule,
            self.message,
            loc.end_line,
            loc.end_column,
            spans,
            self.suggestion or "",
        )


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    path: str
    role: str
    language: str
    locale: str
    date_order: str
    reference_date: str
    reference_date_from: str
    reference_date_note: str


@dataclass(frozen=True, slots=True)
class StoryReport:
    id: str
    documents: tuple[DocumentSummary, ...]
    findings: tuple[Finding, ...]  # sorted by Finding.sort_key
    error: StoryError | None = None  # set when the story could not be checked (batch)
    suppressed: int = 0  # findings dropped by configuration, inline directives or baseline
    baselined: tuple[str, ...] = ()  # fingerprints of the baseline entries that dropped one


@dataclass(frozen=True, slots=True)
class Report:
    stories: tuple[StoryReport, ...]
    rules: tuple[RuleInfo, ...] = ()  # the registry's documentation, for SARIF

    def count(self, severity: Severity) -> int:
        return sum(1 for s in self.stories for f in s.findings if f.severity is severity)


@dataclass(frozen=True, slots=True)
class StoryError:
    """Why a story of a batch could not be checked: the file and the cause."""

    path: str
    cause: str


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A rule's documentation as formatters see it, so that report never imports rules."""

    id: str
    severity: Severity
    summary: str
    anti_pattern: str
    best_practice: str


@dataclass(frozen=True, slots=True)
class NameMention:
    """A proper name: capitalised words, with particles between them ("Lula da Silva")."""

    start: int  # offsets into SourceText.text
    end: int
    text: str
    sentence: int
    key: str  # accent-folded and case-folded, for matching across versions
    entity: str | None = None  # a CLDR place, currency or language: "territory:US"
    # Its capital proves little: it starts a sentence or clause, stands in a headline, or the
    # language capitalises every noun (German). Rules compare weak names only to firm ones.
    weak: bool = False


@dataclass(frozen=True, slots=True)
class QuoteMention:
    """A quotation between quote marks; `start`/`end` include the marks."""

    start: int  # offsets into SourceText.text
    end: int
    text: str  # the words between the marks
    sentence: int  # the sentence the opening mark is in
    last_sentence: int  # the sentence the closing mark is in
    opening: str
    closing: str
    depth: int = 0  # 0 for an outer quotation, 1 for one nested inside it


@dataclass(frozen=True, slots=True)
class LinkMention:
    """A URL, e-mail address, social media handle or hashtag."""

    start: int  # offsets into SourceText.text
    end: int
    text: str
    sentence: int
    kind: str  # "url" | "email" | "handle" | "hashtag"
    key: str  # the form compared across versions (case-folded where case does not matter)
    # The target of a Markdown or HTML link, which the markup hid: `text` is the target, and
    # start:end the link's text ("[the ministry's page](https://...)").
    markup: bool = False


class NumberKind(enum.Enum):
    """What a figure is; the number rules ignore times and identifiers."""

    CARDINAL = "cardinal"  # 1.500 pessoas, three ministers, 2,5 milhões
    PERCENT = "percent"  # 2,5%, cinco por cento, 3 Prozentpunkte (unit "pp")
    MONEY = "money"  # R$ 1,5 bilhão, mil millones de dólares, £3bn
    MEASURE = "measure"  # 100 km, 40 °C
    ORDINAL = "ordinal"  # 1º, 21st, primeiro
    YEAR = "year"  # 2025 alone
    FRACTION = "fraction"  # 2/3
    TIME = "time"  # 9h30, 10:45, 9.30 Uhr; compared only with times (rules/times.py)
    IDENTIFIER = "identifier"  # Lei 14.133/2021, nº 5, ISBN, phone numbers, G20


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A figure with its value as a reader of its document takes it."""

    start: int  # offsets into SourceText.text: the whole expression ("R$ 1,5 bilhão")
    end: int
    text: str
    sentence: int
    kind: NumberKind
    value: Decimal  # scale applied: "1,5 bilhão" -> 1500000000; a time: minutes after midnight
    upper: Decimal | None = None  # the upper end of a range ("10 a 12 mil")
    unit: str = ""  # "%", "pp", a currency ("BRL", "USD", "$"), a unit ("km", "°C")
    scale: str = ""  # the scale word as written: "bilhão", "billion", "bn"
    scale_value: int = 1
    spelled: bool = False  # written in words ("três", "mil millones")
    numeral: str = ""  # the figure's digits as written ("1.500"); "" when spelled
    numeral_start: int = -1
    numeral_end: int = -1
    decimal_mark: str = ""  # the separator read as the decimal mark; "" for whole numbers
    ambiguous: bool = False  # "1.500": the separator reads both ways; the document decided
    # The value under the other reading, when ambiguous; for a time, the other half of the
    # day's, when nothing says which ("alle 4": 240, alternative 960).
    alternative: Decimal | None = None


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """Which mark a document uses for decimals, and why."""

    decimal: str  # "," or "."
    source: str  # "document" (its own unambiguous figures) or "locale" (CLDR)
    locale_decimal: str  # CLDR's decimal symbol for the document's locale
    locale_settled: bool  # whether the locale fixes it (pt-BR, en-US; not bare "es")
    evidence: tuple[tuple[str, int], ...]  # unambiguous figures per decimal mark
