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
import threading
from dataclasses import dataclass
from typing import Any, TypeVar

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
# paragraph breaks inside. Row k of each array; column pad + i; the `pad` columns on either
# side of the sentences and those past the end are 0.


@dataclass(frozen=True, slots=True)
class _Windows:
    """One side's bead sides. The padding lets the search read windows a little off either end
    without clipping the positions (see _costs for why those reads do not count)."""

    pad: int
    length: Ints  # [k, column]
    masks: Masks  # [kind, k, column]: strong, names, cognates (the kinds of _Side.masks)
    breaks: Ints  # [k, column]


def _windows(side: _Side, pad: int) -> _Windows:
    n = side.count
    # Window k at sentence i ends at sentence i + k: read the cumulative length there, and the
    # paragraph of its last sentence (i + k - 1, or i for k = 0), where i + k <= n.
    starts = np.arange(n + 1, dtype=np.int64)
    sizes = np.arange(MAX_SIDE + 1, dtype=np.int64)[:, None]
    ends = np.minimum(starts + sizes, n)
    cumulative = np.concatenate(([0], side.length.cumsum()))
    paragraph = np.concatenate((side.paragraph, side.paragraph[-1:] if n else [0]))
    last = np.minimum(starts + np.maximum(sizes - 1, 0), n)
    # Length and breaks, one row each, padded in one step.
    windows = np.zeros((2, MAX_SIDE + 1, pad + n + 1 + pad), dtype=np.int64)
    sentences = windows[:, :, pad : pad + n + 1]
    np.subtract(cumulative[ends], cumulative[starts], out=sentences[0])
    np.subtract(paragraph[last], paragraph[starts], out=sentences[1])
    sentences[:, starts + sizes > n] = 0  # past the end
    return _Windows(pad, windows[0], _mask_windows(side.masks, pad), windows[1])


def _mask_windows(values: Masks, pad: int) -> Masks:
    """The OR of the masks of k sentences starting at i: [kind, k, pad + i], from [kind, i]."""
    kinds, n = values.shape
    window = np.zeros((kinds, MAX_SIDE + 1, pad + n + 1 + pad), dtype=np.uint64)
    for k in range(1, min(MAX_SIDE, n) + 1):
        last = n - k + 1
        np.bitwise_or(
            window[:, k - 1, pad : pad + last],
            values[:, k - 1 : k - 1 + last],
            out=window[:, k, pad : pad + last],
        )
    return window


def _repadded(windows: _Windows, pad: int) -> _Windows:
    """`windows` with `pad` columns of padding on either side."""
    extra = pad - windows.pad

    def padded(values: npt.NDArray[_Item]) -> npt.NDArray[_Item]:
        return np.pad(values, [(0, 0)] * (values.ndim - 1) + [(extra, extra)])

    return _Windows(pad, padded(windows.length), padded(windows.masks), padded(windows.breaks))


def _anchor_cost(masks: Masks) -> Floats:
    """The cost of the anchors in masks [kind, ...] of what one side has and the other lacks."""
    counts = np.bitwise_count(masks)
    return _weighted_anchors(counts[0], counts[1], counts[2])


def _weighted_anchors(
    strong: Counts, names: Counts, cognates: Counts, work: _Work | None = None
) -> Floats:
    """The cost of the anchors that one side has and the other lacks, given how many; in
    work.cost if given."""
    cost: Floats = np.multiply(
        strong, STRONG_WEIGHT, dtype=np.float64, out=None if work is None else work.cost
    )
    part = np.multiply(
        names, NAME_WEIGHT, dtype=np.float64, out=None if work is None else work.temps[0]
    )
    cost += part
    cost += np.multiply(cognates, COGNATE_WEIGHT, out=part)
    return cost


def _length_cost(source: Floats, target: Floats, ratio: float) -> Floats:
    """Gale and Church: -log P(a length difference this large | the sentences match)."""
    return _scaled_length_cost(source, target.copy(), source * ratio, target / ratio)


