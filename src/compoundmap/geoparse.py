"""Free text → place and nationality mentions with character spans.

Sits on top of the geocoder (sources → geocode → …): candidate spans are found in one pass
over the text (capitalised runs of Latin tokens looked up as n-grams in the geocoder's name
index; a character scan for Khmer, Thai and CJK), and only those few spans are geocoded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import pandas as pd
import pycountry
from rapidfuzz import fuzz

from ._data import raw_path
from .errors import DataFileError, MissingColumnError
from .geocode import GeocodeResult, geocode, name_index
from .normalize import clean_text, tokenize
from .normalize import place_key as name_key

__all__ = [
    "MENTION_COLUMNS",
    "CountryMention",
    "PlaceMention",
    "extract_file",
    "extract_frame",
    "extract_mentions",
    "extract_nationalities",
    "extract_places",
    "extract_table",
]

#: Columns of :func:`extract_frame`, one row per mention.
MENTION_COLUMNS = [
    "row",
    "text",
    "start",
    "end",
    "kind",
    "province_code",
    "district_code",
    "commune_code",
    "country_code",
    "precision",
    "match_score",
]


# --- mentions ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMention:
    """A Cambodian place named in a text, with the geocoder's answer for it.

    ``text`` is ``source[start:end]`` (offsets into the string given to
    :func:`extract_places`). The remaining fields are the geocoder's
    (:class:`~compoundmap.geocode.GeocodeResult`); ``precision`` follows the project's scale
    (1 point … 4 province). ``status`` is ``matched``, or ``ambiguous`` when neither the name
    nor the document's other places settle which unit is meant.
    """

    text: str
    start: int
    end: int
    province_code: str | None
    province_name: str | None
    district_code: str | None
    district_name: str | None
    commune_code: str | None
    commune_name: str | None
    latitude: float | None
    longitude: float | None
    precision: int | None
    score: float
    method: str
    matched_name: str | None
    status: str
    country_code: str = "KH"

    def to_dict(self) -> dict[str, Any]:
        """The mention as a plain dict (JSON-ready)."""
        return asdict(self)


@dataclass(frozen=True)
class CountryMention:
    """A country named in a text, by its name or by a demonym.

    ``country_code`` is the ISO 3166-1 alpha-2 code; ``form`` is ``name`` ("Vietnam",
    "越南") or ``demonym`` ("Vietnamese", "ベトナム人").
    """

    text: str
    start: int
    end: int
    country_code: str
    country_name: str
    alpha_3: str
    form: Literal["name", "demonym"]

    def to_dict(self) -> dict[str, Any]:
        """The mention as a plain dict (JSON-ready)."""
        return asdict(self)


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

# Scripts written without spaces between words: scanned character by character.
_NONLATIN_RE = re.compile(
    "[\u0e00-\u0e7f\u1780-\u17ff\u19e0-\u19ff\u3040-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u200b]+"
)
_KATAKANA_RE = re.compile("[\u30a0-\u30ff\u31f0-\u31ff]")

#: Words that make a capitalised run an organisation's name: a place inside one is not a
#: place mention (Transparency International Cambodia, Cambodian League for …).
_ORG_WORDS = frozenset(
    """centre center league international committee association alliance forum foundation
    institute network federation organization organisation society coalition mission trust
    council commission union corporation company co ltd limited inc bank university college
    school agency party movement watch group holdings embassy consulate ministry ngo
    initiativ initiative rights media tribune post times daily news radio television""".split()
)
#: Titles before a person's name: Mr. Am Sam Ath is not a place.
_PERSON_BEFORE_RE = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Lok|Oknha|Okhna)\.?|(?:H\.E|Gen|Lt|Col|Sen|Gov)\.)[ \t]+$"
)

#: Khmer, Thai and CJK admin prefixes and suffixes that make a short name a place.
_NONLATIN_ADMIN_BEFORE = ("ខេត្ត", "ស្រុក", "ឃុំ", "សង្កាត់", "ក្រុង", "ភូមិ", "ខណ្ឌ", "រាជធានី", "จังหวัด")
_NONLATIN_ADMIN_AFTER = ("省", "州", "市", "県", "縣", "区", "區", "郡", "村", "鎮", "镇", "都")
#: Non-Latin demonym affixes: 越南人, ベトナム人, ชาวไทย, ជនជាតិចិន.
_DEMONYM_SUFFIX = ("人", "籍")
_DEMONYM_PREFIX = ("ชาว", "ជនជាតិ")

_MAX_NGRAM = 6


class _Token(NamedTuple):  # tuples: made for every capitalised word, so cheap
    text: str
    start: int
    end: int
    key: str  # folded by the project's normaliser ("Kaoh" → "koh", "Bei" → "3")
    edge: bool  # an admin word or stopword: never the first or last word of a name
    admin: bool


class _Candidate(NamedTuple):
    start: int
    end: int
    kind: Literal["place", "country"]
    name_end: int  # end of the name itself (an admin word after it excluded)
    context: bool  # an admin word next to it ("Bei commune", "Sangkat Pir")
    country: tuple[str, str] | None = None  # (alpha-2, form)
    needs_context: bool = False  # an ordinary word too: a place only with context
    short: bool = False  # one word of three letters or fewer: a province (Kep) or context
    loose: bool = False  # one word inside a longer capitalised name we do not know
    query: str = ""  # what to geocode, when not the span's text
    wide: tuple[int, int] | None = None  # a loose word with its unknown neighbours
    fallback: bool = False  # no name in the index, but an admin word: ask the geocoder


@lru_cache(maxsize=65536)
def _token_info(token: str) -> tuple[str, bool, bool]:
    """Folded key of one token by the project's normaliser, and whether it is an admin word
    or a stopword (cached: a corpus has few distinct capitalised words)."""
    toks = tokenize(token)
    key = "".join(t.text for t in toks)
    admin = bool(toks) and all(t.admin is not None for t in toks)
    edge = not toks or admin or all(t.stop for t in toks)
    return key, edge, admin


# --- name tables ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """Names keyed as the geocoder keys them (folded tokens joined without spaces), and names
    in scripts written without spaces as they are written; each with every prefix of every
    key, so a scan stops as soon as no name can continue."""

    latin: dict[str, Any]
    prefixes: frozenset[str]
    nonlatin: dict[str, Any]
    nonlatin_prefixes: frozenset[str]


@lru_cache(maxsize=8192)
def _clean_char(ch: str) -> str:
    return clean_text(ch) if ch.strip() else ""


def _nonlatin_form(text: str) -> tuple[str, list[int]]:
    """``clean_text`` applied character by character, with each output character's offset
    in ``text`` (NFKC can lengthen Thai; zero-width characters and ・ go)."""
    parts = list(map(_clean_char, text))
    folded = "".join(parts)
    if all(len(p) == 1 for p in parts):
        offsets = list(range(len(text)))  # the usual case: one character for one
    else:
        offsets = [i for i, p in enumerate(parts) for _ in p]
    return folded.replace("\u17d2\u178a", "\u17d2\u178f"), offsets


def _build_table(
    latin_keys: Iterable[tuple[str, Any]], nonlatin: Iterable[tuple[str, Any]]
) -> _Table:
    latin: dict[str, Any] = {}
    for key, value in latin_keys:
        if key and key not in latin:
            latin[key] = value
    prefixes = frozenset(k[:n] for k in latin for n in range(1, len(k) + 1))
    scripts: dict[str, Any] = {}
    for name, value in nonlatin:
        compact = "".join(_nonlatin_form(name)[0].split())
        if compact and _NONLATIN_RE.fullmatch(compact):
            scripts.setdefault(compact, value)
    script_prefixes = frozenset(k[:n] for k in scripts for n in range(1, len(k) + 1))
    return _Table(latin, prefixes, scripts, script_prefixes)


#: Country names that are also common given names or words ("Jordan", "Chad", "Georgia").
_AMBIGUOUS_COUNTRY_NAMES = frozenset({"Jordan", "Chad", "Georgia", "Jersey", "Turkey", "Guinea"})


@cache
def _demonym_rows() -> tuple[tuple[str, str, str], ...]:
    """``(name, alpha-2, form)`` of ``data/raw/gazetteer/demonyms.csv``, checked."""
    path = raw_path("gazetteer", "demonyms.csv")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataFileError(f"{path}: cannot read bundled CSV: {exc}") from exc
    for col in ("name", "country_code", "form", "source"):
        if col not in df.columns:
            raise MissingColumnError(col, list(df.columns), str(path))
    rows = []
    for i, (name, code, form, source) in enumerate(
        df[["name", "country_code", "form", "source"]].itertuples(index=False), start=2
    ):
        if pycountry.countries.get(alpha_2=str(code)) is None:
            raise DataFileError(
                f"{path}:{i}:country_code: not an ISO 3166-1 alpha-2 code: {code!r}"
            )
        if form not in ("name", "demonym"):
            raise DataFileError(f"{path}:{i}:form: expected 'name' or 'demonym', got {form!r}")
        if not str(name).strip() or not str(source).strip():
            raise DataFileError(f"{path}:{i}: every row needs a name and a source")
        rows.append((str(name), str(code), str(form)))
    return tuple(rows)


@cache
def _country_table() -> _Table:
    names = [(name, (code, form)) for name, code, form in _demonym_rows()]
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", c.name)):
            if "," not in name and name not in _AMBIGUOUS_COUNTRY_NAMES:
                names.append((name, (c.alpha_2, "name")))
    latin = []
    nonlatin = []
    for name, value in names:
        if _NONLATIN_RE.search(name):
            nonlatin.append((name, value))
        else:
            # acronyms (US, UK, PRC) match only in capitals: "us" is a pronoun
            caps = name.replace(" ", "").isupper()
            latin.append(("".join(t.text for t in tokenize(name)), (*value, caps)))
    return _build_table(latin, nonlatin)


@cache
def _country_info(alpha_2: str) -> tuple[str, str]:
    c = pycountry.countries.get(alpha_2=alpha_2)
    if c is None:  # checked when the table is read
        raise DataFileError(f"unknown ISO 3166-1 code {alpha_2!r}")
    return str(getattr(c, "common_name", c.name)), str(c.alpha_3)


@dataclass(frozen=True)
class _NameInfo:
    """What the index says about one Latin key: whether it names only villages (which the
    geocoder confirms only with context), only communes or villages (names that are often
    one word of a longer name), and the spellings it was indexed from."""

    village_only: bool
    minor: bool
    spellings: frozenset[str]


def _plain(word: str) -> str:
    """Lower case, no diacritics, letters and digits only: "O’Smach" → "osmach"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


