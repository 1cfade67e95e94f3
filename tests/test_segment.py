"""Paragraphs and sentences, with offsets that lead back into the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.load import read
from reconcile.model import Sentence
from reconcile.segment import segment


def sentences(tmp_path: Path, text: str, language: str, name: str = "a.txt") -> list[Sentence]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(segment(read(str(path)), language))


def texts(found: list[Sentence]) -> list[str]:
    return [sentence.text for sentence in found]


def test_offsets_indices_and_paragraphs(tmp_path: Path) -> None:
    text = "  First one. Second one!\n\nThird, in a new paragraph? Yes.\n\n\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    source = read(str(path))
    found = segment(source, "en")
    assert [(s.index, s.paragraph, s.text) for s in found] == [
        (0, 0, "First one."),
        (1, 0, "Second one!"),
        (2, 1, "Third, in a new paragraph?"),
        (3, 1, "Yes."),
    ]
    for sentence in found:
        assert source.text[sentence.start : sentence.end] == sentence.text
    assert source.locate(found[2].start, found[2].end).line == 3


def test_portuguese_abbreviations_do_not_split(tmp_path: Path) -> None:
    text = (
        "O Sr. Silva e a Sra. Lima foram à Av. Paulista com a Dra. Ana e o Prof. Souza. "
        "Os EUA. não vão ceder, disse o Gen. Costa em 2 de nov. de 2025. Em 3 de dez. 2025 "
        "houve outra reunião. Fim."
    )
    assert texts(sentences(tmp_path, text, "pt")) == [
        "O Sr. Silva e a Sra. Lima foram à Av. Paulista com a Dra. Ana e o Prof. Souza.",
        "Os EUA. não vão ceder, disse o Gen. Costa em 2 de nov. de 2025.",
        "Em 3 de dez. 2025 houve outra reunião.",
        "Fim.",
    ]


def test_english_abbreviations_do_not_split(tmp_path: Path) -> None:
    text = (
        "Gov. Brown met Sen. Smith and Rep. Jones on Sept. 3 at the Univ. of Texas. "
        "Mr. and Mrs. J. Smith left on Nov. 4. The U.S. 5-year plan failed. "
        "The U.K. said no. He went to the U.S. and back. Dr. Who arrived on Dec. 25."
    )
    assert texts(sentences(tmp_path, text, "en")) == [
        "Gov. Brown met Sen. Smith and Rep. Jones on Sept. 3 at the Univ. of Texas.",
        "Mr. and Mrs. J. Smith left on Nov. 4.",
        "The U.S. 5-year plan failed.",
        "The U.K. said no.",
        "He went to the U.S. and back.",
        "Dr. Who arrived on Dec. 25.",
    ]


def test_ordinary_full_stops_still_split(tmp_path: Path) -> None:
    text = "He said no. He lives in the U.S. The deal went to Apple Inc. The end."
    assert texts(sentences(tmp_path, text, "en")) == [
        "He said no.",
        "He lives in the U.S.",
        "The deal went to Apple Inc.",
        "The end.",
    ]
    text = "Ele foi aos EUA. Depois voltou no dia 3 de dez. Ninguém viu."
    assert texts(sentences(tmp_path, text, "pt")) == [
        "Ele foi aos EUA.",
        "Depois voltou no dia 3 de dez.",
        "Ninguém viu.",
    ]


def test_a_time_zone_after_a_time_does_not_split(tmp_path: Path) -> None:
    text = (
        "Lawyers spoke at 2:30 p.m. PST that payments could begin. The court met at 9 a.m. "
        "ET on Friday. It closed at 5 p.m. The judge left. The alarm was raised at 11:40 p.m. "
        "Saturday, when the fire spread."
    )
    assert texts(sentences(tmp_path, text, "en")) == [
        "Lawyers spoke at 2:30 p.m. PST that payments could begin.",
        "The court met at 9 a.m. ET on Friday.",
        "It closed at 5 p.m.",
        "The judge left.",
        "The alarm was raised at 11:40 p.m. Saturday, when the fire spread.",
    ]


def test_regional_month_abbreviation_does_not_split(tmp_path: Path) -> None:
    text = "Die Frist endet am 3. Jän. 2026 um Mitternacht."
    assert texts(sentences(tmp_path, text, "de-AT")) == [text]
    text = "Le vote a eu lieu le 14 juill. 2025 à Québec."
    assert texts(sentences(tmp_path, text, "fr-CA")) == [text]


def test_one_paragraph_per_line(tmp_path: Path) -> None:
    text = "Line one is here.\nLine two is here. It has two sentences.\nLine three.\n"
    found = sentences(tmp_path, text, "en")
    assert [(s.paragraph, s.text) for s in found] == [
        (0, "Line one is here."),
        (1, "Line two is here."),
        (1, "It has two sentences."),
        (2, "Line three."),
    ]


def test_headline_without_full_stop_is_its_own_sentence(tmp_path: Path) -> None:
    text = (
        "Venezuela fecha espaço aéreo\n"
        "Por Maria Silva\n"
        "CARACAS (Reuters) - O governo anunciou o fechamento\n"
        "do espaço aéreo nesta terça-feira (2/12). Voos foram cancelados.\n"
        "\n"
        "Segundo parágrafo.\n"
    )
    found = sentences(tmp_path, text, "pt")
    assert [(s.paragraph, s.text) for s in found] == [
        (0, "Venezuela fecha espaço aéreo"),
        (0, "Por Maria Silva"),
        (
            0,
            "CARACAS (Reuters) - O governo anunciou o fechamento\n"
            "do espaço aéreo nesta terça-feira (2/12).",
        ),
        (0, "Voos foram cancelados."),
        (1, "Segundo parágrafo."),
    ]


def test_markdown_heading_is_its_own_paragraph(tmp_path: Path) -> None:
    text = "# Venezuela fecha espaço aéreo\nO governo anunciou. Voos cancelados.\n"
    found = sentences(tmp_path, text, "pt", name="a.md")
    assert [(s.paragraph, s.text) for s in found] == [
        (0, "Venezuela fecha espaço aéreo"),
        (1, "O governo anunciou."),
        (1, "Voos cancelados."),
    ]


def test_sentences_locate_in_the_original(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("Intro.\r\n\r\nO **Sr. Silva** chegou. Fim.\r\n", encoding="utf-8")
    source = read(str(path))
    found = segment(source, "pt")
    where = source.locate(found[1].start, found[1].end)
    assert (where.line, where.column, where.excerpt) == (3, 1, "O **Sr. Silva** chegou.")


@pytest.mark.parametrize("language", ["en", "pt", "xx"])
def test_whitespace_between_paragraphs_yields_no_empty_sentences(
    tmp_path: Path, language: str
) -> None:
    found = sentences(tmp_path, "A b c.\n \n\t\nD e f.\n", language)
    assert texts(found) == ["A b c.", "D e f."]
    assert [s.paragraph for s in found] == [0, 1]


@pytest.mark.parametrize("language", ["en", "fr", "pt", "es", "de", "nl"])
@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000"])
def test_wide_space_before_a_full_stop_is_segmented_not_a_crash(
    tmp_path: Path, language: str, space: str, capfd: pytest.CaptureFixture[str]
) -> None:
    # sentencex panics on "M\u00a0." (a Rust slice inside the space), printing a backtrace.
    text = f"Le prix est de 10 M{space}. Anna{space}a dit{space}: « Oui{space}». Fin."
    found = sentences(tmp_path, text, language)
    # Every character but whitespace lies in a sentence, in order; the last is its own.
    assert "".join("".join(texts(found)).split()) == "".join(text.split())
    assert texts(found)[-1] == "Fin."
    assert all(text[s.start : s.end] == s.text for s in found)
    assert capfd.readouterr().err == ""
