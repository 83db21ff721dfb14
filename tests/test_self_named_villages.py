"""Villages named after their own commune or district ("Bavet Kandal" in Bavet) place
themselves (``Entry.self_named``): cases generated from the gazetteer."""

from __future__ import annotations

from functools import cache

import pytest

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode
from compoundmap.geocode.index import TIER_VILLAGE, name_index


@cache
def _unique_self_named() -> list[tuple[str, str]]:
    """(English name, commune code) of self-named villages whose name means nothing else
    in the index, a sample of 60 in a fixed order."""
    out = []
    for key, entries in name_index().items():
        if len(entries) != 1 or not key.isascii():
            continue
        e = entries[0]
        if e.tier == TIER_VILLAGE and e.self_named and e.commune_code and e.name.isascii():
            out.append((e.name, e.commune_code))
    return sorted(set(out))[::7][:60]


def test_there_are_such_villages() -> None:
    assert len(_unique_self_named()) >= 40


@pytest.mark.parametrize("frame", ["{} village", "{}", "the casino at {} hamlet"])
def test_a_self_named_village_places_itself_below_the_top_band(frame: str) -> None:
    rows = _unique_self_named()
    right = 0
    for name, commune in rows:
        r = geocode(frame.format(name))
        # the village's commune, or coarser inside its district: never elsewhere, never top
        assert r.commune_code in (commune, None), (name, r)
        assert r.district_code in (commune[:4], None), (name, r)
        assert r.confidence != "high", (name, r)
        right += r.commune_code == commune
    # measured 2026-12-01: 0 before self-naming (a lone village was never read)
    assert right / len(rows) >= 0.8, right / len(rows)


def test_a_village_named_otherwise_still_needs_a_parent() -> None:
    """A village whose name is not its commune's ("Trapeang Sre") is still not read alone."""
    gaz = get_gazetteer()
    v = gaz.villages
    lone = 0
    for key, entries in name_index().items():
        if not key.isascii():
            continue
        if len(entries) == 1 and entries[0].tier == TIER_VILLAGE and not entries[0].self_named:
            e = entries[0]
            if e.name.isascii() and e.name in set(v["name_en"]):
                r = geocode(f"{e.name} village")
                assert r.commune_code is None, (e.name, r)
                lone += 1
                if lone >= 60:
                    break
    assert lone >= 60


def test_a_named_province_elsewhere_overrules_the_village() -> None:
    for name, commune in _unique_self_named()[:20]:
        other = "Ratanak Kiri" if not commune.startswith("16") else "Kampot"
        r = geocode(f"{name} village, {other} province")
        assert r.commune_code != commune or r.confidence != "high", (name, r)
