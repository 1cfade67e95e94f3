"""Words and spans by their offsets: how the extractors read a stretch of text cheaply."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate


def split_words(
    pattern: re.Pattern[str], text: str, offset: int
) -> tuple[list[str], list[int], list[int]]:
    """The words `pattern` finds in `text` (which starts at `offset` in the document), with
    their starts and ends. `pattern` must hold one group around the whole word.

    re.split gives [gap, word, gap, word, ..., gap], and the pieces' lengths give the
    offsets: no Match object and no Python step per word (a scan with finditer costs about
    twice as much in the pipeline).
    """
    pieces = pattern.split(text)
    bounds = list(accumulate(map(len, pieces), initial=offset))
    return pieces[1::2], bounds[1:-1:2], bounds[2::2]


def spans_within(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted by start) that overlap [start, end)."""
    # Taken from the stretch around it by bisection, so that a long document stays linear:
    # those that start in it, and the last that starts before it.
    nearby = spans[max(bisect_left(spans, (start,)) - 1, 0) : bisect_left(spans, (end,))]
    return [(s, e) for s, e in nearby if s < end and start < e]
