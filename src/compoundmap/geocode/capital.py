"""A phrase that names the capital of Cambodia without its name ("Cambodia's capital", "the
capital of Cambodia", "la capital de Camboya") is Phnom Penh.

The geocoder reads "Cambodia" in such a phrase as the country, so "the outskirts of
Cambodia's capital" placed nothing finer than Cambodia. When a string places nothing finer
than the country (each phrase names Cambodia), the phrases of ``stop_words.csv`` (role
``capital_of_cambodia``, each row citing a page) are looked for in its lower-cased text;
the first found is replaced by the capital's name and the string is read again, so the
words around it keep their meaning ("the outskirts of Phnom Penh": its province only). The
answers read so are marked ``+capital`` in their method. One substring test per phrase,
only on strings that placed the country and nothing finer.

Round 13: the same phrase in any language, by rule rather than by phrase. A word for a
country's capital (``stop_words.csv`` role ``national_capital``: capital, capitale,
Hauptstadt, hovedstad, столица, ibu kota, thủ đô, 首都, 수도, العاصمة, राजधानी …) written
next to a form of Cambodia's name — a name of ``country_names.csv`` (Unicode CLDR territory
names) as a word's start, so inflections and adjectives count ("Kambodschas",
"kambodschanische", "cambodgienne", "Камбоджи"), or a form of role ``cambodia_form`` —
either way round, with at most two words of role ``capital_link`` between ("capital of
Cambodia", "カンボジアの首都", "hovedstaden i Kambodsja"), names Phnom Penh; also when the
string placed nothing at all ("la capitale cambodgienne"). Not when a word of role
``capital_qualifier`` stands right before the phrase ("the former capital of Cambodia":
Oudong; "venture capital") nor one of ``capital_money_after`` right after it ("Cambodian
capital markets"), nor when a Romance "capital" takes a masculine adjective ("el capital
camboyano": money). Gated on one search of the capital words.
"""

from __future__ import annotations

import collections
import re
import unicodedata
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .._scripts import block_ranges
from ..normalize import country_names, word_list
from ..settings import depends_on_settings

if TYPE_CHECKING:
    from .result import GeocodeResult, Reader

__all__ = [
    "CAPITAL",
    "GLUED_BLOCKS",
    "KH_ENDING",
    "alternation",
    "cambodia_forms",
    "capital_text",
    "gate_pieces",
    "read_capital",
    "role_words",
]

#: The capital's name as the gazetteer writes it (MEF 2025 province 12, Phnom Penh).
CAPITAL = _CAPITAL = "Phnom Penh"


@depends_on_settings
@cache
def _phrases() -> tuple[str, ...]:
    """The phrases, lower case, curly apostrophes written straight, longest first."""
    found = {w.lower().replace("\u2019", "'") for w in word_list("capital_of_cambodia")}
    return tuple(sorted(found, key=len, reverse=True))


#: Letters of scripts written with spaces between words whose words take endings or
#: adjective suffixes (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic …): a form found there
#: must start a word and may run on. Other scripts (Han, kana, Thai, Lao, Khmer, Burmese:
#: ``GLUED_BLOCKS``, which the embassy rule reads too) are matched as written, glued.
GLUED_BLOCKS: tuple[str, ...] = (
    "thai",
    "lao",
    "myanmar",
    "khmer",
    "hiragana_katakana",
    "cjk_ideographs",
    "cjk_compatibility_ideographs",
)
_GLUED = re.compile("[" + block_ranges(*GLUED_BLOCKS) + "]")
#: What a word of a spaced script may run on with: letters and marks, no space, digit or
#: punctuation (an ending: "Kambodschas", "kambodschanische", "stolicy", "hovedstaden").
_RUN_ON = "[^\\s\\d!-/:-@\\[-`{-~\u2019\u060c]"
#: How far a form of Cambodia may run on ("kambodsch" + "anischen"), and a word for
#: "capital" (an ending only: "capitale", "hovedstaden", not "capitalism").
KH_ENDING = _KH_ENDING = 14
_CAP_ENDING = 2
#: A Romance "capital" with a masculine adjective after it is money ("capital camboyano").
_MASCULINE = re.compile(r"(?:an[oi]s?|iens?)$")
#: A capitalised name of one to three words with "'s capital" after it.
_POSSESSIVE = re.compile(r"([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})['\u2019]s (?:provincial )?capital\b")
#: The word right before a position and right after one.
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_WORD_AFTER = re.compile(r"\W*([^\W\d_]+)")


