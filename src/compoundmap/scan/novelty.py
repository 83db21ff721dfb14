"""Is it already in the data set? A candidate's URLs and event against the curated reports.

A URL is *known* when, normalised (scheme, ``www.``, trailing slash, fragment and tracking
parameters dropped, case-folded host), it equals a ``source_url`` of ``reports.csv``. An
event is *known* when a report has the same event type, a compatible event date (equal at
the coarser precision) and either a shared province or a shared registry compound.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from ..geocode import geocode
from ..sources import default_sources_path, validate_sources

__all__ = ["KnownReports", "load_known", "normalise_url"]

_TRACKING = ("utm_", "fbclid", "gclid", "mc_", "ref", "cmp")


def normalise_url(url: str) -> str:
    """A URL in the form under which two links count as the same page.

    Examples
    --------
    >>> normalise_url("HTTPS://www.Example.org/news/a/?utm_source=x&id=3#top")
    'example.org/news/a?id=3'
    """
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.casefold()
    host = (parts.hostname or "").casefold().removeprefix("www.")
    query = [(k, v) for k, v in parse_qsl(parts.query) if not k.casefold().startswith(_TRACKING)]
    path = parts.path.rstrip("/")
    return host + path + (f"?{urlencode(sorted(query))}" if query else "")


@dataclass(frozen=True)
class _Report:
    report_id: str
    event_type: str
    event_date: str
    provinces: frozenset[str]
    compounds: frozenset[str]


@dataclass(frozen=True)
class KnownReports:
    """The curated reports, indexed for the novelty checks."""

    urls: dict[str, tuple[str, ...]]  # normalised URL -> report ids
    reports: tuple[_Report, ...]

    def known_urls(self, urls: Iterable[str]) -> list[str]:
        """Report ids whose ``source_url`` is one of ``urls``."""
        out: dict[str, None] = {}
        for url in urls:
            for rid in self.urls.get(normalise_url(url), ()):
                out[rid] = None
        return sorted(out)

    def known_events(
        self, event_type: str, event_date: str, provinces: Iterable[str], compounds: Iterable[str]
    ) -> list[str]:
        """Report ids that look like the same event (see the module docstring).

        Parameters
        ----------
        event_type : str
            The candidate's event type; a report must have the same.
        event_date : str
            The candidate's event date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); a report's
            date must agree on the precision the two share. Undated: no event is known.
        provinces : iterable of str
            Province codes of the candidate.
        compounds : iterable of str
            Registry compound ids of the candidate.

        Returns
        -------
        list of str
            Sorted ids of the reports with the same type, a compatible date and a shared
            province or compound.

        Examples
        --------
        >>> known = KnownReports({}, (_Report("CR-1", "raid", "2025-07", frozenset({"KH18"}),
        ...     frozenset()),))
        >>> known.known_events("raid", "2025-07-14", ["KH18"], []), known.known_events(
        ...     "raid", "2025-08-01", ["KH18"], [])
        (['CR-1'], [])
        """
        if not event_date:
            return []
        provs, comps = set(provinces), set(compounds)
        out = []
        for r in self.reports:
            if r.event_type != event_type or not r.event_date:
                continue
            n = min(len(r.event_date), len(event_date))
            if r.event_date[:n] != event_date[:n]:
                continue
            if (provs & r.provinces) or (comps & r.compounds):
                out.append(r.report_id)
        return sorted(out)


def _province(text: str) -> str:
    return geocode(text).province_code or "" if text.strip() else ""


@cache
def _load(path: Path) -> KnownReports:
    with warnings.catch_warnings():
        # An older reports.csv lacks the 2026.11 columns: that is fine for this use.
        warnings.simplefilter("ignore", UserWarning)
        report = validate_sources(path, progress=False)
    urls: dict[str, list[str]] = {}
    reports = []
    for row in report.valid.to_dict("records"):
        rid = str(row["report_id"])
        key = normalise_url(str(row.get("source_url") or ""))
        if key:
            urls.setdefault(key, []).append(rid)
        provinces = {
            _province(p) for p in str(row.get("province_as_reported") or "").split(";")
        } | {_province(str(row.get("location_text") or ""))}
        compounds = {c.strip() for c in str(row.get("compound_id") or "").split(";")}
        reports.append(
            _Report(
                rid,
                str(row["event_type"]),
                str(row.get("event_date") or ""),
                frozenset(provinces - {""}),
                frozenset(compounds - {""}),
            )
        )
    return KnownReports({k: tuple(v) for k, v in urls.items()}, tuple(reports))


def load_known(path: str | Path | None = None) -> KnownReports:
    """The curated reports (default: the bundled ``reports.csv``), read once and cached.

    Rows that fail validation are left out (``compoundmap validate`` lists them).

    Raises
    ------
    SourceValidationError
        For file-level problems (see :func:`compoundmap.sources.validate_sources`).
    """
    return _load(Path(path or default_sources_path()).resolve())
