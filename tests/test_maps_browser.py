"""Real-browser tests: the written maps in headless Chromium with the network off."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from test_maps import (
    EXPECTED_PINS,
    HOSTILE_ALIAS,
    HOSTILE_NAME,
    HOSTILE_TITLE,
    build_real,
    expected_real_pins,
    sample_tables,
)

from compoundmap import load_boundaries
from compoundmap.maps import write_maps

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def maps_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("maps")
    write_maps(*sample_tables(), out)
    return out


def open_map(driver: Any, path: Path, timeout: float = 15.0) -> dict[str, Any]:
    """Load a map file and wait for the runtime's ready flag; return it."""
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
    """URLs of http(s)/ws requests the page tried (chrome:// internals excluded)."""
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


MARKERS_IN_DOM = """
if (document.querySelector('.leaflet-cluster-anim')) return 0;  // mid-animation: wait
const pane = document.querySelector('.leaflet-marker-pane');
let n = pane.querySelectorAll('.cm-marker').length;
pane.querySelectorAll('.marker-cluster').forEach(c => { n += parseInt(c.textContent, 10); });
return n;
"""


def test_overview_offline(chromium: Any, maps_dir: Path) -> None:
    ready = open_map(chromium, maps_dir / "index.html")
    assert console_errors(chromium) == []
    assert network_requests(chromium) == []
    assert ready["provinces"] == 25 and ready["markers"] == EXPECTED_PINS
    assert (
        chromium.execute_script("return document.querySelectorAll('path.cm-province').length") == 25
    )
    assert chromium.execute_script("return compoundmap.cluster.getLayers().length") == EXPECTED_PINS
    # Every marker is on screen at the start, alone or inside a cluster bubble.
    assert wait_for(chromium, MARKERS_IN_DOM) == EXPECTED_PINS
    # Controls rendered: layers, fullscreen, search, year filter, about, legend.
    for selector in (
        ".leaflet-control-layers",
        ".leaflet-control-zoom-fullscreen",
        ".cm-search input",
        ".cm-year select",
        ".cm-about details",
        ".cm-legend",
    ):
        assert chromium.execute_script(f"return !!document.querySelector({selector!r})"), selector
    attribution = chromium.execute_script(
        "return document.querySelector('.leaflet-control-attribution').textContent"
    )
    assert "COD-AB" in attribution and "geoBoundaries" in attribution and "MEF" in attribution
    # Province-only compound: no marker anywhere near Kandal's representative point.
    latlngs = chromium.execute_script(
        "return compoundmap.markers.map(m => [m.getLatLng().lat, m.getLatLng().lng])"
    )
    assert [11.45, 104.95] not in latlngs and len(latlngs) == EXPECTED_PINS


def test_popup_opens_with_source_link(chromium: Any, maps_dir: Path) -> None:
    open_map(chromium, maps_dir / "index.html")
    # O'Smach sits alone in the north-west, so its marker is in the DOM unclustered.
    marker = chromium.find_element(
        "css selector", '.leaflet-marker-pane .cm-marker[title^="O\'Smach Compound"]'
    )
    marker.click()
    wait_for(chromium, "return document.querySelector('.leaflet-popup-content a')")
    links = chromium.execute_script(
        "return [...document.querySelectorAll('.leaflet-popup-content a')]"
        ".map(a => [a.href, a.target, a.rel, a.textContent])"
    )
    assert links == [
        ["https://example.org/e", "_blank", "noopener noreferrer", "19 rescued"],
        ["https://example.org/f", "_blank", "noopener noreferrer", "11 rescued"],
    ]
    text = chromium.execute_script(
        "return document.querySelector('.leaflet-popup-content').textContent"
    )
    assert "19 people reported" in text and "11 people reported" in text
    assert "secondary source" in text and "Point:" in text
    assert console_errors(chromium) == []


def test_hostile_text_displays_literally_and_never_runs(chromium: Any, maps_dir: Path) -> None:
    open_map(chromium, maps_dir / "index.html")
    box = chromium.find_element("css selector", ".cm-search input")
    box.send_keys("golden")
    chromium.find_element("css selector", ".cm-search button").click()
    wait_for(chromium, "return document.querySelector('.leaflet-popup-content h3')")
    popup = chromium.execute_script(
        """const p = document.querySelector('.leaflet-popup-content');
        return {h3: p.querySelector('h3').textContent, text: p.textContent,
            imgs: p.querySelectorAll('img').length,
            scripts: p.querySelectorAll('script').length,
            link: [...p.querySelectorAll('a')].map(a => [a.textContent, a.getAttribute('href')])}"""
    )
    assert popup["h3"] == HOSTILE_NAME
    assert HOSTILE_ALIAS in popup["text"] and "News <b>One</b>" in popup["text"]
    assert popup["imgs"] == 0 and popup["scripts"] == 0
    assert popup["link"] == [[HOSTILE_TITLE, 'https://example.org/a?x=1&y="2"']]
    assert chromium.execute_script("return document.querySelectorAll('img[src=x]').length") == 0
    assert chromium.execute_script("return window.__pwned === undefined")
    options = chromium.execute_script(
        "return [...document.querySelectorAll('#cm-names option')].map(o => o.value)"
    )
    assert HOSTILE_NAME in options and HOSTILE_ALIAS in options
    assert console_errors(chromium) == []


