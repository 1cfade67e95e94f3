"""Human-readable report: one compiler-style block per finding, then a summary line."""

from __future__ import annotations

import unicodedata
from typing import ClassVar

from reconcile.model import Finding, Location, Report, Severity, StoryReport

from .common import Totals

# The one place severities map to terminal colours.
_SEVERITY_COLOUR: dict[Severity, str] = {
    Severity.ERROR: "\x1b[31m",  # red
    Severity.WARNING: "\x1b[33m",  # yellow
    Severity.INFO: "\x1b[34m",  # blue
}
_DIM = "\x1b[2m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"

_PLURAL = {
    "document": "documents",
    "story": "stories",
    "error": "errors",
    "warning": "warnings",
    "info": "info",
}

_INDENT = "    "
_CONTEXT = 40  # characters of the line shown on each side of the span
_QUOTE = "> "  # marks the excerpt line; the carets line up under what follows it


class TextFormatter:
    """Renders a Report for a person at a terminal or reading a log."""

    name: ClassVar[str] = "text"

    def __init__(self, *, colour: bool = False, several: bool = True) -> None:
        self.colour = colour
        self.several = several  # when streaming: name each story with findings in a header

    def render(self, report: Report) -> str:
        self.several = len(report.stories) > 1
        stories = "".join(self.story(story) for story in report.stories)
        return self.begin() + stories + self.end(Totals.of(report))

    def begin(self) -> str:
        return ""

    def story(self, story: StoryReport) -> str:
        lines: list[str] = []
        # In a batch, a header for a clean story would only bury the ones with findings.
        if self.several and (story.findings or story.error):
            lines += [self._paint(f"== {story.id} ==", _BOLD), ""]
        if story.error is not None:
            error = self._paint("error", _SEVERITY_COLOUR[Severity.ERROR])
            lines += [f"{story.error.path}: {error} story not checked: {story.error.cause}", ""]
        for finding in story.findings:
            lines += [*self._finding(finding), ""]
        return "".join(line + "\n" for line in lines)

    def end(self, totals: Totals) -> str:
        return self._summary(totals) + "\n"

    def _finding(self, finding: Finding) -> list[str]:
        loc = finding.location
        colour = _SEVERITY_COLOUR[finding.severity]
        severity = self._paint(finding.severity.value, colour)
        rule = self._paint(f"[{finding.rule}]", _DIM)
        message = finding.message.replace("\n", "\n" + _INDENT)
        lines = [f"{_position(loc)}: {severity} {rule} {message}"]
        if loc.excerpt:
            before, first, after = _in_context(loc)
            carets = "^" * max(1, _width(first))
            lines.append(f"{_INDENT}{_QUOTE}{before}{first}{after}")
            lines.append(
                f"{_INDENT}{' ' * (len(_QUOTE) + _width(before))}{self._paint(carets, colour)}"
            )
        if finding.suggestion is not None:
            lines.append(f"{_INDENT}suggestion: {_visible(finding.suggestion)}")
        for related in finding.related:
            first, more = _first_line(related.excerpt)
            excerpt = f": {first}{more}" if related.excerpt else ""
            lines.append(f"{_INDENT}related: {_position(related)}{excerpt}")
        return lines

    def _summary(self, totals: Totals) -> str:
        documents = _plural(totals.documents, "document")
        stories = _plural(totals.stories, "story")
        failed = f"; {_plural(totals.failed, 'story')} not checked" if totals.failed else ""
        if not any(totals.findings.values()):
            scope = documents if totals.stories <= 1 else f"{documents}, {stories}"
            return f"No findings in {scope}{failed}."
        counts = []
        for severity in Severity:
            count = totals.findings[severity]
            text = _plural(count, severity.value)
            counts.append(self._paint(text, _SEVERITY_COLOUR[severity]) if count else text)
        return f"{documents}, {stories}: {', '.join(counts)}{failed}"

    def _paint(self, text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if self.colour else text


def _position(loc: Location) -> str:
    return f"{loc.path}:{loc.line}:{loc.column}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun if count == 1 else _PLURAL[noun]}"


def _in_context(loc: Location) -> tuple[str, str, str]:
    """The text before the span on its line, the span's first line, and the text after it.

    Long lines are cut to a window around the span, so that wire copy's one-line paragraphs
    stay readable.
    """
    first, more = _first_line(loc.excerpt)
    line = loc.line_text
    start = loc.column - 1
    if (
        not line
        or line[start : start + len(loc.excerpt.partition("\n")[0])]
        != (loc.excerpt.partition("\n")[0])
    ):
        return "", first, more
    before = line[:start]
    after = more or line[start + len(loc.excerpt) :]
    if len(before) > _CONTEXT:
        before = "…" + before[-_CONTEXT:]
    if len(after) > _CONTEXT:
        after = after[:_CONTEXT] + "…"
    return _visible(before), first, _visible(after)


def _first_line(excerpt: str) -> tuple[str, str]:
    """The excerpt's first line made visible, and " …" when more lines follow."""
    first, newline, _ = excerpt.partition("\n")
    return _visible(first.removesuffix("\r")), " …" if newline else ""


def _visible(text: str) -> str:
    # Findings about invisible characters (text-* rules) would otherwise show nothing, and
    # a tab would throw the carets out of line.
    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Cf")
        else ch
        for ch in text
    )


def _width(text: str) -> int:
    """Terminal columns `text` takes, so carets sit under CJK and combining characters."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )
