"""Links from reports to the registry: checking the ids a report gives, proposing missing ones.

Sources stage of the flow, over :mod:`compoundmap.registry`. A report links to a site or an
operator by id; :func:`check_links` rejects ids the registry does not hold and warns about
withdrawn ones, and :func:`suggest_links` proposes ids for reports whose compound name
matches a registry name (compared by :func:`site_name_key`) that a curator has not linked.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from ._csvfile import Problem
from ._util import line_or_none
from .registry import Registry, split_ids

__all__ = ["check_links", "site_name_key", "suggest_links"]

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

    Parameters
    ----------
    reports : pandas.DataFrame
        Report rows with ``report_id``; ``compound_name``, ``aliases``, ``compound_id``,
        ``operator_id`` and ``source_row`` are read when present (empty otherwise).
    registry : Registry
        :func:`compoundmap.registry.load_registry`: its ``compounds`` and ``operators``
        with ``name``, ``aliases``, ``names_other_scripts`` and ``record_status``.

    Returns
    -------
    pandas.DataFrame
        ``report_id, source_row, name, kind (compound|operator), suggested_id,
        registry_name`` — one row per suggestion, sorted by ``source_row``.

    Examples
    --------
    >>> sites = pd.DataFrame({"compound_id": ["CM-1"], "name": ["Golden Fortune Park"],
    ...     "aliases": [""], "names_other_scripts": [""], "record_status": ["active"]})
    >>> nobody = sites.iloc[:0].rename(columns={"compound_id": "operator_id"})
    >>> registry = Registry(sites, nobody, pd.DataFrame())
    >>> reports = pd.DataFrame({"report_id": ["CR-1"], "source_row": [2],
    ...     "compound_name": ["Golden Fortune Casino"], "compound_id": [""]})
    >>> suggest_links(reports, registry)[["report_id", "suggested_id"]].values.tolist()
    [['CR-1', 'CM-1']]
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


def check_links(
    reports: pd.DataFrame, registry: Registry, *, file: str = "reports.csv"
) -> tuple[dict[int, list[str]], list[Problem]]:
    """Check the registry ids reports link to.

    An id that is not in the registry rejects the report (a typo would silently drop it
    from its site's history); a link to a withdrawn site or operator is a warning; a
    report whose compound name matches a registry name it does not link to gets a
    suggestion (a warning naming the id).

    Parameters
    ----------
    reports : pandas.DataFrame
        Valid report rows, as :func:`suggest_links` reads them; ``compound_id`` and
        ``operator_id`` hold ``;``-separated ids. Withdrawn links are warned about only for
        reports that are counted (``record_status`` and ``scope`` empty or the default).
    registry : Registry
        :func:`compoundmap.registry.load_registry`.
    file : str, default "reports.csv"
        The file named in each warning.

    Returns
    -------
    (dict, list of Problem)
        Report position (0-based, in the order of ``reports``) → reject messages
        (``column: message``), and the warnings: withdrawn links in row order, then the
        suggestions.

    Examples
    --------
    >>> sites = pd.DataFrame({"compound_id": ["CM-1"], "name": ["Golden Fortune Park"],
    ...     "aliases": [""], "names_other_scripts": [""], "record_status": ["active"]})
    >>> nobody = sites.iloc[:0].rename(columns={"compound_id": "operator_id"})
    >>> registry = Registry(sites, nobody, pd.DataFrame())
    >>> reports = pd.DataFrame({"report_id": ["CR-1"], "source_row": [2],
    ...     "compound_name": ["Jade Tower"], "compound_id": ["CM-2"]})
    >>> check_links(reports, registry)
    ({0: ["compound_id: 'CM-2' is not in the registry (compounds.csv)"]}, [])
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
                    problem = Problem(file, line_or_none(lines[i]), column, message)
                    found.append((int(i), column != "compound_id", problem))
    notes = [p for _, _, p in sorted(found, key=lambda t: (t[0], t[1]))]
    for s in suggest_links(reports, registry).itertuples(index=False):
        line = line_or_none(s.source_row)
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
