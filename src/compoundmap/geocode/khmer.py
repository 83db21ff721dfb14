"""How the tokens step reads Khmer runs beyond exact names (:mod:`compoundmap.geocode.tokens`):
a name written with its signs otherwise right after its admin word, read through the fold
of :func:`compoundmap.normalize.khmer_sign_fold` when that fold names one thing only
(``ស្រុក|ស្វាយជ្រុំ`` is the district ស្វាយជ្រំ); ordinary words that are also a village's
or commune's name, or end in one (``stop_words.csv`` role ``common``: ក្នុង "in", លោក
"Mr.", អាគារ "building"); and a name a space splits in two (``កាស៊ីណូ ហេរ៉ូ``, MEF's
``អ បួនលើ``).

The guards and their sweep: ``benchmarks/sweep_khmer_signs.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..normalize import (
    ADMIN_WORDS,
    PROVINCE,
    Token,
    clean_text,
    khmer_sign_fold,
    splits_syllable,
    token_text,
    word_list,
)
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .index import KIND_LEVEL, TIER_VILLAGE, NameIndex, build_index
from .mentions import Mention

__all__ = [
    "KHMER_ADMIN",
    "KHMER_COMMON",
    "KHMER_KINDS",
    "folded_name",
    "khmer_folds",
    "khmer_name_tokens",
    "khmer_space_joins",
    "kind_before",
    "named_after_kind",
    "prepare",
]

#: Khmer admin words, longest first.
KHMER_ADMIN = tuple(
    sorted((w for w in ADMIN_WORDS if "\u1780" <= w[0] <= "\u17ff"), key=len, reverse=True)
)


#: Ordinary Khmer words that are also the name of a village or commune, or end in one
#: (ក្នុង "in", លោក "Mr.", ច្រក "pass", ផ្សារ "market", អាគារ "building": គារ is a commune):
#: ``stop_words.csv`` role ``common``, read as a name only right after an admin word
#: ("ភូមិក្នុង", "ឃុំផ្សារ").
KHMER_COMMON = frozenset(
    clean_text(w) for w in word_list("common") if "\u1780" <= w[:1] <= "\u17ff"
)


#: Khmer words for a casino, as pages spell them (``stop_words.csv`` role ``kind_khmer``): a
#: casino is often named after a village ("កាឡាក់ស៊ីជ្រៃធំ", in the village Chrey Thum of
#: Kandal), whose name is a commune or village in other provinces too.
KHMER_KINDS = frozenset(clean_text(w) for w in word_list("kind_khmer"))


def kind_before(s: str, pos: int) -> str:
    """The word of :data:`KHMER_KINDS` that ``s`` writes right before ``pos``, or ""."""
    for kind in KHMER_KINDS:
        if s.endswith(kind, 0, pos):
            return kind
    return ""


def named_after_kind(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The one name of a string, marked ``loose`` when a casino word is glued before it and
    it reads only as communes or villages of more than one province ("កាស៊ីណូជ្រៃធំ": a
    casino may be named after the village Chrey Thum of Kandal, the commune Chrey Thum is in
    Svay Rieng): nothing else in the string says which, so the reading loses the top band
    (``confidence.py``). A name of one province only keeps it (benchmarks/
    sweep_khmer_casino.py)."""
    m = mentions[0]
    if (
        len(mentions) == 1
        and m.start > 0
        and flat[m.start - 1].stop
        and flat[m.start - 1].text in KHMER_KINDS
        and all(e.kind in ("commune", "village") for e in m.entries)
        and len({e.province_code for e in m.entries}) > 1
    ):
        return [m._replace(loose=True)]
    return mentions


