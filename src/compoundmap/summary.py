"""Province and district tables: how many reports, compounds and sources each admin unit has.

Sits after compounds in the flow (sources → geocode → boundaries → compounds → **summary** /
maps). Every unit is listed, zeros included. Counts of people are kept per event type:
"detained", "rescued" and "deported" are different meanings and are never added together.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

import pandas as pd

from .errors import MissingColumnError
from .gazetteer import get_gazetteer
from .geoparse import extract_nationalities
from .sources import EVENT_TYPES

__all__ = [
    "NATIONALITY_COLUMNS",
    "NO_PROVINCE_NAME",
    "UNRESOLVED_NATIONALITY",
    "district_summary",
    "nationality_counts",
    "people_by_event",
    "province_summary",
]

#: Name of the extra province-summary row for reports located in no province (country-level
#: statements and warnings, and rows the geocoder could not place).
NO_PROVINCE_NAME = "(no province: Cambodia-level or unlocated reports)"

#: Columns of :func:`nationality_counts`.
NATIONALITY_COLUMNS = [
    "country_code",
    "alpha_3",
    "country_name",
    "n_reports",
    "n_mentions",
    "written_as",
]

#: Mark after a nationality that names no single country, kept as the source writes it.
UNRESOLVED_NATIONALITY = "as written"

_NEEDED = [
    "report_id",
    "compound_id",
    "province_code",
    "event_type",
    "event_date",
    "victims_count",
    "nationalities",
    "source_publisher",
]


def _check(df: pd.DataFrame, columns: Iterable[str], where: str) -> None:
    for col in columns:
        if col not in df.columns:
            raise MissingColumnError(col, list(df.columns), where)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _int_or_none(value: object) -> int | None:
    if value is None or value is pd.NA:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else int(number)


def _dates_compatible(a: str, b: str) -> bool:
    """Both dated and one contains the other ("2024-03" and "2024-03-16")."""
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def _compounds_compatible(a: str, b: str) -> bool:
    return not a or not b or bool(set(a.split(";")) & set(b.split(";")))


def people_by_event(reports: pd.DataFrame) -> pd.DataFrame:
    """Group reports into events and keep the range of figures the sources give.

    Two groupings are made. An **event** (``event_key``) is a set of reports that surely
    describe one event: the same single compound, the same ``event_type`` and the same
    non-empty ``event_date``; any other report is its own event. A **possible event**
    (``possible_key``) joins, transitively, reports of the same ``event_type`` whose dates
    could be the same day (one contains the other: "2024-03" and "2024-03-16") and whose
    compounds do not differ (the same, or one names none). Undated reports are never joined.

    Summing ``people_max`` over events gives an upper bound of the people involved (only
    sure duplicates merged, the largest figure of each); summing, over possible events, the
    smallest ``people_min`` gives a lower bound (every possible duplicate merged, the
    smallest figure). Figures are never averaged.

    Parameters
    ----------
    reports : pandas.DataFrame
        One row per report (duplicates of a ``report_id`` are dropped) with ``report_id,
        compound_id, event_type, event_date, victims_count``.

    Returns
    -------
    pandas.DataFrame
        ``event_key, possible_key, event_type, event_date, report_ids, people_min,
        people_max, n_reports``, one row per event, sorted by ``event_key``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"report_id": ["R1", "R2", "R3"],
    ...     "compound_id": ["C22-x", "C22-x", ""], "event_type": ["rescue"] * 3,
    ...     "event_date": ["2024-03", "2024-03", "2024-03-16"], "victims_count": [19, 11, 15]})
    >>> ev = people_by_event(df)
    >>> ev[["people_min", "people_max", "n_reports"]].values.tolist()
    [[11, 19, 2], [15, 15, 1]]
    >>> ev["possible_key"].nunique()
    1
    """
    _check(
        reports,
        ["report_id", "compound_id", "event_type", "event_date", "victims_count"],
        "reports",
    )
    unique = reports.drop_duplicates("report_id")
    events: dict[str, dict[str, Any]] = {}
    for rid, cid, etype, edate, count in zip(
        unique["report_id"].astype(str).tolist(),
        unique["compound_id"].map(_text).tolist(),
        unique["event_type"].map(_text).tolist(),
        unique["event_date"].map(_text).tolist(),
        unique["victims_count"].tolist(),
        strict=True,
    ):
        if cid and ";" not in cid and edate:
            key = f"{cid}|{etype}|{edate}"
        else:
            key = f"report|{rid}"
        entry = events.setdefault(
            key,
            {"event_type": etype, "event_date": edate, "compound": cid, "ids": [], "figures": []},
        )
        entry["ids"].append(rid)
        figure = _int_or_none(count)
        if figure is not None:
            entry["figures"].append(figure)
    possible = _possible_events(events)
    rows = [
        {
            "event_key": key,
            "possible_key": possible[key],
            "event_type": e["event_type"],
            "event_date": e["event_date"],
            "report_ids": "; ".join(sorted(e["ids"])),
            "people_min": min(e["figures"]) if e["figures"] else None,
            "people_max": max(e["figures"]) if e["figures"] else None,
            "n_reports": len(e["ids"]),
        }
        for key, e in sorted(events.items())
    ]
    columns = [
        "event_key",
        "possible_key",
        "event_type",
        "event_date",
        "report_ids",
        "people_min",
        "people_max",
        "n_reports",
    ]
    out = pd.DataFrame(rows, columns=columns)
    for col in ("people_min", "people_max", "n_reports"):
        out[col] = out[col].astype("Int64")
    return out


def _possible_events(events: dict[str, dict[str, Any]]) -> dict[str, str]:
    """event_key → key of its possible event (the smallest event_key it is joined with)."""
    parent = {key: key for key in events}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    # Compatible dates share their year, so only events of one type and year are compared.
    buckets: dict[tuple[str, str], list[str]] = {}
    for key, e in events.items():
        if e["event_date"]:
            buckets.setdefault((e["event_type"], e["event_date"][:4]), []).append(key)
    for keys in buckets.values():
        keys.sort()
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                ea, eb = events[a], events[b]
                if _dates_compatible(ea["event_date"], eb["event_date"]) and (
                    _compounds_compatible(ea["compound"], eb["compound"])
                ):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[max(ra, rb)] = min(ra, rb)
    return {key: find(key) for key in events}


class _Country(NamedTuple):
    code: str
    alpha_3: str
    name: str


# Words that may stand beside a demonym without changing which country is meant
# ("Chinese nationals"); any other word ("ethnic Chinese") leaves the value as written.
_FILLER_WORDS = frozenset(
    {"national", "nationals", "citizen", "citizens", "nationality", "people", "worker", "workers"}
)
_LEFTOVER_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _country_of(value: str) -> _Country | None:
    """The one country a nationality value names, or None (no country, or several)."""
    mentions = extract_nationalities(value)
    if not mentions or len({m.country_code for m in mentions}) != 1:
        return None
    leftover = list(value)
    for m in mentions:
        leftover[m.start : m.end] = " " * (m.end - m.start)
    words = _LEFTOVER_WORD_RE.findall("".join(leftover).casefold())
    if any(w not in _FILLER_WORDS for w in words):
        return None
    first = mentions[0]
    return _Country(first.country_code, first.alpha_3, first.country_name)


def _nationality_values(value: object) -> list[str]:
    return [n.strip() for n in _text(value).split(";") if n.strip()]


def _nationality_rows(values: Iterable[object]) -> list[dict[str, Any]]:
    """Rows of :func:`nationality_counts` from each report's ``nationalities`` field."""
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for value in values:
        seen: set[tuple[str, str]] = set()
        for written in _nationality_values(value):
            country = _country_of(written)
            key = (country.code, country.name) if country else ("", written)
            entry = entries.setdefault(
                key,
                {
                    "country_code": key[0],
                    "alpha_3": country.alpha_3 if country else "",
                    "country_name": key[1],
                    "n_reports": 0,
                    "n_mentions": 0,
                    "forms": set(),
                },
            )
            entry["n_mentions"] += 1
            entry["forms"].add(written)
            if key not in seen:
                entry["n_reports"] += 1
                seen.add(key)
    return [
        {
            **{k: v for k, v in e.items() if k != "forms"},
            "written_as": "; ".join(sorted(e["forms"])),
        }
        for e in sorted(
            entries.values(),
            key=lambda e: (-e["n_reports"], e["country_name"], e["country_code"]),
        )
    ]


