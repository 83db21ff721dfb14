"""The review queue: one row per candidate event, ranked by relevance and novelty.

Syndication groups (:mod:`compoundmap.scan.dedupe`) become candidate events; groups that
report the same event type on the same day in the same province are one event. Each
candidate carries its documents (head first), the head's findings with their spans and the
head's text, and whether its URL or its event is already in ``reports.csv``. Written as
``candidates.parquet`` and a CSV view for spreadsheets (:mod:`compoundmap.scan.view` writes
the HTML view).
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import DataFileError
from .analyse import DocResult
from .novelty import KnownReports

__all__ = ["CANDIDATE_COLUMNS", "build_queue", "read_queue", "write_queue_csv", "write_queue"]

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


def _event_key(doc: DocResult) -> tuple[str, str, str] | None:
    province = doc.main_province()
    if len(doc.event_date) != 10 or not province:
        return None
    return (doc.event_type, doc.event_date, province)


def _merge_events(docs: Sequence[DocResult], groups: list[list[int]]) -> list[list[int]]:
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


def _candidate_id(head: DocResult) -> str:
    digest = hashlib.sha1(f"{head.doc_id}\x1f{head.url}".encode()).hexdigest()
    return f"SC-{digest[:10]}"


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


def _row(docs: Sequence[DocResult], members: list[int], known: KnownReports) -> dict[str, Any]:
    head = docs[members[0]]
    group = [docs[i] for i in members]
    provinces = list(
        dict.fromkeys(
            f.info["province_code"]
            for f in head.findings
            if f.kind == "place" and f.info.get("province_code")
        )
    )
    compounds = head.values("compound")
    known_url = known.known_urls(d.url for d in group)
    known_event = known.known_events(head.event_type, head.event_date, provinces, compounds)
    if known_url:
        status, novelty = "known_url", 0.0
    elif known_event:
        status, novelty = "known_event", 0.5
    else:
        status, novelty = "new", 1.0
    relevance = max(d.relevance for d in group)
    documents = [
        {
            "doc_id": d.doc_id,
            "role": "head" if d is head else "copy",
            "url": d.url,
            "date": d.date,
            "title": d.title,
            "language": d.language,
            "relevance": d.relevance,
            "source": d.source,
        }
        for d in group
    ]
    return {
        "candidate_id": _candidate_id(head),
        "accept": "",
        "priority": round(relevance * (0.5 + 0.5 * novelty), 6),
        "relevance": relevance,
        "novelty": novelty,
        "status": status,
        "event_type": head.event_type,
        "event_date": head.event_date,
        "language": head.language,
        "provinces": ";".join(provinces),
        "places": _places(head),
        "nationalities": ";".join(v for v in head.values("nationality") if v != "KH"),
        "counts": _counts(head),
        "compound_ids": ";".join(compounds),
        "operator_ids": ";".join(head.values("operator")),
        "known_report_ids": ";".join(dict.fromkeys(known_url + known_event)),
        "n_documents": len(group),
        "head_doc_id": head.doc_id,
        "head_url": head.url,
        "head_title": head.title,
        "head_date": head.date,
        "head_source": head.source,
        "documents": json.dumps(documents, ensure_ascii=False, sort_keys=True),
        "findings": json.dumps([f.to_dict() for f in head.findings], ensure_ascii=False),
        "text": head.text,
    }


def build_queue(
    docs: Sequence[DocResult], groups: list[list[int]], known: KnownReports
) -> pd.DataFrame:
    """The ranked review queue (:data:`CANDIDATE_COLUMNS`), one row per candidate event.

    Ranked by ``priority`` = relevance × (0.5 + 0.5 × novelty), where novelty is 1 for a
    new event, 0.5 when ``reports.csv`` seems to hold the event already, 0 when it cites
    one of the candidate's URLs; ties by relevance, number of documents, then id.
    """
    rows = [_row(docs, members, known) for members in _merge_events(docs, groups)]
    rows.sort(key=lambda r: (-r["priority"], -r["relevance"], -r["n_documents"], r["candidate_id"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    frame = pd.DataFrame(rows, columns=list(CANDIDATE_COLUMNS))
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


def write_queue(frame: pd.DataFrame, path: str | Path) -> None:
    """Write ``candidates.parquet`` (same rows, same bytes for the same input)."""
    table = pa.Table.from_pandas(frame, schema=_schema(), preserve_index=False)
    table = table.replace_schema_metadata(None)  # no pandas metadata: nothing run-dependent
    try:
        pq.write_table(table, str(path), compression="zstd")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot write: {exc}") from None


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


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # A spreadsheet runs a cell that starts with = + - @ as a formula: quote it.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_queue_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Write the CSV view: every column but ``findings`` and ``text``, formula-safe.

    Put ``yes`` in ``accept`` and give the file to ``compoundmap scan-accept``.
    """
    columns = [c for c in CANDIDATE_COLUMNS if c not in _CSV_LEAVES_OUT]
    try:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, lineterminator="\n")
            writer.writerow(columns)
            for row in frame[columns].itertuples(index=False, name=None):
                writer.writerow([_cell(v) for v in row])
    except OSError as exc:
        raise DataFileError(f"{path}: cannot write: {exc}") from None
