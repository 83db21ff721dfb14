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
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import shapely

from ._columnar import distinct_joined, group_numbers, joined, json_strings, split_pairs, texts
from ._util import float_or_none, records, text_of
from .boundaries import ADMIN_UNIT_COLUMNS
from .gazetteer import get_gazetteer
from .geocode import geocode
from .registry import Registry, split_ids
from .schema import Precision

__all__ = [
    "COMPOUND_COLUMNS",
    "COMPOUND_EVENT_COLUMNS",
    "STATUSES",
    "HISTORY_SLICE_PAIRS",
    "EventTake",
    "build_compounds",
    "compound_event_chunks",
    "compound_events",
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


#: Site × event pairs whose timeline text is made at a time (bounded working memory).
HISTORY_SLICE_PAIRS = 50_000
#: ``take(positions, columns)``: some columns of the events at distinct positions, in
#: that order (a caller keeping the events on disk reads them a slice at a time).
EventTake = Callable[[np.ndarray, list[str]], pd.DataFrame]


def _taker(events: pd.DataFrame, take: EventTake | None) -> EventTake:
    """``take``, or rows of ``events`` in memory; either way positions may repeat."""

    def taken(at: np.ndarray, columns: list[str]) -> pd.DataFrame:
        if take is None:
            return pd.DataFrame(events[columns]).iloc[at].reset_index(drop=True)
        distinct, which = np.unique(at, return_inverse=True)
        return take(distinct, columns).iloc[which].reset_index(drop=True)

    return taken


def _unit(code: str) -> dict[str, str]:
    return get_gazetteer().unit_columns(code)


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


def compound_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (registry site, event about it), sorted by site and date.

    Parameters
    ----------
    events : pandas.DataFrame
        :func:`compoundmap.events.build_events` output.
    """
    return pd.concat(list(compound_event_chunks(events)), ignore_index=True)


def compound_event_chunks(
    events: pd.DataFrame, rows: int | None = None, *, take: EventTake | None = None
) -> Iterator[pd.DataFrame]:
    """:func:`compound_events` in consecutive chunks of at most ``rows`` rows (default
    :data:`HISTORY_SLICE_PAIRS`; at least one chunk): the order is found on the small key
    columns, and only one chunk's texts are copied at a time. With ``take``
    (:data:`EventTake`), ``events`` needs only ``compound_id``, ``event_date`` and
    ``event_id``.

    Parameters
    ----------
    events : pandas.DataFrame
        :func:`compoundmap.events.build_events` output (or, with ``take``, its
        ``compound_id``, ``event_date`` and ``event_id`` columns).
    rows : int, optional
        The most rows a chunk holds (default :data:`HISTORY_SLICE_PAIRS`).
    take : EventTake, optional
        ``take(positions, columns)`` gives those columns of the events at those positions
        (a caller keeping the events on disk); default: read from ``events``.

    Yields
    ------
    pandas.DataFrame
        Consecutive chunks of :data:`COMPOUND_EVENT_COLUMNS`: one row per (registry site,
        event naming it; ``;``-separated ``compound_id`` give one row per site), sorted by
        site, event date and event id; one empty frame when no event names a site.
    """
    rows = rows or HISTORY_SLICE_PAIRS
    taken = _taker(events, take)
    event_rows, sites = split_pairs(np.arange(len(events)), texts(events, "compound_id"))
    if not len(sites):
        yield pd.DataFrame(columns=COMPOUND_EVENT_COLUMNS).astype(
            {"n_reports": "int64", "n_sources": "int64"}
        )
        return
    keys = events[["event_date", "event_id"]].iloc[event_rows].reset_index(drop=True)
    keys.insert(0, "compound_id", sites)
    ordered = keys.sort_values(["compound_id", "event_date", "event_id"], kind="stable")
    order = ordered.index.to_numpy()
    for start in range(0, len(order), rows):
        at = order[start : start + rows]
        out = taken(event_rows[at], COMPOUND_EVENT_COLUMNS[1:])
        out.insert(0, "compound_id", sites.take(at).reset_index(drop=True))
        for col in ("n_reports", "n_sources"):
            out[col] = out[col].astype("int64")
        yield out


#: The history of a site no included event names (or of a withdrawn site).
_NO_HISTORY = pd.Series(
    {
        "n_events": 0,
        "n_reports": 0,
        "timeline": "[]",
        "event_types": "",
        "event_ids": "",
        "nationalities": "",
        "n_sources": 0,
        "first_date": "",
        "last_date": "",
        "last_type": "",
        "status": "",
        "status_event_id": "",
        "status_date": "",
        "sanction_event": False,
    },
    dtype=object,
)


def _publishers(citations: pd.Series) -> list[set[str]]:
    """The publishers each event's citations name (each JSON list parsed once)."""
    return [{c["publisher"] for c in json.loads(text)} - {""} for text in citations]


def _site_pairs(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (site, event naming it): the small columns, sorted as the timeline."""
    event_rows, sites = split_pairs(np.arange(len(events)), texts(events, "compound_id"))
    ev = events[["event_id", "event_date", "event_type", "n_reports", "nationalities"]]
    ev = ev.iloc[event_rows].reset_index(drop=True)
    pairs = pd.DataFrame(
        {
            "site": sites,
            "event_id": texts(ev, "event_id"),
            "date": texts(ev, "event_date"),
            "type": texts(ev, "event_type"),
            "n_reports": ev["n_reports"].astype("int64"),
            "nationalities": texts(ev, "nationalities"),
            "row": event_rows,
        }
    )
    pairs["order"] = pairs["date"].where(pairs["date"] != "", "9999")
    return pairs.sort_values(["site", "order", "event_id"], kind="stable").reset_index(drop=True)


def _timelines(
    taken: EventTake, pairs: pd.DataFrame, group: np.ndarray, n: int
) -> tuple[pa.Array, list[int]]:
    """Each site's timeline JSON (UTF-8 text in one Arrow array) and number of publishers,
    made a slice of pairs at a time: only one slice's event texts are held besides the
    timelines, and a slice's text is freed once its sites' timelines are made."""
    parts: list[list[tuple[pa.Array, int]]] = [[] for _ in range(n)]
    publishers: list[set[str]] = [set() for _ in range(n)]
    for start in range(0, len(pairs), HISTORY_SLICE_PAIRS):
        piece = pairs.iloc[start : start + HISTORY_SLICE_PAIRS].reset_index(drop=True)
        g = group[start : start + HISTORY_SLICE_PAIRS]
        rows = piece["row"].to_numpy()
        ev = taken(rows, ["figures", "citations"])
        item = (
            '{"event_id":'
            + json_strings(piece["event_id"])
            + ',"date":'
            + json_strings(piece["date"])
            + ',"type":'
            + json_strings(piece["type"])
            + ',"figures":'
            + texts(ev, "figures")
            + ',"citations":'
            + texts(ev, "citations")
            + "}"
        )
        low = int(g[0])
        local = g - low
        counts = np.bincount(local)
        text = pa.array(joined(local, item, len(counts), ","), type=pa.large_string())
        for k in np.flatnonzero(counts):
            parts[low + k].append((text, int(k)))
        _, first, which = np.unique(rows, return_index=True, return_inverse=True)
        found = _publishers(ev["citations"].iloc[first])  # each event parsed once
        for site, w in zip(g.tolist(), which.tolist(), strict=True):
            publishers[site] |= found[w]
    made = []
    for i in range(n):
        pieces = [str(text[k].as_py()) for text, k in parts[i]]
        parts[i] = []  # the slice's text goes once no site still needs it
        made.append(pa.array(["[" + ",".join(pieces) + "]"], type=pa.large_string()))
    timelines = pa.concat_arrays(made) if made else pa.array([], type=pa.large_string())
    return timelines, [len(p) for p in publishers]


def _site_history(events: pd.DataFrame, take: EventTake | None = None) -> pd.DataFrame:
    """Per registry site named by events: counts, dates, status and the timeline JSON.

    Only the small columns of every (site, event) pair are held at once; the timeline
    texts are made a slice of pairs at a time (:func:`_timelines`), so the working memory
    is the timelines themselves plus one slice, however many events a site has.
    """
    pairs = _site_pairs(events)
    group, site_ids = group_numbers(pairs["site"])
    n = len(site_ids)
    by = pairs.groupby(group)
    timelines, n_sources = _timelines(_taker(events, take), pairs, group, n)
    out = pd.DataFrame(
        {
            "n_events": by.size().to_numpy(),
            "n_reports": by["n_reports"].sum().to_numpy(),
            "timeline": pd.array(timelines, dtype="str"),
        },
        index=site_ids,
    )
    types = pairs[["type"]].assign(g=group).drop_duplicates().sort_values(["g", "type"])
    out["event_types"] = joined(types["g"].to_numpy(), types["type"], n, "; ").to_numpy()
    ids = pairs[["event_id"]].assign(g=group).sort_values(["g", "event_id"], kind="stable")
    out["event_ids"] = joined(ids["g"].to_numpy(), ids["event_id"], n, "; ").to_numpy()
    ng, nats = split_pairs(group, pairs["nationalities"])
    out["nationalities"] = distinct_joined(ng, nats, n, "; ").to_numpy()
    out["n_sources"] = n_sources
    dated = pairs[pairs["date"] != ""].sort_values(["site", "date", "event_id"], kind="stable")
    out["first_date"] = (
        dated.groupby("site")["date"].first().reindex(site_ids).fillna("").to_numpy()
    )
    latest = dated.groupby("site").last()
    out["last_date"] = latest["date"].reindex(site_ids).fillna("").to_numpy()
    out["last_type"] = latest["type"].reindex(site_ids).fillna("").to_numpy()
    shown = dated[dated["type"].isin(list(_STATUS_OF))].groupby("site").last()
    out["status"] = shown["type"].map(_STATUS_OF).reindex(site_ids).fillna("").to_numpy()
    out["status_event_id"] = shown["event_id"].reindex(site_ids).fillna("").to_numpy()
    out["status_date"] = shown["date"].reindex(site_ids).fillna("").to_numpy()
    sanction = (pairs["type"] == "sanction").groupby(pairs["site"]).any()
    out["sanction_event"] = sanction.reindex(site_ids).to_numpy(dtype=bool)
    return out


def build_compounds(
    registry: Registry,
    events: pd.DataFrame,
    reports: pd.DataFrame | None = None,
    *,
    take: EventTake | None = None,
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
    take : callable, optional
        :data:`EventTake` for events kept elsewhere: ``events`` then needs only
        ``compound_id``, ``event_id``, ``event_date``, ``event_type``, ``n_reports`` and
        ``nationalities``; the timelines' ``figures`` and ``citations`` are taken a slice
        of (site, event) pairs at a time.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`COMPOUND_COLUMNS` and ``geometry`` (a point only for a site's own
        coordinates or its named place, commune or district; none for province-only and
        withdrawn sites), sorted by ``compound_id``.
    """
    history = _site_history(events, take)
    op_names = dict(zip(registry.operators["operator_id"], registry.operators["name"], strict=True))
    designations = registry.active("designations")
    designated: dict[str, list[str]] = {}
    for d in designations.itertuples(index=False):
        for cid in split_ids(d.compound_id):
            designated.setdefault(cid, []).append(str(d.designation_id))
    rows = []
    with_history: list[bool] = []
    for site in records(registry.compounds.sort_values("compound_id")):
        cid = site["compound_id"]
        active = site["record_status"] == "active"
        h = history.loc[cid] if active and cid in history.index else _NO_HISTORY
        sanctions = designated.get(cid, [])
        location = _location(site) if active else {**_unit(""), "precision": None}
        first = min(
            [d for d in [text_of(site.get("first_reported")), h["first_date"]] if d], default=""
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
                "last_reported": h["last_date"],
                "status": h["status"],
                "status_event_id": h["status_event_id"],
                "status_date": h["status_date"],
                "sanctioned": bool(sanctions) or bool(h["sanction_event"]),
                "designation_ids": "; ".join(sanctions),
                "n_events": int(h["n_events"]),
                "n_reports": int(h["n_reports"]),
                "n_sources": int(h["n_sources"]),
                "event_types": h["event_types"],
                "latest_event_type": h["last_type"],
                "latest_event_date": h["last_date"],
                "nationalities": h["nationalities"],
                "event_ids": h["event_ids"],
                "timeline": "[]",  # set below, column at once (it grows with the events)
            }
        )
        with_history.append(h is not _NO_HISTORY)
    out = pd.DataFrame(rows, columns=COMPOUND_COLUMNS)
    linked = out["compound_id"].where(np.array(with_history, dtype=bool), "")
    timelines = history["timeline"].reindex(linked.to_numpy()).fillna("[]")
    out["timeline"] = pd.Series(timelines.array, index=out.index)
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
