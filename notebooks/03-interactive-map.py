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
# Builds the interactive map of reported compounds, shows it here, and saves the same pages
# `compoundmap build` publishes: the Cambodia overview, one page per province with reports,
# and a PNG choropleth for print. Every page is self-contained HTML: it opens with no
# network (OpenStreetMap tiles are an optional layer, off at start).
#
# Pins are drawn only for sites known to a point, commune or district (precision 1-3);
# province-only records count in the province shading and are listed in its popup.

# %%
import tempfile
from pathlib import Path

from IPython.display import Image, display

from compoundmap import build_tables, compound_map, write_maps

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the maps, or None for a new temporary folder

# %%
out = Path(output_dir or tempfile.mkdtemp(prefix="compoundmap-maps-"))

# %%
tables = build_tables(sources)  # the tables `compoundmap build` publishes, in memory
reports, compounds, provinces = tables.reports, tables.compounds, tables.province_summary
print(f"{len(compounds)} compounds from {reports['report_id'].nunique()} reports")

# %% [markdown]
# ## Cambodia
# Click a pin for the compound's reports and sources, a province for its counts.

# %%
overview = compound_map(compounds, reports, provinces)
display(overview)

# %% [markdown]
# ## One province
# The same map zoomed to a province, with its district outlines (here Preah Sihanouk, 18).

# %%
compound_map(compounds, reports, provinces, province_code="18")

# %% [markdown]
# ## Save the published pages

# %%
written = write_maps(compounds, reports, provinces, out)
for path in written:
    print(path.relative_to(out))

# %%
Image(filename=str(out / "compounds_by_province.png"), width=600)