def _stem(name: str) -> str:
    """A name of Cambodia as the start of its inflected forms: lower case, one final vowel
    dropped in a spaced script ("kambodscha" → "kambodsch", so "kambodschanische";
    "камбоджа" → "камбодж", so "Камбоджи")."""
    low = unicodedata.normalize("NFC", name.lower())
    if _GLUED.search(low) or len(low) < 6:
        return low
    last = low[-1]
    if last in "aeiouyáàâäãåéèêëíìîïóòôöõøúùûüýаеёиоуыэюяєіїαεηιουωάέήίόύώاهة" or (
        unicodedata.category(last) in ("Mn", "Mc")
    ):
        return low[:-1]
    return low


@depends_on_settings
@cache
def cambodia_forms() -> frozenset[str]:
    """The forms of Cambodia's name a phrase is matched with, lower case (NFC): each
    one-word name of ``country_names.csv`` (Unicode CLDR territory names) as the stem its
    inflections start with in a spaced script ("kambodsch", "камбодж"), as written in a
    glued one ("カンボジア", "柬埔寨"), and the words of ``stop_words.csv`` role
    ``cambodia_form`` (柬 of 柬首都).

    Returns
    -------
    frozenset of str
        The forms.

    Examples
    --------
    >>> {"kambodsch", "камбодж", "カンボジア", "柬"} <= cambodia_forms()
    True
    """
    forms = {_stem(n) for n in country_names() if " " not in n.strip()}
    forms |= role_words("cambodia_form")
    return frozenset(forms)


def role_words(role: str) -> set[str]:
    """The words of a ``stop_words.csv`` role, lower case and NFC-normalised, as the
    phrase rules (this one and the embassy rule) compare them.

    Parameters
    ----------
    role : str
        The role.

    Returns
    -------
    set of str
        Its words.
    """
    return {unicodedata.normalize("NFC", w.lower()) for w in word_list(role)}


def alternation(
    words: set[str], run_on: int, *, boundary: bool = True, glued: re.Pattern[str] = _GLUED
) -> str:
    """A regex alternation of ``words``, longest first: the words of a glued script
    (``glued``) as written, the others as a word start (when ``boundary``) that may run on
    by up to ``run_on`` letters and then ends.

    Parameters
    ----------
    words : set of str
        The words, lower case.
    run_on : int
        How many letters a word of a spaced script may run on with (an ending).
    boundary : bool, default True
        Whether a word of a spaced script must start a word.
    glued : re.Pattern, default the scripts of ``GLUED_BLOCKS``
        What a word of a glued script holds.

    Returns
    -------
    str
        The alternation (empty when ``words`` is).
    """
    glued_words = sorted((w for w in words if glued.search(w)), key=len, reverse=True)
    spaced = sorted((w for w in words if not glued.search(w)), key=len, reverse=True)
    parts = []
    if spaced:
        start = "(?<![^\\W\\d_])" if boundary else ""
        tail = f"{_RUN_ON}{{0,{run_on}}}(?![^\\W\\d_])" if run_on else "(?![^\\W\\d_])"
        parts.append(f"{start}(?:{'|'.join(map(re.escape, spaced))}){tail}")
    if glued_words:
        parts.append(f"(?:{'|'.join(map(re.escape, glued_words))})")
    return "|".join(parts)


@depends_on_settings
@cache
def _rule() -> tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]:
    """(the gate: three-letter pieces one of which every form of Cambodia and every
    phrase of role ``capital_of_cambodia`` holds, those of ASCII forms and all; the
    phrase: a word for a capital next to a form of Cambodia, groups ``cap`` and ``kh``
    either way round)."""
    forms = set(cambodia_forms())
    cap = alternation(role_words("national_capital"), _CAP_ENDING)
    kh = alternation(forms, _KH_ENDING)
    link = alternation(role_words("capital_link"), 0)
    one = f"(?:(?:{link})\\s*)?"
    gap = f"(?:'[^\\W\\d_]{{0,3}})?\\s*{one}{one}"
    phrase = re.compile(f"(?P<kh1>{kh}){gap}(?P<cap1>{cap})|(?P<cap2>{cap}){gap}(?P<kh2>{kh})")
    forms |= set(_phrases())
    return gate_pieces({f for f in forms if f.isascii()}), gate_pieces(forms), phrase


