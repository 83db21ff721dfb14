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
# # 03 · Interactive maps
#
# Builds the interactive map of the registry's sites, shows it here, and saves the same
# pages `compoundmap build` publishes: the Cambodia overview, one page per province with
# events or sites, and a PNG choropleth for print. Every page is self-contained HTML: it
# opens with no network (OpenStreetMap tiles are an optional layer, off at start).
#
# A site is drawn as a pin only at coordinates a cited source gives; sites known to a
# named place, commune or district share one marker at that place; sites known only to
# their province are listed in its popup; events about the whole country or several
# provinces are listed in the About panel.

# %%
from IPython.display import Image, display

from compoundmap import (
    build_tables,
    compound_map,
    notebook_parameters,
    setup_notebook,
    tables_overview,
    write_maps,
)

setup_notebook()  # each distinct warning shown once

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the maps, or None for a new temporary folder

# %%
params = notebook_parameters(sources, output_dir, prefix="compoundmap-maps-")

# %%
tables = build_tables(params.sources)  # the tables `compoundmap build` publishes, in memory
tables_overview(tables)

# %% [markdown]
# ## Cambodia
# Click a marker for the site's events and sources, a province for its counts.

# %%
overview = compound_map(
    tables.compounds, tables.events, tables.province_summary, release=tables.release
)
display(overview)

# %% [markdown]
# ## One province
# The same map zoomed to a province, with its district outlines (here Preah Sihanouk, 18).

# %%
compound_map(
    tables.compounds,
    tables.events,
    tables.province_summary,
    province_code="18",
    release=tables.release,
)

# %% [markdown]
# ## Save the published pages
# Into `maps/` under `output_dir`, as `compoundmap build` writes them.

# %%
maps_dir = params.output_dir / "maps"
for path in write_maps(tables, maps_dir):
    print(path.relative_to(params.output_dir))

# %%
Image(filename=str(maps_dir / "compounds_by_province.png"), width=600)
