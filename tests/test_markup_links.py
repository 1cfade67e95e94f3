"""The targets of Markdown and HTML links, which the readers remove with the markup."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from schema_check import assert_valid_report

from reconcile import api

SOURCE_MD = (
    "# Governo lança programa\n\n"
    "O Ministério da Saúde publicou as regras no "
    '[site oficial](https://www.gov.br/saude/pt-br/programa "Programa") nesta terça-feira.\n\n'
    'Dúvidas vão para o <a href="mailto:imprensa@saude.gov.br">e-mail da assessoria</a>, '
    "disse Alexandre Padilha.\n"
)
FAITHFUL_MD = (
    "# Government launches program\n\n"
    "The Health Ministry published the rules on its "
    '[official website](https://www.gov.br/saude/en/programa "Program") on Tuesday.\n\n'
    'Questions go to the <a href="mailto:imprensa@saude.gov.br">press office\'s e-mail</a>, '
    "said Alexandre Padilha.\n"
)


def check(*paths: Path) -> tuple[int, list[dict[str, object]]]:
    result = subprocess.run(
        [sys.executable, "-m", "reconcile", "check", *map(str, paths), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert_valid_report(result.stdout)
    return result.returncode, json.loads(result.stdout)["stories"][0]["findings"]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_and_html_link_targets_are_links_at_their_text(tmp_path: Path) -> None:
    path = write(tmp_path, "pt-BR.md", SOURCE_MD)
    links = api.load_document(str(path), api.Options()).links
    shown = [(k.kind, k.key, k.markup) for k in links]
    assert shown == [
        ("url", "gov.br/saude/pt-br/programa", True),
        ("email", "imprensa@saude.gov.br", True),
    ]
    document = api.load_document(str(path), api.Options())
    assert [document.source.text[k.start : k.end] for k in links] == [
        "site oficial",
        "e-mail da assessoria",
    ]


def test_faithful_markdown_links_pass_and_a_changed_target_is_an_error(tmp_path: Path) -> None:
    source = write(tmp_path, "pt-BR.md", SOURCE_MD)
    # /pt-br/ and /en/ name the story's languages: the same page in the reader's language.
    assert check(source, write(tmp_path, "en-US.md", FAITHFUL_MD)) == (0, [])
    changed = FAITHFUL_MD.replace("imprensa@", "imprenssa@")
    code, findings = check(source, write(tmp_path, "en-US.md", changed))
    assert code == 1
    (finding,) = findings
    assert finding["rule"] == "link-mismatch"
    assert finding["excerpt"] == "press office's e-mail"
    assert "imprenssa@saude.gov.br" in finding["message"]
    # The span is the link's text: a target there to replace it with would be wrong.
    assert finding["suggestion"] is None


def test_a_changed_html_link_target_is_reported(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>{title}</h1><p>{before} <a class='x' "
        'href="https://example.org/report?id=7&amp;lang={lang}">{text}</a> {after}</p>'
        "</article></body></html>"
    )
    source = write(
        tmp_path,
        "fr.html",
        page.format(
            title="Rapport publié", before="Le rapport est en", lang="fr", text="ligne", after="."
        ),
    )
    faithful = page.format(
        title="Report published", before="The report is", lang="en", text="online", after="."
    )
    assert check(source, write(tmp_path, "en.html", faithful)) == (0, [])
    changed = faithful.replace("id=7", "id=8")
    code, findings = check(source, write(tmp_path, "en.html", changed))
    assert code == 1
    assert [f["rule"] for f in findings] == ["link-mismatch"]
    assert "example.org/report?id=8" in str(findings[0]["message"])


def test_a_plain_text_file_reads_a_markdown_link_once(tmp_path: Path) -> None:
    path = write(tmp_path, "pt-BR.txt", SOURCE_MD)
    links = api.load_document(str(path), api.Options()).links
    # The target is in the text itself, found as written; the link's text is not a link.
    urls = [k for k in links if k.kind == "url"]
    assert [(k.text, k.markup) for k in urls] == [
        ("https://www.gov.br/saude/pt-br/programa", False)
    ]


def test_names_in_a_link_text_are_still_names(tmp_path: Path) -> None:
    text = "Leia a entrevista com [Alexandre Padilha](https://example.org/padilha) aqui.\n"
    document = api.load_document(str(write(tmp_path, "pt-BR.md", text)), api.Options())
    assert [n.text for n in document.names] == ["Alexandre Padilha"]
