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
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from ._columnar import distinct_joined, group_numbers, texts
from ._data import project_root, raw_dir
from .boundaries import load_boundaries
from .compounds import build_compounds, compound_events, registry_point_problems
from .datapackage import datapackage, release_info
from .errors import PipelineError
from .events import build_events, included
from .exports import write_exports
from .fields import TABLE_COLUMNS
from .locate import locate_reports
from .publish import check_output_dirs, published_dirs
from .registry import Registry, check_links, load_registry
from .schema import UNMATCHED_LABEL, Precision
from .sources import (
    REPORTS_COLUMNS,
    ValidationReport,
    default_sources_path,
    load_overrides,
    validate_sources,
)
from .summary import district_summary, province_summary
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

    def table(self, name: str) -> pd.DataFrame:
        """A published table by name (``"events"``, ``"province_summary"``, …)."""
        frame: pd.DataFrame = getattr(self, name)
        return frame


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


def _caught(messages: Sequence[warnings.WarningMessage]) -> list[str]:
    return [str(m.message) for m in messages]


def _place_summary(locations: pd.DataFrame) -> pd.DataFrame:
    """Per located report: ``n_places``, ``province_codes`` and the finest ``precision``."""
    places = pd.DataFrame(
        {
            "report_id": texts(locations, "report_id"),
            "province_code": texts(locations, "province_code"),
            "precision": pd.to_numeric(locations["precision"], errors="coerce"),
        }
    ).sort_values("report_id", kind="stable")
    group, ids = group_numbers(places["report_id"])
    n = len(ids)
    return pd.DataFrame(
        {
            "n_places": np.bincount(group, minlength=n).astype("int64"),
            "province_codes": distinct_joined(group, places["province_code"], n, "; ").to_numpy(),
            "precision": places.groupby(group)["precision"].min().reindex(range(n)).to_numpy(),
        },
        index=pd.Index(ids, dtype="str"),
    )


