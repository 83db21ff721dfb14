"""The curated registry: sites (``compounds.csv``), operators and designations.

Sources stage of the flow, beside :mod:`compoundmap.sources`. One row per physical site,
company or group and official designation, each with a permanent id that never encodes a
location and is never reused (a withdrawn row stays, with its reason). Reports link to the
registry by id (``compound_id``, ``operator_id``); :mod:`compoundmap.links` checks those
links and proposes missing ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import _checks as ck
from ._csvfile import Problem
from ._data import raw_path
from ._validation import (
    Checks,
    Found,
    RunState,
    Spec,
    ValidationReport,
    emit_warnings,
    make_schema,
    validate,
)
from .errors import SourceValidationError
from .schema import (
    COMPOUNDS_FILE_COLUMNS,
    DESIGNATION_ACTIONS,
    DESIGNATION_TARGETS,
    DESIGNATIONS_FILE_COLUMNS,
    LOCATION_PRECISIONS,
    OPERATOR_KINDS,
    OPERATOR_ROLES,
    OPERATORS_FILE_COLUMNS,
    RECORD_STATUSES,
    SITE_TYPES,
)

__all__ = [
    "Registry",
    "load_registry",
    "split_ids",
    "validate_compounds",
    "validate_designations",
    "validate_operators",
    "validate_registry_file",
]

_REQUIRED = ck.nonempty_message


def split_ids(value: object) -> list[str]:
    """The ids of a ``;``-separated id list, stripped, empty items dropped.

    Examples
    --------
    >>> split_ids("CM-0001; CM-0002;")
    ['CM-0001', 'CM-0002']
    """
    return [p.strip() for p in str(value or "").split(";") if p.strip()]


# ----------------------------------------------------------------------------- per-file rules


def _unique_id(column: str) -> object:
    def check(clean: pd.DataFrame, lines: list[int], state: RunState) -> Found:
        found: Found = []
        for i, value in enumerate(clean[column]):
            if not value:
                continue
            key = ck.identity_key(value)
            if key in state.seen:
                found.append(
                    (
                        i,
                        column,
                        f"duplicate {column} {value!r}: first used on line {state.seen[key]} "
                        "(ids never repeat, even withdrawn ones)",
                    )
                )
            else:
                state.seen[key] = lines[i]
        return found

    return check


def _withdrawn_need_reason(clean: pd.DataFrame) -> Found:
    return [
        (i, "status_note", "withdrawn rows must say why")
        for i, (status, note) in enumerate(
            zip(clean["record_status"], clean["status_note"], strict=True)
        )
        if status == "withdrawn" and not note
    ]


def _compound_rows(clean: pd.DataFrame, lines: list[int], state: RunState) -> Found:
    found = _unique_id("compound_id")(clean, lines, state)  # type: ignore[operator]
    found += _withdrawn_need_reason(clean)
    columns = [
        "record_status",
        "province_code",
        "district_code",
        "commune_code",
        "latitude",
        "longitude",
        "location_precision",
        "location_report_id",
        "location_source_url",
        "location_quote",
        "place_name",
    ]
    for i, row in enumerate(clean[columns].itertuples(index=False, name=None)):
        status, prov, dist, comm, lat, lon, prec, rep, url, quote, place = row
        found += [(i, col, msg) for col, msg in ck.point_problems(lat, lon)]
        for child, parent, what in ((dist, prov, "district"), (comm, dist or prov, "commune")):
            if child and parent and not child.startswith(parent):
                found.append(
                    (i, f"{what}_code", f"{child!r} is not inside {parent!r} (codes nest)")
                )
        if comm and not dist:
            found.append((i, "district_code", "a commune is given: give its district too"))
        if dist and not prov:
            found.append((i, "province_code", "a district is given: give its province too"))
        if status == "withdrawn":
            continue
        if not prov and prec != "":
            found.append((i, "province_code", f"location_precision {prec!r} needs a province"))
        expected = {
            "commune": comm,
            "district": dist,
            "province": prov,
            "place": place,
            "site": lat,
        }
        if prec and not expected.get(prec):
            needs = {"site": "latitude/longitude", "place": "place_name"}.get(prec, f"{prec}_code")
            found.append((i, "location_precision", f"{prec!r} needs {needs}"))
        if lat and prec != "site":
            found.append(
                (i, "location_precision", "coordinates are given: the precision is 'site'")
            )
        if (prov or lat) and not rep and not (url and quote):
            found.append(
                (
                    i,
                    "location_report_id",
                    "the location needs evidence: a report id, or a source URL and a quote",
                )
            )
    return found


def _operator_rows(clean: pd.DataFrame, lines: list[int], state: RunState) -> Found:
    found = _unique_id("operator_id")(clean, lines, state)  # type: ignore[operator]
    found += _withdrawn_need_reason(clean)
    for i, (kind, url) in enumerate(zip(clean["kind"], clean["source_url"], strict=True)):
        if kind == "person" and not url:
            found.append((i, "source_url", "a person is listed only with the designation source"))
    return found


def _designation_rows(clean: pd.DataFrame, lines: list[int], state: RunState) -> Found:
    found = _unique_id("designation_id")(clean, lines, state)  # type: ignore[operator]
    found += _withdrawn_need_reason(clean)
    for i, (kind, op, comp) in enumerate(
        zip(clean["entity_kind"], clean["operator_id"], clean["compound_id"], strict=True)
    ):
        if kind == "compound" and not comp:
            found.append((i, "compound_id", "a designated site needs its compound_id"))
        if kind == "operator" and not op:
            found.append((i, "operator_id", "a designated operator needs its operator_id"))
    return found


def _finish(valid: pd.DataFrame) -> pd.DataFrame:
    valid["record_status"] = valid["record_status"].replace("", "active")
    return valid


def _enum(values: tuple[str, ...], column: str) -> dict[str, object]:
    return {"enum": ck.enum_message(values, column)}


_COMPOUND_CHECKS: Checks = {
    "compound_id": {"required": _REQUIRED, "identifier": ck.identifier_message},
    "record_status": _enum(RECORD_STATUSES, "record_status"),  # type: ignore[dict-item]
    "name": {"required": _REQUIRED},
    "site_type": _enum(SITE_TYPES, "site_type"),  # type: ignore[dict-item]
    "province_code": {"code": ck.code_message},
    "district_code": {"code": ck.code_message},
    "commune_code": {"code": ck.code_message},
    "location_precision": _enum(LOCATION_PRECISIONS, "location_precision"),  # type: ignore[dict-item]
    "location_source_url": {"url": ck.url_message},
    "first_reported": {"date": ck.date_message},
}
_OPERATOR_CHECKS: Checks = {
    "operator_id": {"required": _REQUIRED, "identifier": ck.identifier_message},
    "record_status": _enum(RECORD_STATUSES, "record_status"),  # type: ignore[dict-item]
    "name": {"required": _REQUIRED},
    "kind": {"required": _REQUIRED, **_enum(OPERATOR_KINDS, "kind")},  # type: ignore[dict-item]
    "role": _enum(OPERATOR_ROLES, "role"),  # type: ignore[dict-item]
    "source_url": {"url": ck.url_message},
}
_DESIGNATION_CHECKS: Checks = {
    "designation_id": {"required": _REQUIRED, "identifier": ck.identifier_message},
    "record_status": _enum(RECORD_STATUSES, "record_status"),  # type: ignore[dict-item]
    "entity_kind": {"required": _REQUIRED, **_enum(DESIGNATION_TARGETS, "entity_kind")},  # type: ignore[dict-item]
    "entity_name": {"required": _REQUIRED},
    "authority": {"required": _REQUIRED},
    "action": {"required": _REQUIRED, **_enum(DESIGNATION_ACTIONS, "action")},  # type: ignore[dict-item]
    "date": {"required": _REQUIRED, "date": ck.date_message},
    "source_url": {"required": _REQUIRED, "url": ck.url_message},
}

_SPECS = {
    "compounds": Spec(
        "compounds",
        COMPOUNDS_FILE_COLUMNS,
        COMPOUNDS_FILE_COLUMNS,
        make_schema(COMPOUNDS_FILE_COLUMNS, _COMPOUND_CHECKS, "compounds"),
        _COMPOUND_CHECKS,
        _compound_rows,
        _finish,
    ),
    "operators": Spec(
        "operators",
        OPERATORS_FILE_COLUMNS,
        OPERATORS_FILE_COLUMNS,
        make_schema(OPERATORS_FILE_COLUMNS, _OPERATOR_CHECKS, "operators"),
        _OPERATOR_CHECKS,
        _operator_rows,
        _finish,
    ),
    "designations": Spec(
        "designations",
        DESIGNATIONS_FILE_COLUMNS,
        DESIGNATIONS_FILE_COLUMNS,
        make_schema(DESIGNATIONS_FILE_COLUMNS, _DESIGNATION_CHECKS, "designations"),
        _DESIGNATION_CHECKS,
        _designation_rows,
        _finish,
    ),
}


def validate_registry_file(kind: str, path: str | Path) -> ValidationReport:
    """Validate one registry file of ``kind`` (``compounds``, ``operators``, ``designations``).

    Its warnings are emitted as ``UserWarning``.

    Parameters
    ----------
    kind : {"compounds", "operators", "designations"}
        Which registry schema to apply.
    path : str or pathlib.Path
        The CSV file.

    Returns
    -------
    ValidationReport
        The valid rows (cleaned), the rejected ones and every problem.

    Raises
    ------
    KeyError
        If ``kind`` is not one of the three.
    SourceValidationError
        For file-level problems (see :func:`compoundmap.sources.validate_sources`).

    Examples
    --------
    >>> report = validate_registry_file("operators", "data/raw/sources/operators.csv")
    >>> report.kind, report.ok
    ('operators', True)
    """
    report = validate(path, _SPECS[kind])
    emit_warnings(report)
    return report


def validate_compounds(path: str | Path) -> ValidationReport:
    """Validate a ``compounds.csv`` registry file (one row per physical site).

    Rules: unique permanent ``compound_id`` (compared ignoring case and Unicode
    look-alikes); a ``name``; codes from the MEF 2025 gazetteer that nest (commune in
    district in province); coordinates only as a pair inside Cambodia and only with
    ``location_precision = site``; a location backed by evidence (``location_report_id``,
    or ``location_source_url`` and ``location_quote``); withdrawn rows say why.
    Whether the coordinates fall inside the stated unit is checked by
    :func:`compoundmap.sitepoints.registry_point_problems` (it needs the boundaries), which
    ``compoundmap validate`` runs after this.

    Raises
    ------
    SourceValidationError
        For file-level problems (see :func:`compoundmap.sources.validate_sources`).
    """
    return validate_registry_file("compounds", path)


def validate_operators(path: str | Path) -> ValidationReport:
    """Validate an ``operators.csv`` file (companies, groups, designated persons)."""
    return validate_registry_file("operators", path)


def validate_designations(path: str | Path) -> ValidationReport:
    """Validate a ``designations.csv`` file (sanctions and official findings, each cited)."""
    return validate_registry_file("designations", path)


# ----------------------------------------------------------------------------- the registry


@dataclass
class Registry:
    """The curated registry, validated.

    Attributes
    ----------
    compounds, operators, designations : pandas.DataFrame
        Valid rows of each file (every column a string; ``source_row`` is the line).
    reports : dict of str to ValidationReport
        The validation report of each file (``compounds``, ``operators``,
        ``designations``), with its rejects and problems.
    folder : pathlib.Path or None
        Where the files were read from (``None`` for an empty registry).
    """

    compounds: pd.DataFrame
    operators: pd.DataFrame
    designations: pd.DataFrame
    reports: dict[str, ValidationReport] = field(default_factory=dict)
    folder: Path | None = None

    @property
    def problems(self) -> list[Problem]:
        """Every row-level problem of the three files."""
        return [p for r in self.reports.values() for p in r.problems]

    def ids(self, kind: str) -> set[str]:
        """Every id of ``compounds`` or ``operators``, withdrawn ones included."""
        frame = self.compounds if kind == "compounds" else self.operators
        column = "compound_id" if kind == "compounds" else "operator_id"
        return set(frame[column])

    def active(self, kind: str) -> pd.DataFrame:
        """The active rows of ``compounds``, ``operators`` or ``designations``."""
        frame: pd.DataFrame = getattr(self, kind)
        return frame[frame["record_status"] == "active"].reset_index(drop=True)


def _empty(columns: Iterable[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="str") for c in [*columns, "source_row"]})


def load_registry(folder: str | Path | None = None, *, strict: bool = False) -> Registry:
    """Read and validate ``compounds.csv``, ``operators.csv`` and ``designations.csv``.

    Parameters
    ----------
    folder : path, optional
        The folder holding the three files; default the bundled ``data/raw/sources``.
        A missing file reads as an empty registry of that kind.
    strict : bool, default False
        Raise if any row of any file is invalid (otherwise invalid rows are left out and
        listed in ``Registry.reports``).

    Returns
    -------
    Registry
        The valid rows of each file (every column a string, ``source_row`` the line; a
        missing file gives an empty frame of its columns), the validation report of each
        file read, and ``folder``.

    Raises
    ------
    SourceValidationError
        For file-level problems, and with ``strict=True`` for any invalid row.

    Examples
    --------
    >>> registry = load_registry()
    >>> registry.compounds["compound_id"].is_unique
    True
    """
    base = Path(folder) if folder is not None else raw_path("sources")
    frames: dict[str, pd.DataFrame] = {}
    reports: dict[str, ValidationReport] = {}
    columns = {
        "compounds": COMPOUNDS_FILE_COLUMNS,
        "operators": OPERATORS_FILE_COLUMNS,
        "designations": DESIGNATIONS_FILE_COLUMNS,
    }
    for kind, cols in columns.items():
        path = base / f"{kind}.csv"
        if not path.is_file():
            frames[kind] = _empty(cols)
            continue
        report = validate_registry_file(kind, path)
        reports[kind] = report
        frames[kind] = report.valid
    registry = Registry(
        frames["compounds"], frames["operators"], frames["designations"], reports, base
    )
    if strict and registry.problems:
        listing = "\n".join(str(p) for p in registry.problems)
        raise SourceValidationError(
            f"{base}: invalid registry rows:\n{listing}", list[object](registry.problems)
        )
    return registry
