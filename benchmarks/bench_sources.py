"""Time and peak memory of validating curated files, from the bundled file to 1,000,000 rows.

The scaled file repeats the bundled rows with fresh ids; half of its rows carry an HDX
commune centroid as their point (so the inside-Cambodia check runs), and one row in a
hundred is broken so rejects are built. Each run is a fresh process, so its peak RSS is its
own: ``compoundmap validate`` (:func:`compoundmap.sources.check_file`, rows counted, not
kept) and :func:`compoundmap.sources.validate_sources` (rows kept, what ``build`` uses).

Run: ``.venv/bin/python benchmarks/bench_sources.py [ROWS ...]`` (default 26,900 and 1,000,000)
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from compoundmap.sources import default_sources_path, validate_sources

CHILD = r"""
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
from compoundmap.sources import check_file, validate_sources
t0, c0 = time.perf_counter(), time.process_time()
report = (check_file if sys.argv[2] == "check" else validate_sources)(sys.argv[1], progress=False)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "rows": report.n_rows,
                  "rejected": len(report.rejects),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def scaled(path: Path, rows: int) -> int:
    """Write ``rows`` rows built from the bundled ones; return the file size in bytes."""
    reports = pd.read_csv(default_sources_path(), dtype=str, keep_default_na=False)
    points = pd.read_csv(
        default_sources_path().parents[1] / "gazetteer" / "khm_admin_centroids_hdx.csv", dtype=str
    )
    points = points[points["level"] == "3"][["lat", "lon"]].to_numpy().tolist()
    columns = list(reports.columns)
    lat, lon, date = (columns.index(c) for c in ("latitude", "longitude", "event_date"))
    base = reports.to_numpy().tolist()
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        for n in range(rows):
            values = list(base[n % len(base)])
            values[0] = f"CR-{n:07d}"
            if n % 2:
                values[lat], values[lon] = points[n % len(points)]
            if n % 100 == 99:
                values[date] = "2023-13-01"
            writer.writerow(values)
    return path.stat().st_size


def main(sizes: list[int]) -> None:
    import warnings

    warnings.simplefilter("ignore", UserWarning)
    start = time.perf_counter()
    validate_sources(default_sources_path())
    print(f"bundled reports.csv: {time.perf_counter() - start:.2f} s (first call, in process)")
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = Path(tmp) / f"reports_{rows}.csv"
            size = scaled(path, rows)
            for mode in ("check", "keep"):
                out = subprocess.run(
                    [sys.executable, "-c", CHILD, str(path), mode],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                r = json.loads(out.stdout)
                label = "compoundmap validate" if mode == "check" else "validate_sources"
                print(
                    f"{rows:>9,} rows ({size / 1e6:,.0f} MB) {label:>20}: {r['seconds']:6.1f} s "
                    f"({r['cpu']:.1f} s CPU = {rows / r['cpu']:>7,.0f} rows/s of CPU), "
                    f"peak {r['peak_mb']:,.0f} MB, "
                    f"{r['rejected']:,} rejected"
                )


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [26_900, 1_000_000])
