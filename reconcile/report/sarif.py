"""SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any, ClassVar
from urllib.parse import quote

from reconcile import __version__
from reconcile.model import Finding, Location, Report, RuleInfo

from .common import LEVELS

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"


class SarifFormatter:
    """Renders a Report as one SARIF run; equal reports give byte-identical text."""

    name: ClassVar[str] = "sarif"

    def render(self, report: Report) -> str:
        rules = list(report.rules) or _bare_rules(report)
        index = {rule.id: i for i, rule in enumerate(rules)}
        results = [
            _result(finding, index.get(finding.rule))
            for story in report.stories
            for finding in story.findings
        ]
        notifications = [
            {
                "level": "error",
                "message": {"text": f"story {story.id} not checked: {story.error.cause}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": _uri(story.error.path)}}}
                ],
            }
            for story in report.stories
            if story.error is not None
        ]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "reconcile",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "rules": [_rule(rule) for rule in rules],
                }
            },
            "invocations": [
                {
                    "executionSuccessful": not notifications,
                    "toolExecutionNotifications": notifications,
                }
            ],
            # Our columns count code points, not SARIF's default UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        data = {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: RuleInfo) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": "".join(word.title() for word in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "defaultConfiguration": {"level": LEVELS[rule.severity].sarif},
        "properties": {"tags": [rule.id.split("-")[0]]},
    }
    if rule.anti_pattern or rule.best_practice:
        text = f"Anti-pattern: {rule.anti_pattern}\nBest practice: {rule.best_practice}"
        markdown = (
            f"**Anti-pattern:** {rule.anti_pattern}\n\n**Best practice:** {rule.best_practice}"
        )
        descriptor["fullDescription"] = {"text": f"{rule.summary} {text}"}
        descriptor["help"] = {"text": text, "markdown": markdown}
    return descriptor


def _bare_rules(report: Report) -> list[RuleInfo]:
    """Rule entries from the findings alone, for a report built without the registry."""
    seen: dict[str, RuleInfo] = {}
    for story in report.stories:
        for finding in story.findings:
            seen.setdefault(
                finding.rule, RuleInfo(finding.rule, finding.severity, finding.rule, "", "")
            )
    return [seen[key] for key in sorted(seen)]


def _result(finding: Finding, rule_index: int | None) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": finding.rule}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result["level"] = LEVELS[finding.severity].sarif
    result["message"] = {"text": finding.message}
    result["locations"] = [{"physicalLocation": _physical(finding.location, snippet=True)}]
    if finding.related:
        result["relatedLocations"] = [
            {
                "id": number,
                "physicalLocation": _physical(related, snippet=True),
                "message": {"text": related.excerpt or related.path},
            }
            for number, related in enumerate(finding.related, start=1)
        ]
    if finding.suggestion is not None:
        loc = finding.location
        result["fixes"] = [
            {
                "description": {"text": f"Replace {loc.excerpt!r} with {finding.suggestion!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": _uri(loc.path)},
                        "replacements": [
                            {
                                "deletedRegion": _region(loc, snippet=False),
                                "insertedContent": {"text": finding.suggestion},
                            }
                        ],
                    }
                ],
            }
        ]
    return result


def _physical(loc: Location, *, snippet: bool) -> dict[str, Any]:
    return {"artifactLocation": {"uri": _uri(loc.path)}, "region": _region(loc, snippet=snippet)}


def _region(loc: Location, *, snippet: bool) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
    }
    if snippet and loc.excerpt:
        region["snippet"] = {"text": loc.excerpt}
    return region


def _uri(path: str) -> str:
    """A relative path stays relative (GitHub resolves it against the checkout); absolute: file:."""
    pure = PurePath(path)
    if pure.is_absolute():
        return "file://" + quote(pure.as_posix())
    return quote(pure.as_posix())
