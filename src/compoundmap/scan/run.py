"""Running a scan: the same per-part function in-process or on a Dask cluster.

The inputs are planned into parts (:func:`compoundmap.scan.read.plan_parts`); each part is
read and analysed where it runs and returns only its relevant documents and its counts.
In-process, parts run one after the other; with ``scheduler="processes"`` a
:class:`distributed.LocalCluster` uses every local core, and ``scheduler="tcp://HOST:8786"``
uses an existing cluster (its workers need compoundmap installed). Parts go through a
``dask.bag``; results are taken back in part order, so the output is byte-identical
whichever scheduler ran it. A worker plugin builds the gazetteer index, the lexicon and the
registry once per worker, before the first part arrives.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CompoundmapError
from .analyse import DocResult, PartStats, analyse_documents
from .dedupe import group_syndicated
from .entities import load_registry
from .lexicon import get_lexicon
from .novelty import load_known
from .queue import Candidate, candidate_row, queue_frame, rank_candidates, write_queue_files
from .read import Columns, Part, plan_parts, read_part
from .settings import ScanSettings
from .signals import detect_language
from .spill import DocMeta, Spill

__all__ = [
    "LOCAL_CLUSTER_CONFIG",
    "ScanOptions",
    "ScanResult",
    "local_cluster",
    "process_part",
    "scan",
    "write_scan",
]


@dataclass(frozen=True)
class ScanOptions:
    """Everything a worker needs to analyse a part (small and picklable)."""

    columns: Columns = field(default_factory=Columns)
    settings: ScanSettings = field(default_factory=ScanSettings)
    compounds: str | None = None
    operators: str | None = None


@dataclass
class ScanResult:
    """What a scan found: ranked candidates (their documents in a temporary spill file)
    and the counts of what was read. Close it (or use it as a context manager) to delete
    the spill file."""

    candidates: list[Candidate]
    stats: PartStats
    parts: int
    scheduler: str
    spill: Spill

    def rows(self, batch: int = 256) -> Iterator[list[dict[str, Any]]]:
        """Full rows of the queue in rank order, ``batch`` candidates at a time."""
        for i in range(0, len(self.candidates), batch):
            chunk = self.candidates[i : i + batch]
            yield [candidate_row(c, self.spill.load(c.head)) for c in chunk]

    @property
    def queue(self) -> pd.DataFrame:
        """The whole review queue in memory (:data:`~compoundmap.scan.CANDIDATE_COLUMNS`)."""
        return queue_frame(row for rows in self.rows() for row in rows)

    def summary(self) -> str:
        """One line for the command line (no timings: the output stays deterministic)."""
        s = self.stats
        new = sum(c.status == "new" for c in self.candidates)
        return (
            f"{s.documents} document(s) read in {self.parts} part(s) ({self.scheduler}); "
            f"{s.geoparsed} geoparsed, {s.relevant} relevant; "
            f"{len(self.candidates)} candidate event(s), {new} new"
        )

    def close(self) -> None:
        """Delete the spill file."""
        self.spill.close()

    def __enter__(self) -> ScanResult:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@cache
def warm_up(compounds: str | None = None, operators: str | None = None) -> bool:
    """Build every per-process index once: gazetteer and geoparser tables, lexicon,
    language model, registry (each Dask worker calls this when it starts).

    Cached: later calls with the same arguments return at once.

    Parameters
    ----------
    compounds, operators : str, optional
        The registry files (:func:`compoundmap.scan.entities.load_registry`; default: the
        bundled ones).

    Returns
    -------
    bool
        Always True.
    """
    from ..geoparse import extract_mentions

    extract_mentions("Police raided a compound in Sihanoukville, Cambodia; 12 Thai nationals.")
    get_lexicon()
    detect_language("warm up")
    load_registry(compounds, operators)
    return True


def process_part(part: Part, options: ScanOptions) -> tuple[list[DocResult], PartStats]:
    """Read and analyse one part; return its relevant documents (in file order) and counts.

    The function each in-process loop or Dask task runs.

    Parameters
    ----------
    part : Part
        From :func:`compoundmap.scan.read.plan_parts`.
    options : ScanOptions
        Input columns, settings and registry files.

    Returns
    -------
    tuple of (list of DocResult, PartStats)
        The part's relevant documents and its counts.

    Raises
    ------
    DataFileError, MissingColumnError
        If the part cannot be read (:func:`compoundmap.scan.read.read_part`) or the registry
        cannot be loaded.
    """
    warm_up(options.compounds, options.operators)
    registry = load_registry(options.compounds, options.operators)
    stats = PartStats()
    docs = read_part(part, options.columns)
    found = list(analyse_documents(docs, registry=registry, settings=options.settings, stats=stats))
    return found, stats


def _in_process(
    parts: Sequence[Part], options: ScanOptions
) -> Iterator[tuple[list[DocResult], PartStats]]:
    for part in parts:
        yield process_part(part, options)


#: Dask settings of the local cluster a scan starts. distributed's defaults wake every
#: process many times a second (a 20 ms event-loop tick, a 10 ms statistical profiler in
#: each worker, work stealing every 100 ms, system and memory monitors): about 0.18
#: CPU-seconds per second of a 2-worker cluster even when idle, which on a busy machine,
#: where a scan takes long, cost as much CPU as the scan itself. Scan tasks are few,
#: long and alike, so none of these is needed at that rate.
LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.profile.enabled": False,
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.scheduler.work-stealing": False,
}


def local_cluster(workers: int | None = None) -> Any:
    """A :class:`distributed.LocalCluster` of single-threaded worker processes (default:
    one per core) with :data:`LOCAL_CLUSTER_CONFIG`, as ``--scheduler processes`` uses."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        return LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        )