@cache
def _place_table() -> _Table:
    """The geocoder's name index as a candidate filter (the geocoder decides each match)."""
    latin: list[tuple[str, _NameInfo]] = []
    nonlatin: list[tuple[str, bool]] = []
    for key, entries in name_index().items():
        places = [e for e in entries if e.kind != "country"]
        if not places:
            continue  # "Cambodia" is a country mention, not a place
        if key.isascii():
            village_only = all(e.kind == "village" for e in places)
            minor = all(e.kind in ("village", "commune") for e in places)
            spellings = frozenset(_plain(e.name) for e in places)
            latin.append((key, _NameInfo(village_only, minor, spellings)))
        elif _NONLATIN_RE.fullmatch(key):
            nonlatin.append((key, True))
    return _build_table(latin, nonlatin)


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
        key, edge, admin = _token_info(m.group())
        segments[-1].append(_Token(m.group(), m.start(), m.end(), key, edge, admin))
        prev_end = m.end()
    return [s for s in segments if s]


def _may_hold_name(words: Sequence[str], places: _Table, countries: _Table) -> bool:
    """Cheap test: does some word start a name, alone or with the next word? ("The" starts
    keys such as "thebeng…", but "The Police" starts none)."""
    keys = [_token_info(w)[0] for w in words]
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
    the text around the run is settled in :func:`_latin_candidates`."""

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


@lru_cache(maxsize=1 << 17)
def _analyse_run(run: str) -> tuple[_Spec, ...]:
    """Names in one capitalised run (cached: runs repeat across documents)."""
    places, countries = _place_table(), _country_table()
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
    if specs or organisation or len(words) > 4:
        return tuple(specs)
    # A name the index does not hold verbatim but that an admin word marks as a place
    # ("Ocheatel Beach", "Ouddar Meanchey province"): the geocoder's spelling variants may
    # know it (see _FALLBACK_MIN_SCORE).
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
    return _token_info(word)[2] or word.casefold() in _PLACE_WORDS


def _longest(seg: Sequence[_Token], i: int, table: _Table, *, edges: bool) -> int:
    """End index (exclusive) of the longest name in ``table`` starting at token ``i``, or 0;
    with ``edges`` false a name may not end on an admin word or stopword."""
    key = ""
    best = 0
    for j in range(i, min(len(seg), i + _MAX_NGRAM)):
        key += seg[j].key
        if key not in table.prefixes:
            break
        if key in table.latin and (edges or not seg[j].edge):
            best = j + 1
    return best


def _segment_specs(
    seg: Sequence[_Token], places: _Table, countries: _Table, org: frozenset[int]
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
    places: _Table,
) -> _Spec:
    """A place name on tokens i..j-1, widened over an admin word before or after it."""
    start, name_end, end = seg[i].start, seg[j - 1].end, seg[j - 1].end
    context = False
    if i > 0 and seg[i - 1].admin:
        start, context = seg[i - 1].start, True
    if j < len(seg) and seg[j].admin:
        end, context = seg[j].end, True
    key = "".join(t.key for t in seg[i:j])
    info: _NameInfo = places.latin[key]
    single = j - i == 1
    word = seg[i].text
    # A single word is a place only with an admin word next to it when it is an ordinary
    # word ("Mission", "March"), a number word ("Bei"), a village name only, a short word
    # that matches a name only after folding ("They" ~ "Theay"), or a short word in capitals;
    # also, see _latin_candidates, when the same text writes it in lower case.
    needs_context = info.village_only or (
        single
        and (
            key in _common_words()
            or key.isdigit()
            or (len(word) < 7 and _plain(word) not in info.spellings)
            or (word.isupper() and len(word) <= 5)  # an acronym or code: LANG, KOS
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
        single and len(key) <= 3,
        loose and info.minor,  # "Sihanoukville Police" is the town's police
        wide,
        start == seg[0].start and i == 0,
        j == len(seg) and end == name_end,
    )


def _latin_candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    for run in _RUN_RE.finditer(text):
        specs = _analyse_run(run.group())
        if not specs:
            continue
        base = run.start()
        person: bool | None = None
        for sp in specs:
            if sp.kind == "country":
                out.append(
                    _Candidate(base + sp.start, base + sp.end, "country", base + sp.name_end,
                               True, sp.country)
                )  # fmt: skip
                continue
            if person is None:
                person = bool(_PERSON_BEFORE_RE.search(text, max(0, base - 12), base))
            if person:
                continue
            start, end, context = base + sp.start, base + sp.end, sp.context
            if sp.fallback:
                if sp.look_after:  # "Ouddar Meanchey province"
                    m = _WORD_AFTER_RE.match(text, end)
                    if not m or not _is_place_word(m.group(1)):
                        continue
                    end = m.end(1)
                out.append(
                    _Candidate(start, end, "place", start, False, None, True, False, True,
                               "", (start, end), fallback=True)
                )  # fmt: skip
                continue
            if sp.look_before and not context:
                before = text[max(0, start - 15) : start].split()
                context = bool(before) and _token_info(before[-1])[2]
            if sp.look_after:
                m = _WORD_AFTER_RE.match(text, end)
                if m and _is_place_word(m.group(1)):
                    end, context = m.end(1), True
            needs_context = sp.needs_context or (
                bool(sp.word) and sp.word.lower() in _lower_words(text)
            )
            wide = (base + sp.wide[0], base + sp.wide[1]) if sp.wide else None
            out.append(
                _Candidate(start, end, "place", base + sp.name_end, context, None,
                           needs_context, sp.short, sp.loose, "", wide)
            )  # fmt: skip
    return out


_LOWER_WORD_RE = re.compile(r"(?<![\w'’])[a-z\u00df-\u024f]+(?![\w'’])")


@lru_cache(maxsize=4)
def _lower_words(text: str) -> frozenset[str]:
    """Words the text writes in lower case ("mission" makes "Mission" an ordinary word)."""
    return frozenset(_LOWER_WORD_RE.findall(text))


_WORD_AFTER_RE = re.compile(rf"[ \t\u00a0]+((?:{_WORD})+)")

#: Ordinary English words and given names that are also single-word names in the
#: gazetteer: a place only with an admin word next to them ("Bei commune", "Sangkat Pir").
_COMMON = """march may june july august alliance mission ath bat char dom hang bang dal dong
har ed dan chan cham sam kim bun champa angkor post bay park lake hill island prince
royal golden crown star diamond garden river sea mountain ocean city land""".split()


@cache
def _common_words() -> frozenset[str]:
    return frozenset("".join(t.text for t in tokenize(w)) for w in _COMMON)


def _nonlatin_candidates(text: str, places: _Table, countries: _Table) -> Iterator[_Candidate]:
    for seg in _NONLATIN_RE.finditer(text):
        folded, offsets = _nonlatin_form(seg.group())
        base, i = seg.start(), 0
        while i < len(folded):
            found = _nonlatin_at(folded, i, places, countries)
            if found is None:
                i += 1
                continue
            a, b, name_end, cand = found
            # offsets back into the original text (folding can drop or add characters)
            yield cand._replace(
                start=base + offsets[a],
                end=base + offsets[b - 1] + 1,
                name_end=base + offsets[name_end - 1] + 1,
            )
            i = name_end


def _nonlatin_at(
    s: str, i: int, places: _Table, countries: _Table
) -> tuple[int, int, int, _Candidate] | None:
    """The longest country or place name at ``s[i]``: (start, end, name end, candidate)."""
    ch = s[i]
    best: tuple[str, str, Any] | None = None
    for kind, table in (("country", countries), ("place", places)):
        # walk the prefixes: one set look-up per character, longest name wins
        j = i + 1
        while j <= len(s) and s[i:j] in table.nonlatin_prefixes:
            name = s[i:j]
            if (
                name in table.nonlatin
                and (best is None or len(name) > len(best[1]))
                and _katakana_whole(s, i, j, name)
            ):
                best = (kind, name, table.nonlatin[name])
            j += 1
    if best is None:
        return None
    kind, name, value = best
    j = i + len(name)
    if kind == "country":
        code, form = value
        start, end = i, j
        if s.startswith(_DEMONYM_SUFFIX, j):
            end, form = j + 1, "demonym"
        for prefix in _DEMONYM_PREFIX:
            if i >= len(prefix) and s.startswith(prefix, i - len(prefix)):
                start, form = i - len(prefix), "demonym"
        return start, end, j, _Candidate(start, end, "country", j, True, (code, form))
    before = any(i >= len(p) and s.startswith(p, i - len(p)) for p in _NONLATIN_ADMIN_BEFORE)
    after = s.startswith(_NONLATIN_ADMIN_AFTER, j)
    # short names in scripts without spaces are often parts of other words
    khmer, thai = "\u1780" <= ch <= "\u17ff", "\u0e00" <= ch <= "\u0e7f"
    short = len(name) < (5 if khmer else 3 if thai else 2)
    end = j + 1 if after else j
    # the geocoder is given the indexed name itself (プノンペン, not プノンペン都)
    cand = _Candidate(i, end, "place", j, before or after, needs_context=short, query=name)
    return i, end, j, cand


def _katakana_whole(s: str, i: int, j: int, name: str) -> bool:
    """A katakana name must not be part of a longer katakana word (タイ in スタイル)."""
    if _KATAKANA_RE.match(name[0]) and i > 0 and _KATAKANA_RE.match(s[i - 1]):
        return False
    return not (_KATAKANA_RE.match(name[-1]) and j < len(s) and _KATAKANA_RE.match(s[j]))


def _candidates(text: str) -> list[_Candidate]:
    """Candidates sorted by start, none overlapping (longest wins where the two scans
    meet)."""
    places, countries = _place_table(), _country_table()
    found = _latin_candidates(text)
    extra: list[_Candidate] = []
    if "capital" in text:
        extra.extend(
            _Candidate(m.start(1), m.end(1), "place", m.end(1), True, query=_CAPITAL)
            for m in _CAPITAL_RE.finditer(text)
        )
    if _NONLATIN_RE.search(text):
        extra.extend(_nonlatin_candidates(text, places, countries))
    if extra:
        found = _overlap_free([*found, *extra])
    return found


#: "the capital" without a name after it is Phnom Penh in a text about Cambodia (used only
#: when the text names no other country: see _resolve).
_CAPITAL = "Phnom Penh"
_CAPITAL_RE = re.compile(
    r"\b(?:in|at|near|to|from|of|around|outside)\s+"
    r"(the\s+(?:Cambodian\s+)?capital(?:['’]s)?|Cambodia['’]s\s+capital)"
    r"(?![ \t]*(?:city[ \t]+)?,?[ \t]*[A-Z])(?![\w-])"
)


# --- resolving places ----------------------------------------------------------------

#: A place followed by ", <country>" or "in <country>" lies in that country ("Chong Chom …
#: in Surin province, Thailand"; "Moc Bai, Vietnam"), unless one of these words comes
#: between ("near Vietnam", "opposite Thailand's Aranyaprathet", a new sentence).
_FOREIGN_NOT_IF = re.compile(
    r"near|opposite|across|towards?|from|facing|adjacent|next to|neighbou?r|"
    r"[.;!?\n]|\bto\b"
)


def _is_foreign(text: str, cand: _Candidate, countries: Sequence[_Candidate]) -> bool:
    """Whether the text puts a place in another country. ``countries``: the text's foreign
    country names (a demonym locates nothing: "Bavet, Vietnamese officials said")."""
    for c in countries:
        if 0 <= cand.start - c.end <= 3:
            # "Thailand's Surin province", "Vietnam’s Moc Bai"
            if _POSSESSIVE_GAP_RE.fullmatch(text, c.end, cand.start):
                return True
        elif c.start >= cand.end and c.start - cand.end <= 60:
            # "Moc Bai, Vietnam"; "Chong Chom … in Surin province, Thailand"
            between = text[cand.end : c.start]
            if not _FOREIGN_NOT_IF.search(between) and _FOREIGN_GAP_RE.search(between):
                return True
    return False


_POSSESSIVE_GAP_RE = re.compile(r"['’]s?[ \t]*")
_FOREIGN_GAP_RE = re.compile(r"(?:,|\bin)\s*$")


@lru_cache(maxsize=16384)
def _geocode(query: str, province: str | None = None) -> GeocodeResult:
    return geocode(query, province=province)


def _usable(result: GeocodeResult) -> bool:
    """A place in Cambodia (not Cambodia itself), or several that the text may settle."""
    if result.status == "ambiguous" and result.precision is None:
        return bool(result.candidates)
    return result.status in ("matched", "ambiguous") and (result.precision or 5) <= 4


def _candidate_provinces(result: GeocodeResult) -> set[str]:
    codes = {str(c.get("province_code")) for c in result.candidates if c.get("province_code")}
    if result.province_code:
        codes.add(result.province_code)
    return codes


def _mention(text: str, cand: _Candidate, r: GeocodeResult) -> PlaceMention:
    return PlaceMention(
        text=text[cand.start : cand.end],
        start=cand.start,
        end=cand.end,
        province_code=r.province_code,
        province_name=r.province_name,
        district_code=r.district_code,
        district_name=r.district_name,
        commune_code=r.commune_code,
        commune_name=r.commune_name,
        latitude=r.latitude,
        longitude=r.longitude,
        precision=r.precision,
        score=float(r.score),
        method=r.method,
        matched_name=r.matched_name,
        status=r.status,
    )


def _accepted(
    text: str, cand: _Candidate, countries: Sequence[_Candidate]
) -> tuple[_Candidate, GeocodeResult] | None:
    """The candidate (possibly widened) and the geocoder's answer for it, or None when it is
    no place mention."""
    if countries and _is_foreign(text, cand, countries):
        return None
    wide_text = text[cand.wide[0] : cand.wide[1]] if cand.wide is not None else ""
    decision = _decide(
        _query(text, cand),
        wide_text,
        text[cand.start : cand.name_end],
        cand.context,
        cand.needs_context,
        cand.short,
        cand.loose,
        _FALLBACK_MIN_SCORE if cand.fallback else _WIDE_MIN_SCORE,
    )
    if decision is None:
        return None
    widened, result = decision
    if widened and cand.wide is not None:
        a, b = cand.wide
        cand = cand._replace(start=a, end=max(b, cand.end), wide=None, loose=False)
    return cand, result


@lru_cache(maxsize=65536)
def _decide(
    query: str,
    wide_text: str,
    narrow_text: str,
    context: bool,
    needs_context: bool,
    short: bool,
    loose: bool,
    min_score: float,
) -> tuple[bool, GeocodeResult] | None:
    """Whether a candidate is a place, and the geocoder's answer: ``(widened, result)``.
    Depends only on the strings and flags, so cached across documents."""
    if wide_text:
        # "Boeng Tompun", "Ouddar Meanchey": the geocoder's spelling variants may know the
        # whole name where the index only knows one of its words
        wide = _geocode(wide_text)
        matched = name_key(wide.matched_name or "")
        if (
            _usable(wide)
            and wide.score >= min_score
            and len(matched) > len(name_key(narrow_text))
            # the geocoder read the whole span, not a name inside it ("Angkor" of "Angkor
            # Wat" is Angkor Borei in Takeo)
            and max(
                fuzz.ratio(matched, name_key(wide_text)),
                fuzz.ratio(_full_key(wide.matched_name or ""), _full_key(wide_text)),
            )
            >= _WIDE_MIN_SCORE
        ):
            return True, wide
    if needs_context and not context:
        return None
    result = _geocode(query)
    if not _usable(result):
        return None
    # an ambiguous name that shares no province counts as finer than one
    precision = result.precision or 3
    if not context and short and precision < 4:
        return None  # "Kep" is a province; a three-letter village name needs "village"
    if not context and loose and precision < 4:
        return None  # "Boeng" of "Boeng Tompun": part of a longer name we do not know
    return False, result


def _full_key(name: str) -> str:
    """Folded tokens joined, admin words and stopwords kept ("O’Tres beach" → "otresbeach")."""
    return "".join(t.text for t in tokenize(name))


#: Lowest geocoder score for a widened name (the geocoder's own phonetic floor).
_WIDE_MIN_SCORE = 75.0
#: Lowest score for a name found only by the geocoder (its fuzzy floor): "Bangkok city"
#: scores 80 against Boeng Kok.
_FALLBACK_MIN_SCORE = 86.0


def _query(text: str, cand: _Candidate) -> str:
    return cand.query or text[cand.start : cand.end]


#: Between a place and the larger unit it lies in: "Chrey Thum City, Kandal Province",
#: "Phum Buaon, in Preah Sihanouk province".
_PARENT_GAP_RE = re.compile(r"[ \t]*,?[ \t]*(?:(?:in|of)[ \t]+(?:the[ \t]+)?)?")


def _chains(text: str, found: Sequence[tuple[_Candidate, GeocodeResult]]) -> list[int]:
    """For each found place, the index of the last place of the hierarchy it starts
    ("Muoy village, Bei commune, Sihanoukville"): itself when it starts none. A hierarchy is
    places joined by a comma or "in", with an admin word somewhere in it (a bare list
    "Kandal, Pursat" is no hierarchy)."""
    last = list(range(len(found)))
    for k in range(len(found) - 2, -1, -1):
        cand, _ = found[k]
        nxt, _ = found[k + 1]
        if cand.kind == nxt.kind == "place" and _PARENT_GAP_RE.fullmatch(text, cand.end, nxt.start):
            end = last[k + 1]
            if any(found[i][0].context for i in range(k, end + 1)):
                last[k] = end
    return last


def _resolve(text: str, cands: Sequence[_Candidate]) -> list[PlaceMention]:
    countries = [
        c
        for c in cands
        if c.country is not None and c.country[0] != "KH" and c.country[1] == "name"
    ]
    found: list[tuple[_Candidate, GeocodeResult]] = []
    # "the capital" is Phnom Penh only in a text that names no other country
    abroad = bool(countries)
    for cand in cands:
        if cand.kind != "place" or (abroad and cand.query == _CAPITAL):
            continue
        if (hit := _accepted(text, cand, countries)) is not None:
            found.append(hit)
    # A hierarchy is geocoded as one string from each place to its end, so the geocoder's
    # own hierarchy check places "Chrey Thum City" in Kandal, not in Svay Rieng.
    for k, end in enumerate(_chains(text, found)):
        if end == k:
            continue
        cand, own = found[k]
        parent = found[end][1].province_code
        if own.status == "matched" and own.province_code == parent:
            continue  # the hierarchy agrees already
        whole = _geocode(text[cand.start : found[end][0].end])
        if whole.status == "matched" and whole.province_code == parent:
            found[k] = (cand, whole)
    if any(found[k][0].start < found[k - 1][0].end for k in range(1, len(found))):
        found = _longest_first(found)  # widened names can overlap
    # Other places in the document settle ambiguous names: Samraong next to Oddar Meanchey.
    context = {r.province_code for _, r in found if r.status == "matched" and r.province_code}
    out: list[PlaceMention] = []
    for cand, result in found:
        if result.status == "ambiguous":
            hits = sorted(_candidate_provinces(result) & context)
            if len(hits) == 1:
                settled = _geocode(_query(text, cand), hits[0])
                if _usable(settled) and settled.province_code == hits[0]:
                    result = settled
        out.append(_mention(text, cand, result))
    return out


def _longest_first(
    found: Sequence[tuple[_Candidate, GeocodeResult]],
) -> list[tuple[_Candidate, GeocodeResult]]:
    """Widened names can overlap each other: keep the longest (then the first)."""
    out: list[tuple[_Candidate, GeocodeResult]] = []
    for hit in sorted(found, key=lambda h: (h[0].start - h[0].end, h[0].start)):
        c = hit[0]
        if all(c.end <= o.start or c.start >= o.end for o, _ in out):
            out.append(hit)
    return sorted(out, key=lambda h: h[0].start)


def _overlap_free(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first among overlapping candidates (non-Latin and Latin scans can overlap)."""
    out: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in out):
            out.append(c)
    return sorted(out, key=lambda c: c.start)


