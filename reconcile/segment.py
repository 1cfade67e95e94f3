"""Paragraphs and sentences of a document, as offsets into its text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from babel import UnknownLocaleError
from sentencex import segment as sentencex_segment

from reconcile.lexicon import word_sets
from reconcile.locale import month_names, weekday_names
from reconcile.model import Sentence, SourceText

# Words that a full stop follows without ending the sentence ("Sr. Silva", "Gov. Brown").
# Lower-cased, without the dot; "*" applies to every language, as names and titles travel.
# Words that often end a sentence too ("Inc.", "etc.", "min.") are left out: a lower-case
# word after them still joins the sentence (see _continues).
_ABBREVIATIONS: dict[str, frozenset[str]] = word_sets(
    {
        "*": "dr prof gen st jr sr mr mrs ms vs",
        "en": "gov sen rep lt col capt sgt cmdr adm maj rev univ ave blvd dept approx fig",
        "pt": "sra srta dra profa av dep gov sen pres cel gal cap ten sgt eng arq exmo exma pág",
        "es": "sra srta dra profa av avda dip gob sen pres gral cnel ing lic ud uds núm pág",
        "fr": "mme mlle pr av bd dép sén",
        "de": "hr fr bzw ca evtl ggf nr str usw vgl z",
        "it": "sig sigra dott dottssa avv ing on sen pres",
    }
)

_BLOCK = re.compile(r"(?:[^\n]*\S[^\n]*(?:\n|$))+")
_LINE = re.compile(r"[^\n]+")
_OPENING = "\"'“‘«„¿¡([—–- "
_SENTENCE_END = re.compile(r"""[.!?:…]["'”’»)\]]*$""")
_LAST_WORD = re.compile(r"(?<!\w)(\w++(?:\.\w++)*+)\.$")  # "Sr." -> Sr, "U.S." -> U.S
# (Its look-behind and possessive quantifiers change no match: the leftmost match never starts
# just after a word character, and a word character given back could never match the dot.
# They spare the engine a retry from every character of every word in the tail.)
_LOOKAHEAD = 16  # characters after a line end in which to find the next line's first letter
_TAIL = 40  # enough for the last word; keeps the test linear in the paragraph
_FIRST_WORD = re.compile(r"\w+\.?")
# sentencex 1.0.32 panics on a word, whitespace beyond ASCII and a full stop ("M\u00a0.", a
# Rust slice inside the no-break space): it reads a copy where each such space is an ASCII
# space, one character for one, so that its pieces keep their lengths.
# (U+3000, the ideographic space, is the last whitespace in Unicode.) Replaced by a regex: on
# a paragraph that has none, as most, it costs a tenth of str.translate.
_WIDE_SPACE = re.compile(
    "[" + "".join(chr(code) for code in range(0x80, 0x3001) if chr(code).isspace()) + "]"
)
_ACRONYM = re.compile(r"[A-Z]{2,5}|(?:[A-Z]\.)+[A-Z]")  # EUA, ONU, U.S, U.K
_MERIDIEMS = frozenset({"a.m", "p.m"})  # the last word of "2:30 p.m." as _LAST_WORD reads it


def segment(source: SourceText, tag: str) -> tuple[Sentence, ...]:
    """Split a document into sentences, numbering them and their paragraphs from 0.

    `tag` is the document's locale ("de-AT") or language ("de"): a region's own month names
    ("am 3. Jän. 2026") end no sentence either.
    """
    text = source.text
    sentences: list[Sentence] = []
    for paragraph, (start, end) in enumerate(_paragraphs(text)):
        for chunk_start, chunk_end in _headlines(text, start, end):
            for first, last in _sentences(text, chunk_start, chunk_end, tag):
                sentences.append(Sentence(len(sentences), paragraph, first, last, text[first:last]))
    return tuple(sentences)


