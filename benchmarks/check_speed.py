"""Whole-pipeline speed: `api.check` on a two-version story of about 800 words a version.

The story is built from the corpus: the paragraphs of every bundle that has both languages
of a pair (for pt-en: sp-metro-strike, venezuela-airspace, black-friday-sales) are laid end
to end, in the same order on both sides, until the source side reaches the target word
count (bundles are reused in turn when there are too few). Both versions are written as
.txt files named by locale into a temporary folder.

Measured in this process, on one core (a single thread; nothing is pinned), after a warm-up:
stories/second and ms/story (median and p90 over every run, each round's figure then the
median over rounds), plus a per-stage breakdown using the public stage functions. The cold
first call (imports + first story) is measured in a fresh subprocess.

    .venv/bin/python benchmarks/check_speed.py [--pair pt:en] [--runs 200] [--rounds 3] [--json]

DESIGN.md section 5 target: >= 100 stories/s on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "corpora" / "stories"
TODAY = dt.date(2025, 12, 1)  # fixed, so that runs on different days do the same work
TARGET_STORIES_PER_SECOND = 100


# --- building the story -------------------------------------------------------------------


def _language(file_name: str) -> str:
    return file_name.split(".")[0].split("-")[0]


def _paragraphs(path: Path) -> list[str]:
    return [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def bundles_for_pair(source_language: str, target_language: str) -> list[tuple[Path, Path]]:
    """(source file, target file) of each corpus story with .txt versions in both languages."""
    pairs = []
    for story in sorted(STORIES.iterdir()):
        if not (story / "story.toml").exists():
            continue
        versions = tomllib.loads((story / "story.toml").read_text())["versions"]
        by_language = {_language(v): story / v for v in versions if v.endswith(".txt")}
        if source_language in by_language and target_language in by_language:
            pairs.append((by_language[source_language], by_language[target_language]))
    return pairs


def build_story(pair: str, words: int, folder: Path) -> tuple[str, str, int, int, list[str]]:
    """Write an ~`words`-word two-version story; return its paths, word counts and bundles."""
    source_language, target_language = pair.split(":")
    bundles = bundles_for_pair(source_language, target_language)
    if not bundles:
        raise SystemExit(f"no corpus story has .txt versions in both {source_language} and "
                         f"{target_language}")  # fmt: skip
    source_parts: list[str] = []
    target_parts: list[str] = []
    used: list[str] = []
    count = 0
    turn = 0
    while count < words:
        source_file, target_file = bundles[turn % len(bundles)]
        used.append(source_file.parent.name)
        for left, right in zip(_paragraphs(source_file), _paragraphs(target_file), strict=True):
            source_parts.append(left)
            target_parts.append(right)
            count += len(left.split())
            if count >= words:
                break
        turn += 1
    source_path = folder / f"{bundles[0][0].stem}.txt"
    target_path = folder / f"{bundles[0][1].stem}.txt"
    source_path.write_text("\n\n".join(source_parts) + "\n", encoding="utf-8")
    target_path.write_text("\n\n".join(target_parts) + "\n", encoding="utf-8")
    target_count = sum(len(p.split()) for p in target_parts)
    return str(source_path), str(target_path), count, target_count, used


# --- timing -------------------------------------------------------------------------------


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_calls(call: Callable[[], object], runs: int) -> list[float]:
    """Seconds per call, `runs` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return times


def measure_throughput(paths: list[str], runs: int, rounds: int, warmup: int) -> dict:
    from reconcile import api

    options = api.Options(today=TODAY)
    time_calls(lambda: api.check(paths, options), warmup)
    per_round = []
    for _ in range(rounds):
        start = time.perf_counter()
        times = time_calls(lambda: api.check(paths, options), runs)
        wall = time.perf_counter() - start
        per_round.append(
            {
                "stories_per_second": runs / wall,
                "ms_median": statistics.median(times) * 1000,
                "ms_p90": _percentile(times, 0.9) * 1000,
            }
        )
    return {
        "rounds": per_round,
        **{key: statistics.median(r[key] for r in per_round) for key in per_round[0]},
    }


