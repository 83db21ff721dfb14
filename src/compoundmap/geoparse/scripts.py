"""Candidate names in Khmer, Thai, Chinese, Japanese and Korean text, written without spaces:
scanned character by character for the longest known name, with the admin words and
demonym affixes around it (``data/raw/gazetteer/admin_words.csv``, ``used_by`` geoparse);
and in Cyrillic, Arabic and Devanagari text, written with spaces but without capitals to
mark a name: read word by word for the longest known name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..geocode.stems import arabic_stems, cyrillic_stems
from ..normalize import admin_words, tokenize
from ..settings import get as get_settings
from .model import Candidate
from .tables import (
    KATAKANA_RE,
    NONLATIN_RE,
    SPACED_RE,
    Table,
    nonlatin_form,
    spaced_place_keys,
    spaced_surface_names,
)

__all__ = ["nonlatin_candidates", "spaced_candidates"]

#: Non-Latin demonym affixes: 越南人, ベトナム人, ชาวไทย, ជនជាតិចិន.
_DEMONYM_SUFFIX = ("人", "籍")
_DEMONYM_PREFIX = ("ชาว", "ជនជាតិ")


@cache
def _admin_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Khmer, Thai and CJK admin prefixes and suffixes that make a short name a place: the
    rows of ``admin_words.csv`` the geoparser uses, by their position."""
    words = [w for w in admin_words() if "geoparse" in w.used_by]
    before = tuple(w.word for w in words if w.position == "before")
    # longest first: the first that matches is the longest
    after = tuple(sorted((w.word for w in words if w.position == "after"), key=len, reverse=True))
    return before, after


class _Names:
    """Every country and place name in scripts without spaces, in one Aho-Corasick automaton
    (ahocorasick-rs) that reports all of them, overlapping, in one pass over a text: only the
    positions where a name starts are looked at, not every character."""

    def __init__(self, places: Table, countries: Table) -> None:
        import ahocorasick_rs as ac

        self.places, self.countries = places, countries  # the tables it was built from
        by_name: dict[str, list[tuple[str, Any]]] = {}
        for kind, table in (("country", countries), ("place", places)):
            for name, value in table.nonlatin.items():
                by_name.setdefault(name, []).append((kind, value))
        self.names = sorted(by_name)
        self.values = [by_name[n] for n in self.names]
        self.automaton = ac.AhoCorasick(self.names, matchkind=ac.MatchKind.Standard)

    def at(self, s: str) -> dict[int, list[int]]:
        """Indexes into :attr:`names` of the names found in ``s``, by start."""
        starts: dict[int, list[int]] = {}
        for index, start, _end in self.automaton.find_matches_as_indexes(s, overlapping=True):
            starts.setdefault(start, []).append(index)
        return starts

    def found(self, indexes: list[int]) -> list[tuple[str, str, Any]]:
        """``(kind, name, value)`` of the names at these indexes (a name may be both a
        country's and a place's)."""
        return [(kind, self.names[k], value) for k in indexes for kind, value in self.values[k]]


_NAMES: list[_Names] = []


def _names(places: Table, countries: Table) -> _Names:
    """The automaton of these tables (built once per process; rebuilt if they change)."""
    if not _NAMES or _NAMES[0].places is not places or _NAMES[0].countries is not countries:
        _NAMES[:] = [_Names(places, countries)]
    return _NAMES[0]


def nonlatin_candidates(text: str, places: Table, countries: Table) -> Iterator[Candidate]:
    """Candidates in every run of Khmer, Thai or CJK text, by start: at each position where a
    name starts, the longest country or place name (offsets mapped back through the
    folding); the scan resumes after it.

    Parameters
    ----------
    text : str
        The whole text (offsets of the candidates are into it).
    places : Table
        The place names (:func:`compoundmap.geoparse.tables.place_table`).
    countries : Table
        The country names and demonyms (:func:`compoundmap.geoparse.tables.country_table`).

    Yields
    ------
    Candidate
        ``country`` candidates (with ``(alpha-2, form)``) and ``place`` candidates (with
        any admin affix around the name), by start.

    Examples
    --------
    >>> from compoundmap.geoparse.tables import country_table, place_table
    >>> t = "警方突袭柬埔寨西港的诈骗园区"
    >>> [(t[c.start : c.end], c.kind) for c in nonlatin_candidates(t, place_table(),
    ...     country_table())]
    [('柬埔寨', 'country'), ('西港', 'place')]
    """
    names = _names(places, countries)
    for seg in NONLATIN_RE.finditer(text):
        folded, offsets = nonlatin_form(seg.group())
        starts = names.at(folded)
        if not starts:
            continue
        base, i = seg.start(), 0
        for at in sorted(starts):
            if at < i:
                continue  # inside the name found before
            found = _nonlatin_at(folded, at, names.found(starts[at]))
            if found is None:
                continue
            a, b, name_end, cand = found
            # offsets back into the original text (folding can drop or add characters)
            yield cand._replace(
                start=base + offsets[a],
                end=base + offsets[b - 1] + 1,
                name_end=base + offsets[name_end - 1] + 1,
            )
            i = name_end


