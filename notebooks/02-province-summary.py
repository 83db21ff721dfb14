# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: tags,-all
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Province and district summaries
#
# Events, reports, sources and registry sites for every province and district (zeros
# included), the people reported by kind of count, and charts of events by province, year
# and type and of the nationalities the events name.
#
# An **event** is one happening (a raid, a rescue, a deportation…); a **report** is one
# outlet's account of it. Three outlets telling one raid are three reports and one event.
# Every event counts in exactly one row of the province summary: its province, or the
# rows for events concerning several provinces, the whole country, or no known place; so
# the `n_events` column adds up to the number of events. People are counted per kind of
# count ("detained", "rescued" and "deported" mean different things) as the sum of each
# event's smallest and largest figure, never added across kinds; a figure about the whole
# country (a national estimate) is never added to anything and is listed on its own.

# %%
from IPython.display import display

from compoundmap import (
    build_tables,
    districts_with_events,
    events_by_province,
    events_by_type,
    events_by_year,
    national_figures,
    nationalities_by_event,
    notebook_parameters,
    people_by_kind,
    people_by_province,
    setup_notebook,
    summary_counts,
    tables_overview,
    write_tables,
)
from compoundmap.writers import write_csv

setup_notebook(max_rows=250)  # each distinct warning shown once

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the tables as CSV, or None for a new temporary folder

# %%
params = notebook_parameters(sources, output_dir, prefix="compoundmap-summary-")

# %% [markdown]
# ## Build the tables
# `build_tables` runs the same steps as `compoundmap build` (validate, locate, group into
# events, join the registry, summarise) and returns the published tables in memory.

# %%
tables = build_tables(params.sources)
print(tables.validation.summary())
tables_overview(tables)

# %% [markdown]
# ## Provinces
# `n_events` counts the events of each row once; `n_events_shared` the events of the
# several-provinces row that also concern the province (not in its `n_events`);
# `n_reports` and `n_sources` count the reports telling those events and their distinct
# publishers; `n_compounds` the active registry sites located in the province.

# %%
summary_counts(tables.province_summary)

# %% [markdown]
# ## Districts with events
# All 210 districts are in the district summary; only those with events are shown here.
# An event counts in a district when all its places lie in that one district; events
# known only to their province count in no district.

# %%
districts_with_events(tables.district_summary)

# %% [markdown]
# ## People reported, by kind
# For each kind, the events whose figure is added and the sum of their smallest
# (`people_min`) and largest (`people_max`) figures: these are the sums of the province
# summary's people columns. `n_national` counts the events with a country-wide figure of
# that kind, listed below and never added.

# %%
people_by_kind(tables.events)

# %%
people_by_province(tables.province_summary)

# %% [markdown]
# ### Figures about the whole country
# National estimates and country-wide totals, side by side: two outlets repeating one UN
# estimate are one event here, and estimates of different years overlap, so they are
# never added up.

# %%
national_figures(tables.events)

# %% [markdown]
# ## Charts
# Each event counts once. Years are those of the event, as precise as the source (a year,
# a month or a day). Nationalities are counted by country (ISO 3166-1 code): "Lao" and
# "Laotian" both count for Laos; a value naming no single country is kept as the source
# writes it, marked "(as written)".

# %%
ax = events_by_province(tables.province_summary).plot.barh(
    figsize=(7, 8), title="Events by province", xlabel="", ylabel=""
)
ax.invert_yaxis()

# %%
ax = events_by_year(tables.events).plot.bar(
    title="Events by year of the event", xlabel="", ylabel="events"
)

# %%
ax = events_by_type(tables.events).plot.barh(title="Events by type", xlabel="events", ylabel="")
ax.invert_yaxis()

# %%
nationalities = nationalities_by_event(tables.events)
display(nationalities)

# %%
ax = nationalities.set_index("label")["n_events"].plot.barh(
    figsize=(7, 8),
    title="Countries whose nationals events name (events naming each)",
    xlabel="events",
    ylabel="",
)
ax.invert_yaxis()

# %% [markdown]
# ## Save
# Every published table, exactly as `compoundmap build` writes them (CSV with codes
# keeping their leading zeros, GeoJSON, GeoParquet, GeoPackage, `datapackage.json`), in
# `tables/` under `output_dir`, and the nationality counts beside it.

# %%
tables_dir = params.output_dir / "tables"
for path in write_tables(tables, tables_dir):
    print(path.relative_to(params.output_dir))
print(write_csv(nationalities, params.output_dir / "nationalities_by_event.csv"))
