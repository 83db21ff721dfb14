"""Counts for the notebooks.

Events by province, year and type; people by kind as ranges; nationalities named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..nationalities import nationality_counts, nationality_label
from ..schema import COUNT_KINDS, EVENT_TYPES
from ..summary import SCOPES_ADDED

if TYPE_CHECKING:
    pass
from .._util import require_columns
from ._common import _NO_DATE, _figure_scopes

# --------------------------------------------------------------------------- events


def summary_counts(summary: pd.DataFrame) -> pd.DataFrame:
    """The counting columns of a province or district summary, for display.

    Parameters
    ----------
    summary : pandas.DataFrame
        The published ``province_summary`` or ``district_summary``.

    Returns
    -------
    pandas.DataFrame
        The unit's code and name (with ``row_type``, or the province of a district), the
        numbers of events, shared events, reports, sources and registry sites, the first
        and last event dates and the nationalities named.

    Examples
    --------
    >>> summary_counts(tables.province_summary)["n_events"].sum()  # doctest: +SKIP
    333
    """
    keys = [
        c
        for c in ("district_code", "district_name", "province_code", "province_name", "row_type")
        if c in summary.columns
    ]
    counts = ["n_events", "n_events_shared", "n_reports", "n_sources", "n_compounds"]
    dates = ["first_event_date", "last_event_date", "nationalities"]
    require_columns(summary, [*counts, *dates], "summary")
    return summary[[*keys, *counts, *dates]].reset_index(drop=True)


def districts_with_events(district_summary: pd.DataFrame) -> pd.DataFrame:
    """Districts where at least one event is counted, most events first.

    Events known only to their province, or spread over several districts, are in no
    district (see ``district_summary``).

    Parameters
    ----------
    district_summary : pandas.DataFrame
        The published district summary.

    Returns
    -------
    pandas.DataFrame
        :func:`summary_counts` of those districts, by ``n_events`` (most first), then code.

    Examples
    --------
    >>> districts_with_events(tables.district_summary)["district_code"][0]  # doctest: +SKIP
    '1801'
    """
    rows = summary_counts(district_summary)
    rows = rows[rows["n_events"] > 0]
    return rows.sort_values(["n_events", "district_code"], ascending=[False, True]).reset_index(
        drop=True
    )


def events_by_province(province_summary: pd.DataFrame) -> pd.Series:
    """Events counted in each row of the province summary, most first.

    Every event counts in exactly one row: its province, or the rows for events
    concerning several provinces, the whole country, or no known place. The Series
    therefore adds up to the number of events.

    Parameters
    ----------
    province_summary : pandas.DataFrame
        The published province summary.

    Returns
    -------
    pandas.Series
        ``events`` indexed by ``province_name`` (the three extra rows by their names),
        most first; provinces with none included.

    Examples
    --------
    >>> summary = pd.DataFrame({"province_name": ["Kampot", "Kep"], "n_events": [2, 5]})
    >>> events_by_province(summary).to_dict()
    {'Kep': 5, 'Kampot': 2}
    """
    require_columns(province_summary, ["province_name", "n_events"], "province_summary")
    counts = province_summary.set_index("province_name")["n_events"].astype("int64")
    counts = counts.sort_values(ascending=False, kind="stable")
    counts.name = "events"
    return counts


def events_by_year(events: pd.DataFrame) -> pd.Series:
    """Events per year of the event (each event once), with undated events last.

    Examples
    --------
    >>> ev = pd.DataFrame({"event_date": ["2024-03-16", "2024", "", "2022-09"]})
    >>> events_by_year(ev).to_dict()
    {'2022': 1, '2024': 2, 'no date': 1}
    """
    require_columns(events, ["event_date"], "events")
    years = events["event_date"].fillna("").astype(str).str.slice(0, 4)
    counts = years.replace("", _NO_DATE).value_counts()
    order = [
        *sorted(y for y in counts.index if y != _NO_DATE),
        *[_NO_DATE][: int(_NO_DATE in counts.index)],
    ]
    out = counts.reindex(order).astype("int64")
    out.index.name, out.name = "year", "events"
    return out


def events_by_type(events: pd.DataFrame) -> pd.Series:
    """Events per event type (each event once, by the type most of its reports give).

    Most frequent first; types with no event are left out.

    Examples
    --------
    >>> events_by_type(pd.DataFrame({"event_type": ["raid", "rescue", "raid"]})).to_dict()
    {'raid': 2, 'rescue': 1}
    """
    require_columns(events, ["event_type"], "events")
    counts = events["event_type"].fillna("").value_counts()
    rank = {t: i for i, t in enumerate(EVENT_TYPES)}
    order = sorted(counts.index, key=lambda t: (-int(counts[t]), rank.get(t, len(rank)), t))
    out = counts.reindex(order).astype("int64")
    out.index.name, out.name = "event_type", "events"
    return out


def _figure_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, kind of figure): its range, scope and attribution."""
    require_columns(
        events,
        ["event_id", "attribution", "figure_scopes", *(f"people_{k}_min" for k in COUNT_KINDS)],
        "events",
    )
    rows: list[dict[str, Any]] = []
    for rec in events.to_dict("records"):
        scopes = _figure_scopes(rec["figure_scopes"])
        for kind in COUNT_KINDS:
            low, high = rec[f"people_{kind}_min"], rec[f"people_{kind}_max"]
            if pd.isna(low) and pd.isna(high):
                continue
            rows.append(
                {
                    "event_id": rec["event_id"],
                    "count_kind": kind,
                    "scope": scopes.get(kind, ""),
                    "attribution": rec["attribution"],
                    "people_min": int(low if pd.notna(low) else high),
                    "people_max": int(high if pd.notna(high) else low),
                }
            )
    columns = ["event_id", "count_kind", "scope", "attribution", "people_min", "people_max"]
    return pd.DataFrame(rows, columns=columns)


