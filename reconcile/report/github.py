"""GitHub Actions workflow commands: one `::error file=...::message` annotation per finding."""

from __future__ import annotations

from typing import ClassVar

from reconcile.model import Finding, Report, StoryReport

from .common import LEVELS, Totals


class GithubFormatter:
    """Renders findings as workflow commands, which GitHub shows on the pull request's lines."""

    name: ClassVar[str] = "github"

    def render(self, report: Report) -> str:
        return self.begin() + "".join(self.story(s) for s in report.stories)

    def begin(self) -> str:
        return ""

    def story(self, story: StoryReport) -> str:
        lines = []
        if story.error is not None:
            properties = {"file": story.error.path, "title": f"reconcile: {story.id} not checked"}
            lines.append(_command("error", properties, story.error.cause))
        lines.extend(_annotation(finding) for finding in story.findings)
        return "".join(line + "\n" for line in lines)

    def end(self, totals: Totals) -> str:
        return ""


def _annotation(finding: Finding) -> str:
    loc = finding.location
    properties = {
        "file": loc.path,
        "line": str(loc.line),
        "col": str(loc.column),
        "endLine": str(loc.end_line),
        "endColumn": str(loc.end_column),
        "title": f"reconcile {finding.rule}",
    }
    message = finding.message
    if finding.suggestion is not None:
        message += f"\nsuggestion: {finding.suggestion}"
    return _command(LEVELS[finding.severity].github, properties, message)


def _command(kind: str, properties: dict[str, str], message: str) -> str:
    fields = ",".join(f"{key}={_escape_property(value)}" for key, value in properties.items())
    return f"::{kind} {fields}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    # The escapes of the runner's own toolkit (@actions/core), % first so no escape is doubled.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
