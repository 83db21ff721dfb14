"""Compound and operator names of the curated registry, as the scanner matches them.

The registry (``data/raw/sources/compounds.csv`` and ``operators.csv``) is read through
:func:`load_registry` alone, so the project's registry module can replace it in one place.
A missing file is an empty registry; ``withdrawn`` rows are left out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataFileError, MissingColumnError
from ..sources import default_sources_path
from .lexicon import TermMatcher

__all__ = ["Registry", "RegistryName", "default_registry_paths", "load_registry"]

_NAME_COLUMNS = ("name", "names_other_scripts", "aliases")
_MIN_NAME_CHARS = 3  # "KK" or "Ho" would match everywhere


@dataclass(frozen=True)
class RegistryName:
    """One form (name, other-script name or alias) of a registry entity."""

    kind: str  # "compound" or "operator"
    entity_id: str
    name: str  # the entity's main name
    form: str  # the form matched


def default_registry_paths() -> tuple[Path, Path]:
    """The bundled ``compounds.csv`` and ``operators.csv`` (they may not exist yet)."""
    folder = default_sources_path().parent
    return folder / "compounds.csv", folder / "operators.csv"


def _read(path: Path, kind: str, id_column: str) -> list[RegistryName]:
    if not path.is_file():
        return []
    out: list[RegistryName] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            found = [str(c) for c in (reader.fieldnames or [])]
            for column in (id_column, "name"):
                if column not in found:
                    raise MissingColumnError(column, found, str(path))
            for row in reader:
                entity_id = (row.get(id_column) or "").strip()
                status = (row.get("record_status") or "").strip()
                if not entity_id or status == "withdrawn":
                    continue
                name = (row.get("name") or "").strip()
                forms = [name]
                for column in _NAME_COLUMNS[1:]:
                    forms += (row.get(column) or "").split(";")
                for form in dict.fromkeys(f.strip() for f in forms):
                    if len(form) >= _MIN_NAME_CHARS:
                        out.append(RegistryName(kind, entity_id, name or form, form))
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 (byte {exc.start}): {exc.reason}") from None
    except csv.Error as exc:
        raise DataFileError(f"{path}: cannot read as CSV: {exc}") from None
    return out


@dataclass(frozen=True)
class Registry:
    """Every matchable name of the registry, with a matcher over all of them."""

    names: tuple[RegistryName, ...]

    @property
    def empty(self) -> bool:
        """Whether the registry holds no name."""
        return not self.names

    def find(self, text: str) -> list[tuple[RegistryName, int, int]]:
        """Registry names in ``text`` (case-insensitive, whole words for Latin names),
        as ``(name, start, end)`` sorted by ``start``; several entities sharing a form
        each give a match."""
        if not self.names:
            return []
        names = self.names
        return [(names[int(i)], s, e) for _kind, i, s, e in _matcher(self).finditer(text)]


@cache
def _matcher(registry: Registry) -> TermMatcher:
    return TermMatcher((n.kind, str(i), n.form) for i, n in enumerate(registry.names))


@cache
def _load(compounds: Path, operators: Path) -> Registry:
    names = _read(compounds, "compound", "compound_id") + _read(
        operators, "operator", "operator_id"
    )
    names.sort(key=lambda n: (n.kind, n.entity_id, n.form))
    return Registry(tuple(names))


def load_registry(
    compounds: str | Path | None = None, operators: str | Path | None = None
) -> Registry:
    """Read the curated compound and operator registry (read once per process, cached).

    Parameters
    ----------
    compounds, operators : str or Path, optional
        CSVs with ``compound_id`` / ``operator_id``, ``name``, and optionally
        ``record_status``, ``names_other_scripts`` and ``aliases`` (``;``-separated).
        Default: the bundled files; a missing file reads as an empty registry.

    Returns
    -------
    Registry
        Every form of at least 3 characters of every entity not ``withdrawn``, sorted by
        kind, id and form.

    Raises
    ------
    MissingColumnError
        If a file lacks its id column or ``name``.
    DataFileError
        If a file is not UTF-8 CSV.

    Examples
    --------
    >>> reg = load_registry("tests/data/scan/compounds.csv", "tests/data/scan/operators.csv")
    >>> [(n.entity_id, s) for n, s, _ in reg.find("raid on the Golden Fortune compound")]
    [('CM-T001', 12)]
    """
    default_c, default_o = default_registry_paths()
    c = Path(compounds) if compounds is not None else default_c
    o = Path(operators) if operators is not None else default_o
    return _load(c.resolve(), o.resolve())
