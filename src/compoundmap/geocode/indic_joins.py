"""Names a space splits in the scripts written with spaces between words that the
tokeniser scans as runs: the Indic ones (Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu,
Kannada, Malayalam, Sinhala) and Greek, Armenian, Hebrew, Syriac, N'Ko, Georgian, Ge'ez
(Amharic, Tigrinya), Cherokee, Coptic, Chakma and Adlam: "সিয়েম রিপ" is the name
সিয়েমরিপ (Siem Reap) that GeoNames and the aliases key without the space, as "Πνομ Πενχ",
"פנום פן" and "ፍኖም ፔንህ" are ΠνομΠενχ, פנוםפן and ፍኖምፔንህ. Two runs of one such script are
read as one when together, and only together, they make an indexed name above the village
(also with a Bengali case ending on the second: "সিয়েম রিপের"). The Khmer counterpart is
:func:`compoundmap.geocode.khmer.khmer_space_joins`.

The guard: ordinary words of these scripts, alone and in pairs, give no place
(``benchmarks/sweep_indic_words.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain

from .._scripts import BLOCKS, GREEK, INDIC, block_ranges
from ..normalize import Token, token_text
from .index import TIER_VILLAGE, NameIndex

__all__ = ["indic_space_joins"]

#: The spaced scripts other than the Indic ones, each a number of its own (:func:`_block`):
#: Greek, Armenian, Hebrew, Syriac, N'Ko, Georgian, Ethiopic, Cherokee, Coptic, Chakma, Adlam.
_OTHER_SCRIPT_BLOCKS = (
    GREEK,
    ("armenian",),
    ("hebrew",),
    ("syriac",),
    ("nko",),
    ("georgian",),
    ("ethiopic", "ethiopic_supplement", "ethiopic_extended"),
    ("cherokee", "cherokee_supplement"),
    ("coptic",),
    ("chakma",),
    ("adlam",),
)
#: A letter of the spaced scripts the tokeniser scans whose names a space may split: Indic
#: (Bengali … Sinhala) and the others above.
_SPACED_LETTER = re.compile(
    f"[{block_ranges(*INDIC, *chain(*_OTHER_SCRIPT_BLOCKS), without=('devanagari',))}]"
)
#: Those other scripts: (first, last code point, script number).
_OTHER_SCRIPTS = tuple(
    (*BLOCKS[name], number)
    for number, names in enumerate(_OTHER_SCRIPT_BLOCKS, start=1)
    for name in names
)
#: The spaced Indic scripts: Bengali … Sinhala.
_INDIC_FIRST, _INDIC_LAST = BLOCKS["bengali"][0], BLOCKS["sinhala"][1]
#: Bengali case endings a name may carry (the vowel sign e, and r): locative, genitive.
_BENGALI_ENDINGS = ("\u09c7\u09b0", "\u09c7")


def _block(tok: Token) -> int:
    """The Unicode block (its number) of a run of a spaced Indic script, a number of its own
    for a run of the other spaced scripts above, or 0."""
    if tok.latin or not tok.text:
        return 0
    first = ord(tok.text[0])
    if _INDIC_FIRST <= first <= _INDIC_LAST:
        return first >> 7
    for low, high, script in _OTHER_SCRIPTS:
        if low <= first <= high:
            return -script
    return 0


def _spaced_name(left: str, right: str, index: NameIndex) -> bool:
    """Whether ``left`` and ``right`` together, and neither alone, are an indexed name above
    the village (the right part may carry a Bengali case ending)."""
    names = index.names
    if left in names or right in names:
        return False
    joined = left + right
    forms = [joined] + [
        joined[: -len(end)]
        for end in _BENGALI_ENDINGS
        if joined.endswith(end) and len(end) < len(right)
    ]
    return any(e.tier < TIER_VILLAGE for form in forms for e in names.get(form, ()))


def indic_space_joins(toks: Sequence[Token], index: NameIndex) -> tuple[Token, ...]:
    """The tokens, two runs of one spaced Indic script that a space splits a name across
    joined into one.

    Parameters
    ----------
    toks : sequence of Token
        A string's tokens (``normalize.tokenize``), at least one.
    index : NameIndex
        The index whose names may span the space.

    Returns
    -------
    tuple of Token
        The tokens, such pairs of runs joined.

    Examples
    --------
    >>> from compoundmap.geocode.index import build_index
    >>> from compoundmap.normalize import tokenize
    >>> [t.text for t in indic_space_joins(tokenize("সিয়েম রিপ প্রদেশ"), build_index())]
    ['সিয়েমরিপ', 'প্রদেশ']
    """
    if not _SPACED_LETTER.search("".join(map(token_text, toks))):
        return tuple(toks)  # no such run at all (one scan of the joined texts)
    out: list[Token] = [toks[0]]
    for tok in toks[1:]:
        last = out[-1]
        block = _block(tok)
        if block and block == _block(last) and _spaced_name(last.text, tok.text, index):
            out[-1] = last._replace(text=last.text + tok.text)
        else:
            out.append(tok)
    return tuple(out)
