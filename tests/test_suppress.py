"""Inline directives and the baseline, through the CLI as a desk would use them."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run

FAULTY = (
    "The talks opened on Saturday (11/29) and resumed on Sunday (11/30).\n\n"
    "The airlines meet on Tuesday (2/12) in Caracas.\n"
)


def findings(stdout: str) -> list[tuple[str, int, str]]:
    return [
        (f["rule"], f["line"], f["excerpt"])
        for story in json.loads(stdout)["stories"]
        for f in story["findings"]
    ]


def test_markdown_ignore_directive_covers_the_next_paragraph(tmp_path: Path) -> None:
    text = (
        "# Talks\n\n"
        "The talks opened on Saturday (11/29) and resumed on Sunday (11/30).\n\n"
        "<!-- reconcile: ignore date-order-mixed -->\n"
        "The airlines meet on Tuesday (2/12) in Caracas.\n\n"
        "The union meets on Wednesday (3/12).\n"
    )
    (tmp_path / "story.en.md").write_text(text, encoding="utf-8")
    result = run("check", "story.en.md", "-f", "json", cwd=tmp_path)
    # the directive's paragraph is quiet; the same fault in the next paragraph is not
    assert findings(result.stdout) == [("date-order-mixed", 8, "3/12")]
    assert result.returncode == 1


def test_html_disable_enable_range_and_unused_directive(tmp_path: Path) -> None:
    text = (
        "<html><body>\n"
        "<p>The talks opened on Saturday (11/29) and resumed on Sunday (11/30).</p>\n"
        "<!-- reconcile: disable date -->\n"
        "<p>The airlines meet on Tuesday (2/12) in Caracas.</p>\n"
        "<!-- reconcile: enable date -->\n"
        "<!-- reconcile: ignore number-mismatch -->\n"
        "<p>The union meets on Wednesday (3/12).</p>\n"
        "</body></html>\n"
    )
    (tmp_path / "story.en.html").write_text(text, encoding="utf-8")
    result = run("check", "story.en.html", "-f", "json", cwd=tmp_path)
    assert findings(result.stdout) == [
        ("text-suppression-unused", 6, "<!-- reconcile: ignore number-mismatch -->"),
        ("date-order-mixed", 7, "3/12"),
    ]
    unused = json.loads(result.stdout)["stories"][0]["findings"][0]
    assert unused["severity"] == "info"


def test_unused_directive_in_markdown_is_info_and_does_not_fail(tmp_path: Path) -> None:
    text = "<!-- reconcile: ignore date-order-mixed -->\nThe vote was held on 11/29/2025.\n"
    (tmp_path / "story.en.md").write_text(text, encoding="utf-8")
    result = run("check", "story.en.md", cwd=tmp_path)
    assert result.returncode == 0
    assert "story.en.md:1:1: info [text-suppression-unused]" in result.stdout


def test_baseline_survives_unrelated_edits_and_lets_new_faults_through(tmp_path: Path) -> None:
    story = tmp_path / "desk" / "caracas"
    story.mkdir(parents=True)
    (story / "en.txt").write_text(FAULTY, encoding="utf-8")
    desk = str(tmp_path / "desk")
    before = run("batch", desk, "-f", "json")
    assert before.returncode == 1
    assert findings(before.stdout) == [("date-order-mixed", 3, "2/12")]

    made = run("baseline", desk, "--output", str(tmp_path / "baseline.json"))
    assert made.returncode == 0, made.stderr
    assert "1 findings of 1 stories" in made.stderr
    baseline = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert baseline["schema"] == "reconcile.baseline/1"
    assert list(baseline["fingerprints"].values()) == [1]  # no line numbers, only counts

    after = run("batch", desk, "-f", "json", "--baseline", str(tmp_path / "baseline.json"))
    assert after.returncode == 0
    assert findings(after.stdout) == []
    assert "1 suppressed" in after.stderr
    assert "no finding" not in after.stderr  # the baseline's one entry was used

    # An editor adds a paragraph above and rewords another: lines move, the fault stays put.
    edited = (
        "CARACAS (Wire) - Editor's note: updated with the airlines' statement.\n\n"
        + FAULTY.replace("The talks opened", "Talks began")
        + "\nThe union meets on Wednesday (3/12).\n"
    )
    (story / "en.txt").write_text(edited, encoding="utf-8")
    later = run("batch", desk, "-f", "json", "--baseline", str(tmp_path / "baseline.json"))
    assert findings(later.stdout) == [("date-order-mixed", 7, "3/12")]
    assert later.returncode == 1


def test_baseline_from_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "reconcile.toml").write_text('baseline = "accepted.json"\n', encoding="utf-8")
    missing = run("check", "en.txt", cwd=tmp_path)
    assert missing.returncode == 2
    assert "accepted.json: baseline not found" in missing.stderr
    assert run("baseline", "en.txt", cwd=tmp_path).returncode == 0
    assert (tmp_path / "accepted.json").exists()
    assert run("check", "en.txt", cwd=tmp_path).returncode == 0


def test_bad_baseline_exits_2(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(FAULTY, encoding="utf-8")
    (tmp_path / "b.json").write_text("[1, 2]", encoding="utf-8")
    result = run("check", "en.txt", "--baseline", "b.json", cwd=tmp_path)
    assert result.returncode == 2
    assert "b.json: not a reconcile baseline" in result.stderr


def test_baseline_entries_that_match_nothing_any_more_are_noted(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text(FAULTY, encoding="utf-8")
    assert run("baseline", "en.txt", "--output", "b.json", cwd=tmp_path).returncode == 0
    # The desk fixes the date: the baseline's entry now leaves nothing out.
    fixed = FAULTY.replace("(2/12)", "(12/2)")
    (tmp_path / "en.txt").write_text(fixed, encoding="utf-8")
    for command in ("check", "batch"):
        result = run(command, "en.txt", "--baseline", "b.json", cwd=tmp_path)
        assert result.returncode == 0, result.stderr  # a note, not a failure
        assert "reconcile: b.json: 1 entry matches no finding in this run" in result.stderr
        assert "`reconcile baseline` rewrites it" in result.stderr