def test_province_level_report_in_province_popup(chromium: Any, maps_dir: Path) -> None:
    open_map(chromium, maps_dir / "index.html")
    chromium.find_element("css selector", ".cm-search input").send_keys("Kandal Province Site")
    chromium.find_element("css selector", ".cm-search button").click()
    result = wait_for(chromium, "return document.querySelector('.cm-search-result').textContent")
    assert "province level" in result and "not pinned" in result
    text = wait_for(
        chromium,
        "const p = document.querySelector('.leaflet-popup-content'); return p && p.textContent",
    )
    assert "Kandal" in text and "Kandal Province Site" in text and "not pinned" in text
    assert chromium.execute_script("return compoundmap.cluster.getLayers().length") == EXPECTED_PINS


def test_year_filter(chromium: Any, maps_dir: Path) -> None:
    open_map(chromium, maps_dir / "index.html")
    select = chromium.find_element("css selector", ".cm-year select")
    select.find_element("css selector", "option[value='2024']").click()
    # 2024: Bavet (2024-01) and O'Smach (2024-03-12).
    assert chromium.execute_script("return compoundmap.cluster.getLayers().length") == 2
    assert "2 of 5" in chromium.execute_script(
        "return document.querySelector('.cm-title .cm-status').textContent"
    )
    select.find_element("css selector", "option[value='']").click()
    assert chromium.execute_script("return compoundmap.cluster.getLayers().length") == EXPECTED_PINS


def test_province_page_offline(chromium: Any, maps_dir: Path) -> None:
    ready = open_map(chromium, maps_dir / "provinces" / "18.html")
    assert console_errors(chromium) == []
    assert network_requests(chromium) == []
    assert ready["markers"] == 2 and ready["provinces"] == 25
    n_districts = int((load_boundaries(2, simplified=True)["province_code"] == "18").sum())
    assert (
        chromium.execute_script("return document.querySelectorAll('path.cm-district').length")
        == n_districts
    )
    zoom = chromium.execute_script("return compoundmap.map.getZoom()")
    assert zoom >= 8  # zoomed to the province, not the whole country
    assert (
        chromium.execute_script("return document.querySelector('.cm-back a').getAttribute('href')")
        == "../index.html"
    )


def test_real_build_offline(chromium: Any, tmp_path: Path) -> None:
    compounds, maps_dir = build_real(tmp_path)
    expected = expected_real_pins(compounds)
    ready = open_map(chromium, maps_dir / "index.html")
    assert console_errors(chromium) == []
    assert network_requests(chromium) == []
    assert ready["provinces"] == 25 and ready["markers"] == expected
    n_paths = chromium.execute_script("return document.querySelectorAll('path.cm-province').length")
    assert n_paths == 25
    assert wait_for(chromium, MARKERS_IN_DOM) == expected
    # Open the first pin's popup through the cluster and find a source link in it.
    chromium.execute_script(
        "const m = compoundmap.markers[0];"
        "compoundmap.cluster.zoomToShowLayer(m, () => m.openPopup());"
    )
    href = wait_for(
        chromium,
        "const a = document.querySelector('.leaflet-popup-content a[rel=\"noopener noreferrer\"]');"
        "return a && a.href",
    )
    assert href.startswith(("http://", "https://"))
    assert console_errors(chromium) == []


def test_base_map_degrades_gracefully_offline(chromium: Any, maps_dir: Path) -> None:
    open_map(chromium, maps_dir / "index.html")
    assert console_errors(chromium) == []
    # Choose the online base map while offline: a status line explains, data stays.
    # A DOM click on the radio (Leaflet listens for it); the collapsed control hides it.
    chromium.execute_script(
        "const labels = [...document.querySelectorAll('.leaflet-control-layers-base label')];"
        "labels.find(l => l.textContent.includes('OpenStreetMap')).querySelector('input').click();"
    )
    status = wait_for(chromium, "return document.querySelector('.cm-title .cm-status').textContent")
    assert "unaffected" in status
    checked = chromium.execute_script(
        "return [...document.querySelectorAll('.leaflet-control-layers-base input')]"
        ".map(i => i.checked)"
    )
    assert checked == [False, True]
    assert chromium.execute_script("return compoundmap.cluster.getLayers().length") == EXPECTED_PINS
    n_paths = chromium.execute_script("return document.querySelectorAll('path.cm-province').length")
    assert n_paths == 25
