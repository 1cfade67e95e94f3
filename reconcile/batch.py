"""Many stories at once: find them on disk or in a manifest, check them in parallel, in order."""

from __future__ import annotations

import csv
import datetime as dt
import heapq
import json
import os
import re
import time
import tomllib
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from reconcile import api, suppress
from reconcile.config import Config
from reconcile.locale import locale_from_file_name
from reconcile.model import STOPS, InputError, Severity, StoryError, StoryReport
from reconcile.report.common import Totals, meets

# Extensions a version of a story can have; other files in a story folder are ignored.
VERSION_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".json", ".xlf")
MANIFEST_EXTENSIONS = (".csv", ".jsonl", ".ndjson")
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?(?:[-_](?:[A-Za-z]{2}|[0-9]{3}))?")
_CHUNK = 8  # stories per task: fewer round trips between processes
_WINDOW = 4  # chunks in flight per worker: enough to keep workers busy, bounded memory


@dataclass(frozen=True, slots=True)
class StoryJob:
    """One story to check: its versions (the source first) and what it sets for itself."""

    id: str
    paths: tuple[str, ...]
    langs: tuple[tuple[str, str], ...] = ()  # path -> locale, from a manifest or the config
    reference_date: dt.date | None = None  # from story.toml
    error: StoryError | None = None  # found unusable while discovering it


@dataclass(frozen=True, slots=True)
class Result:
    report: StoryReport
    seconds: float  # wall time of this story in its worker, for the summary's slowest list
    fingerprints: tuple[str, ...] = ()  # of its findings, when asked for (a new baseline)


def discover(
    paths: Sequence[str], source_locale: str | None = None, config: Config | None = None
) -> list[StoryJob]:
    """The stories under `paths`, in a stable order: the order of `paths`, then by path.

    A folder with a story.toml is a story (its `source`, `versions`, `reference_date`); a folder
    of files named by locale (`en.txt`, `pt-BR.txt`) is a story named after the folder; files
    named `STEM.LOCALE.EXT` are grouped by stem; a .csv or .jsonl file is a manifest. Raises
    InputError for a path that does not exist or a manifest that cannot be read.
    """
    jobs: list[StoryJob] = []
    loose: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            jobs.extend(_folder(path, source_locale))
        elif os.path.isfile(path) and path.lower().endswith(MANIFEST_EXTENSIONS):
            jobs.extend(_manifest(path))
        elif os.path.isfile(path):
            loose.append(path)
        else:
            raise InputError(path, "no such file or folder")
    if loose:
        jobs.extend(_grouped(loose, source_locale, folder_id=None))
    if config is not None and config.lang:
        jobs = [_with_config_langs(job, config) for job in jobs]
    return jobs


