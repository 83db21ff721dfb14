"""Tables made a slice at a time equal the tables made whole, whatever the slice size.

The build bounds its memory by slicing (events, site timelines, site × event rows) and by
writing chunk by chunk (GeoParquet); on the bundled data, tiny slices must give exactly the
tables and bytes that one slice gives. Behaviour only: nothing here is timed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from compoundmap import compounds, events
from compoundmap.compounds import build_compounds, compound_event_chunks, compound_events
from compoundmap.events import event_rows, events_from_rows
from compoundmap.writers import write_parquet


def test_timelines_do_not_depend_on_the_slice_size(
    bundled_tables: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = build_compounds(bundled_tables.registry, bundled_tables.events)
    assert (whole["n_events"] > 0).any()
    monkeypatch.setattr(compounds, "HISTORY_SLICE_PAIRS", 7)
    sliced = build_compounds(bundled_tables.registry, bundled_tables.events)
    pd.testing.assert_frame_equal(pd.DataFrame(sliced), pd.DataFrame(whole))


def test_compound_event_chunks_add_up_to_the_table(bundled_tables: Any) -> None:
    whole = compound_events(bundled_tables.events)
    chunks = list(compound_event_chunks(bundled_tables.events, rows=11))
    assert len(chunks) == -(-len(whole) // 11) and max(len(c) for c in chunks) == 11
    pd.testing.assert_frame_equal(pd.concat(chunks, ignore_index=True), whole)


def test_events_from_slices_taken_elsewhere_equal_events_made_whole(
    bundled_tables: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = event_rows(bundled_tables.reports)
    places = bundled_tables.report_locations
    whole = events_from_rows(rows, places)
    monkeypatch.setattr(events, "EVENT_SLICE_ROWS", 13)
    asked: list[int] = []

    def take(at: np.ndarray) -> pd.DataFrame:
        asked.append(len(at))
        return rows.iloc[at].reset_index(drop=True)

    keys = pd.DataFrame(rows[["report_id", "event_id"]])
    sliced = events_from_rows(keys, places, take=take)
    assert len(asked) > 10 and sum(asked) == len(rows)
    pd.testing.assert_frame_equal(sliced, whole)


def test_geoparquet_in_chunks_has_the_rows_and_metadata_of_the_whole(
    bundled_tables: Any, tmp_path: Path
) -> None:
    located: gpd.GeoDataFrame = bundled_tables.report_locations
    whole = write_parquet(located, tmp_path / "whole.parquet")
    one = write_parquet(lambda: [located], tmp_path / "one.parquet")
    assert one.read_bytes() == whole.read_bytes()
    # chunks with and without points, the first one without any
    order = np.argsort(located.geometry.isna().to_numpy(), kind="stable")[::-1]
    shuffled = located.iloc[order].reset_index(drop=True)
    parts = [shuffled.iloc[i : i + 97] for i in range(0, len(shuffled), 97)]
    assert parts[0].geometry.isna().all()
    many = write_parquet(lambda: parts, tmp_path / "many.parquet")
    expected = write_parquet(shuffled, tmp_path / "expected.parquet")
    assert pq.read_schema(many).metadata == pq.read_schema(expected).metadata
    assert pq.ParquetFile(many).metadata.num_row_groups == len(parts)
    pd.testing.assert_frame_equal(gpd.read_parquet(many), gpd.read_parquet(expected))


def _published(out: Path) -> dict[str, bytes]:
    import warnings

    from compoundmap.pipeline import build

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        result = build(processed_dir=out, maps=False)
    assert result.counts["events"] > 3 * 53 and result.counts["valid"] > 3 * 101
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.*"))}


@pytest.fixture(scope="module")
def whole_build(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The bytes of a build of the bundled data, in one slice and in this process."""
    return _published(tmp_path_factory.mktemp("whole"))


def test_a_build_in_many_slices_writes_the_bytes_of_a_build_in_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_build: dict[str, bytes]
) -> None:
    from compoundmap import _reports, _store, writers

    whole = whole_build
    # event slices, (site, event) slices, report buckets and text pieces: several of each
    monkeypatch.setattr(events, "EVENT_SLICE_ROWS", 53)
    monkeypatch.setattr(compounds, "HISTORY_SLICE_PAIRS", 17)
    monkeypatch.setattr(_reports, "SORT_BUCKET_ROWS", 101)
    monkeypatch.setattr(writers, "TEXT_PIECE_ROWS", 29)  # CSV and HDX text made in pieces
    asked: list[str] = []
    take = _store.TableStore.take

    def counted(self: _store.TableStore, name: str, *args: Any) -> pd.DataFrame:
        asked.append(name)
        return take(self, name, *args)

    monkeypatch.setattr(_store.TableStore, "take", counted)
    sliced = _published(tmp_path / "sliced")
    assert asked.count("events") > 10 and asked.count("event_rows") > 3
    assert len(whole) > 10 and sliced.keys() == whole.keys()
    assert [n for n in whole if sliced[n] != whole[n]] == []


def test_a_build_validating_and_locating_in_a_child_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole_build: dict[str, bytes]
) -> None:
    from compoundmap import _build, _child, _store

    calls: list[str] = []

    def spied(func: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(func.__name__)
        return _child.run_in_child(func, *args, **kwargs)

    monkeypatch.setattr(_store, "CHILD_MIN_BYTES", 0)  # the bundled file is far below it
    monkeypatch.setattr(_build, "run_in_child", spied)
    in_child = _published(tmp_path / "child")
    assert calls == ["_checked", "_located"]
    assert len(whole_build) > 10 and in_child.keys() == whole_build.keys()
    assert [n for n in whole_build if in_child[n] != whole_build[n]] == []
