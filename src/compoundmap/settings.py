"""Every threshold and limit of the geocoder and the geoparser, in one frozen object.

``get()`` returns the settings in force; ``override(**changes)`` swaps in other values for a
block of code (an evaluation or benchmark script) and clears every cache that depends on
them, so trying another threshold needs no code edit::

    >>> from compoundmap import geocode, settings
    >>> settings.get().fuzzy_min
    86.0
    >>> with settings.override(fuzzy_min=90.0):
    ...     r = geocode("Kampung Chhnang")

Cache sizes are read once, when the module holding the cache is imported: ``override``
refuses to change them (see :data:`CACHE_SIZE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

__all__ = ["CACHE_SIZE_FIELDS", "Settings", "depends_on_settings", "get", "override"]


@dataclass(frozen=True)
class Settings:
    """Thresholds and limits of ``compoundmap.geocode`` and ``compoundmap.geoparse``.

    Scores are rapidfuzz ratios (0–100); lengths count letters of a compact key (the
    normalised tokens joined without spaces) unless they say words or characters.

    Attributes
    ----------
    max_chars : int
        Characters of a string the geocoder reads (2,000). Location fields are short; the
        limit bounds the cost of pathological input.
    town_population : int
        GeoNames population from which a place is a town (10,000): its admin codes stop at
        the district, because a town spans several communes; a town word ("Krong
        Samraong") picks the district holding such a town among namesakes.
    index_key_min_letters : int
        Shortest Latin key the name index holds (2; digits always): one letter names nothing.
    alternate_name_min_letters : int
        Shortest GeoNames alternate name (compact key) indexed (4): shorter ones are codes
        and loose romanisations (KOS, PNH).
    script_name_min_chars : int
        Shortest known name found inside a run of Khmer, Thai or CJK text (2 characters):
        one character is too often part of another word.
    geocode_max_ngram : int
        Longest run of Latin words the geocoder looks up as one name (7 words; the longest
        indexed names have about that many).
    phonetic_min : float
        Floor of the phonetic pass (75): an n-gram not in the index is matched through its
        consonant skeleton only when the rapidfuzz ratio to the indexed key reaches it.
    phonetic_single_min : float
        Floor for a single word in the phonetic pass (88) when it is shorter than
        ``phonetic_relaxed_min_letters`` or does not keep the first and last letter of the
        name: one short word is too easily a common word elsewhere.
    phonetic_relaxed_min_letters : int
        Letters from which a single word that keeps its first and last letter needs only
        ``phonetic_min`` (7).
    phonetic_single_min_letters : int
        Shortest single word the phonetic pass matches at all (6 letters).
    phonetic_min_letters : int
        Shortest n-gram key the phonetic pass tries (5 letters).
    phonetic_max_words : int
        Longest n-gram the phonetic pass tries (4 words).
    skeleton_min_letters : int
        Shortest consonant skeleton used as a candidate key (3 consonants): shorter ones
        join too many unrelated names.
    scoped_fuzzy_min : float
        Floor of the scoped fuzzy pass (80): a run of unexplained words next to a named
        province or district is matched against the names inside it only, so a lower floor
        than the unscoped pass is safe.
    scoped_fuzzy_min_letters : int
        Shortest run the scoped fuzzy pass tries (5 letters).
    scope_key_min_letters : int
        Shortest key of a name inside a province/district that the scoped pass compares
        against (4 letters).
    scope_max_readings : int
        A province/district name with more readings than this (3) does not open a scope: it
        is too unsure which unit is meant.
    fuzzy_min : float
        Floor of the last, unscoped fuzzy pass (86), against names with the same initial;
        from ``fuzzy_relaxed_min_letters`` letters it is lowered just enough to let one
        substituted letter through ("kompot" ~ "kampot" scores 83.3).
    fuzzy_relaxed_min_letters : int
        Letters from which the fuzzy floor allows one substituted letter (6).
    fuzzy_min_letters : int
        Shortest run the unscoped fuzzy pass tries (5 letters).
    fuzzy_max_words : int
        Longest run of words the unscoped fuzzy pass tries (4 words).
    fuzzy_key_min_letters : int
        Shortest indexed key the unscoped fuzzy pass compares against (4 letters).
    edit_min_letters : int
        Shortest word the one-edit typo pass corrects (5 letters: then only a swap of two
        neighbours, "Takoe").
    edit_indel_min_letters : int
        A dropped or added letter needs this many letters on both sides (6): "should" is not
        "Shoul".
    edit_any_min_letters : int
        Letters from which any one edit is allowed (7); below, a changed letter too often
        makes another real word (Khmer "thlong" is not the district Thpong).
    kana_edit_min_letters : int
        Shortest run of katakana letters (as folded: ー and ッ dropped) the katakana typo
        pass (``geocode/kana_edits.py``) reads one edit from a curated katakana name (5): a
        kana is a syllable, and タケウ is one letter from the Thai province サケオ too.
    commune_edit_min_letters : int
        Shortest word the scoped typo pass (``geocode/parent_edits.py``) corrects, and the
        letters a dropped or added letter needs there (4): a name next to the commune
        (district) admin word is compared only with the communes (districts) of the one
        district (province) the string names.
    window_fuzzy_min : float
        Floor of the two-word typo pass (75): a word no name explains and a one-word name
        next to it, compared together with the province, district and town names ("Kanmong
        Cham" is Kampong Cham, not the commune Cham with a stray word).
    window_fuzzy_min_letters : int
        Shortest two-word window that pass tries (7 letters).
    confidence_variant_min : float
        Lowest score of a spelling-variant or typo match that can still be of ``medium``
        confidence (90); below, it is ``low``.
    geoparse_max_ngram : int
        Longest run of capitalised words the geoparser looks up as one name (6 words; names
        in running text are shorter than in location fields).
    wide_min_score : float
        Lowest geocoder score for a widened name in text ("Ouddar Meanchey" where the index
        knows one word): the geocoder's phonetic floor (75).
    fallback_min_score : float
        Lowest geocoder score for a name in text found only by the geocoder (86, its fuzzy
        floor): "Bangkok city" scores 80 against Boeng Kok.
    foreign_after_chars : int
        How far after a place a country name may follow to put it in that country (60
        characters: "Chong Chom … in Surin province, Thailand").
    foreign_before_chars : int
        How far before a place a country name may end, with a possessive between (3
        characters: "Thailand's Surin").
    person_title_chars : int
        How far before a capitalised run a title (Mr., Dr., Oknha …) is looked for (12).
    admin_before_chars : int
        How far before a name an admin word written outside its run is looked for (15).
    fallback_max_words : int
        Longest capitalised run the geoparser asks the geocoder about when the index holds
        no name in it (4 words).
    text_single_word_min_letters : int
        A single word shorter than this (7 letters) that matches a name only after folding
        ("They" ~ "Theay") needs an admin word next to it.
    text_acronym_max_letters : int
        A single word in capitals up to this long (5) is an acronym or code (LANG, KOS) and
        needs an admin word next to it.
    text_short_name_max_letters : int
        A single-word name of at most this many letters (3) is a place on its own only at
        province level ("Kep").
    khmer_name_min_chars, thai_name_min_chars, cjk_name_min_chars : int
        Shorter names in those scripts (5, 3, 2 characters), written without spaces, are
        often parts of other words: a place only with an admin word next to them.
    online_min_delay : float
        Seconds between two requests of the optional online fallback (1.0: Nominatim's
        usage policy).
    online_timeout : float
        Seconds the online fallback waits for Nominatim (10).
    online_score : float
        ``score`` of an online answer (50): it is a guess from outside the gazetteer.
    progress_min_strings : int
        Distinct strings from which ``geocode_frame`` shows a progress bar on a terminal
        (5,000).
    geocode_cache_size, places_cache_size, context_cache_size, one_edit_cache_size,
    unit_cache_size, online_cache_size, choice_cache_size : int
        Entries kept by the geocoder's caches: results per (text, province, district),
        ``geocode_places`` results, parsed context arguments, one-edit look-ups, unit names
        and points, online answers, and the per-name reading filters.
    token_cache_size, tokenize_cache_size, char_cache_size : int
        Entries kept by the normaliser's caches: folded tokens (and keys, skeletons),
        tokenised strings, per-character script tests.
    text_token_cache_size, text_run_cache_size, text_decision_cache_size,
    text_geocode_cache_size, text_char_cache_size : int
        Entries kept by the geoparser's caches: capitalised words, capitalised runs,
        accept/reject decisions, geocoder answers, folded characters.
    """

    # normalising
    max_chars: int = 2000
    # the index
    town_population: int = 10_000
    index_key_min_letters: int = 2
    alternate_name_min_letters: int = 4
    script_name_min_chars: int = 2
    # spotting, phonetic pass
    geocode_max_ngram: int = 7
    phonetic_min: float = 75.0
    phonetic_single_min: float = 88.0
    phonetic_relaxed_min_letters: int = 7
    phonetic_single_min_letters: int = 6
    phonetic_min_letters: int = 5
    phonetic_max_words: int = 4
    skeleton_min_letters: int = 3
    # scoped fuzzy pass
    scoped_fuzzy_min: float = 80.0
    scoped_fuzzy_min_letters: int = 5
    scope_key_min_letters: int = 4
    scope_max_readings: int = 3
    # unscoped fuzzy pass
    fuzzy_min: float = 86.0
    fuzzy_relaxed_min_letters: int = 6
    fuzzy_min_letters: int = 5
    fuzzy_max_words: int = 4
    fuzzy_key_min_letters: int = 4
    # one-edit pass
    edit_min_letters: int = 5
    edit_indel_min_letters: int = 6
    edit_any_min_letters: int = 7
    kana_edit_min_letters: int = 5
    commune_edit_min_letters: int = 4
    window_fuzzy_min: float = 75.0
    window_fuzzy_min_letters: int = 7
    confidence_variant_min: float = 90.0
    # geoparser
    geoparse_max_ngram: int = 6
    wide_min_score: float = 75.0
    fallback_min_score: float = 86.0
    foreign_after_chars: int = 60
    foreign_before_chars: int = 3
    person_title_chars: int = 12
    admin_before_chars: int = 15
    fallback_max_words: int = 4
    text_single_word_min_letters: int = 7
    text_acronym_max_letters: int = 5
    text_short_name_max_letters: int = 3
    khmer_name_min_chars: int = 5
    thai_name_min_chars: int = 3
    cjk_name_min_chars: int = 2
    # online fallback and frames
    online_min_delay: float = 1.0
    online_timeout: float = 10.0
    online_score: float = 50.0
    progress_min_strings: int = 5000
    # cache sizes (read when the module holding the cache is imported)
    geocode_cache_size: int = 200_000
    places_cache_size: int = 50_000
    context_cache_size: int = 4096
    one_edit_cache_size: int = 65_536
    unit_cache_size: int = 4096
    online_cache_size: int = 10_000
    choice_cache_size: int = 100_000
    token_cache_size: int = 200_000
    tokenize_cache_size: int = 100_000
    char_cache_size: int = 20_000
    text_token_cache_size: int = 65_536
    text_run_cache_size: int = 1 << 17
    text_decision_cache_size: int = 65_536
    text_geocode_cache_size: int = 16_384
    text_char_cache_size: int = 8192


#: Fields fixed when the caches are made (at import); ``override`` refuses to change them.
CACHE_SIZE_FIELDS = frozenset(f.name for f in fields(Settings) if f.name.endswith("_cache_size"))

_current = Settings()
_dependents: list[Callable[[], None]] = []

F = TypeVar("F", bound=Callable[..., Any])


def get() -> Settings:
    """The settings in force.

    Examples
    --------
    >>> get().town_population
    10000
    """
    return _current


def depends_on_settings(cached: F) -> F:
    """Register a cached function (anything with ``cache_clear``) whose results depend on the
    settings: :func:`override` clears it on entry and on exit. Returns it unchanged."""
    _dependents.append(cached.cache_clear)  # type: ignore[attr-defined]
    return cached


def on_settings_change(clear: Callable[[], None]) -> None:
    """Register a callable that forgets what was derived from the settings (a dict cache)."""
    _dependents.append(clear)


def _clear_dependents() -> None:
    for clear in _dependents:
        clear()


@contextmanager
def override(**changes: Any) -> Iterator[Settings]:
    """Use other settings inside a ``with`` block; the previous ones come back on exit,
    even on error. Every cache derived from the settings (the name index, the typo indexes,
    cached answers) is cleared on entry and on exit.

    Parameters
    ----------
    **changes
        Field names of :class:`Settings` and their new values.

    Yields
    ------
    Settings
        The settings in force inside the block.

    Raises
    ------
    TypeError
        If a name is not a field of :class:`Settings`.
    ValueError
        If a cache size is changed (they are fixed when the caches are made).

    Examples
    --------
    >>> with override(fuzzy_min=90.0) as s:
    ...     s.fuzzy_min
    90.0
    >>> get().fuzzy_min
    86.0
    """
    global _current
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(changes) - known)
    if unknown:
        raise TypeError(f"unknown setting(s) {unknown}; known: {sorted(known)}")
    fixed = sorted(set(changes) & CACHE_SIZE_FIELDS)
    if fixed:
        raise ValueError(
            f"cache sizes {fixed} are fixed when the caches are made, at import; "
            "they cannot be overridden in a running process"
        )
    previous = _current
    _current = replace(previous, **changes)
    _clear_dependents()
    try:
        yield _current
    finally:
        _current = previous
        _clear_dependents()
