"""``datapackage.json`` is complete and Frictionless validates the whole release with it."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from _release import bundled_tables, written_release

from compoundmap.datapackage import LICENSES
from compoundmap.fields import FOREIGN_KEYS, PRIMARY_KEYS, TABLE_COLUMNS

frictionless = pytest.importorskip("frictionless")


@pytest.fixture(scope="module")
def release() -> Path:
    return written_release()


@pytest.fixture(scope="module")
def descriptor(release: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((release / "datapackage.json").read_text("utf-8"))
    return data


def _errors(report: Any) -> list[str]:
    return [f"{task.name}: {e.type}: {e.message}" for task in report.tasks for e in task.errors]


def test_frictionless_validates_the_release(release: Path) -> None:
    report = frictionless.validate(release / "datapackage.json")
    assert report.valid, _errors(report)[:20]
    checked = {task.name for task in report.tasks}
    assert {t.replace("_", "-") for t in TABLE_COLUMNS} <= checked


def test_descriptor_lists_every_file_with_keys_sources_and_licences(
    release: Path, descriptor: dict[str, Any]
) -> None:
    release_info = bundled_tables().release
    assert descriptor["version"] == release_info["version"]
    assert descriptor["created"] == release_info["created"]
    assert descriptor["licenses"] == LICENSES
    paths = {r["path"] for r in descriptor["resources"]}
    written = {p.relative_to(release).as_posix() for p in release.rglob("*") if p.is_file()}
    assert written - {"datapackage.json"} == paths
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for table, key in PRIMARY_KEYS.items():
        schema = by_name[table.replace("_", "-")]["schema"]
        assert schema["primaryKey"] == key
    for src, col, ref, ref_col in FOREIGN_KEYS:
        links = by_name[src.replace("_", "-")]["schema"]["foreignKeys"]
        wanted = {
            "fields": [col],
            "reference": {"resource": ref.replace("_", "-"), "fields": [ref_col]},
        }
        assert wanted in links
    for resource in descriptor["resources"]:
        assert resource["sources"] and resource["licenses"], resource["name"]
    for name in ("compoundmap-xlsx", "hdx-events-csv", "ftm-entities-ftm-json"):
        assert by_name[name]["type"] == "file"  # read whole, not as one table


def _subset(release: Path, descriptor: dict[str, Any], names: list[str], out: Path) -> Path:
    """A package of a few resources copied from the release (to corrupt one of them)."""
    resources = [r for r in descriptor["resources"] if r["name"] in names]
    for r in resources:
        shutil.copy(release / r["path"], out / r["path"])
    path = out / "datapackage.json"
    path.write_text(json.dumps({**descriptor, "resources": resources}), encoding="utf-8")
    return path


def _replace_cell(path: Path, column: str, row: int, value: str) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[row][rows[0].index(column)] = value
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def test_frictionless_checks_foreign_and_primary_keys(
    release: Path, descriptor: dict[str, Any], tmp_path: Path
) -> None:
    package = _subset(release, descriptor, ["compound-events", "compounds", "events"], tmp_path)
    _replace_cell(tmp_path / "compound_events.csv", "event_id", 1, "EV-NOT-THERE")
    with open(tmp_path / "events.csv", encoding="utf-8", newline="") as fh:
        first_event = list(csv.reader(fh))[1][0]
    _replace_cell(tmp_path / "events.csv", "event_id", 2, first_event)
    report = frictionless.validate(package)
    types = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid
    assert "foreign-key" in types, _errors(report)
    assert "primary-key" in types, _errors(report)