def nationality_counts(reports: pd.DataFrame) -> pd.DataFrame:
    """Count the reports naming each country, merging the ways sources write a nationality.

    Each ``;``-separated value of ``nationalities`` is looked up as a country name or demonym
    (:func:`compoundmap.geoparse.extract_nationalities`, ``data/raw/gazetteer/demonyms.csv``):
    "Lao" and "Laotian" both count for Laos (``LA``). A value naming no country ("African",
    "foreign") or several ("Chinese-Malaysian"), or with a word that changes its meaning
    ("ethnic Chinese"), is never dropped: it is kept as written, with an empty code.

    Parameters
    ----------
    reports : pandas.DataFrame
        With ``report_id`` and ``nationalities``; one row per report or per (report, place)
        (a report counts once).

    Returns
    -------
    pandas.DataFrame
        :data:`NATIONALITY_COLUMNS`: ``country_code`` (ISO 3166-1 alpha-2, empty when
        unresolved), ``alpha_3``, ``country_name`` (the country's common English name, or
        the value as written), ``n_reports`` (reports naming it), ``n_mentions`` (values
        naming it; more than ``n_reports`` when a report names a country twice, as in
        "Lao; Laotian") and ``written_as`` (the distinct forms, ``"; "``-separated). Sorted
        by ``n_reports`` (most first), then ``country_name`` and ``country_code``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"report_id": ["R1", "R2", "R3"],
    ...     "nationalities": ["Lao; Thai", "Laotian", "African"]})
    >>> nationality_counts(df)[["country_code", "country_name", "n_reports"]].values.tolist()
    [['LA', 'Laos', 2], ['', 'African', 1], ['TH', 'Thailand', 1]]
    """
    _check(reports, ["report_id", "nationalities"], "reports")
    unique = reports.drop_duplicates("report_id")
    rows = _nationality_rows(unique["nationalities"].tolist())
    out = pd.DataFrame(rows, columns=NATIONALITY_COLUMNS)
    for col in NATIONALITY_COLUMNS:
        if col.startswith("n_"):
            out[col] = out[col].astype("int64")
        else:
            out[col] = out[col].fillna("").astype("string")
    return out