def khmer_space_joins(toks: Sequence[Token], index: NameIndex) -> tuple[Token, ...]:
    """The tokens, two Khmer runs a space splits a name across joined into one
    ("កាស៊ីណូ ហេរ៉ូ"; MEF's "អ បួនលើ"): when the end of the first run (all of it, or what
    follows its last admin word) and the start of the second (all of it, or what comes
    before its first admin word) make an indexed name of a unit or locality (not only of
    villages), and neither part is an indexed name itself; and a number after a Khmer
    admin word joined to the run after it when the two start a name ("ខណ្ឌ|7|មករា", MEF's
    district ៧មករា: the tokeniser splits Khmer digits, folded to ASCII, from letters).

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
    """
    if not _KHMER_LETTER.search("".join(map(token_text, toks))):
        return tuple(toks)  # no Khmer run at all (one scan of the joined texts)
    out: list[Token] = [toks[0]]
    for tok in toks[1:]:
        last = out[-1]
        if _khmer_run(last) and _khmer_run(tok) and _spaced_name(last.text, tok.text, index):
            out[-1] = last._replace(text=last.text + tok.text)
        elif _khmer_run(tok) and _number_first(out, tok.text, index):
            out[-1] = tok._replace(text=last.text + tok.text)
        else:
            out.append(tok)
    return tuple(out)


def _number_first(before: Sequence[Token], right: str, index: NameIndex) -> bool:
    """Whether the number ending ``before`` starts a name with the start of the Khmer run
    ``right`` (all of it, or what comes before its first admin word): MEF's district
    "៧មករា" (7 Makara) and villages "១០មករា", "២៧សែនជ័យ", which the tokeniser splits
    after the digits. Only right after a Khmer admin word ("ខណ្ឌ៧មករា", "ភូមិ ១០មករា"): a
    date ("ថ្ងៃទី៧ មករា", 7 January) is no place."""
    if len(before) < 2 or not before[-1].latin or not before[-1].text.isdigit():
        return False
    admin = before[-2]
    if not (_khmer_run(admin) and admin.text.endswith(KHMER_ADMIN)):
        return False
    number, names = before[-1].text, index.names
    ends = [len(right)] + [e for e in range(1, len(right)) if right.startswith(KHMER_ADMIN, e)]
    return any(
        number + right[:e] in names and (e == len(right) or not splits_syllable(right, 0, e))
        for e in ends
    )


# a character of the Khmer block; a token's text (C-level)
_KHMER_LETTER = re.compile("[\u1780-\u17ff]")


def _khmer_run(tok: Token) -> bool:
    """A token of Khmer letters (a run the scan splits)."""
    return not tok.latin and bool(tok.text) and "\u1780" <= tok.text[0] <= "\u17ff"


def _spaced_name(left: str, right: str, index: NameIndex) -> bool:
    """Whether the end of ``left`` and the start of ``right`` make a name (see
    :func:`khmer_space_joins`)."""
    starts = [0] + [
        e + len(a)
        for a in KHMER_ADMIN
        for e in range(len(left) - len(a) + 1)
        if left.startswith(a, e) and e + len(a) < len(left)
    ]
    ends = [len(right)] + [e for e in range(1, len(right)) if right.startswith(KHMER_ADMIN, e)]
    names = index.names
    for a in starts:
        head = left[a:]
        if head in names or splits_syllable(left, a, len(left)):
            continue
        for e in ends:
            tail = right[:e]
            if tail in names or (e < len(right) and splits_syllable(right, 0, e)):
                continue
            if any(x.tier < TIER_VILLAGE for x in names.get(head + tail, ())):
                return True
    return False


def khmer_name_tokens(piece: str, index: NameIndex) -> list[Token]:
    """The tokens of an indexed Khmer name the scan found: the name; or, when the name is a
    province's only, starts with a province-level admin word and the rest of it is an
    indexed name too (MEF's "រាជធានីភ្នំពេញ"), that admin word and the rest, so that the
    province is said as "ខេត្តកំពត" says Kampot, not as a bare name beside another one
    ("សាន រាជធានីភ្នំពេញ": the capital is kept; ``benchmarks/sweep_khmer_capital.py``).

    Parameters
    ----------
    piece : str
        An indexed name.
    index : NameIndex
        The name index.

    Returns
    -------
    list of Token
        One or two tokens.
    """
    if piece.startswith(_PROVINCE_WORDS):
        names = index.names
        for word in _PROVINCE_WORDS:
            rest = piece[len(word) :]
            if (
                piece.startswith(word)
                and rest in names
                and all(e.kind == "province" for e in names[piece])
            ):
                return [Token(word, admin=ADMIN_WORDS[word], latin=False), Token(rest, latin=False)]
    return [Token(piece, latin=False)]


