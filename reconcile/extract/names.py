"""Proper names in a document: capitalised words with their particles, and CLDR place names."""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from reconcile import lexicon
from reconcile import locale as cldr
from reconcile.extract.pieces import spans_within, split_words
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
# The word's quantifiers are possessive ("*+", "++"): giving back a letter could never let
# the rest match, so the words are the same, and the regex engine keeps no backtracking points.
_WORD = re.compile(r"[^\W\d_](?:\.(?:[^\W\d_]\.)+|[^\W\d_]*+(?:[-'’][^\W\d_]++)*+)")
# The same words, kept by re.split between the gaps around them.
_WORD_PIECES = re.compile(f"({_WORD.pattern})")
# _WORD's first branch, which the scan by numpy (_split) looks for apart.
_ACRONYM = re.compile(r"[^\W\d_]\.(?:[^\W\d_]\.)+")
# What each character is for _split, a bit each; the table covers the Basic Multilingual Plane.
_LETTER = 1  # [^\W\d_]
_JOINER = 2  # [-'’]
_BMP = 0x10000
_POSSESSIVE = ("'s", "’s")  # "Washington's" names Washington
# A capital after these starts a clause, a quotation or a dateline's text, not a name.
_OPENERS = frozenset("\"'“„«‹「『‘‚:—–([-•*#>")
# The marks that end a sentence, after a word in lower case.
_ENDS = frozenset(".!?…")
_ARABIC_ARTICLE = re.compile(r"(?:al|el|as|ad|ar|ash|bin|ben)-(?=[^\W\d_])", re.IGNORECASE)
# A headline or a line in capitals: this share of its longer words capitalised.
_TITLE_SHARE = 0.7
_TITLE_MIN_WORDS = 4
_TITLE_WORD = 4  # words shorter than this ("of", "a", "US") say nothing about title case
# A capitalised abbreviation this short before a dot is a title ("Sr.", "Gov."), not a name.
_TITLE_ABBREVIATION = 4
# What stands between two words of one name: a space, or ". " after an initial ("R. Ford").
_SPACES = frozenset(" \u00a0")
_INITIAL_SPACES = frozenset({". ", ".\u00a0"})


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of a text, or of a stretch of it, with their offsets into the text."""

    words: list[str]
    starts: list[int]
    ends: list[int]
    candidates: list[int]  # the words that may be a name's, wherever they stand


# A name found in a sentence, before the document decides whether its first word is a common
# word: the sentence, its words, the name's first and last word, whether that first word
# starts the sentence or a clause, and whether the sentence is a headline.
_Run = tuple[Sentence, _Words, int, int, bool, bool]


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
    calendar_words = _calendar_words(language)
    document = _scan(text, 0, len(text))  # the document's words, read once
    all_words = set(document.words)
    # The document's words that a date, weekday or link overlaps, found once for all its
    # sentences. A word that lies in a sentence overlaps only spans that overlap the sentence,
    # and spans_within finds all of those when the spans do not overlap one another.
    disjoint = all(end <= start for (_, end), (start, _) in pairwise(excluded))
    document_excluded = _overlapped_words(document, excluded) if disjoint else None
    runs: list[_Run] = []
    capitalised_inside: set[str] = set()
    for sentence in sentences:
        scan, first, last = _words_of(text, sentence, document)
        if scan is document and document_excluded is not None:
            excluded_words = document_excluded
        else:
            spans = spans_within(excluded, sentence.start, sentence.end) if excluded else []
            excluded_words = _overlapped_words(scan, spans)
        found, headline = _runs(text, sentence, scan, first, last, excluded_words, calendar_words)
        for run_first, run_last, initial in found:
            runs.append((sentence, scan, run_first, run_last, initial, headline))
            if not headline:
                # Only a run's first word can start a sentence or clause: the others follow
                # a word after a space.
                inside = scan.words[run_first + initial : run_last + 1]
                capitalised_inside.update(inside)
    places = cldr.place_names(language)
    particles = lexicon.PARTICLES
    nouns_capitalised = language in lexicon.NOUNS_CAPITALISED
    names: list[NameMention] = []
    for sentence, scan, first, last, initial, headline in runs:
        words = scan.words
        if (
            initial
            # "J. Edgar Hoover": a letter and its dot are an initial, whatever the letter
            and not (
                len(words[first]) == 1 and text[scan.ends[first] : scan.ends[first] + 1] == "."
            )
            # "De Luca said", "Van Dyke dissented", "Le Pen": a particle that is no word of
            # the document's language starts the name that follows it
            and not (first < last and _foreign_particle(words[first], language))
            and _common(words[first], language, all_words, capitalised_inside)
        ):
            first += 1
            while first <= last and words[first] in particles:
                first += 1
            if first > last:
                continue
        start, end = scan.starts[first], scan.ends[last]
        run_words = words[first : last + 1]
        # Where every noun has a capital (German), only an acronym's capital says "name".
        weak = headline or (nouns_capitalised and not any(map(str.isupper, run_words)))
        key_words = run_words  # what _WORD reads in the name's text
        if run_words[-1].endswith(_POSSESSIVE):
            end -= 2
            key_words = [*run_words[:-1], run_words[-1][:-2]]
        key = cldr.fold(" ".join(key_words))
        # Positional arguments: the constructor takes keywords more slowly.
        names.append(
            NameMention(start, end, text[start:end], sentence.index, key, places.get(key), weak)
        )
    return tuple(names)


_LOOKBACK = 16  # characters before a word in which to find an opening quote or bracket


def name_words(name: NameMention) -> list[str]:
    """The folded words of a name that identify it, without particles or initials."""
    return [
        word for word in _WORD.findall(name.key) if word not in lexicon.PARTICLES and len(word) > 1
    ]


def _scan(text: str, start: int, end: int) -> _Words:
    """The words of text[start:end], and which of them may be a name's: the capitalised and
    the hyphenated ("al-Assad") words."""
    words, starts, ends = _split(text, start, end)
    candidates = [i for i, word in enumerate(words) if word[0].isupper() or "-" in word]
    return _Words(words, starts, ends, candidates)


def _split(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """The words _WORD finds in text[start:end], with their starts and ends in the text.

    Read by numpy from what each character is, twice as fast as the regex engine reads a
    story (align/features.py finds its words so): a word is a run of letters, with any
    joiner that stands between two letters; then each dotted acronym ("U.S."), _WORD's
    first branch, is made one word. A character beyond the table leaves it to the regex.
    """
    codes = np.frombuffer(text[start:end].encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(codes) or codes.max() >= _BMP:
        return split_words(_WORD_PIECES, text[start:end], start)
    kinds = _char_kinds().take(codes)
    letters = (kinds & _LETTER).astype(np.bool_)
    # in_word[1:-1]: whether each character lies in a word; the ends pad it with False.
    in_word = np.zeros(len(codes) + 2, dtype=np.bool_)
    in_word[1:-1] = letters
    in_word[2:-2] |= (kinds[1:-1] & _JOINER).astype(np.bool_) & letters[:-2] & letters[2:]
    bounds = (np.flatnonzero(in_word[1:] != in_word[:-1]) + start).tolist()
    # No letter or joiner is whitespace to str.split: the words are what is left once every
    # other character is a space.
    kept = np.where(in_word[1:-1], codes, ord(" "))
    words = str(kept.data, "utf-32-le", "surrogatepass").split()
    starts, ends = bounds[::2], bounds[1::2]
    dots = codes == ord(".")
    # Where an acronym may start: a letter and a dot, twice ("U.S").
    acronyms = letters[:-3] & dots[1:-2] & letters[2:-1] & dots[3:]
    if acronyms.any():
        found = (np.flatnonzero(acronyms) + start).tolist()
        _join_acronyms(text, end, words, starts, ends, found)
    return words, starts, ends


def _join_acronyms(
    text: str, end: int, words: list[str], starts: list[int], ends: list[int], found: list[int]
) -> None:
    """Make each dotted acronym one word in place of its letters, as _WORD reads it: from
    a word's first letter, where a dot, a letter and a dot follow it (`found`, in order)."""
    acronyms: list[tuple[int, int]] = []
    covered = 0  # where the last acronym ends: "U.S.A." holds "S.A."
    for start in found:
        if start < covered:
            continue
        first = bisect_left(starts, start)
        if first == len(starts) or starts[first] != start:
            continue  # a letter inside a word ("Ab.C."): _WORD reads on from the word's start
        match = _ACRONYM.match(text, start, end)
        if match is not None:
            covered = match.end()
            acronyms.append((start, covered))
    # From the last, so that each replacement leaves the words before it where they were.
    for start, stop in reversed(acronyms):
        first, last = bisect_left(starts, start), bisect_left(starts, stop)
        words[first:last] = [text[start:stop]]
        starts[first:last] = [start]
        ends[first:last] = [stop]


