"""Tests of compoundmap.maps: what each marker claims, timelines, escaping, offline pages.

Small tables are built with the real functions (registry → events → compounds → province
summary) from a hand-made registry whose text is hostile; one check runs on the bundled
data (``bundled_tables`` in conftest).
"""

from __future__ import annotations

import base64
import html
import json
import re
import unicodedata
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pandas as pd
import pytest
from folium.plugins import MiniMap

from compoundmap import load_boundaries
from compoundmap.compounds import build_compounds
from compoundmap.errors import MapError, MissingColumnError
from compoundmap.events import build_events
from compoundmap.maps import (
    ATTRIBUTIONS,
    MAP_FILES,
    compound_map,
    static_choropleth,
    write_maps,
    write_maps_into,
)
from compoundmap.maps._folium import JsCall, render
from compoundmap.maps._fonts import KHMER_FAMILY, khmer_font_path
from compoundmap.maps._html import safe_url
from compoundmap.registry import Registry
from compoundmap.schema import (
    COMPOUNDS_FILE_COLUMNS,
    DESIGNATIONS_FILE_COLUMNS,
    OPERATORS_FILE_COLUMNS,
    Precision,
)
from compoundmap.summary import province_summary

# Source text that must reach the page verbatim: never templated, never markup.
HOSTILE_NAME = 'Golden {{ 7*7 }} <img src=x onerror=window.__pwned=2> "Fortune" `${x}` </script><b>'
HOSTILE_ALIAS = "Alias <script>window.__pwned=3</script> {{ config }}"
HOSTILE_TITLE = (
    "Raid on <img src=x onerror=window.__pwned=1> `tick` \"dq\" 'sq' </script> {# note #} "
    "{% if true %}T{% endif %} ${alert(1)}"
)
HOSTILE_PUBLISHER = "News <b>One</b> {{ 6*7 }}"
HOSTILE_QUOTE = "<svg onload=window.__pwned=4> {% raw %} `${document.cookie}`"
HOSTILE = (HOSTILE_NAME, HOSTILE_ALIAS, HOSTILE_TITLE, HOSTILE_PUBLISHER, HOSTILE_QUOTE)
RELEASE = {"version": "2026.01.31", "created": "2026-01-31T00:00:00Z"}
RELEASE_LINE = "Data as of 2026-01-31, release 2026.01.31"

# fmt: off
# compound_id: (name, aliases, province, district, commune, place, lat, lon, precision word)
_SITES: dict[str, tuple[str, str, str, str, str, str, str, str, str]] = {
    "CM-0001": (HOSTILE_NAME, HOSTILE_ALIAS, "18", "1801", "", "", "10.6210", "103.5310", "site"),
    "CM-0002": ("Sea View Park", "", "18", "1801", "", "Sihanoukville", "", "", "place"),
    "CM-0003": ("Blue Bay Tower", "", "18", "1801", "", "Sihanoukville", "", "", "place"),
    "CM-0004": ("Lekh Bei Block A", "", "18", "1801", "180103", "", "", "", "commune"),
    "CM-0005": ("Lekh Bei Block B", "", "18", "1801", "180103", "", "", "", "commune"),
    "CM-0006": ("Bavet Border Casino", "Moc Bai Casino", "20", "2008", "", "", "", "", "district"),
    "CM-0007": ("Ream Resort", "", "18", "1806", "", "Ream", "", "", "place"),
    "CM-0008": ("Kandal Province Site", "", "08", "", "", "", "", "", "province"),
    "CM-0009": ("Nowhere Known", "", "", "", "", "", "", "", ""),
    "CM-0010": ("Withdrawn Duplicate", "", "18", "1801", "", "Sihanoukville", "", "", "place"),
    "CM-0011": ("O'Smach Compound", "Osmach Resort", "22", "", "", "", "14.43", "103.5", "site"),
}
SITE_PINS = {"CM-0001", "CM-0011"}
NOT_DRAWN = {"CM-0008", "CM-0009", "CM-0010"}

