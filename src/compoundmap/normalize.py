"""Raw place strings → comparable keys: the first step of geocoding and geoparsing.

``normalize`` folds case, diacritics, quotes, romanisation variants, numbers and admin words
(in English, transliterated Khmer, Khmer script and the other languages sources use) into
canonical tokens; ``name_key`` turns a name into the compact key the geocoder's index is keyed
by, and ``skeleton`` into a looser consonant key used to find spelling variants.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

__all__ = [
    "ADMIN_WORDS",
    "COUNTRY",
    "PROVINCE",
    "DISTRICT",
    "COMMUNE",
    "VILLAGE",
    "Token",
    "clean_text",
    "is_latin",
    "key_of",
    "name_key",
    "normalize",
    "skeleton",
    "tokenize",
]

#: Level hints carried by admin words: the level of unit the word says a name is.
COUNTRY, PROVINCE, DISTRICT, COMMUNE, VILLAGE = 0, 1, 2, 3, 4

# Latin-script admin words (after folding) → level. English, transliterated Khmer, French,
# Portuguese/Spanish, Indonesian/Malay and Vietnamese (unaccented) as sources use them.
_LATIN_ADMIN: dict[str, int] = {
    **dict.fromkeys(
        "province provinces provincial khet khaet khett kheth provincia provincias provinsi "
        "propinsi provinz tinh wilayah capital".split(),
        PROVINCE,
    ),
    **dict.fromkeys(
        "district districts srok srock khan krong municipality municipal city cities town "
        "towns township ville cidade ciudad kota bandar daerah kabupaten kecamatan distrito "
        "huyen quan "
        "thanh pho thi xa".split(),
        DISTRICT,
    ),
    **dict.fromkeys("commune communes sangkat sangkats khum comuna phuong".split(), COMMUNE),
    **dict.fromkeys(
        "village villages phum phumi phoum hamlet aldeia aldea desa kampung thon".split(),
        VILLAGE,
    ),
}
# Two-word Vietnamese/Indonesian admin phrases are folded to one token before lookup.
_LATIN_PHRASES = {
    ("thanh", "pho"): "city",
    ("thi", "xa"): "city",
    ("ibu", "kota"): "city",
}
# "thi"/"xa"/"thanh"/"pho" are only admin words inside those phrases; "xa" alone is commune.
for _w in ("thanh", "pho", "thi", "xa"):
    _LATIN_ADMIN.pop(_w, None)
_LATIN_ADMIN["xa"] = COMMUNE

# Non-Latin admin words: matched as substrings inside runs of Khmer, Thai, CJK text.
_SCRIPT_ADMIN: dict[str, int] = {
    # Khmer
    "ខេត្ត": PROVINCE,
    "រាជធានី": PROVINCE,
    "ស្រុក": DISTRICT,
    "ក្រុង": DISTRICT,
    "ខណ្ឌ": DISTRICT,
    "ឃុំ": COMMUNE,
    "សង្កាត់": COMMUNE,
    "ភូមិ": VILLAGE,
    # Thai
    "จังหวัด": PROVINCE,
    "อำเภอ": DISTRICT,
    "เมือง": DISTRICT,
    "ตำบล": COMMUNE,
    "หมู่บ้าน": VILLAGE,
    # Japanese / Chinese
    "州": PROVINCE,
    "省": PROVINCE,
    "県": PROVINCE,
    "都": PROVINCE,
    "市": DISTRICT,
    "地区": DISTRICT,
    "县": DISTRICT,
    "縣": DISTRICT,
    "区": COMMUNE,
    "區": COMMUNE,
    "分区": COMMUNE,
    "分區": COMMUNE,
    "自治区": COMMUNE,
    "村": VILLAGE,
}

#: Every admin word the normaliser knows, with the level it hints at.
ADMIN_WORDS: dict[str, int] = {**_LATIN_ADMIN, **_SCRIPT_ADMIN}

# Whole-token romanisation variants → one spelling (applied after diacritics are removed).
_TOKEN_VARIANTS: dict[str, str] = {
    **dict.fromkeys(
        "kompong kampong kompung kampung kumpong kg kpg kamphong kompon".split(), "kampong"
    ),
    **dict.fromkeys("kaoh koh ko kas kah kaos".split(), "koh"),
    **dict.fromkeys("stueng stung steung stoeng streung stoung stuong".split(), "stung"),
    **dict.fromkeys("boeng boeung beung bung boueng bueng boung".split(), "boeng"),
    **dict.fromkeys("tuol toul tul tol".split(), "tuol"),
    **dict.fromkeys("phnum phnom pnom phnum".split(), "phnom"),
    **dict.fromkeys("preaek prek preak praek prek".split(), "prek"),
    **dict.fromkeys("ou o or au".split(), "o"),
    **dict.fromkeys("srae sre".split(), "sre"),
    **dict.fromkeys("thum thom".split(), "thom"),
    **dict.fromkeys("chey chei chay".split(), "chey"),
    **dict.fromkeys("saen sen".split(), "sen"),
    **dict.fromkeys("sokh sok".split(), "sok"),
    **dict.fromkeys("angk ang".split(), "ang"),
    **dict.fromkeys("ruessei russei russey rusey ruesei reussei".split(), "russey"),
    **dict.fromkeys("kaev keo kev kaeo".split(), "keo"),
    **dict.fromkeys("tboung tbong tbaung tboang".split(), "tbong"),
    **dict.fromkeys("chraoy chroy chrouy chrooy".split(), "chroy"),
    **dict.fromkeys("snuol snoul snuel".split(), "snuol"),
    # Khmer number words (communes "Lekh Bei", "Ti Muoy"; "Sangkat Buon")
    **dict.fromkeys("muoy mouy moy muy mui".split(), "1"),
    **dict.fromkeys("pir pi".split(), "2"),
    **dict.fromkeys("bei".split(), "3"),
    **dict.fromkeys("buon buan buaon bourn boun".split(), "4"),
    # Roman numerals (not "i" and "v", which are too often something else)
    "ii": "2",
    "iii": "3",
    "iv": "4",
}
# "ti"/"lekh" mean "number": "Ti Bei" = "Lekh Bei" = 3.
_NUMBER_MARKERS = frozenset({"ti", "lekh", "lek", "no"})

#: Words that never start or make a place name on their own (articles, prepositions,
#: compass words, common nouns in location phrases) in the languages of the sources.
_STOPWORDS = frozenset(
    """a an the of in on at near to from by and with as is was were are be been for it
    which who where what while also just only than then there here such very more most
    not no but if so known called named nicknamed dubbed branded within inside into
    across along
    around about over under between via its their his her this that these those other
    north south east west northern southern eastern western northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern central downtown outskirts
    border borders area areas region zone site sites located based called named known
    new old former nearby coastal resort port capital largest
    cambodian kingdom thai thailand thailands vietnam vietnamese
    vietnams laos lao china chinese korea korean japan japanese
    casino casinos compound compounds complex complexes building buildings hotel hotels
    company companies office offices house villa villas guesthouse guesthouses apartment
    condominium tower plaza park parks market road street national highway
    scam scams scamming online fraud gambling den operation operations centre center
    centres centers locations location places place various several some many one two three
    four five six seven eight nine km kilometres kilometers kilometre kilometer miles
    meters metres m
    de do del di dari dos
    cua thuoc""".split()
)

# Characters that are quote marks or apostrophes in the sources.
_QUOTES = "'’‘`´ʼʻ′\"“”„«»‹›"
_QUOTE_RE = re.compile(f"[{re.escape(_QUOTES)}]")
_POSSESSIVE_RE = re.compile(f"[{re.escape(_QUOTES)}]s\\b", re.IGNORECASE)
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SEP_RE = re.compile(r"[\s\-‐‑–—_/\\|,;:.()\[\]{}!?+*&#@=<>~^%$、，。；：（）「」『』【】·]+")
_BREAK_RE = re.compile(r"[,;:()\[\]{}!?、，。；：（）「」『』【】|/]| - | – | — ")
_KHMER_NUMBER_RE = re.compile(r"(លេខ|ទី)\s*(?=\d)")
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_DIGIT_SPLIT_RE = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")

MAX_CHARS = 2000
"""Only the first ``MAX_CHARS`` characters of a string are matched (location fields are
short; this bounds the cost of pathological input)."""


class Token(NamedTuple):
    """One normalised token of a place string.

    ``text`` is the folded token; ``admin`` the level an admin word hints at (``None`` for
    other tokens); ``stop`` whether it is a stopword; ``latin`` whether it is Latin script
    (other scripts are matched as substrings, so their runs are kept whole).
    """

    text: str
    admin: int | None = None
    stop: bool = False
    latin: bool = True


def _is_missing(text: object) -> bool:
    if text is None:
        return True
    if isinstance(text, float) and math.isnan(text):
        return True
    # pandas.NA / NaT and numpy NaN: they are not equal to themselves, or refuse to compare
    try:
        return bool(text != text)
    except (TypeError, ValueError):
        return True


def clean_text(text: object) -> str:
    """Unicode-normalise a raw value: ``None``/NaN → ``""``, NFKC, Khmer coeng fixes,
    zero-width characters removed, possessive ``'s`` dropped, whitespace collapsed.

    Examples
    --------
    >>> clean_text("Svay Rieng’s  Bavet city")
    'Svay Rieng Bavet city'
    """
    if _is_missing(text):
        return ""
    s = str(text)[:MAX_CHARS]
    s = unicodedata.normalize("NFKC", s)
    s = _ZERO_WIDTH_RE.sub("", s).replace("・", "").replace("･", "")
    # Khmer: coeng + DA (្ដ) and coeng + TA (្ត) are written interchangeably for the same
    # subscript; fold to TA. Khmer digits to ASCII.
    s = s.replace("\u17d2\u178a", "\u17d2\u178f").translate(_KHMER_DIGITS)
    # Khmer "number" words before a numeral: លេខ (lekh) and ទី (ti), as in the Latin names
    s = _KHMER_NUMBER_RE.sub(lambda m: " lekh " if m.group(1) == "លេខ" else " ti ", s)
    s = _POSSESSIVE_RE.sub("", s)
    return " ".join(s.split())


_UNDECOMPOSABLE = str.maketrans("đĐłŁøØæÆœŒßıə", "dDlLoOaAoOsie")


def _strip_diacritics(s: str) -> str:
    if s.isascii():
        return s
    decomposed = unicodedata.normalize("NFKD", s)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # letters that do not decompose
    return out.translate(_UNDECOMPOSABLE)


def is_latin(s: str) -> bool:
    """Whether ``s`` is written in ASCII letters and digits only (after folding)."""
    return s.isascii()


@lru_cache(maxsize=200_000)
def _fold_latin_token(tok: str) -> str:
    t = _strip_diacritics(tok).lower()
    t = "".join(ch for ch in t if ch.isalnum())
    if not t.isascii() or t in _LATIN_ADMIN or t in _STOPWORDS:
        return t
    if t in _TOKEN_VARIANTS:
        return _TOKEN_VARIANTS[t]
    # generic romanisation folds: ae/ea → e, oay → ey (UNGEGN "choăy" = chey), ao → o,
    # doubled letters once
    t = t.replace("ae", "e").replace("ea", "e").replace("oay", "ey").replace("ao", "o")
    t = _DOUBLE_RE.sub(r"\1", t)
    return _TOKEN_VARIANTS.get(t, t)


@lru_cache(maxsize=20_000)
def _char_is_latin(ch: str) -> bool:
    return _strip_diacritics(ch).isascii()


def _split_scripts(chunk: str) -> list[str]:
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
        lat = _char_is_latin(ch)
        if cur and lat != cur_latin:
            out.append(cur)
            cur = ""
        cur += ch
        cur_latin = lat
    if cur:
        out.append(cur)
    return out


_BREAK = Token("", stop=True)
_RARE_FIRST = frozenset(_NUMBER_MARKERS) | {a for a, _ in _LATIN_PHRASES}


@lru_cache(maxsize=200_000)
def _latin_tokens(raw: str) -> tuple[Token, ...]:
    folded = _fold_latin_token(raw)
    if not folded:
        return ()
    parts = [folded] if folded.isalpha() else [p for p in _DIGIT_SPLIT_RE.split(folded) if p]
    return tuple(Token(p, admin=_LATIN_ADMIN.get(p), stop=p in _STOPWORDS) for p in parts)


@lru_cache(maxsize=100_000)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split a (cleaned) string into normalised tokens.

    Latin tokens are folded (case, diacritics, romanisation variants, number words,
    admin words kept with their level); runs of other scripts are kept whole.

    Examples
    --------
    >>> [t.text for t in tokenize("Sangkat Buon, Sihanoukville")]  # "" is the comma's break
    ['sangkat', '4', '', 'sihanoukvile']
    """
    s = clean_text(text)
    raw: list[str] = []
    for k, segment in enumerate(_BREAK_RE.split(s)):
        if k:
            raw.append("")  # a break: no name or admin hint reaches across it
        # apostrophes inside a word join it ("O'Smach" → "OSmach"), they never split
        for chunk in _SEP_RE.split(_QUOTE_RE.sub("", segment)):
            if chunk:
                raw.extend(_split_scripts(chunk))
    toks: list[Token] = []
    for r in raw:
        if not r:
            if toks and toks[-1].text:
                toks.append(_BREAK)
        elif _char_is_latin(r[0]):
            toks.extend(_latin_tokens(r))
        else:
            toks.append(Token(r, latin=False))
    if not any(t.text in _RARE_FIRST for t in toks):
        return tuple(toks)
    # number markers ("ti", "lekh") before a number are dropped; two-word admin phrases fold
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        if t.latin and (t.text, nxt) in _LATIN_PHRASES:
            word = _LATIN_PHRASES[(t.text, nxt)]
            out.append(Token(word, admin=_LATIN_ADMIN[word]))
            i += 2
            continue
        if t.latin and t.text in _NUMBER_MARKERS and nxt.isdigit():
            # "Lekh Bei" (a name that is a number) keeps a commune marker; "Ti Bei" inside a
            # name ("Phsar Thmei Ti Bei") is dropped so it equals "Phsar Thmei III"
            if not out or not out[-1].text or out[-1].admin is not None or out[-1].stop:
                out.append(Token("lekh", admin=COMMUNE))
            i += 1
            continue
        out.append(t)
        i += 1
    return tuple(out)


