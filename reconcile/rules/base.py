"""What every rule is: an id, a default severity, a docstring, and findings from a story."""

from __future__ import annotations

import copy
import inspect
import re
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import ClassVar, TypeVar

from reconcile.model import CheckedStory, Document, Finding, Location, Severity

_SECTION = re.compile(r"^(Anti-pattern|Best practice):\s*", re.MULTILINE)

_T = TypeVar("_T")


def per_story(compute: Callable[[CheckedStory], _T]) -> Callable[[CheckedStory], _T]:
    """`compute` once per story, for work several rules share: they ask in turn, so the last
    story's result is kept. It is held with the story itself, so that the identity test
    cannot match a new story at a reused address; one assignment replaces the pair, and one
    read takes it, so a thread sees either the old pair or the new one, never a mix."""
    last: tuple[CheckedStory, _T] | None = None

    def cached(story: CheckedStory) -> _T:
        nonlocal last
        kept = last
        if kept is not None and kept[0] is story:
            return kept[1]
        result = compute(story)
        last = (story, result)
        return result

    return cached


class Rule:
    """Base of all rules; a rule's docstring is its documentation everywhere."""

    id: ClassVar[str]
    severity: ClassVar[Severity]
    # Options a user may set in [tool.reconcile.options.<id>]: name -> default; the default's
    # type is the type the configuration must give.
    options: ClassVar[Mapping[str, bool | int | float | str]] = MappingProxyType({})
    _settings: Mapping[str, object] = MappingProxyType({})

    def configured(self, settings: Mapping[str, object]) -> Rule:
        """This rule with its options set; the registry's instance is left as it was."""
        clone = copy.copy(self)
        clone._settings = MappingProxyType(dict(settings))
        return clone

    def option(self, name: str) -> object:
        return self._settings.get(name, type(self).options[name])

    def check(self, story: CheckedStory) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        return cls.doc().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def section(cls, name: str) -> str:
        """The text of a docstring section such as "Anti-pattern" or "Best practice"."""
        parts = _SECTION.split(cls.doc())
        for title, body in zip(parts[1::2], parts[2::2], strict=True):
            if title == name:
                return " ".join(body.split())
        return ""

    def finding(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        *,
        severity: Severity | None = None,
        related: tuple[Location, ...] = (),
        suggestion: str | None = None,
    ) -> Finding:
        return Finding(
            self.id,
            severity or self.severity,
            message,
            document.source.locate(start, end),
            related,
            suggestion,
        )
