"""Grouping reports into compounds: name keys, ids, locations, citations."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from compoundmap.compounds import (
    COMPOUND_COLUMNS,
    assign_compound_ids,
    build_compounds,
    name_key,
)
from compoundmap.errors import MissingColumnError


def _reports(rows: list[dict[str, object]]) -> pd.DataFrame:
    defaults: dict[str, object] = {
        "compound_name": "",
        "aliases": "",
        "province_code": "",
        "district_code": "",
        "commune_code": "",
        "event_type": "raid",
        "event_date": "",
        "victims_count": pd.NA,
        "nationalities": "",
        "source_publisher": "Pub",
        "source_title": "Title",
        "source_url": "",
        "source_date": "",
        "source_type": "media",
        "source_tier": "primary",
        "place_index": 0,
        "precision": 4,
        "latitude": pd.NA,
        "longitude": pd.NA,
        "location_text": "",
    }
    return pd.DataFrame([{**defaults, **r} for r in rows])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("A7 Park", "A7 Casino"),
        ("Jin Bei", "Jinbei"),
        ("O'Smach Resort", "O‑Smach Resort"),  # non-breaking hyphen
        ("O’Smach Casino", "O-Smach Resort"),
        ("MDS Thmor Da SEZ", "MDS Thmorda Special Economic Zone"),
        ("Long Bay casino complex", "Long Bay"),
        ("Crown casino (Bavet)", "Crown Casino complex"),
        ("Café Ñoño", "cafe nono"),
    ],
)
def test_name_key_equal(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Jin Bei 4", "Jin Bei Group"),
        ("Golden Crown Casino", "Crown Casino"),
        ("Rich World casino", "Rich casino"),
        ("Prince Group", "Prince compound"),
        ("A7 Park", "Van Chheung Casino"),
    ],
)
def test_name_key_keeps_different_compounds_apart(a, b):
    assert name_key(a) != name_key(b)


def test_generic_only_name_is_kept():
    assert name_key("Casino") == "casino"
    assert name_key("金水賭場") == "金水賭場"


def test_aliases_join_within_a_province_only():
    df = _reports(
        [
            {"report_id": "R1", "compound_name": "A7 Park", "province_code": "20"},
            {"report_id": "R2", "compound_name": "Van Chheung Casino", "province_code": "20"},
            {
                "report_id": "R3",
                "compound_name": "A7",
                "aliases": "Van Chheung Casino",
                "province_code": "20",
            },
            {"report_id": "R4", "compound_name": "A7 Park", "province_code": "18"},
        ]
    )
    ids = assign_compound_ids(df).tolist()
    assert ids[0] == ids[1] == ids[2] == "C20-a7-park"
    assert ids[3] == "C18-a7-park"


def test_reports_without_a_name_stay_reports():
    df = _reports([{"report_id": "R1", "province_code": "12"}])
    assert assign_compound_ids(df).tolist() == [""]
    assert len(build_compounds(df)) == 0


def test_unlocated_report_joins_the_one_province_with_that_name():
    df = _reports(
        [
            {"report_id": "R1", "compound_name": "Huang Le compound", "province_code": "18"},
            {"report_id": "R2", "compound_name": "Huang Le", "province_code": ""},
            {"report_id": "R3", "compound_name": "Crown Casino", "province_code": "01"},
            {"report_id": "R4", "compound_name": "Crown Casino", "province_code": "20"},
            {"report_id": "R5", "compound_name": "Crown", "province_code": ""},
        ]
    )
    ids = assign_compound_ids(df).tolist()
    assert ids[0] == ids[1] == "C18-huang-le-compound"
    # Two provinces have a "Crown": the unlocated report cannot choose, so it stays national.
    assert ids[4] == "C00-crown"
    assert len({ids[2], ids[3], ids[4]}) == 3


def test_multi_name_field_names_several_compounds():
    df = _reports(
        [{"report_id": "R1", "compound_name": "King Crown; Le Macao", "province_code": "20"}]
    )
    assert assign_compound_ids(df).tolist() == ["C20-king-crown;C20-le-macao"]
    compounds = build_compounds(df)
    assert compounds["name"].tolist() == ["King Crown", "Le Macao"]
    assert compounds["n_reports"].tolist() == [1, 1]


def test_multi_place_report_joins_where_its_name_is_attested():
    df = _reports(
        [
            {"report_id": "R1", "compound_name": "O-Smach Resort", "province_code": "22"},
            {"report_id": "R2", "compound_name": "O'Smach Resort", "province_code": "09"},
            {
                "report_id": "R2",
                "compound_name": "O'Smach Resort",
                "province_code": "22",
                "place_index": 1,
            },
        ]
    )
    assert set(assign_compound_ids(df)) == {"C22-o-smach-resort"}


def test_ids_do_not_depend_on_row_order():
    df = _reports(
        [
            {"report_id": f"R{i}", "compound_name": name, "aliases": alias, "province_code": p}
            for i, (name, alias, p) in enumerate(
                [
                    ("White Sand 2", "Xincheng International Entertainment City", "18"),
                    ("Xincheng", "", "18"),
                    ("Long Bay", "", "09"),
                    ("Zhengheng Group Koh Kong compound", "Long Bay", "09"),
                    ("Mango Park", "", "05"),
                ]
            )
        ]
    )
    forward = dict(zip(df["report_id"], assign_compound_ids(df), strict=True))
    shuffled = df.sample(frac=1, random_state=3)
    backward = dict(zip(shuffled["report_id"], assign_compound_ids(shuffled), strict=True))
    assert forward == backward
    assert forward["R0"] == forward["R1"] and forward["R2"] == forward["R3"]


def test_location_is_the_finest_any_report_supports():
    df = _reports(
        [
            {
                "report_id": "R1",
                "compound_name": "Mango Park",
                "province_code": "05",
                "precision": 4,
            },
            {
                "report_id": "R2",
                "compound_name": "Mango Park",
                "province_code": "05",
                "district_code": "0503",
                "commune_code": "050301",
                "precision": 2,
                "latitude": 11.3,
                "longitude": 104.2,
                "location_text": "Ang Popel commune",
            },
        ]
    )
    row = build_compounds(df).iloc[0]
    assert row["precision"] == 2 and row["precision_label"] == "commune"
    assert row["commune_code"] == "050301"
    assert (row["latitude"], row["longitude"]) == (11.3, 104.2)
    assert row["location_text"] == "Ang Popel commune"


def test_province_only_compound_has_no_coordinates():
    df = _reports(
        [
            {
                "report_id": "R1",
                "compound_name": "My Casino",
                "province_code": "07",
                "precision": 4,
                "latitude": 10.6,
                "longitude": 104.2,
            }
        ]
    )
    row = build_compounds(df).iloc[0]
    assert row["precision_label"] == "province only"
    assert pd.isna(row["latitude"]) and pd.isna(row["longitude"])
    assert row["province_code"] == "07"


def test_conflicting_figures_stay_side_by_side():
    df = _reports(
        [
            {
                "report_id": "R2",
                "compound_name": "La Lin Hotel",
                "province_code": "22",
                "event_type": "rescue",
                "event_date": "2024-03",
                "victims_count": 11,
                "source_publisher": "CamboJA",
                "nationalities": "Thai",
            },
            {
                "report_id": "R1",
                "compound_name": "La Lin Hotel",
                "province_code": "22",
                "event_type": "rescue",
                "event_date": "2024-03-16",
                "victims_count": 19,
                "source_publisher": "Thai PBS",
                "nationalities": "Thai; Filipino",
            },
        ]
    )
    row = build_compounds(df).iloc[0]
    events = json.loads(row["events"])
    assert [(e["report_id"], e["people"]) for e in events] == [("R1", 19), ("R2", 11)]
    citations = json.loads(row["citations"])
    assert [c["report_id"] for c in citations] == ["R1", "R2"]
    assert set(citations[0]) == {
        "report_id",
        "publisher",
        "title",
        "url",
        "date",
        "source_type",
        "tier",
    }
    assert row["n_reports"] == 2 and row["n_sources"] == 2
    assert (row["first_event_date"], row["last_event_date"]) == ("2024-03", "2024-03-16")
    assert (row["latest_event_type"], row["latest_event_date"]) == ("rescue", "2024-03-16")
    assert row["nationalities"] == "Filipino; Thai"
    assert list(build_compounds(df).columns) == COMPOUND_COLUMNS


def test_missing_column_is_named():
    with pytest.raises(MissingColumnError, match="province_code"):
        assign_compound_ids(
            pd.DataFrame({"report_id": ["R1"], "compound_name": ["X"], "aliases": [""]})
        )


def test_ids_are_ascii_and_unique_when_names_slug_alike():
    df = _reports(
        [
            {"report_id": "R1", "compound_name": "金水賭場", "province_code": "18"},
            {"report_id": "R2", "compound_name": "Đồng Tháp Casino", "province_code": "18"},
            {"report_id": "R3", "compound_name": "Ong Thap Casino", "province_code": "18"},
            {
                "report_id": "R4",
                "compound_name": "Golden Fortune Science and Technology Park",
                "province_code": "08",
            },
        ]
    )
    ids = assign_compound_ids(df).tolist()
    assert all(i.isascii() for i in ids) and len(set(ids)) == 4
    assert ids[0].startswith("C18-h") and len(ids[0]) == len("C18-h") + 8
    assert ids[1].startswith("C18-ong-thap-casino-") and ids[2].startswith("C18-ong-thap-casino-")
    assert ids[3] == "C08-golden-fortune-science-and-technology"


def test_same_name_in_two_provinces_is_linked_not_merged():
    df = _reports(
        [
            {"report_id": "R1", "compound_name": "Taizi compound", "province_code": "21"},
            {"report_id": "R2", "compound_name": "Taizi complex", "province_code": "12"},
            {"report_id": "R3", "compound_name": "Mango Park", "province_code": "05"},
        ]
    )
    out = build_compounds(df).set_index("compound_id")
    assert len(out) == 3
    assert out.loc["C21-taizi-compound", "same_name_elsewhere"] == "C12-taizi-complex"
    assert out.loc["C12-taizi-complex", "same_name_elsewhere"] == "C21-taizi-compound"
    assert out.loc["C05-mango-park", "same_name_elsewhere"] == ""
