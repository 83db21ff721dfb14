"""Geocoder throughput on 100,000 distinct noisy strings built from the gazetteer.

Strings: admin-unit names (English MEF/HDX names, curated aliases, Khmer names), GeoNames
places and village-in-commune pairs, with realistic noise — romanisation variants, one-letter
typos, admin words (English and transliterated Khmer), case changes, possessives, a province
appended — made distinct by construction. Prints strings/s and peak memory for
``compoundmap.geocode`` and, on a subsample (extrapolated, said so in the output), for a naive
baseline: ``rapidfuzz.process.extractOne`` over every gazetteer name.

Run: ``python benchmarks/bench_geocode.py [N]``. Floor: 10,000 distinct strings/s. The first
line says whether the geocoder ran compiled (``make compiled``: mypyc) or from source.
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time

import pandas as pd
from rapidfuzz import fuzz, process

from compoundmap import _compiled, get_gazetteer
from compoundmap.geocode import geocode, geocode_frame, name_index

VARIANTS = [
    ("Kampong", "Kompong"),
    ("Kaoh", "Koh"),
    ("Stueng", "Steung"),
    ("Boeng", "Boeung"),
    ("Preaek", "Prek"),
    ("Tuol", "Toul"),
    ("ae", "ea"),
    ("Ou ", "O'"),
    ("Phnum", "Phnom"),
]
BEFORE = ["", "", "Khum ", "Sangkat ", "Srok ", "Khan ", "Krong ", "Phum ", "Khett "]
AFTER = ["", "", " commune", " district", " province", " town", " village", " city"]


def typo(rng: random.Random, s: str) -> str:
    if len(s) < 6:
        return s
    i = rng.randrange(1, len(s) - 1)
    op = rng.randrange(3)
    if op == 0:
        return s[:i] + s[i + 1 :]  # deletion
    if op == 1:
        return s[:i] + s[i + 1] + s[i] + s[i + 2 :]  # transposition
    return s[:i] + rng.choice("aeioukngh") + s[i + 1 :]  # substitution


def make_strings(n: int, seed: int = 7) -> list[str]:
    gaz = get_gazetteer()
    rng = random.Random(seed)
    units = gaz.units
    prov_names = dict(zip(units["code"], units["name_en"], strict=True))
    names = list(gaz.aliases[["alias", "code"]].itertuples(index=False, name=None))
    places = [
        (str(p), str(c)) for p, c in gaz.places[["name", "province_code"]].itertuples(index=False)
    ]
    vil = gaz.villages
    villages = [
        (str(v), prov_names.get(str(c), ""))
        for v, c in vil[["name_en", "commune_code"]].itertuples(index=False)
    ]
    out: set[str] = set()
    while len(out) < n:
        kind = rng.random()
        if kind < 0.55:
            name, code = rng.choice(names)
            base = str(name)
            prov = prov_names.get(str(code)[:2], "")
        elif kind < 0.7:
            base, pcode = rng.choice(places)
            prov = prov_names.get(pcode, "")
        else:
            base, commune = rng.choice(villages)
            base = f"{base} village, {commune} commune"
            prov = ""
        s = base
        if rng.random() < 0.5:
            a, b = rng.choice(VARIANTS)
            s = s.replace(a, b)
        if rng.random() < 0.25:
            s = typo(rng, s)
        if s.isascii():
            s = rng.choice(BEFORE) + s + rng.choice(AFTER)
            r = rng.random()
            if r < 0.2:
                s = s.upper()
            elif r < 0.4:
                s = s.lower()
        if prov and rng.random() < 0.4:
            s = f"{s}, {prov}" if rng.random() < 0.5 else f"{prov}'s {s}"
        # a distinct suffix would change the task; instead retry until the string is new
        out.add(s)
    strings = sorted(out)
    rng.shuffle(strings)
    return strings


def geocode_cache_clear() -> None:
    """Forget cached results and tokens so a second pass costs what the first did."""
    frame = sys.modules["compoundmap.geocode.frame"]
    norm = sys.modules["compoundmap.normalize"]

    frame._geocode_cached.cache_clear()
    norm.tokenize.cache_clear()
    norm._latin_tokens.cache_clear()
    norm.skeleton.cache_clear()
    sys.modules["compoundmap.geocode.tokens"]._script_pieces_cached.cache_clear()
    sys.modules["compoundmap.geocode.variants"]._phonetic_cached.cache_clear()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    t0 = time.perf_counter()
    name_index()
    geocode("warm up")
    build = time.perf_counter() - t0
    strings = make_strings(n)
    assert len(set(strings)) == n
    t0, c0 = time.perf_counter(), time.process_time()
    results = [geocode(s) for s in strings]
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rate = n / elapsed
    cpu_rate = n / cpu
    # the batch API on the same strings (fresh process state matters little: caches are
    # keyed by the raw strings, which the loop above already saw, so clear them first)
    geocode_cache_clear()
    frame = pd.DataFrame({"place": strings})
    t0, c0 = time.perf_counter(), time.process_time()
    geocode_frame(frame, "place", progress=False)
    f_elapsed, f_cpu = time.perf_counter() - t0, time.process_time() - c0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    matched = sum(r.status == "matched" for r in results) / n
    ambiguous = sum(r.status == "ambiguous" for r in results) / n
    load = os.getloadavg()[0]
    print(f"geocoder build: {_compiled.status()} (make compiled; docs/geocoding.md, Speed)")
    print(f"index build + gazetteer load: {build:.2f} s (load average {load:.1f})")
    print(
        f"compoundmap.geocode: {n:,} distinct strings in {elapsed:.2f} s = {rate:,.0f} strings/s "
        f"(floor 10,000), peak RSS {peak_mb:.0f} MB"
    )
    print(f"  CPU time {cpu:.2f} s = {cpu_rate:,.0f} strings/s of CPU (other load excluded)")
    print(
        f"compoundmap.geocode_frame (batch, cyclic GC paused) on the same {n:,} strings: "
        f"{n / f_elapsed:,.0f} strings/s ({n / f_cpu:,.0f} strings/s of CPU)"
    )
    print(
        f"  matched {matched:.1%}, ambiguous {ambiguous:.1%}, "
        f"unmatched {1 - matched - ambiguous:.1%}"
    )

    # naive baseline: extractOne over every gazetteer name, on a subsample
    gaz = get_gazetteer()
    choices = sorted(
        {str(a).lower() for a in gaz.aliases["alias"]}
        | {str(v).lower() for v in gaz.villages["name_en"]}
        | {str(p).lower() for p in gaz.places["name"]}
    )
    sample = strings[:2000]
    t0 = time.process_time()
    for s in sample:
        process.extractOne(s.lower(), choices, scorer=fuzz.WRatio)
    base_elapsed = time.process_time() - t0
    base_rate = len(sample) / base_elapsed
    print(
        f"naive baseline (rapidfuzz.process.extractOne, WRatio, over {len(choices):,} names): "
        f"{base_rate:,.0f} strings/s of CPU measured on a {len(sample):,}-string subsample, "
        f"extrapolated to {n:,} strings: {n / base_rate:.0f} s"
    )
    print(f"speed-up (CPU): {cpu_rate / base_rate:,.0f}x")


if __name__ == "__main__":
    main()
