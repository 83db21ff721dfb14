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
# # 04 · Province report
#
# A one-province report: counts, people by kind, districts, registry sites, events, the
# reports with their sources, nationalities, and the province map. Render it for any
# province from the command line:
#
# ```bash
# .venv/bin/papermill notebooks/04-province-report.ipynb out/report-07.ipynb -p province 07
# .venv/bin/jupyter nbconvert --to html --no-input out/report-07.ipynb
# ```
#
# The province can be given as its MEF 2025 code (`07` or `7`), its P-code (`KH07`) or
# its name in English or Khmer (`Kampot`, `កំពត`); the list is at the end. Anything else
# stops the notebook before any work, with one line saying why.

# %%
from IPython.display import display

from compoundmap import (
    build_tables,
    compound_map,
    notebook_parameters,
    province_list,
    province_parameter,
    province_profile,
    setup_notebook,
)

setup_notebook(max_rows=200, max_colwidth=80)  # each distinct warning shown once

# %% tags=["parameters"]
province = "18"  # code ("07" or 7), P-code ("KH07") or name ("Kampot"); 18 is Preah Sihanouk
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the province map, or None for a new temporary folder

# %%
province = province_parameter(province)  # the MEF code; stops with one line if no province
params = notebook_parameters(sources, output_dir, prefix="compoundmap-report-")
province_list().loc[[province]]

# %%
tables = build_tables(params.sources)  # the tables `compoundmap build` publishes, in memory
profile = province_profile(province, tables)

# %% [markdown]
# ## Summary
# `n_events` counts the events attributed to the province alone; `n_events_shared` those
# that concern it together with other provinces (counted in the several-provinces row of
# the province summary). `n_reports` and `n_sources` count the reports telling its events
# and their distinct publishers; `n_compounds` the active registry sites located in it.

# %%
profile["summary"]

# %% [markdown]
# ## People reported, by kind
# For the events attributed to the province: per kind of count, the sum of each event's
# smallest and largest figure; kinds are never added together, and figures about the
# whole country or several provinces are not the province's.

# %%
profile["people"]

# %% [markdown]
# ## Districts

# %%
profile["districts"]

# %% [markdown]
# ## Registry sites located in the province

# %%
print(len(profile["sites"]), "sites")
profile["sites"]

# %% [markdown]
# ## Events
# Every event that concerns the province, oldest first; `attribution` is `province` for
# events counted in the province's own row and `several_provinces` for the shared ones.

# %%
print(len(profile["events"]), "events")
profile["events"]

# %% [markdown]
# ## Reports
# Every counted report with a place in the province, with its source. These are
# allegations as the sources report them.

# %%
print(len(profile["reports"]), "reports")
profile["reports"]

# %% [markdown]
# ## Nationalities
# Countries whose nationals the province's events name, merged by ISO code ("Lao" and
# "Laotian" are Laos); `written_as` keeps the sources' own words, and a value naming no
# single country stays as written with an empty code.

# %%
profile["nationalities"]

# %% [markdown]
# ## Map

# %%
m = compound_map(
    tables.compounds,
    tables.events,
    tables.province_summary,
    province_code=province,
    release=tables.release,
)
m.save(str(params.output_dir / f"province-{province}.html"))
display(m)

# %% [markdown]
# ## Provinces
# Codes, P-codes and names the `province` parameter accepts (other spellings of the names
# too).

# %%
province_list()
