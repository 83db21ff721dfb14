"""The Frictionless Data Package descriptor of a release, and the release's version.

Written last by :func:`compoundmap.pipeline.build`. Fields, types and descriptions come from
:mod:`compoundmap.fields`; ``version`` and ``created`` come from the data itself (the
latest date in the curated files), so rebuilding the same data gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .fields import FIELD_DESCRIPTIONS, FOREIGN_KEYS, PRIMARY_KEYS, TABLE_TEXT

__all__ = ["ATTRIBUTION_SOURCES", "LICENSES", "datapackage", "release_info"]

#: Where the data comes from (``datapackage.json`` ``sources``; the maps' About panel).
ATTRIBUTION_SOURCES: list[dict[str, str]] = [
    {
        "title": "Curated reports, registry of sites, operators and designations: news, NGO, "
        "government, court and academic sources cited row by row",
        "path": "data/raw/sources/",
    },
    {
        "title": "Administrative boundaries and p-codes: Cambodia COD-AB (V_01, valid "
        "2018-10-04), OCHA / Humanitarian Data Exchange, CC BY-IGO",
        "path": "https://data.humdata.org/dataset/cod-ab-khm",
    },
    {
        "title": "Commune boundaries: geoBoundaries gbOpen (Runfola et al. 2020, PLoS ONE 15(4): "
        "e0231866), from Open Development Cambodia 'Administrative boundaries of Cambodia "
        "2014', CC BY 4.0",
        "path": "https://www.geoboundaries.org",
    },
    {
        "title": "Administrative names and codes (2025): Ministry of Economy and Finance, Royal "
        "Government of Cambodia",
        "path": "https://data.mef.gov.kh",
    },
    {
        "title": "Place names and coordinates: GeoNames, CC BY 4.0",
        "path": "https://www.geonames.org",
    },
    {
        "title": "Province name variants (names only, used for matching): © OpenStreetMap "
        "contributors, ODbL",
        "path": "https://www.openstreetmap.org/copyright",
    },
]
#: Licences of the release.
LICENSES: list[dict[str, str]] = [
    {
        "name": "CC-BY-4.0",
        "title": "Creative Commons Attribution 4.0 (the project's compilation, summaries and "
        "derived tables)",
        "path": "https://creativecommons.org/licenses/by/4.0/",
    },
    {
        "name": "CC-BY-IGO-3.0",
        "title": "Creative Commons Attribution for Intergovernmental Organisations 3.0 "
        "(HDX COD-AB p-codes and boundaries; licence not re-verified offline)",
        "path": "https://creativecommons.org/licenses/by/3.0/igo/",
    },
]
_GEO_LICENCES = LICENSES  # boundaries appear only in geographic files and the summaries
_CURATED_ONLY = {"reports", "events", "compound_events", "operators", "designations", "rejects"}


def _latest(frame: pd.DataFrame) -> str:
    """The latest date-like value of a frame's date columns (``""`` when none)."""
    found = ""
    for col in ("source_date", "checked_on", "event_date", "date"):
        if col in frame.columns:
            values = frame[col].dropna().astype("str")
            values = values[values.str[:4].str.isdigit()]
            if len(values):
                found = max(found, str(values.max()))
    return found


def release_info(curated: Iterable[Path], tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """``version`` (CalVer ``YYYY.MM.DD`` of the latest date in the data), ``created`` and a
    digest of the curated files, so two copies of one release can be told apart.

    Parameters
    ----------
    curated : iterable of Path
        The curated files read (their bytes are digested).
    tables : mapping
        Tables whose date columns (``source_date``, ``checked_on``, ``event_date``,
        ``date``) give the latest date.

    Returns
    -------
    dict of str to str
        ``version``, ``created`` (that date at midnight UTC; a year or month is read as
        its first day, no date at all as 1970-01-01) and ``sources_sha256`` (of the
        files' names and bytes, in path order; a missing file is skipped).

    Examples
    --------
    >>> dates = pd.DataFrame({"source_date": ["2024-03-16", "2025-01"]})
    >>> info = release_info([], {"reports": dates})
    >>> info["version"], info["created"]
    ('2025.01.01', '2025-01-01T00:00:00Z')
    """
    latest = max((_latest(frame) for frame in tables.values()), default="") or "1970-01-01"
    latest = (latest + "-01-01")[:10] if len(latest) < 10 else latest[:10]
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in curated):
        if path.is_file():
            digest.update(path.name.encode())
            with open(path, "rb") as fh:  # in blocks: a curated file may be large
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
    return {
        "version": latest.replace("-", "."),
        "created": f"{latest}T00:00:00Z",
        "sources_sha256": digest.hexdigest(),
    }


