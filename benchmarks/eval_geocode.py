"""Accuracy and reliability of the geocoder and the geoparser on every labelled set.

Sets (all in ``tests/data/``, provenance in ``tests/data/README.md``):

- ``geocode_dev.csv``: 101 location strings like the bundled sources (PROVENANCE §11);
- ``geocode_broad.csv``: 493 real strings in 17 languages (landmarks, transliterations,
  foreign admin words, misspellings, several places …), split ``dev``/``test`` by md5;
- ``geocode_fresh.csv``: 93 real strings collected after the two above, held out (13 name
  only places abroad: right when no Cambodian place comes back);
- ``geocode_fresh2.csv``: 143 real strings in 14 languages collected in round 3 after
  every other set and frozen before that round's last tuning (18 name only places abroad);
- ``geocode_fresh3.csv``: real strings like the bundled ones collected in round 10 by a
  curator who never ran the geocoder nor read its code or curated names, scored once (held
  out);
- ``passages.csv``: 110 short passages for ``extract_places`` (55 name no Cambodian place);
- a synthetic set: random communes written "X commune, Y district, Z province", with one
  letter dropped, and bare with the province as context.

Scoring. A string is scored as the build reads it, through ``geocode_places``: the
province is right when the set of provinces of the places returned equals the gold set
(one province for most rows); the district is right (rows with a gold district) when every
place returned lies in it (or, for a commune, when its 2018 district is the gold one: some
gold districts predate the 2025 re-districting). Reliability is scored per place returned,
by its ``confidence``: a place is wrong when it lies outside the gold provinces, or
contradicts a gold district or commune, or when the row names no Cambodian place at all.

Run: ``python benchmarks/eval_geocode.py [--misses SET]`` (``make bench`` runs it). Prints
the tables ``docs/geocoding.md`` quotes; ``--misses dev`` etc. lists the wrong rows of one
set (``--misses fresh``/``--misses fresh2`` only once tuning is over: those sets are held
out).
"""

from __future__ import annotations

import argparse
import collections
import functools
import random
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from compoundmap import get_gazetteer
from compoundmap.geocode import GeocodeResult, geocode_places
from compoundmap.geoparse import extract_places

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
BANDS = ("high", "medium", "low")
#: The held-out sets, in the order they were collected (tests/data/README.md): ``fresh`` and
#: ``fresh2`` always present, the later ones read when their file is there.
HELD_OUT = (
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
)


def band(r: GeocodeResult) -> str:
    """The confidence band of a result."""
    return r.confidence


@dataclass
class Tally:
    """Counts of one set."""

    n: int = 0
    province: int = 0
    n_district: int = 0
    district: int = 0
    by: dict[str, list[int]] = field(
        default_factory=lambda: collections.defaultdict(lambda: [0, 0])
    )
    bands: dict[str, list[int]] = field(
        default_factory=lambda: collections.defaultdict(lambda: [0, 0])
    )
    misses: list[str] = field(default_factory=list)


@functools.cache
def _legacy() -> dict[str, str]:
    """Commune (2025 code) → the 2025 code of its 2018 district (through its HDX p-code).
    Gold districts taken from pages older than the 2025 re-districting name the 2018
    district ("Chrey Thom, Koh Thom district": the commune is now in Sampov Pun)."""
    units = get_gazetteer().units
    by_pcode = {
        str(p): str(c)
        for p, c, lv in zip(units["pcode"], units["code"], units["level"], strict=True)
        if p and lv == 2
    }
    return {
        str(c): by_pcode[str(p)[:6]]
        for p, c, lv in zip(units["pcode"], units["code"], units["level"], strict=True)
        if lv == 3 and isinstance(p, str) and p[:6] in by_pcode
    }


def _district_right(r: GeocodeResult, district: str) -> bool:
    """Whether a place lies in the gold district (2025, or 2018 for its commune)."""
    return r.district_code == district or _legacy().get(r.commune_code or "") == district