def gate_pieces(forms: set[str]) -> tuple[str, ...]:
    """Three-letter pieces one of which each of ``forms`` holds, few (greedy; of pieces
    held as often, the one starting furthest in: a name's start is shared with ordinary
    place names, "Kamp…" of Kampong): "mbo" and "mpu" for the Latin names of Cambodia. A
    string holding none names no form: the gate costs a substring test or two, not a
    search of every form.

    Parameters
    ----------
    forms : set of str
        The words a rule looks for, lower case.

    Returns
    -------
    tuple of str
        The pieces.

    Examples
    --------
    >>> gate_pieces({"embassy", "embajada", "ambassade"})
    ('mba',)
    """
    left = set(forms)
    found: list[str] = []
    while left:
        count: collections.Counter[str] = collections.Counter()
        start: dict[str, int] = {}
        for f in left:
            for i in range(max(len(f) - 2, 1)):
                piece = f[i : i + 3]
                count[piece] += 1
                start[piece] = min(start.get(piece, i), i)
        best = max(sorted(count), key=lambda p: (count[p], start[p]))
        found.append(best)
        left = {f for f in left if best not in f}
    return tuple(found)


def _capital_span(lower: str) -> tuple[int, int] | None:
    """Where ``lower`` (lower case, NFC) names Cambodia's capital by a word for "capital"
    and a form of Cambodia's name; ``None`` when nowhere."""
    phrase = _rule()[2]
    for m in phrase.finditer(lower):
        cap = m.group("cap1") or m.group("cap2")
        kh = m.group("kh1") or m.group("kh2")
        if m.group("cap2") and cap.startswith("capital") and _MASCULINE.search(kh):
            continue
        if _plain(lower, m.start(), m.end()):
            return m.start(), m.end()
    return None


def _plain(lower: str, start: int, end: int) -> bool:
    """Whether the phrase at ``lower[start:end]`` is today's capital city: no qualifier
    right before it ("the former capital of Cambodia", "venture capital") and no word of
    money right after it ("Cambodian capital markets")."""
    before = _WORD_BEFORE.search(lower, 0, start)
    if before is not None and before.group(1) in _words("capital_qualifier"):
        return False
    after = _WORD_AFTER.match(lower, end)
    return after is None or after.group(1) not in _words("capital_money_after")


@depends_on_settings
@cache
def _words(role: str) -> frozenset[str]:
    """The words of a ``stop_words.csv`` role, lower case."""
    return frozenset(w.lower() for w in word_list(role))


def capital_text(text: str) -> str | None:
    """``text`` with its first phrase naming the capital of Cambodia replaced by the
    capital's name; ``None`` when it holds none.

    Parameters
    ----------
    text : str
        The place string.

    Returns
    -------
    str or None
        The rewritten string.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    lower = text.lower().replace("\u2019", "'")
    ascii_pieces, pieces, _ = _rule()
    if not any(p in lower for p in (ascii_pieces if lower.isascii() else pieces)):
        return None  # no form of Cambodia's name: most strings
    for phrase in _phrases():
        at = lower.find(phrase)
        if at >= 0 and (at == 0 or not lower[at - 1].isalnum()):
            end = at + len(phrase)
            if (end == len(lower) or not lower[end].isalnum()) and _plain(lower, at, end):
                return f"{text[:at]}{_CAPITAL}{text[end:]}"
    if len(lower) != len(text):
        return None  # (a letter whose lower case is longer: positions would not agree)
    span = _capital_span(lower)
    if span is None:
        return None
    return f"{text[: span[0]]} {_CAPITAL} {text[span[1] :]}".strip()


def read_capital(text: str, read: Reader) -> list[GeocodeResult]:
    """The results of ``text`` read with its phrase for the capital replaced by the
    capital's name, their method marked ``+capital``; empty when the string holds no such
    phrase or that reading places no province.

    Parameters
    ----------
    text : str
        The place string (it placed the country and nothing finer as written).
    read : callable
        Reads a string or its tokens into results.

    Returns
    -------
    list of GeocodeResult
        The results, or an empty list.
    """
    rewritten = capital_text(text)
    if rewritten is None:
        return _read_possessive(text, read)
    results = [r for r in read(rewritten) if r.province_code]
    return [replace(r, method=f"{r.method}+capital") for r in results]


def _read_possessive(text: str, read: Reader) -> list[GeocodeResult]:
    """ "Samraong's capital" (a name shared by many units, placed nowhere as written) read
    as "Samraong town": its results when each is a town (a district), at ``medium`` at
    most (the phrase names a town less firmly than "Samraong town"); else none."""
    if "s capital" not in text and "s provincial capital" not in text:
        return []
    m = _POSSESSIVE.search(text)
    if m is None:
        return []
    results = read(f"{text[: m.start()]}{m.group(1)} town{text[m.end() :]}")
    if not results or not all(r.district_code for r in results):
        return []
    return [
        replace(
            r,
            method=f"{r.method}+capital",
            confidence="medium" if r.confidence == "high" else r.confidence,
        )
        for r in results
    ]
