"""Detection quality by fault injection: recall per fault type, false alarms on faithful text.

Takes a folder of story bundles (one folder per story; versions named by locale, `pt-BR.txt`,
`en-US.md`; the source named in `story.toml`, else the first locale alphabetically), and for
every translation of every faithful story injects typed faults, one at a time, into a copy in a
temporary folder (input files are never written), then runs the whole pipeline (`api.check`)
on the story with the faulty copy in place of the translation.

A fault is found when a warning or error that the untouched story did not have, of the rule
family the fault belongs to (faults_inject.FAMILIES), points at the fault's line (or a related
location does); for a dropped sentence the lines next to it, or the source sentence it
translated, count too. A fault that only an info finding of its family marked is not found;
the "info only" column counts those. Over the untouched faithful stories, every warning or
error is a false alarm; they are counted per 1,000 sentences of translation (every version's
sentences are counted too) and listed with their sentence.

A story is faithful unless its expected.json lists findings (a story with planted faults).
Fault types whose family has no rule in `reconcile.rules.RULES` are reported as "no rule
yet" and do not count toward the targets.

    .venv/bin/python benchmarks/faults.py corpora/stories --seed 1 [--per-type 3] [--json]

Targets (issue 7): recall >= 0.95 for every covered fault type; <= 1 false alarm per 1,000
sentences of faithful translation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faults_inject import FAMILIES, INJECTORS, Fault, Target

from reconcile import api, rules
from reconcile.locale import locale_from_file_name
from reconcile.model import CheckedStory, Finding, InputError, Severity

TODAY = dt.date(2026, 11, 25)  # fixed, so that runs on different days agree
RECALL_TARGET = 0.95
FALSE_ALARM_TARGET = 1.0  # per 1,000 sentences of faithful translation
_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".xml", ".xlf", ".xliff")


@dataclass(frozen=True, slots=True)
class Bundle:
    id: str
    folder: Path
    files: tuple[str, ...]  # the source first
    reference_date: dt.date | None
    planted: bool  # expected.json lists findings: not faithful


@dataclass(frozen=True, slots=True)
class Outcome:
    fault: Fault
    found_by: str | None  # the rule whose warning or error found it
    info_by: str | None = None  # not found, but an info finding of the right family was there


@dataclass(frozen=True, slots=True)
class FalseAlarm:
    story: str
    file: str
    line: int
    rule: str
    severity: str
    excerpt: str
    sentence: str


@dataclass(frozen=True, slots=True)
class Result:
    seed: int
    per_type: int
    bundles: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (story, why)
    outcomes: tuple[Outcome, ...]
    false_alarms: tuple[FalseAlarm, ...]
    translation_sentences: int
    all_sentences: int


# --- bundles ---------------------------------------------------------------------------------


def find_bundles(folder: Path) -> list[Bundle]:
    bundles = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        versions = sorted(
            p.name
            for p in path.iterdir()
            if p.suffix in _SUFFIXES and locale_from_file_name(p.name) and p.is_file()
        )
        if not versions:
            continue
        config: dict[str, object] = {}
        if (path / "story.toml").exists():
            config = tomllib.loads((path / "story.toml").read_text(encoding="utf-8"))
        listed = config.get("versions")
        source = str(config.get("source") or versions[0])
        if isinstance(listed, list) and listed:
            files = tuple(str(f) for f in listed)
        else:
            files = (source, *(v for v in versions if v != source))
        reference = config.get("reference_date")
        planted = False
        expected = path / "expected.json"
        if expected.exists():
            planted = bool(json.loads(expected.read_text(encoding="utf-8")).get("findings"))
        bundles.append(
            Bundle(
                path.name,
                path,
                files,
                dt.date.fromisoformat(str(reference)) if reference else None,
                planted,
            )
        )
    return bundles


# --- running ---------------------------------------------------------------------------------


def _options(bundle: Bundle) -> api.Options:
    return api.Options(reference_date=bundle.reference_date, today=TODAY)


def _serious(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is not Severity.INFO]


def _findings(paths: Sequence[str], options: api.Options) -> list[Finding]:
    report = api.check(paths, options)
    return [f for story in report.stories for f in story.findings]


def _key(finding: Finding, removed_line: int = 0) -> tuple[str, str, int]:
    """A finding's rule, file and line in the untouched file's numbering."""
    line = finding.location.line
    if removed_line and line >= removed_line:
        line += 1
    return finding.rule, Path(finding.location.path).name, line


def _hits(finding: Finding, fault: Fault) -> bool:
    """Whether the finding, or one of its related locations, points at the fault."""
    slack = 1 if fault.type == "sentence-dropped" else 0
    places = {(fault.file, line) for line in range(fault.line - slack, fault.end_line + slack + 1)}
    places |= set(fault.also)
    for location in (finding.location, *finding.related):
        name = Path(location.path).name
        if any((name, line) in places for line in range(location.line, location.end_line + 1)):
            return True
    return False


def _outcome(
    fault: Fault, findings: Sequence[Finding], baseline: set[tuple[str, str, int]]
) -> Outcome:
    """Found by a new warning or error of the fault's family at its place; else an info's."""
    families = FAMILIES[fault.type]
    info = None
    for finding in sorted(findings, key=lambda f: f.sort_key()):
        if not finding.rule.startswith(families):
            continue
        if _key(finding, fault.removed_line) in baseline:
            continue  # the untouched story had it already
        if _hits(finding, fault):
            if finding.severity is not Severity.INFO:
                return Outcome(fault, finding.rule)
            info = info or finding.rule
    return Outcome(fault, None, info)


def _sentence_at(story: CheckedStory, finding: Finding) -> str:
    for version in story.versions:
        document = version.document
        if document.path != finding.location.path:
            continue
        for sentence in document.sentences:
            start = document.source.position(sentence.start)
            end = document.source.position(sentence.end)
            here = (finding.location.line, finding.location.column)
            if start <= here < end or start == here:
                return sentence.text
        return finding.location.line_text
    return finding.location.line_text


def _donors(stories: dict[str, CheckedStory]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Per (story, language): full sentences of the other stories in that language."""
    pool: dict[str, list[tuple[str, str]]] = {}
    for story_id in sorted(stories):
        for version in stories[story_id].versions:
            document = version.document
            for sentence in document.sentences:
                text = sentence.text.strip()
                if text[-1:] in ".!?" and "\n" not in text and len(text) > 40:
                    pool.setdefault(document.locale.language, []).append((story_id, text))
    return {
        (story_id, language): tuple(t for s, t in sentences if s != story_id)
        for story_id in stories
        for language, sentences in pool.items()
    }


