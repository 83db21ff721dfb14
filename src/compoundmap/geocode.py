"""Offline geocoder: a place string → admin unit, point, precision, score and how it matched.

Second stage of the flow (sources → **geocode** → boundaries → compounds): it reads only the
gazetteer and ``normalize``. Names are found by dictionary look-ups of token n-grams in a
cached index (:func:`name_index`); spelling variants through a consonant-skeleton index and,
last, rapidfuzz restricted to names with the same initial. See ``docs/geocoding.md``.
"""

from __future__ import annotations

import gc
import math
import re
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import cache, lru_cache
from typing import Any, NamedTuple

import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ._data import raw_path
from .errors import GeocodeError, MissingColumnError
from .gazetteer import get_gazetteer
from .normalize import (
    ADMIN_WORDS,
    COMMUNE,
    COUNTRY,
    DISTRICT,
    PROVINCE,
    VILLAGE,
    Token,
    key_of,
    name_key,
    skeleton,
    tokenize,
)

__all__ = [
    "FRAME_COLUMNS",
    "PRECISION_LABELS",
    "Entry",
    "GeocodeResult",
    "geocode",
    "geocode_frame",
    "geocode_places",
    "name_index",
]

#: Precision scale (ACLED/UCDP style); ``None`` means unmatched.
PRECISION_LABELS = {
    1: "point (site, town, village, crossing)",
    2: "commune/sangkat",
    3: "district/khan/krong",
    4: "province",
    5: "Cambodia only",
}

_KIND_LEVEL = {"country": 0, "province": 1, "district": 2, "commune": 3, "village": 4}
_UNIT_KIND = {1: "province", 2: "district", 3: "commune"}
# GeoNames places at least this populous are towns: their admin codes stop at the district,
# because a town spans several communes (the point still lies in one of them).
_TOWN_POPULATION = 10_000
# Tiers: lower wins when one key names several things. Curated team data first, then the
# official names, then GeoNames places, then villages (which also need confirmation).
TIER_CURATED, TIER_OFFICIAL, TIER_PLACE, TIER_VILLAGE = 0, 1, 2, 3
_MAX_NGRAM = 7
_PHONETIC_MIN = 75.0
_FUZZY_MIN = 86.0

_COUNTRY_NAMES = (
    "Cambodia",
    "Kingdom of Cambodia",
    "Kampuchea",
    "Cambodge",
    "Camboja",
    "Camboya",
    "Cambogia",
    "Kambodscha",
    "Kamboja",
    "Kemboja",
    "Campuchia",
    "Căm-pu-chia",
    "កម្ពុជា",
    "ព្រះរាជាណាចក្រកម្ពុជា",
    "กัมพูชา",
    "ประเทศกัมพูชา",
    "カンボジア",
    "柬埔寨",
    "캄보디아",
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a name can refer to, as held in :func:`name_index`.

    ``kind`` is ``country``, ``province``, ``district``, ``commune``, ``village``, ``place``
    (a GeoNames town or village with coordinates) or a curated locality kind (``border
    crossing``, ``sez``, ``beach`` …, see ``data/raw/gazetteer/localities.csv``). Codes are MEF
    2025 strings or ``None``; ``lat``/``lon`` are the entry's own point (``None`` when the entry
    has none). ``tier``: 0 curated, 1 official name, 2 GeoNames place, 3 village. ``hint`` is
    the admin level an alias's own admin word implies ("Koh Kong town" → district).
    """

    name: str
    kind: str
    province_code: str | None
    district_code: str | None
    commune_code: str | None
    lat: float | None
    lon: float | None
    tier: int
    source: str
    hint: int | None = None
    population: int = 0
    legacy_district: str | None = None
    """For a commune moved to another district since 2018 (Boeng Keng Kang Ti Muoy, 2018 in
    Chamkar Mon): that earlier district, which older sources still name with it."""

    depth: int = field(init=False, compare=False)
    """0 country, 1 province, 2 district, 3 commune (how far down the codes go)."""
    code: str | None = field(init=False, compare=False)
    """Finest admin code."""
    is_point: bool = field(init=False, compare=False)
    """Whether the entry is a point-level place with its own coordinates."""

    def __post_init__(self) -> None:
        depth = (
            3 if self.commune_code else 2 if self.district_code else 1 if self.province_code else 0
        )
        object.__setattr__(self, "depth", depth)
        object.__setattr__(
            self, "code", self.commune_code or self.district_code or self.province_code
        )
        object.__setattr__(self, "is_point", self.lat is not None and self.kind not in _KIND_LEVEL)


@dataclass(frozen=True)
class GeocodeResult:
    """The answer for one place string.

    Attributes
    ----------
    query : str
        The input as given (``""`` for ``None``/NaN).
    status : str
        ``matched``, ``ambiguous`` (several places fit; see ``candidates``) or ``unmatched``.
    province_code, district_code, commune_code : str or None
        MEF 2025 codes with leading zeros; ``None`` when absent.
    province_name, district_name, commune_name : str or None
        MEF 2025 English names.
    latitude, longitude : float or None
        The point at ``precision`` (never invented: ``None`` when there is none).
    precision : int or None
        1 point, 2 commune, 3 district, 4 province, 5 Cambodia only, ``None`` unmatched.
    score : float
        0–100: 100 exact or alias match, lower for spelling variants and typos.
    method : str
        How it matched: ``exact`` (official name), ``alias`` (curated or GeoNames alternate),
        ``khmer`` (Khmer script), ``script`` (Thai/CJK), ``phonetic``, ``fuzzy``,
        ``country``; ``+context`` when the province/district argument chose between
        candidates, ``+hierarchy`` when another name in the string did; ``none`` unmatched.
    matched_name : str or None
        The gazetteer name that matched.
    candidates : tuple of dict
        For ``ambiguous``: ``{code, name, level, province_code}`` of each alternative.
    """

    query: str
    status: str
    province_code: str | None = None
    province_name: str | None = None
    district_code: str | None = None
    district_name: str | None = None
    commune_code: str | None = None
    commune_name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None
    score: float = 0.0
    method: str = "none"
    matched_name: str | None = None
    candidates: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (JSON-serialisable), ``candidates`` as a list."""
        d = asdict(self)
        d["candidates"] = [dict(c) for c in self.candidates]
        return d

    def __str__(self) -> str:
        if self.status == "unmatched":
            return f"{self.query!r}: unmatched"
        parts = [p for p in (self.commune_name, self.district_name, self.province_name) if p]
        where = ", ".join(parts) if parts else "Cambodia"
        point = (
            f" at {self.latitude:.5f}, {self.longitude:.5f}"
            if self.latitude is not None and self.longitude is not None
            else ""
        )
        lines = [
            f"{self.query!r}: {self.status} → {where}{point}",
            f"  precision {self.precision} ({PRECISION_LABELS.get(self.precision or 0, '-')}), "
            f"score {self.score:.0f}, method {self.method}, matched {self.matched_name!r}",
        ]
        codes = [c for c in (self.province_code, self.district_code, self.commune_code) if c]
        if codes:
            lines.append("  codes " + " / ".join(codes))
        for c in self.candidates:
            lines.append(f"  candidate {c['code']} {c['name']} (level {c['level']})")
        return "\n".join(lines)


# --- the index ------------------------------------------------------------------------


def _f(x: object) -> float | None:
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _s(x: object) -> str | None:
    return str(x) if isinstance(x, str) and x else None


def _alias_hint(name: str) -> int | None:
    toks = tokenize(name)
    for t in (toks[-1:] + toks[:1]) if toks else ():
        if t.admin is not None:
            return t.admin
    return None


_NUMBERED_RE = re.compile(r"^(.+?)\s+(?:Ti|TI|ti)\s+\S+$")

_KHMER_PREFIXES = tuple(
    sorted((w for w in ADMIN_WORDS if "\u1780" <= w[0] <= "\u17ff"), key=len, reverse=True)
)


