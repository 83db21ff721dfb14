"""The chunked validation run shared by every curated file (reports, overrides, registry).

A file is read record by record (:mod:`compoundmap._csvfile`) and validated a chunk at a
time: per-column rules through a pandera schema, control characters, then the file kind's
own rules across columns and rows. Memory is bounded by one chunk plus the rejected rows.
"""

from __future__ import annotations

import itertools
import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd
import pandera.pandas as pa

from . import _checks as ck
from ._csvfile import CsvRecords, Problem, open_records
from ._progress import progress_bar

Kind = Literal["reports", "overrides", "compounds", "operators", "designations"]
Checks = dict[str, dict[str, Callable[[str], "str | None"]]]
Found = list[tuple[int, str, str]]  # (record index in its chunk, column, message)

#: Records validated at a time: memory is bounded by one chunk, whatever the file's length.
CHUNK_ROWS = 20_000
#: Files at least this large show a progress bar when validated from a terminal.
PROGRESS_MIN_BYTES = 5_000_000


# --------------------------------------------------------------------------- report


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
        ``source_row`` (line number) and, for reports, ``date_precision``. Empty (with the
        columns) when the file was only checked (:func:`check_file`).
    rejects : pandas.DataFrame
        Rows that failed, exactly as in the file, plus ``source_row`` and ``reject_reason``
        (every problem of the row, ``column: message`` joined by ``"; "``).
    problems : list of Problem
        Every row-level problem, ordered by row and column.
    warnings : list of Problem
        Things that do not reject a row and that a curator should look at (unknown extra
        columns, which are kept; an event dated after its source). Emitted as
        ``UserWarning`` by the validating functions.
    n_valid : int
        Number of valid rows (equals ``len(valid)`` unless the rows were not kept).
    notes : list of Problem
        Information, not emitted as warnings: columns of the current schema that an older
        file does not have (read as empty, as documented).
    """

    path: str
    kind: Kind
    valid: pd.DataFrame
    rejects: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    n_valid: int = -1
    notes: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.n_valid < 0:
            self.n_valid = len(self.valid)

    @property
    def ok(self) -> bool:
        """True when no row was rejected."""
        return not self.problems

    @property
    def n_rows(self) -> int:
        """Number of records in the file (valid + rejected)."""
        return self.n_valid + len(self.rejects)

    def summary(self) -> str:
        """One line: ``path: N rows (kind), V valid, R rejected, P problems``."""
        text = (
            f"{self.path}: {self.n_rows} rows ({self.kind}), {self.n_valid} valid, "
            f"{len(self.rejects)} rejected"
        )
        if self.problems:
            text += f", {_plural(len(self.problems), 'problem')}"
        if self.warnings:
            text += f", {_plural(len(self.warnings), 'warning')}"
        return text


def _plural(n: int, word: str) -> str:
    """``n`` and ``word``, with an ``s`` unless ``n`` is 1.

    Examples
    --------
    >>> _plural(1, "problem"), _plural(2, "problem")
    ('1 problem', '2 problems')
    """
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# --------------------------------------------------------------------------- schemas


def element_check(key: str, fn: Callable[[str], str | None]) -> pa.Check:
    """A pandera check applying ``fn`` to each cell (``None`` means valid), tagged ``key``."""
    # `error` carries the key so failure cases can be turned back into messages.
    return pa.Check(lambda v: fn(v) is None, element_wise=True, error=key)


def make_schema(columns: tuple[str, ...], checks: Checks, name: str) -> pa.DataFrameSchema:
    """A pandera schema of text ``columns``, each with the element checks of ``checks``.

    Columns not listed are allowed (and kept); values are not coerced.
    """
    return pa.DataFrameSchema(
        {
            col: pa.Column(
                str,
                checks=[
                    element_check(f"{col}.{key}", fn) for key, fn in checks.get(col, {}).items()
                ],
            )
            for col in columns
        },
        name=name,
        strict=False,  # unknown extra columns are kept (and warned about)
        coerce=False,
    )


def run_schema(schema: pa.DataFrameSchema, checks: Checks, clean: pd.DataFrame) -> Found:
    """(record index, column, message) for every per-column failure."""
    try:
        schema.validate(clean, lazy=True)
    except pa.errors.SchemaErrors as exc:
        found: Found = []
        for case in exc.failure_cases.itertuples(index=False):
            col, key, value = str(case.column), str(case.check), case.failure_case
            fn = checks.get(col, {}).get(key.partition(".")[2])
            message = fn(str(value)) if fn is not None else None
            if message is None:  # a pandera-level failure we did not define
                message = f"{key} failed for value {value!r}"
            if pd.isna(case.index):
                # Not about one row (a column-level failure): report it on every row.
                found += [(i, col, message) for i in range(len(clean))]
            else:
                found.append((int(case.index), col, message))
        return found
    return []


def _control_problems(clean: pd.DataFrame) -> Found:
    """(record index, column, message) for every cell holding a control character other than
    tab and line breaks (:func:`compoundmap._checks.control_message`).
    """
    found: Found = []
    for col in clean.columns:
        hits = clean[col].str.contains(ck.CONTROL_RE, regex=True, na=False)
        for i in hits.to_numpy().nonzero()[0]:
            message = ck.control_message(str(clean[col].iat[int(i)]))
            if message:
                found.append((int(i), str(col), message))
    return found


# --------------------------------------------------------------------------- the chunked run


@dataclass
class Spec:
    """What differs between the kinds of curated file."""

    kind: Kind
    required: tuple[str, ...]
    columns: tuple[str, ...]
    schema: pa.DataFrameSchema
    checks: Checks
    row_checks: Callable[[pd.DataFrame, list[int], RunState], Found]
    finish: Callable[[pd.DataFrame], pd.DataFrame]


@dataclass
class RunState:
    """What row checks share across the chunks of one file."""

    name: str
    absent: frozenset[str]  # optional columns the file does not have
    seen: dict[str, int] = field(default_factory=dict)  # id key -> line of first use
    warnings: list[Problem] = field(default_factory=list)


def _chunks(records: CsvRecords) -> Iterator[list[tuple[int, list[str], str]]]:
    """The records of a file in lists of :data:`CHUNK_ROWS` (the last one shorter)."""
    iterator = iter(records)
    while chunk := list(itertools.islice(iterator, CHUNK_ROWS)):
        yield chunk


def _frame(rows: list[list[str]], header: list[str]) -> pd.DataFrame:
    """Records' fields as a frame of ``str`` columns named by ``header``, indexed from 0.

    Examples
    --------
    >>> _frame([["CR-1", "raid"]], ["report_id", "event_type"]).to_dict("records")
    [{'report_id': 'CR-1', 'event_type': 'raid'}]
    """
    return pd.DataFrame(
        {col: pd.Series([r[i] for r in rows], dtype="str") for i, col in enumerate(header)},
        index=pd.RangeIndex(len(rows)),
    )


def _progress(path: Path, progress: bool | None) -> Any:
    """A progress bar counting validated rows (a no-op unless shown; see ``_progress``)."""
    if progress is None:
        try:
            progress = os.path.getsize(path) >= PROGRESS_MIN_BYTES
        except OSError:
            progress = False
    return progress_bar(None, f"validating {path.name}", " rows", show=progress)


def validate(
    path: str | Path,
    spec: Spec,
    *,
    keep_valid: bool = True,
    progress: bool | None = None,
    sink: Callable[[pd.DataFrame], None] | None = None,
) -> ValidationReport:
    """Validate a curated file chunk by chunk.

    With ``sink``, each chunk's valid rows, cleaned and finished, are handed to it (at
    least one, possibly empty, frame) instead of being kept: the report's ``valid`` is
    then empty and ``n_valid`` counts them.
    """
    name = str(path)
    records = open_records(path, spec.required, spec.columns)
    header = records.header
    absent = [c for c in spec.columns if c not in header]
    warn = list(records.warnings)
    notes: list[Problem] = []
    if absent:
        notes.append(
            Problem(
                name,
                records.header_line,
                "",
                f"columns of the current schema are missing and read as empty: "
                f"{', '.join(absent)} (data/raw/sources/README.md)",
            )
        )
    order = [*spec.columns, *[h for h in header if h not in spec.columns]]
    position = {col: i for i, col in enumerate(order)}
    state = RunState(name, frozenset(absent), warnings=warn)
    valid_parts: list[pd.DataFrame] = []
    reject_parts: list[pd.DataFrame] = []
    problems: list[Problem] = []
    n_valid = 0
    sunk = False
    bar = _progress(Path(path), progress)
    for chunk in _chunks(records):
        lines = [line for line, _, _ in chunk]
        raw = _frame([fields for _, fields, _ in chunk], header)
        clean = raw.apply(lambda s: s.str.strip()) if len(raw) else raw.copy()
        for col in absent:
            clean[col] = ""
        clean = clean[order]
        found = run_schema(spec.schema, spec.checks, clean)
        found += _control_problems(clean)
        found += spec.row_checks(clean, lines, state)
        # A row with the wrong number of fields has its values shifted: report only that.
        width = {i: msg for i, (_, _, msg) in enumerate(chunk) if msg}
        found = [t for t in found if t[0] not in width]
        found += [(i, "", msg) for i, msg in width.items()]
        found.sort(key=lambda t: (t[0], position.get(t[1], -1)))
        problems += [Problem(name, lines[i], col, msg) for i, col, msg in found]
        reasons: dict[int, list[str]] = {}
        for i, col, msg in found:
            reasons.setdefault(i, []).append(f"{col}: {msg}" if col else msg)
        bad = pd.Series(False, index=raw.index)
        bad[list(reasons)] = True
        source_row = pd.Series(lines, dtype="int64")
        n_valid += int((~bad).sum())
        if sink is not None:
            part = clean[~bad].copy()
            part["source_row"] = source_row[~bad].astype("int64")
            sink(spec.finish(part.reset_index(drop=True)))
            sunk = True
        elif keep_valid:
            part = clean[~bad].copy()
            part["source_row"] = source_row[~bad]
            valid_parts.append(part)
        rejected = raw[bad].copy()
        rejected["source_row"] = source_row[bad]
        rejected["reject_reason"] = pd.Series(
            {i: "; ".join(r) for i, r in reasons.items()}, dtype="str"
        ).reindex(rejected.index)
        reject_parts.append(rejected)
        bar.update(len(chunk))
    bar.close()
    empty_valid = pd.DataFrame({c: pd.Series(dtype="str") for c in [*order, "source_row"]})
    if sink is not None and not sunk:
        first = empty_valid.copy()
        first["source_row"] = first["source_row"].astype("int64")
        sink(spec.finish(first))
    valid = pd.concat(valid_parts, ignore_index=True) if valid_parts else empty_valid
    valid["source_row"] = valid["source_row"].astype("int64")
    reject_cols = [*header, "source_row", "reject_reason"]
    rejects = (
        pd.concat(reject_parts, ignore_index=True)
        if reject_parts
        else pd.DataFrame({c: pd.Series(dtype="str") for c in reject_cols})
    )
    return ValidationReport(
        name, spec.kind, spec.finish(valid), rejects, problems, warn, n_valid=n_valid, notes=notes
    )


def emit_warnings(report: ValidationReport) -> None:
    """Emit each of the report's warnings as a ``UserWarning`` (at the validating call)."""
    for problem in report.warnings:
        warnings.warn(str(problem), UserWarning, stacklevel=3)
