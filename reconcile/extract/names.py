"""Proper names in a document: capitalised words with their particles, and CLDR place names."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.model import (
    DateMention,
    LinkMention,
    LocaleInfo,
    NameMention,
    Sentence,
    WeekdayMention,
)

# Dotted acronyms ("U.S.") first, then words, hyphenated or with an apostrophe inside. Both
# start with a letter, written once ahead of the alternation: the scan runs a third faster.
_WORD = re.compile(r"[^\W\d_](?:\.(?:[^\W\d_]\.)+|[^\W\d_]*(?:[-'’][^\W\d_]+)*)")
_POSSESSIVE = re.compile(r"['’]s$")
# A capital after these starts a clause, a quotation or a dateline's text, not a name.
_OPENERS = frozenset("\"'“„«‹「『‘‚:—–([-•*#>")
# What may stand between two words of one name: a space, or ". " after an initial ("R. Ford").
_JOIN = re.compile(r"[ \u00a0]")
_INITIAL_JOIN = re.compile(r"\.[ \u00a0]")
_ARABIC_ARTICLE = re.compile(r"(?:al|el|as|ad|ar|ash|bin|ben)-(?=[^\W\d_])", re.IGNORECASE)
# A headline or a line in capitals: this share of its longer words capitalised.
_TITLE_SHARE = 0.7
_TITLE_MIN_WORDS = 4
_TITLE_WORD = 4  # words shorter than this ("of", "a", "US") say nothing about title case
# A capitalised abbreviation this short before a dot is a title ("Sr.", "Gov."), not a name.
_TITLE_ABBREVIATION = 4


@dataclass(slots=True)
class _Token:
    start: int  # offsets into the document text
    end: int
    text: str
    capital: bool
    particle: bool
    initial: bool  # first word of its sentence or clause
    title: bool  # "Sr.", "Gov.": ends a name, is not one


def extract_names(
    text: str,
    sentences: Sequence[Sentence],
    locale: LocaleInfo,
    dates: Sequence[DateMention] = (),
    weekdays: Sequence[WeekdayMention] = (),
    links: Sequence[LinkMention] = (),
) -> tuple[NameMention, ...]:
    """Every proper name of a document, in text order (words inside links are not names)."""
    language = locale.language
    excluded = sorted(_fact_spans(dates, weekdays) + [(k.start, k.end) for k in links])
    calendar_words = set(cldr.month_names(language)) | set(cldr.weekday_names(language))
    words = list(_WORD.finditer(text))  # the document's words, read once
    lower_words = {word for word in map(re.Match.group, words) if word.islower()}
    word_starts = list(map(re.Match.start, words))
    runs: list[tuple[Sentence, list[_Token], bool]] = []
    capitalised_inside: set[str] = set()
    for sentence in sentences:
        inside = _words_of(text, sentence, words, word_starts)
        tokens, headline = _tokens(text, sentence, inside, excluded, calendar_words)
        for run in _runs(text, tokens):
            runs.append((sentence, run, headline))
            capitalised_inside.update(t.text for t in run if not t.initial and not headline)
    places = cldr.place_names(language)
    names: list[NameMention] = []
    for sentence, run, headline in runs:
        if run[0].initial and _common(run[0].text, language, lower_words, capitalised_inside):
            run = _trim(run[1:])
            if not run:
                continue
        start, end = run[0].start, run[-1].end
        possessive = _POSSESSIVE.search(text[start:end])
        if possessive:  # "Washington's" names Washington
            end -= len(possessive.group())
        surface = text[start:end]
        key = cldr.fold(" ".join(_WORD.findall(surface)))
        names.append(
            NameMention(
                start,
                end,
                surface,
                sentence.index,
                key,
                entity=places.get(key),
                weak=headline or _nouns_capitalised(language, run),
            )
        )
    return tuple(names)


_LOOKBACK = 16  # characters before a word in which to find an opening quote or bracket


def name_words(name: NameMention) -> list[str]:
    """The folded words of a name that identify it, without particles or initials."""
    return [
        word for word in _WORD.findall(name.key) if word not in lexicon.PARTICLES and len(word) > 1
    ]


def _words_of(
    text: str, sentence: Sentence, words: list[re.Match[str]], starts: list[int]
) -> list[re.Match[str]]:
    """The document's words that lie in the sentence; read again within the sentence in
    the rare case that a word of the whole text runs across its edge."""
    first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    inside = words[first:last]
    crossing = (inside and inside[-1].end() > sentence.end) or (
        first and words[first - 1].end() > sentence.start
    )
    if crossing:
        return list(_WORD.finditer(text, sentence.start, sentence.end))
    return inside


def _tokens(
    text: str,
    sentence: Sentence,
    matches: list[re.Match[str]],
    excluded: list[tuple[int, int]],
    calendar: set[str],
) -> tuple[list[_Token], bool]:
    """The words of a sentence that may belong to a name, and whether it is a headline.

    A word in lower case that is no particle only ends a run of capitalised words; leaving it
    out ends the run just the same (the gap to the next word is then more than a space). The
    words are sorted out with built-ins that loop in C: most words cost no Python step.
    """
    words = list(map(re.Match.group, matches))
    long_words = [word for word in words if len(word) >= _TITLE_WORD]
    long_capitalised = sum(map(str.isupper, map(itemgetter(0), long_words)))
    headline = (
        len(long_words) >= _TITLE_MIN_WORDS and long_capitalised / len(long_words) >= _TITLE_SHARE
    )
    particles = lexicon.PARTICLES
    kept = [
        i
        for i, word in enumerate(words)
        if word[0].isupper() or word in particles or "-" in word or not i
    ]
    # `excluded` is sorted by start: take the stretch around this sentence by bisection, so
    # that a long document stays linear.
    nearby = excluded[
        max(bisect_left(excluded, (sentence.start,)) - 1, 0) : bisect_left(
            excluded, (sentence.end,)
        )
    ]
    excluded = [(s, e) for s, e in nearby if s < sentence.end and sentence.start < e]
    offset = sentence.start
    tokens = []
    for i in kept:
        word = words[i]
        start = matches[i].start()
        end = start + len(word)
        if i == 0:
            initial = True  # the sentence's first word
        else:
            before = text[max(offset, start - _LOOKBACK) : start].rstrip()
            initial = bool(before) and before[-1] in _OPENERS
        # The article pattern needs a hyphen: most words skip the substitution.
        body = _ARABIC_ARTICLE.sub("", word) if "-" in word else word
        capital = body[:1].isupper()
        title = (
            capital
            and text[end : end + 1] == "."
            and 1 < len(word) <= _TITLE_ABBREVIATION
            and not word.isupper()
        )
        if capital and (
            word.lower() in calendar or any(start < e and s < end for s, e in excluded)
        ):
            capital = False
        tokens.append(
            _Token(
                start,
                end,
                word,
                capital=capital,
                particle=word in particles,
                initial=initial,
                title=title,
            )
        )
    return tokens, headline


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Runs of capitalised words, with particles only between two of them."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for token in tokens:
        joined = bool(current) and _joined(text, current[-1], token)
        if token.capital and not token.title and (joined or not current):
            current.append(token)
            continue
        if token.particle and joined and current and current[-1].capital:
            current.append(token)
            continue
        if current:
            runs.append(_trim(current))
        current = [token] if token.capital and not token.title else []
    if current:
        runs.append(_trim(current))
    return [run for run in runs if run]


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end : right.start]
    if _JOIN.fullmatch(gap):
        return True
    # "Gerald R. Ford": a single capital letter and its dot.
    return len(left.text) == 1 and left.text.isupper() and bool(_INITIAL_JOIN.fullmatch(gap))


def _trim(run: list[_Token]) -> list[_Token]:
    while run and run[-1].particle:
        run = run[:-1]
    while run and run[0].particle:
        run = run[1:]
    return run


def _common(word: str, language: str, lower: set[str], capitalised: set[str]) -> bool:
    """Whether a sentence-initial capitalised word is an ordinary word ("Segundo", "The")."""
    if word.lower() in lower:
        return True  # the document writes it in lower case elsewhere
    if word in capitalised or word.isupper():
        return False  # the document capitalises it where no rule asks for a capital
    return lexicon.frequency(word.lower(), language) >= lexicon.COMMON_ZIPF


def _nouns_capitalised(language: str, run: list[_Token]) -> bool:
    """Where every noun has a capital (German), only an acronym's capital says "name"."""
    return language in lexicon.NOUNS_CAPITALISED and not any(t.text.isupper() for t in run)


def _fact_spans(
    dates: Sequence[DateMention], weekdays: Sequence[WeekdayMention]
) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in dates]
    spans += [(d.weekday.start, d.weekday.end) for d in dates if d.weekday]
    spans += [(w.start, w.end) for w in weekdays]
    return spans


def name_tokens(name: NameMention) -> list[tuple[int, int, str]]:
    """The words of a name that identify it, as (start, end, word) in the document text."""
    return [
        (name.start + m.start(), name.start + m.end(), m.group())
        for m in _WORD.finditer(name.text)
        if m.group() not in lexicon.PARTICLES and len(m.group().rstrip(".")) > 1
    ]