def _keys_for(name: str) -> list[str]:
    """Index keys of a gazetteer name: its compact key, plus the key without a Khmer admin
    prefix written without a space ("ភូមិបាវិត" → "បាវិត")."""
    key = name_key(name)
    keys = [key] if key else []
    for pre in _KHMER_PREFIXES:
        if key.startswith(pre) and len(key) > len(pre):
            keys.append(key[len(pre) :])
            break
    return keys


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): v for k, v in r.items()} for r in df.to_dict(orient="records")]


@cache
def _build() -> tuple[dict[str, tuple[Entry, ...]], dict[str, tuple[str, ...]], int]:
    gaz = get_gazetteer()
    units = gaz.units
    by_code = {str(r["code"]): r for r in units.to_dict(orient="records")}
    index: dict[str, list[Entry]] = {}

    def add(name: str, entry: Entry) -> None:
        for key in _keys_for(name):
            if not key or (key.isascii() and len(key) < 2 and not key.isdigit()):
                continue
            bucket = index.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    # communes whose 2018 district (by their HDX p-code) is now another 2025 district
    by_pcode = {str(r["pcode"]): c for c, r in by_code.items() if r["pcode"] and r["level"] == 2}
    legacy: dict[str, str] = {}
    for c, r in by_code.items():
        if r["level"] == 3 and r["pcode"]:
            old = by_pcode.get(str(r["pcode"])[:6])
            if old and old != r["district_code"]:
                legacy[c] = old

    def unit_entry(code: str, name: str, tier: int, source: str, hint: int | None) -> Entry:
        row = by_code[code]
        level = int(row["level"])
        return Entry(
            name=name,
            kind=_UNIT_KIND[level],
            province_code=str(row["province_code"]),
            district_code=str(row["district_code"]) if level >= 2 else None,
            commune_code=code if level == 3 else None,
            lat=_f(row["lat"]),
            lon=_f(row["lon"]),
            tier=tier,
            source=source,
            hint=hint,
            legacy_district=legacy.get(code),
        )

    for name in _COUNTRY_NAMES:
        add(name, Entry(name, "country", None, None, None, None, None, 0, "compoundmap"))

    for alias, code, kind, source in gaz.aliases[["alias", "code", "kind", "source"]].itertuples(
        index=False
    ):
        tier = TIER_CURATED if kind == "curated" else TIER_OFFICIAL
        hint = _alias_hint(alias) if kind == "curated" else None
        add(alias, unit_entry(str(code), str(alias), tier, str(source), hint))
        # numbered sangkats ("Phsar Thmei Ti Bei"): the bare name names all of them, and
        # resolves to their common district ("Phsar Thmei", "Boeng Kak")
        numbered = _NUMBERED_RE.match(str(alias)) if kind == "name_en_2025" else None
        if numbered:
            add(
                numbered.group(1),
                unit_entry(
                    str(code), numbered.group(1), TIER_OFFICIAL, f"{source}, number dropped", None
                ),
            )

    loc = gaz.localities
    for row in _records(loc):
        entry = Entry(
            name=str(row["name"]),
            kind=str(row["kind"]),
            province_code=_s(row["province_code"]),
            district_code=_s(row["district_code"]),
            commune_code=_s(row["commune_code"]),
            lat=_f(row["lat"]),
            lon=_f(row["lon"]),
            tier=TIER_CURATED,
            source=str(row["source"]),
        )
        for name in [row["name"], *row["aliases"]]:
            add(str(name), entry)

    province_keys: dict[str, set[str]] = {}
    district_keys: dict[str, set[str]] = {}
    for alias, code in gaz.aliases[["alias", "code"]].itertuples(index=False):
        target = province_keys if len(str(code)) == 2 else district_keys
        if len(str(code)) <= 4:
            target.setdefault(str(code)[:2], set()).add(name_key(str(alias)))
    places = gaz.places
    for row in _records(places):
        town = int(row["population"]) >= _TOWN_POPULATION
        entry = Entry(
            name=str(row["name"]),
            kind="place",
            province_code=_s(row["province_code"]),
            district_code=_s(row["district_code"]),
            commune_code=None if town else _s(row["commune_code"]),
            lat=_f(row["lat"]),
            lon=_f(row["lon"]),
            tier=TIER_PLACE,
            source=f"GeoNames {row['geonameid']}",
            population=int(row["population"]),
        )
        if not entry.province_code:
            continue
        pkey = name_key(str(row["name"]))
        if pkey in province_keys.get(entry.province_code, ()) and pkey not in district_keys.get(
            entry.province_code, ()
        ):
            # a capital that is its own province (Phnom Penh): the place is the province
            entry = unit_entry(
                entry.province_code, str(row["name"]), TIER_PLACE, entry.source, None
            )
        add(str(row["name"]), entry)
        for alt in row["alternatenames"]:
            k = name_key(alt)
            # skip codes (KOS, PNH) and very short romanisations
            if k.isascii() and (len(k) < 4 or alt.isupper()):
                continue
            add(alt, entry)

    vil = gaz.villages
    for row in _records(vil):
        cc = str(row["commune_code"])
        crow = by_code.get(cc)
        entry = Entry(
            name=str(row["name_en"]),
            kind="village",
            province_code=str(row["province_code"]),
            district_code=str(row["district_code"]),
            commune_code=cc if crow is not None else None,
            lat=None,
            lon=None,
            tier=TIER_VILLAGE,
            source="MEF 2025 village list",
        )
        add(str(row["name_en"]), entry)
        if row["name_km"]:
            add(str(row["name_km"]), entry)

    frozen = {k: tuple(v) for k, v in index.items()}
    skel: dict[str, list[str]] = {}
    for k, entries in frozen.items():
        if not k.isascii() or all(e.tier == TIER_VILLAGE for e in entries):
            continue
        s = skeleton(k)
        if len(s) >= 3:
            skel.setdefault(s, []).append(k)
    max_script = max((len(k) for k in frozen if not k.isascii()), default=1)
    return frozen, {s: tuple(v) for s, v in skel.items()}, max_script


def name_index() -> dict[str, tuple[Entry, ...]]:
    """The geocoder's name index: compact key (:func:`compoundmap.normalize.name_key`) →
    every :class:`Entry` that name can refer to. Built once per process and cached.

    Holds the MEF 2025 names (English and Khmer) of provinces, districts and communes, the
    HDX 2018 names, province variants, the curated aliases (``aliases.csv``) and localities
    (``localities.csv``), GeoNames places with their alternate names, the 2025 village list
    and the names of Cambodia itself. Reusable by other modules (``geoparse``).

    Examples
    --------
    >>> from compoundmap.normalize import name_key
    >>> sorted({e.kind for e in name_index()[name_key("Bavet")]})
    ['commune', 'district', 'place']
    """
    return _build()[0]


@cache
def _fuzzy_keys() -> dict[str, list[str]]:
    """Latin keys grouped by initial letter, villages excluded (they need confirmation)."""
    out: dict[str, list[str]] = {}
    for k, entries in name_index().items():
        if k.isascii() and len(k) >= 4 and any(e.tier < TIER_VILLAGE for e in entries):
            out.setdefault(k[0], []).append(k)
    return out


# --- spotting names in a string ----------------------------------------------------------


class _Mention(NamedTuple):
    start: int
    end: int
    text: str
    entries: tuple[Entry, ...]
    method: str
    score: float
    hint: int | None
    reference: bool
    town: bool = False  # next to a town word (city, town, krong, 市 …)


_REFERENCE_BEFORE = frozenset({"from"})


@cache
def _inner_stopwords() -> frozenset[str]:
    """Stopwords and admin words that occur inside some indexed name ("Chong An Ma",
    "Phnum Srok", "... border crossing"): a span of tokens may run over these, but stops at
    any other stopword or admin word."""
    gaz = get_gazetteer()
    names = [
        *gaz.aliases["alias"],
        *gaz.villages["name_en"],
        *gaz.places["name"],
        *[a for lst in gaz.localities["aliases"] for a in lst],
        *gaz.localities["name"],
    ]
    out: set[str] = set()
    for name in names:
        toks = tokenize(str(name))
        for t in toks[1:-1]:
            if t.stop or t.admin is not None:
                out.add(t.text)
    return frozenset(out)


_REFERENCE_OF = frozenset(
    """north south east west northeast northwest southeast southwest km kilometres
    kilometers kilometre kilometer miles meters metres m inland""".split()
)


