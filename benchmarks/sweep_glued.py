"""Sweep: a site's Latin name with a kind word of another script after it (glued or spaced),
or a Vietnamese/Thai one before it, and Latin words glued to CJK text that are not places.

Names: every curated locality name and alias (``localities.csv``) and every registry name
(``compounds.csv``: name, aliases) written in Latin letters only, of a site whose kind has
kind words (casino, compound, hotel, building, resort, special (economic) zone), less the names
that need their place named (``needs_context``) and the registry's skipped names
(``registry_skips.csv``). The name loses its English end kind word ("A7 Park" → "A7") and is
written alone (the control: what the name reads without a kind word), with each kind word of
its kind in ``stop_words.csv`` roles ``kind_after_<kind>`` (the words of other scripts: 园区,
파크, カジノ, โรงแรม …) glued ("A7园区") and after a space ("A7 园区"), and after each word of
``kind_first_<kind>`` with a space ("sòng bạc Titan King"). The word lists are read from this
repository's own ``stop_words.csv`` with ``csv`` (not through the library), so main's code
can be run on the same strings: ``PYTHONPATH=<main>/src python benchmarks/sweep_glued.py``.

Verdicts: ``right`` (the site's province, and its district when both give one), ``district``
(province right, another district), ``nothing``, ``wrong``; the band of right and wrong
answers. Negatives: Latin words glued to CJK text that are not places (KTV, VIP, APP, USDT,
AI …, before ordinary words and before kind words; numbers with 号/號/번지/番地) must place
nothing. Prints ``-v`` lines of every string that is not right (or that places, for a
negative), then the tallies and the CPU time.

Run: ``PYTHONPATH=src python benchmarks/sweep_glued.py [-v]``
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

from _sweep import print_cpu, site_verdict

from compoundmap import geocode
from compoundmap.registry import load_registry, split_ids

_GAZ = Path(__file__).resolve().parent.parent / "data" / "raw" / "gazetteer"
#: kind column of localities.csv / site_type of compounds.csv → the English kind word.
_KIND_OF = {
    "casino": "casino",
    "compound": "compound",
    "hotel": "hotel",
    "building": "building",
    "sez": "special economic zone",
}
#: English end words of a name → its kind (the Latin words of roles kind_after_<kind>, and
#: the kind words themselves).
_END_WORDS = {
    "casino": "casino",
    "compound": "compound",
    "park": "compound",
    "complex": "compound",
    "hotel": "hotel",
    "resort": "resort",
    "building": "building",
    "condominium": "building",
    "special economic zone": "special economic zone",
    "special zone": "special zone",
}
#: A name that starts with a kind word ("casino Amber", "khu casino Robot") is left out.
_FIRST_WORDS = frozenset({"casino", "hotel", "khu", "the", *_END_WORDS})
_NOT_PLACES = ("KTV", "VIP", "APP", "USDT", "AI", "WiFi", "iPhone", "Telegram", "WeChat", "OK")
_CJK_TEXT = ("包厢", "房间", "下载", "转账", "换脸", "账号", "客服", "카톡", "アプリ", "ห้อง")
_NUMBERS = ("5号楼", "3號", "12번지", "7番地", "18楼", "A座")


def _roles() -> dict[str, list[str]]:
    """stop_words.csv of this repository: role → words."""
    out: dict[str, list[str]] = {}
    with open(_GAZ / "stop_words.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["role"], []).append(r["word"])
    return out


def _split(name: str) -> tuple[str, str] | None:
    """(Latin name without its English end kind word, kind); None when it has no kind."""
    low = name.lower()
    for end, kind in sorted(_END_WORDS.items(), key=lambda kv: -len(kv[0])):
        if low.endswith(" " + end) and len(name) > len(end) + 1:
            return name[: -len(end) - 1].rstrip(" -&"), kind
    return None


def _names() -> list[tuple[str, str, str, str]]:
    """(Latin name, kind, province, district) of every site name the sweep writes."""
    skipped: set[str] = set()
    with open(_GAZ / "registry_skips.csv", newline="", encoding="utf-8") as f:
        skipped = {r["name"] for r in csv.DictReader(f)}
    out: dict[str, tuple[str, str, str, str]] = {}

    def add(name: str, kind_column: str, province: str, district: str) -> None:
        if not name.isascii() or not any(c.isalpha() for c in name) or name in skipped:
            return
        split = _split(name)
        base, kind = split if split else (name, _KIND_OF.get(kind_column, ""))
        first = base.split()[0].lower() if base.split() else ""
        if kind and base and "," not in base and first not in _FIRST_WORDS:
            out.setdefault(base, (base, kind, province, district))

    with open(_GAZ / "localities.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["needs_context"].strip() or not r["province_code"]:
                continue
            for name in [r["name"], *r["aliases"].split(";")]:
                add(name.strip(), r["kind"], r["province_code"], r["district_code"])
    for r in load_registry(strict=True).compounds.itertuples():
        if r.record_status != "active" or not r.province_code:
            continue
        for name in [r.name, *split_ids(r.aliases)]:
            add(name, "compound", str(r.province_code), str(r.district_code or ""))
    return sorted(out.values())


def main() -> None:
    start = time.process_time()
    verbose = "-v" in sys.argv
    roles = _roles()
    after = {
        kind: [w for w in roles.get("kind_after_" + kind.replace(" ", "_"), []) if not w.isascii()]
        for kind in set(_END_WORDS.values())
    }
    before = {kind: roles.get("kind_first_" + kind, []) for kind in set(_END_WORDS.values())}
    tally: Counter[str] = Counter()
    for base, kind, province, district in _names():
        forms = [(f"alone {kind}", base)]
        forms += [(f"after {kind}", base + w) for w in after[kind]]
        forms += [(f"after {kind}", f"{base} {w}") for w in after[kind]]
        forms += [(f"before {kind}", f"{w} {base}") for w in before[kind]]
        for part, text in forms:
            got = geocode(text)
            verdict = site_verdict(got, province, district)
            if verdict != "nothing":
                verdict += f" {got.confidence}"
            tally[f"{part.split()[0]}: {verdict.split()[0]}"] += 1
            tally[f"band: {verdict}"] += 1 if verdict != "nothing" else 0
            if verbose and not verdict.startswith("right"):
                print(f"{verdict}\t{province}/{district or '-'}\t{text}\t{got.matched_name}")
    kinds = [w for words in after.values() for w in words]
    negatives = [w + t for w in _NOT_PLACES for t in (*_CJK_TEXT, *kinds)] + list(_NUMBERS)
    for text in negatives:
        got = geocode(text)
        placed = got.province_code is not None
        tally["negatives: placed" if placed else "negatives: nothing"] += 1
        if verbose and placed:
            print(f"placed {got.confidence}\t-\t{text}\t{got.matched_name}")
    for key in sorted(k for k in tally if tally[k]):
        print(f"# {key}: {tally[key]}")
    print_cpu(start)


if __name__ == "__main__":
    main()
