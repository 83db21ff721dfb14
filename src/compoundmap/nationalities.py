"""Nationalities: which countries' nationals the reports name, merged by country.

Beside the summaries in the flow (… → events → summaries). A report's ``nationalities``
field is ``;``-separated text as the source writes it ("Lao; Laotian", "ethnic Chinese");
each value is read as a country name or demonym (:func:`compoundmap.geoparse.extract_nationalities`)
and kept as written when it names no single country.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, NamedTuple

import pandas as pd

from ._util import require_columns, text_of
from .geoparse import extract_nationalities

__all__ = [
    "NATIONALITY_COLUMNS",
    "UNRESOLVED_NATIONALITY",
    "nationality_counts",
    "nationality_label",
    "nationality_summary",
]

#: Columns of :func:`nationality_counts`.
NATIONALITY_COLUMNS = [
    "country_code",
    "alpha_3",
    "country_name",
    "n_reports",
    "n_mentions",
    "written_as",
]

#: Mark after a nationality that names no single country, kept as the source writes it.
UNRESOLVED_NATIONALITY = "as written"


class _Country(NamedTuple):
    code: str
    alpha_3: str
    name: str


# Words that may stand beside a demonym without changing which country is meant
# ("Chinese nationals"); any other word ("ethnic Chinese") leaves the value as written.
_FILLER_WORDS = frozenset(
    {"national", "nationals", "citizen", "citizens", "nationality", "people", "worker", "workers"}
)
_LEFTOVER_WORD_RE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _country_of(value: str) -> _Country | None:
    """The one country a nationality value names, or None (no country, or several)."""
    mentions = extract_nationalities(value)
    if not mentions or len({m.country_code for m in mentions}) != 1:
        return None
    leftover = list(value)
    for m in mentions:
        leftover[m.start : m.end] = " " * (m.end - m.start)
    words = _LEFTOVER_WORD_RE.findall("".join(leftover).casefold())
    if any(w not in _FILLER_WORDS for w in words):
        return None
    first = mentions[0]
    return _Country(first.country_code, first.alpha_3, first.country_name)


def _nationality_values(value: object) -> list[str]:
    return [n.strip() for n in text_of(value).split(";") if n.strip()]


def _nationality_rows(values: Iterable[object]) -> list[dict[str, Any]]:
    """Rows of :func:`nationality_counts` from each report's ``nationalities`` field."""
    entries: dict[tuple[str, str], dict[str, Any]] = {}
    for value in values:
        seen: set[tuple[str, str]] = set()
        for written in _nationality_values(value):
            country = _country_of(written)
            key = (country.code, country.name) if country else ("", written)
            entry = entries.setdefault(
                key,
                {
                    "country_code": key[0],
                    "alpha_3": country.alpha_3 if country else "",
                    "country_name": key[1],
                    "n_reports": 0,
                    "n_mentions": 0,
                    "forms": set(),
                },
            )
            entry["n_mentions"] += 1
            entry["forms"].add(written)
            if key not in seen:
                entry["n_reports"] += 1
                seen.add(key)
    return [
        {
            **{k: v for k, v in e.items() if k != "forms"},
            "written_as": "; ".join(sorted(e["forms"])),
        }
        for e in sorted(
            entries.values(),
            key=lambda e: (-e["n_reports"], e["country_name"], e["country_code"]),
        )
    ]


def nationality_counts(reports: pd.DataFrame) -> pd.DataFrame:
    """Count the reports naming each country, merging the ways sources write a nationality.

    Each ``;``-separated value of ``nationalities`` is looked up as a country name or demonym
    (:func:`compoundmap.geoparse.extract_nationalities`, ``data/raw/gazetteer/demonyms.csv``):
    "Lao" and "Laotian" both count for Laos (``LA``). A value naming no country ("African",
    "foreign") or several ("Chinese-Malaysian"), or with a word that changes its meaning
    ("ethnic Chinese"), is never dropped: it is kept as written, with an empty code.

    Parameters
    ----------
    reports : pandas.DataFrame
        With ``report_id`` and ``nationalities``; one row per report or per (report, place)
        (a report counts once).

    Returns
    -------
    pandas.DataFrame
        :data:`NATIONALITY_COLUMNS`: ``country_code`` (ISO 3166-1 alpha-2, empty when
        unresolved), ``alpha_3``, ``country_name`` (the country's common English name, or
        the value as written), ``n_reports`` (reports naming it), ``n_mentions`` (values
        naming it; more than ``n_reports`` when a report names a country twice, as in
        "Lao; Laotian") and ``written_as`` (the distinct forms, ``"; "``-separated). Sorted
        by ``n_reports`` (most first), then ``country_name`` and ``country_code``.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"report_id": ["R1", "R2", "R3"],
    ...     "nationalities": ["Lao; Thai", "Laotian", "African"]})
    >>> nationality_counts(df)[["country_code", "country_name", "n_reports"]].values.tolist()
    [['LA', 'Laos', 2], ['', 'African', 1], ['TH', 'Thailand', 1]]
    """
    require_columns(reports, ["report_id", "nationalities"], "reports")
    unique = reports.drop_duplicates("report_id")
    rows = _nationality_rows(unique["nationalities"].tolist())
    out = pd.DataFrame(rows, columns=NATIONALITY_COLUMNS)
    for col in NATIONALITY_COLUMNS:
        if col.startswith("n_"):
            out[col] = out[col].astype("int64")
        else:
            out[col] = out[col].fillna("").astype("string")
    return out


def nationality_label(code: str, name: str) -> str:
    """``"China (CN)"``, or ``"African (as written)"`` for a value naming no country.

    Parameters
    ----------
    code : str
        The ISO 3166-1 alpha-2 code, ``""`` for a value naming no country.
    name : str
        The country's name, or the value as written.

    Returns
    -------
    str
        The label used in summaries.

    Examples
    --------
    >>> nationality_label("CN", "China"), nationality_label("", "African")
    ('China (CN)', 'African (as written)')
    """
    return f"{name} ({code})" if code else f"{name} ({UNRESOLVED_NATIONALITY})"


def nationality_summary(values: Iterable[object]) -> str:
    """``"China (CN): 12; Thailand (TH): 3"``: countries named, with the values naming each.

    Parameters
    ----------
    values : iterable
        ``nationalities`` fields (``;``-separated), one per report or event.
    """
    return "; ".join(
        f"{nationality_label(r['country_code'], r['country_name'])}: {r['n_reports']}"
        for r in _nationality_rows(values)
    )
