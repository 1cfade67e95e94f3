"""JUnit XML, for GitLab and Jenkins: one test case per story, failing on --fail-on findings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import ClassVar

from reconcile.model import Finding, Report, StoryReport

from .common import meets

# Characters XML 1.0 cannot carry even escaped; text-* findings may quote them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class JunitFormatter:
    """A test suite `reconcile`; a story fails when it has a finding at or above `fail_on`."""

    name: ClassVar[str] = "junit"

    def __init__(self, *, fail_on: str = "warning") -> None:
        self.fail_on = fail_on

    def render(self, report: Report) -> str:
        cases = [self._case(story) for story in report.stories]
        tests = str(len(cases))
        failures = str(sum(1 for c in cases if c.find("failure") is not None))
        errors = str(sum(1 for c in cases if c.find("error") is not None))
        root = ET.Element(
            "testsuites", name="reconcile", tests=tests, failures=failures, errors=errors
        )
        suite = ET.SubElement(
            root,
            "testsuite",
            name="reconcile",
            tests=tests,
            failures=failures,
            errors=errors,
            skipped="0",
        )
        suite.extend(cases)
        ET.indent(root)
        body = ET.tostring(root, encoding="unicode")
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"

    def _case(self, story: StoryReport) -> ET.Element:
        case = ET.Element("testcase", classname="reconcile", name=_clean(story.id))
        if story.documents:
            case.set("file", _clean(story.documents[0].path))
        if story.error is not None:
            error = ET.SubElement(case, "error", type="input-error")
            error.set("message", _clean(f"{story.error.path}: {story.error.cause}"))
            return case
        failing = [f for f in story.findings if meets(f.severity, self.fail_on)]
        # One <failure> per case, listing every finding: Jenkins and GitLab show only the
        # first of several.
        if failing:
            failure = ET.SubElement(case, "failure", type=failing[0].rule)
            noun = "finding" if len(failing) == 1 else "findings"
            failure.set(
                "message",
                _clean(f"{len(failing)} {noun} at or above {self.fail_on}: {_line(failing[0])}"),
            )
            failure.text = _clean("\n".join(_line(f) for f in failing))
        rest = [f for f in story.findings if not meets(f.severity, self.fail_on)]
        if rest:
            ET.SubElement(case, "system-out").text = _clean("\n".join(_line(f) for f in rest))
        return case


def _line(finding: Finding) -> str:
    loc = finding.location
    text = f"{loc.path}:{loc.line}:{loc.column}: {finding.severity.value} [{finding.rule}] "
    text += finding.message
    if finding.suggestion is not None:
        text += f" (suggestion: {finding.suggestion})"
    return text


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
