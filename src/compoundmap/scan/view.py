"""The HTML view of the review queue: one self-contained page, evidence highlighted.

Every piece of document text (titles, URLs, excerpts, finding values) goes through
:func:`html.escape` before it is placed in the page, and no template engine ever sees it:
the page is assembled from fixed strings, so a hostile article cannot inject markup or
script. Links are only made for ``http(s)`` URLs.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

import pandas as pd

__all__ = ["HTML_FOOT", "highlight", "html_head", "html_section", "render_queue_html"]

_CONTEXT = 160  # characters of text shown either side of a finding
_MAX_EXCERPTS = 8

_STYLE = """
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;max-width:70em;color:#222}
table.meta{border-collapse:collapse;margin:.4em 0}
table.meta td{padding:.1em .6em;vertical-align:top;border-bottom:1px solid #eee}
section{border:1px solid #ccc;border-radius:6px;padding:.6em 1em;margin:1em 0}
h2{font-size:1.1em;margin:.2em 0}
.excerpt{background:#fafafa;border-left:3px solid #bbb;padding:.3em .6em;margin:.4em 0;
white-space:pre-wrap}
mark{padding:0 .1em;border-radius:2px}
mark.place{background:#cfe8ff}mark.nationality{background:#e4d7ff}mark.date{background:#ffe5b4}
mark.count{background:#ffc9c9}mark.compound,mark.operator{background:#c8f7c5}
mark.term{background:#fff3a3}
.new{color:#0a6b0a}.known_event{color:#9a6a00}.known_url{color:#a00}
"""


def _link(url: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(url)}</a>'
    return escape(url)


def _non_overlapping(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in sorted(findings, key=lambda f: (f["start"], -(f["end"] - f["start"]), f["kind"])):
        if out and f["start"] < out[-1]["end"]:
            continue
        out.append(f)
    return out


def highlight(text: str, findings: list[dict[str, Any]]) -> list[str]:
    """Escaped HTML excerpts of ``text`` around the findings, each finding in a ``<mark>``.

    A finding overlapping an earlier (or longer) one is not marked; findings whose span
    falls outside ``text`` are ignored. Each excerpt keeps 160 characters either side of
    its findings (close findings share an excerpt), at most 8 excerpts.

    Parameters
    ----------
    text : str
        The document's text.
    findings : list of dict
        Findings as :meth:`compoundmap.scan.findings.Finding.to_dict` gives them (``kind``,
        ``start``, ``end``, ``value`` are read).

    Returns
    -------
    list of str
        HTML excerpts in text order, ``…`` where the text is cut; empty without findings.

    Examples
    --------
    >>> highlight("a <b> in Poipet", [{"kind": "place", "start": 9, "end": 15,
    ...     "text": "Poipet", "value": "0102"}])
    ['a &lt;b&gt; in <mark class="place" title="place: 0102">Poipet</mark>']
    """
    marks = _non_overlapping([f for f in findings if 0 <= f["start"] < f["end"] <= len(text)])
    windows: list[list[int]] = []
    for f in marks:
        lo, hi = max(0, f["start"] - _CONTEXT), min(len(text), f["end"] + _CONTEXT)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(hi, windows[-1][1])
        else:
            windows.append([lo, hi])
    excerpts = []
    for lo, hi in windows[:_MAX_EXCERPTS]:
        parts, pos = [], lo
        for f in marks:
            if f["start"] < lo or f["end"] > hi:
                continue
            parts.append(escape(text[pos : f["start"]]))
            label = escape(f"{f['kind']}: {f['value']}", quote=True)
            cls = escape(str(f["kind"]), quote=True)
            parts.append(
                f'<mark class="{cls}" title="{label}">{escape(text[f["start"] : f["end"]])}</mark>'
            )
            pos = f["end"]
        parts.append(escape(text[pos:hi]))
        prefix = "… " if lo > 0 else ""
        suffix = " …" if hi < len(text) else ""
        excerpts.append(prefix + "".join(parts) + suffix)
    return excerpts


_META = (
    ("status", "status"),
    ("priority", "priority"),
    ("relevance", "relevance"),
    ("event type (guess)", "event_type"),
    ("event date (guess)", "event_date"),
    ("language", "language"),
    ("places", "places"),
    ("nationalities", "nationalities"),
    ("counts", "counts"),
    ("registry compounds", "compound_ids"),
    ("registry operators", "operator_ids"),
    ("already in reports.csv", "known_report_ids"),
)


def html_section(row: dict[str, Any]) -> str:
    """One candidate's section: its fields, highlighted excerpts and documents."""
    status = str(row["status"])
    out = [
        f'<section id="{escape(str(row["candidate_id"]), quote=True)}">',
        f"<h2>#{int(row['rank'])} {escape(str(row['candidate_id']))}: "
        f"{escape(str(row['head_title']) or '(no title)')}</h2>",
        '<table class="meta">',
    ]
    for label, col in _META:
        value = escape(str(row[col]))
        if col == "status":
            value = f'<span class="{escape(status, quote=True)}">{value}</span>'
        out.append(f"<tr><td>{escape(label)}</td><td>{value}</td></tr>")
    out.append("</table>")
    findings = json.loads(str(row["findings"]) or "[]")
    for excerpt in highlight(str(row["text"]), findings):
        out.append(f'<div class="excerpt">{excerpt}</div>')
    out.append(f"<p>{int(row['n_documents'])} document(s):</p><ul>")
    for d in json.loads(str(row["documents"]) or "[]"):
        out.append(
            f"<li>{escape(str(d['role']))} · {escape(str(d['date']) or 'undated')} · "
            f"{escape(str(d['doc_id']))} · {escape(str(d['title']))} · {_link(str(d['url']))}</li>"
        )
    out.append("</ul></section>")
    return "\n".join(out)


def html_head(n_candidates: int, *, title: str = "compoundmap scan: review queue") -> str:
    """The page's start: styles, title and how to read it (no dates, no run details).

    Parameters
    ----------
    n_candidates : int
        The number of candidates the page lists (shown in its introduction).
    title : str, default "compoundmap scan: review queue"
        The page's title and heading (escaped).

    Returns
    -------
    str
        HTML from ``<!DOCTYPE html>`` to the introduction paragraph; the page is closed by
        :data:`HTML_FOOT`.

    Examples
    --------
    >>> html_head(2, title="<queue>").count("&lt;queue&gt;")
    2
    """
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{n_candidates} candidate event(s), ranked by relevance "
        "and novelty. Highlights: places, nationalities, dates, counts, registry names, "
        "relevance words. Everything here is a machine guess for a curator to check.</p>\n"
    )


#: The page's end.
HTML_FOOT = "</body></html>\n"


def render_queue_html(frame: pd.DataFrame) -> str:
    """The whole review page of a queue frame as a string."""
    rows = [{str(k): v for k, v in row.items()} for row in frame.to_dict("records")]
    return html_head(len(rows)) + "".join(html_section(r) + "\n" for r in rows) + HTML_FOOT
