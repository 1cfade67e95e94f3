"""Sentence alignment of two versions of a story: a band search over beads scored by anchors.

`align` links the sentences of a translation to those of its source, both covered in order,
by beads: up to MAX_SIDE sentences of one version with up to MAX_SIDE of the other (MAX_BEAD
in all), or one sentence left unaligned. In the manner of Gale and Church and of hunalign:

1. Features (features.py): each sentence's length in characters, its paragraph, and three
   bitmasks of anchors: strong ones (numbers, dates, links), names (capitalised words, CLDR
   names, weekdays, quotation marks) and cognates (word prefixes both versions use about as
   often). The anchors found in exactly one sentence of each version set the band's centre.
2. Costs (costs.py): a bead pays the -log prior of its shape, the Gale and Church cost of its
   two lengths and a weight per anchor that one side has and the other lacks; with an
   Embedder, also how far apart the sentence encoder puts its sides (embed.py).
3. Search (search.py): the cheapest path of beads by dynamic programming over a band of cells
   around a line through the anchors, widened until a path reaches the end.
4. A second search, when the first path teaches something: its 1-1 beads give a fairer
   length ratio, its share of merges a merge cost for this story, and the words its 1-1 beads
   pair again and again a lexicon (features.py) that then counts as cognates. It keeps to a
   narrow band around the first path.
5. Confidence (costs.py): each bead of the path scored by how well its sides fit and how many
   anchors they share; the CLI marks a bead under LOW_CONFIDENCE as low.

The names with a leading underscore in the modules of this package are private to it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import numpy as np

from reconcile import embed
from reconcile.align.costs import (
    LOW_CONFIDENCE,
    MAX_BEAD,
    MAX_SIDE,
    _beads,
    _mask_windows,
    _Windows,
    _windows,
)
from reconcile.align.features import Masks, _features, _lexicon, _with_lexicon
from reconcile.align.search import _centre, _search
from reconcile.model import Alignment, Document

__all__ = ["LOW_CONFIDENCE", "MAX_BEAD", "MAX_SIDE", "align", "sentence_pairs"]

# The merge cost, the -log prior of a bead that merges or splits sentences (costs.py adds
# SIZE_COST per sentence beyond the third). News translations keep sentences whole (12 merges
# in 571 beads of the hunalign dtm set), so the first search charges MERGE_COST; other texts
# split and merge freely (a quarter of the Text+Berg beads), so the second search charges what
# the first one found, estimated with MERGE_PRIOR_BEADS beads' worth of the default rate: a
# short story keeps the default.
MERGE_COST = 4.5
MERGE_COST_MIN = 2.0
MERGE_OFFSET = 1.0
MERGE_PRIOR_BEADS = 60
MERGE_TOLERANCE = 0.5

# Realign with the ratio of the 1-1 beads when it differs from the first estimate by more
# than this (in log units: 0.05 is about 5 %).
RATIO_TOLERANCE = 0.05
RATIO_PRIOR_CHARS = 300  # characters' worth of a 1:1 ratio added to both sides

# The band: half-width around a centre line through anchors found in both versions.
BAND_MIN = 20
BAND_SHARE = 0.03
BAND_MAX = 100
REFINE_HALF = 12  # half-width of the second search's band, around the first search's path


def align(
    source: Document, target: Document, *, embeddings: embed.Embedder | None = None
) -> Alignment:
    """Align the sentences of `target` to those of `source`, covering both in order.

    `embeddings`: also weigh what the sentences say, by a sentence encoder (see embed.py)."""
    src, tgt, anchors, words, cognates = _features(source, target)
    n, m = src.count, tgt.count
    meaning = None if embeddings is None else embeddings.windows(source, target, MAX_SIDE)
    centre = _centre(n, m, anchors)
    half = min(BAND_MAX, max(BAND_MIN, math.ceil(BAND_SHARE * max(n, m))))
    # The target's windows padded for the band of the first search, the wider.
    windows = _windows(src, MAX_SIDE), _windows(tgt, half + MAX_SIDE)
    ratio = _ratio(int(src.length.sum()), int(tgt.length.sum()))
    path = _search(windows, n, m, ratio, MERGE_COST, centre, half, meaning)
    # Dropped or added sentences bias the ratio of total lengths, most in short stories;
    # the sentences aligned 1-1 give a fairer one. Search again only when it or the merge
    # cost differs.
    ones = [(i, j) for i, j, di, dj in path if di == dj == 1]
    matched = ratio
    if ones:
        linked = np.array(ones)
        matched = _ratio(int(src.length[linked[:, 0]].sum()), int(tgt.length[linked[:, 1]].sum()))
    merge = _merge_cost(path)
    # Words that the first path's 1-1 beads pair again and again translate each other
    # (hunalign's realign): the second search counts them as cognates.
    lexicon = _lexicon(words[0], words[1], path)
    if lexicon:
        lexicon_masks = _with_lexicon(words, cognates, lexicon)
        windows = (
            _with_cognates(windows[0], lexicon_masks[0]),
            _with_cognates(windows[1], lexicon_masks[1]),
        )
    if (
        lexicon
        or abs(math.log(matched / ratio)) > RATIO_TOLERANCE
        or merge < MERGE_COST - MERGE_TOLERANCE
    ):
        # The first path is close: the second search keeps to a narrow band around it.
        ratio = matched
        points = [(0, 0), *((i, j) for i, j, _, _ in path[1:]), (n, m)]
        along = np.interp(np.arange(n + 1), [p[0] for p in points], [p[1] for p in points])
        centre = np.maximum.accumulate(np.rint(along).astype(np.int64))
        path = _search(windows, n, m, ratio, merge, centre, min(half, REFINE_HALF), meaning)
    beads = _beads(windows, ratio, path)
    return Alignment(source.path, target.path, beads)


def sentence_pairs(alignment: Alignment) -> Iterator[tuple[int, int]]:
    """Every (source, target) sentence index pair that some bead links."""
    for bead in alignment.beads:
        for s in bead.source:
            for t in bead.target:
                yield s, t


def _merge_cost(path: list[tuple[int, int, int, int]]) -> float:
    """The merge cost that the share of merges and splits among the linked beads implies."""
    linked = [(di, dj) for _, _, di, dj in path if di and dj]
    merges = sum(1 for shape in linked if shape != (1, 1))
    prior = math.exp(MERGE_OFFSET - MERGE_COST) * MERGE_PRIOR_BEADS
    rate = (merges + prior) / (len(linked) + MERGE_PRIOR_BEADS)
    return min(MERGE_COST, max(MERGE_COST_MIN, MERGE_OFFSET - math.log(rate)))


def _with_cognates(windows: _Windows, cognates: Masks) -> _Windows:
    """A side's `windows` with other cognates: the windows of the other kinds are kept."""
    replaced = windows.masks.copy()
    replaced[2] = _mask_windows(cognates[None, :], windows.pad)[0]
    return _Windows(windows.pad, windows.length, replaced, windows.breaks)


def _ratio(source_length: int, target_length: int) -> float:
    """Target characters per source character, drawn towards 1 in short texts: in a story of
    two sentences, one dropped, the ratio of the totals would make the merge fit exactly."""
    if not source_length or not target_length:
        return 1.0
    return (target_length + RATIO_PRIOR_CHARS) / (source_length + RATIO_PRIOR_CHARS)
