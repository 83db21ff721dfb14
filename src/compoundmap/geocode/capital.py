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
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..normalize import word_list
from ..settings import depends_on_settings

if TYPE_CHECKING:
    from .result import GeocodeResult, Reader

__all__ = ["capital_text", "read_capital"]

#: The capital's name as the gazetteer writes it (MEF 2025 province 12, Phnom Penh).
_CAPITAL = "Phnom Penh"


@depends_on_settings
@cache
def _phrases() -> tuple[str, ...]:
    """The phrases, lower case, curly apostrophes written straight, longest first."""
    found = {w.lower().replace("\u2019", "'") for w in word_list("capital_of_cambodia")}
    return tuple(sorted(found, key=len, reverse=True))


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
    lower = text.lower().replace("\u2019", "'")
    for phrase in _phrases():
        at = lower.find(phrase)
        if at >= 0 and (at == 0 or not lower[at - 1].isalnum()):
            end = at + len(phrase)
            if end == len(lower) or not lower[end].isalnum():
                return f"{text[:at]}{_CAPITAL}{text[end:]}"
    return None


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
        return []
    results = [r for r in read(rewritten) if r.province_code]
    return [replace(r, method=f"{r.method}+capital") for r in results]
