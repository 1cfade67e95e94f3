"""Every case in corpora/rules/*.yml, and the contract each registered rule must meet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from reconcile import api, rules

CASES_DIR = Path(__file__).parent.parent / "corpora" / "rules"


def load_cases() -> list[tuple[str, str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, case in data.items():
            if name != "rule":
                cases.append((data["rule"], name, case))
    return cases


CASES = load_cases()


@pytest.mark.parametrize(("rule_id", "name", "case"), CASES, ids=[f"{r}:{n}" for r, n, _ in CASES])
def test_rule_case(rule_id: str, name: str, case: dict[str, Any], tmp_path: Path) -> None:
    paths = []
    for locale, text in case["versions"].items():
        path = tmp_path / f"{locale}.txt"
        # `encodings` (locale -> codec) writes a version in a legacy encoding.
        path.write_text(text, encoding=case.get("encodings", {}).get(locale, "utf-8"))
        paths.append(str(path))
    reference = case.get("reference_date")
    options = api.Options(
        reference_date=dt.date.fromisoformat(str(reference)) if reference else None,
        today=dt.date(2026, 11, 25),
    )
    report = api.check(paths, options)
    found = sorted(
        (f.rule, Path(f.location.path).stem, f.location.line)
        for f in report.stories[0].findings
        if f.rule == rule_id
    )
    expected = sorted(
        (f["rule"], f["version"], f["line"])
        for f in case.get("findings", ())
        if f["rule"] == rule_id
    )
    assert name.startswith(("pass_", "fail_"))
    assert found == expected
    if name.startswith("fail_"):
        assert expected, f"{name} is a failing case with no finding of {rule_id}"


@pytest.mark.parametrize("rule", rules.RULES, ids=lambda r: r.id)
def test_rule_is_documented_and_has_cases(rule: rules.Rule) -> None:
    assert rule.summary().endswith(".")
    assert rule.section("Anti-pattern")
    assert rule.section("Best practice")
    names = [name for rule_id, name, _ in CASES if rule_id == rule.id]
    assert any(n.startswith("pass_") for n in names)
    assert any(n.startswith("fail_") for n in names)
    assert rule.id.split("-")[0] in {
        "date",
        "number",
        "name",
        "quote",
        "segment",
        "language",
        "link",
        "text",
    }


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    from reconcile.report.ruledocs import rules_markdown

    docs = Path(__file__).parent.parent / "docs" / "rules.md"
    assert docs.read_text(encoding="utf-8") == rules_markdown(rules.infos()), (
        "docs/rules.md is stale: run `reconcile rules --format markdown > docs/rules.md`"
    )
    for rule in rules.RULES:
        assert f"### {rule.id}\n" in docs.read_text(encoding="utf-8")
