"""Tests of compoundmap.maps: escaping, precision rules, self-containment, determinism."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from folium.plugins import MiniMap
from shapely.geometry import Point

from compoundmap import load_boundaries, maps
from compoundmap.errors import MapError, MissingColumnError
from compoundmap.maps import ATTRIBUTIONS, compound_map, static_choropleth, write_maps

HOSTILE_TITLE = (
    "Raid on <img src=x onerror=window.__pwned=1> `tick` \"dq\" 'sq' </script> {# note #} "
    "{% if true %}T{% endif %}"
)
HOSTILE_NAME = 'Golden {{ 7*7 }} <img src=x onerror=window.__pwned=2> "Fortune" `${x}` </script><b>'
HOSTILE_ALIAS = "Alias <script>window.__pwned=3</script>"

# 7 compounds: 4 pins (precision 1, 1, 2, 3), one province-only (4), one country-level (5),
# one unmatched. Province-only C4 carries the geocoder's province point on purpose.
_COMPOUNDS = [
    # id, name, aliases, province, precision, lon, lat, geometry?
    ("C1", HOSTILE_NAME, HOSTILE_ALIAS, "18", 1, 103.5201, 10.6101, True),
    ("C2", "Commune Park", "", "18", 2, 103.5302, 10.6403, True),
    ("C3", "Bavet District Casino", "Moc Bai Casino", "20", 3, 106.1501, 11.0701, True),
    ("C4", "Kandal Province Site", "", "08", 4, 104.95, 11.45, False),
    ("C5", "Nationwide Network", "", "", 5, None, None, False),
    ("C6", "O'Smach Compound", "Osmach Resort", "22", 1, 103.5, 14.43, True),
    ("C7", "Phnom Penh Tower", "", "12", 1, 104.92, 11.56, True),
    ("C8", "Nowhere Known", "", "", None, None, None, False),
]
_PROVINCE_NAMES = {
    "18": "Preah Sihanouk",
    "20": "Svay Rieng",
    "08": "Kandal",
    "22": "Oddar Meanchey",
    "12": "Phnom Penh",
}
_REPORTS = [
    # report_id, compound_id, event_date, type, victims, publisher, title, url, tier
    (
        "R1",
        "C1",
        "2023-05-02",
        "raid",
        "40",
        "News <b>One</b>",
        HOSTILE_TITLE,
        'https://example.org/a?x=1&y="2"',
        "primary",
    ),
    (
        "R2",
        "C2",
        "2022",
        "rescue",
        "",
        "Daily",
        "Commune rescue",
        "https://example.org/b",
        "secondary",
    ),
    (
        "R3",
        "C3",
        "2024-01",
        "raid",
        "300",
        "Monitor",
        "District raid",
        "https://example.org/c",
        "primary",
    ),
    (
        "R4",
        "C4",
        "2023-09-10",
        "warning",
        "",
        "Watch",
        "Kandal warning",
        "https://example.org/d",
        "primary",
    ),
    ("R5", "C5", "2022-03-10", "report", "", "Coalition", "Joint statement", "", "primary"),
    (
        "R6",
        "C6",
        "2024-03-12",
        "rescue",
        "19",
        "Thai task force",
        "19 rescued",
        "https://example.org/e",
        "primary",
    ),
    (
        "R7",
        "C6",
        "2024-03-12",
        "rescue",
        "11",
        "Governor",
        "11 rescued",
        "https://example.org/f",
        "secondary",
    ),
    ("R8", "C7", "", "investigation", "", "Paper", "Tower probe", "javascript:alert(1)", "primary"),
    ("R9", "C8", "2021", "other", "", "Blog", "Unplaced", "https://example.org/g", "primary"),
]


def sample_tables() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]:
    """Small published tables in the ARCHITECTURE.md schema, with hostile source text."""
    comp_rows = []
    for cid, name, aliases, prov, prec, lon, lat, has_geom in _COMPOUNDS:
        refs = [r for r in _REPORTS if r[1] == cid]
        comp_rows.append(
            {
                "compound_id": cid,
                "name": name,
                "aliases": aliases,
                "province_code": prov,
                "province_pcode": f"KH{prov}" if prov else "",
                "province_name": _PROVINCE_NAMES.get(prov, ""),
                "district_name": "Bavet" if cid == "C3" else "",
                "commune_name": "Lekh Muoy" if cid == "C2" else "",
                "latitude": lat,
                "longitude": lon,
                "precision": prec,
                "precision_label": "",
                "location_text": f"near <i>{name}</i>",
                "first_event_date": min((r[2] for r in refs), default=""),
                "last_event_date": max((r[2] for r in refs), default=""),
                "n_reports": len(refs),
                "n_sources": len(refs),
                "report_ids": ";".join(r[0] for r in refs),
                "citations": json.dumps(
                    [
                        {
                            "report_id": r[0],
                            "publisher": r[5],
                            "title": r[6],
                            "url": r[7],
                            "date": r[2],
                            "source_type": "news",
                            "tier": r[8],
                        }
                        for r in refs
                    ]
                ),
                "geometry": Point(lon, lat) if has_geom else None,
            }
        )
    compounds = gpd.GeoDataFrame(comp_rows, geometry="geometry", crs=4326)
    compounds["precision"] = compounds["precision"].astype("Int64")
    by_id = {c[0]: c for c in _COMPOUNDS}
    rep_rows = []
    for rid, cid, date, etype, victims, publisher, title, url, tier in _REPORTS:
        c = by_id[cid]
        rep_rows.append(
            {
                "report_id": rid,
                "compound_id": cid,
                "compound_name": c[1],
                "place_index": 0,
                "location_text": "Cambodia" if c[4] == 5 else f"near {c[1]}",
                "event_type": etype,
                "event_date": date,
                "victims_count": victims,
                "source_publisher": publisher,
                "source_title": title,
                "source_url": url,
                "source_date": date,
                "source_type": "news",
                "source_tier": tier,
                "summary": f"Reported {etype} at {c[1]}.",
                "province_code": c[3],
                "province_name": _PROVINCE_NAMES.get(c[3], ""),
                "precision": c[4],
                "latitude": c[6],
                "longitude": c[5],
                "geometry": Point(c[5], c[6]) if c[7] else None,
            }
        )
    # R6 names a second place, only to province level: Kandal must list it.
    second = dict(next(r for r in rep_rows if r["report_id"] == "R6"))
    second.update(
        place_index=1, province_code="08", province_name="Kandal", precision=4, geometry=None
    )
    # A report placed to a commune but linked to no compound.
    unlinked = dict(rep_rows[1])
    unlinked.update(
        report_id="R10",
        compound_id="",
        compound_name="",
        commune_name="Lekh Bei",
        source_title="Unlinked <u>raid</u>",
        event_type="raid",
    )
    rep_rows += [second, unlinked]
    reports = gpd.GeoDataFrame(rep_rows, geometry="geometry", crs=4326)
    reports["precision"] = reports["precision"].astype("Int64")
    provinces = load_boundaries(1, simplified=True)
    summary = pd.DataFrame(
        {
            "province_code": provinces["code"],
            "province_pcode": provinces["pcode"],
            "province_name": provinces["name_en"],
        }
    )
    summary["n_compounds"] = [
        int((compounds["province_code"] == c).sum()) for c in summary["province_code"]
    ]
    summary["n_reports"] = [
        int((reports["province_code"] == c).sum()) for c in summary["province_code"]
    ]
    summary["n_sources"] = summary["n_reports"]
    summary["first_event_date"] = ""
    summary["last_event_date"] = ""
    return compounds, reports, summary


EXPECTED_PINS = 5  # C1, C2, C3, C6, C7: precision 1-3 with a point


# ----------------------------------------------------------------------------- helpers

_DECODER = json.JSONDecoder()


_DATA_REF = re.compile(r'compoundmap\.data\("(cm-data-\d+)"\)')


def data_blocks(page: str) -> dict[str, object]:
    """The JSON data blocks of a rendered page, by id."""
    blocks = re.finditer(
        r'<script type="application/json" id="(cm-data-\d+)">(.*?)</script>', page, re.DOTALL
    )
    return {m.group(1): json.loads(m.group(2)) for m in blocks}


def calls(page: str, fn: str) -> list[list[object]]:
    """The arguments of every ``compoundmap.<fn>(...)`` call in a rendered page.

    Arguments are JSON literals or references to the page's JSON data blocks.
    """
    blocks = data_blocks(page)
    out = []
    for match in re.finditer(rf"compoundmap\.{fn}\(", page):
        pos = match.end()
        args: list[object] = []
        # Calls that take the map first: skip the variable name.
        name = re.match(r"map_\w+\s*,?\s*", page[pos:])
        if name:
            pos += name.end()
        while page[pos] != ")":
            ref = _DATA_REF.match(page, pos)
            if ref:
                value, pos = blocks[ref.group(1)], ref.end()
            else:
                value, pos = _DECODER.raw_decode(page, pos)
            args.append(value)
            while page[pos] in ", ":
                pos += 1
        out.append(args)
    return out


def render(m: object) -> str:
    return m.get_root().render()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def tables() -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]:
    return sample_tables()


@pytest.fixture(scope="module")
def overview(tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]) -> str:
    return render(compound_map(*tables))


def pins(page: str) -> list[dict[str, object]]:
    (args,) = calls(page, "compoundLayer")
    return args[0]  # type: ignore[return-value]


def province_features(page: str) -> dict[str, dict[str, object]]:
    (args,) = calls(page, "provinceLayer")
    return {f["properties"]["code"]: f["properties"] for f in args[0]["features"]}  # type: ignore[index]


def control_html(page: str, cls: str) -> str:
    for args in calls(page, "htmlControl"):
        if args[-1] == cls:
            return str(args[0])
    raise AssertionError(f"no {cls} control")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Tags:
    p = _Tags()
    p.feed(fragment)
    p.close()
    return p


SAFE_TAGS = {
    "details",
    "summary",
    "h1",
    "h2",
    "div",
    "h3",
    "h4",
    "p",
    "b",
    "ul",
    "li",
    "span",
    "a",
    "br",
    "i",
}


# ----------------------------------------------------------------------------- tests


def test_page_loads_nothing_from_the_network(overview: str) -> None:
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", overview, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*\bhref\s*=", overview, re.IGNORECASE)
    assert "@import" not in overview
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", overview)
    for host in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "unpkg"):
        assert host not in overview.lower()
    assert "jquery" not in overview.lower()
    assert "L.markerClusterGroup" in overview and "Leaflet 1.9.4" in overview


def test_only_precision_1_to_3_become_pins(overview: str) -> None:
    names = sorted(p["name"] for p in pins(overview))  # type: ignore[type-var]
    assert len(names) == EXPECTED_PINS
    assert names == sorted(
        [
            HOSTILE_NAME,
            "Commune Park",
            "Bavet District Casino",
            "O'Smach Compound",
            "Phnom Penh Tower",
        ]
    )
    # The province-only compound had the geocoder's province point in latitude/longitude.
    assert all((p["lat"], p["lon"]) != (11.45, 104.95) for p in pins(overview))
    assert {p["precision"] for p in pins(overview)} == {1, 2, 3}


def test_precision4_with_geometry_still_not_a_pin(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame],
) -> None:
    compounds, reports, summary = tables
    bad = compounds.copy()
    bad.loc[bad["compound_id"] == "C4", "geometry"] = Point(104.95, 11.45)
    bad.loc[bad["compound_id"] == "C5", "geometry"] = Point(104.9, 12.5)
    page = render(compound_map(bad, reports, summary))
    assert "Kandal Province Site" not in {p["name"] for p in pins(page)}
    assert len(pins(page)) == EXPECTED_PINS


def test_approximate_pins_say_where_they_sit(overview: str) -> None:
    by_name = {p["name"]: p for p in pins(overview)}
    commune = str(by_name["Commune Park"]["popup_html"])
    district = str(by_name["Bavet District Casino"]["popup_html"])
    assert "commune\u2019s representative point" in commune and "Lekh Muoy" in commune
    assert "district\u2019s representative point" in district and "Bavet" in district
    assert "commune" in str(by_name["Commune Park"]["label"])


def test_province_popup_lists_province_only_reports(overview: str) -> None:
    kandal = province_features(overview)["08"]
    popup = str(kandal["popup_html"])
    assert "Kandal Province Site" in popup and "Kandal warning" in popup and "not pinned" in popup
    assert "1 distinct compound reported" in str(kandal["tooltip_html"])


def test_every_report_place_is_reachable(overview: str) -> None:
    feats = province_features(overview)
    kandal = str(feats["08"]["popup_html"])
    assert "19 rescued" in kandal  # second place of a report whose first place is a pin
    sihanouk = str(feats["18"]["popup_html"])
    assert "not linked to a named compound (1)" in sihanouk
    assert (
        "Unlinked &lt;u&gt;raid&lt;/u&gt;" in sihanouk and "placed to commune Lekh Bei" in sihanouk
    )


def test_country_level_reports_listed_in_about(overview: str) -> None:
    about = control_html(overview, "cm-about")
    assert "1 report names no place inside Cambodia" in about
    assert "Joint statement" in about and "Nationwide Network" in about
    for line in ATTRIBUTIONS:
        assert html.escape(line) in about


def test_hostile_text_is_escaped_everywhere(overview: str) -> None:
    fragments = [str(p["popup_html"]) for p in pins(overview)]
    fragments += [str(f["popup_html"]) for f in province_features(overview).values()]
    fragments += [str(f["tooltip_html"]) for f in province_features(overview).values()]
    fragments += [control_html(overview, c) for c in ("cm-about", "cm-title", "cm-legend")]
    for frag in fragments:
        tags = parse(frag).tags
        assert {t for t, _ in tags} <= SAFE_TAGS, frag
        for tag, attrs in tags:
            assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    hostile = next(p for p in pins(overview) if p["name"] == HOSTILE_NAME)
    text = "".join(parse(str(hostile["popup_html"])).text)
    assert HOSTILE_NAME in text and HOSTILE_TITLE in text and HOSTILE_ALIAS in text
    # Raw hostile markup never reaches the page source; script tags stay balanced.
    for raw in ("<img src=x", "</script><b>", "<script>window.__pwned"):
        assert raw not in overview
    assert overview.count("<script") == overview.count("</script>")


def test_source_links_are_safe(overview: str) -> None:
    by_name = {p["name"]: str(p["popup_html"]) for p in pins(overview)}
    links = [a for t, a in parse(by_name[HOSTILE_NAME]).tags if t == "a"]
    assert links == [
        {
            "href": 'https://example.org/a?x=1&y="2"',
            "target": "_blank",
            "rel": "noopener noreferrer",
        }
    ]
    tower = by_name["Phnom Penh Tower"]
    assert not [a for t, a in parse(tower).tags if t == "a"]
    assert "Tower probe" in tower and "(no link)" in tower


def test_conflicting_figures_side_by_side_and_secondary_marked(overview: str) -> None:
    osmach = next(str(p["popup_html"]) for p in pins(overview) if p["name"] == "O'Smach Compound")
    assert "19 people reported" in osmach and "11 people reported" in osmach
    assert osmach.count("secondary source") == 1
    assert "Osmach Resort" in osmach


def test_year_filter_and_search_data(overview: str) -> None:
    (years,) = calls(overview, "yearControl")
    assert years == [["2022", "2023", "2024"]]
    (names,) = calls(overview, "searchControl")
    assert (
        HOSTILE_NAME in names[0]
        and "Moc Bai Casino" in names[0]
        and "Kandal Province Site" in names[0]
    )


def test_choropleth_classes(overview: str) -> None:
    feats = province_features(overview)
    assert len(feats) == 25
    assert feats["01"]["fill"] == "#f4f4f4"  # no compounds reported
    assert feats["18"]["fill"] != feats["08"]["fill"] != "#f4f4f4"
    legend = control_html(overview, "cm-legend")
    assert "0 (none reported)" in legend and "Fisher-Jenks" in legend


def test_tiles_optional(tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]) -> None:
    with_tiles = render(compound_map(*tables))
    tile_var = re.search(r"var (tile_layer_\w+) = L\.tileLayer", with_tiles)
    assert tile_var is not None
    assert f"{tile_var.group(1)}.addTo(" not in with_tiles  # off at start
    assert "No base map (works offline)" in with_tiles
    without = render(compound_map(*tables, tiles=False))
    assert "L.tileLayer" not in without and "openstreetmap" not in without.lower()


def test_province_map(tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame]) -> None:
    page = render(compound_map(*tables, province_code="18"))
    assert {p["name"] for p in pins(page)} == {HOSTILE_NAME, "Commune Park"}
    (args,) = calls(page, "districtLayer")
    codes = {f["properties"]["code"] for f in args[0]["features"]}  # type: ignore[index]
    expected = set(load_boundaries(2, simplified=True).query("province_code == '18'")["code"])
    assert codes == expected and args[1] is True
    assert "Preah Sihanouk" in page
    feats = province_features(page)
    # Context provinces keep correct counts but not their report lists.
    assert "1 compound pinned" in str(feats["22"]["popup_html"])
    assert "19 rescued" not in str(feats["08"]["popup_html"])
    assert "not linked to a named compound (1)" in str(feats["18"]["popup_html"])
    with pytest.raises(MapError, match="unknown province_code"):
        compound_map(*tables, province_code="99")
    # A province with no reports still gets a (quiet) map; "3" means "03".
    quiet = render(compound_map(*tables, province_code="3"))
    assert pins(quiet) == [] and calls(quiet, "fit") == [["03"]]


def test_missing_column_is_named(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame],
) -> None:
    compounds, reports, summary = tables
    with pytest.raises(MissingColumnError, match="precision"):
        compound_map(compounds.drop(columns="precision"), reports, summary)


def test_write_maps_files_and_determinism(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame], tmp_path: Path
) -> None:
    (tmp_path / "a" / "provinces").mkdir(parents=True)
    stale = tmp_path / "a" / "provinces" / "03.html"
    stale.write_text("old")
    first = write_maps(*tables, tmp_path / "a")
    second = write_maps(*tables, tmp_path / "b")
    rel = [p.relative_to(tmp_path / "a").as_posix() for p in first]
    assert rel == [
        "index.html",
        "provinces/08.html",
        "provinces/12.html",
        "provinces/18.html",
        "provinces/20.html",
        "provinces/22.html",
        "compounds_by_province.png",
    ]
    assert not stale.exists()
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert first[-1].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert first[0].stat().st_size < 2_000_000
    province_page = first[3].read_text(encoding="utf-8")
    assert "../index.html" in province_page
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", province_page)


def test_refuses_to_write_a_page_that_loads_from_the_network(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame],
) -> None:
    m = compound_map(*tables)
    MiniMap().add_to(m)  # a folium plugin that references a CDN script
    with pytest.raises(MapError, match="external resource"):
        maps._render(m)


def test_static_choropleth(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame], tmp_path: Path
) -> None:
    out = static_choropleth(tables[2], tmp_path / "sub" / "c.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    again = static_choropleth(tables[2], tmp_path / "c2.png")
    assert out.read_bytes() == again.read_bytes()


# ----------------------------------------------------------------------------- real build


def build_real(out: Path) -> tuple[gpd.GeoDataFrame, Path]:
    """Run the pipeline on the bundled sources into ``out``; the compounds and maps dir."""
    pipeline = pytest.importorskip("compoundmap.pipeline")
    result = pipeline.build(processed_dir=out / "processed", maps_dir=out / "maps")
    compounds = gpd.read_file(out / "processed" / "compounds.geojson")
    return compounds, Path(result.maps_dir)


def expected_real_pins(compounds: gpd.GeoDataFrame) -> int:
    pinnable = compounds["precision"].isin([1, 2, 3]) & compounds.geometry.notna()
    return int(pinnable.sum())


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[gpd.GeoDataFrame, Path]:
    return build_real(tmp_path_factory.mktemp("real"))


def test_real_build_maps(real_build: tuple[gpd.GeoDataFrame, Path]) -> None:
    compounds, maps_dir = real_build
    index = maps_dir / "index.html"
    assert index.stat().st_size <= 2_000_000
    page = index.read_text(encoding="utf-8")
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", page, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*\bhref\s*=", page, re.IGNORECASE)
    drawn = pins(page)
    pinnable = compounds["precision"].isin([1, 2, 3]) & compounds.geometry.notna()
    assert sorted(p["id"] for p in drawn) == sorted(compounds.loc[pinnable, "compound_id"])
    assert len(drawn) == expected_real_pins(compounds) > 0
    # Every pin cites at least one source with a publisher.
    for p in drawn:
        assert "Source: " in str(p["popup_html"]), p["name"]
    assert (maps_dir / "compounds_by_province.png").read_bytes()[:4] == b"\x89PNG"
    assert sorted(f.stem for f in (maps_dir / "provinces").glob("*.html"))


def test_hostile_title_parameter_is_escaped(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame],
) -> None:
    page = render(compound_map(*tables, title=HOSTILE_TITLE))
    assert f"<title>{html.escape(HOSTILE_TITLE)}</title>" in page
    assert HOSTILE_TITLE not in page
    assert "<h1>" + html.escape(HOSTILE_TITLE).replace("`", "&#96;") in control_html(
        page, "cm-title"
    )


def test_empty_tables_give_an_empty_but_valid_map(
    tables: tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, pd.DataFrame],
) -> None:
    compounds, reports, summary = tables
    empty_summary = summary.assign(n_compounds=0, n_reports=0, n_sources=0)
    page = render(compound_map(compounds.iloc[:0], reports.iloc[:0], empty_summary))
    assert pins(page) == []
    assert {f["fill"] for f in province_features(page).values()} == {"#f4f4f4"}
    assert "0 compounds pinned" in control_html(page, "cm-title")


def test_report_naming_several_compounds_lists_its_event_in_each() -> None:
    _, reports, _ = sample_tables()
    shared = reports[reports["report_id"] == "R3"].copy()
    shared["report_id"] = "R11"
    shared["compound_id"] = "C2;C3"  # the pipeline joins a multi-compound report's ids by ";"
    events = maps._events_by_compound(pd.concat([reports, shared], ignore_index=True))
    assert "R11" in {e["report_id"] for e in events["C2"]}
    assert "R11" in {e["report_id"] for e in events["C3"]}
    assert "C2;C3" not in events
