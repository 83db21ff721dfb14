"""Sweep: curated landmark names alone, with their kind word (``geocode/named_alone.py``).

Every name and alias of ``localities.csv`` in eleven forms (bare, with an article, a
preposition, inside a short sentence, with its kind word added before or after), foreign
look-alikes (the name beside a place abroad, listed or not) and ordinary-word negatives (a
common word before or after a kind word: "my casino", "casino lucky"). Prints each
string's answer as ``province district band`` one a line, for a diff of two runs (main's
code and the branch's).

Run: ``PYTHONPATH=src python benchmarks/sweep_named_alone.py > out.txt``
"""

from __future__ import annotations

import csv
import sys

from compoundmap._data import raw_path
from compoundmap.geocode import geocode

_KINDS = ("island", "hotel", "beach", "casino", "building", "plaza", "tower", "resort", "compound")
_WORDS = (
    "my",
    "the",
    "our",
    "a",
    "big",
    "new",
    "old",
    "lazy",
    "golden",
    "royal",
    "grand",
    "star",
    "lucky",
    "princess",
    "independence",
    "lions",
    "majestic",
    "crown",
    "prince",
    "naga",
    "hawaii",
    "paradise",
    "sunset",
    "ocean",
    "river",
    "blue",
    "green",
    "diamond",
    "jin",
    "bing",
    "la",
    "lin",
    "tropicana",
    "vegas",
    "hana",
    "china",
    "chinatown",
    "building 23",
)
_ABROAD = (
    "in Las Vegas",
    "in Macau",
    ", Thailand",
    "in Manila",
    "in the Philippines",
    "in Myanmar",
    "in Laos",
    "in Dubai",
    "in Atlantic City",
    "on Bali",
)


def _names() -> list[tuple[str, str]]:
    out = []
    with open(raw_path("gazetteer", "localities.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for n in [row["name"], *filter(None, row["aliases"].split(";"))]:
                out.append((n.strip(), row["kind"]))
    return out


def strings() -> list[str]:
    """The generated strings, each once, in a fixed order."""
    out: list[str] = []
    for name, kind in _names():
        out += [
            name,
            f"the {name}",
            f"near {name}",
            f"at the {name} in Cambodia",
            f"workers rescued from the {name}",
            f"a raid on the {name} last week",
            f"{name} {kind}",
            f"{kind} {name}",
            f"the {kind} {name} in Bangkok",
            f"the {name} {kind}s",
            name.lower(),
        ]
        out += [f"{name} {a}" for a in _ABROAD]
    for w in _WORDS:
        for k in _KINDS:
            out += [
                f"{w} {k}",
                f"{w.title()} {k.title()}",
                f"the {w} {k} was raided",
                f"{w.title()} {k.title()} in Las Vegas",
                f"{k} {w}",
                f"{k.title()} {w.title()}",
            ]
    return list(dict.fromkeys(out))


def main() -> None:
    for s in strings():
        r = geocode(s)
        sys.stdout.write(f"{s}\t{r.province_code} {r.district_code} {r.confidence}\n")


if __name__ == "__main__":
    main()
