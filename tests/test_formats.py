"""Newsroom formats: HTML, ninjs, NewsML-G2 and XLIFF give the findings of the plain text."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reconcile import api
from reconcile.load import read, read_versions, sniff
from reconcile.model import Finding, InputError, SourceText

ROOT = Path(__file__).parent.parent
TEXT = ROOT / "corpora" / "stories" / "venezuela-airspace"
FORMATS = ROOT / "corpora" / "formats" / "venezuela-airspace"
OPTIONS = api.Options(today=dt.date(2026, 11, 25))

PAIRS = {
    "ninjs": ["pt-BR.ninjs.json", "en.ninjs.json"],
    "newsml": ["pt-BR.newsml.xml", "en.newsml.xml"],
    "html": ["pt-BR.html", "en.html"],
    "xliff-1.2": ["story-1.2.xlf"],
    "xliff-2.0": ["story-2.0.xlf"],
}


def findings(paths: list[str]) -> list[Finding]:
    return list(api.check(paths, OPTIONS).stories[0].findings)


def opens_at(finding: Finding) -> str:
    """The text of the file at the finding's line and column, as an editor would show it."""
    loc = finding.location
    lines = Path(loc.path).read_text(encoding="utf-8").split("\n")
    assert loc.line == loc.end_line
    return lines[loc.line - 1][loc.column - 1 : loc.end_column - 1]


def signature(finding: Finding) -> tuple[str, str, str, str | None]:
    return finding.rule, finding.severity.value, finding.location.excerpt, finding.suggestion


@pytest.mark.parametrize("name", PAIRS, ids=list(PAIRS))
def test_format_gives_the_findings_of_the_plain_text(name: str) -> None:
    plain = findings([str(TEXT / "pt-BR.txt"), str(TEXT / "en.txt")])
    formatted = findings([str(FORMATS / file) for file in PAIRS[name]])
    assert plain, "the seed story has findings to compare"
    assert sorted(map(signature, formatted)) == sorted(map(signature, plain))
    for finding in formatted:
        # Every finding opens at its excerpt in the file itself, markup or not.
        assert opens_at(finding) == finding.location.excerpt
    dated = [f for f in formatted if f.rule.startswith("date-")]
    assert {f.rule for f in dated} == {"date-mismatch", "date-order-mixed"}
    for finding in dated:
        assert finding.location.excerpt == "2/12"
        # The English side: the sentence around the span is the English one.
        assert "IATA" in finding.location.line_text


@pytest.mark.parametrize(
    ("file", "lang", "date"),
    [
        ("pt-BR.ninjs.json", "pt-BR", "2025-11-30T14:05:00Z"),
        ("en.ninjs.json", "en", "2025-11-30T18:20:00Z"),
        ("pt-BR.newsml.xml", "pt-BR", "2025-11-30T14:05:00Z"),
        ("en.newsml.xml", "en", "2025-11-30T18:20:00Z"),
        ("pt-BR.html", "pt-BR", "2025-11-30T14:05:00Z"),
    ],
)
def test_language_and_date_come_from_the_file(file: str, lang: str, date: str) -> None:
    source = read(str(FORMATS / file))
    assert (source.meta("lang"), source.meta("date")) == (lang, date)
    report = api.check([str(FORMATS / file)], OPTIONS)
    document = report.stories[0].documents[0]
    assert (document.locale, document.reference_date_from) == (lang, "metadata")


@pytest.mark.parametrize("file", ["pt-BR.html", "en.html", "pt-BR.newsml.xml", "en.ninjs.json"])
def test_extracted_text_is_the_story_and_nothing_else(file: str) -> None:
    source = read(str(FORMATS / file))
    plain = read(str(TEXT / f"{file.split('.')[0]}.txt"))
    # The HTML pages show their <time> under the headline, as news sites do.
    assert [w for w in source.text.split() if w != "2025-11-30"] == plain.text.split()


def test_html_skips_navigation_script_style_aside_and_footer() -> None:
    text = read(str(FORMATS / "en.html")).text
    for hidden in ("Home", "var published", "content:", "Read more", "Example News", "1/2/2024"):
        assert hidden not in text


def every_word_maps_back(source: SourceText) -> None:
    """Each word of the extracted text is the same word at its place in the file."""
    position = 0
    for word in source.text.split():
        start = source.text.index(word, position)
        position = start + len(word)
        location = source.locate(start, position)
        line_start = source.line_starts[location.line - 1]
        at = source.original[line_start + location.column - 1 :]
        assert location.excerpt == source.original[source.origin[start] : source.origin[position]]
        assert at.startswith(location.excerpt)


@pytest.mark.parametrize("file", sorted(p.name for p in FORMATS.iterdir()))
def test_every_word_of_every_format_maps_back(file: str) -> None:
    for source in read_versions(str(FORMATS / file)):
        every_word_maps_back(source)


def test_json_escapes_map_to_the_escape_sequence() -> None:
    # en.ninjs.json is written with ensure_ascii: "Nicol\u00e1s" in the file is "Nicolás".
    source = read(str(FORMATS / "en.ninjs.json"))
    start = source.text.index("Nicolás")
    location = source.locate(start, start + len("Nicolás"))
    assert location.excerpt == "Nicol\\u00e1s"


