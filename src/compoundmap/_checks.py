"""Value checks shared by every curated-file validator.

Each check maps a stripped string to a message, or ``None`` when the value is fine, so the
same function backs a pandera element-wise check and the problem message a curator reads.
Digits must be ASCII (0-9): full-width or Arabic-Indic digits are refused, not converted,
so a value means the same to every reader.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from functools import cache
from urllib.parse import urlsplit

import pandas as pd
from shapely import prepared
from shapely.geometry import MultiPolygon, Point, Polygon, shape
from shapely.geometry.base import BaseGeometry

from ._data import raw_path
from .schema import MAX_PEOPLE_COUNT

Check = Callable[[str], "str | None"]

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_INT_RE = re.compile(r"[+-]?[0-9]+")
_SPACE_RE = re.compile(r"\s")
_DECIMAL_RE = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
# C0 controls other than tab, line feed and carriage return, and DEL: never in curated text
# (a NUL truncates the value in the GeoPackage and in many tools).
CONTROL_RE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_CONTROL_NAMES = {0: "NUL"}
# Spurious Kokir communes of the MEF list (PROVENANCE §6): never a valid code.
SPURIOUS_CODES = frozenset(f"2503{n}" for n in range(15, 22))
CAMBODIA_TOLERANCE_DEG = 0.01  # ~1.1 km: border and coastal sites sit on the outline
CODE_PRECISION = {2: 4, 4: 3, 6: 2}  # code length -> precision of the unit's point


def non_ascii_digits(value: str) -> bool:
    """True when the value holds a digit other than 0-9 (full-width, Arabic-Indic, Khmer…)."""
    return any(ch.isdigit() and not ch.isascii() for ch in value)


def _digit_hint(value: str) -> str:
    """What to add to a message about ``value`` when it holds digits other than ASCII 0-9.

    Examples
    --------
    >>> _digit_hint("２０２４"), _digit_hint("2024")
    (' (write the digits as ASCII 0-9)', '')
    """
    return " (write the digits as ASCII 0-9)" if non_ascii_digits(value) else ""


def date_message(value: str) -> str | None:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` calendar date with year 1900-2100."""
    if value == "":
        return None
    m = _DATE_RE.fullmatch(value)
    if m is None:
        return f"{value!r} is not a date in YYYY, YYYY-MM or YYYY-MM-DD form{_digit_hint(value)}"
    year_s, month_s, day_s = m.groups()
    year = int(year_s)
    if not 1900 <= year <= 2100:
        return f"{value!r}: year {year} is outside 1900-2100"
    if month_s is not None and not 1 <= int(month_s) <= 12:
        return f"{value!r} is not a real date: there is no month {month_s}"
    if day_s is not None:
        try:
            date(year, int(month_s), int(day_s))
        except ValueError:
            month_name = calendar.month_name[int(month_s)]
            return f"{value!r} is not a real date: {month_name} {year} has no day {day_s}"
    return None


def date_precision(value: str) -> str:
    """Precision of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date, like ACLED's time_precision.

    Returns ``"day"``, ``"month"``, ``"year"``, or ``""`` for an empty value. The value is
    assumed valid (see :func:`compoundmap.sources.validate_sources`).

    Examples
    --------
    >>> date_precision("2024-03"), date_precision("2024"), date_precision("")
    ('month', 'year', '')
    """
    value = value.strip()
    if value == "":
        return ""
    return {4: "year", 7: "month", 10: "day"}[len(value)]


def nonempty_message(value: str) -> str | None:
    """A required value."""
    return "required value is missing" if value == "" else None


def enum_message(allowed: tuple[str, ...], column: str) -> Check:
    """One of ``allowed`` (or empty), with a hint when only the case is wrong."""

    def check(value: str) -> str | None:
        if value == "" or value in allowed:
            return None
        hint = f" (use lower case: {value.lower()!r})" if value.lower() in allowed else ""
        return f"{value!r} is not an allowed {column}{hint}; allowed: {', '.join(allowed)}"

    return check


def url_message(value: str) -> str | None:
    """An absolute http(s) URL without spaces."""
    if value == "":
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError as exc:  # e.g. "http://[::1": an unclosed IPv6 bracket
        return f"{value!r} is not a well-formed http(s) URL ({exc})"
    if parts.scheme not in ("http", "https") or "." not in host or _SPACE_RE.search(value):
        return f"{value!r} is not a well-formed http(s) URL"
    return None


def count_message(value: str) -> str | None:
    """A whole number of people, 0 to :data:`~compoundmap.schema.MAX_PEOPLE_COUNT`."""
    if value == "":
        return None
    if _INT_RE.fullmatch(value) is None:
        return f"{value!r} is not a whole number (write digits only, e.g. 1200){_digit_hint(value)}"
    number = int(value)
    if number < 0:
        return f"{value!r} is negative; a count of people must be 0 or more"
    if number > MAX_PEOPLE_COUNT:
        return (
            f"{value!r} is more than {MAX_PEOPLE_COUNT:,} people, more than any source reports "
            "at one time; check for a typo"
        )
    return None


