"""Sweep: confident answers on strings about places abroad.

The goal is calibration: an answer read at ``high`` (or ``medium``) must be right. Strings
naming a place outside Cambodia are where a Cambodian look-alike is most often read with
confidence ("Bokeo international airport" is in Laos, not the Ratanakiri district Bar Kaev).

1. **Kinds**: every name of ``data/raw/gazetteer/foreign_places.csv`` and a list of other
   places of Laos, Thailand, Vietnam and Myanmar that reporting on the border names
   (:data:`OTHER_ABROAD`), each with English kind words ("X international airport",
   "the X Friendship Bridge", "X border gate", "X province" …): the string names no
   Cambodian place, so every answer is wrong. **Bridges**: the friendship bridges of two
   neighbours ("the Second Thai-Lao Friendship Bridge", "Thai-Myanmar Friendship Bridge
   2"): no Cambodian place; the Thai-Cambodian and Cambodian-Japanese ones are checked too.
2. **Relations**: a place abroad, a relation word and a Cambodian place ("Hoa Lu opposite
   Trapeang Sre", "Mae Sot, near Battambang"): every answer outside the Cambodian place's
   province is wrong. **Across**: the Cambodian side of a crossing with each listed place of
   the country across (realistic); **any**: every place abroad with every Cambodian side and
   province (a stress test: "Bokeo, near Stung Treng" may well mean the Ratanakiri Bokeo).

Printed: answers per band (wrong / all) for each part, and a few wrong ones at ``high`` and
``medium``. Run: ``python benchmarks/sweep_confident_abroad.py``.
"""

from __future__ import annotations

import collections
import time

import pandas as pd
from _sweep import mef_list, print_cpu

from compoundmap._data import raw_path
from compoundmap.geocode import geocode_places

#: Places abroad that border and scam reporting names, not (yet) in foreign_places.csv:
#: airports, bridges, crossings, towns and provinces of the neighbours (real names).
OTHER_ABROAD = (
    "Wattay",
    "Pakse",
    "Savannakhet",
    "Thakhek",
    "Huay Xai",
    "Houayxay",
    "Ton Pheung",
    "Luang Prabang",
    "Luang Namtha",
    "Oudomxay",
    "Khammouane",
    "Sekong",
    "Salavan",
    "Don Khong",
    "Don Det",
    "Khone Phapheng",
    "Si Phan Don",
    "Voen Kham",
    "Muang Khong",
    "Suvarnabhumi",
    "Don Mueang",
    "U-Tapao",
    "Buriram",
    "Sisaket",
    "Si Sa Ket",
    "Ubon Ratchathani",
    "Chanthaburi",
    "Chiang Khong",
    "Nong Khai",
    "Mukdahan",
    "Nakhon Phanom",
    "Khlong Yai",
    "Ban Laem",
    "Ban Pakard",
    "Chong Sa Ngam",
    "Kap Choeng",
    "Prasat",
    "Kantharalak",
    "Phu Sing",
    "Khun Han",
    "Ta Phraya",
    "Pong Nam Ron",
    "Soi Dao",
    "Bo Rai",
    "Khao Saming",
    "Udon Thani",
    "Nakhon Ratchasima",
    "Pattaya",
    "Phuket",
    "Loc Ninh",
    "Binh Phuoc",
    "Chau Doc",
    "Vinh Xuong",
    "Phu Quoc",
    "Rach Gia",
    "Tan Son Nhat",
    "Ho Chi Minh City",
    "Can Tho",
    "Dong Thap",
    "Thuong Phuoc",
    "Dinh Ba",
    "Long An",
    "Le Thanh",
    "Kon Tum",
    "Bo Y",
    "Dak Nong",
    "Bu Prang",
    "Tra Vinh",
    "Cu Chi",
    "Da Nang",
    "Mong La",
    "Kokang",
    "Yangon",
    "Mandalay",
    "Naypyidaw",
    "Payathonzu",
    "Three Pagodas Pass",
    "Kawthaung",
    "Myeik",
    "Dawei",
    "Kunming",
    "Xishuangbanna",
    "Mohan",
    "Boten",
)

KIND_PHRASES = (
    "{} international airport",
    "{} airport",
    "the {} bridge",
    "the {} Friendship Bridge",
    "{} border gate",
    "the {} checkpoint",
    "{} province",
    "{} district",
    "the {} Special Economic Zone",
    "{} port",
)

