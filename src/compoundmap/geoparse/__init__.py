"""Free text → place and nationality mentions with character spans.

Sits on top of the geocoder (sources → geocode → …): candidate spans are found in one pass
over the text (capitalised runs of Latin tokens looked up as n-grams in the geocoder's name
index, ``latin.py``; a character scan for Khmer, Thai and CJK, ``scripts.py``), and only
those few spans are geocoded (``places.py``). The names below are the public API
(``extract.py``, ``model.py``); thresholds are fields of
:class:`compoundmap.settings.Settings`.
"""

from __future__ import annotations

from .extract import (
    extract_file,
    extract_frame,
    extract_mentions,
    extract_nationalities,
    extract_places,
    extract_table,
)
from .model import MENTION_COLUMNS, CountryMention, PlaceMention

__all__ = [
    "MENTION_COLUMNS",
    "CountryMention",
    "PlaceMention",
    "extract_file",
    "extract_frame",
    "extract_mentions",
    "extract_nationalities",
    "extract_places",
    "extract_table",
]
