"""Reading and validating the analysts' location overrides, ``location_overrides.csv``: manual
fixes to geocoding, each with its evidence.

Read in the first step of the flow, next to the reports (:mod:`compoundmap.sources`, whose
:func:`~compoundmap.sources.validate_file` tells the two files apart by their header); every
problem is reported as ``file:row:column: message``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from . import _checks as ck
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
from .schema import OVERRIDES_COLUMNS

__all__ = [
    "OVERRIDES_COLUMNS",
    "OVERRIDES_SCHEMA",
    "OVERRIDES_SPEC",
    "default_overrides_path",
    "load_overrides",
    "validate_overrides",
]

_PRECISION_LABEL = {1: "point", 2: "commune", 3: "district", 4: "province"}

_OVERRIDE_CHECKS: Checks = {
    "location_text": {"required": ck.nonempty_message},
    "evidence": {"required": ck.nonempty_message},
    "code": {"code": ck.code_message},
    "precision": {
        "precision": lambda v: (
            None
            if v in ("", "1", "2", "3", "4")
            else f"{v!r} is not a precision: use 1 (point), 2 (commune), 3 (district), 4 (province)"
        )
    },
}

OVERRIDES_SCHEMA: pa.DataFrameSchema = make_schema(OVERRIDES_COLUMNS, _OVERRIDE_CHECKS, "overrides")
"""Per-column rules of ``location_overrides.csv`` (values as stripped strings)."""


def default_overrides_path() -> Path:
    """Path of the bundled analyst overrides, ``data/raw/sources/location_overrides.csv``."""
    return raw_path("sources", "location_overrides.csv")


def _override_row_checks(clean: pd.DataFrame, lines: list[int], state: RunState) -> Found:
    found: Found = []
    columns = [
        "code",
        "latitude",
        "longitude",
        "precision",
        "location_text",
        "province_as_reported",
    ]
    for i, (code, lat, lon, prec, text, prov) in enumerate(
        clean[columns].itertuples(index=False, name=None)
    ):
        found += [(i, col, msg) for col, msg in ck.point_problems(lat, lon)]
        has_point = lat != "" and lon != ""
        if code == "" and not has_point:
            found.append((i, "code", "give a code, or latitude and longitude, or both"))
        elif code != "" and prec in ("1", "2", "3", "4") and ck.code_message(code) is None:
            implied = ck.CODE_PRECISION[len(code)]
            if not has_point and int(prec) < implied:
                found.append(
                    (
                        i,
                        "precision",
                        f"precision {prec} ({_PRECISION_LABEL[int(prec)]}) is finer than code "
                        f"{code!r} ({_PRECISION_LABEL[implied]}) and no point is given",
                    )
                )
        if text == "":
            continue
        key = f"{text.casefold()}\x1f{prov.casefold()}"
        seen = state.seen
        if key in seen:
            found.append(
                (
                    i,
                    "location_text",
                    f"duplicate override for {text!r}"
                    + (f" in {prov!r}" if prov else "")
                    + f": first given on line {seen[key]}",
                )
            )
        else:
            seen[key] = lines[i]
    return found


def _finish_overrides(valid: pd.DataFrame) -> pd.DataFrame:
    precision = []
    for code, lat, prec in zip(valid["code"], valid["latitude"], valid["precision"], strict=True):
        if prec:
            precision.append(int(prec))
        else:
            precision.append(1 if lat else ck.CODE_PRECISION[len(code)])
    valid["precision"] = pd.array(precision, dtype="Int64")
    for col in ("latitude", "longitude"):
        valid[col] = pd.array([float(v) if v else pd.NA for v in valid[col]], dtype="Float64")
    return valid


OVERRIDES_SPEC = Spec(
    "overrides",
    OVERRIDES_COLUMNS,
    OVERRIDES_COLUMNS,
    OVERRIDES_SCHEMA,
    _OVERRIDE_CHECKS,
    _override_row_checks,
    _finish_overrides,
)


def validate_overrides(path: str | Path) -> ValidationReport:
    """Validate a ``location_overrides.csv`` file without raising on row problems.

    Same reading rules and report as :func:`validate_sources`; see :func:`load_overrides`
    for the schema.
    """
    report = validate(path, OVERRIDES_SPEC)
    emit_warnings(report)
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
