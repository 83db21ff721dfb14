"""`compoundmap build` on the bundled sources and on small files written here.

The bundled build runs once per module (tables and maps); every test reads its outputs.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import warnings
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from typer.testing import CliRunner

from compoundmap import pipeline
from compoundmap._data import project_root, raw_path
from compoundmap.cli import app
from compoundmap.compounds import COMPOUND_COLUMNS
from compoundmap.errors import PipelineError, SourceValidationError
from compoundmap.pipeline import FIELD_DESCRIPTIONS, REPORT_COLUMNS, build, data_dictionary
from compoundmap.sources import REPORTS_COLUMNS, validate_sources

SOURCES = raw_path("sources", "reports.csv")
TABLES = [
    "reports.csv",
    "reports.geojson",
    "reports.parquet",
    "compounds.csv",
    "compounds.geojson",
    "province_summary.csv",
    "district_summary.csv",
    "rejects.csv",
    "compoundmap.gpkg",
    "datapackage.json",
]


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _source_rows() -> list[dict[str, str]]:
    with open(SOURCES, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_sources(path: Path, rows: list[dict[str, str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(REPORTS_COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path


def _row(report_id: str, location_text: str, province: str = "", **extra: str) -> dict[str, str]:
    row = dict.fromkeys(REPORTS_COLUMNS, "")
    row.update(
        report_id=report_id,
        location_text=location_text,
        province_as_reported=province,
        event_type="raid",
        event_date="2024-05-01",
        source_publisher="Test Publisher",
        source_title="A test title",
        source_url="https://example.org/a",
        source_date="2024-05-02",
        source_type="media",
        source_tier="primary",
        summary="Police reportedly raided a building.",
    )
    row.update(extra)
    return row


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.BuildResult, Path, Path]:
    base = tmp_path_factory.mktemp("build1")
    result = build(SOURCES, base / "processed", base / "maps")
    return result, base / "processed", base / "maps"


def test_every_output_is_written(bundled):
    result, out, maps = bundled
    for name in TABLES:
        assert (out / name).is_file(), name
        assert (out / name) in result.paths
    assert (maps / "index.html").is_file()


def test_no_row_is_lost(bundled):
    result, out, _ = bundled
    n_input = len(_source_rows())
    assert result.n_input_rows == n_input == result.n_reports + result.n_rejected
    reports, rejects = _csv(out / "reports.csv"), _csv(out / "rejects.csv")
    assert reports["report_id"].nunique() + len(rejects) == n_input
    assert set(reports["report_id"]) | set(rejects["report_id"]) == {
        r["report_id"] for r in _source_rows()
    }


def test_reports_table_schema_and_order(bundled):
    _, out, _ = bundled
    reports = _csv(out / "reports.csv")
    assert list(reports.columns) == REPORT_COLUMNS
    keys = list(zip(reports["report_id"], reports["place_index"].astype(int), strict=True))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert list(_csv(out / "compounds.csv").columns) == COMPOUND_COLUMNS


def test_every_report_row_cites_its_source(bundled):
    _, out, _ = bundled
    reports = _csv(out / "reports.csv")
    assert (reports["source_publisher"] != "").all()
    assert (reports["source_title"] != "").all()
    compounds = _csv(out / "compounds.csv")
    for cell, ids in zip(compounds["citations"], compounds["report_ids"], strict=True):
        cites = json.loads(cell)
        assert [c["report_id"] for c in cites] == ids.split("; ")
        assert all(c["publisher"] and c["title"] for c in cites)


def test_province_and_country_rows_are_never_pins(bundled):
    _, out, _ = bundled
    reports = _csv(out / "reports.csv")
    coarse = reports["precision"].isin(["4", "5", ""])
    assert coarse.any()
    assert (reports.loc[coarse, "latitude"] == "").all()
    assert (reports.loc[coarse, "longitude"] == "").all()
    # Province-only rows keep their province code.
    assert (reports.loc[reports["precision"] == "4", "province_code"] != "").all()
    gj = json.loads((out / "reports.geojson").read_text(encoding="utf-8"))
    assert len(gj["features"]) == len(reports)
    for feature in gj["features"]:
        pinned = feature["properties"]["precision"] in (1, 2, 3)
        assert (feature["geometry"] is not None) == pinned
    labels = {
        "1": "point-level site",
        "2": "commune",
        "3": "district",
        "4": "province only",
        "5": "Cambodia only",
        "": "unmatched",
    }
    assert all(
        labels[p] == lab
        for p, lab in zip(reports["precision"], reports["precision_label"], strict=True)
    )


def test_pinned_rows_have_six_decimal_coordinates(bundled):
    _, out, _ = bundled
    reports = _csv(out / "reports.csv")
    pinned = reports[reports["precision"].isin(["1", "2", "3"])]
    assert len(pinned) > 0
    assert pinned["latitude"].str.fullmatch(r"-?\d+\.\d{6}").all()
    assert pinned["province_pcode"].str.fullmatch(r"KH\d{2}").all()


def test_a7_park_is_van_chheung_casino(bundled):
    _, out, _ = bundled
    compounds = _csv(out / "compounds.csv")
    names = compounds["name"] + "; " + compounds["aliases"]
    a7 = compounds[names.str.contains("A7 Park")]
    van = compounds[names.str.contains("Van Chheung")]
    assert len(a7) == 1 and a7["compound_id"].tolist() == van["compound_id"].tolist()
    reports = _csv(out / "reports.csv")
    cid = a7["compound_id"].iloc[0]
    assert set(reports.loc[reports["compound_id"] == cid, "report_id"]) == set(
        a7["report_ids"].iloc[0].split("; ")
    )


def test_reports_without_compound_name_have_no_compound(bundled):
    _, out, _ = bundled
    reports = _csv(out / "reports.csv")
    assert ((reports["compound_name"] == "") == (reports["compound_id"] == "")).all()


def test_province_summary_lists_all_25_provinces(bundled):
    _, out, _ = bundled
    summary = _csv(out / "province_summary.csv")
    assert summary["province_code"].tolist() == [f"{i:02d}" for i in range(1, 26)] + [""]
    assert (summary["province_pcode"].iloc[:25] == "KH" + summary["province_code"].iloc[:25]).all()
    zero = summary[summary["n_reports"] == "0"]
    assert len(zero) > 0  # provinces with no report are listed with zeros
    assert (zero["people_raid_max"] == "0").all()
    reports = _csv(out / "reports.csv")
    sihanouk = summary.set_index("province_code").loc["18"]
    assert (
        int(sihanouk["n_reports"])
        == reports.loc[reports["province_code"] == "18", "report_id"].nunique()
    )
    compounds = _csv(out / "compounds.csv")
    assert int(sihanouk["n_compounds"]) == (compounds["province_code"] == "18").sum()
    # people are per event type, with the range of figures: min never above max
    for etype in ("raid", "rescue", "deported" if False else "escape"):
        lo, hi = (
            summary[f"people_{etype}_min"].astype(int),
            summary[f"people_{etype}_max"].astype(int),
        )
        assert (lo <= hi).all()
    district = _csv(out / "district_summary.csv")
    assert len(district) == 210 and district["district_code"].is_unique


def test_second_build_is_byte_identical(bundled, tmp_path):
    _, out, maps = bundled
    build(SOURCES, tmp_path / "processed", tmp_path / "maps")
    for name in TABLES:
        assert (out / name).read_bytes() == (tmp_path / "processed" / name).read_bytes(), name
    first = sorted(p.relative_to(maps) for p in maps.rglob("*") if p.is_file())
    second = sorted(p.relative_to(tmp_path / "maps") for p in (tmp_path / "maps").rglob("*"))
    assert first == [p for p in second if (tmp_path / "maps" / p).is_file()]
    for rel in first:
        assert (maps / rel).read_bytes() == (tmp_path / "maps" / rel).read_bytes(), rel


def test_gpkg_date_is_fixed_and_layers_complete(bundled):
    _, out, _ = bundled
    gpkg = out / "compoundmap.gpkg"
    layers = {name for name, _ in pyogrio.list_layers(gpkg)}
    assert layers == {"reports", "compounds", "provinces"}
    provinces = gpd.read_file(gpkg, layer="provinces")
    assert len(provinces) == 25 and "n_reports" in provinces.columns
    with sqlite3.connect(gpkg) as con:
        dates = {d for (d,) in con.execute("SELECT last_change FROM gpkg_contents")}
    assert dates == {"2000-01-01T00:00:00Z"}


def test_geoparquet_round_trips(bundled):
    _, out, _ = bundled
    gdf = gpd.read_parquet(out / "reports.parquet")
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) == len(_csv(out / "reports.csv"))
    assert gdf.geometry.notna().sum() == gdf["precision"].isin([1, 2, 3]).sum()


def test_datapackage_describes_every_table(bundled):
    _, out, _ = bundled
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == set(TABLES) - {"datapackage.json"}
    assert package["licenses"] and package["sources"]
    for res in package["resources"]:
        assert (out / res["path"]).is_file()
        assert res["licenses"] and res["sources"]
        if res["format"] == "csv":
            header = list(_csv(out / res["path"]).columns)
            assert [f["name"] for f in res["schema"]["fields"]] == header
            assert all(f["description"] for f in res["schema"]["fields"])


def test_docs_data_dictionary_is_current():
    root = project_root()
    assert root is not None
    text = (root / "docs" / "data.md").read_text(encoding="utf-8")
    assert data_dictionary() in text
    assert set(FIELD_DESCRIPTIONS) == {
        "reports",
        "compounds",
        "province_summary",
        "district_summary",
        "rejects",
    }


# --------------------------------------------------------------------------- small inputs


def test_malformed_rows_go_to_rejects_with_reasons(tmp_path):
    good = _row("T-1", "Bavet", "Svay Rieng")
    rows = [
        good,
        _row("T-2", "Poipet", event_type="riad"),
        _row("T-3", "Poipet", event_date="2024-02-30"),
        _row("T-1", "Poipet"),  # duplicate id
        _row("T-4", "Phnom Penh", source_publisher=""),
    ]
    src = _write_sources(tmp_path / "reports.csv", rows)
    result = build(src, tmp_path / "out", maps=False)
    assert (result.n_input_rows, result.n_reports, result.n_rejected) == (5, 1, 4)
    rejects = _csv(tmp_path / "out" / "rejects.csv")
    assert rejects["source_row"].tolist() == ["3", "4", "5", "6"]
    reasons = dict(zip(rejects["source_row"], rejects["reject_reason"], strict=True))
    assert "event_type" in reasons["3"] and "'riad'" in reasons["3"]
    assert "February 2024 has no day 30" in reasons["4"]
    assert "duplicate report_id 'T-1'" in reasons["5"] and "line 2" in reasons["5"]
    assert "source_publisher" in reasons["6"]
    reports = _csv(tmp_path / "out" / "reports.csv")
    assert reports["report_id"].tolist() == ["T-1"]


def test_file_level_problem_raises(tmp_path):
    bad = tmp_path / "reports.csv"
    bad.write_text("report_id,location_text\nT-1,Bavet\n", encoding="utf-8")
    with pytest.raises(SourceValidationError, match="reports.csv"):
        build(bad, tmp_path / "out", maps=False)


def test_multi_place_field_gives_one_row_per_place(tmp_path):
    src = _write_sources(tmp_path / "reports.csv", [_row("T-1", "Phnom Penh; Sihanoukville")])
    build(src, tmp_path / "out", maps=False)
    reports = _csv(tmp_path / "out" / "reports.csv")
    assert reports["report_id"].tolist() == ["T-1", "T-1"]
    assert reports["place_index"].tolist() == ["0", "1"]
    assert set(reports["province_code"]) == {"12", "18"}
    summary = _csv(tmp_path / "out" / "province_summary.csv").set_index("province_code")
    assert summary.loc["12", "n_reports"] == summary.loc["18", "n_reports"] == "1"


def test_contradicting_province_is_flagged_not_overwritten(tmp_path):
    src = _write_sources(
        tmp_path / "reports.csv",
        [_row("T-1", "Bavet", "Kampot"), _row("T-2", "Bavet", "Svay Rieng")],
    )
    build(src, tmp_path / "out", maps=False)
    reports = _csv(tmp_path / "out" / "reports.csv").set_index("report_id")
    assert reports.loc["T-1", "province_code"] == "20"
    assert reports.loc["T-1", "province_mismatch"] == "true"
    assert reports.loc["T-2", "province_mismatch"] == "false"


def test_stated_province_is_used_when_the_text_names_no_place(tmp_path):
    src = _write_sources(
        tmp_path / "reports.csv", [_row("T-1", "a building nobody named", "Kampot")]
    )
    build(src, tmp_path / "out", maps=False)
    row = _csv(tmp_path / "out" / "reports.csv").iloc[0]
    assert (row["province_code"], row["precision"], row["match_method"]) == (
        "07",
        "4",
        "stated_province",
    )
    assert row["latitude"] == "" and row["longitude"] == ""


def test_country_level_row_is_kept_without_geometry(tmp_path):
    src = _write_sources(tmp_path / "reports.csv", [_row("T-1", "Cambodia")])
    result = build(src, tmp_path / "out", maps=False)
    assert result.n_reports == 1
    row = _csv(tmp_path / "out" / "reports.csv").iloc[0]
    assert row["precision"] == "5" and row["precision_label"] == "Cambodia only"
    assert row["latitude"] == "" and row["province_code"] == ""
    summary = _csv(tmp_path / "out" / "province_summary.csv")
    assert summary["n_reports"].tolist() == ["0"] * 25 + ["1"]


def test_overrides_apply_first_and_stale_ones_warn(tmp_path):
    src = _write_sources(
        tmp_path / "reports.csv",
        [_row("T-1", "the compound near the old market", "Kandal"), _row("T-2", "Bavet")],
    )
    (tmp_path / "location_overrides.csv").write_text(
        "location_text,province_as_reported,code,latitude,longitude,precision,note,evidence\n"
        "The compound near the old market,Kandal,0808,,,,Koh Thom,Test evidence\n"
        "a place no report names,,1201,,,,stale,Test evidence\n",
        encoding="utf-8",
    )
    result = build(src, tmp_path / "out", maps=False)
    row = _csv(tmp_path / "out" / "reports.csv").set_index("report_id").loc["T-1"]
    assert (row["match_method"], row["district_code"], row["precision"]) == (
        "override",
        "0808",
        "3",
    )
    assert row["province_code"] == "08" and row["district_pcode"] != ""
    stale = [w for w in result.warnings if "no longer matches" in w]
    assert len(stale) == 1 and "a place no report names" in stale[0] and "line 3" in stale[0]


def test_cli_build(tmp_path):
    src = _write_sources(tmp_path / "reports.csv", [_row("T-1", "Bavet")])
    runner = CliRunner()
    res = runner.invoke(
        app,
        ["build", "--sources", str(src), "--processed-dir", str(tmp_path / "out"), "--no-maps"],
    )
    assert res.exit_code == 0, res.output
    assert "1 input rows = 1 reports + 0 rejected" in res.output
    res = runner.invoke(
        app, ["build", "--sources", str(tmp_path / "nope.csv"), "--processed-dir", "x"]
    )
    assert res.exit_code == 2 and "nope.csv" in res.output


def test_defaults_need_a_checkout(monkeypatch, tmp_path):
    monkeypatch.setattr(pipeline, "project_root", lambda: None)
    with pytest.raises(PipelineError, match="processed directory"):
        build(SOURCES, maps=False)


def test_header_only_file_builds_empty_tables(tmp_path):
    src = _write_sources(tmp_path / "reports.csv", [])
    result = build(src, tmp_path / "out", maps=False)
    assert (result.n_input_rows, result.n_report_rows, result.n_compounds) == (0, 0, 0)
    assert list(_csv(tmp_path / "out" / "reports.csv").columns) == REPORT_COLUMNS
    summary = _csv(tmp_path / "out" / "province_summary.csv")
    assert len(summary) == 26 and (summary["n_reports"] == "0").all()


def test_override_with_a_province_applies_only_where_that_province_is_stated(tmp_path):
    text = "the casino by the river"
    src = _write_sources(
        tmp_path / "reports.csv",
        [
            _row("T-1", text, "Kandal; Stung Treng"),
            _row("T-2", text.upper(), "Kampot"),
            _row("T-3", text, "Preah Sihanouk"),
        ],
    )
    (tmp_path / "location_overrides.csv").write_text(
        "location_text,province_as_reported,code,latitude,longitude,precision,note,evidence\n"
        f"{text},Kampot,0701,,,,Kampot's,Test evidence\n"
        f"{text},,08,,,,anywhere else,Test evidence\n"
        f"{text},Sihanoukville,1801,,,,province spelled another way,Test evidence\n",
        encoding="utf-8",
    )
    result = build(src, tmp_path / "out", maps=False)
    reports = _csv(tmp_path / "out" / "reports.csv").set_index("report_id")
    assert (reports["match_method"] == "override").all()
    assert reports.loc["T-1", "province_code"] == "08"
    assert reports.loc["T-1", "precision"] == "4"
    assert reports.loc["T-2", "district_code"] == "0701"
    assert reports.loc["T-3", "district_code"] == "1801"
    assert not [w for w in result.warnings if "no longer matches" in w]


FIXTURES = sorted(
    p
    for p in (Path(__file__).parent / "data" / "sources").glob("*.csv")
    if p.name != "bad_overrides.csv"
)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_no_row_is_lost_from_any_malformed_fixture(path, tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # extra columns: reported, not tested here
        try:
            expected = validate_sources(path)
        except SourceValidationError:
            with pytest.raises(SourceValidationError):
                build(path, tmp_path / "out", maps=False, overrides=None)
            return
    result = build(path, tmp_path / "out", maps=False)
    reports = _csv(tmp_path / "out" / "reports.csv")
    rejects = _csv(tmp_path / "out" / "rejects.csv")
    assert result.n_input_rows == expected.n_rows
    assert reports["report_id"].nunique() + len(rejects) == expected.n_rows
    assert rejects["source_row"].tolist() == [str(r) for r in expected.rejects["source_row"]]
    assert (rejects["reject_reason"] != "").all()


def test_conflicting_places_of_one_name_are_linked_and_warned(bundled):
    result, out, _ = bundled
    compounds = _csv(out / "compounds.csv").set_index("compound_id")
    # The Taizi compound: "in Takeo Province" (CR-0031) vs "near Phnom Penh" (CR-0249).
    taizi = compounds.loc["C21-taizi-compound"]
    assert taizi["same_name_elsewhere"] != ""
    assert any("C21-taizi-compound" in w and "share a name" in w for w in result.warnings)


def test_tables_in_memory_are_what_build_writes(bundled, tmp_path):
    """Notebooks use build_tables(); its tables must be exactly the published ones."""
    _, out, _ = bundled
    tables = pipeline.build_tables()
    assert tables.sources == SOURCES
    assert len(tables.province_summary) == 26 and len(tables.district_summary) == 210
    assert tables.validation.n_rows == len(tables.validation.valid) + len(tables.rejects)
    written = pipeline.write_tables(tables, tmp_path)
    assert sorted(p.name for p in written) == sorted(TABLES)
    for name in TABLES:
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name
