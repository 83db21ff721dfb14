"""Sweep: place names that are part of a street's name, and relational phrases.

Generated from the gazetteer (no labelled data).

- **Streets**: every MEF 2025 province and district name (English), every GeoNames town, and
  every Thai, Khmer, Chinese and Japanese name of a province or district in the index,
  written as a street ("X Road", "X St.", "Jalan X", "trên đường X", "ถนนX", "ផ្លូវX", "X路",
  "X通り"). Scored ``nothing``, ``same <band>`` (the name's own province: what the rule
  forbids at ``high``) or ``other <band>``; the same street with a second place after it
  ("X Road, Kep") must give that place alone.
- **Controls** (must not change): the bare name, "National Road 5, X", "X, along Route 48",
  "NR5 in X", "on a X street" (a street *in* X), "X, Street 271": scored as the bare
  name's province (``same``), finer/other, or nothing. Run with main's code and with a
  branch's and compare the tallies; ``digest`` is a hash of every control answer.
- **Dots**: every katakana province or district name with a Latin middle dot (·) at each
  inner position must give what the bare name gives.
- **Relations**: every province but Phnom Penh written as "<X> province, on the outskirts
  of the capital Phnom Penh" and in Spanish, French, Vietnamese, Japanese, Chinese and
  Korean; the places found must be province X alone.

Run: ``python benchmarks/sweep_streets.py``.
"""

from __future__ import annotations

import collections
import hashlib
import time

from _sweep import answer, has_thai, is_han, is_kana, print_cpu, print_tally

from compoundmap import get_gazetteer
from compoundmap.geocode import geocode_places
from compoundmap.geocode.index import build_index, towns

STREETS = (
    "{} Road",
    "{} Street",
    "{} St.",
    "{} Blvd",
    "{} Boulevard",
    "{} Avenue",
    "a 9-storey building on {} road",
    "Jalan {}",
    "rue {}",
    "trên đường {}",
)
STREETS_SCRIPT_BEFORE = ("ถนน{}", "ផ្លូវ{}")
STREETS_SCRIPT_AFTER = ("{}路", "{}大道", "{}通り")
CONTROLS = (
    "{}",
    "National Road 5, {}",
    "{}, along Route 48",
    "NR5 in {}",
    "on a {} street",
    "{}, Street 271",
    "{} province, National Road 4",
)
RELATIONS = (
    "{} province, on the outskirts of the capital Phnom Penh",
    "la provincia de {}, en las afueras de la capital Phnom Penh",
    "la province de {}, en banlieue de Phnom Penh",
    "tỉnh {}, ngoại ô Phnom Penh",
    "{}, near Phnom Penh",
)
RELATIONS_SCRIPT = ("{}、プノンペン郊外", "{}，金边郊区", "{} 프놈펜 외곽")
KEP = "23"


def _band(text: str, provinces: set[str]) -> str:
    got = [r for r in geocode_places(text) if r.province_code]
    if not got:
        return "nothing"
    kind = "same" if {r.province_code for r in got} & provinces else "other"
    return f"{kind} {min((r.confidence for r in got), key=('high', 'medium', 'low').index)}"


def _names() -> list[tuple[str, set[str]]]:
    """(name, its provinces) of the Latin province, district and town names."""
    units = get_gazetteer().units
    out: dict[str, set[str]] = collections.defaultdict(set)
    for code, name, level in zip(units["code"], units["name_en"], units["level"], strict=True):
        if level in (1, 2) and isinstance(name, str):
            out[name].add(str(code)[:2])
    for place in towns().values():
        if place.province_code and place.name.isascii():
            out[place.name].add(place.province_code)
    return sorted(out.items())


def _script_names() -> list[tuple[str, set[str]]]:
    index = build_index()
    out = []
    for key, entries in sorted(index.names.items()):
        if not (has_thai(key) or is_kana(key) or all(is_han(c) for c in key)):
            if not any("\u1780" <= c <= "\u17ff" for c in key):
                continue
        if not all(e.kind in ("province", "district", "place") for e in entries):
            continue
        provinces = {e.province_code for e in entries if e.province_code}
        if len(provinces) == 1:
            out.append((key, provinces))
    return out


def main() -> None:
    t0 = time.process_time()
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    digest = hashlib.sha256()
    for name, provinces in _names():
        for form in STREETS:
            v = _band(form.format(name), provinces)
            tally[f"street latin {v}"] += 1
            if v == "same high" and len(wrong) < 15:
                wrong.append(f"{form.format(name)!r}: {v}")
        if KEP not in provinces:
            text = f"{name} Road, Kep"
            ok = {p for p, _ in answer(text)} == {KEP}
            tally[f"street + Kep {'right' if ok else 'wrong'}"] += 1
            if not ok and len(wrong) < 30:
                wrong.append(f"{text!r}: {answer(text)}")
        for form in CONTROLS:
            text = form.format(name)
            got = answer(text)
            digest.update(f"{text}\t{got}\n".encode())
            tally[f"control {_band(text, provinces)}"] += 1
        if "12" not in provinces and len(provinces) == 1:
            for form in RELATIONS:
                ok = {p for p, _ in answer(form.format(name))} == provinces
                tally[f"relation latin {'right' if ok else 'wrong'}"] += 1
                if not ok and len(wrong) < 60:
                    wrong.append(f"{form.format(name)!r}: {answer(form.format(name))}")
            # two places of a list: the town named as outskirts is a place of its own
            text = f"{name}; a large scam compound on the outskirts of Phnom Penh"
            ok = {p for p, _ in answer(text)} == provinces | {"12"}
            tally[f"relation list {'right' if ok else 'wrong'}"] += 1
    for key, provinces in _script_names():
        if has_thai(key):
            forms: tuple[str, ...] = STREETS_SCRIPT_BEFORE[:1]
        elif any("\u1780" <= c <= "\u17ff" for c in key):
            forms = STREETS_SCRIPT_BEFORE[1:]
        else:
            forms = STREETS_SCRIPT_AFTER
        for form in forms:
            v = _band(form.format(key), provinces)
            tally[f"street script {v}"] += 1
            if v == "same high" and len(wrong) < 45:
                wrong.append(f"{form.format(key)!r}: {v}")
        text = key
        digest.update(f"{text}\t{answer(text)}\n".encode())
        tally[f"control script {_band(text, provinces)}"] += 1
        if (is_kana(key) or all(is_han(c) for c in key)) and "12" not in provinces:
            for form in RELATIONS_SCRIPT[:2]:
                ok = {p for p, _ in answer(form.format(key))} == provinces
                tally[f"relation script {'right' if ok else 'wrong'}"] += 1
    # katakana names with a Latin middle dot typed for ・ at each inner position: the same
    # answer as the bare name
    for key, _ in _script_names():
        if not is_kana(key) or len(key) < 4:
            continue
        bare = answer(key)
        for at in range(2, len(key) - 1):
            dotted = f"{key[:at]}\u00b7{key[at:]}"
            tally[f"dot {'same' if answer(dotted) == bare else 'changed'}"] += 1
    print_tally(tally, wrong)
    print(f"  control digest: {digest.hexdigest()[:16]}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