def normalize(text: object) -> str:
    """Normalise a raw place string to canonical, space-separated tokens.

    Folds case, diacritics, quotes and apostrophes, possessives, romanisation variants
    (Kompong/Kampong, Kaoh/Koh, Stueng/Stung/Steung, ae/ea, doubled letters …), Khmer number
    words and Roman numerals (``Bei`` → ``3``, ``III`` → ``3``), Khmer Unicode variants
    (ត្ដ/ត្ត) and Khmer digits. Admin words are kept (``tokenize`` marks them); ``None``, NaN
    and empty input give ``""``. Never raises.

    Parameters
    ----------
    text : object
        Any value; non-strings are converted with ``str``.

    Returns
    -------
    str

    Examples
    --------
    >>> normalize("Krŏng Preăh Seihănŭ")
    'krong preh seihanu'
    >>> normalize("O’Smach") == normalize("O'Smach") == normalize("osmach")
    True
    >>> normalize("Boeung Keng Kang III")
    'boeng keng kang 3'
    """
    if not isinstance(text, str):
        if _is_missing(text):
            return ""
        text = str(text)
    return " ".join(t.text for t in tokenize(text))


def key_of(tokens: tuple[Token, ...] | list[Token]) -> str:
    """Compact key of a token span: admin words and stopwords at either end dropped, the rest
    joined without spaces; all tokens when nothing would be left."""
    toks = list(tokens)
    lo, hi = 0, len(toks)
    while lo < hi and (toks[lo].admin is not None or toks[lo].stop):
        lo += 1
    while hi > lo and (toks[hi - 1].admin is not None or toks[hi - 1].stop):
        hi -= 1
    kept = toks[lo:hi] or toks
    return "".join(t.text for t in kept)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """Compact lookup key of a name: normalised tokens without leading or trailing admin
    words and stopwords, joined without spaces (so "Poi Pet" and "Poipet", "Sen Sok" and
    "Sensok", "Steung Hav district" and "Stueng Hav" share a key).

    Examples
    --------
    >>> name_key("Khett Bătdâmbâng")
    'batdambang'
    >>> name_key("Steung Hav district") == name_key("Stueng Hav")
    True
    """
    return key_of(tokenize(name))