def people_by_kind(events: pd.DataFrame) -> pd.DataFrame:
    """People the events report, per kind of count, as a range; never added across kinds.

    For each kind (detained, rescued, deported, …) the smallest and the largest figure of
    every event are added up over the events: figures within one event are never summed
    (its reports give a range), and figures of different kinds never add (someone
    detained may later be deported). Only figures about a site, a named place, a
    province or an operation across provinces are added; a figure about the whole
    country (a national estimate) never is, and events about the country as a whole add
    nothing: those figures are listed by :func:`national_figures`. A figure is added
    exactly when the province summary adds it (same rule), so over the whole events table
    ``people_min`` and ``people_max`` equal the sums of the summary's
    ``people_<kind>_min`` and ``_max`` columns.

    Parameters
    ----------
    events : pandas.DataFrame
        The published events table, or some of its rows (one province's, one year's).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``count_kind`` (kinds with at least one figure, in the order of the data
        dictionary): ``n_events`` (events whose figure is added), ``people_min``,
        ``people_max``, and ``n_national`` (events with a country-wide figure of that kind,
        not added).

    Examples
    --------
    >>> ev = pd.DataFrame({
    ...     "event_id": ["EV-1", "EV-2", "EV-3"],
    ...     "attribution": ["province", "several_provinces", "national"],
    ...     "figure_scopes": ["rescued: site", "rescued: multi_province", "rescued: country"],
    ...     **{f"people_{k}_{b}": [None] * 3 for k in COUNT_KINDS for b in ("min", "max")},
    ... })
    >>> ev["people_rescued_min"], ev["people_rescued_max"] = [11, 40, 100_000], [19, 40, 100_000]
    >>> people_by_kind(ev).loc["rescued"].tolist()
    [2, 51, 59, 1]
    """
    figures = _figure_table(events)
    # The province summary's own rule (which scopes each kind of row adds), so that the
    # two never disagree.
    is_added = [
        scope in SCOPES_ADDED.get(attribution, ())
        for scope, attribution in zip(figures["scope"], figures["attribution"], strict=True)
    ]
    local = pd.Series(is_added, index=figures.index, dtype=bool)
    national = figures["scope"].eq("country")
    rows = []
    for kind in COUNT_KINDS:
        of_kind = figures["count_kind"] == kind
        added = figures[of_kind & local]
        n_national = int((of_kind & national).sum())
        if added.empty and not n_national:
            continue
        rows.append(
            {
                "count_kind": kind,
                "n_events": len(added),
                "people_min": int(added["people_min"].sum()),
                "people_max": int(added["people_max"].sum()),
                "n_national": n_national,
            }
        )
    columns = ["count_kind", "n_events", "people_min", "people_max", "n_national"]
    return (
        pd.DataFrame(rows, columns=columns)
        .astype(dict.fromkeys(columns[1:], "int64"))
        .set_index("count_kind")
    )