def _script_pieces(tok: Token, index: dict[str, tuple[Entry, ...]], maxlen: int) -> list[Token]:
    """Split a run of Khmer/Thai/CJK text into known names and admin words (longest first)."""
    s = tok.text
    out: list[Token] = []
    i, n = 0, len(s)
    while i < n:
        for length in range(min(maxlen, n - i), 0, -1):
            piece = s[i : i + length]
            if piece in index and length >= 2:
                out.append(Token(piece, latin=False))
                i += length
                break
            if piece in ADMIN_WORDS:
                out.append(Token(piece, admin=ADMIN_WORDS[piece], latin=False))
                i += length
                break
        else:
            if "\u30a1" <= s[i] <= "\u30fc" and s[i] != "\u30fb":
                # an unknown katakana letter is part of an unknown name: a known name glued
                # after it (オッダー|ミェンチェイ) is not counted on its own (not Thai, which
                # writes words without spaces: ที่ปอยเปต is "at Poipet")
                out.append(Token(s[i], latin=False))
            elif out and out[-1].stop:
                pass
            else:
                out.append(Token("", stop=True, latin=False))
            i += 1
    return out


def _is_khmer(s: str) -> bool:
    return any("\u1780" <= ch <= "\u17ff" for ch in s)


def _hint_at(toks: Sequence[Token], start: int, end: int, khmer: bool) -> int | None:
    after = toks[end].admin if end < len(toks) else None
    before = None
    j = start - 1
    while j >= 0 and toks[j].latin and toks[j].text in ("of", "de", "do", "da"):
        j -= 1
    if j >= 0:
        before = toks[j].admin
    # an admin word after the name that itself starts the next name ("Phum 3 Sangkat 4",
    # "ភូមិ៣ សង្កាត់៤") belongs to that name, not to this one
    if after is not None:
        nxt = toks[end + 1] if end + 1 < len(toks) else None
        if nxt is not None and nxt.text and nxt.admin is None and not nxt.stop:
            return before
    if khmer:
        return before if before is not None else after
    return after if after is not None else before


_TOWN_WORDS = frozenset(
    "city cities town towns township municipality municipal krong ville cidade ciudad kota bandar "
    "市 ក្រុង เมือง".split()
)


def _town_at(toks: Sequence[Token], start: int, end: int) -> bool:
    before = start - 1
    while before >= 0 and toks[before].text in ("of", "de", "do", "da"):
        before -= 1
    near = [toks[k] for k in (before, end) if 0 <= k < len(toks)]
    return any(t.text in _TOWN_WORDS for t in near)


def _is_reference(toks: Sequence[Token], start: int) -> bool:
    if start >= 1 and toks[start - 1].text in _REFERENCE_BEFORE:
        return True
    return (
        start >= 2
        and toks[start - 1].text == "of"
        and (toks[start - 2].text in _REFERENCE_OF or toks[start - 2].text.endswith("km"))
    )


def _spot(text: str | tuple[Token, ...], context: frozenset[str] = frozenset()) -> list[_Mention]:
    index, skel, maxlen = _build()
    inner_stops = _inner_stopwords()
    flat: list[Token] = []
    for t in tokenize(text) if isinstance(text, str) else text:
        if t.latin:
            flat.append(t)
        else:
            flat.extend(_script_pieces(t, index, maxlen))
    mentions: list[_Mention] = []
    n = len(flat)
    i = 0
    loose = False  # a Latin content word that no name explained (for the one-edit pass)
    while i < n:
        t = flat[i]
        if t.stop or t.admin is not None or not t.text:
            i += 1
            continue
        if not t.latin:
            entries = index.get(t.text, ())
            prev = flat[i - 1] if i else None
            if prev is not None and not prev.latin and prev.text and prev.admin is None:
                # glued to the name before it: either an address written without breaks
                # (金边堆谷区: Tuol Kouk inside Phnom Penh) or part of an unknown longer name
                # (バベットカンダル村: a village, not Kandal province)
                before = index.get(prev.text, ())
                if not any(
                    f.kind == "country" or (f.depth < e.depth and _consistent(e, f))
                    for f in before
                    for e in entries
                ):
                    entries = ()
            if entries:
                method = "khmer" if _is_khmer(t.text) else "script"
                kh = _is_khmer(t.text)
                mentions.append(
                    _Mention(
                        i,
                        i + 1,
                        t.text,
                        entries,
                        method,
                        100.0,
                        _hint_at(flat, i, i + 1, kh),
                        False,
                        _town_at(flat, i, i + 1),
                    )
                )
            i += 1
            continue
        # longest latin span first (exact, then phonetic, per span); spans may hold admin
        # words and stopwords inside but not at their ends
        stop = i
        while (
            stop < n
            and stop - i < _MAX_NGRAM
            and flat[stop].latin
            and flat[stop].text
            and (
                (flat[stop].admin is None and not flat[stop].stop) or flat[stop].text in inner_stops
            )
        ):
            stop += 1
        found = False
        # the span starts on a content token and ends on one: its key is the plain join
        prefix = [""]
        for k in range(i, stop):
            prefix.append(prefix[-1] + flat[k].text)
        for j in range(stop, i, -1):
            last = flat[j - 1]
            if last.stop or last.admin is not None:
                continue
            span = flat[i:j]
            key = prefix[j - i]
            entries = index.get(key, ())
            method, score = "exact", 100.0
            if entries and key.isdigit() and _hint_at(flat, i, j, False) not in (COMMUNE, VILLAGE):
                entries = ()
            if not entries and j - i <= 4 and len(key) >= 5 and not key.isdigit():
                sk = skeleton(key)
                best, best_score = "", 0.0
                for c in skel.get(sk, ()) if len(sk) >= 3 else ():
                    sc = fuzz.ratio(key, c)
                    if sc > best_score:
                        best, best_score = c, sc
                # one short token is too easily a common word elsewhere: ask for more
                # a single word must also keep its first and last letter (Thmorda/Thma Da,
                # not triangle/Trangel)
                single = j - i == 1
                need = (
                    88.0
                    if single and (len(key) < 7 or key[0] != best[:1] or key[-1] != best[-1:])
                    else _PHONETIC_MIN
                )
                # the first and last word must count in the skeleton ("... Meanchey Ou" is
                # not a variant of "... Meanchey")
                edges_count = bool(skeleton(flat[i].text)) and bool(skeleton(flat[j - 1].text))
                if best and best_score >= need and edges_count and (not single or len(key) >= 6):
                    entries = tuple(e for e in index[best] if e.tier < TIER_VILLAGE)
                    method, score = "phonetic", round(best_score, 1)
            if entries:
                mentions.append(
                    _Mention(
                        i,
                        j,
                        " ".join(x.text for x in span),
                        entries,
                        method,
                        score,
                        _hint_at(flat, i, j, False),
                        _is_reference(flat, i),
                        _town_at(flat, i, j),
                    )
                )
                i = j
                found = True
                break
        if not found:
            loose = loose or not t.text.isdigit()
            i += 1
    if context or any(m.entries[0].kind != "country" for m in mentions if m.entries):
        mentions = _scoped_fuzzy(flat, mentions, context)
    if not any(m.entries[0].kind != "country" for m in mentions if m.entries):
        mentions.extend(_fuzzy_mentions(flat, mentions))
    if loose or (
        mentions and all(m.entries and m.entries[0].tier == TIER_VILLAGE for m in mentions)
    ):
        return _edit_mentions(flat, mentions)
    return mentions


@cache
def _edit_index() -> dict[str, tuple[str, ...]]:
    """Deletion neighbourhood of the Latin keys that name a province, a district or a town
    (entries at district level or coarser): each key and each key with one letter deleted →
    the keys. Two strings one edit apart (a letter dropped, added, changed or two swapped)
    share an entry, so a typo is found with a few dict look-ups instead of a scan."""
    out: dict[str, set[str]] = {}
    for k, entries in name_index().items():
        if not k.isascii() or len(k) < 5 or k.isdigit():
            continue
        if not any(e.tier < TIER_VILLAGE and 1 <= e.depth <= 2 for e in entries):
            continue
        out.setdefault(k, set()).add(k)
        for p in range(len(k)):
            out.setdefault(k[:p] + k[p + 1 :], set()).add(k)
    return {d: tuple(sorted(ks)) for d, ks in out.items()}