def _with_places(valid: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The published reports columns of some valid rows (any order)."""
    out = valid.copy()
    out["event_id"] = out["event_id"].where(out["event_id"] != "", "EV:" + out["report_id"])
    out["included"] = included(out).to_numpy()
    found = places.reindex(out["report_id"].astype("str"))
    out["n_places"] = found["n_places"].fillna(0).astype("int64").to_numpy()
    out["province_codes"] = pd.array(found["province_codes"].fillna(""), dtype="string")
    out["precision"] = pd.array(found["precision"], dtype="Int64")
    columns = TABLE_COLUMNS["reports"]
    for col in columns:
        if col not in out.columns:
            out[col] = ""
    return out[columns]


def _reports_table(valid: pd.DataFrame, locations: pd.DataFrame) -> pd.DataFrame:
    out = _with_places(valid, _place_summary(locations))
    return out.sort_values("report_id", kind="stable").reset_index(drop=True)


def _rejects(report: ValidationReport, link_rejects: pd.DataFrame) -> pd.DataFrame:
    rejects = pd.concat([report.rejects, link_rejects], ignore_index=True)
    for col in REPORTS_COLUMNS:
        if col not in rejects.columns:
            rejects[col] = ""
    columns = TABLE_COLUMNS["rejects"]
    return rejects[columns].sort_values("source_row", kind="stable").reset_index(drop=True)


def _link_problems(
    valid: pd.DataFrame, registry: Registry, src: Path
) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Move reports linking to unknown registry ids to the rejects; return the warnings."""
    bad, notes = check_links(valid, registry, file=str(src))
    keep = ~valid.index.isin(list(bad))
    rejected = valid[~keep].copy()
    rejected["reject_reason"] = ["; ".join(bad[i]) for i in valid.index[~keep]]
    for col in rejected.columns:  # rejects are text, as in the file
        if col != "source_row":
            rejected[col] = rejected[col].map(lambda v: "" if pd.isna(v) else str(v))
    return valid[keep].reset_index(drop=True), rejected, [str(n) for n in notes]


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
    src = Path(sources) if sources is not None else default_sources_path()
    ov_path = Path(overrides) if overrides is not None else src.parent / "location_overrides.csv"
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = validate_sources(src)
        ov = load_overrides(ov_path) if overrides is not None or ov_path.is_file() else None
        reg = load_registry(registry if registry is not None else src.parent)
    notes += _caught(caught)
    notes += [str(p) for p in reg.problems]
    notes += registry_point_problems(reg.compounds)
    valid, link_rejects, link_notes = _link_problems(report.valid, reg, src)
    notes += link_notes
    use = valid[included(valid)]
    locations, located_notes = locate_reports(use, overrides=ov)
    notes += located_notes
    if set(use["report_id"]) - set(locations["report_id"]):
        raise PipelineError(f"{src}: included reports would be lost: not located")
    compound_provinces = {
        str(c): str(p)
        for c, p in zip(reg.compounds["compound_id"], reg.compounds["province_code"], strict=True)
        if p
    }
    events = build_events(valid, locations, compound_provinces)
    compounds = build_compounds(reg, events)
    rejects = _rejects(report, link_rejects)
    reports = _reports_table(valid, locations)
    if len(reports) + len(rejects) != report.n_rows:
        raise PipelineError(f"{src}: rows would be lost between validation and the tables")
    curated = [src, *(p for p in (ov_path,) if ov is not None)]
    curated += [src.parent / f for f in ("compounds.csv", "operators.csv", "designations.csv")]
    tables = Tables(
        sources=src,
        overrides=ov_path if ov is not None else None,
        validation=report,
        registry=reg,
        reports=reports,
        report_locations=locations,
        events=events,
        compounds=compounds,
        compound_events=compound_events(events),
        operators=reg.operators[TABLE_COLUMNS["operators"]].reset_index(drop=True),
        designations=reg.designations[TABLE_COLUMNS["designations"]].reset_index(drop=True),
        province_summary=province_summary(events, compounds),
        district_summary=district_summary(events, compounds),
        rejects=rejects,
        warnings=notes,
    )
    tables.release = release_info(
        curated, {"reports": reports, "events": events, "designations": tables.designations}
    )
    return tables


# --------------------------------------------------------------------------- writing


def _polygons(level: str, code_col: str, summary: pd.DataFrame) -> gpd.GeoDataFrame:
    polys = load_boundaries(level)[["code", "geometry"]].rename(columns={"code": code_col})
    return polys.merge(summary, on=code_col, how="left")


def write_tables_into(tables: Tables, out_dir: Path) -> list[Path]:
    """Write every published table into ``out_dir`` (a staging folder); return the paths."""
    files: dict[str, Path] = {}
    for name in TABLE_COLUMNS:
        frame = tables.table(name)
        plain = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
        files[f"{name}.csv"] = write_csv(plain[TABLE_COLUMNS[name]], out_dir / f"{name}.csv")
    locations = tables.report_locations
    files["report_locations.geojson"] = write_geojson(
        locations, out_dir / "report_locations.geojson"
    )
    files["report_locations.parquet"] = write_parquet(
        locations, out_dir / "report_locations.parquet"
    )
    files["compounds.geojson"] = write_geojson(tables.compounds, out_dir / "compounds.geojson")
    files["compoundmap.gpkg"] = write_gpkg(
        {
            "report_locations": locations,
            "compounds": tables.compounds,
            "provinces": _polygons("province", "province_code", tables.province_summary),
            "districts": _polygons("district", "district_code", tables.district_summary),
        },
        out_dir / "compoundmap.gpkg",
    )
    files.update(write_exports(tables, out_dir))
    files["datapackage.json"] = write_json(
        datapackage(files, out_dir, tables.release), out_dir / "datapackage.json"
    )
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
    reports = tables.reports
    status = reports["record_status"]
    return {
        "input_rows": tables.validation.n_rows,
        "valid": len(reports),
        "rejected": len(tables.rejects),
        "included": int(reports["included"].sum()),
        "out_of_scope": int(((status == "active") & (reports["scope"] == "out_of_scope")).sum()),
        "withdrawn": int((status == "withdrawn").sum()),
        "draft": int((status == "draft").sum()),
        "events": len(tables.events),
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
    tables = build_tables(sources, overrides)
    check_output_dirs(targets, _inputs(tables), immutable=[raw_dir()])
    known: dict[Path, tuple[str, ...]] = {out_dir: PROCESSED_FILES}
    if map_dir is not None:
        known[map_dir] = MAP_FILES
    with published_dirs(list(targets.values()), known=known, wait=wait) as stages:
        written = write_tables_into(tables, stages[0])
        paths = [out_dir / p.relative_to(stages[0]) for p in written]
        if map_dir is not None:
            written = write_maps_into(tables, stages[1])
            paths += [map_dir / p.relative_to(stages[1]) for p in written]
    for note in tables.warnings:
        log.warning(note)
    labels = [*(p.label for p in Precision), UNMATCHED_LABEL]
    found = tables.report_locations["precision_label"].value_counts()
    return BuildResult(
        processed_dir=out_dir,
        maps_dir=map_dir,
        paths=paths,
        counts=_counts(tables),
        precision_counts={k: int(found.get(k, 0)) for k in labels},
        warnings=tables.warnings,
        release=tables.release,
    )
