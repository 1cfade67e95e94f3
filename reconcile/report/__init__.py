"""Report formatters: one module per output format, looked up by name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from reconcile.model import Report, StoryReport

from .common import LEVELS, Totals
from .github import GithubFormatter
from .json import JsonFormatter
from .jsonl import JsonLinesFormatter
from .junit import JunitFormatter
from .sarif import SarifFormatter
from .text import TextFormatter


class Formatter(Protocol):
    """Turns a whole Report into the text of one output format; never prints or exits."""

    name: ClassVar[str]

    def render(self, report: Report) -> str: ...


@runtime_checkable
class StreamFormatter(Protocol):
    """A format that can be written one story at a time, so a batch holds no whole report."""

    def begin(self) -> str: ...

    def story(self, story: StoryReport) -> str: ...

    def end(self, totals: Totals) -> str: ...


@dataclass(frozen=True, slots=True)
class RenderOptions:
    colour: bool = False  # ANSI colour, where the format has any
    fail_on: str = "warning"  # what counts as a failure, where the format says (JUnit)


# A factory per format rather than a class, so a format that has no use for an option
# does not have to accept it.
_FORMATTERS: dict[str, Callable[[RenderOptions], Formatter]] = {
    "text": lambda o: TextFormatter(colour=o.colour),
    "json": lambda o: JsonFormatter(),
    "jsonl": lambda o: JsonLinesFormatter(),
    "sarif": lambda o: SarifFormatter(),
    "github": lambda o: GithubFormatter(),
    "junit": lambda o: JunitFormatter(fail_on=o.fail_on),
}

FORMATS: tuple[str, ...] = tuple(_FORMATTERS)


def formatter(name: str, *, colour: bool = False, fail_on: str = "warning") -> Formatter:
    """The formatter for `name`; `colour` asks for ANSI colour where the format has any."""
    try:
        make = _FORMATTERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}") from None
    return make(RenderOptions(colour=colour, fail_on=fail_on))


__all__ = [
    "FORMATS",
    "LEVELS",
    "Formatter",
    "GithubFormatter",
    "JsonFormatter",
    "JsonLinesFormatter",
    "JunitFormatter",
    "RenderOptions",
    "SarifFormatter",
    "StreamFormatter",
    "TextFormatter",
    "Totals",
    "formatter",
]
