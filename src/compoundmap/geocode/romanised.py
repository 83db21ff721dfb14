"""Names in scripts the geocoder reads only through listed aliases, read again romanised.

Indic scripts (Devanagari … Sinhala), Arabic script, Hebrew, Greek, Armenian, Georgian,
Ethiopic, Burmese and Lao have no reader of their own: a Cambodian name written in one of
them is found only when its spelling is an alias or a GeoNames name as written ("பெனாம்
பென்", a Tamil Phnom Penh no list holds, or "സിഹാനൂക്വില്ലിൽ", Sihanoukville with the
Malayalam locative, are missed). Latin, Khmer, Thai, CJK and Hangul have readers; Cyrillic has
its aliases, case endings and sound pass (``stems``, ``sound_runs``), and is left to them.

When a string places no province as written and holds a letter of these scripts, each of
its words in them is romanised (``transliteration.py``: anyascii, with a few letters written
as transliterations of Khmer names write them) and the string is read again by the Latin
matcher, with its spelling variants and typo tolerance ("penam pen" is Phnom Penh by its
consonant skeleton). A word the geocoder knows as written (an admin word, a name of
Cambodia, also with a case ending or an Arabic proclitic) is kept as written, and so is a
word an article starts (``stop_words.csv`` role ``romanised_article``: Arabic al-, a common
noun or adjective) and a word romanised to fewer than
:data:`~.transliteration.MIN_LETTERS` letters (a particle is no name). Tamil ச starting a
word is s (Siem, Sihanouk) or ch (Cham): such a string is read both ways, and a reading is
kept only when the two agree or one alone reads.

Endings: the case endings and postpositions glued to a name (``stop_words.csv``, role
``romanised_ending``: Malayalam -il, Tamil -il, Bengali -er …) are stripped only when the
string as romanised places nothing (or only by the fuzzy pass) and what remains does; an
Arabic proclitic (:func:`~.stems.arabic_stems`) likewise.

A reading is kept only when every place it finds is a province, a district or a town
(a GeoNames place of ``town_population``), or, matched otherwise than by the fuzzy pass,
a curated landmark: a romanised ordinary word is far more often a commune or a village's
name than a Cambodian place; and none when the romanised string names a place abroad. Its
answers are ``medium`` at most, ``low`` when the name was matched only loosely (fuzzy), and
their method ends in ``+romanised``. Per string that placed no province, one pass for its
highest character and, when that lies past the Latin letters and their marks (U+0370),
one regular-expression search; the second reading only when it finds such a letter.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .._scripts import ARABIC, GREEK, INDIC, block_ranges
from ..normalize import ADMIN_WORDS, country_names, place_key, tokenize, word_list
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .abroad import names_abroad
from .index import KIND_LEVEL, TIER_CURATED, name_index
from .spot import spot
from .stems import inflection_stems
from .transliteration import romanised

if TYPE_CHECKING:
    from .result import GeocodeResult, Reader

__all__ = [
    "prepare",
    "read_romanised",
    "read_romanised_beside",
    "romanised_texts",
]


_LETTERS = block_ranges(
    *GREEK,
    "armenian",
    "hebrew",
    *ARABIC,
    *INDIC,
    "lao",
    "myanmar",
    "georgian",
    "ethiopic",
    "ethiopic_supplement",
    "cyrillic",  # a capitalised word nothing read (cyrillic.py)
)
_GATE = re.compile(f"[{_LETTERS}]")
#: A word: letters of these scripts (and joiners), with any letters glued to them.
_WORD = re.compile(rf"\w*[{_LETTERS}][\w{_LETTERS}\u200c\u200d]*")

_TAMIL_C_ANYWHERE = re.compile(f"(?:^|[^\\w{block_ranges('tamil')}])\u0b9a")


#: Roles of ``stop_words.csv`` whose words say how a name relates to the place ("near",
#: "the outskirts of"): kept as written.
_RELATION_ROLES = (
    "reference_near",
    "reference_near_of",
    "reference_descriptor",
    "outskirts_before",
    "outskirts_of",
    "outskirts_after",
    "outskirts_after_of",
    "reference_near_after",
    "reference_near_after_of",
)


@depends_on_settings
@cache
def _known() -> frozenset[str]:
    """Words of these scripts the geocoder knows as written: admin words, names of Cambodia,
    and ordinary words of role ``stop`` (Tamil தாக்கிய "attacked", which CLDR also gives as
    Takeo's name: a word listed as no name is not read as one once romanised), and the
    words of :data:`_RELATION_ROLES`."""
    words = {w for w in ADMIN_WORDS if _GATE.search(w)}
    words |= {n for n in country_names() if _GATE.search(n)}
    words |= {w for w in word_list("stop") if _GATE.search(w)}
    # words that make a name a reference point ("ضواحي", the outskirts of): romanised,
    # they would no longer say so
    for role in _RELATION_ROLES:
        words |= {w for w in word_list(role) if _GATE.search(w)}
    return frozenset(words)


@depends_on_settings
@cache
def _articles() -> tuple[str, ...]:
    """The articles of role ``romanised_article``: a word they start is no name."""
    return word_list("romanised_article")


@depends_on_settings
@cache
def _endings() -> tuple[str, ...]:
    """The endings of role ``romanised_ending``, longest first."""
    return tuple(sorted(word_list("romanised_ending"), key=len, reverse=True))


def prepare() -> None:
    """Read the word lists once, before the first string."""
    _known()
    _articles()
    _endings()


def _stem(word: str) -> str | None:
    """``word`` without its longest listed ending or Arabic proclitic, when that leaves
    three letters or more; ``None`` otherwise."""
    for ending in _endings():
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    stems = inflection_stems(word)
    return stems[0] if stems else None


def _known_form(word: str, stem: str | None) -> str | None:
    """``word``, or its ``stem`` (:func:`_stem`), when the geocoder knows it as written or it
    starts with an article (a common noun, no name); ``None`` otherwise."""
    known = _known()
    if word in known or word.startswith(_articles()):
        return word
    toks = tokenize(word)
    if len(toks) == 1 and (toks[0].admin is not None or toks[0].text in known):
        return word
    return stem if stem is not None and stem in known else None


#: Per word of these scripts in a string: (the text before it, the word, its stem, its
#: known form); and the text after the last word (:func:`_word_forms`).
_Forms = tuple[list[tuple[str, str, str | None, str | None]], str]


def _word_forms(text: str) -> _Forms:
    """Each word of these scripts in ``text`` with its stem (:func:`_stem`) and known form
    (:func:`_known_form`), computed once per string for every rewriting of it."""
    forms = []
    last = 0
    for m in _WORD.finditer(text):
        word = m.group()
        stem = _stem(word)
        forms.append((text[last : m.start()], word, stem, _known_form(word, stem)))
        last = m.end()
    return forms, text[last:]


def romanised_texts(
    text: str,
    tamil_ch: bool = False,
    keep: frozenset[str] = frozenset(),
    forms: _Forms | None = None,
) -> list[str]:
    """``text`` with its words in these scripts romanised: as written, then, when a word
    carries a listed ending or an Arabic proclitic, with it stripped; empty when ``text``
    holds no such word.

    Parameters
    ----------
    text : str
        The place string.
    tamil_ch : bool, default False
        Romanise a Tamil ச starting a word ch, not s (:func:`romanised`).
    keep : frozenset of str, optional
        Words kept as written (another pass read them: :func:`read_romanised_beside`).
    forms : optional
        Its words' forms (:func:`_word_forms`), when the caller has them.

    Returns
    -------
    list of str
        One or two rewritten strings, to be read in turn.

    Examples
    --------
    >>> romanised_texts("കാമ്പോട്ടിൽ")
    ['Kampottil', 'Kampott']
    """
    words, tail = _word_forms(text) if forms is None else forms
    whole: list[str] = []
    stripped: list[str] = []
    for between, word, stem, known in words:
        if word in keep:
            known = word
        if known is not None:
            whole += (between, known)
            stripped += (between, known)
            continue
        whole += (between, romanised(word, tamil_ch))
        stripped += (between, romanised(stem if stem is not None else word, tamil_ch))
    if not whole:
        return []
    out = "".join(whole) + tail, "".join(stripped) + tail
    return [t for t in dict.fromkeys(out) if t != text]  # (as written: read)


def read_romanised(text: str, read: Reader) -> list[GeocodeResult]:
    """The places of ``text`` read with its words in these scripts romanised (see the
    module docstring), at ``medium`` confidence at most and method ``…+romanised``; empty
    when the string holds no such word or no reading places a province, district, town
    or landmark only.

    Parameters
    ----------
    text : str
        The place string (it placed no province as written).
    read : callable
        Reads a string or its tokens into results.

    Returns
    -------
    list of GeocodeResult
        The results, or an empty list.
    """
    if max(text, default="") < "\u0370" or _GATE.search(text) is None:
        return []  # (max: a C-level pass; most strings hold no letter past U+0370)
    forms = _word_forms(text)  # (once: read by each rewriting)
    found = _read(romanised_texts(text, forms=forms), read)
    if _TAMIL_C_ANYWHERE.search(text):  # Tamil ச: s or ch; both ways must agree
        other = _read(romanised_texts(text, tamil_ch=True, forms=forms), read)
        if found and other and _provinces(found) != _provinces(other):
            return []
        found = found or other
    return found


def read_romanised_beside(
    text: str, read: Reader, results: list[GeocodeResult]
) -> list[GeocodeResult]:
    """``results`` (``text`` as written placed a province), or, when ``text`` also holds
    words of these scripts that no pass read, the string read again with those words
    romanised and the words read kept as written, when that reading places something
    ``results`` do not ("مقاطعة كاندال على مشارف العاصمة بنوم بنه": Phnom Penh by its
    alias, Kandal romanised, Phnom Penh then a reference point). What only the romanised
    words place must be coarse (as :func:`read_romanised` asks) and is capped at
    ``medium`` (``low`` when fuzzy); nothing changes when the romanised string names a
    place abroad.

    Parameters
    ----------
    text : str
        The place string.
    read : callable
        Reads a string or its tokens into results.
    results : list of GeocodeResult
        What ``text`` as written gave (some result places a province).

    Returns
    -------
    list of GeocodeResult
        The new reading, or ``results``.
    """
    if max(text) < "\u0370" or _GATE.search(text) is None:
        return results  # (most strings: a C-level pass, or one regex search)
    forms = _word_forms(text)  # (once: read here and by each rewriting)
    unread = [word for _, word, _, known in forms[0] if known is None]
    if not unread:
        return results
    # the words a pass read (as the tokeniser writes them): kept as written
    covered = {w for m in spot(text) for w in m.text.split()}
    keep = frozenset(w for w in unread if {t.text for t in tokenize(w)} <= covered)
    if len(keep) == len(unread):
        return results
    found = _beside(romanised_texts(text, keep=keep, forms=forms), read, results)
    if _TAMIL_C_ANYWHERE.search(text):  # Tamil ச: s or ch; both ways must agree
        other = _beside(romanised_texts(text, True, keep, forms), read, results)
        if found and other and _provinces(found) != _provinces(other):
            return results
        found = found or other
    return found or results


def _beside(texts: list[str], read: Reader, results: list[GeocodeResult]) -> list[GeocodeResult]:
    """The reading of ``texts`` that places something ``results`` do not (a province, or a
    district of a province they place without one), all of it found surely (:func:`_sure`);
    those results capped, the others as ``results`` give them. As in :func:`_read`, the
    text with its endings stripped overrides the text as written when it reads other
    provinces ("Stung Trengiliruntu" read as Stoung yields to "Stung Treng"). Empty when
    no text does."""
    before: dict[str | None, GeocodeResult] = {
        r.province_code: r for r in results if r.province_code
    }
    found: list[GeocodeResult] = []
    for rewritten in texts:
        if names_abroad(rewritten):
            return []
        got = [r for r in read(rewritten) if r.province_code]
        new = [_adds(r, before) for r in got]
        if not any(new) or not all(_sure(r) for r, n in zip(got, new, strict=True) if n):
            continue
        out = [
            _capped(r) if n else before.get(r.province_code, r)
            for r, n in zip(got, new, strict=True)
        ]
        if found and _provinces(out) == _provinces(found):
            break
        found = out
    return found


def _sure(r: GeocodeResult) -> bool:
    """Whether ``r``, read beside a place read as written, is coarse (:func:`_coarse`) and
    was found as written or by its spelling variants, not by the sound or typo passes
    (those read many romanised words as some district: "Meynchey" as Mean Chey)."""
    return _coarse(r) and r.confidence != "low" and not _LOOSE.intersection(r.method.split("+"))


def _adds(r: GeocodeResult, before: dict[str | None, GeocodeResult]) -> bool:
    """Whether ``r`` places what ``before`` (results by province) does not."""
    old = before.get(r.province_code)
    return old is None or (r.district_code is not None and old.district_code is None)


def _read(texts: list[str], read: Reader) -> list[GeocodeResult]:
    """The first reading of ``texts`` whose every place is coarse (:func:`_coarse`),
    capped; a loose (fuzzy) one only when no later text reads closer; a firm one as
    written yields only to the text with its endings stripped reading other provinces
    firmly (a word read whole beside a word whose ending kept it unread, "Stung
    Trengkiliruntu" read as Stoung, yields to the reading of both, "Stung Treng")."""
    found: list[GeocodeResult] = []
    for rewritten in texts:
        if names_abroad(rewritten):
            return []  # a place abroad, romanised: what else it reads is a look-alike
        results = [r for r in read(rewritten) if r.province_code]
        if not results or not all(map(_coarse, results)):
            continue
        capped = [_capped(r) for r in results]
        if (
            found
            and _firm(found)
            and (not _firm(capped) or _provinces(capped) == _provinces(found))
        ):
            break
        found = capped
    return found


#: Methods of a loose reading (by sound, by a typo), not taken beside a place read.
_LOOSE = frozenset({"phonetic", "fuzzy", "edit"})


def _firm(results: list[GeocodeResult]) -> bool:
    """Whether some result of ``results`` is above the ``low`` band."""
    return any(r.confidence != "low" for r in results)


def _provinces(results: list[GeocodeResult]) -> set[str | None]:
    """The provinces of ``results``."""
    return {r.province_code for r in results}


def _coarse(r: GeocodeResult) -> bool:
    """Whether ``r``'s name is, in the index, a province, a district or a town, or (not
    matched by the fuzzy pass) a curated landmark."""
    loose = "fuzzy" in r.method
    fine = r.commune_code is not None  # (a village under a name a province also bears)
    towns = get_settings().town_population
    for e in name_index().get(place_key(r.matched_name or ""), ()):
        coarse = e.kind in ("province", "district") or (e.kind == "place" and e.population >= towns)
        if coarse and not fine:
            return True
        if not loose and e.tier == TIER_CURATED and e.kind not in KIND_LEVEL:
            return True
    return False


def _capped(r: GeocodeResult) -> GeocodeResult:
    """``r`` at ``medium`` confidence at most (``low`` when fuzzy), its method marked."""
    low = r.confidence == "low" or "fuzzy" in r.method
    return replace(r, confidence="low" if low else "medium", method=f"{r.method}+romanised")
