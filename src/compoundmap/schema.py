"""The project's shared vocabulary: the precision scale and the admin levels.

Every module that talks about how precisely a place is known, or about provinces, districts
and communes, imports these names from here; nothing else redefines them (a second copy
drifted once). The published column lists and their descriptions join them here as the
pipeline is split (``docs/ARCHITECTURE.md``).
"""

from __future__ import annotations

from enum import IntEnum

__all__ = ["LEVEL_NAMES", "LEVEL_OF_NAME", "UNMATCHED_LABEL", "AdminLevel", "Precision"]


class Precision(IntEnum):
    """How precisely a place is known (ACLED/UCDP style); smaller is finer.

    The integer values are the ones published in the ``precision`` columns.

    Examples
    --------
    >>> Precision(2).label
    'commune'
    >>> Precision.PROVINCE.pinnable
    False
    """

    POINT = 1
    COMMUNE = 2
    DISTRICT = 3
    PROVINCE = 4
    COUNTRY = 5

    @property
    def label(self) -> str:
        """The words published in ``precision_label`` columns."""
        return _LABELS[self]

    @property
    def geocoder_label(self) -> str:
        """The longer words the geocoder prints (``GeocodeResult.explain``)."""
        return _GEOCODER_LABELS[self]

    @property
    def pinnable(self) -> bool:
        """Whether a record at this precision may be drawn as a pin on a map."""
        return self <= Precision.DISTRICT

    @classmethod
    def of_level(cls, level: int) -> Precision:
        """The precision of an admin unit of ``level`` (1 province, 2 district, 3 commune)."""
        return {1: cls.PROVINCE, 2: cls.DISTRICT, 3: cls.COMMUNE}[level]


_LABELS: dict[Precision, str] = {
    Precision.POINT: "point-level site",
    Precision.COMMUNE: "commune",
    Precision.DISTRICT: "district",
    Precision.PROVINCE: "province only",
    Precision.COUNTRY: "Cambodia only",
}
_GEOCODER_LABELS: dict[Precision, str] = {
    Precision.POINT: "point (site, town, village, crossing)",
    Precision.COMMUNE: "commune/sangkat",
    Precision.DISTRICT: "district/khan/krong",
    Precision.PROVINCE: "province",
    Precision.COUNTRY: "Cambodia only",
}

#: ``precision_label`` of a record the geocoder could not place.
UNMATCHED_LABEL = "unmatched"


class AdminLevel(IntEnum):
    """Cambodian admin levels as numbered in the boundary files and the gazetteer."""

    COUNTRY = 0
    PROVINCE = 1
    DISTRICT = 2
    COMMUNE = 3
    VILLAGE = 4
    """Not a coded unit: the level an admin word such as "village" or "phum" hints at."""


#: Level number → name, for the three levels that have codes.
LEVEL_NAMES: dict[int, str] = {1: "province", 2: "district", 3: "commune"}
#: Level name (and common synonyms) → level number.
LEVEL_OF_NAME: dict[str, int] = {
    "country": 0,
    "province": 1,
    "district": 2,
    "commune": 3,
    "village": 4,
}
