"""Compounds: the registry's sites, located at the precision their evidence supports, with
the history of cited events about each.

After events (sources → geocode → boundaries → locate → events → **compounds** → summaries
and maps). Sites come only from the curated registry (``compounds.csv``), never from
guessing which report names look alike. A site's location is its curated admin codes; a
point is drawn only where the evidence gives one: the site's own coordinates from a cited
source, or the named place it is reported at (a town, village, beach, border crossing),
which is shown as that place, not as the site. Each status is derived from a dated,
cited event; a raid is not a closure.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely

from ._util import float_or_none, records, text_of
from .boundaries import ADMIN_UNIT_COLUMNS, assign_admin
from .gazetteer import get_gazetteer
from .geocode import geocode
from .registry import Registry, split_ids
from .schema import LEVEL_NAMES, Precision

__all__ = [
    "COMPOUND_COLUMNS",
    "COMPOUND_EVENT_COLUMNS",
    "STATUSES",
    "build_compounds",
    "compound_events",
    "registry_point_problems",
]

#: Status of a site and the event types that show it, checked on the latest dated event.
STATUSES: dict[str, tuple[str, ...]] = {
    "reported closed": ("closure",),
    "reported relocated": ("relocation",),
    "raided": ("raid", "deportation"),
    "reported operating": ("report", "warning", "rescue", "escape", "investigation", "other"),
}
_STATUS_OF = {t: status for status, types in STATUSES.items() for t in types}

#: Columns of the published compounds table, in order (before ``geometry``).
COMPOUND_COLUMNS: list[str] = [
    "compound_id",
    "record_status",
    "status_note",
    "name",
    "names_other_scripts",
    "aliases",
    "site_type",
    "operator_id",
    "operator_names",
    *ADMIN_UNIT_COLUMNS,
    "place_name",
    "latitude",
    "longitude",
    "precision",
    "precision_label",
    "location_evidence",
    "location_quote",
    "first_reported",
    "last_reported",
    "status",
    "status_event_id",
    "status_date",
    "sanctioned",
    "designation_ids",
    "n_events",
    "n_reports",
    "n_sources",
    "event_types",
    "latest_event_type",
    "latest_event_date",
    "nationalities",
    "event_ids",
    "timeline",
    "former_ids",
    "notes",
]
#: Columns of the compound × event table.
COMPOUND_EVENT_COLUMNS: list[str] = [
    "compound_id",
    "event_id",
    "event_type",
    "event_date",
    "n_reports",
    "n_sources",
    "report_ids",
    "figures",
    "citations",
]


def _unit(code: str) -> dict[str, str]:
    gaz = get_gazetteer()
    out = dict.fromkeys(ADMIN_UNIT_COLUMNS, "")
    if not code or not gaz.has(code):
        return out
    for c in gaz.parents(code):
        level = LEVEL_NAMES[gaz.level(c)]
        out[f"{level}_code"] = c
        out[f"{level}_pcode"] = gaz.pcode(c) or ""
        out[f"{level}_name"] = gaz.name(c)
    return out


@lru_cache(maxsize=4096)
def _place_point(place: str, province: str, district: str) -> tuple[float, float] | None:
    """The point of a named place inside the site's units, if the gazetteer knows it."""
    if not place:
        return None
    result = geocode(place, province=province or None, district=district or None)
    if result.status != "matched" or result.precision != Precision.PLACE or result.latitude is None:
        return None  # a named place (a town, village, landmark) with its point
    if province and result.province_code != province:
        return None
    if district and result.district_code and result.district_code != district:
        return None
    return float(result.latitude), float(result.longitude or 0.0)


