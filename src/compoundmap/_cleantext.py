"""Raw values → clean Unicode text, and which script a character belongs to: the
character-level first step of :mod:`compoundmap.normalize` (and of the geoparser's tables).

:func:`clean_text` applies NFKC, the Khmer subscript and digit folds, the Japanese and
Korean transliteration folds, and drops zero-width characters and possessive ``'s``;
:func:`strip_diacritics` and :func:`char_is_latin` say what a Latin word is without its
marks and whether a character is of a script written with spaces between words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ._scripts import fold_script
from ._util import is_missing
from .settings import get as get_settings

__all__ = [
    "POSSESSIVE_RE",
    "QUOTES",
    "QUOTE_RE",
    "char_is_latin",
    "clean_text",
    "has_ascii_quote",
    "is_latin",
    "is_scanned",
    "split_scripts",
    "strip_diacritics",
]

# Characters that are quote marks or apostrophes in the sources.
QUOTES = "'’‘`´ʼʻ′\"“”„«»‹›"
QUOTE_RE = re.compile(f"[{re.escape(QUOTES)}]")


def has_ascii_quote(s: str) -> bool:
    """Whether an ASCII string holds a quote mark (else the quote patterns need not run):
    one substring search per ASCII mark of ``QUOTES``, not a set look-up per character."""
    return "'" in s or '"' in s or "`" in s


POSSESSIVE_RE = re.compile(f"[{re.escape(QUOTES)}]s\\b", re.IGNORECASE)
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_KHMER_NUMBER_RE = re.compile(r"(លេខ|ទី)\s*(?=\d)")
# Khmer digits to ASCII; the independent vowel ឬ (RYY) to ឫ (RY): names write both for one
# syllable (ឬស្សី and ឫស្សី, "bamboo": ខណ្ឌឬស្សីកែវ for the khan ឫស្សីកែវ)
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩\u17ac", "0123456789\u17ab")


def clean_text(text: object) -> str:
    """Unicode-normalise a raw value: ``None``/NaN → ``""``, NFKC, Khmer coeng fixes,
    Japanese and Korean transliteration variants folded, zero-width characters removed,
    possessive ``'s`` dropped, whitespace collapsed.

    Examples
    --------
    >>> clean_text("Svay Rieng’s  Bavet city")
    'Svay Rieng Bavet city'
    """
    if is_missing(text):
        return ""
    s = str(text)[: get_settings().max_chars]
    if s.isascii():
        # NFKC leaves ASCII as it is, and every other fold below is of non-ASCII characters
        if has_ascii_quote(s):
            s = POSSESSIVE_RE.sub("", s)
        return " ".join(s.split())
    s = unicodedata.normalize("NFKC", s)
    s = _ZERO_WIDTH_RE.sub("", s).replace("・", "").replace("･", "")
    # Khmer: coeng + DA (្ដ) and coeng + TA (្ត) are written interchangeably for the same
    # subscript; fold to TA. Khmer digits to ASCII, ឬ to ឫ.
    s = s.replace("\u17d2\u178a", "\u17d2\u178f").translate(_KHMER_DIGITS)
    # Japanese and Korean transliterations of one name (see compoundmap._scripts)
    s = fold_script(s)
    # Khmer "number" words before a numeral: លេខ (lekh) and ទី (ti), as in the Latin names
    s = _KHMER_NUMBER_RE.sub(lambda m: " lekh " if m.group(1) == "លេខ" else " ti ", s)
    s = POSSESSIVE_RE.sub("", s)
    return " ".join(s.split())


_UNDECOMPOSABLE = str.maketrans("đĐłŁøØæÆœŒßıə", "dDlLoOaAoOsie")


def strip_diacritics(s: str) -> str:
    """``s`` without its accents and marks, the letters that do not decompose spelt as
    their base letter ("Kâmpóng" → "Kampong", "Đắk" → "Dak").

    Examples
    --------
    >>> strip_diacritics("Kâmpóng Đắk")
    'Kampong Dak'
    """
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # letters that do not decompose
    return out.translate(_UNDECOMPOSABLE)


def is_latin(s: str) -> bool:
    """Whether ``s`` is written in ASCII letters and digits only (after folding)."""
    return s.isascii()


@lru_cache(maxsize=get_settings().char_cache_size)
def char_is_latin(ch: str) -> bool:
    """Whether ``ch`` belongs to a script written with spaces between words (Latin,
    Cyrillic, Arabic): such words are tokens of their own, the rest are scanned."""
    return (
        strip_diacritics(ch).isascii()
        or "\u0400" <= ch <= "\u04ff"
        or ("\u0900" <= ch <= "\u097f" and ch not in "\u0964\u0965")  # not the dandas
        or ("\u0600" <= ch <= "\u06ff" and ch.isalpha())
    )


def is_scanned(key: str) -> bool:
    """Whether a key is written in a script without spaces between words (Khmer, Thai, CJK,
    Korean runs): scanned character by character, not split into words.

    Examples
    --------
    >>> is_scanned("ប៉ោយប៉ែត"), is_scanned("poipet"), is_scanned("чбармон")
    (True, False, False)
    """
    return bool(key) and not char_is_latin(key[0])


def split_scripts(chunk: str) -> list[str]:
    """Split a chunk where it changes between Latin and other scripts
    ("Sihanoukville）的" becomes two); combining marks stay with the run they follow."""
    if chunk.isascii():
        return [chunk]
    out: list[str] = []
    cur = ""
    cur_latin: bool | None = None
    for ch in chunk:
        if unicodedata.combining(ch) and cur:
            cur += ch
            continue
        lat = char_is_latin(ch)
        if cur and lat != cur_latin:
            out.append(cur)
            cur = ""
        cur += ch
        cur_latin = lat
    if cur:
        out.append(cur)
    return out
