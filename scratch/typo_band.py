import random, sys, collections
from compoundmap import geocode_places, get_gazetteer
g=get_gazetteer(); u=g.units
rng=random.Random(5)
stats=collections.defaultdict(lambda:[0,0]); bad=[]
for lvl,reps in ((1,60),(2,6),(3,1)):
    units=u[u.level==lvl]
    for code,name in zip(units.code,units.name_en):
        if len(name)<6: continue
        for _ in range(reps):
            s=list(name)
            for _ in range(rng.choice([1,2])):
                i=rng.randrange(1,len(s)-1); op=rng.randrange(3)
                if op==0: del s[i]
                elif op==1 and i+1<len(s): s[i],s[i+1]=s[i+1],s[i]
                else: s[i]=rng.choice('aeioukngh')
            q=''.join(s)
            if lvl==3: q=q+' commune, '+g.name(code[:4])+' district'
            for r in geocode_places(q):
                if not r.province_code: continue
                ok = r.province_code==code[:2] and (lvl==1 or r.district_code in (None,code[:4])) and (lvl<3 or r.commune_code in (None,code))
                b=r.confidence; stats[b][0]+=ok; stats[b][1]+=1
                if not ok and b=='high': bad.append((q,name,r.province_code,r.district_code,r.commune_code,r.method,r.matched_name))
for b,(a,n) in stats.items(): print(b,a,n,round(100*a/n,1))
for x in bad[:30]: print(x)
