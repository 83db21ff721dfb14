"""Sweep: a Khmer casino word glued before a name (``stop_words.csv`` role ``kind_khmer``;
``geocode.khmer.named_after_kind``): a casino is often named after its village, whose name
may be a commune or village in other provinces too ("កាស៊ីណូជ្រៃធំ": the village Chrey Thum
of Kandal, the commune Chrey Thum of Svay Rieng). When the name is the string's only one
and reads only as communes or villages of more than one province, the reading is marked
``loose`` and loses the top band; the place returned is unchanged.

Strings: every MEF 2025 commune's Khmer name after "កាស៊ីណូ" (alone: band tallied by
whether the name also names a unit or village in another province; with its district and
province after it: answers as a hash, which must equal main's); every district and
province name after "កាស៊ីណូ" (answers as a hash, which must equal main's: a casino named
after its town is in it).

Run: ``python benchmarks/sweep_khmer_casino.py``.
"""

from __future__ import annotations

import collections
import hashlib
import time

from _sweep import khmer_names, mef_list, print_cpu

from compoundmap.geocode import geocode_places

_KIND = "កាស៊ីណូ"


def _answer(text: str) -> str:
    """The places and bands ``geocode_places`` returns, as one string."""
    return "|".join(
        f"{r.province_code}/{r.district_code}/{r.commune_code}/{r.confidence}"
        for r in geocode_places(text)
    )


def main() -> None:
    """Tally the bands of the bare strings; print the controls' answers as hashes."""
    started = time.process_time()
    provinces = mef_list("Province")
    districts = mef_list("District")
    communes = mef_list("Commune")
    villages = mef_list("Villages")
    pkh = khmer_names(provinces, "province")
    dkh = khmer_names(districts, "district")
    where: collections.defaultdict[str, set[str]] = collections.defaultdict(set)
    for table, col in ((communes, "commune_kh"), (villages, "village_kh")):
        for name, code in zip(table[col], table["province_code"], strict=True):
            where[str(name)].add(str(code))
    tally: collections.Counter[str] = collections.Counter()
    parented = hashlib.sha256()
    for row in communes.itertuples():
        name, code = str(row.commune_kh), str(row.commune_code)
        got = geocode_places(_KIND + name)
        bands = {r.confidence for r in got if r.province_code}
        right = any(r.province_code == code[:2] for r in got)
        elsewhere = "namesake" if len(where[name]) > 1 else "unique"
        band = "/".join(sorted(bands)) or "nothing"
        tally[f"{elsewhere}: {band}{' right' if right else ''}"] += 1
        full = f"{_KIND}{name} ស្រុក{dkh[code[:4]]} ខេត្ត{pkh[code[:2]]}"
        parented.update(f"{full}={_answer(full)}\n".encode())
    units = hashlib.sha256()
    for name in [*dkh.values(), *pkh.values()]:
        units.update(f"{name}={_answer(_KIND + name)}\n".encode())
    for key, count in sorted(tally.items()):
        print(f"{_KIND}+commune, {key}: {count}")
    print(f"with district and province: {parented.hexdigest()[:16]}")
    print(f"districts and provinces: {units.hexdigest()[:16]}")
    print_cpu(started)


if __name__ == "__main__":
    main()
