"""Quotations in every convention: “ ” ‘ ’ « » ‹ › „ “ ‚ ‘ 「 」 『 』 and straight quotes."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from reconcile import locale as cldr
from reconcile.model import LocaleInfo, QuoteMention, Sentence

# Each opening mark and the marks that may close it. “ closes „ (German) and opens in
# English; » opens in Danish and German (»so«) and closes in French: the locale decides.
_CLOSERS: dict[str, frozenset[str]] = {
    "“": frozenset("”“"),
    "„": frozenset("“”"),
    "«": frozenset("»"),
    "»": frozenset("«»"),
    "‹": frozenset("›"),
    "›": frozenset("‹"),
    "‘": frozenset("’"),
    "‚": frozenset("‘’"),
    "「": frozenset("」"),
    "『": frozenset("』"),
    '"': frozenset('"'),
    "'": frozenset("'"),
    "”": frozenset("”"),  # Swedish and Finnish open and close with ”
    "’": frozenset("’"),
}
_ALWAYS_OPENING = frozenset("“„«‹‘‚「『\"'")
_ANY_CLOSER = frozenset().union(*_CLOSERS.values())
_MAX_DEPTH = 3


def extract_quotes(
    text: str, sentences: Sequence[Sentence], locale: LocaleInfo
) -> tuple[QuoteMention, ...]:
    """Every quotation of a document, outer ones and those nested in them, in text order.

    A quotation may run over several paragraphs when each new paragraph reopens it (“... /
    “...”), as English and Portuguese style write it; a mark left open at a paragraph end
    that is not reopened closes nothing.
    """
    start_mark, _, alternate_start, _ = cldr.quotation_marks(locale.tag)
    openers = _ALWAYS_OPENING | {start_mark, alternate_start}
    starts = [s.start for s in sentences]
    stack: list[tuple[str, int]] = []  # (opening mark, offset)
    found: list[QuoteMention] = []
    marks = _marks_pattern(frozenset(openers))
    # Line ends matter only inside a quotation: outside one, the scan jumps over them too.
    marks_outside = _marks_pattern(frozenset(openers), line_ends=False)
    index = 0
    while match := (marks if stack else marks_outside).search(text, index):
        index = match.start()
        char = text[index]
        if char == "\n" and stack:
            index = _paragraph_break(text, index, stack)
            continue
        if char in _ANY_CLOSER or char in openers:
            if stack and char in _CLOSERS.get(stack[-1][0], ()) and _may_close(text, index):
                mark, begin = stack.pop()
                found.append(_quote(text, starts, begin, index + 1, mark, char, len(stack)))
            elif char in openers and _may_open(text, index) and len(stack) < _MAX_DEPTH:
                stack.append((char, index))
        index += 1
    return tuple(sorted(found, key=lambda q: (q.start, q.depth)))


@functools.cache
def _marks_pattern(openers: frozenset[str], *, line_ends: bool = True) -> re.Pattern[str]:
    """Every character the scan acts on, so that it can jump over the rest of the text."""
    marks = openers | _ANY_CLOSER | ({"\n"} if line_ends else set())
    return re.compile("[" + re.escape("".join(sorted(marks))) + "]")


def _paragraph_break(text: str, index: int, stack: list[tuple[str, int]]) -> int:
    """At a line end inside a quotation: go on if the next paragraph reopens it, else drop it."""
    after = index
    while after < len(text) and text[after].isspace():
        after += 1
    if after - index == 1:
        return index + 1  # a line break inside a paragraph
    if after < len(text) and text[after] == stack[0][0]:
        return after + 1  # the quotation goes on in the next paragraph
    stack.clear()
    return after


def _may_open(text: str, index: int) -> bool:
    """An opening mark stands after a space or an opening bracket, before a non-space."""
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if after.isspace() and text[index] not in "«»":  # French writes « with a space after
        return False
    return not (before.isalnum() and text[index] in "'’")  # an apostrophe: "don't"


def _may_close(text: str, index: int) -> bool:
    after = text[index + 1] if index + 1 < len(text) else " "
    before = text[index - 1] if index else " "
    # An apostrophe between letters ("d’Orsay", "don't") closes nothing.
    return not (text[index] in "'’" and before.isalpha() and after.isalpha())


def _quote(
    text: str, starts: list[int], begin: int, end: int, opening: str, closing: str, depth: int
) -> QuoteMention:
    return QuoteMention(
        begin,
        end,
        text[begin + 1 : end - 1].strip(),
        max(0, bisect.bisect_right(starts, begin) - 1),
        max(0, bisect.bisect_right(starts, end - 1) - 1),
        opening,
        closing,
        depth,
    )
