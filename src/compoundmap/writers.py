"""One writer per output format: CSV, GeoJSON, GeoParquet, GeoPackage, JSON.

Every writer is deterministic (same table, same bytes) and writes to the path it is given;
:mod:`compoundmap.publish` decides where that is (a staging folder swapped into place).
Spreadsheet formats neutralise formulas (:func:`spreadsheet_safe`); GeoJSON, Parquet and
the GeoPackage keep every value as it is.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

__all__ = [
    "FORMULA_TRIGGERS",
    "points_frame",
    "spreadsheet_safe",
    "spreadsheet_value",
    "write_csv",
    "write_geojson",
    "write_gpkg",
    "write_json",
    "write_parquet",
]

#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# A fixed date for the GeoPackage's gpkg_contents.last_change, which GDAL otherwise sets to
# the time of writing; with it the file is byte-identical across builds.
_GPKG_DATE = "2000-01-01T00:00:00Z"
_COORD_COLUMNS = frozenset({"latitude", "longitude", "source_latitude", "source_longitude"})


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def spreadsheet_safe(text: str) -> str:
    """Text that a spreadsheet shows as text, never runs as a formula.

    A value starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading apostrophe, as OWASP recommends; so does one that already starts with
    apostrophes followed by such a character, which keeps the rule reversible
    (:func:`compoundmap.tables.read_table` removes exactly one apostrophe again).

    Examples
    --------
    >>> spreadsheet_safe('=HYPERLINK("http://evil.example")')
    '\\'=HYPERLINK("http://evil.example")'
    >>> spreadsheet_safe("Sihanoukville")
    'Sihanoukville'
    """
    if text.lstrip("'")[:1] in FORMULA_TRIGGERS:
        return "'" + text
    return text


def spreadsheet_value(value: object, column: str) -> str:
    """One spreadsheet cell: fixed float formats, lower-case booleans, empty for missing.

    Coordinates keep 6 decimals, other floats 1; text is passed through
    :func:`spreadsheet_safe`.
    """
    if _missing(value):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6f}" if column in _COORD_COLUMNS else f"{float(value):.1f}"
    return spreadsheet_safe(str(value))


def _json_value(value: object, column: str) -> object:
    if _missing(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return round(float(value), 6 if column in _COORD_COLUMNS else 1)
    return str(value)


def write_csv(df: pd.DataFrame, path: Path) -> Path:
    """UTF-8 CSV with ``\\n`` line ends, formula-safe text (:func:`spreadsheet_value`)."""
    text = pd.DataFrame(
        {c: [spreadsheet_value(v, c) for v in df[c]] for c in df.columns}, dtype=object
    )
    text.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return path


def write_geojson(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    """RFC 7946 GeoJSON, one feature per line, coordinates at 6 decimals, no timestamps."""
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    geoms = gdf.geometry.to_numpy()
    records = gdf[columns].to_dict("records")
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type":"FeatureCollection","features":[\n')
        for i, (props, geom) in enumerate(zip(records, geoms, strict=True)):
            geometry = None
            if geom is not None and not geom.is_empty:
                geometry = {"type": "Point", "coordinates": [round(geom.x, 6), round(geom.y, 6)]}
            feature = {
                "type": "Feature",
                "properties": {c: _json_value(props[c], c) for c in columns},
                "geometry": geometry,
            }
            sep = "," if i < len(records) - 1 else ""
            fh.write(json.dumps(feature, ensure_ascii=False, separators=(",", ":")) + sep + "\n")
        fh.write("]}\n")
    return path


def write_parquet(gdf: gpd.GeoDataFrame, path: Path) -> Path:
    """GeoParquet (WKB geometry, EPSG:4326), zstd-compressed."""
    gdf.to_parquet(path, index=False, compression="zstd")
    return path


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Nullable pandas dtypes as plain numpy ones (NaN for missing) for GDAL."""
    out = frame.copy()
    geometry = out.geometry.name if isinstance(out, gpd.GeoDataFrame) else None
    for col in out.columns:
        if col == geometry:
            continue
        dtype = str(out[col].dtype)
        if dtype in ("Int64", "Float64"):
            out[col] = out[col].astype("float64")
        elif dtype == "boolean":
            out[col] = out[col].fillna(False).astype(bool)
        elif dtype.startswith(("string", "str")):
            out[col] = out[col].fillna("").astype(object)
    return out


def write_gpkg(layers: Mapping[str, pd.DataFrame], path: Path) -> Path:
    """A GeoPackage with one layer per frame (a frame without geometry is an attribute
    table), byte-identical across builds."""
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _GPKG_DATE})
    try:
        for name, gdf in layers.items():
            pyogrio.write_dataframe(_plain(gdf), path, layer=name, driver="GPKG")
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})
    return path


def write_json(obj: Any, path: Path) -> Path:
    """Pretty JSON (2-space indent, UTF-8, trailing newline)."""
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def points_frame(df: pd.DataFrame) -> gpd.GeoDataFrame:
    """``df`` as a GeoDataFrame with a point where ``latitude``/``longitude`` are given."""
    lat = pd.to_numeric(df["latitude"], errors="coerce")
    lon = pd.to_numeric(df["longitude"], errors="coerce")
    geometry = [
        None if (pd.isna(y) or pd.isna(x)) else shapely.Point(x, y)
        for x, y in zip(lon, lat, strict=True)
    ]
    return gpd.GeoDataFrame(df.copy(), geometry=geometry, crs=4326)