def run(
    folder: Path,
    seed: int,
    per_type: int = 3,
    types: Sequence[str] | None = None,
) -> Result:
    """Inject faults into every faithful bundle under `folder`; never writes to `folder`."""
    rng = random.Random(seed)
    chosen_types = sorted(types or INJECTORS)
    bundles = find_bundles(folder)
    skipped: list[tuple[str, str]] = []
    outcomes: list[Outcome] = []
    alarms: list[FalseAlarm] = []
    translation_sentences = all_sentences = 0
    with tempfile.TemporaryDirectory(prefix="reconcile-faults-") as scratch:
        stories: dict[str, CheckedStory] = {}
        copies: dict[str, Path] = {}
        baselines: dict[str, list[Finding]] = {}
        for bundle in bundles:
            if bundle.planted:
                skipped.append((bundle.id, "planted faults (expected.json lists findings)"))
                continue
            copy = Path(scratch) / bundle.id
            copy.mkdir()
            for name in bundle.files:
                shutil.copyfile(bundle.folder / name, copy / name)
            paths = [str(copy / name) for name in bundle.files]
            try:
                stories[bundle.id] = api.build_story(paths, _options(bundle))
                baselines[bundle.id] = _findings(paths, _options(bundle))
            except InputError as error:
                skipped.append((bundle.id, str(error)))
                continue
            copies[bundle.id] = copy
        donors = _donors(stories)
        for bundle in bundles:
            if bundle.id not in stories:
                continue
            story = stories[bundle.id]
            for version in story.versions:
                count = len(version.document.sentences)
                all_sentences += count
                translation_sentences += count if version.role == "target" else 0
            for finding in _serious(baselines[bundle.id]):
                alarms.append(
                    FalseAlarm(
                        bundle.id,
                        Path(finding.location.path).name,
                        finding.location.line,
                        finding.rule,
                        finding.severity.value,
                        finding.location.excerpt,
                        _sentence_at(story, finding),
                    )
                )
            baseline = {_key(f) for f in baselines[bundle.id]}
            copy = copies[bundle.id]
            paths = [str(copy / name) for name in bundle.files]
            source = story.versions[0]
            for number, version in enumerate(story.versions[1:]):
                name = Path(version.document.path).name
                target = Target(
                    bundle.id,
                    name,
                    bundle.files[0],
                    version.document,
                    version.timeline,
                    source.document,
                    story.alignments[number],
                    donors.get((bundle.id, version.document.locale.language), ()),
                )
                untouched = (copy / name).read_bytes()
                for kind in chosen_types:
                    candidates = INJECTORS[kind](target)
                    picked = sorted(
                        rng.sample(range(len(candidates)), min(per_type, len(candidates)))
                    )
                    for index in picked:
                        fault = candidates[index]
                        (copy / name).write_text(fault.text, encoding="utf-8")
                        try:
                            found = _findings(paths, _options(bundle))
                        finally:
                            (copy / name).write_bytes(untouched)
                        outcomes.append(_outcome(fault, found, baseline))
    return Result(
        seed,
        per_type,
        tuple(b.id for b in bundles),
        tuple(skipped),
        tuple(outcomes),
        tuple(alarms),
        translation_sentences,
        all_sentences,
    )


# --- reporting -------------------------------------------------------------------------------