def _nationality_label(code: str, name: str) -> str:
    return f"{name} ({code})" if code else f"{name} ({UNRESOLVED_NATIONALITY})"


def _counts(rows: pd.DataFrame, n_compounds: int) -> dict[str, Any]:
    """Counts for one admin unit from its (report, place) rows."""
    unique = rows.drop_duplicates("report_id")
    dates = sorted(d for d in unique["event_date"].map(_text) if d)
    record: dict[str, Any] = {
        "n_reports": len(unique),
        "n_compounds": n_compounds,
        "n_sources": len(set(unique["source_publisher"].map(_text)) - {""}),
        "first_event_date": dates[0] if dates else "",
        "last_event_date": dates[-1] if dates else "",
    }
    types = Counter(unique["event_type"].map(_text))
    for etype in EVENT_TYPES:
        record[f"n_{etype}"] = types.get(etype, 0)
    events = people_by_event(unique) if len(unique) else None
    for etype in EVENT_TYPES:
        if events is None:
            record[f"people_{etype}_min"] = 0
            record[f"people_{etype}_max"] = 0
            continue
        sel = events[events["event_type"] == etype]
        low = sel.groupby("possible_key")["people_min"].min().fillna(0).sum()
        record[f"people_{etype}_min"] = int(low)
        record[f"people_{etype}_max"] = int(sel["people_max"].fillna(0).sum())
    record["nationalities"] = "; ".join(
        f"{_nationality_label(r['country_code'], r['country_name'])}: {r['n_reports']}"
        for r in _nationality_rows(unique["nationalities"].tolist())
    )
    return record


def _summary_columns() -> list[str]:
    cols = ["n_reports", "n_compounds", "n_sources", "first_event_date", "last_event_date"]
    cols += [f"n_{t}" for t in EVENT_TYPES]
    for etype in EVENT_TYPES:
        cols += [f"people_{etype}_min", f"people_{etype}_max"]
    return [*cols, "nationalities"]


