"""Date extraction: every form in en, pt, es, fr, de and it, with all valid readings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dateparser
import pytest

from reconcile import api
from reconcile.extract import dates, month_readings
from reconcile.extract.dates import numeric_readings
from reconcile.model import DateForm, DateMention, DateOrder, Reading


def mentions(tmp_path: Path, locale: str, text: str) -> tuple[DateMention, ...]:
    path = tmp_path / f"{locale}.txt"
    path.write_text(text, encoding="utf-8")
    return api.load_document(str(path), api.Options()).dates


def summary(found: tuple[DateMention, ...]) -> list[tuple[str, str, list[tuple[int | None, ...]]]]:
    return [(m.text, m.form.value, [(r.month, r.day, r.year) for r in m.readings]) for m in found]


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        (
            "pt-BR",
            "Em 21 de novembro de 2025 houve votação.",
            [("21 de novembro de 2025", 11, 21, 2025)],
        ),
        ("pt-BR", "A posse foi em 1º de dezembro.", [("1º de dezembro", 12, 1, None)]),
        ("en-US", "On Nov. 21, the Senate voted.", [("Nov. 21", 11, 21, None)]),
        ("en-US", "On November 21, 2025, it rained.", [("November 21, 2025", 11, 21, 2025)]),
        ("en-GB", "On 21 November 2025 it rained.", [("21 November 2025", 11, 21, 2025)]),
        ("fr", "Le 1er décembre, le conseil a voté.", [("1er décembre", 12, 1, None)]),
        ("fr", "Le 21 novembre 2025, à Paris.", [("21 novembre 2025", 11, 21, 2025)]),
        ("de", "Am 21. November 2025 stimmte der Rat ab.", [("21. November 2025", 11, 21, 2025)]),
        (
            "es",
            "El 21 de noviembre de 2025 hubo huelga.",
            [("21 de noviembre de 2025", 11, 21, 2025)],
        ),
        ("it", "Il 2 dicembre il governo ha votato.", [("2 dicembre", 12, 2, None)]),
    ],
)
def test_month_name_dates(tmp_path: Path, locale: str, text: str, expected: list[tuple]) -> None:  # type: ignore[type-arg]
    found = mentions(tmp_path, locale, text)
    assert [
        (m.text, m.readings[0].month, m.readings[0].day, m.readings[0].year) for m in found
    ] == expected
    assert all(m.form is DateForm.NAMED for m in found)


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("de-AT", "Die Wahl ist am 24. Jänner.", [("24. Jänner", 1, 24, None)]),
        ("de-AT", "Er tritt am 1. Feber zusammen.", [("1. Feber", 2, 1, None)]),
        ("de-AT", "Ab 3. Jän. 2026 gilt es.", [("3. Jän. 2026", 1, 3, 2026)]),
        ("de-AT", "Ab 3. Januar gilt es.", [("3. Januar", 1, 3, None)]),  # the language's too
        ("de", "Die Wahl ist am 24. Jänner.", [("24. Jänner", 1, 24, None)]),  # region unsaid
        ("fr-CA", "Le 14 juill. 2025, à Montréal.", [("14 juill. 2025", 7, 14, 2025)]),
        ("es-PE", "El 3 de setiembre de 2025 en Lima.", [("3 de setiembre de 2025", 9, 3, 2025)]),
        ("es-MX", "El 3 de sep. de 2025 en Puebla.", [("3 de sep. de 2025", 9, 3, 2025)]),
    ],
)
def test_regional_month_names(
    tmp_path: Path, locale: str, text: str, expected: list[tuple]
) -> None:  # type: ignore[type-arg]
    found = mentions(tmp_path, locale, text)
    assert [
        (m.text, m.readings[0].month, m.readings[0].day, m.readings[0].year) for m in found
    ] == expected


def test_weekday_beside_an_austrian_month_name(tmp_path: Path) -> None:
    path = tmp_path / "de-AT.txt"
    path.write_text("Die Wahl findet am Sonntag, 24. Jänner, statt.", encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    assert [s.text for s in document.sentences] == [path.read_text(encoding="utf-8")]
    [date] = document.dates
    assert (date.text, date.weekday and date.weekday.text) == ("24. Jänner", "Sonntag")


def test_numeric_date_gets_every_valid_reading(tmp_path: Path) -> None:
    found = mentions(tmp_path, "en", "On Tuesday (2/12) and Saturday (11/29) and on 13/11.")
    assert summary(found) == [
        ("2/12", "numeric", [(2, 12, None), (12, 2, None)]),
        ("11/29", "numeric", [(11, 29, None)]),
        ("13/11", "numeric", [(11, 13, None)]),
    ]
    assert [m.readings[0].order for m in found[1:]] == [DateOrder.MDY, DateOrder.DMY]


def test_month_names_are_read_by_dateparser_in_the_documents_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, list[str]]] = []

    def parse(text: str, languages: list[str], settings: dict[str, object]) -> dt.datetime:
        calls.append((text, languages))
        return dt.datetime(2024, 3, 1)  # a month CLDR does not give for these names

    monkeypatch.setattr(dateparser, "parse", parse)
    # A name the shipped readings hold is not read again; "maio" they lack, "novembro" they
    # read as April (both unlike CLDR, to tell where the month came from).
    monkeypatch.setattr(month_readings, "shipped", lambda: {"pt": {"novembro": 4}})
    dates._month_by_dateparser.cache_clear()
    try:
        found = mentions(tmp_path, "pt-BR", "Em 21 de novembro e 3 de novembro, e 2 de maio.")
    finally:
        dates._month_by_dateparser.cache_clear()
    # dateparser's month stands; the day is ours; one call per month name, never guessing.
    assert summary(found) == [
        ("21 de novembro", "named", [(4, 21, None)]),
        ("3 de novembro", "named", [(4, 3, None)]),
        ("2 de maio", "named", [(3, 2, None)]),
    ]
    assert calls == [("1 maio", ["pt"])]


def test_impossible_day_or_month_is_never_read_as_a_year() -> None:
    # dateparser reads "11/29" under DMY as 11 December 2029; we never do.
    assert numeric_readings(11, 29, None) == (Reading(DateOrder.MDY, 11, 29, None),)
    assert numeric_readings(31, 12, 2029) == (Reading(DateOrder.DMY, 12, 31, 2029),)
    assert numeric_readings(13, 13, None) == ()
    assert numeric_readings(2, 30, None) == ()  # neither 30 February nor a 30th month
    assert numeric_readings(29, 2, 2025) == ()  # 2025 is no leap year
    assert numeric_readings(5, 5, None) == (Reading(DateOrder.MDY, 5, 5, None),)


def test_numeric_forms_with_years_and_separators(tmp_path: Path) -> None:
    found = mentions(tmp_path, "de", "Am 29.11.2025, am 21.11. und am 2025-11-30 sowie 29/11/25.")
    assert summary(found) == [
        ("29.11.2025", "numeric", [(11, 29, 2025)]),
        ("21.11.", "numeric", [(11, 21, None)]),
        ("2025-11-30", "iso", [(11, 30, 2025)]),
        ("29/11/25", "numeric", [(11, 29, 2025)]),
    ]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("pt-BR", "Ele recebeu 2/3 dos votos."),
        ("en-US", "Add 1/2 cup of sugar."),
        ("en-US", "The team won 2-1 and shares rose 3.5 percent to 12.30."),
        ("en-US", "The helpline runs 24/7."),
        ("de", "Die Aktie fiel am Freitag 1,2 Prozent."),
        ("en-US", "Many people may 5 times a year travel."),
        ("en-US", "The price was 21.11 euros."),
    ],
)
def test_not_dates(tmp_path: Path, locale: str, text: str) -> None:
    assert mentions(tmp_path, locale, text) == ()


@pytest.mark.parametrize(
    ("locale", "text", "weekday", "date"),
    [
        ("pt-BR", "A reunião será na terça-feira (2/12).", "terça-feira", "2/12"),
        ("en-US", "The vote is on Tuesday, Dec. 2.", "Tuesday", "Dec. 2"),
        ("es", "El martes 2, el ministro habló.", "martes", "2"),
        ("es", "Se reunirán el jueves 18 en Foz de Iguazú.", "jueves", "18"),
        ("fr", "Mardi 2 décembre, le vote.", "Mardi", "2 décembre"),
        ("de", "Am Dienstag, den 2. Dezember, stimmt der Rat ab.", "Dienstag", "2. Dezember"),
        ("it", "Martedì 2 dicembre il governo.", "Martedì", "2 dicembre"),
        (
            "pt-BR",
            "O prazo termina em 2 de dezembro (terça-feira).",
            "terça-feira",
            "2 de dezembro",
        ),
    ],
)
def test_weekday_beside_date(
    tmp_path: Path, locale: str, text: str, weekday: str, date: str
) -> None:
    found = mentions(tmp_path, locale, text)
    assert len(found) == 1
    assert found[0].text == date
    assert found[0].weekday is not None and found[0].weekday.text == weekday


@pytest.mark.parametrize(
    ("locale", "text", "weekday", "date"),
    [
        ("en-GB", "Cruzeiro won on Thursday night (11/11) at home.", "Thursday", "11/11"),
        ("en-US", "Police on Wednesday morning (12/2) raided 63 sites.", "Wednesday", "12/2"),
        ("en-US", "The vote is on Tuesday afternoon, Dec. 2.", "Tuesday", "Dec. 2"),
        ("en-US", "The vote is on Tuesday evening (12/2).", "Tuesday", "12/2"),
        ("pt-BR", "O jogo foi na terça-feira à noite (2/12).", "terça-feira", "2/12"),
        ("pt-BR", "A PF agiu na terça pela manhã (2/12).", "terça", "2/12"),
        ("pt-BR", "A sessão foi na terça-feira à tarde (2/12).", "terça-feira", "2/12"),
        ("es", "La votación fue el martes por la tarde (2/12).", "martes", "2/12"),
        ("es", "Llegó el martes por la mañana (2/12).", "martes", "2/12"),
        ("es", "Habló el martes por la noche (2/12).", "martes", "2/12"),
        ("fr", "Le vote a eu lieu mardi soir (2/12).", "mardi", "2/12"),
        ("fr", "Il est arrivé mardi matin (2/12).", "mardi", "2/12"),
        ("fr", "La séance de mardi après-midi (2/12) a duré.", "mardi", "2/12"),
        ("de", "Die Wahl war am Dienstagabend (2.12.) zu Ende.", "Dienstag", "2.12."),
        ("de", "Er kam am Dienstagmorgen, 2. Dezember, an.", "Dienstag", "2. Dezember"),
        ("de", "Die Sitzung am Dienstagnachmittag (2.12.) fiel aus.", "Dienstag", "2.12."),
        ("de", "Die Sitzung am Dienstagvormittag (2.12.) fiel aus.", "Dienstag", "2.12."),
        ("de", "Er kam am Dienstag früh (2.12.) an.", "Dienstag", "2.12."),
        ("it", "Il voto è arrivato martedì sera (2/12).", "martedì", "2/12"),
        ("it", "Il voto è arrivato martedì mattina (2/12).", "martedì", "2/12"),
        ("it", "Il voto è arrivato martedì pomeriggio (2/12).", "martedì", "2/12"),
    ],
)
def test_weekday_and_time_of_day_beside_date(
    tmp_path: Path, locale: str, text: str, weekday: str, date: str
) -> None:
    path = tmp_path / f"{locale}.txt"
    path.write_text(text, encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    assert [m.text for m in document.dates] == [date]
    assert document.dates[0].weekday is not None
    assert document.dates[0].weekday.text == weekday
    assert document.weekdays == ()  # the weekday is the date's, not one alone


def test_german_weekday_joined_to_its_time_of_day_stands_alone(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Am Dienstagabend stimmte der Rat ab.", encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    assert [(w.text, w.weekday) for w in document.weekdays] == [("Dienstag", 1)]


def test_bare_weekday_is_kept_apart(tmp_path: Path) -> None:
    path = tmp_path / "pt-BR.txt"
    path.write_text("Na sexta-feira, o governo anunciou 120 novas vagas.", encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    assert document.dates == ()
    assert [(w.text, w.weekday) for w in document.weekdays] == [("sexta-feira", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "A PF deflagrou a quarta fase da operação.",
        "É a segunda fase do programa.",
        "Ele venceu pela segunda vez.",
        "É a segunda maior cidade do país.",
        "A quinta edição do festival.",
        "Quarta fase começa amanhã.",
        "Desde a Segunda Guerra Mundial.",
    ],
)
def test_portuguese_ordinal_is_not_a_weekday(tmp_path: Path, text: str) -> None:
    path = tmp_path / "pt-BR.txt"
    path.write_text(text, encoding="utf-8")
    assert api.load_document(str(path), api.Options()).weekdays == ()


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("O jogo foi na quarta passada.", "quarta"),
        ("Ele disse na quarta que vai votar.", "quarta"),
        ("A votação será na sexta que vem.", "sexta"),
        ("O ministro esteve na segunda em Brasília.", "segunda"),
        ("A sessão acabou na terça.", "terça"),
        ("Na quinta, o governo recuou.", "quinta"),
        ("O prazo venceu na segunda feira passada.", "segunda"),
    ],
)
def test_portuguese_short_weekday_is_kept(tmp_path: Path, text: str, weekday: str) -> None:
    path = tmp_path / "pt-BR.txt"
    path.write_text(text, encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    assert [w.text for w in document.weekdays] == [weekday]


def test_mention_offsets_are_exact(tmp_path: Path) -> None:
    text = "Título\n\nNo sábado (29/11), em São Paulo, e no domingo (30/11)."
    path = tmp_path / "pt-BR.txt"
    path.write_text(text, encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    for mention in document.dates:
        assert document.source.text[mention.start : mention.end] == mention.text
        location = document.source.locate(mention.start, mention.end)
        assert location.excerpt == mention.text
        assert location.line == 3
    assert [document.source.position(m.start) for m in document.dates] == [(3, 12), (3, 48)]


def test_day_after_weekday_with_article_whatever_follows(tmp_path: Path) -> None:
    found = mentions(tmp_path, "es", "El sindicato aprobó el martes 2 una nueva oferta.")
    assert [(m.text, m.form) for m in found] == [("2", DateForm.DAY)]
    assert mentions(tmp_path, "es", "Las acciones subieron el martes 2,5%.") == ()


def test_german_ordinal_day_does_not_end_the_sentence(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text("Sie begannen am Dienstag, 25. November 2025. Er wurde 25. Dann ging er.")
    document = api.load_document(str(path), api.Options())
    assert [s.text for s in document.sentences] == [
        "Sie begannen am Dienstag, 25. November 2025.",
        "Er wurde 25.",
        "Dann ging er.",
    ]
    assert document.dates[0].weekday is not None


def test_brazilian_ordinal_first_of_the_month(tmp_path: Path) -> None:
    found = mentions(tmp_path, "pt-BR", "A greve começou na segunda-feira (1º/12).")
    assert summary(found) == [("1º/12", "numeric", [(12, 1, None)])]  # the ordinal is the day
    assert found[0].weekday is not None


def days(found: tuple[DateMention, ...]) -> list[tuple[str, list[tuple[int | None, ...]], bool]]:
    return [
        (m.text, [(r.month, r.day, r.year) for r in m.readings], m.borrows_month) for m in found
    ]


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("pt-BR", "A reunião será nos dias 8 e 9 de dezembro.", ["8", "9 de dezembro"]),
        ("pt-BR", "A greve vai de 1º a 3 de dezembro.", ["1", "3 de dezembro"]),
        ("pt-BR", "Os jogos são nos dias 8, 9 e 10 de dezembro.", ["8", "9", "10 de dezembro"]),
        ("es", "La cumbre será del 1 al 3 de diciembre.", ["1", "3 de diciembre"]),
        ("es", "Votarán los días 8 y 9 de diciembre.", ["8", "9 de diciembre"]),
        ("es", "Será entre el 8 y el 9 de diciembre.", ["8", "9 de diciembre"]),
        ("fr", "La grève ira du 1er au 3 décembre.", ["1", "3 décembre"]),
        ("fr", "Le vote aura lieu les 8 et 9 décembre.", ["8", "9 décembre"]),
        ("de", "Der Streik dauert vom 1. bis 3. Dezember.", ["1", "3. Dezember"]),
        ("de", "Die Messe läuft vom 14. bis zum 16. Dezember.", ["14", "16. Dezember"]),
        ("it", "Lo sciopero va dal 1° al 3 dicembre.", ["1", "3 dicembre"]),
        ("it", "Si vota tra l'8 e il 9 dicembre.", ["8", "9 dicembre"]),
        ("en-GB", "The strike runs from 1 to 3 December.", ["1", "3 December"]),
        ("en-GB", "The fair runs 1-3 December.", ["1", "3 December"]),
        ("en-US", "The meeting is Dec. 8-9.", ["Dec. 8", "9"]),
        ("en-US", "The meeting is Dec. 8 and 9.", ["Dec. 8", "9"]),
        ("en-US", "The vote is between Dec. 1 and 3, aides said.", ["Dec. 1", "3"]),
        ("en-US", "Talks run Dec. 1 through 3 in Rome.", ["Dec. 1", "3"]),
        ("en-US", "The fair runs Dec. 8, 9 and 10.", ["Dec. 8", "9", "10"]),
    ],
)
def test_days_of_a_range_or_pair_are_dates_of_their_own(
    tmp_path: Path, locale: str, text: str, expected: list[str]
) -> None:
    path = tmp_path / f"{locale}.txt"
    path.write_text(text, encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    found = document.dates
    assert [m.text for m in found] == expected
    # Every day takes the month the range writes once; only that date writes it.
    assert all(r.month == 12 for m in found for r in m.readings)
    assert [m.borrows_month for m in found] == [not any(c.isalpha() for c in t) for t in expected]
    assert document.numbers == ()  # no day is left a bare number


def test_a_range_shares_its_year(tmp_path: Path) -> None:
    assert days(mentions(tmp_path, "en-US", "It runs December 1-3, 2025, in Lisbon.")) == [
        ("December 1", [(12, 1, 2025)], False),
        ("3, 2025", [(12, 3, 2025)], True),
    ]
    assert days(mentions(tmp_path, "pt-BR", "Vai de 1º a 3 de dezembro de 2025.")) == [
        ("1", [(12, 1, 2025)], True),
        ("3 de dezembro de 2025", [(12, 3, 2025)], False),
    ]


def test_numeric_range_days_read_like_the_date_that_writes_the_month(tmp_path: Path) -> None:
    # The day takes the place of the number beside it, read in every order the date reads.
    assert days(mentions(tmp_path, "de", "Die Schlichtung ist am 2.-4.12. in Kassel.")) == [
        ("2", [(2, 12, None), (12, 2, None)], True),
        ("4.12.", [(4, 12, None), (12, 4, None)], False),
    ]
    assert days(mentions(tmp_path, "pt-BR", "A prova será em 16 e 17/12.")) == [
        ("16", [(12, 16, None)], True),
        ("17/12", [(12, 17, None)], False),
    ]
    assert days(mentions(tmp_path, "pt-BR", "Será entre 8 e 10/12.")) == [
        ("8", [(8, 12, None), (12, 8, None)], True),
        ("10/12", [(10, 12, None), (12, 10, None)], False),
    ]
    assert days(mentions(tmp_path, "en-US", "The meeting is on 12/8-9, the last.")) == [
        ("12/8", [(12, 8, None), (8, 12, None)], False),
        ("9", [(12, 9, None), (9, 12, None)], True),
    ]
    assert days(mentions(tmp_path, "en-US", "The fair takes place 12/2-12/4.")) == [
        ("12/2", [(12, 2, None), (2, 12, None)], False),
        ("12/4", [(12, 4, None), (4, 12, None)], False),
    ]


@pytest.mark.parametrize(
    ("locale", "text", "dates_found"),
    [
        ("de", "Die Kosten stiegen von 30 bis 40 Millionen, um 2-3%.", []),
        ("en-US", "They won 3-1; the line runs 24/7; see pages 12-14.", []),
        ("en-US", "Add 1-2/3 cup of flour.", []),
        ("de", "Um 14.30 bis 3. Dezember.", ["3. Dezember"]),
        ("en-US", "On Dec. 8 and 9 people were hurt.", ["Dec. 8"]),
        ("en-US", "On Dec. 8 to 10 percent fell.", ["Dec. 8"]),
        ("pt-BR", "O placar foi de 3 a 1 em 5 de dezembro.", ["5 de dezembro"]),
        ("es", "Ganaron el 9 y el 3 de diciembre.", ["3 de diciembre"]),  # no backward range
    ],
)
def test_no_range_where_none_is_written(
    tmp_path: Path, locale: str, text: str, dates_found: list[str]
) -> None:
    assert [m.text for m in mentions(tmp_path, locale, text)] == dates_found


def check_pair(tmp_path: Path, versions: dict[str, str]) -> list[tuple[str, str, str]]:
    paths = []
    for locale, text in versions.items():
        path = tmp_path / f"{locale}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    report = api.check(paths, api.Options(today=dt.date(2025, 11, 25)))
    source = report.stories[0].findings
    return [(f.rule, f.severity.value, f.location.excerpt) for f in source]


def test_a_faithful_day_pair_is_no_mismatch_and_a_changed_start_is(tmp_path: Path) -> None:
    pt = "O Copom se reúne nos dias 8 e 9 de dezembro, a última reunião do ano."
    for en in (
        "The Copom meets on Dec. 8 and 9, the last meeting of the year.",
        "The Copom meets on Dec. 8-9, the last meeting of the year.",
        "The Copom meets on Dec. 8 and Dec. 9, the last meeting of the year.",
    ):
        assert check_pair(tmp_path, {"pt-BR": pt, "en-US": en}) == []
    changed = "The Copom meets on Dec. 7 and 9, the last meeting of the year."
    assert check_pair(tmp_path, {"pt-BR": pt, "en-US": changed}) == [
        ("date-mismatch", "error", "Dec. 7")
    ]
    de = "Eine Schlichtung ist für den 2.-4.12. in Kassel geplant."
    assert (
        check_pair(tmp_path, {"de": de, "en-US": "Arbitration is set for Dec. 2-4 in Kassel."})
        == []
    )
    assert check_pair(
        tmp_path, {"de": de, "en-US": "Arbitration is set for Dec. 3-4 in Kassel."}
    ) == [("date-mismatch", "error", "Dec. 3")]


def test_a_weekday_beside_a_day_pair_is_not_given_to_the_borrowed_day(tmp_path: Path) -> None:
    # A single weekday after the pair stands beside the day whose month is written elsewhere.
    found = mentions(tmp_path, "en-US", "The vote is Dec. 8 and 9 (Tuesday).")
    assert [(m.text, m.weekday) for m in found] == [("Dec. 8", None), ("9", None)]


def weekdays_of(found: tuple[DateMention, ...]) -> list[tuple[str, str | None]]:
    return [(m.text, m.weekday.text if m.weekday else None) for m in found]


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en-US", "Saturday and Sunday (12/5-6)", [("12/5", "Saturday"), ("6", "Sunday")]),
        ("en-US", "Saturday and Sunday (Dec. 5-6)", [("Dec. 5", "Saturday"), ("6", "Sunday")]),
        ("en-US", "Thursday through Sunday (Dec. 3-6)", [("Dec. 3", "Thursday"), ("6", "Sunday")]),
        ("en-US", "Dec. 8 and 9 (Monday and Tuesday)", [("Dec. 8", "Monday"), ("9", "Tuesday")]),
        ("pt-BR", "sábado e domingo (5/12 e 6/12)", [("5/12", "sábado"), ("6/12", "domingo")]),
        ("de", "Samstag und Sonntag (5./6.12.)", [("5", "Samstag"), ("6.12.", "Sonntag")]),
        ("de", "Samstag und Sonntag (5.-6.12.)", [("5", "Samstag"), ("6.12.", "Sonntag")]),
        (
            "pt-BR",
            "segunda e terça-feira, 8 e 9 de dezembro",
            [("8", "segunda"), ("9 de dezembro", "terça-feira")],
        ),
        # Lists of different lengths, or a list of weekdays beside one date: no telling which
        # weekday is which date's, so none is given.
        (
            "en-US",
            "Friday and Saturday (Dec. 4, 5 and 6)",
            [("Dec. 4", None), ("5", None), ("6", None)],
        ),
        ("en-US", "Saturday and Sunday (12/5)", [("12/5", None)]),
        # ... but the day written right after the last weekday is that weekday's.
        ("en-GB", "between Sunday and Tuesday 12th", [("12", "Tuesday")]),
        ("es", "entre el domingo y el martes 11", [("11", "martes")]),
    ],
)
def test_a_list_of_weekdays_pairs_with_a_list_of_dates_in_order(
    tmp_path: Path, locale: str, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert weekdays_of(mentions(tmp_path, locale, f"The weather, {text}, stays cold.")) == expected


def test_a_faithful_weekend_is_no_weekday_mismatch(tmp_path: Path) -> None:
    de = "Für Samstag und Sonntag (5./6.12.) erwartet der DWD eine leichte Entspannung."
    en = "For Saturday and Sunday (12/5-6), the DWD expects a slight easing."
    assert check_pair(tmp_path, {"de": de, "en-US": en}) == []
    wrong = "For Saturday and Sunday (12/6-7), the DWD expects a slight easing."
    assert ("date-weekday-mismatch", "error", "Saturday and Sunday (12/6") in check_pair(
        tmp_path, {"de": de, "en-US": wrong}
    )


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("pt-BR", "Sinner venceu por 6/4, 3/6 e 7/5 em Turim."),
        ("es", "Sinner ganó por 6/4, 3/6 y 7/5 en Turín."),
        ("it", "Sinner ha vinto per 6/4 3/6 7/5 a Torino."),
        ("fr", "Sinner s'est imposé 6/4, 3/6, 7/5 à Turin."),
        ("pt-BR", "Venceu com parciais de 7/6 (7/4) e 6/3."),
        ("en-US", "Sinner won 6-4, 3-6, 7-5 in Turin."),
    ],
)
def test_set_scores_are_neither_dates_nor_figures(tmp_path: Path, locale: str, text: str) -> None:
    path = tmp_path / f"{locale}.txt"
    path.write_text(text, encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    assert document.dates == ()
    assert {n.kind.value for n in document.numbers} == {"identifier"}


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        # a word that dates follow stands before the pairs
        ("pt-BR", "Os jogos serão em 6/4 e 7/5.", ["6/4", "7/5"]),
        # "3/6" is no set a player wins: not a list of scores
        ("en-US", "The talks are on 3/6 and 5/7.", ["3/6"]),
    ],
)
def test_a_list_of_dates_is_no_list_of_scores(
    tmp_path: Path, locale: str, text: str, expected: list[str]
) -> None:
    assert [m.text for m in mentions(tmp_path, locale, text)] == expected


def test_a_faithful_set_score_is_no_number_mismatch(tmp_path: Path) -> None:
    pt = "Sinner venceu Alcaraz por 6/4, 3/6 e 7/5 diante de 15 mil torcedores."
    en = "Sinner beat Alcaraz 6-4, 3-6, 7-5 in front of 15,000 fans."
    assert check_pair(tmp_path, {"pt-BR": pt, "en-US": en}) == []


@pytest.mark.parametrize(
    ("locale", "text", "days"),
    [
        ("pt-BR", "As propostas serão abertas no próximo dia 15, em Brasília.", ["15"]),
        ("pt-BR", "A votação ficou para o dia 3.", ["3"]),
        ("es", "La sesión se celebrará el día 9 en Madrid.", ["9"]),
        ("en-US", "Bids will be opened on the 15th.", ["15"]),
        ("fr", "Une réunion se tiendra le 1er décembre, puis une seconde le 3.", ["3"]),
        ("fr-CH", "Si aucun accord n'est trouvé d'ici au 3, la grève sera prolongée.", ["3"]),
        # A weekday's day in brackets, as Brazilian copy writes it.
        ("pt-BR", "Os enfermeiros pararam nesta segunda-feira (23), no primeiro dia.", ["23"]),
        ("en-GB", "The festival runs from Tuesday 1 to Thursday 3 December.", ["1"]),
        # Not a day: per day, a count after the day word, an ordinal of something else.
        ("pt-BR", "A fábrica produz 300 toneladas por dia 15 vezes ao ano.", []),
        ("es", "El dia 15 mil personas marcharon.", []),
        ("en-US", "It was built in the 15th century.", []),
        ("fr", "Il a terminé le 3e trimestre en hausse.", []),
        ("fr", "La grève ira du 1er au 3 décembre.", []),  # a range: both days are December's
    ],
)
def test_a_day_named_alone_after_the_word_for_day(
    tmp_path: Path, locale: str, text: str, days: list[str]
) -> None:
    found = mentions(tmp_path, locale, text)
    assert [m.text for m in found if m.form is DateForm.DAY] == days


@pytest.mark.parametrize(
    "versions",
    [
        {
            "pt-BR": "Cerca de 12 mil enfermeiros pararam nesta segunda-feira (24), no "
            "primeiro dia da greve.",
            "en-GB": "About 12,000 nurses walked out on Monday (24 November), on the first "
            "day of the strike.",
        },
        {
            "fr-CH": "Les négociations reprennent le lundi 24 novembre. Si aucun accord n'est "
            "trouvé d'ici au 3, la grève sera prolongée.",
            "en-GB": "Negotiations resume on Monday 24 November. If no agreement is reached "
            "by the 3rd, the strike will be extended.",
        },
    ],
)
def test_a_faithful_day_named_alone_is_no_figure_left_out(
    tmp_path: Path, versions: dict[str, str]
) -> None:
    assert check_pair(tmp_path, versions) == []


def test_a_day_named_alone_is_compared_with_the_translation(tmp_path: Path) -> None:
    source = tmp_path / "pt-BR.txt"
    source.write_text(
        "O leilão está marcado para 3 de dezembro. As propostas serão abertas no dia 15.\n",
        encoding="utf-8",
    )
    target = tmp_path / "en-US.txt"
    options = api.Options(reference_date=dt.date(2025, 11, 20))
    for written, rules in (("Dec. 15", []), ("Dec. 16", ["date-mismatch"])):
        target.write_text(
            f"The auction is set for Dec. 3. The bids will be opened on {written}.\n",
            encoding="utf-8",
        )
        report = api.check([str(source), str(target)], options)
        assert [f.rule for f in report.stories[0].findings] == rules


def test_date_mismatch_suggests_the_sources_date_in_the_translations_form(
    tmp_path: Path,
) -> None:
    source = tmp_path / "pt-BR.txt"
    source.write_text(
        "O jogo foi no sábado (28/11). A final é em 3 de dezembro.\n", encoding="utf-8"
    )
    target = tmp_path / "en-US.txt"
    target.write_text(
        "The game was on Saturday (11/29). The final is on Dec. 4.\n", encoding="utf-8"
    )
    report = api.check(
        [str(source), str(target)], api.Options(reference_date=dt.date(2026, 11, 25))
    )
    mismatches = [f for f in report.stories[0].findings if f.rule == "date-mismatch"]
    assert [(f.location.excerpt, f.suggestion) for f in mismatches] == [
        ("11/29", "11/28"),
        ("Dec. 4", "Dec. 3"),
    ]
    # A named date reads one way: it names another day, no reader takes it otherwise.
    assert mismatches[1].message == (
        "the Portuguese version says 3 December 2026 ('3 de dezembro'), but this version says "
        "4 December 2026 ('Dec. 4')"
    )


@pytest.mark.parametrize(
    ("locale", "text", "years"),
    [
        ("en-US", "The trial ran from Feb. 3 to March 7, 2025.", [2025, 2025]),
        ("en-US", "Talks ran from Dec. 3 to Jan. 7, 2025.", [2024, 2025]),
        ("es", "El juicio fue del 3 de febrero al 7 de marzo de 2025.", [2025, 2025]),
        ("pt-BR", "A feira vai de 30 de novembro a 2 de dezembro de 2026.", [2026, 2026]),
        ("de", "Die Prüfung lief vom 2. Februar bis 13. März 2026.", [2026, 2026]),
        ("fr", "Le procès a duré du 3 février au 7 mars 2025.", [2025, 2025]),
        # Not a range: two dates apart in the sentence keep what they write.
        ("en-US", "It began on Feb. 3, and on March 7, 2025 it ended.", [None, 2025]),
    ],
)
def test_a_ranges_first_date_takes_the_year_written_with_its_last(
    tmp_path: Path, locale: str, text: str, years: list[int | None]
) -> None:
    found = mentions(tmp_path, locale, text)
    assert [m.readings[0].year for m in found] == years


def test_shipped_month_readings_are_what_dateparser_reads() -> None:
    # The shipped file stands in for dateparser's reading of each month name: an upgrade of
    # dateparser that reads one otherwise, or a CLDR name missing from the file, fails here.
    # `python -m reconcile.extract.month_readings` writes the file again.
    assert month_readings.build() == month_readings.shipped()
    assert month_readings.shipped()["de"]["jänner"] == 1
