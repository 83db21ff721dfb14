"""Reading a release to compare.

A processed folder (this layout or the previous one) or a sources folder built in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import DataFileError
from ..events import LONE_EVENT_PREFIX
from ..schema import COUNT_KINDS
from ..writers import FORMULA_TRIGGERS, spreadsheet_value

DIFF_COLUMNS = ["kind", "id", "change", "aspect", "field", "old", "new", "note"]
#: What a record is, in output order.
KINDS = ("report", "event", "compound")
#: How a record changed, in output order (one per record; ``changed`` adds a row per field).
CHANGES = (
    "added",
    "withdrawn",
    "restored",
    "merged",
    "regrouped",
    "renamed",
    "removed",
    "changed",
)

#: Fields compared for each kind, grouped by the aspect a release note speaks of.
ASPECTS: dict[str, dict[str, tuple[str, ...]]] = {
    "report": {
        "status": ("record_status", "included"),
        "type": ("event_type",),
        "dates": ("event_date", "source_date"),
        "location": (
            "location_text",
            "province_codes",
            "district_codes",
            "commune_codes",
            "precision_label",
        ),
        "figures": ("victims_count", "count_kind", "count_scope"),
        "links": ("source_url", "event_id", "compound_id", "operator_id"),
    },
    "event": {
        "type": ("event_type",),
        "dates": ("event_date",),
        "location": ("attribution", "province_codes", "district_codes", "precision"),
        "figures": tuple(f"people_{k}_{b}" for k in COUNT_KINDS for b in ("min", "max")),
        "links": ("report_ids", "compound_id", "operator_id"),
    },
    "compound": {
        "status": ("record_status", "status", "status_date", "sanctioned"),
        "names": ("name", "site_type"),
        "location": (
            "province_code",
            "district_code",
            "commune_code",
            "precision_label",
            "latitude",
            "longitude",
        ),
        "dates": ("first_reported", "last_reported"),
        "figures": ("n_events", "n_reports", "n_sources"),
        "links": ("operator_id", "designation_ids"),
    },
}
#: Fields holding a ``;``-separated list (compared as sets).
_LISTS = frozenset(
    {
        "province_codes",
        "district_codes",
        "commune_codes",
        "compound_id",
        "operator_id",
        "report_ids",
        "designation_ids",
    }
)
#: Old and new values that say the same: the first layout's "point-level site" covered
#: both the site itself and a named place, which later releases tell apart.
_SAME = frozenset({("point-level site", "site"), ("point-level site", "named place")})
#: Location fields a report has only while it is counted (only counted reports are located).
_COUNTED_ONLY = frozenset({"province_codes", "district_codes", "commune_codes", "precision_label"})


# ----------------------------------------------------------------------------- reading


def _unguard(value: str) -> str:
    """Undo the CSV formula guard (:func:`compoundmap.writers.spreadsheet_safe`)."""
    if value.startswith("'") and value.lstrip("'")[:1] in FORMULA_TRIGGERS:
        return value[1:]
    return value


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every value as the published CSV writes it (so built and read releases compare)."""
    plain = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    return pd.DataFrame(
        {c: [_unguard(spreadsheet_value(v, c)) for v in plain[c]] for c in plain.columns},
        index=range(len(plain)),
        dtype=object,
    )


def _read_csv(path: Path) -> pd.DataFrame:
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{path}: cannot read CSV: {exc}") from exc
    return raw.map(_unguard)


def _joined(values: Iterable[str]) -> str:
    return "; ".join(sorted({v.strip() for v in values if v and v.strip()}))


def _as_list(value: str) -> str:
    return _joined(value.split(";"))


@dataclass
class Release:
    """One release, as text tables keyed by id (see :func:`load_release`).

    Attributes
    ----------
    path : str
        What was read.
    version : str
        The data release (``datapackage.json`` ``version``), or ``unversioned``.
    layout : str
        ``processed`` (events and registry), ``legacy`` (one reports row per place, no
        events), or ``sources`` (built in memory).
    reports, events, compounds : DataFrame
        Text columns, indexed by id; reports carry their places' codes and finest
        precision label.
    events_derived : bool
        True when the release has no events table and its events are one per report.
    former_ids : dict
        Earlier site id → registry id, from ``former_ids``.
    """

    path: str
    version: str
    layout: str
    reports: pd.DataFrame
    events: pd.DataFrame
    compounds: pd.DataFrame
    events_derived: bool = False
    former_ids: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        """One line: path, release, layout and sizes."""
        layout = {
            "legacy": "first layout: one reports row per place, no events or registry",
            "processed": "processed folder",
            "sources": "built from the curated sources",
        }[self.layout]
        return (
            f"{self.path} (release {self.version}; {layout}; {len(self.reports)} reports, "
            f"{len(self.events)} events, {len(self.compounds)} sites)"
        )


_PLACE_COLUMNS = ["province_codes", "district_codes", "commune_codes", "precision_label"]


def _rank(precision: str) -> float:
    try:
        return float(precision)
    except ValueError:
        return 99.0  # unmatched places come last


