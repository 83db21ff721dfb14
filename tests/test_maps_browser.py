"""Real-browser tests: the written maps in headless Chromium with the network off.

One browser serves the module (each test loads its page afresh); the small tables are the
hostile ones of ``test_maps``, plus one check of the bundled data.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import start_chromium
from test_maps import HOSTILE, HOSTILE_NAME, RELEASE_LINE, SITE_PINS, sample_tables

from compoundmap.maps import compound_map, write_maps
from compoundmap.maps._folium import render
from compoundmap.maps._fonts import KHMER_FAMILY

pytestmark = pytest.mark.browser

N_SITES_DRAWN = 8  # CM-0001 … CM-0007 and CM-0011
N_MARKERS = 6  # two pins, Sihanoukville (2), Lekh Bei (2), Bavet (1), Ream (1)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def maps_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("maps")
    write_maps(sample_tables(), out)
    return out


def open_map(driver: Any, path: Path, timeout: float = 20.0) -> dict[str, Any]:
    """Load a map file (logs of the previous page dropped); wait for its ready stamp."""
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready = driver.execute_script("return window.compoundmapReady || null")
        if ready:
            return dict(ready)
        time.sleep(0.05)
    raise AssertionError(f"map never became ready; console: {driver.get_log('browser')}")


def console_errors(driver: Any) -> list[dict[str, Any]]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def network_requests(driver: Any) -> list[str]:
    """URLs of http(s)/ws requests the page tried."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            url = msg["params"]["request"]["url"]
            if url.split(":", 1)[0] in ("http", "https", "ws", "wss"):
                urls.append(url)
    return urls


def wait_for(driver: Any, script: str, timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


# The sites the visible markers and clusters stand for, read from their numbers: a pin is
# one site, a ring shows its count, a cluster the sum of its markers' sites.
SITES_ON_SCREEN = """
if (document.querySelector('.leaflet-cluster-anim')) return null;  // mid-animation
const pane = document.querySelector('.leaflet-marker-pane');
let n = 0;
pane.querySelectorAll('.cm-marker').forEach(m => {
  const c = m.querySelector('.cm-count'); n += c ? parseInt(c.textContent, 10) : 1; });
pane.querySelectorAll('.cm-cluster').forEach(c => { n += parseInt(c.textContent, 10); });
return n;
"""


# Which font renders a node's text (CDP): custom (web) fonts are the embedded ones.
def rendered_fonts(driver: Any, selector: str) -> list[dict[str, Any]]:
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    root = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})
    return list(fonts["fonts"])


# First: building the bundled tables also loads the gazetteer and geocoder the small
# tables need.
def test_bundled_overview_in_the_browser(browser: Any, bundled_tables: Any, tmp_path: Path) -> None:
    t = bundled_tables
    m = compound_map(t.compounds, t.events, t.province_summary, release=t.release)
    (tmp_path / "index.html").write_bytes(render(m))
    compounds = bundled_tables.compounds
    ready = open_map(browser, tmp_path / "index.html")
    assert ready["provinces"] == 25
    active = compounds[(compounds["record_status"] == "active") & compounds["latitude"].notna()]
    assert ready["sites"] == len(active)  # every site with a point is drawn, once
    assert wait_for(browser, SITES_ON_SCREEN) == len(active)
    browser.execute_script(
        "const m = compoundmap.markers[0];"
        "compoundmap.cluster.zoomToShowLayer(m, () => m.openPopup());"
    )
    href = wait_for(
        browser,
        "const a = document.querySelector('.leaflet-popup-content a[rel=\"noopener noreferrer\"]');"
        "return a && a.href",
    )
    assert href.startswith(("http://", "https://"))
    browser.execute_script("compoundmap.map.closePopup();")
    browser.execute_script(
        "compoundmap.provinces.eachLayer(l => { if (l.feature.properties.code === '18') "
        "l.openPopup(l.getBounds().getCenter()); });"
    )
    wait_for(browser, "return document.querySelector('.leaflet-popup-content [lang=km]')")
    fonts = rendered_fonts(browser, ".leaflet-popup-content h3 [lang=km]")
    assert fonts and all(f["isCustomFont"] for f in fonts), fonts
    assert console_errors(browser) == [] and network_requests(browser) == []


