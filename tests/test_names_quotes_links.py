"""Names, quotations, links and untranslated sentences, as a user of the CLI sees them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
    # Compared by their digits ("3,5" is "3.5"), shown as written: not "53 here, 35".
    assert str(found[0]["message"]).startswith(
        "the quoted figures differ: 1,250; 5.3 here, 1\u202f250; 3,5 in the source"
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
        "the quoted figures differ: 12,050 here, 12’500 in the source"
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
        "Os presidentes chegaram a Montevidéu na sexta-feira para a cúpula.\n"
        "O encontro em Montevidéu terminou sem acordo sobre tarifas.\n"
    )
    own = (
        "The presidents arrived in Montevideo on Friday for the summit.\n"
        "The meeting in Montevideo ended without a deal on tariffs.\n"
    )
    paths = write(tmp_path, pt_BR=source, en=own)
    spelling = [f for f in findings(*paths) if f["rule"] == "name-spelling"]
    assert [(f["severity"], f.get("suggestion")) for f in spelling] == [("info", None)] * 2
    slip = own.replace("arrived in Montevideo", "arrived in Montevidéu")
    paths = write(tmp_path, pt_BR=source, en=slip)
    spelling = [f for f in findings(*paths) if f["rule"] == "name-spelling"]
    assert [(f["severity"], f["line"]) for f in spelling] == [("warning", 2)]
