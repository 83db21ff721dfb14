"""Offline geocoder: a place string → admin unit, point, precision, score and how it matched.

Second stage of the flow (sources → **geocode** → boundaries → compounds): it reads only the
gazetteer, ``normalize`` and ``settings``. One module per job, in the order a string meets
them:

- ``index``: the name index (every name → what it may mean), built once and cached;
- ``tokens``: a string's tokens, runs of Khmer, Thai and CJK split into names and admin words;
- ``khmer``: what ``tokens`` reads in Khmer runs beyond exact names (signs written otherwise
  after an admin word, ordinary words that name a village, a name a space splits);
- ``spot``: the chain of matching passes that finds the names a string mentions;
- ``variants``: the phonetic and fuzzy passes for names not written as indexed;
- ``edits``: the one-edit pass for typos of province, district and town names;
- ``parent_edits``: a commune or district one typo away inside the unit the string names;
- ``resolve``: what the mentions mean together (admin words, support, context, one place
  per round);
- ``placement``: which names the words between them place one inside the other ("Anlong
  Veng in northern Siem Reap"), read by the confidence bands;
- ``result``: :class:`GeocodeResult` and how one is built;
- ``frame``: the entry points :func:`geocode`, :func:`geocode_places`, :func:`geocode_frame`;
- ``online``: the optional Nominatim fallback.

The names below are the public API; everything else in the submodules may change. Every
threshold is a field of :class:`compoundmap.settings.Settings`. See ``docs/geocoding.md``.
"""

from __future__ import annotations

from .frame import FRAME_COLUMNS, geocode, geocode_frame, geocode_places
from .index import TIER_CURATED, TIER_OFFICIAL, TIER_PLACE, TIER_VILLAGE, Entry, name_index
from .result import PRECISION_LABELS, GeocodeResult

__all__ = [
    "FRAME_COLUMNS",
    "PRECISION_LABELS",
    "TIER_CURATED",
    "TIER_OFFICIAL",
    "TIER_PLACE",
    "TIER_VILLAGE",
    "Entry",
    "GeocodeResult",
    "geocode",
    "geocode_frame",
    "geocode_places",
    "name_index",
]
