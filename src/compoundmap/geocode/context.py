"""The context a caller states (``province=``, ``district=``): parsed into MEF 2025 codes, or
refused with a :class:`~compoundmap.errors.GeocodeError` when it names nothing.

Read by resolving (``resolve.py``) and by the entry points (``frame.py``), which parse the
context before the cache so that ``7``, ``"7"``, ``"07"``, ``"KH07"``, ``"Kampot"`` and
``"ខេត្តកំពត"`` share one cache entry and one answer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache

from ..errors import GeocodeError
from ..gazetteer import get_gazetteer
from ..normalize import place_key
from ..schema import Precision
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .index import Entry, name_index
from .result import GeocodeResult, unit_name, unit_point
from .spot import spot

__all__ = ["Context", "context_text", "parse_context", "refine"]

_SIZES = get_settings()  # cache sizes are read once, here

_LEVEL = {"province": 1, "district": 2}
_PCODE_RE = re.compile(r"^KH(\d{2,6})$", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """Provinces and districts the caller states (``province=``/``district=``)."""

    provinces: frozenset[str]
    districts: frozenset[str]

    def supports(self, e: Entry) -> bool:
        """Whether ``e`` lies in a stated district (or, with none, a stated province)."""
        if self.districts:
            return e.district_code in self.districts if e.district_code else False
        return bool(self.provinces) and e.province_code in self.provinces

    @cached_property
    def all_provinces(self) -> frozenset[str]:
        """The stated provinces and the provinces of the stated districts."""
        return self.provinces | {d[:2] for d in self.districts}

    def contradicts(self, e: Entry) -> bool:
        """Whether ``e`` lies outside the stated provinces, or in another district than the
        stated ones (an entry without a district does not contradict a stated district)."""
        if self.all_provinces and e.province_code not in self.all_provinces:
            return True
        return bool(self.districts and e.district_code) and e.district_code not in self.districts

    def key(self) -> tuple[str | None, str | None]:
        """The context as canonical ``(province, district)`` text (codes joined by ``;``)."""
        return (
            ";".join(sorted(self.provinces)) or None,
            ";".join(sorted(self.districts)) or None,
        )


def context_text(value: object) -> str | None:
    """A context argument as text: ``None``, NaN and blanks → ``None``; numbers as their
    integer digits (``7`` and ``7.0`` → ``"7"``: spreadsheets store codes as numbers)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    text = str(value).strip()
    return text or None


@cache
def _pcodes() -> dict[str, str]:
    """OCHA/HDX p-code (``KH07``, ``KH0708``) → MEF 2025 code, from the gazetteer."""
    units = get_gazetteer().units
    return {
        str(p).upper(): str(c)
        for p, c in zip(units["pcode"], units["code"], strict=True)
        if isinstance(p, str) and p
    }


def _code_of(part: str, kind: str) -> str | None:
    """The unit a code names: MEF codes with or without their leading zero, or a p-code;
    a finer unit's code gives its province (or district). ``None`` when ``part`` is no code."""
    gaz = get_gazetteer()
    m = _PCODE_RE.match(part)
    if m:
        code = _pcodes().get(part.upper())
        if code is None:
            return ""
    elif part.isdigit():
        code = part.zfill(len(part) + len(part) % 2)
        if not gaz.has(code):
            return ""
    else:
        return None
    width = 2 * _LEVEL[kind]
    return code[:width] if len(code) >= width else ""


def _named(part: str, kind: str) -> set[str]:
    """Codes of the units of ``kind`` a name means. A district context may be any place
    inside a district ("Siem Reap city", "Chrey Thom"): its district counts."""
    entries = name_index().get(place_key(part), ())
    chosen = {e.code for e in entries if e.kind == kind and e.code}
    if chosen:
        return chosen
    found = [e for m in spot(part) if not m.reference for e in m.entries]
    chosen = {e.code for e in found if e.kind == kind and e.code}
    if chosen or kind == "province":
        return chosen
    districts = {e.district_code for e in found if e.district_code and not e.confirm}
    return districts if len(districts) == 1 else set()


def _context_codes(value: str | None, kind: str) -> frozenset[str]:
    """Codes of the provinces (or districts) a context argument names: MEF codes (leading
    zero optional), p-codes, names in any spelling or script the index knows, several
    separated by ``;`` ``,`` ``/`` or ``|``.

    Raises
    ------
    GeocodeError
        If a part names no unit of that level.
    """
    if not value:
        return frozenset()
    out: set[str] = set()
    for part in re.split(r"[;,/|]", value):
        part = part.strip()
        if not part:
            continue
        code = _code_of(part, kind)
        found = ({code} if code else set()) if code is not None else _named(part, kind)
        if not found:
            raise GeocodeError(
                f"{kind}={part!r} names no {kind} of Cambodia: give a MEF code ('07' or 7), "
                f"a p-code ('KH07') or a name ('Kampot', 'ខេត្តកំពត')"
            )
        out.update(found)
    return frozenset(out)


@depends_on_settings
@lru_cache(maxsize=_SIZES.context_cache_size)
def parse_context(province: str | None, district: str | None) -> Context:
    """The :class:`Context` of the ``province``/``district`` arguments (text, see
    :func:`context_text`).

    Parameters
    ----------
    province : str or None
        The provinces the caller states: MEF codes (leading zero optional), p-codes or
        names in any spelling or script the index knows, several separated by ``;`` ``,``
        ``/`` or ``|``; ``None`` for none.
    district : str or None
        The districts the caller states, written the same way (a place inside a district
        counts as its district); ``None`` for none.

    Returns
    -------
    Context
        The stated province and district codes; the districts kept are those inside the
        stated provinces.

    Raises
    ------
    GeocodeError
        If a value names nothing, or the district lies in none of the stated provinces.

    Examples
    --------
    >>> sorted(parse_context("7", None).provinces), sorted(parse_context("KH22", None).provinces)
    (['07'], ['22'])
    """
    provinces = _context_codes(province, "province")
    districts = _context_codes(district, "district")
    if provinces and districts:
        inside = frozenset(d for d in districts if d[:2] in provinces)
        if not inside:
            raise GeocodeError(
                f"district={district!r} lies in none of the stated provinces ({province!r})"
            )
        districts = inside
    return Context(provinces, districts)


_PROVINCE = int(Precision.PROVINCE)  # (an int: an enum member is looked up at each use)


def refine(result: GeocodeResult, ctx: Context) -> GeocodeResult:
    """A place the string names only to its province, made finer by the one stated
    district inside that province ("Siem Reap" with ``district="Siem Reap city"``):
    district precision, ``method`` gains ``+context``. Anything else is returned as is.

    Parameters
    ----------
    result : GeocodeResult
        One answer of the geocoder.
    ctx : Context
        The provinces and districts the caller states.

    Returns
    -------
    GeocodeResult
        The answer made finer, or ``result`` itself.
    """
    if (
        result.status != "matched"
        or result.precision != _PROVINCE
        or not ctx.districts
        or not result.province_code
    ):
        return result
    inside = [d for d in sorted(ctx.districts) if d[:2] == result.province_code]
    if len(inside) != 1:
        return result
    lat, lon = unit_point(inside[0])
    return replace(
        result,
        district_code=inside[0],
        district_name=unit_name(inside[0]),
        latitude=lat,
        longitude=lon,
        precision=int(Precision.DISTRICT),
        method=result.method + "+context",
    )