def _places(places: pd.DataFrame) -> pd.DataFrame:
    """Per report: the codes of its places and the label of its finest place."""
    found: dict[str, tuple[set[str], set[str], set[str], list[tuple[float, str]]]] = {}
    columns = ("report_id", "province_code", "district_code", "commune_code", "precision")
    if places.empty or not set(columns) <= set(places.columns):
        return pd.DataFrame(columns=_PLACE_COLUMNS)
    for rid, prov, dist, comm, prec, label in zip(
        *(places[c].tolist() for c in (*columns, "precision_label")), strict=True
    ):
        entry = found.setdefault(str(rid), (set(), set(), set(), []))
        entry[0].add(str(prov))
        entry[1].add(str(dist))
        entry[2].add(str(comm))
        entry[3].append((_rank(str(prec)), str(label)))
    return pd.DataFrame.from_dict(
        {
            rid: [_joined(p), _joined(d), _joined(c), min(labels, key=lambda x: x[0])[1]]
            for rid, (p, d, c, labels) in found.items()
        },
        orient="index",
        columns=_PLACE_COLUMNS,
    )


def _reports(reports: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per report with its places' codes (the legacy file has a row per place)."""
    first = reports.drop_duplicates("report_id", keep="first").set_index("report_id")
    first = first.drop(columns=[c for c in _PLACE_COLUMNS if c in first.columns])
    out = first.join(_places(places), how="left").fillna("")
    if "record_status" not in out.columns:  # the first releases published active rows only
        out["record_status"] = "active"
    if "included" not in out.columns:
        out["included"] = "true"
    return out.sort_index()


def _lone_events(reports: pd.DataFrame) -> pd.DataFrame:
    """One event per counted report, for a release with no events table."""
    counted = reports[reports["included"] == "true"]
    columns = ["event_type", "event_date", "province_codes", "district_codes", "compound_id"]
    out = pd.DataFrame(
        {c: counted[c].to_numpy() if c in counted.columns else "" for c in columns},
        index=pd.Index([LONE_EVENT_PREFIX + r for r in counted.index], name="event_id"),
    )
    return out.assign(report_ids=counted.index.to_numpy(), n_reports="1")


def _former(compounds: pd.DataFrame) -> dict[str, str]:
    if "former_ids" not in compounds.columns:
        return {}
    return {
        old.strip(): str(cid)
        for cid, cell in zip(compounds.index, compounds["former_ids"], strict=True)
        for old in str(cell).split(";")
        if old.strip()
    }


def _release(
    path: str,
    version: str,
    layout: str,
    reports: pd.DataFrame,
    places: pd.DataFrame,
    events: pd.DataFrame | None,
    compounds: pd.DataFrame,
) -> Release:
    reps = _reports(reports, places)
    if events is None:
        evs, derived = _lone_events(reps), True
    else:
        evs, derived = events.set_index("event_id").sort_index(), False
    sites = compounds.set_index("compound_id").sort_index()
    if "record_status" not in sites.columns:  # the first releases listed active sites only
        sites["record_status"] = "active"
    # Plain Python strings: cell look-ups on Arrow-backed text are ~30x slower.
    reps, evs, sites = (f.astype(object) for f in (reps, evs, sites))
    return Release(path, version, layout, reps, evs, sites, derived, _former(sites))


def _from_processed(folder: Path) -> Release:
    reports = _read_csv(folder / "reports.csv")
    legacy = "place_index" in reports.columns
    places_file = folder / "report_locations.csv"
    places = reports if legacy or not places_file.is_file() else _read_csv(places_file)
    events_file = folder / "events.csv"
    events = _read_csv(events_file) if events_file.is_file() else None
    compounds_file = folder / "compounds.csv"
    compounds = _read_csv(compounds_file) if compounds_file.is_file() else pd.DataFrame()
    if compounds.empty:
        compounds = pd.DataFrame(columns=["compound_id"])
    version = "unversioned"
    try:
        meta = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        version = str(meta.get("version") or version)
    except (OSError, ValueError):
        pass
    layout = "legacy" if legacy else "processed"
    return _release(str(folder), version, layout, reports, places, events, compounds)


def _from_sources(path: Path) -> Release:
    from ..pipeline import build_tables

    tables = build_tables(path)
    return _release(
        str(path),
        tables.release.get("version", "unversioned"),
        "sources",
        _text(tables.reports),
        _text(tables.report_locations),
        _text(tables.events),
        _text(tables.compounds),
    )


def load_release(path: str | Path) -> Release:
    """Read a release from a processed folder, or build one from curated sources.

    Parameters
    ----------
    path : path
        A processed folder (it holds ``reports.csv`` and ``province_summary.csv`` or
        ``datapackage.json``; the first releases' layout is understood too), a folder of
        curated sources (``reports.csv`` and the registry files beside it), or a curated
        ``reports.csv``.

    Raises
    ------
    DataFileError
        If ``path`` is none of these.

    Examples
    --------
    >>> release = load_release("data/processed")  # doctest: +SKIP
    >>> release.version  # doctest: +SKIP
    '2026.11.30'
    """
    target = Path(path)
    if target.is_dir():
        if not (target / "reports.csv").is_file():
            raise DataFileError(f"{target}: no reports.csv: not a release or sources folder")
        markers = ("province_summary.csv", "datapackage.json")
        processed = any((target / n).is_file() for n in markers)
        return _from_processed(target) if processed else _from_sources(target / "reports.csv")
    if target.is_file() and target.suffix.lower() == ".csv":
        return _from_sources(target)
    raise DataFileError(f"{target}: not found, or not a folder or a reports CSV")