# --- public API ----------------------------------------------------------------------


def _as_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):  # None, NaN
        return ""
    if not isinstance(value, str):
        try:
            if pd.isna(value):  # type: ignore[call-overload]
                return ""
        except (TypeError, ValueError):
            pass
        return str(value)
    return value


def extract_mentions(text: object) -> tuple[list[PlaceMention], list[CountryMention]]:
    """Places in Cambodia and countries named in ``text``, in one pass.

    Parameters
    ----------
    text : str
        Any free text: a statement, an article, a quote. Khmer, Thai, Chinese, Japanese and
        Korean need no spaces between words. ``None`` and NaN give no mentions; other
        non-strings are read as ``str(text)``. Never raises on content.

    Returns
    -------
    tuple of (list of PlaceMention, list of CountryMention)
        Both sorted by ``start``.

    Examples
    --------
    >>> places, countries = extract_mentions("Thai police raided a compound in Poipet.")
    >>> [(p.text, p.province_code) for p in places]
    [('Poipet', '01')]
    >>> [(c.text, c.country_code, c.form) for c in countries]
    [('Thai', 'TH', 'demonym')]
    """
    text = _as_text(text)
    cands = _candidates(text)
    places = _resolve(text, cands)
    countries = []
    for c in cands:
        if c.kind == "country" and c.country is not None:
            name, alpha_3 = _country_info(c.country[0])
            form: Literal["name", "demonym"] = "demonym" if c.country[1] == "demonym" else "name"
            countries.append(
                CountryMention(
                    text[c.start : c.end], c.start, c.end, c.country[0], name, alpha_3, form
                )
            )
    return places, countries


