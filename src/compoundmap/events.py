"""Events: what happened, told by one or more reports, with the figures their sources give.

After locating (sources → geocode → boundaries → locate → **events** → compounds →
summaries and maps). Reports that a curator grouped under one ``event_id`` are one event;
a report with no ``event_id`` is its own event. Within an event, figures of the same kind
are kept side by side as a range (smallest and largest), never summed or averaged. Each
event is attributed to the one province it concerns, or to none when it concerns several
provinces, the whole country, or no known place (rules in ``docs/data.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pandas as pd

from ._util import records, text_of
from .registry import split_ids
from .schema import COUNT_KINDS, COUNT_SCOPES, Precision

__all__ = [
    "ATTRIBUTION",
    "EVENT_COLUMNS",
    "build_events",
    "event_key",
    "included",
    "people_columns",
    "propose_event_groups",
]

#: Where an event's figures are counted in the summaries (``events.attribution``).
ATTRIBUTION = ("province", "several_provinces", "national", "unlocated")
#: Scopes of figures that belong to one place below the country: summed per province.
LOCAL_SCOPES = ("site", "place", "province")


def people_columns() -> list[str]:
    """``people_<kind>_min`` and ``people_<kind>_max`` for every count kind, in order."""
    return [f"people_{k}_{b}" for k in COUNT_KINDS for b in ("min", "max")]


#: Columns of the published events table, in order.
EVENT_COLUMNS: list[str] = [
    "event_id",
    "event_type",
    "event_types",
    "event_date",
    "event_dates",
    "date_precision",
    "attribution",
    "province_code",
    "province_codes",
    "district_code",
    "district_codes",
    "precision",
    "compound_id",
    "operator_id",
    "n_reports",
    "n_sources",
    "n_primary",
    "report_ids",
    "nationalities",
    *people_columns(),
    "figure_scopes",
    "figures",
    "citations",
]


def included(reports: pd.DataFrame) -> pd.Series:
    """Which reports the maps and summaries use: active and in scope."""
    status = reports.get("record_status", pd.Series("active", index=reports.index))
    scope = reports.get("scope", pd.Series("in_scope", index=reports.index))
    return (status.fillna("active").replace("", "active") == "active") & (
        scope.fillna("in_scope").replace("", "in_scope") == "in_scope"
    )


def event_key(report_id: str, event_id: str) -> str:
    """The event a report belongs to: its ``event_id``, else one of its own.

    Examples
    --------
    >>> event_key("CR-0001", "EV-1000"), event_key("CR-0001", "")
    ('EV-1000', 'EV:CR-0001')
    """
    return event_id or f"EV:{report_id}"


def _sorted_union(values: Iterable[str]) -> str:
    return "; ".join(sorted({v for v in values if v}))


def _date_key(date: str) -> tuple[str, int]:
    """Earliest first; of one day/month/year, the most precise first."""
    return (date, -len(date))


def _widest(scopes: Iterable[str]) -> str:
    order = {s: i for i, s in enumerate(COUNT_SCOPES)}
    found = [s for s in scopes if s in order]
    return max(found, key=order.__getitem__) if found else ""


def _attribution(provinces: set[str], has_country: bool) -> str:
    if len(provinces) == 1:
        return "province"
    if len(provinces) > 1:
        return "several_provinces"
    return "national" if has_country else "unlocated"


def _citation(rec: dict[str, Any]) -> dict[str, Any]:
    return {
        "report_id": rec["report_id"],
        "publisher": text_of(rec.get("source_publisher")),
        "title": text_of(rec.get("source_title")),
        "url": text_of(rec.get("source_url")),
        "date": text_of(rec.get("source_date")),
        "source_type": text_of(rec.get("source_type")),
        "tier": text_of(rec.get("source_tier")),
    }


def _figures(records: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Per kind: min and max of the figures, and their widest scope; every figure listed."""
    listed: list[dict[str, Any]] = []
    by_kind: dict[str, list[tuple[int, str]]] = {}
    for rec in records:
        count = rec.get("victims_count")
        if count is None or count is pd.NA or pd.isna(count):
            continue
        kind = text_of(rec.get("count_kind")) or "unspecified"
        scope = text_of(rec.get("count_scope"))
        listed.append(
            {"report_id": rec["report_id"], "people": int(count), "kind": kind, "scope": scope}
        )
        by_kind.setdefault(kind, []).append((int(count), scope))
    values: dict[str, Any] = {c: None for c in people_columns()}
    scopes: dict[str, str] = {}
    for kind, figures in by_kind.items():
        if kind not in COUNT_KINDS:
            continue  # unclassified figures (older files) are listed, never summed
        # Figures about a wider scope include those about a narrower one (an operation's
        # total and its sites' counts): the range is taken over the widest scope only.
        widest = _widest(s for _, s in figures)
        counts = [n for n, s in figures if s == widest] or [n for n, _ in figures]
        values[f"people_{kind}_min"] = min(counts)
        values[f"people_{kind}_max"] = max(counts)
        scopes[kind] = widest
    return {**values, "figure_scopes": scopes}, listed


