"""The curated registry (issue 12): permanent ids, sites not companies, evidence, links."""

from __future__ import annotations

import csv
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from compoundmap.citations import publisher_matches_host
from compoundmap.cli import app
from compoundmap.curated import citation_warnings, validate_folder
from compoundmap.links import site_name_key, suggest_links
from compoundmap.registry import load_registry, split_ids, validate_compounds
from compoundmap.schema import COMPOUNDS_FILE_COLUMNS
from compoundmap.sources import default_sources_path

SOURCES = default_sources_path().parent


@pytest.fixture(scope="module")
def registry():  # type: ignore[no-untyped-def]
    return load_registry()


def test_bundled_registry_is_valid(registry) -> None:  # type: ignore[no-untyped-def]
    assert registry.problems == []
    for frame, column in (
        (registry.compounds, "compound_id"),
        (registry.operators, "operator_id"),
        (registry.designations, "designation_id"),
    ):
        assert frame[column].is_unique


def test_ids_never_encode_a_place(registry) -> None:  # type: ignore[no-untyped-def]
    assert registry.compounds["compound_id"].str.fullmatch(r"CM-\d{4}").all()
    # the build-time ids of the previous release (C18-...) are kept as former ids only
    former = {f for v in registry.compounds["former_ids"] for f in split_ids(v)}
    assert former and all(f.startswith("C") and "-" in f for f in former)


def test_companies_are_operators_not_sites(registry) -> None:  # type: ignore[no-untyped-def]
    sites = {site_name_key(n) for n in registry.active("compounds")["name"]}
    for company in ("Prince Group", "Huione Group", "Jinbei Group"):
        assert site_name_key(company) not in sites
        assert any(
            site_name_key(company) in {site_name_key(n) for n in [o.name, *split_ids(o.aliases)]}
            for o in registry.operators.itertuples()
        ), company


def test_one_site_is_one_id_and_two_sites_stay_two(registry) -> None:  # type: ignore[no-untyped-def]
    active = registry.active("compounds")
    golden = active[active["name"].str.contains("Golden Fortune")]
    assert len(golden) == 1  # one physical site, formerly four ids in three provinces
    assert len(split_ids(golden.iloc[0]["former_ids"])) >= 3
    names = set(active["name"])
    assert {"Royal Hill Resort", "O'Smach Resort"} <= names  # different sites, owners


def test_every_active_site_cites_evidence_for_its_location(registry) -> None:  # type: ignore[no-untyped-def]
    active = registry.active("compounds")
    located = active[active["province_code"] != ""]
    has = (located["location_report_id"] != "") | (
        (located["location_source_url"] != "") & (located["location_quote"] != "")
    )
    assert has.all()
    # coordinates only with a cited source, never for a town-level site
    with_point = active[active["latitude"] != ""]
    assert (with_point["location_precision"] == "site").all()


def test_validate_catches_registry_faults(tmp_path: Path) -> None:
    path = tmp_path / "compounds.csv"
    good = dict.fromkeys(COMPOUNDS_FILE_COLUMNS, "")
    good.update(
        compound_id="CM-9001",
        record_status="active",
        name="A",
        province_code="18",
        district_code="1801",
        location_precision="district",
        location_report_id="CR-0001",
    )
    rows = [
        good,
        {**good, "compound_id": "cm-9001"},  # look-alike of the first id
        {**good, "compound_id": "CM-9002", "district_code": "0110"},  # not inside 18
        {**good, "compound_id": "CM-9003", "location_report_id": ""},  # no evidence
        {**good, "compound_id": "CM-9004", "latitude": "10.6", "longitude": "103.5"},  # no 'site'
        {**good, "compound_id": "CM-9005", "record_status": "withdrawn"},  # no reason
    ]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COMPOUNDS_FILE_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    report = validate_compounds(path)
    messages = [str(p) for p in report.problems]
    assert len(report.valid) == 1 and len(report.rejects) == 5
    assert any(":3:compound_id: duplicate compound_id 'cm-9001'" in m for m in messages)
    assert any(":4:district_code: '0110' is not inside '18'" in m for m in messages)
    assert any(":5:location_report_id: the location needs evidence" in m for m in messages)
    assert any(":6:location_precision: coordinates are given" in m for m in messages)
    assert any(":7:status_note: withdrawn rows must say why" in m for m in messages)


def _copy_sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder


