"""Sweep: villages written another way, named with their commune ("Trapaing Chhouk village,
Me Sar Chrey commune").

Generated from the MEF 2025 village list: a seeded sample of villages whose Latin name one
of the reporting respellings below changes (``Trapeang`` → ``Trapaing``, ``Chhuk`` →
``Chhouk``, ``Rumduol`` → ``Romduol`` …), each written with its commune, district and province
("V village, C commune, D district, P province") and with its commune only ("C commune's V
village"). Right: the village's commune (the respelt village read inside it); coarser: its
district or province; elsewhere: any place outside the village's district (a piece of the
respelt name read as a unit elsewhere, the class the village reading removes).

As negatives, a village of *another* district respelt the same way is written with a
commune it does not lie in: an answer claiming a village in that commune is counted, and
so is one outside the commune's district (the string places the village in the commune:
a namesake elsewhere is no second place).

Run: ``python benchmarks/sweep_village_spellings.py [N]`` (default 600 villages).
"""

from __future__ import annotations

import collections
import random
import re
import sys
import time

from _sweep import mef_list, print_cpu, print_tally

from compoundmap.geocode import geocode_places

#: Reporting respellings of Khmer syllables (pattern → replacement, on a word's start or
#: end): each keeps the consonants, as sources' spellings do.
RESPELL = (
    (r"\bTrapeang\b", "Trapaing"),
    (r"\bPhnum\b", "Phnom"),
    (r"\bThum\b", "Thom"),
    (r"\bSrae\b", "Sre"),
    (r"\bRumduol\b", "Romduol"),
    (r"\bChhuk\b", "Chhouk"),
    (r"\bKrang\b", "Kraing"),
    (r"\bThmei\b", "Thmey"),
    (r"\bTuol\b", "Toul"),
    (r"\bKandal\b", "Kondal"),
    (r"\bChrey\b", "Chrei"),
    (r"\bSvay\b", "Svai"),
    (r"\bBoeng\b", "Boeung"),
    (r"\bTbaeng\b", "Tbeng"),
    (r"\bDaeum\b", "Doeum"),
    (r"\bKouk\b", "Kok"),
)


def respell(name: str) -> str | None:
    """``name`` with every respelling that applies, or ``None`` when none does."""
    out = name
    for pat, rep in RESPELL:
        out = re.sub(pat, rep, out)
    return out if out != name else None


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
    t0 = time.process_time()
    vil = mef_list("Villages")
    com = mef_list("Commune").set_index("commune_code")
    dis = mef_list("District").set_index("district_code")
    pro = mef_list("Province").set_index("province_code")
    vil = vil[vil["village_en"].map(lambda s: isinstance(s, str) and respell(s) is not None)]
    rows = vil.sample(n=min(n, len(vil)), random_state=7).to_dict("records")
    rng = random.Random(7)
    tally: collections.Counter[str] = collections.Counter()
    wrong: list[str] = []
    for r in rows:
        v = respell(r["village_en"])
        c = com.loc[r["commune_code"], "commune_en"]
        dn = dis.loc[r["district_code"], "district_en"]
        p = pro.loc[r["province_code"], "province_en"]
        for form, text in (
            ("full", f"{v} village, {c} commune, {dn} district, {p} province"),
            ("commune", f"{c} commune's {v} village"),
        ):
            res = [x for x in geocode_places(text) if x.province_code]
            if any(x.district_code not in (None, r["district_code"]) for x in res) or any(
                x.province_code != r["province_code"] for x in res
            ):
                verdict = "elsewhere"
                wrong.append(f"{text!r} → {[(x.commune_code, x.district_code) for x in res]}")
            elif len(res) == 1 and res[0].commune_code == r["commune_code"]:
                verdict = "right"
            else:
                verdict = "coarser"
            tally[f"{form} {verdict} {res[0].confidence if res else '-'}"] += 1
    print(f"respelt villages: {len(rows)}; strings: {sum(tally.values())}")
    print_tally(tally)
    print(f"  elsewhere: {len(wrong)}")
    for w in wrong[:15]:
        print("   ", w)
    # negatives: a respelt village written with a commune of another district
    communes = com.reset_index().to_dict("records")
    false: list[str] = []
    stray = 0
    for r in rows:
        other = rng.choice(communes)
        if other["district_code"] == r["district_code"]:
            continue
        text = f"{respell(r['village_en'])} village, {other['commune_en']} commune"
        res = [x for x in geocode_places(text) if x.province_code]
        stray += any(x.district_code != other["district_code"] for x in res)
        if any(
            x.commune_code == other["commune_code"] and x.matched_name != other["commune_en"]
            for x in res
        ):
            false.append(f"{text!r} → {[(x.commune_code, x.matched_name) for x in res]}")
    print(
        "negatives (a village of another district with a commune): "
        f"a village claimed in the commune {len(false)}; a place outside its district {stray}"
    )
    for w in false[:10]:
        print("   ", w)
    print_cpu(t0)


if __name__ == "__main__":
    main()