def extract_places(text: object) -> list[PlaceMention]:
    """Places in Cambodia named in free text, with character spans and geocoder fields.

    Only capitalised Latin names are considered; short or common-word names ("Bei", "Pir")
    need an admin word next to them ("Bei commune", "Sangkat Pir"). Names inside an
    organisation's name ("Transparency International Cambodia") or after a title
    ("Mr. Am Sam Ath") are not places; "Cambodia" is a country, not a place (see
    :func:`extract_nationalities`); a place the text puts in another country ("Chong Chom in
    Surin province, Thailand") is left out. Overlapping names resolve to the longest.
    Ambiguous names are settled by the document's other places where they can be.

    Parameters
    ----------
    text : str
        Free text in any of the languages of the sources.

    Returns
    -------
    list of PlaceMention
        Sorted by ``start``; ``text == source[start:end]``.

    Examples
    --------
    >>> [(m.text, m.province_code) for m in extract_places("compounds in Sihanoukville")]
    [('Sihanoukville', '18')]
    """
    return extract_mentions(text)[0]


def extract_nationalities(text: object) -> list[CountryMention]:
    """Countries named in free text, as names or demonyms, with ISO 3166-1 codes.

    Parameters
    ----------
    text : str
        Free text; country names and demonyms are matched in English and, for the region's
        countries, in Chinese, Japanese, Korean, Thai, Khmer, Vietnamese and Indonesian/Malay
        (``data/raw/gazetteer/demonyms.csv``, names from Unicode CLDR).

    Returns
    -------
    list of CountryMention
        Sorted by ``start``.

    Examples
    --------
    >>> [(m.text, m.country_code, m.form) for m in extract_nationalities(
    ...     "19 Thai nationals and a Vietnamese worker were rescued in Cambodia")]
    [('Thai', 'TH', 'demonym'), ('Vietnamese', 'VN', 'demonym'), ('Cambodia', 'KH', 'name')]
    """
    return extract_mentions(text)[1]