def _place_wrong(r: GeocodeResult, gold: set[str], district: str, commune: str) -> bool:
    """Whether one returned place contradicts the gold."""
    if not gold:
        return True  # the row names no Cambodian place
    if r.province_code not in gold:
        return True
    if district and r.district_code and not _district_right(r, district):
        return True
    return bool(commune and r.commune_code and r.commune_code != commune)


def score_strings(rows: pd.DataFrame, tally: Tally) -> Tally:
    """Score location strings (columns of ``geocode_broad.csv``)."""
    for row in rows.itertuples(index=False):
        gold = {p for p in str(row.gold_places).split(";") if p}
        district, commune = str(row.gold_district_code), str(row.gold_commune_code)
        places = [p for p in geocode_places(row.query) if p.province_code]
        got = {p.province_code for p in places}
        ok = got == gold
        tally.n += 1
        tally.province += ok
        for key in (f"category {row.category}", f"language {row.language}"):
            tally.by[key][0] += ok
            tally.by[key][1] += 1
        d_ok = None
        if district:
            d_ok = bool(places) and all(_district_right(p, district) for p in places)
            tally.n_district += 1
            tally.district += d_ok
        for p in places:
            b = band(p)
            tally.bands[b][1] += 1
            tally.bands[b][0] += not _place_wrong(p, gold, district, commune)
        if not ok or d_ok is False:
            shown = "; ".join(
                f"{p.province_code}/{p.district_code or '-'}/{p.commune_code or '-'} "
                f"{p.status} p{p.precision} {band(p)} {p.method}"
                for p in places
            )
            golds = "/".join(sorted(gold)) or "-"
            tally.misses.append(
                f"{row.language:8} {row.category:20} {row.query!r} gold {golds}"
                f"/{district or '-'} → {shown or 'nothing'}"
            )
    return tally


def dev_rows() -> pd.DataFrame:
    """``geocode_dev.csv`` in the columns of the broad set (district names → codes)."""
    dev = pd.read_csv(DATA / "geocode_dev.csv", dtype=str, keep_default_na=False)
    units = get_gazetteer().units
    districts = units[units["level"] == 2]
    code_of = {
        (p, n): c
        for p, n, c in zip(
            districts["province_code"], districts["name_en"], districts["code"], strict=True
        )
    }
    return pd.DataFrame(
        {
            "query": dev["query"],
            "language": "-",
            "category": "dev",
            "gold_places": dev["gold_province_code"],
            "gold_district_code": [
                code_of.get((p, n), "")
                for p, n in zip(dev["gold_province_code"], dev["gold_district_name"], strict=True)
            ],
            "gold_commune_code": "",
        }
    )


def string_sets(held_out: bool = True) -> dict[str, pd.DataFrame]:
    """Every labelled string set by name (without the held-out set when ``held_out`` is
    false: while tuning, it is not looked at)."""
    broad = pd.read_csv(DATA / "geocode_broad.csv", dtype=str, keep_default_na=False)
    fresh = pd.read_csv(DATA / "geocode_fresh.csv", dtype=str, keep_default_na=False)
    fresh2 = pd.read_csv(DATA / "geocode_fresh2.csv", dtype=str, keep_default_na=False)
    sets = {
        "dev set": dev_rows(),
        "broad dev": broad[broad["split"] == "dev"],
        "broad test": broad[broad["split"] == "test"],
        "fresh": fresh,
        "fresh2": fresh2,
    }
    for name in HELD_OUT[2:]:
        path = DATA / f"geocode_{name}.csv"
        if path.exists():
            sets[name] = pd.read_csv(path, dtype=str, keep_default_na=False)
    if not held_out:
        for name in HELD_OUT:
            sets.pop(name, None)
    return sets


def score_passages() -> tuple[int, int, int, int, Tally]:
    """(foreign-only passages with no Cambodian place, foreign-only passages, passages whose
    set of provinces is exact, passages) and the reliability of every place mention."""
    df = pd.read_csv(DATA / "passages.csv", dtype=str, keep_default_na=False)
    clean = n_foreign = exact = 0
    tally = Tally()
    for row in df.itertuples(index=False):
        gold = {p for p in row.gold_province_codes.split(";") if p}
        mentions = [m for m in extract_places(row.passage) if m.province_code]
        got = {m.province_code for m in mentions}
        if row.is_foreign_only == "true":
            n_foreign += 1
            clean += not got
        exact += got == gold
        for m in mentions:
            b = m.confidence
            tally.bands[b][1] += 1
            tally.bands[b][0] += m.province_code in gold
        if got != gold:
            tally.misses.append(
                f"{row.language:4} {row.passage[:90]!r} gold {sorted(gold)} → {sorted(got)}"
            )
    return clean, n_foreign, exact, len(df), tally


