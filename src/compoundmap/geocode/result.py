"""The geocoder's answer (:class:`GeocodeResult`) and how one is built from a resolved name.

Last step of resolving (``resolve.py``): the anchor reading of a place and the names that
confirm it become codes, names, a point and a precision on the project's scale
(:class:`compoundmap.schema.Precision`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .._util import float_or_none
from ..gazetteer import get_gazetteer
from ..normalize import Token
from ..schema import Precision
from ..settings import get as get_settings
from .index import (
    KIND_LEVEL,
    TIER_CURATED,
    TIER_OFFICIAL,
    TIER_PLACE,
    Entry,
    consistent,
    contains,
    towns,
)
from .mentions import Mention

if TYPE_CHECKING:
    from .resolve import Choice

__all__ = [
    "PRECISION_LABELS",
    "GeocodeResult",
    "Reader",
    "ambiguous_result",
    "base_method",
    "build_result",
    "unmatched_result",
]

_SIZES = get_settings()  # cache sizes are read once, here

#: Precision scale (ACLED/UCDP style) in the geocoder's words; ``None`` means unmatched.
#: Read from :class:`compoundmap.schema.Precision`.
PRECISION_LABELS: dict[int, str] = {int(p): p.label for p in Precision}
# the precisions a result is given, as ints (an enum member is looked up at each use)
_COUNTRY, _PROVINCE, _DISTRICT, _COMMUNE, _PLACE = (
    int(Precision.COUNTRY),
    int(Precision.PROVINCE),
    int(Precision.DISTRICT),
    int(Precision.COMMUNE),
    int(Precision.PLACE),
)


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
        1 point, 2 commune, 3 district, 4 province, 5 Cambodia only, ``None`` unmatched
        (:class:`compoundmap.schema.Precision`).
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
    confidence : str
        How sure the answer is: ``high`` (on every labelled set at most 1 answer in 100 is
        wrong), ``medium`` or ``low`` (check it), ``""`` when unmatched. See
        ``docs/geocoding.md``, "Confidence", for the reliability table.
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
    confidence: str = ""

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
            f"confidence {self.confidence or '-'}, score {self.score:.0f}, "
            f"method {self.method}, matched {self.matched_name!r}",
        ]
        codes = [c for c in (self.province_code, self.district_code, self.commune_code) if c]
        if codes:
            lines.append("  codes " + " / ".join(codes))
        for c in self.candidates:
            lines.append(f"  candidate {c['code']} {c['name']} (level {c['level']})")
        return "\n".join(lines)


#: How ``frame`` reads a string again (a string, or tokens it rewrote) into results: what
#: the second readings of ``landmark_typos``, ``kind_first`` and ``capital`` are given.
Reader = Callable[[str | tuple[Token, ...]], list[GeocodeResult]]


def _result(
    query: str,
    status: str,
    province_code: str | None,
    province_name: str | None,
    district_code: str | None,
    district_name: str | None,
    commune_code: str | None,
    commune_name: str | None,
    latitude: float | None,
    longitude: float | None,
    precision: int | None,
    score: float,
    method: str,
    matched_name: str | None,
    candidates: tuple[dict[str, Any], ...],
    confidence: str,
) -> GeocodeResult:
    """``GeocodeResult(...)`` with every field given, in field order (the one place results
    are built; the frozen dataclass's own ``__init__``: the module is compiled by mypyc,
    whose classes may not be built with ``object.__new__``).

    >>> values = [f"v{k}" for k in range(16)]  # the fields in order, as __init__ takes them
    >>> _result(*values) == GeocodeResult(*values), repr(_result(*values)) == repr(
    ...     GeocodeResult(*values)
    ... )
    (True, True)
    """
    return GeocodeResult(
        query,
        status,
        province_code,
        province_name,
        district_code,
        district_name,
        commune_code,
        commune_name,
        latitude,
        longitude,
        precision,
        score,
        method,
        matched_name,
        candidates,
        confidence,
    )


@lru_cache(maxsize=_SIZES.unit_cache_size)
def unit_name(code: str | None) -> str | None:
    """English (MEF 2025) name of a unit, ``None`` without a code."""
    return get_gazetteer().name(code) if code else None


@lru_cache(maxsize=_SIZES.unit_cache_size)
def unit_point(code: str | None) -> tuple[float | None, float | None]:
    """Representative point (lat, lon) of a unit; ``(None, None)`` when it has none."""
    if not code:
        return None, None
    row = get_gazetteer().unit(code)
    return float_or_none(row["lat"]), float_or_none(row["lon"])


def _fill_hierarchy(
    anchor: Entry, cluster: Sequence[Choice]
) -> tuple[str | None, str | None, str | None]:
    """(province, district, commune) of the anchor, filled from the other names of its
    cluster when the anchor stops short — only with what they all agree on: two names in
    different districts of the anchor's province leave the district empty, rather than
    taking the first one's."""
    prov, dist, comm = anchor.province_code, anchor.district_code, anchor.commune_code
    if dist and comm:
        return prov, dist, comm
    finer = [
        e
        for c in cluster
        for e in c.entries
        if consistent(e, anchor) and e.kind != "village" and e.province_code == prov
    ]
    if not dist:
        districts = {e.district_code for e in finer if e.district_code}
        dist = next(iter(districts)) if len(districts) == 1 else None
    if dist and not comm:
        communes = {e.commune_code for e in finer if e.district_code == dist and e.commune_code}
        comm = next(iter(communes)) if len(communes) == 1 else None
    return prov, dist, comm


