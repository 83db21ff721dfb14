"""Publishable maps of reported compounds: self-contained folium/Leaflet HTML and a print PNG.

Last step of the flow (sources → geocode → boundaries → compounds → summary → **maps**).
Every page inlines its JavaScript and CSS (vendored in ``static/``), so it renders with no
network; source-derived text is HTML-escaped here and only escaped ``*_html`` strings ever
reach ``innerHTML`` in the browser (see ``static/compoundmap/compoundmap.js``).
"""

from __future__ import annotations

import base64
import html
import json
import math
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.plugins import Fullscreen
from folium.template import Template

from .boundaries import load_boundaries
from .errors import MapError, MissingColumnError
from .publish import check_output_dirs, published_dirs

__all__ = ["ATTRIBUTIONS", "compound_map", "static_choropleth", "write_maps"]

#: Attribution lines required by ``data/raw/PROVENANCE.md`` §3 (boundaries, names, places).
ATTRIBUTIONS: tuple[str, ...] = (
    "Administrative boundaries and p-codes: Cambodia COD-AB (V_01, valid 2018-10-04), "
    "OCHA / Humanitarian Data Exchange (data.humdata.org/dataset/cod-ab-khm), CC BY-IGO.",
    "Commune boundaries: geoBoundaries gbOpen (Runfola et al. 2020, PLoS ONE 15(4): e0231866, "
    "www.geoboundaries.org), from Open Development Cambodia 'Administrative boundaries of "
    "Cambodia 2014', CC BY 4.0.",
    "Administrative names and codes (2025): Ministry of Economy and Finance, Royal Government "
    "of Cambodia, data.mef.gov.kh.",
    "Place names and coordinates: GeoNames (www.geonames.org), CC BY 4.0.",
)
_SHORT_ATTRIBUTION = (
    "Boundaries: OCHA/HDX COD-AB, geoBoundaries/ODC; names: MEF 2025, GeoNames; "
    "credits in About this map"
)
# On the map itself, not a tile layer: markercluster needs maxZoom and no tiles show at start.
_MAP_OPTIONS: dict[str, Any] = {"minZoom": 5, "maxZoom": 18, "zoomSnap": 0.5}
_DEFAULT_TITLE = "Reported scam compounds in Cambodia"
_CAMBODIA_CENTER = (12.6, 104.9)
_ZERO_COLOUR = "#f4f4f4"
# ColorBrewer OrRd; fewer classes take an evenly spread subset.
_PALETTE = ("#fdd49e", "#fc8d59", "#d7301f", "#7f0000")
_PINNED = (1, 2, 3)

_PRECISION_WORDS = {
    1: "Point: the source names the site or a place with known coordinates; shown at that place.",
    2: "Commune/sangkat only: shown at the commune\u2019s representative point, "
    "not at the compound itself.",
    3: "District/khan/krong only: shown at the district\u2019s representative point, "
    "not at the compound itself.",
    4: "Province only: not shown as a pin; counted in the province shading.",
    5: "Cambodia only: no place inside Cambodia reported; not mapped.",
}
_SYMBOL_WORDS = {
    1: "Site reported at a named place",
    2: "Known only to its commune (approximate)",
    3: "Known only to its district (approximate)",
}

# Vendored assets in the order the page needs them (see static/VENDORED.md).
_CSS_ASSETS = (
    "leaflet/leaflet.css",
    "leaflet.markercluster/MarkerCluster.css",
    "leaflet.markercluster/MarkerCluster.Default.css",
    "leaflet.fullscreen/Control.FullScreen.css",
    "compoundmap/compoundmap.css",
)
_JS_ASSETS = (
    "leaflet/leaflet.js",
    "leaflet.markercluster/leaflet.markercluster.js",
    "leaflet.fullscreen/Control.FullScreen.js",
    "compoundmap/compoundmap.js",
)
_MIME = {".png": "image/png", ".svg": "image/svg+xml"}


# ----------------------------------------------------------------------------- escaping


def _esc(value: object) -> str:
    """Escape text for HTML element content and quoted attributes."""
    return html.escape(_text(value), quote=True).replace("`", "&#96;")


def _js_json(obj: object) -> str:
    """JSON that is safe inside an inline ``<script>`` (no ``</script>``, no ``<!--``)."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def _safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) URL without spaces or control characters."""
    url = _text(value)
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def _link(url: object, text: str) -> str:
    """An escaped link to an http(s) URL, or the escaped text alone."""
    safe = _safe_url(url)
    if safe is None:
        return _esc(text)
    return f'<a href="{_esc(safe)}" target="_blank" rel="noopener noreferrer">{_esc(text)}</a>'


# ----------------------------------------------------------------------------- values


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, np.ndarray)):
        return len(value) == 0
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _text(value: object) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value).strip()


def _precision(value: object) -> int | None:
    if _missing(value):
        return None
    try:
        return int(float(str(value)))
    except ValueError:
        return None


def _int(value: object) -> int:
    if _missing(value):
        return 0
    try:
        return int(float(str(value)))
    except ValueError:
        return 0


