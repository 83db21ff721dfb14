"""compoundmap: map reported forced-labour scam compounds in Cambodia.

Data flows one way: sources → geocode → boundaries → locate → events → compounds →
summaries and maps. See ``docs/ARCHITECTURE.md`` for the contracts between modules.

Submodules load on first use (PEP 562 ``__getattr__``), so ``import compoundmap`` and the
command line start fast; ``compoundmap.geocode(...)`` works as before.
"""

from __future__ import annotations

import importlib
import sys
import types
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from . import _compiled

# the geocoder's compiled build, or its sources when that build is stale (before any of
# its modules is imported: ``_compiled``)
_compiled.activate()

try:
    __version__ = version("compoundmap")
except PackageNotFoundError:  # running from a checkout without an install
    __version__ = "0.0.0+unknown"

# Public name → the submodule that defines it.
_PUBLIC: dict[str, str] = {
    "BoundaryError": "errors",
    "CompoundmapError": "errors",
    "DataFileError": "errors",
    "GazetteerError": "errors",
    "GeocodeError": "errors",
    "MapError": "errors",
    "MissingColumnError": "errors",
    "PipelineError": "errors",
    "SourceValidationError": "errors",
    "Precision": "schema",
    "Gazetteer": "gazetteer",
    "get_gazetteer": "gazetteer",
    "GeocodeResult": "geocode",
    "geocode": "geocode",
    "geocode_frame": "geocode",
    "geocode_places": "geocode",
    "CountryMention": "geoparse",
    "PlaceMention": "geoparse",
    "extract_nationalities": "geoparse",
    "extract_places": "geoparse",
    "normalize": "normalize",
    "assign_admin": "boundaries",
    "in_stated_province": "boundaries",
    "load_boundaries": "boundaries",
    "Problem": "sources",
    "ValidationReport": "sources",
    "default_overrides_path": "overrides",
    "default_sources_path": "sources",
    "load_overrides": "overrides",
    "read_sources": "sources",
    "validate_overrides": "overrides",
    "validate_sources": "sources",
    "Registry": "registry",
    "load_registry": "registry",
    "suggest_links": "links",
    "locate_reports": "locate",
    "build_events": "events",
    "propose_event_groups": "eventgroups",
    "build_compounds": "compounds",
    "nationality_counts": "nationalities",
    "district_summary": "summary",
    "province_summary": "summary",
    "compound_map": "maps",
    "static_choropleth": "maps",
    "write_maps": "maps",
    "BuildResult": "pipeline",
    "Tables": "pipeline",
    "build": "pipeline",
    "build_tables": "pipeline",
    "write_tables": "pipeline",
    "read_table": "tables",
    "NotebookParameters": "analysis",
    "ParameterError": "errors",
    "districts_with_events": "analysis",
    "events_by_province": "analysis",
    "events_by_type": "analysis",
    "events_by_year": "analysis",
    "events_in_province": "analysis",
    "match_counts": "analysis",
    "national_figures": "analysis",
    "nationalities_by_event": "analysis",
    "notebook_parameters": "analysis",
    "people_by_kind": "analysis",
    "people_by_province": "analysis",
    "precision_by_province": "analysis",
    "precision_shares": "analysis",
    "province_list": "analysis",
    "province_parameter": "analysis",
    "province_profile": "analysis",
    "reports_in_province": "analysis",
    "resolve_province": "analysis",
    "rows_to_check": "analysis",
    "setup_notebook": "analysis",
    "summary_counts": "analysis",
    "tables_overview": "analysis",
}

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
    "NotebookParameters",
    "ParameterError",
    "PipelineError",
    "PlaceMention",
    "Precision",
    "Problem",
    "Registry",
    "SourceValidationError",
    "Tables",
    "ValidationReport",
    "__version__",
    "assign_admin",
    "build",
    "build_compounds",
    "build_events",
    "build_tables",
    "compound_map",
    "default_overrides_path",
    "default_sources_path",
    "district_summary",
    "districts_with_events",
    "events_by_province",
    "events_by_type",
    "events_by_year",
    "events_in_province",
    "extract_nationalities",
    "extract_places",
    "geocode",
    "geocode_frame",
    "geocode_places",
    "get_gazetteer",
    "in_stated_province",
    "load_boundaries",
    "load_overrides",
    "load_registry",
    "locate_reports",
    "match_counts",
    "national_figures",
    "nationalities_by_event",
    "nationality_counts",
    "normalize",
    "notebook_parameters",
    "people_by_kind",
    "people_by_province",
    "precision_by_province",
    "precision_shares",
    "propose_event_groups",
    "province_list",
    "province_parameter",
    "province_profile",
    "province_summary",
    "read_sources",
    "read_table",
    "reports_in_province",
    "resolve_province",
    "rows_to_check",
    "setup_notebook",
    "static_choropleth",
    "suggest_links",
    "summary_counts",
    "tables_overview",
    "validate_overrides",
    "validate_sources",
    "write_maps",
    "write_tables",
]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'compoundmap' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


# ``compoundmap.geocode`` and ``compoundmap.normalize`` are public functions that share their
# name with the submodule defining them. Importing the submodule makes Python set the
# package attribute to the module; the public function is kept instead (as when __init__
# imported it eagerly). The submodules stay reachable in sys.modules and by
# ``from compoundmap.geocode import ...``.
_FUNCTION_NAMED_LIKE_MODULE = frozenset({"geocode", "normalize"})


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name in _FUNCTION_NAMED_LIKE_MODULE and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # for type checkers and IDEs: the same names, imported eagerly
    from .analysis import (
        NotebookParameters,
        ParameterError,
        districts_with_events,
        events_by_province,
        events_by_type,
        events_by_year,
        events_in_province,
        match_counts,
        national_figures,
        nationalities_by_event,
        notebook_parameters,
        people_by_kind,
        people_by_province,
        precision_by_province,
        precision_shares,
        province_list,
        province_parameter,
        province_profile,
        reports_in_province,
        resolve_province,
        rows_to_check,
        setup_notebook,
        summary_counts,
        tables_overview,
    )
    from .boundaries import assign_admin, in_stated_province, load_boundaries
    from .compounds import build_compounds
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
    from .eventgroups import propose_event_groups
    from .events import build_events
    from .gazetteer import Gazetteer, get_gazetteer
    from .geocode import GeocodeResult, geocode, geocode_frame, geocode_places
    from .geoparse import CountryMention, PlaceMention, extract_nationalities, extract_places
    from .links import suggest_links
    from .locate import locate_reports
    from .maps import compound_map, static_choropleth, write_maps
    from .nationalities import nationality_counts
    from .normalize import normalize
    from .overrides import default_overrides_path, load_overrides, validate_overrides
    from .pipeline import BuildResult, Tables, build, build_tables, write_tables
    from .registry import Registry, load_registry
    from .schema import Precision
    from .sources import (
        Problem,
        ValidationReport,
        default_sources_path,
        read_sources,
        validate_sources,
    )
    from .summary import district_summary, province_summary
    from .tables import read_table
