"""Sweep: Khmer names that start with a number (MEF's district ៧មករា, villages ១០មករា,
២៧សែនជ័យ, ៦ក …), which the tokeniser splits after the digits; a number right after a Khmer
admin word is joined to the run after it when the two start a name
(``geocode.khmer.khmer_space_joins``).

Strings: every MEF 2025 unit or village whose Khmer name starts with a digit, written after
its admin word glued and spaced ("ខណ្ឌ៧មករា", "ខណ្ឌ ៧មករា"), with its commune, district
and province after it as MEF writes them; right when every place returned lies in its
district (a district: is it). Controls, answers printed as a hash to compare with main:
dates ("ថ្ងៃទី៧ មករា", "ថ្ងៃទី២០ ឧសភា ឆ្នាំ២០២៤", for every day and month), alone and
after a district; numbered villages ("ភូមិ ១ ឃុំC ស្រុកD") of every commune that has one,
but those of ៧មករា (its name, unread on main, now gives the district).

Run: ``python benchmarks/sweep_khmer_numbers.py``.
"""

from __future__ import annotations

import collections
import hashlib
import time

from _sweep import khmer_names, mef_list, print_cpu

from compoundmap.geocode import geocode_places

_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_MONTHS = "មករា កុម្ភៈ មីនា មេសា ឧសភា មិថុនា កក្កដា សីហា កញ្ញា តុលា វិច្ឆិកា ធ្នូ".split()
_WORD = {"province": "ខេត្ត", "district": "ស្រុក", "commune": "ឃុំ", "village": "ភូមិ"}


def _places(text: str) -> set[tuple[str | None, str | None]]:
    """The (province, district) codes of the places ``geocode_places`` returns."""
    return {(r.province_code, r.district_code) for r in geocode_places(text) if r.province_code}


def main() -> None:
    """Count the answers of each kind of string; print the controls' answers as a hash."""
    started = time.process_time()
    provinces = mef_list("Province")
    districts = mef_list("District")
    communes = mef_list("Commune")
    villages = mef_list("Villages")
    pkh = khmer_names(provinces, "province")
    dkh = khmer_names(districts, "district")
    ckh = khmer_names(communes, "commune")
    tally: collections.Counter[str] = collections.Counter()
    cases: list[tuple[str, str, str]] = []  # (kind, name, district code)
    for code, name in dkh.items():
        if name[:1] in "០១២៣៤៥៦៧៨៩":
            cases.append(("district", name, code))
    for row in villages.itertuples():
        if str(row.village_kh)[:1] in "០១២៣៤៥៦៧៨៩":
            cases.append(("village", str(row.village_kh), str(row.commune_code)))
    for kind, name, code in cases:
        district = code[:4]
        word = "ខណ្ឌ" if kind == "district" and code[:2] == "12" else _WORD[kind]
        parents = "" if kind == "district" else f" ឃុំ{ckh[code]} ស្រុក{dkh[district]}"
        province = f" {'រាជធានី' if code[:2] == '12' else 'ខេត្ត'}{pkh[code[:2]]}"
        for glue in ("", " "):
            got = _places(f"{word}{glue}{name}{parents}{province}")
            tally[f"{kind} right" if got == {(code[:2], district)} else f"{kind} other"] += 1
    controls = hashlib.sha256()
    for day in range(1, 32):
        for month in _MONTHS:
            date = f"ថ្ងៃទី{str(day).translate(_DIGITS)} {month}"
            for text in (date, f"{date} ឆ្នាំ២០២៤", f"ខណ្ឌដូនពេញ {date}"):
                controls.update(repr(sorted(_places(text), key=str)).encode())
                tally["dates"] += 1
    for row in villages.itertuples():
        name = str(row.village_kh)
        c = str(row.commune_code)
        if (
            name.startswith("ភូមិ")
            and name[4:].strip()[:1] in "០១២៣៤៥៦៧៨៩"
            and dkh[c[:4]][:1] not in "០១២៣៤៥៦៧៨៩"  # (៧មករា's own villages are read now)
        ):
            text = f"{name} ឃុំ{ckh[c]} ស្រុក{dkh[c[:4]]}"
            controls.update(repr(sorted(_places(text), key=str)).encode())
            tally["numbered villages"] += 1
    for key, n in sorted(tally.items()):
        print(f"{key:20s} {n}")
    print("controls' answers:", controls.hexdigest()[:16])
    print_cpu(started)


if __name__ == "__main__":
    main()