def _aliases(value: object, name: str) -> list[str]:
    if _missing(value):
        return []
    if isinstance(value, (list, tuple, np.ndarray)):
        items = [_text(v) for v in value]
    else:
        text = _text(value)
        parsed: object = None
        if text.startswith("["):
            try:
                parsed = json.loads(text)
            except json.JSONDecodeError:
                parsed = None
        items = [_text(v) for v in parsed] if isinstance(parsed, list) else text.split(";")
    out: list[str] = []
    for item in (i.strip() for i in items):
        if item and item != name and item not in out:
            out.append(item)
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _year(value: object) -> str:
    text = _text(value)
    return text[:4] if re.fullmatch(r"\d{4}", text[:4]) else ""


def _require(df: pd.DataFrame, columns: Iterable[str], where: str) -> None:
    for col in columns:
        if col not in df.columns:
            raise MissingColumnError(col, [str(c) for c in df.columns], where)


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    plain = pd.DataFrame(df.drop(columns="geometry", errors="ignore"))
    return [{str(k): v for k, v in row.items()} for row in plain.to_dict("records")]


def _point(row: Mapping[str, Any], geom: object) -> tuple[float, float] | None:
    """(lat, lon) of a pinnable compound; None for precision 4, 5, unknown or no point."""
    if _precision(row.get("precision")) not in _PINNED:
        return None
    if isinstance(geom, shapely.Point) and not geom.is_empty:
        lat, lon = float(geom.y), float(geom.x)
    else:
        try:
            lat, lon = float(row.get("latitude")), float(row.get("longitude"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
    if not (math.isfinite(lat) and math.isfinite(lon)):
        return None
    return round(lat, 5), round(lon, 5)


# ----------------------------------------------------------------------------- popups


def _event_item(rep: Mapping[str, Any]) -> str:
    """One reported event with its source, as escaped HTML."""
    date = _text(rep.get("event_date")) or "date not reported"
    parts = [f'<span class="cm-date">{_esc(date)}</span>']
    if _text(rep.get("event_type")):
        parts.append(_esc(rep.get("event_type")))
    people = _text(rep.get("victims_count"))
    if people:
        parts.append(f"{_esc(people)} {'person' if people == '1' else 'people'} reported")
    line = " · ".join(parts)
    summary = _text(rep.get("summary"))
    if summary:
        line += f'<br><span class="cm-summary">{_esc(summary)}</span>'
    return f"<li>{line}<br>{_source_line(rep)}</li>"


def _source_line(rep: Mapping[str, Any]) -> str:
    publisher = _text(rep.get("source_publisher") or rep.get("publisher")) or "unknown publisher"
    title = _text(rep.get("source_title") or rep.get("title")) or "untitled"
    url = rep.get("source_url") if "source_url" in rep else rep.get("url")
    date = _text(rep.get("source_date") or rep.get("date"))
    tier = _text(rep.get("source_tier") or rep.get("tier")).lower()
    bits = [f"Source: {_esc(publisher)}, {_link(url, title)}"]
    if _safe_url(url) is None:
        bits.append(" (no link)")
    if date:
        bits.append(f", {_esc(date)}")
    if tier == "secondary":
        bits.append(
            ' <span class="cm-secondary" title="Read from a mirror, aggregator or summary '
            'of the original outlet">secondary source</span>'
        )
    report_id = _text(rep.get("report_id"))
    if report_id:
        bits.append(f' <span class="cm-rid">[{_esc(report_id)}]</span>')
    return f'<span class="cm-src">{"".join(bits)}</span>'


def _citations(value: object) -> list[dict[str, Any]]:
    if _missing(value):
        return []
    parsed = value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            return []
    if not isinstance(parsed, list):
        return []
    return [c for c in parsed if isinstance(c, dict)]


def _compound_popup(c: Mapping[str, Any], events: Sequence[Mapping[str, Any]]) -> str:
    name = _text(c.get("name")) or "Unnamed compound"
    out = [f'<div class="cm-popup"><h3>{_esc(name)}</h3>']
    aliases = _aliases(c.get("aliases"), name)
    if aliases:
        out.append(f"<p>Also reported as: {_esc('; '.join(aliases))}</p>")
    if _text(c.get("location_text")):
        out.append(f"<p><b>Location as reported:</b> {_esc(c.get('location_text'))}</p>")
    admin = [
        f"{label} {_text(c.get(col))}"
        for label, col in (
            ("commune", "commune_name"),
            ("district", "district_name"),
            ("province", "province_name"),
        )
        if _text(c.get(col))
    ]
    if admin:
        out.append(f"<p><b>Placed in:</b> {_esc(', '.join(admin))}</p>")
    prec = _precision(c.get("precision"))
    words = _PRECISION_WORDS.get(prec or 0, "Location unmatched: not mapped.")
    cls = ' class="cm-approx"' if prec in (2, 3) else ""
    out.append(f"<p{cls}><b>Precision:</b> {_esc(words)}</p>")
    if events:
        out.append(f"<h4>Reported events ({len(events)})</h4><ul>")
        out.extend(_event_item(e) for e in events)
        out.append("</ul>")
    else:
        cites = _citations(c.get("citations"))
        out.append(f"<h4>Sources ({len(cites)})</h4><ul>")
        out.extend(f"<li>{_source_line(cite)}</li>" for cite in cites)
        out.append("</ul>")
    out.append(
        '<p class="cm-note">Allegations as reported by the sources; figures can differ '
        "between sources and are shown side by side.</p></div>"
    )
    return "".join(out)


def _events_by_compound(reports: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    by: dict[str, list[dict[str, Any]]] = {}
    seen: set[tuple[str, str]] = set()
    for rep in _sorted_reports(reports):
        # a report naming several compounds carries their ids joined by ";"
        for cid in filter(None, (c.strip() for c in _text(rep.get("compound_id")).split(";"))):
            key = (cid, _text(rep.get("report_id")))
            if key in seen:
                continue
            seen.add(key)
            by.setdefault(cid, []).append(rep)
    return by


def _sorted_reports(reports: pd.DataFrame) -> list[dict[str, Any]]:
    recs = _records(reports)
    return sorted(
        recs,
        key=lambda r: (
            _text(r.get("event_date")) or "9999",
            _text(r.get("report_id")),
            _int(r.get("place_index")),
        ),
    )


def _unplaced_item(rep: Mapping[str, Any]) -> str:
    name = _text(rep.get("compound_name")) or "(compound not named)"
    location = _text(rep.get("location_text"))
    where = f" ({_esc(location)})" if location else ""
    placed = _placed(rep)
    if placed:
        where += f" [{_esc(placed)}]"
    return _event_item(rep).replace("<li>", f"<li><b>{_esc(name)}</b>{where}: ", 1)


def _placed(rep: Mapping[str, Any]) -> str:
    """How precisely a report's place is known, for reports listed outside a pin."""
    prec = _precision(rep.get("precision"))
    if prec == 1:
        return f"placed at {_text(rep.get('matched_name')) or 'a named place'}"
    if prec == 2:
        return f"placed to commune {_text(rep.get('commune_name'))}".rstrip()
    if prec == 3:
        return f"placed to district {_text(rep.get('district_name'))}".rstrip()
    return ""


# ----------------------------------------------------------------------------- choropleth


def _classify(values: Sequence[int]) -> tuple[list[str], list[tuple[str, str]]]:
    """Colour per value and legend rows; zero is its own class, positives Fisher-Jenks."""
    import mapclassify

    arr = np.asarray(values, dtype=float)
    pos = arr[arr > 0]
    legend = [(_ZERO_COLOUR, "0 (none reported)")]
    if pos.size == 0:
        return [_ZERO_COLOUR] * len(arr), legend
    k = min(len(_PALETTE), len(np.unique(pos)))
    if k == 1:
        bins = np.array([pos.max()])
    else:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Numba not installed", category=UserWarning)
            bins = np.asarray(mapclassify.FisherJenks(pos, k=k).bins)
    idx = np.linspace(0, len(_PALETTE) - 1, len(bins)).round().astype(int)
    colours = [_PALETTE[i] for i in idx]
    lower = 1
    for colour, upper in zip(colours, bins, strict=True):
        hi = int(upper)
        legend.append((colour, str(hi) if hi == lower else f"{lower}\u2013{hi}"))
        lower = hi + 1
    out = []
    for v in arr:
        if v <= 0:
            out.append(_ZERO_COLOUR)
        else:
            out.append(colours[min(int(np.searchsorted(bins, v)), len(colours) - 1)])
    return out, legend


def _province_table(province_summary: pd.DataFrame) -> gpd.GeoDataFrame:
    """The 25 province polygons with the summary's counts (zero where missing)."""
    _require(province_summary, ("province_code", "n_compounds", "n_reports"), "province_summary")
    polys = load_boundaries(1, simplified=True)
    summary = pd.DataFrame(province_summary).copy()
    summary["province_code"] = summary["province_code"].map(_text)
    summary = summary.drop_duplicates("province_code").set_index("province_code")
    out = polys.copy()
    for col in ("n_compounds", "n_reports", "n_sources"):
        src = summary[col] if col in summary.columns else pd.Series(dtype=float)
        out[col] = [_int(src.get(code)) for code in out["code"]]
    for col in ("first_event_date", "last_event_date", "province_name"):
        src = summary[col] if col in summary.columns else pd.Series(dtype=object)
        out[col] = [_text(src.get(code)) for code in out["code"]]
    out["province_name"] = [
        name or en for name, en in zip(out["province_name"], out["name_en"], strict=True)
    ]
    return gpd.GeoDataFrame(out.sort_values("code").reset_index(drop=True), crs=4326)


def _geometry_json(geom: object) -> Any:
    return json.loads(shapely.to_geojson(geom))


def _province_features(
    provinces: gpd.GeoDataFrame,
    colours: Sequence[str],
    province_reports: Mapping[str, list[dict[str, Any]]],
    unlinked_reports: Mapping[str, list[dict[str, Any]]],
    pinned: Mapping[str, int],
    focus: str | None,
) -> dict[str, Any]:
    features = []
    for (_, p), colour in zip(provinces.iterrows(), colours, strict=True):
        code = str(p["code"])
        # A province page lists reports for its own province only, to stay light.
        context_only = focus is not None and code != focus
        only = [] if context_only else province_reports.get(code, [])
        unlinked = [] if context_only else unlinked_reports.get(code, [])
        n_pinned = pinned.get(code, 0)
        name = _esc(p["province_name"])
        km = f' <span lang="km">{_esc(p["name_km"])}</span>' if _text(p["name_km"]) else ""
        tooltip = (
            f"<b>{name}</b><br>{_n(p['n_compounds'], 'distinct compound')} reported"
            f"<br>{_n(p['n_reports'], 'report')}"
        )
        if only:
            tooltip += f" ({len(only)} naming only the province)"
        popup = [
            f'<div class="cm-popup"><h3>{name}{km}</h3>',
            f"<p>{_n(p['n_compounds'], 'distinct compound')} reported · "
            f"{_n(p['n_reports'], 'report')} · {_n(p['n_sources'], 'source')}</p>",
        ]
        if p["first_event_date"] or p["last_event_date"]:
            popup.append(
                f"<p>Reported events: {_esc(p['first_event_date'] or '?')} to "
                f"{_esc(p['last_event_date'] or '?')}</p>"
            )
        popup.append(f"<p>{_n(n_pinned, 'compound')} pinned in this province.</p>")
        if context_only:
            popup.append("<p>Its reports are listed on the overview map.</p>")
        if only:
            popup.append(
                f"<h4>Reports naming only the province ({len(only)}), not pinned</h4><ul>"
                + "".join(_unplaced_item(r) for r in only)
                + "</ul>"
            )
        if unlinked:
            popup.append(
                f"<h4>Reports placed in this province but not linked to a named compound "
                f"({len(unlinked)}), not pinned</h4><ul>"
                + "".join(_unplaced_item(r) for r in unlinked)
                + "</ul>"
            )
        popup.append("</div>")
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": code,
                    "fill": colour,
                    "tooltip_html": tooltip,
                    "popup_html": "".join(popup),
                },
                "geometry": _geometry_json(p.geometry),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _district_features(districts: gpd.GeoDataFrame, *, tooltips: bool) -> dict[str, Any]:
    features = []
    for _, d in districts.sort_values("code").iterrows():
        props: dict[str, Any] = {"code": str(d["code"])}
        if tooltips:
            props["tooltip_html"] = (
                f"{_esc(d['name_en'])} <span lang='km'>{_esc(d['name_km'])}</span>"
            )
        features.append(
            {"type": "Feature", "properties": props, "geometry": _geometry_json(d.geometry)}
        )
    return {"type": "FeatureCollection", "features": features}


# ----------------------------------------------------------------------------- panels


def _title_html(title: str, n_pins: int, n_unpinned: int) -> str:
    return (
        f"<h1>{_esc(title)}</h1><p>{_n(n_pins, 'compound')} pinned; {n_unpinned} reported without "
        "a place precise enough to pin. Reported allegations, not verified findings.</p>"
        '<div class="cm-status" role="status"></div>'
    )


def _legend_html(rows: Sequence[tuple[str, str]]) -> str:
    out = ["<h2>Distinct compounds reported per province</h2>"]
    out += [
        f'<div class="cm-row"><span class="cm-swatch" style="background:{colour}"></span>'
        f"{_esc(label)}</div>"
        for colour, label in rows
    ]
    out.append("<h2>Compound pins</h2>")
    out += [
        f'<div class="cm-row"><span class="cm-sym cm-marker cm-prec-{p}"></span>{_esc(words)}</div>'
        for p, words in _SYMBOL_WORDS.items()
    ]
    out.append(
        '<div class="cm-note">Reports naming only a province are counted in the shading '
        "and listed in the province popup; they are never pinned. Classes: Fisher-Jenks "
        "(mapclassify).</div>"
    )
    return "".join(out)


def _about_html(
    n_pins: int,
    unpinned: Sequence[Mapping[str, Any]],
    country: Sequence[Mapping[str, Any]],
    unmatched: int,
    focus_name: str,
) -> str:
    scope = f" in {_esc(focus_name)}" if focus_name else ""
    out = [
        "<details><summary>About this map</summary>",
        "<h2>What it shows</h2><p>Scam compounds where forced labour has been reported"
        f"{scope}, compiled by compoundmap from public news, NGO and watchdog sources. "
        "Everything shown is an allegation as reported by the cited source; compoundmap has "
        "not verified it. Every pin and every event cites its source.</p>",
        "<h2>Caveats</h2><ul>",
        "<li>Locations come from geocoding the place names in the reports. A solid pin is a "
        "named place; a dashed or dotted ring means the compound is known only to its commune "
        "or district and sits at that unit\u2019s representative point, not at the compound.</li>",
        "<li>Reports that name only a province are counted in the province shading and "
        "listed in the province popup; they are never drawn as pins.</li>",
        "<li>One site can be reported under several names and several sites under one; "
        "compounds were grouped from reports by name and place.</li>",
        "<li>People reported (detained, rescued, deported or estimated) mean different things "
        "in different sources. Conflicting figures are shown side by side, never averaged.</li>",
        '<li>A <span class="cm-secondary">secondary source</span> was read from a mirror, '
        "aggregator or summary of the original outlet.</li>",
        "<li>The year filter applies to pins; the province shading counts all years.</li>",
        "<li>The base map is optional and needs a connection; everything else works offline.</li>",
        "<li>No personal data: names of victims or witnesses are not recorded.</li></ul>",
        f"<h2>Not on the map</h2><p>{_n(len(unpinned), 'compound')} without a place "
        f"precise enough to pin; {_n(unmatched, 'report place')} not matched to a place "
        "in Cambodia.</p>",
    ]
    if country:
        out.append(
            f"<p>{_n(len(country), 'report')} {'names' if len(country) == 1 else 'name'} "
            "no place inside Cambodia:</p><ul>"
            + "".join(_unplaced_item(r) for r in country)
            + "</ul>"
        )
    out.append('<h2>Credits</h2><ul class="cm-credit">')
    out += [f"<li>{_esc(line)}</li>" for line in ATTRIBUTIONS]
    out.append(
        "<li>Map software: Leaflet 1.9.4 (BSD-2-Clause), Leaflet.markercluster 1.5.3 (MIT), "
        "leaflet.fullscreen 3.0.2 (MIT), compoundmap (MIT).</li></ul></details>"
    )
    return "".join(out)


# ----------------------------------------------------------------------------- folium glue


class _Raw(Element):
    """Markup emitted verbatim (never through Jinja: vendored JS may contain ``{{``)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._markup = markup

    def render(self, **kwargs: Any) -> str:
        return self._markup


# What may appear inside a folium template: a reference to a data block, or a short constant.
_SAFE_ARG = re.compile(r'compoundmap\.data\("cm-data-\d+"\)|"[a-z-]+"|true|false|null')


def _checked_args(args: Sequence[str]) -> list[str]:
    """Refuse any template argument that could carry source text (see :class:`_DataBlocks`)."""
    for arg in args:
        if not _SAFE_ARG.fullmatch(arg):
            raise MapError(f"internal: map script argument is not a data reference: {arg[:60]!r}")
    return list(args)


class _JsLayer(Layer):
    """A Leaflet layer built by the compoundmap runtime from a JSON payload."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = compoundmap.{{ this.factory }}({{ this.args | join(", ") }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        factory: str,
        args: Sequence[str],
        *,
        name: str,
        overlay: bool = True,
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "CmLayer"
        self.factory = factory
        self.args = _checked_args(args)


class _JsCall(MacroElement):
    """``compoundmap.<fn>(map, *args, *refs)``; refs are elements named at render time."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        compoundmap.{{ this.fn }}({{ this._parent.get_name() }}
        {%- for a in this.args %}, {{ a }}{% endfor %}
        {%- for r in this.refs %}, {{ r.get_name() }}{% endfor %});
        {% endmacro %}
        """
    )

    def __init__(self, fn: str, args: Sequence[str] = (), refs: Sequence[Element] = ()) -> None:
        super().__init__()
        self._name = "CmCall"
        self.fn = fn
        self.args = _checked_args(args)
        self.refs = list(refs)


@cache
def _asset(path: str) -> str:
    return (resources.files("compoundmap") / "static" / path).read_text(encoding="utf-8")


@cache
def _inline_css(path: str) -> str:
    """The stylesheet with ``url(file)`` references turned into data URIs."""
    base = resources.files("compoundmap") / "static" / path.rsplit("/", 1)[0]

    def data_uri(match: re.Match[str]) -> str:
        ref = match.group(2)
        if ref.startswith(("#", "data:")):
            return match.group(0)
        blob = (base / ref).read_bytes()
        mime = _MIME[Path(ref).suffix]
        return f"url(data:{mime};base64,{base64.b64encode(blob).decode('ascii')})"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", data_uri, _asset(path))


def _add_assets(m: folium.Map) -> None:
    # Drop folium's CDN defaults (jQuery, Bootstrap, awesome-markers): nothing here needs them.
    m.default_js = []
    m.default_css = []
    header = m.get_root().header  # type: ignore[attr-defined]
    for path in _CSS_ASSETS:
        header.add_child(_Raw(f"<style>{_inline_css(path)}</style>"), name=f"cm:{path}")
    for path in _JS_ASSETS:
        js = re.sub(r"//# sourceMappingURL=\S+", "", _asset(path))
        if re.search(r"</script|<!--", js, flags=re.IGNORECASE):
            raise MapError(f"vendored asset {path} cannot be inlined: contains </script or <!--")
        header.add_child(_Raw(f"<script>{js}</script>"), name=f"cm:{path}")


def _stable_ids(root: Element, html_text: str) -> str:
    """Replace folium's random element names by a counter so builds are byte-identical.

    folium names elements ``<kind>_<32 hex digits>`` from ``uuid4``; the rendered page is
    rewritten after rendering (element objects are never modified), in the order the
    elements appear in the tree.
    """
    names: list[str] = []
    stack = [root]
    while stack:
        element = stack.pop(0)
        names.append(element.get_name())
        stack[0:0] = list(getattr(element, "_children", {}).values())
    for n, name in enumerate(dict.fromkeys(names)):
        prefix = name.rsplit("_", 1)[0]
        html_text = html_text.replace(name, f"{prefix}_{n}")
    return html_text


class _DataBlocks:
    """Source-derived data for one map, as JSON blocks outside every template.

    Text from the sources never goes through Jinja (folium re-parses rendered macros as
    templates, so ``{{ 7*7 }}`` in a compound name would be evaluated): each payload is a
    ``<script type="application/json">`` block emitted verbatim, and the map's scripts only
    name it, ``compoundmap.data("cm-data-N")``.
    """

    def __init__(self, m: folium.Map) -> None:
        self._header = m.get_root().header  # type: ignore[attr-defined]

    def ref(self, obj: object) -> str:
        """Store ``obj`` in a new block; return the JavaScript expression that reads it."""
        n = sum(1 for key in self._header._children if str(key).startswith("cm-data-")) + 1
        block = f"cm-data-{n}"
        self._header.add_child(
            _Raw(f'<script type="application/json" id="{block}">{_js_json(obj)}</script>'),
            name=block,
        )
        return f'compoundmap.data("{block}")'


# ----------------------------------------------------------------------------- public API


def compound_map(
    compounds: gpd.GeoDataFrame,
    reports: gpd.GeoDataFrame,
    province_summary: pd.DataFrame,
    *,
    province_code: str | None = None,
    tiles: bool = True,
    title: str | None = None,
) -> folium.Map:
    """Build a self-contained interactive map of reported compounds.

    Parameters
    ----------
    compounds, reports : geopandas.GeoDataFrame
        The published ``compounds`` and ``reports`` tables (``docs/ARCHITECTURE.md``).
    province_summary : pandas.DataFrame
        One row per province with ``province_code``, ``n_compounds``, ``n_reports`` and
        optionally ``province_name``, ``n_sources``, ``first_event_date``, ``last_event_date``.
    province_code : str, optional
        MEF 2025 province code (``"18"``; ``"3"`` is read as ``"03"``): a map zoomed to
        that province, with its district outlines and only its compounds. ``None``
        (default) maps all of Cambodia.
    tiles : bool, default True
        Offer OpenStreetMap tiles as an optional base layer (off at start; needs a
        connection). The map never depends on them.
    title : str, optional
        Page and panel title; defaults to "Reported scam compounds in <place>".

    Returns
    -------
    folium.Map
        Save it with ``m.save(path)`` or use :func:`write_maps`; the HTML references no
        network resource.

    Notes
    -----
    Province-level (precision 4) and country-level (5) records are never drawn as pins:
    they count in the province shading and are listed in the province popup (4) or in the
    "About this map" panel (5).

    Examples
    --------
    >>> m = compound_map(compounds, reports, summary)  # doctest: +SKIP
    >>> m.save("maps/index.html")  # doctest: +SKIP
    """
    _require(compounds, ("compound_id", "name", "province_code", "precision"), "compounds")
    _require(reports, ("report_id", "compound_id", "province_code", "precision"), "reports")
    provinces = _province_table(province_summary)
    focus = _text(province_code) or None
    if focus is not None and focus.isdigit():
        focus = focus.zfill(2)  # 3 or "3" means province "03"
    if focus is not None and focus not in set(provinces["code"]):
        raise MapError(f"unknown province_code {province_code!r}: expected one of 01 to 25")
    focus_name = (
        str(provinces.loc[provinces["code"] == focus, "province_name"].iloc[0]) if focus else ""
    )
    page_title = title or (
        f"Reported scam compounds in {focus_name}, Cambodia" if focus else _DEFAULT_TITLE
    )

    # Compounds → pins (precision 1–3 with a point) or unpinned search entries.
    events = _events_by_compound(reports)
    comp_recs = _records(compounds)
    geoms = list(compounds.geometry) if "geometry" in compounds else [None] * len(comp_recs)
    order = sorted(
        range(len(comp_recs)),
        key=lambda i: (_text(comp_recs[i].get("compound_id")), _text(comp_recs[i].get("name"))),
    )
    pins: list[dict[str, Any]] = []
    unpinned: list[dict[str, Any]] = []
    pinned_by_province: dict[str, int] = {}
    for i in order:
        c = comp_recs[i]
        pcode = _text(c.get("province_code"))
        point = _point(c, geoms[i])
        if point is not None:  # counted for every province, drawn only in the focus
            pinned_by_province[pcode] = pinned_by_province.get(pcode, 0) + 1
        if focus and pcode != focus:
            continue
        name = _text(c.get("name")) or "Unnamed compound"
        aliases = _aliases(c.get("aliases"), name)
        cid = _text(c.get("compound_id"))
        if point is None:
            prec = _precision(c.get("precision"))
            if prec == 4 and pcode:
                where = _text(c.get("province_name")) or pcode
                why = f"reported only to province level ({where}); not pinned, see its popup"
            elif prec == 5:
                why = "no place inside Cambodia reported; not mapped"
            else:
                why = "reported location not matched to a place; not mapped"
            unpinned.append({"name": name, "aliases": aliases, "province_code": pcode, "why": why})
            continue
        prec = _precision(c.get("precision")) or 1
        comp_events = events.get(cid, [])
        years = sorted({y for y in (_year(e.get("event_date")) for e in comp_events) if y})
        label = f"{name} \u2014 {_SYMBOL_WORDS[prec].lower()}"
        pins.append(
            {
                "id": cid,
                "lat": point[0],
                "lon": point[1],
                "precision": prec,
                "name": name,
                "aliases": aliases,
                "label": label,
                "years": years,
                "popup_html": _compound_popup(c, comp_events),
            }
        )

    # Report places that are not pins: province-only and those of reports linked to no
    # compound (listed per province), country-level (About panel), unmatched (counted).
    by_province: dict[str, list[dict[str, Any]]] = {}
    unlinked: dict[str, list[dict[str, Any]]] = {}
    country: list[dict[str, Any]] = []
    unmatched = 0
    seen: set[tuple[str, str, int]] = set()
    for rep in _sorted_reports(reports):
        prec = _precision(rep.get("precision"))
        prov = _text(rep.get("province_code"))
        key = (_text(rep.get("report_id")), prov, prec or 0)
        if key in seen:
            continue
        seen.add(key)
        if prec == 4 and prov:
            by_province.setdefault(prov, []).append(rep)
        elif prec in _PINNED and prov and not _text(rep.get("compound_id")):
            unlinked.setdefault(prov, []).append(rep)
        elif prec == 5:
            country.append(rep)
        elif prec is None:
            unmatched += 1

    colours, legend_rows = _classify(list(provinces["n_compounds"]))
    m = folium.Map(
        location=list(_CAMBODIA_CENTER),
        zoom_start=7,
        tiles=None,
        control_scale=True,
        font_size="13px",  # folium's own <style> comes after ours and would set 1rem
        **_MAP_OPTIONS,
    )
    m.get_root().title = html.escape(page_title)  # type: ignore[attr-defined]
    _add_assets(m)

    tile_layer = None
    if tiles:
        # Base layers: a blank one that always works, and OSM tiles for when online.
        folium.FeatureGroup(name="No base map (works offline)", overlay=False).add_to(m)
        tile_layer = folium.TileLayer(
            "OpenStreetMap",
            name="OpenStreetMap (needs a connection)",
            overlay=False,
            show=False,
        )
        tile_layer.add_to(m)

    data = _DataBlocks(m)
    province_features = _province_features(
        provinces, colours, by_province, unlinked, pinned_by_province, focus
    )
    _JsLayer(
        "provinceLayer",
        [data.ref(province_features), data.ref(focus)],
        name="Provinces: distinct compounds reported",
    ).add_to(m)
    m.add_child(_JsCall("fit", [data.ref(focus)]))
    districts = load_boundaries(2, simplified=True)
    if focus:
        districts = districts[districts["province_code"] == focus]
    _JsLayer(
        "districtLayer",
        [data.ref(_district_features(districts, tooltips=bool(focus))), data.ref(bool(focus))],
        name="District outlines",
        show=bool(focus),
    ).add_to(m)
    _JsLayer("compoundLayer", [data.ref(pins)], name="Reported compounds (pins)").add_to(m)

    title_html = _title_html(page_title, len(pins), len(unpinned))
    m.add_child(_JsCall("htmlControl", [data.ref(title_html), '"topright"', '"cm-title"']))
    folium.LayerControl(position="topright", collapsed=True).add_to(m)
    years = sorted({y for p in pins for y in p["years"]})
    m.add_child(_JsCall("yearControl", [data.ref(years)]))
    names = sorted({n for item in pins + unpinned for n in [item["name"], *item["aliases"]]})
    m.add_child(_JsCall("searchControl", [data.ref(names)]))
    fullscreen = Fullscreen(
        position="topleft", title="Full screen", title_cancel="Exit full screen"
    )
    fullscreen.default_js = []  # inlined by _add_assets
    fullscreen.default_css = []
    fullscreen.add_to(m)
    about = _about_html(len(pins), unpinned, country, unmatched, focus_name)
    m.add_child(_JsCall("htmlControl", [data.ref(about), '"bottomleft"', '"cm-about"']))
    legend = _legend_html(legend_rows)
    m.add_child(_JsCall("htmlControl", [data.ref(legend), '"bottomright"', '"cm-legend"']))
    m.add_child(_JsCall("attribution", [data.ref(_esc(_SHORT_ATTRIBUTION))]))
    if tile_layer is not None:
        m.add_child(_JsCall("watchTiles", refs=[tile_layer]))
    m.add_child(_JsCall("setUnpinned", [data.ref(unpinned)]))
    m.add_child(_JsCall("ready"))
    return m


def _render(m: folium.Map) -> bytes:
    root = m.get_root()
    text = _stable_ids(root, root.render())
    external = re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", text, re.IGNORECASE)
    if external:
        raise MapError(f"map would load an external resource: {external.group(0)!r}")
    return text.encode("utf-8")


#: Files a build writes into the maps folder (recognised there before manifests).
MAP_FILES = ("index.html", "provinces/[0-9][0-9].html", "compounds_by_province.png")


def write_maps_into(
    compounds: gpd.GeoDataFrame,
    reports: gpd.GeoDataFrame,
    province_summary: pd.DataFrame,
    out_dir: Path,
) -> list[Path]:
    """Write the overview, one page per province with reports, and the PNG into ``out_dir``.

    ``out_dir`` is an empty staging folder (:mod:`compoundmap.publish`); use
    :func:`write_maps` to publish a maps folder.
    """
    prov_dir = out_dir / "provinces"
    prov_dir.mkdir(parents=True, exist_ok=True)
    index = out_dir / "index.html"
    index.write_bytes(_render(compound_map(compounds, reports, province_summary)))
    written = [index]

    _require(province_summary, ("province_code", "n_reports"), "province_summary")
    codes = sorted(
        {
            _text(code)
            for code, n in zip(
                province_summary["province_code"], province_summary["n_reports"], strict=True
            )
            if _int(n) > 0 and _text(code)
        }
    )
    back_link = '<a href="../index.html">\u2190 Cambodia overview</a>'
    for code in codes:
        m = compound_map(compounds, reports, province_summary, province_code=code)
        back = _JsCall("htmlControl", [_DataBlocks(m).ref(back_link), '"topleft"', '"cm-back"'])
        m.add_child(back, name="cm_back")
        path = prov_dir / f"{code}.html"
        path.write_bytes(_render(m))
        written.append(path)

    written.append(static_choropleth(province_summary, out_dir / "compounds_by_province.png"))
    return written


def write_maps(
    compounds: gpd.GeoDataFrame,
    reports: gpd.GeoDataFrame,
    province_summary: pd.DataFrame,
    maps_dir: Path | str,
) -> list[Path]:
    """Publish the overview, one page per province with reports, and the print PNG.

    Output is deterministic: the same tables give byte-identical files. The pages are
    written into a staging folder that replaces ``maps_dir`` in one step
    (:mod:`compoundmap.publish`); province pages of an earlier build are replaced, files
    that no build wrote are kept.

    Parameters
    ----------
    compounds, reports, province_summary
        As for :func:`compound_map`.
    maps_dir : path
        Folder for ``index.html``, ``provinces/<code>.html`` and
        ``compounds_by_province.png`` (created if missing).

    Returns
    -------
    list of pathlib.Path
        The files written, overview first.

    Examples
    --------
    >>> write_maps(compounds, reports, summary, Path("maps"))  # doctest: +SKIP
    """
    target = Path(maps_dir)
    check_output_dirs({"maps directory": target}, [])
    with published_dirs([target], known={target: MAP_FILES}) as (stage,):
        written = write_maps_into(compounds, reports, province_summary, stage)
    return [target / p.relative_to(stage) for p in written]


def static_choropleth(province_summary: pd.DataFrame, path: Path | str) -> Path:
    """Draw distinct compounds per province as a PNG for print (matplotlib).

    Parameters
    ----------
    province_summary : pandas.DataFrame
        One row per province with ``province_code``, ``n_compounds``, ``n_reports``.
    path : path
        Where to write the PNG (parent folders are created).

    Returns
    -------
    pathlib.Path
        ``path``.

    Examples
    --------
    >>> static_choropleth(summary, "maps/compounds_by_province.png")  # doctest: +SKIP
    """
    import textwrap

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.patheffects import withStroke

    provinces = _province_table(province_summary)
    colours, legend_rows = _classify(list(provinces["n_compounds"]))
    fig = Figure(figsize=(8, 8.5), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.02, 0.12, 0.96, 0.78))
    provinces.plot(ax=ax, color=colours, edgecolor="#555555", linewidth=0.5)
    for _, p in provinces.iterrows():
        if p["n_compounds"] > 0:
            pt = p.geometry.representative_point()
            ax.annotate(
                str(p["n_compounds"]),
                (pt.x, pt.y),
                ha="center",
                va="center",
                fontsize=8,
                fontweight="bold",
                color="#111111",
                path_effects=[withStroke(linewidth=2.5, foreground="white")],
            )
    ax.set_axis_off()
    ax.legend(
        handles=[Patch(facecolor=c, edgecolor="#555555", label=lab) for c, lab in legend_rows],
        title="Distinct compounds reported",
        loc="lower right",
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    fig.text(
        0.5,
        0.96,
        "Reported scam compounds by province, Cambodia",
        ha="center",
        fontsize=14,
        fontweight="bold",
    )
    fig.text(
        0.5,
        0.93,
        "Distinct compounds named in public reports (allegations, not verified findings); "
        "includes compounds known only to their province.",
        ha="center",
        fontsize=8,
    )
    credits = "\n".join(textwrap.fill(line, 130) for line in ATTRIBUTIONS)
    fig.text(0.02, 0.02, credits, ha="left", va="bottom", fontsize=5.5, color="#333333")
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=150, metadata={"Software": None})
    return out
