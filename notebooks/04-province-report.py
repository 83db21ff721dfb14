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
# A one-province report: counts, districts, compounds, the reports and their sources, and
# the province map. Render it for any province code from the command line:
#
# ```bash
# .venv/bin/papermill notebooks/04-province-report.ipynb out/report-07.ipynb -p province 07
# .venv/bin/jupyter nbconvert --to html out/report-07.ipynb
# ```
#
# Province codes are the MEF 2025 codes with their leading zero (`"01"` Banteay Meanchey
# to `"25"` Tboung Khmum); the list is printed below.

# %%
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import display

from compoundmap import build_tables, compound_map, get_gazetteer, nationality_counts

# %% tags=["parameters"]
province = "18"  # MEF 2025 province code with its leading zero, 18 is Preah Sihanouk
sources = None  # path to a reports.csv, or None for the bundled one
output_dir = None  # where to save the province map, or None for a new temporary folder

# %%
pd.set_option("display.max_rows", 200)
pd.set_option("display.max_colwidth", 80)
province = str(province).zfill(2)  # papermill -p province 7 passes an int
out = Path(output_dir or tempfile.mkdtemp(prefix="compoundmap-report-"))
out.mkdir(parents=True, exist_ok=True)
unit = get_gazetteer().unit(province)  # GazetteerError for an unknown code
assert unit["level"] == 1, f"{province!r} is not a province code (01 to 25)"
print(f"Province {province}: {unit['name_en']} ({unit['name_km']}), p-code {unit['pcode']}")

# %%
tables = build_tables(sources)  # the tables `compoundmap build` publishes, in memory
reports, compounds = tables.reports, tables.compounds
provinces, districts = tables.province_summary, tables.district_summary

# %% [markdown]
# ## Summary
# Reports with a place in the province; people are the sum over distinct events of the
# smallest and largest figure a source gives, per event type.

# %%
row = provinces[provinces["province_code"] == province].iloc[0]
row[row.astype(str).ne("0")].to_frame(unit["name_en"])

# %% [markdown]
# ## Districts

# %%
in_province = districts[districts["province_code"] == province]
in_province.set_index("district_code")[
    ["district_pcode", "district_name", "n_reports", "n_compounds", "n_sources"]
]

# %% [markdown]
# ## Compounds located in the province

# %%
province_compounds = compounds[compounds["province_code"] == province]
print(len(province_compounds), "compounds")
province_compounds.set_index("compound_id")[
    [
        "name",
        "aliases",
        "district_name",
        "precision_label",
        "n_reports",
        "first_event_date",
        "last_event_date",
        "event_types",
    ]
]

# %% [markdown]
# ## Reports
# Every report with a place in the province, with its source. These are allegations as the
# sources report them.

# %%
province_reports = reports[reports["province_code"] == province].drop_duplicates("report_id")
print(len(province_reports), "reports")
province_reports.set_index("report_id")[
    [
        "event_date",
        "event_type",
        "compound_name",
        "location_text",
        "precision_label",
        "source_publisher",
        "source_title",
        "source_url",
        "source_tier",
    ]
]

# %% [markdown]
# ## Nationalities
# Countries whose nationals the province's reports name, merged by ISO code ("Lao" and
# "Laotian" are Laos); `written_as` keeps the sources' own words, and a value naming no
# single country stays as written with an empty code.

# %%
nationality_counts(province_reports)

# %% [markdown]
# ## Map

# %%
m = compound_map(compounds, reports, provinces, province_code=province)
m.save(str(out / f"province-{province}.html"))
display(m)

# %% [markdown]
# ## Province codes

# %%
get_gazetteer().provinces().set_index("code")[["name_en", "name_km", "pcode"]]
