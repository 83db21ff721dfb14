"""Sweep: places abroad and border pairs.

1. **Foreign only**: every name of ``data/raw/gazetteer/foreign_places.csv`` (Thai, Lao,
   Vietnamese, Myanmar places, compounds abroad, victims' home provinces) in a few phrases
   of reporting ("X", "X, Thailand", "in X", "the X border checkpoint", "X province"): the
   string names no Cambodian place, so it must give nothing.
2. **Border pairs**: a Cambodian crossing or border town next to the foreign place facing it
   ("Poipet, across from Aranyaprathet", "Moc Bai - Bavet", "O'Smach opposite Chong Chom"):
   the string must give the Cambodian side's province, and nothing else.

Counted per phrase: the strings that give what they should (wrong ones are printed, a few
per phrase). Run: ``python benchmarks/sweep_foreign_places.py``.
"""

from __future__ import annotations

import collections
import time

import pandas as pd
from _sweep import print_cpu

from compoundmap._data import raw_path
from compoundmap.geocode import geocode_places

COUNTRY = {
    "TH": "Thailand",
    "VN": "Vietnam",
    "LA": "Laos",
    "MM": "Myanmar",
    "CN": "China",
    "MY": "Malaysia",
    "ID": "Indonesia",
    "PH": "Philippines",
}

FOREIGN_PHRASES = (
    "{}",
    "{}, {}",
    "in {}",
    "the {} border checkpoint",
    "{} province",
    "a scam compound in {}, {}",
)

#: (Cambodian side as reporting writes it, foreign side, province code of the Cambodian side)
PAIRS = (
    ("Poipet", "Aranyaprathet", "01"),
    ("Poipet", "Ban Khlong Luek", "01"),
    ("Stung Bot", "Ban Nong Ian", "01"),
    ("Prey Chan village", "Ban Nong Chan", "01"),
    ("O'Smach", "Chong Chom", "22"),
    ("Cham Yeam", "Hat Lek", "09"),
    ("Bavet", "Moc Bai", "20"),
    ("Prek Chak", "Xa Xia", "07"),
    ("Phnom Den", "Tinh Bien", "21"),
    ("Trapeang Phlong", "Xa Mat", "25"),
    ("Trapeang Sre", "Hoa Lu", "10"),
    ("Trapeang Kriel", "Nong Nok Khiene", "19"),
    ("Dong Kralor", "Veun Kham", "19"),
)

PAIR_PHRASES = (
    "{kh}, across from {fx}",
    "{kh} opposite {fx}",
    "{fx} - {kh}",
    "{kh}-{fx} border crossing",
    "the {fx} checkpoint opposite {kh}",
    "{fx} ({country}) and {kh} (Cambodia)",
)

PAIR_COUNTRY = {
    "Nong Nok Khiene": "Laos",
    "Veun Kham": "Laos",
    "Moc Bai": "Vietnam",
    "Xa Xia": "Vietnam",
    "Tinh Bien": "Vietnam",
    "Xa Mat": "Vietnam",
    "Hoa Lu": "Vietnam",
}


def _provinces(text: str) -> set[str]:
    return {r.province_code for r in geocode_places(text) if r.province_code}


def main() -> None:
    t0 = time.process_time()
    table = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    total: collections.Counter[str] = collections.Counter()
    good: collections.Counter[str] = collections.Counter()
    shown: collections.Counter[str] = collections.Counter()
    for name, cc in zip(table["name"], table["country_code"], strict=True):
        country = COUNTRY.get(cc, "")
        for phrase in FOREIGN_PHRASES:
            text = phrase.format(name, country)
            total[phrase] += 1
            got = _provinces(text)
            if not got:
                good[phrase] += 1
            elif shown[phrase] < 5:
                shown[phrase] += 1
                print(f"  foreign gave {sorted(got)}: {text!r}")
    for kh, fx, code in PAIRS:
        country = PAIR_COUNTRY.get(fx, "")
        for phrase in PAIR_PHRASES:
            text = phrase.format(kh=kh, fx=fx, country=country or "Thailand")
            total[phrase] += 1
            got = _provinces(text)
            if got == {code}:
                good[phrase] += 1
            elif shown[phrase] < 5:
                shown[phrase] += 1
                print(f"  pair gave {sorted(got)} (want {code}): {text!r}")
    print("| phrase | right |")
    print("|---|---|")
    for phrase in (*FOREIGN_PHRASES, *PAIR_PHRASES):
        print(f"| {phrase} | {good[phrase]}/{total[phrase]} |")
    print(f"all: {sum(good.values())}/{sum(total.values())}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
