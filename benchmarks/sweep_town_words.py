"""Sweep: provincial towns named with a town phrase ("Stung Treng provincial town",
"the provincial capital Samraong").

Generated from the gazetteer: each province's English names, and each district that is a
town (``krong``, a GeoNames town of ``town_population`` or more in it bears its name),
written with "provincial town" and "provincial capital" after the name and "the
provincial capital of"/"the provincial town" before it, and as an apposition after a
comma ("Kampong Chhnang, the provincial capital", "…, le chef-lieu de province").
Counted: the answer's level (a district, as a town is; the province; nothing) and, for a
town's own name, whether it is that town. As a check that the phrase is no place,
"Battambang provincial police" and the like must stay the province.

Run: ``python benchmarks/sweep_town_words.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode
from compoundmap.geocode.index import towns
from compoundmap.settings import get as get_settings

PHRASES = (
    "{} provincial town",
    "{} provincial capital",
    "the provincial town {}",
    "the provincial capital of {}",
    "{}, the provincial capital",
    "{}, a provincial town",
    "{}, le chef-lieu de province",
)


def main() -> None:
    t0 = time.process_time()
    units = get_gazetteer().units
    provinces = units[units["level"] == 1]
    tally: collections.Counter[str] = collections.Counter()
    for name in provinces["name_en"]:
        for phrase in PHRASES:
            r = geocode(phrase.format(name))
            level = "district" if r.district_code else "province" if r.province_code else "-"
            tally[f"province name → {level}"] += 1
        r = geocode(f"{name} provincial police")
        level = "province" if r.district_code is None else "district"
        tally[f"'<province> provincial police' → {level}"] += 1
    population = get_settings().town_population
    urban = [c for c, t in towns().items() if t.population >= population]
    districts = units[(units["level"] == 2) & units["code"].isin(urban)]
    for code, name in zip(districts["code"], districts["name_en"], strict=True):
        for phrase in PHRASES:
            r = geocode(phrase.format(name))
            tally["town name → " + ("that town" if r.district_code == code else "other")] += 1
    print_tally(tally)
    print_cpu(t0)


if __name__ == "__main__":
    main()
