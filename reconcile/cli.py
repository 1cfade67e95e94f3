"""The command line (Typer): parse arguments, call the api, hand the result to a formatter."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, NoReturn, TextIO, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from reconcile import api, batch, embed, rules, suppress
from reconcile import config as config_file
from reconcile.align import LOW_CONFIDENCE, align
from reconcile.config import Config
from reconcile.model import STOPS, Document, InputError, Report
from reconcile.report import FORMATS, StreamFormatter, formatter
from reconcile.report.common import meets
from reconcile.report.facts import facts_json, facts_text
from reconcile.report.ruledocs import rules_markdown

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Align the language versions of a story and flag what would mislead a reader.",
)

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
T = TypeVar("T")

LangOption = Annotated[
    list[str] | None,
    typer.Option("--lang", help="A version's locale: FILE=LOCALE (repeatable)."),
]
ReferenceOption = Annotated[
    str | None,
    typer.Option("--reference-date", help="The story's date, YYYY-MM-DD; else inferred."),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report here, not to stdout.")
]


FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="text, json, jsonl, sarif, github or junit.")
]
FailOnOption = Annotated[
    str | None,
    typer.Option(
        "--fail-on", help="Exit 1 on a finding this severe or worse (default: config, warning)."
    ),
]
ConfigOption = Annotated[
    str | None,
    typer.Option("--config", help="A reconcile.toml or pyproject.toml; else found upward."),
]
BaselineOption = Annotated[
    str | None,
    typer.Option("--baseline", help="Leave out the findings in this baseline file."),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", help="Only these rules or families (repeatable)."),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Leave out these rules or families (repeatable)."),
]
SourceLocaleOption = Annotated[
    str | None,
    typer.Option("--source-locale", help="The locale of the original in each story (batch)."),
]
MaxSizeOption = Annotated[
    float | None,
    typer.Option(
        "--max-file-size", min=0.001, help="Refuse input files over this many MB (default 20)."
    ),
]
JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", help="Stories checked at once (default: the CPU count)."),
]
AlignerOption = Annotated[
    str,
    typer.Option(
        "--aligner",
        help="lexical, or embeddings: also compare what the sentences say "
        "(needs the embeddings extra; slower).",
    ),
]


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="The versions of one story, source first.")],
    format: FormatOption = "text",
    fail_on: FailOnOption = None,
    lang: LangOption = None,
    reference_date: ReferenceOption = None,
    output: OutputOption = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The original, if not the first FILE.")
    ] = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    max_file_size: MaxSizeOption = None,
    aligner: AlignerOption = "lexical",
) -> None:
    """Check one story: FILE... are its versions, the first is the source."""
    _choose(format, FORMATS, "--format")
    _choose_aligner(aligner)
    settings = _settings(config, select, ignore, fail_on, baseline)
    failing = settings.fail_on or "warning"
    if source is not None:
        if source not in files:
            _fail(f"--source {source!r} is not one of the files given")
        files = [source, *(f for f in files if f != source)]
    options = _limited(_options(lang, reference_date, settings, files), max_file_size, settings)
    options = replace(options, aligner=aligner)
    report = _guard(lambda: api.check(files, options))
    colour = format == "text" and output is None and _terminal()
    _emit(formatter(format, colour=colour, fail_on=failing).render(report), output)
    _note_unused_baseline(options, [key for story in report.stories for key in story.baselined])
    raise typer.Exit(_exit_code(report, failing))


@app.command(name="batch")
def batch_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Story folders, folders of stories, files grouped by stem, manifests."),
    ],
    format: FormatOption = "text",
    fail_on: FailOnOption = None,
    reference_date: ReferenceOption = None,
    output: OutputOption = None,
    jobs: JobsOption = None,
    source_locale: SourceLocaleOption = None,
    config: ConfigOption = None,
    baseline: BaselineOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    max_file_size: MaxSizeOption = None,
    aligner: AlignerOption = "lexical",
) -> None:
    """Check many stories; a story that cannot be read is reported and the rest still run.

    Exit 2 if any story could not be checked, else 1 if any finding is at or above
    --fail-on, else 0.
    """
    _choose(format, FORMATS, "--format")
    _choose_aligner(aligner)
    settings = _settings(config, select, ignore, fail_on, baseline, source_locale)
    failing = settings.fail_on or "warning"
    workers = _workers(jobs)
    options = _limited(_options(None, reference_date, settings, []), max_file_size, settings)
    options = replace(options, aligner=aligner)
    found = _guard(lambda: batch.discover(paths, settings.source_locale, settings))
    colour = format == "text" and output is None and _terminal()
    render = formatter(format, colour=colour, fail_on=failing)
    stats = batch.Summary()
    sink = _open_output(output)
    try:
        with _progress(len(found)) as advance:
            results = batch.run(found, options, workers)
            if isinstance(render, StreamFormatter):
                sink.write(render.begin())
                for result in results:
                    stats.add(result, failing)
                    sink.write(render.story(result.report))
                    advance()
                sink.write(render.end(stats.totals))
            else:
                held = []
                for result in results:
                    stats.add(result, failing)
                    held.append(result.report)
                    advance()
                sink.write(render.render(Report(tuple(held), rules.infos())))
    finally:
        if sink is not sys.stdout:
            sink.close()
    typer.echo(stats.summary(), err=True)
    _note_unused_baseline(options, stats.baselined)
    raise typer.Exit(stats.exit_code())


@app.command(name="baseline")
def baseline_command(
    paths: Annotated[list[str], typer.Argument(help="The stories, as for `reconcile batch`.")],
    output: OutputOption = None,
    reference_date: ReferenceOption = None,
    jobs: JobsOption = None,
    source_locale: SourceLocaleOption = None,
    config: ConfigOption = None,
) -> None:
    """Record today's findings so that later runs report only new ones.

    Writes to --output, else the configuration's `baseline`, else reconcile-baseline.json.
    """
    settings = _settings(config, None, None, None, None, source_locale)
    workers = _workers(jobs)
    options = _options(None, reference_date, settings, [], use_baseline=False)
    found = _guard(lambda: batch.discover(paths, settings.source_locale, settings))
    prints: list[str] = []
    with _progress(len(found)) as advance:
        for result in batch.run(found, options, workers, fingerprints=True):
            error = result.report.error
            if error is not None:
                story = result.report.id
                _fail(f"{error.path}: {error.cause} (story {story}; no baseline written)")
            prints.extend(result.fingerprints)
            advance()
    target = output or Path(settings.baseline or "reconcile-baseline.json")
    _emit(suppress.baseline_text(prints), target)
    typer.echo(
        f"reconcile: {len(prints)} findings of {len(found)} stories recorded in {target}", err=True
    )


@app.command()
def facts(
    file: Annotated[str, typer.Argument(help="One version of a story.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    lang: LangOption = None,
    reference_date: ReferenceOption = None,
    output: OutputOption = None,
) -> None:
    """Show every date in FILE with its readings and evidence, and every number with its value."""
    _choose(format, ("text", "json"), "--format")
    options = _options(lang, reference_date)
    document, timeline = _guard(lambda: api.document_timeline(file, options))
    render = facts_json if format == "json" else facts_text
    _emit(render(document, timeline), output)


@app.command(name="align")
def align_command(
    source: Annotated[str, typer.Argument(help="The source version.")],
    target: Annotated[str, typer.Argument(help="A translation of it.")],
    format: Annotated[
        str, typer.Option("--format", "-f", help="text, tsv, json or beads (Vecalign form).")
    ] = "text",
    lang: LangOption = None,
    output: OutputOption = None,
    one_sentence_per_line: Annotated[
        bool,
        typer.Option(
            "--one-sentence-per-line", help="Each line is one sentence: take the input as is."
        ),
    ] = False,
    aligner: AlignerOption = "lexical",
) -> None:
    """Show the sentence alignment of two versions; low-confidence beads are marked."""
    _choose(format, ("text", "tsv", "json", "beads"), "--format")
    _choose_aligner(aligner)
    options = replace(_options(lang, None), aligner=aligner)

    def load() -> tuple[Document, Document]:
        api._refuse_duplicates([source, target])
        return (
            api.load_document(source, options, one_per_line=one_sentence_per_line),
            api.load_document(target, options, one_per_line=one_sentence_per_line),
        )

    ours, theirs = _guard(load)
    embeddings = api.embedder(options)
    alignment = _guard(lambda: align(ours, theirs, embeddings=embeddings))
    rows = [
        (
            bead.source,
            bead.target,
            bead.score,
            " ".join(ours.sentences[i].text for i in bead.source),
            " ".join(theirs.sentences[i].text for i in bead.target),
        )
        for bead in alignment.beads
    ]
    if format == "json":
        text = json.dumps(
            {
                "source": source,
                "target": target,
                "beads": [
                    {
                        "source": list(s),
                        "target": list(t),
                        "score": round(c, 3),
                        "low_confidence": c < LOW_CONFIDENCE,
                    }
                    for s, t, c, _, _ in rows
                ],
            },
            indent=2,
        )
    elif format == "beads":
        text = "\n".join(f"{_ids(s)}:{_ids(t)}" for s, t, _, _, _ in rows)
    elif format == "tsv":
        text = "\n".join(
            f"{_ids(s)}\t{_ids(t)}\t{c:.3f}\t{'low' if c < LOW_CONFIDENCE else ''}\t{a}\t{b}"
            for s, t, c, a, b in rows
        )
    else:
        low = "  ? low confidence"
        text = "\n".join(
            f"{_ids(s):>9} | {_ids(t):<9} {c:.2f}{low if c < LOW_CONFIDENCE else ''}"
            f"\n    {a}\n    {b}"
            for s, t, c, a, b in rows
        )
    _emit(text + "\n", output)


@app.command(name="rules")
def list_rules(
    format: Annotated[
        str, typer.Option("--format", "-f", help="text, or markdown (docs/rules.md).")
    ] = "text",
) -> None:
    """List every rule with its default severity and summary."""
    _choose(format, ("text", "markdown"), "--format")
    if format == "markdown":
        sys.stdout.write(rules_markdown(rules.infos()))
        return
    width = max(len(r.id) for r in rules.RULES)
    for rule in rules.RULES:
        typer.echo(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary()}")


@app.command()
def explain(rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id.")]) -> None:
    """Show one rule's documentation."""
    rule = rules.rule(rule_id)
    if rule is None:
        _fail(f"unknown rule {rule_id!r}; `reconcile rules` lists them")
    typer.echo(f"{rule.id} ({rule.severity.value})\n\n{rule.doc()}")


