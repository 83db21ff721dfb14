"""The HTML of the maps' popups and panels: sites with their cited timeline, places, provinces.

Every string from the data is escaped here (:mod:`._html`); every event lists each of its
sources, and figures stay side by side with the source that gives them. Timeline items
carry ``data-year`` (and site entries ``data-years``) so the page's year filter applies to
them too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..schema import Precision
from ._html import aliases_of, esc, link, n_of, precision_of, safe_url, source_line, text, year_of

__all__ = [
    "ATTRIBUTIONS",
    "GROUP_WORDS",
    "SYMBOL_WORDS",
    "about_html",
    "event_item",
    "group_popup",
    "legend_html",
    "province_popup",
    "release_line",
    "site_entry",
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
#: What each marker symbol means (legend); keys are :class:`Precision` values.
SYMBOL_WORDS: dict[int, str] = {
    Precision.SITE: "One site, at coordinates a cited source gives",
    Precision.PLACE: "Sites reported at a named place (town, village, beach, crossing), "
    "drawn at that place; the sites themselves are not located",
    Precision.COMMUNE: "Sites known only to their commune, drawn at its centre",
    Precision.DISTRICT: "Sites known only to their district, drawn at its centre",
}
#: How a grouped marker's popup and label say where its sites are (``{}`` is the place).
GROUP_WORDS: dict[int, str] = {
    Precision.PLACE: "reported at {}; sites not published",
    Precision.COMMUNE: "known only to commune {}; drawn at its centre",
    Precision.DISTRICT: "known only to district {}; drawn at its centre",
}
STATUS_WORDS: dict[str, str] = {
    "reported operating": "reported operating: the latest dated event shows activity",
    "raided": "raided: the latest dated event is a raid (a raid is not a closure; many sites "
    "reopened)",
    "reported relocated": "reported relocated",
    "reported closed": "reported closed or abandoned",
}
_KIND_WORDS = {
    "estimated_held": "estimated held",
    "victims_identified": "victims identified",
    "unspecified": "people, kind of count not stated",
    "other": "people, other count",
}
_SCOPE_WORDS = {
    "place": "at the named place",
    "province": "in the province",
    "multi_province": "across several provinces",
    "country": "nationwide",
}
_CAVEAT = (
    '<p class="cm-note">Allegations as reported by the sources; figures can differ '
    "between sources and are shown side by side, each with its source.</p>"
)


def release_line(release: Mapping[str, str] | None) -> str:
    """``Data as of 2026-11-30, release 2026.11.30`` (escaped), or an empty string."""
    if not release or not release.get("version"):
        return ""
    created = text(release.get("created"))[:10] or "?"
    return esc(f"Data as of {created}, release {release['version']}")


def _json_list(value: object) -> list[dict[str, Any]]:
    if isinstance(value, str):
        value = json.loads(value) if value.strip() else []
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, dict)]


def _figures(figures: Sequence[Mapping[str, Any]], citations: Sequence[Mapping[str, Any]]) -> str:
    """Every figure with the source that gives it, side by side; never a sum or an average."""
    by_report = {text(c.get("report_id")): c for c in citations}
    parts: list[str] = []
    values: dict[str, set[int]] = {}
    for f in sorted(figures, key=lambda f: (text(f.get("kind")), text(f.get("report_id")))):
        try:
            people = int(f["people"])
        except (KeyError, TypeError, ValueError):
            continue
        kind = text(f.get("kind")) or "unspecified"
        values.setdefault(kind, set()).add(people)
        scope = _SCOPE_WORDS.get(text(f.get("scope")), "")
        cite = by_report.get(text(f.get("report_id")), {})
        who = text(cite.get("publisher")) or text(f.get("report_id")) or "unknown source"
        parts.append(
            f'<span class="cm-fig">{esc(f"{people:,} {_KIND_WORDS.get(kind, kind)}")}</span>'
            + (f" {esc(scope)}" if scope else "")
            + f" ({esc(who)})"
        )
    if not parts:
        return ""
    differ = any(len(v) > 1 for v in values.values())
    note = ' <span class="cm-differ">figures differ between sources</span>' if differ else ""
    return f'<div class="cm-figs">Reported: {" · ".join(parts)}{note}</div>'


def event_item(event: Mapping[str, Any]) -> str:
    """One event as an escaped ``<li data-year>``: date, type, figures and every source.

    Takes an item of a site's ``timeline`` or a row of the ``events`` table.
    """
    date = text(event.get("date") or event.get("event_date"))
    kind = text(event.get("type") or event.get("event_type"))
    citations = _json_list(event.get("citations"))
    head = f'<span class="cm-date">{esc(date or "date not reported")}</span>'
    if kind:
        head += f' · <span class="cm-type">{esc(kind)}</span>'
    figures = _figures(_json_list(event.get("figures")), citations)
    sources = "".join(f"<li>{source_line(c)}</li>" for c in citations)
    if not sources:
        sources = "<li>No source recorded</li>"
    return (
        f'<li class="cm-event" data-year="{esc(year_of(date))}">{head}{figures}'
        f'<ul class="cm-sources">{sources}</ul></li>'
    )


def timeline(site: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A site's cited events (its ``timeline`` JSON)."""
    return _json_list(text(site.get("timeline")))


