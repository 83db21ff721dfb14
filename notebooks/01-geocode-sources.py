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
# `compoundmap build` does (`build_tables`: validate, locate, group, summarise, in memory),
# shows what validation found, and lists the rows an analyst should check by hand: places
# the geocoder could not match, ambiguous matches, and places that fall in a different
# province from the one the source states. It ends with how precise the locations are.
#
# Everything runs offline and through the library's public API. Nothing is written into
# the repository: change `sources` below to check another copy of the file.

# %%
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import display

from compoundmap import build_tables, geocode, geocode_places

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the rows to check, or None for a new temporary folder

# %%
pd.set_option("display.max_rows", 120)
pd.set_option("display.max_colwidth", 60)
out = Path(output_dir or tempfile.mkdtemp(prefix="compoundmap-check-"))
out.mkdir(parents=True, exist_ok=True)

# %% [markdown]
# ## 1. Build and validate
#
# `build_tables` returns every table `compoundmap build` publishes, without writing
# anything. Every row is checked against the schema (`data/raw/sources/README.md`) first:
# invalid rows are rejected with a reason naming the line, column and value; valid +
# rejected always equals the number of records in the file.

# %%
tables = build_tables(sources)
report = tables.validation
print(tables.sources)
print(report.summary())
for problem in report.problems:
    print(problem)

# %%
display(report.rejects)

# %%
report.valid[["report_id", "compound_name", "location_text", "province_as_reported"]].head(10)

# %% [markdown]
# ## 2. Geocode
#
# The geocoder turns a place string into an admin unit, a point and a precision
# (1 site, 2 commune, 3 district, 4 province only, 5 Cambodia only). A field naming two
# places gives two results. Some examples:

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
# The published `reports` table (`tables.reports`) locates every valid report: an analyst
# override first (`location_overrides.csv` beside the sources), then the source's own
# coordinates, then the geocoder with the stated province as context. One row per report
# and distinct place. The build's warnings (stale overrides, unrecognised provinces,
# compounds sharing a name across provinces) are printed below.

# %%
located = tables.reports
print(f"{report.valid['report_id'].nunique()} reports -> {len(located)} located rows")
for note in tables.warnings:
    print("note:", note)
located["match_status"].value_counts()

# %%
located["match_method"].value_counts()

# %% [markdown]
# ## 3. Rows to check by hand
#
# ### Unmatched
# No place in the gazetteer matched. They still count in the tables (in the "no province"
# row), but are never mapped. Fix them with an override row, or an alias in
# `data/raw/gazetteer/aliases.csv` when the name is a genuine variant.

# %%
show = ["report_id", "location_text", "location_part", "province_as_reported", "matched_name"]
unmatched = located[located["match_status"] == "unmatched"]
print(len(unmatched), "unmatched rows")
unmatched[show]

# %% [markdown]
# ### Ambiguous
# More than one place matched equally well; the geocoder kept the best candidate. Check
# that it is the right one.

# %%
ambiguous = located[located["match_status"] == "ambiguous"]
print(len(ambiguous), "ambiguous rows")
ambiguous[[*show, "province_name", "precision_label", "match_score"]]

# %% [markdown]
# ### Province mismatch
# The located province differs from every province the source states. The location is kept,
# not overwritten: either the source is loose about provinces or the match is wrong.

# %%
mismatch = located[located["province_mismatch"]]
print(len(mismatch), "rows located outside the stated province")
mismatch[[*show, "province_name", "match_method", "admin_flag"]]

# %% [markdown]
# ## 4. Precision
#
# How precisely the reports can be placed. Province-only (4) and Cambodia-only (5) rows are
# never drawn as pins.

# %%
precision = located["precision_label"].value_counts().rename("rows").to_frame()
precision["share"] = (precision["rows"] / len(located)).round(3)
display(precision)

# %%
located.pivot_table(
    index="province_name", columns="precision_label", values="report_id", aggfunc="count"
).fillna(0).astype(int)

# %% [markdown]
# ## 5. Save the rows to check
# Unmatched, ambiguous and province-mismatch rows in one CSV, for review in a spreadsheet.

# %%
to_check = located[located["match_status"].ne("matched") | located["province_mismatch"]]
to_check.drop(columns="geometry").to_csv(out / "rows_to_check.csv", index=False)
print(f"{len(to_check)} rows to check written to {out / 'rows_to_check.csv'}")