def _nonlatin_at(
    s: str, i: int, found: list[tuple[str, str, Any]]
) -> tuple[int, int, int, Candidate] | None:
    """The longest country or place name at ``s[i]`` among ``found`` (every name of the
    tables that starts there): (start, end, name end, candidate). A country wins over a
    place name of the same length; a katakana name must be a whole word."""
    best: tuple[str, str, Any] | None = None
    for kind, name, value in sorted(found, key=lambda f: (len(f[1]), f[0] != "country")):
        if best is None or len(name) > len(best[1]):
            if _katakana_whole(s, i, i + len(name), name):
                best = (kind, name, value)
    if best is None:
        return None
    ch = s[i]
    kind, name, value = best
    j = i + len(name)
    if kind == "country":
        code, form = value
        start, end = i, j
        if s.startswith(_DEMONYM_SUFFIX, j):
            end, form = j + 1, "demonym"
        for prefix in _DEMONYM_PREFIX:
            if i >= len(prefix) and s.startswith(prefix, i - len(prefix)):
                start, form = i - len(prefix), "demonym"
        return start, end, j, Candidate(start, end, "country", j, True, (code, form))
    prefixes, suffixes = _admin_affixes()
    before = s.endswith(prefixes, 0, i)
    # the longest admin suffix right after the name (one test in C when there is none)
    suffix = (
        next((x for x in suffixes if s.startswith(x, j)), "") if s.startswith(suffixes, j) else ""
    )
    after = bool(suffix)
    # short names in scripts without spaces are often parts of other words
    khmer, thai = "\u1780" <= ch <= "\u17ff", "\u0e00" <= ch <= "\u0e7f"
    cfg = get_settings()
    short = len(name) < (
        cfg.khmer_name_min_chars
        if khmer
        else cfg.thai_name_min_chars
        if thai
        else cfg.cjk_name_min_chars
    )
    end = j + len(suffix)
    # the geocoder is given the indexed name itself (プノンペン, not プノンペン都)
    cand = Candidate(i, end, "place", j, before or after, needs_context=short, query=name)
    return i, end, j, cand


def _katakana_whole(s: str, i: int, j: int, name: str) -> bool:
    """A katakana name must not be part of a longer katakana word (タイ in スタイル)."""
    if KATAKANA_RE.match(name[0]) and i > 0 and KATAKANA_RE.match(s[i - 1]):
        return False
    return not (KATAKANA_RE.match(name[-1]) and j < len(s) and KATAKANA_RE.match(s[j]))


#: Words of a name in Cyrillic, Arabic or Devanagari text ("Пном Пень", "नोम पेन्ह").
_SPACED_MAX_WORDS = 4
_SPACED_WORD_RE = re.compile("[^ \t]+")


def spaced_candidates(text: str) -> Iterator[Candidate]:
    """Candidates in every run of Cyrillic, Arabic or Devanagari words, by start: at each
    word, the longest run of up to four words that is a place name — in Cyrillic its key
    as the geocoder folds it, or a Russian case form of one ("в Сиануквиле",
    :func:`~compoundmap.geocode.stems.cyrillic_stems`); in Arabic and Devanagari a name
    as the aliases and GeoNames write it ("पोइपेट"), in Arabic also after a glued
    proclitic (:func:`~compoundmap.geocode.stems.arabic_stems`). The geocoder decides
    each."""
    keys, surface = spaced_place_keys(), spaced_surface_names()
    for run in SPACED_RE.finditer(text):
        words = [w for w in _SPACED_WORD_RE.finditer(run.group())]
        texts = [w.group() for w in words]
        i = 0
        while i < len(words):
            end = _spaced_name_end(texts, i, keys, surface)
            if end is None:
                i += 1
                continue
            start, stop = run.start() + words[i].start(), run.start() + words[end - 1].end()
            yield Candidate(start, stop, "place", stop, False)
            i = end


def _spaced_name_end(
    texts: list[str], i: int, keys: frozenset[str], surface: frozenset[str]
) -> int | None:
    """End (exclusive word index) of the longest name starting at word ``i``, or None."""
    cyrillic = "\u0400" <= texts[i][0] <= "\u04ff"
    for end in range(min(len(texts), i + _SPACED_MAX_WORDS), i, -1):
        if not cyrillic:
            name = " ".join(texts[i:end])
            if name in surface or any(n in surface for n in arabic_stems(name)):
                return end  # as written, or with a glued proclitic ("وسييم رياپ")
            continue
        key = "".join(t.text for w in texts[i:end] for t in tokenize(w))
        if key in keys or any(k in keys for k in cyrillic_stems(key)):
            return end
    return None
