"""Tables kept on disk during a build, read back by column or in chunks.

Used by :func:`compoundmap.pipeline.build`: the validated reports and the large published
tables are written to Parquet files in a private temporary folder as soon as they are made,
so a build holds in memory only what its current step needs (a file of a million reports
stays within a few hundred MB per step). Nothing here is published: the writers read the
tables back chunk by chunk (:meth:`TableStore.chunks`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import shapely

__all__ = [
    "CHILD_MIN_BYTES",
    "CHUNK_ROWS",
    "RowSource",
    "TableStore",
    "in_child",
    "no_rows",
    "release_memory",
]

#: Rows per Parquet row group and per chunk read back (20,000: at a million rows the
#: writers' chunk of the reports table was the build's peak at 50,000).
CHUNK_ROWS = 20_000


def _libc() -> ctypes.CDLL | None:
    """The C library through :mod:`ctypes` (for ``malloc_trim``), or None where it cannot be
    found or loaded.
    """
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name) if name else None
    except OSError:
        return None


_LIBC = _libc()


#: From this many valid reports, a stored build gives freed memory back between steps.
RELEASE_MIN_ROWS = 20_000


#: From a reports file of this many bytes (about 20,000 reports), a stored build validates
#: and locates in two child processes, one after the other
#: (:func:`compoundmap._child.run_in_child`), so that the build's own process never holds
#: their working memory nor the heap they fragment, and locating starts on a clean heap.
CHILD_MIN_BYTES = 20_000_000


def in_child(sources: Path) -> bool:
    """True when a stored build of ``sources`` validates and locates in child processes
    (a file of :data:`CHILD_MIN_BYTES` or more, and an interpreter to start)."""
    try:
        size = sources.stat().st_size
    except OSError:
        return False  # validation says what is wrong with it
    return size >= CHILD_MIN_BYTES and bool(sys.executable)


def release_memory() -> None:
    """Hand the memory freed by a finished build step back to the system.

    Arrow (pandas' ``str`` columns) and C ``malloc`` keep freed memory in separate pools
    for reuse; neither can use the other's, so without this each step's peak would add
    to the next one's. Called between the steps of a stored build; the results are the
    same either way.
    """
    gc.collect()
    pa.default_memory_pool().release_unused()
    trim = getattr(_LIBC, "malloc_trim", None)  # glibc only
    if trim is not None:
        trim(0)


def no_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame's columns and types without its rows, holding none of its memory (an
    empty slice, even copied, keeps the whole Arrow buffers of a ``str`` column alive)."""
    return frame.take([])


class _Writer:
    """Appends frames of one table to its Parquet file."""

    def __init__(self, store: TableStore, name: str) -> None:
        self.store, self.name = store, name
        self.writer: pq.ParquetWriter | None = None
        self.schema: pa.Schema | None = None
        self.rows = 0
        self.empty: pd.DataFrame | None = None

    def __call__(self, frame: pd.DataFrame) -> None:
        self.append(frame)

    def append(self, frame: pd.DataFrame) -> None:
        """Append ``frame``'s rows to the table's Parquet file, opened with the first frame's
        schema (later frames are converted to it).
        """
        if self.empty is None:
            self.empty = no_rows(frame)
        table = pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
        if self.writer is None:
            self.schema = table.schema
            self.writer = pq.ParquetWriter(self.store.path(self.name), self.schema)
        self.writer.write_table(table, row_group_size=CHUNK_ROWS)
        self.rows += len(frame)

    def close(self) -> None:
        """Close the file and record the table in the store: its row count and its columns and
        dtypes (None when nothing was appended: the table reads back empty).
        """
        if self.writer is not None:
            self.writer.close()
        self.store.tables[self.name] = (self.rows, self.empty)


class TableStore:
    """A folder of Parquet tables (geometry rebuilt from ``latitude``/``longitude``)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.tables: dict[str, tuple[int, pd.DataFrame | None]] = {}

    def path(self, name: str) -> Path:
        """The Parquet file of table ``name`` in the store's folder."""
        return self.folder / f"{name}.parquet"

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    def writer(self, name: str) -> _Writer:
        """A writer to append chunks to table ``name``; call ``close()`` when done."""
        return _Writer(self, name)

    def put(self, name: str, frame: pd.DataFrame) -> pd.DataFrame:
        """Write a whole table (without geometry); return an empty frame of its columns."""
        writer = self.writer(name)
        for start in range(0, max(len(frame), 1), CHUNK_ROWS):  # one chunk copied at a time
            part = frame.iloc[start : start + CHUNK_ROWS]
            writer.append(pd.DataFrame(part.drop(columns="geometry", errors="ignore")))
        writer.close()
        return no_rows(frame)

    def rows(self, name: str) -> int:
        """The number of rows of table ``name`` (it must have been written)."""
        return self.tables[name][0]

    def release_if_large(self) -> None:
        """:func:`release_memory` when the build is large (``RELEASE_MIN_ROWS`` valid
        reports or more); below it the full garbage collections (about 0.4 s each with the
        gazetteer loaded) would cost more than the memory they return."""
        if "valid" in self and self.rows("valid") >= RELEASE_MIN_ROWS:
            release_memory()

    def _frame(self, table: pa.Table, name: str, geo: bool) -> pd.DataFrame:
        """An Arrow table of ``name`` as pandas, with the dtypes of the frames written (and a
        point geometry from ``latitude``/``longitude`` when ``geo``).
        """
        frame = table.to_pandas()
        empty = self.tables[name][1]
        if empty is not None and not len(frame.columns) == 0:
            frame = frame.astype({c: empty[c].dtype for c in frame.columns if c in empty})
        return _with_points(frame) if geo else frame

    def read(
        self, name: str, columns: list[str] | None = None, *, geo: bool = False
    ) -> pd.DataFrame:
        """The whole table, or some of its columns."""
        if self.tables[name][1] is None:
            return pd.DataFrame(columns=columns or [])
        return self._frame(pq.read_table(self.path(name), columns=columns), name, geo)

    def take(self, name: str, at: np.ndarray, columns: list[str] | None = None) -> pd.DataFrame:
        """The rows at positions ``at`` (distinct), in that order, with some ``columns``
        (all by default): the table is read chunk by chunk and only those rows are kept
        (one pass per call)."""
        rank = np.full(self.rows(name), -1, dtype="int64")
        rank[at] = np.arange(len(at))
        parts, start = [], 0
        for chunk in self.chunks(name, columns):
            ranks = rank[start : start + len(chunk)]
            start += len(chunk)
            inside = ranks >= 0
            if inside.any():
                parts.append(chunk[inside].assign(_rank=ranks[inside]))
        if not parts:
            return next(self.chunks(name, columns)).iloc[:0].reset_index(drop=True)
        found = pd.concat(parts, ignore_index=True).sort_values("_rank", kind="stable")
        return found.drop(columns="_rank").reset_index(drop=True)

    def chunks(
        self, name: str, columns: list[str] | None = None, *, geo: bool = False
    ) -> Iterator[pd.DataFrame]:
        """The table in chunks of at most :data:`CHUNK_ROWS` rows, in order (at least one)."""
        empty = self.tables[name][1]
        if empty is None:
            yield pd.DataFrame(columns=columns or [])
            return
        source = pq.ParquetFile(self.path(name))
        yielded = False
        for batch in source.iter_batches(batch_size=CHUNK_ROWS, columns=columns):
            yielded = True
            yield self._frame(pa.Table.from_batches([batch]), name, geo)
        if not yielded:
            frame = empty if columns is None else empty[columns]
            yield _with_points(frame) if geo else frame


def _with_points(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """The frame with a point geometry wherever ``latitude`` and ``longitude`` are given."""
    lat = pd.to_numeric(frame["latitude"], errors="coerce").to_numpy(dtype="float64")
    lon = pd.to_numeric(frame["longitude"], errors="coerce").to_numpy(dtype="float64")
    ok = ~(np.isnan(lat) | np.isnan(lon))
    geometry = np.full(len(frame), None, dtype=object)
    geometry[ok] = shapely.points(lon[ok], lat[ok])
    return gpd.GeoDataFrame(frame, geometry=list(geometry), crs=4326)


class RowSource:
    """The valid reports of a build: a frame in memory, or a table of a store."""

    def __init__(self, frame: pd.DataFrame | None, store: TableStore | None, name: str) -> None:
        self.frame, self.store, self.name = frame, store, name

    def __len__(self) -> int:
        if self.frame is not None:
            return len(self.frame)
        assert self.store is not None
        return self.store.rows(self.name)

    def columns(
        self, columns: list[str] | None = None, keep: np.ndarray | None = None
    ) -> pd.DataFrame:
        """Some columns (all by default) of the rows ``keep`` marks (all by default)."""
        if self.frame is not None:
            frame = self.frame if columns is None else self.frame[columns]
            return (frame if keep is None else frame[keep]).reset_index(drop=True)
        assert self.store is not None
        if keep is None or keep.all():
            return self.store.read(self.name, columns)
        parts, start = [], 0
        for chunk in self.store.chunks(self.name, columns):  # filtered chunk by chunk
            parts.append(chunk[keep[start : start + len(chunk)]])
            start += len(chunk)
        return pd.concat(parts, ignore_index=True)

    def chunks(self, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """The rows in order, in chunks (positions continue from chunk to chunk)."""
        if self.frame is not None:
            yield self.frame if columns is None else self.frame[columns]
            return
        assert self.store is not None
        yield from self.store.chunks(self.name, columns)
