"""Comparing two releases: reports, events and sites added, withdrawn or changed."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..events import LONE_EVENT_PREFIX
from ..writers import spreadsheet_value
from .release import (
    _COUNTED_ONLY,
    _LISTS,
    _SAME,
    ASPECTS,
    CHANGES,
    DIFF_COLUMNS,
    KINDS,
    Release,
    _as_list,
    _joined,
    load_release,
)

# ----------------------------------------------------------------------------- comparing


@dataclass
class ReleaseDiff:
    """The changes from one release to another.

    Attributes
    ----------
    old, new : Release
        The two releases.
    changes : DataFrame
        :data:`DIFF_COLUMNS`, one row per record added, withdrawn, restored, merged,
        regrouped or removed, and one row per field changed; sorted by kind, change, id.
    notes : list of str
        What could not be compared, and how records were matched.
    """

    old: Release
    new: Release
    changes: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, dict[str, int]]:
        """Records per kind and change (a record changed in several fields counts once)."""
        out: dict[str, dict[str, int]] = {}
        for kind in KINDS:
            rows = self.changes[self.changes["kind"] == kind]
            per = rows.drop_duplicates(["id", "change"])["change"].value_counts()
            out[kind] = {c: int(per.get(c, 0)) for c in CHANGES}
        return out

    def aspect_counts(self, kind: str) -> dict[str, int]:
        """Changed records of ``kind`` per aspect (location, dates, figures, ...)."""
        rows = self.changes[(self.changes["kind"] == kind) & (self.changes["change"] == "changed")]
        per = rows.drop_duplicates(["id", "aspect"])["aspect"].value_counts()
        return {a: int(per[a]) for a in ASPECTS[kind] if a in per.index}

    def summary(self) -> str:
        """The header of :meth:`to_text`: the two releases, counts and notes."""
        lines = [f"old: {self.old.describe()}", f"new: {self.new.describe()}", ""]
        for kind, per in self.counts().items():
            said = ", ".join(f"{n} {c}" for c, n in per.items() if n) or "no change"
            lines.append(f"{kind}s: {said}")
            aspects = self.aspect_counts(kind)
            if aspects:
                lines.append("  changed: " + ", ".join(f"{a} {n}" for a, n in aspects.items()))
        if self.notes:
            lines += ["", "notes:", *(f"- {n}" for n in self.notes)]
        return "\n".join(lines)

    def to_text(self) -> str:
        """The summary, then every record by kind and change, fields indented."""
        lines = [self.summary()]
        for kind in KINDS:
            rows = self.changes[self.changes["kind"] == kind]
            for change in CHANGES:
                part = rows[rows["change"] == change]
                if part.empty:
                    continue
                n = part["id"].nunique()
                lines += ["", f"== {kind}s {change} ({n})"]
                lines += _records_text(part)
        return "\n".join(lines) + "\n"

    def to_csv(self) -> str:
        """The change table as CSV text (UTF-8, ``\\n`` line ends, formula-safe)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(DIFF_COLUMNS)
        for row in self.changes[DIFF_COLUMNS].itertuples(index=False):
            writer.writerow([spreadsheet_value(v, "") for v in row])
        return buffer.getvalue()


def _records_text(part: pd.DataFrame) -> list[str]:
    lines: list[str] = []
    for ident, rows in part.groupby("id", sort=False):
        first = rows.iloc[0]
        head = f"{ident}"
        if first["note"] and first["field"] == "":
            head += f"  {first['note']}"
        elif first["note"]:
            head += f"  ({first['note']})"
        lines.append(head)
        for aspect, name, old, new in zip(
            rows["aspect"], rows["field"], rows["old"], rows["new"], strict=True
        ):
            if name:
                lines.append(f"    {aspect:<9} {name}: {old or '∅'} → {new or '∅'}")
    return lines


Rows = dict[str, dict[str, str]]


def _rows_of(frame: pd.DataFrame) -> Rows:
    """Id → {column: text}: plain dictionaries, far faster to look up than cells."""
    columns = [str(c) for c in frame.columns]
    values = [[str(v) for v in frame[c].tolist()] for c in frame.columns]
    return {
        str(ident): {c: values[j][i] for j, c in enumerate(columns)}
        for i, ident in enumerate(frame.index)
    }


