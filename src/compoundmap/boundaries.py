"""Admin polygons of Cambodia and the spatial join of points to them.

Sits after the geocoder in the flow: points (geocoded or given by a source) are joined to
communes, whose 2025 district and province codes come with them. Polygons are bundled
(HDX COD-AB 2018 / geoBoundaries geometry, MEF 2025 codes); nothing is fetched.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from ._data import raw_path
from .errors import BoundaryError
from .gazetteer import get_gazetteer

__all__ = [
    "ADMIN_COLUMNS",
    "ADMIN_UNIT_COLUMNS",
    "NEAREST_MAX_METRES",
    "assign_admin",
    "in_stated_province",
    "load_boundaries",
]

#: Points in a hole of the boundaries (the Tonle Sap lake, slivers between communes) take the
#: nearest commune when it is at most this far.
NEAREST_MAX_METRES = 20_000.0

#: 2025 code, HDX p-code and English name per admin level: the admin columns every
#: published table carries.
ADMIN_UNIT_COLUMNS = [
    "province_code",
    "province_pcode",
    "province_name",
    "district_code",
    "district_pcode",
    "district_name",
    "commune_code",
    "commune_pcode",
    "commune_name",
]

#: Columns :func:`assign_admin` adds.
ADMIN_COLUMNS = [*ADMIN_UNIT_COLUMNS, "admin_flag", "admin_distance_m"]

_UTM48N = "EPSG:32648"
_LEVELS: dict[str | int, int] = {
    "province": 1,
    "district": 2,
    "commune": 3,
    1: 1,
    2: 2,
    3: 3,
}
_FILES = {
    (1, False): "khm_adm1.geojson",
    (2, False): "khm_adm2_2025.geojson",
    (3, False): "khm_adm3.geojson",
    (1, True): "khm_adm1_web.geojson",
    (2, True): "khm_adm2_2025_web.geojson",
    (3, True): "khm_adm3_web.geojson",
}
_OUT_COLUMNS = {
    1: ["code", "pcode", "name_en", "name_km", "geometry"],
    2: ["code", "pcode", "name_en", "name_km", "province_code", "geometry"],
    3: ["code", "pcode", "name_en", "name_km", "province_code", "district_code", "geometry"],
}


def _level(level: str | int) -> int:
    try:
        return _LEVELS[level.lower() if isinstance(level, str) else level]
    except (KeyError, TypeError):
        raise BoundaryError(
            f"unknown admin level {level!r}: use 'province', 'district', 'commune' or 1, 2, 3"
        ) from None


@cache
def _read(level: int, simplified: bool) -> gpd.GeoDataFrame:
    gdf = gpd.read_file(raw_path("boundaries", _FILES[(level, simplified)]))
    if gdf.crs is None or not gdf.crs.equals(CRS.from_epsg(4326)):
        gdf = gdf.set_crs(4326, allow_override=True) if gdf.crs is None else gdf.to_crs(4326)
    gaz = get_gazetteer()
    gdf["code"] = gdf["code"].fillna("").astype(str)
    if level == 2:
        # The 2025 district layer names its 2018 predecessor; its p-code applies only 1:1.
        gdf["pcode"] = [gaz.pcode(c) or "" if gaz.has(c) else "" for c in gdf["code"]]
        gdf["province_code"] = gdf["adm1_code"]
    elif level == 3:
        gdf["province_code"] = gdf["adm1_code"]
        gdf["district_code"] = gdf["adm2_code"]
    for col in _OUT_COLUMNS[level]:
        if col != "geometry":
            gdf[col] = gdf[col].fillna("").astype(str)
    out = gdf[_OUT_COLUMNS[level]].sort_values(["code", "pcode"], kind="stable")
    return gpd.GeoDataFrame(out.reset_index(drop=True), geometry="geometry", crs=4326)


def load_boundaries(
    level: Literal["province", "district", "commune", 1, 2, 3] | str | int,
    *,
    simplified: bool = False,
) -> gpd.GeoDataFrame:
    """Load the bundled admin polygons of one level.

    Parameters
    ----------
    level : {"province", "district", "commune", 1, 2, 3}
        Admin level. Districts are the 210 districts of 2025 (2018 communes regrouped).
    simplified : bool, default False
        Return the web-simplified variants (shared topology, ~5 m coordinates), for maps.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:4326 with ``code`` (MEF 2025, e.g. ``"01"``, ``"0102"``, ``"010201"``),
        ``pcode`` (HDX 2018, e.g. ``"KH01"``; empty for a 2025 unit with no 2018 twin),
        ``name_en``, ``name_km``, parent codes (``province_code``, ``district_code``) and
        ``geometry``. 25 provinces, 210 districts, 1,633 commune polygons. Five commune
        polygons were split after 2018 and have an empty ``code``.

    Examples
    --------
    >>> provinces = load_boundaries("province")
    >>> len(provinces)
    25
    """
    return _read(_level(level), bool(simplified)).copy()


@cache
def _join_index() -> tuple[shapely.STRtree, pd.DataFrame, np.ndarray, shapely.Geometry]:
    communes = _read(3, False)
    polys = communes.geometry.values
    shapely.prepare(polys)
    tree = shapely.STRtree(polys)
    gaz = get_gazetteer()
    attrs = pd.DataFrame(
        {
            "province_code": communes["province_code"].to_numpy(),
            "district_code": communes["district_code"].to_numpy(),
            "commune_code": communes["code"].to_numpy(),
        }
    )
    for level in ("province", "district", "commune"):
        codes = attrs[f"{level}_code"]
        attrs[f"{level}_pcode"] = [gaz.pcode(c) or "" if gaz.has(c) else "" for c in codes]
        attrs[f"{level}_name"] = [gaz.name(c) if gaz.has(c) else "" for c in codes]
    projected = communes.to_crs(_UTM48N).geometry.values
    # Holes of the national outline (the Tonle Sap lake) count as inside Cambodia.
    outline = shapely.union_all(polys)
    parts = getattr(outline, "geoms", [outline])
    filled = shapely.union_all([shapely.Polygon(p.exterior) for p in parts])
    shapely.prepare(filled)
    return tree, attrs, projected, filled


def assign_admin(points: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Add province, district and commune codes and names to points by spatial join.

    Parameters
    ----------
    points : geopandas.GeoDataFrame
        Point geometries in any CRS (it must be set). Null or empty geometries are kept.

    Returns
    -------
    geopandas.GeoDataFrame
        A copy of ``points`` (same rows, order, index and CRS) with :data:`ADMIN_COLUMNS`:
        2025 codes, HDX p-codes and English names per level, ``admin_flag`` and
        ``admin_distance_m``. ``admin_flag`` is empty for a point inside a commune;
        ``nearest_within_20km`` for a point in a hole of the boundaries (the Tonle Sap lake)
        given the nearest commune (distance in ``admin_distance_m``); ``outside_cambodia``
        (codes empty); ``no_geometry``; or ``commune_split_after_2018`` when the commune
        polygon was split into several 2025 communes (commune code left empty).

    Raises
    ------
    BoundaryError
        If the input has no CRS or holds non-point geometries.

    Examples
    --------
    >>> import geopandas as gpd, shapely
    >>> pts = gpd.GeoDataFrame(geometry=[shapely.Point(106.09, 11.08)], crs=4326)
    >>> assign_admin(pts)["province_code"].tolist()
    ['20']
    """
    if not isinstance(points, gpd.GeoDataFrame):
        raise BoundaryError(f"assign_admin needs a GeoDataFrame, got {type(points).__name__}")
    if points.crs is None:
        raise BoundaryError(
            "assign_admin: the points have no CRS; set one first, e.g. gdf.set_crs(4326)"
        )
    geoms = points.geometry.to_crs(4326).values if len(points) else points.geometry.values
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    kinds = shapely.get_type_id(geoms[~missing])
    if len(kinds) and (kinds != 0).any():
        bad = int(np.flatnonzero(~missing)[np.flatnonzero(kinds != 0)[0]])
        raise BoundaryError(
            f"assign_admin: row {bad} has a {geoms[bad].geom_type}; only points can be joined"
        )
    tree, attrs, projected, outline = _join_index()
    n = len(points)
    hit = np.full(n, -1, dtype=np.int64)
    inp, idx = tree.query(geoms, predicate="within")
    # A point on a shared edge may fall in two polygons: keep the first, deterministically.
    order = np.lexsort((idx, inp))
    inp, idx = inp[order], idx[order]
    first = np.unique(inp, return_index=True)[1]
    hit[inp[first]] = idx[first]
    flag = np.where(missing, "no_geometry", "").astype(object)
    distance = np.full(n, np.nan)
    loose = np.flatnonzero((hit < 0) & ~missing)
    if len(loose):
        xy = shapely.get_coordinates(geoms[loose])
        holes = loose[shapely.contains_xy(outline, xy[:, 0], xy[:, 1])]
        flag[np.setdiff1d(loose, holes)] = "outside_cambodia"
        if len(holes):
            pts_m = gpd.GeoSeries(geoms[holes], crs=4326).to_crs(_UTM48N).values
            ptree = shapely.STRtree(projected)
            (src, near), dist = ptree.query_nearest(
                pts_m, max_distance=NEAREST_MAX_METRES, return_distance=True, all_matches=False
            )
            hit[holes[src]] = near
            distance[holes[src]] = np.round(dist, 1)
            flag[holes[src]] = "nearest_within_20km"
            far = np.setdiff1d(np.arange(len(holes)), src)
            flag[holes[far]] = "outside_cambodia"
    out = points.copy()
    matched = hit >= 0
    for col in attrs.columns:
        values = np.full(n, "", dtype=object)
        values[matched] = attrs[col].to_numpy()[hit[matched]]
        out[col] = pd.array(values, dtype="string")
    split = matched & (out["commune_code"].to_numpy() == "")
    flag[split] = "commune_split_after_2018"
    out["admin_flag"] = pd.array(flag, dtype="string")
    out["admin_distance_m"] = distance
    rest = [c for c in out.columns if c not in ADMIN_COLUMNS]
    return out[rest + ADMIN_COLUMNS]


def in_stated_province(points: gpd.GeoDataFrame, stated: pd.Series) -> pd.Series:
    """Check that each point lies in the province its source names.

    Parameters
    ----------
    points : geopandas.GeoDataFrame
        Points, joined or not (``province_code`` is computed when absent).
    stated : pandas.Series
        MEF 2025 province codes as stated by the sources, aligned with ``points``; empty or
        missing where the source names none.

    Returns
    -------
    pandas.Series
        Nullable boolean: ``True`` inside the stated province, ``False`` elsewhere, ``<NA>``
        where no province is stated or the point has no province.
    """
    joined = points if "province_code" in points.columns else assign_admin(points)
    got = joined["province_code"].fillna("").astype(str).to_numpy()
    want = stated.reindex(points.index).fillna("").astype(str).to_numpy()
    result = pd.array(got == want, dtype="boolean")
    result[(got == "") | (want == "")] = pd.NA
    return pd.Series(result, index=points.index, name="in_stated_province")
