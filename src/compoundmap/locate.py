"""Locating reports: one row per (report, place named), at the precision the text supports.

After the sources and the geocoder, before the boundary join's results are used
(sources → geocode → boundaries → **locate** → events/compounds → summaries and maps).
Each report's place is found by the first of, in order of authority: an analyst override,
the source's own coordinates, the geocoder (with the stated province and district or town
as context), and finally the province the source states. Only a source's own coordinates
are the site itself (:attr:`~compoundmap.schema.Precision.SITE`); a town, village or
landmark is a named place, and no commune is assigned that the text or the place does not
support (a town's point is never joined to the commune it happens to fall in).
"""

from __future__ import annotations

import math
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ._progress import progress_bar
from ._util import float_or_none, split_list, text_of
from .boundaries import ADMIN_UNIT_COLUMNS, assign_admin
from .placing import ProvinceNames, from_geocoder, override_index, pick_override, places_of
from .schema import UNMATCHED_LABEL, Precision

__all__ = ["LOCATE_COLUMNS", "LOCATION_COLUMNS", "from_geocoder", "locate_reports"]

_ADMIN = ADMIN_UNIT_COLUMNS

#: Columns of the located rows (``report_locations``), in order, before ``geometry``.
LOCATION_COLUMNS: list[str] = [
    "report_id",
    "place_index",
    "event_id",
    "compound_id",
    "event_type",
    "event_date",
    "location_text",
    "location_part",
    *ADMIN_UNIT_COLUMNS,
    "latitude",
    "longitude",
    "precision",
    "precision_label",
    "match_score",
    "match_confidence",
    "match_method",
    "match_status",
    "matched_name",
    "province_mismatch",
    "admin_flag",
]
#: Distinct location keys from which locating shows a progress bar (on a terminal).
PROGRESS_MIN_KEYS = 5_000
# What a report's places depend on: reports sharing these are located once.
_KEY = ["location_text", "province_as_reported", "district_or_town_as_reported"]
_CARRIED = ["report_id", "event_id", "compound_id", "event_type", "event_date"]
#: The reports columns :func:`locate_reports` reads (a caller may pass only these).
LOCATE_COLUMNS: list[str] = [*_CARRIED, *_KEY, "latitude", "longitude"]


