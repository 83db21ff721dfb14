"""The Dask worker plugin of ``compoundmap scan`` (imported only when Dask is used)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

__all__ = ["WarmUp"]


class WarmUp(WorkerPlugin):
    """Build the gazetteer index, lexicon, language model and registry once per worker,
    when the worker starts (or joins), rather than inside the first task."""

    name = "compoundmap-scan-warm-up"

    def __init__(self, compounds: str | None, operators: str | None) -> None:
        self.compounds = compounds
        self.operators = operators

    def setup(self, worker: Any) -> None:
        """Called by distributed on each worker."""
        from .run import warm_up

        warm_up(self.compounds, self.operators)
