"""Sweep: Khmer names written with the independent vowel ឬ (RYY) where MEF writes ឫ (RY),
as pages do ("ខណ្ឌឬស្សីកែវ" for the khan ឫស្សីកែវ, "ឃុំឬស្សីស្រុកខាងលិច"); ``clean_text``
folds ឬ to ឫ in the text and in the index alike.

Strings: every MEF 2025 district and commune whose Khmer name has ឫ, written with ឬ after its
admin word with its parents as MEF writes them ("ស្រុកD ខេត្តP", "ឃុំC ស្រុកD ខេត្តP"), and bare
(the name alone); right when a place returned is the unit (a bare name: in its province).
Controls, answers printed as a hash to compare with main: the same strings as MEF writes them,
and the conjunction ឬ ("or") between two provinces ("ខេត្តកំពត ឬ ខេត្តកែប").

Run: ``python benchmarks/sweep_khmer_ry.py``.
"""

from __future__ import annotations

import collections
import hashlib
import time

from _sweep import khmer_names, mef_list, print_cpu

from compoundmap.geocode import geocode_places

RY, RYY = "\u17ab", "\u17ac"


def _codes(text: str) -> set[str]:
    """The codes (province, district, commune) of every place ``geocode_places`` returns."""
    out: set[str] = set()
    for r in geocode_places(text):
        out |= {c for c in (r.province_code, r.district_code, r.commune_code) if c}
    return out


def main() -> None:
    """Count right answers to the ឬ-spelt strings; hash the controls' answers."""
    started = time.process_time()
    provinces = khmer_names(mef_list("Province"), "province")
    districts_table = mef_list("District")
    districts = khmer_names(districts_table, "district")
    communes_table = mef_list("Commune")
    communes = khmer_names(communes_table, "commune")
    tally: collections.Counter[str] = collections.Counter()
    controls: list[str] = []
    for code, name in districts.items():
        if RY not in name:
            continue
        parents = f" ខេត្ត{provinces[code[:2]]}"
        controls.append(f"ស្រុក{name}{parents}")
        respelt = f"ស្រុក{name.replace(RY, RYY)}{parents}"
        tally["district with parents: " + _verdict(code, respelt)] += 1
        tally["district bare: " + _verdict(code[:2], name.replace(RY, RYY))] += 1
    for code, name in communes.items():
        if RY not in name:
            continue
        parents = f" ស្រុក{districts[code[:4]]} ខេត្ត{provinces[code[:2]]}"
        controls.append(f"ឃុំ{name}{parents}")
        respelt = f"ឃុំ{name.replace(RY, RYY)}{parents}"
        tally["commune with parents: " + _verdict(code, respelt)] += 1
    for a, b in zip(sorted(provinces), sorted(provinces)[1:], strict=False):
        controls.append(f"ខេត្ត{provinces[a]} ឬ ខេត្ត{provinces[b]}")
    for key, n in sorted(tally.items()):
        print(f"  {key}: {n}")
    digest = hashlib.sha256()
    for text in controls:
        digest.update(repr((text, sorted(_codes(text)))).encode())
    print(f"controls: {len(controls)} strings, answers hash {digest.hexdigest()[:16]}")
    print_cpu(started)


def _verdict(code: str, text: str) -> str:
    """``right`` when a place returned for ``text`` is the unit ``code``, else ``other``."""
    return "right" if code in _codes(text) else "other"


if __name__ == "__main__":
    main()
