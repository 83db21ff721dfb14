"""Several places in one field: what ``geocode_places`` and ``geocode`` do with the results
of resolving (``resolve.py``) once a string names more than one place — nested names are
one place, and an ambiguous name is settled by the field's other places (split from
``places.py`` in round 11).
"""

from __future__ import annotations

from dataclasses import replace

from ..schema import Precision
from .context import parse_context
from .index import Entry
from .resolve import resolve_places
from .result import GeocodeResult, ambiguous_result

__all__ = ["merge_nested", "second_chance", "several_places"]


def several_places(text: str, results: list[GeocodeResult]) -> GeocodeResult:
    """Several distinct places in one string: ambiguous, resolved to a shared ancestor,
    the places as candidates.

    Parameters
    ----------
    text : str
        The string as written.
    results : list of GeocodeResult
        The places found in it (at least one).

    Returns
    -------
    GeocodeResult
        One ambiguous result at the finest unit the matched places share, method
        ``multiple``, the places as candidates, confidence ``medium`` (``low`` when they
        share no province); the first of ``results`` when none is matched.
    """
    matched = [r for r in results if r.status == "matched" and r.province_code]
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
        for r in matched
    ]
    if not entries:
        return results[0]
    out = ambiguous_result(text, entries, min(r.score for r in results), "multiple")
    cands = tuple(
        {
            "code": r.commune_code or r.district_code or r.province_code or "",
            "name": r.commune_name or r.district_name or r.province_name,
            "level": "commune" if r.commune_code else "district" if r.district_code else "province",
            "province_code": r.province_code,
        }
        for r in matched
    )
    band = "medium" if out.province_code else "low"
    return replace(out, candidates=cands, confidence=band)


def second_chance(
    text: str, results: list[GeocodeResult], provinces: frozenset[str]
) -> list[GeocodeResult]:
    """An ambiguous name gets a second chance with the provinces of the field's other
    places (and the stated ones): when exactly one candidate lies in them, it is taken.

    Parameters
    ----------
    text : str
        The string as written.
    results : list of GeocodeResult
        The places found in it.
    provinces : frozenset of str
        The provinces the caller states; with those of the matched places, the context the
        candidate's name is read again in.

    Returns
    -------
    list of GeocodeResult
        ``results`` in their order, each ambiguous one settled this way replaced by its
        candidate (method ``+hierarchy``, no surer than ``medium``).
    """
    matched = [r for r in results if r.status == "matched"]
    provs = {r.province_code for r in matched if r.province_code}
    extra = ";".join(sorted(provs | set(provinces)))
    out: list[GeocodeResult] = []
    for r in results:
        if r.status == "ambiguous":
            fits = [c for c in r.candidates if c.get("province_code") in provs]
            if len(fits) == 1:
                code = str(fits[0]["code"])
                again = resolve_places(text, str(fits[0]["name"] or ""), parse_context(extra, None))
                hit = [
                    a
                    for a in again
                    if a.status == "matched"
                    and code in (a.commune_code, a.district_code, a.province_code)
                ]
                if hit:
                    # settled by the field's other places, re-read without the words
                    # around the name: no surer than "medium"
                    band = "medium" if hit[0].confidence == "high" else hit[0].confidence
                    r = replace(
                        hit[0],
                        query=text,
                        candidates=(),
                        method=hit[0].method + "+hierarchy",
                        confidence=band,
                    )
        out.append(r)
    return out


def _nested(a: GeocodeResult, b: GeocodeResult) -> bool:
    """Whether two matched results lie one inside the other (same chain of codes)."""
    if a.status != "matched" or b.status != "matched":
        return False
    if a.precision == Precision.COUNTRY or b.precision == Precision.COUNTRY:
        return False
    if a.province_code != b.province_code:
        return False
    if a.district_code and b.district_code and a.district_code != b.district_code:
        return False
    return not (a.commune_code and b.commune_code and a.commune_code != b.commune_code)


def merge_nested(results: list[GeocodeResult]) -> list[GeocodeResult]:
    """Results that lie inside one another are one place (kept: the finer)."""
    merged: list[GeocodeResult] = []
    for r in results:
        for k, m in enumerate(merged):
            if _nested(r, m):
                if (r.precision or 9) < (m.precision or 9):
                    merged[k] = r
                break
        else:
            merged.append(r)
    return merged
