"""Time and peak memory of `compoundmap build` on the bundled sources and on a file 100x larger.

Each build runs in a fresh Python process (so peak RSS is that build's own), tables only
(``maps=False``) and then with the maps. The 100x file repeats every bundled row with new
report ids (``CR-0001-007``); location strings therefore repeat, as they do in real
reporting, and the geocoder's per-string cache is part of what is measured.

Run: ``.venv/bin/python benchmarks/bench_build.py [--scale 100] [--no-maps]``
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from compoundmap._data import raw_path

CHILD = r"""
import json, resource, sys, time
from compoundmap.pipeline import build
t0 = time.perf_counter()
result = build(sys.argv[1], sys.argv[2], sys.argv[3], maps=sys.argv[4] == "1")
elapsed = time.perf_counter() - t0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak_mb, "rows": result.n_input_rows,
                  "report_rows": result.n_report_rows, "compounds": result.n_compounds}))
"""


def scaled_copy(src: Path, dest: Path, scale: int) -> Path:
    """Write ``scale`` copies of every row of ``src`` with unique report ids."""
    with open(src, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    with open(dest, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for k in range(scale):
            for row in rows:
                writer.writerow({**row, "report_id": f"{row['report_id']}-{k:03d}"})
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--no-maps", action="store_true", help="tables only")
    args = parser.parse_args()
    bundled = raw_path("sources", "reports.csv")
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        big = scaled_copy(bundled, base / "reports_big.csv", args.scale)
        modes = [False] if args.no_maps else [False, True]
        for maps in modes:
            label = "tables + maps" if maps else "tables only"
            small = run(bundled, base / "small", maps)
            large = run(big, base / "large", maps)
            ratio = large["seconds"] / small["seconds"]
            per_small = small["seconds"] / small["rows"] * 1e3
            per_large = large["seconds"] / large["rows"] * 1e3
            print(f"== {label}")
            for name, r in (("bundled", small), (f"{args.scale}x", large)):
                print(
                    f"{name:>8}: {int(r['rows']):>6} rows -> {int(r['report_rows']):>6} report "
                    f"rows, {int(r['compounds'])} compounds: {r['seconds']:.2f} s, "
                    f"peak RSS {r['peak_mb']:.0f} MB"
                )
            print(
                f"   ratio: time x{ratio:.1f} for x{large['rows'] / small['rows']:.0f} rows "
                f"(linear would be x{args.scale}); per row {per_small:.2f} ms "
                f"vs {per_large:.2f} ms; memory x"
                f"{large['peak_mb'] / small['peak_mb']:.1f}"
            )


if __name__ == "__main__":
    main()
