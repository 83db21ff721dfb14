"""Province and district tables: events, reports, sources, sites and people per admin unit.

After events and compounds (… → events → compounds → **summary** / maps). Every unit is
listed, zeros included. The tables are shaped so the obvious sum is right:

- an event counts in exactly one row: its province, or the ``several_provinces``,
  ``national`` or ``unlocated`` row (``n_events_shared`` says how many events of the
  several-provinces row also concern a province);
- people columns add, per kind of count, each event's smallest (``_min``) or largest
  (``_max``) figure, never summed within an event and never across kinds; a figure about
  the whole country is never added to any row (it is in ``events.csv``), and a figure about
  one operation across several provinces is added only to the ``several_provinces`` row.

Summing a people column over all rows therefore gives the total of figures about places
below the country level, each event once. The rules are in ``docs/data.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from ._util import require_columns
from .events import people_columns
from .gazetteer import get_gazetteer
from .nationalities import nationality_summary
from .schema import COUNT_KINDS, EVENT_TYPES

__all__ = [
    "EXTRA_ROWS",
    "SCOPES_ADDED",
    "SUMMARY_COLUMNS",
    "PUBLISHER_COLUMNS",
    "SUMMARY_EVENT_COLUMNS",
    "UnitPublishers",
    "district_summary",
    "province_summary",
    "unit_publishers",
]

#: The rows after the 25 provinces, by ``row_type``, with their names.
EXTRA_ROWS: dict[str, str] = {
    "several_provinces": "(events concerning several provinces)",
    "national": "(events about Cambodia as a whole)",
    "unlocated": "(events whose place is not known)",
}
#: Figure scopes each kind of row adds up (a country-wide figure is never added); the
#: analysis functions read the same rule.
SCOPES_ADDED = {
    "province": ("site", "place", "province"),
    "several_provinces": ("site", "place", "province", "multi_province"),
    "national": (),
    "unlocated": ("site", "place", "province", "multi_province"),
    "district": ("site", "place"),
}

#: Counting columns of both summaries, after the unit's identifying columns.
SUMMARY_COLUMNS: list[str] = [
    "n_events",
    "n_events_shared",
    "n_reports",
    "n_sources",
    "n_compounds",
    "first_event_date",
    "last_event_date",
    *[f"n_{t}" for t in EVENT_TYPES],
    *people_columns(),
    "nationalities",
]
#: The events columns the summaries read, besides ``citations`` (read only for the
#: publishers of each unit, :func:`unit_publishers`).
SUMMARY_EVENT_COLUMNS = [
    "event_id",
    "event_type",
    "event_date",
    "attribution",
    "province_code",
    "province_codes",
    "district_code",
    "figure_scopes",
    "n_reports",
    *people_columns(),
    "nationalities",
]
_NEEDED = [*SUMMARY_EVENT_COLUMNS, "citations"]
#: The events columns :func:`_counts` reads (a unit's events are copied with these only).
_COUNTED = [
    "event_date",
    "event_type",
    "n_reports",
    "figure_scopes",
    *people_columns(),
    "nationalities",
]
#: The events columns :func:`unit_publishers` reads.
PUBLISHER_COLUMNS = ["attribution", "province_code", "district_code", "citations"]
#: The publishers cited per summary row: ``"province"`` maps a province code (or the
#: ``row_type`` of an extra row) to its set, ``"district"`` a district code.
UnitPublishers = dict[str, dict[str, set[str]]]


def _scopes(text: str) -> dict[str, str]:
    """``"rescued: site; detained: place"`` → ``{"rescued": "site", "detained": "place"}``."""
    out: dict[str, str] = {}
    for part in str(text or "").split(";"):
        kind, _, scope = part.partition(":")
        if kind.strip():
            out[kind.strip()] = scope.strip()
    return out


def _kind_scopes(figure_scopes: pd.Series) -> dict[str, np.ndarray]:
    """Per count kind, the scope of each event's figure of that kind (``""`` when none).

    Each distinct ``figure_scopes`` text is parsed once (:func:`_scopes`).
    """
    codes, texts = pd.factorize(figure_scopes.to_numpy(dtype=object), use_na_sentinel=False)
    parsed = [_scopes(t) for t in texts]
    return {
        kind: np.array([p.get(kind, "") for p in parsed], dtype=object)[codes]
        if len(codes)
        else np.array([], dtype=object)
        for kind in COUNT_KINDS
    }


def unit_publishers(chunks: Iterable[pd.DataFrame]) -> UnitPublishers:
    """The publishers the events of each summary row cite (``n_sources``), from the events
    in chunks (``attribution``, ``province_code``, ``district_code``, ``citations``): the
    sets of the chunks add up, so the events need not be whole.

    Examples
    --------
    >>> import pandas as pd
    >>> ev = pd.DataFrame({"attribution": ["province", "national"],
    ...     "province_code": ["22", ""], "district_code": ["2204", ""],
    ...     "citations": ['[{"publisher":"A"}]', '[{"publisher":"B"},{"publisher":""}]']})
    >>> unit_publishers([ev])
    {'province': {'22': {'A'}, 'national': {'B'}}, 'district': {'2204': {'A'}}}
    """
    out: UnitPublishers = {"province": {}, "district": {}}
    for events in chunks:
        for row_type, province, district, citations in zip(
            *(events[c].to_numpy(dtype=object) for c in PUBLISHER_COLUMNS), strict=True
        ):
            cited = {c["publisher"] for c in json.loads(citations) if c["publisher"]}
            local = row_type == "province"
            out["province"].setdefault(province if local else row_type, set()).update(cited)
            if local and district != "":
                out["district"].setdefault(district, set()).update(cited)
    return out


def _counts(
    events: pd.DataFrame, row_type: str, n_compounds: int, shared: int, cited: set[str]
) -> dict[str, Any]:
    dates = sorted(d for d in events["event_date"] if d)
    types = Counter(events["event_type"])
    record: dict[str, Any] = {
        "n_events": len(events),
        "n_events_shared": shared,
        "n_reports": int(events["n_reports"].sum()) if len(events) else 0,
        "n_sources": len(cited),
        "n_compounds": n_compounds,
        "first_event_date": dates[0] if dates else "",
        "last_event_date": dates[-1] if dates else "",
        **{f"n_{t}": types.get(t, 0) for t in EVENT_TYPES},
    }
    added = SCOPES_ADDED[row_type]
    scopes = _kind_scopes(events["figure_scopes"])
    for kind in COUNT_KINDS:
        counted = np.isin(scopes[kind], added)
        for bound in ("min", "max"):
            col = f"people_{kind}_{bound}"
            if row_type == "national":
                record[col] = None  # country-wide figures: events.csv, never summed
                continue
            values = events[col]
            ok = counted & values.notna().to_numpy(dtype=bool)
            record[col] = sum(int(v) for v in values.to_numpy(dtype=object)[ok])
    record["nationalities"] = nationality_summary(events["nationalities"])
    return record


def _frame(records: list[dict[str, Any]], keys: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(records, columns=keys + SUMMARY_COLUMNS)
    for col in out.columns:
        if col.startswith("people_"):
            out[col] = out[col].astype("Int64")
        elif col.startswith("n_"):
            out[col] = out[col].astype("int64")
        else:
            out[col] = out[col].fillna("").astype("string")
    return out


class _Split:
    """The events ``chosen`` per value of ``column``, in table order: grouped in one pass
    over that column, each unit's rows copied only when asked for (one unit's copy at a
    time; the chosen events are never copied together)."""

    def __init__(
        self, events: pd.DataFrame, chosen: pd.Series, column: str, cited: dict[str, set[str]]
    ) -> None:
        self.events, self.cited = events, cited
        at = np.flatnonzero(chosen.to_numpy(dtype=bool))
        keys = pd.DataFrame({"key": events[column].to_numpy()[at]})
        found = keys.groupby("key", sort=False).indices.items()
        self.rows = {str(k): at[np.asarray(v, dtype="int64")] for k, v in found}
        self._empty: dict[str, dict[str, Any]] = {}

    def counts(self, code: str, row_type: str, n_compounds: int, shared: int) -> dict[str, Any]:
        """:func:`_counts` of the unit's events; the record of a unit without events is made
        once per row type (most units have none)."""
        rows = self.rows.get(code)
        if rows is not None:
            unit = self.events[_COUNTED].take(rows)
            return _counts(unit, row_type, n_compounds, shared, self.cited.get(code, set()))
        if row_type not in self._empty:
            self._empty[row_type] = _counts(self.events.iloc[:0], row_type, 0, 0, set())
        return {**self._empty[row_type], "n_compounds": n_compounds, "n_events_shared": shared}


def _publishers_of(events: pd.DataFrame, given: UnitPublishers | None) -> UnitPublishers:
    """The publishers per row given, else read from the events' ``citations``."""
    if given is not None:
        require_columns(events, SUMMARY_EVENT_COLUMNS, "events")
        return given
    require_columns(events, _NEEDED, "events")
    return unit_publishers([events])


