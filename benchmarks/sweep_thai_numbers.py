"""Sweep: Thai addresses with a village number ("ม.3 ต.โนนหมากมุ่น อ.โคกสูง จ.สระแก้ว",
moo 3 of tambon Non Mak Mun), whose number stands before the Thai commune word. A number is
read as a numbered commune ("Sangkat 3" of Sihanoukville, Lekh Bei) only beside a commune or
village word; Thai writes its admin words before the name, so the ต. after the number is the
next name's (``geocode.exact._numbered_unit``).

Strings: Thai addresses of the Thai border (tambon, amphoe, changwat as Thai reporting on
the Cambodian border writes them), each with a village number 1-15 in three forms
("ม.N ต.T อ.A จ.P", "หมู่ N ต.T อ.A จ.P", "หมู่ที่ N ตำบลT อำเภอA จังหวัดP"): every one is a
place in Thailand, so any Cambodian place returned is wrong. Controls, answers printed as a
hash to compare with main: numbered sangkats written in Latin, Thai and Khmer ("Sangkat 3",
"3 sangkat", "ต.3", "ภูมิ 3 ตำบล 4 สีหนุวิลล์", "សង្កាត់លេខ៣ ក្រុងព្រះសីហនុ"), numbered villages
("Phum 3 Sangkat 4") and the Thai border names without a number.

Run: ``python benchmarks/sweep_thai_numbers.py``.
"""

from __future__ import annotations

import collections
import hashlib
import time

from _sweep import print_cpu

from compoundmap.geocode import geocode_places

#: (tambon, amphoe, changwat) of the Thai side of the border, as Thai news writes them
BORDER = (
    ("ผ่านศึก", "อรัญประเทศ", "สระแก้ว"),
    ("ป่าไร่", "อรัญประเทศ", "สระแก้ว"),
    ("คลองหาด", "คลองหาด", "สระแก้ว"),
    ("โนนหมากมุ่น", "โคกสูง", "สระแก้ว"),
    ("หนองม่วง", "โคกสูง", "สระแก้ว"),
    ("เทพนิมิต", "โป่งน้ำร้อน", "จันทบุรี"),
    ("คลองใหญ่", "โป่งน้ำร้อน", "จันทบุรี"),
    ("หาดเล็ก", "คลองใหญ่", "ตราด"),
    ("ไพรพัฒนา", "ภูสิงห์", "ศรีสะเกษ"),
    ("ด่าน", "กาบเชิง", "สุรินทร์"),
    ("บักดอง", "ขุนหาญ", "ศรีสะเกษ"),
    ("ช่องแคบ", "พบพระ", "ตาก"),
)
_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


def _cambodian(text: str) -> bool:
    """Whether ``geocode_places`` finds any Cambodian place in ``text``."""
    return any(r.province_code for r in geocode_places(text))


def _forms(n: int, tambon: str, amphoe: str, changwat: str) -> tuple[str, ...]:
    """The three ways Thai news writes a village number with its tambon, amphoe, changwat."""
    return (
        f"ม.{n} ต.{tambon} อ.{amphoe} จ.{changwat}",
        f"หมู่ {n} ต.{tambon} อ.{amphoe} จ.{changwat}",
        f"หมู่ที่ {n} ตำบล{tambon} อำเภอ{amphoe} จังหวัด{changwat}",
    )


def main() -> None:
    """Count the Thai addresses that give a Cambodian place; hash the controls' answers."""
    started = time.process_time()
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for tambon, amphoe, changwat in BORDER:
        for n in range(1, 16):
            for text in _forms(n, tambon, amphoe, changwat):
                bad = _cambodian(text)
                tally["cambodian place (wrong)" if bad else "no Cambodian place"] += 1
                if bad and len(wrong) < 5:
                    wrong.append(text)
    print("Thai addresses with a village number:")
    for key, n in sorted(tally.items()):
        print(f"  {key}: {n}")
    for text in wrong:
        print(f"    e.g. {text}")

    controls = [f"ต.{tambon} อ.{amphoe} จ.{changwat}" for tambon, amphoe, changwat in BORDER]
    for n in range(1, 5):
        k = str(n).translate(_DIGITS)
        controls += [
            f"Sangkat {n}",
            f"{n} sangkat",
            f"Sangkat {n}, Sihanoukville",
            f"Phum 3 Sangkat {n}",
            f"ต.{n}",
            f"ภูมิ 3 ตำบล {n} สีหนุวิลล์",
            f"สังกัต {n} สีหนุวิลล์",
            f"សង្កាត់លេខ{k} ក្រុងព្រះសីហនុ",
            f"ភូមិ{k} សង្កាត់លេខ{k}",
        ]
    digest = hashlib.sha256()
    for text in controls:
        places = sorted(
            (r.province_code, r.district_code, r.commune_code, r.confidence)
            for r in geocode_places(text)
        )
        digest.update(repr((text, places)).encode())
    print(f"controls: {len(controls)} strings, answers hash {digest.hexdigest()[:16]}")
    print_cpu(started)


if __name__ == "__main__":
    main()
