"""Benchmark ``validate_sources`` on the bundled reports and on a file scaled up N times.

The scaled file repeats the 269 curated rows with fresh ids; half of its rows carry an HDX
commune centroid as their point (from the bundled gazetteer) so the inside-Cambodia check
runs too, and one row in a hundred is broken so rejects are built. Prints rows/s.

Run: ``.venv/bin/python benchmarks/bench_sources.py [N]`` (default N = 100: 26,900 rows)
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from compoundmap._data import raw_path
from compoundmap.sources import REPORTS_COLUMNS, validate_sources


def _scaled(path: Path, times: int) -> int:
    reports = pd.read_csv(raw_path("sources", "reports.csv"), dtype=str, keep_default_na=False)
    points = pd.read_csv(raw_path("gazetteer", "khm_admin_centroids_hdx.csv"), dtype=str)
    points = points[points["level"] == "3"][["lat", "lon"]].to_numpy().tolist()
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(REPORTS_COLUMNS)
        for _ in range(times):
            for row in reports.itertuples(index=False):
                values = list(row)
                values[0] = f"CR-{n:07d}"
                if n % 2:
                    values[6], values[7] = points[n % len(points)]
                if n % 100 == 99:
                    values[REPORTS_COLUMNS.index("event_date")] = "2023-13-01"
                writer.writerow(values)
                n += 1
    return n


def main(times: int = 100) -> None:
    start = time.perf_counter()
    report = validate_sources(raw_path("sources", "reports.csv"))
    first = time.perf_counter() - start
    start = time.perf_counter()
    report = validate_sources(raw_path("sources", "reports.csv"))
    warm = time.perf_counter() - start
    print(
        f"bundled reports.csv: {len(report.valid)} rows, "
        f"first call {first:.2f} s, warm {warm:.3f} s"
    )

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports_scaled.csv"
        n = _scaled(path, times)
        start = time.perf_counter()
        report = validate_sources(path)
        took = time.perf_counter() - start
    print(
        f"scaled x{times}: {n:,} rows ({len(report.valid):,} valid, {len(report.rejects):,} "
        f"rejected) in {took:.2f} s = {n / took:,.0f} rows/s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
