"""Sweep: names of three or more words that start with a word of vowels only ("Ou Reang
Ov", "Ou Ta Paong"), spelt another way ("Ou Rang Ov").

Generated from the MEF 2025 district and commune lists: every such name, each of its later
words respelt by one reporting variant (ea → a, ae → e, ao → o, uo → o) when that changes
it; right when the answer is the unit (or lies in it), elsewhere when it lies outside it,
nothing when no place comes back. The phonetic test counts the vowel word only when the
indexed name starts with it as written.

Run: ``python benchmarks/sweep_vowel_start.py``.
"""

from __future__ import annotations

import collections
import re
import time

from _sweep import mef_list, print_cpu, verdict

from compoundmap.geocode import geocode

VARIANTS = (("ea", "a"), ("ae", "e"), ("ao", "o"), ("uo", "o"))


def main() -> None:
    t0 = time.process_time()
    dis = mef_list("District")
    com = mef_list("Commune")
    units = [
        *zip(dis["district_code"], dis["district_en"], strict=True),
        *zip(com["commune_code"], com["commune_en"], strict=True),
    ]
    tally: collections.Counter[str] = collections.Counter()
    for code, name in units:
        words = str(name).split()
        if len(words) < 3 or re.search(r"[^aeiouAEIOU]", words[0]):
            continue
        for old, new in VARIANTS:
            rest = " ".join(words[1:])
            if old not in rest:
                continue
            text = f"{words[0]} {rest.replace(old, new)}"
            tally[verdict(geocode(text), code)] += 1
    print(", ".join(f"{k} {v}" for k, v in sorted(tally.items())))
    print_cpu(t0)


if __name__ == "__main__":
    main()
