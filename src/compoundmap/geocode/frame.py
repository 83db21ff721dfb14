"""The geocoder's entry points: one string (:func:`geocode`), a field that may name several
places (:func:`geocode_places`) and a column of a DataFrame (:func:`geocode_frame`).

Each turns raw values into text and context, caches per (text, province, district), and
hands the string to resolving (``resolve.py``).
"""

from __future__ import annotations

import gc
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

import pandas as pd

from .._data import raw_path
from .._util import as_text
from ..errors import GeocodeError, MissingColumnError
from ..normalize import place_key
from ..schema import Precision
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .index import Entry
from .online import online_geocode
from .resolve import parse_context, resolve_places
from .result import GeocodeResult, ambiguous_result, unmatched_result

__all__ = ["FRAME_COLUMNS", "geocode", "geocode_frame", "geocode_places", "paused_gc"]

_SIZES = get_settings()  # cache sizes are read once, here


def _as_ctx(value: object) -> str | None:
    """A context argument as stripped text, ``None`` when empty or missing."""
    s = as_text(value).strip()
    return s or None


# --- places outside Cambodia ------------------------------------------------------------


@cache
def _foreign_keys() -> tuple[dict[str, str], frozenset[str]]:
    """Name key → "Name (CC)" of places outside Cambodia that reporting names on their own
    (``data/raw/gazetteer/foreign_places.csv``), so that "Bangkok" never lands on a
    Cambodian commune that sounds like it; and a quick pattern of their names, so that
    strings naming none of them cost one set look-up (their first words)."""
    table = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    keys = {
        place_key(n): f"{n} ({cc})"
        for n, cc in zip(table["name"], table["country_code"], strict=True)
    }
    return keys, frozenset(n.lower().split()[0] for n in table["name"])


_WORD_RE = re.compile(r"\w+")
_PART_SPLIT = re.compile(r"[,;/()|]+|\s+-\s+|\band\b")


def _foreign(text: str) -> GeocodeResult | None:
    """An unmatched result explaining itself when every part of ``text`` names a place
    outside Cambodia ("Bangkok", "Moc Bai, Vietnam"); ``None`` otherwise."""
    known, first_words = _foreign_keys()
    if first_words.isdisjoint(_WORD_RE.findall(text.lower())):
        return None
    keys = [place_key(p) for p in _PART_SPLIT.split(text)]
    keys = [k for k in keys if k]
    if not keys or not all(k in known for k in keys):
        return None
    return GeocodeResult(
        query=text, status="unmatched", method="foreign", matched_name=known[keys[0]]
    )


# --- one string -----------------------------------------------------------------------


def _several_places(text: str, results: list[GeocodeResult]) -> GeocodeResult:
    """Several distinct places in one string: ambiguous, resolved to a shared ancestor,
    the places as candidates."""
    matched = [r for r in results if r.status == "matched" and r.province_code]
    entries = [
        Entry(
            r.matched_name or "",
            "commune" if r.commune_code else "district" if r.district_code else "province",
            r.province_code,
            r.district_code,
            r.commune_code,
            r.latitude,
            r.longitude,
            0,
            "",
        )
        for r in matched
    ]
    if not entries:
        return results[0]
    out = ambiguous_result(text, entries, min(r.score for r in results), "multiple")
    cands = tuple(
        {
            "code": r.commune_code or r.district_code or r.province_code or "",
            "name": r.commune_name or r.district_name or r.province_name,
            "level": "commune" if r.commune_code else "district" if r.district_code else "province",
            "province_code": r.province_code,
        }
        for r in matched
    )
    return replace(out, candidates=cands)


@depends_on_settings
@lru_cache(maxsize=_SIZES.geocode_cache_size)
def _geocode_cached(text: str, province: str | None, district: str | None) -> GeocodeResult:
    foreign = _foreign(text)
    if foreign is not None:
        return foreign
    results = resolve_places(text, text, parse_context(province, district))
    if not results:
        return unmatched_result(text)
    if len(results) == 1:
        return results[0]
    return _several_places(text, results)


