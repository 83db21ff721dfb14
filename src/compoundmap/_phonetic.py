"""The consonant skeleton of a place key: a loose key that romanisation variants of one
Khmer name share (Paoy Paet, Poipet). Private: re-exported by :mod:`compoundmap.normalize`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from .settings import get as get_settings

__all__ = ["latin_sound_keys", "script_sound_keys", "skeleton"]

_DOUBLE_RE = re.compile(r"(.)\1+")
#: A match's first group, as a C-level callable: ``sub(_GROUP_1, s)`` is ``sub(r"\1", s)``
#: without the template expanded by Python code per call.
_GROUP_1 = itemgetter(1)
_VOWELS_RE = re.compile(r"[aeiouy]+")
_C_RE = re.compile(r"c(?!h)")
_FINAL_B_RE = re.compile(r"b\b")
_H_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])h")
_R_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|$)")


@lru_cache(maxsize=get_settings().token_cache_size)
def skeleton(key: str) -> str:
    """A looser key for romanisation variants: consonants only, with ``r`` after a vowel
    dropped (Kork/Kouk, Thmor/Thma), ``ph``→``p``, ``w``→``v``, ``c``→``k`` (not in ``ch``),
    final ``b``→``p``, ``td``/``dd``→``d``, doubled consonants once.

    Only a candidate generator: the geocoder checks every skeleton match with a rapidfuzz
    score. Non-Latin keys are returned unchanged.

    Examples
    --------
    >>> from compoundmap.normalize import place_key
    >>> skeleton(place_key("Paoy Paet")) == skeleton(place_key("Poipet"))
    True
    """
    if not key.isascii():
        return key
    s = key
    # (a pattern about one letter runs only when the key holds it: most keys miss some)
    if "r" in s:
        s = _R_AFTER_VOWEL_RE.sub("", s)
    s = s.replace("ph", "p").replace("w", "v").replace("td", "d").replace("q", "k")
    if "c" in s:
        s = _C_RE.sub("k", s)
    if "b" in s:
        s = _FINAL_B_RE.sub("p", s)
    if "h" in s:
        s = _H_AFTER_VOWEL_RE.sub("", s)
    s = _VOWELS_RE.sub("", s)
    return _DOUBLE_RE.sub(_GROUP_1, s)


# --- sound classes: a name written in katakana, hangul or Thai against its romanisation ----
#
# Consonants only, in classes that the three scripts and the romanisations do not tell
# apart: K (k g q c kh), T (t d th), P (p b ph f v w), S (s z x sh), C (ch j), N (n ng ny nh),
# M, R (r l: Japanese and Korean have one liquid). Vowels, h and y are dropped, a repeated
# class is written once. Examples: カムリエン, 감리엔 → KMRN = Kamrieng; โอโจรว → CR = Ou Chrov.

_LATIN_DIGRAPHS = (
    ("kh", "K"),
    ("th", "T"),
    ("ph", "P"),
    ("ch", "C"),
    ("sh", "S"),
    ("ng", "N"),
    ("nh", "N"),
    ("ny", "N"),
)
_LATIN_CLASS = {
    **dict.fromkeys("kgqc", "K"),
    **dict.fromkeys("td", "T"),
    **dict.fromkeys("pbfvw", "P"),
    **dict.fromkeys("szx", "S"),
    "j": "C",
    "n": "N",
    "m": "M",
    **dict.fromkeys("rl", "R"),
}
_LATIN_VOWELS = frozenset("aeiouy")
_DIGRAPH_CLASS = dict(_LATIN_DIGRAPHS)  # one look-up per letter pair, not a scan of the pairs

# katakana (after the script folds: no long-vowel mark, small tsu or ヴ)
_KANA_ROWS = {
    "K": "カキクケコガギグゲゴ",
    "S": "サスセソザズゼゾシ",
    "C": "チジヂ",
    "T": "タツテトダヅデド",
    "N": "ナニヌネノン",
    "P": "バビブベボパピプペポワヴ",
    "M": "マミムメモ",
    "R": "ラリルレロ",
}
_KANA_CLASS = {ch: c for c, row in _KANA_ROWS.items() for ch in row}

# Thai consonants (vowel signs, tone marks, อ, ห, ย, ฮ are dropped; ว is a consonant only
# before a vowel sign, otherwise it writes a vowel: โอโจรว = Ou Chrov)
_THAI_ROWS = {
    "K": "กขฃคฅฆ",
    "N": "งญณน",
    "C": "จฉชฌ",
    "S": "ซศษส",
    "T": "ฎฏฐฑฒดตถทธ",
    "P": "บปผฝพฟภ",
    "M": "ม",
    "R": "รลฬ",
}
_THAI_CLASS = {ch: c for c, row in _THAI_ROWS.items() for ch in row}
_THAI_VOWEL_SIGNS = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39")

# Devanagari consonants (Hindi writes Khmer names by sound: स्वे रींग = Svay Rieng). Vowel
# letters and signs, virama, nukta, य and ह are dropped; anusvara ं is a nasal, and ग after a
# nasal is the g of "ng" (रींग, कम्पोंग), written once like the Latin digraph.
_DEVANAGARI_ROWS = {
    "K": "कखगघ",
    "N": "ङञणनं",
    "C": "चछजझ",
    "S": "सशष",
    "T": "टठडढतथदध",
    "P": "पफबभव",
    "M": "म",
    "R": "रलळऱ",
}
_DEVANAGARI_CLASS = {ch: c for c, row in _DEVANAGARI_ROWS.items() for ch in row}

# Cyrillic consonants (Russian writes Khmer names by sound: Бантеймеантьей = Banteay
# Meanchey), as the tokeniser folds them (lower case, й as и, э as е, a letter once). Vowels,
# й, ь, ъ and х (Russian writes Khmer h and the h of kh, th, ph with it: Тхма Пхуок) are
# dropped; т before ь, я or ю writes the Khmer ch (Кратьэх, Кампонгтям), and г after н is the
# g of "ng", written once like the Latin digraph.
_CYRILLIC_ROWS = {
    "K": "кг",
    "T": "тд",
    "P": "пбфв",
    "S": "сзшщж",
    "C": "чц",
    "N": "н",
    "M": "м",
    "R": "рл",
}
_CYRILLIC_CLASS = {ch: c for c, row in _CYRILLIC_ROWS.items() for ch in row}
_CYRILLIC_SOFT = frozenset("ьяю")

# Hangul jamo: initial (19), medial w-glides (ㅘ ㅙ ㅚ ㅝ ㅞ ㅟ write a v/w), final (28)
_HANGUL_INITIAL = "KKNTTRMPPSSXCCCKTPX"  # X: ㅇ, ㅎ (no consonant)
_HANGUL_W_MEDIALS = frozenset({9, 10, 11, 14, 15, 16})
_HANGUL_FINAL = "XKKKNNNTRRRRRRRRMPPTTNTTKTPX"


def _collapse(classes: list[str]) -> str:
    """The classes, a repeat written once; m before a labial written n (katakana has one
    nasal: コンポン = Kampong)."""
    out: list[str] = []
    for c in classes:
        if c and (not out or out[-1] != c):
            out.append(c)
    return "".join(out).replace("MP", "NP")


@lru_cache(maxsize=get_settings().token_cache_size)
def latin_sound_keys(key: str) -> tuple[str, ...]:
    """The sound-class keys of a compact Latin place key: as written, and with an ``r``/``l``
    after a vowel and before a consonant or the end dropped (Thmor, Mongkol are often
    transliterated without it). A final ``v`` after a vowel writes a vowel (Chrov) and is
    dropped; a final ``s`` after a vowel (Khmer ស, said [h]) gives the keys without it too
    (Kabbas: ``KPS`` and ``KP``).

    Examples
    --------
    >>> latin_sound_keys("kamrieng"), latin_sound_keys("ouchrov")
    (('KMRN',), ('CR',))
    """
    if not key.isascii():
        return ()
    s = key[:-1] if len(key) > 1 and key[-1] == "v" and key[-2] in _LATIN_VOWELS else key
    keys = _latin_classes(s)
    if len(s) > 2 and s[-1] == "s" and s[-2] in _LATIN_VOWELS:
        # a final s after a vowel writes Khmer ស, said [h]: often not transliterated (Prey
        # Kabbas, プレイカヴァ)
        keys += [k for k in _latin_classes(s[:-1]) if k not in keys]
    return tuple(keys)


def _latin_classes(s: str) -> list[str]:
    """The sound-class keys of a Latin key (:func:`latin_sound_keys`), as written and with
    an ``r``/``l`` after a vowel and before a consonant or the end dropped."""
    full: list[str] = []
    loose: list[str] = []
    k, n = 0, len(s)
    while k < n:
        pair = s[k : k + 2]
        cls = _DIGRAPH_CLASS.get(pair)
        step = 2 if cls else 1
        if cls is None:
            cls = _LATIN_CLASS.get(s[k], "")
        full.append(cls)
        after_vowel = k > 0 and s[k - 1] in _LATIN_VOWELS
        before_consonant = k + step >= n or s[k + step] not in _LATIN_VOWELS
        loose.append("" if cls == "R" and after_vowel and before_consonant else cls)
        k += step
    keys = dict.fromkeys((_collapse(full), _collapse(loose)))
    return [x for x in keys if x]


def script_sound_keys(run: str) -> tuple[str, ...]:
    """The sound-class keys of a name written in katakana, hangul, Thai, Devanagari or
    Cyrillic (as cleaned by the normaliser); ``()`` for other text. Thai and hangul also give
    the key without an ``R`` written after a vowel (Thai มงคล ends in l, romanised Mongkol or
    Mangkul). グ after ン, like ग after a nasal, is the g of "ng" (ストゥング・トレン = Stung
    Treng): not counted.

    Examples
    --------
    >>> script_sound_keys("カムリエン"), script_sound_keys("긴스와이")
    (('KMRN',), ('KNSP',))
    """
    classes: list[str] = []
    liquids_after_vowel: set[int] = set()
    for k, ch in enumerate(run):
        if ch in _KANA_CLASS:
            if ch == "グ" and k and run[k - 1] == "ン":
                continue  # the g of "ng" written out (ストゥング = Stung, ボング = Boeng)
            classes.append(_KANA_CLASS[ch])
        elif ch in _THAI_CLASS:
            if ch in "รล" and k and run[k - 1] in _THAI_VOWEL_SIGNS | {"\u0e4d"}:
                liquids_after_vowel.add(len(classes))
            classes.append(_THAI_CLASS[ch])
        elif ch == "\u0e4d":
            classes.append("M")  # nikhahit: ำ is written ํ + า after NFKC (สำโรง = Samraong)
        elif ch == "ว":
            nxt = run[k + 1] if k + 1 < len(run) else ""
            classes.append("P" if nxt in _THAI_VOWEL_SIGNS or k == 0 else "")
        elif ch in _CYRILLIC_CLASS:
            if ch == "г" and classes and classes[-1] == "N":
                continue  # the g of "ng"
            nxt = run[k + 1] if k + 1 < len(run) else ""
            classes.append("C" if ch == "т" and nxt in _CYRILLIC_SOFT else _CYRILLIC_CLASS[ch])
        elif "\u0430" <= ch <= "\u044f" or ch == "\u0451":
            continue  # a vowel, й, ь, ъ or х
        elif ch in _DEVANAGARI_CLASS:
            if ch == "ग" and classes and classes[-1] == "N":
                continue  # the g of "ng"
            classes.append(_DEVANAGARI_CLASS[ch])
        elif "\u0900" <= ch <= "\u097f":
            continue  # a vowel letter or sign, virama, nukta, य, ह
        elif "\uac00" <= ch <= "\ud7a3":
            code = ord(ch) - 0xAC00
            initial, medial, final = code // 588, (code % 588) // 28, code % 28
            classes.append(_HANGUL_INITIAL[initial].replace("X", ""))
            if medial in _HANGUL_W_MEDIALS:
                classes.append("P")
            if final:
                if _HANGUL_FINAL[final] == "R":
                    liquids_after_vowel.add(len(classes))
                classes.append(_HANGUL_FINAL[final].replace("X", ""))
        elif "\u0e00" <= ch <= "\u0e7f" or "\u30a0" <= ch <= "\u30ff":
            continue  # a vowel sign, tone mark, vowel letter or silent letter
        else:
            return ()
    full = _collapse(classes)
    loose = _collapse([c for k, c in enumerate(classes) if k not in liquids_after_vowel])
    return tuple(x for x in dict.fromkeys((full, loose)) if x)
