"""Sweep: GeoNames places written as villages with their parents, in older spellings.

Generated from the gazetteer: every GeoNames populated place that lies in a commune, under
its name and Latin alternate names (GeoNames keeps older romanisations: "Phumĭ Ŏdŏngk",
"Phum Thmei"), with a "Phum"/"Phumi" word dropped, written with its commune and district
under their HDX 2018 names where those differ from the MEF 2025 ones (else the MEF names):

- "Phum X, Khum C, Srok D" (Khmer admin words, as older reports write them);
- "X village in C commune of D district";
- "X village, C commune" (the commune only).

Counted: right (the commune), coarser (its district or province only), elsewhere (any
answer outside the district), nothing; the first answers elsewhere are printed.

Run: ``python benchmarks/sweep_village_parents.py``.
"""

from __future__ import annotations

import collections
import re
import time

from _sweep import print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode_places
from compoundmap.normalize import place_key

FORMS = (
    ("khmer words", "Phum {v}, Khum {c}, Srok {d}"),
    ("in ... of", "{v} village in {c} commune of {d} district"),
    ("commune only", "{v} village, {c} commune"),
)
_PHUM = re.compile(r"^(?:phum[ĭi]?|phoum)\s+", re.IGNORECASE)


def _older(names: dict[str, list[str]], code: str, mef: str) -> str:
    """The HDX 2018 name of unit ``code`` when it differs from the MEF one, else ``mef``."""
    for n in names.get(code, []):
        if place_key(n) != place_key(mef):
            return n
    return mef


def main() -> None:
    t0 = time.process_time()
    gaz = get_gazetteer()
    units = gaz.units.set_index("code")
    hdx: dict[str, list[str]] = collections.defaultdict(list)
    for alias, code, kind in gaz.aliases[["alias", "code", "kind"]].itertuples(index=False):
        if kind == "name_en_hdx_2018":
            hdx[str(code)].append(str(alias))
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    n_places = 0
    for row in gaz.places.itertuples(index=False):
        commune = row.commune_code
        if not isinstance(commune, str) or commune not in units.index:
            continue
        district = commune[:4]
        c = _older(hdx, commune, str(units.loc[commune, "name_en"]))
        d = _older(hdx, district, str(units.loc[district, "name_en"]))
        seen: set[str] = set()
        n_places += 1
        for name in [row.name, *row.alternatenames]:
            v = _PHUM.sub("", str(name)).strip()
            if not v or not v.isascii() or place_key(v) in seen:
                continue
            seen.add(place_key(v))
            for form, pattern in FORMS:
                text = pattern.format(v=v, c=c, d=d)
                res = [r for r in geocode_places(text) if r.province_code]
                if not res:
                    verdict = "nothing"
                elif any(r.district_code not in (None, district) for r in res) or any(
                    r.province_code != commune[:2] for r in res
                ):
                    verdict = "elsewhere"
                    wrong.append(f"{text!r} → {[(r.commune_code, r.matched_name) for r in res]}")
                elif any(r.commune_code == commune for r in res):
                    verdict = "right"
                else:
                    verdict = "coarser"
                tally[f"{form}: {verdict}"] += 1
    print(f"GeoNames places in a commune: {n_places}; strings: {sum(tally.values())}")
    print_tally(tally, wrong[:15])
    print_cpu(t0)


if __name__ == "__main__":
    main()
