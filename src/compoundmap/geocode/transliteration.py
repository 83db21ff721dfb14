"""One word of the scripts the geocoder reads only through listed aliases (Indic, Arabic,
Hebrew, Greek, Armenian, Georgian, Ethiopic, Burmese, Lao; Cyrillic by ``cyrillic.py``'s
rules) in Latin letters, as transliterations of Khmer names write them: ``romanised.py``
reads strings again with their words so written.

anyascii (ISC licence) romanises the word, except for a few letters: the anusvara is n (m
before p, b, m and at the end of a word), the Indic velar nasal is ng, the Indic c is ch,
Bengali ভ is v (Bengali has no other letter for it), Arabic long vowels are vowels (و o, ي e
inside a word), غ is g, and Greek ου is ou, μπ at the start of a word b. Tamil ச starting a
word is s (Siem, Sihanouk) or ch (Cham), as the caller asks. A word romanised to fewer than
:data:`MIN_LETTERS` letters stays as written (a particle is no name).
"""

from __future__ import annotations

import re

from anyascii import anyascii

from .._scripts import ARABIC, GREEK, INDIC, block_ranges
from .cyrillic import CYRILLIC, CYRILLIC_MIN_LETTERS, cyrillic_latin

__all__ = ["MIN_LETTERS", "romanised"]

#: Letters a word's romanisation needs to be read (shorter: kept as written).
MIN_LETTERS = 3

_ARABIC = block_ranges(*ARABIC)  # Arabic, Persian, Urdu
_IS_ARABIC = re.compile(f"[{_ARABIC}]")
_IS_INDIC = re.compile(f"[{block_ranges(*INDIC)}]")
_IS_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_IS_GREEK = re.compile(f"[{block_ranges(*GREEK)}]")
_NOT_LETTER = re.compile(r"[^A-Za-z0-9]")

# the anusvara of the Indic scripts (and the Gurmukhi tippi), marked before anyascii
_ANUSVARA = re.compile("[\u0902\u0982\u0a02\u0a70\u0a82\u0b02\u0b82\u0c02\u0c82\u0d02\u0d82]")
_NASAL = re.compile(r"\x01(?=[pbm]|$)")
_INDIC_C = re.compile("c(?!h)")
_TAMIL_C = re.compile("^\u0b9a")  # ச at the start of a word: s (Siem, Sihanouk) or ch (Cham)
# the velar nasal letter of each Indic script (ङ ঙ ਙ ઙ ଙ ங ఙ ಙ ങ ඞ), which anyascii writes n:
# ng, as Khmer names are romanised (Kampong, Angkor)
_VELAR_NASAL = str.maketrans(
    dict.fromkeys("\u0919\u0999\u0a19\u0a99\u0b19\u0b99\u0c19\u0c99\u0d19\u0d9e", "ng")
)
# Arabic letters anyascii drops or spells apart from the vowels and g of a transliteration
_ARABIC_LETTERS = str.maketrans(
    {
        "\u0627": "a",  # ا
        "\u0623": "a",  # أ
        "\u0625": "i",  # إ
        "\u0622": "a",  # آ
        "\u0649": "a",  # ى
        "\u0629": "a",  # ة
        "\u063a": "g",  # غ
        "\u0639": "",  # ع
        "\u0621": "",  # ء
    }
)
_ARABIC_W = re.compile("(?<=.)\u0648")  # و inside a word: a vowel
_ARABIC_O = re.compile("^[\u0623\u0627]\u0648")  # أو, او starting a word: o (أوسماش)
_ARABIC_Y = re.compile("(?<=.)[\u064a\u06cc]")  # ي, ی inside a word: a vowel
_GREEK_FIXES = (("oy", "ou"), ("Oy", "Ou"), ("ngk", "ng"), ("gk", "ng"))
_GREEK_B = re.compile("^[Mm]p")


def romanised(word: str, tamil_ch: bool = False) -> str:
    """A word of these scripts in Latin letters, as transliterations of Khmer names write
    them (see the module docstring); as written when that gives fewer than
    :data:`MIN_LETTERS` letters.

    Parameters
    ----------
    word : str
        One word.
    tamil_ch : bool, default False
        Romanise a Tamil ச starting the word ch, not s.

    Returns
    -------
    str
        The romanised word (capitalised: a name), or ``word``.

    Examples
    --------
    >>> romanised("பெனாம்"), romanised("சிஹானூக்வில்"), romanised("كوه")
    ('Penam', 'Sihanukvil', 'Koh')
    """
    if _IS_CYRILLIC.match(word):  # its own letter rules
        out = cyrillic_latin(word)
        return out if len(out) >= CYRILLIC_MIN_LETTERS else word
    s = word
    if _IS_ARABIC.search(s):
        s = _ARABIC_O.sub("o", s)
        s = _ARABIC_Y.sub("e", _ARABIC_W.sub("o", s.translate(_ARABIC_LETTERS)))
    elif _IS_INDIC.search(s):
        if not tamil_ch:
            s = _TAMIL_C.sub("\u0bb8", s)  # (ஸ, s)
        s = _ANUSVARA.sub("\x01", s).replace("\u09ad", "v")
        s = s.translate(_VELAR_NASAL)
    out = anyascii(s)
    if "\x01" in out:
        out = _NASAL.sub("m", out).replace("\x01", "n")
    if _IS_INDIC.search(word):
        out = _INDIC_C.sub("ch", out)
    elif _IS_GREEK.search(word):
        out = _GREEK_B.sub("B", out)
        for a, b in _GREEK_FIXES:
            out = out.replace(a, b)
    out = _NOT_LETTER.sub("", out)
    if len(out) < MIN_LETTERS:
        return word
    return out[:1].upper() + out[1:]