#: Khmer admin words of the province level (ខេត្ត, រាជធានី), longest first.
_PROVINCE_WORDS = tuple(w for w in KHMER_ADMIN if ADMIN_WORDS[w] == PROVINCE)


def folded_name(s: str, pos: int, level: int, index: NameIndex) -> tuple[str, int] | None:
    """The indexed name a Khmer piece written right after an admin word of ``level`` stands
    for with its signs written otherwise ("ស្រុក|ស្វាយជ្រុំ", "ឃុំ|ស្វយទង់ខាងជើង"), and where
    the piece ends; ``None`` unless the piece runs up to the end of the run or to the next
    Khmer admin word, is not itself an indexed name, is at least
    ``khmer_name_min_chars`` long, and its fold (:func:`khmer_folds`) names one place of
    which some unit of the admin word's level bears the name.

    Parameters
    ----------
    s : str
        A Khmer run.
    pos : int
        Where the piece starts, right after the admin word.
    level : int
        The level the admin word says (``normalize.PROVINCE`` … ``VILLAGE``).
    index : NameIndex
        The name index.

    Returns
    -------
    tuple of (str, int) or None
        The indexed key the piece stands for and the piece's end in ``s``.
    """
    n = len(s)
    shortest = get_settings().khmer_name_min_chars
    ends = [e for e in range(pos + shortest, n) if s.startswith(KHMER_ADMIN, e)]
    folds = khmer_folds(index)
    ends.append(n)
    for end in ends:
        piece = s[pos:end]
        if len(piece) < shortest or splits_syllable(s, pos, end):
            continue
        if piece in index.names:
            return None  # written as indexed: the scan below reads it
        name = folds.get(khmer_sign_fold(piece))
        if name and any(KIND_LEVEL.get(e.kind) == level for e in index.names[name]):
            return name, end
    return None


def prepare() -> None:
    """Fold the process's index now (:func:`khmer_folds`, else on the first Khmer name
    after an admin word, while a string waits)."""
    _default_folds()


def khmer_folds(index: NameIndex) -> dict[str, str]:
    """Fold (:func:`compoundmap.normalize.khmer_sign_fold`) of each Khmer key of the index →
    that key, or ``""`` when keys of one fold name different things (សំបូរ and សំបួរ; the
    spellings ស្វាយជ្រំ and ស្វាយជ្រុំ of one district share theirs).

    Parameters
    ----------
    index : NameIndex
        The name index (the process's own is folded once and cached).

    Returns
    -------
    dict of str to str
        Fold → indexed key, ``""`` for a fold that is refused.
    """
    if index is build_index():
        return _default_folds()
    return _khmer_folds(index)


@depends_on_settings
@cache
def _default_folds() -> dict[str, str]:
    """:func:`khmer_folds` of the process's index."""
    return _khmer_folds(build_index())


def _khmer_folds(index: NameIndex) -> dict[str, str]:
    """:func:`khmer_folds`, computed."""
    meaning: dict[str, frozenset[tuple[str, str | None]]] = {}
    out: dict[str, str] = {}
    for key in sorted(index.names):
        if not key or not ("\u1780" <= key[0] <= "\u17ff"):
            continue
        fold = khmer_sign_fold(key)
        what = frozenset((e.kind, e.code) for e in index.names[key])
        if fold not in out:
            out[fold], meaning[fold] = key, what
        elif meaning[fold] != what:
            out[fold] = ""
    return out
