"""The curated registry (``data/raw/sources/compounds.csv``) and the geocoder agree: every
name, other-script name and alias of an active compound reads, alone, to the compound's
province (and to its district, when the registry gives one and the answer has one), or it
is listed in ``data/raw/gazetteer/registry_skips.csv`` with its reason. A compound added
later whose name the geocoder cannot read makes this fail: give the name a row in
``localities.csv`` (no point: the registry locates to a unit), or a reasoned skip.

Reasons of a skip, and what each must still meet:

- ``generic``: a name too ordinary to locate alone (``needs_context`` in
  ``localities.csv``): it reads to the province when the caller states the province;
- ``shared``: a name compounds in different provinces bear ("Crown Casino"): never one
  province at the top band;
- ``company`` (``operators.csv``: companies are not places), ``descriptive`` (a label,
  not a name), ``foreign`` (a place abroad), ``initials``, ``generic_key`` (its key would
  be one ordinary word), ``unverified`` (an alias the registry doubts), ``unreachable``
  (an ordinary name that starts on a stop word no name is read from: "New World"): never
  a top-band answer in another province.
"""

from __future__ import annotations

import csv
from functools import cache

import pytest

import compoundmap as cm
from compoundmap._data import raw_path
from compoundmap.registry import load_registry, split_ids

REASONS = {
    "generic",
    "shared",
    "company",
    "descriptive",
    "foreign",
    "initials",
    "generic_key",
    "unverified",
    "unreachable",
}


@cache
def _names() -> dict[tuple[str, str], tuple[str, str]]:
    """(compound id, name) → (province, district) of every name of an active compound."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for r in load_registry(strict=True).compounds.itertuples():
        if r.record_status != "active":
            continue
        for name in [r.name, *split_ids(r.names_other_scripts), *split_ids(r.aliases)]:
            out[(str(r.compound_id), name)] = (str(r.province_code), str(r.district_code))
    return out


@cache
def _skips() -> dict[tuple[str, str], str]:
    with open(raw_path("gazetteer", "registry_skips.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert all(r["reason"] in REASONS and r["note"].strip() for r in rows), rows
    out = {(r["compound_id"], r["name"]): r["reason"] for r in rows}
    assert len(out) == len(rows), "a name is skipped twice"
    return out


def test_every_skip_is_a_registry_name() -> None:
    stale = set(_skips()) - set(_names())
    assert not stale, f"skips of names no active compound bears: {sorted(stale)}"


def test_every_registry_name_reads_to_its_compound() -> None:
    names, skips = _names(), _skips()
    assert len(names) > 200
    wrong = []
    for (cid, name), (province, district) in names.items():
        if (cid, name) in skips:
            continue
        got = cm.geocode(name)
        fine = got.province_code == province and not (
            district and got.district_code and got.district_code != district
        )
        if not fine:
            wrong.append((cid, name, province, district, got.province_code, got.district_code))
    assert not wrong, wrong


@pytest.mark.parametrize("reason", sorted(REASONS))
def test_skipped_names_give_no_confident_wrong_answer(reason: str) -> None:
    names = _names()
    bad = []
    for (cid, name), why in _skips().items():
        if why != reason:
            continue
        province, district = names[(cid, name)]
        got = cm.geocode(name)
        if reason == "generic":
            # with its province stated, the name is the compound's
            stated = cm.geocode(name, province=province)
            if stated.province_code != province or (
                district and stated.district_code and stated.district_code != district
            ):
                bad.append((cid, name, "with its province", stated.province_code))
        elif reason == "shared":
            if got.province_code and got.confidence == "high":
                bad.append((cid, name, "one province at the top band", got.province_code))
        if got.confidence == "high" and got.province_code != province:
            bad.append((cid, name, "top band elsewhere", got.province_code))
    assert not bad, bad
