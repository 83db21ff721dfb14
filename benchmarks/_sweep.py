"""What the sweeps (``benchmarks/sweep_*.py``) share: the answer of a string as a set of
(province, district) pairs and the verdicts on an answer, the script tests that pick names
out of the index, the MEF 2025 lists they read, and the way they print a tally and the CPU
time.

Not a module of the library: the sweeps import it as ``from _sweep import …`` (a script's own
folder is first on ``sys.path``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Mapping
from typing import TextIO

import pandas as pd

from compoundmap._data import raw_path
from compoundmap._scripts import is_han, is_hangul
from compoundmap.geocode import GeocodeResult, geocode_places
from compoundmap.geocode.entries import Entry

__all__ = [
    "answer",
    "bare_right",
    "finest",
    "has_cjk",
    "has_thai",
    "is_han",
    "is_hangul",
    "is_kana",
    "mef_list",
    "print_cpu",
    "print_tally",
    "site_verdict",
    "verdict",
]


def answer(text: str) -> tuple[tuple[str | None, str | None], ...]:
    """The (province, district) codes of every place ``geocode_places`` finds in ``text``
    (places without a province left out), sorted, each once."""
    return tuple(
        sorted(
            {(r.province_code, r.district_code) for r in geocode_places(text) if r.province_code}
        )
    )


def bare_right(entries: Iterable[Entry], got: tuple[tuple[str | None, str | None], ...]) -> bool:
    """Whether an :func:`answer` of a name alone is right: a place in the province of one of
    the name's index entries."""
    provinces = {e.province_code for e in entries if e.province_code}
    return bool(provinces) and any(p in provinces for p, _ in got)


def finest(r: GeocodeResult) -> str | None:
    """The code of the finest unit of an answer: commune, district or province."""
    return r.commune_code or r.district_code or r.province_code


def verdict(r: GeocodeResult, code: str) -> str:
    """How an answer meets the unit ``code`` it should give: ``nothing``, ``right <band>``
    (its finest unit is ``code``, inside it or contains it) or ``elsewhere <band>``."""
    got = finest(r)
    if got is None:
        return "nothing"
    if got.startswith(code) or code.startswith(got):
        return f"right {r.confidence}"
    return f"elsewhere {r.confidence}"


def site_verdict(r: GeocodeResult, province: str, district: str) -> str:
    """How an answer meets a site's province and district (``district`` may be empty):
    ``nothing``, ``wrong`` (another province), ``district`` (the province, another district)
    or ``right``."""
    if r.province_code is None:
        return "nothing"
    if r.province_code != province:
        return "wrong"
    if district and r.district_code and r.district_code != district:
        return "district"
    return "right"


# Script tests. is_han and is_hangul are the library's own (compoundmap._scripts), re-exported
# here. The sweeps used to carry copies that differ at the edges: their Han test left out
# CJK Extension A (U+3400-U+4DBF), their Hangul test took any syllable in a name where
# is_hangul wants the first and the last character to be one. On the index the two pick the
# same names (0 of 22,648 differ, round 9), and every sweep printed the same figures after
# the switch, so the library's definitions are used. The three tests below have no twin there.


def has_cjk(name: str) -> bool:
    """Whether ``name`` has a Chinese character (U+4E00-U+9FFF) or a katakana."""
    return any("\u4e00" <= c <= "\u9fff" or "\u30a0" <= c <= "\u30ff" for c in name)


def is_kana(name: str) -> bool:
    """Whether ``name`` is written in katakana only."""
    return all("\u30a0" <= c <= "\u30ff" for c in name)


def has_thai(name: str) -> bool:
    """Whether ``name`` has a Thai letter, vowel or sign (U+0E01-U+0E4E)."""
    return any("\u0e01" <= c <= "\u0e4e" for c in name)


def mef_list(level: str) -> pd.DataFrame:
    """One list of the MEF 2025 gazetteer, every column a string: ``level`` is ``"Province"``,
    ``"District"``, ``"Commune"`` or ``"Villages"`` (the file names)."""
    return pd.read_csv(raw_path("gazetteer", "mef2025") / f"Cambodia{level}List2025.csv", dtype=str)


def khmer_names(table: pd.DataFrame, level: str) -> dict[str, str]:
    """Code → Khmer name of one MEF list (:func:`mef_list`): ``level`` is ``"province"``,
    ``"district"``, ``"commune"`` or ``"village"`` (its columns' prefix)."""
    return dict(zip(table[f"{level}_code"], table[f"{level}_kh"], strict=True))


def print_tally(tally: Mapping[str, int], examples: Iterable[str] = ()) -> None:
    """Print each count of ``tally`` on a line (``  key: n``, keys sorted), then each of
    ``examples`` on a line indented by four spaces."""
    for k, v in sorted(tally.items()):
        print(f"  {k}: {v}")
    for w in examples:
        print(f"    {w}")


def print_cpu(t0: float, file: TextIO | None = None) -> None:
    """Print the CPU seconds since ``t0`` (a ``time.process_time()``) as ``(1.2 s CPU)``."""
    print(f"({time.process_time() - t0:.1f} s CPU)", file=file or sys.stdout)
