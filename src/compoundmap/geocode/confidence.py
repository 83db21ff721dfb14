"""How sure an answer is: the ``confidence`` band of a :class:`GeocodeResult`.

The last step of resolving (``resolve.py``), after the anchor of a place is chosen. The band
is read off what the evidence was — how the name was found, whether another name or the
stated context confirms the reading, whether the name has namesakes elsewhere, whether an
unknown word is glued to it — and calibrated on the labelled sets
(``benchmarks/eval_geocode.py`` prints the reliability table of ``docs/geocoding.md``):

- ``high``: the name is in the gazetteer as written (or in another script), and nothing
  argues against the reading. On every labelled set, at most 1 answer in 100 is wrong.
- ``medium``: one thing argues against it (a spelling variant, a namesake in another
  province chosen by rule, a word glued to it that no name explains …), or an ambiguous
  name located to what its readings share.
- ``low``: a loose spelling match, or several such doubts; check before publishing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..normalize import COMMUNE, DISTRICT, PROVINCE, VILLAGE
from ..settings import get as get_settings
from .index import TIER_CURATED, TIER_OFFICIAL, TIER_PLACE, Entry, consistent, fits_any
from .mentions import Mention
from .placement import Span

if TYPE_CHECKING:
    from .context import Context
    from .resolve import Choice

__all__ = ["BANDS", "assess", "doubts"]

#: The bands, surest first.
BANDS = ("high", "medium", "low")

_LEVEL_OF_KIND = {"province": PROVINCE, "district": DISTRICT, "commune": COMMUNE}


def _confirmed(anchor: Entry, choice: Choice, cluster: Sequence[Choice], ctx: Context) -> bool:
    """Whether another name of the string, or the stated context, confirms the reading."""
    if ctx.supports(anchor):
        return True
    if len(cluster) == 1:
        return False  # the name alone (most strings)
    for o in cluster:
        if o is not choice and fits_any(anchor, o.entries):
            return True
    return False


def _elsewhere(anchor: Entry, source: Sequence[Entry]) -> bool:
    """Whether the name has a reading that needs no confirming in a province other than
    the anchor's."""
    province = anchor.province_code
    for e in source:
        if not e.confirm and e.province_code != province:
            return True
    return False


def _curated_elsewhere(anchor: Entry, m: Mention) -> bool:
    """Whether only the admin word next to the name chose the official unit ``anchor``
    while the bare name is a curated place or alias in another province: sources write
    "Chrey Thom commune" for the Kandal border crossing (a village, ``localities.csv``),
    while the only commune of that name is in Svay Rieng."""
    if m.hint is None or anchor.tier == TIER_CURATED:
        return False
    province = anchor.province_code
    for e in m.entries:
        if (
            e.tier == TIER_CURATED
            and e.hint is None
            and e.province_code is not None
            and e.province_code != province
        ):
            return True
    return False


def _names_unit_apart(anchor: Entry, other: Choice) -> bool:
    """Whether ``other`` names a province or district (its only readings at that level, or
    an admin word saying so) that does not hold ``anchor``."""
    units = [e for e in other.entries if e.kind in ("province", "district")]
    if not units or fits_any(anchor, other.entries):
        return False
    hint = other.mention.hint
    return len(units) == len(other.entries) or hint in (PROVINCE, DISTRICT)


def _placed_apart(
    anchor: Entry, choice: Choice, others: Sequence[Choice], placed: frozenset[frozenset[Span]]
) -> bool:
    """Whether the string places ``choice`` in (or around) a province or district that does
    not hold ``anchor`` ("Anlong Veng in northern Siem Reap"), or ``anchor`` is such a unit
    that the string places another name in."""
    own = (choice.mention.start, choice.mention.end)
    for o in others:
        if frozenset((own, (o.mention.start, o.mention.end))) not in placed:
            continue
        if fits_any(anchor, o.entries):
            continue
        if anchor.kind in ("province", "district") or any(
            e.kind in ("province", "district") for e in o.entries
        ):
            return True
    return False


