"""Tests of compoundmap.sources: the bundled curated files and malformed fixtures."""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compoundmap._data import raw_path
from compoundmap.cli import app
from compoundmap.errors import SourceValidationError
from compoundmap.gazetteer import get_gazetteer
from compoundmap.schema import REPORTS_OPTIONAL_COLUMNS, REPORTS_REQUIRED_COLUMNS
from compoundmap.sources import (
    EVENT_TYPES,
    OVERRIDES_COLUMNS,
    REPORTS_COLUMNS,
    SOURCE_TIERS,
    SOURCE_TYPES,
    Problem,
    ValidationReport,
    date_precision,
    load_overrides,
    read_sources,
    validate_file,
    validate_overrides,
    validate_sources,
)

FIXTURES = Path(__file__).resolve().parent / "data" / "sources"
REPORTS = raw_path("sources", "reports.csv")
OVERRIDES = raw_path("sources", "location_overrides.csv")
ALLOWED_EVENTS = ", ".join(EVENT_TYPES)


def n_records(path: Path) -> int:
    """Records in a CSV counted with the csv module alone (header and blank rows excluded)."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return sum(1 for fields in csv.reader(fh) if any(f.strip() for f in fields)) - 1


# --------------------------------------------------------------------------- bundled data


def validate_bundled() -> ValidationReport:
    """The bundled reports; its only warnings may be events dated after their source (a
    planned deportation reported in advance is such a case)."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=".*is after the source date", category=UserWarning
        )
        report = validate_sources(REPORTS)
    assert all("is after the source date" in w.message for w in report.warnings)
    return report


def test_bundled_reports_validate_with_no_problems() -> None:
    report = validate_bundled()
    assert report.problems == []
    assert report.ok
    assert len(report.valid) == n_records(REPORTS)
    assert len(report.rejects) == 0
    at = REPORTS_COLUMNS.index("event_date") + 1
    assert list(report.valid.columns) == [
        *REPORTS_COLUMNS[:at],
        "date_precision",
        *REPORTS_COLUMNS[at:],
        "source_row",
    ]
    n = len(report.valid)
    assert report.summary().startswith(f"{REPORTS}: {n} rows (reports), {n} valid, 0 rejected")


def test_date_precision_matches_the_shape_of_each_event_date() -> None:
    raw = pd.read_csv(REPORTS, dtype=str, keep_default_na=False)
    expected = raw["event_date"].map(
        lambda d: (
            ""
            if d == ""
            else "day"
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)
            else "month"
            if re.fullmatch(r"\d{4}-\d{2}", d)
            else "year"
        )
    )
    valid = validate_bundled().valid
    assert valid["date_precision"].tolist() == expected.tolist()
    # each precision the file uses is the shape of its date
    for date, prec in zip(valid["event_date"], valid["date_precision"], strict=True):
        assert prec == {0: "", 4: "year", 7: "month", 10: "day"}[len(date)]


def test_bundled_values_keep_codes_dates_and_types() -> None:
    raw = pd.read_csv(REPORTS, dtype=str, keep_default_na=False)
    valid = validate_bundled().valid
    # strings are never reinterpreted
    for col in ("report_id", "event_date", "source_date", "source_url", "summary"):
        assert valid[col].tolist() == raw[col].tolist()
    assert str(valid["victims_count"].dtype) == "Int64"
    assert valid["victims_count"].isna().sum() == (raw["victims_count"] == "").sum()
    assert int(valid["victims_count"].sum()) == sum(int(v) for v in raw["victims_count"] if v)
    assert str(valid["latitude"].dtype) == "Float64"
    # line numbers: the header is line 1 and no field spans lines
    assert valid["source_row"].tolist() == list(range(2, len(raw) + 2))


def test_allowed_codes_are_the_sets_used_by_the_curated_file() -> None:
    valid = validate_bundled().valid
    assert set(valid["event_type"]) <= set(EVENT_TYPES)
    assert set(valid["source_type"]) <= set(SOURCE_TYPES)
    assert set(valid["source_tier"]) == set(SOURCE_TIERS)
    # every figure says what it counts and what it is about
    counted = valid[valid["victims_count"].notna()]
    assert (counted["count_kind"] != "").all() and (counted["count_scope"] != "").all()


