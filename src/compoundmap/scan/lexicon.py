"""The scanner's multilingual word lists (``lexicon.csv``) and a fast matcher over them.

``lexicon.csv`` beside this module holds every term the scanner looks for: topic words
(scam, compound, forced labour, trafficking, recruitment), event words (rescue, raid, …),
the Cambodia anchor, what a count of people counts, and words for people. One matcher
covers every group, so a text is read once
whatever the number of terms (see :class:`TermMatcher`).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..errors import DataFileError

__all__ = ["LEXICON_PATH", "Lexicon", "TermMatcher", "get_lexicon", "read_lexicon"]

#: The bundled word lists.
LEXICON_PATH = Path(__file__).with_name("lexicon.csv")

_LEXICON_COLUMNS = ("group", "key", "language", "term")
_LATIN_LETTER_RE = re.compile("[0-9a-z\u00c0-\u024f\u1e00-\u1eff]")
#: Letters of the scripts written without spaces between words (Thai, Khmer, kana, CJK) and
#: Hangul: a text without any cannot hold a term in those scripts.
NONLATIN_RE = re.compile("[\u0e00-\u0e7f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

Hit = tuple[str, str, int, int]  # (group, key, start, end)


def _lower(text: str) -> str:
    """``text.lower()`` with the same length (a few letters lower to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


class TermMatcher:
    """Finds the terms of a lexicon in a text, case-insensitively, with spans.

    One Aho-Corasick automaton (ahocorasick-rs, a DFA, leftmost-longest) over every term
    reads the lower-cased text once, at about 100 MB/s whatever the number of terms; at one
    place the longest term wins, so "scam compound" is one hit, not "scam" and "compound".
    A term that starts or ends with a Latin letter must not touch another Latin letter or
    digit there ("raid" is not in "braid"); terms in scripts without spaces match anywhere.
    """

    def __init__(self, rows: Iterable[tuple[str, str, str]]) -> None:
        import ahocorasick_rs as ac

        values: dict[str, dict[tuple[str, str], None]] = {}
        for group, key, term in rows:
            values.setdefault(_lower(term), {})[(group, key)] = None
        self.terms: tuple[str, ...] = tuple(sorted(values))
        self._values = [tuple(values[t]) for t in self.terms]
        self._edges = [
            (bool(_LATIN_LETTER_RE.match(t[0])), bool(_LATIN_LETTER_RE.match(t[-1])))
            for t in self.terms
        ]
        self._automaton = ac.AhoCorasick(
            list(self.terms),
            matchkind=ac.MatchKind.LeftmostLongest,
            implementation=ac.Implementation.DFA,
        )

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Rebuilt where it is unpickled (a Dask worker): the automaton is not picklable.
        rows = tuple(
            (g, k, t) for t, vals in zip(self.terms, self._values, strict=True) for g, k in vals
        )
        return (_rebuild, (rows,))

    def finditer(self, text: str) -> Iterator[Hit]:
        """Yield ``(group, key, start, end)`` left to right; a term listed in several
        groups yields once per group."""
        if not text:
            return
        lowered = _lower(text)
        n = len(lowered)
        for index, start, end in self._automaton.find_matches_as_indexes(lowered):
            latin_start, latin_end = self._edges[index]
            if latin_start and start > 0 and _LATIN_LETTER_RE.match(lowered[start - 1]):
                continue
            if latin_end and end < n and _LATIN_LETTER_RE.match(lowered[end]):
                continue
            for group, key in self._values[index]:
                yield group, key, start, end

    def find(self, text: str, groups: tuple[str, ...]) -> list[Hit]:
        """Hits of the given groups only.

        Parameters
        ----------
        text : str
            The text to read.
        groups : tuple of str
            The lexicon groups to keep (``topic``, ``event``, ``anchor``, ``count_kind``,
            ``people``).

        Returns
        -------
        list of tuple of (str, str, int, int)
            ``(group, key, start, end)`` of each hit, left to right (see :meth:`finditer`).

        Examples
        --------
        >>> m = TermMatcher([("event", "raid", "raid"), ("topic", "scam", "scam")])
        >>> m.find("A raid, not a braid, on a scam site", ("event",))
        [('event', 'raid', 2, 6)]
        """
        return [h for h in self.finditer(text) if h[0] in groups]


def _rebuild(rows: tuple[tuple[str, str, str], ...]) -> TermMatcher:
    return TermMatcher(rows)


@dataclass(frozen=True)
class Lexicon:
    """Every row of ``lexicon.csv``; :meth:`matcher` compiles a matcher over some groups."""

    rows: tuple[tuple[str, str, str, str], ...]
    _matchers: dict[tuple[str, ...], TermMatcher] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def languages(self) -> list[str]:
        """Languages with at least one term."""
        return sorted({row[2] for row in self.rows})

    def matcher(self, groups: tuple[str, ...]) -> TermMatcher:
        """One matcher over the terms of ``groups`` (built once per lexicon and groups)."""
        cached = self._matchers.get(groups)
        if cached is None:
            rows = ((g, k, t) for g, k, _lang, t in self.rows if g in groups)
            cached = self._matchers[groups] = TermMatcher(rows)
        return cached


def read_lexicon(path: str | Path = LEXICON_PATH) -> Lexicon:
    """Read a lexicon file (columns ``group, key, language, term``).

    Raises
    ------
    DataFileError
        If the file is missing, has other columns, or a row has an empty value.
    """
    p = Path(path)
    try:
        with p.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = tuple(next(reader, []))
            if header != _LEXICON_COLUMNS:
                raise DataFileError(
                    f"{p}:1: expected columns {', '.join(_LEXICON_COLUMNS)}, found {header}"
                )
            rows = []
            for line, row in enumerate(reader, start=2):
                if len(row) != 4 or not all(v.strip() for v in row):
                    raise DataFileError(f"{p}:{line}: expected 4 non-empty values, got {row}")
                rows.append((row[0].strip(), row[1].strip(), row[2].strip(), row[3].strip()))
    except OSError as exc:
        raise DataFileError(f"{p}: cannot read: {exc.strerror or exc}") from None
    return Lexicon(tuple(rows))


@cache
def get_lexicon() -> Lexicon:
    """The bundled lexicon, read once per process (each Dask worker reads it once)."""
    return read_lexicon(LEXICON_PATH)