def site_years(site: Mapping[str, Any]) -> list[str]:
    """The years of a site's dated events."""
    return sorted({year_of(e.get("date")) for e in timeline(site)} - {""})


def _evidence(site: Mapping[str, Any]) -> str:
    evidence = text(site.get("location_evidence"))
    quote = text(site.get("location_quote"))
    if not evidence and not quote:
        return ""
    if safe_url(evidence):
        where = link(evidence, "cited source")
    elif evidence:
        where = f'report <span class="cm-rid">[{esc(evidence)}]</span>'
    else:
        where = "cited source"
    said = f": \u201c{esc(quote)}\u201d" if quote else ""
    return f'<p class="cm-evidence">Location evidence: {where}{said}</p>'


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
    if prec in set(Precision):
        cls = ' class="cm-approx"' if prec > Precision.SITE else ""
        out.append(f"<p{cls}><b>Location:</b> {esc(Precision(prec).description)}</p>")
    else:
        out.append('<p class="cm-approx"><b>Location:</b> not known</p>')
    out.append(_evidence(site))
    status = text(site.get("status"))
    if status:
        words = STATUS_WORDS.get(status, status)
        when = text(site.get("status_date"))
        out.append(f"<p><b>Status:</b> {esc(words)}{f' ({esc(when)})' if when else ''}</p>")
    if str(site.get("sanctioned")).lower() == "true":
        ids = text(site.get("designation_ids"))
        out.append(f"<p><b>Sanctioned</b>{f' ({esc(ids)})' if ids else ''}</p>")
    events = timeline(site)
    out.append(f'<h4>Reported events ({len(events)})</h4><ul class="cm-timeline">')
    out.extend(event_item(e) for e in events)
    out.append("</ul>")
    return "".join(out)


def _rid(site: Mapping[str, Any]) -> str:
    return f'<span class="cm-rid">[{esc(site.get("compound_id"))}]</span>'


def site_popup(site: Mapping[str, Any]) -> str:
    """A registry site: names, location and its precision, status, timeline with sources."""
    name = text(site.get("name")) or "Unnamed site"
    return (
        f'<div class="cm-popup"><h3>{esc(name)} {_rid(site)}</h3>{_site_body(site)}{_CAVEAT}</div>'
    )


def site_entry(site: Mapping[str, Any]) -> str:
    """A site inside a list (grouped marker, province, About): name, then its details."""
    name = text(site.get("name")) or "Unnamed site"
    years = " ".join(site_years(site))
    return (
        f'<details class="cm-site" data-years="{esc(years)}"><summary>{esc(name)} '
        f"{_rid(site)}</summary>{_site_body(site)}</details>"
    )


def group_popup(label: str, precision: int, sites: Sequence[Mapping[str, Any]]) -> str:
    """Several sites known to one place or unit: one marker, each site with its history.

    Parameters
    ----------
    label : str
        The place's or unit's name (escaped here).
    precision : int
        The sites' shared :class:`compoundmap.schema.Precision` (place, commune or
        district: a key of :data:`GROUP_WORDS`).
    sites : sequence of mapping
        The sites' published rows, each listed with :func:`site_entry`.

    Returns
    -------
    str
        The popup's HTML: a heading with the number of sites and where they are known,
        how precise the location is, the sites and the caveat.
    """
    where = GROUP_WORDS.get(precision, "at {}").format(label)
    head = f"{n_of(len(sites), 'site')} {where}"
    out = [
        f'<div class="cm-popup"><h3>{esc(head)}</h3>',
        f'<p class="cm-approx">Location: {esc(Precision(precision).description)}.</p>',
        *(site_entry(s) for s in sites),
        _CAVEAT,
        "</div>",
    ]
    return "".join(out)