@functools.cache
def _char_kinds() -> npt.NDArray[np.uint8]:
    """What each character of the Basic Multilingual Plane is, found by the regex itself."""
    chars = np.arange(_BMP, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")
    kinds = np.zeros(_BMP, dtype=np.uint8)
    for match in re.finditer(r"[^\W\d_]+", chars):
        kinds[match.start() : match.end()] = _LETTER
    for joiner in "-'’":
        kinds[ord(joiner)] = _JOINER
    return kinds


def _words_of(text: str, sentence: Sentence, document: _Words) -> tuple[_Words, int, int]:
    """The words that lie in the sentence, as the range [first, last) of the document's words;
    read again within the sentence in the rare case that a word of the whole text runs across
    its edge."""
    starts, ends = document.starts, document.ends
    first, last = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
    crossing = (first < last and ends[last - 1] > sentence.end) or (
        first and ends[first - 1] > sentence.start
    )
    if crossing:
        scan = _scan(text, sentence.start, sentence.end)
        return scan, 0, len(scan.words)
    return document, first, last


def _overlapped_words(scan: _Words, spans: Sequence[tuple[int, int]]) -> set[int]:
    """The indices of the words that the spans overlap: those that end after a span starts
    and start before it ends (the words are in order, their starts and their ends too)."""
    starts, ends = scan.starts, scan.ends
    return {i for s, e in spans for i in range(bisect_right(ends, s), bisect_left(starts, e))}


def _runs(
    text: str,
    sentence: Sentence,
    scan: _Words,
    first: int,
    last: int,
    excluded_words: set[int],
    calendar: frozenset[str],
) -> tuple[list[tuple[int, int, bool]], bool]:
    """The runs of capitalised words in the sentence's words [first, last), with a particle
    between two of them ("Lula da Silva"), as (first word, last word, whether the first starts
    the sentence or a clause); and whether the sentence is a headline. The words in
    `excluded_words` (those dates, weekdays and links overlap) are not capitalised words.

    Only the candidates are looked at, most words are not: none of the others can be a name's
    word, and a particle between two of a name's words is found from the words either side.
    """
    words, starts, ends = scan.words, scan.starts, scan.ends
    candidates = scan.candidates
    kept = candidates[bisect_left(candidates, first) : bisect_left(candidates, last)]
    runs: list[tuple[int, int, bool]] = []
    run_first = run_last = -1  # the current run's first and last word; -1: no run
    run_initial = False
    long_capitalised = 0  # for the headline test
    for i in kept:
        word = words[i]
        end = ends[i]
        upper = word[0].isupper()
        if upper and len(word) >= _TITLE_WORD:
            long_capitalised += 1
        # The article pattern needs a hyphen: most words skip the substitution.
        capital = _ARABIC_ARTICLE.sub("", word)[:1].isupper() if "-" in word else upper
        name_word = (
            capital
            and not (  # "Sr.", "Gov.": a title's abbreviation
                text[end : end + 1] == "."
                and 1 < len(word) <= _TITLE_ABBREVIATION
                and not word.isupper()
            )
            and word.lower() not in calendar
            and i not in excluded_words
        )
        if name_word and run_first >= 0 and _continues(text, scan, run_last, i):
            run_last = i
            continue
        if run_first >= 0:
            runs.append((run_first, run_last, run_initial))
            run_first = -1
        if name_word:
            run_first = run_last = i
            run_initial = i == first or _initial(text, sentence.start, starts[i])
    if run_first >= 0:
        runs.append((run_first, run_last, run_initial))
    return runs, _headline(words, first, last, long_capitalised)


def _continues(text: str, scan: _Words, last: int, i: int) -> bool:
    """Whether the capitalised word `i` continues the name that ends with the word `last`: it
    comes next, one space on, or after a particle and a space each side ("Lula da Silva")."""
    words = scan.words
    if i == last + 1:
        return _joined(text, words[last], scan.ends[last], scan.starts[i])
    particle = last + 1
    return (
        i == last + 2
        and words[particle] in lexicon.PARTICLES
        and _joined(text, words[last], scan.ends[last], scan.starts[particle])
        and _joined(text, words[particle], scan.ends[particle], scan.starts[i])
    )


def _headline(words: list[str], first: int, last: int, long_capitalised: int) -> bool:
    """Whether a sentence, the words [first, last), is a headline or a line in capitals, from
    its words and how many of its long words are capitalised."""
    if long_capitalised < _TITLE_SHARE * _TITLE_MIN_WORDS:
        return False  # too few for the share, however few long words: most sentences stop here
    # Counted by list.count, which loops in C (no word is empty).
    lengths = list(map(len, words[first:last]))
    long_words = len(lengths) - sum(map(lengths.count, range(1, _TITLE_WORD)))
    return long_words >= _TITLE_MIN_WORDS and long_capitalised / long_words >= _TITLE_SHARE


def _initial(text: str, sentence_start: int, start: int) -> bool:
    """Whether the word at `start`, not the first of its sentence, starts a clause."""
    before = text[max(sentence_start, start - _LOOKBACK) : start].rstrip()
    if not before:
        return False
    if before[-1] in _OPENERS:
        return True
    # A quotation of several sentences is one sentence of ours: "… tão pouco tempo. Em
    # algumas áreas …" starts one inside it. After a capitalised word ("R. Ford", "Sr.
    # Silva") the full stop is an initial's or a title's.
    return before[-1] in _ENDS and before[:-1].rpartition(" ")[2].islower()


def _joined(text: str, left: str, left_end: int, right_start: int) -> bool:
    """Whether the word `left`, ending at `left_end`, and the next word are one name's."""
    gap = text[left_end:right_start]
    # "Gerald R. Ford": a single capital letter and its dot.
    return gap in _SPACES or (len(left) == 1 and left.isupper() and gap in _INITIAL_SPACES)


def _common(word: str, language: str, words: set[str], capitalised: set[str]) -> bool:
    """Whether a sentence-initial capitalised word is an ordinary word ("Segundo", "The"), given
    all the words of the document and those it capitalises inside a sentence."""
    lowered = word.lower()
    if lowered in words and lowered.islower():
        return True  # the document writes it in lower case elsewhere
    if len(word) == 1:
        # A letter is in capitals whatever it is: "O", "A", "E", "Y" starting a sentence are
        # the language's articles and conjunctions, even where "O Globo" has a capital inside
        # one; another letter ("X") is a name's.
        return lowered in lexicon.function_words(language)
    if word in capitalised or word.isupper():
        return False  # the document capitalises it where no rule asks for a capital
    return lexicon.frequency(lowered, language) >= lexicon.COMMON_ZIPF


def _foreign_particle(word: str, language: str) -> bool:
    """Whether a capitalised word is a name's particle ("De", "Van", "Al") that the language
    does not use as a word of its own (Portuguese "Da", French "Le" it does)."""
    lowered = word.lower()
    return lowered in lexicon.PARTICLES and lowered not in lexicon.function_words(language)


@functools.cache
def _calendar_words(language: str) -> frozenset[str]:
    """Month and weekday names, lower-cased: capitalised in English, they are not names."""
    return frozenset(cldr.month_names(language)) | frozenset(cldr.weekday_names(language))


def _fact_spans(
    dates: Sequence[DateMention], weekdays: Sequence[WeekdayMention]
) -> list[tuple[int, int]]:
    spans = [(d.start, d.end) for d in dates]
    spans += [(d.weekday.start, d.weekday.end) for d in dates if d.weekday]
    spans += [(w.start, w.end) for w in weekdays]
    return spans


def name_tokens(text: str) -> list[tuple[int, int, str]]:
    """The words of a name's text that identify it, as (start, end, word) within the text."""
    pieces = text.split(" ")
    if "".join(pieces).isalpha():
        # Letters and single spaces ("Banco do México"), as most names are: each piece is one
        # _WORD match, found without the regex (the name rules ask for every name's words).
        tokens = []
        start = 0
        for piece in pieces:
            if len(piece) > 1 and piece not in lexicon.PARTICLES:
                tokens.append((start, start + len(piece), piece))
            start += len(piece) + 1
        return tokens
    return [
        (m.start(), m.end(), m.group())
        for m in _WORD.finditer(text)
        if m.group() not in lexicon.PARTICLES and len(m.group().rstrip(".")) > 1
    ]
