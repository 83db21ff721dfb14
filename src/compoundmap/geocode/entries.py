"""What the geocoder's name index holds: :class:`Entry` (one thing a name may mean), the
tiers that rank entries of one name, and how two entries relate (:func:`consistent`,
:func:`contains`).

The plain data types of the index, apart from how it is built (``builder.py``) and read
(``index.py``); every other geocoder module imports them through ``index``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from ..schema import LEVEL_OF_NAME

__all__ = [
    "KIND_LEVEL",
    "TIER_CURATED",
    "TIER_OFFICIAL",
    "TIER_PLACE",
    "TIER_VILLAGE",
    "Entry",
    "NameIndex",
    "consistent",
    "curated_locality",
    "contains",
    "fits_all",
    "fits_any",
]

#: Entry kinds that are levels (country … village); any other kind is a place or locality.
KIND_LEVEL = LEVEL_OF_NAME
# Tiers: lower wins when one key names several things. Curated team data first, then the
# official names, then GeoNames places, then villages (which also need confirmation).
TIER_CURATED, TIER_OFFICIAL, TIER_PLACE, TIER_VILLAGE = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name can refer to, as held in :func:`name_index`.

    ``kind`` is ``country``, ``province``, ``district``, ``commune``, ``village``, ``place``
    (a GeoNames town or village with coordinates) or a curated locality kind (``border
    crossing``, ``sez``, ``beach`` …, see ``data/raw/gazetteer/localities.csv``). Codes are MEF
    2025 strings or ``None``; ``lat``/``lon`` are the entry's own point (``None`` when the entry
    has none). ``tier``: 0 curated, 1 official name, 2 GeoNames place, 3 village. ``hint`` is
    the admin level an alias's own admin word implies ("Koh Kong town" → district).
    """

    name: str
    kind: str
    province_code: str | None
    district_code: str | None
    commune_code: str | None
    lat: float | None
    lon: float | None
    tier: int
    source: str
    hint: int | None = None
    population: int = 0
    legacy_district: str | None = None
    """For a commune moved to another district since 2018 (Boeng Keng Kang Ti Muoy, 2018 in
    Chamkar Mon): that earlier district, which older sources still name with it."""
    needs_context: bool = False
    """A curated locality whose name is too generic to locate alone ("My Casino")."""
    self_named: bool = False
    """A village named after its own commune or district and a word more ("Bavet Kandal" in
    the sangkat Bavet): its name says where it lies, so it needs no other name to confirm
    it (the band stays below the top unless another name does)."""
    town_alias: bool = False
    """A curated alias whose own admin word is a town word ("Koh Kong town"): it answers
    "Koh Kong city", not "Kaoh Kong district"."""
    inferred: bool = False
    """Not a name of the unit as written anywhere: a province's name in another script read
    as its eponymous town beside a town word (เมืองเปรยแวง). Never the top band."""

    depth: int = field(init=False, compare=False)
    """0 country, 1 province, 2 district, 3 commune (how far down the codes go)."""
    code: str | None = field(init=False, compare=False)
    """Finest admin code."""
    is_point: bool = field(init=False, compare=False)
    """Whether the entry is a point-level place with its own coordinates."""
    confirm: bool = field(init=False, compare=False)
    """Whether the entry counts only when another name (or the context) confirms it: a
    village (unless ``self_named``), or a locality that ``needs_context``."""

    def __post_init__(self) -> None:
        depth = (
            3 if self.commune_code else 2 if self.district_code else 1 if self.province_code else 0
        )
        object.__setattr__(self, "depth", depth)
        object.__setattr__(
            self, "code", self.commune_code or self.district_code or self.province_code
        )
        object.__setattr__(self, "is_point", self.lat is not None and self.kind not in KIND_LEVEL)
        object.__setattr__(
            self, "confirm", (self.kind == "village" and not self.self_named) or self.needs_context
        )


def curated_locality(e: Entry) -> bool:
    """Whether ``e`` is a curated locality (a landmark: border crossing, casino, temple …;
    ``localities.csv``), not an admin unit nor a GeoNames place.

    Parameters
    ----------
    e : Entry
        A reading of a name.

    Returns
    -------
    bool
        True for a curated entry of a kind that is no admin level.
    """
    return e.tier == TIER_CURATED and e.kind not in KIND_LEVEL


def consistent(a: Entry, b: Entry) -> bool:
    """Whether two entries can describe the same place (one contains the other).

    The country is consistent with everything; a commune moved to another district since
    2018 is consistent with that earlier district too.

    Parameters
    ----------
    a, b : Entry
        The two entries (the order does not matter).

    Returns
    -------
    bool
        Whether their codes agree down to the finer one's level.
    """
    if a.kind == "country" or b.kind == "country":
        return True
    if a.province_code != b.province_code:
        return False
    if (
        a.district_code
        and b.district_code
        and a.district_code != b.district_code
        and not (a.legacy_district == b.district_code and not b.commune_code)
        and not (b.legacy_district == a.district_code and not a.commune_code)
    ):
        return False
    return not (a.commune_code and b.commune_code and a.commune_code != b.commune_code)


def fits_any(a: Entry, entries: Iterable[Entry]) -> bool:
    """Whether ``a`` is :func:`consistent` with some entry of ``entries`` (a loop, not
    ``any`` over a generator: resolving asks it for every reading of every name)."""
    for b in entries:
        if consistent(a, b):
            return True
    return False


def fits_all(a: Entry, entries: Iterable[Entry]) -> bool:
    """Whether ``a`` is :func:`consistent` with every entry of ``entries``."""
    for b in entries:
        if not consistent(a, b):
            return False
    return True


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``outer`` is ``inner`` or a unit around it.

    Parameters
    ----------
    outer : Entry
        The entry that may contain the other.
    inner : Entry
        The entry that may lie in it.

    Returns
    -------
    bool
        Whether the two are :func:`consistent` and ``outer`` is no finer than ``inner``.
    """
    return consistent(outer, inner) and outer.depth <= inner.depth


class NameIndex(NamedTuple):
    """The index and what spotting needs next to it."""

    names: dict[str, tuple[Entry, ...]]
    """Compact key → every entry the name may mean."""
    skeletons: dict[str, tuple[str, ...]]
    """Consonant skeleton → the Latin keys that have it (not keys naming only villages)."""
    max_script_len: int
    """Length of the longest key in Khmer, Thai or CJK (how far a script scan looks)."""
    vietnamese: frozenset[str] = frozenset()
    """Keys indexed from a name spelt the Vietnamese way ("Núi Tà Lơn"): a word so spelt
    may be read as a name only through one of these."""
