"""Strict and lax precision, recall and F1 of sentence alignments, as Vecalign's score.py.

The method (Sennrich & Volk 2011, copied by Vecalign, Bertalign and SentAlign), as described in
../shared/align-gold/README.md:
- beads empty on both sides are dropped, and each side is a set of beads (duplicates count once);
- precision runs over every test bead, insertions and deletions included: a bead in the gold is a
  strict and lax true positive; any other is a strict false positive, and still a lax true
  positive if one of its target ids is among the gold targets linked to one of its source ids;
- recall is the same computation with gold and test swapped, after removing the beads empty on
  one side (insertions and deletions) from both;
- counts are summed over documents (micro-average); F1 is the harmonic mean.

    .venv/bin/python benchmarks/align_score.py GOLD TEST    (files of Vecalign beads)
"""

from __future__ import annotations

import ast
import itertools
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Bead = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Counts:
    """True and false positives, strict and lax."""

    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.tp_strict + other.tp_strict,
            self.fp_strict + other.fp_strict,
            self.tp_lax + other.tp_lax,
            self.fp_lax + other.fp_lax,
        )


@dataclass(frozen=True, slots=True)
class Score:
    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float


def parse_beads(lines: Iterable[str]) -> list[Bead]:
    """Vecalign beads, one a line: `[0]:[0]`, `[6, 7]:[9]`, `[]:[16]`."""
    beads = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        source, target = line.split(":")
        beads.append((tuple(ast.literal_eval(source)), tuple(ast.literal_eval(target))))
    return beads


def ladder_beads(lines: Iterable[str]) -> list[Bead]:
    """hunalign's ladder (rungs `i j`: the first i source sentences match the first j target
    sentences) as beads between consecutive rungs."""
    rungs = [tuple(int(x) for x in line.split()[:2]) for line in lines if line.strip()]
    return [
        (tuple(range(i0, i1)), tuple(range(j0, j1)))
        for (i0, j0), (i1, j1) in itertools.pairwise(rungs)
        if (i0, j0) != (i1, j1)
    ]


def precision_counts(gold: Sequence[Bead], test: Sequence[Bead]) -> Counts:
    gold_set = {bead for bead in gold if bead[0] or bead[1]}
    test_set = {bead for bead in test if bead[0] or bead[1]}
    gold_targets: dict[int, set[int]] = {}
    for source, target in gold_set:
        for s in source:
            gold_targets.setdefault(s, set()).update(target)
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    for source, target in test_set:
        if (source, target) in gold_set:
            tp_strict += 1
            tp_lax += 1
            continue
        fp_strict += 1
        linked = set().union(*(gold_targets.get(s, set()) for s in source))
        if linked & set(target):
            tp_lax += 1
        else:
            fp_lax += 1
    return Counts(tp_strict, fp_strict, tp_lax, fp_lax)


def score(pairs: Iterable[tuple[Sequence[Bead], Sequence[Bead]]]) -> Score:
    """Micro-averaged score over (gold, test) alignments of several documents."""
    p_counts = r_counts = Counts()
    for gold, test in pairs:
        p_counts += precision_counts(gold, test)
        gold_linked = [b for b in gold if b[0] and b[1]]
        test_linked = [b for b in test if b[0] and b[1]]
        r_counts += precision_counts(test_linked, gold_linked)
    p_strict = _share(p_counts.tp_strict, p_counts.fp_strict)
    r_strict = _share(r_counts.tp_strict, r_counts.fp_strict)
    p_lax = _share(p_counts.tp_lax, p_counts.fp_lax)
    r_lax = _share(r_counts.tp_lax, r_counts.fp_lax)
    return Score(p_strict, r_strict, _f1(p_strict, r_strict), p_lax, r_lax, _f1(p_lax, r_lax))


def _share(good: int, bad: int) -> float:
    return good / (good + bad) if good + bad else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main(argv: Sequence[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as gold, open(argv[1], encoding="utf-8") as test:
        result = score([(parse_beads(gold), parse_beads(test))])
    print(
        f"strict P {result.precision_strict:.3f} R {result.recall_strict:.3f} "
        f"F1 {result.f1_strict:.3f}  lax P {result.precision_lax:.3f} "
        f"R {result.recall_lax:.3f} F1 {result.f1_lax:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