Place = tuple[str, str, float]  # (province code, district code, precision) of one place


def _places(locations: pd.DataFrame) -> dict[str, list[Place]]:
    """Each report's located places, read once (no frame per report: scales to millions)."""
    out: dict[str, list[Place]] = {}
    precision = pd.to_numeric(locations["precision"], errors="coerce").astype("float64")
    for rid, prov, dist, prec in zip(
        locations["report_id"].astype(str),
        locations["province_code"].fillna("").astype(str),
        locations["district_code"].fillna("").astype(str),
        precision,
        strict=True,
    ):
        out.setdefault(rid, []).append((prov, dist, prec))
    return out


def _event_row(
    eid: str,
    records: list[dict[str, Any]],
    places: list[Place],
    compound_provinces: dict[str, str],
) -> dict[str, Any]:
    records = sorted(records, key=lambda r: r["report_id"])
    types = [text_of(r.get("event_type")) for r in records]
    event_type = max(dict.fromkeys(types), key=types.count)  # most told; ties: first report
    dates = sorted({text_of(r.get("event_date")) for r in records} - {""}, key=_date_key)
    compounds = sorted({c for r in records for c in split_ids(r.get("compound_id"))})
    operators = sorted({c for r in records for c in split_ids(r.get("operator_id"))})
    precisions = [p for _, _, p in places if p == p]  # NaN (unmatched) dropped
    located = [(prov, dist) for prov, dist, p in places if p == p and p <= Precision.PROVINCE]
    provinces = {prov for prov, _ in located} - {""}
    provinces |= {compound_provinces[c] for c in compounds if compound_provinces.get(c)}
    districts = {dist for _, dist in located} - {""}
    has_country = Precision.COUNTRY in precisions
    figures, listed = _figures(records)
    scopes: dict[str, str] = figures.pop("figure_scopes")
    attribution = _attribution(provinces, has_country)
    if "multi_province" in scopes.values():
        attribution = "several_provinces"  # a figure about one operation across provinces
    publishers = {text_of(r.get("source_publisher")) for r in records}
    return {
        "event_id": eid,
        "event_type": event_type,
        "event_types": _sorted_union(types),
        "event_date": dates[0] if dates else "",
        "event_dates": "; ".join(dates),
        "date_precision": {4: "year", 7: "month", 10: "day"}.get(len(dates[0]), "")
        if dates
        else "",
        "attribution": attribution,
        "province_code": next(iter(provinces)) if len(provinces) == 1 else "",
        "province_codes": _sorted_union(provinces),
        "district_code": next(iter(districts))
        if len(districts) == 1 and len(provinces) == 1
        else "",
        "district_codes": _sorted_union(districts),
        "precision": int(min(precisions)) if precisions else None,
        "compound_id": "; ".join(compounds),
        "operator_id": "; ".join(operators),
        "n_reports": len(records),
        "n_sources": len(publishers - {""}),
        "n_primary": sum(text_of(r.get("source_tier")) == "primary" for r in records),
        "report_ids": "; ".join(r["report_id"] for r in records),
        "nationalities": _sorted_union(
            n.strip() for r in records for n in text_of(r.get("nationalities")).split(";")
        ),
        **figures,
        "figure_scopes": "; ".join(f"{k}: {s}" for k, s in sorted(scopes.items())),
        "figures": json.dumps(listed, ensure_ascii=False, separators=(",", ":")),
        "citations": json.dumps(
            [_citation(r) for r in records], ensure_ascii=False, separators=(",", ":")
        ),
    }


