"""Typos one edit away: the last variant pass, for words no other pass explained.

A province, district or town name written with one letter dropped, added, changed or two
swapped ("Piopet", "Takoe") is found with a few dict look-ups in a deletion neighbourhood
(:func:`one_edit`), and a misspelt name of two words through a window over the loose word and
its neighbour. Spotting (``spot.py``) runs :func:`edit_mentions` after the passes of
``variants.py``; every threshold is a field of :class:`compoundmap.settings.Settings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..normalize import ABBREVIATION_KEYS, Token
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .index import KIND_LEVEL, TIER_OFFICIAL, TIER_VILLAGE, Entry, long_lived, name_index
from .mentions import Mention, all_content, make_mention, mention_start

__all__ = ["edit_allowed", "edit_mentions", "one_edit", "prepare"]

_SIZES = get_settings()  # cache sizes are read once, here


# --- pass 5: one edit from a province, district or town ----------------------------------


def prepare() -> None:
    """Build this pass's tables now (:func:`_edit_index`, :func:`_window_keys`; else in the
    first string that needs them, while it waits)."""
    _edit_index()
    _window_keys()


@depends_on_settings
@cache
def _edit_index() -> dict[str, tuple[str, ...]]:
    """Deletion neighbourhood of the Latin keys that name a province, a district or a town
    (entries at district level or coarser): each key and each key with one letter deleted →
    the keys. Two strings one edit apart (a letter dropped, added, changed or two swapped)
    share an entry, so a typo is found with a few dict look-ups instead of a scan. An
    abbreviation ("B'bang") is read only as written: no key here."""
    min_letters = get_settings().edit_min_letters
    out: dict[str, set[str]] = {}
    for key, entries in name_index().items():
        if not key.isascii() or len(key) < min_letters or key.isdigit():
            continue
        if key in ABBREVIATION_KEYS:
            continue
        if not any(e.tier < TIER_VILLAGE and 1 <= e.depth <= 2 for e in entries):
            continue
        out.setdefault(key, set()).add(key)
        for p in range(len(key)):
            out.setdefault(key[:p] + key[p + 1 :], set()).add(key)
    return long_lived({deleted: tuple(sorted(keys)) for deleted, keys in out.items()})


def edit_allowed(key: str, cand: str, any_min: int, indel_min: int) -> bool:
    """Whether the one edit from ``key`` to ``cand`` is one this length allows.

    Parameters
    ----------
    key : str
        The key as written.
    cand : str
        A key of the index one edit away from it.
    any_min : int
        From this many letters any edit is allowed (``edit_any_min_letters``).
    indel_min : int
        From this many letters a letter dropped or added is allowed, and both keys need
        that many for it (``edit_indel_min_letters``); shorter keys allow only a swap.

    Returns
    -------
    bool
        Whether the edit is allowed.
    """
    n = len(key)
    # a dropped or added letter needs enough letters on both sides ("should" is not "Shoul")
    if len(cand) != n and min(len(cand), n) < indel_min:
        return False
    if n >= any_min:
        return True
    # short words: a changed letter too often makes another real word (Khmer "thlong" is
    # not the district Thpong); the shortest allow only a swap
    return (len(cand) != n and n >= indel_min) or (len(cand) == n and sorted(cand) == sorted(key))


@depends_on_settings
@lru_cache(maxsize=_SIZES.one_edit_cache_size)
def one_edit(key: str) -> str | None:
    """The one province/district/town key one edit away from ``key`` with the same first
    letter: any edit from ``edit_any_min_letters``, a letter dropped or added or a swap from
    ``edit_indel_min_letters``, a swap of neighbours from ``edit_min_letters`` ("Takoe");
    ``None`` when there is none or several."""
    cfg = get_settings()
    n = len(key)
    if n < cfg.edit_min_letters or not key.isascii() or key.isdigit():
        return None
    idx = _edit_index()
    cands = set(idx.get(key, ()))
    for p in range(n):
        cands.update(idx.get(key[:p] + key[p + 1 :], ()))
    cands.discard(key)
    # the first letter is kept: "Khlong" (Thai: canal) is not "Chlong"
    good = [c for c in cands if c[0] == key[0] and OSA.distance(key, c) <= 1]
    good = [
        c
        for c in good
        if edit_allowed(key, c, cfg.edit_any_min_letters, cfg.edit_indel_min_letters)
    ]
    if len(good) > 1:
        # several spellings of one unit ("Otdar"/"Otdor Meanchey", "Stung Treng"/"Stung
        # Teng") are one answer: the spelling with the most readings keeps them all
        index = name_index()
        units = {c: frozenset(e.code for e in index[c] if e.tier < TIER_VILLAGE) for c in good}
        if frozenset.intersection(*units.values()):
            return max(sorted(good), key=lambda c: len(units[c]))
    return good[0] if len(good) == 1 else None


def _loose_words(flat: Sequence[Token], mentions: list[Mention]) -> list[int]:
    """Positions of content words that no mention explains (a mention naming only
    villages explains nothing when every mention does, nor a one-word village name: it may
    be a piece of a misspelt name, "Stung reng")."""
    # (villages are indexed last: a key whose first entry is a village names only villages)
    alone = True
    for m in mentions:
        if m.entries and m.entries[0].tier != TIER_VILLAGE:
            alone = False
            break
    covered: set[int] = set()
    for m in mentions:
        village_word = m.end - m.start == 1 and m.entries and m.entries[0].tier == TIER_VILLAGE
        if not ((alone or village_word) and m.entries):
            covered.update(range(m.start, m.end))
    return [k for k, t in enumerate(flat) if t.content and k not in covered]


def edit_mentions(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """Typos of a province, district or town name one edit away ("Piopet", "Tbong Kmum",
    "Svay Rieg").

    Runs when a content word was left unexplained, or when only villages matched. Such a
    word is tried alone and with its content neighbour (a word already explained may be the
    other half of the misspelt name: "Tma Puok" is Thma Puok, not Puok with a stray word).
    The window, which explains every word in it, replaces the names inside it. A few dict
    look-ups per word (:func:`one_edit`), no scan.

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens.
    mentions : list of Mention
        What the earlier passes found.

    Returns
    -------
    list of Mention
        All mentions, by start; the new ones have method ``fuzzy``.
    """
    loose = _loose_words(flat, mentions)
    if not loose:
        return mentions
    n = len(flat)
    index = name_index()
    out = list(mentions)
    done: set[int] = set()
    for k in loose:
        if k in done or flat[k].text.isdigit():
            continue
        spans = [(m.start, m.end) for m in out if m.start <= k < m.end and m.end - m.start > 1]
        for a, b in [*spans, (k - 1, k + 1), (k, k + 2), (k, k + 1)]:
            if a < 0 or b > n or not all_content(flat, a, b):
                continue
            if not done.isdisjoint(range(a, b)):
                continue
            inside = [m for m in out if m.start < b and m.end > a]
            written = "".join([x.text for x in flat[a:b]])
            hit = one_edit(written)
            if hit is None:
                continue
            entries = tuple(e for e in index[hit] if e.tier < TIER_VILLAGE)
            if not entries:
                continue
            out = [m for m in out if m not in inside]
            score = round(float(fuzz.ratio(written, hit)), 1)
            out.append(make_mention(flat, a, b, entries, "fuzzy", score))
            done.update(range(a, b))
            break
        else:
            out = _window_mention(flat, out, k, done)
    return sorted(out, key=mention_start)


@depends_on_settings
@cache
def _window_keys() -> dict[str, tuple[str, ...]]:
    """Keys of provinces, districts and towns written in two or more words (their keys
    hold a space-free join), by first letter, sorted: the names a misspelt pair of words
    may stand for."""
    by_initial: dict[str, list[str]] = {}
    for k in sorted({k for keys in _edit_index().values() for k in keys}):
        by_initial.setdefault(k[0], []).append(k)
    return long_lived({c: tuple(keys) for c, keys in by_initial.items()})


def _window_mention(
    flat: Sequence[Token], out: list[Mention], k: int, done: set[int]
) -> list[Mention]:
    """A misspelt name of two words, one of them misread as a name of its own: "Kanmong
    Cham" is Kampong Cham, not the commune Cham (Prey Veng) with a stray word; "Pney Veg"
    is Prey Veng, not the commune Pneay. The loose word at ``k`` and its neighbour, when that
    neighbour is a one-word name that is no province, are compared with the
    province, district and town names (``window_fuzzy_min``, same first letter); the
    window replaces the neighbour's mention. Runs only for a word no name explains."""
    cfg = get_settings()
    n = len(flat)
    for a, b in ((k - 1, k + 1), (k, k + 2)):
        if a < 0 or b > n or not all_content(flat, a, b):
            continue
        if not done.isdisjoint(range(a, b)):
            continue
        other = a if a != k else b - 1
        inside = [m for m in out if m.start <= other < m.end]
        if len(inside) != 1 or inside[0].end - inside[0].start != 1:
            continue
        if any(e.kind in ("province", "country") for e in inside[0].entries):
            continue
        if b < n and flat[b].text.isdigit() and b not in done:
            b += 1  # the number after the pair is part of the name ("Chrang Chamres 2")
        written = "".join([x.text for x in flat[a:b]])
        if len(written) < cfg.window_fuzzy_min_letters:
            continue
        choices = _window_keys().get(written[0], ())
        if written[-1].isdigit():  # a name numbered otherwise is another unit
            choices = tuple(c for c in choices if c.endswith(written[-1]) and not c[-2].isdigit())
        hit = process.extractOne(
            written,
            choices,
            scorer=fuzz.ratio,
            score_cutoff=cfg.window_fuzzy_min,
        )
        if hit is None:
            continue
        entries = tuple(e for e in name_index()[hit[0]] if e.tier < TIER_VILLAGE)
        if not entries or _landmark_over_unit(entries, inside[0], flat[k].text, hit[0]):
            continue
        done.update(range(a, b))
        kept = [m for m in out if m is not inside[0]]
        return [*kept, make_mention(flat, a, b, entries, "fuzzy", round(float(hit[1]), 1))]
    return out


def _landmark_over_unit(
    entries: tuple[Entry, ...], neighbour: Mention, word: str, key: str
) -> bool:
    """Whether the window would put a landmark in place of an admin unit written exactly
    only because both end in the same word: "Dangkao roundabout" is the district Dangkao
    and a descriptor, not the Durian Roundabout (Kampot) with the name changed; "Kuleaen
    bridge" is not the Kizuna Bridge. The window repairs misspelt two-word names; a likeness
    that rests on the shared word ``word`` (the loose one) says nothing about the name."""
    return (
        (key.endswith(word) or key.startswith(word))
        and all(e.kind not in KIND_LEVEL for e in entries)
        and neighbour.method == "exact"
        and any(e.kind in KIND_LEVEL and e.tier <= TIER_OFFICIAL for e in neighbour.entries)
    )