def _tied(anchor: Entry, choice: Choice, cluster: Sequence[Choice]) -> bool:
    """Whether another unit of the anchor's kind that its name may mean (a commune of
    the same name elsewhere) fits some reading of every other name of its place as well:
    the names confirm each other in two places, and only a rule chose this one."""
    others: list[Choice] | None = None
    # the provinces some reading of every other name lies in (``None``: any, when each of
    # them may mean the country, which fits every reading): a namesake elsewhere fits none
    allowed: set[str | None] | None = None
    for e in choice.source:
        if e.kind != anchor.kind or e.code == anchor.code:
            continue  # (most names: no namesake of the anchor's kind)
        if others is None:
            others = [o for o in cluster if o is not choice]
            if not others:
                return False
            sets = [
                {f.province_code for f in o.source}
                for o in others
                if not any(f.kind == "country" for f in o.source)
            ]
            allowed = set.intersection(*sets) if sets else None
        if (allowed is not None and e.province_code not in allowed) or consistent(anchor, e):
            continue
        for o in others:
            if not fits_any(e, o.source):
                break
        else:
            return True
    return False


def doubts(
    anchor: Entry,
    choice: Choice,
    cluster: Sequence[Choice],
    ctx: Context,
    remaining: Sequence[Choice] = (),
    placed: frozenset[frozenset[Span]] = frozenset(),
) -> list[str]:
    """What argues against the reading ``anchor`` of the name ``choice`` (empty: nothing).

    - ``variant``: found through a spelling variant or a typo (phonetic, fuzzy);
    - ``inferred``: a reading no source writes as such: a province's name in another
      script read as its eponymous town beside a town word (เมืองเปรยแวง);
    - ``loose``: a word no name explains is glued to the name (it may be part of a longer
      name we do not know: "Phnom Dev");
    - ``level``: the admin word next to the name says another level ("X village" read as
      the district X);
    - ``namesake``: the name has readings in other provinces, and only a rule (tier, the
      coarser unit, the admin word next to a name sources use bare for a curated place
      elsewhere) chose this one — no other name, no context;
    - ``tie``: another name confirms the reading, but another place of the same name is
      confirmed as fully: every other name of the place has a reading that fits it too
      ("Samraong village, Samraong commune, Samraong district" is so in Takeo and in
      Oddar Meanchey), and a rule chose;
    - ``hamlet``: a GeoNames place too small to be a town, that nothing confirms;
    - ``generic``: a village or generic locality confirmed only by a province-wide name;
    - ``self``: a village that only its own name places ("Bavet Kandal" in Bavet, which
      needs no other name to be found, ``Entry.self_named``) and nothing else confirms;
    - ``number``: a numbered commune ("Sangkat 2": Sihanoukville's) while the string names
      a place elsewhere;
    - ``split``: another name is glued to it that lies elsewhere (two halves of one
      misspelt name: "Kampon Cham" read as Kampoan and the commune Cham);
    - ``apart``: a commune, village or place that nothing confirms, in a string that names
      a province or district only elsewhere ("xã Chrey Thom, huyện Koh Thom, tỉnh Kandal":
      the commune Chrey Thum is in Svay Rieng; the string places it in Kandal);
    - ``placed``: the words between two names place one in the other ("Anlong Veng in
      northern Siem Reap", "シェムリアップの北部"; ``placement.py``) and the gazetteer does
      not nest them: both readings lose the top band. Lists ("Poipet, Sihanoukville")
      place nothing.

    Parameters
    ----------
    anchor : Entry
        The reading chosen for the name.
    choice : Choice
        The name (its mention and the readings left to it).
    cluster : sequence of Choice
        The names of the string consistent with ``anchor`` (``choice`` among them).
    ctx : Context
        The provinces and districts the caller states.
    remaining : sequence of Choice, default ()
        Every name of the string still to place (the cluster among them).
    placed : frozenset of frozenset of Span, default frozenset()
        The pairs of names (by span) the string places one in the other
        (``placement.placed_pairs``).

    Returns
    -------
    list of str
        The doubts found, in the order above; empty when nothing argues against it.
    """
    m: Mention = choice.mention
    out: list[str] = []
    if m.method in ("phonetic", "fuzzy"):
        out.append("variant")
    if anchor.inferred and not any(
        e.code == anchor.code and not e.inferred for c in cluster for e in c.entries
    ):
        # a province's name read as its eponymous town, that no name of the string (this
        # one under another source, or "Kep City" beside 白馬市) reads as that town
        out.append("inferred")
    if m.loose:
        out.append("loose")
    level = _LEVEL_OF_KIND.get(anchor.kind)
    if (
        m.hint is not None
        and m.hint != level
        and not (m.hint == VILLAGE and anchor.kind in ("village", "place"))
    ):
        if not (m.hint == DISTRICT and anchor.kind not in _LEVEL_OF_KIND) and not (
            m.town
            and m.hint == DISTRICT
            and anchor.kind == "province"
            and anchor.tier == 1
            and all(
                e.province_code == anchor.province_code or e.kind in ("commune", "village")
                for e in m.entries
            )
        ):
            # (a town word before a province's own name that names no town or district
            # outside it, "the capital of Phnom Penh" (a commune Phnum Penh lies in Preah
            # Vihear: no town): the province holds the town meant, a coarser answer, not
            # another level)
            out.append("level")
    confirmed = _confirmed(anchor, choice, cluster, ctx)
    if (
        not confirmed
        and anchor.kind != "province"
        and anchor.tier != TIER_CURATED
        and _elsewhere(anchor, choice.source)
    ):
        out.append("namesake")  # a reading in another province, and nothing chose this one
    elif not confirmed and _curated_elsewhere(anchor, m):
        out.append("namesake")  # "Chrey Thom commune": sources write the bare name elsewhere
    elif (
        not confirmed
        and anchor.tier == TIER_PLACE
        and any(
            e.tier == TIER_OFFICIAL and e.province_code != anchor.province_code for e in m.entries
        )
    ):
        # "Prasat district": GeoNames' other name of a town (Takeo's "Prasat") that is the
        # official name of units in other provinces (six communes Prasat): the admin word
        # left only the town, but nothing chose it over the units so named
        out.append("namesake")
    if confirmed and not ctx.supports(anchor) and _tied(anchor, choice, cluster):
        out.append("tie")
    # (the cluster is drawn from ``remaining``: of the same length, it is all of it)
    others: list[Choice] = []
    if len(remaining) > len(cluster):
        in_cluster = {id(o) for o in cluster}
        others = [o for o in remaining if id(o) not in in_cluster]
    if others:
        if not confirmed and all(w.isdigit() or w == "lekh" for w in m.text.split()):
            out.append("number")
        if any(o.mention.end == m.start or o.mention.start == m.end for o in others):
            out.append("split")
        if (
            anchor.kind not in ("province", "district")
            and not confirmed
            and any(_names_unit_apart(anchor, o) for o in others)
        ):
            out.append("apart")
    if placed and _placed_apart(anchor, choice, others, placed):
        out.append("placed")
    if anchor.self_named and not confirmed:
        out.append("self")
    if (
        anchor.kind == "place"
        and anchor.population < get_settings().town_population
        and not confirmed
    ):
        out.append("hamlet")
    if (
        anchor.confirm
        and not _confirmed_below_province(anchor, choice, cluster)
        and not ctx.districts
    ):
        out.append("generic")
    return out


