"""Provinces by any name.

Codes with or without the leading zero, numbers, P-codes, English or Khmer names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

import pandas as pd

from ..errors import GazetteerError
from ..gazetteer import get_gazetteer
from ..normalize import ADMIN_WORDS, PROVINCE, place_key

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------- provinces


@lru_cache(maxsize=1)
def _province_words() -> tuple[str, ...]:
    """Non-Latin words meaning "province" (ខេត្ត, រាជធានី, ...); ``place_key`` keeps them."""
    return tuple(w for w, level in ADMIN_WORDS.items() if level == PROVINCE and not w.isascii())


def _key(text: str) -> str:
    """Lookup key of a province name: case, accents, spacing and admin words folded."""
    key = place_key(text)
    for word in _province_words():
        if key.startswith(word) and key != word:
            key = key[len(word) :]
        if key.endswith(word) and key != word:
            key = key[: -len(word)]
    return key


@lru_cache(maxsize=1)
def _names() -> tuple[dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """Province names → codes; district and commune names → their codes (for messages)."""
    aliases = get_gazetteer().aliases
    provinces: dict[str, set[str]] = {}
    others: dict[str, list[str]] = {}
    official = {"name_en_2025", "name_km_2025", "name_en_hdx_2018"}
    for alias, code, level, kind in zip(
        aliases["alias"], aliases["code"], aliases["level"], aliases["kind"], strict=True
    ):
        key = _key(str(alias))
        if not key:
            continue
        if int(level) == 1:
            provinces.setdefault(key, set()).add(str(code))
        elif kind in official:
            others.setdefault(key, []).append(str(code))
    return (
        {k: frozenset(v) for k, v in provinces.items()},
        {k: tuple(sorted(set(v))) for k, v in others.items()},
    )


def _province_codes() -> list[str]:
    return [str(c) for c in get_gazetteer().provinces()["code"]]


def _valid_list() -> str:
    gaz = get_gazetteer()
    return ", ".join(f"{c} {gaz.name(c)}" for c in _province_codes())


def _describe_units(codes: Iterable[str]) -> str:
    """``"district 2008 Bavet (in Svay Rieng)"`` for each code, at most three."""
    gaz = get_gazetteer()
    names = {2: "district", 3: "commune"}
    found = list(codes)
    parts = []
    for c in found[:3]:
        unit = gaz.unit(c)
        where = gaz.name(str(unit["province_code"]))
        parts.append(f"{names.get(int(unit['level']), 'unit')} {c} {unit['name_en']} (in {where})")
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    return ", ".join(parts) + more


def _not_a_province(value: object, why: str) -> GazetteerError:
    return GazetteerError(
        f"province {value!r}: {why}; give a MEF 2025 province code (01 to 25, or the number "
        f"1 to 25), a P-code (KH01 to KH25) or a province name in English or Khmer: "
        f"{_valid_list()}"
    )


def _as_text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        raise _not_a_province(value, f"neither a code nor a name ({type(value).__name__})")
    if isinstance(value, float):
        if not value.is_integer():
            raise _not_a_province(value, "not a whole number")
        return str(int(value))
    if isinstance(value, int) or hasattr(value, "__index__"):
        return str(int(value))
    if isinstance(value, str):
        return value.strip()
    raise _not_a_province(value, f"neither a code nor a name ({type(value).__name__})")


def _from_code(value: object, text: str) -> str:
    gaz = get_gazetteer()
    code = f"{int(text):02d}" if len(text) <= 2 else text  # int() reads Khmer digits too
    if code in _province_codes():
        return code
    if gaz.has(code):
        raise _not_a_province(value, f"that is the code of {_describe_units([code])}")
    raise _not_a_province(value, "no province has this code")


def _from_pcode(value: object, text: str) -> str:
    units = get_gazetteer().units
    found = units.loc[units["pcode"] == text.upper()]
    if found.empty:
        raise _not_a_province(value, "no province has this P-code")
    row = found.iloc[0]
    if int(row["level"]) != 1:
        raise _not_a_province(value, f"that is the P-code of {_describe_units([row['code']])}")
    return str(row["code"])


def _from_name(value: object, text: str) -> str:
    provinces, others = _names()
    if not any(ch.isalpha() for ch in text):  # "-3", "7.5": a number, not a name
        raise _not_a_province(value, "no province has this code")
    key = _key(text)
    codes = provinces.get(key, frozenset())
    if len(codes) == 1:
        return next(iter(codes))
    if codes:
        names = ", ".join(f"{c} {get_gazetteer().name(c)}" for c in sorted(codes))
        raise _not_a_province(value, f"this name fits several provinces ({names})")
    if key in others:
        raise _not_a_province(value, f"that is the name of {_describe_units(others[key])}")
    raise _not_a_province(value, "no province has this name")


def resolve_province(value: object) -> str:
    """The MEF 2025 code of a province given by code, number, P-code or name.

    Parameters
    ----------
    value : str or int
        A code with or without its leading zero (``"07"``, ``"7"``, Khmer digits too), an
        integer (``7``, as ``papermill -p province 07`` passes it), an OCHA/HDX P-code
        (``"KH07"``), or a province name in English or Khmer, any case and spacing, with
        or without "province"/"khet" (``"Kampot"``, ``"Preah Sihanouk"``,
        ``"Sihanoukville"``, ``"កំពត"``): every name the gazetteer knows for a province.

    Returns
    -------
    str
        The two-digit MEF 2025 province code.

    Raises
    ------
    GazetteerError
        When the value is no province (an unknown code or name, or the code or name of a
        district or commune); the message names the value, says why and lists the 25
        provinces.

    Examples
    --------
    >>> resolve_province(7), resolve_province("KH07"), resolve_province("kampot province")
    ('07', '07', '07')
    >>> resolve_province("Preah Sihanouk"), resolve_province("ព្រះសីហនុ")
    ('18', '18')
    >>> resolve_province("1801")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    compoundmap.errors.GazetteerError: province '1801': that is the code of district 1801 ...
    """
    text = _as_text(value)
    if not text:
        raise _not_a_province(value, "empty")
    if text.isdecimal():
        return _from_code(value, text)
    if re.fullmatch(r"(?i)KH\d+", text):
        return _from_pcode(value, text)
    return _from_name(value, text)


def province_list() -> pd.DataFrame:
    """The 25 provinces: code, P-code, English and Khmer names, indexed by code.

    Examples
    --------
    >>> province_list().loc["18", "name_en"]
    'Sihanoukville'
    """
    provinces = get_gazetteer().provinces()
    return provinces.set_index("code")[["pcode", "name_en", "name_km"]]