def _sites_by(compounds: pd.DataFrame, column: str) -> Counter[str]:
    active = compounds[compounds["record_status"] == "active"]
    return Counter(str(v) for v in active[column].fillna(""))


def province_summary(
    events: pd.DataFrame, compounds: pd.DataFrame, *, publishers: UnitPublishers | None = None
) -> pd.DataFrame:
    """One row per province (all 25, zeros included), then one per kind of other attribution.

    Parameters
    ----------
    events : pandas.DataFrame
        :func:`compoundmap.events.build_events` output.
    compounds : pandas.DataFrame
        :func:`compoundmap.compounds.build_compounds` output (``n_compounds`` counts the
        active registry sites located in the province).
    publishers : dict, optional
        :func:`unit_publishers` of the events, when the caller reads them in chunks; then
        ``events`` needs only :data:`SUMMARY_EVENT_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        ``province_code, province_pcode, province_name, row_type`` and
        :data:`SUMMARY_COLUMNS`; 25 ``province`` rows in code order, then the
        ``several_provinces``, ``national`` and ``unlocated`` rows (empty codes).
    """
    publishers = _publishers_of(events, publishers)
    require_columns(compounds, ["record_status", "province_code"], "compounds")
    gaz = get_gazetteer()
    provinces = gaz.units[gaz.units["level"] == 1].sort_values("code")
    sites = _sites_by(compounds, "province_code")
    several = events.loc[events["attribution"] == "several_provinces", "province_codes"]
    cited = publishers["province"]
    by_province = _Split(events, events["attribution"] == "province", "province_code", cited)
    records = []
    for unit in provinces.itertuples(index=False):
        code = str(unit.code)
        shared = sum(code in str(p).split("; ") for p in several)
        records.append(
            {
                "province_code": code,
                "province_pcode": str(unit.pcode or ""),
                "province_name": str(unit.name_en),
                "row_type": "province",
                **by_province.counts(code, "province", sites.get(code, 0), shared),
            }
        )
    for row_type, name in EXTRA_ROWS.items():
        own = events.loc[events["attribution"] == row_type, _COUNTED]
        records.append(
            {
                "province_code": "",
                "province_pcode": "",
                "province_name": name,
                "row_type": row_type,
                **_counts(
                    own,
                    row_type,
                    sites.get("", 0) if row_type == "unlocated" else 0,
                    0,
                    cited.get(row_type, set()),
                ),
            }
        )
    return _frame(records, ["province_code", "province_pcode", "province_name", "row_type"])


