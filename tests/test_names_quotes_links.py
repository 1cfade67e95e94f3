"""Names, quotations, links and untranslated sentences, as a user of the CLI sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from schema_check import assert_valid_report

from reconcile import api
from reconcile import locale as cldr
from reconcile.model import Severity

STORY = Path(__file__).parent.parent / "corpora" / "stories" / "haddad-fiscal-package"
PT, EN = str(STORY / "pt-BR.txt"), str(STORY / "en-US.txt")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *args], capture_output=True, text=True, check=False
    )


def findings(*paths: str) -> list[dict[str, object]]:
    result = run("check", *paths, "--format", "json", "--fail-on", "never")
    assert result.returncode == 0, result.stderr
    assert_valid_report(result.stdout)
    return list(json.loads(result.stdout)["stories"][0]["findings"])


def write(folder: Path, **versions: str) -> list[str]:
    paths = []
    for locale, text in versions.items():
        path = folder / f"{locale.replace('_', '-')}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_cli_flags_a_name_with_one_letter_changed_on_the_translation() -> None:
    spelling = [f for f in findings(PT, EN) if f["rule"] == "name-spelling"]
    # The dateline's dropped accent is worth a look only; the changed letter is a warning.
    assert [(f["excerpt"], f["severity"]) for f in spelling if f["severity"] == "info"] == [
        ("BRASILIA", "info")
    ]
    found = [f for f in spelling if f["severity"] != "info"]
    assert len(found) == 1
    finding = found[0]
    assert finding["path"] == EN
    assert finding["severity"] == "warning"
    assert (finding["line"], finding["excerpt"]) == (3, "Hadad")
    assert finding["suggestion"] == "Haddad"
    related = finding["related"]
    assert isinstance(related, list)
    assert [(r["path"], r["line"], r["excerpt"]) for r in related] == [(PT, 3, "Haddad")]


def test_cli_flags_a_sentence_left_in_portuguese_in_english_copy() -> None:
    found = [f for f in findings(PT, EN) if f["rule"] == "language-untranslated"]
    assert [(f["path"], f["line"]) for f in found] == [(EN, 13)]
    assert "Portuguese" in str(found[0]["message"])


def test_cli_flags_a_quotation_dropped_in_translation(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        pt_BR='"Não vamos aumentar impostos sobre a classe média", disse Haddad.',
        en_US="Haddad said the government would not raise taxes on the middle class.",
    )
    result = run("check", *paths)
    assert result.returncode == 1
    assert "warning [quote-missing]" in result.stdout
    assert "Não vamos aumentar impostos" in result.stdout


def test_quoted_figures_are_shown_as_each_version_writes_them(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        fr="« Nous avons obtenu 3,5\u00a0% et 1\u202f250 postes », a déclaré Anne Lefèvre.",
        en_US='"We won 5.3% and 1,250 jobs," said Anne Lefèvre.',
    )
    found = [f for f in findings(*paths) if f["rule"] == "quote-mismatch"]
    assert len(found) == 1
    # Compared by their digits ("3,5" is "3.5"), shown as written: not "53 here, 35"; the
    # figure both have (1,250) is not shown.
    assert str(found[0]["message"]).startswith(
        "the quoted figures differ: '5.3' here, '3,5' in the source ("
    )


def test_a_sentence_starting_inside_a_quotation_names_no_one(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        pt_BR='"Nunca vimos tanta água. Em algumas áreas choveu 180 milímetros. Na volta vai'
        ' ser outro jogo", disse ele sobre a emergência.',
        en_GB='"We have never seen so much water. In some areas 180 millimetres fell. In the'
        ' second leg it will be a different game," he said of the emergency.',
    )
    assert [f for f in findings(*paths) if f["rule"] == "quote-mismatch"] == []


def test_swiss_grouped_figure_in_a_quotation_is_one_figure(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        de_CH="«Wir haben 12'500 Freiwillige auf der Strasse», sagte sie in Bern.",
        en_US='"We have 12,500 volunteers on the street," she said in Bern.',
    )
    assert [f for f in findings(*paths) if f["rule"] == "quote-mismatch"] == []
    paths = write(
        tmp_path,
        de_CH="«Wir haben 12’500 Freiwillige auf der Strasse», sagte sie in Bern.",
        en_US='"We have 12,050 volunteers on the street," she said in Bern.',
    )
    found = [f for f in findings(*paths) if f["rule"] == "quote-mismatch"]
    assert [str(f["message"]).split(" (")[0] for f in found] == [
        "the quoted figures differ: '12,050' here, '12’500' in the source"
    ]


def test_changed_letter_outranks_dropped_diacritics(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        es="El canciller Yván Gil se reunió con Javier Milei.",
        en_US="Foreign Minister Yvan Gil met Javier Milie.",
    )
    report = api.check(paths, api.Options())
    spelling = {
        f.location.excerpt: f.severity
        for f in report.stories[0].findings
        if f.rule == "name-spelling"
    }
    assert spelling == {"Yvan": Severity.INFO, "Milie": Severity.WARNING}


def test_cldr_names_are_one_entity_in_every_language(tmp_path: Path) -> None:
    assert cldr.place_names("pt")["estados unidos"] == "territory:US"
    assert cldr.place_names("fr")["etats-unis"] == "territory:US"
    assert cldr.place_names("en")["united states"] == "territory:US"
    paths = write(
        tmp_path,
        pt_BR="A delegação voltou dos Estados Unidos. Os Estados Unidos aprovaram o acordo.",
        fr="La délégation est rentrée des États-Unis. Les États-Unis ont approuvé l'accord.",
    )
    report = api.check(paths, api.Options())
    assert not [f for f in report.stories[0].findings if f.rule.startswith("name-")]


def test_faithful_translation_with_quotes_links_and_names_is_clean(tmp_path: Path) -> None:
    paths = write(
        tmp_path,
        de="„Wir streiken ab Montag“, sagte Verdi-Chef Frank Werneke. "
        "Details: www.verdi.de/presse.",
        en_GB='"We will strike from Monday," said Verdi leader Frank Werneke. '
        "Details: www.verdi.de/presse.",
    )
    rules = {f["rule"] for f in findings(*paths)}
    mine = {"name-spelling", "name-missing", "quote-missing", "quote-mismatch", "link-mismatch"}
    assert not rules & (mine | {"language-untranslated"})


def test_facts_shows_names_quotes_and_links_in_text_and_json() -> None:
    text = run("facts", PT)
    assert text.returncode == 0, text.stderr
    assert "'Fernando Haddad' name" in text.stdout
    assert '"Não vamos aumentar impostos sobre a classe média" quote' in text.stdout
    assert "'imprensa@fazenda.gov.br' email" in text.stdout
    data = json.loads(run("facts", PT, "--format", "json").stdout)
    names = {n["text"]: n for n in data["names"]}
    assert names["Luiz Inácio Lula da Silva"]["key"] == "luiz inacio lula da silva"
    assert names["Brasília"]["weak"] is False
    assert data["quotes"][0]["quoted"].startswith("Não vamos")
    assert {(k["kind"], k["key"]) for k in data["links"]} == {
        ("url", "gov.br/fazenda/pt-br/pacote-fiscal"),
        ("email", "imprensa@fazenda.gov.br"),
    }


def test_quotations_in_every_convention(tmp_path: Path) -> None:
    cases = {
        "de": (
            "Er sagte: „Wir kommen ‚sofort‘ zurück“ und ging.",
            ["Wir kommen ‚sofort‘ zurück", "sofort"],
        ),
        "fr": ("Il a dit : « Nous reviendrons » hier.", ["Nous reviendrons"]),
        "ja": ("彼は「明日行く」と言った。", ["明日行く"]),
        "en": ("She said \"don't go\" and 'stay here' at O'Hare.", ["don't go", "stay here"]),
    }
    for language, (text, expected) in cases.items():
        path = tmp_path / f"{language}.txt"
        path.write_text(text, encoding="utf-8")
        document = api.load_document(str(path), api.Options())
        assert [q.text for q in document.quotes] == expected, language


def test_multi_paragraph_quotation_is_one_quote(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text('"We will not back down.\n\n"We will keep fighting," she said.\n', "utf-8")
    document = api.load_document(str(path), api.Options())
    assert len(document.quotes) == 1
    assert document.quotes[0].sentence == 0 and document.quotes[0].last_sentence == 1


def test_links_handles_and_hashtags(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text(
        "See https://example.org/a_(b). Write to Press@Example.org, follow @Reuters "
        "and #Election2026, not #1.",
        "utf-8",
    )
    document = api.load_document(str(path), api.Options())
    assert [(k.kind, k.text) for k in document.links] == [
        ("url", "https://example.org/a_(b)"),
        ("email", "Press@Example.org"),
        ("handle", "@Reuters"),
        ("hashtag", "#Election2026"),
    ]
    assert not any(n.text == "Reuters" for n in document.names)


def test_url_may_differ_only_by_a_language_segment(tmp_path: Path) -> None:
    same = write(
        tmp_path,
        pt_BR="O texto está em https://pt.wikipedia.org/wiki/Brasil hoje.",
        en_US="The text is at https://en.wikipedia.org/wiki/Brasil today.",
    )
    assert not [f for f in findings(*same) if f["rule"] == "link-mismatch"]
    (tmp_path / "other").mkdir()
    changed = write(
        tmp_path / "other",
        pt_BR="O texto está em https://pt.wikipedia.org/wiki/Brasil hoje.",
        en_US="The text is at https://en.wikipedia.org/wiki/Brazil today.",
    )
    assert [f["rule"] for f in findings(*changed) if f["rule"] == "link-mismatch"] == [
        "link-mismatch"
    ]


def test_a_form_written_throughout_is_the_translations_own_not_a_slip(tmp_path: Path) -> None:
    source = (
        "O ministro Yván Gil chegou a Brasília na sexta-feira para a cúpula.\n"
        "O encontro com Yván Gil terminou sem acordo sobre tarifas.\n"
    )
    own = (
        "Minister Ivan Gil arrived in Brasília on Friday for the summit.\n"
        "The meeting with Ivan Gil ended without a deal on tariffs.\n"
    )
    paths = write(tmp_path, pt_BR=source, en=own)
    spelling = [f for f in findings(*paths) if f["rule"] == "name-spelling"]
    assert [(f["severity"], f.get("suggestion")) for f in spelling] == [("info", None)] * 2
    slip = own.replace("Minister Ivan Gil", "Minister Yván Gil")
    paths = write(tmp_path, pt_BR=source, en=slip)
    spelling = [f for f in findings(*paths) if f["rule"] == "name-spelling"]
    assert [(f["severity"], f["line"]) for f in spelling] == [("warning", 2)]


def name_findings(folder: Path, source: tuple[str, str], target: tuple[str, str]) -> list[str]:
    """The name findings of warning or error severity on a story of two versions, each given
    as (locale, text), the source first: as "rule excerpt"."""
    folder.mkdir()
    paths = write(folder, **{source[0]: source[1]})
    paths += write(folder, **{target[0]: target[1]})
    report = api.check(paths, api.Options())
    return [
        f"{f.rule} {f.location.excerpt}"
        for f in report.stories[0].findings
        if f.rule.startswith("name-") and f.severity is not Severity.INFO
    ]


# A name's spelling changed where the testers found the rules blind: at its end, in a particle
# of the surname, or by another surname after the same given names. (source, target, findings)
CHANGED_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str], list[str]]] = {
    "en-es letter dropped at the end": (
        ("en_US", "The hearing is before U.S. District Judge Helen Okafor."),
        ("es", "La audiencia será ante la jueza federal de distrito Helen Okafo."),
        ["name-spelling Okafo"],
    ),
    "fr-en letter dropped at the end": (
        ("fr", "Le directeur du site, Thomas Kessler, a confirmé l'explosion."),
        ("en_US", "The site director, Thomas Kessle, confirmed the explosion."),
        ["name-spelling Kessle"],
    ),
    "fr-en letter added at the end": (
        ("fr", "Le directeur du site, Thomas Kessler, a confirmé l'explosion."),
        ("en_US", "The site director, Thomas Kesslers, confirmed the explosion."),
        ["name-spelling Kesslers"],
    ),
    "pt-fr letter dropped at the end": (
        ("pt_BR", "O ministro Fernando Haddad anunciou o pacote."),
        ("fr", "Le ministre Fernando Hadda a annoncé le plan."),
        ["name-spelling Hadda"],
    ),
    "it-de letter dropped at the end": (
        ("it", "Il sindaco Marco Santangelo ha parlato con la stampa."),
        ("de", "Bürgermeister Marco Santangel sprach mit der Presse."),
        ["name-spelling Santangel"],
    ),
    "en-pt short name cut": (
        ("en_GB", "Judge Richard Dyke dissented."),
        ("pt_BR", "O juiz Richard Dyk votou contra."),
        ["name-spelling Dyk"],
    ),
    "en-es end respelled": (
        ("en_US", "Judge Richard Van Dyke dissented, saying the damages were excessive."),
        ("es", "El juez Richard Van Dijk emitió un voto discrepante."),
        ["name-spelling Dijk"],
    ),
    "en-pt hyphen dropped": (
        ("en_GB", "The area director, Sir Anthony Fitz-Gerald, said the barrier had worked."),
        ("pt_BR", "O diretor regional, Sir Anthony Fitzgerald, disse que a barreira funcionou."),
        ["name-spelling Fitzgerald"],
    ),
    "en-pt capital inside the name dropped": (
        ("en_GB", "The area director, Sir Anthony FitzGerald, said the barrier had worked."),
        ("pt_BR", "O diretor regional, Sir Anthony Fitzgerald, disse que a barreira funcionou."),
        ["name-spelling Fitzgerald"],
    ),
    "it-en particle De to Di": (
        ("it", "Lo ha annunciato la direttrice Maria Teresa De Luca Santangelo."),
        ("en_GB", "Director Maria Teresa Di Luca Santangelo announced it."),
        ["name-spelling Di"],
    ),
    "it-en particle Di to De": (
        ("it", "Il presidente di Confindustria, Paolo Di Stefano, ha parlato a Roma."),
        ("en_GB", "The president of Confindustria, Paolo De Stefano, spoke in Rome."),
        ["name-spelling De"],
    ),
    "es-en particle Di to De, 'de' elsewhere in the source": (
        ("es", "El presidente de la federación, Paolo Di Stefano, habló en Roma."),
        ("en_GB", "The president of the federation, Paolo De Stefano, spoke in Rome."),
        ["name-spelling De"],
    ),
    "it-en particle starting a clause, 'di' elsewhere in the source": (
        (
            "it",
            '"Il museo è più sicuro", ha detto il direttore di Capodimonte, De Luca Santangelo.',
        ),
        ("en_GB", '"The museum is safer," Di Luca Santangelo, the director of Capodimonte, said.'),
        ["name-spelling Di"],
    ),
    "it-fr particle Lo to La": (
        ("it", "Il sindaco Stefano Lo Russo ha firmato la delibera."),
        ("fr", "Le maire Stefano La Russo a signé la délibération."),
        ["name-spelling La"],
    ),
    "pt-en particle Dos to Das": (
        ("pt_BR", "O técnico Renato Dos Santos deixou o clube."),
        ("en_GB", "Coach Renato Das Santos has left the club."),
        ["name-spelling Das"],
    ),
    "es-en surname respelled after the same given names": (
        ("es_MX", "La candidata superó por 312 votos a José Luis del Valle Garza, de Morena."),
        ("en_US", "The candidate beat Morena's José Luis del Valle Garcia by 312 votes."),
        ["name-spelling Garcia"],
    ),
    "es-en another surname, throughout": (
        (
            "es_MX",
            "La ministra Ana Garza anunció el plan el lunes.\n\n"
            "Según Garza, el costo será de 40 millones de pesos.",
        ),
        (
            "en_US",
            "Minister Ana López announced the plan on Monday.\n\n"
            "According to López, the cost will be 40 million pesos.",
        ),
        ["name-missing López"],
    ),
    "pt-fr another surname": (
        ("pt_BR", "A ministra Marina Silva visitou Belém na terça-feira."),
        ("fr", "La ministre Marina Costa a visité Belém mardi."),
        ["name-missing Costa"],
    ),
    "en-de another surname": (
        ("en_GB", "The minister, Ana Garza, spoke in Vienna."),
        ("de", "Die Ministerin Ana López sprach in Wien."),
        ["name-missing López"],
    ),
    "es-en another person": (
        ("es_MX", "La ministra Ana Garza anunció el plan el lunes."),
        ("en_US", "The plan was announced on Monday by minister Pedro López."),
        ["name-missing Pedro López"],
    ),
    "es-en another surname beside an institution translated": (
        (
            "es_MX",
            "La directora Ana Garza, de la Dirección General de Epidemiología, habló el lunes.",
        ),
        (
            "en_US",
            "Director Ana López, of the General Directorate of Epidemiology, spoke on Monday.",
        ),
        ["name-missing López"],
    ),
    "pt-en another surname, a common word of its stem in the sentence": (
        ("pt_BR", "O diretor João Castelo Branco falou na filial de Lisboa."),
        ("en_GB", "Director João Castelo Ribeiro spoke at the Lisbon branch."),
        ["name-missing Ribeiro"],
    ),
    # A letter doubled or undoubled in a surname is a slip, not the target language's form
    # of the name, though the stem is the source's (robust8: "Barretto" for "Barreto").
    "pt-en surname with a letter doubled": (
        (
            "pt_BR",
            "A presidente da associação, Luíza Fontoura Barreto, disse que a dragagem é bem-vinda.",
        ),
        (
            "en_US",
            "The association's president, Luíza Fontoura Barretto, said the dredging is welcome.",
        ),
        ["name-spelling Barretto"],
    ),
    "pt-en given name and surname both changed": (
        (
            "pt_BR",
            "A presidente da associação, Luíza Fontoura Barreto, disse que a dragagem é bem-vinda.",
        ),
        (
            "en_US",
            "The association's president, Luísa Fontoura Barretto, said the dredging is welcome.",
        ),
        ["name-spelling Luísa", "name-spelling Barretto"],
    ),
    "pt-en surname with a letter doubled, alone": (
        ("pt_BR", "O deputado Carlos Matos votou contra o projeto."),
        ("en_US", "Congressman Carlos Mattos voted against the bill."),
        ["name-spelling Mattos"],
    ),
    "it-en surname with a letter undoubled": (
        ("it", "Il sindaco Paolo Rossi ha firmato l'ordinanza."),
        ("en_GB", "Mayor Paolo Rosi signed the order."),
        ["name-spelling Rosi"],
    ),
    "de-fr surname with a letter undoubled": (
        ("de", "Die Ministerin Anna Schmitt sprach am Montag."),
        ("fr", "La ministre Anna Schmit a parlé lundi."),
        ["name-spelling Schmit"],
    ),
    # A place after a preposition of place is still checked: a slip is no word of the language.
    "es-en place with a letter undoubled": (
        ("es", "La feria se celebró en Sevilla el lunes."),
        ("en_US", "The fair was held in Sevila on Monday."),
        ["name-spelling Sevila"],
    ),
}


@pytest.mark.parametrize("case", list(CHANGED_NAMES))
def test_a_changed_name_is_reported(tmp_path: Path, case: str) -> None:
    source, target, expected = CHANGED_NAMES[case]
    assert name_findings(tmp_path / "story", source, target) == expected


# Faithful translations: inflections, possessives, plurals, dropped given names and lowercase
# particles, names the target language writes its own way, translated title words.
FAITHFUL_NAMES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "de-en genitive and possessive": (
        ("de", "Merkels Nachfolger Olaf Scholz sprach am Montag in Berlin."),
        ("en_GB", "Merkel's successor Olaf Scholz spoke in Berlin on Monday."),
    ),
    "en-de genitive": (
        ("en_GB", "The successor of Angela Merkel spoke in Berlin."),
        ("de", "Der Nachfolger Angela Merkels sprach in Berlin."),
    ),
    "es-en plural of a family name": (
        ("es", "El senador visitó a los Kennedy en Boston."),
        ("en_US", "The senator visited the Kennedys in Boston."),
    ),
    "pt-en plural of a family name": (
        ("pt_BR", "O relatório cita os Bolsonaro e o ex-ministro Paulo Guedes."),
        ("en_GB", "The report names the Bolsonaros and former minister Paulo Guedes."),
    ),
    "en-fr possessive inside a name": (
        ("en_GB", "Caravaggio's Flagellation of Christ returns to Naples."),
        ("fr", "La Flagellation du Christ du Caravage revient à Naples."),
    ),
    "pt-en lowercase particle and given names dropped": (
        ("pt_BR", "O presidente Luiz Inácio Lula da Silva chegou a Lisboa."),
        ("en_GB", "President Lula arrived in Lisbon."),
    ),
    "fr-en lowercase particle kept": (
        ("fr", "Le général de Gaulle a quitté Londres en 1944."),
        ("en_GB", "General de Gaulle left London in 1944."),
    ),
    "it-en particle written alike": (
        ("it", "Il ministro Luigi Di Maio ha incontrato Leonardo da Vinci Rossi."),
        ("en_GB", "Minister Luigi Di Maio met Leonardo da Vinci Rossi."),
    ),
    "es-en given name dropped": (
        ("es_MX", "La ministra Ana Garza anunció el plan el lunes."),
        ("en_US", "Minister Garza announced the plan on Monday."),
    ),
    "es-en second surname dropped": (
        ("es_MX", "El expresidente Felipe Calderón Hinojosa habló el lunes."),
        ("en_US", "Former president Felipe Calderón spoke on Monday."),
    ),
    "es-en queen's own name": (
        ("es", "La reina Isabel II visitó Madrid en 1988."),
        ("en_GB", "Queen Elizabeth II visited Madrid in 1988."),
    ),
    "en-fr president's own name": (
        ("en_GB", "President Vladimir Putin spoke in Moscow on Friday."),
        ("fr", "Le président Vladimir Poutine a parlé à Moscou vendredi."),
    ),
    "it-en title word of an artwork": (
        ("it", "La Flagellazione di Cristo di Caravaggio tornerà nella sala 78."),
        ("en_GB", "Caravaggio's Flagellation of Christ will return to room 78."),
    ),
    "es-en title word of a museum": (
        ("es", "El director del Museo de la Evolución Humana habló en Burgos."),
        ("en_GB", "The director of the Museum of Human Evolution spoke in Burgos."),
    ),
    "pt-en title word of a committee": (
        ("pt_BR", "A Comissão de Constituição e Justiça aprovou o texto."),
        ("en_GB", "The Constitution and Justice Committee approved the text."),
    ),
    "fr-en title word of a university": (
        ("fr", "Les chercheurs de l'Université de Genève ont publié l'étude."),
        ("en_GB", "Researchers at the University of Geneva published the study."),
    ),
    "en-it title word of a holiday": (
        ("en_GB", "The Liberation Parade crossed Milan on Saturday."),
        ("it", "La Parata della Liberazione ha attraversato Milano sabato."),
    ),
    "pt-en institution translated, with a place kept": (
        ("pt_BR", "O Museu de Arte de São Paulo reabriu na terça-feira."),
        ("en_US", "The São Paulo Museum of Art reopened on Tuesday."),
    ),
    "pt-en institution translated, no word kept": (
        ("pt_BR", "O porta-voz disse que a Casa Branca não comentou."),
        ("en_US", "The spokesman said the White House did not comment."),
    ),
    "es-en words reordered": (
        ("es", "El Museo Nacional del Prado abrió una sala de Velázquez."),
        ("en_GB", "The Prado National Museum opened a Velázquez room."),
    ),
    "de-en title translated": (
        ("de", "Bundeskanzler Friedrich Merz traf Präsident Emmanuel Macron."),
        ("en_GB", "Chancellor Friedrich Merz met President Emmanuel Macron."),
    ),
    "it-en mountain's own name": (
        ("it", "Il Monte Bianco è stato chiuso al traffico."),
        ("en_GB", "Mont Blanc was closed to traffic."),
    ),
    "pt-en king's own name": (
        ("pt_BR", "O rei Carlos III recebeu o presidente Lula em Londres."),
        ("en_GB", "King Charles III received President Lula in London."),
    ),
    "pt-en dateline in capitals": (
        ("pt_BR", "SÃO PAULO — A Petrobras anunciou o plano na segunda-feira."),
        ("en_US", "São Paulo — Petrobras announced the plan on Monday."),
    ),
    "en-en-GB acronym in capitals or not": (
        ("en_US", "NATO leaders met in Brussels on Monday."),
        ("en_GB", "Nato leaders met in Brussels on Monday."),
    ),
    # A place's own name in the target language (an exonym), rendered the way languages
    # regularly render each other's names: y/i, ö/oe, ny/ñ, an ending kept or dropped.
    "de-en exonym Tirol/Tyrol": (
        (
            "de",
            "«Ohne die neue Bahn verlieren wir Gäste an die Konkurrenz im Tirol», "
            "sagte Corina Camenisch-Luzi.",
        ),
        (
            "en_US",
            '"Without the new tramway, we lose guests to the competition in Tyrol," '
            "Corina Camenisch-Luzi said.",
        ),
    ),
    "pt-en exonym Montevidéu/Montevideo": (
        ("pt_BR", "O encontro em Montevidéu terminou sem acordo sobre tarifas."),
        ("en_US", "The meeting in Montevideo ended without a deal on tariffs."),
    ),
    "es-en exonym Sevilla/Seville": (
        ("es", "La feria se celebró en Sevilla el lunes."),
        ("en_US", "The fair was held in Seville on Monday."),
    ),
    "it-en exonym Lombardia/Lombardy": (
        ("it", "La fiera si è tenuta in Lombardia lunedì."),
        ("en_GB", "The fair was held in Lombardy on Monday."),
    ),
    "fr-pt exonym Bretagne/Bretanha": (
        ("fr", "Le salon s'est tenu en Bretagne lundi."),
        ("pt_PT", "A feira realizou-se na Bretanha na segunda-feira."),
    ),
    "es-en exonym Cataluña/Catalunya": (
        ("es", "La feria se celebró en Cataluña el lunes."),
        ("en_GB", "The fair was held in Catalunya on Monday."),
    ),
    "de-it exonym Bremen/Brema": (
        ("de", "Die Messe fand am Montag in Bremen statt."),
        ("it", "La fiera si è tenuta lunedì a Brema, nel nord della Germania."),
    ),
}

# Institutions translated with their words reordered: the name broken at "of" ("General
# Directorate" and "Epidemiology"), a word's translation in another place of the sentence.
INSTITUTIONS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "es-en directorate, the field after 'of'": (
        ("es_MX", "Los datos son de la Dirección General de Epidemiología."),
        ("en_US", "The data come from the General Directorate of Epidemiology."),
    ),
    "en-es directorate, the field after 'de'": (
        ("en_US", "The data come from the General Directorate of Epidemiology."),
        ("es_MX", "Los datos son de la Dirección General de Epidemiología."),
    ),
    "es-en observatory": (
        ("es", "El Observatorio Central de Meteorología publicó los datos."),
        ("en_GB", "The Central Observatory of Meteorology published the data."),
    ),
    "es-en civil aviation authority": (
        ("es", "La Dirección General de Aeronáutica Civil informó el lunes."),
        ("en_GB", "The General Directorate of Civil Aeronautics reported on Monday."),
    ),
    "pt-en laboratory": (
        ("pt_BR", "O Laboratório Central de Toxicologia divulgou os resultados."),
        ("en_US", "The Central Laboratory of Toxicology released the results."),
    ),
    "en-pt federal police": (
        ("en_US", "The Federal Police of Immigration released the figures."),
        ("pt_BR", "A Polícia Federal de Imigração divulgou os números."),
    ),
    "pt-en health ministry": (
        ("pt_BR", "O Ministério da Saúde divulgou os dados nesta terça-feira."),
        ("en_US", "The Health Ministry released the data on Tuesday."),
    ),
    "fr-en laboratory": (
        ("fr", "Le Laboratoire Central de Toxicologie a publié les résultats."),
        ("en_GB", "The Central Laboratory of Toxicology published the results."),
    ),
    "en-fr hospital": (
        ("en_GB", "The Central Hospital of Cardiology received the injured."),
        ("fr", "L'Hôpital Central de Cardiologie a accueilli les blessés."),
    ),
    "it-en polyclinic": (
        ("it", "Il Policlinico Gemelli di Cardiologia ha pubblicato i dati."),
        ("en_GB", "The Gemelli Polyclinic of Cardiology published the data."),
    ),
    "en-it polyclinic": (
        ("en_GB", "The Gemelli Polyclinic of Cardiology published the data."),
        ("it", "Il Policlinico Gemelli di Cardiologia ha pubblicato i dati."),
    ),
    "it-en health institute": (
        ("it", "L'Istituto Superiore di Sanità ha pubblicato i dati lunedì."),
        ("en_GB", "The National Institute of Health published the data on Monday."),
    ),
    "es-en high court": (
        ("es", "El Tribunal Superior de Justicia de Madrid rechazó el recurso."),
        ("en_GB", "The High Court of Justice of Madrid rejected the appeal."),
    ),
    "de-en statistical office": (
        ("de", "Das Bundesamt für Statistik veröffentlichte die Zahlen am Montag."),
        ("en_GB", "The Federal Statistical Office published the figures on Monday."),
    ),
    "en-de institute": (
        ("en_GB", "The Robert Koch Institute of Epidemiology warned on Monday."),
        ("de", "Das Robert Koch-Institut für Epidemiologie warnte am Montag."),
    ),
}


@pytest.mark.parametrize("case", list(INSTITUTIONS))
def test_an_institution_translated_with_its_words_reordered_is_not_reported(
    tmp_path: Path, case: str
) -> None:
    source, target = INSTITUTIONS[case]
    assert name_findings(tmp_path / "story", source, target) == []


@pytest.mark.parametrize("case", list(FAITHFUL_NAMES))
def test_a_faithful_name_is_not_reported(tmp_path: Path, case: str) -> None:
    source, target = FAITHFUL_NAMES[case]
    assert name_findings(tmp_path / "story", source, target) == []
