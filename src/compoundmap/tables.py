"""Reading published tables back with the right types.

``pd.read_csv`` turns the code ``07`` into ``7.0`` and ``0102`` into ``102``;
:func:`read_table` reads every column with the type ``datapackage.json`` declares (codes
stay text with their leading zeros, counts are nullable integers) and undoes the
spreadsheet formula guard (:func:`compoundmap.writers.spreadsheet_safe`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._data import project_root
from .errors import DataFileError
from .fields import FIELD_DESCRIPTIONS
from .writers import FORMULA_TRIGGERS

__all__ = ["pandas_dtypes", "read_table"]

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


def pandas_dtypes(table: str) -> dict[str, str]:
    """The pandas dtype of every column of a published table.

    Examples
    --------
    >>> pandas_dtypes("province_summary")["province_code"]
    'string'
    """
    if table not in FIELD_DESCRIPTIONS:
        raise DataFileError(
            f"unknown table {table!r}; published tables: {', '.join(FIELD_DESCRIPTIONS)}"
        )
    return {col: _DTYPES[kind] for col, (kind, _) in FIELD_DESCRIPTIONS[table].items()}


def _unguard(value: object) -> object:
    if (
        isinstance(value, str)
        and value.startswith("'")
        and value.lstrip("'")[:1] in FORMULA_TRIGGERS
    ):
        return value[1:]
    return value


def read_table(name: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Read a published CSV table with the types its data dictionary declares.

    Parameters
    ----------
    name : str
        ``reports``, ``report_locations``, ``events``, ``compounds``, ``compound_events``,
        ``operators``, ``designations``, ``province_summary``, ``district_summary`` or
        ``rejects``.
    folder : path, optional
        The processed folder; default ``data/processed`` of the checkout.

    Returns
    -------
    pandas.DataFrame
        Codes and other text as ``string`` (leading zeros kept), counts as ``Int64``,
        numbers as ``Float64``, flags as ``boolean``; empty cells are missing values.

    Raises
    ------
    DataFileError
        If the table is unknown or its file is missing.

    Examples
    --------
    >>> summary = read_table("province_summary")  # doctest: +SKIP
    >>> summary["province_code"].iloc[0]  # doctest: +SKIP
    '01'

    The same with pandas alone: ``pd.read_csv(path, dtype=str, keep_default_na=False)``
    keeps every value as written.
    """
    dtypes = pandas_dtypes(name)
    if folder is None:
        root = project_root()
        if root is None:
            raise DataFileError("no folder given and not running from a checkout")
        folder = root / "data" / "processed"
    path = Path(folder) / f"{name}.csv"
    if not path.is_file():
        raise DataFileError(f"{path}: not found; run `compoundmap build` first")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    out = pd.DataFrame(index=raw.index)
    for col in raw.columns:
        kind = dtypes.get(col, "string")
        values = raw[col]
        if kind == "string":
            out[col] = values.map(_unguard).astype("string")
        elif kind == "boolean":
            out[col] = values.map({"true": True, "false": False, "": None}).astype("boolean")
        else:
            out[col] = pd.to_numeric(values.replace("", None)).astype(kind)  # type: ignore[call-overload]
    return out
