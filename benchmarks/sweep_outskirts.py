"""Sweep: towns written as the outskirts of where something is.

Generated from the gazetteer (no labelled data): every GeoNames town that shares a name with
its district or commune (:func:`compoundmap.geocode.index.towns`), written bare and in
outskirts phrases ("on the outskirts of X", "X's outskirts", "la périphérie de X",
"pinggiran X"), and every Japanese, Korean and Chinese name of a town or district in the
index with 郊外 / 외곽 / 郊区 after it. Each answer is scored against the bare name's:
``province`` (the provinces the bare name gives, at province level), ``finer`` (a
district, commune or point: what the rule forbids), ``other`` (other provinces) or
``nothing``.

Run: ``python benchmarks/sweep_outskirts.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import has_cjk, print_cpu, print_tally

from compoundmap._scripts import is_hangul
from compoundmap.geocode import geocode_places
from compoundmap.geocode.index import build_index, towns

LATIN = (
    "on the outskirts of {}",
    "{}'s outskirts",
    "the suburbs of {}",
    "la périphérie de {}",
    "las afueras de {}",
    "pinggiran {}",
)
SCRIPT = ("{}郊外", "{} 외곽", "{}郊区")


def _verdict(text: str, name: str) -> str:
    """``province`` when ``text`` gives the provinces the bare ``name`` gives, at province
    level; ``finer`` when it gives a district or finer; ``other`` or ``nothing`` else."""
    bare = {r.province_code for r in geocode_places(name) if r.province_code}
    got = [r for r in geocode_places(text) if r.province_code]
    if not got:
        return "nothing" if bare else "nothing (bare too)"
    if {r.province_code for r in got} != bare:
        return "other"
    return "finer" if any(r.district_code for r in got) else "province"


def main() -> None:
    t0 = time.process_time()
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for place in sorted(towns().values(), key=lambda e: e.name):
        if not place.province_code or not place.name.isascii():
            continue
        for form in LATIN:
            v = _verdict(form.format(place.name), place.name)
            tally[f"latin {v}"] += 1
            if v in ("finer", "other") and len(wrong) < 20:
                wrong.append(f"{form.format(place.name)!r}: {v}")
    index = build_index()
    for key, entries in sorted(index.names.items()):
        if not (has_cjk(key) or any(is_hangul(ch) for ch in key)):
            continue
        provinces = {e.province_code for e in entries}
        if len(provinces) != 1 or not all(e.kind in ("place", "district") for e in entries):
            continue
        for form in SCRIPT:
            v = _verdict(form.format(key), key)
            tally[f"script {v}"] += 1
            if v in ("finer", "other") and len(wrong) < 40:
                wrong.append(f"{form.format(key)!r}: {v}")
    print_tally(tally, wrong)
    print_cpu(t0)


if __name__ == "__main__":
    main()
