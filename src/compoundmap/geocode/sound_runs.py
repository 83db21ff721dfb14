"""The runs of text the sound pass reads (``sound.py``): for each token of a string the
span spotting reads it as, and the unknown names of a token before (Korean, Japanese,
Hindi) or after (Thai) its admin word, with that word's level.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._scripts import THAI_LETTERS
from ..normalize import (
    ADMIN_WORDS,
    PROVINCE,
    Token,
)
from .index import build_index
from .tokens import is_hangul, korean_admin, split_tokens

__all__ = [
    "CYRILLIC_WORD",
    "DEVANAGARI_WORD",
    "THAI",
    "cyrillic_runs",
    "devanagari_runs",
    "flat_spans",
    "korean_run",
    "script_runs",
]

#: A Thai letter.
THAI = re.compile(f"[{THAI_LETTERS}]")
#: A word in Devanagari.
DEVANAGARI_WORD = re.compile("[\u0900-\u0963\u0966-\u097f]+")
#: The most words a Hindi name before its admin word is read from.
_DEVANAGARI_MAX_WORDS = 3
#: A word in Cyrillic (as the tokeniser folds it: lower case).
CYRILLIC_WORD = re.compile("[\u0430-\u044f\u0451]+")
#: The most words a Russian name after its admin word is read from.
_CYRILLIC_MAX_WORDS = 2


def flat_spans(toks: Sequence[Token]) -> list[tuple[int, int]] | None:
    """For each token of the string, the span of the tokens spotting reads it as."""
    index = build_index()
    spans: list[tuple[int, int]] = []
    pos = 0
    skip_next = False
    for k, tok in enumerate(toks):
        if skip_next:
            spans.append((pos, pos))
            skip_next = False
            continue
        if tok.latin:
            n = 1
        elif k + 1 < len(toks) and is_hangul(tok) and korean_admin(toks[k + 1]):
            n = len(split_tokens((tok, toks[k + 1]), index))
            skip_next = True
        else:
            n = len(split_tokens((tok,), index))
        spans.append((pos, pos + n))
        pos += n
    return spans


def korean_run(raw: str) -> tuple[str, int] | None:
    """The name before the first Korean admin word of ``raw`` (the longest there), at
    least two syllables in, and that word's level; ``None`` without one."""
    hits = [
        (raw.find(w, 2), -len(w), w)
        for w in ADMIN_WORDS
        if "\uac00" <= w[:1] <= "\ud7a3" and raw.find(w, 2) >= 2
    ]
    if not hits:
        return None
    at, _, w = min(hits)
    return raw[:at], ADMIN_WORDS[w]


def script_runs(raw: str, flat: Sequence[Token], a: int, b: int) -> list[tuple[str, int, int, int]]:
    """The unknown names of one token: ``(run, level, start, end)``, the run's text, the
    level of its admin word and the tokens ``[start, end)`` it spans."""
    pieces = flat[a:b]
    out: list[tuple[str, int, int, int]] = []
    if THAI.search(raw):
        # Thai writes the admin word before the name: the text between one admin word and
        # the next, when spotting found no name in it (one break token)
        admins = [k for k, t in enumerate(pieces) if t.admin is not None]
        words = sorted((w for w in ADMIN_WORDS if THAI.match(w)), key=len, reverse=True)
        found = [(m.start(), m.end()) for m in re.finditer("|".join(map(re.escape, words)), raw)]
        if len(found) != len(admins):
            return out
        for i, k in enumerate(admins):
            nxt = admins[i + 1] if i + 1 < len(admins) else len(pieces)
            inside = pieces[k + 1 : nxt]
            if len(inside) == 1 and inside[0].stop:
                end = found[i + 1][0] if i + 1 < len(found) else len(raw)
                out.append((raw[found[i][1] : end], pieces[k].admin or 0, a + k + 1, a + k + 2))
        return out
    if "\uac00" <= raw[:1] <= "\ud7a3":
        # Korean: a name and its admin word glued (킨스와이군) or the admin word in a
        # word of its own after it (handled by the caller)
        if len(pieces) > 1 and pieces[0].stop and pieces[1].admin is not None:
            at = raw.find(pieces[1].text, 2)  # 드벵|거뮨|에있는: the name, its admin word
            if at >= 2:
                out.append((raw[:at], pieces[1].admin, a, a + 1))
        elif all(t.stop for t in pieces):
            named = korean_run(raw)
            if named:
                out.append((named[0], named[1], a, b))
        elif len(pieces) > 1 and pieces[-1].stop and not pieces[-2].stop:
            # a short district name after its province, glued by the tokeniser with its
            # admin word ("캄폿 뚝추군", "프놈펜 뚤꼭구" → 감봇|둑주군; also after other
            # words: "프놈펜 인근 캄폿주 뚝추군" → 브놈벤|인근|감봇|둑주군): the rest of the
            # run after the last known name, without the province's own admin word
            # (캄폿주), when it ends with the district's admin word
            at = raw.rfind(pieces[-2].text) if pieces[-2].text else -1
            rest = raw[at + len(pieces[-2].text) :] if at >= 0 else ""
            if len(rest) > 3 and ADMIN_WORDS.get(rest[0]) == PROVINCE:
                rest = rest[1:]
            named = korean_run(rest)
            # the run must end at its admin word: 신도시구역 holds 시 inside a word
            if named and named[1] == ADMIN_WORDS.get(rest[len(named[0]) :]):
                out.append((named[0], named[1], a + len(pieces) - 1, b))
        return out
    # Japanese: unknown katakana letters (one token each) right before an admin word, and
    # a known name glued after them, which is then part of the unknown one (ウド|ミエンチェイ)
    for k in range(1, len(pieces)):
        if pieces[k].admin is None:
            continue
        j = k
        while j > 0 and pieces[j - 1].text and pieces[j - 1].admin is None:
            j -= 1
        letters = [t for t in pieces[j:k] if len(t.text) == 1]
        if k - j >= 1 and letters and len(pieces[j].text) == 1:
            run = "".join(t.text for t in pieces[j:k])
            if len(run) >= 2:
                out.append((run, pieces[k].admin or 0, a + j, a + k))
    return out


