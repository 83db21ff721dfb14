"""Hyphens, dashes and possessives that join two names in Latin script: where
:func:`~compoundmap.geocode.tokens.split_tokens` puts a break between the words they join
("Moc Bai-Bavet" is two places, as "Moc Bai - Bavet" is; "Kandal’s Koh Thom district" is
no village Kandal Kaoh Thum) and where it does not ("Chong Chom-O'Smach border crossing").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from ..normalize import Token, tokenize
from ..settings import get as get_settings
from .index import TIER_CURATED, TIER_VILLAGE, NameIndex

__all__ = ["JUNCTION", "POSSESSIVE", "junction_breaks"]

#: A hyphen or dash written without spaces between a letter and a capital ("Bai-Bavet").
#: (Each pattern starts with the mark and looks behind it for the letter: the engine then
#: scans for the mark alone, twice as fast as a look-behind at every position.)
JUNCTION = re.compile("[-\u2013\u2014](?<=[A-Za-z][-\u2013\u2014])(?=[A-Z])")
#: An English possessive after a word ("Kandal’s Koh Thom district").
POSSESSIVE = re.compile("['\u2019]s(?<=[A-Za-z]['\u2019]s)\\b")
_JOINS = re.compile(f"{JUNCTION.pattern}|(?P<own>{POSSESSIVE.pattern})")


def junction_breaks(text: str, toks: Sequence[Token], index: NameIndex) -> tuple[Token, ...]:
    """The tokens, with a break between the two words a hyphen joins ("Moc Bai-Bavet",
    "Nong Ian-Stueng Bot", "Aranyaprathet-Poipet": two places, as "Moc Bai - Bavet" is)
    when an indexed name starts right after it or a unit's name ends right before it, and
    after a possessive when a unit's or place's name does both ("Kandal’s Koh Thom
    district": not the village Kandal Kaoh Thum; a misspelt name after it is left to the
    passes that read the province with it, "Kandal's ta kumnu"), unless some indexed name
    runs over the join ("Chong Chom-O'Smach border crossing", "Bavet-Moc Bai casino": a
    span of up to ``geocode_max_ngram`` words across it is a key of the index; across a
    possessive, a curated one's, "Sihanoukville's Chinatown"). The tokens are left as they
    are when the pieces between the joins do not tokenise to them.

    Parameters
    ----------
    text : str
        The string, as written.
    toks : sequence of Token
        Its tokens (``normalize.tokenize(text)``).
    index : NameIndex
        The name index the names are looked up in.

    Returns
    -------
    tuple of Token
        The tokens, with a break token (empty text, a stop word) at each join that
        separates two names.
    """
    pieces: list[str] = []
    possessive: list[bool] = []
    start = 0
    for m in _JOINS.finditer(text):
        pieces.append(text[start : m.start()])
        possessive.append(m.group("own") is not None)
        start = m.end()
    pieces.append(text[start:])
    # the pieces before the last first (mostly a province's name, tokenised before): a
    # break needs a word on each side of a join, read off ``toks``
    parts = list(map(tokenize, pieces[:-1]))
    if not _words_meet(parts, toks):
        return tuple(toks)
    parts.append(tokenize(pieces[-1]))
    if list(chain.from_iterable(parts)) != list(toks):
        return tuple(toks)
    max_ngram = get_settings().geocode_max_ngram
    out: list[Token] = list(parts[0])
    for part, own in zip(parts[1:], possessive, strict=True):
        k = len(out)  # the join: between out[k - 1] and part[0]
        words = [*out, *part]
        if (
            k
            and part
            and _word(words[k - 1])
            and _word(words[k])
            and (
                (
                    _starts_name(words, k, max_ngram, index, units_only=True)
                    and _ends_name(words, k, max_ngram, index)
                )
                if own
                else (
                    _starts_name(words, k, max_ngram, index)
                    or _ends_name(words, k, max_ngram, index)
                )
            )
            and not _spanned(words, k, max_ngram, index, curated_only=own)
        ):
            out.append(Token("", stop=True))
        out.extend(part)
    return tuple(out)


def _words_meet(heads: Sequence[tuple[Token, ...]], toks: Sequence[Token]) -> bool:
    """Whether the tokens of the pieces before the last (``heads``) start ``toks`` and some
    join between the pieces has a word (:func:`_word`) on each side in ``toks``. When not,
    :func:`junction_breaks` puts no break: the pieces do not tokenise to ``toks``, or they
    do and every join lacks a word on one side (the tokens after a join are those of
    ``toks`` there; a break is only put before a piece with tokens, so the token before a
    join is the last one of the pieces before it)."""
    at = 0
    for part in heads:
        end = at + len(part)
        if tuple(toks[at:end]) != part:
            return False
        at = end
        if 0 < at < len(toks) and _word(toks[at - 1]) and _word(toks[at]):
            return True
    return False


def _word(tok: Token) -> bool:
    """A Latin word of a name (no stopword, admin word or break)."""
    return tok.latin and bool(tok.text) and not tok.stop and tok.admin is None


def _starts_name(
    words: Sequence[Token], k: int, max_ngram: int, index: NameIndex, units_only: bool = False
) -> bool:
    """Whether an indexed name starts at ``words[k]`` (right after the join): a hyphen
    before a word that begins no name is no break between two names ("Kompong-Reagg").
    With ``units_only``, the name of a unit or place, not only of villages (a misspelt
    district read as a village, "saaram", is no name starting there)."""
    key = ""
    for b in range(k, min(len(words), k + max_ngram)):
        if not words[b].latin or not words[b].text:
            break
        key += words[b].text
        if key in index.names and (
            not units_only or any(e.tier < TIER_VILLAGE for e in index.names[key])
        ):
            return True
    return False


def _ends_name(words: Sequence[Token], k: int, max_ngram: int, index: NameIndex) -> bool:
    """Whether the name of a unit or place (not only of villages) ends at ``words[k - 1]``,
    right before the join ("Thpong-Viet Nam"; "Kompong" of "Kompong-Reagg" names only
    villages)."""
    key = ""
    for a in range(k - 1, max(-1, k - 1 - max_ngram), -1):
        if not words[a].latin or not words[a].text:
            break
        key = words[a].text + key
        if any(e.tier < TIER_VILLAGE for e in index.names.get(key, ())):
            return True
    return False


def _spanned(
    words: Sequence[Token], k: int, max_ngram: int, index: NameIndex, curated_only: bool = False
) -> bool:
    """Whether some span of ``words`` across the join before ``words[k]`` is an indexed
    name (with ``curated_only``, a curated locality's: no official or GeoNames name holds a
    possessive, a curated alias may, "Sihanoukville's Chinatown")."""
    names = index.names
    lo = max(0, k - max_ngram + 1)
    for a in range(k - 1, lo - 1, -1):
        if not words[a].latin or not words[a].text:
            break
        key = "".join(t.text for t in words[a:k])
        for b in range(k, min(len(words), a + max_ngram)):
            if not words[b].latin or not words[b].text:
                break
            key += words[b].text
            if key in names and (
                not curated_only or any(e.tier == TIER_CURATED for e in names[key])
            ):
                return True
    return False