def _value(row: dict[str, str], column: str) -> str:
    value = row[column]
    return _as_list(value) if column in _LISTS else value.strip()


def _fields(kind: str, old: pd.DataFrame, new: pd.DataFrame) -> list[tuple[str, str]]:
    """(aspect, field) pairs both releases have, in :data:`ASPECTS` order."""
    return [
        (aspect, f)
        for aspect, names in ASPECTS[kind].items()
        for f in names
        if f in old.columns and f in new.columns
    ]


def _row(kind: str, ident: str, change: str, note: str = "", **more: str) -> dict[str, str]:
    row = dict.fromkeys(DIFF_COLUMNS, "")
    row.update(kind=kind, id=ident, change=change, note=note, **more)
    return row


def _compare(
    kind: str,
    ident: str,
    old: dict[str, str],
    new: dict[str, str],
    fields: Sequence[tuple[str, str]],
    note: str = "",
) -> list[dict[str, str]]:
    """A ``changed`` row for every field whose text differs (lists compared as sets)."""
    rows = []
    for aspect, name in fields:
        before, after = _value(old, name), _value(new, name)
        if before != after and (before, after) not in _SAME:
            rows.append(
                _row(kind, ident, "changed", note, aspect=aspect, field=name, old=before, new=after)
            )
    return rows


def _describe(kind: str, frame: pd.DataFrame, ident: str) -> str:
    """A few words on a record for the added/removed lists."""
    row = frame.loc[ident]

    def get(col: str) -> str:
        return str(row[col]) if col in row.index and str(row[col]) else ""

    if kind == "compound":
        words = [get("name"), get("province_code") and f"[{get('province_code')}]", get("status")]
    else:
        where = get("province_codes")
        words = [get("event_type"), get("event_date"), where and f"[{where}]"]
        if kind == "report":
            words.append(get("source_publisher"))
        else:
            words.append(f"{get('n_reports') or '?'} report(s)")
    status = get("record_status")
    if status and status != "active":
        words.append(f"({status})")
    if kind == "report" and get("included") == "false" and status == "active":
        words.append("(not counted: out of scope)")
    return " ".join(w for w in words if w)


def _without_status(
    fields: Sequence[tuple[str, str]], status: list[dict[str, str]]
) -> list[tuple[str, str]]:
    """The fields to compare, without record_status when a status row already says it."""
    return [f for f in fields if not (status and f[1] == "record_status")]


def _status_change(
    kind: str, ident: str, before: str, after: str, why: str
) -> list[dict[str, str]]:
    if before != "withdrawn" and after == "withdrawn":
        return [_row(kind, ident, "withdrawn", why)]
    if before == "withdrawn" and after != "withdrawn":
        return [_row(kind, ident, "restored", why)]
    return []


def _diff_reports(old: Release, new: Release, canon: dict[str, str]) -> list[dict[str, str]]:
    o, n = old.reports.copy(), new.reports.copy()
    for frame in (o, n):
        if "compound_id" in frame.columns:
            frame["compound_id"] = [
                _joined(canon.get(c.strip(), c.strip()) for c in str(v).split(";"))
                for v in frame["compound_id"]
            ]
    fields = _fields("report", o, n)
    if old.events_derived or new.events_derived:
        fields = [f for f in fields if f[1] != "event_id"]
    rows: list[dict[str, str]] = []
    for ident in sorted(set(n.index) - set(o.index)):
        rows.append(_row("report", ident, "added", _describe("report", n, ident)))
    for ident in sorted(set(o.index) - set(n.index)):
        rows.append(_row("report", ident, "removed", _describe("report", o, ident)))
    orows, nrows = _rows_of(o), _rows_of(n)
    for ident in sorted(set(orows) & set(nrows)):
        before, after = orows[ident], nrows[ident]
        why = after.get("status_note", "")
        status = _status_change(
            "report", ident, before["record_status"], after["record_status"], why
        )
        rows += status
        compared = _without_status(fields, status)
        if "false" in (before["included"], after["included"]):
            compared = [f for f in compared if f[1] not in _COUNTED_ONLY]
        rows += _compare("report", ident, before, after, compared)
    return rows


def _report_sets(events: pd.DataFrame) -> dict[str, set[str]]:
    return {
        str(e): {r.strip() for r in str(v).split(";") if r.strip()}
        for e, v in zip(events.index, events["report_ids"], strict=True)
    }


