"""Build Documents from plain sentence lists, so stage tests need no loader or segmenter."""

from __future__ import annotations

from collections.abc import Sequence

from reconcile.model import (
    DateForm,
    DateMention,
    DateOrder,
    Document,
    LocaleInfo,
    Reading,
    Sentence,
    SourceText,
    WeekdayMention,
)

_MDY_LANGUAGES = {"en"}


def make_document(
    path: str,
    sentences: list[str],
    language: str = "en",
    paragraphs: list[int] | None = None,
    dates: Sequence[DateMention] = (),
    weekdays: Sequence[WeekdayMention] = (),
) -> Document:
    """A Document whose text is `sentences` joined by " ", or by a blank line between paragraphs.

    `paragraphs[i]` is the paragraph of sentence i (non-decreasing); by default one paragraph.
    """
    paragraphs = paragraphs if paragraphs is not None else [0] * len(sentences)
    if len(paragraphs) != len(sentences):
        raise ValueError("one paragraph number per sentence")
    parts: list[str] = []
    built: list[Sentence] = []
    offset = 0
    for index, (sentence, paragraph) in enumerate(zip(sentences, paragraphs, strict=True)):
        if index:
            joiner = "\n\n" if paragraph != paragraphs[index - 1] else " "
            parts.append(joiner)
            offset += len(joiner)
        built.append(Sentence(index, paragraph, offset, offset + len(sentence), sentence))
        parts.append(sentence)
        offset += len(sentence)
    text = "".join(parts)
    line_starts = (0, *(i + 1 for i, char in enumerate(text) if char == "\n"))
    source = SourceText(path, text, text, tuple(range(len(text) + 1)), line_starts)
    order = DateOrder.MDY if language in _MDY_LANGUAGES else DateOrder.DMY
    locale = LocaleInfo(language, language, "option", order)
    return Document(source, locale, tuple(built), tuple(dates), tuple(weekdays))


def date_mention(
    sentences: list[str], sentence: int, text: str, *readings: tuple[int, int]
) -> DateMention:
    """A numeric DateMention of `text` in sentence `sentence`, with (month, day) readings.

    Offsets assume the document is built by make_document with one paragraph.
    """
    start = sum(len(s) + 1 for s in sentences[:sentence]) + sentences[sentence].index(text)
    return DateMention(
        start=start,
        end=start + len(text),
        text=text,
        sentence=sentence,
        form=DateForm.NUMERIC,
        readings=tuple(
            Reading(DateOrder.MDY if n == 0 else DateOrder.DMY, month, day, None)
            for n, (month, day) in enumerate(readings)
        ),
        separator="/",
    )
