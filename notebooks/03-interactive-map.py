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

from compoundmap import (
    build_compounds,
    compound_map,
    load_overrides,
    locate_reports,
    province_summary,
    validate_sources,
    write_maps,
)
from compoundmap._data import raw_path

# %% tags=["parameters"]
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the maps, or None for a new temporary folder

# %%
sources_path = sources or raw_path("sources", "reports.csv")
out = Path(output_dir or tempfile.mkdtemp(prefix="compoundmap-maps-"))

# %%
report = validate_sources(sources_path)
reports, notes = locate_reports(report.valid, overrides=load_overrides())
compounds = build_compounds(reports)
provinces = province_summary(reports, compounds)
print(f"{len(compounds)} compounds from {report.valid['report_id'].nunique()} reports")

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
