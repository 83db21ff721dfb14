"""Sweep: lists of curated landmark names sharing one plural kind word
(``geocode/kind_first.py``, ``listed_names``).

Names of ``localities.csv`` ending in casino, compound or hotel, grouped by kind and
province, listed two or three at a time with the plural kind word after them ("the A and
B casinos", "the A, B and C compounds") or before them ("les casinos A et B"): the answer
should be their province. Controls: casinos abroad and ordinary words so listed ("the
Bellagio and Wynn casinos", "les hotels Royal et Grand") should place nothing. Prints
forms right, controls placing nothing and wrong answers at ``high``.

Run: ``PYTHONPATH=src python benchmarks/sweep_kind_lists.py``
"""

from __future__ import annotations

import csv
import itertools

from compoundmap._data import raw_path
from compoundmap.geocode import geocode

_PLURAL = {"casino": "casinos", "compound": "compounds", "hotel": "hotels"}
_ABROAD = (
    "Bellagio",
    "Wynn",
    "Venetian",
    "Lisboa",
    "Okada",
    "Solaire",
    "Marina Bay Sands",
    "Genting",
    "Resorts World Manila",
    "Galaxy",
    "Crown Melbourne",
    "Star Sydney",
)
_ORDINARY = ("Lucky", "Royal", "Grand", "Golden", "New", "Big", "Old", "Star")


def _strings() -> dict[str, str | None]:
    """Each string → the province it should give (``None``: nothing)."""
    with raw_path("gazetteer", "localities.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by: dict[tuple[str, str], set[str]] = {}
    for r in rows:
        for written in [r["name"], *(a for a in r["aliases"].split(";") if a)]:
            w = written.split()
            if written.isascii() and len(w) >= 2 and w[-1].lower() in _PLURAL:
                by.setdefault((w[-1].lower(), r["province_code"]), set()).add(" ".join(w[:-1]))
    out: dict[str, str | None] = {}
    for (kind, province), names in sorted(by.items()):
        bases, plural = sorted(names)[:6], _PLURAL[kind]
        for a, b in itertools.combinations(bases, 2):
            out[f"the {a} and {b} {plural}"] = province
            out[f"les {plural} {a} et {b}"] = province
        for a, b, c in list(itertools.combinations(bases, 3))[:4]:
            out[f"the {a}, {b} and {c} {plural}"] = province
    for plural in _PLURAL.values():
        for a, b in itertools.combinations(_ABROAD, 2):
            out[f"the {a} and {b} {plural}"] = None
        for a, b in itertools.combinations(_ORDINARY, 2):
            out[f"the {a} and {b} {plural}"] = None
            out[f"les {plural} {a} et {b}"] = None
    return out


def main() -> None:
    counts = {"form": [0, 0], "control": [0, 0]}
    high_wrong = 0
    for s, province in _strings().items():
        r = geocode(s)
        what = "control" if province is None else "form"
        right = r.province_code == province if province else r.province_code is None
        counts[what][0] += right
        counts[what][1] += 1
        high_wrong += not right and r.confidence == "high"
    print(f"forms right {counts['form'][0]}/{counts['form'][1]}")
    print(f"controls placing nothing {counts['control'][0]}/{counts['control'][1]}")
    print(f"wrong at high {high_wrong}")


if __name__ == "__main__":
    main()
