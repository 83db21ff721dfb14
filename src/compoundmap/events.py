"""Events: what happened, told by one or more reports, with the figures their sources give.

After locating (sources → geocode → boundaries → locate → **events** → compounds →
summaries and maps). Reports that a curator grouped under one ``event_id`` are one event;
a report with no ``event_id`` is its own event. Within an event, figures of the same kind
are kept side by side as a range (smallest and largest), never summed or averaged. Each
event is attributed to the one province it concerns, or to none when it concerns several
provinces, the whole country, or no known place (rules in ``docs/data.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

import numpy as np
import pandas as pd

from ._columnar import distinct_joined, group_numbers, joined, json_objects, split_pairs, texts
from ._eventcolumns import figure_columns, first_of, most_told, place_columns
from ._progress import progress_bar
from .schema import COUNT_KINDS

__all__ = [
    "ATTRIBUTION",
    "EVENT_COLUMNS",
    "EVENT_PLACE_COLUMNS",
    "EVENT_ROW_COLUMNS",
    "INCLUDED_COLUMNS",
    "LONE_EVENT_PREFIX",
    "build_events",
    "event_key",
    "event_keys",
    "event_rows",
    "event_slices",
    "events_from_rows",
    "included",
    "people_columns",
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


#: The reports columns :func:`included` reads.
INCLUDED_COLUMNS: tuple[str, ...] = ("record_status", "scope")


def included(reports: pd.DataFrame) -> pd.Series:
    """Which reports the maps and summaries use: active and in scope."""
    status = reports.get("record_status", pd.Series("active", index=reports.index))
    scope = reports.get("scope", pd.Series("in_scope", index=reports.index))
    return (status.fillna("active").replace("", "active") == "active") & (
        scope.fillna("in_scope").replace("", "in_scope") == "in_scope"
    )


#: The id of the event of its own a report with no ``event_id`` makes: this + its report id.
LONE_EVENT_PREFIX = "EV:"


def event_key(report_id: str, event_id: str) -> str:
    """The event a report belongs to: its ``event_id``, else one of its own.

    Parameters
    ----------
    report_id : str
        The report's id.
    event_id : str
        Its ``event_id``, ``""`` when it has none.

    Returns
    -------
    str
        ``event_id``, or :data:`LONE_EVENT_PREFIX` followed by ``report_id``.

    Examples
    --------
    >>> event_key("CR-0001", "EV-1000"), event_key("CR-0001", "")
    ('EV-1000', 'EV:CR-0001')
    """
    return event_id or f"{LONE_EVENT_PREFIX}{report_id}"


def event_keys(report_ids: pd.Series, event_ids: pd.Series) -> pd.Series:
    """:func:`event_key` of each row: the ``event_id``, else the report's event of its own.

    Parameters
    ----------
    report_ids, event_ids : pandas.Series
        The reports' ids and their ``event_id`` (``""`` when none), aligned.

    Returns
    -------
    pandas.Series
        The event of each report, on the index of ``event_ids``.

    Examples
    --------
    >>> event_keys(pd.Series(["CR-0001", "CR-0002"]), pd.Series(["EV-1000", ""])).tolist()
    ['EV-1000', 'EV:CR-0002']
    """
    return event_ids.where(event_ids != "", LONE_EVENT_PREFIX + report_ids)


_TEXT_COLUMNS = (
    "report_id",
    "event_id",
    "event_type",
    "event_date",
    "compound_id",
    "operator_id",
    "count_kind",
    "count_scope",
    "nationalities",
    "source_publisher",
    "source_tier",
)
_CITATION = {
    "report_id": "report_id",
    "publisher": "source_publisher",
    "title": "source_title",
    "url": "source_url",
    "date": "source_date",
    "source_type": "source_type",
    "tier": "source_tier",
}
#: The reports columns :func:`event_rows` reads (a caller holding the reports on disk reads
#: only these): the text columns, the count, the citation's and :func:`included`'s.
EVENT_ROW_COLUMNS: list[str] = list(
    dict.fromkeys([*_TEXT_COLUMNS, "victims_count", *_CITATION.values(), "record_status", "scope"])
)


#: Report rows made into events at a time by :func:`events_from_rows`.
EVENT_SLICE_ROWS = 100_000


def _counts(reports: pd.DataFrame) -> pd.Series:
    """``victims_count`` as nullable integers (missing when absent or not a number)."""
    if "victims_count" not in reports.columns:
        return pd.Series(pd.NA, index=reports.index, dtype="Int64")
    values = reports["victims_count"]
    if pd.api.types.is_integer_dtype(values.dtype):
        return values.astype("Int64")
    numbers = pd.to_numeric(values, errors="coerce").astype("float64")
    return pd.Series(np.trunc(numbers.to_numpy()), index=values.index).astype("Int64")


def event_rows(reports: pd.DataFrame) -> pd.DataFrame:
    """The included reports as the text columns events are made of (one JSON citation each).

    :func:`build_events` is ``events_from_rows(event_rows(reports), ...)``; a caller
    holding the reports in chunks concatenates the rows of each chunk instead.
    """
    keep = included(reports).to_numpy(dtype=bool)
    use = reports if keep.all() else reports[keep]
    rows = pd.DataFrame({c: texts(use, c) for c in _TEXT_COLUMNS})
    rows["victims_count"] = _counts(use)
    rows["citation"] = json_objects(use, _CITATION)
    return rows.reset_index(drop=True)


def _event_order(rows: pd.DataFrame) -> tuple[np.ndarray, pd.Series]:
    """The row order by event, then report id, and the event key of each row in that order
    (only the two key columns are sorted; the rows themselves are taken a slice at a
    time)."""
    keys = pd.DataFrame(
        {
            "event_key": event_keys(rows["report_id"], rows["event_id"]),
            "report_id": rows["report_id"],
        }
    )
    order = keys.sort_values(["event_key", "report_id"], kind="stable").index.to_numpy()
    return order, keys["event_key"].take(order).reset_index(drop=True)


def _rows_at(rows: pd.DataFrame, at: np.ndarray) -> pd.DataFrame:
    """Rows ``at`` (positions), in that order, columns taken one at a time."""
    return pd.DataFrame({col: rows[col].take(at).reset_index(drop=True) for col in rows.columns})


def _keyed(rows: pd.DataFrame, key: pd.Series) -> pd.DataFrame:
    """The rows of one slice with their ``event_key`` as the first column."""
    rows.insert(0, "event_key", key.reset_index(drop=True))
    return rows


#: The columns of the located rows (``report_locations``) the events are made with.
EVENT_PLACE_COLUMNS: list[str] = ["report_id", "province_code", "district_code", "precision"]


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
    >>> row = ev.loc[0]
    >>> row["event_date"], int(row["people_rescued_min"]), int(row["people_rescued_max"])
    ('2024-03', 11, 19)
    """
    return events_from_rows(event_rows(reports), locations, compound_provinces)


