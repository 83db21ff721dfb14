"""Keeping the driver's memory flat: relevant documents go to a temporary file as they
arrive; the driver keeps only a small record of each (:class:`DocMeta`, a few hundred
bytes with its MinHash signature) for grouping and ranking, and reads the full documents
back, a batch at a time, when it writes the review queue.
"""

from __future__ import annotations

import pickle
import tempfile
import weakref
from dataclasses import dataclass
from typing import IO

from .analyse import DocResult

__all__ = ["DocMeta", "Spill"]


@dataclass(frozen=True)
class DocMeta:
    """What grouping, novelty and ranking need of a relevant document."""

    key: tuple[int, int, int]
    doc_id: str
    url: str
    date: str
    title: str
    source: str
    language: str
    relevance: float
    event_type: str
    event_date: str
    main_province: str
    provinces: tuple[str, ...]
    compounds: tuple[str, ...]
    minhash: bytes
    offset: int

    @classmethod
    def of(cls, doc: DocResult, offset: int) -> DocMeta:
        """The small record of ``doc``, stored at ``offset`` of the spill file.

        Parameters
        ----------
        doc : DocResult
            A relevant document (:func:`compoundmap.scan.analyse.analyse_document`).
        offset : int
            Where its pickle starts in the spill file.

        Returns
        -------
        DocMeta
            Its ids, dates, scores, main province, provinces and registry compounds (each once,
            in order of first finding) and MinHash signature, without its text or findings.
        """
        provinces = tuple(
            dict.fromkeys(
                f.info["province_code"]
                for f in doc.findings
                if f.kind == "place" and f.info.get("province_code")
            )
        )
        return cls(
            doc.key,
            doc.doc_id,
            doc.url,
            doc.date,
            doc.title,
            doc.source,
            doc.language,
            doc.relevance,
            doc.event_type,
            doc.event_date,
            doc.main_province(),
            provinces,
            tuple(doc.values("compound")),
            doc.minhash,
            offset,
        )


class Spill:
    """An anonymous temporary file of pickled :class:`DocResult` (deleted when closed)."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.TemporaryFile(prefix="compoundmap-scan-")
        # Deleted with the object too, for callers that never close a ScanResult.
        self._finalizer = weakref.finalize(self, self._file.close)

    def add(self, doc: DocResult) -> DocMeta:
        """Store ``doc``; return its small record."""
        self._file.seek(0, 2)
        offset = self._file.tell()
        pickle.dump(doc, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        return DocMeta.of(doc, offset)

    def load(self, meta: DocMeta) -> DocResult:
        """Read a stored document back."""
        self._file.seek(meta.offset)
        doc: DocResult = pickle.load(self._file)
        return doc

    def close(self) -> None:
        """Delete the file."""
        self._finalizer()
