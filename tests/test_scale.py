"""A build of many copies of the sources counts each copy: the tables scale, nothing is lost.

Three copies of the bundled reports with fresh report and event ids (as
``benchmarks/bench_build.py`` makes them) must give three times the events, report rows and
located places, and three times every per-province count, as the single copy; the workbook
cuts a long sheet with a note. Behaviour only: nothing here is timed.
"""

from __future__ import annotations

import csv
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from compoundmap._data import raw_path
from compoundmap.events import people_columns
from compoundmap.exports import xlsx
from compoundmap.pipeline import build
from compoundmap.schema import EVENT_TYPES
from compoundmap.tables import read_table

SOURCES = raw_path("sources", "reports.csv")
SIDE_FILES = ("compounds.csv", "operators.csv", "designations.csv", "location_overrides.csv")
COPIES = 3
COUNTED = ["n_events", "n_events_shared", "n_reports", *(f"n_{t}" for t in EVENT_TYPES)]


def _copies(folder: Path, copies: int) -> Path:
    """The bundled reports ``copies`` times, each copy with its own report and event ids."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in SIDE_FILES:
        (folder / name).write_bytes((SOURCES.parent / name).read_bytes())
    with open(SOURCES, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    with open(folder / "reports.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for k in range(copies):
            for row in rows:
                event = f"{row['event_id']}-{k:04d}" if row["event_id"] else ""
                writer.writerow(
                    {**row, "report_id": f"{row['report_id']}-{k:04d}", "event_id": event}
                )
    return folder / "reports.csv"


def _build(sources: Path, out: Path) -> tuple[Any, Path]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = build(sources, out / "processed", maps=False)
    return result, out / "processed"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Any, Path]]:
    base = tmp_path_factory.mktemp("scale")
    one = _build(SOURCES, base / "one")
    patch = pytest.MonkeyPatch()
    # Small limits so that the copies exercise the long-sheet path of the workbook.
    patch.setattr(xlsx, "MAX_SHEET_ROWS", 1_000)
    patch.setattr(xlsx, "CONSTANT_MEMORY_ROWS", 500)
    try:
        many = _build(_copies(base / "src", COPIES), base / "many")
    finally:
        patch.undo()
    return {"one": one, "many": many}


def test_copies_multiply_rows_events_and_places(builds: dict[str, Any]) -> None:
    (one, one_dir), (many, many_dir) = builds["one"], builds["many"]
    for key in ("input_rows", "valid", "rejected", "included", "withdrawn", "events"):
        assert many.counts[key] == COPIES * one.counts[key], key
    assert many.counts["compounds"] == one.counts["compounds"]  # the registry is not copied
    for label, n in one.precision_counts.items():
        assert many.precision_counts[label] == COPIES * n, label
    for table in ("reports", "report_locations", "events", "compound_events"):
        assert len(read_table(table, many_dir)) == COPIES * len(read_table(table, one_dir))


def test_per_province_and_district_figures_multiply(builds: dict[str, Any]) -> None:
    one_dir, many_dir = builds["one"][1], builds["many"][1]
    for table, key in (
        ("province_summary", "province_name"),
        ("district_summary", "district_code"),
    ):
        one = read_table(table, one_dir).set_index(key)
        many = read_table(table, many_dir).set_index(key)
        assert list(one.index) == list(many.index)
        for col in [*COUNTED, *people_columns()]:
            expected = (one[col] * COPIES).fillna(-1)
            pd.testing.assert_series_equal(many[col].fillna(-1), expected, check_names=False)
        for col in ("n_sources", "n_compounds", "first_event_date", "last_event_date"):
            pd.testing.assert_series_equal(many[col], one[col], check_names=False)


def test_sites_count_every_copy_of_their_events(builds: dict[str, Any]) -> None:
    one = read_table("compounds", builds["one"][1]).set_index("compound_id")
    many = read_table("compounds", builds["many"][1]).set_index("compound_id")
    for col in ("n_events", "n_reports"):
        pd.testing.assert_series_equal(many[col], one[col] * COPIES, check_names=False)
    for col in ("status", "latest_event_type", "latest_event_date", "precision", "n_sources"):
        pd.testing.assert_series_equal(many[col], one[col], check_names=False)


def test_reports_stay_sorted_and_complete(builds: dict[str, Any]) -> None:
    reports = read_table("reports", builds["many"][1])
    ids = reports["report_id"].tolist()
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    single = read_table("reports", builds["one"][1]).set_index("report_id")
    copy = reports[reports["report_id"].str.endswith("-0002")].copy()
    copy["report_id"] = copy["report_id"].str[: -len("-0002")]
    copy = copy.set_index("report_id")
    for col in ("summary", "source_url", "n_places", "province_codes", "precision", "included"):
        pd.testing.assert_series_equal(copy[col], single[col], check_names=False)


def test_long_sheets_are_cut_with_a_note(builds: dict[str, Any]) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(builds["many"][1] / xlsx.XLSX_NAME, read_only=True)
    rows = list(book["reports"].iter_rows(values_only=True))
    assert len(rows) == 1 + 1_000 + 1  # header, the first rows, the note
    assert "every row is in reports.csv" in str(rows[-1][0])
    assert len(list(book["events"].iter_rows(values_only=True))) <= 1 + 1_000 + 1
