"""What one relevant document says, each finding with its character span in the text.

Second step of ``compoundmap scan``, run only on documents the relevance signal kept:
Cambodian places (codes, precision) and nationalities from :mod:`compoundmap.geoparse`,
dates, counts of people with what they count, registry compound and operator names, and a
guessed event type. Long texts are geoparsed only in passages around the topic words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..geoparse import extract_mentions
from ..schema import COUNT_KINDS, EVENT_TYPES, MAX_PEOPLE_COUNT
from .dates import find_dates
from .entities import Registry
from .lexicon import get_lexicon
from .settings import ScanSettings
from .signals import TermHit

__all__ = ["Finding", "find_counts", "find_places", "find_registry", "guess_event_type"]


@dataclass(frozen=True)
class Finding:
    """One piece of evidence: ``text[start:end]`` of the document's text is ``text``.

    ``kind`` is ``place``, ``nationality``, ``date``, ``count``, ``compound``,
    ``operator`` or ``term`` (a relevance word). ``value`` is the code, ISO country code,
    date, number, registry id or concept; ``info`` holds the rest (precision, count kind…).
    """

    kind: str
    start: int
    end: int
    text: str
    value: str
    info: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The finding as a JSON-ready dict (keys in a fixed order)."""
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            **{k: self.info[k] for k in sorted(self.info)},
        }


# --------------------------------------------------------------------------- places


def _passages(text: str, hits: Sequence[TermHit], settings: ScanSettings) -> list[tuple[int, int]]:
    if len(text) <= settings.full_text_chars:
        return [(0, len(text))]
    windows: list[tuple[int, int]] = []
    pad = settings.passage_chars
    for h in hits:
        if h.field != "text":
            continue
        start, end = max(0, h.start - pad), min(len(text), h.end + pad)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def find_places(
    text: str, hits: Sequence[TermHit], settings: ScanSettings | None = None
) -> list[Finding]:
    """Places in Cambodia and countries named in the text (whole, or passages of a long one).

    A text longer than :attr:`ScanSettings.full_text_chars` is geoparsed only in windows of
    :attr:`ScanSettings.passage_chars` either side of its text hits (overlapping windows
    merged); spans are always into the whole ``text``.

    Parameters
    ----------
    text : str
        The document's text.
    hits : sequence of TermHit
        Its term hits (:func:`compoundmap.scan.signals.topic_hits`); only those in the text
        (``field == "text"``) place the passages of a long text.
    settings : ScanSettings, optional
        The passage sizes; default ``ScanSettings()``.

    Returns
    -------
    list of Finding
        ``place`` findings (value: the most precise code; ``info``: precision, codes,
        status, name) and ``nationality`` findings (value: ISO country code; ``info``: form,
        country), in the order :func:`compoundmap.geoparse.extract_mentions` gives them per
        passage.

    Examples
    --------
    >>> [(f.kind, f.text, f.value) for f in find_places("Police raided a site in Poipet.", [])]
    [('place', 'Poipet', '0110')]
    """
    s = settings or ScanSettings()
    out: list[Finding] = []
    for lo, hi in _passages(text, hits, s):
        places, countries = extract_mentions(text[lo:hi])
        for p in places:
            code = p.commune_code or p.district_code or p.province_code or ""
            info = {
                "precision": p.precision,
                "province_code": p.province_code or "",
                "district_code": p.district_code or "",
                "commune_code": p.commune_code or "",
                "status": p.status,
                "name": p.commune_name or p.district_name or p.province_name or "",
            }
            out.append(Finding("place", lo + p.start, lo + p.end, p.text, code, info))
        for c in countries:
            info = {"form": c.form, "country": c.country_name}
            out.append(
                Finding("nationality", lo + c.start, lo + c.end, c.text, c.country_code, info)
            )
    return out


# --------------------------------------------------------------------------- counts

_NUMBER_RE = re.compile(r"(?<![\d.,/:-])(\d{1,3}(?:[,.\u00a0 ]\d{3})+|\d{1,7})(?![\d/:]|[.,]\d)")
_SENTENCE_END = re.compile(r"[.!?。！？\n។]\s")
_NOUN_GAP = 32  # characters between a number and its noun ("45 Indonesian nationals")
_KIND_WINDOW = 80  # characters either side of a count in which its verb is looked for


def _count_kind(text: str, start: int, end: int, kinds: list[tuple[str, int, int]]) -> str:
    lo = max(0, start - _KIND_WINDOW)
    hi = min(len(text), end + _KIND_WINDOW)
    best: tuple[int, str] | None = None
    for key, ks, ke in kinds:
        if ke < lo or ks > hi:
            continue
        between = text[min(ke, end) : max(ks, start)]
        if _SENTENCE_END.search(between):
            continue  # another sentence
        distance = ks - end if ks >= end else start - ke
        if best is None or (distance, key) < best:
            best = (distance, key)
    return best[1] if best else "other"


