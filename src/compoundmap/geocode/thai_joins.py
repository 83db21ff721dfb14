"""Names a space splits in Thai: pages that transliterate Khmer names into Thai often keep
the space of the romanised name ("ชบาร์ อัมปอฟ", Chbar Ampov; "เสียม ราฐ", Siem Reap), which
the index keys without it (ชบาร์อัมปอฟ, เสียมราฐ). The tokeniser breaks a Thai run at a
space, so neither half was read.

A space between Thai letters is dropped when the end of the run before it and the start of
the run after it together, and neither alone, are an indexed name above the village, and the
two runs are not each a whole name (a list written with spaces, "เสียมราฐ กันดาล", stays a
list: :mod:`compoundmap.geocode.script_lists`).

Used by :func:`compoundmap.geocode.tokens.split_tokens` on the raw string, only when it holds
a space between Thai letters that is no list break (the gate ``SCRIPT_JOINER`` it already
searches). The guard: the Thai evidence quotes of the labelled rows, cut at their spaces, give
no new place (``benchmarks/sweep_script_towns.py``, part "Thai spaces").
"""

from __future__ import annotations

import re

from .._scripts import THAI_LETTERS
from ..normalize import clean_text
from .entries import TIER_VILLAGE
from .index import NameIndex

__all__ = ["thai_space_joins"]

_THAI = THAI_LETTERS
#: A space between two Thai runs: the run before, the run after.
_SPACED = re.compile(f"([{_THAI}]+) (?=([{_THAI}]+))")
#: The fewest letters of each part of a split name.
_MIN_PART = 2


def _named(text: str, index: NameIndex) -> bool:
    """Whether ``text`` is an indexed name of any kind."""
    return clean_text(text) in index.names


def _spans(left: str, right: str, index: NameIndex) -> bool:
    """Whether an end of ``left`` and a start of ``right`` together, and neither alone, are
    an indexed name above the village."""
    names = index.names
    longest = index.max_script_len
    for i in range(max(0, len(left) - longest + _MIN_PART), len(left) - _MIN_PART + 1):
        tail = left[i:]
        for j in range(min(len(right), longest - len(tail)), _MIN_PART - 1, -1):
            head = right[:j]
            entries = names.get(clean_text(tail + head), ())
            if (
                any(e.tier < TIER_VILLAGE for e in entries)
                and not _named(tail, index)
                and not _named(head, index)
            ):
                return True
    return False


def thai_space_joins(text: str, index: NameIndex) -> str:
    """``text`` with each space that splits a Thai name (see the module) dropped; ``text``
    itself when there is none.

    Parameters
    ----------
    text : str
        The raw string (list breaks already written as 、).
    index : NameIndex
        The index whose names may span a space.

    Returns
    -------
    str
        The string to tokenize.

    Examples
    --------
    >>> from compoundmap.geocode.index import build_index
    >>> thai_space_joins("เขตชบาร์ อัมปอฟ", build_index())
    'เขตชบาร์อัมปอฟ'
    >>> thai_space_joins("เสียมราฐ กันดาล", build_index())
    'เสียมราฐ กันดาล'
    """
    cuts = [
        m.end(1)
        for m in _SPACED.finditer(text)
        if not (_named(m.group(1), index) and _named(m.group(2), index))
        and _spans(m.group(1), m.group(2), index)
    ]
    if not cuts:
        return text
    chars = list(text)
    for at in reversed(cuts):
        del chars[at]
    return "".join(chars)
