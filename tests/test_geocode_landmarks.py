"""Curated landmarks (``data/raw/gazetteer/localities.csv``) in the geocoder: each name finds
its own province, and a landmark read loosely never takes the place of an admin unit
written exactly ("Dangkao roundabout" is the district Dangkao, not a roundabout in Kampot).

Cases are generated from the gazetteer: every district name with the kind words the curated
landmarks use, and every landmark name and alias.
"""

from __future__ import annotations

import compoundmap as cm
from compoundmap.gazetteer import get_gazetteer

# the words that end landmark names ("Durian Roundabout", "Kizuna Bridge", "Koh Ker temple")
KIND_WORDS = ("roundabout", "bridge", "casino", "temple", "resort", "port", "hotel", "beach")


def _districts() -> list[tuple[str, set[str]]]:
    """(English name, provinces of every unit so named) of each district."""
    units = get_gazetteer().units
    provinces: dict[str, set[str]] = {}
    for r in units.itertuples():
        provinces.setdefault(str(r.name_en).casefold(), set()).add(str(r.code)[:2])
    rows = units[units["level"] == 2]
    return [(str(r.name_en), provinces[str(r.name_en).casefold()]) for r in rows.itertuples()]


def test_kind_word_after_a_district_keeps_the_district() -> None:
    districts = _districts()
    assert len(districts) > 200
    wrong = []
    for name, allowed in districts:
        for word in KIND_WORDS:
            query = f"{name} {word}"
            found = {r.province_code for r in cm.geocode_places(query) if r.province_code}
            if found - allowed:
                wrong.append((query, sorted(found)))
    assert not wrong, wrong[:10]


def test_landmark_names_find_their_province() -> None:
    loc = get_gazetteer().localities
    names = [
        (str(n), str(r.province_code))
        for r in loc.itertuples()
        if not r.needs_context
        for n in [r.name, *r.aliases]
    ]
    assert len(names) > 300
    right = sum({p.province_code for p in cm.geocode_places(n)} == {code} for n, code in names)
    # a few names stay ambiguous on purpose (a crossing named after places on both sides)
    assert right / len(names) >= 0.97, f"{right}/{len(names)}"


def test_generic_landmark_needs_its_place() -> None:
    """A landmark marked ``needs_context`` is no answer on its own, and is one with its
    province named beside it."""
    gaz = get_gazetteer()
    province_name = {
        str(r.code): str(r.name_en) for r in gaz.units[gaz.units["level"] == 1].itertuples()
    }
    rows = [r for r in gaz.localities.itertuples() if r.needs_context]
    assert len(rows) >= 5
    for r in rows:
        alone = cm.geocode_places(str(r.name))
        assert not [p for p in alone if p.province_code], r.name
        named = cm.geocode_places(f"{r.name}, {province_name[str(r.province_code)]}")
        assert {p.province_code for p in named} == {str(r.province_code)}, r.name
