"""Benchmark the published maps: HTML size and time to a ready map in headless Chromium.

Builds the tables from the bundled sources, writes the maps into a temporary folder
(timed), then opens ``index.html`` and the largest province page in a fresh headless
Chromium with the network off, several times, and reads the runtime's ready stamp
(``performance.now()`` when boundaries, markers and controls are on the page). Goals:
overview HTML at most 2 MB, ready within 2 s, zero console errors; the embedded Khmer font
at most 60 kB a page.

Run: ``.venv/bin/python benchmarks/bench_map.py [RUNS]``
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from compoundmap.maps import write_maps
from compoundmap.maps._fonts import khmer_font_css
from compoundmap.pipeline import build_tables

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1280,900",
)


def chromium(profile: Path) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        raise SystemExit("needs Debian chromium and chromium-driver (make browser-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
    )
    return driver


def time_to_ready(page: Path, profile: Path) -> tuple[float, float, int, dict[str, int]]:
    """(ready ms by the page's clock, wall ms for driver.get + wait, console errors, counts)."""
    driver = chromium(profile)
    try:
        start = time.perf_counter()
        driver.get(page.as_uri())
        ready = None
        while ready is None and time.perf_counter() - start < 30:
            ready = driver.execute_script("return window.compoundmapReady || null")
            if ready is None:
                time.sleep(0.01)
        wall = (time.perf_counter() - start) * 1000
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        if ready is None:
            raise SystemExit(f"{page.name} never became ready; console: {errors}")
        counts = {"markers": int(ready["markers"]), "sites": int(ready.get("sites", -1))}
        return float(ready["ms"]), wall, len(errors), counts
    finally:
        driver.quit()


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        start = time.perf_counter()
        tables = build_tables()
        print(f"build_tables: {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        write_maps(tables, out / "maps")
        print(f"write_maps (overview, province pages, PNG): {time.perf_counter() - start:.1f} s")
        index = out / "maps" / "index.html"
        provinces = sorted((out / "maps" / "provinces").glob("*.html"))
        largest = max(provinces, key=lambda p: p.stat().st_size)
        size = index.stat().st_size
        font = len(khmer_font_css().encode())
        print(f"index.html: {size / 1e6:.2f} MB ({size:,} bytes)")
        print(
            f"province pages: {len(provinces)}, largest {largest.name} "
            f"{largest.stat().st_size / 1e6:.2f} MB"
        )
        print(f"embedded Khmer font (@font-face, base64 WOFF): {font:,} bytes a page")
        png = out / "maps" / "compounds_by_province.png"
        print(f"compounds_by_province.png: {png.stat().st_size / 1e3:.0f} kB")
        ok = size <= 2_000_000 and font <= 60_000
        for page in (index, largest):
            ready_ms, wall_ms, errs = [], [], 0
            counts: dict[str, int] = {}
            for i in range(runs):
                r, w, e, counts = time_to_ready(page, out / f"profile-{page.stem}-{i}")
                ready_ms.append(r)
                wall_ms.append(w)
                errs += e
            name = page.relative_to(out / "maps")
            median, worst = statistics.median(ready_ms), max(ready_ms)
            print(
                f"{name}: ready median {median:.0f} ms (max {worst:.0f} ms; wall incl. "
                f"driver {statistics.median(wall_ms):.0f} ms), {counts['markers']} markers for "
                f"{counts['sites']} sites, console errors {errs} over {runs} cold loads"
            )
            ok = ok and max(ready_ms) <= 2000 and errs == 0
        print(
            "goal (<= 2 MB, font <= 60 kB, ready <= 2 s, 0 console errors): "
            f"{'met' if ok else 'NOT met'}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
