"""Stems of a name key written with a case ending or a proclitic: Russian declined names
("в Сиануквиле") and Arabic names with a proclitic ("وسييمرياپ"), tried only when the key as
written names nothing (the exact pass of the geocoder and the script pass of the geoparser).
"""

from __future__ import annotations

from ..normalize import word_list

__all__ = ["arabic_stems", "cyrillic_stems", "inflection_stems"]


# Russian case endings of a place name declined like a masculine noun (Сиануквиль →
# "в Сиануквиле", "из Сиануквиля", "к Сиануквилю", "Сиануквилем"; Кампот → "в Кампоте"),
# longest first (``stop_words.csv``, role ``case_ending_russian``, in file order); the
# tokeniser folds й to и.
_RUSSIAN_ENDINGS = word_list("case_ending_russian")


def cyrillic_stems(key: str) -> tuple[str, ...]:
    """The forms a declined Russian name key may stand for, tried only when the key as
    written names nothing: without its case ending, and with the soft sign the ending
    replaced ("сиануквиле" → "сиануквил", "сиануквиль"). Empty unless the key ends in
    Cyrillic letters with such an ending and keeps at least three letters.

    Parameters
    ----------
    key : str
        A name key (lower case, spaces removed).

    Returns
    -------
    tuple of str
        The candidate keys, most likely first.
    """
    if not key or not ("\u0430" <= key[-1] <= "\u044f"):
        return ()
    for ending in _RUSSIAN_ENDINGS:
        stem = key[: -len(ending)]
        if key.endswith(ending) and len(stem) >= 3:
            return (stem, stem + "ь")
    return ()


# Arabic one-letter proclitics written glued to the next word: wa- "and", bi- "in/at",
# li- "to", fa- "so" ("وسييم رياپ", and Siem Reap; "بمقاطعة", in the province).
_ARABIC_PROCLITICS = ("\u0648", "\u0628", "\u0644", "\u0641")


def arabic_stems(key: str) -> tuple[str, ...]:
    """The key without a glued Arabic proclitic, tried only when the key as written names
    nothing ("وسييمرياپ" → "سييمرياپ"). Empty unless the key starts with one and keeps at
    least four letters.

    Parameters
    ----------
    key : str
        A name key (spaces removed).

    Returns
    -------
    tuple of str
        The candidate key, or nothing.
    """
    if len(key) >= 5 and key.startswith(_ARABIC_PROCLITICS) and "\u0621" <= key[1] <= "\u06ff":
        return (key[1:],)
    return ()


def inflection_stems(key: str) -> tuple[str, ...]:
    """Forms a name key written with a case ending (Russian) or a glued proclitic (Arabic)
    may stand for: :func:`cyrillic_stems` and :func:`arabic_stems`."""
    return cyrillic_stems(key) or arabic_stems(key)
