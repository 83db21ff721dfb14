"""Building the published tables in memory, or with the large ones kept on disk.

The body of :func:`compoundmap.pipeline.build_tables` (everything in memory) and of
:func:`compoundmap.pipeline.build` (the validated reports and the large tables in a
:class:`~compoundmap._store.TableStore`, so that a file of a million reports is built in
bounded memory): validate, check registry links, locate, group into events, join to the
registry, summarise. The steps are the same either way; only where rows wait differs.
The ``reports`` and ``rejects`` tables are made in :mod:`compoundmap._reports`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import geopandas as gpd
import numpy as np
import pandas as pd

from ._child import run_in_child
from ._reports import (
    link_problems,
    place_summary,
    rejects_table,
    reports_table,
    stored_reports,
)
from ._store import RowSource, TableStore, in_child, no_rows
from .compounds import build_compounds, compound_event_chunks, compound_events
from .datapackage import release_info
from .errors import PipelineError
from .events import (
    EVENT_PLACE_COLUMNS,
    EVENT_ROW_COLUMNS,
    INCLUDED_COLUMNS,
    event_rows,
    event_slices,
    events_from_rows,
    included,
)
from .fields import TABLE_COLUMNS
from .locate import LOCATE_COLUMNS, locate_reports
from .overrides import load_overrides
from .registry import Registry, load_registry
from .sitepoints import registry_point_problems
from .sources import ValidationReport, default_sources_path, validate_sources
from .summary import (
    PUBLISHER_COLUMNS,
    SUMMARY_EVENT_COLUMNS,
    district_summary,
    province_summary,
    unit_publishers,
)

__all__ = ["Tables", "make_tables"]

_GEO_TABLES = ("report_locations", "compounds")
# Columns the locating step reads from the valid reports.
_LOCATE_COLUMNS = [*LOCATE_COLUMNS, *INCLUDED_COLUMNS]
# Columns of the stored events held while sites and summaries are made (the rest is read
# a slice at a time).
_HELD_EVENT_COLUMNS = [*SUMMARY_EVENT_COLUMNS, "compound_id"]


@dataclass
class Tables:
    """Every published table of one build, in memory (what :func:`build` writes).

    Attributes
    ----------
    sources, overrides : pathlib.Path, pathlib.Path or None
        The files read.
    validation : ValidationReport
        The reports file's valid rows, rejected rows and problems.
    registry : Registry
        The registry read beside the reports (empty when its files are absent).
    reports, report_locations, events, compounds, compound_events, operators,
    designations, province_summary, district_summary, rejects : DataFrame
        The published tables (``docs/data.md``); ``report_locations`` and ``compounds``
        are GeoDataFrames.
    warnings : list of str
        Things an analyst should look at.
    release : dict
        ``version``, ``created`` and ``sources_sha256`` of this release.
    store : TableStore or None
        Where :func:`compoundmap.pipeline.build` keeps the large tables on disk (``None``
        for :func:`compoundmap.pipeline.build_tables`, which holds every table in memory).
        Read a stored table with :meth:`table`, :meth:`chunks` or :meth:`columns`: its
        attribute holds its columns but no rows.
    """

    sources: Path
    overrides: Path | None
    validation: ValidationReport
    registry: Registry
    reports: pd.DataFrame
    report_locations: gpd.GeoDataFrame
    events: pd.DataFrame
    compounds: gpd.GeoDataFrame
    compound_events: pd.DataFrame
    operators: pd.DataFrame
    designations: pd.DataFrame
    province_summary: pd.DataFrame
    district_summary: pd.DataFrame
    rejects: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    release: dict[str, str] = field(default_factory=dict)
    store: TableStore | None = None

    def stored(self, name: str) -> bool:
        """True when the table is kept on disk (its attribute then holds no rows)."""
        return self.store is not None and name in self.store

    def table(self, name: str) -> pd.DataFrame:
        """A published table by name (``"events"``, ``"province_summary"``, …), whole."""
        if self.store is not None and name in self.store:
            return self.store.read(name, geo=name in _GEO_TABLES)
        frame: pd.DataFrame = getattr(self, name)
        return frame

    def chunks(self, name: str) -> Iterator[pd.DataFrame]:
        """A published table in chunks of rows, in order (one chunk when in memory)."""
        if self.store is not None and name in self.store:
            yield from self.store.chunks(name, geo=name in _GEO_TABLES)
        else:
            yield getattr(self, name)

    def columns(self, name: str, columns: list[str]) -> pd.DataFrame:
        """Some columns of a published table."""
        if self.store is not None and name in self.store:
            return self.store.read(name, columns)
        return pd.DataFrame(getattr(self, name)[columns])

    def n_rows(self, name: str) -> int:
        """Rows of a published table."""
        if self.store is not None and name in self.store:
            return self.store.rows(name)
        return len(getattr(self, name))


def _caught(messages: Sequence[warnings.WarningMessage]) -> list[str]:
    """The message text of each warning recorded by ``warnings.catch_warnings(record=True)``."""
    return [str(m.message) for m in messages]


@dataclass
class _Checked:
    """What validating and checking the registry links give the rest of the build."""

    report: ValidationReport
    reg: Registry
    ov: pd.DataFrame | None
    keep: np.ndarray
    link_rejects: pd.DataFrame
    notes: list[str]
    tables: dict[str, tuple[int, pd.DataFrame | None]]


def _checked(
    src: Path,
    ov_path: Path,
    ov_wanted: bool,
    registry: str | Path | None,
    store: TableStore | None,
) -> _Checked:
    """Validate the reports, read the overrides and the registry, and find the reports
    linking to unknown registry ids (``keep`` is False for them). With ``store``, the
    valid reports wait there. Run in a child process for a large file (:func:`_step`)."""
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sink = store.writer("valid") if store is not None else None
        report = validate_sources(src, sink=sink)
        if sink is not None:
            sink.close()
        ov = load_overrides(ov_path) if ov_wanted else None
        reg = load_registry(registry if registry is not None else src.parent)
    notes += _caught(caught)
    notes += [str(p) for p in reg.problems]
    notes += [str(p) for p in registry_point_problems(reg.compounds)]
    rows = RowSource(report.valid if store is None else None, store, "valid")
    _step_done(store)
    keep, link_rejects, link_notes = link_problems(rows, reg, src)
    notes += link_notes
    tables = dict(store.tables) if store is not None else {}
    return _Checked(report, reg, ov, keep, link_rejects, notes, tables)


@dataclass
class _Located:
    """The located rows and the places per report (no rows when they wait in a store)."""

    locations: gpd.GeoDataFrame
    places: pd.DataFrame
    notes: list[str]
    tables: dict[str, tuple[int, pd.DataFrame | None]]


def _located(
    src: Path,
    rows: RowSource,
    keep: np.ndarray,
    ov: pd.DataFrame | None,
    store: TableStore | None,
) -> _Located:
    """Locate the included reports of the rows ``keep`` marks. With ``store``,
    ``report_locations`` and the places per report wait there. Run in a child process for
    a large file (:func:`_step`)."""
    use = rows.columns(_LOCATE_COLUMNS, keep)
    use = use[included(use)]
    locations, notes = locate_reports(use, overrides=ov)
    if not use["report_id"].isin(locations["report_id"]).all():
        raise PipelineError(f"{src}: included reports would be lost: not located")
    del use
    _step_done(store)
    places = place_summary(locations)
    if store is not None:  # both wait on disk until the reports table is made
        locations = store.put("report_locations", locations)
        store.put("places", places.rename_axis("report_id").reset_index())
        places = no_rows(places)
    tables = dict(store.tables) if store is not None else {}
    return _Located(locations, places, notes, tables)


_Result = TypeVar("_Result", _Checked, _Located)


def _step(
    func: Callable[..., _Result], *args: Any, store: TableStore | None, large: bool
) -> _Result:
    """``func(*args)``; for a large stored build in a child process of its own
    (:func:`compoundmap._child.run_in_child`), so that this process never holds the step's
    working memory nor the heap it leaves fragmented, and the next step starts clean."""
    if store is None or not large:
        return func(*args)
    got = run_in_child(func, *args, folder=store.folder)
    store.tables = got.tables
    return got


def make_tables(
    sources: str | Path | None = None,
    overrides: str | Path | None = None,
    registry: str | Path | None = None,
    *,
    store: TableStore | None = None,
) -> Tables:
    """Every published table (:func:`compoundmap.pipeline.build_tables`); with ``store``,
    the valid reports, ``reports``, ``report_locations``, ``events`` and
    ``compound_events`` are kept there instead of in memory."""
    src = Path(sources) if sources is not None else default_sources_path()
    ov_path = Path(overrides) if overrides is not None else src.parent / "location_overrides.csv"
    ov_wanted = overrides is not None or ov_path.is_file()
    large = in_child(src)  # validated and located in child processes
    checked = _step(_checked, src, ov_path, ov_wanted, registry, store, store=store, large=large)
    report, reg, ov, keep = checked.report, checked.reg, checked.ov, checked.keep
    link_rejects, notes = checked.link_rejects, checked.notes
    del checked
    rows = RowSource(report.valid if store is None else None, store, "valid")
    got = _step(_located, src, rows, keep, ov, store, store=store, large=large)
    locations, places = got.locations, got.places
    notes += got.notes
    del got
    if store is None:
        slim = pd.DataFrame(locations[EVENT_PLACE_COLUMNS])
    else:
        slim = store.read("report_locations", EVENT_PLACE_COLUMNS)
    compound_provinces = {
        str(c): str(p)
        for c, p in zip(reg.compounds["compound_id"], reg.compounds["province_code"], strict=True)
        if p
    }
    if store is None:
        events = events_from_rows(event_rows(rows.columns(None, keep)), slim, compound_provinces)
        del slim
        _step_done(store)
        compounds = build_compounds(reg, events)
        links = compound_events(events)
        summaries = province_summary(events, compounds), district_summary(events, compounds)
        event_dates = events[["event_date"]]
    else:
        events = _stored_events(rows, keep, slim, compound_provinces, store)
        del slim
        _step_done(store)
        compounds, links, summaries = _stored_sites(reg, store)
        event_dates = store.read("events", ["event_date"])
    rejects = rejects_table(report, link_rejects)
    curated = [src, *(p for p in (ov_path,) if ov is not None)]
    curated += [src.parent / f for f in ("compounds.csv", "operators.csv", "designations.csv")]
    designations = reg.designations[TABLE_COLUMNS["designations"]].reset_index(drop=True)
    dated = {
        "reports": rows.columns(["source_date", "checked_on", "event_date"], keep),
        "events": event_dates,
        "designations": designations,
    }
    release = release_info(curated, dated)
    del dated, event_dates
    _step_done(store)
    if store is None:
        reports = reports_table(rows.columns(None, keep), places)
        n_reports = len(reports)
    else:
        places = store.read("places").set_index("report_id")
        reports = stored_reports(rows, keep, places, store)
        del places
        n_reports = store.rows("reports")
        _step_done(store)
    if n_reports + len(rejects) != report.n_rows:
        raise PipelineError(f"{src}: rows would be lost between validation and the tables")
    return Tables(
        sources=src,
        overrides=ov_path if ov is not None else None,
        validation=report,
        registry=reg,
        reports=reports,
        report_locations=locations,
        events=events,
        compounds=compounds,
        compound_events=links,
        operators=reg.operators[TABLE_COLUMNS["operators"]].reset_index(drop=True),
        designations=designations,
        province_summary=summaries[0],
        district_summary=summaries[1],
        rejects=rejects,
        warnings=notes,
        release=release,
        store=store,
    )


def _stored_events(
    rows: RowSource,
    keep: np.ndarray,
    locations: pd.DataFrame,
    compound_provinces: dict[str, str],
    store: TableStore,
) -> pd.DataFrame:
    """The events table into the store, a slice of whole events at a time: the event rows
    wait on disk and each slice of events reads its rows back, so neither the rows nor
    the events are ever whole in memory. Returns an empty frame of the events' columns."""
    writer = store.writer("event_rows")
    for chunk, k in _kept_chunks(rows, keep, EVENT_ROW_COLUMNS):
        writer.append(event_rows(chunk[k]))
    writer.close()
    keys = store.read("event_rows", ["report_id", "event_id"])
    take = partial(store.take, "event_rows")
    writer = store.writer("events")
    for part in event_slices(keys, locations, compound_provinces, take=take):
        writer.append(part)
    writer.close()
    assert writer.empty is not None
    return writer.empty


