"""Sweep: a commune written with its district and province in the admin phrases of German,
French, Spanish, Italian, Portuguese, Indonesian/Malay, Vietnamese and Russian reporting
("in der Gemeinde X im Bezirk Y in der Provinz Z", "la commune de X dans le district de
Y", "коммуна X, район Y, провинция Z").

Generated from the gazetteer (300 communes, seeded): every commune the English "X commune,
Y district, Z province" finds must be found, with its district and province, in each
phrase. Counted per phrase: the strings that give the commune.

Run: ``python benchmarks/sweep_foreign_hierarchy.py``.
"""

from __future__ import annotations

import collections
import time

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode

PHRASES = (
    "Gemeinde {c}, Bezirk {d}, Provinz {p}",
    "in der Gemeinde {c} im Bezirk {d} in der Provinz {p}",
    "Gemeinde {c} im Distrikt {d}",
    "la commune de {c} dans le district de {d}, province de {p}",
    "comuna de {c}, distrito de {d}, provincia de {p}",
    "comune di {c}, distretto di {d}, provincia di {p}",
    "comuna de {c}, distrito de {d}, província de {p}",
    "komune {c}, distrik {d}, provinsi {p}",
    "xã {c}, huyện {d}, tỉnh {p}",
    "коммуна {c}, район {d}, провинция {p}",
    "в коммуне {c} в районе {d} в провинции {p}",
)


def main() -> None:
    t0 = time.process_time()
    units = get_gazetteer().units
    name = dict(zip(units["code"], units["name_en"], strict=True))
    communes = units[units["level"] == 3].sample(300, random_state=7)
    total: collections.Counter[str] = collections.Counter()
    found: collections.Counter[str] = collections.Counter()
    for code, district, province in zip(
        communes["code"], communes["district_code"], communes["province_code"], strict=True
    ):
        c, d, p = name[code], name[district], name[province]
        if geocode(f"{c} commune, {d} district, {p} province").commune_code != code:
            continue
        for phrase in PHRASES:
            total[phrase] += 1
            r = geocode(phrase.format(c=c, d=d, p=p))
            found[phrase] += (r.province_code, r.district_code, r.commune_code) == (
                province,
                district,
                code,
            )
    for phrase in PHRASES:
        print(f"  {phrase!r}: {found[phrase]}/{total[phrase]}")
    print(f"  all: {sum(found.values())}/{sum(total.values())}")
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main()
