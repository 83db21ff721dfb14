"""The spreadsheet edition of a release: ``compoundmap.xlsx``, one sheet per table.

Written beside the CSVs by :func:`compoundmap.exports.write_exports`. Codes stay text
(``"07"`` is never the number 7), counts and coordinates are numbers, text goes through the
same formula guard as the CSVs (:func:`compoundmap.writers.spreadsheet_value`), and a
README sheet carries the release, the licences and the data dictionary. Document
properties and zip timestamps are fixed, so the same tables give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from .._progress import PROGRESS_MIN_ROWS, progress_bar
from .._util import is_missing
from ..datapackage import ATTRIBUTION_SOURCES, LICENSES
from ..fields import FIELD_DESCRIPTIONS, PRIMARY_KEYS, TABLE_COLUMNS, TABLE_TEXT
from ..writers import spreadsheet_value
from ._common import TablesLike, n_rows, table_chunks

__all__ = [
    "CONSTANT_MEMORY_ROWS",
    "EXCEL_CELL_LIMIT",
    "MAX_SHEET_ROWS",
    "README_SHEET",
    "XLSX_NAME",
    "n_rows",
    "write_xlsx",
]

#: File name of the workbook in the processed folder.
XLSX_NAME = "compoundmap.xlsx"
#: Name of the first sheet (release, licences, data dictionary).
README_SHEET = "README"
#: Characters Excel keeps in one cell; a longer value is cut with a note (none is today).
EXCEL_CELL_LIMIT = 32_767
#: Rows of a table a sheet holds. The workbook is for reading and filtering in a
#: spreadsheet: a longer table (Excel itself stops at 1,048,576 rows) is cut there, with
#: a note in the sheet's last row and in the README sheet; the CSV, GeoJSON, Parquet and
#: GeoPackage files hold every row.
MAX_SHEET_ROWS = 100_000
#: From this many rows in one table, the workbook is written row by row to temporary
#: files (XlsxWriter's ``constant_memory``: strings inline, memory flat).
CONSTANT_MEMORY_ROWS = 20_000

_COORDS = frozenset({"latitude", "longitude"})
_MAX_WIDTH = 60
_WIDTH_SAMPLE = 200


def _fit(text: str, table: str) -> str:
    """``text`` cut to Excel's cell limit, saying where the whole value is."""
    if len(text) <= EXCEL_CELL_LIMIT:
        return text
    note = f" … [cut at Excel's cell limit; the whole value is in {table}.csv]"
    return text[: EXCEL_CELL_LIMIT - len(note)] + note


