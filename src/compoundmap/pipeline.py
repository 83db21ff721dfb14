"""The one path from curated sources to published tables and maps: ``compoundmap build``.

Last stage of the flow (sources → geocode → boundaries → compounds → summary → maps): it
validates the sources, locates each report (overrides, then source coordinates, then the
geocoder), joins points to admin units, groups compounds, summarises and writes every
output deterministically (same inputs, same bytes).
"""

from __future__ import annotations

import logging
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ._data import project_root, raw_dir
from .boundaries import ADMIN_UNIT_COLUMNS, assign_admin, load_boundaries
from .compounds import COMPOUND_COLUMNS, PRECISION_LABELS, assign_compound_ids, build_compounds
from .errors import PipelineError
from .gazetteer import get_gazetteer
from .geocode import GeocodeResult, geocode, geocode_places
from .maps import MAP_FILES, write_maps_into
from .normalize import normalize
from .publish import check_output_dirs, published_dirs
from .sources import (
    EVENT_TYPES,
    REPORTS_COLUMNS,
    ValidationReport,
    default_sources_path,
    load_overrides,
    validate_sources,
)
from .summary import district_summary, province_summary
from .writers import (
    points_frame,
    write_csv,
    write_geojson,
    write_gpkg,
    write_json,
    write_parquet,
)

__all__ = [
    "FIELD_DESCRIPTIONS",
    "REPORT_COLUMNS",
    "BuildResult",
    "Tables",
    "build",
    "build_tables",
    "data_dictionary",
    "locate_reports",
    "write_tables",
]

log = logging.getLogger(__name__)

#: Columns of the published reports table, in order (``docs/ARCHITECTURE.md``). The source's
#: own ``latitude``/``longitude`` are published as ``source_latitude``/``source_longitude``;
#: ``latitude``/``longitude`` are where the report is located.
REPORT_COLUMNS: list[str] = [
    "report_id",
    "place_index",
    "compound_name",
    "aliases",
    "location_text",
    "location_part",
    "province_as_reported",
    "district_or_town_as_reported",
    "source_latitude",
    "source_longitude",
    "event_type",
    "event_date",
    "date_precision",
    "victims_count",
    "nationalities",
    "source_publisher",
    "source_title",
    "source_url",
    "source_date",
    "source_type",
    "summary",
    "verbatim_location_quote",
    "source_tier",
    "source_row",
    "compound_id",
    *ADMIN_UNIT_COLUMNS,
    "latitude",
    "longitude",
    "precision",
    "precision_label",
    "match_score",
    "match_method",
    "match_status",
    "matched_name",
    "province_mismatch",
    "admin_flag",
]

_ADMIN = ADMIN_UNIT_COLUMNS


_ADMIN_DESC = {
    "province_code": 'MEF 2025 province code, two digits with leading zero ("18").',
    "province_pcode": 'OCHA/HDX 2018 p-code of the province ("KH18"), from the crosswalk.',
    "province_name": "English MEF 2025 province name.",
    "district_code": 'MEF 2025 district code, four digits ("1801"); empty when not known.',
    "district_pcode": "OCHA/HDX 2018 p-code of the district; empty for districts created "
    "after 2018 or when not known.",
    "district_name": "English MEF 2025 district name.",
    "commune_code": 'MEF 2025 commune/sangkat code, six digits ("180101"); empty when not known.',
    "commune_pcode": "OCHA/HDX 2018 p-code of the commune; empty for communes created after "
    "2018 or when not known.",
    "commune_name": "English MEF 2025 commune/sangkat name.",
}
_SUMMARY_DESC = {
    "n_reports": "Reports with a place in the unit (a report with places in two units counts "
    "in both).",
    "n_compounds": "Compounds located in the unit.",
    "n_sources": "Distinct publishers among those reports.",
    "first_event_date": "Earliest event date among those reports (as precise as the source: "
    "YYYY, YYYY-MM or YYYY-MM-DD).",
    "last_event_date": "Latest event date among those reports.",
    **{f"n_{t}": f"Reports of event type '{t}'." for t in EVENT_TYPES},
    **{
        f"people_{t}_{bound}": text.format(t=t)
        for t in EVENT_TYPES
        for bound, text in (
            (
                "min",
                "Lower bound of the people reported in '{t}' events: reports that could "
                "describe the same event (same type, one date containing the other, same or "
                "no compound) are merged and the smallest figure taken. Figures mean what the "
                "source says (detained, rescued, deported, estimated); never summed across "
                "event types.",
            ),
            (
                "max",
                "Upper bound of the people reported in '{t}' events: only reports that surely "
                "describe one event (same compound, type and date) are merged, and the "
                "largest figure taken. Never summed across event types.",
            ),
        )
    },
    "nationalities": "Countries whose nationals those reports name, with the number of "
    'reports naming each: "China (CN): 12; Thailand (TH): 3; African (as written): 1". '
    "Each '; '-separated item is a country's English name, its ISO 3166-1 alpha-2 code in "
    "brackets, ': ' and a count; most reports first, then by name. Demonyms and names are "
    'merged by country ("Lao" and "Laotian" count once, for Laos (LA)); a value naming no '
    'single country ("African", "foreign", "ethnic Chinese") is kept as the source writes '
    'it, marked "(as written)". compoundmap.nationality_counts() gives the same as a table.',
}

