"""Admin polygons and the spatial join, on the bundled data as it ships."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from compoundmap import BoundaryError, assign_admin, in_stated_province, load_boundaries
from compoundmap.boundaries import ADMIN_COLUMNS


@pytest.mark.parametrize(
    ("level", "count", "width"),
    [("province", 25, 2), ("district", 210, 4), ("commune", 1633, 6), (1, 25, 2), (3, 1633, 6)],
)
def test_counts_codes_and_crs(level, count, width):
    b = load_boundaries(level)
    assert len(b) == count
    assert b.crs.to_epsg() == 4326
    coded = b[b["code"] != ""]
    assert coded["code"].str.fullmatch(rf"\d{{{width}}}").all()
    assert b.geometry.is_valid.all()
    assert {"code", "pcode", "name_en", "name_km", "geometry"} <= set(b.columns)


def test_parent_codes():
    d = load_boundaries("district")
    assert (d["province_code"] == d["code"].str[:2]).all()
    c = load_boundaries("commune")
    coded = c[c["code"] != ""]
    assert (coded["district_code"] == coded["code"].str[:4]).all()
    assert (c["province_code"] == c["district_code"].str[:2]).all()
    # exactly the five 2018 communes split after 2018 carry no 2025 code
    assert (c["code"] == "").sum() == 5


def test_simplified_variants_are_lighter_and_match():
    for level in ("province", "district", "commune"):
        full, web = load_boundaries(level), load_boundaries(level, simplified=True)
        assert sorted(full["code"]) == sorted(web["code"])
        assert (
            shapely.get_num_coordinates(web.geometry.values).sum()
            < shapely.get_num_coordinates(full.geometry.values).sum()
        )


def test_unknown_level_is_a_clear_error():
    with pytest.raises(BoundaryError, match="unknown admin level 'village'"):
        load_boundaries("village")


def test_returns_a_copy():
    a = load_boundaries("province")
    a.loc[0, "name_en"] = "changed"
    assert load_boundaries("province").loc[0, "name_en"] != "changed"


def _pts(coords, crs=4326):
    return gpd.GeoDataFrame(
        {"label": [f"p{i}" for i in range(len(coords))]},
        geometry=[shapely.Point(xy) if xy else None for xy in coords],
        crs=4326,
    ).to_crs(crs)


def test_known_points_land_in_their_units():
    # Bavet town (GeoNames), Phnom Penh's Royal Palace, Sihanoukville port area
    pts = _pts([(106.1286, 11.0639), (104.9311, 11.5636), (103.5126, 10.6415)])
    out = assign_admin(pts)
    assert out["province_code"].tolist() == ["20", "12", "18"]
    assert out["district_code"].iloc[0] == "2008"
    assert out["province_name"].iloc[0] == "Svay Rieng"
    assert out["province_pcode"].tolist() == ["KH20", "KH12", "KH18"]
    assert (out["commune_code"].str.len() == 6).all()
    assert (out["admin_flag"] == "").all()


def test_geonames_places_join_where_provenance_says():
    from compoundmap import get_gazetteer

    places = get_gazetteer().places
    pts = gpd.GeoDataFrame(places, geometry=gpd.points_from_xy(places.lon, places.lat), crs=4326)
    out = assign_admin(pts)
    agree = (out["commune_code"] == places["commune_code"]) | (places["commune_code"] == "")
    assert agree.mean() > 0.99
    assert (out["province_code"] == places["province_code"]).mean() > 0.99


@pytest.mark.parametrize("crs", [4326, 32648, 3857])
def test_any_input_crs_keeps_its_crs(crs):
    pts = _pts([(106.1286, 11.0639), (104.9311, 11.5636)], crs=crs)
    out = assign_admin(pts)
    assert out.crs == pts.crs
    assert out["province_code"].tolist() == ["20", "12"]
    assert out.geometry.equals(pts.geometry)


def test_tonle_sap_gets_nearest_unit_with_flag():
    out = assign_admin(_pts([(104.05, 12.85)]))  # open water of the lake
    assert out["admin_flag"].iloc[0] == "nearest_within_20km"
    assert out["province_code"].iloc[0] in {"02", "06", "15", "17"}
    assert 0 < out["admin_distance_m"].iloc[0] <= 20_000


def test_outside_cambodia_kept_with_empty_codes():
    # Bangkok; Aranyaprathet (Thai side of Poipet, within 20 km of Cambodia); Ho Chi Minh City
    pts = _pts([(100.50, 13.75), (102.50, 13.69), (106.70, 10.78), None])
    out = assign_admin(pts)
    assert len(out) == 4
    assert out["admin_flag"].tolist() == ["outside_cambodia"] * 3 + ["no_geometry"]
    assert (out["province_code"] == "").all()
    assert out["label"].tolist() == ["p0", "p1", "p2", "p3"]


def test_keeps_index_order_and_columns():
    pts = _pts([(104.9311, 11.5636), (106.1286, 11.0639)]).set_index(pd.Index([10, 3]))
    out = assign_admin(pts)
    assert list(out.index) == [10, 3]
    assert list(out.columns) == ["label", "geometry", *ADMIN_COLUMNS]


def test_empty_input():
    out = assign_admin(_pts([]))
    assert len(out) == 0 and set(ADMIN_COLUMNS) <= set(out.columns)


def test_errors_are_clear():
    with pytest.raises(BoundaryError, match="no CRS"):
        assign_admin(gpd.GeoDataFrame(geometry=[shapely.Point(104.9, 11.5)]))
    poly = gpd.GeoDataFrame(geometry=[shapely.box(104, 11, 105, 12)], crs=4326)
    with pytest.raises(BoundaryError, match="row 0 has a Polygon"):
        assign_admin(poly)


def test_random_points_agree_with_province_polygons():
    rng = np.random.default_rng(7)
    prov = load_boundaries("province")
    xmin, ymin, xmax, ymax = prov.total_bounds
    pts = _pts(list(zip(rng.uniform(xmin, xmax, 3000), rng.uniform(ymin, ymax, 3000), strict=True)))
    out = assign_admin(pts)
    inside = out[out["admin_flag"] == ""]
    direct = gpd.sjoin(inside[["geometry"]], prov[["code", "geometry"]], predicate="within")
    direct = direct[~direct.index.duplicated()]
    agree = (inside.loc[direct.index, "province_code"] == direct["code"]).mean()
    # commune (geoBoundaries) and province (HDX) outlines differ slightly near borders
    assert agree > 0.99


def test_in_stated_province():
    pts = assign_admin(_pts([(106.1286, 11.0639), (106.1286, 11.0639), (100.5, 13.75)]))
    got = in_stated_province(pts, pd.Series(["20", "18", "20"], index=pts.index))
    assert got.tolist()[:2] == [True, False]
    assert got.isna().tolist() == [False, False, True]
