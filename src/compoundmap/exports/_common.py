"""What every export needs from a build: the tables by name and the release.

A :class:`TablesLike` is anything with ``table(name)`` and ``release`` (in practice
:class:`compoundmap.pipeline.Tables`); the exports never import the pipeline, which calls
them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

import pandas as pd

__all__ = ["ENTITY_PREFIX", "TablesLike", "n_rows", "split_list", "table_chunks"]

#: Prefix of the ids compoundmap gives entities in other vocabularies (FollowTheMoney).
ENTITY_PREFIX = "compoundmap-"


class TablesLike(Protocol):
    """The published tables of one build (:class:`compoundmap.pipeline.Tables`)."""

    release: dict[str, str]

    def table(self, name: str) -> pd.DataFrame:
        """A published table by name."""
        ...


def table_chunks(tables: TablesLike, name: str) -> Iterator[pd.DataFrame]:
    """A table in chunks of rows, in order: from disk when the build keeps it there.

    Uses ``tables.chunks(name)`` when ``tables`` has it (:class:`compoundmap.pipeline.Tables`),
    otherwise yields ``tables.table(name)`` whole.
    """
    chunks = getattr(tables, "chunks", None)
    if chunks is None:
        yield tables.table(name)
    else:
        yield from chunks(name)


def n_rows(tables: TablesLike, name: str) -> int:
    """Rows of a table, without reading it whole when the build keeps it on disk."""
    counter = getattr(tables, "n_rows", None)
    return int(counter(name)) if counter is not None else len(tables.table(name))


def split_list(value: object) -> list[str]:
    """The items of a ``;``-separated cell, stripped, empty ones dropped.

    Examples
    --------
    >>> split_list("CM-0100; CM-0101;")
    ['CM-0100', 'CM-0101']
    """
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(";") if part.strip()]
