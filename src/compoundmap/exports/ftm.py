"""The investigators' edition: operators, sites and designations as FollowTheMoney entities.

Written by :func:`compoundmap.exports.write_exports` to ``ftm/entities.ftm.json``, one JSON
entity per line (``{"id", "schema", "properties"}``), the format Aleph, ``ftm`` and the
OpenSanctions tools load. The entities are plain dictionaries built here, so a build does
not need the ``followthemoney`` package (its PyICU dependency has no wheels); the test
suite loads and validates every entity with it.

Mapping (``docs/ftm.md``): an operator is a ``Company`` (kind company), an
``Organization`` (kind group) or a ``Person`` (only a person a government designated); a
registry site is ``RealEstate`` (a physical property, which FollowTheMoney lets be owned,
linked and sanctioned), with coordinates only when a source gives the site's own; a
designation is a ``Sanction`` whose ``entity`` is the designated operator or site.
Operator-site links are ``Ownership`` (role owner) or ``UnknownLink`` with the reported
role; a group's members are linked by ``parent`` (companies) or ``Membership`` (persons).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from ..schema import Precision
from ._common import ENTITY_PREFIX, TablesLike, split_list

__all__ = ["FTM_NAME", "OPENSANCTIONS_URL", "entity_id", "ftm_entities", "write_ftm"]

#: Path of the entities file inside the processed folder.
FTM_NAME = "ftm/entities.ftm.json"
#: Page of an OpenSanctions entity, added to ``sourceUrl`` when a curator recorded its id.
OPENSANCTIONS_URL = "https://www.opensanctions.org/entities/{}/"
#: Publisher written on every entity.
PUBLISHER = "compoundmap"
_OPERATOR_SCHEMA = {"company": "Company", "group": "Organization", "person": "Person"}
_TARGET_SCHEMA = {
    "person": "Person",
    "operator": "Organization",
    "compound": "RealEstate",
    "property": "RealEstate",
}

Entity = dict[str, Any]


def entity_id(record_id: str, *parts: str) -> str:
    """The FollowTheMoney id of a compoundmap record (stable: built from permanent ids).

    Parameters
    ----------
    record_id : str
        The record's permanent id.
    *parts : str
        Further permanent ids, for an entity linking records (an operator and a site).

    Returns
    -------
    str
        :data:`ENTITY_PREFIX` and the ids joined by ``-``, lower-cased.

    Examples
    --------
    >>> entity_id("OP-0001")
    'compoundmap-op-0001'
    >>> entity_id("OP-0001", "CM-0100")
    'compoundmap-op-0001-cm-0100'
    """
    return ENTITY_PREFIX + "-".join([record_id, *parts]).lower()


def _values(*cells: object) -> list[str]:
    """Non-empty text values, in order, without repeats."""
    out: list[str] = []
    for cell in cells:
        if isinstance(cell, str) and cell.strip() and cell.strip() not in out:
            out.append(cell.strip())
    return out


def _entity(schema: str, ident: str, **properties: Iterable[object]) -> Entity:
    props = {k: v for k, v in ((k, _values(*v)) for k, v in properties.items()) if v}
    props.setdefault("publisher", [PUBLISHER])
    return {"id": ident, "schema": schema, "properties": dict(sorted(props.items()))}


def _active(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["record_status"] == "active"]


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as dicts with empty text for missing values (the file's own convention)."""
    plain = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
    return [
        {str(k): ("" if v is None or v is pd.NA or v != v else v) for k, v in row.items()}
        for row in plain.to_dict("records")
    ]


def _designated(designations: pd.DataFrame) -> tuple[set[str], set[str]]:
    """Operator and site ids that an active designation names."""
    active = _active(designations)
    operators = {str(v) for v in active["operator_id"] if isinstance(v, str) and v}
    sites = {str(v) for v in active["compound_id"] if isinstance(v, str) and v}
    return operators, sites


def _operators(operators: pd.DataFrame, designated: set[str]) -> dict[str, Entity]:
    """Operator id → entity; a person nobody designated is left out (private person)."""
    out: dict[str, Entity] = {}
    for row in _records(_active(operators)):
        schema = _OPERATOR_SCHEMA.get(str(row["kind"]), "Organization")
        if schema == "Person" and row["operator_id"] not in designated:
            continue
        country = str(row["country"]).lower() if isinstance(row["country"], str) else ""
        sources = [row["source_url"]]
        if isinstance(row["opensanctions_id"], str) and row["opensanctions_id"].strip():
            sources.append(OPENSANCTIONS_URL.format(row["opensanctions_id"].strip()))
        out[str(row["operator_id"])] = _entity(
            schema,
            entity_id(str(row["operator_id"])),
            name=[row["name"]],
            alias=[*split_list(row["aliases"]), *split_list(row["names_other_scripts"])],
            **{"country" if schema == "Person" else "jurisdiction": [country]},
            wikidataId=[row["wikidata_id"]],
            description=[f"Reported role: {row['role']}." if row["role"] else ""],
            notes=[row["notes"]],
            sourceUrl=sources,
            topics=["sanction"] if row["operator_id"] in designated else [],
        )
    return out


def _address(row: dict[str, Any]) -> str:
    parts = _values(*(row[f"{p}_name"] for p in ("place", "commune", "district", "province")))
    return ", ".join([*parts, "Cambodia"])


