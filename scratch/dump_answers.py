"""Dump geocode_places answers for every labelled string (and passages) to JSON."""
import json, sys
import pandas as pd
from compoundmap.geocode import geocode_places
from compoundmap.geoparse import extract_places
D = "/work/wt-geo/tests/data/"
out = {}
qs = []
for f in ["geocode_dev.csv", "geocode_broad.csv"] + (["geocode_fresh.csv"] if "--fresh" in sys.argv else []):
    qs += list(pd.read_csv(D + f, dtype=str, keep_default_na=False)["query"])
for q in qs:
    out["S " + q] = [f"{p.status} {p.province_code}/{p.district_code}/{p.commune_code} p{p.precision}" for p in geocode_places(q)]
for t in pd.read_csv(D + "passages.csv", dtype=str, keep_default_na=False)["passage"]:
    out["P " + t] = [f"{m.text}:{m.province_code}/{m.district_code}" for m in extract_places(t)]
json.dump(out, open(sys.argv[1], "w"), ensure_ascii=False, indent=0, sort_keys=True)
