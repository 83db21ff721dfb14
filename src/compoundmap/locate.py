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

from ._util import records
from .boundaries import ADMIN_UNIT_COLUMNS, assign_admin
from .errors import GeocodeError
from .gazetteer import get_gazetteer
from .geocode import GeocodeResult, geocode, geocode_places
from .normalize import normalize
from .schema import LEVEL_NAMES, UNMATCHED_LABEL, Precision

__all__ = ["LOCATION_COLUMNS", "from_geocoder", "locate_reports"]

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
_ADMIN = ADMIN_UNIT_COLUMNS
# The overrides file keeps its own documented scale: 1 a point, 2 commune, 3 district,
# 4 province. An override's point is a curated place, never the site itself.
_OVERRIDE_PRECISION = {
    1: Precision.PLACE,
    2: Precision.COMMUNE,
    3: Precision.DISTRICT,
    4: Precision.PROVINCE,
}


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _num(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _split(value: object) -> list[str]:
    return [p.strip() for p in _text(value).split(";") if p.strip()]


def from_geocoder(precision: int | None) -> Precision | None:
    """A geocoder answer's precision as a :class:`~compoundmap.schema.Precision`.

    Examples
    --------
    >>> from_geocoder(2).label, from_geocoder(5).label, from_geocoder(None)
    ('named place', 'province only', None)
    """
    return None if precision is None else Precision(int(precision))


class _ProvinceNames:
    """Stated province names → MEF 2025 codes (cached per name).

    A stated province is a province, so a name is first looked up among the province
    names and variants of the gazetteer ("Phnom Penh" is also a commune in Prey Veng); the
    geocoder is asked only for spellings the gazetteer does not list.
    """

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}
        aliases = get_gazetteer().aliases
        provinces = aliases[aliases["level"] == 1]
        by_key: dict[str, set[str]] = {}
        for alias, code in zip(provinces["alias"], provinces["code"], strict=True):
            by_key.setdefault(normalize(alias), set()).add(str(code))
        self.by_key = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1 and k}

    def code(self, name: str) -> str:
        key = name.casefold()
        if key not in self.cache:
            self.cache[key] = self.by_key.get(normalize(name), "") or self._geocoded(name)
        return self.cache[key]

    @staticmethod
    def _geocoded(name: str) -> str:
        result = geocode(name)
        if (
            result.status == "matched"
            and result.precision == Precision.PROVINCE
            and result.province_code
        ):
            return str(result.province_code)
        codes = {str(c["code"]) for c in result.candidates if c.get("level") == "province"}
        return codes.pop() if len(codes) == 1 else ""


def _unit_fields(code: str) -> dict[str, str]:
    """Admin columns for a 2025 code and its parents."""
    gaz = get_gazetteer()
    out = dict.fromkeys(_ADMIN, "")
    for c in gaz.parents(code):
        level = LEVEL_NAMES[gaz.level(c)]
        out[f"{level}_code"] = c
        out[f"{level}_pcode"] = gaz.pcode(c) or ""
        out[f"{level}_name"] = gaz.name(c)
    return out


def _place(text: str, **values: Any) -> dict[str, Any]:
    place: dict[str, Any] = {"location_part": text, "latitude": None, "longitude": None}
    place.update(values)
    return place


def _from_result(result: GeocodeResult) -> dict[str, Any]:
    place: dict[str, Any] = dict.fromkeys(_ADMIN, "")
    for level in ("province", "district", "commune"):
        place[f"{level}_code"] = _text(getattr(result, f"{level}_code", ""))
        place[f"{level}_name"] = _text(getattr(result, f"{level}_name", ""))
    finest = place["commune_code"] or place["district_code"] or place["province_code"]
    if finest and get_gazetteer().has(finest):
        place.update(_unit_fields(finest))
    return _place(
        _text(result.query),
        **{k: v for k, v in place.items()},
        latitude=_num(result.latitude),
        longitude=_num(result.longitude),
        precision=from_geocoder(result.precision),
        match_score=_num(result.score),
        match_confidence=_text(result.confidence),
        match_method=_text(result.method),
        match_status=_text(result.status),
        matched_name=_text(result.matched_name),
    )