def test_overview_offline_with_every_site_counted(browser: Any, maps_dir: Path) -> None:
    ready = open_map(browser, maps_dir / "index.html")
    assert ready["provinces"] == 25
    assert ready["markers"] == N_MARKERS and ready["sites"] == N_SITES_DRAWN
    # However the markers cluster, the numbers on screen add up to every site drawn.
    assert wait_for(browser, SITES_ON_SCREEN) == N_SITES_DRAWN
    titles = browser.execute_script(
        "return [...document.querySelectorAll('.leaflet-marker-pane .cm-cluster span')]"
        ".map(s => s.title)"
    )
    assert titles and all(" sites in " in t or " site in " in t for t in titles)
    for selector in (
        ".leaflet-control-layers",
        ".leaflet-control-zoom-fullscreen",
        ".cm-search input",
        ".cm-year select",
        ".cm-about details",
        ".cm-legend",
    ):
        assert browser.execute_script(f"return !!document.querySelector({selector!r})"), selector
    title = browser.execute_script("return document.querySelector('.cm-title').textContent")
    assert RELEASE_LINE in title
    assert console_errors(browser) == [] and network_requests(browser) == []


def test_khmer_text_renders_with_the_embedded_font(browser: Any, maps_dir: Path) -> None:
    open_map(browser, maps_dir / "index.html")
    # Open Kandal's popup: its title carries the Khmer name in a lang="km" span.
    browser.execute_script(
        "compoundmap.provinces.eachLayer(l => { if (l.feature.properties.code === '08') "
        "l.openPopup(l.getBounds().getCenter()); });"
    )
    wait_for(browser, "return document.querySelector('.leaflet-popup-content [lang=km]')")
    # The face loads when Khmer text first needs it (it is inline: no request).
    wait_for(browser, f"return document.fonts.check('13px \"{KHMER_FAMILY}\"', '\\u1780')")
    # The glyphs come from the embedded web font, even where the machine has a Khmer font
    # of its own (comparing widths would not tell: an installed Noto has the same metrics).
    fonts = rendered_fonts(browser, ".leaflet-popup-content h3 [lang=km]")
    assert fonts and all(f["isCustomFont"] for f in fonts), fonts
    assert {f["familyName"] for f in fonts} == {"Noto Sans Khmer"}
    assert console_errors(browser) == []


def test_hostile_text_displays_literally_and_never_runs(browser: Any, maps_dir: Path) -> None:
    open_map(browser, maps_dir / "index.html")
    browser.find_element("css selector", ".cm-search input").send_keys("golden")
    browser.find_element("css selector", ".cm-search button").click()
    wait_for(browser, "return document.querySelector('.leaflet-popup-content h3')")
    text = browser.execute_script(
        "return document.querySelector('.leaflet-popup-content').textContent"
    )
    for hostile in HOSTILE:
        assert hostile in text
    assert (
        browser.execute_script(
            "return document.querySelector('.leaflet-popup-content h3').firstChild.textContent"
        ).strip()
        == HOSTILE_NAME
    )
    # Every popup and panel of the page, opened in turn: no element, no handler, no script.
    browser.execute_script(
        """compoundmap.markers.forEach(m => L.popup().setLatLng(m.getLatLng())
             .setContent(m.cm.popup_html).openOn(compoundmap.map));
           compoundmap.provinces.eachLayer(l => l.openPopup(l.getBounds().getCenter()));
           document.querySelector('.cm-about details').open = true;"""
    )
    found = browser.execute_script(
        """return {imgs: document.querySelectorAll('img[src=x], svg[onload]').length,
            handlers: [...document.querySelectorAll('*')].filter(e =>
              [...e.attributes].some(a => a.name.startsWith('on'))).length,
            scripts: document.querySelectorAll('.leaflet-pane script, .cm-panel script').length,
            pwned: window.__pwned === undefined ? null : window.__pwned};"""
    )
    assert found == {"imgs": 0, "handlers": 0, "scripts": 0, "pwned": None}
    assert console_errors(browser) == []


