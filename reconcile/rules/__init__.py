"""The rule registry: every rule, by id, and running them over a story."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from reconcile.model import CheckedStory, Finding, RuleInfo
from reconcile.rules.base import Rule
from reconcile.rules.dates import (
    DateAmbiguous,
    DateLocaleConvention,
    DateMismatch,
    DateOrderMixed,
    DateWeekdayMismatch,
)
from reconcile.rules.language import LanguageUntranslated
from reconcile.rules.links import LinkMismatch
from reconcile.rules.names import NameMissing, NameSpelling
from reconcile.rules.numbers import NumberLocaleFormat, NumberMismatch, NumberMissing
from reconcile.rules.quotes import QuoteMismatch, QuoteMissing
from reconcile.rules.segments import SegmentAdded, SegmentOmitted
from reconcile.rules.suppression import TextSuppressionUnused
from reconcile.rules.text import TextEncodingGuessed, TextInvisibleCharacter, TextMojibake

RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            DateWeekdayMismatch(),
            DateOrderMixed(),
            DateLocaleConvention(),
            DateMismatch(),
            DateAmbiguous(),
            TextSuppressionUnused(),
            TextEncodingGuessed(),
            TextMojibake(),
            TextInvisibleCharacter(),
            NameSpelling(),
            NameMissing(),
            QuoteMissing(),
            QuoteMismatch(),
            LinkMismatch(),
            LanguageUntranslated(),
            NumberMismatch(),
            NumberMissing(),
            NumberLocaleFormat(),
            SegmentOmitted(),
            SegmentAdded(),
        ),
        key=lambda rule: rule.id,
    )
)


def rule(rule_id: str) -> Rule | None:
    return next((r for r in RULES if r.id == rule_id), None)


def run(
    story: CheckedStory, settings: Mapping[str, Mapping[str, object]] | None = None
) -> tuple[Finding, ...]:
    """Every finding of every rule, sorted so that output never depends on rule order.

    `settings` maps a rule id to its options (from the configuration).
    """
    settings = settings or {}
    active = (r.configured(settings[r.id]) if r.id in settings else r for r in RULES)
    findings = {f for r in active for f in r.check(story)}
    return tuple(sorted(findings, key=lambda f: f.sort_key()))


@functools.cache  # the docstrings never change; every story's report carries them
def infos() -> tuple[RuleInfo, ...]:
    """Every rule's documentation, for formatters (which never import rules)."""
    return tuple(
        RuleInfo(
            r.id, r.severity, r.summary(), r.section("Anti-pattern"), r.section("Best practice")
        )
        for r in RULES
    )


__all__ = ["RULES", "Rule", "infos", "rule", "run"]
