"""``python -m build`` makes an sdist and a wheel that install and work without the checkout.

The fast test builds both, installs the wheel into a fresh venv (its dependencies taken from
this environment, so nothing is downloaded) and runs ``compoundmap --version`` from a
folder outside the checkout. The slow ones (``COMPOUNDMAP_SLOW_TESTS=1``, run by
``make bench``) also run a whole build there, and install from a git URL and with every
dependency resolved from the package index.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SLOW = pytest.mark.skipif(
    os.environ.get("COMPOUNDMAP_SLOW_TESTS") != "1",
    reason="slow (minutes): set COMPOUNDMAP_SLOW_TESTS=1 or run `make bench`",
)


def _run(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def _clean_env() -> dict[str, str]:
    """The environment without anything pointing back at this checkout or venv."""
    drop = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "COMPOUNDMAP_DATA_DIR")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _venv(where: Path, *, share_dependencies: bool) -> Path:
    """A new venv; with ``share_dependencies`` it sees this environment's packages (not
    compoundmap: the editable install's path hook lives in a .pth file, which Python reads
    only in a site folder, not in one a .pth line adds)."""
    _run(sys.executable, "-m", "venv", "--without-pip", where)
    python = where / "bin" / "python"
    if share_dependencies:
        purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
        ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
        Path(purelib.strip(), "zz_shared_dependencies.pth").write_text("\n".join(sorted(ours)))
    return python


def _pip_install(python: Path, *args: str | Path) -> None:
    _run(sys.executable, "-m", "pip", "--python", python, "install", "-q", *args)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT)
    return out


def _wheel(dist: Path) -> Path:
    (wheel,) = dist.glob("compoundmap-*.whl")
    return wheel


def test_build_makes_an_sdist_and_a_wheel_with_the_data(dist: Path) -> None:
    (sdist,) = dist.glob("compoundmap-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for rel in ("pyproject.toml", "data/raw/sources/reports.csv", "src/compoundmap/schema.py"):
        assert rel in names, rel
    built = [n for n in names if n.startswith((".venv/", "data/processed/", "maps/"))]
    assert all(n.endswith(".gitkeep") for n in built), built  # no build outputs
    wheel = set(zipfile.ZipFile(_wheel(dist)).namelist())
    for rel in (
        "compoundmap/exports/xlsx.py",
        "compoundmap/_bundled/sources/reports.csv",
        "compoundmap/_bundled/boundaries/khm_adm3.geojson",
        "compoundmap/py.typed",
    ):
        assert rel in wheel, rel


def test_wheel_in_a_fresh_venv_runs_outside_the_checkout(dist: Path, tmp_path: Path) -> None:
    python = _venv(tmp_path / "venv", share_dependencies=True)
    _pip_install(python, "--no-deps", _wheel(dist))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _clean_env()
    from compoundmap import __version__

    out = _run(tmp_path / "venv" / "bin" / "compoundmap", "--version", cwd=elsewhere, env=env)
    assert out.strip() == f"compoundmap {__version__}"
    where = _run(python, "-c", "import compoundmap; print(compoundmap.__file__)", env=env)
    assert Path(where.strip()).is_relative_to(tmp_path / "venv")


def _build_elsewhere(venv: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    _run(
        venv / "bin" / "compoundmap",
        "build",
        "--processed-dir",
        "out/processed",
        "--maps-dir",
        "out/maps",
        cwd=elsewhere,
        env=_clean_env(),
    )
    for rel in (
        "processed/datapackage.json",
        "processed/compoundmap.xlsx",
        "processed/hdx/events.csv",
        "processed/ftm/entities.ftm.json",
        "maps/index.html",
    ):
        assert (elsewhere / "out" / rel).is_file(), rel


@pytest.mark.slow
@SLOW
def test_wheel_builds_the_release_outside_the_checkout(dist: Path, tmp_path: Path) -> None:
    python = _venv(tmp_path / "venv", share_dependencies=True)
    _pip_install(python, "--no-deps", _wheel(dist))
    _build_elsewhere(tmp_path / "venv", tmp_path)


@pytest.mark.slow
@SLOW
def test_git_url_install_with_dependencies_from_the_index(tmp_path: Path) -> None:
    python = _venv(tmp_path / "venv", share_dependencies=False)
    _pip_install(python, "-c", ROOT / "constraints.txt", f"git+file://{ROOT}")
    _build_elsewhere(tmp_path / "venv", tmp_path)
