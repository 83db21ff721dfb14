"""Places outside Cambodia: what ``geocode_places`` and ``geocode`` do with the results of
resolving (``resolve.py``) when a string names places abroad — a field naming only foreign
places is left unmatched on purpose, and weak Cambodian look-alikes and namesakes of a place
abroad are dropped. Several places in one field are combined in ``several.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import pandas as pd

from .._data import raw_path
from .._scripts import INDIC, block_ranges, is_han
from ..normalize import place_key, tokenize, word_list
from ..settings import depends_on_settings
from .context import parse_context
from .crossings import crossing_pairs
from .index import TIER_CURATED, build_index
from .resolve import resolve_places
from .result import GeocodeResult

__all__ = [
    "drop_weak_abroad",
    "foreign_result",
    "named_here",
    "is_foreign_name",
    "lower_words",
    "may_name_abroad",
    "names_abroad",
    "prepare",
]


# --- places outside Cambodia ------------------------------------------------------------


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
        place_key(n): f"{n} ({cc})"
        for n, cc in zip(table["name"], table["country_code"], strict=True)
    }
    return keys, frozenset(n.lower().split()[0] for n in table["name"])


def is_foreign_name(name: str) -> bool:
    """Whether ``name`` is, as a whole, a place outside Cambodia (``foreign_places.csv``).

    Parameters
    ----------
    name : str
        A place name ("Chong Chom", the Thai side of the O'Smach crossing).

    Returns
    -------
    bool
        ``True`` when its key is that of a listed place abroad.
    """
    return place_key(name) in _foreign_keys()[0]


#: A word: a run of letters, digits and the vowel signs and other marks that Indic, Thai,
#: Khmer, Burmese, Hebrew and Arabic words carry (``\w`` alone cuts "केप" into "क", "प";
#: the danda and Khmer sentence signs are punctuation, not marks),
#: and a run of Chinese, Japanese or Korean script apart (Chinese glues a romanised name to
#: the next word: "Ha Tien和西港" names Ha Tien).
_CJK = block_ranges("cjk", "hangul_syllables")
_MARKED = block_ranges(
    "combining_diacritical_marks",
    "hebrew_points",
    "arabic_signs",
    "arabic_vowel_marks",
    *INDIC,
    "thai",
    "lao",
    "myanmar",
    "khmer",
    without=("dandas", "khmer_sentence_signs"),
)
_WORD_RE = re.compile(f"(?:[^\\W{_CJK}]|[{_MARKED}])+|[{_CJK}]+")
#: The same words in ASCII text, where ``[^\W]`` is ``[a-z0-9_]`` (a plain set: faster).
_ASCII_WORD_RE = re.compile("[a-z0-9_]+")


@lru_cache(maxsize=16)
def lower_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` in lower case, a run of CJK script apart from the Latin word
    it is glued to (read two or three times per string: cached for the last few strings).

    Parameters
    ----------
    text : str
        The string as written.

    Returns
    -------
    tuple of str
        Its words, in order.

    Examples
    --------
    >>> lower_words("Ha Tien和西港, O'Smach")
    ('ha', 'tien', '和西港', 'o', 'smach')
    """
    lower = text.lower()
    return tuple((_ASCII_WORD_RE if lower.isascii() else _WORD_RE).findall(lower))


_PART_SPLIT = re.compile(r"[,;/()|]+|\s+-\s+|\band\b")


def foreign_result(text: str) -> GeocodeResult | None:
    """An unmatched result explaining itself when every part of ``text`` names a place
    outside Cambodia ("Bangkok", "Moc Bai, Vietnam"); ``None`` otherwise."""
    known, first_words = _foreign_keys()
    if first_words.isdisjoint(lower_words(text)):
        return None
    parts = _PART_SPLIT.split(text)
    keys: list[str] = []
    for p in parts:
        key = place_key(p)
        if key and key not in known:
            return None  # a part that names no place abroad (most strings read this far)
        if key:
            keys.append(key)
    if not keys or any(map(_curated_whole, parts)):
        return None
    return GeocodeResult(
        query=text, status="unmatched", method="foreign", matched_name=known[keys[0]]
    )


def _curated_whole(part: str) -> bool:
    """Whether ``part``, with the kind word its key drops, is the name of a curated locality
    ("Moc Bai Casino" is the Bavet casino, though "Moc Bai" is the Vietnamese side)."""
    toks = [t for t in tokenize(part) if t.text]
    while toks and (toks[0].stop or toks[0].admin is not None):
        toks.pop(0)  # leading articles and admin words ("the Moc Bai casino")
    names = build_index().names
    while toks:
        whole = "".join(t.text for t in toks)
        if any(e.tier == TIER_CURATED for e in names.get(whole, ())):
            return True
        if not (toks[-1].stop or toks[-1].admin is not None):
            return False
        toks.pop()  # trailing words the name does not hold ("the Moc Bai Casino compound")
    return False


@cache
def _foreign_admin_words() -> frozenset[str]:
    """Admin words used only for places abroad ("tambon", "amphoe", "subdistrict",
    ``stop_words.csv`` role ``foreign_admin``)."""
    return frozenset(word_list("foreign_admin"))


#: Longest name of ``foreign_places.csv`` looked for, in words.
_FOREIGN_MAX_WORDS = 4


def _foreign_runs(words: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], str]]:
    """(Run, its key) for each run of one to :data:`_FOREIGN_MAX_WORDS` of ``words`` that
    starts on the first word of a name abroad and whose key is one (``foreign_places.csv``),
    in order: what :func:`names_abroad`, :func:`_countries_of` and
    :func:`_namesake_readings` read (:func:`drop_weak_abroad` reads them once)."""
    known, first_words = _foreign_keys()
    for i, w in enumerate(words):
        if w not in first_words:
            continue
        for n in range(1, min(_FOREIGN_MAX_WORDS, len(words) - i) + 1):
            run = words[i : i + n]  # (no run past the last word: it would be the last again)
            key = place_key(" ".join(run))
            if key in known:
                yield run, key