#: Description of every published column, table by table; ``datapackage.json`` and
#: ``docs/data.md`` are generated from this one place.
FIELD_DESCRIPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "reports": {
        "report_id": ("string", "Identifier of the source report (CR-0001 ...)."),
        "place_index": (
            "integer",
            "0, 1, ... for each distinct place the report's location_text names; a report "
            "naming two places has two rows with the same report_id.",
        ),
        "compound_name": ("string", "Compound name(s) as the source gives them (';' = several)."),
        "aliases": ("string", "Other names the source gives, ';'-separated."),
        "location_text": ("string", "The location as the source writes it, in its language."),
        "location_part": ("string", "The part of location_text this row locates."),
        "province_as_reported": ("string", "Province(s) the source states, ';'-separated."),
        "district_or_town_as_reported": ("string", "District or town the source states."),
        "source_latitude": ("number", "Latitude given by the source itself (WGS84), if any."),
        "source_longitude": ("number", "Longitude given by the source itself (WGS84), if any."),
        "event_type": (
            "string",
            "raid, rescue, escape, warning, sanction, investigation, report, closure or other.",
        ),
        "event_date": (
            "string",
            "Date of the event, as precise as the source: YYYY, YYYY-MM "
            "or YYYY-MM-DD; empty when the source gives none.",
        ),
        "date_precision": ("string", "day, month or year; empty when event_date is empty."),
        "victims_count": (
            "integer",
            "People the source counts (detained, rescued, deported or "
            "an estimate, as the summary says); never comparable across types.",
        ),
        "nationalities": ("string", "Nationalities the source names, ';'-separated."),
        "source_publisher": ("string", "Publisher of the source."),
        "source_title": (
            "string",
            "Title of the source (a description ending in "
            "'(Publisher)' where no headline was shown).",
        ),
        "source_url": ("string", "URL of the source; empty for the 2022 joint statement."),
        "source_date": ("string", "Publication date of the source (YYYY, YYYY-MM or YYYY-MM-DD)."),
        "source_type": ("string", "media, ngo, government or academic."),
        "summary": ("string", "One sentence in the project's words; allegations stay allegations."),
        "verbatim_location_quote": (
            "string",
            "At most 25 words quoted from the source, for verification.",
        ),
        "source_tier": (
            "string",
            "primary, or secondary for a mirror, aggregator or summary of the original outlet.",
        ),
        "source_row": ("integer", "Line of the report in the sources file."),
        "compound_id": (
            "string",
            "Compound the report names (see compounds); ';' joins "
            "several; empty when it names none.",
        ),
        **{k: ("string", v) for k, v in _ADMIN_DESC.items()},
        "latitude": (
            "number",
            "Latitude (WGS84, 6 decimals) of the place at the row's "
            "precision; empty for precision 4 and 5 (never a pin).",
        ),
        "longitude": ("number", "Longitude (WGS84, 6 decimals); empty for precision 4 and 5."),
        "precision": (
            "integer",
            "1 point-level site, 2 commune, 3 district, 4 province only, "
            "5 Cambodia only; empty when unmatched.",
        ),
        "precision_label": (
            "string",
            "precision in words: point-level site, commune, "
            "district, province only, Cambodia only, unmatched.",
        ),
        "match_score": (
            "number",
            "Geocoder confidence 0-100 (100 for overrides and source coordinates).",
        ),
        "match_method": (
            "string",
            "How the place was found: override, source_coordinates, stated_province (the "
            "text names no place the geocoder knows, so the province the source states is "
            "used, at precision 4), or the geocoder's method.",
        ),
        "match_status": ("string", "matched, ambiguous or unmatched."),
        "matched_name": ("string", "Gazetteer name that matched."),
        "province_mismatch": (
            "boolean",
            "true when the located province differs from every "
            "province the source states; the location is kept, not "
            "overwritten.",
        ),
        "admin_flag": (
            "string",
            "Spatial-join notes, ';'-separated: nearest_within_20km, "
            "outside_cambodia, commune_split_after_2018, point_outside_province "
            "(the point falls in another province than the geocoded unit).",
        ),
    },
    "compounds": {
        "compound_id": (
            "string",
            "Stable id: C<province code>-<slug of the most used name> "
            "(C00- when no province); the same inputs give the same ids.",
        ),
        "name": ("string", "Name most reports use (ties: the first reported)."),
        "aliases": ("string", "Every other name and alias the reports give, '; '-separated."),
        **{k: ("string", v) for k, v in _ADMIN_DESC.items()},
        "latitude": (
            "number",
            "Latitude of the finest location any report supports; empty for precision 4 and 5.",
        ),
        "longitude": ("number", "Longitude of that location; empty for precision 4 and 5."),
        "precision": ("integer", "Precision of that location (1-5; empty when unmatched)."),
        "precision_label": ("string", "precision in words."),
        "location_text": ("string", "The source text the location comes from."),
        "first_event_date": ("string", "Earliest event date of its reports."),
        "last_event_date": ("string", "Latest event date of its reports."),
        "n_reports": ("integer", "Number of reports."),
        "n_sources": ("integer", "Number of distinct publishers."),
        "event_types": ("string", "Event types reported, '; '-separated."),
        "latest_event_type": ("string", "Type of the latest dated report."),
        "latest_event_date": ("string", "Date of the latest dated report."),
        "nationalities": ("string", "Nationalities its reports name, '; '-separated."),
        "report_ids": ("string", "Its reports, '; '-separated."),
        "citations": (
            "string",
            "JSON list of {report_id, publisher, title, url, date, "
            "source_type, tier}, one per report.",
        ),
        "events": (
            "string",
            "JSON list of {report_id, date, type, people}: every report's "
            "figure side by side, never averaged.",
        ),
        "same_name_elsewhere": (
            "string",
            "Other compounds (ids, '; '-separated) that share a name or alias with this one "
            "but lie in another province (or in none): grouping never crosses provinces, so "
            "conflicting places stay side by side for an analyst to resolve.",
        ),
    },
    "province_summary": {
        "province_code": (
            "string",
            "MEF 2025 province code; empty on the last row, which "
            "counts reports located in no province (Cambodia-level or "
            "unmatched).",
        ),
        "province_pcode": ("string", _ADMIN_DESC["province_pcode"]),
        "province_name": ("string", _ADMIN_DESC["province_name"]),
        **{
            k: ("integer" if k.startswith(("n_", "people_")) else "string", v)
            for k, v in _SUMMARY_DESC.items()
        },
    },
    "district_summary": {
        "district_code": ("string", _ADMIN_DESC["district_code"]),
        "district_pcode": ("string", _ADMIN_DESC["district_pcode"]),
        "district_name": ("string", _ADMIN_DESC["district_name"]),
        "province_code": ("string", _ADMIN_DESC["province_code"]),
        "province_name": ("string", _ADMIN_DESC["province_name"]),
        **{
            k: ("integer" if k.startswith(("n_", "people_")) else "string", v)
            for k, v in _SUMMARY_DESC.items()
        },
    },
    "rejects": {
        "source_row": ("integer", "Line of the rejected row in the sources file."),
        "reject_reason": ("string", "Every problem of the row, 'column: message' joined by '; '."),
        **{c: ("string", "As in the sources file, unchanged.") for c in REPORTS_COLUMNS},
    },
}