def _diff_events(old: Release, new: Release, canon: dict[str, str]) -> list[dict[str, str]]:
    o, n = old.events.copy(), new.events.copy()
    for frame in (o, n):
        if "compound_id" in frame.columns:
            frame["compound_id"] = [
                _joined(canon.get(c.strip(), c.strip()) for c in str(v).split(";"))
                for v in frame["compound_id"]
            ]
    fields = _fields("event", o, n)
    old_sets, new_sets = _report_sets(o), _report_sets(n)
    orows, nrows = _rows_of(o), _rows_of(n)
    common = set(o.index) & set(n.index)
    old_only = sorted(set(o.index) - common)
    new_only = sorted(set(n.index) - common)
    old_of = {r: e for e in old_only for r in old_sets[e]}
    new_of = {r: e for e, rs in new_sets.items() for r in rs}
    rows: list[dict[str, str]] = []
    used: set[str] = set()
    for ident in new_only:
        sources = sorted({old_of[r] for r in new_sets[ident] if r in old_of})
        used.update(sources)
        if not sources:
            rows.append(_row("event", ident, "added", _describe("event", n, ident)))
        elif len(sources) == 1 and {new_of.get(r) for r in old_sets[sources[0]]} == {ident}:
            was = sources[0]
            renamed = {"aspect": "links", "field": "event_id", "old": was, "new": ident}
            rows.append(_row("event", ident, "renamed", **renamed))
            rows += _compare("event", ident, orows[was], nrows[ident], fields, f"was {was}")
        else:
            rows.append(_row("event", ident, "regrouped", "from " + "; ".join(sources)))
    for ident in sorted(common):
        rows += _compare("event", ident, orows[ident], nrows[ident], fields)
    for ident in old_only:
        if ident in used:
            continue
        rows.append(_gone_event(ident, old_sets[ident], new_of, new))
    return rows


def _gone_event(
    ident: str, reports: set[str], new_of: dict[str, str], new: Release
) -> dict[str, str]:
    """An old event no new event continues: merged into others, withdrawn, or removed."""
    into = sorted({new_of[r] for r in reports if r in new_of})
    if into:
        return _row("event", ident, "merged", "into " + "; ".join(into))
    known = [r for r in sorted(reports) if r in new.reports.index]
    if known and all(new.reports.at[r, "included"] != "true" for r in known):
        why = "; ".join(f"{r} {_not_counted(new.reports, r)}" for r in known)
        return _row("event", ident, "withdrawn", f"no report counted any more: {why}")
    return _row("event", ident, "removed", "; ".join(sorted(reports)))


def _not_counted(reports: pd.DataFrame, ident: str) -> str:
    """Why a report is not counted: withdrawn, draft or out of scope."""
    status = str(reports.at[ident, "record_status"])
    if status and status != "active":
        return status
    scope = str(reports.at[ident, "scope"]) if "scope" in reports.columns else ""
    return "out of scope" if scope == "out_of_scope" else "not counted"


def _diff_compounds(old: Release, new: Release, canon: dict[str, str]) -> list[dict[str, str]]:
    o, n = old.compounds.copy(), new.compounds.copy()
    for frame in (o, n):
        for col in ("operator_id", "designation_ids"):
            if col in frame.columns:
                frame[col] = [_as_list(str(v)) for v in frame[col]]
    fields = _fields("compound", o, n)
    orows, nrows = _rows_of(o), _rows_of(n)
    by_new: dict[str, list[str]] = {}
    for ident in o.index:
        by_new.setdefault(canon.get(str(ident), str(ident)), []).append(str(ident))
    rows: list[dict[str, str]] = []
    for ident in sorted(n.index):
        olds = sorted(by_new.get(ident, []), key=lambda x: (x != ident, x))
        if not olds:
            rows.append(_row("compound", ident, "added", _describe("compound", n, ident)))
            continue
        note = "" if olds == [ident] else "was " + "; ".join(olds)
        after = nrows[ident]
        before = orows[olds[0]]["record_status"]
        why = after.get("status_note", "")
        status = _status_change("compound", ident, before, after["record_status"], why)
        rows += status
        if len(olds) > 1:
            rows.append(_row("compound", ident, "merged", "from " + "; ".join(olds)))
            continue
        compared = _without_status(fields, status)
        rows += _compare("compound", ident, orows[olds[0]], after, compared, note)
    for ident in sorted(set(map(str, o.index))):
        if canon.get(ident, ident) not in n.index:
            rows.append(
                _row(
                    "compound",
                    ident,
                    "removed",
                    _describe("compound", o, ident) + " (no site of the new registry lists "
                    "it in former_ids)",
                )
            )
    return rows