def covered(kind: str) -> bool:
    """Whether some registered rule belongs to a family that can find this fault type."""
    return any(r.id.startswith(FAMILIES[kind]) for r in rules.RULES)


def table(result: Result) -> list[dict[str, object]]:
    rows = []
    for kind in sorted(INJECTORS):
        mine = [o for o in result.outcomes if o.fault.type == kind]
        found = sum(1 for o in mine if o.found_by)
        recall = found / len(mine) if mine else None
        status = "no rule yet"
        if covered(kind):
            if recall is None:
                status = "not injected"
            else:
                status = "met" if recall >= RECALL_TARGET else "missed"
        rows.append(
            {
                "type": kind,
                "families": list(FAMILIES[kind]),
                "injected": len(mine),
                "found": found,
                "info_only": sum(1 for o in mine if o.info_by),
                "recall": None if recall is None else round(recall, 3),
                "target": status,
            }
        )
    return rows


def per_thousand(result: Result) -> float:
    if not result.translation_sentences:
        return 0.0
    return 1000 * len(result.false_alarms) / result.translation_sentences


def as_json(result: Result) -> str:
    payload = {
        "seed": result.seed,
        "per_type": result.per_type,
        "stories": len(result.bundles),
        "skipped": [{"story": s, "why": w} for s, w in result.skipped],
        "recall": table(result),
        "false_alarms": {
            "count": len(result.false_alarms),
            "translation_sentences": result.translation_sentences,
            "all_sentences": result.all_sentences,
            "per_1000_translation_sentences": round(per_thousand(result), 2),
            "target_met": per_thousand(result) <= FALSE_ALARM_TARGET,
            "list": [
                {
                    "story": a.story,
                    "file": a.file,
                    "line": a.line,
                    "rule": a.rule,
                    "severity": a.severity,
                    "excerpt": a.excerpt,
                    "sentence": a.sentence,
                }
                for a in result.false_alarms
            ],
        },
        "faults": [
            {
                "type": o.fault.type,
                "story": o.fault.story,
                "file": o.fault.file,
                "line": o.fault.line,
                "column": o.fault.column,
                "end_line": o.fault.end_line,
                "end_column": o.fault.end_column,
                "before": o.fault.before,
                "after": o.fault.after,
                "found_by": o.found_by,
                "info_by": o.info_by,
            }
            for o in result.outcomes
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def as_text(result: Result, misses: bool = False) -> str:
    faithful = len(result.bundles) - sum(
        1 for _, why in result.skipped if why.startswith("planted")
    )
    lines = [
        f"{faithful} faithful stories of {len(result.bundles)}; seed {result.seed}, "
        f"up to {result.per_type} faults per type per translation",
        "",
        f"{'fault type':<26} {'families':<16} {'injected':>8} {'found':>6} {'recall':>7} "
        f"{'info only':>9}  target",
    ]
    for row in table(result):
        recall = "-" if row["recall"] is None else f"{row['recall']:.3f}"
        families = ",".join(FAMILIES[str(row["type"])])
        lines.append(
            f"{row['type']:<26} {families:<16} {row['injected']:>8} {row['found']:>6} "
            f"{recall:>7} {row['info_only']:>9}  {row['target']}"
        )
    rate = per_thousand(result)
    verdict = "met" if rate <= FALSE_ALARM_TARGET else "missed"
    lines += [
        "",
        f"false alarms on faithful stories: {len(result.false_alarms)} in "
        f"{result.translation_sentences} sentences of translation ({result.all_sentences} in all "
        f"versions): {rate:.2f} per 1,000 translation sentences, target <= "
        f"{FALSE_ALARM_TARGET:g}: {verdict}",
    ]
    for alarm in result.false_alarms:
        where = "" if alarm.excerpt == alarm.sentence else f"{alarm.excerpt!r} in: "
        lines.append(
            f"  {alarm.story}/{alarm.file}:{alarm.line} {alarm.severity} [{alarm.rule}] "
            f"{where}{alarm.sentence}"
        )
    for story, why in result.skipped:
        lines.append(f"skipped {story}: {why}")
    if misses:
        lines.append("")
        lines.append("faults not found:")
        for outcome in result.outcomes:
            fault = outcome.fault
            if outcome.found_by is None and covered(fault.type):
                lines.append(
                    f"  {fault.type} {fault.story}/{fault.file}:{fault.line}:{fault.column} "
                    f"{fault.before!r} -> {fault.after!r}"
                    + (f" (info only: {outcome.info_by})" if outcome.info_by else "")
                )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", type=Path, help="a folder of story bundles")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-type", type=int, default=3, help="faults per type per translation")
    parser.add_argument("--type", action="append", choices=sorted(INJECTORS), dest="types")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--misses", action="store_true", help="list the faults not found")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder", file=sys.stderr)
        return 2
    try:
        result = run(args.folder, args.seed, args.per_type, args.types)
    except InputError as error:
        print(str(error), file=sys.stderr)
        return 2
    sys.stdout.write(as_json(result) if args.json else as_text(result, args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