def events_from_rows(
    rows: pd.DataFrame,
    locations: pd.DataFrame,
    compound_provinces: dict[str, str] | None = None,
    *,
    take: Callable[[np.ndarray], pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """:func:`build_events` from :func:`event_rows` (of all the included reports): the
    slices of :func:`event_slices` put together.

    Parameters
    ----------
    rows : pandas.DataFrame
        :func:`event_rows` of the reports (the rows of several chunks concatenated, or,
        with ``take``, only their ``report_id`` and ``event_id``).
    locations : pandas.DataFrame
        The reports' located rows (:func:`compoundmap.locate.locate_reports`).
    compound_provinces : dict, optional
        Registry site id → province code (see :func:`build_events`).
    take : callable, optional
        ``take(positions)`` gives every column of ``rows`` at those positions (see
        :func:`event_slices`).

    Returns
    -------
    pandas.DataFrame
        The events table of :func:`build_events` (:data:`EVENT_COLUMNS`).
    """
    parts = list(event_slices(rows, locations, compound_provinces, take=take))
    return parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)


def event_slices(
    rows: pd.DataFrame,
    locations: pd.DataFrame,
    compound_provinces: dict[str, str] | None = None,
    *,
    take: Callable[[np.ndarray], pd.DataFrame] | None = None,
) -> Iterator[pd.DataFrame]:
    """The events table of :func:`events_from_rows` in consecutive slices (at least one).

    The rows are ordered by event on their key columns only and made into events a slice
    of about :data:`EVENT_SLICE_ROWS` rows at a time (whole events per slice, each slice
    taken from ``rows`` when its turn comes), so the working memory of the grouping stays
    that of one slice: the rows are never copied whole, and a caller writing each slice
    away never holds the whole table. With more than one slice, a progress bar counts the
    reports on stderr (from a terminal).

    With ``take``, ``rows`` needs only ``report_id`` and ``event_id``: ``take(positions)``
    gives every column of the rows at those positions, in that order (a caller keeping
    the rows on disk reads one slice at a time).

    Parameters
    ----------
    rows : pandas.DataFrame
        :func:`event_rows` of the included reports (or only their ``report_id`` and
        ``event_id``, with ``take``).
    locations : pandas.DataFrame
        The reports' located rows (:func:`compoundmap.locate.locate_reports`).
    compound_provinces : dict, optional
        Registry site id → province code (see :func:`build_events`).
    take : callable, optional
        Maps an array of positions into ``rows`` to a frame of those rows with every
        column of :func:`event_rows`; default: the rows of ``rows`` itself.

    Yields
    ------
    pandas.DataFrame
        Consecutive slices of the events table (:data:`EVENT_COLUMNS`), each holding
        whole events; one empty table when ``rows`` is empty.
    """
    compound_provinces = compound_provinces or {}
    if not len(rows):
        yield _empty_events()
        return
    if take is None:
        take = partial(_rows_at, rows)
    order, key = _event_order(rows)
    starts = np.flatnonzero((key != key.shift()).to_numpy(dtype=bool))
    at = np.searchsorted(starts, np.arange(0, len(rows), EVENT_SLICE_ROWS))
    cuts = starts[np.minimum(at, len(starts) - 1)]  # each slice starts an event
    bounds = [*np.unique(cuts).tolist(), len(rows)]
    bar = progress_bar(len(rows), "grouping events", " reports", show=len(bounds) > 2)
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        yield _events_of(_keyed(take(order[a:b]), key.iloc[a:b]), locations, compound_provinces)
        bar.update(b - a)
    bar.close()


def _events_of(
    rows: pd.DataFrame, locations: pd.DataFrame, compound_provinces: dict[str, str]
) -> pd.DataFrame:
    """The events of rows sorted by event (:func:`_keyed`), whole events only."""
    group, event_ids = group_numbers(rows["event_key"])
    n = len(event_ids)
    first_date = first_of(group, rows["event_date"], n)
    sources = rows[["source_publisher"]].assign(g=group)
    sources = sources[sources["source_publisher"] != ""].drop_duplicates()
    places = place_columns(rows, group, n, locations, compound_provinces)
    figures = figure_columns(rows, group, n)
    attribution = np.where(figures.pop("_multi"), "several_provinces", places.pop("attribution"))
    cg, cids = split_pairs(group, rows["compound_id"])
    og, oids = split_pairs(group, rows["operator_id"])
    ng, nats = split_pairs(group, rows["nationalities"])
    out = pd.DataFrame(
        {
            "event_id": event_ids,
            "event_type": most_told(group, rows["event_type"], n),
            "event_types": distinct_joined(group, rows["event_type"], n, "; "),
            "event_date": first_date,
            "event_dates": distinct_joined(group, rows["event_date"], n, "; "),
            "date_precision": first_date.str.len().map(_DATE_PRECISION).fillna("").astype("str"),
            "attribution": pd.Series(attribution, dtype="str"),
            **places,
            "compound_id": distinct_joined(cg, cids, n, "; "),
            "operator_id": distinct_joined(og, oids, n, "; "),
            "n_reports": np.bincount(group, minlength=n).astype("int64"),
            "n_sources": np.bincount(sources["g"].to_numpy(), minlength=n).astype("int64"),
            "n_primary": np.bincount(
                group, weights=(rows["source_tier"] == "primary").to_numpy(dtype=float), minlength=n
            ).astype("int64"),
            "report_ids": joined(group, rows["report_id"], n, "; "),
            "nationalities": distinct_joined(ng, nats, n, "; "),
            **figures,
            "citations": "[" + joined(group, rows["citation"], n, ",") + "]",
        }
    )
    return out[EVENT_COLUMNS]


_DATE_PRECISION = {4: "year", 7: "month", 10: "day"}


def _empty_events() -> pd.DataFrame:
    out = pd.DataFrame(columns=EVENT_COLUMNS)
    for col in ("n_reports", "n_sources", "n_primary"):
        out[col] = out[col].astype("int64")
    for col in [*people_columns(), "precision"]:
        out[col] = out[col].astype("Int64")
    return out
