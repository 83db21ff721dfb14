"""Sweep: a Khmer place measured from another ("ខេត្តកំពង់ស្ពឺ ចម្ងាយ ៥០ គីឡូម៉ែត្រ
ពីរាជធានីភ្នំពេញ": Kampong Speu, 50 km from Phnom Penh), the name after "ពី" a reference
point (``geocode.mentions.script_reference_spans``, ``stop_words.csv`` roles
``reference_unit_script`` and ``reference_from_script``).

For every ordered pair of MEF 2025 provinces, and every district with a province other than
its own, the strings "ខេត្តP ចម្ងាយ N គីឡូម៉ែត្រ ពីខេត្តQ" (spaced, and written without
spaces) and "ស្រុកD ខេត្តP ចម្ងាយប្រមាណ N គីឡូម៉ែត្រ ពីក្រុងT" are right when every place
returned lies in P (D). Controls: the reference alone ("ចម្ងាយ N គីឡូម៉ែត្រ ពីខេត្តQ") keeps
Q; a number that is no distance ("ខេត្តP ឆ្នាំ ២០២៣ ពីខេត្តQ") keeps both.

Run: ``python benchmarks/sweep_khmer_distances.py``.
"""

from __future__ import annotations

import collections
import time

from _sweep import khmer_names, mef_list, print_cpu

from compoundmap.geocode import geocode_places


def _provinces(text: str) -> set[str]:
    """The provinces of the places ``geocode_places`` returns."""
    return {r.province_code for r in geocode_places(text) if r.province_code}


def main() -> None:
    """Count the answers of each kind of string."""
    started = time.process_time()
    provinces = mef_list("Province")
    kh = khmer_names(provinces, "province")
    word = {code: "រាជធានី" if code == "12" else "ខេត្ត" for code in kh}
    tally: collections.Counter[str] = collections.Counter()
    for p in kh:
        for q in kh:
            if p == q:
                continue
            here, there = f"{word[p]}{kh[p]}", f"{word[q]}{kh[q]}"
            for text in (f"{here} ចម្ងាយ ៣៥ គីឡូម៉ែត្រ ពី{there}", f"{here}ចម្ងាយ៣៥គីឡូម៉ែត្រពី{there}"):
                tally["pair right" if _provinces(text) == {p} else "pair wrong"] += 1
            alone = _provinces(f"ចម្ងាយ ៣៥ គីឡូម៉ែត្រ ពី{there}")
            tally["reference alone kept" if alone == {q} else "reference alone lost"] += 1
            year = _provinces(f"{here} ឆ្នាំ ២០២៣ ពី{there}")
            tally["no distance: both kept" if year == {p, q} else "no distance: changed"] += 1
    districts = mef_list("District")
    for row in districts.itertuples(index=False):
        d, p = str(row.district_code), str(row.district_code)[:2]
        q = "18" if p != "18" else "12"
        text = f"ស្រុក{row.district_kh} {word[p]}{kh[p]} ចម្ងាយប្រមាណ ៤០ គីឡូម៉ែត្រ ពីក្រុង{kh[q]}"
        got = geocode_places(text)
        inside = got and all(r.province_code == p and r.district_code in (d, None) for r in got)
        tally["district right" if inside else "district wrong"] += 1
    for k, v in sorted(tally.items()):
        print(f"  {k}: {v}")
    print_cpu(started)


if __name__ == "__main__":
    main()
