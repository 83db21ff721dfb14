"""Sweep: curated landmark names (``localities.csv``) written with one typo in one word.

Generated from the gazetteer (no labelled data): every ASCII name and alias of a locality
that needs no context, written with one edit in one of its words of four letters or more —
a letter dropped, added, changed or two neighbours swapped (seeded) — and with the space
between two words dropped, or a word of six letters or more split in two. Each answer is
scored right (the locality's unit, inside it or containing it), elsewhere or nothing, by
confidence band (``_sweep.verdict``).

Negatives, whose answers should not change with a typo rule (``--dump`` writes every answer
to a file, to diff two versions of the code): ordinary English words before
a kind word ("old park", "new casino hotel"), and every district and commune name followed
by a kind word ("Kampot park", "Sangkat Buon casino").

Run: ``python benchmarks/sweep_landmark_typos.py [--seed S] [--dump FILE]``.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import string
import time
from typing import Any

from _sweep import mef_list, print_cpu, print_tally, verdict

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode

#: Ordinary words a field may hold before a kind word.
ORDINARY = (
    "old", "new", "big", "small", "water", "theme", "city", "royal", "grand", "golden",
    "national", "central", "local", "nearby", "beach", "river", "lake", "night", "public",
    "private", "former", "online", "illegal", "luxury", "border", "international", "the",
    "main", "safari", "resort", "science", "industrial", "economic", "special",
)  # fmt: skip

#: Kind words a landmark name ends with.
KINDS = (
    "park", "casino", "hotel", "casino hotel", "beach", "temple", "border gate",
    "border checkpoint", "compound", "resort", "special economic zone", "bay", "island",
)  # fmt: skip


def typo(word: str, rng: random.Random) -> str:
    """``word`` with one edit past its first letter: a letter dropped, added, changed or two
    neighbours swapped."""
    p = rng.randrange(1, len(word))
    op = rng.choice("dasw")
    if op == "d":
        return word[:p] + word[p + 1 :]
    if op == "a":
        return word[:p] + rng.choice(string.ascii_lowercase) + word[p:]
    if op == "s":
        c = rng.choice([c for c in string.ascii_lowercase if c != word[p].lower()])
        return word[:p] + c + word[p + 1 :]
    if p == len(word) - 1 or word[p] == word[p + 1]:
        return word[:p] + word[p + 1 :]  # no swap to make: a letter dropped
    return word[:p] + word[p + 1] + word[p] + word[p + 2 :]


def variants(name: str, rng: random.Random) -> list[str]:
    """One typo in each word of four letters or more, each space dropped, and each word
    of six letters or more split in its middle."""
    words = name.split()
    out: list[str] = []
    for k, w in enumerate(words):
        if len(w) >= 4 and w.isalpha():
            out.append(" ".join([*words[:k], typo(w, rng), *words[k + 1 :]]))
        if len(w) >= 6 and w.isalpha():
            h = len(w) // 2
            out.append(" ".join([*words[:k], w[:h], w[h:], *words[k + 1 :]]))
    for k in range(len(words) - 1):
        out.append(" ".join([*words[:k], words[k] + words[k + 1], *words[k + 2 :]]))
    return [v for v in out if v != name]


def _unit(row: Any) -> str:
    """The code of a locality's finest unit."""
    return str(row.commune_code or row.district_code or row.province_code)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dump", help="write every answer (JSON) to this file")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    t0 = time.process_time()
    loc = get_gazetteer().localities
    tally: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    answers: dict[str, list[str | None]] = {}
    for row in loc.itertuples(index=False):
        if row.needs_context:
            continue
        for name in [str(row.name), *map(str, row.aliases)]:
            if not name.isascii() or len(name.split()) < 2:
                continue
            for v in variants(name, rng):
                r = geocode(v)
                answers[v] = [r.province_code, r.district_code, r.commune_code, r.confidence]
                got = verdict(r, _unit(row))
                tally[got] += 1
                if got.startswith("elsewhere") and len(examples) < 15:
                    examples.append(f"{v!r} ({name}) -> {r.matched_name} {r.confidence}")
    print(f"landmark names with one typo ({sum(tally.values())} strings):")
    print_tally(tally, examples)

    negatives = [f"{w} {k}" for w in ORDINARY for k in KINDS]
    for level in ("District", "Commune"):
        names = sorted(set(mef_list(level)[f"{level.lower()}_en"].dropna()))
        negatives += [f"{n} {rng.choice(KINDS)}" for n in names]
    bands: collections.Counter[str] = collections.Counter()
    for q in negatives:
        r = geocode(q)
        answers["negative: " + q] = [r.province_code, r.district_code, r.commune_code, r.confidence]
        bands[r.confidence or "nothing"] += 1
    print(f"negatives ({len(negatives)} strings), by band:")
    print_tally(bands)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            json.dump(answers, f, indent=0, sort_keys=True)
    print_cpu(t0)


if __name__ == "__main__":
    main()
