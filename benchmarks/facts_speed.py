"""Time the names, quotes and links extractors and their rules add to one two-version story.

The story is the one `check_speed.py` builds (corpus paragraphs laid end to end to ~800
source words), from the bundles whose two versions have as many paragraphs. Per version,
the three extractors run on the already segmented document; the rules (name-spelling,
name-missing, quote-missing, quote-mismatch, link-mismatch,
language-untranslated) run on the checked story. Medians over --runs, after a warm-up, on
one core; the first (cold) call is reported apart, since it loads CLDR place names and the
wordfreq lists.

    .venv/bin/python benchmarks/facts_speed.py [--pair pt:en] [--runs 200] [--json]
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
from reconcile.extract.links import extract_links
from reconcile.extract.names import extract_names
from reconcile.extract.quotes import extract_quotes

MINE = (
    "name-spelling",
    "name-missing",
    "quote-missing",
    "quote-mismatch",
    "link-mismatch",
    "language-untranslated",
)


def build_story(pair: str, words: int, folder: Path) -> tuple[str, str, int, int, list[str]]:
    """check_speed's story, from the bundles whose versions have as many paragraphs."""
    find = check_speed.bundles_for_pair

    def matching(source: str, target: str) -> list[tuple[Path, Path]]:
        return [
            (a, b)
            for a, b in find(source, target)
            if len(check_speed._paragraphs(a)) == len(check_speed._paragraphs(b))
        ]

    check_speed.bundles_for_pair = matching
    try:
        return check_speed.build_story(pair, words, folder)
    finally:
        check_speed.bundles_for_pair = find


def extract_once(documents: list[api.Document]) -> float:
    start = time.perf_counter()
    for d in documents:
        links = extract_links(d.source.text, d.sentences)
        extract_names(d.source.text, d.sentences, d.locale, d.dates, d.weekdays, links)
        extract_quotes(d.source.text, d.sentences, d.locale)
    return time.perf_counter() - start


def rules_once(story: api.CheckedStory) -> float:
    chosen = [r for r in rules.RULES if r.id in MINE]
    start = time.perf_counter()
    for rule in chosen:
        list(rule.check(story))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pair", default="pt:en")
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    options = api.Options(today=dt.date(2025, 12, 1))
    with tempfile.TemporaryDirectory(prefix="reconcile-bench-") as folder:
        source, target, source_words, target_words, _ = build_story(
            args.pair, args.words, Path(folder)
        )

        story = api.build_story([source, target], options)
        documents = [v.document for v in story.versions]
        cold_extract = extract_once(documents)
        cold_rules = rules_once(story)
        for _ in range(10):
            extract_once(documents)
            rules_once(story)
        extract = [extract_once(documents) for _ in range(args.runs)]
        checks = [rules_once(story) for _ in range(args.runs)]
        total = [
            (lambda t0: (api.check([source, target], options), time.perf_counter() - t0)[1])(
                time.perf_counter()
            )
            for _ in range(max(20, args.runs // 10))
        ]
    result = {
        "pair": args.pair,
        "words": [source_words, target_words],
        "names": [len(d.names) for d in documents],
        "quotes": [len(d.quotes) for d in documents],
        "links": [len(d.links) for d in documents],
        "extract_ms": statistics.median(extract) * 1000,
        "rules_ms": statistics.median(checks) * 1000,
        "cold_extract_ms": cold_extract * 1000,
        "cold_rules_ms": cold_rules * 1000,
        "check_ms": statistics.median(total) * 1000,
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"story {args.pair}: {source_words} + {target_words} words; names "
          f"{result['names']}, quotes {result['quotes']}, links {result['links']}")  # fmt: skip
    print(f"  extract names+quotes+links, both versions: {result['extract_ms']:.2f} ms median")
    print(f"  their six rules:                           {result['rules_ms']:.2f} ms median")
    added = result["extract_ms"] + result["rules_ms"]
    print(f"  added per story: {added:.2f} ms of a whole check of {result['check_ms']:.1f} ms")
    print(f"  cold first call: extract {result['cold_extract_ms']:.0f} ms, "
          f"rules {result['cold_rules_ms']:.0f} ms (CLDR place names, wordfreq lists)")  # fmt: skip


if __name__ == "__main__":
    main()
