"""The names a border crossing is written under, beyond the ones ``localities.csv`` lists.

Reports name a crossing by its place name with any of the crossing words after it ("Chong
Chom border checkpoint", "Trapeang Sre checkpoint", "Daung international border gate"),
and sometimes by the place name alone ("crossed at Daung"). A curated crossing lists a few
of those forms as aliases; :func:`crossing_names` gives every form from the cores of its
names, so that a form the list lacks is not read as a sound-alike crossing or as a commune
of the core's name elsewhere. :func:`crossing_cores` gives the bare cores, which the index
files under a crossing only when no other place bears that name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["CROSSING_ENDINGS", "crossing_cores", "crossing_names", "crossing_pairs"]

#: Words reports put after a crossing's place name (with or without "international").
CROSSING_ENDINGS = (
    "border checkpoint",
    "checkpoint",
    "border crossing",
    "crossing",
    "border gate",
    "international border checkpoint",
    "international border gate",
    "international border crossing",
    "international checkpoint",
    "international gate",
    "national border gate",
    "national border checkpoint",
    "border post",
    "border pass",
)

#: The crossing words (every word of :data:`CROSSING_ENDINGS`): a name is cut before the
#: first of them ("Cham Yeam international border checkpoint" → "Cham Yeam").
_CUT = re.compile(
    r"\s+(?:" + "|".join(sorted({w for e in CROSSING_ENDINGS for w in e.split()})) + r")\b.*$",
    re.IGNORECASE,
)
#: Names of a pair ("Stung Bot-Ban Nong Ian", "Hoa Lu - Trapeang Sre") or cut at the start
#: ("checkpoint at Boeng Trakuon") give no core: which side is Cambodian is not known here.
#: A bridge's name joins two countries, not two sides of a crossing.
_BRIDGE = re.compile(r"\b(?:bridge|friendship)\b", re.IGNORECASE)
#: Between the two sides of a two-sided name.
_SIDES = re.compile(r"\s*[-\u2013\u2014]\s*")
_PAIR = re.compile(r"[-\u2013\u2014/]|^(?:checkpoint|crossing|border|gate)\b", re.IGNORECASE)


def crossing_cores(
    names: Iterable[str], abroad: Callable[[str], bool] = lambda _: False
) -> list[str]:
    """The place names a crossing's names begin with, in first-seen order.

    Parameters
    ----------
    names : Iterable[str]
        A crossing's name and aliases.
    abroad : Callable[[str], bool]
        Whether a name is a place abroad: such a core (the foreign side's name, "Chong
        Chom") is left out.

    Returns
    -------
    list[str]
        Each name cut before its first crossing word ("Chong Chom checkpoint" → "Chong
        Chom"); names of a pair and names that are only crossing words give none.
    """
    out: list[str] = []
    for name in names:
        if _PAIR.search(name):
            continue
        core = _CUT.sub("", name).strip()
        if core and core not in out and not abroad(core):
            out.append(core)
    return out


def crossing_pairs(names: Iterable[str]) -> list[str]:
    """The two-sided names of a crossing in both orders ("Tan Nam-Meun Chey border gate"
    → "Tan Nam-Meun Chey", "Meun Chey-Tan Nam").

    Parameters
    ----------
    names : Iterable[str]
        A crossing's name and aliases.

    Returns
    -------
    list[str]
        "A-B" and "B-A" for each name of two sides (cut before their crossing words), in
        first-seen order; a bridge's name ("Thai-Cambodia Friendship Bridge") gives none.
    """
    out: list[str] = []
    for name in names:
        if _BRIDGE.search(name):
            continue
        sides = [_CUT.sub("", x).strip() for x in _SIDES.split(_CUT.sub("", name))]
        if len(sides) != 2 or not all(len(x) > 2 for x in sides):
            continue
        for a, b in (sides, sides[::-1]):
            if f"{a}-{b}" not in out:
                out.append(f"{a}-{b}")
    return out


def crossing_names(
    names: Iterable[str], abroad: Callable[[str], bool] = lambda _: False
) -> list[str]:
    """Every core and two-sided name of a crossing with every crossing ending.

    Parameters
    ----------
    names : Iterable[str]
        A crossing's name and aliases.
    abroad : Callable[[str], bool]
        Whether a name is a place abroad (its cores are left out, see
        :func:`crossing_cores`).

    Returns
    -------
    list[str]
        "<core> <ending>" for each core of :func:`crossing_cores` and each two-sided name
        of :func:`crossing_pairs`, with each ending (:data:`CROSSING_ENDINGS`); a pair
        alone is no key (a place named after one side, "Bavet-Moc Bai casino", keeps its
        name).
    """
    names = list(names)
    pairs = crossing_pairs(names)
    cores = crossing_cores(names, abroad)
    out = [f"{core} {ending}" for core in cores for ending in CROSSING_ENDINGS]
    return out + [f"{pair} {ending}" for pair in pairs for ending in CROSSING_ENDINGS]
