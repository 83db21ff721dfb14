"""One writer per output format: CSV, GeoJSON, GeoParquet, GeoPackage, JSON.

Every writer is deterministic (same table, same bytes) and writes to the path it is given;
:mod:`compoundmap.publish` decides where that is (a staging folder swapped into place).
Spreadsheet formats neutralise formulas (:func:`spreadsheet_safe`); GeoJSON, Parquet and
the GeoPackage keep every value as it is.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pyogrio
import shapely

__all__ = [
    "FORMULA_TRIGGERS",
    "points_frame",
    "spreadsheet_column",
    "spreadsheet_safe",
    "spreadsheet_text",
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

    Parameters
    ----------
    value : object
        The cell's value (``None``, ``pd.NA`` and NaN count as missing).
    column : str
        The column's name, which decides the decimals of a float (6 for ``latitude``,
        ``longitude``, ``source_latitude`` and ``source_longitude``, 1 otherwise).

    Returns
    -------
    str
        The cell's text.

    Examples
    --------
    >>> spreadsheet_value(11.5625, "latitude"), spreadsheet_value(12.0, "count")
    ('11.562500', '12.0')
    >>> spreadsheet_value(True, "exact"), spreadsheet_value(None, "count")
    ('true', '')
    >>> spreadsheet_value("-1 dead", "title")
    "'-1 dead"
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


def _guarded(text: pd.Series) -> pd.Series:
    """:func:`spreadsheet_safe` on a column of text, vectorised."""
    risky = text.str.lstrip("'").str[:1].isin(FORMULA_TRIGGERS)
    if not risky.any():
        return text
    return text.where(~risky, "'" + text)


def _floats(values: pd.Series, column: str) -> pd.Series:
    spec = ".6f" if column in _COORD_COLUMNS else ".1f"
    missing = values.isna().to_numpy(dtype=bool)
    numbers = values.to_numpy(dtype="float64", na_value=np.nan)
    return pd.Series(
        ["" if m else format(v, spec) for v, m in zip(numbers, missing, strict=True)],
        index=values.index,
        dtype=object,
    )


def spreadsheet_column(values: pd.Series, column: str) -> pd.Series:
    """:func:`spreadsheet_value` of every cell of a column, by its dtype (object: per cell).

    The text of a column of text, integers, floats or booleans is made in one step per
    column rather than one call per cell, with exactly the same result.

    Parameters
    ----------
    values : pandas.Series
        The column's values.
    column : str
        The column's name (see :func:`spreadsheet_value` for the decimals it decides).

    Returns
    -------
    pandas.Series
        The cells' text, dtype object, on the index of ``values``.

    Examples
    --------
    >>> spreadsheet_column(pd.Series([1.25, None]), "latitude").tolist()
    ['1.250000', '']
    >>> spreadsheet_column(pd.Series([3, 4], dtype="Int64"), "count").tolist()
    ['3', '4']
    """
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        text = values.map({True: "true", False: "false"}).astype(object)
        return text.where(values.notna(), "")
    if pd.api.types.is_integer_dtype(dtype):
        return values.astype("string").fillna("").astype(object)
    if pd.api.types.is_float_dtype(dtype):
        return _floats(values, column)
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        return _guarded(values.fillna("")).astype(object)
    return pd.Series(
        [spreadsheet_value(v, column) for v in values], index=values.index, dtype=object
    )


def spreadsheet_text(df: pd.DataFrame) -> pd.DataFrame:
    """Every cell of ``df`` as its spreadsheet text (:func:`spreadsheet_column`)."""
    return pd.DataFrame(
        {c: spreadsheet_column(df[c], str(c)) for c in df.columns}, index=df.index, dtype=object
    )


#: Rows of a chunk turned into Python strings at a time by the CSV writers (the text of a
#: cell does not depend on its neighbours: the bytes are the same for any value).
TEXT_PIECE_ROWS = 10_000


def text_pieces(frame: pd.DataFrame) -> Iterator[pd.DataFrame]:
    """``frame`` in consecutive pieces of at most :data:`TEXT_PIECE_ROWS` rows (at least
    one): a writer holds one piece's cell texts at a time, not a whole chunk's."""
    for start in range(0, max(len(frame), 1), TEXT_PIECE_ROWS):
        yield frame.iloc[start : start + TEXT_PIECE_ROWS]


def write_csv(df: pd.DataFrame | Iterable[pd.DataFrame], path: Path) -> Path:
    """UTF-8 CSV with ``\\n`` line ends, formula-safe text (:func:`spreadsheet_value`).

    ``df`` may be one frame or chunks of one table (same columns), written in order, so
    a table kept on disk is written without ever being whole in memory.

    Parameters
    ----------
    df : pandas.DataFrame or iterable of pandas.DataFrame
        The table, or consecutive chunks of it with the same columns (the header is the
        first chunk's; later empty chunks are skipped).
    path : pathlib.Path
        The file to write (replaced if it exists).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    chunks = [df] if isinstance(df, pd.DataFrame) else df
    first = True
    with open(path, "w", encoding="utf-8", newline="") as fh:
        for chunk in chunks:
            if not first and not len(chunk):
                continue
            for piece in text_pieces(chunk):
                text = spreadsheet_text(piece)
                text.to_csv(fh, index=False, header=first, lineterminator="\n")
                first = False
    return path


def _features(gdf: gpd.GeoDataFrame) -> Iterator[str]:
    """One GeoJSON feature per row, as compact JSON text."""
    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    geoms = gdf.geometry.to_numpy()
    for props, geom in zip(gdf[columns].itertuples(index=False, name=None), geoms, strict=True):
        geometry = None
        if geom is not None and not geom.is_empty:
            geometry = {"type": "Point", "coordinates": [round(geom.x, 6), round(geom.y, 6)]}
        feature = {
            "type": "Feature",
            "properties": {c: _json_value(v, c) for c, v in zip(columns, props, strict=True)},
            "geometry": geometry,
        }
        yield json.dumps(feature, ensure_ascii=False, separators=(",", ":"))


def write_geojson(gdf: gpd.GeoDataFrame | Iterable[gpd.GeoDataFrame], path: Path) -> Path:
    """RFC 7946 GeoJSON, one feature per line, coordinates at 6 decimals, no timestamps.

    ``gdf`` may be one frame or chunks of one table, written in order.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame or iterable of geopandas.GeoDataFrame
        The table of points, or consecutive chunks of it. A row without a point (or an
        empty one) is written with a ``null`` geometry.
    path : pathlib.Path
        The file to write (replaced if it exists).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    chunks = [gdf] if isinstance(gdf, pd.DataFrame) else gdf
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write('{"type":"FeatureCollection","features":[')
        first = True
        for chunk in chunks:
            for feature in _features(chunk):
                fh.write(("\n" if first else ",\n") + feature)
                first = False
        fh.write("\n]}\n")
    return path


def write_parquet(
    gdf: gpd.GeoDataFrame | Callable[[], Iterable[gpd.GeoDataFrame]], path: Path
) -> Path:
    """GeoParquet (WKB geometry, EPSG:4326), zstd-compressed.

    ``gdf`` is a frame, or a function giving consecutive chunks of one table (called
    twice: once for the file's ``geo`` metadata, its bounding box and geometry types, then
    to write each chunk as it comes), so a long table is never held whole. One chunk gives
    the same bytes as the whole frame.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame or callable
        The table, or a function without arguments returning an iterable of consecutive
        chunks of it (the same chunks each time it is called).
    path : pathlib.Path
        The file to write (replaced if it exists).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    if isinstance(gdf, pd.DataFrame):
        gdf.to_parquet(path, index=False, compression="zstd")
        return path
    from geopandas.io.arrow import _geopandas_to_arrow

    geo = _geo_metadata(_geopandas_to_arrow(c, index=False) for c in gdf())
    writer: pq.ParquetWriter | None = None
    try:
        for chunk in gdf():
            table = _geopandas_to_arrow(chunk, index=False)
            table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"geo": geo})
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            elif not len(table):
                continue
            writer.write_table(table)
    finally:
        if writer is not None:
            writer.close()
    return path


