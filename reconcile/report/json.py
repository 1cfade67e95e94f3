"""The JSON report, schema reconcile.report/1 (DESIGN.md section 4, and `error` for a story)."""

from __future__ import annotations

import json
from typing import Any, ClassVar

from reconcile.model import DocumentSummary, Finding, Location, Report, Severity, StoryReport

SCHEMA = "reconcile.report/1"


class JsonFormatter:
    """Renders a Report as JSON; equal reports give byte-identical text."""

    name: ClassVar[str] = "json"

    def render(self, report: Report) -> str:
        # Keys are written in the order the design lists them (dicts keep insertion
        # order), never sorted, so diffs between runs stay readable.
        data = {
            "schema": SCHEMA,
            "stories": [story_json(story) for story in report.stories],
            "summary": {
                "stories": len(report.stories),
                "documents": sum(len(story.documents) for story in report.stories),
                "findings": {severity.value: report.count(severity) for severity in Severity},
            },
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def story_json(story: StoryReport) -> dict[str, Any]:
    """One item of the report's `stories`; a story that could not be checked has `error`."""
    data: dict[str, Any] = {
        "id": story.id,
        "documents": [_document(doc) for doc in story.documents],
        "findings": [_finding(finding) for finding in story.findings],
    }
    if story.error is not None:
        data["error"] = {"path": story.error.path, "message": story.error.cause}
    return data


def _document(doc: DocumentSummary) -> dict[str, Any]:
    return {
        "path": doc.path,
        "role": doc.role,
        "language": doc.language,
        "locale": doc.locale,
        "date_order": doc.date_order,
        "reference_date": doc.reference_date,
        "reference_date_from": doc.reference_date_from,
        "reference_date_note": doc.reference_date_note,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        **_location(finding.location),
        "related": [_location(loc) for loc in finding.related],
        "suggestion": finding.suggestion,
    }


def _location(loc: Location) -> dict[str, Any]:
    return {
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "excerpt": loc.excerpt,
    }