# report_id: (event_id, compound_id, type, date, people, kind, scope, publisher, title, url, tier)
_REPORTS: dict[str, tuple[Any, ...]] = {
    "R01": ("", "CM-0001", "raid", "2023-05-02", 40, "detained", "site", HOSTILE_PUBLISHER,
            HOSTILE_TITLE, 'https://example.org/a?x=1&y="2"', "primary"),
    "R02": ("E2", "CM-0002", "rescue", "2024-03-12", 19, "rescued", "site", "Thai task force",
            "19 rescued", "https://example.org/e", "primary"),
    "R03": ("E2", "CM-0002", "rescue", "2024-03-12", 11, "rescued", "site", "Governor",
            "11 rescued", "https://example.org/f", "secondary"),
    "R04": ("", "CM-0003", "rescue", "2022", None, "", "", "Daily", "Commune rescue",
            "https://example.org/b", "secondary"),
    "R05": ("", "CM-0003", "report", "", None, "", "", "Undated Weekly", "Undated report",
            "https://example.org/u", "primary"),
    "R06": ("", "CM-0004", "raid", "2023-01", None, "", "", "Monitor", "Block A raid",
            "javascript:alert(1)", "primary"),
    "R07": ("", "CM-0006", "raid", "2024-01", 300, "arrested", "site", "Monitor",
            "District raid", "https://example.org/c", "primary"),
    "R08": ("", "CM-0008", "warning", "2023-09-10", None, "", "", "Watch", "Kandal warning",
            "https://example.org/d", "primary"),
    "R09": ("", "", "report", "2022-03-10", None, "", "", "Coalition", "Joint statement",
            "", "primary"),
    "R10": ("", "", "raid", "2024-06-01", 60, "arrested", "multi_province", "Police",
            "Two-province sweep", "https://example.org/s", "primary"),
    "R11": ("", "", "raid", "2023-07-07", None, "", "", "Local paper", "Unlinked raid",
            "https://example.org/g", "primary"),
    "R12": ("", "", "other", "2021", None, "", "", "Blog", "Unplaced", "https://example.org/h",
            "primary"),
    "R13": ("", "CM-0011", "rescue", "2024-03-20", 5, "rescued", "site", "Thai task force",
            "O'Smach rescue", "https://example.org/o", "primary"),
    "R14": ("", "CM-0005", "raid", "2022-08", None, "", "", "Monitor", "Block B raid",
            "http://[::1", "primary"),
    "R15": ("", "CM-0009", "report", "2020-02-02", None, "", "", "Radio", "Nowhere report",
            "https://example.org/n", "primary"),
}
# report_id: places as (province, district, precision); no entry = not located at all.
_PLACES: dict[str, list[tuple[str, str, int]]] = {
    "R01": [("18", "1801", 1)], "R02": [("18", "1801", 2)], "R03": [("18", "1801", 2)],
    "R04": [("18", "1801", 2)], "R05": [("18", "", 5)], "R06": [("18", "1801", 3)],
    "R07": [("20", "2008", 4)], "R08": [("08", "", 5)], "R09": [("", "", 6)],
    "R10": [("18", "", 5), ("20", "", 5)], "R11": [("18", "1801", 4)], "R13": [("22", "", 5)],
    "R14": [("18", "1801", 3)],
}
_KEYS = ("event_id compound_id event_type event_date victims_count count_kind count_scope "
         "source_publisher source_title source_url source_tier").split()
SAFE_TAGS = {"details", "summary", "h1", "h2", "h3", "h4", "p", "b", "ul", "li", "span", "a",
             "br", "div"}
# fmt: on


def _registry() -> Registry:
    rows = []
    for cid, (name, aliases, prov, dist, comm, place, lat, lon, prec) in _SITES.items():
        row = dict.fromkeys(COMPOUNDS_FILE_COLUMNS, "")
        withdrawn = cid == "CM-0010"
        row.update(
            compound_id=cid,
            record_status="withdrawn" if withdrawn else "active",
            status_note="same site as CM-0002" if withdrawn else "",
            name=name,
            aliases=aliases,
            site_type="compound",
            province_code=prov,
            district_code=dist,
            commune_code=comm,
            place_name=place,
            latitude=lat,
            longitude=lon,
            location_precision=prec,
            location_report_id="R01" if cid == "CM-0001" else "",
            location_quote=HOSTILE_QUOTE if cid == "CM-0001" else "",
        )
        rows.append(row)
    return Registry(
        pd.DataFrame(rows),
        pd.DataFrame(columns=list(OPERATORS_FILE_COLUMNS)),
        pd.DataFrame(columns=list(DESIGNATIONS_FILE_COLUMNS)),
    )


