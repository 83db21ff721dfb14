"""Script tests the normaliser and the geocoder share: a Vietnamese-spelled word, a piece of
Khmer or Thai text that cuts a syllable in two, a Korean run, a run of Chinese characters;
the folds of Japanese and Korean spellings that transliterations of one Khmer name vary
between; the fold of the Khmer signs one name is written with or without
(:func:`khmer_sign_fold`); and the Unicode blocks the script regexes of the geocoder are
built from (:data:`BLOCKS`, :func:`block_ranges`). Private: re-exported by
:mod:`compoundmap.normalize`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .settings import get as get_settings

__all__ = [
    "ARABIC",
    "BLOCKS",
    "GREEK",
    "HANGUL_PART",
    "INDIC",
    "KATAKANA",
    "THAI_LETTERS",
    "TYPED_KANA_DOTS",
    "block_ranges",
    "SCRIPT_FOLDS",
    "fold_script",
    "is_han",
    "is_hangul",
    "khmer_sign_fold",
    "script_folds",
    "splits_syllable",
    "vietnamese_word",
]

_SIZES = get_settings()  # cache sizes are read once, here

#: Unicode blocks (first and last code point) by name, and the few parts of blocks the
#: script regexes name apart: the one home of the code-point ranges that
#: ``geocode.romanised`` (scripts without a reader of their own), ``geocode.indic_joins``
#: (scripts written with spaces between words) and ``geocode.abroad`` (scripts whose words
#: carry marks) each build their own choice of scripts from (:func:`block_ranges`).
BLOCKS: dict[str, tuple[int, int]] = {
    "combining_diacritical_marks": (0x0300, 0x036F),
    "greek": (0x0370, 0x03FF),
    "cyrillic": (0x0400, 0x04FF),
    "armenian": (0x0530, 0x058F),
    "hebrew": (0x0590, 0x05FF),
    "hebrew_points": (0x0591, 0x05C7),  # cantillation marks and vowel points
    "arabic": (0x0600, 0x06FF),
    "arabic_signs": (0x0610, 0x061A),  # honorifics and small high letters
    "arabic_vowel_marks": (0x064B, 0x065F),  # harakat and other combining marks
    "syriac": (0x0700, 0x074F),
    "arabic_supplement": (0x0750, 0x077F),
    "nko": (0x07C0, 0x07FF),
    "arabic_extended_a": (0x08A0, 0x08FF),
    "devanagari": (0x0900, 0x097F),
    "dandas": (0x0964, 0x0965),  # the Devanagari danda and double danda: punctuation
    "bengali": (0x0980, 0x09FF),
    "gurmukhi": (0x0A00, 0x0A7F),
    "gujarati": (0x0A80, 0x0AFF),
    "oriya": (0x0B00, 0x0B7F),
    "tamil": (0x0B80, 0x0BFF),
    "telugu": (0x0C00, 0x0C7F),
    "kannada": (0x0C80, 0x0CFF),
    "malayalam": (0x0D00, 0x0D7F),
    "sinhala": (0x0D80, 0x0DFF),
    "thai": (0x0E00, 0x0E7F),
    "thai_letters": (0x0E01, 0x0E4E),  # consonants to the last tone mark
    "lao": (0x0E80, 0x0EFF),
    "myanmar": (0x1000, 0x109F),
    "georgian": (0x10A0, 0x10FF),
    "ethiopic": (0x1200, 0x137F),
    "ethiopic_supplement": (0x1380, 0x139F),
    "cherokee": (0x13A0, 0x13FF),
    "khmer": (0x1780, 0x17FF),
    "khmer_sentence_signs": (0x17D4, 0x17DA),  # ។ ៕ ៖ ៗ ៘ ៙ ៚
    "greek_extended": (0x1F00, 0x1FFF),
    "coptic": (0x2C80, 0x2CFF),
    "ethiopic_extended": (0x2D80, 0x2DDF),
    # CJK radicals, kana, bopomofo, Hangul compatibility jamo … CJK unified ideographs
    "cjk": (0x2E80, 0x9FFF),
    "hiragana_katakana": (0x3040, 0x30FF),  # the two kana blocks
    "cjk_ideographs": (0x3400, 0x9FFF),  # extension A, Yijing hexagrams, unified ideographs
    "katakana": (0x30A0, 0x30FF),
    "katakana_letters": (0x30A1, 0x30FA),
    "katakana_long_vowel_mark": (0x30FC, 0x30FC),  # ー
    "cherokee_supplement": (0xAB70, 0xABBF),
    "hangul_syllables": (0xAC00, 0xD7AF),
    "cjk_compatibility_ideographs": (0xF900, 0xFAFF),
    "arabic_presentation_forms_a": (0xFB50, 0xFDFF),
    "arabic_presentation_forms_b": (0xFE70, 0xFEFF),
    "chakma": (0x11100, 0x1114F),
    "adlam": (0x1E900, 0x1E95F),
}
#: The blocks of scripts written in more than one.
GREEK = ("greek", "greek_extended")
ARABIC = (
    "arabic",
    "arabic_supplement",
    "arabic_extended_a",
    "arabic_presentation_forms_a",
    "arabic_presentation_forms_b",
)
#: Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam, Sinhala.
INDIC = (
    "devanagari",
    "bengali",
    "gurmukhi",
    "gujarati",
    "oriya",
    "tamil",
    "telugu",
    "kannada",
    "malayalam",
    "sinhala",
)


def _escaped(cp: int) -> str:
    """A code point as a regular-expression escape."""
    return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"


def block_ranges(*names: str, without: tuple[str, ...] = ()) -> str:
    """The code points of the named blocks of :data:`BLOCKS`, less those of ``without``, as
    the inside of a regular-expression character class: ranges in code-point order, touching
    ones merged, written as escapes.

    Parameters
    ----------
    *names : str
        Names of :data:`BLOCKS`.
    without : tuple of str, default ()
        Names of :data:`BLOCKS` whose code points are left out.

    Returns
    -------
    str
        The ranges, to be put between ``[`` and ``]``.

    Examples
    --------
    >>> print(block_ranges("hebrew", *GREEK))
    \\u0370-\\u03ff\\u0590-\\u05ff\\u1f00-\\u1fff
    >>> print(block_ranges("devanagari", "bengali", without=("dandas",)))
    \\u0900-\\u0963\\u0966-\\u09ff
    """
    spans: list[list[int]] = []
    for low, high in sorted(BLOCKS[n] for n in names):
        if spans and low <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], high)
        else:
            spans.append([low, high])
    for cut_low, cut_high in (BLOCKS[n] for n in without):
        kept: list[list[int]] = []
        for low, high in spans:
            if cut_high < low or cut_low > high:
                kept.append([low, high])
                continue
            if low < cut_low:
                kept.append([low, cut_low - 1])
            if cut_high < high:
                kept.append([cut_high + 1, high])
        spans = kept
    return "".join(
        _escaped(low) if low == high else f"{_escaped(low)}-{_escaped(high)}" for low, high in spans
    )


#: Katakana letters and the long-vowel mark ー, inside a character class.
KATAKANA = block_ranges("katakana_letters", "katakana_long_vowel_mark")
#: Thai consonants, vowels and tone marks (no digits, no punctuation).
THAI_LETTERS = block_ranges("thai_letters")
#: The Latin middle dot · and the hyphenation point ‧: typed for the Japanese ・ between the
#: words of a name ("コンポン·チャム").
TYPED_KANA_DOTS = "\u00b7\u2027"

# Marks of Vietnamese spelling that romanised Khmer (UNGEGN, ALA-LC, French) never uses:
# hook above, dot below, horn; and a vowel with two marks (ầ, ặ, ế).
_VIET_MARKS = frozenset("\u0309\u0323\u031b")
# A Vietnamese syllable ending in p, t, c or ch takes the acute or the dot below, never the
# grave accent, and Vietnamese spells no rhyme "èng" (a plain e before ng is a handful of
# sound words, none with the grave; "-iềng", "-ềnh" carry the circumflex as well): "Kèp",
# "Bavèt", "Prey Vèng", "Stung Trèng" are French spellings of Khmer names.
_CHECKED_END_RE = re.compile(r"(?:[ptc]|ch|\u00e8ng)$", re.IGNORECASE)


@lru_cache(maxsize=_SIZES.token_cache_size)
def vietnamese_word(word: str) -> bool:
    """Whether a word is spelt the Vietnamese way: đ, a hook above, a dot below, a horn, a
    vowel with two marks, or a capitalised word with a grave accent (Hà, Tà). Such a word is
    part of a Vietnamese name ("Trảng Bàng", "Lâm Đồng", "Hà Tiên"), never of a romanised
    Khmer one. A grave accent on a word that ends in p, t, c, ch or "èng" is French ("Kèp",
    "Vèng"): no Vietnamese syllable so ending takes it.

    Examples
    --------
    >>> vietnamese_word("Trảng"), vietnamese_word("Hà"), vietnamese_word("Kâmpôt")
    (True, True, False)
    >>> vietnamese_word("Kèp"), vietnamese_word("Bavèt"), vietnamese_word("Vèng")
    (False, False, False)
    """
    if word.isascii():
        return False
    if "đ" in word or "Đ" in word:
        return True
    marks = 0
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch):
            marks += 1
            if ch in _VIET_MARKS or marks > 1:
                return True
            if ch == "\u0300" and word[:1].isupper() and not _CHECKED_END_RE.search(word):
                return True
        else:
            marks = 0
    return False


_SYLLABLE_TAIL = frozenset("\u0e30\u0e32\u0e33\u0e45")  # Thai vowels written after a consonant
#: Bengali case endings written as the vowel sign e (and r) on a name's last consonant, the
#: whole rest of a run: locative -e and genitive -er ("সিহানুকভিলে", "সিহানুকভিলের").
_BENGALI_CASE_ENDINGS = frozenset(("\u09c7", "\u09c7\u09b0"))


def splits_syllable(s: str, start: int, end: int) -> bool:
    """Whether ``s[start:end]`` cuts a syllable of Khmer or Thai text in two: it ends
    before a dependent vowel, a sign or a subscript (``អូរ`` in ``អូរាំង``), or starts on one
    or right after a subscript mark. Such a piece is part of a longer word, not a name. A
    Bengali case ending written as a vowel sign on the name's last consonant, ending the run,
    cuts no name ("সিহানুকভিলের", of Sihanoukville).

    Examples
    --------
    >>> splits_syllable("ស្រុកអូរាំង", 5, 8)
    True
    >>> splits_syllable("সিহানুকভিলের", 0, 10)
    False
    """
    if end < len(s):
        nxt = s[end]
        if nxt in _SYLLABLE_TAIL or unicodedata.category(nxt) in ("Mn", "Mc"):
            # a Bengali case ending (-e, -er) is a vowel sign on the name's last consonant
            # ("সিহানুকভিলে", in Sihanoukville): the run ends with it, the name is whole
            return not (nxt == "\u09c7" and s[end:] in _BENGALI_CASE_ENDINGS)
    if start < len(s) and unicodedata.category(s[start]) in ("Mn", "Mc"):
        return True
    return start > 0 and s[start - 1] == "\u17d2"


def script_folds() -> dict[int, int | None]:
    """Spellings of one foreign name that transliterations of Khmer vary between, folded:
    Japanese long-vowel marks and small tsu dropped, ヴ as ブ (プレイベーン, プレイベン,
    シェムリアップ, シェムリアプ); Korean initial consonants plain, tense and aspirated as
    one (깜뽕참, 캄퐁참; 따께오, 타케오), and the vowels ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅞ that Korean no longer
    tells apart as one (끄라째, 끄라쩨; 끄러째, 끄러쩨); and the Chinese 裏 and 裡 as 里, which
    converters to traditional characters write for the 里 of a transliteration (蒙多基裏省,
    蒙多基里省: Mondulkiri)."""
    table: dict[int, int | None] = {
        ord("ー"): None,
        ord("ッ"): None,
        ord("ヴ"): ord("ブ"),
        ord("裏"): ord("里"),
        ord("裡"): ord("里"),
    }
    # Hangul syllable = 0xAC00 + (initial * 21 + medial) * 28 + final
    initial = {1: 0, 15: 0, 4: 3, 16: 3, 8: 7, 17: 7, 10: 9, 13: 12, 14: 12}
    medial = {1: 5, 3: 7, 10: 15}  # ㅐ → ㅔ, ㅒ → ㅖ, ㅙ → ㅞ
    for cp in range(0xAC00, 0xD7A4):
        i, rest = divmod(cp - 0xAC00, 21 * 28)
        m, final = divmod(rest, 28)
        if i in initial or m in medial:
            i, m = initial.get(i, i), medial.get(m, m)
            table[cp] = 0xAC00 + (i * 21 + m) * 28 + final
    return table


SCRIPT_FOLDS = script_folds()

#: ヴ with a small vowel is the b-row syllable other spellings of one name write (バヴェット,
#: バベット; スヴァイリエン, スバイリエン); ヴ alone is ブ (:data:`SCRIPT_FOLDS`).
_VU_SYLLABLE = {"ァ": "バ", "ィ": "ビ", "ェ": "ベ", "ォ": "ボ"}
_VU_RE = re.compile("ヴ([ァィェォ])")


#: Syllables written with a small vowel that other spellings of one name write with the
#: plain kana of the same consonant (スィエムリアップ, シエムリアップ; トゥボンクムム, トボンクムム;
#: ドゥンケオ, ドンケオ). Not ティ: チ is another consonant to the sound pass (バンティ = Bantey).
_SMALL_VOWEL_SYLLABLE = {"スィ": "シ", "トゥ": "ト", "ドゥ": "ド"}
_SMALL_VOWEL_RE = re.compile("スィ|トゥ|ドゥ")


def fold_script(s: str) -> str:
    """``s`` with the folds of :func:`script_folds`, ヴァ ヴィ ヴェ ヴォ first written バ ビ ベ ボ,
    and スィ トゥ ドゥ as シ ト ド.

    Examples
    --------
    >>> fold_script("バヴェット") == fold_script("バベット")
    True
    >>> fold_script("トゥボンクムム") == fold_script("トボンクムム")
    True
    """
    if "ヴ" in s:
        s = _VU_RE.sub(lambda m: _VU_SYLLABLE[m.group(1)], s)
    if "ィ" in s or "ゥ" in s:
        s = _SMALL_VOWEL_RE.sub(lambda m: _SMALL_VOWEL_SYLLABLE[m.group(0)], s)
    return s.translate(SCRIPT_FOLDS)


# Khmer signs a name is written with or without (ៈ ៉ ៊ ់ ៌ ៍ ៎ ៏ ័), and vowel signs written
# for one another (ី/ិ, ឺ/ឹ, ូ/ួ/ុ, ែ/េ); ា, the sign most often left out ("ស្វយ" for ស្វាយ)
_KHMER_SIGN_FOLD: dict[int, int | None] = {
    **{ord(c): None for c in "\u17c8\u17c9\u17ca\u17cb\u17cc\u17cd\u17ce\u17cf\u17d0\u17b6"},
    0x17B8: 0x17B7,
    0x17BA: 0x17B9,
    0x17BC: 0x17BB,
    0x17BD: 0x17BB,
    0x17C2: 0x17C1,
}
# a subscript RO written before the other subscript of a cluster ("ន្រ្ត" for ន្ត្រ)
_KHMER_RO_FIRST = re.compile("\u17d2\u179a\u17d2([\u1780-\u17a2])")


def khmer_sign_fold(s: str) -> str:
    """A Khmer name with the signs its spellings vary in folded: ៈ ៉ ៊ ់ ៌ ៍ ៎ ៏ ័ and ា
    dropped, ី/ិ, ឺ/ឹ, ូ/ួ/ុ and ែ/េ as one, ុំ as ំ, and a subscript RO put last in its
    cluster. Two spellings of one name (ស្វាយជ្រុំ and ស្វាយជ្រំ; ស្វយទង់ and ស្វាយទង) share
    the fold; so may two different names ("គារ", "គរ"): a reader of folded keys must refuse
    a fold that names more than one place (``geocode.khmer``).

    Examples
    --------
    >>> khmer_sign_fold("ស្វយទង់") == khmer_sign_fold("ស្វាយទង")
    True
    >>> khmer_sign_fold("ស្វាយជ្រុំ") == khmer_sign_fold("ស្វាយជ្រំ")
    True
    """
    return (
        _KHMER_RO_FIRST.sub("\u17d2\\1\u17d2\u179a", s)
        .translate(_KHMER_SIGN_FOLD)
        .replace("\u17bb\u17c6", "\u17c6")
    )


#: Korean parts of at most this many syllables, spaced, are one run
#: (:func:`compoundmap.normalize.tokenize`: "반테이 민체이 주").
HANGUL_PART = 3


def is_hangul(run: str) -> bool:
    """Whether ``run`` starts and ends with a Korean syllable."""
    return bool(run) and "\uac00" <= run[0] <= "\ud7a3" and "\uac00" <= run[-1] <= "\ud7a3"


def is_han(run: str) -> bool:
    """Whether ``run`` is written in Chinese characters only (no kana: a Japanese
    transliteration glued to another name may be one unknown name, バベットカンダル)."""
    return bool(run) and all("\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" for c in run)
