"""Names of places outside Cambodia in a string: the table of ``foreign_places.csv``, the
words of a string (:func:`lower_words`), the cheap gate (:func:`may_name_abroad`) and the runs
of words that name a place abroad, and the unmatched result of a field that names only such
places (:func:`foreign_result`). ``places.py`` reads these to drop Cambodian look-alikes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import pandas as pd

from .._data import raw_path
from .._scripts import INDIC, block_ranges
from ..normalize import place_key, tokenize, word_list
from .index import TIER_CURATED, build_index
from .result import GeocodeResult

__all__ = [
    "abroad_admin_written",
    "countries_of",
    "first_words_abroad",
    "foreign_country",
    "foreign_result",
    "foreign_runs",
    "is_foreign_name",
    "lower_words",
    "may_name_abroad",
    "names_abroad",
]


@cache
def _foreign_keys() -> tuple[dict[str, str], frozenset[str]]:
    """Name key → "Name (CC)" of places outside Cambodia that reporting names on their own
    (``data/raw/gazetteer/foreign_places.csv``), so that "Bangkok" never lands on a
    Cambodian commune that sounds like it; and a quick pattern of their names, so that
    strings naming none of them cost one set look-up (their first words)."""
    table = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    keys = {
        place_key(n): f"{n} ({cc})"
        for n, cc in zip(table["name"], table["country_code"], strict=True)
    }
    return keys, frozenset(n.lower().split()[0] for n in table["name"])


def is_foreign_name(name: str) -> bool:
    """Whether ``name`` is, as a whole, a place outside Cambodia (``foreign_places.csv``).

    Parameters
    ----------
    name : str
        A place name ("Chong Chom", the Thai side of the O'Smach crossing).

    Returns
    -------
    bool
        ``True`` when its key is that of a listed place abroad.
    """
    return place_key(name) in _foreign_keys()[0]


def foreign_country(key: str) -> str | None:
    """The country code of the place abroad whose name key is ``key``.

    Parameters
    ----------
    key : str
        A name key (:func:`~compoundmap.normalize.place_key`).

    Returns
    -------
    str or None
        Its country code (``foreign_places.csv``), ``None`` when no place abroad has that key.

    Examples
    --------
    >>> foreign_country(place_key("Chong Chom")), foreign_country(place_key("Kampot"))
    ('TH', None)
    """
    label = _foreign_keys()[0].get(key)
    return None if label is None else _country_of(label)


def first_words_abroad() -> frozenset[str]:
    """The first words, in lower case, of the names of ``foreign_places.csv``: a string
    holding none of them (nor an admin word of places abroad) names no place abroad.

    Returns
    -------
    frozenset of str
        Words such as "chong", "ha", "bangkok".
    """
    return _foreign_keys()[1]


#: A word: a run of letters, digits and the vowel signs and other marks that Indic, Thai,
#: Khmer, Burmese, Hebrew and Arabic words carry (``\w`` alone cuts "केप" into "क", "प";
#: the danda and Khmer sentence signs are punctuation, not marks),
#: and a run of Chinese, Japanese or Korean script apart (Chinese glues a romanised name to
#: the next word: "Ha Tien和西港" names Ha Tien).
_CJK = block_ranges("cjk", "hangul_syllables")
_MARKED = block_ranges(
    "combining_diacritical_marks",
    "hebrew_points",
    "arabic_signs",
    "arabic_vowel_marks",
    *INDIC,
    "thai",
    "lao",
    "myanmar",
    "khmer",
    without=("dandas", "khmer_sentence_signs"),
)
_WORD_RE = re.compile(f"(?:[^\\W{_CJK}]|[{_MARKED}])+|[{_CJK}]+")
#: The same words in ASCII text, where ``[^\W]`` is ``[a-z0-9_]`` (a plain set: faster).
_ASCII_WORD_RE = re.compile("[a-z0-9_]+")


@lru_cache(maxsize=16)
def lower_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case, a run of CJK script apart from the Latin word
    it is glued to (read two or three times per string: cached for the last few strings).

    Parameters
    ----------
    text : str
        The string as written.

    Returns
    -------
    tuple of str
        Its words, in order.

    Examples
    --------
    >>> lower_words("Ha Tien和西港, O'Smach")
    ('ha', 'tien', '和西港', 'o', 'smach')
    """
    lower = text.lower()
    return tuple((_ASCII_WORD_RE if lower.isascii() else _WORD_RE).findall(lower))


_PART_SPLIT = re.compile(r"[,;/()|]+|\s+-\s+|\band\b")


def foreign_result(text: str) -> GeocodeResult | None:
    """An unmatched result explaining itself when every part of ``text`` names a place
    outside Cambodia ("Bangkok", "Moc Bai, Vietnam"); ``None`` otherwise."""
    known, first_words = _foreign_keys()
    if first_words.isdisjoint(lower_words(text)):
        return None
    parts = _PART_SPLIT.split(text)
    keys: list[str] = []
    for p in parts:
        key = place_key(p)
        if key and key not in known:
            return None  # a part that names no place abroad (most strings read this far)
        if key:
            keys.append(key)
    if not keys or any(map(_curated_whole, parts)):
        return None
    return GeocodeResult(
        query=text, status="unmatched", method="foreign", matched_name=known[keys[0]]
    )


def _curated_whole(part: str) -> bool:
    """Whether ``part``, with the kind word its key drops, is the name of a curated locality
    ("Moc Bai Casino" is the Bavet casino, though "Moc Bai" is the Vietnamese side)."""
    toks = [t for t in tokenize(part) if t.text]
    while toks and (toks[0].stop or toks[0].admin is not None):
        toks.pop(0)  # leading articles and admin words ("the Moc Bai casino")
    names = build_index().names
    while toks:
        whole = "".join(t.text for t in toks)
        if any(e.tier == TIER_CURATED for e in names.get(whole, ())):
            return True
        if not (toks[-1].stop or toks[-1].admin is not None):
            return False
        toks.pop()  # trailing words the name does not hold ("the Moc Bai Casino compound")
    return False


@cache
def _foreign_admin_words() -> frozenset[str]:
    """Admin words used only for places abroad ("tambon", "amphoe", "subdistrict",
    ``stop_words.csv`` role ``foreign_admin``)."""
    return frozenset(word_list("foreign_admin"))


def abroad_admin_written(words: Iterable[str]) -> bool:
    """Whether ``words`` hold an admin word used only for places abroad.

    Parameters
    ----------
    words : iterable of str
        A string's words (:func:`lower_words`).

    Returns
    -------
    bool
        ``True`` for a word such as "tambon", "amphoe", "subdistrict" (``stop_words.csv``
        role ``foreign_admin``).

    Examples
    --------
    >>> abroad_admin_written(lower_words("Tambon Khlong Yai")), abroad_admin_written(("kampot",))
    (True, False)
    """
    return not _foreign_admin_words().isdisjoint(words)


#: Longest name of ``foreign_places.csv`` looked for, in words.
_FOREIGN_MAX_WORDS = 4


def foreign_runs(words: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    """The runs of a string's words that name a place abroad: what :func:`names_abroad`,
    :func:`countries_of` and ``places``' namesake readings read
    (``places.drop_weak_abroad`` reads them once).

    Parameters
    ----------
    words : tuple of str
        A string's words (:func:`lower_words`).

    Yields
    ------
    tuple of (tuple of str, str)
        (Run, its key) for each run of one to :data:`_FOREIGN_MAX_WORDS` words that starts
        on the first word of a name abroad and whose key is one (``foreign_places.csv``), in
        order.

    Examples
    --------
    >>> [run for run, _ in foreign_runs(lower_words("Ha Tien, Kien Giang"))]
    [('ha', 'tien'), ('kien', 'giang')]
    """
    known, first_words = _foreign_keys()
    for i, w in enumerate(words):
        if w not in first_words:
            continue
        for n in range(1, min(_FOREIGN_MAX_WORDS, len(words) - i) + 1):
            run = words[i : i + n]  # (no run past the last word: it would be the last again)
            key = place_key(" ".join(run))
            if key in known:
                yield run, key


def may_name_abroad(text: str) -> bool:
    """Whether ``text`` holds the first word of a listed name abroad or an admin word of
    places abroad: the cheap test of a string's words that :func:`foreign_result` and
    ``places.drop_weak_abroad`` start with (failing it, most strings get ``None`` and their
    results as they are); a caller of both tests it once.

    Parameters
    ----------
    text : str
        The string as written.

    Returns
    -------
    bool
        ``False`` when no word of ``text`` starts a name abroad or is an admin word of one.

    Examples
    --------
    >>> may_name_abroad("Ha Tien, Kien Giang"), may_name_abroad("Tambon Khlong Yai")
    (True, True)
    >>> may_name_abroad("Kampot")
    False
    """
    return not _gate_words().isdisjoint(lower_words(text))


@cache
def _gate_words() -> frozenset[str]:
    """The words :func:`may_name_abroad` looks for: the first words of names abroad and the
    admin words of places abroad, in one set (one test per string)."""
    return _foreign_keys()[1] | _foreign_admin_words()


def names_abroad(text: str) -> bool:
    """Whether ``text`` names a place outside Cambodia (``foreign_places.csv``: a run of up
    to four words) or uses an admin word of places abroad ("Tambon Khlong Yai", "Tha Sai
    Luat subdistrict")."""
    words = lower_words(text)
    if abroad_admin_written(words):
        return True
    return any(True for _ in foreign_runs(words))


def countries_of(runs: Iterable[tuple[tuple[str, ...], str]]) -> dict[str, frozenset[str]]:
    """The countries whose places a string names.

    Parameters
    ----------
    runs : iterable of (tuple of str, str)
        The string's runs naming places abroad (:func:`foreign_runs`).

    Returns
    -------
    dict of str to frozenset of str
        Country code → keys of the places of that country named; empty when none is.

    Examples
    --------
    >>> runs = foreign_runs(lower_words("Ha Tien, Kien Giang"))
    >>> {cc: sorted(keys) for cc, keys in countries_of(runs).items()}  # (sets: sorted)
    {'VN': ['hatien', 'kiengiang']}
    """
    known = _foreign_keys()[0]
    found: dict[str, set[str]] = {}
    for _, key in runs:
        found.setdefault(_country_of(known[key]), set()).add(key)
    return {cc: frozenset(keys) for cc, keys in found.items()}


def _country_of(label: str) -> str:
    """The country code of a ``"Name (CC)"`` label of :func:`_foreign_keys`."""
    return label.rsplit("(", 1)[-1].rstrip(")")
