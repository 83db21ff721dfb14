"""Sweep: a hyphen between two names, written without spaces ("Moc Bai-Bavet").

Generated from the gazetteer:

- pairs: each place abroad of ``foreign_places.csv`` joined by a hyphen (and by an en dash)
  to each of a seeded sample of Cambodian district names, in both orders; right when the
  answer is that district, as it is for the same pair written with a spaced dash;
- communes: a place abroad and a Cambodian commune of several words, spaced ("Xa Mat -
  Trapeang Phlong"): right when the answer is that commune (a commune named exactly as
  written is no look-alike of the name abroad);
- names: a seeded sample of official district and commune names of two or more words,
  each written with a hyphen in place of one space before a capitalised word ("Kampong-Cham",
  "Tuol-Kouk"); the answer must stay what the name written with spaces gives (a hyphen
  inside a name is no break between two names).

Run: ``python benchmarks/sweep_hyphen_pairs.py [N]`` (default 40 districts and 200 names).
"""

from __future__ import annotations

import collections
import sys
import time

import pandas as pd
from _sweep import mef_list, print_cpu, print_tally

from compoundmap._data import raw_path
from compoundmap.geocode import geocode, geocode_places


def _district(text: str) -> set[str | None]:
    return {r.district_code for r in geocode_places(text) if r.province_code}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    t0 = time.process_time()
    dis = mef_list("District")
    com = mef_list("Commune")
    abroad = pd.read_csv(raw_path("gazetteer", "foreign_places.csv"), dtype=str)["name"]
    sample = dis.sample(n=min(n, len(dis)), random_state=3)
    tally: collections.Counter[str] = collections.Counter()
    for code, name in zip(sample["district_code"], sample["district_en"], strict=True):
        for foreign in abroad:
            for dash in ("-", "\u2013"):
                for text in (f"{foreign}{dash}{name}", f"{name}{dash}{foreign}"):
                    got = _district(text)
                    ref = _district(text.replace(dash, " - "))
                    tally["pair right" if got == {code} else "pair other"] += 1
                    tally["pair as spaced" if got == ref else "pair unlike spaced"] += 1
    multi = com[com["commune_en"].str.count(" ") >= 1].sample(
        n=min(5 * n, len(com)), random_state=5
    )
    for code, name in zip(multi["commune_code"], multi["commune_en"], strict=True):
        for foreign in abroad.iloc[::6]:
            got = {r.commune_code for r in geocode_places(f"{foreign} - {name}") if r.province_code}
            tally["commune right" if got == {code} else "commune other"] += 1
    names = pd.concat([dis["district_en"], com["commune_en"]]).dropna()
    names = names[names.str.count(" ") >= 1].drop_duplicates()
    names = names.sample(n=min(5 * n, len(names)), random_state=3)
    changed: list[str] = []
    for name in names:
        words = name.split(" ")
        for k in range(1, len(words)):
            if not words[k][:1].isupper():
                continue
            hyphened = " ".join(words[:k]) + "-" + " ".join(words[k:])
            a, b = geocode(name), geocode(hyphened)
            same = (a.province_code, a.district_code, a.commune_code) == (
                b.province_code,
                b.district_code,
                b.commune_code,
            )
            tally["name same" if same else "name changed"] += 1
            if not same:
                changed.append(
                    f"{hyphened!r}: {a.commune_code or a.district_code} → "
                    f"{b.commune_code or b.district_code}"
                )
    print_tally(tally, changed[:15])
    print_cpu(t0)


if __name__ == "__main__":
    main()
