"""What the geoparser returns (:class:`PlaceMention`, :class:`CountryMention`, the columns
of :func:`~compoundmap.geoparse.extract_frame`) and the candidate spans it weighs on the way.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal, NamedTuple

__all__ = ["MENTION_COLUMNS", "Candidate", "CountryMention", "PlaceMention"]

#: Columns of :func:`extract_frame`, one row per mention.
MENTION_COLUMNS = [
    "row",
    "text",
    "start",
    "end",
    "kind",
    "province_code",
    "district_code",
    "commune_code",
    "country_code",
    "precision",
    "match_score",
    "confidence",
]


# --- mentions ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceMention:
    """A Cambodian place named in a text, with the geocoder's answer for it.

    ``text`` is ``source[start:end]`` (offsets into the string given to
    :func:`extract_places`). The remaining fields are the geocoder's
    (:class:`~compoundmap.geocode.GeocodeResult`); ``precision`` follows the project's scale
    (1 point … 4 province). ``status`` is ``matched``, or ``ambiguous`` when neither the name
    nor the document's other places settle which unit is meant. ``confidence`` is the
    geocoder's band (:attr:`~compoundmap.geocode.GeocodeResult.confidence`), no surer than
    ``medium`` when the document's other places settled the name.
    """

    text: str
    start: int
    end: int
    province_code: str | None
    province_name: str | None
    district_code: str | None
    district_name: str | None
    commune_code: str | None
    commune_name: str | None
    latitude: float | None
    longitude: float | None
    precision: int | None
    score: float
    method: str
    matched_name: str | None
    status: str
    country_code: str = "KH"
    confidence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The mention as a plain dict (JSON-ready)."""
        return asdict(self)


@dataclass(frozen=True)
class CountryMention:
    """A country named in a text, by its name or by a demonym.

    ``country_code`` is the ISO 3166-1 alpha-2 code; ``form`` is ``name`` ("Vietnam",
    "越南") or ``demonym`` ("Vietnamese", "ベトナム人").
    """

    text: str
    start: int
    end: int
    country_code: str
    country_name: str
    alpha_3: str
    form: Literal["name", "demonym"]

    def to_dict(self) -> dict[str, Any]:
        """The mention as a plain dict (JSON-ready)."""
        return asdict(self)


class Candidate(NamedTuple):
    """A span of the text that may name a place or a country, before the geocoder decides."""

    start: int
    end: int
    kind: Literal["place", "country"]
    name_end: int  # end of the name itself (an admin word after it excluded)
    context: bool  # an admin word next to it ("Bei commune", "Sangkat Pir")
    country: tuple[str, str] | None = None  # (alpha-2, form)
    needs_context: bool = False  # an ordinary word too: a place only with context
    short: bool = False  # one word of three letters or fewer: a province (Kep) or context
    loose: bool = False  # one word inside a longer capitalised name we do not know
    query: str = ""  # what to geocode, when not the span's text
    wide: tuple[int, int] | None = None  # a loose word with its unknown neighbours
    fallback: bool = False  # no name in the index, but an admin word: ask the geocoder
    typo: bool = False  # no name in the index, no admin word: a province/district typo only
