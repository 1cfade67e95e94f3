"""Language and locale of a document; every CLDR fact the pipeline uses comes from here."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.localedata import locale_identifiers
from babel.numbers import format_decimal
from langdetect import DetectorFactory, detect, detector_factory
from langdetect.lang_detect_exception import LangDetectException

from reconcile.model import DateOrder, InputError, LocaleInfo, SourceText

# langdetect samples n-grams at random; a fixed seed gives the same answer on every run.
DetectorFactory.seed = 0

# langdetect's cost grows with the text; the opening of a story is enough to tell its language.
_DETECT_CHARS = 10_000

# A file-name part that may be a locale: a 2-3 letter language in lower case (so that a
# capitalised word or a region alone, "BR", is not taken for one), then an optional script
# and region. The language must also be one CLDR has data for.
_TAG_SHAPE = re.compile(r"[a-z]{2,3}(?:[-_][A-Z][a-z]{3})?(?:[-_](?:[A-Z]{2}|[0-9]{3}))?")
_ANY_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?")
_NAME_SEPARATOR = re.compile(r"[._-]")

# AP style abbreviates these as "Sept." and "Tues."/"Thurs.", which CLDR's English lacks.
_EXTRA_MONTHS: Mapping[str, Mapping[str, int]] = {"en": {"sept": 9}}
# Whole month names, which take no dot: Austrian "Feber" is missing from CLDR, and "Jänner"
# and Spanish "setiembre" are there only under some regions (de-AT, de-IT; es-PE, es-UY). A
# text whose region is not given may be from one of them, and no other word is written so.
_EXTRA_WHOLE_MONTHS: Mapping[str, Mapping[str, int]] = {
    "de": {"jänner": 1, "feber": 2},
    "es": {"setiembre": 9},
}
_EXTRA_WEEKDAYS: Mapping[str, Mapping[str, int]] = {"en": {"tues": 1, "thurs": 3}}
# Times of day that news writes after a weekday and CLDR's day periods lack: "Dienstag früh",
# "mardi dans la nuit", "martedì in serata".
_EXTRA_DAY_PERIODS: Mapping[str, tuple[str, ...]] = {
    "de": ("früh",),
    "fr": ("nuit", "soirée", "matinée"),
    "it": ("serata", "mattinata", "nottata"),
}

# An abbreviation this short is too often an ordinary word ("Di", "Do", "So" in German);
# scripts without case (CJK "周一") are exempt.
_MIN_ABBREVIATION = 3


def resolve_locale(source: SourceText, option: str | None) -> LocaleInfo:
    """The locale of a document: --lang, else metadata, else the file name, else detection."""
    if option:
        return _info(_parse_tag(source.path, option), "option")
    declared = source.meta("lang")
    if declared:
        return _info(_parse_tag(source.path, declared), "metadata")
    named = locale_from_file_name(source.path)
    if named:
        return _info(named, "file-name")
    return _info(_detect(source), "detected")


def locale_from_file_name(path: str) -> str | None:
    """The BCP 47 tag a file name carries (`story.pt-BR.txt`, `en.txt`, `story_en.md`)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    # Try the longest tail first, so that "pt-BR" wins over its "BR".
    starts = [0, *(match.end() for match in _NAME_SEPARATOR.finditer(stem))]
    for start in starts:
        part = stem[start:]
        if _TAG_SHAPE.fullmatch(part):
            tag = _known_tag(part)
            if tag:
                return tag
    return None


def cldr_order(tag: str) -> DateOrder:
    """Day/month order of CLDR's `Md` skeleton for a locale (en-US: M/d, pt-BR: dd/MM).

    A regional variant whose `Md` is the ISO form (fr-CA: MM-dd, from its short date
    y-MM-dd) takes its language's order: such copy writes ISO dates whole, and a day and
    month alone ("12/01") as the language does, day first in Quebec as in France.
    """
    locale = _locale(tag)
    pattern = locale.datetime_skeletons["Md"].pattern
    if locale.territory and "-" in pattern and locale.date_formats["short"].pattern[:1] == "y":
        pattern = _locale(locale.language).datetime_skeletons["Md"].pattern
    unquoted = re.sub(r"'[^']*'", "", pattern)
    return DateOrder.DMY if unquoted.find("d") < unquoted.find("M") else DateOrder.MDY


@functools.cache
def month_names(tag: str) -> Mapping[str, int]:
    """Lower-cased month names and abbreviations (with and without a dot) -> 1..12.

    A regional locale has its own names ("Jänner" in de-AT, "juill." in fr-CA) and its
    language's, which its writers use too; where they differ, the region's own win.
    """
    language = tag.split("-")[0]
    names = _names(_locale(tag).months, _EXTRA_MONTHS.get(language, {}))
    for name, number in _EXTRA_WHOLE_MONTHS.get(language, {}).items():
        names.setdefault(name, number)
    if tag != language:
        for name, number in month_names(language).items():
            names.setdefault(name, number)
    return MappingProxyType(names)