def district_summary(
    events: pd.DataFrame, compounds: pd.DataFrame, *, publishers: UnitPublishers | None = None
) -> pd.DataFrame:
    """One row per district of 2025 (all 210, zeros included).

    An event counts in a district when all its places lie in that one district; people
    columns add only figures about a site or a named place (a province-wide figure is not
    about one district). Events known only to their province are in
    :func:`province_summary`. ``publishers`` as in :func:`province_summary`.

    Parameters
    ----------
    events : pandas.DataFrame
        :func:`compoundmap.events.build_events` output.
    compounds : pandas.DataFrame
        :func:`compoundmap.compounds.build_compounds` output (``n_compounds`` counts the
        active registry sites located in the district).
    publishers : dict, optional
        :func:`unit_publishers` of the events, when the caller reads them in chunks; then
        ``events`` needs only :data:`SUMMARY_EVENT_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        ``district_code, district_pcode, district_name, province_code, province_name`` and
        :data:`SUMMARY_COLUMNS`, one row per district in code order.

    Raises
    ------
    MissingColumnError
        If ``events`` or ``compounds`` lacks a column it needs.
    """
    publishers = _publishers_of(events, publishers)
    require_columns(compounds, ["record_status", "district_code"], "compounds")
    gaz = get_gazetteer()
    districts = gaz.units[gaz.units["level"] == 2].sort_values("code")
    sites = _sites_by(compounds, "district_code")
    local = (events["attribution"] == "province") & (events["district_code"] != "")
    by_district = _Split(events, local, "district_code", publishers["district"])
    records = []
    for unit in districts.itertuples(index=False):
        code = str(unit.code)
        records.append(
            {
                "district_code": code,
                "district_pcode": str(unit.pcode or ""),
                "district_name": str(unit.name_en),
                "province_code": str(unit.province_code),
                "province_name": gaz.name(str(unit.province_code)),
                **by_district.counts(code, "district", sites.get(code, 0), 0),
            }
        )
    keys = ["district_code", "district_pcode", "district_name", "province_code", "province_name"]
    return _frame(records, keys)
