"""Proposing events that look like one happening, for a curator to accept or reject.

A curation aid beside :mod:`compoundmap.events` (``compoundmap events --propose``): it
reads the validated reports and never changes a table; a curator who agrees gives the
reports one ``event_id`` in ``reports.csv``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._util import records, text_of
from .events import event_key, included
from .registry import split_ids

__all__ = ["propose_event_groups"]


def _day(date: str) -> int | None:
    if len(date) != 10:
        return None
    try:
        return pd.Timestamp(date).toordinal()
    except ValueError:
        return None


def _dates_agree(a: str, b: str, window_days: int) -> bool:
    """Both dated and the same happening could be meant: one date contains the other, or
    two days lie within ``window_days``."""
    if not a or not b:
        return False
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    return da is not None and db is not None and abs(da - db) <= window_days


def propose_event_groups(reports: pd.DataFrame, *, window_days: int = 7) -> pd.DataFrame:
    """Events that look like one happening, for a curator to accept or reject.

    Two events are proposed as one when reports of each share a registry site and an
    event type and their dates agree (one contains the other, or days within
    ``window_days``), or, with no site, share the type, agreeing dates and a figure of the
    same kind. Groups are transitive.

    Parameters
    ----------
    reports : pandas.DataFrame
        Validated report rows (:func:`compoundmap.sources.read_sources`) with
        ``report_id`` and ``victims_count``; ``event_id``, ``compound_id``, ``event_type``,
        ``event_date`` and ``count_kind`` read as empty when absent. Only active, in-scope
        rows are read (an empty ``record_status`` or ``scope`` counts as the default).
    window_days : int, default 7
        Days two full dates may lie apart and still be one happening.

    Returns
    -------
    pandas.DataFrame
        ``proposed_event_id`` (the smallest id of the group), ``event_ids``,
        ``report_ids``, ``reason`` — one row per group of two or more events.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"report_id": ["R1", "R2"], "event_id": ["E1", "E2"],
    ...     "compound_id": ["CM-1", "CM-1"], "event_type": ["raid", "raid"],
    ...     "event_date": ["2024-03-16", "2024-03"], "victims_count": [None, None],
    ...     "count_kind": ["", ""]})
    >>> propose_event_groups(r)["event_ids"].tolist()
    ['E1; E2']
    """
    use = reports[included(reports)]
    recs: list[dict[str, Any]] = [
        {
            "rid": text_of(r["report_id"]),
            "eid": event_key(text_of(r["report_id"]), text_of(r.get("event_id"))),
            "sites": set(split_ids(r.get("compound_id"))),
            "type": text_of(r.get("event_type")),
            "date": text_of(r.get("event_date")),
            "figure": (
                (int(r["victims_count"]), text_of(r.get("count_kind")))
                if r.get("victims_count") is not None and not pd.isna(r.get("victims_count"))
                else None
            ),
        }
        for r in records(use)
    ]
    parent: dict[str, str] = {r["eid"]: r["eid"] for r in recs}
    reasons: dict[frozenset[str], str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_type: dict[str, list[dict[str, Any]]] = {}
    for r in recs:
        by_type.setdefault(r["type"], []).append(r)
    for group in by_type.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if a["eid"] == b["eid"] or not _dates_agree(a["date"], b["date"], window_days):
                    continue
                shared = a["sites"] & b["sites"]
                if shared:
                    why = f"same site {', '.join(sorted(shared))}"
                elif (
                    not a["sites"] and not b["sites"] and a["figure"] and a["figure"] == b["figure"]
                ):
                    why = f"same figure {a['figure'][0]} {a['figure'][1]}".rstrip()
                else:
                    continue
                reasons.setdefault(frozenset((a["eid"], b["eid"])), f"{a['type']}, {why}")
                ra, rb = find(a["eid"]), find(b["eid"])
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = {}
    for eid in parent:
        groups.setdefault(find(eid), []).append(eid)
    rows = []
    for root, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        members = sorted(members)
        rows.append(
            {
                "proposed_event_id": root,
                "event_ids": "; ".join(members),
                "report_ids": "; ".join(sorted(r["rid"] for r in recs if r["eid"] in members)),
                "reason": "; ".join(
                    sorted({why for pair, why in reasons.items() if pair <= set(members)})
                ),
            }
        )
    return pd.DataFrame(rows, columns=["proposed_event_id", "event_ids", "report_ids", "reason"])
