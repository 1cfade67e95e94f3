"""The search: the cheapest path of beads, by dynamic programming over a band of cells.

Cell (i, j) stands for the first i source and j target sentences aligned; a bead of shape
(di, dj) leads into it from cell (i - di, j - dj). Only a band of cells is searched: per row,
2 * half + 1 columns around a centre line: for the first search, a line through anchors found
once in each version (_centre); for the second, the first search's path. Bead costs come a
chunk of rows at a time (costs._costs); runs of 0-1 beads chain along a row in closed form. If
no path reaches the end, the band is widened and searched again.
"""

from __future__ import annotations

import bisect

import numpy as np

from reconcile import embed
from reconcile.align.costs import (
    _SHAPE_DI,
    _SHAPE_DJ,
    MAX_SIDE,
    SHAPES,
    SKIP_ANCHOR_SHARE,
    SKIP_COST,
    Floats,
    _anchor_cost,
    _costs,
    _flat,
    _shape_cost,
    _Windows,
)
from reconcile.align.features import Ints

INSERTION = len(SHAPES)  # the move code of a 0-1 bead

# Each further target sentence in a run of unaligned ones (untranslated captions, a credit
# block), after the first pays SKIP_COST.
RUN_COST = 1.5

# Cells of the band whose bead costs are computed at once: bounds the memory, and keeps the
# arrays small enough to stay in the processor's cache.
CHUNK_CELLS = 12_000


def _search(
    windows: tuple[_Windows, _Windows],
    n: int,
    m: int,
    ratio: float,
    merge: float,
    centre: Ints,
    half: int,
    meaning: tuple[embed.WindowVectors, embed.WindowVectors] | None = None,
) -> list[tuple[int, int, int, int]]:
    """The cheapest path of beads, as (source start, target start, source size, target size)."""
    # The length cost's ratio terms, once per window.
    scaled = (
        (windows[0].length * ratio).astype(np.float64, copy=False),
        (windows[1].length / ratio).astype(np.float64, copy=False),
    )
    while True:
        path = _banded(windows, scaled, merge, n, m, centre, half, meaning)
        if path is not None:
            return path
        half *= 2  # the centre line strayed too far for the band to reach the end