def _client(scheduler: str, workers: int | None) -> tuple[Any, Any]:
    from distributed import Client

    if scheduler == "processes":
        cluster = local_cluster(workers)
        return Client(cluster), cluster
    if scheduler.startswith("tcp://"):
        return Client(scheduler), None
    raise CompoundmapError(
        f"unknown scheduler {scheduler!r}: use 'in-process', 'processes' or tcp://HOST:PORT"
    )


def _on_dask(
    parts: Sequence[Part], options: ScanOptions, scheduler: str, workers: int | None
) -> Iterator[tuple[list[DocResult], PartStats]]:
    import dask.bag as db

    from ._plugin import WarmUp

    client, cluster = _client(scheduler, workers)
    try:
        client.register_plugin(WarmUp(options.compounds, options.operators))
        bag = db.from_sequence(list(parts), npartitions=max(1, len(parts))).map(
            process_part, options
        )
        # A window of parts in flight (two per worker): results are taken in part order,
        # and a finished part waits on its worker only until the ones before it are taken,
        # so worker memory does not grow with the archive.
        pending = iter(bag.to_delayed())
        ahead = max(2, 2 * len(client.scheduler_info().get("workers", {})))
        window = deque(client.compute(d) for d in itertools.islice(pending, ahead))
        while window:
            future = window.popleft()
            yield from future.result()
            future.release()
            nxt = next(pending, None)
            if nxt is not None:
                window.append(client.compute(nxt))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def scan(
    inputs: Sequence[str | Path],
    *,
    scheduler: str = "in-process",
    workers: int | None = None,
    columns: Columns | None = None,
    settings: ScanSettings | None = None,
    sources: str | Path | None = None,
    compounds: str | Path | None = None,
    operators: str | Path | None = None,
    part_bytes: int = 32 << 20,
) -> ScanResult:
    """Find candidate reports in news archives.

    Parameters
    ----------
    inputs : sequence of str or Path
        Files (``.jsonl``, ``.parquet``, ``.csv``, ``.html``, ``.warc`` and gzipped
        variants) or folders of them.
    scheduler : str, default "in-process"
        ``in-process``, ``processes`` (a local Dask cluster on every core, or ``workers``)
        or ``tcp://HOST:PORT`` (an existing Dask cluster).
    columns : Columns, optional
        Input column names (default ``id, url, date, title, text``).
    settings : ScanSettings, optional
    sources : str or Path, optional
        The curated ``reports.csv`` to check novelty against (default: the bundled one).
    compounds, operators : str or Path, optional
        The registry files (default: the bundled ones; missing means empty).
    part_bytes : int
        Size of the parts a JSON Lines or Parquet input is cut into.

    Returns
    -------
    ScanResult

    Examples
    --------
    >>> result = scan(["tests/data/scan/corpus.jsonl"])  # doctest: +SKIP
    >>> result.queue[["rank", "candidate_id", "status"]].head()  # doctest: +SKIP
    """
    options = ScanOptions(
        columns or Columns(),
        settings or ScanSettings(),
        str(Path(compounds).resolve()) if compounds is not None else None,
        str(Path(operators).resolve()) if operators is not None else None,
    )
    parts = plan_parts(inputs, part_bytes=part_bytes)
    if scheduler in ("in-process", "inprocess", "sync"):
        results = _in_process(parts, options)
        name = "in-process"
    else:
        results = _on_dask(parts, options, scheduler, workers)
        name = "dask processes" if scheduler == "processes" else f"dask {scheduler}"
    spill = Spill()
    metas: list[DocMeta] = []
    stats = PartStats()
    for found, part_stats in results:
        metas.extend(spill.add(doc) for doc in found)
        stats.add(part_stats)
    metas.sort(key=lambda d: d.key)
    groups = group_syndicated(metas, options.settings)
    candidates = rank_candidates(metas, groups, load_known(sources))
    return ScanResult(candidates, stats, len(parts), name, spill)


def write_scan(result: ScanResult, output: str | Path) -> list[Path]:
    """Write ``candidates.parquet`` and, beside it, the ``.csv`` and ``.html`` views.

    Streams the candidates a batch at a time, so memory stays flat.

    Parameters
    ----------
    result : ScanResult
        From :func:`scan` (still open: the documents are read back from its spill file).
    output : str or pathlib.Path
        The Parquet file to write (:func:`compoundmap.scan.queue.write_queue_files`).

    Returns
    -------
    list of pathlib.Path
        The Parquet, CSV and HTML files written.

    Raises
    ------
    DataFileError
        If a file cannot be written.
    """
    return write_queue_files(result.rows(), output, len(result.candidates))