def _town_point(anchor: Entry, mention: Mention) -> Entry | None:
    """The point-level place a district/commune anchor is named like (a town or village
    with coordinates), unless the string says "district"/"commune" (then it means the
    unit): first a place among the name's own readings, else the unit's GeoNames town."""
    if anchor.kind not in ("district", "commune") or not (mention.hint is None or mention.town):
        return None
    for e in mention.entries:
        if e.is_point and contains(anchor, e) and e.tier <= TIER_PLACE:
            return e
    return towns().get(anchor.code or "")


def _cluster_point(anchor: Entry, cluster: Sequence[Choice], dist: str | None) -> Entry | None:
    """For a curated place printed with no point and placed only in a district ("Mok Bay
    Casino", "Jinbei Casino"), the one point-level place the string names beside it in that
    district ("Bavet town; Mok Bay Casino", "Jinbei …, Sihanoukville"), or the town a
    name of that district is read as ("… in Bavet City", Thai "เมืองปอยเปต":
    :func:`_town_point`): its point is finer than the district's. A place known to a commune
    keeps the commune's point (O'Smach Resort is not at Samraong town)."""
    if anchor.tier != TIER_CURATED or (anchor.kind in KIND_LEVEL or anchor.kind == "place"):
        return None
    if anchor.is_point or dist is None or anchor.commune_code:
        return None  # a commune it lies in gives a closer point than a town
    points: dict[tuple[float | None, float | None], Entry] = {}
    for c in cluster:
        for e in c.mention.entries:
            if e.is_point:
                if e.district_code == dist and consistent(e, anchor):
                    points[e.lat, e.lon] = e
            elif e.kind == "district" and e.code == dist:
                town = _town_point(e, c.mention)
                if town is not None:
                    points[town.lat, town.lon] = town
    return next(iter(points.values())) if len(points) == 1 else None


