"""Bead costs: what the search pays for each bead, and how sure each bead of the path is.

A bead's cost sums the -log prior of its shape, the Gale and Church cost of its two lengths
(target characters against source characters times the ratio), a weight per anchor that one
side has and the other lacks, and a weight per paragraph break inside a side. A side is read
from the windows (_Windows): for k sentences starting at i, the summed length, the OR of the
anchor masks and the paragraph breaks, computed once per document. The search computes the
costs of many cells at once from flat copies of the windows (_Flat, _costs).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt

from reconcile import embed
from reconcile.align.features import Ints, Masks, _Side
from reconcile.model import Bead

Floats = npt.NDArray[np.float64]
Counts = npt.NDArray[np.uint8]
Bools = npt.NDArray[np.bool_]
_Item = TypeVar("_Item", bound=np.generic)

# Bead shapes (source sentences, target sentences). Translators split and merge sentences
# (French splits German sentences at ";"): a side may hold up to MAX_SIDE sentences and a bead
# up to MAX_BEAD in all. 0-1 beads are searched apart (see search._banded). On equal cost the
# earlier shape wins, which keeps the result deterministic and prefers the plainest reading.
MAX_SIDE = 5
MAX_BEAD = 6
SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 0),
    *sorted(
        (
            (a, b)
            for a in range(1, MAX_SIDE + 1)
            for b in range(1, MAX_SIDE + 1)
            if a + b <= MAX_BEAD and (a, b) != (1, 1)
        ),
        key=lambda s: (s[0] + s[1], s[0] != s[1], s[1], s[0]),
    ),
)

# A merge or split pays the merge cost (MERGE_COST, see __init__.py) plus SIZE_COST for every
# sentence beyond the third, so that large beads need the length and the anchors to agree.
SIZE_COST = 2.4

# Leaving a sentence unaligned: each pays SKIP_COST plus the anchors it carries.
SKIP_COST = 5.5
# A skipped sentence's anchors are charged at this share: a merge that leaves them unmatched
# must cost more than saying the sentence was dropped.
SKIP_ANCHOR_SHARE = 0.5

# Variance of target characters per source character: Gale and Church measured 6.8 on
# parliamentary proceedings; 9 fits OCR'd and freely translated text better (Text+Berg dev).
LENGTH_VARIANCE = 9.0

# Costs of one anchor present on one side of a bead and absent from the other. Charging for
# what does not match (rather than rewarding what does) keeps long beads from buying anchors.
STRONG_WEIGHT = 1.0  # numbers, dates, links
NAME_WEIGHT = 0.5  # names, CLDR names, weekdays, quotation marks
COGNATE_WEIGHT = 0.35  # words of four letters or more that both versions share
PARAGRAPH_BREAK_WEIGHT = 1.5  # per paragraph break inside one side of a bead

# Confidence: the bead cost (without the shape's prior) at which a bead is a coin toss, and
# how much each shared anchor moves that point.
CONFIDENCE_MIDPOINT = 4.0
CONFIDENCE_PER_ANCHOR = 0.5
UNSUPPORTED_COST = 4.0
LOW_CONFIDENCE = 0.5


# Bead sides: for k sentences starting at i, the summed length, the OR of the masks and the
# paragraph breaks inside. Row k of each array; column i; columns past the end are unused.


@dataclass(frozen=True, slots=True)
class _Windows:
    length: Ints
    strong: Masks
    names: Masks
    cognates: Masks
    breaks: Ints


def _windows(side: _Side) -> _Windows:
    n = side.count
    size = n + 1
    length = np.zeros((MAX_SIDE + 1, size), dtype=np.int64)
    breaks = np.zeros((MAX_SIDE + 1, size), dtype=np.int64)
    cumulative = np.concatenate(([0], np.cumsum(side.length)))
    paragraph = np.concatenate((side.paragraph, side.paragraph[-1:] if n else [0]))
    for k in range(1, MAX_SIDE + 1):
        last = n - k + 1
        if last <= 0:
            break
        length[k, :last] = cumulative[k : k + last] - cumulative[:last]
        breaks[k, :last] = paragraph[k - 1 : k - 1 + last] - paragraph[:last]
    return _Windows(
        length,
        _mask_windows(side.strong),
        _mask_windows(side.names),
        _mask_windows(side.cognates),
        breaks,
    )


def _mask_windows(values: Masks) -> Masks:
    """The OR of the masks of k sentences starting at i: row k, column i."""
    n = len(values)
    window = np.zeros((MAX_SIDE + 1, n + 1), dtype=np.uint64)
    for k in range(1, min(MAX_SIDE, n) + 1):
        last = n - k + 1
        window[k, :last] = window[k - 1, :last] | values[k - 1 : k - 1 + last]
    return window


def _anchor_cost(strong: Masks, names: Masks, cognates: Masks) -> Floats:
    """The cost of the anchors in masks of what one side has and the other lacks."""
    return _weighted_anchors(
        np.bitwise_count(strong), np.bitwise_count(names), np.bitwise_count(cognates)
    )


def _weighted_anchors(strong: Counts, names: Counts, cognates: Counts) -> Floats:
    """The cost of the anchors that one side has and the other lacks, given how many."""
    cost = np.multiply(strong, STRONG_WEIGHT, dtype=np.float64)
    cost += NAME_WEIGHT * names
    cost += COGNATE_WEIGHT * cognates
    return cost


def _length_cost(source: Floats, target: Floats, ratio: float) -> Floats:
    """Gale and Church: -log P(a length difference this large | the sentences match)."""
    return _scaled_length_cost(source, target, source * ratio, target / ratio)


def _scaled_length_cost(
    source: Floats, target: Floats, source_scaled: Floats, target_scaled: Floats
) -> Floats:
    """_length_cost given source * ratio and target / ratio: the search computes them once per
    window rather than once per cell. Arrays are combined in place, with the same arithmetic."""
    mean = source + target_scaled
    mean /= 2
    np.maximum(mean, 1.0, out=mean)
    mean *= LENGTH_VARIANCE
    x = target - source_scaled
    np.abs(x, out=x)
    x /= np.sqrt(mean, out=mean)
    # -log erfc(x / sqrt 2), read off a table with linear interpolation (the exact function
    # costs ten times more); past its end, the asymptote x^2/2 + log(x sqrt(pi/2)) is within 0.01.
    position = x * _TAIL_STEPS
    position /= _TAIL_END
    np.minimum(position, _TAIL_STEPS, out=position)
    index = position.astype(np.int64)
    position -= index  # the fraction of the step
    cost: Floats = _TAIL_SLOPE.take(index)
    cost *= position
    cost += _TAIL_COST.take(index)
    if x.max(initial=0.0) > _TAIL_END:
        far = x > _TAIL_END
        cost[far] = x[far] ** 2 / 2 + np.log(x[far] * math.sqrt(math.pi / 2))
    return cost


def _tail_table() -> tuple[Floats, Floats]:
    xs = np.linspace(0.0, _TAIL_END, _TAIL_STEPS + 1)
    costs = np.array([-math.log(math.erfc(x / math.sqrt(2))) for x in xs])
    return costs, np.append(np.diff(costs), 0.0)


_TAIL_END = 12.0
_TAIL_STEPS = 1200
_TAIL_COST, _TAIL_SLOPE = _tail_table()


def _shape_cost(di: int, dj: int, merge: float) -> float:
    if di == dj == 1:
        return 0.0
    if not di or not dj:
        return SKIP_COST
    return merge + SIZE_COST * max(0, di + dj - 3)


_SHAPE_DI = np.array([di for di, _ in SHAPES], dtype=np.int64)
_SHAPE_DJ = np.array([dj for _, dj in SHAPES], dtype=np.int64)
_DELETION = SHAPES.index((1, 0))  # the one shape that links nothing


@dataclass(frozen=True, slots=True)
class _Flat:
    """One side's windows as flat arrays for take(): window k at sentence i is at
    k * stride + pad + i. `pad` columns on either side let the search read windows a little
    off either end without clipping the positions (see _costs for why those reads do not
    count)."""

    stride: int
    pad: int
    length: Floats
    scaled: Floats  # the length times the ratio (source) or divided by it (target)
    masks: Masks  # strong, names, cognates: one row each, so that one take() reads all three
    breaks: Floats | None  # PARAGRAPH_BREAK_WEIGHT per paragraph break; None if there are none


def _flat(windows: _Windows, scaled: Floats, pad: int) -> _Flat:
    def padded(values: npt.NDArray[_Item]) -> npt.NDArray[_Item]:
        rows, size = values.shape
        out = np.zeros((rows, pad + size + pad), dtype=values.dtype)
        out[:, pad : pad + size] = values
        return out.ravel()

    breaks = (PARAGRAPH_BREAK_WEIGHT * windows.breaks).astype(np.float64, copy=False)
    return _Flat(
        pad + windows.length.shape[1] + pad,
        pad,
        padded(windows.length.astype(np.float64)),
        padded(scaled),
        np.stack([padded(m) for m in (windows.strong, windows.names, windows.cognates)]),
        padded(breaks) if breaks.any() else None,
    )


def _costs(
    src: _Flat,
    tgt: _Flat,
    shape_costs: Floats,
    s_at: Ints,
    t_at: Ints,
    outside: Bools,
    meaning: tuple[embed.FlatVectors, embed.FlatVectors] | None = None,
) -> Floats:
    """Bead costs, [row, shape, column], of the beads whose source windows are at `s_at`
    [row, shape] and target windows at `t_at` [row, shape, column] in the flat arrays; inf in
    the columns past either end of the target (`outside`, [row, column]). A bead that would
    start before the first sentence of either side gets a cost from padding: the search reads
    inf for the cell it would come from, so that cost never counts."""
    # [kind, row, shape, column]
    counts = np.bitwise_count(
        src.masks.take(s_at, axis=1)[..., None] ^ tgt.masks.take(t_at, axis=1)
    )
    cost = _weighted_anchors(counts[0], counts[1], counts[2])
    deleted = SKIP_ANCHOR_SHARE * cost[:, _DELETION]
    cost += _scaled_length_cost(
        src.length.take(s_at)[:, :, None],
        tgt.length.take(t_at),
        src.scaled.take(s_at)[:, :, None],
        tgt.scaled.take(t_at),
    )
    cost[:, _DELETION] = deleted
    cost += shape_costs[:, None]
    if src.breaks is not None or tgt.breaks is not None:
        # Whole multiples of PARAGRAPH_BREAK_WEIGHT: their sum is exact, as if the breaks were
        # summed first.
        cost += (src.breaks.take(s_at)[:, :, None] if src.breaks is not None else 0.0) + (
            tgt.breaks.take(t_at) if tgt.breaks is not None else 0.0
        )
    if meaning is not None:
        cost += embed.bead_costs(meaning[0], meaning[1], s_at, t_at)
    if outside.any():
        cost += np.where(outside, np.inf, 0.0)[:, None, :]
    return cost


# Beads and their confidence.


def _beads(
    windows: tuple[_Windows, _Windows], ratio: float, path: list[tuple[int, int, int, int]]
) -> tuple[Bead, ...]:
    """The path as beads, each scored by how well its two sides fit."""
    src, tgt = windows
    steps = np.array(path, dtype=np.int64).reshape(-1, 4)
    i, j, di, dj = steps[:, 0], steps[:, 1], steps[:, 2], steps[:, 3]
    s_masks = [x[di, i] for x in (src.strong, src.names, src.cognates)]
    t_masks = [x[dj, j] for x in (tgt.strong, tgt.names, tgt.cognates)]
    cost = _anchor_cost(*(a ^ b for a, b in zip(s_masks, t_masks, strict=True)))
    linked = (di > 0) & (dj > 0)
    fit = _length_cost(
        src.length[di, i].astype(np.float64), tgt.length[dj, j].astype(np.float64), ratio
    )
    fit += PARAGRAPH_BREAK_WEIGHT * (src.breaks[di, i] + tgt.breaks[dj, j])
    # How well the sentences fit, not how common the shape is: a clean 2-1 bead is as sure
    # as a clean 1-1 bead. Nothing supports a skip but the cost of every alternative.
    cost += np.where(linked, fit, SKIP_COST)
    support = sum(
        np.bitwise_count(a & b).astype(np.float64) for a, b in zip(s_masks, t_masks, strict=True)
    )
    support = np.where(linked, support, 0.0)
    # Lengths alone fit many wrong pairs: a linked bead that shares no anchor is a guess.
    cost += np.where(linked & (support == 0), UNSUPPORTED_COST, 0.0)
    scores = 1.0 / (1.0 + np.exp(cost - CONFIDENCE_MIDPOINT - CONFIDENCE_PER_ANCHOR * support))
    return tuple(
        Bead(tuple(range(a, a + b)), tuple(range(c, c + d)), float(score))
        for (a, c, b, d), score in zip(path, scores.tolist(), strict=True)
    )