def _reports() -> tuple[pd.DataFrame, pd.DataFrame]:
    reports = pd.DataFrame(
        [
            {"report_id": rid, **dict(zip(_KEYS, values, strict=True))}
            for rid, values in _REPORTS.items()
        ]
    )
    reports["victims_count"] = reports["victims_count"].astype("Int64")
    reports["source_date"] = reports["event_date"]
    reports["source_type"] = "media"
    reports["nationalities"] = ""
    locations = pd.DataFrame(
        [
            {"report_id": rid, "province_code": p, "district_code": d, "precision": prec}
            for rid, places in _PLACES.items()
            for p, d, prec in places
        ]
    )
    return reports, locations


def sample_tables() -> SimpleNamespace:
    """compounds, events and province_summary built by the real functions, plus a release."""
    registry = _registry()
    reports, locations = _reports()
    provinces = {cid: v[2] for cid, v in _SITES.items() if v[2]}
    events = build_events(reports, locations, provinces)
    compounds = build_compounds(registry, events)
    summary = province_summary(events, compounds)
    tables = SimpleNamespace(
        compounds=compounds, events=events, province_summary=summary, release=RELEASE
    )
    tables.table = lambda name: getattr(tables, name)  # as pipeline.Tables.table
    return tables


# ----------------------------------------------------------------------------- page helpers

_DECODER = json.JSONDecoder()
_DATA_REF = re.compile(r'compoundmap\.data\("(cm-data-\d+)"\)')


@lru_cache(maxsize=16)
def data_blocks(page: str) -> dict[str, Any]:
    """The JSON data blocks of a rendered page, by id (decoded once per page)."""
    blocks = re.finditer(
        r'<script type="application/json" id="(cm-data-\d+)">(.*?)</script>', page, re.DOTALL
    )
    return {m.group(1): json.loads(m.group(2)) for m in blocks}


def calls(page: str, fn: str) -> list[list[Any]]:
    """The arguments of every ``compoundmap.<fn>(...)`` call (data blocks resolved)."""
    blocks = data_blocks(page)
    out = []
    for match in re.finditer(rf"compoundmap\.{fn}\(", page):
        pos = match.end()
        args: list[Any] = []
        name = re.match(r"map_\w+\s*,?\s*", page[pos:])  # the map comes first: skip it
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


def page_of(tables: SimpleNamespace, **kwargs: Any) -> str:
    m = compound_map(tables.compounds, tables.events, tables.province_summary, **kwargs)
    return render(m).decode("utf-8")


def markers(page: str) -> list[dict[str, Any]]:
    (args,) = calls(page, "compoundLayer")
    return list(args[0])


def by_ids(page: str) -> dict[frozenset[str], dict[str, Any]]:
    return {frozenset(m["ids"]): m for m in markers(page)}


def provinces(page: str) -> dict[str, dict[str, Any]]:
    (args,) = calls(page, "provinceLayer")
    return {f["properties"]["code"]: f["properties"] for f in args[0]["features"]}


def control(page: str, cls: str) -> str:
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


def plain(fragment: str) -> str:
    return "".join(parse(fragment).text)


@pytest.fixture(scope="module")
def tables() -> SimpleNamespace:
    return sample_tables()


@pytest.fixture(scope="module")
def overview(tables: SimpleNamespace) -> str:
    return page_of(tables, release=RELEASE)


# ----------------------------------------------------------------------------- bundled data
# First: building the bundled tables also loads the gazetteer and geocoder the small
# tables need.


