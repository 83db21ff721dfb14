"""Cheap per-document signals: language and relevance to forced-labour scam compounds.

Computed for every document before anything costly, so that place extraction, counts and
MinHash run only on the documents (or passages) that may matter. The relevance score is
defined in ``docs/scan.md`` ("Relevance"): a noisy-OR over the *concepts* of
``lexicon.csv`` found in the title and text, times an anchor factor that is 1 when the
document names Cambodia (or a Cambodian place) and lower when it does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .lexicon import get_lexicon
from .settings import ScanSettings

__all__ = ["Relevance", "TermHit", "detect_language", "relevance", "topic_hits"]


@dataclass(frozen=True)
class TermHit:
    """A lexicon term found in a text: its group (``topic``, ``event``, ``anchor``), the
    concept it stands for, and its span (``field`` is ``title`` or ``text``)."""

    group: str
    key: str
    field: str
    start: int
    end: int


@dataclass(frozen=True)
class Relevance:
    """The relevance of one document and how it was reached.

    ``topic`` is the noisy-OR of the concepts found (0-1); ``anchored`` says whether the
    document names Cambodia; ``score`` is ``topic`` times the anchor factor.
    """

    score: float
    topic: float
    anchored: bool
    concepts: tuple[str, ...]
    events: tuple[str, ...]


_SIGNAL_GROUPS = ("anchor", "event", "topic")
# Varieties the model tells apart that the review queue reports as one language.
_MACRO = {"wuu": "zh", "yue": "zh"}


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def detect_language(text: str, *, sample_chars: int = 600) -> str:
    """ISO 639-1 code of the text's language (py3langid, offline), ``""`` for empty text.

    Only the first ``sample_chars`` characters are read: enough for a news article, and
    it keeps the cost per document constant.

    Parameters
    ----------
    text : str
        The text (or title) to identify.
    sample_chars : int, default 600
        How many characters from the start are read.

    Returns
    -------
    str
        The language's code (Wu and Cantonese are reported as ``zh``), ``""`` if the sample
        is empty or only whitespace.

    Examples
    --------
    >>> detect_language("Polisi Kamboja menyelamatkan WNI korban penipuan online")
    'id'
    """
    sample = text[:sample_chars].strip()
    if not sample:
        return ""
    label, _score = _identifier().classify(sample)
    return _MACRO.get(str(label), str(label))


def topic_hits(title: str, text: str) -> list[TermHit]:
    """Topic, event and anchor terms in the title and the text, with spans.

    Parameters
    ----------
    title : str
        The document's title.
    text : str
        The document's text.

    Returns
    -------
    list of TermHit
        The title's hits first, then the text's, each by start (then group).

    Examples
    --------
    >>> [(h.group, h.key, h.field) for h in topic_hits("Scam raid", "In Cambodia.")]
    [('topic', 'scam', 'title'), ('event', 'raid', 'title'), ('anchor', 'cambodia', 'text')]
    """
    matcher = get_lexicon().matcher(_SIGNAL_GROUPS)
    hits: list[TermHit] = []
    for field, value in (("title", title), ("text", text)):
        for group, key, start, end in matcher.finditer(value):
            hits.append(TermHit(group, key, field, start, end))
    hits.sort(key=lambda h: (h.field != "title", h.start, h.group))
    return hits


def _noisy_or(weights: Iterable[float]) -> float:
    miss = 1.0
    for w in weights:
        miss *= 1.0 - w
    return 1.0 - miss


def relevance(
    hits: Iterable[TermHit], *, has_place: bool = False, settings: ScanSettings | None = None
) -> Relevance:
    """Score a document from its term hits (see ``docs/scan.md``, "Relevance").

    Parameters
    ----------
    hits : iterable of TermHit
        From :func:`topic_hits`.
    has_place : bool, default False
        Whether a place in Cambodia was found in the text (anchors it like "Cambodia").
    settings : ScanSettings, optional
        Concept weights and the anchor factor.

    Returns
    -------
    Relevance
        The score (topic times 1 if anchored, else :attr:`ScanSettings.unanchored_factor`),
        the topic score (noisy-OR of the concepts' weights, plus one event weight if any
        event word is found), both rounded to 6 decimals, whether it is anchored, and the
        sorted concepts and events found.

    Examples
    --------
    >>> r = relevance(topic_hits("", "Police raided a scam compound in Cambodia."))
    >>> r.concepts, r.anchored, round(r.score, 3)
    (('compound', 'scam'), True, 0.758)
    """
    s = settings or ScanSettings()
    concepts: set[str] = set()
    events: set[str] = set()
    anchored = has_place
    for h in hits:
        if h.group == "topic":
            concepts.update(h.key.split("+"))  # "scam compound" is both
        elif h.group == "event":
            events.add(h.key)
        elif h.group == "anchor":
            anchored = True
    weights = [s.concept_weights.get(c, 0.0) for c in sorted(concepts)]
    # Event words alone do not make a document relevant (police raid drug dens too):
    # together they add at most one event weight.
    if events:
        weights.append(s.event_weight)
    topic = _noisy_or(weights)
    score = topic * (1.0 if anchored else s.unanchored_factor)
    return Relevance(
        round(score, 6), round(topic, 6), anchored, tuple(sorted(concepts)), tuple(sorted(events))
    )
