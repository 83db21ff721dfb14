"""What one name may mean given the admin word next to it: the first narrowing of a
mention's readings, before resolving (``resolve.py``) weighs the string's other names.

"Kandal" is the province unless an admin word says otherwise; "Kampong Saom district" is the
district of that name, not the city its curated alias names; a village stays a reading only
when another name could confirm it. Cached per index entry tuple
(:class:`~compoundmap.geocode.idcache.IdentityCache`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..normalize import COMMUNE, COUNTRY, DISTRICT, PROVINCE, VILLAGE
from ..settings import get as get_settings
from .idcache import IdentityCache
from .index import KIND_LEVEL, TIER_CURATED, TIER_OFFICIAL, TIER_VILLAGE, Entry, consistent

__all__ = ["readings"]


@cache
def _hint_ok(kind: str, hint: int) -> bool:
    """Whether an entry of ``kind`` is of the level an admin word next to its name says
    (cached: a few kinds, five levels)."""
    if kind == "country":
        return hint == COUNTRY
    if hint == PROVINCE:
        return kind == "province"
    if hint == DISTRICT:
        return kind in ("district", "place") or kind not in KIND_LEVEL
    if hint == COMMUNE:
        return kind == "commune"
    if hint == VILLAGE:
        return kind in ("village", "place")
    return True


def _dedupe(entries: list[Entry]) -> list[Entry]:
    """One entry per unit (or per place/locality), the best tier kept."""
    out: dict[tuple[str | None, str], Entry] = {}
    for e in entries:
        k = (e.code, "" if e.kind in KIND_LEVEL and e.kind != "village" else e.kind + e.name)
        cur = out.get(k)
        if cur is None or e.tier < cur.tier:
            out[k] = e
    return list(out.values())


# Per index entry tuple, and the admin word's level, drop_villages and town: what it may mean.
_READINGS: IdentityCache[tuple[Entry, ...], tuple[Entry, ...]] = IdentityCache(
    get_settings().choice_cache_size
)


def _official_of_level(es: list[Entry], hint: int) -> list[Entry]:
    """With an admin word, the official unit of its level beats a curated alias that names
    another unit of that level for the bare name ("Kampong Saom district" is the district
    Kampong Saom, 1806; bare, "Kampong Saom" is the city, 1801)."""
    official = {e.code for e in es if e.tier == TIER_OFFICIAL and KIND_LEVEL.get(e.kind) == hint}
    if not official:
        return es
    return [
        e
        for e in es
        if not (
            e.tier == TIER_CURATED
            and e.hint is None
            and KIND_LEVEL.get(e.kind) == hint
            and e.code not in official
        )
    ]


def readings(
    entries: tuple[Entry, ...], hint: int | None, drop_villages: bool, town: bool = False
) -> tuple[Entry, ...]:
    """What one name may mean given the admin word next to it (cached per index entry).

    Village readings are kept unless ``drop_villages`` (a single name: nothing could
    confirm them); an admin word keeps the readings of its level, and a name called a
    village that no village or place reading is left for means nothing; a name that is a
    province's (at the best tier it matches) means the province unless an admin word says
    otherwise ("Kandal" is the province, not a commune).

    Parameters
    ----------
    entries : tuple of Entry
        Everything the name may mean, as the index holds it (the cache key: the same tuple
        object, not an equal one).
    hint : int or None
        The level the admin word next to the name says (``normalize.PROVINCE`` …).
    drop_villages : bool
        Leave out village readings (nothing in the string could confirm one).
    town : bool, default False
        A town word stands next to the name ("Koh Kong city").

    Returns
    -------
    tuple of Entry
        The readings left, one per unit (the best tier kept); empty when none fits.

    Examples
    --------
    >>> from compoundmap.geocode import name_index
    >>> from compoundmap.normalize import place_key
    >>> [e.kind for e in readings(name_index()[place_key("Kandal")], None, True)]
    ['province']
    """
    hit = _READINGS.get(entries, hint, drop_villages, town)
    if hit is not None:
        return hit
    es: list[Entry]
    if drop_villages:
        # (a village named after its own commune or district confirms itself: it stays,
        # unless a village of the same name elsewhere does not)
        villages = [e for e in entries if e.tier == TIER_VILLAGE]
        self_named = bool(villages) and all(not e.confirm for e in villages)
        es = [e for e in entries if e.tier != TIER_VILLAGE or self_named]
    else:
        # villages stay readings beside a commune of the same name elsewhere ("Trapeang
        # Sre, Kratie" is the village in Kratie): reducing keeps one only when a name
        # confirms it
        es = list(entries)
    if hint is not None:
        keep = [e for e in es if _hint_ok(e.kind, hint)]
        if town and keep and hint == DISTRICT and drop_villages:
            # "the capital of Kandal", "town of Kandal", the string's only name: a
            # province's own name with a town word is its town, in that province; no unit
            # of that name elsewhere (with other names, they choose)
            own = {e.province_code for e in es if e.kind == "province" and e.tier == 1}
            if own:
                keep = [e for e in keep if e.province_code in own]
                if not keep:
                    es = [e for e in es if e.kind == "province" and e.tier == 1]
        if keep:
            es = _official_of_level(keep, hint)
        elif hint == VILLAGE:
            # "Sangkum Thmei village": a village that no name confirms is not the district
            # of the same name elsewhere; a unit that holds every village so named still is
            # ("Phsar Doeum Thkov village" lies in the sangkat Phsar Daeum Thkov)
            villages = [e for e in entries if e.kind == "village"]
            es = [e for e in es if all(consistent(v, e) for v in villages)]
        # a town alias answers a town word, not "district" ("Kaoh Kong district" is the
        # district Kaoh Kong, not Koh Kong town)
        matching = [e for e in es if e.hint == hint and (town or not e.town_alias)]
        es = matching or [e for e in es if e.hint is None] or es
    else:
        es = [e for e in es if e.hint is None] or es
    if hint == DISTRICT and not town:
        # "Oudong district": a place read as a district means the district it lies in,
        # not the place's point and commune
        es = [
            replace(e, commune_code=None, lat=None, lon=None) if e.kind == "place" else e
            for e in es
        ]
    if es and hint is None:
        best_tier = min(e.tier for e in es)
        provinces = [e for e in es if e.kind == "province" and e.tier == best_tier]
        if provinces:
            es = provinces
    return _READINGS.put(entries, tuple(_dedupe(es)), hint, drop_villages, town)