@functools.cache
def weekday_names(language: str) -> Mapping[str, int]:
    """Lower-cased weekday names and abbreviations -> 0 (Monday) .. 6.

    A compound wide name also gives its first part: Portuguese "terça-feira" -> "terça".
    """
    days = _locale(language).days
    names = _names(days, _EXTRA_WEEKDAYS.get(language, {}))
    for context in ("format", "stand-alone"):
        for number, name in days[context]["wide"].items():
            head = name.split("-")[0].lower()
            if head != name.lower():
                names.setdefault(head, number)
    return MappingProxyType(names)


@functools.cache
def day_period_names(language: str) -> frozenset[str]:
    """Lower-cased names of the times of day, alone and as a time takes them: "noite",
    "da noite"; "Abend", "abends"; "morning", "in the morning". AM and PM are not among them,
    nor the narrow forms, letters such as English "n" (noon).
    """
    periods = _locale(language).day_periods
    names = {
        str(name).lower()
        for context in periods.values()
        for width in ("wide", "abbreviated")
        for key, name in context.get(width, {}).items()
        if key not in ("am", "pm")
    }
    return frozenset(names.union(_EXTRA_DAY_PERIODS.get(language, ())))


@functools.cache
def names_capitalised(language: str) -> bool:
    """Whether month names start with a capital in running text (en, de; not pt, es, fr, it).

    The date extractor requires the capital where CLDR writes one: English "may" and
    "march" are verbs.
    """
    return str(_locale(language).months["format"]["wide"][1])[:1].isupper()


# Share of a language's regional variants that must agree with its default before a bare
# language tag ("pt", "fr") fixes the day/month order. English does not: en is month/day,
# but most regional variants are day/month.
SETTLED_SHARE = 0.9


@functools.cache
def order_is_settled(tag: str) -> bool:
    """Whether the locale fixes the day/month order: a region is named, or the variants agree."""
    return _settled(tag, cldr_order, SETTLED_SHARE)


def _settled(tag: str, convention: Callable[[str], object], share: float) -> bool:
    """A region is named, or at least `share` of the language's variants follow its default."""
    locale = _locale(tag)
    if locale.territory:
        return True
    default = convention(tag)
    variants = [
        identifier.replace("_", "-")
        for identifier in locale_identifiers()
        if identifier.split("_")[0] == locale.language and "_" in identifier
    ]
    if not variants:
        return True
    agreeing = sum(1 for variant in variants if convention(variant) == default)
    return agreeing / len(variants) >= share


@functools.cache
def writes_dotted_day_month(tag: str) -> bool:
    """Whether the locale writes a day and month alone with dots ("21.11." in German)."""
    return "." in _locale(tag).datetime_skeletons["Md"].pattern


def weekday_in(language: str, weekday: int) -> str:
    """The wide name of a weekday (0 = Monday) in a language, as CLDR writes it."""
    return str(_locale(language).days["format"]["wide"][weekday])


@functools.cache
def language_name(language: str) -> str:
    """A language's English name: "Portuguese" for "pt"."""
    return str(Locale("en").languages.get(language, language))


@functools.cache
def number_symbols(tag: str) -> tuple[str, str]:
    """The locale's decimal and group symbols (pt-BR: "," "."; en-US: "." ",")."""
    locale = _locale(tag)
    return str(locale.number_symbols["latn"]["decimal"]), str(
        locale.number_symbols["latn"]["group"]
    )


# Share of a language's regional variants that must write decimals as its default does before
# a bare tag fixes the mark. English passes (the comma variants are English as used in
# continental Europe and South Africa), as do German and Italian (only the Swiss write a dot);
# Spanish does not: Mexico and much of Latin America write "2.5".
DECIMAL_SETTLED_SHARE = 0.7


# (language, region) pairs whose copy writes either decimal mark, whatever CLDR's one symbol:
# Swiss German has "38,4 Prozent" in running text and "Fr. 4.90" for francs (CLDR: ".").
BOTH_DECIMAL_MARKS = frozenset({("de", "CH"), ("de", "LI")})


@functools.cache
def decimal_is_settled(tag: str) -> bool:
    """Whether the locale fixes the decimal mark: a region is named, or most variants agree;
    not where both marks are usual (BOTH_DECIMAL_MARKS)."""
    locale = _locale(tag)
    if (locale.language, locale.territory) in BOTH_DECIMAL_MARKS:
        return False
    return _settled(tag, lambda variant: number_symbols(variant)[0], DECIMAL_SETTLED_SHARE)


