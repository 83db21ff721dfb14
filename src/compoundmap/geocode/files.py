"""Geocoding a CSV file: read it, geocode one column with its context columns, write the
input plus the geocoder's columns atomically. What ``compoundmap geocode --input`` runs.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from ..errors import DataFileError, GeocodeWarning
from ..publish import atomic_file
from .frame import FRAME_COLUMNS, geocode_frame

__all__ = ["geocode_csv"]


def geocode_csv(
    input: str | Path,
    column: str,
    output: str | Path,
    *,
    province: object = None,
    district: object = None,
    province_column: str | None = None,
    district_column: str | None = None,
    places: bool = False,
) -> tuple[pd.DataFrame, list[str]]:
    """Geocode ``column`` of the CSV file ``input`` into the CSV file ``output``.

    Every input row is in the output (one row per place named with ``places``, keeping
    ``input_row`` and ``place_index``); the output is written only when the whole file is
    done (a temporary file renamed into place), so an interrupted run leaves no partial file.

    Parameters
    ----------
    input, output : str or Path
        The CSV to read (UTF-8, a BOM allowed; every value read as text) and to write.
    column : str
        The column of place strings.
    province, district : str, optional
        Context for every row, as :func:`compoundmap.geocode.geocode` takes it.
    province_column, district_column : str, optional
        Columns of per-row context (a value naming nothing is a warning for its row).
    places : bool
        One output row per place a field names (as ``build`` reads a field).

    Returns
    -------
    (pandas.DataFrame, list of str)
        The table written, and the warnings of the run (one per row whose context names
        nothing), each prefixed with the input file's name.

    Raises
    ------
    DataFileError
        If ``input`` cannot be read as CSV.
    MissingColumnError
        If ``column`` or a context column is not in the file.
    """
    try:
        df = pd.read_csv(input, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(f"{input}: cannot read CSV: {exc}") from exc
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", GeocodeWarning)
        out = geocode_frame(
            df,
            column,
            province_column=province_column,
            district_column=district_column,
            province=province,
            district=district,
            places=places,
        )
    extra = ["input_row", "place_index"] if places else []
    cols = [*df.columns, *[c for c in [*extra, *FRAME_COLUMNS] if c not in df.columns]]
    with atomic_file(output, inputs=[Path(input)]) as tmp:
        out[cols].to_csv(tmp, index=False)
    return out[cols], [f"{input}: {w.message}" for w in caught]
