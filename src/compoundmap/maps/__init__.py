"""Interactive maps (folium, offline) and the print map of the registry's sites.

Last stage of the flow (… → compounds → summaries → **maps**). :func:`compound_map` builds
one page, :func:`write_maps` publishes the overview, one page per province and the PNG.
"""

from __future__ import annotations

from .page import MAP_FILES, compound_map, write_maps, write_maps_into
from .popups import ATTRIBUTIONS
from .static import static_choropleth

__all__ = [
    "ATTRIBUTIONS",
    "MAP_FILES",
    "compound_map",
    "static_choropleth",
    "write_maps",
    "write_maps_into",
]
