"""Every published table: its columns, their types and meaning, keys and links.

The one home of the data dictionary: ``datapackage.json``, ``docs/data.md``, the xlsx
README sheet, the HXL tags and :func:`compoundmap.tables.read_table` all read it. A column
is added to a table here, in the same commit as the code that makes it.
"""

from __future__ import annotations

from .boundaries import ADMIN_UNIT_COLUMNS
from .compounds import COMPOUND_COLUMNS, COMPOUND_EVENT_COLUMNS
from .events import EVENT_COLUMNS
from .locate import LOCATION_COLUMNS
from .schema import (
    COUNT_KINDS,
    COUNT_SCOPES,
    DESIGNATIONS_FILE_COLUMNS,
    EVENT_TYPES,
    OPERATORS_FILE_COLUMNS,
    REPORTS_COLUMNS,
    Precision,
)
from .summary import SUMMARY_COLUMNS

__all__ = [
    "FIELD_DESCRIPTIONS",
    "FOREIGN_KEYS",
    "PRIMARY_KEYS",
    "TABLE_COLUMNS",
    "TABLE_TEXT",
    "data_dictionary",
]

Field = tuple[str, str]  # (frictionless type, description)

_ADMIN: dict[str, Field] = {
    "province_code": ("string", 'MEF 2025 province code, two digits with leading zero ("18").'),
    "province_pcode": ("string", 'OCHA/HDX 2018 p-code of the province ("KH18").'),
    "province_name": ("string", "English MEF 2025 province name."),
    "district_code": (
        "string",
        'MEF 2025 district code, four digits ("1801"); empty when not known.',
    ),
    "district_pcode": (
        "string",
        "OCHA/HDX 2018 p-code of the district; empty for districts created after 2018.",
    ),
    "district_name": ("string", "English MEF 2025 district name."),
    "commune_code": ("string", 'MEF 2025 commune/sangkat code, six digits ("180101").'),
    "commune_pcode": (
        "string",
        "OCHA/HDX 2018 p-code of the commune; empty for communes created after 2018.",
    ),
    "commune_name": ("string", "English MEF 2025 commune/sangkat name."),
}
_SCALE = "; ".join(f"{int(p)} {p.label}: {p.description}" for p in Precision)
_PRECISION: dict[str, Field] = {
    "latitude": ("number", "Latitude (WGS84, 6 decimals) of the point drawn; empty when none."),
    "longitude": ("number", "Longitude (WGS84, 6 decimals); empty when none."),
    "precision": ("integer", f"How precisely the place is known: {_SCALE}."),
    "precision_label": ("string", "precision in words (or unmatched / unlocated / withdrawn)."),
}
_STATUS = "active, draft (waiting for review) or withdrawn (kept, never deleted)."
_PEOPLE: dict[str, Field] = {
    f"people_{k}_{b}": (
        "integer",
        f"{'Smallest' if b == 'min' else 'Largest'} figure of people '{k}' (see count_kind)",
    )
    for k in COUNT_KINDS
    for b in ("min", "max")
}