def geocode(
    text: object,
    *,
    province: str | None = None,
    district: str | None = None,
    online: bool = False,
    user_agent: str | None = None,
) -> GeocodeResult:
    """Geocode one place string to a Cambodian admin unit, offline.

    Parameters
    ----------
    text : object
        The place string as the source writes it (any language or script). ``None``, NaN
        and non-strings are accepted; they never raise.
    province, district : str, optional
        Context: a province/district the source states (names in any supported spelling,
        several separated by ``;``, or MEF codes). Used only to choose between candidates;
        context alone never locates a string.
    online : bool, default False
        Ask OpenStreetMap Nominatim (geopy) when the offline geocoder finds nothing. Needs
        ``user_agent``; rate-limited to one request per second and cached.
    user_agent : str, optional
        Required with ``online=True`` (Nominatim's usage policy).

    Returns
    -------
    GeocodeResult

    Raises
    ------
    GeocodeError
        If ``online=True`` without a ``user_agent``.

    Examples
    --------
    >>> r = geocode("Tumnob Rolok commune, Steung Hav district, Preah Sihanouk")
    >>> r.commune_code, r.district_name, r.precision
    ('180303', 'Stueng Hav', 3)
    >>> geocode("Samraong", province="Oddar Meanchey").district_code
    '2204'
    """
    if online and not user_agent:
        raise GeocodeError(
            "online=True needs a user_agent naming your application (Nominatim usage policy)"
        )
    s = as_text(text)
    result = _geocode_cached(s, _as_ctx(province), _as_ctx(district))
    if online and result.status == "unmatched" and s.strip():
        return online_geocode(s, str(user_agent), geocode)
    return result


# --- a field naming several places --------------------------------------------------------


def geocode_places(
    text: object, *, province: str | None = None, district: str | None = None
) -> list[GeocodeResult]:
    """Geocode a field that may name several distinct places: one result per place.

    Names that form one hierarchy are one place ("O'Smach; Oddar Meanchey" → 1 result);
    distinct places are separate ("Phnom Penh; Sihanoukville" → 2, "Kandal; Stung Treng"
    → 2). A province named only as context for another name is merged into it; "Cambodia"
    and names given only as a reference point ("50 km from Poipet") are dropped when
    anything else matched. Never returns an empty list: an unmatched field gives one
    unmatched result.

    Parameters
    ----------
    text : object
        The location field.
    province, district : str, optional
        Context, as for :func:`geocode`.

    Returns
    -------
    list of GeocodeResult

    Examples
    --------
    >>> [r.province_code for r in geocode_places("Phnom Penh; Sihanoukville")]
    ['12', '18']
    >>> len(geocode_places("O'Smach; Oddar Meanchey"))
    1
    """
    s = as_text(text)
    return list(_places_cached(s, _as_ctx(province), _as_ctx(district)))


def _second_chance(
    text: str, results: list[GeocodeResult], provinces: frozenset[str]
) -> list[GeocodeResult]:
    """An ambiguous name gets a second chance with the provinces of the field's other
    places (and the stated ones): when exactly one candidate lies in them, it is taken."""
    matched = [r for r in results if r.status == "matched"]
    provs = {r.province_code for r in matched if r.province_code}
    extra = ";".join(sorted(provs | set(provinces)))
    out: list[GeocodeResult] = []
    for r in results:
        if r.status == "ambiguous":
            fits = [c for c in r.candidates if c.get("province_code") in provs]
            if len(fits) == 1:
                code = str(fits[0]["code"])
                again = resolve_places(text, str(fits[0]["name"] or ""), parse_context(extra, None))
                hit = [
                    a
                    for a in again
                    if a.status == "matched"
                    and code in (a.commune_code, a.district_code, a.province_code)
                ]
                if hit:
                    r = replace(
                        hit[0], query=text, candidates=(), method=hit[0].method + "+hierarchy"
                    )
        out.append(r)
    return out


def _nested(a: GeocodeResult, b: GeocodeResult) -> bool:
    """Whether two matched results lie one inside the other (same chain of codes)."""
    if a.status != "matched" or b.status != "matched":
        return False
    if a.precision == Precision.COUNTRY or b.precision == Precision.COUNTRY:
        return False
    if a.province_code != b.province_code:
        return False
    if a.district_code and b.district_code and a.district_code != b.district_code:
        return False
    return not (a.commune_code and b.commune_code and a.commune_code != b.commune_code)


def _merge_nested(results: list[GeocodeResult]) -> list[GeocodeResult]:
    """Results that lie inside one another are one place (kept: the finer)."""
    merged: list[GeocodeResult] = []
    for r in results:
        for k, m in enumerate(merged):
            if _nested(r, m):
                if (r.precision or 9) < (m.precision or 9):
                    merged[k] = r
                break
        else:
            merged.append(r)
    return merged


