"""The review queue: one row per candidate event, ranked by relevance and novelty.

Syndication groups (:mod:`compoundmap.scan.dedupe`) become candidate events; groups that
report the same event type on the same day in the same province are one event. Each
candidate carries its documents (head first), the head's findings with their spans and the
head's text, and whether its URL or its event is already in ``reports.csv``. Written as
``candidates.parquet`` with a CSV view for spreadsheets and an HTML view
(:mod:`compoundmap.scan.view`), a batch at a time.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import DataFileError
from .analyse import DocResult
from .novelty import KnownReports
from .spill import DocMeta
from .view import HTML_FOOT, html_head, html_section

__all__ = [
    "CANDIDATE_COLUMNS",
    "Candidate",
    "candidate_row",
    "queue_frame",
    "rank_candidates",
    "read_queue",
    "write_queue_files",
]

#: Columns of ``candidates.parquet``, in order (the CSV view leaves out ``findings`` and
#: ``text``).
CANDIDATE_COLUMNS: tuple[str, ...] = (
    "rank",
    "candidate_id",
    "accept",
    "priority",
    "relevance",
    "novelty",
    "status",
    "event_type",
    "event_date",
    "language",
    "provinces",
    "places",
    "nationalities",
    "counts",
    "compound_ids",
    "operator_ids",
    "known_report_ids",
    "n_documents",
    "head_doc_id",
    "head_url",
    "head_title",
    "head_date",
    "head_source",
    "documents",
    "findings",
    "text",
)
_CSV_LEAVES_OUT = ("findings", "text")
_FLOATS = ("priority", "relevance", "novelty")
_INTS = ("rank", "n_documents")


def _event_key(doc: DocMeta) -> tuple[str, str, str] | None:
    if len(doc.event_date) != 10 or not doc.main_province:
        return None
    return (doc.event_type, doc.event_date, doc.main_province)


def _merge_events(docs: Sequence[DocMeta], groups: list[list[int]]) -> list[list[int]]:
    """Join syndication groups whose heads report one event (type, day, province)."""
    merged: list[list[int]] = []
    by_key: dict[tuple[str, str, str], int] = {}
    for group in groups:
        key = _event_key(docs[group[0]])
        if key is not None and key in by_key:
            merged[by_key[key]].extend(group)
            continue
        if key is not None:
            by_key[key] = len(merged)
        merged.append(list(group))
    return merged


@dataclass(frozen=True)
class Candidate:
    """One candidate event, ranked: its documents (head first) and its novelty."""

    rank: int
    candidate_id: str
    priority: float
    relevance: float
    novelty: float
    status: str
    known_report_ids: str
    members: tuple[DocMeta, ...]

    @property
    def head(self) -> DocMeta:
        """The group's head (the earliest document)."""
        return self.members[0]


def _candidate_id(head: DocMeta) -> str:
    digest = hashlib.sha1(f"{head.doc_id}\x1f{head.url}".encode()).hexdigest()
    return f"SC-{digest[:10]}"


def _candidate(group: list[DocMeta], known: KnownReports) -> Candidate:
    head = group[0]
    known_url = known.known_urls(d.url for d in group)
    known_event = known.known_events(
        head.event_type, head.event_date, head.provinces, head.compounds
    )
    if known_url:
        status, novelty = "known_url", 0.0
    elif known_event:
        status, novelty = "known_event", 0.5
    else:
        status, novelty = "new", 1.0
    relevance = max(d.relevance for d in group)
    return Candidate(
        0,
        _candidate_id(head),
        round(relevance * (0.5 + 0.5 * novelty), 6),
        relevance,
        novelty,
        status,
        ";".join(dict.fromkeys(known_url + known_event)),
        tuple(group),
    )


def rank_candidates(
    docs: Sequence[DocMeta], groups: list[list[int]], known: KnownReports
) -> list[Candidate]:
    """Candidate events, ranked: one per syndication group (groups reporting one event
    merged).

    Ranked by ``priority`` = relevance × (0.5 + 0.5 × novelty), where novelty is 1 for a
    new event, 0.5 when ``reports.csv`` seems to hold the event already, 0 when it cites
    one of the candidate's URLs; ties by relevance, number of documents, then id.

    Parameters
    ----------
    docs : sequence of DocMeta
        The relevant documents, in the order ``groups`` refers to.
    groups : list of list of int
        Positions into ``docs``, head first (:func:`compoundmap.scan.dedupe.group_syndicated`).
        Groups whose heads have the same event type, full event date and main province are
        merged, in the order of ``groups``.
    known : KnownReports
        The curated reports (:func:`compoundmap.scan.novelty.load_known`).

    Returns
    -------
    list of Candidate
        Ranked from 1; each candidate's relevance is its best document's, its id
        (``SC-`` and 10 hex digits) a hash of its head's id and URL.
    """
    found = [
        _candidate([docs[i] for i in members], known) for members in _merge_events(docs, groups)
    ]
    found.sort(key=lambda c: (-c.priority, -c.relevance, -len(c.members), c.candidate_id))
    return [replace(c, rank=rank) for rank, c in enumerate(found, start=1)]


def _places(head: DocResult) -> str:
    seen: dict[str, None] = {}
    for f in head.findings:
        if f.kind == "place":
            seen[f"{f.text} ({f.value}, precision {f.info.get('precision')})"] = None
    return "; ".join(seen)


def _counts(head: DocResult) -> str:
    items = [
        f"{f.value} {f.info.get('count_kind', 'other')}" for f in head.findings if f.kind == "count"
    ]
    return "; ".join(dict.fromkeys(items))


