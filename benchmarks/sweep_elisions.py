"""Sweep: a name that starts with a vowel after an elided French or Italian article ("la
province d'Oddar Meanchey", "le district d’Angkor Chey", "la commune d'Ou Krasar",
"nell'Oddar Meanchey"), and the same phrase with the article written out ("de Oddar
Meanchey"), which must give the same answer.

Generated from the MEF 2025 province, district and commune lists: every name whose first
letter is a vowel, in each phrase below with a straight (') and a curly (’) apostrophe.
Counted per phrase: the verdict (``_sweep.verdict``) of the elided string against the unit,
and how many elided strings answer as the written-out one. A Khmer name written with a
letter and an apostrophe in lower case ("L'ak") must keep its reading: the last line
counts such MEF villages alone, then after "le village de".

Run: ``python benchmarks/sweep_elisions.py``.
"""

from __future__ import annotations

import collections
import re
import time

from _sweep import mef_list, print_cpu, verdict

from compoundmap.geocode import geocode

PHRASES = {
    "province": ("la province d{q}{n}", "dans la province d{q}{n}", "nell{q}{n}"),
    "district": ("le district d{q}{n}", "les villages d{q}{n}"),
    "commune": ("la commune d{q}{n}", "le chef de la commune d{q}{n}"),
}


def _written_out(text: str) -> str:
    return re.sub(r"\b(d|nell)['’]", lambda m: "de " if m.group(1) == "d" else "nella ", text)


def main() -> None:
    t0 = time.process_time()
    units = {
        "province": mef_list("Province"),
        "district": mef_list("District"),
        "commune": mef_list("Commune"),
    }
    for level, table in units.items():
        pairs = zip(table[f"{level}_code"], table[f"{level}_en"], strict=True)
        named = [(c, str(n)) for c, n in pairs if str(n)[:1] in "AEIOU"]
        for phrase in PHRASES[level]:
            tally: collections.Counter[str] = collections.Counter()
            same = total = 0
            for code, name in named:
                for q in "'’":
                    text = phrase.format(q=q, n=name)
                    r = geocode(text)
                    tally[verdict(r, code)] += 1
                    w = geocode(_written_out(text))
                    same += (r.province_code, r.district_code, r.commune_code) == (
                        w.province_code,
                        w.district_code,
                        w.commune_code,
                    )
                    total += 1
            counts = ", ".join(f"{k} {v}" for k, v in sorted(tally.items()))
            print(f"  {phrase!r}: {counts}; as written out {same}/{total}")
    villages = mef_list("Villages")
    kept = total = 0
    for code, name in zip(villages["commune_code"], villages["village_en"], strict=True):
        if not re.search(r"[A-Za-z]['’][a-z]", str(name)):
            continue
        for text in (str(name), f"le village de {name}"):
            total += 1
            kept += verdict(geocode(text), code).startswith("right")
    print(f"  villages written with an inner apostrophe, in their commune: {kept}/{total}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