_VOWELS_RE = re.compile(r"[aeiouy]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
_C_RE = re.compile(r"c(?!h)")
_FINAL_B_RE = re.compile(r"b\b")
_H_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])h")
_R_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|$)")


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """A looser key for romanisation variants: consonants only, with ``r`` after a vowel
    dropped (Kork/Kouk, Thmor/Thma), ``ph``→``p``, ``w``→``v``, ``c``→``k`` (not in ``ch``),
    final ``b``→``p``, ``td``/``dd``→``d``, doubled consonants once.

    Only a candidate generator: the geocoder checks every skeleton match with a rapidfuzz
    score. Non-Latin keys are returned unchanged.

    Examples
    --------
    >>> skeleton(name_key("Paoy Paet")) == skeleton(name_key("Poipet"))
    True
    """
    if not key.isascii():
        return key
    s = key
    s = _R_AFTER_VOWEL_RE.sub("", s)
    s = s.replace("ph", "p").replace("w", "v").replace("td", "d").replace("q", "k")
    s = _C_RE.sub("k", s)
    s = _FINAL_B_RE.sub("p", s)
    s = _H_AFTER_VOWEL_RE.sub("", s)
    s = _VOWELS_RE.sub("", s)
    s = _DOUBLE_RE.sub(r"\1", s)
    return s
