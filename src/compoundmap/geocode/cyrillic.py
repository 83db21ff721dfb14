"""Cyrillic names in Latin letters, as Russian pages write Khmer names and as their Latin
romanisations do: the letter rules of the romanised reading (:mod:`.romanised`) for Cyrillic.

Russian (and Ukrainian, Bulgarian, Kazakh, Kyrgyz, Mongolian, Serbian) pages write Khmer
names by sound, joined or apart: "Бавет", "Сиемрип", "Бантеймеантьей", "Тбонгкхмум",
"Кампонгтям". A name no list holds is read by romanising it and reading the Latin string:
anyascii's Russian transliteration does not fit Khmer names (х is kh, so кх gives kkh;
ть gives t; ы gives y), so the letters are written here as the Latin romanisations of the
same names write them:

- х is h (кх, тх, пх are kh, th, ph: Тбонгкхмум Tbongkhmum, Пхномпень Phnompen);
- ч, ть, тя, тю, тё are ch, cha, chu, cho (Кампонгтям Kampongcham, Бантеймеантьей
  Banteymeanchey); ь and a final ъ are dropped (Пномпень Pnompen, Сиануквиль Sianukvil);
- й is y (ей ey, ай ay: Прейвенг Preyveng, Пайлин Paylin); е and э are e (Кратьэх
  Kracheh), ё yo, ю yu, я ya;
- ы is u (Стынгтраенг Stungtraeng), ъ inside a word a (Bulgarian: Къмпот);
- the letters of other Cyrillic alphabets as their Latin practice: і, ї, ґ (Ukrainian),
  ә, ғ, қ, ң, ө, ұ, ү, һ (Kazakh, Kyrgyz, Mongolian), ҳ, ҷ, ӣ, ӯ, җ, ҙ, ҫ (Tajik, Tatar,
  Bashkir), ј, љ, њ, ћ, ђ, џ (Serbian), ў.

Only a word written with a capital is romanised (a proper name; an ordinary Russian word
in lower case is no name): :func:`cyrillic_latin` returns the empty string for any other.
"""

from __future__ import annotations

import re

from .._scripts import block_ranges

__all__ = ["CYRILLIC", "CYRILLIC_MIN_LETTERS", "cyrillic_latin"]

#: Letters a capitalised Cyrillic word's romanisation needs to be read: two, as Khmer names
#: have two-letter parts ("Та Моан Тхом", "Ко Конг"); a shorter word is kept as written.
CYRILLIC_MIN_LETTERS = 2

#: The Cyrillic block (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian,
#: Kazakh, Kyrgyz, Mongolian …).
CYRILLIC = block_ranges("cyrillic")

# two-letter groups first: ть and т before a soft vowel are ch (Кампонгтям, Кратьэх)
_GROUPS = re.compile("тья|ть|т[яюё]|ъ(?=.)")
_GROUP_LATIN = {"тья": "cha", "ть": "ch", "тя": "cha", "тю": "chu", "тё": "cho", "ъ": "a"}
_LETTERS = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "yo",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "h",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "u",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        # Ukrainian, Belarusian
        "і": "i",
        "ї": "yi",
        "є": "ye",
        "ґ": "g",
        "ў": "u",
        # Kazakh, Kyrgyz, Mongolian, Tatar, Bashkir
        "ә": "a",
        "ғ": "g",
        "қ": "k",
        "ң": "ng",
        "ө": "o",
        "ұ": "u",
        "ү": "u",
        "һ": "h",
        # Tajik, Tatar, Bashkir
        "ҳ": "h",
        "ҷ": "j",
        "ӣ": "i",
        "ӯ": "u",
        "җ": "zh",
        "ҙ": "z",
        "ҫ": "s",
        # Serbian, Macedonian
        "ђ": "dj",
        "ј": "y",
        "љ": "l",
        "њ": "n",
        "ћ": "ch",
        "џ": "dzh",
        "ѓ": "g",
        "ќ": "k",
        "ѕ": "dz",
    }
)
_NOT_LETTER = re.compile("[^a-z]")


def _group(m: re.Match[str]) -> str:
    """The Latin of a two-letter group of :data:`_GROUPS`."""
    return _GROUP_LATIN[m.group()]


def cyrillic_latin(word: str) -> str:
    """A Cyrillic word written with a capital in Latin letters, as romanisations of Khmer
    names write them (see the module docstring), capitalised; the empty string for a word
    starting in lower case (no name).

    Parameters
    ----------
    word : str
        One word.

    Returns
    -------
    str
        The word in Latin letters, or ``""``.

    Examples
    --------
    >>> cyrillic_latin("Бантеймеантьей"), cyrillic_latin("Тбонгкхмум")
    ('Banteymeanchey', 'Tbongkhmum')
    >>> cyrillic_latin("Кампонгтям"), cyrillic_latin("городе")
    ('Kampongcham', '')
    """
    if not word[:1].isupper():
        return ""
    s = _GROUPS.sub(_group, word.lower()).translate(_LETTERS)
    s = _NOT_LETTER.sub("", s)
    return s[:1].upper() + s[1:]
