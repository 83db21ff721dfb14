"""The HTML of the maps' popups and panels: sites with their cited timeline, places, provinces.

Every string from the data is escaped here (:mod:`._html`); every event lists its sources.
Timeline items carry ``data-year`` so the page's year filter can show one year.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..schema import Precision
from ._html import aliases_of, esc, n_of, precision_of, source_line, text, year_of

__all__ = [
    "ATTRIBUTIONS",
    "about_html",
    "event_item",
    "group_popup",
    "legend_html",
    "province_popup",
    "release_line",
    "site_popup",
    "title_html",
]

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
#: What each marker symbol means (legend and popups).
SYMBOL_WORDS: dict[int, str] = {
    Precision.SITE: "A site at coordinates a cited source gives",
    Precision.PLACE: "Sites reported at a named place (town, village, beach, crossing); "
    "the sites themselves are not located",
    Precision.COMMUNE: "Sites known only to their commune (drawn at its centre)",
    Precision.DISTRICT: "Sites known only to their district (drawn at its centre)",
}
STATUS_WORDS: dict[str, str] = {
    "reported operating": "reported operating: the latest dated event shows activity",
    "raided": "raided: the latest dated event is a raid (a raid is not a closure; many sites "
    "reopened)",
    "reported relocated": "reported relocated",
    "reported closed": "reported closed or abandoned",
}


def release_line(release: Mapping[str, str] | None) -> str:
    """``Data as of 2026-11-30, release 2026.11.30`` (escaped), or an empty string."""
    if not release or not release.get("version"):
        return ""
    return esc(f"Data as of {release['created'][:10]}, release {release['version']}")


def _figures(figures: Sequence[Mapping[str, Any]]) -> str:
    """``11–19 rescued (sources differ)`` for each kind, side by side, never averaged."""
    by_kind: dict[str, list[int]] = {}
    for f in figures:
        by_kind.setdefault(text(f.get("kind")) or "people", []).append(int(f["people"]))
    parts = []
    for kind, values in sorted(by_kind.items()):
        low, high = min(values), max(values)
        span = f"{low:,}" if low == high else f"{low:,}\u2013{high:,}"
        note = " (figures differ by source)" if low != high else ""
        parts.append(f"{span} {kind}{note}")
    return "; ".join(parts)


def event_item(event: Mapping[str, Any]) -> str:
    """One event as an escaped ``<li>``: date, type, figures and every source."""
    date = text(event.get("date") or event.get("event_date"))
    kind = text(event.get("type") or event.get("event_type"))
    figures = event.get("figures")
    if isinstance(figures, str):
        figures = json.loads(figures) if figures else []
    citations = event.get("citations")
    if isinstance(citations, str):
        citations = json.loads(citations) if citations else []
    parts = [f'<span class="cm-date">{esc(date or "date not reported")}</span>']
    if kind:
        parts.append(esc(kind))
    if figures:
        parts.append(esc(_figures(figures)) + " reported")
    sources = "".join(f"<br>{source_line(c)}" for c in citations or [])
    return f'<li data-year="{esc(year_of(date))}">{" · ".join(parts)}{sources}</li>'


def _timeline(site: Mapping[str, Any]) -> list[dict[str, Any]]:
    raw = text(site.get("timeline"))
    return json.loads(raw) if raw else []


def _site_body(site: Mapping[str, Any]) -> str:
    name = text(site.get("name")) or "Unnamed site"
    out = []
    aliases = aliases_of(site.get("aliases"), name)
    if aliases:
        out.append(f"<p>Also reported as: {esc('; '.join(aliases))}</p>")
    other = text(site.get("names_other_scripts"))
    if other:
        out.append(f'<p>Names in other scripts: <span class="cm-script">{esc(other)}</span></p>')
    if text(site.get("operator_names")):
        out.append(f"<p><b>Reported operators:</b> {esc(site.get('operator_names'))}</p>")
    where = [
        text(site.get(c))
        for c in ("place_name", "commune_name", "district_name", "province_name")
        if text(site.get(c))
    ]
    if where:
        out.append(f"<p><b>Reported at:</b> {esc(', '.join(dict.fromkeys(where)))}</p>")
    prec = precision_of(site.get("precision"))
    if prec:
        cls = ' class="cm-approx"' if prec > Precision.SITE else ""
        out.append(f"<p{cls}><b>Location:</b> {esc(Precision(prec).description)}</p>")
    status = text(site.get("status"))
    if status:
        words = STATUS_WORDS.get(status, status)
        when = text(site.get("status_date"))
        out.append(f"<p><b>Status:</b> {esc(words)}{esc(f' ({when})' if when else '')}</p>")
    if str(site.get("sanctioned")).lower() == "true":
        ids = text(site.get("designation_ids"))
        out.append(f"<p><b>Sanctioned</b>{esc(f' ({ids})' if ids else '')}</p>")
    events = _timeline(site)
    out.append(f'<h4>Reported events ({len(events)})</h4><ul class="cm-timeline">')
    out.extend(event_item(e) for e in events)
    out.append("</ul>")
    return "".join(out)


def site_popup(site: Mapping[str, Any]) -> str:
    """A registry site: names, location and its precision, status, timeline with sources."""
    name = text(site.get("name")) or "Unnamed site"
    return (
        f'<div class="cm-popup"><h3>{esc(name)} <span class="cm-rid">'
        f"[{esc(site.get('compound_id'))}]</span></h3>{_site_body(site)}"
        '<p class="cm-note">Allegations as reported by the sources; figures can differ '
        "between sources and are shown side by side.</p></div>"
    )


def group_popup(label: str, precision: int, sites: Sequence[Mapping[str, Any]]) -> str:
    """Several sites known to one place or unit: one marker, each site listed with its history."""
    where = {
        Precision.PLACE: f"reported in {label}; sites not published",
        Precision.COMMUNE: f"known only to commune {label}",
        Precision.DISTRICT: f"known only to district {label}",
    }.get(Precision(precision), label)
    head = f"{n_of(len(sites), 'site')} {where}"
    out = [f'<div class="cm-popup"><h3>{esc(head)}</h3>']
    if precision != Precision.SITE:
        out.append(f'<p class="cm-approx">{esc(Precision(precision).description)}.</p>')
    for site in sites:
        name = text(site.get("name")) or "Unnamed site"
        years = " ".join(sorted({year_of(e.get("date")) for e in _timeline(site)} - {""}))
        out.append(
            f'<details data-years="{esc(years)}"><summary>{esc(name)} '
            f'<span class="cm-rid">[{esc(site.get("compound_id"))}]</span></summary>'
            f"{_site_body(site)}</details>"
        )
    out.append(
        '<p class="cm-note">Allegations as reported by the sources; figures can differ '
        "between sources and are shown side by side.</p></div>"
    )
    return "".join(out)


def province_popup(
    p: Mapping[str, Any],
    province_sites: Sequence[Mapping[str, Any]],
    unlinked_events: Sequence[Mapping[str, Any]],
    n_marked: int,
    *,
    listed_elsewhere: bool,
) -> str:
    """A province: counts, sites known only to the province, events linked to no site."""
    name = esc(p.get("province_name"))
    km = f' <span lang="km">{esc(p.get("name_km"))}</span>' if text(p.get("name_km")) else ""
    out = [
        f'<div class="cm-popup"><h3>{name}{km}</h3>',
        f"<p>{n_of(int(p.get('n_compounds', 0)), 'registry site')} · "
        f"{n_of(int(p.get('n_events', 0)), 'event')} · "
        f"{n_of(int(p.get('n_reports', 0)), 'report')} · "
        f"{n_of(int(p.get('n_sources', 0)), 'source')}</p>",
    ]
    shared = int(p.get("n_events_shared", 0) or 0)
    if shared:
        out.append(f"<p>{n_of(shared, 'more event')} concerning several provinces.</p>")
    first, last = text(p.get("first_event_date")), text(p.get("last_event_date"))
    if first or last:
        out.append(f"<p>Reported events: {esc(first or '?')} to {esc(last or '?')}</p>")
    out.append(f"<p>{n_of(n_marked, 'site')} drawn on the map in this province.</p>")
    if listed_elsewhere:
        out.append("<p>Its sites and events are listed on the overview map.</p>")
    if province_sites:
        out.append(f"<h4>Sites known only to the province ({len(province_sites)}), not drawn</h4>")
        for site in province_sites:
            out.append(
                f"<details><summary>{esc(site.get('name'))} "
                f'<span class="cm-rid">[{esc(site.get("compound_id"))}]</span></summary>'
                f"{_site_body(site)}</details>"
            )
    if unlinked_events:
        out.append(
            f"<h4>Events in this province linked to no registry site ({len(unlinked_events)})"
            '</h4><ul class="cm-timeline">'
        )
        out.extend(event_item(e) for e in unlinked_events)
        out.append("</ul>")
    out.append("</div>")
    return "".join(out)


def title_html(title: str, n_markers: int, n_sites: int, release: Mapping[str, str] | None) -> str:
    """The title panel: what the map shows, how many sites, which data release."""
    line = release_line(release)
    return (
        f"<h1>{esc(title)}</h1><p>{n_of(n_sites, 'registry site')} in {n_of(n_markers, 'marker')}. "
        "Reported allegations, not verified findings.</p>"
        + (f'<p class="cm-release">{line}</p>' if line else "")
        + '<div class="cm-status" role="status"></div>'
    )


def legend_html(rows: Sequence[tuple[str, str]]) -> str:
    """Choropleth classes and the marker symbols."""
    out = ["<h2>Registry sites per province</h2>"]
    out += [
        f'<div class="cm-row"><span class="cm-swatch" style="background:{colour}"></span>'
        f"{esc(label)}</div>"
        for colour, label in rows
    ]
    out.append("<h2>Markers</h2>")
    out += [
        f'<div class="cm-row"><span class="cm-sym cm-marker cm-prec-{int(p)}"></span>'
        f"{esc(words)}</div>"
        for p, words in SYMBOL_WORDS.items()
    ]
    out.append(
        '<div class="cm-note">A number on a marker is how many sites it stands for. Sites '
        "known only to a province are listed in its popup, never drawn. Classes: Fisher-Jenks "
        "(mapclassify).</div>"
    )
    return "".join(out)


def about_html(
    n_markers: int,
    province_only: int,
    country_events: Sequence[Mapping[str, Any]],
    several: Sequence[Mapping[str, Any]],
    n_unlocated: int,
    focus_name: str,
    release: Mapping[str, str] | None,
) -> str:
    """The "About this map" panel: what it shows, caveats, what is not on it, credits."""
    scope = f" in {esc(focus_name)}" if focus_name else ""
    out = [
        "<details><summary>About this map</summary>",
        "<h2>What it shows</h2><p>Sites where forced labour in online scams has been reported"
        f"{scope}, from compoundmap's curated registry and the public news, NGO, court and "
        "government sources it cites. Everything shown is an allegation as reported by the "
        "cited source; compoundmap has not verified it.</p>",
        "<h2>Caveats</h2><ul>",
        "<li>A solid pin is a site at coordinates a cited source gives. A ring stands for the "
        "sites reported at a named place, commune or district: it is drawn at that place, not "
        "at any site, and sites are not published more precisely than the sources locate them."
        "</li>",
        "<li>Sites known only to their province are listed in the province popup and counted "
        "in its shading; they are never drawn.</li>",
        "<li>Status comes from each site's latest dated, cited event; a raid is not a "
        "closure.</li>",
        "<li>Figures (detained, rescued, deported, estimated) mean what their source says; "
        "conflicting figures are shown side by side, never averaged.</li>",
        '<li>A <span class="cm-secondary">secondary source</span> was read from a mirror, '
        "aggregator or summary of the original outlet.</li>",
        "<li>The year filter applies to markers and timelines; the shading counts all years.</li>",
        "<li>The base map is optional and needs a connection; everything else works offline.</li>",
        "<li>No personal data: names of victims or witnesses are not recorded.</li></ul>",
        f"<h2>Not on the map</h2><p>{n_of(province_only, 'site')} known only to a province; "
        f"{n_of(n_unlocated, 'event')} whose place is not known.</p>",
    ]
    for label, events in (
        ("about Cambodia as a whole", country_events),
        ("concerning several provinces", several),
    ):
        if events:
            out.append(
                f'<h2>{n_of(len(events), "event")} {label}</h2><ul class="cm-timeline">'
                + "".join(event_item(e) for e in events)
                + "</ul>"
            )
    line = release_line(release)
    if line:
        out.append(f"<h2>Release</h2><p>{line}.</p>")
    out.append('<h2>Credits</h2><ul class="cm-credit">')
    out += [f"<li>{esc(line)}</li>" for line in ATTRIBUTIONS]
    out.append(
        "<li>Map software: Leaflet 1.9.4 (BSD-2-Clause), Leaflet.markercluster 1.5.3 (MIT), "
        "leaflet.fullscreen 3.0.2 (MIT), compoundmap (MIT). Khmer script: Noto Sans Khmer "
        "(SIL Open Font License 1.1).</li></ul></details>"
    )
    return "".join(out)
