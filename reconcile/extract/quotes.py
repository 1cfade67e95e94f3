"""Quotations in every convention: “ ” ‘ ’ « » ‹ › „ “ ‚ ‘ 「 」 『 』, straight quotes, and the
dialogue dashes of Spanish, Portuguese and Italian (—Vamos —dijo—)."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Sequence

from reconcile import lexicon
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
# Dashes that open direct speech at a paragraph's start and close it before the speaker.
_DASHES = frozenset("—–―")
_FIRST_WORDS = re.compile(r"\s*([^\W\d_]+)(?:\s+([^\W\d_]+))?(?:\s+([^\W\d_]+))?")
# What speech resumed after the speaker's closing dash loses at its start ("—afirmó el
# secretario—. Hay que ...", "—advirtió—, el invierno ...").
_SPEECH_PUNCTUATION = " \u00a0.,;:"


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
    dialogue = _dialogue(text, sentences, locale.language, starts)
    if dialogue:
        # Quotation marks inside direct speech quote within it ("—El llamado "apagón" ...").
        found = [
            dataclasses.replace(q, depth=q.depth + 1)
            if any(d.start <= q.start and q.end <= d.end for d in dialogue)
            else q
            for q in found
        ]
        found.extend(dialogue)
    return tuple(sorted(found, key=lambda q: (q.start, q.depth)))


def _dialogue(
    text: str, sentences: Sequence[Sentence], language: str, starts: list[int]
) -> list[QuoteMention]:
    """Direct speech opened by a dash at a paragraph's start (after spaces) and closed by the
    dash that introduces the speaker ("—Vacunarse es gratuito —afirmó Villaseñor."); after
    the speaker's closing dash the speech goes on to the next speaker's dash or the paragraph's
    end ("—afirmó el secretario—. Hay que hacerlo ya."). A paragraph with no speaker is direct
    speech only beside one that has one (a reply); without one it may be a list's item, and a
    dash elsewhere is a range, an aside or a dateline's."""
    verbs = lexicon.speech_verbs(language)
    if not verbs or not sentences:
        return []
    paragraphs: list[tuple[int, int]] = []  # (start, end) of each paragraph, in order
    last = -1
    for sentence in sentences:
        if sentence.paragraph != last:
            paragraphs.append((sentence.start, sentence.end))
            last = sentence.paragraph
        else:
            paragraphs[-1] = (paragraphs[-1][0], sentence.end)
    opened = []  # the paragraphs that open with a dash: (index, the dash's offset, end)
    for i, (start, end) in enumerate(paragraphs):
        first = _after_spaces(text, start, end)
        if first < end and text[first] in _DASHES:
            opened.append((i, first, end))
    if not opened:
        return []  # most documents
    leads = lexicon.speech_leads(language)
    spoken: dict[int, list[tuple[int, int, str]]] = {}
    replies: list[tuple[int, int, int]] = []
    for i, start, end in opened:
        spans = _spoken(text, start, end, verbs, leads)
        if spans:
            spoken[i] = spans
        elif spans is not None:
            replies.append((i, start, end))
    for i, start, end in replies:
        if i - 1 in spoken or i + 1 in spoken:
            spoken[i] = [(start, end, "")]
    found = []
    for spans in spoken.values():
        for begin, end, closing in spans:
            words = text[begin + 1 : end - len(closing)].strip().lstrip(_SPEECH_PUNCTUATION)
            if not any(c.isalpha() for c in words):
                continue  # "—dijo—." closes the paragraph
            found.append(
                QuoteMention(
                    begin,
                    end,
                    words,
                    max(0, bisect.bisect_right(starts, begin) - 1),
                    max(0, bisect.bisect_right(starts, end - 1) - 1),
                    text[begin],
                    closing,
                )
            )
    return found


def _spoken(
    text: str, start: int, end: int, verbs: frozenset[str], leads: frozenset[str]
) -> list[tuple[int, int, str]] | None:
    """The spans of direct speech in a paragraph that opens with a dash at `start`, each as
    (start, end, closing dash or ""); [] when no dash introduces a speaker and no other dash
    stands in the paragraph, None when other dashes do (not dialogue)."""
    dashes = [i for i in range(start + 1, end) if text[i] in _DASHES and not _in_range(text, i)]
    speakers = [i for i in dashes if _introduces_speaker(text, i, end, verbs, leads)]
    if not speakers:
        return None if dashes else []
    spans = [(start, speakers[0] + 1, text[speakers[0]])]
    # The speaker's words run to the next dash; after it the speech goes on, if words follow.
    after = speakers[0]
    while True:
        closing = next((i for i in dashes if i > after), None)
        if closing is None:
            return spans
        speaker = next((i for i in speakers if i > closing), None)
        if speaker is None:
            spans.append((closing, end, ""))
            return spans
        spans.append((closing, speaker + 1, text[speaker]))
        after = speaker


def _after_spaces(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _in_range(text: str, index: int) -> bool:
    """Whether the dash joins two figures ("2020—2025"), a range's."""
    return 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()


def _introduces_speaker(
    text: str, index: int, end: int, verbs: frozenset[str], leads: frozenset[str]
) -> bool:
    """Whether the dash at `index` is followed by a speaker's verb, in lower case, after at
    most two auxiliaries or pronouns ("—afirmó", "— ha detto", "—se lo dijo")."""
    match = _FIRST_WORDS.match(text, index + 1, end)
    if match is None:
        return False
    for word in match.groups():
        if word is None:
            return False
        if word in verbs:
            return True
        if word not in leads:
            return False
    return False


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
