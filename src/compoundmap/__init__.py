"""compoundmap: map reported forced-labour scam compounds in Cambodia.

Data flows one way: sources → geocode → boundaries → compounds → summary and maps.
See ``docs/ARCHITECTURE.md`` for the contracts between modules.
"""

from __future__ import annotations

from .boundaries import assign_admin, in_stated_province, load_boundaries
from .compounds import assign_compound_ids, build_compounds
from .errors import (
    BoundaryError,
    CompoundmapError,
    DataFileError,
    GazetteerError,
    GeocodeError,
    MapError,
    MissingColumnError,
    PipelineError,
    SourceValidationError,
)
from .gazetteer import Gazetteer, get_gazetteer
from .geocode import GeocodeResult, geocode, geocode_frame, geocode_places
from .geoparse import CountryMention, PlaceMention, extract_nationalities, extract_places
from .maps import compound_map, static_choropleth, write_maps
from .normalize import normalize
from .pipeline import BuildResult, Tables, build, build_tables, locate_reports, write_tables
from .sources import (
    Problem,
    ValidationReport,
    default_overrides_path,
    default_sources_path,
    load_overrides,
    read_sources,
    validate_overrides,
    validate_sources,
)
from .summary import district_summary, nationality_counts, province_summary

__version__ = "0.1.0"

__all__ = [
    "BoundaryError",
    "BuildResult",
    "CompoundmapError",
    "CountryMention",
    "DataFileError",
    "Gazetteer",
    "GazetteerError",
    "GeocodeError",
    "GeocodeResult",
    "MapError",
    "MissingColumnError",
    "PipelineError",
    "PlaceMention",
    "Problem",
    "SourceValidationError",
    "Tables",
    "ValidationReport",
    "__version__",
    "assign_admin",
    "assign_compound_ids",
    "build",
    "build_compounds",
    "build_tables",
    "compound_map",
    "default_overrides_path",
    "default_sources_path",
    "district_summary",
    "extract_nationalities",
    "extract_places",
    "geocode",
    "geocode_frame",
    "geocode_places",
    "get_gazetteer",
    "in_stated_province",
    "load_boundaries",
    "load_overrides",
    "locate_reports",
    "nationality_counts",
    "normalize",
    "province_summary",
    "read_sources",
    "static_choropleth",
    "validate_overrides",
    "validate_sources",
    "write_maps",
    "write_tables",
]
