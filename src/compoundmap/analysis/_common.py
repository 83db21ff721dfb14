"""Shared constants and value helpers of the analysis functions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..schema import UNMATCHED_LABEL, Precision

if TYPE_CHECKING:
    pass


CHECK_REASONS = ("unmatched", "ambiguous", "province_mismatch")
#: Precision labels in scale order, finest first, then places the geocoder could not match.
_PRECISION_LABELS = [*(p.label for p in Precision), UNMATCHED_LABEL]
_NO_DATE = "no date"
_NO_PROVINCE = "(no province)"


def _flag(values: pd.Series) -> pd.Series:
    """A flag column as plain bools (published ``boolean`` columns may hold missing values)."""
    return values.astype("boolean").fillna(False).astype(bool)


def _text(value: object) -> str:
    """A text cell as str: missing values (None, NaN, pd.NA) are empty."""
    return value if isinstance(value, str) else ""


def _codes(value: object) -> list[str]:
    """``"12; 18"`` → ``["12", "18"]`` (the tables' ``; ``-separated code lists)."""
    return [c.strip() for c in _text(value).split(";") if c.strip()]


def _figure_scopes(value: object) -> dict[str, str]:
    """``"rescued: site; other: country"`` → ``{"rescued": "site", "other": "country"}``."""
    out: dict[str, str] = {}
    for part in _text(value).split(";"):
        kind, _, scope = part.partition(":")
        if kind.strip():
            out[kind.strip()] = scope.strip()
    return out