def test_rows_without_url_are_cited_and_say_why() -> None:
    valid = validate_bundled().valid
    assert (valid["source_publisher"] != "").all() and (valid["source_title"] != "").all()
    no_url = valid[(valid["source_url"] == "") & (valid["record_status"] == "active")]
    assert (no_url["status_note"] != "").all()
    # the 2022 joint statement is online: its rows cite it
    statement = valid[valid["report_id"].isin([f"CR-{n:04d}" for n in range(149, 157)])]
    assert (statement["source_url"] != "").all()


def test_read_sources_defaults_to_the_bundled_file() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=".*is after the source date", category=UserWarning
        )
        df = read_sources()
    assert len(df) == n_records(REPORTS)
    assert df["report_id"].is_unique


# --------------------------------------------------------------------------- row problems

ROW_CASES = {
    "duplicate_id.csv": [
        "4:report_id: duplicate report_id 'CR-0001': first used on line 2 (ids are compared "
        "ignoring case and Unicode look-alikes)",
        "5:report_id: duplicate report_id 'CR-0002': first used on line 3 (ids are compared "
        "ignoring case and Unicode look-alikes)",
    ],
    "bad_event_type.csv": [
        f"3:event_type: 'arrest' is not an allowed event_type; allowed: {ALLOWED_EVENTS}",
        "4:event_type: 'Raid' is not an allowed event_type (use lower case: 'raid'); "
        f"allowed: {ALLOWED_EVENTS}",
    ],
    "bad_dates.csv": [
        "2:event_date: '2023-13-01' is not a real date: there is no month 13",
        "3:event_date: 'March 2023' is not a date in YYYY, YYYY-MM or YYYY-MM-DD form",
        "4:source_date: '2023-02-30' is not a real date: February 2023 has no day 30",
    ],
    "outside_cambodia.csv": [
        "3:latitude: point (latitude 13.7563, longitude 100.5018) is outside Cambodia",
    ],
    "swapped_latlon.csv": [
        "4:latitude: latitude and longitude probably swapped: (latitude 104.9282, "
        "longitude 11.5564) is outside Cambodia but (latitude 11.5564, longitude 104.9282) "
        "is inside",
    ],
    "half_point.csv": [
        "2:longitude: longitude is empty but latitude is given; give both or neither",
    ],
    "bad_url.csv": [
        "3:source_url: 'vodenglish.news/seven-story-building' is not a well-formed http(s) URL",
    ],
    "negative_victims.csv": [
        "3:victims_count: '-5' is negative; a count of people must be 0 or more",
        "4:victims_count: '1,200' is not a whole number (write digits only, e.g. 1200)",
    ],
    "missing_values.csv": [
        "2:location_text: required value is missing",
        "2:source_tier: required value is missing",
    ],
    "multiline.csv": [
        f"6:event_type: 'riad' is not an allowed event_type; allowed: {ALLOWED_EVENTS}",
    ],
    "blank_lines.csv": [
        f"9:source_type: 'press' is not an allowed source_type; allowed: {', '.join(SOURCE_TYPES)}",
    ],
    "ragged.csv": [
        "3: row has 18 fields but the header has 20",
        "4: row has 21 fields but the header has 20; extra values: 'x'",
    ],
}


@pytest.mark.parametrize("name", sorted(ROW_CASES))
def test_row_problems_are_reported_exactly(name: str) -> None:
    path = FIXTURES / name
    report = validate_sources(path)
    assert [str(p) for p in report.problems] == [f"{path}:{e}" for e in ROW_CASES[name]]
    assert len(report.valid) + len(report.rejects) == n_records(path) == 4
    rejected_lines = sorted({p.row for p in report.problems})
    assert report.rejects["source_row"].tolist() == rejected_lines
    assert set(report.valid["source_row"]).isdisjoint(rejected_lines)


def test_rejects_keep_the_raw_row_and_join_every_reason() -> None:
    path = FIXTURES / "missing_values.csv"
    rejects = validate_sources(path).rejects
    # rejects are the rows exactly as in the file (here, a file of the older schema)
    assert list(rejects.columns) == [*REPORTS_REQUIRED_COLUMNS, "source_row", "reject_reason"]
    row = rejects.iloc[0]
    assert row["source_tier"] == " "  # as in the file, not stripped
    assert row["report_id"] == "CR-0001"
    assert row["reject_reason"] == (
        "location_text: required value is missing; source_tier: required value is missing"
    )


