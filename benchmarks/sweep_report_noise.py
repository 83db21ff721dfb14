"""Sweep: the bundled reports' location strings with realistic noise, against their clean answer.

Generated from ``data/raw/sources/reports.csv`` (no labelled data): every distinct value
of ``location_text``, ``province_as_reported`` and ``district_or_town_as_reported``
(the last two split on ``;``) is geocoded clean with ``geocode_places`` (as the build
reads it), then rewritten the ways sources write the same place:

- ``romanisation``: one word swapped for another spelling of it from
  ``romanisation_variants.csv`` (Kampong/Kompong, Koh/Kaoh, Stung/Steung, Boeng/Boeung …);
- ``typo``: one edit to one word of five letters or more (a letter dropped, doubled,
  changed to a neighbouring key, or two neighbours swapped), seeded;
- ``admin``: the admin word of the clean answer's level added before or after a bare name
  ("Kampot province", "Khet Kampot", "Srok Malai", "Sangkat Buon");
- ``case``: all lower case, all upper case;
- ``kg``: Kampong/Kompong abbreviated "Kg.", "Kg" or "K.".

Each noisy string's places are compared with the clean string's: ``same`` (the same
provinces, no district contradicted), ``coarser`` (fewer provinces or nothing, none new),
``wrong`` (a province the clean answer does not name, or another district of a province
where the clean answer names one district). The issue's bar is on the confident ones:
places returned at ``high`` confidence that are wrong must stay at or below 1 in 100.
Values whose clean answer is nothing are skipped (no reference).

Run: ``python benchmarks/sweep_report_noise.py [--seed S] [--show N]``.
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import time
from collections.abc import Iterator

import pandas as pd
from _sweep import print_cpu

from compoundmap._data import raw_path
from compoundmap.geocode import GeocodeResult, geocode_places

KINDS = ("romanisation", "typo", "admin", "case", "kg")
#: Neighbouring keys on a QWERTY keyboard (the usual one-letter slips).
KEYS = {
    c: n
    for row in ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    for i, c in enumerate(row)
    for n in [row[max(i - 1, 0) : i] + row[i + 1 : i + 2]]
}
#: Admin words already in a value: such a value gets no added admin word.
ADMIN_WORD = re.compile(
    r"\b(province|provinces|district|districts|commune|communes|city|town|village|khet|"
    r"srok|khan|krong|sangkat|khum|phum|municipality|border|checkpoint|sez)\b",
    re.IGNORECASE,
)
#: The admin words added for each level of the clean answer (before or after).
ADMIN = {
    "province": ("{} province", "{} Province", "Khet {}", "Province of {}"),
    "district": ("{} district", "Srok {}", "{} District"),
    "commune": ("{} commune", "Sangkat {}", "Khum {}"),
}
KAMPONG = re.compile(r"\b(kampong|kompong)\b", re.IGNORECASE)


def report_values() -> list[str]:
    """Every distinct location value of the bundled reports (multi-value fields split)."""
    df = pd.read_csv(raw_path("sources", "reports.csv"), dtype=str).fillna("")
    values: set[str] = set(df["location_text"].str.strip())
    for col in ("province_as_reported", "district_or_town_as_reported"):
        for v in df[col]:
            values.update(p.strip() for p in v.split(";"))
    return sorted(v for v in values if v)


def spelling_groups() -> dict[str, list[str]]:
    """Each romanised spelling → every spelling of its group (``romanisation_variants.csv``)."""
    table = pd.read_csv(raw_path("gazetteer", "romanisation_variants.csv"), dtype=str)
    table = table[table["kind"] == "spelling"]
    groups: dict[str, set[str]] = collections.defaultdict(set)
    for variant, canonical in zip(table["variant"], table["canonical"], strict=True):
        groups[canonical].update((variant, canonical))
    return {s: sorted(g - {s}) for g in groups.values() for s in g if len(g) > 1}


def _cased(word: str, like: str) -> str:
    """``word`` in the case pattern of ``like`` (Title, UPPER or lower)."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    return word.capitalize() if like[:1].isupper() else word


def romanisation(value: str, groups: dict[str, list[str]], rng: random.Random) -> list[str]:
    """One word of ``value`` respelled (each word of a group once, a random other spelling)."""
    out = []
    for m in re.finditer(r"[A-Za-z]+", value):
        others = groups.get(m.group().lower())
        if others and len(m.group()) > 1:
            new = _cased(rng.choice(others), m.group())
            out.append(value[: m.start()] + new + value[m.end() :])
    return out


def typo(value: str, rng: random.Random, n: int = 2) -> list[str]:
    """``n`` strings with one edit to one ASCII word of five letters or more."""
    words = [m for m in re.finditer(r"[A-Za-z]{5,}", value)]
    out = []
    for _ in range(n if words else 0):
        m = rng.choice(words)
        w, i = m.group(), rng.randrange(1, len(m.group()))  # keep the first letter
        op = rng.choice(("drop", "double", "key", "swap"))
        if op == "drop":
            w = w[:i] + w[i + 1 :]
        elif op == "double":
            w = w[:i] + w[i] + w[i:]
        elif op == "key" and KEYS.get(w[i].lower()):
            w = w[:i] + _cased(rng.choice(KEYS[w[i].lower()]), w[i]) + w[i + 1 :]
        elif i < len(w) - 1:
            w = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        out.append(value[: m.start()] + w + value[m.end() :])
    return out


