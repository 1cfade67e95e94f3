"""The pipeline as functions: files in, a Report out. Never prints, never exits."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from reconcile import locale as cldr
from reconcile import rules
from reconcile.align import align
from reconcile.extract.dates import extract_dates
from reconcile.load import read
from reconcile.locale import resolve_locale
from reconcile.model import (
    Alignment,
    CheckedStory,
    Document,
    DocumentSummary,
    InputError,
    Report,
    StoryReport,
    Timeline,
    Version,
)
from reconcile.segment import segment
from reconcile.timeline import Reference, infer_reference, resolve


@dataclass(frozen=True, slots=True)
class Options:
    """What the user can set for one run."""

    langs: Mapping[str, str] = field(default_factory=dict)  # path as given -> locale tag
    reference_date: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)


def check(paths: Sequence[str], options: Options) -> Report:
    """Check one story given as its versions, the source first."""
    story = build_story(paths, options)
    return Report((story_report(story),))


def story_report(story: CheckedStory) -> StoryReport:
    return StoryReport(story.id, tuple(_summary(v) for v in story.versions), rules.run(story))


def load_document(path: str, options: Options) -> Document:
    """Read, localise, segment and extract one version."""
    source = read(path)
    locale = resolve_locale(source, options.langs.get(path))
    sentences = segment(source, locale.language)
    dates, weekdays = extract_dates(source, sentences, locale)
    return Document(source, locale, sentences, dates, weekdays)


def build_story(paths: Sequence[str], options: Options) -> CheckedStory:
    """Every stage up to the rules: documents, reference date, alignment, timelines."""
    _refuse_duplicates(paths)
    documents = [load_document(path, options) for path in paths]
    references = _references(documents, options)
    first = [
        resolve(d, r, cldr.order_is_settled(d.locale.tag))
        for d, r in zip(documents, references, strict=True)
    ]
    alignments = tuple(align(documents[0], other) for other in documents[1:])
    timelines = _resolve_with_alignment(documents, references, first, alignments)
    versions = tuple(
        Version(d, t, "source" if i == 0 else "target")
        for i, (d, t) in enumerate(zip(documents, timelines, strict=True))
    )
    return CheckedStory(_story_id(paths), versions, alignments)


def document_timeline(path: str, options: Options) -> tuple[Document, Timeline]:
    """One version on its own, for `reconcile facts`."""
    document = load_document(path, options)
    reference = _references([document], options)[0]
    return document, resolve(document, reference, cldr.order_is_settled(document.locale.tag))


def _references(documents: Sequence[Document], options: Options) -> list[Reference]:
    """Each document's reference date: the option, else its metadata, else the story's."""
    if options.reference_date is not None:
        given = Reference(options.reference_date, "option", "--reference-date")
        return [given for _ in documents]
    inferred = infer_reference(documents, options.today)
    references = []
    for document in documents:
        stated = document.source.meta("date")
        value = _parse_iso(stated) if stated else None
        if value is not None:
            references.append(Reference(value, "metadata", f"{document.path} metadata: date"))
        else:
            references.append(inferred)
    return references


def _resolve_with_alignment(
    documents: Sequence[Document],
    references: Sequence[Reference],
    first: Sequence[Timeline],
    alignments: Sequence[Alignment],
) -> list[Timeline]:
    """Resolve again, now that each date can see its counterpart in the other versions.

    Dates lend the reading their own version's evidence chose in the first pass, never one
    borrowed from the other version, so that two readings never confirm each other in a loop.
    """
    if not alignments:
        return list(first)
    aligned: list[dict[int, list[tuple[dt.date, str]]]] = [{} for _ in documents]
    for number, alignment in enumerate(alignments, start=1):
        pairs = ((0, number), (number, 0))
        for bead in alignment.beads:
            sides = {0: bead.source, number: bead.target}
            for mine, theirs in pairs:
                lent = _settled_dates(documents[theirs], first[theirs], sides[theirs])
                if not lent:
                    continue
                for index, mention in enumerate(documents[mine].dates):
                    if mention.sentence in sides[mine]:
                        aligned[mine].setdefault(index, []).extend(lent)
    return [
        resolve(d, r, cldr.order_is_settled(d.locale.tag), a)
        for d, r, a in zip(documents, references, aligned, strict=True)
    ]


def _settled_dates(
    document: Document, timeline: Timeline, sentences: Sequence[int]
) -> list[tuple[dt.date, str]]:
    language = cldr.language_name(document.locale.language)
    lent = []
    for resolved in timeline.dates:
        if resolved.mention.sentence not in sentences or resolved.value is None:
            continue
        if resolved.decided:
            where = f"the {language} version ({document.path}, {resolved.mention.text!r})"
            lent.append((resolved.value, where))
    return lent


def _refuse_duplicates(paths: Sequence[str]) -> None:
    seen: dict[str, str] = {}
    for path in paths:
        key = os.path.realpath(path)
        if key in seen:
            raise InputError(path, f"given twice (also as {seen[key]})")
        seen[key] = path


def _story_id(paths: Sequence[str]) -> str:
    parent = PurePath(os.path.abspath(paths[0])).parent.name
    return parent or PurePath(paths[0]).name.split(".")[0]


def _parse_iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _summary(version: Version) -> DocumentSummary:
    document, timeline = version.document, version.timeline
    return DocumentSummary(
        document.path,
        version.role,
        document.locale.language,
        document.locale.tag,
        timeline.order.value,
        timeline.reference_date.isoformat(),
        timeline.reference_from,
        timeline.reference_note,
    )