def one_per_line(source: SourceText) -> tuple[Sentence, ...]:
    """Take pre-segmented text as is: every line one sentence, blank ones too (so that line i
    is sentence i, as in gold alignment data); a blank line also starts a new paragraph."""
    text = source.text
    sentences: list[Sentence] = []
    paragraph = start = 0
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the newline that ends the last line starts no sentence
    for line in lines:
        kept = line.rstrip("\r")
        sentences.append(Sentence(len(sentences), paragraph, start, start + len(kept), kept))
        if not line.strip():
            paragraph += 1
        start += len(line) + 1
    return tuple(sentences)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks between blank lines; a block whose lines all end a sentence is a paragraph a line.

    Wire copy often comes one paragraph per line, with or without blank lines between; a
    hard-wrapped paragraph has lines that stop mid-sentence and stays whole.
    """
    paragraphs = []
    for match in _BLOCK.finditer(text):
        block = _trim(text, *match.span())
        if not block:
            continue
        if text.find("\n", *block) == -1:
            paragraphs.append(block)  # a single line: nothing to split
            continue
        lines = [
            span for line in _LINE.finditer(text, *block) if (span := _trim(text, *line.span()))
        ]
        if len(lines) > 1 and all(_ends_line(text, *line) for line in lines[:-1]):
            paragraphs.extend(lines)
        else:
            paragraphs.append(block)
    return paragraphs


def _ends_line(text: str, start: int, end: int) -> bool:
    """A line that ends a sentence, or a headline: no final punctuation, a capital next."""
    if _SENTENCE_END.search(text[max(start, end - _TAIL) : end]):
        return True
    following = text[end + 1 : end + _LOOKAHEAD].lstrip(_OPENING + "\n")
    return following[:1].isupper()


def _headlines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a paragraph after each line with no final punctuation that a capital follows.

    Headlines, datelines and bylines end without a full stop; the next line starts a new
    sentence. A line that ends mid-sentence and goes on in lower case is a wrapped line.
    """
    chunk = line_start = start
    line_end = text.find("\n", start, end)
    while line_end != -1:
        line = text[line_start:line_end].rstrip()
        following = text[line_end + 1 : min(end, line_end + _LOOKAHEAD)].lstrip(_OPENING)
        if line and not _SENTENCE_END.search(line[-_TAIL:]) and following[:1].isupper():
            yield chunk, line_end
            chunk = line_end + 1
        line_start = line_end + 1
        line_end = text.find("\n", line_start, end)
    yield chunk, end


def _sentences(text: str, start: int, end: int, tag: str) -> Iterator[tuple[int, int]]:
    """sentencex's sentences, with its cuts after abbreviations and initials undone."""
    language = tag.split("-")[0]
    current: tuple[int, int] | None = None
    cursor = start
    paragraph = text[start:end]
    if not paragraph.isascii():
        paragraph = _WIDE_SPACE.sub(" ", paragraph)
    for piece in sentencex_segment(language, paragraph):
        span = _trim(text, cursor, cursor + len(piece))
        cursor += len(piece)
        if span is None:
            continue
        # Only the tail of the sentence so far matters (see _continues): slice no more of it.
        if current is not None and _continues(
            text[max(current[0], current[1] - _TAIL) : current[1]],
            text[span[0] : span[0] + _TAIL],
            tag,
        ):
            current = (current[0], span[1])
            continue
        if current is not None:
            yield current
        current = span
    if current is not None:
        yield current


def _continues(sentence: str, following: str, tag: str) -> bool:
    """Whether a cut between `sentence` and the piece that begins with `following` is wrong."""
    tail = sentence[-_TAIL:]
    # The last word holds no space: the search can start after the tail's last one.
    match = _LAST_WORD.search(tail, tail.rfind(" ") + 1)
    if match is None:
        return False
    word = match.group(1)
    next_char = following[:1]
    if word.isdigit() and len(word) <= 2:
        # A German ordinal day before its month: "am Dienstag, 25. November".
        next_word = _FIRST_WORD.match(following)
        if next_word is not None and next_word.group().lower() in month_names(tag):
            return True
    if next_char.islower():
        # No sentence starts in lower case: the full stop was an abbreviation's ("EUA. e").
        return True
    if word.lower() in _abbreviations(tag):
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    if word.lower() in _MERIDIEMS:
        # A time zone or a day after the time: "at 2:30 p.m. PST that...", "at 11:40 p.m.
        # Saturday, when...".
        next_word = _FIRST_WORD.match(following)
        return next_word is not None and (
            _ACRONYM.fullmatch(next_word.group()) is not None
            or next_word.group().lower() in weekday_names(tag.split("-")[0])
        )
    if next_char.isdigit():
        # "Nov. 4", "U.S. 5-year": a month or an acronym before a figure.
        months = _month_abbreviations(tag)
        return bool(_ACRONYM.fullmatch(word)) or f"{word.lower()}." in months
    return False


@functools.cache
def _abbreviations(tag: str) -> frozenset[str]:
    return _ABBREVIATIONS["*"] | _ABBREVIATIONS.get(tag.split("-")[0], frozenset())


@functools.cache
def _month_abbreviations(tag: str) -> frozenset[str]:
    """Month abbreviations with a dot ("nov.", "sept."): before a digit they end no sentence."""
    try:
        names = month_names(tag)
    except (UnknownLocaleError, ValueError):
        names = month_names("en")
    return frozenset(name for name in names if name.endswith("."))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its leading and trailing whitespace (str.isspace's), None if empty."""
    # str.strip() drops the same characters as str.isspace() tests, in C rather than a loop.
    piece = text[start:end]
    content = piece.lstrip()
    if not content:
        return None
    first = start + len(piece) - len(content)
    return first, first + len(content.rstrip())
