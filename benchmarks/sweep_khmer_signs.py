"""Sweep: Khmer names written with their signs otherwise ("ស្រុកស្វាយជ្រុំ" for ស្វាយជ្រំ,
"ឃុំស្វយទង់ខាងជើង" for ស្វាយទងខាងជើង), read through the fold of
:func:`compoundmap.normalize.khmer_sign_fold` after an admin word (``geocode.tokens``).

Three parts:

1. Collisions: every Khmer key of the geocoder's index, folded. A fold shared by keys that
   name different things is refused (never read); the count and a sample are printed, with
   the refused folds of keys naming a province, district or commune.
2. Ordinary words: every Khmer admin word, stop word and Khmer name of Cambodia, folded,
   must not be the fold of a name the fold reads; and every Khmer word of the labelled
   sets' text (the dev rows' quotes of ``geocode_broad.csv``, ``passages.csv``) written
   after each Khmer admin word ("ខេត្ត<word>") is counted when the fold reads it as a name.
3. Generated strings: every MEF 2025 commune written with its district and province in
   Khmer ("ឃុំC ស្រុកD ខេត្តP"), once as the MEF writes it and once with one sign of the
   commune's name changed the way sources write them (a mark dropped or added, ី/ិ, ូ/ុ,
   ែ/េ, ុំ/ំ, ា dropped), when that spelling is no indexed name. Right: the commune; coarser:
   its district or province only; wrong: any place outside the commune. The answers to
   the strings as written are hashed (identical before and after a change of the fold).

Run: ``python benchmarks/sweep_khmer_signs.py``.
"""

from __future__ import annotations

import collections
import hashlib
import re
import sys
import time
from pathlib import Path

import pandas as pd
from _sweep import khmer_names, mef_list, print_cpu

from compoundmap._data import raw_path
from compoundmap.geocode import geocode_places
from compoundmap.geocode.index import build_index
from compoundmap.geocode.khmer import khmer_folds
from compoundmap.geocode.tokens import flat_tokens
from compoundmap.normalize import ADMIN_WORDS, clean_text, khmer_sign_fold, place_key

GAZ = raw_path("gazetteer")
SHOW = "--show" in sys.argv
TESTS = Path(__file__).resolve().parent.parent / "tests" / "data"

#: How sources write a sign otherwise: (pattern, replacement), the first that changes the
#: name is used.
RESPELL = (
    ("\u17bb\u17c6", "\u17c6"),  # ុំ → ំ
    ("\u17c6", "\u17bb\u17c6"),  # ំ → ុំ
    ("\u17b8", "\u17b7"),  # ី → ិ
    ("\u17b7", "\u17b8"),  # ិ → ី
    ("\u17bc", "\u17bb"),  # ូ → ុ
    ("\u17bb", "\u17bc"),  # ុ → ូ
    ("\u17c2", "\u17c1"),  # ែ → េ
    ("\u17c1", "\u17c2"),  # េ → ែ
    ("\u17cb", ""),  # ់ dropped
    ("\u17cd", ""),  # ៍ dropped
    ("\u17c9", ""),  # ៉ dropped
    ("\u17b6", ""),  # ា dropped
)


def respelt(name: str) -> str | None:
    """``name`` with its first sign that :data:`RESPELL` changes written otherwise."""
    for pattern, replacement in RESPELL:
        if pattern in name:
            return re.sub(pattern, replacement, name, count=1)
    return None


def collisions() -> None:
    """Part 1: folds refused because their keys name different things."""
    index = build_index()
    folds = khmer_folds(index)
    refused = [f for f, key in folds.items() if not key]
    units = 0
    by_fold: dict[str, list[str]] = collections.defaultdict(list)
    for key in index.names:
        if key and "\u1780" <= key[0] <= "\u17ff":
            by_fold[khmer_sign_fold(key)].append(key)
    for f in refused:
        kinds = {e.kind for k in by_fold[f] for e in index.names[k]}
        units += bool(kinds & {"province", "district", "commune"})
    print(f"Khmer keys: {sum(len(v) for v in by_fold.values())}, folds: {len(folds)}")
    print(f"refused folds (keys naming different things): {len(refused)}, {units} with a unit")
    for f in refused[:8]:
        print("   ", " / ".join(sorted(by_fold[f])))


