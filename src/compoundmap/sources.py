"""Reading and validating the curated reports file, ``reports.csv``, and telling it apart from an
overrides file (``location_overrides.csv``, read by :mod:`compoundmap.overrides`).

First step of the flow (sources → geocode → boundaries → compounds → summary/maps). Every
problem is reported as ``file:row:column: message`` with ``row`` the line an editor shows.
Files are read in chunks (:mod:`compoundmap._csvfile`), so memory stays flat however long
the file is; the registry files (compounds, operators, designations) are validated by
:mod:`compoundmap.registry` with the same machinery.
"""

from __future__ import annotations

import csv
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import _checks as ck
from ._checks import date_precision
from ._csvfile import Problem
from ._data import raw_path
from ._validation import (
    Checks,
    Found,
    Kind,
    RunState,
    Spec,
    ValidationReport,
    emit_warnings,
    make_schema,
    validate,
)
from .errors import SourceValidationError
from .overrides import (
    OVERRIDES_SCHEMA,
    OVERRIDES_SPEC,
    default_overrides_path,
    load_overrides,
    validate_overrides,
)
from .schema import (
    COUNT_KINDS,
    COUNT_SCOPES,
    EVENT_TYPES,
    OVERRIDES_COLUMNS,
    RECORD_STATUSES,
    REPORTS_COLUMNS,
    REPORTS_OPTIONAL_COLUMNS,
    REPORTS_REQUIRED_COLUMNS,
    SCOPES,
    SOURCE_TIERS,
    SOURCE_TYPES,
)

__all__ = [
    "EVENT_TYPES",
    "OVERRIDES_COLUMNS",
    "OVERRIDES_SCHEMA",
    "REPORTS_COLUMNS",
    "REPORTS_REQUIRED_VALUES",
    "REPORTS_SCHEMA",
    "SOURCE_TIERS",
    "SOURCE_TYPES",
    "Problem",
    "ValidationReport",
    "check_file",
    "date_precision",
    "default_overrides_path",
    "default_sources_path",
    "load_overrides",
    "read_sources",
    "validate_file",
    "validate_overrides",
    "validate_sources",
]

REPORTS_REQUIRED_VALUES: tuple[str, ...] = (
    "report_id",
    "location_text",
    "event_type",
    "source_publisher",
    "source_title",
    "source_type",
    "source_tier",
)
"""Columns that must be non-empty in every row."""


_REPORT_CHECKS: Checks = {col: {"required": ck.nonempty_message} for col in REPORTS_REQUIRED_VALUES}
_REPORT_CHECKS["report_id"]["identifier"] = ck.identifier_message
_REPORT_CHECKS["event_type"]["enum"] = ck.enum_message(EVENT_TYPES, "event_type")
_REPORT_CHECKS["source_type"]["enum"] = ck.enum_message(SOURCE_TYPES, "source_type")
_REPORT_CHECKS["source_tier"]["enum"] = ck.enum_message(SOURCE_TIERS, "source_tier")
_REPORT_CHECKS.update(
    {
        "record_status": {"enum": ck.enum_message(RECORD_STATUSES, "record_status")},
        "event_id": {"identifier": ck.identifier_message},
        "count_kind": {"enum": ck.enum_message(COUNT_KINDS, "count_kind")},
        "count_scope": {"enum": ck.enum_message(COUNT_SCOPES, "count_scope")},
        "scope": {"enum": ck.enum_message(SCOPES, "scope")},
        "event_date": {"date": ck.date_message},
        "source_date": {"date": ck.date_message},
        "checked_on": {"date": ck.date_message},
        "source_url": {"url": ck.url_message},
        "checked_via": {"url": ck.url_message},
        "victims_count": {"count": ck.count_message},
    }
)

REPORTS_SCHEMA: pa.DataFrameSchema = make_schema(REPORTS_COLUMNS, _REPORT_CHECKS, "reports")
"""Per-column rules of ``reports.csv`` (values as stripped strings). Rules that span columns
(latitude with longitude, a count with its kind, duplicate ids) are applied by
:func:`validate_sources`."""


# --------------------------------------------------------------------------- reports


def _id_list_message(value: str) -> str | None:
    for item in value.split(";"):
        message = ck.identifier_message(item.strip())
        if message:
            return message
    return None


