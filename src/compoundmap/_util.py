"""Small value helpers shared by every module (one documented copy of each).

Values from pandas can be ``None``, ``pd.NA``, ``NaN`` or text with spaces; these helpers
give each module one answer for "is it missing" and "what text is it".
"""

from __future__ import annotations

import math
from typing import Any, cast

import pandas as pd

__all__ = ["is_missing", "records", "split_list", "text_of"]


def is_missing(value: object) -> bool:
    """True for ``None``, ``pd.NA``, ``NaT`` and float NaN.

    Examples
    --------
    >>> is_missing(None), is_missing(float("nan")), is_missing(""), is_missing(0)
    (True, True, False, False)
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def text_of(value: object) -> str:
    """The value as stripped text; ``""`` for a missing or non-text value.

    Examples
    --------
    >>> text_of("  Poipet "), text_of(None), text_of(3)
    ('Poipet', '', '')
    """
    return value.strip() if isinstance(value, str) else ""


def split_list(value: object, sep: str = ";") -> list[str]:
    """The non-empty, stripped items of a ``sep``-separated text value.

    Examples
    --------
    >>> split_list("Chinese; ; Thai")
    ['Chinese', 'Thai']
    """
    return [p.strip() for p in text_of(value).split(sep) if p.strip()]


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts with text keys (``geometry`` dropped)."""
    plain = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    return cast(list[dict[str, Any]], plain.to_dict("records"))
