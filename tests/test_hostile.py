"""Hostile and broken input: one clear line and exit 2, or a finding; never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from reconcile import api
from reconcile.load import read
from reconcile.model import InputError

OPTIONS = api.Options(today=dt.date(2026, 11, 25))
SECRET = "reconcile-secret-marker-7f3a"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<newsItem><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>
"""


def xxe(secret_file: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret_file}">]>
<xliff version="1.2"><file source-language="en" target-language="pt-BR"><body>
<trans-unit id="1"><source>Secret: &xxe;</source><target>Segredo: &xxe;</target></trans-unit>
</body></file></xliff>
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *args], capture_output=True, text=True, check=False
    )


def assert_refused(result: subprocess.CompletedProcess[str], path: str, cause: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert path in lines[0] and cause in lines[0], lines[0]
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_billion_laughs_is_refused_before_any_expansion(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert_refused(run("check", str(path)), str(path), "entity declaration 'lol' refused")
    with pytest.raises(InputError):  # once first, so that lazy imports are not counted
        api.check([str(path)], OPTIONS)
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="entity"):
            api.check([str(path)], OPTIONS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # 10^9 "lol"s would be gigabytes


@pytest.mark.parametrize("suffix", [".xlf", ".xml"])
def test_xxe_reads_no_file(tmp_path: Path, suffix: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    path = tmp_path / f"payload{suffix}"
    path.write_text(xxe(secret), encoding="utf-8")
    result = run("check", "--format", "json", str(path))
    assert_refused(result, str(path), "entity declaration 'xxe' refused")
    assert SECRET not in result.stdout + result.stderr


def test_external_doctype_and_parameter_entities_are_not_fetched(tmp_path: Path) -> None:
    path = tmp_path / "p.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE n [<!ENTITY % ext SYSTEM "http://127.0.0.1:9/x">'
        " %ext;]>\n<newsItem/>",
        encoding="utf-8",
    )
    assert_refused(run("check", str(path)), str(path), "refused")


@pytest.mark.parametrize(
    ("name", "data", "cause"),
    [
        ("bad.xml", b"<newsItem><contentSet>", "not well-formed XML"),
        ("bad.xlf", b"<xliff version='1.2'><file></xliff>", "not well-formed XML"),
        ("bad.json", b'{"headline": "x", ', "malformed JSON"),
        ("list.json", b'["headline"]', "not a ninjs document"),
        ("other.xml", b"<rss><channel/></rss>", "unsupported XML document (root element <rss>)"),
        ("empty.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
        ("nul.txt", b"abc\x00def", "binary file (NUL bytes)"),
        ("nul.json", b'{"headline": "a\\u0000b"}', "NUL character"),
        ("lone.json", b'{"headline": "a\\ud800b"}', "lone surrogate"),
        ("lone16.txt", b"\xff\xfe" + b"a\x00\x00\xd8b\x00", "not valid UTF-16"),
        ("junk.txt", bytes(range(1, 32)) * 4 + b"\xe3", "no other encoding fits"),
    ],
)
def test_broken_input_is_one_line_exit_2(
    tmp_path: Path, name: str, data: bytes, cause: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert_refused(run("check", str(path)), str(path), cause)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.en.txt"
    path.write_text("The strike starts on Wednesday (12/3).\n" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="larger than the 1000 bytes limit"):
        api.check([str(path)], api.Options(max_bytes=1000))
    assert api.check([str(path)], OPTIONS).stories
    assert_refused(run("check", "--max-file-size", "0.001", str(path)), str(path), "larger")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.xml", "<newsItem>" + "<a>" * 5000 + "x" + "</a>" * 5000 + "</newsItem>"),
        ("deep.html", "<article>" + "<div>" * 5000 + "Texto." + "</div>" * 5000),
        ("deep.json", '{"headline": ' + "[" * 100_000 + "]" * 100_000 + "}"),
    ],
)
def test_deeply_nested_markup_is_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert_refused(run("check", str(path)), str(path), "nested")


def test_unclosed_html_is_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "en.html"
    path.write_text("<html lang=en><p>He spoke on Saturday (11/29).<p>And on <b>Sunday", "utf-8")
    assert read(str(path)).text == "He spoke on Saturday (11/29).\n\nAnd on Sunday"


def test_ten_megabyte_line_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "long.en.txt"
    sentence = "Talks resume on Tuesday (12/2) in Caracas, officials said. "
    path.write_text(sentence * (10_000_000 // len(sentence)), encoding="utf-8")
    assert_refused(run("check", str(path)), str(path), "a paragraph longer than 100,000")


def test_ten_megabyte_file_has_a_compact_offset_map(tmp_path: Path) -> None:
    path = tmp_path / "long.en.txt"
    paragraph = "Talks resume on Tuesday (12/2) in Caracas, officials said.\r\n"
    path.write_text(paragraph * (10_000_000 // len(paragraph)), encoding="utf-8", newline="")
    source = read(str(path))
    assert len(source.origin) == len(source.text) + 1
    runs = int(repr(source.origin).split("(")[1].split()[0])
    assert runs <= source.text.count("\n") + 1  # a run per line, not an int per character
    end = len(source.text)
    assert source.locate(end - 11, end - 1).excerpt == source.original[-12:-2]
    assert source.position(end - 1) == (len(source.line_starts) - 1, len(paragraph) - 1)


def test_ten_megabyte_markup_keeps_few_runs(tmp_path: Path) -> None:
    path = tmp_path / "long.html"
    paragraph = "<p>Talks resume on Tuesday (12/2) in Caracas, &quot;officials&quot; said.</p>\n"
    path.write_text("<article>" + paragraph * (1_000_000 // len(paragraph)) + "</article>")
    source = read(str(path))
    runs = int(repr(source.origin).split("(")[1].split()[0])
    assert runs < len(source.text) / 10


def test_invisible_characters_are_findings_not_errors(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("About 15\u200b000 troops arrived on Tuesday.\n", encoding="utf-8")
    result = run("check", "--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    (finding,) = json.loads(result.stdout)["stories"][0]["findings"]
    assert (finding["rule"], finding["excerpt"], finding["suggestion"]) == (
        "text-invisible-character",
        "15\u200b000",
        "15000",
    )


def test_guessed_encoding_and_mojibake_are_reported(tmp_path: Path) -> None:
    legacy = tmp_path / "pt-BR.txt"
    legacy.write_bytes("Em São Paulo, na terça-feira (2/12).\n".encode("cp1252"))
    broken = tmp_path / "en.txt"
    broken.write_text("In SÃ£o Paulo on Tuesday (12/2).\n", encoding="utf-8")
    report = api.check([str(legacy), str(broken)], OPTIONS)
    found = {(f.rule, f.location.excerpt, f.suggestion) for f in report.stories[0].findings}
    assert ("text-encoding-guessed", "Em", None) in found
    assert ("text-mojibake", "SÃ£o", "São") in found
    (guess,) = [f for f in report.stories[0].findings if f.rule == "text-encoding-guessed"]
    assert "cp1252" in guess.message
