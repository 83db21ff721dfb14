"""Grouping located reports into compound entities.

Sits after geocoding and the boundary join (sources → geocode → boundaries → **compounds** →
summary/maps). Reports are grouped by normalised compound names and the aliases the sources
give, within one province; a report without a compound name stays a report.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import pandas as pd

from .boundaries import ADMIN_UNIT_COLUMNS
from .errors import MissingColumnError
from .schema import Precision

__all__ = [
    "COMPOUND_COLUMNS",
    "PRECISION_LABELS",
    "assign_compound_ids",
    "build_compounds",
    "name_key",
]

#: The precision scale in words, as shown in every published table (see :mod:`.schema`).
PRECISION_LABELS: dict[int, str] = {int(p): p.label for p in Precision}

#: Columns of the compounds table, in order (``docs/ARCHITECTURE.md``, "Published tables"),
#: plus ``events`` (every report's date, type and figure side by side) and
#: ``same_name_elsewhere`` (compounds in other provinces that share a name or alias).
COMPOUND_COLUMNS: list[str] = [
    "compound_id",
    "name",
    "aliases",
    *ADMIN_UNIT_COLUMNS,
    "latitude",
    "longitude",
    "precision",
    "precision_label",
    "location_text",
    "first_event_date",
    "last_event_date",
    "n_reports",
    "n_sources",
    "event_types",
    "latest_event_type",
    "latest_event_date",
    "nationalities",
    "report_ids",
    "citations",
    "events",
    "same_name_elsewhere",
]

_ADMIN = ADMIN_UNIT_COLUMNS

_NEEDED = [
    "report_id",
    "compound_name",
    "aliases",
    "province_code",
    "event_type",
    "event_date",
    "source_publisher",
]

# Words that describe what kind of place a compound is rather than which one it is, so that
# "A7 Park", "A7 Casino" and "A7" compare equal. "group", "world", "tower", "bay" and the like
# are deliberately kept: "Prince Group" (a company) is not the "Prince compound", and
# "Rich World" is not "Rich".
_GENERIC_WORDS = frozenset(
    {
        "the",
        "compound",
        "compounds",
        "complex",
        "casino",
        "casinos",
        "hotel",
        "resort",
        "resorts",
        "park",
        "ltd",
        "co",
        "company",
        "plc",
        "inc",
        "entertainment",
        "city",
        "international",
        "building",
        "former",
        "sez",
        "special",
        "economic",
        "zone",
    }
)
_PAREN = re.compile(r"\([^)]*\)")
_TOKEN = re.compile(r"[^\W_]+")
_NO_PROVINCE = "00"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def name_key(name: str) -> str:
    """Comparable key of a compound name: case, accents, punctuation and generic words removed.

    A parenthesised qualifier is dropped ("Chinatown (Building 23)" → "chinatown"), tokens
    are joined without spaces so that "Jin Bei" equals "Jinbei", and words that only say what
    kind of place it is ("compound", "casino", "park", "resort", "SEZ", …) are removed unless
    nothing else is left.

    Examples
    --------
    >>> name_key("A7 Park"), name_key("Van Chheung Casino"), name_key("O‑Smach Resort")
    ('a7', 'vanchheung', 'osmach')
    >>> name_key("Casino")
    'casino'
    """
    folded = _fold(name)
    stripped = _PAREN.sub(" ", folded)
    tokens = _TOKEN.findall(stripped) or _TOKEN.findall(folded)
    kept = [t for t in tokens if t not in _GENERIC_WORDS]
    return "".join(kept or tokens)


def _split(value: object) -> list[str]:
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(";") if part.strip()]


def _slug(name: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = _TOKEN.findall(_PAREN.sub(" ", ascii_text).lower())
    slug = ""
    for word in words:  # whole words, at most 40 characters (a longer first word is cut)
        if slug and len(slug) + 1 + len(word) > 40:
            break
        slug = f"{slug}-{word}" if slug else word[:40]
    return slug


def _check(reports: pd.DataFrame, columns: Iterable[str], where: str) -> None:
    for col in columns:
        if col not in reports.columns:
            raise MissingColumnError(col, list(reports.columns), where)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(node, node)
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller root wins, so the result does not depend on the order of unions.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _membership(reports: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """Map report_id → the union-find roots of the compounds it names (one per name)."""
    per_report: dict[str, dict[str, Any]] = {}
    for rid, name, alias, prov in zip(
        reports["report_id"].tolist(),
        reports["compound_name"].tolist(),
        reports["aliases"].tolist(),
        reports["province_code"].tolist(),
        strict=True,
    ):
        entry = per_report.get(rid)
        if entry is None:
            entry = per_report[rid] = {"names": _split(name), "aliases": _split(alias), "prov": []}
        if prov and prov not in entry["prov"]:
            entry["prov"].append(prov)

    # Which names are attested in which province by reports located in one province only.
    support: dict[str, set[str]] = defaultdict(set)
    for entry in per_report.values():
        if len(entry["prov"]) == 1:
            for name in entry["names"] + entry["aliases"]:
                support[name_key(name)].add(entry["prov"][0])

    chosen: dict[str, str] = {}
    for rid, entry in per_report.items():
        if not entry["names"]:
            continue
        keys = [name_key(n) for n in entry["names"] + entry["aliases"]]
        provs: list[str] = entry["prov"]
        if len(provs) == 1:
            chosen[rid] = provs[0]
            continue
        attested = sorted({p for k in keys for p in support.get(k, set())})
        if provs:
            # A report placed in several provinces belongs to the compound where its name is
            # attested by other reports; failing that, to its first located place.
            hits = [p for p in provs if p in attested]
            chosen[rid] = hits[0] if len(hits) == 1 else provs[0]
        else:
            # No province (country-level or unmatched): join the compound of that name when
            # exactly one province has one; otherwise it is a national-level compound.
            chosen[rid] = attested[0] if len(attested) == 1 else _NO_PROVINCE

    uf = _UnionFind()
    for rid, prov in chosen.items():
        names, aliases = per_report[rid]["names"], per_report[rid]["aliases"]
        nodes = [(prov, name_key(n)) for n in names]
        for node in nodes:
            uf.find(node)
        if len(names) == 1:
            for alias in aliases:
                uf.union(nodes[0], (prov, name_key(alias)))
    return {
        rid: [uf.find((prov, name_key(n))) for n in per_report[rid]["names"]]
        for rid, prov in chosen.items()
    }


def _component_ids(
    reports: pd.DataFrame, members: dict[str, list[tuple[str, str]]]
) -> dict[tuple[str, str], str]:
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    first = reports.drop_duplicates("report_id")
    by_id = dict(zip(first["report_id"].astype(str), first["compound_name"], strict=True))
    for rid in sorted(members):
        for name, root in zip(_split(by_id[rid]), members[rid], strict=True):
            names[root].append(name)
    ids: dict[tuple[str, str], str] = {}
    for root, used in names.items():
        display = _display_name(used)
        slug = _slug(display) or "h" + hashlib.sha1(root[1].encode()).hexdigest()[:8]
        ids[root] = f"C{root[0]}-{slug}"
    # Two different compounds whose names slug alike get a short hash of their key.
    seen = Counter(ids.values())
    for root, cid in ids.items():
        if seen[cid] > 1:
            ids[root] = f"{cid}-{hashlib.sha1(root[1].encode()).hexdigest()[:6]}"
    return ids


def _display_name(names: list[str]) -> str:
    """The name most reports use; ties go to the first reported (names come in report order)."""
    counts = Counter(names)
    return sorted(counts, key=lambda n: (-counts[n], names.index(n)))[0]


def assign_compound_ids(reports: pd.DataFrame) -> pd.Series:
    """Give every located report row the id of the compound it names.

    Reports name a compound in ``compound_name`` (several names separated by ``;`` mean
    several compounds) and list other names in ``aliases``. Names are compared by
    :func:`name_key`; a report and its aliases join one compound (union-find over names)
    **within one province** (``province_code`` of the report's rows). A report with no
    province joins the compound of that name if exactly one province has one, else a
    national compound (province ``00`` in the id). A report whose places lie in several
    provinces joins the compound in the province where other reports attest its name.

    Parameters
    ----------
    reports : pandas.DataFrame
        One row per (report, place) with at least ``report_id, compound_name, aliases,
        province_code``.

    Returns
    -------
    pandas.Series
        String ids aligned with ``reports`` (all place rows of a report share one), ``""``
        for reports without a compound name, several ids joined by ``;`` for a report naming
        several compounds. An id is ``C<province code>-<slug of the most used name>``, so it
        does not depend on row order and is stable across builds of the same inputs.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"report_id": ["R1", "R2"], "compound_name": ["A7 Park", "Van Chheung"],
    ...                    "aliases": ["Van Chheung Casino", ""], "province_code": ["20", "20"]})
    >>> assign_compound_ids(df).tolist()
    ['C20-a7-park', 'C20-a7-park']
    """
    _check(reports, ["report_id", "compound_name", "aliases", "province_code"], "reports")
    per_report = {
        rid: ";".join(sorted({c for _, c in pairs})) for rid, pairs in _assign(reports).items()
    }
    values = [per_report.get(str(rid), "") for rid in reports["report_id"]]
    return pd.Series(values, index=reports.index, dtype="string", name="compound_id")


def _assign(reports: pd.DataFrame) -> dict[str, list[tuple[str, str]]]:
    """report_id → [(compound name as written, compound_id)] for reports naming a compound."""
    if len(reports) == 0:
        return {}
    frame = reports.copy()
    for col in ("report_id", "compound_name", "aliases", "province_code"):
        frame[col] = frame[col].fillna("").astype(str)
    members = _membership(frame)
    ids = _component_ids(frame, members)
    first = frame.drop_duplicates("report_id")
    by_id = dict(zip(first["report_id"], first["compound_name"], strict=True))
    return {
        rid: [(n, ids[r]) for n, r in zip(_split(by_id[rid]), roots, strict=True)]
        for rid, roots in members.items()
    }


def _fmt_int(value: object) -> int | None:
    number = _float(value)
    return None if number is None else int(number)


def _float(value: object) -> float | None:
    if value is None or value is pd.NA or value == "":
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number


def _location_row(rows: pd.DataFrame, province: str) -> dict[str, Any]:
    """The finest located row; among equals the most reported place, then the smallest code."""
    cand = rows
    if province != _NO_PROVINCE:
        in_prov = rows[rows["province_code"] == province]
        cand = in_prov if len(in_prov) else rows
    prec = pd.to_numeric(cand["precision"], errors="coerce").fillna(99)
    best = cand[prec == prec.min()]
    sig = best.apply(
        lambda r: (
            str(r["commune_code"]),
            str(r["district_code"]),
            str(r["province_code"]),
            "" if pd.isna(r["latitude"]) else f"{float(r['latitude']):.6f}",
            "" if pd.isna(r["longitude"]) else f"{float(r['longitude']):.6f}",
        ),
        axis=1,
    )
    counts = Counter(sig)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    row = best[[s == top for s in sig]].sort_values(["report_id", "place_index"]).iloc[0]
    return dict(row)


def build_compounds(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per compound, from located report rows.

    Parameters
    ----------
    reports : pandas.DataFrame
        One row per (report, place), as in the published ``reports`` table: source columns,
        ``place_index``, admin columns, ``latitude, longitude, precision`` and
        ``location_part``. Compound membership is computed as in
        :func:`assign_compound_ids` (any ``compound_id`` column is not read).

    Returns
    -------
    pandas.DataFrame
        :data:`COMPOUND_COLUMNS`, sorted by ``compound_id``. The location is the finest any
        member report supports inside the compound's province (the most reported place among
        equally fine ones); precision 4 and 5 keep empty ``latitude``/``longitude``.
        ``citations`` is a JSON list of ``{report_id, publisher, title, url, date,
        source_type, tier}`` and ``events`` a JSON list of ``{report_id, date, type, people}``
        sorted by report id: figures from different reports stay side by side, never summed
        or averaged. ``same_name_elsewhere`` lists (``"; "``) the other compounds that share
        a name or alias with this one: grouping never crosses provinces, so a compound
        reported in two places ("near Phnom Penh" and "in Takeo") shows up as two linked rows
        for an analyst to resolve, not as one silently chosen place.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"report_id": ["R1", "R2"], "compound_name": ["A7 Park", "A7"],
    ...     "aliases": ["", ""], "province_code": ["20", "20"], "event_type": ["raid", "rescue"],
    ...     "event_date": ["2026-01-31", "2026-02"], "source_publisher": ["VOD", "Khmer Times"]})
    >>> build_compounds(df)[["compound_id", "n_reports", "n_sources", "last_event_date"]].values
    array([['C20-a7-park', 2, 2, '2026-02']], dtype=object)
    """
    _check(reports, _NEEDED, "reports")
    frame = reports.copy()
    for col in ("place_index", "precision", "latitude", "longitude"):
        if col not in frame.columns:
            frame[col] = pd.NA
    for col in [*_ADMIN, "location_part", "location_text"]:
        if col not in frame.columns:
            frame[col] = ""
        frame[col] = frame[col].fillna("").astype(str)
    frame["place_index"] = frame["place_index"].fillna(0)
    groups: dict[str, list[str]] = defaultdict(list)  # compound_id -> names used for it
    rids: dict[str, set[str]] = defaultdict(set)
    assigned = _assign(frame)
    for rid in sorted(assigned):
        for name, cid in assigned[rid]:
            groups[cid].append(name)
            rids[cid].add(rid)
    records: list[dict[str, Any]] = []
    rid_col = frame["report_id"].astype(str)
    for cid in sorted(groups):
        rows = frame[rid_col.isin(rids[cid])]
        records.append(_compound_record(cid, groups[cid], rows))
    out = pd.DataFrame.from_records(records, columns=COMPOUND_COLUMNS)
    out["same_name_elsewhere"] = _same_names(out)
    for col in ("precision", "n_reports", "n_sources"):
        out[col] = out[col].astype("Int64")
    for col in ("latitude", "longitude"):
        out[col] = out[col].astype("Float64")
    return out.reset_index(drop=True)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _same_names(compounds: pd.DataFrame) -> list[str]:
    by_key: dict[str, set[str]] = defaultdict(set)
    keys: list[set[str]] = []
    for cid, name, aliases in zip(
        compounds["compound_id"], compounds["name"], compounds["aliases"], strict=True
    ):
        own = {name_key(n) for n in [name, *_split(aliases)]}
        keys.append(own)
        for key in own:
            by_key[key].add(cid)
    return [
        "; ".join(sorted({o for k in own for o in by_key[k]} - {cid}))
        for cid, own in zip(compounds["compound_id"], keys, strict=True)
    ]


