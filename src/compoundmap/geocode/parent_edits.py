"""A commune, district or province name one typo away, read inside the unit the string names.

"Sadaek commune, Bavel district, Battambang province": no pass reads "Sadaek" (the commune
is Sandaek), so the string resolves to the district. This pass compares the words the
commune admin word marks ("… commune", "khum …", "sangkat …") with the communes of the one
district the string names, and only those — the words the district admin word marks with
the districts of the one province the string names — and the words the province admin
word marks with the 25 provinces ("Stung Tren province", "Tkeo province"; words that are
a name as written are left to it, "Stueng Trang province"): a handful of names, one edit
allowed (a letter dropped, added, changed, or two swapped; same first letter; the lengths
:func:`~compoundmap.geocode.edits.edit_allowed` allows from ``commune_edit_min_letters``),
and a single unit must fit. A word that no admin word marks is never read, so ordinary
words cannot match; the mention's method is ``fuzzy`` (the confidence band of a typo).

The words the village admin word marks are compared the same way with the villages of the
one commune the string names, by sound: "Trapaing Chhouk village" of "Me Sar Chrey
commune" is the village Trapeang Chhuk there (the consonant skeletons agree), where no
pass read it and a piece of it ("Chhouk") was read as a district in another province. A
commune holds a handful of villages: the skeleton must be the same and a single village
must have it. The words are then explained: what the earlier passes read in them is
dropped, and the string is placed by its commune, as when a village name is not in the
gazetteer at all (a village adds no location to its commune, and a reading by sound
would lower the band of an answer the commune gives as written).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from operator import attrgetter

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from ..normalize import (
    ABBREVIATION_KEYS,
    ADMIN_WORDS,
    COMMUNE,
    DISTRICT,
    PROVINCE,
    VILLAGE,
    Token,
    skeleton,
)
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .edits import edit_allowed
from .index import TIER_VILLAGE, Entry, long_lived, name_index
from .mentions import Mention, make_mention, mention_start

__all__ = ["commune_edit_mentions", "prepare"]

#: At most this many words before (or after) the admin word make up the commune name.
_MAX_WORDS = 4
_ADMIN = attrgetter("admin")
_DISTRICT = attrgetter("district_code")
_LEGACY_DISTRICT = attrgetter("legacy_district")


#: The unit kinds this pass reads, and the code of the parent each is read inside (a
#: province: the country, :data:`_COUNTRY`).
_PARENT = {"commune": "district_code", "district": "province_code", "province": None}
#: Khmer village admin words ("ភូមិ"), longest first: a name the index holds with one glued
#: before it ("ភូមិ អំពិល", GeoNames' name of the seat of Banteay Ampil) is read whole.
_KHMER_VILLAGE = tuple(
    sorted(
        (
            w
            for w, level in ADMIN_WORDS.items()
            if "\u1780" <= w[:1] <= "\u17ff" and level == VILLAGE
        ),
        key=len,
        reverse=True,
    )
)
#: The parent code that stands for the whole country.
_COUNTRY = "KH"
#: (The levels are the ints of ``normalize``: reading an ``AdminLevel`` member costs an
#: enum look-up each time, several per string here.)
#: The admin levels whose words mark the runs this pass reads (a typo of a commune,
#: district or province; a village beside a commune or district word).
_EDITED = frozenset({COMMUNE, DISTRICT, PROVINCE})
_LEVELS = _EDITED | {VILLAGE}


@depends_on_settings
@cache
def _units_by_parent(
    kind: str,
) -> dict[tuple[str, str], tuple[tuple[str, tuple[Entry, ...]], ...]]:
    """(parent code, first letter) → (Latin key, its ``kind`` entries there) of every
    commune name of a district, every district name of a province, or every province name
    of the country (:data:`_COUNTRY`) (official names and aliases, not villages, not
    abbreviations: "Bang province" is no misspelt "B'bang"), by key."""
    parent = _PARENT[kind]
    out: dict[str, dict[str, list[Entry]]] = {}
    for key, entries in name_index().items():
        if not key.isascii() or key.isdigit() or key in ABBREVIATION_KEYS:
            continue
        for e in entries:
            if e.kind != kind or e.tier >= TIER_VILLAGE:
                continue
            code = getattr(e, parent) if parent else _COUNTRY
            if code:
                out.setdefault(code, {}).setdefault(key, []).append(e)
    by_letter: dict[tuple[str, str], list[tuple[str, tuple[Entry, ...]]]] = {}
    for d, keys in out.items():
        for k, v in sorted(keys.items()):
            by_letter.setdefault((d, k[:1]), []).append((k, tuple(v)))
    return long_lived({dk: tuple(v) for dk, v in by_letter.items()})


@depends_on_settings
@cache
def _villages_by_commune() -> dict[str, dict[str, tuple[str, ...]]]:
    """Commune code → consonant skeleton → the Latin keys of that commune's villages that
    have it."""
    out: dict[str, dict[str, set[str]]] = {}
    for key, entries in name_index().items():
        if not key.isascii() or key.isdigit():
            continue
        skel = skeleton(key)
        for e in entries:
            if e.kind == "village" and e.commune_code:
                out.setdefault(e.commune_code, {}).setdefault(skel, set()).add(key)
    return long_lived(
        {c: {k: tuple(sorted(v)) for k, v in skels.items()} for c, skels in out.items()}
    )


def prepare() -> None:
    """Build this pass's look-up tables now (else on first use, while a string waits)."""
    for kind in _PARENT:
        _units_by_parent(kind)
    _villages_by_commune()


