"""The rule registry: every rule, by id, and running them over a story."""

from __future__ import annotations

from reconcile.model import CheckedStory, Finding
from reconcile.rules.base import Rule
from reconcile.rules.dates import (
    DateAmbiguous,
    DateLocaleConvention,
    DateMismatch,
    DateOrderMixed,
    DateWeekdayMismatch,
)

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            DateWeekdayMismatch(),
            DateOrderMixed(),
            DateLocaleConvention(),
            DateMismatch(),
            DateAmbiguous(),
        ),
        key=lambda rule: rule.id,
    )
)


def rule(rule_id: str) -> Rule | None:
    return next((r for r in RULES if r.id == rule_id), None)


def run(story: CheckedStory) -> tuple[Finding, ...]:
    """Every finding of every rule, sorted so that output never depends on rule order."""
    findings = {f for r in RULES for f in r.check(story)}
    return tuple(sorted(findings, key=lambda f: f.sort_key()))


__all__ = ["RULES", "Rule", "rule", "run"]
