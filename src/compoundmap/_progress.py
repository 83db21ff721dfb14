"""Progress bars of the long steps of a build (private).

A bar is drawn on stderr, only from a terminal (tqdm's ``disable=None``) and only when
the step is long (``show``); otherwise it is a no-op with the same methods, so callers
never branch. Validating, locating and the build's writers all draw theirs here; only
``geocode_frame``'s own bar (shown on request) is separate.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["PROGRESS_MIN_ROWS", "progress_bar"]

#: Rows (of the reports, or of the cells' rows of a workbook) from which a build step
#: shows a progress bar.
PROGRESS_MIN_ROWS = 50_000


def progress_bar(total: int | None, desc: str, unit: str, *, show: bool) -> Any:
    """A tqdm bar of ``total`` ``unit`` on stderr, drawn only when ``show`` and on a
    terminal; ``update(n)``, ``set_postfix_str(text)`` and ``close()`` work either way.

    ``total=None`` counts without a bar's end (a file whose number of rows is unknown).
    """
    from tqdm.auto import tqdm

    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        leave=False,
        disable=None if show else True,
    )
