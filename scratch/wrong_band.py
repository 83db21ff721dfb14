import sys
sys.path.insert(0,'benchmarks')
import eval_geocode as E
want=sys.argv[1:] or ['high']
for name,rows in E.string_sets(held_out=False).items():
    if name=='broad test': continue
    for row in rows.itertuples(index=False):
        gold={p for p in str(row.gold_places).split(';') if p}
        for p in E.geocode_places(row.query):
            if not p.province_code: continue
            if E.band(p) in want and E._place_wrong(p,gold,str(row.gold_district_code),str(row.gold_commune_code)):
                print(f"{name:9} {E.band(p):6} {row.query[:70]!r:72} gold {sorted(gold)}/{row.gold_district_code} -> {p.province_code}/{p.district_code}/{p.commune_code} {p.status} p{p.precision} {p.method} {p.matched_name} {p.score}")
