"""The curated registry: sites (``compounds.csv``), operators and designations.

Sources stage of the flow, beside :mod:`compoundmap.sources`. One row per physical site,
company or group and official designation, each with a permanent id that never encodes a
location and is never reused (a withdrawn row stays, with its reason). Reports link to the
registry by id (``compound_id``, ``operator_id``); :func:`check_links` keeps the links
honest and :func:`suggest_links` proposes ids for reports a curator has not linked yet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
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
    "check_links",
    "load_registry",
    "site_name_key",
    "split_ids",
    "suggest_links",
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
    """Validate one registry file of ``kind`` (``compounds``, ``operators``, ``designations``)."""
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
    :func:`compoundmap.compounds.registry_point_problems` (it needs the boundaries).

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


# ----------------------------------------------------------------------------- links

# Words that describe what kind of place a site is rather than which one it is, so that
# "A7 Park", "A7 Casino" and "A7" compare equal. "group", "world", "tower", "bay" and the
# like are kept: "Prince Group" (a company) is not a "Prince compound".
_GENERIC_WORDS = frozenset(
    """the compound compounds complex casino casinos hotel resort resorts park ltd co company
    plc inc entertainment city international building former sez special economic zone""".split()
)
_PAREN = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[^\W_]+")


def site_name_key(name: str) -> str:
    """A site or company name reduced to the words that identify it.

    Case, accents, bracketed notes and generic words (casino, hotel, compound, park…) are
    dropped, so spellings of one name compare equal.

    Examples
    --------
    >>> site_name_key("A7 Park (Van Chheung)") == site_name_key("a7 casino")
    True
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = [w for w in _TOKEN.findall(_PAREN.sub(" ", text)) if w not in _GENERIC_WORDS]
    return " ".join(words)


def _names(frame: pd.DataFrame, id_column: str) -> dict[str, set[str]]:
    """Name key → ids of the registry rows (active) known by that name."""
    index: dict[str, set[str]] = {}
    for row in frame[frame["record_status"] == "active"].itertuples(index=False):
        rid = getattr(row, id_column)
        values = [str(row.name), *split_ids(row.aliases), *split_ids(row.names_other_scripts)]
        for value in values:
            key = site_name_key(value)
            if key:
                index.setdefault(key, set()).add(rid)
    return index


def suggest_links(reports: pd.DataFrame, registry: Registry) -> pd.DataFrame:
    """Registry ids a report's compound name matches, for reports not linked to them.

    A report's ``compound_name`` and ``aliases`` (each ``;``-separated name) are compared
    with every active site's and operator's name, aliases and names in other scripts by
    :func:`site_name_key`. A report already linked to a site (or an operator) gets no
    further site (operator) suggestion: the curator's link is a decision.

    Returns
    -------
    pandas.DataFrame
        ``report_id, source_row, name, kind (compound|operator), suggested_id,
        registry_name`` — one row per suggestion, sorted by ``source_row``.
    """
    index = {"compound": _names(registry.compounds, "compound_id")}
    index["operator"] = _names(registry.operators, "operator_id")
    registry_names = {
        **dict(zip(registry.compounds["compound_id"], registry.compounds["name"], strict=True)),
        **dict(zip(registry.operators["operator_id"], registry.operators["name"], strict=True)),
    }
    columns = ["report_id", "source_row", "name", "kind", "suggested_id", "registry_name"]
    frame = pd.DataFrame(
        {
            "names": _texts(reports, "compound_name") + "\x1f" + _texts(reports, "aliases"),
            "compound": _has_ids(_texts(reports, "compound_id")),
            "operator": _has_ids(_texts(reports, "operator_id")),
        }
    )
    # Reports sharing names and link state get the same suggestions: work them out once.
    combo = frame.groupby(["names", "compound", "operator"], sort=False).ngroup().to_numpy()
    _, first = np.unique(combo, return_index=True)
    found: dict[int, list[tuple[str, str, str, str]]] = {}
    for k, (names_text, has_compound, has_operator) in enumerate(
        frame.iloc[first].itertuples(index=False, name=None)
    ):
        linked = {"compound": has_compound, "operator": has_operator}
        cname, _, aliases = str(names_text).partition("\x1f")
        out = []
        for name in dict.fromkeys([*split_ids(cname), *split_ids(aliases)]):
            key = site_name_key(name)
            for kind, table in index.items():
                if linked[kind]:
                    continue  # a curator linked this kind already: their decision stands
                out += [
                    (name, kind, rid, registry_names.get(rid, ""))
                    for rid in sorted(table.get(key, set()))
                ]
        if out:
            found[k] = out
    hits = np.flatnonzero(np.isin(combo, list(found)))
    rows = [
        (rid, row, *suggestion)
        for rid, row, k in zip(
            reports["report_id"].to_numpy()[hits],
            _rows_of(reports)[hits],
            combo[hits],
            strict=True,
        )
        for suggestion in found[int(k)]
    ]
    out_frame = pd.DataFrame(rows, columns=columns)
    return out_frame.sort_values(["source_row", "kind", "suggested_id"], kind="stable").reset_index(
        drop=True
    )


