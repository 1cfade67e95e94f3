"""The stage after the rules: configuration filters, inline directives and the baseline."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath

from reconcile.config import Config
from reconcile.model import (
    CheckedStory,
    Document,
    Finding,
    InputError,
    Location,
    Severity,
    SourceText,
)

BASELINE_SCHEMA = "reconcile.baseline/1"
UNUSED_RULE = "text-suppression-unused"

# `<!-- reconcile: ignore date-order-mixed, date-ambiguous -->`; no rule means every rule.
_DIRECTIVE = re.compile(
    r"<!--[ \t]*reconcile:[ \t]*(?P<verb>ignore|disable|enable)\b(?P<rules>[^>]*?)[ \t]*-->",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Baseline:
    """Fingerprints of accepted findings, with how many times each was accepted."""

    counts: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Directive:
    """One inline directive and the lines (1-based, inclusive) of the file it covers."""

    verb: str
    rules: tuple[str, ...]  # empty: every rule
    first: int
    last: int
    location: Location

    def covers(self, finding: Finding) -> bool:
        family = finding.rule.split("-")[0]
        named = not self.rules or finding.rule in self.rules or family in self.rules
        return named and self.first <= finding.location.line <= self.last


@dataclass(frozen=True, slots=True)
class Outcome:
    findings: tuple[Finding, ...]  # kept, sorted
    suppressed: int
    baselined: tuple[str, ...] = ()  # the baseline entries that left a finding out, sorted


def apply(
    story: CheckedStory,
    findings: Sequence[Finding],
    config: Config,
    baseline: Baseline | None = None,
) -> Outcome:
    """Drop what the directives, the configuration and the baseline suppress.

    Directives that suppressed nothing become `text-suppression-unused` info findings.
    """
    directives = [d for version in story.versions for d in directives_in(version.document)]
    used: set[int] = set()
    kept: list[Finding] = []
    for finding in findings:
        hits = [
            i
            for i, d in enumerate(directives)
            if d.location.path == finding.location.path and d.covers(finding)
        ]
        if hits:
            used.update(hits)
        else:
            kept.append(finding)
    unused = [
        Finding(
            UNUSED_RULE,
            Severity.INFO,
            f"this `reconcile: {d.verb}` directive ({', '.join(d.rules) or 'every rule'}) "
            "suppresses no finding; remove it or name the rule it is for",
            d.location,
        )
        for i, d in enumerate(directives)
        if i not in used and d.verb != "enable"
    ]
    configured = [
        replace(f, severity=config.severity.get(f.rule, f.severity))
        for f in kept
        if config.enabled(f.rule)
    ]
    baselined: list[str] = []
    if baseline is not None and baseline.counts:
        configured = list(_outside(story, configured, baseline, baselined))
    suppressed = len(findings) - len(configured)
    configured += [f for f in unused if config.enabled(f.rule)]
    ordered = tuple(sorted(configured, key=lambda f: f.sort_key()))
    return Outcome(ordered, suppressed, tuple(sorted(baselined)))


def directives_in(document: Document) -> list[Directive]:
    """The document's inline directives, read from the original file (markup included)."""
    source = document.source
    original = source.original
    if "reconcile" not in original:
        return []
    last_line = len(source.line_starts)
    found: list[Directive] = []
    open_ranges: list[Directive] = []
    for match in _DIRECTIVE.finditer(original):
        verb = match.group("verb").lower()
        named = tuple(r for r in re.split(r"[\s,]+", match.group("rules").strip()) if r)
        location = _location(source, match.start(), match.end())
        if verb == "ignore":
            first, last = _next_paragraph(document, match.end())
            found.append(Directive(verb, named, first, last, location))
        elif verb == "disable":
            open_ranges.append(Directive(verb, named, location.line, last_line, location))
        else:
            # `enable` closes the ranges it names (all of them when it names none).
            still_open = []
            for directive in open_ranges:
                if not named or not directive.rules or set(directive.rules) & set(named):
                    found.append(replace(directive, last=location.line))
                else:
                    still_open.append(directive)
            open_ranges = still_open
    found.extend(open_ranges)
    return sorted(found, key=lambda d: (d.location.line, d.location.column))


