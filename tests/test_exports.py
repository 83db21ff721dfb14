"""Excel, HDX (HXL) and FollowTheMoney editions of a release, and the GeoPackage districts."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pyogrio
import pytest
from _release import bundled_tables, written_release

from compoundmap.exports import (
    FTM_NAME,
    HXL_TAGS,
    XLSX_NAME,
    ftm_entities,
    hxl_dictionary,
    write_exports,
    write_xlsx,
)
from compoundmap.exports.ftm import OPENSANCTIONS_URL
from compoundmap.exports.xlsx import EXCEL_CELL_LIMIT, README_SHEET
from compoundmap.fields import FIELD_DESCRIPTIONS, TABLE_COLUMNS
from compoundmap.pipeline import PROCESSED_FILES
from compoundmap.schema import Precision

openpyxl = pytest.importorskip("openpyxl")
ROOT = Path(__file__).resolve().parents[1]
# HXL 1.1: a hashtag, then +attributes; lower-case letters, digits and underscores.
HXL_TAG = re.compile(r"^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$")


class FewTables:
    """A Tables-like object: the first rows of every real table, some cells replaced."""

    def __init__(self, n: int = 3, **cells: tuple[str, str, object]) -> None:
        real = bundled_tables()
        self.release = dict(real.release)
        self.frames = {t: real.table(t).head(n).copy() for t in TABLE_COLUMNS}
        for table, column, value in cells.values():
            frame = self.frames[table]
            frame[column] = frame[column].astype(object)
            frame.iloc[0, frame.columns.get_loc(column)] = value

    def table(self, name: str) -> pd.DataFrame:
        return self.frames[name]


@pytest.fixture(scope="module")
def release() -> Path:
    return written_release()


@pytest.fixture(scope="module")
def workbook(release: Path) -> Any:
    return openpyxl.load_workbook(release / XLSX_NAME, read_only=False)


# ----------------------------------------------------------------------------- all exports


def test_exports_are_published_files_and_deterministic(release: Path, tmp_path: Path) -> None:
    again = write_exports(bundled_tables(), tmp_path)
    assert set(again) == {
        XLSX_NAME,
        FTM_NAME,
        *(f"hdx/{t}.csv" for t in HXL_TAGS),
    }
    for rel, path in again.items():
        assert any(fnmatch.fnmatch(rel, pat) for pat in PROCESSED_FILES), rel
        assert path.read_bytes() == (release / rel).read_bytes(), f"{rel} differs between builds"


# ----------------------------------------------------------------------------- xlsx


def test_xlsx_has_a_readme_then_one_sheet_per_table(workbook: Any) -> None:
    assert workbook.sheetnames == [README_SHEET, *TABLE_COLUMNS]
    tables = bundled_tables()
    for name, columns in TABLE_COLUMNS.items():
        sheet = workbook[name]
        header = [c.value for c in next(sheet.iter_rows(min_row=1, max_row=1))]
        assert header == columns, name
        assert sheet.max_row == max(len(tables.table(name)), 0) + 1, name


def test_xlsx_codes_stay_text_and_counts_are_numbers(workbook: Any) -> None:
    sheet = workbook["province_summary"]
    header = [c.value for c in sheet[1]]
    first = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert first["province_code"].value == "01"
    assert first["province_code"].data_type == "s"
    assert first["province_code"].number_format == "@"
    assert first["province_pcode"].value == "KH01"
    assert isinstance(first["n_events"].value, int | float)
    districts = workbook["district_summary"]
    codes = [row[0].value for row in districts.iter_rows(min_row=2)]
    assert codes[0] == "0102" and all(isinstance(c, str) and len(c) == 4 for c in codes)
    reports = workbook["reports"]
    header = [c.value for c in reports[1]]
    included = header.index("included")
    assert reports.cell(row=2, column=included + 1).data_type == "b"


def test_xlsx_readme_has_release_licences_and_dictionary(workbook: Any) -> None:
    rows = [[c for c in row if c is not None] for row in workbook[README_SHEET].values]
    text = "\n".join(" | ".join(str(c) for c in row) for row in rows)
    release = bundled_tables().release
    assert f"data release | {release['version']}" in text
    assert release["sources_sha256"] in text
    assert "CC-BY-4.0" in text and "CC-BY-IGO-3.0" in text
    n_fields = sum(len(f) for f in FIELD_DESCRIPTIONS.values())
    dictionary = [
        r
        for r in rows
        if len(r) == 4
        and r[0] in FIELD_DESCRIPTIONS
        and r[2] in ("string", "integer", "number", "boolean")
    ]
    assert len(dictionary) == n_fields
    kind, text_ = FIELD_DESCRIPTIONS["reports"]["province_codes"]
    assert ["reports", "province_codes", kind, text_] in dictionary


def test_xlsx_properties_are_fixed(workbook: Any) -> None:
    props = workbook.properties
    assert props.created.strftime("%Y-%m-%d") == bundled_tables().release["created"][:10]
    assert bundled_tables().release["version"] in (props.subject or "")


def test_xlsx_text_is_formula_safe_and_long_cells_are_cut(tmp_path: Path) -> None:
    few = FewTables(
        a=("operators", "name", '=HYPERLINK("http://evil.example","x")'),
        b=("reports", "summary", "@SUM(1+1)"),
        c=("events", "figures", "x" * (EXCEL_CELL_LIMIT + 10)),
    )
    path = write_xlsx(few, tmp_path / "few.xlsx")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is a formula"
    name_col = TABLE_COLUMNS["operators"].index("name") + 1
    assert book["operators"].cell(row=2, column=name_col).value.startswith("'=HYPERLINK")
    summary_col = TABLE_COLUMNS["reports"].index("summary") + 1
    assert book["reports"].cell(row=2, column=summary_col).value == "'@SUM(1+1)"
    figures = book["events"].cell(row=2, column=TABLE_COLUMNS["events"].index("figures") + 1)
    assert len(figures.value) == EXCEL_CELL_LIMIT
    assert figures.value.endswith("the whole value is in events.csv]")


# ----------------------------------------------------------------------------- HDX


def _hdx(release: Path, name: str) -> tuple[list[str], list[str], pd.DataFrame]:
    path = release / "hdx" / f"{name}.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header, tags = lines[0].split(","), lines[1].split(",")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, skiprows=[1])
    return header, tags, frame


@pytest.mark.parametrize("name", list(HXL_TAGS))
def test_hdx_files_carry_a_valid_hashtag_row(release: Path, name: str) -> None:
    header, tags, frame = _hdx(release, name)
    assert header == list(HXL_TAGS[name])
    assert tags == list(HXL_TAGS[name].values())
    assert all(HXL_TAG.match(t) for t in tags), [t for t in tags if not HXL_TAG.match(t)]
    assert (frame["country_code"] == "KHM").all()
    pcodes = frame["province_pcode"]
    assert pcodes.map(lambda p: p == "" or re.fullmatch(r"KH\d{2}", p) is not None).all()
    codes = frame["province_code"]
    assert codes.map(lambda c: c == "" or re.fullmatch(r"\d{2}", c) is not None).all()


def test_hdx_tables_keep_every_row_and_count(release: Path) -> None:
    tables = bundled_tables()
    _, _, events = _hdx(release, "events")
    assert list(events["event_id"]) == list(tables.events["event_id"])
    one = events[events["attribution"] == "province"]
    assert (one["province_pcode"] != "").all() and (one["province_name"] != "").all()
    _, _, provinces = _hdx(release, "province_summary")
    assert len(provinces) == len(tables.province_summary)
    assert provinces["n_events"].astype(int).sum() == len(tables.events)
    _, _, districts = _hdx(release, "district_summary")
    assert len(districts) == 210
    assert (districts["province_pcode"].str.len() == 4).all()
    _, _, sites = _hdx(release, "compounds")
    active = tables.compounds[tables.compounds["record_status"] == "active"]
    assert list(sites["compound_id"]) == list(active["compound_id"])


def test_hdx_event_sources_are_flat(release: Path) -> None:
    _, _, events = _hdx(release, "events")
    first = events.set_index("event_id").loc["EV-1000"]
    assert "VOD English" in first["source_publishers"].split("; ")
    assert all(u.startswith("http") for u in first["source_urls"].split("; "))


def test_docs_hdx_mapping_is_current() -> None:
    text = (ROOT / "docs" / "hdx.md").read_text(encoding="utf-8")
    assert hxl_dictionary() in text, "regenerate docs/hdx.md (see its first lines)"


# ----------------------------------------------------------------------------- GeoPackage


def test_gpkg_districts_layer_has_the_district_counts(release: Path) -> None:
    layers = {name for name, _ in pyogrio.list_layers(release / "compoundmap.gpkg")}
    assert {"provinces", "districts"} <= layers
    districts = pyogrio.read_dataframe(release / "compoundmap.gpkg", layer="districts")
    summary = bundled_tables().district_summary
    assert len(districts) == len(summary) == 210
    assert {"district_code", "district_pcode", "n_events", "n_reports", "n_compounds"} <= set(
        districts.columns
    )
    assert districts["n_events"].sum() == summary["n_events"].sum() > 0
    assert districts.geometry.notna().all()


# ----------------------------------------------------------------------------- FollowTheMoney


@pytest.fixture(scope="module")
def entities(release: Path) -> list[dict[str, Any]]:
    lines = (release / FTM_NAME).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_ftm_entities_load_and_validate(entities: list[dict[str, Any]]) -> None:
    ftm = pytest.importorskip("followthemoney")
    model = ftm.model
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None and not schema.abstract, entity["schema"]
        unknown = set(entity["properties"]) - set(schema.properties)
        assert not unknown, (entity["id"], unknown)
        schema.validate(entity)  # raises InvalidData
        proxy = model.get_proxy(entity, cleaned=False)
        for prop, values in entity["properties"].items():
            assert len(proxy.get(prop)) == len(values), (entity["id"], prop, values)
            if schema.properties[prop].type.name == "entity":
                assert set(values) <= ids, (entity["id"], prop, values)
        assert proxy.caption


def test_ftm_covers_operators_sites_and_designations(entities: list[dict[str, Any]]) -> None:
    tables = bundled_tables()
    by_id = {e["id"]: e for e in entities}
    schemas = {e["schema"] for e in entities}
    assert {"Company", "Organization", "Person", "RealEstate", "Sanction"} <= schemas
    active = tables.designations[tables.designations["record_status"] == "active"]
    sanctions = [e for e in entities if e["schema"] == "Sanction"]
    assert len(sanctions) == len(active)
    sanctioned = {v for s in sanctions for v in s["properties"]["entity"]}
    for person in (e for e in entities if e["schema"] == "Person"):
        assert person["id"] in sanctioned, f"{person['id']}: a person nobody designated"
    for row in tables.operators.itertuples(index=False):
        entity = by_id.get(f"compoundmap-{row.operator_id.lower()}")
        if row.kind == "company":
            assert entity is not None and entity["schema"] == "Company"
        if row.kind == "group":
            assert entity is not None and entity["schema"] == "Organization"
    sites = [e for e in entities if e["schema"] == "RealEstate" and "-target" not in e["id"]]
    assert len(sites) == (tables.compounds["record_status"] == "active").sum()
    withdrawn = tables.compounds[tables.compounds["record_status"] == "withdrawn"]
    assert not {f"compoundmap-{c.lower()}" for c in withdrawn["compound_id"]} & set(by_id)
    o_smach = next(s for s in sanctions if "O-Smach" in " ".join(s["properties"]["namesMentioned"]))
    assert by_id[o_smach["properties"]["entity"][0]]["schema"] == "RealEstate"


def test_ftm_sites_have_coordinates_only_when_sources_give_the_site(
    entities: list[dict[str, Any]],
) -> None:
    compounds = bundled_tables().compounds.set_index("compound_id")
    for site in (e for e in entities if e["schema"] == "RealEstate" and "-target" not in e["id"]):
        row = compounds.loc[site["id"].removeprefix("compoundmap-").upper()]
        has_point = "latitude" in site["properties"]
        assert has_point == (row["precision"] == Precision.SITE), site["id"]
        assert site["properties"]["address"][0].endswith("Cambodia")


def test_ftm_carries_wikidata_and_opensanctions_ids() -> None:
    few = FewTables(
        n=40,
        a=("operators", "wikidata_id", "Q123456"),
        b=("operators", "opensanctions_id", "NK-abc123"),
    )
    first = few.table("operators").iloc[0]
    entity = next(
        e for e in ftm_entities(few) if e["id"] == f"compoundmap-{first['operator_id'].lower()}"
    )
    assert entity["properties"]["wikidataId"] == ["Q123456"]
    assert OPENSANCTIONS_URL.format("NK-abc123") in entity["properties"]["sourceUrl"]