def build_events(
    reports: pd.DataFrame,
    locations: pd.DataFrame,
    compound_provinces: dict[str, str] | None = None,
) -> pd.DataFrame:
    """One row per event of the included reports (:func:`included`), with its figures.

    Parameters
    ----------
    reports : pandas.DataFrame
        Validated reports (any status; only active, in-scope ones are used).
    locations : pandas.DataFrame
        Their located rows (:func:`compoundmap.locate.locate_reports`).
    compound_provinces : dict, optional
        Registry site id → province code: an event about a located site concerns the
        site's province even when its reports name only the country.

    Returns
    -------
    pandas.DataFrame
        :data:`EVENT_COLUMNS`, sorted by ``event_id``. ``attribution`` says where the
        event is counted: ``province`` (exactly one province), ``several_provinces``,
        ``national`` (the country as a whole) or ``unlocated``. ``people_<kind>_min`` and
        ``_max`` are the smallest and largest figure of that kind among the event's
        reports (empty when none gives one); ``figure_scopes`` says what each kind's
        figures are about; ``figures`` lists every figure with its report.

    Examples
    --------
    >>> import pandas as pd
    >>> reports = pd.DataFrame({"report_id": ["R1", "R2"], "event_id": ["E1", "E1"],
    ...     "event_type": ["raid", "raid"], "event_date": ["2024-03", "2024-03-16"],
    ...     "victims_count": [19, 11], "count_kind": ["rescued", "rescued"],
    ...     "count_scope": ["site", "site"], "source_publisher": ["A", "B"]})
    >>> locs = pd.DataFrame({"report_id": ["R1", "R2"], "province_code": ["22", "22"],
    ...     "district_code": ["2204", "2204"], "precision": [2, 2]})
    >>> ev = build_events(reports, locs)
    >>> ev.loc[0, ["event_date", "people_rescued_min", "people_rescued_max"]].tolist()
    ['2024-03', 11, 19]
    """
    compound_provinces = compound_provinces or {}
    use = reports[included(reports)]
    groups: dict[str, list[dict[str, Any]]] = {}
    for rec in records(use):
        key = event_key(text_of(rec["report_id"]), text_of(rec.get("event_id")))
        groups.setdefault(key, []).append(rec)
    by_report = _places(locations)
    rows = []
    for eid in sorted(groups):
        told = groups[eid]
        places = [p for r in told for p in by_report.get(str(r["report_id"]), [])]
        rows.append(_event_row(eid, told, places, compound_provinces))
    out = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    for col in ("n_reports", "n_sources", "n_primary"):
        out[col] = out[col].astype("int64")
    for col in [*people_columns(), "precision"]:
        out[col] = out[col].astype("Int64")
    return out


# ----------------------------------------------------------------------------- curation aid


def _day(date: str) -> int | None:
    if len(date) != 10:
        return None
    try:
        return pd.Timestamp(date).toordinal()
    except ValueError:
        return None


def _dates_agree(a: str, b: str, window_days: int) -> bool:
    """Both dated and the same happening could be meant: one date contains the other, or
    two days lie within ``window_days``."""
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    return da is not None and db is not None and abs(da - db) <= window_days


def propose_event_groups(reports: pd.DataFrame, *, window_days: int = 7) -> pd.DataFrame:
    """Events that look like one happening, for a curator to accept or reject.

    Two events are proposed as one when reports of each share a registry site and an
    event type and their dates agree (one contains the other, or days within
    ``window_days``), or, with no site, share the type, agreeing dates and a figure of the
    same kind. Groups are transitive.

    Returns
    -------
    pandas.DataFrame
        ``proposed_event_id`` (the smallest id of the group), ``event_ids``,
        ``report_ids``, ``reason`` — one row per group of two or more events.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"report_id": ["R1", "R2"], "event_id": ["E1", "E2"],
    ...     "compound_id": ["CM-1", "CM-1"], "event_type": ["raid", "raid"],
    ...     "event_date": ["2024-03-16", "2024-03"], "victims_count": [None, None],
    ...     "count_kind": ["", ""]})
    >>> propose_event_groups(r)["event_ids"].tolist()
    ['E1; E2']
    """
    use = reports[included(reports)]
    recs: list[dict[str, Any]] = [
        {
            "rid": text_of(r["report_id"]),
            "eid": event_key(text_of(r["report_id"]), text_of(r.get("event_id"))),
            "sites": set(split_ids(r.get("compound_id"))),
            "type": text_of(r.get("event_type")),
            "date": text_of(r.get("event_date")),
            "figure": (
                (int(r["victims_count"]), text_of(r.get("count_kind")))
                if r.get("victims_count") is not None and not pd.isna(r.get("victims_count"))
                else None
            ),
        }
        for r in records(use)
    ]
    parent: dict[str, str] = {r["eid"]: r["eid"] for r in recs}
    reasons: dict[frozenset[str], str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_type: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        by_type.setdefault(r["type"], []).append(r)
    for group in by_type.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a["eid"] == b["eid"] or not _dates_agree(a["date"], b["date"], window_days):
                    continue
                shared = a["sites"] & b["sites"]
                if shared:
                    why = f"same site {', '.join(sorted(shared))}"
                elif (
                    not a["sites"] and not b["sites"] and a["figure"] and a["figure"] == b["figure"]
                ):
                    why = f"same figure {a['figure'][0]} {a['figure'][1]}".rstrip()
                else:
                    continue
                reasons.setdefault(frozenset((a["eid"], b["eid"])), f"{a['type']}, {why}")
                ra, rb = find(a["eid"]), find(b["eid"])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for eid in parent:
        groups.setdefault(find(eid), []).append(eid)
    rows = []
    for root, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        members = sorted(members)
        rows.append(
            {
                "proposed_event_id": root,
                "event_ids": "; ".join(members),
                "report_ids": "; ".join(sorted(r["rid"] for r in recs if r["eid"] in members)),
                "reason": "; ".join(
                    sorted({why for pair, why in reasons.items() if pair <= set(members)})
                ),
            }
        )
    return pd.DataFrame(rows, columns=["proposed_event_id", "event_ids", "report_ids", "reason"])
