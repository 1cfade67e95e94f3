"""A compact map from offsets in extracted text to offsets in the original file."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import overload


class Origin(Sequence[int]):
    """`origin[i]` for every offset i of a text and its end, stored as runs.

    A tuple of one int per character costs about 36 bytes a character (over 300 MB for a
    10 MB file); text copied from the original maps in runs that step by one, and text a reader
    writes in (a paragraph break, a decoded entity) in runs that stay on one offset, so a run
    list is a few entries per paragraph or markup tag. Lookup is a binary search.
    """

    __slots__ = ("_bases", "_length", "_starts", "_steps")

    def __init__(self, starts: array[int], bases: array[int], steps: array[int], length: int):
        self._starts = starts  # text offset where each run begins, ascending, starts[0] == 0
        self._bases = bases  # original offset of the run's first character
        self._steps = steps  # 1: the run follows the original; 0: it stays on one offset
        self._length = length

    @classmethod
    def identity(cls, length: int) -> Origin:
        """0, 1, ..., length - 1: a text that is the original itself (length counts the end)."""
        return cls(array("q", [0]), array("q", [0]), array("b", [1]), length)

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("origin index out of range")
        run = bisect_right(self._starts, index) - 1
        return self._bases[run] + self._steps[run] * (index - self._starts[run])

    def __iter__(self) -> Iterator[int]:
        for i in range(self._length):
            yield self[i]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(other) == self._length and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash((bytes(self._starts), bytes(self._bases), bytes(self._steps), self._length))

    def __repr__(self) -> str:
        return f"Origin({len(self._starts)} runs, {self._length} offsets)"

    def runs(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """(length, first value, step) of each run piece covering offsets [start, end)."""
        if start >= end:
            return
        run = bisect_right(self._starts, start) - 1
        position = start
        while position < end:
            run_end = self._starts[run + 1] if run + 1 < len(self._starts) else self._length
            stop = min(end, run_end)
            step = self._steps[run]
            yield stop - position, self._bases[run] + step * (position - self._starts[run]), step
            position = stop
            run += 1


class OriginBuilder:
    """Appends runs, merging a run with the one before it when they continue each other."""

    def __init__(self) -> None:
        self._starts: array[int] = array("q")
        self._bases: array[int] = array("q")
        self._steps: array[int] = array("b")
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def add(self, length: int, base: int, step: int) -> None:
        if length <= 0:
            return
        if self._starts:
            last_base = self._bases[-1]
            last_length = self._length - self._starts[-1]
            # A one-character run has no step of its own yet: it takes whichever continues.
            for last_step in (self._steps[-1],) if last_length > 1 else (1, 0):
                if (length == 1 or step == last_step) and (
                    last_base + last_step * last_length == base
                ):
                    self._steps[-1] = last_step
                    self._length += length
                    return
        self._starts.append(self._length)
        self._bases.append(base)
        self._steps.append(step)
        self._length += length

    def finish_with(self, end: int) -> Origin:
        """The map, with `end` as the offset of the text's end."""
        self.add(1, end, 0)
        return Origin(self._starts, self._bases, self._steps, self._length)
