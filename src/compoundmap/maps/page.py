"""The interactive maps: one page for Cambodia, one per province with events, and their files.

Builds a folium map from the published tables, with every payload in a JSON data block
(:mod:`._folium`) and the vendored Leaflet runtime inlined, so the page works offline and
no source text is ever evaluated as a template.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
from folium.plugins import Fullscreen

from .._util import records, require_columns
from ..boundaries import load_boundaries
from ..errors import MapError
from ..publish import check_output_dirs, published_dirs
from ..registry import split_ids
from ._folium import DataBlocks, JsCall, JsLayer, add_assets, render
from ._html import aliases_of, esc, text, year_of
from .layers import (
    active_sites,
    classify,
    district_features,
    markers,
    province_features,
    province_geometries,
    province_table,
)
from .popups import about_html, legend_html, province_popup, site_years, title_html
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


@dataclass
class _Shared:
    """What every page built from one set of tables shares, computed once."""

    provinces: gpd.GeoDataFrame
    geometries: list[Any]
    colours: list[str]
    legend_rows: list[tuple[str, str]]
    items: list[dict[str, Any]]
    not_drawn: dict[str, list[dict[str, Any]]]  # province code -> sites listed in its popup
    unplaced: list[dict[str, Any]]  # active sites with no province: listed in About
    unlinked: dict[str, list[dict[str, Any]]]  # province code -> events linked to no site
    country: list[dict[str, Any]]
    several: list[dict[str, Any]]
    n_unlocated: int


def _by_date(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(events, key=lambda e: (text(e.get("event_date")) or "9999", e["event_id"]))


def _share(
    compounds: pd.DataFrame, events: pd.DataFrame, province_summary: pd.DataFrame
) -> _Shared:
    require_columns(events, ("event_id", "attribution", "province_code", "compound_id"), "events")
    provinces = province_table(province_summary)
    sites = active_sites(compounds)
    items = markers(compounds)
    drawn = {cid for i in items for cid in i["ids"]}
    not_drawn: dict[str, list[dict[str, Any]]] = {}
    unplaced = []
    for s in sites:
        if text(s["compound_id"]) in drawn:
            continue
        code = text(s.get("province_code"))
        if code:
            not_drawn.setdefault(code, []).append(s)
        else:
            unplaced.append(s)
    ids = {text(s["compound_id"]) for s in sites}
    ev = records(events)
    unlinked: dict[str, list[dict[str, Any]]] = {}
    for e in ev:
        if e["attribution"] == "province" and not ids & set(split_ids(e.get("compound_id"))):
            unlinked.setdefault(text(e["province_code"]), []).append(e)
    colours, legend_rows = classify(list(provinces["n_compounds"]))
    return _Shared(
        provinces=provinces,
        geometries=province_geometries(provinces),
        colours=colours,
        legend_rows=legend_rows,
        items=items,
        not_drawn=not_drawn,
        unplaced=unplaced,
        unlinked={code: _by_date(e) for code, e in unlinked.items()},
        country=_by_date([e for e in ev if e["attribution"] == "national"]),
        several=_by_date([e for e in ev if e["attribution"] == "several_provinces"]),
        n_unlocated=sum(e["attribution"] == "unlocated" for e in ev),
    )


def _province_popups(shared: _Shared, focus: str | None) -> dict[str, str]:
    n_marked: dict[str, int] = {}
    for i in shared.items:
        n_marked[i["province_code"]] = n_marked.get(i["province_code"], 0) + i["count"]
    popups = {}
    for p in shared.provinces.to_dict("records"):
        code = str(p["code"])
        elsewhere = focus is not None and code != focus  # province pages stay light
        popups[code] = province_popup(
            p,
            [] if elsewhere else shared.not_drawn.get(code, []),
            [] if elsewhere else shared.unlinked.get(code, []),
            n_marked.get(code, 0),
            listed_elsewhere=elsewhere,
        )
    return popups


def _focus(shared: _Shared, province_code: str | None) -> tuple[str | None, str]:
    focus = text(province_code) or None
    if focus is not None and focus.isdigit():
        focus = focus.zfill(2)
    codes = shared.provinces["code"]
    if focus is not None and focus not in set(codes):
        raise MapError(f"unknown province_code {province_code!r}: expected one of 01 to 25")
    name = str(shared.provinces.loc[codes == focus, "province_name"].iloc[0]) if focus else ""
    return focus, name


def _unpinned(shared: _Shared, focus: str | None) -> list[dict[str, Any]]:
    """Search entries for sites that have no marker, saying where they are listed."""
    out = []
    for code, sites in sorted(shared.not_drawn.items()):
        if focus and code != focus:
            continue
        for s in sites:
            out.append(
                {
                    "name": text(s["name"]),
                    "aliases": aliases_of(s.get("aliases"), text(s["name"])),
                    "province_code": code,
                    "why": "not drawn: known only to its province; listed in its popup",
                }
            )
    if not focus:
        out += [
            {
                "name": text(s["name"]),
                "aliases": aliases_of(s.get("aliases"), text(s["name"])),
                "province_code": "",
                "why": "not drawn: its place is not known; listed in About this map",
            }
            for s in shared.unplaced
        ]
    return out


def _base_map(page_title: str, tiles: bool) -> tuple[folium.Map, folium.TileLayer | None]:
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
    if not tiles:
        return m, None
    folium.FeatureGroup(name="No base map (works offline)", overlay=False).add_to(m)
    tile_layer = folium.TileLayer(
        "OpenStreetMap", name="OpenStreetMap (needs a connection)", overlay=False, show=False
    )
    tile_layer.add_to(m)
    return m, tile_layer


def _page(
    shared: _Shared,
    *,
    province_code: str | None,
    tiles: bool,
    title: str | None,
    release: Mapping[str, str] | None,
) -> folium.Map:
    focus, focus_name = _focus(shared, province_code)
    page_title = title or (
        f"Reported scam compounds in {focus_name}, Cambodia" if focus else _DEFAULT_TITLE
    )
    items = [i for i in shared.items if not focus or i["province_code"] == focus]
    m, tile_layer = _base_map(page_title, tiles)
    data = DataBlocks(m)
    features = province_features(
        shared.provinces, shared.colours, _province_popups(shared, focus), shared.geometries
    )
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
    head = title_html(page_title, len(items), n_sites, release)
    m.add_child(JsCall("htmlControl", [data.ref(head), '"topright"', '"cm-title"']))
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    several = [
        e for e in shared.several if not focus or focus in split_ids(e.get("province_codes"))
    ]
    country = [] if focus else shared.country
    listed = [*country, *several, *(shared.unlinked.get(focus, []) if focus else [])]
    if not focus:
        listed += [e for events in shared.unlinked.values() for e in events]
    # Years of every event the page lists: markers' sites, sites not drawn, other events.
    not_drawn_sites = [
        s for c, sites in shared.not_drawn.items() if not focus or c == focus for s in sites
    ]
    if not focus:
        not_drawn_sites += shared.unplaced
    years = {y for i in items for y in i["years"]} | {year_of(e["event_date"]) for e in listed}
    years |= {y for s in not_drawn_sites for y in site_years(s)}
    m.add_child(JsCall("yearControl", [data.ref(sorted(years - {""}))]))
    names = sorted({n for i in items for n in [i["name"], *i["aliases"]]})
    m.add_child(JsCall("searchControl", [data.ref(names)]))
    fullscreen = Fullscreen(
        position="topleft", title="Full screen", title_cancel="Exit full screen"
    )
    fullscreen.default_js = []  # inlined by add_assets
    fullscreen.default_css = []
    fullscreen.add_to(m)
    not_drawn = {
        "province": sum(len(v) for c, v in shared.not_drawn.items() if not focus or c == focus),
        "unplaced": 0 if focus else len(shared.unplaced),
    }
    about = about_html(
        len(items),
        not_drawn,
        country,
        several,
        [] if focus else shared.unplaced,
        shared.n_unlocated if not focus else 0,
        focus_name,
        release,
    )
    m.add_child(JsCall("htmlControl", [data.ref(about), '"bottomleft"', '"cm-about"']))
    legend = legend_html(shared.legend_rows)
    m.add_child(JsCall("htmlControl", [data.ref(legend), '"bottomright"', '"cm-legend"']))
    m.add_child(JsCall("attribution", [data.ref(esc(_SHORT_ATTRIBUTION))]))
    if tile_layer is not None:
        m.add_child(JsCall("watchTiles", refs=[tile_layer]))
    m.add_child(JsCall("setUnpinned", [data.ref(_unpinned(shared, focus))]))
    m.add_child(JsCall("ready"))
    return m


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
    named place, commune or district share one marker at that place, numbered with how
    many sites it stands for; sites known only to their province are listed in its popup;
    events about the whole country or several provinces are listed in the About panel.

    Examples
    --------
    >>> m = compound_map(tables.compounds, tables.events, tables.province_summary)  # doctest: +SKIP
    """
    shared = _share(compounds, events, province_summary)
    return _page(shared, province_code=province_code, tiles=tiles, title=title, release=release)


