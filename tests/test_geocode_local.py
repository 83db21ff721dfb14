"""Villages and communes named with their parent, towns, border pairs and lists of places:
real strings of ``tests/data/geocode_broad.csv`` (round 7, issue 11) and the rules that read
them."""

from __future__ import annotations

import pytest

from compoundmap.geocode import geocode_places


def _places(query: str) -> list[tuple[str | None, str | None]]:
    return [(r.province_code, r.district_code) for r in geocode_places(query) if r.province_code]


# --- a village spelt another way, named with its commune (parent_edits.py) ---------------


@pytest.mark.parametrize(
    ("query", "commune"),
    [
        # Phnom Penh Post: the village is Trapeang Chhuk of Me Sar Chrey (Stueng Trang);
        # "Chhouk" alone is Chhuk district in Kampot
        ("Me Sar Chrey commune's Trapaing Chhouk village", "031505"),
        # the village is Srae Rumduol of Dang Kdar; "Romduol" alone sounds like Rumduol
        # district in Svay Rieng
        ("Sre Romduol village in Stung Trang district's Dang Kdar commune", "031503"),
    ],
)
def test_village_pieces_are_no_place_elsewhere(query: str, commune: str) -> None:
    results = [r for r in geocode_places(query) if r.province_code]
    assert [r.commune_code for r in results] == [commune]
    assert results[0].confidence == "high"


def test_village_of_another_commune_is_not_explained() -> None:
    # Dang Kdar holds no village that sounds like "Trapaing Chhouk": the words are not
    # explained as one, and what the other passes read in them stays
    assert _places("Trapaing Chhouk village, Dang Kdar commune") == [
        ("07", "0703"),
        ("03", "0315"),
    ]


# --- border pairs: the crossing's two sides (localities.csv, foreign_places.csv) --------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Khaosod: "the permanent Thai-Cambodia Friendship Bridge checkpoint (Nong
        # Ian-Stueng Bot)"; the Thai side (foreign_places.csv) is no Cambodian place
        ("Thai-Cambodia Friendship Bridge checkpoint (Nong Ian-Stueng Bot)", [("01", "0110")]),
        ("Thai-Cambodian Friendship Bridge (Ban Nong Ian \u2013 Stung Bot)", [("01", "0110")]),
        ("Ban Khlong Luk \u2013 Poi Pet permanent border crossing point", [("01", "0110")]),
    ],
)
def test_border_pairs(query: str, expected: list[tuple[str, str]]) -> None:
    assert _places(query) == expected