def identifier_message(value: str) -> str | None:
    """An identifier with no invisible or control character and no surrounding space."""
    if value.isascii() and value.isprintable():
        return None  # the usual case, checked at C speed
    for ch in value:
        category = unicodedata.category(ch)
        if category in ("Cf", "Cc", "Zl", "Zp") or (category == "Zs" and ch != " "):
            name = unicodedata.name(ch, f"U+{ord(ch):04X}")
            return (
                f"{value!r} contains an invisible character U+{ord(ch):04X} ({name}); "
                "identifiers must be plain visible text"
            )
    return None


def identity_key(value: str) -> str:
    """The form under which two identifiers count as the same (NFKC, case-folded).

    Examples
    --------
    >>> identity_key("ＣＲ-0001") == identity_key("cr-0001")
    True
    """
    return unicodedata.normalize("NFKC", value).casefold()


def control_message(value: str) -> str | None:
    """No control character other than tab and line breaks (a NUL truncates values)."""
    match = re.search(CONTROL_RE, value)
    if match is None:
        return None
    code = ord(match.group(0))
    name = _CONTROL_NAMES.get(code, "control character")
    return f"contains a {name} (U+{code:04X}) at character {match.start() + 1}; remove it"


def code_message(value: str) -> str | None:
    """An MEF 2025 province (2 digits), district (4) or commune (6) code in the gazetteer."""
    if value == "":
        return None
    if not (value.isascii() and value.isdigit() and len(value) in CODE_PRECISION):
        return (
            f"{value!r} is not an MEF 2025 admin code (2 digits for a province, 4 for a "
            "district, 6 for a commune, with leading zeros)"
        )
    if value in SPURIOUS_CODES:
        return f"{value!r} is one of the spurious Kokir codes in the MEF list; use '250314'"
    if value not in mef_codes():
        return f"{value!r} is not in the MEF 2025 gazetteer"
    return None


@cache
def mef_codes() -> frozenset[str]:
    """Every MEF 2025 province, district and commune code (spurious ones removed)."""
    codes: set[str] = set()
    for name, col in (
        ("CambodiaProvinceList2025.csv", "province_code"),
        ("CambodiaDistrictList2025.csv", "district_code"),
        ("CambodiaCommuneList2025.csv", "commune_code"),
    ):
        table = pd.read_csv(
            raw_path("gazetteer", "mef2025", name), dtype=str, keep_default_na=False
        )
        codes.update(table[col].str.strip())
    return frozenset(codes - SPURIOUS_CODES)


@cache
def _cambodia() -> prepared.PreparedGeometry:
    """Cambodia's outline with lakes filled (the Tonle Sap is a hole) and a ~1 km margin."""
    import json

    with open(raw_path("boundaries", "khm_adm0.geojson"), encoding="utf-8") as fh:
        collection = json.load(fh)
    polygons: list[Polygon] = []
    for feature in collection["features"]:
        geom: BaseGeometry = shape(feature["geometry"])
        parts = geom.geoms if isinstance(geom, MultiPolygon) else [geom]
        polygons += [Polygon(p.exterior) for p in parts if isinstance(p, Polygon)]
    outline = MultiPolygon(polygons).buffer(CAMBODIA_TOLERANCE_DEG)
    return prepared.prep(outline)


def in_cambodia(lat: float, lon: float) -> bool:
    """Whether a point lies inside Cambodia (lakes filled, ~1 km margin)."""
    return bool(_cambodia().contains(Point(lon, lat)))


def point_problems(lat_s: str, lon_s: str) -> list[tuple[str, str]]:
    """(column, message) problems of an optional latitude/longitude pair."""
    if lat_s == "" and lon_s == "":
        return []
    if lat_s == "" or lon_s == "":
        empty, given = ("latitude", "longitude") if lat_s == "" else ("longitude", "latitude")
        return [(empty, f"{empty} is empty but {given} is given; give both or neither")]
    out: list[tuple[str, str]] = []
    values: dict[str, float] = {}
    for col, text in (("latitude", lat_s), ("longitude", lon_s)):
        if _DECIMAL_RE.fullmatch(text) is None:  # also refuses 'nan', 'inf', '1e3', '10,5'
            out.append(
                (col, f"{text!r} is not a decimal number (use e.g. 10.6275){_digit_hint(text)}")
            )
        else:
            values[col] = float(text)
    if out:
        return out
    lat, lon = values["latitude"], values["longitude"]
    if in_cambodia(lat, lon):
        return []
    if in_cambodia(lon, lat):
        return [
            (
                "latitude",
                f"latitude and longitude probably swapped: (latitude {lat_s}, longitude "
                f"{lon_s}) is outside Cambodia but (latitude {lon_s}, longitude {lat_s}) "
                "is inside",
            )
        ]
    return [("latitude", f"point (latitude {lat_s}, longitude {lon_s}) is outside Cambodia")]


def later_than(a: str, b: str) -> bool:
    """True when date ``a`` is surely later than date ``b`` (compared at the coarser precision).

    Examples
    --------
    >>> later_than("2024-05-01", "2024-01"), later_than("2024", "2024-01-01")
    (True, False)
    """
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[:n] > b[:n]