def find_counts(text: str) -> list[Finding]:
    """Counts of people (``45 Indonesian nationals``, ``解救45名``, ``45 người``) with what
    they count (one of :data:`compoundmap.schema.COUNT_KINDS`), from the verb nearest to
    the count in its sentence; ``other`` when there is none.

    Examples
    --------
    >>> [(f.text, f.value, f.info["count_kind"]) for f in find_counts(
    ...     "Police rescued 1,200 foreign nationals on Monday.")]
    [('1,200 foreign nationals', '1200', 'rescued')]
    """
    hits = list(get_lexicon().matcher(("count_kind", "people")).finditer(text))
    people = [(k, s, e) for g, k, s, e in hits if g == "people"]
    if not people:
        return []
    kinds = [(k, s, e) for g, k, s, e in hits if g == "count_kind"]
    out: list[Finding] = []
    j = 0
    for m in _NUMBER_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group(1))
        value = int(digits)
        if value == 0 or value > MAX_PEOPLE_COUNT or (1900 <= value <= 2100 and len(digits) == 4):
            continue
        while j < len(people) and people[j][1] < m.end():
            j += 1
        if j == len(people) or people[j][1] - m.end() > _NOUN_GAP:
            continue
        gap = text[m.end() : people[j][1]]
        if _SENTENCE_END.search(gap) or any(ch.isdigit() for ch in gap):
            continue
        end = people[j][2]
        kind = _count_kind(text, m.start(), end, kinds)
        assert kind in COUNT_KINDS
        out.append(
            Finding(
                "count", m.start(), end, text[m.start() : end], str(value), {"count_kind": kind}
            )
        )
    return out


# --------------------------------------------------------------------------- the rest


def find_registry(text: str, registry: Registry) -> list[Finding]:
    """Registry compound and operator names in the text.

    Parameters
    ----------
    text : str
        The document's text.
    registry : Registry
        Names to look for (:func:`compoundmap.scan.entities.load_registry`).

    Returns
    -------
    list of Finding
        One ``compound`` or ``operator`` finding per match (value: the entity's id;
        ``info["name"]``: its main name), by start.

    Examples
    --------
    >>> from compoundmap.scan.entities import load_registry
    >>> reg = load_registry("tests/data/scan/compounds.csv", "tests/data/scan/operators.csv")
    >>> [(f.kind, f.value, f.start) for f in find_registry("the Golden Fortune compound", reg)]
    [('compound', 'CM-T001', 4)]
    """
    return [
        Finding(n.kind, s, e, text[s:e], n.entity_id, {"name": n.name})
        for n, s, e in registry.find(text)
    ]


def find_date_mentions(text: str) -> list[Finding]:
    """Dates named in the text (see :func:`compoundmap.scan.dates.find_dates`)."""
    return [Finding("date", s, e, text[s:e], v) for v, s, e in find_dates(text)]


def term_findings(text: str, hits: Iterable[TermHit]) -> list[Finding]:
    """The relevance words found in the text, as findings (``kind`` ``term``).

    Parameters
    ----------
    text : str
        The document's text.
    hits : iterable of TermHit
        Its term hits (:func:`compoundmap.scan.signals.topic_hits`); hits in the title are
        left out (their spans are not into ``text``).

    Returns
    -------
    list of Finding
        One per hit in the text (value: the concept; ``info["group"]``: ``topic``,
        ``event`` or ``anchor``), in the order of ``hits``.

    Examples
    --------
    >>> from compoundmap.scan.signals import topic_hits
    >>> text = "Police raided a compound."
    >>> [(f.text, f.value) for f in term_findings(text, topic_hits("", text))]
    [('raided', 'raid'), ('compound', 'compound')]
    """
    return [
        Finding("term", h.start, h.end, text[h.start : h.end], h.key, {"group": h.group})
        for h in hits
        if h.field == "text"
    ]


def guess_event_type(hits: Iterable[TermHit]) -> str:
    """The event type most named (a title word counts twice), else ``report``.

    Ties go to the type listed first in :data:`compoundmap.schema.EVENT_TYPES`.

    Examples
    --------
    >>> from compoundmap.scan.signals import topic_hits
    >>> guess_event_type(topic_hits("Scam compound raided", "Police rescued 40 people."))
    'raid'
    """
    votes: Counter[str] = Counter()
    for h in hits:
        if h.group == "event" and h.key in EVENT_TYPES:
            votes[h.key] += 2 if h.field == "title" else 1
    if not votes:
        return "report"
    return max(EVENT_TYPES, key=lambda t: (votes.get(t, 0), -EVENT_TYPES.index(t)))


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in text order (then kind and value), the order every output uses."""
    return sorted(findings, key=lambda f: (f.start, f.end, f.kind, f.value))
