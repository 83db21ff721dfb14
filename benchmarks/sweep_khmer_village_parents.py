"""Sweep: MEF 2025 villages written in Khmer with their commune and district, the village
word glued to the name ("ភូមិអំពិល ឃុំរំចេក ស្រុកព្រះស្ដេច"), where the index holds some of
those names with the village word as aliases of a district or commune seat elsewhere
("ភូមិ អំពិល": Banteay Ampil) (``geocode.parent_edits._marked_village_mentions``).

Every ``step``-th village of the MEF list (all with ``--step 1``) under its Khmer name, in
three forms: "ភូមិV ឃុំC ស្រុកD ខេត្តP", "ភូមិV ឃុំC ស្រុកD" and "ភូមិV ឃុំC" (for a sangkat
and a khan or krong the same words; the MEF list does not say which). In the last form a
commune name that several communes bear stays ambiguous: ``nothing`` is the expected answer
then. Counted per form: ``right`` (every place in the village's district, one of them its
commune), ``coarser`` (every place in its district or province, none its commune),
``elsewhere`` (a place outside its district, with its band), ``nothing`` (no place, or only
places with no province: ambiguous). The village name alone after its word ("ភូមិV") is not
counted here (the labelled sets and the bench hold it).

Run: ``python benchmarks/sweep_khmer_village_parents.py [--step N]``.
"""

from __future__ import annotations

import argparse
import collections
import time

from _sweep import khmer_names, mef_list, print_cpu, print_tally

from compoundmap.geocode import geocode_places

FORMS = (
    ("with province", "ភូមិ{v} ឃុំ{c} ស្រុក{d} {pw}{p}"),
    ("commune and district", "ភូមិ{v} ឃុំ{c} ស្រុក{d}"),
    ("commune only", "ភូមិ{v} ឃុំ{c}"),
)


def main() -> None:
    """Count the answers of each form."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=10, help="every N-th village")
    step = parser.parse_args().step
    started = time.process_time()
    prov = khmer_names(mef_list("Province"), "province")
    dist = khmer_names(mef_list("District"), "district")
    comm = mef_list("Commune").drop_duplicates("commune_code")
    comm = khmer_names(comm, "commune")
    villages = mef_list("Villages").iloc[::step]
    tally: collections.Counter[str] = collections.Counter()
    examples: list[str] = []
    for row in villages.itertuples(index=False):
        c, d, p = row.commune_code, row.district_code, row.province_code
        if c not in comm or d not in dist or p not in prov:
            continue
        for form, template in FORMS:
            text = template.format(
                v=row.village_kh,
                c=comm[c],
                d=dist[d],
                p=prov[p],
                pw="រាជធានី" if p == "12" else "ខេត្ត",
            )
            # (a place with no province is an ambiguous answer, counted as nothing)
            res = [r for r in geocode_places(text) if r.province_code]
            if not res:
                tally[f"{form}: nothing"] += 1
                continue
            out = [r for r in res if r.province_code != p or (r.district_code or d) != d]
            if out:
                bands = "/".join(sorted({str(r.confidence) for r in out}))
                tally[f"{form}: elsewhere ({bands})"] += 1
                if len(examples) < 12:
                    got = [r.commune_code or r.district_code for r in res]
                    examples.append(f"{text!r} → {got}")
            elif any(r.commune_code == c for r in res):
                tally[f"{form}: right"] += 1
            else:
                tally[f"{form}: coarser"] += 1
    print_tally(tally, examples)
    print_cpu(started)


if __name__ == "__main__":
    main()