def candidate_row(c: Candidate, head: DocResult) -> dict[str, Any]:
    """The full row of :data:`CANDIDATE_COLUMNS` of one candidate, given its head document.

    Parameters
    ----------
    c : Candidate
        A ranked candidate (:func:`rank_candidates`).
    head : DocResult
        Its head document read back in full (:meth:`compoundmap.scan.spill.Spill.load`).

    Returns
    -------
    dict
        One value per column of :data:`CANDIDATE_COLUMNS`, in order: ``accept`` empty,
        lists joined with ``;`` (``KH`` left out of ``nationalities``), ``documents`` and
        ``findings`` as JSON text, ``text`` the head's whole text.
    """
    documents = [
        {
            "doc_id": d.doc_id,
            "role": "head" if i == 0 else "copy",
            "url": d.url,
            "date": d.date,
            "title": d.title,
            "language": d.language,
            "relevance": d.relevance,
            "source": d.source,
        }
        for i, d in enumerate(c.members)
    ]
    return {
        "rank": c.rank,
        "candidate_id": c.candidate_id,
        "accept": "",
        "priority": c.priority,
        "relevance": c.relevance,
        "novelty": c.novelty,
        "status": c.status,
        "event_type": head.event_type,
        "event_date": head.event_date,
        "language": head.language,
        "provinces": ";".join(c.head.provinces),
        "places": _places(head),
        "nationalities": ";".join(v for v in head.values("nationality") if v != "KH"),
        "counts": _counts(head),
        "compound_ids": ";".join(c.head.compounds),
        "operator_ids": ";".join(head.values("operator")),
        "known_report_ids": c.known_report_ids,
        "n_documents": len(c.members),
        "head_doc_id": head.doc_id,
        "head_url": head.url,
        "head_title": head.title,
        "head_date": head.date,
        "head_source": head.source,
        "documents": json.dumps(documents, ensure_ascii=False, sort_keys=True),
        "findings": json.dumps([f.to_dict() for f in head.findings], ensure_ascii=False),
        "text": head.text,
    }


def queue_frame(rows: Iterable[dict[str, Any]]) -> pd.DataFrame:
    """Rows of :func:`candidate_row` as a typed DataFrame (:data:`CANDIDATE_COLUMNS`)."""
    frame = pd.DataFrame(list(rows), columns=list(CANDIDATE_COLUMNS))
    for col in _INTS:
        frame[col] = frame[col].astype("int64")
    for col in _FLOATS:
        frame[col] = frame[col].astype("float64")
    for col in CANDIDATE_COLUMNS:
        if col not in _INTS and col not in _FLOATS:
            frame[col] = frame[col].astype(str)
    return frame


def _schema() -> pa.Schema:
    types = {c: pa.int64() for c in _INTS} | {c: pa.float64() for c in _FLOATS}
    return pa.schema([(c, types.get(c, pa.string())) for c in CANDIDATE_COLUMNS])


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet runs a cell that starts with = + - @ as a formula: quote it.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_queue_files(
    batches: Iterable[list[dict[str, Any]]], output: str | Path, n_candidates: int
) -> list[Path]:
    """Write ``candidates.parquet`` and, beside it, the ``.csv`` and ``.html`` views, from
    batches of rows in rank order (one Parquet row group per batch), in flat memory.

    The CSV view leaves out ``findings`` and ``text`` and quotes cells a spreadsheet would
    run as formulas; put ``yes`` in its ``accept`` column and give it to
    ``compoundmap scan-accept``.

    Parameters
    ----------
    batches : iterable of list of dict
        Rows of :func:`candidate_row`, in rank order, a batch at a time.
    output : str or pathlib.Path
        The Parquet file to write; the views take its name with ``.csv`` and ``.html``.
    n_candidates : int
        The number of rows in all batches (the HTML page states it before the rows come;
        with 0 an empty Parquet row group is written).

    Returns
    -------
    list of pathlib.Path
        The Parquet, CSV and HTML files written, in that order.

    Raises
    ------
    DataFileError
        If a file cannot be written.
    """
    out = Path(output)
    csv_path, html_path = out.with_suffix(".csv"), out.with_suffix(".html")
    columns = [c for c in CANDIDATE_COLUMNS if c not in _CSV_LEAVES_OUT]
    schema = _schema()
    try:
        with (
            pq.ParquetWriter(str(out), schema, compression="zstd") as parquet,
            open(csv_path, "w", encoding="utf-8", newline="") as csv_fh,
            open(html_path, "w", encoding="utf-8", newline="\n") as html_fh,
        ):
            writer = csv.writer(csv_fh, lineterminator="\n")
            writer.writerow(columns)
            html_fh.write(html_head(n_candidates))
            for rows in batches:
                parquet.write_table(pa.Table.from_pylist(rows, schema=schema))
                writer.writerows([_cell(r[c]) for c in columns] for r in rows)
                html_fh.write("".join(html_section(r) + "\n" for r in rows))
            if n_candidates == 0:
                parquet.write_table(schema.empty_table())
            html_fh.write(HTML_FOOT)
    except OSError as exc:
        raise DataFileError(f"{out}: cannot write the review queue: {exc}") from None
    return [out, csv_path, html_path]


def read_queue(path: str | Path) -> pd.DataFrame:
    """Read a ``candidates.parquet`` (or its CSV view) back as strings and numbers.

    Raises
    ------
    DataFileError
        If the file cannot be read.
    """
    p = Path(path)
    try:
        if p.suffix.lower() == ".csv":
            return pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        return pq.read_table(p).to_pandas()
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{p}: cannot read the review queue: {exc}") from None
