import sys
sys.path.insert(0,'benchmarks')
import eval_geocode as E
from compoundmap.geocode.confidence import doubts
name=sys.argv[1]; want=sys.argv[2]
rows=E.string_sets(held_out=False)[name]
for row in rows.itertuples(index=False):
    for p in E.geocode_places(row.query):
        if p.province_code and E.band(p)==want:
            print(f"{row.query[:70]!r:72} -> {p.province_code}/{p.district_code}/{p.commune_code} {p.method} {p.matched_name} {p.score}")
