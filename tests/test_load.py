"""Reading files: decoding, input errors, offsets back into the original, Markdown."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.load import read
from reconcile.load import text as text_reader
from reconcile.model import InputError, SourceText


def write(tmp_path: Path, name: str, data: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def locate(source: SourceText, needle: str) -> tuple[int, int, int, int, str]:
    start = source.text.index(needle)
    where = source.locate(start, start + len(needle))
    return where.line, where.column, where.end_line, where.end_column, where.excerpt


# --- plain text ---------------------------------------------------------------------------


def test_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "en.txt", "Hello.\n")
    monkeypatch.chdir(tmp_path)
    assert read("./en.txt").path == "./en.txt"


def test_bom_is_removed_and_offsets_start_after_it(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.txt", b"\xef\xbb\xbfOl\xc3\xa1 mundo.\n"))
    assert source.text == "Olá mundo.\n"
    assert source.original == "Olá mundo.\n"
    assert locate(source, "mundo") == (1, 5, 1, 10, "mundo")


def test_crlf_and_lone_cr_become_lf_but_positions_stay_in_the_original(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.txt", "One.\r\nTwo 2/12.\rThree 11/29.\r\n"))
    assert source.text == "One.\nTwo 2/12.\nThree 11/29.\n"
    assert source.original == "One.\r\nTwo 2/12.\rThree 11/29.\r\n"
    assert source.line_starts == (0, 6, 16, 30)
    assert locate(source, "2/12") == (2, 5, 2, 9, "2/12")
    assert locate(source, "11/29") == (3, 7, 3, 12, "11/29")
    assert len(source.origin) == len(source.text) + 1


def test_nfd_input_is_composed_and_maps_back(tmp_path: Path) -> None:
    original = "Linha um.\nEm Sa\u0303o Paulo, na terc\u0327a-feira (2/12).\n"
    source = read(write(tmp_path, "pt-BR.txt", original))
    assert source.text == "Linha um.\nEm São Paulo, na terça-feira (2/12).\n"
    assert locate(source, "São Paulo") == (2, 4, 2, 14, "Sa\u0303o Paulo")
    assert locate(source, "terça-feira") == (2, 19, 2, 31, "terc\u0327a-feira")
    # After the composed characters, columns count the original's code points again.
    assert locate(source, "2/12") == (2, 33, 2, 37, "2/12")


def test_end_offset_maps_to_end_of_file(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.txt", "abc"))
    assert source.origin[-1] == 3
    assert source.locate(0, 3).excerpt == "abc"


PIECES = ["a", "B", " ", ".", "\n", "\r", "\r\n", "\u0303", "\u0327", "é", "\u1100", "\u1161"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join))
@settings(max_examples=150, deadline=None)
def test_every_offset_maps_inside_the_original(
    tmp_path_factory: pytest.TempPathFactory, body: str
) -> None:
    path = write(tmp_path_factory.mktemp("h"), "x.txt", "X" + body)
    source = read(path)
    assert len(source.origin) == len(source.text) + 1
    assert list(source.origin) == sorted(source.origin)
    for offset in range(len(source.text) + 1):
        line, column = source.position(offset)
        assert 1 <= line <= len(source.line_starts)
        assert source.line_starts[line - 1] + column - 1 == source.origin[offset]
    for offset, char in enumerate(source.text):
        if char.isascii() and char not in "\n":
            assert source.original[source.origin[offset]] == char
    whole = source.locate(0, len(source.text)).excerpt
    assert whole == source.original
    unix = whole.replace("\r\n", "\n").replace("\r", "\n")
    assert unicodedata.normalize("NFC", unix) == source.text


# --- input errors -------------------------------------------------------------------------


def cause(path: str) -> str:
    with pytest.raises(InputError) as caught:
        read(path)
    assert caught.value.path == path
    assert str(caught.value) == f"{path}: {caught.value.cause}"
    return caught.value.cause


def test_missing_file(tmp_path: Path) -> None:
    assert cause(str(tmp_path / "nope.txt")) == "no such file"


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "story.md").mkdir()
    assert cause(str(tmp_path / "story.md")) == "is a directory"


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Hello.")
    os.chmod(path, 0)
    assert cause(path) == "permission denied"


def test_permission_error_is_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "a.txt", "Hello.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(text_reader, "open", refuse, raising=False)
    assert cause(path) == "permission denied"


def test_other_os_error_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "a.txt", "Hello.")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(text_reader, "open", fail, raising=False)
    assert cause(path) == "cannot read (input/output error)"


def test_binary_file(tmp_path: Path) -> None:
    assert cause(write(tmp_path, "a.txt", b"PK\x03\x04\x00\x00")) == "binary file (NUL bytes)"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_read(tmp_path: Path, codec: str) -> None:
    data = "Olá mundo.\nTerça (2/12).\n".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    source = read(write(tmp_path, "a.txt", data))
    assert source.text == "Olá mundo.\nTerça (2/12).\n"
    assert (source.encoding_guessed, locate(source, "2/12")) == (False, (2, 8, 2, 12, "2/12"))


def test_utf16_without_bom_counts_as_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Hello.".encode("utf-16-le"))
    assert cause(path) == "binary file (NUL bytes)"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    assert cause(write(tmp_path, "a.txt", data)) == "empty file"


def test_latin1_file_is_read_with_a_guessed_encoding(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.txt", "Em São Paulo, na terça-feira.".encode("latin-1")))
    assert source.text == "Em São Paulo, na terça-feira."
    assert (source.encoding, source.encoding_guessed) == ("cp1252", True)


def test_undecodable_names_the_byte_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"\x01\x02\x03\x04\x05\x06 \xe3 abc")
    assert cause(path) == "not valid UTF-8 (byte 0xe3 at offset 7) and no other encoding fits"


def test_undecodable_offset_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"\xef\xbb\xbfab\xff")
    assert cause(path) == "not valid UTF-8 (invalid start byte at offset 5)"


def test_markdown_errors_are_the_same(tmp_path: Path) -> None:
    assert cause(str(tmp_path / "missing.md")) == "no such file"
    assert cause(write(tmp_path, "e.md", "\n\n")) == "empty file"
    assert cause(write(tmp_path, "m.md", "---\nlang: en\n---\n<!-- x -->\n")) == (
        "no text outside the markup"
    )


# --- Markdown -----------------------------------------------------------------------------


STORY_MD = """\
---
title: "Venezuela fecha o espaço aéreo"
Lang: pt-BR
published: 2025-12-01
---
# Venezuela fecha *espaço* aéreo

