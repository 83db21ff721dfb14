"""Numbers that can be quoted (issue 13): events versus reports, scoped figures, and tables
whose obvious sum is right. One regression test per trap, on small tables and on the
bundled data."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from compoundmap.compounds import build_compounds
from compoundmap.eventgroups import propose_event_groups
from compoundmap.events import build_events
from compoundmap.registry import Registry
from compoundmap.schema import (
    COMPOUNDS_FILE_COLUMNS,
    DESIGNATIONS_FILE_COLUMNS,
    OPERATORS_FILE_COLUMNS,
)
from compoundmap.summary import district_summary, province_summary


def report(rid: str, event: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "report_id": rid,
        "event_id": event,
        "record_status": "active",
        "scope": "in_scope",
        "compound_id": "",
        "operator_id": "",
        "event_type": "raid",
        "event_date": "2024-03-16",
        "victims_count": None,
        "count_kind": "",
        "count_scope": "",
        "nationalities": "",
        "source_publisher": f"Outlet {rid}",
        "source_title": "t",
        "source_url": "https://example.org/" + rid,
        "source_date": "2024-03-17",
        "source_type": "media",
        "source_tier": "primary",
    }
    row.update(values)
    return row


def located(rid: str, *provinces: str, district: str = "") -> list[dict[str, Any]]:
    return [
        {"report_id": rid, "province_code": p, "district_code": district, "precision": 3}
        for p in provinces
    ]


def empty_registry(*sites: dict[str, str]) -> Registry:
    def frame(columns: tuple[str, ...], rows: list[dict[str, str]]) -> pd.DataFrame:
        return pd.DataFrame(
            [{**dict.fromkeys(columns, ""), **r} for r in rows], columns=list(columns)
        )

    return Registry(
        frame(COMPOUNDS_FILE_COLUMNS, list(sites)),
        frame(OPERATORS_FILE_COLUMNS, []),
        frame(DESIGNATIONS_FILE_COLUMNS, []),
    )


def tables(reports: list[dict[str, Any]], locations: list[dict[str, Any]], *sites: dict[str, str]):  # type: ignore[no-untyped-def]
    rep = pd.DataFrame(reports)
    rep["victims_count"] = rep["victims_count"].astype("Int64")
    loc = pd.DataFrame(
        locations, columns=["report_id", "province_code", "district_code", "precision"]
    )
    events = build_events(rep, loc, {s["compound_id"]: s["province_code"] for s in sites})
    compounds = build_compounds(empty_registry(*sites), events)
    return events, province_summary(events, compounds), compounds


def row(summary: pd.DataFrame, code: str) -> pd.Series:
    return summary.set_index("province_code").loc[code]


def test_national_estimate_is_never_counted_in_a_province() -> None:
    # two outlets repeat one UN estimate, naming seven provinces where compounds are
    reports = [
        report(
            r,
            "EV-UN",
            event_type="report",
            victims_count=100_000,
            count_kind="estimated_held",
            count_scope="country",
        )
        for r in ("CR-0138", "CR-0245")
    ]
    provinces = ("08", "09", "12", "15", "18", "20", "22")
    events, summary, _ = tables(
        reports, [*located("CR-0138", *provinces), *located("CR-0245", *provinces)]
    )
    assert len(events) == 1 and events.loc[0, "people_estimated_held_max"] == 100_000
    provinces_only = summary[summary["row_type"] == "province"]
    assert (provinces_only["people_estimated_held_max"] == 0).all()
    assert int(summary["people_estimated_held_max"].fillna(0).sum()) == 0  # never summed
    assert int(summary["n_events"].sum()) == 1


def test_multi_province_figure_is_not_copied_into_each_province() -> None:
    reports = [
        report("R1", "E1", victims_count=3_000, count_kind="arrested", count_scope="multi_province")
    ]
    events, summary, _ = tables(reports, located("R1", "12", "18", "20"))
    assert events.loc[0, "attribution"] == "several_provinces"
    assert (summary[summary["row_type"] == "province"]["people_arrested_max"] == 0).all()
    several = summary.set_index("row_type").loc["several_provinces"]
    assert several["people_arrested_max"] == 3_000 and several["n_events"] == 1
    assert row(summary, "18")["n_events_shared"] == 1


def test_one_event_told_by_three_outlets_counts_once() -> None:
    reports = [
        report(r, "EV-1", victims_count=40, count_kind="escaped", count_scope="site")
        for r in ("A", "B", "C")
    ]
    events, summary, _ = tables(
        reports, [*located("A", "08"), *located("B", "08"), *located("C", "08")]
    )
    kandal = row(summary, "08")
    assert (kandal["n_events"], kandal["n_reports"], kandal["n_sources"]) == (1, 3, 3)
    assert kandal["n_raid"] == 1 and kandal["people_escaped_max"] == 40


def test_conflicting_figures_are_a_range_never_a_sum_or_mean() -> None:
    # the O'Smach rescue of March 2024: 19 per the Thai task force, 11 per the governor
    reports = [
        report(
            "TH",
            "EV-O",
            event_type="rescue",
            event_date="2024-03-16",
            victims_count=19,
            count_kind="rescued",
            count_scope="site",
        ),
        report(
            "KH",
            "EV-O",
            event_type="rescue",
            event_date="2024-03",
            victims_count=11,
            count_kind="rescued",
            count_scope="site",
        ),
    ]
    events, summary, _ = tables(reports, [*located("TH", "22"), *located("KH", "22")])
    event = events.iloc[0]
    assert (event["people_rescued_min"], event["people_rescued_max"]) == (11, 19)
    assert event["event_dates"] == "2024-03; 2024-03-16" and event["event_date"] == "2024-03"
    oddar = row(summary, "22")
    assert (oddar["people_rescued_min"], oddar["people_rescued_max"]) == (11, 19)


def test_figures_of_different_kinds_never_add_up() -> None:
    reports = [
        report("A", "E1", victims_count=141, count_kind="detained", count_scope="site"),
        report("B", "E2", victims_count=12, count_kind="arrested", count_scope="site"),
    ]
    _, summary, _ = tables(reports, [*located("A", "18"), *located("B", "18")])
    sihanouk = row(summary, "18")
    assert (sihanouk["people_detained_max"], sihanouk["people_arrested_max"]) == (141, 12)


def test_a_report_naming_two_compounds_counts_once_and_joins_both_histories() -> None:
    sites = [
        {
            "compound_id": f"CM-{n}",
            "record_status": "active",
            "name": f"Site {n}",
            "province_code": "20",
            "district_code": "2008",
            "location_precision": "district",
            "location_report_id": "R1",
        }
        for n in (1, 2)
    ]
    reports = [
        report(
            "R1",
            "E1",
            compound_id="CM-1; CM-2",
            victims_count=50,
            count_kind="detained",
            count_scope="site",
        )
    ]
    events, summary, compounds = tables(reports, located("R1", "20", district="2008"), *sites)
    assert row(summary, "20")["n_events"] == 1 and row(summary, "20")["people_detained_max"] == 50
    assert row(summary, "20")["n_compounds"] == 2
    assert compounds.set_index("compound_id")["n_events"].to_dict() == {"CM-1": 1, "CM-2": 1}
    assert (
        district_summary(events, compounds).set_index("district_code").loc["2008", "n_events"] == 1
    )


def test_an_operation_total_and_its_site_counts_are_not_mixed() -> None:
    # 61 arrested in one operation, 28 and 33 of them at two sites: the range is 61, not 28-61
    reports = [
        report("ALL", "E1", victims_count=61, count_kind="arrested", count_scope="place"),
        report("S1", "E1", victims_count=28, count_kind="arrested", count_scope="site"),
        report("S2", "E1", victims_count=33, count_kind="arrested", count_scope="site"),
    ]
    places = [place for r in ("ALL", "S1", "S2") for place in located(r, "18")]
    events, _, _ = tables(reports, places)
    assert (events.loc[0, "people_arrested_min"], events.loc[0, "people_arrested_max"]) == (61, 61)


def test_propose_event_groups_finds_one_happening_under_two_ids() -> None:
    reports = pd.DataFrame(
        [
            report("A", "EV-1", compound_id="CM-1", event_date="2024-10-24"),
            report("B", "EV-2", compound_id="CM-1", event_date="2024-10"),
            report("C", "EV-3", compound_id="CM-1", event_date="2023-01-01"),
            report("D", "EV-4", compound_id="CM-1", event_type="rescue", event_date="2024-10-24"),
        ]
    )
    proposals = propose_event_groups(reports)
    assert proposals["event_ids"].tolist() == ["EV-1; EV-2"]
    assert "same site CM-1" in proposals.loc[0, "reason"]


def test_status_comes_from_the_latest_dated_event() -> None:
    site = {
        "compound_id": "CM-1",
        "record_status": "active",
        "name": "S",
        "province_code": "18",
        "location_precision": "province",
        "location_report_id": "R1",
    }
    reports = [
        report("R1", "E1", compound_id="CM-1", event_type="report", event_date="2022-01"),
        report("R2", "E2", compound_id="CM-1", event_type="raid", event_date="2023-05-02"),
        report("R3", "E3", compound_id="CM-1", event_type="sanction", event_date="2025-10-14"),
    ]
    places = [place for r in ("R1", "R2", "R3") for place in located(r, "18")]
    _, _, compounds = tables(reports, places, site)
    c = compounds.iloc[0]
    assert (c["status"], c["status_event_id"], c["status_date"]) == ("raided", "E2", "2023-05-02")
    assert bool(c["sanctioned"]) and c["first_reported"] == "2022-01"
    assert c["last_reported"] == "2025-10-14" and c["n_events"] == 3


# --------------------------------------------------------------------------- bundled data


def test_bundled_summary_rows_obey_the_rules(bundled_tables: Any) -> None:
    summary, events = bundled_tables.province_summary, bundled_tables.events
    assert int(summary["n_events"].sum()) == len(events)  # each event in exactly one row
    national = summary.set_index("row_type").loc["national"]
    assert all(pd.isna(national[c]) for c in summary.columns if c.startswith("people_"))
    country = events[events["figure_scopes"].str.contains("country")]
    provinces = summary[summary["row_type"] == "province"]
    for kind in ("estimated_held",):
        biggest = country[f"people_{kind}_max"].max()
        if pd.notna(biggest):
            assert (provinces[f"people_{kind}_max"] < biggest).all()


def test_bundled_un_estimate_is_one_event_not_in_any_province(bundled_tables: Any) -> None:
    reports = bundled_tables.reports.set_index("report_id")
    event_ids = set(reports.loc[["CR-0138", "CR-0245"], "event_id"])
    assert len(event_ids) == 1
    event = bundled_tables.events.set_index("event_id").loc[event_ids.pop()]
    assert event["attribution"] != "province" and "country" in event["figure_scopes"]
    provinces = bundled_tables.province_summary.query("row_type == 'province'")
    assert (provinces["people_estimated_held_max"].fillna(0) < 100_000).all()


@pytest.mark.parametrize("table", ["reports", "events", "compounds"])
def test_bundled_figures_have_a_kind(bundled_tables: Any, table: str) -> None:
    if table == "reports":
        frame = bundled_tables.reports
        counted = frame[frame["victims_count"].notna() & frame["included"]]
        assert (counted["count_kind"] != "").all() and (counted["count_scope"] != "").all()
    elif table == "events":
        assert bundled_tables.events["figure_scopes"].map(lambda s: "unspecified" not in s).all()
    else:
        compounds = bundled_tables.compounds
        assert set(compounds["status"]) <= {
            "",
            "reported operating",
            "raided",
            "reported relocated",
            "reported closed",
        }
