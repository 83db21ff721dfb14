"""Sweep: commune (district) names with one typo, read inside the district (province)
the string names.

Generated from the gazetteer (no labelled data): every commune with a point, written
``"<name> commune, <district> district, <province> province"`` (and ``"Sangkat <name>, Khan
<district>"`` for the communes of Phnom Penh) with one edit to the name — a letter dropped,
added, changed or two neighbours swapped (seeded) — and, as negatives, the same frame
around words that are no commune of that district: ordinary English words and the names of
communes of *other* districts; and every district, written ``"<name> district, <province>
province"`` with one edit, and with an ordinary word instead. Each answer is scored right
(the commune or district), coarser (a coarser unit, no wrong one), 2018 district (a
negative whose name is a commune the named district held before the 2019-2025
re-districting: right for older pages), or wrong (another unit), by confidence band.

Run: ``python benchmarks/sweep_commune_typos.py [--n N] [--seed S]``.
"""

from __future__ import annotations

import argparse
import collections
import random
import string
import time

from _sweep import print_cpu
from eval_geocode import _legacy  # the 2018 district of each commune

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode

#: Ordinary words a field may hold before "commune" (none is a commune name).
ORDINARY = (
    "casino",
    "market",
    "school",
    "police",
    "border",
    "company",
    "building",
    "office",
    "village",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "rural",
    "local",
    "another",
    "nearby",
    "remote",
    "coastal",
    "same",
    "former",
    "new",
    "old",
    "big",
    "small",
    "river",
    "lake",
    "hill",
    "road",
    "bridge",
    "temple",
    "pagoda",
    "factory",
    "station",
    "resort",
    "hotel",
    "compound",
    "district",
    "province",
    "city",
    "town",
)


def _typo(name: str, rng: random.Random) -> str:
    """``name`` with one edit inside it (the first letter kept)."""
    k = rng.randrange(1, max(2, len(name) - 1))
    kind = rng.choice(("drop", "add", "change", "swap"))
    if kind == "drop":
        return name[:k] + name[k + 1 :]
    if kind == "add":
        return name[:k] + rng.choice(string.ascii_lowercase) + name[k:]
    if kind == "change":
        return name[:k] + rng.choice(string.ascii_lowercase) + name[k + 1 :]
    return name[: k - 1] + name[k] + name[k - 1] + name[k + 1 :] if k >= 1 else name


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=800, help="communes sampled")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    gaz = get_gazetteer()
    units = gaz.units
    communes = units[(units["level"] == 3) & units["lat"].notna()]
    rows = communes.sample(n=min(args.n, len(communes)), random_state=args.seed)
    rng = random.Random(args.seed)
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    wrong: list[str] = []
    t0 = time.process_time()
    names = list(communes["name_en"])
    for code, name, dist, prov in zip(
        rows["code"], rows["name_en"], rows["district_code"], rows["province_code"], strict=True
    ):
        own = set(communes.loc[communes["district_code"] == dist, "name_en"].str.casefold())
        frames = [f"{{}} commune, {gaz.name(dist)} district, {gaz.name(prov)} province"]
        if prov == "12":
            frames.append(f"Sangkat {{}}, Khan {gaz.name(dist)}")
        for frame in frames:
            typo = _typo(name, rng)
            cases = [("typo", frame.format(typo), code)]
            word = rng.choice(ORDINARY)
            cases.append(("ordinary word", frame.format(word.title()), None))
            other = rng.choice(names)
            if other.casefold() not in own:
                cases.append(("other district's commune", frame.format(other), None))
            for kind, text, gold in cases:
                r = geocode(text)
                if r.commune_code == gold and gold is not None:
                    verdict = "right"
                elif r.commune_code is None and r.district_code in (dist, None):
                    verdict = "coarser"
                elif gold is None and _legacy().get(r.commune_code or "") == dist:
                    verdict = "2018 district"  # a commune the string's district held in 2018
                else:
                    verdict = "wrong"
                    wrong.append(
                        f"{kind}: {text!r} → {r.commune_code} {r.commune_name} "
                        f"({r.confidence}, {r.method})"
                    )
                tally[kind][f"{verdict} {r.confidence}"] += 1
    districts = units[units["level"] == 2]
    for code, name, prov in zip(
        districts["code"], districts["name_en"], districts["province_code"], strict=True
    ):
        frame = f"{{}} district, {gaz.name(prov)} province"
        for kind, text, gold in (
            ("district typo", frame.format(_typo(name, rng)), code),
            ("district: ordinary word", frame.format(rng.choice(ORDINARY).title()), None),
        ):
            r = geocode(text)
            if gold is not None and r.district_code == gold:
                verdict = "right"
            elif r.commune_code is None and r.district_code is None:
                verdict = "coarser"
            else:
                verdict = "wrong"
                wrong.append(
                    f"{kind}: {text!r} → {r.district_code} {r.district_name} "
                    f"({r.confidence}, {r.method})"
                )
            tally[kind][f"{verdict} {r.confidence}"] += 1
    for kind, c in tally.items():
        total = sum(c.values())
        parts = ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
        print(f"{kind:26} n={total}: {parts}")
    print(f"wrong answers: {len(wrong)}")
    for w in wrong[:40]:
        print("  ", w)
    print_cpu(t0)


if __name__ == "__main__":
    main()