O **Sr. Silva** disse, segundo a [Reuters](https://reuters.com/a_(b) "t"), que em
`2/12` haverá ![foto](f.jpg)voos.
> - Citação _importante_ de 5*3*2.
<!-- nota
do editor -->
1. Item \\*literal\\* com <b>tag</b> e <https://x.org>.
"""


def test_markdown_front_matter_becomes_metadata(tmp_path: Path) -> None:
    source = read(write(tmp_path, "story.md", STORY_MD))
    assert source.meta("lang") == "pt-BR"
    assert source.meta("date") == "2025-12-01"
    assert source.meta("title") == "Venezuela fecha o espaço aéreo"
    assert source.meta("format") == "markdown"
    assert "title:" not in source.text
    assert not source.text.startswith("\n")


def test_markdown_markup_is_removed(tmp_path: Path) -> None:
    source = read(write(tmp_path, "story.markdown", STORY_MD))
    assert source.text == (
        "Venezuela fecha espaço aéreo\n"
        "\n"
        "O Sr. Silva disse, segundo a Reuters, que em\n"
        "2/12 haverá voos.\n"
        "Citação importante de 5*3*2.\n"
        "\n"
        "Item *literal* com tag e https://x.org.\n"
    )


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("Venezuela fecha espaço aéreo", (6, 3, 6, 33, "Venezuela fecha *espaço* aéreo")),
        ("espaço", (6, 20, 6, 26, "espaço")),
        ("Sr. Silva", (8, 5, 8, 14, "Sr. Silva")),
        ("Reuters", (8, 35, 8, 42, "Reuters")),
        ("que em", (8, 76, 8, 82, "que em")),
        ("2/12", (9, 2, 9, 6, "2/12")),
        ("voos", (9, 29, 9, 33, "voos")),
        ("importante", (10, 14, 10, 24, "importante")),
        ("5*3*2", (10, 29, 10, 34, "5*3*2")),
        ("*literal*", (13, 10, 13, 20, "*literal\\*")),
        ("tag", (13, 28, 13, 31, "tag")),
        ("https://x.org", (13, 39, 13, 52, "https://x.org")),
    ],
)
def test_markdown_offsets_point_into_the_original(
    tmp_path: Path, needle: str, expected: tuple[int, int, int, int, str]
) -> None:
    source = read(write(tmp_path, "story.md", STORY_MD))
    assert locate(source, needle) == expected


def test_markdown_heading_is_set_apart_as_a_paragraph(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.md", "Intro line.\n## Headline\nBody text.\n"))
    assert source.text == "Intro line.\n\nHeadline\n\nBody text.\n"
    assert locate(source, "Body") == (3, 1, 3, 5, "Body")
    assert locate(source, "Headline") == (2, 4, 2, 12, "Headline")


def test_markdown_setext_heading_and_closing_hashes(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.md", "Title\n=====\nBody.\n\n# Other #\n"))
    assert source.text == "Title\n\nBody.\n\nOther\n"
    assert locate(source, "Other") == (5, 3, 5, 8, "Other")


def test_markdown_code_fence_keeps_its_content(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.md", "Text.\n\n```\n*raw* [x](y)\n```\n"))
    assert "*raw* [x](y)" in source.text
    assert "```" not in source.text


def test_markdown_with_crlf_and_nfd(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.md", "# Sa\u0303o Paulo\r\n\r\nEm **2/12**.\r\n"))
    assert source.text == "São Paulo\n\nEm 2/12.\n"
    assert locate(source, "São") == (1, 3, 1, 7, "Sa\u0303o")
    assert locate(source, "2/12") == (3, 6, 3, 10, "2/12")


def test_plain_text_keeps_markdown_characters(tmp_path: Path) -> None:
    source = read(write(tmp_path, "a.txt", "# Not a heading *really*\n"))
    assert source.text == "# Not a heading *really*\n"
    assert source.meta("format") == "text"
