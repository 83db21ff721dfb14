"""Time and peak memory of `compoundmap build` on the bundled sources and on a file 100x larger.

Each build runs in a fresh Python process (so peak RSS is that build's own), tables only
(``maps=False``) and then with the maps. The 100x file repeats every bundled row with new
report ids (``CR-0001-007``), with the bundled overrides beside every file; location
strings therefore repeat, as they do in real reporting, and the geocoder's per-string
cache is part of what is measured.

Run: ``.venv/bin/python benchmarks/bench_build.py [--scale 100] [--no-maps]``
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
    mid = max(2, args.scale // 10)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        files: dict[int, Path] = {}
        for k in (1, mid, args.scale):
            # Each size in its own folder with the bundled overrides beside it, as in a build.
            folder = base / f"sources_{k}x"
            folder.mkdir()
            overrides = bundled.parent / "location_overrides.csv"
            if overrides.is_file():
                shutil.copyfile(overrides, folder / overrides.name)
            files[k] = scaled_copy(bundled, folder / "reports.csv", k)
        # One unmeasured build first, so that every measured one finds the files in the OS
        # cache (otherwise the first build pays for reading them from disk).
        run(bundled, base / "warmup", False)
        for maps in [False] if args.no_maps else [False, True]:
            print(f"== {'tables + maps' if maps else 'tables only'}")
            res = {k: run(path, base / f"run{k}", maps) for k, path in files.items()}
            for k, r in res.items():
                print(
                    f"{k:>4}x: {int(r['rows']):>6} rows -> {int(r['report_rows']):>6} report rows, "
                    f"{int(r['compounds'])} compounds: {r['seconds']:7.2f} s, "
                    f"peak RSS {r['peak_mb']:5.0f} MB"
                )
            small, large = res[1], res[args.scale]
            ratio = large["seconds"] / small["seconds"]
            # A build has a fixed cost (imports, gazetteer and geocoder indexes, boundaries);
            # the cost per added row between the larger sizes shows whether the rest is linear.
            lo = (res[mid]["seconds"] - small["seconds"]) / (res[mid]["rows"] - small["rows"])
            hi = (large["seconds"] - res[mid]["seconds"]) / (large["rows"] - res[mid]["rows"])
            print(
                f"ratio {args.scale}x/1x: time x{ratio:.1f}, peak memory "
                f"x{large['peak_mb'] / small['peak_mb']:.1f}\n"
                f"marginal cost per row: {lo * 1e3:.2f} ms (1x->{mid}x), "
                f"{hi * 1e3:.2f} ms ({mid}x->{args.scale}x); equal means linear"
            )
            fixed = res[mid]["seconds"] - hi * res[mid]["rows"]
            print(
                f"fixed cost (imports, indexes, boundaries; t = a + b*rows through {mid}x and "
                f"{args.scale}x): a = {fixed:.1f} s, b = {hi * 1e3:.2f} ms/row"
            )


if __name__ == "__main__":
    main()