_REPORT_FIELDS: dict[str, Field] = {
    "report_id": ("string", "Permanent id of the source report (CR-0001 ...); never reused."),
    "record_status": ("string", f"Curation status: {_STATUS}"),
    "event_id": (
        "string",
        "The event the report tells (see events); EV:<report_id> when the curators gave none.",
    ),
    "compound_id": ("string", "Registry sites the report is about, '; '-separated."),
    "operator_id": ("string", "Registry operators the report is about, '; '-separated."),
    "compound_name": ("string", "Site name(s) as the source gives them."),
    "aliases": ("string", "Other names the source gives, ';'-separated."),
    "location_text": ("string", "The location as the source writes it, in its language."),
    "province_as_reported": ("string", "Province(s) the source names, ';'-separated."),
    "district_or_town_as_reported": ("string", "District or town the source names."),
    "latitude": ("number", "Latitude the source itself gives (WGS84), if any."),
    "longitude": ("number", "Longitude the source itself gives (WGS84), if any."),
    "event_type": ("string", f"What happened: {', '.join(EVENT_TYPES)}."),
    "event_date": (
        "string",
        "Date of the event, as precise as the source (YYYY, YYYY-MM, YYYY-MM-DD).",
    ),
    "date_precision": ("string", "day, month or year; empty when event_date is empty."),
    "victims_count": (
        "integer",
        "One figure of people the source gives; its meaning is count_kind.",
    ),
    "count_kind": ("string", f"What the figure counts: {', '.join(COUNT_KINDS)}."),
    "count_scope": (
        "string",
        f"What the figure is about: {', '.join(COUNT_SCOPES)} (site = the linked site(s)).",
    ),
    "nationalities": (
        "string",
        "Nationalities the source names, ';'-separated; never victims' names.",
    ),
    "source_publisher": ("string", "Publisher; 'Mirror (republishing Original)' for a copy."),
    "source_title": ("string", "Headline, or a description ending in '(Publisher)'."),
    "source_url": (
        "string",
        "The original publisher's page; empty only for documents with no URL.",
    ),
    "source_date": ("string", "Publication date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    "source_type": ("string", "media, ngo, government, academic or court."),
    "source_tier": (
        "string",
        "primary (the original outlet's page) or secondary (a copy or summary).",
    ),
    "checked_via": ("string", "The copy the curator read, when not source_url."),
    "summary": ("string", "One sentence in the project's words; allegations stay allegations."),
    "verbatim_location_quote": (
        "string",
        "At most 25 words from the source establishing the place.",
    ),
    "verbatim_figure_quote": ("string", "At most 25 words from the source giving the figure."),
    "scope": ("string", "in_scope, or out_of_scope (kept, not mapped or counted)."),
    "scope_reason": ("string", "Why a row is out of scope."),
    "status_note": ("string", "Why a row is withdrawn, or what the next curator should know."),
    "checked_on": ("string", "When a curator last checked the row against its source."),
    "source_row": ("integer", "Line of the report in the sources file."),
    "included": ("boolean", "true when the report is active and in scope: mapped and counted."),
    "n_places": ("integer", "Places the report's location_text names (rows in report_locations)."),
    "province_codes": ("string", "Provinces its places lie in, '; '-separated."),
    "precision": ("integer", "Finest precision among its places (see report_locations)."),
}
_LOCATION_FIELDS: dict[str, Field] = {
    "report_id": ("string", "The report (see reports)."),
    "place_index": ("integer", "0, 1, ... for each distinct place the report names."),
    "event_id": ("string", "The report's event."),
    "compound_id": ("string", "The report's registry sites."),
    "event_type": ("string", "The report's event type."),
    "event_date": ("string", "The report's event date."),
    "location_text": ("string", "The report's location_text."),
    "location_part": ("string", "The part of location_text this row locates."),
    **_ADMIN,
    **_PRECISION,
    "match_score": ("number", "Geocoder score 0-100 (100 for overrides and source coordinates)."),
    "match_confidence": (
        "string",
        "How sure the place is: high (at most 1 place in 100 wrong on the tuned evaluation "
        "sets, 1 in 57 on the held-out set; overrides, source coordinates and stated "
        "provinces), medium or low (check it before relying on it); empty when unmatched. "
        "See docs/geocoding.md.",
    ),
    "match_method": (
        "string",
        "override, source_coordinates, stated_province (the province the source states, "
        "used when the text names no known place), stated_place (...) (the district or town "
        "the source states made a province-only place finer), or the geocoder's method.",
    ),
    "match_status": ("string", "matched, ambiguous or unmatched."),
    "matched_name": ("string", "Gazetteer name that matched."),
    "province_mismatch": ("boolean", "true when the place lies in none of the stated provinces."),
    "admin_flag": (
        "string",
        "Spatial-join notes: nearest_within_20km, outside_cambodia, commune_split_after_2018, "
        "point_outside_province.",
    ),
}
_EVENT_FIELDS: dict[str, Field] = {
    "event_id": ("string", "Permanent event id (EV-...), or EV:<report_id> for a lone report."),
    "event_type": ("string", "The type most of its reports give."),
    "event_types": ("string", "Every type its reports give, '; '-separated."),
    "event_date": ("string", "Earliest date its reports give (the most precise of that day)."),
    "event_dates": ("string", "Every date its reports give, side by side."),
    "date_precision": ("string", "day, month or year of event_date."),
    "attribution": (
        "string",
        "Where the event counts in province_summary: province (exactly one), "
        "several_provinces, national or unlocated.",
    ),
    "province_code": ("string", "The one province, when attribution is province."),
    "province_codes": ("string", "Every province its reports and sites lie in."),
    "district_code": ("string", "The one district, when all its places lie in one."),
    "district_codes": ("string", "Every district its places lie in."),
    "precision": ("integer", "Finest precision among its places."),
    "compound_id": ("string", "Registry sites it concerns, '; '-separated."),
    "operator_id": ("string", "Registry operators it concerns."),
    "n_reports": ("integer", "Reports telling it (sources, not events)."),
    "n_sources": ("integer", "Distinct publishers among them."),
    "n_primary": ("integer", "Reports read from the original outlet."),
    "report_ids": ("string", "Its reports, '; '-separated."),
    "nationalities": ("string", "Nationalities its reports name."),
    **{
        k: (t, f"{d} among the event's reports, over the widest scope they give; never summed.")
        for k, (t, d) in _PEOPLE.items()
    },
    "figure_scopes": ("string", "What each kind's figures are about ('kind: scope; ...')."),
    "figures": ("string", "JSON list of every figure: {report_id, people, kind, scope}."),
    "citations": (
        "string",
        "JSON list of {report_id, publisher, title, url, date, source_type, tier}.",
    ),
}
_COMPOUND_FIELDS: dict[str, Field] = {
    "compound_id": (
        "string",
        "Permanent registry id (CM-....); never encodes a place, never reused.",
    ),
    "record_status": ("string", f"Registry status: {_STATUS}"),
    "status_note": ("string", "Why a site is withdrawn (merged into another, not a site...)."),
    "name": ("string", "Canonical name."),
    "names_other_scripts": ("string", "Names in Khmer, Chinese, Thai, Korean..., ';'-separated."),
    "aliases": ("string", "Other names, ';'-separated."),
    "site_type": ("string", "compound, casino_hotel_complex, building, zone or other."),
    "operator_id": ("string", "Operators reported to run, own or develop it."),
    "operator_names": ("string", "Their names."),
    **_ADMIN,
    "place_name": ("string", "The named place it is reported at or in (town, village, beach...)."),
    **_PRECISION,
    "location_evidence": ("string", "The report id, or URL, whose quote establishes the location."),
    "location_quote": ("string", "That quote, when not in a report row."),
    "first_reported": ("string", "Earliest date a source mentions the site."),
    "last_reported": ("string", "Date of its latest dated event."),
    "status": (
        "string",
        "From its latest dated event: reported operating (a report, warning, rescue, escape, "
        "investigation), raided (a raid or deportation; not a closure: many sites reopened), "
        "reported relocated, reported closed; empty without a dated event.",
    ),
    "status_event_id": ("string", "The event the status comes from."),
    "status_date": ("string", "Its date."),
    "sanctioned": ("boolean", "true when a designation or a sanction event concerns the site."),
    "designation_ids": ("string", "Designations of the site (see designations)."),
    "n_events": ("integer", "Events about the site."),
    "n_reports": ("integer", "Reports telling them."),
    "n_sources": ("integer", "Distinct publishers."),
    "event_types": ("string", "Types of its events."),
    "latest_event_type": ("string", "Type of its latest dated event."),
    "latest_event_date": ("string", "Date of its latest dated event."),
    "nationalities": ("string", "Nationalities its events name."),
    "event_ids": ("string", "Its events, '; '-separated (see compound_events)."),
    "timeline": ("string", "JSON list of its events with their figures and citations."),
    "former_ids": ("string", "Ids of earlier releases (C18-...) this site replaces."),
    "notes": ("string", "Curators' notes, in the project's words."),
}
_COMPOUND_EVENT_FIELDS: dict[str, Field] = {
    "compound_id": ("string", "The site."),
    "event_id": ("string", "The event."),
    **{k: _EVENT_FIELDS[k] for k in COMPOUND_EVENT_COLUMNS[2:]},
}
_OPERATOR_FIELDS: dict[str, Field] = {
    "operator_id": ("string", "Permanent id (OP-....)."),
    "record_status": ("string", f"Registry status: {_STATUS}"),
    "status_note": ("string", "Why withdrawn."),
    "name": ("string", "Name."),
    "names_other_scripts": ("string", "Names in other scripts."),
    "aliases": ("string", "Other names."),
    "kind": ("string", "company, group, or person (only a person a government designated)."),
    "role": ("string", "operator, owner, developer, financier, landlord or other, as reported."),
    "country": ("string", "ISO 3166-1 alpha-2 code of registration, when known."),
    "wikidata_id": ("string", "Wikidata item, when public."),
    "opensanctions_id": ("string", "OpenSanctions entity id, when public."),
    "parent_operator_id": ("string", "Parent group."),
    "notes": ("string", "Curators' notes."),
    "source_url": ("string", "Source of the entry."),
    "source_quote": ("string", "At most 25 words from it."),
}
_DESIGNATION_FIELDS: dict[str, Field] = {
    "designation_id": ("string", "Permanent id (SD-....)."),
    "record_status": ("string", f"Registry status: {_STATUS}"),
    "status_note": ("string", "Why withdrawn."),
    "entity_kind": ("string", "operator, compound, person or property (not reported as a site)."),
    "entity_name": ("string", "Name as designated."),
    "operator_id": ("string", "The designated operator."),
    "compound_id": ("string", "The designated site."),
    "authority": ("string", "Who designated (US Treasury OFAC, UK FCDO, ...)."),
    "program": ("string", "Sanctions programme."),
    "action": ("string", "designated, delisted or finding."),
    "date": ("string", "Date of the action."),
    "source_publisher": ("string", "Publisher of the source."),
    "source_title": ("string", "Its title."),
    "source_url": ("string", "The authority's page where possible."),
    "quote": ("string", "At most 25 words from it."),
}
_SUMMARY_FIELDS: dict[str, Field] = {
    "n_events": ("integer", "Events counted in this row (each event counts in exactly one row)."),
    "n_events_shared": (
        "integer",
        "Events of the several_provinces row that also concern this province (not in n_events).",
    ),
    "n_reports": ("integer", "Reports telling those events (sources, not events)."),
    "n_sources": ("integer", "Distinct publishers among them."),
    "n_compounds": ("integer", "Active registry sites located in the unit."),
    "first_event_date": ("string", "Earliest event date."),
    "last_event_date": ("string", "Latest event date."),
    **{f"n_{t}": ("integer", f"Events of type '{t}'.") for t in EVENT_TYPES},
    **{
        k: (
            t,
            f"Sum over the row's events of each event's {d[:7].lower()} figure of that kind; "
            "only figures about a site, a place or the province (several_provinces also: an "
            "operation across provinces); never a country-wide figure (empty on the national "
            "row).",
        )
        for k, (t, d) in _PEOPLE.items()
    },
    "nationalities": (
        "string",
        "Countries whose nationals the events name, with the number of events naming each: "
        '"China (CN): 12; Thailand (TH): 3"; a value naming no single country is kept, '
        'marked "(as written)".',
    ),
}

#: Every published table's columns: name → {column: (type, description)}.
FIELD_DESCRIPTIONS: dict[str, dict[str, Field]] = {
    "reports": {
        c: _REPORT_FIELDS[c]
        for c in [
            *REPORTS_COLUMNS[:14],
            "date_precision",
            *REPORTS_COLUMNS[14:],
            "source_row",
            "included",
            "n_places",
            "province_codes",
            "precision",
        ]
    },
    "report_locations": {c: _LOCATION_FIELDS[c] for c in LOCATION_COLUMNS},
    "events": {c: _EVENT_FIELDS[c] for c in EVENT_COLUMNS},
    "compounds": {c: _COMPOUND_FIELDS[c] for c in COMPOUND_COLUMNS},
    "compound_events": {c: _COMPOUND_EVENT_FIELDS[c] for c in COMPOUND_EVENT_COLUMNS},
    "operators": {c: _OPERATOR_FIELDS[c] for c in OPERATORS_FILE_COLUMNS},
    "designations": {c: _DESIGNATION_FIELDS[c] for c in DESIGNATIONS_FILE_COLUMNS},
    "province_summary": {
        **{c: _ADMIN[c] for c in ("province_code", "province_pcode", "province_name")},
        "row_type": (
            "string",
            "province, or several_provinces / national / unlocated for the last three rows.",
        ),
        **{c: _SUMMARY_FIELDS[c] for c in SUMMARY_COLUMNS},
    },
    "district_summary": {
        **{
            c: _ADMIN[c]
            for c in (
                "district_code",
                "district_pcode",
                "district_name",
                "province_code",
                "province_name",
            )
        },
        **{c: _SUMMARY_FIELDS[c] for c in SUMMARY_COLUMNS},
    },
    "rejects": {
        "source_row": ("integer", "Line of the rejected row in the sources file."),
        "reject_reason": ("string", "Every problem of the row, 'column: message' joined by '; '."),
        **{c: ("string", "As in the sources file, unchanged.") for c in REPORTS_COLUMNS},
    },
}
#: Columns of each published table, in order.
TABLE_COLUMNS: dict[str, list[str]] = {t: list(f) for t, f in FIELD_DESCRIPTIONS.items()}

#: One-line description of each table.
TABLE_TEXT: dict[str, str] = {
    "reports": "One row per source report: one outlet's account of one event, with its citation.",
    "report_locations": "One row per (report, place named), located at the precision its text "
    "supports; GeoJSON/GeoParquet/GeoPackage add a point for mappable precisions.",
    "events": "One row per event: its reports, places and figures (ranges, never sums).",
    "compounds": "One row per registry site: location, status and cited history.",
    "compound_events": "One row per (site, event about it).",
    "operators": "Companies, groups and designated persons reported to run, own or finance sites.",
    "designations": "Sanctions and official findings, each cited.",
    "province_summary": "All 25 provinces (zeros included), then rows for events concerning "
    "several provinces, the whole country, or no known place; each event counts once.",
    "district_summary": "All 210 districts of 2025 (zeros included); events within one district.",
    "rejects": "Rows of the sources file that failed validation, unchanged, with the reason.",
}
#: Primary key of each table.
PRIMARY_KEYS: dict[str, list[str]] = {
    "reports": ["report_id"],
    "report_locations": ["report_id", "place_index"],
    "events": ["event_id"],
    "compounds": ["compound_id"],
    "compound_events": ["compound_id", "event_id"],
    "operators": ["operator_id"],
    "designations": ["designation_id"],
    "province_summary": ["province_name"],
    "district_summary": ["district_code"],
    "rejects": ["source_row"],
}
#: Single-column links between tables (table, column) → (table, column).
FOREIGN_KEYS: list[tuple[str, str, str, str]] = [
    ("report_locations", "report_id", "reports", "report_id"),
    ("report_locations", "event_id", "events", "event_id"),
    ("compound_events", "compound_id", "compounds", "compound_id"),
    ("compound_events", "event_id", "events", "event_id"),
    ("compounds", "status_event_id", "events", "event_id"),
    ("designations", "operator_id", "operators", "operator_id"),
    ("designations", "compound_id", "compounds", "compound_id"),
    ("operators", "parent_operator_id", "operators", "operator_id"),
]


def data_dictionary() -> str:
    """The published tables' fields as Markdown (the body of ``docs/data.md``).

    Examples
    --------
    >>> "province_mismatch" in data_dictionary()
    True
    """
    parts: list[str] = []
    for table, fields in FIELD_DESCRIPTIONS.items():
        key = ", ".join(f"`{k}`" for k in PRIMARY_KEYS[table])
        parts.append(f"## `{table}.csv`\n\n{TABLE_TEXT[table]} Key: {key}.\n")
        parts.append("| field | type | description |\n|---|---|---|")
        for name, (kind, text) in fields.items():
            cell = text.replace("|", "\\|")
            parts.append(f"| `{name}` | {kind} | {cell} |")
        parts.append("")
    return "\n".join(parts)


assert all(set(PRIMARY_KEYS[t]) <= set(TABLE_COLUMNS[t]) for t in PRIMARY_KEYS)
assert ADMIN_UNIT_COLUMNS  # the admin columns come from boundaries, described above