def _texts(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as stripped text (``""`` when missing, absent or not text)."""
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype="str")
    values = frame[column]
    if pd.api.types.is_string_dtype(values.dtype) and not pd.api.types.is_object_dtype(
        values.dtype
    ):
        return values.fillna("").str.strip().astype("str")
    return values.map(text_of).astype("str")


def _numbers(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as float64 (NaN when missing, absent or not a number)."""
    if column not in frame.columns:
        return pd.Series(np.nan, index=frame.index, dtype="float64")
    values = frame[column]
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.astype("Float64").astype("float64")
    return pd.Series([float_or_none(v) for v in values], index=frame.index, dtype="float64")


class _Stated:
    """Each distinct ``province_as_reported``: the codes it states, their names as written,
    and the names that are not provinces (cached per value)."""

    def __init__(self) -> None:
        self.provinces = ProvinceNames()
        self.cache: dict[str, tuple[list[str], list[str], list[str]]] = {}

    def of(self, value: str) -> tuple[list[str], list[str], list[str]]:
        if value not in self.cache:
            codes: list[str] = []
            names: list[str] = []
            unknown: list[str] = []
            for name in split_list(value):
                code = self.provinces.code(name)
                if code:
                    codes.append(code)
                    names.append(name)
                else:
                    unknown.append(name)
            self.cache[value] = (codes, names, unknown)
        return self.cache[value]


def _key_places(
    keys: pd.DataFrame,
    stated: _Stated,
    overrides: pd.DataFrame | None,
) -> tuple[pd.DataFrame, set[int], dict[int, list[str]]]:
    """The places of each distinct key (one row per key × place), the overrides used, and
    per key the notes of a context the geocoder refused."""
    ov_index = override_index(overrides)
    used: set[int] = set()
    rows: list[dict[str, Any]] = []
    key_notes: dict[int, list[str]] = {}
    bar = progress_bar(len(keys), "locating places", " places", show=len(keys) >= PROGRESS_MIN_KEYS)
    for k, (text, prov, town, lat, lon) in enumerate(
        keys[[*_KEY, "latitude", "longitude"]].itertuples(index=False, name=None)
    ):
        codes, names, _ = stated.of(prov)
        hit = pick_override(ov_index.get(text.casefold(), []), codes, stated.provinces)
        if hit is not None:
            used.add(hit)
        override = overrides.iloc[hit] if hit is not None and overrides is not None else None
        rec = {
            "location_text": text,
            "district_or_town_as_reported": town,
            "latitude": None if math.isnan(lat) else lat,
            "longitude": None if math.isnan(lon) else lon,
        }
        notes: list[str] = []
        for i, place in enumerate(places_of(rec, codes, names, override, notes)):
            rows.append({"_key": k, **place, "place_index": i, "_stated": codes})
        if notes:
            key_notes[k] = notes
        bar.update(1)
    bar.close()
    return pd.DataFrame(rows), used, key_notes


def _expand(
    places: gpd.GeoDataFrame, key_of_report: np.ndarray, carried: pd.DataFrame
) -> gpd.GeoDataFrame:
    """One row per (report, place of its key), reports in the order given."""
    n_keys = int(places["_key"].max()) + 1 if len(places) else 0
    counts = np.bincount(places["_key"].to_numpy(dtype="int64"), minlength=n_keys)
    starts = np.cumsum(counts) - counts
    per_report = counts[key_of_report]
    report_pos = np.repeat(np.arange(len(key_of_report)), per_report)
    first = np.repeat(np.cumsum(per_report) - per_report, per_report)
    place_pos = starts[key_of_report][report_pos] + (np.arange(len(report_pos)) - first)
    out = places.iloc[place_pos].reset_index(drop=True)
    for col in carried.columns:
        out[col] = carried[col].array.take(report_pos.astype("int64"))
    return out


def locate_reports(
    reports: pd.DataFrame, *, overrides: pd.DataFrame | None = None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Locate reports: one row per (report, distinct place named).

    Each report's ``location_text`` is located, in this order of authority, by an analyst
    override (``match_method = override``; text compared ignoring case; an override stating
    a province applies only to reports stating that province, and is preferred to one that
    states none), by the source's own coordinates (the site itself, ``Precision.SITE``),
    or by the geocoder with the stated province and ``district_or_town_as_reported`` as
    context (:func:`compoundmap.geocode.geocode_places`: one result per distinct place).
    When the geocoder finds no province in the text but the source states one, the report
    is located to each stated province (``match_method = stated_province``); a place known
    only to its province is made finer by the district or town the source states, when that
    lies in the same province (``match_method = stated_place (...)``). Points are
    joined to the communes (:func:`compoundmap.boundaries.assign_admin`): a source's own
    point gets its admin units from the join; any other point is only checked, and
    flagged ``point_outside_province`` when it lies in another province than its unit.

    Reports that share a location text, stated province, district or town and point are
    located once (a progress bar on stderr counts these keys on long runs from a
    terminal), and the results are spread to their reports column by column.

    Parameters
    ----------
    reports : pandas.DataFrame
        Validated reports (:func:`compoundmap.sources.validate_sources` ``.valid``).
    overrides : pandas.DataFrame, optional
        :func:`compoundmap.sources.load_overrides` output.

    Returns
    -------
    (geopandas.GeoDataFrame, list of str)
        The located rows (:data:`LOCATION_COLUMNS` and ``geometry``, a point for
        mappable precisions only, sorted by ``report_id`` and ``place_index``) and
        warnings (overrides that matched no report, stated provinces not recognised).
    """
    order = _texts(reports, "report_id").sort_values(kind="stable").index
    frame = pd.DataFrame(
        {
            **{c: _texts(reports, c).loc[order] for c in dict.fromkeys([*_KEY, *_CARRIED])},
            "latitude": _numbers(reports, "latitude").loc[order],
            "longitude": _numbers(reports, "longitude").loc[order],
        }
    ).reset_index(drop=True)
    key_cols = [*_KEY, "latitude", "longitude"]
    key_of_report = frame.groupby(key_cols, dropna=False, sort=False).ngroup().to_numpy()
    _, first = np.unique(key_of_report, return_index=True)
    keys = frame.iloc[first].reset_index(drop=True)
    stated = _Stated()
    places, used, key_notes = _key_places(keys, stated, overrides)
    notes = _stated_notes(frame, stated)
    notes += _grouped_notes(key_notes, key_of_report, frame["report_id"].to_numpy())
    notes += _unused_overrides(overrides, used)
    if not len(places):
        columns = dict.fromkeys(["_key", "_stated", *LOCATION_COLUMNS])
        places = pd.DataFrame(columns=list(columns))
    places = _join_admin(places)
    places["province_mismatch"] = [
        bool(codes) and bool(prov) and prov not in codes
        for codes, prov in zip(places["_stated"], places["province_code"], strict=True)
    ]
    located = _expand(_publishable(places), key_of_report, frame[_CARRIED])
    keys_of_rows = located["_key"].to_numpy(dtype="int64")
    located["location_text"] = keys["location_text"].array.take(keys_of_rows)
    for col in [*_CARRIED, "location_text"]:
        located[col] = located[col].astype("str")
    if not frame["report_id"].is_unique:
        located = located.sort_values(["report_id", "place_index"], kind="stable")
    located = located.reset_index(drop=True)
    return gpd.GeoDataFrame(
        located[[*LOCATION_COLUMNS, "geometry"]], geometry="geometry", crs=4326
    ), notes


#: A note shared by more reports names this many of them, then how many more.
NOTE_MAX_IDS = 30


def _grouped_notes(
    key_notes: dict[int, list[str]], key_of_report: np.ndarray, report_ids: np.ndarray
) -> list[str]:
    """One line per distinct note, naming the reports it concerns (the first
    :data:`NOTE_MAX_IDS`, then how many more), in the order the notes first appear."""
    if not key_notes:
        return []
    noted = np.isin(key_of_report, np.fromiter(key_notes, dtype=key_of_report.dtype))
    by_text: dict[str, list[str]] = {}
    for k, rid in zip(key_of_report[noted], report_ids[noted], strict=True):
        for text in key_notes[int(k)]:
            by_text.setdefault(text, []).append(str(rid))
    out = []
    for text, rids in by_text.items():
        more = len(rids) - NOTE_MAX_IDS
        named = ", ".join(rids[:NOTE_MAX_IDS]) + (f" and {more:,} more" if more > 0 else "")
        out.append(f"{named}: {text}")
    return out


def _stated_notes(frame: pd.DataFrame, stated: _Stated) -> list[str]:
    """A warning per report for each stated province name that is not a province."""
    values = frame["province_as_reported"]
    unknown = {v: stated.of(v)[2] for v in values.unique()}
    flagged = values.map(lambda v: bool(unknown[v])).to_numpy(dtype=bool)
    return [
        f"{rid}: stated province {name!r} is not a known province name"
        for rid, prov in zip(frame["report_id"][flagged], values[flagged], strict=True)
        for name in unknown[prov]
    ]


def _unused_overrides(overrides: pd.DataFrame | None, used: set[int]) -> list[str]:
    notes: list[str] = []
    if overrides is None:
        return notes
    for i, ov in enumerate(overrides.itertuples(index=False)):
        if i not in used:
            where = f" (province {ov.province_as_reported!r})" if ov.province_as_reported else ""
            notes.append(
                f"override on line {ov.source_row} for {ov.location_text!r}{where} "
                "no longer matches any report; remove or update it"
            )
    return notes


def _join_admin(frame: pd.DataFrame) -> pd.DataFrame:
    """Join points to communes: fill a source point's units, flag a misplaced place point."""
    prec = pd.to_numeric(frame["precision"], errors="coerce")
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    pinned = ((prec <= Precision.DISTRICT) & lat.notna() & lon.notna()).to_numpy(dtype=bool)
    flags = [""] * len(frame)
    cols = {c: [text_of(v) for v in frame[c]] for c in _ADMIN}
    if pinned.any():
        pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[pinned], lat[pinned]), crs=4326)
        joined = assign_admin(pts)
        got = {c: [text_of(v) for v in joined[c]] for c in [*_ADMIN, "admin_flag"]}
        is_site = (prec == Precision.SITE).to_numpy(dtype=bool)
        for j, i in enumerate(np.flatnonzero(pinned)):
            notes = [got["admin_flag"][j]] if got["admin_flag"][j] else []
            own, found = cols["province_code"][i], got["province_code"][j]
            if own and found and found != own:
                notes.append("point_outside_province")
            elif is_site[i]:
                # The source's own point: the commune it lies in is evidence.
                for level in ("province", "district", "commune"):
                    if not cols[f"{level}_code"][i]:
                        for part in ("code", "pcode", "name"):
                            cols[f"{level}_{part}"][i] = got[f"{level}_{part}"][j]
            flags[i] = ";".join(notes)
    for c, values in cols.items():
        frame[c] = values
    frame["admin_flag"] = flags
    return frame


