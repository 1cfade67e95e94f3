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
    _repadded,
    _shape_cost,
    _Windows,
    _work,
)
from reconcile.align.features import Ints

INSERTION = len(SHAPES)  # the move code of a 0-1 bead

# Each further target sentence in a run of unaligned ones (untranslated captions, a credit
# block), after the first pays SKIP_COST.
RUN_COST = 1.5

# Cells of the band whose bead costs are computed at once: bounds the memory, and keeps the
# arrays (about 50 bytes a cell, see costs._Work) small enough to stay in the processor's cache,
# yet few chunks: each costs some fifty numpy calls, and a story of 800 words fits in one.
CHUNK_CELLS = 25_000


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
    """The cheapest path of beads, as (source start, target start, source size, target size).
    `windows`: the target's padded by half + MAX_SIDE at least, so that the band reads in it."""
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
        if half + MAX_SIDE > windows[1].pad:
            windows = (windows[0], _repadded(windows[1], half + MAX_SIDE))
            scaled = (scaled[0], (windows[1].length / ratio).astype(np.float64, copy=False))


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
    earlier = np.maximum(rows_all[:, None] - _SHAPE_DI[None, :], 0)
    shift = lo[:, None] - lo[earlier] - _SHAPE_DJ[None, :]  # column offset into the earlier row
    # Chunks of about CHUNK_CELLS cells, of equal size: a short story's band is one or two
    # chunks, with no small one left over to pay the numpy calls of a chunk for a few rows.
    chunks = max(1, round((n + 1) * len(SHAPES) * width / CHUNK_CELLS))
    chunk = -(-(n + 1) // chunks)
    # The costs D of a chunk's rows, after those of the MAX_SIDE rows before it, each row padded
    # with inf on both sides so that every shifted read lands in the buffer. The chunk's rows
    # are written in place (found, below); a row before the first is never written: it reads
    # inf.
    pad_left = MAX_SIDE
    stride = pad_left + width + int(shift.max(initial=0)) + 1
    buffer = np.full((MAX_SIDE + chunk, stride), np.inf)
    # Where each shape's bead reads the cell it comes from, for the first row of a chunk; a row
    # further down reads `stride` further.
    read_base = (MAX_SIDE - _SHAPE_DI) * stride + pad_left + shift
    chunk_rows = np.arange(chunk, dtype=np.int64)[:, None] * stride
    columns = np.arange(width, dtype=np.int64)
    # One move code per cell, in one int8 array: memory linear in the length.
    moves = np.zeros((n + 1, width), dtype=np.int8)
    tgt_windows = windows[1]
    pad = tgt_windows.pad
    skip = RUN_COST + SKIP_ANCHOR_SHARE * _anchor_cost(tgt_windows.masks[:, 1, pad : pad + m + 1])
    skip[m] = 0.0
    # Cost of skipping target sentences 0 .. j-1, padded for columns off either end.
    running_padded = np.zeros(width + m + 1 + width)
    running = running_padded[width : width + m + 1]
    skip[:m].cumsum(out=running[1:])
    running_padded[width + m + 1 :] = running[-1]
    shape_costs = np.array([_shape_cost(di, dj, merge) for di, dj in SHAPES])
    # Columns run from -half to m + half: the windows' padding, of that and a bead's size, keeps
    # every window read in its array.
    src = _flat(windows[0], scaled[0])
    tgt = _flat(tgt_windows, scaled[1], sentences=m)
    # The embeddings' bead sides, in the same flat layout.
    flat_meaning = None if meaning is None else (meaning[0].flat(src.pad), meaning[1].flat(tgt.pad))
    src_base = _SHAPE_DI * (src.stride - 1) + src.pad  # + row: the shape's source window
    tgt_base = _SHAPE_DJ * (tgt.stride - 1) + tgt.pad  # + lo[row]: the shape's first target
    tgt_cells = tgt_base[:, None] + columns  # + lo[row]: the target of each shape and column
    # Per row, V - run, and its running minimum before each column (inf before the first).
    scratch = np.empty(width)
    came_from = np.empty((len(SHAPES), width))  # D of the cell each shape's bead comes from
    before = np.full(width + 1, np.inf)
    before_head, before_tail = before[:-1], before[1:]
    for start in range(0, n + 1, chunk):
        stop = min(start + chunk, n + 1)
        size = stop - start
        rows, chunk_lo = rows_all[start:stop], lo[start:stop]
        work = _work(size, width)
        # What does not depend on the rows before is computed for the whole chunk, so that the
        # loop over its rows makes few numpy calls.
        j = chunk_lo[:, None] + columns
        outside = (j < 0) | (j > m)
        costs = _costs(
            src,
            tgt,
            shape_costs,
            rows[:, None] + src_base,
            chunk_lo,
            tgt_cells,
            work,
            flat_meaning,
        )
        # The buffer positions of the cells each shape's bead comes from.
        first_reads = read_base[start:stop] + chunk_rows[:size]
        reads = np.add(first_reads[:, :, None], columns, out=work.reads)
        run = running_padded[j + width]
        # 0-1 beads chain along the row: D[j] = min(V[j], D[j-1] + skip[j-1]), in closed form.
        # A run of them pays SKIP_COST once and RUN_COST for each further sentence:
        # D[j] = min(V[j], min over k < j of V[k] + SKIP_COST + run cost of k .. j-1).
        # Columns off either end get inf here, where V is inf too.
        chained = run + (SKIP_COST - RUN_COST)
        chained[outside] = np.inf
        values = np.empty((size, width))  # V: the cheapest bead into each cell
        found = buffer[MAX_SIDE : MAX_SIDE + size, pad_left : pad_left + width]  # D
        for i, candidates, value, row, read, run_row, chained_row in zip(
            range(start, stop), costs, values, found, reads, run, chained, strict=True
        ):
            if i:
                # The reads lie in the buffer: "wrap" never wraps (the quickest mode of take).
                candidates += buffer.take(read, out=came_from, mode="wrap")
                np.minimum.reduce(candidates, axis=0, out=value)
            else:
                candidates.fill(np.inf)  # its move codes are 0, as for a column with no bead
                value.fill(np.inf)
                if 0 <= -lo[0] < width:
                    value[-lo[0]] = 0.0
            np.subtract(value, run_row, out=scratch)
            np.minimum.accumulate(scratch, out=before_tail)
            np.add(before_head, chained_row, out=row)  # inf in the first column: no 0-1 bead
            np.minimum(row, value, out=row)
        # `costs` now holds each cell's candidates: the first cheapest shape is its move.
        moves[start:stop] = np.where(found < values - 1e-9, INSERTION, costs.argmin(axis=1))
        if buffer[size - 1 : size + MAX_SIDE].min() == np.inf:
            # No path reaches the last MAX_SIDE + 1 rows, so none can reach the end: the band is
            # too narrow (a long run of added sentences), and the caller widens it.
            return None
        buffer[:MAX_SIDE] = buffer[size : size + MAX_SIDE]  # the next chunk's rows before
    end = m - lo[n]
    if not 0 <= end < width or not np.isfinite(buffer[MAX_SIDE - 1, pad_left + end]):
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