def _rows(
    places: Sequence[PlaceMention], countries: Sequence[CountryMention], row: int
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in places:
        out.append(
            {
                "row": row,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "kind": "place",
                "province_code": p.province_code or "",
                "district_code": p.district_code or "",
                "commune_code": p.commune_code or "",
                "country_code": "KH",
                "precision": p.precision,
                "match_score": p.score,
            }
        )
    for c in countries:
        out.append(
            {
                "row": row,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "kind": "country",
                "province_code": "",
                "district_code": "",
                "commune_code": "",
                "country_code": c.country_code,
                "precision": 5 if c.country_code == "KH" else None,
                "match_score": 100.0,
            }
        )
    out.sort(key=lambda r: (r["start"], r["kind"]))
    return out


def extract_frame(df: pd.DataFrame, column: str, *, where: str = "") -> pd.DataFrame:
    """Place and country mentions of every row of one text column.

    Parameters
    ----------
    df : pandas.DataFrame
        Any table with a text column.
    column : str
        The column holding free text.
    where : str, optional
        Name of the input (a file path) for error messages.

    Returns
    -------
    pandas.DataFrame
        :data:`MENTION_COLUMNS`: one row per mention, ``row`` the 0-based position of the
        input row. An input row with no mention (or an empty cell) gets one row with
        ``kind`` empty, so no input row goes missing.

    Raises
    ------
    MissingColumnError
        If ``column`` is not in ``df``.

    Examples
    --------
    >>> out = extract_frame(pd.DataFrame({"q": ["Bavet city, Svay Rieng", ""]}), "q")
    >>> list(out["kind"])
    ['place', 'place', '']
    """
    if column not in df.columns:
        raise MissingColumnError(column, [str(c) for c in df.columns], where)
    rows: list[dict[str, Any]] = []
    for i, value in enumerate(df[column].tolist()):
        places, countries = extract_mentions(value)
        found = _rows(places, countries, i)
        rows.extend(found or [{"row": i, "kind": ""}])
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    out["precision"] = out["precision"].astype("Int64")
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    for col in ("text", "kind", "province_code", "district_code", "commune_code", "country_code"):
        out[col] = out[col].fillna("").astype(str)
    return out


# --- files (for the command line) ------------------------------------------------------


def _read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise DataFileError(f"{p}: is a directory, expected a text file") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{p}: not UTF-8 text (byte {exc.start}): {exc.reason}") from None
    except OSError as exc:
        raise DataFileError(f"{p}: cannot read: {exc.strerror or exc}") from None


def extract_file(path: str | Path, *, as_json: bool = False) -> str:
    """Mentions in one UTF-8 text file, as a printable table or as JSON.

    Parameters
    ----------
    path : str or Path
        A UTF-8 text file (one document).
    as_json : bool, default False
        Return ``{"file", "places", "countries"}`` as JSON instead of a table.

    Returns
    -------
    str

    Raises
    ------
    DataFileError
        If the file is missing or not UTF-8.

    Examples
    --------
    >>> print(extract_file("statement.txt"))  # doctest: +SKIP
    kind     start    end  text           code  detail
    place     1128   1141  Sihanoukville  18    Sihanoukville (province; precision 4)
    """
    text = _read_text(path)
    places, countries = extract_mentions(text)
    if as_json:
        doc = {
            "file": str(path),
            "places": [p.to_dict() for p in places],
            "countries": [c.to_dict() for c in countries],
        }
        return json.dumps(doc, ensure_ascii=False, indent=2)
    lines = [f"{'kind':<8} {'start':>6} {'end':>6}  {'text':<30} {'code':<7} detail"]
    rows: list[tuple[int, str]] = []
    for p in places:
        unit = p.commune_name or p.district_name or p.province_name or ""
        where = f"{unit}, {p.province_name}" if unit != p.province_name else unit
        detail = f"{where} (precision {p.precision}; {p.status}, score {p.score:.0f})"
        code = p.commune_code or p.district_code or p.province_code or ""
        rows.append(
            (p.start, f"{'place':<8} {p.start:>6} {p.end:>6}  {p.text:<30} {code:<7} {detail}")
        )
    for c in countries:
        detail = f"{c.country_name} ({c.form})"
        rows.append(
            (
                c.start,
                f"{'country':<8} {c.start:>6} {c.end:>6}  {c.text:<30} "
                f"{c.country_code:<7} {detail}",
            )
        )
    lines.extend(line for _, line in sorted(rows, key=lambda r: r[0]))
    lines.append(f"{len(places)} place mention(s), {len(countries)} country mention(s) in {path}")
    return "\n".join(lines)


def extract_table(input_path: str | Path, column: str, output_path: str | Path) -> str:
    """Mentions of every row of a CSV's text column, written to a CSV.

    Parameters
    ----------
    input_path : str or Path
        A UTF-8 CSV with a header row.
    column : str
        The column holding free text.
    output_path : str or Path
        Where to write :data:`MENTION_COLUMNS` (see :func:`extract_frame`).

    Returns
    -------
    str
        A one-line summary: rows read, mentions written, rows with none.

    Raises
    ------
    DataFileError
        If the input is missing, not UTF-8 or not a CSV.
    MissingColumnError
        If ``column`` is not in the input.
    """
    src = Path(input_path)
    try:
        df = pd.read_csv(src, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(f"{src}: no such file") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{src}: not UTF-8 (byte {exc.start}): {exc.reason}") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(f"{src}: cannot read as CSV: {exc}") from None
    out = extract_frame(df, column, where=str(src))
    try:
        out.to_csv(output_path, index=False)
    except OSError as exc:
        raise DataFileError(f"{output_path}: cannot write: {exc.strerror or exc}") from None
    mentions = int((out["kind"] != "").sum())
    empty = int((out["kind"] == "").sum())
    places = int((out["kind"] == "place").sum())
    return (
        f"{len(df)} row(s) read from {src}; {mentions} mention(s) written to {output_path} "
        f"({places} place, {mentions - places} country); {empty} row(s) with no mention"
    )
