"""Citation faults a curator should fix, found from the rows alone (no network).

Index, category, search and session URLs; hosts that copy other outlets; one page cited for
several events; ``primary`` rows whose publisher is a mirror or does not look like the site
of the URL. All of them are warnings: a curator checks the row and fixes it or leaves it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

import pandas as pd

from ._csvfile import Problem
from ._util import fold_ascii

__all__ = ["MIRROR_HOSTS", "citation_warnings", "publisher_matches_host"]

#: Hosts met while curating that copy other outlets' articles (aggregators, scrapers,
#: CDNs, test hosts): a citation there is a mirror, never the original.
MIRROR_HOSTS: frozenset[str] = frozenset(
    """binance.bh binance.com wikifx.space fxshare66.com livenews.co.nz mil-osi.com
    ngo.mil-osi.com cybersecurityboard.com lawandordernews.com vuink.com blogspot.com
    plawiuk.blogspot.com daily8.com test.daily8.com cointeeth.com internetor.net
    today.line.me pressreader.com cloudfront.net pasa365.com
    bestinslot.com briefly.co ij-reportika.com urlscan.io assets.thehansindia.com
    zealnews.africa""".split()
)
# URL paths that are an index, not an article.
# An index, not an article: a site's root, or a tag/category/search page (the segment after
# the index word is a short label, not an article's slug or number).
_ROOT_PATH = re.compile(r"^/?(?:index\.(?:html?|php))?$", re.IGNORECASE)
_INDEX_PATH = re.compile(
    r"/(?:tag|tags|category|categories|topic|topics|search|"
    r"author|authors|section|archive|archives)(?:/[^/\d]*)?/?$",
    re.IGNORECASE,
)
_SEARCH_QUERY = re.compile(r"[?&](?:s|q|query|search)=", re.IGNORECASE)
_SESSION_QUERY = re.compile(r"[?&](?:sessionid|sid|jsessionid|utm_[a-z]+|fbclid|gclid)=", re.I)

#: Host labels that say nothing about the publisher (suffixes and language or mobile
#: sub-domains): ``en.sggp.org.vn`` is compared as ``sggp``.
_GENERIC_LABELS = frozenset(
    "www www2 m amp en edu gov org com net co ac news info biz go or mobile".split()
)
#: Publisher words too common to identify a site on their own.
_COMMON_WORDS = frozenset(
    "the of and for news daily times post online media english agency press radio".split()
)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().removeprefix("www.")
    except ValueError:
        return ""


def _subsequence(short: str, long: str) -> bool:
    """``short``'s letters appear in ``long`` in order, starting with the same letter
    (``kmib`` in ``kookminilbo``, ``cna`` in ``channelnewsasia``)."""
    if not short or not long or short[0] != long[0]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def publisher_matches_host(publisher: str, host: str) -> bool:
    """Whether a publisher's name looks like the site a URL is on.

    A heuristic for a warning, not a rule: the name (or a part in brackets, ``CNA (AFP)``)
    contains a label of the host or is contained in it, one is an abbreviation of the other
    (``Kookmin Ilbo`` on ``kmib.co.kr``, ``CNA`` on ``channelnewsasia.com``), or a
    distinctive word of the name is in the host. A name in a script without Latin letters
    says nothing and counts as a match.

    Parameters
    ----------
    publisher : str
        ``source_publisher`` as curated.
    host : str
        The URL's host name, lower case.

    Returns
    -------
    bool
        False only when neither the name nor any part or distinctive word of it fits a
        label of the host; True too when there is nothing to compare (no host label of
        three letters or more besides generic ones such as ``www`` or ``news``, or a name
        without Latin letters).

    Examples
    --------
    >>> publisher_matches_host("Kookmin Ilbo", "kmib.co.kr")
    True
    >>> publisher_matches_host("Khmer Times", "phnompenhpost.com")
    False
    """
    labels = [fold_ascii(label) for label in host.split(".")[:-1] if label not in _GENERIC_LABELS]
    labels = [label for label in labels if len(label) >= 3]
    names = [fold_ascii(n) for n in re.split(r"[()/,;]|\bvia\b", publisher)]
    names = [n for n in names if n]
    if not labels or not names:
        return True
    words = [
        fold_ascii(w)
        for w in re.findall(r"[^\W\d_]{4,}", unicodedata.normalize("NFKD", publisher))
        if w.lower() not in _COMMON_WORDS
    ]
    words = [w for w in words if len(w) >= 4]
    for label in labels:
        for name in names:
            if name in label or label in name or _subsequence(label, name):
                return True
            if len(name) <= 6 and _subsequence(name, label):
                return True
        if any(w in label for w in words):
            return True
    return False


def citation_warnings(reports: pd.DataFrame, *, file: str = "reports.csv") -> list[Problem]:
    """Citation faults a curator should fix: index or session URLs, mirror hosts, one URL
    cited for several events, primary rows whose publisher is a mirror or not the URL's site.

    Parameters
    ----------
    reports : DataFrame
        Valid report rows with ``source_row`` (their line in the file). Only active rows
        (``record_status`` empty or ``active``) are looked at.
    file : str
        The file named in each warning.

    Returns
    -------
    list of Problem
        The faults of each row, in row order, then one per URL cited for several events
        (at the line that cites it first). Empty when every citation looks right.

    Examples
    --------
    >>> rows = pd.DataFrame({"record_status": ["active"], "source_row": [2],
    ...     "report_id": ["CR-1"], "source_url": ["https://www.khmertimeskh.com/tag/scam/"],
    ...     "source_publisher": ["Khmer Times"], "source_tier": ["primary"]})
    >>> [str(p) for p in citation_warnings(rows)]
    ['reports.csv:2:source_url: looks like an index or category page, not an article']
    """
    out: list[Problem] = []
    active = reports[reports["record_status"].isin(["", "active"])]
    events_by_url: dict[str, set[str]] = {}
    first_line: dict[str, int | None] = {}
    for rec in active.to_dict("records"):
        url, line = str(rec.get("source_url") or ""), int(rec.get("source_row") or 0) or None
        if not url:
            continue
        host = _host(url)
        path = urlsplit(url).path if host else ""
        root = _ROOT_PATH.match(path) and not urlsplit(url).query  # "?p=123" is a post
        if root or _INDEX_PATH.search(path) or _SEARCH_QUERY.search(url):
            out.append(
                Problem(
                    file, line, "source_url", "looks like an index or category page, not an article"
                )
            )
        if _SESSION_QUERY.search(url):
            out.append(Problem(file, line, "source_url", "carries a session or tracking parameter"))
        mirror = host in MIRROR_HOSTS or any(host.endswith("." + m) for m in MIRROR_HOSTS)
        primary = rec.get("source_tier") == "primary"
        if mirror and primary:
            out.append(
                Problem(
                    file,
                    line,
                    "source_url",
                    f"{host} copies other outlets: cite the original (or mark the row secondary)",
                )
            )
        publisher = str(rec.get("source_publisher") or "")
        if primary and publisher.startswith("Mirror ("):
            out.append(
                Problem(
                    file, line, "source_tier", "a 'Mirror (...)' publisher is a secondary source"
                )
            )
        elif primary and not mirror and host and not publisher_matches_host(publisher, host):
            out.append(
                Problem(
                    file,
                    line,
                    "source_publisher",
                    f"'{publisher}' does not look like the site {host}: a primary row cites "
                    "the publisher's own page (or is secondary, 'Mirror (republishing ...)')",
                )
            )
        events_by_url.setdefault(url, set()).add(str(rec.get("event_id") or rec.get("report_id")))
        first_line.setdefault(url, line)
    for url, events in events_by_url.items():
        if len(events) > 1:
            out.append(
                Problem(
                    file,
                    first_line[url],
                    "source_url",
                    f"one page cited for {len(events)} events ({', '.join(sorted(events))}); "
                    "fine when the article reports several, else merge or fix",
                )
            )
    return out