_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean"}
_OTHER_FILES = {
    "report_locations.geojson": ("application/geo+json", "geojson", "report_locations as GeoJSON."),
    "report_locations.parquet": (
        "application/vnd.apache.parquet",
        "parquet",
        "report_locations as GeoParquet (WKB points, EPSG:4326).",
    ),
    "compounds.geojson": ("application/geo+json", "geojson", "compounds as GeoJSON."),
    "compoundmap.gpkg": (
        "application/geopackage+sqlite3",
        "gpkg",
        "GeoPackage with layers report_locations, compounds, provinces and districts (the "
        "polygons with their summary counts), and the attribute tables events, "
        "compound_events, operators and designations they link to.",
    ),
    "compoundmap.xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        "Every table as a sheet, codes as text, with a README sheet (data dictionary, licences).",
    ),
    **{
        f"hdx/{table}.csv": (
            "text/csv",
            "csv",
            f"{table} for the Humanitarian Data Exchange: p-codes, flat sources, and an HXL "
            "hashtag row under the header (docs/hdx.md).",
        )
        for table in ("events", "province_summary", "district_summary", "compounds")
    },
    "ftm/entities.ftm.json": (
        "application/x-ndjson",
        "json",
        "Operators, sites and designations as FollowTheMoney entities, one JSON object per "
        "line (docs/ftm.md).",
    ),
}
# Files read whole, not as one table: a workbook of many sheets, CSVs with a hashtag row.
_NOT_TABLES = ("compoundmap.xlsx", "hdx/", "ftm/")


def _schema(table: str) -> dict[str, Any]:
    fields = []
    for name, (kind, text) in FIELD_DESCRIPTIONS[table].items():
        field: dict[str, Any] = {"name": name, "type": _TYPES[kind], "description": text}
        if kind == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        fields.append(field)
    schema: dict[str, Any] = {
        "fields": fields,
        "missingValues": [""],
        "primaryKey": PRIMARY_KEYS[table],
    }
    links = [
        {"fields": [col], "reference": {"resource": ref.replace("_", "-"), "fields": [ref_col]}}
        for src, col, ref, ref_col in FOREIGN_KEYS
        if src == table
    ]
    if links:
        schema["foreignKeys"] = links
    return schema


def datapackage(
    files: Mapping[str, Path], out_dir: Path, release: Mapping[str, str]
) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of the files written into ``out_dir``.

    Parameters
    ----------
    files : mapping
        File name → path of every file written (CSV tables and others).
    out_dir : Path
        The folder they are in (paths are made relative to it).
    release : mapping
        :func:`release_info` output.

    Returns
    -------
    dict
        A Frictionless data package: title, licences, sources, the release fields and one
        resource per known file in ``files`` (a ``tabular-data-resource`` with its table
        schema for each published CSV table, a ``data-resource`` for the other files).

    Examples
    --------
    >>> release = {"version": "2024.03.16", "created": "2024-03-16T00:00:00Z",
    ...     "sources_sha256": ""}
    >>> d = datapackage({"events.csv": Path("out/events.csv")}, Path("out"), release)
    >>> [(r["name"], r["path"], r["profile"]) for r in d["resources"]]
    [('events', 'events.csv', 'tabular-data-resource')]
    """
    resources: list[dict[str, Any]] = []
    for table in FIELD_DESCRIPTIONS:
        name = f"{table}.csv"
        if name not in files:
            continue
        resources.append(
            {
                "name": table.replace("_", "-"),
                "path": Path(files[name]).relative_to(out_dir).as_posix(),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": TABLE_TEXT[table],
                "schema": _schema(table),
                "sources": ATTRIBUTION_SOURCES[:1]
                if table in _CURATED_ONLY
                else ATTRIBUTION_SOURCES,
                "licenses": LICENSES[:1] if table in _CURATED_ONLY else _GEO_LICENCES,
            }
        )
    for name, (mediatype, fmt, text) in _OTHER_FILES.items():
        if name not in files:
            continue
        resource: dict[str, Any] = {
            "name": name.replace(".", "-").replace("_", "-").replace("/", "-"),
            "path": Path(files[name]).relative_to(out_dir).as_posix(),
            "profile": "data-resource",
            "format": fmt,
            "mediatype": mediatype,
            "description": text,
            "sources": ATTRIBUTION_SOURCES,
            "licenses": _GEO_LICENCES,
        }
        if name.startswith(_NOT_TABLES):
            resource["type"] = "file"
        resources.append(resource)
    return {
        "profile": "data-package",
        "name": "compoundmap",
        "title": "Reported forced-labour scam compounds in Cambodia",
        "description": "Reports of scam compounds in Cambodia from public sources, grouped into "
        "events, linked to a curated registry of sites, operators and designations, located "
        "with an offline gazetteer and summarised by province and district. Allegations are "
        "allegations: every row cites its source.",
        "homepage": "https://github.com/compoundmap/compoundmap",
        "version": release["version"],
        "created": release["created"],
        "sources_sha256": release["sources_sha256"],
        "keywords": ["Cambodia", "human trafficking", "forced labour", "scam compounds"],
        "licenses": LICENSES,
        "sources": ATTRIBUTION_SOURCES,
        "resources": resources,
    }