def test_html_entities_map_to_the_entity() -> None:
    source = read(str(FORMATS / "pt-BR.html"))
    start = source.text.index("Nicolás")
    assert source.locate(start, start + len("Nicolás")).excerpt == "Nicol&aacute;s"


def test_xliff_units_are_the_alignment() -> None:
    story = api.build_story([str(FORMATS / "story-1.2.xlf")], OPTIONS)
    source, target = (version.document for version in story.versions)
    assert [unit[0] for unit in source.source.units] == [f"p{i}" for i in range(1, 10)]
    assert (source.locale.tag, target.locale.tag) == ("pt-BR", "en")
    beads = story.alignments[0].beads
    assert len(beads) == 9 and all(bead.score == 1.0 for bead in beads)
    # The headline unit pairs the two headlines, whatever a re-alignment would do.
    assert source.sentences[beads[0].source[0]].text.startswith("EUA dizem")
    assert target.sentences[beads[0].target[0]].text.startswith("US says")


def test_xliff_unit_without_target_is_a_one_sided_bead(tmp_path: Path) -> None:
    path = tmp_path / "t.xlf"
    path.write_text(
        '<xliff version="1.2"><file source-language="pt-BR" target-language="en"><body>'
        '<trans-unit id="a"><source>Ele falou no sábado (29/11).</source>'
        "<target>He spoke on Saturday (11/29).</target></trans-unit>"
        '<trans-unit id="b"><source>O voo saiu na terça-feira (2/12).</source></trans-unit>'
        "</body></file></xliff>",
        encoding="utf-8",
    )
    story = api.build_story([str(path)], OPTIONS)
    assert [(b.source, b.target) for b in story.alignments[0].beads] == [((0,), (0,)), ((1,), ())]


def test_xliff_with_another_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="check it on its own"):
        api.check([str(FORMATS / "story-2.0.xlf"), str(TEXT / "en.txt")], OPTIONS)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.json", '{"headline": "x"}', "ninjs"),
        ("a.xml", "<?xml version='1.0'?><!-- c --><newsItem/>", "newsml"),
        ("a.xml", '<xliff version="2.0"/>', "xliff"),
        ("a.xml", "<!DOCTYPE html><html></html>", "html"),
        ("story", '{"uri": "u", "body_text": "x"}', "ninjs"),
        ("story", "<?xml version='1.0'?>\n<xliff/>", "xliff"),
        ("story", "Plain words.", "text"),
        ("a.txt", "<html>kept as text</html>", "text"),
        ("a.htm", "<p>x</p>", "html"),
    ],
)
def test_reader_is_chosen_by_extension_and_content(name: str, content: str, kind: str) -> None:
    assert sniff(name, content.encode("utf-8")) == kind


def test_markdown_front_matter_still_gives_date_and_lang(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\nlang: pt-BR\ndate: 2025-12-01\n---\n# Título\n\nTexto (2/12).\n")
    source = read(str(path))
    assert (source.meta("lang"), source.meta("date")) == ("pt-BR", "2025-12-01")


def test_cli_checks_an_xliff_file_alone() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reconcile",
            "check",
            "--format",
            "json",
            str(FORMATS / "story-2.0.xlf"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    rules = sorted(
        (f["rule"], f["excerpt"])
        for f in report["stories"][0]["findings"]
        if f["severity"] != "info"
    )
    assert rules == [("date-mismatch", "2/12"), ("date-order-mixed", "2/12")]
    assert [d["locale"] for d in report["stories"][0]["documents"]] == ["pt-BR", "en"]


@pytest.mark.parametrize(
    ("name", "head", "tail"),
    [
        ("a.html", b'<html><meta charset="iso-8859-1"><p>', b"</p></html>"),
        (
            "a.xml",
            b'<?xml version="1.0" encoding="ISO-8859-1"?><newsItem><contentSet><inlineData>',
            b"</inlineData></contentSet></newsItem>",
        ),
    ],
)
def test_declared_encoding_is_honoured_not_guessed(
    tmp_path: Path, name: str, head: bytes, tail: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(head + "São Paulo, terça-feira (2/12).".encode("latin-1") + tail)
    source = read(str(path))
    assert source.text.strip() == "São Paulo, terça-feira (2/12)."
    assert (source.encoding, source.encoding_guessed) == ("iso-8859-1", False)
    start = source.text.index("terça")
    assert source.locate(start, start + 5).excerpt == "terça"


def test_xliff_in_a_guessed_encoding_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "t.xlf"
    path.write_bytes(
        (
            '<xliff version="2.0" srcLang="pt-BR" trgLang="en"><file id="f"><unit id="u1">'
            "<segment><source>Em São Paulo, na terça-feira.</source>"
            "<target>In São Paulo, on Tuesday.</target></segment></unit></file></xliff>"
        ).encode("cp1252")
    )
    found = [f for f in findings([str(path)]) if f.rule == "text-encoding-guessed"]
    assert len(found) == 1 and "cp1252" in found[0].message
