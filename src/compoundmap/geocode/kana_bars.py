"""A horizontal bar (―, U+2015) between two katakana letters: a long-vowel mark or a dash.

Japanese pages type ― for the long-vowel mark ー in a name ("シアヌ―クビル", "ポ―サット州",
starofcambodia.com's "ダラサコ―リゾート", kuromaru.asia's "サンポ―メアス島") and also as a
dash between two names ("プノンペン―シアヌークビル"). Left as it is, the bar cuts a name in
two and glues two names into one unknown run. :func:`kana_bars` reads each bar from the
index: when a katakana name of the index runs across it (the two sides folded as the
tokeniser folds them: ー and ッ dropped, so the bar read as ー is no letter), it is the
long-vowel mark; otherwise it is a break between two words, as a hyphen between katakana
letters is (``tokens._KANA_JUNCTION``). A bar after ン, ッ, ー or ・ is never the long-vowel
mark (no syllable there to lengthen: "サンダン―コンポンチャム" is two names).
"""

from __future__ import annotations

import re

from ..normalize import tokenize
from .index import NameIndex

__all__ = ["kana_bars"]

_BAR = "\u2015"
_KANA = "\u30a1-\u30fc"
#: A bar between two katakana letters (or a long-vowel mark or ・ before it).
_BAR_RE = re.compile(f"(?<=[{_KANA}]){_BAR}(?=[\u30a1-\u30fb])")
#: Letters no long-vowel mark follows.
_NO_VOWEL = frozenset("ンッー・")
#: The katakana written right before / after a bar.
_LEFT = re.compile(f"[{_KANA}]+$")
_RIGHT = re.compile(f"[{_KANA}{_BAR}]+")  # (a later bar read as ー: dropped)
#: Longest katakana name (folded letters) looked for across a bar.
_LONGEST = 16


def _folded(run: str) -> str:
    """A katakana run as the tokeniser writes it (ー, ッ, ・ dropped, small vowels plain …)."""
    return "".join(t.text for t in tokenize(run.replace(_BAR, "")))


def _across(left: str, right: str, index: NameIndex) -> bool:
    """Whether an indexed katakana name of at least three letters runs across the join of
    ``left`` and ``right`` (as written), and no two names meet there (one ending the left
    side, one starting the right: "ダラサコー―コンポンチュナン" is two names, though ココン
    runs across their join)."""
    left, right = _folded(left), _folded(right)
    s, b = left + right, len(left)
    names = index.names
    if any(left[i:] in names for i in range(max(0, b - _LONGEST), b - 2)) and any(
        right[:j] in names for j in range(3, min(len(right), _LONGEST) + 1)
    ):
        return False
    for i in range(max(0, b - _LONGEST + 1), b):
        for j in range(min(len(s), i + _LONGEST), b, -1):
            if j - i >= 3 and s[i:j] in names:
                return True
    return False


def kana_bars(text: str, index: NameIndex) -> str:
    """The string, each ― between two katakana letters written as ー when an indexed name
    runs across it, as 、 (a break) otherwise.

    Parameters
    ----------
    text : str
        The string (returned as it is when it holds no ―).
    index : NameIndex
        The index whose names are looked for.

    Returns
    -------
    str
        The string with its bars read.

    Examples
    --------
    >>> from compoundmap.geocode.index import build_index
    >>> kana_bars("シアヌ―クビル", build_index())
    'シアヌークビル'
    >>> kana_bars("プノンペン―シアヌークビル", build_index())
    'プノンペン、シアヌークビル'
    """
    if _BAR not in text:
        return text
    out: list[str] = []
    start = 0
    for m in _BAR_RE.finditer(text):
        before = "".join(out) + text[start : m.start()]
        left = _LEFT.search(before)
        right = _RIGHT.match(text, m.end())
        long_vowel = (
            left is not None
            and right is not None
            and left.group(0)[-1] not in _NO_VOWEL
            and _across(left.group(0), right.group(0), index)
        )
        out.append(text[start : m.start()])
        out.append("\u30fc" if long_vowel else "\u3001")
        start = m.end()
    out.append(text[start:])
    return "".join(out)
