"""Figures: locale-aware reading, scale words, words, percentages, money, units, and the rules."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from schema_check import assert_valid_report

from reconcile import api, rules
from reconcile.model import Alignment, NumberKind, NumberMention


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *args], capture_output=True, text=True, check=False
    )


def story(tmp_path: Path, **versions: str) -> list[str]:
    """Write one file per version, named by its locale (`pt_BR` -> pt-BR.txt)."""
    paths = []
    for locale, text in versions.items():
        path = tmp_path / f"{locale.replace('_', '-')}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def check_json(*paths: str) -> tuple[int, list[dict[str, object]]]:
    result = run("check", *paths, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    assert_valid_report(result.stdout)
    return result.returncode, json.loads(result.stdout)["stories"][0]["findings"]


def numbers(tmp_path: Path, locale: str, text: str) -> list[NumberMention]:
    path = tmp_path / f"{locale}.txt"
    path.write_text(text + "\n", encoding="utf-8")
    return list(api.load_document(str(path), api.Options()).numbers)


def values(tmp_path: Path, locale: str, text: str) -> list[tuple[str, Decimal]]:
    return [
        (n.text, n.value)
        for n in numbers(tmp_path, locale, text)
        if n.kind not in (NumberKind.TIME, NumberKind.IDENTIFIER)
    ]


# -- Done means: the four number checks a new user tries ---------------------------------------


def test_mil_millones_rendered_a_thousand_million_passes(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        es="El Gobierno destinará mil millones de dólares a la reconstrucción.",
        en="The government will allocate a thousand million dollars to reconstruction.",
    )
    code, findings = check_json(*paths)
    assert (code, findings) == (0, [])


@pytest.mark.parametrize(
    ("locale", "text", "value"),
    [
        ("es-MX", "Se destinarán 4 mil 200 millones de pesos.", Decimal(4_200_000_000)),
        ("es-MX", "Costó $4 mil 200 millones.", Decimal(4_200_000_000)),
        ("pt-BR", "O plano custa R$ 2 mil 500 milhões.", Decimal(2_500_000_000)),
        ("es", "Fueron 3 mil millones de euros.", Decimal(3_000_000_000)),
    ],
)
def test_thousands_of_millions_are_one_figure(
    tmp_path: Path, locale: str, text: str, value: Decimal
) -> None:
    assert [v for _, v in values(tmp_path, locale, text)] == [value]


def test_mexican_mil_millones_rendered_billion_passes(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        es_MX="El gobierno destinará 4 mil 200 millones de pesos a obras de emergencia.",
        en_US="The government will allocate 4.2 billion pesos to emergency works.",
    )
    assert check_json(*paths) == (0, [])


def test_billon_rendered_billion_is_flagged_with_both_values(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        es="El Banco Central anunció un billón de pesos para obras públicas.",
        en_US="The Central Bank announced a billion pesos for public works.",
    )
    code, findings = check_json(*paths)
    assert code == 1
    assert [(f["rule"], f["severity"], f["excerpt"]) for f in findings] == [
        ("number-mismatch", "error", "a billion pesos")
    ]
    message = str(findings[0]["message"])
    assert "1,000,000,000,000" in message and "1,000,000,000 " in message
    assert "'billón' is 10^12" in message and "'billion' is 10^9" in message
    assert findings[0]["suggestion"] == "a trillion pesos"
    related = findings[0]["related"]
    assert isinstance(related, list) and related[0]["excerpt"] == "un billón de pesos"


def test_fifteen_hundred_in_both_conventions_passes(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        pt_BR="Cerca de 1.500 pessoas foram retiradas de casa.",
        en_US="About 1,500 people were evacuated from their homes.",
    )
    assert check_json(*paths) == (0, [])


def test_decimal_comma_in_us_copy_is_flagged(tmp_path: Path) -> None:
    (path,) = story(tmp_path, en_US="Inflation rose 2,5% in October.")
    result = run("check", path)
    assert result.returncode == 1
    assert "warning [number-locale-format] '2,5' means 2.5 here" in result.stdout
    assert "suggestion: 2.5" in result.stdout


# -- the rules through the CLI -----------------------------------------------------------------


def test_dropped_figure_is_a_warning_on_the_translation(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        pt_BR="Foram 1.500 feridos e 32 mortos.",
        en_US="There were 1,500 injured and several dead.",
    )
    code, findings = check_json(*paths)
    assert code == 1
    assert [(f["rule"], f["severity"], f["path"]) for f in findings] == [
        ("number-missing", "warning", paths[1])
    ]
    assert "'32'" in str(findings[0]["message"])


def test_rounding_units_words_and_halves_are_not_false_alarms(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        pt_BR="A marcha reuniu 1.482 pessoas, a tempestade avançou 100 km, fez 40 °C e "
        "3 pontes caíram. Cerca de um milhão e meio de pessoas foram afetadas pela seca.",
        en_US="The march drew nearly 1,500 people, the storm advanced 62 miles, it hit "
        "104 °F and three bridges fell. About 1.5 million people were affected by the drought.",
    )
    assert check_json(*paths) == (0, [])


@pytest.mark.parametrize("translated", ["61,824", "61,843", "61,942", "68,000", "62,842"])
def test_grouped_figure_changed_in_its_last_digits_is_flagged(
    tmp_path: Path, translated: str
) -> None:
    # "61.842" also reads as the decimal 61.842, which is exact to the thousandth: the
    # tolerance of the whole number 61842 does not carry over to it.
    paths = story(
        tmp_path,
        pt_BR="O público pagante foi de 61.842 torcedores.",
        en_US=f"The paying crowd was {translated}.",
    )
    code, findings = check_json(*paths)
    assert code == 1
    assert [(f["rule"], f["excerpt"]) for f in findings] == [("number-mismatch", translated)]


def test_grouped_figures_rounded_by_the_translator_pass(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        pt_BR="Foram 2.987 desalojados e 61.842 torcedores; o rombo é de R$ 1,48 bilhão.",
        en_US="About 3,000 were displaced and nearly 62,000 fans came; the hole is R$1.5 billion.",
    )
    assert check_json(*paths) == (0, [])


def test_index_points_are_a_count_not_percentage_points(tmp_path: Path) -> None:
    (index,) = numbers(tmp_path, "en", "The Ibovespa closed at 148,250 points.")
    # A count of points, which is not a percentage either: see the points-and-percent tests.
    assert (index.kind, index.value, index.unit) == (
        NumberKind.CARDINAL,
        Decimal(148250),
        "points",
    )
    (change,) = numbers(tmp_path, "en", "Rates fell 0.5 points.")
    assert (change.kind, change.unit) == (NumberKind.PERCENT, "pp")
    paths = story(
        tmp_path,
        pt_BR="O Ibovespa fechou em alta de 1,2%, aos 148.250 pontos.",
        en_US="The Ibovespa closed up 1.2% at 148,520 points.",
    )
    code, findings = check_json(*paths)
    assert code == 1
    assert [(f["rule"], f["excerpt"]) for f in findings] == [("number-mismatch", "148,520 points")]


def test_figure_moved_to_the_neighbouring_sentence_is_not_missing(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        de="Der Streik begann am Montag.\n\nEr legte 300 Züge lahm und kostete 40 Millionen Euro.",
        fr="La grève, qui a immobilisé 300 trains, a commencé lundi.\n\n"
        "Elle a coûté 40 millions d'euros.",
    )
    assert check_json(*paths) == (0, [])


def test_facts_show_every_number_with_its_value(tmp_path: Path) -> None:
    path = tmp_path / "pt-BR.txt"
    path.write_text(
        "O governo liberou R$ 1,5 bilhão; 1.500 pessoas, 2,5% e dois abrigos.\n", encoding="utf-8"
    )
    text = run("facts", str(path))
    assert text.returncode == 0
    assert "numbers: decimal comma" in text.stdout
    assert "'R$ 1,5 bilhão' money = 1500000000  (BRL; scale 'bilhão' = 1000000000)" in text.stdout
    assert "'1.500' cardinal = 1500" in text.stdout
    assert "'2,5%' percent = 2.5" in text.stdout
    assert "'dois' cardinal = 2  (in words)" in text.stdout
    data = json.loads(run("facts", str(path), "--format", "json").stdout)
    found = {n["text"]: n for n in data["numbers"]}
    assert found["R$ 1,5 bilhão"]["value"] == 1500000000
    assert found["R$ 1,5 bilhão"]["unit"] == "BRL"
    assert found["2,5%"]["value"] == 2.5
    assert data["number_style"]["decimal"] == ","


# -- extraction ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("pt-BR", "Chegaram 1.500 pessoas.", Decimal(1500)),
        ("en-US", "About 1.500 tonnes.", Decimal("1.5")),
        ("de", "Es kamen 1.500 Menschen.", Decimal(1500)),
        ("fr", "Il y avait 1 500 personnes.", Decimal(1500)),
        ("en-US", "Some 1,500 people came.", Decimal(1500)),
    ],
)
def test_separator_is_read_the_locale_way(
    tmp_path: Path, locale: str, text: str, expected: Decimal
) -> None:
    assert values(tmp_path, locale, text)[0][1] == expected


def test_the_document_usage_outvotes_the_locale(tmp_path: Path) -> None:
    # Copy that writes "2,5%" is decimal-comma, so its "1.200" is twelve hundred.
    found = values(tmp_path, "en-US", "Inflation hit 2,5% and 1.200 people lost jobs.")
    assert found == [("2,5%", Decimal("2.5")), ("1.200", Decimal(1200))]


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("es", "Costó un billón de pesos.", 10**12),
        ("es", "Costó mil millones de dólares.", 10**9),
        ("es", "Costó 3.000 millones de euros.", 3 * 10**9),
        ("en", "It cost a thousand million dollars.", 10**9),
        ("en", "It cost $2.5bn.", 25 * 10**8),
        ("en", "It cost £3m.", 3 * 10**6),
        ("pt-BR", "Custou 1,5 bilhão de reais.", 15 * 10**8),
        ("pt-BR", "Custou R$ 2 bi.", 2 * 10**9),
        ("pt-PT", "Custou um bilião de euros.", 10**12),
        ("pt-PT", "Custou 2 mil milhões de euros.", 2 * 10**9),
        ("de", "Es kostete 1,2 Billionen Euro.", 12 * 10**11),
        ("de", "Es kostete 4 Milliarden Euro.", 4 * 10**9),
        ("de", "Es kostete 4 Mrd. Euro.", 4 * 10**9),
        ("fr", "Cela a coûté 2 milliards d'euros.", 2 * 10**9),
        ("fr", "Cela a coûté un billion d'euros.", 10**12),
        ("it", "È costato 3 miliardi di euro.", 3 * 10**9),
        ("nl", "Het kostte 2 miljard euro.", 2 * 10**9),
        ("pt-BR", "Eram 15 mil pessoas.", 15000),
        # A scale word in words at the end of the sentence, its full stop after it.
        ("en", "It cost two billion.", 2 * 10**9),
        ("pt-BR", "Custou dois bilhões.", 2 * 10**9),
        ("de", "Es kostete eine Milliarde.", 10**9),
    ],
)
def test_scale_words_have_their_real_values(
    tmp_path: Path, locale: str, text: str, expected: int
) -> None:
    assert [v for _, v in values(tmp_path, locale, text)] == [Decimal(expected)]


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("pt-BR", "Quase um milhão e meio de pessoas votaram.", ("um milhão e meio", 15 * 10**5)),
        ("pt-BR", "Custou dois bilhões e meio.", ("dois bilhões e meio", 25 * 10**8)),
        ("es", "Votaron dos millones y medio de personas.", ("dos millones y medio", 25 * 10**5)),
        ("fr", "Un million et demi de personnes ont voté.", ("Un million et demi", 15 * 10**5)),
        ("it", "Hanno votato due milioni e mezzo di persone.", ("due milioni e mezzo", 25 * 10**5)),
        ("en", "Two and a half million people voted.", ("Two and a half million", 25 * 10**5)),
        ("en", "It cost one and a half billion.", ("one and a half billion", 15 * 10**8)),
        ("en", "A million and a half people voted.", ("A million and a half", 15 * 10**5)),
        ("de", "Rund zweieinhalb Millionen Menschen.", ("zweieinhalb Millionen", 25 * 10**5)),
        ("de", "Es kostet anderthalb Milliarden.", ("anderthalb Milliarden", 15 * 10**8)),
        ("nl", "Ruim anderhalf miljoen mensen.", ("anderhalf miljoen", 15 * 10**5)),
        # The half belongs to a scale word only: "dois e meio" is no figure of ours.
        ("pt-BR", "Foram dois milhões, e meio país parou.", ("dois milhões", 2 * 10**6)),
    ],
)
def test_and_a_half_with_a_scale_word(
    tmp_path: Path, locale: str, text: str, expected: tuple[str, int]
) -> None:
    assert values(tmp_path, locale, text) == [(expected[0], Decimal(expected[1]))]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en", "Prices rose 5 percent."),
        ("en-GB", "Prices rose 5 per cent."),
        ("en", "Prices rose 5%."),
        ("pt-BR", "Os preços subiram 5 por cento."),
        ("pt-BR", "Os preços subiram cinco por cento."),
        ("es", "Los precios subieron 5 por ciento."),
        ("fr", "Les prix ont augmenté de 5 pour cent."),
        ("fr", "Les prix ont augmenté de 5 %."),
        ("de", "Die Preise stiegen um 5 Prozent."),
        ("it", "I prezzi sono saliti del 5 per cento."),
    ],
)
def test_percentages_in_every_form(tmp_path: Path, locale: str, text: str) -> None:
    (number,) = numbers(tmp_path, locale, text)
    assert (number.kind, number.value, number.unit) == (NumberKind.PERCENT, Decimal(5), "%")


@pytest.mark.parametrize(
    ("locale", "text", "unit"),
    [
        ("pt-BR", "Custou R$ 10.", "BRL"),
        ("en", "It cost US$ 10.", "USD"),
        ("en", "It cost €10.", "EUR"),
        ("en-GB", "It cost £10.", "GBP"),
        ("de", "Es kostete 10 Euro.", "EUR"),
        ("es", "Costó 10 dólares.", "USD"),
    ],
)
def test_money_with_symbols_codes_and_names(
    tmp_path: Path, locale: str, text: str, unit: str
) -> None:
    (number,) = numbers(tmp_path, locale, text)
    assert (number.kind, number.value, number.unit) == (NumberKind.MONEY, Decimal(10), unit)


@pytest.mark.parametrize(
    ("locale", "text", "value", "unit"),
    [
        ("fr-CA", "Le pont coûtera 300 M$.", Decimal(300_000_000), "$"),
        ("fr-CA", "Le pont coûtera 1,2 G$.", Decimal(1_200_000_000), "$"),
        ("fr-CA", "Le pont coûtera 50 k$.", Decimal(50_000), "$"),
        ("fr-FR", "Le pont coûtera 45 M€.", Decimal(45_000_000), "EUR"),
        ("fr-FR", "Le pont coûtera 2 G€.", Decimal(2_000_000_000), "EUR"),
        ("fr-FR", "Le pont coûtera 2 Md$.", Decimal(2_000_000_000), "$"),
        ("fr-CA", "Le pont coûtera 1,2G$.", Decimal(1_200_000_000), "$"),
    ],
)
def test_a_scale_written_before_the_currency_symbol(
    tmp_path: Path, locale: str, text: str, value: Decimal, unit: str
) -> None:
    (number,) = numbers(tmp_path, locale, text)
    assert (number.kind, number.value, number.unit) == (NumberKind.MONEY, value, unit)


@pytest.mark.parametrize(
    ("english", "rules_found"), [("$300 million", []), ("$30 million", ["number-mismatch"])]
)
def test_millions_of_dollars_written_m_dollar_are_compared(
    tmp_path: Path, english: str, rules_found: list[str]
) -> None:
    paths = story(
        tmp_path,
        en_US=f"The city will spend {english} on the new bridge, officials said on Tuesday.",
        fr_CA="La ville dépensera 300 M$ pour le nouveau pont, ont indiqué les responsables mardi.",
    )
    _code, findings = check_json(*paths)
    assert [f["rule"] for f in findings] == rules_found


@pytest.mark.parametrize(
    ("locale", "text", "value"),
    [
        ("es", "Llegaron dos ministros.", 2),
        ("pt-BR", "Chegaram dois ministros.", 2),
        ("en", "Three ministers arrived.", 3),
        ("fr", "Trois ministres sont arrivés.", 3),
        ("de", "Drei Minister kamen.", 3),
        ("it", "Sono arrivati tre ministri.", 3),
        ("nl", "Er kwamen drie ministers.", 3),
        ("es", "Llegaron veinticinco ministros.", 25),
    ],
)
def test_small_quantities_in_words(tmp_path: Path, locale: str, text: str, value: int) -> None:
    found = numbers(tmp_path, locale, text)
    assert [(n.value, n.spelled) for n in found] == [(Decimal(value), True)]


def test_articles_and_vague_plurals_are_not_numbers(tmp_path: Path) -> None:
    assert values(tmp_path, "en", "One of them said hundreds of people came.") == []
    assert values(tmp_path, "es", "Uno de ellos dijo que vinieron miles de personas.") == []


def test_ordinals_ranges_and_units(tmp_path: Path) -> None:
    found = numbers(tmp_path, "en", "The 21st round, between 10 and 12 km, 10-12% of 40°C.")
    shown = [(n.kind, n.value, n.upper, n.unit) for n in found]
    assert shown == [
        (NumberKind.ORDINAL, Decimal(21), None, ""),
        (NumberKind.MEASURE, Decimal(10), Decimal(12), "km"),
        (NumberKind.PERCENT, Decimal(10), Decimal(12), "%"),
        (NumberKind.MEASURE, Decimal(40), None, "°C"),
    ]
    (scaled,) = numbers(tmp_path, "pt-BR", "Entre 10 e 12 mil pessoas.")
    assert (scaled.value, scaled.upper) == (Decimal(10000), Decimal(12000))


@pytest.mark.parametrize(
    ("locale", "text", "value"),
    [
        ("de", "Gemessen wurden minus 3 Grad.", -3),
        ("en", "It fell to minus 3 degrees Celsius.", -3),
        ("fr", "Il a fait moins 3 degrés.", -3),
        ("es", "Se registraron menos 3 grados.", -3),
        ("pt-BR", "A temperatura chegou a menos 3 graus.", -3),
        ("it", "Si sono registrati meno 3 gradi.", -3),
        ("pt-BR", "A temperatura caiu pelo menos 3 graus.", 3),  # "at least", not a sign
        ("fr", "La température a baissé d'au moins 3 degrés.", 3),
        ("es", "La temperatura bajó al menos 3 grados.", 3),
    ],
)
def test_a_temperature_may_write_its_minus_sign_as_a_word(
    tmp_path: Path, locale: str, text: str, value: int
) -> None:
    assert [n.value for n in numbers(tmp_path, locale, text)] == [Decimal(value)]


def test_minus_in_words_against_a_minus_sign_passes_and_plus_against_minus_is_flagged(
    tmp_path: Path,
) -> None:
    source = "In Berlin fielen die Temperaturen auf -3 Grad, in München auf minus 7 Grad."
    faithful = "In Berlin temperatures fell to minus 3 degrees, and to -7 degrees in Munich."
    assert check_json(*story(tmp_path, de=source, en_GB=faithful)) == (0, [])
    changed = faithful.replace("minus 3", "plus 3")
    code, findings = check_json(*story(tmp_path, de=source, en_GB=changed))
    assert code == 1
    assert [f["rule"] for f in findings] == ["number-mismatch"]


@pytest.mark.parametrize(
    ("locale", "text", "ends"),
    [
        ("en-GB", "The damage was €30 million to €40 million a day.", (30, 40)),
        ("en-US", "It costs $1 billion-$2 billion.", (1000, 2000)),
        ("pt-BR", "O custo vai de R$ 1 bilhão a R$ 2 bilhões.", (1000, 2000)),
    ],
)
def test_a_range_with_the_scale_on_both_ends_is_one_range(
    tmp_path: Path, locale: str, text: str, ends: tuple[int, int]
) -> None:
    (found,) = numbers(tmp_path, locale, text)
    million = Decimal(1_000_000)
    assert (found.kind, found.value, found.upper) == (
        NumberKind.MONEY, ends[0] * million, ends[1] * million,
    )  # fmt: skip


def test_a_change_between_two_percentages_is_not_a_range(tmp_path: Path) -> None:
    assert values(tmp_path, "en-US", "Sales rose from 10% to 17%.") == [
        ("10%", Decimal(10)),
        ("17%", Decimal(17)),
    ]


def test_dates_times_and_identifiers_are_not_quantities(tmp_path: Path) -> None:
    text = (
        "Em 21/11/2025, às 14h30 e às 9.40, a Lei 14.133/2021 e o G20 ligaram para "
        "(11) 3456-7890; foram 12 casas."
    )
    found = numbers(tmp_path, "pt-BR", text)
    compared = [
        (n.text, n.value) for n in found if n.kind not in (NumberKind.TIME, NumberKind.IDENTIFIER)
    ]
    assert compared == [("12", Decimal(12))]
    kinds = {n.text: n.kind for n in found}
    assert kinds["14h30"] is NumberKind.TIME and kinds["9.40"] is NumberKind.TIME
    assert kinds["14.133/2021"] is NumberKind.IDENTIFIER
    assert kinds["(11) 3456-7890"] is NumberKind.IDENTIFIER


@pytest.mark.parametrize(
    ("locale", "phone"),
    [
        ("en-US", "514 287-8726"),
        ("fr-CA", "514 287-8726"),
        ("fr-CA", "(514) 287-8726"),
        ("en-US", "514-287-8726"),
        ("en-US", "+1 514 287 8726"),
        ("en-US", "1-514-287-8726"),
        ("en-US", "1 (514) 287-8726"),
        ("fr-FR", "01 42 34 56 78"),
        ("fr-FR", "+33 1 42 34 56 78"),
        ("pt-BR", "(11) 3456-7890"),
    ],
)
def test_phone_numbers_are_identifiers_not_quantities(
    tmp_path: Path, locale: str, phone: str
) -> None:
    found = numbers(tmp_path, locale, f"Call {phone} today: 287 people did.")
    assert [(n.text, n.kind) for n in found] == [
        (phone, NumberKind.IDENTIFIER),
        ("287", NumberKind.CARDINAL),
    ]


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("en-US", "In the 2025-2026 season, 287 people paid.", ["2025-2026", "287"]),
        ("en-US", "Of 3,456 votes, 287 were void.", ["3,456", "287"]),
        ("en-US", "On 12-05-2024, 287 people paid.", ["287"]),
        ("fr-CA", "Au total, 12 345 personnes et 287 élus.", ["12 345", "287"]),
    ],
)
def test_figures_beside_phone_number_shapes_stay_figures(
    tmp_path: Path, locale: str, text: str, expected: list[str]
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [n.text for n in found if n.kind is not NumberKind.IDENTIFIER] == expected


def test_a_phone_number_written_alike_in_both_versions_is_no_finding(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        en_US="Residents can call the city at 514 287-8726 on weekdays, the mayor said.",
        fr_CA="Les résidents peuvent joindre la ville au 514 287-8726 en semaine, dit la mairesse.",
    )
    code, findings = check_json(*paths)
    assert (code, findings) == (0, [])


@pytest.mark.parametrize(
    ("locale", "text", "times"),
    [
        ("fr", "La séance ouvre à 9 h 30 et 300 élus votent.", ["9 h 30"]),
        ("de-AT", "Zwischen 0.00 und 24.00 Uhr fuhren 300 Züge nicht.", ["0.00", "24.00 Uhr"]),
        ("de", "Von 9.30 bis 11 Uhr tagten 300 Delegierte.", ["9.30", "11 Uhr"]),
    ],
)
def test_times_written_with_a_space_or_in_a_range_are_times(
    tmp_path: Path, locale: str, text: str, times: list[str]
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [n.text for n in found if n.kind is NumberKind.TIME] == times
    assert values(tmp_path, locale, text) == [("300", Decimal(300))]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("es-AR", "El INDEC publicará el dato a las 16."),
        ("es", "La reunión será a las 16 horas en el ministerio."),
        ("es", "El partido empieza a las 21 hs en el estadio."),
        ("es", "La votación será a las 9 de la mañana en el Senado."),
        ("it", "La seduta riprende alle 16."),
        ("it", "Il voto è alle 9 del mattino."),
        ("pt-BR", "A sessão começa às 16 horas."),
        ("pt-BR", "O voto será às 9 da manhã."),
        ("fr", "La séance ouvre à 16 heures."),
        ("fr", "Les élus arrivent vers 9 heures du matin."),
    ],
)
def test_an_hour_without_minutes_is_a_time(tmp_path: Path, locale: str, text: str) -> None:
    assert values(tmp_path, locale, text) == []


@pytest.mark.parametrize(
    ("locale", "text", "count"),
    [
        ("es", "El Gobierno multó a las 16 empresas.", "16"),
        ("es", "La huelga duró 16 horas.", "16"),
        ("fr", "La grève a duré 16 heures.", "16"),
        ("fr", "Le nombre est passé de 12 à 16.", "12 à 16"),
    ],
)
def test_a_count_after_an_hour_word_is_not_a_time(
    tmp_path: Path, locale: str, text: str, count: str
) -> None:
    assert [t for t, _ in values(tmp_path, locale, text)] == [count]


def test_a_bare_hour_translated_with_a_clock_word_passes(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        es_AR="El INDEC publicará el dato de noviembre el martes 15/12 a las 16.",
        en_GB="INDEC will publish November's figure on Tuesday 15/12 at 4 pm.",
    )
    assert check_json(*paths) == (0, [])


@pytest.mark.parametrize(
    ("locale", "sentence"),
    [
        ("pt_BR", "Segundo a PF, o esquema desviou R$ 1,5 bilhão de aposentados do INSS."),
        ("fr_CA", "La dette nette atteindra 237,6 milliards $ l'an prochain, soit 38,9 % du PIB."),
    ],
)
def test_a_sentence_left_untranslated_is_reported_once(
    tmp_path: Path, locale: str, sentence: str
) -> None:
    paths = story(tmp_path, **{locale: sentence}, en_US=sentence)
    _code, findings = check_json(*paths)
    assert [f["rule"] for f in findings] == ["language-untranslated"]


@pytest.mark.parametrize(
    ("versions", "reader"),
    [
        ({"pt_BR": "Foram 1.500 pessoas.", "en_US": "There were 1.500 people."}, "an en-US"),
        ({"en_US": "There were 1,500 people.", "pt_BR": "Foram 1,500 pessoas."}, "a pt-BR"),
        ({"pt_BR": "Foram 1.200 pipas.", "en_US": "There were 2,100 tankers."}, "an en-US"),
    ],
)
def test_messages_name_the_reader_with_the_right_article(
    tmp_path: Path, versions: dict[str, str], reader: str
) -> None:
    _code, findings = check_json(*story(tmp_path, **versions))
    assert any(f"{reader} reader takes it" in str(f["message"]) for f in findings), findings


def test_decimals_in_a_range_are_not_times(tmp_path: Path) -> None:
    assert values(tmp_path, "de", "Die Preise stiegen von 1.25 bis 1.50 Euro.") == [
        ("1.25 bis 1.50 Euro", Decimal("1.25"))
    ]


def test_numbers_in_times_and_laws_raise_no_finding(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        pt_BR="A Lei 14.133/2021 entrou em vigor às 14h30.",
        en_US="Law 14.133/2021 took effect at 2:30 p.m.",
    )
    assert check_json(*paths) == (0, [])


def test_output_is_deterministic(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        es="Un billón de pesos, 2,5% y 1.500 personas.",
        en_US="A billion pesos, 2,5% and 1,500 people.",
    )
    first = run("check", *paths, "--format", "json").stdout
    assert first == run("check", *paths, "--format", "json").stdout


def test_a_translation_with_nothing_aligned_gives_no_number_finding(tmp_path: Path) -> None:
    paths = story(tmp_path, es="Costó 3 millones de euros.", en="It cost 3 million euros.")
    built = api.build_story(paths, api.Options())
    empty = tuple(Alignment(a.source_path, a.target_path, ()) for a in built.alignments)
    findings = rules.run(replace(built, alignments=empty))
    assert [f for f in findings if f.rule.startswith("number-")] == []


@pytest.mark.parametrize(
    ("locale", "text", "time", "readings"),
    [
        ("pt-BR", "O jantar começa às 18h30 no palácio.", "18h30", (1110, None)),
        ("pt-BR", "O voo sai às 2 da madrugada.", "2", (120, None)),
        ("pt-BR", "A festa termina às 11 da noite.", "11", (1380, None)),
        ("pt-BR", "O leilão começa às 10h.", "10h", (600, 1320)),
        ("en-US", "The dinner starts at 6:30 p.m. sharp.", "6:30 p.m.", (1110, None)),
        ("en-US", "Markets open at 9.40am in London.", "9.40am", (580, None)),
        ("en-US", "The vote closed at 12 a.m. on Friday.", "12 a.m.", (0, None)),
        ("es", "La reunión será a las 16 horas en el ministerio.", "16", (960, None)),
        ("es", "Abrirá a las 9 de la mañana.", "9", (540, None)),
        ("es", "El acto empieza a las 10 de la noche.", "10", (1320, None)),
        ("es-AR", "El INDEC publicará el dato a las 4.", "4", (240, 960)),
        ("fr", "La séance ouvre à 9 h 30 et 300 élus votent.", "9 h 30", (570, 1290)),
        ("fr", "Le train part à 8 heures du soir.", "8", (1200, None)),
        ("de", "Die Sitzung beginnt um 14.30 Uhr.", "14.30 Uhr", (870, None)),
        ("de", "Der Zug fährt um 8 Uhr abends ab.", "8 Uhr", (1200, None)),
        ("de", "Der Zug fährt um 08:15 ab.", "08:15", (495, None)),
        ("de-AT", "Zwischen 0.00 und 24.00 Uhr fuhren 300 Züge nicht.", "24.00 Uhr", (0, None)),
        ("it", "Il traforo ha chiuso alle 17.", "17", (1020, None)),
        ("it", "Il vertice riprende alle 9 del mattino.", "9", (540, None)),
        ("it", "Lo spettacolo inizia alle 9 della sera.", "9", (1260, None)),
        ("it", "Il vertice riprende alle 4.", "4", (240, 960)),
    ],
)
def test_a_time_is_read_as_minutes_after_midnight_with_the_other_half_of_the_day_if_unsettled(
    tmp_path: Path, locale: str, text: str, time: str, readings: tuple[int, int | None]
) -> None:
    found = {n.text: n for n in numbers(tmp_path, locale, text) if n.kind is NumberKind.TIME}
    value, other = readings
    assert found[time].value == value
    assert found[time].alternative == (None if other is None else Decimal(other))


def test_facts_show_a_time_on_the_24_hour_clock(tmp_path: Path) -> None:
    path = tmp_path / "it.txt"
    path.write_text("Il vertice riprende alle 4, e il treno parte alle 17.\n", encoding="utf-8")
    result = run("facts", str(path))
    assert "'4' time = 4:00 or 16:00  (time of day)" in result.stdout
    assert "'17' time = 17:00  (time of day)" in result.stdout


# -- times the translation carries over: faithful pairs pass, a changed time is reported ------


def rules_of(tmp_path: Path, **versions: str) -> list[str]:
    """The rules of the findings on a story, the first version its source."""
    return [str(f["rule"]) for f in check_json(*story(tmp_path, **versions))[1]]


@pytest.mark.parametrize(
    ("locale", "text", "time"),
    [
        ("es-ES", "Podrán volver a partir de las 20.00 horas del martes.", "20.00"),
        ("es-ES", "El acto empezará sobre las 20.00 en la plaza.", "20.00"),
        ("es-ES", "Pasadas las 20.00, la policía cerró la calle.", "20.00"),
        ("es-AR", "El partido empieza a las 21.30 hs en el estadio.", "21.30"),
        ("pt-PT", "O concerto começa a partir das 21.30 horas.", "21.30"),
        ("fr", "La séance reprend vers 14.30 heures.", "14.30"),
        ("it", "Il museo apre alle ore 10.", "10"),
        ("it", "Le prenotazioni aprono dalle ore 9 sul sito.", "9"),
        ("it", "Le domande vanno inviate entro le ore 12 di lunedì.", "12"),
    ],
)
def test_a_clock_time_before_an_hour_word_after_las_or_ore_is_a_time(
    tmp_path: Path, locale: str, text: str, time: str
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [n.text for n in found if n.kind is NumberKind.TIME] == [time]
    assert values(tmp_path, locale, text) == []


def test_both_ends_of_a_range_of_clock_times_after_las_are_times(tmp_path: Path) -> None:
    text = "La calle estará cerrada entre las 8.00 y las 20.00 del martes."
    found = numbers(tmp_path, "es-ES", text)
    assert [n.text for n in found if n.kind is NumberKind.TIME] == ["8.00", "20.00"]


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Iron ore 10 years ago cost less.", ["10"]),  # English "ore" is no hour
        ("Il corso dura 10 ore.", ["10"]),  # a count of hours
    ],
)
def test_ore_makes_a_time_only_before_the_figure_in_italian(
    tmp_path: Path, text: str, counts: list[str]
) -> None:
    locale = "en" if text.startswith("Iron") else "it"
    assert [t for t, _ in values(tmp_path, locale, text)] == counts


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"es_ES": "Los vecinos pudieron regresar a partir de las 20.00 horas del martes."},
            {"en_GB": "Residents were able to return home from 8pm on Tuesday."},
        ),
        (
            {"es_ES": "La calle estará cerrada entre las 8.00 y las 20.00 del martes."},
            {"en_GB": "The street will be closed between 8am and 8pm on Tuesday."},
        ),
        (
            {"es_ES": "Pasadas las 20.00, la policía cerró la calle."},
            {"en_GB": "After 8pm, police closed the street."},
        ),
        (
            {"it": "Le prenotazioni saranno aperte da lunedì 30 novembre alle ore 10 sul sito."},
            {"en_GB": "Booking will open on Monday 30 November at 10am on the website."},
        ),
        (
            {"it": "Le prenotazioni saranno aperte dalle ore 10 sul sito."},
            {"en_GB": "Booking will open from 10am on the website."},
        ),
        (
            {"en_GB": "Booking will open at 10am on the website."},
            {"it": "Le prenotazioni saranno aperte alle ore 10 sul sito."},
        ),
    ],
)
def test_faithful_times_with_hour_words_pass(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == []


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"es_ES": "Los vecinos pudieron regresar a partir de las 20.00 horas del martes."},
            {"en_GB": "Residents were able to return home from 9pm on Tuesday."},
        ),
        (
            {"es_ES": "La calle estará cerrada entre las 8.00 y las 20.00 del martes."},
            {"en_GB": "The street will be closed between 8am and 9pm on Tuesday."},
        ),
        (
            {"it": "Le prenotazioni saranno aperte alle ore 10 sul sito."},
            {"en_GB": "Booking will open at 11am on the website."},
        ),
        (
            {"en_GB": "Booking will open at 11am on the website."},
            {"it": "Le prenotazioni saranno aperte alle ore 10 sul sito."},
        ),
    ],
)
def test_a_changed_time_beside_an_hour_word_is_reported(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == ["number-mismatch"]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"it": "Le prenotazioni saranno aperte alle 10 sul sito."},
            {"en_GB": "Booking will open at 10am on the website."},
        ),
        (
            {"it": "Si paga tra le 8.30 e le 16 per entrare nel centro storico."},
            {"es": "Se paga entre las 8.30 y las 16.00 para entrar en el centro histórico."},
        ),
        (
            {"es": "El museo abre de 8 a 20 horas."},
            {"en_GB": "The museum is open from 8am to 8pm."},
        ),
        (
            {"en_GB": "The waits were 8 to 10 hours long."},
            {"es": "Las esperas fueron de 8 a 10 horas."},
        ),
    ],
)
def test_a_figure_where_an_hour_may_stand_passes_against_the_same_time(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == []


@pytest.mark.parametrize(
    ("source", "translation", "found"),
    [
        (
            {"it": "Le prenotazioni saranno aperte alle 10 sul sito."},
            {"en_GB": "Booking will open at 11am on the website."},
            ["number-mismatch"],  # "alle 10 sul" is a time: reported once, as a time
        ),
        (
            {"es": "El museo abre de 8 a 20 horas."},
            {"en_GB": "The museum is open from 8am to 9pm."},
            ["number-missing"],
        ),
        (  # an hour past 12 is in the afternoon: "alle 17" is no 5 a.m.
            {"it": "Il traforo ha chiuso alle 17 per due ore."},
            {"en_GB": "The tunnel closed at 5am for two hours."},
            ["number-mismatch"],
        ),
        (
            {"it": "Alle 10 sono arrivati 10 ospiti."},  # the count is no hour
            {"en_GB": "At 10am the guests arrived."},
            ["number-missing"],
        ),
    ],
)
def test_a_figure_where_an_hour_may_stand_is_reported_against_another_time(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str], found: list[str]
) -> None:
    assert sorted(rules_of(tmp_path, **source, **translation)) == found


@pytest.mark.parametrize(
    ("locale", "text", "times"),
    [
        ("de-AT", "Das Haus ist von 10 bis 22 Uhr geöffnet.", ["10", "22 Uhr"]),
        ("de", "Die Straße ist zwischen 8 und 18 Uhr gesperrt.", ["8", "18 Uhr"]),
        ("fr", "Le musée est ouvert de 10 à 18 heures.", ["10", "18"]),
        ("pt-BR", "O museu abre das 10h às 18h.", ["10h", "18h"]),
        ("es", "El museo abre de 10.00 a 14.00 horas.", ["10.00", "14.00"]),
        ("it", "Il museo è aperto dalle 10 alle 18.", ["10", "18"]),
        ("en-US", "The museum is open from 10 to 6 p.m.", ["10", "6 p.m."]),
    ],
)
def test_both_ends_of_a_range_of_hours_are_times(
    tmp_path: Path, locale: str, text: str, times: list[str]
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [n.text for n in found if n.kind is NumberKind.TIME] == times
    assert values(tmp_path, locale, text) == []


@pytest.mark.parametrize(
    ("locale", "text", "counts"),
    [
        ("de", "Es kamen 5 um 10 Uhr.", ["5"]),  # "um" joins no range
        ("de", "Die Preise stiegen von 1.25 bis 1.50 Euro.", ["1.25 bis 1.50 Euro"]),
        ("fr", "La grève a duré de 8 à 10 jours.", ["8 à 10"]),
        ("es", "Las esperas fueron de 8 a 10 horas.", ["8 a 10"]),  # hours of waiting
        ("es-MX", "Se cosecharon 10 de las 3.45 toneladas previstas.", ["10", "3.45 toneladas"]),
        (
            "es-MX",
            "Se invirtieron 2 de las 7.50 millones de pesos.",
            ["2", "7.50 millones de pesos"],
        ),
    ],
)
def test_figures_before_a_time_or_an_hour_word_that_join_no_range_of_hours_are_counts(
    tmp_path: Path, locale: str, text: str, counts: list[str]
) -> None:
    assert [t for t, _ in values(tmp_path, locale, text)] == counts


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"de_AT": "Am Eröffnungstag ist das Haus von 10 bis 22 Uhr geöffnet."},
            {"en_US": "On opening day the museum will be open from 10 a.m. to 10 p.m."},
        ),
        (
            {"de": "Die Straße ist zwischen 8 und 18 Uhr gesperrt."},
            {"en_GB": "The road is closed between 8am and 6pm."},
        ),
        (
            {"fr": "Le musée est ouvert de 10 à 18 heures."},
            {"en_GB": "The museum is open from 10am to 6pm."},
        ),
        (
            {"pt_BR": "O museu abre das 10h às 18h."},
            {"en_US": "The museum is open from 10 a.m. to 6 p.m."},
        ),
        (
            {"es": "El museo abre de 8 a 20 horas."},
            {"en_GB": "The museum is open from 8am to 8pm."},
        ),
        (
            {"it": "Il museo è aperto dalle 10 alle 18 tutti i giorni."},
            {"en_GB": "The museum is open from 10am to 6pm every day."},
        ),
        (
            {"en_US": "On opening day the museum will be open from 10 a.m. to 10 p.m."},
            {"de_AT": "Am Eröffnungstag ist das Haus von 10 bis 22 Uhr geöffnet."},
        ),
    ],
)
def test_a_faithful_range_of_hours_passes(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == []


@pytest.mark.parametrize(
    ("source", "translation", "found"),
    [
        (
            {"de_AT": "Das Haus ist von 10 bis 22 Uhr geöffnet."},
            {"en_US": "The museum will be open from 10 a.m. to 11 p.m."},
            ["number-mismatch"],
        ),
        (
            {"fr": "Le musée est ouvert de 10 à 18 heures."},
            {"en_GB": "The museum is open from 9am to 6pm."},
            ["number-mismatch"],
        ),
        (
            {"it": "Il museo è aperto dalle 10 alle 18 tutti i giorni."},
            {"en_GB": "The museum is open from 10am to 7pm every day."},
            ["number-mismatch", "number-missing"],
        ),
    ],
)
def test_a_changed_end_of_a_range_of_hours_is_reported(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str], found: list[str]
) -> None:
    assert sorted(rules_of(tmp_path, **source, **translation)) == found


def test_a_changed_time_beside_a_range_of_hours_is_paired_with_its_counterpart(
    tmp_path: Path,
) -> None:
    paths = story(
        tmp_path,
        de_AT="Das Haus ist von 10 bis 22 Uhr geöffnet, ein Festakt beginnt um 18.30 Uhr.",
        en_US="The museum will be open from 10 a.m. to 10 p.m., and a ceremony begins at 8:30 p.m.",
    )
    _code, findings = check_json(*paths)
    assert [(f["rule"], f["excerpt"]) for f in findings] == [("number-mismatch", "8:30 p.m.")]
    assert "'18.30 Uhr' (18:30)" in str(findings[0]["message"])


# -- a change "from X to Y": a range in one version, two figures in the other -----------------


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"de_AT": "Die Ausstellungsfläche wächst von 2.400 auf 3.150 Quadratmeter."},
            {"en_US": "Exhibition space grows from 2,400 to 3,150 square meters."},
        ),
        (
            {"pt_BR": "A área cresce de 2.400 para 3.150 metros quadrados."},
            {"en_GB": "The area grows from 2,400 to 3,150 square metres."},
        ),
        (
            {"en_US": "Exhibition space grows from 2,400 to 3,150 square meters."},
            {"de_AT": "Die Ausstellungsfläche wächst von 2.400 auf 3.150 Quadratmeter."},
        ),
        (
            {"en_GB": "The area grows from 2,400 to 3,150 square metres."},
            {"pt_BR": "A área cresce de 2.400 para 3.150 metros quadrados."},
        ),
        (
            {"es": "La superficie pasa de 2.400 a 3.150 metros cuadrados."},
            {"it": "La superficie passa da 2.400 a 3.150 metri quadrati."},
        ),
        (
            {"fr": "La surface passe de 2 400 à 3 150 mètres carrés."},
            {"de": "Die Fläche wächst von 2.400 auf 3.150 Quadratmeter."},
        ),
    ],
)
def test_a_range_against_the_same_two_figures_passes(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == []


@pytest.mark.parametrize(
    ("source", "translation", "said"),
    [
        (
            {"de_AT": "Die Ausstellungsfläche wächst von 2.400 auf 3.150 Quadratmeter."},
            {"en_US": "Exhibition space grows from 2,400 to 3,500 square meters."},
            "'3.150' (3,150)",
        ),
        (
            {"en_US": "Exhibition space grows from 2,400 to 3,150 square meters."},
            {"de_AT": "Die Ausstellungsfläche wächst von 2.400 auf 3.500 Quadratmeter."},
            "(3,150)",
        ),
        (
            {"pt_BR": "A área cresce de 2.400 para 3.150 metros quadrados."},
            {"en_GB": "The area grows from 2,100 to 3,150 square metres."},
            "'2.400' (2,400)",
        ),
        (  # the second end is rounded as its own digits allow, not as the first's
            {"en_US": "Exhibition space grows from 2,400 to 3,150 square meters."},
            {"de_AT": "Die Ausstellungsfläche wächst von 2.400 auf 3.180 Quadratmeter."},
            "(3,150)",
        ),
        (  # "20 millions" may round 19 million, but the range's ends are two facts
            {"de": "Für 2022 rechnet die Gesellschaft mit 19 bis 20 Millionen Passagieren."},
            {"fr": "Pour 2022, la société table sur 39 à 20 millions de passagers."},
            "(19,000,000)",
        ),
        (
            {"es": "La superficie pasa de 2,5 a 3,5 hectáreas."},
            {"de": "Die Fläche wächst von 2,5 auf 3,8 Hektar."},
            "(3.5 ha)",
        ),
    ],
)
def test_a_changed_end_of_a_range_against_two_figures_is_reported(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str], said: str
) -> None:
    _code, findings = check_json(*story(tmp_path, **source, **translation))
    assert [f["rule"] for f in findings] == ["number-mismatch"]
    assert said in str(findings[0]["message"])


@pytest.mark.parametrize(
    ("translation", "found"),
    [
        ("The number went from 10,000 to 12,000.", []),
        ("The number went from 10,000 to 13,000.", ["number-mismatch"]),
        ("The number went from 11,000 to 12,000.", ["number-mismatch"]),
    ],
)
def test_each_end_of_a_range_is_rounded_as_its_own_digits_allow(
    tmp_path: Path, translation: str, found: list[str]
) -> None:
    source = "El número pasó de 10 a 12 mil."
    assert rules_of(tmp_path, es=source, en_US=translation) == found


# -- time zones: compared when both versions name the same zone --------------------------------


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"it": "Il piano sarà presentato martedì 9 febbraio alle 15.00 (ora italiana)."},
            {"en_US": "The plan will be presented on Tuesday, Feb. 9, at 5 p.m. Italian time."},
        ),
        (
            {"es": "La votación empieza a las 15.00 (hora de Madrid)."},
            {"en_GB": "Voting starts at 4pm Madrid time."},
        ),
        (
            {"fr": "Le vote commence à 15 heures (heure de Paris)."},
            {"en_GB": "Voting starts at 4pm Paris time."},
        ),
        (
            {"pt_BR": "O leilão começa às 10h (horário de Brasília)."},
            {"en_US": "The auction starts at 11 a.m. Brasília time."},
        ),
        (
            {"es": "La votación empieza a las 15.00 hora local."},
            {"en_GB": "Voting starts at 4pm local time."},
        ),
    ],
)
def test_a_changed_time_in_the_same_time_zone_is_reported(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == ["number-mismatch"]


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        (
            {"it": "Il piano sarà presentato martedì alle 15.00 (ora italiana)."},
            {"en_US": "The plan will be presented on Tuesday at 3 p.m. Italian time."},
        ),
        (
            {"it": "Il piano sarà presentato martedì alle 15.00 (ora italiana)."},
            {"en_US": "The plan will be presented on Tuesday at 9 a.m. ET."},
        ),  # converted
        (
            {"it": "Il piano sarà presentato martedì alle 15.00 (ora italiana)."},
            {"en_GB": "The plan will be presented on Tuesday at 2pm London time."},
        ),
        (
            {"it": "Il piano sarà presentato martedì alle 15.00 (ora italiana)."},
            {"en_US": "The plan will be presented on Tuesday at 9 a.m."},
        ),  # zone on one side
        (
            {"pt_BR": "O leilão começa às 10h (horário de Brasília)."},
            {"en_US": "The auction starts at 9 a.m. ET."},
        ),
        (
            {"es_AR": "El acto será a las 20 (hora argentina)."},
            {"en_US": "The event will be at 6 p.m. ET."},
        ),
        (
            {"pt_BR": "O presidente discursa às 10h (13h GMT) em Brasília."},
            {"en_US": "The president speaks at 9 a.m. ET (1300 GMT) in Brasília."},
        ),
    ],
)
def test_a_time_in_another_zone_or_with_a_zone_on_one_side_passes(
    tmp_path: Path, source: dict[str, str], translation: dict[str, str]
) -> None:
    assert rules_of(tmp_path, **source, **translation) == []


# -- temperatures with the unit letter glued on ("minus 4C", "-3C", "93F") --------------------


@pytest.mark.parametrize(
    ("locale", "text", "temperatures"),
    [
        ("en-GB", "Frosts of down to minus 4C are not ruled out.", [("-4", "°C")]),
        ("en-GB", "Temperatures fell to minus 7.5C overnight.", [("-7.5", "°C")]),
        ("en-GB", "Leeds recorded -3C on Monday.", [("-3", "°C")]),
        ("en-GB", "Highs of 25C are expected in London.", [("25", "°C")]),
        ("en-GB", "London reached 34C (93F) on Tuesday.", [("34", "°C"), ("93", "°F")]),
        ("en-US", "The heat index hit 104F in Phoenix.", [("104", "°F")]),
        ("pt-BR", "A temperatura chegou a -4C em Curitiba.", [("-4", "°C")]),
        ("es-ES", "La temperatura bajó a menos 4C en Soria.", [("-4", "°C")]),
        ("fr", "La température est tombée à moins 4C à Lyon.", [("-4", "°C")]),
        ("de", "Die Temperatur fiel auf minus 4C in Erfurt.", [("-4", "°C")]),
        ("it", "La temperatura è scesa a meno 4C a Bolzano.", [("-4", "°C")]),
    ],
)
def test_a_temperature_may_write_its_unit_letter_glued_on(
    tmp_path: Path, locale: str, text: str, temperatures: list[tuple[str, str]]
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [(n.kind, n.value, n.unit) for n in found] == [
        (NumberKind.MEASURE, Decimal(value), unit) for value, unit in temperatures
    ]


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en-GB", "Passengers in seats 12C and 14F were moved to row 3."),
        ("en-GB", "The G20 and B2B firms met; the register 0x4F was read and 4c noted."),
        ("it", "Gli studenti della 4C hanno vinto il premio."),
        ("en-GB", "Temperatures rose, but the 4CX and 12C2 codes were unchanged."),
    ],
)
def test_a_code_with_a_letter_after_its_digits_is_no_temperature(
    tmp_path: Path, locale: str, text: str
) -> None:
    assert all(n.unit not in ("°C", "°F") for n in numbers(tmp_path, locale, text))


_FROSTS = {
    "es_ES": "No se descartan heladas de hasta -4 ºC y mínimas de -7,5 ºC.",
    "pt_PT": "Não estão excluídas geadas de até -4 °C e mínimas de -7,5 °C.",
    "fr": "Des gelées jusqu'à -4 °C et des minimales de -7,5 °C ne sont pas exclues.",
    "de": "Frost bis -4 °C und Tiefstwerte von -7,5 °C sind nicht ausgeschlossen.",
    "it": "Non si escludono gelate fino a -4 °C e minime di -7,5 °C.",
}


@pytest.mark.parametrize("source", sorted(_FROSTS))
def test_a_temperature_with_its_letter_glued_on_against_degrees_passes(
    tmp_path: Path, source: str
) -> None:
    translation = "Frosts of down to minus 4C and lows of -7.5C are not ruled out."
    assert rules_of(tmp_path, **{source: _FROSTS[source]}, en_GB=translation) == []


@pytest.mark.parametrize("source", sorted(_FROSTS))
@pytest.mark.parametrize("changed", ["minus 5C", "4C", "minus 4F"])
def test_a_changed_temperature_with_its_letter_glued_on_is_reported(
    tmp_path: Path, source: str, changed: str
) -> None:
    translation = f"Frosts of down to {changed} and lows of -7.5C are not ruled out."
    assert rules_of(tmp_path, **{source: _FROSTS[source]}, en_GB=translation) == ["number-mismatch"]


# -- volumes: cubic metres in every language --------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("en-US", "The dam holds 13.4 million cubic meters of tailings."),
        ("en-GB", "The dam holds 13.4 million cubic metres of tailings."),
        ("en-GB", "The dam holds 13.4 million m³ of tailings."),
        ("en-GB", "The dam holds 13.4 million m3 of tailings."),
        ("pt-BR", "A barragem armazena 13,4 milhões de metros cúbicos de rejeitos."),
        ("pt-BR", "A barragem armazena 13,4 milhões de m³ de rejeitos."),
        ("es-ES", "La presa almacena 13,4 millones de metros cúbicos de residuos."),
        ("fr", "Le barrage contient 13,4 millions de mètres cubes de résidus."),
        ("de", "Der Damm fasst 13,4 Millionen Kubikmeter Schlamm."),
        ("it", "La diga contiene 13,4 milioni di metri cubi di fanghi."),
    ],
)
def test_cubic_metres_are_a_volume_not_a_length(tmp_path: Path, locale: str, text: str) -> None:
    (found,) = numbers(tmp_path, locale, text)
    assert (found.kind, found.value, found.unit) == (
        NumberKind.MEASURE, Decimal(13_400_000), "m³",
    )  # fmt: skip


def test_a_unit_symbol_follows_a_link_word_only_after_a_scale_word(tmp_path: Path) -> None:
    found = numbers(tmp_path, "pt-BR", "Foram 3 milhões de km e 2 mil de m³.")
    assert [(n.value, n.unit) for n in found] == [(Decimal(3_000_000), "km"), (Decimal(2000), "m³")]
    found = numbers(tmp_path, "en-GB", "Sales at 3 of FT's rivals fell, and 2 of M&S's shut.")
    assert [(n.kind, n.unit) for n in found if n.value in (2, 3)] == [
        (NumberKind.CARDINAL, ""), (NumberKind.CARDINAL, ""),
    ]  # fmt: skip


_DAM = {
    "pt_BR": "A estrutura armazena cerca de 13,4 milhões de metros cúbicos de rejeitos.",
    "es_ES": "La estructura almacena unos 13,4 millones de metros cúbicos de residuos.",
    "fr": "La structure contient environ 13,4 millions de mètres cubes de résidus.",
    "de": "Das Bauwerk fasst rund 13,4 Millionen Kubikmeter Schlamm.",
    "it": "La struttura contiene circa 13,4 milioni di metri cubi di fanghi.",
}


@pytest.mark.parametrize("source", sorted(_DAM))
@pytest.mark.parametrize(
    "volume", ["13.4 million cubic meters", "13.4 million m³", "13.4 billion liters"]
)
def test_a_faithful_volume_passes(tmp_path: Path, source: str, volume: str) -> None:
    translation = f"The structure holds about {volume} of tailings."
    assert rules_of(tmp_path, **{source: _DAM[source]}, en_US=translation) == []


@pytest.mark.parametrize("source", sorted(_DAM))
@pytest.mark.parametrize("volume", ["31.4 million cubic meters", "13.4 million meters"])
def test_a_changed_volume_is_a_number_mismatch(tmp_path: Path, source: str, volume: str) -> None:
    translation = f"The structure holds about {volume} of tailings."
    expected = "number-mismatch" if "cubic" in volume else "number-missing"
    assert rules_of(tmp_path, **{source: _DAM[source]}, en_US=translation) == [expected]


def test_the_same_figure_in_another_unit_of_one_dimension_is_a_number_mismatch(
    tmp_path: Path,
) -> None:
    assert rules_of(
        tmp_path, pt_BR="A tempestade avançou 100 km.", en_US="The storm advanced 100 miles."
    ) == ["number-mismatch"]


# -- a thousand of millions rendered as millions: the message names the right scale -----------


@pytest.mark.parametrize(
    ("source", "translation", "note", "suggestion"),
    [
        (
            {"es_MX": "El gobierno invirtió 4 mil 500 millones de pesos en vacunas."},
            {"en_US": "The government spent 4.5 million pesos on vaccines."},
            "4,500 millones is 4.5 billion in English",
            "4.5 billion pesos",
        ),
        (
            {"es_MX": "El gobierno invirtió 4500 millones de pesos en vacunas."},
            {"en_US": "The government spent 4.5 million pesos on vaccines."},
            "4,500 millones is 4.5 billion in English",
            "4.5 billion pesos",
        ),
        (
            {"fr": "L'État a dépensé 4 500 millions d'euros en vaccins."},
            {"en_GB": "The state spent 4.5 million euros on vaccines."},
            "4,500 millions is 4.5 billion in English",
            "4.5 billion euros",
        ),
        (
            {"es_MX": "El gobierno invirtió 4 mil 500 millones de pesos en vacunas."},
            {"pt_BR": "O governo gastou 4,5 milhões de pesos em vacinas."},
            "4,500 millones is 4,5 bilhões in Portuguese",
            "4,5 bilhões de pesos",
        ),
        (
            {"es_MX": "El gobierno invirtió 4 mil 500 millones de pesos en vacunas."},
            {"de": "Die Regierung gab 4,5 Millionen Pesos für Impfstoffe aus."},
            "4,500 millones is 4,5 Milliarden in German",
            "4,5 Milliarden Pesos",
        ),
        (
            {"es_MX": "El gobierno invirtió 4 mil 500 millones de pesos en vacunas."},
            {"it": "Il governo ha speso 4,5 milioni di pesos in vaccini."},
            "4,500 millones is 4,5 miliardi in Italian",
            "4,5 miliardi di pesos",
        ),
        (
            {"es_MX": "El gobierno invirtió 4 mil 500 millones de pesos en vacunas."},
            {"fr": "Le gouvernement a dépensé 4,5 millions de pesos en vaccins."},
            "4,500 millones is 4,5 milliards in French",
            "4,5 milliards de pesos",
        ),
    ],
)
def test_a_thousand_millions_rendered_millions_names_the_scale_that_fits(
    tmp_path: Path,
    source: dict[str, str],
    translation: dict[str, str],
    note: str,
    suggestion: str,
) -> None:
    _, findings = check_json(*story(tmp_path, **source, **translation))
    assert [f["rule"] for f in findings] == ["number-mismatch"]
    message = str(findings[0]["message"])
    assert message.endswith(note), message
    assert "10^3" not in message
    assert findings[0]["suggestion"] == suggestion


def test_a_false_friend_scale_word_is_still_explained(tmp_path: Path) -> None:
    _, findings = check_json(
        *story(
            tmp_path,
            pt_PT="O banco anunciou 2 biliões de euros.",
            en_GB="The bank announced 2 billion euros.",
        )
    )
    assert [f["rule"] for f in findings] == ["number-mismatch"]
    assert "'biliões' is 10^12, but English 'billion' is 10^9" in str(findings[0]["message"])
    assert findings[0]["suggestion"] == "2 trillion euros"


# -- the source's grouping is read as its document writes it -----------------------------------

_REVENUE = {
    "es_ES": "El sector factura unos {} millones de euros al año, un 3,5 % más.",
    "pt_PT": "O setor fatura cerca de {} milhões de euros por ano, mais 3,5 %.",
    "it": "Il settore fattura circa {} milioni di euro l'anno, il 3,5% in più.",
    "de": "Die Branche setzt rund {} Millionen Euro im Jahr um, 3,5 Prozent mehr.",
}


@pytest.mark.parametrize("source", sorted(_REVENUE))
@pytest.mark.parametrize(("figure", "wrong"), [("4.500", "4.5"), ("1.200", "1.2")])
def test_a_thousand_millions_grouped_with_a_point_rendered_millions_is_reported(
    tmp_path: Path, source: str, figure: str, wrong: str
) -> None:
    # "4.500" is grouped in a document that writes "3,5": never four and a half.
    _, findings = check_json(
        *story(
            tmp_path,
            **{source: _REVENUE[source].format(figure)},
            en_GB=f"The sector has annual revenue of about {wrong} million euros, 3.5% more.",
        )
    )
    assert [(f["rule"], f["suggestion"]) for f in findings] == [
        ("number-mismatch", f"{wrong} billion euros")
    ]


@pytest.mark.parametrize("source", sorted(_REVENUE))
@pytest.mark.parametrize(
    ("figure", "translated"),
    [("4.500", "4.5 billion"), ("4.500", "4,500 million"), ("4,5", "4.5 million")],
)
def test_a_faithful_figure_with_a_grouping_point_or_a_decimal_comma_passes(
    tmp_path: Path, source: str, figure: str, translated: str
) -> None:
    assert (
        rules_of(
            tmp_path,
            **{source: _REVENUE[source].format(figure)},
            en_GB=f"The sector has annual revenue of about {translated} euros, 3.5% more.",
        )
        == []
    )


def test_a_grouping_point_is_read_the_locale_way_when_the_document_writes_no_decimal(
    tmp_path: Path,
) -> None:
    assert rules_of(
        tmp_path,
        es_ES="El sector factura unos 4.500 millones de euros al año.",
        en_GB="The sector has annual revenue of about 4.5 million euros.",
    ) == ["number-mismatch"]


def test_a_source_that_writes_both_decimal_marks_may_mean_either(tmp_path: Path) -> None:
    # Unsettled usage: "3,5 %" and "2.5 %" in one document; "4.500" may be either.
    assert (
        rules_of(
            tmp_path,
            es="Las ventas suben un 3,5 % y los costes un 2.5 %; el sector factura 4.500 millones.",
            en_GB="Sales rose 3.5% and costs 2.5%; the sector has revenue of 4.5 million.",
        )
        == []
    )


# -- points: percentage points only beside a percentage or a rate ----------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Arsenal stay top with 19 points after eight games.", NumberKind.CARDINAL),
        ("Jokic scored 31 points in the win.", NumberKind.CARDINAL),
        ("Rates fell 0.5 points.", NumberKind.PERCENT),
        ("Inflation rose 2 points to 5%.", NumberKind.PERCENT),
        ("Labour's lead in the poll widened to 9 points.", NumberKind.PERCENT),
        ("Its approval rating fell 4 points in a month.", NumberKind.PERCENT),
        ("The yield rose 0.3 percentage points.", NumberKind.PERCENT),
    ],
)
def test_points_are_percentage_points_only_beside_a_percentage_or_a_rate(
    tmp_path: Path, text: str, kind: NumberKind
) -> None:
    found = numbers(tmp_path, "en-GB", text)[0]
    assert (found.kind, found.unit) == (kind, "pp" if kind is NumberKind.PERCENT else "points")


_TABLE = {
    "pt_BR": "O Arsenal segue líder com {} pontos após oito jogos.",
    "es_ES": "El Arsenal sigue líder con {} puntos tras ocho partidos.",
    "fr": "Arsenal reste en tête avec {} points après huit matches.",
    "de": "Arsenal bleibt mit {} Punkten nach acht Spielen Tabellenführer.",
    "it": "L'Arsenal resta in testa con {} punti dopo otto partite.",
}


@pytest.mark.parametrize("translation", sorted(_TABLE))
@pytest.mark.parametrize(("points", "expected"), [("19", []), ("91", ["number-mismatch"])])
def test_a_points_tally_is_a_count_compared_with_the_translation(
    tmp_path: Path, translation: str, points: str, expected: list[str]
) -> None:
    source = "Arsenal stay top with 19 points after eight games."
    target = _TABLE[translation].format(points)
    assert rules_of(tmp_path, en_GB=source, **{translation: target}) == expected


# -- an hour after an hour article is a time whatever follows, but a noun it counts ----------


@pytest.mark.parametrize(
    ("locale", "text", "times"),
    [
        ("it", "Il museo apre alle 9 e chiude alle 18.", ["9", "18"]),
        ("it", "La seduta riprende alle 9 con il voto.", ["9"]),
        ("it", "Il treno parte alle 21 da Milano.", ["21"]),
        ("it", "Il negozio apre dalle 9 alle 13 e dalle 15 alle 19.", ["9", "13", "15", "19"]),
        ("it", "Il concerto inizia alle 21 di sabato.", ["21"]),
        ("it", "Il museo è aperto dalle 9.", ["9"]),
        ("es", "La votación será a las 9 y el recuento a las 21 en el Senado.", ["9", "21"]),
        ("pt-BR", "A sessão começa às 9 e termina às 18 no plenário.", ["9", "18"]),
    ],
)
def test_an_hour_after_an_hour_article_is_a_time_before_any_word_but_a_noun(
    tmp_path: Path, locale: str, text: str, times: list[str]
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [n.text for n in found if n.kind is NumberKind.TIME] == times
    assert values(tmp_path, locale, text) == []


@pytest.mark.parametrize(
    ("locale", "text", "counts"),
    [
        ("it", "Alle 9 persone arrestate se ne aggiunge un'altra.", ["9"]),
        ("it", "Il premio è andato alle 9 squadre finaliste.", ["9"]),
        ("it", "Il bonus va alle 21 regioni e alle 2 province autonome.", ["21", "2"]),
        ("it", "I fondi passano dalle 9 alle 12 unità.", ["9", "12"]),
        ("es", "El Gobierno multó a las 16 empresas y a las 3 de ellas más.", ["16", "3"]),
        ("pt-BR", "O prêmio foi dado às 9 equipes finalistas.", ["9"]),
    ],
)
def test_a_count_after_an_hour_article_stays_a_count(
    tmp_path: Path, locale: str, text: str, counts: list[str]
) -> None:
    assert [t for t, _ in values(tmp_path, locale, text)] == counts


@pytest.mark.parametrize(
    ("locale", "text", "time", "counts"),
    [
        ("it", "Il traforo è chiuso dalle 17 per 15 settimane.", "17", ["15"]),
        ("it", "Sono arrivati alle 9 con 12 ospiti.", "9", ["12"]),
        ("es", "La sesión empieza a las 9 con 12 diputados.", "9", ["12"]),
    ],
)
def test_a_figure_after_the_word_after_an_hour_leaves_the_hour_a_time(
    tmp_path: Path, locale: str, text: str, time: str, counts: list[str]
) -> None:
    found = numbers(tmp_path, locale, text)
    assert [n.text for n in found if n.kind is NumberKind.TIME] == [time]
    assert [t for t, _ in values(tmp_path, locale, text)] == counts


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        ("The museum opens at 9am and closes at 6pm.", []),
        ("The museum opens at 10am and closes at 6pm.", ["number-mismatch"]),
        ("The museum opens at 9am and closes at 7pm.", ["number-mismatch"]),
    ],
)
def test_hours_after_alle_are_compared_as_times(
    tmp_path: Path, translation: str, expected: list[str]
) -> None:
    source = "Il museo apre alle 9 e chiude alle 18."
    assert rules_of(tmp_path, it=source, en_GB=translation) == expected


# -- percentage points against percent -----------------------------------------------------


@pytest.mark.parametrize(
    ("versions", "excerpt"),
    [
        (  # plain "points" in a sentence that states a percentage
            {
                "fr_FR": "La marge est tombée à 4,8 %, en recul de 2,1 points sur 2024.",
                "en_GB": "The margin fell to 4.8%, down 2.1% on 2024.",
            },
            "2.1%",
        ),
        (
            {
                "en_US": "It is financed by a 0.75 percentage point increase in the hotel tax.",
                "pt_PT": "É financiada por um aumento de 0,75% na taxa hoteleira.",
            },
            "0,75%",
        ),
        (
            {
                "es_ES": "Las tasas subieron 0,25 puntos porcentuales en marzo.",
                "en_US": "Rates rose 0.25% in March.",
            },
            "0.25%",
        ),
        (
            {
                "de_DE": "Die Arbeitslosenquote stieg um 0,4 Prozentpunkte.",
                "it_IT": "Il tasso di disoccupazione è salito dello 0,4%.",
            },
            "0,4%",
        ),
        (  # plain "punti" in a sentence about unemployment
            {
                "it_IT": "La disoccupazione è scesa di 1,2 punti l'anno scorso.",
                "en_GB": "Unemployment fell 1.2% last year.",
            },
            "1.2%",
        ),
        (  # the other way round: a percentage rendered as points
            {
                "en_US": "Unemployment fell 1.2% last year.",
                "pt_BR": "O desemprego caiu 1,2 ponto percentual no ano passado.",
            },
            "1,2 ponto percentual",
        ),
    ],
)
def test_percentage_points_rendered_as_percent_are_flagged(
    tmp_path: Path, versions: dict[str, str], excerpt: str
) -> None:
    paths = story(tmp_path, **versions)
    code, findings = check_json(*paths)
    assert code == 1
    assert [(f["rule"], f["excerpt"]) for f in findings] == [("number-mismatch", excerpt)]
    assert "percentage points and percent are different units" in str(findings[0]["message"])


def test_points_kept_as_points_pass_and_a_count_of_points_is_no_percentage(
    tmp_path: Path,
) -> None:
    faithful = story(
        tmp_path,
        en_US="Unemployment fell 1.2 points. The index lost 300 points. He scored 12 points.",
        fr_FR="Le chômage a reculé de 1,2 point. L'indice a perdu 300 points. Il a marqué 12 "
        "points.",
    )
    assert check_json(*faithful) == (0, [])
    (tmp_path / "changed").mkdir()
    changed = story(
        tmp_path / "changed",
        de_DE="Der DAX verlor am Montag 300 Punkte.",
        en_US="The DAX lost 300% on Monday.",
    )
    _code, findings = check_json(*changed)
    assert [(f["rule"], f["excerpt"]) for f in findings] == [("number-mismatch", "300%")]
    assert "points and percent are different units" in str(findings[0]["message"])


# -- messages: no-break spaces, scale words by locale, abbreviations -----------------------------


def test_locale_format_message_shows_a_no_break_space_as_a_space(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        en_US="The 62,500-seat stadium will replace Memorial Field.",
        pt_PT="O estádio, com 62,500 lugares, vai substituir o Memorial Field.",
    )
    _code, findings = check_json(*paths)
    (finding,) = [f for f in findings if f["rule"] == "number-locale-format"]
    message = str(finding["message"])
    assert "\\x" not in message and "\u00a0" not in message
    assert message.endswith(
        "pt-PT writes decimals with a comma and groups thousands with a space ('62 500')"
    )
    assert finding["suggestion"] == "62\u00a0500"  # the fix itself keeps the no-break space


def test_mismatch_message_shows_a_narrow_no_break_space_as_a_space(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        fr_FR="Le stade compte 62\u202f500 places.",
        en_US="The stadium has 65,000 seats.",
    )
    _code, findings = check_json(*paths)
    (finding,) = [f for f in findings if f["rule"] == "number-mismatch"]
    assert "the French version says '62 500' (62,500)" in str(finding["message"])


@pytest.mark.parametrize("locale", ["pt_PT", "pt_AO", "pt_MZ"])
def test_billion_is_mil_milhoes_outside_brazil(tmp_path: Path, locale: str) -> None:
    paths = story(
        tmp_path,
        en_US="The council approved a $1.4 billion stadium.",
        **{locale: "A câmara aprovou um estádio de 1,4 biliões de dólares."},
    )
    _code, findings = check_json(*paths)
    (finding,) = findings
    assert finding["suggestion"] == "1,4 mil milhões de dólares"
    assert "'billion' is 'mil milhões' in " in str(finding["message"])
    assert "bilhões" not in str(finding["message"])
    (tmp_path / "faithful").mkdir()
    faithful = story(
        tmp_path / "faithful",
        en_US="The council approved a $1.4 billion stadium.",
        **{locale: "A câmara aprovou um estádio de 1,4 mil milhões de dólares."},
    )
    assert check_json(*faithful) == (0, [])


def test_brazilian_suggestions_keep_brazilian_scale_words(tmp_path: Path) -> None:
    paths = story(
        tmp_path,
        en_US="The fund holds $1.4 trillion.",
        pt_BR="O fundo tem 1,4 bilhão de dólares.",
    )
    _code, findings = check_json(*paths)
    assert [f["suggestion"] for f in findings] == ["1,4 trilhão de dólares"]


@pytest.mark.parametrize(
    ("versions", "suggestion", "named"),
    [
        (
            {
                "fr_FR": "Son chiffre d'affaires a reculé à 1,46 milliard d'euros.",
                "en_GB": "Its revenue fell to €1.46m.",
            },
            "€1.46bn",
            "English 'm' (million) is 10^6",
        ),
        (
            {
                "en_US": "The city will borrow $1.4 billion.",
                "de_DE": "Die Stadt leiht sich 1,4 Mio. Dollar.",
            },
            "1,4 Mrd. Dollar",
            "German 'Mio.' (Million) is 10^6",
        ),
        (  # no abbreviation for 10^9 in European Portuguese: the word, after a space
            {
                "en_US": "The city will borrow $1.4 billion.",
                "pt_PT": "A cidade vai pedir emprestados US$ 1,4mi.",
            },
            "US$ 1,4 mil milhões",
            "'mi' (milhão) is 10^6",
        ),
    ],
)
def test_a_scale_abbreviation_is_fixed_with_an_abbreviation(
    tmp_path: Path, versions: dict[str, str], suggestion: str, named: str
) -> None:
    paths = story(tmp_path, **versions)
    _code, findings = check_json(*paths)
    (finding,) = findings
    assert finding["suggestion"] == suggestion
    assert named in str(finding["message"])


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("pt-BR", "O rendimento recuou 6 pontos-base, para 3,56%."),
        ("pt-PT", "A taxa caiu 6 pontos base, para 3,56%."),
        ("es-ES", "La tasa bajó 6 puntos básicos, al 3,56%."),
        ("fr-FR", "Le taux a reculé de 6 points de base, à 3,56 %."),
    ],
)
def test_basis_points_are_not_percentage_points(tmp_path: Path, locale: str, text: str) -> None:
    first = numbers(tmp_path, locale, text)[0]
    assert (first.value, first.unit) == (Decimal(6), "")