def _from_override(ov: pd.Series, text: str) -> dict[str, Any]:
    code = _text(ov["code"])
    fields: dict[str, Any] = _unit_fields(code) if code else dict.fromkeys(_ADMIN, "")
    lat, lon = _num(ov["latitude"]), _num(ov["longitude"])
    if lat is None and code:
        unit = get_gazetteer().unit(code)
        lat, lon = _num(unit["lat"]), _num(unit["lon"])
    return _place(
        text,
        **fields,
        latitude=lat,
        longitude=lon,
        precision=_OVERRIDE_PRECISION[int(ov["precision"])],
        match_score=100.0,
        match_confidence="high",
        match_method="override",
        match_status="matched",
        matched_name=get_gazetteer().name(code) if code else text,
    )


def _from_stated(code: str, name: str) -> dict[str, Any]:
    return _place(
        name,
        **_unit_fields(code),
        precision=Precision.PROVINCE,
        match_score=100.0,
        match_confidence="high",
        match_method="stated_province",
        match_status="matched",
        matched_name=get_gazetteer().name(code),
    )


def _from_source_point(lat: float, lon: float, text: str) -> dict[str, Any]:
    return _place(
        text,
        **dict.fromkeys(_ADMIN, ""),
        latitude=lat,
        longitude=lon,
        precision=Precision.SITE,
        match_score=100.0,
        match_confidence="high",
        match_method="source_coordinates",
        match_status="matched",
        matched_name="",
    )


def _unmatched(text: str) -> dict[str, Any]:
    return _place(
        text,
        **dict.fromkeys(_ADMIN, ""),
        precision=None,
        match_score=0.0,
        match_confidence="",
        match_method="",
        match_status="unmatched",
        matched_name="",
    )


def _override_index(overrides: pd.DataFrame | None) -> dict[str, list[tuple[int, str]]]:
    """location_text (case-folded) → [(override row, stated province as written)]."""
    index: dict[str, list[tuple[int, str]]] = {}
    if overrides is None:
        return index
    for i, (text, prov) in enumerate(
        zip(overrides["location_text"], overrides["province_as_reported"], strict=True)
    ):
        index.setdefault(_text(text).casefold(), []).append((i, _text(prov)))
    return index


def _pick_override(
    candidates: list[tuple[int, str]], stated: list[str], provinces: _ProvinceNames
) -> int | None:
    """The override stating one of the report's provinces, else the one stating none."""
    for i, prov in candidates:
        if prov and provinces.code(prov) and provinces.code(prov) in stated:
            return i
    return next((i for i, prov in candidates if not prov), None)


def _geocoded(
    text: str, province: str | None, town: str | None, notes: list[str], rec: dict[str, Any]
) -> list[GeocodeResult]:
    """The places of a location text, with the stated province and district or town as
    context; a town that names no district (or lies outside the stated province) is
    reported and left out of the context, never silently dropped."""
    if town:
        try:
            return geocode_places(text, province=province, district=town)
        except GeocodeError as exc:
            notes.append(f"{_text(rec['report_id'])}: district_or_town_as_reported: {exc}")
    return geocode_places(text, province=province)


def _places_of(
    rec: dict[str, Any],
    stated: list[str],
    stated_names: list[str],
    override: pd.Series | None,
    notes: list[str],
) -> list[dict[str, Any]]:
    """The places of one report, by the first rule that applies."""
    text = _text(rec["location_text"])
    lat, lon = _num(rec.get("latitude")), _num(rec.get("longitude"))
    if override is not None:
        return [_from_override(override, text)]
    if lat is not None and lon is not None:
        return [_from_source_point(lat, lon, text)]
    town = _text(rec.get("district_or_town_as_reported"))
    results = _geocoded(text, ";".join(stated) or None, town or None, notes, rec)
    places = [_from_result(r) for r in results] or [_unmatched(text)]
    if stated and not any(p["province_code"] for p in places):
        # The geocoder found no province in the text, but the source states one: locate
        # the report to the stated province(s), never to a point.
        names = dict(zip(stated, stated_names, strict=True))
        places = [_from_stated(code, names[code]) for code in dict.fromkeys(stated)]
    return [_refined_by_town(p, town) for p in places] if town else places


