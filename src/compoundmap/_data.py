"""Where the bundled data lives: inside an installed wheel, or data/raw/ of a checkout.

Wheels carry ``data/raw`` as ``compoundmap/_bundled`` (see ``pyproject.toml``); an editable
install or a plain checkout reads ``data/raw`` next to ``src/``. No network is ever used.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from .errors import DataFileError

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def raw_dir() -> Path:
    """Return the directory holding the bundled raw data.

    ``COMPOUNDMAP_DATA_DIR`` overrides the lookup (useful for testing a different copy).
    """
    override = os.environ.get("COMPOUNDMAP_DATA_DIR")
    candidates = [Path(override)] if override else []
    candidates += [_PACKAGE_DIR / "_bundled", _PACKAGE_DIR.parent.parent / "data" / "raw"]
    for cand in candidates:
        if (cand / "boundaries").is_dir() and (cand / "gazetteer").is_dir():
            return cand
    tried = ", ".join(str(c) for c in candidates)
    raise DataFileError(f"bundled data not found; looked in: {tried}")


def raw_path(*parts: str) -> Path:
    """Path of a bundled file, e.g. ``raw_path("boundaries", "khm_adm1.geojson")``.

    Raises
    ------
    DataFileError
        If the file does not exist.
    """
    path = raw_dir().joinpath(*parts)
    if not path.exists():
        raise DataFileError(f"bundled data file missing: {path}")
    return path


def project_root() -> Path | None:
    """The checkout root when running from a source tree, else ``None``."""
    root = _PACKAGE_DIR.parent.parent
    return root if (root / "pyproject.toml").is_file() else None
