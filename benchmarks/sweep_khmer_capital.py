"""Sweep: MEF's Khmer name of Phnom Penh holds its admin word ("រាជធានីភ្នំពេញ"); read as
that admin word and the name (``geocode.khmer.khmer_province_word``), the capital is said as
"ខេត្តកំពត" says Kampot, so a name beside it that is no place of the capital no longer
drops it ("សាន រាជធានីភ្នំពេញ", a hotel's name beside the capital).

Strings: every Phnom Penh commune and district, with and without its admin word, and every
20th MEF village of another province, each followed by " រាជធានីភ្នំពេញ"; right when the
capital's units are placed in it and the strings of other provinces' villages give the
capital (not nothing, not that village's province).

Run: ``python benchmarks/sweep_khmer_capital.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import mef_list, print_cpu

from compoundmap.geocode import geocode_places

_CAPITAL = " រាជធានីភ្នំពេញ"


def _codes(text: str) -> set[tuple[str | None, str | None]]:
    """The (province, district) codes of the places ``geocode_places`` returns."""
    return {(r.province_code, r.district_code) for r in geocode_places(text) if r.province_code}


def main() -> None:
    """Count the answers of each kind of string."""
    started = time.process_time()
    districts = mef_list("District")
    communes = mef_list("Commune")
    villages = mef_list("Villages")
    tally: collections.Counter[str] = collections.Counter()
    for row in districts[districts["province_code"] == "12"].itertuples():
        for text in (f"ខណ្ឌ{row.district_kh}{_CAPITAL}", f"{row.district_kh}{_CAPITAL}"):
            ok = _codes(text) == {("12", row.district_code)}
            tally["capital district " + ("right" if ok else "other")] += 1
    for row in communes[communes["province_code"] == "12"].itertuples():
        for text in (f"សង្កាត់{row.commune_kh}{_CAPITAL}", f"{row.commune_kh}{_CAPITAL}"):
            ok = _codes(text) == {("12", row.district_code)}
            tally["capital commune " + ("right" if ok else "other")] += 1
    for row in villages[villages["province_code"] != "12"].iloc[::20].itertuples():
        got = _codes(f"{row.village_kh}{_CAPITAL}")
        kind = "nothing" if not got else "capital" if {p for p, _ in got} == {"12"} else "other"
        tally["other village: " + kind] += 1
    for key, n in sorted(tally.items()):
        print(f"{key:28s} {n}")
    print_cpu(started)


if __name__ == "__main__":
    main()
