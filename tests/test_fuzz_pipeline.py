"""Property tests over the whole pipeline: any text or bytes, in any format, never crash it."""

from __future__ import annotations

import datetime as dt
import json
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reconcile import api
from reconcile.load import read_versions
from reconcile.model import InputError, Report

OPTIONS = api.Options(today=dt.date(2026, 11, 25))
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Text that looks like a story often enough for the rules to fire: dates, weekdays, figures,
# mojibake, invisible characters, markup characters and line breaks.
PIECES = [
    "Tuesday (2/12)",
    "terça-feira (2/12)",
    " 11/29",
    " 29/11",
    "Sunday, Nov 30",
    "15\u200b000",
    "SÃ£o",
    "São",
    "\u202e",
    "\u00ad",
    "\u200d",
    " ",
    ". ",
    "\n",
    "\r\n",
    "\n\n",
    "&amp;",
    "<",
    ">",
    '"',
    "\\",
    "é",
    "\u0301",
    "€",
    "😀",
    "\t",
    "#",
    "*",
    "---",
]
STORY = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map("".join)


def wrap(kind: str, text: str) -> str:
    """The text as the body of a file of the given kind."""
    if kind == "json":
        return json.dumps({"headline": text[:20], "body_text": text, "language": "en"})
    if kind == "html":
        return f"<html lang='en'><body><article><p>{text}</p></article></body></html>"
    if kind == "xml":
        body = f"<inlineXML><p>{escape(text)}</p></inlineXML>"
        return f"<newsItem><contentSet>{body}</contentSet></newsItem>"
    if kind == "xlf":
        unit = (
            f"<trans-unit id='1'><source>{escape(text)}</source>"
            f"<target>{escape(text[::-1])}</target></trans-unit>"
        )
        languages = "source-language='pt-BR' target-language='en'"
        return f"<xliff version='1.2'><file {languages}><body>{unit}</body></file></xliff>"
    return text


def check_report(report: Report, paths: list[str]) -> None:
    """Every location lies inside its file, and its excerpt is the file's text there."""
    originals = {path: read_versions(path)[0] for path in paths}
    for story in report.stories:
        for finding in story.findings:
            for loc in (finding.location, *finding.related):
                source = originals[loc.path]
                starts = source.line_starts
                assert 1 <= loc.line <= loc.end_line <= len(starts)
                start = starts[loc.line - 1] + loc.column - 1
                end = starts[loc.end_line - 1] + loc.end_column - 1
                assert 0 <= start <= end <= len(source.original)
                assert source.original[start:end] == loc.excerpt


def run_check(paths: list[str]) -> None:
    try:
        report = api.check(paths, OPTIONS)
    except InputError:
        return
    check_report(report, paths)


@pytest.mark.parametrize("kind", ["txt", "md", "html", "json", "xml", "xlf"])
@given(story=STORY, other=STORY)
@SETTINGS
def test_any_text_in_any_format(
    tmp_path_factory: pytest.TempPathFactory, kind: str, story: str, other: str
) -> None:
    folder = tmp_path_factory.mktemp(kind)
    first = folder / f"pt-BR.{kind}"
    first.write_text(wrap(kind, story), encoding="utf-8", newline="")
    paths = [str(first)]
    if kind != "xlf":
        second = folder / f"en.{kind}"
        second.write_text(wrap(kind, other), encoding="utf-8", newline="")
        paths.append(str(second))
    run_check(paths)


@pytest.mark.parametrize("kind", ["txt", "html", "json", "xml", "xlf", "bin"])
@given(data=st.binary(max_size=300), prefix=st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe"]))
@SETTINGS
def test_any_bytes_in_any_format(
    tmp_path_factory: pytest.TempPathFactory, kind: str, data: bytes, prefix: bytes
) -> None:
    path = tmp_path_factory.mktemp(kind) / f"en.{kind}"
    path.write_bytes(prefix + data)
    run_check([str(path)])


@given(text=st.text(max_size=200))
@SETTINGS
def test_any_unicode_as_plain_text(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("u") / "en.txt"
    path.write_text(text, encoding="utf-8", newline="")
    run_check([str(path)])
