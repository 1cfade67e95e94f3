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

`--aligner embeddings` aligns with the sentence encoder of the `embeddings` extra (see
reconcile/embed.py) on the sets in languages it supports (not dtm: Hungarian). Its speed counts
the embedding: each timed run embeds both documents afresh (the encoder itself is loaded
before timing), the median of at most EMBEDDING_RUNS runs; memory is not measured.

    .venv/bin/python benchmarks/align_bench.py [--runs 20] [--no-memory] [--aligner embeddings]
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

from reconcile import embed
from reconcile.align import align
from reconcile.extract.dates import extract_dates
from reconcile.load.text import line_starts
from reconcile.locale import resolve_locale
from reconcile.model import Document, SourceText
from reconcile.segment import one_per_line

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "align-gold"
TARGET_SENTENCES_PER_SECOND = 20_000
EMBEDDING_RUNS = 3  # each run embeds the documents again: several seconds each


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


def beads_of(source: Document, target: Document, aligner: str = "lexical") -> list[Bead]:
    return [(b.source, b.target) for b in align(source, target, embeddings=embedder(aligner)).beads]


def embedder(aligner: str) -> embed.Embedder | None:
    """A fresh embedder (nothing cached) for the embeddings aligner, else None."""
    return embed.Embedder() if aligner == "embeddings" else None


def speed(source: Document, target: Document, runs: int, aligner: str = "lexical") -> float:
    align(source, target)  # warm-up: CLDR tables, caches
    if aligner == "embeddings":
        embed.use_encoder()  # loaded once per process, as in a batch worker: not timed
        runs = min(runs, EMBEDDING_RUNS)
    times = []
    for _ in range(runs):
        embeddings = embedder(aligner)
        start = time.perf_counter()
        align(source, target, embeddings=embeddings)
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
    parser.add_argument("--aligner", choices=embed.ALIGNERS, default="lexical")
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
    if args.aligner == "embeddings":
        try:
            embed.check_installed()
        except embed.MissingExtra as error:
            print(f"align_bench: {error}", file=sys.stderr)
            return 2
    sets = load_sets()
    print(f"{'set':<20} {'src':>5} {'tgt':>5}  strict P/R/F1        lax P/R/F1          sent/s")
    for name, (source, target, gold) in sets.items():
        if (
            args.aligner == "embeddings"
            and not {
                source.locale.language,
                target.locale.language,
            }
            <= embed.USE_LANGUAGES
        ):
            print(f"{name:<20} skipped: the encoder does not support both languages")
            continue
        result = score([(gold, beads_of(source, target, args.aligner))])
        rate = speed(source, target, args.runs, args.aligner)
        print(
            f"{name:<20} {len(source.sentences):>5} {len(target.sentences):>5}  "
            f"{result.precision_strict:.3f}/{result.recall_strict:.3f}/{result.f1_strict:.3f}  "
            f"{result.precision_lax:.3f}/{result.recall_lax:.3f}/{result.f1_lax:.3f}  "
            f"{rate:>8,.0f}"
        )
    if args.no_memory or args.aligner != "lexical":
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