def write_maps_into(tables: Any, out_dir: Path) -> list[Path]:
    """Write the overview, one page per province with events or registry sites, and the
    PNG into ``out_dir``.

    ``tables`` is a :class:`compoundmap.pipeline.Tables`; ``out_dir`` an empty staging
    folder (:mod:`compoundmap.publish`). Use :func:`write_maps` to publish a maps folder.

    Parameters
    ----------
    tables : compoundmap.pipeline.Tables
        From :func:`compoundmap.pipeline.build_tables` (its ``compounds``, ``events`` and
        ``province_summary`` tables and its ``release`` are read).
    out_dir : pathlib.Path
        The folder to write into (``provinces/`` is created in it).

    Returns
    -------
    list of pathlib.Path
        ``index.html``, then ``provinces/<code>.html`` in code order, then
        ``compounds_by_province.png``.
    """
    # A build keeps large tables on disk: table() reads them back whole.
    compounds, events = tables.table("compounds"), tables.table("events")
    summary = tables.table("province_summary")
    release = getattr(tables, "release", None)
    shared = _share(compounds, events, summary)
    prov_dir = out_dir / "provinces"
    prov_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    page = _page(shared, province_code=None, tiles=True, title=None, release=release)
    index.write_bytes(render(page))
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
        m = _page(shared, province_code=code, tiles=True, title=None, release=release)
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
    """Publish the overview, one page per province with events or sites, and the print PNG.

    Deterministic: the same tables give byte-identical files. The pages are written into
    a staging folder that replaces ``maps_dir`` in one step (:mod:`compoundmap.publish`);
    files that no build wrote are kept.

    Parameters
    ----------
    tables : compoundmap.pipeline.Tables
        From :func:`compoundmap.pipeline.build_tables`.
    maps_dir : path
        Folder for ``index.html``, ``provinces/<code>.html`` and ``compounds_by_province.png``.

    Returns
    -------
    list of pathlib.Path
        The files written, under ``maps_dir`` (see :func:`write_maps_into`).

    Raises
    ------
    PipelineError
        If ``maps_dir`` is a symlink or lies inside an immutable input folder
        (:func:`compoundmap.publish.check_output_dirs`).

    Examples
    --------
    >>> write_maps(build_tables(), "maps")  # doctest: +SKIP
    """
    target = Path(maps_dir)
    check_output_dirs({"maps directory": target}, [])
    with published_dirs([target], known={target: MAP_FILES}) as (stage,):
        written = write_maps_into(tables, stage)
    return [target / p.relative_to(stage) for p in written]
