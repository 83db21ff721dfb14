"""A province's capital named through its province (round 14,
``geocode/provincial_capital.py``): "the capital of Kampot province", 省会, 州都, 도청 소재지,
"thủ phủ tỉnh X" name the provincial town, at ``medium``; the province stays where its
town phrase names no town."""

from __future__ import annotations

import pytest

import compoundmap as cm


@pytest.mark.parametrize(
    ("text", "district"),
    [
        ("カンポット州の州都", "0708"),  # a row of geocode_broad.csv (dev)
        ("the capital of Kampot province", "0708"),
        ("Kampot province's capital", "0708"),
        ("马德望省会", "0203"),
        ("暹粒省的省会", "1710"),
        ("バッタンバン州の州都", "0203"),
        ("캄폿주 도청 소재지", "0708"),
        ("바탐방주 주도", "0203"),
        ("thủ phủ tỉnh Kampot", "0708"),
    ],
)
def test_the_capital_of_a_province_is_its_town(text: str, district: str) -> None:
    """The phrase reads as the town phrase ("Kampot provincial capital", "马德望市") would,
    one band lower, its method marked ``+provincial_capital``."""
    r = cm.geocode(text)
    assert r.district_code == district, text
    assert r.confidence == "medium", text
    assert r.method.endswith("+provincial_capital"), text


@pytest.mark.parametrize(
    ("text", "province"),
    [
        ("the capital of Tboung Khmum province", "25"),  # Suong; Tboung Khmum district is rural
        ("the capital of Banteay Meanchey province", "01"),  # two krongs
        ("Kampot province, near the capital", "07"),  # no phrase ties the word to the name
    ],
)
def test_the_province_stays_where_no_town_is_named(text: str, province: str) -> None:
    """Where the town phrase names no town of the province (a rural district, or none),
    or the capital word is not tied to the province's name, the province stays."""
    r = cm.geocode(text)
    assert r.province_code == province, text
    assert r.district_code is None, text
