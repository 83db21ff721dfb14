"""A curated landmark's name written with one typo in one of its words.

The name of a curated locality (``localities.csv``: casinos, crossings, zones, parks …)
in two or more words, written with one letter dropped, added, changed or two swapped in
ONE word ("Kiirom National Park", "Meun Chey bordre gate"), or with the space between two
of its words dropped or one word split ("Jinshuicasino"), is read as that name when:

- every other word of the name is written exactly, in order, next to it;
- the word as written and as named have at least :data:`MIN_LETTERS` letters, share their
  first letter and are one edit apart (a joined or split word: the same letters);
- the word as written is no name of the index, no stop word and no admin word (an
  ordinary or gazetteer word is no typo: "Kampot park" stays Kampot);
- the written words read so stand for exactly one locality.

When the string as written is not read as that locality, it is read again with the name
written right (:func:`repaired_tokens`); that reading is kept when it places the locality,
every place it finds is matched, and its units differ from the first reading's; its answers
are then capped at ``medium`` confidence (:func:`read_repaired`): the string did not write
the name. Only ASCII strings holding a word of these names are tried, with a few dict
look-ups per word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from rapidfuzz.distance import OSA

from ..gazetteer import get_gazetteer
from ..normalize import Token, tokenize
from ..settings import depends_on_settings
from .abroad import is_foreign_name, lower_words
from .index import build_index, long_lived, name_index
from .result import GeocodeResult, Reader
from .tokens import split_tokens

__all__ = ["MIN_LETTERS", "prepare", "read_repaired", "repaired_tokens"]

#: Letters the misspelt word needs, as written and as named.
MIN_LETTERS = 4

_Name = tuple[tuple[str, ...], str, tuple[Token, ...], int]


@depends_on_settings
@cache
def _names() -> tuple[frozenset[str], dict[str, tuple[_Name, ...]], int]:
    """The words of the multi-word ASCII names and aliases of the curated localities, and
    those names (words, locality, tokens, letters) under the keys a window's first words may give:
    the first word, the second word (the first misspelt), the first two joined (the first
    written joined) and the first word (split: looked up under the two written words
    joined); and the most words a name has."""
    names: set[_Name] = set()
    loc = get_gazetteer().localities
    for row_name, aliases in zip(loc["name"], loc["aliases"], strict=True):
        for written in [str(row_name), *map(str, aliases)]:
            if not written.isascii():
                continue
            toks = tokenize(written)
            while toks and not toks[-1].text:
                toks = toks[:-1]
            if len(toks) >= 2 and toks[0].text:
                words = tuple(t.text for t in toks)
                names.add((words, str(row_name), toks, sum(map(len, words))))
    keys: dict[str, set[_Name]] = {}
    for name in names:
        words = name[0]
        for key in (words[0], "\t" + words[1], words[0] + words[1]):
            keys.setdefault(key, set()).add(name)
    # a window's words, all but the misspelt one, are words of the name or two of them joined
    vocab = frozenset(
        {w for words, *_ in names for w in words}
        | {x + y for words, *_ in names for x, y in zip(words, words[1:], strict=False)}
    )
    by_key = {k: tuple(sorted(v, key=lambda x: x[:2])) for k, v in keys.items()}
    return long_lived((vocab, by_key, max(len(words) for words, *_ in names)))


@depends_on_settings
@cache
def _distinctive() -> frozenset[str]:
    """The words of those names (3 letters or more) that are no word of a unit's or
    place's name, no name in the index, admin word, number nor short stop word ("casino",
    "park", "fortune"), in lower case as written and as the tokeniser folds them: a
    string holding none of them is left as it is, before it is tokenised a second time
    (most strings name only admin units; a name misspelt in its only such word, or
    written joined to it, "Jinshuicasino", is not repaired)."""
    index = name_index()
    gaz = get_gazetteer()
    loc = gaz.localities
    # every word of a unit's or a place's name ("prey", "kiri", "penh")
    units = {
        w
        for col in (gaz.units["name_en"], gaz.places["name"])
        for name in col.astype(str)
        for w in _WORD.findall(name.lower())
    }
    out: set[str] = set()
    for row_name, aliases in zip(loc["name"], loc["aliases"], strict=True):
        for written in [str(row_name), *map(str, aliases)]:
            if not written.isascii():
                continue
            for raw in _WORD.findall(written.lower()):
                toks = [t for t in tokenize(raw) if t.text]
                folded = [t.text for t in toks]
                # a kind word ("casino", "border") is a stop word: kept from 4 letters
                if (
                    len(raw) >= 3
                    and raw not in units
                    and not any(
                        t.admin is not None
                        or t.text in index
                        or t.text.isdigit()
                        or (t.stop and len(t.text) < 4)
                        for t in toks
                    )
                ):
                    out.add(raw)
                    out.update(folded)
    return long_lived(frozenset(out))


#: A run of letters or digits, as :func:`_distinctive` reads a name and a string.
_WORD = re.compile("[a-z0-9]+")


def _typo(written: str, named: str) -> bool:
    """Whether ``written`` is ``named`` with one edit (see the module's rules)."""
    return (
        written != named
        and min(len(written), len(named)) >= MIN_LETTERS
        and written[0] == named[0]
        and OSA.distance(written, named) == 1
    )


def _ordinary(tok: Token) -> bool:
    """Whether a written word is a word in its own right: a name, stop or admin word."""
    return tok.stop or tok.admin is not None or tok.text in name_index() or tok.text.isdigit()


def _named_with(toks: Sequence[Token], k: int) -> bool:
    """Whether the word at ``k`` makes a name of the index or of a place abroad with the word
    before or after it ("Chey Kampok" is a commune, not "Kampot" misspelt; "Chong Chom" is
    the Thai side of a crossing, not "Choam")."""
    index = name_index()
    before = toks[k - 1].text if k else ""
    after = toks[k + 1].text if k + 1 < len(toks) else ""
    w = toks[k].text
    return any(
        x in index or is_foreign_name(x)
        for x in (before + w, w + after, before + w + after)
        if x != w
    )


def _match(toks: Sequence[Token], a: int, b: int, words: tuple[str, ...]) -> bool:
    """Whether ``toks[a:b]`` writes ``words`` with one typo, join or split in one word."""
    got = [t.text for t in toks[a:b]]
    n, m = len(got), len(words)
    if n == m:
        off = [k for k in range(n) if got[k] != words[k]]
        return (
            len(off) == 1
            and _typo(got[off[0]], words[off[0]])
            and not _ordinary(toks[a + off[0]])
            and not _named_with(toks, a + off[0])
        )
    if n == m - 1:  # two words joined
        return any(
            got[:k] == list(words[:k])
            and words[k]
            and words[k + 1]
            and got[k] == words[k] + words[k + 1]
            and got[k + 1 :] == list(words[k + 2 :])
            and not _ordinary(toks[a + k])
            for k in range(n)
        )
    if n == m + 1:  # one word split
        return any(
            got[:k] == list(words[:k])
            and got[k]
            and got[k + 1]
            and got[k] + got[k + 1] == words[k]
            and got[k + 2 :] == list(words[k + 1 :])
            and not (_ordinary(toks[a + k]) and _ordinary(toks[a + k + 1]))
            for k in range(m)
        )
    return False


def prepare() -> None:
    """Build the tables of names and their one-letter deletions now (:func:`_names`,
    :func:`_one_off`, else in the first string that holds a word of a name)."""
    _one_off()
    _distinctive()


@depends_on_settings
@cache
def _one_off() -> frozenset[str]:
    """The words of the names (:func:`_names`) of :data:`MIN_LETTERS` letters or more, each
    also with one letter deleted: a word one edit from such a word shares a key with it."""
    vocab = _names()[0]
    return long_lived(
        frozenset(
            {w for w in vocab if len(w) >= MIN_LETTERS}
            | {w[:p] + w[p + 1 :] for w in vocab if len(w) >= MIN_LETTERS for p in range(len(w))}
        )
    )


def _near(toks: Sequence[Token], k: int, vocab: frozenset[str]) -> bool:
    """Whether the word at ``k`` may be a word of a name misspelt, two joined or one split:
    one edit from such a word, or in ``vocab`` (joined words are) or in it with a
    neighbour."""
    w = toks[k].text
    if not w:
        return False
    if w in vocab or (k and toks[k - 1].text + w in vocab):
        return True
    if k + 1 < len(toks) and w + toks[k + 1].text in vocab:
        return True
    keys = _one_off()
    return len(w) >= MIN_LETTERS and (
        w in keys or any(w[:p] + w[p + 1 :] in keys for p in range(len(w)))
    )


def repaired_tokens(text: str) -> tuple[tuple[Token, ...], str] | None:
    """The tokens of ``text`` with a misspelt curated landmark name written right, and
    that locality's name; ``None`` when the string names none (see the module's rules).

    Parameters
    ----------
    text : str
        The place string.

    Returns
    -------
    (tuple of Token, str) or None
        The string's tokens, the misspelt window replaced by the name's tokens, and the
        name of the locality (its ``name`` in ``localities.csv``).
    """
    if not text.isascii():
        return None
    # (the string's words as places reads them, for the last few strings: the same runs
    # as ``_WORD`` finds when the string holds no "_")
    words = lower_words(text) if "_" not in text else _WORD.findall(text.lower())
    if _distinctive().isdisjoint(words):
        return None
    vocab, keys, longest = _names()
    toks = split_tokens(text, build_index())
    if not any(t.text in vocab for t in toks):
        return None
    # the misspelt (joined, split) word is no word in its own right: most strings have none
    loose = [k for k, t in enumerate(toks) if t.text and not _ordinary(t) and _near(toks, k, vocab)]
    if not loose:
        return None
    n = len(toks)
    cum = [0]  # letters before each word: a window one edit from a name has about as many
    for t in toks:
        cum.append(cum[-1] + len(t.text))
    for a in range(n):
        w0, w1 = toks[a].text, toks[a + 1].text if a + 1 < n else ""
        if not w0 or not any(a <= p <= a + longest for p in loose):
            continue
        hits: dict[str, tuple[int, tuple[Token, ...]]] = {}
        for group in (keys.get(w0, ()), keys.get("\t" + w1, ()), keys.get(w0 + w1, ())):
            for words, loc, name_toks, letters in group:
                m = len(words)
                for b in (a + m - 1, a + m, a + m + 1):
                    if (
                        b <= n
                        and abs(cum[b] - cum[a] - letters) <= 1
                        and any(a <= p < b for p in loose)
                        and _match(toks, a, b, words)
                    ):
                        hits[loc] = (b, name_toks)
        if len(hits) > 1:
            return None
        if hits:
            loc, (b, name_toks) = next(iter(hits.items()))
            return (*toks[:a], *name_toks, *toks[b:]), loc
    return None


def read_repaired(text: str, read: Reader) -> list[GeocodeResult]:
    """``read(text)``, or, when ``text`` names a curated landmark with one typo that this
    reading misses, ``read`` of the tokens with the name written right, every ``high``
    answer lowered to ``medium`` (the string did not write the name).

    Parameters
    ----------
    text : str
        The place string.
    read : callable
        Reads a string or its tokens into results.

    Returns
    -------
    list of GeocodeResult
        The results.
    """
    results = read(text)
    repaired = repaired_tokens(text)
    if repaired is None or any(r.matched_name == repaired[1] for r in results):
        return results
    fixed = read(repaired[0])
    # the repair must find the name and place it, and give another answer than the string
    if (
        not any(r.matched_name == repaired[1] for r in fixed)
        or any(r.status != "matched" for r in fixed)
        or _codes(fixed) == _codes(results)
    ):
        return results
    return _capped(fixed)


def _codes(results: list[GeocodeResult]) -> set[tuple[str | None, ...]]:
    """The units of ``results``."""
    return {(r.province_code, r.district_code, r.commune_code) for r in results}


def _capped(results: list[GeocodeResult]) -> list[GeocodeResult]:
    """``results`` with ``high`` confidence lowered to ``medium``."""
    return [replace(r, confidence="medium") if r.confidence == "high" else r for r in results]
