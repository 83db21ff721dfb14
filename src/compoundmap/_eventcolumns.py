"""The columns of each event, computed from its reports' rows a group at a time
(vectorised: no Python object per report): its most told type, first values, distinct
values, places and attribution, and its figures kept side by side as ranges.

Internals of :mod:`compoundmap.events` (``events.build_events`` and ``events_from_rows``
call them with each row's event number ``group`` and the number of events ``n``).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._columnar import joined, json_objects, split_pairs, texts
from .schema import COUNT_KINDS, COUNT_SCOPES, Precision

__all__ = ["distinct", "figure_columns", "first_of", "most_told", "place_columns"]


def most_told(group: np.ndarray, types: pd.Series, n: int) -> pd.Series:
    """Each event's most told type; of equally told ones, the first report's."""
    told = pd.DataFrame({"g": group, "t": types, "pos": np.arange(len(types))})
    by = told.groupby(["g", "t"], sort=False)["pos"].agg(["size", "min"]).reset_index()
    by = by.sort_values(["g", "size", "min"], ascending=[True, False, True], kind="stable")
    best = by.drop_duplicates("g").set_index("g")["t"]
    return best.reindex(range(n), fill_value="").astype("str").reset_index(drop=True)


def first_of(group: np.ndarray, values: pd.Series, n: int) -> pd.Series:
    """Each group's smallest non-empty value (``""`` when none)."""
    frame = pd.DataFrame({"g": group, "v": values})
    frame = frame[frame["v"] != ""]
    first = frame.groupby("g")["v"].min()
    return first.reindex(range(n), fill_value="").astype("str").reset_index(drop=True)


def distinct(
    group: np.ndarray, values: pd.Series, n: int
) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Per group: the distinct non-empty values joined, their number, and the only one."""
    pairs = pd.DataFrame({"g": group, "v": values.astype("str")})
    pairs = pairs[pairs["v"] != ""].drop_duplicates().sort_values(["g", "v"], kind="stable")
    count = pairs.groupby("g").size().reindex(range(n), fill_value=0).to_numpy()
    only = pairs.drop_duplicates("g").set_index("g")["v"].reindex(range(n), fill_value="")
    only = only.where(count == 1, "").astype("str").reset_index(drop=True)
    joined_ = joined(pairs["g"].to_numpy(), pairs["v"], n, "; ")
    return joined_, pd.Series(count), only


def place_columns(
    rows: pd.DataFrame,
    group: np.ndarray,
    n: int,
    locations: pd.DataFrame,
    compound_provinces: dict[str, str],
) -> dict[str, Any]:
    """Provinces, districts, precision and attribution of each event from its places."""
    places = pd.DataFrame(
        {
            "report_id": texts(locations, "report_id"),
            "prov": texts(locations, "province_code"),
            "dist": texts(locations, "district_code"),
            "prec": pd.to_numeric(locations["precision"], errors="coerce").astype("float64"),
        }
    )
    places = places.merge(
        pd.DataFrame({"report_id": rows["report_id"], "g": group}), on="report_id"
    )
    precise = places[places["prec"].notna()]
    finest = precise.groupby("g")["prec"].min().reindex(range(n))
    country = (precise["prec"] == Precision.COUNTRY).groupby(precise["g"]).any()
    has_country = country.reindex(range(n), fill_value=False).to_numpy(dtype=bool)
    located = precise[precise["prec"] <= Precision.PROVINCE]
    cg, cids = split_pairs(group, rows["compound_id"])
    site_prov = cids.map(lambda c: compound_provinces.get(c, "")).astype("str")
    prov_g = np.concatenate([located["g"].to_numpy(dtype="int64"), cg])
    prov_v = pd.concat([located["prov"], site_prov], ignore_index=True)
    order = np.argsort(prov_g, kind="stable")
    provinces, n_prov, province = distinct(prov_g[order], prov_v.iloc[order], n)
    districts, n_dist, district = distinct(located["g"].to_numpy(dtype="int64"), located["dist"], n)
    attribution = np.where(
        n_prov == 1,
        "province",
        np.where(n_prov > 1, "several_provinces", np.where(has_country, "national", "unlocated")),
    )
    return {
        "attribution": attribution,
        "province_code": province,
        "province_codes": provinces,
        "district_code": district.where((n_dist == 1) & (n_prov == 1), ""),
        "district_codes": districts,
        "precision": finest.astype("Int64").reset_index(drop=True),
    }


def figure_columns(rows: pd.DataFrame, group: np.ndarray, n: int) -> dict[str, Any]:
    """Per kind of count: the range over the widest scope; every figure listed."""
    has = rows["victims_count"].notna().to_numpy(dtype=bool)
    figs = pd.DataFrame(
        {
            "g": group[has],
            "report_id": rows["report_id"][has],
            "people": rows["victims_count"][has].astype("Int64"),
            "kind": rows["count_kind"][has].where(rows["count_kind"][has] != "", "unspecified"),
            "scope": rows["count_scope"][has],
        }
    ).reset_index(drop=True)
    listed = json_objects(
        figs.assign(people=figs["people"].astype("str")),
        {k: k for k in ("report_id", "people", "kind", "scope")},
        numbers=("people",),
    )
    out: dict[str, Any] = {"figures": "[" + joined(figs["g"].to_numpy(), listed, n, ",") + "]"}
    kinds = figs[figs["kind"].isin(COUNT_KINDS)].copy()
    rank = {s: i for i, s in enumerate(COUNT_SCOPES)}
    kinds["rank"] = kinds["scope"].map(rank).fillna(-1).astype("int64")
    by = kinds.groupby(["g", "kind"])
    kinds["widest"] = by["rank"].transform("max")
    kinds["any_empty"] = (
        (kinds["scope"] == "").groupby([kinds["g"], kinds["kind"]]).transform("any")
    )
    known = kinds["widest"] >= 0
    chosen = (known & (kinds["rank"] == kinds["widest"])) | (
        ~known & (~kinds["any_empty"] | (kinds["scope"] == ""))
    )
    ranges = kinds[chosen].groupby(["g", "kind"])["people"].agg(["min", "max"])
    present = set(ranges.index.get_level_values("kind")) if len(ranges) else set()
    for kind in COUNT_KINDS:
        found = ranges.xs(kind, level="kind") if kind in present else ranges.iloc[:0]
        for bound in ("min", "max"):
            values = found[bound].reindex(range(n)).astype("Int64")
            out[f"people_{kind}_{bound}"] = values.reset_index(drop=True)
    scopes = kinds.drop_duplicates(["g", "kind"])[["g", "kind", "widest"]]
    scopes = scopes.sort_values(["g", "kind"], kind="stable")
    names = scopes["widest"].map(lambda r: COUNT_SCOPES[r] if r >= 0 else "")
    text = scopes["kind"] + ": " + names.astype("str")
    out["figure_scopes"] = joined(scopes["g"].to_numpy(), text, n, "; ")
    multi = (names == "multi_province").groupby(scopes["g"]).any()
    out["_multi"] = multi.reindex(range(n), fill_value=False).to_numpy(dtype=bool)
    return out
