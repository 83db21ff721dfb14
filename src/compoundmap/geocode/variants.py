"""Spelling variants and typos: the passes that find a name the index does not hold as
written.

Spotting (``spot.py``) runs them in order: the phonetic test on each n-gram, then the
scoped fuzzy pass and the unscoped fuzzy pass over what is left; the one-edit pass that
follows lives in ``edits.py``. Every
threshold is a field of :class:`compoundmap.settings.Settings`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from operator import attrgetter

from rapidfuzz import fuzz, process

from ..normalize import ABBREVIATION_KEYS, Token, key_of, skeleton
from ..settings import Settings, depends_on_settings
from ..settings import get as get_settings
from .edits import one_edit
from .idcache import IdentityCache
from .index import (
    KIND_LEVEL,
    TIER_CURATED,
    TIER_OFFICIAL,
    TIER_VILLAGE,
    Entry,
    NameIndex,
    build_index,
    curated_locality,
    long_lived,
    name_index,
)
from .mentions import Mention, fits_hint, hint_at, make_mention, mention_start

__all__ = [
    "initial_fuzzy_mentions",
    "phonetic_match",
    "prepare",
    "scoped_fuzzy_mentions",
]

_SIZES = get_settings()  # cache sizes are read once, here
_PROVINCE = attrgetter("province_code")


# --- pass 2: phonetic (consonant skeleton), per n-gram ------------------------------------


def phonetic_match(
    index: NameIndex, key: str, first: Token, last: Token, n_words: int, cfg: Settings
) -> tuple[tuple[Entry, ...], float]:
    """Entries of the indexed name whose consonant skeleton equals that of ``key`` (an
    n-gram not in the index), and the rapidfuzz ratio; ``((), 0.0)`` when none passes.

    Runs on every n-gram of 1–``phonetic_max_words`` words and ``phonetic_min_letters`` or
    more letters (not a number) that the exact look-up missed, longest first (the caller
    checks those bounds: this runs for most strings). Spelling variants keep the
    consonants ("Paoy Paet" / "Poipet"); the ratio confirms that the rest is close. One
    short word is too easily a common word elsewhere, so it needs more
    (``phonetic_single_min``) and must keep its first and last letter (Thmorda/Thma Da, not
    triangle/Trangel); the first and last word must count in the skeleton ("... Meanchey
    Ou" is not a variant of "... Meanchey").

    Parameters
    ----------
    index : NameIndex
        The name index and its skeleton index.
    key : str
        The n-gram's compact key.
    first, last : Token
        The n-gram's first and last word.
    n_words : int
        How many words the n-gram has.
    cfg : Settings
        The thresholds in force.

    Returns
    -------
    tuple
        ``(entries, score)``: the readings of the matched name (villages excluded) and the
        ratio rounded to 0.1.
    """
    if index is build_index() and cfg is get_settings():
        # the answer depends only on the n-gram's words: cached (distinct strings share
        # their names, and so their n-grams)
        return _phonetic_cached(key, first.text, last.text, n_words)
    return _phonetic(index, key, first.text, last.text, n_words, cfg)


@depends_on_settings
@lru_cache(maxsize=_SIZES.one_edit_cache_size)
def _phonetic_cached(
    key: str, first: str, last: str, n_words: int
) -> tuple[tuple[Entry, ...], float]:
    return _phonetic(build_index(), key, first, last, n_words, get_settings())


def _phonetic(
    index: NameIndex, key: str, first: str, last: str, n_words: int, cfg: Settings
) -> tuple[tuple[Entry, ...], float]:
    """:func:`phonetic_match` of the n-gram's key and its first and last words' texts."""
    skel = skeleton(key)
    best, best_score = "", 0.0
    for cand in index.skeletons.get(skel, ()) if len(skel) >= cfg.skeleton_min_letters else ():
        score = fuzz.ratio(key, cand)
        if score > best_score:
            best, best_score = cand, score
    if not best:
        return (), 0.0  # no indexed name has this skeleton (most n-grams)
    single = n_words == 1
    need = (
        cfg.phonetic_single_min
        if single
        and (
            len(key) < cfg.phonetic_relaxed_min_letters
            or key[0] != best[:1]
            or key[-1] != best[-1:]
        )
        else cfg.phonetic_min
    )
    # each edge word must add a consonant of its own: "Cambodia Ouddar" is not "Cambodia"
    # (the d of "oudar" merges into the d of "cambodia")
    # (a first word of vowels only counts when the name starts with it as written: "Ou
    # Rang Ov" is Ou Reang Ov, whose "Ou" has no consonant either)
    vowel_start = n_words > 2 and not skeleton(first) and best.startswith(first)
    edges_count = (bool(skeleton(first)) or vowel_start) and bool(skeleton(last))
    if edges_count and n_words > 1:
        edges_count = (vowel_start or skeleton(key[len(first) :]) != skel) and skeleton(
            key[: -len(last)]
        ) != skel
    if (
        best
        and best_score >= need
        and edges_count
        and (not single or len(key) >= cfg.phonetic_single_min_letters)
    ):
        entries = tuple(e for e in index.names[best] if e.tier < TIER_VILLAGE)
        if n_words > 1 and _landmark_by_shared_word(entries, key, best, first, last, need):
            return (), 0.0
        return entries, round(best_score, 1)
    return (), 0.0


def _landmark_by_shared_word(
    entries: tuple[Entry, ...], key: str, cand: str, first: str, last: str, need: float
) -> bool:
    """Whether a landmark's likeness to the n-gram rests on a word both share: "Banan
    temple" sounds like "Bayon Temple" only through "temple" ("banan" is no "bayon"), so it
    stays the district Banan and a descriptor. The words left once the shared first or last
    word is taken off must be alike on their own."""
    if not entries or any(e.tier != TIER_CURATED or e.kind in KIND_LEVEL for e in entries):
        return False  # a curated landmark only: admin units and towns keep their matches
    rest_key, rest_cand = key, cand
    if last and key.endswith(last) and cand.endswith(last):
        rest_key, rest_cand = key[: -len(last)], cand[: -len(last)]
    elif first and key.startswith(first) and cand.startswith(first):
        rest_key, rest_cand = key[len(first) :], cand[len(first) :]
    else:
        return False
    return not rest_key or fuzz.ratio(rest_key, rest_cand) < need


# --- pass 3: scoped fuzzy ---------------------------------------------------------------


@depends_on_settings
@cache
def _scope_keys() -> dict[str, tuple[str, ...]]:
    """Province or district code → the keys of the units and places inside it (villages
    excluded): the plausible candidates for a misspelt name next to that province/district."""
    min_letters = get_settings().scope_key_min_letters
    out: dict[str, set[str]] = {}
    for key, entries in name_index().items():
        if not key.isascii() or len(key) < min_letters:
            continue
        for e in entries:
            if e.tier >= TIER_VILLAGE or e.depth < 2 or e.kind == "country":
                continue
            if e.province_code:
                out.setdefault(e.province_code, set()).add(key)
            if e.district_code and e.depth == 3:
                out.setdefault(e.district_code, set()).add(key)
    return long_lived({code: tuple(sorted(keys)) for code, keys in out.items()})


def prepare() -> None:
    """Build the scoped-fuzzy table now (else on first use, while a string waits)."""
    _scope_keys()


@depends_on_settings
@lru_cache(maxsize=_SIZES.context_cache_size)
def _scope_choices(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The keys inside any of ``codes``, each once, sorted (cached per set of codes)."""
    keys_by_scope = _scope_keys()
    return tuple(sorted({k for c in codes for k in keys_by_scope.get(c, ())}))


# Per readings tuple: the codes it scopes the search to.
_SCOPE_CODES: IdentityCache[tuple[Entry, ...], tuple[str, ...]] = IdentityCache(
    _SIZES.choice_cache_size
)


def _scope_codes(entries: tuple[Entry, ...]) -> tuple[str, ...]:
    """The province and district codes a name's readings scope the search to (none when it
    has more than ``scope_max_readings``), cached per readings tuple."""
    hit = _SCOPE_CODES.get(entries)
    if hit is not None:
        return hit
    # a town alias ("Kampong Speu town" = Chbar Mon) reads so only beside its town word:
    # it neither narrows the search to that town nor counts as one more reading
    readings = [e for e in entries if not e.town_alias]
    out: tuple[str, ...] = ()
    if len(readings) <= get_settings().scope_max_readings:
        out = tuple(
            e.code or ""
            for e in readings
            if e.tier <= TIER_OFFICIAL and e.kind in ("province", "district")
        )
    return _SCOPE_CODES.put(entries, out)


def _scope(mentions: list[Mention], context: frozenset[str]) -> set[str]:
    """Codes of the provinces and districts the string (or the context) names for sure."""
    scope: set[str] = set(context)
    for m in mentions:
        scope.update(_scope_codes(m.entries))
    scope.discard("")
    return scope


def scoped_fuzzy_mentions(
    flat: Sequence[Token], mentions: list[Mention], context: frozenset[str] = frozenset()
) -> list[Mention]:
    """Typos next to a named province or district ("Tumnob Rolkk commune, Steung Hav
    district"): a run of words that no name inside that province/district explains is
    matched by rapidfuzz against the names inside it only.

    Runs when the string names a place (or a province/district is given as context). The
    scope keeps the candidates few, so its floor (``scoped_fuzzy_min``) can be lower than
    the unscoped pass's. Of names that score alike, the first in sorted order is taken.

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens.
    mentions : list of Mention
        What the earlier passes found.
    context : frozenset of str
        Province/district codes stated by the caller.

    Returns
    -------
    list of Mention
        The mentions, those the new ones cover replaced, by start.
    """
    scope = _scope(mentions, context)
    if not scope:
        return mentions
    cfg = get_settings()
    # districts named narrow the search; otherwise the provinces
    districts = {c for c in scope if len(c) == 4}
    codes = districts or scope
    index = name_index()
    provinces = {c[:2] for c in codes}
    inside = [m for m in mentions if not provinces.isdisjoint(map(_PROVINCE, m.entries))]
    out = list(mentions)
    n = len(flat)
    # words already explained by a name inside the scope are not searched again
    blocked = [not t.latin or not t.text or t.stop or t.admin is not None for t in flat]
    for m in mentions:
        # the province/district names themselves, and a province named outside the scope
        # ("Kampong Thom and Kratie": not the commune Kampong Cham in Kratie)
        kinds = ("province", "district") if m in inside else ("province",)
        if any(e.kind in kinds and e.tier <= TIER_OFFICIAL for e in m.entries) or (
            # a curated place named as written inside the scope ("… opposite Chup Koki
            # checkpoint in Oddar Meanchey": not a longer typo "opposite chup koki …")
            m in inside and m.method == "exact" and all(curated_locality(e) for e in m.entries)
        ):
            for k in range(m.start, m.end):
                blocked[k] = True
    start = 0
    while start < n:
        if blocked[start]:
            start += 1
            continue
        end = start
        while end < n and not blocked[end]:
            end += 1
        covered = [m for m in out if m.start < end and m.end > start]
        whole = bool(covered) and all(
            any(m.start <= k < m.end for m in covered) for k in range(start, end)
        )
        key = "".join([x.text for x in flat[start:end]])
        if whole and all(m in inside for m in covered):
            pass  # every word is already a name inside the scope
        elif len(key) >= cfg.scoped_fuzzy_min_letters and not key.isdigit():
            # every key once, sorted: a tie between names of two scopes goes to the same one
            # whatever the order of the set of codes (that order changes with PYTHONHASHSEED)
            choices = _scope_choices(tuple(sorted(codes)))
            hit = process.extractOne(
                key, choices, scorer=fuzz.ratio, score_cutoff=cfg.scoped_fuzzy_min
            )
            if hit is not None:
                hint = hint_at(flat, start, end, False)
                entries = tuple(
                    e
                    for e in index[hit[0]]
                    if e.tier < TIER_VILLAGE
                    and any((e.code or "").startswith(c) for c in codes)
                    and fits_hint(e, hint)
                )
                if entries:
                    out = [m for m in out if m not in covered]
                    score = round(float(hit[1]), 1)
                    out.append(make_mention(flat, start, end, entries, "fuzzy", score))
        start = end
    return sorted(out, key=mention_start)


# --- pass 4: unscoped fuzzy ---------------------------------------------------------------


@depends_on_settings
@cache
def _fuzzy_keys() -> dict[str, list[str]]:
    """Latin keys grouped by initial letter, villages excluded (they need confirmation), and
    abbreviations ("B'bang": read only as written)."""
    min_letters = get_settings().fuzzy_key_min_letters
    out: dict[str, list[str]] = {}
    for key, entries in name_index().items():
        if (
            key.isascii()
            and len(key) >= min_letters
            and key not in ABBREVIATION_KEYS
            and any(e.tier < TIER_VILLAGE for e in entries)
        ):
            out.setdefault(key[0], []).append(key)
    return out


def initial_fuzzy_mentions(flat: Sequence[Token], found: list[Mention]) -> list[Mention]:
    """Typos when nothing else placed the string: rapidfuzz over names with the same
    initial, for runs of content words that nothing else matched.

    Runs only when no place was found otherwise (the last resort: with nothing to scope
    the search, it compares against every name with that initial, so its floor
    ``fuzzy_min`` is the highest). A one-edit province/district/town beats a looser commune
    match ("Piopet" does not find a commune in Svay Rieng).

    Parameters
    ----------
    flat : sequence of Token
        The string's tokens.
    found : list of Mention
        What the earlier passes found (their words are not searched again).

    Returns
    -------
    list of Mention
        The new mentions only, method ``fuzzy``.
    """
    cfg = get_settings()
    index = name_index()
    keys_by_initial = _fuzzy_keys()
    taken = {k for m in found for k in range(m.start, m.end)}
    out: list[Mention] = []
    start, n = 0, len(flat)
    while start < n:
        tok = flat[start]
        if start in taken or not tok.latin or tok.stop or tok.admin is not None:
            start += 1
            continue
        end = start
        while (
            end < n and end not in taken and flat[end].content and end - start < cfg.fuzzy_max_words
        ):
            end += 1
        # a number after the words is part of the name: "Chrang Chamres 2" is Chrang
        # Chamreh Ti Pir, not the name without it, which ties with Ti Muoy
        if end < n and end > start and end not in taken and flat[end].text.isdigit():
            end += 1
        key = key_of(list(flat[start:end]))
        if len(key) >= cfg.fuzzy_min_letters and not key.isdigit():
            choices = keys_by_initial.get(key[0], [])
            # one substituted letter costs 100/len: "kompot" ~ "kampot" scores 83.3
            cutoff = (
                min(cfg.fuzzy_min, 100.0 * (1 - 1 / len(key)) - 0.01)
                if len(key) >= cfg.fuzzy_relaxed_min_letters
                else cfg.fuzzy_min
            )
            near = one_edit(key)
            hit = (
                (near, fuzz.ratio(key, near))
                if near is not None
                else process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            )
            if hit is not None:
                entries = tuple(e for e in index[hit[0]] if e.tier < TIER_VILLAGE)
                score = round(float(hit[1]), 1)
                out.append(make_mention(flat, start, end, entries, "fuzzy", score, with_town=False))
        start = max(end, start + 1)
    return out
