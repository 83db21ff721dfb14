"""Raw place strings → comparable keys: the first step of geocoding and geoparsing.

``normalize`` folds case, diacritics, quotes, romanisation variants, numbers and admin words
(in English, transliterated Khmer, Khmer script and the other languages sources use) into
canonical tokens; ``place_key`` turns a name into the compact key the geocoder's index is keyed
by, and ``skeleton`` into a looser consonant key used to find spelling variants. The word
lists it reads (admin words, romanisation variants, stop words, names of Cambodia) are data
files in ``data/raw/gazetteer/``, shared with the geocoder and the geoparser. The character
level (``clean_text``, diacritics, which script a character is) lives in ``_cleantext.py``.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any

from ._cleantext import POSSESSIVE_RE as _POSSESSIVE_RE
from ._cleantext import QUOTE_RE as _QUOTE_RE
from ._cleantext import char_is_latin as _char_is_latin
from ._cleantext import clean_text, expand_elisions, is_latin, is_scanned
from ._cleantext import has_ascii_quote as _has_ascii_quote
from ._cleantext import split_scripts as _split_scripts
from ._cleantext import strip_diacritics as _strip_diacritics
from ._normwords import ABBREVIATION_KEYS, ADMIN_WORDS, KOREAN_ADMIN_WORDS
from ._normwords import ABBREVIATION_RE as _ABBREVIATION_RE
from ._normwords import ABBREVIATIONS as _ABBREVIATIONS
from ._normwords import ASCII_ABBREVIATIONS as _ASCII_ABBREVIATIONS
from ._normwords import KEPT_CAPITALS as _KEPT_CAPITALS
from ._normwords import LATIN_ADMIN as _LATIN_ADMIN
from ._normwords import LATIN_PHRASES as _LATIN_PHRASES
from ._normwords import NUMBER_MARKERS as _NUMBER_MARKERS
from ._normwords import TOKEN_VARIANTS as _TOKEN_VARIANTS
from ._phonetic import latin_sound_keys, script_sound_keys, skeleton
from ._scripts import HANGUL_PART as _HANGUL_PART
from ._scripts import is_hangul as _is_hangul
from ._scripts import khmer_sign_fold, splits_syllable, vietnamese_word
from ._util import is_missing
from ._wordlists import (
    AdminWord,
    admin_words,
    country_names,
    kind_after_words,
    romanisation_variants,
    word_list,
)
from .schema import AdminLevel
from .settings import depends_on_settings
from .settings import get as get_settings

_SIZES = get_settings()  # cache sizes are read once, here

__all__ = [
    "token_text",
    "ABBREVIATION_KEYS",
    "ADMIN_WORDS",
    "KOREAN_ADMIN_WORDS",
    "COUNTRY",
    "PROVINCE",
    "DISTRICT",
    "COMMUNE",
    "VILLAGE",
    "AdminWord",
    "Token",
    "admin_words",
    "clean_text",
    "country_names",
    "is_latin",
    "is_scanned",
    "key_of",
    "kind_after_words",
    "khmer_sign_fold",
    "latin_sound_keys",
    "normalize",
    "normalized_words",
    "place_key",
    "romanisation_variants",
    "script_sound_keys",
    "skeleton",
    "splits_syllable",
    "tokenize",
    "vietnamese_word",
    "word_list",
]

#: Level hints carried by admin words: the level of unit the word says a name is.
COUNTRY, PROVINCE, DISTRICT, COMMUNE, VILLAGE = (
    int(AdminLevel.COUNTRY),
    int(AdminLevel.PROVINCE),
    int(AdminLevel.DISTRICT),
    int(AdminLevel.COMMUNE),
    int(AdminLevel.VILLAGE),
)


#: Words that never start or make a place name on their own (articles, prepositions,
#: compass words, common nouns in location phrases) in the languages of the sources.
_STOPWORDS = frozenset(word_list("stop"))

_SEP_RE = re.compile(r"[\s\-‐‑–—_/\\|,;:.()\[\]{}!?+*&#@=<>~^%$、，。；：（）「」『』【】·]+")
_BREAK_RE = re.compile(r"[,;:()\[\]{}!?、，。；：（）「」『』【】|/·،؛]| - | – | — ")
# the ASCII ones of those breaks (an ASCII string is split on these alone: faster)
_ASCII_BREAK_RE = re.compile(r"[,;:()\[\]{}!?|/]| - ")
# one pass over an ASCII string with no quote mark: each break (group 1) or word (group 2,
# a run of characters that are not separators; every break character is a separator)
_ASCII_SCAN_RE = re.compile(
    f"({_ASCII_BREAK_RE.pattern})|([^{_SEP_RE.pattern.removeprefix('[').removesuffix(']+')}]+)"
)
_DOUBLE_RE = re.compile(r"(\D)\1+")  # doubled letters; "11" and "300" are other numbers
# the doubled letter once: a match's group 1, as a C-level callable (``sub(r"\1", …)``
# expands its template in Python code, one call per word)
_LETTER = itemgetter(1)
_DIGIT_SPLIT_RE = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")


@dataclass(frozen=True, slots=True)
class Token:
    """One normalised token of a place string.

    ``text`` is the folded token; ``admin`` the level an admin word hints at (``None`` for
    other tokens); ``stop`` whether it is a stopword; ``latin`` whether it is Latin script
    (other scripts are matched as substrings, so their runs are kept whole);
    ``vietnamese`` 0, or 1 when the word as written carries marks only Vietnamese spelling
    uses (:func:`vietnamese_word`), 2 when such a word is also capitalised (a word of a
    Vietnamese name: "Trảng", "Hà"); ``lower`` whether the word is written in lower case
    (in a string that capitalises its names, such a word is an ordinary one: the typo
    passes leave it alone). ``content`` (derived, not compared) whether it is a Latin word
    that may be part of a name: not a break, stopword or admin word, nor a word spelt the
    Vietnamese way (the typo passes never read one as a Khmer name).

    A frozen dataclass with slots, not a named tuple: the geocoder reads these fields a
    few hundred times per string, and a slot is read in half the time of a tuple field.
    """

    text: str
    admin: int | None = None
    stop: bool = False
    latin: bool = True
    vietnamese: int = 0
    lower: bool = False
    # (computed once per token, most of them cached per word: the passes ask it ~9 times
    # per string)
    content: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self,
            "content",
            self.latin
            and self.text != ""
            and not self.stop
            and self.admin is None
            and not self.vietnamese,
        )

    def _replace(self, **changes: Any) -> Token:
        """A copy with ``changes`` (as a named tuple's ``_replace``)."""
        return replace(self, **changes)


_DEVANAGARI_VOWEL_LENGTH = str.maketrans(
    "\u0940\u0942\u0948\u094c\u0949\u0945", "\u093f\u0941\u0947\u094b\u094b\u0947"
)


@lru_cache(maxsize=_SIZES.token_cache_size)
def _fold_latin_token(tok: str) -> str:
    t = _strip_diacritics(tok).lower()
    if t.isascii():
        t = "".join(filter(str.isalnum, t))
    else:
        # Devanagari vowel signs (ा … ौ) are kept, long and short ones as one (ी/ि, ू/ु,
        # ै/े, ौ/ो: transliterations differ in length): without them "कपट" (deceit) and
        # "कंपोट" (Kampot) would be one key
        t = "".join(ch for ch in t if ch.isalnum() or "\u093e" <= ch <= "\u094c")
        t = t.translate(_DEVANAGARI_VOWEL_LENGTH)
        if "\u0400" <= t[:1] <= "\u04ff":
            # Russian transliterations of one Khmer name write э or е and a letter once or
            # twice (Прэахвихеа, Преахвихеа; Сиануквиль, Сиануквилль): folded as Latin is
            t = _DOUBLE_RE.sub(_LETTER, t.replace("э", "е"))
    if not t.isascii() or t in _LATIN_ADMIN or t in _STOPWORDS:
        return t
    if tok in _KEPT_CAPITALS:
        return _KEPT_CAPITALS[tok]  # "PP" is an abbreviation, not a doubled letter
    if t in _TOKEN_VARIANTS:
        return _TOKEN_VARIANTS[t]
    # generic romanisation folds: ae/ea → e, oay → ey (UNGEGN "choăy" = chey), ao → o,
    # doubled letters once
    t = t.replace("ae", "e").replace("ea", "e").replace("oay", "ey").replace("ao", "o")
    t = _DOUBLE_RE.sub(_LETTER, t)
    if len(t) > 4 and t.endswith("ev"):
        # ែវ at the end of a word: UNGEGN "aev", reporting "eo" ("Sarikakaev", "Sarikakéo"),
        # as the word list has it for the word alone (kaev, keo)
        t = t[:-2] + "eo"
    return _TOKEN_VARIANTS.get(t, t)


# Admin words of the other spaced scripts, keyed as the tokeniser folds their words too
# (Cyrillic "район" → "раион", Devanagari "प्रांत" without its vowel signs).
for _word, _level in list(_LATIN_ADMIN.items()):
    if not _strip_diacritics(_word).isascii():
        _folded = _fold_latin_token(_word)
        if _folded and _folded != _word:
            _LATIN_ADMIN.setdefault(_folded, _level)
            ADMIN_WORDS.setdefault(_folded, _level)

# A Latin admin word listed with its marks ("làng") counts only as written with them: its
# plain form is a word of Khmer names ("Ta Lang").
_MARKED_ADMIN = {
    unicodedata.normalize("NFC", w).lower(): level
    for w, level in _LATIN_ADMIN.items()
    if not w.isascii() and _strip_diacritics(w).isascii()
}

_BREAK = Token("", stop=True)
#: A token's text, as a C-level getter (``map(token_text, toks)`` for set tests over a
#: string's tokens).
token_text = attrgetter("text")
# the phrases' words as the tokeniser folds them ("reach thani" → "rech", "thani")
_LATIN_PHRASES = {
    tuple(map(_fold_latin_token, words)): word for words, word in _LATIN_PHRASES.items()
}
_RARE_FIRST = frozenset(_NUMBER_MARKERS) | {words[0] for words in _LATIN_PHRASES}
#: the phrases' lengths, longest first ("hauptstadt der gleichnamigen provinz" before a pair)
_PHRASE_LENGTHS = sorted({len(words) for words in _LATIN_PHRASES}, reverse=True)


@lru_cache(maxsize=_SIZES.token_cache_size)
def _latin_tokens(raw: str) -> tuple[Token, ...]:
    folded = _fold_latin_token(raw)
    if not folded:
        return ()
    parts = [folded] if folded.isalpha() else [p for p in _DIGIT_SPLIT_RE.split(folded) if p]
    viet = (2 if raw[:1].isupper() else 1) if vietnamese_word(raw) else 0
    low = raw.islower()
    # (an ASCII word is no marked admin word: those are written with their marks)
    marked = (
        _MARKED_ADMIN.get(unicodedata.normalize("NFC", raw).lower())
        if _MARKED_ADMIN and not raw.isascii()
        else None
    )
    return tuple(
        Token(
            p,
            admin=_LATIN_ADMIN.get(p, marked),
            stop=p in _STOPWORDS,
            vietnamese=viet,
            lower=low,
        )
        for p in parts
    )


@depends_on_settings
@lru_cache(maxsize=_SIZES.tokenize_cache_size)
def tokenize(text: str) -> tuple[Token, ...]:
    """Split a (cleaned) string into normalised tokens.

    Latin tokens are folded (case, diacritics, romanisation variants, number words,
    admin words kept with their level); runs of other scripts are kept whole.

    Examples
    --------
    >>> [t.text for t in tokenize("Sangkat Buon, Sihanoukville")]  # "" is the comma's break
    ['sangkat', '4', '', 'sihanoukvile']
    """
    if not _ASCII_ABBREVIATIONS and isinstance(text, str) and text.isascii():
        return _ascii_tokens(text)
    s = clean_text(text)
    ascii_only = s.isascii()  # then every word is a Latin one
    quoted = not ascii_only or _has_ascii_quote(s)
    if (
        _ABBREVIATION_RE is not None
        and (_ASCII_ABBREVIATIONS or not ascii_only)
        and _ABBREVIATION_RE.search(s)
    ):
        s = _ABBREVIATION_RE.sub(lambda m: _ABBREVIATIONS[m.group(1)] + " ", s)
    toks: list[Token] = []
    last_hangul = 0  # syllables of the last Korean part (0: the last token is no Korean)
    for k, segment in enumerate(_BREAK_RE.split(s)):
        if k and toks and toks[-1].text:
            toks.append(_BREAK)  # a break: no name or admin hint reaches across it
        last_hangul = 0
        # apostrophes inside a word join it ("O'Smach" → "OSmach"), they never split
        for chunk in _SEP_RE.split(_QUOTE_RE.sub("", segment) if quoted else segment):
            if not chunk:
                continue
            if ascii_only:
                toks.extend(_latin_tokens(chunk))
                continue
            for r in _split_scripts(chunk):
                if _char_is_latin(r[0]):
                    toks.extend(_latin_tokens(r))
                    last_hangul = 0
                elif 0 < last_hangul <= _HANGUL_PART and len(r) <= _HANGUL_PART and _is_hangul(r):
                    # Korean writes a transliterated name in short spaced parts ("반테이
                    # 민체이 주", "보코 산"): they are read as one run (not words with a
                    # particle: "프놈펜에서" stays apart)
                    toks[-1] = Token(toks[-1].text + r, latin=False)
                    last_hangul = len(r)
                else:
                    toks.append(Token(r, latin=False))
                    last_hangul = len(r) if _is_hangul(r) else 0
                if r in KOREAN_ADMIN_WORDS:
                    last_hangul = 0  # "캄퐁스푸 주 보엉턱": the admin word ends the name
    return _fold_phrases(toks)


def _ascii_tokens(text: str) -> tuple[Token, ...]:
    """:func:`tokenize` of an ASCII string when no abbreviation is ASCII: every word is a
    Latin one, no Unicode fold applies, the breaks are the ASCII ones of ``_BREAK_RE``, and
    the quote patterns run only when the string holds a quote mark."""
    s = text[: get_settings().max_chars]
    quoted = _has_ascii_quote(s)
    if quoted:
        s = expand_elisions(_POSSESSIVE_RE.sub("", s))
        quoted = _has_ascii_quote(s)
    toks: list[Token] = []
    latin = _latin_tokens
    if not quoted:
        s = " ".join(s.split())
        if s.replace(" ", "").replace(",", "").isalnum():
            # words, single spaces and commas only (most strings): the words and breaks the
            # scan below finds, in order, without the regular expression
            for k, part in enumerate(s.split(",")):
                if k and toks and toks[-1].text:
                    toks.append(_BREAK)
                for word in part.split():
                    toks.extend(latin(word))
            return _fold_phrases(toks)
        # the words and breaks in one scan (as the loop below finds them, in order)
        for brk, word in _ASCII_SCAN_RE.findall(s):
            if not brk:
                toks.extend(latin(word))
            elif toks and toks[-1].text:
                toks.append(_BREAK)  # a break: no name or admin hint reaches across it
        return _fold_phrases(toks)
    for k, segment in enumerate(_ASCII_BREAK_RE.split(" ".join(s.split()))):
        if k and toks and toks[-1].text:
            toks.append(_BREAK)  # a break: no name or admin hint reaches across it
        for chunk in _SEP_RE.split(_QUOTE_RE.sub("", segment) if quoted else segment):
            if chunk:
                toks.extend(latin(chunk))
    return _fold_phrases(toks)


def _phrase_at(toks: list[Token], i: int) -> tuple[int, str]:
    """The number of words of the longest admin phrase starting at ``toks[i]`` and the
    token it folds to ((0, "") when none starts there)."""
    for n in _PHRASE_LENGTHS:
        if i + n <= len(toks):
            word = _LATIN_PHRASES.get(tuple(map(token_text, toks[i : i + n])))
            if word is not None:
                return n, word
    return 0, ""


def _fold_phrases(toks: list[Token]) -> tuple[Token, ...]:
    """The tokens with number markers before a number dropped and admin phrases (two to
    four words) folded to one token."""
    if _RARE_FIRST.isdisjoint(map(token_text, toks)):
        return tuple(toks)
    # number markers ("ti", "lekh") before a number are dropped; admin phrases fold
    out: list[Token] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        n, word = _phrase_at(toks, i) if t.latin and t.text in _RARE_FIRST else (0, "")
        if n:
            out.append(Token(word, admin=_LATIN_ADMIN[word]))
            i += n
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
        if is_missing(text):
            return ""
        text = str(text)
    return " ".join(t.text for t in tokenize(text))


def normalized_words(role: str) -> frozenset[str]:
    """The words of role ``role`` (``stop_words.csv``) as the tokeniser writes them, each
    through :func:`normalize` ("ngoại ô" → "ngoai o", "pinggiran" → "pingiran").

    Parameters
    ----------
    role : str
        A role of ``stop_words.csv`` (:func:`word_list`).

    Returns
    -------
    frozenset of str
        The normalised words.
    """
    return frozenset(map(normalize, word_list(role)))


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


@depends_on_settings
@lru_cache(maxsize=_SIZES.token_cache_size)
def place_key(name: str) -> str:
    """Compact lookup key of a place name: normalised tokens without leading or trailing admin
    words and stopwords, joined without spaces (so "Poi Pet" and "Poipet", "Sen Sok" and
    "Sensok", "Steung Hav district" and "Stueng Hav" share a key).

    Examples
    --------
    >>> place_key("Khett Bătdâmbâng")
    'batdambang'
    >>> place_key("Steung Hav district") == place_key("Stueng Hav")
    True

    Not :func:`compoundmap.links.site_name_key`, which keys site and company names.
    This function was called ``name_key`` before; that name still works but is deprecated.
    """
    return key_of(tokenize(name))


def name_key(name: str) -> str:
    """Deprecated: the old name of :func:`place_key` (``compounds.name_key`` is another
    function); it warns (``DeprecationWarning``) and returns ``place_key(name)``. (A
    function, not a module ``__getattr__`` warning on access: mypyc, which compiles this
    module, does not support a module ``__getattr__``.)"""
    warnings.warn(
        "compoundmap.normalize.name_key is deprecated; use compoundmap.normalize.place_key",
        DeprecationWarning,
        stacklevel=2,
    )
    return place_key(name)
