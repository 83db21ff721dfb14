"""Places outside Cambodia: what ``geocode_places`` and ``geocode`` do with the results of
resolving (``resolve.py``) when a string names places abroad (found by ``abroad.py``, which
also leaves a field naming only foreign places unmatched on purpose): weak Cambodian
look-alikes and namesakes of a place abroad are dropped. Several places in one field are
combined in ``several.py``.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .._scripts import is_han
from ..normalize import place_key
from ..settings import depends_on_settings
from .abroad import (
    abroad_admin_written,
    countries_of,
    foreign_country,
    foreign_runs,
    is_foreign_name,
    lower_words,
    may_name_abroad,
)
from .context import parse_context
from .crossings import crossing_pairs
from .index import TIER_CURATED, build_index
from .resolve import resolve_places
from .result import GeocodeResult

__all__ = [
    "drop_weak_abroad",
    "named_here",
    "prepare",
]


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
    runs = tuple(foreign_runs(words))  # (once: each step below reads them)
    abroad_admin = abroad_admin_written(words)
    if not runs and not abroad_admin:
        return results  # the first word of a name abroad, but no name (most of the rest)
    countries = countries_of(runs)
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
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, aliases, kind in zip(table["name"], table["aliases"], table["kind"], strict=True):
        if kind != "border_crossing":
            continue
        for pair in crossing_pairs([str(name), *map(str, aliases)]):
            home, far = pair.split("-", 1) if pair.count("-") == 1 else ("", "")
            cc = foreign_country(place_key(far)) if home else None
            if cc is not None and not is_foreign_name(home):
                side = (lower_words(home), str(name))
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
    countries the string names (:func:`~.abroad.countries_of`)."""
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
    listed place abroad that the string holds (its ``runs``, :func:`~.abroad.foreign_runs`: "Bokeo":
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
    readings = _namesake_readings(foreign_runs(lower_words(text)))
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
    nothing (:func:`~.abroad.foreign_result`), unless another name confirms it ("Bokeo district,
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


def _abroad_namesake(r: GeocodeResult, countries: dict[str, frozenset[str]]) -> bool:
    """Whether the Cambodian reading ``r`` was read on a name that is also a place abroad
    ("Bokeo": a district of Ratanakiri, a province of Laos) while the string names another
    place of that same country ("… in Laos"): the foreign place is meant."""
    key = place_key(r.matched_name or "")
    cc = foreign_country(key)
    if cc is None:
        return False
    others = countries.get(cc, frozenset())
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
    """Build the tables of curated Chinese names and of crossings by their far side now
    (:func:`_chinese_names`, :func:`_crossing_sides`; else in the first string that needs
    them, while it waits)."""
    _chinese_names()
    _crossing_sides()


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
