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
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from ..gazetteer import get_gazetteer
from ..normalize import tokenize, word_list
from ..settings import depends_on_settings
from .named_alone import KIND_WORDS

if TYPE_CHECKING:
    from .result import GeocodeResult, Reader

__all__ = ["kind_first_text", "listed_names", "prepare", "read_kind_first"]

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


@cache
def _list_pattern() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Names listed before a plural kind word ("the Crown, Moc Bai and Heng Heng compounds")
    and after it ("les casinos Titan King et Le Macau"), the split between the listed names
    (a comma or a word of role ``coordinator``), and each plural kind word → its English
    singular (role ``kind_plural_<kind>``)."""
    plural: dict[str, str] = {}
    for kind in sorted(KIND_WORDS):
        for word in word_list(f"kind_plural_{kind}"):
            plural[word.lower()] = kind
    joins = "|".join(re.escape(w) for w in sorted(word_list("coordinator"), key=len, reverse=True))
    kinds = "|".join(re.escape(w) for w in sorted(plural, key=len, reverse=True)) or "(?!)"
    item = _NAME
    listed = rf"{item}(?:(?:,[ \t]*|[ \t]+(?:{joins})[ \t]+){item})+"
    pattern = re.compile(
        rf"(?<!\w)(?P<before>{listed})[ \t]+(?i:(?P<kind>{kinds}))(?!\w)"
        rf"|(?<!\w)(?i:(?P<kind2>{kinds}))[ \t]+(?P<after>{listed})"
    )
    return pattern, re.compile(rf",[ \t]*|[ \t]+(?:{joins})[ \t]+"), plural


def listed_names(text: str) -> tuple[list[str], str] | None:
    """The names of a list sharing one plural kind word, each with the English singular
    kind word after it ("the Crown, Moc Bai and Heng Heng compounds" → "Crown compound",
    "Moc Bai compound", "Heng Heng compound"), and that word; ``None`` when ``text`` holds
    no such list.

    Parameters
    ----------
    text : str
        The place string.

    Returns
    -------
    tuple of (list of str, str), or None
        The names with their kind word, and the kind word.
    """
    pattern, split, plural = _list_pattern()
    m = pattern.search(text)
    if m is None:
        return None
    names = m.group("before") or m.group("after")
    kind = plural[(m.group("kind") or m.group("kind2")).lower()]
    return [f"{n} {kind}" for n in split.split(names) if n], kind


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
    _list_pattern()
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


def read_kind_first(text: str, read: Reader) -> list[GeocodeResult]:
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
    results = [] if rewritten is None else _of_kind(read(rewritten[0]), rewritten[1])
    if not results:
        listed = listed_names(text)
        if listed is not None:  # each listed name read with the kind word alone
            seen: set[tuple[str | None, ...]] = set()
            for name in listed[0]:
                for r in _of_kind(read(name), listed[1]):
                    if (r.province_code, r.district_code, r.commune_code) not in seen:
                        seen.add((r.province_code, r.district_code, r.commune_code))
                        results.append(r)
    return [replace(r, confidence="medium") if r.confidence == "high" else r for r in results]


def _of_kind(results: list[GeocodeResult], kind: str) -> list[GeocodeResult]:
    """``results`` when every one is matched and one is a curated locality whose name or
    kind holds ``kind``; empty otherwise."""
    if not results or any(r.status != "matched" for r in results):
        return []
    words = _locality_words()
    if not any(kind in words.get(r.matched_name or "", ()) for r in results):
        return []
    return results
