"""The project's shared vocabulary: the precision scale and the admin levels.

Every module that talks about how precisely a place is known, or about provinces, districts
and communes, imports these names from here; nothing else redefines them (a second copy
drifted once). The published column lists and their descriptions join them here as the
pipeline is split (``docs/ARCHITECTURE.md``).
"""

from __future__ import annotations

from enum import IntEnum

__all__ = [
    "COUNT_KINDS",
    "COUNT_SCOPES",
    "EVENT_TYPES",
    "LEVEL_NAMES",
    "LEVEL_OF_NAME",
    "MAX_PEOPLE_COUNT",
    "OVERRIDES_COLUMNS",
    "RECORD_STATUSES",
    "REPORTS_COLUMNS",
    "REPORTS_OPTIONAL_COLUMNS",
    "REPORTS_REQUIRED_COLUMNS",
    "SCOPES",
    "SOURCE_TIERS",
    "SOURCE_TYPES",
    "UNMATCHED_LABEL",
    "AdminLevel",
    "Precision",
]


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


#: Level number → name, for the three levels that have codes.
LEVEL_NAMES: dict[int, str] = {1: "province", 2: "district", 3: "commune"}
#: Level name (and common synonyms) → level number.
LEVEL_OF_NAME: dict[str, int] = {
    "country": 0,
    "province": 1,
    "district": 2,
    "commune": 3,
}


# ----------------------------------------------------------------------------- curated files
# The allowed codes of the curated files (data/raw/sources/README.md). Adding a code is a
# deliberate schema change, made here and in that README in the same commit.

#: What happened, as the source reports it.
EVENT_TYPES: tuple[str, ...] = (
    "raid",
    "rescue",
    "escape",
    "deportation",
    "warning",
    "sanction",
    "investigation",
    "prosecution",
    "report",
    "relocation",
    "closure",
    "other",
)
#: Who published the source.
SOURCE_TYPES: tuple[str, ...] = ("media", "ngo", "government", "academic", "court")
#: ``primary``: the cited page is the original outlet's; ``secondary``: a mirror or summary.
SOURCE_TIERS: tuple[str, ...] = ("primary", "secondary")
#: Curated rows are never deleted: a row that should no longer be used is ``withdrawn``;
#: ``draft`` rows (e.g. proposed by ``compoundmap scan``) wait for a curator's review.
RECORD_STATUSES: tuple[str, ...] = ("active", "draft", "withdrawn")
#: Whether a report is about forced-labour scam compounds (see ``docs/data.md``).
SCOPES: tuple[str, ...] = ("in_scope", "out_of_scope")
#: What a count of people counts.
COUNT_KINDS: tuple[str, ...] = (
    "rescued",
    "detained",
    "arrested",
    "deported",
    "repatriated",
    "escaped",
    "estimated_held",
    "victims_identified",
    "other",
)
#: What a count of people is about: the site(s) of the report, a named place, a province,
#: one operation across several provinces, or the whole country.
COUNT_SCOPES: tuple[str, ...] = ("site", "place", "province", "multi_province", "country")

#: Columns every ``reports.csv`` header must have (the original schema).
REPORTS_REQUIRED_COLUMNS: tuple[str, ...] = (
    "report_id",
    "compound_name",
    "aliases",
    "location_text",
    "province_as_reported",
    "district_or_town_as_reported",
    "latitude",
    "longitude",
    "event_type",
    "event_date",
    "victims_count",
    "nationalities",
    "source_publisher",
    "source_title",
    "source_url",
    "source_date",
    "source_type",
    "summary",
    "verbatim_location_quote",
    "source_tier",
)
#: Columns added in data release 2026.11; a file without one reads it as empty (the
#: defaults: an active, in-scope report that is its own event and links to no registry row).
REPORTS_OPTIONAL_COLUMNS: tuple[str, ...] = (
    "record_status",
    "event_id",
    "compound_id",
    "operator_id",
    "count_kind",
    "count_scope",
    "checked_via",
    "verbatim_figure_quote",
    "scope",
    "scope_reason",
    "status_note",
    "checked_on",
)
#: Every column of ``reports.csv``, in the order the curated file uses.
REPORTS_COLUMNS: tuple[str, ...] = (
    "report_id",
    "record_status",
    "event_id",
    "compound_id",
    "operator_id",
    "compound_name",
    "aliases",
    "location_text",
    "province_as_reported",
    "district_or_town_as_reported",
    "latitude",
    "longitude",
    "event_type",
    "event_date",
    "victims_count",
    "count_kind",
    "count_scope",
    "nationalities",
    "source_publisher",
    "source_title",
    "source_url",
    "source_date",
    "source_type",
    "source_tier",
    "checked_via",
    "summary",
    "verbatim_location_quote",
    "verbatim_figure_quote",
    "scope",
    "scope_reason",
    "status_note",
    "checked_on",
)
#: Every column of ``location_overrides.csv``, in file order.
OVERRIDES_COLUMNS: tuple[str, ...] = (
    "location_text",
    "province_as_reported",
    "code",
    "latitude",
    "longitude",
    "precision",
    "note",
    "evidence",
)
#: Largest count of people a report may give. No source reports more people at one time in
#: Cambodia (the largest national estimates are in the hundreds of thousands); a larger
#: figure is a typo or an overflow, and is rejected rather than summed.
MAX_PEOPLE_COUNT = 2_000_000
