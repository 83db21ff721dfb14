"""A name written after a word for "near" ("in Takeo near Phnom Penh", "in der Provinz Kandal
nahe Phnom Penh", "di Kandal dekat Phnom Penh") or for its outskirts ("Kandal province, on
the outskirts of the capital Phnom Penh", "la provincia de Kandal, en las afueras de la
capital Phnom Penh"): a reference point when the string names another place apart from
it, else the place itself ("a casino near Poipet"; "on the outskirts of Poipet" gives its
province, ``outskirts.py``).

The words are data (``stop_words.csv``, roles ``reference_near``, ``reference_near_of``,
``reference_near_after`` and ``reference_near_after_of`` — written after the name: Hindi
"के पास", Urdu "کے قریب", Bengali "কাছে" —, ``reference_of``, ``reference_descriptor``,
``outskirts_before`` and ``outskirts_of``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..normalize import Token, normalized_words, token_text, word_list
from ..schema import LEVEL_OF_NAME
from .entries import consistent
from .index import Entry
from .mentions import REFERENCE_DESCRIPTOR, REFERENCE_OF, Mention
from .outskirts import OUTSKIRTS_BEFORE, OUTSKIRTS_OF, written_after

__all__ = ["NEAR_WORDS", "edge_references", "near_references"]

#: Words for "near" ("near", "nahe", "près", "cerca", "dekat", "gần" …) and the words that
#: may stand between one and the name besides the words for "of" ("vicino a", "malapit
#: sa"), from ``stop_words.csv`` (roles ``reference_near`` and ``reference_near_of``).
_REFERENCE_NEAR = frozenset(word_list("reference_near"))
#: Words for "near" written after the name (Hindi "के पास", Urdu "کے قریب", Bengali
#: "…ের কাছে"), and the genitive words that may stand between (role
#: ``reference_near_after_of``).
_NEAR_AFTER = normalized_words("reference_near_after")
_NEAR_AFTER_OF = normalized_words("reference_near_after_of")
#: The words for "near" and for the outskirts: a string holding none has no reference
#: point to mark.
NEAR_WORDS = _REFERENCE_NEAR | frozenset(p.split()[0] for p in OUTSKIRTS_BEFORE) | _NEAR_AFTER
_NEAR_OF = frozenset(word_list("reference_near_of")) | REFERENCE_OF
#: What may stand between a word for the outskirts and the name ("on the outskirts of the
#: capital", "en las afueras de la capital").
_OUTSKIRTS_SKIP = _NEAR_OF | REFERENCE_DESCRIPTOR | OUTSKIRTS_OF
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


def _outskirts_at(toks: Sequence[Token], start: int) -> int:
    """Where a word for the outskirts ("outskirts", "afueras", "banlieue", "ngoại ô")
    stands before ``toks[start]``, a few words for "of", articles and descriptors between
    ("on the outskirts of the capital Phnom Penh"), else -1."""
    k = start - 1
    while k >= 0 and start - k <= 5 and toks[k].text in _OUTSKIRTS_SKIP:
        k -= 1
    for j in range(min(k + 1, 3)) if k >= 0 else ():
        if " ".join(t.text for t in toks[k - j : k + 1]) in OUTSKIRTS_BEFORE:
            return k - j
    return -1


#: Words other than admin words that may stand between the place and the phrase that
#: names the town it lies on the outskirts of ("Kandal province, on the outskirts of":
#: the break, "on", "the"); farther apart they are two places ("Sihanoukville; a large
#: scam compound on the outskirts of Phnom Penh").
_CLOSE = 3


def _gap(toks: Sequence[Token], start: int, end: int) -> int:
    return sum(1 for t in toks[start:end] if t.admin is None)


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
    if NEAR_WORDS.isdisjoint(map(token_text, toks)):
        return mentions  # no word for "near" nor the outskirts (most strings): one set test
    near = [
        k
        for k, m in enumerate(mentions)
        if not m.reference
        and (_after_near(toks, m.start) or written_after(toks, m.end, _NEAR_AFTER, _NEAR_AFTER_OF))
    ]
    marked = _marked(mentions, near) if near else mentions
    # a town named as the outskirts of where the place right before or after it lies
    # ("Kandal province, on the outskirts of the capital Phnom Penh")
    edges = {}
    for k, m in enumerate(marked):
        if not m.reference and k not in near:
            at = _outskirts_at(toks, m.start)
            if at >= 0:
                edges[k] = at
    return _marked(marked, list(edges), toks, edges) if edges else marked


def _marked(
    mentions: list[Mention],
    which: Sequence[int],
    toks: Sequence[Token] = (),
    starts: dict[int, int] | None = None,
) -> list[Mention]:
    """The mentions, those at ``which`` marked a reference point when another place the
    string names neither contains them nor lies in them; with ``starts`` (where the phrase
    that makes each one a reference begins), only a place written close before that phrase
    or close after the name counts."""
    marked = list(mentions)
    for k in which:
        m = mentions[k]
        others = [
            o
            for j, o in enumerate(mentions)
            if j != k
            and not o.reference
            and not (o.edge and j in which)
            and o.method not in _GUESSED
            and any(e.kind != "country" for e in o.entries)
            and (
                starts is None
                or (o.end <= starts[k] and _gap(toks, o.end, starts[k]) <= _CLOSE)
                or (o.start >= m.end and _gap(toks, m.end, o.start) <= _CLOSE)
            )
        ]
        if others and not any(
            consistent(e, f) for o in others for e in _first_readings(m) for f in _first_readings(o)
        ):
            marked[k] = m._replace(reference=True)
    return marked


def edge_references(toks: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions, a name written as the outskirts of where something is (``edge``,
    ``outskirts.py``: "プノンペン郊外", "the Phnom Penh suburbs") marked a reference point
    when the string names another place apart from it ("カンダル州、プノンペン郊外",
    "干丹省，金边郊区": Kandal), as :func:`near_references` does after a word for "near".

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens as spotting indexes them.
    mentions : list of Mention
        What the passes found, by start, edges marked.

    Returns
    -------
    list of Mention
        The mentions, such names marked ``reference``.
    """
    edges = {k: m.start for k, m in enumerate(mentions) if m.edge and not m.reference}
    return _marked(mentions, list(edges), toks, edges) if edges else mentions


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
