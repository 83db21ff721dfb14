"""The consonant skeleton of a place key: a loose key that romanisation variants of one
Khmer name share (Paoy Paet, Poipet). Private: re-exported by :mod:`compoundmap.normalize`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .settings import get as get_settings

__all__ = ["skeleton"]

_DOUBLE_RE = re.compile(r"(.)\1+")
_VOWELS_RE = re.compile(r"[aeiouy]+")
_C_RE = re.compile(r"c(?!h)")
_FINAL_B_RE = re.compile(r"b\b")
_H_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])h")
_R_AFTER_VOWEL_RE = re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|$)")


@lru_cache(maxsize=get_settings().token_cache_size)
def skeleton(key: str) -> str:
    """A looser key for romanisation variants: consonants only, with ``r`` after a vowel
    dropped (Kork/Kouk, Thmor/Thma), ``ph``→``p``, ``w``→``v``, ``c``→``k`` (not in ``ch``),
    final ``b``→``p``, ``td``/``dd``→``d``, doubled consonants once.

    Only a candidate generator: the geocoder checks every skeleton match with a rapidfuzz
    score. Non-Latin keys are returned unchanged.

    Examples
    --------
    >>> from compoundmap.normalize import place_key
    >>> skeleton(place_key("Paoy Paet")) == skeleton(place_key("Poipet"))
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
