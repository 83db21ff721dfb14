"""Every curated file at once: tell a file's kind by its header, validate a whole folder.

Sources stage of the flow, over :mod:`compoundmap.sources` (reports, overrides) and
:mod:`compoundmap.registry` (sites, operators, designations), plus the data changelog
``changes.csv``. What ``compoundmap validate`` runs: every file's own rules, then the
links between them (unknown registry ids, names a report does not link to, duplicated
citations, mirror and index URLs).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import _checks as ck
from ._csvfile import Problem
from ._validation import (
    Checks,
    RunState,
    Spec,
    ValidationReport,
    _plural,
    make_schema,
    validate,
)
from .citations import MIRROR_HOSTS, citation_warnings
from .links import check_links
from .registry import load_registry, validate_registry_file
from .sources import check_file as _check_source
from .sources import default_sources_path, validate_sources

__all__ = [
    "CHANGES_COLUMNS",
    "MIRROR_HOSTS",
    "FolderReport",
    "citation_warnings",
    "sniff_kind",
    "validate_any",
    "validate_folder",
]

#: Columns of ``changes.csv``, the changelog of the curated data.
CHANGES_COLUMNS: tuple[str, ...] = (
    "record_id",
    "field",
    "old_value",
    "new_value",
    "reason",
    "evidence_url",
    "curator",
    "changed_on",
)
_KINDS = {
    "reports": {"report_id"},
    "overrides": {"evidence", "location_text"},
    "compounds": {"compound_id", "location_precision"},
    "operators": {"operator_id", "kind"},
    "designations": {"designation_id", "authority"},
    "changes": {"record_id", "field", "old_value"},
}


def sniff_kind(path: str | Path) -> str:
    """Which curated file this is, from its header (``reports`` when unsure).

    Examples
    --------
    >>> sniff_kind(default_sources_path())
    'reports'
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            header = {h.strip() for h in next(csv.reader(fh), [])}
    except (OSError, UnicodeDecodeError, csv.Error, StopIteration):
        return "reports"  # the full read raises the proper file-level error
    for kind in ("compounds", "operators", "designations", "changes", "overrides"):
        if _KINDS[kind] <= header and "report_id" not in header:
            return kind
    return "reports"


def _change_rows(
    clean: pd.DataFrame, lines: list[int], state: RunState
) -> list[tuple[int, str, str]]:
    return []


_CHANGE_CHECKS: Checks = {
    "record_id": {"required": ck.nonempty_message},
    "field": {"required": ck.nonempty_message},
    "reason": {"required": ck.nonempty_message},
    "evidence_url": {"url": ck.url_message},
    "changed_on": {"date": ck.date_message},
}
_CHANGES = Spec(
    "changes",  # type: ignore[arg-type]
    CHANGES_COLUMNS,
    CHANGES_COLUMNS,
    make_schema(CHANGES_COLUMNS, _CHANGE_CHECKS, "changes"),
    _CHANGE_CHECKS,
    _change_rows,
    lambda valid: valid,
)


def validate_any(path: str | Path, *, keep_valid: bool = False) -> ValidationReport:
    """Validate any curated file, told apart by its header; rows kept only if asked.

    Parameters
    ----------
    path : str or pathlib.Path
        A reports, location overrides, compounds, operators, designations or changes file
        (:func:`sniff_kind`; a header it cannot place is read as reports).
    keep_valid : bool, default False
        Keep the valid rows in the report (reports and changes files; registry files always
        keep them). A reports file without it, and an overrides file always, is only checked
        (:func:`compoundmap.sources.check_file`), in flat memory.

    Returns
    -------
    ValidationReport
        The file's problems, warnings and counts (``kind`` says which schema was applied).

    Raises
    ------
    SourceValidationError
        For file-level problems.

    Examples
    --------
    >>> report = validate_any("data/raw/sources/compounds.csv")
    >>> report.kind, report.ok
    ('compounds', True)
    """
    kind = sniff_kind(path)
    if kind in ("reports", "overrides"):
        return validate_sources(path) if keep_valid and kind == "reports" else _check_source(path)
    if kind == "changes":
        return validate(path, _CHANGES, keep_valid=keep_valid)
    return validate_registry_file(kind, path)


@dataclass
class FolderReport:
    """Every curated file of a folder, validated, and the links between them."""

    reports: dict[str, ValidationReport] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no row of any file is rejected."""
        return not self.problems

    def summary(self, folder: str | Path, *, more_problems: int = 0) -> str:
        """One line for the whole folder, counting what the per-file lines do not: problems
        and warnings about the links between files and about citations.

        Parameters
        ----------
        folder : path
            The folder named in the line.
        more_problems : int, default 0
            Problems found by checks run after this report (e.g. site coordinates).

        Returns
        -------
        str
            ``<folder>: N files, N problems and N warnings in all (N of the warnings about
            links between files and citations)``.

        Examples
        --------
        >>> FolderReport().summary("sources", more_problems=1).split(" (")[0]
        'sources: 0 files, 1 problem and 0 warnings in all'
        """
        own = sum(len(r.warnings) for r in self.reports.values())
        problems, across = len(self.problems) + more_problems, len(self.warnings) - own
        return (
            f"{folder}: {len(self.reports)} files, {_plural(problems, 'problem')} and "
            f"{_plural(len(self.warnings), 'warning')} in all "
            f"({across} of the warnings about links between files and citations)"
        )


def validate_folder(folder: str | Path | None = None, *, citations: bool = True) -> FolderReport:
    """Validate ``reports.csv``, the overrides, the registry and the changelog of a folder,
    then the links between them (unknown ids reject a report; suggestions are warnings).

    Parameters
    ----------
    folder : path, optional
        Default: the bundled ``data/raw/sources``.
    citations : bool, default True
        Also warn about citation faults (:func:`citation_warnings`).

    Returns
    -------
    FolderReport
        ``reports``: the :class:`ValidationReport` of each file found (``reports``,
        ``location_overrides``, ``compounds``, ``operators``, ``designations``,
        ``changes``; a missing file is left out), and every problem and warning, those
        about links and citations included.

    Raises
    ------
    SourceValidationError
        If any file has a file-level problem (:func:`validate_any`).
    """
    base = Path(folder) if folder is not None else default_sources_path().parent
    out = FolderReport()
    for name in (
        "reports",
        "location_overrides",
        "compounds",
        "operators",
        "designations",
        "changes",
    ):
        path = base / f"{name}.csv"
        if path.is_file():
            report = validate_any(path, keep_valid=name == "reports")
            out.reports[name] = report
            out.problems += report.problems
            out.warnings += report.warnings
    if "reports" in out.reports:
        valid = out.reports["reports"].valid
        registry = load_registry(base)
        bad, notes = check_links(valid, registry, file=str(base / "reports.csv"))
        for i, messages in bad.items():
            line = int(valid["source_row"].iloc[i])
            for m in messages:
                column, _, message = m.partition(": ")
                out.problems.append(Problem(str(base / "reports.csv"), line, column, message))
        out.warnings += notes
        if citations:
            out.warnings += citation_warnings(valid, file=str(base / "reports.csv"))
    return out