@dataclass
class BuildResult:
    """What :func:`build` did.

    Attributes
    ----------
    processed_dir : Path
        Where the tables were written.
    maps_dir : Path or None
        Where the maps were written (``None`` with ``maps=False``).
    paths : list of Path
        Every file written (processed tables first, then maps).
    n_input_rows : int
        Records in the sources file.
    n_reports : int
        Valid reports (each may have several place rows).
    n_rejected : int
        Rejected records (``rejects.csv``); ``n_reports + n_rejected == n_input_rows``.
    n_report_rows : int
        Rows of the published reports table (one per report and place).
    n_compounds : int
        Compounds.
    precision_counts : dict
        Report rows per precision label.
    warnings : list of str
        Things an analyst should look at (stale overrides, unknown stated provinces, ...).
    """

    processed_dir: Path
    maps_dir: Path | None
    paths: list[Path] = field(default_factory=list)
    n_input_rows: int = 0
    n_reports: int = 0
    n_rejected: int = 0
    n_report_rows: int = 0
    n_compounds: int = 0
    precision_counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """A few lines for the command line."""
        located = ", ".join(f"{k}: {v}" for k, v in self.precision_counts.items())
        return (
            f"{self.n_input_rows} input rows = {self.n_reports} reports + {self.n_rejected} "
            f"rejected\n{self.n_report_rows} report rows ({located})\n"
            f"{self.n_compounds} compounds\n{len(self.paths)} files written to "
            f"{self.processed_dir}" + (f" and {self.maps_dir}" if self.maps_dir else "")
        )


# --------------------------------------------------------------------------- locating


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
        if result.status == "matched" and result.precision == 4 and result.province_code:
            return str(result.province_code)
        codes = {str(c["code"]) for c in result.candidates if c.get("level") == "province"}
        return codes.pop() if len(codes) == 1 else ""


def _unit_fields(code: str) -> dict[str, str]:
    """Admin columns for a 2025 code and its parents."""
    gaz = get_gazetteer()
    out = dict.fromkeys(_ADMIN, "")
    for c in gaz.parents(code):
        level = {1: "province", 2: "district", 3: "commune"}[gaz.level(c)]
        out[f"{level}_code"] = c
        out[f"{level}_pcode"] = gaz.pcode(c) or ""
        out[f"{level}_name"] = gaz.name(c)
    return out