def synthetic(n: int = 400, seed: int = 11) -> dict[str, float]:
    """Share right of random communes written out in full, with a letter dropped, and bare
    with the province as context."""
    from compoundmap.geocode import geocode

    gaz = get_gazetteer()
    units = gaz.units
    communes = units[(units["level"] == 3) & (units["lat"].notna())]
    rng = random.Random(seed)
    rows = communes.sample(n=n, random_state=seed)
    out = collections.Counter()
    for code, name, dist, prov in zip(
        rows["code"], rows["name_en"], rows["district_code"], rows["province_code"], strict=True
    ):
        full = f"{name} commune, {gaz.name(dist)} district, {gaz.name(prov)} province"
        out["full"] += geocode(full).commune_code == code
        k = rng.randrange(1, max(2, len(name) - 1))
        typo = name[:k] + name[k + 1 :]
        out["typo"] += (
            geocode(
                f"{typo} commune, {gaz.name(dist)} district, {gaz.name(prov)} province"
            ).commune_code
            == code
        )
        out["bare"] += geocode(f"{name} commune", province=prov).commune_code == code
    return {k: v / n for k, v in out.items()}


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} = {100 * a / b:.1f} %" if b else "-"


def report(misses: Iterable[str] = (), held_out: bool = True) -> None:
    t0 = time.process_time()
    tallies = {name: score_strings(rows, Tally()) for name, rows in string_sets(held_out).items()}
    clean, n_foreign, exact, n_pass, ptally = score_passages()
    tallies["passages"] = ptally
    print("| set | rows | province | district |")
    print("|---|---|---|---|")
    for name, t in tallies.items():
        if name == "passages":
            continue
        print(f"| {name} | {t.n} | {_pct(t.province, t.n)} | {_pct(t.district, t.n_district)} |")
    print(
        f"\npassages: foreign-only with no Cambodian place {_pct(clean, n_foreign)}; "
        f"exact set of provinces {_pct(exact, n_pass)}"
    )
    print("\nreliability (places returned: share right, by confidence band)")
    print("| band | " + " | ".join(tallies) + " |")
    print("|---|" + "---|" * len(tallies))
    for b in BANDS:
        cells = [_pct(*t.bands[b]) if t.bands[b][1] else "-" for t in tallies.values()]
        print(f"| {b} | " + " | ".join(cells) + " |")
    others = sorted({b for t in tallies.values() for b in t.bands} - set(BANDS))
    for b in others:
        cells = [_pct(*t.bands[b]) if t.bands[b][1] else "-" for t in tallies.values()]
        print(f"| {b} | " + " | ".join(cells) + " |")
    by_kind = (
        "broad dev",
        "broad test",
        *HELD_OUT,
    )
    for name in [n for n in by_kind if n in tallies]:
        print(f"\n{name}: by category and language")
        for key, (ok, n) in sorted(tallies[name].by.items()):
            print(f"  {key:32} {_pct(ok, n)}")
    syn = synthetic()
    print(
        "\nsynthetic (400 communes): " + ", ".join(f"{k} {100 * v:.1f} %" for k, v in syn.items())
    )
    print(f"\n({time.process_time() - t0:.1f} s CPU)")
    for name in misses:
        print(f"\n== misses: {name}")
        for line in tallies[name].misses:
            print("  " + line)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--misses", action="append", default=[], help="list the wrong rows of a set"
    )
    parser.add_argument(
        "--no-held-out", action="store_true", help="leave the held-out set out (while tuning)"
    )
    args = parser.parse_args(argv)
    report(args.misses, held_out=not args.no_held_out)


if __name__ == "__main__":
    main(sys.argv[1:])