def _confirmed_below_province(anchor: Entry, choice: Choice, cluster: Sequence[Choice]) -> bool:
    """Whether another name of the cluster has a reading finer than a province that fits
    ``anchor``."""
    for o in cluster:
        if o is not choice:
            for f in o.entries:
                if f.depth >= 2 and consistent(anchor, f):
                    return True
    return False


def assess(
    anchor: Entry,
    choice: Choice,
    cluster: Sequence[Choice],
    ctx: Context,
    remaining: Sequence[Choice] = (),
    placed: frozenset[frozenset[Span]] = frozenset(),
) -> str:
    """The ``confidence`` band of one place (see the module docstring): ``high`` with no
    :func:`doubts`, ``medium`` with one, ``low`` with more, or for a spelling variant
    matched below ``confidence_variant_min``.

    Parameters
    ----------
    anchor : Entry
        The reading chosen for the name.
    choice : Choice
        The name (its mention and the readings left to it).
    cluster : sequence of Choice
        The names of the string consistent with ``anchor`` (``choice`` among them).
    ctx : Context
        The provinces and districts the caller states.
    remaining : sequence of Choice, default ()
        Every name of the string still to place (the cluster among them).
    placed : frozenset of frozenset of Span, default frozenset()
        The pairs of names (by span) the string places one in the other
        (``placement.placed_pairs``).

    Returns
    -------
    str
        ``"high"``, ``"medium"`` or ``"low"``.
    """
    found = doubts(anchor, choice, cluster, ctx, remaining, placed)
    score = choice.mention.score
    if "variant" in found and score < get_settings().confidence_variant_min:
        return "low"
    if not found:
        return "high"
    return "medium" if len(found) == 1 else "low"
