"""Sweep: a unit's name with an English possessive before a finer unit or a landmark
("Kandal’s Koh Thom district", "Koh Thom’s Sampov Puon commune", "Koh Kong’s Long Bay
casino complex").

Generated from the gazetteer: every MEF district after its province's name, every commune
after its district's and after its province's name (curly and straight apostrophes), and
every curated locality name or alias in Latin script after its province's name. Counted:
how far the answer reaches (the unit itself, its district, its province, nothing, or a
place elsewhere), and for the localities whether the set of provinces returned is the
locality's own.

Run: ``python benchmarks/sweep_possessives.py``.
"""

from __future__ import annotations

import collections
import time

import compoundmap as cm
from compoundmap import get_gazetteer
from compoundmap.geocode import geocode


def _reach(code: str, query: str) -> str:
    """How far the answer to ``query`` reaches towards the unit ``code``."""
    r = geocode(query)
    if r.province_code is None:
        return "nothing"
    if r.province_code != code[:2]:
        return "elsewhere"
    if len(code) >= 6 and r.commune_code == code:
        return "commune"
    if len(code) >= 4 and r.district_code == code[:4]:
        return "district" if len(code) == 4 else "its district"
    return "province"


def main() -> None:
    t0 = time.process_time()
    gaz = get_gazetteer()
    units = gaz.units
    name = {str(r.code): str(r.name_en) for r in units.itertuples()}
    tally: collections.Counter[str] = collections.Counter()
    for r in units[units["level"] == 2].itertuples():
        code = str(r.code)
        for mark in ("’s", "'s"):
            query = f"{name[code[:2]]}{mark} {r.name_en} district"
            tally[f"district after its province: {_reach(code, query)}"] += 1
    for r in units[units["level"] == 3].itertuples():
        code = str(r.code)
        for parent in (code[:4], code[:2]):
            query = f"{name[parent]}’s {r.name_en} commune"
            level = "district" if len(parent) == 4 else "province"
            tally[f"commune after its {level}: {_reach(code, query)}"] += 1
    for r in gaz.localities.itertuples():
        if r.needs_context:
            continue
        province = str(r.province_code)
        for n in (str(r.name), *map(str, r.aliases)):
            if not n.isascii():
                continue
            got = {p.province_code for p in cm.geocode_places(f"{name[province]}’s {n}")}
            got.discard(None)
            key = "own province" if got == {province} else "nothing" if not got else "other"
            tally[f"locality after its province: {key}"] += 1
    for k, v in sorted(tally.items()):
        print(f"  {k}: {v}")
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main()
