"""Resolving: what the names a string mentions mean, together.

After spotting (``spot.py``): each mention's readings are narrowed by the admin word next to
it (``readings.py``), then by the support of the string's other names and the stated
context (:func:`reduce`); :func:`resolve_places` then picks one place per round — the
reading consistent with the most names — and builds its result (``result.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..normalize import VILLAGE, Token
from ..settings import get as get_settings
from .confidence import assess
from .context import Context, parse_context
from .idcache import IdentityCache
from .index import (
    KIND_LEVEL,
    TIER_CURATED,
    TIER_PLACE,
    TIER_VILLAGE,
    Entry,
    consistent,
    curated_locality,
    fits_all,
    fits_any,
    towns,
)
from .mentions import Mention
from .named_alone import named_alone
from .placement import Span, placed_pairs
from .readings import readings
from .result import GeocodeResult, ambiguous_result, base_method, build_result
from .spot import flat_tokens, spot
from .strays import drop_stray_communes, drop_stray_guesses, drop_strays_outside_named_province

__all__ = ["Choice", "Context", "parse_context", "readings", "reduce", "resolve_places"]

_SIZES = get_settings()  # cache sizes are read once, here


# --- readings of every name, together ---------------------------------------------------


@dataclass(slots=True)
class Choice:
    """A mention and what it may still mean."""

    mention: Mention
    entries: list[Entry]
    """What the mention may mean after filtering (narrowed by support)."""
    source: tuple[Entry, ...] = ()
    """The filtered readings before support narrowed them."""


_CodeSets = tuple[bool, set[str], set[str]]
_CODE_SETS: IdentityCache[tuple[Entry, ...], _CodeSets] = IdentityCache(_SIZES.choice_cache_size)


def _code_sets(entries: tuple[Entry, ...]) -> _CodeSets:
    """(names the country, finest codes, every code on the chains of non-village
    readings), cached per readings tuple."""
    hit = _CODE_SETS.get(entries)
    if hit is not None:
        return hit
    return _CODE_SETS.put(
        entries,
        (
            any([f.kind == "country" for f in entries]),
            {f.code for f in entries if f.code is not None},
            {
                x
                for f in entries
                if f.kind != "village"
                for x in (f.province_code, f.district_code, f.commune_code, f.legacy_district)
                if x
            },
        ),
    )


def _town_readings(allowed: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """ "Krong Samraong", "Samrong city": of several districts with the name, the ones that
    are towns (a GeoNames town of ``town_population`` or more in it bears the name)."""
    population = get_settings().town_population
    by_code = towns()
    urban = tuple(
        e
        for e in allowed
        if e.kind == "district"
        and (t := by_code.get(e.code or "")) is not None
        and t.population >= population
    )
    if urban and len(urban) < sum(e.kind == "district" for e in allowed):
        return urban
    return allowed


def _supports(
    entries: list[Entry], others: list[_CodeSets], ctx: Context, has_ctx: bool = True
) -> list[int]:
    """For each of ``entries``, how many other names (and the context) name a unit
    containing or fitting it.

    An entry f contains e exactly when f's finest code is in e's chain (or f is the
    country). A village or a generic locality (``Entry.confirm``) needs another name that
    contains it ("Cambodia" does not count); any other entry is supported by a name it is
    consistent with either way ("Sihanoukville's Ream commune": the province
    reading of Sihanoukville fits Ream, the city reading does not). One call per name, not
    per reading: a name may have dozens of readings.
    """
    if len(others) == 1 and not has_ctx:
        # (two names and no context, the most common case: one test per reading)
        names_country, codes, chains = others[0]
        return [
            1
            if (
                (names_country and not e.confirm)
                or not codes.isdisjoint(
                    (e.province_code, e.district_code, e.commune_code, e.legacy_district)
                )
                or (not e.confirm and e.code in chains)
            )
            else 0
            for e in entries
        ]
    out: list[int] = []
    for e in entries:
        # (the codes hold no None: a missing level of the chain is found in none)
        chain = (e.province_code, e.district_code, e.commune_code, e.legacy_district)
        confirm, code = e.confirm, e.code
        support = 0
        for names_country, codes, chains in others:
            if (
                (names_country and not confirm)
                or not codes.isdisjoint(chain)
                or (not confirm and code in chains)
            ):
                support += 1
        if has_ctx:
            if e.kind == "village":
                # a stated province holds hundreds of villages: only a stated district
                # confirms one
                support += 1 if ctx.districts and ctx.supports(e) else 0
            else:
                support += 1 if ctx.supports(e) else 0
        out.append(support)
    return out


def _landmarks_apart(es: list[Entry], chosen: list[Entry]) -> list[Entry]:
    """Curated landmarks that share a name with the chosen ones but lie apart from them:
    "Friendship Bridge" (demonyms are stop words) is the Cambodian-Japanese bridge in Phnom
    Penh or the Thai-Cambodian one at Stung Bot, and the coarser of the two is no better a
    guess; both stay, and the answer is ambiguous. Admin units keep their coarsest-first
    rule."""
    if any(c.kind in KIND_LEVEL for c in chosen):
        return []
    return [
        e
        for e in es
        if curated_locality(e) and e not in chosen and not any(consistent(e, c) for c in chosen)
    ]


def _best_tier_coarsest(es: list[Entry], village_word: bool = False) -> list[Entry]:
    """The readings of the best tier, and of those the coarsest: one name for units of
    several levels (a district and its seat commune) means the coarser unless it says
    "commune". A name called a village ranks its GeoNames places no higher than its
    villages: "Lvea village, Lvea commune" is any of four communes that hold a village
    Lvea, not the one where GeoNames has a point."""
    if len(es) <= 1:
        return es

    if village_word:
        ranks = [TIER_PLACE if e.tier == TIER_VILLAGE else e.tier for e in es]
        tier = min(ranks)
        es = [e for e, r in zip(es, ranks, strict=True) if r == tier]
        if all(e.kind in ("place", "village") for e in es):
            return es  # a GeoNames town is no coarser reading of a name called a village
    else:
        # (one pass: the best tier, and of it the coarsest depth, in the order written)
        first = es[0]
        tier, depth, out = first.tier, first.depth, [first]
        for e in es[1:]:
            t = e.tier
            if t < tier or (t == tier and e.depth < depth):
                tier, depth, out = t, e.depth, [e]
            elif t == tier and e.depth == depth:
                out.append(e)
        if tier == TIER_CURATED and len(out) < len(es):
            out += _landmarks_apart(es, out)
        return out
    coarse = min([e.depth for e in es])
    return [e for e in es if e.depth == coarse]


def reduce(mentions: list[Mention], ctx: Context) -> list[Choice]:
    """Each mention's readings, narrowed to those the other names and the context support
    most; mentions left with no reading are dropped.

    A village counts only when another name in the string (or a stated district) confirms
    it: with a single name, villages are out before anything else. Code sets are computed
    once, from every name's readings before any is narrowed.

    Parameters
    ----------
    mentions : list of Mention
        The names spotted in the string, in the order written.
    ctx : Context
        The provinces and districts the caller states.

    Returns
    -------
    list of Choice
        One choice per mention that a reading is left to, in the same order.
    """
    placing = 0  # names that place something (not Cambodia itself)
    for m in mentions:
        if m.entries and m.entries[0].kind != "country":
            placing += 1
    drop_villages = placing <= 1 and not ctx.districts
    choices: list[Choice] = []
    for m in mentions:
        allowed = readings(m.entries, m.hint, drop_villages, m.town)
        if m.town and len(allowed) > 1:
            allowed = _town_readings(allowed)
        if allowed:
            choices.append(Choice(m, list(allowed), allowed))
    has_ctx = bool(ctx.provinces or ctx.districts)
    if len(choices) == 1 and not has_ctx:
        # a single name, no context: nothing to support it (as in the loop below)
        c = choices[0]
        c.entries = _best_tier_coarsest([e for e in c.entries if not e.confirm])
        return choices if c.entries else []
    # (a single name has no other name to be supported by)
    sets = (
        {id(o): _code_sets(o.source) for o in choices if not o.mention.reference}
        if len(choices) > 1
        else {}
    )
    for c in choices:
        others = [v for k, v in sets.items() if k != id(c)]
        if not others and not has_ctx:
            c.entries = _best_tier_coarsest([e for e in c.entries if not e.confirm])
            continue
        if len(c.entries) == 1:
            # one reading: it stays, unless it needs confirming and nothing supports it
            if c.entries[0].confirm and not _supports(c.entries, others, ctx, has_ctx)[0]:
                c.entries = []
            continue
        supports = _supports(c.entries, others, ctx, has_ctx)
        scored = [
            (s, e) for s, e in zip(supports, c.entries, strict=True) if not e.confirm or s > 0
        ]
        if not scored:
            c.entries = []
            continue
        top = max([s for s, _ in scored])
        village_word = c.mention.hint == VILLAGE
        c.entries = _best_tier_coarsest([e for s, e in scored if s == top], village_word)
    return [c for c in choices if c.entries]


# --- one place per round ------------------------------------------------------------------


def _pick_anchor(remaining: list[Choice]) -> tuple[Entry, Choice]:
    """The reading consistent with the most names (villages do not vote), then one whose
    name has no conflicting reading, then the finest (a point beats its unit), then the
    best tier, then the first written."""
    if len(remaining) == 1 and len(remaining[0].entries) == 1:
        return remaining[0].entries[0], remaining[0]
    best: tuple[tuple[int, int, int, int, int], Entry, Choice] | None = None
    # names that vote (villages do not); a name always fits its own reading
    voters = [o for o in remaining if o.entries[0].kind != "village"]
    for c in remaining:
        others = [o for o in voters if o is not c]
        for e in c.entries:
            n_consistent = 1
            for o in others:
                if fits_any(e, o.entries):
                    n_consistent += 1
            if best is not None and n_consistent < best[0][0]:
                continue  # fits fewer names than the best so far: the rest cannot tip it
            # (a reading always fits itself: a name with one reading is single)
            single = 1 if len(c.entries) == 1 or fits_all(e, c.entries) else 0
            key = (n_consistent, single, e.depth * 2 + e.is_point, -e.tier, -c.mention.start)
            if best is None or key > best[0]:
                best = (key, e, c)
    assert best is not None
    return best[1], best[2]


def _agree(choices: Sequence[Choice]) -> bool:
    """Whether some reading of each name fits some reading of every other one."""
    return all(
        any(consistent(e, f) for e in a.entries for f in b.entries)
        for i, a in enumerate(choices)
        for b in choices[i + 1 :]
    )


def _alternatives(
    anchor: Entry, choice: Choice, remaining: list[Choice], cluster: list[Choice]
) -> list[Entry]:
    """Other readings of the anchor's name that the rest of the string fits just as well
    (every name of the anchor's cluster fits them too): they keep the name ambiguous."""
    if len(choice.entries) == 1:
        return []  # the anchor is the name's one reading
    if len(remaining) == 1:
        # the name alone: each of its readings fits it (a reading fits itself)
        return [e for e in choice.entries if not consistent(anchor, e)]
    support = {id(o) for o in cluster}
    return [
        e
        for e in choice.entries
        if not consistent(anchor, e)
        and {id(o) for o in remaining if fits_any(e, o.entries)} >= support
    ]


_NO_CODE = object()


def _several_units(entries: Sequence[Entry]) -> bool:
    """Whether the readings other than villages have more than one code between them
    (stops at the second one: a name may have dozens)."""
    first: object = _NO_CODE
    for e in entries:
        if e.kind != "village":
            if first is _NO_CODE:
                first = e.code
            elif e.code != first:
                return True
    return False


def _one_round(
    query: str,
    remaining: list[Choice],
    ctx: Context,
    every: Sequence[Choice] = (),
    placed: frozenset[frozenset[Span]] = frozenset(),
) -> tuple[int, GeocodeResult, list[Choice]]:
    """One place: (where its first name starts, its result, the names it explains).

    The anchor's cluster is every name consistent with it. It is ambiguous when another
    reading of the anchor's name fits the cluster as well, unless the context singles one
    out; ``method`` gains ``+hierarchy`` when another name decided, ``+context`` when the
    context did.
    """
    anchor, choice = _pick_anchor(remaining)
    cluster = (
        # (the anchor's own name fits it: the anchor is one of its readings)
        [o for o in remaining if o is choice or fits_any(anchor, o.entries)]
        if len(remaining) > 1
        else remaining  # the anchor's own name
    )
    finer = (
        [o for o in cluster if o is not choice and min([f.depth for f in o.entries]) > anchor.depth]
        if len(cluster) > 1
        else []  # the anchor's own name only
    )
    if len(finer) > 1 and not _agree(finer):
        # a coarse name holding several finer names that lie apart ("Sampov Poun and Arey
        # Ksat in Kandal province"): each finer name is a place of its own, this round the
        # one that most names fit
        anchor, choice = _pick_anchor(finer)
        cluster = [o for o in remaining if o is choice or fits_any(anchor, o.entries)]
    alternatives = _alternatives(anchor, choice, remaining, cluster)
    ambiguous = bool(alternatives)
    m = choice.mention
    if ambiguous and ctx.provinces | ctx.districts:
        fits = [e for e in [anchor, *alternatives] if ctx.supports(e)]
        if len(fits) == 1:
            anchor, ambiguous = fits[0], False
    first = (
        min([o.mention.start for o in cluster]) if len(cluster) > 1 else cluster[0].mention.start
    )
    method = base_method(m, anchor)
    if ambiguous:
        return first, ambiguous_result(query, [anchor, *alternatives], m.score, method), cluster
    if len(m.entries) > 1 and _several_units(m.entries):
        if len(cluster) > 1 or cluster[0] is not choice:
            method += "+hierarchy"
        elif ctx.supports(anchor):
            method += "+context"
    band = assess(anchor, choice, cluster, ctx, every or remaining, placed)
    return first, build_result(query, anchor, m, cluster, method, band), cluster


def resolve_places(query: str, text: str | tuple[Token, ...], ctx: Context) -> list[GeocodeResult]:
    """One result per distinct place named in ``text``, in the order written (may be
    empty).

    Spots the mentions, reduces their readings, and then, one place per round, takes the
    anchor (:func:`_pick_anchor`); the names consistent with it form its cluster (one
    place), and the round repeats on the rest. "Cambodia" alone gives a country result;
    names given only as a reference point ("50 km from Poipet") locate nothing.

    Parameters
    ----------
    query : str
        The string as the caller gave it (each result's ``query``).
    text : str or tuple of Token
        What is read: the string itself, its tokens, or a part of it (a candidate's name
        read again).
    ctx : Context
        The provinces and districts the caller states.

    Returns
    -------
    list of GeocodeResult
        One result per place, ordered by where its first name stands; empty when nothing
        is located.
    """
    mentions = spot(text, ctx.provinces | ctx.districts)
    choices = reduce(mentions, ctx)
    places = [c for c in choices if c.entries[0].kind != "country"]
    if not places and mentions and not (ctx.provinces or ctx.districts):
        # a curated landmark that needs context, named alone with its kind word
        alone = named_alone(query, text, mentions)
        if alone is not None:
            c = Choice(alone, _best_tier_coarsest(list(alone.entries)), alone.entries)
            return [_one_round(query, [c], ctx, [c])[1]]
    if not choices:
        return []
    if not places:
        c = choices[0]
        return [build_result(query, c.entries[0], c.mention, [c], "country", "high")]
    remaining = [c for c in places if not c.mention.reference]
    if not remaining:
        return []
    if ctx.provinces or ctx.districts:  # (both return ``remaining`` as it is without)
        remaining = drop_stray_guesses(drop_stray_communes(remaining, ctx), ctx)
    if len(remaining) > 1:  # (a single name is no stray of a province it names)
        remaining = drop_strays_outside_named_province(remaining)
    if not remaining:
        return []
    if len(remaining) == 1:
        # one name: one round, which places it (its cluster is itself)
        return [_one_round(query, remaining, ctx, remaining)[1]]
    every = list(remaining)
    # names the string places one inside the other ("Anlong Veng in northern Siem Reap")
    linked = placed_pairs(query, flat_tokens(text), [c.mention for c in every])
    results: list[tuple[int, GeocodeResult]] = []
    while remaining:
        first, result, cluster = _one_round(query, remaining, ctx, every, linked)
        results.append((first, result))
        # a village left over was confirmed by a name now placed elsewhere: not a place alone
        placed = {id(o) for o in cluster}
        remaining = [
            o
            for o in remaining
            if id(o) not in placed and any(e.kind != "village" for e in o.entries)
        ]
    if len(results) == 1:
        return [results[0][1]]
    return [r for _, r in sorted(results, key=lambda x: x[0])]