# Caches keyed on these parameters hold per-language tables that any long run builds once.
_TABLE_PARAMETERS = frozenset({"language", "tag", "other", "openers", "line_ends"})
# Caches a batch of different stories would still find warm, so kept: month names read by
# dateparser (a few dozen a language), locale tags, dates by day and weekday, and single
# words and numerals (a language's common words recur in every story).
# Caches keyed on sentences or longer text, and any cache not named here, are cleared.
_KEPT = frozenset(
    {
        "reconcile.extract.dates._month_by_dateparser",
        "reconcile.locale._known_tag",
        "reconcile.timeline._dates_on",
        "reconcile.timeline._nearest",
        "reconcile.extract.numbers._number_word",
        "reconcile.extract.numbers._read",
        "reconcile.extract.numbers._readings",
        "reconcile.lexicon.frequency",
    }
)


def text_caches() -> dict[str, Callable[[], None]]:
    """`cache_clear` of every reconcile cache keyed on sentences or longer text.

    Timing the same story again and again lets these caches answer from the last run; a
    batch of new stories would not, so the throughput is also measured with them cleared
    before every run. `locale.fold` folds words and sentences alike: it is cleared, which
    makes the figure a little pessimistic.
    """
    import inspect

    clears = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("reconcile"):
            continue
        for attribute, function in sorted(vars(module).items()):
            if not hasattr(function, "cache_clear") or f"{name}.{attribute}" in _KEPT:
                continue
            if getattr(function, "__module__", None) != name:
                continue  # imported from elsewhere: cleared where it is defined
            parameters = set(inspect.signature(function).parameters)
            if parameters - _TABLE_PARAMETERS:
                clears[f"{name}.{attribute}"] = function.cache_clear
    return clears


def measure_new_stories(paths: list[str], runs: int, rounds: int) -> dict:
    """Throughput with the text caches cleared before each run (the clearing not timed)."""
    from reconcile import api

    options = api.Options(today=TODAY)
    api.check(paths, options)
    clears = text_caches()
    per_round = []
    for _ in range(rounds):
        times = []
        for _ in range(runs):
            for clear in clears.values():
                clear()
            start = time.perf_counter()
            api.check(paths, options)
            times.append(time.perf_counter() - start)
        per_round.append(
            {
                "stories_per_second": len(times) / sum(times),
                "ms_median": statistics.median(times) * 1000,
                "ms_p90": _percentile(times, 0.9) * 1000,
                "caches_cleared": len(clears),
                "cleared": sorted(clears),
            }
        )
    return {
        "rounds": per_round,
        **{key: statistics.median(r[key] for r in per_round) for key in _FIGURES},
        "cleared": per_round[0]["cleared"],
    }


_FIGURES = ("stories_per_second", "ms_median", "ms_p90", "caches_cleared")


def measure_stages(paths: list[str], runs: int) -> dict[str, float]:
    """Median ms per story of each stage; the last is check() minus the loading stages."""
    from reconcile import api
    from reconcile.extract.dates import extract_dates
    from reconcile.load import read
    from reconcile.locale import resolve_locale
    from reconcile.segment import segment

    options = api.Options(today=TODAY)
    samples: dict[str, list[float]] = {
        k: [] for k in ("read", "locale", "segment", "extract", "check")
    }
    for _ in range(runs):
        totals = dict.fromkeys(("read", "locale", "segment", "extract"), 0.0)
        for path in paths:
            t0 = time.perf_counter()
            source = read(path)
            t1 = time.perf_counter()
            locale = resolve_locale(source, None)
            t2 = time.perf_counter()
            sentences = segment(source, locale.language)
            t3 = time.perf_counter()
            extract_dates(source, sentences, locale)
            t4 = time.perf_counter()
            for key, took in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                totals[key] += took
        for key, took in totals.items():
            samples[key].append(took)
        samples["check"].extend(time_calls(lambda: api.check(paths, options), 1))
    medians = {k: statistics.median(v) * 1000 for k, v in samples.items()}
    loading = sum(medians[k] for k in ("read", "locale", "segment", "extract"))
    medians["timeline+align+rules"] = medians["check"] - loading
    return medians