def level(results: list[GeocodeResult]) -> str | None:
    """The admin level of a one-place clean answer (None for several places)."""
    if len(results) != 1:
        return None
    r = results[0]
    if r.commune_code:
        return "commune"
    return "district" if r.district_code else "province"


def admin(value: str, clean: list[GeocodeResult]) -> list[str]:
    """A bare ASCII name with the admin word of its clean answer's level."""
    lvl = level(clean)
    if lvl is None or not value.isascii() or ADMIN_WORD.search(value) or len(value) > 40:
        return []
    return [f.format(value) for f in ADMIN[lvl]]


def case(value: str) -> list[str]:
    """All lower case and all upper case (when that changes the string)."""
    return [v for v in (value.lower(), value.upper()) if v != value]


def kg(value: str) -> list[str]:
    """Kampong/Kompong abbreviated the ways sources abbreviate it."""
    return [KAMPONG.sub(a, value) for a in ("Kg.", "Kg", "K.")] if KAMPONG.search(value) else []


def noisy(
    value: str, clean: list[GeocodeResult], groups: dict[str, list[str]], rng: random.Random
) -> Iterator[tuple[str, str]]:
    """Every (kind, noisy string) of one value."""
    made = {
        "romanisation": romanisation(value, groups, rng),
        "typo": typo(value, rng),
        "admin": admin(value, clean),
        "case": case(value),
        "kg": kg(value),
    }
    for kind in KINDS:
        for text in dict.fromkeys(made[kind]):
            if text != value:
                yield kind, text


def wrong_places(clean: list[GeocodeResult], got: list[GeocodeResult]) -> list[GeocodeResult]:
    """The places of ``got`` the clean answer contradicts: another province, or another
    district of a province where the clean answer names exactly one district."""
    provinces = {r.province_code for r in clean}
    districts: dict[str | None, set[str | None]] = collections.defaultdict(set)
    for r in clean:
        districts[r.province_code].add(r.district_code)
    bad = []
    for r in got:
        if r.province_code is None:
            continue
        known = districts.get(r.province_code, set())
        one = next(iter(known)) if len(known) == 1 else None
        if r.province_code not in provinces or (
            one is not None and r.district_code is not None and r.district_code != one
        ):
            bad.append(r)
    return bad


def places(text: str) -> list[GeocodeResult]:
    """The places a string names (unmatched results dropped)."""
    return [r for r in geocode_places(text) if r.province_code]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--show", type=int, default=0, help="list N confident wrong answers")
    args = parser.parse_args(argv)
    t0 = time.process_time()
    rng, groups = random.Random(args.seed), spelling_groups()
    values = report_values()
    verdicts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    bands: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    shown: list[str] = []
    skipped = 0
    for value in values:
        clean = places(value)
        if not clean:
            skipped += 1
            continue
        for kind, text in noisy(value, clean, groups, rng):
            got = places(text)
            bad = wrong_places(clean, got)
            provinces = {r.province_code for r in got}
            if bad:
                verdict = "wrong"
            elif provinces == {r.province_code for r in clean}:
                verdict = "same"
            else:
                verdict = "coarser"
            verdicts[kind][verdict] += 1
            for r in got:
                bands[kind][f"{r.confidence} {'wrong' if r in bad else 'ok'}"] += 1
            if any(r.confidence == "high" for r in bad) and len(shown) < args.show:
                answer = "; ".join(f"{r.province_code}/{r.district_code}" for r in got)
                ref = "; ".join(f"{r.province_code}/{r.district_code}" for r in clean)
                shown.append(f"[{kind}] {text!r} → {answer} (clean {value!r} → {ref})")
    print(f"report location values: {len(values)} ({skipped} with no clean answer, skipped)")
    print("| noise | strings | same | coarser | wrong | high-band places wrong |")
    print("|---|---|---|---|---|---|")
    total_v: collections.Counter[str] = collections.Counter()
    total_b: collections.Counter[str] = collections.Counter()
    for kind in (*KINDS, "all"):
        v = total_v if kind == "all" else verdicts[kind]
        b = total_b if kind == "all" else bands[kind]
        if kind != "all":
            total_v.update(v)
            total_b.update(b)
        n, high = sum(v.values()), b["high ok"] + b["high wrong"]
        share = f"{b['high wrong']}/{high} = {100 * b['high wrong'] / high:.1f} %" if high else "-"
        print(f"| {kind} | {n} | {v['same']} | {v['coarser']} | {v['wrong']} | {share} |")
    for line in shown:
        print("   ", line)
    print_cpu(t0)


if __name__ == "__main__":
    main()