def main() -> None:
    app(prog_name="reconcile")


def _guard(work: Callable[[], T]) -> T:
    """Run a stage; a bad file or a bug ends in one line on stderr, never a traceback."""
    try:
        return work()
    except InputError as error:
        _fail(str(error))
    except RecursionError:
        _fail("input nested too deeply to process")
    except BaseException as error:  # a bug: still one line, and a way to report it
        if isinstance(error, STOPS):
            raise
        _fail(f"internal error ({type(error).__name__}: {error}); please report it")


def _fail(message: str) -> NoReturn:
    typer.echo(f"reconcile: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)


def _choose(value: str, allowed: tuple[str, ...], option: str) -> None:
    if value not in allowed:
        _fail(f"{option} {value!r}: choose from {', '.join(allowed)}")


def _choose_aligner(aligner: str) -> None:
    """--aligner: a known value, and for embeddings, the extra installed."""
    _choose(aligner, embed.ALIGNERS, "--aligner")
    if aligner == "embeddings":
        try:
            embed.check_installed()
        except embed.MissingExtra as error:
            _fail(str(error))


def _options(
    lang: list[str] | None,
    reference_date: str | None,
    settings: Config | None = None,
    files: Sequence[str] = (),
    *,
    use_baseline: bool = True,
) -> api.Options:
    settings = settings or Config()
    langs = {}
    for path in files:  # the configuration's `lang` patterns, which --lang overrides
        tag = settings.locale_for(path)
        if tag:
            langs[path] = tag
    for item in lang or ():
        path, _, tag = item.rpartition("=")
        if not path or not tag:
            _fail(f"--lang {item!r}: expected FILE=LOCALE")
        langs[path] = tag
    reference = None
    if reference_date is not None:
        try:
            reference = dt.date.fromisoformat(reference_date)
        except ValueError:
            _fail(f"--reference-date {reference_date!r}: expected YYYY-MM-DD")
    base = None
    if settings.baseline is not None and use_baseline:
        base = _guard(lambda: suppress.read_baseline(str(settings.baseline)))
    return api.Options(langs=langs, reference_date=reference, config=settings, baseline=base)


def _settings(
    path: str | None,
    select: list[str] | None,
    ignore: list[str] | None,
    fail_on: str | None,
    baseline: str | None,
    source_locale: str | None = None,
) -> Config:
    """The configuration file's settings with the command line's on top: flags win."""
    loaded = _guard(lambda: config_file.load(path))
    where = "command line"
    overrides: dict[str, object] = {}
    if select:
        overrides["select"] = select
    if ignore:
        overrides["ignore"] = ignore
    if fail_on is not None:
        overrides["fail_on"] = fail_on
    if source_locale is not None:
        overrides["source_locale"] = source_locale
    checked = _guard(lambda: config_file.parse(overrides, where))
    merged = replace(
        loaded,
        select=checked.select or loaded.select,
        ignore=checked.ignore or loaded.ignore,
        fail_on=checked.fail_on or loaded.fail_on,
        source_locale=checked.source_locale or loaded.source_locale,
    )
    if baseline is not None:
        merged = replace(merged, baseline=baseline)
    return merged


def _workers(jobs: int | None) -> int:
    if jobs is None:
        return os.cpu_count() or 1
    if jobs < 1:
        _fail(f"--jobs {jobs}: expected 1 or more")
    return jobs


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; nothing in a pipe or a log."""
    console = Console(stderr=True)
    if not console.is_terminal or total == 0:
        yield lambda: None
        return
    columns = (
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("stories"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("checking", total=total)
        yield lambda: bar.advance(task)


def _open_output(output: Path | None) -> TextIO:
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8")
    except OSError as error:
        _fail(f"{output}: cannot write ({error.strerror})")


def _note_unused_baseline(options: api.Options, used: list[str]) -> None:
    """Say on stderr how many baseline entries left no finding out: fixed since, or their text
    changed. A note, not a failure: the run may cover only some of the baseline's stories."""
    if options.baseline is None or options.config.baseline is None:
        return
    unused = suppress.unused_entries(options.baseline, used)
    if unused:
        typer.echo(
            f"reconcile: {options.config.baseline}: {unused} "
            f"{'entry matches' if unused == 1 else 'entries match'} no finding in this run "
            "(fixed, or the text changed); `reconcile baseline` rewrites it",
            err=True,
        )


def _limited(options: api.Options, max_file_size: float | None, settings: Config) -> api.Options:
    """The options with the size limit in MB applied: --max-file-size, else the configuration's
    max_file_size, else the default."""
    if max_file_size is None:
        max_file_size = settings.max_file_size
    if max_file_size is None:
        return options
    return replace(options, max_bytes=int(max_file_size * 1_000_000))


def _exit_code(report: Report, fail_on: str) -> int:
    if any(story.error is not None for story in report.stories):
        return EXIT_INPUT
    failing = any(meets(f.severity, fail_on) for s in report.stories for f in s.findings)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        _fail(f"{output}: cannot write ({error.strerror})")


def _terminal() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _ids(ids: tuple[int, ...]) -> str:
    return "[" + ", ".join(str(i) for i in ids) + "]"