def _named_units(
    mentions: Sequence[Mention], start: int, end: int
) -> tuple[set[str], set[str], set[str]]:
    """The provinces, districts and communes the mentions outside ``[start, end)`` name: a
    name read as a province (district, commune) by its admin word, or by its only
    readings."""
    provinces: set[str] = set()
    districts: set[str] = set()
    communes: set[str] = set()
    for m in mentions:
        if m.start < end and m.end > start:
            continue
        hint = m.hint
        # the one kind of the readings other than villages ("" for several, None for none);
        # not needed beside a province word, which decides first
        kind: str | None = None
        if hint != PROVINCE:
            for e in m.entries:
                if e.tier < TIER_VILLAGE:
                    if kind is None:
                        kind = e.kind
                    elif e.kind != kind:
                        kind = ""
                        break
        if hint == PROVINCE or kind == "province":
            provinces |= {
                e.province_code
                for e in m.entries
                if e.kind == "province" and e.tier < TIER_VILLAGE and e.province_code
            }
        elif hint == DISTRICT or kind == "district":
            districts |= {
                e.district_code
                for e in m.entries
                if e.kind == "district" and e.tier < TIER_VILLAGE and e.district_code
            }
        elif hint == COMMUNE or kind == "commune":
            communes |= {
                e.commune_code
                for e in m.entries
                if e.kind == "commune" and e.tier < TIER_VILLAGE and e.commune_code
            }
    return provinces, districts, communes