@lru_cache(maxsize=65_536)
def _one_edit(key: str) -> str | None:
    """The one province/district/town key one edit away from ``key`` with the same first
    letter: any edit from 7 letters, a letter dropped or added or a swap at 6, a swap of
    neighbours at 5 ("Takoe"); ``None`` when there is none or several."""
    n = len(key)
    if n < 5 or not key.isascii() or key.isdigit():
        return None
    idx = _edit_index()
    cands = set(idx.get(key, ()))
    for p in range(n):
        cands.update(idx.get(key[:p] + key[p + 1 :], ()))
    cands.discard(key)
    # the first letter is kept: "Khlong" (Thai: canal) is not "Chlong"
    good = [c for c in cands if c[0] == key[0] and OSA.distance(key, c) <= 1]
    # a dropped or added letter needs 6 letters on both sides ("should" is not "Shoul")
    good = [c for c in good if len(c) == n or min(len(c), n) >= 6]
    if n < 7:
        # short words: a changed letter too often makes another real word (Khmer "thlong"
        # is not the district Thpong); five letters allow only a swap
        good = [
            c
            for c in good
            if (len(c) != n and n >= 6) or (len(c) == n and sorted(c) == sorted(key))
        ]
    if len(good) > 1:
        # several spellings of one unit ("Otdar"/"Otdor Meanchey", "Stung Treng"/"Stung
        # Teng") are one answer: the spelling with the most readings keeps them all
        index = name_index()
        units = {c: frozenset(e.code for e in index[c] if e.tier < TIER_VILLAGE) for c in good}
        if frozenset.intersection(*units.values()):
            return max(sorted(good), key=lambda c: len(units[c]))
    return good[0] if len(good) == 1 else None


def _edit_mentions(flat: Sequence[Token], mentions: list[_Mention]) -> list[_Mention]:
    """Typos of a province, district or town name one edit away ("Piopet", "Tbong Kmum",
    "Svay Rieg"): a word that no name explains is tried alone and with its content neighbour
    (a word already explained may be the other half of the misspelt name: "Tma Puok" is
    Thma Puok, not Puok with a stray word). The window, which explains every word in it,
    replaces the names inside it."""
    # (villages are indexed last: a key whose first entry is a village names only villages)
    alone = all(m.entries[0].tier == TIER_VILLAGE for m in mentions if m.entries)
    covered: set[int] = set()
    for m in mentions:
        if not (alone and m.entries):
            covered.update(range(m.start, m.end))
    loose = [
        k
        for k, t in enumerate(flat)
        if t.latin and t.text and not t.stop and t.admin is None and k not in covered
    ]
    if not loose:
        return mentions
    n = len(flat)

    def content(k: int) -> bool:
        t = flat[k]
        return t.latin and bool(t.text) and not t.stop and t.admin is None

    index = name_index()
    out = list(mentions)
    done: set[int] = set()
    for k in loose:
        if k in done or flat[k].text.isdigit():
            continue
        spans = [(m.start, m.end) for m in out if m.start <= k < m.end and m.end - m.start > 1]
        windows = [*spans, (k - 1, k + 1), (k, k + 2), (k, k + 1)]
        for a, b in windows:
            if a < 0 or b > n or not all(content(x) for x in range(a, b)):
                continue
            if any(x in done for x in range(a, b)):
                continue
            inside = [m for m in out if m.start < b and m.end > a]
            hit = _one_edit("".join(x.text for x in flat[a:b]))
            if hit is None:
                continue
            entries = tuple(e for e in index[hit] if e.tier < TIER_VILLAGE)
            if not entries:
                continue
            out = [m for m in out if m not in inside]
            out.append(
                _Mention(
                    a,
                    b,
                    " ".join(x.text for x in flat[a:b]),
                    entries,
                    "fuzzy",
                    round(float(fuzz.ratio("".join(x.text for x in flat[a:b]), hit)), 1),
                    _hint_at(flat, a, b, False),
                    _is_reference(flat, a),
                    _town_at(flat, a, b),
                )
            )
            done.update(range(a, b))
            break
    return sorted(out, key=lambda m: m.start)


@cache
def _scope_keys() -> dict[str, tuple[str, ...]]:
    """Province or district code → the keys of the units and places inside it (villages
    excluded): the plausible candidates for a misspelt name next to that province/district."""
    out: dict[str, set[str]] = {}
    for k, entries in name_index().items():
        if not k.isascii() or len(k) < 4:
            continue
        for e in entries:
            if e.tier >= TIER_VILLAGE or e.depth < 2 or e.kind == "country":
                continue
            if e.province_code:
                out.setdefault(e.province_code, set()).add(k)
            if e.district_code and e.depth == 3:
                out.setdefault(e.district_code, set()).add(k)
    return {code: tuple(sorted(keys)) for code, keys in out.items()}


def _scoped_fuzzy(
    flat: Sequence[Token], mentions: list[_Mention], context: frozenset[str] = frozenset()
) -> list[_Mention]:
    """Typos next to a named province or district ("Tumnob Rolkk commune, Steung Hav
    district"): a run of words that no name inside that province/district explains is
    matched by rapidfuzz against the names inside it only."""
    scope: set[str] = set(context)
    for m in mentions:
        for e in m.entries:
            if (
                e.tier <= TIER_OFFICIAL
                and e.kind in ("province", "district")
                and len(m.entries) <= 3
            ):
                scope.add(e.code or "")
    scope.discard("")
    if not scope:
        return mentions
    # districts named narrow the search; otherwise the provinces
    districts = {c for c in scope if len(c) == 4}
    codes = districts or scope
    index = name_index()
    keys_by_scope = _scope_keys()
    inside = [
        m for m in mentions if any(e.province_code in {c[:2] for c in codes} for e in m.entries)
    ]
    out = list(mentions)
    n = len(flat)
    # words already explained by a name inside the scope are not searched again
    blocked = [not t.latin or not t.text or t.stop or t.admin is not None for t in flat]
    for m in inside:
        # the province/district names themselves
        if any(e.kind in ("province", "district") and e.tier <= TIER_OFFICIAL for e in m.entries):
            for k in range(m.start, m.end):
                blocked[k] = True
    i = 0
    while i < n:
        if blocked[i]:
            i += 1
            continue
        j = i
        while j < n and not blocked[j]:
            j += 1
        covered = [m for m in out if m.start < j and m.end > i]
        whole = bool(covered) and all(
            any(m.start <= k < m.end for m in covered) for k in range(i, j)
        )
        key = "".join(x.text for x in flat[i:j])
        if whole and all(m in inside for m in covered):
            pass  # every word is already a name inside the scope
        elif len(key) >= 5 and not key.isdigit():
            choices = [k for c in codes for k in keys_by_scope.get(c, ())]
            hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=80.0)
            if hit is not None:
                entries = tuple(
                    e
                    for e in index[hit[0]]
                    if e.tier < TIER_VILLAGE and any((e.code or "").startswith(c) for c in codes)
                )
                if entries:
                    out = [m for m in out if m not in covered]
                    out.append(
                        _Mention(
                            i,
                            j,
                            " ".join(x.text for x in flat[i:j]),
                            entries,
                            "fuzzy",
                            round(float(hit[1]), 1),
                            _hint_at(flat, i, j, False),
                            _is_reference(flat, i),
                            _town_at(flat, i, j),
                        )
                    )
        i = j
    return sorted(out, key=lambda m: m.start)