def _geo_metadata(tables: Iterable[pa.Table]) -> bytes:
    """The GeoParquet ``geo`` metadata of chunks written as one file: the first chunk's,
    with the geometry types and bounding box of them all (as geopandas writes them)."""
    meta: dict[str, Any] | None = None
    for table in tables:
        found = json.loads(table.schema.metadata[b"geo"])
        if meta is None:
            meta = found
            continue
        for name, column in found["columns"].items():
            into = meta["columns"][name]
            into["geometry_types"] = sorted({*into["geometry_types"], *column["geometry_types"]})
            if "bbox" in column:
                box = into.get("bbox")
                into["bbox"] = (
                    column["bbox"]
                    if box is None
                    else [
                        *np.minimum(box[:2], column["bbox"][:2]).tolist(),
                        *np.maximum(box[2:], column["bbox"][2:]).tolist(),
                    ]
                )
    assert meta is not None
    return json.dumps(meta).encode("utf-8")


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


def write_gpkg(layers: Mapping[str, pd.DataFrame | Iterable[pd.DataFrame]], path: Path) -> Path:
    """A GeoPackage with one layer per frame (or chunks of one), byte-identical across builds.

    A frame without geometry is written as an attribute table. GDAL's
    ``OGR_CURRENT_DATE`` is set to a fixed date while writing and restored afterwards.

    Parameters
    ----------
    layers : mapping of str to pandas.DataFrame or iterable of pandas.DataFrame
        Each layer's name and its frame, or consecutive chunks of it (appended in order).
    path : pathlib.Path
        The GeoPackage to write.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    previous = pyogrio.get_gdal_config_option("OGR_CURRENT_DATE")
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": _GPKG_DATE})
    try:
        for name, layer in layers.items():
            chunks = [layer] if isinstance(layer, pd.DataFrame) else layer
            for i, gdf in enumerate(chunks):
                if i and not len(gdf):
                    continue
                pyogrio.write_dataframe(_plain(gdf), path, layer=name, driver="GPKG", append=i > 0)
    finally:
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": previous})
    return path


def write_json(obj: Any, path: Path) -> Path:
    """Pretty JSON (2-space indent, UTF-8, trailing newline).

    Parameters
    ----------
    obj : Any
        A value :func:`json.dumps` can encode.
    path : pathlib.Path
        The file to write (replaced if it exists).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
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