@pytest.fixture(scope="module")
def bundled_maps(bundled_tables: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundled-maps")
    write_maps_into(bundled_tables, out)
    return out


def test_bundled_maps_account_for_every_site(bundled_tables: Any, bundled_maps: Path) -> None:
    compounds = bundled_tables.compounds
    active = compounds[compounds["record_status"] == "active"]
    index = (bundled_maps / "index.html").read_text(encoding="utf-8")
    items = markers(index)
    drawn = [i for m in items for i in m["ids"]]
    assert len(drawn) == len(set(drawn))  # each site in one marker
    precision = dict(zip(active["compound_id"], active["precision"], strict=True))
    for m in items:
        assert {precision[i] for i in m["ids"]} == {m["precision"]}
        assert m["count"] == len(m["ids"]) and (m["precision"] > 1 or m["count"] == 1)
        assert "Source: " in m["popup_html"] or "Reported events (0)" in m["popup_html"]
    point = dict(zip(active["compound_id"], active["latitude"].notna(), strict=True))
    for cid, p in precision.items():
        mappable = not pd.isna(p) and Precision(int(p)).mappable
        assert (cid in drawn) == (mappable and point[cid]), cid
    popups = "".join(p["popup_html"] for p in provinces(index).values())
    about = control(index, "cm-about")
    for _, site in active[~active["compound_id"].isin(drawn)].iterrows():
        assert f"[{site['compound_id']}]" in (popups if site["province_code"] else about)
    assert (bundled_maps / "index.html").stat().st_size <= 2_000_000


def test_bundled_pages_are_offline_released_and_stable(
    bundled_tables: Any, bundled_maps: Path
) -> None:
    pages = [bundled_maps / "index.html", *sorted((bundled_maps / "provinces").glob("*.html"))]
    line = f"Data as of {bundled_tables.release['created'][:10]}, release "
    for path in pages:
        page = path.read_text(encoding="utf-8")
        assert not re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", page, re.I), path
        assert line in page and KHMER_FAMILY in page, path
    again = render(
        compound_map(
            bundled_tables.compounds,
            bundled_tables.events,
            bundled_tables.province_summary,
            release=bundled_tables.release,
        )
    )
    assert again == (bundled_maps / "index.html").read_bytes()


# ----------------------------------------------------------------------------- markers


def test_only_cited_coordinates_get_a_site_pin(overview: str) -> None:
    pins = [m for m in markers(overview) if m["precision"] == Precision.SITE]
    assert {i for m in pins for i in m["ids"]} == SITE_PINS
    assert all(m["count"] == 1 for m in pins)
    drawn = {i for m in markers(overview) for i in m["ids"]}
    assert not drawn & NOT_DRAWN  # province-only, unplaced and withdrawn sites


def test_sites_at_one_place_share_one_numbered_marker(overview: str) -> None:
    items = by_ids(overview)
    town = items[frozenset({"CM-0002", "CM-0003"})]
    assert town["precision"] == Precision.PLACE and town["count"] == 2
    assert town["name"] == "Sihanoukville"
    assert "2 sites reported at Sihanoukville; sites not published" in town["label"]
    commune = items[frozenset({"CM-0004", "CM-0005"})]
    assert commune["precision"] == Precision.COMMUNE and commune["count"] == 2
    assert "Lekh Bei" in commune["label"]
    district = items[frozenset({"CM-0006"})]
    assert district["precision"] == Precision.DISTRICT and district["count"] == 1
    ream = items[frozenset({"CM-0007"})]  # another named place: its own marker
    assert ream["precision"] == Precision.PLACE and (ream["lat"], ream["lon"]) != (
        town["lat"],
        town["lon"],
    )
    assert sum(m["count"] for m in markers(overview)) == 8
    # The group's popup lists each site with its own history, filterable by year.
    popup = town["popup_html"]
    assert "Sea View Park" in popup and "Blue Bay Tower" in popup
    years = [a.get("data-years") for t, a in parse(popup).tags if t == "details"]
    assert sorted(years) == ["2022", "2024"]  # Blue Bay Tower's undated event has no year


def test_a_province_only_site_is_never_drawn_even_with_a_point(tables: SimpleNamespace) -> None:
    compounds = tables.compounds.copy()
    row = compounds["compound_id"] == "CM-0008"
    compounds.loc[row, ["latitude", "longitude"]] = [11.45, 104.95]
    page = render(compound_map(compounds, tables.events, tables.province_summary)).decode()
    assert not {i for m in markers(page) for i in m["ids"]} & NOT_DRAWN
    assert "Kandal Province Site" in provinces(page)["08"]["popup_html"]


def test_province_popup_lists_sites_known_only_to_it_and_unlinked_events(overview: str) -> None:
    kandal = provinces(overview)["08"]["popup_html"]
    assert "Sites in this province not drawn on the map (1)" in kandal
    assert "Kandal Province Site" in kandal and "Kandal warning" in kandal
    sihanouk = provinces(overview)["18"]["popup_html"]
    assert "linked to no registry site (1)" in sihanouk and "Unlinked raid" in sihanouk
    assert "1 more event concerning several provinces" in sihanouk
    assert "6 sites drawn on the map in this province" in sihanouk


def test_about_lists_national_and_several_province_events_and_unplaced_sites(
    overview: str,
) -> None:
    about = control(overview, "cm-about")
    assert "1 event about Cambodia as a whole" in about and "Joint statement" in about
    assert "1 event concerning several provinces" in about and "Two-province sweep" in about
    assert "Nowhere Known" in about and "Nowhere report" in about
    assert "2 events whose place is not known" in about
    assert "Withdrawn Duplicate" not in overview
    for line in ATTRIBUTIONS:
        assert html.escape(line) in about
    assert "SIL Open Font License" in about


def test_release_in_title_and_about_of_every_page(tables: SimpleNamespace) -> None:
    for code in (None, "18"):
        page = page_of(tables, province_code=code, release=RELEASE)
        assert RELEASE_LINE in control(page, "cm-title")
        assert RELEASE_LINE in control(page, "cm-about")


def test_legend_and_styles_cover_every_drawn_precision(overview: str) -> None:
    legend = control(overview, "cm-legend")
    css = (resources.files("compoundmap") / "static/compoundmap/compoundmap.css").read_text()
    for p in (p for p in Precision if p.mappable):
        assert f"cm-prec-{int(p)}" in legend
        assert re.search(rf"\.cm-prec-{int(p)} \{{", css), p
    assert "counts sites, not markers" in legend
    assert {m["precision"] for m in markers(overview)} == {1, 2, 3, 4}


# ----------------------------------------------------------------------------- timelines


def test_timeline_items_carry_year_type_figures_and_every_source(overview: str) -> None:
    town = by_ids(overview)[frozenset({"CM-0002", "CM-0003"})]["popup_html"]
    items = re.findall(r'<li class="cm-event" data-year="(\d*)">(.*?)</ul></li>', town)
    assert sorted(y for y, _ in items) == ["", "2022", "2024"]
    rescue = next(body for y, body in items if y == "2024")
    text = plain(rescue)
    assert "2024-03-12" in text and "rescue" in text
    # Conflicting figures side by side, each with its source; never averaged or summed.
    assert "19 rescued (Thai task force)" in text and "11 rescued (Governor)" in text
    assert "figures differ between sources" in text and "15 rescued" not in text
    assert "30 rescued" not in text
    links = [a["href"] for t, a in parse(rescue).tags if t == "a"]
    assert links == ["https://example.org/e", "https://example.org/f"]
    assert text.count("secondary source") == 1
    undated = next(body for y, body in items if y == "")
    assert "date not reported" in plain(undated)


def test_year_filter_covers_markers_and_listed_events(overview: str) -> None:
    (years,) = calls(overview, "yearControl")
    # 2020: the unplaced site listed in About; no 2021: that event is listed nowhere.
    assert years[0] == ["2020", "2022", "2023", "2024"]
    town = by_ids(overview)[frozenset({"CM-0002", "CM-0003"})]
    assert town["years"] == ["2022", "2024"] and sorted(town["site_years"]) == [["2022"], ["2024"]]
    about = control(overview, "cm-about")
    assert re.search(r'<li class="cm-event" data-year="2024">', about)  # the sweep


# ----------------------------------------------------------------------------- security


def _fragments(page: str) -> list[str]:
    out = [m["popup_html"] for m in markers(page)]
    out += [p["popup_html"] for p in provinces(page).values()]
    out += [p["tooltip_html"] for p in provinces(page).values()]
    out += [control(page, c) for c in ("cm-about", "cm-title", "cm-legend")]
    return out


def test_hostile_text_is_escaped_and_shown_verbatim(overview: str) -> None:
    for fragment in _fragments(overview):
        tags = parse(fragment).tags
        assert {t for t, _ in tags} <= SAFE_TAGS, fragment
        for tag, attrs in tags:
            assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    pin = by_ids(overview)[frozenset({"CM-0001"})]
    text = plain(pin["popup_html"])
    for hostile in HOSTILE:
        assert hostile in text, hostile  # literally, as the source wrote it
    assert pin["name"] == HOSTILE_NAME and HOSTILE_ALIAS in pin["aliases"]
    for evaluated in (
        "Golden 49",
        "News <b>One</b> 42",
        "Raid on <img src=x onerror=window.__pwned=1> `tick` \"dq\" 'sq' </script>  T",
    ):
        assert evaluated not in text
    for raw in ("<img src=x", "</script><b>", "<script>window.__pwned", "<svg onload"):
        assert raw not in overview
    assert overview.count("<script") == overview.count("</script>")


def test_no_source_text_is_compiled_as_a_template(
    tables: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []
    original = jinja2.Environment.from_string

    def spy(self: jinja2.Environment, source: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(str(source))
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "from_string", spy)
    page_of(tables, title=HOSTILE_TITLE, release=RELEASE)
    for source in compiled:
        for marker in ("Golden", "window.__pwned", "Raid on", "Kandal", "Sihanoukville"):
            assert marker not in source
    with pytest.raises(MapError, match="not a data reference"):
        JsCall("htmlControl", ['"{{ 7*7 }}"'])


def test_hostile_title_parameter_is_escaped(tables: SimpleNamespace) -> None:
    page = page_of(tables, title=HOSTILE_TITLE)
    assert f"<title>{html.escape(HOSTILE_TITLE)}</title>" in page
    assert HOSTILE_TITLE not in page
    assert plain(control(page, "cm-title")).startswith(HOSTILE_TITLE)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//example.org/protocol-relative",
        "http://[::1",
        "https://example.org/a b",
    ],
)
def test_unsafe_urls_are_never_links(url: str) -> None:
    assert safe_url(url) is None


