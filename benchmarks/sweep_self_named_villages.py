"""Sweep: villages named after their own commune or district ("Bavet Kandal" in Bavet).

Generated from the gazetteer: every such village name (``Entry.self_named``), written
alone and as "<name> village", is geocoded; the answer is right when it is the village's
commune, coarser when it is its district or province (or ``ambiguous``), and elsewhere
when it is another unit (often a commune of the same name, which the name alone may well
mean). As negatives, every name of ``foreign_places.csv`` (places
abroad the geocoder must not match) is geocoded: any Cambodian place is counted.

Run: ``python benchmarks/sweep_self_named_villages.py``.
"""

from __future__ import annotations

import collections
import time

import pandas as pd
from _sweep import print_cpu

from compoundmap._data import raw_path
from compoundmap.geocode import geocode
from compoundmap.geocode.index import TIER_VILLAGE, name_index


def main() -> None:
    t0 = time.process_time()
    index = name_index()
    names: dict[str, set[str]] = collections.defaultdict(set)
    for entries in index.values():
        for e in entries:
            if e.self_named and e.tier == TIER_VILLAGE and e.name.isascii():
                names[e.name].add(e.commune_code or "")
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for name, communes in sorted(names.items()):
        for text in (name, f"{name} village"):
            r = geocode(text)
            districts = {c[:4] for c in communes}
            if r.commune_code in communes:
                verdict = "right"
            elif r.province_code is None:
                verdict = "nothing"
            elif r.commune_code is None and r.district_code in (None, *districts):
                verdict = "coarser"  # the district, the province, or ambiguous
            else:
                # another commune or district: a commune of the same name elsewhere is
                # often what the name means alone (the village is then a namesake)
                verdict = "elsewhere"
                wrong.append(f"{text!r} → {r.commune_code} {r.commune_name} ({r.confidence})")
            tally[f"{verdict} {r.confidence}"] += 1
    print(f"self-named village names: {len(names)}; strings: {sum(tally.values())}")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    print(f"  elsewhere: {len(wrong)}")
    for w in wrong[:20]:
        print("   ", w)
    foreign = pd.read_csv(raw_path("gazetteer", "foreign_places.csv"), dtype=str)
    col = foreign.columns[0]
    hits = []
    for text in foreign[col].dropna().unique():
        r = geocode(text)
        if r.province_code:
            hits.append(
                f"{text!r} → {r.province_code}/{r.district_code}/{r.commune_code} "
                f"({r.confidence}, {r.method})"
            )
    print(
        f"foreign_places.csv names: {foreign[col].nunique()}, with a Cambodian place: {len(hits)}"
    )
    for h in hits[:20]:
        print("   ", h)
    print_cpu(t0)


if __name__ == "__main__":
    main()
