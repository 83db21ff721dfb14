"""Candidate names in Latin text: capitalised runs of words, looked up as n-grams in the
name tables (``tables.py``), with what the words around them say (an admin word, a title
before a person's name, an organisation's name, an ordinary word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Literal, NamedTuple

from .._util import fold_word
from ..geocode.index import build_index
from ..normalize import place_key, tokenize, vietnamese_word, word_list
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .model import Candidate
from .tables import NameInfo, Table, country_table, place_table, token_info

__all__ = ["latin_candidates"]

_SIZES = get_settings()  # cache sizes are read once, here

# --- text scanning -------------------------------------------------------------------

_UPPER = "".join(
    c
    for c in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)])
    if c.isupper() or unicodedata.category(c) == "Lt"
)
_WORD = r"[^\W_]|[\u0300-\u036f]"
_APOS = "'’‘`ʼ"
# A token: a capitalised word (internal apostrophes kept: O'Smach; a possessive 's is not
# part of it), or a number / roman numeral after the first token (Baliley 2, Keng Kang III).
_CAP_TOKEN = rf"[{_UPPER}](?:{_WORD})*(?:[{_APOS}](?![sS]\b)(?:{_WORD})+)*"
_NUM_TOKEN = r"\d+[A-Za-z]?\b"
_CONNECTOR = r"(?:of|for|the|and|&|on|de|du|des|la|le|to)"
_SEP = rf"(?:[ \t\u00a0]+(?:{_CONNECTOR}[ \t\u00a0]+)*|[ \t\u00a0]*[-–][ \t\u00a0]*)"
_RUN_RE = re.compile(rf"(?<![\w{_APOS}])({_CAP_TOKEN})(?:{_SEP}(?:{_CAP_TOKEN}|{_NUM_TOKEN}))*")
_TOKEN_RE = re.compile(rf"{_CAP_TOKEN}|{_NUM_TOKEN}")
_CONNECTOR_RE = re.compile(rf"\b{_CONNECTOR}\b")

#: Words that make a capitalised run an organisation's name: a place inside one is not a
#: place mention (Transparency International Cambodia, Cambodian League for …).
_ORG_WORDS = frozenset(word_list("organisation"))
#: Titles before a person's name: Mr. Am Sam Ath is not a place.
_PERSON_BEFORE_RE = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Lok|Oknha|Okhna)\.?|(?:H\.E|Gen|Lt|Col|Sen|Gov)\.)[ \t]+$"
)


class _Token(NamedTuple):  # tuples: made for every capitalised word, so cheap
    """One capitalised word (or number) of a run, offsets into the run."""

    text: str
    start: int
    end: int
    key: str  # folded by the project's normaliser ("Kaoh" → "koh", "Bei" → "3")
    edge: bool  # an admin word or stopword: never the first or last word of a name
    admin: bool


# --- candidate finding ---------------------------------------------------------------


def _run_tokens(run: str) -> list[list[_Token]]:
    """Tokens of a capitalised run (offsets into it), split into segments at connector
    words (of, for …)."""
    segments: list[list[_Token]] = [[]]
    prev_end = 0
    for m in _TOKEN_RE.finditer(run):
        if m.start() - prev_end > 1 and segments[-1]:
            if _CONNECTOR_RE.search(run, prev_end, m.start()):
                segments.append([])
        key, edge, admin = token_info(m.group())
        segments[-1].append(_Token(m.group(), m.start(), m.end(), key, edge, admin))
        prev_end = m.end()
    return [s for s in segments if s]


def _may_hold_name(words: Sequence[str], places: Table, countries: Table) -> bool:
    """Cheap test: does some word start a name, alone or with the next word? ("The" starts
    keys such as "thebeng…", but "The Police" starts none)."""
    keys = [token_info(w)[0] for w in words]
    for i, key in enumerate(keys):
        if key in places.latin or key in countries.latin:
            return True
        if i + 1 < len(keys):
            two = key + keys[i + 1]
            if two in places.prefixes or two in countries.prefixes:
                return True
    return False


class _Spec(NamedTuple):
    """A name found inside a capitalised run, offsets relative to the run; what depends on
    the text around the run is settled in :func:`latin_candidates`."""

    kind: Literal["place", "country"]
    start: int  # with an admin word before it inside the run ("Sangkat Buon")
    end: int  # with an admin word after it inside the run ("Koh Kong Province")
    name_end: int
    context: bool
    country: tuple[str, str] | None
    needs_context: bool
    word: str  # a single-word name ("" for longer ones)
    short: bool
    loose: bool
    wide: tuple[int, int] | None
    look_before: bool  # the name starts the run: an admin word may precede the run
    look_after: bool  # the name ends the run: an admin word may follow the run
    fallback: bool = False  # no name in the index: a place only if the geocoder knows it


@depends_on_settings
@lru_cache(maxsize=_SIZES.text_run_cache_size)
def _analyse_run(run: str) -> tuple[_Spec, ...]:
    """Names in one capitalised run (cached: runs repeat across documents)."""
    places, countries = place_table(), country_table()
    words = _TOKEN_RE.findall(run)
    lowered = {w.casefold().rstrip(".") for w in words}
    organisation = not lowered.isdisjoint(_ORG_WORDS)
    org = frozenset(
        m.start() for m in _TOKEN_RE.finditer(run) if m.group().casefold().rstrip(".") in _ORG_WORDS
    )
    specs: list[_Spec] = []
    segments: list[list[_Token]] = []
    if _may_hold_name(words, places, countries):
        segments = _run_tokens(run)
        for seg in segments:
            specs.extend(_segment_specs(seg, places, countries, org))
    if any(vietnamese_word(w) and not token_info(w)[2] for w in words):
        # a run with a word spelt the Vietnamese way is a Vietnamese name ("Lâm Đồng",
        # "Hà Tiên"): no Khmer name inside it, unless the gazetteer holds it so spelt
        viet = build_index().vietnamese
        specs = [
            sp
            for sp in specs
            if sp.kind == "country" or place_key(run[sp.start : sp.name_end]) in viet
        ]
        return tuple(specs)
    if specs or organisation or len(words) > get_settings().fallback_max_words:
        return tuple(specs)
    # A name the index does not hold verbatim but that an admin word marks as a place
    # ("Ocheatel Beach", "Ouddar Meanchey province"): the geocoder's spelling variants may
    # know it (see ``Settings.fallback_min_score``).
    segments = segments or _run_tokens(run)
    if len(segments) != 1 or all(t.edge for t in segments[0]):
        return ()
    seg = segments[0]
    marked = seg[-1].admin or seg[-1].text.casefold() in _PLACE_WORDS
    first = next(t for t in seg if not t.edge)
    return (
        _Spec("place", first.start, seg[-1].end, first.start, marked, None, True, "", False,
              True, (first.start, seg[-1].end), False, not marked, fallback=True),
    )  # fmt: skip


#: Words after a name that make it a place, besides admin words.
_PLACE_WORDS = frozenset({"beach", "island", "mountain"})


def _is_place_word(word: str) -> bool:
    """An admin word ("province", "sangkat") or a word such as "beach"."""
    return token_info(word)[2] or word.casefold() in _PLACE_WORDS


def _longest(seg: Sequence[_Token], i: int, table: Table, *, edges: bool) -> int:
    """End index (exclusive) of the longest name in ``table`` starting at token ``i``, or 0;
    with ``edges`` false a name may not end on an admin word or stopword."""
    key = ""
    best = 0
    for j in range(i, min(len(seg), i + get_settings().geoparse_max_ngram)):
        key += seg[j].key
        if key not in table.prefixes:
            break
        if key in table.latin and (edges or not seg[j].edge):
            best = j + 1
    return best


def _segment_specs(
    seg: Sequence[_Token], places: Table, countries: Table, org: frozenset[int]
) -> list[_Spec]:
    """Names in one segment of a run. ``org``: where the run has organisation words; a place
    name must take them all in ("Union Development Group" is a named concession), else the
    run names an organisation ("Royal University of Phnom Penh") and holds no place."""
    spans: list[tuple[int, int, str]] = []
    i, n = 0, len(seg)
    while i < n:
        tok = seg[i]
        if tok.edge and tok.key not in countries.prefixes:
            i += 1
            continue
        c_end = _longest(seg, i, countries, edges=True)
        if c_end and countries.latin["".join(t.key for t in seg[i:c_end])][2]:
            if not all(t.text.isupper() for t in seg[i:c_end]):
                c_end = 0
        # a name never starts with a number ("2 village" in "Baliley 2 village")
        p_end = 0
        if not (tok.edge or (tok.text[0].isdigit() and not (i and seg[i - 1].admin))):
            p_end = _longest(seg, i, places, edges=False)
            if p_end and any(not tok.start <= o < seg[p_end - 1].end for o in org):
                p_end = 0
        if c_end and c_end >= p_end:
            spans.append((i, c_end, "country"))
            i = c_end
        elif p_end:
            spans.append((i, p_end, "place"))
            i = p_end
        else:
            i += 1
    # words inside names of several words or country names (a single-word name next to a
    # single-word name can be two words of one name we do not know: "Chob Kokir Khang Lich")
    covered = {k for a, b, kind in spans if b - a > 1 or kind == "country" for k in range(a, b)}
    countries_at = {k for a, b, kind in spans if kind == "country" for k in range(a, b)}
    out: list[_Spec] = []
    for a, b, kind in spans:
        if kind == "country":
            code, form, _ = countries.latin["".join(t.key for t in seg[a:b])]
            end = seg[b - 1].end
            out.append(
                _Spec("country", seg[a].start, end, end, True, (code, form), False, "", False,
                      False, None, False, False)
            )  # fmt: skip
            continue
        # one word of a longer capitalised name we do not know ("Boeng" of "Boeng Tompun",
        # "Phsar" of "Phsar Doeum Thkov"): words next to it that are neither stopwords nor
        # admin words nor part of a longer name
        loose = b - a == 1 and any(
            0 <= k < n and k not in covered and not seg[k].edge for k in (a - 1, b)
        )
        wide = None
        if loose:
            # the whole unknown name, for the geocoder's spelling variants ("Ouddar Meanchey")
            lo, hi = a, b
            while lo > 0 and not seg[lo - 1].edge and lo - 1 not in countries_at:
                lo -= 1
            while hi < n and not seg[hi].edge and hi not in countries_at:
                hi += 1
            wide = (seg[lo].start, seg[hi - 1].end)
        out.append(_place_spec(seg, a, b, loose, wide, places))
    return out


def _place_spec(
    seg: Sequence[_Token],
    i: int,
    j: int,
    loose: bool,
    wide: tuple[int, int] | None,
    places: Table,
) -> _Spec:
    """A place name on tokens i..j-1, widened over an admin word before or after it."""
    start, name_end, end = seg[i].start, seg[j - 1].end, seg[j - 1].end
    context = False
    if i > 0 and seg[i - 1].admin:
        start, context = seg[i - 1].start, True
    if j < len(seg) and seg[j].admin:
        end, context = seg[j].end, True
    key = "".join(t.key for t in seg[i:j])
    info: NameInfo = places.latin[key]
    single = j - i == 1
    word = seg[i].text
    cfg = get_settings()
    # A single word is a place only with an admin word next to it when it is an ordinary
    # word ("Mission", "March"), a number word ("Bei"), a village name only, a short word
    # that matches a name only after folding ("They" ~ "Theay"), or a short word in capitals;
    # also, see latin_candidates, when the same text writes it in lower case.
    needs_context = info.village_only or (
        single
        and (
            key in _common_words()
            or key.isdigit()
            or (
                len(word) < cfg.text_single_word_min_letters
                and fold_word(word) not in info.spellings
            )
            # an acronym or code: LANG, KOS
            or (word.isupper() and len(word) <= cfg.text_acronym_max_letters)
        )
    )
    return _Spec(
        "place",
        start,
        end,
        name_end,
        context,
        None,
        needs_context,
        word if single else "",
        single and len(key) <= cfg.text_short_name_max_letters,
        loose and info.minor,  # "Sihanoukville Police" is the town's police
        wide,
        start == seg[0].start and i == 0,
        j == len(seg) and end == name_end,
    )


def latin_candidates(text: str) -> list[Candidate]:
    """Candidates of every capitalised run of ``text``, by start: the run's names
    (:func:`_analyse_run`, cached per run) settled with the text around the run — a title
    before it (a person), an owner we do not know before it ("Sa Kaew's"), an admin word
    just outside it, the same word in lower case elsewhere in the text (an ordinary
    word)."""
    cfg = get_settings()
    out: list[Candidate] = []
    prev_end, prev_known = -1, True
    for run in _RUN_RE.finditer(text):
        specs = _analyse_run(run.group())
        # "Sa Kaew's Kok Soong district": a name owned by a place we do not know lies in
        # that place (most often abroad), not in Cambodia
        unknown_owner = not prev_known and bool(
            _POSSESSIVE_GAP_RE.fullmatch(text, prev_end, run.start())
        )
        prev_end = run.end()
        prev_known = any(sp.kind == "country" or not sp.needs_context for sp in specs)
        if not specs:
            continue
        base = run.start()
        person: bool | None = unknown_owner or None
        for sp in specs:
            if sp.kind == "country":
                out.append(
                    Candidate(base + sp.start, base + sp.end, "country", base + sp.name_end,
                               True, sp.country)
                )  # fmt: skip
                continue
            if person is None:
                title_from = max(0, base - cfg.person_title_chars)
                person = bool(_PERSON_BEFORE_RE.search(text, title_from, base))
            if person:
                continue
            start, end, context = base + sp.start, base + sp.end, sp.context
            if sp.fallback:
                typo = False
                if sp.look_after:  # "Ouddar Meanchey province"
                    m = _WORD_AFTER_RE.match(text, end)
                    if m and _is_place_word(m.group(1)):
                        end = m.end(1)
                    elif _typo_run(text, text[start:end]):
                        typo = True  # "in Moldulkiri": a misspelt province or district only
                    else:
                        continue
                out.append(
                    Candidate(start, end, "place", start, False, None, True, False, True,
                               "", (start, end), fallback=True, typo=typo)
                )  # fmt: skip
                continue
            if sp.look_before and not context:
                before = text[max(0, start - cfg.admin_before_chars) : start].split()
                context = bool(before) and token_info(before[-1])[2]
            if sp.look_after:
                m = _WORD_AFTER_RE.match(text, end)
                if m and _is_place_word(m.group(1)):
                    end, context = m.end(1), True
            needs_context = sp.needs_context or (
                bool(sp.word) and sp.word.lower() in _lower_words(text)
            )
            wide = (base + sp.wide[0], base + sp.wide[1]) if sp.wide else None
            out.append(
                Candidate(start, end, "place", base + sp.name_end, context, None,
                           needs_context, sp.short, sp.loose, "", wide)
            )  # fmt: skip
    return out


_POSSESSIVE_GAP_RE = re.compile(f"[{_APOS}]s[ \t\u00a0]+")


def _typo_run(text: str, run: str) -> bool:
    """Whether a capitalised run the index does not hold may be a misspelt province or
    district ("Moldulkiri", "Ordar Maenchay"): one or two words, six letters or more, no
    ordinary word (one the text also writes in lower case, or a common word), not an
    acronym."""
    words = _TOKEN_RE.findall(run)
    if not 1 <= len(words) <= 2 or any(w.isupper() for w in words):
        return False  # the cheap tests first: most runs fail here
    keys = [token_info(w)[0] for w in words]
    return len("".join(keys)) >= _TYPO_MIN_LETTERS and not any(
        k in _common_words() or w.lower() in _lower_words(text)
        for w, k in zip(words, keys, strict=True)
    )


_TYPO_MIN_LETTERS = 6
_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z\u00df-\u024f]+(?![\w'’])")


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case ("mission" makes "Mission" an ordinary word)."""
    return frozenset(_LOWER_WORD_RE.findall(text))


_WORD_AFTER_RE = re.compile(rf"[ \t\u00a0]+((?:{_WORD})+)")


@cache
def _common_words() -> frozenset[str]:
    """Keys of ordinary English words and given names that are also single-word names in
    the gazetteer (``stop_words.csv``, role ``common``): a place only with an admin word next
    to them ("Bei commune", "Sangkat Pir")."""
    return frozenset("".join(t.text for t in tokenize(w)) for w in word_list("common"))