def _from_result(result: GeocodeResult) -> dict[str, Any]:
    place: dict[str, Any] = dict.fromkeys(_ADMIN, "")
    for level in ("province", "district", "commune"):
        code = _text(getattr(result, f"{level}_code", ""))
        place[f"{level}_code"] = code
        place[f"{level}_name"] = _text(getattr(result, f"{level}_name", ""))
    finest = place["commune_code"] or place["district_code"] or place["province_code"]
    if finest and get_gazetteer().has(finest):
        place.update(_unit_fields(finest))
    place.update(
        location_part=_text(result.query),
        latitude=_num(result.latitude),
        longitude=_num(result.longitude),
        precision=result.precision,
        match_score=_num(result.score),
        match_method=_text(result.method),
        match_status=_text(result.status),
        matched_name=_text(result.matched_name),
    )
    return place


def _from_override(ov: pd.Series, text: str) -> dict[str, Any]:
    code = _text(ov["code"])
    place: dict[str, Any] = _unit_fields(code) if code else dict.fromkeys(_ADMIN, "")
    lat, lon = _num(ov["latitude"]), _num(ov["longitude"])
    if lat is None and code:
        unit = get_gazetteer().unit(code)
        lat, lon = _num(unit["lat"]), _num(unit["lon"])
    place.update(
        location_part=text,
        latitude=lat,
        longitude=lon,
        precision=int(ov["precision"]),
        match_score=100.0,
        match_method="override",
        match_status="matched",
        matched_name=get_gazetteer().name(code) if code else text,
    )
    return place


def _from_stated(code: str, name: str) -> dict[str, Any]:
    place: dict[str, Any] = _unit_fields(code)
    place.update(
        location_part=name,
        latitude=None,
        longitude=None,
        precision=4,
        match_score=100.0,
        match_method="stated_province",
        match_status="matched",
        matched_name=get_gazetteer().name(code),
    )
    return place


def _from_source_point(lat: float, lon: float, text: str) -> dict[str, Any]:
    place: dict[str, Any] = dict.fromkeys(_ADMIN, "")
    place.update(
        location_part=text,
        latitude=lat,
        longitude=lon,
        precision=1,
        match_score=100.0,
        match_method="source_coordinates",
        match_status="matched",
        matched_name="",
    )
    return place


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


