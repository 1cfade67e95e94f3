"""Fuzz each reader for a bounded time; report inputs tried and failures found per reader.

A failure is anything but a SourceText or an InputError: an uncaught exception, a map that
points outside the file, or an excerpt that is not the file's text at its place.

    .venv/bin/python benchmarks/fuzz_readers.py --seconds 60            # atheris if installed
    .venv/bin/python benchmarks/fuzz_readers.py --seconds 60 --engine hypothesis

With atheris (coverage-guided, libFuzzer) each reader runs in a child process seeded with the
matching files of corpora/formats; with hypothesis, random and structured inputs are generated
until the time is up. Failing inputs are written to benchmarks/fuzz-failures/.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpora" / "formats" / "venezuela-airspace"
STORIES = ROOT / "corpora" / "stories"
FAILURES = Path(__file__).resolve().parent / "fuzz-failures"
READERS = {
    "text": (".txt", "*.txt"),
    "markdown": (".md", "*.md"),
    "html": (".html", "*.html"),
    "ninjs": (".json", "*.json"),
    "newsml": (".xml", "*.xml"),
    "xliff": (".xlf", "*.xlf"),
}


def reader(name: str) -> Callable[[str, bytes], object]:
    from reconcile.load import html, markdown, newsml, ninjs, text, xliff

    readers: dict[str, Callable[[str, bytes], object]] = {
        "text": text.read,
        "markdown": markdown.read,
        "html": html.read,
        "ninjs": ninjs.read,
        "newsml": newsml.read,
        "xliff": xliff.read,
    }
    return readers[name]


def one_input(name: str, read: Callable[[str, bytes], object], data: bytes) -> str | None:
    """None if the reader behaved; else a one-line description of the failure."""
    from reconcile.model import InputError, SourceText

    try:
        result = read(f"fuzz{READERS[name][0]}", data)
    except InputError:
        return None
    except Exception as error:  # the point of fuzzing: anything else is a bug
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}: {error}"
    sources = result if isinstance(result, tuple) else (result,)
    for source in sources:
        assert isinstance(source, SourceText)
        problem = _map_problem(source)
        if problem:
            return problem
    return None


def _map_problem(source: object) -> str | None:
    from reconcile.model import SourceText

    assert isinstance(source, SourceText)
    if len(source.origin) != len(source.text) + 1:
        return "origin length is not len(text) + 1"
    step = max(1, len(source.text) // 50)
    for start in range(0, len(source.text), step):
        end = min(len(source.text), start + 7)
        if not 0 <= source.origin[start] <= source.origin[end] <= len(source.original):
            return f"offsets {start}..{end} map outside the file or backwards"
        location = source.locate(start, end)
        line_start = source.line_starts[location.line - 1]
        if not source.original[line_start + location.column - 1 :].startswith(location.excerpt):
            return f"excerpt of {start}..{end} is not the file's text at its line and column"
    return None


def _record(name: str, data: bytes, problem: str, seen: set[str]) -> None:
    if problem in seen:
        return
    seen.add(problem)
    FAILURES.mkdir(exist_ok=True)
    digest = hashlib.sha1(data).hexdigest()[:12]
    (FAILURES / f"{name}-{digest}{READERS[name][0]}").write_bytes(data)
    print(f"  failure: {problem}", file=sys.stderr)


# --- atheris --------------------------------------------------------------------------------


def atheris_child(name: str, seconds: int, counts: Path) -> None:
    import atheris

    with atheris.instrument_imports():
        import reconcile.load  # noqa: F401

    read = reader(name)
    tried = 0
    seen: set[str] = set()

    def test_one(data: bytes) -> None:
        nonlocal tried
        tried += 1
        problem = one_input(name, read, data)
        if problem:
            _record(name, data, problem, seen)
        if tried % 200 == 0 or problem:
            counts.write_text(json.dumps({"tried": tried, "failures": sorted(seen)}))

    seeds = Path(tempfile.mkdtemp(prefix=f"fuzz-{name}-"))
    pattern = READERS[name][1]
    for index, seed in enumerate([*SEEDS.glob(pattern), *STORIES.glob(f"*/{pattern}")][:40]):
        (seeds / f"seed{index}").write_bytes(seed.read_bytes())
    argv = [sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=2048", str(seeds)]
    atheris.Setup(argv, test_one)
    atheris.Fuzz()


def run_atheris(name: str, seconds: int) -> tuple[int, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        counts = Path(folder) / "counts.json"
        child = subprocess.run(
            [sys.executable, __file__, "--child", name, "--seconds", str(seconds), str(counts)],
            capture_output=True,
            text=True,
            check=False,
        )
        done = re.search(r"Done (\d+) runs", child.stderr)
        state = json.loads(counts.read_text()) if counts.exists() else {"tried": 0, "failures": []}
        tried = int(done.group(1)) if done else int(state["tried"])
        failures = list(state["failures"])
        if child.returncode != 0 and not done:
            failures.append(f"fuzzer stopped (exit {child.returncode}): {child.stderr[-300:]}")
        return tried, failures


# --- hypothesis -----------------------------------------------------------------------------


def run_hypothesis(name: str, seconds: int) -> tuple[int, list[str]]:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    read = reader(name)
    seeds = [p.read_bytes() for p in SEEDS.glob(READERS[name][1])] or [b"Plain words."]
    tried = 0
    seen: set[str] = set()
    deadline = time.monotonic() + seconds

    def mutate(seed: bytes, cut: int, insert: bytes) -> bytes:
        at = cut % (len(seed) + 1)
        return seed[:at] + insert + seed[at + len(insert) :]

    inputs = st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.builds(mutate, st.sampled_from(seeds), st.integers(0, 1 << 20), st.binary(max_size=8)),
        st.builds(
            mutate,
            st.sampled_from(seeds),
            st.integers(0, 1 << 20),
            st.sampled_from([b"<", b"&", b"\\u", b'"', b"]]>", b"&#0;", b"\xff", b"\x00", b"{"]),
        ),
    )

    @settings(
        max_examples=500,  # one batch; batches run until the time is up
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(inputs)
    def fuzz(data: bytes) -> None:
        nonlocal tried
        if time.monotonic() > deadline:
            return
        tried += 1
        problem = one_input(name, read, data)
        if problem:
            _record(name, data, problem, seen)

    while time.monotonic() < deadline:
        fuzz()
    return tried, sorted(seen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30, help="per reader")
    parser.add_argument("--engine", choices=("auto", "atheris", "hypothesis"), default="auto")
    parser.add_argument("--reader", action="append", choices=sorted(READERS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("counts", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        atheris_child(args.child, args.seconds, Path(args.counts))
        return
    engine = args.engine
    if engine == "auto":
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    run = run_atheris if engine == "atheris" else run_hypothesis
    print(f"engine: {engine}, {args.seconds} s per reader, python {sys.version.split()[0]}")
    print(f"{'reader':<10} {'inputs tried':>13} {'failures':>9}")
    total = 0
    for name in args.reader or READERS:
        tried, failures = run(name, args.seconds)
        total += len(failures)
        print(f"{name:<10} {tried:>13,} {len(failures):>9}")
        for failure in failures:
            print(f"    {failure}")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
