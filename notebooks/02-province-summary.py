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
# Counts of reports, compounds and sources for every province and district (zeros
# included), with charts of reports by province, by year, by event type, and of the
# nationalities the reports name.
#
# A report with places in two provinces counts in both, so province columns can add up to
# more than the number of reports. People counts are kept per event type ("detained",
# "rescued" and "deported" mean different things) as the smallest and largest figure
# reported, never averaged.

# %%
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import display

from compoundmap import build_tables, nationality_counts, write_tables

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the tables as CSV, or None for a new temporary folder

# %%
pd.set_option("display.max_rows", 250)
out = Path(output_dir or tempfile.mkdtemp(prefix="compoundmap-summary-"))
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## Build the tables
# `build_tables` runs the same steps as `compoundmap build` (validate, locate, group into
# compounds, summarise) and returns the published tables in memory.

# %%
tables = build_tables(sources)
reports, compounds = tables.reports, tables.compounds
provinces, districts = tables.province_summary, tables.district_summary
print(tables.validation.summary())
print(f"{len(reports)} report rows, {len(compounds)} compounds")

# %% [markdown]
# ## Provinces

# %%
columns = ["province_code", "province_pcode", "province_name", "n_reports", "n_compounds"]
columns += ["n_sources", "first_event_date", "last_event_date", "nationalities"]
provinces[columns]

# %% [markdown]
# ## Districts with reports
# All 210 districts are in the table; only those with located reports are shown here.
# Province-only reports are not counted in any district.

# %%
district_columns = ["district_code", "district_name", "province_name", "n_reports"]
district_columns += ["n_compounds", "n_sources", "first_event_date", "last_event_date"]
districts.loc[districts["n_reports"] > 0, district_columns].sort_values(
    "n_reports", ascending=False
)

# %% [markdown]
# ## People reported, by event type
# Sums over distinct events of the smallest (`_min`) and largest (`_max`) figure a source
# gives; never added across types.

# %%
people = [c for c in provinces.columns if c.startswith("people_")]
provinces.set_index("province_name")[people].loc[lambda t: t.sum(axis=1) > 0]

# %% [markdown]
# ## Charts
# Reports by province count a report in every province it names. Years are those of the
# event (the source's own precision: a year, a month or a day). Nationalities are counted by
# country (ISO 3166-1 code): "Lao" and "Laotian" both count for Laos; a value naming no
# single country is kept as the source writes it, with an empty code.

# %%
ax = (
    provinces.set_index("province_name")["n_reports"]
    .sort_values()
    .plot.barh(figsize=(7, 8), title="Reports by province", xlabel="reports", ylabel="")
)

# %%
# One row per report for the charts below (the reports table has one row per place).
unique_reports = reports.drop_duplicates("report_id")
years = unique_reports["event_date"].str.slice(0, 4).replace("", "no date")
ax = (
    years.value_counts()
    .sort_index()
    .plot.bar(title="Reports by year of the event", xlabel="", ylabel="reports")
)

# %%
ax = (
    unique_reports["event_type"]
    .value_counts()
    .sort_values()
    .plot.barh(title="Reports by event type", xlabel="reports", ylabel="")
)

# %%
nationalities = nationality_counts(reports)
display(nationalities)

# %%
labels = nationalities["country_name"] + " (" + nationalities["country_code"] + ")"
labels = labels.where(nationalities["country_code"] != "", nationalities["country_name"])
ax = (
    nationalities.set_axis(labels)["n_reports"]
    .iloc[::-1]
    .plot.barh(
        figsize=(7, 6),
        title="Countries whose nationals reports name (reports naming each)",
        xlabel="reports",
        ylabel="",
    )
)

# %% [markdown]
# ## Save
# Every published table, exactly as `compoundmap build` writes them (CSV with codes keeping
# their leading zeros, GeoJSON, GeoParquet, GeoPackage, `datapackage.json`), and the
# nationality counts, in `output_dir`.

# %%
for path in write_tables(tables, out):
    print(path.relative_to(out))
nationalities.to_csv(out / "nationality_counts.csv", index=False)
print("written to", out)