def _fuzzy_mentions(flat: Sequence[Token], found: list[_Mention]) -> list[_Mention]:
    """Typos: rapidfuzz over names with the same initial, for runs of content tokens that
    nothing else matched (only when no place was found otherwise)."""
    index = name_index()
    keys_by_initial = _fuzzy_keys()
    taken = {k for m in found for k in range(m.start, m.end)}
    out: list[_Mention] = []
    i, n = 0, len(flat)
    while i < n:
        if i in taken or not flat[i].latin or flat[i].stop or flat[i].admin is not None:
            i += 1
            continue
        j = i
        while (
            j < n
            and j not in taken
            and flat[j].latin
            and flat[j].text
            and not flat[j].stop
            and flat[j].admin is None
            and j - i < 4
        ):
            j += 1
        key = key_of(list(flat[i:j]))
        if len(key) >= 5 and not key.isdigit():
            choices = keys_by_initial.get(key[0], [])
            # one substituted letter costs 100/len: "kompot" ~ "kampot" scores 83.3
            cutoff = (
                min(_FUZZY_MIN, 100.0 * (1 - 1 / len(key)) - 0.01) if len(key) >= 6 else _FUZZY_MIN
            )
            # one edit from a province, district or town beats a looser commune match
            near = _one_edit(key)
            hit = (
                (near, fuzz.ratio(key, near))
                if near is not None
                else process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            )
            if hit is not None:
                entries = tuple(e for e in index[hit[0]] if e.tier < TIER_VILLAGE)
                out.append(
                    _Mention(
                        i,
                        j,
                        " ".join(x.text for x in flat[i:j]),
                        entries,
                        "fuzzy",
                        round(float(hit[1]), 1),
                        _hint_at(flat, i, j, False),
                        _is_reference(flat, i),
                    )
                )
        i = max(j, i + 1)
    return out


# --- resolving mentions ---------------------------------------------------------------


@cache
def _towns() -> dict[str, Entry]:
    """District/commune code → the GeoNames place that shares one of its names and lies in
    it (the most populous), so "ポイペト" or "Krong Paoy Paet" get the town's point too."""
    out: dict[str, Entry] = {}
    for entries in name_index().values():
        places = [e for e in entries if e.kind == "place"]
        if not places:
            continue
        for a in entries:
            if a.kind in ("district", "commune") and a.code:
                for p in places:
                    if _consistent(a, p) and (
                        a.code not in out or p.population > out[a.code].population
                    ):
                        out[a.code] = p
    return out


def _consistent(a: Entry, b: Entry) -> bool:
    """Whether two entries can describe the same place (one contains the other)."""
    if a.kind == "country" or b.kind == "country":
        return True
    if a.province_code != b.province_code:
        return False
    if (
        a.district_code
        and b.district_code
        and a.district_code != b.district_code
        and not (a.legacy_district == b.district_code and not b.commune_code)
        and not (b.legacy_district == a.district_code and not a.commune_code)
    ):
        return False
    return not (a.commune_code and b.commune_code and a.commune_code != b.commune_code)


def _contains(outer: Entry, inner: Entry) -> bool:
    return _consistent(outer, inner) and outer.depth <= inner.depth


def _hint_ok(e: Entry, hint: int) -> bool:
    if e.kind == "country":
        return hint == COUNTRY
    if hint == PROVINCE:
        return e.kind == "province"
    if hint == DISTRICT:
        return e.kind in ("district", "place") or e.kind not in _KIND_LEVEL
    if hint == COMMUNE:
        return e.kind == "commune"
    if hint == VILLAGE:
        return e.kind in ("village", "place")
    return True


@dataclass(frozen=True)
class _Context:
    provinces: frozenset[str]
    districts: frozenset[str]

    def supports(self, e: Entry) -> bool:
        if self.districts:
            return e.district_code in self.districts if e.district_code else False
        return bool(self.provinces) and e.province_code in self.provinces


@lru_cache(maxsize=4096)
def _context(province: str | None, district: str | None) -> _Context:
    gaz = get_gazetteer()

    def codes(value: str | None, kind: str) -> frozenset[str]:
        if not value:
            return frozenset()
        out: set[str] = set()
        for part in re.split(r"[;,/|]", value):
            part = part.strip()
            if not part:
                continue
            if part.isdigit() and gaz.has(part):
                out.add(part)
                continue
            entries = name_index().get(name_key(part), ())
            chosen = [e for e in entries if e.kind == kind]
            if not chosen:
                chosen = [e for m in _spot(part) for e in m.entries if e.kind == kind and e.code]
            out.update(e.code for e in chosen if e.code)
        return frozenset(out)

    return _Context(codes(province, "province"), codes(district, "district"))


def _dedupe(entries: list[Entry]) -> list[Entry]:
    """One entry per unit (or per place/locality), the best tier kept."""
    out: dict[tuple[str | None, str], Entry] = {}
    for e in entries:
        k = (e.code, "" if e.kind in _KIND_LEVEL and e.kind != "village" else e.kind + e.name)
        cur = out.get(k)
        if cur is None or e.tier < cur.tier:
            out[k] = e
    return list(out.values())


@dataclass
class _Choice:
    mention: _Mention
    entries: list[Entry]  # what the mention may mean after filtering
    source: tuple[Entry, ...] = ()  # the filtered readings before support narrows them


_SETS_CACHE: dict[int, tuple[tuple[Entry, ...], tuple[bool, set[str], set[str]]]] = {}


def _code_sets(entries: tuple[Entry, ...]) -> tuple[bool, set[str], set[str]]:
    """(names the country, finest codes, every code on the chains of non-village readings)."""
    hit = _SETS_CACHE.get(id(entries))
    if hit is not None and hit[0] is entries:
        return hit[1]
    out = (
        any(f.kind == "country" for f in entries),
        {f.code for f in entries if f.code is not None},
        {
            x
            for f in entries
            if f.kind != "village"
            for x in (f.province_code, f.district_code, f.commune_code, f.legacy_district)
            if x
        },
    )
    if len(_SETS_CACHE) > 100_000:
        _SETS_CACHE.clear()
    _SETS_CACHE[id(entries)] = (entries, out)
    return out


_FILTER_CACHE: dict[tuple[int, int | None, bool], tuple[tuple[Entry, ...], tuple[Entry, ...]]] = {}


def _filtered(
    entries: tuple[Entry, ...], hint: int | None, drop_villages: bool
) -> tuple[Entry, ...]:
    """What one name may mean given the admin word next to it (cached per index entry)."""
    k = (id(entries), hint, drop_villages)
    hit = _FILTER_CACHE.get(k)
    if hit is not None and hit[0] is entries:
        return hit[1]
    # village readings are kept only when the name is nothing else or is called a village
    others = [e for e in entries if e.tier != TIER_VILLAGE]
    keep_villages = not drop_villages and (hint == VILLAGE or not others)
    es: list[Entry] = list(entries) if keep_villages else others
    if hint is not None:
        keep = [e for e in es if _hint_ok(e, hint)]
        if keep:
            es = keep
        matching = [e for e in es if e.hint == hint]
        es = matching or [e for e in es if e.hint is None] or es
    else:
        es = [e for e in es if e.hint is None] or es
    # a name that is a province's (at the best tier it matches) means the province
    # unless an admin word says otherwise: "Kandal" is the province, not a commune
    if es and hint is None:
        best_tier = min(e.tier for e in es)
        provs = [e for e in es if e.kind == "province" and e.tier == best_tier]
        if provs:
            es = provs
    out = tuple(_dedupe(es))
    if len(_FILTER_CACHE) > 100_000:
        _FILTER_CACHE.clear()
    _FILTER_CACHE[k] = (entries, out)
    return out


