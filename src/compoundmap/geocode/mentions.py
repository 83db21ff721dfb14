"""A name found in a string (:class:`Mention`) and what the words around it say.

Shared by spotting (``spot.py``) and the variant passes (``variants.py``): the admin word
next to a name ("Bavet city", "Sangkat Bei"), a town word, and the words that make a name a
reference point ("50 km from Poipet").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter
from typing import NamedTuple

from .._scripts import is_han
from ..normalize import Token, admin_words, token_text, tokenize, word_list
from ..schema import LEVEL_OF_NAME
from .index import Entry

__all__ = [
    "REFERENCE_DESCRIPTOR",
    "REFERENCE_OF",
    "Mention",
    "all_content",
    "fits_hint",
    "hint_at",
    "is_khmer",
    "is_reference",
    "make_mention",
    "mention_start",
    "town_at",
]


class Mention(NamedTuple):
    """A span of tokens ``[start, end)`` that names something in the index."""

    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    """Everything the name may mean."""
    method: str
    """How it was found: ``exact``, ``khmer``, ``script``, ``phonetic`` or ``fuzzy``."""
    score: float
    hint: int | None
    """The level the admin word next to it says (``None`` without one)."""
    reference: bool
    """Not where something is: given only as a reference point ("from Poipet", "50 km
    north of Poipet") or part of a company's name ("Jin Bei Group Co Ltd")."""
    town: bool = False
    """Next to a town word (city, town, krong, 市 …)."""
    loose: bool = False
    """A word no name explains is glued to it: it may be part of a longer unknown name."""
    edge: bool = False
    """Written as the outskirts of where something is ("on the outskirts of Poipet",
    "シアヌークビル郊外"): the place it gives is its province only."""


#: The sort key of mentions by start (``sorted(mentions, key=mention_start)``; a C-level
#: getter, no Python call per mention).
mention_start = attrgetter("start")


#: Words between an admin word and its name ("Province of Kandal", "Provincia de …",
#: "distretto di …"), from ``stop_words.csv`` (role ``admin_of``).
_OF_WORDS = frozenset(word_list("admin_of"))


#: Admin words of other scripts written only after a name (``admin_words.csv``, position
#: ``after``: 州, 县, 村, 주, प्रांत …), as the tokeniser writes them.
_AFTER_ONLY = frozenset(
    t.text
    for w in admin_words()
    if w.position == "after" and not w.word.isascii()
    for t in tokenize(w.word)
)
#: Admin words that say a name is a town (``admin_words.csv``, kind ``town``).
_TOWN_WORDS = frozenset(
    w.word for w in admin_words() if w.kind == "town" and "geocode" in w.used_by
)
#: Words that may stand between a name and the town word after it ("Koh Kong border
#: town", "Kep coastal town"): they say what kind of town it is (``stop_words.csv``, role
#: ``town_descriptor``).
_TOWN_DESCRIPTORS = frozenset(t.text for w in word_list("town_descriptor") for t in tokenize(w))
#: Articles that may open an apposition naming the town after a comma ("Kampong Chhnang,
#: the provincial capital", "…, le chef-lieu de province") (``stop_words.csv``, role
#: ``apposition_article``).
_APPOSITION_ARTICLES = frozenset(word_list("apposition_article"))
#: The Chinese words for "area" that ``admin_words.csv`` holds as a district word for
#: Japanese (センソック地区): after a name in Chinese characters they say no level (马德望地区
#: is the Battambang area, not Battambang district) (``stop_words.csv``, role
#: ``area_after_han``).
_HAN_AREA = frozenset(word_list("area_after_han"))
#: Words before a reference point ("from"), and distance and direction words before "of"
#: ("km", "north" …) and the words for "of" there ("de", "von", "dari" …), from
#: ``stop_words.csv``.
_REFERENCE_BEFORE = frozenset(word_list("reference_before"))
#: Words that make "from" after them part of an idiom for "opposite", no distance
#: ("Street 51, across from Wat Langka": the number is a street's), ``stop_words.csv``
#: role ``reference_before_idiom``.
_FROM_IDIOM = frozenset(word_list("reference_before_idiom"))
REFERENCE_OF = frozenset(word_list("reference_of"))
_REFERENCE_DISTANCE = frozenset(word_list("reference_distance"))
#: Directions written right before the name with no word for "of" (Indonesian/Malay
#: "selatan Phnom Penh", south of Phnom Penh), role ``reference_direction``.
_REFERENCE_DIRECTION = frozenset(word_list("reference_direction"))
REFERENCE_DESCRIPTOR = frozenset(word_list("reference_descriptor"))
_COMPANY_SUFFIX = frozenset(word_list("company_suffix"))
# a name is a reference point only after one of these words (most names are not: one set
# look-up instead of the tests of :func:`is_reference`)
_REFERENCE_LAST = REFERENCE_DESCRIPTOR | _REFERENCE_BEFORE | REFERENCE_OF | _REFERENCE_DIRECTION


def _alternation(role: str) -> str:
    return "|".join(re.escape(w) for w in sorted(word_list(role), key=len, reverse=True))


#: A name the distance is measured from, in Korean, Japanese or Chinese: the name, then
#: "from"/a direction glued to it (에서, から, 以南 …) or a Korean direction word after a space
#: (동북쪽), a few words at most, and a distance or travel time with its unit ("프놈펜에서
#: 남쪽으로 25km", "プノンペンから南へ30キロ", "金边以南30公里", "프놈펜 동북쪽 약 470km",
#: "프놈펜에서 1시간 거리"); or "距"/"离" before it and a distance after ("距金边25公里"); in
#: Khmer, a distance with its unit and "from" before it ("ចម្ងាយ ៥០ គីឡូម៉ែត្រ
#: ពីរាជធានីភ្នំពេញ"). ``stop_words.csv``, roles ``reference_after_script``,
#: ``reference_direction_script``, ``reference_before_script``, ``reference_unit_script``,
#: ``reference_from_script``.
#: The Latin (or other) spelling a page puts in brackets after the name, before "from"
#: ("프놈펜(Phnom Penh)에서 서쪽으로 약 250㎞"): skipped, the name before it is the point.
_GLOSS = r"(?:[(（]([^()（）\d\n]{1,40})[)）])?"
_DISTANCE = rf"(?:[^\d\n]{{0,12}}?)\d+(?:[.,]\d+)?\s*(?:{_alternation('reference_unit_script')})"
_SCRIPT_REFERENCE_RE = re.compile(
    rf"([^\s\d(（]+?){_GLOSS}(?:{_alternation('reference_after_script')}"
    rf"|\s(?:{_alternation('reference_direction_script')})){_DISTANCE}"
    rf"|(?:{_alternation('reference_before_script')})([^\s\d]+)\s*\d+(?:[.,]\d+)?\s*"
    rf"(?:{_alternation('reference_unit_script')})"
    rf"|\d+(?:[.,]\d+)?\s*(?:{_alternation('reference_unit_script')})\s*"
    rf"(?:{_alternation('reference_from_script')})([^\s\d]+)"
)


def is_khmer(s: str) -> bool:
    """Whether ``s`` holds Khmer letters."""
    return any("\u1780" <= ch <= "\u17ff" for ch in s)


def all_content(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether every token of ``toks[start:end]`` is a content word (``Token.content``: a
    Latin word that may be part of a name; a loop, not ``all`` over a generator)."""
    for k in range(start, end):
        if not toks[k].content:
            return False
    return True


def hint_at(toks: Sequence[Token], start: int, end: int, khmer: bool) -> int | None:
    """The level the admin word next to ``toks[start:end]`` says: Khmer writes it before
    the name, other languages mostly after; "of"/"de" may stand between.

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens (``tokens.flat_tokens``).
    start : int
        Position of the name's first token.
    end : int
        Position after its last token.
    khmer : bool
        The name is written in Khmer (its admin word comes first).

    Returns
    -------
    int or None
        The admin level (``normalize.PROVINCE`` … ``VILLAGE``), or ``None`` without an
        admin word that belongs to the name.
    """
    return _hint_past(toks, start, _past_town_descriptor(toks, end), khmer)


def _hint_past(toks: Sequence[Token], start: int, end: int, khmer: bool) -> int | None:
    """:func:`hint_at` with ``end`` already past a town descriptor."""
    after = toks[end].admin if end < len(toks) else None
    before = None
    j = start - 1
    while j >= 0 and toks[j].latin and toks[j].text in _OF_WORDS:
        j -= 1
    if j >= 0:
        before = toks[j].admin
    # an admin word after the name that itself starts the next name ("Phum 3 Sangkat 4",
    # "ភូមិ៣ សង្កាត់៤") belongs to that name, not to this one; not one its language writes
    # only after a name ("Angkor Ban乡Kbal Hong村": 乡 is Angkor Ban's)
    if after is not None and toks[end].text not in _AFTER_ONLY:
        nxt = toks[end + 1] if end + 1 < len(toks) else None
        if nxt is not None and nxt.text and nxt.admin is None and not nxt.stop:
            return before
    if khmer:
        return before if before is not None else after
    if toks[start].latin:
        return after if after is not None else before
    # Chinese, Japanese and Korean write the admin word after the name: one before it
    # ends the name before ("スバイリエン州|バベット"); Thai writes it before
    if "\u0e00" <= toks[start].text[:1] <= "\u0e7f":
        return before if before is not None else after
    if end < len(toks) and toks[end].text in _HAN_AREA and is_han(toks[start].text):
        return None
    return after


def fits_hint(e: Entry, hint: int | None) -> bool:
    """Whether a typo pass may read a name as ``e`` given the admin word next to it: the
    level it says, or a place or locality for a district or village word ("Angkrang
    village" is no misspelt commune).

    Parameters
    ----------
    e : Entry
        A reading of the name.
    hint : int or None
        The level the admin word next to the name says (:func:`hint_at`).

    Returns
    -------
    bool
        Whether the reading fits (always, without an admin word).
    """
    if hint is None:
        return True
    level = LEVEL_OF_NAME.get(e.kind)
    if level is None:
        return hint in (LEVEL_OF_NAME["district"], LEVEL_OF_NAME["village"])
    return level == hint


def town_at(toks: Sequence[Token], start: int, end: int) -> bool:
    """Whether a town word stands right before or after ``toks[start:end]`` ("of" may stand
    between the town word and the name, a descriptor between the name and the town word:
    "Koh Kong border town").

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens (``tokens.flat_tokens``).
    start : int
        Position of the name's first token.
    end : int
        Position after its last token.

    Returns
    -------
    bool
        Whether a town word is next to the name.
    """
    return _town_past(toks, start, _past_town_descriptor(toks, end))


def _town_past(toks: Sequence[Token], start: int, end: int) -> bool:
    """:func:`town_at` with ``end`` already past a town descriptor."""
    before = start - 1
    while before >= 0 and toks[before].text in _OF_WORDS:
        before -= 1
    return (
        (before >= 0 and toks[before].text in _TOWN_WORDS)
        or (end < len(toks) and toks[end].text in _TOWN_WORDS)
        or (
            before > 0
            and toks[before - 1].text in _TOWN_WORDS
            and not toks[before].text
            and (end >= len(toks) or toks[end].admin is None)
            and _town_before_comma(toks, before)
        )
    )


def _town_before_comma(toks: Sequence[Token], comma: int) -> bool:
    """Whether an apposition that says the name after the comma at ``comma`` is a town
    stands before it: an optional article and descriptor and a town word, at the start of
    the string or after a break or a stop word other than "of" ("the provincial capital,
    Samraong", "in the provincial capital, Samraong"; not "Svay Rieng town, Bavet", where
    the town word is the name's before the comma)."""
    k = comma - 1
    if not toks[comma].latin or not toks[k].latin or toks[k].text not in _TOWN_WORDS:
        return False
    while k >= 0 and toks[k].text in _TOWN_WORDS:
        k -= 1
    if k >= 0 and toks[k].text in _TOWN_DESCRIPTORS:
        k -= 1
    if k >= 0 and toks[k].text in _APPOSITION_ARTICLES:
        k -= 1
    return k < 0 or not toks[k].text or (toks[k].stop and toks[k].text not in _OF_WORDS)


def _town_apposition(toks: Sequence[Token], k: int) -> int:
    """The position of the town word when ``toks[k:]`` (after a comma) is an apposition
    that says the name before the comma is a town, else -1: an optional article and
    descriptor, a town word, and after it another town word, a separator or a stop word
    other than "of" ("Kampong Chhnang, the provincial capital", "Stung Treng, a
    provincial capital town", "…, le chef-lieu de province", "Kompong Chhnang, une petite
    ville située sur la rive ouest"). A town word followed by a name is that name's
    ("Kandal, the provincial capital Ta Khmau")."""
    if k < len(toks) and toks[k].text in _APPOSITION_ARTICLES:
        k += 1
    if k < len(toks) and toks[k].text in _TOWN_DESCRIPTORS:
        k += 1
    if k >= len(toks) or toks[k].text not in _TOWN_WORDS or not toks[k].latin:
        return -1
    town = k
    k += 1
    while k < len(toks) and toks[k].text in _TOWN_WORDS:
        k += 1
    if k == len(toks) or toks[k].text == "":
        return town
    # a stop word may follow ("…, a town located on the river", "…, une petite ville
    # située sur la rive"), not "of" ("Svay Rieng, the city of Bavet": the town is Bavet)
    nxt = toks[k]
    return town if nxt.stop and nxt.latin and nxt.text not in _OF_WORDS else -1


def _past_town_descriptor(toks: Sequence[Token], end: int) -> int:
    """``end``, or the position after a descriptor word there when a town word follows it
    ("Koh Kong border town": the town word is the name's), unless "of" follows that town
    word ("Svay Rieng's border city of Bavet": the town is Bavet); or the position of the
    town word of an apposition after a comma ("Kampong Chhnang, the provincial capital":
    :func:`_town_apposition`)."""
    n = len(toks)
    if end >= n:
        return end
    text = toks[end].text
    if not text and toks[end].latin:
        # (a Latin comma: the breaks between Chinese or Japanese words are no apposition)
        town = _town_apposition(toks, end + 1)
        return end if town < 0 else town
    if (
        end + 1 < n
        and text in _TOWN_DESCRIPTORS
        and toks[end + 1].text in _TOWN_WORDS
        and not (end + 2 < n and toks[end + 2].text in _OF_WORDS)
    ):
        return end + 1
    return end


def _distance_before(toks: Sequence[Token], k: int) -> bool:
    """Whether a distance or direction stands among the few words before ``toks[k]``
    ("50 km", "20km away", "not far", "30 minutes")."""
    return any(
        t.text in _REFERENCE_DISTANCE or t.text.endswith("km") or t.text.isdigit()
        for t in toks[max(0, k - 3) : k]
    )


def is_reference(toks: Sequence[Token], start: int) -> bool:
    """Whether the name at ``toks[start]`` is a reference point: after a distance and
    "from" (also across a few descriptor words: "50 km from the border town of Poipet",
    "not far from Bavet"), or after "<distance or direction> of" ("50 km north of", "5km
    of"), in the languages whose words for it ``reference_of`` lists ("à 30 km de", "au sud
    de", "südlich von", "30 km dari"), or right after a direction its language writes with
    no "of" (Indonesian/Malay "selatan Phnom Penh"). A name after "from" alone is a place
    ("rescued from Sihanoukville", "from Sihanoukville to Poipet").

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens (``tokens.flat_tokens``).
    start : int
        Position of the name's first token.

    Returns
    -------
    bool
        Whether the words before the name make it a reference point.
    """
    k = start - 1
    while k >= 0 and start - k <= 5 and toks[k].text in REFERENCE_DESCRIPTOR:
        k -= 1
    if (
        k >= 0
        and toks[k].text in _REFERENCE_BEFORE
        and not (k >= 1 and toks[k - 1].text in _FROM_IDIOM)
        and _distance_before(toks, k)
    ):
        return True
    if start >= 1 and toks[start - 1].text in _REFERENCE_DIRECTION:
        return True
    return (
        start >= 2
        and toks[start - 1].text in REFERENCE_OF
        and (toks[start - 2].text in _REFERENCE_DISTANCE or toks[start - 2].text.endswith("km"))
    )


def script_reference_spans(text: str) -> list[tuple[str, bool]]:
    """The spans of Korean, Japanese or Chinese text written just before "from" and a
    distance, or just after "距"/"离" and before one, or of Khmer text just after a distance
    and "from" (``True`` then): each holds the name a distance is measured from, its last
    (first) name. Empty for ASCII text or text with no
    digit, the common case.

    Examples
    --------
    >>> script_reference_spans("프놈펜에서 남쪽으로 25km 떨어진 칸달주")
    [('프놈펜', False)]
    >>> script_reference_spans("距金边25公里的干丹省")
    [('金边', True)]
    >>> script_reference_spans("ចម្ងាយ ៥០ គីឡូម៉ែត្រ ពីរាជធានីភ្នំពេញ")
    [('រាជធានីភ្នំពេញ', True)]
    >>> script_reference_spans("프놈펜(Phnom Penh)에서 서쪽으로 약 250㎞ 떨어진 코콩")
    [('프놈펜', False)]
    >>> script_reference_spans("프놈펜에서 2023년")
    []
    """
    if text.isascii() or not any(map(str.isdigit, text)):
        return []
    return [
        (m.group(1), False) if m.group(1) else (m.group(3) or m.group(4), True)
        for m in _SCRIPT_REFERENCE_RE.finditer(text)
    ]


def script_reference_glosses(text: str) -> frozenset[str]:
    """The spellings in brackets after a name :func:`script_reference_spans` finds, lower
    case ("프놈펜(Phnom Penh)에서 서쪽으로 약 250㎞": ``{'phnom penh'}``): the same point
    written a second time.

    Examples
    --------
    >>> sorted(script_reference_glosses("프놈펜(Phnom Penh)에서 서쪽으로 약 250㎞ 떨어진 코콩"))
    ['phnom penh']
    >>> sorted(script_reference_glosses("코콩(Koh Kong)"))
    []
    """
    if text.isascii() or not any(ch.isdigit() for ch in text):
        return frozenset()
    return frozenset(
        " ".join(m.group(2).lower().split())
        for m in _SCRIPT_REFERENCE_RE.finditer(text)
        if m.group(1) and m.group(2)
    )


_new_tuple = tuple.__new__
#: The defaults of the fields after ``town`` (``loose`` …), which ``make_mention`` leaves as
#: they are: read from the class, so a field added to Mention keeps its default there too.
_AFTER_TOWN = tuple(
    Mention._field_defaults[f] for f in Mention._fields[Mention._fields.index("town") + 1 :]
)


def make_mention(
    toks: Sequence[Token],
    start: int,
    end: int,
    entries: tuple[Entry, ...],
    method: str,
    score: float,
    *,
    khmer: bool = False,
    with_town: bool = True,
) -> Mention:
    """A :class:`Mention` of ``toks[start:end]`` with what the words around it say (the town
    word test is skipped with ``with_town=False``, as the last fuzzy pass does).

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens (``tokens.flat_tokens``).
    start : int
        Position of the name's first token.
    end : int
        Position after its last token.
    entries : tuple of Entry
        Everything the name may mean.
    method : str
        How it was found: ``exact``, ``khmer``, ``script``, ``phonetic`` or ``fuzzy``.
    score : float
        How close the match is (100 for a name as written).
    khmer : bool, default False
        The name is written in Khmer (see :func:`hint_at`).
    with_town : bool, default True
        Look for a town word next to the name (:func:`town_at`).

    Returns
    -------
    Mention
        The mention, with the admin word's level, whether it is a reference point or part
        of a company's name, and whether a town word is next to it.
    """
    past = _past_town_descriptor(toks, end)  # (the admin and town words are read past it)
    # (tuple.__new__ as Mention's own __new__ calls it, without that call per mention)
    return _new_tuple(
        Mention,
        (
            start,
            end,
            toks[start].text if end - start == 1 else " ".join(map(token_text, toks[start:end])),
            entries,
            method,
            score,
            _hint_past(toks, start, past, khmer),
            (start > 0 and toks[start - 1].text in _REFERENCE_LAST and is_reference(toks, start))
            # part of a company's name: a capitalised company word follows it ("Jin Bei
            # Group", "Kandal Co Ltd"; not "the Kandal group of villages")
            or (end < len(toks) and toks[end].text in _COMPANY_SUFFIX and not toks[end].lower),
            _town_past(toks, start, past) if with_town else False,
        )
        + _AFTER_TOWN,
    )
