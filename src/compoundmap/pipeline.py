"""The one path from curated sources to published tables and maps: ``compoundmap build``.

Last stage of the flow (sources → geocode → boundaries → locate → events → compounds →
summaries → maps): it validates the curated files, locates the included reports, groups
them into events, joins them to the registry, summarises, and publishes every output
atomically and deterministically (same inputs, same bytes). Each step lives in its own
module; this one only composes them and writes the results (:mod:`compoundmap.writers`,
:mod:`compoundmap.publish`).
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from ._build import Tables, make_tables
from ._data import project_root, raw_dir
from ._progress import PROGRESS_MIN_ROWS, progress_bar
from ._store import TableStore
from .boundaries import load_boundaries
from .datapackage import datapackage
from .errors import PipelineError
from .exports import write_exports
from .fields import TABLE_COLUMNS
from .publish import check_output_dirs, published_dirs
from .schema import UNMATCHED_LABEL, Precision
from .writers import write_csv, write_geojson, write_gpkg, write_json, write_parquet

__all__ = [
    "PROCESSED_FILES",
    "BuildResult",
    "Tables",
    "build",
    "build_tables",
    "write_tables",
]

log = logging.getLogger(__name__)

#: Files a build writes into the processed folder (recognised there before manifests).
PROCESSED_FILES = (
    *(f"{t}.csv" for t in TABLE_COLUMNS),
    "report_locations.geojson",
    "report_locations.parquet",
    "compounds.geojson",
    "compoundmap.gpkg",
    "compoundmap.xlsx",
    "datapackage.json",
    "hdx/*.csv",
    "ftm/*.json",
)


@dataclass
class BuildResult:
    """What :func:`build` did.

    Attributes
    ----------
    processed_dir, maps_dir : Path, Path or None
        Where the tables and maps were published (``maps_dir`` is None with ``maps=False``).
    paths : list of Path
        Every file written (tables first, then maps).
    counts : dict
        ``input_rows``, ``valid``, ``rejected``, ``included``, ``out_of_scope``,
        ``withdrawn``, ``draft``, ``events``, ``compounds`` (active registry sites).
    precision_counts : dict
        Report places per precision label.
    warnings : list of str
        Things an analyst should look at.
    release : dict
        Version, date and digest of the data.
    """

    processed_dir: Path
    maps_dir: Path | None
    paths: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    precision_counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    release: dict[str, str] = field(default_factory=dict)

    @property
    def n_rejected(self) -> int:
        """Rows of the reports file rejected (listed in ``rejects.csv``)."""
        return self.counts.get("rejected", 0)

    def summary(self) -> str:
        """A few lines for the command line."""
        c = self.counts
        located = ", ".join(f"{k}: {v}" for k, v in self.precision_counts.items())
        where = f"{self.processed_dir}" + (f" and {self.maps_dir}" if self.maps_dir else "")
        return (
            f"data release {self.release.get('version', '?')}\n"
            f"{c['input_rows']} input rows = {c['valid']} valid + {c['rejected']} rejected "
            f"(see rejects.csv)\n"
            f"{c['included']} reports mapped and counted; not counted: {c['out_of_scope']} out "
            f"of scope, {c['withdrawn']} withdrawn, {c['draft']} drafts\n"
            f"{c['events']} events, {c['compounds']} registry sites\n"
            f"report places: {located}\n"
            f"{len(self.paths)} files written to {where}"
        )


# --------------------------------------------------------------------------- tables


def build_tables(
    sources: str | Path | None = None,
    overrides: str | Path | None = None,
    registry: str | Path | None = None,
) -> Tables:
    """Validate, locate, group and summarise the curated files, without writing anything.

    Parameters
    ----------
    sources : path, optional
        The reports CSV; default the bundled ``data/raw/sources/reports.csv``.
    overrides : path, optional
        Location overrides; default ``location_overrides.csv`` beside ``sources`` if present.
    registry : path, optional
        Folder of ``compounds.csv``, ``operators.csv`` and ``designations.csv``; default the
        folder of ``sources`` (a missing file is an empty registry of that kind).

    Returns
    -------
    Tables
        Input rows always equal valid plus rejected rows.

    Raises
    ------
    SourceValidationError
        If a curated file cannot be read at all or an override row is invalid.
    PipelineError
        If a valid row would be lost.

    Examples
    --------
    >>> tables = build_tables()  # doctest: +SKIP
    >>> reports = tables.reports  # doctest: +SKIP
    >>> int(tables.events["n_reports"].sum()) == int(reports["included"].sum())  # doctest: +SKIP
    True
    """
    return make_tables(sources, overrides, registry)


# --------------------------------------------------------------------------- writing


def _polygons(level: str, code_col: str, summary: pd.DataFrame) -> gpd.GeoDataFrame:
    polys = load_boundaries(level)[["code", "geometry"]].rename(columns={"code": code_col})
    return polys.merge(summary, on=code_col, how="left")


def _release(tables: Tables) -> None:
    """Give freed memory back between steps of a large stored build."""
    if tables.store is not None:
        tables.store.release_if_large()


def write_tables_into(tables: Tables, out_dir: Path) -> list[Path]:
    """Write every published table into ``out_dir`` (a staging folder); return the paths.

    From ``PROGRESS_MIN_ROWS`` reports, a progress bar on stderr (from a terminal) counts
    the files as they are written.

    Parameters
    ----------
    tables : Tables
        The built tables (:func:`build_tables`), in memory or stored on disk.
    out_dir : pathlib.Path
        An existing folder to write into (:func:`write_tables` makes it a staging folder
        and swaps it into place).

    Returns
    -------
    list of pathlib.Path
        Every file written: the CSV of each table, the GeoJSON and GeoParquet of the report
        locations, the compounds GeoJSON, the GeoPackage, the exports (xlsx, HDX, FtM) and
        ``datapackage.json``, in that order.
    """
    files: dict[str, Path] = {}
    show = tables.n_rows("reports") >= PROGRESS_MIN_ROWS
    bar = progress_bar(len(TABLE_COLUMNS) + 6, "writing tables", " files", show=show)

    begun: list[str] = []

    def step(name: str) -> str:
        """Show the file now written; the bar counts it when the next one begins."""
        if begun:
            bar.update(1)
        begun.append(name)
        bar.set_postfix_str(name)
        return name

    for name in TABLE_COLUMNS:
        columns = TABLE_COLUMNS[name]
        chunks = (pd.DataFrame(chunk[columns]) for chunk in tables.chunks(name))
        path = out_dir / step(f"{name}.csv")
        files[path.name] = write_csv(chunks, path)
    path = out_dir / step("report_locations.geojson")
    files[path.name] = write_geojson(tables.chunks("report_locations"), path)
    path = out_dir / step("report_locations.parquet")
    files[path.name] = write_parquet(lambda: tables.chunks("report_locations"), path)
    path = out_dir / step("compounds.geojson")
    files[path.name] = write_geojson(tables.compounds, path)
    path = out_dir / step("compoundmap.gpkg")
    files[path.name] = write_gpkg(
        {
            "report_locations": tables.chunks("report_locations"),
            "compounds": tables.compounds,
            "provinces": _polygons("province", "province_code", tables.province_summary),
            "districts": _polygons("district", "district_code", tables.district_summary),
            # the tables the layers link to, as attribute tables (no geometry)
            **{
                name: tables.chunks(name)
                for name in ("events", "compound_events", "operators", "designations")
            },
        },
        path,
    )
    _release(tables)
    step("compoundmap.xlsx, hdx, ftm")
    files.update(write_exports(tables, out_dir))
    path = out_dir / step("datapackage.json")
    files[path.name] = write_json(datapackage(files, out_dir, tables.release), path)
    bar.update(1)
    bar.close()
    return list(files.values())


def _inputs(tables: Tables) -> list[Path]:
    """What a build read: outputs may never overwrite these."""
    found = [tables.sources]
    if tables.overrides is not None:
        found.append(tables.overrides)
    if tables.registry.folder is not None:
        found.append(tables.registry.folder)
    return found


def write_tables(tables: Tables, processed_dir: str | Path, *, wait: float = 60.0) -> list[Path]:
    """Publish the tables deterministically (same tables, same bytes) and atomically.

    The files are written into a staging folder that then replaces ``processed_dir`` in
    one step (:mod:`compoundmap.publish`): a reader never sees a mix of two builds.

    Parameters
    ----------
    tables : Tables
        From :func:`build_tables`.
    processed_dir : path
        Output folder (created if missing). It may not hold the sources being read.
    wait : float, default 60
        Seconds to wait for another build writing the same folder.

    Returns
    -------
    list of Path
        Every file this build wrote, under ``processed_dir``, in the order written
        (``datapackage.json`` last); files kept from earlier builds are not listed.

    Raises
    ------
    PipelineError
        If the folder would overwrite an input, is a symlink, holds files a build did not
        write, or another build keeps it locked.
    """
    out_dir = Path(processed_dir)
    check_output_dirs({"processed directory": out_dir}, _inputs(tables), immutable=[raw_dir()])
    with published_dirs([out_dir], known={out_dir: PROCESSED_FILES}, wait=wait) as (stage,):
        names = [p.relative_to(stage) for p in write_tables_into(tables, stage)]
    return [out_dir / n for n in names]


def _resolve(given: str | Path | None, what: str, *parts: str) -> Path:
    if given is not None:
        return Path(given)
    root = project_root()
    if root is None:
        raise PipelineError(
            f"no {what} given and compoundmap is not running from a source checkout; pass "
            f"the path explicitly (default in a checkout: {'/'.join(parts)})"
        )
    return root.joinpath(*parts)


def _counts(tables: Tables) -> dict[str, int]:
    reports = tables.columns("reports", ["record_status", "scope", "included"])
    status = reports["record_status"]
    return {
        "input_rows": tables.validation.n_rows,
        "valid": len(reports),
        "rejected": len(tables.rejects),
        "included": int(reports["included"].sum()),
        "out_of_scope": int(((status == "active") & (reports["scope"] == "out_of_scope")).sum()),
        "withdrawn": int((status == "withdrawn").sum()),
        "draft": int((status == "draft").sum()),
        "events": tables.n_rows("events"),
        "compounds": int((tables.compounds["record_status"] == "active").sum()),
    }


def build(
    sources: str | Path | None = None,
    processed_dir: str | Path | None = None,
    maps_dir: str | Path | None = None,
    overrides: str | Path | None = None,
    *,
    maps: bool = True,
    wait: float = 60.0,
) -> BuildResult:
    """Build every published table (and the maps) from the curated files.

    :func:`build_tables`, then the tables and the maps are written into staging folders
    that replace the output folders only when everything is written
    (:mod:`compoundmap.publish`): an interrupted build leaves the previous complete set,
    and files that no build wrote are kept.

    Parameters
    ----------
    sources : path, optional
        The reports CSV; default the bundled ``data/raw/sources/reports.csv`` (the registry
        files are read from the same folder).
    processed_dir, maps_dir : path, optional
        Where the tables and maps go; default ``data/processed/`` and ``maps/`` of the
        checkout.
    overrides : path, optional
        Location overrides; default ``location_overrides.csv`` beside ``sources``.
    maps : bool, default True
        Also write the maps (:func:`compoundmap.maps.write_maps`).
    wait : float, default 60
        Seconds to wait for another build writing the same folders before stopping.

    Returns
    -------
    BuildResult
        Where the tables and maps were published, every file written, the row counts,
        report places per precision label, the warnings (also logged to the
        ``compoundmap`` logger) and the release.

    Raises
    ------
    SourceValidationError
        If a curated file cannot be read at all or an override row is invalid.
    PipelineError
        If a default output folder is needed outside a checkout, an output folder would
        overwrite an input or holds files a build did not write, another build keeps it
        locked, or a row would be lost.

    Examples
    --------
    >>> result = build(processed_dir="/tmp/out", maps=False)  # doctest: +SKIP
    >>> c = result.counts  # doctest: +SKIP
    >>> c["input_rows"] == c["valid"] + c["rejected"]  # doctest: +SKIP
    True
    """
    from .maps import MAP_FILES, write_maps_into

    out_dir = _resolve(processed_dir, "processed directory", "data", "processed")
    map_dir = _resolve(maps_dir, "maps directory", "maps") if maps else None
    targets = {"processed directory": out_dir}
    if map_dir is not None:
        targets["maps directory"] = map_dir
    given = [Path(p) for p in (sources, overrides) if p is not None]
    check_output_dirs(targets, given, immutable=[raw_dir()])  # before the work, to fail fast
    with tempfile.TemporaryDirectory(prefix="compoundmap-build-") as spill:
        # The large tables wait on disk between steps: memory stays bounded by a step.
        tables = make_tables(sources, overrides, store=TableStore(spill))
        check_output_dirs(targets, _inputs(tables), immutable=[raw_dir()])
        known: dict[Path, tuple[str, ...]] = {out_dir: PROCESSED_FILES}
        if map_dir is not None:
            known[map_dir] = MAP_FILES
        with published_dirs(list(targets.values()), known=known, wait=wait) as stages:
            written = write_tables_into(tables, stages[0])
            _release(tables)
            paths = [out_dir / p.relative_to(stages[0]) for p in written]
            if map_dir is not None:
                written = write_maps_into(tables, stages[1])
                paths += [map_dir / p.relative_to(stages[1]) for p in written]
        counts = _counts(tables)
        found = tables.columns("report_locations", ["precision_label"])["precision_label"]
        found = found.value_counts()
    for note in tables.warnings:
        log.warning(note)
    labels = [*(p.label for p in Precision), UNMATCHED_LABEL]
    return BuildResult(
        processed_dir=out_dir,
        maps_dir=map_dir,
        paths=paths,
        counts=counts,
        precision_counts={k: int(found.get(k, 0)) for k in labels},
        warnings=tables.warnings,
        release=tables.release,
    )