def test_duplicate_ids_keep_the_first_occurrence() -> None:
    report = validate_sources(FIXTURES / "duplicate_id.csv")
    assert report.valid["report_id"].tolist() == ["CR-0001", "CR-0002"]
    assert report.valid["source_row"].tolist() == [2, 3]
    assert report.rejects["report_id"].tolist() == ["CR-0001", "CR-0002"]


def test_multiline_field_keeps_line_numbers_of_later_records() -> None:
    report = validate_sources(FIXTURES / "multiline.csv")
    assert report.valid["source_row"].tolist() == [2, 3, 7]
    assert report.valid["summary"].iloc[1] == "First line of a summary.\nSecond line.\nThird line."


def test_blank_lines_and_empty_rows_are_skipped_but_counted_in_line_numbers() -> None:
    report = validate_sources(FIXTURES / "blank_lines.csv")
    assert report.valid["source_row"].tolist() == [2, 4, 6]
    assert report.rejects["source_row"].tolist() == [9]


def test_bom_and_crlf_are_read_like_plain_utf8() -> None:
    report = validate_sources(FIXTURES / "bom_crlf.csv")
    assert report.ok and len(report.valid) == 4
    assert report.valid.columns[0] == "report_id"
    assert report.valid["report_id"].tolist() == ["CR-0001", "CR-0002", "CR-0003", "CR-0004"]
    assert not report.valid["source_tier"].str.contains("\r").any()


def test_header_only_file_is_valid_with_no_rows() -> None:
    report = validate_sources(FIXTURES / "header_only.csv")
    assert report.ok and len(report.valid) == 0 and len(report.rejects) == 0


def test_unknown_column_warns_and_is_kept() -> None:
    path = FIXTURES / "extra_column.csv"
    with pytest.warns(UserWarning, match="unknown column 'reviewer'"):
        report = validate_sources(path)
    assert report.ok
    assert [str(w) for w in report.warnings] == [
        f"{path}:1:reviewer: unknown column 'reviewer' (kept, not validated)"
    ]
    assert report.valid["reviewer"].tolist() == ["checked by AB"] * 4


def test_spreadsheet_export_with_unnamed_columns_and_bad_numbers() -> None:
    path = FIXTURES / "spreadsheet_export.csv"
    with pytest.warns(UserWarning, match="has no name"):
        report = validate_sources(path)
    assert [str(w) for w in report.warnings] == [
        f"{path}:1:unnamed_21: column 21 has no name (kept as 'unnamed_21', not validated)",
        f"{path}:1:unnamed_22: column 22 has no name (kept as 'unnamed_22', not validated)",
    ]
    assert [str(p) for p in report.problems] == [
        f"{path}:3:latitude: '11,5564' is not a decimal number (use e.g. 10.6275)",
        f"{path}:4:latitude: 'nan' is not a decimal number (use e.g. 10.6275)",
        f"{path}:4:longitude: 'inf' is not a decimal number (use e.g. 10.6275)",
    ]
    assert len(report.valid) + len(report.rejects) == n_records(path) == 4


# --------------------------------------------------------------------------- file problems

FILE_CASES = {
    "missing_column.csv": ":1: missing required columns: event_type, source_tier; columns found: "
    + ", ".join(c for c in REPORTS_REQUIRED_COLUMNS if c not in ("event_type", "source_tier")),
    "empty.csv": ": file has no header row (it is empty, or holds only a byte-order mark, blank "
    "lines or separators); expected a header row: " + ", ".join(REPORTS_REQUIRED_COLUMNS),
    "not_utf8.csv": ":2: not valid UTF-8: byte 0x92 at byte offset 320 (byte 47 of line 2); "
    "save the file as UTF-8 (e.g. from a spreadsheet: 'CSV UTF-8')",
    "unclosed_quote.csv": ":3: malformed CSV in the record starting here: ',' expected after "
    "'\"' (a quoted field is probably not closed, or a quote is not doubled)",
    "no_such_file.csv": ": file not found",
}


@pytest.mark.parametrize("name", sorted(FILE_CASES))
def test_file_level_problems_raise(name: str) -> None:
    path = FIXTURES / name
    with pytest.raises(SourceValidationError) as info:
        validate_sources(path)
    expected = f"{path}{FILE_CASES[name]}"
    assert [str(p) for p in info.value.problems] == [expected]
    assert str(info.value) == expected


def test_not_utf8_fixture_really_is_cp1252() -> None:
    data = (FIXTURES / "not_utf8.csv").read_bytes()
    assert data[320:321] == "’".encode("cp1252")
    assert "Société".encode("cp1252") in data


