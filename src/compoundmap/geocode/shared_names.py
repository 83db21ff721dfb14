"""Curated landmark names two localities share once their demonyms are dropped (demonyms
are stop words): "Friendship Bridge" is the Cambodian-Japanese bridge in Phnom Penh and the
Thai-Cambodian one at Stung Bot. The demonyms written before the name tell which; without
them both readings stay and resolving gives no place (``resolve._landmarks_apart``).
A country or people abroad written before the name that none of the landmarks' names
holds ("Thai-Lao Friendship Bridge", "Myanmar-Thai Friendship Bridge") names a bridge of
another pair of countries, and a place abroad written before it ("the Ha Tien Friendship
Bridge") a bridge there: none of the shared landmarks is meant.
Spotting (``spot.py``) calls :func:`told_apart` on the exact pass's mentions.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pandas as pd

from .._data import raw_path
from .._util import records
from ..gazetteer import get_gazetteer
from ..normalize import Token, tokenize
from .entries import TIER_CURATED, Entry, curated_locality
from .mentions import Mention

__all__ = ["prepare", "told_apart"]

# (the stop words read before a name, at most: "the Thai-Cambodian Friendship Bridge")
_LEAD = 3


@cache
def _leads() -> dict[str, frozenset[frozenset[str]]]:
    """Locality name → the sets of stop words its name and aliases start with
    ("Thai-Cambodian Friendship Bridge" → {thai, cambodian}; "Stung Bot" → the empty set)."""
    out: dict[str, set[frozenset[str]]] = {}
    for row in records(get_gazetteer().localities):
        for name in [str(row["name"]), *map(str, row["aliases"])]:
            lead: list[str] = []
            for t in tokenize(name):
                if not t.stop:
                    break
                lead.append(t.text)
            out.setdefault(str(row["name"]), set()).add(frozenset(lead))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _abroad_words() -> frozenset[str]:
    """Words naming a country or people other than Cambodia: the one-word names of
    ``demonyms.csv`` (not Cambodia's) and of ``foreign_places.csv`` ("lao", "myanmar")."""
    demonyms = pd.read_csv(raw_path("gazetteer", "demonyms.csv"), dtype=str, keep_default_na=False)
    places = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    names = [
        *demonyms.loc[demonyms["country_code"] != "KH", "name"],
        *places["name"],
    ]
    out: set[str] = set()
    for name in names:
        toks = [t.text for t in tokenize(name) if t.text]
        if len(toks) == 1:
            out.add(toks[0])
    return frozenset(out)


@cache
def _abroad_first_words() -> frozenset[str]:
    """The first words of the names of ``foreign_places.csv`` (``abroad``'s quick pattern)."""
    from .abroad import first_words_abroad  # abroad reads what spot builds

    return first_words_abroad()


def _place_abroad_before(flat: Sequence[Token], start: int) -> bool:
    """Whether the one to three words before ``start`` spell a listed place abroad ("the
    Ha Tien Friendship Bridge", "the Si Phan Don Friendship Bridge": a bridge there, not a
    Cambodian one)."""
    from .abroad import is_foreign_name  # abroad reads what spot builds

    return any(
        is_foreign_name(" ".join(t.text for t in flat[j:start]))
        for j in range(max(0, start - 3), start)
    )


def prepare() -> None:
    """Build the tables of the stop words localities' names start with and of words abroad
    (``spot.prepare``)."""
    _leads()
    _abroad_words()
    _abroad_first_words()


def _landmarks(m: Mention) -> list[Entry]:
    """The curated landmark readings of a mention (no admin unit)."""
    # (the tier first: a plain attribute test, so that the village readings most names have
    # cost no call)
    return [e for e in m.entries if e.tier == TIER_CURATED and curated_locality(e)]


def told_apart(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions, each name that several curated landmarks share narrowed to those whose
    own name or alias starts with the stop words written before it ("Japanese Friendship
    Bridge": the Phnom Penh bridge); other stop words ("the") are passed over, and with no
    such word, or none that fits, every reading stays.

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens.
    mentions : list of Mention
        The mentions spotted in them.

    Returns
    -------
    list of Mention
        The same mentions, a shared landmark name narrowed where its demonyms tell.
    """
    out = mentions
    abroad = _abroad_words()
    first_abroad = _abroad_first_words()
    for i, m in enumerate(mentions):
        if len(m.entries) < 2 or m.start == 0:
            continue
        start = m.start
        before = flat[start - 1]
        run_abroad = False
        if not (before.stop or before.text in abroad):
            if not (
                before.text in first_abroad
                or (start > 1 and flat[start - 2].text in first_abroad)
                or (start > 2 and flat[start - 3].text in first_abroad)
            ):
                continue  # most mentions: no word abroad just before
            run_abroad = _place_abroad_before(flat, start)
            if not run_abroad:
                continue
        shared = _landmarks(m)
        if len({e.name for e in shared}) < 2:
            continue
        leads = _leads()
        words = {w for e in shared for lead in leads.get(e.name, ()) for w in lead}
        seen: set[str] = set()
        other = run_abroad  # a place, country or people abroad that no shared name holds
        k = m.start - 1
        while k >= max(0, m.start - _LEAD - 1):
            text = flat[k].text
            if text in words:
                seen.add(text)
            elif text in abroad:
                other = True
            if not flat[k].stop or k < m.start - _LEAD:
                break  # (the first word that is no stop word is read, then no further)
            k -= 1
        written = frozenset(seen)
        if other:
            drop = {id(e) for e in shared}
            if out is mentions:
                out = list(mentions)
            out[i] = m._replace(entries=tuple(e for e in m.entries if id(e) not in drop))
            continue
        keep = [e for e in shared if written in leads.get(e.name, ())] if written else []
        if keep and len(keep) < len(shared):
            drop = {id(e) for e in shared if e not in keep}
            if out is mentions:
                out = list(mentions)
            out[i] = m._replace(entries=tuple(e for e in m.entries if id(e) not in drop))
    return out