def national_figures(events: pd.DataFrame) -> pd.DataFrame:
    """Every figure about the whole country (national estimates), one row per event and kind.

    These are never added to any total (two outlets repeating one UN estimate are one
    figure; estimates of different years overlap): read them side by side.

    Parameters
    ----------
    events : pandas.DataFrame
        The published events table.

    Returns
    -------
    pandas.DataFrame
        ``event_id, event_date, event_type, count_kind, people_min, people_max,
        n_reports, report_ids``, by kind, then date (undated last).

    Examples
    --------
    >>> national_figures(tables.events)["count_kind"].unique()  # doctest: +SKIP
    """
    figures = _figure_table(events)
    figures = figures[figures["scope"] == "country"]
    extra = ["event_date", "event_type", "n_reports", "report_ids"]
    require_columns(events, extra, "events")
    out = figures.merge(events[["event_id", *extra]], on="event_id", how="left")
    rank = {k: i for i, k in enumerate(COUNT_KINDS)}
    undated = out["event_date"].fillna("").eq("")
    out = out.assign(_rank=out["count_kind"].map(rank), _undated=undated).sort_values(
        ["_rank", "_undated", "event_date", "event_id"], kind="stable"
    )
    columns = ["event_id", "event_date", "event_type", "count_kind", "people_min", "people_max"]
    return out[[*columns, "n_reports", "report_ids"]].reset_index(drop=True)


def people_by_province(province_summary: pd.DataFrame) -> pd.DataFrame:
    """The province summary's people columns, for the rows and kinds with a figure.

    Each cell adds, over the row's events, each event's smallest (``_min``) or largest
    (``_max``) figure of one kind; see :func:`people_by_kind` for the rules. The national
    row never has figures (they are listed by :func:`national_figures`).

    Parameters
    ----------
    province_summary : pandas.DataFrame
        The published province summary.

    Returns
    -------
    pandas.DataFrame
        ``people_<kind>_min`` and ``_max`` columns with a figure somewhere, indexed by
        ``province_name``, rows with a figure only.

    Examples
    --------
    >>> people_by_province(tables.province_summary).loc["Kampot"]  # doctest: +SKIP
    """
    require_columns(province_summary, ["province_name"], "province_summary")
    people = [c for c in province_summary.columns if c.startswith("people_")]
    table = province_summary.set_index("province_name")[people].astype("Int64")
    has_rows = table.fillna(0).gt(0).any(axis=1)
    has_columns = table.fillna(0).gt(0).any(axis=0)
    return table.loc[has_rows, has_columns]


def nationalities_by_event(events: pd.DataFrame) -> pd.DataFrame:
    """Countries whose nationals the events name, with the number of events naming each.

    Values are read as country names or demonyms ("Lao" and "Laotian" are Laos) by
    :func:`compoundmap.nationality_counts`; a value naming no single country is kept as
    written, with an empty code. Each event counts once, however many outlets tell it.

    Returns
    -------
    pandas.DataFrame
        ``country_code, alpha_3, country_name, n_events, n_mentions, written_as, label``
        (``"China (CN)"``, or ``"African (as written)"``), most named first.

    Examples
    --------
    >>> events = pd.DataFrame({"event_id": ["EV-1", "EV-2"],
    ...                        "nationalities": ["Lao; Laotian", "Thai"]})
    >>> nationalities_by_event(events)[["label", "n_events", "n_mentions"]].values.tolist()
    [['Laos (LA)', 1, 2], ['Thailand (TH)', 1, 1]]
    """
    require_columns(events, ["event_id", "nationalities"], "events")
    frame = events[["event_id", "nationalities"]].rename(columns={"event_id": "report_id"})
    counts = nationality_counts(frame).rename(columns={"n_reports": "n_events"})
    counts["label"] = [
        nationality_label(str(c), str(n))
        for c, n in zip(counts["country_code"], counts["country_name"], strict=True)
    ]
    return counts