def _compound_record(cid: str, used_names: list[str], rows: pd.DataFrame) -> dict[str, Any]:
    province = cid[1:3]
    per_report = rows.sort_values(["report_id", "place_index"]).drop_duplicates("report_id")
    single = [len(_split(v)) == 1 for v in per_report["compound_name"]]
    # Aliases belong to a report's compound only when the report names one compound.
    aliases = {a for v in per_report.loc[single, "aliases"] for a in _split(v)}
    all_names = sorted(set(used_names) | aliases, key=lambda s: (s.casefold(), s))
    display = _display_name(used_names)
    loc = _location_row(rows, province)
    precision = _fmt_int(loc.get("precision"))
    pinned = precision is not None and precision <= 3
    dates = sorted(d for d in per_report["event_date"].map(_text) if d)
    latest = max(
        (_text(r.event_date), str(r.report_id), _text(r.event_type))
        for r in per_report.itertuples()
    )
    nat_col: list[object] = (
        list(per_report["nationalities"]) if "nationalities" in per_report else []
    )
    nationalities = sorted({n for v in nat_col for n in _split(v)}, key=lambda s: (s.casefold(), s))
    records = per_report.to_dict("records")
    citations = [
        {
            "report_id": str(r["report_id"]),
            "publisher": _text(r.get("source_publisher")),
            "title": _text(r.get("source_title")),
            "url": _text(r.get("source_url")),
            "date": _text(r.get("source_date")),
            "source_type": _text(r.get("source_type")),
            "tier": _text(r.get("source_tier")),
        }
        for r in records
    ]
    events = [
        {
            "report_id": str(r["report_id"]),
            "date": _text(r.get("event_date")),
            "type": _text(r.get("event_type")),
            "people": _fmt_int(r.get("victims_count")),
        }
        for r in records
    ]
    lat, lon = loc.get("latitude"), loc.get("longitude")
    return {
        "compound_id": cid,
        "name": display,
        "aliases": "; ".join(n for n in all_names if n != display),
        **{col: _text(loc.get(col)) for col in _ADMIN},
        "latitude": _float(lat) if pinned else None,
        "longitude": _float(lon) if pinned else None,
        "precision": precision,
        "precision_label": PRECISION_LABELS.get(precision, "") if precision else "unmatched",
        "location_text": _text(loc.get("location_part")) or _text(loc.get("location_text")),
        "first_event_date": dates[0] if dates else "",
        "last_event_date": dates[-1] if dates else "",
        "n_reports": len(per_report),
        "n_sources": int(per_report["source_publisher"].nunique()),
        "event_types": "; ".join(sorted(set(per_report["event_type"].map(_text)) - {""})),
        "latest_event_type": latest[2],
        "latest_event_date": latest[0],
        "nationalities": "; ".join(nationalities),
        "report_ids": "; ".join(per_report["report_id"].astype(str)),
        "citations": json.dumps(citations, ensure_ascii=False),
        "events": json.dumps(events, ensure_ascii=False),
    }
