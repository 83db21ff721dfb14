"""Streaming a curated CSV file record by record, with line numbers and file-level checks.

Used by every validator of curated files (:mod:`compoundmap.sources`,
:mod:`compoundmap.registry`). The file is read line by line as bytes and decoded here, so a
file of any size is read in constant memory and a bad byte is reported with its line and
offset. File-level faults (missing, unreadable, not UTF-8, no header, malformed quoting, a
field over the size limit, missing columns) raise :class:`~compoundmap.errors.SourceValidationError`
with one :class:`Problem`; header oddities that do not stop reading are returned as warnings.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .errors import SourceValidationError

__all__ = ["MAX_FIELD_CHARS", "CsvRecords", "Problem", "fail", "open_records"]

#: Longest field accepted, in characters (the csv module's own default limit). A longer field
#: in a curated file is almost always a quote left open that swallowed the rest of the file.
MAX_FIELD_CHARS = 131_072


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


def fail(path: str, row: int | None, message: str) -> SourceValidationError:
    """A file-level error carrying one :class:`Problem`."""
    problem = Problem(path, row, "", message)
    return SourceValidationError(str(problem), [problem])


@dataclass
class CsvRecords:
    """An open curated CSV: its header and an iterator over its records.

    Attributes
    ----------
    name : str
        The path as given.
    header : list of str
        Column names (stripped; a nameless column is ``unnamed_N``).
    header_line : int
        Line of the header.
    warnings : list of Problem
        Header oddities that do not stop validation (unknown or nameless columns).
    """

    name: str
    header: list[str]
    header_line: int
    warnings: list[Problem] = field(default_factory=list)
    _records: Iterator[tuple[int, list[str], str]] | None = None

    def __iter__(self) -> Iterator[tuple[int, list[str], str]]:
        """Yield ``(line, fields, width_message)`` for each non-blank record.

        ``fields`` is padded or cut to the header's width; ``width_message`` is non-empty
        when the record had another number of fields (its values are probably shifted).
        """
        assert self._records is not None
        return self._records


def _decoded_lines(fh: BinaryIO, name: str) -> Iterator[str]:
    """The file's lines as text, raising on the first byte that is not UTF-8."""
    offset = 0
    for number, raw in enumerate(fh, 1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw, offset = raw[3:], 3
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            byte = raw[exc.start : exc.start + 1].hex()
            raise fail(
                name,
                number,
                f"not valid UTF-8: byte 0x{byte} at byte offset {offset + exc.start} "
                f"(byte {exc.start + 1} of line {number}); "
                "save the file as UTF-8 (e.g. from a spreadsheet: 'CSV UTF-8')",
            ) from exc
        offset += len(raw)


def _csv_error(name: str, line: int, exc: csv.Error) -> SourceValidationError:
    """The error (returned, for the caller to raise) for a :class:`csv.Error` in the record
    starting at ``line``: a field over :data:`MAX_FIELD_CHARS` (an unclosed quote, most
    likely) or malformed quoting.
    """
    if "field larger than field limit" in str(exc):
        return fail(
            name,
            line,
            f"a field in the record starting here is longer than the CSV field-size limit "
            f"of {MAX_FIELD_CHARS:,} characters; no curated value is that long, so a quote "
            "is probably left open and swallowed the lines after it",
        )
    return fail(
        name,
        line,
        f"malformed CSV in the record starting here: {exc} "
        "(a quoted field is probably not closed, or a quote is not doubled)",
    )


def _header_hint(header: Sequence[str], columns: Sequence[str]) -> str:
    """Why a header may lack the required columns: case, delimiter, or a spreadsheet export."""
    lowered = {h.casefold() for h in header}
    if all(c in lowered for c in columns):
        return "; column names are case-sensitive: write them in lower case as listed"
    joined = ",".join(header)
    for sep, label in ((";", "semicolons"), ("\t", "tabs"), ("|", "'|'")):
        if joined.count(sep) >= len(columns) // 2:
            return (
                f"; the header looks separated by {label}: save the file as comma-separated "
                "CSV (a spreadsheet's 'CSV UTF-8 (comma delimited)')"
            )
    return ""


def _check_header(
    name: str, header: list[str], line: int, columns: Sequence[str], known: Sequence[str]
) -> list[Problem]:
    """Warnings about the columns of ``header`` that have no name or that the schema does
    not know; raise :class:`SourceValidationError` for a duplicate name or a missing
    required column.
    """
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise fail(name, line, f"duplicate column names: {', '.join(dupes)}")
    missing = [c for c in columns if c not in header]
    if missing:
        raise fail(
            name,
            line,
            f"missing required columns: {', '.join(missing)}; columns found: "
            f"{', '.join(header)}{_header_hint(header, columns)}",
        )
    found: list[Problem] = []
    for i, col in enumerate(header, 1):
        if col == f"unnamed_{i}":
            message = f"column {i} has no name (kept as {col!r}, not validated)"
        elif col not in columns and col not in known:
            message = f"unknown column {col!r} (kept, not validated)"
        else:
            continue
        found.append(Problem(name, line, col, message))
    return found


def open_records(path: str | Path, columns: Sequence[str], known: Sequence[str] = ()) -> CsvRecords:
    """Open a curated CSV and check its header; records are read lazily by iterating.

    Parameters
    ----------
    path : str or Path
        The file.
    columns : sequence of str
        Columns the header must contain (in any order).
    known : sequence of str, optional
        Further columns the schema knows (not required); any other is an unknown column.

    Returns
    -------
    CsvRecords
        Iterate it once, inside no other read of the same file.

    Raises
    ------
    SourceValidationError
        For file-level faults, each message naming the file, the line and what to do.
    """
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise fail(name, None, "file not found")
    if not p.is_file():
        raise fail(name, None, "not a regular file")
    try:
        fh = open(p, "rb")
    except OSError as exc:
        raise fail(name, None, f"cannot read the file: {exc.strerror or exc}") from exc
    csv.field_size_limit(MAX_FIELD_CHARS)
    reader = csv.reader(_decoded_lines(fh, name), strict=True)
    line, start = 1, 1
    header: list[str] | None = None
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if all(f.strip() == "" for f in fields):
                continue  # blank line, or a row of empty cells a spreadsheet left: no data
            header = [h.strip() or f"unnamed_{i}" for i, h in enumerate(fields, 1)]
            break
    except csv.Error as exc:
        fh.close()
        raise _csv_error(name, start, exc) from exc
    except (OSError, SourceValidationError):
        fh.close()
        raise
    if header is None:
        fh.close()
        raise fail(
            name,
            None,
            "file has no header row (it is empty, or holds only a byte-order mark, blank "
            f"lines or separators); expected a header row: {', '.join(columns)}",
        )
    try:
        warnings = _check_header(name, header, line, columns, known)
    except SourceValidationError:
        fh.close()
        raise
    records = _records(reader, fh, name, len(header), start)
    return CsvRecords(name, header, line, warnings, records)


def _records(
    reader: Iterator[list[str]], fh: BinaryIO, name: str, width: int, start: int
) -> Iterator[tuple[int, list[str], str]]:
    """Yield ``(line, fields, message)`` for each record with data, fitted to ``width``
    fields (``message`` says why a row had too few or too many, ``""`` when it fits);
    read faults raise :class:`SourceValidationError`. Closes ``fh`` when done.
    """
    line_num = getattr(reader, "line_num", 0)
    try:
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _csv_error(name, start, exc) from exc
            except OSError as exc:
                raise fail(name, start, f"cannot read the file: {exc.strerror or exc}") from exc
            line_num = reader.line_num  # type: ignore[attr-defined]
            line, start = start, line_num + 1
            if all(f.strip() == "" for f in fields):
                continue
            message = ""
            if len(fields) != width:
                message = f"row has {len(fields)} fields but the header has {width}"
                extra = fields[width:]
                if extra:  # keep what does not fit in the reject reason, so nothing is lost
                    message += f"; extra values: {', '.join(repr(v) for v in extra)}"
                fields = (fields + [""] * width)[:width]
            yield line, fields, message
    finally:
        fh.close()
