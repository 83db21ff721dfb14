"""The published ``reports`` and ``rejects`` tables of a build, from the valid rows.

Part of :mod:`compoundmap._build`: which valid rows link to unknown registry ids (they
become rejects), the places found per located report, and the reports table made from
both, whole in memory or sorted by id into a :class:`~compoundmap._store.TableStore` in
buckets of rows.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ._columnar import distinct_joined, group_numbers, texts
from ._progress import progress_bar
from ._store import RowSource, TableStore
from .events import event_keys, included
from .fields import TABLE_COLUMNS
from .links import check_links
from .registry import Registry
from .sources import REPORTS_COLUMNS, ValidationReport

__all__ = [
    "SORT_BUCKET_ROWS",
    "link_problems",
    "place_summary",
    "rejects_table",
    "reports_table",
    "stored_reports",
]

#: Reports sorted by id at a time when the table is written from a store.
SORT_BUCKET_ROWS = 100_000
# Columns the registry links are checked with.
_LINK_COLUMNS = [
    "report_id",
    "compound_id",
    "operator_id",
    "compound_name",
    "aliases",
    "record_status",
    "scope",
    "source_row",
]


def link_problems(
    rows: RowSource, registry: Registry, src: Path
) -> tuple[np.ndarray, pd.DataFrame, list[str]]:
    """Reports linking to unknown registry ids: the rows kept, the rejects, the warnings.

    Parameters
    ----------
    rows : RowSource
        The valid reports, in memory or in a store.
    registry : Registry
        The registry the ids are looked up in.
    src : pathlib.Path
        The reports file (named in the warnings).

    Returns
    -------
    tuple of (numpy.ndarray, DataFrame, list of str)
        ``keep`` (False for a row linking to an unknown id), the rejected rows as text
        with their ``reject_reason``, and the warnings.
    """
    bad, notes = check_links(rows.columns(_LINK_COLUMNS), registry, file=str(src))
    keep = np.ones(len(rows), dtype=bool)
    keep[list(bad)] = False
    rejected = rows.columns(None, ~keep)
    rejected["reject_reason"] = ["; ".join(bad[i]) for i in sorted(bad)]
    for col in rejected.columns:  # rejects are text, as in the file
        if col != "source_row":
            rejected[col] = rejected[col].map(lambda v: "" if pd.isna(v) else str(v))
    return keep, rejected, [str(n) for n in notes]


def rejects_table(report: ValidationReport, link_rejects: pd.DataFrame) -> pd.DataFrame:
    """The published ``rejects`` table: invalid rows and rows with unknown registry links.

    Parameters
    ----------
    report : ValidationReport
        The validation of the reports file (its ``rejects``).
    link_rejects : DataFrame
        The rows :func:`link_problems` rejected.

    Returns
    -------
    DataFrame
        The ``rejects`` columns, sorted by ``source_row``.
    """
    rejects = pd.concat([report.rejects, link_rejects], ignore_index=True)
    for col in REPORTS_COLUMNS:
        if col not in rejects.columns:
            rejects[col] = ""
    columns = TABLE_COLUMNS["rejects"]
    return rejects[columns].sort_values("source_row", kind="stable").reset_index(drop=True)


def place_summary(locations: pd.DataFrame) -> pd.DataFrame:
    """Per located report: ``n_places``, ``province_codes`` and the finest ``precision``.

    Parameters
    ----------
    locations : DataFrame
        The located rows (``report_id``, ``province_code``, ``precision``).

    Returns
    -------
    DataFrame
        One row per report id (the index, sorted).
    """
    places = pd.DataFrame(
        {
            "report_id": texts(locations, "report_id"),
            "province_code": texts(locations, "province_code"),
            "precision": pd.to_numeric(locations["precision"], errors="coerce"),
        }
    ).sort_values("report_id", kind="stable")
    group, ids = group_numbers(places["report_id"])
    n = len(ids)
    return pd.DataFrame(
        {
            "n_places": np.bincount(group, minlength=n).astype("int64"),
            "province_codes": distinct_joined(group, places["province_code"], n, "; ").to_numpy(),
            "precision": places.groupby(group)["precision"].min().reindex(range(n)).to_numpy(),
        },
        index=pd.Index(ids, dtype="str"),
    )


def _with_places(valid: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The published reports columns of some valid rows (any order)."""
    out = valid.copy()
    out["event_id"] = event_keys(out["report_id"], out["event_id"])
    out["included"] = included(out).to_numpy()
    found = places.reindex(out["report_id"].astype("str")).set_axis(out.index)
    out["n_places"] = found["n_places"].fillna(0).astype("int64")
    out["province_codes"] = found["province_codes"].fillna("").astype("string")
    out["precision"] = found["precision"].astype("Int64")
    columns = TABLE_COLUMNS["reports"]
    for col in columns:
        if col not in out.columns:
            out[col] = ""
    return out[columns]


def reports_table(valid: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """The published ``reports`` table, in memory.

    Parameters
    ----------
    valid : DataFrame
        The valid reports kept (any order).
    places : DataFrame
        :func:`place_summary` of their located rows.

    Returns
    -------
    DataFrame
        The ``reports`` columns, sorted by ``report_id``.
    """
    out = _with_places(valid, places)
    return out.sort_values("report_id", kind="stable").reset_index(drop=True)


def stored_reports(
    rows: RowSource, keep: np.ndarray, places: pd.DataFrame, store: TableStore
) -> pd.DataFrame:
    """The ``reports`` table, sorted by id, into the store: rows are read in buckets of ids.

    Parameters
    ----------
    rows : RowSource
        The valid reports, in the store.
    keep : numpy.ndarray
        Which of them are kept (:func:`link_problems`).
    places : DataFrame
        :func:`place_summary` of their located rows.
    store : TableStore
        Where the table is written, :data:`SORT_BUCKET_ROWS` reports at a time.

    Returns
    -------
    DataFrame
        An empty frame of the table's columns.
    """
    ids = rows.columns(["report_id"], keep)["report_id"]
    order = np.flatnonzero(keep)[ids.argsort(kind="stable").to_numpy()]  # positions by id
    writer = store.writer("reports")
    lows = range(0, max(len(ids), 1), SORT_BUCKET_ROWS)
    bar = progress_bar(len(ids), "sorting reports", " reports", show=len(lows) > 1)
    for low in lows:
        bucket = store.take(rows.name, order[low : low + SORT_BUCKET_ROWS])
        writer.append(_with_places(bucket, places).reset_index(drop=True))
        bar.update(len(bucket))
    bar.close()
    writer.close()
    assert writer.empty is not None
    return writer.empty
