"""What the maps draw: province shading, district outlines, and markers for registry sites.

A site with its own cited coordinates gets its own pin. Sites known to a named place,
commune or district share one marker per place (drawn at the place, labelled with how
many sites it stands for), so no marker ever claims to be a site the sources do not
locate. Sites known only to a province are never drawn.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from .._util import records, require_columns
from ..boundaries import load_boundaries
from ..schema import Precision
from ._html import aliases_of, esc, n_of, precision_of, text
from .popups import GROUP_WORDS, SYMBOL_WORDS, group_popup, site_popup, site_years

__all__ = [
    "active_sites",
    "province_geometries",
    "classify",
    "district_features",
    "markers",
    "province_features",
    "province_table",
]

_ZERO_COLOUR = "#f4f4f4"
# ColorBrewer OrRd; fewer classes take an evenly spread subset.
_PALETTE = ("#fdd49e", "#fc8d59", "#d7301f", "#7f0000")


def classify(values: Sequence[int]) -> tuple[list[str], list[tuple[str, str]]]:
    """Colour per value and legend rows; zero is its own class, positives Fisher-Jenks."""
    import mapclassify

    arr = np.asarray(values, dtype=float)
    pos = arr[arr > 0]
    legend = [(_ZERO_COLOUR, "0 (none reported)")]
    if pos.size == 0:
        return [_ZERO_COLOUR] * len(arr), legend
    k = min(len(_PALETTE), len(np.unique(pos)))
    if k == 1:
        bins = np.array([pos.max()])
    else:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Numba not installed", category=UserWarning)
            bins = np.asarray(mapclassify.FisherJenks(pos, k=k).bins)
    idx = np.linspace(0, len(_PALETTE) - 1, len(bins)).round().astype(int)
    colours = [_PALETTE[i] for i in idx]
    lower = 1
    for colour, upper in zip(colours, bins, strict=True):
        hi = int(upper)
        legend.append((colour, str(hi) if hi == lower else f"{lower}\u2013{hi}"))
        lower = hi + 1
    out = []
    for v in arr:
        if v <= 0:
            out.append(_ZERO_COLOUR)
        else:
            out.append(colours[min(int(np.searchsorted(bins, v)), len(colours) - 1)])
    return out, legend


def province_table(province_summary: pd.DataFrame) -> gpd.GeoDataFrame:
    """The 25 province polygons with the summary's counts (zero where missing)."""
    require_columns(
        province_summary, ("province_code", "n_compounds", "n_events"), "province_summary"
    )
    polys = load_boundaries(1, simplified=True)
    summary = pd.DataFrame(province_summary).copy()
    summary["province_code"] = summary["province_code"].map(text)
    summary = summary[summary["province_code"] != ""].set_index("province_code")
    out = polys.copy()
    for col in ("n_compounds", "n_events", "n_events_shared", "n_reports", "n_sources"):
        src = summary[col] if col in summary.columns else pd.Series(dtype=float)
        out[col] = [int(src.get(code, 0) or 0) for code in out["code"]]
    for col in ("first_event_date", "last_event_date", "province_name"):
        src = summary[col] if col in summary.columns else pd.Series(dtype=object)
        out[col] = [text(src.get(code)) for code in out["code"]]
    out["province_name"] = [
        n or en for n, en in zip(out["province_name"], out["name_en"], strict=True)
    ]
    return gpd.GeoDataFrame(out.sort_values("code").reset_index(drop=True), crs=4326)


def _geometry_json(geom: object) -> Any:
    return json.loads(shapely.to_geojson(geom))


@cache
def _unit_geometries(level: int) -> dict[str, Any]:
    """GeoJSON geometry of every simplified unit of ``level``, by code (read-only, cached)."""
    units = load_boundaries(level, simplified=True)
    return {str(c): _geometry_json(g) for c, g in zip(units["code"], units.geometry, strict=True)}


def province_geometries(provinces: gpd.GeoDataFrame) -> list[Any]:
    """The provinces' GeoJSON geometries."""
    return [_unit_geometries(1)[str(c)] for c in provinces["code"]]


