"""The text report a person reads, and the formatter registry that picks it."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from test_report_json import sample_report, update_golden

from reconcile.model import Finding, Location, Report, Severity, StoryReport
from reconcile.report import FORMATS, formatter

GOLDEN = Path(__file__).parent / "golden"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def render(report: Report, *, colour: bool = False) -> str:
    return formatter("text", colour=colour).render(report)


def one_finding(finding: Finding) -> Report:
    story = sample_report().stories[0]
    return Report(stories=(StoryReport(story.id, story.documents, (finding,)),))


def test_matches_golden_file_byte_for_byte() -> None:
    text = render(sample_report())
    update_golden("report.txt", text)
    assert text.encode("utf-8") == (GOLDEN / "report.txt").read_bytes()


def test_no_colour_unless_asked() -> None:
    assert "\x1b" not in render(sample_report())


def test_colour_only_adds_escapes() -> None:
    coloured = render(sample_report(), colour=True)
    assert "\x1b[31merror\x1b[0m" in coloured
    assert "\x1b[2m[date-order-mixed]\x1b[0m" in coloured
    assert ANSI.sub("", coloured) == render(sample_report())


def test_finding_block() -> None:
    lines = render(sample_report()).splitlines()
    start = lines.index(next(line for line in lines if line.startswith("en.txt:8:201: error ")))
    assert lines[start].startswith("en.txt:8:201: error [date-order-mixed] '2/12' is day/month")
    assert lines[start + 1 : start + 6] == [
        "    > 2/12",
        "      ^^^^",
        "    suggestion: 12/2",
        "    related: pt-BR.txt:8:190: terça-feira (2/12)",
        "",
    ]


def test_multi_line_excerpt_shows_its_first_line() -> None:
    text = render(sample_report())
    assert "    > Segundo o ministério, o espaço aéreo …\n" in text
    assert "      " + "^" * len("Segundo o ministério, o espaço aéreo") + "\n" in text


def test_carets_follow_display_width() -> None:
    finding = Finding(
        "date-order-mixed", Severity.ERROR, "m", Location("ja.txt", 1, 1, 1, 6, "12月2日")
    )
    assert "    > 12月2日\n      ^^^^^^^\n" in render(one_finding(finding))


def test_invisible_characters_are_shown() -> None:
    excerpt = "2\u200b/12\t"
    finding = Finding(
        "text-invisible", Severity.WARNING, "m", Location("en.txt", 1, 1, 1, 7, excerpt)
    )
    shown = "2\\u200b/12\\t"
    assert f"    > {shown}\n      {'^' * len(shown)}\n" in render(one_finding(finding))


@pytest.mark.parametrize(
    ("errors", "warnings", "infos", "expected"),
    [
        (1, 0, 0, "3 documents, 1 story: 1 error, 0 warnings, 0 info"),
        (2, 1, 2, "3 documents, 1 story: 2 errors, 1 warning, 2 info"),
    ],
)
def test_summary_line_pluralises(errors: int, warnings: int, infos: int, expected: str) -> None:
    base = sample_report().stories[0].findings[0]
    findings = tuple(
        replace(base, severity=severity, message=f"{severity.value} {i}")
        for severity, n in (
            (Severity.ERROR, errors),
            (Severity.WARNING, warnings),
            (Severity.INFO, infos),
        )
        for i in range(n)
    )
    story = sample_report().stories[0]
    report = Report(stories=(StoryReport(story.id, story.documents, findings),))
    assert render(report).splitlines()[-1] == expected


def test_clean_report() -> None:
    story = sample_report().stories[0]
    one = StoryReport(story.id, story.documents[:1], ())
    two = StoryReport(story.id, story.documents[:2], ())
    assert render(Report(stories=(one,))) == "No findings in 1 document.\n"
    assert render(Report(stories=(two,))) == "No findings in 2 documents.\n"
    assert render(Report(stories=(two, one))) == "No findings in 3 documents, 2 stories.\n"


def test_story_headers_only_with_several_stories() -> None:
    story = sample_report().stories[0]
    clean = StoryReport("clean-story", story.documents[:1], ())
    assert "==" not in render(sample_report())
    text = render(Report(stories=(story, clean)))
    assert text.startswith("== venezuela-airspace ==\n\nen.txt:8:201: error")
    assert "clean-story" not in text  # a clean story has nothing to head
    assert text.endswith("\n4 documents, 2 stories: 1 error, 1 warning, 1 info\n")


def test_registry() -> None:
    assert FORMATS == ("text", "json", "jsonl", "sarif", "github", "junit")
    for name in FORMATS:
        assert formatter(name).name == name
    choices = "text, json, jsonl, sarif, github, junit"
    with pytest.raises(ValueError, match=f"unknown format 'xml'; choose from {choices}"):
        formatter("xml")