def _reduce(mentions: list[_Mention], ctx: _Context) -> list[_Choice]:
    choices: list[_Choice] = []
    # a village counts only when another name in the string (or a stated district) confirms
    # it: with a single name, villages are out before anything else
    lone = sum(1 for m in mentions if m.entries and m.entries[0].kind != "country") <= 1
    drop_villages = lone and not ctx.districts
    for m in mentions:
        allowed = _filtered(m.entries, m.hint, drop_villages)
        if m.town and len(allowed) > 1:
            # "Krong Samraong", "Samrong city": of several districts with the name, the one
            # that is a town (a GeoNames town of 10,000+ in it bears the name)
            towns = _towns()
            urban = tuple(
                e
                for e in allowed
                if e.kind == "district"
                and (t := towns.get(e.code or "")) is not None
                and t.population >= _TOWN_POPULATION
            )
            if urban and len(urban) < sum(e.kind == "district" for e in allowed):
                allowed = urban
        if allowed:
            choices.append(_Choice(m, list(allowed), allowed))
    # support: how many other mentions (or the context) name a unit containing the entry
    has_ctx = bool(ctx.provinces or ctx.districts)
    # An entry f contains e exactly when f's finest code is in e's chain (or f is the
    # country). A village needs another name that contains it; any other entry is supported
    # by a name it is consistent with either way ("Sihanoukville's Ream commune": the
    # province reading of Sihanoukville fits Ream, the city reading does not). Code sets are
    # computed once, from every name's readings before any is narrowed.
    sets = {id(o): _code_sets(o.source) for o in choices if not o.mention.reference}
    for c in choices:
        others = [v for k, v in sets.items() if k != id(c)]
        if not others and not has_ctx:
            es: list[Entry] = [e for e in c.entries if e.kind != "village"]
            if es:
                tier = min(e.tier for e in es)
                es = [e for e in es if e.tier == tier]
                coarse = min(e.depth for e in es)
                es = [e for e in es if e.depth == coarse]
            c.entries = es
            continue

        def support(e: Entry, others: list[tuple[bool, set[str], set[str]]] = others) -> int:
            p, d, k = e.province_code, e.district_code, e.commune_code
            village = e.kind == "village"
            s = 0
            for country, codes, chains in others:
                if (
                    country
                    or p in codes
                    or d in codes
                    or k in codes
                    or (e.legacy_district is not None and e.legacy_district in codes)
                    or (not village and e.code in chains)
                ):
                    s += 1
            if village:
                return s + (1 if ctx.districts and ctx.supports(e) else 0)
            return s + (1 if ctx.supports(e) else 0)

        scored = [(support(e), e) for e in c.entries]
        scored = [(s, e) for s, e in scored if e.kind != "village" or s > 0]
        if not scored:
            c.entries = []
            continue
        top = max(s for s, _ in scored)
        es = [e for s, e in scored if s == top]
        tier = min(e.tier for e in es)
        es = [e for e in es if e.tier == tier]
        # one name for units of several levels (a district and its seat commune, a district
        # here and a commune there): the coarser reading, the one sources mean unless they
        # say "commune"
        coarse = min(e.depth for e in es)
        c.entries = [e for e in es if e.depth == coarse]
    return [c for c in choices if c.entries]


@lru_cache(maxsize=4096)
def _gaz_name(code: str | None) -> str | None:
    return get_gazetteer().name(code) if code else None


@lru_cache(maxsize=4096)
def _unit_point(code: str | None) -> tuple[float | None, float | None]:
    if not code:
        return None, None
    row = get_gazetteer().unit(code)
    return _f(row["lat"]), _f(row["lon"])


def _result(
    query: str, anchor: Entry, mention: _Mention, cluster: list[_Choice], method: str
) -> GeocodeResult:
    prov, dist, comm = anchor.province_code, anchor.district_code, anchor.commune_code
    # fill the hierarchy from the other names in the cluster when the anchor stops short
    for c in cluster:
        for e in c.entries:
            if _consistent(e, anchor) and e.kind != "village":
                dist = dist or (e.district_code if e.province_code == prov else None)
                if dist and e.district_code == dist:
                    comm = comm or e.commune_code
    point_entry: Entry | None = anchor if anchor.is_point else None
    # a district/commune named like a town or village with coordinates: use its point,
    # unless the string says "district"/"commune" (then it means the unit)
    if (
        point_entry is None
        and anchor.kind in ("district", "commune")
        and (mention.hint is None or mention.town)
    ):
        for e in mention.entries:
            if e.is_point and _contains(anchor, e) and e.tier <= TIER_PLACE:
                point_entry = e
                break
        else:
            point_entry = _towns().get(anchor.code or "")
        if point_entry is not None:
            dist = dist or point_entry.district_code
            comm = comm or (point_entry.commune_code if anchor.depth >= 3 else None)
    lat: float | None
    lon: float | None
    if anchor.kind == "country":
        precision, lat, lon = 5, None, None
    elif point_entry is not None:
        precision, lat, lon = 1, point_entry.lat, point_entry.lon
    else:
        code = comm or dist or prov
        precision = 2 if comm else 3 if dist else 4
        lat, lon = _unit_point(code)
        if lat is None and comm:
            # communes created after 2018 have no polygon: the district's point, precision 3
            precision = 3
            lat, lon = _unit_point(dist)
    return GeocodeResult(
        query=query,
        status="matched",
        province_code=prov,
        province_name=_gaz_name(prov),
        district_code=dist,
        district_name=_gaz_name(dist),
        commune_code=comm,
        commune_name=_gaz_name(comm),
        latitude=lat,
        longitude=lon,
        precision=precision,
        score=mention.score,
        method=method,
        matched_name=(point_entry.name if point_entry is not None else anchor.name),
    )


def _base_method(m: _Mention, e: Entry) -> str:
    if m.method != "exact":
        return m.method
    if e.kind == "country":
        return "country"
    if e.kind == "village":
        return "village"
    if e.tier == TIER_OFFICIAL and "2025" in e.source:
        return "exact"
    return "alias"


def _candidate(e: Entry) -> dict[str, Any]:
    code = e.code or ""
    level = e.kind if e.kind in _KIND_LEVEL else e.kind
    return {
        "code": code,
        "name": e.name if e.kind not in ("province", "district", "commune") else _gaz_name(code),
        "level": level,
        "province_code": e.province_code,
    }


def _ambiguous(query: str, entries: list[Entry], score: float, method: str) -> GeocodeResult:
    uniq: list[Entry] = []
    seen: set[tuple[str | None, str]] = set()
    for e in entries:
        k = (e.code, e.kind if e.kind == "village" else "")
        if k not in seen:
            seen.add(k)
            uniq.append(e)
    cands = tuple(_candidate(e) for e in uniq)
    provs = {e.province_code for e in uniq}
    dists = {e.district_code for e in uniq}
    prov = next(iter(provs)) if len(provs) == 1 else None
    dist = next(iter(dists)) if prov and len(dists) == 1 else None
    precision: int | None = None
    lat = lon = None
    if dist:
        precision = 3
        lat, lon = _unit_point(dist)
    elif prov:
        precision = 4
        lat, lon = _unit_point(prov)
    return GeocodeResult(
        query=query,
        status="ambiguous",
        province_code=prov,
        province_name=_gaz_name(prov),
        district_code=dist,
        district_name=_gaz_name(dist),
        latitude=lat,
        longitude=lon,
        precision=precision,
        score=score,
        method=method,
        matched_name=uniq[0].name if uniq else None,
        candidates=cands,
    )


def _unmatched(query: str) -> GeocodeResult:
    return GeocodeResult(query=query, status="unmatched")


