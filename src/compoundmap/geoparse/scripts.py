"""Candidate names in Khmer, Thai, Chinese, Japanese and Korean text, written without spaces:
scanned character by character for the longest known name, with the admin words and
demonym affixes around it (``data/raw/gazetteer/admin_words.csv``, ``used_by`` geoparse).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from ..normalize import admin_words
from ..settings import get as get_settings
from .model import Candidate
from .tables import KATAKANA_RE, NONLATIN_RE, Table, nonlatin_form

__all__ = ["nonlatin_candidates"]

#: Non-Latin demonym affixes: 越南人, ベトナム人, ชาวไทย, ជនជាតិចិន.
_DEMONYM_SUFFIX = ("人", "籍")
_DEMONYM_PREFIX = ("ชาว", "ជនជាតិ")


@cache
def _admin_affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Khmer, Thai and CJK admin prefixes and suffixes that make a short name a place: the
    rows of ``admin_words.csv`` the geoparser uses, by their position."""
    words = [w for w in admin_words() if "geoparse" in w.used_by]
    before = tuple(w.word for w in words if w.position == "before")
    after = tuple(w.word for w in words if w.position == "after")
    return before, after


def nonlatin_candidates(text: str, places: Table, countries: Table) -> Iterator[Candidate]:
    """Candidates in every run of Khmer, Thai or CJK text, by start: at each character the
    longest country or place name (offsets mapped back through the folding)."""
    for seg in NONLATIN_RE.finditer(text):
        folded, offsets = nonlatin_form(seg.group())
        base, i = seg.start(), 0
        while i < len(folded):
            found = _nonlatin_at(folded, i, places, countries)
            if found is None:
                i += 1
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
    s: str, i: int, places: Table, countries: Table
) -> tuple[int, int, int, Candidate] | None:
    """The longest country or place name at ``s[i]``: (start, end, name end, candidate)."""
    ch = s[i]
    best: tuple[str, str, Any] | None = None
    for kind, table in (("country", countries), ("place", places)):
        # walk the prefixes: one set look-up per character, longest name wins
        j = i + 1
        while j <= len(s) and s[i:j] in table.nonlatin_prefixes:
            name = s[i:j]
            if (
                name in table.nonlatin
                and (best is None or len(name) > len(best[1]))
                and _katakana_whole(s, i, j, name)
            ):
                best = (kind, name, table.nonlatin[name])
            j += 1
    if best is None:
        return None
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
    before = any(i >= len(p) and s.startswith(p, i - len(p)) for p in prefixes)
    suffix = max((x for x in suffixes if s.startswith(x, j)), key=len, default="")
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