def fingerprint(story: CheckedStory, finding: Finding) -> str:
    """A finding's identity that survives edits elsewhere in the file.

    Built from the rule, the version (its folder and file name), the excerpt and the sentence
    around it, whitespace and case normalised; never from line numbers.
    """
    location = finding.location
    document = next((v.document for v in story.versions if v.document.path == location.path), None)
    context = _context(document, location) if document else location.line_text
    version = "/".join(PurePath(location.path).parts[-2:])
    parts = (finding.rule, version, _normal(location.excerpt), _normal(context))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def baseline_text(fingerprints: Iterable[str]) -> str:
    counts = Counter(fingerprints)
    data = {"schema": BASELINE_SCHEMA, "fingerprints": dict(sorted(counts.items()))}
    return json.dumps(data, indent=2) + "\n"


def read_baseline(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise InputError(path, "baseline not found; make one with `reconcile baseline`") from None
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(path, f"not a reconcile baseline ({error})") from None
    if not isinstance(data, dict):
        raise InputError(path, f"not a reconcile baseline (expected schema {BASELINE_SCHEMA})")
    prints = data.get("fingerprints")
    if data.get("schema") != BASELINE_SCHEMA or not isinstance(prints, dict):
        raise InputError(path, f"not a reconcile baseline (expected schema {BASELINE_SCHEMA})")
    if not all(isinstance(k, str) and isinstance(v, int) for k, v in prints.items()):
        raise InputError(path, "not a reconcile baseline (fingerprints must map to counts)")
    return Baseline(tuple(sorted(prints.items())))


def _outside(
    story: CheckedStory, findings: Sequence[Finding], baseline: Baseline, used: list[str]
) -> Iterator[Finding]:
    """The findings the baseline does not hold; the entries it used are added to `used`."""
    remaining = Counter(dict(baseline.counts))
    for finding in findings:
        key = fingerprint(story, finding)
        if remaining[key] > 0:
            remaining[key] -= 1
            used.append(key)
        else:
            yield finding


def unused_entries(baseline: Baseline, used: Iterable[str]) -> int:
    """How many of the baseline's entries (counted with their repeats) left nothing out."""
    return sum((Counter(dict(baseline.counts)) - Counter(used)).values())


def _context(document: Document, location: Location) -> str:
    """The sentence the finding starts in, else its line."""
    source = document.source
    if location.line > len(source.line_starts):
        return location.line_text
    original = source.line_starts[location.line - 1] + location.column - 1
    offset = bisect_left(source.origin, original)
    for sentence in document.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.text
    return location.line_text


def _normal(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()


def _location(source: SourceText, start: int, end: int) -> Location:
    """A Location from offsets into the original file (directives are not in `text`)."""
    starts = source.line_starts

    def position(offset: int) -> tuple[int, int]:
        line = bisect_left(starts, offset + 1)
        return line, offset - starts[line - 1] + 1

    line, column = position(start)
    end_line, end_column = position(end)
    line_start = starts[line - 1]
    line_end = source.original.find("\n", line_start)
    text = source.original[line_start : line_end if line_end >= 0 else len(source.original)]
    excerpt = source.original[start:end]
    return Location(source.path, line, column, end_line, end_column, excerpt, text.rstrip("\r"))


def _next_paragraph(document: Document, after: int) -> tuple[int, int]:
    """The first and last line of the paragraph that follows offset `after` of the original.

    Paragraphs are the segmenter's, so wire copy written one paragraph per line works too.
    """
    source = document.source
    following = [s for s in document.sentences if source.origin[s.start] >= after]
    if not following:
        return 0, -1  # nothing follows: the directive covers no line
    paragraph = following[0].paragraph
    sentences = [s for s in following if s.paragraph == paragraph]
    first, _ = source.position(sentences[0].start)
    last, _ = source.position(max(sentences[-1].end - 1, sentences[-1].start))
    return first, last
