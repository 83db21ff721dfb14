"""Accepted candidates → draft rows of ``reports.csv`` (``record_status = draft``).

The last step of a scan: a curator marks candidates in the review queue; each accepted one
becomes one row in the curated schema (:data:`compoundmap.sources.REPORTS_COLUMNS`) that
passes ``compoundmap validate``. Only what the head document says goes in: the place and
figure are quoted verbatim (25 words at most), coordinates are never filled, and
``summary`` is left for the curator to write in their own words.
"""

from __future__ import annotations

import csv
import json
import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd

from ..errors import DataFileError
from ..schema import Precision
from ..sources import REPORTS_COLUMNS, ValidationReport, check_file
from .queue import read_queue

__all__ = ["ACCEPT_MARKS", "accept_candidates", "accepted_ids", "draft_reports", "write_drafts"]

#: Values of the ``accept`` column that accept a candidate (case-insensitive).
ACCEPT_MARKS = frozenset({"yes", "y", "x", "1", "true", "accept", "accepted"})
_QUOTE_WORDS = 25
_SPACES = re.compile(r"\s+")


def accepted_ids(frame: pd.DataFrame) -> list[str]:
    """Candidate ids whose ``accept`` cell holds one of :data:`ACCEPT_MARKS`."""
    if "accept" not in frame.columns or "candidate_id" not in frame.columns:
        return []
    marks = frame["accept"].fillna("").astype(str).str.strip().str.casefold()
    return [str(c) for c in frame.loc[marks.isin(ACCEPT_MARKS), "candidate_id"]]


