"""The Humanitarian Data Exchange edition: CSVs with an HXL hashtag row, in ``hdx/``.

Written by :func:`compoundmap.exports.write_exports`. Each file is a published table cut
to the columns HDX users join and chart on, with the admin p-codes (``#adm1+code``, the
join key of the COD-AB boundaries on HDX) beside the MEF 2025 codes, flat source columns
instead of JSON, and a second row of HXL hashtags (hxlstandard.org). :data:`HXL_TAGS` is
the one mapping; ``docs/hdx.md`` is generated from it (:func:`hxl_dictionary`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from ..events import people_columns
from ..fields import FIELD_DESCRIPTIONS
from ..gazetteer import get_gazetteer
from ..schema import COUNT_KINDS, EVENT_TYPES
from ..summary import SUMMARY_COLUMNS
from ..writers import spreadsheet_value, text_pieces
from ._common import TablesLike, table_chunks

__all__ = ["HDX_DIR", "HXL_TAGS", "hdx_frames", "hxl_dictionary", "write_hdx"]

#: Folder of the HDX files inside the processed folder.
HDX_DIR = "hdx"
#: ISO 3166-1 alpha-3 code written in every row (HDX joins countries on it).
COUNTRY_ISO3 = "KHM"

#: Kinds of people figures tagged ``#affected`` (people held, freed or sent home); the
#: others (people arrested, who may be suspects, and figures of another kind) are tagged
#: ``#indicator`` so that a sum of ``#affected`` never mixes in suspects.
AFFECTED_KINDS = tuple(k for k in COUNT_KINDS if k not in ("arrested", "other"))


def _people_tag(column: str) -> str:
    kind, bound = column[len("people_") :].rsplit("_", 1)
    base = "#affected" if kind in AFFECTED_KINDS else "#indicator+people"
    return f"{base}+{kind}+{bound}"


_ADMIN_TAGS: dict[str, str] = {
    "country_code": "#country+code",
    "province_pcode": "#adm1+code",
    "province_code": "#adm1+code+mef",
    "province_name": "#adm1+name",
    "district_pcode": "#adm2+code",
    "district_code": "#adm2+code+mef",
    "district_name": "#adm2+name",
    "commune_pcode": "#adm3+code",
    "commune_code": "#adm3+code+mef",
    "commune_name": "#adm3+name",
}
_SUMMARY_TAGS: dict[str, str] = {
    "n_events": "#event+num",
    "n_events_shared": "#event+num+shared",
    "n_reports": "#meta+reports+num",
    "n_sources": "#meta+sources+num",
    "n_compounds": "#loc+compounds+num",
    "first_event_date": "#date+start",
    "last_event_date": "#date+end",
    **{f"n_{t}": f"#event+num+{t}" for t in EVENT_TYPES},
    **{c: _people_tag(c) for c in people_columns()},
    "nationalities": "#country+name+nationality",
}
assert list(_SUMMARY_TAGS) == SUMMARY_COLUMNS  # a new summary column needs its tag here

#: The province and district columns of the events and district files, in order.
_PROVINCE_DISTRICT = (
    "province_pcode",
    "province_code",
    "province_name",
    "district_pcode",
    "district_code",
    "district_name",
)

#: Every HDX file: column → HXL hashtag, in the order written.
HXL_TAGS: dict[str, dict[str, str]] = {
    "events": {
        "event_id": "#event+code",
        "event_type": "#event+type",
        "event_types": "#event+type+list",
        "event_date": "#date+occurred",
        "date_precision": "#date+precision",
        "attribution": "#meta+attribution",
        "country_code": _ADMIN_TAGS["country_code"],
        **{c: _ADMIN_TAGS[c] for c in _PROVINCE_DISTRICT},
        "province_codes": "#adm1+code+mef+list",
        "precision": "#geo+precision",
        "compound_id": "#loc+code+list",
        "operator_id": "#org+code+list",
        "n_reports": "#meta+reports+num",
        "n_sources": "#meta+sources+num",
        **{c: _people_tag(c) for c in people_columns()},
        "figure_scopes": "#meta+figure_scopes",
        "nationalities": "#country+name+nationality",
        "source_publishers": "#meta+source",
        "source_urls": "#meta+url",
    },
    "province_summary": {
        "country_code": _ADMIN_TAGS["country_code"],
        **{c: _ADMIN_TAGS[c] for c in ("province_pcode", "province_code", "province_name")},
        "row_type": "#meta+row_type",
        **_SUMMARY_TAGS,
    },
    "district_summary": {
        "country_code": _ADMIN_TAGS["country_code"],
        **{c: _ADMIN_TAGS[c] for c in _PROVINCE_DISTRICT},
        **_SUMMARY_TAGS,
    },
    "compounds": {
        "compound_id": "#loc+code",
        "name": "#loc+name",
        "site_type": "#loc+type",
        "place_name": "#loc+name+place",
        "country_code": _ADMIN_TAGS["country_code"],
        **{
            c: t
            for c, t in _ADMIN_TAGS.items()
            if c.startswith(("province_", "district_", "commune_"))
        },
        "latitude": "#geo+lat",
        "longitude": "#geo+lon",
        "precision": "#geo+precision",
        "precision_label": "#geo+precision+label",
        "operator_id": "#org+code+list",
        "operator_names": "#org+name+list",
        "status": "#status",
        "status_date": "#date+status",
        "first_reported": "#date+reported+first",
        "last_reported": "#date+reported+last",
        "sanctioned": "#status+sanctioned",
        "designation_ids": "#meta+designations+list",
        "n_events": "#event+num",
        "n_reports": "#meta+reports+num",
        "n_sources": "#meta+sources+num",
        "latest_event_type": "#event+type+latest",
        "nationalities": "#country+name+nationality",
        "event_ids": "#event+code+list",
        "location_evidence": "#meta+source+location",
    },
}

#: What each HDX file holds (the first lines of its section in ``docs/hdx.md``).
HDX_TEXT: dict[str, str] = {
    "events": "One row per event (every event of the release), with the p-codes and names "
    "of its province and district when it lies in exactly one, its figures as ranges, and "
    "its sources' publishers and links.",
    "province_summary": "All 25 provinces, zeros included, then the rows for events "
    "concerning several provinces, Cambodia as a whole, or no known place (their p-code "
    "is empty).",
    "district_summary": "All 210 districts of 2025, zeros included; district p-codes are "
    "empty for districts created after 2018 (join those on the MEF code).",
    "compounds": "One row per active registry site (withdrawn sites stay in the data "
    "package's compounds.csv); latitude/longitude is the site itself only at precision 1, "
    "otherwise a representative point of the place or area named.",
}
_DERIVED: dict[str, str] = {
    "country_code": "ISO 3166-1 alpha-3 code of Cambodia (KHM).",
    "province_pcode": 'OCHA/HDX 2018 p-code of province_code ("KH18").',
    "province_name": "English MEF 2025 province name.",
    "district_pcode": "OCHA/HDX 2018 p-code of district_code; empty for districts "
    "created after 2018.",
    "district_name": "English MEF 2025 district name.",
    "source_publishers": "Publishers of the event's reports, '; '-separated, in report order.",
    "source_urls": "Links to the event's reports, '; '-separated, in report order.",
}


def _unit_columns(codes: pd.Series, level: str) -> dict[str, list[str]]:
    """p-code and name of each MEF code (empty for an empty or unknown code)."""
    gaz = get_gazetteer()
    pcodes, names = [], []
    for code in codes:
        known = isinstance(code, str) and gaz.has(code)
        pcodes.append((gaz.pcode(code) or "") if known else "")
        names.append(gaz.name(code) if known else "")
    return {f"{level}_pcode": pcodes, f"{level}_name": names}


def _citation_columns(citations: pd.Series) -> dict[str, list[str]]:
    publishers, urls = [], []
    for cell in citations:
        items = json.loads(cell) if isinstance(cell, str) and cell else []
        publishers.append("; ".join(str(c.get("publisher", "")) for c in items))
        urls.append("; ".join(str(c.get("url", "")) for c in items if c.get("url")))
    return {"source_publishers": publishers, "source_urls": urls}


def _events(events: pd.DataFrame) -> pd.DataFrame:
    """Events (all, or a chunk of them) with the columns the HDX file adds."""
    return events.assign(
        **_unit_columns(events["province_code"], "province"),
        **_unit_columns(events["district_code"], "district"),
        **_citation_columns(events["citations"]),
    )


def _with_province_pcode(frame: pd.DataFrame) -> pd.DataFrame:
    units = _unit_columns(frame["province_code"], "province")
    return frame.assign(province_pcode=units["province_pcode"])


def hdx_frames(tables: TablesLike) -> dict[str, pd.DataFrame]:
    """The HDX tables (columns of :data:`HXL_TAGS`, without the hashtag row).

    Examples
    --------
    >>> frames = hdx_frames(build_tables())  # doctest: +SKIP
    >>> frames["province_summary"]["province_pcode"].iloc[0]  # doctest: +SKIP
    'KH01'
    """
    out = {"events": _hdx_columns("events", _events(tables.table("events")))}
    out.update(_small_frames(tables))
    return out


def _small_frames(tables: TablesLike) -> dict[str, pd.DataFrame]:
    """The HDX tables other than events (a few hundred rows at most)."""
    compounds = pd.DataFrame(tables.table("compounds").drop(columns="geometry", errors="ignore"))
    sources = {
        "province_summary": tables.table("province_summary"),
        "district_summary": _with_province_pcode(tables.table("district_summary")),
        "compounds": compounds[compounds["record_status"] == "active"],
    }
    return {name: _hdx_columns(name, frame) for name, frame in sources.items()}


def _hdx_columns(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The columns of HDX file ``name``, in order, with the country code."""
    frame = frame.assign(country_code=COUNTRY_ISO3)
    return pd.DataFrame(frame[list(HXL_TAGS[name])]).reset_index(drop=True)