def _stored_sites(
    reg: Registry, store: TableStore
) -> tuple[gpd.GeoDataFrame, pd.DataFrame, tuple[pd.DataFrame, pd.DataFrame]]:
    """Compounds, ``compound_events`` (into the store) and the two summaries from the
    stored events: only their small columns are held; the texts (``figures``,
    ``citations``, ``report_ids``) are read a slice at a time, and the publishers of each
    summary row are gathered chunk by chunk (their sets add up)."""
    held = store.read("events", _HELD_EVENT_COLUMNS)
    take = partial(store.take, "events")
    compounds = build_compounds(reg, held, take=take)
    writer = store.writer("compound_events")  # a chunk at a time: never whole in memory
    for chunk in compound_event_chunks(held, take=take):
        writer.append(chunk)
    writer.close()
    assert writer.empty is not None
    cited = unit_publishers(store.chunks("events", PUBLISHER_COLUMNS))
    summaries = (
        province_summary(held, compounds, publishers=cited),
        district_summary(held, compounds, publishers=cited),
    )
    return compounds, writer.empty, summaries


def _step_done(store: TableStore | None) -> None:
    """Between steps of a large stored build, give the freed memory back (peaks do not add
    up)."""
    if store is not None:
        store.release_if_large()


def _kept_chunks(
    rows: RowSource, keep: np.ndarray, columns: list[str]
) -> Iterator[tuple[pd.DataFrame, np.ndarray]]:
    """Each chunk of ``columns`` of ``rows``, in order, with its slice of ``keep`` (one flag
    per row, by position across the chunks).
    """
    start = 0
    for chunk in rows.chunks(columns):
        yield chunk, keep[start : start + len(chunk)]
        start += len(chunk)