def _quote(text: str, start: int, end: int) -> str:
    """At most 25 words of ``text`` around ``[start, end)``, whitespace collapsed."""
    before = _SPACES.sub(" ", text[max(0, start - 300) : start]).split(" ")
    after = _SPACES.sub(" ", text[end : end + 300]).split(" ")
    core = _SPACES.sub(" ", text[start:end]).strip().split(" ")
    room = max(0, _QUOTE_WORDS - len(core))
    left = [w for w in before[1:] if w][-(room // 2) :] if room // 2 else []
    right = [w for w in after[:-1] if w][: room - len(left)]
    return " ".join([*left, *core, *right]).strip()


def _publisher(url: str, source: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.") or Path(source).name or "unknown publisher"


def _draft(row: dict[str, Any]) -> dict[str, str]:
    findings = json.loads(str(row.get("findings") or "[]"))
    text = str(row.get("text") or "")
    places = sorted(
        (f for f in findings if f["kind"] == "place"),
        key=lambda f: (f.get("precision") or 9, f["start"]),
    )
    counts = [f for f in findings if f["kind"] == "count"]
    compounds = [f for f in findings if f["kind"] == "compound"]
    url = str(row.get("head_url") or "")
    publisher = _publisher(url, str(row.get("head_source") or ""))
    out = {c: "" for c in REPORTS_COLUMNS}
    out.update(
        report_id=f"SCAN-{str(row['candidate_id']).removeprefix('SC-')}",
        record_status="draft",
        compound_id=str(row.get("compound_ids") or ""),
        operator_id=str(row.get("operator_ids") or ""),
        compound_name=compounds[0]["name"] if compounds else "",
        location_text=places[0]["text"] if places else "Cambodia",
        province_as_reported="; ".join(
            dict.fromkeys(f["text"] for f in places if f.get("precision") == Precision.PROVINCE)
        ),
        district_or_town_as_reported="; ".join(
            dict.fromkeys(f["text"] for f in places if (f.get("precision") or 9) < 4)
        ),
        event_type=str(row.get("event_type") or "report"),
        event_date=str(row.get("event_date") or ""),
        nationalities="; ".join(
            dict.fromkeys(
                f["text"] for f in findings if f["kind"] == "nationality" and f["value"] != "KH"
            )
        ),
        source_publisher=publisher,
        source_title=str(row.get("head_title") or "") or f"(untitled) ({publisher})",
        source_url=url if url.lower().startswith(("http://", "https://")) else "",
        source_date=str(row.get("head_date") or ""),
        source_type="media",
        source_tier="primary",
        status_note=(
            f"proposed by compoundmap scan, candidate {row['candidate_id']} "
            f"(relevance {float(row.get('relevance') or 0):.2f}, "
            f"{row.get('n_documents')} document(s)); not yet reviewed"
        ),
    )
    if places:
        out["verbatim_location_quote"] = _quote(text, places[0]["start"], places[0]["end"])
    if counts:
        c = counts[0]
        out["victims_count"] = str(c["value"])
        out["count_kind"] = str(c.get("count_kind") or "other")
        out["count_scope"] = "site" if compounds else ("place" if places else "country")
        out["verbatim_figure_quote"] = _quote(text, c["start"], c["end"])
    return out


def draft_reports(candidates: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """Draft ``reports.csv`` rows (:data:`REPORTS_COLUMNS`) for the accepted candidates.

    Parameters
    ----------
    candidates : pandas.DataFrame
        The review queue as written to ``candidates.parquet`` (with ``findings`` and
        ``text``).
    ids : iterable of str
        Accepted candidate ids, in the order the rows should take (a repeated id gives one
        row).

    Returns
    -------
    pandas.DataFrame
        One row per accepted candidate, every column of :data:`REPORTS_COLUMNS` as text
        (``record_status`` ``draft``, ``report_id`` ``SCAN-…``).

    Raises
    ------
    DataFileError
        If an id is not in the queue.
    """
    by_id = {
        str(r["candidate_id"]): {str(k): v for k, v in r.items()}
        for r in candidates.to_dict("records")
    }
    rows = []
    for cid in dict.fromkeys(ids):
        if cid not in by_id:
            raise DataFileError(f"candidate {cid!r} is not in the review queue")
        rows.append(_draft(by_id[cid]))
    return pd.DataFrame(rows, columns=list(REPORTS_COLUMNS), dtype=str)


def write_drafts(drafts: pd.DataFrame, path: str | Path) -> None:
    """Write draft rows as a ``reports.csv``-shaped file (UTF-8, every value quoted as needed).

    Parameters
    ----------
    drafts : pandas.DataFrame
        Rows from :func:`draft_reports` (its :data:`REPORTS_COLUMNS` are written, in that
        order).
    path : str or pathlib.Path
        The CSV to write (replaced if it exists).

    Raises
    ------
    DataFileError
        If the file cannot be written.
    """
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(REPORTS_COLUMNS)
            writer.writerows(drafts[list(REPORTS_COLUMNS)].itertuples(index=False, name=None))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot write: {exc}") from None


def accept_candidates(
    candidates: str | Path,
    output: str | Path,
    *,
    ids: Sequence[str] | None = None,
    accepted: str | Path | None = None,
) -> tuple[pd.DataFrame, ValidationReport]:
    """Write the accepted candidates as draft ``reports.csv`` rows and check the file.

    What ``compoundmap scan-accept`` runs. The accepted candidates are ``ids`` and those
    marked in ``accepted`` (:func:`accepted_ids`); with neither, those marked in the
    queue itself.

    Parameters
    ----------
    candidates : path
        ``candidates.parquet`` written by ``compoundmap scan``.
    output : path
        The draft reports CSV to write (:func:`write_drafts`).
    ids : sequence of str, optional
        Accepted candidate ids.
    accepted : path, optional
        A view of the queue (e.g. the CSV) with marks in its ``accept`` column.

    Returns
    -------
    tuple of (DataFrame, ValidationReport)
        The draft rows, and the check of the file written
        (:func:`compoundmap.sources.check_file`; its warnings are not raised).

    Raises
    ------
    DataFileError
        If no candidate is accepted, or an accepted id is not in the queue.

    Examples
    --------
    >>> drafts, report = accept_candidates("candidates.parquet", "drafts.csv",
    ...     ids=["SC-0123456789"])  # doctest: +SKIP
    """
    queue = read_queue(candidates)
    chosen = list(ids or [])
    if accepted is not None:
        chosen += accepted_ids(read_queue(accepted))
    if not ids and accepted is None:
        chosen = accepted_ids(queue)
    if not chosen:
        raise DataFileError("no accepted candidate: give --id, or --accepted with 'yes' marks")
    drafts = draft_reports(queue, chosen)
    write_drafts(drafts, output)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        report = check_file(output)
    return drafts, report
