"""What the analyst notebooks compute: counts, shares, ranges and one-province profiles.

The last layer of the flow (… → summaries and maps → **analysis**): every function reads the
published tables (:func:`compoundmap.build_tables` in memory, or
:func:`compoundmap.read_table` from disk) and returns a table ready to display, so the
notebooks only call the library and show the result. The counting rules are those of the
tables themselves (``docs/data.md``): an event counts once, figures of people are ranges
per kind and never add across kinds, and a figure about the whole country is never added
to anything. The notebook helpers at the end validate papermill parameters (one line, no
traceback) and show repeated warnings once.
"""

from __future__ import annotations

from ..errors import ParameterError
from ._common import CHECK_REASONS
from .build import (
    match_counts,
    precision_by_province,
    precision_shares,
    rows_to_check,
    tables_overview,
)
from .counts import (
    districts_with_events,
    events_by_province,
    events_by_type,
    events_by_year,
    national_figures,
    nationalities_by_event,
    people_by_kind,
    people_by_province,
    summary_counts,
)
from .notebook import (
    NotebookParameters,
    notebook_parameters,
    province_parameter,
    setup_notebook,
)
from .province import events_in_province, province_profile, reports_in_province
from .provinces import province_list, resolve_province

__all__ = [
    "CHECK_REASONS",
    "NotebookParameters",
    "ParameterError",
    "districts_with_events",
    "events_by_province",
    "events_by_type",
    "events_by_year",
    "events_in_province",
    "match_counts",
    "national_figures",
    "nationalities_by_event",
    "notebook_parameters",
    "people_by_kind",
    "people_by_province",
    "precision_by_province",
    "precision_shares",
    "province_list",
    "province_parameter",
    "province_profile",
    "reports_in_province",
    "resolve_province",
    "rows_to_check",
    "setup_notebook",
    "summary_counts",
    "tables_overview",
]
