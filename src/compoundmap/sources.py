"""Reading and validating the curated source files: ``reports.csv`` and ``location_overrides.csv``.

First step of the flow (sources → geocode → boundaries → compounds → summary/maps). Every
problem is reported as ``file:row:column: message`` with ``row`` the line an editor shows.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import pandas as pd
import pandera.pandas as pa
from shapely import prepared
from shapely.geometry import MultiPolygon, Point, Polygon, shape
from shapely.geometry.base import BaseGeometry

from ._data import raw_path
from .errors import SourceValidationError

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
    "date_precision",
    "default_overrides_path",
    "default_sources_path",
    "load_overrides",
    "read_sources",
    "validate_file",
    "validate_overrides",
    "validate_sources",
]

REPORTS_COLUMNS: tuple[str, ...] = (
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
"""Every column of ``reports.csv``, in file order. All must be present in the header."""

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

# The allowed codes are the sets found in the curated file (see data/raw/sources/README.md);
# adding a new one is a deliberate schema change, made here and in that README.
EVENT_TYPES: tuple[str, ...] = (
    "raid",
    "rescue",
    "escape",
    "warning",
    "sanction",
    "investigation",
    "report",
    "closure",
    "other",
)
SOURCE_TYPES: tuple[str, ...] = ("media", "ngo", "government", "academic")
SOURCE_TIERS: tuple[str, ...] = ("primary", "secondary")

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
"""Every column of ``location_overrides.csv``, in file order. All must be present in the header."""

# MEF 2025 lists seven spurious "Kokir" communes (each holding one village of 250314);
# the gazetteer drops them, so an override must not point at them either.
_SPURIOUS_CODES = frozenset(f"2503{n}" for n in range(15, 22))
_CAMBODIA_TOLERANCE_DEG = 0.01  # ~1.1 km: border and coastal sites sit on the outline
_CODE_PRECISION = {2: 4, 4: 3, 6: 2}  # code length -> precision of the unit's point
_PRECISION_LABEL = {1: "point", 2: "commune", 3: "district", 4: "province"}

Kind = Literal["reports", "overrides"]


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a source file.

    Attributes
    ----------
    file : str
        The path as it was given.
    row : int or None
        1-based line number of the record as an editor shows it (the header is line 1; a
        record whose quoted field spans lines is reported at its first line). ``None`` for
        problems with the whole file (for example a missing file).
    column : str
        The column at fault, or ``""`` when the problem is not about one column.
    message : str
        What is wrong, naming the offending value.

    Examples
    --------
    >>> str(Problem("reports.csv", 3, "event_type", "'riad' is not an allowed event_type"))
    "reports.csv:3:event_type: 'riad' is not an allowed event_type"
    """

    file: str
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f":{self.row}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass
class ValidationReport:
    """The outcome of validating one source file.

    Attributes
    ----------
    path : str
        The file validated, as given.
    kind : {"reports", "overrides"}
        Which schema was applied.
    valid : pandas.DataFrame
        Rows that passed, cleaned (surrounding whitespace removed, numbers typed), plus
        ``source_row`` (line number) and, for reports, ``date_precision``.
    rejects : pandas.DataFrame
        Rows that failed, exactly as in the file, plus ``source_row`` and ``reject_reason``
        (every problem of the row, ``column: message`` joined by ``"; "``).
    problems : list of Problem
        Every row-level problem, ordered by row and column.
    warnings : list of Problem
        Things that do not reject a row (unknown extra columns, which are kept).
    """

    path: str
    kind: Kind
    valid: pd.DataFrame
    rejects: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row was rejected."""
        return not self.problems

    @property
    def n_rows(self) -> int:
        """Number of records in the file (valid + rejected)."""
        return len(self.valid) + len(self.rejects)

    def summary(self) -> str:
        """One line: ``path: N rows (kind), V valid, R rejected, P problems``."""
        text = (
            f"{self.path}: {self.n_rows} rows ({self.kind}), {len(self.valid)} valid, "
            f"{len(self.rejects)} rejected"
        )
        if self.problems:
            text += f", {_plural(len(self.problems), 'problem')}"
        if self.warnings:
            text += f", {_plural(len(self.warnings), 'warning')}"
        return text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _fail(path: str, row: int | None, message: str) -> SourceValidationError:
    problem = Problem(path, row, "", message)
    return SourceValidationError(str(problem), [problem])


# --------------------------------------------------------------------------- value checks
# Each check maps a stripped string to a message, or None when the value is fine. The same
# functions back the pandera schemas (as element-wise checks) and the problem messages.

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_INT_RE = re.compile(r"[+-]?\d+")
_DECIMAL_RE = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)")


def _date_message(value: str) -> str | None:
    if value == "":
        return None
    m = _DATE_RE.fullmatch(value)
    if m is None:
        return f"{value!r} is not a date in YYYY, YYYY-MM or YYYY-MM-DD form"
    year_s, month_s, day_s = m.groups()
    year = int(year_s)
    if not 1900 <= year <= 2100:
        return f"{value!r}: year {year} is outside 1900-2100"
    if month_s is not None and not 1 <= int(month_s) <= 12:
        return f"{value!r} is not a real date: there is no month {month_s}"
    if day_s is not None:
        try:
            date(year, int(month_s), int(day_s))
        except ValueError:
            month_name = calendar.month_name[int(month_s)]
            return f"{value!r} is not a real date: {month_name} {year} has no day {day_s}"
    return None


def date_precision(value: str) -> str:
    """Precision of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date, like ACLED's time_precision.

    Returns ``"day"``, ``"month"``, ``"year"``, or ``""`` for an empty value. The value is
    assumed valid (see :func:`validate_sources`).

    Examples
    --------
    >>> date_precision("2024-03"), date_precision("2024"), date_precision("")
    ('month', 'year', '')
    """
    value = value.strip()
    if value == "":
        return ""
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def _nonempty_message(value: str) -> str | None:
    return "required value is missing" if value == "" else None


def _enum_message(allowed: tuple[str, ...], column: str) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        if value == "" or value in allowed:
            return None
        hint = f" (use lower case: {value.lower()!r})" if value.lower() in allowed else ""
        return f"{value!r} is not an allowed {column}{hint}; allowed: {', '.join(allowed)}"

    return check


def _url_message(value: str) -> str | None:
    if value == "":
        return None
    parts = urlsplit(value)
    host = parts.hostname or ""
    if (
        parts.scheme not in ("http", "https")
        or "." not in host
        or any(ch.isspace() for ch in value)
    ):
        return f"{value!r} is not a well-formed http(s) URL"
    return None


def _count_message(value: str) -> str | None:
    if value == "":
        return None
    if _INT_RE.fullmatch(value) is None:
        return f"{value!r} is not a whole number (write digits only, e.g. 1200)"
    if int(value) < 0:
        return f"{value!r} is negative; victims_count must be 0 or more"
    return None


def _code_message(value: str) -> str | None:
    if value == "":
        return None
    if not (value.isascii() and value.isdigit() and len(value) in _CODE_PRECISION):
        return (
            f"{value!r} is not an MEF 2025 admin code (2 digits for a province, 4 for a "
            "district, 6 for a commune, with leading zeros)"
        )
    if value in _SPURIOUS_CODES:
        return f"{value!r} is one of the spurious Kokir codes in the MEF list; use '250314'"
    if value not in _mef_codes():
        return f"{value!r} is not in the MEF 2025 gazetteer"
    return None


def _precision_message(value: str) -> str | None:
    if value == "" or value in ("1", "2", "3", "4"):
        return None
    return f"{value!r} is not a precision: use 1 (point), 2 (commune), 3 (district), 4 (province)"


def _element_check(key: str, fn: Callable[[str], str | None]) -> pa.Check:
    # `error` carries the key so failure cases can be turned back into messages.
    return pa.Check(lambda v: fn(v) is None, element_wise=True, error=key)


_REPORT_CHECKS: dict[str, dict[str, Callable[[str], str | None]]] = {
    **{col: {"required": _nonempty_message} for col in REPORTS_REQUIRED_VALUES},
}
_REPORT_CHECKS["event_type"]["enum"] = _enum_message(EVENT_TYPES, "event_type")
_REPORT_CHECKS["source_type"]["enum"] = _enum_message(SOURCE_TYPES, "source_type")
_REPORT_CHECKS["source_tier"]["enum"] = _enum_message(SOURCE_TIERS, "source_tier")
_REPORT_CHECKS["event_date"] = {"date": _date_message}
_REPORT_CHECKS["source_date"] = {"date": _date_message}
_REPORT_CHECKS["source_url"] = {"url": _url_message}
_REPORT_CHECKS["victims_count"] = {"count": _count_message}

_OVERRIDE_CHECKS: dict[str, dict[str, Callable[[str], str | None]]] = {
    "location_text": {"required": _nonempty_message},
    "evidence": {"required": _nonempty_message},
    "code": {"code": _code_message},
    "precision": {"precision": _precision_message},
}


def _schema(
    columns: tuple[str, ...], checks: dict[str, dict[str, Callable[[str], str | None]]], name: str
) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            col: pa.Column(
                str,
                checks=[
                    _element_check(f"{col}.{key}", fn) for key, fn in checks.get(col, {}).items()
                ],
            )
            for col in columns
        },
        name=name,
        strict=False,  # unknown extra columns are kept (and warned about)
        coerce=False,
    )


REPORTS_SCHEMA: pa.DataFrameSchema = _schema(REPORTS_COLUMNS, _REPORT_CHECKS, "reports")
"""Per-column rules of ``reports.csv`` (values as stripped strings). Rules that span columns
(latitude with longitude, duplicate ids) are applied by :func:`validate_sources`."""

OVERRIDES_SCHEMA: pa.DataFrameSchema = _schema(OVERRIDES_COLUMNS, _OVERRIDE_CHECKS, "overrides")
"""Per-column rules of ``location_overrides.csv`` (values as stripped strings)."""


# --------------------------------------------------------------------------- reference data


@cache
def _cambodia() -> prepared.PreparedGeometry:
    """Cambodia's outline with lakes filled (the Tonle Sap is a hole) and a ~1 km margin."""
    with open(raw_path("boundaries", "khm_adm0.geojson"), encoding="utf-8") as fh:
        collection = json.load(fh)
    polygons: list[Polygon] = []
    for feature in collection["features"]:
        geom: BaseGeometry = shape(feature["geometry"])
        parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
        polygons += [Polygon(p.exterior) for p in parts if isinstance(p, Polygon)]
    outline = MultiPolygon(polygons).buffer(_CAMBODIA_TOLERANCE_DEG)
    return prepared.prep(outline)