def _report_row_checks(clean: pd.DataFrame, lines: list[int], state: RunState) -> Found:
    """Rules that span columns or rows: points, counts with their kind, duplicate ids."""
    found: Found = []
    columns = [
        "report_id",
        "latitude",
        "longitude",
        "victims_count",
        "count_kind",
        "count_scope",
        "scope",
        "scope_reason",
        "record_status",
        "status_note",
        "event_date",
        "source_date",
        "compound_id",
        "operator_id",
    ]
    for i, row in enumerate(clean[columns].itertuples(index=False, name=None)):
        (rid, lat, lon, count, kind, cscope, scope, reason, status, note, ev, src, cid, oid) = row
        found += [(i, col, msg) for col, msg in ck.point_problems(lat, lon)]
        # Files of the older schema have no count_kind/count_scope: their figures stay
        # unclassified (never summed), which the missing-columns warning says.
        if count and not kind and "count_kind" not in state.absent:
            found.append((i, "count_kind", "a count is given: say what it counts"))
        if count and not cscope and "count_scope" not in state.absent:
            found.append((i, "count_scope", "a count is given: say what it is about"))
        if (kind or cscope) and not count:
            col = "count_kind" if kind else "count_scope"
            found.append((i, col, "given without a count (victims_count is empty)"))
        if scope == "out_of_scope" and not reason:
            found.append((i, "scope_reason", "out_of_scope rows must say why"))
        if status == "withdrawn" and not note:
            found.append((i, "status_note", "withdrawn rows must say why"))
        for col, value in (("compound_id", cid), ("operator_id", oid)):
            message = _id_list_message(value) if value else None
            if message:
                found.append((i, col, message))
        if ck.later_than(ev, src) and not (ck.date_message(ev) or ck.date_message(src)):
            state.warnings.append(
                Problem(
                    state.name, lines[i], "event_date", f"{ev!r} is after the source date {src!r}"
                )
            )
        if rid == "":
            continue
        key = ck.identity_key(rid)
        if key in state.seen:
            found.append(
                (
                    i,
                    "report_id",
                    f"duplicate report_id {rid!r}: first used on line {state.seen[key]} (ids "
                    "are compared ignoring case and Unicode look-alikes)",
                )
            )
        else:
            state.seen[key] = lines[i]
    return found


def _finish_reports(valid: pd.DataFrame) -> pd.DataFrame:
    valid.insert(
        list(valid.columns).index("event_date") + 1,
        "date_precision",
        valid["event_date"].map(date_precision).astype("str"),
    )
    valid["victims_count"] = pd.array(
        [int(v) if v else pd.NA for v in valid["victims_count"]], dtype="Int64"
    )
    for col in ("latitude", "longitude"):
        valid[col] = pd.array([float(v) if v else pd.NA for v in valid[col]], dtype="Float64")
    valid["record_status"] = valid["record_status"].replace("", "active")
    valid["scope"] = valid["scope"].replace("", "in_scope")
    return valid


_REPORTS = Spec(
    "reports",
    REPORTS_REQUIRED_COLUMNS,
    REPORTS_COLUMNS,
    REPORTS_SCHEMA,
    _REPORT_CHECKS,
    _report_row_checks,
    _finish_reports,
)
assert set(REPORTS_COLUMNS) == set(REPORTS_REQUIRED_COLUMNS) | set(REPORTS_OPTIONAL_COLUMNS)


def validate_sources(
    path: str | Path,
    *,
    progress: bool | None = None,
    sink: Callable[[pd.DataFrame], None] | None = None,
) -> ValidationReport:
    """Validate a curated reports file and split it into valid and rejected rows.

    Every value is read as a string (codes and dates are never reinterpreted); a UTF-8 BOM
    is ignored; blank lines and rows whose cells are all empty hold no data and are
    skipped. Row-level problems reject the row and are listed in ``problems``;
    ``len(valid) + len(rejects)`` always equals the number of records.
    A repeated ``report_id`` (compared after Unicode NFKC normalisation and case folding,
    so ``ＣＲ-0001`` repeats ``CR-0001``) rejects the second and later rows (the message
    names the line of the first), the first stays valid. Unknown extra columns are kept,
    listed in ``warnings`` and emitted as a ``UserWarning``. Columns added to the schema in
    release 2026.11 (:data:`compoundmap.schema.REPORTS_OPTIONAL_COLUMNS`) may be missing
    from an older file: they read as empty, with one warning.

    Parameters
    ----------
    path : str or Path
        A CSV with the columns in :data:`REPORTS_COLUMNS` (see ``data/raw/sources/README.md``).
    progress : bool, optional
        Show a progress bar; default: for files of 5 MB or more, on a terminal.
    sink : callable, optional
        Receives the valid rows chunk by chunk (each as ``valid`` would hold them) instead
        of keeping them: ``valid`` is then empty and ``n_valid`` counts them. What
        ``compoundmap build`` uses to keep a large file's rows on disk.

    Returns
    -------
    ValidationReport
        ``valid`` holds the cleaned rows in :data:`REPORTS_COLUMNS` order (then any extra
        columns), plus ``date_precision`` (``day``/``month``/``year``, ``""`` when
        ``event_date`` is empty) and ``source_row``; ``victims_count`` is ``Int64`` and
        ``latitude``/``longitude`` are ``Float64`` (``<NA>`` when empty); every other
        column is a string (``""`` when empty; an empty ``record_status`` reads
        ``active`` and an empty ``scope`` ``in_scope``).

    Raises
    ------
    SourceValidationError
        For problems with the whole file: missing, unreadable, not UTF-8 (naming the line
        and byte offset), no header, malformed CSV quoting, a field over the size limit,
        or missing required columns (with a hint on case and delimiters). A header with no
        rows is valid (0 rows).

    Examples
    --------
    >>> report = validate_sources(default_sources_path())
    >>> report.ok
    True
    """
    report = validate(path, _REPORTS, progress=progress, sink=sink)
    emit_warnings(report)
    return report