def format_number(value: Decimal, tag: str) -> str:
    """A value written the locale's way, keeping its decimals: 1500 -> "1.500" in pt-BR."""
    return str(format_decimal(value, format=_number_pattern(value), locale=_locale(tag)))


def _number_pattern(value: Decimal) -> str:
    exponent = value.normalize().as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * decimals if decimals else "")


@functools.cache
def cldr_names(language: str) -> Mapping[str, str]:
    """Names of countries, currencies, months and weekdays as a language writes them -> an id
    shared by every language ("Estados Unidos", "United States" -> "territory:US").

    Keys keep CLDR's case, so a caller can tell a capitalised name from a common word
    (English "May" is a month, "may" a verb). Unknown languages give an empty mapping.
    """
    try:
        locale = _locale(language)
    except (UnknownLocaleError, ValueError):
        return MappingProxyType({})
    names: dict[str, str] = {}
    tables: list[tuple[str, Mapping[object, str]]] = [
        ("territory", locale.territories),
        ("currency", locale.currencies),
    ]
    for context in ("format", "stand-alone"):
        tables.append(("month", locale.months[context]["wide"]))
        tables.append(("weekday", locale.days[context]["wide"]))
    for kind, table in tables:
        for code, name in table.items():
            # Regions with digits ("001" World) and old currencies "(1927–2002)" are noise.
            if (str(code).isdigit() and kind == "territory") or "(" in name:
                continue
            names.setdefault(name, f"{kind}:{code}")
    return MappingProxyType(names)


@functools.cache
def place_names(language: str) -> Mapping[str, str]:
    """Folded CLDR names of territories, cities, currencies and languages -> one id per entity.

    The id is the same in every locale, so "Estados Unidos", "United States" and "États-Unis"
    are one entity ("territory:US"), as are "Lisboa" and "Lisbon" ("city:Europe/Lisbon").
    """
    locale = _locale(language)
    names: dict[str, str] = {}
    tables = (
        ("territory", locale.territories),
        ("language", locale.languages),
        ("currency", locale.currencies),
    )
    for kind, table in tables:
        for code, name in table.items():
            # Numeric regions ("419") and CLDR's "alt" variants are not names in running text.
            if kind == "territory" and not str(code).isalpha():
                continue
            names.setdefault(fold(str(name)), f"{kind}:{code}")
    cities = {zone: str(data["city"]) for zone, data in locale.time_zones.items() if "city" in data}
    for zone in sorted(get_global("zone_aliases").values()):
        # CLDR's root, and so English, names a city by its zone id: "Europe/Lisbon".
        city = cities.get(zone) or zone.rsplit("/", 1)[-1].replace("_", " ")
        names.setdefault(fold(city), f"city:{zone}")
    return MappingProxyType(names)