@depends_on_settings
@lru_cache(maxsize=_SIZES.places_cache_size)
def _places_cached(
    text: str, province: str | None, district: str | None
) -> tuple[GeocodeResult, ...]:
    ctx = parse_context(province, district)
    results = resolve_places(text, text, ctx)
    if not results:
        return (unmatched_result(text),)
    matched = [r for r in results if r.status == "matched"]
    if matched and len(matched) < len(results):
        results = _second_chance(text, results, ctx.provinces)
    merged = _merge_nested(results)
    if len(merged) > 1:
        merged = [r for r in merged if r.precision != Precision.COUNTRY] or merged
    return tuple(merged)


# --- frames ---------------------------------------------------------------------------

#: Columns :func:`geocode_frame` adds (codes as strings with leading zeros).
FRAME_COLUMNS = [
    "province_code",
    "province_name",
    "district_code",
    "district_name",
    "commune_code",
    "commune_name",
    "latitude",
    "longitude",
    "precision",
    "match_score",
    "match_method",
    "match_status",
    "matched_name",
]

# FRAME_COLUMNS → the GeocodeResult attribute each is read from
_RESULT_FIELD = {
    **{c: c for c in FRAME_COLUMNS},
    "match_score": "score",
    "match_method": "method",
    "match_status": "status",
}


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector inside a ``with`` block; its previous state comes
    back on exit, also on error.

    Geocoding allocates many short-lived objects and makes no reference cycles; pausing
    the collector for a batch saves it rescanning the large cached index again and again
    (about 30 % faster). Reference counting still frees everything.

    Examples
    --------
    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def geocode_frame(
    df: pd.DataFrame,
    column: str,
    *,
    province_column: str | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Geocode a column of a DataFrame; returns a copy with the result columns added.

    Repeated (text, province) pairs are geocoded once. A tqdm progress bar is shown for
    long runs (over 5,000 distinct strings: ``Settings.progress_min_strings``) when stderr
    is a terminal, or when ``progress=True``. No row is ever dropped. The cyclic garbage
    collector is paused during the batch only (:func:`paused_gc`).

    Parameters
    ----------
    df : pandas.DataFrame
    column : str
        Column holding the place strings.
    province_column : str, optional
        Column holding the stated province, used as context.
    progress : bool, optional
        Force the progress bar on or off.

    Returns
    -------
    pandas.DataFrame
        ``df`` plus ``province_code, province_name, district_code, district_name,
        commune_code, commune_name, latitude, longitude, precision, match_score,
        match_method, match_status, matched_name`` (codes as strings, ``None`` when absent;
        ``precision`` a nullable integer).

    Raises
    ------
    MissingColumnError
        If ``column`` or ``province_column`` is not in ``df``.

    Examples
    --------
    >>> out = geocode_frame(pd.DataFrame({"place": ["Bavet", "Poipet"]}), "place")
    >>> list(out["province_code"])
    ['20', '01']
    """
    for col in (column, province_column):
        if col is not None and col not in df.columns:
            raise MissingColumnError(col, [str(c) for c in df.columns])
    texts = [as_text(v) for v in df[column].tolist()]
    provs = (
        [_as_ctx(v) for v in df[province_column].tolist()]
        if province_column is not None
        else [None] * len(texts)
    )
    pairs = list(zip(texts, provs, strict=True))
    unique = list(dict.fromkeys(pairs))
    min_strings = get_settings().progress_min_strings
    show = progress if progress is not None else (len(unique) > min_strings and sys.stderr.isatty())
    iterator: Iterable[tuple[str, str | None]] = unique
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(unique, desc="geocoding", unit="str")
    with paused_gc():
        done = {p: geocode(p[0], province=p[1]) for p in iterator}
    rows = [done[p] for p in pairs]
    out = df.copy()
    for col in FRAME_COLUMNS:
        values: list[Any] = [getattr(r, _RESULT_FIELD[col]) for r in rows]
        if col in ("latitude", "longitude", "match_score"):
            out[col] = pd.array(values, dtype="Float64")
        elif col == "precision":
            out[col] = pd.array(values, dtype="Int64")
        else:
            out[col] = pd.Series(values, index=out.index, dtype=object)
    return out
