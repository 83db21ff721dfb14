"""Sweep: curated landmarks written with their kind word before the name
(``geocode/kind_first.py``).

Every ASCII name and alias of ``localities.csv`` that ends in a kind word of role
``landmark_kind_alone`` ("Moc Bai Casino", "Koh Kong Resort") is written with that kind word,
and each word of role ``kind_first_<kind>`` that means it, before the rest of the name, bare
or after an article of French, Spanish, Italian, Portuguese, Tagalog, Indonesian or
Vietnamese ("Kasino Mocbai", "le casino Moc Bai", "ang kompleks Bing Cheng"); the answer
should equal that of "<name> <kind>". Controls: each kind word before an ordinary word or a
place abroad ("Casino Lucky", "kasino Macau", "el complejo Las Vegas") should place nothing.
Prints a summary (forms right, controls placing nothing, wrong answers at ``high``) and,
with ``--lines``, each string's answer, for a diff of two runs (main's code and the
branch's).

Run: ``PYTHONPATH=src python benchmarks/sweep_kind_first.py [--lines]``
"""

from __future__ import annotations

import csv
import sys

from compoundmap._data import raw_path
from compoundmap.geocode import geocode

_ARTICLES = ("", "le ", "el ", "il ", "o ", "ang ", "di ", "một ")
_ORDINARY = ("Lucky", "Royal", "Grand", "Star", "Golden", "New", "Besar", "Nuevo", "Grande")
_ABROAD = (
    "Las Vegas",
    "Macau",
    "Bangkok",
    "Manila",
    "Genting",
    "Dubai",
    "Tây Ninh",
    "Moc Bai Vietnam",
    "Jakarta",
    "Batam",
    "Marina Bay",
    "Lisboa",
    "Monte Carlo",
    "Ho Chi Minh",
)


def _rows(name: str) -> list[dict[str, str]]:
    with raw_path("gazetteer", name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _strings() -> dict[str, tuple[str, str]]:
    """Each string → (form or control, the string whose answer it should give)."""
    words = _rows("stop_words.csv")
    kinds = {w["word"] for w in words if w["role"] == "landmark_kind_alone"}
    first: dict[str, list[str]] = {k: [] for k in kinds}
    for w in words:
        if w["role"].startswith("kind_first_"):
            first.setdefault(w["role"].removeprefix("kind_first_"), []).append(w["word"])
    out: dict[str, tuple[str, str]] = {}
    for row in _rows("localities.csv"):
        for written in [row["name"], *(a for a in row["aliases"].split(";") if a)]:
            parts = written.split()
            if not written.isascii() or len(parts) < 2 or parts[-1].lower() not in kinds:
                continue
            kind, base = parts[-1].lower(), " ".join(parts[:-1])
            for word in first[kind]:
                for article in _ARTICLES:
                    out[f"{article}{word} {base}"] = ("form", f"{base} {kind}")
    for kind_words in first.values():
        for word in kind_words:
            for other in _ORDINARY + _ABROAD:
                for article in ("", "le ", "el "):
                    out[f"{article}{word} {other}"] = ("control", "")
    return out


def main() -> None:
    lines = "--lines" in sys.argv
    counts = {"form": [0, 0], "control": [0, 0]}
    high_wrong = 0
    for s, (what, canon) in _strings().items():
        r = geocode(s)
        got = (r.province_code, r.district_code) if r.status == "matched" else None
        if what == "form":
            c = geocode(canon)
            if c.status != "matched":
                continue
            right = got == (c.province_code, c.district_code)
        else:
            right = got is None
        counts[what][0] += right
        counts[what][1] += 1
        high_wrong += not right and r.confidence == "high"
        if lines:
            print(f"{s}\t{r.status} {r.province_code} {r.district_code} {r.confidence}")
    print(f"forms right {counts['form'][0]}/{counts['form'][1]}", file=sys.stderr)
    control = counts["control"]
    print(f"controls placing nothing {control[0]}/{control[1]}", file=sys.stderr)
    print(f"wrong at high {high_wrong}", file=sys.stderr)


if __name__ == "__main__":
    main()