def _write(frames: Iterable[pd.DataFrame], tags: dict[str, str], path: Path) -> Path:
    """CSV with the header, then the hashtag row, then the formula-safe values.

    ``frames`` are consecutive chunks of one table: each is appended as it comes, so a
    long table is never held whole, and each chunk's cell texts are made a piece at a
    time (:func:`compoundmap.writers.text_pieces`).
    """
    with open(path, "w", encoding="utf-8", newline="") as fh:
        first = True
        for frame in (piece for chunk in frames for piece in text_pieces(chunk)):
            text = pd.DataFrame(
                {
                    c: [*([tags[c]] if first else []), *(spreadsheet_value(v, c) for v in frame[c])]
                    for c in frame.columns
                },
                dtype=object,
            )
            text.to_csv(fh, index=False, header=first, lineterminator="\n")
            first = False
    return path


def write_hdx(tables: TablesLike, folder: Path) -> dict[str, Path]:
    """Write the HDX files into ``folder``; return ``{"hdx/<name>.csv": path}``.

    Parameters
    ----------
    tables : Tables
        From :func:`compoundmap.pipeline.build_tables`.
    folder : Path
        Usually ``<processed>/hdx`` (created if missing).

    Returns
    -------
    dict of str to Path
        ``"hdx/events.csv"``, ``"hdx/province_summary.csv"``,
        ``"hdx/district_summary.csv"`` and ``"hdx/compounds.csv"`` (active sites) → the
        file written in ``folder``, each with its HXL hashtag row under the header.
    """
    folder.mkdir(parents=True, exist_ok=True)
    events = (_hdx_columns("events", _events(c)) for c in table_chunks(tables, "events"))
    written = {f"{HDX_DIR}/events.csv": _write(events, HXL_TAGS["events"], folder / "events.csv")}
    for name, frame in _small_frames(tables).items():
        written[f"{HDX_DIR}/{name}.csv"] = _write([frame], HXL_TAGS[name], folder / f"{name}.csv")
    return written


def _description(table: str, column: str) -> str:
    source = "events" if table == "events" else table
    if column in FIELD_DESCRIPTIONS.get(source, {}):
        return FIELD_DESCRIPTIONS[source][column][1]
    if column in FIELD_DESCRIPTIONS["compounds"]:  # admin columns described once
        return FIELD_DESCRIPTIONS["compounds"][column][1]
    return _DERIVED[column]


def hxl_dictionary() -> str:
    """The HXL mapping of every HDX file as Markdown (the body of ``docs/hdx.md``).

    Examples
    --------
    >>> "#adm1+code" in hxl_dictionary()
    True
    """
    parts: list[str] = []
    for table, tags in HXL_TAGS.items():
        parts.append(f"### `hdx/{table}.csv`\n\n{HDX_TEXT[table]}\n")
        parts.append("| column | HXL hashtag | meaning |\n|---|---|---|")
        for column, tag in tags.items():
            text = _description(table, column).replace("|", "\\|")
            parts.append(f"| `{column}` | `{tag}` | {text} |")
        parts.append("")
    return "\n".join(parts)
