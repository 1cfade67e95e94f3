"""`reconcile batch` throughput and memory on generated two-version stories.

Generates N story folders (pt-BR.txt + en.txt, about 120 words a version, every tenth with a
planted day/month date in the English) in a temporary folder, then runs the real command
line in a fresh process:

- stories/second for 1,000 stories with --jobs 1 and --jobs 2 (--format jsonl to /dev/null;
  wall time of the whole process, start-up included);
- peak memory (largest resident set of any process of the run: the parent or a worker) for
  1,000 and 10,000 stories with --format jsonl, to show it does not grow with the count.

    .venv/bin/python benchmarks/batch_bench.py [--speed 1000] [--memory 1000,10000] [--jobs 1,2]

DESIGN.md section 5: memory flat in batch size; a 10,000-story batch streams.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PT = (
    "O governo anunciou no sábado (29/11) um pacote de medidas para o setor aéreo.\n\n"
    "Segundo o ministério, {n} voos foram cancelados na sexta-feira (28/11) e outros "
    "{m} no domingo (30/11).\n\n"
    "As companhias se reúnem com a agência na terça-feira (2/12), em Brasília, para "
    "discutir a retomada das rotas.\n\n"
    "O sindicato dos aeronautas disse que a greve continua até quinta-feira (4/12).\n"
)
EN = (
    "The government announced on Saturday (11/29) a package of measures for the airline "
    "industry.\n\n"
    "According to the ministry, {n} flights were cancelled on Friday (11/28) and another "
    "{m} on Sunday (11/30).\n\n"
    "The airlines meet the agency on Tuesday ({tuesday}) in Brasília to discuss resuming "
    "the routes.\n\n"
    "The pilots' union said the strike goes on until Thursday (12/4).\n"
)


def generate(root: Path, count: int) -> None:
    for index in range(count):
        folder = root / f"story-{index:06d}"
        folder.mkdir(parents=True)
        n, m = 100 + index % 400, 50 + index % 97
        tuesday = "2/12" if index % 10 == 0 else "12/2"  # the seed's fault, one in ten
        (folder / "pt-BR.txt").write_text(PT.format(n=n, m=m), encoding="utf-8")
        (folder / "en.txt").write_text(EN.format(n=n, m=m, tuesday=tuesday), encoding="utf-8")


def measure(folder: Path, jobs: int) -> dict[str, float]:
    """Wall time and the largest resident set of any process, in a fresh wrapper process."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
        " stderr=subprocess.DEVNULL).returncode\n"
        "seconds = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(code, seconds, peak)\n"
    )
    command = [
        sys.executable,
        "-m",
        "reconcile",
        "batch",
        str(folder),
        "--jobs",
        str(jobs),
        "--format",
        "jsonl",
        "--reference-date",
        "2025-11-30",
        "--source-locale",
        "pt-BR",
    ]
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    code, seconds, peak_kib = int(out[0]), float(out[1]), int(out[2])
    if code not in (0, 1):
        raise SystemExit(f"reconcile batch exited {code}")
    return {"seconds": seconds, "peak_mib": peak_kib / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=int, default=1000, help="stories for the speed runs")
    parser.add_argument("--memory", default="1000,10000", help="story counts for memory")
    parser.add_argument("--jobs", default="1,2", help="--jobs values for the speed runs")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures: dict[str, object] = {"cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        counts = sorted({args.speed, *(int(c) for c in args.memory.split(","))})
        folders = {}
        for count in counts:
            folders[count] = Path(tmp) / f"n{count}"
            started = time.perf_counter()
            generate(folders[count], count)
            print(f"generated {count} stories in {time.perf_counter() - started:.1f} s")
        for jobs in (int(j) for j in args.jobs.split(",")):
            result = measure(folders[args.speed], jobs)
            rate = args.speed / result["seconds"]
            figures[f"speed_jobs{jobs}"] = {**result, "stories_per_s": rate}
            print(
                f"{args.speed} stories, --jobs {jobs}: {result['seconds']:.1f} s, "
                f"{rate:.1f} stories/s, peak {result['peak_mib']:.0f} MiB"
            )
        for count in (int(c) for c in args.memory.split(",")):
            result = measure(folders[count], 2)
            figures[f"memory_{count}"] = result
            print(
                f"{count} stories, --jobs 2 --format jsonl: peak {result['peak_mib']:.0f} MiB "
                f"(largest process), {result['seconds']:.1f} s"
            )
    if args.json:
        print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
