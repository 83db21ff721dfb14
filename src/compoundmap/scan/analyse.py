"""One document in, one scored record with its evidence out: the per-document step of a scan.

Cheap signals first (language, relevance words); only a document whose topic score passes
:attr:`ScanSettings.topic_threshold` is geoparsed and read for counts, dates and registry
names, and only a relevant one gets a MinHash signature for the syndication step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from .dates import normalise_date
from .dedupe import signature
from .entities import Registry
from .findings import (
    Finding,
    find_counts,
    find_date_mentions,
    find_places,
    find_registry,
    guess_event_type,
    sort_findings,
    term_findings,
)
from .read import Document
from .settings import ScanSettings
from .signals import detect_language, relevance, topic_hits

__all__ = ["DocResult", "PartStats", "analyse_document", "analyse_documents"]


@dataclass(frozen=True)
class DocResult:
    """A relevant document with its scores, guesses and findings (spans into ``text``)."""

    key: tuple[int, int, int]
    doc_id: str
    url: str
    date: str
    title: str
    text: str
    source: str
    language: str
    relevance: float
    topic: float
    anchored: bool
    concepts: tuple[str, ...]
    event_type: str
    event_date: str
    findings: tuple[Finding, ...]
    minhash: bytes

    def values(self, kind: str) -> list[str]:
        """Distinct values of one kind of finding, in order of first appearance."""
        return list(dict.fromkeys(f.value for f in self.findings if f.kind == kind))

    def main_province(self) -> str:
        """The province named most often (ties: first named), ``""`` if none."""
        codes = [f.info.get("province_code", "") for f in self.findings if f.kind == "place"]
        codes = [c for c in codes if c]
        if not codes:
            return ""
        counts = Counter(codes)
        return max(dict.fromkeys(codes), key=lambda c: counts[c])


@dataclass
class PartStats:
    """Counts of one part (or a whole scan): documents and characters read, documents
    geoparsed (topic score passed) and relevant documents."""

    documents: int = 0
    chars: int = 0
    geoparsed: int = 0
    relevant: int = 0

    def add(self, other: PartStats) -> None:
        """Add another part's counts to these."""
        self.documents += other.documents
        self.chars += other.chars
        self.geoparsed += other.geoparsed
        self.relevant += other.relevant


def _event_date(doc_date: str, findings: Iterable[Finding]) -> str:
    """The latest full date the text names in the month up to the document's own date (a
    report dated the 8th about a raid "on 7 October"); else the document's date; for an
    undated document, the latest full date in the text."""
    days = sorted(f.value for f in findings if f.kind == "date" and len(f.value) == 10)
    if len(doc_date) == 10:
        published = date.fromisoformat(doc_date)
        recent = [d for d in days if 0 <= (published - date.fromisoformat(d)).days <= 31]
        return recent[-1] if recent else doc_date
    if doc_date:
        return doc_date
    return days[-1] if days else ""


def analyse_document(
    doc: Document,
    *,
    registry: Registry,
    settings: ScanSettings | None = None,
    stats: PartStats | None = None,
) -> DocResult | None:
    """Score one document; return its record with findings if it is relevant, else None.

    Parameters
    ----------
    doc : Document
        From :func:`compoundmap.scan.read.read_part`.
    registry : Registry
        Compound and operator names (:func:`compoundmap.scan.entities.load_registry`).
    settings : ScanSettings, optional
        Thresholds and weights; default ``ScanSettings()``.
    stats : PartStats, optional
        Incremented in place (documents and characters read, documents geoparsed and
        relevant).

    Returns
    -------
    DocResult or None
        The document's scores, guessed event type and date, sorted findings and MinHash
        signature; None if its topic score is below
        :attr:`ScanSettings.topic_threshold` or its relevance below
        :attr:`ScanSettings.relevance_threshold`.
    """
    s = settings or ScanSettings()
    if stats is not None:
        stats.documents += 1
        stats.chars += len(doc.text)
    hits = topic_hits(doc.title, doc.text)
    first = relevance(hits, settings=s)
    if first.topic < s.topic_threshold:
        return None
    if stats is not None:
        stats.geoparsed += 1
    places = find_places(doc.text, hits, s)
    has_place = any(f.kind == "place" for f in places)
    rel = relevance(hits, has_place=has_place, settings=s) if has_place else first
    if rel.score < s.relevance_threshold:
        return None
    if stats is not None:
        stats.relevant += 1
    text = doc.text
    findings = sort_findings(
        [
            *places,
            *find_counts(text),
            *find_date_mentions(text),
            *find_registry(text, registry),
            *term_findings(text, hits),
        ]
    )
    return DocResult(
        key=doc.key,
        doc_id=doc.doc_id,
        url=doc.url,
        date=normalise_date(doc.date),
        title=doc.title,
        text=text,
        source=doc.source,
        language=detect_language(text or doc.title),
        relevance=rel.score,
        topic=rel.topic,
        anchored=rel.anchored,
        concepts=rel.concepts,
        event_type=guess_event_type(hits),
        event_date=_event_date(doc.date, findings),
        findings=tuple(findings),
        minhash=signature(doc.title + "\n" + text, s),
    )


def analyse_documents(
    docs: Iterable[Document],
    *,
    registry: Registry,
    settings: ScanSettings | None = None,
    stats: PartStats | None = None,
) -> Iterator[DocResult]:
    """:func:`analyse_document` over a stream, yielding the relevant documents only.

    Parameters
    ----------
    docs : iterable of Document
        The documents, read lazily in order.
    registry : Registry
        Compound and operator names (:func:`compoundmap.scan.entities.load_registry`).
    settings : ScanSettings, optional
        Thresholds and weights; default ``ScanSettings()``.
    stats : PartStats, optional
        Incremented in place for every document read.

    Yields
    ------
    DocResult
        Each relevant document's record, in the order of ``docs``.
    """
    for doc in docs:
        result = analyse_document(doc, registry=registry, settings=settings, stats=stats)
        if result is not None:
            yield result
