"""Check a JSON report against the shipped schema and the rules a schema cannot state."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from reconcile.schema import report_schema


@cache
def report_validator() -> Draft202012Validator:
    schema = report_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(report: Any) -> list[str]:
    """Every schema violation in a parsed report, as "where: what"; empty when valid."""
    errors = sorted(report_validator().iter_errors(report), key=lambda e: list(e.path))
    return [f"{'/'.join(map(str, e.path)) or '(top)'}: {e.message}" for e in errors]


def assert_valid_report(json_text: str) -> None:
    """Fail the calling test unless `json_text` is a valid, self-consistent reconcile report."""
    assert json_text.endswith("\n"), "a report ends with a newline"
    report = json.loads(json_text)
    errors = schema_errors(report)
    assert not errors, "report does not match its schema:\n" + "\n".join(errors)

    counts = {"error": 0, "warning": 0, "info": 0}
    for story in report["stories"]:
        paths = [doc["path"] for doc in story["documents"]]
        assert len(set(paths)) == len(paths), f"story {story['id']}: a document is listed twice"
        for finding in story["findings"]:
            counts[finding["severity"]] += 1
            for loc in [finding, *finding["related"]]:
                where = f"{story['id']}: {finding['rule']} at {loc['path']}:{loc['line']}"
                assert loc["path"] in paths, f"{where}: path is not one of the story's documents"
                start, end = (loc["line"], loc["column"]), (loc["end_line"], loc["end_column"])
                assert start <= end, f"{where}: ends before it starts"
        keys = [
            (f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in story["findings"]
        ]
        assert keys == sorted(keys), f"story {story['id']}: findings are not in sort_key order"

    summary = report["summary"]
    assert summary["stories"] == len(report["stories"]), "summary.stories is wrong"
    documents = sum(len(story["documents"]) for story in report["stories"])
    assert summary["documents"] == documents, "summary.documents is wrong"
    assert summary["findings"] == counts, "summary.findings does not match the findings"
