"""Locale resolution and the CLDR facts: date order, month and weekday names."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.load import read
from reconcile.locale import (
    cldr_order,
    locale_from_file_name,
    month_names,
    names_capitalised,
    resolve_locale,
    weekday_names,
)
from reconcile.model import DateOrder, InputError, LocaleInfo

PT_TEXT = (
    "O governo da Venezuela anunciou nesta terça-feira que vai fechar o espaço aéreo do país "
    "a partir de sábado. A decisão foi tomada depois de uma reunião com os ministros."
)
EN_TEXT = (
    "The government of Venezuela said on Tuesday that it would close the country's airspace "
    "from Saturday. The decision was taken after a meeting with the ministers."
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("story.pt-BR.txt", "pt-BR"),
        ("pt-BR.txt", "pt-BR"),
        ("en.txt", "en"),
        ("story_en.md", "en"),
        ("1234.es.md", "es"),
        ("story-fr.txt", "fr"),
        ("story.pt_BR.txt", "pt-BR"),
        ("story.zh-Hant.txt", "zh-Hant"),
        ("nota.es-419.md", "es-419"),
    ],
)
def test_locale_from_file_name(tmp_path: Path, name: str, tag: str) -> None:
    # The text is English on purpose: the file name must win over detection.
    info = resolve_locale(read(write(tmp_path, name, EN_TEXT)), None)
    assert (info.tag, info.language, info.source) == (tag, tag.split("-")[0], "file-name")


@pytest.mark.parametrize(
    "name",
    ["story.txt", "notes.txt", "the.txt", "and.md", "story-BR.txt", "in.txt", "storyen.txt"],
)
def test_ordinary_file_names_are_not_locales(name: str) -> None:
    assert locale_from_file_name(name) is None


def test_file_name_in_a_folder_uses_the_base_name() -> None:
    assert locale_from_file_name("stories/en.d/item.pt-BR.txt") == "pt-BR"


def test_option_wins_over_metadata_and_file_name(tmp_path: Path) -> None:
    source = read(write(tmp_path, "story.en.md", "---\nlang: fr\n---\n" + PT_TEXT))
    assert resolve_locale(source, "pt_br") == LocaleInfo("pt", "pt-BR", "option", DateOrder.DMY)
    assert resolve_locale(source, None) == LocaleInfo("fr", "fr", "metadata", DateOrder.DMY)


def test_metadata_wins_over_file_name(tmp_path: Path) -> None:
    source = read(write(tmp_path, "story.en.md", "---\nlanguage: en-GB\n---\n" + EN_TEXT))
    info = resolve_locale(source, None)
    assert (info.tag, info.source, info.cldr_order) == ("en-GB", "metadata", DateOrder.DMY)


@pytest.mark.parametrize("bad", ["xx-YY", "en-XX", "english", "pt-BR-x"])
def test_unknown_locale_from_the_user_is_an_input_error(tmp_path: Path, bad: str) -> None:
    path = write(tmp_path, "story.txt", EN_TEXT)
    with pytest.raises(InputError) as caught:
        resolve_locale(read(path), bad)
    assert caught.value.path == path
    assert caught.value.cause == f"unknown locale {bad!r}"


def test_unknown_locale_in_metadata_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "story.md", "---\nlocale: xx-YY\n---\n" + EN_TEXT)
    with pytest.raises(InputError, match="unknown locale 'xx-YY'"):
        resolve_locale(read(path), None)


def test_detected_language_is_deterministic(tmp_path: Path) -> None:
    source = read(write(tmp_path, "story.txt", PT_TEXT))
    first = resolve_locale(source, None)
    assert first == LocaleInfo("pt", "pt", "detected", DateOrder.DMY)
    assert all(resolve_locale(source, None) == first for _ in range(5))
    english = resolve_locale(read(write(tmp_path, "other.txt", EN_TEXT)), None)
    assert english == LocaleInfo("en", "en", "detected", DateOrder.MDY)


def test_undetectable_language_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "numbers.txt", "12/11 - 2025 ... 3,5 %\n")
    with pytest.raises(InputError) as caught:
        resolve_locale(read(path), None)
    assert caught.value.cause == "cannot detect the language; pass --lang FILE=LOCALE"


@pytest.mark.parametrize(
    ("tag", "order"),
    [
        ("en", DateOrder.MDY),
        ("en-US", DateOrder.MDY),
        ("en-GB", DateOrder.DMY),
        ("pt-BR", DateOrder.DMY),
        ("pt", DateOrder.DMY),
        ("es", DateOrder.DMY),
        ("fr", DateOrder.DMY),
        ("de", DateOrder.DMY),
        ("it", DateOrder.DMY),
        ("ja", DateOrder.MDY),
        ("zh", DateOrder.MDY),
        ("hu", DateOrder.MDY),
        # CLDR's fr-CA Md is the ISO MM-dd; a day and month alone are written day first.
        ("fr-CA", DateOrder.DMY),
        ("lt-LT", DateOrder.MDY),  # the ISO form is Lithuanian's own, not a region's
    ],
)
def test_cldr_order(tag: str, order: DateOrder) -> None:
    assert cldr_order(tag) is order


@pytest.mark.parametrize(
    ("language", "name", "month"),
    [
        ("en", "november", 11),
        ("en", "nov", 11),
        ("en", "nov.", 11),
        ("en", "sept.", 9),
        ("en", "sep", 9),
        ("en", "may", 5),
        ("pt", "novembro", 11),
        ("pt", "nov.", 11),
        ("pt", "dez", 12),
        ("pt", "março", 3),
        ("es", "diciembre", 12),
        ("es", "dic.", 12),
        ("es", "ene", 1),
        ("fr", "décembre", 12),
        ("fr", "févr.", 2),
        ("fr", "août", 8),
        ("de", "dezember", 12),
        ("de", "märz", 3),
        ("de", "okt.", 10),
        ("it", "dicembre", 12),
        ("it", "gen", 1),
        ("ja", "12月", 12),
    ],
)
def test_month_names(language: str, name: str, month: int) -> None:
    assert month_names(language)[name] == month


def test_month_names_have_all_twelve_and_lower_case_keys() -> None:
    for language in ("en", "pt", "es", "fr", "de", "it"):
        names = month_names(language)
        assert set(names.values()) == set(range(1, 13))
        assert all(key == key.lower() for key in names)


def test_regional_month_names_join_the_languages() -> None:
    austrian = month_names("de-AT")
    assert (austrian["jänner"], austrian["jän."], austrian["januar"]) == (1, 1, 1)
    assert month_names("fr-CA")["juill."] == 7
    assert month_names("de")["feber"] == 2  # CLDR lacks it; a German text may be Austrian


def test_whole_names_take_no_dot() -> None:
    assert "may." not in month_names("en")
    assert "mars." not in month_names("fr")


@pytest.mark.parametrize(
    ("language", "name", "weekday"),
    [
        ("en", "tuesday", 1),
        ("en", "tue", 1),
        ("en", "tues.", 1),
        ("en", "thurs", 3),
        ("en", "sun.", 6),
        ("pt", "terça-feira", 1),
        ("pt", "terça", 1),
        ("pt", "sábado", 5),
        ("pt", "seg.", 0),
        ("es", "martes", 1),
        ("es", "mié.", 2),
        ("fr", "mardi", 1),
        ("fr", "dim.", 6),
        ("de", "dienstag", 1),
        ("it", "martedì", 1),
        ("it", "sab", 5),
    ],
)
def test_weekday_names(language: str, name: str, weekday: int) -> None:
    assert weekday_names(language)[name] == weekday


def test_short_abbreviations_that_are_words_are_left_out() -> None:
    german = weekday_names("de")
    assert not {"di", "do", "so", "mo"} & set(german)
    assert set(german.values()) == set(range(7))
    # AP-style forms are English only.
    assert "tues" not in weekday_names("pt")


def test_names_capitalised() -> None:
    assert names_capitalised("en") and names_capitalised("de")
    assert not any(names_capitalised(language) for language in ("pt", "es", "fr", "it"))
