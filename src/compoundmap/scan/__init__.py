"""``compoundmap scan``: find new candidate reports in news archives, in-process or on Dask.

Flow: :mod:`.read` (inputs → documents, in parts) → :mod:`.signals` (language, relevance)
→ :mod:`.findings` (places, nationalities, dates, counts, registry names, event type, each
with its span; via :mod:`.analyse`) → :mod:`.dedupe` (syndicated copies, MinHash/LSH) →
:mod:`.novelty` (already in ``reports.csv``?) → :mod:`.queue` / :mod:`.view` (the ranked
review queue) → :mod:`.drafts` (accepted candidates as draft ``reports.csv`` rows).
:mod:`.run` runs the per-part steps in-process or on a Dask cluster. See ``docs/scan.md``.
"""

from __future__ import annotations

from .analyse import DocResult, PartStats, analyse_document
from .dedupe import group_syndicated, signature
from .drafts import accept_candidates, accepted_ids, draft_reports, write_drafts
from .entities import Registry, load_registry
from .findings import Finding
from .novelty import load_known, normalise_url
from .queue import CANDIDATE_COLUMNS, Candidate, rank_candidates, read_queue
from .read import Columns, Document, iter_documents, plan_parts, read_part
from .run import ScanOptions, ScanResult, process_part, scan, write_scan
from .settings import ScanSettings
from .signals import detect_language, relevance, topic_hits
from .view import render_queue_html

__all__ = [
    "CANDIDATE_COLUMNS",
    "Candidate",
    "Columns",
    "DocResult",
    "Document",
    "Finding",
    "PartStats",
    "Registry",
    "ScanOptions",
    "ScanResult",
    "ScanSettings",
    "accept_candidates",
    "accepted_ids",
    "analyse_document",
    "detect_language",
    "draft_reports",
    "group_syndicated",
    "iter_documents",
    "load_known",
    "load_registry",
    "normalise_url",
    "plan_parts",
    "process_part",
    "rank_candidates",
    "read_part",
    "read_queue",
    "relevance",
    "render_queue_html",
    "scan",
    "signature",
    "topic_hits",
    "write_drafts",
    "write_scan",
]
