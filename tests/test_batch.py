"""`reconcile batch` as a user runs it: discovery, order, failures, formats, progress, exits."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from schema_check import assert_valid_report
from test_cli import run
from test_report_formats import sarif_errors

ROOT = Path(__file__).parent.parent
STORIES = ROOT / "corpora" / "stories"
DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of some of corpora/stories: a fixed set, and quick enough to run several times."""
    copy = tmp_path_factory.mktemp("corpus") / "stories"
    names = sorted(p.name for p in STORIES.iterdir() if (p / "story.toml").exists())
    for name in {*names[:6], "venezuela-airspace", "venice-acqua-alta"}:
        shutil.copytree(STORIES / name, copy / name)
    return copy


def bundles(corpus: Path) -> list[str]:
    return sorted(p.name for p in corpus.iterdir() if (p / "story.toml").exists())


def two_stories(tmp_path: Path) -> Path:
    """A folder with the seed story twice, grouped by stem."""
    folder = tmp_path / "desk"
    folder.mkdir()
    for stem in ("1234", "5678"):
        shutil.copy(DATA / "seed.pt-BR.txt", folder / f"{stem}.pt-BR.txt")
        shutil.copy(DATA / "seed.en.txt", folder / f"{stem}.en.txt")
    return folder


def test_corpora_batch_exits_1_with_summary_and_no_progress_in_a_pipe(corpus: Path) -> None:
    result = run("batch", str(corpus), "--jobs", "2")
    assert result.returncode == 1  # the corpora plant faults
    assert "venezuela-airspace/en.txt:13:128: error [date-order-mixed]" in result.stdout
    assert f"{len(bundles(corpus))} stories" in result.stdout.splitlines()[-1]
    assert f"reconcile: {len(bundles(corpus))} stories" in result.stderr
    assert "by rule:" in result.stderr and "slowest:" in result.stderr
    assert "checking" not in result.stderr  # no progress bar in a pipe
    assert "\x1b[" not in result.stdout + result.stderr


def test_progress_bar_only_on_a_terminal(corpus: Path) -> None:
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "reconcile", "batch", str(corpus), "--jobs", "1", "-f", "json"],
        # Not a pipe: the report outgrows a pipe's buffer (64 KiB) while only stderr is read.
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    process.communicate()
    os.close(leader)
    assert process.returncode == 1
    text = seen.decode("utf-8", "replace")
    assert "checking" in text and "stories" in text  # the bar
    assert f"reconcile: {len(bundles(corpus))} stories" in text  # and the summary after it


def test_order_is_stable_whatever_the_jobs(corpus: Path) -> None:
    one = run("batch", str(corpus), "--jobs", "1", "--format", "jsonl")
    two = run("batch", str(corpus), "--jobs", "2", "--format", "jsonl")
    assert one.stdout == two.stdout
    ids = [json.loads(line)["id"] for line in one.stdout.splitlines()]
    assert ids == bundles(corpus)


def test_story_toml_source_versions_and_reference_date_are_honoured() -> None:
    result = run("batch", str(STORIES / "venice-acqua-alta"), "--format", "json")
    story = json.loads(result.stdout)["stories"][0]
    assert [Path(d["path"]).name for d in story["documents"]] == ["it.txt", "en-GB.txt"]
    assert story["documents"][0]["role"] == "source"
    assert story["documents"][0]["reference_date"] == "2025-11-25"


def test_every_format_from_the_corpora(tmp_path: Path, corpus: Path) -> None:
    json_run = run("batch", str(corpus), "--format", "json")
    assert_valid_report(json_run.stdout)
    assert len(json.loads(json_run.stdout)["stories"]) == len(bundles(corpus))
    sarif = run("batch", str(corpus), "--format", "sarif", "--output", str(tmp_path / "r.sarif"))
    assert sarif.returncode == 1 and sarif.stdout == ""
    sarif_text = (tmp_path / "r.sarif").read_text(encoding="utf-8")
    assert sarif_errors(sarif_text) == []
    rule_ids = [r["id"] for r in json.loads(sarif_text)["runs"][0]["tool"]["driver"]["rules"]]
    assert "date-order-mixed" in rule_ids and "text-suppression-unused" in rule_ids
    junit = run("batch", str(corpus), "--format", "junit")
    assert len(ET.fromstring(junit.stdout).findall("testsuite/testcase")) == len(bundles(corpus))
    github = run("batch", str(corpus), "--format", "github")
    assert github.stdout.startswith("::")


def test_files_grouped_by_stem_with_source_locale(tmp_path: Path) -> None:
    folder = two_stories(tmp_path)
    result = run("batch", str(folder), "--source-locale", "pt-BR", "--format", "json")
    assert result.returncode == 1
    stories = json.loads(result.stdout)["stories"]
    assert [s["id"] for s in stories] == ["1234", "5678"]
    for story in stories:
        assert story["documents"][0]["locale"] == "pt-BR"
        assert {f["rule"] for f in story["findings"]} >= {"date-mismatch", "date-order-mixed"}


def test_without_a_source_the_story_is_reported_and_exit_is_2(tmp_path: Path) -> None:
    folder = two_stories(tmp_path)
    result = run("batch", str(folder), "--format", "jsonl")
    assert result.returncode == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert all("source_locale" in line["error"]["message"] for line in lines)


