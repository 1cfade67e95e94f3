"""The JSON report: its exact bytes, its schema, and the schema's teeth."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from schema_check import assert_valid_report, schema_errors

from reconcile.model import (
    DocumentSummary,
    Finding,
    Location,
    Report,
    Severity,
    StoryReport,
)
from reconcile.report import formatter
from reconcile.schema import report_schema

GOLDEN = Path(__file__).parent / "golden"


def update_golden(name: str, text: str) -> None:
    """With RECONCILE_UPDATE_GOLDEN=1, rewrite a golden file instead of comparing with it."""
    if os.environ.get("RECONCILE_UPDATE_GOLDEN"):
        (GOLDEN / name).write_bytes(text.encode("utf-8"))


def sample_report() -> Report:
    """The seed story: a pt-BR source, an English and a Spanish translation, three findings."""
    documents = (
        DocumentSummary(
            path="pt-BR.txt",
            role="source",
            language="pt",
            locale="pt-BR",
            date_order="DMY",
            reference_date="2025-12-01",
            reference_date_from="inferred",
            reference_date_note="sábado (29/11), domingo (30/11) and quinta-feira (27/11) fit 2025",
        ),
        DocumentSummary(
            path="en.txt",
            role="target",
            language="en",
            locale="en-US",
            date_order="MDY",
            reference_date="2025-12-01",
            reference_date_from="inferred",
            reference_date_note="Saturday (11/29) and Sunday (11/30) fit 2025",
        ),
        DocumentSummary(
            path="es.txt",
            role="target",
            language="es",
            locale="es",
            date_order="DMY",
            reference_date="2025-12-01",
            reference_date_from="option",
            reference_date_note="--reference-date",
        ),
    )
    findings = (
        Finding(
            rule="date-order-mixed",
            severity=Severity.ERROR,
            message=(
                "'2/12' is day/month but this document writes month/day (11/29, 11/30, 11/27): "
                "a reader takes 12 February; Tuesday fits only 2 December 2025"
            ),
            location=Location("en.txt", 8, 201, 8, 205, "2/12"),
            related=(Location("pt-BR.txt", 8, 190, 8, 208, "terça-feira (2/12)"),),
            suggestion="12/2",
        ),
        Finding(
            rule="language-untranslated",
            severity=Severity.INFO,
            message="this paragraph is in Portuguese, not Spanish",
            location=Location(
                "es.txt", 3, 1, 4, 20, "Segundo o ministério, o espaço aéreo\nfoi fechado às 18h."
            ),
        ),
        Finding(
            rule="number-mismatch",
            severity=Severity.WARNING,
            message="'1.200' here but '1.500' in pt-BR.txt",
            location=Location("es.txt", 6, 40, 6, 45, "1.200"),
            related=(Location("pt-BR.txt", 6, 38, 6, 43, "1.500"),),
            suggestion="1.500",
        ),
    )
    return Report(stories=(StoryReport("venezuela-airspace", documents, findings),))


def render(report: Report) -> str:
    return formatter("json").render(report)


def test_matches_golden_file_byte_for_byte() -> None:
    text = render(sample_report())
    update_golden("report.json", text)
    assert text.encode("utf-8") == (GOLDEN / "report.json").read_bytes()


def test_sample_report_is_valid() -> None:
    assert_valid_report(render(sample_report()))


def test_clean_and_empty_reports_are_valid() -> None:
    story = sample_report().stories[0]
    clean = Report(stories=(StoryReport(story.id, story.documents, ()),))
    assert_valid_report(render(clean))
    assert_valid_report(render(Report(stories=())))


def test_equal_reports_render_identically() -> None:
    assert render(sample_report()) == render(sample_report())


def test_writes_non_ascii_as_is() -> None:
    text = render(sample_report())
    assert '"excerpt": "terça-feira (2/12)"' in text
    assert "\\u" not in text


def test_absent_suggestion_is_null_and_related_always_present() -> None:
    findings = json.loads(render(sample_report()))["stories"][0]["findings"]
    untranslated = next(f for f in findings if f["rule"] == "language-untranslated")
    assert untranslated["suggestion"] is None
    assert untranslated["related"] == []


def test_keys_follow_the_design_order() -> None:
    data = json.loads(render(sample_report()))
    story = data["stories"][0]
    finding = story["findings"][0]
    assert list(data) == ["schema", "stories", "summary"]
    assert list(story) == ["id", "documents", "findings"]
    assert list(finding) == [
        "rule", "severity", "message", "path", "line", "column", "end_line", "end_column",
        "excerpt", "related", "suggestion",
    ]  # fmt: skip
    assert list(finding["related"][0]) == [
        "path", "line", "column", "end_line", "end_column", "excerpt",
    ]  # fmt: skip
    assert list(data["summary"]["findings"]) == ["error", "warning", "info"]


def test_summary_counts_across_stories() -> None:
    story = sample_report().stories[0]
    two = Report(stories=(story, StoryReport("other", story.documents[:1], ())))
    assert json.loads(render(two))["summary"] == {
        "stories": 2,
        "documents": 4,
        "findings": {"error": 1, "warning": 1, "info": 1},
    }


def test_schema_const_matches_the_formatter() -> None:
    assert (
        report_schema()["properties"]["schema"]["const"] == json.loads(render(Report(())))["schema"]
    )


def _broken(change: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(sample_report()))
    story = data["stories"][0]
    finding = story["findings"][0]
    match change:
        case "missing key":
            del finding["excerpt"]
        case "missing suggestion":
            del story["findings"][1]["suggestion"]
        case "bad severity":
            finding["severity"] = "fatal"
        case "line 0":
            finding["line"] = 0
        case "related column 0":
            finding["related"][0]["column"] = 0
        case "line as string":
            finding["line"] = "8"
        case "rule not kebab-case":
            finding["rule"] = "DateOrderMixed"
        case "rule without family":
            finding["rule"] = "mixed"
        case "extra finding key":
            finding["fix"] = "12/2"
        case "extra location key":
            finding["related"][0]["offset"] = 190
        case "extra document key":
            story["documents"][0]["order_counts"] = []
        case "bad reference_date_from":
            story["documents"][0]["reference_date_from"] = "guessed"
        case "bad date_order":
            story["documents"][0]["date_order"] = "MD"
        case "bad reference_date":
            story["documents"][0]["reference_date"] = "01/12/2025"
        case "impossible reference_date":
            story["documents"][0]["reference_date"] = "2025-02-30"
        case "wrong schema version":
            data["schema"] = "reconcile.report/2"
        case "negative count":
            data["summary"]["findings"]["error"] = -1
        case _:
            raise AssertionError(change)
    return data


@pytest.mark.parametrize(
    "change",
    [
        "missing key",
        "missing suggestion",
        "bad severity",
        "line 0",
        "related column 0",
        "line as string",
        "rule not kebab-case",
        "rule without family",
        "extra finding key",
        "extra location key",
        "extra document key",
        "bad reference_date_from",
        "bad date_order",
        "bad reference_date",
        "impossible reference_date",
        "wrong schema version",
        "negative count",
    ],
)
def test_schema_rejects_broken_report(change: str) -> None:
    data = _broken(change)
    assert schema_errors(data), f"schema accepted a report with {change}"
    with pytest.raises(AssertionError):
        assert_valid_report(json.dumps(data) + "\n")


def test_check_rejects_summary_that_disagrees_with_findings() -> None:
    data = json.loads(render(sample_report()))
    data["summary"]["findings"]["error"] = 2
    assert not schema_errors(data)  # only the consistency check can see this
    with pytest.raises(AssertionError, match=r"summary\.findings"):
        assert_valid_report(json.dumps(data) + "\n")


def test_report_schema_returns_a_fresh_copy() -> None:
    report_schema()["required"].clear()
    assert report_schema()["required"] == ["schema", "stories", "summary"]


def test_schema_does_not_mutate_input() -> None:
    data = json.loads(render(sample_report()))
    before = copy.deepcopy(data)
    schema_errors(data)
    assert data == before