def test_year_filter_applies_to_markers_and_open_timelines(browser: Any, maps_dir: Path) -> None:
    open_map(browser, maps_dir / "index.html")
    # Open the Sihanoukville marker (two sites: events in 2022 and 2024) and both sites.
    browser.execute_script(
        """const m = compoundmap.markers.find(m => m.cm.name === 'Sihanoukville');
           compoundmap.cluster.zoomToShowLayer(m, () => m.openPopup());"""
    )
    wait_for(browser, "return document.querySelector('.leaflet-popup-content details')")
    browser.execute_script(
        "document.querySelectorAll('.leaflet-popup-content details').forEach(d => d.open = true)"
    )
    visible_items = (
        "return [...document.querySelectorAll('.leaflet-popup-content li[data-year]')]"
        ".filter(li => li.offsetParent !== null).map(li => li.dataset.year)"
    )
    assert sorted(browser.execute_script(visible_items)) == ["", "2022", "2024"]
    select = browser.find_element("css selector", ".cm-year select")
    select.find_element("css selector", "option[value='2024']").click()
    # Markers: only sites with a 2024 event; the open popup keeps only 2024 events.
    assert browser.execute_script("return compoundmap.cluster.getLayers().length") == 3
    assert browser.execute_script(visible_items) == ["2024"]
    count = browser.execute_script(
        "return compoundmap.markers.find(m => m.cm.name === 'Sihanoukville').cmShown"
    )
    assert count == 1  # the marker now stands for its one site with a 2024 event
    status = browser.execute_script("return document.querySelector('.cm-status').textContent")
    assert "3 of 8 drawn sites (3 of 6 markers)" in status
    note = browser.execute_script(
        "return document.querySelector('.leaflet-popup-content .cm-yearnote:not([hidden])')"
        ".textContent"
    )
    assert "Year filter 2024" in note
    browser.execute_script("compoundmap.map.fitBounds(compoundmap.provinces.getBounds())")
    assert wait_for(browser, SITES_ON_SCREEN) == 3
    select.find_element("css selector", "option[value='']").click()
    assert browser.execute_script("return compoundmap.cluster.getLayers().length") == N_MARKERS
    assert wait_for(browser, SITES_ON_SCREEN) == N_SITES_DRAWN
    assert console_errors(browser) == []


def test_search_finds_a_site_that_is_not_drawn(browser: Any, maps_dir: Path) -> None:
    open_map(browser, maps_dir / "index.html")
    browser.find_element("css selector", ".cm-search input").send_keys("Kandal Province Site")
    browser.find_element("css selector", ".cm-search button").click()
    result = wait_for(browser, "return document.querySelector('.cm-search-result').textContent")
    assert "not drawn" in result and "province" in result
    text = wait_for(
        browser,
        "const p = document.querySelector('.leaflet-popup-content'); return p && p.textContent",
    )
    assert "Kandal Province Site" in text and "not drawn on the map" in text


def test_province_page_offline(browser: Any, maps_dir: Path) -> None:
    ready = open_map(browser, maps_dir / "provinces" / "22.html")
    assert ready["markers"] == 1 and ready["sites"] == 1
    ids = browser.execute_script("return compoundmap.markers.map(m => m.cm.id)")
    assert set(ids) <= SITE_PINS
    assert browser.execute_script("return compoundmap.map.getZoom()") >= 8
    back = "return document.querySelector('.cm-back a').getAttribute('href')"
    assert browser.execute_script(back) == "../index.html"
    assert RELEASE_LINE in browser.execute_script(
        "return document.querySelector('.cm-title').textContent"
    )
    assert console_errors(browser) == [] and network_requests(browser) == []


def test_base_map_degrades_gracefully_offline(browser: Any, maps_dir: Path) -> None:
    open_map(browser, maps_dir / "index.html")
    browser.execute_script(
        "const labels = [...document.querySelectorAll('.leaflet-control-layers-base label')];"
        "labels.find(l => l.textContent.includes('OpenStreetMap')).querySelector('input').click();"
    )
    status = wait_for(browser, "return document.querySelector('.cm-title .cm-status').textContent")
    assert "unaffected" in status
    assert browser.execute_script("return compoundmap.cluster.getLayers().length") == N_MARKERS