def may_name_abroad(text: str) -> bool:
    """Whether ``text`` holds the first word of a listed name abroad or an admin word of
    places abroad: the cheap test of a string's words that :func:`foreign_result` and
    :func:`drop_weak_abroad` start with (failing it, most strings get ``None`` and their
    results as they are); a caller of both tests it once.

    Parameters
    ----------
    text : str
        The string as written.

    Returns
    -------
    bool
        ``False`` when no word of ``text`` starts a name abroad or is an admin word of one.

    Examples
    --------
    >>> may_name_abroad("Ha Tien, Kien Giang"), may_name_abroad("Tambon Khlong Yai")
    (True, True)
    >>> may_name_abroad("Kampot")
    False
    """
    words = lower_words(text)
    return not (_foreign_keys()[1].isdisjoint(words) and _foreign_admin_words().isdisjoint(words))


def names_abroad(text: str) -> bool:
    """Whether ``text`` names a place outside Cambodia (``foreign_places.csv``: a run of up
    to four words) or uses an admin word of places abroad ("Tambon Khlong Yai", "Tha Sai
    Luat subdistrict")."""
    words = lower_words(text)
    if not _foreign_admin_words().isdisjoint(words):
        return True
    return any(True for _ in _foreign_runs(words))


def drop_weak_abroad(
    text: str, results: list[GeocodeResult], stated: frozenset[str] = frozenset()
) -> list[GeocodeResult]:
    """In a string that names a place abroad ("Ha Tien, Kien Giang"; "Ban Khlong Luek,
    Aranyaprathet district, Sa Kaeo"), a weak Cambodian reading (:func:`_weak_look_alike`)
    is most likely a look-alike of the foreign name (the commune Tien of Phnom Penh, Ban
    Lung): dropped. Sure, curated and exactly named units stay ("Poipet, opposite
    Aranyaprathet", "Moc Bai - Bavet") — unless the name read is itself a foreign place of
    a country the string also names (:func:`_abroad_namesake`: "Ton Pheung District of
    Bokeo Province in Laos" is the Lao Bokeo, not the district of Ratanakiri).

    Parameters
    ----------
    text : str
        The string as written.
    results : list of GeocodeResult
        The places found in it.
    stated : frozenset of str, optional
        Province codes the caller states: a Cambodian place bearing a name abroad is
        confirmed in them (:func:`named_here`).

    Returns
    -------
    list of GeocodeResult
        The places kept, in their order (``results`` itself when the string names nothing
        abroad).
    """
    if not may_name_abroad(text):
        return results  # most strings: no place abroad named, no admin word of one
    words = lower_words(text)
    runs = tuple(_foreign_runs(words))  # (once: each step below reads them)
    abroad_admin = not _foreign_admin_words().isdisjoint(words)
    if not runs and not abroad_admin:
        return results  # the first word of a name abroad, but no name (most of the rest)
    countries = _countries_of(runs)
    results = _crossings_by_far_side(text, words, results, countries)
    namesakes = _namesake_readings(runs)
    if namesakes:
        results = _drop_namesakes_abroad(text, namesakes, results, stated)
    weak = [
        _weak_look_alike(r) and not _confirmed_namesake(r, text, namesakes, stated) for r in results
    ]
    if any(weak) and (runs or abroad_admin):  # (names_abroad)
        results = [r for r, w in zip(results, weak, strict=True) if not w]
    if not countries:
        return results
    return [r for r in results if not _abroad_namesake(r, countries)]