def province_popup(
    p: Mapping[str, Any],
    province_sites: Sequence[Mapping[str, Any]],
    unlinked_events: Sequence[Mapping[str, Any]],
    n_marked: int,
    *,
    listed_elsewhere: bool,
) -> str:
    """A province: counts, its sites not drawn, events linked to no site.

    Sites not drawn are those known only to the province, and those known to a commune or
    district the gazetteer has no centre for.

    Parameters
    ----------
    p : mapping
        The province's row of the map's province table (``province_name``, ``name_km``,
        ``n_compounds``, ``n_events``, ``n_reports``, ``n_sources``, ``n_events_shared``,
        ``first_event_date``, ``last_event_date``).
    province_sites : sequence of mapping
        Its sites not drawn on the map (listed with :func:`site_entry`).
    unlinked_events : sequence of mapping
        Its events linked to no registry site (listed with :func:`event_item`).
    n_marked : int
        How many of its sites the map draws.
    listed_elsewhere : bool
        Say that its sites and events are listed on its own page and the overview (a
        province other than the one a province page is about).

    Returns
    -------
    str
        The popup's HTML (every value escaped).
    """
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
        out.append(
            f"<p>{n_of(shared, 'more event')} concerning several provinces "
            "(listed in About this map).</p>"
        )
    first, last = text(p.get("first_event_date")), text(p.get("last_event_date"))
    if first or last:
        out.append(f"<p>Reported events: {esc(first or '?')} to {esc(last or '?')}</p>")
    out.append(f"<p>{n_of(n_marked, 'site')} drawn on the map in this province.</p>")
    if listed_elsewhere:
        out.append("<p>Its sites and events are listed on its own page and the overview.</p>")
    if province_sites:
        out.append(
            f"<h4>Sites in this province not drawn on the map ({len(province_sites)})</h4>"
            '<p class="cm-note">Known only to the province, or to a commune or district the '
            "map has no centre for (each site says which).</p>"
        )
        out.extend(site_entry(s) for s in province_sites)
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
    """The title panel: what the map shows, how many sites, which data release.

    Parameters
    ----------
    title : str
        The page's title (escaped).
    n_markers : int
        Markers drawn on the page.
    n_sites : int
        Registry sites those markers stand for.
    release : mapping, optional
        ``version`` and ``created`` of the data (:func:`release_line`); None for no
        release line.

    Returns
    -------
    str
        The panel's HTML, ending with an empty status line for the page's script.

    Examples
    --------
    >>> title_html("Scam <sites>", 2, 5, None)  # doctest: +NORMALIZE_WHITESPACE
    '<h1>Scam &lt;sites&gt;</h1><p>5 registry sites drawn as 2 markers. Reported
    allegations, not verified findings.</p><div class="cm-status" role="status"></div>'
    """
    line = release_line(release)
    return (
        f"<h1>{esc(title)}</h1><p>{n_of(n_sites, 'registry site')} drawn as "
        f"{n_of(n_markers, 'marker')}. Reported allegations, not verified findings.</p>"
        + (f'<p class="cm-release">{line}</p>' if line else "")
        + '<div class="cm-status" role="status"></div>'
    )


def legend_html(rows: Sequence[tuple[str, str]]) -> str:
    """Choropleth classes and the marker symbols (the same classes the markers use)."""
    out = ["<h2>Registry sites per province</h2>"]
    out += [
        f'<div class="cm-row"><span class="cm-swatch" style="background:{colour}"></span>'
        f"{esc(label)}</div>"
        for colour, label in rows
    ]
    out.append("<h2>Markers</h2>")
    for p, words in SYMBOL_WORDS.items():
        count = "" if p == Precision.SITE else '<span class="cm-count">3</span>'
        out.append(
            f'<div class="cm-row"><span class="cm-sym cm-marker cm-prec-{int(p)}">{count}'
            f"</span>{esc(words)}</div>"
        )
    out.append(
        '<div class="cm-row"><span class="cm-sym cm-cluster"><span>12</span></span>'
        "A cluster of nearby markers; its number counts sites, not markers</div>"
        '<div class="cm-note">The number on a marker is how many sites it stands for. Sites '
        "known only to a province are listed in its popup, never drawn. Classes: Fisher-Jenks "
        "(mapclassify).</div>"
    )
    return "".join(out)


