"""The geocoder's entry points: one string (:func:`geocode`), a field that may name several
places (:func:`geocode_places`) and a column of a DataFrame (:func:`geocode_frame`).

Each turns raw values into text and context, caches per (text, province, district), and
hands the string to resolving (``resolve.py``).
"""

from __future__ import annotations

import gc
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from operator import attrgetter
from typing import Any, TypeVar

import pandas as pd

from .._util import as_text, require_columns
from ..errors import GeocodeError, GeocodeWarning
from ..normalize import Token
from ..schema import Precision
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .abroad import foreign_result, may_name_abroad
from .capital import read_capital
from .context import Context, context_text, parse_context, refine
from .institutions import read_institution
from .kind_first import prepare as prepare_kind_first
from .kind_first import read_kind_first
from .landmark_typos import prepare as prepare_landmark_typos
from .landmark_typos import read_repaired
from .online import online_geocode
from .places import drop_weak_abroad, named_here
from .places import prepare as prepare_places
from .provincial_capital import read_provincial_capital
from .resolve import resolve_places
from .result import GeocodeResult, unmatched_result
from .romanised import prepare as prepare_romanised
from .romanised import read_romanised, read_romanised_beside
from .several import merge_nested, second_chance, several_places
from .spot import prepare

__all__ = ["FRAME_COLUMNS", "geocode", "geocode_frame", "geocode_places", "paused_gc"]

_SIZES = get_settings()  # cache sizes are read once, here
_R = TypeVar("_R")
#: (read for every string: C-level tests, no generator per string)
_PROVINCE = attrgetter("province_code")


# --- one string -----------------------------------------------------------------------


def _context(province: object, district: object) -> tuple[str | None, str | None]:
    """The stated context as canonical codes (``7``, ``"07"``, ``"KH07"`` and ``"Kampot"``
    give one key, so one cache entry and one answer).

    Raises
    ------
    GeocodeError
        If a value names nothing (:func:`~compoundmap.geocode.context.parse_context`).
    """
    if province is None and district is None:
        return None, None  # most calls
    p, d = context_text(province), context_text(district)
    if p is None and d is None:
        return None, None
    return parse_context(p, d).key()