def province_features(
    provinces: gpd.GeoDataFrame,
    colours: Sequence[str],
    popups: Mapping[str, str],
    geometries: Sequence[Any] | None = None,
) -> dict[str, Any]:
    """GeoJSON of the provinces with their fill, tooltip and popup.

    Parameters
    ----------
    provinces : geopandas.GeoDataFrame
        One row per province (:func:`province_table`: ``code``, ``province_name``,
        ``name_km``, ``n_compounds``, ``n_events``).
    colours : sequence of str
        Each province's fill colour, aligned with ``provinces`` (:func:`classify`).
    popups : mapping of str to str
        Each province's popup HTML, by province code (every code must be there).
    geometries : sequence, optional
        The provinces' GeoJSON geometries, aligned with ``provinces``; default
        :func:`province_geometries` (the simplified boundaries).

    Returns
    -------
    dict
        A GeoJSON ``FeatureCollection``, one feature per province in the order of
        ``provinces``, with ``code``, ``fill``, ``tooltip_html`` (name, Khmer name, counts;
        escaped) and ``popup_html`` properties.
    """
    if geometries is None:
        geometries = province_geometries(provinces)
    features = []
    rows = zip(provinces.to_dict("records"), colours, geometries, strict=True)
    for p, colour, geometry in rows:
        code = str(p["code"])
        km = text(p.get("name_km"))
        tooltip = (
            f"<b>{esc(p['province_name'])}</b>"
            + (f' <span lang="km">{esc(km)}</span>' if km else "")
            + f"<br>{n_of(p['n_compounds'], 'registry site')}<br>{n_of(p['n_events'], 'event')}"
        )
        props = {"code": code, "fill": colour, "tooltip_html": tooltip, "popup_html": popups[code]}
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def district_features(districts: gpd.GeoDataFrame, *, tooltips: bool) -> dict[str, Any]:
    """GeoJSON of district outlines (with their names as tooltips on province pages).

    Parameters
    ----------
    districts : geopandas.GeoDataFrame
        District boundaries (``code``, ``name_en``, ``name_km``, ``geometry``), e.g.
        ``load_boundaries(2, simplified=True)`` or the districts of one province.
    tooltips : bool
        Give each feature a ``tooltip_html`` with its English and Khmer names (escaped).

    Returns
    -------
    dict
        A GeoJSON ``FeatureCollection``, one feature per district in code order, with a
        ``code`` property; the geometry is the simplified boundary's.

    Examples
    --------
    >>> from compoundmap.boundaries import load_boundaries
    >>> d = load_boundaries(2, simplified=True)
    >>> fc = district_features(d[d["province_code"] == "20"], tooltips=True)
    >>> len(fc["features"]), fc["features"][0]["properties"]["code"]
    (8, '2001')
    """
    features = []
    geometries = _unit_geometries(2)
    for d in districts.sort_values("code").to_dict("records"):
        code = str(d["code"])
        props: dict[str, Any] = {"code": code}
        if tooltips:
            props["tooltip_html"] = (
                f'{esc(d["name_en"])} <span lang="km">{esc(d["name_km"])}</span>'
            )
        geometry = geometries.get(code) or _geometry_json(d["geometry"])
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def _point(site: Mapping[str, Any]) -> tuple[float, float] | None:
    """Where a site's marker goes: its own point (precision 1) or its place's; else None."""
    prec = precision_of(site.get("precision"))
    if prec not in {int(p) for p in Precision if p.mappable}:
        return None
    try:
        lat, lon = float(site["latitude"]), float(site["longitude"])
    except (TypeError, ValueError, KeyError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return round(lat, 5), round(lon, 5)


def _label(sites: Sequence[Mapping[str, Any]], precision: int) -> str:
    if precision == Precision.PLACE:
        names = [text(s.get("place_name")) for s in sites if text(s.get("place_name"))]
        if names:
            return max(dict.fromkeys(names), key=names.count)
    column = "commune_name" if precision == Precision.COMMUNE else "district_name"
    found = [text(s.get(column)) for s in sites if text(s.get(column))]
    return found[0] if found else text(sites[0].get("province_name"))


def active_sites(compounds: pd.DataFrame) -> list[dict[str, Any]]:
    """The registry's active sites as records, sorted by ``compound_id``."""
    require_columns(compounds, ("compound_id", "name", "precision", "record_status"), "compounds")
    sites = [s for s in records(compounds) if text(s.get("record_status")) == "active"]
    return sorted(sites, key=lambda s: text(s.get("compound_id")))


def markers(compounds: pd.DataFrame, *, focus: str | None = None) -> list[dict[str, Any]]:
    """Marker payloads: one per site with its own coordinates, one per shared place.

    A site at precision 1 gets its own marker. Sites at a named place, commune or district
    share one marker per place and precision (within one province), carrying how many
    sites it stands for. Sites known only to a province or less are never markers.

    Parameters
    ----------
    compounds : pandas.DataFrame
        The published compounds table (active rows are drawn).
    focus : str, optional
        A province code: only its sites.

    Returns
    -------
    list of dict
        ``id``, ``ids`` (the sites), ``lat``, ``lon``, ``precision``, ``count``, ``name``,
        ``aliases``, ``label``, ``years``, ``site_years`` (one list per site),
        ``province_code`` and ``popup_html``, in ``compound_id`` order.
    """
    active = active_sites(compounds)
    if focus:
        active = [s for s in active if text(s.get("province_code")) == focus]
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for site in active:
        point = _point(site)
        if point is None:
            continue
        prec = int(site["precision"])
        prov = text(site.get("province_code"))
        key = (*point, prec, prov) if prec != Precision.SITE else (text(site["compound_id"]),)
        groups.setdefault(key, []).append(site)
    items = []
    for sites in groups.values():  # first-seen order is compound_id order
        prec = int(sites[0]["precision"])
        names = [
            n
            for s in sites
            for n in [text(s["name"]), *aliases_of(s.get("aliases"), text(s["name"]))]
        ]
        if prec == Precision.SITE:
            name, popup = text(sites[0]["name"]) or "Unnamed site", site_popup(sites[0])
            label = f"{name}: {SYMBOL_WORDS[prec].lower()}"
        else:
            name = _label(sites, prec)
            popup = group_popup(name, prec, sites)
            label = f"{n_of(len(sites), 'site')} {GROUP_WORDS[prec].format(name)}"
        per_site = [site_years(s) for s in sites]
        items.append(
            {
                "id": text(sites[0]["compound_id"]),
                "ids": [text(s["compound_id"]) for s in sites],
                "lat": _point(sites[0])[0],  # type: ignore[index]
                "lon": _point(sites[0])[1],  # type: ignore[index]
                "precision": prec,
                "count": len(sites),
                "name": name,
                "aliases": list(dict.fromkeys(n for n in names if n and n != name)),
                "label": label,
                "years": sorted({y for ys in per_site for y in ys}),
                "site_years": per_site,
                "province_code": text(sites[0].get("province_code")),
                "popup_html": popup,
            }
        )
    return items
