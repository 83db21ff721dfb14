"""What the analyst notebooks compute: counts, shares, ranges and one-province profiles.

The last layer of the flow (… → summaries and maps → **analysis**): every function reads the
published tables (:func:`compoundmap.build_tables` in memory, or
:func:`compoundmap.read_table` from disk) and returns a table ready to display, so the
notebooks only call the library and show the result. The counting rules are those of the
tables themselves (``docs/data.md``): an event counts once, figures of people are ranges
per kind and never add across kinds, and a figure about the whole country is never added
to anything. The notebook helpers at the end validate papermill parameters (one line, no
traceback) and show repeated warnings once.
"""

from __future__ import annotations

import re
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .errors import CompoundmapError, GazetteerError, MissingColumnError
from .gazetteer import get_gazetteer
from .nationalities import nationality_counts, nationality_label
from .normalize import ADMIN_WORDS, PROVINCE, name_key
from .schema import COUNT_KINDS, EVENT_TYPES, UNMATCHED_LABEL, Precision
from .summary import _SCOPES_ADDED

if TYPE_CHECKING:
    from .pipeline import Tables

__all__ = [
    "CHECK_REASONS",
    "NotebookParameters",
    "ParameterError",
    "districts_with_events",
    "events_by_province",
    "events_by_type",
    "events_by_year",
    "events_in_province",
    "match_counts",
    "national_figures",
    "nationalities_by_event",
    "notebook_parameters",
    "people_by_kind",
    "people_by_province",
    "precision_by_province",
    "precision_shares",
    "province_list",
    "province_parameter",
    "province_profile",
    "reports_in_province",
    "resolve_province",
    "rows_to_check",
    "setup_notebook",
    "summary_counts",
    "tables_overview",
]

#: Why a located place is listed by :func:`rows_to_check`.
CHECK_REASONS = ("unmatched", "ambiguous", "province_mismatch")
#: Precision labels in scale order, finest first, then places the geocoder could not match.
_PRECISION_LABELS = [*(p.label for p in Precision), UNMATCHED_LABEL]
_NO_DATE = "no date"
_NO_PROVINCE = "(no province)"


def _require(df: pd.DataFrame, columns: Iterable[str], where: str) -> None:
    for col in columns:
        if col not in df.columns:
            raise MissingColumnError(col, list(df.columns), where)


def _flag(values: pd.Series) -> pd.Series:
    """A flag column as plain bools (published ``boolean`` columns may hold missing values)."""
    return values.astype("boolean").fillna(False).astype(bool)


def _text(value: object) -> str:
    """A text cell as str: missing values (None, NaN, pd.NA) are empty."""
    return value if isinstance(value, str) else ""


def _codes(value: object) -> list[str]:
    """``"12; 18"`` → ``["12", "18"]`` (the tables' ``; ``-separated code lists)."""
    return [c.strip() for c in _text(value).split(";") if c.strip()]


def _figure_scopes(value: object) -> dict[str, str]:
    """``"rescued: site; other: country"`` → ``{"rescued": "site", "other": "country"}``."""
    out: dict[str, str] = {}
    for part in _text(value).split(";"):
        kind, _, scope = part.partition(":")
        if kind.strip():
            out[kind.strip()] = scope.strip()
    return out


# --------------------------------------------------------------------------- provinces


@lru_cache(maxsize=1)
def _province_words() -> tuple[str, ...]:
    """Non-Latin words meaning "province" (ខេត្ត, រាជធានី, ...); ``name_key`` keeps them."""
    return tuple(w for w, level in ADMIN_WORDS.items() if level == PROVINCE and not w.isascii())


