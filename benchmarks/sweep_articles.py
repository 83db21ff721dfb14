"""Sweep: a lower-case indefinite article before a name ("un casino de Kampot", "una
ciudad de Bavet", "une ville de Poipet", "uma área de O'Smach").

Generated from the gazetteer: every province and district English name, written in
each article phrase. Counted: whether the answer is the one the phrase without its
article gets ("casino de Kampot": an article adds nothing), and whether any answer lands
on the village Un (អ៊ុន, Ratanakiri), the name the article "un" spells. As a check that
an article next to an admin word stays a name, "khum un, Ratanak Kiri" and "un commune,
Ratanak Kiri" must still reach the commune of Un.

Run: ``python benchmarks/sweep_articles.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode

PHRASES = (
    "un casino de {}",
    "un de ces centres situé à {}",
    "une ville de {}",
    "una ciudad de {}",
    "uno dei centri di {}",
    "uma área de {}",
)

#: The commune of the village Un (Lum Choar, Ou Ya Dav, Ratanakiri).
UN_COMMUNE = "160702"


def main() -> None:
    t0 = time.process_time()
    units = get_gazetteer().units
    named = units[units["level"].isin([1, 2])]
    tally: collections.Counter[str] = collections.Counter()
    for name in named["name_en"]:
        for phrase in PHRASES:
            r = geocode(phrase.format(name))
            bare = geocode(phrase.split(" ", 1)[1].format(name))
            same = (r.province_code, r.district_code) == (bare.province_code, bare.district_code)
            tally["as without the article" if same else "other than without the article"] += 1
            if r.commune_code == UN_COMMUNE:
                tally["read as the village Un"] += 1
    for text in ("khum un, Ratanak Kiri", "un commune, Ratanak Kiri"):
        r = geocode(text)
        tally[f"'{text}' → " + ("Un" if r.commune_code == UN_COMMUNE else "other")] += 1
    print_tally(tally)
    print_cpu(t0)


if __name__ == "__main__":
    main()
