"""The optional online fallback: OpenStreetMap Nominatim through geopy, for a string the
offline geocoder cannot place.

Off by default (``geocode(..., online=True, user_agent=...)``); geopy's ``RateLimiter``
keeps to Nominatim's usage policy (one request per second, ``Settings.online_min_delay``),
answers are cached, and the admin unit of an answer comes from the offline geocoder.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..errors import GeocodeError
from ..schema import Precision
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .result import GeocodeResult, unmatched_result

__all__ = ["online_geocode"]

_SIZES = get_settings()  # cache sizes are read once, here

# Nominatim's addresstype → our precision (anything finer than a county is a point)
_ONLINE_PRECISION = {
    "country": Precision.COUNTRY,
    "state": Precision.PROVINCE,
    "province": Precision.PROVINCE,
    "county": Precision.DISTRICT,
    "district": Precision.DISTRICT,
}

_limited: dict[float, Any] = {}  # delay → the process's rate-limited look-up, made on first use


def _nominatim(user_agent: str, text: str) -> Any:
    from geopy.geocoders import Nominatim

    return Nominatim(user_agent=user_agent, timeout=get_settings().online_timeout).geocode(
        text, country_codes="kh", addressdetails=True, language="en"
    )


def _rate_limited() -> Callable[[str, str], Any]:
    """``_nominatim`` behind geopy's ``RateLimiter``, one per process and delay (the delay
    holds across every user agent): no retries and no swallowed errors, so a failure is
    reported."""
    delay = get_settings().online_min_delay
    if delay not in _limited:
        try:
            from geopy.extra.rate_limiter import RateLimiter
        except ImportError as exc:  # pragma: no cover - optional dependency
            raise GeocodeError(
                "online geocoding needs geopy: pip install compoundmap[online]"
            ) from exc
        _limited[delay] = RateLimiter(
            _nominatim,
            min_delay_seconds=delay,
            max_retries=0,
            error_wait_seconds=delay,
            swallow_exceptions=False,
        )
    limited: Callable[[str, str], Any] = _limited[delay]
    return limited


@depends_on_settings
@lru_cache(maxsize=_SIZES.online_cache_size)
def online_geocode(
    text: str, user_agent: str, offline: Callable[[str], GeocodeResult]
) -> GeocodeResult:
    """Nominatim look-up of ``text`` (rate-limited, cached); the point is kept, the admin
    unit comes from the state/county names in Nominatim's address through ``offline`` (the
    offline geocoder).

    Parameters
    ----------
    text : str
        The place string to look up.
    user_agent : str
        The user agent Nominatim's usage policy asks every caller to name itself by.
    offline : callable
        The offline geocoder (a string → :class:`GeocodeResult`), given "county, state" of
        the address found ("Cambodia" without them).

    Returns
    -------
    GeocodeResult
        Nominatim's point with the admin unit of its address, method ``online``,
        confidence ``low``; an unmatched result when Nominatim finds nothing.

    Raises
    ------
    GeocodeError
        If geopy is not installed or the look-up fails.
    """
    lookup = _rate_limited()
    try:
        loc = lookup(user_agent, text)
    except Exception as exc:  # geopy raises many transport errors
        raise GeocodeError(f"Nominatim look-up of {text!r} failed: {exc}") from exc
    if loc is None:
        return unmatched_result(text)
    address = (loc.raw or {}).get("address", {})
    admin = offline(
        ", ".join(str(address[k]) for k in ("county", "state") if k in address) or "Cambodia"
    )
    addresstype = str((loc.raw or {}).get("addresstype", ""))
    precision = _ONLINE_PRECISION.get(addresstype, Precision.PLACE)
    return GeocodeResult(
        **{
            **admin.to_dict(),
            "query": text,
            "latitude": float(loc.latitude),
            "longitude": float(loc.longitude),
            "precision": int(precision) if admin.province_code else int(Precision.COUNTRY),
            "score": get_settings().online_score,
            "method": "online",
            "matched_name": str(loc.address),
            "candidates": (),
            "confidence": "low",
        }
    )
