"""A curated landmark that needs context, named alone with its kind word.

A locality marked ``needs_context`` (``localities.csv``) counts only when another name of the
string, or the stated context, confirms it (``Entry.confirm``, ``resolve.reduce``): its name
alone may be an ordinary word ("My Casino") or a name others bear. Written with the word that
says what it is ("Naga Island", "La Lin Hotel", "near present day Hawaii Beach", "the Bing
Cheng compound") and with no other name beside it, such a name is distinctive enough to give
its province, or its district when the row has one — never its commune — at ``medium`` band
at best (the ``generic`` doubt of ``confidence.py`` stays). Not when the string names a place
abroad, nor when the caller states a context (that confirms or contradicts the reading
already), nor for a name whose only other words are stop words ("My Casino").

Runs only on strings where nothing was placed and some mention has a reading that needs
confirming: no pass over the others.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..normalize import tokenize, word_list
from .index import Entry, consistent, curated_locality
from .mentions import Mention
from .tokens import flat_tokens

if TYPE_CHECKING:
    from ..normalize import Token

__all__ = ["KIND_WORDS", "named_alone"]

#: The kind words (folded, as ``normalize.tokenize`` writes them) that, written in or right
#: after a curated landmark's name, make the name alone place it (``stop_words.csv`` role
#: ``landmark_kind_alone``): words of a building or a site; not "monument", "roundabout",
#: "zone", "market": many towns have an "Independence Monument" or a "lions roundabout".
KIND_WORDS = frozenset(word_list("landmark_kind_alone"))


def _kind_written(m: Mention, flat: list[Token], own: frozenset[str]) -> tuple[int, int]:
    """The span of the name with its kind word — one of ``own``, those of the locality's
    own name or kind — as its last word, the word right after it or the word right before
    it ("casino hai con voi"), when the name has a word of its own besides stop words
    (three letters or more); ``(0, 0)`` when it is not so written."""
    words = flat[m.start : m.end]
    start, end = m.start, m.end
    if words and words[-1].text in own:
        pass
    elif m.end < len(flat) and flat[m.end].text in own:
        end = m.end + 1
    elif m.start > 0 and flat[m.start - 1].text in own:
        start = m.start - 1
    else:
        return 0, 0
    if not any(
        t.latin and not t.stop and t.admin is None and len(t.text) >= 3 and not t.text.isdigit()
        for t in words
        if t.text not in KIND_WORDS
    ):
        return 0, 0
    return start, end


def _nothing_else(
    m: Mention, span: tuple[int, int], flat: list[Token], mentions: list[Mention]
) -> bool:
    """Whether every other word of the string is a stop or admin word, Cambodia, or — when
    the name is capitalised — an ordinary word in lower case ("near present day Hawaii
    Beach"); a capitalised word no name explains may be a place abroad the lists lack
    ("the Tropicana casino in Las Vegas")."""
    capitalised = any(not t.lower for t in flat[m.start : m.end])
    country = {i for o in mentions if o is not m for i in range(o.start, o.end)}
    for i, t in enumerate(flat):
        if span[0] <= i < span[1] or i in country or t.stop or t.admin is not None or not t.text:
            continue
        if not (capitalised and t.lower and t.latin):
            return False
    return True


def _as_written(m: Mention, flat: list[Token], query: str) -> bool:
    """Whether the name's words are written so in the string, not repaired from a typo
    ("Prince Casino" is not the "Princess Casino" one edit away)."""
    words = {t.text for t in tokenize(query)}
    return all(t.text in words for t in flat[m.start : m.end] if t.text)


@lru_cache(maxsize=256)
def _name_words(name: str, kind: str) -> frozenset[str]:
    """The folded words of a locality's name, and its kind."""
    return frozenset(t.text for t in tokenize(f"{name} {kind}") if t.text)


def _own_words(m: Mention, flat: list[Token], es: tuple[Entry, ...]) -> frozenset[str]:
    """The kind words of the localities' names (and kinds) when every word written of the
    name, stop words aside, is a word of one of them ("Jin Ding casino" of "Jin Ding Hotel
    and Casino"; not "Prince Casino", read as "Princess" by its stem); empty otherwise."""
    out: frozenset[str] = frozenset()
    written = {t.text for t in flat[m.start : m.end] if t.text and not t.stop}
    for e in es:
        words = _name_words(e.name, e.kind)
        if written <= words:
            out |= words & KIND_WORDS
    return out


def _district_at_most(e: Entry) -> Entry:
    """The entry with its commune dropped: a name alone is located no finer than its
    district."""
    if not e.commune_code:
        return e
    return replace(e, commune_code=None, legacy_district=None, lat=None, lon=None)


def named_alone(
    query: str, text: str | tuple[Token, ...], mentions: list[Mention]
) -> Mention | None:
    """The one mention that places the string as a curated landmark named with its kind
    word (see the module docstring), its readings capped at the district; ``None`` when the
    string is not such a name alone.

    Parameters
    ----------
    query : str
        The string as written (a place abroad named in it rules this out).
    text : str or tuple of Token
        What was read (the string, its tokens or a part of it), as ``spot`` took it.
    mentions : list of Mention
        The names spotted in it (``spot``); Cambodia itself may be one of them.

    Returns
    -------
    Mention or None
        The mention with its readings narrowed to those the name alone gives.
    """
    placing = [m for m in mentions if m.entries and m.entries[0].kind != "country"]
    if len(placing) != 1:
        return None
    m = placing[0]
    if m.reference or m.method != "exact" or not m.entries:
        return None
    es = m.entries
    if not all(e.confirm and e.needs_context and curated_locality(e) for e in es):
        return None
    if any(not consistent(a, b) for a in es for b in es):
        return None  # two landmarks of that name lie apart
    flat = flat_tokens(text)
    own = _own_words(m, flat, es)
    if not own or not _as_written(m, flat, query):
        return None
    span = _kind_written(m, flat, own)
    if span[1] == 0 or not _nothing_else(m, span, flat, mentions):
        return None
    from .abroad import names_abroad  # abroad reads the index resolve (this module's caller) reads

    if names_abroad(query):
        return None
    return m._replace(entries=tuple(_district_at_most(e) for e in es))