def test_read_sources_strict_raises_with_every_problem() -> None:
    path = FIXTURES / "bad_dates.csv"
    with pytest.raises(SourceValidationError, match="3 of 4 rows are invalid") as info:
        read_sources(path)
    assert len(info.value.problems) == 3


def test_read_sources_lenient_warns_and_returns_valid_rows() -> None:
    path = FIXTURES / "bad_dates.csv"
    with pytest.warns(UserWarning, match="3 of 4 rows are invalid; they were left out"):
        df = read_sources(path, strict=False)
    assert df["report_id"].tolist() == ["CR-0004"]


def test_problem_string_forms() -> None:
    assert str(Problem("r.csv", 5, "event_date", "bad")) == "r.csv:5:event_date: bad"
    assert str(Problem("r.csv", 1, "", "missing columns")) == "r.csv:1: missing columns"
    assert str(Problem("r.csv", None, "", "file not found")) == "r.csv: file not found"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-16", "day"), ("2024-03", "month"), ("2024", "year"), ("", "")],
)
def test_date_precision(value: str, expected: str) -> None:
    assert date_precision(value) == expected


_DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True),
    st.text(alphabet="0123456789-/ aM", max_size=11),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(dates=st.lists(_DATES, min_size=1, max_size=6))
def test_any_dates_split_into_valid_and_rejects(tmp_path: Path, dates: list[str]) -> None:
    base = next(csv.reader([REPORTS.read_text(encoding="utf-8").splitlines()[1]]))
    path = tmp_path / "dates.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(REPORTS_COLUMNS)
        for i, d in enumerate(dates):
            row = list(base)
            row[0], row[REPORTS_COLUMNS.index("event_date")] = f"CR-{i:04d}", d
            writer.writerow(row)
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=".*is after the source date", category=UserWarning
        )
        report = validate_sources(path)
    assert len(report.valid) + len(report.rejects) == len(dates)
    for d, prec in zip(report.valid["event_date"], report.valid["date_precision"], strict=True):
        if prec == "day":
            assert pd.Timestamp(d).strftime("%Y-%m-%d") == d
        assert prec == {0: "", 4: "year", 7: "month", 10: "day"}[len(d)]


# --------------------------------------------------------------------------- overrides


def test_bundled_overrides_load_and_cite_real_quotes() -> None:
    overrides = load_overrides()
    assert list(overrides.columns) == [*OVERRIDES_COLUMNS, "source_row"]
    reports = validate_bundled().valid.set_index("report_id")
    for row in overrides.itertuples():
        # every override fixes a location_text that occurs in the reports
        assert row.location_text in set(reports["location_text"])
        # and its evidence quotes a report's verbatim_location_quote word for word
        m = re.match(r'(CR-\d{4}) verbatim_location_quote: "(.+)" \(', row.evidence)
        assert m is not None, row.evidence
        assert m.group(2) in reports.loc[m.group(1), "verbatim_location_quote"]
    assert overrides["latitude"].isna().all()  # no invented coordinates


def test_bundled_override_codes_are_gazetteer_units() -> None:
    units = get_gazetteer().units.set_index("code")
    overrides = load_overrides()
    levels = {2: 1, 4: 2, 6: 3}
    for code, precision in zip(overrides["code"], overrides["precision"], strict=True):
        assert units.loc[code, "level"] == levels[len(code)]
        assert precision == 5 - levels[len(code)]
    assert units.loc["150605", "name_en"] == "Thma Da"


def test_bad_overrides_are_reported_exactly() -> None:
    path = FIXTURES / "bad_overrides.csv"
    report = validate_overrides(path)
    assert [str(p) for p in report.problems] == [
        f"{path}:4:evidence: required value is missing",
        f"{path}:5:code: '8' is not an MEF 2025 admin code (2 digits for a province, 4 for a "
        "district, 6 for a commune, with leading zeros)",
        f"{path}:6:code: '999999' is not in the MEF 2025 gazetteer",
        f"{path}:7:code: '250316' is one of the spurious Kokir codes in the MEF list; use '250314'",
        f"{path}:8:code: give a code, or latitude and longitude, or both",
        f"{path}:9:precision: precision 2 (commune) is finer than code '0902' (district) and no "
        "point is given",
        f"{path}:10:latitude: latitude and longitude probably swapped: (latitude 102.811821, "
        "longitude 12.197418) is outside Cambodia but (latitude 12.197418, longitude "
        "102.811821) is inside",
        f"{path}:11:precision: '5' is not a precision: use 1 (point), 2 (commune), 3 (district), "
        "4 (province)",
        f"{path}:12:location_text: duplicate override for 'CASINO COMPOUNDS IN THMOR DA' in "
        "'pursat': first given on line 2",
    ]
    assert len(report.valid) + len(report.rejects) == n_records(path) == 11
    point = report.valid.set_index("location_text").loc["Thma Da commune centre"]
    assert (point["precision"], point["latitude"], point["code"]) == (1, 12.197418, "")


