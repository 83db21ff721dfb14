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

from ..normalize import Token, token_text
from .index import TIER_VILLAGE, NameIndex

__all__ = ["indic_space_joins"]

#: A letter of the spaced scripts the tokeniser scans whose names a space may split: Indic
#: (Bengali … Sinhala), Greek, Armenian, Hebrew, Syriac, N'Ko, Georgian, Ethiopic, Cherokee,
#: Coptic, Chakma, Adlam.
_SPACED_LETTER = re.compile(
    "[\u0980-\u0dff\u0370-\u03ff\u1f00-\u1fff\u0530-\u05ff\u0700-\u074f\u07c0-\u07ff"
    "\u10a0-\u10ff\u1200-\u13ff\u2c80-\u2cff\u2d80-\u2ddf\uab70-\uabbf"
    "\U00011100-\U0001114f\U0001e900-\U0001e95f]"
)
#: Those scripts other than the Indic ones: (first, last code point, script number).
_OTHER_SCRIPTS = (
    (0x0370, 0x03FF, 1),  # Greek
    (0x1F00, 0x1FFF, 1),  # Greek extended
    (0x0530, 0x058F, 2),  # Armenian
    (0x0590, 0x05FF, 3),  # Hebrew
    (0x0700, 0x074F, 4),  # Syriac
    (0x07C0, 0x07FF, 5),  # N'Ko
    (0x10A0, 0x10FF, 6),  # Georgian
    (0x1200, 0x139F, 7),  # Ethiopic and its supplement
    (0x2D80, 0x2DDF, 7),  # Ethiopic extended
    (0x13A0, 0x13FF, 8),  # Cherokee
    (0xAB70, 0xABBF, 8),  # Cherokee supplement
    (0x2C80, 0x2CFF, 9),  # Coptic
    (0x11100, 0x1114F, 10),  # Chakma
    (0x1E900, 0x1E95F, 11),  # Adlam
)
#: Bengali case endings a name may carry (the vowel sign e, and r): locative, genitive.
_BENGALI_ENDINGS = ("\u09c7\u09b0", "\u09c7")


def _block(tok: Token) -> int:
    """The Unicode block (its number) of a run of a spaced Indic script, a number of its own
    for a run of the other spaced scripts above, or 0."""
    if tok.latin or not tok.text:
        return 0
    first = ord(tok.text[0])
    if 0x980 <= first <= 0xDFF:
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
