"""A curated landmark written with its kind word before its name.

French, Spanish, Italian, Portuguese, Indonesian, Malay, Vietnamese and Tagalog write the
kind of a landmark before its name ("Kasino Mocbai", "Casino Moc Bai", "le casino Le Macau",
"khu nghỉ dưỡng O'Smach"), where the curated locality is keyed "<name> <kind>": a name whose
bare words are an admin unit or a place abroad keeps its kind word in its key
(``builder._locality_keys``), and spotting never starts a name on a kind word (a stop word).

When the string as written places nothing (or reads as a place abroad) and holds a kind word
of ``stop_words.csv`` (role ``kind_first_<word>``: a word that, written before a name, means
the English kind word ``<word>`` of role ``landmark_kind_alone``; not "Island Paradise")
followed by capitalised words, those words are read again with the English kind word after
them. The reading is kept only when every place
it finds is matched and one of them is a curated locality whose name or kind holds that kind
word; its ``high`` answers are lowered to ``medium`` (the string did not write the name as
keyed). One regular-expression search per string; the second reading only on strings that
pass it and placed nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..gazetteer import get_gazetteer
from ..normalize import tokenize, word_list
from ..settings import depends_on_settings
from .named_alone import KIND_WORDS

if TYPE_CHECKING:
    from ..normalize import Token
    from .result import GeocodeResult

__all__ = ["kind_first_text", "prepare", "read_kind_first"]

#: A name after the kind word: capitalised words (or numbers), as written.
_NAME = r"[^\W_a-z][\w'’&-]*(?:[ \t]+[^\W_a-z][\w'’&-]*)*"


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The search for a kind word followed by a name, and each kind word (lower case) → the
    English kind word it means."""
    meaning: dict[str, str] = {}
    for kind in sorted(KIND_WORDS):  # ("Island Paradise", "Beach Lazy": not so written)
        for word in word_list(f"kind_first_{kind}"):
            meaning[word.lower()] = kind
    words = "|".join(re.escape(w) for w in sorted(meaning, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?i:({words}))[ \t]+({_NAME})"), meaning


@depends_on_settings
@cache
def _locality_words() -> dict[str, frozenset[str]]:
    """Each curated locality's name → the folded words of its name, aliases and kind."""
    loc = get_gazetteer().localities
    out: dict[str, frozenset[str]] = {}
    for name, aliases, kind in zip(loc["name"], loc["aliases"], loc["kind"], strict=True):
        written = " ".join([str(name), *map(str, aliases), str(kind)])
        out[str(name)] = out.get(str(name), frozenset()) | {t.text for t in tokenize(written)}
    return out


def prepare() -> None:
    """Build the search and the localities' words once, before the first string."""
    _pattern()
    _locality_words()


def kind_first_text(text: str) -> tuple[str, str] | None:
    """``text`` with the first name written after a kind word moved before the kind word's
    English form ("Kasino Mocbai" → "Mocbai casino"), and that English word; ``None`` when
    no kind word is followed by a capitalised name.

    Parameters
    ----------
    text : str
        The place string.

    Returns
    -------
    tuple of str, or None
        The rewritten string and the English kind word.
    """
    pattern, meaning = _pattern()
    m = pattern.search(text)
    if m is None:
        return None
    name = m.group(2)
    if name.lower() in meaning:
        return None  # two kind words ("Casino Hotel")
    kind = meaning[m.group(1).lower()]
    return f"{text[: m.start()]}{name} {kind}{text[m.end() :]}", kind


def read_kind_first(
    text: str, read: Callable[[str | tuple[Token, ...]], list[GeocodeResult]]
) -> list[GeocodeResult]:
    """The results of ``text`` read with its kind word after the name (see the module
    docstring), ``high`` lowered to ``medium``; empty when the string is not so written or
    that reading places no curated locality of that kind.

    Parameters
    ----------
    text : str
        The place string (it placed nothing as written).
    read : callable
        Reads a string or its tokens into results.

    Returns
    -------
    list of GeocodeResult
        The results, or an empty list.
    """
    rewritten = kind_first_text(text)
    if rewritten is None:
        return []
    results = read(rewritten[0])
    if not results or any(r.status != "matched" for r in results):
        return []
    words = _locality_words()
    if not any(rewritten[1] in words.get(r.matched_name or "", ()) for r in results):
        return []
    return [replace(r, confidence="medium") if r.confidence == "high" else r for r in results]