def locate_reports(
    valid: pd.DataFrame, *, overrides: pd.DataFrame | None = None
) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Locate validated reports: one row per (report, distinct place named).

    Each report's ``location_text`` is located, in this order of authority, by an analyst
    override (``match_method = override``; text compared ignoring case; an override stating a
    province applies only to reports stating that province, among others, and is preferred
    to one that states none), by the
    source's own coordinates, or by the geocoder with the stated province as context
    (:func:`compoundmap.geocode.geocode_places`: one result per distinct place). When the
    geocoder finds no province in the text but the source states one, the report is located
    to each stated province at precision 4 (``match_method = stated_province``). Points at
    precision 1-3 are joined to communes (:func:`compoundmap.boundaries.assign_admin`) to fill
    missing admin levels and flag a point that lies outside the geocoded province.
    ``province_mismatch`` is true when the located province differs from every stated one;
    the location is kept.

    Parameters
    ----------
    valid : pandas.DataFrame
        ``ValidationReport.valid`` of :func:`compoundmap.sources.validate_sources`.
    overrides : pandas.DataFrame, optional
        :func:`compoundmap.sources.load_overrides` output.

    Returns
    -------
    (geopandas.GeoDataFrame, list of str)
        The reports table (:data:`REPORT_COLUMNS` plus ``geometry``, sorted by ``report_id``
        and ``place_index``; points only for precision 1-3, where latitude/longitude are also
        kept) and warnings (overrides that matched no report, stated provinces not
        recognised).

    Examples
    --------
    >>> from compoundmap.sources import validate_sources
    >>> from compoundmap._data import raw_path
    >>> located, notes = locate_reports(validate_sources(raw_path("sources", "reports.csv")).valid)
    >>> int(located["report_id"].nunique())
    269
    """
    notes: list[str] = []
    provinces = _ProvinceNames()
    ov_index = _override_index(overrides)
    used: set[int] = set()
    rows: list[dict[str, Any]] = []
    ordered = valid.sort_values("report_id", kind="stable")
    for rec in ordered.to_dict("records"):
        rid = _text(rec["report_id"])
        text = _text(rec["location_text"])
        stated: list[str] = []
        stated_names: list[str] = []
        for name in _split(rec.get("province_as_reported")):
            code = provinces.code(name)
            if code:
                stated.append(code)
                stated_names.append(name)
            else:
                notes.append(f"{rid}: stated province {name!r} is not a known province name")
        hit = _pick_override(ov_index.get(text.casefold(), []), stated, provinces)
        lat, lon = _num(rec.get("latitude")), _num(rec.get("longitude"))
        if hit is not None and overrides is not None:
            used.add(hit)
            places = [_from_override(overrides.iloc[hit], text)]
        elif lat is not None and lon is not None:
            places = [_from_source_point(lat, lon, text)]
        else:
            results = geocode_places(
                text,
                province=";".join(stated) or None,
                district=_text(rec.get("district_or_town_as_reported")) or None,
            )
            places = [_from_result(r) for r in results] or [_unmatched(text)]
            if stated and not any(p["province_code"] for p in places):
                # The geocoder found no province in the text, but the source states one:
                # locate the report to the stated province(s), never to a pin.
                names = dict(zip(stated, stated_names, strict=True))
                places = [_from_stated(code, names[code]) for code in dict.fromkeys(stated)]
        base = {c: rec.get(c) for c in REPORTS_COLUMNS}
        base["source_latitude"], base["source_longitude"] = lat, lon
        base["date_precision"] = _text(rec.get("date_precision"))
        base["source_row"] = rec.get("source_row")
        for i, place in enumerate(places):
            row = {**base, **place, "place_index": i}
            row["_stated"] = stated
            rows.append(row)
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
    frame = pd.DataFrame(rows, columns=[*REPORT_COLUMNS, "_stated"] if not rows else None)
    frame = _join_admin(frame)
    frame["province_mismatch"] = [
        bool(stated) and bool(prov) and prov not in stated
        for stated, prov in zip(frame["_stated"], frame["province_code"], strict=True)
    ]
    frame["compound_id"] = assign_compound_ids(frame)
    return _publishable(frame), notes


def _unmatched(text: str) -> dict[str, Any]:
    place: dict[str, Any] = dict.fromkeys(_ADMIN, "")
    place.update(
        location_part=text,
        latitude=None,
        longitude=None,
        precision=None,
        match_score=0.0,
        match_method="",
        match_status="unmatched",
        matched_name="",
    )
    return place


def _join_admin(frame: pd.DataFrame) -> pd.DataFrame:
    """Join precision 1-3 points to communes; fill missing levels and flag disagreements."""
    prec = pd.to_numeric(frame["precision"], errors="coerce")
    lat = pd.to_numeric(frame["latitude"], errors="coerce")
    lon = pd.to_numeric(frame["longitude"], errors="coerce")
    pinned = ((prec <= 3) & lat.notna() & lon.notna()).to_numpy(dtype=bool)
    flags = [""] * len(frame)
    cols = {c: [_text(v) for v in frame[c]] for c in _ADMIN}
    if pinned.any():
        pts = gpd.GeoDataFrame(geometry=gpd.points_from_xy(lon[pinned], lat[pinned]), crs=4326)
        joined = assign_admin(pts)
        got = {c: [_text(v) for v in joined[c]] for c in [*_ADMIN, "admin_flag"]}
        is_point = (prec == 1).to_numpy(dtype=bool)
        for j, i in enumerate(np.flatnonzero(pinned)):
            notes = [got["admin_flag"][j]] if got["admin_flag"][j] else []
            own, found = cols["province_code"][i], got["province_code"][j]
            if own and found and found != own:
                notes.append("point_outside_province")
            elif not own or (is_point[i] and found == own):
                # A point-level site lies in a commune: take the levels the geocoder left empty.
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
    pinned = ((prec <= 3) & lat.notna() & lon.notna()).to_numpy(dtype=bool)
    # Province-only and Cambodia-only rows are never pins: no point, no coordinates.
    out["latitude"] = lat.where(pinned).astype("Float64")
    out["longitude"] = lon.where(pinned).astype("Float64")
    out["precision"] = prec.astype("Int64")
    out["precision_label"] = [
        PRECISION_LABELS[int(p)] if not pd.isna(p) else "unmatched" for p in prec
    ]
    out["match_score"] = pd.to_numeric(out["match_score"], errors="coerce").round(1)
    out["match_score"] = out["match_score"].astype("Float64")
    for col in ("source_latitude", "source_longitude"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Float64")
    for col in ("place_index", "source_row", "victims_count"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("Int64")
    out["province_mismatch"] = out["province_mismatch"].astype(bool)
    for col in REPORT_COLUMNS:
        if col not in out.columns:
            out[col] = ""
        dtype = FIELD_DESCRIPTIONS["reports"][col][0]
        if dtype == "string":
            out[col] = out[col].map(lambda v: v if isinstance(v, str) else "").astype("string")
    out["geometry"] = [
        shapely.Point(x, y) if ok else None
        for x, y, ok in zip(lon.fillna(0.0), lat.fillna(0.0), pinned, strict=True)
    ]
    out = out.sort_values(["report_id", "place_index"], kind="stable").reset_index(drop=True)
    return gpd.GeoDataFrame(out[[*REPORT_COLUMNS, "geometry"]], geometry="geometry", crs=4326)


_SOURCES: list[dict[str, str]] = [
    {
        "title": "Curated reports: news, NGO, government and academic sources cited row by row "
        "(source_publisher, source_title, source_url, source_date)",
        "path": "data/raw/sources/reports.csv",
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
_LICENSES: list[dict[str, str]] = [
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
_TABLE_TEXT = {
    "reports": "One row per (report, place): each reported event about scam compounds, "
    "located at the precision its text supports, with its citation.",
    "compounds": "One row per compound: reports grouped by name and alias within a province.",
    "province_summary": "All 25 provinces (zeros included) plus one row for reports located "
    "in no province.",
    "district_summary": "All 210 districts of 2025 (zeros included); precision 1-3 rows only.",
    "rejects": "Rows of the sources file that failed validation, unchanged, with the reason.",
}
_FRICTIONLESS_TYPES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
}


def _datapackage(files: dict[str, Path], out_dir: Path) -> dict[str, Any]:
    resources: list[dict[str, Any]] = []
    for table in ("reports", "compounds", "province_summary", "district_summary", "rejects"):
        fields: list[dict[str, Any]] = [
            {"name": name, "type": _FRICTIONLESS_TYPES[kind], "description": text}
            for name, (kind, text) in FIELD_DESCRIPTIONS[table].items()
        ]
        for f in fields:
            if f["type"] == "boolean":
                f["trueValues"], f["falseValues"] = ["true"], ["false"]
        resources.append(
            {
                "name": table.replace("_", "-"),
                "path": files[f"{table}.csv"].relative_to(out_dir).as_posix(),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": _TABLE_TEXT[table],
                "schema": {"fields": fields, "missingValues": [""]},
                "sources": _SOURCES if table != "rejects" else _SOURCES[:1],
                "licenses": _LICENSES,
            }
        )
    others = {
        "reports.geojson": (
            "application/geo+json",
            "geojson",
            "The reports table as GeoJSON (points for precision 1-3, null geometry otherwise).",
        ),
        "reports.parquet": (
            "application/vnd.apache.parquet",
            "parquet",
            "The reports table as GeoParquet (WKB point geometry, EPSG:4326).",
        ),
        "compounds.geojson": (
            "application/geo+json",
            "geojson",
            "The compounds table as GeoJSON (points for precision 1-3, null geometry otherwise).",
        ),
        "compoundmap.gpkg": (
            "application/geopackage+sqlite3",
            "gpkg",
            "GeoPackage with layers "
            "reports, compounds (fields as in the CSV tables) and provinces "
            "(the 25 province polygons with the province summary).",
        ),
    }
    for name, (mediatype, fmt, text) in others.items():
        resources.append(
            {
                "name": name.replace(".", "-").replace("_", "-"),
                "path": name,
                "profile": "data-resource",
                "format": fmt,
                "mediatype": mediatype,
                "description": text,
                "sources": _SOURCES,
                "licenses": _LICENSES,
            }
        )
    return {
        "profile": "data-package",
        "name": "compoundmap",
        "title": "Reported forced-labour scam compounds in Cambodia",
        "description": "Reports of scam compounds in Cambodia from public sources, located "
        "with an offline gazetteer, grouped into compounds and summarised by province and "
        "district. Allegations are allegations: every row cites its source.",
        "homepage": "https://github.com/compoundmap/compoundmap",
        "licenses": _LICENSES,
        "sources": _SOURCES,
        "resources": resources,
    }


def data_dictionary() -> str:
    """The published tables' fields as Markdown (the body of ``docs/data.md``).

    Examples
    --------
    >>> "province_mismatch" in data_dictionary()
    True
    """
    parts: list[str] = []
    for table, fields in FIELD_DESCRIPTIONS.items():
        parts.append(f"## `{table}.csv`\n\n{_TABLE_TEXT[table]}\n")
        parts.append("| field | type | description |\n|---|---|---|")
        for name, (kind, text) in fields.items():
            cell = text.replace("|", "\\|")
            parts.append(f"| `{name}` | {kind} | {cell} |")
        parts.append("")
    return "\n".join(parts)


# --------------------------------------------------------------------------- build


def _shared_name_notes(compounds: pd.DataFrame) -> list[str]:
    """One note per group of compounds linked by a shared name across provinces."""
    group: dict[str, set[str]] = {}
    for cid, others in zip(compounds["compound_id"], compounds["same_name_elsewhere"], strict=True):
        if not others:
            continue
        members = {cid, *others.split("; ")}
        for m in list(members):
            members |= group.get(m, set())
        for m in members:
            group[m] = members
    groups = sorted({"; ".join(sorted(g)) for g in group.values()})
    return [
        f"compounds {g} share a name or alias but lie in different provinces (or in none): "
        "kept apart; if they are one compound, fix the location with an override"
        for g in groups
    ]


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


def _caught(messages: Sequence[warnings.WarningMessage]) -> list[str]:
    return [str(m.message) for m in messages]


@dataclass
class Tables:
    """Every published table of one build, in memory (what :func:`build` writes).

    Attributes
    ----------
    sources : pathlib.Path
        The reports file the tables come from.
    overrides : pathlib.Path or None
        The location overrides file used, if any.
    validation : ValidationReport
        Valid rows, rejected rows with reasons, and every problem found.
    reports : geopandas.GeoDataFrame
        One row per (report, place): :data:`REPORT_COLUMNS`; a point for precision 1–3 only.
    compounds : geopandas.GeoDataFrame
        One row per compound (:data:`compoundmap.compounds.COMPOUND_COLUMNS`); a point for
        precision 1–3 only.
    province_summary, district_summary : pandas.DataFrame
        All 25 provinces and 210 districts, zeros included.
    rejects : pandas.DataFrame
        Rejected rows as in the file, with ``source_row`` and ``reject_reason``.
    warnings : list of str
        Stale overrides, stated provinces not recognised, validation warnings, same-name
        compounds in several provinces.
    """

    sources: Path
    overrides: Path | None
    validation: ValidationReport
    reports: gpd.GeoDataFrame
    compounds: gpd.GeoDataFrame
    province_summary: pd.DataFrame
    district_summary: pd.DataFrame
    rejects: pd.DataFrame
    warnings: list[str] = field(default_factory=list)


def build_tables(
    sources: str | Path | None = None,
    overrides: str | Path | None = None,
) -> Tables:
    """Validate, locate, group and summarise the sources, without writing anything.

    Parameters
    ----------
    sources : path, optional
        The reports CSV; default the bundled ``data/raw/sources/reports.csv``.
    overrides : path, optional
        Analyst location overrides; default ``location_overrides.csv`` beside ``sources``
        when that file exists, else none.

    Returns
    -------
    Tables
        The tables :func:`build` publishes. Input rows always equal valid plus rejected rows.

    Raises
    ------
    SourceValidationError
        If the sources or overrides file cannot be read at all or an override row is invalid.
    PipelineError
        If a valid row would be lost.

    Examples
    --------
    >>> tables = build_tables()  # doctest: +SKIP
    >>> len(tables.province_summary)  # doctest: +SKIP
    26
    """
    src = Path(sources) if sources is not None else default_sources_path()
    ov_path = Path(overrides) if overrides is not None else src.parent / "location_overrides.csv"
    notes: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        report = validate_sources(src)
        ov = load_overrides(ov_path) if overrides is not None or ov_path.is_file() else None
    notes += _caught(caught)
    if ov is None:
        log.info("no overrides file at %s; geocoding every row", ov_path)

    located, located_notes = locate_reports(report.valid, overrides=ov)
    notes += located_notes
    missing = set(report.valid["report_id"]) - set(located["report_id"])
    if missing or report.n_rows != len(report.valid) + len(report.rejects):
        raise PipelineError(
            f"{src}: rows would be lost: {sorted(missing)[:5]} are valid but not located"
        )
    compounds = build_compounds(located)
    notes += _shared_name_notes(compounds)
    rejects = report.rejects.copy()
    for col in REPORTS_COLUMNS:
        if col not in rejects.columns:
            rejects[col] = ""
    rejects = rejects[["source_row", "reject_reason", *REPORTS_COLUMNS]].sort_values("source_row")
    return Tables(
        sources=src,
        overrides=ov_path if ov is not None else None,
        validation=report,
        reports=located,
        compounds=points_frame(compounds[COMPOUND_COLUMNS]),
        province_summary=province_summary(located, compounds),
        district_summary=district_summary(located, compounds),
        rejects=rejects,
        warnings=notes,
    )


#: Files a build writes into the processed folder (recognised there before manifests).
PROCESSED_FILES = (
    "reports.csv",
    "reports.geojson",
    "reports.parquet",
    "compounds.csv",
    "compounds.geojson",
    "province_summary.csv",
    "district_summary.csv",
    "rejects.csv",
    "compoundmap.gpkg",
    "datapackage.json",
)


def _write_tables_into(tables: Tables, out_dir: Path) -> list[Path]:
    """Write every published table into ``out_dir`` (a staging folder)."""
    located, compounds_gdf = tables.reports, tables.compounds
    provinces = tables.province_summary
    files: dict[str, Path] = {}
    reports_table = pd.DataFrame(located.drop(columns="geometry"))
    files["reports.csv"] = write_csv(reports_table, out_dir / "reports.csv")
    files["reports.geojson"] = write_geojson(located, out_dir / "reports.geojson")
    files["reports.parquet"] = write_parquet(located, out_dir / "reports.parquet")
    files["compounds.csv"] = write_csv(
        pd.DataFrame(compounds_gdf.drop(columns="geometry")), out_dir / "compounds.csv"
    )
    files["compounds.geojson"] = write_geojson(compounds_gdf, out_dir / "compounds.geojson")
    files["province_summary.csv"] = write_csv(provinces, out_dir / "province_summary.csv")
    files["district_summary.csv"] = write_csv(
        tables.district_summary, out_dir / "district_summary.csv"
    )
    files["rejects.csv"] = write_csv(tables.rejects, out_dir / "rejects.csv")
    polys = load_boundaries("province")[["code", "geometry"]].rename(
        columns={"code": "province_code"}
    )
    province_layer = polys.merge(provinces, on="province_code", how="left")
    files["compoundmap.gpkg"] = write_gpkg(
        {"reports": located, "compounds": compounds_gdf, "provinces": province_layer},
        out_dir / "compoundmap.gpkg",
    )
    files["datapackage.json"] = write_json(
        _datapackage(files, out_dir), out_dir / "datapackage.json"
    )
    return list(files.values())


def _inputs(tables: Tables) -> list[Path]:
    """What a build read: outputs may never overwrite these."""
    found = [tables.sources, raw_dir()]
    if tables.overrides is not None:
        found.append(tables.overrides)
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

    Returns
    -------
    list of pathlib.Path
        ``reports.csv/.geojson/.parquet``, ``compounds.csv/.geojson``,
        ``province_summary.csv``, ``district_summary.csv``, ``rejects.csv``,
        ``compoundmap.gpkg`` and ``datapackage.json``, at their published place.

    Raises
    ------
    PipelineError
        If the folder would overwrite an input, is a symlink, holds files a build did not
        write, or another build keeps it locked.
    """
    out_dir = Path(processed_dir)
    check_output_dirs({"processed directory": out_dir}, _inputs(tables))
    with published_dirs([out_dir], known={out_dir: PROCESSED_FILES}, wait=wait) as (stage,):
        names = [p.name for p in _write_tables_into(tables, stage)]
    return [out_dir / n for n in names]


