"""Raw values → clean Unicode text, and which script a character belongs to: the
character-level first step of :mod:`compoundmap.normalize` (and of the geoparser's tables).

:func:`clean_text` applies NFKC, the Khmer subscript and digit folds, the Japanese and
Korean transliteration folds, drops zero-width characters and possessive ``'s``, and
writes out a French/Italian elided article before a name (``d'Angkor`` → ``de Angkor``);
:func:`strip_diacritics` and :func:`char_is_latin` say what a Latin word is without its
marks and whether a character is of a script written with spaces between words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ._scripts import KATAKANA, TYPED_KANA_DOTS, fold_script
from ._util import is_missing
from ._wordlists import kind_after_words
from .settings import get as get_settings

__all__ = [
    "ELISION_RE",
    "POSSESSIVE_RE",
    "QUOTES",
    "QUOTE_RE",
    "char_is_latin",
    "clean_text",
    "expand_elisions",
    "has_ascii_quote",
    "is_latin",
    "is_scanned",
    "split_scripts",
    "strip_diacritics",
]

#: Words of other scripts for a site's kind (``stop_words.csv`` roles ``kind_after_<kind>``:
#: 园区, 賭場, 파크, カジノ, โรงแรม …), the English word each is read as after a Latin name
#: ("Moc Bai园区" is the Moc Bai compound, as "Moc Bai compound" reads; "A7파크" the A7 Park).
#: Folded as the text is before they are sought (``fold_script``: 파크 → 바그, パーク → パク).
_SCRIPT_KINDS = {
    fold_script(unicodedata.normalize("NFKC", w)): kind
    for w, kind in kind_after_words().items()
    if not w.isascii()
}
_SCRIPT_KIND_FIRST = frozenset(w[0] for w in _SCRIPT_KINDS)
#: A quote mark or bracket may close the name before its kind word (「Silver Star」賭場,
#: 목바이(Moc Bai) 카지노): it goes with the rewrite, as a space would.
_SCRIPT_KIND_RE = re.compile(
    r"([A-Za-z](?: ?\d+)?)[」』”\"’')）]?\s?("
    + "|".join(sorted(_SCRIPT_KINDS, key=len, reverse=True))
    + ")"
)


def _latin_before_script_kind(s: str) -> str:
    """``s`` with a kind word of another script written right after a Latin letter (or a
    number after one: "Lucky 88赌场"; or a quote mark closing the name: 「A7」园区) in
    English, as a word of its own ("Moc Bai园区" → "Moc Bai compound", "A7 파크" → "A7
    compound"): Chinese, Japanese, Korean and Thai pages write the kind after the Latin name
    of a compound, casino or hotel, glued or spaced; the index holds the name in English.

    Examples
    --------
    >>> _latin_before_script_kind("「A7」园区、YN酒店")
    '「A7 compound 、YN hotel '
    """
    return _SCRIPT_KIND_RE.sub(lambda m: f"{m.group(1)} {_SCRIPT_KINDS[m.group(2)]} ", s)


# Characters that are quote marks or apostrophes in the sources.
QUOTES = "'’‘`´ʼʻ′\"“”„«»‹›"
QUOTE_RE = re.compile(f"[{re.escape(QUOTES)}]")


def has_ascii_quote(s: str) -> bool:
    """Whether an ASCII string holds a quote mark (else the quote patterns need not run):
    one substring search per ASCII mark of ``QUOTES``, not a set look-up per character."""
    return "'" in s or '"' in s or "`" in s


POSSESSIVE_RE = re.compile(f"[{re.escape(QUOTES)}]s\\b", re.IGNORECASE)
# French/Italian elided articles before a capitalised name ("les temples d'Angkor", "la
# province d’Oddar Meanchey", "l'Amber Casino", "nell'Oddar Meanchey"): the article is a
# word of its own, written out, and the name keeps its first letter. Without this the
# apostrophe joined them ("dangkor" read as Dangkao). Only before a capital: Khmer
# romanisations write a letter and an apostrophe inside a name in lower case ("L'ak",
# "L’ang", villages of the MEF list), and "O'Smach" starts with no elided article. A
# capital article ("L'Amber", "D'après") only where no word precedes it on its side of a
# break, so a name written "Ta L'Ak" keeps its letter; and never in a word of capitals only
# ("L'ANG COMMUNE" is the commune L'ang). Some pages leave a space after the apostrophe
# ("la province d' Oddar Meanchey"); the name may hold one itself ("la région d'O'Smach")
# or start with a one-letter word ("la commune d'A Buon Leu").
_APOSTROPHES = "'’‘`´ʼʻ"
ELISION_RE = re.compile(
    f"(?<![^\\W\\d_])([DdLl]|[Dd]ell|[Nn]ell)[{_APOSTROPHES}] ?"
    f"(?=[A-ZÀ-ÖØ-Þ](?:[^\\W\\d_]|[{_APOSTROPHES}])*[a-zß-ÿ]"
    f"|[A-ZÀ-ÖØ-Þ](?![^\\W\\d_]|[{_APOSTROPHES}]))"
)
_ELIDED = {"d": "de ", "l": "le ", "dell": "della ", "nell": "nella "}
_WORD_BEFORE_RE = re.compile(r"[^\W\d_]\s*$")


def expand_elisions(s: str) -> str:
    """``s`` with each elided French/Italian article before a capitalised name written
    out as a word of its own (``"d'Angkor"`` → ``"de Angkor"``); see ``ELISION_RE``.

    Examples
    --------
    >>> expand_elisions("les temples d'Angkor, l’Amber Casino, O'Smach, L'ak, Ta L'Ak")
    "les temples de Angkor, le Amber Casino, O'Smach, L'ak, Ta L'Ak"
    """

    def written_out(m: re.Match[str]) -> str:
        article = m.group(1)
        if article[0].isupper() and _WORD_BEFORE_RE.search(s, 0, m.start()):
            return m.group(0)
        return _ELIDED[article.lower()]

    return ELISION_RE.sub(written_out, s)


_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
#: The Latin middle dot · and the hyphenation point ‧ between two katakana: typed for the
#: Japanese ・ between the words of a name ("コンポン·チャム"), dropped as ・ is.
_KANA_DOT_RE = re.compile(f"(?<=[{KATAKANA}])[{TYPED_KANA_DOTS}](?=[{KATAKANA}])")
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
            s = expand_elisions(POSSESSIVE_RE.sub("", s))
        return " ".join(s.split())
    s = unicodedata.normalize("NFKC", s)
    s = _ZERO_WIDTH_RE.sub("", s).replace("・", "").replace("･", "")
    if any(map(s.__contains__, TYPED_KANA_DOTS)):
        s = _KANA_DOT_RE.sub("", s)
    # Khmer: coeng + DA (្ដ) and coeng + TA (្ត) are written interchangeably for the same
    # subscript; fold to TA. Khmer digits to ASCII, ឬ to ឫ.
    s = s.replace("\u17d2\u178a", "\u17d2\u178f").translate(_KHMER_DIGITS)
    # Japanese and Korean transliterations of one name (see compoundmap._scripts)
    s = fold_script(s)
    if _SCRIPT_KIND_FIRST.intersection(s):
        s = _latin_before_script_kind(s)
    # Khmer "number" words before a numeral: លេខ (lekh) and ទី (ti), as in the Latin names
    s = _KHMER_NUMBER_RE.sub(lambda m: " lekh " if m.group(1) == "លេខ" else " ti ", s)
    s = expand_elisions(POSSESSIVE_RE.sub("", s))
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
