"""Province and district summaries: every unit listed, people never summed across meanings."""

from __future__ import annotations

import pandas as pd
import pytest

from compoundmap.errors import MissingColumnError
from compoundmap.sources import EVENT_TYPES
from compoundmap.summary import (
    NO_PROVINCE_NAME,
    district_summary,
    people_by_event,
    province_summary,
)


def _reports(rows: list[dict[str, object]]) -> pd.DataFrame:
    defaults: dict[str, object] = {
        "compound_id": "",
        "province_code": "",
        "district_code": "",
        "event_type": "raid",
        "event_date": "",
        "victims_count": pd.NA,
        "nationalities": "",
        "source_publisher": "Pub",
    }
    return pd.DataFrame([{**defaults, **r} for r in rows])


def _compounds(rows: list[dict[str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["compound_id", "province_code", "district_code"])


def test_all_provinces_and_the_no_province_row():
    out = province_summary(_reports([{"report_id": "R1", "province_code": "18"}]), _compounds([]))
    assert out["province_code"].tolist() == [f"{i:02d}" for i in range(1, 26)] + [""]
    assert out["province_name"].iloc[-1] == NO_PROVINCE_NAME
    assert out["province_pcode"].iloc[17] == "KH18"
    assert out["n_reports"].sum() == 1
    assert out.set_index("province_code").loc["01", "n_reports"] == 0
    for etype in EVENT_TYPES:
        assert f"n_{etype}" in out and f"people_{etype}_min" in out and f"people_{etype}_max" in out


def test_report_with_two_places_counts_once_per_province():
    df = _reports(
        [
            {"report_id": "R1", "province_code": "12", "place_index": 0},
            {"report_id": "R1", "province_code": "12", "place_index": 1},
            {"report_id": "R1", "province_code": "18", "place_index": 2},
        ]
    )
    out = province_summary(df, _compounds([])).set_index("province_code")
    assert out.loc["12", "n_reports"] == 1 and out.loc["18", "n_reports"] == 1
    assert out.loc["", "n_reports"] == 0


def test_unlocated_reports_go_to_the_no_province_row_only():
    df = _reports(
        [
            {"report_id": "R1", "province_code": ""},
            {"report_id": "R2", "province_code": ""},
            {"report_id": "R2", "province_code": "20"},
        ]
    )
    out = province_summary(df, _compounds([{"compound_id": "C00-x", "province_code": ""}]))
    row = out.set_index("province_code").loc[""]
    assert row["n_reports"] == 1 and row["n_compounds"] == 1


def test_people_are_kept_per_event_type_with_the_range_of_figures():
    df = _reports(
        [
            # one rescue reported twice with different figures (19 and 11)
            {
                "report_id": "R1",
                "compound_id": "C22-a",
                "province_code": "22",
                "event_type": "rescue",
                "event_date": "2024-03",
                "victims_count": 19,
            },
            {
                "report_id": "R2",
                "compound_id": "C22-a",
                "province_code": "22",
                "event_type": "rescue",
                "event_date": "2024-03",
                "victims_count": 11,
            },
            # a rescue with no compound on a day of that month: maybe the same event
            {
                "report_id": "R3",
                "province_code": "22",
                "event_type": "rescue",
                "event_date": "2024-03-16",
                "victims_count": 5,
            },
            # a rescue of the same compound two months later: surely another event
            {
                "report_id": "R5",
                "compound_id": "C22-a",
                "province_code": "22",
                "event_type": "rescue",
                "event_date": "2024-05",
                "victims_count": 7,
            },
            # undated: never merged with anything
            {
                "report_id": "R6",
                "province_code": "22",
                "event_type": "rescue",
                "victims_count": 3,
            },
            # a raid: a different meaning, never added to rescues
            {
                "report_id": "R4",
                "compound_id": "C22-a",
                "province_code": "22",
                "event_type": "raid",
                "event_date": "2024-03",
                "victims_count": 100,
            },
        ]
    )
    row = province_summary(df, _compounds([])).set_index("province_code").loc["22"]
    # upper bound: sure duplicates merged (R1 = R2, largest 19) + 5 + 7 + 3 = 34
    # lower bound: possible duplicates merged (R1 = R2 = R3, smallest 5) + 7 + 3 = 15
    assert (row["people_rescue_min"], row["people_rescue_max"]) == (15, 34)
    assert (row["people_raid_min"], row["people_raid_max"]) == (100, 100)
    assert row["n_rescue"] == 5 and row["n_raid"] == 1
    assert row["people_escape_max"] == 0


def test_people_by_event_merges_only_same_compound_type_and_date():
    df = _reports(
        [
            {
                "report_id": "R1",
                "compound_id": "C1",
                "event_type": "raid",
                "event_date": "2024-03",
                "victims_count": 10,
            },
            {
                "report_id": "R2",
                "compound_id": "C1",
                "event_type": "raid",
                "event_date": "2024-04",
                "victims_count": 20,
            },
            {
                "report_id": "R3",
                "compound_id": "C1",
                "event_type": "raid",
                "event_date": "",
                "victims_count": 30,
            },
            {
                "report_id": "R4",
                "compound_id": "C1",
                "event_type": "raid",
                "event_date": "",
                "victims_count": 40,
            },
            {"report_id": "R5", "compound_id": "C1", "event_type": "raid", "event_date": "2024-03"},
        ]
    )
    events = people_by_event(df)
    assert len(events) == 4
    march = events[events["event_date"] == "2024-03"].iloc[0]
    assert march["report_ids"] == "R1; R5" and march["people_max"] == 10
    assert march["n_reports"] == 2


def test_dates_nationalities_and_sources():
    df = _reports(
        [
            {
                "report_id": "R1",
                "province_code": "20",
                "event_date": "2023",
                "nationalities": "Chinese; Thai",
                "source_publisher": "A",
            },
            {
                "report_id": "R2",
                "province_code": "20",
                "event_date": "2025-02-01",
                "nationalities": "Chinese",
                "source_publisher": "B",
            },
            {
                "report_id": "R3",
                "province_code": "20",
                "event_date": "",
                "nationalities": "",
                "source_publisher": "A",
            },
        ]
    )
    row = province_summary(df, _compounds([])).set_index("province_code").loc["20"]
    assert (row["first_event_date"], row["last_event_date"]) == ("2023", "2025-02-01")
    assert row["nationalities"] == "Chinese (2); Thai (1)"
    assert row["n_sources"] == 2


def test_district_summary_lists_all_210_districts():
    df = _reports(
        [
            {"report_id": "R1", "province_code": "18", "district_code": "1801"},
            {"report_id": "R2", "province_code": "18", "district_code": ""},
        ]
    )
    comp = _compounds([{"compound_id": "C18-x", "province_code": "18", "district_code": "1801"}])
    out = district_summary(df, comp)
    assert len(out) == 210 and out["district_code"].is_unique
    row = out.set_index("district_code").loc["1801"]
    assert row["n_reports"] == 1 and row["n_compounds"] == 1 and row["province_code"] == "18"
    assert out["n_reports"].sum() == 1


def test_missing_column_is_named():
    with pytest.raises(MissingColumnError, match="column .event_type. not found in reports"):
        province_summary(
            pd.DataFrame({"report_id": ["R1"], "compound_id": [""], "province_code": ["18"]}),
            _compounds([]),
        )


def test_possible_events_join_compatible_dates_and_compounds_only():
    df = _reports(
        [
            {"report_id": "A", "compound_id": "C1", "event_date": "2024-03-01"},
            {"report_id": "B", "compound_id": "", "event_date": "2024-03"},
            {"report_id": "C", "compound_id": "C2", "event_date": "2024-04-02"},
            {"report_id": "D", "compound_id": "C3", "event_date": "2024-03-01"},
            {
                "report_id": "E",
                "compound_id": "C1",
                "event_date": "2024-03-01",
                "event_type": "rescue",
            },
        ]
    )
    events = people_by_event(df).set_index("report_ids")["possible_key"]
    assert events["A"] == events["B"] == events["D"]  # D joins A through B (no compound)
    assert events["C"] != events["A"]  # another month
    assert events["E"] != events["A"]  # another event type
