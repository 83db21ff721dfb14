"""Katakana names one letter away from a curated katakana name.

Japanese writes a Khmer name many ways, and a source may use a spelling the curated names
(``aliases.csv``) lack: シェムレアップ for シエムレアプ/シェムリアップ, プーサット for ポーサット,
バンテンメンチェイ for バンテイメンチェイ, カンポンチャム for コンポンチャム, ブンケンコン for
ボンケンコン. Spotting reads such a name as unknown letters (one token each), and the sound
pass (``sound.py``) reads it only next to an admin word and with enough consonant classes
(クラティエ州 has three). This pass, run after it by :func:`~compoundmap.geocode.spot.spot`,
takes each run of katakana letters left unread — with an admin word after it or none, and
with a known name glued after the letters ("オダ|ミアンチェイ") — and compares it, as the
tokeniser folds it (ー and ッ dropped, ヴァ → バ …), with the katakana names of the
provinces, districts and towns: one edit (a letter changed, dropped or added, or two
swapped) from names of a single unit, at least ``kana_edit_min_letters`` letters (a kana
is a syllable: タケウ is too short to tell from the Thai province サケオ), and the run is
read as that unit, method ``fuzzy`` (a typo's confidence band, never the top one) — unless
the string names that unit as written elsewhere ("シハヌービクル, Sihanoukville"): the
misspelt copy adds nothing, and would lower the band of the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..normalize import Token
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .index import TIER_VILLAGE, Entry, build_index, long_lived
from .mentions import Mention, make_mention, mention_start

__all__ = ["kana_edit_mentions", "prepare"]

_KANA = re.compile("[\u30a1-\u30fa\u30fc]+")


def _unit(e: Entry) -> bool:
    """A province, district or town (the units the Latin one-edit pass reads too)."""
    return e.tier < TIER_VILLAGE and 1 <= e.depth <= 2 and e.kind != "country"


def prepare() -> None:
    """Build the katakana one-edit table now (:func:`_kana_index`, else in the first string
    holding katakana, while it waits)."""
    _kana_index()


@depends_on_settings
@cache
def _kana_index() -> dict[str, tuple[str, ...]]:
    """Deletion neighbourhood of the katakana names of provinces, districts and towns:
    each name and each with one letter deleted → the names."""
    min_letters = get_settings().kana_edit_min_letters
    out: dict[str, set[str]] = {}
    for name, entries in build_index().names.items():
        if len(name) < min_letters - 1 or not _KANA.fullmatch(name):
            continue
        if not any(map(_unit, entries)):
            continue
        out.setdefault(name, set()).add(name)
        for p in range(len(name)):
            out.setdefault(name[:p] + name[p + 1 :], set()).add(name)
    return long_lived({k: tuple(sorted(v)) for k, v in out.items()})


def kana_edit(run: str) -> tuple[str, tuple[Entry, ...]] | None:
    """The katakana name one edit from ``run`` and its readings (provinces, districts,
    towns), when the names that close share a unit; ``None`` otherwise, or when ``run`` is
    shorter than ``kana_edit_min_letters`` or a name as written.

    Examples
    --------
    >>> hit = kana_edit("シェムレアプ")
    >>> sorted({e.province_code for e in hit[1]})
    ['17']
    >>> kana_edit("タケウ") is None
    True
    """
    names = build_index().names
    if len(run) < get_settings().kana_edit_min_letters or run in names:
        return None
    idx = _kana_index()
    cands = set(idx.get(run, ()))
    for p in range(len(run)):
        cands.update(idx.get(run[:p] + run[p + 1 :], ()))
    good = sorted(c for c in cands if OSA.distance(run, c) == 1)
    if not good:
        return None
    units = {c: frozenset(e.code for e in names[c] if _unit(e)) for c in good}
    if len(good) > 1 and not frozenset.intersection(*units.values()):
        return None  # names of different units: no reading
    # several spellings of one unit (シエムレアプ, シェムリアプ): the one with the most
    # readings keeps them all (a province and its eponymous town: resolving chooses)
    best = max(good, key=lambda c: len(units[c]))
    return best, tuple(e for e in names[best] if _unit(e))


def _letter(tok: Token) -> bool:
    return len(tok.text) == 1 and _KANA.fullmatch(tok.text) is not None


def _runs(flat: Sequence[Token]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of the katakana runs that hold unknown letters: katakana
    tokens in a row (no break, stop or admin word between), from the first letter (one
    token each) on, with at least two letters."""
    out: list[tuple[int, int]] = []
    k, n = 0, len(flat)
    while k < n:
        t = flat[k]
        if t.latin or t.stop or t.admin is not None or not _KANA.fullmatch(t.text):
            k += 1
            continue
        j = k
        while j < n and not (
            flat[j].latin
            or flat[j].stop
            or flat[j].admin is not None
            or not _KANA.fullmatch(flat[j].text)
        ):
            j += 1
        first = next((i for i in range(k, j) if _letter(flat[i])), None)
        if first is not None and sum(map(_letter, flat[first:j])) >= 2:
            out.append((first, j))
        k = j
    return out


def kana_edit_mentions(
    text: str | tuple[Token, ...], flat: Sequence[Token], mentions: list[Mention]
) -> list[Mention]:
    """The mentions, with the runs of katakana letters no pass read that are one edit from a
    curated katakana name read as its unit (see the module docstring).

    Parameters
    ----------
    text : str or tuple of Token
        The string, or its tokens (a string with no katakana is returned as it is).
    flat : sequence of Token
        Its tokens as spotting reads them.
    mentions : list of Mention
        What the earlier passes found.

    Returns
    -------
    list of Mention
        All mentions, by start; the new ones have method ``fuzzy``.
    """
    if isinstance(text, str) and (text.isascii() or not _KANA.search(text)):
        return mentions
    out = list(mentions)
    for start, end in _runs(flat):
        letters = [k for k in range(start, end) if _letter(flat[k])]
        if any(m.start <= k < m.end for m in out for k in letters):
            continue  # a pass read the letters already
        run = "".join(t.text for t in flat[start:end])
        hit = kana_edit(run)
        if hit is None:
            continue
        name, entries = hit
        around = [m for m in out if m.end <= start or m.start >= end]
        named = {e.code for m in around if not m.reference for e in m.entries}
        if {e.code for e in entries} <= named:
            continue  # the string names that unit as written already ("…, Siemreap")
        out = around
        score = round(float(fuzz.ratio(run, name)), 1)
        out.append(make_mention(flat, start, end, entries, "fuzzy", score))
    return sorted(out, key=mention_start)
