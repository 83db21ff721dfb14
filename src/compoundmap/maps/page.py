"""The interactive maps: one page for Cambodia, one per province with events, and their files.

Builds a folium map from the published tables, with every payload in a JSON data block
(:mod:`._folium`) and the vendored Leaflet runtime inlined, so the page works offline and
no source text is ever evaluated as a template.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
from folium.plugins import Fullscreen

from ..boundaries import load_boundaries
from ..errors import MapError
from ..publish import check_output_dirs, published_dirs
from ..schema import Precision
from ._folium import DataBlocks, JsCall, JsLayer, add_assets, render
from ._html import esc, records, require, text
from .layers import classify, district_features, markers, province_features, province_table
from .popups import about_html, legend_html, province_popup, title_html
from .static import static_choropleth

__all__ = ["MAP_FILES", "compound_map", "write_maps", "write_maps_into"]

#: Files a build writes into the maps folder (recognised there before manifests).
MAP_FILES = ("index.html", "provinces/[0-9][0-9].html", "compounds_by_province.png")

_SHORT_ATTRIBUTION = (
    "Boundaries: OCHA/HDX COD-AB, geoBoundaries/ODC; names: MEF 2025, GeoNames; "
    "credits in About this map"
)
# On the map itself, not a tile layer: markercluster needs maxZoom and no tiles show at start.
_MAP_OPTIONS: dict[str, Any] = {"minZoom": 5, "maxZoom": 18, "zoomSnap": 0.5}
_DEFAULT_TITLE = "Reported scam compounds in Cambodia"
_CAMBODIA_CENTER = (12.6, 104.9)


def _province_popups(
    provinces: gpd.GeoDataFrame,
    compounds: pd.DataFrame,
    events: pd.DataFrame,
    n_marked: Mapping[str, int],
    focus: str | None,
) -> dict[str, str]:
    sites = [s for s in records(compounds) if text(s.get("record_status")) == "active"]
    only: dict[str, list[dict[str, Any]]] = {}
    for s in sites:
        if s.get("precision") is not None and str(s.get("precision")) == str(
            int(Precision.PROVINCE)
        ):
            only.setdefault(text(s.get("province_code")), []).append(s)
    unlinked: dict[str, list[dict[str, Any]]] = {}
    for e in records(events):
        if e["attribution"] == "province" and not text(e.get("compound_id")):
            unlinked.setdefault(text(e["province_code"]), []).append(e)
    popups = {}
    for _, p in provinces.iterrows():
        code = str(p["code"])
        elsewhere = focus is not None and code != focus  # province pages stay light
        popups[code] = province_popup(
            p.to_dict(),
            [] if elsewhere else only.get(code, []),
            [] if elsewhere else sorted(unlinked.get(code, []), key=lambda e: e["event_date"]),
            n_marked.get(code, 0),
            listed_elsewhere=elsewhere,
        )
    return popups


def compound_map(
    compounds: gpd.GeoDataFrame,
    events: pd.DataFrame,
    province_summary: pd.DataFrame,
    *,
    province_code: str | None = None,
    tiles: bool = True,
    title: str | None = None,
    release: Mapping[str, str] | None = None,
) -> folium.Map:
    """Build a self-contained interactive map of the registry's sites and their events.

    Parameters
    ----------
    compounds, events, province_summary : DataFrame
        The published ``compounds``, ``events`` and ``province_summary`` tables
        (``docs/data.md``).
    province_code : str, optional
        MEF 2025 province code (``"18"``; ``"3"`` is read as ``"03"``): a map zoomed to
        that province, with its district outlines and only its sites.
    tiles : bool, default True
        Offer OpenStreetMap tiles as an optional base layer (off at start).
    title : str, optional
        Page and panel title; defaults to "Reported scam compounds in <place>".
    release : mapping, optional
        ``version`` and ``created`` of the data, shown in the title and About panels.

    Returns
    -------
    folium.Map
        Save it with :func:`write_maps`; the HTML references no network resource.

    Notes
    -----
    A site is drawn as a pin only at coordinates a cited source gives; sites known to a
    named place, commune or district share one marker at that place; sites known only to
    their province are listed in its popup; events about the whole country or several
    provinces are listed in the About panel.

    Examples
    --------
    >>> m = compound_map(tables.compounds, tables.events, tables.province_summary)  # doctest: +SKIP
    """
    require(events, ("event_id", "attribution", "province_code", "compound_id"), "events")
    provinces = province_table(province_summary)
    focus = text(province_code) or None
    if focus is not None and focus.isdigit():
        focus = focus.zfill(2)
    if focus is not None and focus not in set(provinces["code"]):
        raise MapError(f"unknown province_code {province_code!r}: expected one of 01 to 25")
    focus_name = (
        str(provinces.loc[provinces["code"] == focus, "province_name"].iloc[0]) if focus else ""
    )
    page_title = title or (
        f"Reported scam compounds in {focus_name}, Cambodia" if focus else _DEFAULT_TITLE
    )
    items = markers(compounds, focus=focus)
    all_items = markers(compounds) if focus else items
    n_marked: dict[str, int] = {}
    for s in records(compounds):
        if text(s.get("record_status")) == "active" and str(s.get("precision")) in {
            str(int(p)) for p in Precision if p.mappable
        }:
            code = text(s.get("province_code"))
            n_marked[code] = n_marked.get(code, 0) + 1
    colours, legend_rows = classify(list(provinces["n_compounds"]))
    m = folium.Map(
        location=list(_CAMBODIA_CENTER),
        zoom_start=7,
        tiles=None,
        control_scale=True,
        font_size="13px",  # folium's own <style> comes after ours and would set 1rem
        **_MAP_OPTIONS,
    )
    m.get_root().title = html.escape(page_title)  # type: ignore[attr-defined]
    add_assets(m)
    tile_layer = None
    if tiles:
        folium.FeatureGroup(name="No base map (works offline)", overlay=False).add_to(m)
        tile_layer = folium.TileLayer(
            "OpenStreetMap", name="OpenStreetMap (needs a connection)", overlay=False, show=False
        )
        tile_layer.add_to(m)
    data = DataBlocks(m)
    popups = _province_popups(provinces, compounds, events, n_marked, focus)
    features = province_features(provinces, colours, popups)
    JsLayer(
        "provinceLayer", [data.ref(features), data.ref(focus)], name="Provinces: registry sites"
    ).add_to(m)
    m.add_child(JsCall("fit", [data.ref(focus)]))
    districts = load_boundaries(2, simplified=True)
    if focus:
        districts = districts[districts["province_code"] == focus]
    JsLayer(
        "districtLayer",
        [data.ref(district_features(districts, tooltips=bool(focus))), data.ref(bool(focus))],
        name="District outlines",
        show=bool(focus),
    ).add_to(m)
    JsLayer("compoundLayer", [data.ref(items)], name="Sites and places").add_to(m)
    n_sites = sum(i["count"] for i in items)
    m.add_child(
        JsCall(
            "htmlControl",
            [
                data.ref(title_html(page_title, len(items), n_sites, release)),
                '"topright"',
                '"cm-title"',
            ],
        )
    )
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    years = sorted({y for i in items for y in i["years"]})
    m.add_child(JsCall("yearControl", [data.ref(years)]))
    names = sorted({n for i in items for n in [i["name"], *i["aliases"]]})
    m.add_child(JsCall("searchControl", [data.ref(names)]))
    fullscreen = Fullscreen(
        position="topleft", title="Full screen", title_cancel="Exit full screen"
    )
    fullscreen.default_js = []  # inlined by add_assets
    fullscreen.default_css = []
    fullscreen.add_to(m)
    ev = records(events)
    country = [e for e in ev if e["attribution"] == "national"] if not focus else []
    several = [e for e in ev if e["attribution"] == "several_provinces"] if not focus else []
    province_only = sum(
        1
        for s in records(compounds)
        if text(s.get("record_status")) == "active"
        and str(s.get("precision")) == str(int(Precision.PROVINCE))
        and (not focus or text(s.get("province_code")) == focus)
    )
    unlocated = sum(e["attribution"] == "unlocated" for e in ev)
    about = about_html(
        len(all_items), province_only, country, several, unlocated, focus_name, release
    )
    m.add_child(JsCall("htmlControl", [data.ref(about), '"bottomleft"', '"cm-about"']))
    m.add_child(
        JsCall("htmlControl", [data.ref(legend_html(legend_rows)), '"bottomright"', '"cm-legend"'])
    )
    m.add_child(JsCall("attribution", [data.ref(esc(_SHORT_ATTRIBUTION))]))
    if tile_layer is not None:
        m.add_child(JsCall("watchTiles", refs=[tile_layer]))
    unpinned = [
        {
            "name": s["name"],
            "aliases": [],
            "province_code": text(s.get("province_code")),
            "why": "known only to its province; listed in its popup",
        }
        for s in records(compounds)
        if text(s.get("record_status")) == "active"
        and str(s.get("precision")) == str(int(Precision.PROVINCE))
    ]
    m.add_child(JsCall("setUnpinned", [data.ref(unpinned)]))
    m.add_child(JsCall("ready"))
    return m


def write_maps_into(tables: Any, out_dir: Path) -> list[Path]:
    """Write the overview, one page per province with events, and the PNG into ``out_dir``.

    ``tables`` is a :class:`compoundmap.pipeline.Tables`; ``out_dir`` an empty staging
    folder (:mod:`compoundmap.publish`). Use :func:`write_maps` to publish a maps folder.
    """
    # A build keeps large tables on disk: table() reads them back whole.
    compounds, events = tables.table("compounds"), tables.table("events")
    summary = tables.table("province_summary")
    release = getattr(tables, "release", None)
    prov_dir = out_dir / "provinces"
    prov_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_bytes(render(compound_map(compounds, events, summary, release=release)))
    written = [index]
    rows = summary[summary["row_type"] == "province"]
    codes = sorted(
        str(c)
        for c, n, k in zip(
            rows["province_code"], rows["n_events"], rows["n_compounds"], strict=True
        )
        if int(n) + int(k) > 0
    )
    back_link = '<a href="../index.html">\u2190 Cambodia overview</a>'
    for code in codes:
        m = compound_map(compounds, events, summary, province_code=code, release=release)
        back = JsCall("htmlControl", [DataBlocks(m).ref(back_link), '"topleft"', '"cm-back"'])
        m.add_child(back, name="cm_back")
        path = prov_dir / f"{code}.html"
        path.write_bytes(render(m))
        written.append(path)
    written.append(
        static_choropleth(summary, out_dir / "compounds_by_province.png", release=release)
    )
    return written


def write_maps(tables: Any, maps_dir: Path | str) -> list[Path]:
    """Publish the overview, one page per province with events, and the print PNG.

    Deterministic: the same tables give byte-identical files. The pages are written into
    a staging folder that replaces ``maps_dir`` in one step (:mod:`compoundmap.publish`);
    files that no build wrote are kept.

    Parameters
    ----------
    tables : compoundmap.pipeline.Tables
        From :func:`compoundmap.pipeline.build_tables`.
    maps_dir : path
        Folder for ``index.html``, ``provinces/<code>.html`` and ``compounds_by_province.png``.

    Examples
    --------
    >>> write_maps(build_tables(), "maps")  # doctest: +SKIP
    """
    target = Path(maps_dir)
    check_output_dirs({"maps directory": target}, [])
    with published_dirs([target], known={target: MAP_FILES}) as (stage,):
        written = write_maps_into(tables, stage)
    return [target / p.relative_to(stage) for p in written]
