"""The mypyc build of the geocoder (``tools/compile_geocoder.py``, run by ``make``): it is
used when its record matches the sources, never when a source changed after the build,
and it gives the same answers as the sources, byte for byte.

These tests need the build (``make`` makes it; a machine without a C compiler runs from
source, and then they are skipped with that reason).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compoundmap._compiled import COMPILED_MODULES, PURE_ENV, RECORD, source_digest

ROOT = Path(__file__).resolve().parents[1]


def _current_build() -> bool:
    """Whether the build's record names every geocoder module at its present source."""
    try:
        recorded = json.loads(RECORD.read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError):
        return False
    return set(recorded) == set(COMPILED_MODULES) and all(
        source_digest(m) == d for m, d in recorded.items()
    )


pytestmark = pytest.mark.skipif(
    not _current_build(), reason="no current mypyc build of the geocoder (make compiled)"
)

# answers of the geocoder and of text extraction, hashed: bench-like noisy strings, every
# labelled string and every passage
_HASH_ANSWERS = r"""
import hashlib, importlib.util, sys
import pandas as pd
from compoundmap import _compiled, geocode
from compoundmap.geoparse import extract_places
root = sys.argv[1]
spec = importlib.util.spec_from_file_location("bg", f"{root}/benchmarks/bench_geocode.py")
bg = importlib.util.module_from_spec(spec); spec.loader.exec_module(bg)
h = hashlib.sha256()
queries = bg.make_strings(3000)
for name in ("geocode_dev", "geocode_broad"):
    queries += list(pd.read_csv(f"{root}/tests/data/{name}.csv", dtype=str)["query"])
for q in queries:
    h.update(repr(geocode(q)).encode())
for t in pd.read_csv(f"{root}/tests/data/passages.csv", dtype=str)["passage"]:
    h.update(repr(extract_places(t)).encode())
spot = sys.modules["compoundmap.geocode.spot"].__file__
print(_compiled.status(), spot.rsplit(".", 1)[-1], len(queries), h.hexdigest())
"""


def _run(code: str, *args: str, pure: bool, pythonpath: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != PURE_ENV}
    if pure:
        env[PURE_ENV] = "1"
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.strip()


def test_compiled_build_gives_the_sources_answers_byte_for_byte() -> None:
    compiled = _run(_HASH_ANSWERS, str(ROOT), pure=False).split()
    source = _run(_HASH_ANSWERS, str(ROOT), pure=True).split()
    assert compiled[:2] == ["compiled", "so"], compiled  # the machine code ran
    assert source[0] == "source" and source[-3] == "py", source  # and here the sources did
    assert int(compiled[-2]) > 5000
    assert compiled[-1] == source[-1]


def test_a_source_changed_after_the_build_is_never_shadowed(tmp_path: Path) -> None:
    # a copy of the package with its build, then one source edited after the build
    shutil.copytree(ROOT / "src", tmp_path / "src")
    (tmp_path / "data").symlink_to(ROOT / "data")
    probe = (
        "import sys; from compoundmap import _compiled; import compoundmap.geocode.spot; "
        "print(_compiled.status().split(' ')[0], "
        "sys.modules['compoundmap.geocode.spot'].__file__.rsplit('.', 1)[-1])"
    )
    assert _run(probe, pure=False, pythonpath=tmp_path / "src") == "compiled so"
    edited = tmp_path / "src" / "compoundmap" / "geocode" / "frame.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != PURE_ENV}
    env["PYTHONPATH"] = str(tmp_path / "src")
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=False
    )
    assert out.returncode == 0, out.stderr[-3000:]
    # every module from source (spot was not edited: no mix of the two), with a warning
    assert out.stdout.split() == ["source", "py"]
    assert "older than their sources" in out.stderr and "make compiled" in out.stderr


def test_every_compiled_module_is_a_geocoder_module() -> None:
    names = set(json.loads(RECORD.read_text(encoding="utf-8"))["modules"])
    assert names == set(COMPILED_MODULES)
    assert "compoundmap.geocode.spot" in names and "compoundmap.geocode.online" not in names
