"""Which candidates are places in Cambodia, and which places: the geocoder decides each
candidate span, hierarchies ("Muoy village, Bei commune, Sihanoukville") are geocoded whole,
places the text puts abroad are dropped, and ambiguous names are settled by the document's
other places.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from ..geocode import GeocodeResult, geocode
from ..normalize import place_key, tokenize
from ..schema import Precision
from ..settings import depends_on_settings
from ..settings import get as get_settings
from .latin import latin_candidates
from .model import Candidate, PlaceMention
from .scripts import nonlatin_candidates, spaced_candidates
from .tables import NONLATIN_RE, SPACED_RE, country_table, place_table

__all__ = ["candidates", "resolve_mentions"]

_SIZES = get_settings()  # cache sizes are read once, here

T = TypeVar("T")


def candidates(text: str) -> list[Candidate]:
    """Candidates sorted by start, none overlapping (longest wins where the two scans
    meet)."""
    places, countries = place_table(), country_table()
    found = latin_candidates(text)
    extra: list[Candidate] = []
    if "capital" in text:
        extra.extend(
            Candidate(m.start(1), m.end(1), "place", m.end(1), True, query=_CAPITAL)
            for m in _CAPITAL_RE.finditer(text)
        )
    if NONLATIN_RE.search(text):
        extra.extend(nonlatin_candidates(text, places, countries))
    if SPACED_RE.search(text):
        extra.extend(spaced_candidates(text))
    if extra:
        found = _longest_non_overlapping([*found, *extra], lambda c: (c.start, c.end))
    return found


#: "the capital" without a name after it is Phnom Penh in a text about Cambodia (used only
#: when the text names no other country: see resolve_mentions).
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


class _Countries:
    """The text's foreign country names (a demonym locates nothing: "Bavet, Vietnamese
    officials said"), sorted by end and by start so that the few near a place are found by
    bisection: checking a place costs the same however long the text."""

    def __init__(self, countries: Sequence[Candidate]) -> None:
        self.by_end = sorted(countries, key=lambda c: c.end)
        self.ends = [c.end for c in self.by_end]
        self.by_start = sorted(countries, key=lambda c: c.start)
        self.starts = [c.start for c in self.by_start]

    def __bool__(self) -> bool:
        return bool(self.ends)

    def place_abroad(self, text: str, cand: Candidate) -> bool:
        """Whether the text puts ``cand`` in another country: a country name just before it
        with a possessive ("Thailand's Surin province", "Vietnam’s Moc Bai"), or one after
        it behind a comma or "in" with no "near", "opposite" … or sentence end between
        ("Moc Bai, Vietnam"; "Chong Chom … in Surin province, Thailand")."""
        cfg = get_settings()
        before = cfg.foreign_before_chars
        lo = bisect_left(self.ends, cand.start - before)
        for c in self.by_end[lo : bisect_right(self.ends, cand.start)]:
            if _POSSESSIVE_GAP_RE.fullmatch(text, c.end, cand.start):
                return True
        lo = bisect_left(self.starts, cand.end)
        for c in self.by_start[lo : bisect_right(self.starts, cand.end + cfg.foreign_after_chars)]:
            if 0 <= cand.start - c.end <= before:
                continue  # a country just before the place: only a possessive counts
            between = text[cand.end : c.start]
            if not _FOREIGN_NOT_IF.search(between) and _FOREIGN_GAP_RE.search(between):
                return True
        return False


_POSSESSIVE_GAP_RE = re.compile(r"['’]s?[ \t]*")
_FOREIGN_GAP_RE = re.compile(r"(?:,|\bin)\s*$")


@depends_on_settings
@lru_cache(maxsize=_SIZES.text_geocode_cache_size)
def _geocode(query: str, province: str | None = None) -> GeocodeResult:
    return geocode(query, province=province)


def _usable(result: GeocodeResult) -> bool:
    """A place in Cambodia (not Cambodia itself), or several that the text may settle."""
    if result.status == "ambiguous" and result.precision is None:
        return bool(result.candidates)
    precision = result.precision or Precision.COUNTRY
    return result.status in ("matched", "ambiguous") and precision <= Precision.PROVINCE


def _candidate_provinces(result: GeocodeResult) -> set[str]:
    codes = {str(c.get("province_code")) for c in result.candidates if c.get("province_code")}
    if result.province_code:
        codes.add(result.province_code)
    return codes


def _mention(text: str, cand: Candidate, r: GeocodeResult) -> PlaceMention:
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
        confidence=r.confidence,
    )


def _accepted(
    text: str, cand: Candidate, countries: _Countries
) -> tuple[Candidate, GeocodeResult] | None:
    """The candidate (possibly widened) and the geocoder's answer for it, or None when it is
    no place mention."""
    if countries and countries.place_abroad(text, cand):
        return None
    cfg = get_settings()
    wide_text = text[cand.wide[0] : cand.wide[1]] if cand.wide is not None else ""
    decision = _decide(
        _query(text, cand),
        wide_text,
        text[cand.start : cand.name_end],
        cand.context,
        cand.needs_context,
        cand.short,
        cand.loose,
        cfg.fallback_min_score if cand.fallback else cfg.wide_min_score,
        cand.typo,
    )
    if decision is None:
        return None
    widened, result = decision
    if widened and cand.wide is not None:
        a, b = cand.wide
        cand = cand._replace(start=a, end=max(b, cand.end), wide=None, loose=False)
    return cand, result


@depends_on_settings
@lru_cache(maxsize=_SIZES.text_decision_cache_size)
def _decide(
    query: str,
    wide_text: str,
    narrow_text: str,
    context: bool,
    needs_context: bool,
    short: bool,
    loose: bool,
    min_score: float,
    typo: bool = False,
) -> tuple[bool, GeocodeResult] | None:
    """Whether a candidate is a place, and the geocoder's answer: ``(widened, result)``.
    Depends only on the strings and flags, so cached across documents. A ``typo``
    candidate (a capitalised run the index does not hold, with no admin word) is a place
    only as a misspelt province or district, never a commune or village."""
    if wide_text:
        # "Boeng Tompun", "Ouddar Meanchey": the geocoder's spelling variants may know the
        # whole name where the index only knows one of its words
        wide = _geocode(wide_text)
        matched = place_key(wide.matched_name or "")
        if (
            _usable(wide)
            and wide.score >= min_score
            and len(matched) > len(place_key(narrow_text))
            # the geocoder read the whole span, not a name inside it ("Angkor" of "Angkor
            # Wat" is Angkor Borei in Takeo)
            and max(
                fuzz.ratio(matched, place_key(wide_text)),
                fuzz.ratio(_full_key(wide.matched_name or ""), _full_key(wide_text)),
            )
            >= get_settings().wide_min_score
            and (
                not typo
                or (
                    wide.status == "matched"
                    and wide.precision in (Precision.DISTRICT, Precision.PROVINCE)
                )
            )
        ):
            return True, wide
    if needs_context and not context:
        return None
    result = _geocode(query)
    if not _usable(result):
        return None
    # an ambiguous name that shares no province counts as finer than one
    precision = result.precision or Precision.DISTRICT
    if not context and short and precision < Precision.PROVINCE:
        return None  # "Kep" is a province; a three-letter village name needs "village"
    if loose and precision < Precision.PROVINCE:
        # "Boeng" of "Boeng Tompun", "Sung" of "Khok Sung district" (Thailand): one word of
        # a longer name we do not know, also when an admin word follows the longer name
        return None
    return False, result


def _full_key(name: str) -> str:
    """Folded tokens joined, admin words and stopwords kept ("O’Tres beach" → "otresbeach")."""
    return "".join(t.text for t in tokenize(name))


def _query(text: str, cand: Candidate) -> str:
    return cand.query or text[cand.start : cand.end]


#: Between a place and the larger unit it lies in: "Chrey Thum City, Kandal Province",
#: "Phum Buaon, in Preah Sihanouk province".
_PARENT_GAP_RE = re.compile(r"[ \t]*,?[ \t]*(?:(?:in|of)[ \t]+(?:the[ \t]+)?)?")


def _chains(text: str, found: Sequence[tuple[Candidate, GeocodeResult]]) -> list[int]:
    """For each found place, the index of the last place of the hierarchy it starts
    ("Muoy village, Bei commune, Sihanoukville"): itself when it starts none. A hierarchy is
    places joined by a comma or "in", with an admin word somewhere in it (a bare list
    "Kandal, Pursat" is no hierarchy)."""
    n = len(found)
    last = list(range(n))
    # next_context[k]: the first place from k on with an admin word next to it (n: none),
    # so "an admin word somewhere in k..end" is one comparison, not a scan
    next_context = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        next_context[k] = k if found[k][0].context else next_context[k + 1]
    for k in range(n - 2, -1, -1):
        cand, _ = found[k]
        nxt, _ = found[k + 1]
        if cand.kind == nxt.kind == "place" and _PARENT_GAP_RE.fullmatch(text, cand.end, nxt.start):
            end = last[k + 1]
            if next_context[k] <= end:
                last[k] = end
    return last


def resolve_mentions(text: str, cands: Sequence[Candidate]) -> list[PlaceMention]:
    """The place mentions among the candidates, by start: each accepted by the geocoder
    (:func:`_accepted`), hierarchies geocoded whole, overlapping widened names resolved to
    the longest, and ambiguous names settled by the provinces of the document's other
    places.

    "The capital" is read as Phnom Penh only when the text names no other country.

    Parameters
    ----------
    text : str
        The text the candidates were found in.
    cands : sequence of Candidate
        From :func:`candidates`, sorted by start; country candidates are used only as
        context.

    Returns
    -------
    list of PlaceMention
        The accepted places, sorted by start, none overlapping.

    Examples
    --------
    >>> t = "Police raided a compound in Poipet, Banteay Meanchey."
    >>> [(m.text, m.province_code) for m in resolve_mentions(t, candidates(t))]
    [('Poipet', '01'), ('Banteay Meanchey', '01')]
    """
    countries = _Countries(
        [
            c
            for c in cands
            if c.country is not None and c.country[0] != "KH" and c.country[1] == "name"
        ]
    )
    found: list[tuple[Candidate, GeocodeResult]] = []
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
        # widened names can overlap
        found = _longest_non_overlapping(found, lambda h: (h[0].start, h[0].end))
    found = _settle_by_parent(text, found)
    # Other places in the document settle ambiguous names: Samraong next to Oddar Meanchey.
    context = {r.province_code for _, r in found if r.status == "matched" and r.province_code}
    out: list[PlaceMention] = []
    for cand, result in found:
        if result.status == "ambiguous":
            hits = sorted(_candidate_provinces(result) & context)
            if len(hits) == 1:
                settled = _geocode(_query(text, cand), hits[0])
                if _usable(settled) and settled.province_code == hits[0]:
                    result = replace(settled, confidence=_at_most_medium(settled.confidence))
        out.append(_mention(text, cand, result))
    return out


_SENTENCE_END_RE = re.compile(r"[.!?。！？\n]\s")


def _settle_by_parent(
    text: str, found: list[tuple[Candidate, GeocodeResult]]
) -> list[tuple[Candidate, GeocodeResult]]:
    """A commune or village name that several units share, read in one province, is read
    in another when the same sentence names that province right after it ("die Stadt
    Trapeang Sre in der kambodschanischen Provinz Kratie"): the name and the province are
    geocoded together, as a location field writing them would be, and the reading inside
    that province is taken when there is one. Towns and names already placed by a name
    around them keep their reading."""
    cfg = get_settings()
    out = list(found)
    starts = [cand.start for cand, _ in found]
    by_start = all(a <= b for a, b in zip(starts, starts[1:], strict=False))
    for k, (cand, r) in enumerate(found):
        if (
            r.status != "matched"
            or r.precision is None
            or r.precision not in (Precision.COMMUNE, Precision.PLACE)
            or "+" in r.method
            or r.method == "alias"
        ):
            continue
        stop = _SENTENCE_END_RE.search(text, cand.end)
        limit = min(stop.start() if stop else len(text), cand.end + cfg.foreign_after_chars)
        # mentions by start: only those before the limit are read (linear in the text)
        upto = bisect_left(starts, limit, lo=k + 1) if by_start else len(found)
        parents = [
            (pc, pr)
            for pc, pr in found[k + 1 : upto]
            if pc.start < limit
            and pr.status == "matched"
            and pr.precision == Precision.PROVINCE
            and pr.province_code != r.province_code
        ]
        if len(parents) != 1:
            continue
        pc, pr = parents[0]
        again = _geocode(f"{_query(text, cand)}, {text[pc.start : pc.end]}")
        if (
            again.status == "matched"
            and again.province_code == pr.province_code
            and again.precision is not None
            and again.precision < Precision.PROVINCE
        ):
            out[k] = (cand, replace(again, confidence=_at_most_medium(again.confidence)))
    return out


def _at_most_medium(band: str) -> str:
    """A band capped at ``medium``: the text around the name, not the name, decided."""
    return "medium" if band == "high" else band


def _longest_non_overlapping(items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> list[T]:
    """Where spans overlap, the longest (then the first) is kept; the result is by start.

    The greedy choice (longest first, kept when it overlaps nothing kept) runs separately
    on each group of spans chained by overlaps: a span's fate depends only on spans of its
    group, so the answer is that of one global greedy pass, at the cost of a sort instead of
    a comparison with every span kept so far (quadratic on a long text).
    """
    spans = [span(item) for item in items]
    order = sorted(range(len(items)), key=lambda i: (spans[i][0] - spans[i][1], spans[i][0]))
    rank = [0] * len(items)
    for r, i in enumerate(order):
        rank[i] = r
    kept: list[int] = []
    for group in _overlap_groups(spans):
        chosen: list[tuple[int, int]] = []
        for i in sorted(group, key=rank.__getitem__):
            start, end = spans[i]
            if all(end <= s or start >= e for s, e in chosen):
                chosen.append(spans[i])
                kept.append(i)
    return [items[i] for i in sorted(kept, key=lambda i: (spans[i][0], rank[i]))]


def _overlap_groups(spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Indexes of ``spans`` in groups: sorted by start, a span joins the group before it
    when it starts before that group's furthest end. Spans of different groups never
    overlap."""
    groups: list[list[int]] = []
    reach = 0
    for i in sorted(range(len(spans)), key=lambda i: spans[i]):
        start, end = spans[i]
        if groups and start < reach:
            groups[-1].append(i)
            reach = max(reach, end)
        else:
            groups.append([i])
            reach = end
    return groups