def _frame(records: list[dict[str, Any]], keys: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(records, columns=keys + _summary_columns())
    for col in out.columns:
        if col.startswith(("n_", "people_")):
            out[col] = out[col].astype("int64")
        else:
            out[col] = out[col].fillna("").astype("string")
    return out


def _prepare(reports: pd.DataFrame, compounds: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    _check(reports, _NEEDED, "reports")
    _check(compounds, ["compound_id", "province_code"], "compounds")
    rep = reports.copy()
    for col in ("province_code", "compound_id"):
        rep[col] = rep[col].map(_text)
    comp = compounds.copy()
    comp["province_code"] = comp["province_code"].map(_text)
    return rep, comp


def province_summary(reports: pd.DataFrame, compounds: pd.DataFrame) -> pd.DataFrame:
    """One row per province, all 25 (zeros included), plus one row for no province.

    Parameters
    ----------
    reports : pandas.DataFrame
        The published ``reports`` table (one row per report and place).
    compounds : pandas.DataFrame
        The published ``compounds`` table.

    Returns
    -------
    pandas.DataFrame
        ``province_code, province_pcode, province_name, n_reports, n_compounds, n_sources,
        first_event_date, last_event_date``, ``n_<event_type>`` (reports of each type),
        ``people_<event_type>_min`` / ``_max`` (see below) and ``nationalities``
        (``"China (CN): 40; Thailand (TH): 12; African (as written): 1"``: the reports
        naming each country, most first, then by name; variants such as "Lao" and "Laotian"
        merged, values naming no single country kept as written; see
        :func:`nationality_counts`).

        A report counts once in every province where one of its places lies, so the column
        sums can exceed the number of reports. ``n_compounds`` counts compounds located in
        the province. People are counted per event type, never across types, as a range
        (:func:`people_by_event`): ``_max`` merges only reports that surely describe one
        event and takes the largest figure; ``_min`` merges every possible duplicate and
        takes the smallest.
        The last row has an empty ``province_code`` and :data:`NO_PROVINCE_NAME`.

    Examples
    --------
    >>> from compoundmap.pipeline import build  # doctest: +SKIP
    >>> province_summary(reports, compounds).set_index("province_code").loc["18", "n_reports"]
    ... # doctest: +SKIP
    """
    rep, comp = _prepare(reports, compounds)
    gaz = get_gazetteer()
    records: list[dict[str, Any]] = []
    comp_counts = Counter(comp["province_code"])
    for unit in gaz.provinces().itertuples(index=False):
        code = str(unit.code)
        rows = rep[rep["province_code"] == code]
        records.append(
            {
                "province_code": code,
                "province_pcode": gaz.pcode(code) or "",
                "province_name": str(unit.name_en),
                **_counts(rows, comp_counts.get(code, 0)),
            }
        )
    rows = rep[rep["province_code"] == ""]
    # A report with a place in some province is counted there, not again as unlocated.
    located = set(rep.loc[rep["province_code"] != "", "report_id"])
    rows = rows[~rows["report_id"].isin(located)]
    unplaced = int((comp["province_code"] == "").sum())
    records.append(
        {
            "province_code": "",
            "province_pcode": "",
            "province_name": NO_PROVINCE_NAME,
            **_counts(rows, unplaced),
        }
    )
    return _frame(records, ["province_code", "province_pcode", "province_name"])


def district_summary(reports: pd.DataFrame, compounds: pd.DataFrame) -> pd.DataFrame:
    """One row per 2025 district, all 210 (zeros included).

    Only report rows located to a district or finer (precision 1-3) count; province-only and
    Cambodia-level reports appear in :func:`province_summary` alone.

    Parameters
    ----------
    reports, compounds : pandas.DataFrame
        As for :func:`province_summary`; both need ``district_code``.

    Returns
    -------
    pandas.DataFrame
        ``district_code, district_pcode, district_name, province_code, province_name`` and
        the count columns of :func:`province_summary`, sorted by ``district_code``.

    Examples
    --------
    >>> district_summary(reports, compounds)["n_reports"].sum()  # doctest: +SKIP
    """
    rep, comp = _prepare(reports, compounds)
    _check(rep, ["district_code"], "reports")
    _check(comp, ["district_code"], "compounds")
    rep["district_code"] = rep["district_code"].map(_text)
    comp_counts = Counter(comp["district_code"].map(_text))
    gaz = get_gazetteer()
    units = gaz.units[gaz.units["level"] == 2].sort_values("code")
    records: list[dict[str, Any]] = []
    for unit in units.itertuples(index=False):
        code = str(unit.code)
        rows = rep[rep["district_code"] == code]
        records.append(
            {
                "district_code": code,
                "district_pcode": gaz.pcode(code) or "",
                "district_name": str(unit.name_en),
                "province_code": str(unit.province_code),
                "province_name": gaz.name(str(unit.province_code)),
                **_counts(rows, comp_counts.get(code, 0)),
            }
        )
    return _frame(
        records,
        ["district_code", "district_pcode", "district_name", "province_code", "province_name"],
    )
