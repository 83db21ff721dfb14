"""Sweep: province and district names in the admin phrases of European, Indonesian/Malay
and Tagalog reporting ("in der Provinz X", "la province cambodgienne de X", "nella
provincia di X", "in de provincie X", "di Provinsi X", "sa lalawigan ng X", "im Bezirk X",
"no distrito de X" …).

Generated from the gazetteer: every province's English name in each province phrase must
give that province and no district; every district the English "X district" finds must be
that district in each district phrase. In the reference phrases ("dans la province de X,
à 30 km de Phnom Penh", "in der Provinz X südlich von Phnom Penh") Phnom Penh is the point
a distance is measured from: the places found must be province X alone. Counted per
phrase: the strings that give what they should.

Run: ``python benchmarks/sweep_foreign_admin.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import print_cpu

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode, geocode_places

PROVINCE_PHRASES = (
    "in der Provinz {}",
    "in der kambodschanischen Provinz {}",
    "Provinz {} in Kambodscha",
    "dans la province de {}",
    "la province cambodgienne de {}",
    "en la provincia de {}",
    "la provincia camboyana de {}",
    "nella provincia di {}",
    "nella provincia cambogiana di {}",
    "na província de {}",
    "na província cambojana de {}",
    "in de provincie {}",
    "in de Cambodjaanse provincie {}",
    "di Provinsi {}",
    "Provinsi {}, Kamboja",
    "di wilayah {}, Kemboja",
    "sa lalawigan ng {}",
    "sa probinsya ng {}",
)

DISTRICT_PHRASES = (
    "im Bezirk {}",
    "im Distrikt {}",
    "Verwaltung des Bezirks {}",
    "des Distrikts {}",
    "dans le district de {}",
    "en el distrito de {}",
    "no distrito de {}",
    "nel distretto di {}",
    "in het district {}",
    "di distrik {}",
    "sa distrito ng {}",
)

REFERENCE_PHRASES = (
    "dans la province de {}, à 30 km de Phnom Penh",
    "dans la province de {}, au sud de Phnom Penh",
    "en la provincia de {}, a 30 km de Nom Pen",
    "en la provincia de {}, al norte de Nom Pen",
    "in der Provinz {}, 30 km von Phnom Penh entfernt",
    "in der Provinz {} südlich von Phnom Penh",
    "nella provincia di {}, a 30 km da Phnom Penh",
    "na província de {}, a 30 km de Phnom Penh",
    "in de provincie {}, 30 kilometer van Phnom Penh",
    "di Provinsi {}, sekitar 30 km dari Phnom Penh",
)


def main() -> None:
    t0 = time.process_time()
    units = get_gazetteer().units
    total: collections.Counter[str] = collections.Counter()
    missed: collections.Counter[str] = collections.Counter()
    provinces = units[units["level"] == 1]
    for code, name in zip(provinces["code"], provinces["name_en"], strict=True):
        for phrase in PROVINCE_PHRASES:
            r = geocode(phrase.format(name))
            total[phrase] += 1
            if (r.province_code, r.district_code) != (code, None):
                missed[phrase] += 1
    districts = units[units["level"] == 2]
    for code, name in zip(districts["code"], districts["name_en"], strict=True):
        if geocode(f"{name} district").district_code != code:
            continue
        for phrase in DISTRICT_PHRASES:
            total[phrase] += 1
            if geocode(phrase.format(name)).district_code != code:
                missed[phrase] += 1
    for code, name in zip(provinces["code"], provinces["name_en"], strict=True):
        if code == "12":
            continue
        for phrase in REFERENCE_PHRASES:
            total[phrase] += 1
            places = {p.province_code for p in geocode_places(phrase.format(name))}
            if places != {code}:
                missed[phrase] += 1
    for phrase in (*PROVINCE_PHRASES, *DISTRICT_PHRASES, *REFERENCE_PHRASES):
        print(f"  {phrase!r}: {total[phrase] - missed[phrase]}/{total[phrase]}")
    print(f"  all: {sum(total.values()) - sum(missed.values())}/{sum(total.values())}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