def test_unsafe_source_links_show_as_text(overview: str) -> None:
    commune = by_ids(overview)[frozenset({"CM-0004", "CM-0005"})]["popup_html"]
    assert "javascript:" not in commune and "[::1" not in commune
    assert plain(commune).count("(no link)") == 2
    assert "Block A raid" in plain(commune) and "Block B raid" in plain(commune)
    links = [a for t, a in parse(commune).tags if t == "a"]
    assert links == []


# ----------------------------------------------------------------------------- pages


def test_pages_load_nothing_from_the_network(overview: str) -> None:
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", overview, re.IGNORECASE)
    assert not re.search(r"<link\b[^>]*\bhref\s*=", overview, re.IGNORECASE)
    assert "@import" not in overview
    assert not re.search(r"url\(\s*['\"]?(?!data:|#)", overview)
    for host in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "unpkg", "fonts.g"):
        assert host not in overview.lower()


def test_refuses_a_page_that_loads_from_the_network(tables: SimpleNamespace) -> None:
    m = compound_map(tables.compounds, tables.events, tables.province_summary)
    MiniMap().add_to(m)  # a folium plugin that references a CDN script
    with pytest.raises(MapError, match="external resource"):
        render(m)


def test_khmer_font_is_inlined_within_budget(overview: str) -> None:
    faces = re.findall(r"@font-face\{[^}]*\}", overview)
    (face,) = faces
    assert f'font-family:"{KHMER_FAMILY}"' in face and "U+1780-17FF" in face
    blob = re.search(r"data:font/woff;base64,([A-Za-z0-9+/=]+)", face)
    assert blob is not None
    woff = resources.files("compoundmap") / "static/noto-sans-khmer"
    committed = (woff / "NotoSansKhmer-Regular.subset.woff").read_bytes()
    assert base64.b64decode(blob.group(1)) == committed
    assert len(face.encode()) <= 60_000  # the page-size budget for the font
    assert re.search(rf'font: [^;]*"{KHMER_FAMILY}"', overview)  # the map's font stack
    assert (woff / "OFL.txt").read_text().count("SIL OPEN FONT LICENSE Version 1.1") == 1