def test_load_overrides_raises_on_any_bad_row() -> None:
    with pytest.raises(SourceValidationError, match="9 of 11 overrides are invalid") as info:
        load_overrides(FIXTURES / "bad_overrides.csv")
    assert len(info.value.problems) == 9


def test_validate_file_tells_the_two_kinds_apart() -> None:
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=".*is after the source date", category=UserWarning
        )
        assert validate_file(REPORTS).kind == "reports"
    assert validate_file(OVERRIDES).kind == "overrides"
    with pytest.raises(SourceValidationError, match="missing required columns: report_id"):
        validate_file(FIXTURES / "not_a_source.csv")


# --------------------------------------------------------------------------- CLI

runner = CliRunner()


def run_validate(*args: str) -> tuple[int, list[str]]:
    # typer runs a lone command without its name; once others are registered it needs it
    argv = ["validate", *args] if len(app.registered_commands) > 1 else list(args)
    result = runner.invoke(app, argv)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout.splitlines()


def test_cli_validate_bundled_folder_exits_0() -> None:
    code, lines = run_validate("--quiet")
    assert code == 0
    n = n_records(REPORTS)
    assert any(
        line.startswith(f"{REPORTS}: {n} rows (reports), {n} valid, 0 rejected") for line in lines
    )
    assert any("compounds.csv" in line and "0 rejected" in line for line in lines)


def test_cli_validate_folder_line_counts_every_warning_printed() -> None:
    """The per-file lines count each file's own warnings; the last line counts them all,
    the citation and link warnings included, so the total matches what was printed."""
    code, lines = run_validate()
    assert code == 0
    printed = sum(line.startswith("warning: ") for line in lines)
    m = re.search(r": 6 files, 0 problems and (\d+) warnings? in all \((\d+) of", lines[-1])
    assert m, lines[-1]
    assert int(m.group(1)) == printed
    own = sum(int(w) for w in re.findall(r"rejected, (\d+) warnings?$", "\n".join(lines), re.M))
    assert int(m.group(2)) == printed - own


def test_cli_validate_lists_every_problem_and_exits_1() -> None:
    path = FIXTURES / "bad_dates.csv"
    code, lines = run_validate(str(path))
    assert code == 1
    assert lines == [
        *(f"{path}:{e}" for e in ROW_CASES["bad_dates.csv"]),
        f"note: {path}:1: columns of the current schema are missing and read as empty: "
        + ", ".join(REPORTS_OPTIONAL_COLUMNS)
        + " (data/raw/sources/README.md)",
        f"{path}: 4 rows (reports), 1 valid, 3 rejected, 3 problems",
    ]


def test_cli_validate_file_level_problem_exits_1() -> None:
    path = FIXTURES / "empty.csv"
    code, lines = run_validate(str(path))
    assert code == 1
    assert lines == [
        f"{path}{FILE_CASES['empty.csv']}",
        f"{path}: not checked: 1 file-level problem(s)",
    ]


def test_cli_validate_overrides_file() -> None:
    code, lines = run_validate(str(OVERRIDES))
    n = n_records(OVERRIDES)
    assert (code, lines) == (0, [f"{OVERRIDES}: {n} rows (overrides), {n} valid, 0 rejected"])
    bad = FIXTURES / "bad_overrides.csv"
    code, lines = run_validate(str(bad))
    assert code == 1 and len(lines) == 10
    assert lines[-1] == f"{bad}: 11 rows (overrides), 2 valid, 9 rejected, 9 problems"


def test_cli_validate_prints_warnings_and_exits_0() -> None:
    path = FIXTURES / "extra_column.csv"
    code, lines = run_validate(str(path))
    assert code == 0
    assert (
        lines[0] == f"warning: {path}:1:reviewer: unknown column 'reviewer' (kept, not validated)"
    )
