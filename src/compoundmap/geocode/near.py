"""A name written after a word for "near" ("in Takeo near Phnom Penh", "in der Provinz Kandal
nahe Phnom Penh", "di Kandal dekat Phnom Penh"): a reference point when the string names
another place apart from it, else the place itself ("a casino near Poipet").

The words are data (``stop_words.csv``, roles ``reference_near``, ``reference_near_of``,
``reference_of`` and ``reference_descriptor``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize import Token, token_text, word_list
from ..schema import LEVEL_OF_NAME
from .entries import consistent
from .index import Entry
from .mentions import REFERENCE_DESCRIPTOR, REFERENCE_OF, Mention

__all__ = ["NEAR_WORDS", "near_references"]

#: Words for "near" ("near", "nahe", "près", "cerca", "dekat", "gần" …) and the words that
#: may stand between one and the name besides the words for "of" ("vicino a", "malapit
#: sa"), from ``stop_words.csv`` (roles ``reference_near`` and ``reference_near_of``).
_REFERENCE_NEAR = frozenset(word_list("reference_near"))
#: The words for "near": a string holding none has no reference point to mark.
NEAR_WORDS = _REFERENCE_NEAR
_NEAR_OF = frozenset(word_list("reference_near_of")) | REFERENCE_OF
# readings by sound or spelling, not as written: no other place a "near" name may yield to
_GUESSED = frozenset({"phonetic", "fuzzy"})


def _after_near(toks: Sequence[Token], start: int) -> bool:
    """Whether a word for "near" stands before ``toks[start]``, a word for "of" ("près de",
    "in der Nähe von", "malapit sa") and a few descriptor words ("near the border town of")
    allowed between."""
    k = start - 1
    while (
        k >= 0
        and start - k <= 5
        and (toks[k].text in _NEAR_OF or toks[k].text in REFERENCE_DESCRIPTOR)
    ):
        k -= 1
    return k >= 0 and toks[k].text in _REFERENCE_NEAR


def near_references(toks: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions, a name written after a word for "near" marked a reference point when
    the string names another place that neither contains it nor lies in it, each read at
    its best two tiers and found as written, not by sound or by a typo pass ("in Takeo near
    Phnom Penh", "in der Provinz Kandal nahe Phnom Penh", "di Kandal dekat Phnom Penh":
    Takeo, Kandal); alone ("a casino near Poipet") or beside a unit of its own ("near
    Poipet, Banteay Meanchey") it is the place.

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens as spotting indexes them.
    mentions : list of Mention
        What the passes found, by start.

    Returns
    -------
    list of Mention
        The mentions, such names marked ``reference``.
    """
    if _REFERENCE_NEAR.isdisjoint(map(token_text, toks)):
        return mentions  # no word for "near" (most strings): one set test
    near = [k for k, m in enumerate(mentions) if not m.reference and _after_near(toks, m.start)]
    if not near:
        return mentions
    marked = list(mentions)
    for k in near:
        m = mentions[k]
        others = [
            o
            for j, o in enumerate(mentions)
            if j != k
            and not o.reference
            and o.method not in _GUESSED
            and any(e.kind != "country" for e in o.entries)
        ]
        if others and not any(
            consistent(e, f) for o in others for e in _first_readings(m) for f in _first_readings(o)
        ):
            marked[k] = m._replace(reference=True)
    return marked


def _first_readings(m: Mention) -> tuple[Entry, ...]:
    """The readings of ``m`` of its best two tiers ("Kandal": the province, not the
    villages of that name; "Kampot": the town and the province), of the level its admin
    word says if any."""
    best = min(e.tier for e in m.entries)
    first = tuple(e for e in m.entries if e.tier <= best + 1)
    # the level an admin word next to it says, when some reading has it ("Prey Veng
    # province": not the commune Prey Veaeng of Phnom Penh)
    said = tuple(e for e in first if m.hint is not None and LEVEL_OF_NAME.get(e.kind) == m.hint)
    return said or first
