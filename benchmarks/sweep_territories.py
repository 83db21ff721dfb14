"""Sweep: the name of every country and territory, and of every time zone's city (its
exemplar city), in every CLDR locale (Babel's copy of Unicode CLDR 49) read as a place
string. None is a place in Cambodia (Phnom Penh's time zone left out),
so every Cambodian place that comes back is a false reading: "কেপ ভার্দে" (Cape Verde in
Assamese) read as Kep at the top band, Khmer "សាធារណរដ្ឋអាហ្វ្រិកកណ្ដាល" (Central African
Republic) as Kandal, Khmer Stockholm as a commune. Round 12 listed those it found as places
abroad (``foreign_places.csv``, source "Unicode CLDR 49 territory name" or "… exemplar
city"); what is left is printed: names that are exactly a Cambodian place's name too
(Estonian "Taani" for Denmark is the commune Tani; "Oral", the Kazakh city, is how sources
also spell Aoral).

Run: ``python benchmarks/sweep_territories.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import print_cpu, print_tally
from babel import Locale, localedata

from compoundmap.geocode import geocode


def territory_names() -> dict[str, tuple[str, str]]:
    """Each distinct territory name and time-zone city of every CLDR locale → (its
    territory code or time zone, the first locale writing it); Cambodia, Phnom Penh and
    the numeric regions left out."""
    names: dict[str, tuple[str, str]] = {}
    for loc_id in sorted(localedata.locale_identifiers()):
        try:
            loc = Locale.parse(loc_id)
        except (ValueError, LookupError):
            continue
        for code, name in loc.territories.items():
            if code != "KH" and code.isalpha():
                names.setdefault(name, (code, loc_id))
        for zone, zone_names in loc.time_zones.items():
            city = zone_names.get("city")
            if city and zone != "Asia/Phnom_Penh":
                names.setdefault(city, (zone, loc_id))
    return names


def main() -> None:
    t0 = time.process_time()
    names = territory_names()
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for name, (code, loc_id) in names.items():
        res = geocode(name)
        band = res.confidence if res.province_code else "no place"
        tally[band] += 1
        if res.province_code:
            wrong.append(
                f"{band}: {name} ({code}, {loc_id}) → {res.province_code} {res.matched_name}"
            )
    print(f"{len(names):,} distinct territory and city names of every locale, read as places")
    print_tally(tally, sorted(wrong))
    print_cpu(t0)


if __name__ == "__main__":
    main()
