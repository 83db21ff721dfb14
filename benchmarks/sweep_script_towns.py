"""Sweep: towns, municipalities and districts as pages write them in Chinese, Japanese,
Korean, Thai and Vietnamese, alone and with the admin words of their script.

The table is the alias rows of ``data/raw/gazetteer/aliases.csv`` whose ``note`` starts with
``towns table <lang>;`` (round 14): each is a spelling a cited page writes for a krong, a
district or a section (a few provinces too), with its MEF 2025 code. Rows of names that were
already read right are in the table as well, so the table is the whole found list, not only
what was added.

For every row, per language:

- ``alone``: the name as written; its finest unit is the row's unit (or inside it) — right —,
  only its province, somewhere else, or nothing; counted by band;
- ``suffixed``: a district-level name (4-digit code) with each admin word of its script for a
  town, a district or a section, the word the name already carries taken off first (市 县 区 /
  市 縣 區 / 市 郡 区 / 시 군 구 / เมือง อำเภอ เขต before / thị xã, huyện, thành phố, quận
  before): how many read to the right district.

Answers that are somewhere else are printed (the first N, default 20).

Part "Thai spaces" (:mod:`compoundmap.geocode.thai_joins`): every Thai alias of a district or
a province (6 letters or more) written with a space before each consonant that has two
letters on each side — read right, elsewhere or nothing; and the guard, every window of two
and three space-separated chunks of the Thai evidence quotes of ``geocode_broad.csv`` and
``geocode_dev.csv``: the windows where a space is dropped are printed, to be read by eye.

Run: ``python benchmarks/sweep_script_towns.py [N] [--table PATH]``: ``--table`` reads the
table from another aliases.csv (to measure a tree without the rows: run it with that tree's
``src`` first on ``PYTHONPATH`` and the new table).
"""

from __future__ import annotations

import collections
import sys
import time

import pandas as pd
from _sweep import finest, print_cpu, print_tally

from compoundmap._data import raw_path
from compoundmap.geocode import GeocodeResult, geocode
from compoundmap.geocode.index import build_index

#: The admin words per language: (word, written before the name?).
SUFFIXES: dict[str, tuple[tuple[str, bool], ...]] = {
    "zh-Hans": (("市", False), ("县", False), ("区", False)),
    "zh-Hant": (("市", False), ("縣", False), ("區", False)),
    "ja": (("市", False), ("郡", False), ("区", False)),
    "ko": (("시", False), ("군", False), ("구", False), (" 시", False), (" 군", False)),
    "th": (("เมือง", True), ("อำเภอ", True), ("เขต", True)),
    "vi": (("thị xã ", True), ("huyện ", True), ("thành phố ", True), ("quận ", True)),
}
TAG = "towns table "


def _args() -> tuple[int, str | None]:
    show, table = 20, None
    argv = sys.argv[1:]
    while argv:
        a = argv.pop(0)
        if a == "--table":
            table = argv.pop(0)
        else:
            show = int(a)
    return show, table


def table_rows(path: str | None = None) -> list[tuple[str, str, str]]:
    """(name, code, language) of every table row of aliases.csv (``path`` or the project's)."""
    src = path or raw_path("gazetteer", "aliases.csv")
    aliases = pd.read_csv(src, dtype=str, keep_default_na=False)
    out = []
    for name, code, note in aliases[["alias", "code", "note"]].itertuples(index=False):
        if note.startswith(TAG):
            out.append((name, code, note[len(TAG) :].split(";", 1)[0].strip()))
    return out


def bare(name: str, lang: str) -> str:
    """``name`` without the admin word of its script it carries."""
    for word, before in SUFFIXES.get(lang, ()):
        w = word.strip()
        if before and name.lower().startswith(w) and len(name) > len(w):
            return name[len(w) :].strip()
        if not before and name.endswith(w) and len(name) > len(w) + 1:
            return name[: -len(w)].rstrip()
    return name


def verdict(r: GeocodeResult, code: str) -> str:
    """``right <band>`` (the answer's finest unit is ``code`` or inside it), ``province only
    <band>`` (the province of ``code`` and nothing finer), ``elsewhere <band>`` (another
    district, even of the same province, or another province) or ``nothing``."""
    got = finest(r)
    if got is None:
        return "nothing"
    if got.startswith(code):
        return f"right {r.confidence}"
    if r.province_code == code[:2] and r.district_code is None:
        return f"province only {r.confidence}"
    return f"elsewhere {r.confidence}"