def _texts(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype="str")
    return frame[column].map(lambda v: v if isinstance(v, str) else "").astype("str")


def _has_ids(values: pd.Series) -> np.ndarray:
    """True where a ``;``-separated id list holds at least one id."""
    return (values.str.replace(";", "", regex=False).str.strip() != "").to_numpy(dtype=bool)


def _rows_of(reports: pd.DataFrame) -> np.ndarray:
    if "source_row" in reports.columns:
        return reports["source_row"].to_numpy(dtype=object)
    return np.full(len(reports), None, dtype=object)


def _counted_rows(reports: pd.DataFrame) -> np.ndarray:
    """Reports that are counted: active and in scope (empty reads as the default)."""
    status = _texts(reports, "record_status") if "record_status" in reports else None
    scope = _texts(reports, "scope") if "scope" in reports else None
    ok = np.ones(len(reports), dtype=bool)
    if status is not None:
        ok &= status.isin(["", "active"]).to_numpy(dtype=bool)
    if scope is not None:
        ok &= scope.isin(["", "in_scope"]).to_numpy(dtype=bool)
    return ok


def _line(value: object) -> int | None:
    try:
        return int(value) or None  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def check_links(
    reports: pd.DataFrame, registry: Registry, *, file: str = "reports.csv"
) -> tuple[dict[int, list[str]], list[Problem]]:
    """Check the registry ids reports link to.

    An id that is not in the registry rejects the report (a typo would silently drop it
    from its site's history); a link to a withdrawn site or operator is a warning; a
    report whose compound name matches a registry name it does not link to gets a
    suggestion (a warning naming the id).

    Returns
    -------
    (dict, list of Problem)
        Report index → reject messages (``column: message``), and the warnings.
    """
    known = {"compound_id": registry.ids("compounds"), "operator_id": registry.ids("operators")}
    withdrawn = {
        "compound_id": set(
            registry.compounds.loc[
                registry.compounds["record_status"] == "withdrawn", "compound_id"
            ]
        ),
        "operator_id": set(
            registry.operators.loc[
                registry.operators["record_status"] == "withdrawn", "operator_id"
            ]
        ),
    }
    rejects: dict[int, list[str]] = {}
    found: list[tuple[int, int, Problem]] = []
    counted = _counted_rows(reports)
    lines = _rows_of(reports)
    for column in ("compound_id", "operator_id"):
        kind = "compounds" if column == "compound_id" else "operators"
        values = _texts(reports, column)
        per_value = {
            v: [(rid, rid not in known[column]) for rid in split_ids(v)]
            for v in values.unique()
            if any(r not in known[column] or r in withdrawn[column] for r in split_ids(v))
        }
        for i in np.flatnonzero(values.isin(list(per_value)).to_numpy(dtype=bool)):
            for rid, unknown in per_value[values.iat[int(i)]]:
                if unknown:
                    rejects.setdefault(int(i), []).append(
                        f"{column}: {rid!r} is not in the registry ({kind}.csv)"
                    )
                elif rid in withdrawn[column] and counted[i]:
                    message = f"{rid!r} is withdrawn in the registry"
                    problem = Problem(file, _line(lines[i]), column, message)
                    found.append((int(i), column != "compound_id", problem))
    notes = [p for _, _, p in sorted(found, key=lambda t: (t[0], t[1]))]
    for s in suggest_links(reports, registry).itertuples(index=False):
        line = _line(s.source_row)
        column = "compound_id" if s.kind == "compound" else "operator_id"
        notes.append(
            Problem(
                file,
                line,
                column,
                f"{s.name!r} matches {s.kind} {s.suggested_id} ({s.registry_name}) but the "
                "report does not link to it (compoundmap link proposes the ids)",
            )
        )
    return rejects, notes
