"""The word tables the normaliser reads from the data files (``admin_words.csv``,
``romanisation_variants.csv``): admin words by script and level, admin phrases, written-out
abbreviations, whole-token romanisation variants and kept capitals. Split from
``normalize.py`` in round 11; ``normalize`` re-exports the public ones.
"""

from __future__ import annotations

import re
import unicodedata

from ._scripts import fold_script as _fold_script
from ._scripts import is_hangul as _is_hangul
from ._wordlists import admin_words, romanisation_variants

__all__ = [
    "ABBREVIATIONS",
    "ABBREVIATION_KEYS",
    "ABBREVIATION_RE",
    "ADMIN_WORDS",
    "ASCII_ABBREVIATIONS",
    "KEPT_CAPITALS",
    "KOREAN_ADMIN_WORDS",
    "LATIN_ADMIN",
    "LATIN_PHRASES",
    "NUMBER_MARKERS",
    "SCRIPT_ADMIN",
    "SPACED_SCRIPTS",
    "TOKEN_VARIANTS",
]


#: Scripts written with spaces between words: their words are folded and looked up as
#: n-grams like Latin ones (Cyrillic, Arabic, Devanagari). Khmer, Thai and CJK runs are
#: scanned instead.
SPACED_SCRIPTS = frozenset({"Latn", "Cyrl", "Arab", "Deva"})


def _normaliser_words() -> tuple[
    dict[str, int], dict[tuple[str, ...], str], dict[str, int], dict[str, str]
]:
    """(admin words of spaced scripts → level, phrases of two to four words → the token they
    fold to, admin words of other scripts → level, abbreviations → the word they stand for),
    from the rows the normaliser uses."""
    latin: dict[str, int] = {}
    phrases: dict[tuple[str, ...], str] = {}
    script: dict[str, int] = {}
    abbreviations: dict[str, str] = {}
    for w in admin_words():
        if "normalize" not in w.used_by:
            continue
        if w.folds_to and w.script in SPACED_SCRIPTS:
            phrases[tuple(w.word.split())] = w.folds_to
        elif w.folds_to:
            # "จ." (Thai, abbreviated จังหวัด): written out before tokenising, in the form
            # clean_text gives the rest of the string (NFKC: Thai ำ is ํ + า)
            abbreviations[w.word] = unicodedata.normalize("NFKC", w.folds_to)
        elif w.script in SPACED_SCRIPTS:
            latin[w.word] = w.level
        else:
            # keyed as clean_text writes a run (NFKC, then the script folds): อำเภอ and
            # ตำบล were never found in a cleaned Thai run, which spells ำ as ํ + า
            script[_fold_script(unicodedata.normalize("NFKC", w.word))] = w.level
    return latin, phrases, script, abbreviations


# Latin-script admin words (after folding) → level: English, transliterated Khmer, French,
# Portuguese/Spanish, Indonesian/Malay and Vietnamese (unaccented) as sources use them.
# Two-word Vietnamese/Indonesian admin phrases are folded to one token before lookup ("thi"
# and "xa" alone are not admin words of the phrase's level). Non-Latin admin words are
# matched as substrings inside runs of Khmer, Thai, CJK text.
LATIN_ADMIN, LATIN_PHRASES, SCRIPT_ADMIN, ABBREVIATIONS = _normaliser_words()
# an abbreviation counts only as a word of its own, before a name ("จ.สระแก้ว")
ABBREVIATION_RE = (
    re.compile(
        "(?<![\u0e00-\u0e7f])("
        + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
        + ")"
    )
    if ABBREVIATIONS
    else None
)
# whether an ASCII string may hold an abbreviation (the bundled ones are all Thai)
ASCII_ABBREVIATIONS = any(a.isascii() for a in ABBREVIATIONS)

#: Every admin word the normaliser knows, with the level it hints at.
ADMIN_WORDS: dict[str, int] = {**LATIN_ADMIN, **SCRIPT_ADMIN}
#: Korean admin syllables that may stand as a word of their own ("주", "군" …).
KOREAN_ADMIN_WORDS = frozenset(w for w in SCRIPT_ADMIN if len(w) == 1 and _is_hangul(w))

# Whole-token romanisation variants → one spelling (applied after diacritics are removed),
# Khmer number words ("Lekh Bei", "Ti Muoy") and Roman numerals (not "i" and "v", which are
# too often something else). "ti"/"lekh" mean "number": "Ti Bei" = "Lekh Bei" = 3.
TOKEN_VARIANTS: dict[str, str] = {
    v: c for v, c, kind in romanisation_variants() if kind not in ("number_marker", "abbreviation")
}
NUMBER_MARKERS = frozenset(v for v, _, kind in romanisation_variants() if kind == "number_marker")
# abbreviations written in capitals ("PP") whose letters no spelling fold may merge
KEPT_CAPITALS = {v: c for v, c, kind in romanisation_variants() if kind == "abbreviation"}
#: The tokens those abbreviations fold to ("pp", "bbang"): a name is read from one only as
#: written, never as a typo of it (a word "bang" is no misspelt "B'bang").
ABBREVIATION_KEYS = frozenset(KEPT_CAPITALS.values())
