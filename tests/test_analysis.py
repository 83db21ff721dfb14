"""What the notebooks compute (``compoundmap.analysis``): counts that add up, ranges that
are never summed across kinds or with national figures, provinces given any way an analyst
writes them, and notebook parameters that fail in one line."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import compoundmap
from compoundmap import (
    CompoundmapError,
    GazetteerError,
    ParameterError,
    districts_with_events,
    events_by_province,
    events_by_type,
    events_by_year,
    events_in_province,
    match_counts,
    national_figures,
    nationalities_by_event,
    notebook_parameters,
    people_by_kind,
    people_by_province,
    precision_by_province,
    precision_shares,
    province_list,
    province_parameter,
    province_profile,
    reports_in_province,
    resolve_province,
    rows_to_check,
    setup_notebook,
    summary_counts,
    tables_overview,
)
from compoundmap.schema import COUNT_KINDS

# ------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def tables() -> Any:
    """The bundled data, built once for this module (as the notebooks build it)."""
    return compoundmap.build_tables()


def _events(*rows: dict[str, Any]) -> pd.DataFrame:
    """A small events table: each row gives its id, attribution and figures."""
    base: dict[str, Any] = {
        "event_date": "2024",
        "event_type": "rescue",
        "attribution": "province",
        "province_code": "",
        "province_codes": "",
        "figure_scopes": "",
        "n_reports": 1,
        "report_ids": "",
        "nationalities": "",
        **{f"people_{k}_{b}": pd.NA for k in COUNT_KINDS for b in ("min", "max")},
    }
    frame = pd.DataFrame([{**base, **row} for row in rows])
    for col in frame.columns:
        if col.startswith("people_"):
            frame[col] = frame[col].astype("Int64")
    return frame


# ------------------------------------------------------------------------------ provinces


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("07", "07"),
        ("7", "07"),
        (7, "07"),
        (np.int64(7), "07"),
        (7.0, "07"),  # a code pandas read as a number
        (" 18 ", "18"),
        ("០៧", "07"),  # Khmer digits
        ("KH07", "07"),
        ("kh12", "12"),
        ("Kampot", "07"),
        ("kampot province", "07"),
        ("Khet Kampot", "07"),
        ("KAMPONG-CHAM", "03"),
        ("Preah Sihanouk", "18"),  # the HDX 2018 name
        ("Sihanoukville", "18"),  # the MEF 2025 name
        ("Kompong Som", "18"),  # a historic name
        ("Siem Reap", "17"),
        ("Oddar Meanchey", "22"),
        ("Tbong Khmum", "25"),
        ("កំពត", "07"),  # Khmer
        ("ខេត្តកំពត", "07"),  # Khmer, with "khet"
        ("ភ្នំពេញ", "12"),  # Khmer, without "reachtheani" (capital)
    ],
)
def test_a_province_is_accepted_as_code_number_pcode_or_name(value: object, code: str) -> None:
    assert resolve_province(value) == code


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (99, "no province has this code"),
        ("99", "no province has this code"),
        (0, "no province has this code"),
        (-3, "no province has this code"),
        ("Atlantis", "no province has this name"),
        ("1801", "that is the code of district 1801"),
        ("180101", "that is the code of commune 180101"),
        ("KH1801", "that is the P-code of district 1801"),
        ("KH99", "no province has this P-code"),
        ("Bavet", "that is the name of district 2008 Bavet (in Svay Rieng)"),
        ("", "empty"),
        (None, "neither a code nor a name (NoneType)"),
        (True, "neither a code nor a name (bool)"),
        (7.5, "not a whole number"),
        (["07"], "neither a code nor a name (list)"),
    ],
)
def test_anything_else_is_one_clear_error_naming_the_value(value: object, why: str) -> None:
    with pytest.raises(GazetteerError) as caught:
        resolve_province(value)
    message = str(caught.value)
    assert message.startswith(f"province {value!r}: {why}")
    assert "\n" not in message
    # ... and it lists what would be valid
    assert "01 Banteay Meanchey" in message and "25 Tboung Khmum" in message
    assert "KH01" in message


def test_province_list_has_the_25_provinces() -> None:
    provinces = province_list()
    assert list(provinces.index) == [f"{n:02d}" for n in range(1, 26)]
    assert provinces.loc["07", "pcode"] == "KH07"
    assert provinces.loc["07", "name_km"] == "កំពត"
    for code, row in provinces.iterrows():  # every listed name is accepted back
        assert resolve_province(row["name_en"]) == code
        assert resolve_province(row["name_km"]) == code
        assert resolve_province(row["pcode"]) == code


# ------------------------------------------------------------------------------ parameters


def test_province_parameter_fails_in_one_line_without_traceback() -> None:
    assert province_parameter(7) == "07"
    with pytest.raises(ParameterError) as caught:
        province_parameter("1801")
    err = caught.value
    assert isinstance(err, CompoundmapError) and isinstance(err, ValueError)
    assert str(err).startswith("parameter province '1801': that is the code of district")
    # What Jupyter shows instead of a traceback (IPython's hook): exactly one line.
    shown = err._render_traceback_()
    assert len(shown) == 1 and "\n" not in shown[0]
    assert shown[0] == f"ParameterError: {err}"


def test_notebook_parameters_check_sources_and_make_the_output_folder(tmp_path: Path) -> None:
    sources = tmp_path / "reports.csv"
    sources.write_text("report_id\n", encoding="utf-8")
    params = notebook_parameters(str(sources), str(tmp_path / "new" / "out"))
    assert params.sources == sources
    assert params.output_dir == tmp_path / "new" / "out" and params.output_dir.is_dir()

    fresh = notebook_parameters(None, None, prefix="compoundmap-test-")
    try:
        assert fresh.sources is None
        assert fresh.output_dir.is_dir() and fresh.output_dir.name.startswith("compoundmap-test-")
        assert not fresh.output_dir.is_relative_to(Path(__file__).resolve().parents[1])
    finally:
        fresh.output_dir.rmdir()

    with pytest.raises(ParameterError, match=r"parameter sources: .* does not exist"):
        notebook_parameters(tmp_path / "missing.csv")
    with pytest.raises(ParameterError, match=r"parameter sources: .* is a folder"):
        notebook_parameters(tmp_path)
    with pytest.raises(ParameterError, match=r"parameter output_dir: cannot use"):
        notebook_parameters(None, sources)  # a file, not a folder


def test_setup_notebook_shows_each_distinct_warning_once() -> None:
    with (
        warnings.catch_warnings(record=True) as caught,
        pd.option_context("display.max_rows", 60, "display.max_colwidth", 50),
    ):
        warnings.resetwarnings()
        warnings.simplefilter("ignore", DeprecationWarning)  # as Python's defaults do
        setup_notebook(max_rows=33, max_colwidth=44)
        setup_notebook(max_rows=33, max_colwidth=44)  # a second call changes nothing
        assert pd.get_option("display.max_rows") == 33
        assert pd.get_option("display.max_colwidth") == 44
        text = "compoundmap test: the same note from two places"
        warnings.warn(text, UserWarning, stacklevel=1)
        warnings.warn(text, UserWarning, stacklevel=1)  # another line
        with warnings.catch_warnings(record=True) as inner:  # as build_tables does
            warnings.simplefilter("always")
            warnings.warn(text, UserWarning, stacklevel=1)  # recorded, not shown
        with warnings.catch_warnings():  # filters changed: Python's "once" would forget
            pass
        warnings.warn(text, UserWarning, stacklevel=1)
        warnings.warn(text, FutureWarning, stacklevel=1)  # another category
        warnings.warn("compoundmap test: another note", UserWarning, stacklevel=1)
        warnings.warn("compoundmap test: hidden", DeprecationWarning, stacklevel=1)
    assert len(inner) == 1
    assert [(w.category, str(w.message)) for w in caught] == [
        (UserWarning, text),
        (FutureWarning, text),
        (UserWarning, "compoundmap test: another note"),
    ]


# ------------------------------------------------------------------------------ figures


def test_people_by_kind_follows_the_counting_rules() -> None:
    events = _events(
        # one rescue told by three outlets with conflicting figures: one event, 11 to 19
        {
            "event_id": "EV-1",
            "n_reports": 3,
            "figure_scopes": "rescued: site",
            "people_rescued_min": 11,
            "people_rescued_max": 19,
        },
        # an operation across two provinces: its figure counts once, not per province
        {
            "event_id": "EV-2",
            "attribution": "several_provinces",
            "province_codes": "12; 18",
            "figure_scopes": "rescued: multi_province; detained: multi_province",
            "people_rescued_min": 40,
            "people_rescued_max": 40,
            "people_detained_min": 300,
            "people_detained_max": 300,
        },
        # a national UN estimate two outlets repeat: one event, never added
        {
            "event_id": "EV-3",
            "attribution": "national",
            "n_reports": 2,
            "figure_scopes": "estimated_held: country",
            "people_estimated_held_min": 100_000,
            "people_estimated_held_max": 100_000,
        },
        # a local story quoting a country-wide figure: the figure is not the province's
        {
            "event_id": "EV-4",
            "province_code": "18",
            "province_codes": "18",
            "figure_scopes": "rescued: country",
            "people_rescued_min": 2_000,
            "people_rescued_max": 2_000,
        },
        # a figure about several provinces on an event placed in one: the province summary
        # adds it to no row, nor does people_by_kind (they follow one rule)
        {
            "event_id": "EV-5",
            "province_code": "12",
            "province_codes": "12",
            "figure_scopes": "deported: multi_province",
            "people_deported_min": 500,
            "people_deported_max": 500,
        },
    )
    people = people_by_kind(events)
    assert list(people.index) == ["rescued", "detained", "estimated_held"]  # kinds apart
    assert people.loc["rescued"].to_dict() == {
        "n_events": 2,
        "people_min": 11 + 40,
        "people_max": 19 + 40,
        "n_national": 1,
    }
    assert people.loc["detained", "people_max"] == 300
    assert people.loc["estimated_held"].to_dict() == {
        "n_events": 0,
        "people_min": 0,
        "people_max": 0,
        "n_national": 1,
    }
    national = national_figures(events)
    assert list(national["event_id"]) == ["EV-4", "EV-3"]  # by kind, in dictionary order
    assert list(national["people_max"]) == [2_000, 100_000]
    assert national.loc[national["event_id"] == "EV-3", "n_reports"].item() == 2
    assert people_by_kind(events.iloc[0:0]).empty


def test_people_by_kind_adds_up_to_the_province_summary(tables: Any) -> None:
    people = people_by_kind(tables.events)
    summary = tables.province_summary
    for kind, row in people.iterrows():
        for bound in ("min", "max"):
            assert row[f"people_{bound}"] == summary[f"people_{kind}_{bound}"].sum(), kind
    national = national_figures(tables.events)
    assert set(national["count_kind"]) <= set(COUNT_KINDS)
    assert national.groupby("count_kind").size().to_dict() == {
        k: n for k, n in people["n_national"].items() if n
    }
    by_province = people_by_province(summary)
    assert "(events about Cambodia as a whole)" not in by_province.index
    for col in by_province.columns:
        assert by_province[col].sum() == summary[col].sum()


# ------------------------------------------------------------------------------ events


def test_event_counts_add_up_to_the_number_of_events(tables: Any) -> None:
    n = len(tables.events)
    assert events_by_province(tables.province_summary).sum() == n
    assert events_by_year(tables.events).sum() == n
    assert events_by_type(tables.events).sum() == n
    years = list(events_by_year(tables.events).index)
    assert years[-1] == "no date" and years[:-1] == sorted(years[:-1])
    by_type = events_by_type(tables.events)
    assert list(by_type) == sorted(by_type, reverse=True)


def test_events_in_province_match_the_summary_for_every_province(tables: Any) -> None:
    summary = tables.province_summary
    for row in summary[summary["row_type"] == "province"].itertuples():
        own = events_in_province(tables.events, row.province_code, shared=False)
        both = events_in_province(tables.events, row.province_code)
        assert len(own) == row.n_events, row.province_name
        assert len(both) == row.n_events + row.n_events_shared, row.province_name
    kampot = events_in_province(tables.events, "Kampot")
    assert set(kampot["attribution"]) <= {"province", "several_provinces"}
    assert all("07" in codes.split("; ") for codes in kampot["province_codes"])


def test_reports_in_province_are_counted_reports_with_a_place_there(tables: Any) -> None:
    reports = reports_in_province(tables.reports, "KH18")
    assert len(reports) > 0 and reports["included"].all()
    assert all("18" in codes.split("; ") for codes in reports["province_codes"])
    places = tables.report_locations
    located = set(places.loc[places["province_code"] == "18", "report_id"])
    assert set(reports["report_id"]) == located


def test_summary_tables_for_display(tables: Any) -> None:
    provinces = summary_counts(tables.province_summary)
    assert len(provinces) == 28 and provinces["n_events"].sum() == len(tables.events)
    assert provinces["province_code"].iloc[0] == "01"
    districts = districts_with_events(tables.district_summary)
    assert (districts["n_events"] > 0).all()
    assert list(districts["n_events"]) == sorted(districts["n_events"], reverse=True)
    assert districts["n_events"].sum() == tables.district_summary["n_events"].sum()


def test_nationalities_count_each_event_once(tables: Any) -> None:
    events = _events(
        {"event_id": "EV-1", "nationalities": "Lao; Laotian; Thai"},
        {"event_id": "EV-2", "nationalities": "Chinese"},
        {"event_id": "EV-3", "nationalities": "African"},
    )
    counts = nationalities_by_event(events).set_index("country_name")
    assert counts.loc["Laos", ["n_events", "n_mentions"]].tolist() == [1, 2]
    assert counts.loc["Laos", "label"] == "Laos (LA)"
    assert counts.loc["African", "label"] == "African (as written)"
    bundled = nationalities_by_event(tables.events)
    assert bundled["n_events"].max() <= len(tables.events)


# ------------------------------------------------------------------------------ places


def test_build_overview_adds_up(tables: Any) -> None:
    overview = tables_overview(tables)
    rows = overview["rows in the sources file"]
    assert rows == overview["valid reports"] + overview["rejected rows (see rejects)"]
    not_counted = overview[[i for i in overview.index if i.startswith("not counted")]].sum()
    assert overview["valid reports"] == overview["reports counted (active, in scope)"] + (
        not_counted
    )
    assert overview["events"] == len(tables.events)


def test_precision_and_matches_cover_every_place(tables: Any) -> None:
    places = tables.report_locations
    shares = precision_shares(places)
    assert list(shares.index[:7]) == [
        "site",
        "named place",
        "commune",
        "district",
        "province only",
        "Cambodia only",
        "unmatched",
    ]
    assert shares["places"].sum() == len(places)
    assert shares["share"].sum() == pytest.approx(1, abs=0.01)
    by_province = precision_by_province(places)
    assert by_province.to_numpy().sum() == len(places)
    assert by_province.index[-1] == "(no province)"
    matches = match_counts(places)
    assert matches["all"].sum() == len(places)
    assert matches[["matched", "ambiguous", "unmatched"]].sum().sum() == len(places)
    empty = precision_shares(places.iloc[0:0])
    assert empty["places"].sum() == 0 and empty["share"].sum() == 0


def test_rows_to_check_say_why(tables: Any) -> None:
    places, reports = tables.report_locations, tables.reports
    every = rows_to_check(places, reports)
    assert (every["check"] != "").all()
    for reason, expected in (
        ("unmatched", (places["match_status"] == "unmatched").sum()),
        ("ambiguous", (places["match_status"] == "ambiguous").sum()),
        ("province_mismatch", places["province_mismatch"].sum()),
    ):
        some = rows_to_check(places, reports, reason=reason)
        assert len(some) == expected > 0, reason
        assert all(reason in c.split("; ") for c in some["check"])
    mismatch = rows_to_check(places, reports, reason="province_mismatch")
    assert mismatch["province_as_reported"].ne("").all()  # what the source states
    with pytest.raises(ValueError, match="expected one of unmatched"):
        rows_to_check(places, reports, reason="typo")


# ------------------------------------------------------------------------------ a province


def test_province_profile_holds_the_report_tables(tables: Any) -> None:
    profile = province_profile("Kampot", tables)
    assert list(profile) == [
        "summary",
        "people",
        "districts",
        "sites",
        "events",
        "reports",
        "nationalities",
    ]
    summary = profile["summary"]
    row = tables.province_summary.set_index("province_code").loc["07"]
    assert list(summary.columns) == ["Kampot"]
    assert summary.loc["province_pcode", "Kampot"] == "KH07"
    assert summary.loc["name_km", "Kampot"] == "កំពត"
    assert summary.loc["n_events", "Kampot"] == row["n_events"]
    assert len(profile["events"]) == row["n_events"] + row["n_events_shared"]
    assert profile["districts"]["n_events"].sum() <= row["n_events"]
    assert set(profile["districts"]["district_code"].str[:2]) == {"07"}
    assert (profile["sites"]["compound_id"].str.startswith("CM-")).all()
    assert profile["reports"]["report_id"].is_unique
    dates = [d for d in profile["events"]["event_date"] if d]
    assert dates == sorted(dates)
    undated = list(profile["events"]["event_date"].eq(""))
    assert undated == sorted(undated)  # undated last
    own_people = people_by_kind(events_in_province(tables.events, "07", shared=False))
    pd.testing.assert_frame_equal(profile["people"], own_people)


def test_province_profile_of_a_province_with_no_events(tables: Any) -> None:
    profile = province_profile(3, tables)
    assert profile["summary"].loc["n_events"].item() == 0
    assert profile["events"].empty and profile["reports"].empty and profile["people"].empty
    assert len(profile["districts"]) > 0  # zeros included


def test_province_profile_rejects_a_district(tables: Any) -> None:
    with pytest.raises(GazetteerError, match="district"):
        province_profile("1801", tables)


def test_published_csv_tables_give_the_same_results(tables: Any, tmp_path: Path) -> None:
    """Analysts may start from the published CSVs (``read_table``) instead of a build."""
    from compoundmap.fields import TABLE_COLUMNS
    from compoundmap.writers import write_csv

    names = ["events", "province_summary", "district_summary", "report_locations", "reports"]
    for name in names:
        frame = pd.DataFrame(tables.table(name).drop(columns="geometry", errors="ignore"))
        write_csv(frame[TABLE_COLUMNS[name]], tmp_path / f"{name}.csv")
    read = {name: compoundmap.read_table(name, tmp_path) for name in names}
    events, places = read["events"], read["report_locations"]
    same = {"check_index_type": False}  # labels may be pandas' "str" or "string" dtype
    pd.testing.assert_frame_equal(people_by_kind(events), people_by_kind(tables.events), **same)
    pd.testing.assert_series_equal(events_by_year(events), events_by_year(tables.events), **same)
    pd.testing.assert_frame_equal(
        precision_shares(places), precision_shares(tables.report_locations), **same
    )
    pd.testing.assert_frame_equal(
        match_counts(places), match_counts(tables.report_locations), **same
    )
    assert len(rows_to_check(places, read["reports"])) == len(
        rows_to_check(tables.report_locations, tables.reports)
    )
    assert len(events_in_province(events, 18)) == len(events_in_province(tables.events, 18))
    assert len(reports_in_province(read["reports"], 18)) == len(
        reports_in_province(tables.reports, 18)
    )
    assert len(national_figures(events)) == len(national_figures(tables.events))
    assert events_by_province(read["province_summary"]).sum() == len(tables.events)
    assert len(districts_with_events(read["district_summary"])) == len(
        districts_with_events(tables.district_summary)
    )


# ------------------------------------------------------------------------------ the module


def test_public_names_are_exported_and_documented() -> None:
    import compoundmap.analysis as analysis

    for name in analysis.__all__:
        if name == "CHECK_REASONS":
            continue
        assert name in compoundmap.__all__, name
        obj = getattr(compoundmap, name)
        assert obj is getattr(analysis, name)
        doc = obj.__doc__ or ""
        assert doc.strip(), f"{name} has no docstring"


def test_docstring_examples_hold() -> None:
    import doctest
    import importlib

    attempted = 0
    for part in ("provinces", "build", "counts", "province", "notebook"):
        module = importlib.import_module(f"compoundmap.analysis.{part}")
        result = doctest.testmod(module)
        assert result.failed == 0, part
        attempted += result.attempted
    assert attempted > 0
