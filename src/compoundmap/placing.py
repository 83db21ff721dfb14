"""The places of one location text, by the first rule that applies, in order of authority:
an analyst override, the source's own coordinates, the geocoder (with the stated province
and district or town as context), and finally the province the source states.

Used by :mod:`compoundmap.locate`, which runs these rules once per distinct location and
joins the results to the boundaries. Each place is a dict of the ``LOCATION_COLUMNS``
that one place fills.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._util import float_or_none, split_list, text_of
from .boundaries import ADMIN_UNIT_COLUMNS
from .errors import GeocodeError
from .gazetteer import get_gazetteer
from .geocode import GeocodeResult, geocode, geocode_places
from .geocode.context import parse_context
from .normalize import normalize
from .schema import Precision

__all__ = ["ProvinceNames", "from_geocoder", "override_index", "pick_override", "places_of"]

_ADMIN = ADMIN_UNIT_COLUMNS
# The overrides file keeps its own documented scale: 1 a point, 2 commune, 3 district,
# 4 province. An override's point is a curated place, never the site itself.
_OVERRIDE_PRECISION = {
    1: Precision.PLACE,
    2: Precision.COMMUNE,
    3: Precision.DISTRICT,
    4: Precision.PROVINCE,
}


def from_geocoder(precision: int | None) -> Precision | None:
    """A geocoder answer's precision as a :class:`~compoundmap.schema.Precision`.

    Examples
    --------
    >>> from_geocoder(2).label, from_geocoder(5).label, from_geocoder(None)
    ('named place', 'province only', None)
    """
    return None if precision is None else Precision(int(precision))


class ProvinceNames:
    """Stated province names → MEF 2025 codes (cached per name).

    A stated province is a province, so a name is first looked up among the province
    names and variants of the gazetteer ("Phnom Penh" is also a commune in Prey Veng); the
    geocoder is asked only for spellings the gazetteer does not list.
    """

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}
        aliases = get_gazetteer().aliases
        provinces = aliases[aliases["level"] == 1]
        by_key: dict[str, set[str]] = {}
        for alias, code in zip(provinces["alias"], provinces["code"], strict=True):
            by_key.setdefault(normalize(alias), set()).add(str(code))
        self.by_key = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1 and k}

    def code(self, name: str) -> str:
        """The code of a stated province name; ``""`` when it names no single province.

        Parameters
        ----------
        name : str
            A province as a source states it (any spelling the gazetteer or geocoder
            reads).

        Returns
        -------
        str
            The two-digit MEF 2025 code, or ``""``.
        """
        key = name.casefold()
        if key not in self.cache:
            self.cache[key] = self.by_key.get(normalize(name), "") or self._geocoded(name)
        return self.cache[key]

    @staticmethod
    def _geocoded(name: str) -> str:
        result = geocode(name)
        if (
            result.status == "matched"
            and result.precision == Precision.PROVINCE
            and result.province_code
        ):
            return str(result.province_code)
        codes = {str(c["code"]) for c in result.candidates if c.get("level") == "province"}
        return codes.pop() if len(codes) == 1 else ""


def _unit_fields(code: str) -> dict[str, str]:
    """Admin columns for a 2025 code and its parents."""
    return get_gazetteer().unit_columns(code)


def _place(text: str, **values: Any) -> dict[str, Any]:
    place: dict[str, Any] = {"location_part": text, "latitude": None, "longitude": None}
    place.update(values)
    return place


def _from_result(result: GeocodeResult) -> dict[str, Any]:
    place: dict[str, Any] = dict.fromkeys(_ADMIN, "")
    for level in ("province", "district", "commune"):
        place[f"{level}_code"] = text_of(getattr(result, f"{level}_code", ""))
        place[f"{level}_name"] = text_of(getattr(result, f"{level}_name", ""))
    finest = place["commune_code"] or place["district_code"] or place["province_code"]
    if finest and get_gazetteer().has(finest):
        place.update(_unit_fields(finest))
    return _place(
        text_of(result.query),
        **{k: v for k, v in place.items()},
        latitude=float_or_none(result.latitude),
        longitude=float_or_none(result.longitude),
        precision=from_geocoder(result.precision),
        match_score=float_or_none(result.score),
        match_confidence=text_of(result.confidence),
        match_method=text_of(result.method),
        match_status=text_of(result.status),
        matched_name=text_of(result.matched_name),
    )


def _from_override(ov: pd.Series, text: str) -> dict[str, Any]:
    code = text_of(ov["code"])
    fields: dict[str, Any] = _unit_fields(code) if code else dict.fromkeys(_ADMIN, "")
    lat, lon = float_or_none(ov["latitude"]), float_or_none(ov["longitude"])
    if lat is None and code:
        unit = get_gazetteer().unit(code)
        lat, lon = float_or_none(unit["lat"]), float_or_none(unit["lon"])
    return _place(
        text,
        **fields,
        latitude=lat,
        longitude=lon,
        precision=_OVERRIDE_PRECISION[int(ov["precision"])],
        match_score=100.0,
        match_confidence="high",
        match_method="override",
        match_status="matched",
        matched_name=get_gazetteer().name(code) if code else text,
    )


def _from_stated(code: str, name: str) -> dict[str, Any]:
    return _place(
        name,
        **_unit_fields(code),
        precision=Precision.PROVINCE,
        match_score=100.0,
        match_confidence="high",
        match_method="stated_province",
        match_status="matched",
        matched_name=get_gazetteer().name(code),
    )


def _from_source_point(lat: float, lon: float, text: str) -> dict[str, Any]:
    return _place(
        text,
        **dict.fromkeys(_ADMIN, ""),
        latitude=lat,
        longitude=lon,
        precision=Precision.SITE,
        match_score=100.0,
        match_confidence="high",
        match_method="source_coordinates",
        match_status="matched",
        matched_name="",
    )


def _unmatched(text: str) -> dict[str, Any]:
    return _place(
        text,
        **dict.fromkeys(_ADMIN, ""),
        precision=None,
        match_score=0.0,
        match_confidence="",
        match_method="",
        match_status="unmatched",
        matched_name="",
    )


def override_index(overrides: pd.DataFrame | None) -> dict[str, list[tuple[int, str]]]:
    """location_text (case-folded) → [(override row, stated province as written)]."""
    index: dict[str, list[tuple[int, str]]] = {}
    if overrides is None:
        return index
    for i, (text, prov) in enumerate(
        zip(overrides["location_text"], overrides["province_as_reported"], strict=True)
    ):
        index.setdefault(text_of(text).casefold(), []).append((i, text_of(prov)))
    return index


def pick_override(
    candidates: list[tuple[int, str]], stated: list[str], provinces: ProvinceNames
) -> int | None:
    """The override stating one of the report's provinces, else the one stating none.

    Parameters
    ----------
    candidates : list of tuple of (int, str)
        The overrides whose ``location_text`` is the report's, as (row position, stated
        province) from :func:`override_index`.
    stated : list of str
        The codes of the provinces the report states.
    provinces : ProvinceNames
        Reads an override's stated province as a code.

    Returns
    -------
    int or None
        The row position of the first override whose province is one of ``stated``, else
        of the first that states no province, else None.

    Examples
    --------
    >>> names = ProvinceNames()
    >>> overrides = [(0, "Kandal"), (1, "")]
    >>> pick_override(overrides, ["08"], names), pick_override(overrides, ["18"], names)
    (0, 1)
    >>> pick_override([(0, "Kandal")], ["18"], names) is None
    True
    """
    for i, prov in candidates:
        if prov and provinces.code(prov) and provinces.code(prov) in stated:
            return i
    return next((i for i, prov in candidates if not prov), None)


def _geocoded(
    text: str, province: str | None, town: str | None, notes: list[str]
) -> list[GeocodeResult]:
    """The places of a location text, with the stated province and district or town as
    context. A town, checkpoint or landmark that is not itself a district ("Bavet", "Chrey
    Thom") gives the district it lies in. A value left out of the context is reported in
    ``notes``, never silently dropped: a district outside the stated province with its
    value, a finer place that singles out no district (a street, village or landmark the
    gazetteer does not hold) with :data:`FINER_PLACE_NOTE`, one line for all such rows."""
    if town:
        try:
            return geocode_places(text, province=province, district=town)
        except GeocodeError as exc:
            districts = _districts_of_towns(town, province)
            if districts:
                try:
                    return geocode_places(text, province=province, district=districts)
                except GeocodeError:
                    pass
            notes.append(FINER_PLACE_NOTE if _names_no_district(town) else f"{_TOWN}: {exc}")
    return geocode_places(text, province=province)


_TOWN = "district_or_town_as_reported"
#: The note of a report whose stated district or town is a finer place that singles out no
#: district: identical for every such report, so the build prints one line naming them all.
FINER_PLACE_NOTE = (
    f"{_TOWN}: a finer place (street, village, landmark…) that singles out no district "
    "the gazetteer knows; located from location_text and the stated province alone"
)


def _names_no_district(town: str) -> bool:
    """True when some part of ``town`` is no district name at all (rather than a district
    outside the stated province)."""
    try:
        parse_context(None, town)
    except GeocodeError:
        return True
    return False


def _districts_of_towns(town: str, province: str | None) -> str | None:
    """The districts the parts of a stated town lie in, when every part is a matched
    place with a district inside the stated province (codes joined by ``;``)."""
    codes: list[str] = []
    for part in split_list(town):
        try:
            found = geocode(part, province=province)
        except GeocodeError:
            return None
        if found.status != "matched" or not found.district_code:
            return None
        if province and found.province_code not in province.split(";"):
            return None
        codes.append(found.district_code)
    return ";".join(dict.fromkeys(codes)) or None


def places_of(
    rec: dict[str, Any],
    stated: list[str],
    stated_names: list[str],
    override: pd.Series | None,
    notes: list[str],
) -> list[dict[str, Any]]:
    """The places of one report, by the first rule that applies (a context the geocoder
    refused is added to ``notes``).

    The rules, in order: a location override; the source's own coordinates; the geocoded
    ``location_text`` with the stated provinces and district or town as context; when
    that finds no province, the stated provinces themselves. A stated district or town
    then makes a place known only to its province finer when it lies in that province.

    Parameters
    ----------
    rec : dict
        The report's ``location_text``, ``district_or_town_as_reported``, ``latitude`` and
        ``longitude``.
    stated : list of str
        The codes of the provinces the report states.
    stated_names : list of str
        Their names as the report writes them, aligned with ``stated``.
    override : pandas.Series, optional
        The override row that applies (:func:`pick_override`), if any.
    notes : list of str
        Appended to, in place: each context value the geocoder refused.

    Returns
    -------
    list of dict
        At least one place, each with ``location_part``, its admin codes and names, its
        point (None when it has none), ``precision`` and ``match_method``.
    """
    text = text_of(rec["location_text"])
    lat, lon = float_or_none(rec.get("latitude")), float_or_none(rec.get("longitude"))
    if override is not None:
        return [_from_override(override, text)]
    if lat is not None and lon is not None:
        return [_from_source_point(lat, lon, text)]
    town = text_of(rec.get("district_or_town_as_reported"))
    results = _geocoded(text, ";".join(stated) or None, town or None, notes)
    places = [_from_result(r) for r in results] or [_unmatched(text)]
    if stated and not any(p["province_code"] for p in places):
        # The geocoder found no province in the text, but the source states one: locate
        # the report to the stated province(s), never to a point.
        names = dict(zip(stated, stated_names, strict=True))
        places = [_from_stated(code, names[code]) for code in dict.fromkeys(stated)]
    return [_refined_by_town(p, town) for p in places] if town else places


def _refined_by_town(place: dict[str, Any], town: str) -> dict[str, Any]:
    """A place known only to its province, made finer by the district or town the source
    states (``district_or_town_as_reported``) when that lies in the same province."""
    prec, province = place.get("precision"), place.get("province_code")
    by_context = prec == Precision.DISTRICT and "+context" in str(place.get("match_method"))
    if prec is None or (prec != Precision.PROVINCE and not by_context) or not province:
        return place
    for part in split_list(town):
        found = geocode(part, province=province)
        finer = from_geocoder(found.precision)
        if found.status == "matched" and found.province_code == province and finer and finer < prec:
            refined = _from_result(found)
            refined.update(
                location_part=place["location_part"],
                match_method=f"stated_place ({refined['match_method']})",
            )
            return refined
    return place
