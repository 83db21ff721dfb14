"""Small value helpers shared by the modules: one documented copy of each.

Turning a cell into text, testing for a missing value, splitting a list cell, folding a
word to plain letters, reading a frame as plain records, checking a frame's columns.
Helpers that look alike but behave differently have different names (``as_text`` keeps
surrounding spaces, ``is_missing`` treats an array as missing, ``fold_ascii`` drops letters
``fold_word`` keeps).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .errors import MissingColumnError

if TYPE_CHECKING:  # pandas is imported only where a helper needs it: normalize stays light
    import pandas as pd

__all__ = [
    "as_text",
    "float_or_none",
    "fold_ascii",
    "fold_word",
    "is_missing",
    "line_or_none",
    "records",
    "require_columns",
    "split_list",
    "str_or_none",
    "text_of",
]


def is_missing(value: object) -> bool:
    """Whether ``value`` is a missing value: ``None``, NaN, ``pandas.NA``, ``NaT``, or
    anything that is not equal to itself or refuses to compare (an array counts as missing).

    Examples
    --------
    >>> is_missing(None), is_missing(float("nan")), is_missing(""), is_missing(0)
    (True, True, False, False)
    """
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    # pandas.NA / NaT and numpy NaN: they are not equal to themselves, or refuse to compare
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return True


def as_text(value: object) -> str:
    """A cell as the text to read: ``None``, NaN and ``pandas.NA`` → ``""``, other
    non-strings → ``str(value)``, strings unchanged (not stripped).

    Examples
    --------
    >>> as_text(None), as_text(float("nan")), as_text(12), as_text(" Bavet ")
    ('', '', '12', ' Bavet ')
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if not isinstance(value, str):
        import pandas as pd

        try:
            if pd.isna(value):  # type: ignore[call-overload]
                return ""
        except (TypeError, ValueError):
            pass
        return str(value)
    return value


def float_or_none(value: object) -> float | None:
    """``float(value)``, or ``None`` when it is not a number or is NaN.

    Examples
    --------
    >>> float_or_none("10.5"), float_or_none(""), float_or_none(float("nan"))
    (10.5, None, None)
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def line_or_none(value: object) -> int | None:
    """A line number (a ``source_row``) as an int; ``None`` when absent, zero or not a number.

    Examples
    --------
    >>> line_or_none(12), line_or_none("3"), line_or_none(None), line_or_none(0)
    (12, 3, None, None)
    """
    try:
        return int(value) or None  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def str_or_none(value: object) -> str | None:
    """A non-empty string unchanged; anything else (``""``, ``None``, NaN) → ``None``.

    Examples
    --------
    >>> str_or_none("18"), str_or_none(""), str_or_none(18)
    ('18', None, None)
    """
    return str(value) if isinstance(value, str) and value else None


def text_of(value: object) -> str:
    """The value as stripped text; ``""`` for a missing or non-text value.

    Examples
    --------
    >>> text_of("  Poipet "), text_of(None), text_of(3)
    ('Poipet', '', '')
    """
    return value.strip() if isinstance(value, str) else ""


def split_list(value: object, sep: str = ";") -> list[str]:
    """The non-empty, stripped parts of a list cell (``""`` for a missing value).

    Examples
    --------
    >>> split_list(" Poipet | Paoy Paet ||", "|"), split_list("Chinese; ; Thai")
    (['Poipet', 'Paoy Paet'], ['Chinese', 'Thai'])
    """
    return [part.strip() for part in text_of(value).split(sep) if part.strip()]


def fold_ascii(name: str) -> str:
    """Lower-case ASCII letters and digits of ``name``, diacritics removed and every other
    character dropped (Khmer too): for comparing two Latin spellings of one name.

    Examples
    --------
    >>> fold_ascii("Paôy Pêt"), fold_ascii("ប៉ោយប៉ែត")
    ('paoypet', '')
    """
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed.lower() if ch.isalnum() and ch.isascii())


def fold_word(word: str) -> str:
    """Case-folded letters and digits of ``word`` without diacritics; letters of other
    scripts are kept: "O’Smach" → "osmach".

    Examples
    --------
    >>> fold_word("O’Smach"), fold_word("Ŏ Smăch")
    ('osmach', 'osmach')
    """
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``df`` as dicts with string keys (pandas types the keys as hashables); a
    ``geometry`` column is left out.

    Examples
    --------
    >>> import pandas as pd
    >>> records(pd.DataFrame({"code": ["18"]}))
    [{'code': '18'}]
    """
    plain = df.drop(columns="geometry", errors="ignore")
    return [{str(k): v for k, v in row.items()} for row in plain.to_dict(orient="records")]


def require_columns(df: pd.DataFrame, columns: Iterable[str], where: str = "") -> None:
    """Check that ``df`` has every one of ``columns``.

    Parameters
    ----------
    df : pandas.DataFrame
        The table.
    columns : iterable of str
        The columns the caller needs.
    where : str, default ""
        The table's name (or file) for the message.

    Raises
    ------
    MissingColumnError
        For the first missing column, listing the columns found.

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], "events")
    Traceback (most recent call last):
    ...
    compoundmap.errors.MissingColumnError: column 'b' not found in events; columns found: a
    """
    for col in columns:
        if col not in df.columns:
            raise MissingColumnError(col, [str(c) for c in df.columns], where)