def _without_gc(fn: Callable[..., _R], *args: Any) -> _R:
    """``fn(*args)`` with the cyclic garbage collector paused (as :func:`paused_gc` does
    for a batch, without its generator): a call's short-lived objects are freed by
    reference counting before it returns, so the collections they would set off midway
    find nothing to collect (they cost about 8 % of the time of one string)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return fn(*args)
    finally:
        if collecting:
            gc.enable()


@depends_on_settings
@cache
def _prepared() -> None:
    """Build the index and its look-up tables once per process (and settings), before the
    first string: none is built midway through a batch (:func:`~.spot.prepare`,
    :func:`~.places.prepare`, :func:`~.landmark_typos.prepare`,
    :func:`~.kind_first.prepare`, :func:`~.romanised.prepare`)."""
    prepare()
    prepare_places()
    prepare_landmark_typos()
    prepare_kind_first()
    prepare_romanised()


def _resolved(
    text: str, province: str | None, district: str | None
) -> tuple[list[GeocodeResult], Context | None]:
    """The places ``text`` names (weak look-alikes of places abroad dropped) and the context
    read; for a field naming only places abroad its one ``foreign`` result and no context
    (``geocode`` and ``geocode_places`` alike: "Bokeo, Laos" is not Bar Kaev) — unless the
    caller states the province of a Cambodian place bearing that name ("Sekong commune",
    province Stung Treng: :func:`~.places.named_here`)."""
    _prepared()
    abroad = may_name_abroad(text)  # (both tests below start with it: tested once)
    foreign = foreign_result(text) if abroad else None
    ctx = parse_context(province, district)

    def read(toks: str | tuple[Token, ...]) -> list[GeocodeResult]:
        results = resolve_places(text, toks, ctx)
        if ctx.districts:  # (``refine`` returns a result as it is without a stated district)
            results = [refine(r, ctx) for r in results]
        return drop_weak_abroad(text, results, ctx.all_provinces) if abroad else results

    if foreign is not None and not named_here(text, ctx.all_provinces):
        # ("Casino Moc Bai": the Bavet casino, not Moc Bai abroad)
        kinds = read_kind_first(text, read)
        return (kinds, ctx) if kinds else ([foreign], None)
    results = read_repaired(text, read)  # a curated landmark's name with one typo
    if not results:  # a landmark written with its kind word first ("Kasino Mocbai")
        results = read_kind_first(text, read)
    if not any(map(_PROVINCE, results)):
        # only Cambodia named, or nothing: "the outskirts of Cambodia's capital", "la
        # capitale cambodgienne"
        results = read_capital(text, read) or read_institution(text, read) or results
    if not any(map(_PROVINCE, results)):  # a name in a script read only by aliases
        results = read_romanised(text, read) or results
    elif not text.isascii():  # beside a place read: words of those scripts nothing read
        results = read_romanised_beside(text, read, results)
    results = read_provincial_capital(text, read, results)  # "the capital of X province"
    return results, ctx


@depends_on_settings
@lru_cache(maxsize=_SIZES.geocode_cache_size)
def _geocode_cached(text: str, province: str | None, district: str | None) -> GeocodeResult:
    results, _ = _resolved(text, province, district)
    if not results:
        return unmatched_result(text)
    if len(results) == 1:
        return results[0]
    return several_places(text, results)


def geocode(
    text: object,
    *,
    province: object = None,
    district: object = None,
    online: bool = False,
    user_agent: str | None = None,
) -> GeocodeResult:
    """Geocode one place string to a Cambodian admin unit, offline.

    Parameters
    ----------
    text : object
        The place string as the source writes it (any language or script). ``None``, NaN
        and non-strings are accepted; they never raise.
    province, district : str or int, optional
        Context: a province/district the source states — MEF codes with or without their
        leading zero (``"07"``, ``"7"``, ``7``), p-codes (``"KH07"``), names in any spelling
        or script the gazetteer knows (``"Kampot"``, ``"ខេត្តកំពត"``), several separated by
        ``;``. A district may be given by any place in it ("Siem Reap city"). Used only to
        choose between candidates; context alone never locates a string.
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
        If ``online=True`` without a ``user_agent``, or if ``province``/``district`` names
        no unit (a context is used or refused, never silently ignored).

    Examples
    --------
    >>> r = geocode("Tumnob Rolok commune, Steung Hav district, Preah Sihanouk")
    >>> r.commune_code, r.district_name, r.precision
    ('180303', 'Stueng Hav', 3)
    >>> geocode("Samraong", province="Oddar Meanchey").district_code
    '2204'
    >>> geocode("Samraong", province=22).district_code
    '2204'
    """
    if online and not user_agent:
        raise GeocodeError(
            "online=True needs a user_agent naming your application (Nominatim usage policy)"
        )
    s = as_text(text)
    # (``_without_gc`` and ``_context`` written out: one string's call is the hot path)
    p, d = (None, None) if province is None and district is None else _context(province, district)
    collecting = gc.isenabled()
    gc.disable()
    try:
        result = _geocode_cached(s, p, d)
    finally:
        if collecting:
            gc.enable()
    if online and result.status == "unmatched" and s.strip():
        return online_geocode(s, str(user_agent), geocode)
    return result


# --- a field naming several places --------------------------------------------------------


def geocode_places(
    text: object, *, province: object = None, district: object = None
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
    province, district : str or int, optional
        Context, as for :func:`geocode`.

    Returns
    -------
    list of GeocodeResult

    Raises
    ------
    GeocodeError
        If ``province``/``district`` names no unit.

    Examples
    --------
    >>> [r.province_code for r in geocode_places("Phnom Penh; Sihanoukville")]
    ['12', '18']
    >>> len(geocode_places("O'Smach; Oddar Meanchey"))
    1
    """
    s = as_text(text)
    return list(_without_gc(_places_cached, s, *_context(province, district)))


@depends_on_settings
@lru_cache(maxsize=_SIZES.places_cache_size)
def _places_cached(
    text: str, province: str | None, district: str | None
) -> tuple[GeocodeResult, ...]:
    results, ctx = _resolved(text, province, district)
    if ctx is None:
        return tuple(results)
    if not results:
        return (unmatched_result(text),)
    matched = [r for r in results if r.status == "matched"]
    if matched and len(matched) < len(results):
        results = second_chance(text, results, ctx.provinces)
    merged = merge_nested(results)
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
    "confidence",
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


def _row_contexts(
    df: pd.DataFrame,
    province_column: str | None,
    district_column: str | None,
    province: object,
    district: object,
) -> list[tuple[str | None, str | None]]:
    """Each row's context as canonical codes. A value that names nothing is refused with a
    :class:`~compoundmap.errors.GeocodeWarning` naming the row (0-based position) and the
    value; that row is geocoded without it."""
    n = len(df)
    provs = (
        [context_text(v) for v in df[province_column].tolist()]
        if province_column
        else [context_text(province)] * n
    )
    dists = (
        [context_text(v) for v in df[district_column].tolist()]
        if district_column
        else [context_text(district)] * n
    )
    parsed: dict[tuple[str | None, str | None], tuple[str | None, str | None] | str] = {}
    for pair in dict.fromkeys(zip(provs, dists, strict=True)):
        try:
            parsed[pair] = _context(*pair)
        except GeocodeError as exc:
            parsed[pair] = str(exc)
    out: list[tuple[str | None, str | None]] = []
    for i, pair in enumerate(zip(provs, dists, strict=True)):
        ctx = parsed[pair]
        if isinstance(ctx, str):
            warnings.warn(f"row {i}: {ctx}; geocoded without it", GeocodeWarning, stacklevel=4)
            p, d = pair
            ctx = _fallback_context(p, d)
        out.append(ctx)
    return out


def _fallback_context(province: str | None, district: str | None) -> tuple[str | None, str | None]:
    """What is left of a row's context once the value that names nothing is dropped."""
    for p, d in ((province, None), (None, district)):
        try:
            return _context(p, d)
        except GeocodeError:
            continue
    return None, None