def _key(text: str) -> str:
    """Lookup key of a province name: case, accents, spacing and admin words folded."""
    key = name_key(text)
    for word in _province_words():
        if key.startswith(word) and key != word:
            key = key[len(word) :]
        if key.endswith(word) and key != word:
            key = key[: -len(word)]
    return key


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Province names → codes; district and commune names → their codes (for messages)."""
    aliases = get_gazetteer().aliases
    provinces: dict[str, set[str]] = {}
    others: dict[str, list[str]] = {}
    official = {"name_en_2025", "name_km_2025", "name_en_hdx_2018"}
    for alias, code, level, kind in zip(
        aliases["alias"], aliases["code"], aliases["level"], aliases["kind"], strict=True
    ):
        key = _key(str(alias))
        if not key:
            continue
        if int(level) == 1:
            provinces.setdefault(key, set()).add(str(code))
        elif kind in official:
            others.setdefault(key, []).append(str(code))
    return (
        {k: frozenset(v) for k, v in provinces.items()},
        {k: tuple(sorted(set(v))) for k, v in others.items()},
    )


def _province_codes() -> list[str]:
    return [str(c) for c in get_gazetteer().provinces()["code"]]


def _valid_list() -> str:
    gaz = get_gazetteer()
    return ", ".join(f"{c} {gaz.name(c)}" for c in _province_codes())


def _describe_units(codes: Iterable[str]) -> str:
    """``"district 2008 Bavet (in Svay Rieng)"`` for each code, at most three."""
    gaz = get_gazetteer()
    names = {2: "district", 3: "commune"}
    found = list(codes)
    parts = []
    for c in found[:3]:
        unit = gaz.unit(c)
        where = gaz.name(str(unit["province_code"]))
        parts.append(f"{names.get(int(unit['level']), 'unit')} {c} {unit['name_en']} (in {where})")
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    return ", ".join(parts) + more


def _not_a_province(value: object, why: str) -> GazetteerError:
    return GazetteerError(
        f"province {value!r}: {why}; give a MEF 2025 province code (01 to 25, or the number "
        f"1 to 25), a P-code (KH01 to KH25) or a province name in English or Khmer: "
        f"{_valid_list()}"
    )


def _as_text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        raise _not_a_province(value, f"neither a code nor a name ({type(value).__name__})")
    if isinstance(value, float):
        if not value.is_integer():
            raise _not_a_province(value, "not a whole number")
        return str(int(value))
    if isinstance(value, int) or hasattr(value, "__index__"):
        return str(int(value))
    if isinstance(value, str):
        return value.strip()
    raise _not_a_province(value, f"neither a code nor a name ({type(value).__name__})")


def _from_code(value: object, text: str) -> str:
    gaz = get_gazetteer()
    code = f"{int(text):02d}" if len(text) <= 2 else text  # int() reads Khmer digits too
    if code in _province_codes():
        return code
    if gaz.has(code):
        raise _not_a_province(value, f"that is the code of {_describe_units([code])}")
    raise _not_a_province(value, "no province has this code")


def _from_pcode(value: object, text: str) -> str:
    units = get_gazetteer().units
    found = units.loc[units["pcode"] == text.upper()]
    if found.empty:
        raise _not_a_province(value, "no province has this P-code")
    row = found.iloc[0]
    if int(row["level"]) != 1:
        raise _not_a_province(value, f"that is the P-code of {_describe_units([row['code']])}")
    return str(row["code"])


def _from_name(value: object, text: str) -> str:
    provinces, others = _names()
    if not any(ch.isalpha() for ch in text):  # "-3", "7.5": a number, not a name
        raise _not_a_province(value, "no province has this code")
    key = _key(text)
    codes = provinces.get(key, frozenset())
    if len(codes) == 1:
        return next(iter(codes))
    if codes:
        names = ", ".join(f"{c} {get_gazetteer().name(c)}" for c in sorted(codes))
        raise _not_a_province(value, f"this name fits several provinces ({names})")
    if key in others:
        raise _not_a_province(value, f"that is the name of {_describe_units(others[key])}")
    raise _not_a_province(value, "no province has this name")


def resolve_province(value: object) -> str:
    """The MEF 2025 code of a province given by code, number, P-code or name.

    Parameters
    ----------
    value : str or int
        A code with or without its leading zero (``"07"``, ``"7"``, Khmer digits too), an
        integer (``7``, as ``papermill -p province 07`` passes it), an OCHA/HDX P-code
        (``"KH07"``), or a province name in English or Khmer, any case and spacing, with
        or without "province"/"khet" (``"Kampot"``, ``"Preah Sihanouk"``,
        ``"Sihanoukville"``, ``"កំពត"``): every name the gazetteer knows for a province.

    Returns
    -------
    str
        The two-digit MEF 2025 province code.

    Raises
    ------
    GazetteerError
        When the value is no province (an unknown code or name, or the code or name of a
        district or commune); the message names the value, says why and lists the 25
        provinces.

    Examples
    --------
    >>> resolve_province(7), resolve_province("KH07"), resolve_province("kampot province")
    ('07', '07', '07')
    >>> resolve_province("Preah Sihanouk"), resolve_province("ព្រះសីហនុ")
    ('18', '18')
    >>> resolve_province("1801")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    compoundmap.errors.GazetteerError: province '1801': that is the code of district 1801 ...
    """
    text = _as_text(value)
    if not text:
        raise _not_a_province(value, "empty")
    if text.isdecimal():
        return _from_code(value, text)
    if re.fullmatch(r"(?i)KH\d+", text):
        return _from_pcode(value, text)
    return _from_name(value, text)


def province_list() -> pd.DataFrame:
    """The 25 provinces: code, P-code, English and Khmer names, indexed by code.

    Examples
    --------
    >>> province_list().loc["18", "name_en"]
    'Sihanoukville'
    """
    provinces = get_gazetteer().provinces()
    return provinces.set_index("code")[["pcode", "name_en", "name_km"]]


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
    340
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
    _require(report_locations, ["match_method", "match_status"], "report_locations")
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
    _require(report_locations, ["precision_label"], "report_locations")
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
    _require(
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

    Examples
    --------
    >>> rows_to_check(tables.report_locations, tables.reports, reason="unmatched")  # doctest: +SKIP
    """
    if reason is not None and reason not in CHECK_REASONS:
        raise ValueError(f"reason {reason!r}: expected one of {', '.join(CHECK_REASONS)}")
    locs = report_locations
    _require(locs, ["report_id", "match_status", "province_mismatch"], "report_locations")
    _require(reports, ["report_id", "province_as_reported"], "reports")
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
    340
    """
    keys = [
        c
        for c in ("district_code", "district_name", "province_code", "province_name", "row_type")
        if c in summary.columns
    ]
    counts = ["n_events", "n_events_shared", "n_reports", "n_sources", "n_compounds"]
    dates = ["first_event_date", "last_event_date", "nationalities"]
    _require(summary, [*counts, *dates], "summary")
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
    _require(province_summary, ["province_name", "n_events"], "province_summary")
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
    _require(events, ["event_date"], "events")
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
    _require(events, ["event_type"], "events")
    counts = events["event_type"].fillna("").value_counts()
    rank = {t: i for i, t in enumerate(EVENT_TYPES)}
    order = sorted(counts.index, key=lambda t: (-int(counts[t]), rank.get(t, len(rank)), t))
    out = counts.reindex(order).astype("int64")
    out.index.name, out.name = "event_type", "events"
    return out


def _figure_table(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, kind of figure): its range, scope and attribution."""
    _require(
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
        scope in _SCOPES_ADDED.get(attribution, ())
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
    _require(events, extra, "events")
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
    _require(province_summary, ["province_name"], "province_summary")
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
    _require(events, ["event_id", "nationalities"], "events")
    frame = events[["event_id", "nationalities"]].rename(columns={"event_id": "report_id"})
    counts = nationality_counts(frame).rename(columns={"n_reports": "n_events"})
    counts["label"] = [
        nationality_label(str(c), str(n))
        for c, n in zip(counts["country_code"], counts["country_name"], strict=True)
    ]
    return counts


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
    _require(events, ["attribution", "province_code", "province_codes"], "events")
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
    _require(reports, ["included", "province_codes"], "reports")
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
        from .pipeline import build_tables

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


# --------------------------------------------------------------------------- notebooks


class ParameterError(CompoundmapError, ValueError):
    """A notebook parameter is not valid.

    Jupyter (and so papermill) shows it as its one-line message, without a traceback: the
    message already names the parameter, the value and what would be valid, and a
    traceback into the library would only hide it. ``papermill`` then stops before any
    work and exits non-zero.
    """

    def _render_traceback_(self) -> list[str]:  # IPython's hook for custom tracebacks
        return [f"{type(self).__name__}: {self}"]


def province_parameter(value: object) -> str:
    """Check a notebook's ``province`` parameter: its MEF code, or stop with one line.

    Parameters
    ----------
    value : str or int
        Anything :func:`resolve_province` accepts.

    Raises
    ------
    ParameterError
        If it is no province: the one-line message names the value and lists the 25
        provinces.

    Examples
    --------
    >>> province_parameter(7)
    '07'
    """
    try:
        return resolve_province(value)
    except GazetteerError as exc:
        raise ParameterError(f"parameter {exc}") from None


@dataclass(frozen=True)
class NotebookParameters:
    """A notebook's checked ``sources`` and ``output_dir`` parameters.

    Attributes
    ----------
    sources : pathlib.Path or None
        The reports CSV to read, or None for the bundled one.
    output_dir : pathlib.Path
        An existing folder to write into.
    """

    sources: Path | None
    output_dir: Path


def notebook_parameters(
    sources: str | Path | None = None,
    output_dir: str | Path | None = None,
    *,
    prefix: str = "compoundmap-",
) -> NotebookParameters:
    """Check a notebook's ``sources`` and ``output_dir`` parameters, or stop with one line.

    Parameters
    ----------
    sources : path, optional
        A reports CSV; it must exist. None reads the bundled sources.
    output_dir : path, optional
        Where the notebook writes; created if missing. None makes a new temporary folder
        (named with ``prefix``), so running a notebook never writes into the repository.
    prefix : str, default "compoundmap-"
        Start of the temporary folder's name.

    Raises
    ------
    ParameterError
        If ``sources`` is not a file or ``output_dir`` cannot be a folder.

    Examples
    --------
    >>> params = notebook_parameters(None, None, prefix="report-")  # doctest: +SKIP
    >>> params.output_dir  # doctest: +SKIP
    PosixPath('/tmp/report-k2j4x9a1')
    """
    src = Path(sources).expanduser() if sources is not None else None
    if src is not None and not src.is_file():
        why = "is a folder" if src.is_dir() else "does not exist"
        raise ParameterError(f"parameter sources: {str(src)!r} {why}; give a reports CSV file")
    if output_dir is None:
        return NotebookParameters(src, Path(tempfile.mkdtemp(prefix=prefix)))
    out = Path(output_dir).expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParameterError(
            f"parameter output_dir: cannot use {str(out)!r} as a folder: {exc.strerror or exc}"
        ) from None
    return NotebookParameters(src, out)


def _show_once(show: Any) -> Any:
    """Wrap a ``warnings.showwarning`` so that it shows each (category, text) once."""
    shown: set[tuple[type[Warning], str]] = set()

    def show_once(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: Any = None,
        line: str | None = None,
    ) -> None:
        key = (category, str(message))
        if key not in shown:
            shown.add(key)
            show(message, category, filename, lineno, file, line)

    show_once.compoundmap_once = True  # type: ignore[attr-defined]
    return show_once


def setup_notebook(*, max_rows: int = 200, max_colwidth: int = 80) -> None:
    """Set up a notebook session: each distinct warning shown once, readable tables.

    From this call on, a warning whose category and text were already shown in this
    session is not shown again, whichever line or cell raises it and however often the
    tables are rebuilt (Python's own ``"once"`` filter forgets what it showed whenever
    the filters change, as they do in every ``build_tables``). Which warnings are shown
    at all is still up to the filters: hidden ones stay hidden, errors stay errors. Also
    sets pandas' ``display.max_rows`` and ``display.max_colwidth``. Safe to call again.

    Examples
    --------
    >>> setup_notebook(max_rows=50)  # doctest: +SKIP
    >>> pd.get_option("display.max_rows")  # doctest: +SKIP
    50
    """
    if not getattr(warnings.showwarning, "compoundmap_once", False):
        warnings.showwarning = _show_once(warnings.showwarning)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.max_colwidth", max_colwidth)