def devanagari_runs(
    raw: str, toks: Sequence[Token], spans: Sequence[tuple[int, int]]
) -> list[tuple[str, int, int, int]]:
    """Hindi names before their admin word ("स्वे रींग प्रांत", "बावेत शहर"): Devanagari is
    tokenised like Latin (its words folded without vowel signs), so a run is read from the
    words as written: the up to :data:`_DEVANAGARI_MAX_WORDS` words right before the admin
    word, longest first (one-letter words after folding, the postpositions के, में, से …,
    end a run)."""
    written = DEVANAGARI_WORD.findall(raw)
    words = [k for k, t in enumerate(toks) if t.text and DEVANAGARI_WORD.match(t.text)]
    if not words or len(written) != len(words):
        return []
    as_written = dict(zip(words, written, strict=True))
    out: list[tuple[str, int, int, int]] = []
    for k in words:
        level = toks[k].admin
        if level is None:
            continue
        names: list[int] = []
        j = k - 1
        while (
            j in as_written
            and toks[j].admin is None
            and not toks[j].stop
            and len(toks[j].text) > 1
            and len(names) < _DEVANAGARI_MAX_WORDS
        ):
            names.insert(0, j)
            j -= 1
        for n in range(len(names), 0, -1):
            run = "".join(as_written[i] for i in names[-n:])
            out.append((run, level, spans[names[-n]][0], spans[names[-1]][1]))
    return out


def cyrillic_runs(
    toks: Sequence[Token], spans: Sequence[tuple[int, int]]
) -> list[tuple[str, int, int, int]]:
    """Russian names after their admin word ("провинции Бантеймеантьей", "района Тхма
    Пхуок"): the up to :data:`_CYRILLIC_MAX_WORDS` capitalised Cyrillic words right after a
    Cyrillic admin word, longest first. A word in lower case, a one-letter word, a stop
    word, an admin word or a break ends the run ("в провинции специальная …" is no name).
    Only the name right after the word: of a list after it ("провинций А, Б и В") the first
    item is read."""
    out: list[tuple[str, int, int, int]] = []
    for k, tok in enumerate(toks):
        level = tok.admin
        if level is None or not CYRILLIC_WORD.fullmatch(tok.text):
            continue
        names: list[int] = []
        j = k + 1
        while (
            j < len(toks)
            and toks[j].admin is None
            and not toks[j].stop
            and len(toks[j].text) > 1
            and not toks[j].lower
            and CYRILLIC_WORD.fullmatch(toks[j].text)
            and len(names) < _CYRILLIC_MAX_WORDS
        ):
            names.append(j)
            j += 1
        for n in range(len(names), 0, -1):
            run = "".join(toks[i].text for i in names[:n])
            out.append((run, level, spans[names[0]][0], spans[names[n - 1]][1]))
    return out