def _publishable(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    out = frame.copy()
    prec = pd.to_numeric(out["precision"], errors="coerce")
    lat = pd.to_numeric(out["latitude"], errors="coerce").round(6)
    lon = pd.to_numeric(out["longitude"], errors="coerce").round(6)
    pinned = ((prec <= Precision.DISTRICT) & lat.notna() & lon.notna()).to_numpy(dtype=bool)
    # Province-only and Cambodia-only rows are never drawn: no point, no coordinates.
    out["latitude"] = lat.where(pinned).astype("Float64")
    out["longitude"] = lon.where(pinned).astype("Float64")
    out["precision"] = prec.astype("Int64")
    out["precision_label"] = [
        Precision(int(p)).label if not pd.isna(p) else UNMATCHED_LABEL for p in prec
    ]
    out["match_score"] = pd.to_numeric(out["match_score"], errors="coerce").round(1)
    out["match_score"] = out["match_score"].astype("Float64")
    out["place_index"] = pd.to_numeric(out["place_index"], errors="coerce").astype("Int64")
    out["province_mismatch"] = out["province_mismatch"].astype(bool)
    for col in LOCATION_COLUMNS:
        if col in _CARRIED or col == "location_text":
            continue  # the report's own columns, added when places are spread to reports
        if col not in out.columns:
            out[col] = ""
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: v if isinstance(v, str) else "").astype("string")
    out["geometry"] = [
        shapely.Point(x, y) if ok else None
        for x, y, ok in zip(lon.fillna(0.0), lat.fillna(0.0), pinned, strict=True)
    ]
    return gpd.GeoDataFrame(out, geometry="geometry", crs=4326)
