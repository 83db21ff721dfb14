"""A town named as the edge of where something is ("on the outskirts of Sihanoukville",
"シアヌークビル郊外", "프놈펜 외곽"): the place lies around the town, often in another district,
so the name places its province only, never the town's point or district.

The words are data (``stop_words.csv``, roles ``outskirts_before`` — written before the name,
with or without a word for "of": "outskirts of", "la périphérie de", "pinggiran" —,
``outskirts_after`` — after a name written in words: "Sihanoukville's outskirts", Urdu
"X کے مضافات" with ``outskirts_after_of`` between — and
``outskirts_after_script`` — glued after a Korean, Japanese or Chinese name: 郊外, 외곽 —,
and ``outskirts_before_script`` — glued before a Thai name: ชานเมือง).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..normalize import Token, normalized_words, token_text, word_list
from .entries import NameIndex
from .mentions import Mention
from .tokens import script_names

__all__ = ["OUTSKIRTS_BEFORE", "OUTSKIRTS_OF", "OUTSKIRTS_WORDS", "outskirts", "written_after"]


_BEFORE = normalized_words("outskirts_before")
#: The outskirts words written before a name, as the tokeniser writes them ("ngoai o").
OUTSKIRTS_BEFORE = _BEFORE
#: The articles that may stand between one and the name ("las afueras de la capital").
OUTSKIRTS_OF = normalized_words("outskirts_of")
_AFTER = normalized_words("outskirts_after")
#: Words that may stand between a name and an outskirts word written after it (Urdu
#: genitive "کے": "X کے مضافات").
_AFTER_OF = normalized_words("outskirts_after_of")
_AFTER_SCRIPT = tuple(sorted(word_list("outskirts_after_script"), key=len, reverse=True))
#: Words for "of" (and the articles of role ``outskirts_of``) between an outskirts word
#: and the name.
_OF = normalized_words("reference_of") | normalized_words("admin_of") | OUTSKIRTS_OF
#: Every Latin word of the lists: a string holding none needs no look (most strings;
#: callers may test a string's word set before calling :func:`outskirts`).
OUTSKIRTS_WORDS = frozenset(w for p in _BEFORE | _AFTER for w in p.split())
#: An outskirts word glued after a script name, and the run of script text right before
#: it ("シアヌークビル" of "シアヌークビル郊外の…").
_AFTER_SCRIPT_RE = re.compile("|".join(re.escape(w) for w in _AFTER_SCRIPT))
_SCRIPT_RE = re.compile(r"([^\s\d,.;:()（）、，。・/]+?)\s?(?:" + _AFTER_SCRIPT_RE.pattern + ")")
#: An outskirts word glued before a script name (Thai "ชานเมือง"), and the run after it.
_BEFORE_SCRIPT = tuple(sorted(word_list("outskirts_before_script"), key=len, reverse=True))
_BEFORE_SCRIPT_RE = re.compile(
    "(?:" + "|".join(re.escape(w) for w in _BEFORE_SCRIPT) + r")\s?([^\s\d,.;:()（）、，。・/]+)"
)
#: Any outskirts word of a script (one search before the two above).
_ANY_SCRIPT_RE = re.compile("|".join(re.escape(w) for w in (*_AFTER_SCRIPT, *_BEFORE_SCRIPT)))


def _before(toks: Sequence[Token], start: int) -> bool:
    k = start
    while k > 0 and toks[k - 1].text in _OF:
        k -= 1
    words = [t.text for t in toks[max(0, k - 2) : k]]
    return any(" ".join(words[j:]) in _BEFORE for j in range(len(words)))


def written_after(
    toks: Sequence[Token], end: int, words: frozenset[str], between: frozenset[str]
) -> bool:
    """Whether a word of ``words`` written after a name stands at ``toks[end]`` (the token
    after the name), or right after a word of ``between`` there (a genitive: Urdu "X کے
    مضافات", Hindi "X के पास"); words tokenised like Latin ones only.

    Parameters
    ----------
    toks : sequence of Token
        The string's tokens.
    end : int
        The index of the token right after the name.
    words : frozenset of str
        The words looked for, as the tokeniser writes them.
    between : frozenset of str
        The words that may stand between the name and one of ``words``.

    Returns
    -------
    bool
        Whether one of ``words`` follows the name.

    Examples
    --------
    >>> from compoundmap.normalize import tokenize
    >>> written_after(tokenize("Poipet outskirts"), 1, frozenset({"outskirts"}), frozenset())
    True
    """
    if end < len(toks) and toks[end].latin and toks[end].text in between:
        end += 1
    return end < len(toks) and toks[end].latin and toks[end].text in words


def _script_names(text: str, index: NameIndex) -> set[str]:
    names = set()
    for m in _SCRIPT_RE.finditer(text):
        pieces = script_names(m.group(1), index)
        if pieces:
            names.add(pieces[-1])
    for m in _BEFORE_SCRIPT_RE.finditer(text):
        pieces = script_names(m.group(1), index)
        if pieces:
            names.add(pieces[0])
    return names


def outskirts(
    text: str | tuple[Token, ...],
    toks: Sequence[Token],
    mentions: list[Mention],
    index: NameIndex,
) -> list[Mention]:
    """The mentions, a name written as the outskirts of a town marked ``edge``: the place
    it gives is its province only (``result.build_result``).

    Parameters
    ----------
    text : str or tuple of Token
        The string as written (script names are found in it before tokenising).
    toks : sequence of Token
        The string's tokens as spotting indexes them.
    mentions : list of Mention
        What the passes found, by start.
    index : NameIndex
        The name index.

    Returns
    -------
    list of Mention
        The mentions; a name after an outskirts word (or before one) marked ``edge``.

    Examples
    --------
    >>> from compoundmap.geocode import geocode
    >>> r = geocode("on the outskirts of Sihanoukville")
    >>> (r.province_code, r.district_code)
    ('18', None)
    >>> geocode("シアヌークビル郊外").district_code is None
    True
    >>> geocode("Sihanoukville").district_code
    '1801'
    """
    # (one set test first: most strings hold no such word)
    latin = not OUTSKIRTS_WORDS.isdisjoint(map(token_text, toks)) and any(
        t.latin and t.text in OUTSKIRTS_WORDS for t in toks
    )
    script: set[str] = (
        _script_names(text, index)
        if isinstance(text, str) and not text.isascii() and _ANY_SCRIPT_RE.search(text)
        else set()
    )
    if not latin and not script:
        return mentions
    out = []
    for m in mentions:
        edge = (
            toks[m.start].latin
            and (_before(toks, m.start) or written_after(toks, m.end, _AFTER, _AFTER_OF))
        ) or (not toks[m.start].latin and m.text in script)
        out.append(m._replace(edge=True) if edge else m)
    return out
