"""`compoundmap build` on the bundled sources and on small files written here.

The bundled build runs once per module (tables and maps); every test reads its outputs.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from typer.testing import CliRunner

from compoundmap import pipeline
from compoundmap._data import raw_path
from compoundmap.cli import app
from compoundmap.errors import PipelineError, SourceValidationError
from compoundmap.fields import FIELD_DESCRIPTIONS, TABLE_COLUMNS, data_dictionary
from compoundmap.pipeline import build
from compoundmap.schema import REPORTS_COLUMNS, Precision
from compoundmap.sources import validate_sources
from compoundmap.tables import read_table

SOURCES = raw_path("sources", "reports.csv")
GEO_FILES = [
    "report_locations.geojson",
    "report_locations.parquet",
    "compounds.geojson",
    "compoundmap.gpkg",
    "datapackage.json",
]


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


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


def _build(src: Path, out: Path, **kwargs: Any) -> pipeline.BuildResult:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return build(src, out, maps=False, **kwargs)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> tuple[pipeline.BuildResult, Path, Path]:
    base = tmp_path_factory.mktemp("build1")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = build(SOURCES, base / "processed", base / "maps")
    return result, base / "processed", base / "maps"


def test_every_output_is_written(bundled: Any) -> None:
    result, out, maps = bundled
    for name in [*(f"{t}.csv" for t in TABLE_COLUMNS), *GEO_FILES]:
        assert (out / name).is_file(), name
        assert (out / name) in result.paths
    assert (maps / "index.html").is_file()


def test_no_row_is_lost(bundled: Any) -> None:
    result, out, _ = bundled
    with open(SOURCES, encoding="utf-8", newline="") as fh:
        ids = {r["report_id"] for r in csv.DictReader(fh)}
    c = result.counts
    assert c["input_rows"] == len(ids) == c["valid"] + c["rejected"]
    reports, rejects = _csv(out / "reports.csv"), _csv(out / "rejects.csv")
    assert set(reports["report_id"]) | set(rejects["report_id"]) == ids
    assert reports["report_id"].is_unique  # one row per source report


def test_tables_have_their_documented_columns(bundled: Any) -> None:
    _, out, _ = bundled
    for table, columns in TABLE_COLUMNS.items():
        assert list(_csv(out / f"{table}.csv").columns) == columns, table


def test_report_locations_are_one_row_per_place_and_never_coarse_pins(bundled: Any) -> None:
    _, out, _ = bundled
    locations = gpd.read_parquet(out / "report_locations.parquet")
    keys = list(zip(locations["report_id"], locations["place_index"], strict=True))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    precision = locations["precision"].astype("Float64")
    coarse = precision.isna() | (precision >= int(Precision.PROVINCE))
    assert locations.loc[coarse.to_numpy(dtype=bool), "geometry"].isna().all()
    assert locations.loc[coarse.to_numpy(dtype=bool), "latitude"].isna().all()
    # a town is a named place: never given a commune it happens to lie in
    towns = locations[
        (locations["precision"] == Precision.PLACE) & (locations["matched_name"] == "Sihanoukville")
    ]
    assert len(towns) and (towns["commune_code"] == "").all()


def test_included_reports_are_all_in_events(bundled_tables: Any) -> None:
    reports, events = bundled_tables.reports, bundled_tables.events
    assert int(events["n_reports"].sum()) == int(reports["included"].sum())
    told = {r for ids in events["report_ids"] for r in ids.split("; ")}
    assert told == set(reports.loc[reports["included"], "report_id"])


def test_out_of_scope_and_withdrawn_rows_stay_but_are_not_counted(bundled_tables: Any) -> None:
    reports = bundled_tables.reports
    kept = reports[(reports["scope"] == "out_of_scope") | (reports["record_status"] == "withdrawn")]
    assert len(kept) and not kept["included"].any()
    assert (kept.loc[kept["scope"] == "out_of_scope", "scope_reason"] != "").all()
    assert set(kept["report_id"]).isdisjoint(bundled_tables.report_locations["report_id"])


def test_second_build_is_byte_identical(bundled: Any, tmp_path: Path) -> None:
    _, out, maps = bundled
    _build(SOURCES, tmp_path / "processed")
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        again = tmp_path / "processed" / path.relative_to(out)
        assert again.read_bytes() == path.read_bytes(), path.name


def test_gpkg_date_is_fixed_and_layers_complete(bundled: Any) -> None:
    _, out, _ = bundled
    layers = {name for name, _ in pyogrio.list_layers(out / "compoundmap.gpkg")}
    assert {"report_locations", "compounds", "provinces", "districts"} <= layers
    assert {"events", "compound_events", "operators", "designations"} <= layers
    with sqlite3.connect(out / "compoundmap.gpkg") as con:
        dates = {d for (d,) in con.execute("select last_change from gpkg_contents")}
    assert dates == {"2000-01-01T00:00:00Z"}
    districts = gpd.read_file(out / "compoundmap.gpkg", layer="districts")
    assert len(districts) >= 200 and "n_events" in districts.columns


def test_datapackage_describes_every_table_with_keys_and_release(bundled: Any) -> None:
    _, out, _ = bundled
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"].count(".") == 2 and package["created"].endswith("Z")
    by_name = {r["name"]: r for r in package["resources"]}
    for table in TABLE_COLUMNS:
        schema = by_name[table.replace("_", "-")]["schema"]
        assert [f["name"] for f in schema["fields"]] == TABLE_COLUMNS[table]
        assert schema["primaryKey"]
        codes = [f for f in schema["fields"] if f["name"].endswith("_code")]
        assert all(f["type"] == "string" for f in codes)  # codes keep their leading zeros
    assert by_name["compound-events"]["schema"]["foreignKeys"]


def test_read_table_keeps_codes_and_types(bundled: Any) -> None:
    _, out, _ = bundled
    summary = read_table("province_summary", out)
    assert summary["province_code"].iloc[0] == "01" and str(summary["n_events"].dtype) == "Int64"
    naive = pd.read_csv(out / "province_summary.csv")
    assert naive["province_code"].iloc[0] == 1  # what read_table is for


def test_docs_data_dictionary_is_current() -> None:
    text = (Path(__file__).parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    assert data_dictionary() in text
    for table, fields in FIELD_DESCRIPTIONS.items():
        assert all(desc for _, desc in fields.values()), table


# --------------------------------------------------------------------------- small inputs


def test_malformed_rows_go_to_rejects_with_reasons(tmp_path: Path) -> None:
    rows = [
        _row("T-1", "Bavet", "Svay Rieng"),
        _row("T-2", "Poipet", event_type="riad"),
        _row("T-3", "Poipet", event_date="2024-02-30"),
        _row("T-1", "Poipet"),  # duplicate id
        _row("T-4", "Phnom Penh", source_publisher=""),
        _row("T-5", "Poipet", compound_id="CM-9999"),  # not in the registry
    ]
    src = _write_sources(tmp_path / "reports.csv", rows)
    result = _build(src, tmp_path / "out")
    assert (result.counts["input_rows"], result.counts["valid"], result.n_rejected) == (6, 1, 5)
    rejects = _csv(tmp_path / "out" / "rejects.csv")
    reasons = dict(zip(rejects["source_row"], rejects["reject_reason"], strict=True))
    assert "event_type" in reasons["3"] and "'riad'" in reasons["3"]
    assert "February 2024 has no day 30" in reasons["4"]
    assert "duplicate report_id 'T-1'" in reasons["5"] and "line 2" in reasons["5"]
    assert "source_publisher" in reasons["6"]
    assert "'CM-9999' is not in the registry" in reasons["7"]


def test_file_level_problem_raises(tmp_path: Path) -> None:
    bad = tmp_path / "reports.csv"
    bad.write_text("report_id,location_text\nT-1,Bavet\n", encoding="utf-8")
    with pytest.raises(SourceValidationError, match="reports.csv"):
        build(bad, tmp_path / "out", maps=False)


def test_multi_place_field_gives_one_location_per_place(tmp_path: Path) -> None:
    src = _write_sources(tmp_path / "reports.csv", [_row("T-1", "Phnom Penh; Sihanoukville")])
    _build(src, tmp_path / "out")
    locations = _csv(tmp_path / "out" / "report_locations.csv")
    assert locations["place_index"].tolist() == ["0", "1"]
    assert set(locations["province_code"]) == {"12", "18"}
    events = _csv(tmp_path / "out" / "events.csv")
    assert events["attribution"].tolist() == ["several_provinces"]
    summary = _csv(tmp_path / "out" / "province_summary.csv").set_index("province_name")
    assert int(summary["n_events"].astype(int).sum()) == 1  # one event counts once


def test_contradicting_province_is_flagged_not_overwritten(tmp_path: Path) -> None:
    src = _write_sources(
        tmp_path / "reports.csv",
        [_row("T-1", "Bavet", "Kampot"), _row("T-2", "Bavet", "Svay Rieng")],
    )
    _build(src, tmp_path / "out")
    locations = _csv(tmp_path / "out" / "report_locations.csv").set_index("report_id")
    assert locations.loc["T-1", "province_code"] == "20"
    assert locations.loc["T-1", "province_mismatch"] == "true"
    assert locations.loc["T-2", "province_mismatch"] == "false"


def test_stated_province_is_used_when_the_text_names_no_place(tmp_path: Path) -> None:
    src = _write_sources(
        tmp_path / "reports.csv", [_row("T-1", "a building nobody named", "Kampot")]
    )
    _build(src, tmp_path / "out")
    row = _csv(tmp_path / "out" / "report_locations.csv").iloc[0]
    assert (row["province_code"], row["precision"], row["match_method"]) == (
        "07",
        str(int(Precision.PROVINCE)),
        "stated_province",
    )
    assert row["latitude"] == "" and row["longitude"] == ""


def test_district_or_town_as_reported_is_used_as_context(tmp_path: Path) -> None:
    src = _write_sources(
        tmp_path / "reports.csv",
        [_row("T-1", "Siem Reap", "Siem Reap", district_or_town_as_reported="Siem Reap city")],
    )
    _build(src, tmp_path / "out")
    row = _csv(tmp_path / "out" / "report_locations.csv").iloc[0]
    assert int(row["precision"]) < Precision.PROVINCE and row["district_code"] == "1710"


def test_finer_stated_places_are_one_warning_naming_every_report(tmp_path: Path) -> None:
    """A street or village in district_or_town_as_reported is not a curator's error: the
    reports are located without it and named together in one line; a district outside
    the stated province is still its own warning, with its value."""
    rows = [
        _row(
            "T-1", "a building in Phnom Penh", "Phnom Penh", district_or_town_as_reported="St. 310"
        ),
        _row(
            "T-2", "Sihanoukville", "Preah Sihanouk", district_or_town_as_reported="Otres Village"
        ),
        _row("T-3", "a casino", "Kampot", district_or_town_as_reported="Poipet"),
    ]
    result = _build(_write_sources(tmp_path / "reports.csv", rows), tmp_path / "out")
    finer = [w for w in result.warnings if "singles out no district" in w]
    assert len(finer) == 1 and finer[0].startswith("T-1, T-2: "), result.warnings
    outside = [w for w in result.warnings if w.startswith("T-3: ")]
    assert len(outside) == 1 and "Poipet" in outside[0], result.warnings
    located = _csv(tmp_path / "out" / "report_locations.csv").set_index("report_id")
    assert (
        located.loc["T-1", "province_code"] == "12" and located.loc["T-2", "province_code"] == "18"
    )


def test_country_level_row_is_kept_without_geometry(tmp_path: Path) -> None:
    src = _write_sources(tmp_path / "reports.csv", [_row("T-1", "Cambodia")])
    _build(src, tmp_path / "out")
    row = _csv(tmp_path / "out" / "report_locations.csv").iloc[0]
    assert row["precision_label"] == "Cambodia only" and row["latitude"] == ""
    summary = _csv(tmp_path / "out" / "province_summary.csv").set_index("row_type")
    assert summary.loc["national", "n_events"] == "1"


def test_overrides_apply_first_and_stale_ones_warn(tmp_path: Path) -> None:
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
    result = _build(src, tmp_path / "out")
    row = _csv(tmp_path / "out" / "report_locations.csv").set_index("report_id").loc["T-1"]
    assert (row["match_method"], row["district_code"], row["precision"]) == (
        "override",
        "0808",
        str(int(Precision.DISTRICT)),
    )
    stale = [w for w in result.warnings if "no longer matches" in w]
    assert len(stale) == 1 and "a place no report names" in stale[0] and "line 3" in stale[0]


def test_cli_build_and_strict(tmp_path: Path) -> None:
    src = _write_sources(
        tmp_path / "reports.csv", [_row("T-1", "Bavet"), _row("T-2", "Poipet", event_type="x")]
    )
    runner = CliRunner()
    args = ["build", "--sources", str(src), "--processed-dir", str(tmp_path / "out"), "--no-maps"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "2 input rows = 1 valid + 1 rejected" in res.output and "rejects.csv" in res.output
    res = runner.invoke(app, [*args, "--strict"])
    assert res.exit_code == 1 and "strict:" in res.output
    res = runner.invoke(
        app, ["build", "--sources", str(tmp_path / "nope.csv"), "--processed-dir", "x"]
    )
    assert res.exit_code == 2 and "nope.csv" in res.output


def test_defaults_need_a_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "project_root", lambda: None)
    with pytest.raises(PipelineError, match="processed directory"):
        build(SOURCES, maps=False)


def test_header_only_file_builds_empty_tables(tmp_path: Path) -> None:
    src = _write_sources(tmp_path / "reports.csv", [])
    result = _build(src, tmp_path / "out")
    assert (result.counts["input_rows"], result.counts["events"]) == (0, 0)
    summary = _csv(tmp_path / "out" / "province_summary.csv")
    assert (summary["row_type"] == "province").sum() == 25 and (summary["n_events"] == "0").all()


FIXTURES = sorted(
    p
    for p in (Path(__file__).parent / "data" / "sources").glob("*.csv")
    if p.name != "bad_overrides.csv"
)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_no_row_is_lost_from_any_malformed_fixture(path: Path, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            expected = validate_sources(path)
        except SourceValidationError:
            with pytest.raises(SourceValidationError):
                build(path, tmp_path / "out", maps=False, overrides=None)
            return
    result = _build(path, tmp_path / "out")
    reports = _csv(tmp_path / "out" / "reports.csv")
    rejects = _csv(tmp_path / "out" / "rejects.csv")
    assert result.counts["input_rows"] == expected.n_rows == len(reports) + len(rejects)
    assert (rejects["reject_reason"] != "").all()


def test_tables_in_memory_are_what_build_writes(
    bundled: Any, bundled_tables: Any, tmp_path: Path
) -> None:
    """Notebooks use build_tables(); its tables must be exactly the published ones."""
    _, out, _ = bundled
    written = pipeline.write_tables(bundled_tables, tmp_path / "again")
    for path in written:
        assert path.read_bytes() == (out / path.relative_to(tmp_path / "again")).read_bytes(), path
