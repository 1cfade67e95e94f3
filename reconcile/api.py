"""The pipeline as functions: files in, a Report out. Never prints, never exits."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from reconcile import embed, rules, suppress
from reconcile import locale as cldr
from reconcile.align import align
from reconcile.config import Config
from reconcile.extract.dates import extract_dates
from reconcile.extract.links import extract_links, markup_links
from reconcile.extract.names import extract_names
from reconcile.extract.numbers import extract_numbers
from reconcile.extract.quotes import extract_quotes
from reconcile.load import read, read_versions
from reconcile.load.text import DEFAULT_MAX_BYTES
from reconcile.locale import resolve_locale
from reconcile.model import (
    Alignment,
    Bead,
    CheckedStory,
    Document,
    DocumentSummary,
    InputError,
    Report,
    SourceText,
    StoryReport,
    Timeline,
    Version,
)
from reconcile.segment import one_per_line as one_sentence_per_line
from reconcile.segment import segment
from reconcile.suppress import Baseline
from reconcile.timeline import Reference, infer_reference, resolve


@dataclass(frozen=True, slots=True)
class Options:
    """What the user can set for one run."""

    langs: Mapping[str, str] = field(default_factory=dict)  # path as given -> locale tag
    reference_date: dt.date | None = None
    today: dt.date = field(default_factory=dt.date.today)
    config: Config = field(default_factory=Config)  # rule options, filters, severities
    baseline: Baseline | None = None  # findings accepted earlier, left out of the report
    max_bytes: int = DEFAULT_MAX_BYTES  # larger input files are refused
    aligner: str = "lexical"  # one of embed.ALIGNERS; "embeddings" needs the embeddings extra


def check(paths: Sequence[str], options: Options) -> Report:
    """Check one story given as its versions, the source first."""
    story = build_story(paths, options)
    return Report((story_report(story, options),), rules.infos())


def story_report(story: CheckedStory, options: Options | None = None) -> StoryReport:
    """The rules' findings, less what the configuration, directives and baseline suppress."""
    options = options or Options()
    found = rules.run(story, options.config.options)
    kept = suppress.apply(story, found, options.config, options.baseline)
    summaries = tuple(_summary(v) for v in story.versions)
    return StoryReport(
        story.id, summaries, kept.findings, suppressed=kept.suppressed, baselined=kept.baselined
    )


def fingerprints(paths: Sequence[str], options: Options) -> list[str]:
    """The baseline fingerprints of the findings one story has now (none left out)."""
    story = build_story(paths, options)
    unfiltered = replace(options, baseline=None)
    return [suppress.fingerprint(story, f) for f in story_report(story, unfiltered).findings]


def load_document(
    path: str, options: Options, *, one_per_line: bool = False, source: SourceText | None = None
) -> Document:
    """Read, localise, segment and extract one version (each line a sentence if asked)."""
    source = source or read(path, options.max_bytes)
    locale = resolve_locale(source, options.langs.get(path))
    sentences = one_sentence_per_line(source) if one_per_line else segment(source, locale.tag)
    dates, weekdays = extract_dates(source, sentences, locale)
    numbers, number_style = extract_numbers(source, sentences, locale, dates)
    links = extract_links(source.text, sentences)
    hidden = markup_links(source, sentences)
    if hidden:
        links = tuple(sorted(links + hidden, key=lambda k: (k.start, k.end)))
    return Document(
        source,
        locale,
        sentences,
        dates,
        weekdays,
        # A markup link's text is prose, with names in it: only links written out are not.
        names=extract_names(
            source.text, sentences, locale, dates, weekdays, [k for k in links if not k.markup]
        ),
        quotes=extract_quotes(source.text, sentences, locale),
        links=links,
        numbers=numbers,
        number_style=number_style,
    )


def build_story(paths: Sequence[str], options: Options) -> CheckedStory:
    """Every stage up to the rules: documents, reference date, alignment, timelines."""
    _refuse_duplicates(paths)
    documents, given = _load_versions(paths, options)
    references = _references(documents, options)
    first = [
        resolve(d, r, cldr.order_is_settled(d.locale.tag))
        for d, r in zip(documents, references, strict=True)
    ]
    embeddings = embedder(options)
    alignments = given or tuple(
        align(documents[0], other, embeddings=embeddings) for other in documents[1:]
    )
    timelines = _resolve_with_alignment(documents, references, first, alignments)
    versions = tuple(
        Version(d, t, "source" if i == 0 else "target")
        for i, (d, t) in enumerate(zip(documents, timelines, strict=True))
    )
    return CheckedStory(_story_id(paths), versions, alignments)