def _location(row: dict[str, Any]) -> dict[str, Any]:
    """Admin units, point and precision of one registry site, from its curated evidence."""
    prov, dist, comm = (
        text_of(row.get(c)) for c in ("province_code", "district_code", "commune_code")
    )
    out: dict[str, Any] = _unit(comm or dist or prov)
    lat, lon = float_or_none(row.get("latitude")), float_or_none(row.get("longitude"))
    curated = text_of(row.get("location_precision"))
    point: tuple[float, float] | None = None
    if lat is not None and lon is not None:
        precision: Precision | None = Precision.SITE
        point = (float(lat), float(lon))
    elif curated == "place" and (found := _place_point(text_of(row.get("place_name")), prov, dist)):
        precision, point = Precision.PLACE, found
    elif comm or dist:
        precision = Precision.COMMUNE if comm else Precision.DISTRICT
        unit = get_gazetteer().unit(comm or dist)
        if pd.notna(unit.get("lat")) and unit.get("lat") not in ("", None):
            point = (float(unit["lat"]), float(unit["lon"]))
    elif prov:
        precision = Precision.PROVINCE
    else:
        precision = None
    out["precision"] = int(precision) if precision else None
    out["precision_label"] = precision.label if precision else "unlocated"
    out["latitude"], out["longitude"] = point if point else (None, None)
    return out


