"""Shared fixtures. Browser: headless Debian Chromium driven by selenium, network cut off."""

from __future__ import annotations

import os
import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# A geocoder build older than its sources is never used (``compoundmap._compiled``): every
# module runs from source. Its warning would fail collection (warnings are errors here), so
# it is taken once, here, and the suite's subprocesses are told to run from source too.
with warnings.catch_warnings(record=True) as _stale:
    warnings.simplefilter("always")
    from compoundmap import _compiled
if _compiled.status().startswith("source (stale"):
    os.environ[_compiled.PURE_ENV] = "1"

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Belt and braces for "no network": every http(s) request goes to a closed local port.
    "--proxy-server=http://127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1280,900",
)


def _find(*names: str) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def start_chromium(profile_dir: Path) -> Any:
    """A fresh headless Chromium (own --user-data-dir) with browser and network logging.

    Returns a selenium WebDriver with the network emulated offline; skips the test when
    Chromium, chromedriver or selenium is missing.
    """
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    binary = _find("chromium", "chromium-browser")
    driver_path = _find("chromedriver")
    if binary is None or driver_path is None:
        pytest.skip("needs Debian chromium and chromium-driver (make browser-deps)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0},
    )
    return driver


@pytest.fixture
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh offline headless Chromium per test, quit afterwards."""
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def bundled_tables() -> Any:
    """Every published table of the bundled data, built once for the whole session."""
    import warnings

    from compoundmap.pipeline import build_tables

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return build_tables()


def pytest_report_header() -> str:
    """Which build of the geocoder the suite runs (``make compiled``)."""
    return f"compoundmap geocoder: {_compiled.status()}"
