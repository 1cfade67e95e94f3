"""Sentence alignment: strict/lax F1 on the gold sets in ../shared/align-gold, speed, memory.

Sets (read from ../shared/align-gold relative to the repository; never copied into it):
- textberg-dev: Text+Berg / Bleualign dev, de -> fr, one tokenised sentence per line, gold
  `dev.defr` in Vecalign form;
- dtm: hunalign's hand-aligned hu -> en news set, latin2 `hu.sen` / `en.sen`, gold `hand.ladder`.

Each document is built as `reconcile align --one-sentence-per-line` builds it (every line one
sentence, dates extracted) and aligned with the default aligner. Scores follow
benchmarks/align_score.py. Speed is (source + target sentences) / seconds of `align()` alone,
the median of --runs runs in this process (one thread, after a warm-up). Memory: tracemalloc
peak of `align()` on documents of about 5,000, 10,000 and 20,000 source sentences (whole copies
of Text+Berg dev on both sides), each in a fresh subprocess.

    .venv/bin/python benchmarks/align_bench.py [--runs 20] [--no-memory]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_score import Bead, ladder_beads, parse_beads, score

from reconcile.align import align
from reconcile.extract.dates import extract_dates
from reconcile.load.text import line_starts
from reconcile.locale import resolve_locale
from reconcile.model import Document, SourceText
from reconcile.segment import one_per_line

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "align-gold"
TARGET_SENTENCES_PER_SECOND = 20_000


def document(path: str, text: str, tag: str) -> Document:
    source = SourceText(path, text, text, tuple(range(len(text) + 1)), line_starts(text))
    locale = resolve_locale(source, tag)
    sentences = one_per_line(source)
    dates, weekdays = extract_dates(source, sentences, locale)
    return Document(source, locale, sentences, dates, weekdays)


def load_sets() -> dict[str, tuple[Document, Document, list[Bead]]]:
    textberg = GOLD / "textberg-dev"
    dtm = GOLD / "hunalign-dtm-hu-en"
    return {
        "textberg-dev de-fr": (
            document("dev.de", (textberg / "dev.de").read_text("utf-8"), "de"),
            document("dev.fr", (textberg / "dev.fr").read_text("utf-8"), "fr"),
            parse_beads((textberg / "dev.defr").read_text("utf-8").splitlines()),
        ),
        "dtm hu-en": (
            document("hu.sen", (dtm / "hu.sen").read_text("latin2"), "hu"),
            document("en.sen", (dtm / "en.sen").read_text("latin2"), "en"),
            ladder_beads((dtm / "hand.ladder").read_text("ascii").splitlines()),
        ),
    }


def beads_of(source: Document, target: Document) -> list[Bead]:
    return [(b.source, b.target) for b in align(source, target).beads]


def speed(source: Document, target: Document, runs: int) -> float:
    align(source, target)  # warm-up: CLDR tables, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        align(source, target)
        times.append(time.perf_counter() - start)
    return (len(source.sentences) + len(target.sentences)) / statistics.median(times)


def memory(size: int) -> tuple[float, float]:
    """Peak traced memory (MiB) and seconds of align() on `size` sentences a side."""
    import tracemalloc

    textberg = GOLD / "textberg-dev"
    de = (textberg / "dev.de").read_text("utf-8")
    fr = (textberg / "dev.fr").read_text("utf-8")
    # Whole copies on both sides, so that the long documents are translations of each other.
    copies = max(1, round(size / len(de.splitlines())))
    source = document("big.de", de * copies, "de")
    target = document("big.fr", fr * copies, "fr")
    tracemalloc.start()
    start = time.perf_counter()
    align(source, target)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    start = time.perf_counter()
    align(source, target)  # timed again without tracemalloc, which slows Python down
    seconds = time.perf_counter() - start
    return peak / 2**20, seconds, len(source.sentences) + len(target.sentences)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--memory-size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_size:
        peak, seconds, sentences = memory(args.memory_size)
        print(f"{peak:.3f} {seconds:.3f} {sentences}")
        return 0
    if not GOLD.is_dir():
        print(
            f"align_bench: gold data not found at {GOLD} (expected ../shared/align-gold "
            "next to the repository)",
            file=sys.stderr,
        )
        return 2
    sets = load_sets()
    print(f"{'set':<20} {'src':>5} {'tgt':>5}  strict P/R/F1        lax P/R/F1          sent/s")
    for name, (source, target, gold) in sets.items():
        result = score([(gold, beads_of(source, target))])
        rate = speed(source, target, args.runs)
        print(
            f"{name:<20} {len(source.sentences):>5} {len(target.sentences):>5}  "
            f"{result.precision_strict:.3f}/{result.recall_strict:.3f}/{result.f1_strict:.3f}  "
            f"{result.precision_lax:.3f}/{result.recall_lax:.3f}/{result.f1_lax:.3f}  "
            f"{rate:>8,.0f}"
        )
    if args.no_memory:
        return 0
    print("memory (tracemalloc peak of align(), fresh process per size)")
    for size in (5_000, 10_000, 20_000):
        out = subprocess.run(
            [sys.executable, __file__, "--memory-size", str(size)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        peak, seconds, sentences = float(out[0]), float(out[1]), int(out[2])
        print(
            f"  {sentences:>6} sentences (src + tgt): peak {peak:7.1f} MiB, "
            f"{peak * 1024 / sentences:5.1f} KiB per sentence, {sentences / seconds:,.0f} sent/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
