"""The command line as a user runs it: exit codes, errors, formats, determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from schema_check import assert_valid_report

DATA = Path(__file__).parent / "data"
SEED_EN = str(DATA / "seed.en.txt")
SEED_PT = str(DATA / "seed.pt-BR.txt")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reconcile", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_seed_english_alone_flags_day_month_date_with_evidence() -> None:
    result = run("check", SEED_EN, "--lang", f"{SEED_EN}=en", "--format", "json")
    assert result.returncode == 1
    assert_valid_report(result.stdout)
    findings = json.loads(result.stdout)["stories"][0]["findings"]
    assert [(f["rule"], f["line"], f["column"], f["excerpt"]) for f in findings] == [
        ("date-order-mixed", 9, 151, "2/12")
    ]
    message = findings[0]["message"]
    assert "2 December 2025" in message
    assert "Tuesday fits only 2 December 2025" in message
    assert "month/day (11/29, 11/30, 11/27)" in message
    assert "12 February 2026 is a Thursday" in message
    assert findings[0]["suggestion"] == "12/2"
    document = json.loads(result.stdout)["stories"][0]["documents"][0]
    assert document["reference_date_from"] == "inferred"
    assert document["reference_date"] == "2025-12-01"  # the dateline: "BRASÍLIA, Dec 1"


def test_seed_with_portuguese_source_adds_date_mismatch_with_related() -> None:
    result = run("check", SEED_PT, SEED_EN, "--lang", f"{SEED_EN}=en", "--format", "json")
    assert_valid_report(result.stdout)
    findings = json.loads(result.stdout)["stories"][0]["findings"]
    by_rule = {f["rule"]: f for f in findings}
    assert set(by_rule) == {"date-mismatch", "date-order-mixed"}
    mismatch = by_rule["date-mismatch"]
    assert (mismatch["path"], mismatch["line"], mismatch["column"]) == (SEED_EN, 9, 151)
    assert mismatch["related"] == [
        {
            "path": SEED_PT,
            "line": 9,
            "column": 142,
            "end_line": 9,
            "end_column": 146,
            "excerpt": "2/12",
        }
    ]
    assert "Portuguese version (" in by_rule["date-order-mixed"]["message"]


def test_text_output_names_place_rule_and_suggestion() -> None:
    result = run("check", SEED_EN, "--lang", f"{SEED_EN}=en")
    assert result.returncode == 1
    assert f"{SEED_EN}:9:151: error [date-order-mixed]" in result.stdout
    assert "suggestion: 12/2" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour in a pipe


def test_output_is_byte_identical_across_runs() -> None:
    first = run("check", SEED_PT, SEED_EN, "--format", "json")
    second = run("check", SEED_PT, SEED_EN, "--format", "json")
    assert first.stdout == second.stdout
    assert first.stdout


def test_findings_at_one_place_keep_one_order_whatever_the_hash_seed(tmp_path: Path) -> None:
    # Four figures missing from one sentence: four findings with one place and one message,
    # told apart only by the source figure each points to. Findings are gathered in a set,
    # whose order changes with the hash seed; the report must not.
    source = write(
        tmp_path / "pt-BR.txt",
        "Foram 1 morto em Lisboa, 1 no Porto, 1 em Braga e 1 em Faro, disse a polícia.\n".encode(),
    )
    target = write(tmp_path / "en-US.txt", b"Deaths were reported in several cities.\n")
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        result = subprocess.run(
            [sys.executable, "-m", "reconcile", "check", source, target, "--format", "json"],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        findings = json.loads(result.stdout)["stories"][0]["findings"]
        assert [f["rule"] for f in findings].count("number-missing") == 4
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_fail_on_sets_exit_code() -> None:
    assert run("check", SEED_EN, "--fail-on", "never").returncode == 0
    assert run("check", SEED_EN, "--fail-on", "error").returncode == 1
    assert run("check", SEED_PT, "--fail-on", "info").returncode == 0


def test_reference_date_option_is_reported() -> None:
    result = run("check", SEED_EN, "--reference-date", "2025-12-01", "--format", "json")
    document = json.loads(result.stdout)["stories"][0]["documents"][0]
    assert (document["reference_date"], document["reference_date_from"]) == ("2025-12-01", "option")


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    ("make", "cause"),
    [
        (lambda d: str(d / "missing.en.txt"), "no such file"),
        (lambda d: str(d), "is a directory"),
        (lambda d: write(d / "bin.en.txt", b"abc\x00def"), "binary"),
        (lambda d: write(d / "empty.en.txt", b"  \n"), "empty"),
        (lambda d: write(d / "bad.en.txt", b"\x01\x02\x03\x04 caf\xe9"), "not valid UTF-8"),
    ],
    ids=["missing", "directory", "binary", "empty", "undecodable"],
)
def test_bad_input_is_one_line_exit_2(make, cause: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = make(tmp_path)
    result = run("check", path, SEED_EN)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert path in lines[0] and cause in lines[0]
    assert "Traceback" not in result.stderr


def test_unknown_locale_and_duplicate_file_exit_2() -> None:
    result = run("check", SEED_EN, "--lang", f"{SEED_EN}=xx-QQ")
    assert result.returncode == 2
    assert "unknown locale" in result.stderr and SEED_EN in result.stderr
    twice = run("check", SEED_EN, SEED_EN)
    assert twice.returncode == 2
    assert "given twice" in twice.stderr
    assert len(twice.stderr.strip().splitlines()) == 1


def test_input_files_are_not_modified(tmp_path: Path) -> None:
    path = tmp_path / "story.en.txt"
    data = "\ufeffOn Tuesday (2/12) and Saturday (11/29).\r\n".encode()
    path.write_bytes(data)
    run("check", str(path))
    assert path.read_bytes() == data


def test_rules_and_explain() -> None:
    listing = run("rules").stdout
    for rule in ("date-weekday-mismatch", "date-order-mixed", "date-locale-convention",
                 "date-mismatch", "date-ambiguous"):  # fmt: skip
        assert rule in listing
    explained = run("explain", "date-order-mixed")
    assert "Anti-pattern" in explained.stdout and "Best practice" in explained.stdout
    unknown = run("explain", "no-such-rule")
    assert unknown.returncode == 2 and "unknown rule" in unknown.stderr


def test_facts_shows_every_reading_with_evidence() -> None:
    result = run("facts", SEED_EN, "--format", "json")
    data = json.loads(result.stdout)
    two_twelve = next(d for d in data["dates"] if d["text"] == "2/12")
    assert [r["value"] for r in two_twelve["readings"]] == ["2026-02-12", "2025-12-02"]
    assert two_twelve["value"] == "2025-12-02"
    kinds = {e["kind"] for r in two_twelve["readings"] for e in r["evidence"]}
    assert {"weekday", "document", "reference"} <= kinds
    text = run("facts", SEED_EN).stdout
    assert "'2/12' numeric beside 'Tuesday'" in text


def test_align_shows_beads() -> None:
    result = run("align", SEED_PT, SEED_EN, "--format", "json")
    beads = json.loads(result.stdout)["beads"]
    assert all(len(b["source"]) == 1 and len(b["target"]) == 1 for b in beads)
    assert len(beads) == 6


def test_source_option_puts_the_original_first() -> None:
    result = run("check", SEED_EN, SEED_PT, "--source", SEED_PT, "--format", "json")
    documents = json.loads(result.stdout)["stories"][0]["documents"]
    assert [(d["path"], d["role"]) for d in documents] == [(SEED_PT, "source"), (SEED_EN, "target")]
    rules = {f["rule"] for f in json.loads(result.stdout)["stories"][0]["findings"]}
    assert "date-mismatch" in rules
    assert run("check", SEED_EN, "--source", SEED_PT).returncode == 2


def test_weekday_mismatch_suggests_the_fitting_weekday(tmp_path: Path) -> None:
    path = tmp_path / "pt-BR.txt"
    path.write_text("A reunião foi na segunda-feira, 27 de novembro de 2025.\n", encoding="utf-8")
    result = run("check", str(path), "--format", "json")
    finding = json.loads(result.stdout)["stories"][0]["findings"][0]
    assert finding["rule"] == "date-weekday-mismatch"
    assert finding["excerpt"] == "segunda-feira, 27 de novembro de 2025"
    assert finding["suggestion"] == "quinta-feira, 27 de novembro de 2025"
    assert "27 November 2025 is a Thursday" in finding["message"]


def test_readme_shows_what_its_first_command_prints() -> None:
    # The README opens with a command and the output it prints: keep the two in step.
    root = Path(__file__).parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    command = readme.split("```sh\n", 1)[1].split("\n", 1)[0]
    arguments = command.split(".venv/bin/reconcile ", 1)[1].split()
    shown = readme.split("```text\n", 1)[1].split("```", 1)[0]
    result = run(*arguments, cwd=root)
    assert result.returncode == 1, result.stderr
    assert result.stdout == shown


def test_weekday_mismatch_suggestion_closes_the_bracket(tmp_path: Path) -> None:
    path = tmp_path / "en-US.txt"
    path.write_text("The vote was on Saturday (11/30/2025) in Brasília.\n", encoding="utf-8")
    result = run("check", str(path), "--format", "json")
    finding = json.loads(result.stdout)["stories"][0]["findings"][0]
    assert finding["rule"] == "date-weekday-mismatch"
    assert (finding["excerpt"], finding["suggestion"]) == (
        "Saturday (11/30/2025)",
        "Sunday (11/30/2025)",
    )