def _scaled_length_cost(
    source: Floats,
    target: Floats,
    source_scaled: Floats,
    target_scaled: Floats,
    work: _Work | None = None,
) -> Floats:
    """_length_cost given source * ratio and target / ratio: the search computes them once per
    window rather than once per cell. Arrays are combined in place, with the same arithmetic:
    in `target` and `target_scaled`, which this overwrites, and in work.temps[2] and work.index
    if given (the result in work.temps[2]): few arrays, so that a chunk of the band's cells
    stays in the processor's cache."""
    shape = np.broadcast_shapes(source.shape, target.shape)
    mean = np.empty(shape) if work is None else work.temps[2]
    index = np.empty(shape, dtype=np.int64) if work is None else work.index
    # The variance times the mean length, at least 1: max(mean / 2, 1) * LENGTH_VARIANCE. Halving
    # is exact, so mean * (LENGTH_VARIANCE / 2) rounds to the same number in one step less.
    np.add(source, target_scaled, out=mean)
    mean *= LENGTH_VARIANCE / 2
    # Against an array of LENGTH_VARIANCE, maximum is four times quicker than against the number.
    np.maximum(mean, LENGTH_VARIANCE if work is None else work.variance, out=mean)
    x = np.subtract(target, source_scaled, out=target)
    np.abs(x, out=x)
    x /= np.sqrt(mean, out=mean)
    # -log erfc(x / sqrt 2), read off a table with linear interpolation (the exact function
    # costs ten times more); past its end, the asymptote x^2/2 + log(x sqrt(pi/2)) is within 0.01.
    position = np.multiply(x, _TAIL_STEPS, out=target_scaled)
    position /= _TAIL_END
    step = np.floor(position, out=mean)
    np.copyto(index, step, casting="unsafe")
    position -= step  # the fraction of the step: quicker than less the int index, and the same
    # Past the table's end (x > _TAIL_END), take() clips the index; the asymptote replaces
    # those cells' costs below.
    cost: Floats = _TAIL_SLOPE.take(index, out=mean, mode="clip")
    cost *= position
    cost += _TAIL_COST.take(index, out=position, mode="clip")
    if x.max(initial=0.0) > _TAIL_END:
        # Few cells: by their positions, quicker than by a mask of all cells.
        far = np.flatnonzero(x > _TAIL_END)
        x_far = x.reshape(-1).take(far)
        cost.reshape(-1)[far] = x_far**2 / 2 + np.log(x_far * math.sqrt(math.pi / 2))
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
    masks: Masks  # strong, names, cognates: one row each
    breaks: Floats | None  # PARAGRAPH_BREAK_WEIGHT per paragraph break; None if there are none


def _flat(windows: _Windows, scaled: Floats, *, sentences: int | None = None) -> _Flat:
    """`scaled`: the windows' lengths times the ratio (source) or divided by it (target).
    `sentences`: the target's count, if this is the target: a bead that ends before its first
    sentence or after its last (in a column of the band off either end) must cost inf, and its
    breaks say so: a cell less to add for each bead than a mask of those columns (_costs)."""
    stride = windows.length.shape[1]
    breaks = (PARAGRAPH_BREAK_WEIGHT * windows.breaks.ravel()).astype(np.float64, copy=False)
    if sentences is not None:
        # Where each window ends: its size and its first sentence, pad columns in.
        ends = np.arange(MAX_SIDE + 1)[:, None] + np.arange(-windows.pad, stride - windows.pad)
        breaks.reshape(ends.shape)[(ends < 0) | (ends > sentences)] = np.inf
    return _Flat(
        stride,
        windows.pad,
        windows.length.ravel().astype(np.float64),
        scaled.ravel(),
        windows.masks.reshape(len(windows.masks), -1),
        breaks if breaks.any() else None,
    )


@dataclass(frozen=True, slots=True)
class _Work:
    """The arrays _costs fills for a chunk of rows of the band (in _SCRATCH's memory)."""

    at: Ints  # [row, shape, column]: the target window of each cell
    masks: Masks  # [kind, row, shape, column]
    # [3, row, shape, column]: masks' memory, free once the masks are counted, for the arithmetic
    temps: Floats
    counts: Counts  # [kind, row, shape, column]
    cost: Floats  # [row, shape, column]: the result
    # The length cost's steps of its table; then, for the search, where each cell's bead starts
    # (once the costs are computed, in the same memory)
    index: Ints
    reads: Ints
    variance: Floats  # LENGTH_VARIANCE in every cell, for _scaled_length_cost


class _Scratch(threading.local):
    """Per thread, the memory of the _Work arrays, kept from chunk to chunk and search to
    search, grown as needed. Allocated and freed chunk after chunk, arrays this large make the
    C allocator give memory back to the system and fault it in again (up to ten times the page
    faults on Text+Berg, and a third more time); allocated once per search, they fault in again
    at every search (about twice the time of a short story's search)."""

    def __init__(self) -> None:
        self.arrays: dict[str, npt.NDArray[Any]] = {}
        self.work: _Work | None = None  # the last, for chunks of the same size

    def get(self, name: str, shape: tuple[int, ...], dtype: type[_Item]) -> npt.NDArray[_Item]:
        """An array of this shape and type, its values left over from before."""
        size = math.prod(shape)
        array = self.arrays.get(name)
        if array is None or array.size < size:
            array = self.arrays[name] = np.empty(size, dtype=dtype)
        found: npt.NDArray[_Item] = array[:size].reshape(shape)
        return found

    def filled(self, name: str, shape: tuple[int, ...], value: float) -> Floats:
        """An array of this shape holding `value` in every cell (filled once, when allocated)."""
        size = math.prod(shape)
        array = self.arrays.get(name)
        if array is None or array.size < size:
            array = self.arrays[name] = np.full(size, value)
        found: Floats = array[:size].reshape(shape)
        return found


_SCRATCH = _Scratch()


