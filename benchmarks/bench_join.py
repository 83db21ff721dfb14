"""Benchmark ``assign_admin`` on random points in Cambodia's bounding box.

Prints points/s and peak memory (RSS high-water mark of this process). Floor on a
2-core machine: 1,000,000 points in at most 10 s and 2 GB.

Run: ``.venv/bin/python benchmarks/bench_join.py [N]``
"""

from __future__ import annotations

import resource
import sys
import time

import geopandas as gpd
import numpy as np

from compoundmap import assign_admin, load_boundaries


def main(n: int = 1_000_000) -> None:
    xmin, ymin, xmax, ymax = load_boundaries("province").total_bounds
    assign_admin(gpd.GeoDataFrame(geometry=gpd.points_from_xy([104.9], [11.5]), crs=4326))
    rng = np.random.default_rng(42)
    pts = gpd.GeoDataFrame(
        geometry=gpd.points_from_xy(rng.uniform(xmin, xmax, n), rng.uniform(ymin, ymax, n)),
        crs=4326,
    )
    start = time.perf_counter()
    out = assign_admin(pts)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    flags = out["admin_flag"].value_counts().to_dict()
    print(f"points: {n:,}")
    print(f"time: {elapsed:.2f} s  ({n / elapsed:,.0f} points/s)")
    print(f"peak memory (RSS): {peak_mb:,.0f} MB")
    print(f"flags: {flags}")
    ok = elapsed <= 10 and peak_mb <= 2048
    print(f"floor (<= 10 s and <= 2 GB for 1,000,000 points): {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
