"""Sweep: the landmarks of ``data/raw/gazetteer/localities.csv`` (casinos, crossings, SEZs,
buildings, markets …) read alone and with their town or province.

Every name and alias of a locality row whose kind is in ``KINDS`` is geocoded in three forms:
the name alone, ``"<name>, <province>"`` and, when the row gives a district,
``"<name>, <district>, <province>"`` (MEF 2025 English names). One line each,
``verdict<TAB>form<TAB>row units<TAB>string<TAB>answer<TAB>band<TAB>nc``, where the verdict
is ``right`` (the row's province, and its district when both have one), ``district`` (the
province right, another district), ``nothing`` or ``wrong``; ``nc`` marks a needs_context
row (alone, such a name is meant to give nothing). Ends with a tally per form and kind of row
and the CPU time. The lines diff between two runs (main's code and a branch's), so a change
to the landmark rows shows right/wrong/nothing before → after.

Run: ``PYTHONPATH=src python benchmarks/sweep_lists.py [--kinds casino,sez,…] > out.txt``;
``--rows PATH`` reads the names from another localities.csv (a branch's, to sweep its new
names with main's code).
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter

from _sweep import mef_list, print_cpu, site_verdict

from compoundmap import geocode
from compoundmap._data import raw_path

KINDS = (
    "casino",
    "border_crossing",
    "sez",
    "compound",
    "hotel",
    "building",
    "market",
    "landmark",
    "housing_estate",
    "port",
    "airport",
)


def _verdict(province: str, district: str, text: str) -> tuple[str, str, str]:
    """(verdict, answer codes, band) of ``text`` against a row's province and district."""
    got = geocode(text)
    verdict = site_verdict(got, province, district)
    answer = "/".join(c for c in (got.province_code, got.district_code) if c) or "-"
    return verdict, answer, got.confidence or "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated row kinds")
    parser.add_argument(
        "--rows", default="", help="a localities.csv to read the names from (another branch's)"
    )
    args = parser.parse_args()
    kinds = set(args.kinds.split(","))
    start = time.process_time()
    prov, dist = mef_list("Province"), mef_list("District")
    provinces = dict(zip(prov["province_code"], prov["province_en"], strict=True))
    districts = dict(zip(dist["district_code"], dist["district_en"], strict=True))
    tally: Counter[tuple[str, str, str]] = Counter()
    path = args.rows or raw_path("gazetteer", "localities.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["kind"] in kinds and r["province_code"]]
    for r in rows:
        province, district = r["province_code"], r["district_code"]
        nc = "nc" if r["needs_context"] == "yes" else ""
        units = "/".join(c for c in (province, district) if c)
        for name in [r["name"], *(a for a in r["aliases"].split(";") if a)]:
            forms = [("alone", name), ("province", f"{name}, {provinces[province]}")]
            if district in districts:
                forms.append(("district", f"{name}, {districts[district]}, {provinces[province]}"))
            for form, text in forms:
                verdict, answer, band = _verdict(province, district, text)
                tally[(form, nc or "plain", verdict)] += 1
                print(f"{verdict}\t{form}\t{units}\t{text}\t{answer}\t{band}\t{nc}")
    for form in ("alone", "province", "district"):
        for kind in ("plain", "nc"):
            counts = {v: tally[(form, kind, v)] for v in ("right", "district", "nothing", "wrong")}
            total = sum(counts.values())
            if total:
                print(
                    f"# {form} ({kind}): {total} strings: "
                    + ", ".join(f"{k} {n}" for k, n in counts.items())
                )
    print_cpu(start)


if __name__ == "__main__":
    main()
