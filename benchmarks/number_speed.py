"""Time the number extractor and the number rules add to one two-version story.

The story is the one `check_speed.py` builds (corpus paragraphs laid end to end to ~800
source words). Per version, `extract_numbers` runs on the already segmented document with its
dates (as `api.load_document` calls it); the rules (number-mismatch, number-missing,
number-locale-format) run on the checked story. Medians over --runs, after a warm-up, on one
core; the first (cold) call is reported apart, since it compiles each language's patterns.

    .venv/bin/python benchmarks/number_speed.py [--pair pt:en] [--runs 200] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_speed

from reconcile import api, rules
from reconcile.extract.numbers import extract_numbers

MINE = ("number-mismatch", "number-missing", "number-locale-format")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="pt:en")
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        source, target, source_words, target_words, _ = check_speed.build_story(
            args.pair, args.words, Path(folder)
        )
        options = api.Options(today=dt.date(2025, 12, 1))
        documents = [api.load_document(path, options) for path in (source, target)]
        story = api.build_story([source, target], options)

    def extract() -> None:
        for d in documents:
            extract_numbers(d.source, d.sentences, d.locale, d.dates)

    checks = [r for r in rules.RULES if r.id in MINE]

    def check() -> None:
        for rule in checks:
            list(rule.check(story))

    start = time.perf_counter()
    extract()
    cold = (time.perf_counter() - start) * 1000
    for _ in range(10):
        extract()
        check()
    extract_ms = statistics.median(check_speed.time_calls(extract, args.runs)) * 1000
    rules_ms = statistics.median(check_speed.time_calls(check, args.runs)) * 1000
    figures = {
        "pair": args.pair,
        "words": [source_words, target_words],
        "numbers": [len(d.numbers) for d in documents],
        "extract_ms_median": round(extract_ms, 3),
        "rules_ms_median": round(rules_ms, 3),
        "total_ms_median": round(extract_ms + rules_ms, 3),
        "extract_cold_ms": round(cold, 1),
        "findings": sum(1 for rule in checks for _ in rule.check(story)),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    print(
        f"{args.pair}: {source_words} + {target_words} words, "
        f"{figures['numbers'][0]} + {figures['numbers'][1]} numbers\n"
        f"  extract_numbers (both versions): {extract_ms:.2f} ms median "
        f"(first call {cold:.1f} ms)\n"
        f"  number rules: {rules_ms:.2f} ms median\n"
        f"  added per story: {extract_ms + rules_ms:.2f} ms"
    )


if __name__ == "__main__":
    main()
