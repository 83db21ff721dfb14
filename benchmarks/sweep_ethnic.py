"""Sweep: a people named with a lower-case "ethnic" before a commune's name ("the ethnic
Khmer village in X commune", "ethnic Cham families of X commune") must answer as the same
string without the ethnic phrase: the word after "ethnic" names a people, never a place
("Cham" is also a commune of Prey Veng).

Generated from the MEF 2025 commune list. Counted: strings whose answer (codes and band)
equals the answer without the phrase.

Run: ``python benchmarks/sweep_ethnic.py``.
"""

from __future__ import annotations

import time

from _sweep import mef_list, print_cpu

from compoundmap.geocode import geocode

PHRASES = (
    ("the ethnic Khmer village in {} commune", "the village in {} commune"),
    ("ethnic Cham families of {} commune", "families of {} commune"),
)


def main() -> None:
    t0 = time.process_time()
    communes = mef_list("Commune")
    for with_phrase, without in PHRASES:
        same = total = 0
        for name in communes["commune_en"]:
            a, b = geocode(with_phrase.format(name)), geocode(without.format(name))
            total += 1
            same += (a.province_code, a.district_code, a.commune_code, a.confidence) == (
                b.province_code,
                b.district_code,
                b.commune_code,
                b.confidence,
            )
        print(f"  {with_phrase!r}: as without the phrase {same}/{total}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