def _sites(compounds: pd.DataFrame, designated: set[str]) -> dict[str, Entity]:
    out: dict[str, Entity] = {}
    for row in _records(_active(compounds)):
        at_site = row["precision"] != "" and int(row["precision"]) == Precision.SITE
        evidence = str(row["location_evidence"])
        status = row["status"] and f"Reported status: {row['status']} ({row['status_date']})."
        out[str(row["compound_id"])] = _entity(
            "RealEstate",
            entity_id(str(row["compound_id"])),
            name=[row["name"]],
            alias=[*split_list(row["aliases"]), *split_list(row["names_other_scripts"])],
            country=["kh"],
            address=[_address(row)],
            latitude=[f"{row['latitude']:.6f}"] if at_site else [],
            longitude=[f"{row['longitude']:.6f}"] if at_site else [],
            propertyType=[str(row["site_type"]).replace("_", " ")],
            summary=[status],
            notes=[row["notes"]],
            sourceUrl=[evidence] if evidence.startswith("http") else [],
            topics=["sanction"] if row["compound_id"] in designated else [],
        )
    return out


def _links(
    compounds: pd.DataFrame,
    operators: pd.DataFrame,
    op_entities: dict[str, Entity],
    site_entities: dict[str, Entity],
) -> Iterator[Entity]:
    """Operator-site links, and each group's members."""
    roles = dict(zip(operators["operator_id"], operators["role"], strict=True))
    for row in _records(_active(compounds)):
        if row["compound_id"] not in site_entities:
            continue
        for op in split_list(row["operator_id"]):
            if op not in op_entities:
                continue
            ident = entity_id(op, str(row["compound_id"]))
            owner, site = op_entities[op]["id"], site_entities[row["compound_id"]]["id"]
            role = str(roles.get(op, "") or "")
            if role == "owner":
                yield _entity("Ownership", ident, owner=[owner], asset=[site], role=[role])
            else:
                yield _entity(
                    "UnknownLink", ident, subject=[owner], object=[site], role=[role or "other"]
                )
    for row in _records(_active(operators)):
        parent = row["parent_operator_id"]
        if row["operator_id"] not in op_entities or parent not in op_entities:
            continue
        member = op_entities[row["operator_id"]]
        if member["schema"] == "Person":
            yield _entity(
                "Membership",
                entity_id(str(row["operator_id"]), str(parent)),
                member=[member["id"]],
                organization=[op_entities[parent]["id"]],
            )
        else:
            member["properties"]["parent"] = [op_entities[parent]["id"]]


def _sanctions(
    designations: pd.DataFrame, op_entities: dict[str, Entity], site_entities: dict[str, Entity]
) -> Iterator[Entity]:
    """A Sanction per active designation, and an entity for a target not in the registry."""
    for row in _records(_active(designations)):
        site = str(row["compound_id"]) if isinstance(row["compound_id"], str) else ""
        op = str(row["operator_id"]) if isinstance(row["operator_id"], str) else ""
        if row["entity_kind"] in ("compound", "property") and site in site_entities:
            target = site_entities[site]["id"]
        elif op in op_entities:
            target = op_entities[op]["id"]
        elif site in site_entities:
            target = site_entities[site]["id"]
        else:  # designated but not in the registry: the target as the authority names it
            target = entity_id(str(row["designation_id"]), "target")
            yield _entity(
                _TARGET_SCHEMA.get(str(row["entity_kind"]), "LegalEntity"),
                target,
                name=[row["entity_name"]],
                topics=["sanction"],
                sourceUrl=[row["source_url"]],
            )
        ended = row["action"] == "delisted"
        yield _entity(
            "Sanction",
            entity_id(str(row["designation_id"])),
            entity=[target],
            authority=[row["authority"]],
            program=[row["program"]],
            provisions=[row["action"]],
            startDate=[] if ended else [row["date"]],
            endDate=[row["date"]] if ended else [],
            recordId=[row["designation_id"]],
            namesMentioned=[row["entity_name"]],
            summary=[row["quote"]],
            description=[f"{row['source_title']} ({row['source_publisher']})"],
            sourceUrl=[row["source_url"]],
        )


def ftm_entities(tables: TablesLike) -> list[Entity]:
    """Every FollowTheMoney entity of a release, sorted by id.

    Parameters
    ----------
    tables : Tables
        From :func:`compoundmap.pipeline.build_tables`; withdrawn records are left out.

    Returns
    -------
    list of dict
        ``{"id", "schema", "properties": {name: [values]}}``; ids are ``compoundmap-``
        plus the lower-cased permanent id (``compoundmap-op-0001``).

    Examples
    --------
    >>> entities = ftm_entities(build_tables())  # doctest: +SKIP
    >>> people = [e for e in entities if e["schema"] == "Person"]  # doctest: +SKIP
    """
    designations = tables.table("designations")
    operators = tables.table("operators")
    compounds = tables.table("compounds")
    designated_ops, designated_sites = _designated(designations)
    op_entities = _operators(operators, designated_ops)
    site_entities = _sites(compounds, designated_sites)
    links = list(_links(compounds, operators, op_entities, site_entities))
    sanctions = list(_sanctions(designations, op_entities, site_entities))
    everything = [*op_entities.values(), *site_entities.values(), *links, *sanctions]
    return sorted(everything, key=lambda e: str(e["id"]))


def write_ftm(tables: TablesLike, path: Path) -> Path:
    """Write :func:`ftm_entities` as JSON lines (UTF-8, sorted keys) to ``path``.

    Parameters
    ----------
    tables : TablesLike
        From :func:`compoundmap.pipeline.build_tables` (anything with ``table(name)``).
    path : pathlib.Path
        The file to write (replaced if it exists; its folders are created).

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for entity in ftm_entities(tables):
            fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    return path