def test_font_subset_covers_the_khmer_the_data_uses() -> None:
    from fontTools.ttLib import TTFont

    static = resources.files("compoundmap") / "static/noto-sans-khmer"
    with resources.as_file(static / "NotoSansKhmer-Regular.subset.woff") as woff:
        web = set(TTFont(woff).getBestCmap())
    with resources.as_file(static / "NotoSansKhmer-Regular.subset.ttf") as ttf:
        print_ = set(TTFont(ttf).getBestCmap())
    assigned = {cp for cp in range(0x1780, 0x1800) if unicodedata.category(chr(cp)) != "Cn"}
    assert web == print_ and assigned <= web  # the whole Khmer block
    names = pd.concat([load_boundaries(level, simplified=True)["name_km"] for level in (1, 2)])
    used = {ord(ch) for name in names for ch in str(name)}
    assert used - {0x20} <= web | {0x20}, sorted(hex(c) for c in used - web)


def test_province_page(tables: SimpleNamespace) -> None:
    page = page_of(tables, province_code="18")
    ids = {i for m in markers(page) for i in m["ids"]}
    assert ids == {"CM-0001", "CM-0002", "CM-0003", "CM-0004", "CM-0005", "CM-0007"}
    (args,) = calls(page, "districtLayer")
    codes = {f["properties"]["code"] for f in args[0]["features"]}
    districts = load_boundaries(2, simplified=True).query("province_code == '18'")
    assert codes == set(districts["code"]) and args[1] is True
    km = [f["properties"]["tooltip_html"] for f in args[0]["features"]]
    assert all('lang="km"' in t or "lang='km'" in t for t in km)
    context = provinces(page)["08"]["popup_html"]
    assert "Kandal Province Site" not in context  # other provinces stay light
    with pytest.raises(MapError, match="unknown province_code"):
        page_of(tables, province_code="99")
    quiet = page_of(tables, province_code="3")  # "3" is "03"; no sites there
    assert markers(quiet) == [] and calls(quiet, "fit") == [["03"]]