def _notes(old: Release, new: Release) -> list[str]:
    notes = []
    for side, rel in (("old", old), ("new", new)):
        if rel.events_derived:
            notes.append(
                f"{side} has no events table: its events are taken as one per counted report "
                f"({LONE_EVENT_PREFIX}<report_id>) and matched to the other's through their reports"
            )
    for kind, a, b in (
        ("report", old.reports, new.reports),
        ("event", old.events, new.events),
        ("compound", old.compounds, new.compounds),
    ):
        wanted = [f for names in ASPECTS[kind].values() for f in names]
        only = [f for f in wanted if (f in a.columns) != (f in b.columns)]
        people = [f for f in only if f.startswith("people_")]
        if people:  # one mention for the figure columns
            only = [f for f in only if not f.startswith("people_")] + ["people_<kind>_min/max"]
        if only:
            notes.append(f"{kind} fields not compared (in one release only): {', '.join(only)}")
    mapped = len({**old.former_ids, **new.former_ids})
    if mapped:
        notes.append(f"sites matched through former_ids ({mapped} earlier ids)")
    if old.layout == "legacy" or new.layout == "legacy":
        notes.append(
            "the first layout numbered precision one lower (no 'named place'): locations "
            "are compared by precision_label, not number"
        )
    return notes


def diff_releases(old: str | Path | Release, new: str | Path | Release) -> ReleaseDiff:
    """Compare two releases (paths as :func:`load_release` takes, or loaded releases).

    Parameters
    ----------
    old : str, Path or Release
        The earlier release: a processed folder, a folder of curated sources or a curated
        ``reports.csv`` (:func:`load_release`; sources are built in memory), or a
        :class:`Release` already loaded.
    new : str, Path or Release
        The later release, the same way. Sites are matched through the ``former_ids`` of
        both.

    Returns
    -------
    ReleaseDiff
        ``changes`` in a deterministic order (kind, change, id, then field order), with
        :meth:`~ReleaseDiff.to_text` and :meth:`~ReleaseDiff.to_csv` for release notes.

    Raises
    ------
    DataFileError
        If a path is not a release, a sources folder or a reports CSV, or a file of it
        cannot be read.
    SourceValidationError
        If curated sources given have a file-level problem (they are built with
        :func:`compoundmap.pipeline.build_tables`).

    Examples
    --------
    >>> d = diff_releases("/work/baseline/processed", "data/processed")  # doctest: +SKIP
    >>> d.counts()["report"]["added"]  # doctest: +SKIP
    354
    """
    before = old if isinstance(old, Release) else load_release(old)
    after = new if isinstance(new, Release) else load_release(new)
    canon = {**before.former_ids, **after.former_ids}
    rows = [
        *_diff_reports(before, after, canon),
        *_diff_events(before, after, canon),
        *_diff_compounds(before, after, canon),
    ]
    changes = pd.DataFrame(rows, columns=DIFF_COLUMNS)
    order = {
        "kind": {k: i for i, k in enumerate(KINDS)},
        "change": {c: i for i, c in enumerate(CHANGES)},
    }
    rank = {(k, f): i for k in KINDS for i, f in enumerate(_all_fields(k))}
    changes = (
        changes.assign(
            _k=changes["kind"].map(order["kind"]),
            _c=changes["change"].map(order["change"]),
            _f=[
                rank.get((k, f), -1) for k, f in zip(changes["kind"], changes["field"], strict=True)
            ],
        )
        .sort_values(["_k", "_c", "id", "_f"], kind="stable")
        .drop(columns=["_k", "_c", "_f"])
        .reset_index(drop=True)
    )
    return ReleaseDiff(before, after, changes, _notes(before, after))


def _all_fields(kind: str) -> list[str]:
    return [f for names in ASPECTS[kind].values() for f in names]
