"""What a build kept and how its places were located.

Overview of the rows kept, match counts, precision shares and the rows to check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..errors import ParameterError
from ..schema import UNMATCHED_LABEL

if TYPE_CHECKING:
    from ..pipeline import Tables
from .._util import require_columns
from ._common import _NO_PROVINCE, _PRECISION_LABELS, CHECK_REASONS, _flag

# --------------------------------------------------------------------------- the build


def tables_overview(tables: Tables) -> pd.Series:
    """How many rows each step of a build kept, as a Series to display.

    Parameters
    ----------
    tables : Tables
        From :func:`compoundmap.build_tables`.

    Returns
    -------
    pandas.Series
        Rows of the sources file; valid and rejected rows (they add up to the former);
        reports counted (active and in scope) and those kept but not counted; events;
        located places; active registry sites; operators; designations.

    Examples
    --------
    >>> tables_overview(build_tables())["events"]  # doctest: +SKIP
    333
    """
    reports = tables.reports
    counted = _flag(reports["included"])
    status = reports["record_status"].fillna("")
    active = status.isin(["", "active"])
    counts = {
        "rows in the sources file": tables.validation.n_rows,
        "valid reports": len(reports),
        "rejected rows (see rejects)": len(tables.rejects),
        "reports counted (active, in scope)": int(counted.sum()),
        "not counted: out of scope": int((active & ~counted).sum()),
        "not counted: withdrawn": int((status == "withdrawn").sum()),
        "not counted: draft": int((status == "draft").sum()),
        "events": len(tables.events),
        "places located (report x place)": len(tables.report_locations),
        "registry sites (active)": int((tables.compounds["record_status"] == "active").sum()),
        "operators": len(tables.operators),
        "designations": len(tables.designations),
    }
    return pd.Series(counts, name="rows", dtype="int64")


def match_counts(report_locations: pd.DataFrame) -> pd.DataFrame:
    """Located places by how they were located (rows) and how well (columns), with totals.

    Examples
    --------
    >>> locs = pd.DataFrame({"match_method": ["override", "exact", "exact"],
    ...                      "match_status": ["matched", "matched", "ambiguous"]})
    >>> match_counts(locs).loc["exact"].tolist()
    [1, 1, 0, 2]
    """
    require_columns(report_locations, ["match_method", "match_status"], "report_locations")
    table = pd.crosstab(
        report_locations["match_method"].fillna(""), report_locations["match_status"].fillna("")
    )
    statuses = ["matched", "ambiguous", "unmatched"]
    table = table.reindex(columns=[*statuses, *sorted(set(table.columns) - set(statuses))])
    table = table.fillna(0).astype("int64")
    table["all"] = table.sum(axis=1)
    table = table.sort_values("all", ascending=False, kind="stable")
    table.index.name, table.columns.name = "match_method", "match_status"
    return table


def precision_shares(report_locations: pd.DataFrame) -> pd.DataFrame:
    """How precisely the located places are known: places and share per precision.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``precision_label`` in scale order (site … Cambodia only, then
        unmatched), every label listed; ``places`` and ``share`` (of all places, 3
        decimals).

    Examples
    --------
    >>> locs = pd.DataFrame({"precision_label": ["site", "province only", "province only"]})
    >>> precision_shares(locs).loc["province only"].tolist()
    [2.0, 0.667]
    """
    require_columns(report_locations, ["precision_label"], "report_locations")
    found = report_locations["precision_label"].fillna(UNMATCHED_LABEL).replace("", UNMATCHED_LABEL)
    labels = [*_PRECISION_LABELS, *sorted(set(found) - set(_PRECISION_LABELS))]
    places = found.value_counts().reindex(labels, fill_value=0).astype("int64")
    total = int(places.sum())
    share = (places / total).round(3) if total else places * 0.0
    out = pd.DataFrame({"places": places, "share": share})
    out.index.name = "precision_label"
    return out


def precision_by_province(report_locations: pd.DataFrame) -> pd.DataFrame:
    """Located places per province (rows, in code order) and precision (columns).

    Parameters
    ----------
    report_locations : pandas.DataFrame
        The published ``report_locations`` table.

    Returns
    -------
    pandas.DataFrame
        Places counted by ``province_name`` (provinces with places, in code order; places
        with no province, Cambodia only or unmatched, in the last row ``"(no
        province)"``) and ``precision_label`` (every label, in scale order).

    Examples
    --------
    >>> locs = pd.DataFrame({"province_code": ["18", "", "18"],
    ...     "province_name": ["Sihanoukville", "", "Sihanoukville"],
    ...     "precision_label": ["commune", "Cambodia only", "commune"]})
    >>> precision_by_province(locs)["commune"].to_dict()
    {'Sihanoukville': 2, '(no province)': 0}
    """
    require_columns(
        report_locations, ["province_code", "province_name", "precision_label"], "report_locations"
    )
    code = report_locations["province_code"].fillna("")
    name = report_locations["province_name"].fillna("").where(code != "", _NO_PROVINCE)
    label = report_locations["precision_label"].fillna(UNMATCHED_LABEL).replace("", UNMATCHED_LABEL)
    table = pd.crosstab(name, label)
    order = (
        pd.DataFrame({"code": code.replace("", "99"), "name": name})
        .drop_duplicates("name")
        .sort_values(["code", "name"])["name"]
    )
    labels = [*_PRECISION_LABELS, *sorted(set(table.columns) - set(_PRECISION_LABELS))]
    table = table.reindex(index=list(order), columns=labels, fill_value=0).astype("int64")
    table.index.name, table.columns.name = "province_name", "precision_label"
    return table


def rows_to_check(
    report_locations: pd.DataFrame, reports: pd.DataFrame, *, reason: str | None = None
) -> pd.DataFrame:
    """Located places an analyst should check by hand, with why.

    Parameters
    ----------
    report_locations, reports : pandas.DataFrame
        The published tables (``reports`` gives the provinces the source states).
    reason : {"unmatched", "ambiguous", "province_mismatch"}, optional
        Only the places listed for this reason; default every place to check.

    Returns
    -------
    pandas.DataFrame
        One row per place: ``check`` (the reasons, ``"; "``-separated: ``unmatched`` no
        gazetteer place matched, ``ambiguous`` several matched equally well,
        ``province_mismatch`` the place lies in none of the provinces the source states),
        the report and place, what the source states and what the geocoder found.

    Raises
    ------
    ParameterError
        If ``reason`` is not one of the three (a ``ValueError``).

    Examples
    --------
    >>> rows_to_check(tables.report_locations, tables.reports, reason="unmatched")  # doctest: +SKIP
    """
    if reason is not None and reason not in CHECK_REASONS:
        raise ParameterError(f"reason {reason!r}: expected one of {', '.join(CHECK_REASONS)}")
    locs = report_locations
    require_columns(locs, ["report_id", "match_status", "province_mismatch"], "report_locations")
    require_columns(reports, ["report_id", "province_as_reported"], "reports")
    flags = {
        "unmatched": locs["match_status"].eq("unmatched").to_numpy(),
        "ambiguous": locs["match_status"].eq("ambiguous").to_numpy(),
        "province_mismatch": _flag(locs["province_mismatch"]).to_numpy(),
    }
    why = ["; ".join(r for r in CHECK_REASONS if flags[r][i]) for i in range(len(locs))]
    keep = [bool(w) and (reason is None or reason in w.split("; ")) for w in why]
    stated = reports.drop_duplicates("report_id").set_index("report_id")["province_as_reported"]
    out = pd.DataFrame(locs.drop(columns="geometry", errors="ignore"))
    out.insert(0, "check", why)
    out["province_as_reported"] = out["report_id"].map(stated)
    columns = [
        "check",
        "report_id",
        "place_index",
        "location_text",
        "location_part",
        "province_as_reported",
        "matched_name",
        "province_name",
        "district_name",
        "precision_label",
        "match_method",
        "match_score",
        "admin_flag",
    ]
    out = out.loc[keep, [c for c in columns if c in out.columns]]
    return out.sort_values(["report_id", "place_index"], kind="stable").reset_index(drop=True)
