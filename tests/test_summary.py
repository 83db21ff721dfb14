"""Province and district summaries: every unit listed, people never summed across meanings."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pytest

from compoundmap import build_tables, default_sources_path
from compoundmap.errors import MissingColumnError
from compoundmap.sources import EVENT_TYPES, validate_sources
from compoundmap.summary import (
    NATIONALITY_COLUMNS,
    NO_PROVINCE_NAME,
    district_summary,
    nationality_counts,
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
    assert row["nationalities"] == "China (CN): 2; Thailand (TH): 1"
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


# ----------------------------------------------------------------- nationalities


@pytest.fixture(scope="module")
def bundled_reports() -> pd.DataFrame:
    """The valid rows of the bundled reports.csv (one row per report)."""
    return validate_sources(default_sources_path()).valid


@pytest.fixture(scope="module")
def bundled_tables() -> Any:
    return build_tables()


def _values(reports: pd.DataFrame) -> list[str]:
    unique = reports.drop_duplicates("report_id")
    return [
        n.strip() for v in unique["nationalities"].fillna("") for n in v.split(";") if n.strip()
    ]


def test_nationality_counts_merge_variants_in_the_bundled_data(bundled_reports):
    out = nationality_counts(bundled_reports)
    assert list(out.columns) == NATIONALITY_COLUMNS
    assert out["country_code"].is_unique  # one row per country
    by_code = out.set_index("country_code")
    values = _values(bundled_reports)
    for code, forms in {"LA": ("Lao", "Laotian"), "PK": ("Pakistan", "Pakistani")}.items():
        # every form is really in the file, so the merge is tested, not assumed
        assert all(f in values for f in forms), forms
        assert by_code.loc[code, "written_as"] == "; ".join(forms)
        assert by_code.loc[code, "n_mentions"] == sum(values.count(f) for f in forms)
    assert by_code.loc["LA", "country_name"] == "Laos" and by_code.loc["LA", "alpha_3"] == "LAO"
    assert "Korean" in by_code.loc["KR", "written_as"].split("; ")
    assert "South Korean" in by_code.loc["KR", "written_as"].split("; ")
    assert by_code.loc["KH", "written_as"] == "Cambodian"  # Cambodia is a country too


def test_nationality_counts_account_for_every_value(bundled_reports):
    out = nationality_counts(bundled_reports)
    values = _values(bundled_reports)
    assert out["n_mentions"].sum() == len(values)
    forms = [f for w in out["written_as"] for f in w.split("; ")]
    assert sorted(forms) == sorted(set(values))  # each written form in exactly one row
    assert (out["n_reports"] <= out["n_mentions"]).all()
    naming = bundled_reports.drop_duplicates("report_id")["nationalities"].fillna("").str.strip()
    assert out["n_reports"].max() <= (naming != "").sum()


def test_nationality_counts_order_is_deterministic(bundled_reports):
    out = nationality_counts(bundled_reports)
    keys = list(zip(-out["n_reports"], out["country_name"], out["country_code"], strict=True))
    assert keys == sorted(keys)
    shuffled = bundled_reports.sample(frac=1, random_state=7)
    pd.testing.assert_frame_equal(nationality_counts(shuffled), out)


def test_unresolved_nationalities_are_kept_as_written():
    df = pd.DataFrame(
        {
            "report_id": ["R1", "R2", "R3", "R4", "R5"],
            "nationalities": [
                "African; Lao",
                "foreign; Laotian; Lao",
                "ethnic Chinese",
                "Chinese-Malaysian",
                "Chinese nationals; African",
            ],
        }
    )
    out = nationality_counts(df).set_index("country_name")
    assert out.loc["African", "country_code"] == "" and out.loc["African", "n_reports"] == 2
    assert out.loc["foreign", "country_code"] == ""
    assert out.loc["ethnic Chinese", "country_code"] == ""  # "ethnic" changes the meaning
    assert out.loc["Chinese-Malaysian", "country_code"] == ""  # two countries: not guessed
    assert out.loc["China", "written_as"] == "Chinese nationals"
    laos = out.loc["Laos"]
    assert (laos["n_reports"], laos["n_mentions"]) == (2, 3)  # R2 names Laos twice
    assert out["n_mentions"].sum() == 9


def test_nationality_counts_needs_its_columns():
    with pytest.raises(MissingColumnError, match="nationalities"):
        nationality_counts(pd.DataFrame({"report_id": ["R1"]}))


def test_empty_reports_give_an_empty_table():
    out = nationality_counts(pd.DataFrame({"report_id": [], "nationalities": []}))
    assert list(out.columns) == NATIONALITY_COLUMNS and out.empty


_ITEM_RE = re.compile(r"^(.+) \(([A-Z]{2}|as written)\): (\d+)$")


def test_published_summaries_key_nationalities_on_iso_codes(bundled_tables):
    reports = bundled_tables.reports
    for table, key in (
        (bundled_tables.province_summary, "province_code"),
        (bundled_tables.district_summary, "district_code"),
    ):
        for code, text in zip(table[key], table["nationalities"], strict=True):
            items = [_ITEM_RE.match(item) for item in text.split("; ")] if text else []
            assert all(items), (code, text)
            counts = [(-int(m[3]), m[1]) for m in items if m]
            assert counts == sorted(counts), (code, text)  # most first, then by name
    provinces = bundled_tables.province_summary.set_index("province_code")
    whole = nationality_counts(reports).set_index("country_code")
    # Sihanoukville names Laos in both its reports ("Lao" and "Laotian"): one entry, not two.
    sihanoukville = provinces.loc["18", "nationalities"]
    assert "Laos (LA): " in sihanoukville and "Lao (" not in sihanoukville
    assert "Laotian" not in sihanoukville
    # A province counts no more reports for a country than the whole data set does.
    for text in provinces["nationalities"]:
        for item in filter(None, text.split("; ")):
            m = _ITEM_RE.match(item)
            assert m, item
            if m[2] != "as written":
                assert int(m[3]) <= whole.loc[m[2], "n_reports"], item
