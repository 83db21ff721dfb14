"""Which names a string places inside another: "Anlong Veng in northern Siem Reap".

Read by the confidence bands (``confidence.py``, doubt ``placed``). A list of places
("Poipet, Sihanoukville, Kampot", "Sihanoukville to Poipet") names each place for itself;
a phrase that puts one name *in* another ("X in northern Y", "X of Y", "Yの北部", "Y北部")
says where X lies. When the two do not nest in the gazetteer (Anlong Veng has been in
Oddar Meanchey since 1999, not Siem Reap), the string contradicts the gazetteer and neither
reading deserves the top band. Only the words between the two names decide; commas, "and",
"to" and the like are not placement words, so lists are never read as placements.

The words are data (``stop_words.csv``): role ``placement`` (Latin words that may stand
between a name and the unit it is placed in; at least one of them other than "the" and
"part") and ``placement_suffix`` (written right after a name in Chinese/Japanese: "の北部",
"北部" …).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from .._scripts import fold_script
from ..normalize import Token, token_text, word_list
from .mentions import Mention

__all__ = ["Span", "placed_pairs"]

#: A mention's token span ``(start, end)``: what a pair of :func:`placed_pairs` holds.
Span = tuple[int, int]

# words that only fill a placement phrase ("in the northern part of"): never one alone
_FILLERS = frozenset({"the", "part"})


@cache
def _words() -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(word_list("placement")), tuple(word_list("placement_suffix"))


def _latin_link(gap: Sequence[Token], link: frozenset[str]) -> bool:
    """Whether the tokens between two names are only placement words ("in northern")."""
    words = [t.text for t in gap]
    return (
        bool(words)
        and all(t.latin for t in gap)
        and all(w in link for w in words)
        and any(w not in _FILLERS for w in words)
    )


def _framed(query: str, m: Mention, suffixes: tuple[str, ...]) -> bool:
    """Whether a non-Latin name is written with a placement suffix ("シェムリアップの北部")."""
    if not m.text or m.text.isascii():
        return False
    # the mention's text is folded (シェムリアップ is read as シェムリアプ): fold the query too
    name, query = fold_script(m.text), fold_script(query)
    at = query.find(name)
    while at >= 0:
        if query.startswith(suffixes, at + len(name)):
            return True
        at = query.find(name, at + 1)
    return False


def placed_pairs(
    query: str, flat: Sequence[Token], mentions: Sequence[Mention]
) -> frozenset[frozenset[Span]]:
    """Pairs of mentions (by span) that the string links by a placement phrase.

    Parameters
    ----------
    query : str
        The string as written (NFKC); the Chinese/Japanese suffixes are read in it.
    flat : sequence of Token
        The tokens the mentions index (``spot.flat_tokens``).
    mentions : sequence of Mention
        The names still to place.

    Returns
    -------
    frozenset of frozenset of Span
        Each pair once, whatever its order; empty when the string links no names.

    Examples
    --------
    >>> from compoundmap.geocode.spot import flat_tokens, spot
    >>> text = "Anlong Veng in northern Siem Reap"
    >>> len(placed_pairs(text, flat_tokens(text), spot(text)))
    1
    >>> text = "Poipet, Sihanoukville and Kampot"
    >>> len(placed_pairs(text, flat_tokens(text), spot(text)))
    0
    """
    if len(mentions) < 2:
        return frozenset()
    link, suffixes = _words()
    if link.isdisjoint(map(token_text, flat)) and all([m.text.isascii() for m in mentions]):
        return frozenset()  # no placement word, and no name a suffix could follow (most)
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    pairs: set[frozenset[Span]] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.end <= b.start and _latin_link(flat[a.end : b.start], link):
            pairs.add(frozenset(((a.start, a.end), (b.start, b.end))))
    for m in ordered:
        if _framed(query, m, suffixes):
            pairs.update(
                frozenset(((m.start, m.end), (o.start, o.end)))
                for o in ordered
                if (o.start, o.end) != (m.start, m.end)
            )
    return frozenset(pairs)