def _banded(
    windows: tuple[_Windows, _Windows],
    scaled: tuple[Floats, Floats],
    merge: float,
    n: int,
    m: int,
    centre: Ints,
    half: int,
    meaning: tuple[embed.WindowVectors, embed.WindowVectors] | None = None,
) -> list[tuple[int, int, int, int]] | None:
    # Row i holds columns lo[i] .. lo[i] + width - 1 (target sentences consumed), lo rising.
    width = 2 * half + 1
    lo = centre - half
    rows_all = np.arange(n + 1, dtype=np.int64)
    previous = np.clip(rows_all[:, None] - _SHAPE_DI[None, :], 0, None)
    shift = lo[:, None] - lo[previous] - _SHAPE_DJ[None, :]  # column offset into the earlier row
    # Only the last MAX_SIDE + 1 rows of costs are kept, each padded with inf on both sides so
    # that every shifted read lands in the buffer. A row before the first is never written: it
    # reads inf.
    slots = MAX_SIDE + 1
    pad_left = MAX_SIDE
    stride = pad_left + width + int(shift.max(initial=0)) + 1
    buffer = np.full(slots * stride, np.inf)
    slot = (rows_all[:, None] - _SHAPE_DI[None, :]) % slots
    offsets = slot * stride + pad_left + shift
    columns = np.arange(width, dtype=np.int64)
    # One move code per cell, in one int8 array: memory linear in the length.
    moves = np.zeros((n + 1, width), dtype=np.int8)
    tgt_windows = windows[1]
    skip = RUN_COST + SKIP_ANCHOR_SHARE * _anchor_cost(
        tgt_windows.strong[1], tgt_windows.names[1], tgt_windows.cognates[1]
    )
    skip[m] = 0.0
    # Cost of skipping target sentences 0 .. j-1, padded for columns off either end.
    running = np.concatenate((np.zeros(1), np.cumsum(skip[:m])))
    running_padded = np.concatenate((np.zeros(width), running, np.full(width, running[-1])))
    shape_costs = np.array([_shape_cost(di, dj, merge) for di, dj in SHAPES])
    # Columns run from -half to m + half: padding both sides by that and a bead's size keeps
    # every window read in its array.
    src = _flat(windows[0], scaled[0], MAX_SIDE)
    tgt = _flat(tgt_windows, scaled[1], half + MAX_SIDE)
    # The embeddings' bead sides, in the same flat layout.
    flat_meaning = None if meaning is None else (meaning[0].flat(src.pad), meaning[1].flat(tgt.pad))
    src_base = _SHAPE_DI * (src.stride - 1) + src.pad  # + row: the shape's source window
    tgt_base = (_SHAPE_DJ * (tgt.stride - 1) + tgt.pad)[:, None] + columns  # + lo[row]
    chunk = max(1, CHUNK_CELLS // (len(SHAPES) * width))
    scratch = np.empty(width)
    scratch_head = scratch[:-1]
    slot_rows = [
        buffer[k * stride + pad_left : k * stride + pad_left + width] for k in range(slots)
    ]
    for chunk_start in range(0, n + 1, chunk):
        rows = rows_all[chunk_start : chunk_start + chunk]
        # What does not depend on the rows before is computed for the whole chunk, so that the
        # loop over its rows makes few numpy calls.
        j = lo[rows][:, None] + columns
        outside = (j < 0) | (j > m)
        costs = _costs(
            src,
            tgt,
            shape_costs,
            rows[:, None] + src_base,
            lo[rows][:, None, None] + tgt_base,
            outside,
            flat_meaning,
        )
        reads = offsets[rows][:, :, None] + columns  # buffer positions of each shape's cells
        run = running_padded[j + width]
        # 0-1 beads chain along the row: D[j] = min(V[j], D[j-1] + skip[j-1]), in closed form.
        # A run of them pays SKIP_COST once and RUN_COST for each further sentence:
        # D[j] = min(V[j], min over k < j of V[k] + SKIP_COST + run cost of k .. j-1).
        # Columns off either end get inf here, where V is inf too.
        chained = run + (SKIP_COST - RUN_COST)
        chained[outside] = np.inf
        values = np.empty((len(rows), width))  # V: the cheapest bead into each cell
        found = np.empty((len(rows), width))  # D
        found[:, 0] = np.inf  # no 0-1 bead leads into a row's first column
        for i, candidates, value, row, row_tail, read, run_row, chained_tail in zip(
            range(chunk_start, chunk_start + len(rows)),
            costs,
            values,
            found,
            found[:, 1:],
            reads,
            run,
            chained[:, 1:],
            strict=True,
        ):
            if i:
                candidates += buffer.take(read)
                np.minimum.reduce(candidates, axis=0, out=value)
            else:
                candidates.fill(np.inf)  # its move codes are 0, as for a column with no bead
                value.fill(np.inf)
                if 0 <= -lo[0] < width:
                    value[-lo[0]] = 0.0
            np.subtract(value, run_row, out=scratch)
            np.minimum.accumulate(scratch, out=scratch)
            np.add(scratch_head, chained_tail, out=row_tail)
            np.minimum(row, value, out=row)
            slot_rows[i % slots][:] = row
        # `costs` now holds each cell's candidates: the first cheapest shape is its move.
        moves[rows] = np.where(found < values - 1e-9, INSERTION, costs.argmin(axis=1))
        if buffer.min() == np.inf:
            # No path reaches the last MAX_SIDE + 1 rows, so none can reach the end: the band is
            # too narrow (a long run of added sentences), and the caller widens it.
            return None
    end = m - lo[n]
    if not 0 <= end < width or not np.isfinite(buffer[(n % slots) * stride + pad_left + end]):
        return None
    path: list[tuple[int, int, int, int]] = []
    codes, starts = moves.tobytes(), (lo - rows_all * width).tolist()  # plain ints: faster
    i, jj = n, m
    while i or jj:
        move = codes[jj - starts[i]]
        di, dj = (0, 1) if move == INSERTION else SHAPES[move]
        i, jj = i - di, jj - dj
        path.append((i, jj, di, dj))
    path.reverse()
    return path


def _centre(n: int, m: int, pairs: list[tuple[int, int]]) -> Ints:
    """For each row, the column the band is centred on: a line through the longest rising
    chain of anchors found once in each version, else the diagonal."""
    chain = _increasing(pairs)
    xs = [0.0] + [i + 0.5 for i, _ in chain] + [float(n)]
    ys = [0.0] + [j + 0.5 for _, j in chain] + [float(m)]
    centre = np.interp(np.arange(n + 1, dtype=np.float64), xs, ys)
    rounded: Ints = np.maximum.accumulate(np.rint(centre).astype(np.int64))
    rounded[-1] = m
    return rounded


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of pairs rising in both coordinates (pairs sorted by the first)."""
    tails: list[int] = []  # smallest second coordinate ending a chain of each length
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    last_i = -1
    for index, (i, j) in enumerate(pairs):
        if i == last_i:
            continue  # one anchor per row keeps the chain strictly rising
        last_i = i
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        parent[index] = tail_index[k - 1] if k else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]
