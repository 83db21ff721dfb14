"""Sweep: two names joined by "and" (or listed with commas before a final "and") where the
second is also a village of the first ("Bavet and Chrey Thom": the Kandal crossing, not the
village Chrey Thum of Bavet).

Generated from the name index: every name that is a village of some district and also a
unit, GeoNames place or curated landmark in another province, written after (and before)
that district's name with "and", and as the first of three names in a comma list ending
with "and" (a third district elsewhere). Counted: whether the name is read as the village
inside the district it is listed with. Checks that must not move: the same name with its
admin word ("<district> and <name> village", "<name> village, <district> district") stays
the village, and three names that write an address ("<name>, <district>, <province> and
Poipet") keep the village.

Run: ``python benchmarks/sweep_sibling_lists.py``.
"""

from __future__ import annotations

import collections
import random
import time

import compoundmap as cm
from compoundmap import get_gazetteer
from compoundmap.geocode.index import TIER_VILLAGE, build_index


def _pairs(limit: int, seed: int = 3) -> list[tuple[str, str, str]]:
    """(name, village code, district code) of names that are a village of one district and
    something else (not a village) in another province."""
    units = get_gazetteer().units
    district_names = {str(r.code) for r in units[units["level"] == 2].itertuples()}
    out = []
    for entries in build_index().names.values():
        villages = [e for e in entries if e.tier == TIER_VILLAGE and e.district_code]
        others = [e for e in entries if e.tier < TIER_VILLAGE]
        for v in villages:
            if v.district_code not in district_names:
                continue
            if others and all(o.province_code != v.province_code for o in others):
                out.append((others[0].name, str(v.commune_code), str(v.district_code)))
                break
    random.Random(seed).shuffle(out)
    return out[:limit]


def main() -> None:
    t0 = time.process_time()
    gaz = get_gazetteer()
    name = {str(r.code): str(r.name_en) for r in gaz.units.itertuples()}
    tally: collections.Counter[str] = collections.Counter()
    for n, commune, district in _pairs(600):
        d, p = name[district], name[district[:2]]
        listed = {
            "D and N": f"{d} and {n}",
            "N and D": f"{n} and {d}",
            "N, D and Poipet": f"{n}, {d} and Poipet",
        }
        kept = {
            "D and N village": f"{d} and {n} village",
            "N village, D district": f"{n} village, {d} district",
            "N, D, P and Poipet": f"{n}, {d}, {p} and Poipet",
        }
        for label, query in {**listed, **kept}.items():
            places = cm.geocode_places(query)
            as_village = any(r.commune_code == commune for r in places)
            tally[f"{label}: {'the village in D' if as_village else 'other'}"] += 1
    for k, v in sorted(tally.items()):
        print(f"  {k}: {v}")
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main()
