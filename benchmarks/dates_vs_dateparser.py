"""Our date extractor against `dateparser.search.search_dates`: speed, recall and precision.

Texts: every version file of every story in corpora/stories, as `reconcile.load.read` gives
it (markup stripped); dateparser gets the same text. Four contenders:

  ours: extract      `extract_dates` on documents already read, localised and segmented
  ours: load+extract `api.load_document` (read, locale, segment, extract)
  dateparser (lang)  `search_dates(text, languages=[the document's language])`
  dateparser (any)   `search_dates(text)`, the way users usually call it

Speed: each contender runs in its own fresh subprocess (so no one warms another's caches):
the first pass over the corpus is "cold" (every cache empty, dateparser's languages not yet
loaded), the median of the next passes is "warm" (the same texts again). "New texts" is what
a batch sees once it is under way: a fresh process reads one half of the stories (every
other story, so that no version of a timed story was read) until warm, then one pass over
the other half is timed; the two halves' times are added, one pass over the corpus. Imports
are done before the clock starts and reported apart. Each subprocess is repeated and the
median taken. Ratio = dateparser time / our time.

Accuracy (against dates.gold.json, every date mention a human marked): a gold mention is
found if a found span overlaps it on the same line. Precision counts found spans that
overlap no gold mention (weekday-only strings such as "on Tuesday" are left out). Value
recall: our timeline's resolved value (`api.build_story([path]).versions[0].timeline`)
equals the gold value; for dateparser the returned datetime's date equals it, and, because
dateparser fills a missing year from today, "month-day" counts month and day agreeing.

    .venv/bin/python benchmarks/dates_vs_dateparser.py [--repeats 3] [--passes 4] [--json]

DESIGN.md section 5 target: ours >= 50x faster, with equal or better recall.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import statistics
import subprocess
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "corpora" / "stories"
TARGET_RATIO = 50
CONTENDERS = ("ours-extract", "ours-load", "dateparser-lang", "dateparser-any")
LABELS = {
    "ours-extract": "ours: extract",
    "ours-load": "ours: load+extract",
    "dateparser-lang": "dateparser (lang)",
    "dateparser-any": "dateparser (any)",
}
# Words that may stand beside a weekday in a string dateparser returns ("on Tuesday").
_FUNCTION_WORDS = frozenset(
    {"on", "the", "this", "next", "last", "a", "o", "na", "no", "em", "el", "la", "le", "lo"}
    | {"am", "dem", "den", "der", "die", "de", "del", "di", "il"}
)


@dataclass(frozen=True)
class Version:
    story: str
    file: str
    path: str
    reference_date: dt.date | None
    gold: tuple[dict, ...]
    story_paths: tuple[str, ...]  # every version of the story, source first, as checked


def corpus() -> list[Version]:
    """Every version file in corpora/stories with its gold date mentions."""
    versions = []
    for story in sorted(STORIES.iterdir()):
        if not (story / "story.toml").exists():
            continue
        meta = tomllib.loads((story / "story.toml").read_text())
        gold = json.loads((story / "dates.gold.json").read_text())
        reference = meta.get("reference_date")
        paths = tuple(str(story / name) for name in meta["versions"])
        for name in meta["versions"]:
            versions.append(
                Version(
                    story.name,
                    name,
                    str(story / name),
                    dt.date.fromisoformat(str(reference)) if reference else None,
                    tuple(gold.get(name, [])),
                    paths,
                )
            )
    return versions


# --- speed: one contender per fresh subprocess ---------------------------------------------


def worker(contender: str, passes: int, unseen_half: int | None) -> dict:
    """Run in a fresh process: time `passes` passes of one contender over the corpus; or,
    given `unseen_half`, read the other half `passes` times, then time one pass over it."""
    started = time.perf_counter()
    import dateparser.search

    from reconcile import api
    from reconcile.extract.dates import extract_dates
    from reconcile.load import read
    from reconcile.locale import resolve_locale
    from reconcile.segment import segment

    imported = time.perf_counter()
    versions = corpus()
    stories = sorted({v.story for v in versions})
    half = {story: k % 2 for k, story in enumerate(stories)}
    paths = [v.path for v in versions]
    options = api.Options()
    prepared = []
    for path in paths:  # untimed: what every contender needs before it starts
        source = read(path)
        locale = resolve_locale(source, None)
        sentences = segment(source, locale.language) if contender == "ours-extract" else ()
        prepared.append((path, source, locale, sentences))

    def one_pass(files: list[tuple]) -> float:
        start = time.perf_counter()
        for path, source, locale, sentences in files:
            if contender == "ours-extract":
                extract_dates(source, sentences, locale)
            elif contender == "ours-load":
                api.load_document(path, options)
            elif contender == "dateparser-lang":
                dateparser.search.search_dates(source.text, languages=[locale.language])
            else:
                dateparser.search.search_dates(source.text)
        return time.perf_counter() - start

    if unseen_half is not None:
        by_half: tuple[list[tuple], list[tuple]] = ([], [])
        for version, files in zip(versions, prepared, strict=True):
            by_half[half[version.story]].append(files)
        for _ in range(passes):
            one_pass(by_half[1 - unseen_half])
        return {"new_ms": one_pass(by_half[unseen_half]) * 1000}
    times = [one_pass(prepared) for _ in range(passes)]
    return {
        "import_ms": (imported - started) * 1000,
        "cold_ms": times[0] * 1000,
        "warm_ms": statistics.median(times[1:]) * 1000,
        "files": len(paths),
    }


def measure_speed(repeats: int, passes: int) -> dict[str, dict[str, float]]:
    """Median over `repeats` fresh subprocesses of each contender's cold, warm and new-text
    pass (the last from two subprocesses, one a half)."""

    def run(contender: str, *half: str) -> dict[str, float]:
        command = [sys.executable, __file__, "--worker", contender, "--passes", str(passes)]
        out = subprocess.run([*command, *half], capture_output=True, text=True, check=True)
        sample: dict[str, float] = json.loads(out.stdout)
        return sample

    speed = {}
    for contender in CONTENDERS:
        samples = []
        for _ in range(repeats):
            sample = run(contender)
            sample["new_ms"] = sum(
                run(contender, "--unseen-half", str(h))["new_ms"] for h in (0, 1)
            )
            samples.append(sample)
        speed[contender] = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
        speed[contender]["cold_samples_ms"] = [s["cold_ms"] for s in samples]
        speed[contender]["warm_samples_ms"] = [s["warm_ms"] for s in samples]
        speed[contender]["new_samples_ms"] = [s["new_ms"] for s in samples]
    return speed


def ratios(speed: dict[str, dict[str, float]]) -> dict[str, float]:
    out = {}
    for ours in ("ours-extract", "ours-load"):
        for theirs in ("dateparser-lang", "dateparser-any"):
            for phase in ("cold", "warm", "new"):
                key = f"{theirs} / {ours} ({phase})"
                out[key] = speed[theirs][f"{phase}_ms"] / speed[ours][f"{phase}_ms"]
    return out


# --- accuracy -----------------------------------------------------------------------------


@dataclass
class Span:
    line: int
    start: int  # 1-based columns in the original file, end exclusive
    end: int
    text: str
    value: dt.date | None = None


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    value: int = 0
    month_day: int = 0
    spans: int = 0  # found spans, weekday-only strings left out
    spurious: int = 0  # of those, the ones that overlap no gold mention
    missed: list[str] = field(default_factory=list)
    spurious_texts: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "value", "month_day", "spans", "spurious"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.spurious_texts += other.spurious_texts

    def as_dict(self) -> dict:
        def share(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        return {
            "gold": self.gold,
            "recall": share(self.found, self.gold),
            "precision": share(self.spans - self.spurious, self.spans),
            "value_recall": share(self.value, self.gold),
            "month_day_recall": share(self.month_day, self.gold),
            "found_spans": self.spans,
            "spurious_spans": self.spurious,
            "missed": self.missed,
            "spurious": self.spurious_texts,
        }


def gold_spans(original_lines: list[str], gold: tuple[dict, ...]) -> list[Span]:
    """Place each gold mention on its line: longest first, never inside one already placed."""
    placed: dict[int, list[Span]] = defaultdict(list)
    order = sorted(range(len(gold)), key=lambda i: -len(gold[i]["text"]))
    spans: list[Span | None] = [None] * len(gold)
    for i in order:
        entry = gold[i]
        line_text = original_lines[entry["line"] - 1]
        span = Span(entry["line"], 0, 0, entry["text"], dt.date.fromisoformat(entry["value"]))
        for m in re.finditer(rf"(?<!\w){re.escape(entry['text'])}(?!\w)", line_text):
            start, end = m.start() + 1, m.end() + 1
            if not any(start < s.end and s.start < end for s in placed[entry["line"]]):
                span.start, span.end = start, end
                placed[entry["line"]].append(span)
                break
        spans[i] = span  # a text not on its line keeps 0..0 and can never be found
    return [s for s in spans if s is not None]


def _to_span(source, start: int, end: int, text: str, value: dt.date | None) -> Span:
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    if end_line != line:  # a span across lines: keep its first line
        end_column = column + len(text)
    return Span(line, column, end_column, text, value)


def our_spans(version: Version, options) -> tuple[list[Span], object]:
    """Our mentions of one version, resolved as `reconcile check` resolves the whole story."""
    from reconcile import api

    story = api.build_story(list(version.story_paths), options)
    checked = story.versions[version.story_paths.index(version.path)]
    document = checked.document
    spans = [
        _to_span(document.source, r.mention.start, r.mention.end, r.mention.text, r.value)
        for r in checked.timeline.dates
    ]
    return spans, document


def dateparser_spans(source, language: str | None) -> list[Span]:
    import dateparser.search

    languages = [language] if language else None
    found = dateparser.search.search_dates(source.text, languages=languages) or []
    spans, cursor = [], 0
    for text, when in found:
        start = source.text.find(text, cursor)
        if start < 0:
            start = source.text.find(text)
        if start < 0:
            continue
        cursor = start + len(text)
        spans.append(_to_span(source, start, start + len(text), text, when.date()))
    return spans


def weekday_only(text: str, language: str) -> bool:
    from reconcile.locale import weekday_names

    names = {n.lower().rstrip(".") for n in weekday_names(language)}
    words = [w.lower().rstrip(".") for w in re.findall(r"[\w.-]+", text)]
    return (
        bool(words)
        and all(w in names or w in _FUNCTION_WORDS for w in words)
        and any(w in names for w in words)
    )


def score(gold: list[Span], found: list[Span], language: str, where: str) -> Score:
    result = Score(gold=len(gold))
    for g in gold:
        hits = [f for f in found if f.line == g.line and f.start < g.end and g.start < f.end]
        if hits:
            result.found += 1
        else:
            result.missed.append(f"{where}:{g.line} {g.text!r}")
        if any(f.value == g.value for f in hits):
            result.value += 1
        if any(f.value and (f.value.month, f.value.day) == (g.value.month, g.value.day)
               for f in hits):  # fmt: skip
            result.month_day += 1
    for f in found:
        if weekday_only(f.text, language):
            continue
        result.spans += 1
        if not any(f.line == g.line and f.start < g.end and g.start < f.end for g in gold):
            result.spurious += 1
            result.spurious_texts.append(f"{where}:{f.line} {f.text!r}")
    return result


def measure_accuracy(today: dt.date) -> dict[str, dict[str, dict]]:
    """Per tool, per language and overall: recall, precision, value recall."""
    from reconcile import api

    tools = ("ours", "dateparser-lang", "dateparser-any")
    by_language: dict[str, dict[str, Score]] = {t: defaultdict(Score) for t in tools}
    for version in corpus():
        options = api.Options(reference_date=version.reference_date, today=today)
        ours, document = our_spans(version, options)
        language = document.locale.language
        lines = document.source.original.split("\n")
        gold = gold_spans(lines, version.gold)
        where = f"{version.story}/{version.file}"
        found = {
            "ours": ours,
            "dateparser-lang": dateparser_spans(document.source, language),
            "dateparser-any": dateparser_spans(document.source, None),
        }
        for tool in tools:
            by_language[tool][language].add(score(gold, found[tool], language, where))
    result: dict[str, dict[str, dict]] = {}
    for tool in tools:
        overall = Score()
        for language_score in by_language[tool].values():
            overall.add(language_score)
        result[tool] = {k: v.as_dict() for k, v in sorted(by_language[tool].items())}
        result[tool]["all"] = overall.as_dict()
    return result


# --- output -------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:5.1f}%"


def print_report(result: dict) -> None:
    speed = result["speed"]
    print(f"speed: {speed['ours-extract']['files']:.0f} files, median of {result['repeats']} "
          f"fresh processes; cold = first pass, warm = median of the next "
          f"{result['passes'] - 1}")  # fmt: skip
    print("  new = a process warmed on half the stories, timed on the other half (both halves)")
    print(f"  {'contender':22s} {'import ms':>10s} {'cold ms':>10s} {'warm ms':>10s} "
          f"{'new ms':>12s}")  # fmt: skip
    for contender in CONTENDERS:
        s = speed[contender]
        print(f"  {LABELS[contender]:22s} {s['import_ms']:10.1f} {s['cold_ms']:10.1f} "
              f"{s['warm_ms']:10.2f} {s['new_ms']:12.2f}")  # fmt: skip
    print(f"speed ratio (dateparser time / ours; target >= {TARGET_RATIO}x):")
    for key, ratio in result["ratios"].items():
        verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
        print(f"  {key:48s} {ratio:8.1f}x  {verdict}")
    accuracy = result["accuracy"]
    print(f"accuracy against dates.gold.json (today = {result['today']}):")
    header = f"  {'tool':18s} {'lang':5s} {'gold':>5s} {'recall':>7s} {'precis.':>7s}"
    print(header + f" {'value':>7s} {'mon-day':>7s} {'spans':>6s} {'extra':>6s}")
    for tool, languages in accuracy.items():
        for language, s in languages.items():
            print(f"  {tool:18s} {language:5s} {s['gold']:5d} {_pct(s['recall']):>7s} "
                  f"{_pct(s['precision']):>7s} {_pct(s['value_recall']):>7s} "
                  f"{_pct(s['month_day_recall']):>7s} {s['found_spans']:6d} "
                  f"{s['spurious_spans']:6d}")  # fmt: skip
    for tool, languages in accuracy.items():
        missed = languages["all"]["missed"]
        print(f"{tool}: {len(missed)} gold mentions missed" + (":" if missed else ""))
        for text in missed[:15]:
            print(f"    {text}")
        extra = languages["all"]["spurious"]
        print(f"{tool}: {len(extra)} found spans overlap no gold mention" + (":" if extra else ""))
        for text in extra[:15]:
            print(f"    {text}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per contender")
    parser.add_argument("--passes", type=int, default=4, help="passes per process (1 cold)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--worker", choices=CONTENDERS, help=argparse.SUPPRESS)
    parser.add_argument("--unseen-half", type=int, choices=(0, 1), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, max(args.passes, 2), args.unseen_half)))
        return

    speed = measure_speed(args.repeats, max(args.passes, 2))
    result = {
        "repeats": args.repeats,
        "passes": max(args.passes, 2),
        "today": args.today.isoformat(),
        "speed": speed,
        "ratios": ratios(speed),
        "target_ratio": TARGET_RATIO,
        "accuracy": measure_accuracy(args.today),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_report(result)


if __name__ == "__main__":
    main()
