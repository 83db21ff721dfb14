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
# # 01 · Validate and geocode the curated sources
#
# Start here. This notebook builds the tables from the curated `reports.csv` exactly as
# `compoundmap build` does (`build_tables`: validate, locate, group into events, join the
# registry, summarise, all in memory), shows what validation found, and lists the places
# an analyst should check by hand: places the geocoder could not match, ambiguous
# matches, and places that lie in a different province from the one the source states.
# It ends with how precisely the places are known.
#
# Everything runs offline through the library's public API; the cells only call it and
# show the result. Nothing is written into the repository: change `sources` below to
# check another copy of the file.

# %%
from IPython.display import display

from compoundmap import (
    build_tables,
    geocode,
    geocode_places,
    match_counts,
    notebook_parameters,
    precision_by_province,
    precision_shares,
    rows_to_check,
    setup_notebook,
    tables_overview,
)
from compoundmap.writers import write_csv

setup_notebook(max_rows=120, max_colwidth=60)  # each distinct warning shown once

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the rows to check, or None for a new temporary folder

# %%
params = notebook_parameters(sources, output_dir, prefix="compoundmap-check-")

# %% [markdown]
# ## 1. Build and validate
#
# `build_tables` returns every table `compoundmap build` publishes, without writing
# anything. Every row is checked against the schema (`data/raw/sources/README.md`) first:
# invalid rows are rejected with a reason naming the line, column and value; valid +
# rejected always equals the number of records in the file. Reports that are withdrawn,
# drafts or out of scope stay in the `reports` table but are not mapped or counted.

# %%
tables = build_tables(params.sources)
report = tables.validation
print(tables.sources)
print(report.summary())
for problem in report.problems:
    print(problem)

# %%
tables_overview(tables)

# %%
display(tables.rejects)

# %%
report.valid[["report_id", "compound_name", "location_text", "province_as_reported"]].head(10)

# %% [markdown]
# ## 2. Geocode
#
# The geocoder turns a place string into an admin unit, a point and a precision. A field
# naming two places gives two results. Some examples:

# %%
for text in ["O'Smach, Oddar Meanchey", "Bavet", "Sihanoukville", "Cambodia"]:
    result = geocode(text)
    print(
        f"{text!r:28} -> {result.status:9} precision={result.precision} "
        f"{result.province_name} / {result.district_name} ({result.method}, {result.score:.0f})"
    )

# %%
[
    (r.matched_name, r.province_code, r.precision)
    for r in geocode_places("Phnom Penh; Sihanoukville")
]

# %% [markdown]
# The `report_locations` table locates every counted report, one row per report and
# distinct place it names: an analyst override first (`location_overrides.csv` beside the
# sources), then the source's own coordinates, then the geocoder with the stated province
# as context. The build's warnings (stale overrides, unrecognised provinces, registry
# problems) are printed below, then how each place was located (rows) and how well
# (columns).

# %%
for note in tables.warnings:
    print("note:", note)
match_counts(tables.report_locations)

# %% [markdown]
# ## 3. Places to check by hand
#
# ### Unmatched
# No place in the gazetteer matched. The report still counts (in its event's row of the
# province summary), but the place is never mapped. Fix it with an override row, or an
# alias in `data/raw/gazetteer/aliases.csv` when the name is a genuine variant.

# %%
unmatched = rows_to_check(tables.report_locations, tables.reports, reason="unmatched")
print(len(unmatched), "unmatched places")
display(unmatched)

# %% [markdown]
# ### Ambiguous
# More than one place matched equally well; the geocoder kept the best candidate. Check
# that it is the right one.

# %%
ambiguous = rows_to_check(tables.report_locations, tables.reports, reason="ambiguous")
print(len(ambiguous), "ambiguous places")
display(ambiguous)

# %% [markdown]
# ### Province mismatch
# The place lies in none of the provinces the source states. The location is kept, not
# overwritten: either the source is loose about provinces or the match is wrong.

# %%
mismatch = rows_to_check(tables.report_locations, tables.reports, reason="province_mismatch")
print(len(mismatch), "places outside the stated province")
display(mismatch)

# %% [markdown]
# ## 4. Precision
#
# How precisely the places are known, on the scale of the data dictionary (site, named
# place, commune, district, province only, Cambodia only). Province-only and Cambodia-only
# places are never drawn as markers.

# %%
precision_shares(tables.report_locations)

# %%
precision_by_province(tables.report_locations)

# %% [markdown]
# ## 5. Save the places to check
# Unmatched, ambiguous and province-mismatch places in one CSV (formula-safe), for review
# in a spreadsheet.

# %%
to_check = rows_to_check(tables.report_locations, tables.reports)
path = write_csv(to_check, params.output_dir / "rows_to_check.csv")
print(f"{len(to_check)} places to check written to {path}")
