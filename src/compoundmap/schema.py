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

    The integer values are the ones published in the ``precision`` columns (data release
    2026.11; before it, 1 meant "point-level place" and every value was one lower).

    ``SITE`` is the site itself, at coordinates a cited source gives; ``PLACE`` is a named
    place the source reports it at or in (a town, village, beach, border crossing,
    landmark), drawn where that place is, never as the site. Only ``SITE`` is ever drawn as
    a pin on a site; ``PLACE``, ``COMMUNE`` and ``DISTRICT`` are drawn as one grouped marker
    per area; ``PROVINCE`` only shades its province; ``COUNTRY`` is never mapped.

    Examples
    --------
    >>> Precision(3).label
    'commune'
    >>> Precision.PROVINCE.mappable, Precision.SITE.is_site
    (False, True)
    """

    SITE = 1
    PLACE = 2
    COMMUNE = 3
    DISTRICT = 4
    PROVINCE = 5
    COUNTRY = 6

    @property
    def label(self) -> str:
        """The words published in ``precision_label`` columns."""
        return _LABELS[self]

    @property
    def description(self) -> str:
        """One sentence for legends and the data dictionary."""
        return _DESCRIPTIONS[self]

    @property
    def mappable(self) -> bool:
        """Whether a record at this precision gets a marker (site, place or area) on a map."""
        return self <= Precision.DISTRICT

    @property
    def is_site(self) -> bool:
        """Whether the location is the site itself (coordinates from a cited source)."""
        return self == Precision.SITE

    @classmethod
    def of_level(cls, level: int) -> Precision:
        """The precision of an admin unit of ``level`` (1 province, 2 district, 3 commune)."""
        return {1: cls.PROVINCE, 2: cls.DISTRICT, 3: cls.COMMUNE}[level]

    @classmethod
    def from_label(cls, label: str) -> Precision:
        """The precision whose :attr:`label` (or member name, any case) is ``label``."""
        for p in cls:
            if label in (p.label, p.name.lower(), p.name):
                return p
        raise ValueError(f"{label!r} is not a precision label")


_LABELS: dict[Precision, str] = {
    Precision.SITE: "site",
    Precision.PLACE: "named place",
    Precision.COMMUNE: "commune",
    Precision.DISTRICT: "district",
    Precision.PROVINCE: "province only",
    Precision.COUNTRY: "Cambodia only",
}
_DESCRIPTIONS: dict[Precision, str] = {
    Precision.SITE: "the site itself, at coordinates a cited source gives",
    Precision.PLACE: "a named place (town, village, beach, border crossing, landmark) the "
    "source reports it at or in; drawn at that place, not at the site",
    Precision.COMMUNE: "known only to its commune/sangkat; drawn at the commune's "
    "representative point",
    Precision.DISTRICT: "known only to its district/khan/krong; drawn at the district's "
    "representative point",
    Precision.PROVINCE: "known only to its province; never a marker, counted in the "
    "province shading",
    Precision.COUNTRY: "no place inside Cambodia reported; never mapped",
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

# ----------------------------------------------------------------------------- the registry

#: What a registry site is.
SITE_TYPES: tuple[str, ...] = ("compound", "casino_hotel_complex", "building", "zone", "other")
#: How precisely the registry knows where a site is (curated evidence, see ``compounds.csv``).
LOCATION_PRECISIONS: tuple[str, ...] = ("site", "place", "commune", "district", "province")
#: What an operator is; ``person`` only for individuals a government has designated.
OPERATOR_KINDS: tuple[str, ...] = ("company", "group", "person")
#: How an operator is reported to be involved with sites.
OPERATOR_ROLES: tuple[str, ...] = (
    "operator",
    "owner",
    "developer",
    "financier",
    "landlord",
    "other",
)
#: What a designation record says happened.
DESIGNATION_ACTIONS: tuple[str, ...] = ("designated", "delisted", "finding")
#: What a designation targets: a registry operator or site, a person, or a property that no
#: source reports as a scam site (a hotel owned by a designated group).
DESIGNATION_TARGETS: tuple[str, ...] = ("operator", "compound", "person", "property")

#: Columns of ``compounds.csv``, the curated registry of sites, in file order.
COMPOUNDS_FILE_COLUMNS: tuple[str, ...] = (
    "compound_id",
    "record_status",
    "status_note",
    "former_ids",
    "name",
    "names_other_scripts",
    "aliases",
    "site_type",
    "operator_id",
    "province_code",
    "district_code",
    "commune_code",
    "place_name",
    "latitude",
    "longitude",
    "location_precision",
    "location_report_id",
    "location_source_url",
    "location_quote",
    "first_reported",
    "notes",
)
#: Columns of ``operators.csv``, in file order.
OPERATORS_FILE_COLUMNS: tuple[str, ...] = (
    "operator_id",
    "record_status",
    "status_note",
    "name",
    "names_other_scripts",
    "aliases",
    "kind",
    "role",
    "country",
    "wikidata_id",
    "opensanctions_id",
    "parent_operator_id",
    "notes",
    "source_url",
    "source_quote",
)
#: Columns of ``designations.csv`` (sanctions and official findings), in file order.
DESIGNATIONS_FILE_COLUMNS: tuple[str, ...] = (
    "designation_id",
    "record_status",
    "status_note",
    "entity_kind",
    "entity_name",
    "operator_id",
    "compound_id",
    "authority",
    "program",
    "action",
    "date",
    "source_publisher",
    "source_title",
    "source_url",
    "quote",
)
