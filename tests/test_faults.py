"""benchmarks/faults.py: injection is repeatable, leaves its input alone, finds date faults."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import faults

# Every weekday stands beside its date, so that changing any of them contradicts the date.
BUNDLES = {
    "sp-metro-strike-ends": {
        "story.toml": 'source = "pt-BR.txt"\n',
        "pt-BR.txt": (
            "Greve no metrô de São Paulo termina após quatro dias\n"
            "SÃO PAULO (Reuters) - Os metroviários encerraram na quinta-feira (4/12) a greve "
            "iniciada na segunda-feira (1/12), disse a presidente do sindicato, Camila Lisboa.\n"
            "Uma nova assembleia foi marcada para terça-feira (9/12), às 18h.\n"
        ),
        "en-US.txt": (
            "Sao Paulo subway strike ends after four days\n"
            "SAO PAULO (Reuters) - Subway workers ended on Thursday (12/4) the strike that began "
            "on Monday (12/1), union president Camila Lisboa said.\n"
            "A new meeting was set for Tuesday (12/9) at 6 p.m.\n"
        ),
    },
    "eurostar-christmas-trains": {
        "en-GB.txt": (
            "Eurostar adds trains for Christmas\n\n"
            "LONDON (Reuters) - Eurostar said on Monday 1 December that it would run 30 extra "
            "trains between Friday 19/12/2025 and Sunday 4/1/2026.\n\n"
            "Tickets go on sale on Wednesday 3 December.\n"
        ),
        "fr.txt": (
            "Eurostar ajoute des trains pour Noël\n\n"
            "LONDRES (Reuters) - Eurostar a annoncé lundi 1er décembre qu'il ferait circuler 30 "
            "trains supplémentaires entre le vendredi 19/12/2025 et le dimanche 4/1/2026.\n\n"
            "Les billets seront en vente à partir du mercredi 3 décembre.\n"
        ),
    },
}
DATE_FAULTS = ["date-day-month-swapped", "weekday-changed"]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    for story, files in BUNDLES.items():
        (tmp_path / story).mkdir()
        for name, text in files.items():
            (tmp_path / story / name).write_text(text, encoding="utf-8")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _faults(result: faults.Result) -> list[tuple[object, ...]]:
    return [
        (
            o.fault.type,
            o.fault.story,
            o.fault.file,
            o.fault.line,
            o.fault.column,
            o.fault.before,
            o.fault.after,
            o.found_by,
        )
        for o in result.outcomes
    ]


def test_injection_is_deterministic_and_leaves_input_alone(corpus: Path) -> None:
    before = _snapshot(corpus)
    first = faults.run(corpus, seed=7, per_type=2)
    second = faults.run(corpus, seed=7, per_type=2)
    assert _faults(first) == _faults(second)
    assert faults.as_json(first) == faults.as_json(second)
    assert _snapshot(corpus) == before
    # Faults go into translations only, never into the source.
    assert {(o.fault.story, o.fault.file) for o in first.outcomes} == {
        ("sp-metro-strike-ends", "en-US.txt"),
        ("eurostar-christmas-trains", "fr.txt"),
    }
    # The source is the first locale alphabetically when story.toml does not name one.
    assert first.translation_sentences == 6


def test_swapped_day_and_month_and_changed_weekday_are_found(corpus: Path) -> None:
    result = faults.run(corpus, seed=1, per_type=10, types=DATE_FAULTS)
    by_type = {kind: [o for o in result.outcomes if o.fault.type == kind] for kind in DATE_FAULTS}
    # Every numeric date with day != month, every weekday: 3 + 2 swaps, 3 + 4 weekdays.
    assert [len(by_type[k]) for k in DATE_FAULTS] == [5, 7]
    missed = [
        (o.fault.file, o.fault.before, o.fault.after) for o in result.outcomes if o.found_by is None
    ]
    assert missed == []
    assert all(o.found_by and o.found_by.startswith("date-") for o in result.outcomes)
    rows = {row["type"]: row for row in faults.table(result)}
    assert rows["date-day-month-swapped"]["recall"] == 1.0
    assert rows["weekday-changed"]["target"] == "met"
    assert result.false_alarms == ()


def test_fault_is_placed_where_it_was_made(corpus: Path) -> None:
    result = faults.run(corpus, seed=1, per_type=10, types=["date-day-month-swapped"])
    for outcome in result.outcomes:
        fault = outcome.fault
        line = fault.text.splitlines()[fault.line - 1]
        assert line[fault.column - 1 : fault.end_column - 1] == fault.after
        assert sorted(fault.after) == sorted(fault.before)  # the same digits, swapped


def test_cli_json_and_bad_folder(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert faults.main([str(corpus), "--seed", "2", "--per-type", "1", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["seed"] == 2
    assert {row["type"] for row in payload["recall"]} == set(faults.INJECTORS)
    assert payload["false_alarms"]["count"] == 0
    assert faults.main([str(corpus / "missing"), "--seed", "1"]) == 2
    assert "missing: not a folder" in capsys.readouterr().err
