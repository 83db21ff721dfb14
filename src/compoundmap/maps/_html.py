"""Escaping and small value helpers for the maps (every source string reaches HTML here).

Rule: text from the sources is escaped with :func:`esc` before it is placed in HTML, and
links go through :func:`link`, which accepts only absolute http(s) URLs.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd


def esc(value: object) -> str:
    """Escape text for HTML element content and quoted attributes."""
    return html.escape(text(value), quote=True).replace("`", "&#96;")


def js_json(obj: object) -> str:
    """JSON that is safe inside an inline ``<script>`` (no ``</script>``, no ``<!--``)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f]")


def safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces or control characters."""
    url = text(value)
    if not url or _UNSAFE_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket, "http://[::1"
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def link(url: object, text: str) -> str:
    """An escaped link to an http(s) URL, or the escaped text alone."""
    safe = safe_url(url)
    if safe is None:
        return esc(text)
    return f'<a href="{esc(safe)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def missing(value: object) -> bool:
    """Whether a cell is empty: None, NaN/NA, blank text or an empty list.

    Examples
    --------
    >>> missing(" "), missing([]), missing(float("nan")), missing(0)
    (True, True, True, False)
    """
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return len(value) == 0
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def text(value: object) -> str:
    """A cell as trimmed text: ``""`` when missing, ``3`` for ``3.0``, a date for a timestamp.

    Examples
    --------
    >>> text(3.0), text(None), text(" Bavet ")
    ('3', '', 'Bavet')
    """
    if missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value).strip()


def precision_of(value: object) -> int | None:
    """A cell as a precision (an int), None when missing or not a number."""
    if missing(value):
        return None
    try:
        return int(float(str(value)))
    except ValueError:
        return None


def as_int(value: object) -> int:
    """A cell as an int, 0 when missing or not a number."""
    if missing(value):
        return 0
    try:
        return int(float(str(value)))
    except ValueError:
        return 0


def aliases_of(value: object, name: str) -> list[str]:
    """The aliases in a cell (a list, a JSON list or ``;``-separated), trimmed, each once,
    without ``name`` itself.

    Examples
    --------
    >>> aliases_of("KK2; Golden Fortune; KK2", "Golden Fortune")
    ['KK2']
    """
    if missing(value):
        return []
    if isinstance(value, (list, tuple, np.ndarray)):
        items = [text(v) for v in value]
    else:
        raw = text(value)
        parsed: object = None
        if raw.startswith("["):
            try:
                parsed = json.loads(raw)
            except json.JSONDecodeError:
                parsed = None
        items = [text(v) for v in parsed] if isinstance(parsed, list) else raw.split(";")
    out: list[str] = []
    for item in (i.strip() for i in items):
        if item and item != name and item not in out:
            out.append(item)
    return out


def n_of(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless it is 1.

    Examples
    --------
    >>> n_of(1, "site"), n_of(3, "site")
    ('1 site', '3 sites')
    """
    return f"{count} {noun}" + ("" if count == 1 else "s")


def year_of(value: object) -> str:
    """The year a date cell starts with, ``""`` if it does not start with four digits."""
    raw = text(value)
    return raw[:4] if re.fullmatch(r"\d{4}", raw[:4]) else ""


def source_line(rep: Mapping[str, Any]) -> str:
    """The escaped citation line of a report or citation: publisher, linked title, date,
    secondary-source tag and report id.
    """
    publisher = text(rep.get("source_publisher") or rep.get("publisher")) or "unknown publisher"
    title = text(rep.get("source_title") or rep.get("title")) or "untitled"
    url = rep.get("source_url") if "source_url" in rep else rep.get("url")
    date = text(rep.get("source_date") or rep.get("date"))
    tier = text(rep.get("source_tier") or rep.get("tier")).lower()
    bits = [f"Source: {esc(publisher)}, {link(url, title)}"]
    if safe_url(url) is None:
        bits.append(" (no link)")
    if date:
        bits.append(f", {esc(date)}")
    if tier == "secondary":
        bits.append(
            ' <span class="cm-secondary" title="Read from a mirror, aggregator or summary '
            'of the original outlet">secondary source</span>'
        )
    report_id = text(rep.get("report_id"))
    if report_id:
        bits.append(f' <span class="cm-rid">[{esc(report_id)}]</span>')
    return f'<span class="cm-src">{"".join(bits)}</span>'


def citations_of(value: object) -> list[dict[str, Any]]:
    """The citations of a cell (a list or JSON list of objects); empty if there are none or
    it is not one.
    """
    if missing(value):
        return []
    parsed = value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            return []
    if not isinstance(parsed, list):
        return []
    return [c for c in parsed if isinstance(c, dict)]