#: Cambodian sides: (as reporting writes it, province code, country across).
CAMBODIAN = (
    ("Poipet", "01", "TH"),
    ("Stung Bot", "01", "TH"),
    ("O'Smach", "22", "TH"),
    ("Osmach", "22", "TH"),
    ("Cham Yeam", "09", "TH"),
    ("Koh Kong", "09", "TH"),
    ("Bavet", "20", "VN"),
    ("Prek Chak", "07", "VN"),
    ("Phnom Den", "21", "VN"),
    ("Trapeang Phlong", "25", "VN"),
    ("Trapeang Sre", "10", "VN"),
    ("Trapeang Kriel", "19", "LA"),
    ("Dong Kralor", "19", "LA"),
    ("Sihanoukville", "18", ""),
)

#: Two peoples or countries of a friendship bridge; the province of the one in Cambodia.
BRIDGE_PAIRS = (
    ("Thai", "Lao", None),
    ("Thai", "Myanmar", None),
    ("Thailand", "Myanmar", None),
    ("Thai", "Burmese", None),
    ("China", "Laos", None),
    ("Lao", "Vietnamese", None),
    ("Chinese", "Myanmar", None),
    ("Thai", "Cambodian", "01"),
    ("Thai", "Cambodia", "01"),
    ("Cambodian", "Japanese", "12"),
)

BRIDGE_PHRASES = (
    "{a}-{b} Friendship Bridge",
    "the {a}-{b} Friendship Bridge",
    "the Second {a}-{b} Friendship Bridge",
    "the 2nd {a}-{b} Friendship Bridge",
    "the {a}-{b} Friendship Bridge 2",
    "the {a}-{b} friendship bridge in Mae Sot",
)

RELATION_PHRASES = (
    "{fx} opposite {kh}",
    "{kh}, opposite {fx}",
    "{fx}, near {kh}",
    "{fx} across from {kh}",
    "the {fx} checkpoint opposite {kh}",
    "{fx} border gate, facing {kh}",
)


def _answers(text: str) -> list[tuple[str, str]]:
    """(province code, band) of every place found in ``text``."""
    return [(r.province_code, r.confidence) for r in geocode_places(text) if r.province_code]


def _abroad_names() -> list[str]:
    table = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    names = list(dict.fromkeys([*table["name"], *OTHER_ABROAD]))
    return [n for n in names if len(n) > 2]


def main() -> None:
    t0 = time.process_time()
    abroad = _abroad_names()
    provinces = mef_list("Province")
    cambodian = [(kh, code) for kh, code, _ in CAMBODIAN] + list(
        zip(provinces["province_en"], provinces["province_code"], strict=True)
    )
    table = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    parts: dict[str, list[tuple[str, str | None]]] = {
        "kinds": [],
        "bridges": [],
        "across": [],
        "any": [],
    }
    for a, b, code in BRIDGE_PAIRS:
        for x, y in ((a, b), (b, a)):
            for phrase in BRIDGE_PHRASES:
                parts["bridges"].append((phrase.format(a=x, b=y), code))
    for name in abroad:
        for phrase in KIND_PHRASES:
            parts["kinds"].append((phrase.format(name), None))
    for kh, code, cc in CAMBODIAN:
        for fx in table.loc[table["country_code"] == cc, "name"]:
            for phrase in RELATION_PHRASES:
                parts["across"].append((phrase.format(fx=fx, kh=kh), code))
    for fx in abroad:
        for kh, code in cambodian:
            for phrase in RELATION_PHRASES:
                parts["any"].append((phrase.format(fx=fx, kh=kh), code))
    for part, strings in parts.items():
        wrong: collections.Counter[str] = collections.Counter()
        seen: collections.Counter[str] = collections.Counter()
        shown: list[str] = []
        for text, code in strings:
            for province, conf in _answers(text):
                seen[conf] += 1
                if province != code:
                    wrong[conf] += 1
                    if conf in ("high", "medium"):
                        shown.append(f"{conf} {province}: {text!r}")
        print(f"{part}: {len(strings)} strings")
        for conf in ("high", "medium", "low"):
            print(f"  {conf}: wrong {wrong[conf]}/{seen[conf]}")
        for line in sorted(set(shown))[:400]:
            print(f"    {line}")
    print_cpu(t0)


if __name__ == "__main__":
    main()
