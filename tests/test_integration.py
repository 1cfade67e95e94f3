"""The ready-made integrations: the pre-commit hook and the GitHub Action run real commands."""

from __future__ import annotations

import shlex
import shutil
from pathlib import Path

import yaml
from test_cli import run

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"


def test_pre_commit_hook_runs_on_the_files_a_commit_touches(tmp_path: Path) -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert hook["language"] == "python"
    command = shlex.split(hook["entry"])
    assert command[0] == "reconcile"
    shutil.copy(DATA / "seed.pt-BR.txt", tmp_path / "seed.pt-BR.txt")
    shutil.copy(DATA / "seed.en.txt", tmp_path / "seed.en.txt")
    (tmp_path / "reconcile.toml").write_text('source_locale = "pt-BR"\n', encoding="utf-8")
    # pre-commit appends the staged file names to entry and args
    result = run(*command[1:], *hook["args"], "seed.en.txt", "seed.pt-BR.txt", cwd=tmp_path)
    assert result.returncode == 1
    assert "seed.en.txt:9:151: error [date-mismatch]" in result.stdout


def test_action_runs_batch_to_sarif_and_uploads_it() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    scripts = "\n".join(step.get("run", "") for step in steps)
    assert 'reconcile batch "${paths[@]}" "${args[@]}"' in scripts
    assert "--format sarif" in scripts
    uses = [step.get("uses", "") for step in steps]
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    # every input the steps read is declared
    for name in ("paths", "fail-on", "config", "source-locale", "sarif", "upload-sarif"):
        assert name in action["inputs"]
