"""Every tunable of ``compoundmap scan`` in one frozen object.

Read by the signals, the findings, the syndication grouping and the review queue; the
defaults are documented in ``docs/scan.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["ScanSettings"]


def _weights() -> dict[str, float]:
    return {
        "scam": 0.45,
        "compound": 0.45,
        "forced_labour": 0.45,
        "trafficking": 0.35,
        "recruitment": 0.2,
    }


@dataclass(frozen=True)
class ScanSettings:
    """Thresholds and weights of the scanner.

    Attributes
    ----------
    concept_weights : dict
        Weight of each topic concept of ``lexicon.csv`` in the noisy-OR relevance.
    event_weight : float
        Added once when any event word (rescue, raid, …) is found.
    unanchored_factor : float
        Multiplies the score of a document that names neither Cambodia nor a Cambodian place.
    topic_threshold : float
        Below this topic score a document is not read further (no place extraction).
    relevance_threshold : float
        A document at or above this score is a candidate.
    full_text_chars : int
        Texts up to this length are geoparsed whole; longer ones only in passages around
        the topic words (``passage_chars`` either side).
    passage_chars : int
        Context kept either side of a topic word in a long text.
    shingle_words, shingle_chars : int
        MinHash shingles: word n-grams, or character n-grams for text without spaces.
    num_perm : int
        MinHash permutations.
    syndication_threshold : float
        Estimated Jaccard similarity from which two documents are copies of one story.
    """

    concept_weights: dict[str, float] = field(default_factory=_weights)
    event_weight: float = 0.2
    unanchored_factor: float = 0.4
    topic_threshold: float = 0.4
    relevance_threshold: float = 0.5
    full_text_chars: int = 20_000
    passage_chars: int = 1_500
    shingle_words: int = 5
    shingle_chars: int = 5
    num_perm: int = 64
    syndication_threshold: float = 0.6