def _refined_by_town(place: dict[str, Any], town: str) -> dict[str, Any]:
    """A place known only to its province, made finer by the district or town the source
    states (``district_or_town_as_reported``) when that lies in the same province."""
    prec, province = place.get("precision"), place.get("province_code")
    by_context = prec == Precision.DISTRICT and "+context" in str(place.get("match_method"))
    if prec is None or (prec != Precision.PROVINCE and not by_context) or not province:
        return place
    for part in _split(town):
        found = geocode(part, province=province)
        finer = from_geocoder(found.precision)
        if found.status == "matched" and found.province_code == province and finer and finer < prec:
            refined = _from_result(found)
            refined.update(
                location_part=place["location_part"],
                match_method=f"stated_place ({refined['match_method']})",
            )
            return refined
    return place


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
    notes: list[str] = []
    provinces = _ProvinceNames()
    ov_index = _override_index(overrides)
    used: set[int] = set()
    rows: list[dict[str, Any]] = []
    for rec in records(reports.sort_values("report_id", kind="stable")):
        rid = _text(rec["report_id"])
        stated: list[str] = []
        stated_names: list[str] = []
        for name in _split(rec.get("province_as_reported")):
            code = provinces.code(name)
            if code:
                stated.append(code)
                stated_names.append(name)
            else:
                notes.append(f"{rid}: stated province {name!r} is not a known province name")
        hit = _pick_override(
            ov_index.get(_text(rec["location_text"]).casefold(), []), stated, provinces
        )
        if hit is not None:
            used.add(hit)
        override = overrides.iloc[hit] if hit is not None and overrides is not None else None
        base = {c: _text(rec.get(c)) for c in ("event_id", "compound_id", "event_type")}
        base.update(
            report_id=rid,
            event_date=_text(rec.get("event_date")),
            location_text=_text(rec["location_text"]),
        )
        for i, place in enumerate(_places_of(rec, stated, stated_names, override, notes)):
            rows.append({**base, **place, "place_index": i, "_stated": stated})
    if overrides is not None:
        for i, ov in enumerate(overrides.itertuples(index=False)):
            if i not in used:
                where = (
                    f" (province {ov.province_as_reported!r})" if ov.province_as_reported else ""
                )
                notes.append(
                    f"override on line {ov.source_row} for {ov.location_text!r}{where} "
                    "no longer matches any report; remove or update it"
                )
    frame = pd.DataFrame(rows, columns=[*LOCATION_COLUMNS, "_stated"] if not rows else None)
    frame = _join_admin(frame)
    frame["province_mismatch"] = [
        bool(stated) and bool(prov) and prov not in stated
        for stated, prov in zip(frame["_stated"], frame["province_code"], strict=True)
    ]
    return _publishable(frame), notes


def _join_admin(frame: pd.DataFrame) -> pd.DataFrame:
    """Join points to communes: fill a source point's units, flag a misplaced place point."""
    prec = pd.to_numeric(frame["precision"], errors="coerce")
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    pinned = ((prec <= Precision.DISTRICT) & lat.notna() & lon.notna()).to_numpy(dtype=bool)
    flags = [""] * len(frame)
    cols = {c: [_text(v) for v in frame[c]] for c in _ADMIN}
    if pinned.any():
        pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[pinned], lat[pinned]), crs=4326)
        joined = assign_admin(pts)
        got = {c: [_text(v) for v in joined[c]] for c in [*_ADMIN, "admin_flag"]}
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
        if col not in out.columns:
            out[col] = ""
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: v if isinstance(v, str) else "").astype("string")
    out["geometry"] = [
        shapely.Point(x, y) if ok else None
        for x, y, ok in zip(lon.fillna(0.0), lat.fillna(0.0), pinned, strict=True)
    ]
    out = out.sort_values(["report_id", "place_index"], kind="stable").reset_index(drop=True)
    return gpd.GeoDataFrame(out[[*LOCATION_COLUMNS, "geometry"]], geometry="geometry", crs=4326)
