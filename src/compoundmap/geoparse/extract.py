"""The geoparser's public functions: mentions of one text, of a column of a DataFrame, of a
text file and of a CSV column (the last two for the command line).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from .._util import as_text, require_columns
from ..errors import DataFileError
from ..schema import Precision
from .model import MENTION_COLUMNS, CountryMention, PlaceMention
from .places import candidates, resolve_mentions
from .tables import country_info

__all__ = [
    "extract_file",
    "extract_frame",
    "extract_mentions",
    "extract_nationalities",
    "extract_places",
    "extract_table",
]

# --- public API ----------------------------------------------------------------------


def extract_mentions(text: object) -> tuple[list[PlaceMention], list[CountryMention]]:
    """Places in Cambodia and countries named in ``text``, in one pass.

    Parameters
    ----------
    text : str
        Any free text: a statement, an article, a quote. Khmer, Thai, Chinese, Japanese and
        Korean need no spaces between words. ``None`` and NaN give no mentions; other
        non-strings are read as ``str(text)``. Never raises on content.

    Returns
    -------
    tuple of (list of PlaceMention, list of CountryMention)
        Both sorted by ``start``.

    Examples
    --------
    >>> places, countries = extract_mentions("Thai police raided a compound in Poipet.")
    >>> [(p.text, p.province_code) for p in places]
    [('Poipet', '01')]
    >>> [(c.text, c.country_code, c.form) for c in countries]
    [('Thai', 'TH', 'demonym')]
    """
    text = as_text(text)
    cands = candidates(text)
    places = resolve_mentions(text, cands)
    countries = []
    for c in cands:
        if c.kind == "country" and c.country is not None:
            name, alpha_3 = country_info(c.country[0])
            form: Literal["name", "demonym"] = "demonym" if c.country[1] == "demonym" else "name"
            countries.append(
                CountryMention(
                    text[c.start : c.end], c.start, c.end, c.country[0], name, alpha_3, form
                )
            )
    return places, countries


def extract_places(text: object) -> list[PlaceMention]:
    """Places in Cambodia named in free text, with character spans and geocoder fields.

    Only capitalised Latin names are considered; short or common-word names ("Bei", "Pir")
    need an admin word next to them ("Bei commune", "Sangkat Pir"). Names inside an
    organisation's name ("Transparency International Cambodia") or after a title
    ("Mr. Am Sam Ath") are not places; "Cambodia" is a country, not a place (see
    :func:`extract_nationalities`); a place the text puts in another country ("Chong Chom in
    Surin province, Thailand") is left out. Overlapping names resolve to the longest.
    Ambiguous names are settled by the document's other places where they can be.

    Parameters
    ----------
    text : str
        Free text in any of the languages of the sources.

    Returns
    -------
    list of PlaceMention
        Sorted by ``start``; ``text == source[start:end]``.

    Examples
    --------
    >>> [(m.text, m.province_code) for m in extract_places("compounds in Sihanoukville")]
    [('Sihanoukville', '18')]
    """
    return extract_mentions(text)[0]


def extract_nationalities(text: object) -> list[CountryMention]:
    """Countries named in free text, as names or demonyms, with ISO 3166-1 codes.

    Parameters
    ----------
    text : str
        Free text; country names and demonyms are matched in English and, for the region's
        countries, in Chinese, Japanese, Korean, Thai, Khmer, Vietnamese and Indonesian/Malay
        (``data/raw/gazetteer/demonyms.csv``, names from Unicode CLDR).

    Returns
    -------
    list of CountryMention
        Sorted by ``start``.

    Examples
    --------
    >>> [(m.text, m.country_code, m.form) for m in extract_nationalities(
    ...     "19 Thai nationals and a Vietnamese worker were rescued in Cambodia")]
    [('Thai', 'TH', 'demonym'), ('Vietnamese', 'VN', 'demonym'), ('Cambodia', 'KH', 'name')]
    """
    return extract_mentions(text)[1]


def _rows(
    places: Sequence[PlaceMention], countries: Sequence[CountryMention], row: int
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for p in places:
        out.append(
            {
                "row": row,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "kind": "place",
                "province_code": p.province_code or "",
                "district_code": p.district_code or "",
                "commune_code": p.commune_code or "",
                "country_code": "KH",
                "precision": p.precision,
                "match_score": p.score,
                "confidence": p.confidence,
            }
        )
    for c in countries:
        out.append(
            {
                "row": row,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "kind": "country",
                "province_code": "",
                "district_code": "",
                "commune_code": "",
                "country_code": c.country_code,
                "precision": int(Precision.COUNTRY) if c.country_code == "KH" else None,
                "match_score": 100.0,
                "confidence": "high",
            }
        )
    out.sort(key=lambda r: (r["start"], r["kind"]))
    return out


def extract_frame(df: pd.DataFrame, column: str, *, where: str = "") -> pd.DataFrame:
    """Place and country mentions of every row of one text column.

    Parameters
    ----------
    df : pandas.DataFrame
        Any table with a text column.
    column : str
        The column holding free text.
    where : str, optional
        Name of the input (a file path) for error messages.

    Returns
    -------
    pandas.DataFrame
        :data:`MENTION_COLUMNS`: one row per mention, ``row`` the 0-based position of the
        input row. An input row with no mention (or an empty cell) gets one row with
        ``kind`` empty, so no input row goes missing.

    Raises
    ------
    MissingColumnError
        If ``column`` is not in ``df``.

    Examples
    --------
    >>> out = extract_frame(pd.DataFrame({"q": ["Bavet city, Svay Rieng", ""]}), "q")
    >>> list(out["kind"])
    ['place', 'place', '']
    """
    require_columns(df, [column], where)
    rows: list[dict[str, Any]] = []
    for i, value in enumerate(df[column].tolist()):
        places, countries = extract_mentions(value)
        found = _rows(places, countries, i)
        rows.extend(found or [{"row": i, "kind": ""}])
    out = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    out["precision"] = out["precision"].astype("Int64")
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    for col in (
        "text",
        "kind",
        "province_code",
        "district_code",
        "commune_code",
        "country_code",
        "confidence",
    ):
        out[col] = out[col].fillna("").astype(str)
    return out


# --- files (for the command line) ------------------------------------------------------


def _read_text(path: str | Path) -> str:
    p = Path(path)
    try:
        return p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise DataFileError(f"{p}: is a directory, expected a text file") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{p}: not UTF-8 text (byte {exc.start}): {exc.reason}") from None
    except OSError as exc:
        raise DataFileError(f"{p}: cannot read: {exc.strerror or exc}") from None


def extract_file(path: str | Path, *, as_json: bool = False) -> str:
    """Mentions in one UTF-8 text file, as a printable table or as JSON.

    Parameters
    ----------
    path : str or Path
        A UTF-8 text file (one document).
    as_json : bool, default False
        Return ``{"file", "places", "countries"}`` as JSON instead of a table.

    Returns
    -------
    str

    Raises
    ------
    DataFileError
        If the file is missing or not UTF-8.

    Examples
    --------
    >>> print(extract_file("statement.txt"))  # doctest: +SKIP
    kind     start    end  text           code  detail
    place     1128   1141  Sihanoukville  18    Sihanoukville (province; precision 5)
    """
    text = _read_text(path)
    places, countries = extract_mentions(text)
    if as_json:
        doc = {
            "file": str(path),
            "places": [p.to_dict() for p in places],
            "countries": [c.to_dict() for c in countries],
        }
        return json.dumps(doc, ensure_ascii=False, indent=2)
    lines = [f"{'kind':<8} {'start':>6} {'end':>6}  {'text':<30} {'code':<7} detail"]
    rows: list[tuple[int, str]] = []
    for p in places:
        unit = p.commune_name or p.district_name or p.province_name or ""
        where = f"{unit}, {p.province_name}" if unit != p.province_name else unit
        detail = f"{where} (precision {p.precision}; {p.status}, score {p.score:.0f})"
        code = p.commune_code or p.district_code or p.province_code or ""
        rows.append(
            (p.start, f"{'place':<8} {p.start:>6} {p.end:>6}  {p.text:<30} {code:<7} {detail}")
        )
    for c in countries:
        detail = f"{c.country_name} ({c.form})"
        rows.append(
            (
                c.start,
                f"{'country':<8} {c.start:>6} {c.end:>6}  {c.text:<30} "
                f"{c.country_code:<7} {detail}",
            )
        )
    lines.extend(line for _, line in sorted(rows, key=lambda r: r[0]))
    lines.append(f"{len(places)} place mention(s), {len(countries)} country mention(s) in {path}")
    return "\n".join(lines)


def extract_table(input_path: str | Path, column: str, output_path: str | Path) -> str:
    """Mentions of every row of a CSV's text column, written to a CSV.

    Parameters
    ----------
    input_path : str or Path
        A UTF-8 CSV with a header row.
    column : str
        The column holding free text.
    output_path : str or Path
        Where to write :data:`MENTION_COLUMNS` (see :func:`extract_frame`).

    Returns
    -------
    str
        A one-line summary: rows read, mentions written, rows with none.

    Raises
    ------
    DataFileError
        If the input is missing, not UTF-8 or not a CSV.
    MissingColumnError
        If ``column`` is not in the input.
    """
    src = Path(input_path)
    try:
        df = pd.read_csv(src, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(f"{src}: no such file") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{src}: not UTF-8 (byte {exc.start}): {exc.reason}") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise DataFileError(f"{src}: cannot read as CSV: {exc}") from None
    out = extract_frame(df, column, where=str(src))
    try:
        out.to_csv(output_path, index=False)
    except OSError as exc:
        raise DataFileError(f"{output_path}: cannot write: {exc.strerror or exc}") from None
    mentions = int((out["kind"] != "").sum())
    empty = int((out["kind"] == "").sum())
    places = int((out["kind"] == "place").sum())
    return (
        f"{len(df)} row(s) read from {src}; {mentions} mention(s) written to {output_path} "
        f"({places} place, {mentions - places} country); {empty} row(s) with no mention"
    )
