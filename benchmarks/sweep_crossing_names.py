"""Sweep: border crossings named with a word more or less, and names joined by "or".

Generated from the gazetteer:

- crossings: each curated border crossing of ``localities.csv``, its name and aliases cut to
  the words before "border", "checkpoint", "crossing", "gate" or "international", written
  with each of those endings ("Cham Yeam border checkpoint", "Cham Yeam checkpoint" …);
  right when the answer lies in the crossing's own unit (its commune, else its district,
  else its province), wrong when it lies elsewhere (a sound-alike crossing: "Choam");
- bare names: each core alone ("Daung", "Chong Chom") and with its province ("Daung,
  Battambang"), counted the same way;
- pairs: each alias naming both sides ("Bavet-Moc Bai border crossing") split into its
  Cambodian core and its foreign side, written "C-F border crossing", "F-C border
  crossing", "C (Cambodia) – F (Thailand)" and "F (Vietnam) – C (Cambodia)": right as above;
- "or": every pair of province names joined by "or" ("Kampot or Kep"); both provinces
  must come back (two units joined by "or" are two places).

Run: ``python benchmarks/sweep_crossing_names.py``.
"""

from __future__ import annotations

import collections
import itertools
import re
import time
from typing import Any

import pandas as pd
from _sweep import finest, print_cpu, print_tally, verdict

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode, geocode_places
from compoundmap.geocode.crossings import crossing_cores

ENDINGS = (
    " border checkpoint",
    " checkpoint",
    " border crossing",
    " international border checkpoint",
    " border gate",
)
_PAIR = re.compile(r"\s*[-\u2013]\s*")
#: The neighbour across each border province's crossings (Preah Vihear's are Thai ones).
_LAOS = {"19"}
_VIETNAM = {"07", "08", "10", "11", "14", "16", "20", "21", "25"}
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
                _count(core + ending, code, tally, wrong)
    print(f"crossing names: {sum(tally.values())} strings")
    print_tally(tally, wrong[:15])
    provinces = dict(gaz.units[gaz.units["level"] == 1][["code", "name_en"]].values)
    for title, strings in (("bare names", _bare(loc, provinces)), ("pairs", _pairs(loc))):
        tally.clear()
        wrong.clear()
        for text, code in strings:
            _count(text, code, tally, wrong)
        print(f"{title}: {sum(tally.values())} strings")
        print_tally(tally, wrong[:10])
    names = gaz.units[gaz.units["level"] == 1][["code", "name_en"]].itertuples(index=False)
    both = total = 0
    for (ca, na), (cb, nb) in itertools.permutations(names, 2):
        got = {r.province_code for r in geocode_places(f"{na} or {nb}")}
        both += got == {ca, cb}
        total += 1
    print(f'"A or B" of two provinces: both returned {both}/{total}')
    print_cpu(t0)


def _count(text: str, code: str, tally: collections.Counter[str], wrong: list[str]) -> None:
    """Geocode ``text``, count its :func:`verdict` against ``code``, note it when elsewhere."""
    r = geocode(text)
    v = verdict(r, code)
    tally[v] += 1
    if v.startswith("elsewhere"):
        wrong.append(f"{text!r} → {finest(r)} {r.matched_name}")


def _code(row: Any) -> str:
    """A crossing's finest unit code."""
    return next(
        c
        for c in (row.commune_code, row.district_code, row.province_code)
        if isinstance(c, str) and c
    )


def _bare(loc: pd.DataFrame, provinces: dict[str, str]) -> list[tuple[str, str]]:
    """Each crossing's cores alone and with their province, with the crossing's code."""
    out: list[tuple[str, str]] = []
    for row in loc.itertuples(index=False):
        for core in crossing_cores([row.name, *row.aliases]):
            out += [(core, _code(row)), (f"{core}, {provinces[row.province_code]}", _code(row))]
    return out


def _pairs(loc: pd.DataFrame) -> list[tuple[str, str]]:
    """Each two-sided alias of a crossing in four ways, with the crossing's code."""
    out: list[tuple[str, str]] = []
    for row in loc.itertuples(index=False):
        cores = set(crossing_cores([row.name, *row.aliases]))
        pc = row.province_code
        country = "Laos" if pc in _LAOS else "Vietnam" if pc in _VIETNAM else "Thailand"
        for name in [row.name, *row.aliases]:
            sides = [_CUT.sub("", x).strip() for x in _PAIR.split(name)]
            if len(sides) != 2 or "Friendship" in name:
                continue
            ours = [x for x in sides if x in cores]
            if len(ours) != 1:
                continue
            c, f = ours[0], next(x for x in sides if x != ours[0])
            for text in (
                f"{c}-{f} border crossing",
                f"{f}-{c} border crossing",
                f"{c} (Cambodia) \u2013 {f} ({country})",
                f"{f} ({country}) \u2013 {c} (Cambodia)",
            ):
                out.append((text, _code(row)))
    return out


if __name__ == "__main__":
    main()
