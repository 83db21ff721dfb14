"""Time and peak memory of `compoundmap build` on the bundled data and on scaled copies.

Each build runs in a fresh Python process (so peak RSS is that build's own), tables only
(maps need one page per province and scale with sites, not rows). A scaled file repeats
every bundled report with new report and event ids (``CR-0001-007``, ``EV-1000-007``), the
registry and overrides beside it; location strings therefore repeat, as they do in real
reporting, and the geocoder's per-string cache is part of what is measured.

Run: ``.venv/bin/python benchmarks/bench_build.py [ROWS ...]`` (default: the bundled file,
100,000 and 1,000,000 rows); ``--maps`` also writes the maps for the bundled file.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from compoundmap.sources import default_sources_path

CHILD = r"""
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
from compoundmap.pipeline import build
t0, c0 = time.perf_counter(), time.process_time()
result = build(sys.argv[1], sys.argv[2], sys.argv[3], maps=sys.argv[4] == "1")
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "child_cpu": kids.ru_utime + kids.ru_stime,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "child_peak_mb": kids.ru_maxrss / 1024, **result.counts}))
"""
SIDE_FILES = ("compounds.csv", "operators.csv", "designations.csv", "location_overrides.csv")


def scaled_copy(folder: Path, rows: int) -> Path:
    """``rows`` reports made by repeating the bundled ones with new report and event ids."""
    src = default_sources_path()
    folder.mkdir(parents=True, exist_ok=True)
    for name in SIDE_FILES:
        shutil.copy(src.parent / name, folder / name)
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        base = list(reader)
    dest = folder / "reports.csv"
    with open(dest, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for n in range(rows):
            row, k = base[n % len(base)], n // len(base)
            event = f"{row['event_id']}-{k:04d}" if row["event_id"] else ""
            writer.writerow({**row, "report_id": f"{row['report_id']}-{k:04d}", "event_id": event})
    return dest


def run(sources: Path, work: Path, maps: bool) -> dict[str, float]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(sources),
            str(work / "out"),
            str(work / "maps"),
            "1" if maps else "0",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(label: str, r: dict[str, float]) -> None:
    """One line per build. A large build validates and locates in child processes
    (``_store.CHILD_MIN_BYTES``): their CPU time is added, and their peak RSS is printed
    apart (the build's own process holds about 200 MB while they run)."""
    rows = r["input_rows"]
    cpu = r["cpu"] + r["child_cpu"]
    print(
        f"{label}: {rows:,.0f} rows, {r['events']:,.0f} events: {r['seconds']:.1f} s wall, "
        f"{cpu:.1f} s CPU ({rows / cpu:,.0f} rows/s of CPU), peak {r['peak_mb']:,.0f} MB, "
        f"child processes {r['child_peak_mb']:,.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("rows", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--maps", action="store_true", help="also the maps of the bundled file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report("bundled, tables", run(default_sources_path(), Path(tmp) / "b", False))
        if args.maps:
            report("bundled, tables and maps", run(default_sources_path(), Path(tmp) / "m", True))
        for rows in args.rows:
            src = scaled_copy(Path(tmp) / f"s{rows}", rows)
            report(f"scaled x{rows / 623:,.0f}, tables", run(src, Path(tmp) / f"w{rows}", False))


if __name__ == "__main__":
    main()
