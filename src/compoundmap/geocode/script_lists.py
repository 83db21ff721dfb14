"""Lists written with a joiner that is also the break between the words of one name: the
Japanese middle dot ・ ("プノンペン・シアヌークビル", Phnom Penh and Sihanoukville; but
"コンポン・チャム" is one name, Kampong Cham) and the space between Thai words
("เสียมราฐ กันดาล และพนมเปญ", Siem Reap, Kandal and Phnom Penh). Cleaning drops the dot
and a space does not break a Thai run, so the two names reach spotting glued, and a name
glued to one that does not contain it is read as part of an unknown longer name (the
second was lost).

Such a joiner is read as the list break 、 when the runs on both sides are each a whole
curated name of a province or a district (or town), neither contains the other, the two
glued are no name, and (for the dot) no admin word follows the second ("バベット・カンダル村"
stays a village). Before a dot, a long word the index does not hold (six kana or more) is
a place of its own too ("アランヤプラテート・ポイペト", the Thai town and Poipet, as the
hyphen reads it), unless the two glued are a name ("バンテアイ・ミアンチェイ").

Used by :func:`compoundmap.geocode.tokens.split_tokens` on the raw
string, only when it holds a dot between katakana or a space between Thai letters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._scripts import KATAKANA, THAI_LETTERS, TYPED_KANA_DOTS
from ..normalize import ADMIN_WORDS, clean_text
from .entries import Entry, consistent
from .index import TIER_CURATED, NameIndex

__all__ = ["SCRIPT_JOINER", "list_breaks"]

_KANA = KATAKANA  # katakana letters and the long-vowel mark ー
_THAI = THAI_LETTERS
#: A middle dot between katakana letters, or a space between Thai letters (the gate).
#: (Besides ・ and ･, the Latin middle dot · and the hyphenation point ‧, typed for ・.)
SCRIPT_JOINER = re.compile(
    f"(?<=[{_KANA}])[・･{TYPED_KANA_DOTS}](?=[{_KANA}])|(?<=[{_THAI}]) (?=[{_THAI}])"
)
_RUN_BEFORE = re.compile(f"(?:[{_KANA}]+|[{_THAI}]+)$")
_RUN_AFTER = re.compile(f"[{_KANA}]+|[{_THAI}]+")
#: Admin words written after a name (Japanese, Chinese characters): 州, 郡, 村 …
#: The kana an unknown word before a dot has at least to be read as a place of its own.
_UNKNOWN_MIN = 6
_AFTER_WORDS = tuple(
    sorted((w for w in ADMIN_WORDS if w and "\u3040" <= w[0] <= "\u9fff"), key=len, reverse=True)
)


def _units(name: str, index: NameIndex) -> Sequence[Entry]:
    """The curated province and district entries of a name (none: not a list item)."""
    entries = index.names.get(clean_text(name), ())
    return [e for e in entries if e.tier == TIER_CURATED and e.kind in ("province", "district")]


def _list_break(text: str, at: int, index: NameIndex) -> bool:
    """Whether the joiner at ``text[at]`` separates two list items (see the module)."""
    before = _RUN_BEFORE.search(text, 0, at)
    after = _RUN_AFTER.match(text, at + 1)
    if before is None or after is None:
        return False
    left, right = before.group(), after.group()
    if text[at] != " " and text.startswith(_AFTER_WORDS, after.end()):
        return False
    first, second = _units(left, index), _units(right, index)
    if not second:
        return False
    if not first:
        # a name the index does not hold before the dot: a place of its own when it is a
        # long word that no name of ours holds ("アランヤプラテート・ポイペト", the Thai
        # town and Poipet), not the first word of one of our names ("バンテアイ・…")
        return (
            text[at] != " "
            and len(clean_text(left)) >= _UNKNOWN_MIN
            and clean_text(left) not in index.names
            and clean_text(left + right) not in index.names
        )
    if any(consistent(a, b) for a in first for b in second):
        return False  # one inside the other: an address ("พนมเปญ ตวลคอร์ก")
    names = index.names
    return clean_text(left + right) not in names and clean_text(f"{left} {right}") not in names


def list_breaks(text: str, index: NameIndex) -> str:
    """``text`` with each joiner between two list items (see the module) written as 、;
    ``text`` itself when there is none.

    Parameters
    ----------
    text : str
        The raw string (before cleaning drops the dot).
    index : NameIndex
        The index whose names the runs are looked up in.

    Returns
    -------
    str
        The string to tokenize.
    """
    cuts = [m.start() for m in SCRIPT_JOINER.finditer(text) if _list_break(text, m.start(), index)]
    if not cuts:
        return text
    chars = list(text)
    for at in cuts:
        chars[at] = "\u3001"
    return "".join(chars)
