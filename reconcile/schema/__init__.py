"""The JSON Schema of the report, shipped as package data so users and tests validate alike."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def _report_schema_text() -> str:
    return files(__name__).joinpath("report.schema.json").read_text(encoding="utf-8")


def report_schema() -> dict[str, Any]:
    """The report schema (draft 2020-12); a fresh dict each call, so callers may change it."""
    schema: dict[str, Any] = json.loads(_report_schema_text())
    return schema