def about_html(
    n_markers: int,
    not_drawn: Mapping[str, int],
    country_events: Sequence[Mapping[str, Any]],
    several: Sequence[Mapping[str, Any]],
    unplaced_sites: Sequence[Mapping[str, Any]],
    n_unlocated: int,
    focus_name: str,
    release: Mapping[str, str] | None,
) -> str:
    """The "About this map" panel: what it shows, caveats, what is not on it, credits.

    Parameters
    ----------
    n_markers : int
        Markers drawn on the page.
    not_drawn : mapping of str to int
        Sites not drawn: ``province`` (known only to a province, or to a unit without a
        mapped centre) and ``unplaced`` (place in Cambodia unknown); a missing key is 0.
    country_events : sequence of mapping
        Events about Cambodia as a whole, listed with :func:`event_item`.
    several : sequence of mapping
        Events concerning several provinces, listed likewise.
    unplaced_sites : sequence of mapping
        Sites whose place is not known, listed with :func:`site_entry`.
    n_unlocated : int
        Events whose place is not known (counted only).
    focus_name : str
        The province a province page is about (``""`` for the overview).
    release : mapping, optional
        ``version`` and ``created`` of the data (:func:`release_line`).

    Returns
    -------
    str
        The panel's HTML, a ``<details>`` element (every value escaped).
    """
    scope = f" in {esc(focus_name)}" if focus_name else ""
    out = [
        "<details><summary>About this map</summary>",
        "<h2>What it shows</h2><p>Sites where forced labour in online scams has been reported"
        f"{scope}, from compoundmap's curated registry and the public news, NGO, court and "
        "government sources it cites. Everything shown is an allegation as reported by the "
        f"cited source; compoundmap has not verified it. {n_of(n_markers, 'marker')} on "
        "this map.</p>",
        "<h2>Caveats</h2><ul>",
        "<li>A solid pin is one site at coordinates a cited source gives. A ring with a "
        "number stands for that many sites reported at a named place, commune or district: "
        "it is drawn at that place, not at any site, and sites are not published more "
        "precisely than the sources locate them.</li>",
        "<li>Sites known only to their province are listed in the province popup and counted "
        "in its shading; they are never drawn.</li>",
        "<li>Status comes from each site's latest dated, cited event; a raid is not a "
        "closure.</li>",
        "<li>Figures (detained, rescued, deported, estimated) mean what their source says; "
        "figures from different sources are shown side by side, never summed or averaged."
        "</li>",
        '<li>A <span class="cm-secondary">secondary source</span> was read from a mirror, '
        "aggregator or summary of the original outlet.</li>",
        "<li>The year filter applies to markers and to the events listed in popups and "
        "here; the shading counts all years.</li>",
        "<li>The base map is optional and needs a connection; everything else works offline.</li>",
        "<li>No personal data: names of victims or witnesses are not recorded.</li></ul>",
        f"<h2>Not on the map</h2><p>{n_of(not_drawn.get('province', 0), 'site')} known "
        "only to a province, or to a commune or district with no mapped centre (listed in "
        "the province popup); "
        f"{n_of(not_drawn.get('unplaced', 0), 'site')} whose place in Cambodia is not known; "
        f"{n_of(n_unlocated, 'event')} whose place is not known.</p>",
    ]
    if unplaced_sites:
        out.append(f"<h2>Sites whose place is not known ({len(unplaced_sites)})</h2>")
        out.extend(site_entry(s) for s in unplaced_sites)
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
        out.append(f'<h2>Release</h2><p class="cm-release">{line}.</p>')
    out.append('<h2>Credits</h2><ul class="cm-credit">')
    out += [f"<li>{esc(line)}</li>" for line in ATTRIBUTIONS]
    out.append(
        "<li>Map software: Leaflet 1.9.4 (BSD-2-Clause), Leaflet.markercluster 1.5.3 (MIT), "
        "leaflet.fullscreen 3.0.2 (MIT), compoundmap (MIT). Khmer script: a subset of Noto "
        "Sans Khmer 2.001, \u00a9 2016 Google Inc., SIL Open Font License 1.1, embedded in "
        "this page.</li></ul></details>"
    )
    return "".join(out)