def ordinary_words() -> int:
    """Part 2: ordinary Khmer words whose fold a reader of folds would take for a name."""
    folds = khmer_folds(build_index())
    admin = [w for w in ADMIN_WORDS if _khmer(w)]
    words = list(admin)
    words += [str(w) for w in pd.read_csv(GAZ / "stop_words.csv", dtype=str)["word"] if _khmer(w)]
    countries = pd.read_csv(GAZ / "country_names.csv", dtype=str)["name"]
    words += [place_key(w) for w in countries if _khmer(w)]
    bad = [w for w in words if folds.get(khmer_sign_fold(w)) not in (None, "", place_key(w))]
    print(f"word lists: {len(words)} Khmer words, read as a name through the fold: {bad}")
    broad = pd.read_csv(TESTS / "geocode_broad.csv", dtype=str).fillna("")
    text = [*broad.loc[broad["split"] == "dev", "evidence_quote"]]
    text += [*pd.read_csv(TESTS / "passages.csv", dtype=str).fillna("").iloc[:, 0]]
    chunks = sorted({w for t in text for w in re.split(r"[^\u1780-\u17ff]+", t) if len(w) > 1})
    # a word holding an admin word is itself an address ("ឃុំសា្វយទង់ខាងជើង"): not ordinary
    chunks = [c for c in chunks if not any(a in clean_text(c) for a in admin)]
    read = 0
    for chunk in chunks:
        for a in admin:
            written = clean_text(a + chunk)
            if any(t.text and not t.latin and t.text not in written for t in flat_tokens(written)):
                read += 1
                if SHOW:
                    print("    read through the fold:", a + chunk)
    print(f"text: {len(chunks)} Khmer words after {len(admin)} admin words, read: {read}")
    return len(bad)


def _khmer(word: object) -> bool:
    """Whether a word starts with a Khmer letter."""
    return "\u1780" <= str(word)[:1] <= "\u17ff"


def strings() -> None:
    """Part 3: every commune as written and respelt, with its district and province."""
    communes, districts, provinces = mef_list("Commune"), mef_list("District"), mef_list("Province")
    dname = khmer_names(districts, "district")
    pname = khmer_names(provinces, "province")
    names = build_index().names
    digest = hashlib.sha256()
    tally: dict[str, collections.Counter[str]] = {
        "as written": collections.Counter(),
        "respelt": collections.Counter(),
    }
    for row in communes.itertuples(index=False):
        code, name = str(row.commune_code), str(row.commune_kh)
        parents = f" ស្រុក{dname[code[:4]]} ខេត្ត{pname[code[:2]]}"
        other = respelt(name)
        cases = [("as written", name)]
        if other and place_key(other) not in names:
            cases.append(("respelt", other))
        for case, written in cases:
            results = geocode_places(f"ឃុំ{written}{parents}")
            answer = [(r.province_code, r.district_code, r.commune_code) for r in results]
            if case == "as written":
                digest.update(repr(answer).encode())
            if any(p and p != code[:2] or d and d != code[:4] for p, d, _ in answer):
                tally[case]["wrong"] += 1
                if SHOW:
                    print("    wrong:", case, f"ឃុំ{written}{parents}", code, answer)
            elif any(c and c != code for _, _, c in answer):
                tally[case]["wrong"] += 1
            elif answer and all(c == code for _, _, c in answer):
                tally[case]["right"] += 1
            elif answer and any(p for p, _, _ in answer):
                tally[case]["coarser"] += 1
            else:
                tally[case]["nothing"] += 1
    for case, counts in tally.items():
        n = sum(counts.values())
        parts = ", ".join(f"{k} {counts[k]}" for k in ("right", "coarser", "nothing", "wrong"))
        print(f"{case}: {n} strings: {parts}")
    print(f"answers to the strings as written: {digest.hexdigest()[:16]}")


def main() -> None:
    """Run the three parts."""
    started = time.process_time()
    collisions()
    ordinary_words()
    strings()
    print_cpu(started)


if __name__ == "__main__":
    main()
