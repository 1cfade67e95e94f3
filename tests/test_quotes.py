"""Quotations a reader sees as quotations: dialogue dashes, and figures quoted in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile import api


def quotes(folder: Path, locale: str, text: str) -> list[str]:
    """The text of each outer quotation of a document."""
    path = folder / f"{locale}.txt"
    path.write_text(text, encoding="utf-8")
    document = api.load_document(str(path), api.Options())
    return [q.text for q in document.quotes if q.depth == 0]


def write_story(folder: Path, source: tuple[str, str], target: tuple[str, str]) -> list[str]:
    """The paths of two versions, each given as (locale, text), written in `folder`."""
    folder.mkdir()
    paths = []
    for locale, text in (source, target):
        path = folder / f"{locale}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def findings(folder: Path, source: tuple[str, str], target: tuple[str, str]) -> list[str]:
    """The quote and number findings on a story of two versions, each given as (locale,
    text), the source first: as "rule excerpt"."""
    paths = write_story(folder, source, target)
    report = api.check(paths, api.Options())
    return [
        f"{f.rule} {f.location.excerpt}"
        for f in report.stories[0].findings
        if f.rule.startswith(("quote-", "number-"))
    ]


# Direct speech opened by a dash at a paragraph's start and closed by the dash that
# introduces the speaker ("—afirmó Villaseñor"), or by the paragraph's end after the
# speaker's words ("—afirmó el secretario—. Hay que ...").
DIALOGUE: dict[str, tuple[str, str, list[str]]] = {
    "es speech then speaker": (
        "es_MX",
        "—Vacunarse es gratuito. El año pasado, 8 de cada 10 personas que murieron no "
        "estaban vacunadas —afirmó Villaseñor.",
        [
            "Vacunarse es gratuito. El año pasado, 8 de cada 10 personas que murieron no "
            "estaban vacunadas"
        ],
    ),
    "es speech resumed after the speaker": (
        "es",
        "—Vacunarse es la mejor protección —afirmó el secretario—. Hay que hacerlo ya.",
        ["Vacunarse es la mejor protección", "Hay que hacerlo ya."],
    ),
    "es speech resumed after a comma": (
        "es",
        "—Si no nos vacunamos —advirtió la ministra—, el invierno será muy duro.",
        ["Si no nos vacunamos", "el invierno será muy duro."],
    ),
    "pt dashes with spaces": (
        "pt_BR",
        "— Não vamos recuar das metas fiscais — disse o ministro Fernando Haddad.",
        ["Não vamos recuar das metas fiscais"],
    ),
    "pt en dash, compound tense": (
        "pt_BR",
        "– A barragem está segura – tinha afirmado o engenheiro na semana passada.",
        ["A barragem está segura"],
    ),
    "it speech then speaker": (
        "it",
        "— Non torneremo indietro sulla riforma — ha detto il ministro.",
        ["Non torneremo indietro sulla riforma"],
    ),
    "es a reply in the next paragraph": (
        "es",
        "—¿Habrá vacunas para todos? —preguntó un periodista.\n\n"
        "—Hay 35 millones de dosis disponibles.",
        ["¿Habrá vacunas para todos?", "Hay 35 millones de dosis disponibles."],
    ),
    "es quotation marks inside the speech are nested": (
        "es",
        '—El llamado "apagón" no volverá a ocurrir —aseguró el ministro.',
        ['El llamado "apagón" no volverá a ocurrir'],
    ),
}

# Dashes that quote nothing: ranges, asides and datelines inside prose, list items.
NOT_DIALOGUE: dict[str, tuple[str, str]] = {
    "es range": ("es", "El periodo 2020—2025 fue el más seco del siglo."),
    "es aside in prose": ("es", "El ministro –dijo el portavoz– llegó tarde a la reunión."),
    "pt dateline": ("pt_BR", "SÃO PAULO — A Petrobras anunciou o plano na segunda-feira."),
    "pt list": (
        "pt_BR",
        "As principais medidas são:\n\n— Redução de 10% do IPI para carros;\n\n"
        "— Isenção de IR para quem ganha até R$ 5 mil.",
    ),
    "pt list item with a comment": (
        "pt_BR",
        "As medidas:\n\n— Isenção de IR até R$ 5 mil — hoje o limite é R$ 2.824.",
    ),
    "es speaker verb not at a paragraph's start": (
        "es",
        "Lo explicó así: la vacuna es gratuita —afirmó Villaseñor— y segura.",
    ),
    "fr dialogue dash": ("fr", "— Nous ne reculerons pas, a dit le ministre."),
}


@pytest.mark.parametrize("case", list(DIALOGUE))
def test_dialogue_dash_opens_a_quotation(tmp_path: Path, case: str) -> None:
    locale, text, expected = DIALOGUE[case]
    assert quotes(tmp_path, locale, text) == expected


@pytest.mark.parametrize("case", list(NOT_DIALOGUE))
def test_other_dashes_quote_nothing(tmp_path: Path, case: str) -> None:
    locale, text = NOT_DIALOGUE[case]
    assert quotes(tmp_path, locale, text) == []


SPEECH_ES = (
    "es_MX",
    "—Vacunarse es gratuito. El año pasado, 8 de cada 10 personas que murieron no estaban "
    "vacunadas —afirmó Villaseñor.",
)
SPEECH_PT = (
    "pt_BR",
    "— Não vamos aumentar impostos sobre a classe média em 2026 — disse o ministro Haddad.",
)

# (source, target, findings)
DIALOGUE_CHECKED: dict[str, tuple[tuple[str, str], tuple[str, str], list[str]]] = {
    "es-en faithful": (
        SPEECH_ES,
        (
            "en_US",
            '"Getting vaccinated is free. Last year, 8 out of 10 people who died had not been '
            'vaccinated," Villaseñor said.',
        ),
        [],
    ),
    "es-en figure changed in the speech": (
        SPEECH_ES,
        (
            "en_US",
            '"Getting vaccinated is free. Last year, 9 out of 10 people who died had not been '
            'vaccinated," Villaseñor said.',
        ),
        [
            'quote-mismatch "Getting vaccinated is free. Last year, 9 out of 10 people who '
            'died had not been vaccinated,"',
            "number-mismatch 9",
        ],
    ),
    "es-en speech reported": (
        SPEECH_ES,
        (
            "en_US",
            "Villaseñor said vaccination was free and that last year 8 out of 10 people who "
            "died had not been vaccinated.",
        ),
        [
            "quote-missing Villaseñor said vaccination was free and that last year 8 out of "
            "10 people who died had not been vaccinated."
        ],
    ),
    "en-es faithful, quoted with dashes": (
        (
            "en_US",
            '"Getting vaccinated is free. Last year, 8 out of 10 people who died had not been '
            'vaccinated," Villaseñor said.',
        ),
        SPEECH_ES,
        [],
    ),
    "pt-en faithful": (
        SPEECH_PT,
        ("en_US", '"We will not raise taxes on the middle class in 2026," minister Haddad said.'),
        [],
    ),
    "pt-en figure changed in the speech": (
        SPEECH_PT,
        ("en_US", '"We will not raise taxes on the middle class in 2027," minister Haddad said.'),
        [
            'quote-mismatch "We will not raise taxes on the middle class in 2027,"',
            "number-mismatch 2027",
        ],
    ),
    "pt-en speech reported": (
        SPEECH_PT,
        (
            "en_US",
            "Minister Haddad said the government would not raise taxes on the middle class "
            "in 2026.",
        ),
        [
            "quote-missing Minister Haddad said the government would not raise taxes on the "
            "middle class in 2026."
        ],
    ),
    "it-en faithful": (
        ("it", "— Non torneremo indietro sulla riforma delle pensioni — ha detto il ministro."),
        ("en_GB", '"We will not go back on the pension reform," the minister said.'),
        [],
    ),
}


@pytest.mark.parametrize("case", list(DIALOGUE_CHECKED))
def test_dialogue_quotation_is_compared_like_any_quotation(tmp_path: Path, case: str) -> None:
    source, target, expected = DIALOGUE_CHECKED[case]
    assert sorted(findings(tmp_path / "story", source, target)) == sorted(expected)


# Figures quoted in words are compared as figures quoted in digits are. (source, target,
# findings)
SPELLED: dict[str, tuple[tuple[str, str], tuple[str, str], list[str]]] = {
    "de-en number word changed": (
        ("de", "Müller sagte, er wolle den Club „innerhalb von drei Jahren zurück“ führen."),
        ("en_US", 'Müller said he wanted to take the club "back within two years."'),
        ['quote-mismatch "back within two years."', "number-mismatch two"],
    ),
    "es-en number word changed": (
        ("es", '"Vamos a contratar a cinco mil médicos", dijo el ministro.'),
        ("en_US", '"We will hire six thousand doctors," the minister said.'),
        ['quote-mismatch "We will hire six thousand doctors,"', "number-mismatch six thousand"],
    ),
    "pt-en word changed into digits": (
        ("pt_BR", '"Vamos contratar dez mil médicos", disse o ministro.'),
        ("en_US", '"We will hire 12,000 doctors," the minister said.'),
        ['quote-mismatch "We will hire 12,000 doctors,"', "number-mismatch 12,000"],
    ),
    "de-en the same number in words": (
        ("de", "Müller sagte, er wolle den Club „innerhalb von drei Jahren zurück“ führen."),
        ("en_US", 'Müller said he wanted to take the club "back within three years."'),
        [],
    ),
    "de-en digits for words": (
        ("de", "Müller sagte: „Wir kommen in 3 Jahren zurück in die Bundesliga“."),
        ("en_US", 'Müller said: "We will be back in the Bundesliga within three years."'),
        [],
    ),
    "es-en digits for words with a scale": (
        ("es", '"Vamos a contratar a cinco mil médicos", dijo el ministro.'),
        ("en_US", '"We will hire 5,000 doctors," the minister said.'),
        [],
    ),
    "fr-en digits for words with a scale": (
        ("fr", "« Nous allons embaucher deux millions de personnes », a dit le ministre."),
        ("en_US", '"We will hire 2 million people," the minister said.'),
        [],
    ),
    "it-en a half in words": (
        ("it", "«Servono tre miliardi e mezzo di euro», ha detto il ministro."),
        ("en_US", '"We need 3.5 billion euros," the minister said.'),
        [],
    ),
    "pt-en a count in words rephrased": (
        ("pt_BR", '"Os dois países vão assinar o acordo em breve", disse o ministro.'),
        ("en_US", '"Both countries will sign the deal soon," the minister said.'),
        [],
    ),
}


@pytest.mark.parametrize("case", list(SPELLED))
def test_figures_quoted_in_words_are_compared(tmp_path: Path, case: str) -> None:
    source, target, expected = SPELLED[case]
    assert sorted(findings(tmp_path / "story", source, target)) == sorted(expected)


def test_quoted_figures_in_words_are_shown_as_written(tmp_path: Path) -> None:
    messages = _quote_messages(
        tmp_path / "story",
        ("it", "«Servono tre mesi in più e 2,3 miliardi di euro», ha detto Righetti."),
        ("en_GB", '"We need three more months and 3.2 billion euros," Righetti said.'),
    )
    # The figure in words both quotations have is not shown as a difference.
    assert messages == ["the quoted figures differ: '3.2' here, '2,3' in the source"]
    messages = _quote_messages(
        tmp_path / "other",
        ("de", "Müller sagte, er wolle den Club „innerhalb von drei Jahren zurück“ führen."),
        ("en_US", 'Müller said he wanted to take the club "back within two years."'),
    )
    assert messages == ["the quoted figures differ: 'two' here, 'drei' in the source"]


# A name inside the source's quotation that the translation's quotation lacks, though the
# translation names it elsewhere. (source, target, findings)
QUOTED_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str], list[str]]] = {
    "en-es the name in the language's own form": (
        (
            "en_GB",
            '"The Swiss people have chosen a stable path with Europe," the minister said.\n\n'
            "The European Commission welcomed the result.",
        ),
        (
            "es",
            "«El pueblo suizo ha elegido un camino estable con Europa», dijo el ministro.\n\n"
            "La Comisión Europea celebró el resultado.",
        ),
        [],
    ),
    "pt-en the name moved out of the quotation": (
        ("pt_BR", '"O Haddad não vai recuar", disse Lula na terça-feira.'),
        ("en_US", '"He will not back down," Lula said of Haddad on Tuesday.'),
        ['quote-mismatch "He will not back down,"'],
    ),
}


@pytest.mark.parametrize("case", list(QUOTED_NAMES))
def test_a_name_quoted_in_the_source_is_quoted_in_the_translation(
    tmp_path: Path, case: str
) -> None:
    source, target, expected = QUOTED_NAMES[case]
    assert findings(tmp_path / "story", source, target) == expected


def _quote_messages(folder: Path, source: tuple[str, str], target: tuple[str, str]) -> list[str]:
    paths = write_story(folder, source, target)
    found = api.check(paths, api.Options()).stories[0].findings
    return [f.message.split(" (")[0] for f in found if f.rule == "quote-mismatch"]


# Only the figures that differ are shown, pair by pair in text order: not the figures both
# quotations have, whatever their separators ("1.2" and "1,2").
CHANGED_FIGURES: dict[str, tuple[tuple[str, str], tuple[str, str], str]] = {
    "it-en a figure in words changed beside one kept": (
        (
            "it",
            "«Abbiamo piantato 1,2 milioni di alberi nuovi, ma serviranno almeno sette anni"
            " per tornare ai livelli di prima», ha spiegato Corradini.",
        ),
        (
            "en_GB",
            "'We have planted 1.2 million new trees, but it will take at least three years to"
            " get back to previous levels,' Corradini said.",
        ),
        "'three' here, 'sette' in the source",
    ),
    "en-pt a figure in digits changed after one kept": (
        (
            "en_US",
            '"In 30 years we went from 4,200 seats to nothing," said Mayor Dana Okafor-Gant.',
        ),
        (
            "pt_PT",
            "«Em 30 anos passámos de 2400 lugares para nada», disse a presidente Dana Okafor-Gant.",
        ),
        "'2400' here, '4,200' in the source",
    ),
    "es-fr two figures changed": (
        ("es", '"Pedimos 300 euros más y 12 días de vacaciones", dijo Binet.'),
        ("fr", "« Nous demandons 200 euros de plus et 15 jours de congé », a dit Mme Binet."),
        "'200' here, '300' in the source; '15' here, '12' in the source",
    ),
    "de-en a figure dropped": (
        ("de", "„Wir brauchen 40 Busse und 12 Fahrer“, sagte Caduff."),
        ("en_US", '"We need 40 buses and drivers," Caduff said.'),
        "'12' in the source, not here",
    ),
}


@pytest.mark.parametrize("case", list(CHANGED_FIGURES))
def test_only_the_quoted_figures_that_differ_are_shown(tmp_path: Path, case: str) -> None:
    source, target, shown = CHANGED_FIGURES[case]
    assert _quote_messages(tmp_path / "story", source, target) == [
        f"the quoted figures differ: {shown}"
    ]