def _named_province(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The one province the mentions outside ``[start, end)`` name, or ``None``."""
    provinces, _, _ = _named_units(mentions, start, end)
    return provinces.pop() if len(provinces) == 1 else None


def _country(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The parent a province name is read inside: the country."""
    return _COUNTRY


def _named_district(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The one district the mentions outside ``[start, end)`` name, or ``None``: kept only
    when it lies in a province the string names, if it names one."""
    provinces, districts, _ = _named_units(mentions, start, end)
    if provinces:
        districts = {d for d in districts if d[:2] in provinces}
    return districts.pop() if len(districts) == 1 else None


def _named_commune(mentions: Sequence[Mention], start: int, end: int) -> str | None:
    """The one commune the mentions outside ``[start, end)`` name, or ``None``: kept only
    when it lies in the districts and provinces the string names, if it names any."""
    provinces, districts, communes = _named_units(mentions, start, end)
    if provinces:
        communes = {c for c in communes if c[:2] in provinces}
    if districts:
        communes = {c for c in communes if c[:4] in districts}
    return communes.pop() if len(communes) == 1 else None


def _runs(flat: Sequence[Token], marks: Sequence[int]) -> list[tuple[int, int]]:
    """Spans of content words the admin words at ``marks`` mark: the words right before
    "commune"/"district", or right after "khum"/"srok" … when nothing stands before it."""
    out = []
    n = len(flat)
    for k in marks:
        a, first = k, max(0, k - _MAX_WORDS)  # (at most _MAX_WORDS words either way)
        while a > first and flat[a - 1].content:
            a -= 1
        if a < k:
            out.append((a, k))
            continue
        b, last = k + 1, min(n, k + 1 + _MAX_WORDS)
        while b < last and flat[b].content:
            b += 1
        if b > k + 1:
            out.append((k + 1, b))
    return out


_VOWELS = frozenset("aeiouy")


def _vowel_changed(written: str, key: str) -> bool:
    """Whether ``written`` is ``key`` with one vowel written as another ("Rumdah": the
    commune Rumdaoh, whose key the romanisation fold made "rumdoh"; "Klang", Klaeng): of
    every changed letter, the one a short name allows inside the named parent (a district,
    a province; not for a province, read among all 25: "Bat Kandaol province" is no
    misspelt Kandal)."""
    if len(written) != len(key):
        return False
    diff = [(x, y) for x, y in zip(written, key, strict=True) if x != y]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


def _one_unit(written: str, kind: str, parent: str) -> tuple[str, tuple[Entry, ...]] | None:
    """The ``kind`` unit inside ``parent`` whose name is one allowed edit from
    ``written``, when exactly one unit is."""
    cfg = get_settings()
    if len(written) < cfg.commune_edit_min_letters:
        return None
    hits = [
        (key, entries)
        for key, entries in _units_by_parent(kind).get((parent, written[0]), ())
        if OSA.distance(written, key) <= 1
        and (
            edit_allowed(written, key, cfg.edit_any_min_letters, cfg.commune_edit_min_letters)
            or (kind != "province" and _vowel_changed(written, key))
        )
    ]
    if not hits or len({e.code for _, es in hits for e in es}) != 1:
        return None
    return hits[0]


def _province_span(
    flat: Sequence[Token], mentions: Sequence[Mention], start: int, a: int, b: int
) -> bool:
    """Whether the words ``[start, b)`` of the run ``[a, b)`` may be a misspelt province:
    the whole run when it follows the admin word ("khett …"), else any tail of it; no
    number in it ("Phsar Kandal Ti Muoy province"), and not one name found as written
    ("Stueng Trang province": the district, whatever the admin word says)."""
    before = b < len(flat) and flat[b].admin == PROVINCE
    if start > a and not before:
        return False
    for k in range(start, b):
        if flat[k].text.isdigit():
            return False
    for m in mentions:
        if m.start == start and m.end == b and m.method == "exact":
            return False
    return True


def _one_village(written: str, commune: str) -> bool:
    """Whether a village of ``commune`` sounds like ``written``: the same consonant
    skeleton, and the spelling close enough (``phonetic_min``)."""
    cfg = get_settings()
    skel = skeleton(written)
    if len(skel) < cfg.skeleton_min_letters:
        return False
    keys = _villages_by_commune().get(commune, {}).get(skel, ())
    return any(fuzz.ratio(written, k) >= cfg.phonetic_min for k in keys)


def _reads_commune(mentions: Sequence[Mention], commune: str) -> bool:
    """Whether a reading of one of the mentions lies in ``commune``."""
    for m in mentions:
        for e in m.entries:
            if e.commune_code == commune:
                return True
    return False


def _commune_word_names(mentions: Sequence[Mention], commune: str) -> bool:
    """Whether a name that a commune admin word marks ("… commune", "khum …") reads as
    ``commune``."""
    return any(m.hint == COMMUNE and _reads_commune((m,), commune) for m in mentions)


def _village_mentions(
    flat: Sequence[Token], mentions: list[Mention], marks: Sequence[int]
) -> list[Mention]:
    """The mentions, less what the earlier passes read in the words the village admin word
    marks, when the string names one commune and those words are a village of it that no
    pass read so (:func:`_one_village`), or have no reading in its district at all: the
    string places the village in that commune, so a piece of its name, or a namesake
    elsewhere, is no second place ("Kandal village, Bavet commune" is not also a hamlet
    Kandal of Tbong Khmum)."""
    out = mentions  # (replaced, never changed in place)
    for a, b in _runs(flat, marks):
        inside = [m for m in out if m.start < b and m.end > a]
        if not inside or _runs_past(inside, a, b):
            continue  # nothing read in the words, or a name running past them: leave it
        commune = _named_commune(out, a, b)
        if commune is None or _reads_commune(inside, commune):
            continue  # no single commune named, or the words already read inside it
        district = commune[:4]
        # (a commune its admin word names, not one a name's readings happen to be)
        # (a village of another commune is no reading of a village of this one)
        elsewhere = _commune_word_names(out, commune) and all(
            e.kind == "village" or (e.district_code != district and e.legacy_district != district)
            for m in inside
            for e in m.entries
        )
        if elsewhere or _one_village("".join([t.text for t in flat[a:b]]), commune):
            out = [m for m in out if not (m.start < b and m.end > a)]
    return out


def _runs_past(inside: Sequence[Mention], a: int, b: int) -> bool:
    """Whether one of the mentions that overlap ``[a, b)`` runs past it."""
    for m in inside:
        if m.start < a or m.end > b:
            return True
    return False


def _read_or_crossed(mentions: Sequence[Mention], a: int, b: int, kind: str) -> bool:
    """Whether a mention inside the words ``[a, b)`` already reads them as a ``kind`` unit
    (not a village), or one that overlaps them runs past them."""
    for m in mentions:
        if m.start < b and m.end > a:
            if m.start < a or m.end > b:
                return True
            for e in m.entries:
                if e.kind == kind and e.tier < TIER_VILLAGE:
                    return True
    return False


def _read_elsewhere(mentions: Sequence[Mention], a: int, b: int, kind: str, parent: str) -> bool:
    """Whether the mentions inside the words ``[a, b)`` read them as ``kind`` units only
    outside ``parent`` (a district's communes, before the 2019-2025 re-districting too; a
    province's districts), and none runs past them (never for a province: its parent is the
    country)."""
    field = _PARENT[kind]
    if field is None:
        return False
    for m in mentions:
        if m.start < b and m.end > a:
            if m.start < a or m.end > b:
                return False
            for e in m.entries:
                if e.kind == kind and e.tier < TIER_VILLAGE:
                    if getattr(e, field) == parent or (
                        kind == "commune" and e.legacy_district == parent
                    ):
                        return False
    return True


def _marked_village_mentions(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """The mentions, less a name a village word marks ("Phum Ti Pir village", "ấp Lekh Bei":
    also the numbered sangkats 2 and 3 of Sihanoukville), or a Khmer name read whole with its
    village word glued before it ("ភូមិអំពិល", "ភូមិរំចេក": aliases of the seats of a district
    and a commune elsewhere), when the string names a commune by its admin word and no
    reading of the name lies in the district of any commune that name may be: the string
    calls it a village of that commune ("ភូមិអំពិល ឃុំរំចេក ស្រុកព្រះស្ដេច" is a village Ampil
    of Rumchek, Preah Sdach, not Banteay Ampil; with "ឃុំរំចេក" alone, of one of the four
    Rumchek communes). A reading in such a district, a village's too, is kept. Beside
    :func:`_village_mentions`, which reads the words a village word marks by sound."""
    out = mentions  # (replaced, never changed in place)
    for m in mentions:
        glued = (
            m.end - m.start == 1
            and m.hint is None
            and not flat[m.start].latin
            and flat[m.start].text.startswith(_KHMER_VILLAGE)
        )
        if not glued and m.hint != VILLAGE:
            continue
        districts = {c[:4] for c in _word_named_communes(out, m.start, m.end)}
        # (no reading in one of them, by district or by the district it was in before)
        if (
            districts
            and districts.isdisjoint(map(_DISTRICT, m.entries))
            and districts.isdisjoint(map(_LEGACY_DISTRICT, m.entries))
        ):
            out = [x for x in out if x is not m]
    return out


def _word_named_communes(mentions: Sequence[Mention], start: int, end: int) -> set[str]:
    """The communes a commune admin word names outside ``[start, end)`` ("ឃុំរំចេក": the
    four communes Rumchek), less those outside the provinces and districts the string
    names, if it names any."""
    provinces, districts, _ = _named_units(mentions, start, end)
    out = {
        e.commune_code
        for m in mentions
        if m.hint == COMMUNE and (m.end <= start or m.start >= end)
        for e in m.entries
        if e.kind == "commune" and e.tier < TIER_VILLAGE and e.commune_code
    }
    if provinces:
        out = {c for c in out if c[:2] in provinces}
    if districts:
        out = {c for c in out if c[:4] in districts}
    return out


def commune_edit_mentions(flat: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """Mentions with a misspelt commune name read inside the district the string names,
    a misspelt district name inside the province it names, a misspelt province name next
    to its admin word ("Stung Tren province"), and a village name spelt another way inside
    the commune it names.

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens.
    mentions : list of Mention
        What the earlier passes found.

    Returns
    -------
    list of Mention
        All mentions, by start; a new one has method ``fuzzy`` and replaces what the earlier
        passes read in its words (nothing, or names of other levels).
    """
    levels = list(map(_ADMIN, flat))
    if _EDITED.isdisjoint(levels):
        return mentions  # no admin word of these levels, nothing to read
    marks: dict[int, list[int]] = {}  # level → positions of its admin words
    for k, level in enumerate(levels):
        if level in _LEVELS:
            marks.setdefault(level, []).append(k)
    if VILLAGE in marks and (COMMUNE in marks or DISTRICT in marks):
        mentions = _village_mentions(flat, mentions, marks[VILLAGE])
    if COMMUNE in marks:
        mentions = _marked_village_mentions(flat, mentions)
    out = list(mentions)
    for kind, level, named in (
        ("commune", COMMUNE, _named_district),
        ("district", DISTRICT, _named_province),
        ("province", PROVINCE, _country),
    ):
        if level not in marks:
            continue
        for a, b in _runs(flat, marks[level]):
            if _read_or_crossed(out, a, b, kind):
                # already read as such a unit (not a typo), or a name runs past; but a unit
                # of that name elsewhere only is no reading inside the named parent
                # ("Roluo Mean Chey commune, Ou Krieng Saen Chey district": the communes
                # Mean Chey lie in other districts; the one there is Roluos Mean Chey)
                if kind == "province":
                    continue
                parent = named(out, a, b)
                if parent is None or not _read_elsewhere(out, a, b, kind, parent):
                    continue
            else:
                parent = named(out, a, b)
                if parent is None:
                    continue
            for start in range(a, b):  # the longest span first: "Say Tong Khang Tbong"
                if kind == "province" and not _province_span(flat, out, start, a, b):
                    continue
                written = "".join([t.text for t in flat[start:b]])
                hit = _one_unit(written, kind, parent)
                if hit is None or (kind == "province" and hit[0] == written):
                    continue
                key, entries = hit
                score = round(float(fuzz.ratio(written, key)), 1)
                kept = [m for m in out if not (m.start < b and m.end > start)]
                out = [*kept, make_mention(flat, start, b, entries, "fuzzy", score)]
                break
    return sorted(out, key=mention_start)
