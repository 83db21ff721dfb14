"""What changed between two releases: reports, events and sites added, withdrawn or changed.

Beside the pipeline, downstream of it (``compoundmap diff OLD NEW``): each side is a
processed folder (any layout published so far) or curated sources built in memory with
:func:`compoundmap.pipeline.build_tables`. Both are read as text, the way the CSVs are
published, and compared field by field where both releases have the field, so release
notes write themselves and a later layout never makes a whole table look new. Sites are
matched through ``former_ids`` (the ``C18-...`` ids of the first releases); events are
matched by id, else through the reports they share.
"""

from __future__ import annotations

from .compare import ReleaseDiff, diff_releases
from .release import ASPECTS, DIFF_COLUMNS, Release, load_release

__all__ = ["ASPECTS", "DIFF_COLUMNS", "Release", "ReleaseDiff", "diff_releases", "load_release"]
