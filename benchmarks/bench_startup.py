"""Start-up time of the command line and of ``import compoundmap``, against ``python -c pass``.

Each command runs in a fresh process, several times; the best wall time and the CPU time of
the child are printed with their ratio to a bare interpreter. ``validate`` checks a small
file (20 reports) so that its time is mostly start-up.

Run: ``.venv/bin/python benchmarks/bench_startup.py [--repeat 5]``
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compoundmap.sources import default_sources_path

BIN = Path(sys.executable).parent


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """Best wall and best CPU seconds (children's user + system) over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True, env={**os.environ})
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def small_file(folder: Path) -> Path:
    with open(default_sources_path(), encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))[:21]
    path = folder / "reports.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "import compoundmap": [sys.executable, "-c", "import compoundmap"],
            "import compoundmap.errors": [sys.executable, "-c", "import compoundmap.errors"],
            "compoundmap --help": [str(BIN / "compoundmap"), "--help"],
            "compoundmap --version": [str(BIN / "compoundmap"), "--version"],
            "compoundmap validate (20 rows)": [
                str(BIN / "compoundmap"),
                "validate",
                str(small_file(Path(tmp))),
            ],
        }
        base_wall, base_cpu = timed(cases["python -c pass"], args.repeat)
        for label, command in cases.items():
            wall, cpu = timed(command, args.repeat)
            print(
                f"{label:32} {wall:6.3f} s wall ({wall / base_wall:5.1f}x)  "
                f"{cpu:6.3f} s CPU ({cpu / max(base_cpu, 1e-3):5.1f}x)"
            )


if __name__ == "__main__":
    main()