def _dated(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(
        (e for e in events if e["event_date"]), key=lambda e: (e["event_date"], e["event_id"])
    )


def _status(events: list[dict[str, Any]]) -> tuple[str, str, str]:
    """(status, event id, date) from the latest dated event that shows a status."""
    for event in reversed(_dated(events)):
        status = _STATUS_OF.get(event["event_type"])
        if status:
            return status, event["event_id"], event["event_date"]
    return "", "", ""


def compound_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (registry site, event about it), sorted by site and date.

    Parameters
    ----------
    events : pandas.DataFrame
        :func:`compoundmap.events.build_events` output.
    """
    rows = []
    for ev in records(events):
        for cid in split_ids(ev["compound_id"]):
            rows.append({"compound_id": cid, **{c: ev[c] for c in COMPOUND_EVENT_COLUMNS[1:]}})
    out = pd.DataFrame(rows, columns=COMPOUND_EVENT_COLUMNS)
    out = out.sort_values(["compound_id", "event_date", "event_id"], kind="stable")
    for col in ("n_reports", "n_sources"):
        out[col] = out[col].astype("int64")
    return out.reset_index(drop=True)


def _timeline(events: list[dict[str, Any]]) -> str:
    items = []
    for ev in sorted(events, key=lambda e: (e["event_date"] or "9999", e["event_id"])):
        items.append(
            {
                "event_id": ev["event_id"],
                "date": ev["event_date"],
                "type": ev["event_type"],
                "figures": json.loads(ev["figures"]),
                "citations": json.loads(ev["citations"]),
            }
        )
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


def build_compounds(
    registry: Registry, events: pd.DataFrame, reports: pd.DataFrame | None = None
) -> gpd.GeoDataFrame:
    """The published compounds table: every registry site with its location and history.

    Parameters
    ----------
    registry : Registry
        :func:`compoundmap.registry.load_registry` output.
    events : pandas.DataFrame
        :func:`compoundmap.events.build_events` output (included reports only).
    reports : pandas.DataFrame, optional
        Unused today; kept so callers can pass the reports for future columns.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`COMPOUND_COLUMNS` and ``geometry`` (a point only for a site's own
        coordinates or its named place, commune or district; none for province-only and
        withdrawn sites), sorted by ``compound_id``.
    """
    by_site: dict[str, list[dict[str, Any]]] = {}
    for ev in records(events):
        for cid in split_ids(ev["compound_id"]):
            by_site.setdefault(cid, []).append(ev)
    op_names = dict(zip(registry.operators["operator_id"], registry.operators["name"], strict=True))
    designations = registry.active("designations")
    designated: dict[str, list[str]] = {}
    for d in designations.itertuples(index=False):
        for cid in split_ids(d.compound_id):
            designated.setdefault(cid, []).append(str(d.designation_id))
    rows = []
    for site in records(registry.compounds.sort_values("compound_id")):
        cid = site["compound_id"]
        active = site["record_status"] == "active"
        evs = by_site.get(cid, []) if active else []
        dated = _dated(evs)
        status, status_id, status_date = _status(evs)
        sanctions = designated.get(cid, [])
        sanctioned = bool(sanctions) or any(e["event_type"] == "sanction" for e in evs)
        location = _location(site) if active else {**_unit(""), "precision": None}
        first = min(
            [
                d
                for d in [text_of(site.get("first_reported")), *(e["event_date"] for e in dated)]
                if d
            ],
            default="",
        )
        rows.append(
            {
                **{
                    c: text_of(site.get(c))
                    for c in (
                        "compound_id",
                        "record_status",
                        "status_note",
                        "name",
                        "names_other_scripts",
                        "aliases",
                        "site_type",
                        "operator_id",
                        "place_name",
                        "location_quote",
                        "former_ids",
                        "notes",
                    )
                },
                "operator_names": "; ".join(
                    op_names.get(o, o) for o in split_ids(site.get("operator_id"))
                ),
                **location,
                "precision_label": location.get("precision_label", "withdrawn")
                if active
                else "withdrawn",
                "location_evidence": text_of(site.get("location_report_id"))
                or text_of(site.get("location_source_url")),
                "first_reported": first,
                "last_reported": dated[-1]["event_date"] if dated else "",
                "status": status,
                "status_event_id": status_id,
                "status_date": status_date,
                "sanctioned": sanctioned,
                "designation_ids": "; ".join(sanctions),
                "n_events": len(evs),
                "n_reports": sum(int(e["n_reports"]) for e in evs),
                "n_sources": len(
                    {c["publisher"] for e in evs for c in json.loads(e["citations"])} - {""}
                ),
                "event_types": "; ".join(sorted({e["event_type"] for e in evs})),
                "latest_event_type": dated[-1]["event_type"] if dated else "",
                "latest_event_date": dated[-1]["event_date"] if dated else "",
                "nationalities": "; ".join(
                    sorted(
                        {n.strip() for e in evs for n in e["nationalities"].split(";") if n.strip()}
                    )
                ),
                "event_ids": "; ".join(
                    e["event_id"] for e in sorted(evs, key=lambda e: e["event_id"])
                ),
                "timeline": _timeline(evs),
            }
        )
    out = pd.DataFrame(rows, columns=COMPOUND_COLUMNS)
    out["precision"] = out["precision"].astype("Int64")
    for col in ("n_events", "n_reports", "n_sources"):
        out[col] = out[col].astype("int64")
    out["sanctioned"] = out["sanctioned"].astype(bool)
    lat = pd.to_numeric(out["latitude"], errors="coerce").round(6)
    lon = pd.to_numeric(out["longitude"], errors="coerce").round(6)
    out["latitude"], out["longitude"] = lat.astype("Float64"), lon.astype("Float64")
    geometry = [
        None if pd.isna(y) or pd.isna(x) else shapely.Point(x, y)
        for x, y in zip(lon, lat, strict=True)
    ]
    return gpd.GeoDataFrame(out, geometry=geometry, crs=4326)


def registry_point_problems(compounds: pd.DataFrame, *, file: str = "compounds.csv") -> list[str]:
    """Sites whose cited coordinates fall outside the admin unit the registry states.

    Returns
    -------
    list of str
        ``file:row:latitude: message`` lines, empty when every point agrees.
    """
    lat = pd.to_numeric(compounds["latitude"], errors="coerce")
    lon = pd.to_numeric(compounds["longitude"], errors="coerce")
    has = lat.notna() & lon.notna()
    if not has.any():
        return []
    sub = compounds[has]
    joined = assign_admin(
        gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[has], lat[has]), crs=4326)
    )
    problems = []
    for (i, site), (_, found) in zip(sub.iterrows(), joined.iterrows(), strict=True):
        for level in ("commune", "district", "province"):
            stated = text_of(site.get(f"{level}_code"))
            if stated and text_of(found.get(f"{level}_code")) != stated:
                problems.append(
                    f"{file}:{site.get('source_row', i)}:latitude: the point lies in "
                    f"{level} {found.get(f'{level}_code') or 'none'}, not in the stated {stated!r}"
                )
                break
    return problems
