"""The command line (Typer): parse arguments, call the api, hand the result to a formatter."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn, TypeVar

import typer

from reconcile import api, rules
from reconcile.align import align
from reconcile.model import Document, InputError, Report, Severity
from reconcile.report import FORMATS, formatter
from reconcile.report.facts import facts_json, facts_text

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


@app.command()
def check(
    files: Annotated[list[str], typer.Argument(help="The versions of one story, source first.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    fail_on: Annotated[
        str, typer.Option("--fail-on", help="Exit 1 on a finding this severe or worse.")
    ] = "warning",
    lang: LangOption = None,
    reference_date: ReferenceOption = None,
    output: OutputOption = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The original, if not the first FILE.")
    ] = None,
) -> None:
    """Check one story: FILE... are its versions, the first is the source."""
    _choose(format, FORMATS, "--format")
    _choose(fail_on, FAIL_ON, "--fail-on")
    if source is not None:
        if source not in files:
            _fail(f"--source {source!r} is not one of the files given")
        files = [source, *(f for f in files if f != source)]
    options = _options(lang, reference_date)
    report = _guard(lambda: api.check(files, options))
    colour = format == "text" and output is None and _terminal()
    _emit(formatter(format, colour=colour).render(report), output)
    raise typer.Exit(_exit_code(report, fail_on))


@app.command()
def facts(
    file: Annotated[str, typer.Argument(help="One version of a story.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    lang: LangOption = None,
    reference_date: ReferenceOption = None,
    output: OutputOption = None,
) -> None:
    """Show every date in FILE with all its readings, the evidence and the reading chosen."""
    _choose(format, ("text", "json"), "--format")
    options = _options(lang, reference_date)
    document, timeline = _guard(lambda: api.document_timeline(file, options))
    render = facts_json if format == "json" else facts_text
    _emit(render(document, timeline), output)


@app.command(name="align")
def align_command(
    source: Annotated[str, typer.Argument(help="The source version.")],
    target: Annotated[str, typer.Argument(help="A translation of it.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text, tsv or json.")] = "text",
    lang: LangOption = None,
    output: OutputOption = None,
) -> None:
    """Show the sentence alignment of two versions."""
    _choose(format, ("text", "tsv", "json"), "--format")
    options = _options(lang, None)

    def load() -> tuple[Document, Document]:
        api._refuse_duplicates([source, target])
        return api.load_document(source, options), api.load_document(target, options)

    ours, theirs = _guard(load)
    alignment = align(ours, theirs)
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
                    {"source": list(s), "target": list(t), "score": round(c, 3)}
                    for s, t, c, _, _ in rows
                ],
            },
            indent=2,
        )
    elif format == "tsv":
        text = "\n".join(f"{_ids(s)}\t{_ids(t)}\t{c:.3f}\t{a}\t{b}" for s, t, c, a, b in rows)
    else:
        text = "\n".join(
            f"{_ids(s):>9} | {_ids(t):<9} {c:.2f}\n    {a}\n    {b}" for s, t, c, a, b in rows
        )
    _emit(text + "\n", output)


@app.command(name="rules")
def list_rules() -> None:
    """List every rule with its default severity and summary."""
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
    except Exception as error:  # a bug of ours: still one line, and a way to report it
        _fail(f"internal error ({type(error).__name__}: {error}); please report it")


def _fail(message: str) -> NoReturn:
    typer.echo(f"reconcile: {message}", err=True)
    raise typer.Exit(EXIT_INPUT)


def _choose(value: str, allowed: tuple[str, ...], option: str) -> None:
    if value not in allowed:
        _fail(f"{option} {value!r}: choose from {', '.join(allowed)}")


def _options(lang: list[str] | None, reference_date: str | None) -> api.Options:
    langs = {}
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
    return api.Options(langs=langs, reference_date=reference)


def _exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity(fail_on).rank
    worst = max((f.severity.rank for s in report.stories for f in s.findings), default=0)
    return EXIT_FINDINGS if worst >= threshold else EXIT_CLEAN


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