def _resolve(query: str, text: str | tuple[Token, ...], ctx: _Context) -> list[GeocodeResult]:
    """One result per distinct place named in ``text`` (may be empty)."""
    mentions = _spot(text, ctx.provinces | ctx.districts)
    choices = _reduce(mentions, ctx)
    if not choices:
        return []
    places = [c for c in choices if c.entries[0].kind != "country"]
    if not places:
        c = choices[0]
        return [_result(query, c.entries[0], c.mention, [c], "country")]
    # names given only as a reference point ("50 km from Poipet") do not locate anything
    real = [c for c in places if not c.mention.reference]
    if not real:
        return []
    # with a stated province, a commune/village name found only in other provinces is most
    # likely a word that happens to be a commune name there: drop it
    if ctx.provinces and len(real) > 1:
        real = [
            c
            for c in real
            if any(e.province_code in ctx.provinces for e in c.entries)
            or any(e.depth < 3 or e.is_point for e in c.entries)
        ] or real
    # One place per round: the anchor is the reading consistent with the most names, then one
    # whose name has no conflicting reading, then the finest, then the best tier, then the
    # first written. The names consistent with it form its cluster (one place); repeat.
    results: list[tuple[int, GeocodeResult]] = []
    remaining = real
    while remaining:
        best: tuple[tuple[int, int, int, int, int], Entry, _Choice] | None = None
        for c in remaining:
            for e in c.entries:
                # villages are weak evidence: they do not vote for an anchor
                n_cons = sum(
                    1
                    for o in remaining
                    if (o is c or o.entries[0].kind != "village")
                    and any(_consistent(e, f) for f in o.entries)
                )
                single = 1 if all(_consistent(e, f) for f in c.entries) else 0
                key = (
                    n_cons,
                    single,
                    e.depth * 2 + e.is_point,  # finer first; a point beats its unit
                    -e.tier,
                    -c.mention.start,
                )
                if best is None or key > best[0]:
                    best = (key, e, c)
        assert best is not None
        _, anchor, anchor_choice = best
        cluster = [o for o in remaining if any(_consistent(anchor, f) for f in o.entries)]
        # alternatives the rest of the string fits just as well keep the name ambiguous
        support = {id(o) for o in cluster}
        alternatives = [
            e
            for e in anchor_choice.entries
            if not _consistent(anchor, e)
            and {id(o) for o in remaining if any(_consistent(e, f) for f in o.entries)} >= support
        ]
        ambiguous = bool(alternatives)
        m = anchor_choice.mention
        if ambiguous and ctx.provinces | ctx.districts:
            fits = [e for e in [anchor, *alternatives] if ctx.supports(e)]
            if len(fits) == 1:
                anchor, ambiguous = fits[0], False
        if ambiguous:
            first = min(o.mention.start for o in cluster)
            results.append(
                (
                    first,
                    _ambiguous(query, [anchor, *alternatives], m.score, _base_method(m, anchor)),
                )
            )
        else:
            method = _base_method(m, anchor)
            if len(m.entries) > 1 and len({e.code for e in m.entries if e.kind != "village"}) > 1:
                if any(o is not anchor_choice for o in cluster):
                    method += "+hierarchy"
                elif ctx.supports(anchor):
                    method += "+context"
            first = min(o.mention.start for o in cluster)
            results.append((first, _result(query, anchor, m, cluster, method)))
        # a village left over was confirmed by a name now placed elsewhere: not a place alone
        remaining = [
            o for o in remaining if o not in cluster and any(e.kind != "village" for e in o.entries)
        ]
    return [r for _, r in sorted(results, key=lambda x: x[0])]


def _as_text(text: object) -> str:
    if text is None:
        return ""
    if isinstance(text, float) and math.isnan(text):
        return ""
    if not isinstance(text, str):
        try:
            if pd.isna(text):  # type: ignore[call-overload]
                return ""
        except (TypeError, ValueError):
            pass
        return str(text)
    return text


@lru_cache(maxsize=200_000)
def _geocode_cached(text: str, province: str | None, district: str | None) -> GeocodeResult:
    foreign = _foreign(text)
    if foreign is not None:
        return foreign
    results = _resolve(text, text, _context(province, district))
    if not results:
        return _unmatched(text)
    if len(results) == 1:
        return results[0]
    # several distinct places in one string: ambiguous, resolved to a shared ancestor
    entries = [
        Entry(
            r.matched_name or "",
            "commune" if r.commune_code else "district" if r.district_code else "province",
            r.province_code,
            r.district_code,
            r.commune_code,
            r.latitude,
            r.longitude,
            0,
            "",
        )
        for r in results
        if r.status == "matched" and r.province_code
    ]
    if not entries:
        return results[0]
    out = _ambiguous(text, entries, min(r.score for r in results), "multiple")
    cands = tuple(
        {
            "code": r.commune_code or r.district_code or r.province_code or "",
            "name": r.commune_name or r.district_name or r.province_name,
            "level": "commune" if r.commune_code else "district" if r.district_code else "province",
            "province_code": r.province_code,
        }
        for r in results
        if r.status == "matched" and r.province_code
    )
    return replace(out, candidates=cands)


def geocode(
    text: object,
    *,
    province: str | None = None,
    district: str | None = None,
    online: bool = False,
    user_agent: str | None = None,
) -> GeocodeResult:
    """Geocode one place string to a Cambodian admin unit, offline.

    Parameters
    ----------
    text : object
        The place string as the source writes it (any language or script). ``None``, NaN
        and non-strings are accepted; they never raise.
    province, district : str, optional
        Context: a province/district the source states (names in any supported spelling,
        several separated by ``;``, or MEF codes). Used only to choose between candidates;
        context alone never locates a string.
    online : bool, default False
        Ask OpenStreetMap Nominatim (geopy) when the offline geocoder finds nothing. Needs
        ``user_agent``; rate-limited to one request per second and cached.
    user_agent : str, optional
        Required with ``online=True`` (Nominatim's usage policy).

    Returns
    -------
    GeocodeResult

    Raises
    ------
    GeocodeError
        If ``online=True`` without a ``user_agent``.

    Examples
    --------
    >>> r = geocode("Tumnob Rolok commune, Steung Hav district, Preah Sihanouk")
    >>> r.commune_code, r.district_name, r.precision
    ('180303', 'Stueng Hav', 2)
    >>> geocode("Samraong", province="Oddar Meanchey").district_code
    '2204'
    """
    if online and not user_agent:
        raise GeocodeError(
            "online=True needs a user_agent naming your application (Nominatim usage policy)"
        )
    s = _as_text(text)
    result = _geocode_cached(s, _as_ctx(province), _as_ctx(district))
    if online and result.status == "unmatched" and s.strip():
        return _online(s, str(user_agent))
    return result


@cache
def _foreign_keys() -> tuple[dict[str, str], frozenset[str]]:
    """Name key → "Name (CC)" of places outside Cambodia that reporting names on their own
    (``data/raw/gazetteer/foreign_places.csv``), so that "Bangkok" never lands on a
    Cambodian commune that sounds like it; and a quick pattern of their names, so that
    strings naming none of them cost one set look-up (their first words)."""
    table = pd.read_csv(
        raw_path("gazetteer", "foreign_places.csv"), dtype=str, keep_default_na=False
    )
    keys = {
        name_key(n): f"{n} ({cc})"
        for n, cc in zip(table["name"], table["country_code"], strict=True)
    }
    return keys, frozenset(n.lower().split()[0] for n in table["name"])


_WORD_RE = re.compile(r"\w+")
_PART_SPLIT = re.compile(r"[,;/()|]+|\s+-\s+|\band\b")


def _foreign(text: str) -> GeocodeResult | None:
    """An unmatched result explaining itself when every part of ``text`` names a place
    outside Cambodia ("Bangkok", "Moc Bai, Vietnam"); ``None`` otherwise."""
    known, first_words = _foreign_keys()
    if first_words.isdisjoint(_WORD_RE.findall(text.lower())):
        return None
    keys = [name_key(p) for p in _PART_SPLIT.split(text)]
    keys = [k for k in keys if k]
    if not keys or not all(k in known for k in keys):
        return None
    return GeocodeResult(
        query=text, status="unmatched", method="foreign", matched_name=known[keys[0]]
    )


def _as_ctx(value: object) -> str | None:
    s = _as_text(value).strip()
    return s or None


_SPLIT_RE = re.compile(r"\s*(?:;|/|、|，|,|\band\b|\bund\b|\bet\b|\be\b|\bdan\b|\bva\b|\by\b)\s*")


def geocode_places(
    text: object, *, province: str | None = None, district: str | None = None
) -> list[GeocodeResult]:
    """Geocode a field that may name several distinct places: one result per place.

    Names that form one hierarchy are one place ("O'Smach; Oddar Meanchey" → 1 result);
    distinct places are separate ("Phnom Penh; Sihanoukville" → 2, "Kandal; Stung Treng"
    → 2). A province named only as context for another name is merged into it; "Cambodia"
    and names given only as a reference point ("50 km from Poipet") are dropped when
    anything else matched. Never returns an empty list: an unmatched field gives one
    unmatched result.

    Parameters
    ----------
    text : object
        The location field.
    province, district : str, optional
        Context, as for :func:`geocode`.

    Returns
    -------
    list of GeocodeResult

    Examples
    --------
    >>> [r.province_code for r in geocode_places("Phnom Penh; Sihanoukville")]
    ['12', '18']
    >>> len(geocode_places("O'Smach; Oddar Meanchey"))
    1
    """
    s = _as_text(text)
    return list(_places_cached(s, _as_ctx(province), _as_ctx(district)))


