"""The geocoder's name index: every name a unit, place or locality is known by → what it may
mean, built once from the gazetteer and cached.

First job of the geocoder: spotting (``spot.py``) looks token n-grams up in it, the variant
passes (``variants.py``, ``edits.py``) derive their own indexes from it, resolving
(``resolve.py``) asks how its entries relate (:func:`consistent`). What an entry is lives in
``entries.py``, how the index is built in ``builder.py``; both are re-exported here.
"""

from __future__ import annotations

import gc
from functools import cache
from typing import TypeVar

from ..gazetteer import get_gazetteer
from ..normalize import tokenize
from ..settings import depends_on_settings
from .builder import IndexBuilder, drops_abroad
from .entries import (
    KIND_LEVEL,
    TIER_CURATED,
    TIER_OFFICIAL,
    TIER_PLACE,
    TIER_VILLAGE,
    Entry,
    NameIndex,
    consistent,
    contains,
    curated_locality,
    fits_all,
    fits_any,
)
from .keys import OFFICIAL_KINDS, keys_for

__all__ = [
    "KIND_LEVEL",
    "TIER_CURATED",
    "TIER_OFFICIAL",
    "TIER_PLACE",
    "TIER_VILLAGE",
    "Entry",
    "NameIndex",
    "build_index",
    "consistent",
    "curated_locality",
    "contains",
    "fits_all",
    "fits_any",
    "inner_stopwords",
    "long_lived",
    "name_edge_words",
    "name_index",
    "towns",
]

_T = TypeVar("_T")


def long_lived(value: _T, *, collect: bool = False) -> _T:
    """``value``, once the objects alive now are moved out of the cyclic garbage
    collector's reach (:func:`gc.freeze`); called as each index is built.

    The index and the look-up tables derived from it hold some 150,000 objects that live
    as long as the process; the collector rescanned all of them in every full collection,
    about a quarter of the CPU time of geocoding strings one at a time. With ``collect``
    (the name index, built first) the young generations are collected first, so the
    cyclic garbage of building it is not frozen (a full collection would cost about half a
    second more per process). Frozen objects are still freed by reference counting; only a
    reference cycle formed later among objects alive at that moment (the caller's as well
    as the index's) would never be collected. ``gc.unfreeze()`` undoes it.

    Parameters
    ----------
    value : object
        What was just built (returned as is).
    collect : bool, default False
        Collect the young generations before freezing.

    Returns
    -------
    object
        ``value`` itself.
    """
    if collect:
        gc.collect(1)
    gc.freeze()
    return value


@depends_on_settings
@cache
def build_index() -> NameIndex:
    """Build the name index from the gazetteer, once per process (and per settings)."""
    builder = IndexBuilder(get_gazetteer())
    builder.add_country_names()
    builder.add_unit_names()
    builder.add_localities()
    builder.add_places()
    builder.add_villages()
    builder.add_crossing_cores()
    return long_lived(builder.freeze(), collect=True)


def name_index() -> dict[str, tuple[Entry, ...]]:
    """The geocoder's name index: compact key (:func:`compoundmap.normalize.place_key`) →
    every :class:`Entry` that name can refer to. Built once per process and cached.

    Holds the MEF 2025 names (English and Khmer) of provinces, districts and communes, the
    HDX 2018 names, province variants, the curated aliases (``aliases.csv``) and localities
    (``localities.csv``), GeoNames places with their alternate names, the 2025 village list
    and the names of Cambodia itself (``country_names.csv``). Reusable by other modules
    (``geoparse``).

    Examples
    --------
    >>> from compoundmap.normalize import place_key
    >>> sorted({e.kind for e in name_index()[place_key("Bavet")]})
    ['commune', 'district', 'place']
    """
    return build_index().names


# --- what else is read off the index ----------------------------------------------------


@depends_on_settings
@cache
def towns() -> dict[str, Entry]:
    """District/commune code → the GeoNames place that shares one of its names and lies in
    it (the most populous), so "ポイペト" or "Krong Paoy Paet" get the town's point too."""
    out: dict[str, Entry] = {}
    for entries in name_index().values():
        places = [e for e in entries if e.kind == "place"]
        if not places:
            continue
        for unit in entries:
            if unit.kind in ("district", "commune") and unit.code:
                for place in places:
                    if consistent(unit, place) and (
                        unit.code not in out or place.population > out[unit.code].population
                    ):
                        out[unit.code] = place
    return out


@cache
def name_edge_words() -> frozenset[str]:
    """Stopwords and admin words that start an official unit name ("Phum Thmei", "A Buon
    Leu"), or that name a place abroad and start a curated locality's name ("China
    Project", ``builder.drops_abroad``): a span may start on one of these when the whole
    span is an indexed name."""
    gaz = get_gazetteer()
    aliases = gaz.aliases
    out: set[str] = set()
    for name in aliases.loc[aliases["kind"].isin(OFFICIAL_KINDS), "alias"]:
        toks = tokenize(str(name))
        if toks and (toks[0].stop or toks[0].admin is not None) and toks[0].text:
            out.add(toks[0].text)
    for name, others in gaz.localities[["name", "aliases"]].itertuples(index=False):
        for each in (name, *others):
            toks = tokenize(str(each))
            if toks and toks[0].stop and toks[0].text and drops_abroad(toks[:1]):
                out.add(toks[0].text)
    return frozenset(out)


@cache
def inner_stopwords() -> frozenset[str]:
    """Stopwords and admin words that occur inside some indexed name ("Chong An Ma",
    "... border crossing") or end an official one ("Phnum Srok"): a span of tokens may run
    over these, but stops at any other stopword or admin word."""
    gaz = get_gazetteer()
    names = [
        *gaz.aliases["alias"],
        *gaz.villages["name_en"],
        *gaz.places["name"],
        *[a for lst in gaz.localities["aliases"] for a in lst],
        *gaz.localities["name"],
    ]
    official = set(gaz.aliases.loc[gaz.aliases["kind"].isin(OFFICIAL_KINDS), "alias"])
    out: set[str] = set()
    for name in names:
        toks = tokenize(str(name))
        for t in toks[1:-1]:
            if t.stop or t.admin is not None:
                out.add(t.text)
        last = toks[-1] if len(toks) > 1 else None
        if last is not None and last.text and (last.stop or last.admin is not None):
            # a name indexed with its end word ("Phnum Srok", "Ream National Park")
            full = "".join(t.text for t in toks)
            if full in keys_for(str(name), str(name) in official):
                out.add(last.text)
    return frozenset(out)
