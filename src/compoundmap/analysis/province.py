"""One province: its events (own and shared), reports and a profile of tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..gazetteer import get_gazetteer
from ..schema import EVENT_TYPES

if TYPE_CHECKING:
    from ..pipeline import Tables
from .._util import require_columns
from ._common import _codes, _flag
from .counts import nationalities_by_event, people_by_kind, summary_counts
from .provinces import resolve_province

# --------------------------------------------------------------------------- one province


def events_in_province(
    events: pd.DataFrame, province: object, *, shared: bool = True
) -> pd.DataFrame:
    """Events that concern one province.

    Parameters
    ----------
    events : pandas.DataFrame
        The published events table.
    province : str or int
        Anything :func:`resolve_province` accepts.
    shared : bool, default True
        Also the events concerning several provinces, this one among them (counted in the
        province summary's ``several_provinces`` row and in ``n_events_shared``); with
        False, only the events counted in the province's own row.

    Returns
    -------
    pandas.DataFrame
        Those rows of ``events``, in table order.

    Raises
    ------
    GazetteerError
        If ``province`` is not a province.

    Examples
    --------
    >>> len(events_in_province(tables.events, "Kampot", shared=False))  # doctest: +SKIP
    10
    """
    code = resolve_province(province)
    require_columns(events, ["attribution", "province_code", "province_codes"], "events")
    own = (events["attribution"] == "province") & (events["province_code"] == code)
    if shared:
        own |= (events["attribution"] == "several_provinces") & events["province_codes"].map(
            lambda v: code in _codes(v)
        ).astype(bool)
    return events[own]


def reports_in_province(reports: pd.DataFrame, province: object) -> pd.DataFrame:
    """Reports counted (active, in scope) with at least one place in one province.

    Parameters
    ----------
    reports : pandas.DataFrame
        The published reports table.
    province : str or int
        Anything :func:`resolve_province` accepts.

    Returns
    -------
    pandas.DataFrame
        Those rows of ``reports``, in table order.

    Examples
    --------
    >>> reports_in_province(tables.reports, "KH18")["report_id"].head(2)  # doctest: +SKIP
    """
    code = resolve_province(province)
    require_columns(reports, ["included", "province_codes"], "reports")
    here = reports["province_codes"].map(lambda v: code in _codes(v)).astype(bool)
    return reports[_flag(reports["included"]) & here]


def _summary_of(row: pd.Series, name_km: str) -> pd.DataFrame:
    fields: dict[str, Any] = {
        "province_code": row["province_code"],
        "province_pcode": row["province_pcode"],
        "name_km": name_km,
    }
    for col in ("n_events", "n_events_shared", "n_reports", "n_sources", "n_compounds"):
        fields[col] = int(row[col])
    fields["first_event_date"] = row["first_event_date"]
    fields["last_event_date"] = row["last_event_date"]
    fields.update({f"n_{t}": int(row[f"n_{t}"]) for t in EVENT_TYPES if int(row[f"n_{t}"])})
    fields["nationalities"] = row["nationalities"]
    frame = pd.DataFrame({str(row["province_name"]): pd.Series(fields, dtype=object)})
    frame.index.name = "field"
    return frame


def _oldest_first(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Rows by ``event_date`` (undated last), then ``key``."""
    undated = frame["event_date"].fillna("").eq("")
    order = frame.assign(_undated=undated).sort_values(
        ["_undated", "event_date", key], kind="stable"
    )
    return pd.DataFrame(order.drop(columns="_undated")).reset_index(drop=True)


def province_profile(province: object, tables: Tables | None = None) -> dict[str, pd.DataFrame]:
    """Every table of a one-province report.

    Parameters
    ----------
    province : str or int
        Anything :func:`resolve_province` accepts (``"07"``, ``7``, ``"KH07"``,
        ``"Kampot"``).
    tables : Tables, optional
        From :func:`compoundmap.build_tables`; default a build of the bundled data.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``summary`` (the province's row of the province summary, as field → value, with
        its Khmer name; event types with no event left out), ``people`` (people by kind
        for the events counted in the province, :func:`people_by_kind`), ``districts``
        (all its districts, zeros included), ``sites`` (active registry sites located in
        it), ``events`` (events that concern it, oldest first, undated last;
        ``attribution`` says whether each counts in the province's row or in the
        several-provinces row), ``reports`` (counted reports with a place in it, with
        their sources, in the same order) and ``nationalities`` (countries those events
        name).

    Raises
    ------
    GazetteerError
        If ``province`` is not a province.

    Examples
    --------
    >>> profile = province_profile("Kampot", tables)  # doctest: +SKIP
    >>> profile["summary"].loc["n_events"].iloc[0]  # doctest: +SKIP
    10
    """
    code = resolve_province(province)
    if tables is None:
        from ..pipeline import build_tables

        tables = build_tables()
    summary = tables.province_summary
    row = summary[(summary["row_type"] == "province") & (summary["province_code"] == code)]
    events = events_in_province(tables.events, code)
    own = events[events["attribution"] == "province"]
    districts = tables.district_summary
    sites = tables.compounds
    sites = sites[(sites["record_status"] == "active") & (sites["province_code"] == code)]
    site_columns = [
        "compound_id",
        "name",
        "aliases",
        "district_name",
        "place_name",
        "precision_label",
        "status",
        "status_date",
        "first_reported",
        "last_reported",
        "n_events",
        "n_reports",
        "sanctioned",
        "operator_names",
    ]
    event_columns = [
        "event_id",
        "event_date",
        "event_type",
        "attribution",
        "province_codes",
        "district_codes",
        "compound_id",
        "n_reports",
        "n_sources",
        "figure_scopes",
        "nationalities",
    ]
    report_columns = [
        "report_id",
        "event_id",
        "event_date",
        "event_type",
        "compound_name",
        "location_text",
        "source_publisher",
        "source_title",
        "source_url",
        "source_date",
        "source_tier",
    ]
    reports = reports_in_province(tables.reports, code)
    return {
        "summary": _summary_of(row.iloc[0], str(get_gazetteer().unit(code)["name_km"])),
        "people": people_by_kind(own),
        "districts": summary_counts(districts[districts["province_code"] == code]).drop(
            columns=["province_code", "province_name"]
        ),
        "sites": pd.DataFrame(sites[site_columns])
        .sort_values("compound_id")
        .reset_index(drop=True),
        "events": _oldest_first(events[event_columns], "event_id"),
        "reports": _oldest_first(reports[report_columns], "report_id"),
        "nationalities": nationalities_by_event(events),
    }
