"""The tokens spotting reads: a string's tokens with each run of Khmer, Thai and CJK text
split into the names and admin words it holds (longest first), Korean admin syllables glued
to their name, Khmer names told apart by a number or letter read whole, a Khmer name written
with its signs otherwise after its admin word read as the name (``ស្រុកស្វាយជ្រុំ``), an
ordinary Khmer word that is also a village's name read as a word (ក្នុង, "in"), a Khmer name
a space splits read whole (``កាស៊ីណូ ហេរ៉ូ``; a Bengali or Tamil one likewise:
``indic_joins.py``), and a hyphen that joins two names ("Moc
Bai-Bavet") read as the break a spaced one is, as is a possessive after a unit's name
("Kandal’s Koh Thom district"; where such joins break: ``junctions.py``).

First step of :func:`compoundmap.geocode.spot.spot`; :func:`flat_tokens` is also what the
sound pass and the tests align with.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .._scripts import is_han
from ..normalize import (
    ADMIN_WORDS,
    KOREAN_ADMIN_WORDS,
    Token,
    clean_text,
    splits_syllable,
    tokenize,
    word_list,
)
from ..settings import depends_on_settings, on_settings_change
from ..settings import get as get_settings
from .index import TIER_CURATED, NameIndex, build_index
from .indic_joins import indic_space_joins
from .junctions import JUNCTION, POSSESSIVE, junction_breaks
from .kana_bars import kana_bars
from .khmer import (
    KHMER_ADMIN,
    KHMER_COMMON,
    folded_name,
    khmer_name_tokens,
    khmer_space_joins,
    kind_before,
)
from .script_lists import SCRIPT_JOINER, list_breaks
from .thai_joins import thai_space_joins

__all__ = [
    "script_names",
    "ABROAD_HAN",
    "flat_tokens",
    "is_hangul",
    "korean_admin",
    "split_tokens",
]

_SIZES = get_settings()  # cache sizes are read once, here

#: The last string split with the bundled index, that index and the tokens: resolving asks
#: again for the tokens of the string spotting has just split (a second split saved). Held
#: here, neither can be freed and its id reused; a settings change forgets it.
_last: tuple[object, NameIndex | None, tuple[Token, ...]] = (None, None, ())


def _forget_last() -> None:
    global _last
    _last = (None, None, ())


on_settings_change(_forget_last)


def flat_tokens(text: str | tuple[Token, ...]) -> list[Token]:
    """The tokens the mentions of :func:`spot` index (each run of Khmer/Thai/CJK text split
    into its names and admin words)."""
    return split_tokens(text, build_index())


def split_tokens(text: str | tuple[Token, ...], index: NameIndex) -> list[Token]:
    """Tokens of the string, each run of Khmer/Thai/CJK text split into its names and admin
    words.

    Parameters
    ----------
    text : str or tuple of Token
        The string, or its tokens (``normalize.tokenize``).
    index : NameIndex
        The index whose names the runs are split into (pieces of the bundled index are
        cached).

    Returns
    -------
    list of Token
        The tokens, a hyphen between two names read as a break, a Korean admin syllable
        glued to its name, a number or letter after a Khmer name joined to it.
    """
    global _last
    prev = _last
    if prev[0] is text and prev[1] is index:
        return list(prev[2])  # (a new list: the caller may change it)
    if isinstance(text, str):
        toks = tokenize(text)
        if (("-" in text or "\u2013" in text or "\u2014" in text) and JUNCTION.search(text)) or (
            ("'s" in text or "\u2019s" in text) and POSSESSIVE.search(text)
        ):
            toks = junction_breaks(text, toks, index)
        if text.isascii():
            # every token of an ASCII string is a Latin one
            if index is build_index():
                _last = (text, index, tuple(toks))
            return list(toks)
        joined = text
        if _KANA_JUNCTION.search(text):
            # two katakana names joined by a hyphen are two names ("アランヤプラテート-
            # ポイペト", the Thai and Cambodian sides of a crossing), as if written with 、
            joined = _KANA_JUNCTION.sub("\u3001", text)
        if "\u2015" in joined:
            joined = kana_bars(joined, index)  # ― typed for ー, or a dash between two names
        if SCRIPT_JOINER.search(joined):
            # a list written with ・ or a Thai space ("プノンペン・シアヌークビル")
            joined = thai_space_joins(list_breaks(joined, index), index)
        if joined != text:
            toks = tokenize(joined)
    else:
        toks = text
    if len(toks) > 1:
        toks = indic_space_joins(khmer_space_joins(toks, index), index)
    flat: list[Token] = []
    lettered = False
    for k, tok in enumerate(toks):
        if lettered:
            lettered = False  # the letter joined to the name before it (below)
            continue
        if tok.latin:
            flat.append(tok)
        elif korean_admin(tok) and k and is_hangul(toks[k - 1]):
            continue  # glued to the word before it (below)
        else:
            # the level of a Khmer admin word ending the run before ("ភូមិ ក្រសាំងជ្រុំ")
            before = flat[-1].admin if flat and not flat[-1].latin and k else None
            if k + 1 < len(toks) and is_hangul(tok) and korean_admin(toks[k + 1]):
                # Korean writes 주/시 after a name with or without a space (시하누크 주)
                tok = tok._replace(text=tok.text + toks[k + 1].text)
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            # a number or one Khmer letter after the run may end its name: "… ទី ២"
            # (Phsar Depou Ti Pir), "ព្រែកខ្សាយ ក" (Preaek Khsay Ka, not Kha)
            number = ""
            if nxt is not None and (
                (nxt.latin and nxt.text.isdigit()) or (not nxt.latin and _khmer_letter(nxt))
            ):
                number = nxt.text
            pieces = list(
                _script_pieces_cached(tok.text, number, before)
                if index is build_index()
                else _script_pieces(tok, index, number, before)
            )
            last = pieces[-1] if pieces else None
            if (
                number
                and nxt is not None
                and not nxt.latin
                and last is not None
                and last.text
                and last.admin is None
                and last.text + number in index.names
            ):
                pieces[-1] = pieces[-1]._replace(text=pieces[-1].text + number)
                lettered = True
            flat.extend(pieces)
    if index is build_index():
        _last = (text, index, tuple(flat))
    return flat


#: A hyphen, dash or minus sign between two katakana letters: not the long-vowel mark ー
#: (U+30FC), which the tokeniser folds away, but a break between two names.
_KANA_JUNCTION = re.compile("(?<=[\u30a1-\u30fa])[-\u2010\u2013\u2014\u2212](?=[\u30a1-\u30fa])")


def _khmer_letter(tok: Token) -> bool:
    """A Khmer consonant written as a word of its own (the ក/ខ/គ that tell apart two units
    of one name)."""
    return len(tok.text) == 1 and "\u1780" <= tok.text <= "\u17a2"


def is_hangul(tok: Token) -> bool:
    """Whether a token of another script starts with a hangul syllable."""
    return not tok.latin and bool(tok.text) and "\uac00" <= tok.text[0] <= "\ud7af"


def korean_admin(tok: Token) -> bool:
    """A one-syllable Korean admin word written as a word of its own."""
    return not tok.latin and tok.text in KOREAN_ADMIN_WORDS


@depends_on_settings
@lru_cache(maxsize=_SIZES.tokenize_cache_size)
def _script_pieces_cached(
    text: str, number: str = "", before: int | None = None
) -> tuple[Token, ...]:
    """:func:`_script_pieces` of a run with the process's index (cached per run: distinct
    strings share their names)."""
    return tuple(_script_pieces(Token(text, latin=False), build_index(), number, before))


def _script_pieces(
    tok: Token, index: NameIndex, number: str = "", before: int | None = None
) -> list[Token]:
    """Split a run of Khmer/Thai/CJK text into known names and admin words (longest first).

    An unknown katakana letter is kept: a known name glued after it (オッダー|ミェンチェイ) is
    part of an unknown name. Other unknown characters become one break. ``number``, the
    digits written right after the run ("ផ្សារដេប៉ូទី ២" reaches here as ផ្សារដេប៉ូ and 2):
    the rest of the run is one piece when it and the number make a name (Phsar Depou Ti Pir),
    though the bare name is none. ``before``: the level of a Khmer admin word written as
    the word before the run (a name right after an admin word may be read through
    :func:`~compoundmap.geocode.khmer.khmer_folds`).
    """
    min_chars = get_settings().script_name_min_chars
    s = tok.text
    out: list[Token] = []
    pos, n = 0, len(s)
    bare = _bare_province(s, index) if 2 <= n <= 4 and is_han(s[0]) else ""
    if bare:
        return [Token(bare, latin=False)]
    while pos < n:
        if number and s[pos:] + number in index.names:
            out.append(Token(s[pos:], latin=False))
            break
        level = out[-1].admin if out else before
        if level is not None and "\u1780" <= s[pos] <= "\u17a2":
            folded = folded_name(s, pos, level, index)
            if folded is not None:
                out.append(Token(folded[0], latin=False))
                pos = folded[1]
                continue
        abroad = _abroad_han_at(s, pos, index) if s[pos] in _ABROAD_BY_FIRST else ""
        if abroad:
            # a place in China before its admin word (昆明|市, 镇江|市): a word of its own,
            # so that the name after it is read as inside it
            out.append(Token(abroad, stop=True, latin=False))
            pos += len(abroad)
            continue
        for length in range(min(index.max_script_len, n - pos), 0, -1):
            piece = s[pos : pos + length]
            if (
                piece in KHMER_COMMON
                and (out[-1].admin if out else before) is None
                and not splits_syllable(s, pos, pos + length)
            ):
                # an ordinary word that is also a village's name, with no admin word before
                # it ("ក្នុងខេត្តសៀមរាប", in Siem Reap province): a word, not the village
                if not (out and out[-1].stop):
                    out.append(Token("", stop=True, latin=False))
                pos += length
                break
            if (
                piece in index.names
                and length >= min_chars
                and not splits_syllable(s, pos, pos + length)
                and not _prefixed_piece(s, pos, length)
                and not _khmer_coda_after(s, pos + length)
            ):
                if out and out[-1].stop and not out[-1].text and kind_before(s, pos):
                    # a casino word glued before the name: the break says which
                    out[-1] = Token(kind_before(s, pos), stop=True, latin=False)
                out.extend(khmer_name_tokens(piece, index))  # "រាជធានី|ភ្នំពេញ"
                pos += length
                break
            if piece in ADMIN_WORDS and _admin_here(s, pos, length, out):
                out.append(Token(piece, admin=ADMIN_WORDS[piece], latin=False))
                pos += length
                break
        else:
            kind = _kana_kind_before_name(s, pos, index) if s[pos] in _KANA_KIND_FIRST else ""
            if kind:
                # a katakana kind word glued before a name (カジノ|ポイペト, ホテル|シアヌーク
                # ビル): a word of its own, so the name after it is read
                if not (out and out[-1].stop):
                    out.append(Token("", stop=True, latin=False))
                pos += len(kind)
                continue
            if "\u30a1" <= s[pos] <= "\u30fc" and s[pos] != "\u30fb":
                # an unknown katakana letter is part of an unknown name: a known name glued
                # after it (オッダー|ミェンチェイ) is not counted on its own (not Thai, which
                # writes words without spaces: ที่ปอยเปต is "at Poipet")
                out.append(Token(s[pos], latin=False))
            elif out and out[-1].stop:
                pass
            else:
                out.append(Token("", stop=True, latin=False))
            pos += 1
    return out


#: Katakana words for a kind of place (casino, hotel, resort: ``stop_words.csv`` role
#: ``kind_before_kana``), longest first, by first letter.
_KANA_KINDS = tuple(
    sorted({clean_text(w) for w in word_list("kind_before_kana")}, key=len, reverse=True)
)
_KANA_KIND_FIRST = frozenset(w[0] for w in _KANA_KINDS)


def _kana_kind_before_name(s: str, pos: int, index: NameIndex) -> str:
    """The katakana kind words (one or more: カジノリゾート) written at ``s[pos]`` when a
    known name of the index (``script_name_min_chars`` letters or more) starts right after
    them, else "". Otherwise the kind word's letters are an unknown katakana name's (a
    known name glued after them would be part of it: ``_script_pieces``)."""
    end = pos
    while True:
        kind = next((w for w in _KANA_KINDS if s.startswith(w, end)), "")
        if not kind:
            break
        end += len(kind)
    if end == pos:
        return ""
    min_chars = get_settings().script_name_min_chars
    if any(
        s[end : end + k] in index.names and not splits_syllable(s, end, end + k)
        for k in range(min_chars, min(index.max_script_len, len(s) - end) + 1)
    ):
        return s[pos:end]
    return ""


#: Chinese names of places in China (provinces, prefecture-level cities), from
#: ``stop_words.csv`` role ``abroad_han``, by first character, longest first.
ABROAD_HAN = frozenset(word_list("abroad_han"))
_ABROAD_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _w in sorted(ABROAD_HAN, key=len, reverse=True):
    _ABROAD_BY_FIRST[_w[0]] = (*_ABROAD_BY_FIRST.get(_w[0], ()), _w)
_HAN_ADMIN = tuple(sorted((w for w in ADMIN_WORDS if w and is_han(w[0])), key=len, reverse=True))
#: The one-character admin words above the village a Chinese name of ours may end in
#: (西山區, 波贝市; not 村, which also ends 度假村, a resort).
_HAN_ADMIN_ENDS = frozenset(w for w in _HAN_ADMIN if len(w) == 1 and ADMIN_WORDS[w] <= 3)


def _abroad_han_at(s: str, pos: int, index: NameIndex) -> str:
    """The Chinese name of a place in China that starts at ``s[pos]`` with an admin word
    right after it (昆明市, 云南省), or glued to a name of ours that ends in one (昆明西山区),
    unless a name of the index as long or longer starts there too; or "". A name of ours
    after it is one of that place's (昆明市西山区 is Xishan of Kunming, not Sesan); a name
    with no admin word glued after it is not touched (广州金边: a flight route)."""
    for name in _ABROAD_BY_FIRST.get(s[pos], ()):
        end = pos + len(name)
        if (
            s.startswith(name, pos)
            and (
                any(s.startswith(a, end) for a in _HAN_ADMIN)
                or any(
                    s[end : end + k] in index.names and s[end + k - 1] in _HAN_ADMIN_ENDS
                    for k in range(2, min(index.max_script_len, len(s) - end) + 1)
                )
            )
            and not any(
                s[pos : pos + k] in index.names
                for k in range(len(name), min(index.max_script_len, len(s) - pos) + 1)
            )
        ):
            return name
    return ""


#: Ordinary Chinese words that are also a curated province name without its 省
#: (``stop_words.csv`` role ``ordinary_han``: 国安, national security).
_ORDINARY_HAN = frozenset(word_list("ordinary_han"))


def _bare_province(run: str, index: NameIndex) -> str:
    """The curated Chinese province name "<run>省" when ``run`` is a whole run written
    without its 省 (a list item between 、: "磅清扬、波萝勉、实居、柴桢等16个省") and is no
    name of its own; else "". Only a whole run: inside a longer run the bare name may be
    part of an ordinary word (实居 in 真实居住)."""
    if run in index.names or run in _ORDINARY_HAN:
        return ""
    full = run + "省"
    entries = [e for e in index.names.get(full, ()) if not e.inferred]
    if entries and all(e.kind == "province" and e.tier == TIER_CURATED for e in entries):
        return full
    return ""


def _prefixed_piece(s: str, pos: int, length: int) -> bool:
    """Whether a Khmer name that starts with an admin word ("ភូមិថ្មី", the commune Phum
    Thmei) is glued to more letters: then the admin word is the prefix of another name
    ("ភូមិ|ថ្មីសែនជ័យ", the village Thmei Saen Chey)."""
    end = pos + length
    if end >= len(s) or not ("\u1780" <= s[end] <= "\u17b3"):
        return False
    piece = s[pos:end]
    return any(piece.startswith(a) and len(piece) > len(a) for a in KHMER_ADMIN) and not any(
        s.startswith(a, end) for a in KHMER_ADMIN
    )


def _khmer_coda_after(s: str, end: int) -> bool:
    """Whether the Khmer consonant at ``s[end]`` closes the syllable of a name piece ending
    at ``end``: the piece ends on a dependent vowel, and that consonant carries no vowel,
    sign or subscript of its own while the consonant after it carries a vowel ("ភា", the
    village Phea, in "ភាគខាងលិច", the west part: គ is the final of ភាគ). Names only: an
    admin word before a name starting with a bare consonant stays ("ភូមិ|ពញាឮ")."""
    if end + 2 >= len(s) or not ("\u17b6" <= s[end - 1] <= "\u17c5"):
        return False
    return (
        "\u1780" <= s[end] <= "\u17a2"
        and "\u1780" <= s[end + 1] <= "\u17a2"
        and "\u17b6" <= s[end + 2] <= "\u17c5"
    )


def _admin_here(s: str, pos: int, length: int, out: list[Token]) -> bool:
    """Whether an admin word found at ``s[pos:pos + length]`` is one: not a piece of a
    syllable, and a one-syllable Korean word (주, 시, 군) only right after a name or as a
    word of its own (시 starts 시하누크빌 and many ordinary words)."""
    if splits_syllable(s, pos, pos + length):
        return False
    if length == 1 and "\uac00" <= s[pos] <= "\ud7af":
        return len(s) == 1 or (pos + 1 == len(s) and bool(out) and bool(out[-1].text))
    return True


def script_names(span: str, index: NameIndex) -> list[str]:
    """The names a span of script text splits into: no Latin, stop or admin word.

    Parameters
    ----------
    span : str
        The text, as written.
    index : NameIndex
        The index the span is split against.

    Returns
    -------
    list of str
        The pieces' texts, in order, as mentions of the same text hold them.

    Examples
    --------
    >>> script_names("プノンペン", build_index())
    ['プノンペン']
    """
    return [
        t.text
        for t in split_tokens(span, index)
        if t.text and not t.latin and not t.stop and t.admin is None
    ]