def build(
    sources: str | Path | None = None,
    processed_dir: str | Path | None = None,
    maps_dir: str | Path | None = None,
    overrides: str | Path | None = None,
    *,
    maps: bool = True,
    wait: float = 60.0,
) -> BuildResult:
    """Build every published table (and the maps) from a curated sources file.

    :func:`build_tables`, then :func:`write_tables`, then
    :func:`compoundmap.maps.write_maps`.

    Parameters
    ----------
    sources : path, optional
        The reports CSV; default the bundled ``data/raw/sources/reports.csv``.
    processed_dir : path, optional
        Where the tables go; default ``data/processed/`` of the checkout.
    maps_dir : path, optional
        Where the maps go; default ``maps/`` of the checkout.
    overrides : path, optional
        Analyst location overrides; default ``location_overrides.csv`` beside ``sources``
        when that file exists, else none.
    maps : bool, default True
        Also write the maps (:func:`compoundmap.maps.write_maps`).
    wait : float, default 60
        Seconds to wait for another build writing the same folders before stopping.

    Notes
    -----
    Tables and maps are written into staging folders that replace the output folders
    only when everything is written (:mod:`compoundmap.publish`): an interrupted build
    leaves the previous complete set; files that no build wrote are kept.

    Returns
    -------
    BuildResult
        Files written, counts (input rows = reports + rejected) and warnings, which are
        also logged (stale overrides, stated provinces not recognised, validation warnings).

    Raises
    ------
    SourceValidationError
        If the sources or overrides file cannot be read at all (missing, not UTF-8,
        missing columns) or an override row is invalid.
    PipelineError
        If a default output folder is needed outside a checkout, an output folder would
        overwrite an input or holds files a build did not write, another build keeps it
        locked, or a row would be lost.

    Examples
    --------
    >>> result = build(processed_dir="/tmp/out", maps=False)  # doctest: +SKIP
    >>> result.n_input_rows == result.n_reports + result.n_rejected  # doctest: +SKIP
    True
    """
    out_dir = _resolve(processed_dir, "processed directory", "data", "processed")
    map_dir = _resolve(maps_dir, "maps directory", "maps") if maps else None
    targets = {"processed directory": out_dir}
    if map_dir is not None:
        targets["maps directory"] = map_dir
    given = [Path(p) for p in (sources, overrides) if p is not None]
    check_output_dirs(targets, [*given, raw_dir()])  # before the work, to fail fast
    tables = build_tables(sources, overrides)
    check_output_dirs(targets, _inputs(tables))
    known: dict[Path, tuple[str, ...]] = {out_dir: PROCESSED_FILES}
    if map_dir is not None:
        known[map_dir] = MAP_FILES
    with published_dirs(list(targets.values()), known=known, wait=wait) as stages:
        names = [p.relative_to(stages[0]) for p in _write_tables_into(tables, stages[0])]
        paths = [out_dir / n for n in names]
        if map_dir is not None:
            written = write_maps_into(
                tables.compounds, tables.reports, tables.province_summary, stages[1]
            )
            paths += [map_dir / p.relative_to(stages[1]) for p in written]
    for note in tables.warnings:
        log.warning(note)
    located, report = tables.reports, tables.validation
    counts = located["precision_label"].value_counts()
    labels = [*PRECISION_LABELS.values(), "unmatched"]
    return BuildResult(
        processed_dir=out_dir,
        maps_dir=map_dir,
        paths=paths,
        n_input_rows=report.n_rows,
        n_reports=len(report.valid),
        n_rejected=len(report.rejects),
        n_report_rows=len(located),
        n_compounds=len(tables.compounds),
        precision_counts={k: int(counts.get(k, 0)) for k in labels},
        warnings=tables.warnings,
    )