class _Formats:
    """The few cell formats the workbook uses (created once per workbook)."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.header = book.add_format({"bold": True, "bg_color": "#DDDDDD", "border": 1})
        self.text = book.add_format({"num_format": "@"})
        self.integer = book.add_format({"num_format": "0"})
        self.coordinate = book.add_format({"num_format": "0.000000"})
        self.number = book.add_format({"num_format": "0.0"})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top", "num_format": "@"})

    def for_kind(self, kind: str, column: str) -> Format:
        if kind == "integer":
            return self.integer
        if kind == "number":
            return self.coordinate if column in _COORDS else self.number
        return self.text


def _write_cell(
    sheet: Worksheet, row: int, col: int, value: object, kind: str, column: str, fmt: Format
) -> None:
    """One cell with its declared type; a missing value leaves the cell empty."""
    if is_missing(value):
        return
    if kind in ("integer", "number"):
        sheet.write_number(row, col, float(value), fmt)  # type: ignore[arg-type]
    elif kind == "boolean":
        sheet.write_boolean(row, col, bool(value))
    else:
        sheet.write_string(row, col, _fit(spreadsheet_value(value, column), sheet.name), fmt)


def _widths(frame: pd.DataFrame, columns: Sequence[str]) -> list[int]:
    sample = frame.head(_WIDTH_SAMPLE)
    out = []
    for col in columns:
        longest = max((len(str(v)) for v in sample[col] if not is_missing(v)), default=0)
        out.append(min(max(len(col), longest) + 2, _MAX_WIDTH))
    return out


def _table_sheet(
    book: xlsxwriter.Workbook, formats: _Formats, name: str, tables: TablesLike, bar: Any
) -> None:
    sheet = book.add_worksheet(name)
    columns = TABLE_COLUMNS[name]
    kinds = [FIELD_DESCRIPTIONS[name][c][0] for c in columns]
    cell_formats = [formats.for_kind(k, c) for k, c in zip(kinds, columns, strict=True)]
    written = 0
    for chunk in table_chunks(tables, name):
        if written == 0:
            for j, (col, width, fmt) in enumerate(
                zip(columns, _widths(chunk, columns), cell_formats, strict=True)
            ):
                sheet.set_column(j, j, width, fmt)
                sheet.write_string(0, j, col, formats.header)
        frame = chunk[columns].iloc[: max(MAX_SHEET_ROWS - written, 0)]
        for i, row in enumerate(frame.itertuples(index=False, name=None), start=written + 1):
            for j, value in enumerate(row):
                _write_cell(sheet, i, j, value, kinds[j], columns[j], cell_formats[j])
        written += len(frame)
        bar.update(len(frame))
    total = n_rows(tables, name)
    if total > written:
        note = f"… {total - written:,} more rows: the sheet stops at {MAX_SHEET_ROWS:,} rows"
        sheet.write_string(written + 1, 0, f"{note}; every row is in {name}.csv", formats.bold)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(written, 1), len(columns) - 1)


def _readme_rows(tables: TablesLike, package_version: str) -> list[tuple[str, ...]]:
    release = tables.release
    rows: list[tuple[str, ...]] = [
        ("Reported forced-labour scam compounds in Cambodia (compoundmap)",),
        (),
        ("data release", release.get("version", "")),
        ("data as of", release.get("created", "")[:10]),
        ("curated files digest (SHA-256)", release.get("sources_sha256", "")),
        ("written by", f"compoundmap {package_version}"),
        (),
        (
            "Every row cites its source; allegations stay allegations (the data records "
            "what sources report). Codes are text: MEF 2025 codes keep their leading zeros "
            "and OCHA/HDX p-codes are beside them. A text cell that would start with = + - @ "
            "carries a leading apostrophe so that it is never run as a formula.",
        ),
        (),
        ("Licences",),
        ("name", "title", "link"),
        *((lic["name"], lic["title"], lic["path"]) for lic in LICENSES),
        (),
        ("Sources",),
        ("title", "link"),
        *((src["title"], src["path"]) for src in ATTRIBUTION_SOURCES),
        (),
        ("Sheets",),
        ("sheet", "rows", "key", "what"),
    ]
    for name in TABLE_COLUMNS:
        key = ", ".join(PRIMARY_KEYS[name])
        total = n_rows(tables, name)
        what = TABLE_TEXT[name]
        if total > MAX_SHEET_ROWS:
            what += f" The sheet holds the first {MAX_SHEET_ROWS:,} rows; {name}.csv holds all."
        rows.append((name, str(total), key, what))
    rows += [(), ("Data dictionary",), ("sheet", "field", "type", "description")]
    for name, fields in FIELD_DESCRIPTIONS.items():
        rows += [(name, field, kind, text) for field, (kind, text) in fields.items()]
    return rows


_README_HEADINGS = frozenset({"Licences", "Sources", "Sheets", "Data dictionary"})
_README_COLUMN_HEADS = frozenset({"name", "title", "sheet"})


def _readme_sheet(
    book: xlsxwriter.Workbook, formats: _Formats, tables: TablesLike, package_version: str
) -> None:
    sheet = book.add_worksheet(README_SHEET)
    for j, width in enumerate((34, 30, 16, 100)):
        sheet.set_column(j, j, width, formats.wrap if j == 3 else formats.text)
    for i, row in enumerate(_readme_rows(tables, package_version)):
        fmt: Format | None = None
        if i == 0:
            fmt = formats.title
        elif len(row) == 1 and row[0] in _README_HEADINGS:
            fmt = formats.bold
        elif row and row[0] in _README_COLUMN_HEADS and len(row) > 1:
            fmt = formats.header
        for j, value in enumerate(row):
            if value.isdigit() and row[0] in TABLE_COLUMNS and j == 1:
                sheet.write_number(i, j, int(value))
            else:
                sheet.write_string(i, j, spreadsheet_value(value, ""), fmt)
    sheet.activate()


def _created(release: dict[str, str]) -> dt.datetime:
    """The release date as the workbook's creation time (fixed, so the bytes are too)."""
    try:
        return dt.datetime.strptime(release.get("created", "")[:10], "%Y-%m-%d")
    except ValueError:
        return dt.datetime(2000, 1, 1)


def write_xlsx(tables: TablesLike, path: Path) -> Path:
    """Write every published table as a sheet of one workbook, after a README sheet.

    Parameters
    ----------
    tables : Tables
        From :func:`compoundmap.pipeline.build_tables`.
    path : Path
        The ``.xlsx`` file to write.

    Returns
    -------
    Path
        ``path``.

    Notes
    -----
    A workbook of ``PROGRESS_MIN_ROWS`` (50,000) table rows or more shows a progress bar
    on stderr when run from a terminal.

    Examples
    --------
    >>> write_xlsx(build_tables(), Path("/tmp/compoundmap.xlsx"))  # doctest: +SKIP
    PosixPath('/tmp/compoundmap.xlsx')
    """
    from .. import __version__

    large = any(n_rows(tables, name) > CONSTANT_MEMORY_ROWS for name in TABLE_COLUMNS)
    options: dict[str, Any] = {
        "constant_memory": large,
        "strings_to_numbers": False,
        "strings_to_formulas": False,
        "strings_to_urls": False,
    }
    book = xlsxwriter.Workbook(str(path), options)
    version = tables.release.get("version", "")
    book.set_properties(
        {
            "title": "Reported forced-labour scam compounds in Cambodia",
            "subject": f"compoundmap data release {version}",
            "author": "compoundmap contributors",
            "company": "compoundmap",
            "keywords": "Cambodia, scam compounds, forced labour, human trafficking",
            "comments": f"Data release {version}; CC BY 4.0 (see the README sheet).",
            "created": _created(tables.release),
        }
    )
    formats = _Formats(book)
    _readme_sheet(book, formats, tables, __version__)
    rows = sum(min(n_rows(tables, name), MAX_SHEET_ROWS) for name in TABLE_COLUMNS)
    bar = progress_bar(rows, f"writing {path.name}", " rows", show=rows >= PROGRESS_MIN_ROWS)
    for name in TABLE_COLUMNS:
        bar.set_postfix_str(name)
        _table_sheet(book, formats, name, tables, bar)
    bar.set_postfix_str("compressing")
    book.close()
    bar.close()
    return path
