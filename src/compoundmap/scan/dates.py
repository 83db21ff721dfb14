"""Dates in news text and in input metadata, as ``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``.

Used by the readers (a document's own date) and by the findings (dates named in the text,
each with its span). Covers ISO dates, English, Indonesian and Vietnamese day-month-year
and month-day-year forms, CJK ``2024年3月5日`` / Korean ``2024년 3월 5일``, and Thai month
names with Buddhist-era years.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["find_dates", "normalise_date"]

_MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "january jan januari",
        "february feb februari pebruari",
        "march mar maret",
        "april apr",
        "may mei",
        "june jun juni",
        "july jul juli",
        "august aug agustus",
        "september sep sept",
        "october oct oktober okt",
        "november nov nopember",
        "december dec desember des",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _n
_THAI_MONTHS = {
    m: i
    for i, m in enumerate(
        "มกราคม กุมภาพันธ์ มีนาคม เมษายน พฤษภาคม มิถุนายน กรกฎาคม สิงหาคม กันยายน ตุลาคม "
        "พฤศจิกายน ธันวาคม".split(),
        start=1,
    )
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_THAI_RE = "|".join(_THAI_MONTHS)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?!\d)")),
    (
        "dmy",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})(?!\d)", re.I
        ),
    ),
    (
        "mdy",
        re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I),
    ),
    ("my", re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{4}})(?!\d)", re.I)),
    ("cjk", re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월](?:\s*(\d{1,2})\s*[日일])?")),
    (
        "vi",
        re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm|,|/)\s*(\d{4})", re.I),
    ),
    ("th", re.compile(rf"(?:(\d{{1,2}})\s*)?({_THAI_RE})\s*(?:พ\.ศ\.\s*)?(\d{{4}})")),
)


def _valid(y: int, m: int, d: int | None) -> str:
    if not 1900 <= y <= 2100 or not 1 <= m <= 12:
        return ""
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        date(y, m, d)
    except ValueError:
        return ""
    return f"{y:04d}-{m:02d}-{d:02d}"


def _value(kind: str, g: tuple[str | None, ...]) -> str:
    if kind == "ymd":
        return _valid(int(g[0] or 0), int(g[1] or 0), int(g[2] or 0))
    if kind == "dmy":
        return _valid(int(g[2] or 0), _MONTHS[(g[1] or "").lower()], int(g[0] or 0))
    if kind == "mdy":
        return _valid(int(g[2] or 0), _MONTHS[(g[0] or "").lower()], int(g[1] or 0))
    if kind == "my":
        return _valid(int(g[1] or 0), _MONTHS[(g[0] or "").lower()], None)
    if kind == "cjk":
        return _valid(int(g[0] or 0), int(g[1] or 0), int(g[2]) if g[2] else None)
    if kind == "vi":
        return _valid(int(g[2] or 0), int(g[1] or 0), int(g[0] or 0))
    year = int(g[2] or 0)
    year = year - 543 if year > 2400 else year  # Buddhist era
    return _valid(year, _THAI_MONTHS[g[1] or ""], int(g[0]) if g[0] else None)


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20|25)\d\d(?!\d)")  # 25xx: Thai Buddhist-era years
_BEFORE, _AFTER = 40, 16  # characters around a year in which a date may lie


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """Dates named in ``text`` as ``(value, start, end)``, sorted by ``start``.

    Every form holds a four-digit year, so only short windows around the years are read.
    Overlapping matches keep the longest (``5 March 2024`` rather than ``March 2024``).

    Examples
    --------
    >>> find_dates("On 5 March 2024, and again on 2024年4月1日.")
    [('2024-03-05', 3, 15), ('2024-04-01', 30, 39)]
    """
    found: set[tuple[str, int, int]] = set()
    for year in _YEAR_RE.finditer(text):
        lo, hi = max(0, year.start() - _BEFORE), min(len(text), year.end() + _AFTER)
        for kind, pattern in _PATTERNS:
            for m in pattern.finditer(text, lo, hi):
                if m.start() <= year.start() and year.end() <= m.end():
                    value = _value(kind, m.groups())
                    if value:
                        found.add((value, m.start(), m.end()))
    ordered = sorted(found, key=lambda f: (f[1], -(f[2] - f[1]), f[0]))
    out: list[tuple[str, int, int]] = []
    for item in ordered:
        if out and item[1] < out[-1][2]:
            continue
        out.append(item)
    return out


_ISO_PREFIX = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def normalise_date(value: str) -> str:
    """A metadata date (``2024-03-05T08:00:00Z``, ``5 March 2024``…) as ``YYYY-MM-DD``,
    ``YYYY-MM`` or ``YYYY``; ``""`` when it is not a date.

    Examples
    --------
    >>> normalise_date("2024-03-05T08:00:00+07:00"), normalise_date("March 2024")
    ('2024-03-05', '2024-03')
    """
    value = value.strip()
    if not value:
        return ""
    m = _ISO_PREFIX.match(value)
    if m:
        y, mo, d = m.groups()
        if d:
            return _valid(int(y), int(mo), int(d))
        if mo:
            return _valid(int(y), int(mo), None)
        return y if 1900 <= int(y) <= 2100 and len(value) == 4 else ""
    dates = find_dates(value)
    return dates[0][0] if dates else ""
