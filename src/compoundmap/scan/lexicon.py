"""The scanner's multilingual word lists (``lexicon.csv``) and a fast matcher over them.

``lexicon.csv`` beside this module holds every term the scanner looks for: topic words
(scam, compound, forced labour, trafficking, recruitment), event words (rescue, raid, …),
the Cambodia anchor, what a count of people counts, and words for people. One matcher is
compiled per group as a trie-shaped regular expression, so a text is read once per group
whatever the number of terms.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataFileError

__all__ = ["LEXICON_PATH", "Lexicon", "TermMatcher", "get_lexicon", "trie_pattern"]

#: The bundled word lists.
LEXICON_PATH = Path(__file__).with_name("lexicon.csv")

_LEXICON_COLUMNS = ("group", "key", "language", "term")
# A Latin term must stand as whole words; terms in scripts written without spaces
# (Khmer, Thai, CJK) match anywhere.
_WORD_CHAR = r"[^\W_]"


def _is_latin_edge(ch: str) -> bool:
    return ch.isascii() or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"


def trie_pattern(terms: Iterable[str]) -> str:
    """A regular expression matching any of ``terms``, shaped as a trie (shared prefixes once).

    Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position; a
    trie-shaped pattern rejects most positions after one character.

    Examples
    --------
    >>> trie_pattern(["raid", "raided", "rescue"])
    'r(?:aid(?:ed)?|escue)'
    """
    trie: dict[str, dict] = {}
    for term in terms:
        node = trie
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        prefix = re.escape(ch)
        # collapse single-child chains into one literal run
        while len(child) == 1 and "" not in child:
            (nxt,) = child
            prefix += re.escape(nxt)
            child = child[nxt]
        branches.append(prefix + _node_pattern(child) if child else prefix)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 else f"(?:{body})?"
    return body


@dataclass(frozen=True)
class TermMatcher:
    """Finds the terms of one lexicon group in a text, case-insensitively, with spans.

    ``keys`` maps each term (case-folded) to the key it stands for (``rescue``, ``raid``…).
    """

    regex: re.Pattern[str]
    keys: dict[str, str]

    def finditer(self, text: str) -> Iterator[tuple[str, int, int]]:
        """Yield ``(key, start, end)`` for every whole-term match, left to right."""
        keys = self.keys
        for m in self.regex.finditer(text):
            start, end = m.span()
            term = m.group().casefold()
            key = keys.get(term)
            if key is None:
                continue
            # Latin terms need word boundaries; the regex cannot know the term's script
            # on both sides cheaply, so check here (matches are few).
            if _is_latin_edge(term[0]) and start > 0 and _is_word(text[start - 1]):
                continue
            if _is_latin_edge(term[-1]) and end < len(text) and _is_word(text[end]):
                continue
            yield key, start, end


def _is_word(ch: str) -> bool:
    return ch.isalnum() and _is_latin_edge(ch)


def _matcher(rows: list[tuple[str, str]]) -> TermMatcher:
    keys: dict[str, str] = {}
    for key, term in rows:
        keys.setdefault(term.casefold(), key)
    # Longest first at each position comes from the trie shape (greedy, with optional
    # endings), so "scam compound" wins over "scam".
    regex = re.compile(trie_pattern(sorted(keys)), re.IGNORECASE)
    return TermMatcher(regex, keys)


@dataclass(frozen=True)
class Lexicon:
    """Every group of ``lexicon.csv``, each as a :class:`TermMatcher`, plus the raw rows."""

    matchers: dict[str, TermMatcher]
    rows: tuple[tuple[str, str, str, str], ...]

    def group(self, name: str) -> TermMatcher:
        """The matcher of one group (``topic``, ``event``, ``anchor``, ``count_kind``,
        ``people``)."""
        return self.matchers[name]

    def languages(self) -> list[str]:
        """Languages with at least one term."""
        return sorted({row[2] for row in self.rows})


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
    by_group: dict[str, list[tuple[str, str]]] = {}
    for group, key, _lang, term in rows:
        by_group.setdefault(group, []).append((key, term))
    return Lexicon({g: _matcher(r) for g, r in sorted(by_group.items())}, tuple(rows))


@cache
def get_lexicon() -> Lexicon:
    """The bundled lexicon, read once per process (each Dask worker reads it once)."""
    return read_lexicon(LEXICON_PATH)
