"""Configuration from pyproject.toml or reconcile.toml, through the CLI: found, applied, checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import run

DATA = Path(__file__).parent / "data"
AMBIGUOUS = "The hearing is set for 4/5/2026.\n"


def seed(tmp_path: Path) -> tuple[str, str]:
    shutil.copy(DATA / "seed.pt-BR.txt", tmp_path / "seed.pt-BR.txt")
    shutil.copy(DATA / "seed.en.txt", tmp_path / "seed.en.txt")
    return "seed.pt-BR.txt", "seed.en.txt"


def rules_found(result_stdout: str) -> list[tuple[str, str]]:
    story = json.loads(result_stdout)["stories"][0]
    return sorted((f["rule"], f["severity"]) for f in story["findings"])


def test_pyproject_tool_table_ignores_a_family(tmp_path: Path) -> None:
    pt, en = seed(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.reconcile]\nignore = ["date"]\n', encoding="utf-8"
    )
    result = run("check", pt, en, "--format", "json", cwd=tmp_path)
    assert result.returncode == 0
    assert rules_found(result.stdout) == []
    assert run("check", pt, en, "--format", "json").returncode == 2  # not found from elsewhere


def test_reconcile_toml_is_found_upward_and_select_keeps_one_rule(tmp_path: Path) -> None:
    pt, en = seed(tmp_path)
    (tmp_path / "reconcile.toml").write_text('select = ["date-mismatch"]\n', encoding="utf-8")
    below = tmp_path / "a" / "b"
    below.mkdir(parents=True)
    result = run("check", f"../../{pt}", f"../../{en}", "--format", "json", cwd=below)
    assert rules_found(result.stdout) == [("date-mismatch", "error")]


def test_severity_override_changes_the_exit_code(tmp_path: Path) -> None:
    pt, en = seed(tmp_path)
    (tmp_path / "reconcile.toml").write_text(
        '[severity]\ndate-mismatch = "info"\ndate-order-mixed = "info"\n', encoding="utf-8"
    )
    result = run("check", pt, en, "--format", "json", cwd=tmp_path)
    assert rules_found(result.stdout) == [("date-mismatch", "info"), ("date-order-mixed", "info")]
    assert result.returncode == 0
    assert run("check", pt, en, "--fail-on", "info", cwd=tmp_path).returncode == 1


def test_command_line_flags_win(tmp_path: Path) -> None:
    pt, en = seed(tmp_path)
    (tmp_path / "reconcile.toml").write_text(
        'fail_on = "never"\nignore = ["date-mismatch"]\n', encoding="utf-8"
    )
    assert run("check", pt, en, cwd=tmp_path).returncode == 0
    assert run("check", pt, en, "--fail-on", "error", cwd=tmp_path).returncode == 1
    flagged = run("check", pt, en, "-f", "json", "--ignore", "date-order-mixed", cwd=tmp_path)
    assert rules_found(flagged.stdout) == [("date-mismatch", "error")]


def test_max_file_size_from_the_configuration_and_the_flag_wins(tmp_path: Path) -> None:
    pt, en = seed(tmp_path)
    (tmp_path / "reconcile.toml").write_text("max_file_size = 0.0005\n", encoding="utf-8")
    refused = run("check", pt, en, cwd=tmp_path)  # each seed file is over 500 bytes
    assert refused.returncode == 2
    assert "limit" in refused.stderr and pt in refused.stderr
    assert len(refused.stderr.splitlines()) == 1
    in_batch = run("batch", ".", "--source-locale", "pt-BR", cwd=tmp_path)
    assert in_batch.returncode == 2 and "limit" in in_batch.stdout + in_batch.stderr
    allowed = run("batch", ".", "--source-locale", "pt-BR", "--max-file-size", "5", cwd=tmp_path)
    assert allowed.returncode == 1
    assert run("check", pt, en, "--max-file-size", "5", cwd=tmp_path).returncode == 1


def test_explicit_config_path(tmp_path: Path) -> None:
    pt, en = seed(tmp_path)
    config = tmp_path / "elsewhere.toml"
    config.write_text('[tool.reconcile]\nselect = ["date-order-mixed"]\n', encoding="utf-8")
    result = run("check", pt, en, "-f", "json", "--config", str(config), cwd=tmp_path)
    assert rules_found(result.stdout) == [("date-order-mixed", "error")]


def test_rule_option_reaches_the_rule(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(AMBIGUOUS, encoding="utf-8")
    plain = run("check", "en.txt", "-f", "json", cwd=tmp_path)
    assert rules_found(plain.stdout) == [("date-ambiguous", "info")]
    (tmp_path / "reconcile.toml").write_text(
        "[options.date-ambiguous]\nwith_year = false\n", encoding="utf-8"
    )
    configured = run("check", "en.txt", "-f", "json", cwd=tmp_path)
    assert rules_found(configured.stdout) == []


def test_lang_patterns_set_locales(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(AMBIGUOUS, encoding="utf-8")
    (tmp_path / "reconcile.toml").write_text('[lang]\n"story*.txt" = "en-GB"\n', encoding="utf-8")
    result = run("check", "story.txt", "-f", "json", cwd=tmp_path)
    document = json.loads(result.stdout)["stories"][0]["documents"][0]
    assert (document["locale"], document["date_order"]) == ("en-GB", "DMY")


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ('colour = "red"\n', "unknown key 'colour'"),
        ('fail_on = "sometimes"\n', "fail_on: 'sometimes'"),
        ('ignore = ["date-typo"]\n', "ignore: unknown rule or family 'date-typo'"),
        ('[severity]\ndate-mismatch = "fatal"\n', "severity.date-mismatch"),
        ("[options.date-ambiguous]\nwith_year = 1\n", "options.date-ambiguous.with_year"),
        ("[options.date-ambiguous]\nstrict = true\n", "options.date-ambiguous.strict"),
        ('[lang]\n"*.txt" = "xx-Nowhere"\n', "lang."),
        ("select = [\n", "not valid TOML"),
        ("max_file_size = 0\n", "max_file_size: 0: expected a positive number"),
        ('max_file_size = "20"\n', "max_file_size: '20'"),
        ("max_file_size = true\n", "max_file_size: True"),
    ],
)
def test_bad_configuration_exits_2_naming_file_and_key(
    tmp_path: Path, content: str, named: str
) -> None:
    (tmp_path / "en.txt").write_text(AMBIGUOUS, encoding="utf-8")
    config = tmp_path / "reconcile.toml"
    config.write_text(content, encoding="utf-8")
    result = run("check", "en.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert str(config) in lines[0] and named in lines[0]