def test_unknown_ids_reject_the_report_and_names_suggest_links(tmp_path: Path) -> None:
    folder = _copy_sources(tmp_path)
    reports = pd.read_csv(folder / "reports.csv", dtype=str, keep_default_na=False)
    row = reports.index[reports["compound_id"] != ""][0]
    reports.loc[row, "compound_id"] = "CM-9999"
    linked = reports[reports["compound_id"] == ""].index[0]
    reports.loc[linked, "compound_name"] = "Golden Fortune Science and Technology Park"
    reports.to_csv(folder / "reports.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        folder_report = validate_folder(folder, citations=False)
    messages = [str(p) for p in folder_report.problems]
    assert any(f":{row + 2}:compound_id: 'CM-9999' is not in the registry" in m for m in messages)
    suggestions = [str(w) for w in folder_report.warnings if "matches compound" in str(w)]
    assert any(f":{linked + 2}:compound_id:" in w and "Golden Fortune" in w for w in suggestions)


def _validate(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(app, ["validate", "--quiet", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout.splitlines()


def test_validate_rejects_a_site_point_outside_its_stated_province(tmp_path: Path) -> None:
    code, lines = _validate()  # the bundled folder
    assert code == 0 and not any("the point lies in" in line for line in lines)
    folder = _copy_sources(tmp_path)
    path = folder / "compounds.csv"
    sites = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = sites.index[sites["compound_id"] == "CM-0100"][0]
    assert sites.loc[row, "province_code"] == "18"
    # a cited point in Svay Rieng (20) for a site the row puts in Preah Sihanouk (18)
    sites.loc[row, ["latitude", "longitude", "location_precision"]] = ["11.08", "106.09", "site"]
    sites.to_csv(path, index=False)
    expected = (
        f"{path}:{row + 2}:latitude: CM-0100: the point lies in province 20, not in the stated '18'"
    )
    for target in (folder, path):  # the folder, then the file alone
        code, lines = _validate(str(target))
        assert code == 1, lines
        assert expected in lines
        assert any(line.startswith(f"{path}: ") and "0 rejected" in line for line in lines)


def test_link_suggestions_skip_rows_a_curator_linked(registry) -> None:  # type: ignore[no-untyped-def]
    reports = pd.DataFrame(
        {
            "report_id": ["R1", "R2"],
            "source_row": [2, 3],
            "compound_name": ["Golden Fortune Science and Technology Park"] * 2,
            "aliases": ["", ""],
            "compound_id": ["", "CM-0301"],
            "operator_id": ["", ""],
        }
    )
    found = suggest_links(reports, registry)
    assert set(found[found["kind"] == "compound"]["report_id"]) == {"R1"}


def test_citation_faults_are_warned() -> None:
    reports = pd.DataFrame(
        {
            "report_id": ["R1", "R2", "R3", "R4"],
            "event_id": ["E1", "E2", "E3", "E3"],
            "record_status": ["active"] * 4,
            "source_row": [2, 3, 4, 5],
            "source_tier": ["primary", "primary", "primary", "secondary"],
            "source_publisher": ["VOD", "Mirror (republishing VOD)", "X", "Y"],
            "source_url": [
                "https://vodenglish.news/category/news/",
                "https://example.org/a?utm_source=x",
                "https://www.binance.com/en/square/post/1",
                "https://www.binance.com/en/square/post/1",
            ],
        }
    )
    messages = [f"{w.row}:{w.column}: {w.message}" for w in citation_warnings(reports)]
    assert any(m.startswith("2:source_url: looks like an index") for m in messages)
    assert any(m.startswith("3:source_url: carries a session or tracking") for m in messages)
    assert any(m.startswith("3:source_tier: a 'Mirror (...)' publisher") for m in messages)
    assert any(m.startswith("4:source_url: binance.com copies other outlets") for m in messages)
    assert not any("one page cited for" in m for m in messages)  # R3 and R4: one event


def test_primary_rows_whose_publisher_is_not_the_site_are_warned() -> None:
    """Every primary row of the bundled file passes the publisher check but the two a
    curator has to look at; a publisher moved onto another outlet's URL is caught."""
    reports = pd.read_csv(default_sources_path(), dtype=str, keep_default_na=False)
    reports = reports.assign(source_row=range(2, len(reports) + 2))
    flagged = {
        reports.loc[reports["source_row"] == w.row, "report_id"].iloc[0]
        for w in citation_warnings(reports)
        if w.column == "source_publisher"
    }
    primary = reports[
        (reports["source_tier"] == "primary") & (reports["record_status"] == "active")
    ]
    assert len(primary) > 400 and len(flagged) <= 2, flagged
    swapped = primary.head(40).assign(source_url=primary["source_url"].iloc[::-1].head(40).values)
    moved = [w for w in citation_warnings(swapped) if w.column == "source_publisher"]
    assert len(moved) >= 30, len(moved)


@pytest.mark.parametrize(
    ("publisher", "host", "same"),
    [
        ("Khmer Times", "khmertimeskh.com", True),
        ("VOD", "vodenglish.news", True),
        ("CNA (AFP)", "channelnewsasia.com", True),
        ("Kookmin Ilbo (국민일보)", "kmib.co.kr", True),
        ("Sài Gòn Giải Phóng (English edition)", "en.sggp.org.vn", True),
        ("Radio Free Asia", "rfa.org", True),
        ("Khmer Times", "phnompenhpost.com", False),
        ("The Conversation (Ivan Franceschini, Ling Li)", "scam-factories.netlify.app", False),
        ("鏡新聞", "mnews.tw", True),  # no Latin letters: nothing to compare
    ],
)
def test_publisher_matches_host(publisher: str, host: str, same: bool) -> None:
    assert publisher_matches_host(publisher, host) is same