def test_missing_column_is_named(tables: SimpleNamespace) -> None:
    with pytest.raises(MissingColumnError, match="precision"):
        compound_map(
            tables.compounds.drop(columns="precision"), tables.events, tables.province_summary
        )


def test_empty_tables_give_an_empty_but_valid_map(tables: SimpleNamespace) -> None:
    page = render(
        compound_map(tables.compounds.iloc[:0], tables.events.iloc[:0], tables.province_summary)
    ).decode()
    assert markers(page) == []
    assert "0 registry sites drawn as 0 markers" in control(page, "cm-title")


def test_write_maps_is_deterministic_and_complete(tables: SimpleNamespace, tmp_path: Path) -> None:
    first = write_maps(tables, tmp_path / "a")
    second = write_maps(tables, tmp_path / "b")
    rel = [p.relative_to(tmp_path / "a").as_posix() for p in first]
    assert rel == [
        "index.html",
        "provinces/08.html",
        "provinces/18.html",
        "provinces/20.html",
        "provinces/22.html",
        "compounds_by_province.png",
    ]
    assert all(any(Path(r).match(g) for g in MAP_FILES) for r in rel)
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    page = (tmp_path / "a" / "provinces" / "18.html").read_text(encoding="utf-8")
    assert "../index.html" in page and RELEASE_LINE in page


def test_print_map_draws_khmer_with_the_bundled_font(
    tables: SimpleNamespace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matplotlib.figure import Figure

    drawn: list[tuple[str, Any]] = []
    original = Figure.text

    def spy(self: Figure, x: float, y: float, s: str, *args: Any, **kwargs: Any) -> Any:
        drawn.append((s, kwargs.get("fontproperties")))
        return original(self, x, y, s, *args, **kwargs)

    monkeypatch.setattr(Figure, "text", spy)
    out = static_choropleth(tables.province_summary, tmp_path / "c.png", release=RELEASE)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    khmer = [(s, fp) for s, fp in drawn if any("\u1780" <= ch <= "\u17ff" for ch in s)]
    assert len(khmer) == 4  # Sihanoukville, Svay Rieng, Kandal, Oddar Meanchey have sites
    assert all(fp is not None and Path(fp.get_file()) == khmer_font_path() for _, fp in khmer)
    assert any(s.startswith(RELEASE_LINE) for s, _ in drawn)
    monkeypatch.undo()
    again = static_choropleth(tables.province_summary, tmp_path / "d.png", release=RELEASE)
    assert again.read_bytes() == out.read_bytes()
