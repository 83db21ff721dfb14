"""Sweep: towns written with a town word, in every spelling the gazetteer holds.

Generated from the gazetteer:

- krong: every district that is a town (a GeoNames town of ``town_population`` or more
  bears its name, as in ``sweep_town_words.py``: the gazetteer does not mark krong), under each
  Latin name the gazetteer gives its code (MEF 2025 English, HDX 2018, curated aliases,
  GeoNames alternate names), written "X town", "X city", "Krong X", "X municipality", "X
  provincial town", "X border town", "<province>'s X town", "X, <province>" and "X city of
  <province> province";
- places: every GeoNames populated place with a population, under its name and Latin
  alternate names, written with the same words save "Krong X" and "X municipality" (which
  name a krong).

A name that is the name of its province ("Kampot") is left out: it names the province.
Counted per band of confidence: right district, right province (another district or
none), wrong province, nothing; the first wrong answers at the top band are printed.

Run: ``python benchmarks/sweep_towns.py [N]`` (N wrong answers shown, default 20).
"""

from __future__ import annotations

import collections
import sys
import time

from _sweep import print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode
from compoundmap.geocode.index import towns
from compoundmap.normalize import place_key
from compoundmap.settings import get as get_settings

KRONG_WORDS = ("Krong {}", "{} municipality")
#: How many wrong answers at the top band to print (first argument).
SHOW = int(sys.argv[1]) if len(sys.argv) > 1 else 20
TOWN_WORDS = (
    "{} town",
    "{} city",
    "{} provincial town",
    "{} border town",
    "{p}'s {} town",
    "{}, {p}",
    "{} city of {p} province",
)


def _latin(names: list[str]) -> list[str]:
    """The Latin names, each key once, in first-seen order."""
    seen: set[str] = set()
    out: list[str] = []
    for n in names:
        k = place_key(n)
        if n.isascii() and k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _tally(
    strings: list[tuple[str, str, str]], tally: collections.Counter[str], wrong: list[str]
) -> None:
    """Geocode each (text, province, district) and count the answer by band."""
    for text, province, district in strings:
        r = geocode(text)
        band = r.confidence or "-"
        if r.province_code is None:
            tally["nothing"] += 1
        elif r.province_code != province:
            tally[f"{band}: wrong province"] += 1
            if band == "high":
                wrong.append(f"{text!r} → {r.province_code} {r.district_code} {r.matched_name}")
        elif r.district_code == district:
            tally[f"{band}: right district"] += 1
        else:
            tally[f"{band}: right province"] += 1
            if band == "high" and r.district_code is not None:
                wrong.append(f"{text!r} → {r.district_code} {r.matched_name} (district)")


def main() -> None:
    t0 = time.process_time()
    gaz = get_gazetteer()
    units = gaz.units
    province = dict(units[units["level"] == 1][["code", "name_en"]].values)
    province_keys = {place_key(n) for n in province.values()}
    names: dict[str, list[str]] = collections.defaultdict(list)
    for alias, code in gaz.aliases[["alias", "code"]].itertuples(index=False):
        names[str(code)].append(str(alias))
    population = get_settings().town_population
    urban = [c for c, t in towns().items() if t.population >= population]
    krong = units[(units["level"] == 2) & units["code"].isin(urban)]
    strings: list[tuple[str, str, str]] = []
    for code, pc, name in krong[["code", "province_code", "name_en"]].itertuples(index=False):
        for n in _latin([name, *names[code]]):
            if place_key(n) in province_keys or n.lower().startswith("krong "):
                continue
            for w in (*KRONG_WORDS, *TOWN_WORDS):
                strings.append((w.format(n, p=province[pc]), pc, code))
    places: list[tuple[str, str, str]] = []
    for row in gaz.places.itertuples(index=False):
        if not row.population or not isinstance(row.district_code, str):
            continue
        pc = str(row.province_code)
        for n in _latin([row.name, *row.alternatenames]):
            if place_key(n) in province_keys:
                continue
            for w in TOWN_WORDS:
                places.append((w.format(n, p=province[pc]), pc, str(row.district_code)))
    for title, group in (("krong", strings), ("GeoNames places", places)):
        tally: collections.Counter[str] = collections.Counter()
        wrong: list[str] = []
        _tally(group, tally, wrong)
        print(f"{title}: {len(group)} strings")
        print_tally(tally, wrong[:SHOW])
    print_cpu(t0)


if __name__ == "__main__":
    main()