def main() -> None:
    t0 = time.process_time()
    show, path = _args()
    rows = table_rows(path)
    by_lang: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for name, code, lang in rows:
        by_lang[lang].append((name, code))
    elsewhere: list[str] = []
    for lang in sorted(by_lang):
        alone: collections.Counter[str] = collections.Counter()
        suffixed: collections.Counter[str] = collections.Counter()
        for name, code in by_lang[lang]:
            r = geocode(name)
            v = verdict(r, code)
            alone[v] += 1
            if v.startswith("elsewhere"):
                elsewhere.append(f"{lang} {name!r} → {r.district_code or r.province_code} ({code})")
            if len(code) != 4:
                continue
            core = bare(name, lang)
            for word, before in SUFFIXES.get(lang, ()):
                text = f"{word}{core}" if before else f"{core}{word}"
                s = geocode(text)
                sv = verdict(s, code)
                key = sv.rsplit(" ", 1)[0] if sv != "nothing" else sv
                suffixed[key] += 1
                if key == "elsewhere":
                    elsewhere.append(f"{lang} {text!r} → {s.district_code or s.province_code}")
        right = sum(n for k, n in alone.items() if k.startswith("right"))
        print(f"{lang}: {len(by_lang[lang])} names, alone right {right}")
        print_tally(alone)
        total = sum(suffixed.values())
        print(f"  with admin words: right {suffixed['right']}/{total}")
        print_tally({f"with admin words {k}": n for k, n in suffixed.items() if k != "right"})
    print(f"somewhere else: {len(elsewhere)}")
    for e in elsewhere[:show]:
        print(f"    {e}")
    thai_spaces(show)
    print_cpu(t0)


#: Thai vowels written before their consonant (no space may follow one).
_LEADING_VOWELS = "\u0e40\u0e41\u0e42\u0e43\u0e44"


def _thai(text: str) -> bool:
    return any("\u0e01" <= c <= "\u0e4e" for c in text)


def thai_spaces(show: int) -> None:
    """Part "Thai spaces" (see the module); skipped on a tree without the rule (to measure
    the table's first part before it)."""
    try:
        from compoundmap.geocode.thai_joins import thai_space_joins
    except ImportError:
        print("Thai spaces: no compoundmap.geocode.thai_joins in this tree")
        return
    aliases = pd.read_csv(raw_path("gazetteer", "aliases.csv"), dtype=str, keep_default_na=False)
    spaced: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for name, code in aliases[["alias", "code"]].drop_duplicates().itertuples(index=False):
        if len(code) > 4 or len(name) < 6 or " " in name or not all(_thai(c) for c in name):
            continue
        for i in range(2, len(name) - 1):
            if not "\u0e01" <= name[i] <= "\u0e2e" or name[i - 1] in _LEADING_VOWELS:
                continue
            text = f"{name[:i]} {name[i:]}"
            v = verdict(geocode(text), code)
            key = v.rsplit(" ", 1)[0] if v != "nothing" else v
            spaced[key] += 1
            if key == "elsewhere":
                wrong.append(f"{text!r} → {geocode(text).district_code} ({code})")
    print(f"Thai spaces: aliases split at a space, {sum(spaced.values())} strings")
    print_tally(spaced, wrong[:show])
    quotes: set[str] = set()
    for name in ("geocode_broad.csv", "geocode_dev.csv"):
        rows = pd.read_csv(f"tests/data/{name}", dtype=str, keep_default_na=False)
        quotes.update(q for q in rows["evidence_quote"] if _thai(q))
    index = build_index()
    windows: set[str] = set()
    for q in quotes:
        chunks = q.split()
        for n in (2, 3):
            windows.update(" ".join(chunks[k : k + n]) for k in range(len(chunks) - n + 1))
    joined = sorted(w for w in windows if thai_space_joins(w, index) != w)
    print(f"Thai spaces: guard, {len(windows)} windows of {len(quotes)} quotes,", end=" ")
    print(f"joined {len(joined)}")
    for w in joined[:show]:
        print(f"    {w!r} → {thai_space_joins(w, index)!r}")


if __name__ == "__main__":
    main()