def _work(rows: int, width: int) -> _Work:
    cells = (rows, len(SHAPES), width)
    last = _SCRATCH.work
    if last is not None and last.cost.shape == cells:
        return last
    kinds = (3, *cells)
    get = _SCRATCH.get
    masks = get("masks", kinds, np.uint64)
    index = get("index", cells, np.int64)
    work = _SCRATCH.work = _Work(
        at=get("at", cells, np.int64),
        masks=masks,
        temps=masks.view(np.float64),
        counts=get("counts", kinds, np.uint8),
        cost=get("cost", cells, np.float64),
        index=index,
        reads=index,
        variance=_SCRATCH.filled("variance", cells, LENGTH_VARIANCE),
    )
    return work


def _costs(
    src: _Flat,
    tgt: _Flat,
    shape_costs: Floats,
    s_at: Ints,
    t_lo: Ints,
    t_cells: Ints,
    work: _Work,
    meaning: tuple[embed.FlatVectors, embed.FlatVectors] | None = None,
) -> Floats:
    """Bead costs, [row, shape, column] (in work.cost), of the beads whose source windows are at
    `s_at` [row, shape] in the flat arrays and whose target windows are at `t_lo` [row] +
    `t_cells` [shape, column]; inf in the columns past either end of the target (by the
    target's breaks, see _flat). A bead that would start before the first sentence of either
    side gets a cost from padding: the search reads inf for the cell it would come from, so
    that cost never counts. The positions are in the arrays: take(mode="wrap") never wraps (the
    quickest mode of take into an array)."""
    # Added along whole rows (rather than t_lo + t_cells[:, 0] along the columns): three times
    # quicker.
    at = np.add(t_lo[:, None, None], t_cells, out=work.at)
    # [kind, row, shape, column]: the anchors one side has and the other lacks
    differ = work.masks
    for masks, kind in zip(tgt.masks, differ, strict=True):
        masks.take(at, out=kind, mode="wrap")
    differ ^= src.masks.take(s_at, axis=1)[..., None]
    counts = np.bitwise_count(differ, out=work.counts)
    cost = _weighted_anchors(counts[0], counts[1], counts[2], work)
    deleted = SKIP_ANCHOR_SHARE * cost[:, _DELETION]
    cost += _scaled_length_cost(
        src.length.take(s_at)[..., None],
        tgt.length.take(at, out=work.temps[0], mode="wrap"),
        src.scaled.take(s_at)[..., None],
        tgt.scaled.take(at, out=work.temps[1], mode="wrap"),
        work,
    )
    cost[:, _DELETION] = deleted
    cost += shape_costs[:, None]
    # Whole multiples of PARAGRAPH_BREAK_WEIGHT: their sum is exact, as if the breaks were
    # summed first.
    if tgt.breaks is not None:
        breaks = tgt.breaks.take(at, out=work.temps[0], mode="wrap")
        if src.breaks is not None:
            breaks += src.breaks.take(s_at)[:, :, None]
        cost += breaks
    elif src.breaks is not None:
        cost += src.breaks.take(s_at)[:, :, None]
    if meaning is not None:
        cost += embed.bead_costs(meaning[0], meaning[1], s_at, at)
    return cost


# Beads and their confidence.


def _beads(
    windows: tuple[_Windows, _Windows], ratio: float, path: list[tuple[int, int, int, int]]
) -> tuple[Bead, ...]:
    """The path as beads, each scored by how well its two sides fit."""
    src, tgt = windows
    steps = np.array(path, dtype=np.int64).reshape(-1, 4)
    i, j, di, dj = steps[:, 0], steps[:, 1], steps[:, 2], steps[:, 3]
    s_at, t_at = src.pad + i, tgt.pad + j  # the columns of the beads' sides
    s_masks = src.masks[:, di, s_at]  # [kind, bead]
    t_masks = tgt.masks[:, dj, t_at]
    cost = _anchor_cost(s_masks ^ t_masks)
    linked = (di > 0) & (dj > 0)
    fit = _length_cost(
        src.length[di, s_at].astype(np.float64), tgt.length[dj, t_at].astype(np.float64), ratio
    )
    fit += PARAGRAPH_BREAK_WEIGHT * (src.breaks[di, s_at] + tgt.breaks[dj, t_at])
    # How well the sentences fit, not how common the shape is: a clean 2-1 bead is as sure
    # as a clean 1-1 bead. Nothing supports a skip but the cost of every alternative.
    cost += np.where(linked, fit, SKIP_COST)
    shared = np.bitwise_count(s_masks & t_masks)
    support = (shared[0] + 0.0) + shared[1] + shared[2]
    support = np.where(linked, support, 0.0)
    # Lengths alone fit many wrong pairs: a linked bead that shares no anchor is a guess.
    cost += np.where(linked & (support == 0), UNSUPPORTED_COST, 0.0)
    scores = 1.0 / (1.0 + np.exp(cost - CONFIDENCE_MIDPOINT - CONFIDENCE_PER_ANCHOR * support))
    # Each side's sentence indexes, sliced for each bead (quicker than a tuple of a range).
    sources = tuple(range(src.length.shape[1] - 2 * src.pad - 1))
    targets = tuple(range(tgt.length.shape[1] - 2 * tgt.pad - 1))
    return tuple(
        Bead(sources[a : a + b], targets[c : c + d], score)
        for (a, c, b, d), score in zip(path, scores.tolist(), strict=True)
    )
