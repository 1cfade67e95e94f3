"""The user's configuration: [tool.reconcile] in pyproject.toml or reconcile.toml, read once."""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from reconcile import rules
from reconcile.model import InputError, Severity

FILE_NAMES = ("reconcile.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
# Families of DESIGN.md section 4: a select or ignore entry may name one instead of a rule.
FAMILIES = ("date", "number", "name", "quote", "segment", "language", "link", "text")


@dataclass(frozen=True, slots=True)
class Config:
    """Settings from a configuration file; every field has the value of "no configuration"."""

    path: str | None = None  # the file it came from
    select: tuple[str, ...] = ()  # rule ids or families; empty: every rule
    ignore: tuple[str, ...] = ()
    # Plain dicts, not read-only proxies: a Config travels to worker processes by pickle.
    severity: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    lang: tuple[tuple[str, str], ...] = ()  # (glob on the file name or path, locale tag)
    baseline: str | None = None  # resolved against the configuration file's folder
    fail_on: str | None = None
    source_locale: str | None = None
    max_file_size: float | None = None  # MB, as --max-file-size

    def enabled(self, rule_id: str) -> bool:
        if self.select and not _matches(rule_id, self.select):
            return False
        return not _matches(rule_id, self.ignore)

    def locale_for(self, path: str) -> str | None:
        """The locale a `lang` pattern gives this file, the first pattern that matches."""
        name = os.path.basename(path)
        posix = Path(path).as_posix()
        for pattern, tag in self.lang:
            if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(posix, pattern):
                return tag
        return None


def load(explicit: str | None = None, start: str | None = None) -> Config:
    """The configuration of `--config PATH`, else the nearest one above `start` (the cwd).

    Raises InputError naming the file and the key when a key is unknown or a value is bad.
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise InputError(explicit, "configuration file not found")
        table = _read(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("reconcile", {})
        elif "tool" in table and set(table) == {"tool"}:
            table = table["tool"].get("reconcile", {})
        return parse(table, str(path))
    found = find(Path(start or os.getcwd()))
    if found is None:
        return Config()
    path, table = found
    return parse(table, str(path))


def find(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest reconcile.toml, or pyproject.toml with [tool.reconcile], from `start` up."""
    for folder in (start.resolve(), *start.resolve().parents):
        own = folder / "reconcile.toml"
        if own.is_file():
            table = _read(own)
            if "tool" in table and set(table) == {"tool"}:
                table = table["tool"].get("reconcile", {})
            return own, table
        project = folder / "pyproject.toml"
        if project.is_file():
            tool = _read(project).get("tool", {})
            if isinstance(tool, dict) and "reconcile" in tool:
                return project, tool["reconcile"]
    return None


def parse(table: Mapping[str, Any], where: str) -> Config:
    """A Config from the parsed [tool.reconcile] table of the file `where`."""
    if not isinstance(table, Mapping):
        raise InputError(where, "[tool.reconcile] must be a table")
    known = {
        "select": _rule_list,
        "ignore": _rule_list,
        "severity": _severities,
        "options": _options,
        "lang": _langs,
        "baseline": _string,
        "fail_on": _fail_on,
        "source_locale": _locale,
        "max_file_size": _megabytes,
    }
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        check = known.get(name)
        if check is None:
            raise InputError(where, f"unknown key {key!r}; known keys: {', '.join(sorted(known))}")
        values[name] = check(where, key, value)
    baseline = values.get("baseline")
    if baseline is not None:
        values["baseline"] = str(Path(where).parent / baseline)
    return Config(path=where, **values)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), f"not valid TOML ({error})") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror})") from None


def _bad(where: str, key: str, cause: str) -> InputError:
    return InputError(where, f"{key}: {cause}")


def _string(where: str, key: str, value: object) -> str:
    if not isinstance(value, str) or not value:
        raise _bad(where, key, "expected a non-empty string")
    return value


def _rule_list(where: str, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(where, key, "expected a list of rule ids or families")
    for item in value:
        if item not in FAMILIES and rules.rule(item) is None:
            raise _bad(where, key, f"unknown rule or family {item!r}")
    return tuple(value)


def _severities(where: str, key: str, value: object) -> Mapping[str, Severity]:
    if not isinstance(value, dict):
        raise _bad(where, key, "expected a table of rule id = severity")
    result = {}
    for rule_id, severity in value.items():
        if rules.rule(rule_id) is None:
            raise _bad(where, f"{key}.{rule_id}", "unknown rule")
        if severity not in ("error", "warning", "info"):
            raise _bad(where, f"{key}.{rule_id}", f"{severity!r}: choose error, warning or info")
        result[rule_id] = Severity(severity)
    return result


def _options(where: str, key: str, value: object) -> Mapping[str, Mapping[str, object]]:
    if not isinstance(value, dict):
        raise _bad(where, key, "expected a table per rule: [tool.reconcile.options.RULE]")
    result: dict[str, Mapping[str, object]] = {}
    for rule_id, settings in value.items():
        rule = rules.rule(rule_id)
        if rule is None:
            raise _bad(where, f"{key}.{rule_id}", "unknown rule")
        if not isinstance(settings, dict):
            raise _bad(where, f"{key}.{rule_id}", "expected a table of options")
        for name, setting in settings.items():
            if name not in rule.options:
                offered = ", ".join(sorted(rule.options)) or "none"
                raise _bad(where, f"{key}.{rule_id}.{name}", f"unknown option (options: {offered})")
            default = rule.options[name]
            # bool is an int in Python; an option is one or the other, never both.
            if type(setting) is not type(default):
                raise _bad(
                    where,
                    f"{key}.{rule_id}.{name}",
                    f"expected {type(default).__name__}, got {setting!r}",
                )
        result[rule_id] = dict(settings)
    return result


def _langs(where: str, key: str, value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise _bad(where, key, 'expected a table of file pattern = locale ("*.en.txt" = "en-US")')
    return tuple(
        (pattern, _locale(where, f"{key}.{pattern!r}", tag)) for pattern, tag in value.items()
    )


def _locale(where: str, key: str, value: object) -> str:
    text = _string(where, key, value)
    try:
        Locale.parse(text.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise _bad(where, key, f"unknown locale {text!r}") from None
    return text


def _megabytes(where: str, key: str, value: object) -> float:
    # bool is an int to Python, and `max_file_size = true` is a mistake.
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise _bad(where, key, f"{value!r}: expected a positive number of megabytes")
    return float(value)


def _fail_on(where: str, key: str, value: object) -> str:
    if value not in FAIL_ON:
        raise _bad(where, key, f"{value!r}: choose from {', '.join(FAIL_ON)}")
    return str(value)


def _matches(rule_id: str, patterns: tuple[str, ...]) -> bool:
    family = rule_id.split("-")[0]
    return any(p in (rule_id, family) for p in patterns)