def default_sources_path() -> Path:
    """Path of the bundled curated reports, ``data/raw/sources/reports.csv``.

    Works from a checkout and from an installed wheel (see ``compoundmap._data``).

    Examples
    --------
    >>> default_sources_path().name
    'reports.csv'
    """
    return raw_path("sources", "reports.csv")


def read_sources(path: str | Path | None = None, *, strict: bool = True) -> pd.DataFrame:
    """Read a reports file, returning its valid rows (see :func:`validate_sources`).

    Parameters
    ----------
    path : str or Path, optional
        Defaults to the bundled ``data/raw/sources/reports.csv``.
    strict : bool, default True
        If True, any invalid row raises, so a curated file is never used with rows quietly
        missing. If False, invalid rows are left out and one ``UserWarning`` says how many
        and why; use :func:`validate_sources` to get the rejects as a table.

    Returns
    -------
    pandas.DataFrame
        The valid rows as ``ValidationReport.valid`` of :func:`validate_sources` holds
        them: text columns, ``victims_count`` as ``Int64``, ``latitude``/``longitude`` as
        ``Float64``, with ``date_precision`` and ``source_row`` (the row's line) added.

    Raises
    ------
    SourceValidationError
        For file-level problems, and with ``strict=True`` when any row is invalid;
        ``.problems`` lists every one.

    Examples
    --------
    >>> df = read_sources()
    >>> set(df["date_precision"]) <= {"day", "month", "year", ""}
    True
    """
    report = validate(default_sources_path() if path is None else path, _REPORTS)
    emit_warnings(report)
    if report.problems:
        listing = "\n".join(str(p) for p in report.problems)
        head = f"{report.path}: {len(report.rejects)} of {report.n_rows} rows are invalid"
        if strict:
            raise SourceValidationError(f"{head}:\n{listing}", list(report.problems))
        warnings.warn(f"{head}; they were left out:\n{listing}", UserWarning, stacklevel=2)
    return report.valid


# --------------------------------------------------------------------------- either


def _sniff_kind(path: str | Path) -> Kind:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError, csv.Error, StopIteration):
        return "reports"  # the full read raises the proper file-level error
    names = {h.strip() for h in header}
    return "overrides" if "evidence" in names and "report_id" not in names else "reports"


def validate_file(path: str | Path) -> ValidationReport:
    """Validate a reports or overrides file, telling them apart by their header.

    A header with ``report_id`` is a reports file; one with ``evidence`` and no
    ``report_id`` is an overrides file; anything else is checked as a reports file (so the
    error lists the columns a reports file needs).

    Raises
    ------
    SourceValidationError
        For file-level problems (see :func:`validate_sources`).
    """
    kind = _sniff_kind(path)
    return validate_overrides(path) if kind == "overrides" else validate_sources(path)


def check_file(path: str | Path, *, progress: bool | None = None) -> ValidationReport:
    """Validate a reports or overrides file keeping only the problems, in flat memory.

    What ``compoundmap validate`` runs: like :func:`validate_file`, but valid rows are
    counted (``n_valid``), not kept, so a file of millions of rows is checked in the
    memory of one chunk (:data:`CHUNK_ROWS`) plus its rejects.

    Parameters
    ----------
    path : str or pathlib.Path
        A reports file, or a location overrides file (told apart by its header).
    progress : bool, optional
        Show a progress bar on stderr; default: only for a large file read from a terminal.

    Returns
    -------
    ValidationReport
        The rejects, problems, warnings (not emitted) and ``n_valid``; ``valid`` is empty.

    Raises
    ------
    SourceValidationError
        For file-level problems (see :func:`validate_sources`).

    Examples
    --------
    >>> report = check_file(default_sources_path())
    >>> report.ok, report.valid.empty, report.n_valid > 0
    (True, True, True)
    """
    spec = OVERRIDES_SPEC if _sniff_kind(path) == "overrides" else _REPORTS
    return validate(path, spec, keep_valid=False, progress=progress)


def iter_ids(values: Iterable[str]) -> list[str]:
    """The ``;``-separated ids of a column of id lists, in order of first appearance.

    Examples
    --------
    >>> iter_ids(["CM-0001; CM-0002", "", "CM-0001"])
    ['CM-0001', 'CM-0002']
    """
    out: dict[str, None] = {}
    for value in values:
        for item in str(value).split(";"):
            if item.strip():
                out[item.strip()] = None
    return list(out)
