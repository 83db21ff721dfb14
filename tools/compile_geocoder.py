"""Compile the geocoder's modules with mypyc (``make compiled``; ``make maps`` runs it).

mypyc (mypy's compiler, which builds mypy and black) turns the type-annotated modules of
``compoundmap._compiled.COMPILED_MODULES`` into C extension modules, written beside their
sources; the answers are the same, the geocoder about 1.7 times faster (docs/geocoding.md,
Speed). Then it records each module's source digest in ``src/compoundmap/_compiled.json``,
which ``import compoundmap`` checks: a source edited after the build is never shadowed by
stale machine code (``compoundmap._compiled``).

Without a C compiler or the Python headers the build fails with a message and exit code 1
and compoundmap runs from its sources, as before. Generated C and object files go to
``.venv/mypyc-build`` (or ``--build-dir``).

Run: ``python tools/compile_geocoder.py [--jobs N] [--build-dir DIR] [--clean]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))
# (the build runs no geocoder: importing the package must not warn that the build it is
# replacing is stale)
os.environ["COMPOUNDMAP_PURE_PYTHON"] = "1"

from compoundmap._compiled import (  # noqa: E402 (the checkout's package, not an install)
    COMPILED_MODULES,
    RECORD,
    source_digest,
    source_path,
)


def _remove_built() -> int:
    """Delete the extension modules and the record of an earlier build; their count."""
    gone = 0
    for pattern in ("compoundmap/**/*.so", "compoundmap/**/*.pyd", "*__mypyc*.so", "*__mypyc*.pyd"):
        for p in SRC.glob(pattern):
            p.unlink()
            gone += 1
    RECORD.unlink(missing_ok=True)
    return gone


def _missing_toolchain() -> str:
    """What the C build lacks (no C compiler on PATH, no ``Python.h``), or ``""``."""
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    if shutil.which(cc.split()[0]) is None:
        return f"no C compiler ({cc.split()[0]}) on PATH"
    include = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not include.exists():
        return f"no Python headers ({include})"
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="C compiler jobs")
    ap.add_argument("--build-dir", type=Path, default=ROOT / ".venv" / "mypyc-build")
    ap.add_argument("--clean", action="store_true", help="only remove an earlier build")
    args = ap.parse_args(argv)
    removed = _remove_built()
    if args.clean:
        print(f"removed {removed} compiled file(s)")
        return 0
    try:
        from mypyc.build import mypycify
        from setuptools import setup
    except ImportError as e:  # (mypy and setuptools are in the "test" extra)
        print(f"compile_geocoder: {e}; the geocoder runs from source", file=sys.stderr)
        return 1
    missing = _missing_toolchain()
    if missing:  # (found now, not after mypyc's minutes of code generation)
        print(f"compile_geocoder: {missing}; the geocoder runs from source", file=sys.stderr)
        return 1
    paths = [str(source_path(m).relative_to(SRC)) for m in COMPILED_MODULES]
    digests = {m: source_digest(m) for m in COMPILED_MODULES}
    t0 = time.perf_counter()
    build = args.build_dir.resolve()
    build.mkdir(parents=True, exist_ok=True)
    cwd = Path.cwd()
    os.chdir(SRC)  # (module names are read from the paths: compoundmap/geocode/spot.py)
    try:
        extensions = mypycify(
            # (mypy's cache in the build folder: a rebuild re-checks only what changed)
            [
                "--config-file",
                str(ROOT / "pyproject.toml"),
                "--cache-dir",
                str(build / "mypy"),
                *paths,
            ],
            opt_level="3",
            multi_file=True,  # (several C files: the compiler jobs share them)
            target_dir=str(build / "c"),
        )
        setup(
            name="compoundmap-compiled-geocoder",
            ext_modules=extensions,
            script_args=[
                "--quiet",
                "build_ext",
                "--inplace",
                "--parallel",
                str(max(args.jobs, 1)),
                "--build-temp",
                str(build / "obj"),
            ],
        )
    except (SystemExit, Exception) as e:  # (setuptools exits on a compiler error)
        os.chdir(cwd)
        _remove_built()
        print(
            f"compile_geocoder: build failed ({e}); the geocoder runs from source", file=sys.stderr
        )
        return 1
    os.chdir(cwd)
    # the record last: a build stopped midway leaves no record, so nothing compiled is used
    changed = [m for m in COMPILED_MODULES if source_digest(m) != digests[m]]
    if changed:
        _remove_built()
        print(f"compile_geocoder: sources changed during the build: {changed}", file=sys.stderr)
        return 1
    RECORD.write_text(json.dumps({"modules": digests}, indent=1) + "\n", encoding="utf-8")
    print(
        f"compiled {len(COMPILED_MODULES)} geocoder modules with mypyc in "
        f"{time.perf_counter() - t0:.0f} s ({args.jobs} jobs)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
