"""Sweep: lists of province names in each script, joined the ways pages join them
("A, B and C", "A、B和C", "A・B", "A와 B", "A และ B", "A និង B" …).

Generated from ``aliases.csv``: one curated name per province and script (one that alone
reads as its province), three drawn at random per string. Counted per form: whether the
string comes back as exactly the provinces it names (no more, no fewer), as the broad
``multi_place`` rows are scored.

Run: ``python benchmarks/sweep_script_lists.py [seed]``.
"""

from __future__ import annotations

import csv
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from compoundmap import geocode_places

_ALIASES = Path(__file__).resolve().parents[1] / "data/raw/gazetteer/aliases.csv"
_SCRIPTS = (
    ("km", r"[\u1780-\u17ff]"),
    ("ko", r"[\uac00-\ud7af]"),
    ("ja", r"[\u3040-\u30ff]"),
    ("th", r"[\u0e00-\u0e7f]"),
    ("zh", r"[\u4e00-\u9fff]"),
)
FORMS = {
    "latin": [
        "{a} and {b}",
        "{a}, {b} and {c}",
        "{a}, {b}, {c} provinces",
        "between {a} and {b}",
        "from {a} to {b}",
        "{a}/{b}",
        "{a}; {b}",
        "{a} và {b}",
        "{a} et {b}",
        "{a} und {b}",
        "{a} y {b}",
        "{a} dan {b}",
        "{a}-{b}",
    ],
    "zh": [
        "{a}、{b}",
        "{a}、{b}和{c}",
        "{a}和{b}",
        "{a}、{b}、{c}等省",
        "{a}及{b}",
        "{a}与{b}",
        "从{a}到{b}",
        "{a}/{b}",
        "{a}至{b}",
    ],
    "ja": [
        "{a}・{b}",
        "{a}と{b}",
        "{a}や{b}",
        "{a}、{b}",
        "{a}、{b}、{c}",
        "{a}から{b}",
        "{a}・{b}・{c}など",
    ],
    "ko": [
        "{a}와 {b}",
        "{a}과 {b}",
        "{a} 및 {b}",
        "{a}, {b}",
        "{a}, {b}, {c} 등",
        "{a}·{b}",
        "{a}에서 {b}까지",
        "{a}랑 {b}",
        "{a}, {b} 및 {c}",
    ],
    "th": ["{a}และ{b}", "{a} และ {b}", "{a}, {b}", "{a} {b} และ{c}", "จาก{a}ไป{b}", "{a}กับ{b}"],
    "km": ["{a}និង{b}", "{a} និង {b}", "{a}, {b}", "{a} {b} និង{c}", "ពី{a}ទៅ{b}"],
}


def _script(s: str) -> str:
    for name, pattern in _SCRIPTS:
        if re.search(pattern, s):
            return name
    return "latin"


def _names() -> dict[str, list[tuple[str, str]]]:
    """One alias per province and script that alone reads as that province."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    with _ALIASES.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code, alias = row["code"], row["alias"]
            if len(code) != 2 or code in found[_script(alias)]:
                continue
            if {p.province_code for p in geocode_places(alias) if p.province_code} == {code}:
                found[_script(alias)][code] = alias
    return {s: sorted((a, c) for c, a in d.items()) for s, d in found.items()}


def main(seed: int = 1, per_form: int = 60) -> None:
    t0 = time.process_time()
    rnd = random.Random(seed)
    names = _names()
    for script, forms in FORMS.items():
        pool = names.get(script, [])
        if len(pool) < 3:
            print(f"{script}: fewer than 3 province names in aliases.csv")
            continue
        for form in forms:
            right, wrong = 0, []
            for _ in range(per_form):
                (a, ca), (b, cb), (c, cc) = rnd.sample(pool, 3)
                text = form.format(a=a, b=b, c=c)
                gold = {ca, cb} | ({cc} if "{c}" in form else set())
                got = {p.province_code for p in geocode_places(text) if p.province_code}
                right += got == gold
                if got != gold and len(wrong) < 2:
                    wrong.append(f"{text} → {sorted(got)}")
            print(f"{script:6} {form:22} {right}/{per_form}  {'; '.join(wrong)}")
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
