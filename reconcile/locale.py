"""Language and locale of a document; every CLDR fact the pipeline uses comes from here."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from types import MappingProxyType

from babel import Locale, UnknownLocaleError
from babel.localedata import locale_identifiers
from langdetect import DetectorFactory, detect
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
_EXTRA_WEEKDAYS: Mapping[str, Mapping[str, int]] = {"en": {"tues": 1, "thurs": 3}}

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
    """Day/month order of CLDR's `Md` skeleton for a locale (en-US: M/d, pt-BR: dd/MM)."""
    pattern = _locale(tag).datetime_skeletons["Md"].pattern
    unquoted = re.sub(r"'[^']*'", "", pattern)
    return DateOrder.DMY if unquoted.find("d") < unquoted.find("M") else DateOrder.MDY


@functools.cache
def month_names(language: str) -> Mapping[str, int]:
    """Lower-cased month names and abbreviations (with and without a dot) -> 1..12."""
    months = _locale(language).months
    names = _names(months, _EXTRA_MONTHS.get(language, {}))
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
    locale = _locale(tag)
    if locale.territory:
        return True
    default = cldr_order(tag)
    variants = [
        identifier
        for identifier in locale_identifiers()
        if identifier.split("_")[0] == locale.language and "_" in identifier
    ]
    if not variants:
        return True
    agreeing = sum(1 for v in variants if cldr_order(v.replace("_", "-")) is default)
    return agreeing / len(variants) >= SETTLED_SHARE


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
