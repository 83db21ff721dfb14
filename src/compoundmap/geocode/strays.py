"""Readings a string's own names or its stated context refute, dropped before resolving.

:func:`~compoundmap.geocode.resolve.resolve_places` calls these on the mentions left after
:func:`~compoundmap.geocode.resolve.reduce`, before it picks one place per round: a commune
name found only outside the stated province, a loose spelling guess the context contradicts,
and a look-alike outside the one province the string names.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .index import TIER_CURATED

if TYPE_CHECKING:
    from .context import Context
    from .resolve import Choice

__all__ = ["drop_stray_communes", "drop_stray_guesses", "drop_strays_outside_named_province"]

_LOOSE = frozenset({"phonetic", "fuzzy"})
"""Methods of the loosest spelling matches (by sound, by edit distance)."""


def drop_stray_communes(real: list[Choice], ctx: Context) -> list[Choice]:
    """With a stated province, a commune/village name found only in other provinces is
    most likely a word that happens to be a commune name there: drop it.

    Parameters
    ----------
    real : list of Choice
        The mentions left, with their readings.
    ctx : Context
        The stated context.

    Returns
    -------
    list of Choice
        ``real`` without those mentions (``real`` itself when none would be left).
    """
    if not ctx.provinces or len(real) <= 1:
        return real
    return [
        c
        for c in real
        if any(e.province_code in ctx.provinces for e in c.entries)
        or any(e.depth < 3 or e.is_point for e in c.entries)
    ] or real


def drop_stray_guesses(real: list[Choice], ctx: Context) -> list[Choice]:
    """A name found only by the loosest spelling match (the all-else-failed fuzzy pass)
    whose every reading contradicts the stated province or district is a guess the context
    refutes: drop it ("Bokor" is no Bar Kaev of Ratanakiri in a Kampot report), even when
    nothing is left (the caller then falls back to what was stated).

    Parameters
    ----------
    real : list of Choice
        The mentions left, with their readings.
    ctx : Context
        The stated context.

    Returns
    -------
    list of Choice
        ``real`` without the refuted guesses; may be empty.
    """
    if not (ctx.provinces or ctx.districts):
        return real
    return [
        c
        for c in real
        if c.mention.method != "fuzzy" or not all(ctx.contradicts(e) for e in c.entries)
    ]


def drop_strays_outside_named_province(real: list[Choice]) -> list[Choice]:
    """A string that names exactly one province by its own name ("Taing Kork village …,
    Kampong Cham province") states it as surely as a context would: a district, commune or
    village read only by sound (``phonetic``/``fuzzy``), or a commune or village of the
    official lists, that lies only in other provinces is a look-alike of a name there, not
    a second place. Provinces, towns, points and curated names are kept: a list may name
    places of other provinces ("Sihanoukville; Poipet; Chrey Thom; … Kampot province").

    Parameters
    ----------
    real : list of Choice
        The mentions left, with their readings.

    Returns
    -------
    list of Choice
        ``real`` without the look-alikes (``real`` itself when none would be left).
    """
    if len(real) < 2:
        return real
    named: set[str | None] = set()
    for c in real:
        if c.mention.method in _LOOSE:
            continue
        for e in c.entries:
            if e.kind != "province":
                break
        else:
            named.add(c.entries[0].province_code)
    if len(named) != 1:
        return real

    def stray(c: Choice) -> bool:
        es = c.entries
        for e in es:
            if e.province_code in named or e.depth < 2:
                return False
        return c.mention.method in _LOOSE or all(
            e.depth >= 3 and not e.is_point and e.tier > TIER_CURATED for e in es
        )

    return [c for c in real if not stray(c)] or real
