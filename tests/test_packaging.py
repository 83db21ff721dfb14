"""The package installs from a wheel and finds its bundled data from any directory."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (whl,) = out.glob("compoundmap-*.whl")
    return whl


def test_wheel_ships_data_and_typing_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "compoundmap/py.typed" in names
    for rel in (
        "boundaries/khm_adm3.geojson",
        "gazetteer/mef2025/CambodiaVillagesList2025.csv",
        "gazetteer/aliases.csv",
        "PROVENANCE.md",
    ):
        assert f"compoundmap/_bundled/{rel}" in names, rel


def test_installed_wheel_works_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import compoundmap, compoundmap._data as d;"
        "print(d.raw_dir());"
        "n = len(compoundmap.load_boundaries('province'));"
        "print(n, compoundmap.get_gazetteer().name('20'))"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"}
    res = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert res.returncode == 0, res.stderr
    raw, summary = res.stdout.strip().splitlines()
    assert raw.startswith(str(target)) and raw.endswith("_bundled")
    assert summary == "25 Svay Rieng"


def test_every_docstring_example_of_the_library_holds() -> None:
    """Every example in every module's docstrings runs and prints what it says (a doctest
    of `build_events` had drifted with numpy 2's scalar repr unnoticed). Warnings the
    examples show on the bundled data (a validation warning) are not failures here."""
    import doctest
    import pkgutil
    import warnings

    import compoundmap
    from compoundmap._compiled import source_module

    attempted, failed = 0, []
    for info in pkgutil.walk_packages(compoundmap.__path__, "compoundmap."):
        if info.name.endswith("__main__"):
            continue
        module = source_module(info.name)  # (a compiled module: its source)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = doctest.testmod(module, report=False)
        attempted += result.attempted
        if result.failed:
            failed.append(info.name)
    assert attempted >= 100 and not failed, failed


def test_python_dash_m_runs_the_command_line() -> None:
    """``python -m compoundmap`` is the ``compoundmap`` command (for a venv without scripts
    on PATH, or a checkout run with PYTHONPATH=src)."""
    out = subprocess.run(
        [sys.executable, "-m", "compoundmap", "--help"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "build" in out.stdout and "geocode" in out.stdout