def _in_cambodia(lat: float, lon: float) -> bool:
    return bool(_cambodia().contains(Point(lon, lat)))


@cache
def _mef_codes() -> frozenset[str]:
    codes: set[str] = set()
    for name, col in (
        ("CambodiaProvinceList2025.csv", "province_code"),
        ("CambodiaDistrictList2025.csv", "district_code"),
        ("CambodiaCommuneList2025.csv", "commune_code"),
    ):
        table = pd.read_csv(
            raw_path("gazetteer", "mef2025", name), dtype=str, keep_default_na=False
        )
        codes.update(table[col].str.strip())
    return frozenset(codes - _SPURIOUS_CODES)


# --------------------------------------------------------------------------- reading


@dataclass
class _Records:
    header: list[str]
    lines: list[int]  # line number of each record
    rows: list[list[str]]  # raw fields, padded/truncated to the header width
    width_problems: dict[int, str]  # record index -> message


def _read_records(path: str | Path, columns: tuple[str, ...]) -> tuple[_Records, list[Problem]]:
    """Decode and split a CSV, keeping each record's line number. Raises on file-level faults."""
    name = str(path)
    p = Path(path)
    if not p.is_file():
        raise _fail(name, None, "file not found" if not p.exists() else "not a regular file")
    data = p.read_bytes()
    if data.strip() == b"":
        raise _fail(name, None, f"file is empty; expected a header row: {', '.join(columns)}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        in_line = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start : exc.start + 1].hex()
        raise _fail(
            name,
            line,
            f"not valid UTF-8: byte 0x{byte} at byte offset {exc.start} "
            f"(byte {in_line} of line {line}); "
            "save the file as UTF-8 (e.g. from a spreadsheet: 'CSV UTF-8')",
        ) from exc

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    header_line = 1
    lines: list[int] = []
    rows: list[list[str]] = []
    width_problems: dict[int, str] = {}
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if all(f.strip() == "" for f in fields):
                continue  # blank line, or a row of empty cells a spreadsheet left: no data
            if header is None:
                # A spreadsheet may add trailing columns with no name: give them one.
                header = [h.strip() or f"unnamed_{i}" for i, h in enumerate(fields, 1)]
                header_line = line
                continue
            if len(fields) != len(header):
                message = f"row has {len(fields)} fields but the header has {len(header)}"
                extra = fields[len(header) :]
                if extra:  # keep what does not fit in the reject reason, so nothing is lost
                    message += f"; extra values: {', '.join(repr(v) for v in extra)}"
                width_problems[len(rows)] = message
                fields = (fields + [""] * len(header))[: len(header)]
            lines.append(line)
            rows.append(fields)
    except csv.Error as exc:
        raise _fail(
            name,
            start,
            f"malformed CSV in the record starting here: {exc} "
            "(a quoted field is probably not closed, or a quote is not doubled)",
        ) from exc
    assert header is not None  # data has a non-blank line

    problems: list[Problem] = []
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise _fail(name, header_line, f"duplicate column names: {', '.join(dupes)}")
    missing = [c for c in columns if c not in header]
    if missing:
        raise _fail(
            name,
            header_line,
            f"missing required columns: {', '.join(missing)}; columns found: {', '.join(header)}",
        )
    for i, col in enumerate(header, 1):
        if col == f"unnamed_{i}":
            message = f"column {i} has no name (kept as {col!r}, not validated)"
        elif col not in columns:
            message = f"unknown column {col!r} (kept, not validated)"
        else:
            continue
        problems.append(Problem(name, header_line, col, message))
    return _Records(header, lines, rows, width_problems), problems


def _frame(rows: list[list[str]], header: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {col: pd.Series([r[i] for r in rows], dtype="str") for i, col in enumerate(header)},
        index=pd.RangeIndex(len(rows)),
    )


def _run_schema(
    schema: pa.DataFrameSchema,
    checks: dict[str, dict[str, Callable[[str], str | None]]],
    clean: pd.DataFrame,
    name: str,
) -> list[tuple[int, str, str]]:
    """(record index, column, message) for every per-column failure."""
    try:
        schema.validate(clean, lazy=True)
    except pa.errors.SchemaErrors as exc:
        found: list[tuple[int, str, str]] = []
        for case in exc.failure_cases.itertuples(index=False):
            col, key, value = str(case.column), str(case.check), case.failure_case
            fn = checks.get(col, {}).get(key.partition(".")[2])
            message = fn(str(value)) if fn is not None else None
            if message is None:  # a pandera-level failure we did not define
                message = f"{key} failed for value {value!r}"
            if pd.isna(case.index):  # not about one row; the header checks should prevent it
                raise _fail(name, None, f"{col}: {message}") from exc
            found.append((int(case.index), col, message))
        return found
    return []


def _point_problems(lat_s: str, lon_s: str) -> list[tuple[str, str]]:
    """(column, message) problems of an optional latitude/longitude pair."""
    if lat_s == "" and lon_s == "":
        return []
    if lat_s == "" or lon_s == "":
        empty, given = ("latitude", "longitude") if lat_s == "" else ("longitude", "latitude")
        return [(empty, f"{empty} is empty but {given} is given; give both or neither")]
    out: list[tuple[str, str]] = []
    values: dict[str, float] = {}
    for col, text in (("latitude", lat_s), ("longitude", lon_s)):
        if _DECIMAL_RE.fullmatch(text) is None:  # also refuses 'nan', 'inf', '1e3', '10,5'
            out.append((col, f"{text!r} is not a decimal number (use e.g. 10.6275)"))
        else:
            values[col] = float(text)
    if out:
        return out
    lat, lon = values["latitude"], values["longitude"]
    if _in_cambodia(lat, lon):
        return []
    if _in_cambodia(lon, lat):
        return [
            (
                "latitude",
                f"latitude and longitude probably swapped: (latitude {lat_s}, longitude "
                f"{lon_s}) is outside Cambodia but (latitude {lon_s}, longitude {lat_s}) "
                "is inside",
            )
        ]
    return [("latitude", f"point (latitude {lat_s}, longitude {lon_s}) is outside Cambodia")]


def _assemble(
    name: str,
    kind: Kind,
    records: _Records,
    found: list[tuple[int, str, str]],
    warn: list[Problem],
    clean: pd.DataFrame,
    raw: pd.DataFrame,
) -> ValidationReport:
    # A row with the wrong number of fields has its values shifted: report only that.
    found = [t for t in found if t[0] not in records.width_problems]
    found += [(idx, "", message) for idx, message in records.width_problems.items()]
    order = {col: i for i, col in enumerate(records.header)}
    found.sort(key=lambda t: (t[0], order.get(t[1], -1)))
    problems = [Problem(name, records.lines[i], col, msg) for i, col, msg in found]
    reasons: dict[int, list[str]] = {}
    for i, col, msg in found:
        reasons.setdefault(i, []).append(f"{col}: {msg}" if col else msg)

    source_row = pd.Series(records.lines, dtype="int64")
    bad = pd.Series(False, index=raw.index)
    bad[list(reasons)] = True

    valid = clean[~bad].copy()
    valid["source_row"] = source_row[~bad]
    rejects = raw[bad].copy()
    rejects["source_row"] = source_row[bad]
    rejects["reject_reason"] = pd.Series(
        {i: "; ".join(r) for i, r in reasons.items()}, dtype="str"
    ).reindex(rejects.index)
    return ValidationReport(
        name,
        kind,
        valid.reset_index(drop=True),
        rejects.reset_index(drop=True),
        problems,
        warn,
    )


def _emit_warnings(report: ValidationReport) -> None:
    for problem in report.warnings:
        warnings.warn(str(problem), UserWarning, stacklevel=3)


# --------------------------------------------------------------------------- reports


def _validate_reports(path: str | Path) -> ValidationReport:
    name = str(path)
    records, warn = _read_records(path, REPORTS_COLUMNS)
    raw = _frame(records.rows, records.header)
    clean = raw.apply(lambda s: s.str.strip()) if len(raw) else raw.copy()
    found = _run_schema(REPORTS_SCHEMA, _REPORT_CHECKS, clean, name)

    first_seen: dict[str, int] = {}
    for i, (rid, lat, lon) in enumerate(
        zip(clean["report_id"], clean["latitude"], clean["longitude"], strict=True)
    ):
        found += [(i, col, msg) for col, msg in _point_problems(lat, lon)]
        if rid == "":
            continue
        if rid in first_seen:
            found.append(
                (
                    i,
                    "report_id",
                    f"duplicate report_id {rid!r}: first used on line "
                    f"{records.lines[first_seen[rid]]}",
                )
            )
        else:
            first_seen[rid] = i

    report = _assemble(name, "reports", records, found, warn, clean, raw)
    valid = report.valid
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
    return report


def validate_sources(path: str | Path) -> ValidationReport:
    """Validate a curated reports file and split it into valid and rejected rows.

    Every value is read as a string (codes and dates are never reinterpreted); a UTF-8 BOM
    is ignored; blank lines and rows whose cells are all empty hold no data and are
    skipped. Row-level problems reject the row and are listed in ``problems``;
    ``len(valid) + len(rejects)`` always equals the number of records.
    A repeated ``report_id`` rejects the second and later rows (the message names the line
    of the first), the first stays valid. Unknown extra columns are kept, listed in
    ``warnings`` and emitted as a ``UserWarning``.

    Parameters
    ----------
    path : str or Path
        A CSV with the columns in :data:`REPORTS_COLUMNS` (see ``data/raw/sources/README.md``).

    Returns
    -------
    ValidationReport
        ``valid`` holds the cleaned rows plus ``date_precision`` (``day``/``month``/``year``,
        ``""`` when ``event_date`` is empty) and ``source_row``; ``victims_count`` is
        ``Int64`` and ``latitude``/``longitude`` are ``Float64`` (``<NA>`` when empty);
        every other column is a string (``""`` when empty).

    Raises
    ------
    SourceValidationError
        For problems with the whole file: missing, not UTF-8 (naming the line and byte
        offset), empty (0 bytes), malformed CSV quoting, or missing required columns. A
        header with no rows is valid (0 rows).

    Examples
    --------
    >>> from compoundmap._data import raw_path
    >>> report = validate_sources(raw_path("sources", "reports.csv"))
    >>> report.ok, len(report.valid)
    (True, 269)
    """
    report = _validate_reports(path)
    _emit_warnings(report)
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


def default_overrides_path() -> Path:
    """Path of the bundled analyst overrides, ``data/raw/sources/location_overrides.csv``."""
    return raw_path("sources", "location_overrides.csv")


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

    Raises
    ------
    SourceValidationError
        For file-level problems, and with ``strict=True`` when any row is invalid;
        ``.problems`` lists every one.

    Examples
    --------
    >>> df = read_sources()
    >>> df["date_precision"].value_counts()["day"]
    116
    """
    report = _validate_reports(default_sources_path() if path is None else path)
    _emit_warnings(report)
    if report.problems:
        listing = "\n".join(str(p) for p in report.problems)
        head = f"{report.path}: {len(report.rejects)} of {report.n_rows} rows are invalid"
        if strict:
            raise SourceValidationError(f"{head}:\n{listing}", list(report.problems))
        warnings.warn(f"{head}; they were left out:\n{listing}", UserWarning, stacklevel=2)
    return report.valid


# --------------------------------------------------------------------------- overrides


def _validate_overrides(path: str | Path) -> ValidationReport:
    name = str(path)
    records, warn = _read_records(path, OVERRIDES_COLUMNS)
    raw = _frame(records.rows, records.header)
    clean = raw.apply(lambda s: s.str.strip()) if len(raw) else raw.copy()
    found = _run_schema(OVERRIDES_SCHEMA, _OVERRIDE_CHECKS, clean, name)

    first_seen: dict[tuple[str, str], int] = {}
    for i, row in enumerate(clean.itertuples(index=False)):
        code, lat, lon, prec = str(row.code), str(row.latitude), str(row.longitude), row.precision
        point = _point_problems(lat, lon)
        found += [(i, col, msg) for col, msg in point]
        has_point = lat != "" and lon != ""
        if code == "" and not has_point:
            found.append((i, "code", "give a code, or latitude and longitude, or both"))
        elif code != "" and prec in ("1", "2", "3", "4") and _code_message(code) is None:
            implied = _CODE_PRECISION[len(code)]
            if not has_point and int(prec) < implied:
                found.append(
                    (
                        i,
                        "precision",
                        f"precision {prec} ({_PRECISION_LABEL[int(prec)]}) is finer than code "
                        f"{code!r} ({_PRECISION_LABEL[implied]}) and no point is given",
                    )
                )
        key = (str(row.location_text).casefold(), str(row.province_as_reported).casefold())
        if key[0] == "":
            continue
        if key in first_seen:
            found.append(
                (
                    i,
                    "location_text",
                    f"duplicate override for {row.location_text!r}"
                    + (f" in {row.province_as_reported!r}" if key[1] else "")
                    + f": first given on line {records.lines[first_seen[key]]}",
                )
            )
        else:
            first_seen[key] = i

    report = _assemble(name, "overrides", records, found, warn, clean, raw)
    valid = report.valid
    precision = []
    for code, lat, prec in zip(valid["code"], valid["latitude"], valid["precision"], strict=True):
        if prec:
            precision.append(int(prec))
        else:
            precision.append(1 if lat else _CODE_PRECISION[len(code)])
    valid["precision"] = pd.array(precision, dtype="Int64")
    for col in ("latitude", "longitude"):
        valid[col] = pd.array([float(v) if v else pd.NA for v in valid[col]], dtype="Float64")
    return report


def validate_overrides(path: str | Path) -> ValidationReport:
    """Validate a ``location_overrides.csv`` file without raising on row problems.

    Same reading rules and report as :func:`validate_sources`; see :func:`load_overrides`
    for the schema.
    """
    report = _validate_overrides(path)
    _emit_warnings(report)
    return report


def load_overrides(path: str | Path | None = None) -> pd.DataFrame:
    """Load the curated location overrides (manual fixes to geocoding).

    Columns: ``location_text`` (required; matched against a report's ``location_text``
    ignoring case and surrounding whitespace), ``province_as_reported`` (optional; the
    override then applies only to reports stating that province), ``code`` (MEF 2025 code,
    2/4/6 digits, must exist in the gazetteer), ``latitude``/``longitude`` (optional, both or
    neither, inside Cambodia), ``precision`` (1-4; default 1 with a point, else from the code
    length: 2 digits → 4, 4 → 3, 6 → 2), ``note``, ``evidence`` (required: where the fix comes
    from). Each row needs a code or a point.

    Parameters
    ----------
    path : str or Path, optional
        Defaults to the bundled ``data/raw/sources/location_overrides.csv``.

    Returns
    -------
    pandas.DataFrame
        The overrides with ``precision`` as ``Int64``, ``latitude``/``longitude`` as
        ``Float64`` and ``source_row``.

    Raises
    ------
    SourceValidationError
        If the file or any row is invalid; ``.problems`` lists every problem.

    Examples
    --------
    >>> overrides = load_overrides()
    >>> set(overrides["precision"]) <= {1, 2, 3, 4}
    True
    """
    report = validate_overrides(default_overrides_path() if path is None else path)
    if report.problems:
        listing = "\n".join(str(p) for p in report.problems)
        raise SourceValidationError(
            f"{report.path}: {len(report.rejects)} of {report.n_rows} overrides are invalid:\n"
            f"{listing}",
            list(report.problems),
        )
    return report.valid


# --------------------------------------------------------------------------- either


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


def _sniff_kind(path: str | Path) -> Kind:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header = next(csv.reader(fh), [])
    except (OSError, UnicodeDecodeError, csv.Error, StopIteration):
        return "reports"  # the full read raises the proper file-level error
    names = {h.strip() for h in header}
    return "overrides" if "evidence" in names and "report_id" not in names else "reports"
