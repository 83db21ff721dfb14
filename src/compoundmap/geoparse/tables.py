"""The geoparser's name tables: the geocoder's name index as a candidate filter, and the
country names and demonyms (pycountry and ``data/raw/gazetteer/demonyms.csv``), each Latin
key with every prefix so a scan stops as soon as no name can continue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import pandas as pd
import pycountry

from .._data import raw_path
from .._util import fold_word, require_columns
from ..errors import DataFileError
from ..geocode import name_index
from ..normalize import clean_text, tokenize
from ..settings import depends_on_settings
from ..settings import get as get_settings

__all__ = [
    "KATAKANA_RE",
    "NONLATIN_RE",
    "SPACED_RE",
    "NameInfo",
    "Table",
    "country_info",
    "country_table",
    "nonlatin_form",
    "place_table",
    "spaced_place_keys",
    "spaced_surface_names",
    "token_info",
]

_SIZES = get_settings()  # cache sizes are read once, here

# Scripts written without spaces between words: scanned character by character.
NONLATIN_RE = re.compile(
    "[\u0e00-\u0e7f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u200b]+"
)
KATAKANA_RE = re.compile("[\u30a0-\u30ff\u31f0-\u31ff]")
# Scripts other than Latin written with spaces between words (Cyrillic, Arabic, Devanagari):
# a run of their words, read word by word (their letters and signs; not the Arabic comma,
# semicolon, question mark and full stop nor the Devanagari dandas).
_SPACED_LETTERS = "\u0400-\u04ff\u0610-\u061a\u0620-\u06d3\u06d5-\u06ff\u0900-\u0963\u0966-\u097f"
SPACED_RE = re.compile(f"[{_SPACED_LETTERS}]+(?:[ \t]+[{_SPACED_LETTERS}]+)*")


@depends_on_settings
@lru_cache(maxsize=_SIZES.text_token_cache_size)
def token_info(token: str) -> tuple[str, bool, bool]:
    """Folded key of one token by the project's normaliser, and whether it is an admin word
    or a stopword (cached: a corpus has few distinct capitalised words)."""
    toks = tokenize(token)
    key = "".join(t.text for t in toks)
    admin = bool(toks) and all(t.admin is not None for t in toks)
    edge = not toks or admin or all(t.stop for t in toks)
    return key, edge, admin


# --- name tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """Names keyed as the geocoder keys them (folded tokens joined without spaces), with every
    prefix of every key so a scan stops as soon as no name can continue; and names in
    scripts written without spaces as they are written (found by an automaton, see
    ``scripts.py``)."""

    latin: dict[str, Any]
    prefixes: frozenset[str]
    nonlatin: dict[str, Any]


@lru_cache(maxsize=_SIZES.text_char_cache_size)
def _clean_char(ch: str) -> str:
    return clean_text(ch) if ch.strip() else ""


def nonlatin_form(text: str) -> tuple[str, list[int]]:
    """``clean_text`` applied character by character, with each output character's offset
    in ``text`` (NFKC can lengthen Thai; zero-width characters and ・ go)."""
    parts = list(map(_clean_char, text))
    folded = "".join(parts)
    if set(map(len, parts)) <= {1}:
        offsets = list(range(len(text)))  # the usual case: one character for one
    else:
        offsets = [i for i, p in enumerate(parts) for _ in p]
    return folded.replace("\u17d2\u178a", "\u17d2\u178f"), offsets


def build_table(
    latin_keys: Iterable[tuple[str, Any]], nonlatin: Iterable[tuple[str, Any]]
) -> Table:
    """A :class:`Table` of names: Latin keys with their prefixes, other scripts compacted.

    Parameters
    ----------
    latin_keys : iterable of (str, object)
        Folded keys (tokens joined without spaces) and their values; the first value of a
        key is kept, empty keys are skipped.
    nonlatin : iterable of (str, object)
        Names in scripts written without spaces and their values; each is kept in its
        :func:`nonlatin_form` without spaces, the first value of a form winning.

    Returns
    -------
    Table

    Examples
    --------
    >>> t = build_table([("kohkong", 1), ("kohkong", 2)], [])
    >>> t.latin, "koh" in t.prefixes
    ({'kohkong': 1}, True)
    """
    latin: dict[str, Any] = {}
    for key, value in latin_keys:
        if key and key not in latin:
            latin[key] = value
    prefixes = frozenset(k[:n] for k in latin for n in range(1, len(k) + 1))
    scripts: dict[str, Any] = {}
    for name, value in nonlatin:
        compact = "".join(nonlatin_form(name)[0].split())
        if compact and NONLATIN_RE.fullmatch(compact):
            scripts.setdefault(compact, value)
    return Table(latin, prefixes, scripts)


#: Country names that are also common given names or words ("Jordan", "Chad", "Georgia").
_AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Jersey", "Turkey", "Guinea"})


@cache
def _demonym_rows() -> tuple[tuple[str, str, str], ...]:
    """``(name, alpha-2, form)`` of ``data/raw/gazetteer/demonyms.csv``, checked."""
    path = raw_path("gazetteer", "demonyms.csv")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{path}: cannot read bundled CSV: {exc}") from exc
    require_columns(df, ("name", "country_code", "form", "source"), str(path))
    rows = []
    for i, (name, code, form, source) in enumerate(
        df[["name", "country_code", "form", "source"]].itertuples(index=False), start=2
    ):
        if pycountry.countries.get(alpha_2=str(code)) is None:
            raise DataFileError(
                f"{path}:{i}:country_code: not an ISO 3166-1 alpha-2 code: {code!r}"
            )
        if form not in ("name", "demonym"):
            raise DataFileError(f"{path}:{i}:form: expected 'name' or 'demonym', got {form!r}")
        if not str(name).strip() or not str(source).strip():
            raise DataFileError(f"{path}:{i}: every row needs a name and a source")
        rows.append((str(name), str(code), str(form)))
    return tuple(rows)


@depends_on_settings
@cache
def country_table() -> Table:
    """The country names (pycountry's, less the ambiguous ones) and the bundled demonyms.

    Returns
    -------
    Table
        Values ``(alpha-2, form)`` for names in other scripts and ``(alpha-2, form,
        capitals)`` for Latin keys, ``capitals`` True for an acronym (US, UK), matched only
        when written in capitals; ``form`` is ``"name"`` or ``"demonym"``.

    Examples
    --------
    >>> country_table().latin["cambodia"]
    ('KH', 'name', False)
    """
    names = [(name, (code, form)) for name, code, form in _demonym_rows()]
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", c.name)):
            if "," not in name and name not in _AMBIGUOUS_COUNTRY_NAMES:
                names.append((name, (c.alpha_2, "name")))
    latin = []
    nonlatin = []
    for name, value in names:
        if NONLATIN_RE.search(name):
            nonlatin.append((name, value))
        else:
            # acronyms (US, UK, PRC) match only in capitals: "us" is a pronoun
            caps = name.replace(" ", "").isupper()
            latin.append(("".join(t.text for t in tokenize(name)), (*value, caps)))
    return build_table(latin, nonlatin)


@cache
def country_info(alpha_2: str) -> tuple[str, str]:
    """The common English name and the alpha-3 code of a country.

    Parameters
    ----------
    alpha_2 : str
        An ISO 3166-1 alpha-2 code.

    Returns
    -------
    tuple of (str, str)

    Raises
    ------
    DataFileError
        If the code is not an ISO 3166-1 code.

    Examples
    --------
    >>> country_info("KH")
    ('Cambodia', 'KHM')
    """
    c = pycountry.countries.get(alpha_2=alpha_2)
    if c is None:  # checked when the table is read
        raise DataFileError(f"unknown ISO 3166-1 code {alpha_2!r}")
    return str(getattr(c, "common_name", c.name)), str(c.alpha_3)


@dataclass(frozen=True)
class NameInfo:
    """What the index says about one Latin key: whether it names only villages (which the
    geocoder confirms only with context), only communes, villages or GeoNames hamlets (names
    that are often one word of a longer name), and the spellings it was indexed from."""

    village_only: bool
    minor: bool
    spellings: frozenset[str]


@depends_on_settings
@cache
def place_table() -> Table:
    """The geocoder's name index as a candidate filter (the geocoder decides each match)."""
    latin: list[tuple[str, NameInfo]] = []
    nonlatin: list[tuple[str, bool]] = []
    towns = get_settings().town_population
    for key, entries in name_index().items():
        places = [e for e in entries if e.kind != "country"]
        if not places:
            continue  # "Cambodia" is a country mention, not a place
        if key.isascii():
            village_only = all(e.kind == "village" for e in places)
            # communes, villages and GeoNames hamlets: names that are often one word of a
            # longer name ("Tien" of "Ha Tien", "Lam" of "Lam Dong")
            minor = all(
                e.kind in ("village", "commune") or (e.kind == "place" and e.population < towns)
                for e in places
            )
            spellings = frozenset(fold_word(e.name) for e in places)
            latin.append((key, NameInfo(village_only, minor, spellings)))
        elif NONLATIN_RE.fullmatch(key):
            nonlatin.append((key, True))
    return build_table(latin, nonlatin)


@depends_on_settings
@cache
def spaced_place_keys() -> frozenset[str]:
    """Keys of the geocoder's place names written in Cyrillic (as the geocoder folds them:
    "сиануквиль"), which neither the Latin table nor the table of scripts without spaces
    holds. Arabic and Devanagari names are matched as written instead
    (:func:`spaced_surface_names`): their keys drop vowel signs, and a key such as "कपट"
    (Kampot) is also an ordinary Hindi word (deceit)."""
    return frozenset(
        key
        for key, entries in name_index().items()
        if key and _CYRILLIC_RE.fullmatch(key) and any(e.kind != "country" for e in entries)
    )


_CYRILLIC_RE = re.compile("[\u0400-\u04ff]+")


@cache
def spaced_surface_names() -> frozenset[str]:
    """Place names written in Arabic or Devanagari script exactly as the curated aliases
    (``aliases.csv``) and GeoNames' alternate names (``khm_geonames_places.csv``) write
    them ("पोइपेट", "नोम पेन्ह"), words separated by one space."""
    names: list[str] = []
    aliases = pd.read_csv(raw_path("gazetteer", "aliases.csv"), dtype=str, keep_default_na=False)
    names.extend(aliases["alias"])
    places = pd.read_csv(
        raw_path("gazetteer", "khm_geonames_places.csv"), dtype=str, keep_default_na=False
    )
    for alternates in places["alternatenames"]:
        names.extend(alternates.split("|"))
    out = set()
    for name in names:
        name = " ".join(name.split())
        if name and SPACED_RE.fullmatch(name) and not _CYRILLIC_RE.search(name):
            out.add(name)
    return frozenset(out)
