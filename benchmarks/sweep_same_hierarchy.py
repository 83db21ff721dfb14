"""Sweep: a village, its commune and its district named together, when the same three
names make up another hierarchy elsewhere ("Samraong village, Samraong commune, Samraong
district": in Takeo and in Oddar Meanchey).

Generated from the MEF 2025 lists: every village written "V village, C commune, D district"
(and "V village, C commune") whose names occur together in two or more communes ("tied"),
and a seeded sample of the others ("unique"). A tied string names no place the gazetteer
can single out: its answer should not be in the top band; a unique one may be.

Run: ``python benchmarks/sweep_same_hierarchy.py [N]`` (default 2000 unique strings).
"""

from __future__ import annotations

import collections
import sys
import time

from _sweep import mef_list, print_cpu

from compoundmap.geocode import geocode


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    t0 = time.process_time()
    vil = mef_list("Villages")
    com = mef_list("Commune")
    dis = mef_list("District")
    v = vil.merge(com[["commune_code", "commune_en"]], on="commune_code").merge(
        dis[["district_code", "district_en"]], on="district_code"
    )
    full = v["village_en"] + " village, " + v["commune_en"] + " commune, "
    for form, text in (
        ("village, commune, district", full + v["district_en"] + " district"),
        ("village, commune", v["village_en"] + " village, " + v["commune_en"] + " commune"),
    ):
        v["text"] = text
        # (two villages of one name in one commune are one place at the commune level)
        counts = v.groupby("text")["commune_code"].nunique()
        tied = v[v["text"].map(counts) > 1].drop_duplicates("text")
        unique = v[v["text"].map(counts) == 1].sample(n=n, random_state=11)
        for label, rows in (("tied", tied), ("unique", unique)):
            tally: collections.Counter[str] = collections.Counter()
            for t, commune in zip(rows["text"], rows["commune_code"], strict=True):
                r = geocode(t)
                right = r.commune_code == commune or label == "tied"
                tally[f"{r.confidence or '-'}{'' if right else ' (wrong)'}"] += 1
            out = ", ".join(f"{k} {c}" for k, c in sorted(tally.items()))
            print(f"{form}: {label} {len(rows)}: {out}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