@cache
def _crossing_sides() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Country code of the foreign side of a curated border crossing ("VN" for Hoa Lu) →
    (words of its Cambodian side, the crossing's name) for each two-sided name of a crossing
    in ``localities.csv`` ("Hoa Lu - Trapeang Sre") whose one side only is a place abroad."""
    from ..gazetteer import get_gazetteer  # (the index module reads it the same way)

    table = get_gazetteer().localities
    known = _foreign_keys()[0]
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, aliases, kind in zip(table["name"], table["aliases"], table["kind"], strict=True):
        if kind != "border_crossing":
            continue
        for pair in crossing_pairs([str(name), *map(str, aliases)]):
            home, far = pair.split("-", 1) if pair.count("-") == 1 else ("", "")
            if home and is_foreign_name(far) and not is_foreign_name(home):
                side = (lower_words(home), str(name))
                cc = _country_of(known[place_key(far)])
                if side not in out.setdefault(cc, []):
                    out[cc].append(side)
    return {k: tuple(v) for k, v in out.items()}


def _crossings_by_far_side(
    text: str,
    words: tuple[str, ...],
    results: list[GeocodeResult],
    named: dict[str, frozenset[str]],
) -> list[GeocodeResult]:
    """A string naming a curated crossing's Cambodian side and a place of the country
    across ("Trapeang Sre opposite Hoa Lu", "Trapeang Sre, on the Vietnam border") means the
    crossing: a reading of the Cambodian side's name as another unit of that name (the
    commune Trapeang Srae of Prey Veng, not the Kratie crossing) in another province, unless
    another name confirms that unit (:func:`_parent_written`), is replaced by the crossing (a
    reading in the crossing's own province stays as read: "O'smach District … near the
    border with Thailand" is no more the crossing than the district). ``named``: the
    countries the string names (:func:`_countries_of`)."""
    sides = _crossing_sides()
    countries = [cc for cc in named if cc in sides]
    if not countries:
        return results  # most strings naming a place abroad
    names = build_index().names
    for cc in countries:
        for home, crossing_name in sides[cc]:
            if not _holds_run(words, home):
                continue
            read_as = {(e.name, e.province_code) for e in names.get(place_key(" ".join(home)), ())}
            crossing = resolve_places(text, crossing_name, parse_context(None, None))
            if len(crossing) != 1:
                continue
            c = crossing[0]
            out: list[GeocodeResult] = []
            for r in results:
                if (
                    (r.matched_name, r.province_code) in read_as
                    and "+hierarchy" not in r.method
                    and not _parent_written(r, text)
                    and r.province_code != c.province_code
                ):
                    r = c
                if r not in out:
                    out.append(r)
            results = out
    return results


def _namesake_readings(
    runs: Iterable[tuple[tuple[str, ...], str]],
) -> set[tuple[str, str | None]]:
    """(Name, province code) of the Cambodian places that bear, as written, the name of a
    listed place abroad that the string holds (its ``runs``, :func:`_foreign_runs`: "Bokeo":
    Bar Kaev of Ratanakiri; "Sekong": the commune of Siem Pang); empty for most strings."""
    names = build_index().names
    out: set[tuple[str, str | None]] = set()
    for run, key in runs:
        if key == "".join(run) and key in names:
            out |= {(e.name, e.province_code) for e in names[key]}
    return out


def named_here(text: str, provinces: frozenset[str]) -> bool:
    """Whether a name abroad that ``text`` holds is also borne by a Cambodian place in one of
    ``provinces`` (the caller's stated context: "Sekong commune" with Stung Treng).

    Parameters
    ----------
    text : str
        The string as written.
    provinces : frozenset of str
        Province codes the caller states (may be empty).

    Returns
    -------
    bool
        ``True`` when the context picks out the Cambodian namesake.
    """
    if not provinces:
        return False  # most calls: no context
    readings = _namesake_readings(_foreign_runs(lower_words(text)))
    return any(code in provinces for _, code in readings)


def _confirmed_namesake(
    r: GeocodeResult,
    text: str,
    namesakes: set[tuple[str, str | None]],
    stated: frozenset[str] = frozenset(),
) -> bool:
    """Whether ``r`` reads a name abroad that a Cambodian place bears, and the string writes
    that place's province or district ("Sekong district, Stung Treng") or the caller states
    its province: no look-alike."""
    return (r.matched_name, r.province_code) in namesakes and (
        r.province_code in stated or _parent_written(r, text)
    )


def _drop_namesakes_abroad(
    text: str,
    namesakes: set[tuple[str, str | None]],
    results: list[GeocodeResult],
    stated: frozenset[str] = frozenset(),
) -> list[GeocodeResult]:
    """A Cambodian reading of a name that is, as written, also a listed place abroad
    (:func:`_namesake_readings`: "Bokeo international airport" is the Lao province, or Bar
    Kaev of Ratanakiri) is not singled out by the string: dropped, as the name alone gives
    nothing (:func:`foreign_result`), unless another name confirms it ("Bokeo district,
    Ratanakiri"; "Bokeo and Lumphat", a place of the same province) or the caller states its
    province (``stated``)."""
    namesake = [(r.matched_name, r.province_code) in namesakes for r in results]
    sure = {r.province_code for r, n in zip(results, namesake, strict=True) if not n}
    return [
        r
        for r, n in zip(results, namesake, strict=True)
        if not n
        or r.province_code in sure
        or r.province_code in stated
        or "+hierarchy" in r.method
        or _parent_written(r, text)
    ]


def _parent_written(r: GeocodeResult, text: str) -> bool:
    """Whether ``text`` writes the English name of ``r``'s province or district ("Trapeang
    Sre, Prey Veng"): the unit read is confirmed."""
    lower = text.lower()
    return any(n and n.lower() in lower for n in (r.province_name, r.district_name))


def _holds_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Whether ``words`` hold ``run`` as consecutive words."""
    n = len(run)
    return n > 0 and any(words[i : i + n] == run for i in range(len(words) - n + 1))


def _countries_of(runs: Iterable[tuple[tuple[str, ...], str]]) -> dict[str, frozenset[str]]:
    """Country code → keys of the places of that country a string names (its ``runs``,
    :func:`_foreign_runs`: names of up to four words found in ``foreign_places.csv``); empty
    when it names none."""
    known = _foreign_keys()[0]
    found: dict[str, set[str]] = {}
    for _, key in runs:
        found.setdefault(_country_of(known[key]), set()).add(key)
    return {cc: frozenset(keys) for cc, keys in found.items()}


def _country_of(label: str) -> str:
    """The country code of a ``"Name (CC)"`` label of :func:`_foreign_keys`."""
    return label.rsplit("(", 1)[-1].rstrip(")")


def _abroad_namesake(r: GeocodeResult, countries: dict[str, frozenset[str]]) -> bool:
    """Whether the Cambodian reading ``r`` was read on a name that is also a place abroad
    ("Bokeo": a district of Ratanakiri, a province of Laos) while the string names another
    place of that same country ("… in Laos"): the foreign place is meant."""
    key = place_key(r.matched_name or "")
    label = _foreign_keys()[0].get(key)
    if label is None:
        return False
    others = countries.get(_country_of(label), frozenset())
    return bool(others - {key})


def _weak_look_alike(r: GeocodeResult) -> bool:
    """A Cambodian reading short of ``high``, not curated nor confirmed by another name, found
    by sound or naming a commune or village by one word (a district or province named
    exactly stays: "Moc Bai - Bavet"; so does a commune named exactly in several words). An
    other name (alias) counts as curated unless read at ``low`` ("Lam" of "Lam Dong")."""
    if not r.province_code or r.confidence == "high":
        return False
    if r.method.startswith("alias") and r.confidence != "low":
        return False  # a curated or GeoNames other name; at low, read on a weak cue
    if "+hierarchy" in r.method:
        return False  # another Cambodian name confirms it ("Trapeang Sre … Snoul-Kratie")
    base = r.method.split("+")[0]
    if base == "script" and _named_in_chinese(r):
        # a curated name written in Chinese characters is read as written, like a curated
        # alias: no look-alike of a romanised name abroad ("宗春(Chong Chom)、奧斯瑪":
        # O'Smach on the Cambodian side of the Chong Chom crossing)
        return False
    if base == "village":
        return False  # a village is read only when another name confirms it
    name = (r.matched_name or "").lower()
    if base == "exact" and " " in name and name in r.query.lower():
        # a commune the string names as written, in several words, is no look-alike of a
        # word abroad ("Xa Mat - Trapeang Phlong": the crossing's two sides)
        return False
    return base in ("phonetic", "fuzzy") or bool(r.commune_code)


def _named_in_chinese(r: GeocodeResult) -> bool:
    """Whether the string of ``r`` holds a curated name of ``r``'s unit written in Chinese
    characters (奧斯瑪, O'Smach)."""
    code = r.commune_code or r.district_code or r.province_code
    return any(name in r.query for name in _chinese_names().get(code or "", ()))


def prepare() -> None:
    """Build the table of curated Chinese names now (:func:`_chinese_names`, else on the
    first place read from Chinese script, while a string waits)."""
    _chinese_names()


@depends_on_settings
@cache
def _chinese_names() -> dict[str, tuple[str, ...]]:
    """Unit code → the curated names of that unit written in Chinese characters (aliases
    and localities of ``aliases.csv``/``localities.csv`` read into the index)."""
    found: dict[str, set[str]] = {}
    for key, entries in build_index().names.items():
        if not is_han(key):
            continue
        for e in entries:
            code = e.commune_code or e.district_code or e.province_code
            if e.tier == TIER_CURATED and code:
                found.setdefault(code, set()).add(key)
    return {code: tuple(sorted(names)) for code, names in found.items()}
