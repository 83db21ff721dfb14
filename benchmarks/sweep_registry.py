"""Sweep: the registry's own names (``data/raw/sources/compounds.csv``) in the geocoder.

Every name, other-script name and alias of an active compound, geocoded alone: one line
each, ``verdict<TAB>compound<TAB>registry units<TAB>name<TAB>answer<TAB>band<TAB>skip``, where
the verdict is ``right`` (the compound's province, and its district when the registry gives
one and the answer has one), ``district`` (the province right, another district),
``nothing`` or ``wrong``, and ``skip`` is the reason ``data/raw/gazetteer/registry_skips.csv``
gives for the name (empty when it has none; see ``tests/test_registry_gazetteer.py``). Ends
with the tally of the verdicts and of the names without a skip, and the CPU time. The lines
diff between two runs (main's code and a branch's).

Run: ``PYTHONPATH=src python benchmarks/sweep_registry.py > out.txt``
"""

from __future__ import annotations

import csv
import time
from collections import Counter

from _sweep import print_cpu, site_verdict

from compoundmap import geocode
from compoundmap._data import raw_path
from compoundmap.errors import DataFileError
from compoundmap.registry import load_registry, split_ids


def _skips() -> dict[tuple[str, str], str]:
    """(compound id, name) → reason, from ``registry_skips.csv`` (empty where it is not)."""
    try:
        path = raw_path("gazetteer", "registry_skips.csv")
    except DataFileError:
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["compound_id"], r["name"]): r["reason"] for r in csv.DictReader(f)}


def main() -> None:
    start = time.process_time()
    skips = _skips()
    verdicts: Counter[str] = Counter()
    unskipped: Counter[str] = Counter()
    for r in load_registry(strict=True).compounds.itertuples():
        if r.record_status != "active":
            continue
        province, district = str(r.province_code), str(r.district_code)
        for name in [r.name, *split_ids(r.names_other_scripts), *split_ids(r.aliases)]:
            got = geocode(name)
            verdict = site_verdict(got, province, district)
            skip = skips.get((str(r.compound_id), name), "")
            verdicts[verdict] += 1
            if not skip:
                unskipped[verdict] += 1
            units = "/".join(c for c in (province, district, str(r.commune_code)) if c)
            answer = "/".join(c for c in (got.province_code, got.district_code) if c) or "-"
            print(
                f"{verdict}\t{r.compound_id}\t{units}\t{name}\t{answer}\t"
                f"{got.confidence or '-'}\t{skip}"
            )
    total = sum(verdicts.values())
    print(
        f"# {total} names: "
        + ", ".join(f"{k} {verdicts[k]}" for k in ("right", "district", "nothing", "wrong"))
    )
    print(
        f"# {sum(unskipped.values())} names without a skip: "
        + ", ".join(f"{k} {unskipped[k]}" for k in ("right", "district", "nothing", "wrong"))
    )
    print_cpu(start)


if __name__ == "__main__":
    main()
