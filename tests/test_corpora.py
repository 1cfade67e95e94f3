"""Whole-story tests: every bundle in corpora/stories produces exactly its expected findings."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from schema_check import assert_valid_report

from reconcile import api
from reconcile.model import Severity
from reconcile.report import formatter

STORIES = Path(__file__).parent.parent / "corpora" / "stories"
BUNDLES = sorted(p for p in STORIES.iterdir() if (p / "expected.json").exists())
# Inference falls back to today only for stories with no dated evidence; fix it for them.
TODAY = dt.date(2026, 11, 25)


def story_paths(bundle: Path) -> tuple[list[str], api.Options]:
    config = tomllib.loads((bundle / "story.toml").read_text(encoding="utf-8"))
    names = config.get("versions") or [
        config["source"],
        *sorted(
            p.name
            for p in bundle.iterdir()
            if p.suffix in (".txt", ".md") and p.name != config["source"]
        ),
    ]
    reference = config.get("reference_date")
    options = api.Options(
        reference_date=dt.date.fromisoformat(reference) if reference else None, today=TODAY
    )
    return [str(bundle / name) for name in names], options


def test_corpus_is_big_enough() -> None:
    assert len(BUNDLES) >= 8
    locales = {
        p.stem for bundle in BUNDLES for p in bundle.iterdir() if p.suffix in (".txt", ".md")
    }
    assert {"pt-BR", "en-US", "en-GB", "es", "fr", "de"} <= locales


@pytest.mark.parametrize("bundle", BUNDLES, ids=lambda p: p.name)
def test_story_gives_expected_findings(bundle: Path) -> None:
    paths, options = story_paths(bundle)
    report = api.check(paths, options)
    found = sorted(
        (f.rule, Path(f.location.path).name, f.location.line, f.location.excerpt)
        for story in report.stories
        for f in story.findings
        if f.severity is not Severity.INFO
    )
    expected = sorted(
        (f["rule"], f["path"], f["line"], f["excerpt"])
        for f in json.loads((bundle / "expected.json").read_text(encoding="utf-8"))["findings"]
    )
    assert found == expected
    assert_valid_report(formatter("json").render(report))


@pytest.mark.parametrize("bundle", BUNDLES, ids=lambda p: p.name)
def test_story_reference_date_is_explained(bundle: Path) -> None:
    paths, options = story_paths(bundle)
    report = api.check(paths, options)
    for document in report.stories[0].documents:
        assert document.reference_date_from in ("option", "metadata", "inferred")
        assert document.reference_date_note
