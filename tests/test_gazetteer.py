"""The bundled gazetteer as it ships: counts, code formats, joins with the boundaries."""

from __future__ import annotations

import re

import pandas as pd
import pytest
import shapely

from compoundmap import GazetteerError, get_gazetteer, load_boundaries
from compoundmap.gazetteer import SPURIOUS_COMMUNE_CODES

CODE_RE = {1: r"\d{2}", 2: r"\d{4}", 3: r"\d{6}"}


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_loaded_once(gaz):
    assert get_gazetteer() is gaz


def test_counts_per_level(gaz):
    counts = gaz.units["level"].value_counts().to_dict()
    assert counts == {1: 25, 2: 210, 3: 1654}


def test_spurious_kokir_codes_are_dropped(gaz):
    assert not set(gaz.units["code"]) & SPURIOUS_COMMUNE_CODES
    assert gaz.name("250314") == "Kokir"
    # their villages are filed under the real Kokir
    assert not gaz.villages["commune_code"].isin(SPURIOUS_COMMUNE_CODES).any()


@pytest.mark.parametrize("level", [1, 2, 3])
def test_code_formats_and_parents(gaz, level):
    units = gaz.units[gaz.units["level"] == level]
    assert units["code"].str.fullmatch(CODE_RE[level]).all()
    assert (units["province_code"] == units["code"].str[:2]).all()
    if level >= 2:
        assert (units["district_code"] == units["code"].str[:4]).all()
        assert units["province_code"].isin(gaz.codes(1)).all()
    if level == 3:
        assert units["district_code"].isin(gaz.codes(2)).all()


def test_pcodes_come_from_the_crosswalk_not_from_stripping(gaz):
    # Phnom Penh districts were renumbered between 2018 and 2025 (PROVENANCE section 6).
    assert gaz.pcode("1210") == "KH1212"  # Chbar Ampov
    assert gaz.pcode("1211") == "KH1210"  # Chraoy Chongvar
    assert gaz.pcode("1806") is None  # Kampong Saom, new in 2025
    pcodes = gaz.units.loc[gaz.units["pcode"] != "", "pcode"]
    assert pcodes.str.fullmatch(r"KH\d{2}(\d{2}){0,2}").all()
    assert not pcodes.duplicated().any()


def test_every_unit_with_a_polygon_has_a_point_inside_it(gaz):
    for level, name in [(1, "province"), (2, "district"), (3, "commune")]:
        polys = load_boundaries(name)
        polys = polys[polys["code"] != ""].set_index("code")
        units = gaz.units[gaz.units["level"] == level].set_index("code")
        have = units.index.intersection(polys.index)
        assert len(have) >= {1: 25, 2: 210, 3: 1600}[level]
        pts = shapely.points(units.loc[have, "lon"], units.loc[have, "lat"])
        inside = shapely.covers(polys.loc[have].geometry.values, pts)
        assert inside.all(), list(have[~inside])


def test_units_without_polygon_have_no_invented_point(gaz):
    nopoint = gaz.units[gaz.units["point_source"] == ""]
    assert (nopoint["level"] == 3).all()
    assert nopoint["lat"].isna().all() and nopoint["lon"].isna().all()
    # the 2018 commune polygons that were split after 2018 have no own polygon
    assert "120608" in set(nopoint["code"])


def test_boundary_codes_join_the_gazetteer(gaz):
    for name in ("province", "district", "commune"):
        b = load_boundaries(name)
        codes = b.loc[b["code"] != "", "code"]
        assert codes.isin(gaz.units["code"]).all(), name


def test_aliases_cover_the_variants_reporting_uses(gaz):
    al = gaz.aliases
    lookup = al.groupby("alias")["code"].apply(set).to_dict()
    for alias, code in [
        ("Kampong Som", "18"),
        ("Kompong Som", "18"),
        ("Sihanoukville", "18"),
        ("Preah Sihanouk", "18"),
        ("Oddar Meanchey", "22"),
        ("Otdar Meanchey", "22"),
        ("Siem Reap", "17"),
        ("Ratanakiri", "16"),
        ("Mondulkiri", "11"),
        ("Tbong Khmum", "25"),
        ("Poipet", "0110"),
        ("Bavet", "2008"),
        ("Sisophon", "0106"),
        ("Khemarak Phoumin", "0904"),
        ("ព្រះសីហនុ", "18"),
    ]:
        # the alias names the unit itself, or (a city name) a unit inside it
        got = lookup.get(alias, set())
        assert any(c.startswith(code) for c in got), (alias, got)
    assert al["source"].ne("").all()
    assert set(al["kind"]) >= {
        "name_en_2025",
        "name_km_2025",
        "name_en_hdx_2018",
        "province_variant",
        "geonames_alternate",
        "curated",
    }
    # GeoNames alternates go to the unit that bears the town's name (the krong, not a commune)
    geonames = al[al["kind"] == "geonames_alternate"]
    assert set(geonames.loc[geonames["alias"] == "Poipet", "code"]) == {"0110"}
    assert "Пойпет" in set(geonames.loc[geonames["code"] == "0110", "alias"])


def test_villages_and_places(gaz):
    assert 14_000 <= len(gaz.villages) <= 15_000
    codes = gaz.villages["village_code"]
    # nine villages of the new commune 050614 carry a placeholder code in the MEF list
    assert codes.str.fullmatch(r"\d{8}").sum() == len(codes) - 9
    assert codes.str.fullmatch(r"\d{8}|0506140-").all()
    known = gaz.villages["commune_code"].isin(gaz.codes(3))
    # 13 villages name a commune (120913) that the MEF commune list lacks: left empty
    assert (gaz.villages.loc[~known, "commune_code"] == "").sum() == (~known).sum() == 13
    assert len(gaz.places) > 0 and gaz.places["province_code"].ne("").all()
    bavet = gaz.places[gaz.places["name"] == "Bavet"].iloc[0]
    assert bavet["province_code"] == "20"


def test_unknown_code_is_a_clear_error(gaz):
    with pytest.raises(GazetteerError, match="unknown admin code '99'"):
        gaz.unit("99")


def test_hierarchy_helpers(gaz):
    assert gaz.parents("180101") == ["180101", "1801", "18"]
    assert len(gaz.children("18")) == 6
    assert set(gaz.children("1801")["code"]) >= {"180101", "180102", "180103", "180104"}
    assert isinstance(gaz.provinces(), pd.DataFrame) and len(gaz.provinces()) == 25


def test_names_are_clean(gaz):
    assert not gaz.units["name_en"].str.contains(r"^\s|\s$", regex=True).any()
    assert all(re.search(r"[\u1780-\u17ff]", n) for n in gaz.units["name_km"])
