"""A place name that is part of a street's name ("a building on Kampong Spean road", "trên
đường Kampong Spean", "Jalan Kampot", "ถนนกำปงสปือ", "西港路"): the street, not the place.

A name right after a road word written before street names (đường, Jalan, rue, ផ្លូវ, ถนน)
or right before one written after them (Road, Street, St., Blvd, Boulevard, Avenue, 路,
大道, 通り) is dropped: nothing the string says places the street in that province. A
street a source places (Phnom Penh's boulevards) is a curated locality whose name holds
the road word, so the name found covers it and stays. National roads are numbers
("National Road 5", "Route 48"): no name to drop; and a name before a road word and a
number is the place of a numbered street ("Phnom Penh's Street 271"), not its name.

The words are data (``stop_words.csv``, roles ``street_before``, ``street_after``,
``street_before_script`` and ``street_after_script``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..normalize import Token, normalized_words, word_list
from .entries import NameIndex
from .mentions import Mention
from .tokens import split_tokens

__all__ = ["STREET_SCRIPT_RE", "STREET_WORDS", "street_names"]


_BEFORE = normalized_words("street_before")
_AFTER = normalized_words("street_after")
#: Every Latin road word: a string holding none needs no look (most strings; the caller
#: tests the string's word set first).
STREET_WORDS = _BEFORE | _AFTER
#: "on a Phnom Penh street": a street in the place, not named after it.
_ARTICLES = frozenset({"a", "an"})
# readings by sound or spelling, not as written
_GUESSED = frozenset({"phonetic", "fuzzy"})
_RUN = r"[^\s\d,.;:()（）、，。・/\-]"
_BEFORE_SCRIPT = "|".join(re.escape(w) for w in word_list("street_before_script"))
_AFTER_SCRIPT = "|".join(
    re.escape(w) for w in sorted(word_list("street_after_script"), key=len, reverse=True)
)
#: A road word of another script: the caller tests a non-ASCII string with it first.
STREET_SCRIPT_RE = re.compile(f"{_BEFORE_SCRIPT}|{_AFTER_SCRIPT}")
_SCRIPT_BEFORE_RE = re.compile(rf"(?:{_BEFORE_SCRIPT})\s?({_RUN}+)")
_SCRIPT_AFTER_RE = re.compile(rf"({_RUN}+?)\s?(?:{_AFTER_SCRIPT})")


def _script_streets(text: str, index: NameIndex) -> set[str]:
    """The script names written right against a road word: the run's first name after a
    word written before (ถนนกำปงสปือ), its last before a word written after (西港路); a
    run whose edge no name explains (金边毛泽东大道: 毛泽东 is no name) gives none."""
    names = set()
    for m in _SCRIPT_BEFORE_RE.finditer(text):
        toks = split_tokens(m.group(1), index)
        if toks and toks[0].text and not toks[0].latin:
            names.add(toks[0].text)
    for m in _SCRIPT_AFTER_RE.finditer(text):
        toks = split_tokens(m.group(1), index)
        if toks and toks[-1].text and not toks[-1].latin:
            names.add(toks[-1].text)
    return names


def _vietnamese_street(before: Token, m: Mention) -> bool:
    """Whether Vietnamese "đường" before ``m`` says a street: "đường" is also "the way" ("trên
    đường Sihanoukville", on the way to Sihanoukville), so a province named after it is the
    province as written; any other name, or one read only by a typo pass, is the street's
    ("trên đường Kampong Spean": not Kampong Speu)."""
    return bool(before.vietnamese) and (
        m.method in _GUESSED or not any(e.kind == "province" for e in m.entries)
    )


def _latin_street(toks: Sequence[Token], m: Mention) -> bool:
    before = toks[m.start - 1] if m.start > 0 else None
    if (
        before is not None
        and before.latin
        and before.text in _BEFORE
        and (before.text != "duong" or _vietnamese_street(before, m))
    ):
        return True
    if m.end < len(toks) and toks[m.end].latin and toks[m.end].text in _AFTER:
        numbered = m.end + 1 < len(toks) and toks[m.end + 1].text.isdigit()
        # "Phnom Penh Street 271", "Phnom Penh's Street 271": a numbered street of the place
        return not numbered and (before is None or before.text not in _ARTICLES)
    return False


def street_names(
    script: str | None,
    toks: Sequence[Token],
    mentions: list[Mention],
    index: NameIndex,
) -> list[Mention]:
    """The mentions without the names that are part of a street's name.

    Parameters
    ----------
    script : str or None
        The string as written when it holds a road word of another script (the caller's
        gate, :data:`STREET_SCRIPT_RE`: script names are found in it before tokenising);
        ``None`` otherwise.
    toks : sequence of Token
        The string's tokens as spotting indexes them.
    mentions : list of Mention
        What the passes found, by start.
    index : NameIndex
        The name index.

    Returns
    -------
    list of Mention
        The mentions; a name right after a road word written before street names, or
        right before one written after them, dropped.

    Examples
    --------
    >>> from compoundmap.geocode import geocode
    >>> geocode("Kampot Road").status
    'unmatched'
    >>> geocode("Kampot Road, Kep").province_code
    '23'
    >>> geocode("National Road 5, Battambang").province_code
    '02'
    >>> geocode("Phnom Penh's Street 271").province_code
    '12'
    """
    script_streets = _script_streets(script, index) if script is not None else set()
    kept = [
        m
        for m in mentions
        if not (
            _latin_street(toks, m)
            if toks[m.start].latin
            else (script_streets and m.text in script_streets)
        )
    ]
    return kept if len(kept) < len(mentions) else mentions