_COLD = """
import json, sys, time, datetime as dt
start = time.perf_counter()
from reconcile import api
imported = time.perf_counter()
api.check(sys.argv[1:], api.Options(today=dt.date(2025, 12, 1)))
done = time.perf_counter()
result = {"import_ms": imported - start, "first_story_ms": done - imported}
print(json.dumps({key: seconds * 1000 for key, seconds in result.items()}))
"""


def measure_cold(paths: list[str], repeats: int) -> dict[str, float]:
    """Imports + first story in a fresh interpreter, median of `repeats` subprocesses."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", _COLD, *paths], capture_output=True, text=True, check=True
        ).stdout
        process_ms = (time.perf_counter() - start) * 1000
        samples.append({**json.loads(out), "process_ms": process_ms})
    result = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    result["import_plus_first_ms"] = result["import_ms"] + result["first_story_ms"]
    return result


# --- output -------------------------------------------------------------------------------


def print_table(result: dict) -> None:
    story, speed, stages, cold = (result[k] for k in ("story", "throughput", "stages", "cold"))
    print(f"story: {story['pair']}  {story['source_words']} + {story['target_words']} words "
          f"(from {', '.join(story['bundles'])})")  # fmt: skip
    print(f"warm, {result['runs']} runs x {result['rounds']} rounds after "
          f"{result['warmup']} warm-up runs (median of rounds):")  # fmt: skip
    verdict = "met" if speed["stories_per_second"] >= TARGET_STORIES_PER_SECOND else "NOT met"
    print(f"  {speed['stories_per_second']:8.1f} stories/s   "
          f"(target >= {TARGET_STORIES_PER_SECOND}: {verdict})")  # fmt: skip
    print(f"  {speed['ms_median']:8.2f} ms/story median   {speed['ms_p90']:8.2f} ms/story p90")
    print("  rounds: " + ", ".join(f"{r['stories_per_second']:.1f}/s" for r in speed["rounds"]))
    fresh = result["new_stories"]
    print(f"new story each run ({fresh['caches_cleared']} text caches cleared before it):")
    print(f"  {fresh['stories_per_second']:8.1f} stories/s   {fresh['ms_median']:8.2f} ms/story "
          f"median   {fresh['ms_p90']:8.2f} ms/story p90")  # fmt: skip
    print("stages, median ms per story (both versions):")
    for key in ("read", "locale", "segment", "extract", "timeline+align+rules", "check"):
        share = 100 * stages[key] / stages["check"]
        print(f"  {key:22s} {stages[key]:8.3f} ms  {share:5.1f}%")
    print(f"cold (fresh process, median of {result['cold_repeats']}):")
    print(
        f"  import {cold['import_ms']:.0f} ms + first story {cold['first_story_ms']:.0f} ms"
        f" = {cold['import_plus_first_ms']:.0f} ms; whole process {cold['process_ms']:.0f} ms"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="pt:en", help="source:target languages (pt:en)")
    parser.add_argument("--words", type=int, default=800, help="words in the source version")
    parser.add_argument("--runs", type=int, default=200, help="timed runs per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--cold-repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="reconcile-bench-") as folder:
        source, target, source_words, target_words, used = build_story(
            args.pair, args.words, Path(folder)
        )
        paths = [source, target]
        cold = measure_cold(paths, args.cold_repeats)
        throughput = measure_throughput(paths, args.runs, args.rounds, args.warmup)
        new_stories = measure_new_stories(paths, args.runs, args.rounds)
        stages = measure_stages(paths, args.runs)
    result = {
        "story": {
            "pair": args.pair,
            "source_words": source_words,
            "target_words": target_words,
            "bundles": used,
        },
        "runs": args.runs,
        "rounds": args.rounds,
        "warmup": args.warmup,
        "cold_repeats": args.cold_repeats,
        "throughput": throughput,
        "new_stories": new_stories,
        "stages": stages,
        "cold": cold,
        "target_stories_per_second": TARGET_STORIES_PER_SECOND,
        "target_met": throughput["stories_per_second"] >= TARGET_STORIES_PER_SECOND,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result)


if __name__ == "__main__":
    main()