def test_a_bad_story_is_reported_and_the_rest_still_run(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    for name in ("good", "bad"):
        (folder / name).mkdir(parents=True)
    shutil.copy(DATA / "seed.pt-BR.txt", folder / "good" / "pt-BR.txt")
    shutil.copy(DATA / "seed.en.txt", folder / "good" / "en.txt")
    (folder / "bad" / "en.txt").write_bytes(b"")
    for jobs in ("1", "2"):
        result = run(
            "batch", str(folder), "--jobs", jobs, "--format", "json", "--source-locale", "pt"
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        report = json.loads(result.stdout)
        assert_valid_report(result.stdout)
        bad, good = report["stories"]
        assert bad["id"] == "bad" and "empty" in bad["error"]["message"]
        assert bad["error"]["path"].endswith("en.txt")
        assert good["findings"]
    text = run("batch", str(folder), "--source-locale", "pt")
    assert "bad/en.txt: error story not checked:" in text.stdout
    assert "1 story not checked" in text.stdout
    assert "1 not checked" in text.stderr


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_manifest_gives_story_path_locale_and_role(tmp_path: Path, kind: str) -> None:
    shutil.copy(DATA / "seed.pt-BR.txt", tmp_path / "original.txt")
    shutil.copy(DATA / "seed.en.txt", tmp_path / "translation.txt")
    rows = [
        {"story": "seed", "path": "translation.txt", "locale": "en-US", "role": "target"},
        {"story": "seed", "path": "original.txt", "locale": "pt-BR", "role": "source"},
    ]
    manifest = tmp_path / f"manifest.{kind}"
    if kind == "csv":
        lines = ["story,path,locale,role"] + [",".join(r.values()) for r in rows]
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("batch", str(manifest), "--format", "json")
    assert result.returncode == 1
    story = json.loads(result.stdout)["stories"][0]
    assert story["id"] == "seed"
    assert [(Path(d["path"]).name, d["locale"], d["role"]) for d in story["documents"]] == [
        ("original.txt", "pt-BR", "source"),
        ("translation.txt", "en-US", "target"),
    ]


def test_bad_manifest_and_missing_path_exit_2(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,file\nx,y\n", encoding="utf-8")
    result = run("batch", str(manifest))
    assert result.returncode == 2
    assert result.stderr.startswith(f"reconcile: {manifest}: ")
    missing = run("batch", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "no such file or folder" in missing.stderr


def test_fail_on_sets_the_exit_code() -> None:
    rio = str(STORIES / "rio-heatwave")  # one warning, no error
    assert run("batch", rio, "--fail-on", "warning").returncode == 1
    assert run("batch", rio, "--fail-on", "error").returncode == 0
    assert run("batch", str(STORIES / "venezuela-airspace"), "--fail-on", "never").returncode == 0
    assert run("batch", rio, "--jobs", "0").returncode == 2


def test_the_whole_corpora_folder_runs_as_the_issue_shows_it() -> None:
    # `reconcile batch corpora/`: story folders below it (stories/ and formats/), nothing
    # left unchecked, and exit 1 because the corpora plant faults.
    result = run("batch", str(ROOT / "corpora"), "--format", "jsonl", "--fail-on", "warning")
    assert result.returncode == 1, result.stderr
    stories = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert not [s for s in stories if s.get("error")]
    assert len(stories) == len(bundles(STORIES)) + 1  # and the formats/ copy of the seed story
    assert "0 not checked" in result.stderr


def test_batch_refuses_files_over_the_size_limit_and_says_which(tmp_path: Path) -> None:
    story = tmp_path / "desk" / "seed"
    story.mkdir(parents=True)
    for name in ("pt-BR.txt", "en.txt"):  # each over 1,000 bytes, the smallest limit
        shutil.copy(STORIES / "venezuela-airspace" / name, story / name)
    (story / "story.toml").write_text('source = "pt-BR.txt"\n', encoding="utf-8")
    refused = run("batch", str(tmp_path / "desk"), "--max-file-size", "0.001", "-f", "json")
    assert refused.returncode == 2
    error = json.loads(refused.stdout)["stories"][0]["error"]
    assert error["path"].endswith("pt-BR.txt") and "limit" in error["message"]
    assert run("batch", str(tmp_path / "desk"), "-f", "json").returncode == 1


class _NativePanic(BaseException):
    """As pyo3 raises a Rust panic: a BaseException, which `except Exception` misses."""


def test_a_native_library_panic_is_one_storys_error_and_ctrl_c_still_stops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reconcile import api, batch, cli

    def panic(*args: object, **kwargs: object) -> None:
        raise _NativePanic("end byte index 2 is not a char boundary")

    monkeypatch.setattr(api, "build_story", panic)
    job = batch.StoryJob("desk/1", (str(DATA / "seed.pt-BR.txt"), str(DATA / "seed.en.txt")))
    error = batch.check_job(job, api.Options()).report.error
    assert error is not None and error.path == job.paths[0]
    assert error.cause.startswith("internal error (_NativePanic: end byte index 2")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "build_story", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.check_job(job, api.Options())
    # The single-story commands share the guard: one line, exit 2.
    with pytest.raises(cli.typer.Exit) as stopped:
        cli._guard(lambda: panic())
    assert stopped.value.exit_code == 2
