"""Column-at-a-time helpers for tables of millions of rows: text, groups, lists, JSON.

Used by the steps after locating (events, compounds, summaries, the reports table) so that
a build never makes one Python object per report for the whole file: values are grouped,
joined and encoded as Arrow arrays, and Python runs once per distinct value at most.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "distinct_joined",
    "group_numbers",
    "joined",
    "json_objects",
    "json_strings",
    "split_pairs",
    "texts",
]

# Characters json.dumps escapes (with ensure_ascii=False): quote, backslash, controls.
_JSON_SPECIAL = r'["\\\x00-\x1f]'


def _is_text(values: pd.Series) -> bool:
    """True for a pandas string column (``str`` dtype), False for ``object`` and the others.

    Examples
    --------
    >>> _is_text(pd.Series(["a"], dtype="str")), _is_text(pd.Series(["a"], dtype=object))
    (True, False)
    """
    dtype = values.dtype
    return pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype)


def texts(frame: pd.DataFrame, column: str) -> pd.Series:
    """A column as stripped text: ``""`` when missing, absent or not text.

    Examples
    --------
    >>> texts(pd.DataFrame({"a": [" x ", None]}), "a").tolist()
    ['x', '']
    """
    if column not in frame.columns:
        return pd.Series("", index=frame.index, dtype="str")
    values = frame[column]
    if _is_text(values):
        return values.fillna("").str.strip().astype("str")
    return values.map(lambda v: v.strip() if isinstance(v, str) else "").astype("str")


def group_numbers(keys: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Number the runs of equal values of a sorted column: (group of each row, the keys).

    Examples
    --------
    >>> g, k = group_numbers(pd.Series(["a", "a", "b"], dtype="str"))
    >>> g.tolist(), k.tolist()
    ([0, 0, 1], ['a', 'b'])
    """
    values = _arrow(keys)
    starts = np.ones(len(values), dtype=bool)
    if len(values) > 1:
        changed = pc.not_equal(values.slice(1), values.slice(0, len(values) - 1))
        starts[1:] = changed.to_numpy(zero_copy_only=False)
    group = np.cumsum(starts) - 1
    return group.astype("int64"), keys[starts].reset_index(drop=True)


def _arrow(values: pd.Series) -> pa.Array:
    """A text column as one contiguous Arrow ``large_string`` array."""
    array = pa.array(values.astype("str"), type=pa.large_string())
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    return array


def _as_str(values: pa.Array | pa.ChunkedArray) -> pd.Series:
    """An Arrow string array as a pandas ``str`` series with a fresh 0-based index."""
    return pd.Series(pd.array(values, dtype="str"))


def joined(group: np.ndarray, values: pd.Series, n_groups: int, sep: str) -> pd.Series:
    """``sep.join`` of each group's values, in row order; ``group`` must be sorted.

    Examples
    --------
    >>> joined(np.array([0, 0, 2]), pd.Series(["a", "b", "c"]), 3, "; ").tolist()
    ['a; b', '', 'c']
    """
    counts = np.bincount(np.asarray(group, dtype="int64"), minlength=n_groups)
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype("int64")
    items = _arrow(values)
    lists = pa.LargeListArray.from_arrays(pa.array(offsets, pa.int64()), items)
    return _as_str(pc.binary_join(lists, pa.scalar(sep, pa.large_string())))


def distinct_joined(group: np.ndarray, values: pd.Series, n_groups: int, sep: str) -> pd.Series:
    """Each group's distinct non-empty values, sorted, joined by ``sep``.

    Examples
    --------
    >>> distinct_joined(np.array([0, 0, 0]), pd.Series(["b", "a", "b"]), 1, "; ").tolist()
    ['a; b']
    """
    pairs = pd.DataFrame({"g": np.asarray(group, dtype="int64"), "v": values.astype("str")})
    pairs = pairs[pairs["v"] != ""].drop_duplicates()
    pairs = pairs.sort_values(["g", "v"], kind="stable")
    return joined(pairs["g"].to_numpy(), pairs["v"], n_groups, sep)


def split_pairs(
    group: np.ndarray, values: pd.Series, sep: str = ";"
) -> tuple[np.ndarray, pd.Series]:
    """The stripped, non-empty items of ``sep``-separated cells, each with its row's group.

    Examples
    --------
    >>> g, v = split_pairs(np.array([0, 1]), pd.Series(["a; b", " ;c"]))
    >>> g.tolist(), v.tolist()
    ([0, 0, 1], ['a', 'b', 'c'])
    """
    items = pc.split_pattern(_arrow(values), sep)
    parents = pc.list_parent_indices(items).to_numpy(zero_copy_only=False)
    flat = pc.utf8_trim_whitespace(pc.list_flatten(items))
    keep = pc.not_equal(flat, pa.scalar("", pa.large_string())).to_numpy(zero_copy_only=False)
    out_group = np.asarray(group, dtype="int64")[parents][keep]
    return out_group, _as_str(pc.filter(flat, pa.array(keep)))


def json_strings(values: pd.Series) -> pd.Series:
    """``json.dumps(value, ensure_ascii=False)`` of every text value, vectorised.

    Examples
    --------
    >>> json_strings(pd.Series(['a "b"', "c"])).tolist()
    ['"a \\\\"b\\\\""', '"c"']
    """
    text = values.astype("str").fillna("")
    out = '"' + text + '"'
    special = text.str.contains(_JSON_SPECIAL, regex=True)
    if special.any():
        fixed = [json.dumps(v, ensure_ascii=False) for v in text[special]]
        out = out.where(~special, pd.Series(fixed, index=text.index[special], dtype="str"))
    return out


def json_objects(
    frame: pd.DataFrame, fields: dict[str, str], numbers: tuple[str, ...] = ()
) -> pd.Series:
    """One compact JSON object per row, made in slices (bounded working memory).

    Parameters
    ----------
    frame : pandas.DataFrame
        The rows.
    fields : dict of str to str
        The object's keys, in order, and the column each is read from (as text,
        :func:`texts`).
    numbers : tuple of str, optional
        Keys whose column is written as it is, unquoted (numbers).

    Returns
    -------
    pandas.Series
        ``json.dumps(..., separators=(",", ":"), ensure_ascii=False)`` of each row's object.

    Examples
    --------
    >>> frame = pd.DataFrame({"report_id": ["CR-1"], "n": [2]})
    >>> json_objects(frame, {"id": "report_id", "n": "n"}, numbers=("n",)).tolist()
    ['{"id":"CR-1","n":2}']
    """
    step = 100_000
    parts = [
        _json_slice(frame.iloc[start : start + step], fields, numbers)
        for start in range(0, len(frame), step)
    ]
    if not parts:
        return pd.Series([], index=frame.index, dtype="str")
    return pd.concat(parts)


def _json_slice(
    frame: pd.DataFrame, fields: dict[str, str], numbers: tuple[str, ...] = ()
) -> pd.Series:
    """One compact JSON object per row (``json.dumps(..., separators=(",", ":"))``)."""
    out: pd.Series | None = None
    for i, (key, column) in enumerate(fields.items()):
        value = (
            frame[column].astype("str") if key in numbers else json_strings(texts(frame, column))
        )
        part = ("{" if i == 0 else ",") + json.dumps(key) + ":" + value
        out = part if out is None else out + part
    assert out is not None
    return out + "}"