def build_result(
    query: str,
    anchor: Entry,
    mention: Mention,
    cluster: Sequence[Choice],
    method: str,
    confidence: str = "",
) -> GeocodeResult:
    """The matched result of one place: the anchor reading, its hierarchy filled from its
    cluster, the finest point it has and the precision of that point (``confidence``: the
    band :func:`~compoundmap.geocode.confidence.assess` gave).

    Parameters
    ----------
    query : str
        The string as the caller gave it.
    anchor : Entry
        The reading chosen for the place.
    mention : Mention
        The name it was read on (its score, and the town word next to it).
    cluster : sequence of Choice
        The names of the string consistent with the anchor (the same place).
    method : str
        How the place was found (:func:`base_method`, with ``+context`` …).
    confidence : str, default ""
        The band: ``high``, ``medium`` or ``low``.

    Returns
    -------
    GeocodeResult
        The matched result.
    """
    prov, dist, comm = _fill_hierarchy(anchor, cluster)
    point_entry: Entry | None = anchor
    if not anchor.is_point:
        # (each function's first test, asked here too: most anchors pass neither)
        point_entry = (
            _town_point(anchor, mention) if anchor.kind in ("district", "commune") else None
        ) or (_cluster_point(anchor, cluster, dist) if anchor.tier == TIER_CURATED else None)
        if point_entry is not None:
            dist = dist or point_entry.district_code
            comm = comm or (point_entry.commune_code if anchor.depth >= 3 else None)
    if mention.edge and prov:
        # the outskirts of a town lie around it, often in another district: the province
        dist = comm = None
        point_entry = None
    lat: float | None
    lon: float | None
    if anchor.kind == "country":
        precision, lat, lon = _COUNTRY, None, None
    elif point_entry is not None:
        precision, lat, lon = _PLACE, point_entry.lat, point_entry.lon
    else:
        precision = _COMMUNE if comm else _DISTRICT if dist else _PROVINCE
        lat, lon = unit_point(comm or dist or prov)
        if lat is None and comm:
            # communes created after 2018 have no polygon: the district's point and precision
            precision = _DISTRICT
            lat, lon = unit_point(dist)
    return _result(
        query,
        "matched",
        prov,
        unit_name(prov),
        dist,
        unit_name(dist),
        comm,
        unit_name(comm),
        lat,
        lon,
        precision,
        mention.score,
        method,
        point_entry.name if point_entry is not None else anchor.name,
        (),
        confidence,
    )


def base_method(m: Mention, e: Entry) -> str:
    """``method`` of a result before ``+context``/``+hierarchy``: how the name was found,
    and for an exact look-up what kind of name it was.

    Parameters
    ----------
    m : Mention
        The name as found.
    e : Entry
        The reading chosen for it.

    Returns
    -------
    str
        ``m.method`` unless it is ``exact``; then ``country``, ``village``, ``exact`` (an
        official MEF 2025 name) or ``alias``.
    """
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
    """One alternative of an ambiguous result."""
    code = e.code or ""
    return {
        "code": code,
        "name": e.name if e.kind not in ("province", "district", "commune") else unit_name(code),
        "level": e.kind,
        "province_code": e.province_code,
    }


def ambiguous_result(query: str, entries: list[Entry], score: float, method: str) -> GeocodeResult:
    """Several places fit: they are the candidates, and the result is their common
    ancestor (district or province) when they share one, otherwise no location; its
    confidence is ``medium`` with a province, else ``low``.

    Parameters
    ----------
    query : str
        The string as the caller gave it.
    entries : list of Entry
        The places that fit (each unit once among the candidates).
    score : float
        The match score of the result.
    method : str
        How the places were found.

    Returns
    -------
    GeocodeResult
        The ambiguous result, the places as its candidates.
    """
    uniq: list[Entry] = []
    seen: set[tuple[str | None, str]] = set()
    for e in entries:
        k = (e.code, e.kind if e.kind == "village" else "")
        if k not in seen:
            seen.add(k)
            uniq.append(e)
    provs = {e.province_code for e in uniq}
    dists = {e.district_code for e in uniq}
    prov = next(iter(provs)) if len(provs) == 1 else None
    dist = next(iter(dists)) if prov and len(dists) == 1 else None
    precision: int | None = None
    lat = lon = None
    if dist:
        precision = _DISTRICT
        lat, lon = unit_point(dist)
    elif prov:
        precision = _PROVINCE
        lat, lon = unit_point(prov)
    return _result(
        query,
        "ambiguous",
        prov,
        unit_name(prov),
        dist,
        unit_name(dist),
        None,
        None,
        lat,
        lon,
        precision,
        score,
        method,
        uniq[0].name if uniq else None,
        tuple(_candidate(e) for e in uniq),
        "medium" if prov else "low",
    )


def unmatched_result(query: str) -> GeocodeResult:
    """Nothing in the string names a place."""
    return GeocodeResult(query=query, status="unmatched")
