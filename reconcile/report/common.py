"""What several formats share: the one severity table, and totals for a streamed batch."""

from __future__ import annotations

from dataclasses import dataclass, field

from reconcile.model import Report, Severity, StoryReport


@dataclass(frozen=True, slots=True)
class Levels:
    sarif: str  # SARIF result.level
    github: str  # GitHub workflow command


# The one place severities map to other tools' levels.
LEVELS: dict[Severity, Levels] = {
    Severity.ERROR: Levels(sarif="error", github="error"),
    Severity.WARNING: Levels(sarif="warning", github="warning"),
    Severity.INFO: Levels(sarif="note", github="notice"),
}


@dataclass(slots=True)
class Totals:
    """Running counts over the stories of a report, so a stream can end with a summary."""

    stories: int = 0
    documents: int = 0
    failed: int = 0
    findings: dict[Severity, int] = field(default_factory=lambda: dict.fromkeys(Severity, 0))

    def add(self, story: StoryReport) -> None:
        self.stories += 1
        self.documents += len(story.documents)
        self.failed += story.error is not None
        for finding in story.findings:
            self.findings[finding.severity] += 1

    @classmethod
    def of(cls, report: Report) -> Totals:
        totals = cls()
        for story in report.stories:
            totals.add(story)
        return totals


def meets(severity: Severity, fail_on: str) -> bool:
    """Whether a finding of `severity` fails a run with --fail-on `fail_on`."""
    return fail_on != "never" and severity.rank >= Severity(fail_on).rank
