"""Report formatters: one module per output format, looked up by name."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from reconcile.model import Report

from .json import JsonFormatter
from .text import TextFormatter


class Formatter(Protocol):
    """Turns a whole Report into the text of one output format; never prints or exits."""

    name: ClassVar[str]

    def render(self, report: Report) -> str: ...


# A factory per format rather than a class, so a format that has no use for colour
# does not have to accept the flag.
_FORMATTERS: dict[str, Callable[[bool], Formatter]] = {
    "text": lambda colour: TextFormatter(colour=colour),
    "json": lambda colour: JsonFormatter(),
}

FORMATS: tuple[str, ...] = tuple(_FORMATTERS)


def formatter(name: str, *, colour: bool = False) -> Formatter:
    """The formatter for `name`; `colour` asks for ANSI colour where the format has any."""
    try:
        make = _FORMATTERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}") from None
    return make(colour)


__all__ = ["FORMATS", "Formatter", "JsonFormatter", "TextFormatter", "formatter"]
