"""Syndication: the same wire story on many sites, grouped with MinHash and LSH (datasketch).

Each relevant document gets a MinHash signature where it is read (on the worker); the driver
indexes the signatures in a :class:`datasketch.MinHashLSH`, joins documents whose estimated
Jaccard similarity reaches :attr:`ScanSettings.syndication_threshold`, and keeps the earliest
document of each group as its head (ties: the first read). Hashing is datasketch's SHA-1
with a fixed seed, so groups never depend on ``PYTHONHASHSEED`` or on the scheduler.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np

from .settings import ScanSettings

__all__ = ["group_syndicated", "shingles", "signature"]

_WORD_RE = re.compile(r"[^\W_]+")
_SEED = 1
_SCHEME = "affine32"  # datasketch 2.x default, named so stored signatures stay comparable


def shingles(text: str, settings: ScanSettings | None = None) -> set[bytes]:
    """Word n-grams of a spaced text, character n-grams of a text written without spaces.

    A text is "spaced" when it has at least 4 words and at most 12 characters per word on
    average; its words are case-folded. A text shorter than one shingle gives one shingle
    of all its words (or letters).

    Parameters
    ----------
    text : str
        The document's text.
    settings : ScanSettings, optional
        ``shingle_words`` and ``shingle_chars``; default ``ScanSettings()``.

    Returns
    -------
    set of bytes
        The UTF-8 shingles (empty for a text without letters or digits).

    Examples
    --------
    >>> sorted(shingles("A b c d e f", ScanSettings(shingle_words=5)))
    [b'a b c d e', b'b c d e f']
    >>> sorted(s.decode() for s in shingles("柬埔寨诈骗园区", ScanSettings(shingle_chars=5)))
    ['埔寨诈骗园', '寨诈骗园区', '柬埔寨诈骗']
    """
    s = settings or ScanSettings()
    words = _WORD_RE.findall(text.casefold())
    spaced = len(words) >= 4 and len(words) * 12 >= len(text)
    if spaced:
        n = s.shingle_words
        if len(words) < n:
            return {" ".join(words).encode()}
        return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}
    chars = "".join(words)
    n = s.shingle_chars
    if len(chars) < n:
        return {chars.encode()} if chars else set()
    return {chars[i : i + n].encode() for i in range(len(chars) - n + 1)}


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's permutation parameters for ``num_perm`` and the fixed seed, drawn once
    per process (drawing them is most of the cost of a new MinHash)."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=_SEED, scheme=_SCHEME).permutations
    return a, b


def signature(text: str, settings: ScanSettings | None = None) -> bytes:
    """MinHash signature of a text, as ``num_perm`` little-endian 32-bit values.

    Parameters
    ----------
    text : str
        The document's text (its :func:`shingles` are hashed).
    settings : ScanSettings, optional
        ``num_perm`` and the shingle sizes; default ``ScanSettings()``.

    Returns
    -------
    bytes
        ``4 * num_perm`` bytes; the same text always gives the same bytes.

    Examples
    --------
    >>> len(signature("Police raided a scam compound in Sihanoukville."))
    256
    """
    from datasketch import MinHash

    s = settings or ScanSettings()
    mh = MinHash(
        num_perm=s.num_perm, seed=_SEED, scheme=_SCHEME, permutations=_permutations(s.num_perm)
    )
    sh = shingles(text, s)
    if sh:
        mh.update_batch(sh)  # a minimum per permutation: the order of the shingles is moot
    return np.asarray(mh.hashvalues, dtype="<u4").tobytes()


class _Dated(Protocol):
    @property
    def key(self) -> tuple[int, int, int]: ...

    @property
    def date(self) -> str: ...

    @property
    def minhash(self) -> bytes: ...


def group_syndicated(
    docs: Sequence[_Dated], settings: ScanSettings | None = None
) -> list[list[int]]:
    """Group near-duplicate documents; return groups of positions into ``docs``.

    Each group lists its head first (earliest ``date``; an undated document comes after
    dated ones; ties by ``key``), then the copies in the same order. Groups are sorted the
    same way by their heads.

    Parameters
    ----------
    docs : sequence
        Objects with ``key`` (a tuple of 3 ints), ``date`` (ISO text, ``""`` if unknown) and
        ``minhash`` (from :func:`signature` with the same ``settings``).
    settings : ScanSettings, optional
        ``syndication_threshold`` and ``num_perm``; default ``ScanSettings()``.

    Returns
    -------
    list of list of int
        Every position of ``docs`` in exactly one group (a document without copies is a
        group of one); empty for no documents.
    """
    from datasketch import MinHash, MinHashLSH

    s = settings or ScanSettings()
    n = len(docs)
    if n == 0:
        return []
    lsh = MinHashLSH(threshold=s.syndication_threshold, num_perm=s.num_perm)
    hashes = [np.frombuffer(d.minhash, dtype="<u4").astype(np.uint64) for d in docs]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, hv in enumerate(hashes):
        mh = MinHash(num_perm=s.num_perm, seed=_SEED, hashvalues=hv, scheme=_SCHEME)
        for other in sorted(int(k) for k in lsh.query(mh)):
            similarity = float(np.mean(hashes[other] == hv))
            if similarity >= s.syndication_threshold:
                a, b = find(i), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(str(i), mh)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)

    def order(i: int) -> tuple[int, str, tuple[int, int, int]]:
        date = docs[i].date
        return (0 if date else 1, date, docs[i].key)

    out = [sorted(members, key=order) for members in groups.values()]
    out.sort(key=lambda g: order(g[0]))
    return out
