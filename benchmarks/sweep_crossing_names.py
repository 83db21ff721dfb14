"""Sweep: border crossings named with a word more or less, and names joined by "or".

Generated from the gazetteer:

- crossings: each curated border crossing of ``localities.csv``, its name and aliases cut to
  the words before "border", "checkpoint", "crossing", "gate" or "international", written
  with each of those endings ("Cham Yeam border checkpoint", "Cham Yeam checkpoint" …);
  right when the answer lies in the crossing's own unit (its commune, else its district,
  else its province), wrong when it lies elsewhere (a sound-alike crossing: "Choam");
- "or": every pair of province names joined by "or" ("Kampot or Kep"); both provinces
  must come back (two units joined by "or" are two places).

Run: ``python benchmarks/sweep_crossing_names.py``.
"""

from __future__ import annotations

import collections
import itertools
import re
import time

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode, geocode_places

ENDINGS = (
    " border checkpoint",
    " checkpoint",
    " border crossing",
    " international border checkpoint",
    " border gate",
)
_CUT = re.compile(r"\s+(international|border|checkpoint|crossing|gate)\b.*$", re.IGNORECASE)


def main() -> None:
    t0 = time.process_time()
    gaz = get_gazetteer()
    loc = gaz.localities[gaz.localities["kind"] == "border_crossing"]
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for row in loc.itertuples(index=False):
        code = next(
            c
            for c in (row.commune_code, row.district_code, row.province_code)
            if isinstance(c, str) and c
        )
        cores = {_CUT.sub("", n).strip() for n in [row.name, *row.aliases] if n.isascii()}
        for core in sorted(c for c in cores if c and "-" not in c and "\u2013" not in c):
            for ending in ENDINGS:
                r = geocode(core + ending)
                got = r.commune_code or r.district_code or r.province_code
                if got is None:
                    tally["nothing"] += 1
                elif str(got).startswith(code) or code.startswith(str(got)):
                    tally[f"right {r.confidence}"] += 1
                else:
                    tally[f"elsewhere {r.confidence}"] += 1
                    wrong.append(f"{core + ending!r} → {got} {r.matched_name}")
    print(f"crossing names: {sum(tally.values())} strings")
    for k, v in sorted(tally.items()):
        print(f"  {k}: {v}")
    for w in wrong[:15]:
        print("   ", w)
    names = gaz.units[gaz.units["level"] == 1][["code", "name_en"]].itertuples(index=False)
    both = total = 0
    for (ca, na), (cb, nb) in itertools.permutations(names, 2):
        got = {r.province_code for r in geocode_places(f"{na} or {nb}")}
        both += got == {ca, cb}
        total += 1
    print(f'"A or B" of two provinces: both returned {both}/{total}')
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main()
