"""One build of the bundled sources per test run, shared by the release tests.

``build_tables()`` takes about 25 s and writing a release about 15 s: the export,
data-package and diff tests share one of each (cached for the whole pytest process) instead
of building per module. The written folder is removed when the process exits.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from compoundmap.pipeline import Tables, build_tables, write_tables_into


@lru_cache(maxsize=1)
def bundled_tables() -> Tables:
    """The tables of the bundled curated sources."""
    return build_tables()


@lru_cache(maxsize=1)
def written_release() -> Path:
    """A processed folder written from :func:`bundled_tables` (every file a build writes)."""
    folder = Path(tempfile.mkdtemp(prefix="compoundmap-release-"))
    atexit.register(shutil.rmtree, folder, True)
    write_tables_into(bundled_tables(), folder)
    return folder