@lru_cache(maxsize=50_000)
def _places_cached(
    text: str, province: str | None, district: str | None
) -> tuple[GeocodeResult, ...]:
    ctx = _context(province, district)
    results = _resolve(text, text, ctx)
    if not results:
        return (_unmatched(text),)
    matched = [r for r in results if r.status == "matched"]
    # an ambiguous name gets a second chance with the provinces of the field's other places
    if matched and len(matched) < len(results):
        provs = {r.province_code for r in matched if r.province_code}
        extra = ";".join(sorted(provs | set(ctx.provinces)))
        out: list[GeocodeResult] = []
        for r in results:
            if r.status == "ambiguous":
                fits = [c for c in r.candidates if c.get("province_code") in provs]
                if len(fits) == 1:
                    code = str(fits[0]["code"])
                    again = _resolve(text, str(fits[0]["name"] or ""), _context(extra, None))
                    hit = [
                        a
                        for a in again
                        if a.status == "matched"
                        and code in (a.commune_code, a.district_code, a.province_code)
                    ]
                    if hit:
                        r = replace(
                            hit[0], query=text, candidates=(), method=hit[0].method + "+hierarchy"
                        )
            out.append(r)
        results = out
    # merge results that lie inside one another (kept: the finer)
    merged: list[GeocodeResult] = []
    for r in results:
        absorbed = False
        for k, m in enumerate(merged):
            if _nested(r, m):
                if _finer(r, m):
                    merged[k] = r
                absorbed = True
                break
        if not absorbed:
            merged.append(r)
    if len(merged) > 1:
        merged = [r for r in merged if r.precision != 5] or merged
    return tuple(merged)


def _chain(r: GeocodeResult) -> tuple[str | None, str | None, str | None]:
    return r.province_code, r.district_code, r.commune_code


def _nested(a: GeocodeResult, b: GeocodeResult) -> bool:
    if a.status != "matched" or b.status != "matched":
        return False
    if a.precision == 5 or b.precision == 5:
        return False
    pa, da, ca = _chain(a)
    pb, db, cb = _chain(b)
    if pa != pb:
        return False
    if da and db and da != db:
        return False
    return not (ca and cb and ca != cb)


def _finer(a: GeocodeResult, b: GeocodeResult) -> bool:
    return (a.precision or 9) < (b.precision or 9)


# --- frames ---------------------------------------------------------------------------

#: Columns :func:`geocode_frame` adds (codes as strings with leading zeros).
FRAME_COLUMNS = [
    "province_code",
    "province_name",
    "district_code",
    "district_name",
    "commune_code",
    "commune_name",
    "latitude",
    "longitude",
    "precision",
    "match_score",
    "match_method",
    "match_status",
    "matched_name",
]


def geocode_frame(
    df: pd.DataFrame,
    column: str,
    *,
    province_column: str | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """Geocode a column of a DataFrame; returns a copy with the result columns added.

    Repeated (text, province) pairs are geocoded once. A tqdm progress bar is shown for
    long runs (over 5,000 distinct strings) when stderr is a terminal, or when
    ``progress=True``. No row is ever dropped.

    Parameters
    ----------
    df : pandas.DataFrame
    column : str
        Column holding the place strings.
    province_column : str, optional
        Column holding the stated province, used as context.
    progress : bool, optional
        Force the progress bar on or off.

    Returns
    -------
    pandas.DataFrame
        ``df`` plus ``province_code, province_name, district_code, district_name,
        commune_code, commune_name, latitude, longitude, precision, match_score,
        match_method, match_status, matched_name`` (codes as strings, ``None`` when absent;
        ``precision`` a nullable integer).

    Raises
    ------
    MissingColumnError
        If ``column`` or ``province_column`` is not in ``df``.

    Examples
    --------
    >>> out = geocode_frame(pd.DataFrame({"place": ["Bavet", "Poipet"]}), "place")
    >>> list(out["province_code"])
    ['20', '01']
    """
    for col in (column, province_column):
        if col is not None and col not in df.columns:
            raise MissingColumnError(col, [str(c) for c in df.columns])
    texts = [_as_text(v) for v in df[column].tolist()]
    provs = (
        [_as_ctx(v) for v in df[province_column].tolist()]
        if province_column is not None
        else [None] * len(texts)
    )
    pairs = list(zip(texts, provs, strict=True))
    unique = list(dict.fromkeys(pairs))
    show = progress if progress is not None else (len(unique) > 5000 and sys.stderr.isatty())
    iterator: Iterable[tuple[str, str | None]] = unique
    if show:
        from tqdm.auto import tqdm

        iterator = tqdm(unique, desc="geocoding", unit="str")
    # Geocoding allocates many short-lived objects and makes no reference cycles; pausing the
    # cyclic collector for the batch saves it rescanning the large cached index again and
    # again (about 30 % faster). Reference counting still frees everything.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        done = {p: geocode(p[0], province=p[1]) for p in iterator}
    finally:
        if gc_was_enabled:
            gc.enable()
    rows = [done[p] for p in pairs]
    out = df.copy()
    values: dict[str, list[Any]] = {
        "province_code": [r.province_code for r in rows],
        "province_name": [r.province_name for r in rows],
        "district_code": [r.district_code for r in rows],
        "district_name": [r.district_name for r in rows],
        "commune_code": [r.commune_code for r in rows],
        "commune_name": [r.commune_name for r in rows],
        "latitude": [r.latitude for r in rows],
        "longitude": [r.longitude for r in rows],
        "precision": [r.precision for r in rows],
        "match_score": [r.score for r in rows],
        "match_method": [r.method for r in rows],
        "match_status": [r.status for r in rows],
        "matched_name": [r.matched_name for r in rows],
    }
    for col in FRAME_COLUMNS:
        if col in ("latitude", "longitude", "match_score"):
            out[col] = pd.array(values[col], dtype="Float64")
        elif col == "precision":
            out[col] = pd.array(values[col], dtype="Int64")
        else:
            out[col] = pd.Series(values[col], index=out.index, dtype=object)
    return out


# --- optional online fallback -----------------------------------------------------------

_ONLINE_LOCK = threading.Lock()
# Nominatim's addresstype → our precision (anything finer than a county is a point)
_ONLINE_PRECISION = {"country": 5, "state": 4, "province": 4, "county": 3, "district": 3}
_last_request = [0.0]


@lru_cache(maxsize=10_000)
def _online(text: str, user_agent: str) -> GeocodeResult:
    """Nominatim look-up (≤ 1 request/s, cached); the point is kept, the admin unit comes
    from the state/county names in Nominatim's address through the offline index."""
    try:
        from geopy.geocoders import Nominatim
    except ImportError as exc:  # pragma: no cover - optional dependency
        raise GeocodeError("online geocoding needs geopy: pip install compoundmap[online]") from exc
    with _ONLINE_LOCK:
        wait = 1.0 - (time.monotonic() - _last_request[0])
        if wait > 0:
            time.sleep(wait)
        _last_request[0] = time.monotonic()
        try:
            loc = Nominatim(user_agent=user_agent, timeout=10).geocode(
                text, country_codes="kh", addressdetails=True, language="en"
            )
        except Exception as exc:  # geopy raises many transport errors
            raise GeocodeError(f"Nominatim look-up of {text!r} failed: {exc}") from exc
    if loc is None:
        return _unmatched(text)
    address = (loc.raw or {}).get("address", {})
    admin = geocode(
        ", ".join(str(address[k]) for k in ("county", "state") if k in address) or "Cambodia"
    )
    return GeocodeResult(
        **{
            **admin.to_dict(),
            "query": text,
            "latitude": float(loc.latitude),
            "longitude": float(loc.longitude),
            "precision": _ONLINE_PRECISION.get(str((loc.raw or {}).get("addresstype", "")), 1)
            if admin.province_code
            else 5,
            "score": 50.0,
            "method": "online",
            "matched_name": str(loc.address),
            "candidates": (),
        }
    )
