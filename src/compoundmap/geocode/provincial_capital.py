"""A province's capital named through its province: "the capital of Kampot province",
"Kampot province's capital", "马德望省会", "カンポット州の州都", "캄폿주 도청 소재지",
"thủ phủ tỉnh Kampot" name the provincial town (the krong), not the province.

Round 13 read "capital of X" and "X provincial capital" as the town X (``admin_words.csv``
town phrases), but a province word after the name kept the province ("an admin word after
the name defeats the town cue"), and the Chinese, Japanese and Korean words for a
province's capital (省会, 州都, 도청 소재지, 주도) were not read at all. Here, when a string
placed one province and nothing finer, and it holds such a phrase tying a word for the
capital to a province's name, the phrase is written as the town phrase the geocoder reads
("Kampot provincial capital", "马德望市", "カンポット市", "캄폿시", "thủ phủ Kampot") and
read again. The reading is kept only when every result is a district of that province
that is a town — a GeoNames populated place of ``town_population`` or more bears its name
(:func:`.index.towns`: Krong Kampot, Battambang, Samraong; not Tboung Khmum district,
whose province's capital is Suong, nor a province whose town phrase names no district) —
at ``medium`` at most, method marked ``+provincial_capital``. Otherwise the province
stays. Gated on a substring test for the words.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .._scripts import block_ranges
from ..settings import get as get_settings
from .index import towns

if TYPE_CHECKING:
    from .result import GeocodeResult, Reader

__all__ = ["read_provincial_capital"]

#: Words one of which every phrase holds (lower case): the cheap first test.
_GATE_ASCII = ("capital", "thu phu", "tinh ly")
_GATE = (*_GATE_ASCII, "thủ phủ", "tỉnh lỵ", "省会", "省會", "州都", "도청", "주도")
_NAME = r"[^\W\d_][^,;:()]*?"
_HAN = block_ranges("cjk_ideographs")
_KANA = block_ranges("katakana")
_HANGUL = block_ranges("hangul_syllables")
#: (pattern, how the town phrase is written from the province's name ``n``).
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "the capital of Kampot province", "the capital city of the Kampot province"
    (re.compile(rf"\bcapital(?: city)? of (?:the )?(?P<n>{_NAME}) province\b", re.I), "{} town"),
    # "Kampot province's capital", "Kampot Province capital"
    (re.compile(rf"(?P<n>{_NAME}) province(?:['\u2019]s)? capital\b", re.I), "{} town"),
    # "thủ phủ (của) tỉnh Kampot", "tỉnh lỵ tỉnh Kampot"
    (
        re.compile(
            rf"(?:thủ phủ|tỉnh lỵ|thu phu|tinh ly)(?: của| cua)? (?:tỉnh|tinh) "
            rf"(?P<n>{_NAME})(?=$|[,;:()])",
            re.I,
        ),
        "thủ phủ {}",
    ),
    # 马德望省会, 马德望省省会, 马德望省的省会
    (re.compile(rf"(?P<n>[{_HAN}]{{2,12}}?)省(?:的)?省?[会會]"), "{}市"),
    # カンポット州の州都, バッタンバン州州都
    (re.compile(rf"(?P<n>[{_KANA}{_HAN}]{{2,15}}?)州の?州都"), "{}市"),
    # 캄폿주 도청 소재지, 바탐방주 주도, 캄폿주의 주도
    (re.compile(rf"(?P<n>[{_HANGUL}]{{2,10}}?)주(?:의)? ?(?:주도|도청 ?소재지)"), "{}시"),
)


def read_provincial_capital(
    text: str, read: Reader, results: list[GeocodeResult]
) -> list[GeocodeResult]:
    """``results`` with a province's capital named through its province read as the
    provincial town (see the module docstring); ``results`` as they are otherwise.

    Parameters
    ----------
    text : str
        The place string.
    read : callable
        Reads a string or its tokens into results.
    results : list of GeocodeResult
        The string's results as read so far.

    Returns
    -------
    list of GeocodeResult
        The town's results at ``medium`` at most, or ``results``.
    """
    if len(results) != 1 or results[0].district_code or not results[0].province_code:
        return results
    lower = text.lower()
    if not any(w in lower for w in (_GATE_ASCII if lower.isascii() else _GATE)):
        return results  # no word for a capital: nearly every string
    province = results[0].province_code
    for pattern, town in _PHRASES:
        m = pattern.search(text)
        if m is None:
            continue
        rewritten = f"{text[: m.start()]}{town.format(m.group('n').strip())}{text[m.end() :]}"
        found = read(rewritten)
        if found and all(_is_town(r, province) for r in found):
            return [
                replace(
                    r,
                    method=f"{r.method}+provincial_capital",
                    confidence="medium" if r.confidence == "high" else r.confidence,
                )
                for r in found
            ]
        return results
    return results


def _is_town(result: GeocodeResult, province: str) -> bool:
    """Whether ``result`` is a district of ``province`` that a GeoNames town of
    ``town_population`` or more names (a provincial town, not a rural district)."""
    district = result.district_code
    if not district or district[:2] != province:
        return False
    place = towns().get(district)
    return place is not None and place.population >= get_settings().town_population