def embedder(options: Options) -> embed.Embedder | None:
    """The sentence embedder the options ask for (one per story, so that the source is
    embedded once for all its translations), or None for the lexical aligner."""
    if options.aligner not in embed.ALIGNERS:
        raise ValueError(f"unknown aligner {options.aligner!r}: choose from {embed.ALIGNERS}")
    if options.aligner == "lexical":
        return None
    embed.check_installed()
    return embed.Embedder()


def _load_versions(
    paths: Sequence[str], options: Options
) -> tuple[list[Document], tuple[Alignment, ...]]:
    """Every version; a file that holds two (XLIFF) brings its own alignment, unit by unit."""
    texts = [read_versions(path, options.max_bytes) for path in paths]
    if all(len(held) == 1 for held in texts):
        return [
            load_document(path, options, source=held[0])
            for path, held in zip(paths, texts, strict=True)
        ], ()
    if len(paths) > 1:
        bilingual = next(p for p, held in zip(paths, texts, strict=True) if len(held) > 1)
        raise InputError(bilingual, "holds a source and its translation: check it on its own")
    documents = [load_document(paths[0], options, source=held) for held in texts[0]]
    return documents, tuple(_unit_alignment(documents[0], other) for other in documents[1:])


def _unit_alignment(source: Document, target: Document) -> Alignment:
    """The file's own pairing: each unit's sentences on one side with its sentences on the other."""
    beads = []
    for (_, start, end), (_, other_start, other_end) in zip(
        source.source.units, target.source.units, strict=True
    ):
        ours = tuple(s.index for s in source.sentences if start <= s.start < end)
        theirs = tuple(s.index for s in target.sentences if other_start <= s.start < other_end)
        if ours or theirs:
            beads.append(Bead(ours, theirs, 1.0))
    return Alignment(source.path, target.path, tuple(beads))


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
    The source borrows only where its own evidence left the reading open: a translation's
    slip must never make the original read otherwise than its own locale and dates say.
    """
    if not alignments:
        return list(first)
    aligned: list[dict[int, list[tuple[dt.date, str]]]] = [{} for _ in documents]
    # Each version's dates by sentence (in text order), so that a bead looks at its own only.
    mentions = [_dates_by_sentence(d) for d in documents]
    settled = [_settled_by_sentence(d, t) for d, t in zip(documents, first, strict=True)]
    for number, alignment in enumerate(alignments, start=1):
        for bead in alignment.beads:
            for mine, ours, theirs, their_sentences in (
                (0, bead.source, number, bead.target),
                (number, bead.target, 0, bead.source),
            ):
                # Most beads hold no date: look for one on this side before gathering the other's.
                indexes = [i for sentence in ours for i in mentions[mine].get(sentence, ())]
                if mine == 0:
                    indexes = [i for i in indexes if not first[0].dates[i].decided]
                if not indexes:
                    continue
                lent = [d for k in their_sentences for d in settled[theirs].get(k, ())]
                if not lent:
                    continue
                for index in indexes:
                    aligned[mine].setdefault(index, []).extend(lent)
    # A version no other version lends a date keeps its first timeline: nothing would change.
    return [
        resolve(d, r, cldr.order_is_settled(d.locale.tag), a, timeline) if a else timeline
        for d, r, a, timeline in zip(documents, references, aligned, first, strict=True)
    ]


def _settled_by_sentence(
    document: Document, timeline: Timeline
) -> dict[int, list[tuple[dt.date, str]]]:
    """The dates a version's own evidence decided, by sentence, with where they come from."""
    language = cldr.language_name(document.locale.language)
    settled: dict[int, list[tuple[dt.date, str]]] = {}
    for resolved in timeline.dates:
        if resolved.value is None or not resolved.decided:
            continue
        where = f"the {language} version ({document.path}, {resolved.mention.text!r})"
        settled.setdefault(resolved.mention.sentence, []).append((resolved.value, where))
    return settled


def _dates_by_sentence(document: Document) -> dict[int, list[int]]:
    """The index in document.dates of each date mention, by sentence, in text order."""
    by_sentence: dict[int, list[int]] = {}
    for index, mention in enumerate(document.dates):
        by_sentence.setdefault(mention.sentence, []).append(index)
    return by_sentence


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