def run(
    jobs: Iterable[StoryJob], options: api.Options, workers: int, *, fingerprints: bool = False
) -> Iterator[Result]:
    """Check every story, yielding results in the order of `jobs` whatever the scheduling.

    With more than one worker the stories run in a process pool; at most a bounded number of
    them are in flight or waiting to be yielded, so memory stays flat however many there are.
    """
    if workers <= 1:
        for job in jobs:
            yield check_job(job, options, fingerprints=fingerprints)
        return
    window = workers * _WINDOW
    # The options (a baseline can be large) go to each worker once, not with every task.
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(options,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for chunk in _chunks(jobs, _CHUNK):
            pending.append(pool.submit(_check_chunk, chunk, fingerprints))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def check_job(job: StoryJob, options: api.Options, *, fingerprints: bool = False) -> Result:
    """One story; a story that cannot be checked becomes a report carrying its error."""
    started = time.perf_counter()
    if job.error is not None:
        return Result(StoryReport(job.id, (), (), error=job.error), 0.0)
    langs = {**dict(job.langs), **options.langs}  # --lang wins over manifest and config
    reference = options.reference_date or job.reference_date
    story_options = replace(options, langs=langs, reference_date=reference)
    prints: tuple[str, ...] = ()
    try:
        story = api.build_story(job.paths, story_options)
        report = replace(api.story_report(story, story_options), id=job.id)
        if fingerprints:
            prints = tuple(suppress.fingerprint(story, f) for f in report.findings)
    except InputError as error:
        report = StoryReport(job.id, (), (), error=StoryError(error.path, error.cause))
    except RecursionError:
        cause = "input nested too deeply to process"
        report = StoryReport(job.id, (), (), error=StoryError(job.paths[0], cause))
    except BaseException as error:  # a bug: this story is reported, the rest still run
        if isinstance(error, STOPS):
            raise
        cause = f"internal error ({type(error).__name__}: {error}); please report it"
        report = StoryReport(job.id, (), (), error=StoryError(job.paths[0], cause))
    return Result(report, time.perf_counter() - started, prints)


_worker_options: list[api.Options] = []  # set once in each worker process by _start_worker


def _start_worker(options: api.Options) -> None:
    _worker_options[:] = [options]


def _check_chunk(chunk: list[StoryJob], fingerprints: bool) -> list[Result]:
    options = _worker_options[0]
    return [check_job(job, options, fingerprints=fingerprints) for job in chunk]


def _chunks(jobs: Iterable[StoryJob], size: int) -> Iterator[list[StoryJob]]:
    chunk: list[StoryJob] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _folder(folder: str, source_locale: str | None) -> Iterator[StoryJob]:
    """The stories in a folder and, when it is not a story itself, in its subfolders."""
    story_file = os.path.join(folder, "story.toml")
    if os.path.isfile(story_file):
        yield _story_toml(folder, story_file)
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        raise InputError(folder, f"cannot read folder ({error.strerror})") from None
    files = [
        os.path.join(folder, e.name)
        for e in entries
        if e.is_file() and e.name.lower().endswith(VERSION_EXTENSIONS)
    ]
    yield from _grouped(files, source_locale, folder_id=_folder_name(folder))
    for entry in entries:
        if entry.is_dir() and not entry.name.startswith("."):
            yield from _folder(os.path.join(folder, entry.name), source_locale)


def _grouped(files: list[str], source_locale: str | None, folder_id: str | None) -> list[StoryJob]:
    """Files named by locale, grouped: `en.txt` + `pt-BR.txt` by folder, `1234.en.txt` by stem."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for path in files:
        split = _stem_and_locale(path)
        if split is None:
            continue
        stem, tag = split
        parent = os.path.dirname(path)
        story_id = stem or folder_id or _folder_name(parent)
        groups.setdefault((parent, story_id), []).append((path, tag))
    jobs = []
    for (_, story_id), versions in sorted(groups.items()):
        versions.sort()
        jobs.append(_choose_source(story_id, versions, source_locale))
    return jobs


def _choose_source(
    story_id: str, versions: list[tuple[str, str]], source_locale: str | None
) -> StoryJob:
    paths = [path for path, _ in versions]
    if len(versions) == 1:
        return StoryJob(story_id, tuple(paths))
    if source_locale:
        wanted = source_locale.replace("_", "-").lower()
        exact = [p for p, tag in versions if tag.lower() == wanted]
        same_language = [p for p, tag in versions if tag.split("-")[0] == wanted.split("-")[0]]
        chosen = exact or same_language
        if len(chosen) == 1:
            source = chosen[0]
            return StoryJob(story_id, (source, *(p for p in paths if p != source)))
    cause = (
        f"cannot tell which of its {len(versions)} versions is the source: set source_locale "
        "in the configuration, --source-locale, or a manifest with roles"
    )
    return StoryJob(story_id, tuple(paths), error=StoryError(paths[0], cause))


def _story_toml(folder: str, story_file: str) -> StoryJob:
    story_id = _folder_name(folder)
    try:
        with open(story_file, "rb") as handle:
            data = tomllib.load(handle)
        source = data.get("source")
        versions = data.get("versions") or [
            source,
            *sorted(
                n
                for n in os.listdir(folder)
                if n != source
                and n.lower().endswith(VERSION_EXTENSIONS)
                and _stem_and_locale(n) is not None
            ),
        ]
        if not isinstance(source, str) or source not in versions:
            raise ValueError("`source` must name one of its versions")
        ordered = [source, *(v for v in versions if v != source)]
        reference = data.get("reference_date")
        date = dt.date.fromisoformat(str(reference)) if reference else None
    except (OSError, tomllib.TOMLDecodeError, ValueError, TypeError) as error:
        return StoryJob(
            story_id, (story_file,), error=StoryError(story_file, f"bad story.toml ({error})")
        )
    return StoryJob(story_id, tuple(os.path.join(folder, v) for v in ordered), reference_date=date)


def _manifest(path: str) -> list[StoryJob]:
    """Stories from a manifest: one row per version with story, path, locale and role."""
    rows = list(_manifest_rows(path))
    base = os.path.dirname(path)
    stories: dict[str, list[dict[str, str]]] = {}
    for number, row in rows:
        story = row.get("story") or row.get("id")
        file = row.get("path")
        if not story or not file:
            raise InputError(path, f"row {number}: needs `story` and `path`")
        role = (row.get("role") or "").lower()
        if role not in ("", "source", "target"):
            raise InputError(path, f"row {number}: role {role!r}: choose source or target")
        stories.setdefault(story, []).append(
            {"path": os.path.join(base, file), "locale": row.get("locale") or "", "role": role}
        )
    jobs = []
    for story, versions in stories.items():
        sources = [v for v in versions if v["role"] == "source"]
        if len(sources) > 1:
            raise InputError(path, f"story {story!r}: more than one source")
        ordered = sources + [v for v in versions if v["role"] != "source"]
        langs = tuple((v["path"], v["locale"]) for v in ordered if v["locale"])
        job = StoryJob(story, tuple(v["path"] for v in ordered), langs)
        if not sources and len(versions) > 1:
            cause = "the manifest names no source for it (role = source)"
            job = replace(job, error=StoryError(path, cause))
        jobs.append(job)
    return jobs


def _manifest_rows(path: str) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            if path.lower().endswith(".csv"):
                reader = csv.DictReader(handle)
                if reader.fieldnames is None or "path" not in reader.fieldnames:
                    raise InputError(path, "a CSV manifest needs a header: story,path,locale,role")
                for number, row in enumerate(reader, start=2):
                    yield (
                        number,
                        {k.strip().lower(): (v or "").strip() for k, v in row.items() if k},
                    )
                return
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(path, f"line {number}: not JSON ({error.msg})") from None
                if not isinstance(row, dict):
                    raise InputError(path, f"line {number}: expected an object")
                yield number, {str(k).lower(): str(v) for k, v in row.items() if v is not None}
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(path, "manifest is not UTF-8") from None


def _with_config_langs(job: StoryJob, config: Config) -> StoryJob:
    given = dict(job.langs)
    for path in job.paths:
        tag = config.locale_for(path)
        if tag and path not in given:
            given[path] = tag
    return replace(job, langs=tuple(given.items()))


def _stem_and_locale(path: str) -> tuple[str, str] | None:
    """(`1234`, `pt-BR`) for `1234.pt-BR.txt`, (``, `en`) for `en.txt`, None without a locale."""
    name = os.path.basename(path)
    base, extension = os.path.splitext(name)
    tag = locale_from_file_name(name)
    if tag is None:
        return None
    for cut in range(len(base)):
        if cut and base[cut - 1] not in "._-":
            continue
        if locale_from_file_name(base[cut:] + extension) == tag and _is_tag(base[cut:]):
            return base[: max(cut - 1, 0)], tag
    return None


def _is_tag(text: str) -> bool:
    return _TAG.fullmatch(text) is not None


def _folder_name(folder: str) -> str:
    return Path(os.path.abspath(folder)).name or folder


class Summary:
    """What the closing summary of a batch reports, gathered as the stories stream past."""

    def __init__(self) -> None:
        self.totals = Totals()
        self.rules: Counter[str] = Counter()
        self.slowest: list[tuple[float, str]] = []
        self.failing = False
        self.suppressed = 0
        self.baselined: list[str] = []  # the baseline entries used, to tell the unused ones
        self.started = time.perf_counter()

    def add(self, result: Result, fail_on: str) -> None:
        report = result.report
        self.totals.add(report)
        self.suppressed += report.suppressed
        self.baselined += report.baselined
        self.rules.update(f.rule for f in report.findings)
        self.failing = self.failing or any(meets(f.severity, fail_on) for f in report.findings)
        heapq.heappush(self.slowest, (result.seconds, report.id))
        if len(self.slowest) > 3:
            heapq.heappop(self.slowest)

    def exit_code(self) -> int:
        """2 if a story could not be checked, else 1 if a finding fails the run, else 0."""
        if self.totals.failed:
            return 2
        return 1 if self.failing else 0

    def summary(self) -> str:
        seconds = time.perf_counter() - self.started
        totals = self.totals
        rate = totals.stories / seconds if seconds > 0 else 0.0
        nouns = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}
        counts = ", ".join(f"{totals.findings[s]} {nouns[s]}" for s in Severity)
        lines = [
            f"reconcile: {totals.stories} stories, {totals.documents} documents in "
            f"{seconds:.1f} s ({rate:.1f} stories/s); {totals.failed} not checked",
            f"  findings: {counts}; {self.suppressed} suppressed",
        ]
        if self.rules:
            by_rule = ", ".join(f"{rule} {n}" for rule, n in sorted(self.rules.items()))
            lines.append(f"  by rule: {by_rule}")
        if self.slowest:
            slow = ", ".join(f"{name} {t:.2f} s" for t, name in sorted(self.slowest, reverse=True))
            lines.append(f"  slowest: {slow}")
        return "\n".join(lines)