def geocode_frame(
    df: pd.DataFrame,
    column: str,
    *,
    province_column: str | None = None,
    district_column: str | None = None,
    province: object = None,
    district: object = None,
    places: bool = False,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Geocode a column of a DataFrame; returns a copy with the result columns added.

    Repeated (text, context) pairs are geocoded once. A tqdm progress bar is shown for
    long runs (over 5,000 distinct strings: ``Settings.progress_min_strings``) when stderr
    is a terminal, or when ``progress=True``. No row is ever dropped. The cyclic garbage
    collector is paused during the batch only (:func:`paused_gc`).

    Parameters
    ----------
    df : pandas.DataFrame
    column : str
        Column holding the place strings.
    province_column, district_column : str, optional
        Columns holding the stated province / district or town of each row, used as
        context (values as for :func:`geocode`). A value that names nothing gives a
        :class:`~compoundmap.errors.GeocodeWarning` naming the row, and that row is
        geocoded without it.
    province, district : str or int, optional
        One context for every row (when no column is given).
    places : bool, default False
        One row per place named (:func:`geocode_places`, as ``compoundmap build`` reads a
        field): "Phnom Penh; Sihanoukville" gives two rows. The input row's position is kept
        in ``input_row`` (0-based) and the place's rank in ``place_index``.
    progress : bool, optional
        Force the progress bar on or off.

    Returns
    -------
    pandas.DataFrame
        ``df`` plus :data:`FRAME_COLUMNS` (codes as strings, ``None`` when absent;
        ``precision`` a nullable integer); with ``places=True`` also ``input_row`` and
        ``place_index``, one row per place.

    Raises
    ------
    MissingColumnError
        If a column named is not in ``df``.
    GeocodeError
        If ``province``/``district`` (one value for all rows) names nothing.

    Examples
    --------
    >>> out = geocode_frame(pd.DataFrame({"place": ["Bavet", "Poipet"]}), "place")
    >>> list(out["province_code"])
    ['20', '01']
    >>> out = geocode_frame(pd.DataFrame({"p": ["Phnom Penh; Sihanoukville"]}), "p", places=True)
    >>> list(out["province_code"]), list(out["input_row"])
    (['12', '18'], [0, 0])
    """
    require_columns(df, [c for c in (column, province_column, district_column) if c is not None])
    if not province_column and not district_column:
        _context(province, district)  # one value for every row: refused outright
    # the whole batch with the collector paused, the reading of the rows and the building
    # of the columns too: they make many young objects and no cycle, and a collection
    # midway would rescan every cached result
    with paused_gc():
        return _geocode_rows(
            df, column, province_column, district_column, province, district, places, progress
        )


def _geocode_rows(
    df: pd.DataFrame,
    column: str,
    province_column: str | None,
    district_column: str | None,
    province: object,
    district: object,
    places: bool,
    progress: bool | None,
) -> pd.DataFrame:
    """The body of :func:`geocode_frame`, once its arguments are checked."""
    texts = [as_text(v) for v in df[column].tolist()]
    contexts = _row_contexts(df, province_column, district_column, province, district)
    keys = [(t, p, d) for t, (p, d) in zip(texts, contexts, strict=True)]
    unique = list(dict.fromkeys(keys))
    min_strings = get_settings().progress_min_strings
    show = progress if progress is not None else (len(unique) > min_strings and sys.stderr.isatty())
    iterator: Iterable[tuple[str, str | None, str | None]] = unique
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(unique, desc="geocoding", unit="str")
    if not places:
        one = {k: _geocode_cached(*k) for k in iterator}
        return _with_results(df.copy(), [one[k] for k in keys])
    done = {k: _places_cached(*k) for k in iterator}
    positions = [i for i, k in enumerate(keys) for _ in done[k]]
    out = df.iloc[positions].copy()
    out.insert(len(out.columns), "input_row", positions)
    out.insert(len(out.columns), "place_index", [j for k in keys for j in range(len(done[k]))])
    return _with_results(out, [r for k in keys for r in done[k]])


def _with_results(out: pd.DataFrame, rows: list[GeocodeResult]) -> pd.DataFrame:
    """``out`` with :data:`FRAME_COLUMNS` filled from ``rows`` (one per row of ``out``)."""
    # each result read once (its fields together), then the table transposed: a pass per
    # column over 100,000 results scattered in memory costs far more
    get = attrgetter(*(_RESULT_FIELD[c] for c in FRAME_COLUMNS))
    by_column = list(zip(*map(get, rows), strict=True)) or [()] * len(FRAME_COLUMNS)
    for col, column in zip(FRAME_COLUMNS, by_column, strict=True):
        values: list[Any] = list(column)
        if col in ("latitude", "longitude", "match_score"):
            out[col] = pd.array(values, dtype="Float64")
        elif col == "precision":
            out[col] = pd.array(values, dtype="Int64")
        else:
            out[col] = pd.Series(values, index=out.index, dtype=object)
    return out
