"""``compoundmap diff``: what changed between two releases, as text and CSV."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest
from _release import bundled_tables, written_release
from typer.testing import CliRunner

from compoundmap.cli import app
from compoundmap.diff import DIFF_COLUMNS, ReleaseDiff, diff_releases, load_release
from compoundmap.errors import DataFileError

HERE = Path(__file__).resolve().parent
LEGACY = HERE / "data" / "legacy_release"  # rows of the 269-report release, first layout
SOURCES = HERE.parent / "data" / "raw" / "sources"


@pytest.fixture(scope="module")
def release() -> Path:
    return written_release()


@pytest.fixture(scope="module")
def from_legacy(release: Path) -> ReleaseDiff:
    return diff_releases(LEGACY, release)


def _rows(diff: ReleaseDiff, kind: str, ident: str) -> pd.DataFrame:
    c = diff.changes
    return c[(c["kind"] == kind) & (c["id"] == ident)]


def test_a_release_has_no_changes_against_itself(release: Path) -> None:
    diff = diff_releases(release, release)
    assert diff.changes.empty
    assert all(n == 0 for per in diff.counts().values() for n in per.values())
    assert diff.old.version == bundled_tables().release["version"]


def test_legacy_layout_is_read_one_row_per_report(from_legacy: ReleaseDiff) -> None:
    old = from_legacy.old
    assert old.layout == "legacy" and old.version == "unversioned"
    assert list(old.reports.index) == [
        "CR-0001",
        "CR-0002",
        "CR-0005",
        "CR-0010",
        "CR-0011",
        "CR-0073",
        "CR-0076",
    ]
    assert old.events_derived and len(old.events) == 7
    assert (
        "; " in old.reports.at["CR-0005", "province_codes"]
        or old.reports.at["CR-0005", "district_codes"]
    )
    assert any("no events table" in n for n in from_legacy.notes)


def test_reports_added_withdrawn_and_changed(from_legacy: ReleaseDiff) -> None:
    counts = from_legacy.counts()["report"]
    assert counts["added"] == len(bundled_tables().reports) - 7
    assert counts["removed"] == 0
    assert _rows(from_legacy, "report", "CR-0011")["change"].tolist()[0] == "withdrawn"
    cr1 = _rows(from_legacy, "report", "CR-0001").set_index("field")
    assert cr1.loc["event_date", ["old", "new"]].tolist() == ["2022", "2022-09"]
    assert cr1.loc["event_date", "aspect"] == "dates"
    links = _rows(from_legacy, "report", "CR-0073").set_index("field")
    assert "compound_id" not in links.index  # C18-bing-cheng-compound is now CM-0100


def test_sites_are_matched_through_former_ids(from_legacy: ReleaseDiff) -> None:
    merged = _rows(from_legacy, "compound", "CM-0100")
    assert merged["change"].tolist() == ["merged"]
    assert merged["note"].iloc[0] == "from C18-bing-cheng-compound; C18-xinshan-great-wall-park"
    assert _rows(from_legacy, "compound", "C00-prince-group")["change"].tolist() == ["removed"]
    assert "added" not in _rows(from_legacy, "compound", "CM-0101")["change"].tolist()


def test_events_are_matched_through_their_reports(from_legacy: ReleaseDiff) -> None:
    regrouped = _rows(from_legacy, "event", "EV-1000")
    assert regrouped["change"].tolist() == ["regrouped"]
    assert regrouped["note"].iloc[0] == "from EV:CR-0001; EV:CR-0073"
    gone = _rows(from_legacy, "event", "EV:CR-0011")
    assert gone["change"].tolist() == ["withdrawn"]
    assert "CR-0011 withdrawn" in gone["note"].iloc[0]


def _copy(release: Path, out: Path) -> Path:
    out.mkdir()
    for name in ("reports.csv", "report_locations.csv", "events.csv", "compounds.csv"):
        shutil.copy(release / name, out / name)
    shutil.copy(release / "datapackage.json", out / "datapackage.json")
    return out


def _edit(path: Path, ident: str, **values: str) -> None:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    key = frame.columns[0]
    for col, value in values.items():
        frame.loc[frame[key] == ident, col] = value
    frame.to_csv(path, index=False, lineterminator="\n")


def test_field_changes_between_processed_folders(release: Path, tmp_path: Path) -> None:
    old = _copy(release, tmp_path / "old")
    new = _copy(release, tmp_path / "new")
    _edit(new / "reports.csv", "CR-0001", victims_count="150")
    _edit(new / "reports.csv", "CR-0002", record_status="withdrawn", status_note="duplicate")
    _edit(new / "compounds.csv", "CM-0101", province_code="17", status="reported closed")
    _edit(new / "events.csv", "EV-1000", event_date="2022-09-12")
    frame = pd.read_csv(old / "reports.csv", dtype=str, keep_default_na=False)
    frame[frame["report_id"] != "CR-0003"].to_csv(old / "reports.csv", index=False)
    diff = diff_releases(old, new)
    got = {
        (r.kind, r.id, r.change, r.field, r.old, r.new)
        for r in diff.changes.itertuples(index=False)
    }
    assert ("report", "CR-0001", "changed", "victims_count", "141", "150") in got
    assert ("report", "CR-0002", "withdrawn", "", "", "") in got
    assert ("report", "CR-0003", "added", "", "", "") in got
    assert ("compound", "CM-0101", "changed", "province_code", "18", "17") in got
    assert ("compound", "CM-0101", "changed", "status", "raided", "reported closed") in got
    assert ("event", "EV-1000", "changed", "event_date", "2022-09", "2022-09-12") in got
    assert len(got) == 6
    assert diff.aspect_counts("compound") == {"status": 1, "location": 1}


def test_sources_folders_and_reports_files_are_built(tmp_path: Path) -> None:
    frame = pd.read_csv(SOURCES / "reports.csv", dtype=str, keep_default_na=False)
    old, new = tmp_path / "old", tmp_path / "new"
    for folder in (old, new):
        folder.mkdir()
        for name in ("compounds.csv", "operators.csv", "designations.csv"):
            shutil.copy(SOURCES / name, folder / name)
    frame.head(12).to_csv(old / "reports.csv", index=False)
    changed = frame.head(13).copy()
    changed.loc[changed["report_id"] == "CR-0002", "event_date"] = "2022-10"
    changed.to_csv(new / "reports.csv", index=False)
    diff = diff_releases(old, new / "reports.csv")
    assert diff.old.layout == diff.new.layout == "sources"
    assert diff.counts()["report"]["added"] == 1
    row = _rows(diff, "report", "CR-0002").set_index("field").loc["event_date"]
    assert (row["old"], row["new"]) == ("2022", "2022-10")


def test_not_a_release_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no reports.csv"):
        load_release(tmp_path)
    result = CliRunner().invoke(app, ["diff", str(tmp_path), str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("error: ")


def test_cli_prints_text_and_writes_csv_in_a_fixed_order(release: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "changes.csv"
    first = runner.invoke(app, ["diff", str(LEGACY), str(release), "--csv", str(out)])
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"old: {LEGACY}")
    assert "== reports withdrawn (1)\nCR-0011" in first.stdout
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == DIFF_COLUMNS
    kinds = [r[0] for r in rows[1:]]
    assert kinds == sorted(kinds, key=["report", "event", "compound"].index)
    again = runner.invoke(app, ["diff", str(LEGACY), str(release), "--csv", "-"])
    assert again.stdout == out.read_text(encoding="utf-8")
    summary = runner.invoke(app, ["diff", str(LEGACY), str(release), "--summary"])
    assert summary.stdout.splitlines()[3].startswith("reports: ")
    assert "== " not in summary.stdout
