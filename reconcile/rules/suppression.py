"""The rule that reports inline suppressions which suppressed nothing (found by suppress.py)."""

from __future__ import annotations

from collections.abc import Iterator

from reconcile.model import CheckedStory, Finding, Severity
from reconcile.rules.base import Rule


class TextSuppressionUnused(Rule):
    """An inline `reconcile:` directive suppresses no finding.

    Anti-pattern: `<!-- reconcile: ignore date-order-mixed -->` left above a paragraph after
    its date was corrected: it would silently hide the next real fault there.
    Best practice: remove the directive once the finding it was for has gone, or name the rule
    it is meant for.
    """

    id = "text-suppression-unused"
    severity = Severity.INFO

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        # Whether a directive was used is known only after the other rules have run, so the
        # suppress stage yields these findings; the rule is here to be listed and explained.
        return iter(())