# CLDR's <delimiters> (quotation marks), which babel does not expose: (start, end, alternate
# start, alternate end) per language; the regional variants that differ have their own entry.
_QUOTATION_MARKS: Mapping[str, tuple[str, str, str, str]] = {
    "en": ("“", "”", "‘", "’"),
    "pt": ("“", "”", "‘", "’"),
    "pt-PT": ("«", "»", "“", "”"),
    "es": ("«", "»", "“", "”"),
    "fr": ("«", "»", "«", "»"),
    "it": ("«", "»", "“", "”"),
    "de": ("„", "“", "‚", "‘"),
    "de-CH": ("«", "»", "‹", "›"),
    "nl": ("‘", "’", "“", "”"),
    "pl": ("„", "”", "«", "»"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
    "cs": ("„", "“", "‚", "‘"),
    "da": ("“", "”", "‘", "’"),
    "sv": ("”", "”", "’", "’"),
    "nb": ("«", "»", "‘", "’"),
    "ja": ("「", "」", "『", "』"),
    "zh": ("“", "”", "‘", "’"),
    "zh-Hant": ("「", "」", "『", "』"),
    "ko": ("“", "”", "‘", "’"),
    "ar": ("”", "“", "’", "‘"),
    "tr": ("“", "”", "‘", "’"),
    "el": ("«", "»", "“", "”"),
}
_DEFAULT_QUOTATION_MARKS = ("“", "”", "‘", "’")


def quotation_marks(tag: str) -> tuple[str, str, str, str]:
    """The locale's quotation marks: (start, end, alternate start, alternate end)."""
    language = tag.split("-")[0]
    for key in (tag, "-".join(tag.split("-")[:2]), language):
        if key in _QUOTATION_MARKS:
            return _QUOTATION_MARKS[key]
    return _DEFAULT_QUOTATION_MARKS


def language_probabilities(text: str, languages: tuple[str, ...]) -> Mapping[str, float]:
    """How likely `text` is in each of `languages` (and only those), by langdetect, seeded.

    Costs about 3.5 ms a call: for suspects picked by a cheaper test, not for every sentence.
    """
    factory = _detector_factory()
    profiles = [language for language in languages if language in factory.get_lang_list()]
    if len(set(profiles)) < 2:  # a choice needs two languages
        return MappingProxyType({})
    detector = factory.create()
    # Languages without a prior get none: langdetect then chooses among the story's only.
    detector.set_prior_map(dict.fromkeys(profiles, 1.0))
    detector.append(text)
    try:
        found = detector.get_probabilities()
    except LangDetectException:
        return MappingProxyType({})
    return MappingProxyType({str(p.lang): float(p.prob) for p in found if p.lang in profiles})


# A character beyond ASCII: every combining mark is one.
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


# Cached: the rules fold the same words and sentences again for every bead and rule.
@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-folded, without diacritics: "Brasília" -> "brasilia"."""
    if text.isascii():
        # ASCII has nothing to decompose nor any mark, and casefold() is lower() there.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    # A text holds a handful of distinct marks: removing each with str.replace costs a
    # fraction of testing every character of a sentence in a Python loop.
    for mark in filter(unicodedata.combining, set(_BEYOND_ASCII.findall(decomposed))):
        decomposed = decomposed.replace(mark, "")
    return decomposed.casefold()


@functools.cache
def _detector_factory() -> Any:
    detector_factory.init_factory()
    factory = detector_factory._factory
    factory.set_seed(0)
    return factory


def _names(
    table: Mapping[str, Mapping[str, Mapping[int, str]]], extra: Mapping[str, int]
) -> dict[str, int]:
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in table[context]["wide"].items():
            names.setdefault(name.lower(), number)
        wide = {name.lower() for name in table[context]["wide"].values()}
        for number, name in table[context]["abbreviated"].items():
            bare = name.lower().rstrip(".")
            if len(bare) >= _MIN_ABBREVIATION or not _cased_word(bare):
                names.setdefault(bare, number)
                # Writers add or drop the dot whatever CLDR says ("Nov" / "Nov."); a name that
                # is not shortened ("May", "mars") takes no dot.
                if bare.isalpha() and bare not in wide:
                    names.setdefault(bare + ".", number)
    for bare, number in extra.items():
        names.setdefault(bare, number)
        names.setdefault(bare + ".", number)
    return names


def _cased_word(text: str) -> bool:
    """Letters only, in a script with case: where a short abbreviation is also a word."""
    return text.isalpha() and text != text.upper()


def _info(tag: str, source: str) -> LocaleInfo:
    return LocaleInfo(
        language=tag.split("-")[0], tag=tag, source=source, cldr_order=cldr_order(tag)
    )


def _parse_tag(path: str, value: str) -> str:
    tag = _known_tag(value.strip())
    if tag is None:
        raise InputError(path, f"unknown locale {value.strip()!r}")
    return tag


@functools.cache
def _known_tag(value: str) -> str | None:
    """BCP 47 form of a locale CLDR knows (`pt_br` -> `pt-BR`), else None.

    The tag keeps the subtags it was given: babel would turn "zh-TW" into "zh-Hant-TW" and
    the deprecated "in" into "id-ID", which is not what the user or the file name said.
    """
    match = _ANY_TAG.fullmatch(value)
    if match is None:
        return None
    language, script, region = match.groups()
    parts = [language.lower(), script.title() if script else "", (region or "").upper()]
    try:
        parsed = Locale.parse("_".join(part for part in parts if part))
    except (UnknownLocaleError, ValueError):
        return None
    if parsed.language != parts[0] or parts[0] not in _languages():
        return None
    return "-".join(part for part in parts if part)


@functools.cache
def _languages() -> frozenset[str]:
    return frozenset(identifier.split("_")[0] for identifier in locale_identifiers())


@functools.cache
def _locale(tag: str) -> Locale:
    return Locale.parse(tag.replace("-", "_"))


def _detect(source: SourceText) -> str:
    try:
        language = str(detect(source.text[:_DETECT_CHARS])).split("-")[0]
    except LangDetectException:
        raise InputError(
            source.path, "cannot detect the language; pass --lang FILE=LOCALE"
        ) from None
    tag = _known_tag(language)
    if tag is None:
        raise InputError(source.path, f"detected language {language!r} has no CLDR data")
    return tag
