"""Sweep: a place named next to "near" another one, in the languages of European,
Indonesian/Malay, Tagalog, Vietnamese and Russian reporting ("in Takeo near Phnom Penh",
"en Kandal, cerca de Nom Pen", "di Kandal dekat Phnom Penh"), and the distance and
direction phrases of Tagalog and Indonesian/Malay ("30 km mula sa Phnom Penh", "selatan
Phnom Penh").

Generated from the gazetteer: in the phrases with a second place, Phnom Penh is only the
point the place lies near (or is measured from) and the places found must be province X
alone; in the phrases with "near" alone ("near X", "près de X"), X is the place and must
be found. Counted per phrase: the strings that give what they should.

Run: ``python benchmarks/sweep_near.py``.
"""

from __future__ import annotations

import collections
import time

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode_places

NEAR_PHRASES = (
    "in {} province near Phnom Penh",
    "in der Provinz {} nahe Phnom Penh",
    "dans la province de {}, près de Phnom Penh",
    "en la provincia de {}, cerca de Nom Pen",
    "nella provincia di {}, vicino a Phnom Penh",
    "na província de {}, perto de Phnom Penh",
    "in de provincie {} bij Phnom Penh",
    "di Provinsi {} dekat Phnom Penh",
    "sa lalawigan ng {} malapit sa Phnom Penh",
    "tỉnh {} gần Phnom Penh",
    "một casino ở {} gần Phnom Penh",
    "sa lalawigan ng {}, 30 km mula sa Phnom Penh",
    "di Provinsi {}, sebelah selatan Phnom Penh",
)

ALONE_PHRASES = (
    "a casino near {}",
    "nahe {}",
    "près de {}",
    "cerca de {}",
    "vicino a {}",
    "dekat {}",
    "gần {}",
)


def main() -> None:
    t0 = time.process_time()
    units = get_gazetteer().units
    total: collections.Counter[str] = collections.Counter()
    missed: collections.Counter[str] = collections.Counter()
    provinces = units[units["level"] == 1]
    for code, name in zip(provinces["code"], provinces["name_en"], strict=True):
        if code == "12":
            continue
        for phrase in NEAR_PHRASES:
            total[phrase] += 1
            if {p.province_code for p in geocode_places(phrase.format(name))} != {code}:
                missed[phrase] += 1
        for phrase in ALONE_PHRASES:
            total[phrase] += 1
            if {p.province_code for p in geocode_places(phrase.format(name))} != {code}:
                missed[phrase] += 1
    for phrase in (*NEAR_PHRASES, *ALONE_PHRASES):
        print(f"  {phrase!r}: {total[phrase] - missed[phrase]}/{total[phrase]}")
    print(f"  all: {sum(total.values()) - sum(missed.values())}/{sum(total.values())}")
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main()
